/*
 * test_session.c: CUnit suite of the session module: set/get validation,
 * dump and snapshot round trips of every value type, unicode, empty and 1 MB
 * text, damaged snapshots (checksum, truncation at every 1 KiB, zero-filled,
 * foreign cdb, wrong format, impossible values) with fallback to PATH.prev,
 * the write lock against another process, a file replaced underneath, a
 * failed write (RLIMIT_FSIZE) that must change nothing, file modes, the
 * no-overwrite rule of session_create_file, the listing, the store's
 * summary records coming from its caller (audit_save), the record families
 * and the shipped example session. Must not depend on the network or on
 * other test files.
 */
#include "config.h"

#include <cdb.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "model/audit.h"
#include "model/session.h"
#include "model/session_family.h"
#include "test_main.h"
#include "lib/util.h"

/* A small form with every question type and an "entfällt" question. */
static const char small_form[] =
    "form: klein\n"
    "title: Kleiner Prüfbogen\n"
    "edition: 2023-05-11\n"
    "pass: {total_percent: 60, section_min_percent: 40}\n"
    "validity_years: {first: 3, renewal: 5}\n"
    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
    "sections:\n"
    "  - id: a\n"
    "    title: Erstes Feld\n"
    "    questions:\n"
    "      - {id: jn, type: yesno, text: Ja oder nein?, points: 2, na: true}\n"
    "      - id: wahl\n"
    "        type: choice\n"
    "        text: Welche?\n"
    "        options:\n"
    "          - {id: gut, label: Gut, points: 2}\n"
    "          - {id: schlecht, label: Schlecht, points: 0}\n"
    "      - id: mehr\n"
    "        type: multi\n"
    "        text: Welche alle?\n"
    "        options:\n"
    "          - {id: x, label: X, points: 1}\n"
    "          - {id: y, label: Y, points: 1}\n"
    "          - {id: z, label: Z, points: 1}\n"
    "  - id: b\n"
    "    title: Zweites Feld\n"
    "    questions:\n"
    "      - id: zahl\n"
    "        type: number\n"
    "        text: Wie viele?\n"
    "        min: -10\n"
    "        bands:\n"
    "          - {min: 0, points: 0}\n"
    "          - {min: 5, points: 2}\n"
    "      - {id: skala, type: scale, text: Wie gut?, max: 4}\n"
    "      - {id: freitext, type: text, text: Was noch?}\n"
    "      - {id: wann, type: date, text: Wann?}\n";

static char *tmpdir;

/* A session over the small form (aborts the test run when the form does not load). */
static struct session *
small_session(void)
{
	struct form_errors errors = {0};
	struct form *f =
	    form_load_string(small_form, sizeof small_form - 1, "klein", &errors);
	if (f == NULL) {
		char *text = form_errors_format(&errors);
		fprintf(stderr, "small form does not load:\n%s", text);
		free(text);
		form_errors_clear(&errors);
		return NULL;
	}
	form_errors_clear(&errors);
	return session_new(f);
}

/* A session over the bundled form. */
static struct session *
bundled_session(void)
{
	struct form_errors errors = {0};
	char *path = test_srcfile("forms/wohnort-muster.yaml");
	struct form *f = form_load_file(path, &errors);
	free(path);
	form_errors_clear(&errors);
	return f ? session_new(f) : NULL;
}

/* Set key to value and assert success. */
static void
set_ok(struct session *s, const char *key, const char *value)
{
	char *why = NULL;
	int rc = session_change(s, key, value, &why);
	if (rc != 0)
		fprintf(stderr, "set %s=%s: %s\n", key, value ? value : "(clear)", why);
	CU_ASSERT_EQUAL(rc, 0);
	free(why);
}

/* Assert session_get(key) equals expected (NULL: unset). */
static void
get_is(const struct session *s, const char *key, const char *expected)
{
	char *v = session_get(s, key);
	if (expected == NULL) {
		CU_ASSERT_PTR_NULL(v);
	} else {
		CU_ASSERT_PTR_NOT_NULL_FATAL(v);
		CU_ASSERT_STRING_EQUAL(v, expected);
	}
	free(v);
}

/* Fill s with one value of every kind of key. */
static void
fill_small(struct session *s)
{
	set_ok(s, "meta.kommune", "Lindenfels am Main");
	set_ok(s, "meta.landkreis", "Landkreis Odenwaldhöhe");
	set_ok(s, "meta.zentralitaet", "Mittelzentrum");
	set_ok(s, "meta.ihk", "IHK Musterstadt");
	set_ok(s, "meta.auditor", "Jürgen Prüfer");
	set_ok(s, "meta.datum", "2026-11-23");
	set_ok(s, "meta.art", "re");
	set_ok(s, "meta.vorher", "/tmp/alt.cdb");
	set_ok(s, "participant.1.name", "Dr. Anna Schäfer");
	set_ok(s, "participant.1.funktion", "Bürgermeisterin");
	set_ok(s, "participant.2.name", "Bernd Ötzi");
	set_ok(s, "a.jn", "ja");
	set_ok(s, "a.jn:note", "Beschluss vom 3. Mai");
	set_ok(s, "a.jn:evidence", "nachzureichen");
	set_ok(s, "a.jn:evidence_due", "2026-12-31");
	set_ok(s, "a.jn:evidence_text", "Protokollauszug");
	set_ok(s, "a.jn:recommendation", "Weiter so.");
	set_ok(s, "a.wahl", "gut");
	set_ok(s, "a.wahl:evidence", "vorgelegt");
	set_ok(s, "a.mehr", "x,z");
	set_ok(s, "a.mehr:evidence", "fehlt");
	set_ok(s, "b.zahl", "-7");
	set_ok(s, "b.skala", "3");
	set_ok(s, "b.freitext", "Zeile 1\nZeile\t2 \\ Ende\r");
	set_ok(s, "b.wann", "2024-02-29");
	set_ok(s, "goal.1.ziel", "Willkommenspaket einführen");
	set_ok(s, "goal.1.massnahmen", "Paket entwerfen; drucken");
	set_ok(s, "goal.1.messgroesse", "ausgegebene Pakete");
	set_ok(s, "goal.1.frist", "2027-06-30");
	set_ok(s, "goal.1.verantwortlich", "Hauptamt");
	set_ok(s, "goal.3.ziel", "Kita-Plätze");
	set_ok(s, "goal.3.fragen", "b.skala, 1.1;a.jn 2.1");
	set_ok(s, "prevgoal.1.ziel", "Altes Ziel");
	set_ok(s, "prevgoal.2.ziel", "Zweites altes Ziel");
	set_ok(s, "prevgoal.3.ziel", "Drittes altes Ziel");
	set_ok(s, "prevgoal.1", "erreicht");
	set_ok(s, "prevgoal.2", "teilweise");
	set_ok(s, "prevgoal.3", "nicht_erreicht");
	set_ok(s, "session.cursor", "b.skala");
}

