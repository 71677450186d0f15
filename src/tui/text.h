/*
 * text.h: putting UTF-8 text on the curses screen, measured by display
 * width (wcwidth over lib/utf8's decoder): clipped with "…", word-wrapped,
 * and the wide-character form the editor works on. Bad bytes and
 * characters that cannot be shown appear as U+FFFD. Draws only; knows no
 * screen, no session.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <wchar.h>

#include <curses.h>

/* Display width of UTF-8 text (NULL counts 0). */
int text_width(const char *utf8);

/* Print UTF-8 text at y,x in at most width columns ("…" when cut), line
 * breaks as blanks; returns the columns used. */
int text_put(int y, int x, int width, const char *utf8, attr_t attr);

/* printf into text_put. */
int text_putf(int y, int x, int width, attr_t attr, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Word-wrap text into width columns from row y, at most max_lines rows (the
 * last one ends in "…" when the text goes on); returns the rows used. */
int text_wrap(int y, int x, int width, int max_lines, const char *utf8, attr_t attr);

/* Rows text_wrap would use without a limit. */
int text_wrap_count(int width, const char *utf8);

/* Fill row y from x over width columns with blanks in attr. */
void text_fill(int y, int x, int width, attr_t attr);

/* Ask for the terminal cursor at y,x after this frame (editors); otherwise
 * the screen manager hides it. */
void text_cursor_want(int y, int x);
/* Whether a cursor was asked for since the last call; clears the request. */
int text_cursor_take(int *y, int *x);

/* The wide-character form (the editor's). */

/* Decode UTF-8 into a new wide string of *len characters (bad bytes become
 * U+FFFD, a tab a blank). Caller frees. */
wchar_t *text_decode(const char *utf8, size_t *len);
/* Encode n wide characters as UTF-8. Caller frees. */
char *text_encode(const wchar_t *w, size_t n);
/* Columns one character takes (control and unknown characters count 1).
 * Inline for the editor's wrapping, which measures every character. */
int text_char_width_wide(wchar_t c);
static inline int
text_char_width(wchar_t c)
{
	return c >= 0x20 && c < 0x7f ? 1 : text_char_width_wide(c);
}
/* Print n wide characters at y,x (a line break as ↵). */
void text_put_wide(int y, int x, const wchar_t *w, size_t n, attr_t attr);
/* The same, clipped to width columns with "…" when cut; returns columns used. */
int text_put_wide_clipped(int y, int x, int width, const wchar_t *w, size_t n,
                          attr_t attr);

#endif
