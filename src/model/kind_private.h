/*
 * kind_private.h: what the kind files (kind_*.c) share: the kinds of the
 * table and small helpers for their messages. Only kind.c and kind_*.c
 * include it.
 */
#ifndef KIND_PRIVATE_H
#define KIND_PRIVATE_H

#include "model/answer.h"
#include "model/form.h"
#include "model/kind.h"

/* One per kind file, listed in kind.c's table. */
extern const struct question_kind kind_yesno;
extern const struct question_kind kind_choice;
extern const struct question_kind kind_multi;
extern const struct question_kind kind_number;
extern const struct question_kind kind_scale;
extern const struct question_kind kind_text;
extern const struct question_kind kind_date;

/* value shortened to 16 characters ("…" after) for a message. Caller frees. */
char *kind_echo(const char *value);

/* The option ids of q as "a, b, c" for messages. Caller frees. */
char *kind_option_list(const struct form_question *q);

/* "„VALUE“ WHAT – bitte EXPECTED eingeben" (what: "ist zu groß" …).
 * Caller frees. */
char *kind_refusal(const struct form_question *q, const char *value, const char *what);

/* Whether c is an ASCII digit. */
int kind_digit(uint32_t c);

#endif
