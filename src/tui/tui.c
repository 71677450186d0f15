/*
 * tui.c: the interview's entry point (tui_run): what happens before curses
 * starts (the session named on the command line is opened and locked, a
 * session held by another process or an unusable terminal is refused with
 * a message), setting up the terminal, the screen manager's main loop, and
 * what is said on stderr once the terminal is back (a signal, input that
 * was not saved, a rescue copy, a failed save).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/paths.h"
#include "lib/util.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/term.h"
#include "tui/tui.h"

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

/* Where the log goes while curses runs: beside the opened session, or in the
 * session directory. */
static int
start_log(const struct ui *ui, const struct session *s)
{
	const char *slash;
	char *d;
	int fd;

	if (s == NULL)
		return term_log_begin(ui->dir);
	slash = strrchr(s->path, '/');
	if (slash == NULL)
		return term_log_begin(".");
	d = xstrndup(s->path, (size_t)(slash - s->path));
	fd = term_log_begin(d[0] != '\0' ? d : "/");
	free(d);
	return fd;
}

/* Free what tui_run holds. */
static void
ui_free(struct ui *ui)
{
	screen_free_all(ui);
	session_free(ui->session);
	free(ui->status);
	free(ui->save_error);
	free(ui->saved_cursor);
	free(ui->rescue_path);
	free(ui->discarded);
	free(ui->dir);
	free(ui->form_path);
}

enum tui_status
tui_run(const struct tui_options *opt)
{
	struct ui ui;
	char *why = NULL, *notice = NULL;
	enum tui_status status = TUI_OK;
	int saved_fd;
	struct session *s = NULL;

	memset(&ui, 0, sizeof ui);
	ui.form_path = xstrdup(opt->form);
	ui.dir = paths_session_dir(opt->dir, 1, &why);
	if (ui.dir == NULL) {
		tui_error("%s", why);
		free(why);
		ui_free(&ui);
		return TUI_FAILED;
	}
	if (opt->session != NULL) {
		s = open_named(opt->session, ui.dir, &status, &notice);
		if (s == NULL) {
			ui_free(&ui);
			return status;
		}
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		tui_error("das Prüfgespräch braucht ein Terminal (für Skripte: "
		          "wohnort-audit help)");
		free(notice);
		session_free(s);
		ui_free(&ui);
		return TUI_NO_TERMINAL;
	}
	if (!term_usable(&why)) {
		tui_error("%s. Das Prüfgespräch braucht ein Terminal mit "
		          "Bildschirmsteuerung, z. B. TERM=xterm-256color, linux oder "
		          "screen (für Skripte: wohnort-audit help)",
		          why);
		free(why);
		free(notice);
		session_free(s);
		ui_free(&ui);
		return TUI_NO_TERMINAL;
	}
	term_utf8_locale();
	term_signals();
	saved_fd = start_log(&ui, s);
	keys_init();
	term_start(&ui);
	if (s != NULL) {
		screen_open_session(&ui, s);
		if (notice != NULL)
			screen_message(&ui, 1, "%s", notice);
		else
			screen_message(&ui, 0, "Geöffnet: %s", s->path);
		free(notice);
	} else {
		screen_switch(&ui, &ui_start_screen);
	}
	screen_run(&ui);
	term_stop();
	term_log_end(saved_fd);
	if (term_signal())
		fprintf(stderr, "wohnort-audit: Signal %d: gespeichert und beendet\n",
		        term_signal());
	if (ui.discarded != NULL)
		fprintf(stderr,
		        "wohnort-audit: eine Eingabe wurde nicht gespeichert: %s\n",
		        ui.discarded);
	if (ui.rescue_path != NULL)
		fprintf(stderr,
		        "wohnort-audit: Sitzung als Text gesichert in %s "
		        "(wiederherstellen: wohnort-audit load %s)\n",
		        ui.rescue_path, ui.rescue_path);
	if (ui.session != NULL && ui.save_failed) {
		fprintf(stderr, "wohnort-audit: nicht gespeichert: %s\n",
		        ui.save_error != NULL ? ui.save_error : "?");
		status = TUI_FAILED;
	}
	ui_free(&ui);
	return status;
}
