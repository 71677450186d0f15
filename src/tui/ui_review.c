/*
 * ui_review.c: the Übersicht (F5): every open question, every evidence
 * marked nachzureichen (overdue ones said so) or fehlt, every note, every
 * answer that differs from the town's statement and every statement of the
 * town not yet verified (interview_review), in aligned columns with the
 * question number; Enter jumps to the question, v opens what changed
 * against the previous audit (ui_development.c). Reads the session; changes
 * only the current question. The selected row is kept across visits.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/interview.h"
#include "model/score.h"
#include "model/town.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Width of the "Was" column and of the number column, in screen columns. */
#define KIND_W 29
#define NUMBER_W 6

struct review {
	struct interview_review_item *items;
	size_t count, selected, top;
};

/* Rows of the list. */
static int
list_height(const struct ui *ui)
{
	return ui->rows - 5;
}

/* Entering: rebuild the list from the session. */
static void *
review_init(struct ui *ui, void *state)
{
	struct review *st = state != NULL ? state : xcalloc(1, sizeof *st);

	free(st->items);
	interview_review(ui->session, &st->items, &st->count);
	if (st->selected >= st->count)
		st->selected = st->count > 0 ? st->count - 1 : 0;
	st->top = 0;
	list_follow(&st->top, st->selected, list_height(ui));
	return st;
}

/* Free the state. */
static void
review_free(void *state)
{
	struct review *st = state;

	free(st->items);
	free(st);
}

/* The terminal size changed. */
static void
review_resize(struct ui *ui, void *state)
{
	struct review *st = state;

	list_follow(&st->top, st->selected, list_height(ui));
}

/* The "Was" column of one row (caller frees). */
static char *
row_kind(const struct ui *ui, const struct interview_review_item *it)
{
	const struct session_item *si = &ui->session->items[it->question];
	char today[11], *due, *k;

	switch (it->kind) {
	case REVIEW_OPEN:
		return xstrdup("offen");
	case REVIEW_EVIDENCE:
		if (si->evidence != EVIDENCE_DUE)
			return xstrdup("Nachweis fehlt");
		date_today(today);
		due = date_display(si->evidence_due);
		k = xasprintf(score_evidence_overdue(ui->session, it->question, today)
		                  ? "überfällig seit %s"
		                  : "nachzureichen bis %s",
		              due != NULL ? due : "?");
		free(due);
		return k;
	case REVIEW_NOTE:
		return xstrdup(si->note != NULL && si->note[0] != '\0' ? "Notiz"
		                                                       : "Empfehlung");
	case REVIEW_TOWN_DIFFERS:
		return xstrdup("weicht von Kommune ab");
	case REVIEW_TOWN_UNVERIFIED:
		return xstrdup(town_unverified(ui->session, it->question) &
		                       TOWN_UNVERIFIED_ANSWER
		                   ? "Angabe Kommune ungeprüft"
		                   : "Nachweis Kommune ungeprüft");
	}
	return xstrdup("");
}

/* The text column of one row: the question, or the note (caller frees). */
static char *
row_text(const struct ui *ui, const struct interview_review_item *it)
{
	const struct session_item *si = &ui->session->items[it->question];
	const struct form_question *q = &ui->session->form->questions[it->question];

	if (it->kind == REVIEW_TOWN_DIFFERS || it->kind == REVIEW_TOWN_UNVERIFIED) {
		char *town = town_statement(ui->session, it->question), *out;
		if (it->kind == REVIEW_TOWN_DIFFERS) {
			char *mine = answer_display(q, &si->answer);
			out = xasprintf("Kommune: %s · Antwort: %s · %s", town, mine,
			                q->text);
			free(mine);
		} else {
			out = xasprintf("Kommune: %s · %s", town, q->text);
		}
		free(town);
		return out;
	}
	if (it->kind != REVIEW_NOTE)
		return xstrdup(q->text);
	if (si->note != NULL && si->note[0] != '\0')
		return xstrdup(si->note);
	return xstrdup(si->recommendation != NULL ? si->recommendation : "");
}

/* One row of the list in three aligned columns; evidence to chase in red
 * unless selected. */
