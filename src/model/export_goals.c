/*
 * export_goals.c: the "Entwicklungsziele" sheet: the goals agreed in the
 * talk with Maßnahmen, Messgröße, Frist, Verantwortlich and the questions
 * each addresses; in a re-audit also the previous audit's goals with their
 * Frist, Verantwortlich, status and the Sonderpunkte each earns, summed by a
 * formula Ergebnis refers to (export_ctx records the rows). Goals with
 * nothing entered are left out rather than printed as rows of dashes.
 * Reads only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "lib/util.h"

enum {
	COL_NUMBER,
	COL_GOAL,
	COL_MEASURES,
	COL_INDICATOR,
	COL_DEADLINE,
	COL_RESPONSIBLE,
	COL_QUESTIONS,
	COL_STATUS = 6,
	COL_BONUS = 7
};

static const struct export_column columns[] = {
    {"Nr", 4.5},   {"Ziel", 30},           {"Maßnahmen", 38},       {"Messgröße", 28},
    {"Frist", 11}, {"Verantwortlich", 20}, {"betrifft Fragen", 13}, {NULL, 13},
};
static const struct export_column previous_columns[] = {
    {"Nr", 4.5},   {"Ziel", 30},           {"Maßnahmen", 38}, {"Messgröße", 28},
    {"Frist", 11}, {"Verantwortlich", 20}, {"Status", 13},    {"Sonderpunkte", 13},
};

/* People's words for a goal status. */
static const char *
goal_status_text(enum goal_status st)
{
	switch (st) {
	case GOAL_REACHED:
		return "erreicht";
	case GOAL_PARTIAL:
		return "teilweise erreicht";
	case GOAL_NOT_REACHED:
		return "nicht erreicht";
	default:
		return "nicht bewertet";
	}
}

/* Whether any text of a goal is filled in. */
static int
goal_has_text(const struct session_goal *g)
{
	const char *v[] = {g->goal, g->measures, g->indicator, g->deadline,
	                   g->responsible};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (v[i] != NULL && v[i][0] != '\0')
			return 1;
	return 0;
}

