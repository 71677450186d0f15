/*
 * export_private.h: what the export_*.c files share: the build context
 * (workbook, formats, the score), cell writers that clean user text, and the
 * row-height estimate. Internal to the export module; the UI and the CLI use
 * export.h only. Nothing here prints.
 */
#ifndef EXPORT_PRIVATE_H
#define EXPORT_PRIVATE_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "score.h"
#include "session.h"

/* Sheet names, in workbook order. */
#define EXPORT_SHEET_RESULT "Ergebnis"
#define EXPORT_SHEET_RATING "Bewertung"
#define EXPORT_SHEET_RECOMMENDATIONS "Empfehlungen"
#define EXPORT_SHEET_GOALS "Entwicklungsziele"
#define EXPORT_SHEET_EVIDENCE "Nachweise"

/* Bewertung columns (0-based); the two hidden helper columns feed Ergebnis. */
enum {
	RATING_COL_NUMBER,
	RATING_COL_SECTION,
	RATING_COL_QUESTION,
	RATING_COL_ANSWER,
	RATING_COL_POINTS,
	RATING_COL_MAX,
	RATING_COL_EVIDENCE,
	RATING_COL_NOTE,
	RATING_COL_SECTION_INDEX, /* hidden: 1-based Handlungsfeld number */
	RATING_COL_OPEN,          /* hidden: 1 when shown, scored and unanswered */
	RATING_COL_COUNT
};

struct export_formats {
	lxw_format *title;
	lxw_format *subtitle;
	lxw_format *provisional;
	lxw_format *label;
	lxw_format *value;
	lxw_format *head;
	lxw_format *cell; /* wrapped text with border */
	lxw_format *cell_center;
	lxw_format *cell_int;
	lxw_format *cell_percent;
	lxw_format *total_label;
	lxw_format *total_int;
	lxw_format *total_percent;
	lxw_format *total_center;
	lxw_format *total_note; /* explanation beside a total, wrapped */
	lxw_format *verdict;
	lxw_format *below_min; /* conditional format: section below its minimum */
	lxw_format *note;
	lxw_format *signature; /* a line to sign on, with its caption below */
};

struct export_ctx {
	lxw_workbook *wb;
	const struct session *s;
	const struct form *f;
	struct score_result r;
	struct export_formats fmt;
	char *header; /* page header "&L<Kommune>&R<Datum>", escaped */
	size_t cells; /* cells written, for the benchmark's floor */
	/* Set by export_sheet_goals (written before Ergebnis): the rows of the
	 * previous goals' Sonderpunkte on Entwicklungsziele; count 0 in an Erstaudit. */
	lxw_row_t bonus_first;
	size_t bonus_count;
	lxw_error err; /* first libxlsxwriter error, LXW_NO_ERROR when none */
};

#define EXPORT_LINE_HEIGHT 15.0 /* points per wrapped line, Calibri 11 */

/*
 * export_clean_text: a copy of s that is safe to put into the workbook:
 * invalid UTF-8 bytes become U+FFFD, CR LF and lone CR become LF, other
 * control characters except TAB and LF become U+FFFD, and text longer than
 * Excel's cell limit is cut at a character boundary with "…". NULL gives "".
 * Caller frees.
 */
char *export_clean_text(const char *s);

/* Number of lines text wraps into in a column width (Excel units), >= 1. */
int export_wrapped_lines(const char *text, double width);

/* Row height in points for n wrapped cells of the given widths (Excel caps at 409). */
double export_row_height(const char *const *texts, const double *widths, size_t n);

/* Cell writers: record the first error in ctx->err and count cells. Text is
 * cleaned with export_clean_text and always written as a string. */
void export_put_text(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                     lxw_col_t col, const char *text, lxw_format *fmt);
void export_put_number(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                       lxw_col_t col, double value, lxw_format *fmt);
void export_put_formula_number(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                               lxw_col_t col, const char *formula, double cached,
                               lxw_format *fmt);
void export_put_formula_text(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                             lxw_col_t col, const char *formula, const char *cached,
                             lxw_format *fmt);
/* Merge a range and put cleaned text into it. */
void export_put_merged(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                       lxw_col_t first_col, lxw_col_t last_col, const char *text,
                       lxw_format *fmt);
/* Record an error code from a libxlsxwriter call (keeps the first). */
void export_check(struct export_ctx *c, lxw_error err);

/* Page setup shared by all sheets: A4, footer, header, margins. */
void export_page_setup(struct export_ctx *c, lxw_worksheet *ws, int landscape);

/* "YYYY-MM-DD" as "TT.MM.JJJJ"; other text cleaned as is. Caller frees. */
char *export_german_date(const char *date);

/* Human label of a question's "Nr" column ("2.3"). Caller frees. */
char *export_question_number(const struct form *f, size_t qi);

/* The sheets (export_result.c, export_sheets.c). */
void export_sheet_result(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_rating(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_recommendations(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_goals(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_evidence(struct export_ctx *c, lxw_worksheet *ws);

/*
 * export_xlsx_counted: export_xlsx that also reports how many cells it wrote
 * (cells may be NULL). For the benchmark, which writes the same number of
 * bare cells as its floor.
 */
int export_xlsx_counted(const struct session *s, const char *path, size_t *cells,
                        char **why);

#endif
