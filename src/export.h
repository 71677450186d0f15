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
 * export_xlsx: write the workbook for s (only read) to path, replacing an
 * existing file. The temp file is ".wohnort-export-XXXXXX" in path's
 * directory (also libxlsxwriter's tmpdir); it is fsynced, renamed over path,
 * and the directory fsynced. Returns 0, or -1 with *why (German, names path
 * and the reason, e.g. "Read-only file system"; caller frees) and path left
 * as it was, no temp file left behind. The one exception: when only the
 * final directory fsync fails, the new file is in place and -1 says so.
 */
int export_xlsx(const struct session *s, const char *path, char **why);

#endif
