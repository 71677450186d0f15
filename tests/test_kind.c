/*
 * test_kind.c: CUnit tests of src/model/kind.c and the kind files: the
 * table is well-formed (one row per type, unique names, the hooks each
 * input style needs); every kind parses and formats its values round trip
 * and gives the labels, points and messages it gave before the table
 * existed; the interview's input style, typing filter, hints, shortcuts and
 * list rows are those the interview screen used to compute itself; the
 * loader derives its key lists and messages from the table.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/answer.h"
#include "model/form.h"
#include "model/kind.h"
#include "test_main.h"

#define FORM_HEAD                                                                        \
	"form: t\ntitle: T\nedition: 2023-05-11\n"                                       \
	"pass: {total_percent: 60, section_min_percent: 40}\n"                           \
	"validity_years: {first: 3, renewal: 5}\n"                                       \
	"goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"     \
	"sections:\n"                                                                    \
	"  - id: s\n    title: S\n    questions:\n"

static const char kind_form[] =
    FORM_HEAD "      - {id: yn, type: yesno, text: Y, points: 4, na: true}\n"
              "      - id: ch\n        type: choice\n        text: C\n        options:\n"
              "          - {id: x, label: Ix, points: 0}\n"
              "          - {id: y, label: Ypsilon, points: 5}\n"
              "      - id: mu\n        type: multi\n        text: M\n        max: 4\n"
              "        na: true\n        options:\n"
              "          - {id: a, label: Alpha, points: 2}\n"
              "          - {id: b, label: Beta, points: 1}\n"
              "          - {id: c, label: Gamma, points: 3}\n"
              "      - id: nu\n        type: number\n        text: N\n        min: -5\n"
              "        max: 20\n"
              "        bands: [{min: 0, points: 1}, {min: 10, points: 3}]\n"
              "      - id: sc\n        type: scale\n        text: S\n        max: 3\n"
              "        labels: [nie, selten, oft, immer]\n"
              "      - {id: sc12, type: scale, text: S, max: 12}\n"
              "      - {id: te, type: text, text: T}\n"
              "      - {id: da, type: date, text: D}\n"
              "      - {id: np, type: number, text: P, bands: [{min: 0, points: 1}]}\n";

static struct form *form;

static int
suite_init(void)
{
	struct form_errors e = {0};

	/* text typing follows iswprint, which needs a UTF-8 LC_CTYPE */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "de_DE.UTF-8");
	form = form_load_string(kind_form, strlen(kind_form), "kind.yaml", &e);
	if (form == NULL) {
		char *m = form_errors_format(&e);
		fputs(m, stderr);
		free(m);
	}
	form_errors_clear(&e);
	return form == NULL;
}

static int
suite_clean(void)
{
	form_free(form);
	return 0;
}

/* The question s.ID. */
static const struct form_question *
question(const char *id)
{
	char *full = xasprintf("s.%s", id);
	int i = form_find_question(form, full);
	free(full);
	CU_ASSERT_FATAL(i >= 0);
	return &form->questions[i];
}

