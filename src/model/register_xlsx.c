/*
 * register_xlsx.c: the register workbook as a whole: the table of sheets,
 * shared formats, the cell writers and the sheet frame
 * (register_xlsx_private.h), document properties, and the safe write (temp
 * file in the target directory, workbook_close in the C locale, fsync,
 * rename, directory fsync). The sheets live in register_sheet_*.c.
 * Model layer: never prints, never exits; libxlsxwriter's own warnings go
 * to stderr, which a curses caller must redirect.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/outfile.h"
#include "model/workbook.h"
#include "model/register_xlsx_private.h"

/* Excel's limit on characters in a cell, kept in bytes (libxlsxwriter counts
 * bytes); longer text is cut at a character boundary and ends in "…". */
#define CELL_MAX_BYTES 32000

/* Prefix of the register's temp files in the target's directory. */
#define REGISTER_TEMP_PREFIX ".wohnort-register-"

void
register_xlsx_check(struct register_xlsx *c, lxw_error err)
{
	if (err != LXW_NO_ERROR && c->err == LXW_NO_ERROR)
		c->err = err;
}

/* Whether text can go into a cell as it is: valid UTF-8 within the cell
 * limit, no control character (but tab and line feed unless one_line), no
 * DEL and no C1 control. Most cells are, and need no copy. */
