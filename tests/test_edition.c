/*
 * test_edition.c: CUnit tests of the edition mapping: the form loader's
 * `replaces:` (src/model/form_replaces.c) and src/model/edition.c, on small
 * forms written here. Every kind of mapping: a kept id, renamed, merged,
 * retired, new, a type change that carries (choice → multi) and one that
 * is refused, two old questions onto one without merged:, unknown ids;
 * each refusal at its FILE:LINE:COLUMN. Then previous answers mapped into
 * the new edition, and the shipped model editions checked against each
 * other.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/edition.h"
#include "test_main.h"

/* The settings every test form shares, then its sections. */
#define HEAD(edition)                                                                  \
	"form: t\n"                                                                    \
	"title: Test\n"                                                                \
	"edition: " edition "\n"                                                       \
	"pass: {total_percent: 60, section_min_percent: 40}\n"                         \
	"validity_years: {first: 3, renewal: 5}\n"                                     \
	"goals: {count: 1, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"

/* The earlier edition. */
static const char old_form[] =
    HEAD("2020-01-01") "sections:\n"
                       "  - id: a\n"
                       "    title: A\n"
                       "    questions:\n"
                       "      - {id: q1, type: yesno, text: Q1, points: 2}\n"
                       "      - {id: q2, type: yesno, text: Q2, points: 1}\n"
                       "      - id: q3\n"
                       "        type: choice\n"
                       "        text: Q3\n"
                       "        options: [{id: x, label: X, points: 0}, {id: y, label: "
                       "Y, points: 2}]\n"
                       "      - id: q4\n"
                       "        type: number\n"
                       "        text: Q4\n"
                       "        bands: [{min: 0, points: 0}, {min: 3, points: 2}]\n"
                       "      - {id: q5, type: text, text: Q5}\n"
                       "  - id: b\n"
                       "    title: B\n"
                       "    questions:\n"
                       "      - {id: r1, type: yesno, text: R1, points: 3}\n"
                       "      - {id: r2, type: yesno, text: R2, points: 1}\n";

/* The new edition's sections (after a `replaces:` block). */
#define NEW_SECTIONS                                                                   \
	"sections:\n"                                                                  \
	"  - id: a\n"                                                                  \
	"    title: A\n"                                                               \
	"    questions:\n"                                                             \
	"      - {id: q1, type: yesno, text: Q1, points: 2}\n"                        \
	"      - {id: q2neu, type: yesno, text: Q2, points: 1}\n"                     \
	"      - id: q3\n"                                                             \
	"        type: multi\n"                                                        \
	"        text: Q3\n"                                                           \
	"        options: [{id: x, label: X, points: 0}, {id: y, label: Y, points: "   \
	"2}]\n"                                                                        \
	"      - {id: q5, type: text, text: Q5}\n"                                     \
	"      - {id: q6, type: yesno, text: Q6, points: 1}\n"                        \
	"  - id: b\n"                                                                  \
	"    title: B\n"                                                               \
	"    questions:\n"                                                             \
	"      - {id: rr, type: yesno, text: RR, points: 4}\n"

/* The new edition with every kind of mapping. */
static const char new_form[] = HEAD("2023-01-01") "replaces:\n"
                                                  "  - edition: 2020-01-01\n"
                                                  "    renamed: {a.q2: a.q2neu}\n"
                                                  "    merged: {b.rr: [b.r1, b.r2]}\n"
                                                  "    retired: [a.q4]\n"
                                                  "    new: [a.q6]\n" NEW_SECTIONS;

/* Load text as a form named name; NULL with the errors in *errors. */
static struct form *
load(const char *text, const char *name, struct form_errors *errors)
{
	return form_load_string(text, strlen(text), name, errors);
}

