/*
 * workbook.h: how this program puts any XLSX workbook on disk (the
 * Ergebnisformular, the register, the town's table): the target checked by
 * outfile_check, a temp file beside it (lib/atomicfile) that libxlsxwriter
 * writes through /proc/self/fd so no name can be swapped for a link, its own
 * temp files in the same directory, numbers in the C locale whatever the
 * caller's (libxlsxwriter formats them with printf), the mark that tells a
 * later writer the file is one of ours, and the rename only after the
 * workbook closed cleanly. Model code: never prints; libxlsxwriter may write
 * warnings to stderr, which a curses caller redirects beforehand.
 */
#ifndef WORKBOOK_H
#define WORKBOOK_H

#include <xlsxwriter.h>

#include "model/session.h"

/* The custom document property that marks a workbook as written by this
 * program (its value is PACKAGE_STRING). */
#define WORKBOOK_MARK_NAME "Erstellt mit"
/* The custom document property of a Dokumentationstabelle (the town's). */
#define WORKBOOK_TOWN_NAME "Dokumentationstabelle"

/*
 * The part of a writer that fills the workbook: add sheets, formats and
 * properties to wb. Returns LXW_NO_ERROR, or the first libxlsxwriter error
 * (the workbook is then discarded).
 */
typedef lxw_error (*workbook_build_fn)(lxw_workbook *wb, void *ctx);

/*
 * workbook_write: write the workbook that build fills to path. path is
 * checked first with outfile_check(path, s, flags, own, what); own is
 * workbook_is_own for a workbook that may replace an earlier one of its
 * kind, NULL for one that never replaces a file without OUTFILE_FORCE (the
 * town's table, which may come back filled in). When nothing was at path,
 * a file that appears there meanwhile is not replaced either. Temp files named temp_prefix + six characters in path's
 * directory that a killed writer left are removed; then the temp file is
 * created, the locale switched to C for this thread, the workbook built,
 * marked (WORKBOOK_MARK_NAME), closed, fsynced and renamed over path, and the
 * directory fsynced. *unprotected (may be NULL) tells whether the file system
 * keeps no permissions, so that other users can read the file (exFAT, FAT32,
 * NTFS). Returns 0, or -1 with *why (German, names path and the reason;
 * caller frees), path left as it was and no temp file left behind. The one
 * exception: when only the final directory fsync fails, the file is in
 * place and -1 says so.
 */
int workbook_write(const char *path, const char *temp_prefix, unsigned flags,
                   const struct session *s, int (*own)(const char *path),
                   const char *what, workbook_build_fn build, void *ctx,
                   int *unprotected, char **why);

/* Whether path holds an XLSX this program wrote for itself (it carries the
 * mark, or, for workbooks from before the mark, the Ergebnisformular's
 * title). A Dokumentationstabelle is the town's once sent, never our own. */
int workbook_is_own(const char *path);

#endif
