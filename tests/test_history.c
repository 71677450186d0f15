/*
 * test_history.c: CUnit suite of the change history and the phases
 * (model/history.h): every change through session_change recorded in
 * order with old and new value, who and the phase; unchanged values and
 * the cursor not recorded; a due date cleared with its evidence recorded
 * in the same change; a reason required after Abgeschlossen and kept with
 * the entry; undo chains back to the first change, an undo of a linked
 * change and of a group that touched a record twice; the history and the
 * phase through dump, load and a snapshot; an older dump without them; a
 * damaged history refused; the TSV and text formats; when points are
 * hidden. Must not depend on the network or on other test files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/audit.h"
#include "model/history.h"
#include "model/session.h"
#include "test_main.h"

static const char small_form[] =
    "form: klein\n"
    "title: Kleiner Prüfbogen\n"
    "edition: 2023-05-11\n"
    "pass: {total_percent: 60, section_min_percent: 40}\n"
    "validity_years: {first: 3, renewal: 5}\n"
    "goals: {count: 2, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
    "%s"
    "sections:\n"
    "  - id: a\n"
    "    title: Erstes Feld\n"
    "    questions:\n"
    "      - {id: jn, type: yesno, text: Ja oder nein?, points: 2, evidence: "
    "Beschluss}\n"
    "      - {id: zahl, type: number, text: Wie viele?, bands: [{min: 0, points: "
    "0}, {min: 5, points: 2}]}\n"
    "      - {id: frei, type: text, text: Was noch?}\n";

static char *tmpdir;

/* A session over the small form; discreet: "" (the default), or a line
 * such as "discreet: false\n". */
static struct session *
small_session_with(const char *discreet)
{
	struct form_errors errors = {0};
	char *text = xasprintf(small_form, discreet);
	struct form *f = form_load_string(text, strlen(text), "klein", &errors);

	free(text);
	if (f == NULL) {
		char *msg = form_errors_format(&errors);
		fprintf(stderr, "small form does not load:\n%s", msg);
		free(msg);
	}
	form_errors_clear(&errors);
	return f != NULL ? session_new(f) : NULL;
}

static struct session *
small_session(void)
{
	return small_session_with("");
}

/* session_change and assert it took. */
static void
change_ok(struct session *s, const char *key, const char *value)
{
	char *why = NULL;
	int rc = session_change(s, key, value, &why);

	if (rc != 0)
		fprintf(stderr, "change %s: %s\n", key, why);
	CU_ASSERT_EQUAL(rc, 0);
	free(why);
}

/* Whether a and b (NULL: unset) are the same value. */
static int
same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Assert entry i: its key, old and new value, change number, what it undoes. */
static void
entry_is(const struct session *s, size_t i, const char *key, const char *old,
         const char *new_value, unsigned long change, unsigned long undoes)
{
	const struct history_entry *e = history_entry(s, i);

	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->key, key);
	CU_ASSERT_TRUE(same(e->old_value, old));
	CU_ASSERT_TRUE(same(e->new_value, new_value));
	CU_ASSERT_EQUAL(e->change, change);
	CU_ASSERT_EQUAL(e->undoes, undoes);
	if (!same(e->old_value, old) || !same(e->new_value, new_value) ||
	    strcmp(e->key, key) != 0 || e->change != change || e->undoes != undoes)
		fprintf(stderr, "entry %zu: %s %s -> %s (%lu, undoes %lu)\n", i, e->key,
		        e->old_value ? e->old_value : "-",
		        e->new_value ? e->new_value : "-", e->change, e->undoes);
}

/* The value of key now (NULL: unset) equals expected. */
static void
value_is(const struct session *s, const char *key, const char *expected)
{
	char *v = session_get(s, key);

	CU_ASSERT_TRUE(same(v, expected));
	free(v);
}

/* Every change in order, with old and new, who and the phase; unchanged
 * values and the cursor are not recorded. */