static int
clean_already(const char *text, int one_line)
{
	size_t len = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p != '\0';
	     p++, len++) {
		if (*p < 0x20 && (one_line || (*p != '\n' && *p != '\t')))
			return 0;
		if (*p == 0x7f || (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
			return 0;
	}
	return len <= CELL_MAX_BYTES && utf8_valid(text, len, NULL);
}

void
register_xlsx_text(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                   lxw_col_t col, const char *text, int one_line, lxw_format *fmt)
{
	char *clean = NULL;
	size_t len;

	if (text == NULL || text[0] == '\0') {
		register_xlsx_check(c, worksheet_write_blank(ws, row, col, fmt));
		return;
	}
	if (clean_already(text, one_line)) {
		register_xlsx_check(c, worksheet_write_string(ws, row, col, text, fmt));
		return;
	}
	clean = utf8_sanitize(text, strlen(text), (one_line) ? UTF8_ONE_LINE : 0);
	len = strlen(clean);
	if (len > CELL_MAX_BYTES) {
		size_t cut = CELL_MAX_BYTES;
		while (cut > 0 && ((unsigned char)clean[cut] & 0xC0) == 0x80)
			cut--;
		clean = xrealloc(clean, cut + sizeof "…");
		memcpy(clean + cut, "…", sizeof "…");
	}
	if (clean[0] == '\0')
		register_xlsx_check(c, worksheet_write_blank(ws, row, col, fmt));
	else
		register_xlsx_check(c, worksheet_write_string(ws, row, col, clean, fmt));
	free(clean);
}

void
register_xlsx_date(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                   lxw_col_t col, const char *iso, lxw_format *fmt)
{
	lxw_datetime dt = {0};

	if (iso == NULL || !date_iso_valid(iso)) {
		register_xlsx_check(c, worksheet_write_blank(ws, row, col, fmt));
		return;
	}
	dt.year = atoi(iso);
	dt.month = atoi(iso + 5);
	dt.day = atoi(iso + 8);
	register_xlsx_check(c, worksheet_write_datetime(ws, row, col, &dt, fmt));
}

void
register_xlsx_number(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                     lxw_col_t col, double value, lxw_format *fmt)
{
	register_xlsx_check(c, worksheet_write_number(ws, row, col, value, fmt));
}

void
register_xlsx_blank(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                    lxw_col_t col, lxw_format *fmt)
{
	register_xlsx_check(c, worksheet_write_blank(ws, row, col, fmt));
}

void
register_xlsx_col_name(char out[4], lxw_col_t col)
{
	char tmp[4];
	size_t n = 0;
	unsigned v = (unsigned)col + 1;

	while (v > 0 && n < 3) {
		tmp[n++] = (char)('A' + (v - 1) % 26);
		v = (v - 1) / 26;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Lines a heading wraps to in a column width characters wide, at least 2
 * (words are not split; a bold heading is about a tenth wider). */
static size_t
heading_lines(const char *head, double width)
{
	size_t lines = 1, used = 0;
	double room = width / 1.1;

	for (const char *p = head; *p != '\0';) {
		size_t word = 0, len = strcspn(p, " ");
		for (size_t i = 0; i < len; i++)
			word += ((unsigned char)p[i] & 0xC0) != 0x80;
		if (used > 0 && (double)(used + 1 + word) > room) {
			lines++;
			used = word;
		} else {
			used += (used > 0) + word;
		}
		p += len;
		p += *p == ' ';
	}
	return lines < 2 ? 2 : lines;
}

void
register_xlsx_frame(struct register_xlsx *c, lxw_worksheet *ws, const char *title,
                    const char *note, const struct register_xlsx_column *columns,
                    size_t count, size_t data_rows, lxw_col_t frozen_cols)
{
	size_t lines = 2;

	register_xlsx_text(c, ws, REGISTER_ROW_TITLE, 0, title, 1, c->fmt.title);
	register_xlsx_check(c, worksheet_set_row(ws, REGISTER_ROW_TITLE, 21, NULL));
	if (note != NULL)
		register_xlsx_text(c, ws, REGISTER_ROW_NOTE, 0, note, 1, c->fmt.note);
	for (size_t i = 0; i < count; i++) {
		size_t n = heading_lines(columns[i].head, columns[i].width);
		register_xlsx_text(c, ws, REGISTER_ROW_HEAD, (lxw_col_t)i,
		                   columns[i].head, 0, c->fmt.head);
		register_xlsx_check(c,
		                    worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
		                                         columns[i].width, NULL));
		if (n > lines)
			lines = n;
	}
	/* libxlsxwriter cannot measure text: the tallest wrapped heading decides */
	register_xlsx_check(
	    c, worksheet_set_row(ws, REGISTER_ROW_HEAD, 15.0 * (double)lines, NULL));
	if (data_rows > 0 && count > 0)
		register_xlsx_check(
		    c, worksheet_autofilter(ws, REGISTER_ROW_HEAD, 0,
		                            (lxw_row_t)(REGISTER_ROW_HEAD + data_rows),
		                            (lxw_col_t)(count - 1)));
	worksheet_freeze_panes(ws, REGISTER_ROW_FIRST, frozen_cols);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_landscape(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	register_xlsx_check(
	    c, worksheet_repeat_rows(ws, REGISTER_ROW_HEAD, REGISTER_ROW_HEAD));
	worksheet_fit_to_pages(ws, 1, 0);
	register_xlsx_check(c, worksheet_set_header(ws, c->header));
	register_xlsx_check(c, worksheet_set_footer(ws, c->footer));
}

struct register_xlsx_column *
register_xlsx_columns(struct register_xlsx *c, const struct register_xlsx_column *base,
                      size_t n, size_t *count, char ***owned)
{
	const struct register_result *r = c->r;
	size_t total = n + (c->flags & REGISTER_WITH_POINTS ? 3 + r->title_count : 0);
	struct register_xlsx_column *cols = xcalloc(total, sizeof *cols);

	memcpy(cols, base, n * sizeof *base);
	*owned = xcalloc(r->title_count + 1, sizeof **owned);
	if (c->flags & REGISTER_WITH_POINTS) {
		cols[n] = (struct register_xlsx_column){"Endpunktzahl", 11};
		cols[n + 1] = (struct register_xlsx_column){"Maximum", 9};
		cols[n + 2] = (struct register_xlsx_column){"Quote", 8};
		for (size_t i = 0; i < r->title_count; i++) {
			char *clean = utf8_sanitize(r->titles[i], strlen(r->titles[i]),
			                            UTF8_ONE_LINE);
			(*owned)[i] = xasprintf("Quote %s", clean);
			free(clean);
			cols[n + 3 + i] = (struct register_xlsx_column){(*owned)[i], 13};
		}
	}
	*count = total;
	return cols;
}

void
register_xlsx_columns_free(struct register_xlsx *c, struct register_xlsx_column *columns,
                           char **owned)
{
	for (size_t i = 0; owned != NULL && i < c->r->title_count; i++)
		free(owned[i]);
	free(owned);
	free(columns);
}

void
register_xlsx_points(struct register_xlsx *c, lxw_worksheet *ws, lxw_row_t row,
                     lxw_col_t col, const struct register_audit *a)
{
	const struct register_result *r = c->r;
	int points, max;

	register_xlsx_number(c, ws, row, col, a->total, c->fmt.integer);
	register_xlsx_number(c, ws, row, col + 1, a->max, c->fmt.integer);
	if (a->max > 0)
		register_xlsx_number(c, ws, row, col + 2, (double)a->total / a->max,
		                     c->fmt.percent);
	else
		register_xlsx_blank(c, ws, row, col + 2, c->fmt.percent);
	for (size_t i = 0; i < r->title_count; i++) {
		lxw_col_t at = (lxw_col_t)(col + 3 + i);
		if (register_section_points(a, r->titles[i], &points, &max))
			register_xlsx_number(c, ws, row, at, (double)points / max,
			                     c->fmt.percent);
		else
			register_xlsx_blank(c, ws, row, at, c->fmt.percent);
	}
}

/* The formats of every sheet. */
static void
make_formats(struct register_xlsx *c)
{
	/* fill and font of a row per status, in enum order */
	static const struct {
		lxw_color_t fill, font;
	} status_colours[REGISTER_STATUS_COUNT] = {
	    {0xFFC7CE, 0x9C0006}, /* abgelaufen: red */
	    {0xFFEB9C, 0x7F4F00}, /* läuft ab: amber */
	    {0xDDEBF7, 0x1F4E79}, /* offen: blue */
	    {0xE7E6E6, 0x3A3838}, /* nicht bestanden: grey */
	    {0xC6EFCE, 0x006100}, /* gültig: green */
	};
	struct register_xlsx_formats *f = &c->fmt;
	const lxw_color_t dark = 0x1F4E79;

	f->title = workbook_add_format(c->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_font_color(f->title, dark);

	f->note = workbook_add_format(c->wb);
	format_set_italic(f->note);
	format_set_font_size(f->note, 9);

	f->head = workbook_add_format(c->wb);
	format_set_bold(f->head);
	format_set_font_color(f->head, LXW_COLOR_WHITE);
	format_set_bg_color(f->head, dark);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);

	f->cell = workbook_add_format(c->wb);
	format_set_border(f->cell, LXW_BORDER_THIN);
	format_set_align(f->cell, LXW_ALIGN_VERTICAL_TOP);

	f->center = workbook_add_format(c->wb);
	format_set_border(f->center, LXW_BORDER_THIN);
	format_set_align(f->center, LXW_ALIGN_CENTER);
	format_set_align(f->center, LXW_ALIGN_VERTICAL_TOP);

	f->wrap = workbook_add_format(c->wb);
	format_set_border(f->wrap, LXW_BORDER_THIN);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);

	f->date = workbook_add_format(c->wb);
	format_set_border(f->date, LXW_BORDER_THIN);
	format_set_num_format(f->date, "DD.MM.YYYY");
	format_set_align(f->date, LXW_ALIGN_CENTER);
	format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);

	f->integer = workbook_add_format(c->wb);
	format_set_border(f->integer, LXW_BORDER_THIN);
	format_set_num_format(f->integer, "0");
	format_set_align(f->integer, LXW_ALIGN_CENTER);
	format_set_align(f->integer, LXW_ALIGN_VERTICAL_TOP);

	f->percent = workbook_add_format(c->wb);
	format_set_border(f->percent, LXW_BORDER_THIN);
	format_set_num_format(f->percent, "0.0%");
	format_set_align(f->percent, LXW_ALIGN_RIGHT);
	format_set_align(f->percent, LXW_ALIGN_VERTICAL_TOP);

	for (size_t s = 0; s < REGISTER_STATUS_COUNT; s++) {
		f->status[s] = workbook_add_format(c->wb);
		format_set_bg_color(f->status[s], status_colours[s].fill);
		format_set_font_color(f->status[s], status_colours[s].font);
	}
	f->past = workbook_add_format(c->wb);
	format_set_bg_color(f->past, status_colours[REGISTER_EXPIRED].fill);
	format_set_font_color(f->past, status_colours[REGISTER_EXPIRED].font);
	f->soon = workbook_add_format(c->wb);
	format_set_bg_color(f->soon, status_colours[REGISTER_EXPIRING].fill);
	format_set_font_color(f->soon, status_colours[REGISTER_EXPIRING].font);
}

/* Seconds since the epoch of an ISO date at noon UTC (so no zone shows another day). */
static time_t
noon_utc(const char *iso)
{
	struct tm tm = {0};

	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8);
	tm.tm_hour = 12;
	return timegm(&tm);
}

