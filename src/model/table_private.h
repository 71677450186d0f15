/*
 * table_private.h: what the files of the Dokumentationstabelle share
 * (table.c, table_write.c, table_import.c and one table_sheet_*.c per
 * sheet): the table of sheets, each with its writer and its row reader, so
 * that a sheet's columns are defined once for both; the writer's context
 * and cell helpers; the reader's context, cells and helpers; the values a
 * drop-down offers for a question. Internal to the table module: other
 * modules use model/table.h. Nothing here prints.
 */
#ifndef TABLE_PRIVATE_H
#define TABLE_PRIVATE_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "model/session.h"
#include "model/table.h"
#include "model/town.h"
#include "model/vocab.h"

/* Row 1 of every input sheet carries, in its hidden key column and the
 * four hidden columns after it: this mark, the sheet's name, the form id,
 * the edition and the form's SHA-256. */
#define TABLE_MARK "wohnort-audit Dokumentationstabelle 1"
#define TABLE_MARK_COLUMNS 5

#define TABLE_SHEET_INTRO "Anleitung"
#define TABLE_SHEET_QUESTIONS "Fragen"
#define TABLE_SHEET_MASTER "Stammdaten"
#define TABLE_SHEET_GOALS "Ziele"
#define TABLE_SHEET_LISTS "Listen"

/* The heading of the key column of Stammdaten and Ziele. */
#define TABLE_KEY_HEAD "Schlüssel"

/* ---- writing ---- */

struct table_formats {
	lxw_format *title;   /* the sheet's title row */
	lxw_format *intro;   /* a wrapped line of explanation */
	lxw_format *subhead; /* a block's heading inside a sheet */
	lxw_format *head;    /* column headings */
	lxw_format *cell;    /* locked, wrapped, bordered */
	lxw_format *input;   /* unlocked text (format "@"), wrapped, yellow */
	lxw_format *input_number;
	lxw_format *input_date;
	lxw_format *input_list; /* unlocked, for a drop-down */
	lxw_format *blank;      /* locked, grey: nothing to fill in here */
	lxw_format *machine;    /* the hidden key and mark cells */
	lxw_format *text;       /* Anleitung: wrapped text without border */
	lxw_format *text_bold;
};

struct table_ctx {
	lxw_workbook *wb;
	const struct session *s;
	const struct form *f;
	struct table_formats fmt;
	lxw_worksheet *lists; /* the hidden sheet of drop-down lists */
	size_t list_count;
	char **list_keys; /* each list's entries, joined by '\n' */
	char **list_refs; /* and its range, "=Listen!$A$1:$C$1" */
	char *header;     /* the page header */
	lxw_error err;    /* first libxlsxwriter error */
};

/* Record the first error. */
void table_check(struct table_ctx *c, lxw_error err);
/* Cleaned text (export_clean_text) as a string cell; "" writes a blank. */
void table_put_text(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    const char *text, lxw_format *fmt);
/* Text over the columns first..last (merged). */
void table_put_merged(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                      lxw_col_t first, lxw_col_t last, const char *text, lxw_format *fmt);
/* The mark in row 1 from keycol, and keycol … keycol + TABLE_MARK_COLUMNS
 * hidden (name: the sheet's). */
void table_put_mark(struct table_ctx *c, lxw_worksheet *ws, lxw_col_t keycol,
                    const char *name);
/* The form id, edition and fingerprint of the mark at keycol of sheet as
 * the defined names wa_formular, wa_ausgabe, wa_fingerabdruck (a copy). */
void table_define_names(struct table_ctx *c, const char *sheet, lxw_col_t keycol);
/* A4 landscape (or portrait), the page header, repeated heading row
 * head_row, fit to the page width, frozen below head_row; and protection
 * without a password (input cells are the unlocked ones). */
void table_sheet_setup(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t head_row,
                       int landscape);
/* The height of row: what the n texts in columns of these widths need
 * (wrapped; LibreOffice does not fit rows by itself), at least min_lines
 * lines, so an input cell has room to write in. */
void table_row_height(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                      const char *const *texts, const double *widths, size_t n,
                      int min_lines);
/* A drop-down of the n entries in cell row/col (their list on Listen). */
void table_dropdown(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    const char *const *entries, size_t n);

/* ---- reading ---- */

