/*
 * table_sheet_intro.c: the sheet "Anleitung" of the Dokumentationstabelle
 * (what the table is for, who it is from, what to fill in, what to leave
 * alone and how to return it, in plain German) and the hidden sheet
 * "Listen" that holds the drop-down lists the other sheets refer to
 * (table_dropdown fills it). Neither is read back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/table_private.h"

/* The width of the one column: a portrait A4 page without scaling. */
#define WIDTH 92.0

/* One paragraph in row; bold for a heading. Returns the next row. */
static lxw_row_t
line(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *text, int bold)
{
	const char *texts[1] = {text};
	const double widths[1] = {WIDTH};

	table_put_text(c, ws, row, 0, text, bold ? c->fmt.text_bold : c->fmt.text);
	table_row_height(c, ws, row, texts, widths, 1, 1);
	return row + 1;
}

/* "Label: value" when value is set. */
static lxw_row_t
fact(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *label,
     const char *value)
{
	char *text;

	if (value == NULL || value[0] == '\0')
		return row;
	text = xasprintf("%s: %s", label, value);
	row = line(c, ws, row, text, 0);
	free(text);
	return row;
}

static void
intro_write(struct table_ctx *c, lxw_worksheet *ws)
{
	const struct session *s = c->s;
	const struct form *f = c->f;
	char *date = date_display(s->meta.datum), *edition = date_display(f->edition);
	char *form = xasprintf("%s, Ausgabe vom %s", f->title ? f->title : f->id,
	                       edition ? edition : "");
	char *goals = xasprintf(
	    "3. Blatt „%s“: bis zu %zu Entwicklungsziele, die Ihre Kommune vorschlägt "
	    "(Ziel, Maßnahmen, Messgröße, Frist, Verantwortlich).%s",
	    TABLE_SHEET_GOALS, table_goal_count(f),
	    s->meta.kind == AUDIT_RENEWAL
	        ? " Darunter stehen die Ziele des letzten Audits: bitte in „Stand der "
	          "Umsetzung“ eintragen, was erreicht ist."
	        : "");
	char *send = xasprintf(
	    "Speichern Sie die Datei als Excel-Arbeitsmappe (.xlsx), mit Excel oder "
	    "LibreOffice, und senden Sie sie per E-Mail an %s; bringen Sie sie auch zum "
	    "Prüfgespräch mit, zusammen mit dem Ordner mit Broschüren, Flyern und "
	    "Konzepten, auf den die Spalte „Nachweis“ verweist.",
	    s->meta.ihk != NULL && s->meta.ihk[0] != '\0' ? s->meta.ihk : "Ihre IHK");
	lxw_row_t row = 0;

	table_check(c, worksheet_set_column(ws, 0, 0, WIDTH, NULL));
	table_put_text(c, ws, row, 0,
	               "Dokumentationstabelle zum Prüfgespräch „Ausgezeichneter Wohnort "
	               "für Fachkräfte“",
	               c->fmt.title);
	table_check(c, worksheet_set_row(ws, row++, 22, NULL));
	row++;
	row = fact(c, ws, row, "Kommune", s->meta.kommune);
	row = fact(c, ws, row, "IHK", s->meta.ihk);
	row = fact(c, ws, row, "Auditor/in", s->meta.auditor);
	row = fact(c, ws, row, "Prüfgespräch am", date);
	row = fact(c, ws, row, "Prüfbogen", form);
	row++;
	row = line(c, ws, row, "Wozu diese Tabelle?", 1);
	row =
	    line(c, ws, row,
	         "Vor dem Prüfgespräch tragen Sie hier zu jedem Punkt des Prüfbogens "
	         "ein, was Ihre Kommune tut und wo es belegt ist. Im Gespräch gehen wir "
	         "die Punkte gemeinsam durch; Ihre Angaben ersparen dabei das Suchen "
	         "und Abschreiben. Das Ergebnis steht erst nach dem Gespräch fest.",
	         0);
	row++;
	row = line(c, ws, row, "Was ist auszufüllen?", 1);
	row = line(c, ws, row,
	           "Nur die gelben Felder. Alles andere ist geschützt (ohne Kennwort), "
	           "damit die Fragen unverändert bleiben.",
	           0);
	row =
	    line(c, ws, row,
	         "1. Blatt „Fragen“: jede Frage des Prüfbogens in einer Zeile. In "
	         "„Angabe der Kommune“ Ihre Antwort (bei Ja/Nein- und Auswahlfragen aus "
	         "der Liste wählen; Zahlen als ganze Zahl, Datumsangaben als "
	         "TT.MM.JJJJ), in „Erläuterung der Kommune“ kurz, was Sie tun, und in "
	         "„Nachweis“, wo der Beleg im Ordner liegt (zum Beispiel „Ordner S. 3“ "
	         "oder den Namen des Dokuments).",
	         0);
	row = line(c, ws, row,
	           "Fragen mit mehreren zutreffenden Antworten haben darunter eine Zeile "
	           "je Möglichkeit: dort „Ja“ wählen, wenn es zutrifft, sonst „Nein“. "
	           "Folgefragen sind gekennzeichnet, etwa „(nur wenn 1.1 = Ja)“: sie "
	           "sind nur zu beantworten, wenn das zutrifft.",
	           0);
	row = line(c, ws, row,
	           "2. Blatt „Stammdaten“: Angaben zur Kommune prüfen und eintragen, wer "
	           "am Prüfgespräch teilnimmt (Name und Funktion).",
	           0);
	row = line(c, ws, row, goals, 0);
	row = line(
	    c, ws, row,
	    "Was Sie nicht wissen, lassen Sie leer: wir besprechen es im Gespräch.", 0);
	row++;
	row = line(c, ws, row, "Bitte beachten", 1);
	row =
	    line(c, ws, row,
	         "Ausgeblendete Spalten enthalten Kennungen, mit denen die IHK die "
	         "Tabelle wieder einliest. Bitte nicht einblenden, ändern oder löschen, "
	         "keine Zeilen oder Spalten einfügen und keine Zeilen umsortieren.",
	         0);
	row = line(c, ws, row,
	           "Eine CSV-Datei enthält nur das gerade angezeigte Blatt. Senden Sie "
	           "deshalb bitte die ganze Arbeitsmappe (.xlsx).",
	           0);
	row++;
	row = line(c, ws, row, "Rückgabe", 1);
	line(c, ws, row, send, 0);
	table_sheet_setup(c, ws, (lxw_row_t)-1, 0);
	free(send);
	free(goals);
	free(form);
	free(edition);
	free(date);
}

/* Listen: only protected; table_dropdown writes its rows. */
static void
lists_write(struct table_ctx *c, lxw_worksheet *ws)
{
	table_sheet_setup(c, ws, (lxw_row_t)-1, 0);
}

const struct table_sheet table_sheet_intro = {
    .name = TABLE_SHEET_INTRO,
    .write = intro_write,
};

const struct table_sheet table_sheet_lists = {
    .name = TABLE_SHEET_LISTS,
    .write = lists_write,
    .hidden = 1,
};
