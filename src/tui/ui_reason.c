/*
 * ui_reason.c: „Grund der Änderung“, a modal box over the screen where a
 * change was refused because the audit is abgeschlossen and every change
 * then needs a reason for the change history. Enter takes the reason and
 * runs the refused key again (screen_retry), so the change is made and
 * recorded with it; Esc drops the change. Nothing else takes a key while
 * the box is open.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/history.h"
#include "tui/edit.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/text.h"

/* Rows of the box. */
#define BOX_ROWS 7

struct reason {
	struct ui_edit edit;
};

/* Opening: an empty line. */
static void *
reason_init(struct ui *ui, void *state)
{
	struct reason *st = state != NULL ? state : xcalloc(1, sizeof *st);

	st->edit.multiline = 0;
	edit_start(&st->edit, NULL);
	edit_layout(&st->edit, ui->cols - 8, 1);
	return st;
}

static void
reason_free(void *state)
{
	struct reason *st = state;

	edit_stop(&st->edit);
	free(st);
}

static void
reason_resize(struct ui *ui, void *state)
{
	struct reason *st = state;

	edit_layout(&st->edit, ui->cols - 8, 1);
}

/* Enter: take the reason and make the change. */
static int
reason_take(struct ui *ui, struct reason *st)
{
	char *text = edit_text(&st->edit);
	const char *p = text + strspn(text, " ");

	if (*p == '\0') {
		free(text);
		screen_message(ui, 1,
		               "Bitte einen Grund eingeben (Esc: Änderung verwerfen)");
		return UI_HANDLED | UI_REDRAW;
	}
	edit_stop(&st->edit);
	screen_close(ui);
	if (ui->session != NULL)
		session_change_reason(ui->session, p);
	free(text);
	screen_clear_message(ui);
	screen_retry(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* Every key goes to the line; Enter and Esc end it. */
static int
reason_key(struct ui *ui, void *state, int key)
{
	struct reason *st = state;

	edit_layout(&st->edit, ui->cols - 8, 1);
	switch (edit_key(&st->edit, key)) {
	case EDIT_COMMIT:
		return reason_take(ui, st);
	case EDIT_CANCEL:
		edit_stop(&st->edit);
		memset(&ui->retry, 0, sizeof ui->retry);
		screen_close(ui);
		screen_message(ui, 1,
		               "Nicht geändert: ohne Grund keine Änderung nach dem "
		               "Abschluss");
		return UI_HANDLED | UI_REDRAW;
	default:
		return UI_HANDLED | UI_REDRAW;
	}
}

/* For the help only: the keys of the box. */
static const struct ui_binding reason_bindings[] = {
    {0, 0, "Enter", NULL, "Grund übernehmen und die Änderung speichern", NULL},
    {0, 0, "Esc", NULL, "Änderung verwerfen", NULL},
};

static void
reason_draw(const struct ui *ui, const void *state)
{
	const struct reason *st = state;
	int y = ui->rows / 2 - 4;

	for (int i = 0; i < BOX_ROWS; i++)
		text_fill(y + i, 2, ui->cols - 4, ui->attrs[ROLE_SELECTED]);
	text_put(y, 3, ui->cols - 6, "Grund der Änderung",
	         ui->attrs[ROLE_SELECTED] | A_BOLD);
	text_wrap(y + 1, 3, ui->cols - 6, 2,
	          "Das Audit ist abgeschlossen. Jede Änderung braucht einen Grund; er "
	          "steht im Änderungsprotokoll.",
	          ui->attrs[ROLE_SELECTED]);
	edit_draw(&st->edit, y + 4, 4, ui->cols - 8, ui->attrs[ROLE_NORMAL]);
	text_put(y + 6, 3, ui->cols - 6, "Enter: speichern   Esc: Änderung verwerfen",
	         ui->attrs[ROLE_SELECTED]);
}

const struct ui_screen ui_reason_screen = {
    .name = "Grund",
    .init = reason_init,
    .free = reason_free,
    .draw = reason_draw,
    .key = reason_key,
    .resize = reason_resize,
    .bindings = reason_bindings,
    .binding_count = BIND_COUNT(reason_bindings),
    .modal = 1,
};
