/*
 * compare.c: the comparison of two audits of one town (see compare.h):
 * figures per Handlungsfeld, Sonderpunkte, Endpunktzahl and verdict from
 * score_compute on each session's own form, and the questions whose answer
 * changed, matched through the edition map. The formats live in
 * compare_format.c. Model code: never prints, never exits.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/answer.h"
#include "model/compare.h"

static const char *const change_names[COMPARE_CHANGE_COUNT] = {
    "", "besser", "schlechter", "geändert", "neu", "entfallen",
};
static const char *const change_keys[COMPARE_CHANGE_COUNT] = {
    "unchanged", "better", "worse", "changed", "new", "retired",
};

const char *
compare_change_name(enum compare_change c)
{
	return (unsigned)c < COMPARE_CHANGE_COUNT ? change_names[c] : "?";
}

const char *
compare_change_key(enum compare_change c)
{
	return (unsigned)c < COMPARE_CHANGE_COUNT ? change_keys[c] : "?";
}

const char *
compare_verdict_name(enum compare_verdict v)
{
	return v == COMPARE_PASSED   ? "bestanden"
	       : v == COMPARE_FAILED ? "nicht bestanden"
	                             : "vorläufig";
}

const char *
compare_verdict_key(enum compare_verdict v)
{
	return v == COMPARE_PASSED   ? "passed"
	       : v == COMPARE_FAILED ? "failed"
	                             : "provisional";
}

/* The verdict of a score. */
static enum compare_verdict
verdict_of(const struct score_result *r)
{
	if (r->provisional)
		return COMPARE_PROVISIONAL;
	return r->passed ? COMPARE_PASSED : COMPARE_FAILED;
}

/* The next character of a name as compared: a blank run as one space. */
static const char *
next_folded(const char *p, int *c)
{
	if (isspace((unsigned char)*p)) {
		while (isspace((unsigned char)*p))
			p++;
		*c = *p != '\0' ? ' ' : '\0';
		return p;
	}
	*c = *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : (unsigned char)*p;
	return *p != '\0' ? p + 1 : p;
}

int
compare_same_kommune(const char *a, const char *b)
{
	int x, y;

	if (a == NULL || b == NULL)
		return a == b;
	while (isspace((unsigned char)*a))
		a++;
	while (isspace((unsigned char)*b))
		b++;
	do {
		a = next_folded(a, &x);
		b = next_folded(b, &y);
	} while (x == y && x != '\0');
	return x == y;
}

/* A figure of points of max that exists. */
static struct compare_figure
figure(int points, int max)
{
	struct compare_figure f = {.present = 1, .points = points, .max = max};

	if (max > 0)
		f.tenths = score_percent_tenths(points, max);
	return f;
}

/* The delta from then to now: points while the maximum is the same, else
 * the percentages as shown; form_then and form_now are the maxima the forms
 * give (the figures' may be lower by answers of „entfällt“). */
static struct compare_delta
delta(const struct compare_figure *then, const struct compare_figure *now, int form_then,
      int form_now)
{
	struct compare_delta d = {0};

	if (!then->present || !now->present) {
		d.percent = d.method_changed = 1;
		return d;
	}
	d.percent = then->max != now->max;
	d.method_changed = form_then != form_now;
	if (!d.percent) {
		d.comparable = 1;
		d.difference = (long long)now->points - then->points;
	} else if (then->max > 0 && now->max > 0) {
		d.comparable = 1;
		d.difference = now->tenths - then->tenths;
	}
	return d;
}

char *
compare_delta_text(const struct compare_delta *d)
{
	long long v = d->difference, a = v < 0 ? -v : v;
	const char *sign = v > 0 ? "+" : v < 0 ? "−" : "±";

	if (!d->comparable)
		return xstrdup("–");
	if (!d->percent)
		return xasprintf("%s%lld P.", sign, a);
	return xasprintf("%s%lld,%lld %%-Pkt.", sign, a / 10, a % 10);
}

/* Whether question qi of s is answered and shown. */
static int
asked(const struct session *s, size_t qi)
{
	return s->items[qi].answer.state != ANSWER_OPEN && score_question_visible(s, qi);
}

/* The answer of qi as shown ("–" when open or not shown). Caller frees. */
static char *
answer_text(const struct session *s, size_t qi)
{
	if (!asked(s, qi))
		return xstrdup("–");
	return answer_display(&s->form->questions[qi], &s->items[qi].answer);
}

