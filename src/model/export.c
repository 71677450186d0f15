/*
 * export.c: the Ergebnisformular workbook as a whole: the safe write (temp
 * file in the target directory, workbook_close, fsync, rename, directory
 * fsync), document properties, shared formats and the cell writers that keep
 * user text a clean string, and the table of sheets. The sheets live in one
 * file each (export_result.c, export_evidence.c, export_goals.c,
 * export_recommendations.c, export_rating.c), the list frame in
 * export_list.c, measures in export_measure.c, the logo in export_image.c.
 * Model layer: never prints, never exits; libxlsxwriter's own warnings go
 * to stderr, which a curses caller must redirect.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/atomicfile.h"
#include "model/audit.h"
#include "model/export.h"
#include "model/export_private.h"
#include "model/history.h"
#include "model/outfile.h"
#include "model/workbook.h"
#include "lib/util.h"
#include "lib/utf8.h"
#include "lib/date.h"

/* Excel's limit on characters in a cell; libxlsxwriter checks bytes. */
#define CELL_MAX_BYTES 32000

char *
export_clean_text(const char *s)
{
	char *clean;
	size_t len, cut;

	if (s == NULL)
		return xstrdup("");
	/* line breaks as Excel keeps them; C1 controls are characters there */
	clean = utf8_sanitize(s, strlen(s), UTF8_CR_NEWLINE | UTF8_KEEP_C1);
	len = strlen(clean);
	if (len <= CELL_MAX_BYTES)
		return clean;
	cut = CELL_MAX_BYTES;
	while (cut > 0 && ((unsigned char)clean[cut] & 0xC0) == 0x80)
		cut--;
	clean[cut] = '\0';
	{
		char *cell = xasprintf("%s…", clean);
		free(clean);
		return cell;
	}
}

void
export_check(struct export_ctx *c, lxw_error err)
{
	if (err != LXW_NO_ERROR && c->err == LXW_NO_ERROR)
		c->err = err;
}

void
export_put_text(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                const char *text, lxw_format *fmt)
{
	char *clean = export_clean_text(text);
	if (clean[0] == '\0')
		export_check(c, worksheet_write_blank(ws, row, col, fmt));
	else
		export_check(c, worksheet_write_string(ws, row, col, clean, fmt));
	free(clean);
	c->cells++;
}

void
export_put_number(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                  double value, lxw_format *fmt)
{
	export_check(c, worksheet_write_number(ws, row, col, value, fmt));
	c->cells++;
}

void
export_put_formula_number(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                          lxw_col_t col, const char *formula, double cached,
                          lxw_format *fmt)
{
	export_check(c, worksheet_write_formula_num(ws, row, col, formula, fmt, cached));
	c->cells++;
}

void
export_put_formula_text(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                        lxw_col_t col, const char *formula, const char *cached,
                        lxw_format *fmt)
{
	char *clean = export_clean_text(cached);
	export_check(c, worksheet_write_formula_str(ws, row, col, formula, fmt, clean));
	free(clean);
	c->cells++;
}

void
export_put_merged(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                  lxw_col_t first_col, lxw_col_t last_col, const char *text,
                  lxw_format *fmt)
{
	char *clean = export_clean_text(text);
	export_check(
	    c, worksheet_merge_range(ws, row, first_col, row, last_col, clean, fmt));
	free(clean);
	c->cells++;
}

char *
export_german_date(const char *date)
{
	if (date_iso_valid(date))
		return date_display(date);
	return export_clean_text(date);
}

char *
export_question_number(const struct form *f, size_t qi)
{
	const struct form_question *q = &f->questions[qi];
	const struct form_section *sec = &f->sections[q->section];
	return xasprintf("%zu.%zu", q->section + 1, qi - sec->first + 1);
}

void
export_col_name(char out[4], lxw_col_t col)
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

/* Excel's limit on a page header or footer, in characters (libxlsxwriter
 * refuses a longer one and the export would fail). */
#define HEADER_MAX_CHARS 255

/*
 * Append text to b as header text: '&' doubled (the header's control
 * character), line breaks and tabs as spaces, at most max_chars characters
 * as counted in the header (a doubled '&' counts two). A longer text is cut
 * at a character boundary and ends in "…": the header is shortened, the
 * export never fails for it.
 */
