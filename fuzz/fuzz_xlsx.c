/*
 * fuzz_xlsx.c: libFuzzer target for the spreadsheet readers (src/lib/
 * xlsxread*.c with zipread.c and xmlread.c; src/lib/csvread.c). The first
 * byte chooses what the rest is, so mutations reach the XML and not only
 * the ZIP container (a mutated deflate stream mostly fails its CRC):
 *   0  the bytes of an .xlsx file (also fed to the CSV reader)
 *   1  parts: "NAME\n" then the content, parts separated by "\n##\n"; the
 *      harness stores them in a ZIP archive with correct CRCs
 *   2  the XML of xl/worksheets/sheet1.xml in a fixed, valid workbook
 *   3  the XML of xl/sharedStrings.xml in that workbook
 * It checks the readers' promises: no crash, no leak, a refusal always
 * comes with a message in valid UTF-8 that starts with the file name; every
 * cell of an accepted sheet arrives in order, its reference matches its row
 * and column, its text is valid UTF-8 of the length given and within the
 * cell limit. Built by fuzz/run.sh only; never part of the program.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "lib/cellref.h"
#include "lib/csvread.h"
#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/xlsxread.h"

#define CHECK(cond)                                                                      \
	do {                                                                             \
		if (!(cond))                                                             \
			__builtin_trap();                                                \
	} while (0)

#define LABEL "fuzz.xlsx"
#define MAX_PARTS 64

static struct xlsxread_limits limits;

struct order {
	struct xlsxread *x;
	unsigned last_row;
};

static int
check_row(void *arg, const struct xlsxread_row *row, char **why)
{
	struct order *o = arg;
	unsigned last_col = 0;
	char ref[CELLREF_SIZE], date[11];

	(void)why;
	CHECK(row->row > o->last_row && row->row <= CELLREF_MAX_ROW && row->count > 0);
	o->last_row = row->row;
	for (size_t i = 0; i < row->count; i++) {
		const struct xlsxread_cell *c = &row->cells[i];
		CHECK(c->row == row->row && c->col > last_col &&
		      c->col <= CELLREF_MAX_COLUMN);
		last_col = c->col;
		cellref_format(c->row, c->col, ref);
		CHECK(strcmp(ref, c->ref) == 0);
		CHECK(c->text != NULL && strlen(c->text) == c->len);
		CHECK(c->len <= limits.cell_bytes);
		CHECK(utf8_valid(c->text, c->len, NULL));
		if (xlsxread_cell_date(o->x, c, date) == 0)
			CHECK(strlen(date) == 10 && date_iso_valid(date));
	}
	return 0;
}

static void
check_message(char *why)
{
	CHECK(why != NULL && strncmp(why, LABEL ": ", strlen(LABEL) + 2) == 0);
	CHECK(utf8_valid(why, strlen(why), NULL));
	free(why);
}

/* Open the bytes as a workbook and read every sheet. */
static void
read_xlsx(const uint8_t *data, size_t size)
{
	char *why = NULL;
	struct xlsxread *x = xlsxread_open_memory(data, size, LABEL, &limits, &why);

	if (x == NULL) {
		check_message(why);
		return;
	}
	CHECK(why == NULL);
	for (size_t i = 0; i < xlsxread_sheet_count(x); i++) {
		const struct xlsxread_sheet *s = xlsxread_sheet(x, i);
		struct order o = {x, 0};

		CHECK(s->name != NULL && utf8_valid(s->name, strlen(s->name), NULL));
		CHECK(xlsxread_sheet_find(x, s->name) == (long)i);
		if (xlsxread_rows(x, i, check_row, &o, &why) != 0)
			check_message(why);
		why = NULL;
	}
	for (size_t i = 0; i < xlsxread_property_count(x); i++)
		CHECK(xlsxread_property_get(x, xlsxread_property(x, i)->name) != NULL);
	for (size_t i = 0; i < xlsxread_shared_string_count(x); i++) {
		const char *s = xlsxread_shared_string(x, i);
		CHECK(s == NULL || strlen(s) <= limits.cell_bytes);
	}
	xlsxread_free(x);
}

static int
check_csv_row(void *arg, const struct csvread_row *row, char **why)
{
	(void)arg, (void)why;
	for (size_t i = 0; i < row->count; i++)
		CHECK(strlen(row->fields[i]) == row->lengths[i] &&
		      utf8_valid(row->fields[i], row->lengths[i], NULL));
	return 0;
}

static void
put16(struct buf *b, unsigned v)
{
	buf_addc(b, (char)(v & 0xff));
	buf_addc(b, (char)(v >> 8));
}

static void
put32(struct buf *b, unsigned long v)
{
	put16(b, (unsigned)(v & 0xffff));
	put16(b, (unsigned)(v >> 16));
}

struct part {
	const char *name;
	size_t name_len;
	const char *data;
	size_t len;
};

