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

#include "cli/cmd.h"
#include "model/score.h"

/* A formatter of score.c: returns a string the caller frees. */
typedef char *score_formatter(const struct session *, const struct score_result *);

/* The output formats: their names for --format, and in the same order
 * the formatter of each. */
static const struct vocab_value format_names[] = {
    {"text", "deutscher Text"},
    {"tsv", "tabulatorgetrennt"},
    {"json", "JSON"},
};
static score_formatter *const formatters[] = {
    score_format_text,
    score_format_tsv,
    score_format_json,
};
_Static_assert(CMD_COUNT(format_names) == CMD_COUNT(formatters),
               "one formatter per format name");
static const struct vocab_values score_formats = {
    .name = "Ausgabeformat",
    .items = format_names,
    .count = CMD_COUNT(format_names),
    .none = "kein Ausgabeformat",
};

enum { OPT_FORMAT };

static const struct cmd_option score_options[] = {
    [OPT_FORMAT] = {"format", 0, "FORMAT", "Ausgabeformat (Vorgabe: text)",
                    &score_formats},
};

static int
run_score(const struct cmd_args *a)
{
	const char *name = a->option[OPT_FORMAT] ? a->option[OPT_FORMAT] : "text";
	score_formatter *format = formatters[vocab_value_find(&score_formats, name)];
	struct score_result result;
	struct session *s;
	char *text;
	int status;

	s = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
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

const struct cmd_entry cmd_score_entry = {
    .name = "score",
    .args = "SESSION",
    .summary = "compute the result",
    .options = score_options,
    .option_count = CMD_COUNT(score_options),
    .operands_min = 1,
    .operands_max = 1,
    .run = run_score,
};