/* A form that must load. */
static struct form *
must_load(const char *text, const char *name)
{
	struct form_errors e = {0};
	struct form *f = load(text, name, &e);

	if (f == NULL) {
		char *all = form_errors_format(&e);
		fprintf(stderr, "\n%s", all);
		free(all);
	}
	form_errors_clear(&e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	return f;
}

/* Whether the formatted errors contain want (printing them when not). */
static int
errors_have(const struct form_errors *e, const char *want)
{
	char *all = form_errors_format(e);
	int found = strstr(all, want) != NULL;

	if (!found)
		fprintf(stderr, "\nwanted „%s“ in:\n%s", want, all);
	free(all);
	return found;
}

/* The errors of loading text as a form. Caller clears. */
static void
load_errors(const char *text, struct form_errors *e)
{
	struct form *f = load(text, "neu.yaml", e);

	CU_ASSERT_PTR_NULL(f);
	form_free(f);
}

/* The fate and target of the old question with full id id. */
static void
old_is(const struct edition_map *m, const char *id, enum edition_fate fate,
       const char *target)
{
	int i = form_find_question(m->old, id);

	CU_ASSERT_FATAL(i >= 0);
	CU_ASSERT_EQUAL(m->old_fate[i], fate);
	if (target == NULL) {
		CU_ASSERT_EQUAL(m->old_to_cur[i], -1);
	} else {
		CU_ASSERT(m->old_to_cur[i] >= 0 &&
		          strcmp(m->cur->questions[m->old_to_cur[i]].full_id, target) == 0);
	}
}

/* Every kind of mapping lands where the form says. */
static void
test_map_kinds(void)
{
	struct form *old = must_load(old_form, "alt.yaml");
	struct form *cur = must_load(new_form, "neu.yaml");
	struct edition_map m;
	int q6 = form_find_question(cur, "a.q6"), rr = form_find_question(cur, "b.rr");

	CU_ASSERT_EQUAL_FATAL(cur->replaced_count, 1);
	CU_ASSERT_STRING_EQUAL(cur->replaced[0].form_id, "t"); /* default: own id */
	edition_map_build(old, cur, &m);
	CU_ASSERT_PTR_EQUAL(m.declared, &cur->replaced[0]);
	CU_ASSERT_FALSE(m.identical);
	old_is(&m, "a.q1", EDITION_SAME, "a.q1");
	old_is(&m, "a.q2", EDITION_RENAMED, "a.q2neu");
	old_is(&m, "a.q3", EDITION_SAME, "a.q3"); /* choice → multi carries */
	old_is(&m, "a.q4", EDITION_RETIRED, NULL);
	old_is(&m, "a.q5", EDITION_SAME, "a.q5");
	old_is(&m, "b.r1", EDITION_MERGED, "b.rr");
	old_is(&m, "b.r2", EDITION_MERGED, "b.rr");
	CU_ASSERT_EQUAL(m.cur_fate[q6], EDITION_NEW);
	CU_ASSERT_EQUAL(m.cur_from[q6], -1);
	CU_ASSERT_EQUAL(m.cur_fate[rr], EDITION_MERGED);
	/* the merged chain in form order: r1, then r2 */
	CU_ASSERT_EQUAL(m.cur_from[rr], form_find_question(old, "b.r1"));
	CU_ASSERT_EQUAL(m.next_from[m.cur_from[rr]], form_find_question(old, "b.r2"));
	CU_ASSERT_EQUAL(m.count[EDITION_SAME], 3);
	CU_ASSERT_EQUAL(m.count[EDITION_RENAMED], 1);
	CU_ASSERT_EQUAL(m.count[EDITION_MERGED], 2);
	CU_ASSERT_EQUAL(m.count[EDITION_RETIRED], 1);
	CU_ASSERT_EQUAL(m.count[EDITION_NEW], 1);
	edition_map_free(&m);
	/* the form's own edition maps one to one */
	edition_map_build(cur, cur, &m);
	CU_ASSERT_TRUE(m.identical);
	CU_ASSERT_EQUAL(m.count[EDITION_SAME], cur->question_count);
	edition_map_free(&m);
	form_free(old);
	form_free(cur);
}

/* The kind table decides what carries over. */
static void
test_carries(void)
{
	struct form *old = must_load(old_form, "alt.yaml");
	struct form *cur = must_load(new_form, "neu.yaml");
	const struct form_question *yesno = &old->questions[form_find_question(old, "a.q1")];
	const struct form_question *choice = &old->questions[form_find_question(old, "a.q3")];
	const struct form_question *number = &old->questions[form_find_question(old, "a.q4")];
	const struct form_question *text = &old->questions[form_find_question(old, "a.q5")];
	const struct form_question *multi = &cur->questions[form_find_question(cur, "a.q3")];

	CU_ASSERT_TRUE(edition_carries(yesno, yesno));
	CU_ASSERT_TRUE(edition_carries(choice, multi)); /* x, y are multi answers */
	CU_ASSERT_FALSE(edition_carries(multi, choice)); /* several picks: not one */
	CU_ASSERT_FALSE(edition_carries(yesno, choice)); /* ja is no option of it */
	CU_ASSERT_FALSE(edition_carries(number, text)); /* a typed kind: only itself */
	CU_ASSERT_FALSE(edition_carries(text, number));
	form_free(old);
	form_free(cur);
}

/* The loader refuses what the form alone shows wrong, at its position. */
static void
test_loader_refusals(void)
{
	static const struct {
		const char *replaces;
		const char *want;
	} cases[] = {
	    /* two renamed onto one without merged: (line 9 is the second) */
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q1, b.r1: a.q1}\n",
	     "neu.yaml:9:27: two questions of edition 2020-01-01 in 'replaces' are "
	     "renamed to 'a.q1'"},
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.gibtsnicht}\n",
	     "neu.yaml:9:21: unknown question 'a.gibtsnicht'"},
	    {"  - edition: 2020-01-01\n"
	     "    retired: [a.q4, a.q4]\n",
	     "neu.yaml:9:21: 'a.q4' is listed twice"},
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q6}\n"
	     "    new: [a.q6]\n",
	     "neu.yaml:10:11: 'a.q6' is under new: and under renamed: (line 9)"},
	    {"  - edition: 2020-01-01\n"
	     "    merged: {b.rr: [b.r1]}\n",
	     "neu.yaml:9:20: merged: onto 'b.rr'"},
	    {"  - edition: 2023-01-01\n",
	     "neu.yaml:8:14: a form cannot replace its own edition"},
	    {"  - edition: 2020-02-30\n",
	     "neu.yaml:8:14: 'edition' in an entry of 'replaces' must be a date"},
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q2neu}\n"
	     "  - edition: 2020-01-01\n",
	     "neu.yaml:10:5: edition 2020-01-01 of 't' is replaced twice"},
	    {"  - edition: 2020-01-01\n"
	     "    retired: [keine-id]\n",
	     "neu.yaml:9:15: invalid question id 'keine-id'"},
	    {"  - edition: 2020-01-01\n"
	     "    umbenannt: {a.q2: a.q2neu}\n",
	     "neu.yaml:9:5: unknown key 'umbenannt'"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_errors e = {0};
		char *text = xasprintf("%s%s%s%s", HEAD("2023-01-01"), "replaces:\n",
		                       cases[i].replaces, NEW_SECTIONS);
		load_errors(text, &e);
		CU_ASSERT(errors_have(&e, cases[i].want));
		form_errors_clear(&e);
		free(text);
	}
}

