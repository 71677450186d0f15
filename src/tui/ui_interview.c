/*
 * ui_interview.c: the Prüfgespräch screen: header with Kommune and overall
 * progress, the Handlungsfelder at the side (from 80 columns), the question
 * with its answer widget per type, evidence hint, help on demand and note.
 * Answers are saved through ui_set the moment they are chosen; navigation
 * uses interview.c so hidden follow-ups are skipped. Draw only reads state.
 *
 * One rule for every answer type: a key that chooses an answer (j, n, e, a
 * digit, Leertaste) saves it and stays on the question; Enter saves what is
 * typed or highlighted and goes to the next question. Enter on a list whose
 * highlight was not moved only goes on: nothing is chosen by itself. A value
 * typed but not confirmed is saved when the question is left by any key, or
 * kept for correction when it is invalid (ui_interview_flush).
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "lib/date.h"
#include "model/interview.h"
#include "model/score.h"
#include "tui/ui.h"
#include "tui/ui_interview.h"
#include "lib/util.h"

#define SIDE_WIDTH 24

static struct {
	size_t question; /* the question the widget state belongs to */
	int highlight;   /* highlighted row of a list widget */
	int moved; /* the highlight was moved by ↑/↓ since the question showed */
	int show_help;
	int confirm_delete; /* Entf asked whether to delete the answer */
	struct ui_edit edit;
} st;

/* The documentation of the answer keys, shown by the help screen. */
const struct ui_binding ui_answer_keys[] = {
    {0, 0, "↑ ↓ ← →", "Auswahl bewegen (Ja/Nein, Auswahl, Mehrfachauswahl, Skala)", NULL},
    {0, 0, "j / n", "Ja / Nein: speichern, auf der Frage bleiben", NULL},
    {0, 0, "1 … 9",
     "Option N wählen und speichern (Skala: Wert N; Mehrfachauswahl: an/aus)", NULL},
    {0, 0, "Leertaste", "markierte Auswahl speichern; Mehrfachauswahl: an/aus", NULL},
    {0, 0, "e, Strg-E",
     "entfällt, wo der Prüfbogen es erlaubt (bei Textfragen nur Strg-E)", NULL},
    {0, 0, "Enter",
     "Getipptes oder markierte Auswahl speichern und zur nächsten Frage; ohne "
     "Auswahl nur weiter",
     NULL},
    {0, 0, "Ziffern, Text",
     "Zahl, Datum (TT.MM.JJJJ, auch 14.3.26) oder Text tippen; Tippen ersetzt den "
     "alten Wert",
     NULL},
    {0, 0, "t", "Datumsfrage: heutiges Datum eintragen", NULL},
    {0, 0, "→, Rücktaste", "gespeicherten Wert zum Korrigieren in die Eingabe holen",
     NULL},
    {0, 0, "← → Pos1 Ende", "in der Eingabe: Cursor bewegen", NULL},
    {0, 0, "Rücktaste Entf", "in der Eingabe: Zeichen löschen", NULL},
    {0, 0, "Strg-U", "in der Eingabe: alles löschen", NULL},
    {0, 0, "Esc", "Eingabe verwerfen (die gespeicherte Antwort bleibt)", NULL},
    {0, 0, "Entf", "Antwort löschen (fragt vorher; wieder offen)", NULL},
    {0, 0, "h", "Erläuterung zur Frage ein/aus", NULL},
};
const size_t ui_answer_key_count = sizeof ui_answer_keys / sizeof ui_answer_keys[0];

/* The current question. */
static const struct form_question *
current(const struct ui *ui)
{
	return &ui->session->form->questions[ui->question];
}

/* Whether a scale question is answered from a list (values 0 … 9). */
static int
scale_listed(const struct form_question *q)
{
	return q->type == QUESTION_SCALE && q->scale_max <= 9;
}

