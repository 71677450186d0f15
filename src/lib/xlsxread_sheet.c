/*
 * xlsxread_sheet.c: the cells of one worksheet, streamed row by row to the
 * caller (xlsxread_rows), and date serial numbers (xlsxread_serial_to_date).
 * Part of the XLSX reader (xlsxread.h). Only the current row is kept: its
 * cells and the text of its inline strings and cached values; shared
 * strings are pointed to, not copied. Never prints or exits.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cellref.h"
#include "lib/date.h"
#include "lib/util.h"
#include "lib/xlsxread.h"
#include "lib/xlsxread_private.h"
#include "lib/xmlread.h"
#include "lib/zipread.h"

/* Where a cell's text lives until the row is handed over. */
enum text_home {
	TEXT_ROW,    /* offset into the row's text buffer */
	TEXT_SHARED, /* pointer into the shared strings */
	TEXT_STATIC, /* a string literal */
};

struct pending_cell {
	struct xlsxread_cell cell;
	enum text_home home;
	size_t offset;
};

struct sheet_state {
	struct xlsxread *x;
	const char *sheet; /* printable name, for messages */
	xlsxread_row_fn fn;
	void *arg;
	char *callback_why;

	int in_data; /* inside <sheetData> */
	int in_row;
	unsigned row;      /* the current row */
	unsigned last_row; /* the last row seen (0: none) */
	int row_hidden;
	unsigned last_col; /* in the current row (0: none) */

	/* the current cell */
	int in_cell;
	unsigned col;
	char ref[CELLREF_SIZE];
	char type[16];
	unsigned style;
	int formula;
	int has_v, in_v;
	int has_is, in_is, in_run, phonetic;
	int in_t;         /* depth of the open <t>, or 0 */
	struct buf value; /* text of <v> */
	struct buf inline_text;

	struct pending_cell *cells;
	size_t count, alloc;
	struct buf text; /* the row's texts, NUL-separated */
	struct xlsxread_cell *out;
	size_t out_alloc;
};

/* "Blatt „NAME“, Zelle REF" for messages (caller frees). */
static char *
cell_where(const struct sheet_state *st)
{
	return xasprintf("Blatt „%s“, Zelle %s", st->sheet, st->ref);
}

/* Fail with a message about the current cell. */
static void
cell_fail(struct xmlread *xr, const struct sheet_state *st, const char *msg)
{
	char *where = cell_where(st);
	xmlread_fail_plain(xr, "%s: %s", where, msg);
	free(where);
}

/* Fail: the current cell's text is over the cell limit. */
static void
too_long(struct xmlread *xr, const struct sheet_state *st)
{
	char msg[64];

	snprintf(msg, sizeof msg, "mehr als %zu Bytes Text", st->x->limits.cell_bytes);
	cell_fail(xr, st, msg);
}

/* Read a whole unsigned decimal (leading zeros allowed, as some writers
 * pad) of at most max into *out; 0 or -1. */
static int
parse_index(const char *s, long max, long *out)
{
	return parse_integer(s, strlen(s), PARSE_LEADING_ZERO, 0, max, out) ? 0 : -1;
}

