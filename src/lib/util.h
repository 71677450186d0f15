/*
 * util.h: allocation wrappers that abort on failure, a growable string buffer,
 * the one strict integer parser, slugs and reading a whole file. Shared by
 * every layer; writes nothing but the single abort message when memory runs
 * out.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>
#include <stdarg.h>

/* Allocation: never return NULL; on failure print one line and abort(). */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s); /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Replace *slot with a copy of value (value may be NULL); frees the old one. */
void str_replace(char **slot, const char *value);

/* A growable byte buffer, always NUL-terminated. Zero-initialise before use. */
struct buf {
	char *data;
	size_t len;
	size_t size;
};
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
/* Append s (NULL: nothing) as one tab-separated field: backslash, tab,
 * newline and carriage return written as \\ \t \n \r. */
void buf_add_field(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand over the string (caller frees); the buffer is empty afterwards. */
char *buf_steal(struct buf *b);
void buf_free(struct buf *b);

/* Flags of parse_integer: what else it accepts besides plain digits. */
enum {
	PARSE_SIGN = 1,         /* a leading '+' or '-' */
	PARSE_LEADING_ZERO = 2, /* leading zeros ("007"); without it only "0" itself */
};

/*
 * parse_integer: the one strict integer parser. The len bytes at s must be a
 * whole decimal integer (digits only, no blanks; a sign and leading zeros
 * only as flags allow) from lo to hi. 1 with *out set, else 0 (*out
 * untouched). Never depends on the locale.
 */
int parse_integer(const char *s, size_t len, unsigned flags, long lo, long hi, long *out);

/* parse_integer of a whole string with an optional sign and leading zeros,
 * in the range of long. */
int parse_long(const char *s, long *out);

/*
 * slug_make: a file-name-safe ASCII slug of text (the same in every locale):
 * lower case, umlauts folded
 * (ä→ae, ß→ss), every other run of non-alphanumerics one '-', no leading or
 * trailing '-', at most max_len bytes, never empty ("audit" if nothing is left).
 * Caller frees.
 */
char *slug_make(const char *text, size_t max_len);

/* Read a whole file (at most max_size bytes) into a NUL-terminated buffer.
 * Returns 0, or -1 with *why set (caller frees) naming the path and reason. */
int file_read_all(const char *path, size_t max_size, char **data, size_t *len,
                  char **why);

#endif