static void
review_row(const struct ui *ui, const void *state, size_t i, int y, int x, int width,
           attr_t a)
{
	const struct review *st = state;
	char *kind = row_kind(ui, &st->items[i]), *text = row_text(ui, &st->items[i]);
	char *number = interview_number(ui->session->form, st->items[i].question);

	if (st->items[i].kind == REVIEW_EVIDENCE && i != st->selected) {
		a = ui->attrs[ROLE_ERROR];
		text_fill(y, x, width, a);
	}
	text_put(y, x, KIND_W - 1, kind, a);
	text_put(y, x + KIND_W, NUMBER_W - 1, number, a);
	text_put(y, x + KIND_W + NUMBER_W, width - KIND_W - NUMBER_W, text, a);
	free(kind);
	free(text);
	free(number);
}

/* "1 Notiz", "2 Notizen". */
static char *
counted(size_t n, const char *one, const char *many)
{
	return xasprintf("%zu %s", n, n == 1 ? one : many);
}

/* Draw the list. */
static void
review_draw(const struct ui *ui, const void *state)
{
	const struct review *st = state;
	size_t open = 0, ev = 0, notes = 0, town = 0;
	char *right, *a, *b, *c;

	for (size_t i = 0; i < st->count; i++) {
		if (st->items[i].kind == REVIEW_OPEN)
			open++;
		else if (st->items[i].kind == REVIEW_EVIDENCE)
			ev++;
		else if (st->items[i].kind == REVIEW_NOTE)
			notes++;
		else
			town++;
	}
	a = counted(open, "offen", "offen");
	b = counted(ev, "Nachweis", "Nachweise");
	c = counted(notes, "Notiz", "Notizen");
	if (town > 0) /* no room for all: the groups that have rows */
		right = xasprintf("%s%s%s%s%s · %zu Kommune", a, ev > 0 ? " · " : "",
		                  ev > 0 ? b : "", notes > 0 ? " · " : "",
		                  notes > 0 ? c : "", town);
	else
		right = xasprintf("%s · %s · %s", a, b, c);
	frame_draw(ui, "Übersicht", right);
	free(right);
	free(a);
	free(b);
	free(c);
	if (st->count == 0) {
		text_put(
		    2, 2, ui->cols - 4,
		    "Keine offenen Fragen, keine fehlenden Nachweise, keine Notizen.",
		    ui->attrs[ROLE_OK]);
		return;
	}
	text_put(1, 1, KIND_W - 1, "Was", ui->attrs[ROLE_DIM] | A_BOLD);
	text_put(1, 1 + KIND_W, NUMBER_W - 1, "Nr.", ui->attrs[ROLE_DIM] | A_BOLD);
	text_put(1, 1 + KIND_W + NUMBER_W, ui->cols - 2 - KIND_W - NUMBER_W,
	         "Frage oder Notiz", ui->attrs[ROLE_DIM] | A_BOLD);
	list_draw(ui, st, 2, 1, ui->cols - 2, list_height(ui), st->count, st->selected,
	          st->top, review_row);
}

/* ↑ ↓ Bild↑ Bild↓: the selection. */
static int
review_move(struct ui *ui, void *state, int key)
{
	struct review *st = state;
	int r = list_key(&st->selected, st->count, key, ui->rows / 2);

	list_follow(&st->top, st->selected, list_height(ui));
	return r;
}

/* Enter: to the selected question. */
static int
review_enter(struct ui *ui, void *state, int key)
{
	struct review *st = state;
	size_t q;

	(void)key;
	if (st->count == 0)
		return UI_HANDLED;
	q = st->items[st->selected].question;
	screen_switch(ui, &ui_interview_screen);
	ui_interview_go(ui, q);
	return UI_HANDLED | UI_REDRAW;
}

/* v: what changed against the previous audit (a re-audit). */
static int
review_development(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_switch(ui, &ui_development_screen);
	return UI_HANDLED | UI_REDRAW;
}

static const struct ui_binding review_bindings[] = {
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), NULL, NULL, NULL, review_move},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, review_move},
    {UI_KEY(KEY_HOME), UI_KEY(KEY_END), "Pos1/Ende", NULL,
     "an den Anfang oder ans Ende der Liste", review_move},
    {'\n', 0, "Enter", "zur Frage", "zur gewählten Frage springen", review_enter},
    {'v', 'V', "v", "Entwicklung|Entw.",
     "Entwicklung: was sich gegenüber dem letzten Audit geändert hat (Re-Audit)",
     review_development},
    {UI_ESC, 0, "Esc", "zurück", NULL, screen_back_key},
};

const struct ui_screen ui_review_screen = {
    .name = "Übersicht",
    .init = review_init,
    .free = review_free,
    .draw = review_draw,
    .resize = review_resize,
    .bindings = review_bindings,
    .binding_count = BIND_COUNT(review_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
