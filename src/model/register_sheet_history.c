/*
 * register_sheet_history.c: the sheet "Verlauf" (only with
 * REGISTER_WITH_HISTORY): every accepted audit, town by town in the
 * register's urgency order and oldest first within a town, with its own
 * result, its own "gültig bis" and its source file; with
 * REGISTER_WITH_POINTS its points. Part of the register workbook.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/register_xlsx_private.h"

static const struct register_xlsx_column columns[] = {
    {"Kommune", 26}, {"Landkreis", 27}, {"IHK", 31},        {"Art", 10},
    {"Datum", 11},   {"Ergebnis", 15},  {"gültig bis", 11}, {"Datei", 36},
};
#define BASE_COLUMNS (sizeof columns / sizeof columns[0])

void
register_sheet_history(struct register_xlsx *c, lxw_worksheet *ws)
{
	const struct register_result *r = c->r;
	size_t count, row = REGISTER_ROW_FIRST;
	char **owned;
	struct register_xlsx_column *cols =
	    register_xlsx_columns(c, columns, BASE_COLUMNS, &count, &owned);

	register_xlsx_frame(c, ws, "Verlauf: alle Audits je Kommune",
	                    "Kommunen in der Reihenfolge des Registers, je Kommune das "
	                    "älteste Audit zuerst; „gültig bis“ des jeweiligen Audits.",
	                    cols, count, r->entry_count, 1);
	for (size_t i = 0; i < r->town_count; i++) {
		const struct register_town *t = &r->towns[i];
		for (size_t k = 0; k < t->entry_count; k++, row++) {
			const struct register_entry *e = &r->entries[t->entries[k]];
			const struct register_audit *a = e->audit;
			lxw_row_t at = (lxw_row_t)row;

			register_xlsx_text(c, ws, at, 0, a->kommune, 1, c->fmt.cell);
			register_xlsx_text(c, ws, at, 1, a->landkreis, 1, c->fmt.cell);
			register_xlsx_text(c, ws, at, 2, a->ihk, 1, c->fmt.cell);
			register_xlsx_text(c, ws, at, 3, register_kind_label(a->kind), 1,
			                   c->fmt.cell);
			register_xlsx_date(c, ws, at, 4, a->datum, c->fmt.date);
			register_xlsx_text(c, ws, at, 5,
			                   register_verdict_label(a->verdict), 1,
			                   c->fmt.cell);
			register_xlsx_date(c, ws, at, 6, e->valid_until, c->fmt.date);
			register_xlsx_text(c, ws, at, 7, a->path, 1, c->fmt.cell);
			if (c->flags & REGISTER_WITH_POINTS)
				register_xlsx_points(c, ws, at, BASE_COLUMNS, a);
		}
	}
	register_xlsx_columns_free(c, cols, owned);
}
