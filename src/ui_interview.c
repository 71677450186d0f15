/*
 * ui_interview.c: the Prüfgespräch screen: header with Kommune and overall
 * progress, the Handlungsfelder at the side (from 80 columns), the question
 * with its answer widget per type, evidence hint, help on demand and note.
 * Answers are committed through ui_set (saved at once); navigation uses
 * interview.c so hidden follow-ups are skipped. Draw only reads state.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "interview.h"
#include "ui.h"
#include "ui_interview.h"
#include "util.h"

#define SIDE_WIDTH 24

static struct {
	size_t question;  /* the question the widget state belongs to */
	int highlight;    /* highlighted row of a list widget */
	uint64_t pending; /* multi: toggled but not yet committed */
	int pending_dirty;
	int show_help;
	struct ui_edit edit;
} st;

/* The documentation of the answer keys, shown by the help screen. */
const struct ui_binding ui_answer_keys[] = {
    {0, 0, "↑ / ↓", "Auswahl bewegen (Ja/Nein, Auswahl, Mehrfachauswahl)", NULL},
    {0, 0, "Leertaste", "Auswahl übernehmen und speichern; Mehrfachauswahl: an/aus",
     NULL},
    {0, 0, "Enter", "Antwort übernehmen, speichern und zur nächsten Frage", NULL},
    {0, 0, "1 … 9", "Option Nummer N wählen (Mehrfachauswahl: an/aus)", NULL},
    {0, 0, "j / n", "Ja / Nein", NULL},
    {0, 0, "e, Strg-E",
     "entfällt (wo der Prüfbogen es erlaubt; bei Textfragen nur Strg-E)", NULL},
    {0, 0, "Ziffern, Text",
     "Zahl, Skalenwert, Datum (JJJJ-MM-TT) oder Text tippen; Enter speichert", NULL},
    {0, 0, "t", "Datumsfrage: heutiges Datum eintragen", NULL},
    {0, 0, "← → Pos1 Ende", "Cursor in der Eingabe; Rücktaste/Entf löschen", NULL},
    {0, 0, "→, Rücktaste", "gespeicherten Wert zum Korrigieren in die Eingabe holen",
     NULL},
    {0, 0, "Esc", "Eingabe oder ungespeicherte Auswahl verwerfen", NULL},
    {0, 0, "Entf", "Antwort löschen (wieder offen)", NULL},
    {0, 0, "h", "Erläuterung zur Frage ein/aus", NULL},
};
const size_t ui_answer_key_count = sizeof ui_answer_keys / sizeof ui_answer_keys[0];

/* The current question. */
static const struct form_question *
current(const struct ui *ui)
{
	return &ui->session->form->questions[ui->question];
}

/* Whether the type is answered by a list of options. */
static int
is_list(const struct form_question *q)
{
	return q->type == QUESTION_YESNO || q->type == QUESTION_CHOICE ||
	       q->type == QUESTION_MULTI;
}

/* Rows of the list widget (options, plus "entfällt" for single choices). */
static int
list_rows(const struct form_question *q)
{
	int n = q->type == QUESTION_YESNO ? 2 : (int)q->option_count;

	if (q->type != QUESTION_MULTI && q->na_allowed)
		n++;
	return n;
}

