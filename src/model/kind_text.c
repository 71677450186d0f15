/*
 * kind_text.c: the text question ("type: text"): any valid UTF-8, never
 * scored; typed as free text over several rows. Model code: pure.
 */
#include "config.h"

#include <wctype.h>

#include "lib/util.h"
#include "model/kind_private.h"

static int
text_parse(const struct form_question *q, const char *value, struct answer *a, char **why)
{
	(void)q;
	(void)why;
	a->text = xstrdup(value);
	return 0;
}

static char *
text_expected(const struct form_question *q)
{
	(void)q;
	return xstrdup("einen Text");
}

static char *
text_format(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return xstrdup(a->text ? a->text : "");
}

static enum kind_input
text_input(const struct form_question *q)
{
	(void)q;
	return KIND_INPUT_TEXT;
}

/* Every printable character (the locale's iswprint). */
static int
text_typeable(const struct form_question *q, uint32_t c, size_t pos)
{
	(void)q;
	(void)pos;
	return iswprint((wint_t)c) != 0;
}

static char *
text_hint(const struct form_question *q)
{
	(void)q;
	return xstrdup("Text tippen; Enter speichert und geht weiter");
}

const struct question_kind kind_text = {
    .name = "text",
    .label = "Text",
    .scored = 0,
    .parse = text_parse,
    .expected = text_expected,
    .format = text_format,
    .label_of = text_format,
    .input = text_input,
    .typeable = text_typeable,
    .hint = text_hint,
};
