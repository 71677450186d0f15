/*
 * edition.c: carrying an audit over from one Prüfbogen edition to another
 * (see edition.h): the map of old questions onto new ones from the form's
 * `replaces:` entry or by equal id, the kind-table rule for what carries
 * over, one previous answer mapped into the current form, and check-form's
 * check of a mapping against the earlier edition. Linear in the number of
 * questions. Model code: never prints, never exits.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/answer.h"
#include "model/edition.h"
#include "model/kind.h"
#include "model/score.h"

const char *
edition_fate_name(enum edition_fate fate)
{
	static const char *const names[EDITION_FATE_COUNT] = {
	    [EDITION_SAME] = "gleich",
	    [EDITION_RENAMED] = "umbenannt",
	    [EDITION_MERGED] = "zusammengeführt",
	    [EDITION_RETIRED] = "entfallen",
	    [EDITION_UNMAPPED] = "nicht zugeordnet",
	    [EDITION_INCOMPATIBLE] = "nicht übertragbar",
	    [EDITION_NEW] = "neu",
	};
	return (unsigned)fate < EDITION_FATE_COUNT ? names[fate] : "?";
}

const char *
edition_fate_key(enum edition_fate fate)
{
	static const char *const keys[EDITION_FATE_COUNT] = {
	    [EDITION_SAME] = "same",         [EDITION_RENAMED] = "renamed",
	    [EDITION_MERGED] = "merged",     [EDITION_RETIRED] = "retired",
	    [EDITION_UNMAPPED] = "unmapped", [EDITION_INCOMPATIBLE] = "incompatible",
	    [EDITION_NEW] = "new",
	};
	return (unsigned)fate < EDITION_FATE_COUNT ? keys[fate] : "?";
}

/* Whether two strings are equal, NULL equal only to NULL. */
static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL ? strcmp(a, b) == 0 : a == b;
}

const struct form_replaced *
edition_declared(const struct form *cur, const char *form_id, const char *edition)
{
	for (size_t i = 0; cur != NULL && i < cur->replaced_count; i++)
		if (same(cur->replaced[i].form_id, form_id) &&
		    same(cur->replaced[i].edition, edition))
			return &cur->replaced[i];
	return NULL;
}

int
edition_carries(const struct form_question *from, const struct form_question *to)
{
	struct answer none = {0};

	if (from->type == to->type)
		return 1;
	if (kind_input(from) != KIND_INPUT_LIST || kind_list_multiple(from))
		return 0;
	for (int row = 0; row < kind_list_options(from); row++) {
		struct answer parsed = {0};
		char *value = kind_list_value(from, &none, row), *why = NULL;
		int ok = answer_parse(to, value, &parsed, &why) == 0;

		answer_clear(&parsed);
		free(value);
		free(why);
		if (!ok)
			return 0;
	}
	return 1;
}

/* Per cur question: whether the entry declares it new. Caller frees. */
static unsigned char *
declared_new(const struct form_replaced *r, size_t questions)
{
	unsigned char *flags = xcalloc(questions + 1, 1);

	for (size_t k = 0; r != NULL && k < r->mapping_count; k++)
		if (r->mappings[k].kind == FORM_MAPPING_NEW &&
		    (size_t)r->mappings[k].question < questions)
			flags[r->mappings[k].question] = 1;
	return flags;
}

/* Build the map of old onto cur through the entry declared (NULL: by id). */
static void
map_build(const struct form *old, const struct form *cur,
          const struct form_replaced *declared, struct edition_map *m)
{
	size_t nold = old->question_count, ncur = cur->question_count;
	int *last = xcalloc(ncur + 1, sizeof *last);
	unsigned char *is_new;

	memset(m, 0, sizeof *m);
	m->old = old;
	m->cur = cur;
	m->identical = same(old->id, cur->id) && same(old->edition, cur->edition);
	m->declared = declared;
	m->old_to_cur = xcalloc(nold + 1, sizeof *m->old_to_cur);
	m->old_fate = xcalloc(nold + 1, sizeof *m->old_fate);
	m->next_from = xcalloc(nold + 1, sizeof *m->next_from);
	m->cur_from = xcalloc(ncur + 1, sizeof *m->cur_from);
	m->cur_fate = xcalloc(ncur + 1, sizeof *m->cur_fate);
	is_new = declared_new(m->declared, ncur);
	for (size_t j = 0; j < ncur; j++) {
		m->cur_from[j] = -1;
		m->cur_fate[j] = EDITION_NEW;
	}
	for (size_t i = 0; i < nold; i++) {
		const struct form_question *oq = &old->questions[i];
		const struct form_mapping *mp =
		    m->declared != NULL ? form_replaced_find(m->declared, oq->full_id)
		                        : NULL;
		enum edition_fate fate = EDITION_UNMAPPED;
		int to = -1;

		m->next_from[i] = -1;
		if (mp != NULL && mp->kind == FORM_MAPPING_RETIRED) {
			fate = EDITION_RETIRED;
		} else if (mp != NULL) {
			fate = mp->kind == FORM_MAPPING_MERGED ? EDITION_MERGED
			                                       : EDITION_RENAMED;
			to = mp->question;
		} else {
			int j = form_find_question(cur, oq->full_id);
			/* an id the new edition declares new is another question */
			if (j >= 0 && !is_new[j]) {
				fate = EDITION_SAME;
				to = j;
			}
		}
		if (to >= 0 && !edition_carries(oq, &cur->questions[to]))
			fate = EDITION_INCOMPATIBLE;
		m->old_to_cur[i] = to;
		m->old_fate[i] = fate;
		m->count[fate]++;
		if (to < 0)
			continue;
		if (m->cur_from[to] < 0) {
			m->cur_from[to] = (int)i;
			m->cur_fate[to] = fate;
		} else {
			m->next_from[last[to]] = (int)i;
			if (m->cur_fate[to] != EDITION_INCOMPATIBLE)
				m->cur_fate[to] = fate == EDITION_INCOMPATIBLE
				                      ? EDITION_INCOMPATIBLE
				                      : EDITION_MERGED;
		}
		last[to] = (int)i;
	}
	for (size_t j = 0; j < ncur; j++)
		if (m->cur_from[j] < 0)
			m->count[EDITION_NEW]++;
	free(is_new);
	free(last);
}

