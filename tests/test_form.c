/*
 * test_form.c: CUnit tests of the form loader (src/model/form.c), SHA-256
 * (src/lib/sha256.c) and the IHK reference list (src/model/reference.c): every question
 * type loads with all derived fields, every error class is reported with its
 * line and column, the questions listing round-trips, the bundled Prüfbogen
 * and data/ihk.txt load. Does not test answers (test_answer.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/form.h"
#include "lib/sha256.h"
#include "model/reference.h"
#include "test_main.h"
#include "lib/util.h"

/* Seven lines of valid settings; sections start on line 8. */
#define HEAD                                                                             \
	"form: t\n"                                                                      \
	"title: T\n"                                                                     \
	"edition: 2023-05-11\n"                                                          \
	"pass: {total_percent: 60, section_min_percent: 40}\n"                           \
	"validity_years: {first: 3, renewal: 5}\n"                                       \
	"goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"     \
	"sections:\n"
/* Lines 8-10: a section whose questions start on line 11. */
#define SEC "  - id: s\n    title: S\n    questions:\n"
/* Lines 11-14: a valid yesno question s.a; the next line is 15. */
#define QA "      - id: a\n        type: yesno\n        text: A?\n        points: 2\n"

/* Load text from memory; errors go to *e. */
static struct form *
load(const char *text, struct form_errors *e)
{
	return form_load_string(text, strlen(text), "t.yaml", e);
}

/* ---- SHA-256 ---- */

