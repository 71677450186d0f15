/*
 * ui_sections.c: the Handlungsfeld chooser (F4): each Handlungsfeld with
 * open questions and points; Enter or its number jumps to its first shown
 * question. Reads the session; changes only the current question.
 */
#include "config.h"

#include "model/interview.h"
#include "tui/ui.h"
#include "tui/ui_interview.h"

static size_t selected;

/* Entering: select the current Handlungsfeld. */
static void
sections_init(struct ui *ui)
{
	selected =
	    ui->session != NULL ? ui->session->form->questions[ui->question].section : 0;
}

/* Draw the list. */
static void
sections_draw(struct ui *ui)
{
	const struct form *f = ui->session->form;
	static const char *const keys[] = {"Enter", "springen", "Esc",  "zurück", "1",
	                                   "Hilfe", "10",       "Ende", NULL};

	ui_frame(ui, "Handlungsfeld wählen", ui->session->meta.kommune, keys);
	for (size_t i = 0; i < f->section_count && (int)i * 2 + 2 < ui->rows - 3; i++) {
		struct interview_progress p;
		int y = 2 + (int)i * 2;
		attr_t a = ui_row_attr(ui, i == selected);
		interview_progress(ui->session, i, &p);
		ui_fill(y, 1, ui->cols - 2, a);
		ui_putf(y, 2, ui->cols - 4, a | A_BOLD, "%zu  %s", i + 1,
		        f->sections[i].title);
		if (p.open == 0)
			ui_putf(y + 1, 5, ui->cols - 6, ui->attrs[ROLE_OK],
			        "✓ vollständig · %zu Fragen · %d/%d Punkte", p.shown,
			        p.points, p.max);
		else
			ui_putf(y + 1, 5, ui->cols - 6, ui->attrs[ROLE_NORMAL],
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
		ui_message(ui, 1, "In diesem Handlungsfeld ist keine Frage sichtbar.");
		return UI_HANDLED | UI_REDRAW;
	}
	ui_switch(ui, &ui_interview_screen);
	ui_interview_go(ui, q);
	return UI_HANDLED | UI_REDRAW;
}

/* Keys of the chooser. */
static int
sections_key(struct ui *ui, int key)
{
	size_t n = ui->session->form->section_count;
	int r = ui_list_key(&selected, n, key, -1);

	if (r != 0)
		return r;
	switch (key) {
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		return jump(ui, selected);
	case UI_ESC:
		ui_back(ui);
		return UI_HANDLED | UI_REDRAW;
	default:
		break;
	}
	if (key >= '1' && key <= '9' && (size_t)(key - '1') < n)
		return jump(ui, (size_t)(key - '1'));
	return 0;
}

const struct ui_screen ui_sections_screen = {
    .name = "Handlungsfelder",
    .init = sections_init,
    .draw = sections_draw,
    .key = sections_key,
    .resize = NULL,
};
