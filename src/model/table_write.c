/*
 * table_write.c: writing the Dokumentationstabelle as a whole: the target
 * rules (an existing file only with TABLE_FORCE, never a session, link or
 * directory) and the temp file, C locale and rename of model/workbook.h,
 * the document properties and defined names
 * that carry the form's identity, the shared formats and cell helpers, the
 * page and protection setup, and the drop-down lists on the hidden sheet
 * Listen. The sheets write themselves (table_sheet_*.c, listed in table.c).
 * Model code: never prints, never exits; libxlsxwriter may print warnings
 * to stderr.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "model/export_private.h"
#include "model/outfile.h"
#include "model/table_private.h"
#include "model/workbook.h"

/* Temp files of a table being written, in the target's directory. */
#define TABLE_TEMP_PREFIX ".wohnort-tabelle-"

void
table_check(struct table_ctx *c, lxw_error err)
{
	if (err != LXW_NO_ERROR && c->err == LXW_NO_ERROR)
		c->err = err;
}

void
table_put_text(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
               const char *text, lxw_format *fmt)
{
	char *clean = export_clean_text(text);

	if (clean[0] == '\0')
		table_check(c, worksheet_write_blank(ws, row, col, fmt));
	else
		table_check(c, worksheet_write_string(ws, row, col, clean, fmt));
	free(clean);
}

void
table_put_merged(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t first,
                 lxw_col_t last, const char *text, lxw_format *fmt)
{
	char *clean = export_clean_text(text);

	table_check(c, worksheet_merge_range(ws, row, first, row, last, clean, fmt));
	free(clean);
}

void
table_put_mark(struct table_ctx *c, lxw_worksheet *ws, lxw_col_t keycol, const char *name)
{
	const struct form *f = c->f;
	const char *values[TABLE_MARK_COLUMNS] = {TABLE_MARK, name, f->id, f->edition,
	                                          f->sha256};
	lxw_row_col_options hidden = {.hidden = 1};

	table_check(c,
	            worksheet_set_column_opt(ws, keycol, keycol + TABLE_MARK_COLUMNS - 1,
	                                     14, c->fmt.machine, &hidden));
	for (lxw_col_t i = 0; i < TABLE_MARK_COLUMNS; i++)
		table_put_text(c, ws, 0, keycol + i, values[i], c->fmt.machine);
}

void
table_sheet_setup(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t head_row,
                  int landscape)
{
	lxw_protection protection = {
	    .format_rows = 1, /* rows may grow for long answers */
	    .autofilter = 1,
	};

	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_fit_to_pages(ws, 1, 0);
	table_check(c, worksheet_set_header(ws, c->header));
	table_check(c, worksheet_set_footer(ws, "&L&8&A&R&8Seite &P von &N"));
	if (head_row != (lxw_row_t)-1) {
		table_check(c, worksheet_repeat_rows(ws, head_row, head_row));
		worksheet_freeze_panes(ws, head_row + 1, 0);
	}
	/* no password: the protection keeps the questions and the hidden
	 * keys from being changed by mistake, it is no secret */
	worksheet_protect(ws, NULL, &protection);
}

void
table_row_height(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                 const char *const *texts, const double *widths, size_t n, int min_lines)
{
	double h = export_row_height(texts, widths, n);

	if (h < export_lines_height(min_lines))
		h = export_lines_height(min_lines);
	table_check(c, worksheet_set_row(ws, row, h, NULL));
}

/* A list of n entries as one string, for finding it again. */
static char *
list_key(const char *const *entries, size_t n)
{
	struct buf b = {0};

	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "\n" : "", entries[i]);
	buf_adds(&b, "");
	return buf_steal(&b);
}

/* The range of the list of n entries on Listen, written there the first
 * time it is asked for. Borrowed from c. */
static const char *
list_ref(struct table_ctx *c, const char *const *entries, size_t n)
{
	char *key = list_key(entries, n), first[4], last[4];
	lxw_row_t row;

	for (size_t i = 0; i < c->list_count; i++)
		if (strcmp(c->list_keys[i], key) == 0) {
			free(key);
			return c->list_refs[i];
		}
	row = (lxw_row_t)c->list_count;
	for (size_t i = 0; i < n; i++)
		table_put_text(c, c->lists, row, (lxw_col_t)i, entries[i], NULL);
	c->list_keys =
	    xreallocarray(c->list_keys, c->list_count + 1, sizeof *c->list_keys);
	c->list_refs =
	    xreallocarray(c->list_refs, c->list_count + 1, sizeof *c->list_refs);
	export_col_name(first, 0);
	export_col_name(last, (lxw_col_t)(n > 0 ? n - 1 : 0));
	c->list_keys[c->list_count] = key;
	c->list_refs[c->list_count] =
	    xasprintf("=" TABLE_SHEET_LISTS "!$%s$%u:$%s$%u", first, (unsigned)row + 1,
	              last, (unsigned)row + 1);
	return c->list_refs[c->list_count++];
}

