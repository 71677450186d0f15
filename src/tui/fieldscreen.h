/*
 * fieldscreen.h: what F2, F3, F7 and F8 share: their state is a field list
 * (struct ui_fields) whose every change is saved at once, the same keys
 * (Enter edits, Esc goes back, an open editor takes every key), and F2 and
 * F3 show the question above their fields.
 */
#ifndef FIELDSCREEN_H
#define FIELDSCREEN_H

#include "tui/fields.h"

/* The keys of such a screen (bindings of its struct ui_screen); sized here
 * so that a screen's static initialiser can count them. */
#define FIELDSCREEN_BINDINGS 3
extern const struct ui_binding fieldscreen_bindings[FIELDSCREEN_BINDINGS];

/* A new state for init (the list saves through fields_save and calls
 * rebuild, its changed hook, after each saved change), or the old one. */
struct ui_fields *
fieldscreen_state(void *state, void (*rebuild)(struct ui *ui, struct ui_fields *f,
                                               struct ui_field *fl, const char *value));
/* The fallback key handler: the field list. */
int fieldscreen_key(struct ui *ui, void *state, int key);
/* The flush: save what the editor holds when it was changed. */
int fieldscreen_flush(struct ui *ui, void *state, int quitting);
/* Free the state. */
void fieldscreen_free(void *state);
/* The frame: title, status and the key bar (the editor's while a note is
 * edited on several lines). */
void fieldscreen_frame(const struct ui *ui, const struct ui_fields *f, const char *title,
                       const char *right);

/* F2, F3: the current question's text and below it extra (NULL: none) from
 * row 2; with draw, drawn. Returns the row after them (with a blank row). */
int fieldscreen_question(const struct ui *ui, const char *extra, int draw);

#endif
