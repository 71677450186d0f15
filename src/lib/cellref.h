/*
 * cellref.h: spreadsheet cell references in A1 style ("F14"): column
 * letters to numbers and back, reading and writing a reference, within the
 * limits of an .xlsx sheet (XFD1048576). Shared by the XLSX and the CSV
 * reader so both name a cell the same way. No I/O, no allocation, no
 * domain knowledge.
 */
#ifndef CELLREF_H
#define CELLREF_H

/* The largest row and column an .xlsx sheet has (row 1048576, column XFD). */
#define CELLREF_MAX_ROW 1048576u
#define CELLREF_MAX_COLUMN 16384u

/* Bytes needed for the letters of a column ("XFD" + NUL) and a whole
 * reference ("XFD1048576" + NUL). */
#define CELLREF_COLUMN_SIZE 4
#define CELLREF_SIZE 11

/*
 * cellref_column_name: the letters of column col (1 = "A", 27 = "AA") into
 * out. col must be 1 … CELLREF_MAX_COLUMN; any other value gives "?".
 */
void cellref_column_name(unsigned col, char out[CELLREF_COLUMN_SIZE]);

/*
 * cellref_format: the reference of row and col ("F14") into out. Values
 * out of range give "?".
 */
void cellref_format(unsigned row, unsigned col, char out[CELLREF_SIZE]);

/*
 * cellref_parse: read an A1 reference: one to three letters (upper or
 * lower case) followed by a row number without sign or leading zero, both
 * within the sheet limits, and nothing else. Returns 0 and sets *row and
 * *col (1-based), or -1 and leaves them untouched.
 */
int cellref_parse(const char *s, unsigned *row, unsigned *col);

/*
 * cellref_parse_column: like cellref_parse for letters only ("F" → 6).
 * Returns 0 or -1.
 */
int cellref_parse_column(const char *s, unsigned *col);

#endif