static void
test_order_old_new(void)
{
	struct session *s = small_session();
	const struct history_entry *e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(history_count(s), 0);
	change_ok(s, "a.jn", "ja");
	change_ok(s, "a.jn", "ja"); /* unchanged: nothing to record */
	change_ok(s, "session.cursor", "a.zahl");
	change_ok(s, "meta.auditor", "Dr. Ada Prüfer");
	change_ok(s, "a.jn", "nein");
	change_ok(s, "a.frei", "Zeile 1\nZeile\t2 \\ „Zitat“");
	change_ok(s, "a.jn", NULL);
	CU_ASSERT_EQUAL_FATAL(history_count(s), 5);
	entry_is(s, 0, "a.jn", NULL, "ja", 1, 0);
	entry_is(s, 1, "meta.auditor", NULL, "Dr. Ada Prüfer", 2, 0);
	entry_is(s, 2, "a.jn", "ja", "nein", 3, 0);
	entry_is(s, 3, "a.frei", NULL, "Zeile 1\nZeile\t2 \\ „Zitat“", 4, 0);
	entry_is(s, 4, "a.jn", "nein", NULL, 5, 0);
	/* who: the auditor named before the change, else the login name */
	e = history_entry(s, 1);
	CU_ASSERT_STRING_NOT_EQUAL(e->who, "Dr. Ada Prüfer");
	CU_ASSERT_STRING_EQUAL(history_entry(s, 2)->who, "Dr. Ada Prüfer");
	for (size_t i = 0; i < history_count(s); i++) {
		e = history_entry(s, i);
		CU_ASSERT_EQUAL(e->phase, PHASE_TALK);
		CU_ASSERT_PTR_NULL(e->reason);
		CU_ASSERT_EQUAL(strlen(e->time), 20);
		CU_ASSERT_EQUAL(e->time[19], 'Z');
	}
	session_free(s);
}

/* A refused change records nothing and changes nothing. */
static void
test_refused(void)
{
	struct session *s = small_session();
	char *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_NOT_EQUAL(session_change(s, "a.jn", "vielleicht", &why), 0);
	free(why);
	why = NULL;
	CU_ASSERT_NOT_EQUAL(session_change(s, "session.history.1", "x", &why), 0);
	free(why);
	CU_ASSERT_EQUAL(history_count(s), 0);
	session_free(s);
}

/* Clearing the evidence clears its due date: both in one change. */
static void
test_linked(void)
{
	struct session *s = small_session();

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn:evidence", "nachzureichen");
	change_ok(s, "a.jn:evidence_due", "2027-01-31");
	change_ok(s, "a.jn:evidence", "vorgelegt");
	value_is(s, "a.jn:evidence_due", NULL);
	CU_ASSERT_EQUAL_FATAL(history_count(s), 4);
	entry_is(s, 2, "a.jn:evidence", "nachzureichen", "vorgelegt", 3, 0);
	entry_is(s, 3, "a.jn:evidence_due", "2027-01-31", NULL, 3, 0);
	session_free(s);
}

/* After Abgeschlossen a change without a reason is refused; the reason is
 * kept with the entry. */
static void
test_reason(void)
{
	struct session *s = small_session();
	char *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn", "ja");
	change_ok(s, "session.phase", "auswertung");
	CU_ASSERT_EQUAL(session_phase(s), PHASE_EVALUATION);
	change_ok(s, "a.jn", "nein");
	CU_ASSERT_EQUAL(history_entry(s, 2)->phase, PHASE_EVALUATION);
	change_ok(s, "session.phase", "abgeschlossen");
	CU_ASSERT_TRUE(session_change_needs_reason(s, "a.jn"));
	CU_ASSERT_FALSE(session_change_needs_reason(s, "session.cursor"));
	CU_ASSERT_NOT_EQUAL(session_change(s, "a.jn", "ja", &why), 0);
	CU_ASSERT_PTR_NOT_NULL(why);
	if (why != NULL)
		CU_ASSERT_PTR_NOT_NULL(strstr(why, "Grund"));
	free(why);
	value_is(s, "a.jn", "nein");
	CU_ASSERT_EQUAL(history_count(s), 4);
	change_ok(s, "session.cursor", "a.zahl"); /* moving on is no change */

	session_change_reason(s, "Protokoll der Sitzung nachgereicht");
	CU_ASSERT_FALSE(session_change_needs_reason(s, "a.jn"));
	change_ok(s, "a.jn", "ja");
	CU_ASSERT_EQUAL_FATAL(history_count(s), 5);
	entry_is(s, 4, "a.jn", "nein", "ja", 5, 0);
	CU_ASSERT_EQUAL(history_entry(s, 4)->phase, PHASE_CLOSED);
	CU_ASSERT_STRING_EQUAL(history_entry(s, 4)->reason,
	                       "Protokoll der Sitzung nachgereicht");
	CU_ASSERT_PTR_NULL(history_entry(s, 3)->reason);
	session_change_reason(s, "");
	CU_ASSERT_TRUE(session_change_needs_reason(s, NULL));
	session_free(s);
}

