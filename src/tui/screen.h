/*
 * screen.h: the interview's screen manager. struct ui is what every screen
 * shares (the open session, the terminal size, the status line); struct
 * ui_screen is what one screen is. Each screen is one file ui_<name>.c that
 * exports one const struct ui_screen, listed in the table in screen.c. A
 * screen owns its state (a pointer the manager keeps and hands back), its
 * key bindings (one table: what the keys do, its key bar and its part of
 * the help), and draws from its state without changing it. Changes to the
 * session go through save.h. Included only by src/tui files.
 */
#ifndef SCREEN_H
#define SCREEN_H

#include <stddef.h>

#include <curses.h>

#include "model/session.h"
#include "tui/bind.h"

/* Flags returned by key handlers. */
enum {
	UI_HANDLED = 1, /* the key was used */
	UI_REDRAW = 2,  /* the screen must be drawn again */
	UI_QUIT = 4, /* leave the program: typed input is saved first, or asked about */
	UI_EXIT = 8, /* leave now: the quit dialog has asked */
};

/* Smallest usable terminal; below it a message asks for a larger window. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 18
/* From this width on the interview shows the Handlungsfeld list at the side. */
#define UI_SIDE_COLS 80

/* Colour/attribute roles; term.c maps them to colours or monochrome. */
enum ui_role {
	ROLE_NORMAL,
	ROLE_HEADER,   /* title line */
	ROLE_SELECTED, /* highlighted row */
	ROLE_ERROR,    /* failure messages */
	ROLE_OK,       /* saved, complete */
	ROLE_KEY,      /* key number in the key bar */
	ROLE_KEYLABEL, /* its label */
	ROLE_DIM,      /* hints, hidden items */
	ROLE_BAR,      /* filled part of a bar */
	ROLE_BAR_LOW,  /* bar below the minimum */
	ROLE_TITLE,    /* headings inside a screen */
	ROLE_COUNT,
};

/* Which global keys a screen's key bar shows after its own (bit n: Fn). */
#define UI_BAR_F(n) (1u << (n))

struct ui;

struct ui_screen {
	/* Short German name; the help screen puts it before the screen's keys
	 * ("Start: Enter"). */
	const char *name;
	/* Its keys get a section of their own in the help under this heading;
	 * NULL: listed with the other screens under „Weitere Bildschirme“. */
	const char *help_title;
	/*
	 * init: entering the screen. state is what init returned when the
	 * screen was last entered (NULL the first time); returns the state
	 * to use now (usually the same object, refilled). The manager keeps
	 * it until the program ends, so a screen may remember things across
	 * visits (the selected row). Returning to a screen from one opened
	 * over it (help, the quit dialog) does not call init.
	 */
	void *(*init)(struct ui *ui, void *state);
	/* Free the state at the end (may be NULL). */
	void (*free)(void *state);
	/* Draw everything from the state, which it must not change. */
	void (*draw)(const struct ui *ui, const void *state);
	/* Keys no binding took (typing, a widget's keys); UI_* flags, 0 when not
	 * used (a global key may take it). May be NULL. */
	int (*key)(struct ui *ui, void *state, int key);
	/* The terminal size changed: move scroll positions (may be NULL). */
	void (*resize)(struct ui *ui, void *state);
	/*
	 * flush: save what is typed but not yet confirmed, before the screen
	 * is left by any key, on quitting (quitting set) and on a signal. 0
	 * when nothing is pending or it was saved; -1 when it cannot be (an
	 * invalid value, kept for correction, or on quitting something that
	 * must be confirmed), with the reason in the status line. May be NULL.
	 */
	int (*flush)(struct ui *ui, void *state, int quitting);
	/* The screen's keys: they run before key() and make its key bar and
	 * its part of the help. */
	const struct ui_binding *bindings;
	size_t binding_count;
	/* The global keys (global.c) its key bar shows after its own: UI_BAR_F(n)… */
	unsigned bar_globals;
	/* Opened over another screen, which stays visible beneath it; it gets
	 * every key (no global key works while it is open). */
	int modal;
};

/* The most screens open over each other (a screen, help, the quit dialog). */
#define UI_STACK_MAX 4

