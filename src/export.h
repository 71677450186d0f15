/*
 * export.h: the Ergebnisformular as an XLSX workbook (libxlsxwriter). Writes
 * to a temp file in the target directory and renames it only after the
 * workbook closed cleanly, so a failed export never leaves a partial file or
 * destroys an existing one. Never prints itself; libxlsxwriter may write
 * warnings to stderr, which a curses caller must redirect beforehand.
 *
 * The workbook has five sheets: Ergebnis (facts, table per Handlungsfeld,
 * Sonderpunkte, Endpunktzahl, verdict, chart; A4 portrait on one page),
 * Bewertung (every question), Empfehlungen, Entwicklungsziele, Nachweise.
 * The sums on Ergebnis are formulas over Bewertung (and Entwicklungsziele)
 * carrying score_compute's results as cached values. All user text is
 * written as strings, cleaned of invalid UTF-8 and control characters.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "session.h"

/* Default output path: beside the session file, "<session name without
 * .cdb>-ergebnis.xlsx"; for a session without a file, "<slug of Kommune and
 * Datum>-ergebnis.xlsx" in the current directory. Caller frees. */
char *export_default_path(const struct session *s);

/*
 * export_xlsx: write the workbook for s (only read) to path. The temp file is
 * ".wohnort-export-XXXXXX" in path's directory (libxlsxwriter's tmpdir too),
 * created O_EXCL and held under flock while it is written; temp files of
 * killed exports in that directory are removed first. It is fsynced, renamed
 * over path, and the directory fsynced. Numbers are written in the C locale
 * whatever the caller's locale. An existing path is replaced only when it is
 * empty or a workbook of this program (see export_xlsx_opt). Returns 0, or -1
 * with *why (German, names path and the reason, e.g. "Read-only file system";
 * caller frees) and path left as it was, no temp file left behind. The one
 * exception: when only the final directory fsync fails, the new file is in
 * place and -1 says so.
 */
int export_xlsx(const struct session *s, const char *path, char **why);

/* Flags of export_xlsx_opt. */
enum export_flag {
	EXPORT_FORCE = 1, /* also replace a file that is no workbook of this program */
};

/* The custom document property that marks a workbook as written by this
 * program (its value is PACKAGE_STRING). */
#define EXPORT_MARK_NAME "Erstellt mit"

/*
 * export_xlsx_opt: export_xlsx with flags. Never replaced, even with
 * EXPORT_FORCE: a symbolic link, a directory or other non-regular file, a
 * session (by name NAME.cdb, .cdb.prev, .cdb.lock, .cdb.damaged, by content,
 * or being s's own file). Without EXPORT_FORCE also not a file that is
 * neither empty nor a workbook of this program. cells (may be NULL) receives
 * the number of cells written; *unprotected (may be NULL) whether the file
 * system keeps no permissions, so that the confidential workbook is
 * readable by other users (exFAT, FAT32, NTFS).
 */
int export_xlsx_opt(const struct session *s, const char *path, unsigned flags,
                    size_t *cells, int *unprotected, char **why);

#endif
