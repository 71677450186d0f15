/*
 * ui_start.c: the start screen (no SESSION argument): the sessions in the
 * session directory with Kommune, Datum, Art, progress and points from
 * session_list; Enter opens one (refused with a message when another
 * program holds it), n starts a new audit, x exports, q quits.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "model/export.h"
#include "tui/ui.h"
#include "lib/util.h"

static struct session_summary *list;
static size_t count, selected, top;
static char *list_error;

/* Reload the list from the directory. */
static void
start_init(struct ui *ui)
{
	char *why = NULL;

	session_summaries_free(list, count);
	list = NULL;
	count = 0;
	free(list_error);
	list_error = NULL;
	if (session_list(ui->dir, &list, &count, &why) != 0)
		list_error = why;
	if (selected >= count)
		selected = count > 0 ? count - 1 : 0;
}

/* One session of the list: Kommune, Datum, Art, progress and points. */
static void
start_row(struct ui *ui, size_t i, int y, int x, int width, attr_t a)
{
	const struct session_summary *e = &list[i];
	int kw = width - 44;

	if (e->error != NULL) {
		ui_putf(y, x, width, a | ui->attrs[ROLE_ERROR], "%s: %s", e->path,
		        e->error);
		return;
	}
	char *datum = date_display(e->datum);

	ui_put(y, x, kw - 1, e->kommune != NULL ? e->kommune : "?", a);
	ui_putf(y, x + kw, 44, a, " %-10s %-10s %3d/%-3d  %4d/%d",
	        datum != NULL ? datum : "",
	        e->art != NULL && strcmp(e->art, "re") == 0 ? "Re-Audit" : "Erstaudit",
	        e->answered, e->total, e->points, e->max_points);
	free(datum);
}

/* Draw the list. */
static void
start_draw(struct ui *ui)
{
	static const char *const keys[] = {"Enter", "öffnen", "n", "neues Audit",
	                                   "x",     "Export", "q", "Ende",
	                                   "1",     "Hilfe",  NULL};
	int w = ui->cols - 2, kw = ui->cols - 2 - 44;

	ui_frame(ui, "Wohnort-Audit – Sitzungen", ui->dir, keys);
	if (list_error != NULL) {
		ui_wrap(2, 1, w, 3, list_error, ui->attrs[ROLE_ERROR]);
		return;
	}
	if (count == 0) {
		ui_wrap(2, 1, w, 4,
		        "Noch keine Audits in diesem Verzeichnis. Mit n legen Sie ein "
		        "neues Audit an.",
		        ui->attrs[ROLE_NORMAL]);
		return;
	}
	ui_put(1, 1, kw, "Kommune", ui->attrs[ROLE_DIM] | A_BOLD);
	ui_put(1, 1 + kw, 44, " Datum      Art        Fragen    Punkte",
	       ui->attrs[ROLE_DIM] | A_BOLD);
	ui_list_draw(ui, 2, 1, w, ui->rows - 6, count, selected, &top, start_row);
	if (count > 0 && list[selected].path != NULL)
		ui_put(ui->rows - 3, 1, w, list[selected].path, ui->attrs[ROLE_DIM]);
}

/* Open the selected session for writing. */
static int
open_selected(struct ui *ui)
{
	char *notice = NULL, *why = NULL;
	struct session *s;

	if (count == 0)
		return UI_HANDLED;
	errno = 0;
	s = session_open(list[selected].path, SESSION_WRITE, &notice, &why);
	if (s == NULL) {
		if (errno == EWOULDBLOCK)
			ui_message(ui, 1, "Schon in einem anderen Programm geöffnet: %s",
			           why != NULL ? why : "");
		else
			ui_message(ui, 1, "%s",
			           why != NULL ? why : "Öffnen fehlgeschlagen");
		free(why);
		return UI_HANDLED | UI_REDRAW;
	}
	ui_open_session(ui, s);
	if (notice != NULL)
		ui_message(ui, 1, "%s", notice);
	else
		ui_message(ui, 0, "Geöffnet: %s", s->path);
	free(notice);
	return UI_HANDLED | UI_REDRAW;
}

/* Export the selected session's Ergebnisformular. */
static int
export_selected(struct ui *ui)
{
	char *notice = NULL, *why = NULL, *path;
	struct session *s;

	if (count == 0)
		return UI_HANDLED;
	s = session_open(list[selected].path, SESSION_READ_ONLY, &notice, &why);
	free(notice);
	if (s == NULL) {
		ui_message(ui, 1, "%s", why != NULL ? why : "Öffnen fehlgeschlagen");
		free(why);
		return UI_HANDLED | UI_REDRAW;
	}
	path = export_default_path(s);
	if (export_xlsx(s, path, &why) == 0)
		ui_message(ui, 0, "Ergebnisformular geschrieben: %s", path);
	else
		ui_message(ui, 1, "Export fehlgeschlagen: %s", why != NULL ? why : path);
	free(why);
	free(path);
	session_free(s);
	return UI_HANDLED | UI_REDRAW;
}

/* Keys of the start screen. */
static int
start_key(struct ui *ui, int key)
{
	int r = ui_list_key(&selected, count, key, -1);

	if (r != 0)
		return r;
	switch (key) {
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		return open_selected(ui);
	case 'n':
	case 'N':
		ui_switch(ui, &ui_new_screen);
		return UI_HANDLED | UI_REDRAW;
	case 'x':
	case 'X':
		return export_selected(ui);
	case 'q':
	case 'Q':
		return UI_HANDLED | UI_QUIT;
	default:
		return 0;
	}
}

const struct ui_screen ui_start_screen = {
    .name = "Sitzungen",
    .init = start_init,
    .draw = start_draw,
    .key = start_key,
    .resize = NULL,
};
