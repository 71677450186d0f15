/*
 * cmd_history.c: the 'history' command: print the change history of a
 * session (who changed what when, old and new value, the reason), all of it
 * or that of one record or question, as German text (local time) or TSV
 * (one entry a line, UTC). Opens read-only, so it works while the interview
 * holds the lock. CLI layer: the selecting and formatting live in
 * history_format.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "model/history.h"

/* The output formats, in the order of enum history_format. */
static const struct vocab_value format_names[] = {
    {"text", "deutscher Text"},
    {"tsv", "tabulatorgetrennt"},
};
static const struct vocab_values history_formats = {
    .name = "Ausgabeformat",
    .items = format_names,
    .count = CMD_COUNT(format_names),
    .none = "kein Ausgabeformat",
};

enum { OPT_FORMAT };

static const struct cmd_option history_options[] = {
    [OPT_FORMAT] = {"format", 0, "FORMAT", "Ausgabeformat (Vorgabe: text)",
                    &history_formats},
};

static int
run_history(const struct cmd_args *a)
{
	const char *name = a->option[OPT_FORMAT] ? a->option[OPT_FORMAT] : "text";
	enum history_format fmt =
	    (enum history_format)vocab_value_find(&history_formats, name);
	char *key = NULL, *why = NULL, *text;
	struct session *s;
	int status;

	s = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	if (a->operand_count > 1 &&
	    (key = history_key(s, a->operands[1], &why)) == NULL) {
		cli_error("%s", why);
		free(why);
		session_free(s);
		return EXIT_INVALID;
	}
	text = history_format(s, key, fmt);
	free(key);
	session_free(s);
	/* values come from people: no control character reaches the terminal */
	cli_print(stdout, text);
	free(text);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("history: Ausgabe nicht schreibbar");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_history_entry = {
    .name = "history",
    .args = "SESSION [KEY]",
    .summary = "print the change history, all or of one record or question",
    .options = history_options,
    .option_count = CMD_COUNT(history_options),
    .operands_min = 1,
    .operands_max = 2,
    .run = run_history,
};
