/*
 * xlsxread_strings.c: the shared strings (xl/sharedStrings.xml: plain and
 * rich text, phonetic runs left out, _xHHHH_ escapes decoded) and the cell
 * styles that show dates (xl/styles.xml) of an .xlsx. Part of the XLSX
 * reader (xlsxread.h). Never prints or exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/xlsxread.h"
#include "lib/xlsxread_private.h"
#include "lib/xmlread.h"
#include "lib/zipread.h"

/* The value of a hex digit, or -1. */
static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The code unit of an escape "_xHHHH_" at s (7 bytes available), or -1. */
static long
escape_at(const char *s)
{
	long v = 0;

	if (s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hex_value(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

size_t
xlsxread_unescape(char *s, size_t len)
{
	size_t in = 0, out = 0;

	/* every escape is 7 bytes and decodes to at most 4 (a pair: 14 to 4) */
	while (in < len) {
		long cp = in + 7 <= len ? escape_at(s + in) : -1;
		size_t used = 7;

		if (cp >= 0xd800 && cp <= 0xdbff) {
			long lo = in + 14 <= len ? escape_at(s + in + 7) : -1;
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				used = 14;
			} else {
				cp = -1;
			}
		} else if (cp >= 0xdc00 && cp <= 0xdfff) {
			cp = -1;
		}
		/* NUL cannot be kept in a C string: the escape stays as it is */
		if (cp <= 0) {
			s[out++] = s[in++];
			continue;
		}
		out += utf8_encode((uint32_t)cp, s + out);
		in += used;
	}
	s[out] = '\0';
	return out;
}

/* --- shared strings ----------------------------------------------------- */

struct strings_state {
	struct xlsxread *x;
	int in_si;
	int in_run;
	int phonetic; /* inside <rPh> (phonetic guide: not part of the text) */
	int in_t;     /* depth of the open <t>, or 0 */
	int too_long;
	struct buf si; /* the string being read */
};

/*
 * The elements read, by depth: sst(1) > si(2) > t(3), si > r(3) > t(4),
 * si > rPh(3) (left out).
 */
static void
on_strings_start(struct xmlread *xr, const char *name, const char **attrs)
{
	struct strings_state *st = xmlread_arg(xr);
	int depth = xmlread_depth(xr);

	(void)attrs;
	if (depth == 1) {
		if (!xlsxread_is_main(name, "sst"))
			xmlread_fail(
			    xr,
			    "sind keine gemeinsamen Zeichenketten (Wurzelelement "
			    "„%s“)",
			    xmlread_local(name, NULL, NULL));
	} else if (depth == 2 && xlsxread_is_main(name, "si")) {
		st->in_si = 1;
		st->too_long = 0;
		st->si.len = 0;
	} else if (st->in_si && depth == 3 && xlsxread_is_main(name, "rPh")) {
		st->phonetic = 1;
	} else if (st->in_si && depth == 3 && xlsxread_is_main(name, "r")) {
		st->in_run = 1;
	} else if (st->in_si && !st->phonetic && xlsxread_is_main(name, "t") &&
	           (depth == 3 || (depth == 4 && st->in_run))) {
		st->in_t = depth;
		xmlread_text_begin(xr, st->x->limits.cell_bytes, NULL);
	}
}

/* Store the finished <si>. */
static void
add_string(struct xmlread *xr, struct strings_state *st)
{
	struct xlsxread *x = st->x;
	struct xlsxread_string *s;

	if (x->string_count >= x->limits.strings) {
		xmlread_fail(xr, "mehr als %zu gemeinsame Zeichenketten",
		             x->limits.strings);
		return;
	}
	if (x->string_count == x->string_alloc) {
		x->string_alloc = x->string_alloc ? x->string_alloc * 2 : 1024;
		x->strings =
		    xreallocarray(x->strings, x->string_alloc, sizeof *x->strings);
	}
	s = &x->strings[x->string_count++];
	if (st->too_long) {
		s->offset = 0;
		s->len = XLSXREAD_STRING_TOO_LONG;
		return;
	}
	if (st->si.data == NULL)
		buf_adds(&st->si, "");
	st->si.len = xlsxread_unescape(st->si.data, st->si.len);
	if (x->strings_text.len + st->si.len + 1 >= XLSXREAD_STRING_TOO_LONG) {
		xmlread_fail(xr, "zu viel Text in den gemeinsamen Zeichenketten");
		return;
	}
	s->offset = (uint32_t)x->strings_text.len;
	s->len = (uint32_t)st->si.len;
	buf_add(&x->strings_text, st->si.data, st->si.len + 1);
}

static void
on_strings_end(struct xmlread *xr, const char *name)
{
	struct strings_state *st = xmlread_arg(xr);
	int depth = xmlread_depth(xr);

	(void)name;
	if (st->in_t == depth) {
		size_t len;
		const char *t = xmlread_text_end(xr, &len);

		st->in_t = 0;
		if (t == NULL || len > st->x->limits.cell_bytes - st->si.len)
			st->too_long = 1;
		else if (!st->too_long)
			buf_add(&st->si, t, len);
	} else if (st->in_si && depth == 3) {
		st->phonetic = st->in_run = 0;
	} else if (st->in_si && depth == 2) {
		st->in_si = 0;
		add_string(xr, st);
	}
}

int
xlsxread_load_strings(struct xlsxread *x, char **why)
{
	struct strings_state st = {.x = x};
	struct xmlread_handlers h = {
	    .start = on_strings_start, .end = on_strings_end, .arg = &st};
	long index;
	char *label;
	int rc;

	if (x->strings_part == NULL)
		return 0;
	index = zipread_find(x->zip, x->strings_part);
	if (index < 0) {
		char *p = zipread_printable(x->strings_part);
		*why = xasprintf("der Teil %s fehlt", p);
		free(p);
		return -1;
	}
	label = xlsxread_part_label(x->strings_part);
	rc = xmlread_part(x->zip, (size_t)index, label, &h, why);
	free(label);
	buf_free(&st.si);
	/* strings_text must not move any more: pointers into it are handed out */
	return rc;
}

/* --- styles ------------------------------------------------------------- */

struct number_format {
	long id;
	int date;
};

struct styles_state {
	struct xlsxread *x;
	int in_formats;
	int in_xfs;
	struct number_format *formats;
	size_t format_count;
	size_t style_alloc;
	int sorted;
};

/* 1 when the built-in number format id shows a date. */
static int
builtin_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) ||
	       (id >= 34 && id <= 36) || (id >= 50 && id <= 58);
}

