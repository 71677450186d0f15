/*
 * ui_find.c: „Frage suchen“ (F9, Strg-F): a question number as the
 * Prüfbogen and the workbook count ("3.7") jumps there; any other text
 * lists the questions whose number, text or help contain it
 * (interview_search: case and umlauts ignored) while it is typed; Enter
 * jumps to the chosen one. Reads the session; changes only the current
 * question.
 */
#include "config.h"

#include <stdlib.h>

#include "model/interview.h"
#include "tui/ui.h"
#include "tui/ui_interview.h"
#include "lib/util.h"

/* Most matches listed. */
#define FIND_MAX 500

static struct ui_edit edit;
static size_t matches[FIND_MAX], match_count, total, selected, top;

/* Search again for what is typed. */
static void
search_again(struct ui *ui)
{
	char *text = ui_edit_text(&edit);
	size_t q;

	if (interview_find_number(ui->session->form, text, &q)) {
		matches[0] = q;
		match_count = total = 1;
	} else {
		total = interview_search(ui->session->form, text, matches, FIND_MAX);
		match_count = total < FIND_MAX ? total : FIND_MAX;
	}
	if (selected >= match_count)
		selected = match_count > 0 ? match_count - 1 : 0;
	free(text);
}

/* Entering: an empty search line. */
static void
find_init(struct ui *ui)
{
	edit.multiline = 0;
	ui_edit_start(&edit, NULL);
	selected = top = 0;
	search_again(ui);
}

/* One match: number, text; hidden questions dimmed. */
static void
find_row(struct ui *ui, size_t i, int y, int x, int width, attr_t a)
{
	size_t qi = matches[i];
	char *number = interview_number(ui->session->form, qi);
	int hidden = !interview_visible(ui->session, qi);

	if (hidden && i != selected)
		a = ui->attrs[ROLE_DIM];
	ui_put(y, x, 6, number, a);
	ui_putf(y, x + 7, width - 7, a, "%s%s", ui->session->form->questions[qi].text,
	        hidden ? " (ausgeblendet)" : "");
	free(number);
}

/* Draw the search line and the matches. */
static void
find_draw(struct ui *ui)
{
	static const char *const keys[] = {
	    "Enter", "zur Frage", "↑↓", "wählen", "Esc", "zurück", "1", "Hilfe", NULL};
	char *right = NULL;

	if (edit.len > 0)
		right = xasprintf("%zu %s", total, total == 1 ? "Treffer" : "Treffer");
	ui_frame(ui, "Frage suchen", right, keys);
	free(right);
	ui_put(1, 1, ui->cols - 2, "Nummer (z. B. 3.7) oder Wörter aus der Frage tippen:",
	       ui->attrs[ROLE_DIM]);
	ui_edit_draw(&edit, 2, 1, ui->cols - 2, ui->attrs[ROLE_SELECTED]);
	if (edit.len > 0 && match_count == 0)
		ui_put(4, 1, ui->cols - 2, "Keine Frage passt.", ui->attrs[ROLE_ERROR]);
	ui_list_draw(ui, 4, 1, ui->cols - 2, ui->rows - 7, match_count, selected, &top,
	             find_row);
}

/* Keys: typing searches, ↑/↓ choose, Enter jumps, Esc goes back. */
static int
find_key(struct ui *ui, int key)
{
	int r = ui_list_key(&selected, match_count, key, ui->rows / 2);

	if (r != 0)
		return r;
	switch (key) {
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		if (match_count == 0) {
			ui_message(ui, 1,
			           "Keine Frage gefunden – Nummer wie 3.7 oder ein Wort");
			return UI_HANDLED | UI_REDRAW;
		}
		{
			size_t q = matches[selected];
			ui_edit_stop(&edit);
			ui_switch(ui, &ui_interview_screen);
			ui_interview_go(ui, q);
		}
		return UI_HANDLED | UI_REDRAW;
	case UI_ESC:
		ui_edit_stop(&edit);
		ui_back(ui);
		return UI_HANDLED | UI_REDRAW;
	default:
		break;
	}
	if (ui_edit_key(&edit, key) == EDIT_CHANGED) {
		selected = top = 0;
		search_again(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
}

const struct ui_screen ui_find_screen = {
    .name = "Frage suchen",
    .init = find_init,
    .draw = find_draw,
    .key = find_key,
    .resize = NULL,
    .flush = NULL,
};