/* Document properties, dated the Stichtag so the same register gives the same file. */
static void
set_properties(struct register_xlsx *c, char **title)
{
	lxw_doc_properties props = {0};
	char *day = date_display(c->r->stichtag);

	*title = xasprintf(
	    "Register „Ausgezeichneter Wohnort für Fachkräfte“ – Stichtag %s", day);
	free(day);
	props.title = *title;
	props.subject = "Register der Audits";
	props.category = "Vertraulich";
	props.comments = c->flags & REGISTER_WITH_POINTS
	                     ? "Vertraulich – enthält die Punktzahlen einzelner Kommunen"
	                     : "Vertraulich";
	props.created = noon_utc(c->r->stichtag);
	register_xlsx_check(c, workbook_set_properties(c->wb, &props));
}

/* Page header and footer of every sheet. */
static void
make_header(struct register_xlsx *c)
{
	char *day = date_display(c->r->stichtag);

	/* a digit right after "&8" would extend the font size: keep a space */
	c->header = xasprintf("&L&8 Register „Ausgezeichneter Wohnort für Fachkräfte“"
	                      "&C&8&A&R&8Stichtag %s",
	                      day);
	c->footer =
	    xasprintf("&L&8 %s&R&8Seite &P von &N",
	              c->flags & REGISTER_WITH_POINTS
	                  ? "Vertraulich – enthält die Punktzahlen einzelner Kommunen"
	                  : "Vertraulich");
	free(day);
}