/* Path of a file in the test directory (caller frees). */
static char *
in_tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Whole contents of a file (caller frees); NULL when unreadable. */
static char *
slurp(const char *path, size_t *len)
{
	char *data = NULL, *why = NULL;
	if (file_read_all(path, 1u << 30, &data, len, &why) != 0) {
		free(why);
		return NULL;
	}
	return data;
}

/* Write len bytes to path (replacing it). */
static void
spit(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
	CU_ASSERT_EQUAL(fclose(f), 0);
}

/* Create a saved session file over the small form in a fresh subdirectory. */
static struct session *
saved_small(const char *subdir)
{
	struct session *s = small_session();
	char *dir = in_tmp(subdir), *why = NULL;
	if (s == NULL) {
		free(dir);
		return NULL;
	}
	fill_small(s);
	if (audit_create(s, dir, &why) != 0) {
		fprintf(stderr, "create: %s\n", why);
		free(why);
		session_free(s);
		s = NULL;
	}
	free(dir);
	return s;
}

static void
test_evidence_and_status_names(void)
{
	CU_ASSERT_STRING_EQUAL(session_evidence_name(EVIDENCE_NONE), "");
	CU_ASSERT_STRING_EQUAL(session_evidence_name(EVIDENCE_PRESENTED), "vorgelegt");
	CU_ASSERT_STRING_EQUAL(session_evidence_name(EVIDENCE_DUE), "nachzureichen");
	CU_ASSERT_STRING_EQUAL(session_evidence_name(EVIDENCE_MISSING), "fehlt");
	CU_ASSERT_STRING_EQUAL(session_goal_status_name(GOAL_OPEN), "");
	CU_ASSERT_STRING_EQUAL(session_goal_status_name(GOAL_REACHED), "erreicht");
	CU_ASSERT_STRING_EQUAL(session_goal_status_name(GOAL_PARTIAL), "teilweise");
	CU_ASSERT_STRING_EQUAL(session_goal_status_name(GOAL_NOT_REACHED),
	                       "nicht_erreicht");
}

static void
test_set_get_every_type(void)
{
	struct session *s = small_session();
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_small(s);
	get_is(s, "a.jn", "ja");
	get_is(s, "a.wahl", "gut");
	get_is(s, "a.mehr", "x,z");
	get_is(s, "b.zahl", "-7");
	get_is(s, "b.skala", "3");
	get_is(s, "b.freitext", "Zeile 1\nZeile\t2 \\ Ende\r");
	get_is(s, "b.wann", "2024-02-29");
	get_is(s, "meta.art", "re");
	CU_ASSERT_EQUAL(s->meta.kind, AUDIT_RENEWAL);
	get_is(s, "participant.2.name", "Bernd Ötzi");
	get_is(s, "participant.2.funktion", NULL);
	CU_ASSERT_EQUAL(s->participant_count, 2);
	get_is(s, "a.jn:evidence", "nachzureichen");
	CU_ASSERT_EQUAL(s->items[0].evidence, EVIDENCE_DUE);
	get_is(s, "a.jn:evidence_due", "2026-12-31");
	get_is(s, "prevgoal.3", "nicht_erreicht");
	CU_ASSERT_EQUAL(s->previous_status[1], GOAL_PARTIAL);
	get_is(s, "goal.2.ziel", NULL);
	/* Fragen: ids and numbers, stored as ids in form order, once each */
	get_is(s, "goal.3.fragen", "a.jn,b.zahl,b.skala");
	CU_ASSERT(session_goal_addresses(s, &s->goals[2], 0));
	CU_ASSERT(!session_goal_addresses(s, &s->goals[2], 1));
	CU_ASSERT(session_goal_addresses(s, &s->goals[2], 3));
	CU_ASSERT(session_goal_addresses(s, &s->goals[2], 4));
	CU_ASSERT(!session_goal_addresses(s, &s->goals[2], 5));
	CU_ASSERT(!session_goal_addresses(s, &s->goals[0], 0));
	CU_ASSERT(!session_goal_addresses(s, &s->goals[2], 99));
	set_ok(s, "goal.2.fragen", " , ");
	get_is(s, "goal.2.fragen", NULL);
	get_is(s, "session.cursor", "b.skala");
	get_is(s, "format", SESSION_FORMAT);
	get_is(s, "form.id", "klein");
	/* entfällt, a clear, an empty multi */
	set_ok(s, "a.jn", "entfaellt");
	get_is(s, "a.jn", "entfaellt");
	CU_ASSERT_EQUAL(s->items[0].answer.state, ANSWER_NA);
	set_ok(s, "a.mehr", "");
	get_is(s, "a.mehr", "");
	set_ok(s, "b.zahl", NULL);
	get_is(s, "b.zahl", NULL);
	/* evidence other than nachzureichen drops the due date */
	set_ok(s, "a.jn:evidence", "vorgelegt");
	get_is(s, "a.jn:evidence_due", NULL);
	/* clearing the last participant shrinks the list */
	set_ok(s, "participant.2.name", NULL);
	CU_ASSERT_EQUAL(s->participant_count, 1);
	set_ok(s, "participant.5.funktion", "Kämmerer");
	CU_ASSERT_EQUAL(s->participant_count, 5);
	set_ok(s, "participant.5.funktion", NULL);
	CU_ASSERT_EQUAL(s->participant_count, 1);
	session_free(s);
}

