/*
 * utf8.c: UTF-8 validation, decoding, encoding, counting and sanitising
 * (see utf8.h). Library code: never prints, never exits.
 */
#include "config.h"

#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"

/*
 * The sequence at s (len bytes): its length and code point, or 0 when it is
 * not well-formed (overlong, surrogate, above U+10FFFF, truncated, or a
 * byte that starts nothing).
 */
static size_t
sequence(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned c = s[0];
	size_t n;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xe0) == 0xc0)
		n = 1, v = c & 0x1f, min = 0x80;
	else if ((c & 0xf0) == 0xe0)
		n = 2, v = c & 0x0f, min = 0x800;
	else if ((c & 0xf8) == 0xf0)
		n = 3, v = c & 0x07, min = 0x10000;
	else
		return 0;
	for (size_t k = 1; k <= n; k++) {
		if (k >= len || (s[k] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n + 1;
}

int
utf8_valid(const char *str, size_t len, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = sequence(s + i, len - i, &cp);
		if (n == 0) {
			if (bad_offset != NULL)
				*bad_offset = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	size_t n;

	if (len == 0)
		return 0;
	n = sequence((const unsigned char *)s, len, cp);
	if (n == 0) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	return n;
}

int
utf8_decode_bad(size_t taken, uint32_t cp)
{
	return cp == UTF8_REPLACEMENT && taken == 1;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

size_t
utf8_chars(const char *s)
{
	return utf8_count(s, strlen(s));
}

int
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

char *
utf8_shorten(const char *s, size_t max_chars)
{
	size_t n = 0, chars = 0;

	while (s[n] != '\0' && chars < max_chars) {
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	if (s[n] == '\0')
		return xstrdup(s);
	return xasprintf("%.*s…", (int)n, s);
}

char *
utf8_sanitize(const char *s, size_t len, unsigned flags)
{
	struct buf b = {0};
	size_t i = 0;

	buf_adds(&b, "");
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c == '\n' || c == '\t' || c == '\r') {
			if (flags & UTF8_ONE_LINE)
				buf_addc(&b, ' ');
			else if (c != '\r')
				buf_addc(&b, (char)c);
			else if (flags & UTF8_CR_NEWLINE) {
				buf_addc(&b, '\n');
				if (i + 1 < len && s[i + 1] == '\n')
					i++;
			} else
				buf_adds(&b, UTF8_REPLACEMENT_TEXT);
			i++;
			continue;
		}
		if (c >= 0x20 && c < 0x7f) {
			buf_addc(&b, (char)c);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (utf8_decode_bad(n, cp) ||
		    (utf8_is_control(cp) && !(flags & UTF8_KEEP_C1 && cp >= 0x80)))
			buf_adds(&b, UTF8_REPLACEMENT_TEXT);
		else
			buf_add(&b, s + i, n);
		i += n;
	}
	return buf_steal(&b);
}
