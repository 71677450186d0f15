/*
 * test_score.c: CUnit suite for the score module (src/model/score.c): points per
 * question type, show_if visibility (follow-ups and chains), entfällt,
 * section and total maxima, integer thresholds hit exactly, Sonderpunkte,
 * provisional results, validity dates, missing points, recommendation order
 * and texts, the three formatters, and property tests over random answer
 * sets for the bundled form.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/score.h"
#include "test_main.h"
#include "lib/util.h"
#include "lib/utf8.h"

/* ---- helpers ---- */

/* Load a form from inline YAML; aborts the test run when it does not load. */
static struct form *
load_form(const char *yaml)
{
	struct form_errors errors = {0};
	struct form *f = form_load_string(yaml, strlen(yaml), "inline.yaml", &errors);

	if (f == NULL) {
		char *text = form_errors_format(&errors);
		fprintf(stderr, "inline form does not load:\n%s", text);
		free(text);
	}
	form_errors_clear(&errors);
	return f;
}

/* A new session over an inline form, or NULL (then the test fails). */
static struct session *
new_session(const char *yaml)
{
	struct form *f = load_form(yaml);

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	return session_new(f);
}

/* session_change that must succeed. */
static void
set(struct session *s, const char *key, const char *value)
{
	char *why = NULL;
	int rc = session_change(s, key, value, &why);

	if (rc != 0)
		fprintf(stderr, "session_change %s=%s: %s\n", key,
		        value ? value : "(clear)", why ? why : "?");
	CU_ASSERT_EQUAL(rc, 0);
	free(why);
}

/* Index of a question by full id; fails the test when unknown. */
static size_t
question(const struct session *s, const char *full_id)
{
	int qi = form_find_question(s->form, full_id);

	CU_ASSERT_FATAL(qi >= 0);
	return (size_t)qi;
}

/* Set "key=value" pairs from a NULL-terminated list. */
static void
set_all(struct session *s, const char *const *pairs)
{
	for (size_t i = 0; pairs[i] != NULL; i++) {
		const char *eq = strchr(pairs[i], '=');
		char *key = xstrndup(pairs[i], (size_t)(eq - pairs[i]));
		set(s, key, eq + 1);
		free(key);
	}
}

/* The form header every inline form shares: 60 % total, 40 % per section. */
#define FORM_HEAD                                                                        \
	"form: test\n"                                                                   \
	"title: Testbogen\n"                                                             \
	"edition: 2023-05-11\n"                                                          \
	"pass: {total_percent: 60, section_min_percent: 40}\n"                           \
	"validity_years: {first: 3, renewal: 5}\n"                                       \
	"goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"     \
	"sections:\n"

/* Every scored type, text and date, one section. Max: 4+3+5+4+4 = 20. */
static const char form_types[] = FORM_HEAD
    "  - id: a\n"
    "    title: Feld A\n"
    "    questions:\n"
    "      - id: yn\n"
    "        type: yesno\n"
    "        text: Ja oder nein?\n"
    "        points: 4\n"
    "        na: true\n"
    "        recommendation: Einführen.\n"
    "      - id: ch\n"
    "        type: choice\n"
    "        text: Wie gut?\n"
    "        recommendation: Frage-Empfehlung.\n"
    "        options:\n"
    "          - {id: gut, label: Gut, points: 3}\n"
    "          - {id: mittel, label: Mittel, points: 1, recommendation: Ausbauen.}\n"
    "          - {id: nein, label: Nein, points: 0}\n"
    "      - id: mu\n"
    "        type: multi\n"
    "        text: Was gibt es?\n"
    "        max: 5\n"
    "        options:\n"
    "          - {id: x, label: X, points: 3}\n"
    "          - {id: y, label: Y, points: 2}\n"
    "          - {id: z, label: Z, points: 2}\n"
    "      - id: nu\n"
    "        type: number\n"
    "        text: Wie viele?\n"
    "        bands:\n"
    "          - {min: 0, points: 0}\n"
    "          - {min: 10, points: 2}\n"
    "          - {min: 50, points: 4}\n"
    "      - id: sc\n"
    "        type: scale\n"
    "        text: Wie sehr?\n"
    "        max: 4\n"
    "      - id: tx\n"
    "        type: text\n"
    "        text: Bemerkung\n"
    "      - id: dt\n"
    "        type: date\n"
    "        text: Seit wann?\n";

/* show_if follow-ups and chains, plus a section that can be all entfällt. */
static const char form_follow[] =
    FORM_HEAD "  - id: w\n"
              "    title: Willkommen\n"
              "    questions:\n"
              "      - id: center\n"
              "        type: yesno\n"
              "        text: Gibt es ein Welcome Center?\n"
              "        points: 2\n"
              "      - id: hours\n"
              "        type: choice\n"
              "        text: Öffnungszeiten?\n"
              "        show_if: center\n"
              "        recommendation: Öffnungszeiten erweitern.\n"
              "        options:\n"
              "          - {id: lang, label: Lang, points: 2}\n"
              "          - {id: kurz, label: Kurz, points: 1}\n"
              "          - {id: keine, label: Keine, points: 0}\n"
              "      - id: weekend\n"
              "        type: yesno\n"
              "        text: Auch am Wochenende?\n"
              "        show_if: hours=lang\n"
              "        points: 1\n"
              "      - id: langs\n"
              "        type: multi\n"
              "        text: Sprachen?\n"
              "        options:\n"
              "          - {id: en, label: Englisch, points: 1}\n"
              "          - {id: tr, label: Türkisch, points: 1}\n"
              "      - id: trmaterial\n"
              "        type: yesno\n"
              "        text: Material auf Türkisch?\n"
              "        show_if: langs=tr\n"
              "        points: 1\n"
              "  - id: leer\n"
              "    title: Leer\n"
              "    questions:\n"
              "      - id: na1\n"
              "        type: yesno\n"
              "        text: Entfällt vielleicht?\n"
              "        points: 3\n"
              "        na: true\n"
              "      - id: na2\n"
              "        type: scale\n"
              "        text: Entfällt auch?\n"
              "        max: 2\n"
              "        na: true\n"
              "      - id: note\n"
              "        type: text\n"
              "        text: Notiz\n";

/* Two sections with maxima 7 and 10 (total 17) for thresholds and missing points. */
static const char form_two[] = FORM_HEAD "  - id: s1\n"
                                         "    title: Erstes Feld\n"
                                         "    questions:\n"
                                         "      - id: q1\n"
                                         "        type: scale\n"
                                         "        text: Wie viel im ersten?\n"
                                         "        max: 7\n"
                                         "        recommendation: Mehr im ersten.\n"
                                         "  - id: s2\n"
                                         "    title: Zweites Feld\n"
                                         "    questions:\n"
                                         "      - id: q2\n"
                                         "        type: scale\n"
                                         "        text: Wie viel im zweiten?\n"
                                         "        max: 10\n"
                                         "        recommendation: Mehr im zweiten.\n";

