/*
 * test_compare.c: CUnit tests of src/model/compare.c against a computation
 * of its own here: random audits on the shipped 2023 edition compared with
 * random re-audits on the 2026 edition (and on the same edition). Per
 * Handlungsfeld the figures, the rounded percentages (another integer
 * formula), the difference in points or, where the maximum differs, in
 * percentage points, and whether the form changed the method; Sonderpunkte,
 * Endpunktzahl and verdict; and every question's change, with the mapping
 * of the two editions written out here by hand. Also the Kommune rule.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/compare.h"
#include "model/kind.h"
#include "test_main.h"

/* How the 2026 model edition maps the 2023 one, written out independently
 * of its `replaces:` block. */
static const char *const renamed[][2] = {
    {"zuzug.online_dienste", "zuzug.digitale_dienste"},
    {"familie.kita_anmeldung", "familie.kita_portal"},
    {"lebensqualitaet.paten", "zuzug.willkommenslotsen"},
};
static const char *const retired[] = {"zuzug.randoeffnungszeiten",
                                      "lebensqualitaet.maengelmelder"};

static unsigned seed;

/* A pseudo-random number below n (own generator: the same on every libc). */
static unsigned
rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) % n;
}

/* A form of the source tree. */
static struct form *
form(const char *name)
{
	char *path = test_srcfile(name);
	struct form_errors e = {0};
	struct form *f = form_load_file(path, &e);

	free(path);
	form_errors_clear(&e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	return f;
}

/* A session on form with random answers (some open, some „entfällt“), a
 * Kommune, a date and, in a re-audit, random statuses of previous goals. */
static struct session *
random_session(struct form *f, const char *kommune, const char *datum, int renewal)
{
	struct session *s = session_new(f);
	char *why = NULL;

	CU_ASSERT_EQUAL(session_change(s, "meta.kommune", kommune, &why), 0);
	CU_ASSERT_EQUAL(session_change(s, "meta.datum", datum, &why), 0);
	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct form_question *q = &f->questions[qi];
		struct answer none = {0};
		char *value = NULL;
		unsigned r = rnd(10);

		if (r == 0)
			continue; /* open */
		if (r == 1 && q->na_allowed)
			value = xstrdup("entfaellt");
		else if (kind_input(q) == KIND_INPUT_LIST)
			value = kind_list_value(q, &none, (int)rnd((unsigned)kind_list_options(q)));
		else if (q->type == QUESTION_NUMBER)
			value = xasprintf("%u", rnd(60));
		else if (q->type == QUESTION_DATE)
			value = xasprintf("2022-0%u-1%u", 1 + rnd(9), rnd(10));
		else
			value = xasprintf("Text %u", rnd(3));
		if (session_change(s, q->full_id, value, &why) != 0) {
			fprintf(stderr, "\n%s=%s: %s\n", q->full_id, value, why);
			CU_FAIL("random answer refused");
			free(why);
			why = NULL;
		}
		free(value);
	}
	if (renewal) {
		static const char *const status[] = {"erreicht", "teilweise",
		                                     "nicht_erreicht"};
		CU_ASSERT_EQUAL(session_change(s, "meta.art", "re", &why), 0);
		for (int g = 1; g <= f->goal_count; g++) {
			char *key = xasprintf("prevgoal.%d.ziel", g);
			CU_ASSERT_EQUAL(session_change(s, key, "Ziel", &why), 0);
			free(key);
			key = xasprintf("prevgoal.%d", g);
			CU_ASSERT_EQUAL(session_change(s, key, status[rnd(3)], &why), 0);
			free(key);
		}
	}
	return s;
}

/* 100·p/max in tenths, rounded half up, by quotient and remainder. */
static long long
tenths(long long p, long long max)
{
	long long q = 1000 * p / max, r = 1000 * p % max;
	return q + (2 * r >= max);
}

/* The form's maximum of the section with that id, or -1. */
static int
form_section_max(const struct form *f, const char *id)
{
	int i = form_find_section(f, id);
	return i < 0 ? -1 : f->sections[i].max_points;
}

/* A figure against points and max computed here. */
static void
figure_is(const struct compare_figure *f, int points, int max)
{
	CU_ASSERT_TRUE(f->present);
	CU_ASSERT_EQUAL(f->points, points);
	CU_ASSERT_EQUAL(f->max, max);
	if (max > 0) {
		CU_ASSERT_EQUAL(f->tenths, tenths(points, max));
	}
}

/* A delta against the rule: points while the maxima are equal, else the
 * rounded percentages; a method change when the forms' maxima differ. */