static void
test_sha256_vectors(void)
{
	static const struct {
		const char *in;
		const char *hex;
	} v[] = {
	    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
	};
	char out[65];
	char *million;

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		sha256_hex(v[i].in, strlen(v[i].in), out);
		CU_ASSERT_STRING_EQUAL(out, v[i].hex);
	}
	/* FIPS 180-2 long message: one million 'a' */
	million = xmalloc(1000000);
	memset(million, 'a', 1000000);
	sha256_hex(million, 1000000, out);
	CU_ASSERT_STRING_EQUAL(
	    out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

/* ---- a valid form with every type ---- */

static const char valid_form[] = HEAD
    "  - id: s\n"
    "    title: S\n"
    "    questions:\n"
    "      - id: yn\n"
    "        type: yesno\n"
    "        text: Ja oder nein?\n"
    "        help: |\n"
    "          Zeile eins\n"
    "          Zeile zwei\n"
    "        evidence: Beleg\n"
    "        recommendation: Rat\n"
    "        na: true\n"
    "        points: 4\n"
    "      - id: ch\n"
    "        type: choice\n"
    "        text: Welche?\n"
    "        options:\n"
    "          - {id: x, label: X, points: 1}\n"
    "          - {id: y, label: Y, points: 5, recommendation: Besser}\n"
    "          - {id: z, label: Z, points: 2}\n"
    "      - id: mu\n"
    "        type: multi\n"
    "        show_if: ch=y\n"
    "        text: Welche alle?\n"
    "        max: 4\n"
    "        options:\n"
    "          - {id: a, label: A, points: 2}\n"
    "          - {id: b, label: B, points: 2}\n"
    "          - {id: c, label: C, points: 3}\n"
    "      - id: mu2\n"
    "        type: multi\n"
    "        text: Ohne Deckel\n"
    "        options:\n"
    "          - {id: a, label: A, points: 2}\n"
    "          - {id: b, label: B, points: 3}\n"
    "  - id: t\n"
    "    title: T2\n"
    "    questions:\n"
    "      - id: nu\n"
    "        type: number\n"
    "        text: Wie viele?\n"
    "        show_if: s.yn\n"
    "        bands: [{min: 10, points: 3}, {min: 0, points: 0}, {min: 5, points: 1}, "
    "{min: -5, points: 7}]\n"
    "      - id: sc\n"
    "        type: scale\n"
    "        text: Wie gut?\n"
    "        max: 2\n"
    "        labels: [schlecht, mittel, gut]\n"
    "      - id: sc2\n"
    "        type: scale\n"
    "        text: Ohne Labels\n"
    "        max: 5\n"
    "      - id: te\n"
    "        type: text\n"
    "        text: \"Notiz\\tmit Tab\"\n"
    "        show_if: s.mu=c\n"
    "      - id: da\n"
    "        type: date\n"
    "        text: Wann?\n";

static void
test_valid_every_type(void)
{
	struct form_errors e = {0};
	struct form *f = load(valid_form, &e);
	char want[65];

	CU_ASSERT_EQUAL_FATAL(e.count, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f->id, "t");
	CU_ASSERT_STRING_EQUAL(f->title, "T");
	CU_ASSERT_STRING_EQUAL(f->edition, "2023-05-11");
	CU_ASSERT_STRING_EQUAL(f->name, "t.yaml");
	CU_ASSERT_EQUAL(f->pass_total_percent, 60);
	CU_ASSERT_EQUAL(f->pass_section_min_percent, 40);
	CU_ASSERT_EQUAL(f->validity_first, 3);
	CU_ASSERT_EQUAL(f->validity_renewal, 5);
	CU_ASSERT_EQUAL(f->goal_count, 3);
	CU_ASSERT_EQUAL(f->bonus_reached, 3);
	CU_ASSERT_EQUAL(f->bonus_partial, 1);
	CU_ASSERT_EQUAL(f->bonus_not_reached, 0);
	CU_ASSERT_EQUAL(f->source_len, strlen(valid_form));
	CU_ASSERT_EQUAL(memcmp(f->source, valid_form, f->source_len), 0);
	sha256_hex(valid_form, strlen(valid_form), want);
	CU_ASSERT_STRING_EQUAL(f->sha256, want);

	CU_ASSERT_EQUAL_FATAL(f->section_count, 2);
	CU_ASSERT_EQUAL_FATAL(f->question_count, 9);
	CU_ASSERT_STRING_EQUAL(f->sections[0].id, "s");
	CU_ASSERT_STRING_EQUAL(f->sections[1].title, "T2");
	CU_ASSERT_EQUAL(f->sections[0].first, 0);
	CU_ASSERT_EQUAL(f->sections[0].count, 4);
	CU_ASSERT_EQUAL(f->sections[1].first, 4);
	CU_ASSERT_EQUAL(f->sections[1].count, 5);
	/* s: 4 + 5 + 4 (cap) + 5 (sum) ; t: 7 (best band) + 2 + 5 */
	CU_ASSERT_EQUAL(f->sections[0].max_points, 18);
	CU_ASSERT_EQUAL(f->sections[1].max_points, 14);

	const struct form_question *q = &f->questions[0];
	CU_ASSERT_STRING_EQUAL(q->id, "yn");
	CU_ASSERT_STRING_EQUAL(q->full_id, "s.yn");
	CU_ASSERT_EQUAL(q->type, QUESTION_YESNO);
	CU_ASSERT_STRING_EQUAL(q->help, "Zeile eins\nZeile zwei\n");
	CU_ASSERT_STRING_EQUAL(q->evidence, "Beleg");
	CU_ASSERT_STRING_EQUAL(q->recommendation, "Rat");
	CU_ASSERT_EQUAL(q->na_allowed, 1);
	CU_ASSERT_EQUAL(q->points, 4);
	CU_ASSERT_EQUAL(q->max_points, 4);
	CU_ASSERT_EQUAL(q->show_if_question, -1);
	CU_ASSERT_EQUAL(q->show_if_option, -1);
	CU_ASSERT_PTR_NULL(q->show_if);
	CU_ASSERT_EQUAL(q->line, 11);
	CU_ASSERT_EQUAL(q->column, 9);

	q = &f->questions[1];
	CU_ASSERT_EQUAL(q->type, QUESTION_CHOICE);
	CU_ASSERT_EQUAL(q->na_allowed, 0);
	CU_ASSERT_PTR_NULL(q->help);
	CU_ASSERT_EQUAL_FATAL(q->option_count, 3);
	CU_ASSERT_STRING_EQUAL(q->options[1].id, "y");
	CU_ASSERT_STRING_EQUAL(q->options[1].label, "Y");
	CU_ASSERT_STRING_EQUAL(q->options[1].recommendation, "Besser");
	CU_ASSERT_PTR_NULL(q->options[0].recommendation);
	CU_ASSERT_EQUAL(q->max_points, 5);

	q = &f->questions[2];
	CU_ASSERT_EQUAL(q->type, QUESTION_MULTI);
	CU_ASSERT_EQUAL(q->multi_cap, 4);
	CU_ASSERT_EQUAL(q->max_points, 4);
	CU_ASSERT_STRING_EQUAL(q->show_if, "ch=y");
	CU_ASSERT_EQUAL(q->show_if_question, 1);
	CU_ASSERT_EQUAL(q->show_if_option, 1);

	q = &f->questions[3];
	CU_ASSERT_EQUAL(q->multi_cap, -1);
	CU_ASSERT_EQUAL(q->max_points, 5);

	q = &f->questions[4];
	CU_ASSERT_EQUAL(q->type, QUESTION_NUMBER);
	CU_ASSERT_EQUAL(q->section, 1);
	CU_ASSERT_EQUAL_FATAL(q->band_count, 4);
	CU_ASSERT_EQUAL(q->bands[0].min, -5);
	CU_ASSERT_EQUAL(q->bands[1].min, 0);
	CU_ASSERT_EQUAL(q->bands[2].min, 5);
	CU_ASSERT_EQUAL(q->bands[3].min, 10);
	CU_ASSERT_EQUAL(q->bands[3].points, 3);
	CU_ASSERT_EQUAL(q->max_points, 7);
	CU_ASSERT_EQUAL(q->show_if_question, 0);
	CU_ASSERT_EQUAL(q->show_if_option, -1);

	q = &f->questions[5];
	CU_ASSERT_EQUAL(q->type, QUESTION_SCALE);
	CU_ASSERT_EQUAL(q->scale_max, 2);
	CU_ASSERT_EQUAL_FATAL(q->scale_label_count, 3);
	CU_ASSERT_STRING_EQUAL(q->scale_labels[2], "gut");
	CU_ASSERT_EQUAL(q->max_points, 2);
	CU_ASSERT_PTR_NULL(f->questions[6].scale_labels);
	CU_ASSERT_EQUAL(f->questions[6].max_points, 5);

	q = &f->questions[7];
	CU_ASSERT_EQUAL(q->type, QUESTION_TEXT);
	CU_ASSERT_EQUAL(q->max_points, 0);
	CU_ASSERT_EQUAL(q->show_if_question, 2);
	CU_ASSERT_EQUAL(q->show_if_option, 2);
	CU_ASSERT_EQUAL(f->questions[8].type, QUESTION_DATE);
	CU_ASSERT_EQUAL(f->questions[8].max_points, 0);

	/* lookups */
	CU_ASSERT_EQUAL(form_find_question(f, "t.sc"), 5);
	CU_ASSERT_EQUAL(form_find_question(f, "sc"), -1);
	CU_ASSERT_EQUAL(form_find_question(f, "s.sc"), -1);
	CU_ASSERT_EQUAL(form_find_section(f, "t"), 1);
	CU_ASSERT_EQUAL(form_find_section(f, "x"), -1);
	CU_ASSERT_EQUAL(form_find_option(&f->questions[1], "z"), 2);
	CU_ASSERT_EQUAL(form_find_option(&f->questions[1], "q"), -1);
	form_free(f);
	form_errors_clear(&e);
}

static void
test_type_names(void)
{
	static const struct {
		enum question_type type;
		const char *name;
		int scored;
	} t[] = {
	    {QUESTION_YESNO, "yesno", 1}, {QUESTION_CHOICE, "choice", 1},
	    {QUESTION_MULTI, "multi", 1}, {QUESTION_NUMBER, "number", 1},
	    {QUESTION_SCALE, "scale", 1}, {QUESTION_TEXT, "text", 0},
	    {QUESTION_DATE, "date", 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		CU_ASSERT_STRING_EQUAL(form_type_name(t[i].type), t[i].name);
		CU_ASSERT_EQUAL(form_type_scored(t[i].type), t[i].scored);
	}
}

/* A BOM is tolerated, and the positions on line 1 do not count it. */
static void
test_bom_tolerated(void)
{
	struct form_errors e = {0};
	char *text = xasprintf("\xef\xbb\xbf%s", valid_form);
	struct form *f = load(text, &e);

	CU_ASSERT_PTR_NOT_NULL(f);
	CU_ASSERT_EQUAL(e.count, 0);
	form_free(f);
	free(text);
	text = xasprintf("\xef\xbb\xbf"
	                 "form: T\n");
	f = load(text, &e);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT(e.count > 0);
	{
		/* the bad id is reported at line 1, column 7 (after "form: ") */
		int found = 0;
		for (size_t i = 0; i < e.count; i++)
			if (strstr(e.items[i].message, "invalid id 'T'") != NULL)
				found = e.items[i].line == 1 && e.items[i].column == 7;
		CU_ASSERT(found);
	}
	form_errors_clear(&e);
	/* and a bad byte on line 1 is counted without the BOM */
	free(text);
	text = xasprintf("\xef\xbb\xbf"
	                 "form: \xff\n");
	f = load(text, &e);
	CU_ASSERT_EQUAL_FATAL(e.count, 1);
	CU_ASSERT_EQUAL(e.items[0].line, 1);
	CU_ASSERT_EQUAL(e.items[0].column, 7);
	form_free(f);
	form_errors_clear(&e);
	free(text);
}

/* ---- every error class with its position ---- */

struct bad_case {
	const char *name;
	const char *text;
	size_t count; /* errors expected */
	int line, column;
	const char *message; /* substring of the message at line:column */
};

/* A multi question with n options, each on one line (from line 15). */
static char *
multi_with(size_t n)
{
	struct buf b = {0};
	buf_adds(&b, HEAD SEC QA "      - id: m\n        type: multi\n        text: M\n"
	                         "        options:\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "          - {id: o%zu, label: O, points: 1}\n", i);
	return buf_steal(&b);
}

static const struct bad_case bad_cases[] = {
    {"yaml syntax", HEAD SEC QA "      - id: [b\n", 1, 16, 1, "YAML syntax"},
    {"unknown key", HEAD SEC QA "        colour: red\n", 1, 15, 9,
     "unknown key 'colour'"},
    {"unknown top key", "extra: 1\n" HEAD SEC QA, 1, 1, 1, "unknown key 'extra'"},
    {"missing key type", HEAD SEC QA "      - id: b\n        text: B\n", 1, 15, 9,
     "missing key 'type'"},
    {"missing key sections",
     "form: t\ntitle: T\nedition: 2023-05-11\n"
     "pass: {total_percent: 60, section_min_percent: 40}\n"
     "validity_years: {first: 3, renewal: 5}\n"
     "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n",
     1, 1, 1, "missing key 'sections'"},
    {"missing bonus key",
     "form: t\ntitle: T\nedition: 2023-05-11\n"
     "pass: {total_percent: 60, section_min_percent: 40}\n"
     "validity_years: {first: 3, renewal: 5}\n"
     "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1}}\n"
     "sections:\n" SEC QA,
     1, 6, 26, "missing key 'nicht_erreicht'"},
    {"text is a mapping",
     HEAD SEC "      - id: a\n        type: yesno\n        text: {x: 1}\n"
              "        points: 2\n",
     1, 13, 15, "must be text"},
    {"na not boolean", HEAD SEC QA "        na: vielleicht\n", 1, 15, 13,
     "true or false"},
    {"sections not a list", HEAD "  x: 1\n", 1, 8, 3, "non-empty list"},
    {"points not integer",
     HEAD SEC "      - id: a\n        type: yesno\n        text: A\n"
              "        points: 2.5\n",
     1, 14, 17, "non-negative integer"},
    {"points quoted",
     HEAD SEC "      - id: a\n        type: yesno\n        text: A\n"
              "        points: \"2\"\n",
     1, 14, 17, "non-negative integer"},
    {"points negative",
     HEAD SEC "      - id: a\n        type: yesno\n        text: A\n"
              "        points: -1\n",
     1, 14, 17, "must not be negative"},
    {"option points negative",
     HEAD SEC QA "      - id: c\n        type: choice\n"
                 "        text: C\n        options:\n"
                 "          - {id: x, label: X, points: -3}\n",
     1, 19, 39, "must not be negative"},
    {"duplicate question id", HEAD SEC QA QA, 1, 15, 13, "duplicate question id 's.a'"},
    {"duplicate section id", HEAD SEC QA SEC QA, 2, 15, 9, "duplicate section id 's'"},
    {"duplicate option id",
     HEAD SEC QA "      - id: c\n        type: choice\n"
                 "        text: C\n        options:\n"
                 "          - {id: x, label: X, points: 1}\n"
                 "          - {id: x, label: Y, points: 2}\n",
     1, 20, 18, "duplicate option id 'x'"},
    {"duplicate key", HEAD SEC QA "        text: B\n", 1, 15, 9, "duplicate key 'text'"},
    {"id upper case",
     HEAD SEC "      - id: Gross\n        type: yesno\n        text: A\n"
              "        points: 1\n",
     1, 11, 13, "invalid id 'Gross'"},
    {"id with dash",
     HEAD SEC "      - id: a-b\n        type: yesno\n        text: A\n"
              "        points: 1\n",
     1, 11, 13, "invalid id 'a-b'"},
    {"id starts with digit", HEAD "  - id: 1s\n    title: S\n    questions:\n" QA, 1, 8,
     9, "invalid id '1s'"},
    {"reserved section id", HEAD "  - id: meta\n    title: S\n    questions:\n" QA, 1, 8,
     9, "reserved"},
    {"reserved section id checksum",
     HEAD "  - id: checksum\n    title: S\n    questions:\n" QA, 1, 8, 9, "reserved"},
    {"show_if unknown",
     HEAD SEC QA "      - id: b\n        type: text\n        text: B\n"
                 "        show_if: nope\n",
     1, 18, 18, "unknown question 's.nope'"},
    {"show_if unknown section",
     HEAD SEC QA "      - id: b\n        type: text\n"
                 "        text: B\n        show_if: x.a\n",
     1, 18, 18, "unknown question 'x.a'"},
    {"show_if self",
     HEAD SEC QA "      - id: b\n        type: yesno\n        text: B\n"
                 "        points: 1\n        show_if: b\n",
     1, 19, 18, "itself (a cycle)"},
    {"show_if later",
     HEAD SEC "      - id: b\n        type: text\n        text: B\n"
              "        show_if: a\n" QA,
     1, 14, 18, "comes later"},
    {"show_if cycle of two",
     HEAD SEC "      - id: a\n        type: yesno\n        text: A\n        points: 1\n"
              "        show_if: b\n"
              "      - id: b\n        type: yesno\n        text: B\n        points: 1\n"
              "        show_if: a\n",
     1, 15, 18, "forward reference or cycle"},
    {"show_if unknown option",
     HEAD SEC "      - id: c\n        type: choice\n"
              "        text: C\n        options:\n"
              "          - {id: x, label: X, points: 1}\n"
              "      - id: b\n        type: text\n        text: B\n"
              "        show_if: c=zz\n",
     1, 19, 18, "unknown option 'zz' of 's.c'"},
    {"show_if option of yesno",
     HEAD SEC QA "      - id: b\n        type: text\n"
                 "        text: B\n        show_if: a=ja\n",
     1, 18, 18, "only choice and multi"},
    {"show_if on text",
     HEAD SEC QA "      - id: t\n        type: text\n        text: T\n"
                 "      - id: b\n        type: text\n        text: B\n"
                 "        show_if: t\n",
     1, 21, 18, "never scores"},
    {"empty options",
     HEAD SEC QA "      - id: c\n        type: choice\n        text: C\n"
                 "        options: []\n",
     1, 18, 18, "non-empty list"},
    {"missing options",
     HEAD SEC QA "      - id: c\n        type: multi\n        text: C\n", 1, 15, 9,
     "missing key 'options'"},
    {"empty bands",
     HEAD SEC QA "      - id: n\n        type: number\n        text: N\n"
                 "        bands: []\n",
     1, 18, 16, "non-empty list"},
    {"same band twice",
     HEAD SEC QA "      - id: n\n        type: number\n        text: N\n"
                 "        bands: [{min: 1, points: 1}, {min: 1, points: 2}]\n",
     1, 18, 44, "two bands"},
    {"unknown type", HEAD SEC "      - id: a\n        type: fancy\n        text: A\n", 1,
     12, 15, "unknown type 'fancy'"},
    {"key of another type",
     HEAD SEC QA "      - id: c\n        type: choice\n"
                 "        text: C\n        points: 3\n        options:\n"
                 "          - {id: x, label: X, points: 1}\n",
     1, 18, 9, "does not belong to a choice"},
    {"scale labels count",
     HEAD SEC QA "      - id: s\n        type: scale\n        text: S\n"
                 "        max: 2\n        labels: [a, b]\n",
     1, 19, 17, "needs 3 entries"},
    {"scale max missing",
     HEAD SEC QA "      - id: s\n        type: scale\n        text: S\n", 1, 15, 9,
     "missing key 'max'"},
    {"multi cap above sum",
     HEAD SEC QA "      - id: m\n        type: multi\n        text: M\n"
                 "        max: 9\n        options:\n"
                 "          - {id: x, label: X, points: 1}\n",
     1, 18, 14, "more than all options"},
    {"section without points",
     HEAD SEC "      - id: t\n        type: text\n        text: T\n", 1, 8, 5,
     "no question that scores"},
    {"empty questions", HEAD "  - id: s\n    title: S\n    questions: []\n", 1, 10, 16,
     "non-empty list"},
    {"invalid utf-8",
     HEAD SEC "      - id: a\n        type: yesno\n        text: A\xc3\x28\n"
              "        points: 1\n",
     1, 13, 16, "invalid UTF-8"},
    {"invalid utf-8 after umlaut",
     HEAD SEC "      - id: a\n        type: yesno\n        text: Gr\xc3\xbc\xff\n        "
              "points: 1\n",
     1, 13, 18, "invalid UTF-8"},
    {"tab", HEAD SEC "      - id: a\n        type: yesno\n\ttext: A\n        points: 1\n",
     1, 13, 1, "tab character"},
    {"nul byte", "form: t\n\0", 1, 2, 1, "NUL"},
    {"bad edition",
     "form: t\ntitle: T\nedition: 2023-13-01\n"
     "pass: {total_percent: 60, section_min_percent: 40}\n"
     "validity_years: {first: 3, renewal: 5}\n"
     "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
     "sections:\n" SEC QA,
     1, 3, 10, "'edition' must be a date"},
    {"edition not a date",
     "form: t\ntitle: T\nedition: Mai 2023\n"
     "pass: {total_percent: 60, section_min_percent: 40}\n"
     "validity_years: {first: 3, renewal: 5}\n"
     "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
     "sections:\n" SEC QA,
     1, 3, 10, "'edition' must be a date"},
    {"percent above 100",
     "form: t\ntitle: T\nedition: 2023-05-11\n"
     "pass: {total_percent: 101, section_min_percent: 40}\n"
     "validity_years: {first: 3, renewal: 5}\n"
     "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
     "sections:\n" SEC QA,
     1, 4, 23, "between 0 and 100"},
    {"percent negative",
     "form: t\ntitle: T\nedition: 2023-05-11\n"
     "pass: {total_percent: 60, section_min_percent: -1}\n"
     "validity_years: {first: 3, renewal: 5}\n"
     "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
     "sections:\n" SEC QA,
     1, 4, 48, "must not be negative"},
    {"alias",
     HEAD SEC "      - id: a\n        type: yesno\n        text: &t A\n"
              "        points: 1\n      - id: b\n        type: yesno\n        text: *t\n"
              "        points: 1\n",
     1, 17, 15, "aliases"},
    {"two documents", HEAD SEC QA "---\nform: u\n", 1, 15, 1,
     "exactly one YAML document"},
    {"not a mapping", "- a\n- b\n", 1, 1, 1, "must be a mapping"},
    /* empty values have no mark in libfyaml: they are placed at the ':'
     * after their key or at the '-' of the item */
    {"empty id",
     HEAD SEC QA "      - id:\n        type: yesno\n        text: B\n"
                 "        points: 1\n",
     1, 15, 11, "'id' in question 's.?' is empty"},
    {"comment as id",
     HEAD SEC QA "      - id: #b\n        type: yesno\n        text: B\n"
                 "        points: 1\n",
     1, 15, 11, "'id' in question 's.?' is empty"},
    {"empty type", HEAD SEC QA "      - id: b\n        type:\n        text: B\n", 1, 16,
     13, "'type' in question 's.b' is empty"},
    {"empty questions", HEAD "  - id: s\n    title: S\n    questions:\n", 1, 10, 14,
     "'questions' of section 's' must be a non-empty list"},
    {"empty options",
     HEAD SEC QA
     "      - id: c\n        type: choice\n        text: C\n        options:\n",
     1, 18, 16, "'options' of question 's.c' must be a non-empty list"},
    {"bare dash", HEAD SEC QA "      -\n", 1, 15, 7, "a question must be a mapping"},
    {"bare dash after a comment", HEAD SEC QA "      # nichts\n      -\n", 1, 16, 7,
     "a question must be a mapping"},
    {"unsupported YAML version", "%YAML 2.0\n---\n" HEAD SEC QA, 1, 1, 1,
     "YAML syntax: unsupport"},
    {"trailing document marker", HEAD SEC QA "---\n", 1, 15, 1,
     "exactly one YAML document"},
};

static void
test_errors_table(void)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		struct form_errors e = {0};
		/* "nul byte" has an embedded NUL: its length is the literal's */
		size_t len = strcmp(c->name, "nul byte") == 0 ? 9 : strlen(c->text);
		struct form *f = form_load_string(c->text, len, "t.yaml", &e);
		int found = 0;

		for (size_t j = 0; j < e.count; j++)
			if (e.items[j].line == c->line &&
			    e.items[j].column == c->column &&
			    strstr(e.items[j].message, c->message) != NULL)
				found = 1;
		if (f != NULL || !found || e.count != c->count) {
			char *all = form_errors_format(&e);
			fprintf(stderr,
			        "\ncase '%s': want %zu error(s), %d:%d %s; got:\n%s",
			        c->name, c->count, c->line, c->column, c->message, all);
			free(all);
		}
		CU_ASSERT_PTR_NULL(f);
		CU_ASSERT(found);
		CU_ASSERT_EQUAL(e.count, c->count);
		for (size_t j = 0; j < e.count; j++)
			CU_ASSERT_STRING_EQUAL(e.items[j].file, "t.yaml");
		form_free(f);
		form_errors_clear(&e);
	}
}

/* More than 64 options in a multi is refused; exactly 64 is fine. */
static void
test_multi_option_limit(void)
{
	struct form_errors e = {0};
	char *text = multi_with(FORM_MULTI_MAX_OPTIONS);
	struct form *f = load(text, &e);

	CU_ASSERT_PTR_NOT_NULL(f);
	if (f)
		CU_ASSERT_EQUAL(f->questions[1].max_points, FORM_MULTI_MAX_OPTIONS);
	form_free(f);
	free(text);
	text = multi_with(FORM_MULTI_MAX_OPTIONS + 1);
	f = load(text, &e);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL_FATAL(e.count, 1);
	CU_ASSERT_EQUAL(e.items[0].line, 19);
	CU_ASSERT_EQUAL(e.items[0].column, 11);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.items[0].message, "at most 64 options"));
	form_free(f);
	free(text);
	form_errors_clear(&e);
}

