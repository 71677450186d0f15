/*
 * test_register_read.c: CUnit tests of reading sessions for the register
 * (src/model/register_read.c, session_scan_file in session_store.c, the
 * register's summary records of audit.c). Sessions are made in-process
 * from the example session through session_change and saved as the
 * program saves them (audit_create), or with the summary an older version
 * wrote (the listing's seven records only). Checks: what is read equals
 * what the session says (score_compute, the records), read fast from the
 * summary and read in full alike; every file that cannot be read is a
 * problem with its reason, in the order named, whatever the threads do;
 * a damaged file says when its .prev is intact and when another program
 * holds it; the register takes no lock and leaves one held where it is;
 * the loader opens a session with text summary records it does not know.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/register.h"
#include "model/register_read.h"
#include "model/score.h"
#include "model/session.h"
#include "test_main.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static char *example; /* the example session's dump */
static size_t example_len;

/* One change of the example session: key and value (NULL clears). */
struct change {
	const char *key, *value;
};

/* The example session with changes, unsaved. */
static struct session *
example_with(const struct change *changes, size_t count)
{
	char *why = NULL;
	struct session *s = session_from_dump(example, example_len, &why);

	if (s == NULL) {
		fprintf(stderr, "example: %s\n", why);
		free(why);
		return NULL;
	}
	for (size_t i = 0; i < count; i++)
		if (session_change(s, changes[i].key, changes[i].value, &why) != 0) {
			fprintf(stderr, "%s: %s\n", changes[i].key, why);
			free(why);
			why = NULL;
			CU_FAIL("change");
		}
	return s;
}

/* Save s in dir as the program does (old: with only the listing's seven
 * summary records, as a version before the register did). Returns its
 * path (caller frees) or NULL. */
static char *
save_in(struct session *s, const char *dir, int old)
{
	struct session_pairs summary = {0};
	char *why = NULL, *path = NULL;
	int rc;

	audit_summary(s, &summary);
	if (old) {
		CU_ASSERT_STRING_EQUAL(summary.items[6].key, "summary.art");
		for (size_t i = 7; i < summary.count; i++) {
			free(summary.items[i].key);
			free(summary.items[i].value);
		}
		summary.count = 7;
	}
	rc = session_create_file(s, dir, &summary, &why);
	session_pairs_clear(&summary);
	if (rc != 0) {
		fprintf(stderr, "save: %s\n", why);
		free(why);
		return NULL;
	}
	path = xstrdup(s->path);
	return path;
}

/* Read the one directory dir. */
static void
read_dir(const char *dir, struct register_input *in)
{
	register_read(&dir, 1, in);
}

