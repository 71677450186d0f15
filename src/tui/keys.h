/*
 * keys.h: the key codes of the interview and the key reader. A key is a
 * character (its Unicode value) or a curses key code offset beyond Unicode
 * by UI_KEY(). Enter and Backspace arrive in one form each ('\n' and
 * UI_BACKSPACE), whatever the terminal sends. Binding tables (bind.h) may
 * name a class of keys instead of one key (UI_KEYS_*). Included only by
 * src/tui files (it pulls in curses).
 */
#ifndef KEYS_H
#define KEYS_H

#include <curses.h>

#define UI_KEYBASE 0x200000
#define UI_KEY(k) (UI_KEYBASE + (k))
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 27
#define UI_ENTER '\n'
#define UI_BACKSPACE UI_KEY(KEY_BACKSPACE)
/* An escape sequence that is no known key: consumed whole and ignored. */
#define UI_KEY_UNKNOWN (UI_KEYBASE - 1)

/* Classes of keys a binding may name instead of one key. */
#define UI_KEYS_DIGIT (UI_KEYBASE - 2) /* '0' … '9' */
#define UI_KEYS_TEXT (UI_KEYBASE - 3)  /* any character that types (keys_printable) */
#define UI_KEYS_ANY (UI_KEYBASE - 4)   /* every key */

/* How long a lone Esc waits for a digit (Esc 1 … Esc 0 = F1 … F10) when
 * ESCDELAY is not set, in ms: a person types Esc then a digit within it. */
#define UI_ESC_WAIT_MS 500

/* Read ESCDELAY (ms) for the wait after a lone Esc; forget keys read ahead. */
void keys_init(void);

/*
 * keys_read: the next key within timeout_ms: a character, UI_KEY(curses key
 * code), UI_ESC, an F-key for Esc + digit, UI_KEY_UNKNOWN for an escape
 * sequence that is no known key (all its bytes consumed), or -1 when no key
 * came in time. '\r' and the keypad's Enter come as '\n', DEL and Ctrl-H as
 * UI_BACKSPACE.
 */
int keys_read(int timeout_ms);

/* Whether key is a character that types (printable; no control or function key). */
int keys_printable(int key);

/* Whether key is pattern: the same key, or one of the class pattern names. */
int keys_match(int pattern, int key);

/* The F-key number (1 … 12) of key, or 0 when it is no F-key. */
int keys_fkey(int key);

/*
 * What the key reader itself makes of keys (Esc + digit, Esc Esc), for the
 * help screen: documented here because it is done here, not by a binding.
 */
struct keys_note {
	const char *keys; /* as the help shows them */
	const char *help; /* German */
};
extern const struct keys_note keys_notes[];
extern const size_t keys_note_count;

#endif
