/*
 * session_history.c: the change history of a session (history.h): the work
 * of session_change (validate, set, record in one step), undo, the reason
 * after Abgeschlossen, and the record family session.history.N that carries
 * the entries in snapshots and dumps (session_family.h). An entry is kept
 * with its stored form, so saving a long history costs a copy, not a
 * rebuild. Model code: never prints, never exits.
 *
 * A stored entry is one value of tab-separated fields:
 *   TIME PHASE WHO CHANGE UNDOES KEY OLD NEW REASON
 * TIME is UTC (YYYY-MM-DDTHH:MM:SSZ), PHASE a value of vocab_phase, CHANGE
 * and UNDOES decimal (UNDOES 0: not an undo), OLD and NEW empty when unset
 * and "=" + the value otherwise (NEW "~" + its start when shortened, see
 * struct history_entry), REASON empty for none. Inside a field a
 * backslash, tab, newline and carriage return are written \\ \t \n \r.
 */
#include "config.h"

#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "lib/util.h"
#include "model/history.h"
#include "model/session_family.h"

#define HISTORY_PREFIX "session.history."
#define FIELD_COUNT 9
/* Most records one change may touch (the record and those it links). */
#define LINKED_MAX 16

size_t
history_count(const struct session *s)
{
	return s != NULL && s->log != NULL ? s->log->count : 0;
}

const struct history_entry *
history_entry(const struct session *s, size_t i)
{
	return i < history_count(s) ? &s->log->entries[i] : NULL;
}

void
session_change_reason(struct session *s, const char *reason)
{
	str_replace(&s->log->reason, reason != NULL && reason[0] != '\0' ? reason : NULL);
}

/* ---- the stored form of an entry ---- */

/* Make the record of e (key and value). */
static void
entry_encode(struct history_entry *e, size_t number)
{
	struct buf b = {0};

	buf_printf(&b, "%s\t%s\t", e->time, vocab_phase.items[e->phase].value);
	buf_add_field(&b, e->who);
	buf_printf(&b, "\t%lu\t%lu\t", e->change, e->undoes);
	buf_add_field(&b, e->key);
	buf_addc(&b, '\t');
	if (e->old_value != NULL) {
		buf_addc(&b, '=');
		buf_add_field(&b, e->old_value);
	}
	buf_addc(&b, '\t');
	if (e->new_value != NULL) {
		buf_addc(&b, e->new_shortened ? '~' : '=');
		buf_add_field(&b, e->new_value);
	}
	buf_addc(&b, '\t');
	if (e->reason != NULL)
		buf_add_field(&b, e->reason);
	e->record_len = b.len;
	e->record = buf_steal(&b);
	e->record_key = xasprintf(HISTORY_PREFIX "%zu", number);
}

/* The field at *p (up to a tab or the end) unescaped into *out; *p moves
 * past it and its tab, *tab says whether a tab ended it. 0, or -1 for a bad
 * escape. */
static int
field_take(const char **p, char **out, int *tab)
{
	struct buf b = {0};
	const char *q = *p;

	for (; *q != '\0' && *q != '\t'; q++) {
		if (*q != '\\') {
			buf_addc(&b, *q);
			continue;
		}
		q++;
		if (*q == '\\' || *q == 't' || *q == 'n' || *q == 'r') {
			buf_addc(&b, *q == 't'   ? '\t'
			             : *q == 'n' ? '\n'
			             : *q == 'r' ? '\r'
			                         : '\\');
			continue;
		}
		buf_free(&b);
		return -1;
	}
	buf_adds(&b, "");
	*out = buf_steal(&b);
	*tab = *q == '\t';
	*p = *tab ? q + 1 : q;
	return 0;
}

/* Whether t is a UTC time YYYY-MM-DDTHH:MM:SSZ. */
static int
utc_time_valid(const char *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";

	if (strlen(t) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i])
			return 0;
	return 1;
}

/* Free what e holds. */
static void
entry_clear(struct history_entry *e)
{
	free(e->time);
	free(e->who);
	free(e->key);
	free(e->old_value);
	free(e->new_value);
	free(e->reason);
	free(e->record_key);
	free(e->record);
	memset(e, 0, sizeof *e);
}

/*
 * Parse a stored entry into *e (the value of session.history.number, where
 * the entries before it are loaded). 0, or -1 with *why.
 */
