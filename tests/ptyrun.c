/*
 * ptyrun.c: the pseudo-terminal test driver. Runs a command in a pty of a
 * given size (forkpty), renders its output with libvterm and executes a small
 * script of waits, expectations and key presses against the rendered screen.
 * Used by the TUI black-box tests (tests/tui_*.sh) and the TUI benchmark
 * (bench/tui.sh). It is test code: it must never hang (a global timeout
 * kills the child) and never needs a real terminal or stdin of its own.
 *
 * usage: ptyrun [-s COLSxROWS] [-t SECONDS] [-w MS] [-f SCRIPT|-] [-l LOG] [-v]
 *               [-T TERM] [-e NAME[=VALUE]]... -- COMMAND [ARG...]
 *   -s  terminal size (80x24)
 *   -t  global timeout in seconds (60): the child is killed, ptyrun exits 1
 *   -w  default timeout of wait, lap and exit in milliseconds (5000)
 *   -f  the script (default: stdin)
 *   -l  a file that gets every byte the child wrote
 *   -v  echo each script line; print each lap sample as "lap GROUP MS ms"
 *   -T  the child's TERM (xterm-256color; "-" leaves TERM unset). The named
 *       keys are sent as a terminal of that kind sends them: libvterm's
 *       xterm/VT220 bytes (F1 = Esc O P, F6 = Esc [ 1 7 ~, Home = Esc [ H or
 *       Esc O H), except linux (F1..F5 = Esc [ [ A..E, Home/End = Esc [ 1 ~ /
 *       Esc [ 4 ~) and screen (Home/End = Esc [ 1 ~ / Esc [ 4 ~), as their
 *       terminfo entries say. vt100's terminfo knows no F6..F10 and no
 *       Home/End/PgUp/PgDn/Del: a terminal emulator that claims to be a
 *       vt100 still sends the xterm bytes for them, which is what this sends.
 *   -e  set NAME=VALUE in the child's environment after the defaults (TERM,
 *       LANG=C.UTF-8, LC_ALL=C.UTF-8); "-e NAME" removes NAME
 *
 * Script: one command per line, '#' starts a comment line. Arguments are words
 * or "double quoted strings" (\" and \\ escape). Commands:
 *   wait TEXT [TIMEOUT_MS]     until TEXT is on the screen (default -w)
 *                              and then 30 ms without output (frame complete)
 *   wait_not TEXT [TIMEOUT_MS] until TEXT is gone from the screen
 *   expect TEXT / expect_not TEXT  (every expect* command must hold now or,
 *                              while output still arrives, within 1 s)
 *   expect_row ROW TEXT        TEXT on row ROW (0-based; negative counts from
 *                              the bottom, -1 is the last row)
 *   expect_color / expect_mono some cell has a non-default colour / none has
 *                              (attributes such as reverse and bold do not count)
 *   expect_fg TEXT INDEX       TEXT on the screen, its first cell drawn in
 *                              palette colour INDEX (1 red, 2 green, ...) or
 *                              its bright variant INDEX+8; -1: default colour
 *   keys KEY...                literal text and <Enter> <Esc> <Tab> <S-Tab> <BS>
 *                              <Up> <Down> <Left> <Right> <Home> <End> <Ins> <Del>
 *                              <PgUp> <PgDn> <F1>..<F12> <Space> <lt> <C-x> <M-x>;
 *                              each argument goes to the terminal in one write
 *   bytes TEXT...              TEXT as raw bytes, each argument in one write,
 *                              with \e (Esc), \r, \n, \t, \\ and \xHH escapes
 *                              (for sequences no named key produces)
 *   sleep MS                   keep rendering for MS milliseconds
 *   idle MS                    until no output arrived for MS milliseconds
 *   resize COLS ROWS           libvterm resize + TIOCSWINSZ (child gets SIGWINCH)
 *   screen                     print the rendered screen to stdout
 *   signal NAME                send TERM, HUP, INT, KILL, ... to the child
 *   close                      close the master side: the terminal disappears
 *   exit [CODE|SIGNAME|any]    wait for the child's exit and check its status
 *   sane                       the terminal is restored: echo and canonical
 *                              mode on, normal screen, cursor visible (the
 *                              last CSI ? 25 h/l the child sent)
 *   rss                        print "rss_kb N hwm_kb M" of the child
 *   mark [GROUP]               remember now as the time of the next key press;
 *                              the sample of the next lap counts for GROUP
 *   lap TEXT...                wait for output after the mark, every TEXT on
 *                              the screen and 20 ms without output; record the
 *                              time from the mark to the last output byte as
 *                              a sample (timeout: -w)
 *   stats [GROUP...]           print "latency n N median_ms X p99_ms Y max_ms Z"
 *                              over all samples but those of the GROUPs named,
 *                              then one such line per GROUP as
 *                              "latency group NAME n N ..."
 *   echo TEXT                  print TEXT to stdout
 *   shell CMDLINE [CODE]       run /bin/sh -c CMDLINE (output to stdout) while
 *                              the child keeps running; check its exit code
 *                              (default 0, "any" accepts every status)
 * A failed command prints the script line, what was expected and the screen,
 * kills the child and exits 1. Exit 0 when the script ran to its end.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#define MAX_ARGS 64
#define MAX_ENV 32
#define MAX_GROUPS 16
#define LAP_IDLE_MS 20
#define SETTLE_MS 30         /* quiet time that ends a frame after a wait */
#define EXPECT_GRACE_MS 1000 /* an expect may wait this long for output */

