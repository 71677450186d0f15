/*
 * register_sheet_towns.c: the sheet "Register": one row per town in
 * urgency order (register.h), its latest audit, the seal in force, status,
 * days left, next goal deadline and overdue evidence; rows coloured by
 * status through conditional formats (so the colours follow the status
 * when a person sorts or filters); with REGISTER_WITH_POINTS the points
 * of the latest audit (confidential). Part of the register workbook.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/register_xlsx_private.h"

/* The columns without points; STATUS_COLUMN is where the status stands. */
static const struct register_xlsx_column columns[] = {
    {"Kommune", 26},
    {"Landkreis", 27},
    {"IHK", 31},
    {"Art", 10},
    {"Datum", 11},
    {"Ergebnis", 15},
    {"gültig bis", 11},
    {"Status", 31},
    {"Tage", 7},
    {"nächste Zielfrist", 11},
    {"überfällige Nachweise", 11},
};
#define BASE_COLUMNS (sizeof columns / sizeof columns[0])
#define STATUS_COLUMN 7

/* Colour each row by the text in its status column. */
static void
status_colours(struct register_xlsx *c, lxw_worksheet *ws, size_t count)
{
	const struct register_result *r = c->r;
	lxw_row_t first = REGISTER_ROW_FIRST,
	          last = (lxw_row_t)(first + r->town_count - 1);
	char col[4];

	if (r->town_count == 0)
		return;
	register_xlsx_col_name(col, STATUS_COLUMN);
	for (size_t s = 0; s < REGISTER_STATUS_COUNT; s++) {
		lxw_conditional_format cf = {0};
		char *formula = xasprintf("=$%s%u=\"%s\"", col, (unsigned)first + 1,
		                          register_status_label((enum register_status)s));
		cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
		cf.value_string = formula;
		cf.format = c->fmt.status[s];
		register_xlsx_check(
		    c, worksheet_conditional_format_range(ws, first, 0, last,
		                                          (lxw_col_t)(count - 1), &cf));
		free(formula);
	}
}

void
register_sheet_towns(struct register_xlsx *c, lxw_worksheet *ws)
{
	const struct register_result *r = c->r;
	size_t count, expired = 0, expiring = 0;
	char **owned, *title, *note, *day = date_display(r->stichtag);
	struct register_xlsx_column *cols =
	    register_xlsx_columns(c, columns, BASE_COLUMNS, &count, &owned);

	for (size_t i = 0; i < r->town_count; i++) {
		expired += r->towns[i].status == REGISTER_EXPIRED;
		expiring += r->towns[i].status == REGISTER_EXPIRING;
	}
	title = xasprintf(
	    "Register „Ausgezeichneter Wohnort für Fachkräfte“ – Stichtag %s", day);
	note =
	    xasprintf("%zu %s, davon %zu abgelaufen und %zu innerhalb von %d Monaten "
	              "ablaufend; %zu %s nicht gelesen. Reihenfolge: abgelaufen, läuft "
	              "ab, offen, nicht bestanden, gültig; darin nach verbleibenden "
	              "Tagen.",
	              r->town_count, r->town_count == 1 ? "Kommune" : "Kommunen", expired,
	              expiring, REGISTER_WARN_MONTHS, r->problem_count,
	              r->problem_count == 1 ? "Datei" : "Dateien");
	register_xlsx_frame(c, ws, title, note, cols, count, r->town_count, 1);

	for (size_t i = 0; i < r->town_count; i++) {
		const struct register_town *t = &r->towns[i];
		const struct register_audit *a = r->entries[t->latest].audit;
		lxw_row_t row = (lxw_row_t)(REGISTER_ROW_FIRST + i);

		register_xlsx_text(c, ws, row, 0, t->kommune, 1, c->fmt.cell);
		register_xlsx_text(c, ws, row, 1, t->landkreis, 1, c->fmt.cell);
		register_xlsx_text(c, ws, row, 2, t->ihk, 1, c->fmt.cell);
		register_xlsx_text(c, ws, row, 3, register_kind_label(a->kind), 1,
		                   c->fmt.cell);
		register_xlsx_date(c, ws, row, 4, a->datum, c->fmt.date);
		register_xlsx_text(c, ws, row, 5, register_verdict_label(a->verdict), 1,
		                   c->fmt.cell);
		register_xlsx_date(c, ws, row, 6, t->valid_until, c->fmt.date);
		register_xlsx_text(c, ws, row, STATUS_COLUMN,
		                   register_status_label(t->status), 1, c->fmt.cell);
		if (t->has_seal)
			register_xlsx_number(c, ws, row, 8, (double)t->days_left,
			                     c->fmt.integer);
		else
			register_xlsx_blank(c, ws, row, 8, c->fmt.integer);
		register_xlsx_date(c, ws, row, 9, t->next_goal, c->fmt.date);
		register_xlsx_number(c, ws, row, 10, (double)t->overdue_evidence,
		                     c->fmt.integer);
		if (c->flags & REGISTER_WITH_POINTS)
			register_xlsx_points(c, ws, row, BASE_COLUMNS, a);
	}
	status_colours(c, ws, count);

	register_xlsx_columns_free(c, cols, owned);
	free(title);
	free(note);
	free(day);
}