static int
entry_decode(const struct session *s, const char *key, const char *value,
             struct history_entry *e, char **why)
{
	char *f[FIELD_COUNT] = {0};
	const char *p = value, *problem = NULL;
	unsigned long last =
	    s->log->count > 0 ? s->log->entries[s->log->count - 1].change : 0;
	long number;
	int phase, rc = -1, tab = 1;

	memset(e, 0, sizeof *e);
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		if (!tab) {
			problem = "zu wenige Felder";
			goto out;
		}
		if (field_take(&p, &f[i], &tab) != 0) {
			problem = "ungültige Escape-Folge (erlaubt: \\\\ \\t \\n \\r)";
			goto out;
		}
	}
	if (tab) {
		problem = "zu viele Felder";
		goto out;
	}
	if (!utc_time_valid(f[0])) {
		problem = "Zeit nicht in der Form JJJJ-MM-TTTHH:MM:SSZ";
		goto out;
	}
	if ((phase = vocab_value_find(&vocab_phase, f[1])) < 0) {
		problem = "unbekannte Phase";
		goto out;
	}
	if (!parse_integer(f[3], strlen(f[3]), 0, 1, LONG_MAX, &number) ||
	    (unsigned long)number < last || (unsigned long)number > last + 1) {
		problem = "Nummer der Änderung nicht fortlaufend";
		goto out;
	}
	e->change = (unsigned long)number;
	if (!parse_integer(f[4], strlen(f[4]), 0, 0, LONG_MAX, &number) ||
	    (unsigned long)number >= e->change) {
		problem = "rückgängig gemachte Änderung unbekannt";
		goto out;
	}
	e->undoes = (unsigned long)number;
	if (f[5][0] == '\0' || (f[6][0] != '\0' && f[6][0] != '=') ||
	    (f[7][0] != '\0' && f[7][0] != '=' && f[7][0] != '~')) {
		problem = "Schlüssel oder Werte fehlen";
		goto out;
	}
	e->time = f[0];
	e->phase = (enum session_phase)phase;
	e->who = f[2];
	e->key = f[5];
	e->old_value = f[6][0] == '=' ? xstrdup(f[6] + 1) : NULL;
	e->new_value = f[7][0] != '\0' ? xstrdup(f[7] + 1) : NULL;
	e->new_shortened = f[7][0] == '~';
	e->reason = f[8][0] != '\0' ? f[8] : NULL;
	f[0] = f[2] = f[5] = NULL;
	if (e->reason != NULL)
		f[8] = NULL;
	rc = 0;
out:
	for (size_t i = 0; i < FIELD_COUNT; i++)
		free(f[i]);
	if (rc != 0)
		*why = xasprintf("„%s“: %s", key, problem);
	return rc;
}

/* Continue crc over a 4-byte big-endian length. */
static unsigned long
crc_length(unsigned long crc, size_t n)
{
	unsigned char b[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
	                      (unsigned char)(n >> 8), (unsigned char)n};
	return crc32(crc, b, 4);
}

/* Add e's record (entry number n, 0-based) to what a snapshot takes of
 * the history: the checksum feed and the laid-out records. */
static void
feed_add(struct session_log *log, const struct history_entry *e, size_t n)
{
	size_t klen = strlen(e->record_key);

	if (n % 64 == 0)
		log->slots = xreallocarray(log->slots, n + 64, sizeof *log->slots);
	if (cdbmem_lay_out(&log->laid_out, &log->slots[n], e->record_key, klen, e->record,
	                   e->record_len) != 0)
		abort(); /* beyond 4 GiB: SNAPSHOT_MAX refuses far less when loading */

	log->feed_crc = crc_length(log->feed_crc, klen);
	log->feed_crc =
	    crc32_z(log->feed_crc, (const unsigned char *)e->record_key, klen);
	log->feed_crc = crc_length(log->feed_crc, e->record_len);
	log->feed_crc =
	    crc32_z(log->feed_crc, (const unsigned char *)e->record, e->record_len);
	log->feed_len += 8 + klen + e->record_len;
}

