/*
 * xlsxread.h: reading an .xlsx workbook as Excel or LibreOffice saves it:
 * the list of sheets (name, order, hidden or visible), the shared strings
 * (rich text runs joined), which cell styles are dates, the custom document
 * properties (docProps/custom.xml), the defined names, and, streamed row by
 * row, the cells of one sheet with their reference, type and value (shared
 * and inline strings, numbers, booleans, errors, the cached values of
 * formulas, ISO dates). Memory stays proportional to the shared strings plus
 * one row; the archive is minizip's, the XML expat's (src/lib/zipread.h,
 * src/lib/xmlread.h).
 *
 * Hostile files are refused with a German message that starts with the file
 * name (and names the part and line, or the sheet and cell): not a ZIP, an
 * OLE2 file (encrypted, or the old .xls format), OpenDocument (.ods),
 * macros (.xlsm, vbaProject.bin, macro sheets) or the binary .xlsb, too many
 * parts, a part that inflates beyond its limit (a ZIP bomb; the inflated
 * bytes are counted, not the header's claim), a DOCTYPE (so no entity
 * expansion and no external entity), a part that is not well-formed XML or
 * not UTF-8, a cell longer than the cell limit, a cell or row twice or out
 * of order, a reference to a shared string that does not exist.
 *
 * No domain knowledge: the caller decides what the cells mean. Never prints,
 * never exits. Numbers are read in the C locale whatever LC_NUMERIC says.
 */
#ifndef XLSXREAD_H
#define XLSXREAD_H

#include <stddef.h>

#include "lib/cellref.h"

/* The limits (xlsxread_limits_default). Every one of them is checked. */
struct xlsxread_limits {
	size_t file_bytes;  /* the .xlsx file itself (100 MB) */
	size_t entries;     /* parts in the archive (10,000) */
	size_t part_bytes;  /* inflated bytes of one part (50 MB) */
	size_t total_bytes; /* inflated bytes read through one struct xlsxread (200 MB) */
	size_t cell_bytes;  /* text of one cell, shared string or property (64 KiB) */
	size_t strings;     /* shared strings (4,000,000) */
	size_t items;       /* sheets, defined names, properties, styles each (100,000) */
};

/* The defaults named above. */
void xlsxread_limits_default(struct xlsxread_limits *limits);

enum xlsxread_sheet_state {
	XLSXREAD_SHEET_VISIBLE,
	XLSXREAD_SHEET_HIDDEN, /* state="hidden": Excel shows it under "Einblenden" */
	XLSXREAD_SHEET_VERY_HIDDEN, /* state="veryHidden": only by macro */
};

enum xlsxread_sheet_kind {
	XLSXREAD_SHEET_WORKSHEET,
	XLSXREAD_SHEET_CHARTSHEET, /* a chart sheet, or another sheet without cells */
};

/* A sheet in workbook order. All strings are owned by the struct xlsxread. */
struct xlsxread_sheet {
	const char *name;
	enum xlsxread_sheet_state state;
	enum xlsxread_sheet_kind kind;
	const char *part; /* "xl/worksheets/sheet1.xml" */
};

/* A custom document property (docProps/custom.xml). value is the text of
 * its value element ("2026-03-14T00:00:00Z", "true", "42", "Text"); type
 * that element's local name ("lpwstr", "i4", "bool", "filetime", "r8"). */
struct xlsxread_property {
	const char *name;
	const char *type;
	const char *value;
};

/* A defined name from xl/workbook.xml. sheet is the index of the sheet it
 * is local to, or -1 for the workbook. value is the formula text as stored
 * ("Fragen!$A$1:$H$40"). */
struct xlsxread_defined_name {
	const char *name;
	const char *value;
	long sheet;
	int hidden;
};

enum xlsxread_type {
	XLSXREAD_EMPTY,  /* a formula without a cached value (text ""), see .formula */
	XLSXREAD_STRING, /* shared, inline or formula string */
	XLSXREAD_NUMBER, /* text: the number as stored, C locale ("3.5", "1E-3") */
	XLSXREAD_BOOL,   /* text "TRUE"/"FALSE", number 1/0 */
	XLSXREAD_ERROR,  /* text: the error code ("#N/A", "#DIV/0!") */
	XLSXREAD_DATE,   /* t="d": text the ISO 8601 date/time as stored */
};

/* One cell, borrowed by the row callback; valid only during the call. */
struct xlsxread_cell {
	unsigned row; /* 1-based */
	unsigned col; /* 1-based: A = 1 */
	char ref[CELLREF_SIZE];
	enum xlsxread_type type;
	const char *text; /* never NULL, NUL-terminated UTF-8 without NUL bytes */
	size_t len;       /* strlen(text) */
	double number;    /* XLSXREAD_NUMBER, XLSXREAD_BOOL; else 0 */
	int formula;      /* the value is the cached result of a formula */
	int date_style;   /* the cell's number format shows a date */
	unsigned style;   /* the cell's style index (s) */
};

/* One row that has at least one cell with a value or formula; cells in
 * column order. Rows without such a cell are not reported. */
struct xlsxread_row {
	unsigned row; /* 1-based */
	int hidden;
	size_t count;
	const struct xlsxread_cell *cells;
};

