/*
 * bench_register.c: how long the register takes for many audits, without
 * reading sessions: register_build, the TSV and text formatters, the
 * workbook (with points and history, the largest variant) and the
 * iCalendar file, over generated audits (default 10,000: about 3,300 towns
 * with one to five audits each, five Handlungsfelder, up to three goals
 * and evidence due dates). Prints one line per step, "NAME SECONDS" (best
 * of the runs), then "total SECONDS" (the sum of build, xlsx and ics: what
 * the register command adds to reading the sessions) and the sizes; judging
 * them is bench/register.sh's job.
 *   bench_register DIR [AUDITS [RUNS]]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/register.h"

static const char *const titles[] = {"Strategische Zielsetzung", "Zuzug leicht gemacht",
                                     "Beruf und Familie", "Ausländische Fachkräfte",
                                     "Lebensqualität"};

/* Seconds since an arbitrary start, from the monotonic clock. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long long state = 42;

static unsigned
rnd(unsigned n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((state >> 33) % n);
}

/* count audits of about count/3 towns, dated 2012 … 2026. */
static struct register_audit *
generate(size_t count)
{
	struct register_audit *list = xcalloc(count, sizeof *list);
	size_t towns = count / 3 + 1, i = 0, town = 0;

	while (i < count) {
		size_t audits = 1 + rnd(5);
		long day = date_days("2012-01-01") + (long)rnd(800);
		for (size_t k = 0; k < audits && i < count; k++, i++) {
			struct register_audit *a = &list[i];
			char date[11];
			date_of_days(day, date);
			a->kommune = xasprintf("Gemeinde %zu", town % towns);
			a->landkreis = xasprintf("Landkreis %zu", town % 301);
			a->ihk = xasprintf("IHK %zu", town % 79);
			a->kind = k == 0 ? AUDIT_FIRST : AUDIT_RENEWAL;
			a->datum = xstrdup(date);
			a->verdict = rnd(10) < 7   ? REGISTER_VERDICT_PASSED
			             : rnd(2) == 0 ? REGISTER_VERDICT_FAILED
			                           : REGISTER_VERDICT_OPEN;
			a->validity_first = 3;
			a->validity_renewal = 5;
			a->path =
			    xasprintf("/daten/sitzungen/gemeinde-%zu-%s.cdb", town, date);
			a->section_count = 5;
			a->sections = xcalloc(5, sizeof *a->sections);
			for (size_t s = 0; s < 5; s++) {
				a->sections[s].title = xstrdup(titles[s]);
				a->sections[s].max = 40 + 10 * (int)s;
				a->sections[s].points =
				    (int)rnd((unsigned)a->sections[s].max + 1);
				a->total += a->sections[s].points;
				a->max += a->sections[s].max;
			}
			a->goal_count = rnd(4);
			a->goals = xcalloc(a->goal_count + 1, sizeof *a->goals);
			for (size_t g = 0; g < a->goal_count; g++) {
				date_of_days(day + 200 + (long)rnd(900), date);
				a->goals[g].goal =
				    xasprintf("Entwicklungsziel %zu", g + 1);
				a->goals[g].deadline =
				    xasprintf("%.2s.%.2s.%.4s", date + 8, date + 5, date);
			}
			a->evidence_count = rnd(3);
			a->evidence = xcalloc(a->evidence_count + 1, sizeof *a->evidence);
			for (size_t e = 0; e < a->evidence_count; e++) {
				date_of_days(day + 10 + (long)rnd(300), date);
				a->evidence[e].id =
				    xasprintf("feld%zu.frage%zu", e + 1, e + 3);
				a->evidence[e].label =
				    xasprintf("%zu.%zu Nachweis", e + 1, e + 3);
				a->evidence[e].due = xstrdup(date);
			}
			day += 365 * (a->kind == AUDIT_FIRST ? 3 : 5) - (long)rnd(200);
		}
		town++;
	}
	return list;
}

/* Size of a file in bytes, 0 when missing. */
static long
file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

/* Best wall-clock and CPU seconds of a step over the runs. */
struct timing {
	double wall, cpu;
};

