/*
 * csvread.c: CSV as Excel and LibreOffice save it (see csvread.h): decode
 * to UTF-8, find the separator in the header row, split records into
 * fields, hand over one row at a time. Never prints or exits.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cellref.h"
#include "lib/csvread.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* Windows-1252 0x80..0x9F as Unicode; 0 where the code page has no character. */
static const uint16_t cp1252_high[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017d, 0,
    0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
};

void
csvread_limits_default(struct csvread_limits *limits)
{
	limits->file_bytes = 50u << 20;
	limits->field_bytes = 64u << 10;
	limits->fields = CELLREF_MAX_COLUMN;
	limits->rows = CELLREF_MAX_ROW;
}

void
csvread_ref(unsigned row, unsigned col, char out[CSVREAD_REF_SIZE])
{
	char letters[CELLREF_COLUMN_SIZE];

	cellref_column_name(col, letters);
	snprintf(out, CSVREAD_REF_SIZE, "Zeile %u, Spalte %s", row, letters);
}

const char *
csvread_encoding_name(enum csvread_encoding encoding)
{
	switch (encoding) {
	case CSVREAD_UTF8:
		return "UTF-8";
	case CSVREAD_UTF8_BOM:
		return "UTF-8 mit BOM";
	case CSVREAD_UTF16:
		return "UTF-16";
	case CSVREAD_CP1252:
		return "Windows-1252";
	}
	return "?";
}

/* Append code point cp to b as UTF-8. */
static void
add_utf8(struct buf *b, uint32_t cp)
{
	char out[4];

	buf_add(b, out, utf8_encode(cp, out));
}

/* The line (1-based) of byte offset off in data. */
static unsigned
line_of(const unsigned char *data, size_t off)
{
	unsigned line = 1;

	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
			line++;
	return line;
}

/* Windows-1252 to UTF-8; 0, or -1 with *why for an undefined byte. */
static int
from_cp1252(const unsigned char *data, size_t len, struct buf *out, char **why)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = data[i];
		uint32_t cp = c;

		if (c >= 0x80 && c < 0xa0) {
			cp = cp1252_high[c - 0x80];
			if (cp == 0) {
				*why = xasprintf(
				    "Zeile %u: das Byte 0x%02X ist weder UTF-8 noch "
				    "Windows-1252",
				    line_of(data, i), c);
				return -1;
			}
		}
		add_utf8(out, cp);
	}
	return 0;
}

/* UTF-16 (after the BOM) to UTF-8; 0, or -1 with *why. */
static int
from_utf16(const unsigned char *data, size_t len, int big_endian, struct buf *out,
           char **why)
{
	unsigned line = 1;

	if (len % 2 != 0) {
		*why = xstrdup("ist als UTF-16 markiert, hat aber eine ungerade Länge");
		return -1;
	}
	for (size_t i = 0; i < len; i += 2) {
		unsigned long u = big_endian
		                      ? (unsigned long)(data[i] << 8 | data[i + 1])
		                      : (unsigned long)(data[i + 1] << 8 | data[i]);
		if (u >= 0xd800 && u <= 0xdbff && i + 3 < len) {
			unsigned long lo =
			    big_endian ? (unsigned long)(data[i + 2] << 8 | data[i + 3])
			               : (unsigned long)(data[i + 3] << 8 | data[i + 2]);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				add_utf8(out,
				         0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
				i += 2;
				continue;
			}
		}
		if (u >= 0xd800 && u <= 0xdfff) {
			*why = xasprintf(
			    "Zeile %u: ungültiges UTF-16 (einzelnes Ersatzzeichen)",
			    line);
			return -1;
		}
		if (u == '\n')
			line++;
		add_utf8(out, (uint32_t)u);
	}
	return 0;
}

