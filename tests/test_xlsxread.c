/*
 * test_xlsxread.c: the XLSX reader (src/lib/xlsxread*.c, zipread.c,
 * xmlread.c) and cell references (src/lib/cellref.c). Covers: references
 * and date serials (tables); the committed corpus tests/corpus/xlsx/ (made
 * by tests/corpus/make_xlsx.py): Excel-style shared strings with rich text,
 * phonetic runs and escapes, inline strings with a namespace prefix, Strict
 * OOXML, 1904 dates, formulas with cached values, booleans, errors, styles
 * that are dates, custom properties, defined names, hidden sheets, and each
 * broken or hostile file with the message it must give; workbooks written
 * here with libxlsxwriter (shared strings, and inline strings in its
 * constant-memory mode; 100,000 rows); archives built here with minizip:
 * ZIP bombs (honest and lying headers), too many parts, cells and shared
 * strings of 1 MB, the part and total limits; callbacks that stop or fail;
 * a FIFO, a directory, a missing file.
 *
 * The program takes its locale from the environment, so `make check` in
 * de_DE.UTF-8 reads every number under a decimal comma; with
 * WA_EXPECT_DECIMAL_COMMA=1 (tests/read_locale.sh) it insists that the
 * comma is really in effect.
 */
#include "config.h"

#include <CUnit/CUnit.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

#include "lib/cellref.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/xlsxread.h"
#include "test_main.h"

/* --- helpers ------------------------------------------------------------ */

struct got_cell {
	char *sheet;
	char ref[CELLREF_SIZE];
	unsigned row, col;
	enum xlsxread_type type;
	char *text;
	size_t len;
	double number;
	int formula, date_style, hidden_row;
	char date[11];
};

struct collected {
	struct xlsxread *x;
	const char *sheet;
	struct got_cell *cells;
	size_t count, alloc;
	size_t rows;
	unsigned last_row;
	int in_order;      /* rows and cells arrived in order */
	size_t stop_after; /* return 1 after this many rows (0: never) */
	size_t fail_after; /* return -1 after this many rows (0: never) */
	int keep;          /* keep the cells (0: only count) */
	size_t cell_total;
};

static int
collect(void *arg, const struct xlsxread_row *row, char **why)
{
	struct collected *c = arg;
	unsigned last_col = 0;

	if (row->row <= c->last_row)
		c->in_order = 0;
	c->last_row = row->row;
	c->rows++;
	for (size_t i = 0; i < row->count; i++) {
		const struct xlsxread_cell *cell = &row->cells[i];
		struct got_cell *g;

		if (cell->col <= last_col || cell->row != row->row ||
		    strlen(cell->text) != cell->len)
			c->in_order = 0;
		last_col = cell->col;
		c->cell_total++;
		if (!c->keep)
			continue;
		if (c->count == c->alloc) {
			c->alloc = c->alloc ? c->alloc * 2 : 64;
			c->cells = xreallocarray(c->cells, c->alloc, sizeof *c->cells);
		}
		g = &c->cells[c->count++];
		memset(g, 0, sizeof *g);
		g->sheet = xstrdup(c->sheet);
		memcpy(g->ref, cell->ref, sizeof g->ref);
		g->row = cell->row;
		g->col = cell->col;
		g->type = cell->type;
		g->text = xstrdup(cell->text);
		g->len = cell->len;
		g->number = cell->number;
		g->formula = cell->formula;
		g->date_style = cell->date_style;
		g->hidden_row = row->hidden;
		if (xlsxread_cell_date(c->x, cell, g->date) != 0)
			g->date[0] = '\0';
	}
	if (c->fail_after && c->rows >= c->fail_after) {
		*why = xstrdup("Abbruch durch den Test");
		return -1;
	}
	if (c->stop_after && c->rows >= c->stop_after)
		return 1;
	return 0;
}

static void
collected_free(struct collected *c)
{
	for (size_t i = 0; i < c->count; i++) {
		free(c->cells[i].sheet);
		free(c->cells[i].text);
	}
	free(c->cells);
	memset(c, 0, sizeof *c);
}

static const struct got_cell *
find_cell(const struct collected *c, const char *sheet, const char *ref)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->cells[i].sheet, sheet) == 0 &&
		    strcmp(c->cells[i].ref, ref) == 0)
			return &c->cells[i];
	return NULL;
}

/* Read every worksheet of x into c; 0 or -1 with *why. */
static int
read_worksheets(struct xlsxread *x, struct collected *c, char **why)
{
	c->x = x;
	c->in_order = 1;
	for (size_t i = 0; i < xlsxread_sheet_count(x); i++) {
		const struct xlsxread_sheet *s = xlsxread_sheet(x, i);
		if (s->kind != XLSXREAD_SHEET_WORKSHEET)
			continue;
		c->sheet = s->name;
		c->last_row = 0;
		if (xlsxread_rows(x, i, collect, c, why) != 0)
			return -1;
	}
	return 0;
}

/* Open path and read all of it; returns 0, or -1 with *why. */
static int
read_file(const char *path, const struct xlsxread_limits *limits, struct collected *c,
          char **why)
{
	struct xlsxread *x = xlsxread_open(path, limits, why);
	int rc;

	if (x == NULL)
		return -1;
	rc = read_worksheets(x, c, why);
	xlsxread_free(x);
	return rc;
}

/* Whether the message names the file and contains every fragment. */
static int
message_ok(const char *why, const char *file, const char *const *fragments)
{
	if (why == NULL || strstr(why, file) == NULL ||
	    !utf8_valid(why, strlen(why), NULL))
		return 0;
	for (size_t i = 0; fragments[i] != NULL; i++)
		if (strstr(why, fragments[i]) == NULL)
			return 0;
	return 1;
}

/* Run a libxlsxwriter workbook writer in the C locale: libxlsxwriter prints
 * numbers with printf, which would write decimal commas under de_DE. */
static locale_t saved_locale, c_locale;

static void
writer_locale_begin(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	saved_locale = uselocale(c_locale);
}

static void
writer_locale_end(void)
{
	uselocale(saved_locale);
	freelocale(c_locale);
}

/* A part of an archive built by zip_build. */
struct part {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
	int lie;    /* claim claimed bytes instead of the real size */
	uint64_t claimed;
};

/* Raw deflate of len bytes (caller frees *out). */
static size_t
deflate_raw(const char *data, size_t len, char **out)
{
	z_stream z = {0};
	size_t cap = deflateBound(&z, len) + 1024;

	*out = xmalloc(cap);
	CU_ASSERT_FATAL(deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) ==
	                Z_OK);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)*out;
	z.avail_out = (uInt)cap;
	CU_ASSERT_FATAL(deflate(&z, Z_FINISH) == Z_STREAM_END);
	deflateEnd(&z);
	return cap - z.avail_out;
}