/* All errors are collected, sorted by position, and formatted one per line. */
static void
test_all_errors_collected(void)
{
	static const char text[] =
	    "form: t\ntitle: T\nedition: 2023-02-30\n"
	    "pass: {total_percent: 60, section_min_percent: 400}\n"
	    "validity_years: {first: 3, renewal: 5}\n"
	    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
	    "sections:\n" SEC
	    "      - id: a\n        type: yesno\n        text: A\n        points: x\n"
	    "        show_if: zz\n";
	struct form_errors e = {0};
	struct form *f = load(text, &e);
	char *out;

	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL_FATAL(e.count, 4);
	CU_ASSERT_EQUAL(e.items[0].line, 3);
	CU_ASSERT_EQUAL(e.items[1].line, 4);
	CU_ASSERT_EQUAL(e.items[2].line, 14);
	CU_ASSERT_EQUAL(e.items[3].line, 15);
	out = form_errors_format(&e);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "t.yaml:3:10: 'edition' must be a date"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\nt.yaml:4:48: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\nt.yaml:14:17: 'points'"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\nt.yaml:15:18: show_if refers to unknown"));
	CU_ASSERT_EQUAL(out[strlen(out) - 1], '\n');
	free(out);
	/* errors accumulate across loads until cleared */
	f = load("", &e);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL(e.count, 5);
	CU_ASSERT_EQUAL(e.items[4].line, 0);
	out = form_errors_format(&e);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\nt.yaml: the file is empty"));
	free(out);
	form_errors_clear(&e);
	CU_ASSERT_EQUAL(e.count, 0);
	CU_ASSERT_PTR_NULL(e.items);
	out = form_errors_format(&e);
	CU_ASSERT_STRING_EQUAL(out, "");
	free(out);
}