/* Decode the file to UTF-8 into out; 0 or -1 with *why (no file name). */
static int
decode(const unsigned char *data, size_t len, struct csvread_info *info, struct buf *out,
       char **why)
{
	static const unsigned char ole2[4] = {0xd0, 0xcf, 0x11, 0xe0};
	size_t bad;

	if (len >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 &&
	    data[3] == 4) {
		*why = xstrdup("ist ein ZIP-Archiv (eine .xlsx-Datei?), keine CSV-Datei");
		return -1;
	}
	if (len >= 4 && memcmp(data, ole2, 4) == 0) {
		*why = xstrdup(
		    "ist eine Excel-Datei im alten Format (.xls) oder verschlüsselt, "
		    "keine CSV-Datei");
		return -1;
	}
	if (len >= 2 && ((data[0] == 0xff && data[1] == 0xfe) ||
	                 (data[0] == 0xfe && data[1] == 0xff))) {
		info->encoding = CSVREAD_UTF16;
		return from_utf16(data + 2, len - 2, data[0] == 0xfe, out, why);
	}
	if (len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf) {
		info->encoding = CSVREAD_UTF8_BOM;
		if (!utf8_valid((const char *)data + 3, len - 3, &bad)) {
			*why = xasprintf(
			    "Zeile %u: ist als UTF-8 markiert (BOM), enthält aber "
			    "ungültiges UTF-8",
			    line_of(data, bad + 3));
			return -1;
		}
		buf_add(out, data + 3, len - 3);
		return 0;
	}
	if (utf8_valid((const char *)data, len, NULL)) {
		info->encoding = CSVREAD_UTF8;
		buf_add(out, data, len);
		return 0;
	}
	info->encoding = CSVREAD_CP1252;
	return from_cp1252(data, len, out, why);
}

/* The separator of the header row: the most frequent of ';', ',' and tab
 * outside quotes in the first record (';' when none occurs). */
static char
find_separator(const char *s, size_t len)
{
	static const char candidates[] = {';', ',', '\t'};
	size_t count[3] = {0, 0, 0}, best = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted)
			for (size_t k = 0; k < 3; k++)
				if (c == candidates[k])
					count[k]++;
	}
	for (size_t k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return candidates[best];
}

/* The row being built: fields as offsets into text. */
struct row_state {
	struct buf text;
	size_t *offsets;
	size_t *lengths;
	const char **fields;
	size_t count, alloc;
};

