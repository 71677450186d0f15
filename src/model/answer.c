/*
 * answer.c: one answer to one question: parsing the `set` value syntax,
 * the canonical value text, the label a person reads, and its points.
 * Pure functions over struct form_question: no I/O, no printing.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model/answer.h"
#include "lib/date.h"
#include "lib/util.h"

/* Longest piece of a refused value repeated in a message, in characters. */
#define ECHO_MAX 16

/* The canonical value of an "entfällt" answer. */
#define ANSWER_NA_VALUE "entfaellt"

/* Is value the "entfällt" keyword (ASCII or with umlaut)? */
static int
is_na_value(const char *value)
{
	return strcmp(value, ANSWER_NA_VALUE) == 0 || strcmp(value, "entfällt") == 0;
}

/* The option ids of q as "a, b, c" for messages (caller frees). */
static char *
option_list(const struct form_question *q)
{
	struct buf b = {0};
	buf_adds(&b, "");
	for (size_t i = 0; i < q->option_count; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", q->options[i].id);
	return buf_steal(&b);
}

/* Parse a comma-separated list of option ids into a bit mask; 0 or -1 (*why). */
static int
parse_multi(const struct form_question *q, const char *value, uint64_t *mask, char **why)
{
	const char *p = value;
	uint64_t chosen = 0;

	while (*p == ' ')
		p++;
	if (*p == '\0') {
		*mask = 0;
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
			char *list = option_list(q);
			*why = xasprintf("„%s“ ist keine Option (Optionen: %s; mehrere "
			                 "mit Komma trennen)",
			                 id, list);
			free(list);
			free(id);
			return -1;
		}
		if (chosen & (UINT64_C(1) << o)) {
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
	*mask = chosen;
	return 0;
}

/* value shortened to ECHO_MAX characters for a message (caller frees). */
static char *
echo_value(const char *value)
{
	size_t n = 0, chars = 0;

	while (value[n] != '\0' && chars < ECHO_MAX) {
		n++;
		while (((unsigned char)value[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	if (value[n] == '\0')
		return xstrdup(value);
	return xasprintf("%.*s…", (int)n, value);
}

char *
answer_expected(const struct form_question *q)
{
	char *list;

	switch (q->type) {
	case QUESTION_YESNO:
		return xstrdup("„ja“ oder „nein“");
	case QUESTION_CHOICE:
	case QUESTION_MULTI:
		list = option_list(q);
		{
			char *s = xasprintf(q->type == QUESTION_CHOICE
			                        ? "eine Option (%s)"
			                        : "Optionen, mit Komma getrennt (%s)",
			                    list);
			free(list);
			return s;
		}
	case QUESTION_NUMBER:
		if (q->number_max != LONG_MAX)
			return xasprintf("eine ganze Zahl von %ld bis %ld", q->number_min,
			                 q->number_max);
		if (q->number_min != LONG_MIN)
			return xasprintf("eine ganze Zahl ab %ld", q->number_min);
		return xstrdup("eine ganze Zahl");
	case QUESTION_SCALE:
		return xasprintf("eine ganze Zahl von 0 bis %d", q->scale_max);
	case QUESTION_DATE:
		return xstrdup("ein Datum (TT.MM.JJJJ)");
	case QUESTION_TEXT:
		return xstrdup("einen Text");
	}
	return xstrdup("");
}

/* "„VALUE“ passt nicht – bitte EXPECTED eingeben" (caller frees). */
static char *
expected_message(const struct form_question *q, const char *value, const char *what)
{
	char *shown = echo_value(value), *expected = answer_expected(q), *m;

	m = xasprintf("„%s“ %s – bitte %s eingeben", shown, what, expected);
	free(shown);
	free(expected);
	return m;
}

int
answer_parse(const struct form_question *q, const char *value, struct answer *out,
             char **why)
{
	struct answer a = {ANSWER_GIVEN, 0, 0, NULL};
	char iso[11];
	long n;
	int o;

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
	switch (q->type) {
	case QUESTION_YESNO:
		if (strcmp(value, "ja") == 0)
			a.number = 1;
		else if (strcmp(value, "nein") == 0)
			a.number = 0;
		else {
			char *shown = echo_value(value);
			*why = xasprintf("bitte „ja“%s „nein“%s angeben, nicht „%s“",
			                 q->na_allowed ? "," : " oder",
			                 q->na_allowed ? " oder „entfaellt“" : "", shown);
			free(shown);
			return -1;
		}
		break;
	case QUESTION_CHOICE:
		if ((o = form_find_option(q, value)) < 0) {
			char *list = option_list(q), *shown = echo_value(value);
			*why = xasprintf("„%s“ ist keine Option (Optionen: %s%s)", shown,
			                 list, q->na_allowed ? ", entfaellt" : "");
			free(shown);
			free(list);
			return -1;
		}
		a.number = o;
		break;
	case QUESTION_MULTI:
		if (parse_multi(q, value, &a.chosen, why) != 0)
			return -1;
		break;
	case QUESTION_NUMBER:
		if (!parse_long(value, &n)) {
			*why = expected_message(q, value, "ist keine ganze Zahl");
			return -1;
		}
		if (n < q->number_min || n > q->number_max) {
			*why = expected_message(
			    q, value, n < q->number_min ? "ist zu klein" : "ist zu groß");
			return -1;
		}
		a.number = n;
		break;
	case QUESTION_SCALE:
		if (!parse_long(value, &n) || n < 0 || n > q->scale_max) {
			*why = expected_message(q, value, "passt nicht");
			return -1;
		}
		a.number = n;
		break;
	case QUESTION_DATE:
		if (date_parse(value, iso, why) != 0)
			return -1;
		a.text = xstrdup(iso);
		break;
	case QUESTION_TEXT:
		a.text = xstrdup(value);
		break;
	}
	*out = a;
	return 0;
}

char *
answer_format(const struct form_question *q, const struct answer *a)
{
	struct buf b = {0};

	if (a->state == ANSWER_OPEN)
		return NULL;
	if (a->state == ANSWER_NA)
		return xstrdup(ANSWER_NA_VALUE);
	switch (q->type) {
	case QUESTION_YESNO:
		return xstrdup(a->number ? "ja" : "nein");
	case QUESTION_CHOICE:
		if (a->number >= 0 && (size_t)a->number < q->option_count)
			return xstrdup(q->options[a->number].id);
		return xstrdup("");
	case QUESTION_MULTI:
		buf_adds(&b, "");
		for (size_t i = 0; i < q->option_count && i < FORM_MULTI_MAX_OPTIONS; i++)
			if (a->chosen & (UINT64_C(1) << i))
				buf_printf(&b, "%s%s", b.len ? "," : "",
				           q->options[i].id);
		return buf_steal(&b);
	case QUESTION_NUMBER:
	case QUESTION_SCALE:
		return xasprintf("%ld", a->number);
	case QUESTION_TEXT:
	case QUESTION_DATE:
		return xstrdup(a->text ? a->text : "");
	}
	return xstrdup("");
}

char *
answer_label(const struct form_question *q, const struct answer *a)
{
	struct buf b = {0};

	if (a->state == ANSWER_OPEN)
		return xstrdup("offen");
	if (a->state == ANSWER_NA)
		return xstrdup("entfällt");
	switch (q->type) {
	case QUESTION_YESNO:
		return xstrdup(a->number ? "Ja" : "Nein");
	case QUESTION_CHOICE:
		if (a->number >= 0 && (size_t)a->number < q->option_count)
			return xstrdup(q->options[a->number].label);
		return xstrdup("?");
	case QUESTION_MULTI:
		buf_adds(&b, "");
		for (size_t i = 0; i < q->option_count && i < FORM_MULTI_MAX_OPTIONS; i++)
			if (a->chosen & (UINT64_C(1) << i))
				buf_printf(&b, "%s%s", b.len ? ", " : "",
				           q->options[i].label);
		if (b.len == 0)
			buf_adds(&b, "keine Auswahl");
		return buf_steal(&b);
	case QUESTION_NUMBER:
		return xasprintf("%ld", a->number);
	case QUESTION_SCALE:
		if (q->scale_labels != NULL && a->number >= 0 &&
		    (size_t)a->number < q->scale_label_count)
			return xasprintf("%ld (%s)", a->number,
			                 q->scale_labels[a->number]);
		return xasprintf("%ld von %d", a->number, q->scale_max);
	case QUESTION_TEXT:
	case QUESTION_DATE:
		return xstrdup(a->text ? a->text : "");
	}
	return xstrdup("?");
}

int
answer_points(const struct form_question *q, const struct answer *a)
{
	int points = 0;

	if (a->state != ANSWER_GIVEN)
		return 0;
	switch (q->type) {
	case QUESTION_YESNO:
		return a->number ? q->points : 0;
	case QUESTION_CHOICE:
		if (a->number >= 0 && (size_t)a->number < q->option_count)
			return q->options[a->number].points;
		return 0;
	case QUESTION_MULTI:
		for (size_t i = 0; i < q->option_count && i < FORM_MULTI_MAX_OPTIONS; i++)
			if (a->chosen & (UINT64_C(1) << i))
				points += q->options[i].points;
		if (q->multi_cap >= 0 && points > q->multi_cap)
			points = q->multi_cap;
		return points;
	case QUESTION_NUMBER:
		/* bands are sorted by min: the last one with min <= value counts */
		for (size_t i = 0; i < q->band_count; i++)
			if (q->bands[i].min <= a->number)
				points = q->bands[i].points;
		return points;
	case QUESTION_SCALE:
		if (a->number < 0)
			return 0;
		return a->number > q->scale_max ? q->scale_max : (int)a->number;
	case QUESTION_TEXT:
	case QUESTION_DATE:
		return 0;
	}
	return 0;
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
