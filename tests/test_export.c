/*
 * test_export.c: CUnit tests of the export module: text cleaning and row
 * heights (table-driven), the default path, a successful export, and the
 * error paths: a target under a non-directory, a target that is a
 * directory, and a full disk (RLIMIT_FSIZE in a child) that must leave an
 * existing file untouched and no temp file behind. A hand-built session with
 * injection strings and invalid UTF-8 is read back with openpyxl when
 * WA_PYTHON3 (or /usr/bin/python3) is available.
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

#include "export.h"
#include "export_private.h"
#include "test_main.h"
#include "util.h"

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
	    {"aaaa bbbb cccc dddd", 8, 4},
	    {"Donaudampfschifffahrtsgesellschaft", 10, 4}, /* 9 per line */
	    {"ääää öööö", 8, 2},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CU_ASSERT_EQUAL(export_wrapped_lines(cases[i].text, cases[i].width),
		                cases[i].lines);
	{
		const char *texts[] = {"a", "eins\nzwei\ndrei"};
		const double widths[] = {10, 10};
		CU_ASSERT_DOUBLE_EQUAL(export_row_height(texts, widths, 2),
		                       3 * EXPORT_LINE_HEIGHT + 3, 0.001);
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

/* Run the python check script on an exported file; 0 when it passed. */
static int
python_check(const char *xlsx)
{
	const char *py = getenv("WA_PYTHON3");
	char *script, *cmd;
	int rc;
	if (py == NULL || py[0] == '\0' || strcmp(py, "no") == 0)
		py = "/usr/bin/python3";
	if (access(py, X_OK) != 0)
		return -1;
	script = test_srcfile("tests/export_cunit_check.py");
	cmd = xasprintf("'%s' '%s' '%s'", py, script, xlsx);
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
	int rc = export_xlsx_counted(s, path, &cells, &why);

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
		int prc = python_check(path);
		if (prc == -1)
			fprintf(stderr,
			        "(python3 with openpyxl not found: read-back skipped)\n");
		else
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

static CU_TestInfo export_tests[] = {
    {"clean_text", test_clean_text},
    {"wrapped_lines", test_wrapped_lines},
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
	return test_run(suites);
}
