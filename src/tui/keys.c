/*
 * keys.c: turning what the terminal sends into keys. curses decodes the
 * sequences the terminfo entry names; this file decodes the rest by the
 * CSI / SS3 grammar of ECMA-48: the common xterm, VT220 and Linux console
 * keys are known from a table, and any other escape sequence is consumed
 * whole and reported as UI_KEY_UNKNOWN, so none of its bytes ever reaches an
 * answer. Esc followed by a digit is an F-key (Esc 0 = F10); Esc Esc is Esc
 * at once; a lone Esc waits ESCDELAY milliseconds (default UI_ESC_WAIT_MS)
 * for a digit. Enter and Backspace are given in one form each. Reads keys
 * only; never draws, never decides what a key does (bind.h does).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "lib/util.h"
#include "tui/keys.h"

/* Longest escape sequence collected (longer ones are consumed and ignored). */
#define SEQ_MAX 32
/* How long the next byte of a started sequence may take, in ms. */
#define SEQ_BYTE_MS 300
/* After Esc Esc: how long to look for a sequence that follows (Alt + key). */
#define SEQ_FOLLOW_MS 2

/* Sequences after Esc that terminfo may not know, and their keys. */
static const struct {
	const char *seq; /* without the leading Esc */
	int key;         /* a character, or UI_KEY(curses key code) */
} known_sequences[] = {
    /* cursor keys, normal and application mode (xterm, VT100, VT220) */
    {"[A", UI_KEY(KEY_UP)},
    {"[B", UI_KEY(KEY_DOWN)},
    {"[C", UI_KEY(KEY_RIGHT)},
    {"[D", UI_KEY(KEY_LEFT)},
    {"[H", UI_KEY(KEY_HOME)},
    {"[F", UI_KEY(KEY_END)},
    {"OA", UI_KEY(KEY_UP)},
    {"OB", UI_KEY(KEY_DOWN)},
    {"OC", UI_KEY(KEY_RIGHT)},
    {"OD", UI_KEY(KEY_LEFT)},
    {"OH", UI_KEY(KEY_HOME)},
    {"OF", UI_KEY(KEY_END)},
    {"[Z", UI_KEY(KEY_BTAB)},
    /* the editing keypad (VT220, xterm, Linux console, screen, rxvt) */
    {"[1~", UI_KEY(KEY_HOME)},
    {"[2~", UI_KEY(KEY_IC)},
    {"[3~", UI_KEY(KEY_DC)},
    {"[4~", UI_KEY(KEY_END)},
    {"[5~", UI_KEY(KEY_PPAGE)},
    {"[6~", UI_KEY(KEY_NPAGE)},
    {"[7~", UI_KEY(KEY_HOME)},
    {"[8~", UI_KEY(KEY_END)},
    /* function keys: VT100 PF1..PF4, VT220 / xterm, Linux console */
    {"OP", UI_KEY(KEY_F(1))},
    {"OQ", UI_KEY(KEY_F(2))},
    {"OR", UI_KEY(KEY_F(3))},
    {"OS", UI_KEY(KEY_F(4))},
    {"[11~", UI_KEY(KEY_F(1))},
    {"[12~", UI_KEY(KEY_F(2))},
    {"[13~", UI_KEY(KEY_F(3))},
    {"[14~", UI_KEY(KEY_F(4))},
    {"[15~", UI_KEY(KEY_F(5))},
    {"[17~", UI_KEY(KEY_F(6))},
    {"[18~", UI_KEY(KEY_F(7))},
    {"[19~", UI_KEY(KEY_F(8))},
    {"[20~", UI_KEY(KEY_F(9))},
    {"[21~", UI_KEY(KEY_F(10))},
    {"[23~", UI_KEY(KEY_F(11))},
    {"[24~", UI_KEY(KEY_F(12))},
    {"[[A", UI_KEY(KEY_F(1))},
    {"[[B", UI_KEY(KEY_F(2))},
    {"[[C", UI_KEY(KEY_F(3))},
    {"[[D", UI_KEY(KEY_F(4))},
    {"[[E", UI_KEY(KEY_F(5))},
    /* the numeric keypad in application mode (smkx sets it): what it types */
    {"OM", '\r'},
    {"Op", '0'},
    {"Oq", '1'},
    {"Or", '2'},
    {"Os", '3'},
    {"Ot", '4'},
    {"Ou", '5'},
    {"Ov", '6'},
    {"Ow", '7'},
    {"Ox", '8'},
    {"Oy", '9'},
    {"Ok", '+'},
    {"Om", '-'},
    {"Oj", '*'},
    {"Oo", '/'},
    {"On", '.'},
};

static int esc_wait_ms = UI_ESC_WAIT_MS;
static int queue[8]; /* keys decoded ahead (after Esc + key) */
static size_t queued;

/* Keep a key for the next call. */
static void
enqueue(int key)
{
	if (queued < sizeof queue / sizeof queue[0])
		queue[queued++] = key;
}

/* One raw key from curses within ms (-1 waits forever): a character, a
 * UI_KEY(curses code), or -1 when nothing came. */
