/*
 * session_private.h: what session.c (records, set/get, dump) and
 * session_store.c (tinycdb snapshots, lock, list) share. Not for other
 * modules: they use session.h.
 */
#ifndef SESSION_PRIVATE_H
#define SESSION_PRIVATE_H

#include <stddef.h>

#include "lib/cdbmem.h"
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

struct session_key;

/* Resolve key to its family and record (session.c). 0, or -1 with *why. */
int session_resolve(const struct session *s, const char *key, struct session_key *k,
                    char **why);

/* Set key to value (NULL: clear) without recording it: loading set while a
 * stored session is read back, else the change history's own step
 * (session_history_change records around it). 0, or -1 with *why. */
int session_record_set(struct session *s, const char *key, const char *value, int loading,
                       char **why);

/*
 * The records of the change history, which session_records_each emits one
 * after another, prepared once per entry so that saving a long history
 * costs a copy: the value of the first record (NULL when there is none,
 * for the writer to recognise where they start), their number, their part
 * of the snapshot's checksum feed (4-byte big-endian key length, key,
 * 4-byte value length, value, record after record: its CRC-32 from zero
 * and its length), and the records laid out as cdb records with their
 * hashes and offsets (cdbmem_add_laid_out). Borrowed until the next change.
 */
struct session_history_records {
	const char *first;
	size_t count;
	unsigned long crc;
	size_t feed_len;
	const char *laid_out;
	size_t laid_out_len;
	const struct cdbmem_slot *slots;
};

/* Fill out for s (session_history.c). */
void session_history_block(const struct session *s, struct session_history_records *out);

/* session_change's work (session_history.c): validate, set and record. */
int session_history_change(struct session *s, const char *key, const char *value,
                           char **why);

#endif