struct term {
	VTerm *vt;
	VTermScreen *screen;
	int rows, cols;
	int master;         /* -1 after close */
	pid_t pid;          /* child, 0 once reaped */
	int status;         /* wait status once reaped */
	int eof;            /* master read returned EOF/EIO: slave side gone */
	int altscreen;      /* child switched to the alternate screen */
	int cursor_visible; /* the last DECTCEM (CSI ? 25 h/l) the child sent */
	int csi_state;      /* scanner for DECSET/DECRST: 0 none, 1 ESC, 2 CSI ?, 3 CSI */
	int csi_param, csi_has25;
	double last_output; /* monotonic ms of the last byte read */
	double deadline;    /* global timeout, monotonic ms */
	char keybuf[4096];  /* bytes generated by libvterm's keyboard */
	size_t keylen;
	double mark;       /* time of the marked key press; < 0 none */
	double *samples;   /* lap latencies in ms */
	int *sample_group; /* index into groups for each sample */
	size_t nsamples, samples_cap;
	char *groups[MAX_GROUPS]; /* names given to mark; 0 is "" */
	int ngroups, group;       /* group of the current mark */
	int verbose;
};

static struct term T;
static int default_wait_ms = 5000; /* -w */
static FILE *raw_log;              /* -l: every byte the child wrote */
static const char *script_name = "-";
static int script_lineno;
static char script_line[4096];

/* Monotonic time in milliseconds. */
static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Append the UTF-8 encoding of c to out (at least 4 bytes free). */
static size_t
utf8_put(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The rendered text of one row, UTF-8, trailing blanks removed; caller frees.
 * With cols != NULL, cols[i] is set to the column of the cell that byte i of
 * the text comes from (room for T.cols * 4 * VTERM_MAX_CHARS_PER_CELL ints). */
static char *
row_text_cols(int row, int *cols)
{
	char *out = malloc((size_t)T.cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1);
	size_t len = 0;

	if (out == NULL)
		abort();
	for (int col = 0; col < T.cols; col++) {
		VTermScreenCell cell;
		VTermPos pos = {.row = row, .col = col};
		size_t start = len;

		if (!vterm_screen_get_cell(T.screen, pos, &cell) ||
		    cell.chars[0] == (uint32_t)-1)
			continue;
		if (cell.chars[0] == 0) {
			out[len++] = ' ';
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i];
			     i++)
				len += utf8_put(cell.chars[i], out + len);
		}
		for (size_t i = start; cols != NULL && i < len; i++)
			cols[i] = col;
		if (cell.width > 1)
			col += cell.width - 1;
	}
	/* Trim trailing blanks (cells never written and written spaces). */
	while (len > 0 && out[len - 1] == ' ')
		len--;
	out[len] = '\0';
	return out;
}

/* The rendered text of one row; caller frees. */
static char *
row_text(int row)
{
	return row_text_cols(row, NULL);
}

/* The whole screen as text, rows joined by newlines; caller frees. */
static char *
screen_text(void)
{
	size_t cap =
	    (size_t)T.rows * ((size_t)T.cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1) + 1;
	char *all = malloc(cap);
	size_t len = 0;

	if (all == NULL)
		abort();
	for (int row = 0; row < T.rows; row++) {
		char *line = row_text(row);
		size_t n = strlen(line);
		memcpy(all + len, line, n);
		len += n;
		all[len++] = '\n';
		free(line);
	}
	all[len] = '\0';
	return all;
}

/* Print the rendered screen with a frame and row numbers. */
static void
screen_print(FILE *out)
{
	VTermPos cursor;

	vterm_state_get_cursorpos(vterm_obtain_state(T.vt), &cursor);
	fprintf(out, "--- screen %dx%d, cursor row %d col %d%s ---\n", T.cols, T.rows,
	        cursor.row, cursor.col, T.altscreen ? ", alternate screen" : "");
	for (int row = 0; row < T.rows; row++) {
		char *line = row_text(row);
		fprintf(out, "%2d|%s\n", row, line);
		free(line);
	}
	fprintf(out, "--- end of screen ---\n");
	fflush(out);
}

/* Whether text occurs anywhere on the screen (within one row). */
static int
screen_has(const char *text)
{
	char *all = screen_text();
	int found = strstr(all, text) != NULL;
	free(all);
	return found;
}

/* The number of cells drawn with a colour other than the default ones. */
static int
coloured_cells(void)
{
	int n = 0;

	for (int row = 0; row < T.rows; row++) {
		for (int col = 0; col < T.cols; col++) {
			VTermScreenCell cell;
			VTermPos pos = {.row = row, .col = col};
			if (vterm_screen_get_cell(T.screen, pos, &cell) &&
			    (!VTERM_COLOR_IS_DEFAULT_FG(&cell.fg) ||
			     !VTERM_COLOR_IS_DEFAULT_BG(&cell.bg)))
				n++;
		}
	}
	return n;
}

/* Kill the child's process group and reap it. */
static void
child_kill(void)
{
	if (T.pid <= 0)
		return;
	kill(-T.pid, SIGKILL);
	kill(T.pid, SIGKILL);
	waitpid(T.pid, &T.status, 0);
	T.pid = 0;
}

/* Report a failed script command with the screen, kill the child, exit 1. */
static void __attribute__((format(printf, 1, 2), noreturn)) fail(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "ptyrun: %s:%d: %s\n", script_name, script_lineno, script_line);
	fprintf(stderr, "ptyrun: FAILED: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	if (T.vt != NULL)
		screen_print(stderr);
	child_kill();
	exit(1);
}