/* Maximum 1000 (600 from bands, 400 from a yesno) for 60.0 % against 59.9 %. */
static const char form_exact[] = FORM_HEAD "  - id: e\n"
                                           "    title: Genau\n"
                                           "    questions:\n"
                                           "      - id: n\n"
                                           "        type: number\n"
                                           "        text: Stufe?\n"
                                           "        bands:\n"
                                           "          - {min: 0, points: 0}\n"
                                           "          - {min: 1, points: 599}\n"
                                           "          - {min: 2, points: 600}\n"
                                           "      - id: y\n"
                                           "        type: yesno\n"
                                           "        text: Rest?\n"
                                           "        points: 400\n";

/* One weak and one strong section for the order of recommendations. */
static const char form_order[] = FORM_HEAD "  - id: s1\n"
                                           "    title: Schwach\n"
                                           "    questions:\n"
                                           "      - id: a1\n"
                                           "        type: yesno\n"
                                           "        text: A1?\n"
                                           "        points: 1\n"
                                           "      - id: a2\n"
                                           "        type: yesno\n"
                                           "        text: A2?\n"
                                           "        points: 3\n"
                                           "      - id: a3\n"
                                           "        type: yesno\n"
                                           "        text: A3?\n"
                                           "        points: 1\n"
                                           "  - id: s2\n"
                                           "    title: Stark\n"
                                           "    questions:\n"
                                           "      - id: b1\n"
                                           "        type: yesno\n"
                                           "        text: B1?\n"
                                           "        points: 10\n"
                                           "      - id: b2\n"
                                           "        type: scale\n"
                                           "        text: B2?\n"
                                           "        max: 20\n"
                                           "      - id: b3\n"
                                           "        type: yesno\n"
                                           "        text: B3?\n"
                                           "        points: 2\n";

/* ---- points per type ---- */

static const struct {
	const char *key, *value;
	int points;
} type_cases[] = {
    {"a.yn", "ja", 4},     {"a.yn", "nein", 0},
    {"a.ch", "gut", 3},    {"a.ch", "mittel", 1},
    {"a.ch", "nein", 0},   {"a.mu", "x,y,z", 5}, /* capped at 5 */
    {"a.mu", "x,y", 5},    {"a.mu", "y,z", 4},
    {"a.mu", "y", 2},      {"a.mu", "", 0},
    {"a.nu", "0", 0},      {"a.nu", "9", 0},
    {"a.nu", "10", 2}, /* band exactly at its min */
    {"a.nu", "49", 2},     {"a.nu", "50", 4},
    {"a.nu", "100000", 4}, {"a.sc", "0", 0},
    {"a.sc", "3", 3},      {"a.sc", "4", 4},
    {"a.tx", "Hallo", 0},  {"a.dt", "2020-01-01", 0},
};

/* Each answer earns its points, and the section points and maximum follow. */
static void
test_points_per_type(void)
{
	for (size_t i = 0; i < sizeof type_cases / sizeof type_cases[0]; i++) {
		struct session *s = new_session(form_types);
		struct score_result r;
		size_t qi = question(s, type_cases[i].key);

		set(s, type_cases[i].key, type_cases[i].value);
		score_compute(s, &r);
		CU_ASSERT_EQUAL(r.question_points[qi], type_cases[i].points);
		CU_ASSERT_EQUAL(r.sections[0].points, type_cases[i].points);
		CU_ASSERT_EQUAL(r.sections[0].max, 20); /* text and date add nothing */
		CU_ASSERT_EQUAL(r.max, 20);
		CU_ASSERT_EQUAL(r.total, type_cases[i].points);
		if (r.question_points[qi] != type_cases[i].points)
			fprintf(stderr, "case %s=%s: %d points\n", type_cases[i].key,
			        type_cases[i].value, r.question_points[qi]);
		score_result_free(&r);
		session_free(s);
	}
}

/* Open questions: 0 points, counted in the maximum, listed as open; text and
 * date questions are never open for the score. */
static void
test_unanswered_and_provisional(void)
{
	struct session *s = new_session(form_types);
	struct score_result r;

	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.total, 0);
	CU_ASSERT_EQUAL(r.max, 20);
	CU_ASSERT_EQUAL(r.open, 5);
	CU_ASSERT_EQUAL(r.sections[0].open, 5);
	CU_ASSERT_TRUE(r.provisional);
	CU_ASSERT_EQUAL(r.recommendation_count, 5);
	score_result_free(&r);

	set_all(s, (const char *const[]){"a.yn=ja", "a.ch=gut", "a.mu=x", NULL});
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.open, 2);
	CU_ASSERT_TRUE(r.provisional);
	CU_ASSERT_EQUAL(r.sections[0].answered, 3);
	CU_ASSERT_EQUAL(r.sections[0].shown, 7);
	score_result_free(&r);

	set_all(s, (const char *const[]){"a.nu=50", "a.sc=4", NULL});
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.open, 0);
	CU_ASSERT_FALSE(r.provisional); /* text and date still open: not counted */
	CU_ASSERT_EQUAL(r.total, 4 + 3 + 3 + 4 + 4);
	score_result_free(&r);
	session_free(s);
}

/* ---- visibility ---- */

static const struct {
	const char *answers[6];
	int hours, weekend, trmaterial; /* expected visibility */
	int points;                     /* section w */
	int open;                       /* whole form */
} follow_cases[] = {
    /* nothing answered: follow-ups hidden, hidden ones not open */
    {{NULL}, 0, 0, 0, 0, 4},
    {{"w.center=ja", NULL}, 1, 0, 0, 2, 4},
    {{"w.center=ja", "w.hours=lang", NULL}, 1, 1, 0, 4, 4},
    {{"w.center=ja", "w.hours=kurz", NULL}, 1, 0, 0, 3, 3},
    {{"w.center=ja", "w.hours=lang", "w.weekend=ja", NULL}, 1, 1, 0, 5, 3},
    /* the chain: center answered nein hides hours and, through it, weekend */
    {{"w.center=ja", "w.hours=lang", "w.weekend=ja", "w.center=nein", NULL},
     0,
     0,
     0,
     0,
     3},
    {{"w.langs=en", NULL}, 0, 0, 0, 1, 3},
    {{"w.langs=tr", NULL}, 0, 0, 1, 1, 4},
    {{"w.langs=tr", "w.trmaterial=ja", NULL}, 0, 0, 1, 2, 3},
    {{"w.langs=en,tr", "w.trmaterial=ja", NULL}, 0, 0, 1, 3, 3},
    {{"w.langs=tr", "w.trmaterial=ja", "w.langs=en", NULL}, 0, 0, 0, 1, 3},
};