/* A huge or multi-line value is quoted shortened, never echoed whole. */
static void
test_long_values_shortened(void)
{
	struct form_errors e = {0};
	struct buf b = {0};
	struct form *f;

	buf_adds(&b, HEAD SEC "      - id: a\n        type: \"");
	for (int i = 0; i < 100000; i++)
		buf_adds(&b, "ü");
	buf_adds(&b, "\\nzweite Zeile\"\n        text: A\n");
	f = load(b.data, &e);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL_FATAL(e.count, 1);
	CU_ASSERT_EQUAL(e.items[0].line, 12);
	CU_ASSERT(strlen(e.items[0].message) < 300);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.items[0].message, "unknown type 'üüü"));
	CU_ASSERT_PTR_NOT_NULL(strstr(e.items[0].message, "ü…'"));
	CU_ASSERT_PTR_NULL(strchr(e.items[0].message, '\n'));
	form_free(f);
	form_errors_clear(&e);
	buf_free(&b);
}

static void
test_missing_file(void)
{
	struct form_errors e = {0};
	struct form *f = form_load_file("/nonexistent/dir/x.yaml", &e);
	char *out;

	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL_FATAL(e.count, 1);
	CU_ASSERT_EQUAL(e.items[0].line, 0);
	out = form_errors_format(&e);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "/nonexistent/dir/x.yaml"));
	free(out);
	form_errors_clear(&e);
	/* a directory is refused without reading it */
	f = form_load_file("/", &e);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL_FATAL(e.count, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.items[0].message, "directory"));
	form_errors_clear(&e);
	form_free(NULL);
	form_errors_clear(NULL);
}