static void
delta_is(const struct compare_delta *d, int p0, int m0, int p1, int m1, int f0, int f1)
{
	CU_ASSERT_EQUAL(d->percent, m0 != m1);
	CU_ASSERT_EQUAL(d->method_changed, f0 != f1);
	if (m0 == m1) {
		CU_ASSERT_TRUE(d->comparable);
		CU_ASSERT_EQUAL(d->difference, (long long)p1 - p0);
	} else if (m0 > 0 && m1 > 0) {
		CU_ASSERT_TRUE(d->comparable);
		CU_ASSERT_EQUAL(d->difference, tenths(p1, m1) - tenths(p0, m0));
	} else {
		CU_ASSERT_FALSE(d->comparable);
	}
}

/* The old question that becomes cur question id (by the table above), or NULL. */
static const char *
old_id_of(const struct form *old, const char *id)
{
	for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
		if (strcmp(renamed[i][1], id) == 0)
			return renamed[i][0];
	return form_find_question(old, id) >= 0 ? id : NULL;
}

/* Points of question qi as this test counts them: shown and answered. */
static int
points_of(const struct session *s, const struct score_result *r, size_t qi, int *asked)
{
	*asked = r->question_visible[qi] && s->items[qi].answer.state != ANSWER_OPEN;
	return *asked ? answer_points(&s->form->questions[qi], &s->items[qi].answer) : 0;
}

/* The canonical value of a shown answer, or NULL. Caller frees. */
static char *
value_of(const struct session *s, const struct score_result *r, size_t qi)
{
	if (!r->question_visible[qi] || s->items[qi].answer.state == ANSWER_OPEN)
		return NULL;
	return answer_format(&s->form->questions[qi], &s->items[qi].answer);
}

/* The expected change of cur question j, computed here. */
static enum compare_change
expected_change(const struct session *prev, const struct score_result *rp,
                const struct session *cur, const struct score_result *rc, size_t j)
{
	const char *oid = old_id_of(prev->form, cur->form->questions[j].full_id);
	int i, p0, p1, m0, m1, a0, a1, equal;
	char *v0, *v1;

	if (oid == NULL)
		return COMPARE_NEW;
	i = form_find_question(prev->form, oid);
	p0 = points_of(prev, rp, (size_t)i, &a0);
	p1 = points_of(cur, rc, j, &a1);
	m0 = prev->form->questions[i].max_points;
	m1 = cur->form->questions[j].max_points;
	if (m0 > 0 || m1 > 0) {
		long long x = (long long)p0 * m1, y = (long long)p1 * m0;
		if (m0 == m1) {
			x = p0;
			y = p1;
		}
		if (y > x)
			return COMPARE_BETTER;
		if (y < x)
			return COMPARE_WORSE;
	}
	v0 = value_of(prev, rp, (size_t)i);
	v1 = value_of(cur, rc, j);
	equal = (v0 == NULL && v1 == NULL) || (v0 != NULL && v1 != NULL && strcmp(v0, v1) == 0);
	free(v0);
	free(v1);
	return equal ? COMPARE_UNCHANGED : COMPARE_CHANGED;
}

