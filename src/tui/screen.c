/*
 * screen.c: the screen manager: the table of screens, switching between
 * them and opening one over another (help, the quit dialog), keeping each
 * screen's state, the status line and its yes/no questions, and the main
 * loop that reads a key, dispatches it and draws. A key goes to an open
 * modal screen alone; else to a pending question, then the global keys
 * that come first (F-keys, Strg-Q, Strg-C), the current screen's bindings
 * and fallback, and the other global keys. Never calls the store or
 * libxlsxwriter; changes go through save.c.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/util.h"
#include "model/history.h"
#include "model/interview.h"
#include "tui/frame.h"
#include "tui/global.h"
#include "tui/keys.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/term.h"
#include "tui/text.h"

/* Every screen, once; the help screen lists their keys in this order. */
const struct ui_screen *const screens[] = {
    &ui_start_screen,       &ui_new_screen,    &ui_interview_screen,
    &ui_sections_screen,    &ui_note_screen,   &ui_evidence_screen,
    &ui_goals_screen,       &ui_master_screen, &ui_review_screen,
    &ui_development_screen, &ui_result_screen, &ui_find_screen,
    &ui_history_screen,     &ui_help_screen,   &ui_quit_save_screen,
    &ui_quit_input_screen,  &ui_reason_screen,
};
const size_t screen_count = sizeof screens / sizeof screens[0];

/* The place of screen in the table. */
static size_t
screen_index(const struct ui_screen *screen)
{
	for (size_t i = 0; i < screen_count; i++)
		if (screens[i] == screen)
			return i;
	abort(); /* a screen missing from the table: a programming error */
}

void *
screen_state(const struct ui *ui, const struct ui_screen *screen)
{
	return ui->states != NULL ? ui->states[screen_index(screen)] : NULL;
}

/* Run screen's init with the state of its last visit. */
static void
enter(struct ui *ui, const struct ui_screen *screen)
{
	size_t i = screen_index(screen);

	if (ui->states == NULL)
		ui->states = xcalloc(screen_count, sizeof *ui->states);
	if (screen->init != NULL)
		ui->states[i] = screen->init(ui, ui->states[i]);
}

void
screen_clear_message(struct ui *ui)
{
	free(ui->status);
	ui->status = NULL;
}

/* Drop a pending question, and its words from the status line. */
static void
ask_drop(struct ui *ui)
{
	if (!ui->ask.active)
		return;
	ui->ask.active = 0;
	screen_clear_message(ui);
}

void
screen_switch(struct ui *ui, const struct ui_screen *screen)
{
	ask_drop(ui);
	if (ui->depth > 1 && ui->stack[0] == screen) {
		/* back from help: the screen keeps its state (a half-filled form) */
		ui->depth = 1;
		return;
	}
	ui->depth = 1;
	ui->stack[0] = screen;
	enter(ui, screen);
}

void
screen_open(struct ui *ui, const struct ui_screen *screen)
{
	if (ui->depth >= UI_STACK_MAX)
		return;
	ui->stack[ui->depth++] = screen;
	enter(ui, screen);
}

void
screen_close(struct ui *ui)
{
	if (ui->depth > 1)
		ui->depth--;
}

void
screen_back(struct ui *ui)
{
	screen_switch(ui, ui->session != NULL ? &ui_interview_screen : &ui_start_screen);
}

int
screen_back_key(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	screen_back(ui);
	return UI_HANDLED | UI_REDRAW;
}

void
screen_open_session(struct ui *ui, struct session *s)
{
	session_free(ui->session);
	ui->session = s;
	ui->question = interview_resume(s);
	ui->save_failed = 0;
	ui->points_toggled = 0; /* Strg-P was for the session before */
	str_replace(&ui->saved_cursor, s->cursor);
	ui->depth = 0;
	screen_switch(ui, &ui_interview_screen);
}

int
screen_flush(struct ui *ui, int quitting)
{
	const struct ui_screen *base;

	if (ui->depth == 0)
		return 0;
	base = ui->stack[0];
	if (base->flush == NULL)
		return 0;
	return base->flush(ui, screen_state(ui, base), quitting);
}

void
screen_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	free(ui->status);
	va_start(ap, fmt);
	ui->status = xvasprintf(fmt, ap);
	va_end(ap);
	ui->status_error = error;
}

void
screen_ask(struct ui *ui, const char *question, const int yes[3],
           void (*on_yes)(struct ui *ui, void *arg), void *arg, const char *no)
{
	screen_message(ui, 1, "%s", question);
	ui->ask.active = 1;
	for (int i = 0; i < 3; i++)
		ui->ask.yes[i] = yes[i];
	ui->ask.on_yes = on_yes;
	ui->ask.arg = arg;
	ui->ask.no = no;
}

/* The next key answers the pending question. */
static int
ask_answer(struct ui *ui, int key)
{
	struct ui_ask a = ui->ask;

	ui->ask.active = 0;
	for (int i = 0; i < 3; i++)
		if (a.yes[i] != 0 && key == a.yes[i]) {
			a.on_yes(ui, a.arg);
			return UI_HANDLED | UI_REDRAW;
		}
	screen_message(ui, 0, "%s", a.no);
	return UI_HANDLED | UI_REDRAW;
}

/* Whether the terminal is too small for any screen. */
static int
too_small(const struct ui *ui)
{
	return ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
}

/* A key for screen: its bindings, then its fallback. */
static int
screen_key(struct ui *ui, const struct ui_screen *screen, int key)
{
	void *state = screen_state(ui, screen);
	int r = bind_run(screen->bindings, screen->binding_count, ui, state, key);

	if (r == 0 && screen->key != NULL)
		r = screen->key(ui, state, key);
	return r;
}