/* Follow-ups are shown only under their condition; hidden ones score 0 but
 * keep their maximum. */
static void
test_visibility(void)
{
	for (size_t i = 0; i < sizeof follow_cases / sizeof follow_cases[0]; i++) {
		struct session *s = new_session(form_follow);
		struct score_result r;
		size_t hours = question(s, "w.hours"), weekend = question(s, "w.weekend");
		size_t trm = question(s, "w.trmaterial");

		set_all(s, follow_cases[i].answers);
		score_compute(s, &r);
		CU_ASSERT_EQUAL(r.question_visible[hours], follow_cases[i].hours);
		CU_ASSERT_EQUAL(r.question_visible[weekend], follow_cases[i].weekend);
		CU_ASSERT_EQUAL(r.question_visible[trm], follow_cases[i].trmaterial);
		CU_ASSERT_EQUAL(score_question_visible(s, hours), follow_cases[i].hours);
		CU_ASSERT_EQUAL(score_question_visible(s, weekend),
		                follow_cases[i].weekend);
		CU_ASSERT_EQUAL(score_question_visible(s, trm),
		                follow_cases[i].trmaterial);
		CU_ASSERT_EQUAL(r.sections[0].points, follow_cases[i].points);
		CU_ASSERT_EQUAL(r.sections[0].max, 2 + 2 + 1 + 2 + 1);
		CU_ASSERT_EQUAL(r.open, follow_cases[i].open);
		if (r.sections[0].points != follow_cases[i].points ||
		    r.open != follow_cases[i].open)
			fprintf(stderr, "follow case %zu: %d points, %d open\n", i,
			        r.sections[0].points, r.open);
		if (!r.question_visible[weekend])
			CU_ASSERT_EQUAL(r.question_points[weekend], 0);
		score_result_free(&r);
		session_free(s);
	}
}

/* A hidden follow-up is recommended with the question's own text. */
static void
test_hidden_recommended(void)
{
	struct session *s = new_session(form_follow);
	struct score_result r;
	size_t hours = question(s, "w.hours");
	int found = 0;

	set(s, "w.center", "nein");
	score_compute(s, &r);
	for (size_t k = 0; k < r.recommendation_count; k++)
		if (r.recommendations[k].question == hours) {
			found = 1;
			CU_ASSERT_EQUAL(r.recommendations[k].gain, 2);
			CU_ASSERT_STRING_EQUAL(r.recommendations[k].text,
			                       "Öffnungszeiten erweitern.");
		}
	CU_ASSERT_TRUE(found);
	score_result_free(&r);
	session_free(s);
}

/* ---- entfällt ---- */

/* entfällt takes the question out of points and maximum; a section of only
 * entfällt has max 0, no percent and no minimum. */
static void
test_entfaellt(void)
{
	struct session *s = new_session(form_follow);
	struct score_result r;
	char *tsv;

	set_all(s, (const char *const[]){"w.center=ja", "w.hours=lang", "w.weekend=ja",
	                                 "w.langs=en,tr", "w.trmaterial=ja", NULL});
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.sections[1].max, 5);
	CU_ASSERT_TRUE(r.sections[1].below_min);
	CU_ASSERT_FALSE(r.passed);
	score_result_free(&r);

	set(s, "leer.na1", "entfaellt");
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.sections[1].max, 2);
	CU_ASSERT_EQUAL(r.max, 10);
	score_result_free(&r);

	set(s, "leer.na2", "entfaellt");
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.sections[1].max, 0);
	CU_ASSERT_EQUAL(r.sections[1].points, 0);
	CU_ASSERT_FALSE(r.sections[1].has_percent);
	CU_ASSERT_FALSE(r.sections[1].below_min);
	CU_ASSERT_EQUAL(r.sections[1].needed, 0);
	CU_ASSERT_PTR_NULL(r.sections[1].summary);
	CU_ASSERT_EQUAL(r.max, 8);
	CU_ASSERT_EQUAL(r.total, 8);
	CU_ASSERT_TRUE(r.passed); /* the empty section sets no minimum */
	CU_ASSERT_EQUAL(r.open, 0);
	CU_ASSERT_EQUAL(r.recommendation_count, 0); /* entfällt is never recommended */
	tsv = score_format_tsv(s, &r);
	CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "section\tleer\t0\t0\t-\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "section\tw\t8\t8\t100.0\n"));
	free(tsv);
	score_result_free(&r);
	session_free(s);
}

/* A form answered entirely entfällt has nothing to score and awards no seal. */
static void
test_all_entfaellt(void)
{
	static const char yaml[] =
	    FORM_HEAD "  - id: x\n"
	              "    title: Nur entfällt\n"
	              "    questions:\n"
	              "      - {id: a, type: yesno, text: A?, points: 2, na: true}\n"
	              "      - {id: b, type: scale, text: B?, max: 3, na: true}\n";
	struct session *s = new_session(yaml);
	struct score_result r;
	char *tsv;

	set_all(s, (const char *const[]){"x.a=entfaellt", "x.b=entfaellt",
	                                 "meta.datum=2026-01-01", NULL});
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.max, 0);
	CU_ASSERT_EQUAL(r.total, 0);
	CU_ASSERT_FALSE(r.sections[0].has_percent);
	CU_ASSERT_FALSE(r.provisional);
	CU_ASSERT_FALSE(r.passed);
	CU_ASSERT_EQUAL(r.missing, 0);
	CU_ASSERT_STRING_EQUAL(r.valid_until, "");
	CU_ASSERT_EQUAL(r.recommendation_count, 0);
	tsv = score_format_tsv(s, &r);
	CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "total\t0\t0\t-\n"));
	free(tsv);
	score_result_free(&r);
	session_free(s);
}

/* ---- thresholds and missing points ---- */

static const struct {
	const char *q1, *q2;
	int passed, missing, below1, below2, needed1, needed2;
} threshold_cases[] = {
    {"7", "4", 1, 0, 0, 0, 0, 0},  /* s2 exactly at 40 %, total 64.7 % */
    {"2", "10", 0, 1, 1, 0, 1, 0}, /* s1 28.6 % < 40 %: needs 2.8 → 3 points, has 2 */
    {"3", "4", 0, 4, 0, 0, 0, 0},  /* total 7 of 17: needs 10.2 → 11 */
    {"2", "3", 0, 6, 1, 1, 1, 1},  /* total needs 6, sections 1+1: the larger */
    {"0", "10", 0, 3, 1, 0, 3, 0}, /* total needs 1, s1 needs 3 */
    {"3", "7", 0, 1, 0, 0, 0, 0},  /* one point short of 11 */
    {"7", "10", 1, 0, 0, 0, 0, 0},
};

