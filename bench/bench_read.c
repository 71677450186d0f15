/*
 * bench_read.c: times the spreadsheet readers (src/lib/xlsxread*.c,
 * csvread.c) on what the import will meet, each the median of RUNS runs:
 *   - the Dokumentationstabelle of a 2,000-question form: 2,001 rows of 10
 *     columns with long texts in shared strings (libxlsxwriter), opened and
 *     every cell read; the same table as CSV (';', Windows-1252);
 *   - 100,000 rows of 3 columns (inline strings);
 *   - hostile files that must be refused fast: a ZIP bomb (60 MB of XML in
 *     60 KB), a cell of 1 MB, 10,005 parts.
 * Each read also runs once in a child process whose peak RSS and CPU time
 * are reported (memory stays at the shared strings plus one row; CPU time
 * does not depend on how busy the machine is). Every figure must stay
 * under the target (default 1000 ms); exits 1 when one does not.
 * Usage: bench_read [RUNS] [TARGET_MS]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "lib/csvread.h"
#include "lib/util.h"
#include "lib/xlsxread.h"

#define TABLE_ROWS 2000
#define BIG_ROWS 100000

static char dir[] = "/tmp/bench-read-XXXXXX";

/* Monotonic time in milliseconds. */
static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* What one read does: the cells it saw and whether it was refused. */
struct tally {
	size_t rows, cells, bytes;
};

static int
count_row(void *arg, const struct xlsxread_row *row, char **why)
{
	struct tally *t = arg;

	(void)why;
	t->rows++;
	t->cells += row->count;
	for (size_t i = 0; i < row->count; i++)
		t->bytes += row->cells[i].len;
	return 0;
}

static int
count_csv_row(void *arg, const struct csvread_row *row, char **why)
{
	struct tally *t = arg;

	(void)why;
	t->rows++;
	t->cells += row->count;
	for (size_t i = 0; i < row->count; i++)
		t->bytes += row->lengths[i];
	return 0;
}

/* Open path and read every worksheet; 0 read, 1 refused. */
static int
read_xlsx(const char *path, struct tally *t, char **why)
{
	struct xlsxread *x = xlsxread_open(path, NULL, why);
	int rc = 0;

	if (x == NULL)
		return 1;
	for (size_t i = 0; i < xlsxread_sheet_count(x) && rc == 0; i++)
		if (xlsxread_rows(x, i, count_row, t, why) != 0)
			rc = 1;
	xlsxread_free(x);
	return rc;
}

/* Read the CSV file at path; 0 or 1. */
static int
read_csv(const char *path, struct tally *t, char **why)
{
	return csvread_file(path, NULL, count_csv_row, t, NULL, why) == 0 ? 0 : 1;
}

typedef int (*reader_fn)(const char *path, struct tally *t, char **why);

/* One read in a child process: its peak RSS in KB and its CPU time in ms. */
static long
child_rss_kb(reader_fn reader, const char *path, double *cpu_ms)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		struct tally t = {0};
		char *why = NULL;
		_exit(reader(path, &t, &why) == 0 ? 0 : 1);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
		return -1;
	*cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	          (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return ru.ru_maxrss;
}

static int missed;

/* Time runs reads of path; refused says whether a refusal is expected. */
static void
measure(const char *what, reader_fn reader, const char *path, int runs, int refused,
        double target)
{
	double *t = xcalloc((size_t)runs, sizeof *t), median, cpu = 0;
	long rss;
	struct tally tally = {0};
	char *why = NULL;
	int rc = 0;

	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		memset(&tally, 0, sizeof tally);
		free(why);
		why = NULL;
		rc = reader(path, &tally, &why);
		t[i] = now_ms() - t0;
		if (rc != refused) {
			fprintf(stderr, "bench_read: %s: %s\n", what,
			        why ? why : "read although it should be refused");
			exit(2);
		}
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	median = t[runs / 2];
	printf("  %-46s %8.2f ms (max %7.2f)  %s\n", what, median, t[runs - 1],
	       median <= target ? "met" : "MISSED");
	if (refused)
		printf("    refused: %s\n", why);
	else
		printf("    %zu rows, %zu cells, %zu bytes of text\n", tally.rows,
		       tally.cells, tally.bytes);
	rss = child_rss_kb(reader, path, &cpu);
	printf("    one read in a child process: peak RSS %ld KB, CPU %.1f ms\n", rss,
	       cpu);
	if (median > target)
		missed = 1;
	free(why);
	free(t);
}

