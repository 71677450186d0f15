/*
 * test_export.c: CUnit tests of the export module: text cleaning and row
 * heights (table-driven), the default path, a successful export, and the
 * error paths: a target under a non-directory, a target that is a
 * directory, and a full disk (RLIMIT_FSIZE in a child) that must leave an
 * existing file untouched and no temp file behind. A hand-built session with
 * injection strings and invalid UTF-8 is read back with openpyxl
 * (tests/export_cunit_check.py). Without python3 or openpyxl every other
 * test still runs and the program then exits 77 (skipped), never 0.
 */
#include "config.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "model/export.h"
#include "model/export_private.h"
#include "test_main.h"
#include "lib/util.h"
#include "lib/utf8.h"

/* ---- a small hand-built form and session (independent of forms/) ---- */

static struct form *
make_form(void)
{
	struct form *f = xcalloc(1, sizeof *f);
	static const char *const titles[] = {"Strategische Zielsetzung",
	                                     "Zuzug leicht gemacht"};
	static const char *const sids[] = {"strategie", "zuzug"};

	f->id = xstrdup("testbogen");
	f->title = xstrdup("Testbogen");
	f->edition = xstrdup("2023-05-11");
	f->pass_total_percent = 60;
	f->pass_section_min_percent = 40;
	f->validity_first = 3;
	f->validity_renewal = 5;
	f->goal_count = 3;
	f->bonus_reached = 2;
	f->bonus_partial = 1;
	f->section_count = 2;
	f->sections = xcalloc(2, sizeof *f->sections);
	for (size_t i = 0; i < 2; i++) {
		f->sections[i].id = xstrdup(sids[i]);
		f->sections[i].title = xstrdup(titles[i]);
		f->sections[i].first = i * 2;
		f->sections[i].count = 2;
	}
	f->question_count = 4;
	f->questions = xcalloc(4, sizeof *f->questions);
	for (size_t i = 0; i < 4; i++) {
		struct form_question *q = &f->questions[i];
		q->id = xasprintf("q%zu", i);
		q->full_id = xasprintf("%s.q%zu", sids[i / 2], i);
		q->section = i / 2;
		q->type = i == 3 ? QUESTION_TEXT : QUESTION_YESNO;
		q->text = xasprintf(
		    "Frage %zu: Gibt es ein Willkommenspaket für neue Bürgerinnen "
		    "und Bürger mit Informationen zu Kita, Wohnen und Vereinen?",
		    i + 1);
		q->evidence = i == 0 ? xstrdup("Ratsbeschluss") : NULL;
		q->points = i == 3 ? 0 : 5;
		q->max_points = q->points;
		q->multi_cap = -1;
		q->show_if_question = -1;
		q->show_if_option = -1;
	}
	f->sections[0].max_points = 10;
	f->sections[1].max_points = 5;
	return f;
}

static void
free_goals(struct session_goal *g, int n)
{
	for (int i = 0; i < n; i++) {
		free(g[i].goal);
		free(g[i].measures);
		free(g[i].indicator);
		free(g[i].deadline);
		free(g[i].responsible);
		free(g[i].questions);
	}
	free(g);
}

static void
free_hand_session(struct session *s)
{
	struct form *f = s->form;
	for (size_t i = 0; i < f->question_count; i++) {
		struct session_item *it = &s->items[i];
		free(it->answer.text);
		free(it->note);
		free(it->recommendation);
		free(it->evidence_due);
		free(it->evidence_text);
		free(f->questions[i].id);
		free(f->questions[i].full_id);
		free(f->questions[i].text);
		free(f->questions[i].evidence);
	}
	for (size_t i = 0; i < f->section_count; i++) {
		free(f->sections[i].id);
		free(f->sections[i].title);
	}
	free(f->sections);
	free(f->questions);
	free(f->id);
	free(f->title);
	free(f->edition);
	free(f);
	free(s->items);
	free_goals(s->goals, 3);
	free_goals(s->previous_goals, 3);
	free(s->previous_status);
	for (size_t i = 0; i < s->participant_count; i++) {
		free(s->participants[i].name);
		free(s->participants[i].function);
	}
	free(s->participants);
	free(s->meta.kommune);
	free(s->meta.datum);
	free(s->meta.auditor);
	free(s->meta.ihk);
	free(s->path);
	free(s);
}

/* Note texts that must arrive as plain strings (index = question). */
static const char *const injection[] = {"=1+1", "+49 6172 12345", "-x", "@SUM(A1:A9)"};

