/*
 * ui_draw.c: widgets shared by the screens: clipped and word-wrapped UTF-8
 * text measured by display width (wcwidth), the title, status and key bars,
 * point bars, the one-line wide-character editor, the field list and the
 * scrolled selection list. Draws only; the one exception is
 * ui_fields_save_key, which changes the session through ui_set (ui.c) and
 * never touches the disk itself.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "lib/date.h"
#include "tui/ui.h"
#include "lib/util.h"

static int cursor_wanted, cursor_y, cursor_x;

/* Decode UTF-8 into a new wide string (linear); invalid bytes become '?'. */
static wchar_t *
decode(const char *s, size_t *out_len)
{
	size_t n = strlen(s), len = 0;
	wchar_t *w = xreallocarray(NULL, n + 1, sizeof *w);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (n > 0) {
		wchar_t wc;
		size_t r;
		if ((unsigned char)*s < 0x80) {
			/* ASCII: one byte, one character (the common case, fast) */
			wc = (wchar_t)(unsigned char)*s;
			r = 1;
		} else {
			r = mbrtowc(&wc, s, n, &st);
			if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
				memset(&st, 0, sizeof st);
				wc = L'?';
				r = 1;
			}
		}
		if (wc == L'\t')
			wc = L' ';
		w[len++] = wc;
		s += r;
		n -= r;
	}
	w[len] = L'\0';
	*out_len = len;
	return w;
}

/* Columns one character takes (control and unknown characters count 1). */
static int
char_width(wchar_t wc)
{
	int w;

	if (wc >= 0x20 && wc < 0x7f)
		return 1;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

/* Display width of UTF-8 text. */
int
ui_text_width(const char *utf8)
{
	size_t n;
	wchar_t *w = decode(utf8 != NULL ? utf8 : "", &n);
	int width = 0;

	for (size_t i = 0; i < n; i++)
		width += char_width(w[i]);
	free(w);
	return width;
}

/* Print n wide characters at y,x, replacing unprintable ones. */
static void
put_wide(int y, int x, const wchar_t *w, size_t n, attr_t attr)
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
			c[0] = L'?';
		addnwstr(c, 1);
	}
	attr_set(old, pair, NULL);
}

