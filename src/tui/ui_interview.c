/*
 * ui_interview.c: the Prüfgespräch screen: header with Kommune, the phase
 * and overall progress, the Handlungsfelder at the side (from 80 columns),
 * the question with its answer widget, evidence hint, help on demand and
 * note; points only where screen_points_shown allows (so not while the
 * Gespräch hides them). How a question is answered (a list, a typed value
 * or free text, what may be typed, the hint, the list rows and their
 * values) comes from the model's question-kind table (kind.h), never from
 * the question's type. Answers are saved the moment they are chosen
 * (save_change); navigation uses interview.c so hidden follow-ups are
 * skipped. Draw only reads the state.
 *
 * One rule for every answer type: a key that chooses an answer (j, n, e, a
 * digit, Leertaste) saves it and stays on the question; Enter saves what is
 * typed or highlighted and goes to the next question. Enter on a list whose
 * highlight was not moved only goes on: nothing is chosen by itself. A value
 * typed but not confirmed is saved when the question is left by any key, or
 * kept for correction when it is invalid (the screen's flush).
 *
 * Under the answer stands the town's statement from its
 * Dokumentationstabelle (model/town.h), when it made one; Strg-K takes the
 * town's answer over as the auditor's.
 *
 * In a re-audit that keeps its previous audit, a line under the answer says
 * what the town answered then (with its points where screen_points_shown
 * allows), mapped across Prüfbogen editions (compare_then); v (Strg-V on a
 * text question) takes it over as this audit's answer, an explicit act
 * saved like any answer (edition_previous_value + save_change).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/history.h"
#include "model/compare.h"
#include "model/interview.h"
#include "model/kind.h"
#include "model/score.h"
#include "model/vocab.h"
#include "model/town.h"
#include "tui/edit.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/text.h"

#define SIDE_WIDTH 24

/* The answer widget of the current question. */
struct interview {
	size_t question; /* the question the widget belongs to */
	int highlight;   /* highlighted row of a list */
	int moved;     /* the highlight was moved by ↑/↓ since the question showed */
	int show_help; /* the question's Erläuterung is shown (kept across questions) */
	struct ui_edit edit;
};

/* The current question. */
static const struct form_question *
current(const struct ui *ui)
{
	return &ui->session->form->questions[ui->question];
}

/* The saved answer of the current question. */
static const struct answer *
saved(const struct ui *ui)
{
	return &ui->session->items[ui->question].answer;
}

/* Whether j and n pick the rows Ja and Nein. The kind table has no hook for
 * letters that pick a list row, so this one question type is named here. */
static int
yes_no_keys(const struct form_question *q)
{
	return q->type == QUESTION_YESNO;
}

/* Columns of the typed answer's editor. */
static int
answer_width(const struct ui *ui)
{
	int x = ui->cols >= UI_SIDE_COLS ? SIDE_WIDTH + 1 : 1;

	return ui->cols - x - 1 - 9;
}

/* A fresh widget for the current question. */
static void
reset(struct ui *ui, struct interview *st)
{
	int r = kind_list_row(current(ui), saved(ui));

	st->question = ui->question;
	st->highlight = r < 0 ? 0 : r;
	st->moved = 0;
	st->edit.multiline = 0;
	edit_stop(&st->edit);
	edit_layout(&st->edit, answer_width(ui), 1);
}

/* The state, when there is a question to answer (its widget up to date). */
static struct interview *
ready(struct ui *ui, void *state)
{
	struct interview *st = state;

	if (ui->session == NULL || ui->session->form->question_count == 0)
		return NULL;
	if (st->question != ui->question)
		reset(ui, st);
	return st;
}

void
ui_interview_go(struct ui *ui, size_t qi)
{
	struct interview *st = screen_state(ui, &ui_interview_screen);

	if (ui->session == NULL || qi >= ui->session->form->question_count || st == NULL)
		return;
	ui->question = qi;
	save_cursor(ui, qi);
	reset(ui, st);
}

/* Entering the screen. */
static void *
interview_init(struct ui *ui, void *state)
{
	struct interview *st = state != NULL ? state : xcalloc(1, sizeof *st);

	if (ui->session == NULL || ui->session->form->question_count == 0)
		return st;
	if (!interview_visible(ui->session, ui->question))
		ui->question = interview_resume(ui->session);
	save_cursor(ui, ui->question);
	reset(ui, st);
	return st;
}

/* Free the state. */
static void
interview_free(void *state)
{
	struct interview *st = state;

	edit_stop(&st->edit);
	free(st);
}

/* The terminal size changed: the editor's view. */
static void
interview_resize(struct ui *ui, void *state)
{
	struct interview *st = state;

	edit_layout(&st->edit, answer_width(ui), 1);
}