static struct session *
make_session(void)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->form = make_form();
	s->items = xcalloc(4, sizeof *s->items);
	s->goals = xcalloc(3, sizeof *s->goals);
	s->previous_goals = xcalloc(3, sizeof *s->previous_goals);
	s->previous_status = xcalloc(3, sizeof *s->previous_status);
	s->meta.kommune = xstrdup("Steinbach (Taunus) & Co");
	s->meta.datum = xstrdup("2026-11-23");
	s->meta.auditor = xstrdup("Erika Mustermann");
	s->meta.ihk = xstrdup("IHK Frankfurt am Main");
	s->participant_count = 1;
	s->participants = xcalloc(1, sizeof *s->participants);
	s->participants[0].name = xstrdup("Dr. Bürgermeister\xff");
	s->participants[0].function = xstrdup("Bürgermeister");
	s->items[0].answer.state = ANSWER_GIVEN;
	s->items[0].answer.number = 1;
	s->items[1].answer.state = ANSWER_GIVEN;
	s->items[1].answer.number = 0;
	s->items[3].answer.state = ANSWER_GIVEN;
	s->items[3].answer.text = xstrdup("Antwort mit kaputtem \xc3\x28 UTF-8");
	for (size_t i = 0; i < 4; i++)
		s->items[i].note = xstrdup(injection[i]);
	s->items[0].evidence = EVIDENCE_DUE;
	s->items[0].evidence_due = xstrdup("2026-12-31");
	s->items[0].evidence_text = xstrdup("Beschluss\x01 vom Mai");
	s->goals[0].goal = xstrdup("Willkommenszentrum eröffnen");
	s->lock_fd = -1;
	return s;
}

/* Number of entries in dir besides . and .. */
static int
dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	CU_ASSERT_FATAL(fp != NULL);
	fputs(text, fp);
	CU_ASSERT_FATAL(fclose(fp) == 0);
}

/* Whole file as a string (caller frees), NULL when unreadable. */
static char *
read_file(const char *path)
{
	char *data = NULL, *why = NULL;
	size_t len;
	if (file_read_all(path, 1 << 24, &data, &len, &why) != 0) {
		free(why);
		return NULL;
	}
	return data;
}

/* ---- tests ---- */

static void
test_clean_text(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"abc", "abc"},
	    {"", ""},
	    {"a\xff"
	     "b",
	     "a\xEF\xBF\xBD"
	     "b"},
	    {"\xc3\x28", "\xEF\xBF\xBD("},
	    {"\xe2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"},
	    {"a\r\nb", "a\nb"},
	    {"a\rb", "a\nb"},
	    {"tab\there", "tab\there"},
	    {"bell\x07", "bell\xEF\xBF\xBD"},
	    {"=1+1", "=1+1"},
	    {"Bürger „Zuzug“", "Bürger „Zuzug“"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = export_clean_text(cases[i].in);
		CU_ASSERT_STRING_EQUAL(got, cases[i].out);
		free(got);
	}
	{
		char *null = export_clean_text(NULL);
		CU_ASSERT_STRING_EQUAL(null, "");
		free(null);
	}
	{
		/* 40,000 two-byte characters are cut at a character boundary */
		size_t n = 40000;
		char *big = xmalloc(2 * n + 1), *got;
		for (size_t i = 0; i < n; i++)
			memcpy(big + 2 * i, "ä", 2);
		big[2 * n] = '\0';
		got = export_clean_text(big);
		CU_ASSERT(strlen(got) <= 32000 + 3);
		CU_ASSERT(strlen(got) > 31000);
		CU_ASSERT(utf8_valid(got, strlen(got), NULL));
		CU_ASSERT_STRING_EQUAL(got + strlen(got) - 3, "…");
		free(got);
		free(big);
	}
}

