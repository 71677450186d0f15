/*
 * cmd_load.c: the 'load' command: turn a dump (see session.h) back into a
 * session file in the session directory and print its path. CLI layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/util.h"

/* Largest dump accepted. */
#define DUMP_MAX (256u * 1024 * 1024)

int
cmd_load(int argc, char **argv)
{
	const char *file = NULL, *dir_option = NULL;
	char *text = NULL, *why = NULL, *reason = NULL;
	struct session *s;
	size_t len;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir_option = argv[++i];
		else if (argv[i][0] != '-' && file == NULL)
			file = argv[i];
		else
			return cli_usage("load");
	}
	if (file == NULL)
		return cli_usage("load");
	if (file_read_all(file, DUMP_MAX, &text, &len, &why) != 0)
		goto invalid;
	s = session_from_dump(text, len, &reason);
	free(text);
	if (s == NULL) {
		why = xasprintf("%s: %s", file, reason);
		free(reason);
		goto invalid;
	}
	return cli_create_session(s, dir_option);
invalid:
	cli_error("%s", why);
	free(why);
	return EXIT_INVALID;
}