static int
str_same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* The audit a equals what session s says. */
static void
check_audit(const struct register_audit *a, const struct session *s)
{
	const struct form *f = s->form;
	struct score_result r;
	size_t evidence = 0;

	memset(&r, 0, sizeof r);
	score_compute(s, &r);
	CU_ASSERT(str_same(a->kommune, s->meta.kommune));
	CU_ASSERT(str_same(a->landkreis, s->meta.landkreis));
	CU_ASSERT(str_same(a->ihk, s->meta.ihk));
	CU_ASSERT(str_same(a->datum, s->meta.datum));
	CU_ASSERT_EQUAL(a->kind, s->meta.kind);
	CU_ASSERT_EQUAL(a->verdict, r.provisional ? REGISTER_VERDICT_OPEN
	                            : r.passed    ? REGISTER_VERDICT_PASSED
	                                          : REGISTER_VERDICT_FAILED);
	if (a->verdict == REGISTER_VERDICT_PASSED) {
		CU_ASSERT(str_same(a->valid_until, r.valid_until));
	} else {
		CU_ASSERT_PTR_NULL(a->valid_until);
	}
	CU_ASSERT_EQUAL(a->validity_first, f->validity_first);
	CU_ASSERT_EQUAL(a->validity_renewal, f->validity_renewal);
	CU_ASSERT_EQUAL(a->total, r.total);
	CU_ASSERT_EQUAL(a->max, r.max);
	CU_ASSERT_EQUAL_FATAL(a->section_count, f->section_count);
	for (size_t i = 0; i < f->section_count; i++) {
		CU_ASSERT_STRING_EQUAL(a->sections[i].title, f->sections[i].title);
		CU_ASSERT_EQUAL(a->sections[i].points, r.sections[i].points);
		CU_ASSERT_EQUAL(a->sections[i].max, r.sections[i].max);
	}
	CU_ASSERT_EQUAL_FATAL(a->goal_count, (size_t)f->goal_count);
	for (int g = 0; g < f->goal_count; g++) {
		CU_ASSERT(str_same(a->goals[g].goal, s->goals[g].goal));
		CU_ASSERT(str_same(a->goals[g].deadline, s->goals[g].deadline));
	}
	for (size_t q = 0; q < f->question_count; q++) {
		const struct session_item *it = &s->items[q];
		char *text;

		if (it->evidence != EVIDENCE_DUE || it->evidence_due == NULL)
			continue;
		CU_ASSERT_FATAL(evidence < a->evidence_count);
		CU_ASSERT_STRING_EQUAL(a->evidence[evidence].id, f->questions[q].full_id);
		CU_ASSERT_STRING_EQUAL(a->evidence[evidence].due, it->evidence_due);
		/* "2.3 " and the question's text, cut after 50 characters */
		text = utf8_shorten(f->questions[q].text, 50);
		CU_ASSERT_PTR_NOT_NULL(strstr(a->evidence[evidence].label, text));
		CU_ASSERT(utf8_chars(a->evidence[evidence].label) <= 4 + 51);
		free(text);
		CU_ASSERT(a->evidence[evidence].label[0] ==
		          (char)('1' + f->questions[q].section));
		evidence++;
	}
	CU_ASSERT_EQUAL(a->evidence_count, evidence);
	CU_ASSERT_PTR_NOT_NULL(a->path);
	score_result_free(&r);
}

/* The variants of the example read in both ways. */
static const struct change variant_passed[] = {
    {"meta.kommune", "Aach"},
    {"meta.datum", "2024-02-29"},
    {"goal.2.frist", "Ende 2027"},
    {"goal.3.frist", "15.3.2028"},
};
/* and every yes/no question answered "nein" (example_failed) */
static const struct change variant_failed[] = {
    {"meta.kommune", "Bad Soden"},
    {"meta.landkreis", NULL},
    {"meta.art", "erst"},
};
static const struct change variant_open[] = {
    {"meta.kommune", "Cölbe"}, {"meta.ihk", NULL},     {"strategie.ratsbeschluss", NULL},
    {"goal.1.ziel", NULL},     {"goal.1.frist", NULL},
};

/* The failed variant: variant_failed and every yes/no question "nein". */
static struct session *
example_failed(void)
{
	struct session *s = example_with(variant_failed, COUNT(variant_failed));
	char *why = NULL;

	for (size_t q = 0; s != NULL && q < s->form->question_count; q++)
		if (s->form->questions[q].type == QUESTION_YESNO &&
		    session_change(s, s->form->questions[q].full_id, "nein", &why) != 0) {
			free(why);
			why = NULL;
			CU_FAIL("nein");
		}
	return s;
}

static const struct {
	const struct change *changes;
	size_t count;
	enum register_verdict verdict; /* what the variant must be */
} variants[] = {
    {variant_passed, COUNT(variant_passed), REGISTER_VERDICT_PASSED},
    {variant_failed, COUNT(variant_failed), REGISTER_VERDICT_FAILED},
    {variant_open, COUNT(variant_open), REGISTER_VERDICT_OPEN},
};

/*
 * Read fast (the register's summary) and in full (saved as an older
 * version did): both equal the session, and full reads are counted.
 */