static void
test_wrapped_lines(void)
{
	/* widths in Calibri's digits (Carlito's table): "a" 0.945, "ä" 0.945,
	 * "b" 1.037, "ö" 1.040, space 0.446; a column holds width - 0.4 */
	static const struct {
		const char *text;
		double width;
		int lines;
	} cases[] = {
	    {"", 10, 1},
	    {NULL, 10, 1},
	    {"kurz", 10, 1},
	    {"eins zwei drei", 40, 1},
	    {"eins\nzwei", 40, 2},
	    {"eins\n\nzwei", 40, 3},
	    {"aaaa bbbb cccc dddd", 8, 4}, /* 3.78 + 0.45 + 4.15 > 7.6 */
	    {"aaaa bbbb cccc dddd", 9, 2}, /* two words fit 8.6 */
	    {"aaaa bbbb", 8.8, 1},         /* 8.37 fits 8.4 */
	    {"aaaa bbbb", 8.7, 2},         /* but not 8.3 */
	    {"ääää öööö", 8, 2},           /* umlauts as wide as their base */
	    {"iiii iiii iiii iiii", 8, 2}, /* narrow letters: 1.81 each */
	    {"MMMM MMMM", 8, 2},           /* wide letters: 6.75 each */
	    {"Donaudampfschifffahrtsgesellschaft", 10, 4}, /* 30.5 / 9.6 */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = export_wrapped_lines(cases[i].text, cases[i].width);
		if (got != cases[i].lines)
			fprintf(stderr, "%s at %.1f: %d lines, want %d\n",
			        cases[i].text ? cases[i].text : "(null)", cases[i].width,
			        got, cases[i].lines);
		CU_ASSERT_EQUAL(got, cases[i].lines);
	}
	CU_ASSERT_DOUBLE_EQUAL(export_text_units("0000", 4), 4.0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(export_text_units("a\xc3\xa4", 3), 1.89, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(export_text_units("\xe2\x80\x93", 3), 0.983, 1e-9);
	/* bold headings measure wider */
	CU_ASSERT_EQUAL(export_wrapped_lines_scaled("aaaa bbbb", 8.8, 1.13), 2);
	{
		const char *texts[] = {"a", "eins\nzwei\ndrei"};
		const double widths[] = {10, 10};
		CU_ASSERT_DOUBLE_EQUAL(export_row_height(texts, widths, 2),
		                       3 * EXPORT_LINE_HEIGHT + 2, 0.001);
	}
	{
		/* capped at Excel's maximum row height */
		char *many = xmalloc(201);
		const char *texts[1];
		const double widths[] = {10};
		memset(many, '\n', 200);
		many[200] = '\0';
		texts[0] = many;
		CU_ASSERT_DOUBLE_EQUAL(export_row_height(texts, widths, 1), 409, 0.001);
		free(many);
	}
}

/* Excel's fit-to-width scale and the page breaks that follow from it. */
static void
test_fit_scale_and_pager(void)
{
	/* A4 portrait: 7.07 inches wide inside the margins = 678.7 pixels;
	 * columns of width w take w*7+5 pixels */
	const double narrow[] = {50, 40};   /* 355 + 285 = 640 px: 100 % */
	const double wide[] = {60, 60, 40}; /* 425 + 425 + 285 = 1135 px: 59 % */
	struct export_pager p;
	int breaks = 0;

	CU_ASSERT_DOUBLE_EQUAL(export_fit_scale(narrow, 2, 0), 1.0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(export_fit_scale(wide, 3, 0), 0.59, 1e-9);
	/* landscape: 10.49 inches = 1007 pixels */
	CU_ASSERT_DOUBLE_EQUAL(export_fit_scale(wide, 3, 1), 0.88, 1e-9);

	/* portrait at 100 %: (841.9 - 108) * 0.96 = 704.5 points a page */
	export_pager_init(&p, narrow, 2, 0);
	CU_ASSERT_DOUBLE_EQUAL(p.capacity, 704.5, 0.1);
	export_pager_row(&p, 0, 24, 0); /* title */
	export_pager_repeat(&p, 17);    /* headings repeat */
	for (lxw_row_t r = 1; r <= 40; r++)
		breaks += export_pager_row(&p, r, 32, 0); /* 22 rows fill a page */
	CU_ASSERT_EQUAL(breaks, 1);
	CU_ASSERT_EQUAL(p.count, 1);
	CU_ASSERT_EQUAL(p.breaks[0], 22);
	/* a heading that keeps 100 points with it moves to the next page */
	p.used = 650;
	CU_ASSERT_EQUAL(export_pager_row(&p, 50, 17, 100), 1);
	CU_ASSERT_EQUAL(p.breaks[1], 50);
	CU_ASSERT_DOUBLE_EQUAL(p.used, 34, 1e-9);
	/* a fresh page takes a row even when it does not fit: no empty pages */
	p.capacity = 300;
	p.used = p.repeat;
	CU_ASSERT_EQUAL(export_pager_row(&p, 51, 409, 0), 0);
	CU_ASSERT_EQUAL(p.count, 2);
	free(p.breaks);
}

static void
test_default_path(void)
{
	struct session *s = make_session();
	char *p;

	s->path = xstrdup("/x/y/steinbach-taunus-2026-11-23-2.cdb");
	p = export_default_path(s);
	CU_ASSERT_STRING_EQUAL(p, "/x/y/steinbach-taunus-2026-11-23-2-ergebnis.xlsx");
	free(p);
	free(s->path);
	s->path = NULL;
	p = export_default_path(s);
	CU_ASSERT_STRING_EQUAL(p, "steinbach-taunus-co-2026-11-23-ergebnis.xlsx");
	free(p);
	free_hand_session(s);
}

/* Why the read-back with openpyxl did not run (NULL: it ran). */
static const char *python_skipped;

/* Run the python check script on an exported file; 0 when it passed, -1
 * when python3 or openpyxl is missing (python_skipped says which). */
static int
python_check(const char *xlsx, const char *variant)
{
	const char *py = getenv("WA_PYTHON3");
	char *script, *cmd;
	int rc;
	if (py == NULL || py[0] == '\0' || strcmp(py, "no") == 0)
		py = "/usr/bin/python3";
	if (access(py, X_OK) != 0) {
		python_skipped = "python3 is missing";
		return -1;
	}
	cmd = xasprintf("'%s' -c 'import openpyxl' 2>/dev/null", py);
	rc = system(cmd);
	free(cmd);
	if (rc != 0) {
		python_skipped = "openpyxl is missing (install python3-openpyxl)";
		return -1;
	}
	script = test_srcfile("tests/export_cunit_check.py");
	cmd = xasprintf("'%s' '%s' '%s' %s", py, script, xlsx, variant);
	rc = system(cmd);
	free(cmd);
	free(script);
	return rc;
}

static void
test_export_ok(void)
{
	struct session *s = make_session();
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/ergebnis.xlsx", dir);
	char *why = NULL, *data;
	size_t cells = 0;
	int rc = export_xlsx_counted(s, path, NULL, &cells, &why);

	CU_ASSERT_EQUAL(rc, 0);
	if (rc != 0)
		fprintf(stderr, "export: %s\n", why);
	CU_ASSERT(cells > 40);
	data = read_file(path);
	CU_ASSERT_FATAL(data != NULL);
	CU_ASSERT(memcmp(data, "PK\003\004", 4) == 0);
	CU_ASSERT_EQUAL(dir_entries(dir), 1); /* no temp file left */
	{
		struct stat st;
		/* confidential result: owner-only, whatever the umask */
		CU_ASSERT(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	}
	/* a second export replaces the first */
	CU_ASSERT_EQUAL(export_xlsx(s, path, &why), 0);
	CU_ASSERT_EQUAL(dir_entries(dir), 1);
	{
		int prc = python_check(path, "kommune");
		if (prc != -1)
			CU_ASSERT_EQUAL(prc, 0);
	}
	free(data);
	free(path);
	test_rmtree(dir);
	free(dir);
	free_hand_session(s);
}

static void
test_unwritable_directory(void)
{
	struct session *s = make_session();
	char *dir = test_tmpdir();
	char *plain = xasprintf("%s/plain", dir);
	char *path = xasprintf("%s/out.xlsx", plain);
	char *why = NULL;

	write_file(plain, "not a directory");
	CU_ASSERT_EQUAL(export_xlsx(s, path, &why), -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(why);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, path));
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "Not a directory"));
	CU_ASSERT_EQUAL(dir_entries(dir), 1);
	free(why);
	why = NULL;
	/* a missing directory */
	free(path);
	path = xasprintf("%s/missing/out.xlsx", dir);
	CU_ASSERT_EQUAL(export_xlsx(s, path, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, path) : NULL);
	CU_ASSERT_EQUAL(dir_entries(dir), 1);
	free(why);
	free(path);
	free(plain);
	test_rmtree(dir);
	free(dir);
	free_hand_session(s);
}

static void
test_target_is_directory(void)
{
	struct session *s = make_session();
	char *dir = test_tmpdir();
	char *sub = xasprintf("%s/sub.xlsx", dir);
	char *why = NULL;

	CU_ASSERT_FATAL(mkdir(sub, 0700) == 0);
	CU_ASSERT_EQUAL(export_xlsx(s, sub, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, sub) : NULL);
	CU_ASSERT_EQUAL(dir_entries(dir), 1);
	CU_ASSERT_EQUAL(dir_entries(sub), 0);
	free(why);
	free(sub);
	test_rmtree(dir);
	free(dir);
	free_hand_session(s);
}

/* Child: export under a tiny file size limit (a full disk). Exit 0 when the
 * export reported the failure with the path, 1 when it claimed success. */
static void
full_disk_child(const char *path)
{
	struct session *s = make_session();
	struct rlimit rl = {4096, 4096};
	char *why = NULL;
	int rc;

	signal(SIGXFSZ, SIG_IGN);
	if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
		_exit(3);
	if (freopen("/dev/null", "w", stderr) == NULL)
		_exit(3);
	rc = export_xlsx(s, path, &why);
	if (rc == 0)
		_exit(1);
	_exit(why != NULL && strstr(why, path) != NULL ? 0 : 2);
}

static void
test_full_disk_keeps_existing(void)
{
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/ergebnis.xlsx", dir);
	char *data;
	pid_t pid;
	int status = 0;

	write_file(path, "OLD WORKBOOK");
	fflush(NULL);
	pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0)
		full_disk_child(path);
	CU_ASSERT_FATAL(waitpid(pid, &status, 0) == pid);
	CU_ASSERT(WIFEXITED(status));
	CU_ASSERT_EQUAL(WEXITSTATUS(status), 0);
	data = read_file(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	CU_ASSERT_STRING_EQUAL(data, "OLD WORKBOOK");
	CU_ASSERT_EQUAL(dir_entries(dir), 1); /* the temp file is gone */
	free(data);
	free(path);
	test_rmtree(dir);
	free(dir);
}

/* ---- logo files ---- */

/* Append one PNG chunk (length, type, data, CRC) to b. */
static void
png_chunk(struct buf *b, const char *type, const unsigned char *data, size_t len)
{
	unsigned char be[4];
	uLong crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)type, 4);
	if (len > 0)
		crc = crc32(crc, data, (uInt)len);
	be[0] = (unsigned char)(len >> 24), be[1] = (unsigned char)(len >> 16);
	be[2] = (unsigned char)(len >> 8), be[3] = (unsigned char)len;
	buf_add(b, be, 4);
	buf_add(b, type, 4);
	if (len > 0)
		buf_add(b, data, len);
	be[0] = (unsigned char)(crc >> 24), be[1] = (unsigned char)(crc >> 16);
	be[2] = (unsigned char)(crc >> 8), be[3] = (unsigned char)crc;
	buf_add(b, be, 4);
}

