/*
 * cmd_load.c: the 'load' command: turn a dump (see session.h) back into a
 * session file in the session directory and print its path. CLI layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "lib/util.h"

/* Largest dump accepted. */
#define DUMP_MAX (256u * 1024 * 1024)

enum { OPT_DIR };

static const struct cmd_option load_options[] = {
    [OPT_DIR] = {"dir", 0, "DIR", "Verzeichnis, in dem die Sitzung entsteht", NULL},
};

static int
run_load(const struct cmd_args *a)
{
	const char *file = a->operands[0];
	char *text = NULL, *why = NULL, *reason = NULL;
	struct session *s;
	size_t len;

	if (file_read_all(file, DUMP_MAX, &text, &len, &why) != 0)
		goto invalid;
	s = session_from_dump(text, len, &reason);
	free(text);
	if (s == NULL) {
		why = xasprintf("%s: %s", file, reason);
		free(reason);
		goto invalid;
	}
	return cli_create_session(s, a->option[OPT_DIR]);
invalid:
	cli_error("%s", why);
	free(why);
	return EXIT_INVALID;
}

const struct cmd_entry cmd_load_entry = {
    .name = "load",
    .args = "TEXT-FILE",
    .summary = "turn a dump back into a session",
    .options = load_options,
    .option_count = CMD_COUNT(load_options),
    .operands_min = 1,
    .operands_max = 1,
    .run = run_load,
};
