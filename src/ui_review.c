/*
 * ui_review.c: the Übersicht (F5): every open question, every evidence
 * marked nachzureichen or fehlt, every note (interview_review); Enter jumps
 * to the question. Reads the session; changes only the current question.
 */
#include "config.h"

#include <stdlib.h>

#include "interview.h"
#include "ui.h"
#include "ui_interview.h"
#include "util.h"

static struct interview_review_item *items;
static size_t count, selected, top;

/* Entering: rebuild the list from the session. */
static void
review_init(struct ui *ui)
{
	free(items);
	interview_review(ui->session, &items, &count);
	if (selected >= count)
		selected = count > 0 ? count - 1 : 0;
	top = 0;
}

/* The text of one row (caller frees). */
static char *
row_text(const struct ui *ui, const struct interview_review_item *it)
{
	const struct session_item *si = &ui->session->items[it->question];
	const struct form_question *q = &ui->session->form->questions[it->question];

	switch (it->kind) {
	case REVIEW_OPEN:
		return xasprintf("offen          %zu %s", q->section + 1, q->text);
	case REVIEW_EVIDENCE:
		if (si->evidence == EVIDENCE_DUE)
			return xasprintf("Nachweis bis %s  %zu %s",
			                 si->evidence_due != NULL ? si->evidence_due
			                                          : "?",
			                 q->section + 1, q->text);
		return xasprintf("Nachweis fehlt %zu %s", q->section + 1, q->text);
	case REVIEW_NOTE:
		if (si->note != NULL && si->note[0] != '\0')
			return xasprintf("Notiz          %zu %s: %s", q->section + 1,
			                 q->id, si->note);
		return xasprintf("Empfehlung     %zu %s: %s", q->section + 1, q->id,
		                 si->recommendation != NULL ? si->recommendation : "");
	}
	return xstrdup("");
}

/* One row of the list; missing evidence in red unless selected. */
static void
review_row(struct ui *ui, size_t i, int y, int x, int width, attr_t a)
{
	char *t = row_text(ui, &items[i]);

	if (items[i].kind == REVIEW_EVIDENCE && i != selected) {
		a = ui->attrs[ROLE_ERROR];
		ui_fill(y, x, width, a);
	}
	ui_put(y, x, width, t, a);
	free(t);
}

/* Draw the list. */
static void
review_draw(struct ui *ui)
{
	static const char *const keys[] = {"Enter", "zur Frage", "Esc",  "zurück", "1",
	                                   "Hilfe", "10",        "Ende", NULL};
	size_t open = 0, ev = 0, notes = 0;
	char *right;

	for (size_t i = 0; i < count; i++) {
		if (items[i].kind == REVIEW_OPEN)
			open++;
		else if (items[i].kind == REVIEW_EVIDENCE)
			ev++;
		else
			notes++;
	}
	right = xasprintf("%zu offen · %zu Nachweise · %zu Notizen", open, ev, notes);
	ui_frame(ui, "Übersicht", right, keys);
	free(right);
	if (count == 0) {
		ui_put(2, 2, ui->cols - 4,
		       "Keine offenen Fragen, keine fehlenden Nachweise, keine Notizen.",
		       ui->attrs[ROLE_OK]);
		return;
	}
	ui_put(1, 1, ui->cols - 2, "Was                HF Frage", ui->attrs[ROLE_DIM]);
	ui_list_draw(ui, 2, 1, ui->cols - 2, ui->rows - 5, count, selected, &top,
	             review_row);
}

/* Keys of the review. */
static int
review_key(struct ui *ui, int key)
{
	int r = ui_list_key(&selected, count, key, ui->rows / 2);

	if (r != 0)
		return r;
	switch (key) {
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		if (count == 0)
			return UI_HANDLED;
		{
			size_t q = items[selected].question;
			ui_switch(ui, &ui_interview_screen);
			ui_interview_go(ui, q);
		}
		return UI_HANDLED | UI_REDRAW;
	case UI_ESC:
		ui_back(ui);
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

const struct ui_screen ui_review_screen = {
    .name = "Übersicht",
    .init = review_init,
    .draw = review_draw,
    .key = review_key,
    .resize = NULL,
};