void
edition_map_build(const struct form *old, const struct form *cur, struct edition_map *m)
{
	int identical = same(old->id, cur->id) && same(old->edition, cur->edition);

	map_build(old, cur,
	          identical ? NULL : edition_declared(cur, old->id, old->edition), m);
}

void
edition_map_free(struct edition_map *m)
{
	if (m == NULL)
		return;
	free(m->old_to_cur);
	free(m->old_fate);
	free(m->next_from);
	free(m->cur_from);
	free(m->cur_fate);
	memset(m, 0, sizeof *m);
}

int
edition_previous_value(const struct edition_map *m, const struct session *prev, size_t qi,
                       char **value, char **why)
{
	const struct form_question *cq = &m->cur->questions[qi];
	char *found = NULL;

	*value = NULL;
	for (int i = m->cur_from[qi]; i >= 0; i = m->next_from[i]) {
		const struct form_question *oq = &m->old->questions[i];
		const struct answer *a = &prev->items[i].answer;
		struct answer parsed = {0};
		char *v, *reason = NULL, *mapped;

		if (a->state == ANSWER_OPEN || !score_question_visible(prev, (size_t)i))
			continue;
		if (m->old_fate[i] == EDITION_INCOMPATIBLE) {
			*why = xasprintf("nicht übertragbar: Fragetyp %s statt %s",
			                 kind_label(cq), kind_label(oq));
			free(found);
			return -1;
		}
		v = answer_format(oq, a);
		if (answer_parse(cq, v, &parsed, &reason) != 0) {
			char *label = answer_display(oq, a);
			*why =
			    xasprintf("nicht übertragbar: „%s“ passt nicht zur Frage in "
			              "dieser Fassung (%s)",
			              label, reason);
			free(label);
			free(reason);
			free(v);
			free(found);
			return -1;
		}
		free(v);
		mapped = answer_format(cq, &parsed);
		answer_clear(&parsed);
		if (found != NULL && strcmp(found, mapped) != 0) {
			*why = xstrdup("nicht übertragbar: zusammengeführte Fragen mit "
			               "verschiedenen Antworten – bitte selbst wählen");
			free(found);
			free(mapped);
			return -1;
		}
		free(found);
		found = mapped;
	}
	if (found == NULL)
		return 0;
	*value = found;
	return 1;
}

char *
edition_summary(const struct edition_map *m)
{
	static const enum edition_fate listed[] = {
	    EDITION_RENAMED,  EDITION_MERGED,       EDITION_RETIRED,
	    EDITION_UNMAPPED, EDITION_INCOMPATIBLE, EDITION_NEW,
	};
	char *from, *to;
	struct buf b = {0};
	int any = 0;

	if (m->identical)
		return NULL;
	from = date_display(m->old->edition);
	to = date_display(m->cur->edition);
	if (same(m->old->id, m->cur->id))
		buf_printf(&b, "Prüfbogen %s → %s", from ? from : "?", to ? to : "?");
	else
		buf_printf(&b, "Prüfbogen %s %s → %s %s", m->old->id, from ? from : "?",
		           m->cur->id, to ? to : "?");
	free(from);
	free(to);
	if (m->declared == NULL)
		buf_adds(&b, " (nicht im Prüfbogen genannt, zugeordnet nach gleicher "
		             "Frage-ID)");
	buf_adds(&b, ":");
	for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++) {
		if (m->count[listed[i]] == 0)
			continue;
		buf_printf(&b, "%s %zu %s", any ? "," : "", m->count[listed[i]],
		           edition_fate_name(listed[i]));
		any = 1;
	}
	if (!any)
		buf_adds(&b, " alle Fragen gleich");
	return buf_steal(&b);
}

/* ---- check-form ---- */

/* Errors of one check, sorted before they are handed on. */
struct check {
	const struct form *cur;
	struct form_error *items;
	size_t count;
};