/* A stored (uncompressed) ZIP archive of the parts, with correct CRCs. */
static void
zip_stored(const struct part *parts, size_t n, struct buf *out)
{
	struct buf cd = {0};
	unsigned long offsets[MAX_PARTS];

	for (size_t i = 0; i < n; i++) {
		unsigned long crc =
		    crc32(0L, (const Bytef *)parts[i].data, (uInt)parts[i].len);
		offsets[i] = (unsigned long)out->len;
		put32(out, 0x04034b50);
		put16(out, 20);
		put16(out, 0);
		put16(out, 0);
		put16(out, 0);
		put16(out, 0x21);
		put32(out, crc);
		put32(out, (unsigned long)parts[i].len);
		put32(out, (unsigned long)parts[i].len);
		put16(out, (unsigned)parts[i].name_len);
		put16(out, 0);
		buf_add(out, parts[i].name, parts[i].name_len);
		buf_add(out, parts[i].data, parts[i].len);

		put32(&cd, 0x02014b50);
		put16(&cd, 20);
		put16(&cd, 20);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0x21);
		put32(&cd, crc);
		put32(&cd, (unsigned long)parts[i].len);
		put32(&cd, (unsigned long)parts[i].len);
		put16(&cd, (unsigned)parts[i].name_len);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put32(&cd, 0);
		put32(&cd, offsets[i]);
		buf_add(&cd, parts[i].name, parts[i].name_len);
	}
	{
		unsigned long cd_offset = (unsigned long)out->len;
		buf_add(out, cd.data ? cd.data : "", cd.len);
		put32(out, 0x06054b50);
		put16(out, 0);
		put16(out, 0);
		put16(out, (unsigned)n);
		put16(out, (unsigned)n);
		put32(out, (unsigned long)cd.len);
		put32(out, cd_offset);
		put16(out, 0);
	}
	buf_free(&cd);
}

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char *const fixed_names[] = {
    "[Content_Types].xml",        "_rels/.rels",   "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
};
static const char *const fixed_data[] = {
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
    "PartName=\"/xl/workbook.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
    "<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\"" REL
    "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
    "<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><sheets><sheet name=\"Fragen\" "
    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\"" REL
    "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" REL
    "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" REL
    "/styles\" Target=\"styles.xml\"/></Relationships>",
    "<styleSheet xmlns=\"" NS "\"><numFmts><numFmt numFmtId=\"164\" "
    "formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf "
    "numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>",
    "<sst xmlns=\"" NS "\"><si><t>eins</t></si><si><r><t>zw</t></r><r><t>ei</t></r></si>"
    "<si><t>_x000D_drei</t></si></sst>",
    "<worksheet xmlns=\"" NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" s=\"1\">"
    "<v>46095</v></c></row></sheetData></worksheet>",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct part parts[MAX_PARTS];
	struct buf zip = {0};
	size_t n = 0;
	int mode;

	if (limits.cell_bytes == 0) {
		xlsxread_limits_default(&limits);
		limits.part_bytes = 1 << 20;
		limits.total_bytes = 4 << 20;
		limits.entries = 1000;
		limits.cell_bytes = 4096;
	}
	if (size == 0)
		return 0;
	mode = data[0] % 4;
	data++;
	size--;
	if (mode == 0) {
		char *why = NULL;
		struct csvread_limits cl;

		read_xlsx(data, size);
		csvread_limits_default(&cl);
		cl.field_bytes = 4096;
		if (csvread_memory(data, size, "fuzz.csv", &cl, check_csv_row, NULL, NULL,
		                   &why) != 0) {
			CHECK(why != NULL && strncmp(why, "fuzz.csv: ", 10) == 0 &&
			      utf8_valid(why, strlen(why), NULL));
		}
		free(why);
		return 0;
	}
	if (mode == 1) {
		const char *p = (const char *)data, *end = p + size;
		while (p < end && n < MAX_PARTS) {
			const char *sep = memmem(p, (size_t)(end - p), "\n##\n", 4);
			const char *stop = sep ? sep : end;
			const char *nl = memchr(p, '\n', (size_t)(stop - p));
			parts[n].name = p;
			parts[n].name_len = nl ? (size_t)(nl - p) : (size_t)(stop - p);
			parts[n].data = nl ? nl + 1 : stop;
			parts[n].len = (size_t)(stop - parts[n].data);
			n++;
			p = sep ? sep + 4 : end;
		}
	} else {
		for (n = 0; n < sizeof fixed_names / sizeof fixed_names[0]; n++) {
			parts[n].name = fixed_names[n];
			parts[n].name_len = strlen(fixed_names[n]);
			parts[n].data = fixed_data[n];
			parts[n].len = strlen(fixed_data[n]);
		}
		/* mode 2 replaces the sheet, mode 3 the shared strings */
		parts[mode == 2 ? 6 : 5].data = (const char *)data;
		parts[mode == 2 ? 6 : 5].len = size;
	}
	zip_stored(parts, n, &zip);
	read_xlsx((const uint8_t *)zip.data, zip.len);
	buf_free(&zip);
	return 0;
}
