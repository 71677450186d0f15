/*
 * fieldscreen.c: the common part of F2, F3, F7 and F8, whose state is a
 * field list saved at once: the binding table (Enter bearbeiten, Esc
 * zurück, the open editor first), the fallback, flush and frame; and the
 * question screens F2 and F3, which differ only in which of the
 * vocabulary's per-question records they show (struct question_fields).
 */
#include "config.h"

#include <stdlib.h>

#include <string.h>

#include "lib/util.h"
#include "model/interview.h"
#include "tui/fieldscreen.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/text.h"

struct ui_fields *
fieldscreen_state(void *state, void (*rebuild)(struct ui *ui, struct ui_fields *f,
                                               struct ui_field *fl, const char *value))
{
	struct ui_fields *f = state;

	if (f == NULL) {
		f = xcalloc(1, sizeof *f);
		f->store = fields_save;
		f->changed = rebuild;
	}
	return f;
}

/* An open editor takes every key. */
static int
fieldscreen_editing(struct ui *ui, void *state, int key)
{
	if (!fields_editing(state))
		return 0;
	return fields_key(ui, state, key);
}

int
fieldscreen_key(struct ui *ui, void *state, int key)
{
	return fields_key(ui, state, key);
}

const struct ui_binding fieldscreen_bindings[FIELDSCREEN_BINDINGS] = {
    {UI_KEYS_ANY, 0, NULL, NULL, NULL, fieldscreen_editing},
    {'\n', 0, "Enter", "bearbeiten", NULL, fieldscreen_key},
    {UI_ESC, 0, "Esc", "zurück", NULL, screen_back_key},
};

int
fieldscreen_flush(struct ui *ui, void *state, int quitting)
{
	(void)quitting;
	return fields_flush(ui, state, 1);
}

void
fieldscreen_free(void *state)
{
	fields_clear(state);
	free(state);
}

void
fieldscreen_frame(const struct ui *ui, const struct ui_fields *f, const char *title,
                  const char *right)
{
	if (f->edit.active && f->edit.multiline)
		frame_draw_keys(ui, title, right, edit_bindings, edit_binding_count);
	else
		frame_draw(ui, title, right);
}

/* A question screen's state: the list first, so that it is a struct ui_fields
 * for the common functions above. */
struct question_screen {
	struct ui_fields fields;
	const struct question_fields *qf;
};

/* The current question's text and below it extra (NULL: none) from row 2;
 * with draw, drawn. Returns the row after them (with a blank row). */
static int
question_text(const struct ui *ui, const char *extra, int draw)
{
	const struct form_question *q = &ui->session->form->questions[ui->question];
	int y = 2, w = ui->cols - 2, n;

	if (draw) {
		y += text_wrap(y, 1, w, 4, q->text, A_BOLD);
		y += text_wrap(y, 1, w, 3, extra, ui->attrs[ROLE_DIM]);
		return y + 1;
	}
	n = text_wrap_count(w, q->text);
	y += n < 4 ? n : 4;
	n = text_wrap_count(w, extra);
	y += n < 3 ? n : 3;
	return y + 1;
}

/* Where the list and the editor box of a question screen go. */
static void
question_layout(struct ui *ui, struct question_screen *qs)
{
	char *above = qs->qf->above != NULL ? qs->qf->above(ui) : NULL;
	int y = question_text(ui, above, 0), w = ui->cols - 2;

	free(above);
	fields_layout(&qs->fields, w, 3, w, ui->rows - 3 - (y + 5));
}

/* Refill a question screen's fields from the session, keeping the selection. */
static void
question_build(struct ui *ui, struct ui_fields *f, struct ui_field *changed,
               const char *value)
{
	struct question_screen *qs = (struct question_screen *)f;
	const struct form_question *q = &ui->session->form->questions[ui->question];
	const struct session_item *it = &ui->session->items[ui->question];
	size_t sel = f->selected;

	(void)changed;
	(void)value;
	fields_clear(f);
	for (size_t i = 0; i < vocab_item.count; i++) {
		const struct vocab_field *vf = &vocab_item.fields[i];
		char *key;
		struct ui_field *fl;
		if ((strncmp(vf->key, "evidence", 8) == 0) != qs->qf->evidence)
			continue;
		key = xasprintf("%s:%s", q->full_id, vf->key);
		fl = fields_add_record(f, ui->session, vf, NULL, key, qs->qf->empty);
		/* a due date belongs to evidence still to be handed over */
		fl->hidden = vf->kind == VOCAB_DATE && it->evidence != EVIDENCE_DUE;
		free(key);
	}
	f->selected = sel < f->count ? sel : 0;
	question_layout(ui, qs);
}

void *
fieldscreen_question_init(struct ui *ui, void *state, const struct question_fields *qf)
{
	struct question_screen *qs = state;

	if (qs == NULL) {
		qs = xcalloc(1, sizeof *qs);
		qs->fields.store = fields_save;
		qs->fields.changed = question_build;
	}
	qs->qf = qf;
	qs->fields.selected = 0;
	question_build(ui, &qs->fields, NULL, NULL);
	return qs;
}

void
fieldscreen_question_resize(struct ui *ui, void *state)
{
	if (ui->session != NULL)
		question_layout(ui, state);
}

void
fieldscreen_question_draw(const struct ui *ui, const void *state)
{
	const struct question_screen *qs = state;
	const struct ui_fields *f = &qs->fields;
	char *number = interview_number(ui->session->form, ui->question);
	char *right = xasprintf("Frage %s", number);
	char *above = qs->qf->above != NULL ? qs->qf->above(ui) : NULL;
	int y;

	fieldscreen_frame(ui, f, qs->qf->title, right);
	y = question_text(ui, above, 1);
	fields_draw(ui, f, y, 1);
	fields_detail(ui, f, y + 5, 1);
	if (!f->edit.active && y + 4 < ui->rows - 3)
		text_put(y + 4, 1, ui->cols - 2, qs->qf->hint, ui->attrs[ROLE_DIM]);
	free(above);
	free(right);
	free(number);
}
