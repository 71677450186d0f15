/*
 * export.h: the Ergebnisformular as an XLSX workbook (libxlsxwriter). Writes
 * to a temp file in the target directory and renames it only after the
 * workbook closed cleanly, so a failed export never leaves a partial file or
 * destroys an existing one. Never prints itself; libxlsxwriter may write
 * warnings to stderr, which a curses caller must redirect beforehand.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "session.h"

/* Default output path: beside the session, "<slug>-ergebnis.xlsx". Caller frees. */
char *export_default_path(const struct session *s);

/* Write the workbook for s to path. Returns 0, or -1 with *why (path and
 * reason; caller frees) and path left as it was. */
int export_xlsx(const struct session *s, const char *path, char **why);

#endif
