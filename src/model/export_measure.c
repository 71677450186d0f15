/*
 * export_measure.c: how much room text and rows take on the printed
 * Ergebnisformular, so row heights fit their wrapped text and page breaks
 * keep a Handlungsfeld's heading with its first questions. Spreadsheet
 * column widths count digits of the default font; text is measured in the
 * same unit with Calibri's advance widths (as Carlito, its metric twin,
 * has them), which is what Excel and LibreOffice with Carlito lay out, and
 * a little more than LibreOffice needs when it falls back to DejaVu Sans,
 * whose letters are narrower against its digits. Page capacity follows
 * Excel's fit-to-width scale.
 * Pure computation: no I/O, nothing printed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "lib/util.h"
#include "lib/utf8.h"

/*
 * Advance widths of U+0020..U+00FF in Carlito (metric-compatible with
 * Calibri, the workbook's font), in thousandths of the width of the digit 0,
 * from the font's hmtx table; C1 controls, which export_clean_text never
 * lets through, count as one digit.
 */
static const unsigned short latin1_width[224] = {
    446,  643,  791,  983,  1000, 1410, 1346, 435,  598,  598,  983,  983,  /* 20 */
    492,  604,  498,  762,  1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, /* 2c */
    1000, 1000, 528,  528,  983,  983,  983,  914,  1764, 1142, 1073, 1052, /* 38 */
    1214, 963,  907,  1245, 1229, 497,  629,  1025, 829,  1687, 1274, 1306, /* 44 */
    1019, 1328, 1071, 907,  961,  1266, 1119, 1755, 1024, 961,  924,  605,  /* 50 */
    762,  605,  983,  983,  574,  945,  1037, 834,  1037, 982,  602,  929,  /* 5c */
    1037, 453,  472,  897,  453,  1576, 1037, 1040, 1037, 1037, 688,  772,  /* 68 */
    661,  1037, 891,  1410, 855,  893,  779,  620,  908,  620,  983,  1000, /* 74 */
    1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, /* 80 */
    1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, /* 8c */
    1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 446,  643,  983,  1000, /* 98 */
    983,  1000, 983,  983,  775,  1646, 794,  1011, 983,  1000, 1000, 777,  /* a4 */
    669,  983,  663,  660,  576,  1085, 1156, 498,  606,  486,  833,  1011, /* b0 */
    1255, 1325, 1332, 914,  1142, 1142, 1142, 1142, 1142, 1142, 1506, 1052, /* bc */
    963,  963,  963,  963,  497,  497,  497,  497,  1232, 1274, 1306, 1306, /* c8 */
    1306, 1306, 1306, 983,  1309, 1266, 1266, 1266, 1266, 961,  1019, 1040, /* d4 */
    945,  945,  945,  945,  945,  945,  1525, 834,  982,  982,  982,  982,  /* e0 */
    453,  453,  453,  453,  1037, 1037, 1040, 1040, 1040, 1040, 1040, 983,  /* ec */
    1044, 1037, 1037, 1037, 1037, 893,  1037, 893,                          /* f8 */
};

/* Punctuation German text uses beyond Latin-1, same unit. */
static const struct {
	unsigned code;
	unsigned short width;
} other_width[] = {
    {0x2013, 983},  /* – */
    {0x2014, 1786}, /* — */
    {0x2018, 492},  /* ‘ */
    {0x2019, 492},  /* ’ */
    {0x201A, 492},  /* ‚ */
    {0x201C, 826},  /* “ */
    {0x201D, 826},  /* ” */
    {0x201E, 826},  /* „ */
    {0x2022, 983},  /* • */
    {0x2026, 1362}, /* … */
    {0x20AC, 1000}, /* € */
    {0xFFFD, 1500}, /* replacement character */
};

/* Width of one character in thousandths of a digit. */
static unsigned
char_width(unsigned code)
{
	if (code >= 0x20 && code <= 0xFF)
		return latin1_width[code - 0x20];
	for (size_t i = 0; i < sizeof other_width / sizeof other_width[0]; i++)
		if (other_width[i].code == code)
			return other_width[i].width;
	/* other scripts: CJK and the like take about two digits */
	return code >= 0x2E80 ? 1800 : 1100;
}

double
export_text_units(const char *text, size_t len)
{
	unsigned long sum = 0;
	size_t i = 0;
	while (i < len && text[i] != '\0') {
		uint32_t code;
		i += utf8_decode(text + i, len - i, &code);
		sum += char_width(code);
	}
	return sum / 1000.0;
}