/* Pass/fail, per-section minimum and the missing-points formula. */
static void
test_thresholds(void)
{
	for (size_t i = 0; i < sizeof threshold_cases / sizeof threshold_cases[0]; i++) {
		struct session *s = new_session(form_two);
		struct score_result r;

		set(s, "s1.q1", threshold_cases[i].q1);
		set(s, "s2.q2", threshold_cases[i].q2);
		set(s, "meta.datum", "2026-11-23");
		score_compute(s, &r);
		CU_ASSERT_EQUAL(r.passed, threshold_cases[i].passed);
		CU_ASSERT_EQUAL(r.missing, threshold_cases[i].missing);
		CU_ASSERT_EQUAL(r.sections[0].below_min, threshold_cases[i].below1);
		CU_ASSERT_EQUAL(r.sections[1].below_min, threshold_cases[i].below2);
		CU_ASSERT_EQUAL(r.sections[0].needed, threshold_cases[i].needed1);
		CU_ASSERT_EQUAL(r.sections[1].needed, threshold_cases[i].needed2);
		CU_ASSERT_EQUAL((r.sections[0].summary != NULL),
		                threshold_cases[i].below1);
		CU_ASSERT_STRING_EQUAL(r.valid_until,
		                       threshold_cases[i].passed ? "2029-11-23" : "");
		if (r.missing != threshold_cases[i].missing)
			fprintf(stderr, "threshold case %zu: missing %d\n", i, r.missing);
		score_result_free(&r);
		session_free(s);
	}
}

/* 600 of 1000 is exactly 60.0 % and passes; 599 (59.9 %) does not. */
static void
test_threshold_exact(void)
{
	static const struct {
		const char *n;
		int passed, missing;
		const char *total_line;
	} cases[] = {
	    {"2", 1, 0, "total\t600\t1000\t60.0\n"},
	    {"1", 0, 1, "total\t599\t1000\t59.9\n"},
	};

	for (size_t i = 0; i < 2; i++) {
		struct session *s = new_session(form_exact);
		struct score_result r;
		char *tsv;

		set(s, "e.n", cases[i].n);
		set(s, "e.y", "nein");
		score_compute(s, &r);
		CU_ASSERT_EQUAL(r.passed, cases[i].passed);
		CU_ASSERT_EQUAL(r.missing, cases[i].missing);
		CU_ASSERT_FALSE(r.provisional);
		tsv = score_format_tsv(s, &r);
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv, cases[i].total_line));
		free(tsv);
		score_result_free(&r);
		session_free(s);
	}
}

/* ---- Sonderpunkte ---- */

static const struct {
	const char *art;
	const char *status[3]; /* prevgoal.1..3, NULL = open */
	int bonus, passed, missing;
	const char *valid_until;
} bonus_cases[] = {
    {"erst", {NULL, NULL, NULL}, 0, 0, 1, ""},
    {"re", {NULL, NULL, NULL}, 0, 0, 1, ""},
    {"re", {"nicht_erreicht", "nicht_erreicht", NULL}, 0, 0, 1, ""},
    {"re", {"teilweise", NULL, NULL}, 1, 1, 0, "2029-05-10"}, /* pushed over the line */
    {"re", {"erreicht", "teilweise", "nicht_erreicht"}, 4, 1, 0, "2029-05-10"},
    {"re", {"erreicht", "erreicht", "erreicht"}, 9, 1, 0, "2029-05-10"},
};

/* Sonderpunkte count only in a re-audit and can decide the result. */
static void
test_bonus(void)
{
	for (size_t i = 0; i < sizeof bonus_cases / sizeof bonus_cases[0]; i++) {
		struct session *s = new_session(form_two);
		struct score_result r;

		set_all(s, (const char *const[]){"s1.q1=3", "s2.q2=7",
		                                 "meta.datum=2024-05-10", NULL});
		set(s, "meta.art", bonus_cases[i].art);
		for (int g = 0; g < 3; g++)
			if (bonus_cases[i].status[g] != NULL) {
				char *key = xasprintf("prevgoal.%d.ziel", g + 1);
				set(s, key, "Ein Ziel des letzten Audits");
				free(key);
				key = xasprintf("prevgoal.%d", g + 1);
				set(s, key, bonus_cases[i].status[g]);
				free(key);
			}
		score_compute(s, &r);
		CU_ASSERT_EQUAL(r.bonus, bonus_cases[i].bonus);
		CU_ASSERT_EQUAL(r.total, 10 + bonus_cases[i].bonus);
		CU_ASSERT_EQUAL(r.max, 17);
		CU_ASSERT_EQUAL(r.passed, bonus_cases[i].passed);
		CU_ASSERT_EQUAL(r.missing, bonus_cases[i].missing);
		CU_ASSERT_STRING_EQUAL(r.valid_until, bonus_cases[i].valid_until);
		score_result_free(&r);
		session_free(s);
	}
}

/* Goals of a previous audit earn nothing in an Erstaudit. */
static void
test_bonus_not_in_first_audit(void)
{
	struct session *s = new_session(form_two);
	struct score_result r;

	set_all(s, (const char *const[]){"s1.q1=3", "s2.q2=7", NULL});
	s->meta.kind = AUDIT_FIRST;
	for (int g = 0; g < s->form->goal_count; g++)
		s->previous_status[g] = GOAL_REACHED;
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.bonus, 0);
	CU_ASSERT_EQUAL(r.total, 10);
	CU_ASSERT_FALSE(r.passed);
	score_result_free(&r);
	session_free(s);
}

/* A status stored for a previous goal that does not exist (no Ziel) earns
 * nothing, and clearing the Ziel of a judged goal takes its status along. */
static void
test_bonus_only_for_existing_goals(void)
{
	struct session *s = new_session(form_two);
	struct score_result r;
	char *why = NULL;

	set_all(s, (const char *const[]){"s1.q1=3", "s2.q2=7", "meta.art=re", NULL});
	/* refused through set … */
	CU_ASSERT_EQUAL(session_change(s, "prevgoal.1", "erreicht", &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "Ziel 1") : NULL);
	free(why);
	/* … and worthless when an older file stored it anyway */
	for (int g = 0; g < s->form->goal_count; g++)
		s->previous_status[g] = GOAL_REACHED;
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.bonus, 0);
	CU_ASSERT_FALSE(score_previous_goal_exists(s, 0));
	score_result_free(&r);
	set(s, "prevgoal.2.ziel", "Radweg");
	CU_ASSERT_TRUE(score_previous_goal_exists(s, 1));
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.bonus, 3); /* goal 2 only */
	score_result_free(&r);
	CU_ASSERT_EQUAL(session_change(s, "prevgoal.2.ziel", NULL, &why), 0);
	CU_ASSERT_EQUAL(s->previous_status[1], GOAL_OPEN);
	session_free(s);
}

