/*
 * xlsxread_probe.c: a small command-line window on the spreadsheet readers
 * for the black-box tests (tests/xlsxread_soffice.sh, tests/csvread_soffice.sh)
 * and for looking at a file by hand:
 *   xlsxread_probe dump FILE.xlsx    sheets, properties, names, every cell
 *   xlsxread_probe values FILE.xlsx  "SHEET!REF<TAB>VALUE" per cell, values
 *                                    normalised (numbers %.15g, dates of date
 *                                    cells as YYYY-MM-DD), for comparing files
 *   xlsxread_probe csv FILE.csv      "REF<TAB>VALUE" per non-empty field
 *   xlsxread_probe sample FILE.xlsx  write the sample workbook of the
 *                                    round-trip tests with libxlsxwriter
 * Text is printed with \n, \t and \\ escaped. Exit 0, 1 (the reader refused
 * the file: its message on stderr), 2 (usage).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "lib/csvread.h"
#include "lib/util.h"
#include "lib/xlsxread.h"

/* Print s with newline, tab, CR and backslash escaped. */
static void
put_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\r')
			fputs("\\r", stdout);
		else if (*s == '\\')
			fputs("\\\\", stdout);
		else
			putchar(*s);
	}
}

static const char *const type_names[] = {"empty", "string", "number",
                                         "bool",  "error",  "date"};

struct probe {
	struct xlsxread *x;
	const char *sheet;
	int values;
};

static int
print_row(void *arg, const struct xlsxread_row *row, char **why)
{
	struct probe *p = arg;

	(void)why;
	for (size_t i = 0; i < row->count; i++) {
		const struct xlsxread_cell *c = &row->cells[i];
		char date[11];

		if (p->values) {
			printf("%s!%s\t", p->sheet, c->ref);
			if (c->type == XLSXREAD_NUMBER && c->date_style &&
			    xlsxread_cell_date(p->x, c, date) == 0)
				printf("%s", date);
			else if (c->type == XLSXREAD_NUMBER)
				printf("%.15g", c->number);
			else
				put_escaped(c->text);
			putchar('\n');
			continue;
		}
		printf("cell %s %s %s%s%s", c->ref, type_names[c->type],
		       c->formula ? "formula " : "", c->date_style ? "datestyle " : "",
		       row->hidden ? "hiddenrow " : "");
		if (xlsxread_cell_date(p->x, c, date) == 0 &&
		    (c->date_style || c->type == XLSXREAD_DATE))
			printf("date=%s ", date);
		putchar('"');
		put_escaped(c->text);
		puts("\"");
	}
	return 0;
}

static int
read_xlsx(const char *path, int values)
{
	static const char *const states[] = {"visible", "hidden", "veryhidden"};
	char *why = NULL;
	struct xlsxread *x = xlsxread_open(path, NULL, &why);
	struct probe p = {.x = x, .values = values};

	if (x == NULL) {
		fprintf(stderr, "%s\n", why);
		free(why);
		return 1;
	}
	if (!values) {
		printf("date1904 %d\n", xlsxread_date1904(x));
		for (size_t i = 0; i < xlsxread_sheet_count(x); i++) {
			const struct xlsxread_sheet *s = xlsxread_sheet(x, i);
			printf("sheet %zu \"%s\" %s %s %s\n", i + 1, s->name,
			       states[s->state],
			       s->kind == XLSXREAD_SHEET_WORKSHEET ? "worksheet"
			                                           : "chartsheet",
			       s->part);
		}
		for (size_t i = 0; i < xlsxread_property_count(x); i++) {
			const struct xlsxread_property *pr = xlsxread_property(x, i);
			printf("property \"%s\" %s \"", pr->name, pr->type);
			put_escaped(pr->value);
			puts("\"");
		}
		for (size_t i = 0; i < xlsxread_defined_name_count(x); i++) {
			const struct xlsxread_defined_name *n =
			    xlsxread_defined_name(x, i);
			printf("name \"%s\" sheet=%ld hidden=%d \"", n->name, n->sheet,
			       n->hidden);
			put_escaped(n->value);
			puts("\"");
		}
	}
	for (size_t i = 0; i < xlsxread_sheet_count(x); i++) {
		const struct xlsxread_sheet *s = xlsxread_sheet(x, i);
		if (s->kind != XLSXREAD_SHEET_WORKSHEET)
			continue;
		p.sheet = s->name;
		if (!values)
			printf("rows \"%s\"\n", s->name);
		if (xlsxread_rows(x, i, print_row, &p, &why) != 0) {
			fprintf(stderr, "%s\n", why);
			free(why);
			xlsxread_free(x);
			return 1;
		}
	}
	xlsxread_free(x);
	return 0;
}

