/*
 * reference.c: reads the reference data in data/ (the IHK list) into plain
 * arrays for the UI's choosers. Model layer: never prints or exits, and
 * knows nothing about curses or sessions.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/reference.h"
#include "lib/util.h"
#include "lib/utf8.h"

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

/* A place name reduced for comparison: lower case (ASCII and the German
 * umlauts), without a leading Landkreis/Kreis/Stadt and a trailing "kreis". */
static char *
place_key(const char *text, size_t len)
{
	static const char *const prefixes[] = {"landkreise ", "landkreis ", "kreis ",
	                                       "stadt ",      "städte ",    "lk "};
	struct buf b = {0};
	char *k;
	size_t n;
	int again = 1;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == 0xc3 && i + 1 < len &&
		    ((unsigned char)text[i + 1] == 0x84 ||
		     (unsigned char)text[i + 1] == 0x96 ||
		     (unsigned char)text[i + 1] == 0x9c)) {
			buf_addc(&b, (char)0xc3); /* Ä Ö Ü → ä ö ü */
			buf_addc(&b, (char)(text[i + 1] + 0x20));
			i++;
			continue;
		}
		buf_addc(&b, c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c);
	}
	buf_adds(&b, "");
	k = trimmed(b.data, b.len);
	buf_free(&b);
	while (again) {
		again = 0;
		for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++) {
			size_t pl = strlen(prefixes[p]);
			if (strncmp(k, prefixes[p], pl) == 0) {
				memmove(k, k + pl, strlen(k + pl) + 1);
				again = 1;
			}
		}
	}
	n = strlen(k);
	if (n > 6 && strcmp(k + n - 6, "-kreis") == 0)
		k[n - 6] = '\0';
	else if (n > 5 && strcmp(k + n - 5, "kreis") == 0)
		k[n - 5] = '\0';
	return k;
}

const char *
reference_ihk_for_landkreis(const struct reference_ihk *list, size_t count,
                            const char *landkreis)
{
	char *want;
	const char *found = NULL;

	if (landkreis == NULL || landkreis[0] == '\0')
		return NULL;
	want = place_key(landkreis, strlen(landkreis));
	for (size_t i = 0; i < count && found == NULL && want[0] != '\0'; i++) {
		const char *p = list[i].area;
		while (*p != '\0' && found == NULL) {
			/* the next part of the area: up to ',', ';' or " und " */
			size_t len = strcspn(p, ",;");
			const char *und = strstr(p, " und ");
			char *k;
			if (und != NULL && (size_t)(und - p) < len)
				len = (size_t)(und - p);
			k = place_key(p, len);
			if (strcmp(k, want) == 0)
				found = list[i].name;
			free(k);
			p += len;
			if (strncmp(p, " und ", 5) == 0)
				p += 5;
			else if (*p != '\0')
				p++;
		}
	}
	free(want);
	return found;
}
