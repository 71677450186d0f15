/*
 * edit.c: the editor of answers, fields and the search line, on wide
 * characters: one line (Enter finishes) or several (Enter starts a line,
 * Strg-S finishes), wrapped as text_wrap wraps. What each key does is the
 * binding table edit_bindings. The view follows the cursor when a key moves
 * it (edit_layout gives the size); drawing only reads. Knows no screen and
 * no session.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "tui/edit.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/text.h"

/* Most rows of a multi-line editor. */
#define BOX_MAX 64

void
edit_start(struct ui_edit *e, const char *utf8)
{
	size_t n;
	wchar_t *w = text_decode(utf8, &n);
	int multiline = e->multiline, width = e->width, height = e->height;

	free(e->text);
	memset(e, 0, sizeof *e);
	e->text = w;
	e->len = n;
	e->cap = n + 1;
	e->pos = n;
	e->active = 1;
	e->multiline = multiline;
	e->replace = !multiline && n > 0;
	edit_layout(e, width, height);
}

void
edit_stop(struct ui_edit *e)
{
	int multiline = e->multiline, width = e->width, height = e->height;

	free(e->text);
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	e->width = width;
	e->height = height;
}

/* Insert one character at the cursor. */
static void
insert(struct ui_edit *e, wchar_t c)
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
delete_at(struct ui_edit *e, size_t i)
{
	memmove(e->text + i, e->text + i + 1, (e->len - i) * sizeof *e->text);
	e->len--;
	e->changed = 1;
}

/* Empty the text. */
static void
erase_text(struct ui_edit *e)
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
 * width); one '\n' is consumed. The same rule as the word wrap of text_wrap.
 */
static void
visual_line(const wchar_t *w, size_t n, size_t start, int width, size_t *end,
            size_t *next)
{
	size_t i = start, last_space = (size_t)-1;
	int used = 0;

	while (i < n && w[i] != L'\n') {
		int cw = text_char_width(w[i]);
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

/* One line: the first shown character when width columns show the text, the
 * view kept where it is unless the cursor left it. */
static size_t
line_view(const struct ui_edit *e, int width)
{
	size_t i, scroll = e->scroll > e->pos ? e->pos : e->scroll;
	int back = 0;

	/* from the cursor back to the scroll position, at most width-1 columns */
	for (i = e->pos; i > scroll; i--) {
		int cw = text_char_width(e->text[i - 1]);
		if (back + cw > width - 1)
			break;
		back += cw;
	}
	return i;
}

/* Several lines: the start of the first shown line in height rows of width
 * columns, the view kept where it is unless the cursor's line left it; the
 * start of the cursor's line into *cursor_line. Linear in the paragraph
 * that holds the cursor. */
static size_t
box_view(const struct ui_edit *e, int width, int height, size_t *cursor_line)
{
	size_t start, end, next, cur_line, ring[BOX_MAX], count = 0, s;

	if (height > BOX_MAX)
		height = BOX_MAX;
	cur_line = line_of(e, e->pos, width);
	*cursor_line = cur_line;
	/* e->scroll is an index on the first shown line; find that line */
	start = e->scroll <= e->len ? line_of(e, e->scroll, width) : cur_line;
	if (cur_line < start)
		return cur_line;
	/* walk from the first shown line to the cursor's; keep the last height
	 * line starts, the oldest of which becomes the first shown */
	for (s = start;;) {
		ring[count++ % (size_t)height] = s;
		if (s == cur_line)
			break;
		visual_line(e->text, e->len, s, width, &end, &next);
		if (next == s || next > cur_line)
			break;
		s = next;
		if ((count & 1023) == 0 && term_signal())
			return start;
	}
	return count > (size_t)height ? ring[count % (size_t)height] : start;
}

void
edit_layout(struct ui_edit *e, int width, int height)
{
	e->width = width;
	e->height = height;
	if (!e->active || width < 2)
		return;
	if (e->multiline && height >= 1)
		e->scroll = box_view(e, width, height, &e->cursor_line);
	else if (!e->multiline)
		e->scroll = line_view(e, width);
}

/* Enter: a new line in a multi-line editor, else done. */
static int
edit_enter(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;

	(void)ui;
	(void)key;
	if (!e->multiline)
		return EDIT_COMMIT;
	insert(e, L'\n');
	return EDIT_CHANGED;
}

/* Strg-S: done. */
static int
edit_commit(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return EDIT_COMMIT;
}

/* Esc: cancel (the owner asks first where much would be lost). */
static int
edit_cancel(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)state;
	(void)key;
	return EDIT_CANCEL;
}

/* ← →: the cursor one character. */
static int
edit_move(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;

	(void)ui;
	if (key == UI_KEY(KEY_LEFT) && e->pos > 0)
		e->pos--;
	else if (key == UI_KEY(KEY_RIGHT) && e->pos < e->len)
		e->pos++;
	return EDIT_CHANGED;
}

/* Pos1, Strg-A: start of the line. */
static int
edit_home(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;

	(void)ui;
	(void)key;
	e->pos = e->multiline ? paragraph_start(e->text, e->pos) : 0;
	return EDIT_CHANGED;
}

/* Ende, Strg-E: end of the line. */
static int
edit_end(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;

	(void)ui;
	(void)key;
	if (e->multiline)
		while (e->pos < e->len && e->text[e->pos] != L'\n')
			e->pos++;
	else
		e->pos = e->len;
	return EDIT_CHANGED;
}

/* ↑ ↓ (multi-line only): the visual line above or below, keeping the
 * column as far as the line allows. */
static int
edit_vertical(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;
	int width = e->width > 1 ? e->width : 40, col = 0, used = 0;
	size_t start, end, next, target;

	(void)ui;
	if (!e->multiline)
		return EDIT_IGNORED;
	start = line_of(e, e->pos, width);
	for (size_t i = start; i < e->pos; i++)
		col += text_char_width(e->text[i]);
	if (key == UI_KEY(KEY_UP)) {
		if (start == 0)
			return EDIT_CHANGED;
		target = line_of(e, start - 1, width);
	} else {
		visual_line(e->text, e->len, start, width, &end, &next);
		if (next >= e->len && (end >= e->len || e->text[end] != L'\n'))
			return EDIT_CHANGED;
		target = next;
	}
	visual_line(e->text, e->len, target, width, &end, &next);
	e->pos = target;
	while (e->pos < end && used + text_char_width(e->text[e->pos]) <= col)
		used += text_char_width(e->text[e->pos++]);
	return EDIT_CHANGED;
}

/* Rücktaste, Entf: the character before or at the cursor. */
static int
edit_erase(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;

	(void)ui;
	if (key == UI_BACKSPACE && e->pos > 0)
		delete_at(e, --e->pos);
	else if (key == UI_KEY(KEY_DC) && e->pos < e->len)
		delete_at(e, e->pos);
	return EDIT_CHANGED;
}

/* Strg-U: everything. */
static int
edit_clear(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)key;
	erase_text(state);
	return EDIT_CHANGED;
}

