/*
 * fields.h: a list of labelled fields (the new-audit screen, F2, F3, F7,
 * F8): text, date and choice fields, a button, headings and read-only
 * lines, with the editor for the selected field. Fields are made from the
 * model's vocabulary (fields_add_vocab), so labels and allowed values are
 * never listed here. What a changed value does is the owner's: F2, F3, F7
 * and F8 save it at once (fields_save), the new-audit screen keeps it until
 * the audit is created. The keys are one binding table (fields_bindings),
 * which the help lists.
 */
#ifndef FIELDS_H
#define FIELDS_H

#include <stddef.h>

#include "model/vocab.h"
#include "tui/edit.h"
#include "tui/screen.h"

enum ui_field_kind {
	FIELD_TEXT,
	FIELD_DATE,
	FIELD_CHOICE, /* one of choices (stored values), shown by its label */
	FIELD_BUTTON,
	FIELD_HEADING, /* not selectable */
	FIELD_INFO,    /* read-only text */
};

struct ui_fields;
struct ui_field;

/* Take value (UTF-8; "" = empty; a date already ISO) into field fl: save it
 * or keep it. 0, or -1 with the reason in the status line (an open editor
 * keeps the input for correction). */
typedef int fields_store_fn(struct ui *ui, struct ui_fields *f, struct ui_field *fl,
                            const char *value);

struct ui_field {
	enum ui_field_kind kind;
	char *label;          /* owned */
	char *key;            /* the session record, or NULL (owned) */
	char *value;          /* owned; NULL = empty */
	char **choices;       /* FIELD_CHOICE: stored values ("" = not set), owned */
	char **choice_labels; /* and what a person reads, owned */
	size_t choice_count;
	int hidden;
	int multiline;          /* FIELD_TEXT: Enter starts a new line, Strg-S saves */
	fields_store_fn *store; /* this field's own store, NULL: the list's */
	/* FIELD_BUTTON: what pressing it does (UI_* flags; it may leave the
	 * screen, so the list is not touched afterwards) */
	int (*press)(struct ui *ui, void *owner);
};

struct ui_fields {
	struct ui_field *items;
	size_t count;
	size_t selected;
	size_t top; /* first shown row (hidden fields do not count) */
	struct ui_edit edit;
	char typed[64]; /* picking a choice by typing: the letters so far */
	size_t typed_len, typed_field;
	long typed_at;
	/* what a changed value does (fields_save, or the owner's) */
	fields_store_fn *store;
	/* after a value was taken (the editor is closed): refill, hints … May be NULL. */
	void (*changed)(struct ui *ui, struct ui_fields *f, struct ui_field *fl,
	                const char *value);
	void *owner; /* the screen state the list belongs to, for the hooks */
	/* where it is shown (fields_layout) */
	int width, height;
	int detail_width, detail_height;
};

/* The list's keys (widget table, listed in the help). */
extern const struct ui_binding fields_bindings[];
extern const size_t fields_binding_count;

/* Append a field; strings are copied. */
struct ui_field *fields_add(struct ui_fields *f, enum ui_field_kind kind,
                            const char *label, const char *key, const char *value);
/* Append a choice to a choice field. */
void fields_add_choice(struct ui_field *fl, const char *value, const char *label);
/*
 * fields_add_vocab: the field for vocabulary field vf as record key with
 * value: a text, long text, date or choice field; a choice offers
 * empty_label for "not set" first (NULL: it is always set) and then the
 * vocabulary's values. A reference or session field is a choice with only
 * empty_label, for the caller to fill. label NULL: vf->label.
 */
struct ui_field *fields_add_vocab(struct ui_fields *f, const struct vocab_field *vf,
                                  const char *label, const char *key, const char *value,
                                  const char *empty_label);
/* fields_add_vocab with the value of record key in s (none when s is NULL). */
struct ui_field *fields_add_record(struct ui_fields *f, const struct session *s,
                                   const struct vocab_field *vf, const char *label,
                                   const char *key, const char *empty_label);
/* Free every field and reset the list (hooks and layout stay). */
void fields_clear(struct ui_fields *f);
/* The field with this record key, or NULL. */
struct ui_field *fields_find(struct ui_fields *f, const char *key);
/* The label shown for a choice field's value. */
const char *fields_choice_label(const struct ui_field *fl);

/* Where the list is shown (width × height) and the box below it for a note
 * being edited; keeps the selection on a selectable field and in view. */
void fields_layout(struct ui_fields *f, int width, int height, int detail_width,
                   int detail_height);

/* A key: UI_* flags, 0 when the list does not use it. */
int fields_key(struct ui *ui, struct ui_fields *f, int key);
/* Whether the editor is open. */
int fields_editing(const struct ui_fields *f);
/* Before the screen is left: take what the editor holds (only when it was
 * changed, with changed_only). 0, or -1 (kept, reason shown). */
int fields_flush(struct ui *ui, struct ui_fields *f, int changed_only);

/* The store of F2, F3, F7, F8: save the record at once (save_change), warn
 * about an implausible date, refill the list (changed hook). */
int fields_save(struct ui *ui, struct ui_fields *f, struct ui_field *fl,
                const char *value);

/* Draw the list from row y, column x, in its layout. */
void fields_draw(const struct ui *ui, const struct ui_fields *f, int y, int x);
/* Under the list: the multi-line editor while a note is edited, else the
 * selected field's whole text when it is too long for its row. */
void fields_detail(const struct ui *ui, const struct ui_fields *f, int y, int x);

#endif