/* A text of about len bytes for row r. */
static void
filler(char *out, size_t len, const char *word, unsigned r)
{
	size_t n = (size_t)snprintf(out, len, "%s %u:", word, r);
	while (n + 12 < len)
		n += (size_t)snprintf(out + n, len - n, " Maßnahme %u",
		                      (unsigned)(n % 97));
}

/* Write the UTF-8 text s to f in Windows-1252 (its Latin-1 part suffices here). */
static void
put_cp1252(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p == 0xc2 || *p == 0xc3) && p[1] >= 0x80 && p[1] < 0xc0) {
			putc(*p == 0xc3 ? p[1] + 0x40 : p[1], f);
			p++;
		} else {
			putc(*p, f);
		}
	}
}

/* The Dokumentationstabelle of a 2,000-question form, as .xlsx and .csv. */
static void
write_table(const char *xlsx, const char *csv)
{
	lxw_workbook *wb = workbook_new(xlsx);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Fragen");
	static const char *const head[10] = {"Nr",
	                                     "Handlungsfeld",
	                                     "Frage",
	                                     "Erläuterung",
	                                     "Antworten",
	                                     "Angabe der Kommune",
	                                     "Erläuterung der Kommune",
	                                     "Nachweis (Dokument / Seite im Ordner)",
	                                     "Frage-ID",
	                                     "Formular"};
	static const char *const fields[5] = {
	    "Strategische Zielsetzung", "Zuzug leicht gemacht", "Beruf und Familie",
	    "Ausländische Fachkräfte", "Lebensqualität"};
	FILE *f = fopen(csv, "w");
	char text[10][400];

	if (f == NULL) {
		perror(csv);
		exit(2);
	}
	for (int c = 0; c < 10; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
		fputs(c ? ";" : "", f);
		put_cp1252(f, head[c]);
	}
	fputs("\r\n", f);
	for (unsigned r = 1; r <= TABLE_ROWS; r++) {
		snprintf(text[0], sizeof text[0], "%u.%u", (r - 1) / 400 + 1,
		         (r - 1) % 400 + 1);
		snprintf(text[1], sizeof text[1], "%s", fields[(r - 1) / 400]);
		filler(text[2], 150, "Frage", r);
		filler(text[3], 300, "Erläuterung", r);
		snprintf(text[4], sizeof text[4], "Ja / Nein / entfällt");
		snprintf(text[5], sizeof text[5], "%s", r % 3 ? "Ja" : "Nein");
		filler(text[6], 200, "Beschluss des Gemeinderats", r);
		snprintf(text[7], sizeof text[7], "Ordner S. %u", r % 250 + 1);
		snprintf(text[8], sizeof text[8], "feld%u.frage%u", (r - 1) / 400 + 1, r);
		snprintf(text[9], sizeof text[9], "wohnort-muster/2023-05-11");
		for (int c = 0; c < 10; c++) {
			worksheet_write_string(ws, r, (lxw_col_t)c, text[c], NULL);
			fputs(c ? ";\"" : "\"", f);
			put_cp1252(f, text[c]);
			putc('"', f);
		}
		fputs("\r\n", f);
	}
	workbook_set_custom_property_string(wb, "Formular", "wohnort-muster");
	if (workbook_close(wb) != LXW_NO_ERROR || fclose(f) != 0) {
		fprintf(stderr, "bench_read: cannot write the table\n");
		exit(2);
	}
}

/* BIG_ROWS rows of text, number and boolean with inline strings. */
static void
write_big(const char *path)
{
	lxw_workbook_options options = {.constant_memory = 1, .tmpdir = dir};
	lxw_workbook *wb = workbook_new_opt(path, &options);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Fragen");
	char text[32];

	for (unsigned r = 0; r < BIG_ROWS; r++) {
		snprintf(text, sizeof text, "Frage %u", r + 1);
		worksheet_write_string(ws, r, 0, text, NULL);
		worksheet_write_number(ws, r, 1, r * 0.5, NULL);
		worksheet_write_boolean(ws, r, 2, (int)(r % 2), NULL);
	}
	if (workbook_close(wb) != LXW_NO_ERROR) {
		fprintf(stderr, "bench_read: cannot write %s\n", path);
		exit(2);
	}
}

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

/* Add a deflated part to an open archive. */
static void
add_part(zipFile zf, const char *name, const char *data, size_t len)
{
	zip_fileinfo info = {0};

	if (zipOpenNewFileInZip64(zf, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6,
	                          0) != ZIP_OK ||
	    zipWriteInFileInZip(zf, data, (unsigned)len) != ZIP_OK ||
	    zipCloseFileInZip(zf) != ZIP_OK) {
		fprintf(stderr, "bench_read: cannot add %s\n", name);
		exit(2);
	}
}