/* Split a tab-separated line into at most n fields (in place). */
static size_t
split_tabs(char *line, char **fields, size_t n)
{
	size_t count = 0;
	while (count < n) {
		fields[count++] = line;
		line = strchr(line, '\t');
		if (line == NULL)
			break;
		*line++ = '\0';
	}
	return count;
}

/* Each questions line names its question and carries the form's values. */
static void
check_round_trip(const struct form *f)
{
	for (size_t i = 0; i < f->question_count; i++) {
		const struct form_question *q = &f->questions[i];
		char *line = form_question_tsv(f, i), *fields[7];
		size_t n = split_tabs(line, fields, 7);

		CU_ASSERT_EQUAL_FATAL(n, 6);
		CU_ASSERT_EQUAL(form_find_question(f, fields[0]), (int)i);
		CU_ASSERT_EQUAL(form_find_section(f, fields[1]), (int)q->section);
		CU_ASSERT_STRING_EQUAL(fields[2], form_type_name(q->type));
		CU_ASSERT_EQUAL(atoi(fields[3]), q->max_points);
		if (strcmp(fields[4], "-") == 0) {
			CU_ASSERT_EQUAL(q->show_if_question, -1);
		} else {
			char *eq = strchr(fields[4], '=');
			if (eq != NULL)
				*eq++ = '\0';
			CU_ASSERT_EQUAL(form_find_question(f, fields[4]),
			                q->show_if_question);
			CU_ASSERT_EQUAL(
			    eq ? form_find_option(&f->questions[q->show_if_question], eq)
			       : -1,
			    q->show_if_option);
		}
		CU_ASSERT_PTR_NULL(strchr(fields[5], '\n'));
		if (strchr(q->text, '\t') == NULL)
			CU_ASSERT_STRING_EQUAL(fields[5], q->text);
		free(line);
	}
}

