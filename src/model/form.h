/*
 * form.h: one edition of a Prüfbogen, loaded from YAML (libfyaml) and fully
 * validated. The loaded form is read-only data shared by session, score,
 * export and the UI. The loader never prints: every problem becomes a
 * struct form_error with file, line and column.
 */
#ifndef FORM_H
#define FORM_H

#include <stddef.h>

#include "model/kind.h"

/* Upper bound on options of a multi question (answers are a 64-bit mask). */
#define FORM_MULTI_MAX_OPTIONS 64

struct form_option {
	char *id;
	char *label;
	int points;
	char *recommendation; /* NULL when the option has none */
};

struct form_band {
	long min;
	int points;
};

struct form_question {
	char *id;       /* local id, e.g. "ratsbeschluss" */
	char *full_id;  /* "section.question", unique in the form */
	size_t section; /* index into form->sections */
	enum question_type type;
	char *text;
	char *help;                  /* NULL if absent */
	char *evidence;              /* NULL if absent */
	char *recommendation;        /* NULL if absent */
	int na_allowed;              /* "entfällt" may be answered */
	int points;                  /* yesno: points for "ja" */
	struct form_option *options; /* choice, multi */
	size_t option_count;
	int multi_cap;           /* multi: cap from "max:", -1 when none */
	struct form_band *bands; /* number: sorted by min ascending */
	size_t band_count;
	long number_min; /* number: smallest answer allowed ("min:", default 0) */
	long number_max; /* number: largest answer allowed ("max:", LONG_MAX = none) */
	int scale_max;   /* scale: answers 0..scale_max */
	char **scale_labels; /* scale: optional labels, NULL or scale_max+1 entries */
	size_t scale_label_count;
	int max_points; /* derived: the most this question can score (0 for text/date) */
	/* show_if: shown only when question show_if_question scored > 0, or, when
	 * show_if_option >= 0, when that option of it is chosen. -1: always shown. */
	char *show_if; /* raw text from the file, NULL if absent */
	int show_if_question;
	int show_if_option;
	int line, column; /* where the question starts in the file */
};

struct form_section {
	char *id;
	char *title;
	size_t first;   /* index of its first question in form->questions */
	size_t count;   /* number of questions */
	int max_points; /* sum of max_points of its questions */
};

/*
 * How a question of an earlier edition continues in this one: the form's
 * `replaces:` list (wohnort-audit-form(5)). A question whose id is in both
 * editions and is not listed keeps its id (same question); model/edition.h
 * applies a mapping to a session of the earlier edition.
 */
enum form_mapping_kind {
	FORM_MAPPING_RENAMED, /* renamed: {OLD: NEW} */
	FORM_MAPPING_MERGED,  /* merged: {NEW: [OLD, OLD, …]}: several onto one */
	FORM_MAPPING_RETIRED, /* retired: [OLD, …]: no longer asked */
	FORM_MAPPING_NEW,     /* new: [NEW, …]: not in the earlier edition */
};

struct form_mapping {
	enum form_mapping_kind kind;
	char *old_id;     /* full id in the earlier edition; NULL for FORM_MAPPING_NEW */
	int question;     /* index into form->questions; -1 for FORM_MAPPING_RETIRED */
	int line, column; /* where the old id (for NEW: the new id) is written */
};

/* One earlier edition this form replaces, with how its questions map. */
struct form_replaced {
	char *form_id; /* the earlier edition's form id (default: this form's id) */
	char *edition; /* YYYY-MM-DD */
	struct form_mapping *mappings; /* in file order */
	size_t mapping_count;
	int line, column; /* the entry in the list */
	/* private to the loader: hash index of the old ids (form_replaced_find) */
	struct form_index *old_index;
};

struct form {
	char *id;
	char *title;
	char *edition; /* YYYY-MM-DD */
	int pass_total_percent;
	int pass_section_min_percent;
	int validity_first;   /* years */
	int validity_renewal; /* years */
	int goal_count;
	int bonus_reached;     /* goals.bonus.erreicht */
	int bonus_partial;     /* goals.bonus.teilweise */
	int bonus_not_reached; /* goals.bonus.nicht_erreicht */
	int discreet; /* `discreet`: no points on screen in the Gespräch (default 1) */
	struct form_section *sections;
	size_t section_count;
	struct form_question *questions; /* all questions, form order */
	size_t question_count;
	struct form_replaced *replaced; /* the earlier editions it replaces */
	size_t replaced_count;
	char *source; /* the exact YAML text it was loaded from, NUL-terminated */
	size_t source_len;
	char sha256[65]; /* hex SHA-256 of source */
	char *name;      /* file name used in messages */
	/* private to form.c: hash indexes of question and section ids, so that
	 * form_find_question and form_find_section take constant time */
	struct form_index *question_index;
	struct form_index *section_index;
};

struct form_error {
	char *file;
	int line;   /* 1-based; 0 when the error has no position */
	int column; /* 1-based; 0 when unknown */
	char *message;
};

struct form_errors {
	struct form_error *items;
	size_t count;
};

/*
 * form_load_file: read and validate the form at path. Returns the form (free
 * with form_free) or NULL; every problem found is appended to errors (all of
 * them, not just the first). errors must be zero-initialised or cleared.
 */
struct form *form_load_file(const char *path, struct form_errors *errors);

/*
 * form_load_string: the same for text already in memory (len bytes, need not
 * be NUL-terminated); name is used as the file name in errors and kept in
 * form->name. The text is copied into form->source.
 */
struct form *form_load_string(const char *text, size_t len, const char *name,
                              struct form_errors *errors);

/* form_free(NULL) does nothing. */
void form_free(struct form *form);

/* Free the errors' contents and reset to empty. */
void form_errors_clear(struct form_errors *errors);

/*
 * All errors as "FILE:LINE:COLUMN: message\n" lines, or "FILE: message\n"
 * for an error without a position (caller frees; "" when there are none).
 * One load's errors are sorted by position.
 */
char *form_errors_format(const struct form_errors *errors);

/* Index of the question with that full id ("section.question"), or -1.
 * Constant time (a hash index built while loading). */
int form_find_question(const struct form *form, const char *full_id);

/* Index of the section with that id, or -1. */
int form_find_section(const struct form *form, const char *id);

/* The mapping of the earlier edition's question old_id in r (constant
 * time), or NULL when r does not list it. Borrowed from the form. */
const struct form_mapping *form_replaced_find(const struct form_replaced *r,
                                              const char *old_id);

/* Index of the option with that id in question q, or -1. */
int form_find_option(const struct form_question *q, const char *option_id);

/* The type's name as written in the file ("yesno", …): its kind's name. */
const char *form_type_name(enum question_type type);

/* Whether a question of this type carries points (not text or date): its
 * kind's scored flag. */
int form_type_scored(enum question_type type);

/*
 * form_question_tsv: the line `wohnort-audit questions` prints for question
 * index (without newline): full id, section id, type, max points, show_if as
 * "section.question" or "section.question=option" (or "-"), text; fields
 * separated by tabs, tabs and line breaks inside the text turned into spaces.
 * Caller frees.
 */
char *form_question_tsv(const struct form *form, size_t index);

#endif
