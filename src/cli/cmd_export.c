/*
 * cmd_export.c: the 'export' command: write the Ergebnisformular of a session
 * as XLSX and print the path written. The workbook is the town's version
 * unless --intern asks for the IHK's (with the auditor's notes); --logo names
 * the IHK's logo. Opens the session read-only, so it works while the
 * interview holds the lock. Replaces only a workbook it wrote itself unless
 * --force, and never a session. CLI layer: it prints; the work is
 * export_xlsx_opt in the model layer.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "model/export.h"
#include "lib/util.h"

int
cmd_export(int argc, char **argv)
{
	static const struct option options[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"intern", no_argument, NULL, 'i'},
	    {"fuer-kommune", no_argument, NULL, 'k'},
	    {"logo", required_argument, NULL, 'l'},
	    {"force", no_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	struct export_options opt = {.audience = EXPORT_FOR_TOWN};
	const char *session_path = NULL, *out = NULL;
	int town = 0, internal = 0, c;
	struct session *s;
	char *path, *why = NULL;
	int status, unprotected = 0;

	optind = 0; /* GNU: full reset, the command table may call us again */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", options, NULL)) != -1) {
		switch (c) {
		case 'o':
		case 'l':
			if (optarg[0] == '\0') {
				cli_error("%s needs a file name", argv[optind - 1]);
				return cli_usage(argv[0]);
			}
			if (c == 'o')
				out = optarg;
			else
				opt.logo = optarg;
			break;
		case 'i':
			internal = 1;
			break;
		case 'k':
			town = 1;
			break;
		case 'f':
			opt.flags |= EXPORT_FORCE;
			break;
		case ':':
			cli_error("%s needs a file name", argv[optind - 1]);
			return cli_usage(argv[0]);
		default:
			cli_error("unknown option '%s'", argv[optind - 1]);
			return cli_usage(argv[0]);
		}
	}
	if (town && internal) {
		cli_error("--intern and --fuer-kommune exclude each other");
		return cli_usage(argv[0]);
	}
	opt.audience = internal ? EXPORT_INTERNAL : EXPORT_FOR_TOWN;
	for (int i = optind; i < argc; i++) {
		if (session_path == NULL) {
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
	if (export_xlsx_opt(s, path, &opt, &unprotected, &why) != 0) {
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
