/*
 * global.h: the keys that work on every screen (F1 … F10, Tab, Bild↑/↓,
 * Strg-Q …), one binding table like every screen's. The help screen lists
 * them first; screens name the ones their key bar shows (bar_globals).
 */
#ifndef GLOBAL_H
#define GLOBAL_H

#include "tui/screen.h"

extern const struct ui_binding global_bindings[];
extern const size_t global_binding_count;

/* Whether key goes to the global table before the screen sees it (F-keys,
 * Strg-Q, Strg-C); other global keys come after the screen's. */
int global_first(int key);

/* Run the global binding of key: UI_* flags, 0 when there is none. */
int global_run(struct ui *ui, int key);

/* The quit keys, the only ones that work while the terminal is too small. */
int global_quit_key(int key);

#endif