/* One row per type, named as before, with the hooks its input style needs. */
static void
test_table_wellformed(void)
{
	static const struct {
		enum question_type type;
		const char *name, *label;
		int scored;
	} rows[] = {
	    {QUESTION_YESNO, "yesno", "Ja/Nein", 1},
	    {QUESTION_CHOICE, "choice", "Auswahl", 1},
	    {QUESTION_MULTI, "multi", "Mehrfachauswahl", 1},
	    {QUESTION_NUMBER, "number", "Zahl", 1},
	    {QUESTION_SCALE, "scale", "Skala", 1},
	    {QUESTION_TEXT, "text", "Text", 0},
	    {QUESTION_DATE, "date", "Datum", 0},
	};
	static const char *const common[] = {
	    "id", "type", "text", "help", "evidence", "recommendation", "na", "show_if"};
	char *names;

	CU_ASSERT_EQUAL(sizeof rows / sizeof rows[0], QUESTION_TYPE_COUNT);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct question_kind *k = kind_get(rows[i].type);
		CU_ASSERT_PTR_NOT_NULL_FATAL(k);
		CU_ASSERT_STRING_EQUAL(k->name, rows[i].name);
		CU_ASSERT_STRING_EQUAL(k->label, rows[i].label);
		CU_ASSERT_EQUAL(k->scored, rows[i].scored);
		CU_ASSERT_EQUAL(kind_find(rows[i].name), (int)rows[i].type);
		CU_ASSERT_STRING_EQUAL(form_type_name(rows[i].type), rows[i].name);
		CU_ASSERT_EQUAL(form_type_scored(rows[i].type), rows[i].scored);
		CU_ASSERT_PTR_NOT_NULL(k->parse);
		CU_ASSERT_PTR_NOT_NULL(k->expected);
		CU_ASSERT_PTR_NOT_NULL(k->format);
		CU_ASSERT_PTR_NOT_NULL(k->label_of);
		CU_ASSERT_PTR_NOT_NULL(k->input);
		if (k->scored) {
			CU_ASSERT_PTR_NOT_NULL(k->points);
			CU_ASSERT_PTR_NOT_NULL(k->max_points);
		}
		if (k->options)
			CU_ASSERT_PTR_NOT_NULL(k->option_chosen);
		/* a list kind has every list hook; a typed one a filter */
		if (k->list_rows != NULL) {
			CU_ASSERT_PTR_NOT_NULL(k->list_label);
			CU_ASSERT_PTR_NOT_NULL(k->list_value);
			CU_ASSERT(k->list_multiple || k->list_row != NULL);
		}
		for (size_t j = 0; k->keys != NULL && k->keys[j] != NULL; j++)
			for (size_t c = 0; c < sizeof common / sizeof common[0]; c++)
				CU_ASSERT(strcmp(k->keys[j], common[c]) != 0);
		for (size_t j = 0; j < i; j++)
			CU_ASSERT(strcmp(kind_get(rows[j].type)->name, k->name) != 0);
	}
	CU_ASSERT_PTR_NULL(kind_get((enum question_type)QUESTION_TYPE_COUNT));
	CU_ASSERT_PTR_NULL(kind_get((enum question_type) - 1));
	CU_ASSERT_EQUAL(kind_find("fancy"), -1);
	CU_ASSERT_EQUAL(kind_find(""), -1);
	names = kind_names(", ");
	CU_ASSERT_STRING_EQUAL(names, "yesno, choice, multi, number, scale, text, date");
	free(names);
	/* every question of the test form has its kind */
	for (size_t i = 0; i < form->question_count; i++)
		CU_ASSERT_PTR_EQUAL(kind_of(&form->questions[i]),
		                    kind_get(form->questions[i].type));
}

/* A value, its canonical form, label, display, editor text and points, as
 * answer.c gave them before the kind table. */
struct value_case {
	const char *question, *value;
	const char *format, *label, *shown, *editable;
	int points;
};

static const struct value_case value_cases[] = {
    {"yn", "ja", "ja", "Ja", "Ja", "ja", 4},
    {"yn", "nein", "nein", "Nein", "Nein", "nein", 0},
    {"yn", "entfaellt", "entfaellt", "entfällt", "entfällt", NULL, 0},
    {"yn", "entfällt", "entfaellt", "entfällt", "entfällt", NULL, 0},
    {"ch", "y", "y", "Ypsilon", "Ypsilon", "y", 5},
    {"ch", "x", "x", "Ix", "Ix", "x", 0},
    {"mu", "a,c", "a,c", "Alpha, Gamma", "Alpha, Gamma", "a,c", 4}, /* capped */
    {"mu", " c , a ", "a,c", "Alpha, Gamma", "Alpha, Gamma", "a,c", 4},
    {"mu", "b", "b", "Beta", "Beta", "b", 1},
    {"mu", "", "", "keine Auswahl", "keine Auswahl", "", 0},
    {"nu", "-5", "-5", "-5", "-5", "-5", 0},
    {"nu", "0", "0", "0", "0", "0", 1},
    {"nu", "10", "10", "10", "10", "10", 3},
    {"nu", "+7", "7", "7", "7", "7", 1},
    {"sc", "2", "2", "2 (oft)", "2 (oft)", "2", 2},
    {"sc12", "12", "12", "12 von 12", "12 von 12", "12", 12},
    {"te", "Ein Text, mit Komma", "Ein Text, mit Komma", "Ein Text, mit Komma",
     "Ein Text, mit Komma", "Ein Text, mit Komma", 0},
    {"da", "14.3.26", "2026-03-14", "2026-03-14", "14.03.2026", "14.03.2026", 0},
    {"da", "2024-02-29", "2024-02-29", "2024-02-29", "29.02.2024", "29.02.2024", 0},
};

