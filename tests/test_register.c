/*
 * test_register.c: CUnit tests of the register (src/model/register*.c) and
 * of the date arithmetic under it (src/lib/date.c). The heart is an
 * independent oracle in this file: a second, plain implementation of the
 * rules in register.h (towns, seal, status, days, urgency order, items,
 * statistics, problems), written differently (struct tm and timegm for the
 * calendar, strtok for names, string keys for sorting), over generated
 * audits at several Stichtage; its TSV must equal register_format_tsv's.
 * Hand-made cases pin leap days, "exactly 6 months", "exactly on the
 * Stichtag", towns with several audits, failed and open results, and exact
 * quartiles with small-cell suppression. The workbook and the iCalendar
 * file are written (also in the caller's German locale) and the calendar is
 * parsed back with libical; targets that must never be replaced are
 * refused.
 *
 * Run as `test_register --fixtures DIR` it writes, instead of testing, the
 * fixture register (workbook with and without points and history, the
 * calendar twice) and the oracle's expectations as TSV into DIR, for
 * tests/register_readback.py (openpyxl, icalendar).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>
#include <unzip.h>

#include "lib/atomicfile.h"
#include "lib/date.h"
#include "lib/sha256.h"
#include "lib/util.h"
#include "model/register.h"
#include "test_main.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Date arithmetic (lib/date.c)                                   */

static const struct {
	const char *from;
	long months;
	const char *to; /* NULL: refused */
} month_cases[] = {
    {"2026-08-31", -6, "2026-02-28"},
    {"2028-08-31", -6, "2028-02-29"},
    {"2026-08-29", -6, "2026-02-28"},
    {"2026-09-01", -6, "2026-03-01"},
    {"2026-03-31", 1, "2026-04-30"},
    {"2026-01-31", 1, "2026-02-28"},
    {"2024-02-29", 12, "2025-02-28"},
    {"2024-02-29", 48, "2028-02-29"},
    {"2026-12-15", 1, "2027-01-15"},
    {"2027-01-15", -1, "2026-12-15"},
    {"2026-05-31", -13, "2025-04-30"},
    {"1900-01-01", -1, NULL},
    {"2199-12-31", 1, NULL},
    {"2026-02-30", 1, NULL},
    {"26-02-01", 1, NULL},
    {"2000-02-29", 1200, "2100-02-28"},
};

/* Months: same day, clamped to the month's end; years and days on top. */
static void
test_date_shift(void)
{
	char out[11];

	for (size_t i = 0; i < COUNT(month_cases); i++) {
		strcpy(out, "untouched");
		int rc = date_add_months(month_cases[i].from, month_cases[i].months, out);
		if (month_cases[i].to == NULL) {
			CU_ASSERT_EQUAL(rc, -1);
			CU_ASSERT_STRING_EQUAL(out, "untouched");
		} else {
			CU_ASSERT_EQUAL(rc, 0);
			if (strcmp(out, month_cases[i].to) != 0)
				fprintf(stderr, "\n%s %+ld: %s\n", month_cases[i].from,
				        month_cases[i].months, out);
			CU_ASSERT_STRING_EQUAL(out, month_cases[i].to);
		}
	}
	CU_ASSERT_EQUAL(date_add_years("2024-02-29", 3, out), 0);
	CU_ASSERT_STRING_EQUAL(out, "2027-02-28");
	CU_ASSERT_EQUAL(date_add_years("2020-02-29", 4, out), 0);
	CU_ASSERT_STRING_EQUAL(out, "2024-02-29");
	CU_ASSERT_EQUAL(date_add_years("2150-01-01", 9999, out), -1);
	CU_ASSERT_EQUAL(date_add_days("2024-02-28", 1, out), 0);
	CU_ASSERT_STRING_EQUAL(out, "2024-02-29");
	CU_ASSERT_EQUAL(date_add_days("2023-02-28", 1, out), 0);
	CU_ASSERT_STRING_EQUAL(out, "2023-03-01");
	CU_ASSERT_EQUAL(date_add_days("1970-01-01", -1, out), 0);
	CU_ASSERT_STRING_EQUAL(out, "1969-12-31");
	CU_ASSERT_EQUAL(date_add_days("2199-12-31", 1, out), -1);
	/* date_of_days is date_days' inverse on every day of 1900 … 2199 */
	for (long d = date_days("1900-01-01"); d <= date_days("2199-12-31"); d++) {
		if (date_of_days(d, out) != 0 || date_days(out) != d ||
		    !date_iso_valid(out)) {
			CU_FAIL("date_of_days is not the inverse of date_days");
			fprintf(stderr, "\nday %ld: %s\n", d, out);
			break;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Building audits                                                      */

/* A section title list the generated forms use. */
static const char *const titles[] = {
    "Strategische Zielsetzung", "Zuzug leicht gemacht", "Beruf und Familie",
    "Ausländische Fachkräfte",  "Lebensqualität",       "Digitales Rathaus",
};

/* An audit with copies of the given strings (NULL stays NULL). */
static void
audit_init(struct register_audit *a, const char *kommune, const char *landkreis,
           const char *ihk, enum audit_kind kind, const char *datum,
           enum register_verdict verdict, const char *path)
{
	memset(a, 0, sizeof *a);
	a->kommune = xstrdup(kommune);
	a->landkreis = xstrdup(landkreis);
	a->ihk = xstrdup(ihk);
	a->kind = kind;
	a->datum = xstrdup(datum);
	a->verdict = verdict;
	a->validity_first = 3;
	a->validity_renewal = 5;
	a->path = xstrdup(path);
}

static void
audit_section(struct register_audit *a, const char *title, int points, int max)
{
	a->sections =
	    xreallocarray(a->sections, a->section_count + 1, sizeof *a->sections);
	a->sections[a->section_count].title = xstrdup(title);
	a->sections[a->section_count].points = points;
	a->sections[a->section_count].max = max;
	a->section_count++;
	a->total += points;
	a->max += max;
}

static void
audit_goal(struct register_audit *a, const char *goal, const char *deadline)
{
	a->goals = xreallocarray(a->goals, a->goal_count + 1, sizeof *a->goals);
	a->goals[a->goal_count].goal = xstrdup(goal);
	a->goals[a->goal_count].deadline = xstrdup(deadline);
	a->goal_count++;
}

static void
audit_evidence(struct register_audit *a, const char *id, const char *label,
               const char *due)
{
	a->evidence =
	    xreallocarray(a->evidence, a->evidence_count + 1, sizeof *a->evidence);
	a->evidence[a->evidence_count].id = xstrdup(id);
	a->evidence[a->evidence_count].label = xstrdup(label);
	a->evidence[a->evidence_count].due = xstrdup(due);
	a->evidence_count++;
}

static void
audits_free(struct register_audit *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		register_audit_clear(&a[i]);
	free(a);
}

/* A small deterministic generator (no rand(): the same everywhere). */
static unsigned long long rng_state;

static unsigned
rng(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng_state >> 33) % n);
}

/* ------------------------------------------------------------------ */
/* The oracle: calendar by struct tm and timegm                         */

static int
o_parse_iso(const char *s, int *y, int *m, int *d)
{
	char tail;
	return s != NULL && strlen(s) == 10 &&
	       sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) == 3;
}

/* Noon UTC of y-m-d, normalised by timegm; the fields are updated. */
static time_t
o_noon(struct tm *tm)
{
	tm->tm_hour = 12;
	tm->tm_min = tm->tm_sec = 0;
	tm->tm_isdst = 0;
	return timegm(tm);
}

/* Whether y-m-d exists: timegm must not move it. */
static int
o_exists(int y, int m, int d)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	o_noon(&tm);
	return y >= 1900 && y <= 2199 && tm.tm_year == y - 1900 && tm.tm_mon == m - 1 &&
	       tm.tm_mday == d;
}

static void
o_format(const struct tm *tm, char out[11])
{
	strftime(out, 11, "%Y-%m-%d", tm);
}