/* One cell as the reader saw it. */
struct table_cell {
	const char *text; /* never NULL: the value as text ("" when empty) */
	int number;       /* an XLSX number (text is it as stored) */
	double value;     /* its value */
	int date;         /* a date (date style or t="d"): text is TT.MM.JJJJ */
	int error;        /* an error value (#NV …): text is it */
	char ref[80];     /* "Fragen!F14" or "Zeile 14, Spalte F" */
};

/* One row: cells[i] is column i + 1 (count columns). */
struct table_row {
	unsigned row;
	size_t count;
	const struct table_cell *cells;
};

struct table_read;

struct table_sheet {
	const char *name;     /* the tab, and the name in its mark */
	unsigned part;        /* the part of the town layer it fills (enum town_part) */
	const char *key_head; /* heading of its key column, NULL: not read back */
	void (*write)(struct table_ctx *c, lxw_worksheet *ws);
	/* Reading: begin gives the sheet's state, row is called for every row
	 * with a key below a heading row, end adds what needs every row (and
	 * frees the state). */
	void *(*read_begin)(struct table_read *r);
	void (*read_row)(struct table_read *r, void *state, const char *key,
	                 const struct table_row *row);
	void (*read_end)(struct table_read *r, void *state);
	int hidden; /* the sheet is hidden (Listen) */
};

/* The sheets in tab order (table.c). */
extern const struct table_sheet *const table_sheets[];
extern const size_t table_sheet_count;

/* A value taken from the file, applied once the whole file was read. */
struct table_change {
	char *key;     /* the town.* record */
	char *value;   /* its value (checked again by session_change) */
	char ref[80];  /* the cell it came from */
	long question; /* the question it belongs to, or -1 */
};

/* What the sheet readers see. */
struct table_read {
	struct session *s;
	const struct form *f;
	struct table_report *rep;
	struct table_change *changes; /* in file order */
	size_t change_count, change_size;
	unsigned char *question_state; /* per question: TABLE_TAKEN | TABLE_UNREADABLE */
	int date1904;                  /* the workbook counts dates from 1904 */
	size_t problems_read;          /* cells not readable so far */
	/* the sheet being read: its heading row's texts by column */
	char **heads;
	size_t head_count;
};

enum { TABLE_TAKEN = 1, TABLE_UNREADABLE = 2 };

/* The cell of row under heading head (an empty cell when there is none). */
const struct table_cell *table_cell(const struct table_read *r,
                                    const struct table_row *row, const char *head);
/* Whether a cell holds anything but blanks. */
int table_cell_filled(const struct table_cell *cell);
/* A cell's text for a text field, blanks around it dropped; NULL when
 * empty or not readable (then reported, against question, or -1).
 * Caller frees. */
char *table_cell_string(struct table_read *r, const struct table_cell *cell,
                        long question);
/* Report that cell could not be read: "REF: message" (printf-style), and
 * mark question (or -1 for another part) as not readable. */
void table_problem(struct table_read *r, const struct table_cell *cell, long question,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Take key = value from cell for question (or -1); session_change checks
 * it when it is applied, and a refusal is reported against cell. */
void table_take(struct table_read *r, const struct table_cell *cell, long question,
                const char *key, const char *value);

/* ---- values (table.c) ---- */

/* The drop-down entries of a list question (kind_input() == LIST, not
 * multiple): each row's label as the interview shows it, "N – label" on a
 * scale; *n entries (the "entfällt" row included). Caller frees the array
 * and each entry. */
char **table_entries(const struct form_question *q, size_t *n);
void table_entries_free(char **entries, size_t n);

/* The `set` value of a cell's text on a list question: the entry it names
 * (ASCII case and blanks around it ignored), else the text itself. Caller
 * frees. */
char *table_entry_value(const struct form_question *q, const char *text);

/* A multi question's option cell: 1 chosen (Ja, x, 1, WAHR, TRUE), 0 not
 * chosen (Nein, 0, -, FALSCH, FALSE), -1 neither. */
int table_mark_value(const char *text);

/* The entries of a multi question's option cell. */
extern const char *const table_mark_entries[2];

/* The form's number of goals. */
size_t table_goal_count(const struct form *f);

/* Whether text (NUL-terminated) equals word, ASCII case ignored. */
int table_same_word(const char *text, const char *word);

#endif
