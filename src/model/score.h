/*
 * score.h: the verdict. Pure functions of a session and its form: visibility
 * of show_if follow-ups, points per question and Handlungsfeld, Sonderpunkte,
 * Endpunktzahl, pass/fail in integer arithmetic, validity date, and the
 * prioritised recommendations. No I/O; the CLI, the TUI and the export all
 * call score_compute. The formatters return strings and print nothing.
 */
#ifndef SCORE_H
#define SCORE_H

#include <stddef.h>

#include "model/session.h"

struct score_section {
	int points;
	int max;
	int has_percent; /* 0 when max is 0 */
	double percent;  /* 100*points/max, for display only */
	int below_min;   /* percent below pass.section_min_percent */
	int needed;      /* whole points missing to reach the minimum (0 if met) */
	int open;        /* shown, scored, unanswered questions */
	int answered;    /* shown questions answered (given or entfällt) */
	int shown;       /* shown questions (all types) */
	char *summary;   /* one German line on what it lacks when below_min, else NULL */
};

struct score_recommendation {
	size_t question; /* index into form->questions */
	int gain;        /* max - points */
	/* The chosen option's recommendation, else the question's; for an open
	 * or hidden choice question without one, that of its lowest-scoring
	 * option that has one. Borrowed from the form, may be NULL. */
	const char *text;
	const char
	    *own; /* the auditor's own text from the session; borrowed, may be NULL */
	int weak_section; /* its Handlungsfeld is below the minimum */
};

struct score_result {
	struct score_section *sections; /* form->section_count entries */
	size_t section_count;
	int *question_points;            /* form->question_count entries */
	unsigned char *question_visible; /* form->question_count entries, 1 = shown */
	int bonus; /* Sonderpunkte: Re-Audit only, existing previous goals only */
	int total; /* Endpunktzahl */
	int max;
	double percent; /* display only */
	int passed;
	int provisional;      /* some shown scored question is unanswered */
	int open;             /* how many */
	int missing;          /* points missing to pass, 0 when passed */
	char valid_until[11]; /* YYYY-MM-DD, "" when not passed or no date */
	struct score_recommendation *recommendations;
	size_t recommendation_count;
};

/*
 * What a recommendation reads, the one rule for the result screen and the
 * workbook: the Prüfbogen's text (r->text, chosen as described above), or
 * SCORE_NO_RECOMMENDATION ("–") where the Prüfbogen has none for this
 * question and answer; never the question text. The auditor's own text
 * (r->own) is shown beside it, never instead of it. Borrowed, never NULL.
 */
#define SCORE_NO_RECOMMENDATION "–"
const char *score_recommendation_label(const struct score_recommendation *r);

/* Whether question qi is shown given the current answers (show_if chain). */
int score_question_visible(const struct session *s, size_t qi);

/*
 * score_evidence_overdue: whether the evidence of question qi is
 * "nachzureichen" with a due date before today (YYYY-MM-DD, compared as
 * text). 0 for any other evidence state or a missing date.
 */
int score_evidence_overdue(const struct session *s, size_t qi, const char *today);

/*
 * score_conditional: whether question qi is shown, earns points and its
 * evidence is "fehlt": the points count (the rule does not change), but the
 * answer stands only on condition that the evidence follows ("Nachweis
 * fehlt"). The screen and the workbook mark such answers from this rule.
 */
int score_conditional(const struct session *s, size_t qi);

/*
 * score_percent_de: 100·points/max with one decimal and a decimal comma
 * ("88,5"), rounded half up in integers exactly as the text, tsv and json
 * formats round; "–" when max is 0. For screens that show percents.
 */
void score_percent_de(int points, int max, char out[32]);

/* score_percent_tenths: 100·points/max in tenths of a percent, rounded half
 * up in integers (385 for 38,5 %): the one rounding every format shares.
 * max must be above 0. */
long long score_percent_tenths(long long points, long long max);

/*
 * score_previous_goal_exists: whether Entwicklungsziel g (0-based) of the
 * previous audit exists in s: it has its Ziel (prevgoal.N.ziel), copied from
 * the linked previous session (src/reaudit.c) or entered with `set`. Only
 * such goals earn Sonderpunkte, and only in a Re-Audit: a status stored for
 * a goal that does not exist earns nothing.
 */
int score_previous_goal_exists(const struct session *s, int g);

/* Sonderpunkte a previous goal with that status earns (the form's goals.bonus). */
int score_goal_bonus(const struct form *form, enum goal_status status);

/* Compute everything into *out (overwritten; free with score_result_free). */
void score_compute(const struct session *s, struct score_result *out);
void score_result_free(struct score_result *r);

/*
 * score_valid_until: date + years, same calendar day; 29 Feb becomes 28 Feb.
 * out receives YYYY-MM-DD. Returns 0, or -1 when date is not a valid date.
 */
int score_valid_until(const char *date, int years, char out[11]);

/* Formatters (caller frees): German text summary with bars and the top 10
 * recommendations; the tsv lines of `score --format tsv`; one JSON object. */
char *score_format_text(const struct session *s, const struct score_result *r);
char *score_format_tsv(const struct session *s, const struct score_result *r);
char *score_format_json(const struct session *s, const struct score_result *r);

#endif