/* A one-sheet workbook with the given sheet XML and extra empty parts. */
static void
write_hostile(const char *path, const char *sheet, size_t sheet_len, size_t extra_parts)
{
	static const char *const fixed[][2] = {
	    {"[Content_Types].xml",
	     XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	              "content-types\"><Override PartName=\"/xl/workbook.xml\" "
	              "ContentType=\"application/"
	              "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/"
	              "></Types>"},
	    {"_rels/.rels", XML_DECL "<Relationships xmlns=\"" NS_PKG
	                             "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
	                             "/officeDocument\" Target=\"xl/workbook.xml\"/>"
	                             "</Relationships>"},
	    {"xl/workbook.xml",
	     XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL
	              "\"><sheets><sheet name=\"Fragen\" sheetId=\"1\" "
	              "r:id=\"rId1\"/></sheets></workbook>"},
	    {"xl/_rels/workbook.xml.rels",
	     XML_DECL "<Relationships xmlns=\"" NS_PKG
	              "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
	              "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
	};
	zipFile zf = zipOpen64(path, 0);
	char name[64];

	if (zf == NULL) {
		fprintf(stderr, "bench_read: cannot create %s\n", path);
		exit(2);
	}
	for (size_t i = 0; i < 4; i++)
		add_part(zf, fixed[i][0], fixed[i][1], strlen(fixed[i][1]));
	add_part(zf, "xl/worksheets/sheet1.xml", sheet, sheet_len);
	for (size_t i = 0; i < extra_parts; i++) {
		snprintf(name, sizeof name, "xl/media/teil%zu.txt", i);
		add_part(zf, name, "x", 1);
	}
	if (zipClose(zf, NULL) != ZIP_OK) {
		fprintf(stderr, "bench_read: cannot close %s\n", path);
		exit(2);
	}
}

int
main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 11;
	double target = argc > 2 ? atof(argv[2]) : 1000.0;
	char *table, *csv, *big, *bomb, *cell, *parts;
	struct buf xml = {0};

	if (runs < 1) {
		fprintf(stderr, "usage: bench_read [RUNS] [TARGET_MS]\n");
		return 2;
	}
	/* libxlsxwriter prints numbers with printf: write in the C locale */
	setlocale(LC_ALL, "C");
	if (mkdtemp(dir) == NULL) {
		perror("bench_read: mkdtemp");
		return 2;
	}
	table = xasprintf("%s/tabelle.xlsx", dir);
	csv = xasprintf("%s/tabelle.csv", dir);
	big = xasprintf("%s/gross.xlsx", dir);
	bomb = xasprintf("%s/bombe.xlsx", dir);
	cell = xasprintf("%s/zelle.xlsx", dir);
	parts = xasprintf("%s/teile.xlsx", dir);
	write_table(table, csv);
	write_big(big);
	buf_adds(&xml, XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
	for (size_t i = 0; i < ((size_t)60 << 20) / 64; i++)
		buf_adds(
		    &xml,
		    "                                                                ");
	buf_adds(&xml, "</sheetData></worksheet>");
	write_hostile(bomb, xml.data, xml.len, 0);
	xml.len = 0;
	buf_adds(&xml,
	         XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"14\">"
	                  "<c r=\"F14\" t=\"inlineStr\"><is><t>");
	for (size_t i = 0; i < (1 << 20); i++)
		buf_addc(&xml, 'x');
	buf_adds(&xml, "</t></is></c></row></sheetData></worksheet>");
	write_hostile(cell, xml.data, xml.len, 0);
	write_hostile(parts, "", 0, 10000);
	buf_free(&xml);

	printf("reading spreadsheets: median of %d runs, target %.0f ms each\n", runs,
	       target);
	measure("Dokumentationstabelle, 2,000 questions (XLSX)", read_xlsx, table, runs,
	        0, target);
	measure("the same table as CSV (;, Windows-1252)", read_csv, csv, runs, 0,
	        target);
	measure("100,000 rows x 3 columns (XLSX)", read_xlsx, big, runs, 0, target);
	measure("refuse a ZIP bomb (60 MB of XML in a sheet)", read_xlsx, bomb, runs, 1,
	        target);
	measure("refuse a cell of 1 MB", read_xlsx, cell, runs, 1, target);
	measure("refuse 10,005 parts", read_xlsx, parts, runs, 1, target);

	{
		char *files[] = {table, csv, big, bomb, cell, parts};
		for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
			unlink(files[i]);
			free(files[i]);
		}
	}
	rmdir(dir);
	return missed ? 1 : 0;
}