/* check-form against the earlier edition: what only the two together show. */
static void
test_check_against_old(void)
{
	static const struct {
		const char *replaces;
		const char *want; /* NULL: no error */
	} cases[] = {
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q2neu}\n"
	     "    merged: {b.rr: [b.r1, b.r2]}\n"
	     "    retired: [a.q4]\n"
	     "    new: [a.q6]\n",
	     NULL},
	    /* an id the earlier edition does not have */
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q2neu, a.nix: a.q6}\n"
	     "    merged: {b.rr: [b.r1, b.r2]}\n"
	     "    retired: [a.q4]\n",
	     "neu.yaml:9:30: 'a.nix' is not a question of edition 2020-01-01 (alt.yaml)"},
	    /* a question that vanishes unmentioned */
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q2neu}\n"
	     "    merged: {b.rr: [b.r1, b.r2]}\n"
	     "    new: [a.q6]\n",
	     "neu.yaml:8:5: question 'a.q4' of edition 2020-01-01 is not in this form"},
	    /* a new question not declared */
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q2neu}\n"
	     "    merged: {b.rr: [b.r1, b.r2]}\n"
	     "    retired: [a.q4]\n",
	     ": question 'a.q6' is not in edition 2020-01-01: list it under new:"},
	    /* a type change whose answers cannot carry over */
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q2neu, a.q4: a.q5}\n"
	     "    merged: {b.rr: [b.r1, b.r2]}\n"
	     "    new: [a.q6]\n",
	     "neu.yaml:9:30: 'a.q4' (number) cannot carry its answers over to 'a.q5' "
	     "(text)"},
	    /* two onto one without merged: one keeps its id, one is renamed */
	    {"  - edition: 2020-01-01\n"
	     "    renamed: {a.q2: a.q1}\n"
	     "    merged: {b.rr: [b.r1, b.r2]}\n"
	     "    retired: [a.q4]\n"
	     "    new: [a.q2neu, a.q6]\n",
	     ": 2 questions of edition 2020-01-01 become 'a.q1' (one keeps its id)"},
	};
	struct form *old = must_load(old_form, "alt.yaml");

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_errors e = {0};
		char *text = xasprintf("%s%s%s%s", HEAD("2023-01-01"), "replaces:\n",
		                       cases[i].replaces, NEW_SECTIONS);
		struct form *cur = must_load(text, "neu.yaml");
		size_t n = edition_check(cur, 0, old, &e);

		if (cases[i].want == NULL) {
			if (n != 0) {
				CU_ASSERT(errors_have(&e, "(no error expected)"));
			}
			CU_ASSERT_EQUAL(n, 0);
		} else {
			CU_ASSERT(n > 0);
			CU_ASSERT(errors_have(&e, cases[i].want));
		}
		form_errors_clear(&e);
		form_free(cur);
		free(text);
	}
	form_free(old);
}

