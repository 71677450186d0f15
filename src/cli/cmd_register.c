/*
 * cmd_register.c: the 'register' command: every audit of the sessions in
 * the given folders (or session files; default: the session directory) at
 * a Stichtag, as a workbook (-o), an iCalendar file (--ics), TSV for
 * scripts or German text. What goes to stdout: the --format output when
 * asked for; else, when a file is written, the paths written; else the
 * register as text. Files that could not be read are in the register's
 * "Nicht gelesen" part, counted on stderr, and make the exit status 2 once
 * everything asked for is written. Reads sessions read-only and takes no
 * lock (model/register_read.h). CLI layer: it prints; reading, computing
 * and writing are the model's (register_read.c, register*.c).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "lib/date.h"
#include "lib/paths.h"
#include "lib/util.h"
#include "model/register.h"
#include "model/register_read.h"

/* The output formats for --format. */
static const struct vocab_value format_names[] = {
    {"text", "deutscher Text"},
    {"tsv", "tabulatorgetrennt, für Skripte"},
};
static const struct vocab_values register_formats = {
    .name = "Ausgabeformat",
    .items = format_names,
    .count = CMD_COUNT(format_names),
    .none = "kein Ausgabeformat",
};

/* The tables of --format tsv, and in the same order the part of each. */
static const struct vocab_value table_names[] = {
    {"register", "je Kommune eine Zeile"},
    {"verlauf", "jedes Audit"},
    {"termine", "jeder Termin"},
    {"statistik", "Quoten je Handlungsfeld"},
    {"nicht-gelesen", "Dateien mit Grund"},
};
static const enum register_part table_parts[] = {
    REGISTER_PART_TOWNS, REGISTER_PART_HISTORY,  REGISTER_PART_ITEMS,
    REGISTER_PART_STATS, REGISTER_PART_PROBLEMS,
};
_Static_assert(CMD_COUNT(table_names) == CMD_COUNT(table_parts),
               "one register part per table name");
static const struct vocab_values register_tables = {
    .name = "Tabelle",
    .items = table_names,
    .count = CMD_COUNT(table_names),
    .none = "keine Tabelle",
};

enum {
	OPT_OUTPUT,
	OPT_STICHTAG,
	OPT_ICS,
	OPT_POINTS,
	OPT_HISTORY,
	OPT_FORMAT,
	OPT_TABLE,
	OPT_FORCE
};

static const struct cmd_option register_options[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE.xlsx",
                    "Arbeitsmappe, die entsteht (Register, Termine, Statistik, "
                    "Nicht gelesen)",
                    NULL},
    [OPT_STICHTAG] = {"stichtag", 0, "DATUM",
                      "Bezugstag für Status und Fristen, JJJJ-MM-TT oder "
                      "TT.MM.JJJJ (Vorgabe: heute)",
                      NULL},
    [OPT_ICS] = {"ics", 0, "FILE.ics",
                 "die Termine als Kalenderdatei (iCalendar) mit Erinnerungen", NULL},
    [OPT_POINTS] = {"mit-punkten", 0, NULL, "auch die Punkte jeder Kommune (vertraulich)",
                    NULL},
    [OPT_HISTORY] = {"verlauf", 0, NULL,
                     "auch die früheren Audits jeder Kommune (Blatt Verlauf)", NULL},
    [OPT_FORMAT] = {"format", 0, "FORMAT",
                    "auf die Standardausgabe (Vorgabe ohne -o und --ics: text)",
                    &register_formats},
    [OPT_TABLE] = {"tabelle", 0, "NAME",
                   "welche Tabelle --format tsv ausgibt (Vorgabe: register)",
                   &register_tables},
    [OPT_FORCE] = {"force", 0, NULL,
                   "auch eine Datei ersetzen, die nicht von diesem Programm "
                   "stammt (nie eine Sitzung)",
                   NULL},
};

/* Warn that path lies where every local user can read it. */
static void
warn_unprotected(const char *path)
{
	cli_error("Achtung: %s liegt auf einem Datenträger ohne Zugriffsrechte (etwa "
	          "exFAT, FAT32 oder NTFS): jeder Benutzer dieses Rechners kann das "
	          "Register lesen.",
	          path);
}

/* Write text to stdout; 0 or -1. */
static int
put_out(char *text)
{
	int rc = fputs(text, stdout) < 0 ? -1 : 0;
	free(text);
	return rc;
}

