/*
 * fieldscreen.c: the common part of F2, F3, F7 and F8, whose state is a
 * field list saved at once: the binding table (Enter bearbeiten, Esc
 * zurück, the open editor first), the fallback, flush and frame, and the
 * question shown above F2's and F3's fields.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
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

int
fieldscreen_question(const struct ui *ui, const char *extra, int draw)
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