/* The change from then to now of a scored question by its figures. */
static enum compare_change
change_by_points(const struct compare_figure *then, const struct compare_figure *now)
{
	long long a, b;

	if (then->max == now->max) {
		a = then->points;
		b = now->points;
	} else { /* percent, without rounding: cross-multiplied */
		a = (long long)then->points * now->max;
		b = (long long)now->points * then->max;
	}
	return b > a ? COMPARE_BETTER : b < a ? COMPARE_WORSE : COMPARE_UNCHANGED;
}

/* Append a question row (taking over its strings). */
static void
add_question(struct compare_result *r, struct compare_question *q)
{
	if (q->change == COMPARE_UNCHANGED) {
		free(q->answer_then);
		free(q->answer_now);
		r->count[COMPARE_UNCHANGED]++;
		return;
	}
	r->questions = xreallocarray(r->questions, r->question_count + 1, sizeof *q);
	r->questions[r->question_count++] = *q;
	r->count[q->change]++;
}

/* Whether the answer of cur's question qi equals the previous one mapped
 * into this edition (both open counts as equal). */
static int
same_answer(const struct compare_result *r, size_t qi)
{
	char *then = NULL, *now = NULL, *why = NULL;
	int rc, equal;

	rc = edition_previous_value(&r->map, r->prev, qi, &then, &why);
	free(why);
	if (rc < 0)
		return 0; /* cannot be the same answer */
	if (asked(r->cur, qi))
		now = answer_format(&r->cur->form->questions[qi],
		                    &r->cur->items[qi].answer);
	equal = (then == NULL && now == NULL) ||
	        (then != NULL && now != NULL && strcmp(then, now) == 0);
	free(then);
	free(now);
	return equal;
}

void
compare_then(const struct edition_map *m, const struct session *prev, size_t qi,
             struct compare_then *out)
{
	struct buf text = {0};
	int points = 0, max = 0;

	memset(out, 0, sizeof *out);
	out->fate = m->cur_fate[qi];
	for (int i = m->cur_from[qi]; i >= 0; i = m->next_from[i]) {
		char *t = answer_text(prev, (size_t)i);
		if (asked(prev, (size_t)i)) {
			out->asked = 1;
			points +=
			    answer_points(&m->old->questions[i], &prev->items[i].answer);
		}
		max += m->old->questions[i].max_points;
		buf_printf(&text, "%s%s", text.len > 0 ? " / " : "", t);
		free(t);
		out->exists = 1;
	}
	if (out->exists)
		out->points = figure(points, max);
	out->answer = text.data != NULL ? buf_steal(&text) : xstrdup("–");
}

void
compare_then_free(struct compare_then *t)
{
	if (t == NULL)
		return;
	free(t->answer);
	t->answer = NULL;
}

/* The rows of the current form's questions. */
static void
current_questions(struct compare_result *r)
{
	const struct form *cur = r->cur->form;

	for (size_t j = 0; j < cur->question_count; j++) {
		struct compare_question q = {.now = (int)j, .then = r->map.cur_from[j]};
		struct compare_then then;

		compare_then(&r->map, r->prev, j, &then);
		q.fate = then.fate;
		q.points_now =
		    figure(asked(r->cur, j) ? r->score_now.question_points[j] : 0,
		           cur->questions[j].max_points);
		q.answer_now = answer_text(r->cur, j);
		q.answered_now = asked(r->cur, j);
		q.answered_then = then.asked;
		q.answer_then = then.answer;
		if (!then.exists) {
			q.change = COMPARE_NEW;
			add_question(r, &q);
			continue;
		}
		q.points_then = then.points;
		q.delta = delta(&q.points_then, &q.points_now, then.points.max,
		                q.points_now.max);
		if (q.points_then.max > 0 || q.points_now.max > 0)
			q.change = change_by_points(&q.points_then, &q.points_now);
		if (q.change == COMPARE_UNCHANGED && !same_answer(r, j))
			q.change = COMPARE_CHANGED;
		add_question(r, &q);
	}
}

/* The rows of the previous form's questions that have no place now. */
static void
retired_questions(struct compare_result *r)
{
	const struct form *old = r->prev->form;

	for (size_t i = 0; i < old->question_count; i++) {
		struct compare_question q = {.now = -1, .then = (int)i};

		if (r->map.old_to_cur[i] >= 0)
			continue;
		q.fate = r->map.old_fate[i];
		q.change = COMPARE_RETIRED;
		q.points_then =
		    figure(asked(r->prev, i) ? r->score_then.question_points[i] : 0,
		           old->questions[i].max_points);
		q.delta = delta(&q.points_then, &q.points_now, 0, 0);
		q.answer_then = answer_text(r->prev, i);
		q.answered_then = asked(r->prev, i);
		q.answer_now = xstrdup("–");
		add_question(r, &q);
	}
}

