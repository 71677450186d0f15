/*
 * ui_find.c: „Frage suchen“ (F9, Strg-F): a question number as the
 * Prüfbogen and the workbook count ("3.7") jumps there; any other text
 * lists the questions whose number, text or help contain it
 * (interview_search: case and umlauts ignored) while it is typed; Enter
 * jumps to the chosen one. Reads the session; changes only the current
 * question.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/interview.h"
#include "tui/edit.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Most matches listed. */
#define FIND_MAX 500

struct find {
	struct ui_edit edit;
	size_t matches[FIND_MAX], match_count, total, selected, top;
};

/* Rows of the list. */
static int
list_height(const struct ui *ui)
{
	return ui->rows - 7;
}

/* Search again for what is typed. */
static void
search_again(struct ui *ui, struct find *st)
{
	char *text = edit_text(&st->edit);
	size_t q;

	if (interview_find_number(ui->session->form, text, &q)) {
		st->matches[0] = q;
		st->match_count = st->total = 1;
	} else {
		st->total =
		    interview_search(ui->session->form, text, st->matches, FIND_MAX);
		st->match_count = st->total < FIND_MAX ? st->total : FIND_MAX;
	}
	if (st->selected >= st->match_count)
		st->selected = st->match_count > 0 ? st->match_count - 1 : 0;
	list_follow(&st->top, st->selected, list_height(ui));
	free(text);
}

/* Entering: an empty search line. */
static void *
find_init(struct ui *ui, void *state)
{
	struct find *st = state != NULL ? state : xcalloc(1, sizeof *st);

	st->edit.multiline = 0;
	edit_start(&st->edit, NULL);
	edit_layout(&st->edit, ui->cols - 2, 1);
	st->selected = st->top = 0;
	search_again(ui, st);
	return st;
}

/* Free the state. */
static void
find_free(void *state)
{
	struct find *st = state;

	edit_stop(&st->edit);
	free(st);
}

/* The terminal size changed. */
static void
find_resize(struct ui *ui, void *state)
{
	struct find *st = state;

	edit_layout(&st->edit, ui->cols - 2, 1);
	list_follow(&st->top, st->selected, list_height(ui));
}

/* One match: number, text; hidden questions dimmed. */
static void
find_row(const struct ui *ui, const void *state, size_t i, int y, int x, int width,
         attr_t a)
{
	const struct find *st = state;
	size_t qi = st->matches[i];
	char *number = interview_number(ui->session->form, qi);
	int hidden = !interview_visible(ui->session, qi);

	if (hidden && i != st->selected)
		a = ui->attrs[ROLE_DIM];
	text_put(y, x, 6, number, a);
	text_putf(y, x + 7, width - 7, a, "%s%s", ui->session->form->questions[qi].text,
	          hidden ? " (ausgeblendet)" : "");
	free(number);
}

/* Draw the search line and the matches. */
static void
find_draw(const struct ui *ui, const void *state)
{
	const struct find *st = state;
	char *right = NULL;

	if (st->edit.len > 0)
		right = xasprintf("%zu Treffer", st->total);
	frame_draw(ui, "Frage suchen", right);
	free(right);
	text_put(
	    1, 1, ui->cols - 2,
	    "Nummer (z. B. 3.7) oder Wörter aus der Frage tippen:", ui->attrs[ROLE_DIM]);
	edit_draw(&st->edit, 2, 1, ui->cols - 2, ui->attrs[ROLE_SELECTED]);
	if (st->edit.len > 0 && st->match_count == 0)
		text_put(4, 1, ui->cols - 2, "Keine Frage passt.", ui->attrs[ROLE_ERROR]);
	list_draw(ui, st, 4, 1, ui->cols - 2, list_height(ui), st->match_count,
	          st->selected, st->top, find_row);
}

/* ↑ ↓ Bild↑ Bild↓: the selection. */
static int
find_move(struct ui *ui, void *state, int key)
{
	struct find *st = state;
	int r = list_key(&st->selected, st->match_count, key, ui->rows / 2);

	list_follow(&st->top, st->selected, list_height(ui));
	return r;
}

/* Enter: to the chosen question. */
static int
find_enter(struct ui *ui, void *state, int key)
{
	struct find *st = state;
	size_t q;

	(void)key;
	if (st->match_count == 0) {
		screen_message(ui, 1,
		               "Keine Frage gefunden – Nummer wie 3.7 oder ein Wort");
		return UI_HANDLED | UI_REDRAW;
	}
	q = st->matches[st->selected];
	edit_stop(&st->edit);
	screen_switch(ui, &ui_interview_screen);
	ui_interview_go(ui, q);
	return UI_HANDLED | UI_REDRAW;
}

/* Typing searches. */
static int
find_key(struct ui *ui, void *state, int key)
{
	struct find *st = state;

	edit_layout(&st->edit, ui->cols - 2, 1);
	if (edit_key(&st->edit, key) != EDIT_CHANGED)
		return 0;
	st->selected = st->top = 0;
	search_again(ui, st);
	return UI_HANDLED | UI_REDRAW;
}

static const struct ui_binding find_bindings[] = {
    {'\n', 0, "Enter", "zur Frage", "zur gewählten Frage springen", find_enter},
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), "↑↓", "wählen", NULL, find_move},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, find_move},
    {UI_ESC, 0, "Esc", "zurück", NULL, screen_back_key},
};

const struct ui_screen ui_find_screen = {
    .name = "Suchen",
    .init = find_init,
    .free = find_free,
    .draw = find_draw,
    .key = find_key,
    .resize = find_resize,
    .bindings = find_bindings,
    .binding_count = BIND_COUNT(find_bindings),
    .bar_globals = UI_BAR_F(1),
};
