/*
 * utf8.h: the one UTF-8 module: validating, decoding one code point (U+FFFD
 * for a bad byte), encoding, counting and shortening text, and making text
 * safe to show (control characters and bad bytes become U+FFFD). Decoded
 * here and never through the locale, so the result is the same in every
 * LC_CTYPE. Library code: no domain knowledge; never prints or exits.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The replacement character, as a code point and as UTF-8 text. */
#define UTF8_REPLACEMENT 0xFFFDu
#define UTF8_REPLACEMENT_TEXT "\xEF\xBF\xBD"

/*
 * utf8_valid: 1 if the len bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF), else 0. When bad_offset is not NULL it
 * receives the offset of the first bad sequence.
 */
int utf8_valid(const char *s, size_t len, size_t *bad_offset);

/*
 * utf8_decode: the code point that starts at s (len bytes readable, len > 0)
 * into *cp; returns the bytes it takes (1 … 4). A byte that does not start a
 * well-formed sequence (a stray continuation byte, a truncated, overlong or
 * surrogate sequence, anything above U+10FFFF) gives U+FFFD and takes 1
 * byte, so decoding always advances. Returns 0 only when len is 0.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Whether utf8_decode's result (taken bytes, code point cp) stands for a
 * bad byte rather than a character (a real U+FFFD takes three bytes). */
int utf8_decode_bad(size_t taken, uint32_t cp);

/*
 * utf8_encode: write code point cp as UTF-8 into out (no NUL); returns the
 * bytes written (1 … 4). A surrogate or a value above U+10FFFF is written as
 * U+FFFD.
 */
size_t utf8_encode(uint32_t cp, char out[4]);

/* The number of characters in len bytes of valid UTF-8 (bytes that are not
 * continuation bytes; a bad byte counts as one). */
size_t utf8_count(const char *s, size_t len);

/* utf8_count of a NUL-terminated string. */
size_t utf8_chars(const char *s);

/* Whether cp is a control character: C0, DEL or C1 (U+0080 … U+009F). */
int utf8_is_control(uint32_t cp);

/* s cut after max_chars characters with "…" appended when it was longer,
 * for quoting typed text in a message. Caller frees. */
char *utf8_shorten(const char *s, size_t max_chars);

/* Flags of utf8_sanitize. */
enum {
	UTF8_ONE_LINE = 1,   /* newline, tab and carriage return become spaces */
	UTF8_CR_NEWLINE = 2, /* a carriage return (or CR LF) becomes a newline */
	UTF8_KEEP_C1 = 4,    /* C1 controls U+0080 … U+009F stay as they are */
};

/*
 * utf8_sanitize: a copy of len bytes of s that is safe to show: every bad
 * byte and every control character becomes U+FFFD, except newline and tab
 * (kept, or spaces with UTF8_ONE_LINE), carriage return (U+FFFD unless
 * UTF8_ONE_LINE or UTF8_CR_NEWLINE say otherwise) and, with UTF8_KEEP_C1,
 * the C1 controls. Without UTF8_KEEP_C1 no text can move a terminal's
 * cursor, retitle its window or clear its screen. The result is valid
 * UTF-8. s may be NULL when len is 0. Caller frees.
 */
char *utf8_sanitize(const char *s, size_t len, unsigned flags);

#endif
