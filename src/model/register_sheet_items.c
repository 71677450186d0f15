/*
 * register_sheet_items.c: the sheet "Termine": every dated item (expiry,
 * re-audit planning, goal deadlines, evidence due dates) in date order
 * with the town and what is due; items before the Stichtag red, those
 * within 30 days amber (conditional formats on the column Tage). Part of
 * the register workbook.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/register_xlsx_private.h"

/* Days ahead that an item counts as soon (amber). */
#define SOON_DAYS 30

static const struct register_xlsx_column columns[] = {
    {"Datum", 11},  {"Tage", 7}, {"Kommune", 26}, {"IHK", 31},
    {"Termin", 23}, {"Nr", 16},  {"Details", 60},
};
#define COLUMNS (sizeof columns / sizeof columns[0])

/* Red for items gone by, amber for items within SOON_DAYS days. */
static void
item_colours(struct register_xlsx *c, lxw_worksheet *ws)
{
	lxw_row_t first = REGISTER_ROW_FIRST,
	          last = (lxw_row_t)(first + c->r->item_count - 1);
	lxw_conditional_format past = {0}, soon = {0};
	char *past_formula = xasprintf("=$B%u<0", (unsigned)first + 1);
	char *soon_formula = xasprintf("=$B%u<=%d", (unsigned)first + 1, SOON_DAYS);

	past.type = LXW_CONDITIONAL_TYPE_FORMULA;
	past.value_string = past_formula;
	past.format = c->fmt.past;
	past.stop_if_true = LXW_TRUE;
	soon.type = LXW_CONDITIONAL_TYPE_FORMULA;
	soon.value_string = soon_formula;
	soon.format = c->fmt.soon;
	register_xlsx_check(c, worksheet_conditional_format_range(ws, first, 0, last,
	                                                          COLUMNS - 1, &past));
	register_xlsx_check(c, worksheet_conditional_format_range(ws, first, 0, last,
	                                                          COLUMNS - 1, &soon));
	free(past_formula);
	free(soon_formula);
}

void
register_sheet_items(struct register_xlsx *c, lxw_worksheet *ws)
{
	const struct register_result *r = c->r;
	char *day = date_display(r->stichtag), *note;

	note = xasprintf("%zu Termine. Tage: Abstand zum Stichtag %s (negativ: vorbei). "
	                 "Re-Audit planen: %d Monate vor Ablauf des Siegels.",
	                 r->item_count, day, REGISTER_WARN_MONTHS);
	register_xlsx_frame(c, ws, "Termine", note, columns, COLUMNS, r->item_count, 1);
	for (size_t i = 0; i < r->item_count; i++) {
		const struct register_item *it = &r->items[i];
		const struct register_town *t = &r->towns[it->town];
		lxw_row_t row = (lxw_row_t)(REGISTER_ROW_FIRST + i);

		register_xlsx_date(c, ws, row, 0, it->date, c->fmt.date);
		register_xlsx_number(c, ws, row, 1, (double)it->days, c->fmt.integer);
		register_xlsx_text(c, ws, row, 2, t->kommune, 1, c->fmt.cell);
		register_xlsx_text(c, ws, row, 3, t->ihk, 1, c->fmt.cell);
		register_xlsx_text(c, ws, row, 4, register_item_label(it->kind), 1,
		                   c->fmt.cell);
		if (it->kind == REGISTER_ITEM_GOAL)
			register_xlsx_number(c, ws, row, 5, (double)it->number,
			                     c->fmt.integer);
		else
			register_xlsx_text(c, ws, row, 5,
			                   it->kind == REGISTER_ITEM_EVIDENCE ? it->id
			                                                      : "",
			                   1, c->fmt.center);
		register_xlsx_text(c, ws, row, 6, it->detail, 0, c->fmt.wrap);
	}
	if (r->item_count > 0)
		item_colours(c, ws);
	free(note);
	free(day);
}
