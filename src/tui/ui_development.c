/*
 * ui_development.c: the Entwicklung screen (from F5 with v): how the town
 * developed since the previous audit the session keeps: per Handlungsfeld
 * then and now with the change, Sonderpunkte, Endpunktzahl and verdict, and
 * the questions whose answer changed; Enter jumps to one. The figures come
 * from compare_sessions, as in `compare` and the workbook; points, maxima,
 * percentages and verdicts only where screen_points_shown allows (else the
 * changed answers alone, without better or worse). Reads the session;
 * changes only the current question.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/compare.h"
#include "model/interview.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Columns of the Handlungsfeld table. */
#define FIGURE_W 16
/* Width of the change column of the question list. */
#define CHANGE_W 11
#define NUMBER_W 6

struct development {
	struct compare_result r;
	int ready; /* r holds a comparison */
	char *why; /* why there is none */
	size_t selected, top;
};

/* The row the question list starts at: after the mapping line (row 1), the
 * table (its heading, the Handlungsfelder, Sonderpunkte, Endpunktzahl,
 * Ergebnis and the note on methods) when points are shown, and the list's
 * heading. */
static int
list_top(const struct ui *ui, const struct development *st)
{
	int table =
	    st->ready && screen_points_shown(ui) ? (int)st->r.section_count + 5 : 0;
	return 2 + table + 1;
}

/* Rows of the question list: down to the row above the selected question's
 * answers (rows - 4), which sits above the status line and the key bar. */
static int
list_height(const struct ui *ui, const struct development *st)
{
	int h = ui->rows - 4 - list_top(ui, st);
	return h > 1 ? h : 1;
}

/* Entering: compare the session with the previous audit it keeps. */
static void *
development_init(struct ui *ui, void *state)
{
	struct development *st = state != NULL ? state : xcalloc(1, sizeof *st);

	if (st->ready)
		compare_result_free(&st->r);
	st->ready = 0;
	free(st->why);
	st->why = NULL;
	if (ui->session == NULL || ui->session->previous == NULL)
		st->why =
		    xstrdup("Kein vorheriges Audit gespeichert. Ein Re-Audit mit F8 "
		            "(Stammdaten) mit dem vorherigen Audit verknüpfen.");
	else if (compare_sessions(ui->session->previous, ui->session, COMPARE_FORCE,
	                          &st->r, &st->why) == 0)
		st->ready = 1;
	if (!st->ready || st->selected >= st->r.question_count)
		st->selected = 0;
	st->top = 0;
	list_follow(&st->top, st->selected, list_height(ui, st));
	return st;
}

static void
development_free(void *state)
{
	struct development *st = state;

	if (st->ready)
		compare_result_free(&st->r);
	free(st->why);
	free(st);
}

static void
development_resize(struct ui *ui, void *state)
{
	struct development *st = state;

	list_follow(&st->top, st->selected, list_height(ui, st));
}

/* "18/27 66,7 %" (or "–"). Caller frees. */
static char *
figure_text(const struct compare_figure *f)
{
	char pct[32];

	if (!f->present)
		return xstrdup("–");
	score_percent_de(f->points, f->max, pct);
	return xasprintf("%d/%d %s %%", f->points, f->max, pct);
}

/* One row of the table. */
static void
table_row(int y, int w, const char *label, const struct compare_figure *then,
          const struct compare_figure *now, const struct compare_delta *d, attr_t a)
{
	int label_w = w - 2 * FIGURE_W - 18;
	char *t = figure_text(then), *n = figure_text(now), *x = compare_delta_text(d);

	text_put(y, 1, label_w - 1, label, a);
	text_put(y, 1 + label_w, FIGURE_W - 1, t, a);
	text_put(y, 1 + label_w + FIGURE_W, FIGURE_W - 1, n, a);
	text_putf(y, 1 + label_w + 2 * FIGURE_W, 18, a, "%s%s", x,
	          d->method_changed && then->present && now->present ? " M" : "");
	free(t);
	free(n);
	free(x);
}

