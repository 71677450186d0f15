/*
 * ui_help.c: the help screen (F1, ?). Generated from the global key table in
 * ui.c and the answer key table in ui_interview.c, so it cannot drift from
 * what the keys do. Reads nothing else.
 */
#include "config.h"

#include "tui/ui.h"

static int top;

/* Keys of single screens (each handled in its ui_<screen>.c). */
static const char *const screen_keys[][2] = {
    {"Start: Enter", "Audit öffnen"},
    {"Start: n", "neues Audit anlegen"},
    {"Start: x", "Ergebnisformular (XLSX) des gewählten Audits schreiben"},
    {"Start: q", "beenden"},
    {"Neues Audit: Strg-S", "Audit anlegen, aus jedem Feld"},
    {"Neues Audit: Esc", "abbrechen (fragt, wenn schon etwas eingetragen ist)"},
    {"Felder: Tippen", "ersetzt den Wert eines einzeiligen Feldes; Enter oder → "
                       "bearbeitet ihn; Enter speichert, Esc verwirft"},
    {"Felder: Datum", "TT.MM.JJJJ, auch 14.3.26 oder 2026-03-14"},
    {"Notizen, Ziele", "mehrzeilig: Enter neue Zeile, ↑/↓ zwischen den Zeilen, Strg-S "
                       "speichert, Esc verwirft (fragt bei Änderungen)"},
    {"Auswahlfelder", "Leertaste oder ←/→ wechseln, Ziffer N wählt, "
                      "Anfangsbuchstaben tippen sucht; Enter ändert nichts"},
    {"Felder: Entf", "Feld leeren (fragt vorher)"},
    {"F8: Vorheriges Audit", "verknüpfen macht das Audit zum Re-Audit und übernimmt "
                             "dessen Entwicklungsziele (nur sie bringen "
                             "Sonderpunkte)"},
    {"Ergebnis: ↑↓ Bild↑↓", "blättern; x schreibt das Ergebnisformular (XLSX)"},
    {"Übersicht: Enter", "zur gewählten Frage springen"},
    {"Suchen: Enter", "zur gewählten Frage springen"},
    {"F4: 1 … 9", "direkt zum Handlungsfeld N"},
};

/* Entering: start at the top. */
static void
help_init(struct ui *ui)
{
	(void)ui;
	top = 0;
}

/* One pass over the help text: where the next row goes and what is visible. */
struct help_layout {
	struct ui *ui;
	int draw; /* 0: only count rows */
	int row;  /* rows laid out so far */
	int y0, h;
};

/* A full-width line (heading, blank, closing note). */
static void
help_line(struct help_layout *l, const char *text, attr_t attr)
{
	int y = l->y0 + l->row - top;

	l->row++;
	if (l->draw && y >= l->y0 && y < l->y0 + l->h)
		ui_put(y, 1, l->ui->cols - 2, text, attr);
}

/* One key with its description, wrapped by display width under itself. */
static void
help_entry(struct help_layout *l, const char *keys, const char *help)
{
	int width = l->ui->cols - 22;
	int y = l->y0 + l->row - top;

	l->row += ui_wrap_count(width, help);
	/* an entry scrolled half out of view is left out, not cut */
	if (!l->draw || y < l->y0 || y >= l->y0 + l->h)
		return;
	ui_put(y, 2, 18, keys, A_BOLD);
	ui_wrap(y, 21, width, l->y0 + l->h - y, help, l->ui->attrs[ROLE_NORMAL]);
}

/* Lay out (and with draw, draw) the whole help; returns its number of rows. */
static int
help_layout(struct ui *ui, int draw)
{
	struct help_layout l = {ui, draw, 0, 1, ui->rows - 3};
	const attr_t title = ui->attrs[ROLE_TITLE], dim = ui->attrs[ROLE_DIM];

	help_line(&l, "Überall", title);
	for (size_t i = 0; i < ui_global_key_count; i++)
		if (ui_global_keys[i].keys != NULL)
			help_entry(&l, ui_global_keys[i].keys, ui_global_keys[i].help);
	help_line(&l, "", 0);
	help_line(&l, "Antworten im Prüfgespräch", title);
	for (size_t i = 0; i < ui_answer_key_count; i++)
		if (ui_answer_keys[i].keys != NULL)
			help_entry(&l, ui_answer_keys[i].keys, ui_answer_keys[i].help);
	help_line(&l, "", 0);
	help_line(&l, "Weitere Bildschirme", title);
	for (size_t i = 0; i < sizeof screen_keys / sizeof screen_keys[0]; i++)
		help_entry(&l, screen_keys[i][0], screen_keys[i][1]);
	help_line(&l, "", 0);
	help_line(&l, "Jede Änderung wird sofort gespeichert („Gespeichert HH:MM:SS“).",
	          dim);
	help_line(&l,
	          "Eine getippte Eingabe wird auch beim Verlassen der Frage gespeichert.",
	          dim);
	help_line(
	    &l,
	    "Listen (Start, Übersicht, Felder): ↑/↓ wählen, Enter öffnet, Esc zurück.",
	    dim);
	return l.row;
}

/* Draw the help screen. */
static void
help_draw(struct ui *ui)
{
	static const char *const keys[] = {"Esc", "zurück", "↑↓", "blättern",
	                                   "10",  "Ende",   NULL};

	ui_frame(ui, "Hilfe – Tasten", "wohnort-audit", keys);
	help_layout(ui, 1);
}

/* Keys: scroll, leave. */
static int
help_key(struct ui *ui, int key)
{
	int max = help_layout(ui, 0) - (ui->rows - 3);

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
