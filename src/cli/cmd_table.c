/*
 * cmd_table.c: the 'table' command: write the Dokumentationstabelle of a
 * session, the workbook the town fills in before the Prüfgespräch, and
 * print the path written. Opens the session read-only, so it works while
 * the interview holds the lock. Replaces an existing file only with
 * --force (it may be the town's filled-in table), never a session. CLI
 * layer: it prints; the work is table_write in the model.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "lib/util.h"
#include "model/table.h"

enum { OPT_OUTPUT, OPT_FORCE };

static const struct cmd_option table_options[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE.xlsx",
                    "Datei, die entsteht (Vorgabe: neben der Sitzung, "
                    "…-dokumentationstabelle.xlsx)",
                    NULL},
    [OPT_FORCE] = {"force", 0, NULL,
                   "eine vorhandene Datei ersetzen (nie eine Sitzung); Vorsicht: "
                   "es könnte die ausgefüllte Tabelle der Kommune sein",
                   NULL},
};

static int
run_table(const struct cmd_args *a)
{
	struct session *s;
	char *path, *why = NULL;
	int status;

	s = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	path = a->option[OPT_OUTPUT] != NULL ? xstrdup(a->option[OPT_OUTPUT])
	                                     : table_default_path(s);
	if (table_write(s, path, a->option[OPT_FORCE] != NULL ? TABLE_FORCE : 0, NULL,
	                &why) != 0) {
		cli_error("table: %s", why);
		free(why);
		free(path);
		session_free(s);
		return EXIT_INVALID;
	}
	cli_print(stdout, path);
	putchar('\n');
	free(path);
	session_free(s);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}

const struct cmd_entry cmd_table_entry = {
    .name = "table",
    .args = "SESSION",
    .summary = "write the Dokumentationstabelle the town fills in (XLSX)",
    .options = table_options,
    .option_count = CMD_COUNT(table_options),
    .operands_min = 1,
    .operands_max = 1,
    .run = run_table,
};