/* A formatted message (caller frees). */
static char *__attribute__((format(printf, 1, 2))) message(const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		abort();
	va_end(ap);
	return text;
}

/* Reap the child if it has exited; 1 when it is gone. */
static int
child_reap(void)
{
	if (T.pid > 0 && waitpid(T.pid, &T.status, WNOHANG) == T.pid)
		T.pid = 0;
	return T.pid == 0;
}

/* Follow DECSET/DECRST 25 in the child's output. libvterm restores cursor
 * visibility with DECRC (which ncurses uses around scrolling), xterm does
 * not; `sane` must judge what the child last asked for. */
static void
track_cursor_mode(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		switch (T.csi_state) {
		case 0:
			if (c == 0x1b)
				T.csi_state = 1;
			break;
		case 1:
			T.csi_state = c == '[' ? 3 : c == 0x1b ? 1 : 0;
			T.csi_param = 0;
			T.csi_has25 = 0;
			break;
		case 3:
			T.csi_state = c == '?' ? 2 : 0;
			break;
		case 2:
			if (c >= '0' && c <= '9') {
				T.csi_param = T.csi_param * 10 + (c - '0');
				if (T.csi_param > 100000)
					T.csi_param = 100000;
			} else if (c == ';' || c == 'h' || c == 'l') {
				if (T.csi_param == 25)
					T.csi_has25 = 1;
				T.csi_param = 0;
				if (c != ';') {
					if (T.csi_has25)
						T.cursor_visible = c == 'h';
					T.csi_state = 0;
				}
			} else {
				T.csi_state = c == 0x1b ? 1 : 0;
			}
			break;
		default:
			T.csi_state = 0;
		}
	}
}

/* Read what the child wrote, waiting up to timeout_ms for the first byte, and
 * feed it to libvterm. Returns the number of bytes read (0 on timeout/EOF). */
static size_t
pump(int timeout_ms)
{
	char buf[65536];
	size_t total = 0;
	struct pollfd p;

	if (T.master < 0 || T.eof) {
		if (timeout_ms > 0)
			usleep((useconds_t)timeout_ms * 1000);
		return 0;
	}
	p.fd = T.master;
	p.events = POLLIN;
	if (now_ms() + timeout_ms > T.deadline)
		timeout_ms = (int)(T.deadline - now_ms());
	if (timeout_ms < 0)
		timeout_ms = 0;
	if (poll(&p, 1, timeout_ms) <= 0)
		return 0;
	for (;;) {
		ssize_t n = read(T.master, buf, sizeof buf);
		if (n > 0) {
			if (raw_log != NULL)
				fwrite(buf, 1, (size_t)n, raw_log);
			track_cursor_mode(buf, (size_t)n);
			vterm_input_write(T.vt, buf, (size_t)n);
			total += (size_t)n;
			T.last_output = now_ms();
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (n < 0 && errno != EAGAIN))
			T.eof = 1; /* EIO: every slave fd is closed */
		break;
	}
	vterm_screen_flush_damage(T.screen);
	return total;
}

/* Fail when the global timeout has passed. */
static void
check_deadline(void)
{
	if (now_ms() >= T.deadline)
		fail("global timeout reached");
}

/* Write bytes to the child, reading its output meanwhile so neither blocks. */
static void
send_bytes(const char *bytes, size_t len)
{
	if (T.master < 0)
		fail("the terminal is closed");
	while (len > 0) {
		struct pollfd p = {.fd = T.master, .events = POLLOUT | POLLIN};
		check_deadline();
		if (poll(&p, 1, 50) < 0 && errno != EINTR)
			fail("poll: %s", strerror(errno));
		if (p.revents & POLLIN)
			pump(0);
		if (p.revents & POLLOUT) {
			ssize_t n = write(T.master, bytes, len);
			if (n < 0 && errno != EAGAIN && errno != EINTR)
				fail("write to the terminal: %s", strerror(errno));
			if (n > 0) {
				bytes += n;
				len -= (size_t)n;
			}
		}
		if (p.revents & (POLLERR | POLLHUP) && !(p.revents & POLLOUT))
			fail("the child closed the terminal");
	}
}

/* libvterm output callback: collect bytes the keyboard functions generate. */
static void
on_vterm_output(const char *s, size_t len, void *user)
{
	(void)user;
	if (T.keylen + len > sizeof T.keybuf)
		abort();
	memcpy(T.keybuf + T.keylen, s, len);
	T.keylen += len;
}

/* libvterm screen callback: track the alternate screen. */
static int
on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	(void)user;
	if (prop == VTERM_PROP_ALTSCREEN)
		T.altscreen = val->boolean;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
    .settermprop = on_settermprop,
};

struct named_key {
	const char *name;
	VTermKey key;
	const char *bytes; /* used when key is VTERM_KEY_NONE */
};

static const struct named_key named_keys[] = {
    {"Enter", VTERM_KEY_ENTER, NULL},    {"Esc", VTERM_KEY_ESCAPE, NULL},
    {"Tab", VTERM_KEY_TAB, NULL},        {"BS", VTERM_KEY_BACKSPACE, NULL},
    {"Up", VTERM_KEY_UP, NULL},          {"Down", VTERM_KEY_DOWN, NULL},
    {"Left", VTERM_KEY_LEFT, NULL},      {"Right", VTERM_KEY_RIGHT, NULL},
    {"Home", VTERM_KEY_HOME, NULL},      {"End", VTERM_KEY_END, NULL},
    {"Ins", VTERM_KEY_INS, NULL},        {"Del", VTERM_KEY_DEL, NULL},
    {"PgUp", VTERM_KEY_PAGEUP, NULL},    {"PgDn", VTERM_KEY_PAGEDOWN, NULL},
    {"Space", VTERM_KEY_NONE, " "},      {"lt", VTERM_KEY_NONE, "<"},
    {"S-Tab", VTERM_KEY_NONE, "\033[Z"},
};

