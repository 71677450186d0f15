/*
 * text.c: UTF-8 text on the curses screen: measured by wcwidth over the
 * code points lib/utf8 decodes (so a bad byte is U+FFFD, as everywhere in
 * the program), clipped, word-wrapped, and converted for the editor. Draws
 * only: no state but the cursor request of the frame being drawn.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "tui/text.h"

static int cursor_wanted, cursor_y, cursor_x;

wchar_t *
text_decode(const char *s, size_t *out_len)
{
	size_t n = s != NULL ? strlen(s) : 0, len = 0;
	wchar_t *w = xreallocarray(NULL, n + 1, sizeof *w);

	while (n > 0) {
		uint32_t cp;
		size_t r;
		if ((unsigned char)*s < 0x80) {
			/* ASCII: one byte, one character (the common case, fast) */
			cp = (unsigned char)*s;
			r = 1;
		} else {
			r = utf8_decode(s, n, &cp);
		}
		w[len++] = cp == '\t' ? L' ' : (wchar_t)cp;
		s += r;
		n -= r;
	}
	w[len] = L'\0';
	*out_len = len;
	return w;
}

char *
text_encode(const wchar_t *w, size_t n)
{
	struct buf b = {0};
	char mb[4];

	buf_adds(&b, "");
	for (size_t i = 0; i < n; i++)
		buf_add(&b, mb, utf8_encode((uint32_t)w[i], mb));
	return buf_steal(&b);
}

int
text_char_width_wide(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

int
text_width(const char *utf8)
{
	size_t n;
	wchar_t *w = text_decode(utf8, &n);
	int width = 0;

	for (size_t i = 0; i < n; i++)
		width += text_char_width(w[i]);
	free(w);
	return width;
}

void
text_put_wide(int y, int x, const wchar_t *w, size_t n, attr_t attr)
{
	attr_t old;
	short pair;

	attr_get(&old, &pair, NULL);
	attrset(attr);
	move(y, x);
	for (size_t i = 0; i < n; i++) {
		wchar_t c[2] = {w[i], L'\0'};
		if (w[i] == L'\n')
			c[0] = L'↵'; /* a line break inside a one-line editor */
		else if (wcwidth(w[i]) < 0)
			c[0] = (wchar_t)UTF8_REPLACEMENT; /* a control character */
		addnwstr(c, 1);
	}
	attr_set(old, pair, NULL);
}

int
text_put_wide_clipped(int y, int x, int width, const wchar_t *w, size_t n, attr_t attr)
{
	int total = 0, used = 0;
	size_t k = 0;

	if (width <= 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		total += text_char_width(w[i]);
	if (total <= width) {
		text_put_wide(y, x, w, n, attr);
		return total;
	}
	while (k < n && used + text_char_width(w[k]) <= width - 1)
		used += text_char_width(w[k++]);
	text_put_wide(y, x, w, k, attr);
	text_put_wide(y, x + used, L"…", 1, attr);
	return used + 1;
}

int
text_put(int y, int x, int width, const char *utf8, attr_t attr)
{
	size_t n;
	wchar_t *w = text_decode(utf8, &n);
	int used;

	for (size_t i = 0; i < n; i++)
		if (w[i] == L'\n' || w[i] == L'\r')
			w[i] = L' ';
	used = text_put_wide_clipped(y, x, width, w, n, attr);
	free(w);
	return used;
}

int
text_putf(int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int used;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	used = text_put(y, x, width, s, attr);
	free(s);
	return used;
}

/*
 * Break w into lines of at most width columns on spaces (hard breaks inside
 * over-long words, forced breaks at '\n'); with draw, put them from row y
 * (at most max_lines). Returns the number of lines.
 */
static int
wrap_lines(const wchar_t *w, size_t n, int width, int y, int x, int max_lines,
           attr_t attr, int draw)
{
	size_t start = 0;
	int lines = 0;

	if (width < 1)
		return 0;
	while (start < n) {
		size_t i = start, last_space = (size_t)-1, end;
		int used = 0;

		while (i < n && w[i] != L'\n') {
			int cw = text_char_width(w[i]);
			if (used + cw > width)
				break;
			if (w[i] == L' ')
				last_space = i;
			used += cw;
			i++;
		}
		if (i < n && w[i] != L'\n' && last_space != (size_t)-1 &&
		    last_space > start)
			end = last_space;
		else
			end = i == start ? i + 1 : i; /* at least one character */
		if (draw) {
			if (lines >= max_lines)
				return lines;
			if (lines == max_lines - 1 && end < n) {
				/* last allowed row: show that the text goes on */
				text_put_wide_clipped(y + lines, x, width, w + start,
				                      n - start, attr);
			} else {
				size_t len = end - start;
				while (len > 0 && w[start + len - 1] == L' ')
					len--;
				text_put_wide(y + lines, x, w + start, len, attr);
			}
		}
		lines++;
		start = end;
		while (start < n && w[start] == L' ')
			start++;
		if (start < n && w[start] == L'\n')
			start++;
	}
	return lines;
}

int
text_wrap(int y, int x, int width, int max_lines, const char *utf8, attr_t attr)
{
	size_t n;
	wchar_t *w;
	int lines;

	if (max_lines <= 0 || utf8 == NULL)
		return 0;
	w = text_decode(utf8, &n);
	lines = wrap_lines(w, n, width, y, x, max_lines, attr, 1);
	free(w);
	return lines;
}

int
text_wrap_count(int width, const char *utf8)
{
	size_t n;
	wchar_t *w;
	int lines;

	if (utf8 == NULL)
		return 0;
	w = text_decode(utf8, &n);
	lines = wrap_lines(w, n, width, 0, 0, 0, 0, 0);
	free(w);
	return lines;
}

void
text_fill(int y, int x, int width, attr_t attr)
{
	attr_t old;
	short pair;

	if (width <= 0)
		return;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvhline(y, x, ' ', width);
	attr_set(old, pair, NULL);
}

void
text_cursor_want(int y, int x)
{
	cursor_wanted = 1;
	cursor_y = y;
	cursor_x = x;
}

int
text_cursor_take(int *y, int *x)
{
	int w = cursor_wanted;

	*y = cursor_y;
	*x = cursor_x;
	cursor_wanted = 0;
	return w;
}