/* "2.1, 3.4": the numbers of the questions goal g addresses. Caller frees. */
static char *
question_numbers(const struct export_ctx *c, const struct session_goal *g)
{
	struct buf b = {0};
	for (size_t qi = 0; qi < c->f->question_count; qi++) {
		char *nr;
		if (!session_goal_addresses(c->s, g, qi))
			continue;
		nr = export_question_number(c->f, qi);
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", nr);
		free(nr);
	}
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

/* "–" for empty text, so a printed table never has silent holes. */
static const char *
or_dash(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "–";
}

/* One goal's common cells (Nr … Verantwortlich) at the list's row. */
static void
put_goal(struct export_ctx *c, struct export_list *l, int number,
         const struct session_goal *g, const char *deadline)
{
	export_put_number(c, l->ws, l->row, COL_NUMBER, number, c->fmt.cell_int);
	export_put_text(c, l->ws, l->row, COL_GOAL, or_dash(g->goal), c->fmt.cell);
	export_put_text(c, l->ws, l->row, COL_MEASURES, or_dash(g->measures),
	                c->fmt.cell);
	export_put_text(c, l->ws, l->row, COL_INDICATOR, or_dash(g->indicator),
	                c->fmt.cell);
	export_put_text(c, l->ws, l->row, COL_DEADLINE, or_dash(deadline), c->fmt.cell);
	export_put_text(c, l->ws, l->row, COL_RESPONSIBLE, or_dash(g->responsible),
	                c->fmt.cell);
}

/* The previous audit's goals with status and Sonderpunkte (re-audit). */
static void
previous_goals(struct export_ctx *c, struct export_list *l)
{
	const struct form *f = c->f;
	char formula[128], col[4];
	int shown = 0;

	for (int i = 0; i < f->goal_count; i++)
		if (goal_has_text(&c->s->previous_goals[i]) ||
		    c->s->previous_status[i] != GOAL_OPEN)
			shown++;
	if (shown == 0)
		return;
	l->row++;
	export_list_heading(c, l,
	                    "Entwicklungsziele des letzten Audits: Bewertung im Re-Audit",
	                    c->fmt.label, 4 * EXPORT_LINE_HEIGHT);
	export_list_heads(c, l, previous_columns, 8);
	c->bonus_first = l->row;
	c->bonus_col = COL_BONUS;
	for (int i = 0; i < f->goal_count; i++) {
		const struct session_goal *g = &c->s->previous_goals[i];
		enum goal_status st = c->s->previous_status[i];
		char *deadline;
		if (!goal_has_text(g) && st == GOAL_OPEN)
			continue;
		deadline = export_german_date(g->deadline);
		{
			const char *texts[] = {"",
			                       or_dash(g->goal),
			                       or_dash(g->measures),
			                       or_dash(g->indicator),
			                       or_dash(deadline),
			                       or_dash(g->responsible),
			                       goal_status_text(st),
			                       ""};
			put_goal(c, l, i + 1, g, deadline);
			export_put_text(c, l->ws, l->row, COL_STATUS, texts[COL_STATUS],
			                c->fmt.cell);
			export_put_number(c, l->ws, l->row, COL_BONUS,
			                  score_goal_bonus(f, st), c->fmt.cell_int);
			export_list_row(c, l, texts, 0);
		}
		free(deadline);
		l->row++;
		c->bonus_count++;
	}
	export_put_merged(c, l->ws, l->row, 0, COL_STATUS, "Sonderpunkte gesamt",
	                  c->fmt.total_label);
	export_col_name(col, COL_BONUS);
	snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", col,
	         (unsigned)c->bonus_first + 1, col, (unsigned)l->row);
	export_put_formula_number(c, l->ws, l->row, COL_BONUS, formula, c->r.bonus,
	                          c->fmt.total_int);
	export_check(c, worksheet_set_row(l->ws, l->row, 18, NULL));
	export_pager_row(&l->pager, l->row, 18, 0);
	l->row++;
}

void
export_sheet_goals(struct export_ctx *c, lxw_worksheet *ws)
{
	const struct form *f = c->f;
	struct export_list l;
	char *intro = xasprintf(
	    "Die im Prüfgespräch vereinbarten Ziele bis zum Re-Audit. Das Re-Audit "
	    "prüft sie; ein erreichtes Ziel bringt %d Sonderpunkte, ein teilweise "
	    "erreichtes %d.",
	    f->bonus_reached, f->bonus_partial);
	int shown = 0;

	export_list_begin(c, &l, ws, "Entwicklungsziele", intro, columns, 8, 1);
	for (int i = 0; i < f->goal_count; i++) {
		const struct session_goal *g = &c->s->goals[i];
		char *deadline, *numbers;
		if (!goal_has_text(g) && g->questions == NULL)
			continue;
		deadline = export_german_date(g->deadline);
		numbers = question_numbers(c, g);
		{
			const char *texts[] = {"",
			                       or_dash(g->goal),
			                       or_dash(g->measures),
			                       or_dash(g->indicator),
			                       or_dash(deadline),
			                       or_dash(g->responsible),
			                       numbers,
			                       NULL};
			put_goal(c, &l, i + 1, g, deadline);
			export_put_text(c, ws, l.row, COL_QUESTIONS, or_dash(numbers),
			                c->fmt.cell);
			export_list_row(c, &l, texts, 0);
		}
		free(numbers);
		free(deadline);
		l.row++;
		shown++;
	}
	if (shown == 0)
		export_list_heading(c, &l, "Keine Entwicklungsziele vereinbart.",
		                    c->fmt.value, 0);
	c->bonus_count = 0;
	if (c->s->meta.kind == AUDIT_RENEWAL)
		previous_goals(c, &l);
	export_list_end(c, &l);
	free(intro);
}
