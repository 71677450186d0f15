/*
 * session_town.c: the record family of the town's statements, town.*
 * (model/town.h): the town's answer per question in the `set` syntax of
 * its kind (validated by answer_parse, as `set` validates the auditor's),
 * the fields of vocab_town_item beside it, the master data fields of
 * vocab_meta flagged VOCAB_TOWN, participants, proposed goals (vocab_goal),
 * the report on previous goals (vocab_town_prevgoal) and the import record
 * (vocab_town_import). The layer is separate from the auditor's records:
 * nothing here touches them. Also town_clear, which empties parts of the
 * layer through session_change. Model code: never prints, never exits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session_family.h"
#include "model/town.h"

/* Whether f is a row of table t. */
static int
in_table(const struct vocab_table *t, const struct vocab_field *f)
{
	return f != NULL && f >= t->fields && f < t->fields + t->count;
}

/* The slot of field f (a row of t) in the array base of entry index. */
static char **
slot(char **base, const struct vocab_table *t, size_t index, const struct vocab_field *f)
{
	return &base[index * t->count + (size_t)(f - t->fields)];
}

/* Free n text slots and the array. */
static void
texts_free(char **texts, size_t n)
{
	for (size_t i = 0; texts != NULL && i < n; i++)
		free(texts[i]);
	free(texts);
}

static void
town_init(struct session *s)
{
	size_t goals = session_goal_count(s);
	struct session_town *t = xcalloc(1, sizeof *t);

	t->items = xcalloc(s->form->question_count + 1, sizeof *t->items);
	t->meta = xcalloc(vocab_meta.count, sizeof *t->meta);
	t->goals = xcalloc(goals * vocab_goal.count + 1, sizeof *t->goals);
	t->prevgoals =
	    xcalloc(goals * vocab_town_prevgoal.count + 1, sizeof *t->prevgoals);
	t->import = xcalloc(vocab_town_import.count, sizeof *t->import);
	s->town = t;
}

static void
town_free(struct session *s)
{
	struct session_town *t = s->town;
	size_t goals = session_goal_count(s);

	if (t == NULL)
		return;
	for (size_t i = 0; i < s->form->question_count; i++) {
		answer_clear(&t->items[i].answer);
		free(t->items[i].text);
		free(t->items[i].evidence);
	}
	free(t->items);
	texts_free(t->meta, vocab_meta.count);
	texts_free(t->participants, t->participant_count * vocab_participant.count);
	texts_free(t->goals, goals * vocab_goal.count);
	texts_free(t->prevgoals, goals * vocab_town_prevgoal.count);
	texts_free(t->import, vocab_town_import.count);
	free(t);
	s->town = NULL;
}

/* "N.FIELD" of a numbered entry (at most max) with a field of table. */
static int
numbered_key(const struct session *s, const char *key, const char *rest, size_t max,
             const struct vocab_table *table, struct session_key *k, char **why)
{
	const char *dot = strchr(rest, '.');
	size_t n =
	    session_parse_index(rest, dot ? (size_t)(dot - rest) : strlen(rest), max);

	if (n == 0) {
		*why = xasprintf("„%s“: die Nummer muss zwischen 1 und %zu liegen", key,
		                 max);
		return -1;
	}
	k->index = n - 1;
	k->field = dot != NULL ? vocab_field(table, dot + 1) : NULL;
	if (k->field == NULL) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	return 0;
}

/* "QUESTION" or "QUESTION:FIELD". */
static int
question_key(const struct session *s, const char *key, const char *rest,
             struct session_key *k, char **why)
{
	const char *colon = strchr(rest, ':');
	char *qid =
	    colon != NULL ? xstrndup(rest, (size_t)(colon - rest)) : xstrdup(rest);
	int qi = form_find_question(s->form, qid);

	free(qid);
	if (qi < 0) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	k->index = (size_t)qi;
	if (colon == NULL)
		return 0; /* the town's answer */
	k->field = vocab_field(&vocab_town_item, colon + 1);
	if (k->field == NULL) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	return 0;
}

static int
town_resolve(const struct session *s, const char *key, struct session_key *k, char **why)
{
	const char *rest = key + strlen(TOWN_PREFIX);
	const struct vocab_field *f;

	if ((f = vocab_field(&vocab_town_import, rest)) != NULL) {
		k->field = f;
		return 0;
	}
	if (strncmp(rest, "meta.", 5) == 0) {
		f = vocab_field(&vocab_meta, rest + 5);
		if (f == NULL || !(f->flags & VOCAB_TOWN)) {
			*why = session_unknown_key(s, key);
			return -1;
		}
		k->field = f;
		return 0;
	}
	if (strncmp(rest, "participant.", 12) == 0)
		return numbered_key(s, key, rest + 12, SESSION_PARTICIPANT_MAX,
		                    &vocab_participant, k, why);
	if (strncmp(rest, "goal.", 5) == 0)
		return numbered_key(s, key, rest + 5, session_goal_count(s), &vocab_goal,
		                    k, why);
	if (strncmp(rest, "prevgoal.", 9) == 0)
		return numbered_key(s, key, rest + 9, session_goal_count(s),
		                    &vocab_town_prevgoal, k, why);
	return question_key(s, key, rest, k, why);
}

