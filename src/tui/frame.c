/*
 * frame.c: the frame of every screen: title line, status line, key bar.
 * The key bar is made from binding tables (the screen's own rows with a bar
 * label, then the global keys it names), never from a list of its own.
 * Also the points bar and the too-small message. Draws only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "tui/frame.h"
#include "tui/global.h"
#include "tui/keys.h"
#include "tui/text.h"

/* Most entries of a key bar. */
#define KEYBAR_MAX 32

void
frame_header(const struct ui *ui, const char *title, const char *right)
{
	attr_t a = ui->attrs[ROLE_HEADER];
	int rw = right != NULL ? text_width(right) : 0;

	text_fill(0, 0, ui->cols, a);
	if (rw > ui->cols / 2)
		rw = ui->cols / 2;
	text_put(0, 1, ui->cols - rw - 3, title, a | A_BOLD);
	if (right != NULL)
		text_put(0, ui->cols - rw - 1, rw, right, a);
}

void
frame_status(const struct ui *ui)
{
	int y = ui->rows - 2, w = ui->cols - 2;
	char *text;
	attr_t a;

	text_fill(y, 0, ui->cols, ui->attrs[ROLE_NORMAL]);
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
	if (text_width(text) > w && text_wrap_count(w, text) >= 2) {
		text_fill(y - 1, 0, ui->cols, ui->attrs[ROLE_NORMAL]);
		text_wrap(y - 1, 1, w, 2, text, a);
	} else {
		text_put(y, 1, w, text, a);
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

/* One entry of the key bar. */
struct keybar_entry {
	const char *keys;
	const char *label;
	char number[4]; /* an F-key's number, which keys points to */
};

/* Collect the bar entries: the rows with a label, then the global keys named. */
static size_t
keybar_entries(const struct ui_binding *rows, size_t n, unsigned bar_globals,
               struct keybar_entry *out)
{
	size_t count = 0;

	for (size_t i = 0; i < n && count < KEYBAR_MAX; i++) {
		if (rows[i].bar == NULL)
			continue;
		out[count].keys = bind_bar_keys(&rows[i], out[count].number);
		out[count++].label = rows[i].bar;
	}
	for (size_t i = 0; i < global_binding_count && count < KEYBAR_MAX; i++) {
		const struct ui_binding *b = &global_bindings[i];
		int f = keys_fkey(b->key);
		if (b->bar == NULL || f == 0 || !(bar_globals & UI_BAR_F(f)))
			continue;
		out[count].keys = bind_bar_keys(b, out[count].number);
		out[count++].label = b->bar;
	}
	return count;
}

void
frame_keybar(const struct ui *ui, const struct ui_binding *rows, size_t n,
             unsigned bar_globals)
{
	struct keybar_entry e[KEYBAR_MAX];
	int y = ui->rows - 1, x = 0, limit = 99, shorten[KEYBAR_MAX] = {0};
	size_t count = keybar_entries(rows, n, bar_globals, e);
	char label[64];

	for (;;) {
		int total = 0, longest = -1, longest_w = 0;
		for (size_t i = 0; i < count; i++) {
			int kw = text_width(e[i].keys), lw;
			keybar_label(e[i].label, shorten[i], label, sizeof label);
			lw = text_width(label);
			total += kw + (kw > 2) + (lw < limit ? lw : limit) + 1;
			if (!shorten[i] && strchr(e[i].label, '|') != NULL &&
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
	text_fill(y, 0, ui->cols, ui->attrs[ROLE_NORMAL]);
	for (size_t i = 0; i < count; i++) {
		int kw = text_width(e[i].keys), lw;
		int gap = kw > 2; /* "Enter öffnen", but "1Hilfe" as in mc */
		keybar_label(e[i].label, shorten[i], label, sizeof label);
		lw = text_width(label);
		if (lw > limit)
			lw = limit;
		if (x + kw + gap + lw > ui->cols)
			break;
		x += text_put(y, x, kw, e[i].keys, ui->attrs[ROLE_KEY]);
		x += gap;
		x += text_put(y, x, lw, label, ui->attrs[ROLE_KEYLABEL]);
		if (x < ui->cols)
			x++;
	}
}

void
frame_draw(const struct ui *ui, const char *title, const char *right)
{
	const struct ui_screen *sc = ui->drawing;

	frame_header(ui, title, right);
	frame_status(ui);
	if (sc != NULL)
		frame_keybar(ui, sc->bindings, sc->binding_count, sc->bar_globals);
}

void
frame_draw_keys(const struct ui *ui, const char *title, const char *right,
                const struct ui_binding *rows, size_t n)
{
	frame_header(ui, title, right);
	frame_status(ui);
	frame_keybar(ui, rows, n, 0);
}

void
frame_points(const struct ui *ui, int y, int x, int width, int points, int max,
             int min_percent)
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
		text_put_wide(y, x + i, c, 1, a);
	}
}

void
frame_too_small(const struct ui *ui)
{
	char *msg =
	    xasprintf("Das Fenster ist zu klein (%d×%d). Bitte auf mindestens %d×%d "
	              "Zeichen vergrößern. Beenden: F10 oder Strg-Q.",
	              ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	int w = ui->cols > 2 ? ui->cols - 2 : ui->cols;

	erase();
	text_wrap(ui->rows > 4 ? ui->rows / 2 - 2 : 0, ui->cols > 2 ? 1 : 0, w, ui->rows,
	          msg, ui->attrs[ROLE_ERROR] | A_BOLD);
	free(msg);
}

attr_t
frame_row_attr(const struct ui *ui, int selected)
{
	return selected ? ui->attrs[ROLE_SELECTED] : ui->attrs[ROLE_NORMAL];
}
