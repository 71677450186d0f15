/*
 * session_items.c: the record family of the questions (session_family.h):
 * SECTION.QUESTION, the answer in the `set` syntax of its kind (answer.h),
 * and SECTION.QUESTION:KEY, the records beside it (vocab_item: note,
 * recommendation, evidence, evidence_due, evidence_text). A due date exists
 * only while the evidence is "nachzureichen". Model code: never prints,
 * never exits.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session_family.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Where the text fields of vocab_item are kept in struct session_item (the
 * evidence, a choice of vocab_evidence, is kept as enum evidence_status). */
static const struct {
	const char *key;
	size_t offset;
} item_slots[] = {
    {"note", offsetof(struct session_item, note)},
    {"recommendation", offsetof(struct session_item, recommendation)},
    {"evidence_due", offsetof(struct session_item, evidence_due)},
    {"evidence_text", offsetof(struct session_item, evidence_text)},
};

/* Whether f is the evidence status, kept as enum evidence_status. */
static int
is_evidence(const struct vocab_field *f)
{
	return f->values == &vocab_evidence;
}

/* Whether f is the due date, which needs the evidence "nachzureichen". */
static int
is_due(const struct vocab_field *f)
{
	return f->kind == VOCAB_DATE;
}

/* The slot of text field key of item it, or NULL. */
static char **
item_slot(const struct session_item *it, const char *key)
{
	for (size_t i = 0; i < COUNT(item_slots); i++)
		if (strcmp(item_slots[i].key, key) == 0)
			return (char **)((char *)it + item_slots[i].offset);
	return NULL;
}

static void
question_init(struct session *s)
{
	s->items = xcalloc(s->form->question_count + 1, sizeof *s->items);
}

static void
question_free(struct session *s)
{
	if (s->items == NULL)
		return;
	for (size_t i = 0; i < s->form->question_count; i++) {
		answer_clear(&s->items[i].answer);
		for (size_t k = 0; k < COUNT(item_slots); k++)
			free(*item_slot(&s->items[i], item_slots[k].key));
	}
	free(s->items);
	s->items = NULL;
}

static int
question_resolve(const struct session *s, const char *key, struct session_key *k,
                 char **why)
{
	const char *colon = strchr(key, ':');
	int qi;

	if (colon == NULL) {
		qi = form_find_question(s->form, key);
	} else {
		char *qid = xstrndup(key, (size_t)(colon - key));
		qi = form_find_question(s->form, qid);
		free(qid);
	}
	if (qi < 0) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	k->index = (size_t)qi;
	if (colon == NULL)
		return 0; /* the answer */
	k->field = vocab_field(&vocab_item, colon + 1);
	if (k->field == NULL ||
	    (!is_evidence(k->field) && item_slot(&s->items[qi], k->field->key) == NULL)) {
		struct buf allowed = {0};
		for (size_t i = 0; i < vocab_item.count; i++)
			buf_printf(&allowed, "%s%s", i ? ", " : "",
			           vocab_item.fields[i].key);
		*why = xasprintf("„%s“: unbekanntes Feld „%s“; erlaubt: %s", key,
		                 colon + 1, allowed.data);
		buf_free(&allowed);
		return -1;
	}
	return 0;
}

/* Set the answer of question qi (value NULL: open again). */
static int
answer_set(struct session *s, const char *key, size_t qi, const char *value, char **why)
{
	struct answer parsed = {0};
	char *reason = NULL;

	if (value != NULL &&
	    answer_parse(&s->form->questions[qi], value, &parsed, &reason) != 0) {
		*why = xasprintf("„%s“: %s", key, reason ? reason : "ungültiger Wert");
		free(reason);
		return -1;
	}
	answer_clear(&s->items[qi].answer);
	if (value != NULL)
		s->items[qi].answer = parsed;
	return 0;
}

