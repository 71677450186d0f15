/*
 * ui_help.c: the help screen (F1, ?), opened over any screen. Made from the
 * binding tables themselves: the global keys (and what the key reader
 * makes of Esc), every screen's keys (a screen with a help title gets a
 * section of its own, the others are listed by name), the field list's and
 * the editor's keys. So the help cannot drift from what the keys do.
 * Reads nothing else.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "tui/edit.h"
#include "tui/fields.h"
#include "tui/frame.h"
#include "tui/global.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Columns of the key column. */
#define KEYS_W 18

struct help {
	int top; /* first shown row */
};

/* One pass over the help text: where the next row goes and what is visible. */
struct layout {
	const struct ui *ui;
	int draw; /* 0: only count rows */
	int top;
	int row; /* rows laid out so far */
	int y0, h;
};

/* A full-width line (heading, blank). */
static void
line(struct layout *l, const char *text, attr_t attr)
{
	int y = l->y0 + l->row - l->top;

	l->row++;
	if (l->draw && y >= l->y0 && y < l->y0 + l->h)
		text_put(y, 1, l->ui->cols - 2, text, attr);
}

/* A paragraph wrapped over the full width (the closing notes). */
static void
paragraph(struct layout *l, const char *text, attr_t attr)
{
	int width = l->ui->cols - 2, y = l->y0 + l->row - l->top;

	l->row += text_wrap_count(width, text);
	if (l->draw && y >= l->y0 && y < l->y0 + l->h)
		text_wrap(y, 1, width, l->y0 + l->h - y, text, attr);
}

/* One key with its description, wrapped by display width under itself. */
static void
entry(struct layout *l, const char *keys, const char *help)
{
	int width = l->ui->cols - KEYS_W - 4;
	int y = l->y0 + l->row - l->top;

	l->row += text_wrap_count(width, help);
	/* an entry scrolled half out of view is left out, not cut */
	if (!l->draw || y < l->y0 || y >= l->y0 + l->h)
		return;
	text_put(y, 2, KEYS_W, keys, A_BOLD);
	text_wrap(y, KEYS_W + 3, width, l->y0 + l->h - y, help,
	          l->ui->attrs[ROLE_NORMAL]);
}

/* Every row of a table that has a help text, the keys after prefix ("Start: "). */
static void
table(struct layout *l, const struct ui_binding *rows, size_t n, const char *prefix)
{
	for (size_t i = 0; i < n; i++) {
		char *keys;
		if (rows[i].help == NULL)
			continue;
		keys = xasprintf("%s%s", prefix, rows[i].keys);
		entry(l, keys, rows[i].help);
		free(keys);
	}
}

/* Whether a table has a row for the help. */
static int
has_help(const struct ui_binding *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].help != NULL)
			return 1;
	return 0;
}

/* Lay out (and with draw, draw) the whole help; returns its number of rows. */
static int
layout(const struct ui *ui, int top, int draw)
{
	struct layout l = {ui, draw, top, 0, 1, ui->rows - 3};
	const attr_t title = ui->attrs[ROLE_TITLE], dim = ui->attrs[ROLE_DIM];

	line(&l, "Überall", title);
	table(&l, global_bindings, global_binding_count, "");
	for (size_t i = 0; i < keys_note_count; i++)
		entry(&l, keys_notes[i].keys, keys_notes[i].help);
	for (size_t i = 0; i < screen_count; i++) {
		const struct ui_screen *sc = screens[i];
		if (sc->help_title == NULL || !has_help(sc->bindings, sc->binding_count))
			continue;
		line(&l, "", 0);
		line(&l, sc->help_title, title);
		table(&l, sc->bindings, sc->binding_count, "");
	}
	line(&l, "", 0);
	line(&l, "Weitere Bildschirme", title);
	for (size_t i = 0; i < screen_count; i++) {
		const struct ui_screen *sc = screens[i];
		char *prefix;
		if (sc->help_title != NULL || sc->modal)
			continue; /* a dialog names its keys itself */
		prefix = xasprintf("%s: ", sc->name);
		table(&l, sc->bindings, sc->binding_count, prefix);
		free(prefix);
	}
	line(&l, "", 0);
	line(&l, "Felder", title);
	table(&l, fields_bindings, fields_binding_count, "");
	line(&l, "", 0);
	line(&l, "In der Eingabe", title);
	table(&l, edit_bindings, edit_binding_count, "");
	line(&l, "", 0);
	line(&l, "Jede Änderung wird sofort gespeichert („Gespeichert HH:MM:SS“).", dim);
	line(&l, "Eine getippte Eingabe wird auch beim Verlassen der Frage gespeichert.",
	     dim);
	line(&l,
	     "Listen (Start, Übersicht, Felder): ↑/↓ wählen, Enter öffnet, Esc zurück.",
	     dim);
	paragraph(&l,
	          "F8, Vorheriges Audit: verknüpfen macht das Audit zum Re-Audit und "
	          "übernimmt dessen Entwicklungsziele (nur sie bringen Sonderpunkte).",
	          dim);
	return l.row;
}

/* Entering: start at the top. */
static void *
help_init(struct ui *ui, void *state)
{
	struct help *h = state != NULL ? state : xcalloc(1, sizeof *h);

	(void)ui;
	h->top = 0;
	return h;
}

/* Draw the help screen. */
static void
help_draw(const struct ui *ui, const void *state)
{
	const struct help *h = state;

	frame_draw(ui, "Hilfe – Tasten", "wohnort-audit");
	layout(ui, h->top, 1);
}

/* Esc, q, ?, Enter: back to the screen the help was opened over. */
static int
help_close(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_close(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* ↑ ↓ Bild↑ Bild↓: scroll. */
static int
help_scroll(struct ui *ui, void *state, int key)
{
	struct help *h = state;
	int max = layout(ui, h->top, 0) - (ui->rows - 3);

	switch (key) {
	case UI_KEY(KEY_DOWN):
		h->top++;
		break;
	case UI_KEY(KEY_NPAGE):
		h->top += ui->rows / 2;
		break;
	case UI_KEY(KEY_UP):
		h->top--;
		break;
	default:
		h->top -= ui->rows / 2;
		break;
	}
	if (h->top > max)
		h->top = max;
	if (h->top < 0)
		h->top = 0;
	return UI_HANDLED | UI_REDRAW;
}

/* Any other key does nothing here (only the global F-keys work). */
static int
help_key(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return UI_HANDLED;
}

static const struct ui_binding help_bindings[] = {
    {UI_ESC, 'q', "Esc", "zurück", NULL, help_close},
    {'?', '\n', NULL, NULL, NULL, help_close},
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), "↑↓", "blättern", NULL, help_scroll},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, help_scroll},
};

const struct ui_screen ui_help_screen = {
    .name = "Hilfe",
    .init = help_init,
    .free = free,
    .draw = help_draw,
    .key = help_key,
    .bindings = help_bindings,
    .binding_count = BIND_COUNT(help_bindings),
    .bar_globals = UI_BAR_F(10),
};