/* Go to the next shown question, or say that this was the last one. */
static void
advance(struct ui *ui)
{
	size_t next, open;
	char *before;

	if (interview_next(ui->session, ui->question, &next)) {
		ui_interview_go(ui, next);
		return;
	}
	if (ui->save_failed)
		return;
	before = xstrdup(ui->status != NULL ? ui->status : "");
	if (interview_next_open(ui->session, ui->question, &open))
		screen_message(
		    ui, 0, "%s – letzte Frage. Tab: nächste offene Frage, F6: Ergebnis",
		    before);
	else
		screen_message(
		    ui, 0,
		    "%s – alle Fragen beantwortet. F7: Entwicklungsziele, F6: Ergebnis",
		    before);
	free(before);
}

/*
 * Save value for the current question (checked first, so a refusal says
 * what to type without any record key); with go, move on. 0, or -1 with the
 * reason in the status line and the widget unchanged.
 */
static int
save_answer(struct ui *ui, struct interview *st, const char *value, int go)
{
	struct answer parsed = {0};
	char *why = NULL;

	if (answer_parse(current(ui), value, &parsed, &why) != 0) {
		screen_message(ui, 1, "%s", why);
		free(why);
		return -1;
	}
	answer_clear(&parsed);
	if (save_change(ui, current(ui)->full_id, value) != 0)
		return -1;
	save_date_warning(ui, current(ui)->full_id);
	reset(ui, st);
	if (go)
		advance(ui);
	return 0;
}

/* Pick list row (a multi question: tick or untick it) and save. */
static int
save_row(struct ui *ui, struct interview *st, int row, int go)
{
	char *value = kind_list_value(current(ui), saved(ui), row);

	st->highlight = row;
	if (save_answer(ui, st, value, go) == 0 && kind_list_multiple(current(ui)))
		st->highlight = row; /* ticking stays on the row */
	free(value);
	return UI_HANDLED | UI_REDRAW;
}

/* A printable key that cannot be typed here: say what can. */
static int
refuse_typing(struct ui *ui)
{
	char *what = answer_expected(current(ui));

	screen_message(ui, 1, "Hier bitte %s eingeben", what);
	free(what);
	return UI_HANDLED | UI_REDRAW;
}

/* Save what the editor holds; with go, move on. 0, or -1 (kept, reason shown). */
static int
save_typed(struct ui *ui, struct interview *st, int go)
{
	char *text = edit_text(&st->edit);
	int r;

	if (text[0] == '\0') {
		/* an emptied field changes nothing; Entf deletes an answer */
		free(text);
		edit_stop(&st->edit);
		if (saved(ui)->state != ANSWER_OPEN)
			screen_message(
			    ui, 0, "Leere Eingabe: Antwort unverändert (löschen: Entf)");
		if (go)
			advance(ui);
		return 0;
	}
	r = save_answer(ui, st, text, go);
	free(text);
	return r;
}

/* Start the editor with text (NULL: empty). */
static void
start_editor(struct ui *ui, struct interview *st, const char *text)
{
	edit_start(&st->edit, text);
	edit_layout(&st->edit, answer_width(ui), 1);
}

/* While the editor is open it takes the keys: what the question's kind
 * cannot take is refused, Enter saves and goes on, Esc drops the input. */