static int
question_set(struct session *s, const char *key, const struct session_key *k,
             const char *value, int loading, char **why)
{
	struct session_item *it = &s->items[k->index];
	char *stored = NULL;

	(void)loading;
	if (k->field == NULL)
		return answer_set(s, key, k->index, value, why);
	if (value != NULL &&
	    session_field_value(s, key, k->field, value, &stored, why) != 0)
		return -1;
	if (value != NULL && is_due(k->field) && it->evidence != EVIDENCE_DUE) {
		*why = xasprintf("„%s“: eine Frist gibt es nur bei Nachweis "
		                 "„nachzureichen“ (--evidence nachzureichen --due DATUM)",
		                 key);
		free(stored);
		return -1;
	}
	if (is_evidence(k->field)) {
		it->evidence = stored != NULL
		                   ? (enum evidence_status)(
		                         vocab_value_find(&vocab_evidence, stored) + 1)
		                   : EVIDENCE_NONE;
		free(stored);
		if (it->evidence != EVIDENCE_DUE) {
			free(it->evidence_due);
			it->evidence_due = NULL;
		}
		return 0;
	}
	free(*item_slot(it, k->field->key));
	*item_slot(it, k->field->key) = stored;
	return 0;
}

static char *
question_get(const struct session *s, const struct session_key *k)
{
	const struct session_item *it = &s->items[k->index];

	if (k->field == NULL)
		return answer_format(&s->form->questions[k->index], &it->answer);
	if (is_evidence(k->field))
		return it->evidence == EVIDENCE_NONE
		           ? NULL
		           : xstrdup(session_evidence_name(it->evidence));
	return xstrdup(*item_slot(it, k->field->key));
}

static void
question_each(const struct session *s, session_record_fn fn, void *ctx)
{
	const struct form *f = s->form;
	char key[256];

	for (size_t i = 0; i < f->question_count; i++) {
		const struct session_item *it = &s->items[i];
		const char *qid = f->questions[i].full_id;
		char *answer = answer_format(&f->questions[i], &it->answer);

		session_emit(fn, ctx, qid, answer);
		free(answer);
		for (size_t k = 0; k < vocab_item.count; k++) {
			const struct vocab_field *field = &vocab_item.fields[k];
			const char *value =
			    is_evidence(field)
			        ? (it->evidence != EVIDENCE_NONE
			               ? session_evidence_name(it->evidence)
			               : NULL)
			        : *item_slot(it, field->key);
			if (value == NULL)
				continue;
			snprintf(key, sizeof key, "%s:%s", qid, field->key);
			session_emit(fn, ctx, key, value);
		}
	}
}

/* A due date needs its evidence status: loaded in the second pass. */
static int
question_late(const char *key)
{
	const char *colon = strrchr(key, ':');
	const struct vocab_field *f =
	    colon != NULL ? vocab_field(&vocab_item, colon + 1) : NULL;
	return f != NULL && is_due(f);
}

/* A change of the evidence may clear the due date beside it. */
static void
question_linked(const struct session *s, const struct session_key *k,
                void (*fn)(void *ctx, const char *key), void *ctx)
{
	char key[256];

	if (k->field == NULL || !is_evidence(k->field))
		return;
	for (size_t i = 0; i < vocab_item.count; i++)
		if (is_due(&vocab_item.fields[i])) {
			snprintf(key, sizeof key, "%s:%s",
			         s->form->questions[k->index].full_id,
			         vocab_item.fields[i].key);
			fn(ctx, key);
		}
}

/* The questions of the section a near-miss key names, then the key forms. */
static void
question_describe(const struct session *s, const char *key, struct buf *b)
{
	const struct form *f = s->form;
	const char *dot = strchr(key, '.');

	/* a known section with an unknown question: list that section's questions */
	if (dot != NULL && strchr(key, ':') == NULL) {
		char *section = xstrndup(key, (size_t)(dot - key));
		int si = form_find_section(f, section);
		free(section);
		if (si >= 0) {
			const struct form_section *sec = &f->sections[si];
			buf_printf(b, "die Fragen von „%s“: ", sec->id);
			for (size_t i = 0; i < sec->count; i++)
				buf_printf(b, "%s%s", i ? ", " : "",
				           f->questions[sec->first + i].full_id);
			buf_adds(b, "; oder ");
		}
	}
	buf_printf(b,
	           "eine Frage-ID (z. B. „%s“; alle zeigt „wohnort-audit questions“), "
	           "FRAGE:",
	           f->question_count > 0 ? f->questions[0].full_id : "abschnitt.frage");
	for (size_t i = 0; i < vocab_item.count; i++)
		buf_printf(b, "%s%s", i ? "|" : "", vocab_item.fields[i].key);
}

const struct session_family session_question_family = {
    .prefix = NULL,
    .init = question_init,
    .free = question_free,
    .resolve = question_resolve,
    .set = question_set,
    .get = question_get,
    .each = question_each,
    .late = question_late,
    .describe = question_describe,
    .linked = question_linked,
};
