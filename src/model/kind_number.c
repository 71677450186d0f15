/*
 * kind_number.c: the number question ("type: number"): a whole number from
 * "min" (default 0) to "max" (default none), scored by "bands" (the last
 * band whose min is reached counts). Typed: digits, and a minus sign where
 * min is negative. Model code: pure.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>

#include "lib/util.h"
#include "model/form_private.h"
#include "model/kind_private.h"

static const char *const number_keys[] = {"min", "max", "bands", NULL};
static const char *const band_keys[] = {"min", "points", NULL};

/* Compare bands by min, for qsort. */
static int
band_compare(const void *a, const void *b)
{
	const struct form_band *x = a, *y = b;
	return x->min < y->min ? -1 : x->min > y->min;
}

/* The bands of a number question, sorted by min. */
static void
load_bands(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
           const char *what)
{
	const struct ynode *list = form_map_get(qn, "bands");

	if (list == NULL) {
		form_missing(ld, qn, "bands", what);
		return;
	}
	if (list->kind != YN_SEQ || list->count == 0) {
		form_err(
		    ld, list,
		    "'bands' of %s must be a non-empty list of {min, points}, not %s",
		    what, list->kind == YN_SEQ ? "an empty list" : form_node_what(list));
		return;
	}
	q->bands = xcalloc(list->count, sizeof *q->bands);
	for (size_t i = 0; i < list->count; i++) {
		const struct ynode *bn = list->child[i];
		struct form_band *b = &q->bands[q->band_count];
		char *bwhat;
		int ok;

		if (!form_expect_map(ld, bn, "a band"))
			continue;
		bwhat = xasprintf("a band of %s", what);
		form_check_keys(ld, bn, band_keys, bwhat);
		ok = form_get_int(ld, bn, "min", 1, LONG_MIN, LONG_MAX, &b->min, bwhat);
		ok &= form_get_int_into(ld, bn, "points", 1, 0, INT_MAX / 1024,
		                        &b->points, bwhat);
		free(bwhat);
		if (!ok)
			continue;
		for (size_t j = 0; j < q->band_count; j++)
			if (q->bands[j].min == b->min) {
				form_err(ld, form_map_get(bn, "min"),
				         "two bands of %s start at %ld", what, b->min);
				ok = 0;
			}
		if (ok)
			q->band_count++;
	}
	qsort(q->bands, q->band_count, sizeof *q->bands, band_compare);
}

/* bands, and the range: min (default 0) and max (default none). */
static void
number_load(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
            const char *what)
{
	load_bands(ld, q, qn, what);
	q->number_min = 0;
	q->number_max = LONG_MAX;
	form_get_int(ld, qn, "min", 0, LONG_MIN, LONG_MAX, &q->number_min, what);
	if (form_get_int(ld, qn, "max", 0, LONG_MIN, LONG_MAX, &q->number_max, what) &&
	    q->number_max < q->number_min) {
		form_err(ld, form_map_get(qn, "max"),
		         "'max' of %s (%ld) is less than its 'min' (%ld)", what,
		         q->number_max, q->number_min);
		q->number_max = LONG_MAX;
	}
}

/* The best band's points. */
static int
number_max(const struct form_question *q)
{
	int max = 0;

	for (size_t i = 0; i < q->band_count; i++)
		if (q->bands[i].points > max)
			max = q->bands[i].points;
	return max;
}

static int
number_parse(const struct form_question *q, const char *value, struct answer *a,
             char **why)
{
	long n;

	if (!parse_long(value, &n)) {
		*why = kind_refusal(q, value, "ist keine ganze Zahl");
		return -1;
	}
	if (n < q->number_min || n > q->number_max) {
		*why = kind_refusal(q, value,
		                    n < q->number_min ? "ist zu klein" : "ist zu groß");
		return -1;
	}
	a->number = n;
	return 0;
}

static char *
number_expected(const struct form_question *q)
{
	if (q->number_max != LONG_MAX)
		return xasprintf("eine ganze Zahl von %ld bis %ld", q->number_min,
		                 q->number_max);
	if (q->number_min != LONG_MIN)
		return xasprintf("eine ganze Zahl ab %ld", q->number_min);
	return xstrdup("eine ganze Zahl");
}

static char *
number_format(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return xasprintf("%ld", a->number);
}

/* Bands are sorted by min: the last one with min <= value counts. */
static int
number_points(const struct form_question *q, const struct answer *a)
{
	int points = 0;

	for (size_t i = 0; i < q->band_count; i++)
		if (q->bands[i].min <= a->number)
			points = q->bands[i].points;
	return points;
}

static enum kind_input
number_input(const struct form_question *q)
{
	(void)q;
	return KIND_INPUT_TYPED;
}

/* Digits; a leading minus where the range goes below 0. */
static int
number_typeable(const struct form_question *q, uint32_t c, size_t pos)
{
	return kind_digit(c) || (c == '-' && pos == 0 && q->number_min < 0);
}

const struct question_kind kind_number = {
    .name = "number",
    .label = "Zahl",
    .keys = number_keys,
    .scored = 1,
    .cell = KIND_CELL_NUMBER,
    .load = number_load,
    .max_points = number_max,
    .parse = number_parse,
    .expected = number_expected,
    .format = number_format,
    .label_of = number_format,
    .points = number_points,
    .input = number_input,
    .typeable = number_typeable,
};
