/*
 * ui_start.c: the start screen (no SESSION argument): the sessions in the
 * session directory with Kommune, Datum, Art, progress, points and "gültig
 * bis" from session_list, an expiring seal marked "!", an expired one "!!"
 * (register_seal_status decides which, at today's date); s sorts by "gültig
 * bis" and back by file name; Enter opens one (refused with a message when
 * another program holds it), n starts a new audit, x exports, t writes the
 * Dokumentationstabelle for the town, q quits. The selected session is
 * kept across visits and sorts. Points and "gültig bis" are drawn only when
 * screen_points_shown allows (here, with no audit open and so no talk
 * going on, unless Strg-P hides them). Under the list, the selected town's
 * audit history from the same summaries (timeline_text: „Verlauf:
 * Erstaudit 2020 → Re-Audit 2023“).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/register.h"
#include "model/timeline.h"
#include "model/vocab.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Columns after the Kommune: Datum, Art, Fragen; Punkte; gültig bis. */
#define COLS_BASE 30
#define COLS_POINTS 10
#define COLS_UNTIL 14
/* From this list width on the points have room. */
#define POINTS_MIN_WIDTH 78

struct start {
	struct session_summary *list;
	size_t count;
	size_t *order;        /* list index of each row as shown */
	size_t selected, top; /* rows as shown */
	int by_expiry;        /* sorted by "gültig bis", else by file name */
	char today[11];       /* for the marks */
	char *error;          /* the directory cannot be listed */
};

/* The session in row i as shown. */
static const struct session_summary *
row_entry(const struct start *st, size_t i)
{
	return &st->list[st->order[i]];
}

/* The status of the seal of e at today (register_seal_status), -1 without. */
static int
seal_of(const struct start *st, const struct session_summary *e)
{
	if (e->error != NULL || e->valid_until == NULL || e->valid_until[0] == '\0')
		return -1;
	return register_seal_status(e->valid_until, st->today);
}

/* Row order by "gültig bis": the earliest first, sessions without one after
 * them in file order (ctx: the list). */
static int
expiry_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct session_summary *list = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const char *ua = list[a].error == NULL ? list[a].valid_until : NULL,
	           *ub = list[b].error == NULL ? list[b].valid_until : NULL;
	int ha = ua != NULL && ua[0] != '\0', hb = ub != NULL && ub[0] != '\0', c;

	if (ha != hb)
		return hb - ha;
	c = ha ? strcmp(ua, ub) : 0;
	return c != 0 ? c : (a > b) - (a < b);
}

/* Lay the rows out in the chosen order, keeping the session at list index
 * keep (when below count) selected. */
static void
sort_rows(struct start *st, size_t keep)
{
	free(st->order);
	st->order = xcalloc(st->count + 1, sizeof *st->order);
	for (size_t i = 0; i < st->count; i++)
		st->order[i] = i;
	if (st->by_expiry && st->count > 1)
		qsort_r(st->order, st->count, sizeof *st->order, expiry_cmp, st->list);
	for (size_t i = 0; i < st->count; i++)
		if (st->order[i] == keep)
			st->selected = i;
}

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
	char *why = NULL, *keep = NULL;

	if (st->order != NULL && st->selected < st->count)
		keep = xstrdup(row_entry(st, st->selected)->path);
	date_today(st->today);
	session_summaries_free(st->list, st->count);
	st->list = NULL;
	st->count = 0;
	free(st->error);
	st->error = NULL;
	if (session_list(ui->dir, &st->list, &st->count, &why) != 0)
		st->error = why;
	sort_rows(st, st->count);
	for (size_t i = 0; keep != NULL && i < st->count; i++)
		if (strcmp(row_entry(st, i)->path, keep) == 0)
			st->selected = i;
	free(keep);
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
	free(st->order);
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

/* Which columns the list shows in width columns: points and "gültig bis"
 * only when they may be shown, the points only where there is room. */
static void
list_columns(const struct ui *ui, int width, int *kommune, int *points, int *until)
{
	int shown = screen_points_shown(ui);

	*until = shown;
	*points = shown && width >= POINTS_MIN_WIDTH;
	*kommune =
	    width - COLS_BASE - (*points ? COLS_POINTS : 0) - (*until ? COLS_UNTIL : 0);
}

/* One session of the list: Kommune, Datum, Art, progress, points and
 * "gültig bis" with its mark. */
static void
start_row(const struct ui *ui, const void *state, size_t i, int y, int x, int width,
          attr_t a)
{
	const struct start *st = state;
	const struct session_summary *e = row_entry(st, i);
	const char *art = e->art != NULL ? vocab_value_label(&vocab_art, e->art) : NULL;
	int kw, points, until, seal, col;
	char *datum;

	if (e->error != NULL) {
		text_putf(y, x, width, a | ui->attrs[ROLE_ERROR], "%s: %s", e->path,
		          e->error);
		return;
	}
	list_columns(ui, width, &kw, &points, &until);
	datum = date_display(e->datum);
	text_put(y, x, kw - 1, e->kommune != NULL ? e->kommune : "?", a);
	col = x + kw;
	text_putf(y, col, COLS_BASE, a, " %-10s %-10s %3d/%-3d",
	          datum != NULL ? datum : "",
	          art != NULL ? art : vocab_art.items[0].label, e->answered, e->total);
	col += COLS_BASE;
	free(datum);
	if (points) {
		text_putf(y, col, COLS_POINTS, a, "  %4d/%-3d", e->points, e->max_points);
		col += COLS_POINTS;
	}
	seal = seal_of(st, e);
	if (until && seal >= 0) {
		char *day = date_display(e->valid_until);
		attr_t mark = seal == REGISTER_EXPIRED    ? ui->attrs[ROLE_ERROR]
		              : seal == REGISTER_EXPIRING ? A_BOLD
		                                          : 0;
		text_putf(y, col, COLS_UNTIL, a | mark, " %-10s %-2s", day,
		          seal == REGISTER_EXPIRED    ? "!!"
		          : seal == REGISTER_EXPIRING ? "!"
		                                      : "");
		free(day);
	}
}

