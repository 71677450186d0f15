/*
 * test_answer.c: CUnit tests of src/model/answer.c: for every question type the
 * `set` value syntax is parsed, formatted back, labelled and scored; caps,
 * bands exactly at their minimum, "entfaellt" and invalid values are checked.
 * Uses a small form loaded from memory; does not test the loader itself.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/answer.h"
#include "model/form.h"
#include "test_main.h"
#include "lib/util.h"

static const char answer_form[] =
    "form: t\ntitle: T\nedition: 2023-05-11\n"
    "pass: {total_percent: 60, section_min_percent: 40}\n"
    "validity_years: {first: 3, renewal: 5}\n"
    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
    "sections:\n"
    "  - id: s\n    title: S\n    questions:\n"
    "      - {id: yn, type: yesno, text: Y, points: 4}\n"
    "      - {id: yna, type: yesno, text: Y, points: 3, na: true}\n"
    "      - id: ch\n        type: choice\n        text: C\n        options:\n"
    "          - {id: x, label: Ix, points: 0}\n"
    "          - {id: y, label: Ypsilon, points: 5}\n"
    "      - id: mu\n        type: multi\n        text: M\n        max: 4\n        "
    "options:\n"
    "          - {id: a, label: Alpha, points: 2}\n"
    "          - {id: b, label: Beta, points: 1}\n"
    "          - {id: c, label: Gamma, points: 3}\n"
    "      - id: mu2\n        type: multi\n        text: M\n        options:\n"
    "          - {id: a, label: Alpha, points: 2}\n"
    "          - {id: b, label: Beta, points: 1}\n"
    "      - id: nu\n        type: number\n        text: N\n"
    "        bands: [{min: 0, points: 1}, {min: 10, points: 3}, {min: 5, points: 2}]\n"
    "      - id: sc\n        type: scale\n        text: S\n        max: 3\n"
    "        labels: [nie, selten, oft, immer]\n"
    "      - {id: sc2, type: scale, text: S, max: 4}\n"
    "      - {id: te, type: text, text: T, na: true}\n"
    "      - {id: da, type: date, text: D}\n"
    "      - id: pr\n        type: number\n        text: P\n        max: 100\n"
    "        bands: [{min: 0, points: 0}, {min: 50, points: 2}]\n"
    "      - id: ne\n        type: number\n        text: N\n        min: -10\n"
    "        max: 10\n        bands: [{min: -10, points: 0}, {min: 0, points: 1}]\n";

static struct form *form;

static int
suite_init(void)
{
	struct form_errors e = {0};
	form = form_load_string(answer_form, strlen(answer_form), "answer.yaml", &e);
	form_errors_clear(&e);
	return form == NULL;
}

static int
suite_clean(void)
{
	form_free(form);
	return 0;
}

/* The question with that local id in section s. */
static const struct form_question *
question(const char *id)
{
	char *full = xasprintf("s.%s", id);
	int i = form_find_question(form, full);
	free(full);
	return i >= 0 ? &form->questions[i] : NULL;
}

struct valid_case {
	const char *question;
	const char *value;
	const char *format; /* canonical value */
	const char *label;
	int points;
	enum answer_state state;
};

