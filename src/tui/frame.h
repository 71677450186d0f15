/*
 * frame.h: what every screen draws around its content: the title line, the
 * status line and the key bar (from the binding tables), and the small
 * pieces several screens share (a points bar, the too-small message).
 * Draws only.
 */
#ifndef FRAME_H
#define FRAME_H

#include "tui/screen.h"

/* The title line: left title, right-aligned extra text (NULL: none). */
void frame_header(const struct ui *ui, const char *title, const char *right);

/* The status line (second-last row): a failed save wins over any message;
 * a message wider than the screen takes the row above as well. */
void frame_status(const struct ui *ui);

/*
 * frame_keybar: the key bar (last row) in the Midnight Commander style: the
 * rows of bindings that have a bar label, then the global keys bar_globals
 * names. Too narrow for the full labels: first the short forms (after '|'),
 * then every label cut.
 */
void frame_keybar(const struct ui *ui, const struct ui_binding *bindings, size_t n,
                  unsigned bar_globals);

/* Title, status line and the key bar of the screen being drawn. */
void frame_draw(const struct ui *ui, const char *title, const char *right);

/* The same with another key bar: the rows of bindings and no global key (an
 * editor that has the keys). */
void frame_draw_keys(const struct ui *ui, const char *title, const char *right,
                     const struct ui_binding *bindings, size_t n);

/* A bar of points/max in width columns; min_percent marks the minimum with '|'. */
void frame_points(const struct ui *ui, int y, int x, int width, int points, int max,
                  int min_percent);

/* The message shown instead of a screen when the terminal is too small. */
void frame_too_small(const struct ui *ui);

/* The attribute of a list row: highlighted when selected. */
attr_t frame_row_attr(const struct ui *ui, int selected);

#endif