static int
print_csv_row(void *arg, const struct csvread_row *row, char **why)
{
	(void)arg, (void)why;
	for (size_t i = 0; i < row->count; i++) {
		char ref[CSVREAD_REF_SIZE];
		if (row->lengths[i] == 0)
			continue;
		csvread_ref(row->row, (unsigned)i + 1, ref);
		printf("%s\t", ref);
		put_escaped(row->fields[i]);
		putchar('\n');
	}
	return 0;
}

static int
read_csv(const char *path)
{
	struct csvread_info info;
	char *why = NULL;

	if (csvread_file(path, NULL, print_csv_row, NULL, &info, &why) != 0) {
		fprintf(stderr, "%s\n", why);
		free(why);
		return 1;
	}
	printf("separator %s encoding %s rows %u\n",
	       info.separator == '\t'  ? "tab"
	       : info.separator == ';' ? "semicolon"
	                               : "comma",
	       csvread_encoding_name(info.encoding), info.rows);
	return 0;
}

/* The sample of the round-trip tests: every kind of cell the readers know. */
static int
write_sample(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Fragen");
	lxw_worksheet *hidden = workbook_add_worksheet(wb, "Maschine");
	lxw_format *date = workbook_add_format(wb);
	lxw_format *bold = workbook_add_format(wb);
	lxw_datetime d = {2026, 3, 14, 0, 0, 0};
	lxw_rich_string_tuple r1 = {.format = NULL, .string = "Beschluss "};
	lxw_rich_string_tuple r2 = {.format = bold, .string = "vom Rat"};
	lxw_rich_string_tuple *rich[] = {&r1, &r2, NULL};

	format_set_num_format(date, "dd.mm.yyyy");
	format_set_bold(bold);
	worksheet_write_string(ws, 0, 0, "Nr", NULL);
	worksheet_write_string(ws, 0, 1, "Frage", NULL);
	worksheet_write_string(ws, 0, 2, "Angabe der Kommune", NULL);
	worksheet_write_string(ws, 1, 0, "1.1", NULL);
	worksheet_write_string(ws, 1, 1, "Gibt es einen Ratsbeschluss?", NULL);
	worksheet_write_string(ws, 1, 2, "Ja", NULL);
	worksheet_write_rich_string(ws, 1, 3, rich, NULL);
	worksheet_write_string(ws, 2, 0, "1.2", NULL);
	worksheet_write_string(ws, 2, 1, "Einwohner", NULL);
	worksheet_write_number(ws, 2, 2, 12500, NULL);
	worksheet_write_number(ws, 2, 3, 3.25, NULL);
	worksheet_write_string(ws, 3, 0, "1.3", NULL);
	worksheet_write_datetime(ws, 3, 2, &d, date);
	worksheet_write_boolean(ws, 3, 3, 1, NULL);
	worksheet_write_string(ws, 4, 0, "1.4", NULL);
	worksheet_write_formula_num(ws, 4, 2, "=C3*2", NULL, 25000);
	worksheet_write_formula_str(ws, 4, 3, "=A5&\"x\"", NULL, "1.4x");
	worksheet_write_string(ws, 5, 0, "Zeile\nzwei „Anführung“ äöüß €", NULL);
	worksheet_write_string(ws, 5, 2, "Semikolon; Komma, \"Zitat\"", NULL);
	worksheet_write_string(ws, 99, 25, "Z100", NULL);
	worksheet_write_string(hidden, 0, 0, "wohnort-muster", NULL);
	worksheet_hide(hidden);
	workbook_set_custom_property_string(wb, "Formular", "wohnort-muster");
	workbook_set_custom_property_string(wb, "Ausgabe", "2023-05-11");
	workbook_define_name(wb, "Formular_ID", "=Maschine!$A$1");
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "dump") == 0)
		return read_xlsx(argv[2], 0);
	if (argc == 3 && strcmp(argv[1], "values") == 0)
		return read_xlsx(argv[2], 1);
	if (argc == 3 && strcmp(argv[1], "csv") == 0)
		return read_csv(argv[2]);
	if (argc == 3 && strcmp(argv[1], "sample") == 0)
		return write_sample(argv[2]);
	fprintf(stderr, "usage: xlsxread_probe dump|values|csv|sample FILE\n");
	return 2;
}