/* A w x h grey PNG, with a pHYs chunk when dpi > 0. Caller frees; *len set. */
static char *
make_png(unsigned w, unsigned h, unsigned dpi, size_t *len)
{
	struct buf b = {0};
	size_t raw_len = (size_t)h * (w + 1);
	unsigned char ihdr[13] = {0}, phys[9] = {0}, *raw = xcalloc(raw_len, 1);
	uLongf packed_len = compressBound((uLong)raw_len);
	unsigned char *packed = xmalloc(packed_len);
	unsigned ppm = (unsigned)(dpi / 0.0254 + 0.5);

	for (size_t i = 0; i < raw_len; i++)
		raw[i] = i % (w + 1) == 0 ? 0 : (unsigned char)(i * 7);
	CU_ASSERT_FATAL(compress(packed, &packed_len, raw, (uLong)raw_len) == Z_OK);
	buf_add(&b, "\x89PNG\r\n\x1a\n", 8);
	ihdr[0] = (unsigned char)(w >> 24), ihdr[1] = (unsigned char)(w >> 16);
	ihdr[2] = (unsigned char)(w >> 8), ihdr[3] = (unsigned char)w;
	ihdr[4] = (unsigned char)(h >> 24), ihdr[5] = (unsigned char)(h >> 16);
	ihdr[6] = (unsigned char)(h >> 8), ihdr[7] = (unsigned char)h;
	ihdr[8] = 8; /* depth */
	ihdr[9] = 0; /* grey */
	png_chunk(&b, "IHDR", ihdr, 13);
	if (dpi > 0) {
		for (int k = 0; k < 2; k++) {
			phys[4 * k] = (unsigned char)(ppm >> 24);
			phys[4 * k + 1] = (unsigned char)(ppm >> 16);
			phys[4 * k + 2] = (unsigned char)(ppm >> 8);
			phys[4 * k + 3] = (unsigned char)ppm;
		}
		phys[8] = 1; /* per metre */
		png_chunk(&b, "pHYs", phys, 9);
	}
	png_chunk(&b, "IDAT", packed, packed_len);
	png_chunk(&b, "IEND", NULL, 0);
	free(raw);
	free(packed);
	*len = b.len;
	return buf_steal(&b);
}