/* Keys that a terminal kind sends differently from libvterm (xterm). */
static const struct {
	const char *term; /* TERM value, or a prefix ending in '*' */
	const char *key;
	const char *bytes;
} term_keys[] = {
    {"linux", "F1", "\033[[A"},    {"linux", "F2", "\033[[B"},
    {"linux", "F3", "\033[[C"},    {"linux", "F4", "\033[[D"},
    {"linux", "F5", "\033[[E"},    {"linux", "Home", "\033[1~"},
    {"linux", "End", "\033[4~"},   {"screen*", "Home", "\033[1~"},
    {"screen*", "End", "\033[4~"},
};
static const char *child_term = "xterm-256color"; /* -T; NULL: unset */

/* The bytes child_term sends for the named key when they differ from libvterm's. */
static const char *
term_key_bytes(const char *name)
{
	for (size_t i = 0;
	     child_term != NULL && i < sizeof term_keys / sizeof term_keys[0]; i++) {
		const char *t = term_keys[i].term;
		size_t n = strlen(t);
		int match = t[n - 1] == '*' ? strncmp(child_term, t, n - 1) == 0
		                            : strcmp(child_term, t) == 0;
		if (match && strcmp(term_keys[i].key, name) == 0)
			return term_keys[i].bytes;
	}
	return NULL;
}

/* Send a bytes argument: \e \r \n \t \\ \xHH escapes, everything else as is. */
static void
bytes_send(const char *spec)
{
	char out[4096];
	size_t n = 0;

	while (*spec != '\0' && n < sizeof out) {
		char c = *spec++;
		if (c == '\\' && *spec != '\0') {
			char e = *spec++;
			if (e == 'e')
				c = '\033';
			else if (e == 'r')
				c = '\r';
			else if (e == 'n')
				c = '\n';
			else if (e == 't')
				c = '\t';
			else if (e == 'x' && isxdigit((unsigned char)spec[0]) &&
			         isxdigit((unsigned char)spec[1])) {
				char hex[3] = {spec[0], spec[1], '\0'};
				c = (char)strtol(hex, NULL, 16);
				spec += 2;
			} else
				c = e;
		}
		out[n++] = c;
	}
	send_bytes(out, n);
}

/* Translate one <Name> key into bytes through libvterm; 0 if unknown. */
static int
key_emit(const char *name)
{
	const char *own = term_key_bytes(name);

	if (own != NULL) {
		on_vterm_output(own, strlen(own), NULL);
		return 1;
	}
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++) {
		if (strcmp(named_keys[i].name, name) != 0)
			continue;
		if (named_keys[i].key == VTERM_KEY_NONE)
			on_vterm_output(named_keys[i].bytes, strlen(named_keys[i].bytes),
			                NULL);
		else
			vterm_keyboard_key(T.vt, named_keys[i].key, VTERM_MOD_NONE);
		return 1;
	}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (*end != '\0' || n < 1 || n > 12)
			return 0;
		vterm_keyboard_key(T.vt, VTERM_KEY_FUNCTION((int)n), VTERM_MOD_NONE);
		return 1;
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] != '\0' && name[3] == '\0') {
		char c = (char)(name[2] & 0x1f);
		on_vterm_output(&c, 1, NULL);
		return 1;
	}
	if (name[0] == 'M' && name[1] == '-' && name[2] != '\0' && name[3] == '\0') {
		char seq[2] = {'\033', name[2]};
		on_vterm_output(seq, 2, NULL);
		return 1;
	}
	return 0;
}

/* Turn a keys argument (text with <Name> keys) into bytes and send them. */
static void
keys_send(const char *spec)
{
	T.keylen = 0;
	while (*spec != '\0') {
		const char *close;
		if (spec[0] == '<' && (close = strchr(spec + 1, '>')) != NULL &&
		    close - spec > 1 && close - spec < 16) {
			char name[16];
			memcpy(name, spec + 1, (size_t)(close - spec - 1));
			name[close - spec - 1] = '\0';
			if (!key_emit(name))
				fail("unknown key <%s>", name);
			spec = close + 1;
			continue;
		}
		on_vterm_output(spec, 1, NULL);
		spec++;
	}
	send_bytes(T.keybuf, T.keylen);
	T.keylen = 0;
}

/* Split a script line into words and quoted strings; returns the count. */
static int
split_line(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	for (;;) {
		char *out;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '\n' || *p == '\r')
			break;
		if (argc == MAX_ARGS)
			fail("too many arguments");
		out = p;
		argv[argc++] = out;
		if (*p == '"') {
			p++;
			while (*p != '"') {
				if (*p == '\0' || *p == '\n')
					fail("unterminated quoted string");
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					p++;
				*out++ = *p++;
			}
			p++;
		} else {
			while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
			       *p != '\r')
				*out++ = *p++;
		}
		if (*p != '\0')
			p++;
		*out = '\0';
	}
	return argc;
}