/* The label of a recommendation: the form's text or "–", never the question. */
static void
test_recommendation_label(void)
{
	struct score_recommendation r = {0};

	CU_ASSERT_STRING_EQUAL(score_recommendation_label(&r), "–");
	r.text = "";
	CU_ASSERT_STRING_EQUAL(score_recommendation_label(&r), "–");
	r.own = "Eigene";
	CU_ASSERT_STRING_EQUAL(score_recommendation_label(&r), "–");
	r.text = "Ein Welcome Center einrichten.";
	CU_ASSERT_STRING_EQUAL(score_recommendation_label(&r), r.text);
}

/* ---- validity ---- */

static const struct {
	const char *date;
	int years, rc;
	const char *expected;
} validity_cases[] = {
    {"2024-02-29", 3, 0, "2027-02-28"}, {"2024-02-29", 4, 0, "2028-02-29"},
    {"2024-02-29", 5, 0, "2029-02-28"}, {"2096-02-29", 4, 0, "2100-02-28"},
    {"2026-11-23", 3, 0, "2029-11-23"}, {"2023-03-01", 5, 0, "2028-03-01"},
    {"2024-12-31", 5, 0, "2029-12-31"}, {"2023-02-29", 3, -1, ""},
    {"2024-13-01", 3, -1, ""},          {"", 3, -1, ""},
    {"24-02-2024", 3, -1, ""},
};

/* Same calendar day years later; 29 February becomes 28 February. */
static void
test_valid_until(void)
{
	for (size_t i = 0; i < sizeof validity_cases / sizeof validity_cases[0]; i++) {
		char out[11] = "x";
		int rc = score_valid_until(validity_cases[i].date,
		                           validity_cases[i].years, out);
		CU_ASSERT_EQUAL(rc, validity_cases[i].rc);
		CU_ASSERT_STRING_EQUAL(out, validity_cases[i].expected);
	}
}

/* A passed Erstaudit on 29 Feb 2024 holds until 28 Feb 2027, a re-audit 5 years. */
static void
test_valid_until_in_result(void)
{
	static const struct {
		const char *art, *expected;
	} cases[] = {{"erst", "2027-02-28"}, {"re", "2029-02-28"}};

	for (size_t i = 0; i < 2; i++) {
		struct session *s = new_session(form_two);
		struct score_result r;

		set_all(s, (const char *const[]){"s1.q1=7", "s2.q2=10",
		                                 "meta.datum=2024-02-29", NULL});
		set(s, "meta.art", cases[i].art);
		score_compute(s, &r);
		CU_ASSERT_TRUE(r.passed);
		CU_ASSERT_STRING_EQUAL(r.valid_until, cases[i].expected);
		score_result_free(&r);
		session_free(s);
	}
}

/* ---- recommendations ---- */

/* Weak sections first, then gain descending, then form order. */
static void
test_recommendation_order(void)
{
	static const char *const expected[] = {"s1.a2", "s1.a1", "s2.b1", "s2.b2",
	                                       "s2.b3"};
	static const int gains[] = {3, 1, 10, 2, 2};
	struct session *s = new_session(form_order);
	struct score_result r;

	set_all(s, (const char *const[]){"s1.a2=nein", "s1.a3=ja", "s2.b1=nein",
	                                 "s2.b2=18", NULL});
	score_compute(s, &r);
	CU_ASSERT_TRUE(r.sections[0].below_min);
	CU_ASSERT_FALSE(r.sections[1].below_min);
	CU_ASSERT_EQUAL_FATAL(r.recommendation_count, 5);
	for (size_t k = 0; k < 5; k++) {
		CU_ASSERT_STRING_EQUAL(
		    s->form->questions[r.recommendations[k].question].full_id,
		    expected[k]);
		CU_ASSERT_EQUAL(r.recommendations[k].gain, gains[k]);
		CU_ASSERT_EQUAL(r.recommendations[k].weak_section, k < 2);
	}
	/* s1: 1 of 5 = 20 %; 40 % needs 2 points, one is missing */
	CU_ASSERT_EQUAL(r.sections[0].needed, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r.sections[0].summary);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.sections[0].summary, "Schwach"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.sections[0].summary, "40 %"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.sections[0].summary, "1 Punkt"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(r.sections[0].summary, "Potenzial: a2 (+3), a1 (+1)"));
	CU_ASSERT_PTR_NULL(strchr(r.sections[0].summary, '\n'));
	CU_ASSERT_PTR_NULL(r.sections[1].summary);
	score_result_free(&r);
	session_free(s);
}

static const struct {
	const char *answer; /* a.ch */
	int listed;         /* recommended at all */
	const char *text;   /* expected text */
} text_cases[] = {
    {NULL, 1, "Frage-Empfehlung."},   /* unanswered: the question's */
    {"mittel", 1, "Ausbauen."},       /* the chosen option's own text */
    {"nein", 1, "Frage-Empfehlung."}, /* option without one: the question's */
    {"gut", 0, NULL},                 /* at its maximum: not listed */
};

/* Text of a recommendation: chosen option's, else the question's; the
 * auditor's own text rides along. */
static void
test_recommendation_texts(void)
{
	for (size_t i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
		struct session *s = new_session(form_types);
		struct score_result r;
		size_t ch = question(s, "a.ch");
		const struct score_recommendation *found = NULL;

		if (text_cases[i].answer != NULL)
			set(s, "a.ch", text_cases[i].answer);
		set(s, "a.ch:recommendation", "Mit dem Kreis reden.");
		score_compute(s, &r);
		for (size_t k = 0; k < r.recommendation_count; k++)
			if (r.recommendations[k].question == ch)
				found = &r.recommendations[k];
		CU_ASSERT_EQUAL(found != NULL, text_cases[i].listed);
		if (found != NULL && text_cases[i].text != NULL) {
			CU_ASSERT_STRING_EQUAL(found->text, text_cases[i].text);
			CU_ASSERT_STRING_EQUAL(found->own, "Mit dem Kreis reden.");
		}
		score_result_free(&r);
		session_free(s);
	}
}

/* A choice question without its own text falls back, while open or hidden,
 * to the text of its lowest-scoring option that has one. */