struct ui {
	char *dir;               /* session directory */
	char *form_path;         /* the file of --form, or NULL: the default form */
	struct session *session; /* the open session (write lock), or NULL */
	int rows, cols;
	int color;
	attr_t attrs[ROLE_COUNT];
	size_t question; /* the current question of the interview */
	char *status;    /* status line text (owned), NULL for none */
	int status_error;
	int save_failed;    /* the last save failed: changes only in memory */
	char *save_error;   /* its reason (owned) */
	char *saved_cursor; /* session.cursor as last written to disk */
	char *rescue_path;  /* where the session was saved as text (quit dialog) */
	char *discarded;    /* why typed input was not saved when the program ended */

	/* The manager's own (screen.c): the screens open now, the bottom one
	 * first, and every screen's state (by its place in the table). */
	const struct ui_screen *stack[UI_STACK_MAX];
	size_t depth;
	void **states;
	const struct ui_screen *drawing; /* the screen draw() is drawing now */
	struct ui_ask {                  /* a yes/no question in the status line */
		int active;
		int yes[3];                          /* keys that mean yes */
		void (*on_yes)(struct ui *, void *); /* what yes does */
		void *arg;
		const char *no; /* the message for any other key */
	} ask;
	int points_toggled; /* Strg-P: points shown where the phase hides them, or
	                       hidden where it shows them (until the phase changes) */
	int phase_seen;     /* the phase points_toggled belongs to */
	/* A change refused for want of a reason (the audit is abgeschlossen):
	 * the reason screen asks, then the key runs again with the reason. */
	struct ui_retry {
		int wanted;        /* save_reason_needed asked during this key */
		int key;           /* the key to run again */
		struct ui_ask ask; /* the question that key answered, asked again */
	} retry;
};

/*
 * screen_points_shown: whether points, maxima, percentages, Sonderpunkte and
 * the verdict may be drawn now. Every screen asks this one function before it
 * draws any of them, so that a discreet display (the town's people see the
 * screen during the talk) can hide all of them in one place: hidden in the
 * Gespräch when the form is discreet (session_points_hidden), shown in the
 * other phases and while no audit is open (the start screen); Strg-P turns
 * that around for the auditor until the phase changes or another audit is
 * opened (ui->points_toggled).
 */
int screen_points_shown(const struct ui *ui);

/* Run the key refused for want of a reason again, now that ui->session has
 * one (the reason screen), and drop the reason afterwards. */
void screen_retry(struct ui *ui);

/* Switch to screen: every screen opened over the current one is closed, the
 * current one is left, and screen's init runs. */
void screen_switch(struct ui *ui, const struct ui_screen *screen);

/* Open screen over the current one (help, the quit dialog), which keeps its
 * state; screen's init runs. */
void screen_open(struct ui *ui, const struct ui_screen *screen);

/* Close the screen opened last; the one beneath is current again (no init). */
void screen_close(struct ui *ui);

/* Save what the screen beneath any opened ones (help) has typed but not
 * confirmed: its flush (see struct ui_screen). 0, or -1 (kept, reason shown). */
int screen_flush(struct ui *ui, int quitting);

/* Leave a side screen: back to the interview (or the start screen without a
 * session). */
void screen_back(struct ui *ui);

/* A binding's run for Esc on a side screen: screen_back. */
int screen_back_key(struct ui *ui, void *state, int key);

/* Take over a freshly opened session (the TUI owns it afterwards) and go to
 * the interview, at the question to resume at. */
void screen_open_session(struct ui *ui, struct session *s);

/* The state of screen (what its init returned), or NULL before it was
 * entered. For the screen's own file. */
void *screen_state(const struct ui *ui, const struct ui_screen *screen);

/* Put a message in the status line (printf-style); error paints it red. */
void screen_message(struct ui *ui, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Empty the status line. */
void screen_clear_message(struct ui *ui);

/*
 * screen_ask: ask a yes/no question in the status line (red). The next key
 * answers it: one of the yes keys (up to three, 0-terminated) calls
 * on_yes(ui, arg); any other key shows no. A global key (F-keys, Strg-Q,
 * Strg-C) drops the question and does what it does. arg must live until
 * then.
 */
void screen_ask(struct ui *ui, const char *question, const int yes[3],
                void (*on_yes)(struct ui *ui, void *arg), void *arg, const char *no);

/*
 * screen_run: the main loop, from the screen the caller switched to: read
 * a key, dispatch it (an open question, the current screen's bindings and
 * fallback, the global keys), draw. Returns when the auditor quits or a
 * signal ends it (term_signal), after saving what is typed and the last
 * position; ui->save_failed then says whether the session is on disk.
 */
void screen_run(struct ui *ui);

/* Free every screen's state. */
void screen_free_all(struct ui *ui);

#endif