static int
run_register(const struct cmd_args *a)
{
	const char *format = a->option[OPT_FORMAT];
	struct register_input in;
	struct register_result r = {0};
	char stichtag[11], *why = NULL, *dir = NULL;
	unsigned flags = 0;
	int status = EXIT_OK, unprotected = 0;

	if (a->option[OPT_TABLE] != NULL &&
	    (format == NULL || vocab_value_find(&register_formats, format) != 1)) {
		cli_error("--tabelle only goes with --format tsv");
		return cmd_usage(a->entry);
	}
	if (a->option[OPT_STICHTAG] != NULL) {
		if (date_parse(a->option[OPT_STICHTAG], stichtag, &why) != 0) {
			cli_error("--stichtag: %s", why);
			free(why);
			return EXIT_INVALID;
		}
	} else {
		date_today(stichtag);
	}
	if (a->option[OPT_POINTS] != NULL)
		flags |= REGISTER_WITH_POINTS;
	if (a->option[OPT_HISTORY] != NULL)
		flags |= REGISTER_WITH_HISTORY;
	if (a->option[OPT_FORCE] != NULL)
		flags |= REGISTER_FORCE;

	if (a->operand_count > 0) {
		register_read((const char *const *)a->operands, a->operand_count, &in);
	} else {
		struct stat st;
		dir = paths_session_dir(NULL, 0, &why);
		if (dir == NULL) {
			cli_error("%s", why);
			free(why);
			return EXIT_INVALID;
		}
		if (stat(dir, &st) != 0 && errno == ENOENT) /* no session yet */
			memset(&in, 0, sizeof in);
		else
			register_read((const char *const *)&dir, 1, &in);
	}
	if (register_build(in.audits, in.audit_count, in.problems, in.problem_count,
	                   stichtag, &r, &why) != 0) {
		cli_error("%s", why);
		free(why);
		register_input_free(&in);
		free(dir);
		return EXIT_INVALID;
	}

	if (a->option[OPT_OUTPUT] != NULL) {
		if (register_write_xlsx(&r, a->option[OPT_OUTPUT], flags, &unprotected,
		                        &why) != 0) {
			cli_error("register: %s", why);
			free(why);
			why = NULL;
			status = EXIT_INVALID;
		} else {
			if (unprotected)
				warn_unprotected(a->option[OPT_OUTPUT]);
			if (format == NULL) {
				cli_print(stdout, a->option[OPT_OUTPUT]);
				putchar('\n');
			}
		}
	}
	if (a->option[OPT_ICS] != NULL) {
		if (register_write_ics(&r, a->option[OPT_ICS], flags, &why) != 0) {
			cli_error("register: %s", why);
			free(why);
			why = NULL;
			status = EXIT_INVALID;
		} else if (format == NULL) {
			cli_print(stdout, a->option[OPT_ICS]);
			putchar('\n');
		}
	}
	if (format == NULL && a->option[OPT_OUTPUT] == NULL && a->option[OPT_ICS] == NULL)
		format = "text";
	if (format != NULL) {
		int rc;
		if (vocab_value_find(&register_formats, format) == 0) {
			rc = put_out(register_format_text(&r, flags));
		} else {
			int t =
			    a->option[OPT_TABLE] != NULL
			        ? vocab_value_find(&register_tables, a->option[OPT_TABLE])
			        : 0;
			rc = put_out(register_format_tsv(&r, table_parts[t], flags));
		}
		if (rc != 0)
			status = EXIT_INVALID;
	}
	if (fflush(stdout) != 0)
		status = EXIT_INVALID;

	if (in.full_reads > 0)
		cli_error(
		    "Hinweis: %zu %s mit einer älteren Version gespeichert und "
		    "vollständig gelesen (langsamer); die nächste Änderung speichert "
		    "sie so, dass das Register sie schnell liest",
		    in.full_reads,
		    in.full_reads == 1 ? "Sitzung wurde" : "Sitzungen wurden");
	if (r.problem_count > 0) {
		cli_error("%zu %s nicht gelesen (siehe „Nicht gelesen“)", r.problem_count,
		          r.problem_count == 1 ? "Datei" : "Dateien");
		if (status == EXIT_OK)
			status = EXIT_INVALID;
	}
	register_result_free(&r);
	register_input_free(&in);
	free(dir);
	return status;
}

const struct cmd_entry cmd_register_entry = {
    .name = "register",
    .args = "[DIR|SESSION...]",
    .summary = "every audit at a glance: status, expiry, dates (text, TSV, XLSX, "
               "iCalendar)",
    .options = register_options,
    .option_count = CMD_COUNT(register_options),
    .operands_min = 0,
    .operands_max = -1,
    .run = run_register,
};