/* 1 when a format code shows a date: a d or y outside quotes, brackets and
 * escapes (m alone may be minutes, so it does not count). */
static int
code_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"':
			p = strchr(p + 1, '"');
			if (p == NULL)
				return 0;
			break;
		case '[':
			p = strchr(p + 1, ']');
			if (p == NULL)
				return 0;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] == '\0')
				return 0;
			p++;
			break;
		case 'd':
		case 'D':
		case 'y':
		case 'Y':
			return 1;
		default:
			break;
		}
	}
	return 0;
}

static int
cmp_format(const void *a, const void *b)
{
	long x = ((const struct number_format *)a)->id,
	     y = ((const struct number_format *)b)->id;
	return x < y ? -1 : x > y;
}

static void
on_styles_start(struct xmlread *xr, const char *name, const char **attrs)
{
	struct styles_state *st = xmlread_arg(xr);
	struct xlsxread *x = st->x;
	int depth = xmlread_depth(xr);

	/* styleSheet(1) > numFmts(2) > numFmt(3); styleSheet > cellXfs(2) > xf(3) */
	if (depth == 1) {
		if (!xlsxread_is_main(name, "styleSheet"))
			xmlread_fail(xr, "sind keine Formatvorlagen (Wurzelelement „%s“)",
			             xmlread_local(name, NULL, NULL));
	} else if (depth == 2 && xlsxread_is_main(name, "numFmts")) {
		st->in_formats = 1;
	} else if (depth == 3 && st->in_formats && xlsxread_is_main(name, "numFmt")) {
		const char *id = xmlread_attr(attrs, "numFmtId");
		const char *code = xmlread_attr(attrs, "formatCode");
		long n;

		if (id == NULL || parse_long(id, &n) != 1 || code == NULL) {
			xmlread_fail(
			    xr, "Zahlenformat ohne gültige numFmtId oder formatCode");
			return;
		}
		if (st->format_count >= x->limits.items) {
			xmlread_fail(xr, "zu viele Zahlenformate");
			return;
		}
		if ((st->format_count & (st->format_count - 1)) == 0)
			st->formats = xreallocarray(
			    st->formats, st->format_count ? st->format_count * 2 : 1,
			    sizeof *st->formats);
		st->formats[st->format_count].id = n;
		st->formats[st->format_count].date = code_is_date(code);
		st->format_count++;
	} else if (depth == 2 && xlsxread_is_main(name, "cellXfs")) {
		st->in_xfs = 1;
		if (!st->sorted && st->format_count > 0)
			qsort(st->formats, st->format_count, sizeof *st->formats,
			      cmp_format);
		st->sorted = 1;
	} else if (depth == 3 && st->in_xfs && xlsxread_is_main(name, "xf")) {
		const char *id = xmlread_attr(attrs, "numFmtId");
		struct number_format key = {0}, *found = NULL;
		long n = 0;

		if (id != NULL && parse_long(id, &n) != 1) {
			xmlread_fail(xr, "Zellformat mit ungültiger numFmtId");
			return;
		}
		if (x->style_count >= x->limits.items) {
			xmlread_fail(xr, "zu viele Zellformate");
			return;
		}
		if (x->style_count == st->style_alloc) {
			st->style_alloc = st->style_alloc ? st->style_alloc * 2 : 64;
			x->date_styles = xrealloc(x->date_styles, st->style_alloc);
		}
		key.id = n;
		if (st->format_count > 0)
			found = bsearch(&key, st->formats, st->format_count,
			                sizeof *st->formats, cmp_format);
		x->date_styles[x->style_count++] =
		    (unsigned char)(found ? found->date : builtin_date(n));
	}
}

static void
on_styles_end(struct xmlread *xr, const char *name)
{
	struct styles_state *st = xmlread_arg(xr);

	(void)name;
	if (xmlread_depth(xr) == 2)
		st->in_formats = st->in_xfs = 0;
}

int
xlsxread_load_styles(struct xlsxread *x, char **why)
{
	struct styles_state st = {.x = x};
	struct xmlread_handlers h = {
	    .start = on_styles_start, .end = on_styles_end, .arg = &st};
	long index;
	char *label;
	int rc;

	if (x->styles_part == NULL)
		return 0;
	index = zipread_find(x->zip, x->styles_part);
	if (index < 0) {
		char *p = zipread_printable(x->styles_part);
		*why = xasprintf("der Teil %s fehlt", p);
		free(p);
		return -1;
	}
	label = xlsxread_part_label(x->styles_part);
	rc = xmlread_part(x->zip, (size_t)index, label, &h, why);
	free(label);
	free(st.formats);
	return rc;
}