/* Parse a non-negative millisecond count or fail. */
static int
parse_ms(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > 3600 * 1000)
		fail("not a number of milliseconds: '%s'", s);
	return (int)v;
}

/* Keep rendering until no output came for ms milliseconds. */
static void
wait_idle(int ms)
{
	for (;;) {
		check_deadline();
		if (pump(ms) == 0)
			return;
	}
}

/* Wait until text is present (want=1) or absent (want=0). */
static void
wait_text(const char *text, int want, int timeout_ms)
{
	double until = now_ms() + timeout_ms;

	for (;;) {
		check_deadline();
		if (screen_has(text) == want) {
			/* Let the rest of the frame arrive before the next expect. */
			wait_idle(SETTLE_MS);
			if (screen_has(text) == want)
				return;
			continue;
		}
		if (now_ms() >= until)
			fail("timeout after %d ms waiting for \"%s\" to %s", timeout_ms,
			     text, want ? "appear" : "disappear");
		if (T.eof || T.master < 0) {
			child_reap();
			fail("the child has gone (%s) while waiting for \"%s\"",
			     T.pid == 0 ? "exited" : "terminal closed", text);
		}
		pump((int)(until - now_ms()) + 1);
	}
}

/* Keep rendering for ms milliseconds. */
static void
sleep_ms(int ms)
{
	double until = now_ms() + ms;
	while (now_ms() < until) {
		check_deadline();
		pump((int)(until - now_ms()) + 1);
	}
}

static const struct {
	const char *name;
	int number;
} signal_names[] = {
    {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"KILL", SIGKILL},
    {"TERM", SIGTERM}, {"USR1", SIGUSR1}, {"USR2", SIGUSR2}, {"WINCH", SIGWINCH},
    {"STOP", SIGSTOP}, {"CONT", SIGCONT}, {"ABRT", SIGABRT}, {"SEGV", SIGSEGV},
};

/* Look a signal up by name (with or without SIG); -1 if unknown. */
static int
signal_number(const char *name)
{
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++)
		if (strcmp(signal_names[i].name, name) == 0)
			return signal_names[i].number;
	return -1;
}

/* Describe a wait status as "exit N" or "signal NAME". */
static const char *
status_text(int status)
{
	static char text[64];
	if (WIFEXITED(status)) {
		snprintf(text, sizeof text, "exit %d", WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		const char *name = "?";
		for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++)
			if (signal_names[i].number == WTERMSIG(status))
				name = signal_names[i].name;
		snprintf(text, sizeof text, "signal SIG%s (%d)", name, WTERMSIG(status));
	} else {
		snprintf(text, sizeof text, "status 0x%x", status);
	}
	return text;
}

/* Wait up to timeout_ms for the child to exit and check its status. */
static void
wait_exit(const char *want, int timeout_ms)
{
	double until = now_ms() + timeout_ms;

	while (!child_reap()) {
		check_deadline();
		if (now_ms() >= until)
			fail("the child did not exit within %d ms", timeout_ms);
		if (T.master >= 0 && !T.eof)
			pump(10);
		else
			usleep(5000);
	}
	/* Render whatever the child wrote last (e.g. leaving the alternate screen). */
	while (T.master >= 0 && !T.eof && pump(20) > 0)
		;
	printf("exit status: %s\n", status_text(T.status));
	if (want == NULL || strcmp(want, "any") == 0)
		return;
	if (want[0] >= '0' && want[0] <= '9') {
		if (!WIFEXITED(T.status) || WEXITSTATUS(T.status) != atoi(want))
			fail("expected exit %s, got %s", want, status_text(T.status));
		return;
	}
	if (signal_number(want) < 0)
		fail("unknown exit expectation '%s'", want);
	if (!WIFSIGNALED(T.status) || WTERMSIG(T.status) != signal_number(want))
		fail("expected death by %s, got %s", want, status_text(T.status));
}

/* Fail unless the terminal is back in its normal state. */
static void
check_sane(void)
{
	struct termios tio;

	if (T.master < 0)
		fail("sane needs the terminal open");
	if (tcgetattr(T.master, &tio) < 0)
		fail("tcgetattr: %s", strerror(errno));
	if (!(tio.c_lflag & ICANON))
		fail("the terminal is left in raw/cbreak mode (ICANON off)");
	if (!(tio.c_lflag & ECHO))
		fail("the terminal is left without echo");
	if (T.altscreen)
		fail("the terminal is left on the alternate screen");
	if (!T.cursor_visible)
		fail("the cursor is left invisible");
}

/* Print the child's current and peak resident memory. */
static void
print_rss(void)
{
	char path[64], line[256];
	long rss = -1, hwm = -1;
	FILE *f;

	if (T.pid <= 0)
		fail("rss needs a running child");
	snprintf(path, sizeof path, "/proc/%d/status", (int)T.pid);
	f = fopen(path, "r");
	if (f == NULL)
		fail("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		sscanf(line, "VmRSS: %ld", &rss);
		sscanf(line, "VmHWM: %ld", &hwm);
	}
	fclose(f);
	printf("rss_kb %ld hwm_kb %ld\n", rss, hwm);
}

/* Whether every one of the n texts is on the screen. */
static int
screen_has_all(char **texts, int n)
{
	for (int i = 0; i < n; i++)
		if (!screen_has(texts[i]))
			return 0;
	return 1;
}

/* Record one latency sample: after the mark, output, all texts present, then
 * LAP_IDLE_MS without output; the sample ends at the last byte. */
