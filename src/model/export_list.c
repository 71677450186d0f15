/*
 * export_list.c: the frame every list sheet of the Ergebnisformular shares:
 * a title and a line saying what the list holds, column headings that are
 * frozen on screen and repeated on every printed page, widths set once per
 * column (a column set twice gives overlapping <col> ranges, which Excel
 * "repairs"), A4 fitted to the page width, row heights from the wrapped
 * text, and page breaks that keep headings with what follows them.
 * Writes cells only through the export.c writers; prints nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "lib/util.h"

/* The total width of the printed columns. */
static double
list_width(const struct export_list *l)
{
	double w = 0;
	for (lxw_col_t i = 0; i < l->ncols; i++)
		w += l->widths[i];
	return w;
}

void
export_list_begin(struct export_ctx *c, struct export_list *l, lxw_worksheet *ws,
                  const char *title, const char *intro, const struct export_column *cols,
                  lxw_col_t ncols, int landscape)
{
	double h;

	memset(l, 0, sizeof *l);
	l->ws = ws;
	l->cols = cols;
	l->ncols = ncols < 16 ? ncols : 16;
	for (lxw_col_t i = 0; i < l->ncols; i++) {
		l->widths[i] = cols[i].width;
		export_check(c, worksheet_set_column(ws, i, i, cols[i].width, NULL));
	}
	export_pager_init(&l->pager, l->widths, l->ncols, landscape);

	export_put_merged(c, ws, 0, 0, l->ncols - 1, title, c->fmt.title);
	export_check(c, worksheet_set_row(ws, 0, 24, NULL));
	export_pager_row(&l->pager, 0, 24, 0);
	l->row = 1;
	if (intro != NULL) {
		h = export_lines_height(
		    export_wrapped_lines_scaled(intro, list_width(l), 1.05));
		export_put_merged(c, ws, 1, 0, l->ncols - 1, intro, c->fmt.subtitle);
		export_check(c, worksheet_set_row(ws, 1, h, NULL));
		export_pager_row(&l->pager, 1, h, 0);
		l->row = 2;
	}
	l->head_row = l->row;
	/* the repeated headings cost their height on every later page */
	export_pager_repeat(&l->pager, export_list_heads(c, l, cols, ncols));
	worksheet_freeze_panes(ws, l->row, 0);
	/* "1.10" or "+49 …" are text on purpose: no green corner in Excel */
	export_check(
	    c, worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:P5000"));
	export_check(c, worksheet_repeat_rows(ws, l->head_row, l->head_row));
	export_page_setup(c, ws, landscape,
	                  ws->name); /* the sheet's name on every page */
	worksheet_fit_to_pages(ws, 1, 0);
}

double
export_list_heads(struct export_ctx *c, struct export_list *l,
                  const struct export_column *cols, lxw_col_t ncols)
{
	double h = 0;
	for (lxw_col_t i = 0; i < ncols && i < l->ncols; i++) {
		double r;
		if (cols[i].head == NULL)
			continue; /* a column this table does not use */
		r = export_lines_height(
		    export_wrapped_lines_scaled(cols[i].head, l->widths[i], 1.13));
		if (r > h)
			h = r;
		export_put_text(c, l->ws, l->row, i, cols[i].head, c->fmt.head);
	}
	export_check(c, worksheet_set_row(l->ws, l->row, h, NULL));
	/* headings stay with at least one row of their table */
	export_pager_row(&l->pager, l->row, h, 2 * EXPORT_LINE_HEIGHT);
	l->row++;
	return h;
}

double
export_list_row(struct export_ctx *c, struct export_list *l, const char *const *texts,
                double keep)
{
	int lines = 1;
	double h;
	for (lxw_col_t i = 0; i < l->ncols; i++) {
		int n =
		    texts[i] != NULL ? export_wrapped_lines(texts[i], l->widths[i]) : 1;
		if (n > lines)
			lines = n;
	}
	h = export_lines_height(lines);
	export_check(c, worksheet_set_row(l->ws, l->row, h, NULL));
	export_pager_row(&l->pager, l->row, h, keep);
	return h;
}

void
export_list_heading(struct export_ctx *c, struct export_list *l, const char *text,
                    lxw_format *fmt, double keep)
{
	double h =
	    export_lines_height(export_wrapped_lines_scaled(text, list_width(l), 1.13));
	export_put_merged(c, l->ws, l->row, 0, l->ncols - 1, text, fmt);
	export_check(c, worksheet_set_row(l->ws, l->row, h, NULL));
	export_pager_row(&l->pager, l->row, h, keep);
	l->row++;
}

void
export_list_end(struct export_ctx *c, struct export_list *l)
{
	export_pager_finish(c, l->ws, &l->pager);
}