/*
 * The row callback: returns 0 to go on, 1 to stop reading (not an error),
 * -1 to fail: then it may set *why (a message of its own, without file
 * name; the reader puts the file and sheet in front), or leave it NULL.
 */
typedef int (*xlsxread_row_fn)(void *arg, const struct xlsxread_row *row, char **why);

struct xlsxread;

/*
 * xlsxread_open: open the workbook at path and read everything but the cells:
 * sheets, shared strings, styles, custom properties, defined names. The
 * file must be a regular file (not a FIFO or directory). limits may be NULL
 * (the defaults). Returns the workbook (free with xlsxread_free), or NULL with
 * *why set (caller frees), a German message starting with path.
 */
struct xlsxread *xlsxread_open(const char *path, const struct xlsxread_limits *limits,
                               char **why);

/*
 * xlsxread_open_memory: the same for the len bytes at data (copied: the caller
 * may free them at once); label names the file in messages.
 */
struct xlsxread *xlsxread_open_memory(const void *data, size_t len, const char *label,
                                      const struct xlsxread_limits *limits, char **why);

/* Close the workbook; every pointer it handed out dies. xlsxread_free(NULL)
 * does nothing. */
void xlsxread_free(struct xlsxread *x);

/* The sheets in workbook order (index 0 … count-1). */
size_t xlsxread_sheet_count(const struct xlsxread *x);
const struct xlsxread_sheet *xlsxread_sheet(const struct xlsxread *x, size_t index);

/* The index of the sheet called name (exact bytes), or -1. */
long xlsxread_sheet_find(const struct xlsxread *x, const char *name);

/* 1 when the workbook counts dates from 1904 (workbookPr date1904). */
int xlsxread_date1904(const struct xlsxread *x);

/* Custom document properties in file order; xlsxread_property_get returns the
 * value of the one called name (exact bytes), or NULL. */
size_t xlsxread_property_count(const struct xlsxread *x);
const struct xlsxread_property *xlsxread_property(const struct xlsxread *x, size_t index);
const char *xlsxread_property_get(const struct xlsxread *x, const char *name);

/* Defined names in file order; xlsxread_defined_name_get returns the value of
 * the name (ASCII case ignored, as Excel does) local to sheet (or -1: the
 * workbook's), or NULL. */
size_t xlsxread_defined_name_count(const struct xlsxread *x);
const struct xlsxread_defined_name *xlsxread_defined_name(const struct xlsxread *x,
                                                          size_t index);
const char *xlsxread_defined_name_get(const struct xlsxread *x, const char *name,
                                      long sheet);

/* The number of shared strings, and the one at index (NULL when the index
 * does not exist or the string is longer than the cell limit). */
size_t xlsxread_shared_string_count(const struct xlsxread *x);
const char *xlsxread_shared_string(const struct xlsxread *x, size_t index);

/* The file name used in messages (borrowed). */
const char *xlsxread_label(const struct xlsxread *x);

/*
 * xlsxread_rows: stream the cells of sheet index to fn, row by row in
 * order. Rows are handed over while the part is still being inflated, so a
 * damage found later (a bad CRC, a broken cell in row 900) fails the read
 * after fn has seen earlier rows: act on what fn collected only when
 * xlsxread_rows returns 0. Returns 0 when the sheet was read to its end or
 * fn returned 1 (then the rest of the part is not checked); -1
 * with *why (caller frees; "FILE: Blatt „NAME“, Zelle F14: …" or "FILE:
 * Blatt „NAME“ (PART), Zeile 2, Zeichen 301: …") when the sheet is a chart
 * sheet, its part is broken or hostile, or fn returned -1. The sheet can be
 * read any number of times; each read counts against the total limit.
 */
int xlsxread_rows(struct xlsxread *x, size_t index, xlsxread_row_fn fn, void *arg,
                  char **why);

/*
 * xlsxread_rows_named: the same for the sheet called name; a missing
 * sheet gives "FILE: das Blatt „NAME“ fehlt (vorhanden: „A“, „B“)".
 */
int xlsxread_rows_named(struct xlsxread *x, const char *name, xlsxread_row_fn fn,
                        void *arg, char **why);

/*
 * xlsxread_serial_to_date: the calendar date of a date serial number as
 * YYYY-MM-DD into out. date1904 0: the 1900 date system (1 = 1900-01-01;
 * Excel counts a 29 February 1900 that never was, so serial 60 is refused
 * and from 61 on one day less is added); 1: the 1904 system (0 =
 * 1904-01-01). The fraction (the time of day) is ignored. Returns 0, or -1
 * for serial 60 or 0 in the 1900 system, a negative serial, a date outside
 * the years lib/date.h accepts (DATE_MIN_YEAR … DATE_MAX_YEAR), or not a
 * finite number.
 */
int xlsxread_serial_to_date(double serial, int date1904, char out[11]);

/*
 * xlsxread_cell_date: the date a cell holds as YYYY-MM-DD into out: a number
 * (with or without a date style; the workbook's date system applies) or an
 * XLSXREAD_DATE cell. Returns 0, or -1 when the cell holds no date.
 */
int xlsxread_cell_date(const struct xlsxread *x, const struct xlsxread_cell *cell,
                       char out[11]);

#endif