/* Append e (taken over) as the next entry and make its record. */
static void
entry_append(struct session_log *log, struct history_entry *e)
{
	if (log->count == log->capacity) {
		log->capacity = log->capacity ? log->capacity * 2 : 64;
		log->entries =
		    xreallocarray(log->entries, log->capacity, sizeof *log->entries);
	}
	if (log->count == 0) {
		log->feed_crc = crc32(0L, Z_NULL, 0);
		log->feed_len = 0;
		log->laid_out.len = 0;
	}
	log->entries[log->count] = *e;
	log->count++;
	entry_encode(&log->entries[log->count - 1], log->count);
	feed_add(log, &log->entries[log->count - 1], log->count - 1);
}

void
session_history_block(const struct session *s, struct session_history_records *out)
{
	size_t n = history_count(s);

	memset(out, 0, sizeof *out);
	if (n == 0)
		return;
	out->first = s->log->entries[0].record;
	out->count = n;
	out->crc = s->log->feed_crc;
	out->feed_len = s->log->feed_len;
	out->laid_out = s->log->laid_out.data;
	out->laid_out_len = s->log->laid_out.len;
	out->slots = s->log->slots;
}

/* ---- recording changes ---- */

/* Who changes s now: the auditor of the master data, else the login name. */
static const char *
who_now(struct session *s)
{
	const struct passwd *pw;
	const char *name;

	if (s->meta.auditor != NULL && s->meta.auditor[0] != '\0')
		return s->meta.auditor;
	if (s->log->login == NULL) {
		pw = getpwuid(geteuid());
		name = pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0'
		           ? pw->pw_name
		           : getenv("LOGNAME");
		s->log->login = xstrdup(name != NULL && name[0] != '\0' ? name : "?");
	}
	return s->log->login;
}

/* The keys one change touches: the record named and those it links. */
struct touched {
	char *keys[LINKED_MAX];
	char *old[LINKED_MAX];
	size_t count;
};

/* linked() callback: add a key once. */
static void
touched_add(void *ctx, const char *key)
{
	struct touched *t = ctx;

	for (size_t i = 0; i < t->count; i++)
		if (strcmp(t->keys[i], key) == 0)
			return;
	if (t->count < LINKED_MAX)
		t->keys[t->count++] = xstrdup(key);
}

static void
touched_free(struct touched *t)
{
	for (size_t i = 0; i < t->count; i++) {
		free(t->keys[i]);
		free(t->old[i]);
	}
	t->count = 0;
}