void
export_header_text(struct buf *b, const char *text, size_t max_chars)
{
	char *clean = export_clean_text(text);
	size_t total = utf8_chars(clean), used = 0, left = strlen(clean);
	const char *p;

	for (p = clean; *p != '\0'; p++)
		total += *p == '&'; /* a doubled '&' counts two */
	for (p = clean; *p != '\0';) {
		uint32_t cp;
		size_t len = utf8_decode(p, left, &cp), cost = *p == '&' ? 2 : 1;
		/* keep room for the "…" when the whole text does not fit */
		if (used + cost + (total > max_chars ? 1 : 0) > max_chars) {
			buf_adds(b, "…");
			break;
		}
		if (*p == '&')
			buf_addc(b, '&');
		if (*p == '\n' || *p == '\t')
			buf_addc(b, ' ');
		else
			buf_add(b, p, len);
		used += cost;
		p += len;
		left -= len;
	}
	free(clean);
}

void
export_page_setup(struct export_ctx *c, lxw_worksheet *ws, int landscape,
                  const char *title)
{
	/* a digit right after "&8" would extend the font size: keep a space */
	static const char left[] = "&L&8 ";
	struct buf header = {0}, centre = {0};
	size_t fixed;

	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.6, 0.6, 0.75, 0.75);
	/* the sheet's title on every page, so printed sheets tell themselves apart */
	buf_adds(&centre, "&C&8Ergebnisformular – &B");
	export_header_text(&centre, title, 40);
	buf_adds(&centre, "&B");
	if (c->provisional)
		buf_adds(&centre, " – &BVORLÄUFIG&B");
	if (c->internal)
		buf_adds(&centre, " – interne Fassung der IHK");
	/* the Kommune on the left gets what Excel's limit leaves, at most 100
	 * characters (more would not fit the left part of an A4 page) */
	fixed = utf8_chars(left) + utf8_chars(centre.data) + utf8_chars(c->header_right);
	buf_adds(&header, left);
	export_header_text(&header, c->s->meta.kommune,
	                   fixed >= HEADER_MAX_CHARS        ? 0
	                   : HEADER_MAX_CHARS - fixed > 100 ? 100
	                                                    : HEADER_MAX_CHARS - fixed);
	buf_adds(&header, centre.data);
	buf_adds(&header, c->header_right);
	export_check(c, worksheet_set_header(ws, header.data));
	buf_free(&header);
	buf_free(&centre);
	export_check(c, worksheet_set_footer(ws,
	                                     "&L&8Vertraulich – die Punktzahl wird nicht "
	                                     "veröffentlicht&R&8Seite &P von &N"));
}