/* The Handlungsfeld table from row y (list_top counts its rows). */
static void
draw_table(const struct ui *ui, const struct development *st, int y)
{
	const struct compare_result *r = &st->r;
	int w = ui->cols - 2, label_w = w - 2 * FIGURE_W - 18;
	attr_t head = ui->attrs[ROLE_DIM] | A_BOLD;
	struct compare_delta bonus = {
	    .comparable = 1, .difference = r->bonus_now.points - r->bonus_then.points};
	char *then_date = date_display(r->prev->meta.datum);
	int any_method = 0;

	text_put(y, 1, label_w - 1, "Handlungsfeld", head);
	text_putf(y, 1 + label_w, FIGURE_W - 1, head, "%s",
	          then_date != NULL ? then_date : "damals");
	text_put(y, 1 + label_w + FIGURE_W, FIGURE_W - 1, "heute", head);
	text_put(y, 1 + label_w + 2 * FIGURE_W, 18, "Veränderung", head);
	free(then_date);
	y++;
	for (size_t i = 0; i < r->section_count; i++) {
		const struct compare_section *s = &r->sections[i];
		table_row(y++, w, s->title, &s->then, &s->now, &s->delta,
		          ui->attrs[ROLE_NORMAL]);
		any_method |= s->delta.method_changed;
	}
	{
		char *x = compare_delta_text(&bonus);
		text_put(y, 1, label_w - 1, "Sonderpunkte", ui->attrs[ROLE_NORMAL]);
		text_putf(y, 1 + label_w, FIGURE_W - 1, ui->attrs[ROLE_NORMAL], "%d",
		          r->bonus_then.points);
		text_putf(y, 1 + label_w + FIGURE_W, FIGURE_W - 1, ui->attrs[ROLE_NORMAL],
		          "%d", r->bonus_now.points);
		text_put(y, 1 + label_w + 2 * FIGURE_W, 18, x, ui->attrs[ROLE_NORMAL]);
		free(x);
		y++;
	}
	table_row(y++, w, "Endpunktzahl", &r->total_then, &r->total_now, &r->total_delta,
	          A_BOLD);
	any_method |= r->total_delta.method_changed;
	text_put(y, 1, label_w - 1, "Ergebnis", A_BOLD);
	text_put(y, 1 + label_w, FIGURE_W - 1, compare_verdict_name(r->verdict_then),
	         A_BOLD);
	text_put(y, 1 + label_w + FIGURE_W, 2 * FIGURE_W,
	         compare_verdict_name(r->verdict_now), A_BOLD);
	y++;
	if (any_method)
		text_put(y, 1, w,
		         "M = Methode geändert (andere Höchstpunktzahl): Quoten "
		         "verglichen",
		         ui->attrs[ROLE_DIM]);
}

/* The change a person may see: better and worse only with points shown. */
static const char *
change_shown(const struct ui *ui, const struct compare_question *q)
{
	if (!screen_points_shown(ui) &&
	    (q->change == COMPARE_BETTER || q->change == COMPARE_WORSE))
		return compare_change_name(COMPARE_CHANGED);
	return compare_change_name(q->change);
}

/* One changed question: change, number, question text. */
static void
question_row(const struct ui *ui, const void *state, size_t i, int y, int x, int width,
             attr_t a)
{
	const struct development *st = state;
	const struct compare_question *q = &st->r.questions[i];
	const struct form *f = q->now >= 0 ? st->r.cur->form : st->r.prev->form;
	int qi = q->now >= 0 ? q->now : q->then;
	char *number = q->now >= 0 ? interview_number(f, (size_t)qi) : xstrdup("alt");

	text_put(y, x, CHANGE_W - 1, change_shown(ui, q), a);
	text_put(y, x + CHANGE_W, NUMBER_W - 1, number, a);
	text_put(y, x + CHANGE_W + NUMBER_W, width - CHANGE_W - NUMBER_W,
	         f->questions[qi].text, a);
	free(number);
}

/* The selected question's answers then and now (with points when shown). */
static void
draw_detail(const struct ui *ui, const struct development *st, int y)
{
	const struct compare_question *q = &st->r.questions[st->selected];
	struct buf b = {0};

	buf_printf(&b, "damals: %s", q->answer_then);
	if (screen_points_shown(ui) && q->answered_then && q->points_then.max > 0)
		buf_printf(&b, " (%d/%d P.)", q->points_then.points, q->points_then.max);
	buf_printf(&b, " → heute: %s", q->answer_now);
	if (screen_points_shown(ui) && q->answered_now && q->points_now.max > 0)
		buf_printf(&b, " (%d/%d P.)", q->points_now.points, q->points_now.max);
	if (q->fate != EDITION_SAME && q->fate != EDITION_NEW)
		buf_printf(&b, " [%s]", edition_fate_name(q->fate));
	text_put(y, 1, ui->cols - 2, b.data, ui->attrs[ROLE_TITLE]);
	buf_free(&b);
}

