/*
 * session_private.h: what session.c (records, set/get, dump) and
 * session_store.c (tinycdb snapshots, lock, list) share. Not for other
 * modules: they use session.h.
 */
#ifndef SESSION_PRIVATE_H
#define SESSION_PRIVATE_H

#include <stddef.h>

#include "model/session.h"

/* One key/value record (both owned, NUL-terminated; value may hold no NUL). */
struct session_record {
	char *key;
	char *value;
	size_t value_len;
};

/* Called once per record; key and value (value_len bytes, NUL-terminated) are
 * borrowed for the call only. */
typedef void (*session_record_fn)(void *ctx, const char *key, const char *value,
                                  size_t value_len);

/*
 * session_records_each: the records of s in the canonical order: format,
 * form.id, form.edition, form.sha256, every set content record, and form.text
 * last when with_form_text. Bookkeeping (summary.*, session.generation,
 * session.saved, checksum) is the store's business.
 */
void session_records_each(const struct session *s, int with_form_text,
                          session_record_fn fn, void *ctx);

/*
 * session_from_records: build a session from records (dump lines or cdb
 * records): checks the format, loads the embedded form, checks its id,
 * edition and SHA-256, then applies every content record as session_change would (but as
 * stored). line_of (may be NULL) gives each record's line number for messages.
 * Bookkeeping records are checked for shape and otherwise ignored, except
 * session.generation which is kept. NULL with *why when anything is wrong.
 */
struct session *session_from_records(const struct session_record *records, size_t count,
                                     const size_t *line_of, char **why);

/* Free count records and the array. */
void session_records_free(struct session_record *records, size_t count);

/* Free everything s owns except the lock fd and s itself (session.c). */
void session_free_contents(struct session *s);

/* Whether key is a bookkeeping key written only by the store. */
int session_key_is_bookkeeping(const char *key);

#endif