/* The process's CPU seconds (user and system). */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keep the better of t and the step that began at wall0/cpu0. */
static void
record(struct timing *t, double wall0, double cpu0)
{
	double wall = now() - wall0, cpu = cpu_now() - cpu0;

	if (wall < t->wall)
		t->wall = wall;
	if (cpu < t->cpu)
		t->cpu = cpu;
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	size_t count = argc > 2 ? strtoul(argv[2], NULL, 10) : 10000;
	int runs = argc > 3 ? atoi(argv[3]) : 3;
	struct timing build = {1e9, 1e9}, tsv = {1e9, 1e9}, text = {1e9, 1e9},
	              xlsx_plain = {1e9, 1e9}, xlsx_full = {1e9, 1e9}, ics_t = {1e9, 1e9};
	struct register_audit *audits = generate(count);
	struct register_result r;
	char *xlsx = xasprintf("%s/register.xlsx", dir),
	     *ics = xasprintf("%s/termine.ics", dir);
	char *why = NULL;
	long plain_bytes = 0;

	memset(&r, 0, sizeof r);
	for (int run = 0; run < runs; run++) {
		double w = now(), c = cpu_now();
		char *s;

		register_result_free(&r);
		if (register_build(audits, count, NULL, 0, "2026-03-01", &r, &why) != 0) {
			fprintf(stderr, "bench_register: %s\n", why);
			return 1;
		}
		record(&build, w, c);
		w = now(), c = cpu_now();
		s = register_format_tsv(&r, REGISTER_PART_TOWNS, REGISTER_WITH_POINTS);
		free(s);
		s = register_format_tsv(&r, REGISTER_PART_ITEMS, 0);
		free(s);
		record(&tsv, w, c);
		w = now(), c = cpu_now();
		s = register_format_text(&r, REGISTER_WITH_HISTORY);
		free(s);
		record(&text, w, c);
		w = now(), c = cpu_now();
		if (register_write_xlsx(&r, xlsx, 0, NULL, &why) != 0) {
			fprintf(stderr, "bench_register: %s\n", why);
			return 1;
		}
		record(&xlsx_plain, w, c);
		plain_bytes = file_size(xlsx);
		w = now(), c = cpu_now();
		if (register_write_xlsx(&r, xlsx,
		                        REGISTER_WITH_POINTS | REGISTER_WITH_HISTORY,
		                        NULL, &why) != 0) {
			fprintf(stderr, "bench_register: %s\n", why);
			return 1;
		}
		record(&xlsx_full, w, c);
		w = now(), c = cpu_now();
		if (register_write_ics(&r, ics, 0, &why) != 0) {
			fprintf(stderr, "bench_register: %s\n", why);
			return 1;
		}
		record(&ics_t, w, c);
	}
	printf("audits %zu\ntowns %zu\nitems %zu\n", r.entry_count, r.town_count,
	       r.item_count);
	printf("# step wall-seconds cpu-seconds (best of %d)\n", runs);
	printf("build %.3f %.3f\n", build.wall, build.cpu);
	printf("tsv %.3f %.3f\n", tsv.wall, tsv.cpu);
	printf("text %.3f %.3f\n", text.wall, text.cpu);
	printf("xlsx %.3f %.3f\n", xlsx_plain.wall, xlsx_plain.cpu);
	printf("xlsx_full %.3f %.3f\n", xlsx_full.wall, xlsx_full.cpu);
	printf("ics %.3f %.3f\n", ics_t.wall, ics_t.cpu);
	/* the command with every output: build, the full workbook, the calendar */
	printf("total %.3f %.3f\n", build.wall + xlsx_full.wall + ics_t.wall,
	       build.cpu + xlsx_full.cpu + ics_t.cpu);
	printf("xlsx_bytes %ld\nxlsx_full_bytes %ld\nics_bytes %ld\n", plain_bytes,
	       file_size(xlsx), file_size(ics));
	register_result_free(&r);
	for (size_t i = 0; i < count; i++)
		register_audit_clear(&audits[i]);
	free(audits);
	free(xlsx);
	free(ics);
	return 0;
}
