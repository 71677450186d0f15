/*
 * interview.h: the screen logic of the interview that needs no terminal:
 * navigation order over the questions shown (show_if), the next open
 * question, progress per Handlungsfeld and the review list. Pure functions
 * of a session; never includes curses, never prints, never saves.
 */
#ifndef INTERVIEW_H
#define INTERVIEW_H

#include <stddef.h>

#include "model/session.h"

/* Progress of one Handlungsfeld (or of the whole form) over shown questions. */
struct interview_progress {
	size_t shown;    /* questions shown (all types) */
	size_t answered; /* shown and answered (given or entfällt) */
	size_t open;     /* shown and not answered */
	int points;      /* points so far by the score rules (whole form: Endpunktzahl) */
	int max; /* maximum by the score rules: hidden count, entfällt does not */
};

/* Whether question qi is shown (score_question_visible; 0 when out of range). */
int interview_visible(const struct session *s, size_t qi);

/* Whether question qi is shown and still unanswered. */
int interview_is_open(const struct session *s, size_t qi);

/*
 * interview_first: the first shown question (from the start when section
 * is (size_t)-1, else the first of that Handlungsfeld). Returns 1 and sets
 * *out, or 0 when there is none.
 */
int interview_first(const struct session *s, size_t section, size_t *out);

/* The next / previous shown question after / before qi (no wrap). 1 and *out, or 0. */
int interview_next(const struct session *s, size_t qi, size_t *out);
int interview_prev(const struct session *s, size_t qi, size_t *out);

/*
 * interview_next_open: the next shown, unanswered question after qi,
 * wrapping around the whole form (qi itself last). 1 and *out, or 0 when
 * every shown question is answered.
 */
int interview_next_open(const struct session *s, size_t qi, size_t *out);

/*
 * interview_resume: where to continue: the question named by s->cursor when
 * it exists (or the next shown one after it when it is now hidden), else the
 * first open question, else the first question. 0 when the form is empty.
 */
size_t interview_resume(const struct session *s);

/*
 * interview_position: number of qi among the shown questions of its
 * Handlungsfeld (1-based, 0 when hidden) and how many are shown there.
 */
void interview_position(const struct session *s, size_t qi, size_t *number,
                        size_t *total);

/* Progress of Handlungsfeld section, or of the whole form when section is (size_t)-1. */
void interview_progress(const struct session *s, size_t section,
                        struct interview_progress *out);

enum interview_review_kind {
	REVIEW_OPEN,            /* shown, unanswered */
	REVIEW_EVIDENCE,        /* evidence nachzureichen or fehlt */
	REVIEW_NOTE,            /* has a note or an own recommendation */
	REVIEW_TOWN_DIFFERS,    /* the auditor's answer differs from the town's */
	REVIEW_TOWN_UNVERIFIED, /* the town's answer or evidence not yet verified
	                           (town_unverified, model/town.h) */
};

struct interview_review_item {
	enum interview_review_kind kind;
	size_t question; /* index into form->questions */
};

/*
 * interview_review: every open shown question, then every question whose
 * evidence is nachzureichen or fehlt, then every question with a note or own
 * recommendation, then every question whose answer differs from the town's
 * statement, then every shown question whose town statement is not yet
 * verified (model/town.h), each group in form order. Hidden questions appear only in
 * the note group (what was written is never lost from view). *items is
 * allocated (caller frees; NULL when *count is 0).
 */
void interview_review(const struct session *s, struct interview_review_item **items,
                      size_t *count);

/*
 * interview_number: the number of question qi as the Prüfbogen and the
 * workbook count it, "3.7": Handlungsfeld, then the question's place among
 * all questions of its Handlungsfeld (shown or not). Caller frees.
 */
char *interview_number(const struct form *f, size_t qi);

/*
 * interview_find_number: the question numbered text ("3.7", also "3,7" or
 * with blanks around). 1 and *out, or 0 when text is no such number.
 */
int interview_find_number(const struct form *f, const char *text, size_t *out);

/*
 * interview_search: the questions whose number, text or help contains
 * needle, ignoring case, umlauts (ä = a) and ß = ss; in form order, hidden
 * ones included. Writes at most max indexes to out and returns how many
 * questions match in all (0 for an empty needle).
 */
size_t interview_search(const struct form *f, const char *needle, size_t *out,
                        size_t max);

#endif
