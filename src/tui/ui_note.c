/*
 * ui_note.c: „Notiz und eigene Empfehlung“ (F2): the current question, the
 * form's recommendation, and the records beside its answer that are no
 * evidence (the vocabulary's per-question fields: Notiz, Eigene
 * Empfehlung), each saved at once; both take several lines.
 */
#include "config.h"

#include "lib/util.h"
#include "tui/fieldscreen.h"
#include "tui/screens.h"

/* The form's own recommendation, shown above the fields (caller frees). */
static char *
form_recommendation(const struct ui *ui)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];

	return q->recommendation != NULL
	           ? xasprintf("Empfehlung des Prüfbogens: %s", q->recommendation)
	           : NULL;
}

static const struct question_fields note_fields = {
    .title = "Notiz und eigene Empfehlung",
    .evidence = 0,
    .hint = "Enter bearbeitet: Enter neue Zeile, Strg-S speichert · Entf leert das Feld",
    .above = form_recommendation,
};

/* Entering F2. */
static void *
note_init(struct ui *ui, void *state)
{
	return fieldscreen_question_init(ui, state, &note_fields);
}

const struct ui_screen ui_note_screen = {
    .name = "Notiz",
    .init = note_init,
    .free = fieldscreen_free,
    .draw = fieldscreen_question_draw,
    .key = fieldscreen_key,
    .resize = fieldscreen_question_resize,
    .flush = fieldscreen_flush,
    .bindings = fieldscreen_bindings,
    .binding_count = BIND_COUNT(fieldscreen_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