static int
next_raw(int ms)
{
	wint_t wc;
	int r;

	timeout(ms);
	r = wget_wch(stdscr, &wc);
	if (r == ERR)
		return -1;
	return r == KEY_CODE_YES ? UI_KEY((int)wc) : (int)wc;
}

/* The key of a complete sequence (after Esc), or UI_KEY_UNKNOWN. */
static int
lookup(const char *seq)
{
	for (size_t i = 0; i < sizeof known_sequences / sizeof known_sequences[0]; i++)
		if (strcmp(known_sequences[i].seq, seq) == 0)
			return known_sequences[i].key;
	return UI_KEY_UNKNOWN;
}

/*
 * Read the rest of a sequence whose introducer ('[' or 'O') was read:
 * CSI = '[' parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one
 * final byte 0x40-0x7E (the Linux console's "[[" + letter included);
 * SS3 = 'O' + one byte. A byte outside the grammar ends the sequence as
 * unknown and is kept as the next key.
 */
static int
read_sequence(int introducer)
{
	char seq[SEQ_MAX + 1];
	size_t n = 0;
	int c, overlong = 0;

	seq[n++] = (char)introducer;
	for (;;) {
		c = next_raw(SEQ_BYTE_MS);
		if (c < 0)
			return UI_KEY_UNKNOWN; /* cut off: what came is dropped */
		if (c >= UI_KEYBASE || c < 0x20 || c > 0x7e) {
			enqueue(c);
			return UI_KEY_UNKNOWN;
		}
		if (n < SEQ_MAX)
			seq[n++] = (char)c;
		else
			overlong = 1;
		if (introducer == 'O')
			break; /* SS3: one byte */
		if (n == 2 && c == '[')
			continue; /* Linux console F1..F5: "[[" + letter */
		if (c >= 0x40 && c <= 0x7e)
			break; /* the final byte */
		if (n == 3 && seq[1] == '[')
			break; /* "[[" takes one letter; anything else ends it */
	}
	seq[n] = '\0';
	return overlong ? UI_KEY_UNKNOWN : lookup(seq);
}

/* What follows an Esc the person typed or the terminal sent. */
static int
after_escape(void)
{
	int c = next_raw(esc_wait_ms);

	if (c < 0)
		return UI_ESC; /* a lone Esc */
	if (c == UI_ESC) {
		/* Esc Esc: Esc at once; a sequence right behind it (Alt + key)
		 * follows as its own key */
		int d = next_raw(SEQ_FOLLOW_MS);
		if (d == '[' || d == 'O')
			enqueue(read_sequence(d));
		else if (d >= 0)
			enqueue(d);
		return UI_ESC;
	}
	if (c == '[' || c == 'O')
		return read_sequence(c);
	if (c >= '0' && c <= '9')
		return UI_KEY(KEY_F(c == '0' ? 10 : c - '0'));
	/* Esc then any other key: both, in order */
	enqueue(c);
	return UI_ESC;
}

/* The documentation of what this file does with Esc, for the help screen. */
const struct keys_note keys_notes[] = {
    {"Esc 1 … Esc 0", "wie F1 … F10 (für Terminals ohne F-Tasten)"},
    {"Esc Esc", "Esc sofort; ein einzelnes Esc wartet kurz auf eine Ziffer (ESCDELAY, "
                "sonst 500 ms)"},
};
const size_t keys_note_count = sizeof keys_notes / sizeof keys_notes[0];

void
keys_init(void)
{
	const char *e = getenv("ESCDELAY");
	long ms;

	esc_wait_ms = UI_ESC_WAIT_MS;
	if (e != NULL && parse_integer(e, strlen(e), PARSE_LEADING_ZERO, 0, 10000, &ms))
		esc_wait_ms = (int)ms;
	queued = 0;
}

/* One form for the keys terminals send in several: Enter, Backspace. */
static int
normalise(int key)
{
	switch (key) {
	case '\r':
	case UI_KEY(KEY_ENTER):
		return '\n';
	case 127:
	case 8:
		return UI_BACKSPACE;
	default:
		return key;
	}
}

int
keys_read(int timeout_ms)
{
	int c;

	if (queued > 0) {
		c = queue[0];
		memmove(queue, queue + 1, --queued * sizeof queue[0]);
		return normalise(c);
	}
	c = next_raw(timeout_ms);
	if (c == UI_ESC)
		c = after_escape();
	return normalise(c);
}

int
keys_printable(int key)
{
	return key >= 32 && key < UI_KEYBASE && key != 127 && iswprint((wint_t)key);
}

int
keys_match(int pattern, int key)
{
	if (pattern == 0 || key <= 0)
		return 0;
	switch (pattern) {
	case UI_KEYS_DIGIT:
		return key >= '0' && key <= '9';
	case UI_KEYS_TEXT:
		return keys_printable(key);
	case UI_KEYS_ANY:
		return 1;
	default:
		return pattern == key;
	}
}

int
keys_fkey(int key)
{
	for (int n = 1; n <= 12; n++)
		if (key == UI_KEY(KEY_F(n)))
			return n;
	return 0;
}
