/*
 * list.h: a list with one row per item and a selection (the start screen,
 * F5, the search): moving the selection, keeping it in view, drawing the
 * visible rows. The owner keeps selected and top in its state.
 */
#ifndef LIST_H
#define LIST_H

#include <stddef.h>

#include "tui/screen.h"

/*
 * ↑/↓ move *selected within count items; Bild↓/Bild↑ move it by page rows
 * and Pos1/Ende to the first and last item, or are not used when page < 0. Returns UI_HANDLED | UI_REDRAW, or 0 when
 * the key is not one of these.
 */
int list_key(size_t *selected, size_t count, int key, int page);

/* Move *top so that selected shows in height rows (as little as needed). */
void list_follow(size_t *top, size_t selected, int height);

/* Draws item i in row y from x over width columns; the row is already
 * blanked in a (highlighted when selected), which it may blank again. */
typedef void list_row_fn(const struct ui *ui, const void *state, size_t i, int y, int x,
                         int width, attr_t a);

/* count items from row y over height rows, from item top (list_follow). */
void list_draw(const struct ui *ui, const void *state, int y, int x, int width,
               int height, size_t count, size_t selected, size_t top, list_row_fn *row);

#endif