/* Parse the decoded text s (len bytes, NUL-terminated) and call fn per row. */
static int
parse(const char *s, size_t len, const struct csvread_limits *limits, csvread_row_fn fn,
      void *arg, struct csvread_info *info, char **why)
{
	struct row_state r = {0};
	size_t i = 0;
	unsigned row = 0, line = 1;
	char sep = info->separator, ref[CSVREAD_REF_SIZE];
	int rc = -1;

	while (i < len) {
		unsigned start_line = line;
		int nonempty = 0, end_of_record = 0;

		if (row >= limits->rows) {
			*why = xasprintf("mehr als %zu Zeilen", limits->rows);
			goto out;
		}
		row++;
		r.count = 0;
		r.text.len = 0;
		while (!end_of_record) {
			size_t field_start = r.text.len;

			if (r.count >= limits->fields) {
				*why = xasprintf("Zeile %u: mehr als %zu Spalten", row,
				                 limits->fields);
				goto out;
			}
			if (i < len && s[i] == '"') {
				unsigned quote_line = line;
				i++;
				for (;;) {
					if (i >= len) {
						csvread_ref(row, (unsigned)r.count + 1,
						            ref);
						*why = xasprintf(
						    "%s: das Anführungszeichen aus Zeile "
						    "%u der "
						    "Datei wird nicht geschlossen",
						    ref, quote_line);
						goto out;
					}
					if (s[i] == '"') {
						if (i + 1 < len && s[i + 1] == '"') {
							buf_addc(&r.text, '"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (s[i] == '\r' || s[i] == '\n') {
						i += s[i] == '\r' && i + 1 < len &&
						             s[i + 1] == '\n'
						         ? 2
						         : 1;
						buf_addc(&r.text, '\n');
						line++;
						continue;
					}
					buf_addc(&r.text, s[i++]);
				}
				if (i < len && s[i] != sep && s[i] != '\r' &&
				    s[i] != '\n') {
					csvread_ref(row, (unsigned)r.count + 1, ref);
					*why = xasprintf("%s: Text nach dem schließenden "
					                 "Anführungszeichen",
					                 ref);
					goto out;
				}
			} else {
				size_t from = i;
				while (i < len && s[i] != sep && s[i] != '\r' &&
				       s[i] != '\n')
					i++;
				buf_add(&r.text, s + from, i - from);
			}
			if (r.text.len - field_start > limits->field_bytes) {
				csvread_ref(row, (unsigned)r.count + 1, ref);
				*why = xasprintf("%s: mehr als %zu Bytes Text", ref,
				                 limits->field_bytes);
				goto out;
			}
			if (r.text.len > field_start)
				nonempty = 1;
			if (r.count == r.alloc) {
				r.alloc = r.alloc ? r.alloc * 2 : 16;
				r.offsets =
				    xreallocarray(r.offsets, r.alloc, sizeof *r.offsets);
				r.lengths =
				    xreallocarray(r.lengths, r.alloc, sizeof *r.lengths);
				r.fields =
				    xreallocarray(r.fields, r.alloc, sizeof *r.fields);
			}
			r.offsets[r.count] = field_start;
			r.lengths[r.count] = r.text.len - field_start;
			r.count++;
			buf_addc(&r.text, '\0');
			if (i >= len) {
				end_of_record = 1;
			} else if (s[i] == sep) {
				i++;
			} else {
				i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2
				                                                     : 1;
				line++;
				end_of_record = 1;
			}
		}
		if (nonempty) {
			struct csvread_row out;
			int c;

			for (size_t k = 0; k < r.count; k++)
				r.fields[k] = r.text.data + r.offsets[k];
			out.row = row;
			out.line = start_line;
			out.count = r.count;
			out.fields = r.fields;
			out.lengths = r.lengths;
			c = fn(arg, &out, why);
			if (c > 0)
				break;
			if (c < 0) {
				if (*why == NULL)
					*why =
					    xasprintf("Zeile %u: Lesen abgebrochen", row);
				goto out;
			}
		}
	}
	info->rows = row;
	rc = 0;
out:
	buf_free(&r.text);
	free(r.offsets);
	free(r.lengths);
	free(r.fields);
	return rc;
}

int
csvread_memory(const void *data, size_t len, const char *label,
               const struct csvread_limits *limits, csvread_row_fn fn, void *arg,
               struct csvread_info *info, char **why)
{
	struct csvread_limits defaults;
	struct csvread_info local = {0};
	struct buf text = {0};
	char *msg = NULL;
	int rc = -1;

	*why = NULL;
	if (limits == NULL) {
		csvread_limits_default(&defaults);
		limits = &defaults;
	}
	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof *info);
	info->separator = ';';
	if (len > limits->file_bytes) {
		msg = xasprintf("ist größer als %zu MB", limits->file_bytes >> 20);
		goto out;
	}
	if (len == 0) {
		msg = xstrdup("ist leer");
		goto out;
	}
	if (decode(data, len, info, &text, &msg) != 0)
		goto out;
	if (text.data == NULL)
		buf_adds(&text, ""); /* only a BOM */
	if (memchr(text.data, '\0', text.len) != NULL) {
		msg =
		    xasprintf("Zeile %u: enthält ein NUL-Byte (keine Textdatei?)",
		              line_of((const unsigned char *)text.data,
		                      (size_t)((char *)memchr(text.data, '\0', text.len) -
		                               text.data)));
		goto out;
	}
	info->separator = find_separator(text.data, text.len);
	rc = parse(text.data, text.len, limits, fn, arg, info, &msg);
out:
	if (rc != 0) {
		char *shown = utf8_sanitize(label, strlen(label), UTF8_ONE_LINE);
		*why = xasprintf("%s: %s", shown, msg ? msg : "nicht lesbar");
		free(shown);
	}
	free(msg);
	buf_free(&text);
	return rc;
}

int
csvread_file(const char *path, const struct csvread_limits *limits, csvread_row_fn fn,
             void *arg, struct csvread_info *info, char **why)
{
	struct csvread_limits defaults;
	struct stat st;
	char *data = NULL, *shown;
	size_t got = 0;
	int fd, rc;

	*why = NULL;
	if (limits == NULL) {
		csvread_limits_default(&defaults);
		limits = &defaults;
	}
	shown = utf8_sanitize(path, strlen(path), UTF8_ONE_LINE);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		*why = xasprintf("%s: kann nicht geöffnet werden: %s", shown,
		                 strerror(errno));
		goto fail;
	}
	if (fstat(fd, &st) != 0) {
		*why = xasprintf("%s: nicht lesbar: %s", shown, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = xasprintf("%s: %s", shown,
		                 S_ISDIR(st.st_mode) ? "ist ein Verzeichnis, keine Datei"
		                                     : "ist keine gewöhnliche Datei");
		goto fail;
	}
	if ((uint64_t)st.st_size > limits->file_bytes) {
		*why = xasprintf("%s: ist größer als %zu MB", shown,
		                 limits->file_bytes >> 20);
		goto fail;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*why = xasprintf("%s: nicht lesbar: %s", shown, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	fd = -1;
	rc = csvread_memory(data, got, path, limits, fn, arg, info, why);
	free(data);
	free(shown);
	return rc;
fail:
	if (fd >= 0)
		close(fd);
	free(data);
	free(shown);
	return -1;
}
