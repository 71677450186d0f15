/*
 * session_previous.c: the record family previous.* of a session
 * (session_family.h): previous.dump, the read-only copy of the previous
 * audit a re-audit keeps (session.h). The record holds that session's
 * complete dump text, its form embedded; setting or loading it parses the
 * text into s->previous, a session of its own that nobody changes, so its
 * answers, notes and points (score_compute on its own form) are at hand
 * when the old file is gone. One level only: a copy that holds a previous
 * audit of its own is refused, so reading a session never recurses. Model
 * code: never prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/session_family.h"

#define PREVIOUS_KEY "previous.dump"

static void
previous_free(struct session *s)
{
	session_free(s->previous);
	s->previous = NULL;
	free(s->previous_text);
	s->previous_text = NULL;
}

static int
previous_resolve(const struct session *s, const char *key, struct session_key *k,
                 char **why)
{
	(void)k;
	if (strcmp(key, PREVIOUS_KEY) == 0)
		return 0;
	*why = session_unknown_key(s, key);
	return -1;
}

/* Whether dump text holds a record of this family itself (a line that
 * starts with "previous."; values never hold a raw line break). */
static int
holds_previous(const char *text)
{
	const char *prefix = session_previous_family.prefix;
	size_t n = strlen(prefix);
	const char *p = text;

	for (;;) {
		if (strncmp(p, prefix, n) == 0)
			return 1;
		p = strchr(p, '\n');
		if (p == NULL)
			return 0;
		p++;
	}
}

static int
previous_set(struct session *s, const char *key, const struct session_key *k,
             const char *value, int loading, char **why)
{
	struct session *prev;
	char *reason = NULL;

	(void)k;
	(void)loading;
	if (value == NULL) {
		previous_free(s);
		return 0;
	}
	if (holds_previous(value)) {
		*why =
		    xasprintf("„%s“: das vorherige Audit enthält selbst ein vorheriges "
		              "(previous.*); gespeichert wird nur eine Ebene",
		              key);
		return -1;
	}
	prev = session_from_dump(value, strlen(value), &reason);
	if (prev == NULL) {
		*why = xasprintf("„%s“: kein gültiges vorheriges Audit: %s", key,
		                 reason != NULL ? reason : "unbekannter Fehler");
		free(reason);
		return -1;
	}
	previous_free(s);
	s->previous = prev;
	s->previous_text = xstrdup(value);
	return 0;
}

static char *
previous_get(const struct session *s, const struct session_key *k)
{
	(void)k;
	return xstrdup(s->previous_text);
}

static void
previous_each(const struct session *s, session_record_fn fn, void *ctx)
{
	session_emit(fn, ctx, PREVIOUS_KEY, s->previous_text);
}

static void
previous_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	buf_adds(b, PREVIOUS_KEY);
}

const struct session_family session_previous_family = {
    .prefix = "previous.",
    .free = previous_free,
    .resolve = previous_resolve,
    .set = previous_set,
    .get = previous_get,
    .each = previous_each,
    .describe = previous_describe,
    .shortened = 1, /* the history keeps the start of a new copy: it is here */
};
