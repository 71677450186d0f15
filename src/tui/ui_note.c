/*
 * ui_note.c: „Notiz und eigene Empfehlung“ (F2): the current question and
 * the records beside its answer that are no evidence (the vocabulary's
 * per-question fields: Notiz, Eigene Empfehlung), each saved at once; both
 * take several lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/interview.h"
#include "tui/fieldscreen.h"
#include "tui/frame.h"
#include "tui/screens.h"
#include "tui/text.h"

/* The form's own recommendation, shown above the fields (caller frees). */
static char *
form_recommendation(const struct ui *ui)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];

	return q->recommendation != NULL
	           ? xasprintf("Empfehlung des Prüfbogens: %s", q->recommendation)
	           : NULL;
}

/* Where the list and the editor box go. */
static void
layout(struct ui *ui, struct ui_fields *f)
{
	char *extra = form_recommendation(ui);
	int y = fieldscreen_question(ui, extra, 0), w = ui->cols - 2;

	free(extra);
	fields_layout(f, w, 3, w, ui->rows - 3 - (y + 5));
}

/* Refill the fields from the session, keeping the selection. */
static void
build(struct ui *ui, struct ui_fields *f, struct ui_field *changed, const char *value)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];
	size_t sel = f->selected;

	(void)changed;
	(void)value;
	fields_clear(f);
	for (size_t i = 0; i < vocab_item.count; i++) {
		const struct vocab_field *vf = &vocab_item.fields[i];
		char *key, *v;
		if (strncmp(vf->key, "evidence", 8) == 0)
			continue; /* F3's */
		key = xasprintf("%s:%s", q->full_id, vf->key);
		v = session_get(ui->session, key);
		fields_add_vocab(f, vf, NULL, key, v, NULL);
		free(key);
		free(v);
	}
	f->selected = sel < f->count ? sel : 0;
	layout(ui, f);
}

/* Entering F2. */
static void *
note_init(struct ui *ui, void *state)
{
	struct ui_fields *f = fieldscreen_state(state, build);

	f->selected = 0;
	build(ui, f, NULL, NULL);
	return f;
}

/* The terminal size changed. */
static void
note_resize(struct ui *ui, void *state)
{
	if (ui->session != NULL)
		layout(ui, state);
}

/* Draw the question and the fields. */
static void
note_draw(const struct ui *ui, const void *state)
{
	const struct ui_fields *f = state;
	char *number = interview_number(ui->session->form, ui->question);
	char *right = xasprintf("Frage %s", number), *extra = form_recommendation(ui);
	int y;

	fieldscreen_frame(ui, f, "Notiz und eigene Empfehlung", right);
	y = fieldscreen_question(ui, extra, 1);
	fields_draw(ui, f, y, 1);
	fields_detail(ui, f, y + 5, 1);
	if (!f->edit.active && y + 4 < ui->rows - 3)
		text_put(y + 4, 1, ui->cols - 2,
		         "Enter bearbeitet: Enter neue Zeile, Strg-S speichert · Entf "
		         "leert das "
		         "Feld",
		         ui->attrs[ROLE_DIM]);
	free(extra);
	free(right);
	free(number);
}

const struct ui_screen ui_note_screen = {
    .name = "Notiz",
    .init = note_init,
    .free = fieldscreen_free,
    .draw = note_draw,
    .key = fieldscreen_key,
    .resize = note_resize,
    .flush = fieldscreen_flush,
    .bindings = fieldscreen_bindings,
    .binding_count = BIND_COUNT(fieldscreen_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
