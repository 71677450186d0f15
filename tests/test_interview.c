/*
 * test_interview.c: the interview's screen logic without a terminal:
 * navigation order with show_if (hidden questions skipped, follow-ups
 * appearing and disappearing as answers change), the next open question,
 * resuming at the cursor, progress counts per Handlungsfeld and the review
 * list, question numbers ("3.7") and the question search, and the IHK
 * suggested for a Landkreis (src/model/reference.c, on the bundled data/ihk.txt).
 * The form and session are built by hand so the test does not depend on the
 * YAML loader; visibility and points come from score/answer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/interview.h"
#include "model/reference.h"
#include "test_main.h"
#include "lib/util.h"

/*
 * Section a: q1 yesno (3 P.), q2 yesno shown when q1 scored, q3 text.
 * Section b: q4 choice x/y/z (0/1/2 P.), q5 yesno shown when q4 = z, q6 number.
 */
static struct form *
make_form(void)
{
	struct form *f = xcalloc(1, sizeof *f);
	static const char *ids[] = {"q1", "q2", "q3", "q4", "q5", "q6"};
	static const char *full[] = {"a.q1", "a.q2", "a.q3", "b.q4", "b.q5", "b.q6"};
	static const enum question_type types[] = {QUESTION_YESNO, QUESTION_YESNO,
	                                           QUESTION_TEXT,  QUESTION_CHOICE,
	                                           QUESTION_YESNO, QUESTION_NUMBER};

	f->section_count = 2;
	f->sections = xcalloc(2, sizeof *f->sections);
	f->sections[0].id = (char *)"a";
	f->sections[0].title = (char *)"Strategische Zielsetzung";
	f->sections[0].first = 0;
	f->sections[0].count = 3;
	f->sections[1].id = (char *)"b";
	f->sections[1].title = (char *)"Zuzug leicht gemacht";
	f->sections[1].first = 3;
	f->sections[1].count = 3;
	f->question_count = 6;
	f->questions = xcalloc(6, sizeof *f->questions);
	for (size_t i = 0; i < 6; i++) {
		struct form_question *q = &f->questions[i];
		q->id = (char *)ids[i];
		q->full_id = (char *)full[i];
		q->section = i < 3 ? 0 : 1;
		q->type = types[i];
		q->text = (char *)"Frage?";
		q->show_if_question = -1;
		q->show_if_option = -1;
		q->multi_cap = -1;
	}
	f->questions[0].points = 3;
	f->questions[0].max_points = 3;
	f->questions[1].points = 1;
	f->questions[1].max_points = 1;
	f->questions[1].show_if_question = 0;
	f->questions[3].option_count = 3;
	f->questions[3].options = xcalloc(3, sizeof(struct form_option));
	for (int k = 0; k < 3; k++) {
		f->questions[3].options[k].id = (char *)(k == 0   ? "x"
		                                         : k == 1 ? "y"
		                                                  : "z");
		f->questions[3].options[k].label = f->questions[3].options[k].id;
		f->questions[3].options[k].points = k;
	}
	f->questions[3].max_points = 2;
	f->questions[4].points = 1;
	f->questions[4].max_points = 1;
	f->questions[4].show_if_question = 3;
	f->questions[4].show_if_option = 2;
	f->sections[0].max_points = 4;
	f->sections[1].max_points = 3;
	return f;
}

static struct form *form;
static struct session *sess;

/* A fresh unanswered session over the hand-built form. */
static void
setup(void)
{
	form = make_form();
	sess = xcalloc(1, sizeof *sess);
	sess->form = form;
	sess->items = xcalloc(form->question_count, sizeof *sess->items);
}

/* Free what setup built (not through session_free: nothing was loaded). */
static void
teardown(void)
{
	for (size_t i = 0; i < form->question_count; i++) {
		free(sess->items[i].note);
		free(sess->items[i].recommendation);
	}
	free(sess->items);
	free(sess->cursor);
	free(sess);
	free(form->questions[3].options);
	free(form->questions);
	free(form->sections);
	free(form);
}

/* Answer question qi with number (yesno 1/0, choice index, number value). */
static void
give(size_t qi, long number)
{
	sess->items[qi].answer.state = ANSWER_GIVEN;
	sess->items[qi].answer.number = number;
}

