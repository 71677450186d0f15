/*
 * export_private.h: what the export_*.c files share: the build context
 * (workbook, formats, the score, the variant), cell writers that clean user
 * text, text measuring and page breaks, the logo, the list-sheet frame and
 * the evidence list. Internal to the export module; the UI and the CLI use
 * export.h only. Nothing here prints.
 */
#ifndef EXPORT_PRIVATE_H
#define EXPORT_PRIVATE_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "model/export.h"
#include "model/score.h"
#include "model/session.h"

/* Sheet names (the table of sheets is in export.c). */
#define EXPORT_SHEET_RESULT "Ergebnis"
#define EXPORT_SHEET_EVIDENCE "Nachweise"
#define EXPORT_SHEET_GOALS "Entwicklungsziele"
#define EXPORT_SHEET_RECOMMENDATIONS "Empfehlungen"
#define EXPORT_SHEET_RATING "Bewertung"
#define EXPORT_SHEET_PROTOCOL "Änderungsprotokoll"
#define EXPORT_SHEET_DEVELOPMENT "Entwicklung"

struct export_formats {
	lxw_format *title;
	lxw_format *subtitle;
	lxw_format *provisional;
	lxw_format *label;
	lxw_format *value;
	lxw_format *head;
	lxw_format *section; /* a Handlungsfeld's heading row in a list */
	lxw_format *cell;    /* wrapped text with border */
	lxw_format *cell_center;
	lxw_format *cell_int;
	lxw_format *cell_percent;
	lxw_format *cell_alert;   /* wrapped, dark red on light red: overdue */
	lxw_format *cell_caution; /* wrapped, brown on light orange: conditional */
	lxw_format *cell_int_caution;
	lxw_format *total_label;
	lxw_format *total_int;
	lxw_format *total_percent;
	lxw_format *total_center;
	lxw_format *total_note; /* explanation beside a total, wrapped */
	lxw_format *verdict;
	lxw_format *below_min; /* conditional format: section below its minimum */
	lxw_format *note;
	lxw_format *signature; /* a line to sign on, with its caption below */
	lxw_format *stamp;     /* the dashed box for the IHK's stamp */
	lxw_format *helper;    /* hidden helper values: shown as nothing (";;;") */
};

/* A logo file read and checked by export_image_load. */
struct export_image {
	char *path;
	unsigned char *data;
	size_t size;
	unsigned width, height; /* pixels */
	double x_dpi, y_dpi;    /* as libxlsxwriter reads them; 96 when unset */
};