/* 1 when s is a decimal number as XLSX stores it: [+-]digits[.digits][E[+-]digits]. */
static int
number_syntax(const char *s)
{
	int digits = 0;

	if (*s == '+' || *s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (digits == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* Trim ASCII blanks around the text in b (in place). */
static void
trim(struct buf *b)
{
	size_t start = 0;

	if (b->data == NULL) {
		buf_adds(b, "");
		return;
	}
	while (b->len > 0 && strchr(" \t\r\n", b->data[b->len - 1]) != NULL)
		b->data[--b->len] = '\0';
	while (start < b->len && strchr(" \t\r\n", b->data[start]) != NULL)
		start++;
	memmove(b->data, b->data + start, b->len - start + 1);
	b->len -= start;
}

/* Add the current cell to the row with text at text (copied) or home. */
static struct pending_cell *
add_cell(struct sheet_state *st, enum xlsxread_type type)
{
	struct pending_cell *p;

	if (st->count == st->alloc) {
		st->alloc = st->alloc ? st->alloc * 2 : 16;
		st->cells = xreallocarray(st->cells, st->alloc, sizeof *st->cells);
	}
	p = &st->cells[st->count++];
	memset(p, 0, sizeof *p);
	p->cell.row = st->row;
	p->cell.col = st->col;
	memcpy(p->cell.ref, st->ref, sizeof st->ref);
	p->cell.type = type;
	p->cell.formula = st->formula;
	p->cell.style = st->style;
	p->cell.date_style =
	    st->style < st->x->style_count && st->x->date_styles[st->style];
	return p;
}

/* Keep text (len bytes) in the row's buffer for cell p. */
static void
keep_text(struct sheet_state *st, struct pending_cell *p, const char *text, size_t len)
{
	p->home = TEXT_ROW;
	p->offset = st->text.len;
	p->cell.len = len;
	buf_add(&st->text, text, len);
	buf_addc(&st->text, '\0');
}

static void
set_static(struct pending_cell *p, const char *text)
{
	p->home = TEXT_STATIC;
	p->cell.text = text;
	p->cell.len = strlen(text);
}

/* The cell is complete: decide its type and value. */
static void
finish_cell(struct xmlread *xr, struct sheet_state *st)
{
	struct xlsxread *x = st->x;
	const char *t = st->type;
	struct pending_cell *p;
	char msg[160];

	if (st->has_v)
		trim(&st->value);
	if (strcmp(t, "inlineStr") == 0) {
		if (!st->has_is) {
			if (st->formula)
				set_static(add_cell(st, XLSXREAD_EMPTY), "");
			return;
		}
		if (st->inline_text.data == NULL)
			buf_adds(&st->inline_text, "");
		st->inline_text.len =
		    xlsxread_unescape(st->inline_text.data, st->inline_text.len);
		p = add_cell(st, XLSXREAD_STRING);
		keep_text(st, p, st->inline_text.data, st->inline_text.len);
		return;
	}
	if (!st->has_v || (st->value.len == 0 && strcmp(t, "str") != 0)) {
		/* no value: an empty styled cell, or a formula never calculated */
		if (st->formula)
			set_static(add_cell(st, XLSXREAD_EMPTY), "");
		return;
	}
	if (strcmp(t, "n") == 0) {
		double v;
		char *end;

		if (!number_syntax(st->value.data)) {
			char *shown = zipread_printable(st->value.data);
			snprintf(msg, sizeof msg, "„%.60s“ ist keine Zahl", shown);
			free(shown);
			cell_fail(xr, st, msg);
			return;
		}
		errno = 0;
		v = strtod_l(st->value.data, &end, x->c_locale);
		if (*end != '\0' || !isfinite(v) || (errno == ERANGE && v != 0)) {
			snprintf(msg, sizeof msg,
			         "„%.60s“ liegt außerhalb des Zahlenbereichs",
			         st->value.data);
			cell_fail(xr, st, msg);
			return;
		}
		p = add_cell(st, XLSXREAD_NUMBER);
		p->cell.number = v;
		keep_text(st, p, st->value.data, st->value.len);
	} else if (strcmp(t, "s") == 0) {
		long index;

		if (parse_index(st->value.data, LONG_MAX, &index) != 0 ||
		    (size_t)index >= x->string_count) {
			char *shown = zipread_printable(st->value.data);
			snprintf(msg, sizeof msg,
			         "verweist auf die gemeinsame Zeichenkette „%.30s“, die "
			         "es nicht "
			         "gibt (es gibt %zu)",
			         shown, x->string_count);
			free(shown);
			cell_fail(xr, st, msg);
			return;
		}
		if (x->strings[index].len == XLSXREAD_STRING_TOO_LONG) {
			snprintf(msg, sizeof msg, "mehr als %zu Bytes Text",
			         x->limits.cell_bytes);
			cell_fail(xr, st, msg);
			return;
		}
		p = add_cell(st, XLSXREAD_STRING);
		p->home = TEXT_SHARED;
		p->cell.text = x->strings_text.data + x->strings[index].offset;
		p->cell.len = x->strings[index].len;
	} else if (strcmp(t, "str") == 0) {
		/* a formula's string result: blanks are part of the value */
		p = add_cell(st, XLSXREAD_STRING);
		if (st->value.data == NULL)
			buf_adds(&st->value, "");
		keep_text(st, p, st->value.data, st->value.len);
	} else if (strcmp(t, "b") == 0) {
		int on = strcmp(st->value.data, "1") == 0 ||
		         strcmp(st->value.data, "true") == 0;
		if (!on && strcmp(st->value.data, "0") != 0 &&
		    strcmp(st->value.data, "false") != 0) {
			char *shown = zipread_printable(st->value.data);
			snprintf(msg, sizeof msg, "„%.60s“ ist kein Wahrheitswert",
			         shown);
			free(shown);
			cell_fail(xr, st, msg);
			return;
		}
		p = add_cell(st, XLSXREAD_BOOL);
		p->cell.number = on;
		set_static(p, on ? "TRUE" : "FALSE");
	} else if (strcmp(t, "e") == 0) {
		p = add_cell(st, XLSXREAD_ERROR);
		keep_text(st, p, st->value.data, st->value.len);
	} else if (strcmp(t, "d") == 0) {
		p = add_cell(st, XLSXREAD_DATE);
		keep_text(st, p, st->value.data, st->value.len);
	} else {
		char *shown = zipread_printable(t);
		snprintf(msg, sizeof msg, "unbekannter Zelltyp „%.20s“", shown);
		free(shown);
		cell_fail(xr, st, msg);
	}
}

/* Hand the finished row to the caller. */
static void
finish_row(struct xmlread *xr, struct sheet_state *st)
{
	struct xlsxread_row row;
	int rc;

	if (st->count == 0)
		return;
	if (st->count > st->out_alloc) {
		st->out_alloc = st->alloc;
		st->out = xreallocarray(st->out, st->out_alloc, sizeof *st->out);
	}
	for (size_t i = 0; i < st->count; i++) {
		st->out[i] = st->cells[i].cell;
		if (st->cells[i].home == TEXT_ROW)
			st->out[i].text = st->text.data + st->cells[i].offset;
	}
	row.row = st->row;
	row.hidden = st->row_hidden;
	row.count = st->count;
	row.cells = st->out;
	rc = st->fn(st->arg, &row, &st->callback_why);
	st->count = 0;
	st->text.len = 0;
	if (rc > 0) {
		xmlread_stop(xr);
	} else if (rc < 0) {
		char *m = st->callback_why;
		st->callback_why = NULL;
		if (m != NULL)
			xmlread_fail_plain(xr, "Blatt „%s“: %s", st->sheet, m);
		else
			xmlread_fail_plain(xr, "Blatt „%s“, Zeile %u: Lesen abgebrochen",
			                   st->sheet, st->row);
		free(m);
	}
}

/*
 * The elements read, by depth (the root is 1): worksheet(1) > sheetData(2) >
 * row(3) > c(4) > f, v, is(5); is > t(6), is > r(6) > t(7), is > rPh(6).
 * The same names anywhere else (an extension, a nested copy) are not cells.
 */
static void
on_sheet_start(struct xmlread *xr, const char *name, const char **attrs)
{
	struct sheet_state *st = xmlread_arg(xr);
	int depth = xmlread_depth(xr);
	const char *local = xlsxread_main_local(name);

	if (depth == 1) {
		if (strcmp(local, "worksheet") != 0)
			xmlread_fail(xr, "ist kein Tabellenblatt (Wurzelelement „%s“)",
			             xmlread_local(name, NULL, NULL));
		return;
	}
	if (st->in_cell) {
		if (depth == 5 && strcmp(local, "f") == 0) {
			st->formula = 1;
		} else if (depth == 5 && strcmp(local, "v") == 0) {
			if (st->has_v) {
				cell_fail(xr, st, "hat zwei Werte");
				return;
			}
			st->has_v = st->in_v = 1;
			xmlread_text_begin(xr, st->x->limits.cell_bytes, NULL);
		} else if (depth == 5 && strcmp(local, "is") == 0) {
			if (st->has_is) {
				cell_fail(xr, st, "hat zwei Werte");
				return;
			}
			st->has_is = st->in_is = 1;
		} else if (st->in_is && depth == 6 && strcmp(local, "rPh") == 0) {
			st->phonetic = 1;
		} else if (st->in_is && depth == 6 && strcmp(local, "r") == 0) {
			st->in_run = 1;
		} else if (st->in_is && !st->phonetic && strcmp(local, "t") == 0 &&
		           (depth == 6 || (depth == 7 && st->in_run))) {
			st->in_t = depth;
			xmlread_text_begin(
			    xr, st->x->limits.cell_bytes - st->inline_text.len, NULL);
		}
		return;
	}
	if (depth == 2 && strcmp(local, "sheetData") == 0) {
		st->in_data = 1;
	} else if (depth == 3 && st->in_data && strcmp(local, "row") == 0) {
		const char *r = xmlread_attr(attrs, "r");
		const char *hidden = xmlread_attr(attrs, "hidden");
		long n = (long)st->last_row + 1;

		if (r != NULL && (parse_index(r, CELLREF_MAX_ROW, &n) != 0 || n == 0)) {
			char *shown = zipread_printable(r);
			xmlread_fail(xr, "ungültige Zeilennummer „%.20s“", shown);
			free(shown);
			return;
		}
		if (n > CELLREF_MAX_ROW) {
			xmlread_fail(xr, "mehr als %u Zeilen", CELLREF_MAX_ROW);
			return;
		}
		if (n <= (long)st->last_row) {
			xmlread_fail_plain(
			    xr,
			    "Blatt „%s“, Zeile %ld: die Zeile steht doppelt "
			    "oder nicht in der Reihenfolge (nach Zeile %u)",
			    st->sheet, n, st->last_row);
			return;
		}
		st->row = st->last_row = (unsigned)n;
		st->row_hidden = hidden != NULL && (strcmp(hidden, "1") == 0 ||
		                                    strcmp(hidden, "true") == 0);
		st->last_col = 0;
		st->in_row = 1;
	} else if (depth == 4 && st->in_row && strcmp(local, "c") == 0) {
		const char *r = xmlread_attr(attrs, "r");
		const char *t = xmlread_attr(attrs, "t");
		const char *s = xmlread_attr(attrs, "s");
		unsigned row = st->row, col = st->last_col + 1;
		long style = 0;

		if (r != NULL && cellref_parse(r, &row, &col) != 0) {
			char *shown = zipread_printable(r);
			xmlread_fail(xr, "ungültiger Zellbezug „%.20s“", shown);
			free(shown);
			return;
		}
		if (col > CELLREF_MAX_COLUMN) {
			xmlread_fail(xr, "mehr als %u Spalten in Zeile %u",
			             CELLREF_MAX_COLUMN, st->row);
			return;
		}
		cellref_format(row, col, st->ref);
		if (row != st->row) {
			xmlread_fail_plain(xr, "Blatt „%s“, Zelle %s: steht in Zeile %u",
			                   st->sheet, st->ref, st->row);
			return;
		}
		if (col <= st->last_col) {
			xmlread_fail_plain(
			    xr,
			    "Blatt „%s“, Zelle %s: die Zelle steht doppelt "
			    "oder nicht in der Reihenfolge",
			    st->sheet, st->ref);
			return;
		}
		if (s != NULL && parse_index(s, 0xffffffffL, &style) != 0) {
			char *shown = zipread_printable(s);
			xmlread_fail(xr, "ungültiger Stil „%.20s“ in Zelle %s", shown,
			             st->ref);
			free(shown);
			return;
		}
		if (t != NULL && strlen(t) >= sizeof st->type) {
			cell_fail(xr, st, "unbekannter Zelltyp");
			return;
		}
		strcpy(st->type, t ? t : "n");
		st->last_col = st->col = col;
		st->style = (unsigned)style;
		st->in_cell = 1;
		st->formula = st->has_v = st->in_v = 0;
		st->has_is = st->in_is = st->in_t = st->in_run = st->phonetic = 0;
		st->value.len = 0;
		st->inline_text.len = 0;
		if (st->value.data)
			st->value.data[0] = '\0';
		if (st->inline_text.data)
			st->inline_text.data[0] = '\0';
	}
}

static void
on_sheet_end(struct xmlread *xr, const char *name)
{
	struct sheet_state *st = xmlread_arg(xr);
	int depth = xmlread_depth(xr);

	if (st->in_cell) {
		if (st->in_v && depth == 5) {
			size_t len;
			const char *v = xmlread_text_end(xr, &len);
			st->in_v = 0;
			if (v == NULL) {
				too_long(xr, st);
				return;
			}
			st->value.len = 0;
			buf_add(&st->value, v, len);
			if (st->value.data == NULL)
				buf_adds(&st->value, "");
		} else if (st->in_t == depth) {
			size_t len;
			const char *t = xmlread_text_end(xr, &len);
			st->in_t = 0;
			if (t == NULL) {
				too_long(xr, st);
				return;
			}
			buf_add(&st->inline_text, t, len);
		} else if (st->in_is && depth == 6) {
			st->phonetic = st->in_run = 0;
		} else if (st->in_is && depth == 5) {
			st->in_is = 0;
		} else if (depth == 4) {
			st->in_cell = 0;
			finish_cell(xr, st);
		}
		return;
	}
	(void)name;
	if (st->in_row && depth == 3) {
		st->in_row = 0;
		finish_row(xr, st);
	} else if (st->in_data && depth == 2) {
		st->in_data = 0;
	}
}

int
xlsxread_rows(struct xlsxread *x, size_t index, xlsxread_row_fn fn, void *arg, char **why)
{
	struct sheet_state st = {.x = x, .fn = fn, .arg = arg};
	struct xmlread_handlers h = {
	    .start = on_sheet_start, .end = on_sheet_end, .arg = &st};
	const struct xlsxread_sheet *sheet = xlsxread_sheet(x, index);
	char *label, *part, *msg = NULL;
	char *name;
	int rc;

	*why = NULL;
	if (sheet == NULL) {
		*why = xasprintf("%s: es gibt kein Blatt Nr. %zu", x->label, index + 1);
		return -1;
	}
	name = zipread_printable(sheet->name);
	if (sheet->kind != XLSXREAD_SHEET_WORKSHEET) {
		*why = xasprintf("%s: das Blatt „%s“ ist ein Diagrammblatt ohne Zellen",
		                 x->label, name);
		free(name);
		return -1;
	}
	part = zipread_printable(sheet->part);
	label = xasprintf("Blatt „%s“ (%s)", name, part);
	st.sheet = name;
	rc = xmlread_part(x->zip, (size_t)zipread_find(x->zip, sheet->part), label, &h,
	                  &msg);
	if (rc != 0) {
		*why = xasprintf("%s: %s", x->label, msg ? msg : "nicht lesbar");
		free(msg);
	}
	free(label);
	free(part);
	free(name);
	free(st.callback_why);
	free(st.cells);
	free(st.out);
	buf_free(&st.text);
	buf_free(&st.value);
	buf_free(&st.inline_text);
	return rc;
}

int
xlsxread_rows_named(struct xlsxread *x, const char *name, xlsxread_row_fn fn, void *arg,
                    char **why)
{
	long index = xlsxread_sheet_find(x, name);
	struct buf list = {0};
	char *shown;

	if (index >= 0)
		return xlsxread_rows(x, (size_t)index, fn, arg, why);
	for (size_t i = 0; i < x->sheet_count && i < 20; i++) {
		char *p = zipread_printable(x->sheets[i].name);
		buf_printf(&list, "%s„%s“", i ? ", " : "", p);
		free(p);
	}
	if (x->sheet_count > 20)
		buf_adds(&list, ", …");
	shown = zipread_printable(name);
	*why = xasprintf("%s: das Blatt „%s“ fehlt (vorhanden: %s)", x->label, shown,
	                 list.data ? list.data : "keines");
	free(shown);
	buf_free(&list);
	return -1;
}

/* --- dates -------------------------------------------------------------- */

/* Days from 1970-01-01 back to 1899-12-31 and to 1904-01-01. */
#define DAYS_1899_12_31 (-25568L)
#define DAYS_1904_01_01 (-24107L)

int
xlsxread_serial_to_date(double serial, int date1904, char out[11])
{
	long days;

	if (!isfinite(serial) || serial < 0 || serial >= 4e6)
		return -1;
	days = (long)serial; /* serial >= 0: truncation is floor */
	if (date1904) {
		days += DAYS_1904_01_01;
	} else {
		if (days == 0 || days == 60)
			return -1;
		/* Excel's phantom 1900-02-29 sits at 60 */
		days += DAYS_1899_12_31 - (days > 60 ? 1 : 0);
	}
	return date_of_days(days, out);
}

int
xlsxread_cell_date(const struct xlsxread *x, const struct xlsxread_cell *cell,
                   char out[11])
{
	if (cell->type == XLSXREAD_NUMBER)
		return xlsxread_serial_to_date(cell->number, x->date1904, out);
	if (cell->type == XLSXREAD_DATE && cell->len >= 10) {
		const char *t = cell->text;
		for (int i = 0; i < 10; i++) {
			int digit = t[i] >= '0' && t[i] <= '9';
			if ((i == 4 || i == 7) ? t[i] != '-' : !digit)
				return -1;
		}
		if (cell->len > 10 && t[10] != 'T')
			return -1;
		memcpy(out, t, 10);
		out[10] = '\0';
		return date_iso_valid(out) ? 0 : -1;
	}
	return -1;
}