static long
o_day_number(const char *iso)
{
	struct tm tm = {0};
	int y, m, d;
	o_parse_iso(iso, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return (long)(o_noon(&tm) / 86400);
}

static long
o_days(const char *from, const char *to)
{
	return o_day_number(to) - o_day_number(from);
}

static void
o_from_day_number(long n, char out[11])
{
	time_t t = (time_t)n * 86400 + 43200;
	struct tm tm;
	gmtime_r(&t, &tm);
	o_format(&tm, out);
}

/* + years; a 29 February that timegm pushes into March goes back a day. */
static void
o_add_years(const char *iso, int years, char out[11])
{
	struct tm tm = {0};
	int y, m, d;
	o_parse_iso(iso, &y, &m, &d);
	tm.tm_year = y + years - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	o_noon(&tm);
	if (tm.tm_mday != d) {
		tm.tm_mday -= 1;
		o_noon(&tm);
	}
	o_format(&tm, out);
}

/* − months: the last day of the target month is day 0 of the month after. */
static void
o_minus_months(const char *iso, int months, char out[11])
{
	struct tm last = {0}, tm = {0};
	int y, m, d;
	o_parse_iso(iso, &y, &m, &d);
	last.tm_year = y - 1900;
	last.tm_mon = m - 1 - months + 1;
	last.tm_mday = 0;
	o_noon(&last);
	tm = last;
	if (d < last.tm_mday)
		tm.tm_mday = d;
	o_noon(&tm);
	o_format(&tm, out);
}

/* A goal's Frist as a date, the ways a person types it; 0 when it is none. */
static int
o_goal_date(const char *s, char out[11])
{
	int y, m, d, n = 0;
	char tail;

	if (s == NULL)
		return 0;
	if (o_parse_iso(s, &y, &m, &d)) {
		/* nothing more to read */
	} else if (sscanf(s, "%d.%d.%n", &d, &m, &n) == 2 && n > 0) {
		const char *rest = s + n;
		size_t digits = strspn(rest, "0123456789");
		if ((digits != 2 && digits != 4) || sscanf(rest, "%d%c", &y, &tail) != 1)
			return 0;
		if (digits == 2)
			y += 2000;
	} else {
		return 0;
	}
	if (!o_exists(y, m, d))
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* ------------------------------------------------------------------ */
/* The oracle: names                                                    */

/* Words split at blanks, joined by one space, ASCII and Latin-1 upper case
 * letters made lower case. Caller frees. */
static char *
o_name(const char *s)
{
	char *copy = xstrdup(s != NULL ? s : ""), *save = NULL, *word;
	struct buf b = {0};

	buf_adds(&b, "");
	for (word = strtok_r(copy, " \t\r\n", &save); word != NULL;
	     word = strtok_r(NULL, " \t\r\n", &save)) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		for (unsigned char *p = (unsigned char *)word; *p; p++) {
			unsigned char c = *p;
			if (c >= 'A' && c <= 'Z')
				c |= 0x20;
			buf_addc(&b, (char)c);
			if (c == 0xC3 && p[1] >= 0x80 && p[1] < 0x9F && p[1] != 0x97) {
				buf_addc(&b, (char)(p[1] | 0x20));
				p++;
			}
		}
	}
	free(copy);
	return buf_steal(&b);
}

/* German order: the name with ä ö ü as a o u and ß as ss. Caller frees. */
static char *
o_collate(const char *s)
{
	char *name = o_name(s);
	struct buf b = {0};

	buf_adds(&b, "");
	for (unsigned char *p = (unsigned char *)name; *p; p++) {
		if (p[0] == 0xC3 && (p[1] == 0xA4 || p[1] == 0xB6 || p[1] == 0xBC)) {
			buf_addc(&b, p[1] == 0xA4 ? 'a' : p[1] == 0xB6 ? 'o' : 'u');
			p++;
		} else if (p[0] == 0xC3 && p[1] == 0x9F) {
			buf_adds(&b, "ss");
			p++;
		} else {
			buf_addc(&b, (char)*p);
		}
	}
	free(name);
	return buf_steal(&b);
}

static int
o_blank(const char *s)
{
	return s == NULL || strspn(s, " \t\r\n") == strlen(s);
}

/* ------------------------------------------------------------------ */
/* The oracle: the register                                             */

struct o_audit {
	const struct register_audit *a;
	size_t index;
	int ok;
	char reason[200];
	char until[11];
	char *town; /* key */
};

struct o_town {
	char *key;
	char *collate;
	size_t *audits; /* indices into o_audit, in audit order */
	size_t n;
	const char *kommune, *landkreis, *ihk;
	const struct register_audit *latest;
	const struct o_audit *seal;
	int status; /* 0 abgelaufen … 4 gültig */
	long days;
	char next_goal[11];
	size_t overdue;
	char sort[700];
};

struct oracle {
	char stichtag[11];
	struct o_audit *audits;
	size_t n;
	struct o_town *towns; /* in urgency order */
	size_t town_count;
	struct buf towns_tsv, points_tsv, items_tsv, stats_tsv, problems_tsv, history_tsv,
	    events_tsv;
	char **problem_lines;
};

static const char *const o_status[] = {"abgelaufen", "läuft innerhalb von 6 Monaten ab",
                                       "offen", "nicht bestanden", "gültig"};
static const char *const o_verdict[] = {"offen", "bestanden", "nicht bestanden"};
static const char *const o_kind[] = {"Erstaudit", "Re-Audit"};

/* Whether audit x comes before y in a town. */
static int
o_before(const struct o_audit *x, const struct o_audit *y)
{
	int c = strcmp(x->a->datum, y->a->datum);
	if (c == 0)
		c = (int)x->a->kind - (int)y->a->kind;
	if (c == 0)
		c = strcmp(x->a->path ? x->a->path : "", y->a->path ? y->a->path : "");
	if (c == 0)
		c = x->index < y->index ? -1 : 1;
	return c < 0;
}

/* The checks of register_build, in the same order, worded the same. */
static void
o_check(struct o_audit *o)
{
	const struct register_audit *a = o->a;
	int y, m, d, years;

	o->ok = 0;
	o->until[0] = '\0';
	if (o_blank(a->kommune)) {
		snprintf(o->reason, sizeof o->reason, "keine Kommune angegeben");
		return;
	}
	if (a->datum == NULL || a->datum[0] == '\0') {
		snprintf(o->reason, sizeof o->reason, "kein Datum des Audits angegeben");
		return;
	}
	if (!o_parse_iso(a->datum, &y, &m, &d) || !o_exists(y, m, d)) {
		snprintf(o->reason, sizeof o->reason,
		         "„%s“ ist kein gültiges Datum des Audits (JJJJ-MM-TT)",
		         a->datum);
		return;
	}
	for (size_t e = 0; e < a->evidence_count; e++)
		if (!o_parse_iso(a->evidence[e].due, &y, &m, &d) || !o_exists(y, m, d)) {
			snprintf(o->reason, sizeof o->reason,
			         "Nachweis %s: Frist „%s“ ist kein Datum (JJJJ-MM-TT)",
			         a->evidence[e].label, a->evidence[e].due);
			return;
		}
	if (a->verdict == REGISTER_VERDICT_PASSED) {
		if (a->valid_until != NULL && a->valid_until[0] != '\0') {
			if (!o_parse_iso(a->valid_until, &y, &m, &d) ||
			    !o_exists(y, m, d)) {
				snprintf(o->reason, sizeof o->reason,
				         "„gültig bis“ „%s“ ist kein Datum (JJJJ-MM-TT)",
				         a->valid_until);
				return;
			}
			snprintf(o->until, sizeof o->until, "%s", a->valid_until);
		} else {
			years = a->kind == AUDIT_FIRST ? a->validity_first
			                               : a->validity_renewal;
			if (years <= 0) {
				snprintf(o->reason, sizeof o->reason,
				         "bestanden, aber ohne Gültigkeitsdauer "
				         "(validity_years "
				         "des Prüfbogens)");
				return;
			}
			o_add_years(a->datum, years, o->until);
		}
	}
	o->ok = 1;
}

/* Append a TSV field (tabs and line breaks as spaces). */
static void
o_field(struct buf *b, const char *s, int last)
{
	for (const char *p = s != NULL ? s : ""; *p; p++)
		buf_addc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	buf_addc(b, last ? '\n' : '\t');
}

/* Tenths of 100·p/m rounded half up, by remainders. */
static void
o_quote(struct buf *b, int p, int m)
{
	long q = 1000L * p / m, rem = 1000L * p % m;
	if (2 * rem >= m)
		q++;
	buf_printf(b, "%ld.%ld", q / 10, q % 10);
}

static int
o_section(const struct register_audit *a, const char *title, int *p, int *m)
{
	for (size_t s = 0; s < a->section_count; s++)
		if (strcmp(a->sections[s].title, title) == 0 && a->sections[s].max > 0) {
			*p = a->sections[s].points;
			*m = a->sections[s].max;
			return 1;
		}
	return 0;
}

/* Points columns of a TSV line. */
static void
o_points(struct buf *b, const struct register_audit *a, char **order, size_t count)
{
	int p, m;
	buf_printf(b, "%d\t%d\t", a->total, a->max);
	if (a->max > 0)
		o_quote(b, a->total, a->max);
	buf_addc(b, count ? '\t' : '\n');
	for (size_t i = 0; i < count; i++) {
		if (o_section(a, order[i], &p, &m))
			o_quote(b, p, m);
		buf_addc(b, i + 1 < count ? '\t' : '\n');
	}
}

static int
o_strcmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int
o_town_cmp(const void *x, const void *y)
{
	return strcmp(((const struct o_town *)x)->sort, ((const struct o_town *)y)->sort);
}

static int
o_double_cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* Type-7 quantile written as a weighted mean of the two neighbours. */
static double
o_quantile(const double *v, size_t n, int quarter)
{
	/* (n-1)·quarter/4 as whole part and remainder in quarters */
	size_t whole = (n - 1) * (size_t)quarter / 4,
	       rest = (n - 1) * (size_t)quarter % 4;
	double w = rest / 4.0;
	if (rest == 0)
		return v[whole];
	return (1 - w) * v[whole] + w * v[whole + 1];
}

static void
o_tenths(struct buf *b, double x)
{
	long t = (long)(x * 10.0 + 0.5);
	buf_printf(b, "%ld.%ld", t / 10, t % 10);
}

/* One item of the oracle, for sorting and printing. */
struct o_item {
	char sort[800];
	char line[1200];
	char event[1600];
};

static int
o_item_cmp(const void *x, const void *y)
{
	return strcmp(((const struct o_item *)x)->sort, ((const struct o_item *)y)->sort);
}

static const char *const o_item_label[] = {"Siegel läuft ab", "Re-Audit planen",
                                           "Frist Entwicklungsziel",
                                           "Nachweis nachzureichen"};
static const char *const o_uid_kind[] = {"ablauf", "planung", "ziel", "nachweis"};
static const int o_alarm[] = {14, 14, 7, 7};

/* s with tabs and line breaks as spaces (caller frees). */
static char *
o_clean(const char *s)
{
	char *c = xstrdup(s != NULL ? s : "");
	for (char *p = c; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return c;
}

/* Add an item of town t. */
static void
o_add_item(struct o_item **items, size_t *n, const struct o_town *t, const char *date,
           int kind, size_t number, const char *id, const char *detail,
           const char *stichtag)
{
	struct o_item *it;
	char hex[65], *seed, *summary, *nr;
	char *cleaned_detail = o_clean(detail), *town = o_clean(t->kommune);

	*items = xreallocarray(*items, *n + 1, sizeof **items);
	it = &(*items)[(*n)++];
	snprintf(it->sort, sizeof it->sort, "%s\x01%s\x01%s\x01%d\x01%06zu", date,
	         t->collate, t->key, kind, number);
	nr = kind == 2 ? xasprintf("%zu", number) : xstrdup(kind == 3 ? id : "");
	snprintf(it->line, sizeof it->line, "%s\t%ld\t%s\t%s\t%s\t%s\n", date,
	         o_days(stichtag, date), town, o_item_label[kind], nr, cleaned_detail);
	free(nr);
	/* the calendar: UID, date, summary, alarm days */
	if (kind == 3)
		seed = xasprintf("wohnort-audit register\n%s\n%s\n%s", t->key,
		                 o_uid_kind[kind], id);
	else
		seed = xasprintf("wohnort-audit register\n%s\n%s\n%zu", t->key,
		                 o_uid_kind[kind], number);
	sha256_hex(seed, strlen(seed), hex);
	free(seed);
	switch (kind) {
	case 0:
		summary =
		    xasprintf("Ausgezeichneter Wohnort: Siegel von %s läuft ab", town);
		break;
	case 1: {
		int y, m, d;
		o_parse_iso(t->seal->until, &y, &m, &d);
		summary =
		    xasprintf("Ausgezeichneter Wohnort: Re-Audit von %s planen (Siegel "
		              "gültig bis %02d.%02d.%04d)",
		              town, d, m, y);
		break;
	}
	case 2:
		summary =
		    xasprintf("Ausgezeichneter Wohnort: %s – Frist Entwicklungsziel %zu",
		              town, number);
		break;
	default:
		summary =
		    xasprintf("Ausgezeichneter Wohnort: %s – Nachweis nachzureichen: %s",
		              town, cleaned_detail);
		break;
	}
	snprintf(it->event, sizeof it->event, "%s@wohnort-audit\t%s\t%d\t%s\n", hex, date,
	         o_alarm[kind], summary);
	free(summary);
	free(cleaned_detail);
	free(town);
}

/* The oracle over audits[0..n) and the caller's problems at stichtag. */
static void
oracle_run(struct oracle *o, const struct register_audit *audits, size_t n,
           const struct register_problem *problems, size_t problem_count,
           const char *stichtag)
{
	char **title_order = NULL;
	size_t title_count = 0;
	struct o_item *items = NULL;
	size_t item_count = 0;

	memset(o, 0, sizeof *o);
	snprintf(o->stichtag, sizeof o->stichtag, "%s", stichtag);
	o->audits = xcalloc(n + 1, sizeof *o->audits);
	o->n = n;
	buf_adds(&o->problems_tsv, "Datei\tGrund\n");
	for (size_t i = 0; i < problem_count; i++) {
		o_field(&o->problems_tsv, problems[i].path, 0);
		o_field(&o->problems_tsv, problems[i].reason, 1);
	}
	for (size_t i = 0; i < n; i++) {
		o->audits[i].a = &audits[i];
		o->audits[i].index = i;
		o_check(&o->audits[i]);
		if (!o->audits[i].ok) {
			o_field(&o->problems_tsv,
			        audits[i].path ? audits[i].path : "(ohne Datei)", 0);
			o_field(&o->problems_tsv, o->audits[i].reason, 1);
		}
	}

	/* towns: a Kommune with two or more Landkreise splits by Landkreis */
	for (size_t i = 0; i < n; i++) {
		struct o_audit *x = &o->audits[i];
		char *name, **districts = NULL;
		size_t dc = 0;
		if (!x->ok)
			continue;
		name = o_name(x->a->kommune);
		for (size_t j = 0; j < n; j++) {
			char *other, *district;
			int seen = 0;
			if (!o->audits[j].ok)
				continue;
			other = o_name(o->audits[j].a->kommune);
			district = o_name(o->audits[j].a->landkreis);
			for (size_t k = 0; k < dc; k++)
				seen |= strcmp(districts[k], district) == 0;
			if (strcmp(other, name) == 0 && district[0] != '\0' && !seen) {
				districts =
				    xreallocarray(districts, dc + 1, sizeof *districts);
				districts[dc++] = district;
			} else {
				free(district);
			}
			free(other);
		}
		if (dc >= 2) {
			char *own = o_name(x->a->landkreis);
			x->town = xasprintf("%s\x1f%s", name, own);
			free(own);
		} else {
			x->town = xstrdup(name);
		}
		for (size_t k = 0; k < dc; k++)
			free(districts[k]);
		free(districts);
		free(name);
	}
	for (size_t i = 0; i < n; i++) {
		struct o_town *t = NULL;
		if (!o->audits[i].ok)
			continue;
		for (size_t k = 0; k < o->town_count; k++)
			if (strcmp(o->towns[k].key, o->audits[i].town) == 0)
				t = &o->towns[k];
		if (t == NULL) {
			o->towns =
			    xreallocarray(o->towns, o->town_count + 1, sizeof *o->towns);
			t = &o->towns[o->town_count++];
			memset(t, 0, sizeof *t);
			t->key = xstrdup(o->audits[i].town);
		}
		/* insertion in audit order */
		t->audits = xreallocarray(t->audits, t->n + 1, sizeof *t->audits);
		size_t at = t->n;
		while (at > 0 && o_before(&o->audits[i], &o->audits[t->audits[at - 1]])) {
			t->audits[at] = t->audits[at - 1];
			at--;
		}
		t->audits[at] = i;
		t->n++;
	}

	/* per town: fields, seal, status, goals, evidence */
	for (size_t k = 0; k < o->town_count; k++) {
		struct o_town *t = &o->towns[k];
		const struct register_audit *a;
		t->latest = a = o->audits[t->audits[t->n - 1]].a;
		t->kommune = a->kommune;
		t->landkreis = t->ihk = "";
		for (size_t j = 0; j < t->n; j++) {
			const struct register_audit *h = o->audits[t->audits[j]].a;
			if (!o_blank(h->landkreis))
				t->landkreis = h->landkreis;
			if (!o_blank(h->ihk))
				t->ihk = h->ihk;
			if (h->verdict == REGISTER_VERDICT_PASSED)
				t->seal = &o->audits[t->audits[j]];
		}
		t->collate = o_collate(a->kommune);
		if (t->seal != NULL)
			t->days = o_days(stichtag, t->seal->until);
		if (a->verdict == REGISTER_VERDICT_OPEN) {
			t->status = 2;
		} else if (a->verdict == REGISTER_VERDICT_FAILED) {
			t->status = 3;
		} else {
			char planning[11];
			o_minus_months(t->seal->until, 6, planning);
			t->status = t->days < 0                       ? 0
			            : o_days(planning, stichtag) >= 0 ? 1
			                                              : 4;
		}
		for (size_t g = 0; g < a->goal_count; g++) {
			char date[11];
			if (o_goal_date(a->goals[g].deadline, date) &&
			    strcmp(date, stichtag) >= 0 &&
			    (t->next_goal[0] == '\0' || strcmp(date, t->next_goal) < 0))
				strcpy(t->next_goal, date);
		}
		for (size_t e = 0; e < a->evidence_count; e++)
			t->overdue += o_days(stichtag, a->evidence[e].due) < 0;
		/* status, seal or not, days (shifted positive), date, German name, key */
		snprintf(t->sort, sizeof t->sort, "%d%d%012ld%s\x01%s\x01%s", t->status,
		         t->seal == NULL, t->seal ? t->days + 100000000L : 0, a->datum,
		         t->collate, t->key);
	}

	/* titles in order of first appearance: towns by key, audits in order */
	{
		char **keys = xcalloc(o->town_count + 1, sizeof *keys);
		for (size_t k = 0; k < o->town_count; k++)
			keys[k] = o->towns[k].key;
		qsort(keys, o->town_count, sizeof *keys, o_strcmp);
		for (size_t k = 0; k < o->town_count; k++)
			for (size_t t = 0; t < o->town_count; t++) {
				if (o->towns[t].key != keys[k])
					continue;
				for (size_t j = 0; j < o->towns[t].n; j++) {
					const struct register_audit *h =
					    o->audits[o->towns[t].audits[j]].a;
					for (size_t s = 0; s < h->section_count; s++) {
						int seen = 0;
						for (size_t q = 0; q < title_count; q++)
							seen |=
							    strcmp(
							        title_order[q],
							        h->sections[s].title) ==
							    0;
						if (!seen) {
							title_order = xreallocarray(
							    title_order, title_count + 1,
							    sizeof *title_order);
							title_order[title_count++] =
							    h->sections[s].title;
						}
					}
				}
			}
		free(keys);
	}

	/* statistics: per title (in the order of the points columns), then the
	 * Endpunktzahl, over each town's latest final audit */
	{
		double **values = xcalloc(title_count + 1, sizeof *values);
		size_t *counts = xcalloc(title_count + 1, sizeof *counts);
		for (size_t q = 0; q <= title_count; q++)
			values[q] = xcalloc(o->town_count + 1, sizeof(double));
		for (size_t k = 0; k < o->town_count; k++) {
			const struct o_town *t = &o->towns[k];
			const struct register_audit *f = NULL;
			int p, m;
			for (size_t j = 0; j < t->n; j++)
				if (o->audits[t->audits[j]].a->verdict !=
				    REGISTER_VERDICT_OPEN)
					f = o->audits[t->audits[j]].a;
			if (f == NULL)
				continue;
			for (size_t q = 0; q < title_count; q++)
				if (o_section(f, title_order[q], &p, &m))
					values[q][counts[q]++] = p * 100.0 / m;
			if (f->max > 0)
				values[title_count][counts[title_count]++] =
				    f->total * 100.0 / f->max;
		}
		buf_adds(
		    &o->stats_tsv,
		    "Handlungsfeld\tKommunen\tunteres Quartil\tMedian\toberes Quartil\n");
		for (size_t q = 0; q <= title_count; q++) {
			double *v = values[q];
			size_t c = counts[q];
			buf_printf(&o->stats_tsv, "%s\t%zu\t",
			           q < title_count ? title_order[q] : "Endpunktzahl", c);
			if (c >= 5) {
				qsort(v, c, sizeof *v, o_double_cmp);
				o_tenths(&o->stats_tsv, o_quantile(v, c, 1));
				buf_addc(&o->stats_tsv, '\t');
				o_tenths(&o->stats_tsv, o_quantile(v, c, 2));
				buf_addc(&o->stats_tsv, '\t');
				o_tenths(&o->stats_tsv, o_quantile(v, c, 3));
				buf_addc(&o->stats_tsv, '\n');
			} else {
				buf_adds(&o->stats_tsv, "\t\t\n");
			}
			free(v);
		}
		free(values);
		free(counts);
	}

	qsort(o->towns, o->town_count, sizeof *o->towns, o_town_cmp);

	/* the towns' TSV (with points in points_tsv) and the history */
	buf_adds(&o->towns_tsv,
	         "Kommune\tLandkreis\tIHK\tArt\tDatum\tErgebnis\tgültig "
	         "bis\tStatus\tTage\tnächste Zielfrist\tüberfällige Nachweise\n");
	buf_adds(&o->points_tsv, "Kommune\tLandkreis\tIHK\tArt\tDatum\tErgebnis\tgültig "
	                         "bis\tStatus\tTage\tnächste Zielfrist\tüberfällige "
	                         "Nachweise\tEndpunktzahl\tMaximum\tQuote");
	buf_adds(&o->history_tsv,
	         "Kommune\tLandkreis\tIHK\tArt\tDatum\tErgebnis\tgültig bis\tDatei");
	for (size_t i = 0; i < title_count; i++) {
		buf_printf(&o->points_tsv, "\tQuote %s", title_order[i]);
		buf_printf(&o->history_tsv, "\tQuote %s", title_order[i]);
	}
	buf_addc(&o->points_tsv, '\n');
	buf_addc(&o->history_tsv, '\n');
	/* history heading with points columns only: rebuilt below */
	buf_free(&o->history_tsv);
	buf_adds(&o->history_tsv, "Kommune\tLandkreis\tIHK\tArt\tDatum\tErgebnis\tgültig "
	                          "bis\tDatei\tEndpunktzahl\tMaximum\tQuote");
	for (size_t i = 0; i < title_count; i++)
		buf_printf(&o->history_tsv, "\tQuote %s", title_order[i]);
	buf_addc(&o->history_tsv, '\n');
	for (size_t k = 0; k < o->town_count; k++) {
		const struct o_town *t = &o->towns[k];
		const struct register_audit *a = t->latest;
		struct buf line = {0};
		buf_adds(&line, "");
		o_field(&line, t->kommune, 0);
		o_field(&line, t->landkreis, 0);
		o_field(&line, t->ihk, 0);
		buf_printf(&line, "%s\t%s\t%s\t%s\t%s\t", o_kind[a->kind], a->datum,
		           o_verdict[a->verdict], t->seal ? t->seal->until : "",
		           o_status[t->status]);
		if (t->seal != NULL)
			buf_printf(&line, "%ld", t->days);
		buf_printf(&line, "\t%s\t%zu", t->next_goal, t->overdue);
		buf_adds(&o->towns_tsv, line.data);
		buf_addc(&o->towns_tsv, '\n');
		buf_adds(&o->points_tsv, line.data);
		buf_addc(&o->points_tsv, '\t');
		o_points(&o->points_tsv, a, title_order, title_count);
		buf_free(&line);
		for (size_t j = 0; j < t->n; j++) {
			const struct o_audit *h = &o->audits[t->audits[j]];
			o_field(&o->history_tsv, h->a->kommune, 0);
			o_field(&o->history_tsv, h->a->landkreis, 0);
			o_field(&o->history_tsv, h->a->ihk, 0);
			buf_printf(&o->history_tsv, "%s\t%s\t%s\t%s\t",
			           o_kind[h->a->kind], h->a->datum,
			           o_verdict[h->a->verdict], h->until);
			o_field(&o->history_tsv, h->a->path, 0);
			o_points(&o->history_tsv, h->a, title_order, title_count);
		}
	}

	/* items */
	for (size_t k = 0; k < o->town_count; k++) {
		const struct o_town *t = &o->towns[k];
		const struct register_audit *a = t->latest;
		char date[11];
		if (t->seal != NULL)
			o_add_item(&items, &item_count, t, t->seal->until, 0, 0, NULL,
			           NULL, stichtag);
		if (a->verdict == REGISTER_VERDICT_PASSED) {
			o_minus_months(t->seal->until, 6, date);
			o_add_item(&items, &item_count, t, date, 1, 0, NULL, NULL,
			           stichtag);
		}
		for (size_t g = 0; g < a->goal_count; g++)
			if (o_goal_date(a->goals[g].deadline, date))
				o_add_item(&items, &item_count, t, date, 2, g + 1, NULL,
				           a->goals[g].goal, stichtag);
		for (size_t e = 0; e < a->evidence_count; e++)
			o_add_item(&items, &item_count, t, a->evidence[e].due, 3, e + 1,
			           a->evidence[e].id, a->evidence[e].label, stichtag);
	}
	qsort(items, item_count, sizeof *items, o_item_cmp);
	buf_adds(&o->items_tsv, "Datum\tTage\tKommune\tTermin\tNr\tDetails\n");
	buf_adds(&o->events_tsv, "");
	for (size_t i = 0; i < item_count; i++) {
		buf_adds(&o->items_tsv, items[i].line);
		buf_adds(&o->events_tsv, items[i].event);
	}
	free(items);
	free(title_order);
}

static void
oracle_free(struct oracle *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->audits[i].town);
	free(o->audits);
	for (size_t k = 0; k < o->town_count; k++) {
		free(o->towns[k].key);
		free(o->towns[k].collate);
		free(o->towns[k].audits);
	}
	free(o->towns);
	buf_free(&o->towns_tsv);
	buf_free(&o->points_tsv);
	buf_free(&o->items_tsv);
	buf_free(&o->stats_tsv);
	buf_free(&o->problems_tsv);
	buf_free(&o->history_tsv);
	buf_free(&o->events_tsv);
}

/* ------------------------------------------------------------------ */
/* Generated audits                                                     */

/* Names with spelling variants of the same town (case, blanks, umlauts). */
static const struct {
	const char *variants[3];
	const char *landkreis;
	const char *ihk;
} places[] = {
    {{"Steinbach (Taunus)", "steinbach (taunus)", " Steinbach  (Taunus) "},
     "Hochtaunuskreis",
     "IHK Frankfurt am Main"},
    {{"Bad Soden", "BAD SODEN", "Bad\tSoden"},
     "Main-Taunus-Kreis",
     "IHK Frankfurt am Main"},
    {{"Kronberg im Taunus", "Kronberg im Taunus", "KRONBERG IM TAUNUS"},
     "Hochtaunuskreis",
     "IHK Frankfurt am Main"},
    {{"Königsbronn", "KÖNIGSBRONN", "königsbronn"},
     "Landkreis Heidenheim",
     "IHK Ostwürttemberg"},
    {{"Öhringen", "ÖHRINGEN", "Öhringen"}, "Hohenlohekreis", "IHK Heilbronn-Franken"},
    {{"Überlingen", "ÜBERLINGEN", "Überlingen"}, "Bodenseekreis", "IHK Bodensee"},
    {{"Oberursel", "Oberursel", "oberursel"}, "Hochtaunuskreis", "IHK Frankfurt am Main"},
    {{"Groß-Gerau", "GROß-GERAU", "Groß-Gerau"}, "Kreis Groß-Gerau", "IHK Darmstadt"},
    {{"Gross-Umstadt", "Gross-Umstadt", "Gross-Umstadt"},
     "Darmstadt-Dieburg",
     "IHK Darmstadt"},
    {{"Aalen", "aalen", "AALEN"}, "Ostalbkreis", "IHK Ostwürttemberg"},
    {{"Ellwangen", "Ellwangen", "Ellwangen"}, "Ostalbkreis", "IHK Ostwürttemberg"},
    {{"Giengen", "Giengen", "Giengen"}, "Landkreis Heidenheim", "IHK Ostwürttemberg"},
    {{"Heidenheim", "Heidenheim", "Heidenheim"},
     "Landkreis Heidenheim",
     "IHK Ostwürttemberg"},
    {{"Schwäbisch Gmünd", "SCHWÄBISCH GMÜND", "Schwäbisch  Gmünd"},
     "Ostalbkreis",
     "IHK Ostwürttemberg"},
    {{"Darmstadt", "Darmstadt", "Darmstadt"}, "", "IHK Darmstadt"},
    {{"Erlenbach", "Erlenbach", "Erlenbach"},
     "Landkreis Miltenberg",
     "IHK Aschaffenburg"},
    {{"Aschaffenburg", "Aschaffenburg", "ASCHAFFENBURG"}, "", "IHK Aschaffenburg"},
    {{"Dreieich", "Dreieich", "Dreieich"}, "Kreis Offenbach", "IHK Offenbach am Main"},
    {{"Ägidienberg", "ÄGIDIENBERG", "Ägidienberg"}, "Rhein-Sieg-Kreis", "IHK Bonn"},
    {{"Zell", "Zell", "Zell"}, "Cochem-Zell", "IHK Koblenz"},
    /* the same name in two Landkreise: two towns (and one without: a third) */
    {{"Neustadt", "Neustadt", "Neustadt"},
     "Landkreis Marburg-Biedenkopf",
     "IHK Kassel-Marburg"},
    {{"Neustadt", "NEUSTADT", "Neustadt"}, "Landkreis Coburg", "IHK zu Coburg"},
    {{"Limburg", "Limburg", "Limburg"}, "Landkreis Limburg-Weilburg", "IHK Limburg"},
    {{"Hanau", "Hanau", "Hanau"},
     "Main-Kinzig-Kreis",
     "IHK Hanau-Gelnhausen-Schlüchtern"},
    {{"Wetzlar", "Wetzlar", "Wetzlar"}, "Lahn-Dill-Kreis", "IHK Lahn-Dill"},
};

/* A random ISO date between two day numbers. */
static void
random_date(long from, long to, char out[11])
{
	o_from_day_number(from + (long)rng((unsigned)(to - from + 1)), out);
}

/* count random audits into a fresh array; *n receives the number. */
static struct register_audit *
generate(unsigned long long seed, size_t count, size_t *n)
{
	static const int maxima[] = {20, 40, 80, 100, 200};
	struct register_audit *list = xcalloc(count, sizeof *list);
	long first = o_day_number("2013-06-01"), last = o_day_number("2027-06-30");

	rng_state = seed;
	for (size_t i = 0; i < count; i++) {
		struct register_audit *a = &list[i];
		size_t p = rng(COUNT(places));
		char datum[11], path[64], date[11];
		unsigned v = rng(10);
		const char *landkreis = places[p].landkreis;

		random_date(first, last, datum);
		snprintf(path, sizeof path, "/daten/sitzungen/audit-%03zu.cdb", i);
		if (strcmp(places[p].variants[0], "Neustadt") == 0 && rng(6) == 0)
			landkreis = NULL; /* a third Neustadt */
		else if (rng(5) == 0)
			landkreis = ""; /* left empty: joins its town */
		audit_init(a, places[p].variants[rng(3)], landkreis,
		           rng(8) == 0 ? NULL : places[p].ihk,
		           rng(2) ? AUDIT_RENEWAL : AUDIT_FIRST, datum,
		           v < 6   ? REGISTER_VERDICT_PASSED
		           : v < 8 ? REGISTER_VERDICT_FAILED
		                   : REGISTER_VERDICT_OPEN,
		           path);
		if (rng(10) == 0) { /* another edition of the form */
			a->validity_first = 4;
			a->validity_renewal = 6;
		}
		if (a->verdict == REGISTER_VERDICT_PASSED && rng(7) == 0) {
			o_from_day_number(
			    o_day_number(datum) + 3 * 365 + (long)rng(7) - 3, date);
			a->valid_until = xstrdup(date);
		}
		for (size_t s = 0; s < 5 + (rng(10) == 0); s++) {
			int max = rng(20) == 0 ? 0 : maxima[rng(COUNT(maxima))];
			audit_section(a, titles[s], max ? (int)rng((unsigned)max + 1) : 0,
			              max);
		}
		a->total += (int)rng(7); /* Sonderpunkte */
		for (size_t g = 0; g < rng(4); g++) {
			static const char *const free_text[] = {"Ende 2027", "Q3/2026",
			                                        "31.02.2027", "laufend"};
			char goal[64], frist[32];
			int style = (int)rng(6);
			random_date(o_day_number(datum), o_day_number(datum) + 3 * 365,
			            date);
			if (style == 0)
				snprintf(frist, sizeof frist, "%s", date);
			else if (style == 1)
				snprintf(frist, sizeof frist, "%.2s.%.2s.%.4s", date + 8,
				         date + 5, date);
			else if (style == 2)
				snprintf(frist, sizeof frist, "%d.%d.%.2s",
				         atoi(date + 8), atoi(date + 5), date + 2);
			else if (style == 3)
				snprintf(frist, sizeof frist, "%s", free_text[rng(4)]);
			else
				snprintf(frist, sizeof frist, "%s", date);
			snprintf(goal, sizeof goal, "Ziel %zu der Kommune Nr. %zu", g + 1,
			         i);
			audit_goal(a, style == 5 && rng(2) ? NULL : goal, frist);
		}
		for (size_t e = 0; e < rng(4); e++) {
			char id[32], label[64];
			random_date(o_day_number(datum), o_day_number(datum) + 365, date);
			snprintf(id, sizeof id, "feld%zu.frage%u", e + 1, rng(9) + 1);
			snprintf(label, sizeof label, "%zu.%u Nachweis zur Frage", e + 1,
			         rng(9) + 1);
			audit_evidence(a, id, label, date);
		}
	}
	*n = count;
	return list;
}

/* ------------------------------------------------------------------ */
/* Comparing the register with the oracle                               */

/* Whether got equals want; prints the first differing line when not. */
static int
same_text(const char *what, const char *got, const char *want)
{
	size_t line = 1;
	const char *g = got, *w = want;

	if (strcmp(got, want) == 0)
		return 1;
	while (*g && *g == *w) {
		if (*g == '\n') {
			line++;
			got = g + 1;
			want = w + 1;
		}
		g++;
		w++;
	}
	fprintf(stderr, "\n%s differs at line %zu:\n  register: %.*s\n  oracle:   %.*s\n",
	        what, line, (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"), want);
	return 0;
}

/* Build the register and compare every part with the oracle. */
static void
compare_with_oracle(const struct register_audit *audits, size_t n,
                    const struct register_problem *problems, size_t problem_count,
                    const char *stichtag)
{
	struct register_result r;
	struct oracle o;
	char *why = NULL, *tsv;

	CU_ASSERT_EQUAL_FATAL(
	    register_build(audits, n, problems, problem_count, stichtag, &r, &why), 0);
	oracle_run(&o, audits, n, problems, problem_count, stichtag);
	CU_ASSERT_EQUAL(r.town_count, o.town_count);

	tsv = register_format_tsv(&r, REGISTER_PART_TOWNS, 0);
	CU_ASSERT_TRUE(same_text("towns", tsv, o.towns_tsv.data));
	free(tsv);
	tsv = register_format_tsv(&r, REGISTER_PART_TOWNS, REGISTER_WITH_POINTS);
	CU_ASSERT_TRUE(same_text("towns with points", tsv, o.points_tsv.data));
	free(tsv);
	tsv = register_format_tsv(&r, REGISTER_PART_HISTORY, REGISTER_WITH_POINTS);
	CU_ASSERT_TRUE(same_text("history", tsv, o.history_tsv.data));
	free(tsv);
	tsv = register_format_tsv(&r, REGISTER_PART_ITEMS, 0);
	CU_ASSERT_TRUE(same_text("items", tsv, o.items_tsv.data));
	free(tsv);
	tsv = register_format_tsv(&r, REGISTER_PART_STATS, 0);
	CU_ASSERT_TRUE(same_text("statistics", tsv, o.stats_tsv.data));
	free(tsv);
	tsv = register_format_tsv(&r, REGISTER_PART_PROBLEMS, 0);
	CU_ASSERT_TRUE(same_text("problems", tsv, o.problems_tsv.data));
	free(tsv);
	/* the calendar's UIDs and summaries */
	{
		struct buf events = {0};
		buf_adds(&events, "");
		for (size_t i = 0; i < r.item_count; i++) {
			char *uid = register_item_uid(&r, &r.items[i]);
			char *summary = register_item_summary(&r, &r.items[i]);
			buf_printf(&events, "%s\t%s\t%d\t%s\n", uid, r.items[i].date,
			           r.items[i].kind <= REGISTER_ITEM_PLANNING
			               ? REGISTER_ALARM_EXPIRY_DAYS
			               : REGISTER_ALARM_DEADLINE_DAYS,
			           summary);
			free(uid);
			free(summary);
		}
		CU_ASSERT_TRUE(same_text("events", events.data, o.events_tsv.data));
		buf_free(&events);
	}
	oracle_free(&o);
	register_result_free(&r);
}

/* Generated audits at Stichtage around leap days and month ends. */
static void
test_oracle_generated(void)
{
	static const char *const stichtage[] = {"2026-03-01", "2024-02-29", "2025-08-31",
	                                        "2019-01-01", "2027-12-31"};
	static const unsigned long long seeds[] = {1, 2, 3, 17, 2026};

	for (size_t s = 0; s < COUNT(seeds); s++) {
		size_t n;
		struct register_audit *audits = generate(seeds[s], 40 + 40 * s, &n);
		for (size_t d = 0; d < COUNT(stichtage); d++)
			compare_with_oracle(audits, n, NULL, 0, stichtage[d]);
		audits_free(audits, n);
	}
}

/* ------------------------------------------------------------------ */
/* Hand-made cases                                                      */

/* The hand-made audits; the cases below expect exactly these. */
static struct register_audit *
edge_audits(size_t *n)
{
	struct register_audit *a = xcalloc(16, sizeof *a);
	size_t k = 0;

	/* Erstaudit on a leap day: 3 years → 28.02.2027 */
	audit_init(&a[k++], "Schaltstadt", "Kreis A", "IHK Darmstadt", AUDIT_FIRST,
	           "2024-02-29", REGISTER_VERDICT_PASSED, "/s/schaltstadt.cdb");
	/* expires exactly 6 months after the Stichtag 2026-03-01: läuft ab */
	audit_init(&a[k++], "Grenzhausen", "Kreis A", "IHK Darmstadt", AUDIT_RENEWAL,
	           "2021-09-01", REGISTER_VERDICT_PASSED, "/s/grenzhausen.cdb");
	/* one day more: still gültig */
	audit_init(&a[k++], "Knappheim", "Kreis A", "IHK Darmstadt", AUDIT_RENEWAL,
	           "2021-09-02", REGISTER_VERDICT_PASSED, "/s/knappheim.cdb");
	/* expires on the Stichtag: läuft ab with 0 days */
	audit_init(&a[k++], "Heutingen", "Kreis B", "IHK Wiesbaden", AUDIT_FIRST,
	           "2023-03-01", REGISTER_VERDICT_PASSED, "/s/heutingen.cdb");
	/* expired the day before: abgelaufen, −1 */
	audit_init(&a[k++], "Gesternau", "Kreis B", "IHK Wiesbaden", AUDIT_FIRST,
	           "2023-02-28", REGISTER_VERDICT_PASSED, "/s/gesternau.cdb");
	/* three audits: Erst, Re passed, Re open now: offen, seal of 2022 */
	audit_init(&a[k++], "Vielfeld", "Kreis C", "IHK Limburg", AUDIT_FIRST,
	           "2019-05-10", REGISTER_VERDICT_PASSED, "/s/vielfeld-1.cdb");
	audit_init(&a[k++], "Vielfeld", "Kreis C", "IHK Limburg", AUDIT_RENEWAL,
	           "2022-05-10", REGISTER_VERDICT_PASSED, "/s/vielfeld-2.cdb");
	audit_init(&a[k++], "VIELFELD ", NULL, NULL, AUDIT_RENEWAL, "2026-02-20",
	           REGISTER_VERDICT_OPEN, "/s/vielfeld-3.cdb");
	audit_goal(&a[k - 1], "Willkommenspaket", "30.06.2026");
	audit_goal(&a[k - 1], "Kita-Anmeldung", "Ende 2026");
	audit_goal(&a[k - 1], "Neubürgerempfang", "2026-04-15");
	audit_evidence(&a[k - 1], "zuzug.paket", "2.1 Willkommenspaket", "2026-02-27");
	audit_evidence(&a[k - 1], "familie.kita", "3.2 Kita-Anmeldung", "2026-03-01");
	/* failed re-audit after a seal that still runs */
	audit_init(&a[k++], "Fallbach", "Kreis D", "IHK Gießen-Friedberg", AUDIT_FIRST,
	           "2024-06-30", REGISTER_VERDICT_PASSED, "/s/fallbach-1.cdb");
	audit_init(&a[k++], "Fallbach", "Kreis D", "IHK Gießen-Friedberg", AUDIT_RENEWAL,
	           "2026-01-15", REGISTER_VERDICT_FAILED, "/s/fallbach-2.cdb");
	/* an open Erstaudit: no seal */
	audit_init(&a[k++], "Neuanfang", "Kreis D", "IHK Gießen-Friedberg", AUDIT_FIRST,
	           "2026-02-25", REGISTER_VERDICT_OPEN, "/s/neuanfang.cdb");
	/* re-audit passed, given "gültig bis" wins over the form's years */
	audit_init(&a[k++], "Vorgabe", "Kreis E", "IHK Hanau-Gelnhausen-Schlüchtern",
	           AUDIT_RENEWAL, "2025-08-31", REGISTER_VERDICT_PASSED,
	           "/s/vorgabe.cdb");
	a[k - 1].valid_until = xstrdup("2030-08-30");
	/* a re-audit expiring on 31.08.: planning date clamped to 28.02. */
	audit_init(&a[k++], "Monatsende", "Kreis E", "IHK Hanau-Gelnhausen-Schlüchtern",
	           AUDIT_RENEWAL, "2021-08-31", REGISTER_VERDICT_PASSED,
	           "/s/monatsende.cdb");
	*n = k;
	return a;
}

/* The status, days and dates of each hand-made town at 2026-03-01. */
static void
test_edge_cases(void)
{
	static const struct {
		const char *kommune, *status, *until, *planning;
		long days;
	} want[] = {
	    {"Gesternau", "abgelaufen", "2026-02-28", "2025-08-28", -1},
	    {"Heutingen", "läuft innerhalb von 6 Monaten ab", "2026-03-01", "2025-09-01",
	     0},
	    {"Monatsende", "läuft innerhalb von 6 Monaten ab", "2026-08-31", "2026-02-28",
	     183},
	    {"Grenzhausen", "läuft innerhalb von 6 Monaten ab", "2026-09-01",
	     "2026-03-01", 184},
	    {"Fallbach", "nicht bestanden", "2027-06-30", "2026-12-30", 486},
	    {"Schaltstadt", "gültig", "2027-02-28", "2026-08-28", 364},
	    {"Knappheim", "gültig", "2026-09-02", "2026-03-02", 185},
	    {"Vorgabe", "gültig", "2030-08-30", "2030-02-28", 1643},
	};
	struct register_result r;
	size_t n;
	struct register_audit *a = edge_audits(&n);
	char *why = NULL;

	CU_ASSERT_EQUAL_FATAL(register_build(a, n, NULL, 0, "2026-03-01", &r, &why), 0);
	CU_ASSERT_EQUAL_FATAL(r.town_count, 10);
	/* urgency: expired, expiring by days, open (seal first), failed, valid */
	{
		static const char *const order[] = {
		    "Gesternau", "Heutingen", "Monatsende", "Grenzhausen", "VIELFELD ",
		    "Neuanfang", "Fallbach",  "Knappheim",  "Schaltstadt", "Vorgabe"};
		for (size_t i = 0; i < COUNT(order); i++)
			CU_ASSERT_STRING_EQUAL(r.towns[i].kommune, order[i]);
	}
	for (size_t i = 0; i < COUNT(want); i++) {
		const struct register_town *t = NULL;
		for (size_t k = 0; k < r.town_count; k++)
			if (strcmp(r.towns[k].kommune, want[i].kommune) == 0)
				t = &r.towns[k];
		CU_ASSERT_PTR_NOT_NULL_FATAL(t);
		CU_ASSERT_STRING_EQUAL(register_status_label(t->status), want[i].status);
		CU_ASSERT_STRING_EQUAL(t->valid_until, want[i].until);
		CU_ASSERT_STRING_EQUAL(t->planning, want[i].planning);
		CU_ASSERT_EQUAL(t->days_left, want[i].days);
	}
	/* Vielfeld: three audits, open; seal of 2022 (5 years), Landkreis and
	 * IHK from the audits that have them; next goal 15.04.; one overdue */
	{
		const struct register_town *t = &r.towns[4];
		CU_ASSERT_EQUAL(t->entry_count, 3);
		CU_ASSERT_EQUAL(t->status, REGISTER_OPEN);
		CU_ASSERT_STRING_EQUAL(t->valid_until, "2027-05-10");
		CU_ASSERT_STRING_EQUAL(t->landkreis, "Kreis C");
		CU_ASSERT_STRING_EQUAL(t->ihk, "IHK Limburg");
		CU_ASSERT_STRING_EQUAL(t->next_goal, "2026-04-15");
		CU_ASSERT_EQUAL(t->next_goal_number, 3);
		CU_ASSERT_EQUAL(t->overdue_evidence, 1);
		CU_ASSERT_STRING_EQUAL(r.entries[t->latest].audit->datum, "2026-02-20");
		CU_ASSERT_STRING_EQUAL(r.entries[t->seal].audit->datum, "2022-05-10");
	}
	/* Neuanfang: no seal, no days */
	CU_ASSERT_FALSE(r.towns[5].has_seal);
	CU_ASSERT_STRING_EQUAL(r.towns[5].valid_until, "");
	/* the same through the oracle, at this and at neighbouring Stichtage */
	compare_with_oracle(a, n, NULL, 0, "2026-03-01");
	compare_with_oracle(a, n, NULL, 0, "2026-03-02");
	compare_with_oracle(a, n, NULL, 0, "2026-02-28");
	compare_with_oracle(a, n, NULL, 0, "2028-02-29");
	register_result_free(&r);
	audits_free(a, n);
}

/* Items: the documented kinds, dates and order on the hand-made audits. */
static void
test_items(void)
{
	struct register_result r;
	size_t n, seen[REGISTER_ITEM_COUNT] = {0};
	struct register_audit *a = edge_audits(&n);
	char *why = NULL;

	CU_ASSERT_EQUAL_FATAL(register_build(a, n, NULL, 0, "2026-03-01", &r, &why), 0);
	for (size_t i = 0; i < r.item_count; i++) {
		seen[r.items[i].kind]++;
		if (i > 0)
			CU_ASSERT_TRUE(strcmp(r.items[i - 1].date, r.items[i].date) <= 0);
		CU_ASSERT_EQUAL(r.items[i].days,
		                date_days(r.items[i].date) - date_days("2026-03-01"));
	}
	/* every town with a seal has its expiry (9 of 10); planning only where
	 * the latest audit passed (7); goals with a date (2 of 3); evidence 2 */
	CU_ASSERT_EQUAL(seen[REGISTER_ITEM_EXPIRY], 9);
	CU_ASSERT_EQUAL(seen[REGISTER_ITEM_PLANNING], 7);
	CU_ASSERT_EQUAL(seen[REGISTER_ITEM_GOAL], 2);
	CU_ASSERT_EQUAL(seen[REGISTER_ITEM_EVIDENCE], 2);
	/* Grenzhausen's planning date is the Stichtag itself: 0 days */
	for (size_t i = 0; i < r.item_count; i++)
		if (r.items[i].kind == REGISTER_ITEM_PLANNING &&
		    strcmp(r.towns[r.items[i].town].kommune, "Grenzhausen") == 0) {
			CU_ASSERT_STRING_EQUAL(r.items[i].date, "2026-03-01");
			CU_ASSERT_EQUAL(r.items[i].days, 0);
		}
	register_result_free(&r);
	audits_free(a, n);
}

/* Quartiles on known data; suppression below 5 towns. */
static void
test_stats_known(void)
{
	/* percentages per town: HF1 40 50 60 70 80 (n=5), HF2 10…60 (n=6),
	 * HF3 only 4 towns; the Endpunktzahl of all */
	static const int hf1[] = {40, 50, 60, 70, 80, 0};
	static const int hf2[] = {10, 20, 30, 40, 50, 60};
	struct register_audit a[7];
	struct register_result r;
	char *why = NULL, name[32];

	for (size_t i = 0; i < 7; i++) {
		snprintf(name, sizeof name, "Ort %zu", i);
		audit_init(&a[i], name, NULL, NULL, AUDIT_FIRST, "2025-01-01",
		           i < 6 ? REGISTER_VERDICT_PASSED : REGISTER_VERDICT_OPEN, "/x");
		if (i < 5)
			audit_section(&a[i], "HF1", hf1[i], 100);
		audit_section(&a[i], "HF2", hf2[i % 6], 100);
		if (i < 4)
			audit_section(&a[i], "HF3", 10, 20);
	}
	CU_ASSERT_EQUAL_FATAL(register_build(a, 7, NULL, 0, "2026-01-01", &r, &why), 0);
	CU_ASSERT_EQUAL_FATAL(r.stat_count, 4);
	CU_ASSERT_STRING_EQUAL(r.stats[0].title, "HF1");
	CU_ASSERT_EQUAL(r.stats[0].count, 5);
	CU_ASSERT_TRUE(r.stats[0].shown);
	CU_ASSERT_DOUBLE_EQUAL(r.stats[0].q1, 50.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r.stats[0].median, 60.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r.stats[0].q3, 70.0, 1e-12);
	CU_ASSERT_STRING_EQUAL(r.stats[1].title, "HF2");
	CU_ASSERT_EQUAL(r.stats[1].count, 6); /* the open seventh is left out */
	CU_ASSERT_DOUBLE_EQUAL(r.stats[1].q1, 22.5, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r.stats[1].median, 35.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r.stats[1].q3, 47.5, 1e-12);
	CU_ASSERT_STRING_EQUAL(r.stats[2].title, "HF3");
	CU_ASSERT_EQUAL(r.stats[2].count, 4);
	CU_ASSERT_FALSE(r.stats[2].shown);
	CU_ASSERT_STRING_EQUAL(r.stats[3].title, REGISTER_STAT_TOTAL);
	CU_ASSERT_EQUAL(r.stats[3].count, 6);
	{
		char *tsv = register_format_tsv(&r, REGISTER_PART_STATS, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "HF1\t5\t50.0\t60.0\t70.0\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "HF2\t6\t22.5\t35.0\t47.5\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "HF3\t4\t\t\t\n"));
		free(tsv);
		tsv = register_format_text(&r, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(tsv,
		                              "HF1: 5 Kommunen, Median 60,0 %, Quartile "
		                              "50,0 % und 70,0 %"));
		CU_ASSERT_PTR_NOT_NULL(
		    strstr(tsv, "HF3: 4 Kommunen – weniger als 5, nicht ausgewiesen"));
		free(tsv);
	}
	register_result_free(&r);
	/* with one town less, HF1 falls below 5 and is suppressed */
	CU_ASSERT_EQUAL_FATAL(register_build(a + 1, 6, NULL, 0, "2026-01-01", &r, &why),
	                      0);
	CU_ASSERT_EQUAL(r.stats[0].count, 4);
	CU_ASSERT_FALSE(r.stats[0].shown);
	CU_ASSERT_DOUBLE_EQUAL(r.stats[0].median, 0.0, 0);
	register_result_free(&r);
	for (size_t i = 0; i < 7; i++)
		register_audit_clear(&a[i]);
}

/* Bad audits become problems; the caller's problems come first; a bad
 * Stichtag is the only reason to fail. */
static void
test_problems(void)
{
	struct register_audit a[7];
	struct register_problem caller[] = {{"/s/kaputt.cdb", "Prüfsumme falsch"},
	                                    {"/s/fremd.cdb", "keine Sitzung"}};
	struct register_result r;
	char *why = NULL;

	audit_init(&a[0], "  ", NULL, NULL, AUDIT_FIRST, "2025-01-01",
	           REGISTER_VERDICT_PASSED, "/s/leer.cdb");
	audit_init(&a[1], "Ort", NULL, NULL, AUDIT_FIRST, "2025-02-30",
	           REGISTER_VERDICT_PASSED, "/s/datum.cdb");
	audit_init(&a[2], "Ort", NULL, NULL, AUDIT_FIRST, NULL, REGISTER_VERDICT_OPEN,
	           NULL);
	audit_init(&a[3], "Ort", NULL, NULL, AUDIT_FIRST, "2025-01-01",
	           REGISTER_VERDICT_PASSED, "/s/jahre.cdb");
	a[3].validity_first = 0;
	audit_init(&a[4], "Ort", NULL, NULL, AUDIT_FIRST, "2025-01-01",
	           REGISTER_VERDICT_PASSED, "/s/bis.cdb");
	a[4].valid_until = xstrdup("bald");
	audit_init(&a[5], "Ort", NULL, NULL, AUDIT_FIRST, "2025-01-01",
	           REGISTER_VERDICT_OPEN, "/s/nachweis.cdb");
	audit_evidence(&a[5], "x.y", "1.1 Konzept", "1.3.2025");
	audit_init(&a[6], "Ort", NULL, NULL, AUDIT_FIRST, "2025-01-01",
	           REGISTER_VERDICT_PASSED, "/s/gut.cdb");

	CU_ASSERT_EQUAL(register_build(a, 7, caller, 2, "1.3.2026", &r, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "Stichtag"));
	CU_ASSERT_EQUAL(r.town_count, 0);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL_FATAL(register_build(a, 7, caller, 2, "2026-03-01", &r, &why), 0);
	CU_ASSERT_EQUAL(r.entry_count, 1);
	CU_ASSERT_EQUAL(r.town_count, 1);
	CU_ASSERT_EQUAL_FATAL(r.problem_count, 8);
	CU_ASSERT_STRING_EQUAL(r.problems[0].path, "/s/kaputt.cdb");
	CU_ASSERT_STRING_EQUAL(r.problems[1].reason, "keine Sitzung");
	CU_ASSERT_STRING_EQUAL(r.problems[2].reason, "keine Kommune angegeben");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.problems[3].reason, "„2025-02-30“"));
	CU_ASSERT_STRING_EQUAL(r.problems[4].path, "(ohne Datei)");
	CU_ASSERT_STRING_EQUAL(r.problems[4].reason, "kein Datum des Audits angegeben");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.problems[5].reason, "Gültigkeitsdauer"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.problems[6].reason, "„bald“"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.problems[7].reason, "1.1 Konzept"));
	compare_with_oracle(a, 7, caller, 2, "2026-03-01");
	{
		char *text = register_format_text(&r, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "8 Dateien nicht gelesen"));
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "/s/kaputt.cdb: Prüfsumme falsch"));
		free(text);
	}
	register_result_free(&r);
	register_result_free(&r); /* freeing twice is harmless: it was zeroed */
	for (size_t i = 0; i < 7; i++)
		register_audit_clear(&a[i]);
	/* nothing at all */
	CU_ASSERT_EQUAL_FATAL(register_build(NULL, 0, NULL, 0, "2026-03-01", &r, &why),
	                      0);
	CU_ASSERT_EQUAL(r.town_count, 0);
	CU_ASSERT_EQUAL(r.item_count, 0);
	CU_ASSERT_EQUAL(r.stat_count, 1);
	CU_ASSERT_FALSE(r.stats[0].shown);
	{
		char *text = register_format_text(&r, REGISTER_WITH_HISTORY);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "0 Kommunen, 0 Audits"));
		free(text);
	}
	register_result_free(&r);
}

