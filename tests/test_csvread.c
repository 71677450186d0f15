/*
 * test_csvread.c: the CSV reader (src/lib/csvread.c). Table-driven: each
 * case is the bytes of a file as Excel or LibreOffice write it (';' or ','
 * or tab separated; UTF-8 with and without BOM, UTF-16 with BOM,
 * Windows-1252; quoted fields with separators, doubled quotes and line
 * breaks; CRLF, LF and CR line ends; empty rows) and the rows it must give,
 * or a broken file and the message it must give (unclosed quote, text
 * after a quote, NUL, a byte that is neither UTF-8 nor Windows-1252, a ZIP
 * or OLE2 file, fields, rows and sizes over the limits). Also: reading from
 * a file, a FIFO, a directory, a missing file, and callbacks that stop or
 * fail. The locale comes from the environment (see test_xlsxread.c).
 */
#include "config.h"

#include <CUnit/CUnit.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/csvread.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "test_main.h"

/* The rows as text: "ROW@LINE:A=x|B=y\n" per row, fields escaped (\n). */
static int
dump_row(void *arg, const struct csvread_row *row, char **why)
{
	struct buf *b = arg;

	(void)why;
	buf_printf(b, "%u@%u:", row->row, row->line);
	for (size_t i = 0; i < row->count; i++) {
		if (strlen(row->fields[i]) != row->lengths[i])
			buf_adds(b, "<LENGTH MISMATCH>");
		if (i > 0)
			buf_addc(b, '|');
		for (const char *p = row->fields[i]; *p; p++) {
			if (*p == '\n')
				buf_adds(b, "\\n");
			else if (*p == '\r')
				buf_adds(b, "\\r");
			else
				buf_addc(b, *p);
		}
	}
	buf_addc(b, '\n');
	return 0;
}

struct csv_case {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen */
	char separator;
	enum csvread_encoding encoding;
	unsigned rows;      /* info.rows */
	const char *expect; /* the dump, or NULL when the file is refused */
	const char *error;  /* a fragment of the message when refused */
};