/* The 32x16 light grey baseline JPEG tests/export_images.py makes. */
static const unsigned char jpeg_32x16[] = {
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01,
    0x00, 0x48, 0x00, 0x48, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x10, 0x10, 0x10,
    0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
    0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
    0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
    0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
    0x10, 0x10, 0x10, 0x10, 0x10, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x20,
    0x01, 0x01, 0x11, 0x00, 0xff, 0xc4, 0x00, 0x15, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0xff,
    0xc4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00,
    0x00, 0x3f, 0x00, 0xa4, 0x00, 0x01, 0xff, 0xd9,
};

/* Write len bytes to path. */
static void
write_bytes(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	CU_ASSERT_FATAL(fp != NULL);
	CU_ASSERT(fwrite(data, 1, len, fp) == len);
	CU_ASSERT_FATAL(fclose(fp) == 0);
}

/* Logo files, good and damaged: each loads, or is refused naming the file. */
static void
test_image_load(void)
{
	char *dir = test_tmpdir(), *png, *path;
	size_t png_len, dpi_len;
	char *png300 = make_png(600, 200, 300, &dpi_len);
	struct {
		const char *name;
		const void *data;
		size_t len;
		const char *reason; /* NULL: loads */
		unsigned width, height;
		double dpi;
	} cases[] = {
	    {"ok.png", NULL, 0, NULL, 90, 30, 96},
	    {"dpi.png", png300, dpi_len, NULL, 600, 200, 300},
	    {"ok.jpg", jpeg_32x16, sizeof jpeg_32x16, NULL, 32, 16, 72},
	    {"half.png", NULL, 0, "abgeschnitten", 0, 0, 0},
	    {"crc.png", NULL, 0, "Prüfsumme", 0, 0, 0},
	    {"tail.png", NULL, 0, "nach IEND", 0, 0, 0},
	    {"half.jpg", jpeg_32x16, sizeof jpeg_32x16 / 2, "abgeschnitten", 0, 0, 0},
	    {"tail.jpg", NULL, 0, "nach dem Ende", 0, 0, 0},
	    {"text.png", "kein Bild\n", 10, "weder PNG- noch JPEG", 0, 0, 0},
	    {"empty.png", "", 0, "weder PNG- noch JPEG", 0, 0, 0},
	    {"missing.png", NULL, 0, "missing.png", 0, 0, 0},
	};
	char *tail_jpg = xmalloc(sizeof jpeg_32x16 + 4);

	png = make_png(90, 30, 0, &png_len);
	memcpy(tail_jpg, jpeg_32x16, sizeof jpeg_32x16);
	memcpy(tail_jpg + sizeof jpeg_32x16, "JUNK", 4);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct export_image img;
		char *why = NULL, *copy = NULL;
		int rc;
		path = xasprintf("%s/%s", dir, cases[i].name);
		if (strcmp(cases[i].name, "ok.png") == 0) {
			write_bytes(path, png, png_len);
		} else if (strcmp(cases[i].name, "half.png") == 0) {
			write_bytes(path, png, png_len / 2);
		} else if (strcmp(cases[i].name, "crc.png") == 0) {
			copy = xmalloc(png_len);
			memcpy(copy, png, png_len);
			copy[png_len - 20] ^= 0x10; /* inside IDAT */
			write_bytes(path, copy, png_len);
		} else if (strcmp(cases[i].name, "tail.png") == 0) {
			copy = xmalloc(png_len + 4);
			memcpy(copy, png, png_len);
			memcpy(copy + png_len, "JUNK", 4);
			write_bytes(path, copy, png_len + 4);
		} else if (strcmp(cases[i].name, "tail.jpg") == 0) {
			write_bytes(path, tail_jpg, sizeof jpeg_32x16 + 4);
		} else if (strcmp(cases[i].name, "missing.png") != 0) {
			write_bytes(path, cases[i].data, cases[i].len);
		}
		rc = export_image_load(path, &img, &why);
		if (cases[i].reason == NULL) {
			if (rc != 0)
				fprintf(stderr, "%s: %s\n", cases[i].name, why);
			CU_ASSERT_EQUAL(rc, 0);
			CU_ASSERT_EQUAL(img.width, cases[i].width);
			CU_ASSERT_EQUAL(img.height, cases[i].height);
			CU_ASSERT_DOUBLE_EQUAL(img.x_dpi, cases[i].dpi, 0.01);
			CU_ASSERT_PTR_NOT_NULL(img.data);
		} else {
			CU_ASSERT_EQUAL(rc, -1);
			CU_ASSERT_PTR_NULL(img.data);
			CU_ASSERT_PTR_NOT_NULL_FATAL(why);
			/* names the file and says what is wrong */
			CU_ASSERT_PTR_NOT_NULL(strstr(why, path));
			if (strstr(why, cases[i].reason) == NULL) {
				fprintf(stderr, "%s: %s\n", cases[i].name, why);
				CU_FAIL("reason");
			}
		}
		export_image_free(&img);
		export_image_free(NULL);
		free(why);
		free(copy);
		free(path);
	}
	/* scaling into the head of page one: the same box at any resolution */
	{
		struct export_image img = {
		    .width = 600, .height = 200, .x_dpi = 300, .y_dpi = 300};
		/* drawn at 192 x 64 pixels: 168 / 192 */
		CU_ASSERT_DOUBLE_EQUAL(export_image_fit(&img, 168, 60), 0.875, 1e-9);
		img.x_dpi = img.y_dpi = 96;
		CU_ASSERT_DOUBLE_EQUAL(export_image_fit(&img, 168, 60), 0.28, 1e-9);
	}
	free(tail_jpg);
	free(png300);
	free(png);
	test_rmtree(dir);
	free(dir);
}

