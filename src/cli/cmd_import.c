/*
 * cmd_import.c: the 'import' command: read the Dokumentationstabelle the
 * town filled in (XLSX, or one sheet as CSV) into the session's layer of
 * the town's statements, replacing what an earlier import put there, and
 * save. What cannot be read is listed on stderr with its cell and left
 * out; the rest is saved. Ends with the count of the questions (taken, not
 * readable, empty) and of the other parts; exits EXIT_PARTIAL when
 * anything was left out. A file that cannot be read as a whole changes
 * nothing. CLI layer: it prints; the work is table_import in the model.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/history.h"
#include "model/table.h"
#include "model/town.h"

/* "Label N" after the others, when n is not 0. */
static void
add_count(struct buf *b, size_t n, const char *label)
{
	if (n > 0)
		buf_printf(b, "%s%s %zu", b->len > 0 ? ", " : "", label, n);
}

/* The lines of the report on stdout. 0 or -1. */
static int
print_summary(const struct table_report *rep)
{
	struct buf other = {0};
	char *line;
	int rc;

	if (rep->parts & TOWN_PART_QUESTIONS)
		line = xasprintf("%zu %s übernommen, %zu nicht lesbar, %zu leer\n",
		                 rep->taken, rep->taken == 1 ? "Angabe" : "Angaben",
		                 rep->unreadable, rep->empty);
	else
		line = xstrdup("keine Fragen in dieser Datei: die Angaben der Kommune zu "
		               "den Fragen bleiben, wie sie waren\n");
	add_count(&other, rep->master, "Stammdaten");
	add_count(&other, rep->participants, "Teilnehmende");
	add_count(&other, rep->goals, "vorgeschlagene Ziele");
	add_count(&other, rep->prevgoals, "Stand früherer Ziele");
	rc = cli_print(stdout, line);
	if (other.len > 0 || rep->other_unreadable > 0) {
		char *more = xasprintf("außerdem übernommen: %s%s",
		                       other.len ? other.data : "nichts",
		                       rep->other_unreadable > 0 ? "" : "\n");
		rc |= cli_print(stdout, more);
		free(more);
		if (rep->other_unreadable > 0) {
			more = xasprintf("; %zu weitere Angaben nicht lesbar\n",
			                 rep->other_unreadable);
			rc |= cli_print(stdout, more);
			free(more);
		}
	}
	buf_free(&other);
	free(line);
	return rc;
}

enum { OPT_REASON };

static const struct cmd_option import_options[] = {
    [OPT_REASON] = {"grund", 0, "TEXT",
                    "Grund fürs Änderungsprotokoll (nötig, wenn das Audit "
                    "abgeschlossen ist)",
                    NULL},
};

static int
run_import(const struct cmd_args *a)
{
	const char *path = a->operands[0], *file = a->operands[1];
	struct table_report rep;
	struct session *s;
	char *why = NULL;
	int status;

	s = cli_open_session(path, SESSION_WRITE, &status);
	if (s == NULL)
		return status;
	session_change_reason(s, a->option[OPT_REASON]);
	if (table_import(s, file, NULL, &rep, &why) != 0) {
		cli_error("import: %s (die Sitzung ist unverändert)", why);
		free(why);
		session_free(s);
		return EXIT_INVALID;
	}
	for (size_t i = 0; i < rep.problem_count; i++)
		cli_error("nicht übernommen: %s", rep.problems[i]);
	if (rep.problem_more > 0)
		cli_error("nicht übernommen: %zu weitere Angaben (nicht einzeln genannt)",
		          rep.problem_more);
	for (size_t i = 0; i < rep.notice_count; i++)
		cli_error("Hinweis: %s", rep.notices[i]);
	if (audit_save(s, &why) != 0) {
		cli_error("import: %s (nichts gespeichert)", why);
		free(why);
		table_report_free(&rep);
		session_free(s);
		return EXIT_INVALID;
	}
	status = print_summary(&rep) == 0 && fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
	if (status == EXIT_OK && (rep.problem_count > 0 || rep.problem_more > 0))
		status = EXIT_PARTIAL;
	table_report_free(&rep);
	session_free(s);
	return status;
}

const struct cmd_entry cmd_import_entry = {
    .name = "import",
    .args = "SESSION FILE",
    .summary = "read the town's filled-in Dokumentationstabelle (XLSX or CSV)",
    .options = import_options,
    .option_count = CMD_COUNT(import_options),
    .operands_min = 2,
    .operands_max = 2,
    .run = run_import,
};
