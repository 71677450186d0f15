/*
 * interview.c: navigation, progress and the review list of the interview,
 * computed from the session alone. Visibility comes from
 * score_question_visible so the UI and the verdict never disagree. Must not
 * include curses, print, save or change the session.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/interview.h"
#include "model/town.h"
#include "model/score.h"
#include "lib/util.h"
#include "lib/utf8.h"

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
	for (size_t i = 0; i < n; i++)
		if (town_differs(s, i))
			review_add(items, count, REVIEW_TOWN_DIFFERS, i);
	for (size_t i = 0; i < n; i++)
		if (town_unverified(s, i) != 0 && interview_visible(s, i))
			review_add(items, count, REVIEW_TOWN_UNVERIFIED, i);
}

char *
interview_number(const struct form *f, size_t qi)
{
	const struct form_question *q = &f->questions[qi];

	return xasprintf("%zu.%zu", q->section + 1,
	                 qi - f->sections[q->section].first + 1);
}

int
interview_find_number(const struct form *f, const char *text, size_t *out)
{
	const char *p = text, *sep, *end;
	long sec, pos;

	while (*p == ' ')
		p++;
	sep = p + strcspn(p, ".,");
	if (*sep == '\0')
		return 0;
	end = sep + 1 + strcspn(sep + 1, " ");
	if (end[strspn(end, " ")] != '\0' || f->section_count == 0 ||
	    !parse_integer(p, (size_t)(sep - p), PARSE_LEADING_ZERO, 1,
	                   (long)f->section_count, &sec) ||
	    !parse_integer(sep + 1, (size_t)(end - sep - 1), PARSE_LEADING_ZERO, 1,
	                   (long)f->sections[sec - 1].count, &pos))
		return 0;
	*out = f->sections[sec - 1].first + (size_t)pos - 1;
	return 1;
}

/* text lower-cased (ASCII, Latin-1 letters) with umlauts folded (ä → a,
 * ß → ss) as code points (caller frees). */
static unsigned long *
fold(const char *text)
{
	size_t left = strlen(text), len = 0;
	unsigned long *w = xreallocarray(NULL, 2 * left + 1, sizeof *w);

	/* decoded here, not through the locale: the search works the same in
	 * every LC_CTYPE */
	while (left > 0) {
		uint32_t cp;
		size_t n = utf8_decode(text, left, &cp);
		unsigned long c = cp;

		text += n;
		left -= n;
		if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
			c += 0x20; /* ASCII and Latin-1 capitals */
		if (c == 0xe4)
			c = 'a';
		else if (c == 0xf6)
			c = 'o';
		else if (c == 0xfc)
			c = 'u';
		else if (c == 0xdf || c == 0x1e9e) {
			w[len++] = 's';
			c = 's';
		}
		w[len++] = c;
	}
	w[len] = 0;
	return w;
}

/* Whether the code points h contain n. */
static int
contains(const unsigned long *h, const unsigned long *n)
{
	for (; *h != 0; h++) {
		size_t k = 0;
		while (n[k] != 0 && h[k] == n[k])
			k++;
		if (n[k] == 0)
			return 1;
	}
	return 0;
}

/* Whether the folded text contains the folded needle. */
static int
folded_contains(const char *text, const unsigned long *needle)
{
	unsigned long *h;
	int found;

	if (text == NULL)
		return 0;
	h = fold(text);
	found = contains(h, needle);
	free(h);
	return found;
}

size_t
interview_search(const struct form *f, const char *needle, size_t *out, size_t max)
{
	unsigned long *n = fold(needle);
	size_t found = 0;

	if (n[0] == 0) {
		free(n);
		return 0;
	}
	for (size_t i = 0; i < f->question_count; i++) {
		char *number = interview_number(f, i);
		int hit = folded_contains(number, n) ||
		          folded_contains(f->questions[i].text, n) ||
		          folded_contains(f->questions[i].help, n);
		free(number);
		if (!hit)
			continue;
		if (found < max)
			out[found] = i;
		found++;
	}
	free(n);
	return found;
}