/* Create the formats every sheet uses. */
static void
make_formats(struct export_ctx *c)
{
	struct export_formats *f = &c->fmt;
	const lxw_color_t dark = 0x1F4E79, light = 0xDDEBF7;

	f->title = workbook_add_format(c->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 16);
	format_set_font_color(f->title, dark);

	f->subtitle = workbook_add_format(c->wb);
	format_set_italic(f->subtitle);
	format_set_text_wrap(f->subtitle);
	format_set_align(f->subtitle, LXW_ALIGN_VERTICAL_TOP);

	f->provisional = workbook_add_format(c->wb);
	format_set_bold(f->provisional);
	format_set_font_size(f->provisional, 14);
	format_set_font_color(f->provisional, 0xC00000);
	format_set_border(f->provisional, LXW_BORDER_MEDIUM);
	format_set_border_color(f->provisional, 0xC00000);
	format_set_align(f->provisional, LXW_ALIGN_CENTER);
	format_set_align(f->provisional, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f->provisional);

	f->label = workbook_add_format(c->wb);
	format_set_bold(f->label);
	format_set_align(f->label, LXW_ALIGN_VERTICAL_TOP);

	f->value = workbook_add_format(c->wb);
	format_set_text_wrap(f->value);
	format_set_align(f->value, LXW_ALIGN_LEFT);
	format_set_align(f->value, LXW_ALIGN_VERTICAL_TOP);

	f->head = workbook_add_format(c->wb);
	format_set_bold(f->head);
	format_set_font_color(f->head, LXW_COLOR_WHITE);
	format_set_bg_color(f->head, dark);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);

	f->cell = workbook_add_format(c->wb);
	format_set_border(f->cell, LXW_BORDER_THIN);
	format_set_text_wrap(f->cell);
	format_set_align(f->cell, LXW_ALIGN_VERTICAL_TOP);

	f->cell_center = workbook_add_format(c->wb);
	format_set_border(f->cell_center, LXW_BORDER_THIN);
	format_set_align(f->cell_center, LXW_ALIGN_CENTER);
	format_set_align(f->cell_center, LXW_ALIGN_VERTICAL_TOP);

	f->cell_int = workbook_add_format(c->wb);
	format_set_border(f->cell_int, LXW_BORDER_THIN);
	format_set_num_format(f->cell_int, "0");
	format_set_align(f->cell_int, LXW_ALIGN_CENTER);
	format_set_align(f->cell_int, LXW_ALIGN_VERTICAL_TOP);

	f->cell_percent = workbook_add_format(c->wb);
	format_set_border(f->cell_percent, LXW_BORDER_THIN);
	format_set_num_format(f->cell_percent, "0.0%");
	format_set_align(f->cell_percent, LXW_ALIGN_RIGHT);
	format_set_align(f->cell_percent, LXW_ALIGN_VERTICAL_TOP);

	f->total_label = workbook_add_format(c->wb);
	format_set_bold(f->total_label);
	format_set_bg_color(f->total_label, light);
	format_set_border(f->total_label, LXW_BORDER_THIN);
	format_set_align(f->total_label, LXW_ALIGN_VERTICAL_CENTER);

	f->total_int = workbook_add_format(c->wb);
	format_set_bold(f->total_int);
	format_set_bg_color(f->total_int, light);
	format_set_border(f->total_int, LXW_BORDER_THIN);
	format_set_align(f->total_int, LXW_ALIGN_VERTICAL_CENTER);
	format_set_num_format(f->total_int, "0");
	format_set_align(f->total_int, LXW_ALIGN_CENTER);

	f->total_percent = workbook_add_format(c->wb);
	format_set_bold(f->total_percent);
	format_set_bg_color(f->total_percent, light);
	format_set_border(f->total_percent, LXW_BORDER_THIN);
	format_set_align(f->total_percent, LXW_ALIGN_VERTICAL_CENTER);
	format_set_num_format(f->total_percent, "0.0%");
	format_set_align(f->total_percent, LXW_ALIGN_RIGHT);

	f->total_center = workbook_add_format(c->wb);
	format_set_bold(f->total_center);
	format_set_bg_color(f->total_center, light);
	format_set_border(f->total_center, LXW_BORDER_THIN);
	format_set_align(f->total_center, LXW_ALIGN_VERTICAL_CENTER);
	format_set_align(f->total_center, LXW_ALIGN_CENTER);

	f->total_note = workbook_add_format(c->wb);
	format_set_italic(f->total_note);
	format_set_bg_color(f->total_note, light);
	format_set_border(f->total_note, LXW_BORDER_THIN);
	format_set_text_wrap(f->total_note);
	format_set_indent(f->total_note, 1);
	format_set_align(f->total_note, LXW_ALIGN_VERTICAL_CENTER);

	f->verdict = workbook_add_format(c->wb);
	format_set_bold(f->verdict);
	format_set_font_size(f->verdict, 13);
	format_set_bg_color(f->verdict, light);
	format_set_border(f->verdict, LXW_BORDER_THIN);
	format_set_align(f->verdict, LXW_ALIGN_VERTICAL_CENTER);

	f->below_min = workbook_add_format(c->wb);
	format_set_bg_color(f->below_min, 0xFFC7CE);
	format_set_font_color(f->below_min, 0x9C0006);

	f->signature = workbook_add_format(c->wb);
	format_set_top(f->signature, LXW_BORDER_THIN);
	format_set_font_size(f->signature, 9);
	format_set_align(f->signature, LXW_ALIGN_VERTICAL_TOP);

	f->note = workbook_add_format(c->wb);
	format_set_italic(f->note);
	format_set_font_size(f->note, 9);
	format_set_text_wrap(f->note);
	format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);

	f->section = workbook_add_format(c->wb);
	format_set_bold(f->section);
	format_set_font_color(f->section, dark);
	format_set_bg_color(f->section, light);
	format_set_border(f->section, LXW_BORDER_THIN);
	format_set_align(f->section, LXW_ALIGN_VERTICAL_CENTER);

	f->cell_alert = workbook_add_format(c->wb);
	format_set_border(f->cell_alert, LXW_BORDER_THIN);
	format_set_text_wrap(f->cell_alert);
	format_set_align(f->cell_alert, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(f->cell_alert);
	format_set_font_color(f->cell_alert, 0x9C0006);
	format_set_bg_color(f->cell_alert, 0xFFC7CE);

	f->cell_caution = workbook_add_format(c->wb);
	format_set_border(f->cell_caution, LXW_BORDER_THIN);
	format_set_text_wrap(f->cell_caution);
	format_set_align(f->cell_caution, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->cell_caution, 0x7F4F00);
	format_set_bg_color(f->cell_caution, 0xFFE8C0);

	f->cell_int_caution = workbook_add_format(c->wb);
	format_set_border(f->cell_int_caution, LXW_BORDER_THIN);
	format_set_num_format(f->cell_int_caution, "0");
	format_set_align(f->cell_int_caution, LXW_ALIGN_CENTER);
	format_set_align(f->cell_int_caution, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->cell_int_caution, 0x7F4F00);
	format_set_bg_color(f->cell_int_caution, 0xFFE8C0);

	/* A hidden column's number would still be rendered, as "###" in a zero
	 * width, into LibreOffice's PDF text: show the helpers as nothing. */
	f->helper = workbook_add_format(c->wb);
	format_set_num_format(f->helper, ";;;");

	f->stamp = workbook_add_format(c->wb);
	format_set_border(f->stamp, LXW_BORDER_DASHED);
	format_set_border_color(f->stamp, 0x808080);
	format_set_font_color(f->stamp, 0x808080);
	format_set_font_size(f->stamp, 9);
	format_set_align(f->stamp, LXW_ALIGN_CENTER);
	format_set_align(f->stamp, LXW_ALIGN_VERTICAL_CENTER);
}