struct export_ctx {
	lxw_workbook *wb;
	const struct session *s;
	const struct form *f;
	struct score_result r;
	struct export_formats fmt;
	int internal; /* EXPORT_INTERNAL: notes and the formula note */
	int protocol; /* EXPORT_PROTOCOL: the Änderungsprotokoll */
	/* VORLÄUFIG on every page: questions are open (r.provisional) or the
	 * audit is not Abgeschlossen (history.h) */
	int provisional;
	char today[11];                  /* YYYY-MM-DD for overdue evidence */
	const struct export_image *logo; /* NULL: none */
	char *header_right;              /* the page header's right part, '&' escaped */
	size_t cells;                    /* cells written, for the benchmark's floor */
	/* Set by export_sheet_rating (written before Ergebnis): where the
	 * questions and the columns Ergebnis sums over are. */
	lxw_row_t rating_first, rating_last; /* 0-based rows of the questions */
	lxw_col_t rating_points, rating_max, rating_section, rating_open;
	/* Set by export_sheet_goals (written before Ergebnis): the rows and the
	 * column of the previous goals' Sonderpunkte; count 0 when none. */
	lxw_row_t bonus_first;
	size_t bonus_count;
	lxw_col_t bonus_col;
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

/* ---- export_measure.c: text and page measures ---- */

/* Width of len bytes of UTF-8 text in digits of the default font. */
double export_text_units(const char *text, size_t len);

/* Number of lines text wraps into in a column width (Excel units), >= 1;
 * _scaled for text factor times wider than 11 pt regular (bold: 1.13). */
int export_wrapped_lines(const char *text, double width);
int export_wrapped_lines_scaled(const char *text, double width, double factor);

/* Row height in points for that many lines (Excel caps at 409). */
double export_lines_height(int lines);

/* Row height in points for n wrapped cells of the given widths. */
double export_row_height(const char *const *texts, const double *widths, size_t n);

/* The scale Excel's fit-to-width gives printed columns of these widths on A4. */
double export_fit_scale(const double *widths, size_t ncols, int landscape);

/*
 * export_pager: manual page breaks for a list sheet, so a Handlungsfeld's
 * heading never ends a page and every page is full as Excel would fill it.
 * Rows are fed in order; a row that does not fit (with keep points of the
 * rows it must stay with) starts a new page, whose repeated header takes
 * repeat points.
 */
struct export_pager {
	double capacity; /* printable height at the sheet's scale, points */
	double used;     /* points used on the current page */
	double repeat;   /* the repeated header row on each page */
	lxw_row_t *breaks;
	size_t count, size;
};
void export_pager_init(struct export_pager *p, const double *widths, size_t ncols,
                       int landscape);
void export_pager_repeat(struct export_pager *p, double height);
/* Account for row; 1 when a page break was put before it. */
int export_pager_row(struct export_pager *p, lxw_row_t row, double height, double keep);
/* Hand the breaks to the worksheet and free them. */
void export_pager_finish(struct export_ctx *c, lxw_worksheet *ws, struct export_pager *p);

/* ---- export_image.c: the logo ---- */

/* Read and check the PNG or JPEG at path. 0, or -1 with *why naming the file. */
int export_image_load(const char *path, struct export_image *img, char **why);
/* Free the contents; NULL does nothing. */
void export_image_free(struct export_image *img);
/* The scale that fits the image into a box of that many pixels. */
double export_image_fit(const struct export_image *img, double box_width,
                        double box_height);

/* ---- export.c: cell writers and shared setup ---- */

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

/* The layout of a bar chart of Quoten per Handlungsfeld (Ergebnis,
 * Entwicklung): title, legend below, the value axis 0 … 100 % in steps of
 * 20, small axis fonts, the first Handlungsfeld on top, bar gap. */
void export_quote_chart_layout(lxw_chart *chart, const char *title, uint16_t gap);

/* Page setup shared by all sheets: A4, margins, footer, and a header that
 * names the sheet's title (with VORLÄUFIG and "interne Fassung" marks). */
void export_page_setup(struct export_ctx *c, lxw_worksheet *ws, int landscape,
                       const char *title);

/* Append text to b as page header text: '&' doubled, line breaks as blanks,
 * cut with "…" to at most max_chars characters as the header counts them. */
struct buf;
void export_header_text(struct buf *b, const char *text, size_t max_chars);

/* "YYYY-MM-DD" as "TT.MM.JJJJ"; other text cleaned as is. Caller frees. */
char *export_german_date(const char *date);

/* Human label of a question's "Nr" column ("2.3"). Caller frees. */
char *export_question_number(const struct form *f, size_t qi);

/* "A".."XFD" for a 0-based column into out. */
void export_col_name(char out[4], lxw_col_t col);

/* ---- export_list.c: the frame of a list sheet ---- */

struct export_column {
	const char *head;
	double width;
};

struct export_list {
	lxw_worksheet *ws;
	const struct export_column *cols;
	lxw_col_t ncols; /* printed columns */
	double widths[16];
	lxw_row_t head_row; /* the column headings, repeated on every page */
	lxw_row_t row;      /* the next row to write */
	struct export_pager pager;
};

/*
 * export_list_begin: title and introduction rows, the column headings
 * (frozen, repeated on every printed page), widths, page setup fitted to
 * the page width, and the pager. intro may be NULL.
 */
void export_list_begin(struct export_ctx *c, struct export_list *l, lxw_worksheet *ws,
                       const char *title, const char *intro,
                       const struct export_column *cols, lxw_col_t ncols, int landscape);
/* Put the headings of cols (again, for a second table) at l->row; their height. */
double export_list_heads(struct export_ctx *c, struct export_list *l,
                         const struct export_column *cols, lxw_col_t ncols);
/* Height for the texts of one row (one per printed column, NULL = empty);
 * sets it and accounts for it with the pager (keep: points that must follow
 * on the same page). Returns the height. */
double export_list_row(struct export_ctx *c, struct export_list *l,
                       const char *const *texts, double keep);
/* A heading row merged across the printed columns, kept with keep points. */
void export_list_heading(struct export_ctx *c, struct export_list *l, const char *text,
                         lxw_format *fmt, double keep);
/* Hand over the page breaks. */
void export_list_end(struct export_ctx *c, struct export_list *l);

/* ---- export_evidence.c: the evidence that matters ---- */

enum export_evidence_rank {
	EXPORT_EVIDENCE_MISSING, /* fehlt */
	EXPORT_EVIDENCE_DUE,     /* nachzureichen */
	EXPORT_EVIDENCE_PRESENTED,
	EXPORT_EVIDENCE_UNRECORDED, /* an answer with points, nothing recorded */
};

struct export_evidence_row {
	size_t question;
	enum export_evidence_rank rank;
	const char *due; /* YYYY-MM-DD when nachzureichen, else NULL; borrowed */
	int overdue;     /* score_evidence_overdue */
	int conditional; /* score_conditional: points stand on missing evidence */
};

/*
 * export_evidence_rows: the evidence the Nachweise sheet lists, in its
 * order: fehlt, nachzureichen by due date, vorgelegt, not recorded; within
 * each, form order. Listed: everything marked fehlt or nachzureichen, and
 * the evidence of every shown answer that earns points. Caller frees *out.
 */
size_t export_evidence_rows(const struct export_ctx *c, struct export_evidence_row **out);

/*
 * One sheet of the workbook: a row of the table in export.c. The tabs are in
 * table order, the first is the one the workbook opens on. Adding a sheet is
 * one file (export_<sheet>.c with its write function) and one row.
 */
struct export_sheet {
	const char *name; /* the tab */
	/* When it is written: a sheet whose cells others refer to (Bewertung,
	 * Entwicklungsziele, read by Ergebnis) comes before them. The order also
	 * fixes the workbook's shared strings, so it never changes casually. */
	int order;
	/* Whether this export has the sheet (NULL: always). */
	int (*wanted)(const struct export_ctx *c);
	/* Fill the sheet; errors go to c->err. */
	void (*write)(struct export_ctx *c, lxw_worksheet *ws);
};

/* The sheets, one file each. */
void export_sheet_result(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_evidence(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_goals(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_recommendations(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_rating(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_protokoll(struct export_ctx *c, lxw_worksheet *ws);
void export_sheet_development(struct export_ctx *c, lxw_worksheet *ws);

/*
 * export_xlsx_counted: export_xlsx_opt that also reports how many cells it
 * wrote (cells may be NULL). For the benchmark, which writes the same number
 * of bare cells as its floor.
 */
int export_xlsx_counted(const struct session *s, const char *path,
                        const struct export_options *opt, size_t *cells, char **why);

#endif
