/*
 * ui_master.c: „Stammdaten und Teilnehmende“ (F8) of the open session:
 * the master data of the new-audit screen and the participant lines (two
 * empty ones for people who join during the talk), each saved at once
 * through ui_set. The session file keeps its name when the Kommune changes.
 */
#include "config.h"

#include <stdlib.h>

#include "ui.h"
#include "util.h"

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

	ui_frame(ui, "Stammdaten und Teilnehmende", ui->session->path, keys);
	ui_fields_draw(ui, &fields, 1, 1, ui->cols - 2, ui->rows - 5);
	ui_put(ui->rows - 4, 1, ui->cols - 2,
	       fields.edit.active ? "Enter speichert, Esc verwirft die Eingabe."
	                          : "Enter bearbeitet, Leertaste wechselt eine Auswahl; "
	                            "jede Änderung wird sofort gespeichert.",
	       ui->attrs[ROLE_DIM]);
}

/* Keys of the screen. */
static int
master_key(struct ui *ui, int key)
{
	return ui_fields_save_key(ui, &fields, key, build);
}

const struct ui_screen ui_master_screen = {
    .name = "Stammdaten",
    .init = master_init,
    .draw = master_draw,
    .key = master_key,
    .resize = NULL,
};
