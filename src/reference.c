/*
 * reference.c: reads the reference data in data/ (the IHK list) into plain
 * arrays for the UI's choosers. Model layer: never prints or exits, and
 * knows nothing about curses or sessions.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reference.h"
#include "util.h"

/* The largest reference file accepted. */
#define REFERENCE_MAX_SIZE (1024 * 1024)

/* Copy of s[0..len) without leading and trailing spaces and a final CR. */
static char *
trimmed(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	while (len > 0 && *s == ' ')
		s++, len--;
	return xstrndup(s, len);
}

int
reference_ihk_load(const char *path, struct reference_ihk **list, size_t *count,
                   char **why)
{
	char *data = NULL;
	size_t len = 0, n = 0, bad;
	struct reference_ihk *items = NULL;
	const char *p, *end, *eol;
	int line = 0;

	if (file_read_all(path, REFERENCE_MAX_SIZE, &data, &len, why) != 0)
		return -1;
	if (!utf8_valid(data, len, &bad)) {
		int bad_line = 1;
		for (size_t i = 0; i < bad; i++)
			bad_line += data[i] == '\n';
		*why = xasprintf("%s:%d: invalid UTF-8", path, bad_line);
		free(data);
		return -1;
	}
	for (p = data, end = data + len; p < end; p = eol < end ? eol + 1 : end) {
		const char *bar, *s = p;
		char *name, *area;

		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		line++;
		while (s < eol && *s == ' ')
			s++;
		if (s == eol || *s == '#' || (eol - s == 1 && *s == '\r'))
			continue;
		bar = memchr(s, '|', (size_t)(eol - s));
		if (bar == NULL) {
			*why = xasprintf("%s:%d: expected \"Name|Gebiet\"", path, line);
			goto fail;
		}
		name = trimmed(s, (size_t)(bar - s));
		area = trimmed(bar + 1, (size_t)(eol - bar - 1));
		if (*name == '\0' || strchr(area, '|') != NULL) {
			*why = xasprintf("%s:%d: %s", path, line,
			                 *name == '\0' ? "empty IHK name"
			                               : "more than one '|'");
			free(name), free(area);
			goto fail;
		}
		for (size_t i = 0; i < n; i++)
			if (strcmp(items[i].name, name) == 0) {
				*why = xasprintf("%s:%d: '%s' is listed twice", path,
				                 line, name);
				free(name), free(area);
				goto fail;
			}
		items = xreallocarray(items, n + 1, sizeof *items);
		items[n].name = name;
		items[n].area = area;
		n++;
	}
	free(data);
	*list = items;
	*count = n;
	return 0;
fail:
	reference_ihk_free(items, n);
	free(data);
	return -1;
}

void
reference_ihk_free(struct reference_ihk *list, size_t count)
{
	if (list == NULL)
		return;
	for (size_t i = 0; i < count; i++) {
		free(list[i].name);
		free(list[i].area);
	}
	free(list);
}
