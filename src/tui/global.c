/*
 * global.c: the global key table and what its keys do: the side screens by
 * F-key, moving through the questions (Tab, Bild↓, Bild↑), help and
 * quitting. Every key that leaves the screen or the question saves what is
 * typed first (screen_flush); an invalid value stops it.
 */
#include "config.h"

#include "model/interview.h"
#include "tui/global.h"
#include "tui/keys.h"
#include "tui/screens.h"

/* F1 / ?: the help screen, over the current one. */
static int
global_help(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	if (ui->stack[ui->depth - 1] != &ui_help_screen)
		screen_open(ui, &ui_help_screen);
	return UI_HANDLED | UI_REDRAW;
}

/* Switch to a screen that needs an open session, after saving what is typed. */
static int
side_screen(struct ui *ui, const struct ui_screen *screen, int per_question)
{
	if (screen_flush(ui, 0) != 0)
		return UI_HANDLED | UI_REDRAW;
	if (ui->session == NULL) {
		screen_message(ui, 1, "Zuerst ein Audit öffnen oder anlegen.");
		return UI_HANDLED | UI_REDRAW;
	}
	if (per_question && ui->session->form->question_count == 0)
		return UI_HANDLED;
	screen_switch(ui, screen);
	return UI_HANDLED | UI_REDRAW;
}

/* F2: note and own recommendation of the question. */
static int
global_note(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_note_screen, 1);
}

/* F3: evidence of the question. */
static int
global_evidence(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_evidence_screen, 1);
}

/* F4: the Handlungsfeld chooser. */
static int
global_sections(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_sections_screen, 1);
}

/* F5: the review. */
static int
global_review(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_review_screen, 0);
}

/* F6: the result. */
static int
global_result(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_result_screen, 0);
}

/* F7: the Entwicklungsziele. */
static int
global_goals(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_goals_screen, 0);
}

/* F8: master data and participants. */
static int
global_master(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_master_screen, 0);
}

/* F9 / Strg-F: find a question by number or words. */
static int
global_find(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return side_screen(ui, &ui_find_screen, 0);
}

/* Move within the interview (how: 0 next open, 1 next, -1 previous); from
 * another screen, return to it first. */
static int
navigate(struct ui *ui, int how)
{
	size_t q;
	int found;

	if (screen_flush(ui, 0) != 0)
		return UI_HANDLED | UI_REDRAW;
	if (ui->session == NULL)
		return 0;
	if (how == 0)
		found = interview_next_open(ui->session, ui->question, &q);
	else if (how > 0)
		found = interview_next(ui->session, ui->question, &q);
	else
		found = interview_prev(ui->session, ui->question, &q);
	if (ui->stack[ui->depth - 1] != &ui_interview_screen)
		screen_switch(ui, &ui_interview_screen);
	if (found)
		ui_interview_go(ui, q);
	else
		screen_message(ui, 0,
		               how == 0  ? "Alle angezeigten Fragen sind beantwortet."
		               : how > 0 ? "Das war die letzte Frage (F6 Ergebnis)."
		                         : "Das ist die erste Frage.");
	return UI_HANDLED | UI_REDRAW;
}

/* Tab: the next open question anywhere. */
static int
global_next_open(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return navigate(ui, 0);
}

/* Bild↓: the next shown question. */
static int
global_next(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return navigate(ui, 1);
}

/* Bild↑: the previous shown question. */
static int
global_prev(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	return navigate(ui, -1);
}

/* F10 / Strg-Q / Strg-C: leave (the manager saves typed input, or asks). */
static int
global_quit(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return UI_HANDLED | UI_QUIT;
}

/* The global keys; the help screen lists them in this order. */
const struct ui_binding global_bindings[] = {
    {UI_KEY(KEY_F(1)), '?', "F1, ?", "Hilfe", "Hilfe: diese Übersicht aller Tasten",
     global_help},
    {UI_KEY(KEY_F(2)), 0, "F2", "Notiz", "Notiz und eigene Empfehlung zur Frage",
     global_note},
    {UI_KEY(KEY_F(3)), 0, "F3", "Nachweis|Nachw.",
     "Nachweis: Status, nachzureichen bis, Beschreibung", global_evidence},
    {UI_KEY(KEY_F(4)), 0, "F4", "Handlungsfelder|Handlungsf.",
     "Handlungsfelder: zu einem springen", global_sections},
    {UI_KEY(KEY_F(5)), 0, "F5", "Übersicht|Übers.",
     "Übersicht: offene Fragen, Nachweise, Notizen", global_review},
    {UI_KEY(KEY_F(6)), 0, "F6", "Ergebnis|Ergeb.",
     "Ergebnis mit Punkten je Handlungsfeld", global_result},
    {UI_KEY(KEY_F(7)), 0, "F7", "Ziele", "Entwicklungsziele", global_goals},
    {UI_KEY(KEY_F(8)), 0, "F8", "Stammdaten|Stammd.",
     "Stammdaten, Teilnehmende, vorheriges Audit verknüpfen (Re-Audit)", global_master},
    /* no key bar label: at 80 columns the bar has no room for it */
    {UI_KEY(KEY_F(9)), UI_CTRL('f'), "F9, Strg-F", NULL,
     "Frage suchen: Nummer wie 3.7 oder Wörter aus der Frage", global_find},
    {'\t', 0, "Tab", NULL, "nächste offene Frage (im ganzen Prüfbogen)",
     global_next_open},
    {UI_KEY(KEY_NPAGE), 0, "Bild↓", NULL, "nächste Frage, ohne die Antwort zu ändern",
     global_next},
    {UI_KEY(KEY_PPAGE), 0, "Bild↑", NULL, "vorige Frage, ohne die Antwort zu ändern",
     global_prev},
    {UI_KEY(KEY_F(10)), UI_CTRL('q'), "F10, Strg-Q", "Ende",
     "beenden; Strg-C ebenso. Alles ist gespeichert; eine getippte, noch nicht "
     "bestätigte Eingabe wird jetzt gespeichert (ist sie ungültig, fragt das "
     "Programm)",
     global_quit},
    {UI_CTRL('c'), 0, NULL, NULL, NULL, global_quit},
};
const size_t global_binding_count = BIND_COUNT(global_bindings);

int
global_first(int key)
{
	return keys_fkey(key) != 0 || key == UI_CTRL('q') || key == UI_CTRL('c');
}

int
global_run(struct ui *ui, int key)
{
	return bind_run(global_bindings, global_binding_count, ui, NULL, key);
}

int
global_quit_key(int key)
{
	return key == UI_KEY(KEY_F(10)) || key == UI_CTRL('q') || key == UI_CTRL('c');
}