/* Seconds since the epoch of a YYYY-MM-DD date (UTC midnight); 0 when invalid. */
static time_t
date_to_time(const char *date)
{
	struct tm tm = {0};
	int y, m, d;

	if (date == NULL || date_split(date, &y, &m, &d) != 0)
		return 0;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12; /* noon, so no time zone shows another day */
	return timegm(&tm);
}

/* Document properties: title with the Kommune, auditor, IHK, interview date. */
static void
set_properties(struct export_ctx *c, char **owned)
{
	const struct session_meta *m = &c->s->meta;
	lxw_doc_properties props = {0};

	owned[0] = export_clean_text(m->kommune);
	owned[1] = xasprintf(
	    "Ergebnisformular „Ausgezeichneter Wohnort für Fachkräfte“ – %s", owned[0]);
	owned[2] = export_clean_text(m->auditor);
	owned[3] = export_clean_text(m->ihk);
	props.title = owned[1];
	props.subject = "Prüfgespräch – Ergebnis";
	props.author = owned[2];
	props.company = owned[3];
	props.category = "Vertraulich";
	props.comments = "Vertraulich – die Punktzahl wird nicht veröffentlicht";
	props.created = date_to_time(m->datum);
	export_check(c, workbook_set_properties(c->wb, &props));
}

/* The page header's right part, the date (the Kommune on the left and the
 * sheet's title in the middle are added per sheet by export_page_setup). */
static void
make_header(struct export_ctx *c)
{
	struct buf b = {0};
	char *date = export_german_date(c->s->meta.datum);

	buf_adds(&b, "&R&8Prüfgespräch am ");
	export_header_text(&b, date, 20);
	c->header_right = buf_steal(&b);
	free(date);
}

/* The Änderungsprotokoll only when asked for: the workbook goes to the town. */
static int
protocol_wanted(const struct export_ctx *c)
{
	return c->protocol;
}

/* A re-audit that keeps its previous audit (previous.dump) shows the development. */
static int
has_previous(const struct export_ctx *c)
{
	return c->s->previous != NULL;
}

/* The sheets, in the order of their tabs (see struct export_sheet). */
static const struct export_sheet sheets[] = {
    {EXPORT_SHEET_RESULT, 2, NULL, export_sheet_result},
    {EXPORT_SHEET_DEVELOPMENT, 5, has_previous, export_sheet_development},
    {EXPORT_SHEET_EVIDENCE, 3, NULL, export_sheet_evidence},
    {EXPORT_SHEET_GOALS, 1, NULL, export_sheet_goals},
    {EXPORT_SHEET_RECOMMENDATIONS, 4, NULL, export_sheet_recommendations},
    {EXPORT_SHEET_RATING, 0, NULL, export_sheet_rating},
    {EXPORT_SHEET_PROTOCOL, 5, protocol_wanted, export_sheet_protokoll},
};
#define SHEET_COUNT (sizeof sheets / sizeof sheets[0])

/* Build every sheet into c->wb; errors end up in c->err. */
static void
build_workbook(struct export_ctx *c)
{
	lxw_worksheet *ws[SHEET_COUNT] = {0};
	size_t by_order[SHEET_COUNT];
	char *owned[4] = {0};
	int first = -1;

	make_formats(c);
	set_properties(c, owned);
	for (size_t i = 0; i < SHEET_COUNT; i++) {
		if (sheets[i].wanted != NULL && !sheets[i].wanted(c))
			continue;
		ws[i] = workbook_add_worksheet(c->wb, sheets[i].name);
		if (ws[i] == NULL)
			export_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		else if (first < 0)
			first = (int)i;
	}
	/* written by ascending order (stable): sheets others refer to first */
	for (size_t i = 0; i < SHEET_COUNT; i++) {
		size_t k = i;
		for (; k > 0 && sheets[by_order[k - 1]].order > sheets[i].order; k--)
			by_order[k] = by_order[k - 1];
		by_order[k] = i;
	}
	for (size_t i = 0; i < SHEET_COUNT && c->err == LXW_NO_ERROR; i++)
		if (ws[by_order[i]] != NULL)
			sheets[by_order[i]].write(c, ws[by_order[i]]);
	if (c->err == LXW_NO_ERROR && first >= 0)
		worksheet_activate(ws[first]);
	for (size_t i = 0; i < 4; i++)
		free(owned[i]);
}

