/*
 * test_date.c: CUnit tests of src/lib/date.c and src/model/plausible.c: ISO and German
 * input (with one- and two-digit parts and two-digit years), impossible dates refused
 * with a message that says what to type, the display form, day arithmetic, and the
 * plausibility warnings per role (audit date, date answer, due date),
 * including those read from a session record.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "model/session.h"
#include "test_main.h"
#include "lib/util.h"
#include "model/plausible.h"

static const struct {
	const char *text;
	const char *iso; /* NULL: refused */
	const char *why; /* substring of the refusal */
} parse_cases[] = {
    {"2026-03-14", "2026-03-14", NULL},
    {"14.03.2026", "2026-03-14", NULL},
    {"14.3.2026", "2026-03-14", NULL},
    {"4.3.26", "2026-03-04", NULL},
    {"  14.03.26 ", "2026-03-14", NULL},
    {"29.02.2024", "2024-02-29", NULL},
    {"2024-02-29", "2024-02-29", NULL},
    {"31.12.2199", "2199-12-31", NULL},
    {"01.01.1900", "1900-01-01", NULL},
    {"29.02.2023", NULL, "Den 29.02.2023 gibt es nicht"},
    {"2023-02-30", NULL, "gibt es nicht"},
    {"31.04.2026", NULL, "Den 31.04.2026 gibt es nicht"},
    {"0.1.2026", NULL, "gibt es nicht"},
    {"1.13.2026", NULL, "gibt es nicht"},
    {"01.01.2200", NULL, "Das Jahr 2200 ist nicht möglich"},
    {"31.12.1899", NULL, "Das Jahr 1899"},
    {"14.03.226", NULL, "kein Datum"},
    {"2026-3-14", NULL, "kein Datum"},
    {"14/03/2026", NULL, "kein Datum"},
    {"14.03.2026x", NULL, "kein Datum"},
    {"", NULL, "bitte TT.MM.JJJJ eingeben"},
    {"heute", NULL, "„heute“ ist kein Datum"},
    {"abcdefghijklmnopqrstuvwxyz", NULL, "„abcdefghijklmnop…“"},
    {"123.4.2026", NULL, "kein Datum"},
};

/* Every accepted form gives the ISO date; every refusal says what to type. */
static void
test_parse(void)
{
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		char iso[11] = "unchanged";
		char *why = NULL;
		int rc = date_parse(parse_cases[i].text, iso, &why);

		if (parse_cases[i].iso != NULL) {
			CU_ASSERT_EQUAL(rc, 0);
			CU_ASSERT_STRING_EQUAL(iso, parse_cases[i].iso);
			CU_ASSERT_PTR_NULL(why);
			CU_ASSERT_TRUE(date_iso_valid(parse_cases[i].iso));
		} else {
			CU_ASSERT_EQUAL(rc, -1);
			CU_ASSERT_STRING_EQUAL(iso, "unchanged");
			CU_ASSERT_PTR_NOT_NULL_FATAL(why);
			if (strstr(why, parse_cases[i].why) == NULL)
				fprintf(stderr, "\n%s: %s\n", parse_cases[i].text, why);
			CU_ASSERT_PTR_NOT_NULL(strstr(why, parse_cases[i].why));
			free(why);
		}
	}
}

/* Only the exact ISO form is the stored form. */
static void
test_iso_valid(void)
{
	CU_ASSERT_TRUE(date_iso_valid("2026-11-23"));
	CU_ASSERT_FALSE(date_iso_valid("23.11.2026"));
	CU_ASSERT_FALSE(date_iso_valid(" 2026-11-23"));
	CU_ASSERT_FALSE(date_iso_valid("2026-11-31"));
	CU_ASSERT_FALSE(date_iso_valid(NULL));
}

/* A person reads TT.MM.JJJJ; anything else is shown as it is. */
static void
test_display(void)
{
	char *s = date_display("2026-03-04");
	CU_ASSERT_STRING_EQUAL(s, "04.03.2026");
	free(s);
	s = date_display("bald");
	CU_ASSERT_STRING_EQUAL(s, "bald");
	free(s);
	CU_ASSERT_PTR_NULL(date_display(NULL));
}

