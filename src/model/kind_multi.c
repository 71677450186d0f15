/*
 * kind_multi.c: the multiple choice ("type: multi"): options whose points
 * add up, capped by an optional "max"; the value is a comma-separated list
 * of option ids ("" = none chosen), kept as a bit mask. Answered from a
 * list whose rows are ticked on and off. Model code: pure.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>

#include "lib/util.h"
#include "model/form_private.h"
#include "model/kind_private.h"

static const char *const multi_keys[] = {"options", "max", NULL};

/* Whether option i is in the mask. */
static int
multi_has(uint64_t mask, size_t i)
{
	return i < FORM_MULTI_MAX_OPTIONS && (mask & (UINT64_C(1) << i)) != 0;
}

/* options (at most FORM_MULTI_MAX_OPTIONS) and the optional cap max. */
static void
multi_load(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
           const char *what)
{
	long sum = 0;

	form_load_options(ld, q, qn, what, FORM_MULTI_MAX_OPTIONS);
	for (size_t i = 0; i < q->option_count; i++)
		sum += q->options[i].points;
	if (form_get_int_into(ld, qn, "max", 0, 0, INT_MAX / 1024, &q->multi_cap, what) &&
	    q->option_count > 0 && q->multi_cap > sum)
		form_err(ld, form_map_get(qn, "max"),
		         "'max' of %s (%d) is more than all options together (%ld)", what,
		         q->multi_cap, sum);
}

/* All options together, capped. */
static int
multi_max(const struct form_question *q)
{
	int max = 0;

	for (size_t i = 0; i < q->option_count; i++)
		max += q->options[i].points;
	return q->multi_cap >= 0 && q->multi_cap < max ? q->multi_cap : max;
}

/* The mask as the canonical value: ids joined with ",". Caller frees. */
static char *
multi_value(const struct form_question *q, uint64_t mask)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (size_t i = 0; i < q->option_count; i++)
		if (multi_has(mask, i))
			buf_printf(&b, "%s%s", b.len ? "," : "", q->options[i].id);
	return buf_steal(&b);
}

static int
multi_parse(const struct form_question *q, const char *value, struct answer *a,
            char **why)
{
	const char *p = value;
	uint64_t chosen = 0;

	while (*p == ' ')
		p++;
	if (*p == '\0') {
		a->chosen = 0;
		return 0;
	}
	for (;;) {
		const char *start, *end;
		char *id;
		int o;

		while (*p == ' ')
			p++;
		start = p;
		while (*p != ',' && *p != '\0')
			p++;
		end = p;
		while (end > start && end[-1] == ' ')
			end--;
		id = xstrndup(start, (size_t)(end - start));
		o = form_find_option(q, id);
		if (o < 0 || o >= FORM_MULTI_MAX_OPTIONS) {
			char *list = kind_option_list(q);
			*why = xasprintf("„%s“ ist keine Option (Optionen: %s; mehrere "
			                 "mit Komma trennen)",
			                 id, list);
			free(list);
			free(id);
			return -1;
		}
		if (multi_has(chosen, (size_t)o)) {
			*why = xasprintf("Option „%s“ ist doppelt angegeben", id);
			free(id);
			return -1;
		}
		chosen |= UINT64_C(1) << o;
		free(id);
		if (*p == '\0')
			break;
		p++; /* the comma */
	}
	a->chosen = chosen;
	return 0;
}

static char *
multi_expected(const struct form_question *q)
{
	char *list = kind_option_list(q), *s;

	s = xasprintf("Optionen, mit Komma getrennt (%s)", list);
	free(list);
	return s;
}

static char *
multi_format(const struct form_question *q, const struct answer *a)
{
	return multi_value(q, a->chosen);
}

static char *
multi_label(const struct form_question *q, const struct answer *a)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (size_t i = 0; i < q->option_count; i++)
		if (multi_has(a->chosen, i))
			buf_printf(&b, "%s%s", b.len ? ", " : "", q->options[i].label);
	if (b.len == 0)
		buf_adds(&b, "keine Auswahl");
	return buf_steal(&b);
}

/* The chosen options' points together, capped by max. */
static int
multi_points(const struct form_question *q, const struct answer *a)
{
	int points = 0;

	for (size_t i = 0; i < q->option_count; i++)
		if (multi_has(a->chosen, i))
			points += q->options[i].points;
	if (q->multi_cap >= 0 && points > q->multi_cap)
		points = q->multi_cap;
	return points;
}

static int
multi_chosen(const struct form_question *q, const struct answer *a, int option)
{
	(void)q;
	return option >= 0 && multi_has(a->chosen, (size_t)option);
}

static enum kind_input
multi_input(const struct form_question *q)
{
	(void)q;
	return KIND_INPUT_LIST;
}

static int
multi_rows(const struct form_question *q)
{
	return (int)q->option_count;
}

static const char *
multi_row_label(const struct form_question *q, int row)
{
	return q->options[row].label;
}

/* The saved set with option row switched. */
static char *
multi_row_value(const struct form_question *q, const struct answer *a, int row)
{
	uint64_t mask = a->state == ANSWER_GIVEN ? a->chosen : 0;

	if (row < FORM_MULTI_MAX_OPTIONS)
		mask ^= UINT64_C(1) << row;
	return multi_value(q, mask);
}

const struct question_kind kind_multi = {
    .name = "multi",
    .label = "Mehrfachauswahl",
    .keys = multi_keys,
    .scored = 1,
    .options = 1,
    .load = multi_load,
    .max_points = multi_max,
    .parse = multi_parse,
    .expected = multi_expected,
    .format = multi_format,
    .label_of = multi_label,
    .points = multi_points,
    .option_chosen = multi_chosen,
    .input = multi_input,
    .list_first_digit = 1,
    .list_multiple = 1,
    .list_rows = multi_rows,
    .list_label = multi_row_label,
    .list_value = multi_row_value,
};