static const struct csv_case cases[] = {
    {"German Excel: semicolon, Windows-1252, CRLF",
     "Nr;Frage;Angabe der Kommune\r\n1.1;Ratsbeschluss?;Ja\r\n1.2;Stra\xdf"
     "e;\x84gr\xfc\x6e\x93 \x80\r\n",
     0, ';', CSVREAD_CP1252, 3,
     "1@1:Nr|Frage|Angabe der Kommune\n2@2:1.1|Ratsbeschluss?|Ja\n"
     "3@3:1.2|Straße|„grün“ €\n",
     NULL},
    {"CSV UTF-8 with BOM, comma",
     "\xef\xbb\xbfNr,Frage,Angabe\n1.1,\"Gibt es, oder nicht?\",Ja\n", 0, ',',
     CSVREAD_UTF8_BOM, 2, "1@1:Nr|Frage|Angabe\n2@2:1.1|Gibt es, oder nicht?|Ja\n", NULL},
    {"UTF-8 without BOM, umlauts", "Nr;Text\n1;äöüß €\n", 0, ';', CSVREAD_UTF8, 2,
     "1@1:Nr|Text\n2@2:1|äöüß €\n", NULL},
    {"quoted line breaks and doubled quotes",
     "Nr;Erl\xc3\xa4uterung;Nachweis\r\n1;\"Zeile eins\r\nZeile \"\"zwei\"\"\";S. 3\r\n"
     "2;\"a;b\nc\";\"\"\r\n",
     0, ';', CSVREAD_UTF8, 3,
     "1@1:Nr|Erläuterung|Nachweis\n2@2:1|Zeile eins\\nZeile \"zwei\"|S. 3\n"
     "3@4:2|a;b\\nc|\n",
     NULL},
    {"empty rows are counted, not reported; no row after the last newline",
     "A;B\n;\n\n1;2\n;;\n", 0, ';', CSVREAD_UTF8, 5, "1@1:A|B\n4@4:1|2\n", NULL},
    {"old Mac line ends (CR)", "A,B\r1,2\r", 0, ',', CSVREAD_UTF8, 2,
     "1@1:A|B\n2@2:1|2\n", NULL},
    {"no newline at the end, last field empty", "A;B\n1;", 0, ';', CSVREAD_UTF8, 2,
     "1@1:A|B\n2@2:1|\n", NULL},
    {"tab separated", "A\tB\tC\n1\t2,5\t3;4\n", 0, '\t', CSVREAD_UTF8, 2,
     "1@1:A|B|C\n2@2:1|2,5|3;4\n", NULL},
    {"the header decides: more ';' than ','", "Nr;Frage, Teil;Angabe\n1;a,b;c\n", 0, ';',
     CSVREAD_UTF8, 2, "1@1:Nr|Frage, Teil|Angabe\n2@2:1|a,b|c\n", NULL},
    {"separators inside quotes in the header do not count", "\"a;b;c\",x,y\n1,2,3\n", 0,
     ',', CSVREAD_UTF8, 2, "1@1:a;b;c|x|y\n2@2:1|2|3\n", NULL},
    {"a single column", "Nr\n1\n", 0, ';', CSVREAD_UTF8, 2, "1@1:Nr\n2@2:1\n", NULL},
    {"a quote inside an unquoted field is a character", "A;B\n5\" Bildschirm;x\n", 0, ';',
     CSVREAD_UTF8, 2, "1@1:A|B\n2@2:5\" Bildschirm|x\n", NULL},
    {"blanks are kept; a quote after a blank is a character", "A;B\n x ; \" y \" \n", 0,
     ';', CSVREAD_UTF8, 2, "1@1:A|B\n2@2: x | \" y \" \n", NULL},
    {"UTF-16 LE with BOM (Unicode-Text)",
     "\xff\xfe"
     "A\0\t\0\xe4\0\n\0"
     "1\0\t\0\x3d\xd8\x00\xde\n\0",
     18, '\t', CSVREAD_UTF16, 2, "1@1:A|ä\n2@2:1|😀\n", NULL},
    {"UTF-16 BE with BOM",
     "\xfe\xff"
     "\0A"
     "\0;"
     "\0B"
     "\0\n"
     "\0"
     "1"
     "\0;"
     "\0"
     "2",
     16, ';', CSVREAD_UTF16, 2, "1@1:A|B\n2@2:1|2\n", NULL},
    {"UTF-16 with a lone surrogate",
     "\xff\xfe"
     "A\0\x00\xd8\n\0",
     8, ';', CSVREAD_UTF16, 0, NULL, "Zeile 1: ungültiges UTF-16"},
    {"unclosed quote", "A;B\n1;\"offen\n2;3\n", 0, ';', CSVREAD_UTF8, 0, NULL,
     "Zeile 2, Spalte B: das Anführungszeichen aus Zeile 2 der Datei wird nicht "
     "geschlossen"},
    {"text after a closing quote", "A;B\n\"x\"y;2\n", 0, ';', CSVREAD_UTF8, 0, NULL,
     "Zeile 2, Spalte A: Text nach dem schließenden Anführungszeichen"},
    {"a byte Windows-1252 does not define", "A;B\n1;\x81\n", 0, ';', CSVREAD_CP1252, 0,
     NULL, "Zeile 2: das Byte 0x81 ist weder UTF-8 noch Windows-1252"},
    {"BOM but invalid UTF-8",
     "\xef\xbb\xbf"
     "A;B\n1;2\n3;\xff\n",
     0, ';', CSVREAD_UTF8_BOM, 0, NULL, "Zeile 3: ist als UTF-8 markiert (BOM)"},
    {"a NUL byte", "A;B\n1;2\0\n", 9, ';', CSVREAD_UTF8, 0, NULL,
     "Zeile 2: enthält ein NUL-Byte"},
    {"an XLSX file", "PK\003\004\024\0\0\0", 8, ';', CSVREAD_UTF8, 0, NULL,
     "ist ein ZIP-Archiv (eine .xlsx-Datei?), keine CSV-Datei"},
    {"an OLE2 file", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, ';', CSVREAD_UTF8, 0, NULL,
     "alten Format (.xls)"},
    {"empty", "", 0, ';', CSVREAD_UTF8, 0, NULL, "ist leer"},
    /* a fuzzing find: nothing after the BOM */
    {"only a UTF-8 BOM", "\xef\xbb\xbf", 0, ';', CSVREAD_UTF8_BOM, 0, "", NULL},
    {"only a UTF-16 BOM", "\xff\xfe", 0, ';', CSVREAD_UTF16, 0, "", NULL},
};

