/*
 * kind_scale.c: the scale question ("type: scale"): a value 0 … "max" that
 * is also its points, with optional "labels" (one per value). Up to 9 the
 * values are a list (picked with the digit of the value), above they are
 * typed. Model code: pure.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/form_private.h"
#include "model/kind_private.h"

/* The largest scale answered from a list (one digit per value). */
#define SCALE_LIST_MAX 9

static const char *const scale_keys[] = {"max", "labels", NULL};

/* max (1 … 100) and optional labels, one for each value 0 … max. */
static void
scale_load(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
           const char *what)
{
	const struct ynode *labels = form_map_get(qn, "labels");

	if (!form_get_int_into(ld, qn, "max", 1, 1, 100, &q->scale_max, what))
		return;
	if (labels == NULL)
		return;
	if (labels->kind != YN_SEQ) {
		form_err(ld, labels, "'labels' of %s must be a list, not %s", what,
		         form_node_what(labels));
		return;
	}
	if (labels->count != (size_t)q->scale_max + 1) {
		form_err(
		    ld, labels,
		    "'labels' of %s needs %d entries (one for each value 0..%d), not "
		    "%zu",
		    what, q->scale_max + 1, q->scale_max, labels->count);
		return;
	}
	q->scale_labels = xcalloc(labels->count, sizeof *q->scale_labels);
	q->scale_label_count = labels->count;
	for (size_t i = 0; i < labels->count; i++) {
		const struct ynode *l = labels->child[i];
		if (l->kind != YN_SCALAR || form_is_null(l))
			form_err(ld, l, "label %zu of %s must be text, not %s", i, what,
			         form_node_what(l));
		q->scale_labels[i] = xstrdup(l->kind == YN_SCALAR ? l->text : "");
	}
}

static int
scale_max(const struct form_question *q)
{
	return q->scale_max;
}

static int
scale_parse(const struct form_question *q, const char *value, struct answer *a,
            char **why)
{
	long n;

	if (!parse_long(value, &n) || n < 0 || n > q->scale_max) {
		*why = kind_refusal(q, value, "passt nicht");
		return -1;
	}
	a->number = n;
	return 0;
}

static char *
scale_expected(const struct form_question *q)
{
	return xasprintf("eine ganze Zahl von 0 bis %d", q->scale_max);
}

static char *
scale_format(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return xasprintf("%ld", a->number);
}

/* "3 (gut)" with labels, else "3 von 5". */
static char *
scale_label(const struct form_question *q, const struct answer *a)
{
	if (q->scale_labels != NULL && a->number >= 0 &&
	    (size_t)a->number < q->scale_label_count)
		return xasprintf("%ld (%s)", a->number, q->scale_labels[a->number]);
	return xasprintf("%ld von %d", a->number, q->scale_max);
}

/* The value is the points (kept inside 0 … max). */
static int
scale_points(const struct form_question *q, const struct answer *a)
{
	if (a->number < 0)
		return 0;
	return a->number > q->scale_max ? q->scale_max : (int)a->number;
}

static enum kind_input
scale_input(const struct form_question *q)
{
	return q->scale_max <= SCALE_LIST_MAX ? KIND_INPUT_LIST : KIND_INPUT_TYPED;
}

static int
scale_typeable(const struct form_question *q, uint32_t c, size_t pos)
{
	(void)q;
	(void)pos;
	return kind_digit(c);
}

static int
scale_rows(const struct form_question *q)
{
	return q->scale_max + 1;
}

static const char *
scale_row_label(const struct form_question *q, int row)
{
	return q->scale_labels != NULL && (size_t)row < q->scale_label_count
	           ? q->scale_labels[row]
	           : "";
}

static char *
scale_row_value(const struct form_question *q, const struct answer *a, int row)
{
	(void)q;
	(void)a;
	return xasprintf("%d", row);
}

static int
scale_row(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return (int)a->number;
}

const struct question_kind kind_scale = {
    .name = "scale",
    .label = "Skala",
    .keys = scale_keys,
    .scored = 1,
    .load = scale_load,
    .max_points = scale_max,
    .parse = scale_parse,
    .expected = scale_expected,
    .format = scale_format,
    .label_of = scale_label,
    .points = scale_points,
    .input = scale_input,
    .typeable = scale_typeable,
    .list_first_digit = 0,
    .list_na_row = 1,
    .list_rows = scale_rows,
    .list_label = scale_row_label,
    .list_value = scale_row_value,
    .list_row = scale_row,
};