/* One comparison of prev with cur checked against the computation here. */
static void
check_one(const struct session *prev, const struct session *cur)
{
	struct compare_result r;
	struct score_result rp, rc;
	char *why = NULL;
	size_t row = 0, retired_rows = 0;

	CU_ASSERT_EQUAL_FATAL(compare_sessions(prev, cur, 0, &r, &why), 0);
	score_compute(prev, &rp);
	score_compute(cur, &rc);
	/* sections: the current form's, then none (the editions share theirs) */
	CU_ASSERT_EQUAL(r.section_count, cur->form->section_count);
	for (size_t k = 0; k < r.section_count && k < cur->form->section_count; k++) {
		const struct compare_section *s = &r.sections[k];
		int t = form_find_section(prev->form, cur->form->sections[k].id);
		CU_ASSERT_STRING_EQUAL(s->id, cur->form->sections[k].id);
		CU_ASSERT_FATAL(t >= 0);
		figure_is(&s->then, rp.sections[t].points, rp.sections[t].max);
		figure_is(&s->now, rc.sections[k].points, rc.sections[k].max);
		delta_is(&s->delta, rp.sections[t].points, rp.sections[t].max,
		         rc.sections[k].points, rc.sections[k].max,
		         form_section_max(prev->form, s->id),
		         form_section_max(cur->form, s->id));
	}
	/* Sonderpunkte, Endpunktzahl (sum of sections plus bonus), verdict */
	{
		int sum0 = 0, sum1 = 0, max0 = 0, max1 = 0, fm0 = 0, fm1 = 0;
		for (size_t k = 0; k < prev->form->section_count; k++) {
			sum0 += rp.sections[k].points;
			max0 += rp.sections[k].max;
			fm0 += prev->form->sections[k].max_points;
		}
		for (size_t k = 0; k < cur->form->section_count; k++) {
			sum1 += rc.sections[k].points;
			max1 += rc.sections[k].max;
			fm1 += cur->form->sections[k].max_points;
		}
		CU_ASSERT_EQUAL(r.bonus_then.points, rp.bonus);
		CU_ASSERT_EQUAL(r.bonus_now.points, rc.bonus);
		figure_is(&r.total_then, sum0 + rp.bonus, max0);
		figure_is(&r.total_now, sum1 + rc.bonus, max1);
		delta_is(&r.total_delta, sum0 + rp.bonus, max0, sum1 + rc.bonus, max1, fm0,
		         fm1);
		CU_ASSERT_EQUAL(r.verdict_then, rp.provisional ? COMPARE_PROVISIONAL
		                                : rp.passed    ? COMPARE_PASSED
		                                               : COMPARE_FAILED);
		CU_ASSERT_EQUAL(r.verdict_now, rc.provisional ? COMPARE_PROVISIONAL
		                               : rc.passed    ? COMPARE_PASSED
		                                              : COMPARE_FAILED);
	}
	/* the changed questions, in the current form's order */
	for (size_t j = 0; j < cur->form->question_count; j++) {
		enum compare_change want = expected_change(prev, &rp, cur, &rc, j);
		if (want == COMPARE_UNCHANGED)
			continue;
		CU_ASSERT_FATAL(row < r.question_count);
		CU_ASSERT_EQUAL(r.questions[row].now, (int)j);
		if (r.questions[row].change != want)
			fprintf(stderr, "\n%s: change %d, want %d\n",
			        cur->form->questions[j].full_id, r.questions[row].change, want);
		CU_ASSERT_EQUAL(r.questions[row].change, want);
		row++;
	}
	/* then the retired ones of the previous edition */
	for (size_t i = 0; i < prev->form->question_count; i++) {
		const char *id = prev->form->questions[i].full_id;
		int gone = 0;
		for (size_t k = 0; k < sizeof retired / sizeof retired[0]; k++)
			gone |= strcmp(retired[k], id) == 0 && prev->form != cur->form &&
			        strcmp(prev->form->edition, cur->form->edition) != 0;
		if (!gone)
			continue;
		CU_ASSERT_FATAL(row < r.question_count);
		CU_ASSERT_EQUAL(r.questions[row].change, COMPARE_RETIRED);
		CU_ASSERT_EQUAL(r.questions[row].then, (int)i);
		row++;
		retired_rows++;
	}
	CU_ASSERT_EQUAL(r.question_count, row);
	CU_ASSERT_EQUAL(r.count[COMPARE_RETIRED], retired_rows);
	compare_result_free(&r);
	score_result_free(&rp);
	score_result_free(&rc);
}

/* Random audits across the two shipped editions, and within one. */
static void
test_random(void)
{
	for (unsigned run = 1; run <= 40; run++) {
		struct session *prev, *cur;

		seed = run;
		prev = random_session(form("forms/wohnort-muster.yaml"), "Aalen",
		                      "2023-03-12", run % 2);
		cur = random_session(form(run % 4 == 3 ? "forms/wohnort-muster.yaml"
		                                       : "forms/wohnort-muster-2026.yaml"),
		                     " aalen ", "2026-11-23", 1);
		check_one(prev, cur);
		session_free(prev);
		session_free(cur);
	}
}

/* Another Kommune, or the younger audit first: refused unless forced. */
static void
test_refusals(void)
{
	struct session *a = random_session(form("forms/wohnort-muster.yaml"), "Aalen",
	                                   "2023-03-12", 0);
	struct session *b = random_session(form("forms/wohnort-muster.yaml"), "Ellwangen",
	                                   "2026-01-01", 0);
	struct session *c = random_session(form("forms/wohnort-muster.yaml"),
	                                   "AALEN  ", "2020-01-01", 0);
	struct compare_result r;
	char *why = NULL;

	CU_ASSERT_TRUE(compare_same_kommune("Bad  Soden", " bad soden"));
	CU_ASSERT_FALSE(compare_same_kommune("Bad Soden", "Bad Sodena"));
	CU_ASSERT_EQUAL(compare_sessions(a, b, 0, &r, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "verschiedene Kommunen") : NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(compare_sessions(a, c, 0, &r, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "jünger") : NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL_FATAL(compare_sessions(a, b, COMPARE_FORCE, &r, &why), 0);
	compare_result_free(&r);
	CU_ASSERT_EQUAL_FATAL(compare_sessions(c, a, 0, &r, &why), 0);
	compare_result_free(&r);
	session_free(a);
	session_free(b);
	session_free(c);
}

int
main(void)
{
	static CU_TestInfo tests[] = {
	    {"random audits against a computation of its own", test_random},
	    {"another Kommune or the wrong order is refused", test_refusals},
	    CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
	    {"compare", NULL, NULL, NULL, NULL, tests},
	    CU_SUITE_INFO_NULL,
	};
	return test_run(suites);
}