/* Days from 1970 across leap years and centuries. */
static void
test_days(void)
{
	CU_ASSERT_EQUAL(date_days("1970-01-01"), 0);
	CU_ASSERT_EQUAL(date_days("1970-01-02"), 1);
	CU_ASSERT_EQUAL(date_days("1969-12-31"), -1);
	CU_ASSERT_EQUAL(date_days("2000-03-01") - date_days("2000-02-28"), 2);
	CU_ASSERT_EQUAL(date_days("2100-03-01") - date_days("2100-02-28"), 1);
	CU_ASSERT_EQUAL(date_days("2026-01-01") - date_days("2025-01-01"), 365);
}

static const struct {
	enum date_role role;
	const char *iso, *audit, *today;
	const char *warning; /* NULL: plausible */
} warning_cases[] = {
    {DATE_ROLE_AUDIT, "2026-11-23", NULL, "2026-11-20", NULL},
    {DATE_ROLE_AUDIT, "2027-11-20", NULL, "2026-11-20", NULL},
    {DATE_ROLE_AUDIT, "2027-11-21", NULL, "2026-11-20",
     "mehr als ein Jahr in der Zukunft"},
    {DATE_ROLE_AUDIT, "2016-11-20", NULL, "2026-11-20", NULL},
    {DATE_ROLE_AUDIT, "2016-11-19", NULL, "2026-11-20", "mehr als 10 Jahre zurück"},
    {DATE_ROLE_ANSWER, "2023-03-15", "2026-11-23", "2026-12-01", NULL},
    {DATE_ROLE_ANSWER, "2026-11-23", "2026-11-23", "2026-12-01", NULL},
    {DATE_ROLE_ANSWER, "2099-03-15", "2026-11-23", "2026-12-01",
     "15.03.2099 liegt nach dem Audit (23.11.2026)"},
    {DATE_ROLE_ANSWER, "2026-12-02", NULL, "2026-12-01", "liegt in der Zukunft"},
    {DATE_ROLE_ANSWER, "1976-11-22", "2026-11-23", "2026-12-01", "mehr als 50 Jahre"},
    {DATE_ROLE_DUE, "2027-01-15", "2026-11-23", "2026-12-01", NULL},
    {DATE_ROLE_DUE, "2026-11-22", "2026-11-23", "2026-12-01",
     "Frist 22.11.2026 liegt vor dem Audit (23.11.2026)"},
    {DATE_ROLE_DUE, "2027-11-24", "2026-11-23", "2026-12-01", "mehr als ein Jahr nach"},
    {DATE_ROLE_DUE, "2026-11-30", NULL, "2026-12-01", "in der Vergangenheit"},
    /* an audit date that is not a date counts as none */
    {DATE_ROLE_DUE, "2026-11-30", "bald", "2026-12-01", "in der Vergangenheit"},
};

/* Years later or earlier: the same calendar day; 29 February becomes
 * 28 February in a year without it; invalid input is refused. */
static void
test_add_years(void)
{
	static const struct {
		const char *iso;
		int years, rc;
		const char *out;
	} cases[] = {
	    {"2024-02-29", 1, 0, "2025-02-28"},
	    {"2024-02-29", 4, 0, "2028-02-29"},
	    {"2024-02-29", -4, 0, "2020-02-29"},
	    {"2096-02-29", 4, 0, "2100-02-28"},
	    {"2000-02-29", 400, 0, "2400-02-29"},
	    {"2026-11-23", -10, 0, "2016-11-23"},
	    {"2199-12-31", 1, 0, "2200-12-31"},
	    {"2026-11-23", 8000, -1, ""},
	    {"2023-02-29", 1, -1, ""},
	    {"23.11.2026", 1, -1, ""},
	    {"", 1, -1, ""},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[11] = "x";
		CU_ASSERT_EQUAL(date_add_years(cases[i].iso, cases[i].years, out),
		                cases[i].rc);
		CU_ASSERT_STRING_EQUAL(out, cases[i].out);
	}
}

/* The parts of a stored date; nothing for anything else. */
static void
test_split(void)
{
	int y = 0, m = 0, d = 0;

	CU_ASSERT_EQUAL(date_split("2026-03-04", &y, &m, &d), 0);
	CU_ASSERT_EQUAL(y, 2026);
	CU_ASSERT_EQUAL(m, 3);
	CU_ASSERT_EQUAL(d, 4);
	y = m = d = 7;
	CU_ASSERT_EQUAL(date_split("2026-02-30", &y, &m, &d), -1);
	CU_ASSERT_EQUAL(date_split("04.03.2026", &y, &m, &d), -1);
	CU_ASSERT_EQUAL(date_split(NULL, &y, &m, &d), -1);
	CU_ASSERT_EQUAL(y + m + d, 21);
	/* a date that is not valid has no day number: 0, never garbage */
	CU_ASSERT_EQUAL(date_days("2026-13-01"), 0);
}

