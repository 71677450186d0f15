/*
 * bind.h: key bindings. Every screen and every widget of the interview
 * declares its keys as one const table of struct ui_binding; the same rows
 * drive what a key does (bind_run), the key bar (frame.c) and the help
 * screen (ui_help.c), so the help and the key bar cannot say what the keys
 * do not do. Adding a key is one row. No curses here.
 */
#ifndef BIND_H
#define BIND_H

#include <stddef.h>

struct ui;

struct ui_binding {
	/* The keys: a character, UI_KEY(curses code) or a class (UI_KEYS_DIGIT,
	 * UI_KEYS_TEXT, UI_KEYS_ANY; keys.h); key2 a second key, or 0. */
	int key, key2;
	/* The keys as a person reads them, in the help ("F9, Strg-F") and in the
	 * key bar (an F-key there as its number: "9"). */
	const char *keys;
	/* The key bar's label ("Handlungsfelder|Handlungsf.": a short form after
	 * '|' for narrow terminals), or NULL: not in the key bar. */
	const char *bar;
	/* What the key does, German, for the help screen, or NULL: not listed. */
	const char *help;
	/*
	 * Do it. state is the state of the screen or widget that owns the table.
	 * Returns nonzero when the key was used (a screen's UI_* flags, a widget's
	 * own result), 0 when it does not apply now (the next matching row, then
	 * the owner's fallback, gets the key).
	 */
	int (*run)(struct ui *ui, void *state, int key);
};

#define BIND_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Run the first row of the n rows that matches key and uses it; its result,
 * or 0 when none did. */
int bind_run(const struct ui_binding *rows, size_t n, struct ui *ui, void *state,
             int key);

/* The key as the key bar shows it: an F-key's number, else b->keys. Borrowed
 * from b, or out. */
const char *bind_bar_keys(const struct ui_binding *b, char out[4]);

#endif
