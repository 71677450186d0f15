/*
 * cmd_dump.c: the 'dump' command: print every record of a session as
 * "KEY<TAB>VALUE" lines (format in session.h). Opens read-only, so it works
 * while the interview holds the lock. CLI layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"

static int
run_dump(const struct cmd_args *a)
{
	struct session *s;
	char *text;
	int status;
	size_t len;

	s = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	text = session_dump(s);
	len = strlen(text);
	status = fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0
	             ? EXIT_OK
	             : EXIT_INVALID;
	if (status != EXIT_OK)
		cli_error("dump: Ausgabe nicht schreibbar");
	free(text);
	session_free(s);
	return status;
}

const struct cmd_entry cmd_dump_entry = {
    .name = "dump",
    .args = "SESSION",
    .summary = "print every record as text",
    .operands_min = 1,
    .operands_max = 1,
    .run = run_dump,
};
