/*
 * util.c: allocation wrappers, string buffer, the strict integer parser,
 * slugs and reading a whole file (writing one is atomicfile.c's). No curses;
 * the only output is the abort message on OOM, written with write(2).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/util.h"

/* Out of memory is not recoverable for an interactive tool: say so and abort. */
static void
out_of_memory(void)
{
	static const char msg[] = "wohnort-audit: Speicher erschöpft (out of memory)\n";
	if (write(2, msg, sizeof msg - 1) < 0) {
		/* nothing left to do */
	}
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xreallocarray(void *ptr, size_t count, size_t size)
{
	if (size != 0 && count > ((size_t)-1) / size)
		out_of_memory();
	return xrealloc(ptr, count * size);
}

char *
xstrdup(const char *s)
{
	if (s == NULL)
		return NULL;
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		out_of_memory();
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
str_replace(char **slot, const char *value)
{
	char *copy = xstrdup(value);
	free(*slot);
	*slot = copy;
}

void
buf_add(struct buf *b, const void *data, size_t len)
{
	if (b->len + len + 1 > b->size) {
		size_t size = b->size ? b->size : 64;
		while (size < b->len + len + 1)
			size *= 2;
		b->data = xrealloc(b->data, size);
		b->size = size;
	}
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_add_field(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\' || *s == '\t' || *s == '\n' || *s == '\r') {
			buf_addc(b, '\\');
			buf_addc(b, *s == '\t'   ? 't'
			            : *s == '\n' ? 'n'
			            : *s == '\r' ? 'r'
			                         : '\\');
		} else {
			buf_addc(b, *s);
		}
	}
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

char *
buf_steal(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->size = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
}

int
parse_integer(const char *s, size_t len, unsigned flags, long lo, long hi, long *out)
{
	size_t i = 0;
	int negative = 0;
	unsigned long v = 0, limit;

	if (s == NULL)
		return 0;
	if (i < len && (flags & PARSE_SIGN) && (s[i] == '-' || s[i] == '+'))
		negative = s[i++] == '-';
	if (i == len)
		return 0;
	if (!(flags & PARSE_LEADING_ZERO) && s[i] == '0' && len - i > 1)
		return 0;
	/* the magnitude of LONG_MIN is one more than LONG_MAX */
	limit = negative ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	for (; i < len; i++) {
		unsigned d;
		if (s[i] < '0' || s[i] > '9')
			return 0;
		d = (unsigned)(s[i] - '0');
		if (v > (limit - d) / 10)
			return 0;
		v = v * 10 + d;
	}
	{
		long n = negative
		             ? (v == (unsigned long)LONG_MAX + 1 ? LONG_MIN : -(long)v)
		             : (long)v;
		if (n < lo || n > hi)
			return 0;
		*out = n;
	}
	return 1;
}

int
parse_long(const char *s, long *out)
{
	return s != NULL && parse_integer(s, strlen(s), PARSE_SIGN | PARSE_LEADING_ZERO,
	                                  LONG_MIN, LONG_MAX, out);
}

char *
slug_make(const char *text, size_t max_len)
{
	static const struct {
		const char *utf8;
		const char *ascii;
	} folds[] = {
	    {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "ae"}, {"Ö", "oe"},
	    {"Ü", "ue"}, {"ß", "ss"}, {"é", "e"},  {"è", "e"},  {"á", "a"},
	};
	struct buf b = {0};
	int dash = 0;
	const char *p = text ? text : "";

	while (*p != '\0' && b.len < max_len) {
		unsigned char c = (unsigned char)*p;
		size_t k, nfolds = sizeof folds / sizeof folds[0];

		/* ASCII by hand: isalnum and tolower follow the locale (in tr_TR
		 * "I" does not lower to "i") */
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9')) {
			if (dash && b.len > 0 && b.len + 1 < max_len)
				buf_addc(&b, '-');
			dash = 0;
			buf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
			p++;
			continue;
		}
		for (k = 0; k < nfolds; k++) {
			size_t n = strlen(folds[k].utf8);
			if (strncmp(p, folds[k].utf8, n) == 0)
				break;
		}
		if (k < nfolds) {
			if (dash && b.len > 0 && b.len + 1 < max_len)
				buf_addc(&b, '-');
			dash = 0;
			if (b.len + strlen(folds[k].ascii) <= max_len)
				buf_adds(&b, folds[k].ascii);
			p += strlen(folds[k].utf8);
			continue;
		}
		dash = 1;
		p++;
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_adds(&b, "audit");
	return buf_steal(&b);
}

int
file_read_all(const char *path, size_t max_size, char **data, size_t *len, char **why)
{
	struct buf b = {0};
	struct stat st = {0};
	char chunk[65536];
	int fd;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
	 * below like every other file that is not a regular one. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		*why = xasprintf("%s: %s", path,
		                 S_ISDIR(st.st_mode)
		                     ? "ist ein Verzeichnis (is a directory)"
		                     : "keine reguläre Datei (not a regular file)");
		close(fd);
		return -1;
	}
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*why = xasprintf("%s: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max_size) {
			*why = xasprintf("%s: Datei zu groß (file larger than %zu bytes)",
			                 path, max_size);
			goto fail;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (b.data == NULL)
		buf_add(&b, "", 0);
	*len = b.len;
	*data = buf_steal(&b);
	return 0;
fail:
	close(fd);
	buf_free(&b);
	return -1;
}
