/*
 * term.c: the terminal set-up and restore of the interview: TERM and the
 * locale checked before curses starts, stderr redirected to a log while
 * curses owns the screen (libraries must not print over it), termios saved
 * and an emergency restore sequence prepared for fatal signals, curses
 * started and ended, and the colour roles (NO_COLOR and monochrome
 * terminals get attributes only). Never draws a screen, never touches the
 * session.
 */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <term.h>

#include "lib/util.h"
#include "tui/term.h"

static volatile sig_atomic_t got_signal;
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

void
term_signals(void)
{
	struct sigaction sa;
	static const int fatal[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

	if (tcgetattr(STDIN_FILENO, &saved_termios) == 0)
		have_termios = 1;
	/* no SA_RESTART, so a blocked read wakes up */
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
term_signal(void)
{
	return got_signal;
}

int
term_usable(char **why)
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

void
term_utf8_locale(void)
{
	if (MB_CUR_MAX > 1)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

int
term_log_begin(const char *dir)
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

void
term_log_end(int saved_fd)
{
	if (saved_fd < 0)
		return;
	fflush(stderr);
	dup2(saved_fd, STDERR_FILENO);
	close(saved_fd);
}

/* The colours of the roles, or monochrome attributes. */
static void
colours(struct ui *ui)
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

void
term_start(struct ui *ui)
{
	initscr();
	/* curses itself waits only briefly for the bytes of a sequence it knows
	 * (initscr took ESCDELAY for it): a sequence split in transit is still
	 * read whole by keys.c, which owns ESCDELAY (the wait after a lone Esc).
	 * A longer wait here would delay every Esc Esc. */
	set_escdelay(5);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(1000);
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore(has_alternate_screen() ? "rmcup" : "clear");
	colours(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
}

void
term_stop(void)
{
	char *cl;

	endwin();
	if (has_alternate_screen())
		return;
	cl = tigetstr((char *)"clear");
	if (cl != NULL && cl != (char *)-1) {
		putp(cl);
		fflush(stdout);
	}
}
