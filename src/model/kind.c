/*
 * kind.c: the table of question kinds (one row per kind, one file per kind:
 * kind_<name>.c) and the lookups every layer asks instead of switching on a
 * question's type. Model code: never prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/answer.h"
#include "model/kind.h"
#include "model/kind_private.h"
#include "lib/utf8.h"

/* Indexed by enum question_type. */
static const struct question_kind *const kinds[] = {
    [QUESTION_YESNO] = &kind_yesno, [QUESTION_CHOICE] = &kind_choice,
    [QUESTION_MULTI] = &kind_multi, [QUESTION_NUMBER] = &kind_number,
    [QUESTION_SCALE] = &kind_scale, [QUESTION_TEXT] = &kind_text,
    [QUESTION_DATE] = &kind_date,
};
_Static_assert(sizeof kinds / sizeof kinds[0] == QUESTION_TYPE_COUNT,
               "one row per enum question_type");

/* Longest piece of a refused value repeated in a message, in characters. */
#define ECHO_MAX 16

const struct question_kind *
kind_get(enum question_type type)
{
	if ((unsigned)type >= QUESTION_TYPE_COUNT)
		return NULL;
	return kinds[type];
}

const struct question_kind *
kind_of(const struct form_question *q)
{
	return kind_get(q->type);
}

int
kind_find(const char *name)
{
	for (int t = 0; t < QUESTION_TYPE_COUNT; t++)
		if (strcmp(kinds[t]->name, name) == 0)
			return t;
	return -1;
}

char *
kind_names(const char *sep)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (int t = 0; t < QUESTION_TYPE_COUNT; t++)
		buf_printf(&b, "%s%s", t ? sep : "", kinds[t]->name);
	return buf_steal(&b);
}

/* ---- helpers of the kind files ---- */

char *
kind_echo(const char *value)
{
	return utf8_shorten(value, ECHO_MAX);
}

char *
kind_option_list(const struct form_question *q)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (size_t i = 0; i < q->option_count; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", q->options[i].id);
	return buf_steal(&b);
}

char *
kind_refusal(const struct form_question *q, const char *value, const char *what)
{
	char *shown = kind_echo(value), *expected = answer_expected(q), *m;

	m = xasprintf("„%s“ %s – bitte %s eingeben", shown, what, expected);
	free(shown);
	free(expected);
	return m;
}

int
kind_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* ---- the interview ---- */

const char *
kind_label(const struct form_question *q)
{
	return kind_of(q)->label;
}

enum kind_input
kind_input(const struct form_question *q)
{
	return kind_of(q)->input(q);
}

enum kind_cell
kind_cell(const struct form_question *q)
{
	return kind_of(q)->cell;
}

int
kind_typeable(const struct form_question *q, uint32_t c, size_t pos)
{
	const struct question_kind *k = kind_of(q);

	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff) || k->input(q) == KIND_INPUT_LIST)
		return 0;
	return k->typeable != NULL && k->typeable(q, c, pos);
}

char *
kind_hint(const struct form_question *q)
{
	const struct question_kind *k = kind_of(q);
	char *what, *hint;

	if (k->hint != NULL)
		return k->hint(q);
	what = answer_expected(q);
	/* the expected texts start with an ASCII letter ("eine ganze Zahl …") */
	if (what[0] >= 'a' && what[0] <= 'z')
		what[0] = (char)(what[0] - 'a' + 'A');
	hint = xasprintf("%s tippen; Enter speichert", what);
	free(what);
	return hint;
}

char *
kind_shortcut(const struct form_question *q, uint32_t key)
{
	const struct question_kind *k = kind_of(q);
	return k->shortcut != NULL ? k->shortcut(q, key) : NULL;
}

int
kind_list_options(const struct form_question *q)
{
	const struct question_kind *k = kind_of(q);
	return k->list_rows != NULL ? k->list_rows(q) : 0;
}

int
kind_list_rows(const struct form_question *q)
{
	return kind_list_options(q) + (kind_of(q)->list_na_row && q->na_allowed);
}

const char *
kind_list_label(const struct form_question *q, int row)
{
	const struct question_kind *k = kind_of(q);

	if (row < 0 || row >= kind_list_rows(q))
		return "";
	if (row >= kind_list_options(q))
		return "entfällt";
	return k->list_label(q, row);
}

int
kind_list_first_digit(const struct form_question *q)
{
	return kind_of(q)->list_first_digit;
}

int
kind_list_multiple(const struct form_question *q)
{
	return kind_of(q)->list_multiple;
}

char *
kind_list_value(const struct form_question *q, const struct answer *a, int row)
{
	const struct question_kind *k = kind_of(q);

	if (row >= kind_list_options(q) || k->list_value == NULL)
		return xstrdup(ANSWER_NA_VALUE);
	return k->list_value(q, a, row);
}

int
kind_list_row(const struct form_question *q, const struct answer *a)
{
	const struct question_kind *k = kind_of(q);

	if (a->state == ANSWER_NA)
		return k->list_na_row ? kind_list_rows(q) - 1 : -1;
	if (a->state != ANSWER_GIVEN || k->list_row == NULL)
		return -1;
	return k->list_row(q, a);
}

int
kind_list_ticked(const struct form_question *q, const struct answer *a, int row)
{
	const struct question_kind *k = kind_of(q);

	if (k->list_multiple)
		return a->state == ANSWER_GIVEN && k->option_chosen != NULL &&
		       k->option_chosen(q, a, row);
	return row >= 0 && row == kind_list_row(q, a);
}
