/*
 * ui_quit.c: the quit dialog, two modal screens drawn over the screen that
 * was left: after a failed save (retry, save the session as text into
 * another directory, quit anyway, or go back) and when typed input cannot
 * be saved (go back to correct it, or quit without it). The lines naming
 * the keys are the dialogs' binding tables. Nothing else takes a key while
 * a dialog is open.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "tui/edit.h"
#include "tui/keys.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Rows of the dialog box. */
#define BOX_ROWS 6

/* The box and its first line; returns the row of the box's top. */
static int
draw_box(const struct ui *ui, const char *title)
{
	int y = ui->rows / 2 - 3;

	for (int i = 0; i < BOX_ROWS; i++)
		text_fill(y + i, 2, ui->cols - 4, ui->attrs[ROLE_SELECTED]);
	text_put(y, 3, ui->cols - 6, title, ui->attrs[ROLE_SELECTED] | A_BOLD);
	return y;
}

/* The dialog's keys from row y, the texts from column key_w on (at least
 * two blanks after a key). */
static void
draw_keys(const struct ui *ui, const struct ui_screen *screen, int y, int key_w)
{
	for (size_t i = 0; i < screen->binding_count; i++) {
		const struct ui_binding *b = &screen->bindings[i];
		int kw;
		if (b->help == NULL)
			continue;
		kw = text_width(b->keys);
		text_putf(y++, 3, ui->cols - 6, ui->attrs[ROLE_SELECTED], "%s%*s%s",
		          b->keys, kw + 2 > key_w ? 2 : key_w - kw, "", b->help);
	}
}

/* Esc: back to the program. */
static int
quit_back(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_close(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* Every other key does nothing while a dialog is open. */
static int
quit_swallow(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return UI_HANDLED;
}

/* ---- typed input that cannot be saved ---- */

/* b: quit without the input (the session itself must be on disk). */
static int
input_leave(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	if (ui->session == NULL || !ui->save_failed || save_now(ui) == 0)
		return UI_HANDLED | UI_EXIT;
	screen_close(ui);
	screen_open(ui, &ui_quit_save_screen);
	return UI_HANDLED | UI_REDRAW;
}

static const struct ui_binding input_bindings[] = {
    {UI_ESC, 0, "Esc", NULL, "zurück zur Eingabe (korrigieren oder anlegen)", quit_back},
    {'b', 0, "b", NULL,
     "trotzdem beenden, ohne diese Eingabe (alles andere ist gespeichert)", input_leave},
};

/* Draw the question; the reason is the status line's message. */
static void
input_draw(const struct ui *ui, const void *state)
{
	int y = draw_box(ui, "Eine Eingabe ist noch nicht gespeichert:");

	(void)state;
	text_wrap(y + 1, 3, ui->cols - 6, 2, ui->status != NULL ? ui->status : "",
	          ui->attrs[ROLE_SELECTED]);
	draw_keys(ui, &ui_quit_input_screen, y + 3, 5);
}

const struct ui_screen ui_quit_input_screen = {
    .name = "Beenden",
    .draw = input_draw,
    .key = quit_swallow,
    .bindings = input_bindings,
    .binding_count = BIND_COUNT(input_bindings),
    .modal = 1,
};

/* ---- the last save failed ---- */

/* The dialog's state: the directory editor of „a“. */
struct quit_save {
	struct ui_edit dir;
};

/* Opening: no directory asked yet. */
static void *
save_init(struct ui *ui, void *state)
{
	struct quit_save *q = state != NULL ? state : xcalloc(1, sizeof *q);

	edit_stop(&q->dir);
	edit_layout(&q->dir, ui->cols - 6, 1);
	return q;
}

/* Free the state. */
static void
save_free(void *state)
{
	struct quit_save *q = state;

	edit_stop(&q->dir);
	free(q);
}

/* While the directory is typed, the editor takes every key; Enter saves
 * there and quits when it worked. */
static int
save_dir_key(struct ui *ui, void *state, int key)
{
	struct quit_save *q = state;
	char *dir;

	if (!q->dir.active)
		return 0;
	edit_layout(&q->dir, ui->cols - 6, 1);
	switch (edit_key(&q->dir, key)) {
	case EDIT_COMMIT:
		dir = edit_text(&q->dir);
		edit_stop(&q->dir);
		if (save_elsewhere(ui, dir) == 0) {
			free(dir);
			return UI_HANDLED | UI_EXIT;
		}
		free(dir);
		break;
	case EDIT_CANCEL:
		edit_stop(&q->dir);
		break;
	default:
		break;
	}
	return UI_HANDLED | UI_REDRAW;
}

/* w: save again, and quit when it worked. */
static int
save_retry(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	if (save_now(ui) == 0)
		return UI_HANDLED | UI_EXIT;
	return UI_HANDLED | UI_REDRAW;
}

/* a: ask for a directory to save the session into as text. */
static int
save_ask_dir(struct ui *ui, void *state, int key)
{
	struct quit_save *q = state;
	const char *home = getenv("HOME");

	(void)key;
	edit_start(&q->dir, home != NULL ? home : "/tmp");
	edit_layout(&q->dir, ui->cols - 6, 1);
	return UI_HANDLED | UI_REDRAW;
}

/* b: quit, losing the changes since the last save. */
static int
save_leave(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return UI_HANDLED | UI_EXIT;
}

static const struct ui_binding save_bindings[] = {
    {UI_KEYS_ANY, 0, NULL, NULL, NULL, save_dir_key},
    {'w', 0, "w", NULL, "erneut speichern", save_retry},
    {'a', 0, "a", NULL, "als Text in ein anderes Verzeichnis sichern", save_ask_dir},
    {'b', 0, "b", NULL, "trotzdem beenden (Änderungen gehen verloren)", save_leave},
    {UI_ESC, 0, "Esc", NULL, "zurück zum Programm", quit_back},
};

/* Draw the warning, the keys and the directory being typed. */
static void
save_draw(const struct ui *ui, const void *state)
{
	const struct quit_save *q = state;
	int y = draw_box(ui, "Die letzten Änderungen sind NICHT gespeichert!");

	text_putf(y + 1, 3, ui->cols - 6, ui->attrs[ROLE_SELECTED], "Grund: %s",
	          ui->save_error != NULL ? ui->save_error : "?");
	draw_keys(ui, &ui_quit_save_screen, y + 2, 3);
	if (q->dir.active) {
		text_put(
		    ui->rows / 2 + 3, 3, ui->cols - 6,
		    "Verzeichnis (Enter sichert):", ui->attrs[ROLE_SELECTED] | A_BOLD);
		edit_draw(&q->dir, ui->rows / 2 + 4, 3, ui->cols - 6, A_REVERSE);
	}
}

const struct ui_screen ui_quit_save_screen = {
    .name = "Beenden",
    .init = save_init,
    .free = save_free,
    .draw = save_draw,
    .key = quit_swallow,
    .bindings = save_bindings,
    .binding_count = BIND_COUNT(save_bindings),
    .modal = 1,
};
