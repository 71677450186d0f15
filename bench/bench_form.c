/*
 * bench_form.c: the cost of loading and validating a Prüfbogen, which every
 * command and the interview pay at start. Times form_load_string on a file
 * (the bundled form) and on a synthetic form of SECTIONS x QUESTIONS questions
 * built in memory, then on compact forms of 10,000 and 50,000 questions (the
 * ratio shows whether loading is linear), and what opening a session of a
 * 20,000-question form with 20,000 answers costs (session_from_dump: the
 * embedded form is parsed again, every record applied). Prints medians. A
 * benchmark, not a test: run by bench/form.sh under `make bench`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/form.h"
#include "model/session.h"
#include "lib/util.h"

/* Monotonic time in microseconds. */
static double
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Compare doubles, for qsort. */
static int
double_compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median microseconds of runs loads of text; -1 when it does not load. */
static double
median_load(const char *text, size_t len, int runs)
{
	double *t = xcalloc((size_t)runs, sizeof *t), median;

	for (int i = 0; i < runs; i++) {
		struct form_errors e = {0};
		double start = now_us();
		struct form *f = form_load_string(text, len, "bench.yaml", &e);
		t[i] = now_us() - start;
		if (f == NULL) {
			char *msg = form_errors_format(&e);
			fputs(msg, stderr);
			free(msg);
			form_errors_clear(&e);
			free(t);
			return -1;
		}
		form_free(f);
	}
	qsort(t, (size_t)runs, sizeof *t, double_compare);
	median = t[runs / 2];
	free(t);
	return median;
}

/* A valid form with sections x questions questions of mixed types. */
static char *
synthetic(int sections, int questions)
{
	struct buf b = {0};
	buf_adds(
	    &b,
	    "form: gross\ntitle: Groß\nedition: 2023-05-11\n"
	    "pass: {total_percent: 60, section_min_percent: 40}\n"
	    "validity_years: {first: 3, renewal: 5}\n"
	    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
	    "sections:\n");
	for (int s = 0; s < sections; s++) {
		buf_printf(&b, "  - id: s%d\n    title: Feld %d\n    questions:\n", s, s);
		for (int q = 0; q < questions; q++) {
			buf_printf(
			    &b,
			    "      - id: q%d\n        text: Frage %d mit etwas Text?\n"
			    "        help: Hinweis für die Prüferin.\n"
			    "        evidence: Nachweis\n",
			    q, q);
			if (q % 3 == 0)
				buf_adds(&b, "        type: yesno\n        points: 3\n");
			else if (q % 3 == 1)
				buf_printf(&b,
				           "        type: choice\n        show_if: q%d\n"
				           "        options:\n"
				           "          - {id: a, label: A, points: 0}\n"
				           "          - {id: b, label: B, points: 2}\n",
				           q - 1);
			else
				buf_printf(&b,
				           "        type: multi\n        show_if: q%d=b\n"
				           "        options:\n"
				           "          - {id: a, label: A, points: 1}\n"
				           "          - {id: b, label: B, points: 1}\n"
				           "          - {id: c, label: C, points: 1}\n",
				           q - 1);
		}
	}
	return buf_steal(&b);
}

/* A compact valid form of n yes/no questions in five sections, every tenth a
 * follow-up (show_if) of the one before. */
static char *
compact(int n)
{
	struct buf b = {0};
	buf_adds(
	    &b,
	    "form: kompakt\ntitle: Kompakt\nedition: 2023-05-11\n"
	    "pass: {total_percent: 60, section_min_percent: 40}\n"
	    "validity_years: {first: 3, renewal: 5}\n"
	    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
	    "sections:\n");
	for (int s = 0; s < 5; s++) {
		buf_printf(&b, "  - id: s%d\n    title: Feld %d\n    questions:\n", s, s);
		for (int q = 0; q < n / 5; q++)
			if (q % 10 == 1)
				buf_printf(&b,
				           "      - {id: q%d, type: yesno, show_if: q%d, "
				           "text: F, points: 1}\n",
				           q, q - 1);
			else
				buf_printf(&b,
				           "      - {id: q%d, type: yesno, text: F, "
				           "points: 1}\n",
				           q);
	}
	return buf_steal(&b);
}

/* Median microseconds of runs session_from_dump of a session over form text
 * with every question answered; -1 on failure. */
static double
median_open(const char *text, int runs)
{
	struct form_errors e = {0};
	struct form *f = form_load_string(text, strlen(text), "bench.yaml", &e);
	struct session *s;
	double *t, median;
	char *dump, *why = NULL;

	if (f == NULL) {
		form_errors_clear(&e);
		return -1;
	}
	s = session_new(f);
	for (size_t i = 0; i < f->question_count; i++)
		if (session_change(s, f->questions[i].full_id, "ja", &why) != 0) {
			free(why);
			session_free(s);
			return -1;
		}
	dump = session_dump(s);
	session_free(s);
	t = xcalloc((size_t)runs, sizeof *t);
	for (int i = 0; i < runs; i++) {
		double start = now_us();
		s = session_from_dump(dump, strlen(dump), &why);
		t[i] = now_us() - start;
		if (s == NULL) {
			fprintf(stderr, "bench_form: %s\n", why);
			free(why);
			free(t);
			free(dump);
			return -1;
		}
		session_free(s);
	}
	qsort(t, (size_t)runs, sizeof *t, double_compare);
	median = t[runs / 2];
	free(t);
	free(dump);
	return median;
}

int
main(int argc, char **argv)
{
	char *data = NULL, *why = NULL, *big;
	size_t len = 0;
	int runs = argc > 2 ? atoi(argv[2]) : 51;
	double small, large;

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: bench_form FORM.yaml [RUNS]\n");
		return 2;
	}
	if (file_read_all(argv[1], 4 << 20, &data, &len, &why) != 0) {
		fprintf(stderr, "bench_form: %s\n", why);
		free(why);
		return 2;
	}
	small = median_load(data, len, runs);
	big = synthetic(5, 200);
	large = median_load(big, strlen(big), runs > 11 ? 11 : runs);
	if (small < 0 || large < 0)
		return 1;
	printf("bytes %zu\nbundled %.0f\nsynthetic_questions 1000\nsynthetic_bytes %zu\n"
	       "synthetic %.0f\n",
	       len, small, strlen(big), large);
	free(big);
	{
		char *k10 = compact(10000), *k50 = compact(50000), *k20 = compact(20000);
		double t10 = median_load(k10, strlen(k10), 5);
		double t50 = median_load(k50, strlen(k50), 3);
		double open20 = median_open(k20, 3);
		printf("compact10k %.0f\ncompact50k %.0f\ncompact50k_bytes %zu\nopen20k "
		       "%.0f\n",
		       t10, t50, strlen(k50), open20);
		free(k10);
		free(k50);
		free(k20);
		if (t10 < 0 || t50 < 0 || open20 < 0)
			return 1;
	}
	free(data);
	return 0;
}