/* Whether the n entries fit an inline list: Excel joins them with commas
 * into at most 255 characters and cannot quote a comma or a quote. */
static int
inline_list(const char *const *entries, size_t n)
{
	size_t chars = n > 0 ? n - 1 : 0;

	for (size_t i = 0; i < n; i++) {
		if (strpbrk(entries[i], ",\"") != NULL || entries[i][0] == '\0')
			return 0;
		chars += utf8_chars(entries[i]);
	}
	return n > 0 && chars <= 255;
}

void
table_dropdown(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
               const char *const *entries, size_t n)
{
	lxw_data_validation v = {0};
	char **list = NULL;

	if (inline_list(entries, n)) {
		list = xcalloc(n + 1, sizeof *list);
		for (size_t i = 0; i < n; i++)
			list[i] = (char *)entries[i];
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = list;
	} else {
		/* longer lists, or entries with a comma, from the sheet Listen
		 * (libxlsxwriter 1.1.4 keeps a copy of such a formula it never
		 * frees: tests/lsan.supp) */
		v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		v.value_formula = (char *)list_ref(c, entries, n);
	}
	v.error_title = "Angabe aus der Liste wählen";
	v.error_message = "Bitte einen Wert aus der Liste wählen (oder das Feld leer "
	                  "lassen).";
	table_check(c, worksheet_data_validation_cell(ws, row, col, &v));
	free(list);
}

/* The formats every sheet uses. */
static void
make_formats(struct table_ctx *c)
{
	struct table_formats *f = &c->fmt;
	const lxw_color_t dark = 0x1F4E79, light = 0xDDEBF7, input = 0xFFF2CC,
	                  grey = 0xEDEDED;
	lxw_format **inputs[] = {&f->input, &f->input_number, &f->input_date,
	                         &f->input_list};

	f->title = workbook_add_format(c->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_font_color(f->title, dark);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_TOP);

	f->intro = workbook_add_format(c->wb);
	format_set_text_wrap(f->intro);
	format_set_align(f->intro, LXW_ALIGN_VERTICAL_TOP);

	f->subhead = workbook_add_format(c->wb);
	format_set_bold(f->subhead);
	format_set_font_size(f->subhead, 12);
	format_set_font_color(f->subhead, dark);

	f->head = workbook_add_format(c->wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_bg_color(f->head, light);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);

	f->cell = workbook_add_format(c->wb);
	format_set_text_wrap(f->cell);
	format_set_border(f->cell, LXW_BORDER_THIN);
	format_set_align(f->cell, LXW_ALIGN_VERTICAL_TOP);

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		lxw_format *in = workbook_add_format(c->wb);
		format_set_text_wrap(in);
		format_set_border(in, LXW_BORDER_THIN);
		format_set_align(in, LXW_ALIGN_VERTICAL_TOP);
		format_set_bg_color(in, input);
		format_set_unlocked(in);
		*inputs[i] = in;
	}
	/* typed text stays text: "3" or "14.3." in a text field is no number */
	format_set_num_format(f->input, "@");
	format_set_num_format(f->input_number, "0");
	format_set_num_format(f->input_date, "DD.MM.YYYY");

	f->blank = workbook_add_format(c->wb);
	format_set_border(f->blank, LXW_BORDER_THIN);
	format_set_bg_color(f->blank, grey);
	format_set_text_wrap(f->blank);
	format_set_align(f->blank, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->blank, 0x595959);

	f->machine = workbook_add_format(c->wb);
	format_set_num_format(f->machine, "@");
	format_set_hidden(f->machine);

	f->text = workbook_add_format(c->wb);
	format_set_text_wrap(f->text);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);

	f->text_bold = workbook_add_format(c->wb);
	format_set_text_wrap(f->text_bold);
	format_set_bold(f->text_bold);
	format_set_align(f->text_bold, LXW_ALIGN_VERTICAL_TOP);
}

/* Document properties, and the form's identity as custom properties (a
 * copy: the hidden cells are what the import reads). */