static void
test_recommendation_fallback(void)
{
	static const char yaml[] = FORM_HEAD
	    "  - id: f\n"
	    "    title: Rückfall\n"
	    "    questions:\n"
	    "      - {id: gate, type: yesno, text: Tor?, points: 1}\n"
	    "      - id: c\n"
	    "        type: choice\n"
	    "        text: Wie weit?\n"
	    "        show_if: gate\n"
	    "        options:\n"
	    "          - {id: teil, label: Teilweise, points: 1, recommendation: "
	    "Ausbauen.}\n"
	    "          - {id: nein, label: Nein, points: 0, recommendation: Anfangen.}\n"
	    "          - {id: voll, label: Voll, points: 2}\n"
	    "      - id: bare\n"
	    "        type: choice\n"
	    "        text: Ohne Text?\n"
	    "        options:\n"
	    "          - {id: a, label: A, points: 0}\n"
	    "          - {id: b, label: B, points: 1}\n";
	static const struct {
		const char *gate, *c, *text;
	} cases[] = {
	    {"ja", NULL, "Anfangen."},   /* open */
	    {"ja", "teil", "Ausbauen."}, /* chosen option's */
	    {"ja", "nein", "Anfangen."},
	    {"nein", "teil", "Anfangen."}, /* hidden: the chosen option does not count */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct session *s = new_session(yaml);
		struct score_result r;
		size_t c = question(s, "f.c"), bare = question(s, "f.bare");
		int seen = 0;
		char *tsv;

		if (cases[i].c != NULL) {
			set(s, "f.gate", "ja");
			set(s, "f.c", cases[i].c);
		}
		set(s, "f.gate", cases[i].gate);
		score_compute(s, &r);
		for (size_t k = 0; k < r.recommendation_count; k++) {
			if (r.recommendations[k].question == c) {
				CU_ASSERT_STRING_EQUAL(r.recommendations[k].text,
				                       cases[i].text);
				seen++;
			}
			if (r.recommendations[k].question == bare) {
				CU_ASSERT_PTR_NULL(r.recommendations[k].text);
				seen++;
			}
		}
		CU_ASSERT_EQUAL(seen, 2);
		tsv = score_format_tsv(s, &r);
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "\tf.bare\t1\t\n")); /* empty TEXT */
		free(tsv);
		score_result_free(&r);
		session_free(s);
	}
}

/* An entfällt question is never recommended, an open one always. */
static void
test_recommendation_entfaellt(void)
{
	struct session *s = new_session(form_types);
	struct score_result r;
	size_t yn = question(s, "a.yn");

	set(s, "a.yn", "entfaellt");
	score_compute(s, &r);
	CU_ASSERT_EQUAL(r.max, 16);
	for (size_t k = 0; k < r.recommendation_count; k++)
		CU_ASSERT_NOT_EQUAL(r.recommendations[k].question, yn);
	CU_ASSERT_EQUAL(r.recommendation_count, 4);
	score_result_free(&r);
	session_free(s);
}

/* ---- formatters ---- */

/* The tsv lines for a known result, exactly. */
static void
test_format_tsv(void)
{
	struct session *s = new_session(form_two);
	struct score_result r;
	char *tsv;

	set_all(s,
	        (const char *const[]){"s1.q1=7", "s2.q2=4", "meta.datum=2026-11-23",
	                              "s2.q2:recommendation=Eigene\tZeile\nzwei", NULL});
	score_compute(s, &r);
	tsv = score_format_tsv(s, &r);
	CU_ASSERT_STRING_EQUAL(tsv, "section\ts1\t7\t7\t100.0\n"
	                            "section\ts2\t4\t10\t40.0\n"
	                            "bonus\t0\n"
	                            "total\t11\t17\t64.7\n"
	                            "passed\tyes\n"
	                            "provisional\tno\n"
	                            "open\t0\n"
	                            "missing\t0\n"
	                            "valid_until\t2029-11-23\n"
	                            "rec\t1\ts2.q2\t6\tMehr im zweiten.\n");
	free(tsv);
	score_result_free(&r);
	session_free(s);
}

/* Percents are rounded half up to one decimal, with a '.'. */
static void
test_format_percent_rounding(void)
{
	static const char yaml[] =
	    FORM_HEAD "  - id: p\n"
	              "    title: Prozent\n"
	              "    questions:\n"
	              "      - {id: q, type: scale, text: Q?, max: 16}\n"
	              "      - {id: d, type: scale, text: D?, max: 8, na: true}\n";
	static const struct {
		const char *q, *d, *line;
	} cases[] = {
	    {"1", "entfaellt", "section\tp\t1\t16\t6.3\n"},  /* 6.25: half up */
	    {"3", "entfaellt", "section\tp\t3\t16\t18.8\n"}, /* 18.75 */
	    {"0", "entfaellt", "section\tp\t0\t16\t0.0\n"},
	    {"16", "entfaellt", "section\tp\t16\t16\t100.0\n"},
	    {"1", "0", "section\tp\t1\t24\t4.2\n"}, /* 4.1666 */
	    {"3", "0", "section\tp\t3\t24\t12.5\n"},
	    {"16", "0", "section\tp\t16\t24\t66.7\n"}, /* 66.666 */
	    {"16", "8", "section\tp\t24\t24\t100.0\n"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct session *s = new_session(yaml);
		struct score_result r;
		char *tsv;

		set(s, "p.q", cases[i].q);
		set(s, "p.d", cases[i].d);
		score_compute(s, &r);
		tsv = score_format_tsv(s, &r);
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv, cases[i].line));
		if (strstr(tsv, cases[i].line) == NULL)
			fprintf(stderr, "rounding case %zu:\n%s", i, tsv);
		free(tsv);
		score_result_free(&r);
		session_free(s);
	}
}

/* Tabs and newlines in a tsv TEXT become spaces; the auditor's own text
 * stands in when the form has none. */
static void
test_format_tsv_one_line(void)
{
	struct session *s = new_session(form_exact);
	struct score_result r;
	char *tsv;

	set_all(s, (const char *const[]){"e.n=2", "e.y=nein", NULL});
	set(s, "e.y:recommendation", "Eigene\tZeile\nzwei\r");
	score_compute(s, &r);
	tsv = score_format_tsv(s, &r);
	CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "\nrec\t1\te.y\t400\tEigene Zeile zwei \n"));
	CU_ASSERT_PTR_NULL(strstr(tsv, "e.n")); /* at its maximum: no recommendation */
	free(tsv);
	score_result_free(&r);
	session_free(s);
}

/* The JSON object carries the same content, escaped. */
static void
test_format_json(void)
{
	struct session *s = new_session(form_order);
	struct score_result r;
	char *json;

	set_all(s, (const char *const[]){"s1.a2=nein", "s1.a3=ja", "s2.b1=nein",
	                                 "s2.b2=18", "meta.kommune=Bad \"Soden\"", NULL});
	set(s, "s1.a2:recommendation", "Zeile 1\nZeile \"2\"");
	score_compute(s, &r);
	json = score_format_json(s, &r);
	CU_ASSERT_EQUAL(json[0], '{');
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"kommune\":\"Bad \\\"Soden\\\"\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"passed\":false"));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"provisional\":true"));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"open\":2"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(json, "\"total\":{\"points\":19,\"max\":37,\"percent\":51.4}"));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"own\":\"Zeile 1\\nZeile \\\"2\\\"\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"valid_until\":null"));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"rank\":5,\"question\":\"s2.b3\""));
	CU_ASSERT_PTR_NULL(strchr(json, '\t'));
	free(json);
	score_result_free(&r);
	session_free(s);
}