static void
test_questions_round_trip(void)
{
	struct form_errors e = {0};
	struct form *f = load(valid_form, &e);
	char *line;

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	check_round_trip(f);
	line = form_question_tsv(f, 2);
	CU_ASSERT_STRING_EQUAL(line, "s.mu\ts\tmulti\t4\ts.ch=y\tWelche alle?");
	free(line);
	line = form_question_tsv(f, 7);
	CU_ASSERT_STRING_EQUAL(line, "t.te\tt\ttext\t0\ts.mu=c\tNotiz mit Tab");
	free(line);
	form_free(f);
}

/* The bundled Prüfbogen loads and has the structure the issue asks for. */
static void
test_bundled_form(void)
{
	static const char *const ids[] = {"strategie", "zuzug", "familie",
	                                  "international", "lebensqualitaet"};
	struct form_errors e = {0};
	char *path = test_srcfile("forms/wohnort-muster.yaml");
	struct form *f = form_load_file(path, &e);
	unsigned types = 0;
	int show_if = 0, na = 0;

	if (e.count > 0) {
		char *all = form_errors_format(&e);
		fputs(all, stderr);
		free(all);
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f->id, "wohnort-muster");
	CU_ASSERT_EQUAL(f->pass_total_percent, 60);
	CU_ASSERT_EQUAL(f->pass_section_min_percent, 40);
	CU_ASSERT_EQUAL(f->validity_first, 3);
	CU_ASSERT_EQUAL(f->validity_renewal, 5);
	CU_ASSERT_EQUAL(f->goal_count, 3);
	CU_ASSERT_EQUAL(f->bonus_reached, 3);
	CU_ASSERT_EQUAL(f->bonus_partial, 1);
	CU_ASSERT_EQUAL(f->bonus_not_reached, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(f->source, "MODELLAUSGABE"));
	CU_ASSERT_EQUAL_FATAL(f->section_count, 5);
	for (size_t s = 0; s < 5; s++) {
		const struct form_section *sec = &f->sections[s];
		int scored = 0;
		CU_ASSERT_STRING_EQUAL(sec->id, ids[s]);
		for (size_t i = sec->first; i < sec->first + sec->count; i++)
			scored += form_type_scored(f->questions[i].type);
		CU_ASSERT(scored >= 6 && scored <= 12);
		for (size_t t = 0; t < s; t++)
			CU_ASSERT_NOT_EQUAL(sec->max_points, f->sections[t].max_points);
	}
	for (size_t i = 0; i < f->question_count; i++) {
		const struct form_question *q = &f->questions[i];
		types |= 1u << q->type;
		show_if += q->show_if_question >= 0;
		na += q->na_allowed;
		if (form_type_scored(q->type)) {
			CU_ASSERT(q->max_points > 0);
			CU_ASSERT_PTR_NOT_NULL(q->evidence);
		}
	}
	CU_ASSERT_EQUAL(types, (1u << (QUESTION_DATE + 1)) - 1);
	CU_ASSERT(show_if >= 3);
	CU_ASSERT(na >= 1);
	check_round_trip(f);
	form_free(f);
	free(path);
}