static const struct valid_case valid_cases[] = {
    {"yn", "ja", "ja", "Ja", 4, ANSWER_GIVEN},
    {"yn", "nein", "nein", "Nein", 0, ANSWER_GIVEN},
    {"yna", "entfaellt", "entfaellt", "entfällt", 0, ANSWER_NA},
    {"yna", "entfällt", "entfaellt", "entfällt", 0, ANSWER_NA},
    {"yna", "ja", "ja", "Ja", 3, ANSWER_GIVEN},
    {"ch", "x", "x", "Ix", 0, ANSWER_GIVEN},
    {"ch", "y", "y", "Ypsilon", 5, ANSWER_GIVEN},
    {"mu", "", "", "keine Auswahl", 0, ANSWER_GIVEN},
    {"mu", "b", "b", "Beta", 1, ANSWER_GIVEN},
    {"mu", "a,b", "a,b", "Alpha, Beta", 3, ANSWER_GIVEN},
    {"mu", "c, a", "a,c", "Alpha, Gamma", 4, ANSWER_GIVEN},          /* 5 capped at 4 */
    {"mu", "a,b,c", "a,b,c", "Alpha, Beta, Gamma", 4, ANSWER_GIVEN}, /* 6 capped */
    {"mu2", "a,b", "a,b", "Alpha, Beta", 3, ANSWER_GIVEN},           /* no cap */
    {"nu", "0", "0", "0", 1, ANSWER_GIVEN}, /* exactly at min 0 */
    {"nu", "4", "4", "4", 1, ANSWER_GIVEN},
    {"nu", "5", "5", "5", 2, ANSWER_GIVEN}, /* exactly at min 5 */
    {"nu", "9", "9", "9", 2, ANSWER_GIVEN},
    {"nu", "10", "10", "10", 3, ANSWER_GIVEN}, /* exactly at min 10 */
    {"nu", "+12345", "12345", "12345", 3, ANSWER_GIVEN},
    {"sc", "0", "0", "0 (nie)", 0, ANSWER_GIVEN},
    {"sc", "3", "3", "3 (immer)", 3, ANSWER_GIVEN},
    {"sc2", "2", "2", "2 von 4", 2, ANSWER_GIVEN},
    {"te", "Frei, mit Komma und Ümlaut", "Frei, mit Komma und Ümlaut",
     "Frei, mit Komma und Ümlaut", 0, ANSWER_GIVEN},
    {"te", "", "", "", 0, ANSWER_GIVEN},
    {"te", "entfaellt", "entfaellt", "entfällt", 0, ANSWER_NA},
    {"da", "2024-02-29", "2024-02-29", "2024-02-29", 0, ANSWER_GIVEN},
    {"da", "29.02.2024", "2024-02-29", "2024-02-29", 0, ANSWER_GIVEN}, /* German */
    {"da", "1.3.24", "2024-03-01", "2024-03-01", 0, ANSWER_GIVEN},
    {"pr", "100", "100", "100", 2, ANSWER_GIVEN}, /* exactly at max */
    {"ne", "-10", "-10", "-10", 0, ANSWER_GIVEN}, /* a negative min allows it */
    {"ne", "-1", "-1", "-1", 0, ANSWER_GIVEN},
};

static void
test_valid_values(void)
{
	for (size_t i = 0; i < sizeof valid_cases / sizeof valid_cases[0]; i++) {
		const struct valid_case *c = &valid_cases[i];
		const struct form_question *q = question(c->question);
		struct answer a = {0}, b = {0};
		char *why = NULL, *text;

		CU_ASSERT_PTR_NOT_NULL_FATAL(q);
		CU_ASSERT_EQUAL_FATAL(answer_parse(q, c->value, &a, &why), 0);
		CU_ASSERT_PTR_NULL(why);
		CU_ASSERT_EQUAL(a.state, c->state);
		text = answer_format(q, &a);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		CU_ASSERT_STRING_EQUAL(text, c->format);
		/* the canonical value parses to the same answer */
		CU_ASSERT_EQUAL(answer_parse(q, text, &b, &why), 0);
		CU_ASSERT_EQUAL(b.state, a.state);
		CU_ASSERT_EQUAL(b.number, a.number);
		CU_ASSERT_EQUAL(b.chosen, a.chosen);
		free(text);
		text = answer_label(q, &a);
		CU_ASSERT_STRING_EQUAL(text, c->label);
		free(text);
		CU_ASSERT_EQUAL(answer_points(q, &a), c->points);
		CU_ASSERT(answer_points(q, &a) <= q->max_points);
		answer_clear(&a);
		answer_clear(&b);
		CU_ASSERT_EQUAL(a.state, ANSWER_OPEN);
		CU_ASSERT_PTR_NULL(a.text);
	}
}

struct invalid_case {
	const char *question;
	const char *value;
	const char *why; /* substring of the message */
};

