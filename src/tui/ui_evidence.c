/*
 * ui_evidence.c: „Nachweis zur Frage“ (F3): the current question, the
 * evidence the form asks for, and the vocabulary's evidence records of the
 * question: the Nachweis status (vorgelegt, nachzureichen, fehlt), the due
 * date (shown while the status is nachzureichen) and a description, each
 * saved at once.
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

/* The form's evidence text of the question, or NULL. */
static const char *
form_evidence(const struct ui *ui)
{
	return ui->session->form->questions[ui->question].evidence;
}

/* Where the list and the editor box go. */
static void
layout(struct ui *ui, struct ui_fields *f)
{
	int y = fieldscreen_question(ui, form_evidence(ui), 0), w = ui->cols - 2;

	fields_layout(f, w, 3, w, ui->rows - 3 - (y + 5));
}

/* Refill the fields from the session, keeping the selection. */
static void
build(struct ui *ui, struct ui_fields *f, struct ui_field *changed, const char *value)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];
	const struct session_item *it = &ui->session->items[ui->question];
	size_t sel = f->selected;

	(void)changed;
	(void)value;
	fields_clear(f);
	for (size_t i = 0; i < vocab_item.count; i++) {
		const struct vocab_field *vf = &vocab_item.fields[i];
		struct ui_field *fl;
		char *key, *v;
		if (strncmp(vf->key, "evidence", 8) != 0)
			continue; /* F2's */
		key = xasprintf("%s:%s", q->full_id, vf->key);
		v = session_get(ui->session, key);
		fl = fields_add_vocab(f, vf, NULL, key, v, "– (nicht erfasst)");
		/* the due date belongs to evidence still to be handed over */
		fl->hidden = vf->kind == VOCAB_DATE && it->evidence != EVIDENCE_DUE;
		free(key);
		free(v);
	}
	f->selected = sel < f->count ? sel : 0;
	layout(ui, f);
}

/* Entering F3. */
static void *
evidence_init(struct ui *ui, void *state)
{
	struct ui_fields *f = fieldscreen_state(state, build);

	f->selected = 0;
	build(ui, f, NULL, NULL);
	return f;
}

/* The terminal size changed. */
static void
evidence_resize(struct ui *ui, void *state)
{
	if (ui->session != NULL)
		layout(ui, state);
}

/* Draw the question and the fields. */
static void
evidence_draw(const struct ui *ui, const void *state)
{
	const struct ui_fields *f = state;
	char *number = interview_number(ui->session->form, ui->question);
	char *right = xasprintf("Frage %s", number);
	int y;

	fieldscreen_frame(ui, f, "Nachweis zur Frage", right);
	y = fieldscreen_question(ui, form_evidence(ui), 1);
	fields_draw(ui, f, y, 1);
	fields_detail(ui, f, y + 5, 1);
	if (!f->edit.active && y + 4 < ui->rows - 3)
		text_put(
		    y + 4, 1, ui->cols - 2,
		    "Nachweis: Leertaste oder ←/→ wechselt (sofort gespeichert); Datum "
		    "TT.MM.JJJJ.",
		    ui->attrs[ROLE_DIM]);
	free(right);
	free(number);
}

const struct ui_screen ui_evidence_screen = {
    .name = "Nachweis",
    .init = evidence_init,
    .free = fieldscreen_free,
    .draw = evidence_draw,
    .key = fieldscreen_key,
    .resize = evidence_resize,
    .flush = fieldscreen_flush,
    .bindings = fieldscreen_bindings,
    .binding_count = BIND_COUNT(fieldscreen_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
