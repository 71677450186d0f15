/*
 * list.c: the selection list of the start screen, F5 and the search. The
 * keys move the selection and the owner calls list_follow with the rows it
 * shows; drawing only reads.
 */
#include "config.h"

#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/text.h"

int
list_key(size_t *selected, size_t count, int key, int page)
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
	case UI_KEY(KEY_HOME):
		if (page < 0)
			return 0;
		*selected = 0;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_END):
		if (page < 0)
			return 0;
		*selected = count > 0 ? count - 1 : 0;
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

void
list_follow(size_t *top, size_t selected, int height)
{
	if (height < 1)
		return;
	if (selected < *top)
		*top = selected;
	if (selected >= *top + (size_t)height)
		*top = selected - (size_t)height + 1;
}

void
list_draw(const struct ui *ui, const void *state, int y, int x, int width, int height,
          size_t count, size_t selected, size_t top, list_row_fn *row)
{
	for (size_t i = top; i < count && (int)(i - top) < height; i++) {
		int row_y = y + (int)(i - top);
		attr_t a = frame_row_attr(ui, i == selected);
		text_fill(row_y, x, width, a);
		row(ui, state, i, row_y, x, width, a);
	}
}
