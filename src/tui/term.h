/*
 * term.h: the terminal around the interview: whether TERM can show the
 * screens, the UTF-8 locale, stderr into a log while curses owns the
 * screen, the signals that end the program (saving first) or kill it
 * (restoring the terminal first), curses set-up and restore, and the
 * colours of the roles. Knows no screen and no session.
 */
#ifndef TERM_H
#define TERM_H

#include <curses.h>

#include "tui/screen.h"

/*
 * term_usable: whether TERM names a terminal that can show the screens:
 * set, known to terminfo, able to place the cursor and clear, not a
 * hard-copy or generic type (TERM=dumb). 1, or 0 with *why (German; caller
 * frees).
 */
int term_usable(char **why);

/* Make multibyte text UTF-8 even when the environment says C. */
void term_utf8_locale(void);

/* Point fd 2 at dir/wohnort-audit.log (or /dev/null) while curses runs;
 * returns the saved fd for term_log_end, or -1. */
int term_log_begin(const char *dir);
/* Give fd 2 back. */
void term_log_end(int saved_fd);

/* Install the signal handlers: SIGTERM, SIGHUP, SIGINT ask the program to
 * end (term_signal); SIGSEGV and the like restore the terminal and die. */
void term_signals(void);
/* The signal that asks the program to end, or 0: long work stops early,
 * the main loop saves and leaves. */
int term_signal(void);

/* Start curses (raw keys, keypad, no echo) and fill ui's colour roles. */
void term_start(struct ui *ui);
/* End curses; a terminal without an alternate screen is cleared, so no
 * answer of the talk stays on it. */
void term_stop(void);

#endif