/* Collect the navigation order from the first question on. */
static size_t
order(size_t *out)
{
	size_t n = 0, q;

	if (!interview_first(sess, (size_t)-1, &q))
		return 0;
	out[n++] = q;
	while (interview_next(sess, q, &q))
		out[n++] = q;
	return n;
}

static void
test_order_hides_followups(void)
{
	size_t o[8];

	setup();
	CU_ASSERT_EQUAL(order(o), 4);
	CU_ASSERT_EQUAL(o[0], 0);
	CU_ASSERT_EQUAL(o[1], 2);
	CU_ASSERT_EQUAL(o[2], 3);
	CU_ASSERT_EQUAL(o[3], 5);
	CU_ASSERT_FALSE(interview_visible(sess, 1));
	CU_ASSERT_FALSE(interview_visible(sess, 4));
	CU_ASSERT_FALSE(interview_visible(sess, 99));
	teardown();
}

static void
test_followups_appear_and_disappear(void)
{
	size_t o[8], q;

	setup();
	give(0, 1); /* q1 ja: q2 appears */
	CU_ASSERT_EQUAL(order(o), 5);
	CU_ASSERT_EQUAL(o[1], 1);
	give(3, 2); /* q4 = z: q5 appears */
	CU_ASSERT_EQUAL(order(o), 6);
	CU_ASSERT_EQUAL(o[4], 4);
	give(3, 1); /* q4 = y: q5 disappears again */
	CU_ASSERT_EQUAL(order(o), 5);
	CU_ASSERT_TRUE(interview_next(sess, 3, &q));
	CU_ASSERT_EQUAL(q, 5);
	give(0, 0); /* q1 nein: q2 disappears */
	CU_ASSERT_EQUAL(order(o), 4);
	CU_ASSERT_TRUE(interview_prev(sess, 2, &q));
	CU_ASSERT_EQUAL(q, 0);
	CU_ASSERT_FALSE(interview_prev(sess, 0, &q));
	CU_ASSERT_FALSE(interview_next(sess, 5, &q));
	teardown();
}

static void
test_next_open_wraps(void)
{
	size_t q;

	setup();
	CU_ASSERT_TRUE(interview_next_open(sess, 0, &q));
	CU_ASSERT_EQUAL(q, 2);
	give(2, 0);
	sess->items[2].answer.state = ANSWER_NA;
	CU_ASSERT_TRUE(interview_next_open(sess, 0, &q));
	CU_ASSERT_EQUAL(q, 3);
	CU_ASSERT_TRUE(interview_next_open(sess, 5, &q)); /* wraps to the start */
	CU_ASSERT_EQUAL(q, 0);
	give(0, 1); /* q2 appears and is open */
	CU_ASSERT_TRUE(interview_next_open(sess, 0, &q));
	CU_ASSERT_EQUAL(q, 1);
	give(1, 1);
	give(3, 0);
	give(5, 7);
	CU_ASSERT_FALSE(interview_next_open(sess, 0, &q));
	CU_ASSERT_TRUE(interview_is_open(sess, 0) == 0);
	teardown();
}

static void
test_resume_at_cursor(void)
{
	setup();
	CU_ASSERT_EQUAL(interview_resume(sess), 0); /* nothing answered: first open */
	give(0, 0);
	CU_ASSERT_EQUAL(interview_resume(sess), 2);
	sess->cursor = xstrdup("b.q6");
	CU_ASSERT_EQUAL(interview_resume(sess), 5);
	str_replace(&sess->cursor, "a.q2"); /* hidden: the next shown one */
	CU_ASSERT_EQUAL(interview_resume(sess), 2);
	str_replace(&sess->cursor, "gibt.esnicht");
	CU_ASSERT_EQUAL(interview_resume(sess), 2);
	teardown();
}

