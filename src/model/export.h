/*
 * export.h: the Ergebnisformular as an XLSX workbook (libxlsxwriter). Writes
 * to a temp file in the target directory and renames it only after the
 * workbook closed cleanly, so a failed export never leaves a partial file or
 * destroys an existing one. Never prints itself; libxlsxwriter may write
 * warnings to stderr, which a curses caller must redirect beforehand.
 *
 * The workbook is the document an IHK sends a town, printed on A4, each
 * sheet named in its page header: Ergebnis (page one: facts, table per
 * Handlungsfeld, Sonderpunkte, Endpunktzahl, verdict, the agreed
 * Entwicklungsziele with their deadlines, what evidence is outstanding, a
 * chart, signatures of the auditor and the IHK with room for a stamp, the
 * IHK's logo), Nachweise (evidence that matters for the result, outstanding
 * first), Entwicklungsziele, Empfehlungen (grouped by Handlungsfeld) and
 * Bewertung (every question; the base of the sums), and on request
 * (EXPORT_PROTOCOL) Änderungsprotokoll, the change history. Every page
 * says VORLÄUFIG while questions are open or the audit is not yet
 * Abgeschlossen (history.h). The sums on Ergebnis are formulas over
 * Bewertung (and Entwicklungsziele) carrying score_compute's results as
 * cached values. All user text is written as strings, cleaned of invalid
 * UTF-8 and control characters.
 *
 * Two variants: for the town (the default) and internal to the IHK, which
 * adds the auditor's notes and a note on the formulas and is marked
 * "interne Fassung" on every page. The town's workbook does not contain
 * the internal parts at all (not even hidden).
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "model/session.h"

enum export_audience {
	EXPORT_FOR_TOWN = 0, /* für die Kommune */
	EXPORT_INTERNAL,     /* intern: with the auditor's notes */
};

struct export_options {
	enum export_audience audience;
	/* The IHK's logo (PNG or JPEG) for the head of page one. NULL: the
	 * first of export_logo_candidates() that exists, else none. Borrowed. */
	const char *logo;
	/* YYYY-MM-DD that overdue evidence is measured against; NULL: the local
	 * date when the export runs. Borrowed. */
	const char *today;
	unsigned flags; /* enum export_flag */
};

/* Default output path: beside the session file, "<session name without
 * .cdb>-ergebnis.xlsx"; for a session without a file, "<slug of Kommune and
 * Datum>-ergebnis.xlsx" in the current directory. Caller frees. */
char *export_default_path(const struct session *s);

/*
 * export_xlsx_opt: write the workbook for s (only read) to path; opt may be
 * NULL for the defaults (for the town, logo found beside the form, today's
 * date, no EXPORT_FORCE). The temp file is ".wohnort-export-XXXXXX" in
 * path's directory (libxlsxwriter's tmpdir too), created O_EXCL and held
 * under flock while it is written; temp files of killed exports in that
 * directory are removed first. It is fsynced, renamed over path, and the
 * directory fsynced. Numbers are written in the C locale whatever the
 * caller's locale.
 *
 * What may be replaced is outfile_check's rule (model/outfile.h), the writing
 * workbook_write's (model/workbook.h). Never replaced, even with EXPORT_FORCE:
 * a symbolic link, a directory or
 * other non-regular file, a session (by name NAME.cdb, .cdb.prev,
 * .cdb.lock, .cdb.damaged, by content, or being s's own file). Without
 * EXPORT_FORCE also not a file that is neither empty nor a workbook of this
 * program. *unprotected (may be NULL) tells whether the file system keeps
 * no permissions, so that the confidential workbook is readable by other
 * users (exFAT, FAT32, NTFS).
 *
 * Returns 0, or -1 with *why (German, names path or the logo file and the
 * reason, e.g. "Read-only file system"; caller frees) and path left as it
 * was, no temp file left behind. The one exception: when only the final
 * directory fsync fails, the new file is in place and -1 says so.
 */
int export_xlsx_opt(const struct session *s, const char *path,
                    const struct export_options *opt, int *unprotected, char **why);

/* export_xlsx_opt with the defaults. */
int export_xlsx(const struct session *s, const char *path, char **why);

/*
 * export_logo_candidates: where the logo is looked for when none is given,
 * in order: "<form id>.logo.png", "<form id>.logo.jpg" in each forms
 * directory (forms_dir: the user's, the machine's, the bundled one, where
 * an IHK installs its licensed Prüfbogen), then "logo.png", "logo.jpg" in
 * each. NULL-terminated array of paths; free with
 * export_logo_candidates_free.
 */
char **export_logo_candidates(const struct form *f);
void export_logo_candidates_free(char **paths);

/* Flags of export_xlsx_opt. */
enum export_flag {
	EXPORT_FORCE = 1, /* also replace a file that is no workbook of this program */
	/* add the sheet Änderungsprotokoll (the change history; in the town's
	 * variant without the IHK's working notes) */
	EXPORT_PROTOCOL = 2,
};

#endif