int
export_wrapped_lines_scaled(const char *text, double width, double factor)
{
	/* Room for text in a column of that width, in digits: LibreOffice with
	 * Carlito wraps no line later than at width - 0.25 (measured over every
	 * text of the bundled form at six widths); 0.15 more for Excel's padding. */
	double capacity = (width - 0.4) / (factor > 0 ? factor : 1);
	double space = char_width(' ') / 1000.0;
	int lines = 0;
	const char *p = text != NULL ? text : "";

	if (capacity < 1)
		capacity = 1;
	for (;;) {
		const char *end = strchr(p, '\n');
		size_t plen = end != NULL ? (size_t)(end - p) : strlen(p);
		const char *w = p, *stop = p + plen;
		double used = 0;
		lines++;
		/* greedy word wrap of one paragraph */
		while (w < stop) {
			const char *we = w;
			double wu;
			while (we < stop && *we != ' ')
				we++;
			wu = export_text_units(w, (size_t)(we - w));
			if (used > 0 && used + space + wu > capacity) {
				lines++;
				used = 0;
			}
			while (wu > capacity) { /* a word wider than the column breaks */
				lines++;
				wu -= capacity;
			}
			used += (used > 0 ? space : 0) + wu;
			w = we;
			while (w < stop && *w == ' ')
				w++;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return lines;
}

int
export_wrapped_lines(const char *text, double width)
{
	return export_wrapped_lines_scaled(text, width, 1.0);
}

double
export_lines_height(int lines)
{
	double h = (lines < 1 ? 1 : lines) * EXPORT_LINE_HEIGHT + 2;
	return h > 409 ? 409 : h;
}

double
export_row_height(const char *const *texts, const double *widths, size_t n)
{
	int lines = 1;
	for (size_t i = 0; i < n; i++) {
		int l = export_wrapped_lines(texts[i], widths[i]);
		if (l > lines)
			lines = l;
	}
	return export_lines_height(lines);
}

/* Paper (A4) and the margins export_page_setup sets, in points. */
#define PAGE_SHORT 595.3
#define PAGE_LONG 841.9
#define MARGIN_SIDE (0.6 * 72)
#define MARGIN_TOP_BOTTOM (0.75 * 72)

double
export_fit_scale(const double *widths, size_t ncols, int landscape)
{
	double printable =
	    ((landscape ? PAGE_LONG : PAGE_SHORT) - 2 * MARGIN_SIDE) * 96 / 72;
	double total = 0;
	int percent;

	/* Excel: a column of width w is w*7+5 pixels at 96 dpi (Calibri 11) */
	for (size_t i = 0; i < ncols; i++)
		total += (double)(long)(widths[i] * 7 + 0.5) + 5;
	if (total <= 0)
		return 1;
	percent = (int)(100 * printable / total);
	if (percent > 100)
		percent = 100;
	if (percent < 10)
		percent = 10;
	return percent / 100.0;
}

void
export_pager_init(struct export_pager *p, const double *widths, size_t ncols,
                  int landscape)
{
	double height = (landscape ? PAGE_SHORT : PAGE_LONG) - 2 * MARGIN_TOP_BOTTOM;
	memset(p, 0, sizeof *p);
	/* 4 % to spare: Excel rounds row heights to whole pixels */
	p->capacity = height * 0.96 / export_fit_scale(widths, ncols, landscape);
}

void
export_pager_repeat(struct export_pager *p, double height)
{
	p->repeat = height;
}

int
export_pager_row(struct export_pager *p, lxw_row_t row, double height, double keep)
{
	int broke = 0;
	if (p->used > p->repeat && p->used + height + keep > p->capacity) {
		if (p->count + 1 >= p->size) {
			p->size = p->size ? 2 * p->size : 16;
			p->breaks = xreallocarray(p->breaks, p->size, sizeof *p->breaks);
		}
		p->breaks[p->count++] = row;
		p->used = p->repeat;
		broke = 1;
	}
	p->used += height;
	return broke;
}

void
export_pager_finish(struct export_ctx *c, lxw_worksheet *ws, struct export_pager *p)
{
	if (p->count > 0) {
		if (p->count > 1023)
			p->count = 1023; /* Excel's limit; the rest break automatically */
		p->breaks[p->count] = 0;
		export_check(c, worksheet_set_h_pagebreaks(ws, p->breaks));
	}
	free(p->breaks);
	memset(p, 0, sizeof *p);
}
