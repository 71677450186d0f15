/*
 * table_sheet_goals.c: the sheet "Ziele" of the Dokumentationstabelle,
 * written and read back: up to the form's number of Entwicklungsziele the
 * town proposes, one row each with the fields of vocab_goal; in a re-audit
 * below them the previous audit's goals (locked) with the fields of
 * vocab_town_prevgoal for what the town reports ("Stand der Umsetzung").
 * The hidden key column names each row's record (goal.N, prevgoal.N).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/interview.h"
#include "model/score.h"
#include "model/table_private.h"

#define HEAD_NUMBER "Nr"

/* Whether the previous goals' block shows goal field f (the questions a
 * goal addresses are left out there). */
static int
previous_shows(const struct vocab_field *f)
{
	return f->kind != VOCAB_QUESTIONS;
}

/* Columns of the previous goals' block: Nr, the goal fields it shows, the
 * town's fields. */
static size_t
previous_columns(void)
{
	size_t n = 1 + vocab_town_prevgoal.count;

	for (size_t k = 0; k < vocab_goal.count; k++)
		n += (size_t)previous_shows(&vocab_goal.fields[k]);
	return n;
}

/* The hidden key column: after the wider block. */
static lxw_col_t
key_column(void)
{
	size_t goals = 1 + vocab_goal.count, prev = previous_columns();

	return (lxw_col_t)(goals > prev ? goals : prev);
}

/* The width of a column for a field of this kind. */
static double
width_of(enum vocab_kind kind)
{
	return kind == VOCAB_LONGTEXT ? 32 : kind == VOCAB_QUESTIONS ? 14 : 18;
}

#define MAX_COLUMNS 32

/* The widths of Nr and the goal fields' columns (a column the previous
 * goals' report shares is wide enough for it); returns how many. */
static size_t
column_widths(double out[MAX_COLUMNS])
{
	size_t n = 1;

	out[0] = 5;
	for (size_t k = 0; k < vocab_goal.count && n < MAX_COLUMNS; k++, n++) {
		double w = width_of(vocab_goal.fields[k].kind);
		if (k + 1 == previous_columns() - vocab_town_prevgoal.count && w < 30)
			w = 30;
		out[n] = w;
	}
	return n;
}

/* The height of row for its texts in the first n columns. */
static void
fit_row(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *const *texts,
        size_t n, int min_lines)
{
	double widths[MAX_COLUMNS];
	size_t have = column_widths(widths);

	table_row_height(c, ws, row, texts, widths, n < have ? n : have, min_lines);
}

/* A goal field's value as the town reads it: the questions a goal
 * addresses as their numbers ("1.1, 2.3"), anything else as it is. Caller
 * frees. */
static char *
questions_shown(const struct form *f, const struct vocab_field *vf, const char *value)
{
	struct buf b = {0};
	const char *p = value;

	if (value == NULL || vf->kind != VOCAB_QUESTIONS)
		return xstrdup(value);
	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		char *id = xstrndup(p, len);
		int qi = form_find_question(f, id);
		if (qi >= 0) {
			char *nr = interview_number(f, (size_t)qi);
			buf_printf(&b, "%s%s", b.len ? ", " : "", nr);
			free(nr);
		}
		free(id);
		p += len + (p[len] == ',');
	}
	return b.data != NULL ? buf_steal(&b) : NULL;
}

/* Headings of a block in row (heads[0 … n-1]), the key column's too. */
static void
put_heads(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *const *heads,
          size_t n)
{
	for (size_t col = 0; col < n; col++)
		table_put_text(c, ws, row, (lxw_col_t)col, heads[col], c->fmt.head);
	table_put_text(c, ws, row, key_column(), TABLE_KEY_HEAD, c->fmt.machine);
}

