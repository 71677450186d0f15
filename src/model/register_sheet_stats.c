/*
 * register_sheet_stats.c: the sheet "Statistik": per Handlungsfeld and for
 * the Endpunktzahl how many towns contribute and, from
 * REGISTER_STAT_MIN_TOWNS towns on, the quartiles and median of their
 * percentages (register.h defines which towns and the quartile method);
 * below that the values are left out and a note says why. Part of the
 * register workbook.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/register_xlsx_private.h"

static const struct register_xlsx_column columns[] = {
    {"Handlungsfeld", 34}, {"Kommunen", 10},       {"unteres Quartil", 11},
    {"Median", 11},        {"oberes Quartil", 11}, {"Hinweis", 50},
};
#define COLUMNS (sizeof columns / sizeof columns[0])

void
register_sheet_stats(struct register_xlsx *c, lxw_worksheet *ws)
{
	const struct register_result *r = c->r;
	char *hint = xasprintf("weniger als %d Kommunen – nicht ausgewiesen",
	                       REGISTER_STAT_MIN_TOWNS);
	char *note = xasprintf(
	    "Quoten (Punkte in Prozent des Maximums) des letzten Audits mit "
	    "festgestelltem "
	    "Ergebnis je Kommune; Quartile linear interpoliert (wie QUARTILE.INKL); "
	    "ausgewiesen ab %d Kommunen.",
	    REGISTER_STAT_MIN_TOWNS);
	lxw_row_t row = REGISTER_ROW_FIRST;

	register_xlsx_frame(c, ws, "Statistik je Handlungsfeld", note, columns, COLUMNS,
	                    0, 1);
	for (size_t i = 0; i < r->stat_count; i++, row++) {
		const struct register_stat *s = &r->stats[i];

		register_xlsx_text(c, ws, row, 0, s->title, 1, c->fmt.cell);
		register_xlsx_number(c, ws, row, 1, (double)s->count, c->fmt.integer);
		if (s->shown) {
			register_xlsx_number(c, ws, row, 2, s->q1 / 100, c->fmt.percent);
			register_xlsx_number(c, ws, row, 3, s->median / 100,
			                     c->fmt.percent);
			register_xlsx_number(c, ws, row, 4, s->q3 / 100, c->fmt.percent);
			register_xlsx_blank(c, ws, row, 5, c->fmt.cell);
		} else {
			for (lxw_col_t col = 2; col <= 4; col++)
				register_xlsx_blank(c, ws, row, col, c->fmt.percent);
			register_xlsx_text(c, ws, row, 5, hint, 1, c->fmt.cell);
		}
	}
	free(hint);
	free(note);
}