static void
set_properties(struct table_ctx *c, char **owned)
{
	const struct form *f = c->f;
	lxw_doc_properties props = {0};

	owned[0] = export_clean_text(c->s->meta.kommune);
	owned[1] = xasprintf("Dokumentationstabelle „Ausgezeichneter Wohnort für "
	                     "Fachkräfte“ – %s",
	                     owned[0]);
	owned[2] = export_clean_text(c->s->meta.ihk);
	props.title = owned[1];
	props.subject = "Angaben der Kommune zum Prüfgespräch";
	props.company = owned[2];
	props.comments = "Bitte die gelben Felder ausfüllen; ausgeblendete Spalten nicht "
	                 "ändern.";
	table_check(c, workbook_set_properties(c->wb, &props));
	table_check(c, workbook_set_custom_property_string(c->wb, WORKBOOK_TOWN_NAME,
	                                                   TABLE_MARK));
	table_check(c, workbook_set_custom_property_string(c->wb, "Formular", f->id));
	table_check(c, workbook_set_custom_property_string(c->wb, "Ausgabe", f->edition));
	table_check(
	    c, workbook_set_custom_property_string(c->wb, "Fingerabdruck", f->sha256));
}

void
table_define_names(struct table_ctx *c, const char *sheet, lxw_col_t keycol)
{
	static const char *const names[] = {"wa_formular", "wa_ausgabe",
	                                    "wa_fingerabdruck"};
	char col[4];

	for (size_t i = 0; i < 3; i++) {
		char *ref;
		export_col_name(col, keycol + 2 + (lxw_col_t)i);
		ref = xasprintf("=%s!$%s$1", sheet, col);
		table_check(c, workbook_define_name(c->wb, names[i], ref));
		free(ref);
	}
}

/* The page header: the Kommune on the left, the table and the sheet in the
 * middle. */
static void
make_header(struct table_ctx *c)
{
	struct buf b = {0};

	buf_adds(&b, "&L&8 ");
	export_header_text(&b, c->s->meta.kommune, 100);
	buf_adds(&b, "&C&8Dokumentationstabelle – &A");
	c->header = buf_steal(&b);
}

/* Build every sheet into c->wb; errors end up in c->err. */
static void
build_workbook(struct table_ctx *c)
{
	lxw_worksheet *ws[16] = {0};
	char *owned[3] = {0};

	make_formats(c);
	make_header(c);
	set_properties(c, owned);
	for (size_t i = 0; i < table_sheet_count && i < 16; i++) {
		ws[i] = workbook_add_worksheet(c->wb, table_sheets[i]->name);
		if (ws[i] == NULL)
			table_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		else if (strcmp(table_sheets[i]->name, TABLE_SHEET_LISTS) == 0)
			c->lists = ws[i];
	}
	for (size_t i = 0; i < table_sheet_count && c->err == LXW_NO_ERROR; i++)
		if (ws[i] != NULL && table_sheets[i]->write != NULL)
			table_sheets[i]->write(c, ws[i]);
	for (size_t i = 0; i < table_sheet_count && c->err == LXW_NO_ERROR; i++)
		if (ws[i] != NULL && table_sheets[i]->hidden)
			worksheet_hide(ws[i]);
	if (c->err == LXW_NO_ERROR && ws[0] != NULL)
		worksheet_activate(ws[0]);
	for (size_t i = 0; i < 3; i++)
		free(owned[i]);
}

/* Free what the context holds. */
static void
ctx_free(struct table_ctx *c)
{
	for (size_t i = 0; i < c->list_count; i++) {
		free(c->list_keys[i]);
		free(c->list_refs[i]);
	}
	free(c->list_keys);
	free(c->list_refs);
	free(c->header);
}

/* workbook_build_fn: the table's sheets into wb. */
static lxw_error
table_build(lxw_workbook *wb, void *ctx)
{
	struct table_ctx *c = ctx;

	c->wb = wb;
	build_workbook(c);
	return c->err;
}

int
table_write(const struct session *s, const char *path, unsigned flags, int *unprotected,
            char **why)
{
	struct table_ctx c = {0};
	int rc;

	if (unprotected != NULL)
		*unprotected = 0;
	if (s == NULL || s->form == NULL || path == NULL || path[0] == '\0') {
		*why = xstrdup("Dokumentationstabelle: keine Sitzung oder kein Zielpfad");
		return -1;
	}
	c.s = s;
	c.f = s->form;
	/* an existing file may be the table the town filled in: replaced only
	 * when asked (own: none) */
	rc = workbook_write(path, TABLE_TEMP_PREFIX,
	                    flags & TABLE_FORCE ? OUTFILE_FORCE : 0, s, NULL,
	                    "Dokumentationstabelle", table_build, &c, unprotected, why);
	ctx_free(&c);
	return rc;
}
