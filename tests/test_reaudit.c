/*
 * test_reaudit.c: CUnit tests of src/model/reaudit.c, on session files in a
 * temporary directory: linking copies the previous goals (the previous
 * session wins) and only the master data this session lacks (this session
 * wins), makes the session a Re-Audit naming the previous file, keeps a
 * goal's status only while its Ziel is unchanged, and refuses an unreadable
 * previous session or the session itself without changing anything. It
 * keeps a copy of the previous audit (previous.dump) that survives saving,
 * reopening and the loss of the old file, one level deep, and maps the
 * previous goals' Fragen into another Prüfbogen edition.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/reaudit.h"
#include "test_main.h"
#include "lib/util.h"

static char *tmpdir;

static int
suite_init(void)
{
	tmpdir = test_tmpdir();
	return tmpdir == NULL;
}

static int
suite_clean(void)
{
	test_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

/* A session on the bundled form. */
static struct session *
fresh(void)
{
	char *path = test_srcfile("forms/wohnort-muster.yaml");
	struct form_errors e = {0};
	struct form *f = form_load_file(path, &e);

	free(path);
	form_errors_clear(&e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	return session_new(f);
}

/* session_change that must succeed. */
static void
set(struct session *s, const char *key, const char *value)
{
	char *why = NULL;

	if (session_change(s, key, value, &why) != 0) {
		fprintf(stderr, "\nset %s: %s\n", key, why);
		CU_FAIL("session_change");
	}
	free(why);
}

/* The value of key is exactly want (NULL: unset). */
static void
is(const struct session *s, const char *key, const char *want)
{
	char *v = session_get(s, key);

	if (want == NULL) {
		CU_ASSERT_PTR_NULL(v);
	} else {
		CU_ASSERT_PTR_NOT_NULL(v);
		if (v != NULL && strcmp(v, want) != 0)
			fprintf(stderr, "\n%s: '%s' instead of '%s'\n", key, v, want);
		CU_ASSERT(v != NULL && strcmp(v, want) == 0);
	}
	free(v);
}

/* The previous audit of Aalen on disk; returns its path (caller frees). */
static char *
previous_file(const char *kommune, const char *datum)
{
	struct session *p = fresh();
	char *why = NULL, *path;

	set(p, "meta.kommune", kommune);
	set(p, "meta.datum", datum);
	set(p, "meta.landkreis", "Ostalbkreis");
	set(p, "meta.ihk", "IHK Ostwürttemberg");
	set(p, "meta.zentralitaet", "Mittelzentrum");
	set(p, "goal.1.ziel", "Willkommenskultur stärken");
	set(p, "goal.1.frist", "2024-06-30");
	set(p, "goal.2.ziel", "Mehr Kita-Plätze");
	if (audit_create(p, tmpdir, &why) != 0) {
		fprintf(stderr, "\n%s\n", why);
		CU_FAIL_FATAL("audit_create");
	}
	path = xstrdup(p->path);
	session_free(p);
	return path;
}

/* Goals come over, master data only where it is missing, Art and Vorher set. */
static void
test_link(void)
{
	char *prev = previous_file("Aalen", "2021-05-04"), *notice = NULL, *why = NULL;
	char resolved[PATH_MAX];
	struct session *s = fresh();

	CU_ASSERT_PTR_NOT_NULL_FATAL(realpath(prev, resolved));
	set(s, "meta.kommune", "Aalen");
	set(s, "meta.ihk", "IHK Frankfurt am Main"); /* entered here: wins */
	set(s, "prevgoal.3.ziel", "Ein Ziel, das das vorige Audit nicht kennt");
	CU_ASSERT_EQUAL_FATAL(reaudit_link(s, prev, &notice, &why), 0);
	CU_ASSERT_PTR_NULL(why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(notice);
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, "Aalen, 04.05.2021"));
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, "2 Ziele übernommen"));
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, "ergänzt: Landkreis, Zentralitätsstufe"));
	CU_ASSERT_PTR_NULL(strstr(notice, "IHK"));
	is(s, "meta.art", "re");
	is(s, "meta.vorher", resolved);
	is(s, "prevgoal.1.ziel", "Willkommenskultur stärken");
	is(s, "prevgoal.1.frist", "2024-06-30");
	is(s, "prevgoal.2.ziel", "Mehr Kita-Plätze");
	is(s, "prevgoal.3.ziel", NULL); /* the previous session wins */
	is(s, "meta.landkreis", "Ostalbkreis");
	is(s, "meta.zentralitaet", "Mittelzentrum");
	is(s, "meta.ihk", "IHK Frankfurt am Main");
	is(s, "goal.1.ziel", NULL); /* this audit's own goals untouched */
	free(notice);
	session_free(s);
	free(prev);
}

/* Linking again keeps the status of an unchanged goal, clears a changed one. */
static void
test_relink_status(void)
{
	char *a = previous_file("Bopfingen", "2020-01-10");
	char *b = previous_file("Bopfingen", "2021-02-11");
	struct session *s = fresh(), *p;
	char *why = NULL, *notice = NULL;

	set(s, "meta.kommune", "Bopfingen");
	CU_ASSERT_EQUAL_FATAL(reaudit_link(s, a, NULL, &why), 0);
	set(s, "prevgoal.1", "erreicht");
	set(s, "prevgoal.2", "teilweise");
	/* b: goal 1 the same, goal 2 another one */
	p = session_open(b, SESSION_WRITE, &notice, &why);
	free(notice);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	set(p, "goal.2.ziel", "Ein anderes zweites Ziel");
	CU_ASSERT_EQUAL_FATAL(audit_save(p, &why), 0);
	session_free(p);
	CU_ASSERT_EQUAL_FATAL(reaudit_link(s, b, NULL, &why), 0);
	is(s, "prevgoal.1", "erreicht");
	is(s, "prevgoal.2", NULL);
	is(s, "prevgoal.2.ziel", "Ein anderes zweites Ziel");
	session_free(s);
	free(a);
	free(b);
}

