/*
 * ui_review.c: the Übersicht (F5): every open question, every evidence
 * marked nachzureichen (overdue ones said so) or fehlt, every note
 * (interview_review), in aligned columns with the question number; Enter
 * jumps to the question. Reads the session; changes only the current
 * question.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/date.h"
#include "model/interview.h"
#include "model/score.h"
#include "tui/ui.h"
#include "tui/ui_interview.h"
#include "lib/util.h"

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

/* Width of the "Was" column and of the number column, in screen columns. */
#define KIND_W 29
#define NUMBER_W 6

/* The "Was" column of one row (caller frees). */
static char *
row_kind(const struct ui *ui, const struct interview_review_item *it)
{
	const struct session_item *si = &ui->session->items[it->question];
	char today[11], *due, *k;

	switch (it->kind) {
	case REVIEW_OPEN:
		return xstrdup("offen");
	case REVIEW_EVIDENCE:
		if (si->evidence != EVIDENCE_DUE)
			return xstrdup("Nachweis fehlt");
		date_today(today);
		due = date_display(si->evidence_due);
		k = xasprintf(score_evidence_overdue(ui->session, it->question, today)
		                  ? "überfällig seit %s"
		                  : "nachzureichen bis %s",
		              due != NULL ? due : "?");
		free(due);
		return k;
	case REVIEW_NOTE:
		return xstrdup(si->note != NULL && si->note[0] != '\0' ? "Notiz"
		                                                       : "Empfehlung");
	}
	return xstrdup("");
}

/* The text column of one row: the question, or the note (caller frees). */
static char *
row_text(const struct ui *ui, const struct interview_review_item *it)
{
	const struct session_item *si = &ui->session->items[it->question];
	const struct form_question *q = &ui->session->form->questions[it->question];

	if (it->kind != REVIEW_NOTE)
		return xstrdup(q->text);
	if (si->note != NULL && si->note[0] != '\0')
		return xstrdup(si->note);
	return xstrdup(si->recommendation != NULL ? si->recommendation : "");
}

/* One row of the list in three aligned columns; evidence to chase in red
 * unless selected. */
static void
review_row(struct ui *ui, size_t i, int y, int x, int width, attr_t a)
{
	char *kind = row_kind(ui, &items[i]), *text = row_text(ui, &items[i]);
	char *number = interview_number(ui->session->form, items[i].question);

	if (items[i].kind == REVIEW_EVIDENCE && i != selected) {
		a = ui->attrs[ROLE_ERROR];
		ui_fill(y, x, width, a);
	}
	ui_put(y, x, KIND_W - 1, kind, a);
	ui_put(y, x + KIND_W, NUMBER_W - 1, number, a);
	ui_put(y, x + KIND_W + NUMBER_W, width - KIND_W - NUMBER_W, text, a);
	free(kind);
	free(text);
	free(number);
}

/* "1 Notiz", "2 Notizen". */
static char *
counted(size_t n, const char *one, const char *many)
{
	return xasprintf("%zu %s", n, n == 1 ? one : many);
}

/* Draw the list. */
static void
review_draw(struct ui *ui)
{
	static const char *const keys[] = {"Enter", "zur Frage", "Esc",  "zurück", "1",
	                                   "Hilfe", "10",        "Ende", NULL};
	size_t open = 0, ev = 0, notes = 0;
	char *right, *a, *b, *c;

	for (size_t i = 0; i < count; i++) {
		if (items[i].kind == REVIEW_OPEN)
			open++;
		else if (items[i].kind == REVIEW_EVIDENCE)
			ev++;
		else
			notes++;
	}
	a = counted(open, "offen", "offen");
	b = counted(ev, "Nachweis", "Nachweise");
	c = counted(notes, "Notiz", "Notizen");
	right = xasprintf("%s · %s · %s", a, b, c);
	ui_frame(ui, "Übersicht", right, keys);
	free(right);
	free(a);
	free(b);
	free(c);
	if (count == 0) {
		ui_put(2, 2, ui->cols - 4,
		       "Keine offenen Fragen, keine fehlenden Nachweise, keine Notizen.",
		       ui->attrs[ROLE_OK]);
		return;
	}
	ui_put(1, 1, KIND_W - 1, "Was", ui->attrs[ROLE_DIM] | A_BOLD);
	ui_put(1, 1 + KIND_W, NUMBER_W - 1, "Nr.", ui->attrs[ROLE_DIM] | A_BOLD);
	ui_put(1, 1 + KIND_W + NUMBER_W, ui->cols - 2 - KIND_W - NUMBER_W,
	       "Frage oder Notiz", ui->attrs[ROLE_DIM] | A_BOLD);
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