/* Whether the type is answered by a list of options. */
static int
is_list(const struct form_question *q)
{
	return q->type == QUESTION_YESNO || q->type == QUESTION_CHOICE ||
	       q->type == QUESTION_MULTI || scale_listed(q);
}

/* Options of a list widget, without the "entfällt" row. */
static int
option_rows(const struct form_question *q)
{
	if (q->type == QUESTION_YESNO)
		return 2;
	if (q->type == QUESTION_SCALE)
		return q->scale_max + 1;
	return (int)q->option_count;
}

/* Rows of the list widget (options, plus "entfällt" for single choices). */
static int
list_rows(const struct form_question *q)
{
	int n = option_rows(q);

	if (q->type != QUESTION_MULTI && q->na_allowed)
		n++;
	return n;
}

/* Label of list row i. */
static const char *
row_label(const struct form_question *q, int i)
{
	if (i >= option_rows(q))
		return "entfällt";
	if (q->type == QUESTION_YESNO)
		return i == 0 ? "Ja" : "Nein";
	if (q->type == QUESTION_SCALE)
		return q->scale_labels != NULL && (size_t)i < q->scale_label_count
		           ? q->scale_labels[i]
		           : "";
	return q->options[i].label;
}

/* The key that chooses list row i, as shown before its label. */
static void
row_key(const struct form_question *q, int i, char out[16])
{
	if (i >= option_rows(q))
		snprintf(out, 16, "e");
	else
		snprintf(out, 16, "%d", q->type == QUESTION_SCALE ? i : i + 1);
}

/* The list row that shows the saved answer, or -1. */
static int
answer_row(const struct form_question *q, const struct answer *a)
{
	if (a->state == ANSWER_NA)
		return q->type == QUESTION_MULTI ? -1 : list_rows(q) - 1;
	if (a->state != ANSWER_GIVEN)
		return -1;
	if (q->type == QUESTION_YESNO)
		return a->number ? 0 : 1;
	if (q->type == QUESTION_CHOICE || q->type == QUESTION_SCALE)
		return (int)a->number;
	return -1;
}

/* Reset the widget for the current question. */
static void
reset_widget(struct ui *ui)
{
	const struct answer *a = &ui->session->items[ui->question].answer;
	int r = answer_row(current(ui), a);

	st.question = ui->question;
	st.highlight = r < 0 ? 0 : r;
	st.moved = 0;
	st.confirm_delete = 0;
	st.edit.multiline = 0;
	ui_edit_stop(&st.edit);
}

/* Show question qi. */
void
ui_interview_go(struct ui *ui, size_t qi)
{
	if (ui->session == NULL || qi >= ui->session->form->question_count)
		return;
	ui->question = qi;
	ui_set_cursor(ui, qi);
	reset_widget(ui);
}

/* Entering the screen. */
static void
interview_init(struct ui *ui)
{
	if (ui->session == NULL || ui->session->form->question_count == 0)
		return;
	if (!interview_visible(ui->session, ui->question))
		ui->question = interview_resume(ui->session);
	ui_set_cursor(ui, ui->question);
	reset_widget(ui);
}

/* The value of list row i in `set` syntax (caller frees). */
static char *
row_value(const struct form_question *q, int i)
{
	if (i >= option_rows(q))
		return xstrdup("entfaellt");
	if (q->type == QUESTION_YESNO)
		return xstrdup(i == 0 ? "ja" : "nein");
	if (q->type == QUESTION_SCALE)
		return xasprintf("%d", i);
	return xstrdup(q->options[i].id);
}

/* The multi answer for mask in `set` syntax (caller frees). */
static char *
multi_value(const struct form_question *q, uint64_t mask)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (size_t i = 0; i < q->option_count && i < 64; i++) {
		if (!(mask & ((uint64_t)1 << i)))
			continue;
		if (b.len > 0)
			buf_addc(&b, ',');
		buf_adds(&b, q->options[i].id);
	}
	return buf_steal(&b);
}

