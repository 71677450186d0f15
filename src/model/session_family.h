/*
 * session_family.h: the record families of a session, one row each in the
 * table in session.c. A family owns the keys that start with its prefix
 * (meta.*, participant.N.*, the answers and QUESTION:KEY records, goal.N.*,
 * prevgoal.N*, session.cursor): it resolves them, validates and sets a value,
 * gives it back, lists its records for dumps and snapshots in a fixed order
 * and frees what it holds. session.c dispatches every key through the
 * table, so a new kind of record (the town's statements, the previous
 * audit, the change history, the phase) is one file and one row.
 * session_change (session.c) hands every change to the change history
 * (session_history.c), which asks the family for the records it links.
 * Private to the session files (session.c, session_*.c).
 */
#ifndef SESSION_FAMILY_H
#define SESSION_FAMILY_H

#include <stddef.h>

#include "lib/util.h"
#include "model/session.h"
#include "model/session_private.h"
#include "model/vocab.h"

struct session_family;

/* A key resolved to what it names. */
struct session_key {
	const struct session_family *family;
	size_t index; /* the question, participant or goal (0-based), else 0 */
	const struct vocab_field *field; /* the field of the family's vocab table, or
	                                    NULL for its own value (an answer, a
	                                    previous goal's status, the cursor) */
};

struct session_family {
	/* The keys it owns start with prefix ("meta."); NULL for the family
	 * asked last, for every key no prefix claims (question ids). */
	const char *prefix;
	/* Set up and free what the family keeps in struct session. NULL: nothing. */
	void (*init)(struct session *s);
	void (*free)(struct session *s);
	/* Resolve key into *k (family set by the caller). 0, or -1 with *why
	 * (session_unknown_key for a key it does not know). */
	int (*resolve)(const struct session *s, const char *key, struct session_key *k,
	               char **why);
	/* Validate value (NULL: clear) for k, then set it; on -1 (*why) nothing
	 * has changed. value is valid UTF-8 of a sane length. loading: the
	 * record comes from a stored session (session_from_records), not from a
	 * person. */
	int (*set)(struct session *s, const char *key, const struct session_key *k,
	           const char *value, int loading, char **why);
	/* The canonical value of k, or NULL when unset. Caller frees. */
	char *(*get)(const struct session *s, const struct session_key *k);
	/* Every record that has a value, in dump order. */
	void (*each)(const struct session *s, session_record_fn fn, void *ctx);
	/* Whether a stored record of key needs others applied first (applied in
	 * the second loading pass). NULL: never. */
	int (*late)(const char *key);
	/* Append its keys for the "unknown key" message ("meta.kommune|…"). key
	 * is the refused key, for a family that names its near misses. */
	void (*describe)(const struct session *s, const char *key, struct buf *b);
	/* The other records a change of k may alter besides k itself (a due
	 * date cleared with its evidence), so that the change history records
	 * them too: fn(ctx, key) for each. NULL: none. */
	void (*linked)(const struct session *s, const struct session_key *k,
	               void (*fn)(void *ctx, const char *key), void *ctx);
	/* Changes of its records are not part of the change history (the
	 * position to resume at). */
	int unrecorded;
	/* The change history keeps only the start of a new value
	 * (history_value_text) of its records, which are large and hold the
	 * whole value themselves until the next change records it as the old
	 * value (the copy of a previous audit). An undo needs old values only. */
	int shortened;
};

/* The table, in dump order (session.c). */
extern const struct session_family *const session_families[];
extern const size_t session_family_count;

extern const struct session_family session_meta_family;        /* session_meta.c */
extern const struct session_family session_participant_family; /* session_meta.c */
extern const struct session_family session_question_family;    /* session_items.c */
extern const struct session_family session_goal_family;        /* session_goals.c */
extern const struct session_family session_prevgoal_family;    /* session_goals.c */
extern const struct session_family session_cursor_family;      /* session.c */
extern const struct session_family session_phase_family;       /* session_phase.c */
extern const struct session_family session_history_family;     /* session_history.c */
extern const struct session_family session_town_family;        /* session_town.c */
extern const struct session_family session_previous_family;    /* session_previous.c */

/* Most participants a session may list. */
#define SESSION_PARTICIPANT_MAX 99

/* The "unknown key" message that lists every family's keys. Caller frees. */
char *session_unknown_key(const struct session *s, const char *key);

/* A 1-based index "N" (no sign, no leading zero) of at most max in len
 * bytes at p; 0 when it is none. */
size_t session_parse_index(const char *p, size_t len, size_t max);

/*
 * session_field_value: validate value for field f of vocab (the key key,
 * for messages) and give the form it is stored in: a date as YYYY-MM-DD, a
 * choice as it is, question lists as ids in form order (NULL when they name
 * none), text as it is. 0 with *stored (caller frees), or -1 with *why.
 */
int session_field_value(const struct session *s, const char *key,
                        const struct vocab_field *f, const char *value, char **stored,
                        char **why);

/* Call fn with key and value when value is not NULL. */
void session_emit(session_record_fn fn, void *ctx, const char *key, const char *value);

/* The number of goals of s's form (0 when it has none). */
size_t session_goal_count(const struct session *s);

#endif
