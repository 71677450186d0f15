/*
 * ui_sections.c: the Handlungsfeld chooser (F4): each Handlungsfeld with
 * open questions and points; Enter or its number jumps to its first shown
 * question. Reads the session; changes only the current question.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/interview.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/screens.h"
#include "tui/text.h"

struct sections {
	size_t selected;
};

/* Entering: select the current Handlungsfeld. */
static void *
sections_init(struct ui *ui, void *state)
{
	struct sections *st = state != NULL ? state : xcalloc(1, sizeof *st);

	st->selected =
	    ui->session != NULL ? ui->session->form->questions[ui->question].section : 0;
	return st;
}

/* Draw the list. */
static void
sections_draw(const struct ui *ui, const void *state)
{
	const struct sections *st = state;
	const struct form *f = ui->session->form;

	frame_draw(ui, "Handlungsfeld wählen", ui->session->meta.kommune);
	for (size_t i = 0; i < f->section_count && (int)i * 2 + 2 < ui->rows - 3; i++) {
		struct interview_progress p;
		int y = 2 + (int)i * 2;
		attr_t a = frame_row_attr(ui, i == st->selected);
		interview_progress(ui->session, i, &p);
		text_fill(y, 1, ui->cols - 2, a);
		text_putf(y, 2, ui->cols - 4, a | A_BOLD, "%zu  %s", i + 1,
		          f->sections[i].title);
		if (p.open == 0)
			text_putf(y + 1, 5, ui->cols - 6, ui->attrs[ROLE_OK],
			          "✓ vollständig · %zu Fragen · %d/%d Punkte", p.shown,
			          p.points, p.max);
		else
			text_putf(y + 1, 5, ui->cols - 6, ui->attrs[ROLE_NORMAL],
			          "%zu von %zu Fragen offen · %d/%d Punkte", p.open,
			          p.shown, p.points, p.max);
	}
}

/* Jump to the first shown question of Handlungsfeld i. */
static int
jump(struct ui *ui, size_t i)
{
	size_t q;

	if (!interview_first(ui->session, i, &q)) {
		screen_message(ui, 1,
		               "In diesem Handlungsfeld ist keine Frage sichtbar.");
		return UI_HANDLED | UI_REDRAW;
	}
	screen_switch(ui, &ui_interview_screen);
	ui_interview_go(ui, q);
	return UI_HANDLED | UI_REDRAW;
}

/* ↑ ↓: the selection. */
static int
sections_move(struct ui *ui, void *state, int key)
{
	struct sections *st = state;

	return list_key(&st->selected, ui->session->form->section_count, key, -1);
}

/* Enter: to the selected Handlungsfeld. */
static int
sections_enter(struct ui *ui, void *state, int key)
{
	struct sections *st = state;

	(void)key;
	return jump(ui, st->selected);
}

/* 1 … 9: to Handlungsfeld N. */
static int
sections_digit(struct ui *ui, void *state, int key)
{
	(void)state;
	if (key < '1' || (size_t)(key - '1') >= ui->session->form->section_count)
		return 0;
	return jump(ui, (size_t)(key - '1'));
}

static const struct ui_binding sections_bindings[] = {
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), NULL, NULL, NULL, sections_move},
    {'\n', 0, "Enter", "springen", NULL, sections_enter},
    {UI_ESC, 0, "Esc", "zurück", NULL, screen_back_key},
    {UI_KEYS_DIGIT, 0, "1 … 9", NULL, "direkt zum Handlungsfeld N", sections_digit},
};

const struct ui_screen ui_sections_screen = {
    .name = "F4",
    .init = sections_init,
    .free = free,
    .draw = sections_draw,
    .bindings = sections_bindings,
    .binding_count = BIND_COUNT(sections_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
