/*
 * ui_history.c: „Änderungen“ (Strg-R), opened over the current screen: the
 * change history of the current question (its answer and the records
 * beside it) as history_format writes it for people: local time, phase,
 * who, the record, „old“ → „new“ exactly as stored, the reason; `a`
 * switches to every change of the audit and back. Scrolls with ↑ ↓ Bild↑
 * Bild↓ Pos1 Ende; Esc returns. Reads the session only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/history.h"
#include "model/interview.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/text.h"

struct history_view {
	int all; /* every change, not only the question's */
	int top; /* first shown row */
};

/* The text shown (caller frees). */
static char *
history_text(const struct ui *ui, const struct history_view *st)
{
	const struct session *s = ui->session;

	if (st->all || s->form->question_count == 0)
		return history_format(s, NULL, HISTORY_TEXT);
	return history_format(s, s->form->questions[ui->question].full_id, HISTORY_TEXT);
}

/* Rows of the text area. */
static int
area_rows(const struct ui *ui)
{
	return ui->rows - 5;
}

/*
 * Lay the text out from row top (draw: onto the screen from row 2); each
 * line wrapped under its own indentation. Returns the number of rows.
 */
static int
layout(const struct ui *ui, const char *text, int top, int draw)
{
	int row = 0, width = ui->cols - 2, bottom = 2 + area_rows(ui);
	const char *p = text;

	while (*p != '\0') {
		size_t len = strcspn(p, "\n"), indent = strspn(p, " ");
		char *line = xstrndup(p + indent, len - indent);
		int w = width - (int)indent, n;

		if (w < 10)
			w = 10;
		n = text_wrap_count(w, line);
		if (n < 1)
			n = 1;
		if (draw && row + n > top && 2 + row - top < bottom) {
			int y = 2 + row - top;
			attr_t a =
			    indent == 0 ? ui->attrs[ROLE_TITLE] : ui->attrs[ROLE_NORMAL];
			if (y >= 2)
				text_wrap(y, 1 + (int)indent, w, bottom - y, line, a);
			else
				text_put(2, 1 + (int)indent, w, "…", a);
		}
		row += n;
		free(line);
		p += len + (p[len] == '\n');
	}
	return row;
}

/* Keep the scroll position within the text. */
static void
clamp(const struct ui *ui, struct history_view *st)
{
	char *text = history_text(ui, st);
	int rows = layout(ui, text, 0, 0);

	free(text);
	if (st->top > rows - area_rows(ui))
		st->top = rows - area_rows(ui);
	if (st->top < 0)
		st->top = 0;
}

/* Opening: the question's changes, the newest in view. */
static void *
history_init(struct ui *ui, void *state)
{
	struct history_view *st = state != NULL ? state : xcalloc(1, sizeof *st);

	st->all = 0;
	st->top = 1 << 20;
	if (ui->session != NULL)
		clamp(ui, st);
	return st;
}

static void
history_resize(struct ui *ui, void *state)
{
	if (ui->session != NULL)
		clamp(ui, state);
}

static void
history_draw(const struct ui *ui, const void *state)
{
	const struct history_view *st = state;
	const struct session *s = ui->session;
	char *title, *text, *number = NULL;

	if (s == NULL)
		return;
	if (!st->all && s->form->question_count > 0)
		number = interview_number(s->form, ui->question);
	title = number != NULL ? xasprintf("Änderungen der Frage %s", number)
	                       : xstrdup("Alle Änderungen des Audits");
	frame_draw(ui, title, s->meta.kommune);
	free(title);
	if (number != NULL)
		text_put(1, 1, ui->cols - 2, s->form->questions[ui->question].text,
		         ui->attrs[ROLE_DIM]);
	free(number);
	text = history_text(ui, st);
	if (text[0] == '\0')
		text_put(2, 1, ui->cols - 2,
		         st->all
		             ? "Noch keine Änderung aufgezeichnet."
		             : "Keine Änderung an dieser Frage aufgezeichnet (a: alle "
		               "Änderungen).",
		         ui->attrs[ROLE_DIM]);
	else
		layout(ui, text, st->top, 1);
	free(text);
}

/* a: the question's changes or every change. */
static int
history_toggle_all(struct ui *ui, void *state, int key)
{
	struct history_view *st = state;

	(void)key;
	st->all = !st->all;
	st->top = 1 << 20;
	clamp(ui, st);
	return UI_HANDLED | UI_REDRAW;
}

/* ↑ ↓ Bild↑ Bild↓ Pos1 Ende: scroll. */
static int
history_scroll(struct ui *ui, void *state, int key)
{
	struct history_view *st = state;
	int page = area_rows(ui) > 1 ? area_rows(ui) - 1 : 1;

	switch (key) {
	case UI_KEY(KEY_DOWN):
		st->top++;
		break;
	case UI_KEY(KEY_UP):
		st->top--;
		break;
	case UI_KEY(KEY_NPAGE):
		st->top += page;
		break;
	case UI_KEY(KEY_PPAGE):
		st->top -= page;
		break;
	case UI_KEY(KEY_HOME):
		st->top = 0;
		break;
	default: /* Ende */
		st->top = 1 << 20;
		break;
	}
	clamp(ui, st);
	return UI_HANDLED | UI_REDRAW;
}

/* Esc: back to the screen beneath. */
static int
history_back(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_close(ui);
	return UI_HANDLED | UI_REDRAW;
}

static const struct ui_binding history_bindings[] = {
    {'a', 'A', "a", "alle/Frage", "alle Änderungen des Audits oder nur die der Frage",
     history_toggle_all},
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), "↑↓", "blättern",
     "blättern; auch Bild↑ Bild↓, Pos1, Ende", history_scroll},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, history_scroll},
    {UI_KEY(KEY_HOME), UI_KEY(KEY_END), NULL, NULL, NULL, history_scroll},
    {UI_ESC, 0, "Esc", "zurück", NULL, history_back},
};

const struct ui_screen ui_history_screen = {
    .name = "Änderungen",
    .init = history_init,
    .free = free,
    .draw = history_draw,
    .resize = history_resize,
    .bindings = history_bindings,
    .binding_count = BIND_COUNT(history_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
