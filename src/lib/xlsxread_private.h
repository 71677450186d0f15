/*
 * xlsxread_private.h: the insides of struct xlsxread, shared by the files of the
 * XLSX reader (xlsxread.c: package, workbook, properties; xlsxread_strings.c:
 * shared strings and styles; xlsxread_sheet.c: cells and dates). Not for
 * other modules: they use xlsxread.h.
 */
#ifndef XLSXREAD_PRIVATE_H
#define XLSXREAD_PRIVATE_H

#include <locale.h>
#include <stdint.h>

#include "lib/util.h"
#include "lib/xlsxread.h"
#include "lib/zipread.h"

/* SpreadsheetML's namespaces, transitional and strict. */
#define XLSXREAD_NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define XLSXREAD_NS_MAIN_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"

/* A shared string too long for the cell limit: its text is not kept. */
#define XLSXREAD_STRING_TOO_LONG UINT32_MAX

struct xlsxread_string {
	uint32_t offset; /* into strings_text */
	uint32_t len;    /* or XLSXREAD_STRING_TOO_LONG */
};

struct xlsxread {
	char *label; /* the file name for messages */
	int fd;
	char *data; /* xlsxread_open_memory's copy */
	struct zipread *zip;
	struct xlsxread_limits limits;
	locale_t c_locale;

	struct xlsxread_sheet *sheets;
	char **sheet_rids; /* while opening: each sheet's r:id */
	size_t sheet_count;
	int date1904;

	char *workbook_part;
	char *strings_part; /* NULL: none */
	char *styles_part;  /* NULL: none */

	struct buf strings_text;
	struct xlsxread_string *strings;
	size_t string_count;
	size_t string_alloc;

	unsigned char *date_styles; /* per cellXfs index: 1 when a date */
	size_t style_count;

	struct xlsxread_property *properties;
	size_t property_count;

	struct xlsxread_defined_name *names;
	size_t name_count;
};

/* 1 when name is the SpreadsheetML element local (either namespace). */
int xlsxread_is_main(const char *name, const char *local);

/* The local name of a SpreadsheetML element (either namespace), or "" for
 * any other: one comparison of the namespace for the hot paths. */
const char *xlsxread_main_local(const char *name);

/* Decode the _xHHHH_ escapes of an OOXML string in place (ST_Xstring:
 * "_x000D_" is a carriage return, "_x005F_" an underscore); returns the new
 * length. */
size_t xlsxread_unescape(char *s, size_t len);

/* Read the shared strings part and the styles part named in x (if any).
 * 0, or -1 with *why (without the file name). */
int xlsxread_load_strings(struct xlsxread *x, char **why);
int xlsxread_load_styles(struct xlsxread *x, char **why);

/* The message prefix for a part: "Teil xl/workbook.xml" (caller frees). */
char *xlsxread_part_label(const char *part);

#endif