static void
test_progress_counts(void)
{
	struct interview_progress p;
	size_t n, t;

	setup();
	interview_progress(sess, 0, &p);
	CU_ASSERT_EQUAL(p.shown, 2);
	CU_ASSERT_EQUAL(p.open, 2);
	CU_ASSERT_EQUAL(p.answered, 0);
	CU_ASSERT_EQUAL(p.max, 4); /* the hidden follow-up counts, as in the score */
	give(0, 1);
	interview_progress(sess, 0, &p);
	CU_ASSERT_EQUAL(p.shown, 3);
	CU_ASSERT_EQUAL(p.answered, 1);
	CU_ASSERT_EQUAL(p.open, 2);
	CU_ASSERT_EQUAL(p.points, 3);
	CU_ASSERT_EQUAL(p.max, 4);
	interview_position(sess, 2, &n, &t);
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(t, 3);
	interview_position(sess, 4, &n, &t); /* hidden */
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(t, 2);
	give(3, 2);
	interview_progress(sess, 1, &p);
	CU_ASSERT_EQUAL(p.shown, 3);
	CU_ASSERT_EQUAL(p.answered, 1);
	CU_ASSERT_EQUAL(p.points, 2);
	CU_ASSERT_EQUAL(p.max, 3);
	interview_progress(sess, (size_t)-1, &p);
	CU_ASSERT_EQUAL(p.shown, 6);
	CU_ASSERT_EQUAL(p.answered, 2);
	CU_ASSERT_EQUAL(p.open, 4);
	CU_ASSERT_EQUAL(p.points, 5);
	teardown();
}

static void
test_review_list(void)
{
	struct interview_review_item *it;
	size_t n;

	setup();
	give(0, 0);
	give(2, 0);
	sess->items[2].answer.state = ANSWER_NA;
	give(3, 1);
	sess->items[5].evidence = EVIDENCE_DUE;
	sess->items[3].evidence = EVIDENCE_PRESENTED;
	sess->items[0].evidence = EVIDENCE_MISSING;
	sess->items[1].note = xstrdup("hidden but written"); /* q2 hidden */
	sess->items[3].recommendation = xstrdup("Willkommenspaket");
	sess->items[2].note = xstrdup("");
	interview_review(sess, &it, &n);
	CU_ASSERT_EQUAL_FATAL(n, 5);
	CU_ASSERT_EQUAL(it[0].kind, REVIEW_OPEN);
	CU_ASSERT_EQUAL(it[0].question, 5);
	CU_ASSERT_EQUAL(it[1].kind, REVIEW_EVIDENCE);
	CU_ASSERT_EQUAL(it[1].question, 0);
	CU_ASSERT_EQUAL(it[2].kind, REVIEW_EVIDENCE);
	CU_ASSERT_EQUAL(it[2].question, 5);
	CU_ASSERT_EQUAL(it[3].kind, REVIEW_NOTE);
	CU_ASSERT_EQUAL(it[3].question, 1);
	CU_ASSERT_EQUAL(it[4].kind, REVIEW_NOTE);
	CU_ASSERT_EQUAL(it[4].question, 3);
	free(it);
	give(5, 1);
	sess->items[5].evidence = EVIDENCE_NONE;
	sess->items[0].evidence = EVIDENCE_NONE;
	free(sess->items[1].note);
	sess->items[1].note = NULL;
	free(sess->items[3].recommendation);
	sess->items[3].recommendation = NULL;
	interview_review(sess, &it, &n);
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_PTR_NULL(it);
	teardown();
}

/* Question numbers as the Prüfbogen counts them, found again from text. */
static void
test_numbers(void)
{
	static const struct {
		const char *text;
		int found;
		size_t question;
	} cases[] = {
	    {"1.1", 1, 0},  {"1.3", 1, 2},  {" 2.1 ", 1, 3}, {"2,3", 1, 5},
	    {"2.4", 0, 0},  {"3.1", 0, 0},  {"0.1", 0, 0},   {"1.", 0, 0},
	    {"1.1x", 0, 0}, {"Kita", 0, 0}, {"", 0, 0},      {"1.0", 0, 0},
	};
	setup();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t q = 99;
		CU_ASSERT_EQUAL(interview_find_number(form, cases[i].text, &q),
		                cases[i].found);
		if (cases[i].found)
			CU_ASSERT_EQUAL(q, cases[i].question);
	}
	for (size_t qi = 0; qi < form->question_count; qi++) {
		char *n = interview_number(form, qi);
		size_t back = 99;
		CU_ASSERT_TRUE(interview_find_number(form, n, &back));
		CU_ASSERT_EQUAL(back, qi);
		free(n);
	}
	teardown();
}