static const struct invalid_case invalid_cases[] = {
    {"yn", "Ja", "„ja“ oder „nein“"},
    {"yn", "", "„ja“ oder „nein“"},
    {"yn", "entfaellt", "„entfällt“ ist bei dieser Frage nicht erlaubt"},
    {"ch", "z", "keine Option"},
    {"ch", "", "keine Option"},
    {"mu", "a,z", "„z“ ist keine Option"},
    {"mu", "a,a", "doppelt"},
    {"mu", "a,,b", "„“ ist keine Option"},
    {"mu", "entfaellt", "nicht erlaubt"},
    {"nu", "1.5", "„1.5“ ist keine ganze Zahl – bitte eine ganze Zahl ab 0 eingeben"},
    {"nu", "zehn", "ganze Zahl"},
    {"nu", "", "ganze Zahl"},
    {"nu", "99999999999999999999999", "„9999999999999999…“ ist keine ganze Zahl"},
    {"nu", " 5", "ganze Zahl"},
    {"nu", "-1", "„-1“ ist zu klein – bitte eine ganze Zahl ab 0 eingeben"},
    {"nu", "-2", "zu klein"},
    {"pr", "101", "„101“ ist zu groß – bitte eine ganze Zahl von 0 bis 100 eingeben"},
    {"pr", "-1", "zu klein"},
    {"ne", "-11", "von -10 bis 10"},
    {"sc", "4", "von 0 bis 3"},
    {"sc", "-1", "von 0 bis 3"},
    {"sc", "x", "von 0 bis 3"},
    {"da", "2023-02-29", "Den 29.02.2023 gibt es nicht"},
    {"da", "11.13.2023", "gibt es nicht"},
    {"da", "morgen", "TT.MM.JJJJ"},
    {"te", "bad \xff byte", "kein gültiges UTF-8"},
};

