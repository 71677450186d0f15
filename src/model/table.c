/*
 * table.c: the Dokumentationstabelle's one table of sheets (each sheet
 * writes itself and reads its rows back, in table_sheet_*.c), its default
 * file name, and the values a cell of the table stands for: a drop-down's
 * entries for a question (from the question-kind table, never from the
 * type) and the marks of a multi question's option rows. Model code: never
 * prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/atomicfile.h"
#include "lib/util.h"
#include "model/kind.h"
#include "model/outfile.h"
#include "model/table_private.h"

/* table_sheet_*.c */
extern const struct table_sheet table_sheet_intro;
extern const struct table_sheet table_sheet_questions;
extern const struct table_sheet table_sheet_master;
extern const struct table_sheet table_sheet_goals;
extern const struct table_sheet table_sheet_lists;

/* The sheets in tab order, one per line. */
/* clang-format off */
const struct table_sheet *const table_sheets[] = {
    &table_sheet_intro,
    &table_sheet_questions,
    &table_sheet_master,
    &table_sheet_goals,
    &table_sheet_lists,
};
/* clang-format on */

const size_t table_sheet_count = sizeof table_sheets / sizeof table_sheets[0];

char *
table_default_path(const struct session *s)
{
	return outfile_default_path(s, "-dokumentationstabelle.xlsx");
}

size_t
table_goal_count(const struct form *f)
{
	return f->goal_count > 0 ? (size_t)f->goal_count : 0;
}

/* ASCII lower case of c. */
static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether the len bytes at a equal word, ASCII case ignored. */
static int
same_bytes(const char *a, size_t len, const char *word)
{
	if (strlen(word) != len)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)word[i]))
			return 0;
	return 1;
}

/* text without the blanks around it: *len bytes from the result. */
static const char *
trimmed(const char *text, size_t *len)
{
	size_t n;

	text += strspn(text, " \t\r\n");
	n = strlen(text);
	while (n > 0 && strchr(" \t\r\n", text[n - 1]) != NULL)
		n--;
	*len = n;
	return text;
}

int
table_same_word(const char *text, const char *word)
{
	size_t len;
	const char *t = trimmed(text, &len);

	return same_bytes(t, len, word);
}

char **
table_entries(const struct form_question *q, size_t *n)
{
	int rows = kind_list_rows(q), options = kind_list_options(q);
	char **out = xcalloc((size_t)rows + 1, sizeof *out);
	struct answer none = {0};

	for (int r = 0; r < rows; r++) {
		const char *label = kind_list_label(q, r);
		/* a scale's value is its digit: shown with its label, if any */
		if (r < options && kind_list_first_digit(q) == 0) {
			char *value = kind_list_value(q, &none, r);
			out[r] = label != NULL && label[0] != '\0'
			             ? xasprintf("%s – %s", value, label)
			             : xstrdup(value);
			free(value);
		} else {
			out[r] = xstrdup(label != NULL ? label : "");
		}
	}
	*n = (size_t)rows;
	return out;
}

void
table_entries_free(char **entries, size_t n)
{
	for (size_t i = 0; entries != NULL && i < n; i++)
		free(entries[i]);
	free(entries);
}

char *
table_entry_value(const struct form_question *q, const char *text)
{
	size_t n, len;
	char **entries = table_entries(q, &n);
	const char *t = trimmed(text, &len);
	char *value = NULL;
	struct answer none = {0};

	for (size_t i = 0; i < n && value == NULL; i++)
		if (same_bytes(t, len, entries[i]))
			value = kind_list_value(q, &none, (int)i);
	table_entries_free(entries, n);
	return value != NULL ? value : xstrndup(t, len);
}

const char *const table_mark_entries[2] = {"Ja", "Nein"};

int
table_mark_value(const char *text)
{
	static const char *const yes[] = {"ja", "x", "1", "wahr", "true"};
	static const char *const no[] = {"nein", "0", "-", "–", "falsch", "false"};
	size_t len;
	const char *t = trimmed(text, &len);

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (same_bytes(t, len, yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (same_bytes(t, len, no[i]))
			return 0;
	return -1;
}
