/*
 * answer.c: one answer to one question: parsing the `set` value syntax,
 * the canonical value text, the label a person reads, and its points.
 * What is the same for every kind ("offen", "entfällt", invalid UTF-8) is
 * here; the rest is asked of the question's kind (kind.h, kind_*.c).
 * Pure functions over struct form_question: no I/O, no printing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/answer.h"
#include "model/kind.h"
#include "lib/utf8.h"

/* Is value the "entfällt" keyword (ASCII or with umlaut)? */
static int
is_na_value(const char *value)
{
	return strcmp(value, ANSWER_NA_VALUE) == 0 || strcmp(value, "entfällt") == 0;
}

char *
answer_expected(const struct form_question *q)
{
	return kind_of(q)->expected(q);
}

int
answer_parse(const struct form_question *q, const char *value, struct answer *out,
             char **why)
{
	struct answer a = {ANSWER_GIVEN, 0, 0, NULL};

	if (value == NULL || !utf8_valid(value, strlen(value), NULL)) {
		*why = xstrdup("der Wert ist kein gültiges UTF-8");
		return -1;
	}
	if (is_na_value(value)) {
		if (!q->na_allowed) {
			*why = xstrdup("„entfällt“ ist bei dieser Frage nicht erlaubt");
			return -1;
		}
		a.state = ANSWER_NA;
		*out = a;
		return 0;
	}
	if (kind_of(q)->parse(q, value, &a, why) != 0) {
		free(a.text);
		return -1;
	}
	*out = a;
	return 0;
}

char *
answer_format(const struct form_question *q, const struct answer *a)
{
	if (a->state == ANSWER_OPEN)
		return NULL;
	if (a->state == ANSWER_NA)
		return xstrdup(ANSWER_NA_VALUE);
	return kind_of(q)->format(q, a);
}

char *
answer_label(const struct form_question *q, const struct answer *a)
{
	if (a->state == ANSWER_OPEN)
		return xstrdup("offen");
	if (a->state == ANSWER_NA)
		return xstrdup("entfällt");
	return kind_of(q)->label_of(q, a);
}

char *
answer_display(const struct form_question *q, const struct answer *a)
{
	const struct question_kind *k = kind_of(q);

	if (a->state == ANSWER_GIVEN && k->shown != NULL)
		return k->shown(q, a);
	return answer_label(q, a);
}

char *
answer_editable(const struct form_question *q, const struct answer *a)
{
	const struct question_kind *k = kind_of(q);

	if (a->state != ANSWER_GIVEN)
		return NULL;
	if (k->editable != NULL)
		return k->editable(q, a);
	return k->format(q, a);
}

int
answer_points(const struct form_question *q, const struct answer *a)
{
	const struct question_kind *k = kind_of(q);

	if (a->state != ANSWER_GIVEN || k->points == NULL)
		return 0;
	return k->points(q, a);
}

int
answer_option_chosen(const struct form_question *q, const struct answer *a, int option)
{
	const struct question_kind *k = kind_of(q);

	if (a->state != ANSWER_GIVEN || option < 0 || k->option_chosen == NULL)
		return 0;
	return k->option_chosen(q, a, option);
}

void
answer_clear(struct answer *a)
{
	free(a->text);
	memset(a, 0, sizeof *a);
	a->state = ANSWER_OPEN;
}

void
answer_copy(struct answer *dst, const struct answer *src)
{
	*dst = *src;
	dst->text = xstrdup(src->text);
}