static int
interview_editing(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);

	if (st == NULL || !st->edit.active)
		return 0;
	if (keys_printable(key) && !kind_typeable(current(ui), (uint32_t)key,
	                                          st->edit.replace ? 0 : st->edit.pos))
		return refuse_typing(ui);
	edit_layout(&st->edit, answer_width(ui), 1);
	switch (edit_key(&st->edit, key)) {
	case EDIT_COMMIT:
		save_typed(ui, st, 1);
		return UI_HANDLED | UI_REDRAW;
	case EDIT_CANCEL:
		edit_stop(&st->edit);
		screen_message(ui, 0, "Eingabe verworfen");
		return UI_HANDLED | UI_REDRAW;
	case EDIT_CHANGED:
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

/* The state when the question is answered from a list. */
static struct interview *
listed(struct ui *ui, void *state)
{
	struct interview *st = ready(ui, state);

	return st != NULL && kind_input(current(ui)) == KIND_INPUT_LIST ? st : NULL;
}

/* The state when the question is answered by typing. */
static struct interview *
typed(struct ui *ui, void *state)
{
	struct interview *st = ready(ui, state);

	return st != NULL && kind_input(current(ui)) != KIND_INPUT_LIST ? st : NULL;
}

/* e, Strg-E: entfällt (on a text question e types itself). */
static int
interview_na(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);

	if (st == NULL || (key == 'e' && kind_input(current(ui)) == KIND_INPUT_TEXT))
		return 0;
	if (!current(ui)->na_allowed) {
		if (kind_input(current(ui)) == KIND_INPUT_LIST)
			screen_message(ui, 1,
			               "„entfällt“ ist bei dieser Frage nicht erlaubt");
		else
			refuse_typing(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	st->highlight = kind_list_rows(current(ui)) - 1;
	save_answer(ui, st, ANSWER_NA_VALUE, 0);
	return UI_HANDLED | UI_REDRAW;
}

/* h: the Erläuterung on and off (on a text question h types itself). */
static int
interview_toggle_help(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);

	(void)key;
	if (st == NULL || kind_input(current(ui)) == KIND_INPUT_TEXT)
		return 0;
	st->show_help = !st->show_help;
	return UI_HANDLED | UI_REDRAW;
}

/* The answer to „Antwort … löschen?“. */
static void
delete_yes(struct ui *ui, void *arg)
{
	if (save_change(ui, current(ui)->full_id, NULL) == 0) {
		reset(ui, arg);
		screen_message(ui, 0, "Antwort gelöscht; die Frage ist wieder offen");
	}
}

/* Entf: ask, then delete the answer (the question is open again). */
static int
interview_delete(struct ui *ui, void *state, int key)
{
	static const int yes[3] = {'j', 'J', UI_KEY(KEY_DC)};
	struct interview *st = ready(ui, state);
	char *label, *question;

	(void)key;
	if (st == NULL)
		return 0;
	if (saved(ui)->state == ANSWER_OPEN)
		return UI_HANDLED;
	label = answer_display(current(ui), saved(ui));
	question = xasprintf("Antwort „%.40s%s“ löschen? j oder Entf: löschen, andere "
	                     "Taste: behalten",
	                     label, strlen(label) > 40 ? "…" : "");
	screen_ask(ui, question, yes, delete_yes, st, "Antwort behalten");
	free(question);
	free(label);
	return UI_HANDLED | UI_REDRAW;
}

/* ↑ ←: the row above. */
static int
interview_prev_row(struct ui *ui, void *state, int key)
{
	struct interview *st = listed(ui, state);

	(void)key;
	if (st == NULL)
		return 0;
	if (st->highlight > 0)
		st->highlight--;
	st->moved = 1;
	return UI_HANDLED | UI_REDRAW;
}

/* ↓ →: the row below. */
static int
interview_next_row(struct ui *ui, void *state, int key)
{
	struct interview *st = listed(ui, state);

	(void)key;
	if (st == NULL)
		return 0;
	if (st->highlight < kind_list_rows(current(ui)) - 1)
		st->highlight++;
	st->moved = 1;
	return UI_HANDLED | UI_REDRAW;
}

/* Leertaste: pick (or tick) the highlighted row. */
static int
interview_space(struct ui *ui, void *state, int key)
{
	struct interview *st = listed(ui, state);

	(void)key;
	if (st == NULL)
		return 0;
	return save_row(ui, st, st->highlight, 0);
}

/* Enter: save the highlighted row and go on; nothing moved: only go on. */
static int
interview_enter(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);

	(void)key;
	if (st == NULL)
		return 0;
	if (kind_input(current(ui)) != KIND_INPUT_LIST || !st->moved) {
		/* nothing typed or chosen: keep the answer and go on */
		advance(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	if (!kind_list_multiple(current(ui)))
		return save_row(ui, st, st->highlight, 1);
	if (saved(ui)->state == ANSWER_OPEN) {
		/* moved through the options, ticked none: "keine Auswahl" */
		save_answer(ui, st, "", 1);
		return UI_HANDLED | UI_REDRAW;
	}
	advance(ui);
	return UI_HANDLED | UI_REDRAW;
}

/* j, n: Ja or Nein. */
static int
interview_yes_no(struct ui *ui, void *state, int key)
{
	struct interview *st = listed(ui, state);

	if (st == NULL || !yes_no_keys(current(ui)))
		return 0;
	return save_row(ui, st, key == 'j' ? 0 : 1, 0);
}

/* A digit: pick (or tick) that row. */
static int
interview_digit(struct ui *ui, void *state, int key)
{
	struct interview *st = listed(ui, state);
	const struct form_question *q;
	int first, options, row;

	if (st == NULL)
		return 0;
	q = current(ui);
	first = kind_list_first_digit(q);
	options = kind_list_options(q);
	row = key - '0' - first;
	if (row >= 0 && row < options)
		return save_row(ui, st, row, 0);
	if (row == options && kind_list_rows(q) > options)
		return save_row(ui, st, row, 0); /* the "entfällt" row's number */
	screen_message(ui, 1, "Keine Option %c – bitte %s wählen", key,
	               first == 0 ? (options == 2 ? "0 oder 1" : "einen Wert der Liste")
	                          : "eine Nummer der Liste");
	return UI_HANDLED | UI_REDRAW;
}

/* t (on a date question): a value the kind offers for the key, to edit. */
static int
interview_shortcut(struct ui *ui, void *state, int key)
{
	struct interview *st = typed(ui, state);
	char *text;

	if (st == NULL || (text = kind_shortcut(current(ui), (uint32_t)key)) == NULL)
		return 0;
	start_editor(ui, st, text);
	free(text);
	return UI_HANDLED | UI_REDRAW;
}

/* →, Rücktaste: the saved value into the editor, to correct it. */
static int
interview_correct(struct ui *ui, void *state, int key)
{
	struct interview *st = typed(ui, state);
	char *v;

	if (st == NULL)
		return 0;
	v = answer_editable(current(ui), saved(ui));
	start_editor(ui, st, v);
	st->edit.replace = 0;
	free(v);
	if (key != UI_KEY(KEY_RIGHT))
		edit_key(&st->edit, key);
	return UI_HANDLED | UI_REDRAW;
}

/* A character: typed into the answer (replacing the saved value), or on a
 * list a hint which keys choose. */
static int
interview_type(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);

	if (st == NULL)
		return 0;
	if (kind_input(current(ui)) == KIND_INPUT_LIST) {
		screen_message(ui, 1,
		               "Taste %lc: Auswahl mit ↑/↓ und Leertaste, Ziffer oder %s",
		               (wint_t)key, yes_no_keys(current(ui)) ? "j/n" : "Enter");
		return UI_HANDLED | UI_REDRAW;
	}
	if (!kind_typeable(current(ui), (uint32_t)key, 0))
		return refuse_typing(ui);
	start_editor(ui, st, NULL); /* typing replaces the saved value */
	edit_key(&st->edit, key);
	return UI_HANDLED | UI_REDRAW;
}

/* Strg-K: the town's answer (Dokumentationstabelle) becomes the answer. */
static int
interview_take_town(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);
	char *why = NULL, *label, *saved_msg;
	int rc;

	(void)key;
	if (st == NULL)
		return 0;
	if (save_reason_needed(ui, current(ui)->full_id))
		return UI_HANDLED | UI_REDRAW;
	rc = town_take_answer(ui->session, ui->question, &why);
	if (rc < 0) {
		screen_message(ui, 1, "%s", why);
		free(why);
		return UI_HANDLED | UI_REDRAW;
	}
	label = answer_display(current(ui), saved(ui));
	if (rc > 0) {
		screen_message(ui, 0, "Die Antwort ist schon die Angabe der Kommune (%s)",
		               label);
		free(label);
		return UI_HANDLED | UI_REDRAW;
	}
	reset(ui, st);
	if (save_now(ui) == 0) {
		saved_msg = xstrdup(ui->status != NULL ? ui->status : "");
		screen_message(ui, 0, "Angabe der Kommune übernommen: %s · %s", label,
		               saved_msg);
		free(saved_msg);
		save_date_warning(ui, current(ui)->full_id);
	}
	free(label);
	return UI_HANDLED | UI_REDRAW;
}