static void
lap(char **texts, int n)
{
	double until = now_ms() + default_wait_ms;

	if (T.mark < 0)
		fail("lap without mark");
	for (;;) {
		check_deadline();
		if (T.last_output >= T.mark && screen_has_all(texts, n)) {
			double last = T.last_output;
			if (pump(LAP_IDLE_MS) == 0) {
				if (T.nsamples == T.samples_cap) {
					T.samples_cap =
					    T.samples_cap ? 2 * T.samples_cap : 256;
					T.samples = realloc(
					    T.samples, T.samples_cap * sizeof *T.samples);
					T.sample_group = realloc(
					    T.sample_group,
					    T.samples_cap * sizeof *T.sample_group);
					if (T.samples == NULL || T.sample_group == NULL)
						abort();
				}
				T.sample_group[T.nsamples] = T.group;
				T.samples[T.nsamples++] = last - T.mark;
				if (T.verbose)
					printf("lap %s %.3f ms\n",
					       T.group > 0 ? T.groups[T.group] : "-",
					       last - T.mark);
				T.mark = -1;
				return;
			}
			continue;
		}
		if (now_ms() >= until)
			fail("timeout after %d ms waiting for the screen after the key",
			     default_wait_ms);
		if (T.eof)
			fail("the child has gone while waiting for the screen after the "
			     "key");
		pump((int)(until - now_ms()) + 1);
	}
}

/* Compare two doubles for qsort. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples. */
static double
percentile(const double *sorted, size_t n, double p)
{
	size_t rank = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return sorted[rank - 1];
}

/* Print one line of statistics over the samples of group g (-1: all groups
 * but those in the excluded mask). */
static void
print_group_stats(int g, unsigned excluded)
{
	double *v = malloc((T.nsamples + 1) * sizeof *v);
	size_t n = 0;

	if (v == NULL)
		abort();
	for (size_t i = 0; i < T.nsamples; i++)
		if (g < 0 ? !(excluded & (1u << T.sample_group[i]))
		          : T.sample_group[i] == g)
			v[n++] = T.samples[i];
	if (n > 0) {
		qsort(v, n, sizeof *v, cmp_double);
		printf("latency%s%s n %zu median_ms %.3f p99_ms %.3f max_ms %.3f\n",
		       g < 0 ? "" : " group ", g < 0 ? "" : T.groups[g], n,
		       percentile(v, n, 50), percentile(v, n, 99), v[n - 1]);
	}
	free(v);
}

/* Print median, 99th percentile and maximum of all laps except those of the
 * excluded groups, then per group. */
static void
print_stats(char **excluded, int nexcluded)
{
	unsigned mask = 0;

	if (T.nsamples == 0)
		fail("stats without samples");
	for (int i = 0; i < nexcluded; i++)
		for (int g = 1; g < T.ngroups; g++)
			if (strcmp(T.groups[g], excluded[i]) == 0)
				mask |= 1u << g;
	print_group_stats(-1, mask);
	for (int g = 1; g < T.ngroups; g++)
		print_group_stats(g, 0);
}

/* The index of a mark group, added on first use. */
static int
group_index(const char *name)
{
	if (T.ngroups == 0)
		T.groups[T.ngroups++] = strdup("");
	for (int g = 0; g < T.ngroups; g++)
		if (strcmp(T.groups[g], name) == 0)
			return g;
	if (T.ngroups == MAX_GROUPS)
		fail("too many mark groups");
	T.groups[T.ngroups] = strdup(name);
	if (T.groups[T.ngroups] == NULL)
		abort();
	return T.ngroups++;
}

/* Run a shell command to its end while rendering the child's output. */
static void
run_shell(const char *cmdline, const char *want)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, STDIN_FILENO);
		if (T.master >= 0)
			close(T.master);
		execl("/bin/sh", "sh", "-c", cmdline, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, WNOHANG) != pid) {
		if (now_ms() >= T.deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			fail("global timeout reached while running the shell command");
		}
		pump(5);
	}
	if (strcmp(want, "any") == 0)
		return;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != atoi(want))
		fail("shell command: expected exit %s, got %s", want,
		     status_text(status));
}

/* Set the size of libvterm and of the pty (the child gets SIGWINCH). */
static void
term_resize(int cols, int rows)
{
	struct winsize ws = {.ws_row = (unsigned short)rows,
	                     .ws_col = (unsigned short)cols};

	if (cols < 2 || rows < 2 || cols > 1000 || rows > 1000)
		fail("bad size %dx%d", cols, rows);
	if (T.master < 0)
		fail("the terminal is closed");
	T.cols = cols;
	T.rows = rows;
	vterm_set_size(T.vt, rows, cols);
	if (ioctl(T.master, TIOCSWINSZ, &ws) < 0)
		fail("TIOCSWINSZ: %s", strerror(errno));
}

/* Fail unless min to max arguments (besides the command) were given. */
static void
need_args(int argc, int min, int max)
{
	if (argc - 1 < min || argc - 1 > max)
		fail("wrong number of arguments");
}

/* NULL when TEXT is on the screen with its first cell in palette colour
 * index (0 black, 1 red, 2 green, 3 yellow, 4 blue ...; 8-15 bright; -1 the
 * default colour), else what is wrong (caller frees). */