/* Audits of one town on one day: the Re-Audit is the later one whatever
 * the file names; unknown enum values are refused, not guessed. */
static void
test_same_day(void)
{
	struct register_audit a[4];
	struct register_result r;
	char *why = NULL;

	audit_init(&a[0], "Gleichtag", NULL, NULL, AUDIT_RENEWAL, "2025-06-01",
	           REGISTER_VERDICT_FAILED, "/s/a.cdb");
	audit_init(&a[1], "Gleichtag", NULL, NULL, AUDIT_FIRST, "2025-06-01",
	           REGISTER_VERDICT_PASSED, "/s/z.cdb");
	audit_init(&a[2], "Fremdwert", NULL, NULL, (enum audit_kind)7, "2025-06-01",
	           REGISTER_VERDICT_PASSED, "/s/art.cdb");
	audit_init(&a[3], "Fremdwert", NULL, NULL, AUDIT_FIRST, "2025-06-01",
	           (enum register_verdict)9, "/s/ergebnis.cdb");
	CU_ASSERT_EQUAL_FATAL(register_build(a, 4, NULL, 0, "2026-01-01", &r, &why), 0);
	CU_ASSERT_EQUAL_FATAL(r.town_count, 1);
	CU_ASSERT_EQUAL(r.towns[0].status, REGISTER_FAILED);
	CU_ASSERT_STRING_EQUAL(r.entries[r.towns[0].latest].audit->path, "/s/a.cdb");
	CU_ASSERT_STRING_EQUAL(r.towns[0].valid_until, "2028-06-01");
	CU_ASSERT_EQUAL_FATAL(r.problem_count, 2);
	CU_ASSERT_STRING_EQUAL(r.problems[0].reason, "unbekannte Art des Audits (7)");
	CU_ASSERT_STRING_EQUAL(r.problems[1].reason, "unbekanntes Ergebnis (9)");
	register_result_free(&r);
	for (size_t i = 0; i < 4; i++)
		register_audit_clear(&a[i]);
}

