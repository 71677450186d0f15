/*
 * session_phase.c: the record family of the audit's phase (session_family.h),
 * session.phase with the values of vocab_phase (history.h): Gespräch,
 * Auswertung, Abgeschlossen. A session without the record is in the
 * Gespräch, so sessions and dumps made before phases existed load
 * unchanged and dump as they were. Also what the phase decides: whether
 * screens hide points. Model code: never prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/history.h"
#include "model/session_family.h"

#define PHASE_KEY "session.phase"

enum session_phase
session_phase(const struct session *s)
{
	return s != NULL && s->log != NULL ? s->log->phase : PHASE_TALK;
}

int
session_points_hidden(const struct session *s)
{
	return s != NULL && s->form->discreet && session_phase(s) == PHASE_TALK;
}

static int
phase_resolve(const struct session *s, const char *key, struct session_key *k, char **why)
{
	if (strcmp(key, PHASE_KEY) != 0) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	k->field = vocab_field(&vocab_session, "phase");
	return 0;
}

static int
phase_set(struct session *s, const char *key, const struct session_key *k,
          const char *value, int loading, char **why)
{
	char *stored = NULL;

	(void)loading;
	if (value != NULL &&
	    session_field_value(s, key, k->field, value, &stored, why) != 0)
		return -1;
	/* cleared: the Gespräch, where every audit starts */
	s->log->phase = stored != NULL
	                    ? (enum session_phase)vocab_value_find(&vocab_phase, stored)
	                    : PHASE_TALK;
	free(stored);
	return 0;
}

/* The phase is always set: unset reads as the Gespräch. */
static char *
phase_get(const struct session *s, const struct session_key *k)
{
	(void)k;
	return xstrdup(vocab_phase.items[session_phase(s)].value);
}

/* Only a phase after the Gespräch is a record. */
static void
phase_each(const struct session *s, session_record_fn fn, void *ctx)
{
	if (session_phase(s) != PHASE_TALK)
		session_emit(fn, ctx, PHASE_KEY,
		             vocab_phase.items[session_phase(s)].value);
}

static void
phase_describe(const struct session *s, const char *key, struct buf *b)
{
	char *values = vocab_values_join(&vocab_phase, "|");

	(void)s;
	(void)key;
	buf_printf(b, "%s (%s)", PHASE_KEY, values);
	free(values);
}

const struct session_family session_phase_family = {
    .prefix = PHASE_KEY,
    .resolve = phase_resolve,
    .set = phase_set,
    .get = phase_get,
    .each = phase_each,
    .describe = phase_describe,
};
