/*
 * session_meta.c: two record families of the session (session_family.h):
 * the master data meta.KEY and the participants participant.N.KEY, both
 * built from their vocabulary tables (vocab_meta, vocab_participant). The
 * only knowledge here beyond the tables is where each field is kept in
 * struct session. Model code: never prints, never exits.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session_family.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Where a text field of a vocabulary table is kept in its struct. */
struct field_slot {
	const char *key;
	size_t offset;
};

/* The master data in struct session_meta (meta.art, a choice of vocab_art,
 * is kept as enum audit_kind instead). */
static const struct field_slot meta_slots[] = {
    {"kommune", offsetof(struct session_meta, kommune)},
    {"landkreis", offsetof(struct session_meta, landkreis)},
    {"zentralitaet", offsetof(struct session_meta, zentralitaet)},
    {"ihk", offsetof(struct session_meta, ihk)},
    {"auditor", offsetof(struct session_meta, auditor)},
    {"datum", offsetof(struct session_meta, datum)},
    {"vorher", offsetof(struct session_meta, previous)},
};

/* A participant's fields in struct session_participant. */
static const struct field_slot participant_slots[] = {
    {"name", offsetof(struct session_participant, name)},
    {"funktion", offsetof(struct session_participant, function)},
};

/* The slot of field key in the struct at base, or NULL. */
static char **
slot_of(void *base, const struct field_slot *slots, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(slots[i].key, key) == 0)
			return (char **)((char *)base + slots[i].offset);
	return NULL;
}

/* Append "PREFIX.a|b|c" for the fields of t. */
static void
describe_fields(struct buf *b, const char *prefix, const struct vocab_table *t)
{
	buf_adds(b, prefix);
	for (size_t i = 0; i < t->count; i++)
		buf_printf(b, "%s%s", i ? "|" : "", t->fields[i].key);
}

/* ---- meta.KEY ---- */

/* Whether f is meta.art, kept as enum audit_kind. */
static int
is_kind_field(const struct vocab_field *f)
{
	return f->values == &vocab_art;
}

static char **
meta_slot(const struct session *s, const struct vocab_field *f)
{
	return slot_of((void *)&s->meta, meta_slots, COUNT(meta_slots), f->key);
}

static void
meta_init(struct session *s)
{
	s->meta.kind = AUDIT_FIRST;
}

static void
meta_free(struct session *s)
{
	for (size_t i = 0; i < COUNT(meta_slots); i++) {
		char **slot =
		    slot_of(&s->meta, meta_slots, COUNT(meta_slots), meta_slots[i].key);
		free(*slot);
		*slot = NULL;
	}
}

static int
meta_resolve(const struct session *s, const char *key, struct session_key *k, char **why)
{
	k->field = vocab_field(&vocab_meta, key + strlen("meta."));
	if (k->field == NULL ||
	    (!is_kind_field(k->field) && meta_slot(s, k->field) == NULL)) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	return 0;
}

static int
meta_set(struct session *s, const char *key, const struct session_key *k,
         const char *value, int loading, char **why)
{
	char *stored = NULL;

	(void)loading;
	if (value != NULL &&
	    session_field_value(s, key, k->field, value, &stored, why) != 0)
		return -1;
	if (is_kind_field(k->field)) {
		/* cleared: an Erstaudit */
		s->meta.kind = stored != NULL
		                   ? (enum audit_kind)vocab_value_find(&vocab_art, stored)
		                   : AUDIT_FIRST;
		free(stored);
		return 0;
	}
	free(*meta_slot(s, k->field));
	*meta_slot(s, k->field) = stored;
	return 0;
}

static char *
meta_get(const struct session *s, const struct session_key *k)
{
	if (is_kind_field(k->field))
		return xstrdup(vocab_art.items[s->meta.kind].value);
	return xstrdup(*meta_slot(s, k->field));
}

static void
meta_each(const struct session *s, session_record_fn fn, void *ctx)
{
	char key[64];

	for (size_t i = 0; i < vocab_meta.count; i++) {
		const struct vocab_field *f = &vocab_meta.fields[i];
		snprintf(key, sizeof key, "meta.%s", f->key);
		session_emit(fn, ctx, key,
		             is_kind_field(f) ? vocab_art.items[s->meta.kind].value
		                              : *meta_slot(s, f));
	}
}

