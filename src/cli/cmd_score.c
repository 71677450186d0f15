/*
 * cmd_score.c: the 'score' command: open a session read-only (so it works
 * while the interview holds the write lock), compute the result and print it
 * as German text, tsv or JSON. CLI layer: it prints (through cli_print, so
 * control characters from the session never reach the terminal); the
 * computing and the formatting live in score.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "model/score.h"

/* A formatter of score.c: returns a string the caller frees. */
typedef char *score_formatter(const struct session *, const struct score_result *);

/* The output formats, by the name given to --format. */
static const struct {
	const char *name;
	score_formatter *format;
} score_formats[] = {
    {"text", score_format_text},
    {"tsv", score_format_tsv},
    {"json", score_format_json},
};

/* The formatter called name, or NULL when there is none. */
static score_formatter *
score_find_format(const char *name)
{
	for (size_t i = 0; i < sizeof score_formats / sizeof score_formats[0]; i++)
		if (strcmp(score_formats[i].name, name) == 0)
			return score_formats[i].format;
	return NULL;
}

/* score SESSION [--format text|tsv|json]: print the result; exit status per cmd.h. */
int
cmd_score(int argc, char **argv)
{
	const char *path = NULL, *format_name = "text";
	score_formatter *format;
	struct score_result result;
	struct session *s;
	char *text;
	int status;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0) {
			if (++i == argc) {
				cli_error("--format needs a value: text, tsv or json");
				return cli_usage(argv[0]);
			}
			format_name = argv[i];
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			format_name = argv[i] + 9;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error("unknown option '%s'", argv[i]);
			return cli_usage(argv[0]);
		} else if (path == NULL) {
			path = argv[i];
		} else {
			cli_error("too many arguments");
			return cli_usage(argv[0]);
		}
	}
	if (path == NULL)
		return cli_usage(argv[0]);
	format = score_find_format(format_name);
	if (format == NULL) {
		cli_error("unknown format '%s' (text, tsv or json)", format_name);
		return cli_usage(argv[0]);
	}

	s = cli_open_session(path, SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	score_compute(s, &result);
	text = format(s, &result);
	score_result_free(&result);
	session_free(s);

	/* names and texts come from the session and the form: no control
	 * character of theirs reaches the terminal (JSON escapes its own) */
	cli_print(stdout, text);
	free(text);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the result: standard output failed");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}
