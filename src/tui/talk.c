/*
 * talk.c: what the keys of the talk and the verdict do (talk.h). The rules
 * are the model's: whether points are hidden (session_points_hidden), what
 * an undo reverts (session_undo), the phases (vocab_phase); this file only
 * asks, saves through save.c and says what happened in the status line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/history.h"
#include "model/interview.h"
#include "model/vocab.h"
#include "tui/keys.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/talk.h"

static int
talk_points(struct ui *ui, void *state, int key)
{
	int phase = ui->session != NULL ? (int)session_phase(ui->session) : -1;

	(void)state;
	(void)key;
	if (ui->points_toggled && ui->phase_seen == phase)
		ui->points_toggled = 0;
	else {
		ui->points_toggled = 1;
		ui->phase_seen = phase;
	}
	/* F7 makes its choices with or without Sonderpunkte: made again */
	if (ui->depth == 1 && ui->stack[0] == &ui_goals_screen &&
	    screen_flush(ui, 0) == 0)
		screen_switch(ui, ui->stack[0]);
	screen_message(ui, 0, "%s",
	               screen_points_shown(ui)
	                   ? "Punkte sichtbar – Strg-P verbirgt sie wieder"
	                   : "Punkte verborgen – Strg-P zeigt sie");
	return UI_HANDLED | UI_REDRAW;
}

/* "Frage 1.2: „nein“ → „ja“" (history_record_label names the record) for
 * the entries of the last change. Caller frees. */
static char *
last_change(const struct session *s)
{
	size_t n = history_count(s), first = n;
	const struct history_entry *e;
	struct buf b = {0};
	char *number, *label;
	int internal;

	while (first > 0 &&
	       history_entry(s, first - 1)->change == history_entry(s, n - 1)->change)
		first--;
	e = history_entry(s, first);
	label = history_record_label(s, e->key, &number, &internal);
	if (number[0] != '\0' && strcmp(label, "Antwort") == 0)
		buf_printf(&b, "Frage %s", number);
	else if (number[0] != '\0')
		buf_printf(&b, "Frage %s, %s", number, label);
	else
		buf_adds(&b, label);
	free(label);
	free(number);
	buf_printf(&b, ": %s%s%s → %s%s%s", e->old_value ? "„" : "",
	           e->old_value ? e->old_value : "–", e->old_value ? "“" : "",
	           e->new_value ? "„" : "", e->new_value ? e->new_value : "–",
	           e->new_value ? "“" : "");
	if (n - first > 1)
		buf_printf(&b, " (und %zu weitere)", n - first - 1);
	return buf_steal(&b);
}

static int
talk_undo(struct ui *ui, void *state, int key)
{
	const struct ui_screen *base;
	char *undone = NULL, *why = NULL, *what;
	int rc, qi;

	(void)state;
	(void)key;
	if (ui->session == NULL)
		return 0;
	if (screen_flush(ui, 0) != 0 || save_reason_needed(ui, NULL))
		return UI_HANDLED | UI_REDRAW;
	rc = session_undo(ui->session, &undone, &why);
	if (rc < 0) {
		screen_message(ui, 1, "Nicht rückgängig zu machen: %s", why);
		free(why);
		return UI_HANDLED | UI_REDRAW;
	}
	if (rc == 0) {
		screen_message(ui, 0, "Nichts rückgängig zu machen");
		return UI_HANDLED | UI_REDRAW;
	}
	save_now(ui);
	what = last_change(ui->session);
	/* the screen shows the session afresh; an answer's question comes into view */
	if (undone == NULL) {
		qi = -1;
	} else {
		const char *colon = strchr(undone, ':');
		char *qid = colon != NULL ? xstrndup(undone, (size_t)(colon - undone))
		                          : xstrdup(undone);
		qi = form_find_question(ui->session->form, qid);
		free(qid);
	}
	base = ui->stack[0];
	if (qi >= 0 && interview_visible(ui->session, (size_t)qi))
		ui->question = (size_t)qi;
	screen_switch(ui, base);
	if (base == &ui_interview_screen && qi >= 0)
		ui_interview_go(ui, ui->question);
	if (!ui->save_failed)
		screen_message(ui, 0, "Rückgängig gemacht und gespeichert – %s", what);
	free(what);
	free(undone);
	return UI_HANDLED | UI_REDRAW;
}

static int
talk_history(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	if (ui->session == NULL)
		return 0;
	if (screen_flush(ui, 0) != 0)
		return UI_HANDLED | UI_REDRAW;
	if (ui->stack[ui->depth - 1] != &ui_history_screen)
		screen_open(ui, &ui_history_screen);
	return UI_HANDLED | UI_REDRAW;
}

/* The phase Strg-W moves to: the next, or from Abgeschlossen back to the
 * Auswertung. */
static enum session_phase
phase_next(enum session_phase p)
{
	return p == PHASE_CLOSED ? PHASE_EVALUATION : (enum session_phase)(p + 1);
}

/* The answer yes to „Phase wechseln?“. */
static void
phase_yes(struct ui *ui, void *arg)
{
	enum session_phase next = phase_next(session_phase(ui->session));

	(void)arg;
	if (save_change(ui, "session.phase", vocab_phase.items[next].value) != 0)
		return;
	if (!ui->save_failed)
		screen_message(
		    ui, 0, "Phase: %s – gespeichert%s", vocab_phase.items[next].label,
		    next == PHASE_EVALUATION ? "; Punkte und Ergebnis sind sichtbar"
		    : next == PHASE_CLOSED   ? "; jede weitere Änderung braucht "
		                               "einen Grund"
		                             : "");
}

static int
talk_phase(struct ui *ui, void *state, int key)
{
	static const int yes[3] = {'j', 'J', 0};
	enum session_phase now, next;
	char *question;

	(void)state;
	(void)key;
	if (ui->session == NULL)
		return 0;
	if (screen_flush(ui, 0) != 0)
		return UI_HANDLED | UI_REDRAW;
	now = session_phase(ui->session);
	next = phase_next(now);
	question =
	    xasprintf("Phase „%s“ beenden, weiter mit „%s“? j: ja, andere Taste: nein",
	              vocab_phase.items[now].label, vocab_phase.items[next].label);
	if (now == PHASE_CLOSED)
		str_replace(&question,
		            "Abschluss aufheben, zurück zur „Auswertung“? j: ja "
		            "(mit Grund), andere Taste: nein");
	screen_ask(ui, question, yes, phase_yes, NULL, "Phase unverändert");
	free(question);
	return UI_HANDLED | UI_REDRAW;
}

const struct ui_binding talk_bindings[] = {
    {UI_CTRL('p'), 0, "Strg-P", NULL,
     "Punkte zeigen oder verbergen (im Gespräch verborgen: die Kommune sieht mit)",
     talk_points},
    {UI_CTRL('z'), 0, "Strg-Z", NULL,
     "letzte Änderung rückgängig machen (wiederholt: Schritt für Schritt zurück)",
     talk_undo},
    {UI_CTRL('r'), 0, "Strg-R", NULL, "Rückblick: alle Änderungen der Frage",
     talk_history},
    {UI_CTRL('w'), 0, "Strg-W", NULL,
     "Phase wechseln: Gespräch → Auswertung → Abgeschlossen (fragt vorher)", talk_phase},
};
const size_t talk_binding_count = BIND_COUNT(talk_bindings);