/* Undo, repeatedly, back to the first change; every undo is recorded. */
static void
test_undo_chain(void)
{
	struct session *s = small_session();
	char *key = NULL, *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn", "ja");   /* 1 */
	change_ok(s, "a.jn", "nein"); /* 2 */
	change_ok(s, "a.zahl", "7");  /* 3 */

	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	CU_ASSERT_STRING_EQUAL(key, "a.zahl");
	free(key);
	value_is(s, "a.zahl", NULL);
	entry_is(s, 3, "a.zahl", "7", NULL, 4, 3);

	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	value_is(s, "a.jn", "ja");
	entry_is(s, 4, "a.jn", "nein", "ja", 5, 2);

	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	value_is(s, "a.jn", NULL);
	entry_is(s, 5, "a.jn", "ja", NULL, 6, 1);

	/* back at the start: nothing left, nothing recorded */
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 0);
	CU_ASSERT_PTR_NULL(key);
	CU_ASSERT_EQUAL(history_count(s), 6);

	/* a change after undos is undone first */
	change_ok(s, "a.frei", "neu");
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	value_is(s, "a.frei", NULL);
	entry_is(s, 7, "a.frei", "neu", NULL, 8, 7);
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 0);
	session_free(s);
}

/* One undo reverts a linked change whole, in the order it was made. */
static void
test_undo_linked(void)
{
	struct session *s = small_session();
	char *key = NULL, *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn:evidence", "nachzureichen");
	change_ok(s, "a.jn:evidence_due", "2027-01-31");
	change_ok(s, "a.jn:evidence", "fehlt"); /* clears the due date */
	value_is(s, "a.jn:evidence_due", NULL);
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	CU_ASSERT_STRING_EQUAL(key, "a.jn:evidence");
	free(key);
	value_is(s, "a.jn:evidence", "nachzureichen");
	value_is(s, "a.jn:evidence_due", "2027-01-31");
	CU_ASSERT_EQUAL_FATAL(history_count(s), 6);
	/* both records in one change, which undoes change 3 */
	entry_is(s, 4, "a.jn:evidence", "fehlt", "nachzureichen", 4, 3);
	entry_is(s, 5, "a.jn:evidence_due", NULL, "2027-01-31", 4, 3);
	session_free(s);
}

/* Changes between session_change_begin and _end are one change; undo sets
 * a record the group changed twice back to its value before the group. */
static void
test_group(void)
{
	struct session *s = small_session();
	char *key = NULL, *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn", "ja");
	session_change_begin(s);
	change_ok(s, "a.jn", NULL);
	session_change_begin(s); /* nested: still the same change */
	change_ok(s, "a.zahl", "3");
	session_change_end(s);
	change_ok(s, "a.jn", "nein");
	session_change_end(s);
	change_ok(s, "a.frei", "danach");
	CU_ASSERT_EQUAL_FATAL(history_count(s), 5);
	entry_is(s, 1, "a.jn", "ja", NULL, 2, 0);
	entry_is(s, 2, "a.zahl", NULL, "3", 2, 0);
	entry_is(s, 3, "a.jn", NULL, "nein", 2, 0);
	entry_is(s, 4, "a.frei", NULL, "danach", 3, 0);

	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	value_is(s, "a.jn", "ja"); /* not NULL, its value in the middle */
	value_is(s, "a.zahl", NULL);
	CU_ASSERT_EQUAL_FATAL(history_count(s), 8);
	entry_is(s, 6, "a.jn", "nein", "ja", 5, 2);
	entry_is(s, 7, "a.zahl", "3", NULL, 5, 2);
	session_free(s);
}

