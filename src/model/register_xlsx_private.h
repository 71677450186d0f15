/*
 * register_xlsx_private.h: what the files of the register workbook share:
 * the build context (workbook, formats, the register, the flags), cell
 * writers that keep user text a clean string and dates real Excel dates,
 * and the common frame of a sheet (title, heading row, print setup).
 * Internal to register_xlsx.c and register_sheet_*.c; callers use
 * register.h. Nothing here prints.
 */
#ifndef REGISTER_XLSX_PRIVATE_H
#define REGISTER_XLSX_PRIVATE_H

#include <xlsxwriter.h>

#include "model/register.h"

/* Sheet names, in workbook order. */
#define REGISTER_SHEET_TOWNS "Register"
#define REGISTER_SHEET_HISTORY "Verlauf"
#define REGISTER_SHEET_ITEMS "Termine"
#define REGISTER_SHEET_STATS "Statistik"
#define REGISTER_SHEET_PROBLEMS "Nicht gelesen"

/* Rows of the frame every sheet has: title, a line below it, the headings. */
#define REGISTER_ROW_TITLE 0
#define REGISTER_ROW_NOTE 1
#define REGISTER_ROW_HEAD 2
#define REGISTER_ROW_FIRST 3 /* first data row */

struct register_xlsx_formats {
	lxw_format *title;
	lxw_format *note;
	lxw_format *head;
	lxw_format *cell;                          /* text, one line */
	lxw_format *center;                        /* text, one line, centred */
	lxw_format *wrap;                          /* text that may wrap */
	lxw_format *date;                          /* TT.MM.JJJJ */
	lxw_format *integer;                       /* "0", centred */
	lxw_format *percent;                       /* "0.0%" */
	lxw_format *status[REGISTER_STATUS_COUNT]; /* conditional: the row's colour */
	lxw_format *past;                          /* conditional: an item gone by */
	lxw_format *soon;                          /* conditional: within 30 days */
};

struct register_xlsx {
	lxw_workbook *wb;
	const struct register_result *r;
	unsigned flags;
	lxw_error err; /* first error of any call; LXW_NO_ERROR while all is well */
	struct register_xlsx_formats fmt;
	char *header; /* the page header, '&' escaped */
	char *footer;
};

/* Record err unless an earlier error is recorded. */
void register_xlsx_check(struct register_xlsx *c, lxw_error err);

/* Write user text as a string (never a formula or number), cleaned of
 * control characters and invalid UTF-8, at most Excel's cell length;
 * one_line turns line breaks into spaces. Empty text: a blank cell. */
void register_xlsx_text(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                        lxw_col_t col, const char *text, int one_line, lxw_format *fmt);

/* Write an ISO date as an Excel date; a blank cell for "" or NULL. */
void register_xlsx_date(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                        lxw_col_t col, const char *iso, lxw_format *fmt);

/* Write a number. */
void register_xlsx_number(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                          lxw_col_t col, double value, lxw_format *fmt);

/* Write a blank cell with a format (borders on empty cells). */
void register_xlsx_blank(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                         lxw_col_t col, lxw_format *fmt);

/* A column of a sheet's table: heading and width in characters. */
struct register_xlsx_column {
	const char *head;
	double width;
};

/*
 * The frame of a sheet: title and note (both user-free text) in the first
 * rows, the headings of columns[0..count) in REGISTER_ROW_HEAD, A4
 * landscape fit to the page width, the heading row repeated on every page
 * and frozen with the first `frozen_cols` columns, page header and footer.
 * With data_rows > 0 an autofilter over headings and data.
 */
void register_xlsx_frame(struct register_xlsx *c, lxw_worksheet *ws, const char *title,
                         const char *note, const struct register_xlsx_column *columns,
                         size_t count, size_t data_rows, lxw_col_t frozen_cols);

/*
 * register_xlsx_columns: base[0..n) followed, with REGISTER_WITH_POINTS,
 * by the points columns (Endpunktzahl, Maximum, Quote, "Quote <title>" per
 * Handlungsfeld of r->titles); *count receives the total. Free both with
 * register_xlsx_columns_free.
 */
struct register_xlsx_column *
register_xlsx_columns(struct register_xlsx *c, const struct register_xlsx_column *base,
                      size_t n, size_t *count, char ***owned);
void register_xlsx_columns_free(struct register_xlsx *c,
                                struct register_xlsx_column *columns, char **owned);

/* The points columns of audit a from column col on (see register_xlsx_columns). */
void register_xlsx_points(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                          lxw_col_t col, const struct register_audit *a);

/* "A", "B", …, "AA" for a 0-based column, into out. */
void register_xlsx_col_name(char out[4], lxw_col_t col);

/* The sheets, one file each. */
void register_sheet_towns(struct register_xlsx *c, lxw_worksheet *ws);
void register_sheet_history(struct register_xlsx *c, lxw_worksheet *ws);
void register_sheet_items(struct register_xlsx *c, lxw_worksheet *ws);
void register_sheet_stats(struct register_xlsx *c, lxw_worksheet *ws);
void register_sheet_problems(struct register_xlsx *c, lxw_worksheet *ws);

#endif
