/*
 * kind_yesno.c: the yes/no question ("type: yesno"): "points" for ja, the
 * values ja/nein, answered from a two-row list (j/n). Model code: pure.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/form_private.h"
#include "model/kind_private.h"

static const char *const yesno_keys[] = {"points", NULL};

/* points: required, what ja earns. */
static void
yesno_load(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
           const char *what)
{
	form_get_int_into(ld, qn, "points", 1, 0, INT_MAX / 1024, &q->points, what);
}

static int
yesno_max(const struct form_question *q)
{
	return q->points;
}

static int
yesno_parse(const struct form_question *q, const char *value, struct answer *a,
            char **why)
{
	char *shown;

	if (strcmp(value, "ja") == 0 || strcmp(value, "nein") == 0) {
		a->number = value[0] == 'j';
		return 0;
	}
	shown = kind_echo(value);
	*why = xasprintf("bitte „ja“%s „nein“%s angeben, nicht „%s“",
	                 q->na_allowed ? "," : " oder",
	                 q->na_allowed ? " oder „entfaellt“" : "", shown);
	free(shown);
	return -1;
}

static char *
yesno_expected(const struct form_question *q)
{
	(void)q;
	return xstrdup("„ja“ oder „nein“");
}

static char *
yesno_format(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return xstrdup(a->number ? "ja" : "nein");
}

static char *
yesno_label(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return xstrdup(a->number ? "Ja" : "Nein");
}

static int
yesno_points(const struct form_question *q, const struct answer *a)
{
	return a->number ? q->points : 0;
}

static enum kind_input
yesno_input(const struct form_question *q)
{
	(void)q;
	return KIND_INPUT_LIST;
}

static int
yesno_rows(const struct form_question *q)
{
	(void)q;
	return 2;
}

static const char *
yesno_row_label(const struct form_question *q, int row)
{
	(void)q;
	return row == 0 ? "Ja" : "Nein";
}

static char *
yesno_row_value(const struct form_question *q, const struct answer *a, int row)
{
	(void)q;
	(void)a;
	return xstrdup(row == 0 ? "ja" : "nein");
}

static int
yesno_row(const struct form_question *q, const struct answer *a)
{
	(void)q;
	return a->number ? 0 : 1;
}

const struct question_kind kind_yesno = {
    .name = "yesno",
    .label = "Ja/Nein",
    .keys = yesno_keys,
    .scored = 1,
    .load = yesno_load,
    .max_points = yesno_max,
    .parse = yesno_parse,
    .expected = yesno_expected,
    .format = yesno_format,
    .label_of = yesno_label,
    .points = yesno_points,
    .input = yesno_input,
    .list_first_digit = 1,
    .list_na_row = 1,
    .list_rows = yesno_rows,
    .list_label = yesno_row_label,
    .list_value = yesno_row_value,
    .list_row = yesno_row,
};
