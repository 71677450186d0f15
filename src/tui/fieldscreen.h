/*
 * fieldscreen.h: what F2, F3, F7 and F8 share: their state is a field list
 * (struct ui_fields) whose every change is saved at once, the same keys
 * (Enter edits, Esc goes back, an open editor takes every key), and F2 and
 * F3 are one kind of screen: the question above some of its records.
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

/* F2 and F3: the records beside the current question's answer, one set of
 * the vocabulary's per-question fields each. */
struct question_fields {
	const char *title; /* the header */
	int evidence;      /* the evidence records (keys evidence…), else the others */
	const char *empty; /* a choice's "not set" */
	const char *hint;  /* the line under the fields */
	/* the form's text shown between the question and the fields (caller
	 * frees), or NULL */
	char *(*above)(const struct ui *ui);
};

/* The init, resize and draw of such a screen; its init calls the first with
 * its struct question_fields. */
void *fieldscreen_question_init(struct ui *ui, void *state,
                                const struct question_fields *qf);
void fieldscreen_question_resize(struct ui *ui, void *state);
void fieldscreen_question_draw(const struct ui *ui, const void *state);

#endif
