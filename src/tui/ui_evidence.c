/*
 * ui_evidence.c: „Nachweis zur Frage“ (F3): the current question, the
 * evidence the form asks for, and the vocabulary's evidence records of the
 * question: the Nachweis status (vorgelegt, nachzureichen, fehlt), the due
 * date (shown while the status is nachzureichen) and a description, each
 * saved at once.
 */
#include "config.h"

#include "lib/util.h"
#include "tui/fieldscreen.h"
#include "tui/screens.h"

/* The evidence the form asks for, shown above the fields (caller frees). */
static char *
form_evidence(const struct ui *ui)
{
	return xstrdup(ui->session->form->questions[ui->question].evidence);
}

static const struct question_fields evidence_fields = {
    .title = "Nachweis zur Frage",
    .evidence = 1,
    .empty = "– (nicht erfasst)",
    .hint = "Nachweis: Leertaste oder ←/→ wechselt (sofort gespeichert); Datum "
            "TT.MM.JJJJ.",
    .above = form_evidence,
};

/* Entering F3. */
static void *
evidence_init(struct ui *ui, void *state)
{
	return fieldscreen_question_init(ui, state, &evidence_fields);
}

const struct ui_screen ui_evidence_screen = {
    .name = "Nachweis",
    .init = evidence_init,
    .free = fieldscreen_free,
    .draw = fieldscreen_question_draw,
    .key = fieldscreen_key,
    .resize = fieldscreen_question_resize,
    .flush = fieldscreen_flush,
    .bindings = fieldscreen_bindings,
    .binding_count = BIND_COUNT(fieldscreen_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