/* Where the logo is looked for when none is given. */
static void
test_logo_candidates(void)
{
	static const char *const want[] = {
	    "/home/a/.config/wohnort-audit/forms/testbogen.logo.png",
	    "/home/a/.config/wohnort-audit/forms/testbogen.logo.jpg",
	    "/etc-test/wohnort-audit/forms/testbogen.logo.png",
	    "/etc-test/wohnort-audit/forms/testbogen.logo.jpg",
	    "/opt/ihk/forms/testbogen.logo.png",
	    "/opt/ihk/forms/testbogen.logo.jpg",
	    "/home/a/.config/wohnort-audit/forms/logo.png",
	    "/home/a/.config/wohnort-audit/forms/logo.jpg",
	    "/etc-test/wohnort-audit/forms/logo.png",
	    "/etc-test/wohnort-audit/forms/logo.jpg",
	    "/opt/ihk/forms/logo.png",
	    "/opt/ihk/forms/logo.jpg",
	    NULL,
	};
	struct session *s = make_session();
	char *xdg = xstrdup(getenv("XDG_CONFIG_HOME")),
	     *sys = xstrdup(getenv("WOHNORT_AUDIT_SYSCONFDIR"));
	char **c;
	setenv("WOHNORT_AUDIT_DATADIR", "/opt/ihk", 1);
	setenv("XDG_CONFIG_HOME", "/home/a/.config", 1);
	setenv("WOHNORT_AUDIT_SYSCONFDIR", "/etc-test", 1);
	c = export_logo_candidates(s->form);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		if (want[i] == NULL) {
			CU_ASSERT_PTR_NULL(c[i]);
		} else {
			CU_ASSERT(c[i] != NULL && strcmp(c[i], want[i]) == 0);
		}
	}
	export_logo_candidates_free(c);
	export_logo_candidates_free(NULL);
	unsetenv("WOHNORT_AUDIT_DATADIR");
	if (xdg != NULL)
		setenv("XDG_CONFIG_HOME", xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	if (sys != NULL)
		setenv("WOHNORT_AUDIT_SYSCONFDIR", sys, 1);
	else
		unsetenv("WOHNORT_AUDIT_SYSCONFDIR");
	free(xdg);
	free(sys);
	free_hand_session(s);
}