/* The text for a person: German dates, points and history only on request,
 * no control character reaches the terminal. */
static void
test_text(void)
{
	struct register_result r;
	size_t n;
	struct register_audit *a = edge_audits(&n);
	char *why = NULL, *text;

	free(a[0].kommune);
	a[0].kommune = xstrdup("Schalt\x1b[2Jstadt");
	audit_section(&a[4], "Zuzug leicht gemacht", 33, 40);
	CU_ASSERT_EQUAL_FATAL(register_build(a, n, NULL, 0, "2026-03-01", &r, &why), 0);
	text = register_format_text(&r, 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Stichtag 01.03.2026"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(text, "abgelaufen: Gesternau (Kreis B, IHK Wiesbaden)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "seit 1 Tag abgelaufen"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Siegel gültig bis 10.05.2027"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "nächste Zielfrist 15.04.2026 (Ziel 3); 1 "
	                                    "Nachweis überfällig"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(text, "01.03.2026 (heute) Grenzhausen: Re-Audit planen"));
	CU_ASSERT_PTR_NULL(strstr(text, "Punkte:"));
	CU_ASSERT_PTR_NULL(strstr(text, "früher:"));
	CU_ASSERT_PTR_NULL(strchr(text, '\x1b'));
	free(text);
	text = register_format_text(&r, REGISTER_WITH_POINTS | REGISTER_WITH_HISTORY);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "Punkte: 33 von 40 Punkten (82,5 %); Zuzug "
	                                    "leicht gemacht 82,5 %"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "früher: Erstaudit am 10.05.2019: bestanden, "
	                                    "gültig bis 10.05.2022"));
	free(text);
	register_result_free(&r);
	audits_free(a, n);
}

