/*
 * bench_export.c: times export_xlsx on a session dump (the fully answered
 * example session) against its floor: a bare libxlsxwriter program that
 * writes the same number of cells, without formats, formulas, charts or the
 * safe write, in the same run. Runs are interleaved; prints both medians and
 * their ratio and exits 1 when the export takes more than the target ratio.
 * Usage: bench_export DUMP [RUNS] [TARGET_RATIO]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "model/export.h"
#include "model/export_private.h"
#include "model/session.h"
#include "lib/util.h"

/* Monotonic time in milliseconds. */
static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* qsort comparator for doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median of n values (sorts them). */
static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The floor: cells plain cells (text and numbers alternating) in one sheet. */
static int
write_floor(const char *path, size_t cells)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	char text[32];
	for (size_t i = 0; i < cells; i++) {
		lxw_row_t row = (lxw_row_t)(i / 8);
		lxw_col_t col = (lxw_col_t)(i % 8);
		if (i % 2) {
			worksheet_write_number(ws, row, col, (double)i, NULL);
		} else {
			snprintf(text, sizeof text, "Zelle %zu", i);
			worksheet_write_string(ws, row, col, text, NULL);
		}
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

int
main(int argc, char **argv)
{
	char *text = NULL, *why = NULL, dir[] = "/tmp/bench-export-XXXXXX";
	size_t len, cells = 0;
	int runs = argc > 2 ? atoi(argv[2]) : 21;
	double target = argc > 3 ? atof(argv[3]) : 3.0;
	double *t_export, *t_floor, m_export, m_floor;
	struct session *s;
	char *out, *floor_path;

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: bench_export DUMP [RUNS] [TARGET_RATIO]\n");
		return 2;
	}
	if (file_read_all(argv[1], 1 << 24, &text, &len, &why) != 0 ||
	    (s = session_from_dump(text, len, &why)) == NULL) {
		fprintf(stderr, "bench_export: %s\n", why);
		return 2;
	}
	if (mkdtemp(dir) == NULL) {
		perror("bench_export: mkdtemp");
		return 2;
	}
	out = xasprintf("%s/ergebnis.xlsx", dir);
	floor_path = xasprintf("%s/floor.xlsx", dir);
	t_export = xcalloc((size_t)runs, sizeof *t_export);
	t_floor = xcalloc((size_t)runs, sizeof *t_floor);
	/* one warm-up of each, which also gives the cell count */
	if (export_xlsx_counted(s, out, NULL, &cells, &why) != 0 ||
	    write_floor(floor_path, cells) != 0) {
		fprintf(stderr, "bench_export: %s\n", why ? why : "floor failed");
		return 2;
	}
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		if (export_xlsx(s, out, &why) != 0) {
			fprintf(stderr, "bench_export: %s\n", why);
			return 2;
		}
		t_export[i] = now_ms() - t0;
		t0 = now_ms();
		if (write_floor(floor_path, cells) != 0) {
			fprintf(stderr, "bench_export: floor failed\n");
			return 2;
		}
		t_floor[i] = now_ms() - t0;
	}
	m_export = median(t_export, (size_t)runs);
	m_floor = median(t_floor, (size_t)runs);
	printf("export of %s: %zu cells, median of %d runs\n", argv[1], cells, runs);
	printf("  export_xlsx (formats, formulas, chart, fsync + rename): %8.2f ms\n",
	       m_export);
	printf("  floor (bare libxlsxwriter, same cell count):            %8.2f ms\n",
	       m_floor);
	printf("  ratio %.2f (target <= %.1f): %s\n", m_export / m_floor, target,
	       m_export <= target * m_floor ? "met" : "MISSED");
	unlink(out);
	unlink(floor_path);
	rmdir(dir);
	free(out);
	free(floor_path);
	free(t_export);
	free(t_floor);
	free(text);
	session_free(s);
	return m_export <= target * m_floor ? 0 : 1;
}