/* The previous audit's goals that exist, below the proposed ones. */
static void
write_previous(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row)
{
	size_t goals = table_goal_count(c->f), ncols = previous_columns(), col;
	const char **heads = xcalloc(ncols + 1, sizeof *heads);
	int shown = 0;

	for (size_t g = 0; g < goals; g++)
		shown += score_previous_goal_exists(c->s, (int)g);
	if (shown == 0) {
		free(heads);
		return;
	}
	table_put_text(c, ws, row++, 0,
	               "Entwicklungsziele des letzten Audits: was ist umgesetzt?",
	               c->fmt.subhead);
	heads[0] = HEAD_NUMBER;
	col = 1;
	for (size_t k = 0; k < vocab_goal.count; k++)
		if (previous_shows(&vocab_goal.fields[k]))
			heads[col++] = vocab_goal.fields[k].label;
	for (size_t k = 0; k < vocab_town_prevgoal.count; k++)
		heads[col++] = vocab_town_prevgoal.fields[k].label;
	put_heads(c, ws, row++, heads, ncols);
	for (size_t g = 0; g < goals; g++) {
		char *key;
		if (!score_previous_goal_exists(c->s, (int)g))
			continue;
		char **owned = xcalloc(ncols + 1, sizeof *owned);
		table_check(
		    c, worksheet_write_number(ws, row, 0, (double)g + 1, c->fmt.cell));
		col = 1;
		for (size_t k = 0; k < vocab_goal.count; k++) {
			char *rk;
			if (!previous_shows(&vocab_goal.fields[k]))
				continue;
			rk =
			    xasprintf("prevgoal.%zu.%s", g + 1, vocab_goal.fields[k].key);
			owned[col] = session_get(c->s, rk);
			table_put_text(c, ws, row, (lxw_col_t)col, owned[col],
			               c->fmt.cell);
			col++;
			free(rk);
		}
		for (size_t k = 0; k < vocab_town_prevgoal.count; k++, col++) {
			owned[col] = xstrdup(
			    c->s->town->prevgoals[g * vocab_town_prevgoal.count + k]);
			table_put_text(c, ws, row, (lxw_col_t)col, owned[col],
			               c->fmt.input);
		}
		owned[0] = xstrdup("");
		fit_row(c, ws, row, (const char *const *)owned, ncols, 3);
		for (size_t k = 0; k < ncols; k++)
			free(owned[k]);
		free(owned);
		key = xasprintf("prevgoal.%zu", g + 1);
		table_put_text(c, ws, row, key_column(), key, c->fmt.machine);
		free(key);
		row++;
	}
	free(heads);
}

static void
goals_write(struct table_ctx *c, lxw_worksheet *ws)
{
	size_t goals = table_goal_count(c->f), ncols = 1 + vocab_goal.count;
	const char **heads = xcalloc(ncols + 1, sizeof *heads);
	lxw_col_t keycol = key_column();
	lxw_row_t row = 3;
	char *intro;

	double widths[MAX_COLUMNS];
	size_t have = column_widths(widths);

	for (size_t k = 0; k < have; k++)
		table_check(c, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k,
		                                    widths[k], NULL));
	table_put_mark(c, ws, keycol, TABLE_SHEET_GOALS);
	table_put_merged(c, ws, 0, 0, keycol - 1, "Entwicklungsziele", c->fmt.title);
	intro = xasprintf(
	    "Die Kommune schlägt bis zu %zu realistische Entwicklungsziele vor, die sie "
	    "bis zum nächsten Audit erreichen will: das Ziel, die Maßnahmen, woran man "
	    "das Erreichen misst (Messgröße), bis wann (Frist) und wer verantwortlich "
	    "ist. "
	    "In „Fragen (Nr.)“ können Sie die Nummern der Fragen nennen, die das Ziel "
	    "aufgreift (z. B. 2.3).",
	    goals);
	table_put_merged(c, ws, 1, 0, keycol - 1, intro, c->fmt.intro);
	table_check(c, worksheet_set_row(ws, 1, 48, NULL));
	free(intro);
	heads[0] = HEAD_NUMBER;
	for (size_t k = 0; k < vocab_goal.count; k++)
		heads[k + 1] = vocab_goal.fields[k].label;
	put_heads(c, ws, 2, heads, ncols);
	for (size_t g = 0; g < goals; g++, row++) {
		char *key = xasprintf("goal.%zu", g + 1);
		table_check(
		    c, worksheet_write_number(ws, row, 0, (double)g + 1, c->fmt.cell));
		char **shown = xcalloc(ncols + 1, sizeof *shown);
		for (size_t k = 0; k < vocab_goal.count; k++) {
			shown[k + 1] = questions_shown(c->f, &vocab_goal.fields[k],
			                               town_goal_field(c->s, g, k));
			table_put_text(c, ws, row, (lxw_col_t)(k + 1), shown[k + 1],
			               c->fmt.input);
		}
		shown[0] = xstrdup("");
		fit_row(c, ws, row, (const char *const *)shown, ncols, 4);
		for (size_t k = 0; k < ncols; k++)
			free(shown[k]);
		free(shown);
		table_put_text(c, ws, row, keycol, key, c->fmt.machine);
		free(key);
	}
	free(heads);
	write_previous(c, ws, row + 1);
	table_sheet_setup(c, ws, (lxw_row_t)-1, 1);
}

