/*
 * cmd_export.c: the 'export' command: write the Ergebnisformular of a session
 * as XLSX and print the path written. Opens the session read-only, so it
 * works while the interview holds the lock. CLI layer: it prints; the work is
 * export_xlsx in the model layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "export.h"
#include "util.h"

int
cmd_export(int argc, char **argv)
{
	const char *session_path = NULL, *out = NULL;
	struct session *s;
	char *path, *why = NULL;
	int status;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				cli_error("%s needs a file name", argv[i]);
				return cli_usage(argv[0]);
			}
			out = argv[++i];
		} else if (strncmp(argv[i], "--output=", 9) == 0 && argv[i][9] != '\0') {
			out = argv[i] + 9;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error("unknown option '%s'", argv[i]);
			return cli_usage(argv[0]);
		} else if (session_path == NULL) {
			session_path = argv[i];
		} else {
			cli_error("unexpected argument '%s'", argv[i]);
			return cli_usage(argv[0]);
		}
	}
	if (session_path == NULL)
		return cli_usage(argv[0]);

	s = cli_open_session(session_path, SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	path = out != NULL ? xstrdup(out) : export_default_path(s);
	if (export_xlsx(s, path, &why) != 0) {
		cli_error("export failed: %s", why);
		free(why);
		free(path);
		session_free(s);
		return EXIT_INVALID;
	}
	printf("%s\n", path);
	free(path);
	session_free(s);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}
