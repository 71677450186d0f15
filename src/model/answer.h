/*
 * answer.h: one answer to one question, its canonical text form (the value
 * syntax of `wohnort-audit set`, also used in session records) and its points.
 * Pure functions over struct form_question; no I/O.
 */
#ifndef ANSWER_H
#define ANSWER_H

#include <stdint.h>

#include "model/form.h"

/* The canonical `set` value of an "entfällt" answer ("entfällt" is read too). */
#define ANSWER_NA_VALUE "entfaellt"

enum answer_state {
	ANSWER_OPEN = 0, /* not answered */
	ANSWER_GIVEN,
	ANSWER_NA, /* "entfaellt": only where the question allows it */
};

struct answer {
	enum answer_state state;
	long
	    number; /* yesno: 1 ja / 0 nein; choice: option index; number, scale: value */
	uint64_t chosen; /* multi: bit i set when option i is chosen */
	char *text;      /* text and date answers (owned); NULL otherwise */
};

/*
 * answer_parse: parse value in the `set` syntax for question q into *out
 * (which it overwrites; clear it first if it owned text). Values: yesno
 * "ja"|"nein"; choice an option id; multi comma-separated option ids ("" =
 * none chosen); number an integer from q->number_min to q->number_max; scale
 * an integer 0..max; date YYYY-MM-DD or TT.MM.JJJJ (date_parse; stored as
 * YYYY-MM-DD); text any valid UTF-8; "entfaellt" where q->na_allowed.
 * Returns 0, or -1 with *why (caller frees): a German sentence saying what to
 * type, without the question id (callers that need it add it); *out is
 * untouched on failure.
 */
int answer_parse(const struct form_question *q, const char *value, struct answer *out,
                 char **why);

/*
 * answer_expected: what an answer to q looks like, to complete "bitte …
 * eingeben": "eine ganze Zahl von 0 bis 100", "ein Datum (TT.MM.JJJJ)" …
 * Caller frees.
 */
char *answer_expected(const struct form_question *q);

/* The canonical `set` value of a given or NA answer; NULL when open. Caller frees. */
char *answer_format(const struct form_question *q, const struct answer *a);

/*
 * answer_label: what a person reads: "Ja"/"Nein", option labels joined with
 * ", ", the number, the scale value with its label, the text, "entfällt", or
 * "offen" when open. Caller frees.
 */
char *answer_label(const struct form_question *q, const struct answer *a);

/*
 * answer_display: the answer as the interview and the workbook show it: the
 * label, but a date as TT.MM.JJJJ ("offen", "entfällt" as answer_label).
 * Caller frees.
 */
char *answer_display(const struct form_question *q, const struct answer *a);

/* The saved value as put back into an editor to correct it (the canonical
 * value, a date as TT.MM.JJJJ); NULL unless the answer is given. Caller frees. */
char *answer_editable(const struct form_question *q, const struct answer *a);

/* Whether option number option (of a choice or multi question) is chosen in a. */
int answer_option_chosen(const struct form_question *q, const struct answer *a,
                         int option);

/* Points the answer earns (0 for open, NA, text and date; multi capped). */
int answer_points(const struct form_question *q, const struct answer *a);

/* Free owned text and reset to ANSWER_OPEN. */
void answer_clear(struct answer *a);

/* Deep copy of src into *dst (dst must not own anything). */
void answer_copy(struct answer *dst, const struct answer *src);

#endif
