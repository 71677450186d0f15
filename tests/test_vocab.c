/*
 * test_vocab.c: CUnit suite for the vocabulary tables (src/model/vocab.c):
 * every table is well formed (unique keys and options, labels, values for
 * every choice), the value lists line up with the session's enums, and every
 * field of every table is a record the session accepts and gives back, so a
 * row added to a table cannot be forgotten by the session.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/session.h"
#include "model/vocab.h"
#include "test_main.h"

static const struct vocab_table *const tables[] = {&vocab_meta, &vocab_participant,
                                                   &vocab_goal, &vocab_item};

/* Unique keys and options, a label and help for each row, values for choices. */
static void
test_tables_well_formed(void)
{
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		const struct vocab_table *tab = tables[t];
		CU_ASSERT_TRUE(tab->count > 0);
		for (size_t i = 0; i < tab->count; i++) {
			const struct vocab_field *f = &tab->fields[i];
			CU_ASSERT_PTR_NOT_NULL_FATAL(f->key);
			CU_ASSERT_PTR_NOT_NULL(f->label);
			CU_ASSERT_PTR_NOT_NULL(f->help);
			CU_ASSERT_EQUAL(vocab_find(tab, f->key), (int)i);
			CU_ASSERT_PTR_EQUAL(vocab_field(tab, f->key), f);
			CU_ASSERT_EQUAL(f->kind == VOCAB_CHOICE, f->values != NULL);
			if (f->option != NULL) {
				CU_ASSERT_EQUAL(vocab_find_option(tab, f->option),
				                (int)i);
				CU_ASSERT_PTR_NOT_NULL(f->arg);
			}
		}
		CU_ASSERT_EQUAL(vocab_find(tab, "no-such-field"), -1);
	}
}

/* The value lists are in the order of the session's enums. */
static void
test_values_match_enums(void)
{
	static const enum evidence_status ev[] = {EVIDENCE_PRESENTED, EVIDENCE_DUE,
	                                          EVIDENCE_MISSING};
	static const enum goal_status gs[] = {GOAL_REACHED, GOAL_PARTIAL,
	                                      GOAL_NOT_REACHED};
	char *joined;

	CU_ASSERT_EQUAL(vocab_evidence.count, 3);
	for (size_t i = 0; i < 3; i++)
		CU_ASSERT_STRING_EQUAL(vocab_evidence.items[ev[i] - 1].value,
		                       session_evidence_name(ev[i]));
	CU_ASSERT_EQUAL(vocab_goal_status.count, 3);
	for (size_t i = 0; i < 3; i++)
		CU_ASSERT_STRING_EQUAL(vocab_goal_status.items[gs[i] - 1].value,
		                       session_goal_status_name(gs[i]));
	CU_ASSERT_STRING_EQUAL(vocab_art.items[AUDIT_FIRST].value, "erst");
	CU_ASSERT_STRING_EQUAL(vocab_art.items[AUDIT_RENEWAL].value, "re");
	CU_ASSERT_EQUAL(vocab_value_find(&vocab_zentralitaet, "Mittelzentrum"), 1);
	CU_ASSERT_EQUAL(vocab_value_find(&vocab_zentralitaet, "mittelzentrum"), -1);
	CU_ASSERT_STRING_EQUAL(vocab_value_label(&vocab_goal_status, "nicht_erreicht"),
	                       "nicht erreicht");
	CU_ASSERT_PTR_NULL(vocab_value_label(&vocab_art, "zweit"));
	joined = vocab_values_join(&vocab_evidence, ", ");
	CU_ASSERT_STRING_EQUAL(joined, "vorgelegt, nachzureichen, fehlt");
	free(joined);
}

/* A value the session accepts for a field of this kind. */
static const char *
sample_value(const struct vocab_field *f)
{
	switch (f->kind) {
	case VOCAB_DATE:
		return "2026-03-14";
	case VOCAB_CHOICE:
		return f->values->items[f->values->count - 1].value;
	case VOCAB_QUESTIONS:
		return "a.jn";
	default:
		return "Wert äöü";
	}
}

static const char form_yaml[] =
    "form: t\ntitle: T\nedition: 2023-05-11\n"
    "pass: {total_percent: 60, section_min_percent: 40}\n"
    "validity_years: {first: 3, renewal: 5}\n"
    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
    "sections:\n"
    "  - id: a\n    title: A\n    questions:\n"
    "      - {id: jn, type: yesno, text: Ja?, points: 2}\n";

/* Set one record and read it back: the session knows the field. */
static void
roundtrip(struct session *s, const char *key, const char *value)
{
	char *why = NULL, *got;
	int rc = session_change(s, key, value, &why);

	if (rc != 0)
		fprintf(stderr, "session refuses %s=%s: %s\n", key, value,
		        why ? why : "?");
	CU_ASSERT_EQUAL(rc, 0);
	free(why);
	got = session_get(s, key);
	CU_ASSERT_PTR_NOT_NULL(got);
	if (got != NULL)
		CU_ASSERT_STRING_EQUAL(got, value);
	free(got);
}

/* Every field of every table is a record of the session. */
static void
test_session_knows_every_field(void)
{
	struct form_errors errors = {0};
	struct form *form =
	    form_load_string(form_yaml, strlen(form_yaml), "t.yaml", &errors);
	struct session *s;

	CU_ASSERT_PTR_NOT_NULL_FATAL(form);
	s = session_new(form);
	for (size_t i = 0; i < vocab_meta.count; i++) {
		const struct vocab_field *f = &vocab_meta.fields[i];
		char *key = xasprintf("meta.%s", f->key);
		if (f->kind != VOCAB_SESSION) /* a path must name a readable session */
			roundtrip(s, key, sample_value(f));
		free(key);
	}
	for (size_t i = 0; i < vocab_participant.count; i++) {
		char *key =
		    xasprintf("participant.2.%s", vocab_participant.fields[i].key);
		roundtrip(s, key, sample_value(&vocab_participant.fields[i]));
		free(key);
	}
	for (size_t i = 0; i < vocab_goal.count; i++) {
		char *key = xasprintf("goal.3.%s", vocab_goal.fields[i].key);
		char *prev = xasprintf("prevgoal.1.%s", vocab_goal.fields[i].key);
		roundtrip(s, key, sample_value(&vocab_goal.fields[i]));
		roundtrip(s, prev, sample_value(&vocab_goal.fields[i]));
		free(key);
		free(prev);
	}
	/* evidence_due needs the evidence state nachzureichen first */
	roundtrip(s, "a.jn:evidence", "nachzureichen");
	for (size_t i = 0; i < vocab_item.count; i++) {
		const struct vocab_field *f = &vocab_item.fields[i];
		char *key = xasprintf("a.jn:%s", f->key);
		if (strcmp(f->key, "evidence") != 0)
			roundtrip(s, key, sample_value(f));
		free(key);
	}
	session_free(s);
	form_errors_clear(&errors);
}

static CU_TestInfo vocab_tests[] = {
    {"tables are well formed", test_tables_well_formed},
    {"value lists follow the enums", test_values_match_enums},
    {"the session knows every field", test_session_knows_every_field},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"vocab", NULL, NULL, NULL, NULL, vocab_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