/* An undo after Abgeschlossen needs a reason like every change. */
static void
test_undo_closed(void)
{
	struct session *s = small_session();
	char *key = NULL, *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn", "ja");
	change_ok(s, "session.phase", "abgeschlossen");
	session_change_reason(s, "nachgereicht");
	change_ok(s, "a.jn", "nein");
	session_change_reason(s, NULL);
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why);
	free(why);
	value_is(s, "a.jn", "nein");
	CU_ASSERT_EQUAL(history_count(s), 3);
	session_change_reason(s, "Tippfehler");
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	value_is(s, "a.jn", "ja");
	CU_ASSERT_STRING_EQUAL(history_entry(s, 3)->reason, "Tippfehler");
	/* undoing the phase change itself reopens the audit */
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	CU_ASSERT_EQUAL(session_phase(s), PHASE_TALK);
	session_free(s);
}

/* Assert that a and b hold the same history and phase. */
static void
same_history(const struct session *a, const struct session *b)
{
	CU_ASSERT_EQUAL_FATAL(history_count(a), history_count(b));
	CU_ASSERT_EQUAL(session_phase(a), session_phase(b));
	for (size_t i = 0; i < history_count(a); i++) {
		const struct history_entry *x = history_entry(a, i),
		                           *y = history_entry(b, i);
		CU_ASSERT_STRING_EQUAL(x->time, y->time);
		CU_ASSERT_STRING_EQUAL(x->who, y->who);
		CU_ASSERT_STRING_EQUAL(x->key, y->key);
		CU_ASSERT_TRUE(same(x->old_value, y->old_value));
		CU_ASSERT_TRUE(same(x->new_value, y->new_value));
		CU_ASSERT_TRUE(same(x->reason, y->reason));
		CU_ASSERT_EQUAL(x->phase, y->phase);
		CU_ASSERT_EQUAL(x->change, y->change);
		CU_ASSERT_EQUAL(x->undoes, y->undoes);
	}
}

/* A session with a varied history, Abgeschlossen. */
static struct session *
varied_session(void)
{
	struct session *s = small_session();
	char *key = NULL, *why = NULL;

	if (s == NULL)
		return NULL;
	change_ok(s, "meta.kommune", "Lindenfels");
	change_ok(s, "a.jn", "ja");
	change_ok(s, "a.frei", "Tab\there, Zeile\nneu, \\ und „=“");
	change_ok(s, "a.zahl", "5");
	session_undo(s, &key, &why);
	free(key);
	change_ok(s, "session.phase", "abgeschlossen");
	session_change_reason(s, "Grund mit\tTab");
	change_ok(s, "a.jn", "nein");
	session_change_reason(s, NULL);
	return s;
}

