/*
 * ui_master.c: „Stammdaten und Teilnehmende“ (F8) of the open session: the
 * master data of the new-audit screen, the previous audit (linking one
 * makes this a Re-Audit through reaudit_link, as at creation) and the
 * participant lines (the filled ones and one empty line), each saved at
 * once. The session file keeps its name when the Kommune changes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/reaudit.h"
#include "tui/ui.h"
#include "lib/util.h"

static struct ui_fields fields;

/* Refill the fields from the session, keeping the selection. */
static void
build(struct ui *ui)
{
	size_t sel = fields.selected, top = fields.top;

	ui_fields_clear(&fields);
	ui_master_fields(ui, &fields, ui->session);
	fields.selected = sel < fields.count ? sel : 0;
	fields.top = top;
}

/* Entering the screen. */
static void
master_init(struct ui *ui)
{
	fields.selected = 1;
	fields.top = 0;
	build(ui);
}

/* Draw the fields. */
static void
master_draw(struct ui *ui)
{
	static const char *const keys[] = {"Enter", "bearbeiten", "Esc",  "zurück", "1",
	                                   "Hilfe", "10",         "Ende", NULL};
	const struct ui_field *fl = &fields.items[fields.selected];
	const char *hint;

	ui_frame(ui, "Stammdaten und Teilnehmende", ui->session->path, keys);
	ui_fields_draw(ui, &fields, 1, 1, ui->cols - 2, ui->rows - 5);
	if (fields.edit.active)
		hint = "Enter speichert, Esc verwirft die Eingabe.";
	else if (fl->kind == FIELD_CHOICE)
		hint = "Leertaste, ←/→ oder Anfangsbuchstaben wechseln (sofort "
		       "gespeichert).";
	else
		hint = "Tippen ersetzt, Enter bearbeitet; jede Änderung wird sofort "
		       "gespeichert.";
	ui_put(ui->rows - 4, 1, ui->cols - 2, hint, ui->attrs[ROLE_DIM]);
}

/* Keys of the screen. */
static int
master_key(struct ui *ui, int key)
{
	return ui_fields_save_key(ui, &fields, key, build);
}

/* Save a value being typed before the screen is left. */
static int
master_flush(struct ui *ui, int quitting)
{
	(void)quitting;
	return ui_fields_flush(ui, &fields, build);
}

/* The save of the "Vorheriges Audit" field: link it (reaudit_link) and save. */
int
ui_master_link_previous(struct ui *ui, const char *path)
{
	char *notice = NULL, *why = NULL;

	if (path == NULL && ui->session->meta.previous == NULL)
		return 0;
	if (path == NULL) {
		ui_message(ui, 1,
		           "Ein verknüpftes Audit lässt sich nur durch ein anderes "
		           "ersetzen");
		return -1;
	}
	if (ui->session->meta.previous != NULL &&
	    strcmp(ui->session->meta.previous, path) == 0)
		return 0;
	if (reaudit_link(ui->session, path, &notice, &why) != 0) {
		ui_message(ui, 1, "%s", why);
		free(why);
		return -1;
	}
	if (ui_save(ui) == 0)
		ui_message(ui, 0, "%s", notice);
	free(notice);
	return 0;
}

const struct ui_screen ui_master_screen = {
    .name = "Stammdaten",
    .init = master_init,
    .draw = master_draw,
    .key = master_key,
    .resize = NULL,
    .flush = master_flush,
};
