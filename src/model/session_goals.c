/*
 * session_goals.c: two record families of the session (session_family.h):
 * the Entwicklungsziele of this audit, goal.N.KEY, and those of the
 * previous audit, prevgoal.N.KEY with their status prevgoal.N, all with the
 * fields of vocab_goal. A previous goal exists while it has its Ziel: a
 * status is refused for one that does not, and clearing the Ziel clears the
 * status (a stored session is read back as it was). Model code: never
 * prints, never exits.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session_family.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Where the fields of vocab_goal are kept in struct session_goal. */
static const struct {
	const char *key;
	size_t offset;
} goal_slots[] = {
    {"ziel", offsetof(struct session_goal, goal)},
    {"massnahmen", offsetof(struct session_goal, measures)},
    {"messgroesse", offsetof(struct session_goal, indicator)},
    {"frist", offsetof(struct session_goal, deadline)},
    {"verantwortlich", offsetof(struct session_goal, responsible)},
    {"fragen", offsetof(struct session_goal, questions)},
};

/* The slot of field key of goal g, or NULL. */
static char **
goal_slot(const struct session_goal *g, const char *key)
{
	for (size_t i = 0; i < COUNT(goal_slots); i++)
		if (strcmp(goal_slots[i].key, key) == 0)
			return (char **)((char *)g + goal_slots[i].offset);
	return NULL;
}

/* Free the fields of count goals and the array. */
static void
goals_free(struct session_goal *goals, size_t count)
{
	for (size_t i = 0; goals != NULL && i < count; i++)
		for (size_t k = 0; k < COUNT(goal_slots); k++)
			free(*goal_slot(&goals[i], goal_slots[k].key));
	free(goals);
}

/*
 * Resolve "PREFIX.N.FIELD" (and, with status, "PREFIX.N") of the goals.
 * k->field is NULL for the status.
 */
static int
goal_key(const struct session *s, const char *key, size_t prefix_len, int status,
         struct session_key *k, char **why)
{
	const char *rest = key + prefix_len, *dot = strchr(rest, '.');
	size_t goals = session_goal_count(s);
	size_t n =
	    session_parse_index(rest, dot ? (size_t)(dot - rest) : strlen(rest), goals);

	if (n == 0) {
		*why = xasprintf("„%s“: die Nummer muss zwischen 1 und %zu liegen", key,
		                 goals);
		return -1;
	}
	k->index = n - 1;
	if (dot == NULL && status)
		return 0;
	k->field = dot != NULL ? vocab_field(&vocab_goal, dot + 1) : NULL;
	if (k->field == NULL || goal_slot(&s->goals[0], k->field->key) == NULL) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	return 0;
}

/* Validate and set field f of goal g (value NULL: clear). */
static int
goal_field_set(const struct session *s, const char *key, struct session_goal *g,
               const struct vocab_field *f, const char *value, char **why)
{
	char *stored = NULL;

	if (value != NULL && session_field_value(s, key, f, value, &stored, why) != 0)
		return -1;
	free(*goal_slot(g, f->key));
	*goal_slot(g, f->key) = stored;
	return 0;
}

/* Emit the fields of goal g as PREFIX<n>.FIELD. */
static void
goal_emit(const struct session_goal *g, const char *prefix, size_t n,
          session_record_fn fn, void *ctx)
{
	char key[96];

	for (size_t k = 0; k < vocab_goal.count; k++) {
		const char *field = vocab_goal.fields[k].key;
		snprintf(key, sizeof key, "%s%zu.%s", prefix, n, field);
		session_emit(fn, ctx, key, *goal_slot(g, field));
	}
}

/* Append "a|b|c", the fields of vocab_goal. */
static void
describe_goal_fields(struct buf *b)
{
	for (size_t i = 0; i < vocab_goal.count; i++)
		buf_printf(b, "%s%s", i ? "|" : "", vocab_goal.fields[i].key);
}

/* ---- goal.N.KEY ---- */

static void
goal_init(struct session *s)
{
	s->goals = xcalloc(session_goal_count(s) + 1, sizeof *s->goals);
}

static void
goal_free(struct session *s)
{
	goals_free(s->goals, session_goal_count(s));
	s->goals = NULL;
}

static int
goal_resolve(const struct session *s, const char *key, struct session_key *k, char **why)
{
	return goal_key(s, key, strlen("goal."), 0, k, why);
}

static int
goal_set(struct session *s, const char *key, const struct session_key *k,
         const char *value, int loading, char **why)
{
	(void)loading;
	return goal_field_set(s, key, &s->goals[k->index], k->field, value, why);
}

static char *
goal_get(const struct session *s, const struct session_key *k)
{
	return xstrdup(*goal_slot(&s->goals[k->index], k->field->key));
}

static void
goal_each(const struct session *s, session_record_fn fn, void *ctx)
{
	for (size_t i = 0; i < session_goal_count(s); i++)
		goal_emit(&s->goals[i], "goal.", i + 1, fn, ctx);
}

static void
goal_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	buf_adds(b, "goal.N.");
	describe_goal_fields(b);
}