/* The logo to use: the option's file, else the first candidate that exists.
 * 0 (img->data NULL when there is none), or -1 with *why. */
static int
find_logo(const struct session *s, const struct export_options *opt,
          struct export_image *img, char **why)
{
	char **candidates;
	int rc = 0;

	memset(img, 0, sizeof *img);
	if (opt != NULL && opt->logo != NULL)
		return export_image_load(opt->logo, img, why);
	candidates = export_logo_candidates(s->form);
	for (size_t i = 0; candidates[i] != NULL; i++) {
		if (access(candidates[i], F_OK) != 0)
			continue;
		rc = export_image_load(candidates[i], img, why);
		break;
	}
	export_logo_candidates_free(candidates);
	return rc;
}

/* Today's local date as YYYY-MM-DD. */
static void
local_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		out[0] = '\0';
}

/* Prefix of the temp files of an export, in the target's directory. */
#define EXPORT_TEMP_PREFIX ".wohnort-export-"

/* Fill the workbook (workbook_build_fn): every sheet of the table. */
static lxw_error
export_build(lxw_workbook *wb, void *arg)
{
	struct export_ctx *c = arg;

	c->wb = wb;
	build_workbook(c);
	return c->err;
}

/* The export itself; cells and unprotected may be NULL. */
static int
export_write(const struct session *s, const char *path, const struct export_options *opt,
             size_t *cells, int *unprotected, char **why)
{
	struct export_ctx c = {0};
	struct export_image logo;
	int rc;

	if (unprotected != NULL)
		*unprotected = 0;
	if (s == NULL || s->form == NULL || path == NULL || path[0] == '\0') {
		*why = xstrdup("Export: keine Sitzung oder kein Zielpfad");
		return -1;
	}
	if (opt != NULL && opt->today != NULL && !date_iso_valid(opt->today)) {
		*why = xasprintf("Export: „%s“ ist kein Datum (JJJJ-MM-TT)", opt->today);
		return -1;
	}
	/* the logo is checked before anything is written */
	if (find_logo(s, opt, &logo, why) != 0)
		return -1;
	c.logo = logo.data != NULL ? &logo : NULL;
	c.internal = opt != NULL && opt->audience == EXPORT_INTERNAL;
	c.protocol = opt != NULL && (opt->flags & EXPORT_PROTOCOL);
	if (opt != NULL && opt->today != NULL)
		snprintf(c.today, sizeof c.today, "%s", opt->today);
	else
		local_today(c.today);
	c.s = s;
	c.f = s->form;
	score_compute(s, &c.r);
	/* the result is communicated only when the audit is Abgeschlossen */
	c.provisional = audit_provisional(s, &c.r);
	if (c.r.sections == NULL && c.f->section_count > 0) {
		*why = xasprintf("%s: keine Bewertung verfügbar", path);
		rc = -1;
	} else {
		make_header(&c);
		rc = workbook_write(
		    path, EXPORT_TEMP_PREFIX,
		    opt != NULL && (opt->flags & EXPORT_FORCE) ? OUTFILE_FORCE : 0, s,
		    workbook_is_own, "Arbeitsmappe", export_build, &c, unprotected, why);
	}
	if (rc == 0 && cells != NULL)
		*cells = c.cells;
	score_result_free(&c.r);
	free(c.header_right);
	export_image_free(&logo);
	return rc;
}

int
export_xlsx_counted(const struct session *s, const char *path,
                    const struct export_options *opt, size_t *cells, char **why)
{
	return export_write(s, path, opt, cells, NULL, why);
}

int
export_xlsx_opt(const struct session *s, const char *path,
                const struct export_options *opt, int *unprotected, char **why)
{
	return export_write(s, path, opt, NULL, unprotected, why);
}

int
export_xlsx(const struct session *s, const char *path, char **why)
{
	return export_write(s, path, NULL, NULL, NULL, why);
}

char *
export_default_path(const struct session *s)
{
	return outfile_default_path(s, "-ergebnis.xlsx");
}