/* Invalid key/value pairs: each must fail with a reason and change nothing. */
static void
test_set_invalid_changes_nothing(void)
{
	static const struct {
		const char *key, *value, *reason_part;
	} cases[] = {
	    {"a.jn", "vielleicht", NULL},
	    {"a.wahl", "mittel", "gut"},
	    {"a.mehr", "x,q", NULL},
	    {"b.zahl", "zwölf", NULL},
	    {"b.skala", "5", NULL},
	    {"b.wann", "2023-02-29", NULL},
	    {"b.freitext", "kaputt \xc3\x28", "UTF-8"},
	    {"a.wahl", "entfaellt", NULL},
	    {"meta.datum", "31.11.2026", "gibt es nicht"},
	    {"meta.art", "zweit", "erst, re"},
	    {"meta.zentralitaet", "Großstadt", "Mittelzentrum"},
	    {"meta.unbekannt", "x", "meta.kommune"},
	    {"a.gibtsnicht", "ja", "a.jn"},
	    {"zz.yy", "ja", "meta.kommune"},
	    {"a.jn:farbe", "rot", "evidence_text"},
	    {"a.jn:evidence", "vielleicht", "nachzureichen"},
	    {"a.wahl:evidence_due", "2026-12-01", "nachzureichen"},
	    {"participant.0.name", "X", "1 und 99"},
	    {"participant.100.name", "X", NULL},
	    {"participant.1.alter", "40", NULL},
	    {"goal.4.ziel", "X", "1 und 3"},
	    {"goal.01.ziel", "X", NULL},
	    {"goal.3.fragen", "a.jn, a.gibtsnicht", "Nummern wie"},
	    {"goal.3.fragen", "3.1", "„3.1“"},
	    {"goal.3.fragen", "1.0", NULL},
	    {"goal.3.fragen", "1.4", NULL},
	    {"goal.3.fragen", "a", NULL},
	    {"prevgoal.1", "fast", "teilweise"},
	    {"session.cursor", "a.nix", NULL},
	    {"format", "x", NULL},
	    {"form.text", "x", NULL},
	    {"checksum", "0", NULL},
	    {"summary.total", "1", NULL},
	    {"session.generation", "9", NULL},
	};
	struct session *s = small_session();
	char *before, *after;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_small(s);
	before = session_dump(s);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *why = NULL;
		int rc = session_change(s, cases[i].key, cases[i].value, &why);
		if (rc == 0)
			fprintf(stderr, "accepted %s=%s\n", cases[i].key, cases[i].value);
		CU_ASSERT_EQUAL(rc, -1);
		CU_ASSERT_PTR_NOT_NULL(why);
		if (why != NULL && cases[i].reason_part != NULL &&
		    strstr(why, cases[i].reason_part) == NULL) {
			fprintf(stderr, "%s: reason lacks '%s': %s\n", cases[i].key,
			        cases[i].reason_part, why);
			CU_FAIL("reason does not list what is allowed");
		}
		free(why);
	}
	after = session_dump(s);
	CU_ASSERT_STRING_EQUAL(before, after);
	free(before);
	free(after);
	session_free(s);
}

