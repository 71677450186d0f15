/*
 * cellref.c: A1 cell references (see cellref.h). Pure functions: no I/O,
 * no allocation, the same in every locale.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lib/cellref.h"
#include "lib/util.h"

void
cellref_column_name(unsigned col, char out[CELLREF_COLUMN_SIZE])
{
	char rev[CELLREF_COLUMN_SIZE];
	size_t n = 0;

	if (col < 1 || col > CELLREF_MAX_COLUMN) {
		strcpy(out, "?");
		return;
	}
	while (col > 0) {
		col--;
		rev[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

void
cellref_format(unsigned row, unsigned col, char out[CELLREF_SIZE])
{
	char letters[CELLREF_COLUMN_SIZE];

	if (row < 1 || row > CELLREF_MAX_ROW || col < 1 || col > CELLREF_MAX_COLUMN) {
		strcpy(out, "?");
		return;
	}
	char digits[8];
	size_t n = 0, len;

	cellref_column_name(col, letters);
	/* by hand: this runs for every cell of a sheet */
	while (row > 0) {
		digits[n++] = (char)('0' + row % 10);
		row /= 10;
	}
	len = strlen(letters);
	memcpy(out, letters, len);
	while (n > 0)
		out[len++] = digits[--n];
	out[len] = '\0';
}

/* Read the letters at *s, advancing it; 0 with *col, or -1. */
static int
parse_letters(const char **s, unsigned *col)
{
	unsigned value = 0;
	size_t n = 0;

	for (; n < 4; n++) {
		char c = (*s)[n];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			break;
		value = value * 26 + (unsigned)(c - 'A' + 1);
	}
	if (n == 0 || n > 3 || value > CELLREF_MAX_COLUMN)
		return -1;
	*s += n;
	*col = value;
	return 0;
}

int
cellref_parse_column(const char *s, unsigned *col)
{
	unsigned c;

	if (s == NULL || parse_letters(&s, &c) != 0 || *s != '\0')
		return -1;
	*col = c;
	return 0;
}

int
cellref_parse(const char *s, unsigned *row, unsigned *col)
{
	unsigned c;
	long r;

	if (s == NULL || parse_letters(&s, &c) != 0 ||
	    !parse_integer(s, strlen(s), 0, 1, CELLREF_MAX_ROW, &r))
		return -1;
	*row = (unsigned)r;
	*col = c;
	return 0;
}
