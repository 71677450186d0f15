/*
 * ui_start.c: the start screen (no SESSION argument): the sessions in the
 * session directory with Kommune, Datum, Art, progress and points from
 * session_list; Enter opens one (refused with a message when another
 * program holds it), n starts a new audit, x exports, q quits. Under the
 * list, the selected town's audit history from the same summaries
 * (timeline_text: „Verlauf: Erstaudit 2020 → Re-Audit 2023“). The selected
 * row is kept across visits.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/timeline.h"
#include "model/vocab.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/text.h"

struct start {
	struct session_summary *list;
	size_t count, selected, top;
	char *error; /* the directory cannot be listed */
};

/* Rows of the list. */
static int
list_height(const struct ui *ui)
{
	return ui->rows - 6;
}

/* Reload the list from the directory. */
static void *
start_init(struct ui *ui, void *state)
{
	struct start *st = state != NULL ? state : xcalloc(1, sizeof *st);
	char *why = NULL;

	session_summaries_free(st->list, st->count);
	st->list = NULL;
	st->count = 0;
	free(st->error);
	st->error = NULL;
	if (session_list(ui->dir, &st->list, &st->count, &why) != 0)
		st->error = why;
	if (st->selected >= st->count)
		st->selected = st->count > 0 ? st->count - 1 : 0;
	list_follow(&st->top, st->selected, list_height(ui));
	return st;
}

/* Free the state. */
static void
start_free(void *state)
{
	struct start *st = state;

	session_summaries_free(st->list, st->count);
	free(st->error);
	free(st);
}

/* The terminal size changed. */
static void
start_resize(struct ui *ui, void *state)
{
	struct start *st = state;

	list_follow(&st->top, st->selected, list_height(ui));
}

/* One session of the list: Kommune, Datum, Art, progress and points. */
static void
start_row(const struct ui *ui, const void *state, size_t i, int y, int x, int width,
          attr_t a)
{
	const struct start *st = state;
	const struct session_summary *e = &st->list[i];
	const char *art = e->art != NULL ? vocab_value_label(&vocab_art, e->art) : NULL;
	int kw = width - 44;
	char *datum;

	if (e->error != NULL) {
		text_putf(y, x, width, a | ui->attrs[ROLE_ERROR], "%s: %s", e->path,
		          e->error);
		return;
	}
	datum = date_display(e->datum);
	text_put(y, x, kw - 1, e->kommune != NULL ? e->kommune : "?", a);
	text_putf(y, x + kw, 44, a, " %-10s %-10s %3d/%-3d  %4d/%d",
	          datum != NULL ? datum : "",
	          art != NULL ? art : vocab_art.items[0].label, e->answered, e->total,
	          e->points, e->max_points);
	free(datum);
}

/* Draw the list. */
static void
start_draw(const struct ui *ui, const void *state)
{
	const struct start *st = state;
	int w = ui->cols - 2, kw = ui->cols - 2 - 44;

	frame_draw(ui, "Wohnort-Audit – Sitzungen", ui->dir);
	if (st->error != NULL) {
		text_wrap(2, 1, w, 3, st->error, ui->attrs[ROLE_ERROR]);
		return;
	}
	if (st->count == 0) {
		text_wrap(
		    2, 1, w, 4,
		    "Noch keine Audits in diesem Verzeichnis. Mit n legen Sie ein neues "
		    "Audit an.",
		    ui->attrs[ROLE_NORMAL]);
		return;
	}
	text_put(1, 1, kw, "Kommune", ui->attrs[ROLE_DIM] | A_BOLD);
	text_put(1, 1 + kw, 44, " Datum      Art        Fragen    Punkte",
	         ui->attrs[ROLE_DIM] | A_BOLD);
	list_draw(ui, st, 2, 1, w, list_height(ui), st->count, st->selected, st->top,
	          start_row);
	{
		char *history = timeline_text(st->list, st->count, st->selected);
		if (history != NULL)
			text_putf(ui->rows - 4, 1, w, ui->attrs[ROLE_NORMAL],
			          "Verlauf: %s", history);
		free(history);
	}
	if (st->list[st->selected].path != NULL)
		text_put(ui->rows - 3, 1, w, st->list[st->selected].path,
		         ui->attrs[ROLE_DIM]);
}

/* ↑ ↓: the selection. */
static int
start_move(struct ui *ui, void *state, int key)
{
	struct start *st = state;
	int r = list_key(&st->selected, st->count, key, -1);

	list_follow(&st->top, st->selected, list_height(ui));
	return r;
}

/* The selected session opened in mode, or NULL with the reason shown. */
static struct session *
open_selected(struct ui *ui, const struct start *st, enum session_mode mode,
              char **notice)
{
	char *why = NULL;
	struct session *s;

	errno = 0;
	s = session_open(st->list[st->selected].path, mode, notice, &why);
	if (s == NULL) {
		if (errno == EWOULDBLOCK)
			screen_message(ui, 1,
			               "Schon in einem anderen Programm geöffnet: %s",
			               why != NULL ? why : "");
		else
			screen_message(ui, 1, "%s",
			               why != NULL ? why : "Öffnen fehlgeschlagen");
		free(why);
	}
	return s;
}

/* Enter: open the selected session for writing. */
static int
start_open(struct ui *ui, void *state, int key)
{
	struct start *st = state;
	char *notice = NULL;
	struct session *s;

	(void)key;
	if (st->count == 0)
		return UI_HANDLED;
	s = open_selected(ui, st, SESSION_WRITE, &notice);
	if (s == NULL)
		return UI_HANDLED | UI_REDRAW;
	screen_open_session(ui, s);
	if (notice != NULL)
		screen_message(ui, 1, "%s", notice);
	else
		screen_message(ui, 0, "Geöffnet: %s", s->path);
	free(notice);
	return UI_HANDLED | UI_REDRAW;
}

/* n: a new audit. */
static int
start_new(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_switch(ui, &ui_new_screen);
	return UI_HANDLED | UI_REDRAW;
}

/* x: write the selected session's Ergebnisformular. */
static int
start_export(struct ui *ui, void *state, int key)
{
	struct start *st = state;
	char *notice = NULL;
	struct session *s;

	(void)key;
	if (st->count == 0)
		return UI_HANDLED;
	s = open_selected(ui, st, SESSION_READ_ONLY, &notice);
	free(notice);
	if (s == NULL)
		return UI_HANDLED | UI_REDRAW;
	save_workbook(ui, s);
	session_free(s);
	return UI_HANDLED | UI_REDRAW;
}

/* q: leave the program. */
static int
start_quit(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return UI_HANDLED | UI_QUIT;
}

static const struct ui_binding start_bindings[] = {
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), NULL, NULL, NULL, start_move},
    {'\n', 0, "Enter", "öffnen", "Audit öffnen", start_open},
    {'n', 'N', "n", "neues Audit", "neues Audit anlegen", start_new},
    {'x', 'X', "x", "Export", "Ergebnisformular (XLSX) des gewählten Audits schreiben",
     start_export},
    {'q', 'Q', "q", "Ende", "beenden", start_quit},
};

const struct ui_screen ui_start_screen = {
    .name = "Start",
    .init = start_init,
    .free = start_free,
    .draw = start_draw,
    .resize = start_resize,
    .bindings = start_bindings,
    .binding_count = BIND_COUNT(start_bindings),
    .bar_globals = UI_BAR_F(1),
};