/* ---- reading ---- */

static void *
goals_begin(struct table_read *r)
{
	/* a row seen per goal and per previous goal */
	return xcalloc(2 * table_goal_count(r->f) + 2, 1);
}

/* The fields of table t for the row of record prefix (town.goal.N). Returns
 * whether any was taken. */
static int
take_fields(struct table_read *r, const struct table_row *row,
            const struct vocab_table *t, const char *record)
{
	int any = 0;

	for (size_t k = 0; k < t->count; k++) {
		const struct vocab_field *vf = &t->fields[k];
		const struct table_cell *cell = table_cell(r, row, vf->label);
		char *text = table_cell_string(r, cell, -1), *key;
		if (text == NULL)
			continue;
		key = xasprintf(TOWN_PREFIX "%s.%s", record, vf->key);
		table_take(r, cell, -1, key, text);
		any = 1;
		free(key);
		free(text);
	}
	return any;
}

static void
goals_row(struct table_read *r, void *state, const char *key, const struct table_row *row)
{
	unsigned char *seen = state;
	size_t goals = table_goal_count(r->f);
	const struct table_cell *id = table_cell(r, row, TABLE_KEY_HEAD);
	int previous = strncmp(key, "prevgoal.", 9) == 0;
	const char *number = key + (previous ? 9 : 5);
	char *end = NULL;
	long n = strtol(number, &end, 10);

	if ((!previous && strncmp(key, "goal.", 5) != 0) || *number < '1' ||
	    *number > '9' || *end != '\0' || n < 1 || (size_t)n > goals) {
		table_problem(r, id, -1,
		              "„%s“ ist keine Zeile der Ziele dieses Prüfbogens", key);
		return;
	}
	if (seen[(previous ? goals : 0) + (size_t)n - 1]++) {
		table_problem(r, id, -1, "„%s“ steht zweimal in der Tabelle", key);
		return;
	}
	if (previous)
		r->rep->prevgoals +=
		    (size_t)take_fields(r, row, &vocab_town_prevgoal, key);
	else
		r->rep->goals += (size_t)take_fields(r, row, &vocab_goal, key);
}

static void
goals_end(struct table_read *r, void *state)
{
	(void)r;
	free(state);
}

const struct table_sheet table_sheet_goals = {
    .name = TABLE_SHEET_GOALS,
    .part = TOWN_PART_GOALS,
    .key_head = TABLE_KEY_HEAD,
    .write = goals_write,
    .read_begin = goals_begin,
    .read_row = goals_row,
    .read_end = goals_end,
};
