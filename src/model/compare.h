/*
 * compare.h: how a town developed between two audits: per Handlungsfeld
 * the points, maximum and percent then and now with the difference, the
 * Sonderpunkte, the Endpunktzahl, the verdict then and now, and the
 * questions whose answer changed (better, worse, changed, new, retired).
 * The one computation behind `compare`, the interview's Entwicklung screen
 * and the workbook's sheet Entwicklung, so they agree by construction.
 * Both sessions are scored on their own forms (score_compute); questions
 * are matched across Prüfbogen editions by model/edition.h. Where the
 * maximum of a Handlungsfeld, of the Endpunktzahl or of a question changed
 * between the editions the points are not comparable: the entry says
 * "Methode geändert" and compares the percentages instead.
 * Model code: never prints, never exits.
 */
#ifndef COMPARE_H
#define COMPARE_H

#include <stddef.h>

#include "model/edition.h"
#include "model/score.h"
#include "model/session.h"

/* What happened to one question between the audits. */
enum compare_change {
	COMPARE_UNCHANGED,
	COMPARE_BETTER,  /* more points (a higher percent when its maximum changed) */
	COMPARE_WORSE,   /* fewer */
	COMPARE_CHANGED, /* another answer at the same points, or an unscored one */
	COMPARE_NEW,     /* a question new in this edition */
	COMPARE_RETIRED, /* asked then, not any more (retired or not mapped) */
};
#define COMPARE_CHANGE_COUNT 6

/* Two numbers of one audit: points of max, and the percent when max > 0. */
struct compare_figure {
	int present; /* the Handlungsfeld (question) exists in that edition */
	int points, max;
	long long tenths; /* score_percent_tenths(points, max); only when max > 0 */
};

/* How two figures compare. */
struct compare_delta {
	int percent;        /* the maxima differ (or one side is missing): the
	                       percentages are compared, not the points */
	int method_changed; /* ... because the Prüfbogen's maximum differs between
	                       the editions („Methode geändert“), not only answers
	                       of „entfällt“ */
	int comparable;     /* a difference exists: both present (and both max > 0
	                       when in percent) */
	/* points now - then; or, when percent, tenths of a percentage point
	 * (percent now - percent then, each rounded as shown) */
	long long difference;
};

struct compare_section {
	const char *id, *title;    /* borrowed from the forms (this edition's first) */
	int then_index, now_index; /* the section in each form, or -1 */
	struct compare_figure then, now;
	struct compare_delta delta;
};

struct compare_question {
	int now;  /* question of the current form, or -1 (retired) */
	int then; /* first question of the previous form mapped onto it, or -1 (new) */
	enum compare_change change;
	enum edition_fate fate; /* how the edition mapping treats it */
	struct compare_figure points_then, points_now; /* present: in that edition */
	int answered_then, answered_now; /* answered (and shown) in that audit */
	struct compare_delta delta;
	char *answer_then, *answer_now; /* as a person reads them; "–" when none */
};

/* An audit's verdict, in the order of the words compare_verdict_name gives. */
enum compare_verdict {
	COMPARE_PASSED,
	COMPARE_FAILED,
	COMPARE_PROVISIONAL, /* some shown scored question is open */
};

struct compare_result {
	const struct session *prev, *cur; /* borrowed */
	struct edition_map map;
	struct score_result score_then, score_now;
	struct compare_section *sections; /* cur's Handlungsfelder in order, then
	                                     those only the previous form had */
	size_t section_count;
	struct compare_figure bonus_then, bonus_now; /* Sonderpunkte (max unused) */
	struct compare_figure total_then, total_now; /* Endpunktzahl of the maximum */
	struct compare_delta total_delta;
	enum compare_verdict verdict_then, verdict_now;
	struct compare_question *questions; /* the changed ones only: cur's in form
	                                       order, then the retired ones */
	size_t question_count;
	size_t count[COMPARE_CHANGE_COUNT]; /* questions per change */
};

/* What the previous audit said to what is question qi of the current form. */
struct compare_then {
	int exists;             /* a question of the previous edition maps onto qi */
	int asked;              /* one of them was answered (and shown) then */
	enum edition_fate fate; /* the mapping (EDITION_NEW: none) */
	struct compare_figure points; /* its points of its maximum (merged: summed) */
	char *answer; /* as a person read it ("–" when not answered; merged
	                 ones joined with " / "); owned */
};

/*
 * compare_then: fill *out for question qi of m->cur from prev (on m->old),
 * the one rule for the interview's line under a question and for the
 * comparison's rows. Free with compare_then_free.
 */
void compare_then(const struct edition_map *m, const struct session *prev, size_t qi,
                  struct compare_then *out);
void compare_then_free(struct compare_then *t);

/* Flags of compare_sessions. */
enum {
	COMPARE_FORCE = 1, /* compare another Kommune, or in reverse date order */
};

/*
 * compare_sessions: compare the previous audit prev with the current cur
 * into *out (free with compare_result_free; both sessions must outlive it).
 * Refused with -1 and *why (German, caller frees), *out untouched, when the
 * Kommunen differ (compare_same_kommune) or prev is dated after cur, unless
 * flags has COMPARE_FORCE.
 */
int compare_sessions(const struct session *prev, const struct session *cur,
                     unsigned flags, struct compare_result *out, char **why);

/* Free what compare_sessions built; NULL does nothing. */
void compare_result_free(struct compare_result *r);

/* Whether two Kommune names mean the same town: equal after dropping outer
 * blanks, folding runs of blanks into one and ASCII letters to lower case. */
int compare_same_kommune(const char *a, const char *b);

/* "besser", "schlechter", "geändert", "neu", "entfallen" ("" unchanged). */
const char *compare_change_name(enum compare_change c);
/* The tsv/json word: "better", "worse", "changed", "new", "retired". */
const char *compare_change_key(enum compare_change c);
/* "bestanden", "nicht bestanden", "vorläufig". */
const char *compare_verdict_name(enum compare_verdict v);
/* The tsv/json word: "passed", "failed", "provisional". */
const char *compare_verdict_key(enum compare_verdict v);

/*
 * compare_delta_text: the difference as a person reads it: "+3 P.", "−2 P.",
 * "±0 P." or, when percentages are compared, "+4,5 %-Pkt."; "–" when there is
 * none to give. Caller frees.
 */
char *compare_delta_text(const struct compare_delta *d);

/* Formatters (caller frees): German text; tab-separated lines (C locale,
 * wohnort-audit(1) lists the fields); one JSON object. */
char *compare_format_text(const struct compare_result *r);
char *compare_format_tsv(const struct compare_result *r);
char *compare_format_json(const struct compare_result *r);

#endif