/* A kept id whose type cannot take the answers: refused by the check,
 * incompatible in the map, and its answer is not carried. */
static void
test_type_change(void)
{
	char *text = xasprintf("%s%s", HEAD("2023-01-01"),
	                       "replaces:\n"
	                       "  - edition: 2020-01-01\n"
	                       "    retired: [a.q2, a.q4, a.q5, b.r1, b.r2]\n"
	                       "sections:\n"
	                       "  - id: a\n"
	                       "    title: A\n"
	                       "    questions:\n"
	                       "      - id: q1\n"
	                       "        type: number\n"
	                       "        text: Q1\n"
	                       "        bands: [{min: 0, points: 0}, {min: 1, points: 2}]\n"
	                       "      - id: q3\n"
	                       "        type: choice\n"
	                       "        text: Q3\n"
	                       "        options: [{id: x, label: X, points: 0}, {id: z, "
	                       "label: Z, points: 1}]\n");
	struct form *old = must_load(old_form, "alt.yaml");
	struct form *cur = must_load(text, "neu.yaml");
	struct form_errors e = {0};
	struct edition_map m;
	struct session *prev = session_new(old);
	char *value = NULL, *why = NULL;

	CU_ASSERT(edition_check(cur, 0, old, &e) == 1);
	CU_ASSERT(errors_have(&e, "neu.yaml:14:9: 'a.q1' keeps its id but is number "
	                          "instead of yesno"));
	form_errors_clear(&e);
	edition_map_build(old, cur, &m);
	old_is(&m, "a.q1", EDITION_INCOMPATIBLE, "a.q1");
	CU_ASSERT_EQUAL(session_change(prev, "a.q1", "ja", &why), 0);
	CU_ASSERT_EQUAL(session_change(prev, "a.q3", "y", &why), 0);
	CU_ASSERT_EQUAL(edition_previous_value(&m, prev, 0, &value, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "Fragetyp") : NULL);
	free(why);
	why = NULL;
	/* same kind, but the option is gone: that answer cannot carry over */
	CU_ASSERT_EQUAL(edition_previous_value(&m, prev, 1, &value, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "„Y“ passt nicht") : NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(session_change(prev, "a.q3", "x", &why), 0);
	CU_ASSERT_EQUAL(edition_previous_value(&m, prev, 1, &value, &why), 1);
	CU_ASSERT_STRING_EQUAL(value, "x");
	free(value);
	edition_map_free(&m);
	session_free(prev); /* frees old */
	form_free(cur);
	free(text);
}

/* Previous answers mapped into the new edition, one question at a time. */
static void
test_previous_values(void)
{
	static const char *const answers[][2] = {
	    {"a.q1", "ja"},  {"a.q2", "nein"}, {"a.q3", "y"},     {"a.q4", "5"},
	    {"a.q5", "Text"}, {"b.r1", "ja"},  {"b.r2", "nein"},
	};
	static const struct {
		const char *id;
		int rc;
		const char *value;
	} want[] = {
	    {"a.q1", 1, "ja"},  {"a.q2neu", 1, "nein"}, {"a.q3", 1, "y"},
	    {"a.q5", 1, "Text"}, {"a.q6", 0, NULL},     {"b.rr", -1, NULL},
	};
	struct form *cur = must_load(new_form, "neu.yaml");
	struct session *prev = session_new(must_load(old_form, "alt.yaml"));
	struct edition_map m;
	char *why = NULL, *value;

	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
		CU_ASSERT_EQUAL(session_change(prev, answers[i][0], answers[i][1], &why), 0);
	edition_map_build(prev->form, cur, &m);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		int qi = form_find_question(cur, want[i].id), rc;
		value = NULL;
		why = NULL;
		rc = edition_previous_value(&m, prev, (size_t)qi, &value, &why);
		CU_ASSERT_EQUAL(rc, want[i].rc);
		if (want[i].value != NULL) {
			CU_ASSERT(value != NULL && strcmp(value, want[i].value) == 0);
		}
		CU_ASSERT((rc < 0) == (why != NULL));
		free(value);
		free(why);
	}
	/* merged questions answered alike carry over */
	CU_ASSERT_EQUAL(session_change(prev, "b.r2", "ja", &why), 0);
	value = NULL;
	CU_ASSERT_EQUAL(
	    edition_previous_value(&m, prev, (size_t)form_find_question(cur, "b.rr"),
	                           &value, &why),
	    1);
	CU_ASSERT(value != NULL && strcmp(value, "ja") == 0);
	free(value);
	edition_map_free(&m);
	session_free(prev);
	form_free(cur);
}