static void
test_fast_and_full(void)
{
	char *dir = test_tmpdir(), *fast = xasprintf("%s/neu", dir),
	     *full = xasprintf("%s/alt", dir);
	struct session *s[COUNT(variants)];
	struct register_input a, b;

	for (size_t v = 0; v < COUNT(variants); v++) {
		char *p1, *p2;
		s[v] = variants[v].changes == variant_failed
		           ? example_failed()
		           : example_with(variants[v].changes, variants[v].count);
		CU_ASSERT_PTR_NOT_NULL_FATAL(s[v]);
		p1 = save_in(s[v], fast, 0);
		/* a second file of the same content, the old way */
		session_free(s[v]);
		s[v] = variants[v].changes == variant_failed
		           ? example_failed()
		           : example_with(variants[v].changes, variants[v].count);
		p2 = save_in(s[v], full, 1);
		CU_ASSERT_PTR_NOT_NULL(p1);
		CU_ASSERT_PTR_NOT_NULL(p2);
		free(p1);
		free(p2);
	}
	read_dir(fast, &a);
	read_dir(full, &b);
	CU_ASSERT_EQUAL(a.problem_count, 0);
	CU_ASSERT_EQUAL(b.problem_count, 0);
	CU_ASSERT_EQUAL(a.full_reads, 0);
	CU_ASSERT_EQUAL(b.full_reads, COUNT(variants));
	CU_ASSERT_EQUAL_FATAL(a.audit_count, COUNT(variants));
	CU_ASSERT_EQUAL_FATAL(b.audit_count, COUNT(variants));
	for (size_t v = 0; v < COUNT(variants); v++) {
		/* files are read in name order: aach, bad-soden, coelbe */
		CU_ASSERT_EQUAL(a.audits[v].verdict, variants[v].verdict);
		check_audit(&a.audits[v], s[v]);
		check_audit(&b.audits[v], s[v]);
		CU_ASSERT_PTR_NOT_NULL(strstr(a.audits[v].path, fast));
		session_free(s[v]);
	}
	/* the free-text Frist stays as typed; the German one too */
	CU_ASSERT_STRING_EQUAL(a.audits[0].goals[1].deadline, "Ende 2027");
	CU_ASSERT_PTR_NULL(a.audits[2].goals[0].goal);
	register_input_free(&a);
	register_input_free(&b);
	register_input_free(&a); /* a freed input is zero */
	test_rmtree(dir);
	free(fast);
	free(full);
	free(dir);
}

/* Copy the file from to to. */
static void
copy_file(const char *from, const char *to)
{
	char *data = NULL, *why = NULL;
	size_t len = 0;
	FILE *f;

	CU_ASSERT_EQUAL_FATAL(file_read_all(from, 64u << 20, &data, &len, &why), 0);
	f = fopen(to, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
	CU_ASSERT_EQUAL(fclose(f), 0);
	free(data);
}

/* Write text to path. */
static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	CU_ASSERT_EQUAL(fclose(f), 0);
}

/* Flip one byte at offset of path. */
static void
flip_byte(const char *path, long offset)
{
	int fd = open(path, O_RDWR);
	unsigned char c;

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(pread(fd, &c, 1, offset), 1);
	c ^= 0x20;
	CU_ASSERT_EQUAL(pwrite(fd, &c, 1, offset), 1);
	close(fd);
}

/* The offset of the first occurrence of text in the file at path. */
static long
offset_of(const char *path, const char *text)
{
	char *data = NULL, *why = NULL, *at;
	size_t len = 0;
	long off = -1;

	if (file_read_all(path, 64u << 20, &data, &len, &why) != 0) {
		free(why);
		return -1;
	}
	at = memmem(data, len, text, strlen(text));
	if (at != NULL)
		off = at - data;
	free(data);
	return off;
}

/* Save s with its summary, one record changed or added. */
static char *
save_with_summary(struct session *s, const char *dir, const char *key, const char *value)
{
	struct session_pairs summary = {0};
	char *why = NULL, *path = NULL;
	size_t i;

	audit_summary(s, &summary);
	for (i = 0; i < summary.count && strcmp(summary.items[i].key, key) != 0; i++)
		;
	if (i < summary.count)
		str_replace(&summary.items[i].value, value);
	else
		session_pairs_add(&summary, key, value);
	if (session_create_file(s, dir, &summary, &why) == 0)
		path = xstrdup(s->path);
	else
		free(why);
	session_pairs_clear(&summary);
	return path;
}

/* The problem for a path ending in name, or NULL. */
static const struct register_problem *
problem_of(const struct register_input *in, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < in->problem_count; i++) {
		size_t p = strlen(in->problems[i].path);
		if (p >= n && strcmp(in->problems[i].path + p - n, name) == 0)
			return &in->problems[i];
	}
	return NULL;
}

