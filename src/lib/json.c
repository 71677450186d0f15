/*
 * json.c: the streaming JSON emitter declared in json.h. Builds text in a
 * struct buf; it never prints, never reads and never depends on the locale
 * (numbers are formatted from integers by hand).
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json.h"
#include "lib/utf8.h"

/* Start an empty document. */
void
json_init(struct json *j)
{
	memset(j, 0, sizeof *j);
}

/* Write the comma that separates this value from the previous one, if any. */
static void
json_separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->count[j->depth] > 0)
		buf_addc(&j->out, ',');
	j->count[j->depth]++;
}

/* Open a nested object or array with the given bracket. */
static void
json_open(struct json *j, char bracket)
{
	json_separate(j);
	assert(j->depth < JSON_MAX_DEPTH);
	buf_addc(&j->out, bracket);
	j->depth++;
	j->count[j->depth] = 0;
}

/* Close the innermost object or array. */
static void
json_close(struct json *j, char bracket)
{
	assert(j->depth > 0 && !j->after_key);
	j->depth--;
	buf_addc(&j->out, bracket);
}

/* Open an object. */
void
json_object_begin(struct json *j)
{
	json_open(j, '{');
}

/* Close the innermost object. */
void
json_object_end(struct json *j)
{
	json_close(j, '}');
}

/* Open an array. */
void
json_array_begin(struct json *j)
{
	json_open(j, '[');
}

/* Close the innermost array. */
void
json_array_end(struct json *j)
{
	json_close(j, ']');
}

/* Write a member name and its colon; the next call writes the value. */
void
json_key(struct json *j, const char *key)
{
	assert(!j->after_key);
	json_separate(j);
	json_escape(&j->out, key, strlen(key));
	buf_addc(&j->out, ':');
	j->after_key = 1;
}

/* Quote and escape len bytes: JSON escapes for C0 and C1 controls and DEL,
 * U+FFFD for bad bytes. */
void
json_escape(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	buf_addc(b, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
			i++;
			continue;
		}
		if (c < 0x20) {
			switch (c) {
			case '\b':
				buf_adds(b, "\\b");
				break;
			case '\f':
				buf_adds(b, "\\f");
				break;
			case '\n':
				buf_adds(b, "\\n");
				break;
			case '\r':
				buf_adds(b, "\\r");
				break;
			case '\t':
				buf_adds(b, "\\t");
				break;
			default: {
				char u[7] = {'\\',        'u',         '0', '0',
				             hex[c >> 4], hex[c & 15], 0};
				buf_adds(b, u);
			}
			}
			i++;
			continue;
		}
		if (c == 0x7f) {
			buf_adds(b, "\\u007f");
			i++;
			continue;
		}
		if (c < 0x80) {
			buf_addc(b, (char)c);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (utf8_decode_bad(n, cp)) {
			buf_adds(b, "\\ufffd"); /* not UTF-8: keep the output valid */
		} else if (utf8_is_control(cp)) {
			/* a C1 control: escaped like the C0 ones, never raw on a terminal
			 */
			char u[7] = {'\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 15], 0};
			buf_adds(b, u);
		} else {
			buf_add(b, s + i, n);
		}
		i += n;
	}
	buf_addc(b, '"');
}

/* A string value of len bytes. */
void
json_string_len(struct json *j, const char *s, size_t len)
{
	json_separate(j);
	json_escape(&j->out, s, len);
}

/* A string value, or null for NULL. */
void
json_string(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	json_string_len(j, s, strlen(s));
}

/* An integer value. */
void
json_int(struct json *j, long long v)
{
	json_separate(j);
	buf_printf(&j->out, "%lld", v);
}

/* true or false. */
void
json_bool(struct json *j, int v)
{
	json_separate(j);
	buf_adds(&j->out, v ? "true" : "false");
}

/* null. */
void
json_null(struct json *j)
{
	json_separate(j);
	buf_adds(&j->out, "null");
}

/* A number with one decimal from tenths, without printf's locale. */
void
json_tenths(struct json *j, long long tenths)
{
	unsigned long long a =
	    tenths < 0 ? 0ULL - (unsigned long long)tenths : (unsigned long long)tenths;

	json_separate(j);
	buf_printf(&j->out, "%s%llu.%llu", tenths < 0 ? "-" : "", a / 10, a % 10);
}

/* Hand over the finished text with a final newline. */
char *
json_finish(struct json *j)
{
	char *text;

	assert(j->depth == 0 && !j->after_key);
	buf_addc(&j->out, '\n');
	text = buf_steal(&j->out);
	json_init(j);
	return text;
}

/* Drop an unfinished document. */
void
json_free(struct json *j)
{
	buf_free(&j->out);
	json_init(j);
}