/* dump → from_dump → dump is the identity; so is save → open. */
static void
test_dump_and_snapshot_round_trip(void)
{
	struct session *s = saved_small("rt"), *back, *opened;
	char *dump, *dump2, *dump3, *why = NULL, *notice = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	dump = session_dump(s);
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(dump, "b.freitext\tZeile 1\\nZeile\\t2 \\\\ Ende\\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(dump, "\nmeta.kommune\tLindenfels am Main\n"));
	CU_ASSERT_EQUAL(
	    strncmp(dump, "format\t" SESSION_FORMAT "\n", 8 + strlen(SESSION_FORMAT)), 0);
	back = session_from_dump(dump, strlen(dump), &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	CU_ASSERT_PTR_NULL(back->path);
	dump2 = session_dump(back);
	CU_ASSERT_STRING_EQUAL(dump, dump2);
	opened = session_open(s->path, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(opened);
	CU_ASSERT_PTR_NULL(notice);
	dump3 = session_dump(opened);
	CU_ASSERT_STRING_EQUAL(dump, dump3);
	CU_ASSERT_EQUAL(opened->generation, 1);
	CU_ASSERT_EQUAL(opened->lock_fd, -1);
	free(dump);
	free(dump2);
	free(dump3);
	session_free(back);
	session_free(opened);
	session_free(s);
}

/* Unicode, an empty text and a 1 MB text survive the snapshot. */
static void
test_unicode_empty_and_large_text(void)
{
	static const char *const texts[] = {
	    "", "Grüße aus Groß-Gerau: „ÄÖÜ äöü ß“ — € 😀 中文 \xe2\x80\x8b",
	    "\\n ist kein Zeilenumbruch, \\t kein Tab", NULL /* 1 MB */};
	struct session *s = saved_small("uni");
	char *why = NULL, *notice = NULL, *big;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	big = xmalloc(1024 * 1024 + 1);
	for (size_t i = 0; i < 1024 * 1024; i++)
		big[i] = "abcdefghij\n\t\\ "[i % 14];
	big[1024 * 1024] = '\0';
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *text = texts[t] ? texts[t] : big;
		struct session *o;
		char *dump, *dump2, *v;
		struct session *back;

		set_ok(s, "b.freitext", text);
		set_ok(s, "a.wahl:note", text);
		set_ok(s, "meta.auditor", text);
		CU_ASSERT_EQUAL_FATAL(audit_save(s, &why), 0);
		o = session_open(s->path, SESSION_READ_ONLY, &notice, &why);
		CU_ASSERT_PTR_NOT_NULL_FATAL(o);
		v = session_get(o, "b.freitext");
		CU_ASSERT_PTR_NOT_NULL_FATAL(v);
		CU_ASSERT_EQUAL(strlen(v), strlen(text));
		CU_ASSERT(strcmp(v, text) == 0);
		free(v);
		v = session_get(o, "a.wahl:note");
		CU_ASSERT(v != NULL && strcmp(v, text) == 0);
		free(v);
		dump = session_dump(o);
		back = session_from_dump(dump, strlen(dump), &why);
		CU_ASSERT_PTR_NOT_NULL_FATAL(back);
		dump2 = session_dump(back);
		CU_ASSERT(strcmp(dump, dump2) == 0);
		/* one line per record: the text's newlines are escaped */
		CU_ASSERT_PTR_NULL(strstr(dump, "\n\n"));
		free(dump);
		free(dump2);
		session_free(back);
		session_free(o);
	}
	free(big);
	session_free(s);
}

/* Bad dumps are refused with the line named. */
static void
test_from_dump_rejects(void)
{
	struct session *s = small_session();
	char *dump, *why = NULL;
	static const struct {
		const char *from, *to, *reason_part;
	} edits[] = {
	    {"a.wahl\tgut", "a.wahl\tmittel", "Zeile"},
	    {"a.wahl\tgut", "a.wahl gut", "Zeile"},
	    {"a.wahl\tgut", "a.wahl\tgut\\q", "Escape"},
	    {"a.wahl\tgut", "a.wahl\tgut\na.wahl\tschlecht", "doppelt"},
	    {"format\t" SESSION_FORMAT, "format\twohnort-audit-session 2", "Format"},
	    {"form.sha256\t", "form.sha256\t0", "passt nicht"},
	    {"form.text\t", "form.text\tform: [", "Prüfbogen"},
	    {"a.wahl\tgut", "summary.points\tviele", "summary.points"},
	};

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_small(s);
	dump = session_dump(s);
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		char *at = strstr(dump, edits[i].from);
		struct buf b = {0};
		struct session *bad;

		CU_ASSERT_PTR_NOT_NULL_FATAL(at);
		buf_add(&b, dump, (size_t)(at - dump));
		buf_adds(&b, edits[i].to);
		buf_adds(&b, at + strlen(edits[i].from));
		bad = session_from_dump(b.data, b.len, &why);
		CU_ASSERT_PTR_NULL(bad);
		CU_ASSERT_PTR_NOT_NULL(why);
		if (why && strstr(why, edits[i].reason_part) == NULL) {
			fprintf(stderr, "edit %zu: '%s' lacks '%s'\n", i, why,
			        edits[i].reason_part);
			CU_FAIL("reason");
		}
		free(why);
		why = NULL;
		session_free(bad);
		buf_free(&b);
	}
	CU_ASSERT_PTR_NULL(session_from_dump("", 0, &why));
	free(why);
	free(dump);
	session_free(s);
}

/* Open path read-only; expect failure and a reason naming the file. */
static void
expect_refused(const char *path, const char *reason_part)
{
	char *notice = NULL, *why = NULL;
	struct session *o;

	errno = 0;
	o = session_open(path, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_NOT_EQUAL(errno, EWOULDBLOCK);
	CU_ASSERT_PTR_NOT_NULL(why);
	if (why != NULL) {
		CU_ASSERT_PTR_NOT_NULL(strstr(why, path));
		if (reason_part && strstr(why, reason_part) == NULL) {
			fprintf(stderr, "'%s' lacks '%s'\n", why, reason_part);
			CU_FAIL("reason");
		}
	}
	free(why);
	free(notice);
	session_free(o);
}

/* Flip one byte inside the value of key in the snapshot at path. */
static void
corrupt_value(const char *path, const char *needle)
{
	size_t len;
	char *data = slurp(path, &len), *at;
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	at = memmem(data, len, needle, strlen(needle));
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	at[1] ^= 0x01;
	spit(path, data, len);
	free(data);
}

static void
test_checksum_failure_and_fallback(void)
{
	struct session *s = saved_small("crc"), *o;
	char *path, *prev, *why = NULL, *notice = NULL, *dump1, *dump2, *damaged;
	struct stat st;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	path = xstrdup(s->path);
	prev = xasprintf("%s.prev", path);
	/* Only one generation: a damaged file is refused. */
	corrupt_value(path, "Lindenfels");
	expect_refused(path, "Prüfsumme");
	/* Write generation 2 and 3 from memory (the damaged one is replaced underneath?
	 * no: same inode, so the writer may overwrite it). */
	session_free(s);
	unlink(path);
	unlink(prev);
	s = saved_small("crc2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	free(path);
	free(prev);
	path = xstrdup(s->path);
	prev = xasprintf("%s.prev", path);
	dump1 = session_dump(s);
	set_ok(s, "meta.auditor", "Zweite Generation");
	CU_ASSERT_EQUAL_FATAL(audit_save(s, &why), 0);
	CU_ASSERT_EQUAL(s->generation, 2);
	CU_ASSERT_EQUAL(stat(prev, &st), 0);
	session_free(s);
	corrupt_value(path, "Zweite");
	o = session_open(path, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_PTR_NOT_NULL_FATAL(notice);
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, ".prev"));
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, "Prüfsumme"));
	CU_ASSERT_EQUAL(o->generation, 1);
	dump2 = session_dump(o);
	CU_ASSERT_STRING_EQUAL(dump1, dump2); /* the first generation's content */
	free(notice);
	notice = NULL;
	/* Saving after a fallback keeps the good .prev and parks the damaged file. */
	CU_ASSERT_EQUAL(audit_save(o, &why), 0);
	damaged = xasprintf("%s.damaged", path);
	CU_ASSERT_EQUAL(stat(damaged, &st), 0);
	session_free(o);
	o = session_open(path, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_PTR_NULL(notice);
	CU_ASSERT_EQUAL(o->generation, 2);
	session_free(o);
	o = session_open(prev, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	CU_ASSERT_EQUAL(o->generation, 1);
	session_free(o);
	/* Both generations damaged: refused, both named. */
	corrupt_value(path, "Lindenfels");
	corrupt_value(prev, "Lindenfels");
	expect_refused(path, ".prev");
	/* Current missing, .prev good: fallback. */
	free(dump2);
	free(dump1);
	free(damaged);
	free(path);
	free(prev);
}

static void
test_truncation_every_kib(void)
{
	char *example = test_srcfile("data/beispiel-sitzung.txt"), *text;
	char *dir = in_tmp("trunc"), *why = NULL, *data, *copy, *copy_prev,
	     *notice = NULL;
	size_t len, checked = 0;
	struct session *s;

	/* the fully answered example session */
	text = slurp(example, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	s = session_from_dump(text, len, &why);
	free(text);
	free(example);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL_FATAL(audit_create(s, dir, &why), 0);
	data = slurp(s->path, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	CU_ASSERT(len > 4096);
	copy = in_tmp("trunc/kopie.cdb");
	copy_prev = in_tmp("trunc/kopie.cdb.prev");
	spit(copy_prev, data, len);
	for (size_t cut = 0; cut < len; cut += 1024) {
		struct session *o;
		spit(copy, data, cut);
		unlink(copy_prev);
		expect_refused(copy, NULL);
		/* with a good previous generation the loader falls back to it */
		spit(copy_prev, data, len);
		o = session_open(copy, SESSION_READ_ONLY, &notice, &why);
		CU_ASSERT_PTR_NOT_NULL(o);
		CU_ASSERT_PTR_NOT_NULL(notice);
		free(notice);
		notice = NULL;
		session_free(o);
		checked++;
	}
	/* one byte short, too */
	spit(copy, data, len - 1);
	unlink(copy_prev);
	expect_refused(copy, NULL);
	CU_ASSERT(checked >= 4);
	fprintf(stderr, "[%zu truncations of a %zu-byte snapshot refused] ", checked + 1,
	        len);
	free(data);
	free(copy);
	free(copy_prev);
	free(dir);
	session_free(s);
}

static void
test_zero_filled_and_foreign(void)
{
	char *zero = in_tmp("null.cdb"), *foreign = in_tmp("fremd.cdb");
	char *empty = in_tmp("leer.cdb"), *junk = in_tmp("text.cdb");
	char *buf = xcalloc(1, 32768);
	struct cdb_make cdbm;
	int fd;

	spit(zero, buf, 32768);
	expect_refused(zero, "keine Datensätze");
	spit(empty, "", 0);
	expect_refused(empty, "leer");
	spit(junk, "format\twohnort-audit-session 1\n", 31);
	expect_refused(junk, NULL);
	fd = open(foreign, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CU_ASSERT_FATAL(fd >= 0);
	cdb_make_start(&cdbm, fd);
	cdb_make_add(&cdbm, "user", 4, "root", 4);
	cdb_make_add(&cdbm, "shell", 5, "/bin/sh", 7);
	CU_ASSERT_EQUAL(cdb_make_finish(&cdbm), 0);
	close(fd);
	expect_refused(foreign, "keine Sitzung");
	free(zero);
	free(foreign);
	free(empty);
	free(junk);
	free(buf);
}

/* The checksum as the format documents it (file order), computed independently. */
static unsigned long
reference_checksum(char **keys, char **values, size_t n)
{
	unsigned long crc = crc32(0L, Z_NULL, 0);
	/* in file order, as written */
	for (size_t i = 0; i < n; i++) {
		unsigned char len[4];
		size_t kl = strlen(keys[i]), vl = strlen(values[i]);
		if (strcmp(keys[i], "checksum") == 0)
			continue;
		len[0] = (unsigned char)(kl >> 24), len[1] = (unsigned char)(kl >> 16);
		len[2] = (unsigned char)(kl >> 8), len[3] = (unsigned char)kl;
		crc = crc32(crc, len, 4);
		crc = crc32(crc, (const unsigned char *)keys[i], (uInt)kl);
		len[0] = (unsigned char)(vl >> 24), len[1] = (unsigned char)(vl >> 16);
		len[2] = (unsigned char)(vl >> 8), len[3] = (unsigned char)vl;
		crc = crc32(crc, len, 4);
		crc = crc32(crc, (const unsigned char *)values[i], (uInt)vl);
	}
	return crc;
}

/* Rewrite the snapshot at path with key replaced (or added) and a correct checksum. */
static void
rewrite_with(const char *path, const char *key, const char *value)
{
	char *keys[4096], *values[4096], number[16];
	size_t n = 0;
	struct cdb cdb;
	struct cdb_make cdbm;
	unsigned pos;
	int fd = open(path, O_RDONLY), replaced = 0;

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL_FATAL(cdb_init(&cdb, fd), 0);
	cdb_seqinit(&pos, &cdb);
	while (cdb_seqnext(&pos, &cdb) > 0 && n < 4095) {
		keys[n] = xstrndup(cdb_getkey(&cdb), cdb_keylen(&cdb));
		values[n] = xstrndup(cdb_getdata(&cdb), cdb_datalen(&cdb));
		if (strcmp(keys[n], key) == 0) {
			free(values[n]);
			values[n] = xstrdup(value);
			replaced = 1;
		}
		n++;
	}
	cdb_free(&cdb);
	close(fd);
	if (!replaced) {
		keys[n] = xstrdup(key);
		values[n++] = xstrdup(value);
	}
	snprintf(number, sizeof number, "%08lx", reference_checksum(keys, values, n));
	fd = open(path, O_RDWR | O_TRUNC);
	CU_ASSERT_FATAL(fd >= 0);
	cdb_make_start(&cdbm, fd);
	for (size_t i = 0; i < n; i++) {
		const char *v = strcmp(keys[i], "checksum") == 0 ? number : values[i];
		cdb_make_add(&cdbm, keys[i], (unsigned)strlen(keys[i]), v,
		             (unsigned)strlen(v));
		free(keys[i]);
		free(values[i]);
	}
	CU_ASSERT_EQUAL(cdb_make_finish(&cdbm), 0);
	close(fd);
}

/* The value of key in the snapshot at path (caller frees), or NULL. */
static char *
snapshot_value(const char *path, const char *key)
{
	struct cdb cdb;
	char *value = NULL;
	int fd = open(path, O_RDONLY);

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL_FATAL(cdb_init(&cdb, fd), 0);
	if (cdb_find(&cdb, key, (unsigned)strlen(key)) > 0)
		value = xstrndup(cdb_getdata(&cdb), cdb_datalen(&cdb));
	cdb_free(&cdb);
	close(fd);
	return value;
}

/*
 * The store writes the summary records its caller gives and computes none
 * itself: a record the caller adds appears, the points are what the caller
 * said, and a record outside summary.* is refused with nothing written.
 * audit_save writes what audit_summary computes.
 */
static void
test_store_takes_summary_from_caller(void)
{
	struct session *s = saved_small("summary");
	struct session_pairs summary = {0}, computed = {0};
	unsigned long generation;
	char *why = NULL, *v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	session_pairs_add(&summary, "summary.points", "4711");
	session_pairs_add(&summary, "summary.register", "Main-Kinzig");
	CU_ASSERT_EQUAL(session_save(s, &summary, &why), 0);
	v = snapshot_value(s->path, "summary.points");
	CU_ASSERT_STRING_EQUAL(v, "4711");
	free(v);
	v = snapshot_value(s->path, "summary.register");
	CU_ASSERT_STRING_EQUAL(v, "Main-Kinzig");
	free(v);
	CU_ASSERT_PTR_NULL(snapshot_value(s->path, "summary.max"));
	session_pairs_clear(&summary);

	generation = s->generation;
	session_pairs_add(&summary, "meta.kommune", "Hintertür");
	CU_ASSERT_EQUAL(session_save(s, &summary, &why), -1);
	CU_ASSERT(why != NULL && strstr(why, "meta.kommune") != NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(s->generation, generation);
	session_pairs_clear(&summary);

	CU_ASSERT_EQUAL(audit_save(s, &why), 0);
	audit_summary(s, &computed);
	CU_ASSERT_FATAL(computed.count > 7); /* the listing's, then the register's */
	for (size_t i = 0; i < computed.count; i++) {
		v = snapshot_value(s->path, computed.items[i].key);
		CU_ASSERT_PTR_NOT_NULL(v);
		if (v != NULL)
			CU_ASSERT_STRING_EQUAL(v, computed.items[i].value);
		free(v);
	}
	CU_ASSERT_STRING_EQUAL(computed.items[0].key, "summary.answered");
	CU_ASSERT_STRING_EQUAL(computed.items[6].key, "summary.art");
	CU_ASSERT_STRING_EQUAL(computed.items[7].key, "summary.verdict");
	CU_ASSERT_PTR_NULL(snapshot_value(s->path, "summary.register"));
	session_pairs_clear(&computed);
	session_free(s);
}

/* A snapshot with a correct checksum but wrong content is refused too. */
static void
test_valid_checksum_wrong_content(void)
{
	static const struct {
		const char *key, *value, *reason_part;
	} cases[] = {
	    {"a.wahl", "mittel", "mittel"},
	    {"format", "wohnort-audit-session 2", "Format"},
	    {"form.text", "form: kaputt\n", "Prüfbogen"},
	    {"form.sha256", "00", "passt nicht"},
	    {"meta.datum", "2026-02-30", "Datum"},
	    {"erfunden.schluessel", "1", "erfunden"},
	    {"session.generation", "viele", "session.generation"},
	};
	struct session *s = saved_small("content");
	char *data, *path;
	size_t len;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	path = xstrdup(s->path);
	session_free(s);
	data = slurp(path, &len);
	/* the reference checksum agrees with the stored one */
	rewrite_with(path, "meta.kommune", "Lindenfels am Main");
	{
		char *notice = NULL, *why = NULL;
		struct session *o = session_open(path, SESSION_READ_ONLY, &notice, &why);
		CU_ASSERT_PTR_NOT_NULL(o);
		if (o == NULL)
			fprintf(stderr, "%s\n", why);
		free(why);
		session_free(o);
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		spit(path, data, len);
		rewrite_with(path, cases[i].key, cases[i].value);
		expect_refused(path, cases[i].reason_part);
	}
	free(data);
	free(path);
}

static void
test_lock_other_process(void)
{
	struct session *s = saved_small("lock"), *o;
	char *path, *why = NULL, *notice = NULL, *pidtext;
	int ready[2], release[2];
	pid_t child;
	char c;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	path = xstrdup(s->path);
	session_free(s);
	CU_ASSERT_EQUAL_FATAL(pipe(ready), 0);
	CU_ASSERT_EQUAL_FATAL(pipe(release), 0);
	child = fork();
	CU_ASSERT_FATAL(child >= 0);
	if (child == 0) {
		char *w = NULL, *n = NULL;
		struct session *mine = session_open(path, SESSION_WRITE, &n, &w);
		c = mine ? 'y' : 'n';
		if (write(ready[1], &c, 1) != 1 || read(release[0], &c, 1) != 1)
			_exit(2);
		_exit(mine ? 0 : 1);
	}
	CU_ASSERT_EQUAL_FATAL(read(ready[0], &c, 1), 1);
	CU_ASSERT_EQUAL(c, 'y');
	errno = 0;
	o = session_open(path, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NULL(o);
	CU_ASSERT_EQUAL(errno, EWOULDBLOCK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(why);
	pidtext = xasprintf("%ld ", (long)child);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, pidtext)); /* names the holder */
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "since"));
	free(pidtext);
	free(why);
	why = NULL;
	session_free(o);
	/* read-only still works while it is held */
	o = session_open(path, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL(o);
	session_free(o);
	CU_ASSERT_EQUAL(write(release[1], "x", 1), 1);
	{
		int status;
		waitpid(child, &status, 0);
		CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	o = session_open(path, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL(o);
	session_free(o);
	close(ready[0]);
	close(ready[1]);
	close(release[0]);
	close(release[1]);
	free(path);
}

static void
test_replaced_underneath(void)
{
	struct session *s = saved_small("replace");
	char *other, *why = NULL, *before, *after;
	size_t len1, len2;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	other = xasprintf("%s.fremd", s->path);
	spit(other, "anderer Inhalt", 14);
	CU_ASSERT_EQUAL_FATAL(rename(other, s->path), 0);
	before = slurp(s->path, &len1);
	set_ok(s, "meta.auditor", "Neu");
	CU_ASSERT_EQUAL(audit_save(s, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why);
	if (why) {
		CU_ASSERT_PTR_NOT_NULL(strstr(why, "ersetzt"));
	}
	free(why);
	why = NULL;
	after = slurp(s->path, &len2);
	CU_ASSERT(len1 == len2 && memcmp(before, after, len1) == 0);
	CU_ASSERT_EQUAL(s->generation, 1);
	/* removed underneath: refused as well */
	unlink(s->path);
	CU_ASSERT_EQUAL(audit_save(s, &why), -1);
	free(why);
	free(before);
	free(after);
	free(other);
	session_free(s);
}

/* Count directory entries whose name contains part. */
static int
count_entries(const char *dir, const char *part)
{
	char *cmd = xasprintf("ls -a '%s' | grep -c -- '%s'", dir, part);
	FILE *p = popen(cmd, "r");
	int n = -1;
	if (p != NULL) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	free(cmd);
	return n;
}

/* A write that fails part-way (file size limit) changes nothing anywhere. */
static void
test_failed_write_changes_nothing(void)
{
	struct session *s = saved_small("efbig");
	char *why = NULL, *cur1, *cur2, *prev1, *prev2, *prev, *dump1, *dump2, *dir;
	size_t lc1, lc2, lp1, lp2;
	struct rlimit old, small;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL_FATAL(audit_save(s, &why), 0); /* now a .prev exists */
	prev = xasprintf("%s.prev", s->path);
	dir = in_tmp("efbig");
	cur1 = slurp(s->path, &lc1);
	prev1 = slurp(prev, &lp1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(prev1);
	set_ok(s, "b.freitext", "Diese Änderung passt nicht mehr auf die Platte");
	dump1 = session_dump(s);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 4096;
	CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_FSIZE, &small), 0);
	CU_ASSERT_EQUAL(audit_save(s, &why), -1);
	setrlimit(RLIMIT_FSIZE, &old);
	CU_ASSERT_PTR_NOT_NULL(why);
	if (why) {
		CU_ASSERT_PTR_NOT_NULL(strstr(why, s->path));
		CU_ASSERT_PTR_NOT_NULL(strstr(why, strerror(EFBIG)));
	}
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(s->generation, 2);
	dump2 = session_dump(s);
	CU_ASSERT_STRING_EQUAL(dump1, dump2);
	cur2 = slurp(s->path, &lc2);
	prev2 = slurp(prev, &lp2);
	CU_ASSERT(lc1 == lc2 && memcmp(cur1, cur2, lc1) == 0);
	CU_ASSERT(lp1 == lp2 && memcmp(prev1, prev2, lp1) == 0);
	CU_ASSERT_EQUAL(count_entries(dir, ".tmp-"), 0);
	/* and the retry succeeds */
	CU_ASSERT_EQUAL(audit_save(s, &why), 0);
	CU_ASSERT_EQUAL(s->generation, 3);
	free(why);
	free(cur1);
	free(cur2);
	free(prev1);
	free(prev2);
	free(dump1);
	free(dump2);
	free(prev);
	free(dir);
	session_free(s);
}

static void
test_modes_and_no_overwrite(void)
{
	struct session *a = small_session(), *b = small_session(), *c = small_session();
	char *dir = in_tmp("modes/sub"), *parent = in_tmp("modes"), *why = NULL, *expect;
	mode_t old = umask(0);
	struct stat st;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL_FATAL(mkdir(parent, 0777), 0);
	set_ok(a, "meta.kommune", "Steinbach (Taunus)");
	set_ok(a, "meta.datum", "2026-11-23");
	set_ok(b, "meta.kommune", "Steinbach (Taunus)");
	set_ok(b, "meta.datum", "2026-11-23");
	set_ok(c, "meta.kommune", "../../etc/passwd");
	CU_ASSERT_EQUAL_FATAL(audit_create(a, dir, &why), 0);
	CU_ASSERT_EQUAL_FATAL(audit_create(b, dir, &why), 0);
	CU_ASSERT_EQUAL_FATAL(audit_create(c, dir, &why), 0);
	umask(old);
	expect = xasprintf("%s/steinbach-taunus-2026-11-23.cdb", dir);
	CU_ASSERT_STRING_EQUAL(a->path, expect);
	free(expect);
	expect = xasprintf("%s/steinbach-taunus-2026-11-23-2.cdb", dir);
	CU_ASSERT_STRING_EQUAL(b->path, expect);
	free(expect);
	expect = xasprintf("%s/etc-passwd.cdb", dir);
	CU_ASSERT_STRING_EQUAL(c->path, expect);
	free(expect);
	CU_ASSERT_EQUAL(stat(dir, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0700);
	CU_ASSERT_EQUAL(stat(a->path, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
	CU_ASSERT_EQUAL(audit_save(a, &why), 0);
	CU_ASSERT_EQUAL(stat(a->path, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
	expect = xasprintf("%s.prev", a->path);
	CU_ASSERT_EQUAL(stat(expect, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
	free(expect);
	expect = xasprintf("%s.lock", a->path);
	CU_ASSERT_EQUAL(stat(expect, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
	free(expect);
	/* a umask that takes owner bits still gives 0700 and 0600 */
	{
		struct session *d = small_session();
		char *strict = in_tmp("modes/streng"), *lock;
		mode_t before = umask(0277);
		int rc = audit_create(d, strict, &why);
		int rc2 = rc == 0 ? audit_save(d, &why) : -1;
		umask(before);
		CU_ASSERT_EQUAL_FATAL(rc, 0);
		CU_ASSERT_EQUAL(rc2, 0);
		CU_ASSERT_EQUAL(stat(strict, &st), 0);
		CU_ASSERT_EQUAL(st.st_mode & 0777, 0700);
		CU_ASSERT_EQUAL(stat(d->path, &st), 0);
		CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
		lock = xasprintf("%s.lock", d->path);
		CU_ASSERT_EQUAL(stat(lock, &st), 0);
		CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
		free(lock);
		free(strict);
		session_free(d);
	}
	/* an unsaved session without a file cannot be saved */
	{
		struct session *d = small_session();
		CU_ASSERT_EQUAL(audit_save(d, &why), -1);
		free(why);
		why = NULL;
		session_free(d);
	}
	session_free(a);
	session_free(b);
	session_free(c);
	free(dir);
	free(parent);
}

static void
test_list(void)
{
	char *dir = in_tmp("liste"), *why = NULL, *junk;
	struct session_summary *list = NULL;
	size_t count = 0;
	struct session *s;

	for (int i = 0; i < 3; i++) {
		s = small_session();
		CU_ASSERT_PTR_NOT_NULL_FATAL(s);
		set_ok(s, "meta.kommune", i == 1 ? "Öhringen" : "Ahausen");
		set_ok(s, "meta.datum",
		       "2026-01-0"
		       "1");
		if (i == 2) {
			set_ok(s, "meta.art", "re");
			set_ok(s, "a.jn", "ja");
			set_ok(s, "b.zahl", "7");
		}
		CU_ASSERT_EQUAL_FATAL(audit_create(s, dir, &why), 0);
		session_free(s);
	}
	junk = xasprintf("%s/kaputt.cdb", dir);
	spit(junk, "nichts", 6);
	CU_ASSERT_EQUAL_FATAL(session_list(dir, &list, &count, &why), 0);
	CU_ASSERT_EQUAL_FATAL(count, 4);
	/* sorted by file name; .prev and .lock files are not listed */
	CU_ASSERT_PTR_NOT_NULL(strstr(list[0].path, "ahausen-2026-01-01-2.cdb"));
	CU_ASSERT_PTR_NOT_NULL(strstr(list[1].path, "ahausen-2026-01-01.cdb"));
	CU_ASSERT_PTR_NOT_NULL(strstr(list[2].path, "kaputt.cdb"));
	CU_ASSERT_PTR_NOT_NULL(strstr(list[3].path, "oehringen-2026-01-01.cdb"));
	CU_ASSERT_PTR_NOT_NULL(list[2].error);
	CU_ASSERT_PTR_NULL(list[0].error);
	CU_ASSERT_PTR_NULL(list[1].error);
	CU_ASSERT_STRING_EQUAL(list[0].kommune, "Ahausen");
	CU_ASSERT_STRING_EQUAL(list[3].kommune, "Öhringen");
	CU_ASSERT_STRING_EQUAL(list[0].datum, "2026-01-01");
	CU_ASSERT_STRING_EQUAL(list[0].art, "re");
	CU_ASSERT_STRING_EQUAL(list[1].art, "erst");
	/* shown questions of every type, as the interview header counts them */
	CU_ASSERT_EQUAL(list[0].total, 7);
	CU_ASSERT_EQUAL(list[0].answered, 2);
	CU_ASSERT_EQUAL(list[1].answered, 0);
	CU_ASSERT_EQUAL(list[1].total, 7);
	session_summaries_free(list, count);
	session_summaries_free(NULL, 0);
	CU_ASSERT_EQUAL(session_list("/nonexistent/wa", &list, &count, &why), -1);
	free(why);
	free(junk);
	free(dir);
}

/* The shipped example dump loads, round-trips exactly, and is complete. */
static void
test_example_session(void)
{
	char *path = test_srcfile("data/beispiel-sitzung.txt"), *text, *why = NULL, *dump;
	struct session *s;
	size_t len;

	text = slurp(path, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	s = session_from_dump(text, len, &why);
	if (s == NULL)
		fprintf(stderr, "%s\n", why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	dump = session_dump(s);
	CU_ASSERT_STRING_EQUAL(dump, text);
	CU_ASSERT_EQUAL(s->meta.kind, AUDIT_RENEWAL);
	for (size_t i = 0; i < s->form->question_count; i++)
		CU_ASSERT(s->items[i].answer.state != ANSWER_OPEN);
	for (int g = 0; g < s->form->goal_count; g++) {
		CU_ASSERT_PTR_NOT_NULL(s->goals[g].goal);
		CU_ASSERT(s->previous_status[g] != GOAL_OPEN);
	}
	CU_ASSERT(s->participant_count >= 2);
	/* it embeds the bundled form as it is now (else regenerate it with
	 * tests/session_example.py) */
	{
		struct session *bundled = bundled_session();
		CU_ASSERT_PTR_NOT_NULL_FATAL(bundled);
		CU_ASSERT_STRING_EQUAL(s->form->sha256, bundled->form->sha256);
		session_free(bundled);
	}
	free(dump);
	free(text);
	free(path);
	session_free(s);
}

/* session_free(NULL) is a no-op. */
static void
test_free_null(void)
{
	session_free(NULL);
	CU_PASS("session_free(NULL)");
}

/* Rescue copies are named after the session file and never replace a file;
 * the privacy warning speaks only when others can read the directory. */
static void
test_rescue_and_privacy(void)
{
	struct session *a = small_session(), *b = small_session();
	char *dir = in_tmp("rescue"), *out = in_tmp("rescue-out"), *why = NULL;
	char *p1 = NULL, *p2 = NULL, *p3 = NULL, *warning, *text;
	size_t len;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	set_ok(a, "meta.kommune", "Erlenbach");
	set_ok(a, "meta.datum", "2024-03-12");
	set_ok(b, "meta.kommune", "Erlenbach");
	set_ok(b, "meta.datum", "2024-03-12");
	CU_ASSERT_EQUAL_FATAL(audit_create(a, dir, &why), 0);
	CU_ASSERT_EQUAL_FATAL(audit_create(b, dir, &why), 0);
	CU_ASSERT_EQUAL_FATAL(mkdir(out, 0700), 0);
	CU_ASSERT_EQUAL(session_rescue_save(a, out, &p1, &why), 0);
	CU_ASSERT_EQUAL(session_rescue_save(a, out, &p2, &why), 0);
	CU_ASSERT_EQUAL(session_rescue_save(b, out, &p3, &why), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p3);
	CU_ASSERT(strstr(p1, "/erlenbach-2024-03-12-sicherung.txt") != NULL);
	CU_ASSERT(strstr(p2, "/erlenbach-2024-03-12-sicherung-2.txt") != NULL);
	CU_ASSERT(strstr(p3, "/erlenbach-2024-03-12-2-sicherung.txt") != NULL);
	CU_ASSERT_EQUAL(file_read_all(p1, 1 << 24, &text, &len, &why), 0);
	CU_ASSERT(strstr(text, "meta.kommune\tErlenbach\n") != NULL);
	free(text);
	/* a directory only the owner can enter: nothing to warn about */
	CU_ASSERT_PTR_NULL(session_privacy_warning(a));
	CU_ASSERT_EQUAL(a->unprotected, 0);
	CU_ASSERT_EQUAL(chmod(dir, 0755), 0);
	warning = session_privacy_warning(a);
	CU_ASSERT_PTR_NOT_NULL(warning);
	CU_ASSERT(warning != NULL && strstr(warning, "0755") != NULL);
	free(warning);
	/* a file system without permissions is named as such */
	a->unprotected = 1;
	warning = session_privacy_warning(a);
	CU_ASSERT(warning != NULL && strstr(warning, "exFAT") != NULL);
	free(warning);
	/* a rescue directory that does not exist: an error, no path */
	free(out);
	out = in_tmp("rescue-gibt-es-nicht");
	free(p1);
	p1 = NULL;
	CU_ASSERT_EQUAL(session_rescue_save(a, out, &p1, &why), -1);
	CU_ASSERT_PTR_NULL(p1);
	CU_ASSERT_PTR_NOT_NULL(why);
	free(why);
	free(p2);
	free(p3);
	free(out);
	free(dir);
	session_free(a);
	session_free(b);
}

/*
 * The record families: one table with exactly one family for every key
 * (one without a prefix), and no form can take a section id that a
 * family's keys start with (its records would be mistaken for answers).
 */
static void
test_record_families(void)
{
	size_t fallback = 0;

	CU_ASSERT_TRUE(session_family_count >= 6);
	for (size_t i = 0; i < session_family_count; i++) {
		const struct session_family *f = session_families[i];
		CU_ASSERT_PTR_NOT_NULL(f->resolve);
		CU_ASSERT_PTR_NOT_NULL(f->set);
		CU_ASSERT_PTR_NOT_NULL(f->get);
		CU_ASSERT_PTR_NOT_NULL(f->each);
		CU_ASSERT_PTR_NOT_NULL(f->describe);
		if (f->prefix == NULL) {
			fallback++;
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (session_families[j]->prefix != NULL)
				CU_ASSERT(
				    strcmp(session_families[j]->prefix, f->prefix) != 0);
		{
			size_t root = strcspn(f->prefix, ".");
			char *yaml = xasprintf(
			    "form: t\ntitle: T\nedition: 2023-05-11\n"
			    "pass: {total_percent: 60, section_min_percent: 40}\n"
			    "validity_years: {first: 3, renewal: 5}\n"
			    "goals: {count: 1, bonus: {erreicht: 3, teilweise: 1, "
			    "nicht_erreicht: 0}}\n"
			    "sections:\n  - id: %.*s\n    title: S\n    questions:\n"
			    "      - {id: q, type: yesno, text: Q, points: 1}\n",
			    (int)root, f->prefix);
			struct form_errors e = {0};
			struct form *form =
			    form_load_string(yaml, strlen(yaml), "f.yaml", &e);
			CU_ASSERT_PTR_NULL(form);
			CU_ASSERT(e.count > 0 &&
			          strstr(e.items[0].message, "reserved") != NULL);
			if (form != NULL)
				fprintf(stderr, "\nsection id '%.*s' is not reserved\n",
				        (int)root, f->prefix);
			form_free(form);
			form_errors_clear(&e);
			free(yaml);
		}
	}
	CU_ASSERT_EQUAL(fallback, 1);
}

static CU_TestInfo session_tests[] = {
    {"record families", test_record_families},
    {"status names", test_evidence_and_status_names},
    {"set/get every type", test_set_get_every_type},
    {"invalid set changes nothing", test_set_invalid_changes_nothing},
    {"dump and snapshot round trip", test_dump_and_snapshot_round_trip},
    {"unicode, empty and 1 MB text", test_unicode_empty_and_large_text},
    {"bad dumps refused", test_from_dump_rejects},
    {"checksum failure and .prev fallback", test_checksum_failure_and_fallback},
    {"truncation at every KiB", test_truncation_every_kib},
    {"zero-filled, empty and foreign files", test_zero_filled_and_foreign},
    {"valid checksum, wrong content", test_valid_checksum_wrong_content},
    {"lock held by another process", test_lock_other_process},
    {"file replaced underneath", test_replaced_underneath},
    {"failed write changes nothing", test_failed_write_changes_nothing},
    {"modes and no overwrite", test_modes_and_no_overwrite},
    {"rescue copies and the privacy warning", test_rescue_and_privacy},
    {"list", test_list},
    {"the store takes its summary from the caller", test_store_takes_summary_from_caller},
    {"example session", test_example_session},
    {"free NULL", test_free_null},
    CU_TEST_INFO_NULL,
};

/* Fresh temp directory for the suite. */
static int
suite_init(void)
{
	tmpdir = test_tmpdir();
	return 0;
}

/* Remove the suite's temp directory. */
static int
suite_clean(void)
{
	test_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

static CU_SuiteInfo suites[] = {
    {"session", suite_init, suite_clean, NULL, NULL, session_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