/* The Nachweise list: outstanding first, by due date, marks from score. */
static void
test_evidence_rows(void)
{
	struct session *s = make_session();
	struct export_ctx c = {0};
	struct export_evidence_row *rows;
	size_t n;

	/* q0 ja (5 P.) due 2026-12-31; q1 nein, vorgelegt; q2 open, fehlt;
	 * q3 text. Add: q1 due earlier, so the order is by date. */
	s->items[1].evidence = EVIDENCE_PRESENTED; /* a Nein: not listed */
	s->items[2].evidence = EVIDENCE_MISSING;   /* open, fehlt: listed */
	c.s = s;
	c.f = s->form;
	snprintf(c.today, sizeof c.today, "2027-01-15");
	score_compute(s, &c.r);
	n = export_evidence_rows(&c, &rows);
	CU_ASSERT_EQUAL_FATAL(n, 2);
	CU_ASSERT_EQUAL(rows[0].question, 2);
	CU_ASSERT_EQUAL(rows[0].rank, EXPORT_EVIDENCE_MISSING);
	CU_ASSERT_EQUAL(rows[0].conditional, 0); /* open: no points to stand on */
	CU_ASSERT_EQUAL(rows[1].question, 0);
	CU_ASSERT_EQUAL(rows[1].rank, EXPORT_EVIDENCE_DUE);
	CU_ASSERT_EQUAL(rows[1].overdue, 1); /* 2026-12-31 < 2027-01-15 */
	free(rows);

	/* a Ja whose evidence is fehlt stands under reserve; presented
	 * evidence of a point-earning answer is listed after the outstanding */
	s->items[0].evidence = EVIDENCE_MISSING;
	free(s->items[0].evidence_due);
	s->items[0].evidence_due = NULL;
	s->items[1].answer.number = 1; /* ja */
	score_result_free(&c.r);
	score_compute(s, &c.r);
	snprintf(c.today, sizeof c.today, "2026-12-01");
	n = export_evidence_rows(&c, &rows);
	CU_ASSERT_EQUAL_FATAL(n, 3);
	CU_ASSERT_EQUAL(rows[0].question, 0);
	CU_ASSERT_EQUAL(rows[0].conditional, 1);
	CU_ASSERT_EQUAL(rows[0].overdue, 0);
	CU_ASSERT_EQUAL(rows[1].question, 2);
	CU_ASSERT_EQUAL(rows[2].question, 1);
	CU_ASSERT_EQUAL(rows[2].rank, EXPORT_EVIDENCE_PRESENTED);
	free(rows);
	score_result_free(&c.r);
	free_hand_session(s);
}