/* Dump and load, and a snapshot, carry history and phase unchanged. */
static void
test_round_trip(void)
{
	struct session *s = varied_session(), *t, *u;
	char *text, *text2, *why = NULL, *notice = NULL, *dir;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	text = session_dump(s);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\nsession.phase\tabgeschlossen\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\nsession.history.7\t"));
	t = session_from_dump(text, strlen(text), &why);
	if (t == NULL)
		fprintf(stderr, "from_dump: %s\n", why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	same_history(s, t);
	text2 = session_dump(t);
	CU_ASSERT_STRING_EQUAL(text, text2);
	free(text2);

	dir = xasprintf("%s/rt", tmpdir);
	CU_ASSERT_EQUAL_FATAL(audit_create(t, dir, &why), 0);
	u = session_open(t->path, SESSION_READ_ONLY, &notice, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(u);
	same_history(s, u);
	/* the loaded history goes on: the next change gets the next number */
	session_change_reason(t, "weiter");
	change_ok(t, "a.zahl", "6");
	CU_ASSERT_EQUAL(history_entry(t, history_count(t) - 1)->change,
	                history_entry(s, history_count(s) - 1)->change + 1);
	session_free(u);
	session_free(t);
	session_free(s);
	free(text);
	free(dir);
	free(notice);
}

/* Drop every line of text that starts with prefix. Caller frees. */
static char *
without_lines(const char *text, const char *prefix)
{
	struct buf b = {0};

	for (const char *p = text; *p != '\0';) {
		size_t n = strcspn(p, "\n");
		if (strncmp(p, prefix, strlen(prefix)) != 0) {
			buf_add(&b, p, n);
			buf_addc(&b, '\n');
		}
		p += n + (p[n] == '\n');
	}
	buf_adds(&b, "");
	return buf_steal(&b);
}

/* A dump from before phases and the history loads: in the Gespräch,
 * with an empty history that then grows from 1. */
static void
test_older_dump(void)
{
	struct session *s = varied_session(), *t;
	char *text, *old, *old2, *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	text = session_dump(s);
	old = without_lines(text, "session.history.");
	old2 = without_lines(old, "session.phase\t");
	t = session_from_dump(old2, strlen(old2), &why);
	if (t == NULL)
		fprintf(stderr, "older dump: %s\n", why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT_EQUAL(history_count(t), 0);
	CU_ASSERT_EQUAL(session_phase(t), PHASE_TALK);
	value_is(t, "a.jn", "nein");
	change_ok(t, "a.jn", "ja");
	CU_ASSERT_EQUAL(history_count(t), 1);
	entry_is(t, 0, "a.jn", "nein", "ja", 1, 0);
	session_free(t);
	session_free(s);
	free(text);
	free(old);
	free(old2);
}

/* Replace the first occurrence of from in text by to. Caller frees. */
static char *
replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);

	if (at == NULL)
		return xstrdup(text);
	return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

/* A history with a gap, out of order or with a broken entry is refused,
 * naming the record. */
static void
test_damaged(void)
{
	struct session *s = varied_session(), *t;
	char *text, *bad, *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	text = session_dump(s);
	/* a gap: entry 2 missing */
	bad = replaced(text, "\nsession.history.2\t", "\nsession.historyX2\t");
	{
		char *gap = without_lines(bad, "session.historyX2");
		t = session_from_dump(gap, strlen(gap), &why);
		CU_ASSERT_PTR_NULL(t);
		CU_ASSERT_PTR_NOT_NULL(why);
		if (why != NULL)
			CU_ASSERT_PTR_NOT_NULL(strstr(why, "session.history.3"));
		free(why);
		why = NULL;
		session_free(t);
		free(gap);
	}
	free(bad);
	/* a broken time */
	bad = replaced(text, "\nsession.history.1\t2", "\nsession.history.1\tX");
	t = session_from_dump(bad, strlen(bad), &why);
	CU_ASSERT_PTR_NULL(t);
	free(why);
	why = NULL;
	session_free(t);
	free(bad);
	/* an unknown phase */
	bad = replaced(text, "\\tgespraech\\t", "\\tunterwegs\\t");
	t = session_from_dump(bad, strlen(bad), &why);
	CU_ASSERT_PTR_NULL(t);
	free(why);
	session_free(t);
	free(bad);
	free(text);
	session_free(s);
}

/* TSV: a header, then one line per entry with tab, newline and backslash
 * escaped; a question's selection holds the records beside its answer. */
static void
test_format(void)
{
	struct session *s = small_session();
	char *tsv, *text, *line;
	size_t lines = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	change_ok(s, "a.jn", "ja");
	change_ok(s, "a.jn:note", "Zeile 1\nZeile\t2 \\");
	change_ok(s, "a.zahl", "5");
	tsv = history_format(s, NULL, HISTORY_TSV);
	for (const char *p = tsv; *p != '\0'; p++)
		lines += *p == '\n';
	CU_ASSERT_EQUAL(lines, 3);
	CU_ASSERT_PTR_NOT_NULL(
	    strstr(tsv, "\ta.jn:note\t\tZeile 1\\nZeile\\t2 \\\\\t\n"));
	free(tsv);
	tsv = history_format(s, "a.jn", HISTORY_TSV);
	lines = 0;
	for (const char *p = tsv; *p != '\0'; p++)
		lines += *p == '\n';
	CU_ASSERT_EQUAL(lines, 2);
	CU_ASSERT_PTR_NULL(strstr(tsv, "a.zahl"));
	free(tsv);
	text = history_format(s, "a.jn", HISTORY_TEXT);
	line = strstr(text, "„ja“");
	CU_ASSERT_PTR_NOT_NULL(line);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "(Änderung 2)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "– → „Zeile 1\n    Zeile\t2 \\“"));
	free(text);
	session_free(s);
}

/* A very long value is shortened for people, kept whole in the TSV, the
 * entry and undo. */
static void
test_long_value(void)
{
	struct session *s = small_session();
	char *longer = xmalloc(HISTORY_VALUE_WHOLE + 200), *text, *tsv, *key = NULL,
	     *why = NULL, *want;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	memset(longer, 'x', HISTORY_VALUE_WHOLE + 199);
	memcpy(longer, "ä", 2); /* a character of two bytes at the start */
	longer[HISTORY_VALUE_WHOLE + 199] = '\0';
	change_ok(s, "a.frei", longer);
	change_ok(s, "a.frei", "kurz");
	text = history_format(s, NULL, HISTORY_TEXT);
	want = xasprintf("… (%d Zeichen)“ → „kurz“", HISTORY_VALUE_WHOLE + 198);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, want));
	CU_ASSERT_PTR_NULL(strstr(text, longer));
	tsv = history_format(s, NULL, HISTORY_TSV);
	CU_ASSERT_PTR_NOT_NULL(strstr(tsv, longer));
	CU_ASSERT_STRING_EQUAL(history_entry(s, 0)->new_value, longer);
	CU_ASSERT_FALSE(history_entry(s, 0)->new_shortened);
	CU_ASSERT_EQUAL(session_undo(s, &key, &why), 1);
	free(key);
	value_is(s, "a.frei", longer);
	free(want);
	free(tsv);
	free(text);
	free(longer);
	session_free(s);
}