/* Implausible dates are warned about per role; plausible ones are not. */
static void
test_warning(void)
{
	for (size_t i = 0; i < sizeof warning_cases / sizeof warning_cases[0]; i++) {
		char *w = plausible_date_warning(
		    warning_cases[i].role, warning_cases[i].iso, warning_cases[i].audit,
		    warning_cases[i].today);
		if (warning_cases[i].warning == NULL) {
			if (w != NULL)
				fprintf(stderr, "\ncase %zu: unexpected: %s\n", i, w);
			CU_ASSERT_PTR_NULL(w);
		} else {
			CU_ASSERT_PTR_NOT_NULL_FATAL(w);
			if (strstr(w, warning_cases[i].warning) == NULL)
				fprintf(stderr, "\ncase %zu: %s\n", i, w);
			CU_ASSERT_PTR_NOT_NULL(strstr(w, warning_cases[i].warning));
		}
		free(w);
	}
}

static const char date_form[] =
    "form: t\ntitle: T\nedition: 2023-05-11\n"
    "pass: {total_percent: 60, section_min_percent: 40}\n"
    "validity_years: {first: 3, renewal: 5}\n"
    "goals: {count: 1, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
    "sections:\n"
    "  - id: s\n    title: S\n    questions:\n"
    "      - {id: yn, type: yesno, text: Y, points: 4}\n"
    "      - {id: wann, type: date, text: D}\n";

/* The session keys that hold dates: typed German, stored ISO, warned by role. */
static void
test_session_dates(void)
{
	struct form_errors e = {0};
	struct form *f = form_load_string(date_form, strlen(date_form), "d.yaml", &e);
	struct session *s;
	char *why = NULL, *v, *w;

	form_errors_clear(&e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	s = session_new(f);
	CU_ASSERT_EQUAL(session_change(s, "meta.datum", "23.11.2026", &why), 0);
	v = session_get(s, "meta.datum");
	CU_ASSERT_STRING_EQUAL(v, "2026-11-23");
	free(v);
	CU_ASSERT_EQUAL(session_change(s, "s.wann", "15.3.99", &why), 0);
	v = session_get(s, "s.wann");
	CU_ASSERT_STRING_EQUAL(v, "2099-03-15");
	free(v);
	w = session_date_warning(s, "s.wann", "2026-12-01");
	CU_ASSERT_PTR_NOT_NULL(w);
	CU_ASSERT_PTR_NOT_NULL(w != NULL ? strstr(w, "nach dem Audit") : NULL);
	free(w);
	CU_ASSERT_EQUAL(session_change(s, "s.yn:evidence", "nachzureichen", &why), 0);
	CU_ASSERT_EQUAL(session_change(s, "s.yn:evidence_due", "1.12.26", &why), 0);
	v = session_get(s, "s.yn:evidence_due");
	CU_ASSERT_STRING_EQUAL(v, "2026-12-01");
	free(v);
	w = session_date_warning(s, "s.yn:evidence_due", "2026-12-01");
	CU_ASSERT_PTR_NULL(w);
	free(w);
	/* impossible: refused, the old value stays */
	CU_ASSERT_EQUAL(session_change(s, "meta.datum", "31.11.2026", &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "gibt es nicht") : NULL);
	free(why);
	v = session_get(s, "meta.datum");
	CU_ASSERT_STRING_EQUAL(v, "2026-11-23");
	free(v);
	/* keys that hold no date have no warning */
	CU_ASSERT_PTR_NULL(session_date_warning(s, "s.yn", "2026-12-01"));
	CU_ASSERT_PTR_NULL(session_date_warning(s, "meta.kommune", "2026-12-01"));
	session_free(s);
}

int
main(void)
{
	static CU_TestInfo tests[] = {
	    {"ISO and German input", test_parse},
	    {"stored form", test_iso_valid},
	    {"display form", test_display},
	    {"day arithmetic", test_days},
	    {"adding years", test_add_years},
	    {"parts of a date", test_split},
	    {"plausibility per role", test_warning},
	    {"session date keys", test_session_dates},
	    CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
	    {"date", NULL, NULL, NULL, NULL, tests},
	    CU_SUITE_INFO_NULL,
	};
	return test_run(suites);
}