static void
development_draw(const struct ui *ui, const void *state)
{
	const struct development *st = state;
	const struct compare_result *r = &st->r;
	char *right = NULL, *map;
	int y = 1;

	if (st->ready) {
		char *a = date_display(r->prev->meta.datum),
		     *b = date_display(r->cur->meta.datum);
		right = xasprintf("%s · %s → %s",
		                  r->cur->meta.kommune ? r->cur->meta.kommune : "",
		                  a ? a : "?", b ? b : "?");
		free(a);
		free(b);
	}
	frame_draw(ui, "Entwicklung seit dem letzten Audit", right);
	free(right);
	if (!st->ready) {
		text_wrap(2, 1, ui->cols - 2, 3, st->why != NULL ? st->why : "",
		          ui->attrs[ROLE_ERROR]);
		return;
	}
	map = edition_summary(&r->map);
	text_put(y++, 1, ui->cols - 2, map != NULL ? map : "Gleiche Prüfbogen-Fassung",
	         ui->attrs[ROLE_DIM]);
	free(map);
	if (screen_points_shown(ui)) {
		draw_table(ui, st, y);
		text_putf(
		    list_top(ui, st) - 1, 1, ui->cols - 2, ui->attrs[ROLE_TITLE],
		    "Veränderte Antworten: %zu besser, %zu schlechter, %zu geändert, "
		    "%zu neu, %zu entfallen",
		    r->count[COMPARE_BETTER], r->count[COMPARE_WORSE],
		    r->count[COMPARE_CHANGED], r->count[COMPARE_NEW],
		    r->count[COMPARE_RETIRED]);
	} else {
		text_putf(list_top(ui, st) - 1, 1, ui->cols - 2, ui->attrs[ROLE_TITLE],
		          "Veränderte Antworten: %zu, davon %zu neu, %zu entfallen",
		          r->question_count, r->count[COMPARE_NEW],
		          r->count[COMPARE_RETIRED]);
	}
	y = list_top(ui, st);
	if (r->question_count == 0) {
		text_put(y, 1, ui->cols - 2, "Keine Antwort hat sich geändert.",
		         ui->attrs[ROLE_OK]);
		return;
	}
	list_draw(ui, st, y, 1, ui->cols - 2, list_height(ui, st), r->question_count,
	          st->selected, st->top, question_row);
	draw_detail(ui, st, ui->rows - 4);
}

/* ↑ ↓ Bild↑ Bild↓: the selection. */
static int
development_move(struct ui *ui, void *state, int key)
{
	struct development *st = state;
	int rc;

	if (!st->ready)
		return 0;
	rc = list_key(&st->selected, st->r.question_count, key, list_height(ui, st));
	list_follow(&st->top, st->selected, list_height(ui, st));
	return rc;
}

/* Enter: to the selected question (one that is asked in this edition). */
static int
development_enter(struct ui *ui, void *state, int key)
{
	struct development *st = state;
	int q;

	(void)key;
	if (!st->ready || st->r.question_count == 0)
		return UI_HANDLED;
	q = st->r.questions[st->selected].now;
	if (q < 0) {
		screen_message(ui, 1,
		               "Diese Frage gibt es in der Fassung dieses Audits nicht "
		               "mehr.");
		return UI_HANDLED | UI_REDRAW;
	}
	screen_switch(ui, &ui_interview_screen);
	ui_interview_go(ui, (size_t)q);
	return UI_HANDLED | UI_REDRAW;
}

/* Esc: back to the Übersicht it was opened from. */
static int
development_back(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_switch(ui, &ui_review_screen);
	return UI_HANDLED | UI_REDRAW;
}

static const struct ui_binding development_bindings[] = {
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), NULL, NULL, NULL, development_move},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, development_move},
    {'\n', 0, "Enter", "zur Frage", "zur gewählten Frage springen", development_enter},
    {UI_ESC, 0, "Esc", "zurück", "zurück zur Übersicht", development_back},
};

const struct ui_screen ui_development_screen = {
    .name = "Entwicklung",
    .init = development_init,
    .free = development_free,
    .draw = development_draw,
    .resize = development_resize,
    .bindings = development_bindings,
    .binding_count = BIND_COUNT(development_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(5) | UI_BAR_F(10),
};