/* The shipped model editions: the 2026 one replaces the 2023 one, and its
 * mapping holds against it. */
static void
test_shipped(void)
{
	char *a = test_srcfile("forms/wohnort-muster.yaml");
	char *b = test_srcfile("forms/wohnort-muster-2026.yaml");
	struct form_errors e = {0};
	struct form *old = form_load_file(a, &e), *cur = form_load_file(b, &e);
	struct edition_map m;

	CU_ASSERT_PTR_NOT_NULL_FATAL(old);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cur);
	CU_ASSERT_EQUAL_FATAL(cur->replaced_count, 1);
	CU_ASSERT_EQUAL(edition_check(cur, 0, old, &e), 0);
	if (e.count > 0) {
		CU_ASSERT(errors_have(&e, "(no error expected)"));
	}
	edition_map_build(old, cur, &m);
	CU_ASSERT(m.count[EDITION_RENAMED] > 0);
	CU_ASSERT(m.count[EDITION_RETIRED] > 0);
	CU_ASSERT(m.count[EDITION_NEW] > 0);
	CU_ASSERT_EQUAL(m.count[EDITION_UNMAPPED], 0);
	CU_ASSERT_EQUAL(m.count[EDITION_INCOMPATIBLE], 0);
	edition_map_free(&m);
	form_errors_clear(&e);
	form_free(old);
	form_free(cur);
	free(a);
	free(b);
}

int
main(void)
{
	static CU_TestInfo tests[] = {
	    {"every kind of mapping", test_map_kinds},
	    {"the kind table decides what carries over", test_carries},
	    {"the loader refuses a wrong mapping at its position", test_loader_refusals},
	    {"check against the earlier edition", test_check_against_old},
	    {"a type change that cannot carry over", test_type_change},
	    {"previous answers mapped into the new edition", test_previous_values},
	    {"the shipped model editions", test_shipped},
	    CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
	    {"edition", NULL, NULL, NULL, NULL, tests},
	    CU_SUITE_INFO_NULL,
	};
	return test_run(suites);
}