/* The text summary names the result, marks the minimum and lists the top 10. */
static void
test_format_text(void)
{
	struct session *s = new_session(form_order);
	struct score_result r;
	char *text;

	set_all(s, (const char *const[]){"s1.a2=nein", "s1.a3=ja", "s2.b1=nein",
	                                 "s2.b2=18", "meta.kommune=Erlenbach", NULL});
	score_compute(s, &r);
	text = score_format_text(s, &r);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Erlenbach"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "vorläufig nicht bestanden"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "2 Fragen noch offen"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "┃"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "█"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "unter dem Mindestwert"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Punkte bis zum Siegel: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "  5. s2.b3"));
	CU_ASSERT_PTR_NULL(strstr(text, "  6. "));
	CU_ASSERT_TRUE(utf8_valid(text, strlen(text), NULL));
	free(text);
	score_result_free(&r);

	set_all(s, (const char *const[]){"s1.a1=ja", "s1.a2=ja", "s2.b1=ja", "s2.b3=ja",
	                                 "meta.datum=2026-11-23", NULL});
	score_compute(s, &r);
	text = score_format_text(s, &r);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Ergebnis: bestanden"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Gültig bis: 2029-11-23"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Punkte bis zum Siegel: 0"));
	free(text);
	score_result_free(&r);
	session_free(s);
}

/* ---- properties over random answer sets for the bundled form ---- */

/* How many random answer sets the property test draws. */
#define PROPERTY_RUNS 1000

/* splitmix64: a small, seedable generator so a failure can be replayed. */
static uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform number in 0..n-1 (n > 0). */
static long
rng_below(uint64_t *state, long n)
{
	return (long)(rng_next(state) % (uint64_t)n);
}

/* Fill answer a with a random value for q: open, entfällt or given. */
static void
random_answer(uint64_t *st, const struct form_question *q, struct answer *a)
{
	long roll = rng_below(st, 100);

	answer_clear(a);
	if (roll < 15)
		return;
	if (roll < 25 && q->na_allowed) {
		a->state = ANSWER_NA;
		return;
	}
	a->state = ANSWER_GIVEN;
	switch (q->type) {
	case QUESTION_YESNO:
		a->number = rng_below(st, 2);
		break;
	case QUESTION_CHOICE:
		a->number = rng_below(st, (long)q->option_count);
		break;
	case QUESTION_MULTI:
		a->chosen = rng_next(st);
		if (q->option_count < 64)
			a->chosen &= (1ULL << q->option_count) - 1;
		break;
	case QUESTION_NUMBER: {
		const struct form_band *b = &q->bands[rng_below(st, (long)q->band_count)];
		long v = b->min + rng_below(st, 3) - 1;
		a->number =
		    rng_below(st, 4) == 0 ? rng_below(st, 100000) : (v < 0 ? 0 : v);
		break;
	}
	case QUESTION_SCALE:
		a->number = rng_below(st, q->scale_max + 1);
		break;
	case QUESTION_TEXT:
		a->text = xstrdup("Freitext");
		break;
	case QUESTION_DATE:
		a->text = xstrdup("2024-02-29");
		break;
	}
}

/* Answers for q that earn more than it earns now (at most max_out of them):
 * choice options and scale values with more points, the top bands, ja, and
 * multi selections with one more option. Returns how many. */
static size_t
better_answers(const struct form_question *q, const struct answer *now,
               struct answer *out, size_t max_out)
{
	int have = now->state == ANSWER_GIVEN ? answer_points(q, now) : 0;
	size_t n = 0;
	size_t count = 0;

	switch (q->type) {
	case QUESTION_YESNO:
		count = 2;
		break;
	case QUESTION_CHOICE:
		count = q->option_count;
		break;
	case QUESTION_MULTI:
		count = q->option_count;
		break;
	case QUESTION_NUMBER:
		count = q->band_count;
		break;
	case QUESTION_SCALE:
		count = (size_t)q->scale_max + 1;
		break;
	default:
		return 0;
	}
	for (size_t i = 0; i < count && n < max_out; i++) {
		struct answer c = {.state = ANSWER_GIVEN};
		switch (q->type) {
		case QUESTION_MULTI:
			c.chosen =
			    (now->state == ANSWER_GIVEN ? now->chosen : 0) | (1ULL << i);
			break;
		case QUESTION_NUMBER:
			c.number = q->bands[i].min;
			break;
		default:
			c.number = (long)i;
		}
		if (answer_points(q, &c) > have)
			out[n++] = c;
	}
	return n;
}

/* Check sums, ranges, visibility and pass/fail of r against an independent
 * recomputation from score_question_visible and answer_points. */
static void
check_invariants(const struct session *s, const struct score_result *r, unsigned long run)
{
	const struct form *f = s->form;
	long long sum_points = 0, sum_max = 0;
	int sections_ok = 1, failed = 0;

	for (size_t si = 0; si < f->section_count; si++) {
		long long points = 0, max = 0;
		for (size_t qi = f->sections[si].first;
		     qi < f->sections[si].first + f->sections[si].count; qi++) {
			const struct form_question *q = &f->questions[qi];
			const struct answer *a = &s->items[qi].answer;
			int visible = score_question_visible(s, qi);

			if (visible != r->question_visible[qi])
				failed = 1;
			if (!form_type_scored(q->type) ||
			    (visible && a->state == ANSWER_NA))
				continue;
			max += q->max_points;
			if (visible && a->state == ANSWER_GIVEN)
				points += answer_points(q, a);
		}
		if (points != r->sections[si].points || max != r->sections[si].max)
			failed = 1;
		if (points < 0 || points > max)
			failed = 1;
		if (r->sections[si].has_percent &&
		    (r->sections[si].percent < 0.0 || r->sections[si].percent > 100.0))
			failed = 1;
		if (max > 0 &&
		    points * 100 < (long long)f->pass_section_min_percent * max)
			sections_ok = 0;
		sum_points += points;
		sum_max += max;
	}
	if (sum_points + r->bonus != r->total || sum_max != r->max)
		failed = 1;
	if (s->meta.kind == AUDIT_FIRST && (r->bonus != 0 || r->total > r->max ||
	                                    r->percent < 0.0 || r->percent > 100.0))
		failed = 1;
	if (r->passed !=
	    (sum_max > 0 && sections_ok &&
	     (long long)r->total * 100 >= (long long)f->pass_total_percent * sum_max))
		failed = 1;
	if (r->passed ? r->missing != 0 : (sum_max > 0 && r->missing <= 0))
		failed = 1;
	if (r->provisional != (r->open > 0))
		failed = 1;
	CU_ASSERT_FALSE(failed);
	if (failed)
		fprintf(stderr, "invariant broken in run %lu\n", run);
}

