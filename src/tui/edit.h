/*
 * edit.h: the text editor of answers, fields and the search line, on wide
 * characters. One line: Enter finishes, and a text it starts with is
 * replaced by the first typed character (shown highlighted until then).
 * Multi-line (multiline set before edit_start): Enter starts a new line,
 * ↑/↓ move between lines, Strg-S finishes; the text is wrapped as
 * text_wrap wraps. Esc cancels. Its keys are one binding table
 * (edit_bindings), which the help screen lists.
 */
#ifndef EDIT_H
#define EDIT_H

#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "tui/bind.h"

struct ui_edit {
	wchar_t *text; /* len characters and a terminating L'\0' */
	size_t len, cap;
	size_t pos;    /* cursor, in characters */
	size_t scroll; /* one line: first shown character; multi-line: a character on
	                  the first shown line (kept by the keys, so the view moves only
	                  when the cursor would leave it) */
	int active;
	int multiline;      /* kept across edit_start / edit_stop */
	int replace;        /* the next typed character replaces the text */
	int changed;        /* the text changed since edit_start */
	size_t cursor_line; /* multi-line: the start of the cursor's line (with scroll) */
	int width;          /* columns it is shown in (edit_layout) */
	int height;         /* rows of a multi-line editor (edit_layout) */
};

/* Results of edit_key. */
enum { EDIT_IGNORED = 0, EDIT_CHANGED, EDIT_COMMIT, EDIT_CANCEL };

/* The editor's keys. */
extern const struct ui_binding edit_bindings[];
extern const size_t edit_binding_count;

/* Start editing utf8 (NULL: empty), cursor at the end. A one-line editor
 * starts in replace mode when there is text. */
void edit_start(struct ui_edit *e, const char *utf8);
/* Leave the editor and drop its text (the multi-line mode stays chosen). */
void edit_stop(struct ui_edit *e);
/* Apply one key: EDIT_* (EDIT_IGNORED: the key is not the editor's). */
int edit_key(struct ui_edit *e, int key);
/* The text as UTF-8. Caller frees. */
char *edit_text(const struct ui_edit *e);
/* Where the editor is shown: width columns (and height rows when multi-line);
 * scrolls so that the cursor stays visible. Owners call it when the layout
 * may have changed (starting, resizing) and before passing keys. */
void edit_layout(struct ui_edit *e, int width, int height);

/* Draw the one-line editor in width columns at y,x; places the cursor. */
void edit_draw(const struct ui_edit *e, int y, int x, int width, attr_t attr);
/* Draw the multi-line editor into height rows of width columns from y,x. */
void edit_draw_box(const struct ui_edit *e, int y, int x, int width, int height,
                   attr_t attr);

#endif