static void
test_invalid_values(void)
{
	for (size_t i = 0; i < sizeof invalid_cases / sizeof invalid_cases[0]; i++) {
		const struct invalid_case *c = &invalid_cases[i];
		const struct form_question *q = question(c->question);
		struct answer a = {ANSWER_GIVEN, 7, 3, NULL};
		char *why = NULL;

		CU_ASSERT_PTR_NOT_NULL_FATAL(q);
		CU_ASSERT_EQUAL(answer_parse(q, c->value, &a, &why), -1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(why);
		if (strstr(why, c->why) == NULL)
			fprintf(stderr, "\n%s '%s': %s\n", c->question, c->value, why);
		CU_ASSERT_PTR_NOT_NULL(strstr(why, c->why));
		/* *out untouched on failure */
		CU_ASSERT_EQUAL(a.state, ANSWER_GIVEN);
		CU_ASSERT_EQUAL(a.number, 7);
		CU_ASSERT_EQUAL(a.chosen, 3);
		free(why);
	}
}

/* Open answers: no value, "offen", no points, for every type. */
static void
test_open_answers(void)
{
	for (size_t i = 0; i < form->question_count; i++) {
		const struct form_question *q = &form->questions[i];
		struct answer a = {0};
		char *label = answer_label(q, &a);

		CU_ASSERT_PTR_NULL(answer_format(q, &a));
		CU_ASSERT_STRING_EQUAL(label, "offen");
		CU_ASSERT_EQUAL(answer_points(q, &a), 0);
		free(label);
	}
}

/* Text and date answers own their text; copies are deep. */
static void
test_copy_and_clear(void)
{
	const struct form_question *q = question("te");
	struct answer a = {0}, b;
	char *why = NULL;

	CU_ASSERT_EQUAL_FATAL(answer_parse(q, "Notiz", &a, &why), 0);
	answer_copy(&b, &a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b.text);
	CU_ASSERT(b.text != a.text);
	CU_ASSERT_STRING_EQUAL(b.text, "Notiz");
	answer_clear(&a);
	CU_ASSERT_STRING_EQUAL(b.text, "Notiz");
	answer_clear(&b);
	answer_clear(&b); /* twice is harmless */
	CU_ASSERT_EQUAL(b.state, ANSWER_OPEN);

	q = question("mu");
	CU_ASSERT_EQUAL_FATAL(answer_parse(q, "a,c", &a, &why), 0);
	answer_copy(&b, &a);
	CU_ASSERT_EQUAL(b.chosen, a.chosen);
	CU_ASSERT_PTR_NULL(b.text);
	CU_ASSERT_EQUAL(answer_points(q, &b), 4);
	answer_clear(&a);
	answer_clear(&b);
}

/* Points never exceed max_points for any value of a number or scale. */
static void
test_points_within_max(void)
{
	static const char *const ids[] = {"nu", "sc", "sc2"};
	for (size_t i = 0; i < 3; i++) {
		const struct form_question *q = question(ids[i]);
		int best = 0;
		for (long v = -3; v <= 20; v++) {
			struct answer a = {ANSWER_GIVEN, v, 0, NULL};
			int p = answer_points(q, &a);
			CU_ASSERT(p >= 0 && p <= q->max_points);
			if (p > best)
				best = p;
		}
		CU_ASSERT_EQUAL(best, q->max_points);
	}
}

/* What to type, per type, as the interview's messages complete it. */
static void
test_expected(void)
{
	static const struct {
		const char *question, *expected;
	} cases[] = {
	    {"yn", "„ja“ oder „nein“"},
	    {"ch", "eine Option (x, y)"},
	    {"nu", "eine ganze Zahl ab 0"},
	    {"pr", "eine ganze Zahl von 0 bis 100"},
	    {"ne", "eine ganze Zahl von -10 bis 10"},
	    {"sc", "eine ganze Zahl von 0 bis 3"},
	    {"da", "ein Datum (TT.MM.JJJJ)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *e = answer_expected(question(cases[i].question));
		CU_ASSERT_STRING_EQUAL(e, cases[i].expected);
		free(e);
	}
}

/* min/max of a number question: defaults, and a range that cannot hold. */
static void
test_number_range_in_form(void)
{
	static const char head[] =
	    "form: t\ntitle: T\nedition: 2023-05-11\n"
	    "pass: {total_percent: 60, section_min_percent: 40}\n"
	    "validity_years: {first: 3, renewal: 5}\n"
	    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
	    "sections:\n  - id: s\n    title: S\n    questions:\n";
	static const struct {
		const char *question;
		const char *error; /* NULL: loads */
	} cases[] = {
	    {"      - {id: n, type: number, text: N, bands: [{min: 0, points: 1}]}\n",
	     NULL},
	    {"      - {id: n, type: number, text: N, min: 5, max: 4, bands: [{min: 0, "
	     "points: 1}]}\n",
	     "is less than its 'min'"},
	    {"      - {id: n, type: number, text: N, min: x, bands: [{min: 0, points: "
	     "1}]}\n",
	     "must be an integer"},
	    {"      - {id: n, type: yesno, text: N, points: 1, min: 0}\n",
	     "key 'min' does not belong to a yesno question"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct form_errors e = {0};
		char *text = xasprintf("%s%s", head, cases[i].question);
		struct form *f = form_load_string(text, strlen(text), "r.yaml", &e);
		char *all = form_errors_format(&e);

		if (cases[i].error == NULL) {
			CU_ASSERT_PTR_NOT_NULL(f);
			if (f != NULL) {
				CU_ASSERT_EQUAL(f->questions[0].number_min, 0);
				CU_ASSERT_EQUAL(f->questions[0].number_max, LONG_MAX);
			}
		} else {
			CU_ASSERT_PTR_NULL(f);
			if (strstr(all, cases[i].error) == NULL)
				fprintf(stderr, "\n%s", all);
			CU_ASSERT_PTR_NOT_NULL(strstr(all, cases[i].error));
		}
		free(all);
		form_errors_clear(&e);
		form_free(f);
		free(text);
	}
}

static CU_TestInfo answer_tests[] = {
    {"what to type", test_expected},
    {"number range in the form", test_number_range_in_form},
    {"valid values of every type", test_valid_values},
    {"invalid values", test_invalid_values},
    {"open answers", test_open_answers},
    {"copy and clear", test_copy_and_clear},
    {"points within max", test_points_within_max},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"answer", suite_init, suite_clean, NULL, NULL, answer_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
