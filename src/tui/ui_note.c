/*
 * ui_note.c: the side fields of one question (F2 Notiz, F3 Nachweis). Both
 * screens show the question and a short field list whose values are session
 * records of that question; each commit is saved at once through ui_set.
 * Notes, own recommendations and evidence descriptions take several lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/interview.h"
#include "tui/ui.h"
#include "lib/util.h"

static struct ui_fields fields;
static int evidence_mode; /* 0: F2 note, 1: F3 evidence */

static const char *const evidence_values[] = {"", "vorgelegt", "nachzureichen", "fehlt"};
static const char *const evidence_labels[] = {"– (nicht erfasst)", "vorgelegt",
                                              "nachzureichen", "fehlt"};

/* Refill the fields from the session, keeping the selection. */
static void
build(struct ui *ui)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];
	size_t sel = fields.selected;
	char *k, *v;

	ui_fields_clear(&fields);
	if (!evidence_mode) {
		k = xasprintf("%s:note", q->full_id);
		v = session_get(ui->session, k);
		ui_fields_add(&fields, FIELD_TEXT, "Notiz", k, v)->multiline = 1;
		free(k);
		free(v);
		k = xasprintf("%s:recommendation", q->full_id);
		v = session_get(ui->session, k);
		ui_fields_add(&fields, FIELD_TEXT, "Eigene Empfehlung", k, v)->multiline =
		    1;
		free(k);
		free(v);
	} else {
		struct ui_field *fl;
		const struct session_item *it = &ui->session->items[ui->question];
		k = xasprintf("%s:evidence", q->full_id);
		fl = ui_fields_add(&fields, FIELD_CHOICE, "Status", k,
		                   evidence_values[it->evidence]);
		fl->choices = evidence_values;
		fl->choice_labels = evidence_labels;
		fl->choice_count = 4;
		free(k);
		k = xasprintf("%s:evidence_due", q->full_id);
		fl = ui_fields_add(&fields, FIELD_DATE, "Nachzureichen bis", k,
		                   it->evidence_due);
		fl->hidden = it->evidence != EVIDENCE_DUE;
		free(k);
		k = xasprintf("%s:evidence_text", q->full_id);
		ui_fields_add(&fields, FIELD_TEXT, "Beschreibung", k, it->evidence_text)
		    ->multiline = 1;
		free(k);
	}
	fields.selected = sel < fields.count ? sel : 0;
}

/* Entering F2. */
static void
note_init(struct ui *ui)
{
	evidence_mode = 0;
	fields.selected = 0;
	build(ui);
}

/* Entering F3. */
static void
evidence_init(struct ui *ui)
{
	evidence_mode = 1;
	fields.selected = 0;
	build(ui);
}

/* Draw either screen. */
static void
side_draw(struct ui *ui)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];
	static const char *const keys[] = {"Enter", "bearbeiten", "Esc",  "zurück", "1",
	                                   "Hilfe", "10",         "Ende", NULL};
	static const char *const edit_keys[] = {"Strg-S", "speichern", "Esc", "verwerfen",
	                                        NULL};
	int y = 2, w = ui->cols - 2;
	char *number = interview_number(ui->session->form, ui->question);
	char *right = xasprintf("Frage %s", number);

	ui_frame(ui, evidence_mode ? "Nachweis zur Frage" : "Notiz und eigene Empfehlung",
	         right, fields.edit.active && fields.edit.multiline ? edit_keys : keys);
	free(right);
	free(number);
	y += ui_wrap(y, 1, w, 4, q->text, A_BOLD);
	if (evidence_mode && q->evidence != NULL)
		y += ui_wrap(y, 1, w, 3, q->evidence, ui->attrs[ROLE_DIM]);
	if (!evidence_mode && q->recommendation != NULL) {
		char *r = xasprintf("Empfehlung des Prüfbogens: %s", q->recommendation);
		y += ui_wrap(y, 1, w, 3, r, ui->attrs[ROLE_DIM]);
		free(r);
	}
	y++;
	ui_fields_draw(ui, &fields, y, 1, w, 3);
	ui_fields_detail(ui, &fields, y + 5, 1, w, ui->rows - 3 - (y + 5));
	if (!fields.edit.active && y + 4 < ui->rows - 3)
		ui_put(y + 4, 1, w,
		       evidence_mode
		           ? "Status: Leertaste oder ←/→ wechselt (sofort gespeichert); "
		             "Datum als TT.MM.JJJJ."
		           : "Enter bearbeitet: Enter neue Zeile, Strg-S speichert · "
		             "Entf leert das Feld",
		       ui->attrs[ROLE_DIM]);
}

/* Save a note or date being typed before the screen is left. */
static int
side_flush(struct ui *ui, int quitting)
{
	(void)quitting;
	return ui_fields_flush(ui, &fields, build);
}

/* Keys of either screen. */
static int
side_key(struct ui *ui, int key)
{
	return ui_fields_save_key(ui, &fields, key, build);
}

const struct ui_screen ui_note_screen = {
    .name = "Notiz",
    .init = note_init,
    .draw = side_draw,
    .key = side_key,
    .resize = NULL,
    .flush = side_flush,
};

const struct ui_screen ui_evidence_screen = {
    .name = "Nachweis",
    .init = evidence_init,
    .draw = side_draw,
    .key = side_key,
    .resize = NULL,
    .flush = side_flush,
};
