/*
 * cmd_export.c: the 'export' command: write the Ergebnisformular of a session
 * as XLSX and print the path written. Opens the session read-only, so it
 * works while the interview holds the lock. Replaces only a workbook it wrote
 * itself unless --force, and never a session. CLI layer: it prints; the work
 * is export_xlsx_opt in the model layer.
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
	unsigned flags = 0;
	int status, unprotected = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				cli_error("%s needs a file name", argv[i]);
				return cli_usage(argv[0]);
			}
			out = argv[++i];
		} else if (strncmp(argv[i], "--output=", 9) == 0 && argv[i][9] != '\0') {
			out = argv[i] + 9;
		} else if (strcmp(argv[i], "--force") == 0) {
			flags |= EXPORT_FORCE;
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
	if (export_xlsx_opt(s, path, flags, NULL, &unprotected, &why) != 0) {
		cli_error("export failed: %s", why);
		free(why);
		free(path);
		session_free(s);
		return EXIT_INVALID;
	}
	if (unprotected)
		cli_error(
		    "Achtung: %s liegt auf einem Datenträger ohne Zugriffsrechte (etwa "
		    "exFAT, FAT32 oder NTFS): jeder Benutzer dieses Rechners kann die "
		    "vertrauliche Arbeitsmappe lesen.",
		    path);
	cli_print(stdout, path);
	putchar('\n');
	free(path);
	session_free(s);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}
