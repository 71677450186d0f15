/*
 * cmd_export.c: the 'export' command: write the Ergebnisformular of a session
 * as XLSX and print the path written. The workbook is the town's version
 * unless --intern asks for the IHK's (with the auditor's notes); --logo names
 * the IHK's logo; --protokoll adds the sheet Änderungsprotokoll. Opens the session
 * read-only, so it works while the interview holds the lock. Replaces only a workbook it
 * wrote itself unless
 * --force, and never a session. CLI layer: it prints; the work is
 * export_xlsx_opt in the model layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "lib/util.h"
#include "model/export.h"

enum { OPT_OUTPUT, OPT_INTERN, OPT_FUER_KOMMUNE, OPT_LOGO, OPT_FORCE, OPT_PROTOCOL };

static const struct cmd_option export_options[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE.xlsx",
                    "Datei, die entsteht (Vorgabe: neben der Sitzung, …-ergebnis.xlsx)",
                    NULL},
    [OPT_INTERN] = {"intern", 0, NULL,
                    "die interne Fassung der IHK, mit den Notizen des Auditors", NULL},
    [OPT_FUER_KOMMUNE] = {"fuer-kommune", 0, NULL,
                          "die Fassung für die Kommune, ohne interne Notizen "
                          "(Vorgabe; nicht mit --intern)",
                          NULL},
    [OPT_LOGO] = {"logo", 0, "FILE", "Logo der IHK (PNG oder JPEG)", NULL},
    [OPT_FORCE] = {"force", 0, NULL,
                   "auch eine Datei ersetzen, die keine Arbeitsmappe dieses "
                   "Programms ist (nie eine Sitzung)",
                   NULL},
    [OPT_PROTOCOL] = {"protokoll", 0, NULL,
                      "mit dem Blatt Änderungsprotokoll (wer was wann geändert hat; "
                      "Vorgabe: ohne)",
                      NULL},
};

static int
run_export(const struct cmd_args *a)
{
	struct export_options opt = {.audience = EXPORT_FOR_TOWN};
	struct session *s;
	char *path, *why = NULL;
	int status, unprotected = 0;

	if (a->option[OPT_INTERN] != NULL && a->option[OPT_FUER_KOMMUNE] != NULL) {
		cli_error("--intern and --fuer-kommune exclude each other");
		return cmd_usage(a->entry);
	}
	if (a->option[OPT_INTERN] != NULL)
		opt.audience = EXPORT_INTERNAL;
	if (a->option[OPT_FORCE] != NULL)
		opt.flags |= EXPORT_FORCE;
	if (a->option[OPT_PROTOCOL] != NULL)
		opt.flags |= EXPORT_PROTOCOL;
	opt.logo = a->option[OPT_LOGO];

	s = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	path = a->option[OPT_OUTPUT] != NULL ? xstrdup(a->option[OPT_OUTPUT])
	                                     : export_default_path(s);
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

const struct cmd_entry cmd_export_entry = {
    .name = "export",
    .args = "SESSION",
    .summary = "write the Ergebnisformular (XLSX; the town's version unless --intern)",
    .options = export_options,
    .option_count = CMD_COUNT(export_options),
    .operands_min = 1,
    .operands_max = 1,
    .run = run_export,
};