/* Where a key goes; returns the UI_* flags of what took it. */
static int
dispatch(struct ui *ui, int key)
{
	const struct ui_screen *top = ui->stack[ui->depth - 1];
	int flags;

	if (top->modal)
		return screen_key(ui, top, key);
	if (too_small(ui))
		return global_quit_key(key) ? UI_QUIT : 0; /* only quitting works */
	if (ui->ask.active) {
		if (!global_first(key))
			return ask_answer(ui, key);
		ask_drop(ui);
	}
	if (global_first(key))
		return global_run(ui, key);
	flags = screen_key(ui, top, key);
	if (!(flags & UI_HANDLED))
		flags |= global_run(ui, key);
	return flags;
}

/* Draw the whole frame: the current screen, or the screen beneath the
 * modal ones and then them. */
static void
draw(struct ui *ui)
{
	size_t base;
	int cy, cx;

	getmaxyx(stdscr, ui->rows, ui->cols);
	erase();
	if (too_small(ui)) {
		frame_too_small(ui);
		text_cursor_take(&cy, &cx);
		curs_set(0);
		refresh();
		return;
	}
	for (base = ui->depth - 1; base > 0 && ui->stack[base]->modal; base--)
		;
	ui->drawing = ui->stack[base];
	ui->stack[base]->draw(ui, screen_state(ui, ui->stack[base]));
	frame_status(ui); /* again, over the content: a long message takes two rows */
	for (size_t i = base + 1; i < ui->depth; i++) {
		text_cursor_take(&cy, &cx); /* the screen beneath does not get it */
		ui->drawing = ui->stack[i];
		ui->stack[i]->draw(ui, screen_state(ui, ui->stack[i]));
	}
	ui->drawing = NULL;
	if (text_cursor_take(&cy, &cx)) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
	refresh();
}

/* The terminal size changed: every screen that has a state moves its views. */
static void
resize(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	for (size_t i = 0; i < screen_count; i++)
		if (screens[i]->resize != NULL && ui->states != NULL &&
		    ui->states[i] != NULL)
			screens[i]->resize(ui, ui->states[i]);
}

/* Leaving: save typed input (or ask), and a save that failed before (or
 * ask). 1 when the program may end. */
static int
quit(struct ui *ui)
{
	if (screen_flush(ui, 1) != 0) {
		if (too_small(ui)) {
			/* no room to ask: leave, and say so on stderr */
			str_replace(&ui->discarded, ui->status);
			return 1;
		}
		screen_open(ui, &ui_quit_input_screen);
		return 0;
	}
	if (ui->session != NULL && ui->save_failed && save_now(ui) != 0) {
		screen_open(ui, &ui_quit_save_screen);
		return 0;
	}
	return 1;
}

void
screen_run(struct ui *ui)
{
	struct timespec t0, t1;
	int redraw = 1, quick_errors = 0;

	for (;;) {
		struct ui_ask asked;
		int key, flags;

		if (term_signal())
			break;
		if (redraw)
			draw(ui);
		redraw = 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		key = keys_read(1000);
		if (key < 0) {
			/* the timeout returns after a second; many quick failures in
			 * a row mean the terminal is gone (hangup without SIGHUP) */
			clock_gettime(CLOCK_MONOTONIC, &t1);
			if ((t1.tv_sec - t0.tv_sec) * 1000 +
			            (t1.tv_nsec - t0.tv_nsec) / 1000000 <
			        100 &&
			    !term_signal() && ++quick_errors > 100)
				break;
			continue;
		}
		quick_errors = 0;
		redraw = 1;
		if (key == UI_KEY_UNKNOWN) {
			screen_message(ui, 1,
			               "Unbekannte Taste ignoriert (F1: alle Tasten)");
			continue;
		}
		if (key == UI_KEY(KEY_RESIZE)) {
			resize(ui);
			continue;
		}
		asked = ui->ask;
		flags = dispatch(ui, key);
		if (flags & UI_EXIT)
			break;
		if ((flags & UI_QUIT) && quit(ui))
			break;
		if (ui->retry.wanted && !(flags & UI_QUIT)) {
			/* a change needs a reason: ask, then run the key again */
			ui->retry.key = key;
			ui->retry.ask = asked;
			screen_open(ui, &ui_reason_screen);
		}
		/* asked once; the quit dialog deals with what could not be saved */
		ui->retry.wanted = 0;
	}
	if (term_signal() && !ui->stack[ui->depth - 1]->modal && screen_flush(ui, 1) != 0)
		str_replace(&ui->discarded, ui->status);
	if (ui->session != NULL && (ui->save_failed || save_cursor_pending(ui)))
		save_now(ui);
}

void
screen_free_all(struct ui *ui)
{
	for (size_t i = 0; ui->states != NULL && i < screen_count; i++)
		if (screens[i]->free != NULL && ui->states[i] != NULL)
			screens[i]->free(ui->states[i]);
	free(ui->states);
	ui->states = NULL;
}

int
screen_points_shown(const struct ui *ui)
{
	/* no audit open (the start screen): no talk is going on */
	int shown = ui->session == NULL || !session_points_hidden(ui->session);
	int phase = ui->session != NULL ? (int)session_phase(ui->session) : -1;

	if (ui->points_toggled && ui->phase_seen == phase)
		shown = !shown;
	return shown;
}

void
screen_retry(struct ui *ui)
{
	struct ui_retry r = ui->retry;

	memset(&ui->retry, 0, sizeof ui->retry);
	if (r.ask.active)
		ui->ask = r.ask;
	dispatch(ui, r.key);
	/* the reason was for this change only */
	if (ui->session != NULL)
		session_change_reason(ui->session, NULL);
	if (ui->retry.wanted) /* still refused: say so, do not ask in a loop */
		memset(&ui->retry, 0, sizeof ui->retry);
}
