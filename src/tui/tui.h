/*
 * tui.h: the one entry point of the interview (ncursesw), for the command
 * line. Everything else in src/tui is private to the TUI. This header pulls
 * in no curses, so the CLI can include it.
 */
#ifndef TUI_H
#define TUI_H

/* What the interview starts on. Strings are borrowed for the call. */
struct tui_options {
	const char *dir;     /* --dir: the session directory, NULL for the default */
	const char *form;    /* --form: the Prüfbogen file for new audits, NULL: the
	                        default (configuration, else bundled) */
	const char *session; /* a session to open (path, or name in dir), or NULL:
	                        the start screen */
};

/* How the interview ended; the CLI turns it into its exit status. */
enum tui_status {
	TUI_OK = 0,      /* ended normally, everything saved */
	TUI_NO_TERMINAL, /* no usable terminal (not a tty, TERM missing/unknown/dumb) */
	TUI_FAILED,      /* the session could not be opened, or the last save failed */
	TUI_LOCKED,      /* the session is held by another process */
};

/*
 * tui_run: run the interview until the auditor quits or a signal ends it.
 * Messages that belong before or after the curses screen (a refused
 * terminal, a locked or damaged session, what was not saved) go to stderr
 * as "wohnort-audit: …" lines.
 */
enum tui_status tui_run(const struct tui_options *opt);

#endif