/* Add an error at line/column of cur's file. */
static void __attribute__((format(printf, 4, 5)))
check_err(struct check *c, int line, int column, const char *fmt, ...)
{
	va_list ap;
	struct form_error *e;

	if (c->count == 0 || (c->count & (c->count - 1)) == 0)
		c->items = xreallocarray(c->items, c->count ? 2 * c->count : 1,
		                         sizeof *c->items);
	e = &c->items[c->count++];
	va_start(ap, fmt);
	e->message = xvasprintf(fmt, ap);
	va_end(ap);
	e->file = xstrdup(c->cur->name != NULL ? c->cur->name : "?");
	e->line = line;
	e->column = column;
}

/* qsort order of errors: by position, then as found (stable by message). */
static int
error_position_cmp(const void *a, const void *b)
{
	const struct form_error *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return strcmp(x->message, y->message);
}

size_t
edition_check(const struct form *cur, size_t r, const struct form *old,
              struct form_errors *errors)
{
	const struct form_replaced *rep = &cur->replaced[r];
	struct check c = {.cur = cur};
	struct edition_map m;
	const char *ed = rep->edition;
	size_t *takers = xcalloc(cur->question_count + 1, sizeof *takers);
	unsigned char *is_new = declared_new(rep, cur->question_count);

	map_build(old, cur, rep, &m);
	for (size_t k = 0; k < rep->mapping_count; k++) {
		const struct form_mapping *mp = &rep->mappings[k];
		int oi;

		if (mp->old_id == NULL)
			continue;
		oi = form_find_question(old, mp->old_id);
		if (oi < 0) {
			check_err(&c, mp->line, mp->column,
			          "'%s' is not a question of edition %s (%s)", mp->old_id,
			          ed, old->name != NULL ? old->name : "?");
			continue;
		}
		if (mp->question >= 0 &&
		    !edition_carries(&old->questions[oi], &cur->questions[mp->question]))
			check_err(
			    &c, mp->line, mp->column,
			    "'%s' (%s) cannot carry its answers over to '%s' (%s): "
			    "list it under retired: and the new question under new:",
			    mp->old_id, form_type_name(old->questions[oi].type),
			    cur->questions[mp->question].full_id,
			    form_type_name(cur->questions[mp->question].type));
	}
	for (size_t i = 0; i < old->question_count; i++) {
		const struct form_question *oq = &old->questions[i];
		int j = form_find_question(cur, oq->full_id);

		if (m.old_to_cur[i] >= 0)
			takers[m.old_to_cur[i]]++;
		if (form_replaced_find(rep, oq->full_id) != NULL)
			continue; /* listed: checked above */
		if (j < 0)
			check_err(
			    &c, rep->line, rep->column,
			    "question '%s' of edition %s is not in this form: list it "
			    "under renamed:, merged: or retired:",
			    oq->full_id, ed);
		else if (m.old_fate[i] == EDITION_UNMAPPED)
			check_err(&c, cur->questions[j].line, cur->questions[j].column,
			          "'%s' is declared new:, but edition %s has a question "
			          "'%s': list that one under retired: too",
			          oq->full_id, ed, oq->full_id);
		else if (m.old_fate[i] == EDITION_INCOMPATIBLE)
			check_err(
			    &c, cur->questions[j].line, cur->questions[j].column,
			    "'%s' keeps its id but is %s instead of %s, which cannot "
			    "take its answers: list it under retired: and new:",
			    oq->full_id, form_type_name(cur->questions[j].type),
			    form_type_name(oq->type));
	}
	for (size_t j = 0; j < cur->question_count; j++) {
		const struct form_question *q = &cur->questions[j];
		if (takers[j] == 0 && !is_new[j])
			check_err(
			    &c, q->line, q->column,
			    "question '%s' is not in edition %s: list it under new: "
			    "(or as the target of renamed:)",
			    q->full_id, ed);
		if (takers[j] > 1) {
			int all_merged = 1;
			for (int i = m.cur_from[j]; i >= 0; i = m.next_from[i])
				all_merged &= m.old_fate[i] == EDITION_MERGED;
			if (!all_merged)
				check_err(
				    &c, q->line, q->column,
				    "%zu questions of edition %s become '%s' (one keeps "
				    "its id): list them under merged: if that is meant",
				    takers[j], ed, q->full_id);
		}
	}
	if (c.count > 1) /* items is NULL without an error: qsort must not see it */
		qsort(c.items, c.count, sizeof *c.items, error_position_cmp);
	if (c.count > 0) {
		/* the loader grows the list at powers of two (form.c): keep its
		 * capacity one */
		size_t cap = 1;
		while (cap < errors->count + c.count)
			cap *= 2;
		errors->items = xreallocarray(errors->items, cap, sizeof *errors->items);
	}
	for (size_t i = 0; i < c.count; i++)
		errors->items[errors->count++] = c.items[i];
	free(c.items);
	free(is_new);
	free(takers);
	edition_map_free(&m);
	return c.count;
}
