/*
 * ui_help.c: the help screen (F1, ?). Generated from the global key table in
 * ui.c and the answer key table in ui_interview.c, so it cannot drift from
 * what the keys do. Reads nothing else.
 */
#include "config.h"

#include "ui.h"

static int top;

/* Keys of single screens (each handled in its ui_<screen>.c). */
static const char *const screen_keys[][2] = {
    {"Start: Enter", "Audit öffnen"},
    {"Start: n", "neues Audit anlegen"},
    {"Start: x", "Ergebnisformular (XLSX) des gewählten Audits schreiben"},
    {"Start: q", "beenden"},
    {"Ergebnis: x", "Ergebnisformular (XLSX) neben die Sitzung schreiben"},
    {"Übersicht: Enter", "zur gewählten Frage springen"},
    {"F4: 1 … 9", "direkt zum Handlungsfeld N"},
    {"Felder: Enter", "Feld bearbeiten; Enter speichert, Esc verwirft"},
    {"Felder: Leertaste", "Auswahl wechseln (auch ←/→); Entf leert ein Feld"},
};

/* Entering: start at the top. */
static void
help_init(struct ui *ui)
{
	(void)ui;
	top = 0;
}

/* Rows of the help text (both tables, headings and the closing lines). */
static int
help_rows(void)
{
	return (int)(ui_global_key_count + ui_answer_key_count +
	             sizeof screen_keys / sizeof screen_keys[0]) +
	       8;
}

/* Draw one table from row index *r on. */
static void
draw_table(struct ui *ui, const struct ui_binding *t, size_t n, int *r, int y0, int h)
{
	for (size_t i = 0; i < n; i++) {
		int y;
		if (t[i].keys == NULL)
			continue;
		y = y0 + *r - top;
		(*r)++;
		if (y < y0 || y >= y0 + h)
			continue;
		ui_put(y, 2, 18, t[i].keys, A_BOLD);
		ui_put(y, 21, ui->cols - 22, t[i].help, ui->attrs[ROLE_NORMAL]);
	}
}

/* Draw the help screen. */
static void
help_draw(struct ui *ui)
{
	int y0 = 1, h = ui->rows - 3, r = 0;
	static const char *const keys[] = {"Esc", "zurück", "↑↓", "blättern",
	                                   "10",  "Ende",   NULL};

	ui_frame(ui, "Hilfe – Tasten", "wohnort-audit", keys);
#define LINE(text, attr)                                                                 \
	do {                                                                             \
		int y_ = y0 + r - top;                                                   \
		r++;                                                                     \
		if (y_ >= y0 && y_ < y0 + h)                                             \
			ui_put(y_, 1, ui->cols - 2, text, attr);                         \
	} while (0)
	LINE("Überall", ui->attrs[ROLE_TITLE]);
	draw_table(ui, ui_global_keys, ui_global_key_count, &r, y0, h);
	LINE("", 0);
	LINE("Antworten im Prüfgespräch", ui->attrs[ROLE_TITLE]);
	draw_table(ui, ui_answer_keys, ui_answer_key_count, &r, y0, h);
	LINE("", 0);
	LINE("Weitere Bildschirme", ui->attrs[ROLE_TITLE]);
	for (size_t i = 0; i < sizeof screen_keys / sizeof screen_keys[0]; i++) {
		int y_ = y0 + r - top;
		r++;
		if (y_ < y0 || y_ >= y0 + h)
			continue;
		ui_put(y_, 2, 18, screen_keys[i][0], A_BOLD);
		ui_put(y_, 21, ui->cols - 22, screen_keys[i][1], ui->attrs[ROLE_NORMAL]);
	}
	LINE("", 0);
	LINE("Jede Änderung wird sofort gespeichert („Gespeichert HH:MM:SS“).",
	     ui->attrs[ROLE_DIM]);
	LINE("Listen (Start, Übersicht, Felder): ↑/↓ wählen, Enter öffnet, Esc zurück.",
	     ui->attrs[ROLE_DIM]);
#undef LINE
}

/* Keys: scroll, leave. */
static int
help_key(struct ui *ui, int key)
{
	int max = help_rows() - (ui->rows - 3);

	switch (key) {
	case UI_KEY(KEY_DOWN):
	case UI_KEY(KEY_NPAGE):
		top += key == UI_KEY(KEY_DOWN) ? 1 : ui->rows / 2;
		break;
	case UI_KEY(KEY_UP):
	case UI_KEY(KEY_PPAGE):
		top -= key == UI_KEY(KEY_UP) ? 1 : ui->rows / 2;
		break;
	case UI_ESC:
	case 'q':
	case '?':
	case '\n':
	case '\r':
		if (ui->previous != NULL)
			ui_switch(ui, ui->previous);
		else
			ui_back(ui);
		return UI_HANDLED | UI_REDRAW;
	default:
		return UI_HANDLED;
	}
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	return UI_HANDLED | UI_REDRAW;
}

const struct ui_screen ui_help_screen = {
    .name = "Hilfe",
    .init = help_init,
    .draw = help_draw,
    .key = help_key,
    .resize = NULL,
};