static void
meta_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	describe_fields(b, "meta.", &vocab_meta);
}

const struct session_family session_meta_family = {
    .prefix = "meta.",
    .init = meta_init,
    .free = meta_free,
    .resolve = meta_resolve,
    .set = meta_set,
    .get = meta_get,
    .each = meta_each,
    .describe = meta_describe,
};

/* ---- participant.N.KEY ---- */

static char **
participant_slot(const struct session *s, size_t index, const struct vocab_field *f)
{
	return slot_of(&s->participants[index], participant_slots,
	               COUNT(participant_slots), f->key);
}

static void
participant_free(struct session *s)
{
	for (size_t i = 0; i < s->participant_count; i++)
		for (size_t k = 0; k < COUNT(participant_slots); k++)
			free(*slot_of(&s->participants[i], participant_slots,
			              COUNT(participant_slots),
			              participant_slots[k].key));
	free(s->participants);
	s->participants = NULL;
	s->participant_count = 0;
}

static int
participant_resolve(const struct session *s, const char *key, struct session_key *k,
                    char **why)
{
	const char *rest = key + strlen("participant."), *dot = strchr(rest, '.');
	size_t n = session_parse_index(rest, dot ? (size_t)(dot - rest) : strlen(rest),
	                               SESSION_PARTICIPANT_MAX);

	if (n == 0) {
		*why = xasprintf("„%s“: die Nummer muss zwischen 1 und %d liegen", key,
		                 SESSION_PARTICIPANT_MAX);
		return -1;
	}
	k->index = n - 1;
	k->field = dot != NULL ? vocab_field(&vocab_participant, dot + 1) : NULL;
	if (k->field == NULL) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	return 0;
}

/* Drop participants at the end of the list that have no field set. */
static void
participants_trim(struct session *s)
{
	while (s->participant_count > 0) {
		size_t last = s->participant_count - 1, k;
		for (k = 0; k < vocab_participant.count; k++)
			if (*participant_slot(s, last, &vocab_participant.fields[k]) !=
			    NULL)
				break;
		if (k < vocab_participant.count)
			break;
		s->participant_count--;
	}
	if (s->participant_count == 0) {
		free(s->participants);
		s->participants = NULL;
	}
}

static int
participant_set(struct session *s, const char *key, const struct session_key *k,
                const char *value, int loading, char **why)
{
	char *stored = NULL;

	(void)loading;
	if (value != NULL &&
	    session_field_value(s, key, k->field, value, &stored, why) != 0)
		return -1;
	if (value == NULL && k->index >= s->participant_count)
		return 0;
	if (k->index >= s->participant_count) {
		s->participants =
		    xreallocarray(s->participants, k->index + 1, sizeof *s->participants);
		memset(s->participants + s->participant_count, 0,
		       (k->index + 1 - s->participant_count) * sizeof *s->participants);
		s->participant_count = k->index + 1;
	}
	free(*participant_slot(s, k->index, k->field));
	*participant_slot(s, k->index, k->field) = stored;
	participants_trim(s);
	return 0;
}

static char *
participant_get(const struct session *s, const struct session_key *k)
{
	if (k->index >= s->participant_count)
		return NULL;
	return xstrdup(*participant_slot(s, k->index, k->field));
}

static void
participant_each(const struct session *s, session_record_fn fn, void *ctx)
{
	char key[96];

	for (size_t i = 0; i < s->participant_count; i++)
		for (size_t k = 0; k < vocab_participant.count; k++) {
			const struct vocab_field *f = &vocab_participant.fields[k];
			snprintf(key, sizeof key, "participant.%zu.%s", i + 1, f->key);
			session_emit(fn, ctx, key, *participant_slot(s, i, f));
		}
}

static void
participant_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	describe_fields(b, "participant.N.", &vocab_participant);
	buf_printf(b, " (N = 1…%d)", SESSION_PARTICIPANT_MAX);
}

const struct session_family session_participant_family = {
    .prefix = "participant.",
    .free = participant_free,
    .resolve = participant_resolve,
    .set = participant_set,
    .get = participant_get,
    .each = participant_each,
    .describe = participant_describe,
};
