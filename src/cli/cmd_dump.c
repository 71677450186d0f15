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

int
cmd_dump(int argc, char **argv)
{
	struct session *s;
	char *text;
	int status;
	size_t len;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("dump");
	s = cli_open_session(argv[1], SESSION_READ_ONLY, &status);
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
