/*
 * csvread.h: reading a table saved as CSV by Excel or LibreOffice. The
 * separator (';' as German Excel writes it, ',' or a tab) is taken from the
 * header row; the encoding is UTF-8 with or without BOM, UTF-16 with BOM
 * ("Unicode-Text"), or Windows-1252 (German Excel's default "CSV
 * (Trennzeichen-getrennt)"), which is recognised by bytes that are not
 * UTF-8 and converted to UTF-8 with a table. Quoted fields may hold the
 * separator, doubled quotes and line breaks; lines end in CRLF, LF or CR.
 * Line breaks inside a field are returned as LF.
 *
 * Rows are numbered as a spreadsheet numbers them (a record with a line
 * break inside a field is still one row), and csvread_ref names a cell as
 * „Zeile 14, Spalte F“. Bad input (binary data, a NUL byte, an unclosed
 * quote, text after a closing quote, a field or row over the limits, a
 * byte that is neither UTF-8 nor Windows-1252) is refused with a German
 * message that starts with the file name.
 *
 * No domain knowledge. Never prints, never exits. The whole file is read
 * into memory (it is capped); the rows are handed out one at a time.
 */
#ifndef CSVREAD_H
#define CSVREAD_H

#include <stddef.h>

/* The limits (csvread_limits_default). */
struct csvread_limits {
	size_t file_bytes;  /* the file (50 MB) */
	size_t field_bytes; /* one field after decoding (64 KiB) */
	size_t fields;      /* fields in one row (16,384, as an .xlsx sheet) */
	size_t rows;        /* rows (1,048,576, as an .xlsx sheet) */
};

void csvread_limits_default(struct csvread_limits *limits);

enum csvread_encoding {
	CSVREAD_UTF8,     /* UTF-8 (or plain ASCII) without BOM */
	CSVREAD_UTF8_BOM, /* UTF-8 with BOM ("CSV UTF-8") */
	CSVREAD_UTF16,    /* UTF-16 LE or BE with BOM ("Unicode-Text") */
	CSVREAD_CP1252,   /* Windows-1252 */
};

/* What csvread found out about the file. */
struct csvread_info {
	char separator; /* ';', ',' or '\t' */
	enum csvread_encoding encoding;
	unsigned rows; /* rows in the file, empty ones included */
};

/* One row that has at least one non-empty field. fields[i] (NUL-terminated
 * UTF-8) and lengths[i] are borrowed for the duration of the callback. */
struct csvread_row {
	unsigned row;  /* 1-based, as the spreadsheet numbers it */
	unsigned line; /* the line of the file where the row starts, 1-based */
	size_t count;
	const char *const *fields;
	const size_t *lengths;
};

/* The row callback: 0 goes on, 1 stops (no error), -1 fails; then it may
 * set *why (its own message without file name) or leave it NULL. */
typedef int (*csvread_row_fn)(void *arg, const struct csvread_row *row, char **why);

/*
 * csvread_file: read the CSV file at path (a regular file) and hand each
 * row with a value to fn. limits may be NULL (the defaults); info may be
 * NULL. Returns 0 when the file was read to its end or fn returned 1; -1
 * with *why (caller frees; "PATH: Zeile 14, Spalte F: …") otherwise. When a
 * message is about the whole file, info is still filled as far as known.
 */
int csvread_file(const char *path, const struct csvread_limits *limits, csvread_row_fn fn,
                 void *arg, struct csvread_info *info, char **why);

/* csvread_memory: the same for len bytes at data (borrowed during the
 * call); label names them in messages. */
int csvread_memory(const void *data, size_t len, const char *label,
                   const struct csvread_limits *limits, csvread_row_fn fn, void *arg,
                   struct csvread_info *info, char **why);

/* „Zeile 14, Spalte F“ for row 14, column 6 (1-based) into out. */
#define CSVREAD_REF_SIZE 40
void csvread_ref(unsigned row, unsigned col, char out[CSVREAD_REF_SIZE]);

/* The German name of an encoding ("UTF-8", "UTF-8 mit BOM", "UTF-16",
 * "Windows-1252"); static. */
const char *csvread_encoding_name(enum csvread_encoding encoding);

#endif