/* ------------------------------------------------------------------ */
/* Files                                                                */

/* The zip member name of path as a string (caller frees), NULL when absent. */
static char *
zip_text(const char *path, const char *name)
{
	unzFile z = unzOpen64(path);
	struct buf b = {0};
	char chunk[4096];
	int got;

	if (z == NULL)
		return NULL;
	if (unzLocateFile(z, name, 1) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK) {
		unzClose(z);
		return NULL;
	}
	while ((got = unzReadCurrentFile(z, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)got);
	buf_adds(&b, "");
	unzCloseCurrentFile(z);
	unzClose(z);
	return buf_steal(&b);
}

static int
file_equal(const char *x, const char *y)
{
	char *a = NULL, *b = NULL, *why = NULL;
	size_t la = 0, lb = 0;
	int same;

	if (file_read_all(x, 64 << 20, &a, &la, &why) != 0 ||
	    file_read_all(y, 64 << 20, &b, &lb, &why) != 0) {
		free(why);
		free(a);
		return 0;
	}
	same = la == lb && memcmp(a, b, la) == 0;
	free(a);
	free(b);
	return same;
}

/* Whether dir holds nothing but the names given (NULL-terminated). */
static int
dir_holds_only(const char *dir, const char *const *names)
{
	char *cmd = xasprintf("ls -A '%s'", dir);
	FILE *p = popen(cmd, "r");
	char line[512];
	int ok = 1;

	while (p != NULL && fgets(line, sizeof line, p) != NULL) {
		int known = 0;
		line[strcspn(line, "\n")] = '\0';
		for (size_t i = 0; names[i] != NULL; i++)
			known |= strcmp(names[i], line) == 0;
		if (!known) {
			fprintf(stderr, "\nunexpected file %s/%s\n", dir, line);
			ok = 0;
		}
	}
	if (p != NULL)
		pclose(p);
	free(cmd);
	return ok;
}

/* The workbook: sheets, numbers in the C locale, real dates, no points
 * without the flag; refused targets; temp files cleaned up. */
static void
test_xlsx(void)
{
	struct register_result r;
	size_t n;
	struct register_audit *a = edge_audits(&n);
	char *dir = test_tmpdir(), *path = xasprintf("%s/register.xlsx", dir);
	char *other = xasprintf("%s/again.xlsx", dir), *why = NULL, *xml;
	int unprotected = -1;

	for (size_t i = 0; i < n; i++)
		audit_section(&a[i], "Zuzug leicht gemacht", (int)(i * 3 % 41), 40);
	/* a control character and a broken UTF-8 byte never reach a cell */
	free(a[2].kommune);
	a[2].kommune = xstrdup("Knapp\x1bheim\xff");
	CU_ASSERT_EQUAL_FATAL(register_build(a, n, NULL, 0, "2026-03-01", &r, &why), 0);
	CU_ASSERT_EQUAL(register_write_xlsx(&r, path, 0, &unprotected, &why), 0);
	CU_ASSERT_EQUAL(unprotected, 0);
	xml = zip_text(path, "xl/workbook.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "name=\"Register\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "name=\"Termine\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "name=\"Statistik\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "name=\"Nicht gelesen\""));
	CU_ASSERT_PTR_NULL(strstr(xml, "name=\"Verlauf\""));
	free(xml);
	xml = zip_text(path, "xl/worksheets/sheet1.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	/* 28.02.2026 (Gesternau's expiry) as an Excel serial number, not text */
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<v>46081</v>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<autoFilter"));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<pane xSplit=\"1\" ySplit=\"3\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "orientation=\"landscape\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "paperSize=\"9\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "fitToHeight=\"0\""));
	CU_ASSERT_PTR_NULL(strstr(xml, "Endpunktzahl"));
	free(xml);
	/* the shared strings hold no points heading either */
	xml = zip_text(path, "xl/sharedStrings.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	CU_ASSERT_PTR_NULL(strstr(xml, "Quote Zuzug"));
	CU_ASSERT_PTR_NULL(strstr(xml, ">Maximum<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, ">Knapp\xEF\xBF\xBDheim\xEF\xBF\xBD<"));
	CU_ASSERT_PTR_NULL(strchr(xml, '\x1b'));
	free(xml);

	/* with points and history: a fractional quote with a decimal point */
	CU_ASSERT_EQUAL(register_write_xlsx(&r, path,
	                                    REGISTER_WITH_POINTS | REGISTER_WITH_HISTORY,
	                                    NULL, &why),
	                0);
	xml = zip_text(path, "xl/workbook.xml");
	CU_ASSERT_PTR_NOT_NULL(xml != NULL ? strstr(xml, "name=\"Verlauf\"") : NULL);
	free(xml);
	xml = zip_text(path, "xl/worksheets/sheet1.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(xml, "<v>0.825</v>")); /* 33/40, whatever the locale */
	CU_ASSERT_PTR_NULL(strstr(xml, "<v>0,"));
	free(xml);
	/* the same register gives the same file */
	CU_ASSERT_EQUAL(register_write_xlsx(&r, other,
	                                    REGISTER_WITH_POINTS | REGISTER_WITH_HISTORY,
	                                    NULL, &why),
	                0);
	CU_ASSERT_TRUE(file_equal(path, other));
	{
		static const char *const only[] = {"register.xlsx", "again.xlsx", NULL};
		CU_ASSERT_TRUE(dir_holds_only(dir, only));
	}

	/* refused: a foreign file (unless forced), a link, a directory, a session */
	{
		char *foreign = xasprintf("%s/brief.xlsx", dir);
		char *link = xasprintf("%s/link.xlsx", dir);
		char *sub = xasprintf("%s/ordner.xlsx", dir);
		char *session = xasprintf("%s/x.cdb", dir);
		FILE *f = fopen(foreign, "w");
		fputs("Liebe Kommune", f);
		fclose(f);
		CU_ASSERT_EQUAL(register_write_xlsx(&r, foreign, 0, NULL, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "--force") : NULL);
		free(why);
		why = NULL;
		CU_ASSERT_EQUAL(
		    register_write_xlsx(&r, foreign, REGISTER_FORCE, NULL, &why), 0);
		CU_ASSERT_EQUAL(symlink(path, link), 0);
		CU_ASSERT_EQUAL(register_write_xlsx(&r, link, REGISTER_FORCE, NULL, &why),
		                -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "symbolischer Link")
		                                   : NULL);
		free(why);
		why = NULL;
		CU_ASSERT_EQUAL(mkdir(sub, 0700), 0);
		CU_ASSERT_EQUAL(register_write_xlsx(&r, sub, REGISTER_FORCE, NULL, &why),
		                -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "Verzeichnis") : NULL);
		free(why);
		why = NULL;
		CU_ASSERT_EQUAL(
		    register_write_xlsx(&r, session, REGISTER_FORCE, NULL, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "Sitzungsdatei") : NULL);
		free(why);
		why = NULL;
		CU_ASSERT_EQUAL(access(session, F_OK), -1);
		/* an own workbook is replaced without asking */
		CU_ASSERT_EQUAL(register_write_xlsx(&r, other, 0, NULL, &why), 0);
		free(foreign);
		free(link);
		free(sub);
		free(session);
	}
	/* an empty register is a workbook and a calendar too */
	{
		struct register_result empty;
		char *cal = xasprintf("%s/leer.ics", dir), *text = NULL;
		size_t len;
		CU_ASSERT_EQUAL_FATAL(
		    register_build(NULL, 0, NULL, 0, "2026-03-01", &empty, &why), 0);
		CU_ASSERT_EQUAL(
		    register_write_xlsx(&empty, other, REGISTER_WITH_POINTS, NULL, &why),
		    0);
		CU_ASSERT_EQUAL(register_write_ics(&empty, cal, 0, &why), 0);
		CU_ASSERT_EQUAL(file_read_all(cal, 1 << 20, &text, &len, &why), 0);
		CU_ASSERT_PTR_NOT_NULL(text != NULL ? strstr(text, "BEGIN:VCALENDAR\r\n")
		                                    : NULL);
		CU_ASSERT_PTR_NULL(text != NULL ? strstr(text, "VEVENT") : "");
		CU_ASSERT_PTR_NOT_NULL(text != NULL ? strstr(text, "END:VCALENDAR\r\n")
		                                    : NULL);
		free(text);
		free(cal);
		register_result_free(&empty);
	}
	/* a directory that does not exist: a message naming the file */
	{
		char *gone = xasprintf("%s/fehlt/r.xlsx", dir),
		     *gone_ics = xasprintf("%s/fehlt/t.ics", dir);
		CU_ASSERT_EQUAL(register_write_xlsx(&r, gone, 0, NULL, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, gone) : NULL);
		free(why);
		why = NULL;
		CU_ASSERT_EQUAL(register_write_ics(&r, gone_ics, 0, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, gone_ics) : NULL);
		free(why);
		why = NULL;
		free(gone);
		free(gone_ics);
	}
	/* a directory that cannot be written: a message, nothing left behind */
	if (geteuid() != 0) {
		char *ro = xasprintf("%s/nur-lesen", dir),
		     *target = xasprintf("%s/r.xlsx", ro);
		CU_ASSERT_EQUAL(mkdir(ro, 0500), 0);
		CU_ASSERT_EQUAL(register_write_xlsx(&r, target, 0, NULL, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, target) : NULL);
		free(why);
		why = NULL;
		chmod(ro, 0700);
		free(ro);
		free(target);
	}
	register_result_free(&r);
	audits_free(a, n);
	test_rmtree(dir);
	free(dir);
	free(path);
	free(other);
}

/* The text of property name in an event, or NULL (borrowed from libical). */
static const char *
ical_text(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	return p != NULL ? icalproperty_get_value_as_string(p) : NULL;
}

/* The calendar parsed back with libical: one event per item with its UID,
 * all-day dates, German summary and alarm; the same file twice. */
static void
test_ics(void)
{
	struct register_result r, later;
	size_t n, events = 0;
	struct register_audit *a = edge_audits(&n);
	char *dir = test_tmpdir(), *path = xasprintf("%s/termine.ics", dir);
	char *again = xasprintf("%s/nochmal.ics", dir), *why = NULL, *text = NULL;
	size_t len;
	icalcomponent *cal, *ev;

	CU_ASSERT_EQUAL_FATAL(register_build(a, n, NULL, 0, "2026-03-01", &r, &why), 0);
	CU_ASSERT_EQUAL_FATAL(register_write_ics(&r, path, 0, &why), 0);
	CU_ASSERT_EQUAL_FATAL(file_read_all(path, 16 << 20, &text, &len, &why), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nDTSTART;VALUE=DATE:20260301\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nDTSTAMP:20260301T000000Z\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nTRIGGER:-P14D\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nTRIGGER:-P7D\r\n"));
	cal = icalparser_parse_string(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cal);
	CU_ASSERT_STRING_EQUAL(ical_text(cal, ICAL_VERSION_PROPERTY), "2.0");
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(ical_text(cal, ICAL_PRODID_PROPERTY), "wohnort-audit"));
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT),
	    events++) {
		const struct register_item *it;
		struct icaltimetype start, end;
		icalcomponent *alarm;
		char *uid, *summary, day[11];
		if (events >= r.item_count)
			break;
		it = &r.items[events];
		uid = register_item_uid(&r, it);
		summary = register_item_summary(&r, it);
		CU_ASSERT_STRING_EQUAL(icalcomponent_get_uid(ev), uid);
		CU_ASSERT_STRING_EQUAL(icalcomponent_get_summary(ev), summary);
		start = icalcomponent_get_dtstart(ev);
		end = icalcomponent_get_dtend(ev);
		CU_ASSERT_TRUE(start.is_date);
		snprintf(day, sizeof day, "%04d-%02d-%02d", start.year, start.month,
		         start.day);
		CU_ASSERT_STRING_EQUAL(day, it->date);
		CU_ASSERT_EQUAL(
		    icaltime_compare_date_only(
		        icaltime_add(start, icaldurationtype_from_int(86400)), end),
		    0);
		alarm = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
		CU_ASSERT_PTR_NOT_NULL_FATAL(alarm);
		{
			struct icaltriggertype tr =
			    icalproperty_get_trigger(icalcomponent_get_first_property(
			        alarm, ICAL_TRIGGER_PROPERTY));
			CU_ASSERT_EQUAL(tr.duration.is_neg, 1);
			CU_ASSERT_EQUAL((int)tr.duration.days,
			                it->kind <= REGISTER_ITEM_PLANNING
			                    ? REGISTER_ALARM_EXPIRY_DAYS
			                    : REGISTER_ALARM_DEADLINE_DAYS);
		}
		free(uid);
		free(summary);
	}
	CU_ASSERT_EQUAL(events, r.item_count);
	CU_ASSERT_TRUE(r.item_count > 0);
	icalcomponent_free(cal);
	free(text);
	/* written again: the same bytes, hence the same UIDs */
	CU_ASSERT_EQUAL(register_write_ics(&r, again, 0, &why), 0);
	CU_ASSERT_TRUE(file_equal(path, again));
	/* a later Stichtag with a new audit: the expiry event of the town keeps
	 * its UID and moves to the new date */
	audit_init(&a[n], "Gesternau", "Kreis B", "IHK Wiesbaden", AUDIT_RENEWAL,
	           "2026-04-01", REGISTER_VERDICT_PASSED, "/s/gesternau-2.cdb");
	CU_ASSERT_EQUAL_FATAL(
	    register_build(a, n + 1, NULL, 0, "2026-05-01", &later, &why), 0);
	{
		char *old_uid = NULL, *new_uid = NULL;
		const char *old_date = NULL, *new_date = NULL;
		for (size_t i = 0; i < r.item_count; i++)
			if (r.items[i].kind == REGISTER_ITEM_EXPIRY &&
			    strcmp(r.towns[r.items[i].town].kommune, "Gesternau") == 0) {
				old_uid = register_item_uid(&r, &r.items[i]);
				old_date = r.items[i].date;
			}
		for (size_t i = 0; i < later.item_count; i++)
			if (later.items[i].kind == REGISTER_ITEM_EXPIRY &&
			    strcmp(later.towns[later.items[i].town].kommune,
			           "Gesternau") == 0) {
				new_uid = register_item_uid(&later, &later.items[i]);
				new_date = later.items[i].date;
			}
		CU_ASSERT_PTR_NOT_NULL_FATAL(old_uid);
		CU_ASSERT_PTR_NOT_NULL_FATAL(new_uid);
		CU_ASSERT_STRING_EQUAL(old_uid, new_uid);
		CU_ASSERT_STRING_EQUAL(old_date, "2026-02-28");
		CU_ASSERT_STRING_EQUAL(new_date, "2031-04-01");
		free(old_uid);
		free(new_uid);
	}
	/* UIDs are unique within a calendar */
	for (size_t i = 0; i < later.item_count; i++)
		for (size_t k = i + 1; k < later.item_count; k++) {
			char *x = register_item_uid(&later, &later.items[i]);
			char *y = register_item_uid(&later, &later.items[k]);
			CU_ASSERT_STRING_NOT_EQUAL(x, y);
			free(x);
			free(y);
		}
	/* a foreign file is not replaced; our calendar is */
	{
		char *foreign = xasprintf("%s/notizen.ics", dir);
		FILE *f = fopen(foreign, "w");
		fputs("BEGIN:VCALENDAR\r\nPRODID:-//Fremd//DE\r\nEND:VCALENDAR\r\n", f);
		fclose(f);
		CU_ASSERT_EQUAL(register_write_ics(&later, foreign, 0, &why), -1);
		free(why);
		why = NULL;
		CU_ASSERT_EQUAL(register_write_ics(&later, path, 0, &why), 0);
		free(foreign);
	}
	register_result_free(&later);
	register_result_free(&r);
	audits_free(a, n + 1);
	test_rmtree(dir);
	free(dir);
	free(path);
	free(again);
}