/* A missing, damaged or foreign previous session, or the session itself:
 * refused with the file named, nothing changed. */
static void
test_refused(void)
{
	char *garbage = xasprintf("%s/kaputt.cdb", tmpdir);
	char *missing = xasprintf("%s/fehlt.cdb", tmpdir);
	const char *paths[3];
	struct session *s = fresh();
	char *before, *after, *why = NULL;
	FILE *fp = fopen(garbage, "w");

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	fputs("kein Audit\n", fp);
	fclose(fp);
	set(s, "meta.kommune", "Selbst");
	set(s, "meta.datum", "2026-11-23");
	CU_ASSERT_EQUAL_FATAL(audit_create(s, tmpdir, &why), 0);
	paths[0] = garbage;
	paths[1] = missing;
	paths[2] = s->path;
	before = session_dump(s);
	for (size_t i = 0; i < 3; i++) {
		why = NULL;
		CU_ASSERT_EQUAL(reaudit_link(s, paths[i], NULL, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, paths[i]) : NULL);
		free(why);
		after = session_dump(s);
		CU_ASSERT_STRING_EQUAL(after, before);
		free(after);
	}
	free(before);
	session_free(s);
	free(garbage);
	free(missing);
}

/* The copy of the previous audit: its answers and form, across an edition,
 * through a save and reopen after the old file is gone, one level deep. */
static void
test_previous_copy(void)
{
	char *prev = previous_file("Ellwangen", "2023-02-01"), *why = NULL, *notice = NULL;
	char *path2026 = test_srcfile("forms/wohnort-muster-2026.yaml"), *saved;
	struct form_errors e = {0};
	struct session *p, *s, *again, *third;

	p = session_open(prev, SESSION_WRITE, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	set(p, "zuzug.online_dienste", "17");
	set(p, "lebensqualitaet.paten:note", "Patenbörse im Aufbau");
	set(p, "goal.1.fragen", "zuzug.online_dienste lebensqualitaet.maengelmelder");
	CU_ASSERT_EQUAL_FATAL(audit_save(p, &why), 0);
	session_free(p);
	s = session_new(form_load_file(path2026, &e));
	CU_ASSERT_PTR_NOT_NULL_FATAL(s->form);
	set(s, "meta.kommune", "Ellwangen");
	set(s, "meta.datum", "2026-05-05");
	CU_ASSERT_EQUAL_FATAL(reaudit_link(s, prev, &notice, &why), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, "Prüfbogen 11.05.2023 → 01.03.2026"));
	CU_ASSERT_PTR_NOT_NULL(strstr(notice, "3 umbenannt"));
	free(notice);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s->previous);
	CU_ASSERT_STRING_EQUAL(s->previous->form->edition, "2023-05-11");
	is(s->previous, "zuzug.online_dienste", "17");
	is(s->previous, "lebensqualitaet.paten:note", "Patenbörse im Aufbau");
	/* the Fragen of the previous goal, in this edition; the retired one gone */
	is(s, "prevgoal.1.fragen", "zuzug.digitale_dienste");
	CU_ASSERT_EQUAL_FATAL(audit_create(s, tmpdir, &why), 0);
	CU_ASSERT_EQUAL(remove(prev), 0); /* the old file may be gone */
	saved = xstrdup(s->path);
	session_free(s);
	again = session_open(saved, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(again);
	CU_ASSERT_PTR_NOT_NULL_FATAL(again->previous);
	is(again->previous, "zuzug.online_dienste", "17");
	is(again->previous, "meta.datum", "2023-02-01");
	/* a re-audit of the re-audit keeps one level: no previous of the previous */
	third = session_new(form_load_file(path2026, &e));
	set(third, "meta.kommune", "Ellwangen");
	CU_ASSERT_EQUAL_FATAL(reaudit_link(third, saved, NULL, &why), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(third->previous);
	CU_ASSERT_PTR_NULL(third->previous->previous);
	is(third->previous, "meta.datum", "2026-05-05");
	/* a copy that holds one of its own is refused */
	CU_ASSERT_EQUAL(session_change(third, "previous.dump", again->previous_text, &why),
	                0);
	{
		char *nested = session_dump(again);
		CU_ASSERT_EQUAL(session_change(third, "previous.dump", nested, &why), -1);
		CU_ASSERT_PTR_NOT_NULL(why != NULL ? strstr(why, "nur eine Ebene") : NULL);
		free(why);
		free(nested);
	}
	form_errors_clear(&e);
	session_free(third);
	session_free(again);
	free(saved);
	free(path2026);
	free(prev);
}

int
main(void)
{
	static CU_TestInfo tests[] = {
	    {"link copies goals and missing master data", test_link},
	    {"link keeps a copy of the previous audit", test_previous_copy},
	    {"relink keeps only the status of an unchanged goal", test_relink_status},
	    {"unreadable or own session refused", test_refused},
	    CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
	    {"reaudit", suite_init, suite_clean, NULL, NULL, tests},
	    CU_SUITE_INFO_NULL,
	};
	return test_run(suites);
}