/* Each value parses, formats canonically, and its canonical form parses to
 * the same answer again (round trip). */
static void
test_values_round_trip(void)
{
	for (size_t i = 0; i < sizeof value_cases / sizeof value_cases[0]; i++) {
		const struct value_case *c = &value_cases[i];
		const struct form_question *q = question(c->question);
		struct answer a = {0}, again = {0};
		char *why = NULL, *format, *label, *shown, *editable, *format2;

		CU_ASSERT_EQUAL_FATAL(answer_parse(q, c->value, &a, &why), 0);
		format = answer_format(q, &a);
		label = answer_label(q, &a);
		shown = answer_display(q, &a);
		editable = answer_editable(q, &a);
		CU_ASSERT_STRING_EQUAL(format, c->format);
		CU_ASSERT_STRING_EQUAL(label, c->label);
		CU_ASSERT_STRING_EQUAL(shown, c->shown);
		if (c->editable == NULL) {
			CU_ASSERT_PTR_NULL(editable);
		} else {
			CU_ASSERT_STRING_EQUAL(editable, c->editable);
		}
		CU_ASSERT_EQUAL(answer_points(q, &a), c->points);
		CU_ASSERT_EQUAL_FATAL(answer_parse(q, format, &again, &why), 0);
		format2 = answer_format(q, &again);
		CU_ASSERT_STRING_EQUAL(format2, format);
		CU_ASSERT_EQUAL(again.state, a.state);
		CU_ASSERT_EQUAL(again.number, a.number);
		CU_ASSERT_EQUAL(again.chosen, a.chosen);
		if (editable != NULL) {
			/* what the editor shows is accepted back unchanged */
			struct answer edited = {0};
			char *f3;
			CU_ASSERT_EQUAL(answer_parse(q, editable, &edited, &why), 0);
			f3 = answer_format(q, &edited);
			CU_ASSERT_STRING_EQUAL(f3, format);
			free(f3);
			answer_clear(&edited);
		}
		free(format);
		free(format2);
		free(label);
		free(shown);
		free(editable);
		answer_clear(&a);
		answer_clear(&again);
	}
}