/* ------------------------------------------------------------------ */
/* Fixtures for the read-back in Python                                 */

/* The fixture's audits: generated ones plus the hand-made ones. */
static struct register_audit *
fixture_audits(size_t *n)
{
	size_t gn, en;
	struct register_audit *g = generate(7, 120, &gn);
	struct register_audit *e = edge_audits(&en);
	struct register_audit *all = xcalloc(gn + en, sizeof *all);

	memcpy(all, g, gn * sizeof *g);
	memcpy(all + gn, e, en * sizeof *e);
	free(g);
	free(e);
	*n = gn + en;
	return all;
}

static int
write_text_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name), *why = NULL;
	int rc = atomicfile_write_all(path, text, strlen(text), ATOMICFILE_REPLACE, NULL,
	                              &why);
	if (rc != 0) {
		fprintf(stderr, "%s\n", why);
		free(why);
	}
	free(path);
	return rc;
}

/* test_register --fixtures DIR: workbooks, calendars and expectations. */
static int
write_fixtures(const char *dir)
{
	static const struct register_problem caller[] = {
	    {"/daten/sitzungen/kaputt.cdb", "Prüfsumme falsch: die Datei ist beschädigt"},
	    {"/daten/sitzungen/gesperrt.cdb", "gesperrt von PID 4711"}};
	const char *stichtag = "2026-03-01";
	struct register_result r;
	struct oracle o;
	size_t n;
	struct register_audit *a = fixture_audits(&n);
	char *why = NULL, *path;
	int rc = 0;

	/* one audit that register_build refuses */
	a = xreallocarray(a, n + 1, sizeof *a);
	audit_init(&a[n], "Ohnedatum", NULL, NULL, AUDIT_FIRST, "", REGISTER_VERDICT_OPEN,
	           "/daten/sitzungen/ohnedatum.cdb");
	n++;
	if (register_build(a, n, caller, 2, stichtag, &r, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		return 1;
	}
	oracle_run(&o, a, n, caller, 2, stichtag);
	rc |= write_text_file(dir, "expect-towns.tsv", o.points_tsv.data);
	rc |= write_text_file(dir, "expect-history.tsv", o.history_tsv.data);
	rc |= write_text_file(dir, "expect-items.tsv", o.items_tsv.data);
	rc |= write_text_file(dir, "expect-stats.tsv", o.stats_tsv.data);
	rc |= write_text_file(dir, "expect-problems.tsv", o.problems_tsv.data);
	rc |= write_text_file(dir, "expect-events.tsv", o.events_tsv.data);
	{
		char *meta = xasprintf("stichtag\t%s\n", stichtag);
		rc |= write_text_file(dir, "expect-meta.tsv", meta);
		free(meta);
	}
	path = xasprintf("%s/register.xlsx", dir);
	if (register_write_xlsx(&r, path, REGISTER_WITH_POINTS | REGISTER_WITH_HISTORY,
	                        NULL, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		rc = 1;
	}
	free(path);
	path = xasprintf("%s/register-ohne-punkte.xlsx", dir);
	if (register_write_xlsx(&r, path, 0, NULL, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		rc = 1;
	}
	free(path);
	path = xasprintf("%s/termine.ics", dir);
	if (register_write_ics(&r, path, 0, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		rc = 1;
	}
	free(path);
	path = xasprintf("%s/termine-2.ics", dir);
	if (register_write_ics(&r, path, 0, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		rc = 1;
	}
	free(path);
	oracle_free(&o);
	register_result_free(&r);
	audits_free(a, n);
	return rc;
}

static CU_TestInfo register_tests[] = {
    {"date shift: months, years, days", test_date_shift},
    {"edge cases: leap days, 6 months, Stichtag, history", test_edge_cases},
    {"items: kinds, dates, order", test_items},
    {"statistics: exact quartiles, suppression below 5", test_stats_known},
    {"problems: refused audits and unreadable files", test_problems},
    {"same day: Re-Audit after Erstaudit; unknown values", test_same_day},
    {"oracle: generated audits at five Stichtage", test_oracle_generated},
    {"text for a person", test_text},
    {"workbook: sheets, dates, locale, refused targets", test_xlsx},
    {"calendar: parsed back with libical, stable UIDs", test_ics},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"register", NULL, NULL, NULL, NULL, register_tests},
    CU_SUITE_INFO_NULL,
};

int
main(int argc, char **argv)
{
	/* the caller's locale (the auditor's de_DE.UTF-8 in the German run):
	 * the files written must not depend on it */
	setlocale(LC_ALL, "");
	if (argc == 3 && strcmp(argv[1], "--fixtures") == 0)
		return write_fixtures(argv[2]);
	return test_run(suites);
}