/* The sheets in workbook order: name, writer, the flag it needs (0: always). */
static const struct {
	const char *name;
	void (*write)(struct register_xlsx *, lxw_worksheet *);
	unsigned needs;
} sheets[] = {
    {REGISTER_SHEET_TOWNS, register_sheet_towns, 0},
    {REGISTER_SHEET_HISTORY, register_sheet_history, REGISTER_WITH_HISTORY},
    {REGISTER_SHEET_ITEMS, register_sheet_items, 0},
    {REGISTER_SHEET_STATS, register_sheet_stats, 0},
    {REGISTER_SHEET_PROBLEMS, register_sheet_problems, 0},
};

/* Build every sheet into c->wb; errors end up in c->err. */
static void
build_workbook(struct register_xlsx *c)
{
	char *title = NULL;
	lxw_worksheet *first = NULL;

	make_formats(c);
	make_header(c);
	set_properties(c, &title);
	for (size_t i = 0; i < sizeof sheets / sizeof sheets[0]; i++) {
		lxw_worksheet *ws;
		if (sheets[i].needs != 0 && !(c->flags & sheets[i].needs))
			continue;
		ws = workbook_add_worksheet(c->wb, sheets[i].name);
		if (ws == NULL) {
			register_xlsx_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
			break;
		}
		if (first == NULL)
			first = ws;
		sheets[i].write(c, ws);
	}
	if (first != NULL)
		worksheet_activate(first);
	free(title);
}

/* Fill the workbook (workbook_build_fn): every sheet of the register. */
static lxw_error
register_build_workbook(lxw_workbook *wb, void *arg)
{
	struct register_xlsx *c = arg;

	c->wb = wb;
	build_workbook(c);
	return c->err;
}

int
register_write_xlsx(const struct register_result *r, const char *path, unsigned flags,
                    int *unprotected, char **why)
{
	struct register_xlsx c = {0};
	int rc;

	if (unprotected != NULL)
		*unprotected = 0;
	if (r == NULL || !date_iso_valid(r->stichtag)) {
		*why = xstrdup("Register: kein berechnetes Register");
		return -1;
	}
	c.r = r;
	c.flags = flags;
	rc = workbook_write(path, REGISTER_TEMP_PREFIX,
	                    flags & REGISTER_FORCE ? OUTFILE_FORCE : 0, NULL,
	                    workbook_is_own, "Arbeitsmappe", register_build_workbook, &c, unprotected, why);
	free(c.header);
	free(c.footer);
	return rc;
}
