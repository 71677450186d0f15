/*
 * conffile.c: the reader of `key = value` configuration files. See conffile.h.
 * Lib layer: knows no key of its own, never prints.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/conffile.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* Whether c is a blank inside a line. */
static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The text from s to end without the blanks around it. Caller frees. */
static char *
trimmed(const char *s, const char *end)
{
	while (s < end && is_blank(*s))
		s++;
	while (end > s && is_blank(end[-1]))
		end--;
	return xstrndup(s, (size_t)(end - s));
}

/* The known keys joined by ", ". Caller frees. */
static char *
known_list(const char *const *known)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (size_t i = 0; known[i] != NULL; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", known[i]);
	return buf_steal(&b);
}

/* Whether key is one of known. */
static int
is_known(const char *const *known, const char *key)
{
	for (size_t i = 0; known[i] != NULL; i++)
		if (strcmp(known[i], key) == 0)
			return 1;
	return 0;
}

/* The first control character (other than a tab) in the len bytes at s, or
 * NULL. */
static const char *
control_in(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f)
			return s + i;
	return NULL;
}

/*
 * Parse one line (without its line end) of file into *entry. 1 when it
 * holds an entry, 0 when it is blank or a comment, -1 with *why.
 */
static int
parse_line(const char *file, int number, const char *line, size_t len,
           const char *const *known, const struct conffile *added, size_t first,
           struct conffile_entry *entry, char **why)
{
	const char *end = line + len, *p = line, *equals;
	char *key, *value, *allowed;

	while (p < end && is_blank(*p))
		p++;
	if (p == end || *p == '#')
		return 0;
	if (control_in(line, len) != NULL) {
		*why = xasprintf("%s:%d: Steuerzeichen in der Zeile (control character)",
		                 file, number);
		return -1;
	}
	equals = memchr(p, '=', (size_t)(end - p));
	if (equals == NULL) {
		*why = xasprintf("%s:%d: „Schlüssel = Wert“ erwartet, kein „=“ in der "
		                 "Zeile",
		                 file, number);
		return -1;
	}
	key = trimmed(p, equals);
	if (key[0] == '\0') {
		*why = xasprintf("%s:%d: vor dem „=“ fehlt der Schlüssel", file, number);
		free(key);
		return -1;
	}
	if (!is_known(known, key)) {
		allowed = known_list(known);
		*why = xasprintf("%s:%d: unbekannter Schlüssel „%s“ (bekannt: %s)", file,
		                 number, key, allowed);
		free(allowed);
		free(key);
		return -1;
	}
	for (size_t i = first; i < added->count; i++)
		if (strcmp(added->items[i].key, key) == 0) {
			*why = xasprintf("%s:%d: „%s“ steht schon in Zeile %d", file,
			                 number, key, added->items[i].line);
			free(key);
			return -1;
		}
	value = trimmed(equals + 1, end);
	if (value[0] == '\0') {
		*why = xasprintf("%s:%d: „%s =“ ohne Wert", file, number, key);
		free(key);
		free(value);
		return -1;
	}
	*entry = (struct conffile_entry){key, value, xstrdup(file), number};
	return 1;
}

/* Remove the entries from index count on. */
static void
truncate_to(struct conffile *c, size_t count)
{
	while (c->count > count) {
		struct conffile_entry *e = &c->items[--c->count];
		free(e->key);
		free(e->value);
		free(e->file);
	}
}

int
conffile_read(struct conffile *c, const char *path, const char *const *known, char **why)
{
	struct stat st;
	char *data = NULL;
	size_t len = 0, first = c->count, bad;
	const char *p, *end;
	int number = 0;

	if (stat(path, &st) != 0 && errno == ENOENT)
		return 0;
	if (file_read_all(path, CONFFILE_MAX_SIZE, &data, &len, why) != 0)
		return -1;
	if (!utf8_valid(data, len, &bad)) {
		int line = 1;
		for (size_t i = 0; i < bad; i++)
			line += data[i] == '\n';
		*why =
		    xasprintf("%s:%d: kein gültiges UTF-8 (invalid UTF-8)", path, line);
		free(data);
		return -1;
	}
	p = data;
	end = data + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl != NULL ? nl : end;
		size_t line_len = (size_t)(line_end - p);
		struct conffile_entry entry;
		int rc;

		number++;
		if (line_len > 0 && p[line_len - 1] == '\r')
			line_len--;
		rc = parse_line(path, number, p, line_len, known, c, first, &entry, why);
		if (rc < 0) {
			truncate_to(c, first);
			free(data);
			return -1;
		}
		if (rc > 0) {
			c->items =
			    xreallocarray(c->items, c->count + 1, sizeof *c->items);
			c->items[c->count++] = entry;
		}
		p = nl != NULL ? nl + 1 : end;
	}
	free(data);
	return 1;
}

const struct conffile_entry *
conffile_get(const struct conffile *c, const char *key)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->items[i].key, key) == 0)
			return &c->items[i];
	return NULL;
}

void
conffile_clear(struct conffile *c)
{
	truncate_to(c, 0);
	free(c->items);
	c->items = NULL;
}