/* The Handlungsfelder: cur's in order, then those only old has. */
static void
sections(struct compare_result *r)
{
	const struct form *old = r->prev->form, *cur = r->cur->form;
	size_t n = 0;

	r->sections =
	    xcalloc(cur->section_count + old->section_count + 1, sizeof *r->sections);
	for (size_t k = 0; k < cur->section_count; k++) {
		struct compare_section *s = &r->sections[n++];
		int t = form_find_section(old, cur->sections[k].id);

		s->id = cur->sections[k].id;
		s->title = cur->sections[k].title;
		s->now_index = (int)k;
		s->then_index = t;
		s->now =
		    figure(r->score_now.sections[k].points, r->score_now.sections[k].max);
		if (t >= 0)
			s->then = figure(r->score_then.sections[t].points,
			                 r->score_then.sections[t].max);
		s->delta =
		    delta(&s->then, &s->now, t >= 0 ? old->sections[t].max_points : 0,
		          cur->sections[k].max_points);
	}
	for (size_t t = 0; t < old->section_count; t++) {
		struct compare_section *s;

		if (form_find_section(cur, old->sections[t].id) >= 0)
			continue;
		s = &r->sections[n++];
		s->id = old->sections[t].id;
		s->title = old->sections[t].title;
		s->now_index = -1;
		s->then_index = (int)t;
		s->then = figure(r->score_then.sections[t].points,
		                 r->score_then.sections[t].max);
		s->delta = delta(&s->then, &s->now, old->sections[t].max_points, 0);
	}
	r->section_count = n;
}

/* The most points a form gives (its Handlungsfelder, without Sonderpunkte). */
static int
form_max(const struct form *f)
{
	int max = 0;

	for (size_t i = 0; i < f->section_count; i++)
		max += f->sections[i].max_points;
	return max;
}

int
compare_sessions(const struct session *prev, const struct session *cur, unsigned flags,
                 struct compare_result *out, char **why)
{
	struct compare_result r = {0};

	if (!(flags & COMPARE_FORCE) &&
	    !compare_same_kommune(prev->meta.kommune, cur->meta.kommune)) {
		*why =
		    xasprintf("verschiedene Kommunen: „%s“ (vorheriges Audit) und „%s“ "
		              "(aktuelles); ein Vergleich nur mit --force",
		              prev->meta.kommune ? prev->meta.kommune : "",
		              cur->meta.kommune ? cur->meta.kommune : "");
		return -1;
	}
	if (!(flags & COMPARE_FORCE) && prev->meta.datum != NULL &&
	    cur->meta.datum != NULL && strcmp(prev->meta.datum, cur->meta.datum) > 0) {
		char *a = date_display(prev->meta.datum),
		     *b = date_display(cur->meta.datum);
		*why = xasprintf(
		    "das vorherige Audit (%s) ist jünger als das aktuelle (%s): "
		    "erst das ältere, dann das neuere nennen (oder --force)",
		    a ? a : prev->meta.datum, b ? b : cur->meta.datum);
		free(a);
		free(b);
		return -1;
	}
	r.prev = prev;
	r.cur = cur;
	edition_map_build(prev->form, cur->form, &r.map);
	score_compute(prev, &r.score_then);
	score_compute(cur, &r.score_now);
	sections(&r);
	r.bonus_then = figure(r.score_then.bonus, 0);
	r.bonus_now = figure(r.score_now.bonus, 0);
	r.total_then = figure(r.score_then.total, r.score_then.max);
	r.total_now = figure(r.score_now.total, r.score_now.max);
	r.total_delta =
	    delta(&r.total_then, &r.total_now, form_max(prev->form), form_max(cur->form));
	r.verdict_then = verdict_of(&r.score_then);
	r.verdict_now = verdict_of(&r.score_now);
	current_questions(&r);
	retired_questions(&r);
	*out = r;
	return 0;
}

void
compare_result_free(struct compare_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->question_count; i++) {
		free(r->questions[i].answer_then);
		free(r->questions[i].answer_now);
	}
	free(r->questions);
	free(r->sections);
	score_result_free(&r->score_then);
	score_result_free(&r->score_now);
	edition_map_free(&r->map);
	memset(r, 0, sizeof *r);
}