/* v, Strg-V: the previous audit's answer, mapped into this edition, becomes
 * the answer (on a text question v types itself). */
static int
interview_take_previous(struct ui *ui, void *state, int key)
{
	struct interview *st = ready(ui, state);
	const struct session *prev;
	struct edition_map map;
	char *value = NULL, *why = NULL, *now = NULL;
	int rc;

	if (st == NULL || (key == 'v' && kind_input(current(ui)) == KIND_INPUT_TEXT))
		return 0;
	prev = ui->session->previous;
	if (prev == NULL) {
		screen_message(ui, 1,
		               "Kein vorheriges Audit gespeichert (Re-Audit: mit F8 "
		               "verknüpfen)");
		return UI_HANDLED | UI_REDRAW;
	}
	edition_map_build(prev->form, ui->session->form, &map);
	rc = edition_previous_value(&map, prev, ui->question, &value, &why);
	edition_map_free(&map);
	if (rc == 0) {
		screen_message(ui, 1,
		               "Zu dieser Frage gibt es keine Antwort aus dem letzten "
		               "Audit");
	} else if (rc < 0) {
		screen_message(ui, 1, "Letztes Audit: %s", why);
		free(why);
	} else {
		if (saved(ui)->state != ANSWER_OPEN)
			now = answer_format(current(ui), saved(ui));
		if (now != NULL && strcmp(now, value) == 0)
			screen_message(ui, 0,
			               "Die Antwort ist schon die des letzten Audits");
		else if (save_answer(ui, st, value, 0) == 0 && !ui->save_failed) {
			/* the status line says „Gespeichert HH:MM:SS“: keep it */
			char *saved_at = xstrdup(ui->status != NULL ? ui->status : "");
			screen_message(ui, 0,
			               "Antwort aus dem letzten Audit übernommen – %s",
			               saved_at);
			free(saved_at);
		}
		free(now);
		free(value);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* The screen's keys; the help lists them under „Antworten im Prüfgespräch“. */
static const struct ui_binding interview_bindings[] = {
    {UI_KEYS_ANY, 0, NULL, NULL, NULL, interview_editing},
    {UI_KEY(KEY_UP), UI_KEY(KEY_LEFT), "↑ ↓ ← →", NULL,
     "Auswahl bewegen (Ja/Nein, Auswahl, Mehrfachauswahl, Skala)", interview_prev_row},
    {UI_KEY(KEY_DOWN), UI_KEY(KEY_RIGHT), NULL, NULL, NULL, interview_next_row},
    {'j', 'n', "j / n", NULL, "Ja / Nein: speichern, auf der Frage bleiben",
     interview_yes_no},
    {UI_KEYS_DIGIT, 0, "1 … 9", NULL,
     "Option N wählen und speichern (Skala: Wert N; Mehrfachauswahl: an/aus)",
     interview_digit},
    {' ', 0, "Leertaste", NULL, "markierte Auswahl speichern; Mehrfachauswahl: an/aus",
     interview_space},
    {UI_CTRL('e'), 'e', "e, Strg-E", NULL,
     "entfällt, wo der Prüfbogen es erlaubt (bei Textfragen nur Strg-E)", interview_na},
    {'\n', 0, "Enter", NULL,
     "Getipptes oder markierte Auswahl speichern und zur nächsten Frage; ohne "
     "Auswahl nur weiter",
     interview_enter},
    {'t', 0, "t", NULL, "Datumsfrage: heutiges Datum eintragen", interview_shortcut},
    {UI_KEY(KEY_RIGHT), UI_BACKSPACE, "→, Rücktaste", NULL,
     "gespeicherten Wert zum Korrigieren in die Eingabe holen", interview_correct},
    {UI_KEY(KEY_DC), 0, "Entf", NULL, "Antwort löschen (fragt vorher; wieder offen)",
     interview_delete},
    {'h', 0, "h", NULL, "Erläuterung zur Frage ein/aus", interview_toggle_help},
    {UI_CTRL('k'), 0, "Strg-K", NULL,
     "Angabe der Kommune (aus ihrer Dokumentationstabelle) als Antwort übernehmen "
     "und speichern",
     interview_take_town},
    {'v', UI_CTRL('v'), "v, Strg-V", NULL,
     "Re-Audit: die Antwort aus dem letzten Audit übernehmen (bei Textfragen nur "
     "Strg-V)",
     interview_take_previous},
    {UI_KEYS_TEXT, 0, "Ziffern, Text", NULL,
     "Zahl, Datum (TT.MM.JJJJ, auch 14.3.26) oder Text tippen; Tippen ersetzt den "
     "alten Wert",
     interview_type},
};

/* Save a typed, unconfirmed answer before the question is left. */
static int
interview_flush(struct ui *ui, void *state, int quitting)
{
	struct interview *st = state;

	(void)quitting;
	if (ui->session == NULL || ui->session->form->question_count == 0 ||
	    st->question != ui->question || !st->edit.active)
		return 0;
	if (!st->edit.changed) {
		edit_stop(&st->edit);
		return 0;
	}
	return save_typed(ui, st, 0);
}

/* The Handlungsfelder with status and points (without Sonderpunkte), at the side. */
static void
draw_side(const struct ui *ui, int y0, int height)
{
	const struct form *f = ui->session->form;
	size_t cur = f->questions[ui->question].section;
	int y = y0;

	for (size_t i = 0; i < f->section_count && y + 1 < y0 + height; i++) {
		struct interview_progress p;
		attr_t a = frame_row_attr(ui, i == cur);
		interview_progress(ui->session, i, &p);
		text_fill(y, 0, SIDE_WIDTH - 1, a);
		text_putf(y, 1, SIDE_WIDTH - 2, a | A_BOLD, "%zu %s", i + 1,
		          f->sections[i].title);
		if (p.open == 0 && p.shown > 0 && !screen_points_shown(ui))
			text_put(y + 1, 3, SIDE_WIDTH - 4, "✓ fertig",
			         ui->attrs[ROLE_OK]);
		else if (p.open == 0 && p.shown > 0)
			text_putf(y + 1, 3, SIDE_WIDTH - 4, ui->attrs[ROLE_OK],
			          "✓ fertig · %d/%d P.", p.points, p.max);
		else if (!screen_points_shown(ui))
			text_putf(y + 1, 3, SIDE_WIDTH - 4, ui->attrs[ROLE_NORMAL],
			          "%zu offen", p.open);
		else
			text_putf(y + 1, 3, SIDE_WIDTH - 4, ui->attrs[ROLE_NORMAL],
			          "%zu offen · %d/%d P.", p.open, p.points, p.max);
		y += 2;
	}
	for (int r = y0; r < y0 + height; r++)
		mvaddch(r, SIDE_WIDTH - 1, ACS_VLINE);
}

/* The list widget with row highlight highlighted; returns rows used. */
static int
draw_list(const struct ui *ui, const struct form_question *q, const struct answer *a,
          int highlight, int y, int x, int w, int max_rows)
{
	int rows = kind_list_rows(q), options = kind_list_options(q), first = 0;
	int multiple = kind_list_multiple(q), digit = kind_list_first_digit(q);

	if (rows > max_rows && highlight >= max_rows)
		first = highlight - max_rows + 1;
	for (int i = first; i < rows && i - first < max_rows; i++) {
		int on = kind_list_ticked(q, a, i);
		const char *mark = multiple ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )");
		char k[16];
		attr_t at = frame_row_attr(ui, i == highlight);
		if (i >= options)
			snprintf(k, sizeof k, "e");
		else
			snprintf(k, sizeof k, "%d", digit + i);
		text_fill(y + i - first, x, w, at);
		text_putf(y + i - first, x, w, at | (on ? A_BOLD : 0), "%s %s %s", mark,
		          k, kind_list_label(q, i));
	}
	return rows - first < max_rows ? rows - first : max_rows;
}

/* The evidence line under the answer (caller frees). */
static char *
evidence_line(const struct ui *ui, const struct form_question *q,
              const struct session_item *it)
{
	char today[11], *due, *e;

	if (it->evidence == EVIDENCE_DUE) {
		date_today(today);
		due = date_display(it->evidence_due);
		e = xasprintf("Nachweis: %s [nachzureichen bis %s%s]", q->evidence,
		              due != NULL ? due : "?",
		              score_evidence_overdue(ui->session, ui->question, today)
		                  ? " – überfällig"
		                  : "");
		free(due);
		return e;
	}
	if (it->evidence == EVIDENCE_MISSING && screen_points_shown(ui) &&
	    score_conditional(ui->session, ui->question))
		return xasprintf("Nachweis: %s [fehlt – Punkte nur unter Vorbehalt]",
		                 q->evidence);
	if (it->evidence != EVIDENCE_NONE)
		return xasprintf("Nachweis: %s [%s]", q->evidence,
		                 session_evidence_name(it->evidence));
	return xasprintf("Nachweis: %s", q->evidence);
}

/* The title row's right part: the phase, progress and (when they may be
 * shown) points, Sonderpunkte said apart; without the word "beantwortet"
 * when all of it does not fit the half of the row the frame gives it.
 * Caller frees. */
static char *
header_right(const struct ui *ui)
{
	const struct session *s = ui->session;
	const char *phase = vocab_phase.items[session_phase(s)].label;
	struct interview_progress all;
	struct score_result r;
	struct buf points = {0};
	char *right;

	interview_progress(s, (size_t)-1, &all);
	buf_adds(&points, "");
	if (screen_points_shown(ui)) {
		score_compute(s, &r);
		if (r.bonus > 0)
			buf_printf(&points, " · %d P. + %d Sonderp.", r.total - r.bonus,
			           r.bonus);
		else
			buf_printf(&points, " · %d P.", r.total);
		score_result_free(&r);
	}
	right = xasprintf("%s · %zu/%zu beantwortet%s", phase, all.answered, all.shown,
	                  points.data);
	if (text_width(right) > ui->cols / 2) {
		free(right);
		right = xasprintf("%s · %zu/%zu%s", phase, all.answered, all.shown,
		                  points.data);
	}
	buf_free(&points);
	return right;
}

/* The question line: its place, number, kind and points. */
static void
draw_question_line(const struct ui *ui, int y, int x, int w)
{
	const struct session *s = ui->session;
	const struct form_question *q = current(ui);
	char *number = interview_number(s->form, ui->question);
	char *pts = q->max_points > 0 && screen_points_shown(ui)
	                ? xasprintf(" · bis %d P.", q->max_points)
	                : xstrdup("");
	size_t num, tot;

	interview_position(s, ui->question, &num, &tot);
	if (num > 0)
		text_putf(y, x, w, ui->attrs[ROLE_DIM] | A_BOLD,
		          "Frage %zu/%zu · Nr. %s · %s%s%s", num, tot, number,
		          kind_label(q), pts, q->na_allowed ? " · entfällt möglich" : "");
	else
		text_putf(y, x, w, ui->attrs[ROLE_ERROR],
		          "Frage Nr. %s ausgeblendet (Bedingung nicht erfüllt) · %s%s",
		          number, kind_label(q), pts);
	free(pts);
	free(number);
}

/* A typed answer: the editor or the saved value, the hint and, for a scale
 * with labels, what each value means. Returns the next row. */
static int
draw_typed(const struct ui *ui, const struct interview *st, int y, int x, int w,
           int bottom)
{
	const struct form_question *q = current(ui);
	const struct answer *a = saved(ui);
	char *hint = kind_hint(q);

	if (st != NULL && st->edit.active) {
		text_put(y, x, 9, "Antwort:", A_BOLD);
		edit_draw(&st->edit, y, x + 9, w - 9, ui->attrs[ROLE_SELECTED]);
	} else {
		char *l = answer_display(q, a);
		char *t = xasprintf("Antwort: %s", l);
		/* free text may run over a few rows */
		y += text_wrap(y, x, w, kind_input(q) == KIND_INPUT_TEXT ? 4 : 1, t,
		               a->state == ANSWER_OPEN ? ui->attrs[ROLE_DIM] : A_BOLD) -
		     1;
		free(t);
		free(l);
	}
	y++;
	y += text_wrap(y, x, w, 2, hint, ui->attrs[ROLE_DIM]);
	free(hint);
	for (size_t i = 0;
	     q->scale_labels != NULL && i < q->scale_label_count && y < bottom - 1; i++) {
		int on = a->state == ANSWER_GIVEN && a->number == (long)i;
		text_putf(y++, x + 2, w - 2, on ? A_BOLD : ui->attrs[ROLE_NORMAL],
		          "%s %zu = %s", on ? "▸" : " ", i, q->scale_labels[i]);
	}
	return y;
}

/* The town's statement on the current question, when it made one: "Angabe
 * der Kommune: Ja – …, Nachweis: …", red where the answer differs, with the
 * key that takes it over while it is not the answer. Returns the next row. */
static int
draw_town(const struct ui *ui, const struct session_item *it, int y, int x, int w,
          int bottom)
{
	char *statement = town_statement(ui->session, ui->question), *line;
	int differs = town_differs(ui->session, ui->question);
	int offer = ui->session->town->items[ui->question].answer.state != ANSWER_OPEN &&
	            (differs || it->answer.state == ANSWER_OPEN);

	if (statement == NULL || y >= bottom)
		return y;
	line = xasprintf("%s%s: %s%s", TOWN_ANSWER_LABEL, differs ? " (weicht ab)" : "",
	                 statement, offer ? " · Strg-K übernimmt" : "");
	y += text_wrap(y, x, w, bottom - y > 2 ? 2 : bottom - y, line,
	               differs ? ui->attrs[ROLE_ERROR] : ui->attrs[ROLE_NORMAL] | A_BOLD);
	free(line);
	free(statement);
	return y;
}

/* The line under the answer in a re-audit (two rows when it is long): the
 * previous audit's answer to this question and, where they may be shown,
 * its points. Returns the rows used (0 without a previous audit). */
static int
draw_previous(const struct ui *ui, int y, int x, int w)
{
	const struct session *s = ui->session, *prev = s->previous;
	const struct form_question *q = current(ui);
	struct edition_map map;
	struct compare_then then;
	struct buf b = {0};
	char *date;
	int rows;

	if (prev == NULL)
		return 0;
	edition_map_build(prev->form, s->form, &map);
	compare_then(&map, prev, ui->question, &then);
	date = date_display(prev->meta.datum);
	buf_printf(&b, "Letztes Audit %s: ", date != NULL ? date : "?");
	if (!then.exists)
		buf_adds(&b, "neu in dieser Fassung des Prüfbogens");
	else if (!then.asked)
		buf_adds(&b, "nicht beantwortet");
	else
		buf_adds(&b, then.answer);
	if (then.asked && screen_points_shown(ui) && then.points.max > 0)
		buf_printf(&b, " · %d/%d P.", then.points.points, then.points.max);
	if (then.exists && then.fate != EDITION_SAME)
		buf_printf(&b, " [%s]", edition_fate_name(then.fate));
	if (then.asked)
		buf_printf(&b, " – %s übernimmt",
		           kind_input(q) == KIND_INPUT_TEXT ? "Strg-V" : "v");
	rows = text_wrap(y, x, w, 2, b.data, ui->attrs[ROLE_DIM] | A_BOLD);
	buf_free(&b);
	free(date);
	compare_then_free(&then);
	edition_map_free(&map);
	return rows;
}

/* Draw the interview screen. */
static void
interview_draw(const struct ui *ui, const void *state)
{
	const struct session *s = ui->session;
	const struct interview *widget = state;
	/* a widget that belongs to another question is drawn as a fresh one */
	const struct interview *st = widget->question == ui->question ? widget : NULL;
	const struct form_question *q;
	const struct session_item *it;
	int side = ui->cols >= UI_SIDE_COLS, x, w, y, bottom;
	char *right, *label;

	if (s == NULL)
		return;
	if (s->form->question_count == 0) {
		frame_draw(ui, "Prüfgespräch", NULL);
		text_put(2, 1, ui->cols - 2, "Dieser Prüfbogen enthält keine Fragen.",
		         ui->attrs[ROLE_ERROR]);
		return;
	}
	q = current(ui);
	it = &s->items[ui->question];
	right = header_right(ui);
	label = xasprintf("Prüfgespräch – %s",
	                  s->meta.kommune != NULL ? s->meta.kommune : "");
	frame_draw(ui, label, right);
	free(right);
	free(label);
	bottom = ui->rows - 3; /* last row for content */
	if (side)
		draw_side(ui, 1, bottom);
	x = side ? SIDE_WIDTH + 1 : 1;
	w = ui->cols - x - 1;
	if (side) {
		text_putf(1, x, w, ui->attrs[ROLE_TITLE], "Handlungsfeld %zu/%zu: %s",
		          q->section + 1, s->form->section_count,
		          s->form->sections[q->section].title);
	} else {
		/* no side list: the Handlungsfeld's progress goes into its title row */
		struct interview_progress p;
		interview_progress(s, q->section, &p);
		text_putf(1, x, w, ui->attrs[ROLE_TITLE],
		          "Handlungsfeld %zu/%zu: %s (%zu offen)", q->section + 1,
		          s->form->section_count, s->form->sections[q->section].title,
		          p.open);
	}
	y = 2;
	draw_question_line(ui, y++, x, w);
	y += text_wrap(y, x, w, bottom - y - 4, q->text, A_BOLD);
	y++;
	/* answer widget */
	if (kind_input(q) == KIND_INPUT_LIST) {
		int r = kind_list_row(q, &it->answer);
		int highlight = st != NULL ? st->highlight : r < 0 ? 0 : r;
		/* a re-audit keeps a row for the previous answer */
		int room = bottom - y - 1 - 2 * (s->previous != NULL);
		if (room < 2)
			room = 2;
		y += draw_list(ui, q, &it->answer, highlight, y, x, w, room);
	} else {
		y = draw_typed(ui, st, y, x, w, bottom);
	}
	if (y < bottom)
		y += draw_previous(ui, y, x, w);
	y++;
	/* the town's statement, then evidence, help, note: as far as room allows */
	y = draw_town(ui, it, y, x, w, bottom);
	if (q->evidence != NULL && y < bottom) {
		char *e = evidence_line(ui, q, it);
		y += text_wrap(y, x, w, bottom - y > 2 ? 2 : bottom - y, e,
		               ui->attrs[ROLE_NORMAL]);
		free(e);
	}
	if (q->help != NULL && y < bottom) {
		if (widget->show_help || kind_input(q) == KIND_INPUT_TEXT)
			y += text_wrap(y, x, w, bottom - y, q->help, ui->attrs[ROLE_DIM]);
		else
			text_put(y++, x, w, "h: Erläuterung anzeigen",
			         ui->attrs[ROLE_DIM]);
	}
	if (it->note != NULL && it->note[0] != '\0' && y <= bottom)
		text_putf(bottom, x, w, ui->attrs[ROLE_NORMAL], "Notiz: %s", it->note);
	else if (it->recommendation != NULL && it->recommendation[0] != '\0' &&
	         y <= bottom)
		text_putf(bottom, x, w, ui->attrs[ROLE_NORMAL], "Empfehlung: %s",
		          it->recommendation);
}

const struct ui_screen ui_interview_screen = {
    .name = "Prüfgespräch",
    .help_title = "Antworten im Prüfgespräch",
    .init = interview_init,
    .free = interview_free,
    .draw = interview_draw,
    .resize = interview_resize,
    .flush = interview_flush,
    .bindings = interview_bindings,
    .binding_count = BIND_COUNT(interview_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(2) | UI_BAR_F(3) | UI_BAR_F(4) | UI_BAR_F(5) |
                   UI_BAR_F(6) | UI_BAR_F(7) | UI_BAR_F(8) | UI_BAR_F(10),
};