/* 1,000 random answer sets: sums, ranges, monotonicity and pass/fail. */
static void
test_properties(void)
{
	const char *env = getenv("WA_SCORE_SEED");
	uint64_t seed = env != NULL && *env ? strtoull(env, NULL, 10) : 20230511ULL;
	uint64_t st = seed;
	char *path = test_srcfile("forms/wohnort-muster.yaml");
	struct form_errors errors = {0};
	struct form *f = form_load_file(path, &errors);
	struct session *s;
	unsigned long checks = 0, lowered = 0;

	printf("\n    property seed %llu (set WA_SCORE_SEED to replay)\n",
	       (unsigned long long)seed);
	form_errors_clear(&errors);
	free(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	s = session_new(f);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	str_replace(&s->meta.datum, "2024-02-29");

	for (unsigned long run = 0; run < PROPERTY_RUNS; run++) {
		struct score_result r;

		for (size_t qi = 0; qi < f->question_count; qi++)
			random_answer(&st, &f->questions[qi], &s->items[qi].answer);
		s->meta.kind = run % 2 ? AUDIT_RENEWAL : AUDIT_FIRST;
		for (int g = 0; g < f->goal_count && s->previous_status != NULL; g++)
			s->previous_status[g] = (enum goal_status)rng_below(&st, 4);
		score_compute(s, &r);
		check_invariants(s, &r, run);

		/* switching any answer to a higher-point one never lowers the total */
		for (size_t qi = 0; qi < f->question_count; qi++) {
			struct answer better[16], saved = s->items[qi].answer;
			size_t n = better_answers(&f->questions[qi], &saved, better, 16);

			for (size_t k = 0; k < n; k++) {
				struct score_result r2;
				s->items[qi].answer = better[k];
				score_compute(s, &r2);
				checks++;
				if (r2.total < r.total) {
					lowered++;
					fprintf(stderr,
					        "run %lu: a better answer to %s lowers "
					        "%d to %d\n",
					        run, f->questions[qi].full_id, r.total,
					        r2.total);
				}
				score_result_free(&r2);
			}
			s->items[qi].answer = saved;
		}
		score_result_free(&r);
	}
	printf("    %d runs, %lu better answers tried\n", PROPERTY_RUNS, checks);
	CU_ASSERT_EQUAL(lowered, 0);
	CU_ASSERT_TRUE(checks > 0);
	session_free(s);
}

/* ---- registration ---- */

/* Percents for screens: one decimal, comma, half up, like the formats. */
static void
test_percent_de(void)
{
	static const struct {
		int points, max;
		const char *want;
	} cases[] = {
	    {23, 26, "88,5"},  {0, 10, "0,0"}, {1, 3, "33,3"},      {2, 3, "66,7"},
	    {1, 8, "12,5"},    {1, 16, "6,3"}, {600, 1000, "60,0"}, {599, 1000, "59,9"},
	    {26, 26, "100,0"}, {1, 0, "–"},
	};
	char out[32];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		score_percent_de(cases[i].points, cases[i].max, out);
		CU_ASSERT_STRING_EQUAL(out, cases[i].want);
	}
}

/* Overdue evidence and conditional answers: one rule for screen and workbook. */
static void
test_evidence_markers(void)
{
	struct session *s = new_session(form_follow);
	size_t center = question(s, "w.center"), hours = question(s, "w.hours");
	size_t na1 = question(s, "leer.na1");

	set_all(s, (const char *const[]){"w.center=ja", "w.center:evidence=nachzureichen",
	                                 "w.center:evidence_due=2026-03-14", NULL});
	CU_ASSERT_TRUE(score_evidence_overdue(s, center, "2026-03-15"));
	CU_ASSERT_FALSE(score_evidence_overdue(s, center, "2026-03-14")); /* due today */
	CU_ASSERT_FALSE(score_evidence_overdue(s, center, "2026-03-13"));
	CU_ASSERT_FALSE(score_evidence_overdue(s, hours, "2030-01-01")); /* no evidence */
	CU_ASSERT_FALSE(score_conditional(s, center)); /* nachzureichen is not fehlt */

	set(s, "w.center:evidence", "fehlt");
	CU_ASSERT_FALSE(score_evidence_overdue(s, center, "2030-01-01"));
	CU_ASSERT_TRUE(
	    score_conditional(s, center)); /* Ja earns points, evidence fehlt */
	set(s, "w.center", "nein");
	CU_ASSERT_FALSE(
	    score_conditional(s, center)); /* no points: nothing conditional */

	/* a hidden follow-up never counts as conditional */
	set_all(s, (const char *const[]){"w.center=ja", "w.hours=lang",
	                                 "w.hours:evidence=fehlt", NULL});
	CU_ASSERT_TRUE(score_conditional(s, hours));
	set(s, "w.center", "nein");
	CU_ASSERT_FALSE(score_conditional(s, hours));

	set_all(s, (const char *const[]){"leer.na1=entfaellt", "leer.na1:evidence=fehlt",
	                                 NULL});
	CU_ASSERT_FALSE(score_conditional(s, na1));
	CU_ASSERT_FALSE(score_conditional(s, s->form->question_count)); /* out of range */
	session_free(s);
}

static CU_TestInfo score_tests[] = {
    {"points per type (multi cap, band at min)", test_points_per_type},
    {"unanswered and provisional", test_unanswered_and_provisional},
    {"show_if follow-ups and chains", test_visibility},
    {"hidden follow-up is recommended", test_hidden_recommended},
    {"entfällt and a section at max 0", test_entfaellt},
    {"all entfällt", test_all_entfaellt},
    {"thresholds and missing points", test_thresholds},
    {"60.0 % passes, 59.9 % fails", test_threshold_exact},
    {"Sonderpunkte", test_bonus},
    {"no Sonderpunkte in an Erstaudit", test_bonus_not_in_first_audit},
    {"Sonderpunkte only for existing previous goals", test_bonus_only_for_existing_goals},
    {"recommendation label", test_recommendation_label},
    {"valid until (leap day)", test_valid_until},
    {"valid until in the result", test_valid_until_in_result},
    {"recommendation order and summary", test_recommendation_order},
    {"recommendation texts", test_recommendation_texts},
    {"recommendation fallback for choice", test_recommendation_fallback},
    {"entfällt is not recommended", test_recommendation_entfaellt},
    {"tsv exactly", test_format_tsv},
    {"tsv percent rounding", test_format_percent_rounding},
    {"tsv text on one line", test_format_tsv_one_line},
    {"json", test_format_json},
    {"text", test_format_text},
    {"percent for screens", test_percent_de},
    {"overdue and conditional evidence", test_evidence_markers},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo property_tests[] = {
    {"1,000 random answer sets", test_properties},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"score", NULL, NULL, NULL, NULL, score_tests},
    {"score properties", NULL, NULL, NULL, NULL, property_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