/* Go to the next shown question, or say that this was the last one. */
static void
advance(struct ui *ui)
{
	size_t next, open;
	char *saved;

	if (interview_next(ui->session, ui->question, &next)) {
		ui_interview_go(ui, next);
		return;
	}
	if (ui->save_failed)
		return;
	saved = xstrdup(ui->status != NULL ? ui->status : "");
	if (interview_next_open(ui->session, ui->question, &open))
		ui_message(ui, 0,
		           "%s – letzte Frage. Tab: nächste offene Frage, F6: Ergebnis",
		           saved);
	else
		ui_message(
		    ui, 0,
		    "%s – alle Fragen beantwortet. F7: Entwicklungsziele, F6: Ergebnis",
		    saved);
	free(saved);
}

/*
 * Save value for the current question (checked first, so a refusal says
 * what to type without any record key); with go, move on. 0, or -1 with the
 * reason in the status line and the widget unchanged.
 */
static int
save_answer(struct ui *ui, const char *value, int go)
{
	struct answer parsed = {0};
	char *why = NULL;

	if (answer_parse(current(ui), value, &parsed, &why) != 0) {
		ui_message(ui, 1, "%s", why);
		free(why);
		return -1;
	}
	answer_clear(&parsed);
	if (ui_set(ui, current(ui)->full_id, value) != 0)
		return -1;
	if (current(ui)->type == QUESTION_DATE) {
		char today[11], *w;
		date_today(today);
		w = session_date_warning(ui->session, current(ui)->full_id, today);
		if (w != NULL)
			ui_message(ui, 1, "Gespeichert, aber: %s", w);
		free(w);
	}
	reset_widget(ui);
	if (go)
		advance(ui);
	return 0;
}

/* Save list row i (single choice). */
static int
save_row(struct ui *ui, int i, int go)
{
	char *v = row_value(current(ui), i);

	st.highlight = i;
	save_answer(ui, v, go);
	free(v);
	return UI_HANDLED | UI_REDRAW;
}

/* Toggle option i of a multi question and save the new set at once. */
static int
toggle(struct ui *ui, int i)
{
	const struct answer *a = &ui->session->items[ui->question].answer;
	uint64_t mask = a->state == ANSWER_GIVEN ? a->chosen : 0;
	char *v;

	st.highlight = i;
	v = multi_value(current(ui), mask ^ ((uint64_t)1 << i));
	if (save_answer(ui, v, 0) == 0)
		st.highlight = i;
	free(v);
	return UI_HANDLED | UI_REDRAW;
}

/* What may be typed: "eine ganze Zahl ab 0" … as a hint (caller frees). */
static char *
typed_hint(const struct form_question *q)
{
	char *what = answer_expected(q), *hint;

	switch (q->type) {
	case QUESTION_DATE:
		hint = xasprintf("%s tippen (t = heute); Enter speichert",
		                 "Datum TT.MM.JJJJ");
		break;
	case QUESTION_TEXT:
		hint = xstrdup("Text tippen; Enter speichert und geht weiter");
		break;
	default:
		hint = xasprintf("%c%s tippen; Enter speichert", towupper(what[0]),
		                 what + 1);
		break;
	}
	free(what);
	return hint;
}

/* Whether key may be typed into an answer of q's type (else: a hint). */
static int
typeable(const struct form_question *q, int key, size_t pos)
{
	if (key >= UI_KEYBASE || key < 32 || key == 127)
		return 0;
	switch (q->type) {
	case QUESTION_NUMBER:
		return (key >= '0' && key <= '9') ||
		       (key == '-' && pos == 0 && q->number_min < 0);
	case QUESTION_SCALE:
		return key >= '0' && key <= '9';
	case QUESTION_DATE:
		return (key >= '0' && key <= '9') || key == '.' || key == '-';
	case QUESTION_TEXT:
		return iswprint((wint_t)key);
	default:
		return 0;
	}
}

