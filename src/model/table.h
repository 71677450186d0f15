/*
 * table.h: the Dokumentationstabelle: the workbook the IHK sends the town
 * before the Prüfgespräch (every question of the session's Prüfbogen, the
 * master data and participants, the proposed Entwicklungsziele and, in a
 * re-audit, the state of the previous goals), and reading it back once the
 * town has filled it in, into the session's town layer (model/town.h).
 *
 * Writing (libxlsxwriter): sheets Anleitung, Fragen, Stammdaten, Ziele and
 * a hidden Listen (the drop-down lists). Only the input cells are unlocked;
 * the sheets are protected without a password. Machine columns (the record
 * key of each row; the form id, edition and fingerprint in row 1 of each
 * input sheet, which a CSV export keeps) are locked and hidden, with the
 * same values as defined names and custom document properties. Written to
 * a temp file, fsynced and renamed (lib/atomicfile.h), numbers in the C
 * locale whatever the caller's.
 *
 * Reading: an .xlsx as Excel or LibreOffice saves it (lib/xlsxread.h) or
 * one sheet saved as CSV (lib/csvread.h; ';' or ',', UTF-8 with or
 * without BOM, Windows-1252). Rows are matched by their hidden key; a table
 * of another form or edition is refused, naming both. Every value is
 * validated as `set` validates it (answer_parse, the vocabulary); a value
 * that cannot be read is reported with its cell and left out, the rest is
 * taken. The import replaces what the file carries: an .xlsx the whole
 * layer, a CSV the part of its one sheet.
 *
 * Model code: never prints, never exits; libxlsxwriter may write warnings
 * to stderr, which a curses caller keeps off the screen.
 */
#ifndef TABLE_H
#define TABLE_H

#include <stddef.h>

#include "model/session.h"

/* Flags of table_write. */
enum table_flag {
	TABLE_FORCE = 1, /* replace an existing file (never a session, link or
	                    directory) */
};

/* The default file: beside the session, "<session name>-dokumentationstabelle.xlsx";
 * without a session file, a slug of Kommune and Datum in the current
 * directory. Caller frees. */
char *table_default_path(const struct session *s);

/*
 * table_write: write the Dokumentationstabelle of s (only read) to path.
 * An existing file is replaced only with TABLE_FORCE (it may be a table
 * the town has filled in); a symbolic link, a directory or other
 * non-regular file, or a session file is never replaced. *unprotected (may
 * be NULL) tells whether the file system keeps no permissions. 0, or -1
 * with *why (German, names path; caller frees) and nothing left behind.
 */
int table_write(const struct session *s, const char *path, unsigned flags,
                int *unprotected, char **why);

/* What an import found. */
struct table_report {
	char *format;   /* "XLSX", "CSV (Trennzeichen ;, Windows-1252)" */
	unsigned parts; /* the parts of the town layer it replaced (enum town_part) */
	char *
	    *problems; /* "Fragen!F14: „vielleicht“ ist keine Antwort …", in file order */
	size_t problem_count;
	size_t problem_more; /* further problems not kept (a hostile table) */
	char **notices; /* things to know that changed nothing (another fingerprint …) */
	size_t notice_count;
	/* the questions: each one taken, not readable (at least one of its
	 * cells), or without any statement */
	size_t taken, unreadable, empty;
	/* the other parts: statements taken and cells not readable */
	size_t master, participants, goals, prevgoals, other_unreadable;
};

/*
 * table_import: read the filled table at path into the town layer of s.
 * now is the import time (UTC, YYYY-MM-DDTHH:MM:SSZ; NULL: the clock).
 * When the file cannot be read as a whole (not a table of this program,
 * another form or edition, a hostile or broken file) -1 with *why (German,
 * starts with the file name; caller frees) and s unchanged. Otherwise the
 * parts the file carries are replaced through session_change, *rep says
 * what was taken and what not (free with table_report_free), and 0 comes
 * back, also when some cells were left out (rep->problem_count). Does not
 * save (audit_save).
 */
int table_import(struct session *s, const char *path, const char *now,
                 struct table_report *rep, char **why);

/* Free what rep holds; rep is empty afterwards. NULL does nothing. */
void table_report_free(struct table_report *rep);

#endif
