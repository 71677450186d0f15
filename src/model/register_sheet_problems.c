/*
 * register_sheet_problems.c: the sheet "Nicht gelesen": every file the
 * caller could not read and every audit the register refused, with the
 * reason, so that nothing is skipped silently. Part of the register
 * workbook.
 */
#include "config.h"

#include "model/register_xlsx_private.h"

static const struct register_xlsx_column columns[] = {
    {"Datei", 60},
    {"Grund", 80},
};
#define COLUMNS (sizeof columns / sizeof columns[0])

void
register_sheet_problems(struct register_xlsx *c, lxw_worksheet *ws)
{
	const struct register_result *r = c->r;

	register_xlsx_frame(
	    c, ws, "Nicht gelesen",
	    r->problem_count == 0
	        ? "Alle Dateien wurden gelesen."
	        : "Diese Dateien fehlen im Register; der Grund steht daneben.",
	    columns, COLUMNS, r->problem_count, 1);
	for (size_t i = 0; i < r->problem_count; i++) {
		lxw_row_t row = (lxw_row_t)(REGISTER_ROW_FIRST + i);
		register_xlsx_text(c, ws, row, 0, r->problems[i].path, 1, c->fmt.cell);
		register_xlsx_text(c, ws, row, 1, r->problems[i].reason, 0, c->fmt.wrap);
	}
}