/* Refusals: the messages answer.c wrote before (each says what to type). */
static void
test_refusals(void)
{
	static const struct {
		const char *question, *value, *why;
	} cases[] = {
	    {"yn", "vielleicht",
	     "bitte „ja“, „nein“ oder „entfaellt“ angeben, nicht „vielleicht“"},
	    {"ch", "z", "„z“ ist keine Option (Optionen: x, y)"},
	    {"ch", "entfaellt", "„entfällt“ ist bei dieser Frage nicht erlaubt"},
	    {"mu", "a,a", "Option „a“ ist doppelt angegeben"},
	    {"mu", "a,zz",
	     "„zz“ ist keine Option (Optionen: a, b, c; mehrere mit Komma "
	     "trennen)"},
	    {"nu", "21",
	     "„21“ ist zu groß – bitte eine ganze Zahl von -5 bis 20 eingeben"},
	    {"nu", "-6",
	     "„-6“ ist zu klein – bitte eine ganze Zahl von -5 bis 20 eingeben"},
	    {"nu", "3,5",
	     "„3,5“ ist keine ganze Zahl – bitte eine ganze Zahl von -5 bis "
	     "20 eingeben"},
	    {"sc", "4", "„4“ passt nicht – bitte eine ganze Zahl von 0 bis 3 eingeben"},
	    {"da", "31.04.2026",
	     "Den 31.04.2026 gibt es nicht – bitte ein gültiges Datum "
	     "eingeben"},
	    {"te", "\xff", "der Wert ist kein gültiges UTF-8"},
	    {"np", "12345678901234567890",
	     "„1234567890123456…“ ist keine ganze Zahl – bitte eine ganze Zahl ab 0 "
	     "eingeben"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct answer a = {ANSWER_GIVEN, 42, 7, NULL};
		char *why = NULL;
		CU_ASSERT_EQUAL(
		    answer_parse(question(cases[i].question), cases[i].value, &a, &why),
		    -1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(why);
		if (strcmp(why, cases[i].why) != 0)
			fprintf(stderr, "\n%s=%s: %s\n", cases[i].question,
			        cases[i].value, why);
		CU_ASSERT_STRING_EQUAL(why, cases[i].why);
		/* untouched on failure */
		CU_ASSERT_EQUAL(a.number, 42);
		CU_ASSERT_EQUAL(a.chosen, 7);
		free(why);
	}
}

/* Maxima and what a person is asked to type. */
static void
test_max_and_expected(void)
{
	static const struct {
		const char *question;
		int max;
		const char *expected;
	} cases[] = {
	    {"yn", 4, "„ja“ oder „nein“"},
	    {"ch", 5, "eine Option (x, y)"},
	    {"mu", 4, "Optionen, mit Komma getrennt (a, b, c)"},
	    {"nu", 3, "eine ganze Zahl von -5 bis 20"},
	    {"np", 1, "eine ganze Zahl ab 0"},
	    {"sc", 3, "eine ganze Zahl von 0 bis 3"},
	    {"te", 0, "einen Text"},
	    {"da", 0, "ein Datum (TT.MM.JJJJ)"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct form_question *q = question(cases[i].question);
		char *e = answer_expected(q);
		CU_ASSERT_EQUAL(q->max_points, cases[i].max);
		CU_ASSERT_STRING_EQUAL(e, cases[i].expected);
		free(e);
	}
}

/* The input style, typing filter and hint the interview screen used. */
static void
test_typing(void)
{
	static const struct {
		const char *question;
		enum kind_input input;
		const char *hint; /* NULL: not asked (a list) */
	} styles[] = {
	    {"yn", KIND_INPUT_LIST, NULL},
	    {"ch", KIND_INPUT_LIST, NULL},
	    {"mu", KIND_INPUT_LIST, NULL},
	    {"sc", KIND_INPUT_LIST, NULL},
	    {"nu", KIND_INPUT_TYPED,
	     "Eine ganze Zahl von -5 bis 20 tippen; Enter speichert"},
	    {"np", KIND_INPUT_TYPED, "Eine ganze Zahl ab 0 tippen; Enter speichert"},
	    {"sc12", KIND_INPUT_TYPED,
	     "Eine ganze Zahl von 0 bis 12 tippen; Enter speichert"},
	    {"te", KIND_INPUT_TEXT, "Text tippen; Enter speichert und geht weiter"},
	    {"da", KIND_INPUT_TYPED,
	     "Datum TT.MM.JJJJ tippen (t = heute); Enter speichert"},
	};
	static const struct {
		const char *question;
		uint32_t c;
		size_t pos;
		int typeable;
	} keys[] = {
	    {"nu", '7', 0, 1},    {"nu", '-', 0, 1},      {"nu", '-', 1, 0},
	    {"np", '-', 0, 0},    {"nu", 'a', 0, 0},      {"nu", '.', 0, 0},
	    {"sc12", '9', 3, 1},  {"sc12", '-', 0, 0},    {"da", '1', 0, 1},
	    {"da", '.', 2, 1},    {"da", '-', 4, 1},      {"da", 't', 0, 0},
	    {"da", ' ', 0, 0},    {"te", 'a', 0, 1},      {"te", ' ', 3, 1},
	    {"te", 0xe4, 0, 1},   {"te", 0x20ac, 0, 1},   {"te", '\n', 0, 0},
	    {"te", 0x1b, 0, 0},   {"te", 0x7f, 0, 0},     {"te", 0x85, 0, 0},
	    {"te", 0xd800, 0, 0}, {"te", 0x110000, 0, 0}, {"yn", 'j', 0, 0},
	    {"ch", '1', 0, 0},    {"sc", '1', 0, 0},
	};

	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
		const struct form_question *q = question(styles[i].question);
		CU_ASSERT_EQUAL(kind_input(q), styles[i].input);
		if (styles[i].hint != NULL) {
			char *h = kind_hint(q);
			CU_ASSERT_STRING_EQUAL(h, styles[i].hint);
			free(h);
		}
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		int got =
		    kind_typeable(question(keys[i].question), keys[i].c, keys[i].pos);
		if (got != keys[i].typeable)
			fprintf(stderr, "\n%s U+%04X at %zu\n", keys[i].question,
			        (unsigned)keys[i].c, keys[i].pos);
		CU_ASSERT_EQUAL(got, keys[i].typeable);
	}
	CU_ASSERT_STRING_EQUAL(kind_label(question("sc12")), "Skala");
}

/* t on a date question is today's date as the editor shows it. */
static void
test_shortcuts(void)
{
	char today[11], *expected = NULL, *got;

	date_today(today);
	expected = date_display(today);
	got = kind_shortcut(question("da"), 't');
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	CU_ASSERT_STRING_EQUAL(got, expected);
	free(got);
	free(expected);
	CU_ASSERT_PTR_NULL(kind_shortcut(question("da"), 'x'));
	CU_ASSERT_PTR_NULL(kind_shortcut(question("te"), 't'));
	CU_ASSERT_PTR_NULL(kind_shortcut(question("nu"), 't'));
}

/* List rows, labels, digits, values and the row of a saved answer. */
static void
test_lists(void)
{
	const struct form_question *yn = question("yn"), *ch = question("ch"),
	                           *mu = question("mu"), *sc = question("sc");
	struct answer a = {0}, open = {ANSWER_OPEN, 0, 0, NULL};
	char *why = NULL, *v;

	/* yesno with na: Ja, Nein, entfällt */
	CU_ASSERT_EQUAL(kind_list_options(yn), 2);
	CU_ASSERT_EQUAL(kind_list_rows(yn), 3);
	CU_ASSERT_STRING_EQUAL(kind_list_label(yn, 0), "Ja");
	CU_ASSERT_STRING_EQUAL(kind_list_label(yn, 1), "Nein");
	CU_ASSERT_STRING_EQUAL(kind_list_label(yn, 2), "entfällt");
	CU_ASSERT_EQUAL(kind_list_first_digit(yn), 1);
	CU_ASSERT_FALSE(kind_list_multiple(yn));
	v = kind_list_value(yn, &open, 1);
	CU_ASSERT_STRING_EQUAL(v, "nein");
	free(v);
	v = kind_list_value(yn, &open, 2);
	CU_ASSERT_STRING_EQUAL(v, "entfaellt");
	free(v);
	CU_ASSERT_EQUAL(kind_list_row(yn, &open), -1);
	answer_parse(yn, "nein", &a, &why);
	CU_ASSERT_EQUAL(kind_list_row(yn, &a), 1);
	CU_ASSERT_TRUE(kind_list_ticked(yn, &a, 1));
	CU_ASSERT_FALSE(kind_list_ticked(yn, &a, 0));
	answer_parse(yn, "entfaellt", &a, &why);
	CU_ASSERT_EQUAL(kind_list_row(yn, &a), 2);

	/* choice without na: no "entfällt" row */
	CU_ASSERT_EQUAL(kind_list_rows(ch), 2);
	CU_ASSERT_STRING_EQUAL(kind_list_label(ch, 1), "Ypsilon");
	v = kind_list_value(ch, &open, 0);
	CU_ASSERT_STRING_EQUAL(v, "x");
	free(v);
	answer_parse(ch, "y", &a, &why);
	CU_ASSERT_EQUAL(kind_list_row(ch, &a), 1);

	/* scale: digits from 0, labels from the form */
	CU_ASSERT_EQUAL(kind_list_rows(sc), 4);
	CU_ASSERT_EQUAL(kind_list_first_digit(sc), 0);
	CU_ASSERT_STRING_EQUAL(kind_list_label(sc, 3), "immer");
	v = kind_list_value(sc, &open, 3);
	CU_ASSERT_STRING_EQUAL(v, "3");
	free(v);

	/* multi: rows toggle the saved set; "entfällt" is no row */
	CU_ASSERT_TRUE(kind_list_multiple(mu));
	CU_ASSERT_EQUAL(kind_list_rows(mu), 3);
	v = kind_list_value(mu, &open, 1);
	CU_ASSERT_STRING_EQUAL(v, "b");
	free(v);
	answer_parse(mu, "a,c", &a, &why);
	CU_ASSERT_TRUE(kind_list_ticked(mu, &a, 0));
	CU_ASSERT_FALSE(kind_list_ticked(mu, &a, 1));
	CU_ASSERT_TRUE(kind_list_ticked(mu, &a, 2));
	CU_ASSERT_EQUAL(kind_list_row(mu, &a), -1);
	v = kind_list_value(mu, &a, 1);
	CU_ASSERT_STRING_EQUAL(v, "a,b,c");
	free(v);
	v = kind_list_value(mu, &a, 0);
	CU_ASSERT_STRING_EQUAL(v, "c");
	free(v);
	answer_parse(mu, "entfaellt", &a, &why);
	CU_ASSERT_EQUAL(kind_list_row(mu, &a), -1);
	CU_ASSERT_FALSE(kind_list_ticked(mu, &a, 0));
	CU_ASSERT_TRUE(
	    answer_option_chosen(ch, &(struct answer){ANSWER_GIVEN, 1, 0, NULL}, 1));
	CU_ASSERT_FALSE(
	    answer_option_chosen(ch, &(struct answer){ANSWER_NA, 1, 0, NULL}, 1));
}

/* Loads one question of type and keys; returns the first error or "". */
static char *
load_error(const char *question_yaml)
{
	char *text = xasprintf("%s      - %s\n", FORM_HEAD, question_yaml);
	struct form_errors e = {0};
	struct form *f = form_load_string(text, strlen(text), "k.yaml", &e);
	char *m = xstrdup(e.count > 0 ? e.items[0].message : "");

	form_free(f);
	form_errors_clear(&e);
	free(text);
	return m;
}

/* The loader's key lists and messages come from the table. */
static void
test_loader_from_table(void)
{
	static const struct {
		const char *yaml, *message;
	} cases[] = {
	    {"{id: q, type: fancy, text: Q}",
	     "unknown type 'fancy' in question 's.q' (yesno, choice, multi, number, "
	     "scale, text, date)"},
	    {"{id: q, type: yesno, text: Q, points: 1, colour: red}",
	     "unknown key 'colour' in question 's.q' (allowed: id, type, text, help, "
	     "evidence, recommendation, na, show_if, points, options, min, max, bands, "
	     "labels)"},
	    {"{id: q, type: yesno, text: Q, points: 1, labels: [a, b]}",
	     "key 'labels' does not belong to a yesno question (question 's.q')"},
	    {"{id: q, type: scale, text: Q, max: 2, bands: []}",
	     "key 'bands' does not belong to a scale question (question 's.q')"},
	    {"{id: q, type: text, text: Q, points: 2}",
	     "key 'points' does not belong to a text question (question 's.q')"},
	    {"{id: q, type: number, text: Q, bands: [{min: 0, points: 1}], options: []}",
	     "key 'options' does not belong to a number question (question 's.q')"},
	    {"{id: q, type: yesno, text: Q, points: 1}\n"
	     "      - {id: r, type: yesno, text: R, points: 1, show_if: q=x}",
	     "show_if 'q=x': only choice and multi questions have options, 's.q' is "
	     "yesno"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *m = load_error(cases[i].yaml);
		if (strcmp(m, cases[i].message) != 0)
			fprintf(stderr, "\n%s\n", m);
		CU_ASSERT_STRING_EQUAL(m, cases[i].message);
		free(m);
	}
}

static CU_TestInfo kind_tests[] = {
    {"the table is well-formed", test_table_wellformed},
    {"values round trip as before", test_values_round_trip},
    {"refusals say what to type", test_refusals},
    {"maxima and expected input", test_max_and_expected},
    {"typing filter, hints and input style", test_typing},
    {"shortcut keys", test_shortcuts},
    {"list rows", test_lists},
    {"the loader asks the table", test_loader_from_table},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"kind", suite_init, suite_clean, NULL, NULL, kind_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