/* Options: for the town by default, internal on request, a bad date or a
 * broken logo refused before anything is written. */
static void
test_export_options(void)
{
	struct session *s = make_session();
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/ergebnis.xlsx", dir);
	char *logo = xasprintf("%s/logo.png", dir);
	char *why = NULL, *data;
	struct export_options opt = {.audience = EXPORT_INTERNAL, .today = "2027-01-15"};
	size_t png_len;
	char *png = make_png(120, 40, 0, &png_len);

	/* internal, with a logo */
	write_bytes(logo, png, png_len);
	opt.logo = logo;
	CU_ASSERT_EQUAL(export_xlsx_opt(s, path, &opt, NULL, &why), 0);
	if (why != NULL)
		fprintf(stderr, "export: %s\n", why);
	{
		int prc = python_check(path, "intern");
		if (prc != -1)
			CU_ASSERT_EQUAL(prc, 0);
	}
	/* for the town (the default) */
	CU_ASSERT_EQUAL(export_xlsx(s, path, &why), 0);
	{
		int prc = python_check(path, "kommune");
		if (prc != -1)
			CU_ASSERT_EQUAL(prc, 0);
	}
	/* a broken logo: refused naming it, the workbook untouched, no temp */
	write_file(path, "OLD WORKBOOK");
	write_bytes(logo, png, png_len / 2);
	CU_ASSERT_EQUAL(export_xlsx_opt(s, path, &opt, NULL, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, logo) : NULL);
	free(why);
	why = NULL;
	data = read_file(path);
	CU_ASSERT_STRING_EQUAL(data != NULL ? data : "", "OLD WORKBOOK");
	free(data);
	CU_ASSERT_EQUAL(dir_entries(dir), 2);
	/* a missing logo file given explicitly */
	unlink(logo);
	CU_ASSERT_EQUAL(export_xlsx_opt(s, path, &opt, NULL, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, logo) : NULL);
	free(why);
	why = NULL;
	/* an impossible date for today */
	opt.logo = NULL;
	opt.today = "2027-02-30";
	CU_ASSERT_EQUAL(export_xlsx_opt(s, path, &opt, NULL, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "2027-02-30") : NULL);
	free(why);
	CU_ASSERT_EQUAL(dir_entries(dir), 1);
	free(png);
	free(logo);
	free(path);
	test_rmtree(dir);
	free(dir);
	free_hand_session(s);
}

static CU_TestInfo export_tests[] = {
    {"clean_text", test_clean_text},
    {"wrapped_lines", test_wrapped_lines},
    {"fit_scale_and_pager", test_fit_scale_and_pager},
    {"image_load", test_image_load},
    {"logo_candidates", test_logo_candidates},
    {"evidence_rows", test_evidence_rows},
    {"export_options", test_export_options},
    {"default_path", test_default_path},
    {"export_ok", test_export_ok},
    {"unwritable_directory", test_unwritable_directory},
    {"target_is_directory", test_target_is_directory},
    {"full_disk_keeps_existing", test_full_disk_keeps_existing},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"export", NULL, NULL, NULL, NULL, export_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	int rc = test_run(suites);

	if (rc == 0 && python_skipped != NULL) {
		printf("SKIP: the workbook was not read back: %s\n", python_skipped);
		return 77;
	}
	return rc;
}