/* Drop participants at the end of the list that have no field set. */
static void
participants_trim(struct session_town *t)
{
	while (t->participant_count > 0) {
		char **last = &t->participants[(t->participant_count - 1) *
		                               vocab_participant.count];
		size_t k;
		for (k = 0; k < vocab_participant.count && last[k] == NULL; k++)
			;
		if (k < vocab_participant.count)
			break;
		t->participant_count--;
	}
	if (t->participant_count == 0) {
		free(t->participants);
		t->participants = NULL;
	}
}

/* The text slot k names, growing the participant list for a new one (only
 * when value is set). NULL for the town's answer, and for a participant
 * beyond the list that is being cleared. */
static char **
text_slot(struct session *s, const struct session_key *k, int grow)
{
	struct session_town *t = s->town;
	const struct vocab_field *f = k->field;

	if (in_table(&vocab_town_import, f))
		return slot(t->import, &vocab_town_import, 0, f);
	if (in_table(&vocab_meta, f))
		return slot(t->meta, &vocab_meta, 0, f);
	if (in_table(&vocab_goal, f))
		return slot(t->goals, &vocab_goal, k->index, f);
	if (in_table(&vocab_town_prevgoal, f))
		return slot(t->prevgoals, &vocab_town_prevgoal, k->index, f);
	if (in_table(&vocab_town_item, f))
		return strcmp(f->key, "text") == 0 ? &t->items[k->index].text
		                                   : &t->items[k->index].evidence;
	if (in_table(&vocab_participant, f)) {
		size_t width = vocab_participant.count;
		if (k->index >= t->participant_count) {
			if (!grow)
				return NULL;
			t->participants =
			    xreallocarray(t->participants, (k->index + 1) * width,
			                  sizeof *t->participants);
			memset(t->participants + t->participant_count * width, 0,
			       (k->index + 1 - t->participant_count) * width *
			           sizeof *t->participants);
			t->participant_count = k->index + 1;
		}
		return slot(t->participants, &vocab_participant, k->index, f);
	}
	return NULL;
}

static int
town_set(struct session *s, const char *key, const struct session_key *k,
         const char *value, int loading, char **why)
{
	char *stored = NULL, **where;

	(void)loading;
	if (k->field == NULL) {
		/* the town's answer: validated exactly as the auditor's */
		const struct form_question *q = &s->form->questions[k->index];
		struct answer parsed = {0};
		char *reason = NULL;
		if (value != NULL && answer_parse(q, value, &parsed, &reason) != 0) {
			*why = xasprintf("„%s“: %s", key,
			                 reason != NULL ? reason : "ungültiger Wert");
			free(reason);
			return -1;
		}
		answer_clear(&s->town->items[k->index].answer);
		if (value != NULL)
			s->town->items[k->index].answer = parsed;
		return 0;
	}
	if (value != NULL &&
	    session_field_value(s, key, k->field, value, &stored, why) != 0)
		return -1;
	where = text_slot(s, k, stored != NULL);
	if (where == NULL)
		return 0; /* clearing a participant that does not exist */
	free(*where);
	*where = stored;
	if (in_table(&vocab_participant, k->field))
		participants_trim(s->town);
	return 0;
}

static char *
town_get(const struct session *s, const struct session_key *k)
{
	char **where;

	if (k->field == NULL)
		return answer_format(&s->form->questions[k->index],
		                     &s->town->items[k->index].answer);
	where = text_slot((struct session *)s, k, 0);
	return where != NULL ? xstrdup(*where) : NULL;
}

/* Emit the fields of t at entry index as PREFIX.FIELD. */
static void
emit_fields(char **base, const struct vocab_table *t, size_t index, const char *prefix,
            session_record_fn fn, void *ctx)
{
	char key[160];

	for (size_t i = 0; i < t->count; i++) {
		snprintf(key, sizeof key, "%s%s", prefix, t->fields[i].key);
		session_emit(fn, ctx, key, base[index * t->count + i]);
	}
}