static char *
check_fg(const char *text, int index)
{
	int *cols = malloc((size_t)T.cols * 4 * VTERM_MAX_CHARS_PER_CELL * sizeof *cols);
	int found = 0, got = -2;
	char *why = NULL;

	if (cols == NULL)
		abort();
	for (int row = 0; row < T.rows && !found; row++) {
		char *line = row_text_cols(row, cols), *at = strstr(line, text);
		if (at != NULL) {
			VTermScreenCell cell;
			VTermPos pos = {.row = row, .col = cols[at - line]};
			found = 1;
			vterm_screen_get_cell(T.screen, pos, &cell);
			if (VTERM_COLOR_IS_DEFAULT_FG(&cell.fg))
				got = -1;
			else if (VTERM_COLOR_IS_INDEXED(&cell.fg))
				got = cell.fg.indexed.idx;
		}
		free(line);
	}
	free(cols);
	if (!found)
		why = message("expected \"%s\" on the screen", text);
	else if (got != index && got != index + 8)
		why = message("\"%s\" has foreground %s %d, expected colour %d", text,
		              got == -1   ? "default"
		              : got == -2 ? "RGB"
		                          : "colour",
		              got, index);
	return why;
}

/* NULL when the expectation in argv holds now, else what is wrong (caller
 * frees). */
static char *
check_expectation(int argc, char **argv)
{
	const char *cmd = argv[0];

	if (strcmp(cmd, "expect") == 0) {
		need_args(argc, 1, 1);
		if (!screen_has(argv[1]))
			return message("expected \"%s\" on the screen", argv[1]);
	} else if (strcmp(cmd, "expect_not") == 0) {
		need_args(argc, 1, 1);
		if (screen_has(argv[1]))
			return message("did not expect \"%s\" on the screen", argv[1]);
	} else if (strcmp(cmd, "expect_row") == 0) {
		char *end, *line;
		long row;
		int found;
		need_args(argc, 2, 2);
		row = strtol(argv[1], &end, 10);
		if (*end != '\0')
			fail("bad row '%s'", argv[1]);
		if (row < 0)
			row += T.rows;
		if (row < 0 || row >= T.rows)
			fail("row %s is off the screen", argv[1]);
		line = row_text((int)row);
		found = strstr(line, argv[2]) != NULL;
		free(line);
		if (!found)
			return message("expected \"%s\" on row %ld", argv[2], row);
	} else if (strcmp(cmd, "expect_color") == 0 || strcmp(cmd, "expect_mono") == 0) {
		int n;
		need_args(argc, 0, 0);
		n = coloured_cells();
		if (cmd[7] == 'c' && n == 0)
			return message("expected colours on the screen, found none");
		if (cmd[7] == 'm' && n > 0)
			return message("expected no colours, found %d coloured cells", n);
	} else if (strcmp(cmd, "expect_fg") == 0) {
		need_args(argc, 2, 2);
		return check_fg(argv[1], atoi(argv[2]));
	} else {
		fail("unknown command '%s'", cmd);
	}
	return NULL;
}

/* Run an expect command: it must hold now or, while output still arrives,
 * within EXPECT_GRACE_MS (a frame split by a busy machine is not a failure). */
static void
expect(int argc, char **argv)
{
	double until = now_ms() + EXPECT_GRACE_MS;
	char *why;

	pump(0);
	while ((why = check_expectation(argc, argv)) != NULL) {
		check_deadline();
		if (now_ms() >= until || T.master < 0 || T.eof)
			fail("%s", why);
		free(why);
		pump((int)(until - now_ms()) + 1);
	}
}

/* Run one script line. */
static void
run_command(int argc, char **argv)
{
	const char *cmd = argv[0];

	if (strcmp(cmd, "wait") == 0 || strcmp(cmd, "wait_not") == 0) {
		need_args(argc, 1, 2);
		wait_text(argv[1], cmd[4] == '\0',
		          argc > 2 ? parse_ms(argv[2]) : default_wait_ms);
	} else if (strncmp(cmd, "expect", 6) == 0) {
		expect(argc, argv);
	} else if (strcmp(cmd, "keys") == 0) {
		if (argc < 2)
			fail("keys needs an argument");
		for (int i = 1; i < argc; i++)
			keys_send(argv[i]);
	} else if (strcmp(cmd, "bytes") == 0) {
		if (argc < 2)
			fail("bytes needs an argument");
		for (int i = 1; i < argc; i++)
			bytes_send(argv[i]);
	} else if (strcmp(cmd, "sleep") == 0) {
		need_args(argc, 1, 1);
		sleep_ms(parse_ms(argv[1]));
	} else if (strcmp(cmd, "idle") == 0) {
		need_args(argc, 1, 1);
		wait_idle(parse_ms(argv[1]));
	} else if (strcmp(cmd, "resize") == 0) {
		need_args(argc, 2, 2);
		term_resize(atoi(argv[1]), atoi(argv[2]));
	} else if (strcmp(cmd, "screen") == 0) {
		need_args(argc, 0, 0);
		pump(0);
		screen_print(stdout);
	} else if (strcmp(cmd, "signal") == 0) {
		int sig;
		need_args(argc, 1, 1);
		sig = signal_number(argv[1]);
		if (sig < 0)
			fail("unknown signal '%s'", argv[1]);
		if (T.pid <= 0 || kill(T.pid, sig) < 0)
			fail("cannot signal the child");
	} else if (strcmp(cmd, "close") == 0) {
		need_args(argc, 0, 0);
		if (T.master >= 0)
			close(T.master);
		T.master = -1;
	} else if (strcmp(cmd, "exit") == 0) {
		need_args(argc, 0, 2);
		wait_exit(argc > 1 ? argv[1] : NULL,
		          argc > 2 ? parse_ms(argv[2]) : default_wait_ms);
	} else if (strcmp(cmd, "sane") == 0) {
		need_args(argc, 0, 0);
		check_sane();
	} else if (strcmp(cmd, "rss") == 0) {
		need_args(argc, 0, 0);
		print_rss();
	} else if (strcmp(cmd, "mark") == 0) {
		need_args(argc, 0, 1);
		T.group = group_index(argc > 1 ? argv[1] : "");
		pump(0);
		T.mark = now_ms();
	} else if (strcmp(cmd, "lap") == 0) {
		if (argc < 2)
			fail("lap needs a text");
		lap(argv + 1, argc - 1);
	} else if (strcmp(cmd, "stats") == 0) {
		print_stats(argv + 1, argc - 1);
	} else if (strcmp(cmd, "shell") == 0) {
		need_args(argc, 1, 2);
		run_shell(argv[1], argc > 2 ? argv[2] : "0");
	} else if (strcmp(cmd, "echo") == 0) {
		for (int i = 1; i < argc; i++)
			printf("%s%s", argv[i], i + 1 < argc ? " " : "\n");
	} else {
		fail("unknown command '%s'", cmd);
	}
	fflush(stdout);
}