/* Write an archive of the parts at path with minizip (deflated). */
static void
zip_build(const char *path, const struct part *parts, size_t n)
{
	zipFile zf = zipOpen64(path, 0);

	CU_ASSERT_FATAL(zf != NULL);
	for (size_t i = 0; i < n; i++) {
		const struct part *p = &parts[i];
		size_t len = p->len ? p->len : strlen(p->data);
		zip_fileinfo info = {0};

		if (!p->lie) {
			CU_ASSERT_FATAL(zipOpenNewFileInZip64(zf, p->name, &info, NULL, 0,
			                                      NULL, 0, NULL, Z_DEFLATED,
			                                      6, 0) == ZIP_OK);
			CU_ASSERT_FATAL(zipWriteInFileInZip(zf, p->data, (unsigned)len) ==
			                ZIP_OK);
			CU_ASSERT_FATAL(zipCloseFileInZip(zf) == ZIP_OK);
		} else {
			char *raw;
			size_t raw_len = deflate_raw(p->data, len, &raw);
			uLong crc = crc32(0L, (const Bytef *)p->data, (uInt)len);

			CU_ASSERT_FATAL(
			    zipOpenNewFileInZip2_64(zf, p->name, &info, NULL, 0, NULL, 0,
			                            NULL, Z_DEFLATED, 6, 1,
			                            p->claimed >= 0xffffffffu) == ZIP_OK);
			CU_ASSERT_FATAL(zipWriteInFileInZip(zf, raw, (unsigned)raw_len) ==
			                ZIP_OK);
			CU_ASSERT_FATAL(zipCloseFileInZipRaw64(zf, p->claimed, crc) ==
			                ZIP_OK);
			free(raw);
		}
	}
	CU_ASSERT_FATAL(zipClose(zf, NULL) == ZIP_OK);
}

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char content_types[] = XML_DECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "</Types>";
static const char root_rels[] = XML_DECL
    "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
    "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char workbook_xml[] =
    XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
             "<sheet name=\"Fragen\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] = XML_DECL
    "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" Type=\"" NS_REL
    "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
    "Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";

/* Write a one-sheet workbook with the given sheet XML and shared strings XML
 * (NULL: an empty table) at path; the sheet part may lie about its size. */
static void
build_workbook(const char *path, const char *sheet_xml, size_t sheet_len,
               const char *strings_xml, int lie, uint64_t claimed)
{
	static const char empty_sst[] = XML_DECL "<sst xmlns=\"" NS_MAIN "\"/>";
	struct part parts[] = {
	    {"[Content_Types].xml", content_types, 0, 0, 0},
	    {"_rels/.rels", root_rels, 0, 0, 0},
	    {"xl/workbook.xml", workbook_xml, 0, 0, 0},
	    {"xl/_rels/workbook.xml.rels", workbook_rels, 0, 0, 0},
	    {"xl/sharedStrings.xml", strings_xml ? strings_xml : empty_sst, 0, 0, 0},
	    {"xl/worksheets/sheet1.xml", sheet_xml, sheet_len, lie, claimed},
	};
	zip_build(path, parts, sizeof parts / sizeof parts[0]);
}

/* A sheet part: the prefix, count copies of unit, the suffix (caller frees). */
static char *
repeat_xml(const char *prefix, const char *unit, size_t count, const char *suffix,
           size_t *len)
{
	struct buf b = {0};
	size_t unit_len = strlen(unit);

	buf_adds(&b, prefix);
	for (size_t i = 0; i < count; i++)
		buf_add(&b, unit, unit_len);
	buf_adds(&b, suffix);
	*len = b.len;
	return buf_steal(&b);
}

#define SHEET_HEAD XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

/* --- cell references and dates ------------------------------------------ */

static void
test_cellref(void)
{
	static const struct {
		const char *text;
		int ok;
		unsigned row, col;
	} cases[] = {
	    {"A1", 1, 1, 1},
	    {"F14", 1, 14, 6},
	    {"z9", 1, 9, 26},
	    {"AA100", 1, 100, 27},
	    {"XFD1048576", 1, 1048576, 16384},
	    {"XFE1", 0, 0, 0},
	    {"A1048577", 0, 0, 0},
	    {"A0", 0, 0, 0},
	    {"A01", 0, 0, 0},
	    {"1A", 0, 0, 0},
	    {"", 0, 0, 0},
	    {"AAAA1", 0, 0, 0},
	    {"$A$1", 0, 0, 0},
	    {"A1 ", 0, 0, 0},
	    {"A-1", 0, 0, 0},
	    {"A99999999999", 0, 0, 0},
	};
	char out[CELLREF_SIZE], letters[CELLREF_COLUMN_SIZE];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned row = 7, col = 7;
		int rc = cellref_parse(cases[i].text, &row, &col);
		CU_ASSERT_EQUAL(rc, cases[i].ok ? 0 : -1);
		if (cases[i].ok) {
			CU_ASSERT_EQUAL(row, cases[i].row);
			CU_ASSERT_EQUAL(col, cases[i].col);
		} else {
			CU_ASSERT(row == 7 && col == 7);
		}
	}
	cellref_format(14, 6, out);
	CU_ASSERT_STRING_EQUAL(out, "F14");
	cellref_format(1048576, 16384, out);
	CU_ASSERT_STRING_EQUAL(out, "XFD1048576");
	cellref_format(0, 1, out);
	CU_ASSERT_STRING_EQUAL(out, "?");
	cellref_column_name(702, letters);
	CU_ASSERT_STRING_EQUAL(letters, "ZZ");
	cellref_column_name(703, letters);
	CU_ASSERT_STRING_EQUAL(letters, "AAA");
	/* every column round-trips */
	for (unsigned c = 1; c <= CELLREF_MAX_COLUMN; c++) {
		unsigned back = 0;
		cellref_column_name(c, letters);
		CU_ASSERT_FATAL(cellref_parse_column(letters, &back) == 0 && back == c);
	}
}

static void
test_serial_dates(void)
{
	static const struct {
		double serial;
		int date1904;
		const char *date; /* NULL: refused */
	} cases[] = {
	    {1, 0, "1900-01-01"},
	    {59, 0, "1900-02-28"},
	    {60, 0, NULL}, /* Excel's 29 February 1900 */
	    {61, 0, "1900-03-01"},
	    {366, 0, "1900-12-31"},
	    {367, 0, "1901-01-01"},
	    {46095, 0, "2026-03-14"},
	    {46095.999, 0, "2026-03-14"},
	    {45351, 0, "2024-02-29"},
	    /* the years lib/date.h accepts end with 2199 */
	    {109574, 0, "2199-12-31"},
	    {109575, 0, NULL},
	    {1e300, 0, NULL},
	    {0, 0, NULL},
	    {-1, 0, NULL},
	    {0, 1, "1904-01-01"},
	    {1, 1, "1904-01-02"},
	    {44633, 1, "2026-03-14"},
	    {108112, 1, "2199-12-31"},
	    {108113, 1, NULL},
	    {-0.5, 1, NULL},
	};
	char out[11];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = xlsxread_serial_to_date(cases[i].serial, cases[i].date1904, out);
		if (cases[i].date == NULL) {
			CU_ASSERT_EQUAL(rc, -1);
		} else {
			CU_ASSERT_EQUAL_FATAL(rc, 0);
			CU_ASSERT_STRING_EQUAL(out, cases[i].date);
		}
	}
	CU_ASSERT_EQUAL(xlsxread_serial_to_date(0.0 / 0.0, 0, out), -1);
	CU_ASSERT_EQUAL(xlsxread_serial_to_date(1.0 / 0.0, 0, out), -1);
}