static void
town_each(const struct session *s, session_record_fn fn, void *ctx)
{
	const struct session_town *t = s->town;
	const struct form *f = s->form;
	char prefix[320];

	emit_fields(t->import, &vocab_town_import, 0, TOWN_PREFIX, fn, ctx);
	emit_fields(t->meta, &vocab_meta, 0, TOWN_PREFIX "meta.", fn, ctx);
	for (size_t i = 0; i < t->participant_count; i++) {
		snprintf(prefix, sizeof prefix, TOWN_PREFIX "participant.%zu.", i + 1);
		emit_fields(t->participants, &vocab_participant, i, prefix, fn, ctx);
	}
	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct town_item *it = &t->items[qi];
		char *answer = answer_format(&f->questions[qi], &it->answer);
		snprintf(prefix, sizeof prefix, TOWN_PREFIX "%s",
		         f->questions[qi].full_id);
		session_emit(fn, ctx, prefix, answer);
		free(answer);
		for (size_t k = 0; k < vocab_town_item.count; k++) {
			const char *v = strcmp(vocab_town_item.fields[k].key, "text") == 0
			                    ? it->text
			                    : it->evidence;
			char key[400];
			snprintf(key, sizeof key, "%s:%s", prefix,
			         vocab_town_item.fields[k].key);
			session_emit(fn, ctx, key, v);
		}
	}
	for (size_t g = 0; g < session_goal_count(s); g++) {
		snprintf(prefix, sizeof prefix, TOWN_PREFIX "goal.%zu.", g + 1);
		emit_fields(t->goals, &vocab_goal, g, prefix, fn, ctx);
	}
	for (size_t g = 0; g < session_goal_count(s); g++) {
		snprintf(prefix, sizeof prefix, TOWN_PREFIX "prevgoal.%zu.", g + 1);
		emit_fields(t->prevgoals, &vocab_town_prevgoal, g, prefix, fn, ctx);
	}
}

/* Append "PREFIX.a|b|c" for the fields of t (those with flag when nonzero). */
static void
describe_fields(struct buf *b, const char *prefix, const struct vocab_table *t,
                unsigned flag)
{
	int first = 1;

	buf_adds(b, prefix);
	for (size_t i = 0; i < t->count; i++) {
		if (flag != 0 && !(t->fields[i].flags & flag))
			continue;
		buf_printf(b, "%s%s", first ? "" : "|", t->fields[i].key);
		first = 0;
	}
}

static void
town_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	buf_adds(b, "town.FRAGE, ");
	describe_fields(b, "town.FRAGE:", &vocab_town_item, 0);
	buf_adds(b, ", ");
	describe_fields(b, "town.meta.", &vocab_meta, VOCAB_TOWN);
	buf_adds(b, ", ");
	describe_fields(b, "town.participant.N.", &vocab_participant, 0);
	buf_adds(b, ", ");
	describe_fields(b, "town.goal.N.", &vocab_goal, 0);
	buf_adds(b, ", ");
	describe_fields(b, "town.prevgoal.N.", &vocab_town_prevgoal, 0);
	buf_adds(b, ", ");
	describe_fields(b, "town.", &vocab_town_import, 0);
}

const struct session_family session_town_family = {
    .prefix = TOWN_PREFIX,
    .init = town_init,
    .free = town_free,
    .resolve = town_resolve,
    .set = town_set,
    .get = town_get,
    .each = town_each,
    .describe = town_describe,
};

/* ---- town_clear ---- */

/* The part (enum town_part) a town.* key belongs to. */
static unsigned
part_of(const char *key)
{
	const char *rest = key + strlen(TOWN_PREFIX);

	if (vocab_find(&vocab_town_import, rest) >= 0)
		return TOWN_PART_IMPORT;
	if (strncmp(rest, "meta.", 5) == 0 || strncmp(rest, "participant.", 12) == 0)
		return TOWN_PART_MASTER;
	if (strncmp(rest, "goal.", 5) == 0 || strncmp(rest, "prevgoal.", 9) == 0)
		return TOWN_PART_GOALS;
	return TOWN_PART_QUESTIONS;
}

struct clear_list {
	unsigned parts;
	struct session_pairs keys;
};

/* Record callback: collect the keys of the parts to clear. */
static void
collect_key(void *ctx, const char *key, const char *value, size_t value_len)
{
	struct clear_list *l = ctx;

	(void)value;
	(void)value_len;
	if (l->parts & part_of(key))
		session_pairs_add(&l->keys, key, "");
}

int
town_clear(struct session *s, unsigned parts, char **why)
{
	struct clear_list l = {parts, {0}};
	int rc = 0;

	town_each(s, collect_key, &l);
	/* participants from the end, so the list never has to be trimmed
	 * around a hole */
	for (size_t i = l.keys.count; rc == 0 && i > 0; i--)
		rc = session_change(s, l.keys.items[i - 1].key, NULL, why);
	session_pairs_clear(&l.keys);
	return rc;
}