/* SIGALRM backstop: the script loop should have hit the deadline already. */
static void
on_alarm(int sig)
{
	static const char msg[] = "ptyrun: hard timeout, killing the child\n";
	(void)sig;
	if (T.pid > 0) {
		kill(-T.pid, SIGKILL);
		kill(T.pid, SIGKILL);
	}
	if (write(2, msg, sizeof msg - 1) < 0)
		_exit(1);
	_exit(1);
}

/* Print the usage and exit 2. */
static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr, "usage: ptyrun [-s COLSxROWS] [-t SECONDS] [-w MS] [-f SCRIPT|-] "
	                "[-l LOG] [-v] [-T TERM] [-e NAME[=VALUE]]... "
	                "-- COMMAND [ARG...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *script = "-";
	char *env[MAX_ENV];
	int cols = 80, rows = 24, timeout_s = 60, opt, nenv = 0;
	struct winsize ws;
	FILE *in;
	char *args[MAX_ARGS];

	while ((opt = getopt(argc, argv, "+s:t:w:f:l:vT:e:")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2 || cols < 2 ||
			    rows < 2)
				usage();
			break;
		case 't':
			timeout_s = atoi(optarg);
			if (timeout_s <= 0)
				usage();
			break;
		case 'w':
			default_wait_ms = atoi(optarg);
			if (default_wait_ms <= 0)
				usage();
			break;
		case 'f':
			script = optarg;
			break;
		case 'l':
			raw_log = fopen(optarg, "w");
			if (raw_log == NULL) {
				fprintf(stderr, "ptyrun: %s: %s\n", optarg,
				        strerror(errno));
				return 2;
			}
			break;
		case 'v':
			T.verbose = 1;
			break;
		case 'T':
			child_term = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case 'e':
			if (nenv == MAX_ENV)
				usage();
			env[nenv++] = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	script_name = script;
	in = strcmp(script, "-") == 0 ? stdin : fopen(script, "r");
	if (in == NULL) {
		fprintf(stderr, "ptyrun: %s: %s\n", script, strerror(errno));
		return 2;
	}

	T.rows = rows;
	T.cols = cols;
	T.mark = -1;
	T.cursor_visible = 1;
	T.deadline = now_ms() + timeout_s * 1000.0;
	signal(SIGALRM, on_alarm);
	signal(SIGPIPE, SIG_IGN);
	alarm((unsigned)timeout_s + 5);

	T.vt = vterm_new(rows, cols);
	vterm_set_utf8(T.vt, 1);
	vterm_output_set_callback(T.vt, on_vterm_output, NULL);
	T.screen = vterm_obtain_screen(T.vt);
	vterm_screen_set_callbacks(T.screen, &screen_callbacks, NULL);
	vterm_screen_enable_altscreen(T.screen, 1);
	vterm_screen_reset(T.screen, 1);

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	fflush(stdout);
	T.pid = forkpty(&T.master, NULL, NULL, &ws);
	if (T.pid < 0) {
		fprintf(stderr, "ptyrun: forkpty: %s\n", strerror(errno));
		return 2;
	}
	if (T.pid == 0) {
		if (child_term != NULL)
			setenv("TERM", child_term, 1);
		else
			unsetenv("TERM");
		setenv("LANG", "C.UTF-8", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		unsetenv("TMUX");
		for (int i = 0; i < nenv; i++) {
			char *eq = strchr(env[i], '=');
			if (eq == NULL) {
				unsetenv(env[i]);
				continue;
			}
			*eq = '\0';
			setenv(env[i], eq + 1, 1);
		}
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "ptyrun: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	fcntl(T.master, F_SETFL, fcntl(T.master, F_GETFL) | O_NONBLOCK);

	while (fgets(script_line, sizeof script_line, in) != NULL) {
		int n;
		char copy[sizeof script_line];

		script_lineno++;
		script_line[strcspn(script_line, "\r\n")] = '\0';
		memcpy(copy, script_line, sizeof copy);
		n = split_line(copy, args);
		if (n == 0 || args[0][0] == '#')
			continue;
		if (T.verbose) {
			printf("> %s\n", script_line);
			fflush(stdout);
		}
		run_command(n, args);
	}
	if (in != stdin)
		fclose(in);
	child_kill();
	return 0;
}