const struct session_family session_goal_family = {
    .prefix = "goal.",
    .init = goal_init,
    .free = goal_free,
    .resolve = goal_resolve,
    .set = goal_set,
    .get = goal_get,
    .each = goal_each,
    .describe = goal_describe,
};

/* ---- prevgoal.N and prevgoal.N.KEY ---- */

/* Whether previous goal index (0-based) exists: it has its Ziel text. */
static int
previous_goal_exists(const struct session *s, size_t index)
{
	const char *z = s->previous_goals[index].goal;
	return z != NULL && z[0] != '\0';
}

static void
prevgoal_init(struct session *s)
{
	size_t goals = session_goal_count(s);

	s->previous_goals = xcalloc(goals + 1, sizeof *s->previous_goals);
	s->previous_status = xcalloc(goals + 1, sizeof *s->previous_status);
}

static void
prevgoal_free(struct session *s)
{
	goals_free(s->previous_goals, session_goal_count(s));
	free(s->previous_status);
	s->previous_goals = NULL;
	s->previous_status = NULL;
}

static int
prevgoal_resolve(const struct session *s, const char *key, struct session_key *k,
                 char **why)
{
	return goal_key(s, key, strlen("prevgoal."), 1, k, why);
}

/* The status prevgoal.N: one of vocab_goal_status, only for a goal that
 * exists (unless a stored session is read back). */
static int
status_set(struct session *s, const char *key, size_t index, const char *value,
           int loading, char **why)
{
	int v = value != NULL ? vocab_value_find(&vocab_goal_status, value) : -1;

	if (value != NULL && v < 0) {
		char *allowed = vocab_values_join(&vocab_goal_status, ", ");
		*why = xasprintf("„%s“: „%s“ ist %s; erlaubt: %s", key, value,
		                 vocab_goal_status.none, allowed);
		free(allowed);
		return -1;
	}
	if (value != NULL && !loading && !previous_goal_exists(s, index)) {
		*why = xasprintf("„%s“: Ziel %zu des vorherigen Audits gibt es in dieser "
		                 "Sitzung nicht; nur übernommene Ziele können "
		                 "Sonderpunkte bringen (vorheriges Audit verknüpfen: "
		                 "new --vorher, im Programm F8)",
		                 key, index + 1);
		return -1;
	}
	s->previous_status[index] = v >= 0 ? (enum goal_status)(v + 1) : GOAL_OPEN;
	return 0;
}

static int
prevgoal_set(struct session *s, const char *key, const struct session_key *k,
             const char *value, int loading, char **why)
{
	struct session_goal *g = &s->previous_goals[k->index];

	if (k->field == NULL)
		return status_set(s, key, k->index, value, loading, why);
	if (goal_field_set(s, key, g, k->field, value, why) != 0)
		return -1;
	/* a previous goal without its Ziel no longer exists: nor does its status */
	if (goal_slot(g, k->field->key) == &g->goal && !loading &&
	    !previous_goal_exists(s, k->index))
		s->previous_status[k->index] = GOAL_OPEN;
	return 0;
}

static char *
prevgoal_get(const struct session *s, const struct session_key *k)
{
	if (k->field != NULL)
		return xstrdup(*goal_slot(&s->previous_goals[k->index], k->field->key));
	if (s->previous_status[k->index] == GOAL_OPEN)
		return NULL;
	return xstrdup(session_goal_status_name(s->previous_status[k->index]));
}

static void
prevgoal_each(const struct session *s, session_record_fn fn, void *ctx)
{
	char key[64];

	for (size_t i = 0; i < session_goal_count(s); i++) {
		snprintf(key, sizeof key, "prevgoal.%zu", i + 1);
		if (s->previous_status[i] != GOAL_OPEN)
			session_emit(fn, ctx, key,
			             session_goal_status_name(s->previous_status[i]));
		goal_emit(&s->previous_goals[i], "prevgoal.", i + 1, fn, ctx);
	}
}

/* A status needs its goal's Ziel: loaded in the second pass. */
static int
prevgoal_late(const char *key)
{
	return strncmp(key, "prevgoal.", 9) == 0 && strchr(key + 9, '.') == NULL;
}

static void
prevgoal_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)key;
	buf_adds(b, "prevgoal.N, prevgoal.N.");
	describe_goal_fields(b);
	buf_printf(b, " (N = 1…%zu)", session_goal_count(s));
}

/* Clearing a previous goal's Ziel clears its status. */
static void
prevgoal_linked(const struct session *s, const struct session_key *k,
                void (*fn)(void *ctx, const char *key), void *ctx)
{
	char key[64];

	if (k->field == NULL || goal_slot(&s->previous_goals[k->index], k->field->key) !=
	                            &s->previous_goals[k->index].goal)
		return;
	snprintf(key, sizeof key, "prevgoal.%zu", k->index + 1);
	fn(ctx, key);
}

const struct session_family session_prevgoal_family = {
    .prefix = "prevgoal.",
    .init = prevgoal_init,
    .free = prevgoal_free,
    .resolve = prevgoal_resolve,
    .set = prevgoal_set,
    .get = prevgoal_get,
    .each = prevgoal_each,
    .late = prevgoal_late,
    .describe = prevgoal_describe,
    .linked = prevgoal_linked,
};
