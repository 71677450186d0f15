/*
 * kind_choice.c: the single choice ("type: choice"): a list of options,
 * each with its points; the value is an option id. Answered from a list.
 * Model code: pure.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/form_private.h"
#include "model/kind_private.h"

static const char *const choice_keys[] = {"options", NULL};

/* Whether the answer names an option of q. */
static int
choice_in_range(const struct form_question *q, const struct answer *a)
{
	return a->number >= 0 && (size_t)a->number < q->option_count;
}

static void
choice_load(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
            const char *what)
{
	form_load_options(ld, q, qn, what, (size_t)-1);
}

/* The best option's points. */
static int
choice_max(const struct form_question *q)
{
	int max = 0;

	for (size_t i = 0; i < q->option_count; i++)
		if (q->options[i].points > max)
			max = q->options[i].points;
	return max;
}

static int
choice_parse(const struct form_question *q, const char *value, struct answer *a,
             char **why)
{
	int o = form_find_option(q, value);

	if (o < 0) {
		char *list = kind_option_list(q), *shown = kind_echo(value);
		*why = xasprintf("„%s“ ist keine Option (Optionen: %s%s)", shown, list,
		                 q->na_allowed ? ", entfaellt" : "");
		free(shown);
		free(list);
		return -1;
	}
	a->number = o;
	return 0;
}

static char *
choice_expected(const struct form_question *q)
{
	char *list = kind_option_list(q), *s;

	s = xasprintf("eine Option (%s)", list);
	free(list);
	return s;
}

static char *
choice_format(const struct form_question *q, const struct answer *a)
{
	return xstrdup(choice_in_range(q, a) ? q->options[a->number].id : "");
}

static char *
choice_label(const struct form_question *q, const struct answer *a)
{
	return xstrdup(choice_in_range(q, a) ? q->options[a->number].label : "?");
}

static int
choice_points(const struct form_question *q, const struct answer *a)
{
	return choice_in_range(q, a) ? q->options[a->number].points : 0;
}

static int
choice_chosen(const struct form_question *q, const struct answer *a, int option)
{
	(void)q;
	return a->number == option;
}

static enum kind_input
choice_input(const struct form_question *q)
{
	(void)q;
	return KIND_INPUT_LIST;
}

static int
choice_rows(const struct form_question *q)
{
	return (int)q->option_count;
}

static const char *
choice_row_label(const struct form_question *q, int row)
{
	return q->options[row].label;
}

static char *
choice_row_value(const struct form_question *q, const struct answer *a, int row)
{
	(void)a;
	return xstrdup(q->options[row].id);
}

static int
choice_row(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return (int)a->number;
}

const struct question_kind kind_choice = {
    .name = "choice",
    .label = "Auswahl",
    .keys = choice_keys,
    .scored = 1,
    .options = 1,
    .load = choice_load,
    .max_points = choice_max,
    .parse = choice_parse,
    .expected = choice_expected,
    .format = choice_format,
    .label_of = choice_label,
    .points = choice_points,
    .option_chosen = choice_chosen,
    .input = choice_input,
    .list_first_digit = 1,
    .list_na_row = 1,
    .list_rows = choice_rows,
    .list_label = choice_row_label,
    .list_value = choice_row_value,
    .list_row = choice_row,
};