/* A printable key that cannot be typed here: say what can. */
static int
refuse_typing(struct ui *ui, const struct form_question *q)
{
	char *what = answer_expected(q);

	ui_message(ui, 1, "Hier bitte %s eingeben", what);
	free(what);
	return UI_HANDLED | UI_REDRAW;
}

/* Save what the editor holds, without moving on. 0, or -1 (kept, reason shown). */
static int
save_typed(struct ui *ui, int go)
{
	char *text = ui_edit_text(&st.edit);
	int r;

	if (text[0] == '\0') {
		/* an emptied field changes nothing; Entf deletes an answer */
		free(text);
		ui_edit_stop(&st.edit);
		if (ui->session->items[ui->question].answer.state != ANSWER_OPEN)
			ui_message(ui, 0,
			           "Leere Eingabe: Antwort unverändert (löschen: Entf)");
		if (go)
			advance(ui);
		return 0;
	}
	r = save_answer(ui, text, go);
	free(text);
	return r;
}

/* Keys while the line editor is open. */
static int
edit_key(struct ui *ui, int key)
{
	const struct form_question *q = current(ui);

	if (key >= 32 && key < UI_KEYBASE && key != 127 && iswprint((wint_t)key) &&
	    !typeable(q, key, st.edit.replace ? 0 : st.edit.pos))
		return refuse_typing(ui, q);
	switch (ui_edit_key(&st.edit, key)) {
	case EDIT_COMMIT:
		save_typed(ui, 1);
		return UI_HANDLED | UI_REDRAW;
	case EDIT_CANCEL:
		ui_edit_stop(&st.edit);
		ui_message(ui, 0, "Eingabe verworfen");
		return UI_HANDLED | UI_REDRAW;
	case EDIT_CHANGED:
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

/* Keys of the list widgets. */
static int
list_key(struct ui *ui, const struct form_question *q, int key)
{
	int rows = list_rows(q);

	switch (key) {
	case UI_KEY(KEY_UP):
	case UI_KEY(KEY_LEFT):
		if (st.highlight > 0)
			st.highlight--;
		st.moved = 1;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_DOWN):
	case UI_KEY(KEY_RIGHT):
		if (st.highlight < rows - 1)
			st.highlight++;
		st.moved = 1;
		return UI_HANDLED | UI_REDRAW;
	case ' ':
		if (q->type == QUESTION_MULTI)
			return toggle(ui, st.highlight);
		return save_row(ui, st.highlight, 0);
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		if (!st.moved) {
			/* nothing chosen: keep the answer and go on */
			advance(ui);
			return UI_HANDLED | UI_REDRAW;
		}
		if (q->type != QUESTION_MULTI)
			return save_row(ui, st.highlight, 1);
		if (ui->session->items[ui->question].answer.state == ANSWER_OPEN) {
			/* moved through the options, ticked none: "keine Auswahl" */
			save_answer(ui, "", 1);
			return UI_HANDLED | UI_REDRAW;
		}
		advance(ui);
		return UI_HANDLED | UI_REDRAW;
	case 'j':
	case 'n':
		if (q->type != QUESTION_YESNO)
			break;
		return save_row(ui, key == 'j' ? 0 : 1, 0);
	default:
		break;
	}
	if (key >= '0' && key <= '9') {
		int i = q->type == QUESTION_SCALE ? key - '0' : key - '1';
		if (i < 0 || i >= option_rows(q)) {
			if (q->type != QUESTION_MULTI && q->na_allowed &&
			    i == option_rows(q))
				return save_row(ui, i,
				                0); /* the "entfällt" row's number */
			ui_message(ui, 1, "Keine Option %c – bitte %s wählen", key,
			           q->type == QUESTION_SCALE
			               ? (q->scale_max == 1 ? "0 oder 1"
			                                    : "einen Wert der Liste")
			               : "eine Nummer der Liste");
			return UI_HANDLED | UI_REDRAW;
		}
		if (q->type == QUESTION_MULTI)
			return toggle(ui, i);
		return save_row(ui, i, 0);
	}
	if (key >= 32 && key < UI_KEYBASE && key != 127 && iswprint((wint_t)key)) {
		ui_message(ui, 1,
		           "Taste %lc: Auswahl mit ↑/↓ und Leertaste, Ziffer oder %s",
		           (wint_t)key, q->type == QUESTION_YESNO ? "j/n" : "Enter");
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
}

/* Entf: ask, then delete the answer (the question is open again). */
static int
delete_key(struct ui *ui, const struct form_question *q, const struct answer *a)
{
	char *label;

	if (a->state == ANSWER_OPEN)
		return UI_HANDLED;
	label = answer_label(q, a);
	if (q->type == QUESTION_DATE && a->state == ANSWER_GIVEN) {
		char *shown = date_display(a->text);
		free(label);
		label = shown;
	}
	st.confirm_delete = 1;
	ui_message(ui, 1,
	           "Antwort „%.40s%s“ löschen? j oder Entf: löschen, andere Taste: "
	           "behalten",
	           label, strlen(label) > 40 ? "…" : "");
	free(label);
	return UI_HANDLED | UI_REDRAW;
}

/* Keys of the interview screen. */
static int
interview_key(struct ui *ui, int key)
{
	const struct form_question *q;
	const struct answer *a;

	if (ui->session == NULL || ui->session->form->question_count == 0)
		return 0;
	if (st.question != ui->question)
		reset_widget(ui);
	q = current(ui);
	a = &ui->session->items[ui->question].answer;
	if (st.confirm_delete) {
		st.confirm_delete = 0;
		if (key == 'j' || key == 'J' || key == UI_KEY(KEY_DC)) {
			if (ui_set(ui, q->full_id, NULL) == 0) {
				reset_widget(ui);
				ui_message(
				    ui, 0,
				    "Antwort gelöscht; die Frage ist wieder offen");
			}
		} else {
			ui_message(ui, 0, "Antwort behalten");
		}
		return UI_HANDLED | UI_REDRAW;
	}
	if (st.edit.active)
		return edit_key(ui, key);
	if (key == UI_CTRL('e') || (key == 'e' && q->type != QUESTION_TEXT)) {
		if (!q->na_allowed) {
			if (is_list(q))
				ui_message(
				    ui, 1,
				    "„entfällt“ ist bei dieser Frage nicht erlaubt");
			else
				refuse_typing(ui, q);
			return UI_HANDLED | UI_REDRAW;
		}
		st.highlight = list_rows(q) - 1;
		save_answer(ui, "entfaellt", 0);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == 'h' && q->type != QUESTION_TEXT) {
		st.show_help = !st.show_help;
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_KEY(KEY_DC))
		return delete_key(ui, q, a);
	if (key == UI_ESC)
		return UI_HANDLED | UI_REDRAW;
	if (is_list(q))
		return list_key(ui, q, key);
	if (q->type == QUESTION_DATE && key == 't') {
		char today[11], *shown;
		date_today(today);
		shown = date_display(today);
		ui_edit_start(&st.edit, shown);
		free(shown);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == '\n' || key == '\r' || key == UI_KEY(KEY_ENTER)) {
		/* nothing typed: keep the answer and move on */
		advance(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_KEY(KEY_RIGHT) || key == UI_KEY(KEY_BACKSPACE) || key == 127 ||
	    key == 8) {
		/* correct the saved value in the editor */
		char *v = answer_format(q, a);
		if (q->type == QUESTION_DATE && a->state == ANSWER_GIVEN) {
			char *shown = date_display(v);
			free(v);
			v = shown;
		}
		ui_edit_start(&st.edit, a->state == ANSWER_GIVEN ? v : NULL);
		st.edit.replace = 0;
		free(v);
		if (key != UI_KEY(KEY_RIGHT))
			ui_edit_key(&st.edit, key);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key >= 32 && key < UI_KEYBASE && key != 127 && iswprint((wint_t)key)) {
		if (!typeable(q, key, 0))
			return refuse_typing(ui, q);
		ui_edit_start(&st.edit, NULL); /* typing replaces the saved value */
		ui_edit_key(&st.edit, key);
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
}

int
ui_interview_flush(struct ui *ui, int quitting)
{
	(void)quitting;
	if (ui->session == NULL || ui->session->form->question_count == 0 ||
	    st.question != ui->question)
		return 0;
	st.confirm_delete = 0;
	if (!st.edit.active)
		return 0;
	if (!st.edit.changed) {
		ui_edit_stop(&st.edit);
		return 0;
	}
	return save_typed(ui, 0);
}

/* "Ja/Nein", "Auswahl" … for the question line. */
static const char *
type_label(const struct form_question *q)
{
	switch (q->type) {
	case QUESTION_YESNO:
		return "Ja/Nein";
	case QUESTION_CHOICE:
		return "Auswahl";
	case QUESTION_MULTI:
		return "Mehrfachauswahl";
	case QUESTION_NUMBER:
		return "Zahl";
	case QUESTION_SCALE:
		return "Skala";
	case QUESTION_TEXT:
		return "Text";
	case QUESTION_DATE:
		return "Datum";
	}
	return "";
}

/* The Handlungsfelder with status and points (without Sonderpunkte), at the side. */
static void
draw_side(struct ui *ui, int y0, int height)
{
	const struct form *f = ui->session->form;
	size_t cur = f->questions[ui->question].section;
	int y = y0;

	for (size_t i = 0; i < f->section_count && y + 1 < y0 + height; i++) {
		struct interview_progress p;
		attr_t a = ui_row_attr(ui, i == cur);
		interview_progress(ui->session, i, &p);
		ui_fill(y, 0, SIDE_WIDTH - 1, a);
		ui_putf(y, 1, SIDE_WIDTH - 2, a | A_BOLD, "%zu %s", i + 1,
		        f->sections[i].title);
		if (p.open == 0 && p.shown > 0)
			ui_putf(y + 1, 3, SIDE_WIDTH - 4, ui->attrs[ROLE_OK],
			        "✓ fertig · %d/%d P.", p.points, p.max);
		else
			ui_putf(y + 1, 3, SIDE_WIDTH - 4, ui->attrs[ROLE_NORMAL],
			        "%zu offen · %d/%d P.", p.open, p.points, p.max);
		y += 2;
	}
	for (int r = y0; r < y0 + height; r++)
		mvaddch(r, SIDE_WIDTH - 1, ACS_VLINE);
}

/* The list widget; returns rows used. */
static int
draw_list(struct ui *ui, const struct form_question *q, const struct answer *a, int y,
          int x, int w, int max_rows)
{
	int rows = list_rows(q), saved = answer_row(q, a), first = 0;

	if (rows > max_rows && st.highlight >= max_rows)
		first = st.highlight - max_rows + 1;
	for (int i = first; i < rows && i - first < max_rows; i++) {
		int on;
		const char *mark;
		char k[16];
		attr_t at = ui_row_attr(ui, i == st.highlight);
		if (q->type == QUESTION_MULTI) {
			on = a->state == ANSWER_GIVEN && i < 64 && ((a->chosen >> i) & 1);
			mark = on ? "[x]" : "[ ]";
		} else {
			on = i == saved;
			mark = on ? "(•)" : "( )";
		}
		row_key(q, i, k);
		ui_fill(y + i - first, x, w, at);
		ui_putf(y + i - first, x, w, at | (on ? A_BOLD : 0), "%s %s %s", mark, k,
		        row_label(q, i));
	}
	return rows - first < max_rows ? rows - first : max_rows;
}

/* The answer as a person reads it; dates as TT.MM.JJJJ (caller frees). */
static char *
answer_shown(const struct form_question *q, const struct answer *a)
{
	if (q->type == QUESTION_DATE && a->state == ANSWER_GIVEN)
		return date_display(a->text);
	return answer_label(q, a);
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
	if (it->evidence == EVIDENCE_MISSING &&
	    score_conditional(ui->session, ui->question))
		return xasprintf("Nachweis: %s [fehlt – Punkte nur unter Vorbehalt]",
		                 q->evidence);
	if (it->evidence != EVIDENCE_NONE)
		return xasprintf("Nachweis: %s [%s]", q->evidence,
		                 session_evidence_name(it->evidence));
	return xasprintf("Nachweis: %s", q->evidence);
}

/* The title row's right part: progress and points, Sonderpunkte said apart. */
static char *
header_right(const struct session *s)
{
	struct interview_progress all;
	struct score_result r;
	char *right;

	interview_progress(s, (size_t)-1, &all);
	score_compute(s, &r);
	if (r.bonus > 0)
		right = xasprintf("%zu/%zu beantwortet · %d P. + %d Sonderp.",
		                  all.answered, all.shown, r.total - r.bonus, r.bonus);
	else
		right = xasprintf("%zu/%zu beantwortet · %d P.", all.answered, all.shown,
		                  r.total);
	score_result_free(&r);
	return right;
}

/* Draw the interview screen. */
static void
interview_draw(struct ui *ui)
{
	const struct session *s = ui->session;
	const struct form_question *q;
	const struct session_item *it;
	size_t num, tot;
	int side = ui->cols >= UI_SIDE_COLS, x, w, y, bottom;
	char *right, *label, *number;
	/* F9 (Suchen) is in the help; at 80 columns the bar has no room for it */
	static const char *const keys[] = {"1",  "Hilfe",
	                                   "2",  "Notiz",
	                                   "3",  "Nachweis|Nachw.",
	                                   "4",  "Handlungsfelder|Handlungsf.",
	                                   "5",  "Übersicht|Übers.",
	                                   "6",  "Ergebnis|Ergeb.",
	                                   "7",  "Ziele",
	                                   "8",  "Stammdaten|Stammd.",
	                                   "10", "Ende",
	                                   NULL};

	if (s == NULL)
		return;
	if (s->form->question_count == 0) {
		ui_frame(ui, "Prüfgespräch", NULL, keys);
		ui_put(2, 1, ui->cols - 2, "Dieser Prüfbogen enthält keine Fragen.",
		       ui->attrs[ROLE_ERROR]);
		return;
	}
	if (st.question != ui->question)
		reset_widget(ui);
	q = current(ui);
	it = &s->items[ui->question];
	right = header_right(s);
	label = xasprintf("Prüfgespräch – %s",
	                  s->meta.kommune != NULL ? s->meta.kommune : "");
	ui_frame(ui, label, right, keys);
	free(right);
	free(label);
	bottom = ui->rows - 3; /* last row for content */
	if (side)
		draw_side(ui, 1, bottom);
	x = side ? SIDE_WIDTH + 1 : 1;
	w = ui->cols - x - 1;
	interview_position(s, ui->question, &num, &tot);
	if (side) {
		ui_putf(1, x, w, ui->attrs[ROLE_TITLE], "Handlungsfeld %zu/%zu: %s",
		        q->section + 1, s->form->section_count,
		        s->form->sections[q->section].title);
	} else {
		/* no side list: the Handlungsfeld's progress goes into its title row */
		struct interview_progress p;
		interview_progress(s, q->section, &p);
		ui_putf(1, x, w, ui->attrs[ROLE_TITLE],
		        "Handlungsfeld %zu/%zu: %s (%zu offen)", q->section + 1,
		        s->form->section_count, s->form->sections[q->section].title,
		        p.open);
	}
	y = 2;
	number = interview_number(s->form, ui->question);
	{
		char *pts = q->max_points > 0 ? xasprintf(" · bis %d P.", q->max_points)
		                              : xstrdup("");
		if (num > 0)
			ui_putf(y++, x, w, ui->attrs[ROLE_DIM] | A_BOLD,
			        "Frage %zu/%zu · Nr. %s · %s%s%s", num, tot, number,
			        type_label(q), pts,
			        q->na_allowed ? " · entfällt möglich" : "");
		else
			ui_putf(
			    y++, x, w, ui->attrs[ROLE_ERROR],
			    "Frage Nr. %s ausgeblendet (Bedingung nicht erfüllt) · %s%s",
			    number, type_label(q), pts);
		free(pts);
	}
	free(number);
	y += ui_wrap(y, x, w, bottom - y - 4, q->text, A_BOLD);
	y++;
	/* answer widget */
	if (is_list(q)) {
		int room = bottom - y - 1;
		if (room < 2)
			room = 2;
		y += draw_list(ui, q, &it->answer, y, x, w, room);
	} else {
		char *hint = typed_hint(q);
		if (st.edit.active) {
			ui_put(y, x, 9, "Antwort:", A_BOLD);
			ui_edit_draw(&st.edit, y, x + 9, w - 9, ui->attrs[ROLE_SELECTED]);
		} else {
			char *l = answer_shown(q, &it->answer);
			char *t = xasprintf("Antwort: %s", l);
			/* text answers may run over a few rows */
			y += ui_wrap(y, x, w, q->type == QUESTION_TEXT ? 4 : 1, t,
			             it->answer.state == ANSWER_OPEN ? ui->attrs[ROLE_DIM]
			                                             : A_BOLD) -
			     1;
			free(t);
			free(l);
		}
		y++;
		y += ui_wrap(y, x, w, 2, hint, ui->attrs[ROLE_DIM]);
		free(hint);
		for (size_t i = 0; q->type == QUESTION_SCALE && q->scale_labels != NULL &&
		                   i < q->scale_label_count && y < bottom - 1;
		     i++) {
			int on = it->answer.state == ANSWER_GIVEN &&
			         it->answer.number == (long)i;
			ui_putf(y++, x + 2, w - 2, on ? A_BOLD : ui->attrs[ROLE_NORMAL],
			        "%s %zu = %s", on ? "▸" : " ", i, q->scale_labels[i]);
		}
	}
	y++;
	/* evidence, help, note: as far as room allows */
	if (q->evidence != NULL && y < bottom) {
		char *e = evidence_line(ui, q, it);
		y += ui_wrap(y, x, w, bottom - y > 2 ? 2 : bottom - y, e,
		             ui->attrs[ROLE_NORMAL]);
		free(e);
	}
	if (q->help != NULL && y < bottom) {
		if (st.show_help || q->type == QUESTION_TEXT)
			y += ui_wrap(y, x, w, bottom - y, q->help, ui->attrs[ROLE_DIM]);
		else
			ui_put(y++, x, w, "h: Erläuterung anzeigen", ui->attrs[ROLE_DIM]);
	}
	if (it->note != NULL && it->note[0] != '\0' && y <= bottom)
		ui_putf(bottom, x, w, ui->attrs[ROLE_NORMAL], "Notiz: %s", it->note);
	else if (it->recommendation != NULL && it->recommendation[0] != '\0' &&
	         y <= bottom)
		ui_putf(bottom, x, w, ui->attrs[ROLE_NORMAL], "Empfehlung: %s",
		        it->recommendation);
}

const struct ui_screen ui_interview_screen = {
    .name = "Prüfgespräch",
    .init = interview_init,
    .draw = interview_draw,
    .key = interview_key,
    .resize = NULL,
    .flush = ui_interview_flush,
};