/* Points are hidden in the Gespräch of a discreet form only. */
static void
test_points_hidden(void)
{
	struct session *s = small_session(),
	               *open = small_session_with("discreet: false\n");

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(open);
	CU_ASSERT_TRUE(session_points_hidden(s));
	CU_ASSERT_FALSE(session_points_hidden(open));
	change_ok(s, "session.phase", "auswertung");
	CU_ASSERT_FALSE(session_points_hidden(s));
	change_ok(s, "session.phase", "gespraech");
	CU_ASSERT_TRUE(session_points_hidden(s));
	session_free(open);
	session_free(s);
}

static CU_TestInfo history_tests[] = {
    {"order, old and new, who, phase", test_order_old_new},
    {"a refused change is not recorded", test_refused},
    {"a linked record in the same change", test_linked},
    {"a reason after Abgeschlossen", test_reason},
    {"undo back to the first change", test_undo_chain},
    {"undo of a linked change", test_undo_linked},
    {"a group is one change", test_group},
    {"undo after Abgeschlossen", test_undo_closed},
    {"dump, load and snapshot", test_round_trip},
    {"an older dump without history", test_older_dump},
    {"a damaged history is refused", test_damaged},
    {"TSV and text", test_format},
    {"a very long value", test_long_value},
    {"points hidden in the Gespräch", test_points_hidden},
    CU_TEST_INFO_NULL,
};

static int
suite_init(void)
{
	tmpdir = test_tmpdir();
	return 0;
}

static int
suite_clean(void)
{
	test_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

static CU_SuiteInfo suites[] = {
    {"history", suite_init, suite_clean, NULL, NULL, history_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
