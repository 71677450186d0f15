/*
 * ui.c: the interview's entry point and screen manager (ncursesw). Parses
 * `interview [SESSION] [--dir DIR] [--form FILE]`, refuses a session locked
 * by another process before curses starts, redirects stderr to a log while
 * curses owns the terminal, reads keys (ui_keys.c), dispatches the
 * one global key table and the current screen, and saves every change at
 * once. Signals save and restore the terminal. Only the ui*.c files include
 * curses; this file never calls cdb or libxlsxwriter.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <term.h>

#include "model/audit.h"
#include "model/interview.h"
#include "lib/paths.h"
#include "tui/tui.h"
#include "tui/ui.h"
#include "tui/ui_interview.h"
#include "lib/util.h"

/* Print "wohnort-audit: " + message + newline to stderr (outside curses). */
static void __attribute__((format(printf, 1, 2))) tui_error(const char *fmt, ...)
{
	va_list ap;

	fputs("wohnort-audit: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Every screen; a resize is passed to each of them. */
static const struct ui_screen *const screens[] = {
    &ui_start_screen,  &ui_new_screen,      &ui_interview_screen, &ui_sections_screen,
    &ui_note_screen,   &ui_evidence_screen, &ui_goals_screen,     &ui_master_screen,
    &ui_review_screen, &ui_result_screen,   &ui_help_screen,      &ui_find_screen,
};

static volatile sig_atomic_t got_signal;
static char *rescue_path; /* where the session was saved as text after a failed save */
static char *discarded_input; /* why typed input was not saved when a signal ended it */
static struct termios saved_termios;
static int have_termios;
static char restore_seq[256];
static size_t restore_len;

/* SIGTERM, SIGHUP, SIGINT: note it; the main loop saves and leaves. */
static void
on_terminate(int sig)
{
	got_signal = sig;
}

/* SIGSEGV, SIGABRT, …: give the terminal back, then die as the signal says. */
static void
on_fatal(int sig)
{
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	if (restore_len > 0 && write(STDOUT_FILENO, restore_seq, restore_len) < 0)
		restore_len = 0;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Append a terminfo capability to the emergency restore sequence. */
static void
add_restore(const char *cap)
{
	char *s = tigetstr((char *)cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

/* Whether the terminal has an alternate screen that endwin leaves (rmcup). */
static int
has_alternate_screen(void)
{
	char *s = tigetstr((char *)"rmcup");
	return s != NULL && s != (char *)-1 && s[0] != '\0';
}

/* After endwin on a terminal without an alternate screen (vt100, linux):
 * clear it, so no answer of the talk stays on the screen. */
static void
clear_without_alternate_screen(void)
{
	char *cl;

	if (has_alternate_screen())
		return;
	cl = tigetstr((char *)"clear");
	if (cl != NULL && cl != (char *)-1) {
		putp(cl);
		fflush(stdout);
	}
}

/* Install the signal handlers (no SA_RESTART, so a blocked read wakes up). */
static void
install_signals(void)
{
	struct sigaction sa;
	static const int fatal[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_terminate;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int
ui_interrupted(void)
{
	return got_signal != 0;
}

/* Put a message in the status line. */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	free(ui->status);
	va_start(ap, fmt);
	ui->status = xvasprintf(fmt, ap);
	va_end(ap);
	ui->status_error = error;
}

/* Write a snapshot now; report the outcome in the status line. */
static int
save_now(struct ui *ui)
{
	char *why = NULL;
	char stamp[16];
	time_t t = time(NULL);
	struct tm tm;

	if (ui->session == NULL)
		return 0;
	if (audit_save(ui->session, &why) != 0) {
		ui->save_failed = 1;
		free(ui->save_error);
		ui->save_error = why;
		return -1;
	}
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
	ui->save_failed = 0;
	free(ui->save_error);
	ui->save_error = NULL;
	ui_message(ui, 0, "Gespeichert %s", stamp);
	str_replace(&ui->saved_cursor, ui->session->cursor);
	return 0;
}

int
ui_save(struct ui *ui)
{
	return save_now(ui);
}

/* Change one record and save at once. */
int
ui_set(struct ui *ui, const char *key, const char *value)
{
	char *why = NULL;

	if (ui->session == NULL)
		return -1;
	if (session_set(ui->session, key, value, &why) != 0) {
		ui_message(ui, 1, "%s", why != NULL ? why : "ungültiger Wert");
		free(why);
		return -1;
	}
	save_now(ui);
	return 0;
}

/* Remember the current question for resuming (saved with the next snapshot). */
void
ui_set_cursor(struct ui *ui, size_t question)
{
	const char *id;
	char *why = NULL;

	if (ui->session == NULL || question >= ui->session->form->question_count)
		return;
	id = ui->session->form->questions[question].full_id;
	if (ui->session->cursor != NULL && strcmp(ui->session->cursor, id) == 0)
		return;
	if (session_set(ui->session, "session.cursor", id, &why) != 0)
		free(why);
}

/* Whether the cursor on disk lags behind the one in memory. */
static int
cursor_unsaved(const struct ui *ui)
{
	const char *a = ui->session->cursor, *b = ui->saved_cursor;

	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/* Switch screens. */
void
ui_switch(struct ui *ui, const struct ui_screen *screen)
{
	int back_from_help = ui->screen == &ui_help_screen && screen == ui->previous;

	if (screen != ui->screen && ui->screen != &ui_help_screen)
		ui->previous = ui->screen;
	ui->screen = screen;
	/* returning from help keeps the screen's state (e.g. a half-filled form) */
	if (screen->init != NULL && !back_from_help)
		screen->init(ui);
}

/* Back to the interview, or to the start screen when no session is open. */
void
ui_back(struct ui *ui)
{
	ui_switch(ui, ui->session != NULL ? &ui_interview_screen : &ui_start_screen);
}

/* Take over an opened session and show the question to resume at. */
void
ui_open_session(struct ui *ui, struct session *s)
{
	session_free(ui->session);
	ui->session = s;
	ui->question = interview_resume(s);
	ui->save_failed = 0;
	str_replace(&ui->saved_cursor, s->cursor);
	ui->previous = NULL;
	ui_switch(ui, &ui_interview_screen);
}

/* The screen whose typed input is pending: under the help screen, the one
 * it was opened from. */
static const struct ui_screen *
input_screen(const struct ui *ui)
{
	if (ui->screen == &ui_help_screen && ui->previous != NULL)
		return ui->previous;
	return ui->screen;
}

/* Save typed but unconfirmed input before leaving; 0, or -1 (kept, reason shown). */
static int
flush_pending(struct ui *ui, int quitting)
{
	const struct ui_screen *sc = input_screen(ui);

	if (sc->flush == NULL)
		return 0;
	return sc->flush(ui, quitting);
}

/* F1 / ?: the help screen. */
static int
bind_help(struct ui *ui)
{
	if (ui->screen != &ui_help_screen)
		ui_switch(ui, &ui_help_screen);
	return UI_HANDLED | UI_REDRAW;
}

/* Switch to a screen that needs an open session. */
static int
session_screen(struct ui *ui, const struct ui_screen *screen)
{
	if (ui->session == NULL) {
		ui_message(ui, 1, "Zuerst ein Audit öffnen oder anlegen.");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui->session->form->question_count == 0 &&
	    (screen == &ui_note_screen || screen == &ui_evidence_screen ||
	     screen == &ui_sections_screen))
		return UI_HANDLED;
	ui_switch(ui, screen);
	return UI_HANDLED | UI_REDRAW;
}

/* F2: note and own recommendation. */
static int
bind_note(struct ui *ui)
{
	return session_screen(ui, &ui_note_screen);
}

/* F3: evidence. */
static int
bind_evidence(struct ui *ui)
{
	return session_screen(ui, &ui_evidence_screen);
}

/* F4: Handlungsfeld chooser. */
static int
bind_sections(struct ui *ui)
{
	return session_screen(ui, &ui_sections_screen);
}

/* F5: review. */
static int
bind_review(struct ui *ui)
{
	return session_screen(ui, &ui_review_screen);
}

/* F6: result. */
static int
bind_result(struct ui *ui)
{
	return session_screen(ui, &ui_result_screen);
}

/* F7: Entwicklungsziele. */
static int
bind_goals(struct ui *ui)
{
	return session_screen(ui, &ui_goals_screen);
}

/* F8: master data and participants. */
static int
bind_master(struct ui *ui)
{
	return session_screen(ui, &ui_master_screen);
}

/* F9 / Strg-F: find a question by number or words. */
static int
bind_find(struct ui *ui)
{
	return session_screen(ui, &ui_find_screen);
}

/* Move within the interview; from another screen, return to it first. */
static int
navigate(struct ui *ui, int how)
{
	size_t q;
	int found;

	if (ui->session == NULL)
		return 0;
	if (how == 0)
		found = interview_next_open(ui->session, ui->question, &q);
	else if (how > 0)
		found = interview_next(ui->session, ui->question, &q);
	else
		found = interview_prev(ui->session, ui->question, &q);
	if (ui->screen != &ui_interview_screen)
		ui_switch(ui, &ui_interview_screen);
	if (found)
		ui_interview_go(ui, q);
	else
		ui_message(ui, 0,
		           how == 0  ? "Alle angezeigten Fragen sind beantwortet."
		           : how > 0 ? "Das war die letzte Frage (F6 Ergebnis)."
		                     : "Das ist die erste Frage.");
	return UI_HANDLED | UI_REDRAW;
}

/* Tab: next open question anywhere. */
static int
bind_next_open(struct ui *ui)
{
	return navigate(ui, 0);
}

/* PgDn: next shown question. */
static int
bind_next(struct ui *ui)
{
	return navigate(ui, 1);
}

/* PgUp: previous shown question. */
static int
bind_prev(struct ui *ui)
{
	return navigate(ui, -1);
}

/* F10 / Ctrl-Q / Ctrl-C: leave (asks first when the last save failed). */
static int
bind_quit(struct ui *ui)
{
	(void)ui;
	return UI_HANDLED | UI_QUIT;
}

/* The global keys; the help screen lists them in this order. */
const struct ui_binding ui_global_keys[] = {
    {UI_KEY(KEY_F(1)), '?', "F1, ?", "Hilfe: diese Übersicht aller Tasten", bind_help},
    {UI_KEY(KEY_F(2)), 0, "F2", "Notiz und eigene Empfehlung zur Frage", bind_note},
    {UI_KEY(KEY_F(3)), 0, "F3", "Nachweis: Status, nachzureichen bis, Beschreibung",
     bind_evidence},
    {UI_KEY(KEY_F(4)), 0, "F4", "Handlungsfelder: zu einem springen", bind_sections},
    {UI_KEY(KEY_F(5)), 0, "F5", "Übersicht: offene Fragen, Nachweise, Notizen",
     bind_review},
    {UI_KEY(KEY_F(6)), 0, "F6", "Ergebnis mit Punkten je Handlungsfeld", bind_result},
    {UI_KEY(KEY_F(7)), 0, "F7", "Entwicklungsziele", bind_goals},
    {UI_KEY(KEY_F(8)), 0, "F8",
     "Stammdaten, Teilnehmende, vorheriges Audit verknüpfen (Re-Audit)", bind_master},
    {UI_KEY(KEY_F(9)), UI_CTRL('f'), "F9, Strg-F",
     "Frage suchen: Nummer wie 3.7 oder Wörter aus der Frage", bind_find},
    {'\t', 0, "Tab", "nächste offene Frage (im ganzen Prüfbogen)", bind_next_open},
    {UI_KEY(KEY_NPAGE), 0, "Bild↓", "nächste Frage, ohne die Antwort zu ändern",
     bind_next},
    {UI_KEY(KEY_PPAGE), 0, "Bild↑", "vorige Frage, ohne die Antwort zu ändern",
     bind_prev},
    {UI_KEY(KEY_F(10)), UI_CTRL('q'), "F10, Strg-Q",
     "beenden; Strg-C ebenso. Alles ist gespeichert; eine getippte, noch nicht "
     "bestätigte Eingabe wird jetzt gespeichert (ist sie ungültig, fragt das "
     "Programm)",
     bind_quit},
    {UI_CTRL('c'), 0, NULL, NULL, bind_quit},
    {0, 0, "Esc 1 … Esc 0", "wie F1 … F10 (für Terminals ohne F-Tasten)", NULL},
    {0, 0, "Esc Esc",
     "Esc sofort; ein einzelnes Esc wartet kurz auf eine Ziffer (ESCDELAY, sonst "
     "500 ms)",
     NULL},
};
const size_t ui_global_key_count = sizeof ui_global_keys / sizeof ui_global_keys[0];

/* Run the global binding for key, if any. Every binding but help and quit
 * leaves the screen or question: typed input is saved first, and an invalid
 * value stops it (quitting asks in run()). */
static int
global_key(struct ui *ui, int key)
{
	for (size_t i = 0; i < ui_global_key_count; i++) {
		const struct ui_binding *b = &ui_global_keys[i];
		if (b->run == NULL || key == 0 || (b->key != key && b->key2 != key))
			continue;
		if (b->run != bind_help && b->run != bind_quit &&
		    flush_pending(ui, 0) != 0)
			return UI_HANDLED | UI_REDRAW;
		return b->run(ui);
	}
	return 0;
}

/* Whether key is one the global table takes before the screen sees it. */
static int
global_first(int key)
{
	return (key >= UI_KEY(KEY_F(1)) && key <= UI_KEY(KEY_F(12))) ||
	       key == UI_CTRL('q') || key == UI_CTRL('c');
}

/* Set up colours or monochrome attributes. */
static void
setup_attrs(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");

	ui->color = has_colors() && (nc == NULL || nc[0] == '\0');
	for (int i = 0; i < ROLE_COUNT; i++)
		ui->attrs[i] = A_NORMAL;
	ui->attrs[ROLE_HEADER] = A_REVERSE;
	ui->attrs[ROLE_SELECTED] = A_REVERSE;
	ui->attrs[ROLE_ERROR] = A_BOLD;
	ui->attrs[ROLE_OK] = A_NORMAL;
	ui->attrs[ROLE_KEY] = A_BOLD;
	ui->attrs[ROLE_KEYLABEL] = A_REVERSE;
	ui->attrs[ROLE_DIM] = A_DIM;
	ui->attrs[ROLE_BAR] = A_NORMAL;
	ui->attrs[ROLE_BAR_LOW] = A_BOLD;
	ui->attrs[ROLE_TITLE] = A_BOLD | A_UNDERLINE;
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_GREEN, -1);
	init_pair(4, COLOR_BLACK, COLOR_CYAN);
	init_pair(5, COLOR_BLUE, -1);
	ui->attrs[ROLE_HEADER] = COLOR_PAIR(1);
	ui->attrs[ROLE_SELECTED] = COLOR_PAIR(4);
	ui->attrs[ROLE_ERROR] = COLOR_PAIR(2) | A_BOLD;
	ui->attrs[ROLE_OK] = COLOR_PAIR(3);
	ui->attrs[ROLE_KEYLABEL] = COLOR_PAIR(4);
	ui->attrs[ROLE_BAR] = COLOR_PAIR(3);
	ui->attrs[ROLE_BAR_LOW] = COLOR_PAIR(2);
	ui->attrs[ROLE_TITLE] = COLOR_PAIR(5) | A_BOLD;
}

/* Draw the quit question: after a failed save, or for input not saved. */
static void
draw_quit_question(struct ui *ui)
{
	int w = ui->cols - 4, y = ui->rows / 2 - 3;

	if (ui->quit_asked == QUIT_ASK_INPUT) {
		for (int i = 0; i < 6; i++)
			ui_fill(y + i, 2, w, ui->attrs[ROLE_SELECTED]);
		ui_put(y, 3, w - 2, "Eine Eingabe ist noch nicht gespeichert:",
		       ui->attrs[ROLE_SELECTED] | A_BOLD);
		ui_wrap(y + 1, 3, w - 2, 2, ui->status != NULL ? ui->status : "",
		        ui->attrs[ROLE_SELECTED]);
		ui_put(y + 3, 3, w - 2,
		       "Esc  zurück zur Eingabe (korrigieren oder anlegen)",
		       ui->attrs[ROLE_SELECTED]);
		ui_put(y + 4, 3, w - 2,
		       "b    trotzdem beenden, ohne diese Eingabe (alles andere ist "
		       "gespeichert)",
		       ui->attrs[ROLE_SELECTED]);
		return;
	}

	for (int i = 0; i < 6; i++)
		ui_fill(y + i, 2, w, ui->attrs[ROLE_SELECTED]);
	ui_put(y, 3, w - 2, "Die letzten Änderungen sind NICHT gespeichert!",
	       ui->attrs[ROLE_SELECTED] | A_BOLD);
	ui_putf(y + 1, 3, w - 2, ui->attrs[ROLE_SELECTED], "Grund: %s",
	        ui->save_error != NULL ? ui->save_error : "?");
	ui_put(y + 2, 3, w - 2, "w  erneut speichern", ui->attrs[ROLE_SELECTED]);
	ui_put(y + 3, 3, w - 2, "a  als Text in ein anderes Verzeichnis sichern",
	       ui->attrs[ROLE_SELECTED]);
	ui_put(y + 4, 3, w - 2, "b  trotzdem beenden (Änderungen gehen verloren)",
	       ui->attrs[ROLE_SELECTED]);
	ui_put(y + 5, 3, w - 2, "Esc  zurück zum Programm", ui->attrs[ROLE_SELECTED]);
}

/* Save the session as dump text into another directory (after a failed save). */
static void
save_elsewhere(struct ui *ui, const char *dir)
{
	char *why = NULL, *path = NULL;

	if (session_rescue_save(ui->session, dir, &path, &why) == 0) {
		ui_message(ui, 0,
		           "Gesichert in %s (wiederherstellen: wohnort-audit load %s)",
		           path, path);
		ui->save_failed = 0; /* the data is safe on disk */
		str_replace(&rescue_path, path);
	} else {
		ui_message(ui, 1, "Sicherung fehlgeschlagen: %s", why);
		free(why);
	}
	free(path);
}

/* The quit question's keys; returns 1 when the program may end. */
static int
quit_question_key(struct ui *ui, int key, struct ui_edit *dir_edit)
{
	if (dir_edit->active) {
		int r = ui_edit_key(dir_edit, key);
		if (r == EDIT_COMMIT) {
			char *d = ui_edit_text(dir_edit);
			ui_edit_stop(dir_edit);
			save_elsewhere(ui, d);
			free(d);
			if (!ui->save_failed)
				return 1;
		} else if (r == EDIT_CANCEL) {
			ui_edit_stop(dir_edit);
		}
		return 0;
	}
	if (ui->quit_asked == QUIT_ASK_INPUT) {
		if (key == UI_ESC) {
			ui->quit_asked = 0;
		} else if (key == 'b') {
			if (ui->session == NULL || !ui->save_failed || save_now(ui) == 0)
				return 1;
			ui->quit_asked = QUIT_ASK_SAVE;
		}
		return 0;
	}
	switch (key) {
	case 'w':
		if (save_now(ui) == 0)
			return 1;
		break;
	case 'a':
		ui_edit_start(dir_edit, getenv("HOME") != NULL ? getenv("HOME") : "/tmp");
		break;
	case 'b':
		return 1;
	case UI_ESC:
		ui->quit_asked = 0;
		break;
	default:
		break;
	}
	return 0;
}

/* Draw the whole frame for the current state. */
static void
draw(struct ui *ui, struct ui_edit *dir_edit)
{
	int cy, cx;

	getmaxyx(stdscr, ui->rows, ui->cols);
	erase();
	if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
		ui_too_small(ui);
		ui_cursor_take(&cy, &cx);
		curs_set(0);
		refresh();
		return;
	}
	ui->screen->draw(ui);
	ui_status_line(ui); /* again, over the content: a long message takes two rows */
	if (ui->quit_asked) {
		ui_cursor_take(&cy, &cx);
		draw_quit_question(ui);
		if (dir_edit->active) {
			ui_put(ui->rows / 2 + 3, 3, ui->cols - 6,
			       "Verzeichnis (Enter sichert):",
			       ui->attrs[ROLE_SELECTED] | A_BOLD);
			ui_edit_draw(dir_edit, ui->rows / 2 + 4, 3, ui->cols - 6,
			             A_REVERSE);
		}
	}
	if (ui_cursor_take(&cy, &cx)) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
	refresh();
}

/* The main loop: read a key, dispatch, redraw. Returns how it ended. */
static enum tui_status
run(struct ui *ui)
{
	struct ui_edit dir_edit = {0};
	struct timespec t0, t1;
	int redraw = 1, quick_errors = 0;

	for (;;) {
		int key, flags = 0;

		if (got_signal)
			break;
		if (redraw)
			draw(ui, &dir_edit);
		redraw = 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		key = ui_read_key(1000);
		if (key < 0) {
			/* the timeout returns after a second; many quick failures in
			 * a row mean the terminal is gone (hangup without SIGHUP) */
			clock_gettime(CLOCK_MONOTONIC, &t1);
			if ((t1.tv_sec - t0.tv_sec) * 1000 +
			            (t1.tv_nsec - t0.tv_nsec) / 1000000 <
			        100 &&
			    !got_signal && ++quick_errors > 100)
				break;
			continue;
		}
		quick_errors = 0;
		redraw = 1;
		if (key == UI_KEY_UNKNOWN) {
			ui_message(ui, 1, "Unbekannte Taste ignoriert (F1: alle Tasten)");
			continue;
		}
		if (key == UI_KEY(KEY_RESIZE)) {
			getmaxyx(stdscr, ui->rows, ui->cols);
			for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
				if (screens[i]->resize != NULL)
					screens[i]->resize(ui);
			continue;
		}
		if (ui->quit_asked) {
			if (quit_question_key(ui, key, &dir_edit))
				break;
			continue;
		}
		if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
			/* too small: only quitting works */
			if (key == UI_KEY(KEY_F(10)) || key == UI_CTRL('q') ||
			    key == UI_CTRL('c'))
				flags = UI_QUIT;
		} else if (global_first(key)) {
			flags = global_key(ui, key);
		} else {
			flags = ui->screen->key(ui, key);
			if (!(flags & UI_HANDLED))
				flags |= global_key(ui, key);
		}
		if (flags & UI_QUIT) {
			if (flush_pending(ui, 1) != 0) {
				if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
					/* no room to ask: leave, and say so on stderr */
					str_replace(&discarded_input, ui->status);
					break;
				}
				ui->quit_asked = QUIT_ASK_INPUT;
				continue;
			}
			if (ui->session != NULL && ui->save_failed && save_now(ui) != 0) {
				ui->quit_asked = QUIT_ASK_SAVE;
				continue;
			}
			break;
		}
	}
	if (got_signal && !ui->quit_asked && flush_pending(ui, 1) != 0)
		str_replace(&discarded_input, ui->status);
	ui_edit_stop(&dir_edit);
	if (ui->session != NULL && (ui->save_failed || cursor_unsaved(ui)))
		save_now(ui);
	return ui->session != NULL && ui->save_failed ? TUI_FAILED : TUI_OK;
}

/* Open the session named on the command line: as given, or in dir. */
static struct session *
open_named(const char *name, const char *dir, enum tui_status *status, char **notice_out)
{
	char *notice = NULL, *why = NULL, *path;
	struct session *s;
	struct stat st;

	if (strchr(name, '/') == NULL && stat(name, &st) != 0)
		path = xasprintf("%s/%s", dir, name);
	else
		path = xstrdup(name);
	errno = 0;
	s = session_open(path, SESSION_WRITE, &notice, &why);
	if (s == NULL) {
		if (errno == EWOULDBLOCK) {
			tui_error("%s. Bitte dort weiterarbeiten oder jenes Programm "
			          "zuerst beenden.",
			          why != NULL ? why : path);
			*status = TUI_LOCKED;
		} else {
			tui_error("%s", why != NULL ? why : path);
			*status = TUI_FAILED;
		}
		free(why);
		free(path);
		return NULL;
	}
	*notice_out = notice;
	free(path);
	return s;
}

/*
 * Whether TERM names a terminal that can show the screens: set, known to
 * terminfo, able to place the cursor and clear, not a hard-copy or generic
 * type (TERM=dumb). 1, or 0 with *why (caller frees).
 */
static int
terminal_usable(char **why)
{
	const char *term = getenv("TERM");
	char *cup, *clear;
	int err = 0, ok;

	if (term == NULL || term[0] == '\0') {
		*why = xstrdup("TERM ist nicht gesetzt, das Terminal ist unbekannt");
		return 0;
	}
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK) {
		*why = err == -1
		           ? xasprintf("TERM=%s: die terminfo-Datenbank fehlt", term)
		           : xasprintf("TERM=%s ist ein unbekanntes Terminal (kein "
		                       "terminfo-Eintrag)",
		                       term);
		return 0;
	}
	cup = tigetstr((char *)"cup");
	clear = tigetstr((char *)"clear");
	ok = tigetflag((char *)"hc") <= 0 && tigetflag((char *)"gn") <= 0 &&
	     cup != NULL && cup != (char *)-1 && clear != NULL && clear != (char *)-1;
	del_curterm(cur_term);
	if (!ok)
		*why = xasprintf("TERM=%s kann den Cursor nicht setzen und keine "
		                 "Bildschirmmasken zeigen",
		                 term);
	return ok;
}

/* Make sure multibyte text is UTF-8 even when the environment says C. */
static void
ensure_utf8_locale(void)
{
	if (MB_CUR_MAX > 1)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

/* Point fd 2 at the log in dir while curses runs; returns the saved fd or -1. */
static int
redirect_stderr(const char *dir)
{
	char *log = xasprintf("%s/wohnort-audit.log", dir);
	int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600),
	    saved;

	free(log);
	if (fd < 0)
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	return saved;
}

enum tui_status
tui_run(const struct tui_options *opt)
{
	struct ui ui;
	const char *dir_opt = opt->dir, *session_name = opt->session;
	char *why = NULL, *notice = NULL;
	enum tui_status status = TUI_OK;
	int saved_fd;
	struct session *s = NULL;

	memset(&ui, 0, sizeof ui);
	ui.form_path = xstrdup(opt->form);
	ui.dir = paths_session_dir(dir_opt, 1, &why);
	if (ui.dir == NULL) {
		tui_error("%s", why);
		free(why);
		free(ui.form_path);
		return TUI_FAILED;
	}
	if (session_name != NULL) {
		s = open_named(session_name, ui.dir, &status, &notice);
		if (s == NULL) {
			free(ui.dir);
			free(ui.form_path);
			return status;
		}
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		tui_error("das Prüfgespräch braucht ein Terminal (für Skripte: "
		          "wohnort-audit help)");
		free(notice);
		session_free(s);
		free(ui.dir);
		free(ui.form_path);
		return TUI_NO_TERMINAL;
	}
	if (!terminal_usable(&why)) {
		tui_error("%s. Das Prüfgespräch braucht ein Terminal mit "
		          "Bildschirmsteuerung, z. B. TERM=xterm-256color, linux oder "
		          "screen (für Skripte: wohnort-audit help)",
		          why);
		free(why);
		free(notice);
		session_free(s);
		free(ui.dir);
		free(ui.form_path);
		return TUI_NO_TERMINAL;
	}
	ensure_utf8_locale();
	if (tcgetattr(STDIN_FILENO, &saved_termios) == 0)
		have_termios = 1;
	if (s != NULL && strrchr(s->path, '/') == NULL) {
		saved_fd = redirect_stderr(".");
	} else if (s != NULL) {
		/* the log goes beside the session that was opened */
		char *d = xstrndup(s->path, (size_t)(strrchr(s->path, '/') - s->path));
		saved_fd = redirect_stderr(d[0] != '\0' ? d : "/");
		free(d);
	} else {
		saved_fd = redirect_stderr(ui.dir);
	}
	install_signals();
	ui_keys_init();
	initscr();
	/* curses itself waits only briefly for the bytes of a sequence it knows
	 * (initscr took ESCDELAY for it): a sequence split in transit is still
	 * read whole by ui_keys.c, which owns ESCDELAY (the wait after a lone
	 * Esc). A longer wait here would delay every Esc Esc. */
	set_escdelay(5);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(1000);
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore(has_alternate_screen() ? "rmcup" : "clear");
	setup_attrs(&ui);
	getmaxyx(stdscr, ui.rows, ui.cols);
	if (s != NULL) {
		ui_open_session(&ui, s);
		if (notice != NULL)
			ui_message(&ui, 1, "%s", notice);
		else
			ui_message(&ui, 0, "Geöffnet: %s", s->path);
		free(notice);
	} else
		ui_switch(&ui, &ui_start_screen);
	status = run(&ui);
	endwin();
	clear_without_alternate_screen();
	if (saved_fd >= 0) {
		fflush(stderr);
		dup2(saved_fd, STDERR_FILENO);
		close(saved_fd);
	}
	if (got_signal)
		fprintf(stderr, "wohnort-audit: Signal %d: gespeichert und beendet\n",
		        (int)got_signal);
	if (discarded_input != NULL) {
		fprintf(stderr,
		        "wohnort-audit: eine Eingabe wurde nicht gespeichert: %s\n",
		        discarded_input);
		free(discarded_input);
		discarded_input = NULL;
	}
	if (rescue_path != NULL) {
		fprintf(stderr,
		        "wohnort-audit: Sitzung als Text gesichert in %s "
		        "(wiederherstellen: wohnort-audit load %s)\n",
		        rescue_path, rescue_path);
		free(rescue_path);
		rescue_path = NULL;
	}
	if (ui.session != NULL && ui.save_failed)
		fprintf(stderr, "wohnort-audit: nicht gespeichert: %s\n",
		        ui.save_error != NULL ? ui.save_error : "?");
	session_free(ui.session);
	free(ui.status);
	free(ui.save_error);
	free(ui.saved_cursor);
	free(ui.dir);
	free(ui.form_path);
	return status;
}