/* Search ignores case and umlauts, finds numbers, help and hidden questions. */
static void
test_search(void)
{
	size_t out[8];

	setup();
	form->questions[0].text = (char *)"Gibt es einen Ratsbeschluss?";
	form->questions[1].text = (char *)"Wann wurde der Beschluss gefasst?";
	form->questions[4].text = (char *)"Gibt es Mängelmelder?";
	form->questions[5].help = (char *)"Straße und Weg";
	CU_ASSERT_EQUAL(interview_search(form, "BESCHLUSS", out, 8), 2);
	CU_ASSERT_EQUAL(out[0], 0);
	CU_ASSERT_EQUAL(out[1], 1); /* hidden (q1 unanswered), still found */
	CU_ASSERT_EQUAL(interview_search(form, "mangel", out, 8), 1);
	CU_ASSERT_EQUAL(out[0], 4);
	CU_ASSERT_EQUAL(interview_search(form, "strasse", out, 8), 1);
	CU_ASSERT_EQUAL(out[0], 5);
	CU_ASSERT_EQUAL(interview_search(form, "2.2", out, 8), 1);
	CU_ASSERT_EQUAL(out[0], 4);
	CU_ASSERT_EQUAL(interview_search(form, "", out, 8), 0);
	CU_ASSERT_EQUAL(interview_search(form, "Frage", out, 1),
	                3); /* counts beyond max */
	teardown();
}

/* The IHK suggested for a Landkreis, from the bundled data/ihk.txt. */
static void
test_ihk_for_landkreis(void)
{
	static const struct {
		const char *landkreis, *ihk; /* NULL: none */
	} cases[] = {
	    {"Landkreis Bergstraße", "IHK Darmstadt (Rhein Main Neckar)"},
	    {"Bergstraße", "IHK Darmstadt (Rhein Main Neckar)"},
	    {"Kreis Groß-Gerau", "IHK Darmstadt (Rhein Main Neckar)"},
	    {"Hochtaunuskreis", "IHK Frankfurt am Main"},
	    {"Main-Taunus-Kreis", "IHK Frankfurt am Main"},
	    {"Wetteraukreis", "IHK Gießen-Friedberg"},
	    {"Main-Kinzig-Kreis", "IHK Hanau-Gelnhausen-Schlüchtern"},
	    {"Kreis Offenbach", "IHK Offenbach am Main"},
	    {"Ostalbkreis", "IHK Ostwürttemberg"},
	    {"Landkreis Heidenheim", "IHK Ostwürttemberg"},
	    {"ALZEY-WORMS", "IHK für Rheinhessen"},
	    {"Landkreis Limburg-Weilburg", "IHK Limburg"},
	    {"Landkreis Miltenberg", "IHK Aschaffenburg"},
	    {"Landkreis Spessartgrund", NULL},
	    {"Taunus", NULL},
	    {"", NULL},
	};
	char *path = test_srcfile("data/ihk.txt"), *why = NULL;
	struct reference_ihk *list = NULL;
	size_t n = 0;

	CU_ASSERT_EQUAL_FATAL(reference_ihk_load(path, &list, &n, &why), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got =
		    reference_ihk_for_landkreis(list, n, cases[i].landkreis);
		if (cases[i].ihk == NULL) {
			CU_ASSERT_PTR_NULL(got);
		} else {
			if (got == NULL || strcmp(got, cases[i].ihk) != 0)
				fprintf(stderr, "\n%s: %s\n", cases[i].landkreis,
				        got != NULL ? got : "(none)");
			CU_ASSERT(got != NULL && strcmp(got, cases[i].ihk) == 0);
		}
	}
	reference_ihk_free(list, n);
	free(path);
}

static CU_TestInfo tests[] = {
    {"question numbers", test_numbers},
    {"search", test_search},
    {"IHK from the Landkreis", test_ihk_for_landkreis},
    {"order hides follow-ups", test_order_hides_followups},
    {"follow-ups appear and disappear", test_followups_appear_and_disappear},
    {"next open wraps", test_next_open_wraps},
    {"resume at cursor", test_resume_at_cursor},
    {"progress counts", test_progress_counts},
    {"review list", test_review_list},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"interview", NULL, NULL, NULL, NULL, tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