/* A character: typed at the cursor (replacing the text when it starts so). */
static int
edit_type(struct ui *ui, void *state, int key)
{
	struct ui_edit *e = state;

	(void)ui;
	if (e->replace)
		erase_text(e);
	insert(e, (wchar_t)key);
	return EDIT_CHANGED;
}

/* The editor's keys; the help lists them under „In der Eingabe“. */
const struct ui_binding edit_bindings[] = {
    {'\n', 0, "Enter", NULL, "übernehmen; in Notizen und Zielen: neue Zeile", edit_enter},
    {UI_CTRL('s'), 0, "Strg-S", "speichern", "speichern, auch in Notizen und Zielen",
     edit_commit},
    {UI_ESC, 0, "Esc", "verwerfen",
     "Eingabe verwerfen (das Gespeicherte bleibt; fragt bei geänderten Notizen)",
     edit_cancel},
    {UI_KEY(KEY_LEFT), UI_KEY(KEY_RIGHT), "← → Pos1 Ende", NULL, "Cursor bewegen",
     edit_move},
    {UI_KEY(KEY_HOME), UI_CTRL('a'), NULL, NULL, NULL, edit_home},
    {UI_KEY(KEY_END), UI_CTRL('e'), NULL, NULL, NULL, edit_end},
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), "↑ ↓", NULL,
     "in Notizen und Zielen: zwischen den Zeilen", edit_vertical},
    {UI_BACKSPACE, UI_KEY(KEY_DC), "Rücktaste Entf", NULL, "Zeichen löschen", edit_erase},
    {UI_CTRL('u'), 0, "Strg-U", NULL, "alles löschen", edit_clear},
    {UI_KEYS_TEXT, 0, NULL, NULL, NULL, edit_type},
};
const size_t edit_binding_count = BIND_COUNT(edit_bindings);

int
edit_key(struct ui_edit *e, int key)
{
	int r = bind_run(edit_bindings, edit_binding_count, NULL, e, key);

	if (r == EDIT_IGNORED)
		return r; /* a key that is not the editor's keeps replace mode */
	e->replace = 0;
	edit_layout(e, e->width, e->height);
	return r;
}

char *
edit_text(const struct ui_edit *e)
{
	return text_encode(e->text, e->len);
}

void
edit_draw(const struct ui_edit *e, int y, int x, int width, attr_t attr)
{
	int used = 0, cx;
	size_t i, scroll;

	if (width < 2)
		return;
	scroll = line_view(e, width);
	text_fill(y, x, width, attr);
	cx = x;
	if (e->replace)
		attr |= A_STANDOUT; /* typing replaces what is shown */
	for (i = scroll; i < e->len; i++) {
		int cw = text_char_width(e->text[i]);
		if (used + cw > width)
			break;
		if (i == e->pos)
			cx = x + used;
		text_put_wide(y, x + used, e->text + i, 1, attr);
		used += cw;
	}
	if (e->pos >= i)
		cx = x + used;
	if (cx >= x + width)
		cx = x + width - 1;
	text_cursor_want(y, cx);
}

void
edit_draw_box(const struct ui_edit *e, int y, int x, int width, int height, attr_t attr)
{
	size_t end, next, cur_line, first;
	int rows = 0, cy = y, cx = x;

	if (width < 2 || height < 1)
		return;
	if (height > BOX_MAX)
		height = BOX_MAX;
	/* edit_layout keeps the view for the size it was given */
	if (width == e->width && height == e->height) {
		first = e->scroll;
		cur_line = e->cursor_line;
	} else {
		first = box_view(e, width, height, &cur_line);
	}
	for (int r = 0; r < height; r++)
		text_fill(y + r, x, width, attr);
	for (size_t s = first; rows < height;) {
		visual_line(e->text, e->len, s, width, &end, &next);
		if (s == cur_line) {
			int used = 0;
			for (size_t i = s; i < e->pos && i < end; i++)
				used += text_char_width(e->text[i]);
			cy = y + rows;
			cx = x + (used < width ? used : width - 1);
		}
		text_put_wide_clipped(y + rows, x, width, e->text + s, end - s, attr);
		rows++;
		if (next == s)
			break; /* the empty line after a final line break */
		if (next >= e->len && (end >= e->len || e->text[end] != L'\n'))
			break; /* the last line */
		s = next;
	}
	text_cursor_want(cy, cx);
}