/* Print wide text clipped to width columns with "…" when cut. */
static int
put_wide_clipped(int y, int x, int width, const wchar_t *w, size_t n, attr_t attr)
{
	int total = 0, used = 0;
	size_t k = 0;

	if (width <= 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		total += char_width(w[i]);
	if (total <= width) {
		put_wide(y, x, w, n, attr);
		return total;
	}
	while (k < n && used + char_width(w[k]) <= width - 1)
		used += char_width(w[k++]);
	put_wide(y, x, w, k, attr);
	put_wide(y, x + used, L"…", 1, attr);
	return used + 1;
}

/* Print UTF-8 text clipped to width columns. */
int
ui_put(int y, int x, int width, const char *utf8, attr_t attr)
{
	size_t n;
	wchar_t *w = decode(utf8 != NULL ? utf8 : "", &n);
	int used;

	for (size_t i = 0; i < n; i++)
		if (w[i] == L'\n' || w[i] == L'\r')
			w[i] = L' ';
	used = put_wide_clipped(y, x, width, w, n, attr);
	free(w);
	return used;
}

/* printf into ui_put. */
int
ui_putf(int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int used;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	used = ui_put(y, x, width, s, attr);
	free(s);
	return used;
}

/*
 * Break w into lines of at most width columns on spaces (hard breaks inside
 * over-long words, forced breaks at '\n'). Calls line() per line unless it is
 * NULL; returns the number of lines.
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
			int cw = char_width(w[i]);
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
				put_wide_clipped(y + lines, x, width, w + start,
				                 n - start, attr);
			} else {
				size_t len = end - start;
				while (len > 0 && w[start + len - 1] == L' ')
					len--;
				put_wide(y + lines, x, w + start, len, attr);
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

/* Word-wrap UTF-8 text into a box. */
int
ui_wrap(int y, int x, int width, int max_lines, const char *utf8, attr_t attr)
{
	size_t n;
	wchar_t *w;
	int lines;

	if (max_lines <= 0 || utf8 == NULL)
		return 0;
	w = decode(utf8, &n);
	lines = wrap_lines(w, n, width, y, x, max_lines, attr, 1);
	free(w);
	return lines;
}

/* Rows the wrapped text needs. */
int
ui_wrap_count(int width, const char *utf8)
{
	size_t n;
	wchar_t *w;
	int lines;

	if (utf8 == NULL)
		return 0;
	w = decode(utf8, &n);
	lines = wrap_lines(w, n, width, 0, 0, 0, 0, 0);
	free(w);
	return lines;
}

/* Blank a row segment. */
void
ui_fill(int y, int x, int width, attr_t attr)
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

/* Title line. */
void
ui_header(struct ui *ui, const char *title, const char *right)
{
	attr_t a = ui->attrs[ROLE_HEADER];
	int rw = right != NULL ? ui_text_width(right) : 0;

	ui_fill(0, 0, ui->cols, a);
	if (rw > ui->cols / 2)
		rw = ui->cols / 2;
	ui_put(0, 1, ui->cols - rw - 3, title, a | A_BOLD);
	if (right != NULL)
		ui_put(0, ui->cols - rw - 1, rw, right, a);
}

/* Status line: a failed save wins over any other message. A message wider
 * than the screen takes the row above as well, so it is read whole. */
void
ui_status_line(struct ui *ui)
{
	int y = ui->rows - 2, w = ui->cols - 2;
	char *text;
	attr_t a;

	ui_fill(y, 0, ui->cols, ui->attrs[ROLE_NORMAL]);
	if (ui->save_failed) {
		text = xasprintf("Nicht gespeichert: %s",
		                 ui->save_error != NULL ? ui->save_error : "");
		a = ui->attrs[ROLE_ERROR];
	} else if (ui->status != NULL) {
		text = xstrdup(ui->status);
		a = ui->status_error ? ui->attrs[ROLE_ERROR] : ui->attrs[ROLE_OK];
	} else {
		return;
	}
	if (ui_text_width(text) > w && ui_wrap_count(w, text) >= 2) {
		ui_fill(y - 1, 0, ui->cols, ui->attrs[ROLE_NORMAL]);
		ui_wrap(y - 1, 1, w, 2, text, a);
	} else {
		ui_put(y, 1, w, text, a);
	}
	free(text);
}

/* A key bar label: "Handlungsfelder|Handlungsf." has a short form after
 * '|'. Writes the form asked for (short when it has one) into out. */
static void
keybar_label(const char *label, int shortened, char *out, size_t size)
{
	const char *bar = strchr(label, '|');

	if (bar == NULL)
		snprintf(out, size, "%s", label);
	else if (shortened)
		snprintf(out, size, "%s", bar + 1);
	else
		snprintf(out, size, "%.*s", (int)(bar - label), label);
}

/* Key bar in the Midnight Commander style. Too narrow for the full labels:
 * first the short forms (longest label first), then every label cut. */
void
ui_keybar(struct ui *ui, const char *const *pairs)
{
	int y = ui->rows - 1, x = 0, limit = 99, shorten[32] = {0};
	size_t npairs = 0;
	char label[64];

	while (npairs < 32 && pairs[2 * npairs] != NULL && pairs[2 * npairs + 1] != NULL)
		npairs++;
	for (;;) {
		int total = 0, longest = -1, longest_w = 0;
		for (size_t i = 0; i < npairs; i++) {
			int kw = ui_text_width(pairs[2 * i]), lw;
			keybar_label(pairs[2 * i + 1], shorten[i], label, sizeof label);
			lw = ui_text_width(label);
			total += kw + (kw > 2) + (lw < limit ? lw : limit) + 1;
			if (!shorten[i] && strchr(pairs[2 * i + 1], '|') != NULL &&
			    lw > longest_w) {
				longest = (int)i;
				longest_w = lw;
			}
		}
		if (total - 1 <= ui->cols || limit <= 3)
			break;
		if (longest >= 0)
			shorten[longest] = 1;
		else
			limit = limit == 99 ? 9 : limit - 1;
	}
	ui_fill(y, 0, ui->cols, ui->attrs[ROLE_NORMAL]);
	for (size_t i = 0; i < npairs; i++) {
		int kw = ui_text_width(pairs[2 * i]), lw;
		int gap = kw > 2; /* "Enter öffnen", but "1Hilfe" as in mc */
		keybar_label(pairs[2 * i + 1], shorten[i], label, sizeof label);
		lw = ui_text_width(label);
		if (lw > limit)
			lw = limit;
		if (x + kw + gap + lw > ui->cols)
			break;
		x += ui_put(y, x, kw, pairs[2 * i], ui->attrs[ROLE_KEY]);
		x += gap;
		x += ui_put(y, x, lw, label, ui->attrs[ROLE_KEYLABEL]);
		if (x < ui->cols)
			x++;
	}
}

/* A bar of points/max with the minimum marked '|' (filled or not). */
void
ui_bar(struct ui *ui, int y, int x, int width, int points, int max, int min_percent)
{
	int filled = 0, mark = -1, low;

	if (width <= 0)
		return;
	if (max > 0) {
		filled = (int)((long)points * width / max);
		if (filled > width)
			filled = width;
		mark = (int)((long)min_percent * width / 100);
		if (mark >= width)
			mark = width - 1;
	}
	low = max > 0 && (long)points * 100 < (long)min_percent * max;
	for (int i = 0; i < width; i++) {
		const wchar_t *c = i < filled ? L"█" : L"·";
		attr_t a = i < filled ? ui->attrs[low ? ROLE_BAR_LOW : ROLE_BAR]
		                      : ui->attrs[ROLE_DIM];
		if (i == mark)
			c = L"|"; /* the minimum, as the legend names it */
		put_wide(y, x + i, c, 1, a);
	}
}

/* The too-small message, centred as far as it fits. */
void
ui_too_small(struct ui *ui)
{
	char *msg =
	    xasprintf("Das Fenster ist zu klein (%d×%d). Bitte auf mindestens %d×%d "
	              "Zeichen vergrößern. Beenden: F10 oder Strg-Q.",
	              ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	int w = ui->cols > 2 ? ui->cols - 2 : ui->cols;

	erase();
	ui_wrap(ui->rows > 4 ? ui->rows / 2 - 2 : 0, ui->cols > 2 ? 1 : 0, w, ui->rows,
	        msg, ui->attrs[ROLE_ERROR] | A_BOLD);
	free(msg);
}

/* Remember where the terminal cursor belongs. */
void
ui_cursor_want(int y, int x)
{
	cursor_wanted = 1;
	cursor_y = y;
	cursor_x = x;
}

/* Hand out and clear the cursor request. */
int
ui_cursor_take(int *y, int *x)
{
	int w = cursor_wanted;

	*y = cursor_y;
	*x = cursor_x;
	cursor_wanted = 0;
	return w;
}

/* Today's local date. */
void
ui_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Start editing with the given text, cursor at the end. A one-line editor
 * starts in replace mode: the first typed character replaces the text. */
void
ui_edit_start(struct ui_edit *e, const char *utf8)
{
	size_t n;
	wchar_t *w = decode(utf8 != NULL ? utf8 : "", &n);
	int multiline = e->multiline;

	free(e->text);
	memset(e, 0, sizeof *e);
	e->text = w;
	e->len = n;
	e->cap = n + 1;
	e->pos = n;
	e->active = 1;
	e->multiline = multiline;
	e->replace = !multiline && n > 0;
}

/* Leave the editor and drop its text (the multi-line mode stays chosen). */
void
ui_edit_stop(struct ui_edit *e)
{
	int multiline = e->multiline;

	free(e->text);
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
}

/* Insert one character at the cursor. */
static void
edit_insert(struct ui_edit *e, wchar_t c)
{
	if (e->len + 2 > e->cap) {
		e->cap = e->cap * 2 + 16;
		e->text = xreallocarray(e->text, e->cap, sizeof *e->text);
	}
	memmove(e->text + e->pos + 1, e->text + e->pos,
	        (e->len - e->pos + 1) * sizeof *e->text);
	e->text[e->pos++] = c;
	e->len++;
	e->changed = 1;
}

/* Delete the character at index i. */
static void
edit_delete(struct ui_edit *e, size_t i)
{
	memmove(e->text + i, e->text + i + 1, (e->len - i) * sizeof *e->text);
	e->len--;
	e->changed = 1;
}

/* Empty the text. */
static void
edit_clear(struct ui_edit *e)
{
	if (e->len > 0)
		e->changed = 1;
	e->len = e->pos = 0;
	e->scroll = 0;
	if (e->text != NULL)
		e->text[0] = L'\0';
}

/*
 * The visual line of a wrapped text that starts at index start: its end
 * (exclusive; the characters shown) and where the next line starts. Lines
 * break at '\n', else at the last space that fits in width columns, else
 * hard. Spaces at a break stay on the line they end (not shown past the
 * width); one '\n' is consumed. The same rule as the word wrap of ui_wrap.
 */
static void
visual_line(const wchar_t *w, size_t n, size_t start, int width, size_t *end,
            size_t *next)
{
	size_t i = start, last_space = (size_t)-1;
	int used = 0;

	while (i < n && w[i] != L'\n') {
		int cw = char_width(w[i]);
		if (used + cw > width && i > start)
			break;
		if (w[i] == L' ')
			last_space = i;
		used += cw;
		i++;
	}
	if (i < n && w[i] != L'\n' && last_space != (size_t)-1 && last_space > start) {
		*end = last_space;
		i = last_space;
		while (i < n && w[i] == L' ')
			i++;
		*next = i;
		return;
	}
	*end = i;
	*next = i < n && w[i] == L'\n' ? i + 1 : i;
}

/* The start of the paragraph (text after the last '\n') that holds index i. */
static size_t
paragraph_start(const wchar_t *w, size_t i)
{
	while (i > 0 && w[i - 1] != L'\n')
		i--;
	return i;
}

/* The start of the visual line that holds index pos (wraps its paragraph). */
static size_t
line_of(const struct ui_edit *e, size_t pos, int width)
{
	size_t start = paragraph_start(e->text, pos), end, next;

	for (;;) {
		visual_line(e->text, e->len, start, width, &end, &next);
		if (next > pos || next >= e->len || next == start)
			return start;
		start = next;
	}
}

/* Move the cursor to the visual line above (dir < 0) or below (dir > 0),
 * keeping its column as far as the line allows. */
static void
edit_vertical(struct ui_edit *e, int dir)
{
	int width = e->width > 1 ? e->width : 40, col = 0, used = 0;
	size_t start = line_of(e, e->pos, width), end, next, target;

	for (size_t i = start; i < e->pos; i++)
		col += char_width(e->text[i]);
	if (dir < 0) {
		if (start == 0)
			return;
		target = line_of(e, start - 1, width);
	} else {
		visual_line(e->text, e->len, start, width, &end, &next);
		if (next >= e->len && (end >= e->len || e->text[end] != L'\n'))
			return;
		target = next;
	}
	visual_line(e->text, e->len, target, width, &end, &next);
	e->pos = target;
	while (e->pos < end && used + char_width(e->text[e->pos]) <= col)
		used += char_width(e->text[e->pos++]);
}

/* Apply one key to the editor. */
int
ui_edit_key(struct ui_edit *e, int key)
{
	int replace = e->replace;

	e->replace = 0;
	switch (key) {
	case '\n':
	case '\r':
	case UI_KEY(KEY_ENTER):
		if (!e->multiline)
			return EDIT_COMMIT;
		edit_insert(e, L'\n');
		return EDIT_CHANGED;
	case UI_CTRL('s'):
		return EDIT_COMMIT;
	case UI_ESC:
		return EDIT_CANCEL;
	case UI_KEY(KEY_BACKSPACE):
	case 127:
	case 8:
		if (e->pos > 0)
			edit_delete(e, --e->pos);
		return EDIT_CHANGED;
	case UI_KEY(KEY_DC):
		if (e->pos < e->len)
			edit_delete(e, e->pos);
		return EDIT_CHANGED;
	case UI_KEY(KEY_LEFT):
		if (e->pos > 0)
			e->pos--;
		return EDIT_CHANGED;
	case UI_KEY(KEY_RIGHT):
		if (e->pos < e->len)
			e->pos++;
		return EDIT_CHANGED;
	case UI_KEY(KEY_UP):
	case UI_KEY(KEY_DOWN):
		if (!e->multiline) {
			e->replace = replace;
			return EDIT_IGNORED;
		}
		edit_vertical(e, key == UI_KEY(KEY_UP) ? -1 : 1);
		return EDIT_CHANGED;
	case UI_KEY(KEY_HOME):
	case UI_CTRL('a'):
		e->pos = e->multiline ? paragraph_start(e->text, e->pos) : 0;
		return EDIT_CHANGED;
	case UI_KEY(KEY_END):
	case UI_CTRL('e'):
		if (e->multiline)
			while (e->pos < e->len && e->text[e->pos] != L'\n')
				e->pos++;
		else
			e->pos = e->len;
		return EDIT_CHANGED;
	case UI_CTRL('u'):
		edit_clear(e);
		return EDIT_CHANGED;
	default:
		break;
	}
	if (key >= 32 && key < UI_KEYBASE && key != 127 && iswprint((wint_t)key)) {
		if (replace)
			edit_clear(e);
		edit_insert(e, (wchar_t)key);
		return EDIT_CHANGED;
	}
	e->replace = replace;
	return EDIT_IGNORED;
}

/* The edited text as UTF-8. */
char *
ui_edit_text(const struct ui_edit *e)
{
	struct buf b = {0};
	char mb[MB_LEN_MAX];
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < e->len; i++) {
		size_t r = wcrtomb(mb, e->text[i], &st);
		if (r != (size_t)-1)
			buf_add(&b, mb, r);
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_steal(&b);
}

/* Draw the one-line editor, scrolled so the cursor is visible. Linear in the
 * width: only the characters left of the cursor that can be shown are
 * measured. */
void
ui_edit_draw(struct ui_edit *e, int y, int x, int width, attr_t attr)
{
	int used = 0, cx, back = 0;
	size_t i;

	if (width < 2)
		return;
	e->width = width;
	if (e->scroll > e->pos)
		e->scroll = e->pos;
	/* from the cursor back to the scroll position, at most width-1 columns */
	for (i = e->pos; i > e->scroll; i--) {
		int cw = char_width(e->text[i - 1]);
		if (back + cw > width - 1)
			break;
		back += cw;
	}
	e->scroll = i;
	ui_fill(y, x, width, attr);
	cx = x;
	if (e->replace)
		attr |= A_STANDOUT; /* typing replaces what is shown */
	for (i = e->scroll; i < e->len; i++) {
		int cw = char_width(e->text[i]);
		if (used + cw > width)
			break;
		if (i == e->pos)
			cx = x + used;
		put_wide(y, x + used, e->text + i, 1, attr);
		used += cw;
	}
	if (e->pos >= i)
		cx = x + used;
	if (cx >= x + width)
		cx = x + width - 1;
	ui_cursor_want(y, cx);
}

/* Draw the multi-line editor into height rows: wrapped as ui_wrap wraps,
 * scrolled so the cursor's line is shown. Linear in the text before the
 * cursor at worst (one paragraph is wrapped from its start). */
void
ui_edit_draw_box(struct ui_edit *e, int y, int x, int width, int height, attr_t attr)
{
	size_t start, end, next, cur_line, ring[64];
	int rows = 0, cy = y, cx = x;

	if (width < 2 || height < 1)
		return;
	if (height > 64)
		height = 64;
	e->width = width;
	cur_line = line_of(e, e->pos, width);
	/* e->scroll is an index on the first shown line; find that line */
	start = e->scroll <= e->len ? line_of(e, e->scroll, width) : cur_line;
	if (cur_line < start) {
		start = cur_line;
	} else {
		/* walk from the first shown line to the cursor's; keep the last
		 * height line starts, the oldest of which becomes the first shown */
		size_t count = 0, s = start;
		for (;;) {
			ring[count++ % (size_t)height] = s;
			if (s == cur_line)
				break;
			visual_line(e->text, e->len, s, width, &end, &next);
			if (next == s || next > cur_line)
				break;
			s = next;
			if ((count & 1023) == 0 && ui_interrupted())
				return;
		}
		if (count > (size_t)height)
			start = ring[count % (size_t)height];
	}
	e->scroll = start;
	for (int r = 0; r < height; r++)
		ui_fill(y + r, x, width, attr);
	for (size_t s = start; rows < height;) {
		visual_line(e->text, e->len, s, width, &end, &next);
		if (s == cur_line) {
			int used = 0;
			for (size_t i = s; i < e->pos && i < end; i++)
				used += char_width(e->text[i]);
			cy = y + rows;
			cx = x + (used < width ? used : width - 1);
		}
		put_wide_clipped(y + rows, x, width, e->text + s, end - s, attr);
		rows++;
		if (next == s)
			break; /* the empty line after a final line break */
		if (next >= e->len && (end >= e->len || e->text[end] != L'\n'))
			break; /* the last line */
		s = next;
	}
	ui_cursor_want(cy, cx);
}

/* Append a field; strings are copied. */
struct ui_field *
ui_fields_add(struct ui_fields *f, enum ui_field_kind kind, const char *label,
              const char *key, const char *value)
{
	struct ui_field *fl;

	f->items = xreallocarray(f->items, f->count + 1, sizeof *f->items);
	fl = &f->items[f->count++];
	memset(fl, 0, sizeof *fl);
	fl->kind = kind;
	fl->label = xstrdup(label);
	fl->key = xstrdup(key);
	fl->value = xstrdup(value);
	return fl;
}

/* Free every field and reset the list. */
void
ui_fields_clear(struct ui_fields *f)
{
	for (size_t i = 0; i < f->count; i++) {
		struct ui_field *fl = &f->items[i];
		free(fl->label);
		free(fl->key);
		free(fl->value);
		for (size_t k = 0; fl->owned_choices != NULL && k < fl->choice_count; k++)
			free(fl->owned_choices[k]);
		for (size_t k = 0; fl->owned_labels != NULL && k < fl->choice_count; k++)
			free(fl->owned_labels[k]);
		free(fl->owned_choices);
		free(fl->owned_labels);
	}
	free(f->items);
	free(f->result);
	ui_edit_stop(&f->edit);
	memset(f, 0, sizeof *f);
}

/* Whether the field can take the selection. */
static int
selectable(const struct ui_field *fl)
{
	return !fl->hidden && fl->kind != FIELD_HEADING && fl->kind != FIELD_INFO;
}

/* Move the selection by dir (±1) to the next selectable field. */
static int
fields_move(struct ui_fields *f, int dir)
{
	size_t i = f->selected;

	for (;;) {
		if (dir < 0 && i == 0)
			return 0;
		i = dir < 0 ? i - 1 : i + 1;
		if (i >= f->count)
			return 0;
		if (selectable(&f->items[i])) {
			f->selected = i;
			return 1;
		}
	}
}

/* Index of the field's value among its choices, or -1. */
static int
choice_index(const struct ui_field *fl)
{
	for (size_t k = 0; k < fl->choice_count; k++)
		if (fl->value != NULL && strcmp(fl->choices[k], fl->value) == 0)
			return (int)k;
	return -1;
}

/* The label of a choice field's value. */
const char *
ui_field_choice_label(const struct ui_field *fl)
{
	int k = choice_index(fl);

	if (k < 0)
		return fl->value != NULL && fl->value[0] != '\0' ? fl->value : "–";
	return fl->choice_labels != NULL ? fl->choice_labels[k] : fl->choices[k];
}

/* Text folded for picking by typing: lower case, ä → a, ß → ss (caller frees). */
static wchar_t *
fold_for_pick(const char *utf8)
{
	size_t n;
	wchar_t *w = decode(utf8 != NULL ? utf8 : "", &n);
	wchar_t *out = xreallocarray(NULL, 2 * n + 1, sizeof *out);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		wchar_t c = (wchar_t)towlower((wint_t)w[i]);
		if (c == L'ä')
			c = L'a';
		else if (c == L'ö')
			c = L'o';
		else if (c == L'ü')
			c = L'u';
		else if (c == L'ß') {
			out[k++] = L's';
			c = L's';
		}
		out[k++] = c;
	}
	out[k] = L'\0';
	free(w);
	return out;
}

/* Milliseconds on a monotonic clock. */
static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Pick a choice by typing: the letters typed within a second of each other
 * form the search; the first choice whose label starts with it wins, else
 * the first with a word that starts with it, else the first containing it.
 * Returns the index, or -1.
 */
static int
pick_by_typing(struct ui_fields *f, const struct ui_field *fl, int key)
{
	long t = now_ms();
	wchar_t *typed;
	int best = -1, best_rank = 4;
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;
	size_t r;

	if (t - f->typed_at > 1000 || f->typed_field != f->selected)
		f->typed_len = 0;
	f->typed_at = t;
	f->typed_field = f->selected;
	memset(&st, 0, sizeof st);
	r = wcrtomb(mb, (wchar_t)key, &st);
	if (r == (size_t)-1 || f->typed_len + r >= sizeof f->typed)
		return -1;
	memcpy(f->typed + f->typed_len, mb, r);
	f->typed_len += r;
	f->typed[f->typed_len] = '\0';
	typed = fold_for_pick(f->typed);
	for (size_t k = 0; k < fl->choice_count; k++) {
		const char *label =
		    fl->choice_labels != NULL ? fl->choice_labels[k] : fl->choices[k];
		wchar_t *l = fold_for_pick(label), *hit = wcsstr(l, typed);
		int rank = hit == NULL ? 4 : hit == l ? 0 : !iswalnum(hit[-1]) ? 1 : 2;
		/* "IHK Darmstadt": the word after a common "IHK " counts as a start */
		if (rank == 1 && wcsncmp(l, L"ihk ", 4) == 0 && hit == l + 4)
			rank = 0;
		if (rank < best_rank) {
			best_rank = rank;
			best = (int)k;
		}
		free(l);
	}
	free(typed);
	return best;
}

/* Start the editor on field fl; single-line fields start in replace mode. */
static void
fields_edit(struct ui_fields *f, const struct ui_field *fl, const char *start)
{
	f->edit.multiline = fl->multiline;
	if (fl->kind == FIELD_DATE && start != NULL) {
		char *shown = date_display(start);
		ui_edit_start(&f->edit, shown);
		free(shown);
	} else {
		ui_edit_start(&f->edit, start);
	}
}

/* Apply a key to the field list. */
int
ui_fields_key(struct ui_fields *f, int key)
{
	struct ui_field *fl;

	free(f->result);
	f->result = NULL;
	if (f->count == 0)
		return 0;
	if (!selectable(&f->items[f->selected]) && !fields_move(f, 1))
		fields_move(f, -1);
	fl = &f->items[f->selected];
	if (f->confirm != 0) {
		int asked = f->confirm;
		f->confirm = 0;
		if (key == 'j' || key == 'J' || (asked == 2 && key == UI_KEY(KEY_DC))) {
			if (asked == 1) {
				ui_edit_stop(&f->edit);
				return UI_FIELDS_CANCEL;
			}
			f->result = xstrdup("");
			return UI_FIELDS_COMMIT;
		}
		f->result = xstrdup(asked == 1 ? "Weiter bearbeiten (Strg-S speichert)"
		                               : "Feld behalten");
		return UI_FIELDS_MESSAGE;
	}
	if (f->edit.active) {
		switch (ui_edit_key(&f->edit, key)) {
		case EDIT_COMMIT:
			f->result =
			    ui_edit_text(&f->edit); /* the caller stops the editor */
			return UI_FIELDS_COMMIT;
		case EDIT_CANCEL:
			if (f->edit.multiline && f->edit.changed) {
				f->confirm = 1;
				f->result =
				    xstrdup("Änderungen verwerfen? j: verwerfen, andere "
				            "Taste: weiter bearbeiten");
				return UI_FIELDS_CONFIRM;
			}
			ui_edit_stop(&f->edit);
			return UI_FIELDS_CANCEL;
		case EDIT_CHANGED:
			return UI_FIELDS_EDITING;
		default:
			return 0;
		}
	}
	switch (key) {
	case UI_KEY(KEY_UP):
		fields_move(f, -1);
		return UI_FIELDS_MOVED;
	case UI_KEY(KEY_DOWN):
	case '\t':
		fields_move(f, 1);
		return UI_FIELDS_MOVED;
	case UI_KEY(KEY_PPAGE):
	case UI_KEY(KEY_NPAGE):
		for (int i = 0; i < 8; i++)
			fields_move(f, key == UI_KEY(KEY_PPAGE) ? -1 : 1);
		return UI_FIELDS_MOVED;
	case UI_KEY(KEY_HOME):
		f->selected = 0;
		if (!selectable(&f->items[0]))
			fields_move(f, 1);
		return UI_FIELDS_MOVED;
	case UI_KEY(KEY_END):
		f->selected = f->count - 1;
		if (!selectable(&f->items[f->selected]))
			fields_move(f, -1);
		return UI_FIELDS_MOVED;
	default:
		break;
	}
	if (fl->kind == FIELD_CHOICE && fl->choice_count > 0) {
		int k = choice_index(fl), n = (int)fl->choice_count;
		if (key == UI_KEY(KEY_LEFT))
			k = k <= 0 ? n - 1 : k - 1;
		else if (key == ' ' || key == UI_KEY(KEY_RIGHT))
			k = (k + 1) % n;
		else if (key >= '1' && key <= '9' && key - '1' < n)
			k = key - '1';
		else if (key == '\n' || key == '\r' || key == UI_KEY(KEY_ENTER)) {
			f->result = xstrdup("Auswahl: Leertaste, ←/→, Ziffer oder "
			                    "Anfangsbuchstaben tippen");
			return UI_FIELDS_MESSAGE;
		} else if (key >= 32 && key < UI_KEYBASE && iswalpha((wint_t)key)) {
			k = pick_by_typing(f, fl, key);
			if (k < 0) {
				f->result =
				    xasprintf("Keine Auswahl passt zu „%s“", f->typed);
				f->typed_len = 0;
				return UI_FIELDS_MESSAGE;
			}
		} else
			return 0;
		f->result = xstrdup(fl->choices[k]);
		return UI_FIELDS_COMMIT;
	}
	if (fl->kind == FIELD_BUTTON) {
		if (key == '\n' || key == '\r' || key == UI_KEY(KEY_ENTER) || key == ' ')
			return UI_FIELDS_BUTTON;
		return 0;
	}
	if (fl->kind == FIELD_TEXT || fl->kind == FIELD_DATE) {
		if (key == '\n' || key == '\r' || key == UI_KEY(KEY_ENTER) ||
		    key == UI_KEY(KEY_RIGHT)) {
			fields_edit(f, fl, fl->value);
			return UI_FIELDS_EDITING;
		}
		if (key == UI_KEY(KEY_DC)) {
			if (fl->value == NULL || fl->value[0] == '\0')
				return UI_FIELDS_MOVED;
			f->confirm = 2;
			f->result = xasprintf("„%s“ leeren? j oder Entf: leeren, andere "
			                      "Taste: behalten",
			                      fl->label);
			return UI_FIELDS_CONFIRM;
		}
		if (key >= 32 && key < UI_KEYBASE && key != 127 &&
		    iswprint((wint_t)key)) {
			/* a one-line value is replaced by typing, a note goes on */
			fields_edit(f, fl, fl->multiline ? fl->value : NULL);
			ui_edit_key(&f->edit, key);
			return UI_FIELDS_EDITING;
		}
	}
	return 0;
}

/* Draw the field list into a box, scrolled to keep the selection visible. */
void
ui_fields_draw(struct ui *ui, struct ui_fields *f, int y, int x, int width, int height)
{
	int label_w = 0, row = 0;
	size_t shown_before = 0;

	if (height <= 0 || f->count == 0)
		return;
	if (!selectable(&f->items[f->selected]) && !fields_move(f, 1))
		fields_move(f, -1);
	for (size_t i = 0; i < f->count; i++) {
		int w;
		if (f->items[i].hidden || f->items[i].kind == FIELD_HEADING ||
		    f->items[i].kind == FIELD_BUTTON)
			continue;
		w = ui_text_width(f->items[i].label);
		if (w > label_w)
			label_w = w;
	}
	label_w += 2;
	if (label_w > width / 2)
		label_w = width / 2;
	/* scroll: count visible rows before the selection */
	for (size_t i = 0; i < f->selected; i++)
		if (!f->items[i].hidden)
			shown_before++;
	if (shown_before < f->top)
		f->top = shown_before > 0 && f->items[0].kind == FIELD_HEADING
		             ? shown_before - 1
		             : shown_before;
	if (shown_before >= f->top + (size_t)height)
		f->top = shown_before - (size_t)height + 1;
	{
		size_t vis = 0;
		for (size_t i = 0; i < f->count && row < height; i++) {
			struct ui_field *fl = &f->items[i];
			int sel = i == f->selected;
			attr_t la = ui_row_attr(ui, sel);
			if (fl->hidden)
				continue;
			if (vis++ < f->top)
				continue;
			switch (fl->kind) {
			case FIELD_HEADING:
				ui_put(y + row, x, width, fl->label,
				       ui->attrs[ROLE_TITLE]);
				break;
			case FIELD_BUTTON:
				ui_putf(y + row, x + label_w, width - label_w,
				        la | A_BOLD, "[ %s ]", fl->label);
				break;
			case FIELD_INFO:
				ui_put(y + row, x, label_w - 1, fl->label,
				       ui->attrs[ROLE_DIM]);
				ui_put(y + row, x + label_w, width - label_w, fl->value,
				       ui->attrs[ROLE_DIM]);
				break;
			case FIELD_CHOICE:
				ui_put(y + row, x, label_w - 1, fl->label, la);
				ui_putf(y + row, x + label_w, width - label_w,
				        ui->attrs[ROLE_NORMAL], "‹ %s ›",
				        ui_field_choice_label(fl));
				break;
			default:
				ui_put(y + row, x, label_w - 1, fl->label, la);
				if (sel && f->edit.active && !f->edit.multiline) {
					ui_edit_draw(&f->edit, y + row, x + label_w,
					             width - label_w,
					             ui->attrs[ROLE_SELECTED]);
				} else if (sel && f->edit.active) {
					ui_put(y + row, x + label_w, width - label_w,
					       "(wird unten bearbeitet)",
					       ui->attrs[ROLE_DIM]);
				} else {
					char *shown = fl->kind == FIELD_DATE
					                  ? date_display(fl->value)
					                  : xstrdup(fl->value);
					ui_put(y + row, x + label_w, width - label_w,
					       shown != NULL ? shown : "",
					       ui->attrs[ROLE_NORMAL]);
					free(shown);
				}
				break;
			}
			row++;
		}
	}
}

/* Under the list: the multi-line editor while a note is edited, else the
 * selected field's whole text when it is too long for its row. */
void
ui_fields_detail(struct ui *ui, struct ui_fields *f, int y, int x, int width, int height)
{
	const struct ui_field *fl;

	if (f->count == 0 || height <= 0)
		return;
	fl = &f->items[f->selected];
	if (f->edit.active && f->edit.multiline) {
		ui_putf(y, x, width, ui->attrs[ROLE_TITLE],
		        "%s: Enter neue Zeile · Strg-S speichert · Esc verwirft",
		        fl->label);
		ui_edit_draw_box(&f->edit, y + 1, x, width, height - 1,
		                 ui->attrs[ROLE_SELECTED]);
		return;
	}
	if (f->edit.active)
		return;
	if ((fl->kind != FIELD_TEXT && fl->kind != FIELD_INFO) || fl->value == NULL ||
	    (ui_text_width(fl->value) <= width / 2 && strchr(fl->value, '\n') == NULL))
		return;
	ui_wrap(y, x, width, height, fl->value, ui->attrs[ROLE_DIM]);
}

/* Save the value just committed in field fl through ui_set: a date typed as
 * TT.MM.JJJJ is stored ISO, an implausible one is saved with a warning. 0, or
 * -1 with the reason shown (the editor keeps the input). */
static int
save_field(struct ui *ui, struct ui_fields *f, struct ui_field *fl,
           void (*rebuild)(struct ui *))
{
	const char *value = f->result[0] != '\0' ? f->result : NULL;
	char iso[11], *why = NULL;

	if (fl->key == NULL) {
		ui_edit_stop(&f->edit);
		return 0;
	}
	if (fl->kind == FIELD_DATE && value != NULL) {
		if (date_parse(value, iso, &why) != 0) {
			ui_message(ui, 1, "%s", why);
			free(why);
			return -1;
		}
		value = iso;
	}
	if (fl->save != NULL ? fl->save(ui, value) != 0 : ui_set(ui, fl->key, value) != 0)
		return -1;
	ui_edit_stop(&f->edit);
	if (fl->kind == FIELD_DATE && value != NULL) {
		char today[11], *w;
		date_today(today);
		w = session_date_warning(ui->session, fl->key, today);
		if (w != NULL)
			ui_message(ui, 1, "Gespeichert, aber: %s", w);
		free(w);
	}
	rebuild(ui);
	return 0;
}

/* Keys of a field list whose commits are saved at once (F2, F3, F7, F8). */
int
ui_fields_save_key(struct ui *ui, struct ui_fields *f, int key,
                   void (*rebuild)(struct ui *))
{
	switch (ui_fields_key(f, key)) {
	case UI_FIELDS_COMMIT:
		save_field(ui, f, &f->items[f->selected], rebuild);
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_CANCEL:
		ui_message(ui, 0, "Eingabe verworfen");
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_CONFIRM:
		ui_message(ui, 1, "%s", f->result);
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_MESSAGE:
		ui_message(ui, 0, "%s", f->result);
		return UI_HANDLED | UI_REDRAW;
	case 0:
		break;
	default:
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_ESC) {
		ui_fields_clear(f);
		ui_back(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
}

/* Save what the field editor holds before the screen is left (flush). */
int
ui_fields_flush(struct ui *ui, struct ui_fields *f, void (*rebuild)(struct ui *))
{
	f->confirm = 0;
	if (!f->edit.active || f->count == 0)
		return 0;
	if (!f->edit.changed) {
		ui_edit_stop(&f->edit);
		return 0;
	}
	free(f->result);
	f->result = ui_edit_text(&f->edit);
	return save_field(ui, f, &f->items[f->selected], rebuild);
}

/* The title line, the status line and the key bar of a screen. */
void
ui_frame(struct ui *ui, const char *title, const char *right, const char *const *keys)
{
	ui_header(ui, title, right);
	ui_status_line(ui);
	ui_keybar(ui, keys);
}

/* The attribute of a list row: highlighted when selected. */
attr_t
ui_row_attr(const struct ui *ui, int selected)
{
	return selected ? ui->attrs[ROLE_SELECTED] : ui->attrs[ROLE_NORMAL];
}

/* Move a list selection with ↑/↓ and, when page >= 0, PgUp/PgDn by page rows. */
int
ui_list_key(size_t *selected, size_t count, int key, int page)
{
	size_t p = (size_t)page;

	switch (key) {
	case UI_KEY(KEY_UP):
		if (*selected > 0)
			(*selected)--;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_DOWN):
		if (*selected + 1 < count)
			(*selected)++;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_NPAGE):
		if (page < 0)
			return 0;
		*selected =
		    *selected + p < count ? *selected + p : (count > 0 ? count - 1 : 0);
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_PPAGE):
		if (page < 0)
			return 0;
		*selected = *selected > p ? *selected - p : 0;
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

/* Draw a list one row per item, scrolled to keep the selection shown. */
void
ui_list_draw(struct ui *ui, int y, int x, int width, int height, size_t count,
             size_t selected, size_t *top, ui_list_row_fn *row)
{
	if (selected < *top)
		*top = selected;
	if (selected >= *top + (size_t)height)
		*top = selected - (size_t)height + 1;
	for (size_t i = *top; i < count && (int)(i - *top) < height; i++) {
		int row_y = y + (int)(i - *top);
		attr_t a = ui_row_attr(ui, i == selected);
		ui_fill(row_y, x, width, a);
		row(ui, i, row_y, x, width, a);
	}
}