/* The reason of the problem named name holds part. */
static void
check_problem(const struct register_input *in, const char *name, const char *part)
{
	const struct register_problem *p = problem_of(in, name);

	CU_ASSERT_PTR_NOT_NULL(p);
	if (p != NULL && strstr(p->reason, part) == NULL) {
		fprintf(stderr, "%s: \"%s\" lacks \"%s\"\n", name, p->reason, part);
		CU_FAIL("reason");
	}
}

/*
 * Every file that is not a good session is a problem with its reason;
 * links to a file read already are named as such; names that are no
 * sessions (hidden, .prev, .lock, other endings) are not read at all.
 */
static void
test_problems(void)
{
	char *dir = test_tmpdir(), *good, *p;
	struct register_input in;
	struct session *s;
	long off;

	s = example_with(variant_passed, COUNT(variant_passed));
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	good = save_in(s, dir, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(good);
	session_free(s);

	p = xasprintf("%s/beschaedigt.cdb", dir);
	copy_file(good, p);
	off = offset_of(p, "Lindenfels");
	off = off >= 0 ? off : offset_of(p, "Willkommenspaket");
	CU_ASSERT_FATAL(off > 0);
	flip_byte(p, off);
	free(p);
	p = xasprintf("%s/abgeschnitten.cdb", dir);
	copy_file(good, p);
	CU_ASSERT_EQUAL(truncate(p, 5000), 0);
	free(p);
	p = xasprintf("%s/leer.cdb", dir);
	write_text(p, "");
	free(p);
	p = xasprintf("%s/notizen.cdb", dir);
	write_text(p, "Notizen zum Audit, keine Sitzung\n");
	free(p);
	p = xasprintf("%s/ordner.cdb", dir);
	CU_ASSERT_EQUAL(mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/zz-hardlink.cdb", dir);
	CU_ASSERT_EQUAL(link(good, p), 0);
	free(p);
	p = xasprintf("%s/zz-symlink.cdb", dir);
	CU_ASSERT_EQUAL(symlink(good, p), 0);
	free(p);
	p = xasprintf("%s/zz-nirgendwo.cdb", dir);
	CU_ASSERT_EQUAL(symlink("gibt-es-nicht.cdb", p), 0);
	free(p);
	/* not sessions by name: never read, never listed */
	p = xasprintf("%s/.versteckt.cdb", dir);
	write_text(p, "x");
	free(p);
	p = xasprintf("%s/register.xlsx", dir);
	write_text(p, "x");
	free(p);
	/* a summary this version cannot parse */
	s = example_with(variant_open, COUNT(variant_open));
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	p = save_with_summary(s, dir, "summary.verdict", "vielleicht");
	CU_ASSERT_PTR_NOT_NULL(p);
	free(p);
	session_free(s);
	s = example_failed();
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	p = save_with_summary(s, dir, "summary.section.10000", "1 2 Zu weit");
	CU_ASSERT_PTR_NOT_NULL(p);
	free(p);
	session_free(s);

	read_dir(dir, &in);
	CU_ASSERT_EQUAL(in.audit_count, 1);
	if (in.audit_count == 1)
		CU_ASSERT_STRING_EQUAL(in.audits[0].path, good);
	check_problem(&in, "/beschaedigt.cdb", "Prüfsumme falsch");
	check_problem(&in, "/abgeschnitten.cdb", "abgeschnitten");
	check_problem(&in, "/leer.cdb", "leer");
	check_problem(&in, "/notizen.cdb", "keine gültige Sitzungsdatei");
	check_problem(&in, "/ordner.cdb", "keine reguläre Datei");
	check_problem(&in, "/zz-hardlink.cdb", "dieselbe Datei wie");
	check_problem(&in, "/zz-symlink.cdb", "dieselbe Datei wie");
	check_problem(&in, "/zz-nirgendwo.cdb", strerror(ENOENT));
	check_problem(&in, "/coelbe-2026-11-23.cdb", "summary.verdict");
	check_problem(&in, "/bad-soden-2026-11-23.cdb", "summary.section.10000");
	CU_ASSERT_EQUAL(in.problem_count, 10);
	CU_ASSERT_PTR_NULL(problem_of(&in, ".versteckt.cdb"));
	CU_ASSERT_PTR_NULL(problem_of(&in, "register.xlsx"));
	/* a file or folder named that is missing is a problem of its own */
	register_input_free(&in);
	{
		char *missing = xasprintf("%s/fehlt", dir);
		const char *paths[] = {missing, good};
		register_read(paths, 2, &in);
		CU_ASSERT_EQUAL(in.audit_count, 1);
		CU_ASSERT_EQUAL_FATAL(in.problem_count, 1);
		CU_ASSERT_STRING_EQUAL(in.problems[0].path, missing);
		free(missing);
	}
	register_input_free(&in);
	test_rmtree(dir);
	free(good);
	free(dir);
}

/*
 * A damaged session whose .prev is intact, held open by another program:
 * the reason says both; the register takes no lock, and the holder keeps
 * it (a second writer is still refused). A good session held open is read.
 */
static void
test_damaged_and_locked(void)
{
	char *dir = test_tmpdir(), *damaged, *held, *notice = NULL, *why = NULL;
	struct session *s, *holder, *second;
	struct register_input in;

	s = example_with(variant_passed, COUNT(variant_passed));
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	damaged = save_in(s, dir, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(damaged);
	CU_ASSERT_EQUAL(session_change(s, "meta.auditor", "Zweite Fassung", &why), 0);
	CU_ASSERT_EQUAL(audit_save(s, &why), 0); /* the first becomes .prev */
	session_free(s);
	flip_byte(damaged, offset_of(damaged, "Zweite Fassung"));
	s = example_failed();
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	held = save_in(s, dir, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(held);
	session_free(s);

	/* both held by "another program" (another open file, this process) */
	holder = session_open(damaged, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(holder);
	CU_ASSERT_PTR_NOT_NULL(notice); /* loaded from .prev */
	free(notice);
	notice = NULL;
	s = session_open(held, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);

	read_dir(dir, &in);
	CU_ASSERT_EQUAL(in.audit_count, 1);
	CU_ASSERT_EQUAL_FATAL(in.problem_count, 1);
	CU_ASSERT_STRING_EQUAL(in.problems[0].path, damaged);
	CU_ASSERT_PTR_NOT_NULL(strstr(in.problems[0].reason, ".prev) ist intakt"));
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(in.problems[0].reason, "anderen Programm geöffnet"));
	register_input_free(&in);

	/* the locks are where they were */
	second = session_open(held, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NULL(second);
	CU_ASSERT_EQUAL(errno, EWOULDBLOCK);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(session_change(s, "meta.auditor", "Noch da", &why), 0);
	CU_ASSERT_EQUAL(audit_save(s, &why), 0);
	session_free(s);
	session_free(holder);

	/* nobody holds it now: the reason no longer says so */
	read_dir(dir, &in);
	CU_ASSERT_EQUAL_FATAL(in.problem_count, 1);
	CU_ASSERT_PTR_NULL(strstr(in.problems[0].reason, "anderen Programm"));
	register_input_free(&in);
	test_rmtree(dir);
	free(damaged);
	free(held);
	free(dir);
}

/*
 * Many files are checked on several threads: audits and problems still
 * come in name order, the same as one by one.
 */
static void
test_order_with_threads(void)
{
	char *dir = test_tmpdir(), *good;
	struct register_input in;
	struct session *s = example_with(variant_passed, COUNT(variant_passed));
	const size_t files = 150;
	size_t audits = 0, problems = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	good = save_in(s, dir, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(good);
	session_free(s);
	for (size_t i = 0; i < files; i++) {
		char *p = xasprintf("%s/s%03zu.cdb", dir, i);
		if (i % 10 == 7)
			write_text(p, "kaputt");
		else
			copy_file(good, p);
		free(p);
	}
	CU_ASSERT_EQUAL(unlink(good), 0);
	read_dir(dir, &in);
	CU_ASSERT_EQUAL(in.audit_count + in.problem_count, files);
	for (size_t i = 0; i < files; i++) {
		char *name = xasprintf("/s%03zu.cdb", i);
		if (i % 10 == 7) {
			CU_ASSERT_FATAL(problems < in.problem_count);
			CU_ASSERT_PTR_NOT_NULL(
			    strstr(in.problems[problems++].path, name));
		} else {
			CU_ASSERT_FATAL(audits < in.audit_count);
			CU_ASSERT_PTR_NOT_NULL(strstr(in.audits[audits++].path, name));
		}
		free(name);
	}
	register_input_free(&in);
	test_rmtree(dir);
	free(good);
	free(dir);
}

/*
 * A session with a text summary record this version does not know (a
 * later version's) opens; the counts list reads are still checked.
 */
static void
test_loader_ignores_text_summary(void)
{
	char *dir = test_tmpdir(), *path, *notice = NULL, *why = NULL;
	struct session *s = example_with(variant_passed, COUNT(variant_passed)), *back;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	path = save_with_summary(s, dir, "summary.spaeter",
	                         "ein Text einer neueren Version");
	CU_ASSERT_PTR_NOT_NULL_FATAL(path);
	session_free(s);
	back = session_open(path, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL(back);
	if (back == NULL)
		fprintf(stderr, "%s\n", why);
	session_free(back);
	free(path);
	test_rmtree(dir);
	free(dir);
}

/*
 * register_seal_status: one seal at a Stichtag, and the same status as the
 * register gives a town whose latest audit is that seal.
 */
static void
test_seal_status(void)
{
	static const struct {
		const char *until, *stichtag;
		int status;
	} cases[] = {
	    {"2026-12-15", "2026-06-14", REGISTER_VALID},
	    {"2026-12-15", "2026-06-15", REGISTER_EXPIRING}, /* exactly 6 months */
	    {"2026-12-15", "2026-12-15", REGISTER_EXPIRING}, /* the last valid day */
	    {"2026-12-15", "2026-12-16", REGISTER_EXPIRED},
	    {"2028-08-31", "2028-02-28", REGISTER_VALID},
	    {"2028-08-31", "2028-02-29", REGISTER_EXPIRING}, /* 31.08. - 6 months */
	    {"2027-08-31", "2027-02-28", REGISTER_EXPIRING},
	    {"2027-02-28", "2026-08-27", REGISTER_VALID},
	    {"2027-02-28", "2026-08-28", REGISTER_EXPIRING},
	    {"2026-02-30", "2026-01-01", -1},
	    {"2026-12-15", "15.06.2026", -1},
	    {NULL, "2026-01-01", -1},
	};

	for (size_t i = 0; i < COUNT(cases); i++) {
		struct register_audit a = {0};
		struct register_result r = {0};
		char *why = NULL;
		int got = register_seal_status(cases[i].until, cases[i].stichtag);

		if (got != cases[i].status) {
			fprintf(stderr, "seal %s at %s: %d, want %d\n", cases[i].until,
			        cases[i].stichtag, got, cases[i].status);
			CU_FAIL("seal status");
		}
		if (cases[i].status < 0)
			continue;
		a.kommune = xstrdup("Aach");
		a.datum = xstrdup("2020-01-01");
		a.verdict = REGISTER_VERDICT_PASSED;
		a.valid_until = xstrdup(cases[i].until);
		a.path = xstrdup("aach.cdb");
		CU_ASSERT_EQUAL_FATAL(
		    register_build(&a, 1, NULL, 0, cases[i].stichtag, &r, &why), 0);
		CU_ASSERT_EQUAL_FATAL(r.town_count, 1);
		CU_ASSERT_EQUAL(r.towns[0].status, (enum register_status)got);
		register_result_free(&r);
		register_audit_clear(&a);
	}
}

static CU_TestInfo read_tests[] = {
    {"the status of one seal", test_seal_status},
    {"fast and full read agree with the session", test_fast_and_full},
    {"problems: damaged, foreign, empty, links, summaries", test_problems},
    {"damaged with intact .prev, held by another program", test_damaged_and_locked},
    {"order with threads", test_order_with_threads},
    {"the loader ignores text summary records", test_loader_ignores_text_summary},
    CU_TEST_INFO_NULL,
};

static int
suite_init(void)
{
	char *path = test_srcfile("data/beispiel-sitzung.txt"), *why = NULL;
	int rc = file_read_all(path, 16u << 20, &example, &example_len, &why);

	if (rc != 0) {
		fprintf(stderr, "%s\n", why);
		free(why);
	}
	free(path);
	return rc == 0 ? 0 : -1;
}

static int
suite_clean(void)
{
	free(example);
	return 0;
}

static CU_SuiteInfo suites[] = {
    {"register_read", suite_init, suite_clean, NULL, NULL, read_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