/* --- the committed corpus: files that must be read ----------------------- */

enum { NO_FLAG = 0, FORMULA = 1, DATE_STYLE = 2, HIDDEN_ROW = 4 };

struct expect_cell {
	const char *sheet;
	const char *ref;
	enum xlsxread_type type;
	const char *text;
	double number;
	int flags;
	const char *date; /* xlsxread_cell_date, or NULL: none */
};

static void
check_cells(const char *file, const struct expect_cell *cells, size_t n, size_t total)
{
	char *path = test_srcfile(file), *why = NULL;
	struct collected c = {.keep = 1};

	if (read_file(path, NULL, &c, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		CU_FAIL_FATAL("a corpus workbook was refused");
	}
	CU_ASSERT(c.in_order);
	CU_ASSERT_EQUAL(c.count, total);
	for (size_t i = 0; i < n; i++) {
		const struct expect_cell *e = &cells[i];
		const struct got_cell *g = find_cell(&c, e->sheet, e->ref);

		if (g == NULL) {
			fprintf(stderr, "%s: %s!%s missing\n", file, e->sheet, e->ref);
			CU_FAIL("expected cell missing");
			continue;
		}
		CU_ASSERT_EQUAL(g->type, e->type);
		if (strcmp(g->text, e->text) != 0) {
			fprintf(stderr, "%s!%s: \"%s\", expected \"%s\"\n", e->sheet,
			        e->ref, g->text, e->text);
			CU_FAIL("cell text differs");
		}
		CU_ASSERT_EQUAL(g->len, strlen(e->text));
		if (e->type == XLSXREAD_NUMBER || e->type == XLSXREAD_BOOL)
			CU_ASSERT_DOUBLE_EQUAL(g->number, e->number, 1e-12);
		CU_ASSERT_EQUAL(g->formula, !!(e->flags & FORMULA));
		CU_ASSERT_EQUAL(g->date_style, !!(e->flags & DATE_STYLE));
		CU_ASSERT_EQUAL(g->hidden_row, !!(e->flags & HIDDEN_ROW));
		if (e->date != NULL)
			CU_ASSERT_STRING_EQUAL(g->date, e->date);
	}
	collected_free(&c);
	free(path);
}

static void
test_corpus_excel(void)
{
	static const struct expect_cell cells[] = {
	    {"Fragen", "A1", XLSXREAD_STRING, "Nr", 0, 0, NULL},
	    {"Fragen", "B1", XLSXREAD_STRING, "Angabe der Kommune", 0, 0, NULL},
	    {"Fragen", "A2", XLSXREAD_NUMBER, "1", 1, 0, "1900-01-01"},
	    /* the phonetic run is not part of the text */
	    {"Fragen", "B2", XLSXREAD_STRING, "Ja", 0, 0, NULL},
	    {"Fragen", "C2", XLSXREAD_STRING, "Beschluss vom Rat", 0, 0, NULL},
	    {"Fragen", "D2", XLSXREAD_STRING, "  Leerzeichen  ", 0, 0, NULL},
	    {"Fragen", "A3", XLSXREAD_NUMBER, "2.5", 2.5, HIDDEN_ROW, NULL},
	    {"Fragen", "B3", XLSXREAD_NUMBER, "1E-3", 0.001, HIDDEN_ROW, NULL},
	    {"Fragen", "C3", XLSXREAD_NUMBER, "-0.5", -0.5, HIDDEN_ROW, NULL},
	    {"Fragen", "D3", XLSXREAD_NUMBER, "12500", 12500, HIDDEN_ROW, NULL},
	    {"Fragen", "A4", XLSXREAD_NUMBER, "46095", 46095, DATE_STYLE, "2026-03-14"},
	    {"Fragen", "B4", XLSXREAD_NUMBER, "46095.75", 46095.75, DATE_STYLE,
	     "2026-03-14"},
	    /* hh:mm and "Tag "0 are not dates */
	    {"Fragen", "C4", XLSXREAD_NUMBER, "0.5", 0.5, 0, NULL},
	    {"Fragen", "D4", XLSXREAD_NUMBER, "7", 7, 0, NULL},
	    {"Fragen", "A5", XLSXREAD_NUMBER, "3.5", 3.5, FORMULA, NULL},
	    {"Fragen", "B5", XLSXREAD_STRING, "Nrx", 0, FORMULA, NULL},
	    {"Fragen", "C5", XLSXREAD_BOOL, "TRUE", 1, 0, NULL},
	    {"Fragen", "D5", XLSXREAD_BOOL, "FALSE", 0, 0, NULL},
	    {"Fragen", "A6", XLSXREAD_ERROR, "#N/A", 0, FORMULA, NULL},
	    {"Fragen", "B6", XLSXREAD_ERROR, "#DIV/0!", 0, 0, NULL},
	    {"Fragen", "C6", XLSXREAD_EMPTY, "", 0, FORMULA, NULL},
	    {"Fragen", "D6", XLSXREAD_STRING, "", 0, FORMULA, NULL},
	    {"Fragen", "A7", XLSXREAD_STRING, "Zeile\r\nzwei _x0041_ A", 0, 0, NULL},
	    {"Fragen", "B7", XLSXREAD_STRING, "äöüß € „Zitat“ 😀", 0, 0, NULL},
	    {"Fragen", "C7", XLSXREAD_STRING, "", 0, 0, NULL},
	    {"Fragen", "XFD9", XLSXREAD_STRING, "Nr", 0, 0, NULL},
	    {"Maschine", "A1", XLSXREAD_STRING, "Nr", 0, 0, NULL},
	};
	char *path = test_srcfile("tests/corpus/xlsx/excel-shared.xlsx"), *why = NULL;
	struct xlsxread *x;
	const struct xlsxread_sheet *s;

	check_cells("tests/corpus/xlsx/excel-shared.xlsx", cells,
	            sizeof cells / sizeof cells[0], 27);

	x = xlsxread_open(path, NULL, &why);
	CU_ASSERT_FATAL(x != NULL);
	CU_ASSERT_EQUAL(xlsxread_sheet_count(x), 4);
	s = xlsxread_sheet(x, 0);
	CU_ASSERT(strcmp(s->name, "Fragen") == 0 && s->state == XLSXREAD_SHEET_VISIBLE &&
	          s->kind == XLSXREAD_SHEET_WORKSHEET);
	CU_ASSERT_STRING_EQUAL(s->part, "xl/worksheets/sheet1.xml");
	CU_ASSERT_EQUAL(xlsxread_sheet(x, 1)->state, XLSXREAD_SHEET_HIDDEN);
	CU_ASSERT_EQUAL(xlsxread_sheet(x, 2)->state, XLSXREAD_SHEET_VERY_HIDDEN);
	CU_ASSERT_EQUAL(xlsxread_sheet(x, 3)->kind, XLSXREAD_SHEET_CHARTSHEET);
	CU_ASSERT_PTR_NULL(xlsxread_sheet(x, 4));
	CU_ASSERT_EQUAL(xlsxread_sheet_find(x, "Maschine"), 1);
	CU_ASSERT_EQUAL(xlsxread_sheet_find(x, "maschine"), -1);
	CU_ASSERT_EQUAL(xlsxread_date1904(x), 0);
	/* custom properties */
	CU_ASSERT_EQUAL(xlsxread_property_count(x), 5);
	CU_ASSERT_STRING_EQUAL(xlsxread_property_get(x, "Formular"), "wohnort-muster");
	CU_ASSERT_STRING_EQUAL(xlsxread_property_get(x, "Ausgabe"), "2023-05-11");
	CU_ASSERT_STRING_EQUAL(xlsxread_property_get(x, "Fragen"), "42");
	CU_ASSERT_STRING_EQUAL(xlsxread_property_get(x, "Geprüft"), "true");
	CU_ASSERT_STRING_EQUAL(xlsxread_property(x, 3)->type, "bool");
	CU_ASSERT_STRING_EQUAL(xlsxread_property(x, 4)->type, "filetime");
	CU_ASSERT_PTR_NULL(xlsxread_property_get(x, "formular"));
	/* defined names: scope and case as Excel has them */
	CU_ASSERT_EQUAL(xlsxread_defined_name_count(x), 3);
	CU_ASSERT_STRING_EQUAL(xlsxread_defined_name_get(x, "formular_id", -1),
	                       "Maschine!$A$1");
	CU_ASSERT_PTR_NULL(xlsxread_defined_name_get(x, "Formular_ID", 0));
	CU_ASSERT_STRING_EQUAL(xlsxread_defined_name_get(x, "Druckbereich", 1),
	                       "Maschine!$A:$A");
	CU_ASSERT(xlsxread_defined_name(x, 0)->hidden == 1 &&
	          xlsxread_defined_name(x, 0)->sheet == 0);
	/* shared strings */
	CU_ASSERT_EQUAL(xlsxread_shared_string_count(x), 8);
	CU_ASSERT_STRING_EQUAL(xlsxread_shared_string(x, 2), "Beschluss vom Rat");
	CU_ASSERT_PTR_NULL(xlsxread_shared_string(x, 8));
	/* the chart sheet has no cells; a missing sheet names the ones there are */
	CU_ASSERT_EQUAL(xlsxread_rows(x, 3, collect, &(struct collected){0}, &why), -1);
	CU_ASSERT(why && strstr(why, "Diagrammblatt") && strstr(why, "„Diagramm“"));
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(
	    xlsxread_rows_named(x, "Stammdaten", collect, &(struct collected){0}, &why),
	    -1);
	CU_ASSERT(message_ok(why, "excel-shared.xlsx",
	                     (const char *const[]){"das Blatt „Stammdaten“ fehlt",
	                                           "„Fragen“, „Maschine“", NULL}));
	free(why);
	xlsxread_free(x);
	free(path);
}

static void
test_corpus_inline(void)
{
	static const struct expect_cell cells[] = {
	    {"Fragen", "A1", XLSXREAD_STRING, "Nr", 0, 0, NULL},
	    {"Fragen", "B1", XLSXREAD_STRING, "Rich Text", 0, 0, NULL},
	    {"Fragen", "A2", XLSXREAD_NUMBER, "42", 42, 0, NULL},
	    {"Fragen", "C2", XLSXREAD_DATE, "2026-03-14T00:00:00", 0, 0, "2026-03-14"},
	    /* a cell without r follows the one before it */
	    {"Fragen", "D2", XLSXREAD_STRING, "nach C", 0, 0, NULL},
	    {"Fragen", "B5", XLSXREAD_STRING, "Zeile\nUmbruch", 0, 0, NULL},
	};
	check_cells("tests/corpus/xlsx/inline-prefixed.xlsx", cells,
	            sizeof cells / sizeof cells[0], 6);
}

static void
test_corpus_1904_strict(void)
{
	static const struct expect_cell dates[] = {
	    {"Blatt1", "A1", XLSXREAD_NUMBER, "0", 0, DATE_STYLE, "1904-01-01"},
	    {"Blatt1", "B1", XLSXREAD_NUMBER, "44633", 44633, DATE_STYLE, "2026-03-14"},
	    {"Blatt1", "C1", XLSXREAD_NUMBER, "1", 1, DATE_STYLE, "1904-01-02"},
	};
	static const struct expect_cell strict[] = {
	    {"Strikt", "A1", XLSXREAD_STRING, "strikt", 0, 0, NULL},
	    {"Strikt", "B1", XLSXREAD_NUMBER, "1.5", 1.5, 0, NULL},
	};
	static const struct expect_cell nested[] = {
	    {"Blatt1", "A1", XLSXREAD_NUMBER, "1", 1, 0, NULL},
	    {"Blatt1", "B1", XLSXREAD_NUMBER, "3", 3, 0, NULL},
	    {"Blatt1", "A3", XLSXREAD_NUMBER, "6", 6, 0, NULL},
	};
	check_cells("tests/corpus/xlsx/date1904.xlsx", dates, 3, 3);
	check_cells("tests/corpus/xlsx/strict.xlsx", strict, 2, 2);
	/* rows and cells nested where they do not belong are not cells */
	check_cells("tests/corpus/xlsx/nested-rows.xlsx", nested, 3, 3);
}

/* --- the committed corpus: files that must be refused -------------------- */

static void
test_corpus_hostile(void)
{
	static const struct {
		const char *file;
		const char *fragment[3];
	} cases[] = {
	    {"not-zip.xlsx", {"keine Excel-Arbeitsmappe", "kein ZIP-Archiv"}},
	    {"empty.xlsx", {"ist leer"}},
	    {"encrypted.xlsx", {"verschlüsselt oder im alten Excel-Format (.xls)"}},
	    {"truncated.xlsx", {"kein gültiges ZIP-Archiv"}},
	    {"macro-vba.xlsx", {"enthält Makros (.xlsm)"}},
	    {"macro-xlsm.xlsx", {"enthält Makros (.xlsm)"}},
	    {"xlsb.xlsx", {"binäre Excel-Arbeitsmappe (.xlsb)"}},
	    {"ods.xlsx", {"OpenDocument"}},
	    {"no-content-types.xlsx",
	     {"keine Excel-Arbeitsmappe", "[Content_Types].xml"}},
	    {"doctype-entities.xlsx", {"Teil xl/sharedStrings.xml, Zeile 2", "DOCTYPE"}},
	    {"doctype-external.xlsx",
	     {"Blatt „Blatt1“ (xl/worksheets/sheet1.xml)", "DOCTYPE"}},
	    {"not-xml.xlsx", {"xl/worksheets/sheet1.xml), Zeile 1", "kein gültiges XML"}},
	    {"invalid-utf8.xlsx",
	     {"xl/worksheets/sheet1.xml), Zeile 4", "kein gültiges UTF-8"}},
	    {"missing-sheet-part.xlsx",
	     {"Blatt „Blatt1“", "xl/worksheets/sheet1.xml fehlt"}},
	    {"duplicate-cell.xlsx", {"Blatt „Blatt1“, Zelle A1", "doppelt"}},
	    {"duplicate-row.xlsx", {"Blatt „Blatt1“, Zeile 2", "doppelt"}},
	    {"cell-wrong-row.xlsx", {"Zelle A3", "steht in Zeile 2"}},
	    {"bad-sst-index.xlsx", {"Zelle A1", "gemeinsame Zeichenkette „7“"}},
	    {"bad-number.xlsx", {"Zelle A1", "„1,5“ ist keine Zahl"}},
	    {"bad-bool.xlsx", {"Zelle A1", "„vielleicht“ ist kein Wahrheitswert"}},
	    {"bad-ref.xlsx", {"ungültiger Zellbezug „AAAA1“"}},
	    {"duplicate-sheet-name.xlsx", {"das Blatt „Fragen“ steht zweimal"}},
	    {"duplicate-entry-case.xlsx", {"steht zweimal im ZIP-Archiv"}},
	    {"escape-target.xlsx", {"das Blatt „Blatt1“ verweist auf keinen Teil"}},
	    {"deep-nesting.xlsx", {"mehr als 256 Ebenen"}},
	    {"wrong-root.xlsx", {"ist kein Tabellenblatt (Wurzelelement „worksheep“)"}},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *rel = xasprintf("tests/corpus/xlsx/%s", cases[i].file);
		char *path = test_srcfile(rel), *why = NULL;
		struct collected c = {.keep = 1};
		int rc = read_file(path, NULL, &c, &why);

		CU_ASSERT_EQUAL(rc, -1);
		if (!message_ok(why, cases[i].file, cases[i].fragment)) {
			fprintf(stderr, "%s: unexpected message: %s\n", cases[i].file,
			        why ? why : "(none)");
			CU_FAIL("message does not name the file and the problem");
		}
		/* the message starts with the file name as given */
		CU_ASSERT(why != NULL && strncmp(why, path, strlen(path)) == 0);
		collected_free(&c);
		free(why);
		free(path);
		free(rel);
	}
}

/* --- workbooks written by libxlsxwriter ---------------------------------- */

/* Write the test workbook at path; constant_memory makes inline strings. */
static void
write_workbook(const char *path, int constant_memory)
{
	lxw_workbook_options options = {.constant_memory = (uint8_t)constant_memory};
	lxw_workbook *wb;
	lxw_worksheet *ws, *hidden;
	lxw_format *date, *bold;
	lxw_datetime d = {2026, 3, 14, 0, 0, 0};
	lxw_rich_string_tuple r1 = {.format = NULL, .string = "Beschluss "};
	lxw_rich_string_tuple r2 = {.format = NULL, .string = "vom Rat"};
	lxw_rich_string_tuple *rich[] = {&r1, &r2, NULL};

	writer_locale_begin();
	wb = workbook_new_opt(path, &options);
	CU_ASSERT_FATAL(wb != NULL);
	ws = workbook_add_worksheet(wb, "Fragen");
	hidden = workbook_add_worksheet(wb, "Maschine");
	date = workbook_add_format(wb);
	bold = workbook_add_format(wb);
	format_set_num_format(date, "dd.mm.yyyy");
	format_set_bold(bold);
	r2.format = bold;
	worksheet_write_string(ws, 0, 0, "Nr", NULL);
	worksheet_write_string(ws, 0, 5, "Angabe der Kommune", NULL);
	worksheet_write_number(ws, 1, 0, 3.25, NULL);
	worksheet_write_number(ws, 1, 1, 1234567.891, NULL);
	worksheet_write_number(ws, 1, 2, -1e-10, NULL);
	worksheet_write_number(ws, 1, 3, 0.1, NULL);
	worksheet_write_datetime(ws, 2, 0, &d, date);
	worksheet_write_boolean(ws, 2, 1, 0, NULL);
	worksheet_write_formula_num(ws, 2, 2, "=A2*2", NULL, 6.5);
	worksheet_write_formula_str(ws, 2, 3, "=\"a\"&\"b\"", NULL, "ab");
	worksheet_write_string(ws, 3, 0, "Zeile\nzwei; \"Zitat\" & <Tag> äöü €", NULL);
	if (!constant_memory)
		worksheet_write_rich_string(ws, 3, 1, rich, NULL);
	worksheet_write_string(ws, 13, 5, "Ja", NULL);
	worksheet_write_string(hidden, 0, 0, "wohnort-muster", NULL);
	worksheet_hide(hidden);
	workbook_set_custom_property_string(wb, "Formular", "wohnort-muster");
	workbook_set_custom_property_number(wb, "Fragen", 42);
	workbook_define_name(wb, "Formular_ID", "=Maschine!$A$1");
	CU_ASSERT_FATAL(workbook_close(wb) == LXW_NO_ERROR);
	writer_locale_end();
}

static void
check_written(const char *path, int constant_memory)
{
	const struct expect_cell cells[] = {
	    {"Fragen", "A1", XLSXREAD_STRING, "Nr", 0, 0, NULL},
	    {"Fragen", "F1", XLSXREAD_STRING, "Angabe der Kommune", 0, 0, NULL},
	    {"Fragen", "A2", XLSXREAD_NUMBER, "3.25", 3.25, 0, NULL},
	    {"Fragen", "B2", XLSXREAD_NUMBER, "1234567.891", 1234567.891, 0, NULL},
	    {"Fragen", "C2", XLSXREAD_NUMBER, "-1E-10", -1e-10, 0, NULL},
	    {"Fragen", "D2", XLSXREAD_NUMBER, "0.1", 0.1, 0, NULL},
	    {"Fragen", "A3", XLSXREAD_NUMBER, "46095", 46095, DATE_STYLE, "2026-03-14"},
	    {"Fragen", "B3", XLSXREAD_BOOL, "FALSE", 0, 0, NULL},
	    {"Fragen", "C3", XLSXREAD_NUMBER, "6.5", 6.5, FORMULA, NULL},
	    {"Fragen", "D3", XLSXREAD_STRING, "ab", 0, FORMULA, NULL},
	    {"Fragen", "A4", XLSXREAD_STRING, "Zeile\nzwei; \"Zitat\" & <Tag> äöü €", 0,
	     0, NULL},
	    {"Fragen", "B4", XLSXREAD_STRING, "Beschluss vom Rat", 0, 0, NULL},
	    {"Fragen", "F14", XLSXREAD_STRING, "Ja", 0, 0, NULL},
	    {"Maschine", "A1", XLSXREAD_STRING, "wohnort-muster", 0, 0, NULL},
	};
	char *why = NULL;
	struct collected c = {.keep = 1};
	struct xlsxread *x = xlsxread_open(path, NULL, &why);
	size_t n = sizeof cells / sizeof cells[0];

	if (x == NULL)
		fprintf(stderr, "%s\n", why);
	CU_ASSERT_FATAL(x != NULL);
	CU_ASSERT_FATAL(read_worksheets(x, &c, &why) == 0);
	CU_ASSERT(c.in_order);
	CU_ASSERT_EQUAL(c.count, constant_memory ? n - 1 : n);
	for (size_t i = 0; i < n; i++) {
		const struct got_cell *g = find_cell(&c, cells[i].sheet, cells[i].ref);
		if (constant_memory && strcmp(cells[i].ref, "B4") == 0)
			continue;
		CU_ASSERT_FATAL(g != NULL);
		CU_ASSERT_EQUAL(g->type, cells[i].type);
		CU_ASSERT_STRING_EQUAL(g->text, cells[i].text);
		CU_ASSERT_DOUBLE_EQUAL(g->number, cells[i].number, 1e-15);
		CU_ASSERT_EQUAL(g->formula, !!(cells[i].flags & FORMULA));
		CU_ASSERT_EQUAL(g->date_style, !!(cells[i].flags & DATE_STYLE));
		if (cells[i].date)
			CU_ASSERT_STRING_EQUAL(g->date, cells[i].date);
	}
	CU_ASSERT_EQUAL(xlsxread_sheet(x, 1)->state, XLSXREAD_SHEET_HIDDEN);
	CU_ASSERT_STRING_EQUAL(xlsxread_property_get(x, "Formular"), "wohnort-muster");
	CU_ASSERT_STRING_EQUAL(xlsxread_property_get(x, "Fragen"), "42");
	CU_ASSERT_STRING_EQUAL(xlsxread_defined_name_get(x, "Formular_ID", -1),
	                       "Maschine!$A$1");
	/* constant_memory writes inline strings, the default shared strings */
	CU_ASSERT_EQUAL(xlsxread_shared_string_count(x) == 0, constant_memory);
	collected_free(&c);
	xlsxread_free(x);
}

static void
test_libxlsxwriter(void)
{
	char *dir = test_tmpdir();
	char *shared = xasprintf("%s/shared.xlsx", dir),
	     *inl = xasprintf("%s/inline.xlsx", dir);

	write_workbook(shared, 0);
	write_workbook(inl, 1);
	check_written(shared, 0);
	check_written(inl, 1);
	test_rmtree(dir);
	free(dir);
	free(shared);
	free(inl);
}

/* The same bytes through xlsxread_open_memory give the same cells. */
static void
test_open_memory(void)
{
	char *path = test_srcfile("tests/corpus/xlsx/excel-shared.xlsx"), *data,
	     *why = NULL;
	struct collected a = {.keep = 1}, b = {.keep = 1};
	struct xlsxread *x;
	size_t len;

	CU_ASSERT_FATAL(file_read_all(path, 1 << 20, &data, &len, &why) == 0);
	CU_ASSERT_FATAL(read_file(path, NULL, &a, &why) == 0);
	x = xlsxread_open_memory(data, len, "speicher.xlsx", NULL, &why);
	free(data); /* the reader keeps its own copy */
	CU_ASSERT_FATAL(x != NULL);
	CU_ASSERT_FATAL(read_worksheets(x, &b, &why) == 0);
	/* a sheet can be read again */
	CU_ASSERT_FATAL(xlsxread_rows(x, 0, collect, &(struct collected){0}, &why) == 0);
	CU_ASSERT_EQUAL_FATAL(a.count, b.count);
	for (size_t i = 0; i < a.count; i++) {
		CU_ASSERT_STRING_EQUAL(a.cells[i].ref, b.cells[i].ref);
		CU_ASSERT_STRING_EQUAL(a.cells[i].text, b.cells[i].text);
	}
	CU_ASSERT_STRING_EQUAL(xlsxread_label(x), "speicher.xlsx");
	xlsxread_free(x);
	xlsxread_free(NULL);
	/* messages from memory name the label */
	x = xlsxread_open_memory("PK\003\004", 4, "kaputt.xlsx", NULL, &why);
	CU_ASSERT_PTR_NULL(x);
	CU_ASSERT(why && strncmp(why, "kaputt.xlsx: ", 13) == 0);
	free(why);
	collected_free(&a);
	collected_free(&b);
	free(path);
}

/* --- callbacks ----------------------------------------------------------- */

static void
test_callbacks(void)
{
	char *path = test_srcfile("tests/corpus/xlsx/excel-shared.xlsx"), *why = NULL;
	struct xlsxread *x = xlsxread_open(path, NULL, &why);
	struct collected stop = {.stop_after = 2, .in_order = 1};
	struct collected fail = {.fail_after = 3, .in_order = 1};

	CU_ASSERT_FATAL(x != NULL);
	stop.x = fail.x = x;
	stop.sheet = fail.sheet = "Fragen";
	CU_ASSERT_EQUAL(xlsxread_rows(x, 0, collect, &stop, &why), 0);
	CU_ASSERT_PTR_NULL(why);
	CU_ASSERT_EQUAL(stop.rows, 2);
	CU_ASSERT_EQUAL(xlsxread_rows(x, 0, collect, &fail, &why), -1);
	CU_ASSERT_EQUAL(fail.rows, 3);
	CU_ASSERT(why &&
	          strstr(why, "excel-shared.xlsx: Blatt „Fragen“: Abbruch durch den "
	                      "Test") != NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(xlsxread_rows(x, 9, collect, &stop, &why), -1);
	CU_ASSERT(why && strstr(why, "kein Blatt Nr. 10"));
	free(why);
	xlsxread_free(x);
	free(path);
}

/* --- files that are not files -------------------------------------------- */

static void
test_not_files(void)
{
	char *dir = test_tmpdir();
	char *fifo = xasprintf("%s/fifo.xlsx", dir),
	     *missing = xasprintf("%s/nix.xlsx", dir);
	char *why = NULL;

	CU_ASSERT_FATAL(mkfifo(fifo, 0600) == 0);
	CU_ASSERT_PTR_NULL(xlsxread_open(fifo, NULL, &why)); /* must not block */
	CU_ASSERT(why && strstr(why, "keine gewöhnliche Datei"));
	free(why);
	CU_ASSERT_PTR_NULL(xlsxread_open(dir, NULL, &why));
	CU_ASSERT(why && strstr(why, "Verzeichnis"));
	free(why);
	CU_ASSERT_PTR_NULL(xlsxread_open(missing, NULL, &why));
	CU_ASSERT(why && strncmp(why, missing, strlen(missing)) == 0 &&
	          strstr(why, "kann nicht geöffnet werden"));
	free(why);
	test_rmtree(dir);
	free(dir);
	free(fifo);
	free(missing);
}

/* --- limits: bombs, big cells, many parts, many rows --------------------- */

static void
expect_refused(const char *path, const struct xlsxread_limits *limits,
               const char *const *fragments)
{
	char *why = NULL;
	struct collected c = {0};
	int rc = read_file(path, limits, &c, &why);

	CU_ASSERT_EQUAL(rc, -1);
	if (getenv("WA_SHOW_MESSAGES") != NULL)
		fprintf(stderr, "\n  message: %s\n", why ? why : "(none)");
	if (!message_ok(why, path, fragments)) {
		fprintf(stderr, "unexpected message: %s\n", why ? why : "(none)");
		CU_FAIL("message does not name the file and the problem");
	}
	free(why);
}

static void
test_zip_bombs(void)
{
	char *dir = test_tmpdir();
	char *honest = xasprintf("%s/bombe.xlsx", dir),
	     *liar = xasprintf("%s/luege.xlsx", dir);
	char *big = xasprintf("%s/gross.xlsx", dir), *ok = xasprintf("%s/ok.xlsx", dir);
	size_t len;
	/* 60 MB of blanks inside the sheet: well-formed XML, 60 times over 1 MB */
	char *xml = repeat_xml(SHEET_HEAD, "                                        ",
	                       ((size_t)60 << 20) / 40, SHEET_TAIL, &len);
	struct xlsxread_limits small;
	struct stat st;

	build_workbook(honest, xml, len, NULL, 0, 0);
	CU_ASSERT(stat(honest, &st) == 0 && st.st_size < (1 << 20));
	expect_refused(honest, NULL,
	               (const char *const[]){"xl/worksheets/sheet1.xml",
	                                     "erlaubt sind 50 MB", NULL});
	/* the header claims 1000 bytes: only 1000 are inflated, then refused */
	build_workbook(liar, xml, len, NULL, 1, 1000);
	expect_refused(liar, NULL,
	               (const char *const[]){"xl/worksheets/sheet1.xml", NULL});
	/* the header claims 3 GB: refused before inflating */
	build_workbook(big, xml, len, NULL, 1, (uint64_t)3 << 30);
	expect_refused(
	    big, NULL,
	    (const char *const[]){"xl/worksheets/sheet1.xml", "3072 MB", NULL});
	free(xml);

	/* the real inflated bytes count against the part and total limits */
	xml =
	    repeat_xml(SHEET_HEAD, "<row><c><v>1</v></c></row>", 4000, SHEET_TAIL, &len);
	build_workbook(ok, xml, len, NULL, 0, 0);
	xlsxread_limits_default(&small);
	small.part_bytes = 50000;
	expect_refused(ok, &small,
	               (const char *const[]){"xl/worksheets/sheet1.xml",
	                                     "erlaubt sind 49 KB", NULL});
	xlsxread_limits_default(&small);
	small.total_bytes = 50000;
	expect_refused(ok, &small,
	               (const char *const[]){"zusammen mehr als 49 KB entpackt", NULL});
	/* and the same file within the limits is read */
	{
		struct collected c = {0};
		char *why = NULL;
		CU_ASSERT_EQUAL(read_file(ok, NULL, &c, &why), 0);
		CU_ASSERT_EQUAL(c.rows, 4000);
		CU_ASSERT(c.in_order);
	}
	free(xml);
	test_rmtree(dir);
	free(dir);
	free(honest);
	free(liar);
	free(big);
	free(ok);
}

static void
test_too_many_parts(void)
{
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/teile.xlsx", dir);
	size_t n = 10005;
	struct part *parts = xcalloc(n, sizeof *parts);
	char **names = xcalloc(n, sizeof *names);
	static const char empty_sheet[] = SHEET_HEAD SHEET_TAIL;

	parts[0] = (struct part){"[Content_Types].xml", content_types, 0, 0, 0};
	parts[1] = (struct part){"_rels/.rels", root_rels, 0, 0, 0};
	parts[2] = (struct part){"xl/workbook.xml", workbook_xml, 0, 0, 0};
	parts[3] = (struct part){"xl/_rels/workbook.xml.rels", workbook_rels, 0, 0, 0};
	parts[4] = (struct part){"xl/worksheets/sheet1.xml", empty_sheet, 0, 0, 0};
	for (size_t i = 5; i < n; i++) {
		names[i] = xasprintf("xl/media/bild%zu.txt", i);
		parts[i] = (struct part){names[i], "x", 0, 0, 0};
	}
	zip_build(path, parts, n);
	expect_refused(path, NULL,
	               (const char *const[]){"zu viele Teile", "10005", "10000", NULL});
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(parts);
	test_rmtree(dir);
	free(dir);
	free(path);
}

static void
test_big_cells(void)
{
	char *dir = test_tmpdir();
	char *inl = xasprintf("%s/inline.xlsx", dir),
	     *shared = xasprintf("%s/shared.xlsx", dir);
	char *unused = xasprintf("%s/unbenutzt.xlsx", dir),
	     *fit = xasprintf("%s/passt.xlsx", dir);
	char *megabyte = xmalloc((1 << 20) + 1), *xml, *sst;
	size_t len;
	struct collected c = {.keep = 1};
	char *why = NULL;

	memset(megabyte, 'x', 1 << 20);
	megabyte[1 << 20] = '\0';
	/* an inline string of 1 MB in F14 */
	xml = xasprintf(SHEET_HEAD
	                "<row r=\"14\"><c r=\"E14\"><v>1</v></c><c r=\"F14\" "
	                "t=\"inlineStr\"><is><t>%s</t></is></c></row>" SHEET_TAIL,
	                megabyte);
	build_workbook(inl, xml, strlen(xml), NULL, 0, 0);
	expect_refused(
	    inl, NULL,
	    (const char *const[]){"Blatt „Fragen“, Zelle F14", "65536 Bytes", NULL});
	free(xml);
	/* a shared string of 1 MB, used in B2 */
	sst = xasprintf(XML_DECL "<sst xmlns=\"" NS_MAIN
	                         "\"><si><t>kurz</t></si><si><r><t>%s"
	                         "</t></r></si></sst>",
	                megabyte);
	xml =
	    xstrdup(SHEET_HEAD "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" "
	                       "t=\"s\"><v>1</v></c></row>" SHEET_TAIL);
	build_workbook(shared, xml, strlen(xml), sst, 0, 0);
	expect_refused(
	    shared, NULL,
	    (const char *const[]){"Blatt „Fragen“, Zelle B2", "65536 Bytes", NULL});
	free(xml);
	/* the same string unused does not matter */
	xml = xstrdup(SHEET_HEAD
	              "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>" SHEET_TAIL);
	build_workbook(unused, xml, strlen(xml), sst, 0, 0);
	CU_ASSERT_EQUAL(read_file(unused, NULL, &c, &why), 0);
	CU_ASSERT(c.count == 1 && strcmp(c.cells[0].text, "kurz") == 0);
	collected_free(&c);
	free(xml);
	free(sst);
	/* exactly at the limit is read */
	megabyte[65536] = '\0';
	xml = xasprintf(SHEET_HEAD
	                "<row><c t=\"inlineStr\"><is><t>%s</t></is></c></row>" SHEET_TAIL,
	                megabyte);
	build_workbook(fit, xml, strlen(xml), NULL, 0, 0);
	c.keep = 1;
	CU_ASSERT_EQUAL(read_file(fit, NULL, &c, &why), 0);
	CU_ASSERT(c.count == 1 && c.cells[0].len == 65536);
	collected_free(&c);
	free(xml);
	(void)len;
	free(megabyte);
	test_rmtree(dir);
	free(dir);
	free(inl);
	free(shared);
	free(unused);
	free(fit);
}

/* 100,000 rows written by libxlsxwriter (constant memory): every row
 * arrives, in order, with its values. */
struct many_rows {
	size_t rows;
	int ok;
};

static int
check_many(void *arg, const struct xlsxread_row *row, char **why)
{
	struct many_rows *m = arg;
	char expect[32];

	(void)why;
	m->rows++;
	snprintf(expect, sizeof expect, "Frage %u", row->row);
	if (row->row != m->rows || row->count != 3 ||
	    strcmp(row->cells[0].text, expect) != 0 ||
	    row->cells[1].number != row->row * 0.5 || row->cells[2].type != XLSXREAD_BOOL)
		m->ok = 0;
	return 0;
}

static void
test_many_rows(void)
{
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/gross.xlsx", dir), *why = NULL;
	lxw_workbook_options options = {.constant_memory = 1, .tmpdir = dir};
	lxw_workbook *wb;
	lxw_worksheet *ws;
	struct xlsxread *x;
	struct many_rows m = {0, 1};
	char text[32];

	writer_locale_begin();
	wb = workbook_new_opt(path, &options);
	ws = workbook_add_worksheet(wb, "Fragen");
	for (unsigned r = 0; r < 100000; r++) {
		snprintf(text, sizeof text, "Frage %u", r + 1);
		worksheet_write_string(ws, r, 0, text, NULL);
		worksheet_write_number(ws, r, 1, (r + 1) * 0.5, NULL);
		worksheet_write_boolean(ws, r, 2, (int)(r % 2), NULL);
	}
	CU_ASSERT_FATAL(workbook_close(wb) == LXW_NO_ERROR);
	writer_locale_end();
	x = xlsxread_open(path, NULL, &why);
	CU_ASSERT_FATAL(x != NULL);
	CU_ASSERT_EQUAL(xlsxread_rows(x, 0, check_many, &m, &why), 0);
	CU_ASSERT_EQUAL(m.rows, 100000);
	CU_ASSERT(m.ok);
	xlsxread_free(x);
	test_rmtree(dir);
	free(dir);
	free(path);
}

/* The locale: numbers are read the same under a decimal comma. With
 * WA_EXPECT_DECIMAL_COMMA=1 the comma must really be in effect (so strtod
 * would misread "2.5"), else the German run would prove nothing. */
static void
test_locale(void)
{
	const char *expect = getenv("WA_EXPECT_DECIMAL_COMMA");
	char *path = test_srcfile("tests/corpus/xlsx/excel-shared.xlsx"), *why = NULL;
	struct collected c = {.keep = 1};
	const struct got_cell *g;

	if (expect != NULL && strcmp(expect, "1") == 0) {
		CU_ASSERT_STRING_EQUAL(localeconv()->decimal_point, ",");
		CU_ASSERT_DOUBLE_EQUAL(strtod("2.5", NULL), 2.0, 0);
	}
	CU_ASSERT_FATAL(read_file(path, NULL, &c, &why) == 0);
	g = find_cell(&c, "Fragen", "A3");
	CU_ASSERT(g != NULL && g->number == 2.5);
	g = find_cell(&c, "Fragen", "B4");
	CU_ASSERT(g != NULL && g->number == 46095.75);
	collected_free(&c);
	free(path);
}

int
main(void)
{
	static CU_TestInfo reference_tests[] = {
	    {"cell references", test_cellref},
	    {"date serial numbers (1900 and 1904)", test_serial_dates},
	    CU_TEST_INFO_NULL,
	};
	static CU_TestInfo corpus_tests[] = {
	    {"Excel style: shared strings, formulas, dates, properties",
	     test_corpus_excel},
	    {"inline strings, prefixed namespace, cells without r", test_corpus_inline},
	    {"1904 dates, Strict OOXML, nested rows", test_corpus_1904_strict},
	    {"broken and hostile files are refused by name", test_corpus_hostile},
	    CU_TEST_INFO_NULL,
	};
	static CU_TestInfo written_tests[] = {
	    {"libxlsxwriter workbooks, shared and inline strings", test_libxlsxwriter},
	    {"open from memory", test_open_memory},
	    {"callbacks stop and fail", test_callbacks},
	    {"FIFO, directory, missing file", test_not_files},
	    {"the locale does not change numbers", test_locale},
	    CU_TEST_INFO_NULL,
	};
	static CU_TestInfo limit_tests[] = {
	    {"ZIP bombs: honest and lying headers, part and total limits",
	     test_zip_bombs},
	    {"too many parts", test_too_many_parts},
	    {"cells of 1 MB", test_big_cells},
	    {"100,000 rows", test_many_rows},
	    CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
	    {"references", NULL, NULL, NULL, NULL, reference_tests},
	    {"corpus", NULL, NULL, NULL, NULL, corpus_tests},
	    {"written", NULL, NULL, NULL, NULL, written_tests},
	    {"limits", NULL, NULL, NULL, NULL, limit_tests},
	    CU_SUITE_INFO_NULL,
	};

	setlocale(LC_ALL, "");
	return test_run(suites);
}