/* Label of list row i. */
static const char *
row_label(const struct form_question *q, int i)
{
	if (q->type == QUESTION_YESNO && i < 2)
		return i == 0 ? "Ja" : "Nein";
	if (q->type != QUESTION_YESNO && (size_t)i < q->option_count)
		return q->options[i].label;
	return "entfällt";
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
	if (q->type == QUESTION_CHOICE)
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
	st.pending = a->state == ANSWER_GIVEN ? a->chosen : 0;
	st.pending_dirty = 0;
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
	if (q->type == QUESTION_YESNO && i < 2)
		return xstrdup(i == 0 ? "ja" : "nein");
	if (q->type == QUESTION_CHOICE && (size_t)i < q->option_count)
		return xstrdup(q->options[i].id);
	return xstrdup("entfaellt");
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

/* Commit value for the current question; advance to the next shown one. */
static int
commit(struct ui *ui, const char *value, int advance)
{
	size_t next;

	if (ui_set(ui, current(ui)->full_id, value) != 0)
		return UI_HANDLED | UI_REDRAW;
	reset_widget(ui);
	if (!advance)
		return UI_HANDLED | UI_REDRAW;
	if (interview_next(ui->session, ui->question, &next)) {
		ui_interview_go(ui, next);
	} else if (!ui->save_failed) {
		size_t open;
		char *saved = xstrdup(ui->status != NULL ? ui->status : "");
		if (interview_next_open(ui->session, ui->question, &open))
			ui_message(
			    ui, 0,
			    "%s – letzte Frage. Tab: nächste offene Frage, F6: Ergebnis",
			    saved);
		else
			ui_message(ui, 0,
			           "%s – alle Fragen beantwortet. F7: Entwicklungsziele, "
			           "F6: Ergebnis",
			           saved);
		free(saved);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Commit list row i (single choice). */
static int
commit_row(struct ui *ui, int i, int advance)
{
	char *v = row_value(current(ui), i);
	int r;

	st.highlight = i;
	r = commit(ui, v, advance);
	free(v);
	return r;
}

/* Whether a typed character may start an answer of this type. */
static int
starts_typing(const struct form_question *q, int key)
{
	if (key >= UI_KEYBASE || key < 32 || key == 127)
		return 0;
	switch (q->type) {
	case QUESTION_NUMBER:
		return (key >= '0' && key <= '9') || key == '-';
	case QUESTION_SCALE:
	case QUESTION_DATE:
		return key >= '0' && key <= '9';
	case QUESTION_TEXT:
		return iswprint((wint_t)key);
	default:
		return 0;
	}
}

/* Keys while the line editor is open. */
static int
edit_key(struct ui *ui, int key)
{
	char *text;
	int r;

	switch (ui_edit_key(&st.edit, key)) {
	case EDIT_COMMIT:
		text = ui_edit_text(&st.edit);
		if (text[0] == '\0') {
			/* an emptied field clears the answer; an untouched open one moves
			 * on */
			size_t next;
			ui_edit_stop(&st.edit);
			if (ui->session->items[ui->question].answer.state !=
			        ANSWER_OPEN &&
			    ui_set(ui, current(ui)->full_id, NULL) != 0) {
				free(text);
				return UI_HANDLED | UI_REDRAW;
			}
			if (interview_next(ui->session, ui->question, &next))
				ui_interview_go(ui, next);
			free(text);
			return UI_HANDLED | UI_REDRAW;
		}
		r = commit(ui, text, 1);
		free(text);
		return r;
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
		if (st.highlight > 0)
			st.highlight--;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_DOWN):
		if (st.highlight < rows - 1)
			st.highlight++;
		return UI_HANDLED | UI_REDRAW;
	case ' ':
		if (q->type != QUESTION_MULTI)
			return commit_row(ui, st.highlight, 0);
		st.pending ^= (uint64_t)1 << st.highlight;
		st.pending_dirty = 1;
		return UI_HANDLED | UI_REDRAW;
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		if (q->type != QUESTION_MULTI)
			return commit_row(ui, st.highlight, 1);
		{
			char *v = multi_value(q, st.pending);
			int r = commit(ui, v, 1);
			free(v);
			return r;
		}
	case 'j':
	case 'n':
		if (q->type != QUESTION_YESNO)
			return 0;
		return commit_row(ui, key == 'j' ? 0 : 1, 0);
	default:
		break;
	}
	if (key >= '1' && key <= '9' && key - '1' < rows) {
		if (q->type != QUESTION_MULTI)
			return commit_row(ui, key - '1', 0);
		st.highlight = key - '1';
		st.pending ^= (uint64_t)1 << st.highlight;
		st.pending_dirty = 1;
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
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
	if (st.edit.active)
		return edit_key(ui, key);
	if (key == UI_CTRL('e') || (key == 'e' && q->type != QUESTION_TEXT)) {
		if (!q->na_allowed) {
			ui_message(ui, 1,
			           "„entfällt“ ist bei dieser Frage nicht erlaubt");
			return UI_HANDLED | UI_REDRAW;
		}
		return commit(ui, "entfaellt", 1);
	}
	if (key == 'h' && q->type != QUESTION_TEXT) {
		st.show_help = !st.show_help;
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_KEY(KEY_DC)) {
		if (a->state == ANSWER_OPEN)
			return UI_HANDLED;
		if (ui_set(ui, q->full_id, NULL) == 0)
			reset_widget(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_ESC) {
		if (st.pending_dirty) {
			reset_widget(ui);
			ui_message(ui, 0, "Auswahl verworfen");
		}
		return UI_HANDLED | UI_REDRAW;
	}
	if (is_list(q))
		return list_key(ui, q, key);
	if (q->type == QUESTION_DATE && key == 't') {
		char today[11];
		ui_today(today);
		ui_edit_start(&st.edit, today);
		return UI_HANDLED | UI_REDRAW;
	}
	if (starts_typing(q, key)) {
		ui_edit_start(&st.edit, q->type == QUESTION_TEXT ? a->text : NULL);
		ui_edit_key(&st.edit, key);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == '\n' || key == '\r' || key == UI_KEY(KEY_ENTER)) {
		/* nothing typed: keep the answer and move on */
		size_t next;
		if (interview_next(ui->session, ui->question, &next))
			ui_interview_go(ui, next);
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_KEY(KEY_RIGHT) || key == UI_KEY(KEY_BACKSPACE) || key == 127 ||
	    key == 8) {
		/* correct the saved value in the editor */
		char *v = answer_format(q, a);
		ui_edit_start(&st.edit, a->state == ANSWER_GIVEN ? v : NULL);
		free(v);
		if (key != UI_KEY(KEY_RIGHT))
			ui_edit_key(&st.edit, key);
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
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

/* The Handlungsfelder with status and points, at the side. */
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
		attr_t at = ui_row_attr(ui, i == st.highlight);
		if (q->type == QUESTION_MULTI) {
			on = (st.pending >> i) & 1;
			mark = on ? "[x]" : "[ ]";
		} else {
			on = i == saved;
			mark = on ? "(•)" : "( )";
		}
		ui_fill(y + i - first, x, w, at);
		ui_putf(y + i - first, x, w, at | (on ? A_BOLD : 0), "%s %d %s", mark,
		        i + 1, row_label(q, i));
	}
	return rows - first < max_rows ? rows - first : max_rows;
}

/* A short description of what may be typed. */
static char *
typed_hint(const struct form_question *q)
{
	struct buf b = {0};

	switch (q->type) {
	case QUESTION_NUMBER:
		buf_adds(&b, "ganze Zahl tippen, Enter speichert");
		break;
	case QUESTION_SCALE:
		buf_printf(&b, "Wert 0 bis %d tippen, Enter speichert", q->scale_max);
		break;
	case QUESTION_DATE:
		buf_adds(&b, "Datum JJJJ-MM-TT tippen (t = heute), Enter speichert");
		break;
	default:
		buf_adds(&b, "Text tippen, Enter speichert");
		break;
	}
	return buf_steal(&b);
}

/* Draw the interview screen. */
static void
interview_draw(struct ui *ui)
{
	const struct session *s = ui->session;
	const struct form_question *q;
	const struct session_item *it;
	struct interview_progress all;
	size_t num, tot;
	int side = ui->cols >= UI_SIDE_COLS, x, w, y, bottom;
	char *right, *label;
	static const char *const keys[] = {
	    "1",      "Hilfe",      "2",         "Notiz", "3",        "Nachweis", "4",
	    "Felder", "5",          "Übersicht", "6",     "Ergebnis", "7",        "Ziele",
	    "8",      "Stammdaten", "10",        "Ende",  NULL};

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
	interview_progress(s, (size_t)-1, &all);
	right =
	    xasprintf("%zu/%zu beantwortet · %d P.", all.answered, all.shown, all.points);
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
	{
		char *pts = q->max_points > 0 ? xasprintf(" · bis %d P.", q->max_points)
		                              : xstrdup("");
		if (num > 0)
			ui_putf(y++, x, w, ui->attrs[ROLE_DIM] | A_BOLD,
			        "Frage %zu/%zu · %s%s%s", num, tot, type_label(q), pts,
			        q->na_allowed ? " · entfällt möglich" : "");
		else
			ui_putf(y++, x, w, ui->attrs[ROLE_ERROR],
			        "Frage ausgeblendet (Bedingung "
			        "nicht erfüllt) · %s%s",
			        type_label(q), pts);
		free(pts);
	}
	y += ui_wrap(y, x, w, bottom - y - 4, q->text, A_BOLD);
	y++;
	/* answer widget */
	if (is_list(q)) {
		int room = bottom - y - 1;
		if (room < 2)
			room = 2;
		y += draw_list(ui, q, &it->answer, y, x, w, room);
		if (q->type == QUESTION_MULTI && st.pending_dirty && y <= bottom)
			ui_put(y++, x, w,
			       "Auswahl noch nicht gespeichert: Enter speichert, Esc "
			       "verwirft",
			       ui->attrs[ROLE_ERROR]);
	} else {
		char *hint = typed_hint(q);
		if (st.edit.active) {
			ui_put(y, x, 9, "Antwort:", A_BOLD);
			ui_edit_draw(&st.edit, y, x + 9, w - 9, ui->attrs[ROLE_SELECTED]);
		} else {
			char *l = answer_label(q, &it->answer);
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
		char *e;
		if (it->evidence == EVIDENCE_DUE)
			e = xasprintf("Nachweis: %s [nachzureichen bis %s]", q->evidence,
			              it->evidence_due != NULL ? it->evidence_due : "?");
		else if (it->evidence != EVIDENCE_NONE)
			e = xasprintf("Nachweis: %s [%s]", q->evidence,
			              session_evidence_name(it->evidence));
		else
			e = xasprintf("Nachweis: %s", q->evidence);
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
};