/* Draw the list. */
static void
start_draw(const struct ui *ui, const void *state)
{
	const struct start *st = state;
	const struct session_summary *e;
	int w = ui->cols - 2, kw, points, until, col, seal;

	frame_draw(ui,
	           st->by_expiry ? "Wohnort-Audit – Sitzungen nach „gültig bis“"
	                         : "Wohnort-Audit – Sitzungen",
	           ui->dir);
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
	list_columns(ui, w, &kw, &points, &until);
	text_put(1, 1, kw, "Kommune", ui->attrs[ROLE_DIM] | A_BOLD);
	col = 1 + kw;
	text_put(1, col, COLS_BASE, " Datum      Art        Fragen",
	         ui->attrs[ROLE_DIM] | A_BOLD);
	col += COLS_BASE;
	if (points) {
		text_put(1, col, COLS_POINTS, "  Punkte", ui->attrs[ROLE_DIM] | A_BOLD);
		col += COLS_POINTS;
	}
	if (until)
		text_put(1, col, COLS_UNTIL, " gültig bis", ui->attrs[ROLE_DIM] | A_BOLD);
	list_draw(ui, st, 2, 1, w, list_height(ui), st->count, st->selected, st->top,
	          start_row);
	{
		char *history =
		    timeline_text(st->list, st->count, st->order[st->selected]);
		if (history != NULL)
			text_putf(ui->rows - 4, 1, w, ui->attrs[ROLE_NORMAL],
			          "Verlauf: %s", history);
		free(history);
	}
	e = row_entry(st, st->selected);
	seal = until ? seal_of(st, e) : -1;
	if (seal >= 0) {
		/* the mark in words: "abgelaufen (gültig bis 15.06.2026) – PATH" */
		char *day = date_display(e->valid_until);
		text_putf(ui->rows - 3, 1, w, ui->attrs[ROLE_DIM],
		          "%s (gültig bis %s) – %s", register_status_label(seal), day,
		          e->path);
		free(day);
	} else if (e->path != NULL) {
		text_put(ui->rows - 3, 1, w, e->path, ui->attrs[ROLE_DIM]);
	}
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
	s = session_open(row_entry(st, st->selected)->path, mode, notice, &why);
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

/* Write a file of the selected session (read only, so an interview that
 * holds it keeps it) with write, which says the outcome. */
static int
write_for(struct ui *ui, struct start *st,
          void (*write)(struct ui *ui, const struct session *s))
{
	char *notice = NULL;
	struct session *s;

	if (st->count == 0)
		return UI_HANDLED;
	s = open_selected(ui, st, SESSION_READ_ONLY, &notice);
	free(notice);
	if (s == NULL)
		return UI_HANDLED | UI_REDRAW;
	write(ui, s);
	session_free(s);
	return UI_HANDLED | UI_REDRAW;
}

/* x: write the selected session's Ergebnisformular. */
static int
start_export(struct ui *ui, void *state, int key)
{
	(void)key;
	return write_for(ui, state, save_workbook);
}

/* s: sort by "gültig bis", or back by file name. */
static int
start_sort(struct ui *ui, void *state, int key)
{
	struct start *st = state;

	(void)key;
	if (!screen_points_shown(ui)) {
		screen_message(ui, 1, "„gültig bis“ wird gerade nicht gezeigt");
		return UI_HANDLED | UI_REDRAW;
	}
	st->by_expiry = !st->by_expiry;
	sort_rows(st, st->count > 0 ? st->order[st->selected] : 0);
	list_follow(&st->top, st->selected, list_height(ui));
	screen_message(ui, 0,
	               st->by_expiry ? "Sortiert nach „gültig bis“"
	                             : "Sortiert nach Dateiname");
	return UI_HANDLED | UI_REDRAW;
}

/* t: write the selected session's Dokumentationstabelle beside it, for the
 * town; an existing file is never replaced here (the CLI's --force). */
static int
start_table(struct ui *ui, void *state, int key)
{
	(void)key;
	return write_for(ui, state, save_table);
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
    {'s', 'S', "s", "sortieren|sort.",
     "nach „gültig bis“ sortieren (! läuft innerhalb von 6 Monaten ab, !! "
     "abgelaufen), noch einmal: nach Dateiname",
     start_sort},
    {'t', 'T', "t", "Tabelle",
     "Dokumentationstabelle (XLSX) des gewählten Audits für die Kommune schreiben",
     start_table},
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
