/*
 * json.h: a small streaming JSON emitter over struct buf. It writes
 * syntactically valid JSON: commas and nesting are tracked, strings are
 * escaped (quote, backslash, every C0 and C1 control character and DEL, so
 * the text is also safe on a terminal; invalid UTF-8 becomes
 * U+FFFD), and numbers never depend on the locale. It only builds a string:
 * no I/O, no parsing.
 */
#ifndef JSON_H
#define JSON_H

#include <stddef.h>

#include "lib/util.h"

/* Deepest nesting of objects and arrays the emitter tracks. */
#define JSON_MAX_DEPTH 32

struct json {
	struct buf out;
	int depth;
	int count[JSON_MAX_DEPTH + 1]; /* values written at each level */
	int after_key;                 /* a key was just written: no comma next */
};

/* Start an empty document. j must then be filled by the functions below. */
void json_init(struct json *j);

/* Objects and arrays; calls must nest properly (checked with assert). */
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);

/* A member name inside an object; the next value call writes its value. */
void json_key(struct json *j, const char *key);

/* Values. json_string(NULL) writes null. */
void json_string(struct json *j, const char *s);
void json_string_len(struct json *j, const char *s, size_t len);
void json_int(struct json *j, long long v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);
/* A decimal with one fractional digit: tenths = 755 writes 75.5. */
void json_tenths(struct json *j, long long tenths);

/* Append s as a quoted, escaped JSON string to b (no comma handling). */
void json_escape(struct buf *b, const char *s, size_t len);

/* The finished text (caller frees); j is empty afterwards. */
char *json_finish(struct json *j);

/* Free an unfinished document; json_free on a finished one does nothing. */
void json_free(struct json *j);

#endif