/* Whether two values (NULL: unset) are the same. */
static int
same_value(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* The reason refused when the audit is closed. */
static char *
reason_missing(const char *key)
{
	return xasprintf("„%s“: das Audit ist abgeschlossen; jede Änderung braucht "
	                 "einen Grund (Kommandozeile: --grund TEXT)",
	                 key);
}

int
session_change_needs_reason(const struct session *s, const char *key)
{
	struct session_key k;
	char *why = NULL;

	if (session_phase(s) != PHASE_CLOSED || s->log->reason != NULL)
		return 0;
	if (key == NULL)
		return 1;
	if (session_resolve(s, key, &k, &why) != 0) {
		free(why);
		return 0; /* refused anyway, with its own reason */
	}
	return !k.family->unrecorded;
}

/* Whether the change history keeps only the start of key's new values. */
static int
family_shortened(const struct session *s, const char *key)
{
	struct session_key k;
	char *why = NULL;

	if (session_resolve(s, key, &k, &why) != 0) {
		free(why);
		return 0;
	}
	return k.family->shortened;
}

/* The current UTC time for an entry. */
static void
utc_now(char out[32])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * Set key to value and record every record the change altered as entries
 * of change number change (undoes: the change it reverts, or 0). 0, or -1
 * with *why (nothing changed, nothing recorded).
 */
static int
change_recorded(struct session *s, const char *key, const char *value,
                unsigned long change, unsigned long undoes, char **why)
{
	struct session_key k;
	struct touched t = {0};
	enum session_phase phase = session_phase(s);
	char *who, stamp[32];

	if (session_resolve(s, key, &k, why) != 0)
		return -1;
	if (k.family->unrecorded)
		return session_record_set(s, key, value, 0, why);
	if (phase == PHASE_CLOSED && s->log->reason == NULL) {
		*why = reason_missing(key);
		return -1;
	}
	touched_add(&t, key);
	if (k.family->linked != NULL)
		k.family->linked(s, &k, touched_add, &t);
	for (size_t i = 0; i < t.count; i++)
		t.old[i] = session_get(s, t.keys[i]);
	who = xstrdup(who_now(s)); /* who made it: the auditor before the change */
	if (session_record_set(s, key, value, 0, why) != 0) {
		free(who);
		touched_free(&t);
		return -1;
	}
	utc_now(stamp);
	for (size_t i = 0; i < t.count; i++) {
		char *now = session_get(s, t.keys[i]);
		struct history_entry e = {0};

		if (same_value(t.old[i], now)) {
			free(now);
			continue;
		}
		e.time = xstrdup(stamp);
		e.phase = phase;
		e.who = xstrdup(who);
		e.change = change;
		e.undoes = undoes;
		e.key = xstrdup(t.keys[i]);
		e.old_value = t.old[i];
		t.old[i] = NULL;
		e.new_value = now;
		if (now != NULL && strlen(now) > HISTORY_VALUE_WHOLE &&
		    family_shortened(s, t.keys[i])) {
			/* the record holds it whole (session_family.h) */
			e.new_value = history_value_text(now);
			e.new_shortened = 1;
			free(now);
		}
		e.reason = xstrdup(s->log->reason);
		entry_append(s->log, &e);
	}
	free(who);
	touched_free(&t);
	return 0;
}

/* The number the next change gets. */
static unsigned long
next_change(const struct session *s)
{
	size_t n = history_count(s);

	return n > 0 ? s->log->entries[n - 1].change + 1 : 1;
}

void
session_change_begin(struct session *s)
{
	s->log->group_depth++;
}

void
session_change_end(struct session *s)
{
	if (s->log->group_depth > 0 && --s->log->group_depth == 0)
		s->log->group_change = 0;
}

int
session_history_change(struct session *s, const char *key, const char *value, char **why)
{
	struct session_log *log = s->log;

	if (log->group_depth == 0)
		return change_recorded(s, key, value, next_change(s), 0, why);
	/* one number for the group; next_change while it has no entry yet */
	if (log->group_change == 0 || log->count == 0 ||
	    log->entries[log->count - 1].change != log->group_change)
		log->group_change = next_change(s);
	return change_recorded(s, key, value, log->group_change, 0, why);
}

/* Drop the entries from index first on. */
static void
entries_truncate(struct session_log *log, size_t first)
{
	if (log->count <= first)
		return;
	while (log->count > first)
		entry_clear(&log->entries[--log->count]);
	/* the checksum feed of what is left, afresh (only an undo that was
	 * refused half-way drops entries) */
	log->feed_crc = crc32(0L, Z_NULL, 0);
	log->feed_len = 0;
	log->laid_out.len = 0;
	for (size_t i = 0; i < log->count; i++)
		feed_add(log, &log->entries[i], i);
}

/* The last change before entry index end that is no undo and not marked in
 * undone (by change number); 0 when none. */
static unsigned long
undo_target(const struct session_log *log, const unsigned char *undone, size_t *first)
{
	for (size_t i = log->count; i-- > 0;) {
		const struct history_entry *e = &log->entries[i];
		if (e->undoes == 0 && !undone[e->change]) {
			*first = i;
			while (*first > 0 && log->entries[*first - 1].change == e->change)
				(*first)--;
			return e->change;
		}
	}
	return 0;
}

/* Revert change target (its entries from index first) as change number
 * change. 0 (possibly nothing recorded when every record holds its old
 * value already), or -1 with *why and nothing changed. */
static int
undo_change(struct session *s, unsigned long target, size_t first, unsigned long change,
            char **why)
{
	struct session_log *log = s->log;
	size_t before = log->count;

	/* in the order they were changed (a due date after its evidence, a
	 * goal's status after its Ziel), each record once, to the value it
	 * had before the change (a group may change a record twice) */
	for (size_t i = first; i < before && log->entries[i].change == target; i++) {
		char *k, *old;
		int rc, seen = 0;

		for (size_t j = first; j < i && !seen; j++)
			seen = strcmp(log->entries[j].key, log->entries[i].key) == 0;
		if (seen)
			continue;
		k = xstrdup(log->entries[i].key);
		old = xstrdup(log->entries[i].old_value);
		rc = change_recorded(s, k, old, change, target, why);
		free(k);
		free(old);
		if (rc == 0)
			continue;
		/* put back what this undo changed already, unrecorded */
		for (size_t j = log->count; j-- > before;) {
			char *ignored = NULL;
			if (session_record_set(s, log->entries[j].key,
			                       log->entries[j].old_value, 0,
			                       &ignored) != 0)
				free(ignored);
		}
		entries_truncate(log, before);
		return -1;
	}
	return 0;
}

int
session_undo(struct session *s, char **key, char **why)
{
	struct session_log *log = s->log;
	unsigned long change = next_change(s), target;
	unsigned char *undone = xcalloc(change + 1, 1);
	size_t first = 0, before = log->count;
	int rc = 0;

	*key = NULL;
	/* the changes reverted already */
	for (size_t i = 0; i < log->count; i++)
		if (log->entries[i].undoes != 0)
			undone[log->entries[i].undoes] = 1;
	while ((target = undo_target(log, undone, &first)) != 0) {
		if (session_phase(s) == PHASE_CLOSED && log->reason == NULL) {
			*why = reason_missing(log->entries[first].key);
			rc = -1;
			break;
		}
		if (undo_change(s, target, first, change, why) != 0) {
			rc = -1;
			break;
		}
		if (log->count > before) {
			*key = xstrdup(log->entries[first].key);
			rc = 1;
			break;
		}
		/* every record holds its old value already: nothing to revert
		 * there, so the change before it is the one to undo */
		undone[target] = 1;
	}
	free(undone);
	return rc;
}

int
history_entry_of_question(const struct session *s, const struct history_entry *e,
                          size_t qi)
{
	const char *id;
	size_t n;

	if (qi >= s->form->question_count)
		return 0;
	id = s->form->questions[qi].full_id;
	n = strlen(id);
	return strncmp(e->key, id, n) == 0 && (e->key[n] == '\0' || e->key[n] == ':');
}

/* ---- the record family session.history.N ---- */

static void
history_init(struct session *s)
{
	s->log = xcalloc(1, sizeof *s->log);
}

static void
history_free(struct session *s)
{
	if (s->log == NULL)
		return;
	entries_truncate(s->log, 0);
	free(s->log->entries);
	buf_free(&s->log->laid_out);
	free(s->log->slots);
	free(s->log->reason);
	free(s->log->login);
	free(s->log);
	s->log = NULL;
}

static int
history_resolve(const struct session *s, const char *key, struct session_key *k,
                char **why)
{
	const char *n = key + strlen(HISTORY_PREFIX);

	if (strncmp(key, HISTORY_PREFIX, strlen(HISTORY_PREFIX)) != 0 ||
	    (k->index = session_parse_index(n, strlen(n), (size_t)-1 / 2)) == 0) {
		*why = session_unknown_key(s, key);
		return -1;
	}
	k->index--;
	return 0;
}

/* Entries come only from a stored session, in order. */
static int
history_set(struct session *s, const char *key, const struct session_key *k,
            const char *value, int loading, char **why)
{
	struct history_entry e;

	if (!loading) {
		*why = xasprintf("„%s“: das Änderungsprotokoll schreibt das Programm "
		                 "selbst; es kann nicht geändert werden",
		                 key);
		return -1;
	}
	if (k->index != s->log->count || value == NULL) {
		*why = xasprintf("„%s“: Einträge des Änderungsprotokolls müssen "
		                 "lückenlos und in Reihenfolge stehen (erwartet: %s%zu)",
		                 key, HISTORY_PREFIX, s->log->count + 1);
		return -1;
	}
	if (entry_decode(s, key, value, &e, why) != 0)
		return -1;
	entry_append(s->log, &e);
	return 0;
}

static char *
history_get(const struct session *s, const struct session_key *k)
{
	const struct history_entry *e = history_entry(s, k->index);

	return e != NULL ? xstrdup(e->record) : NULL;
}

static void
history_each(const struct session *s, session_record_fn fn, void *ctx)
{
	for (size_t i = 0; i < history_count(s); i++)
		fn(ctx, s->log->entries[i].record_key, s->log->entries[i].record,
		   s->log->entries[i].record_len);
}

static void
history_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	buf_adds(b, HISTORY_PREFIX "N (nur lesbar)");
}

const struct session_family session_history_family = {
    .prefix = HISTORY_PREFIX,
    .init = history_init,
    .free = history_free,
    .resolve = history_resolve,
    .set = history_set,
    .get = history_get,
    .each = history_each,
    .describe = history_describe,
};
