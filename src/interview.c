/*
 * interview.c: navigation, progress and the review list of the interview,
 * computed from the session alone. Visibility comes from
 * score_question_visible so the UI and the verdict never disagree. Must not
 * include curses, print, save or change the session.
 */
#include "config.h"

#include <stdlib.h>

#include "interview.h"
#include "score.h"
#include "util.h"

/* Whether question qi is shown. */
int
interview_visible(const struct session *s, size_t qi)
{
	if (s == NULL || s->form == NULL || qi >= s->form->question_count)
		return 0;
	return score_question_visible(s, qi) != 0;
}

/* Whether question qi is shown and unanswered. */
int
interview_is_open(const struct session *s, size_t qi)
{
	return interview_visible(s, qi) && s->items[qi].answer.state == ANSWER_OPEN;
}

/* The first shown question of the form or of one Handlungsfeld. */
int
interview_first(const struct session *s, size_t section, size_t *out)
{
	size_t from = 0, to = s->form->question_count;

	if (section != (size_t)-1) {
		if (section >= s->form->section_count)
			return 0;
		from = s->form->sections[section].first;
		to = from + s->form->sections[section].count;
	}
	for (size_t i = from; i < to; i++) {
		if (interview_visible(s, i)) {
			*out = i;
			return 1;
		}
	}
	return 0;
}

/* The next shown question after qi. */
int
interview_next(const struct session *s, size_t qi, size_t *out)
{
	for (size_t i = qi + 1; i < s->form->question_count; i++) {
		if (interview_visible(s, i)) {
			*out = i;
			return 1;
		}
	}
	return 0;
}

/* The previous shown question before qi. */
int
interview_prev(const struct session *s, size_t qi, size_t *out)
{
	if (qi > s->form->question_count)
		qi = s->form->question_count;
	for (size_t i = qi; i-- > 0;) {
		if (interview_visible(s, i)) {
			*out = i;
			return 1;
		}
	}
	return 0;
}

/* The next open question after qi, wrapping, qi itself last. */
int
interview_next_open(const struct session *s, size_t qi, size_t *out)
{
	size_t n = s->form->question_count;

	if (n == 0)
		return 0;
	if (qi >= n)
		qi = n - 1;
	for (size_t k = 1; k <= n; k++) {
		size_t i = (qi + k) % n;
		if (interview_is_open(s, i)) {
			*out = i;
			return 1;
		}
	}
	return 0;
}

/* Where to continue after opening a session. */
size_t
interview_resume(const struct session *s)
{
	size_t q;

	if (s->form->question_count == 0)
		return 0;
	if (s->cursor != NULL) {
		int c = form_find_question(s->form, s->cursor);
		if (c >= 0) {
			if (interview_visible(s, (size_t)c))
				return (size_t)c;
			if (interview_next(s, (size_t)c, &q))
				return q;
			if (interview_prev(s, (size_t)c, &q))
				return q;
		}
	}
	if (interview_next_open(s, s->form->question_count - 1, &q))
		return q;
	if (interview_first(s, (size_t)-1, &q))
		return q;
	return 0;
}

/* Number of qi among the shown questions of its Handlungsfeld. */
void
interview_position(const struct session *s, size_t qi, size_t *number, size_t *total)
{
	const struct form_section *sec;

	*number = 0;
	*total = 0;
	if (qi >= s->form->question_count)
		return;
	sec = &s->form->sections[s->form->questions[qi].section];
	for (size_t i = sec->first; i < sec->first + sec->count; i++) {
		if (!interview_visible(s, i))
			continue;
		(*total)++;
		if (i == qi)
			*number = *total;
	}
}

/*
 * Progress over the shown questions of a Handlungsfeld or the form. Points
 * and maxima come from score_compute, so the side list, the header and the
 * result screen can never disagree.
 */
void
interview_progress(const struct session *s, size_t section,
                   struct interview_progress *out)
{
	struct score_result r;
	size_t from = 0, to = s->form->question_count;

	out->shown = out->answered = out->open = 0;
	out->points = out->max = 0;
	if (section != (size_t)-1) {
		if (section >= s->form->section_count)
			return;
		from = s->form->sections[section].first;
		to = from + s->form->sections[section].count;
	}
	score_compute(s, &r);
	for (size_t i = from; i < to; i++) {
		if (!r.question_visible[i])
			continue;
		out->shown++;
		if (s->items[i].answer.state == ANSWER_OPEN)
			out->open++;
		else
			out->answered++;
	}
	if (section == (size_t)-1) {
		out->points = r.total;
		out->max = r.max;
	} else {
		out->points = r.sections[section].points;
		out->max = r.sections[section].max;
	}
	score_result_free(&r);
}

/* Append one review item. */
static void
review_add(struct interview_review_item **items, size_t *count,
           enum interview_review_kind kind, size_t qi)
{
	*items = xreallocarray(*items, *count + 1, sizeof **items);
	(*items)[*count].kind = kind;
	(*items)[*count].question = qi;
	(*count)++;
}

/* Whether a borrowed string holds text. */
static int
has_text(const char *t)
{
	return t != NULL && t[0] != '\0';
}

/* The review list: open, then evidence to chase, then notes. */
void
interview_review(const struct session *s, struct interview_review_item **items,
                 size_t *count)
{
	size_t n = s->form->question_count;

	*items = NULL;
	*count = 0;
	for (size_t i = 0; i < n; i++)
		if (interview_is_open(s, i))
			review_add(items, count, REVIEW_OPEN, i);
	for (size_t i = 0; i < n; i++) {
		enum evidence_status e = s->items[i].evidence;
		if ((e == EVIDENCE_DUE || e == EVIDENCE_MISSING) &&
		    interview_visible(s, i))
			review_add(items, count, REVIEW_EVIDENCE, i);
	}
	for (size_t i = 0; i < n; i++)
		if (has_text(s->items[i].note) || has_text(s->items[i].recommendation))
			review_add(items, count, REVIEW_NOTE, i);
}