static void
test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct csv_case *c = &cases[i];
		struct buf out = {0};
		struct csvread_info info;
		char *why = NULL;
		size_t len = c->len ? c->len : strlen(c->data);
		int rc = csvread_memory(c->data, len, "tabelle.csv", NULL, dump_row, &out,
		                        &info, &why);

		if (c->expect != NULL) {
			if (rc != 0 || strcmp(out.data ? out.data : "", c->expect) != 0) {
				fprintf(stderr,
				        "\n%s: rc %d, %s\ngot:\n%s\nexpected:\n%s\n",
				        c->name, rc, why ? why : "",
				        out.data ? out.data : "", c->expect);
				CU_FAIL("rows differ");
			}
			CU_ASSERT_EQUAL(info.separator, c->separator);
			CU_ASSERT_EQUAL(info.encoding, c->encoding);
			CU_ASSERT_EQUAL(info.rows, c->rows);
		} else {
			CU_ASSERT_EQUAL(rc, -1);
			if (why == NULL || strncmp(why, "tabelle.csv: ", 13) != 0 ||
			    strstr(why, c->error) == NULL ||
			    !utf8_valid(why, strlen(why), NULL)) {
				fprintf(stderr, "\n%s: message %s\n", c->name,
				        why ? why : "(none)");
				CU_FAIL("message does not name the file and the problem");
			}
		}
		free(why);
		buf_free(&out);
	}
}

static void
test_limits(void)
{
	struct csvread_limits limits;
	struct buf big = {0}, out = {0};
	char *why = NULL;

	csvread_limits_default(&limits);
	CU_ASSERT_EQUAL(limits.field_bytes, 65536);
	/* a field of 1 MB in row 2, column B */
	buf_adds(&big, "A;B\n1;\"");
	for (int i = 0; i < (1 << 20); i++)
		buf_addc(&big, 'x');
	buf_adds(&big, "\"\n");
	CU_ASSERT_EQUAL(csvread_memory(big.data, big.len, "gross.csv", NULL, dump_row,
	                               &out, NULL, &why),
	                -1);
	CU_ASSERT(why &&
	          strstr(why, "gross.csv: Zeile 2, Spalte B: mehr als 65536 Bytes"));
	free(why);
	buf_free(&out);
	/* exactly at the limit */
	limits.field_bytes = 4;
	CU_ASSERT_EQUAL(
	    csvread_memory("abcd;x\n", 7, "t.csv", &limits, dump_row, &out, NULL, &why),
	    0);
	buf_free(&out);
	CU_ASSERT_EQUAL(
	    csvread_memory("abcde;x\n", 8, "t.csv", &limits, dump_row, &out, NULL, &why),
	    -1);
	CU_ASSERT(why && strstr(why, "Zeile 1, Spalte A: mehr als 4 Bytes"));
	free(why);
	buf_free(&out);
	/* fields, rows, file size */
	csvread_limits_default(&limits);
	limits.fields = 2;
	CU_ASSERT_EQUAL(csvread_memory("a;b\n1;2;3\n", 10, "t.csv", &limits, dump_row,
	                               &out, NULL, &why),
	                -1);
	CU_ASSERT(why && strstr(why, "Zeile 2: mehr als 2 Spalten"));
	free(why);
	buf_free(&out);
	csvread_limits_default(&limits);
	limits.rows = 2;
	CU_ASSERT_EQUAL(
	    csvread_memory("a\nb\nc\n", 6, "t.csv", &limits, dump_row, &out, NULL, &why),
	    -1);
	CU_ASSERT(why && strstr(why, "mehr als 2 Zeilen"));
	free(why);
	buf_free(&out);
	csvread_limits_default(&limits);
	limits.file_bytes = 3;
	CU_ASSERT_EQUAL(
	    csvread_memory("a\nb\nc\n", 6, "t.csv", &limits, dump_row, &out, NULL, &why),
	    -1);
	CU_ASSERT(why && strstr(why, "ist größer als"));
	free(why);
	buf_free(&out);
	buf_free(&big);
}

