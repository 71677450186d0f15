/*
 * kind_date.c: the date question ("type: date"): a calendar date, typed as
 * TT.MM.JJJJ (or ISO), stored YYYY-MM-DD, shown TT.MM.JJJJ; never scored.
 * The key t puts today's date into the editor. Model code: pure but for
 * the clock (date_today).
 */
#include "config.h"

#include "lib/date.h"
#include "lib/util.h"
#include "model/kind_private.h"

static int
date_kind_parse(const struct form_question *q, const char *value, struct answer *a,
                char **why)
{
	char iso[11];

	(void)q;
	if (date_parse(value, iso, why) != 0)
		return -1;
	a->text = xstrdup(iso);
	return 0;
}

static char *
date_expected(const struct form_question *q)
{
	(void)q;
	return xstrdup("ein Datum (TT.MM.JJJJ)");
}

/* The stored ISO date (the canonical value and the label). */
static char *
date_format(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return xstrdup(a->text ? a->text : "");
}

/* TT.MM.JJJJ for a person and for the editor. */
static char *
date_shown(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return a->text != NULL ? date_display(a->text) : xstrdup("");
}

static enum kind_input
date_input(const struct form_question *q)
{
	(void)q;
	return KIND_INPUT_TYPED;
}

/* Digits and the separators of both forms. */
static int
date_typeable(const struct form_question *q, uint32_t c, size_t pos)
{
	(void)q;
	(void)pos;
	return kind_digit(c) || c == '.' || c == '-';
}

static char *
date_hint(const struct form_question *q)
{
	(void)q;
	return xstrdup("Datum TT.MM.JJJJ tippen (t = heute); Enter speichert");
}

/* t: today. */
static char *
date_shortcut(const struct form_question *q, uint32_t key)
{
	char today[11];

	(void)q;
	if (key != 't')
		return NULL;
	date_today(today);
	return date_display(today);
}

const struct question_kind kind_date = {
    .name = "date",
    .label = "Datum",
    .scored = 0,
    .cell = KIND_CELL_DATE,
    .parse = date_kind_parse,
    .expected = date_expected,
    .format = date_format,
    .label_of = date_format,
    .shown = date_shown,
    .editable = date_shown,
    .input = date_input,
    .typeable = date_typeable,
    .hint = date_hint,
    .shortcut = date_shortcut,
};