/* ---- data/ihk.txt and reference_ihk_load ---- */

static void
test_reference_ihk_bundled(void)
{
	char *path = test_srcfile("data/ihk.txt"), *why = NULL;
	struct reference_ihk *list = NULL;
	size_t n = 0;
	int limburg = -1, ostwuerttemberg = -1;

	CU_ASSERT_EQUAL_FATAL(reference_ihk_load(path, &list, &n, &why), 0);
	CU_ASSERT_EQUAL(n, 10);
	for (size_t i = 0; i < n; i++) {
		CU_ASSERT(strncmp(list[i].name, "IHK ", 4) == 0);
		CU_ASSERT(list[i].area[0] != '\0');
		if (strcmp(list[i].name, "IHK Limburg") == 0)
			limburg = (int)i;
		if (strcmp(list[i].name, "IHK Ostwürttemberg") == 0)
			ostwuerttemberg = (int)i;
	}
	CU_ASSERT(limburg >= 0);
	CU_ASSERT(ostwuerttemberg >= 0);
	if (limburg >= 0)
		CU_ASSERT_STRING_EQUAL(list[limburg].area, "Landkreis Limburg-Weilburg");
	reference_ihk_free(list, n);
	reference_ihk_free(NULL, 0);
	free(path);
}

static void
test_reference_ihk_errors(void)
{
	static const struct {
		const char *text;
		int ok;
		size_t count;
		const char *why; /* substring of *why when not ok */
	} cases[] = {
	    {"# nur Kommentar\n\n", 1, 0, NULL},
	    {"IHK A|Gebiet A\r\nIHK B|\n  # eingerückter Kommentar\nIHK C | Gebiet C ", 1,
	     3, NULL},
	    {"IHK A|x\nohne Trenner\n", 0, 0, ":2: expected"},
	    {"IHK A|x\n|Gebiet\n", 0, 0, ":2: empty IHK name"},
	    {"IHK A|x\nIHK A|y\n", 0, 0, ":2: 'IHK A' is listed twice"},
	    {"IHK A|x|y\n", 0, 0, ":1: more than one"},
	    {"IHK A|x\nIHK \xff|y\n", 0, 0, ":2: invalid UTF-8"},
	};
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/ihk.txt", dir);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct reference_ihk *list = NULL;
		size_t n = 99;
		char *why = NULL;
		FILE *fp = fopen(path, "w");
		int rc;

		CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
		fputs(cases[i].text, fp);
		CU_ASSERT_EQUAL(fclose(fp), 0);
		rc = reference_ihk_load(path, &list, &n, &why);
		CU_ASSERT_EQUAL(rc, cases[i].ok ? 0 : -1);
		if (cases[i].ok) {
			CU_ASSERT_EQUAL(n, cases[i].count);
		} else {
			CU_ASSERT_EQUAL(n, 99);
			CU_ASSERT_PTR_NOT_NULL(why);
			if (why != NULL)
				CU_ASSERT_PTR_NOT_NULL(strstr(why, cases[i].why));
		}
		if (i == 1 && rc == 0 && n == 3) {
			CU_ASSERT_STRING_EQUAL(list[0].area, "Gebiet A");
			CU_ASSERT_STRING_EQUAL(list[1].area, "");
			CU_ASSERT_STRING_EQUAL(list[2].name, "IHK C");
			CU_ASSERT_STRING_EQUAL(list[2].area, "Gebiet C");
		}
		reference_ihk_free(list, rc == 0 ? n : 0);
		free(why);
	}
	{
		struct reference_ihk *list = NULL;
		size_t n = 0;
		char *why = NULL;
		CU_ASSERT_EQUAL(
		    reference_ihk_load("/nonexistent/ihk.txt", &list, &n, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why);
		free(why);
	}
	test_rmtree(dir);
	free(path);
	free(dir);
}

static CU_TestInfo form_tests[] = {
    {"sha256 FIPS vectors", test_sha256_vectors},
    {"valid form with every type", test_valid_every_type},
    {"type names", test_type_names},
    {"BOM tolerated", test_bom_tolerated},
    {"error classes with line and column", test_errors_table},
    {"multi option limit", test_multi_option_limit},
    {"all errors collected and formatted", test_all_errors_collected},
    {"long values shortened in messages", test_long_values_shortened},
    {"missing file", test_missing_file},
    {"questions listing round trip", test_questions_round_trip},
    {"bundled Prüfbogen", test_bundled_form},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo reference_tests[] = {
    {"bundled IHK list", test_reference_ihk_bundled},
    {"IHK list errors", test_reference_ihk_errors},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"form", NULL, NULL, NULL, NULL, form_tests},
    {"reference", NULL, NULL, NULL, NULL, reference_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