/* Stops after 1 row, or fails at row 2 with a message of its own. */
static int
stop_or_fail(void *arg, const struct csvread_row *row, char **why)
{
	int *mode = arg;

	if (*mode == 0)
		return 1;
	if (row->row == 2) {
		*why = xstrdup("Zeile 2, Spalte A: „x“ ist keine Antwort");
		return -1;
	}
	return 0;
}

static void
test_callbacks(void)
{
	int mode = 0;
	char *why = NULL;

	CU_ASSERT_EQUAL(csvread_memory("a\nx\n\"offen\n", 11, "t.csv", NULL, stop_or_fail,
	                               &mode, NULL, &why),
	                0);
	CU_ASSERT_PTR_NULL(why);
	mode = 1;
	CU_ASSERT_EQUAL(
	    csvread_memory("a\nx\n", 4, "t.csv", NULL, stop_or_fail, &mode, NULL, &why),
	    -1);
	CU_ASSERT(why &&
	          strcmp(why, "t.csv: Zeile 2, Spalte A: „x“ ist keine Antwort") == 0);
	free(why);
}

static void
test_files(void)
{
	char *dir = test_tmpdir();
	char *path = xasprintf("%s/tabelle.csv", dir),
	     *fifo = xasprintf("%s/fifo.csv", dir);
	char *missing = xasprintf("%s/nix.csv", dir), *why = NULL;
	struct csvread_info info;
	struct buf out = {0};
	FILE *f = fopen(path, "wb");
	char ref[CSVREAD_REF_SIZE];

	CU_ASSERT_FATAL(f != NULL);
	fputs("Nr;Angabe\r\n1.1;\"Ja\r\nmit Beschluss\"\r\n", f);
	CU_ASSERT_FATAL(fclose(f) == 0);
	CU_ASSERT_EQUAL(csvread_file(path, NULL, dump_row, &out, &info, &why), 0);
	CU_ASSERT_STRING_EQUAL(out.data, "1@1:Nr|Angabe\n2@2:1.1|Ja\\nmit Beschluss\n");
	CU_ASSERT(info.separator == ';' && info.encoding == CSVREAD_UTF8 &&
	          info.rows == 2);
	buf_free(&out);
	CU_ASSERT_FATAL(mkfifo(fifo, 0600) == 0);
	CU_ASSERT_EQUAL(csvread_file(fifo, NULL, dump_row, &out, NULL, &why), -1);
	CU_ASSERT(why && strstr(why, "keine gewöhnliche Datei"));
	free(why);
	CU_ASSERT_EQUAL(csvread_file(dir, NULL, dump_row, &out, NULL, &why), -1);
	CU_ASSERT(why && strstr(why, "Verzeichnis"));
	free(why);
	CU_ASSERT_EQUAL(csvread_file(missing, NULL, dump_row, &out, NULL, &why), -1);
	CU_ASSERT(why && strncmp(why, missing, strlen(missing)) == 0);
	free(why);
	buf_free(&out);
	csvread_ref(14, 6, ref);
	CU_ASSERT_STRING_EQUAL(ref, "Zeile 14, Spalte F");
	csvread_ref(2, 28, ref);
	CU_ASSERT_STRING_EQUAL(ref, "Zeile 2, Spalte AB");
	CU_ASSERT_STRING_EQUAL(csvread_encoding_name(CSVREAD_CP1252), "Windows-1252");
	test_rmtree(dir);
	free(dir);
	free(path);
	free(fifo);
	free(missing);
}

int
main(void)
{
	static CU_TestInfo tests[] = {
	    {"separators, encodings, quotes, line ends, bad input", test_cases},
	    {"limits", test_limits},
	    {"callbacks stop and fail", test_callbacks},
	    {"files, FIFO, directory, missing file; references", test_files},
	    CU_TEST_INFO_NULL,
	};
	static CU_SuiteInfo suites[] = {
	    {"csvread", NULL, NULL, NULL, NULL, tests},
	    CU_SUITE_INFO_NULL,
	};

	setlocale(LC_ALL, "");
	return test_run(suites);
}
