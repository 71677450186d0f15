/*
 * town.c: what the interview, the review and the workbook ask of the
 * town's statements (model/town.h): the statement as a person reads it,
 * whether the auditor's answer differs from it, what is not yet verified,
 * and taking an answer or a proposed goal over into the auditor's records,
 * always through session_change. Reads the layer kept by session_town.c.
 * Model code: never prints, never exits, never saves.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/history.h"
#include "model/town.h"
#include "model/vocab.h"

/* Whether text holds anything but blanks. */
static int
filled(const char *text)
{
	return text != NULL && text[strspn(text, " \t\r\n")] != '\0';
}

/* The town's statement on qi (qi must be in range). */
static const struct town_item *
item(const struct session *s, size_t qi)
{
	return &s->town->items[qi];
}

static int
valid(const struct session *s, size_t qi)
{
	return s != NULL && s->town != NULL && qi < s->form->question_count;
}

int
town_any(const struct session *s)
{
	const struct session_town *t;
	size_t goals;

	if (s == NULL || s->town == NULL)
		return 0;
	t = s->town;
	for (size_t qi = 0; qi < s->form->question_count; qi++)
		if (town_has_statement(s, qi))
			return 1;
	for (size_t i = 0; i < vocab_meta.count; i++)
		if (t->meta[i] != NULL)
			return 1;
	goals = s->form->goal_count > 0 ? (size_t)s->form->goal_count : 0;
	for (size_t g = 0; g < goals; g++)
		if (town_goal_proposed(s, g) || town_prevgoal_state(s, g) != NULL)
			return 1;
	return t->participant_count > 0;
}

int
town_has_statement(const struct session *s, size_t qi)
{
	if (!valid(s, qi))
		return 0;
	return item(s, qi)->answer.state != ANSWER_OPEN || filled(item(s, qi)->text) ||
	       filled(item(s, qi)->evidence);
}

char *
town_statement(const struct session *s, size_t qi)
{
	const struct town_item *it;
	struct buf b = {0};

	if (!town_has_statement(s, qi))
		return NULL;
	it = item(s, qi);
	if (it->answer.state != ANSWER_OPEN) {
		char *shown = answer_display(&s->form->questions[qi], &it->answer);
		buf_adds(&b, shown);
		free(shown);
	} else {
		buf_adds(&b, "keine Angabe");
	}
	if (filled(it->text))
		buf_printf(&b, " – %s", it->text);
	if (filled(it->evidence))
		buf_printf(&b, ", Nachweis: %s", it->evidence);
	return buf_steal(&b);
}

/* Whether two answers to q are the same (their canonical values). */
static int
same_answer(const struct form_question *q, const struct answer *a, const struct answer *b)
{
	char *x = answer_format(q, a), *y = answer_format(q, b);
	int same =
	    (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);

	free(x);
	free(y);
	return same;
}

int
town_differs(const struct session *s, size_t qi)
{
	const struct answer *mine;

	if (!valid(s, qi))
		return 0;
	mine = &s->items[qi].answer;
	if (item(s, qi)->answer.state == ANSWER_OPEN || mine->state == ANSWER_OPEN)
		return 0;
	return !same_answer(&s->form->questions[qi], mine, &item(s, qi)->answer);
}

unsigned
town_unverified(const struct session *s, size_t qi)
{
	unsigned flags = 0;

	if (!valid(s, qi))
		return 0;
	if (item(s, qi)->answer.state != ANSWER_OPEN &&
	    s->items[qi].answer.state == ANSWER_OPEN)
		flags |= TOWN_UNVERIFIED_ANSWER;
	if (filled(item(s, qi)->evidence) && s->items[qi].evidence == EVIDENCE_NONE)
		flags |= TOWN_UNVERIFIED_EVIDENCE;
	return flags;
}

int
town_take_answer(struct session *s, size_t qi, char **why)
{
	const struct form_question *q;
	char *value;
	int rc;

	if (!valid(s, qi) || item(s, qi)->answer.state == ANSWER_OPEN) {
		*why = xstrdup("Die Kommune hat zu dieser Frage keine Antwort angegeben");
		return -1;
	}
	q = &s->form->questions[qi];
	if (s->items[qi].answer.state != ANSWER_OPEN &&
	    same_answer(q, &s->items[qi].answer, &item(s, qi)->answer))
		return 1;
	value = answer_format(q, &item(s, qi)->answer);
	rc = session_change(s, q->full_id, value, why);
	free(value);
	return rc;
}

/* The number of goals of s's form. */
static size_t
goal_count(const struct session *s)
{
	return s->form->goal_count > 0 ? (size_t)s->form->goal_count : 0;
}

const char *
town_goal_field(const struct session *s, size_t goal, size_t field)
{
	if (s == NULL || s->town == NULL || goal >= goal_count(s) ||
	    field >= vocab_goal.count)
		return NULL;
	return s->town->goals[goal * vocab_goal.count + field];
}

int
town_goal_proposed(const struct session *s, size_t goal)
{
	for (size_t k = 0; k < vocab_goal.count; k++)
		if (filled(town_goal_field(s, goal, k)))
			return 1;
	return 0;
}

int
town_take_goal(struct session *s, size_t goal, char **why)
{
	if (!town_goal_proposed(s, goal)) {
		*why = xasprintf("Die Kommune hat kein Ziel %zu vorgeschlagen", goal + 1);
		return -1;
	}
	/* the town's fields passed the same vocabulary's validation when they
	 * were set, so none of these changes is refused; one change of the
	 * history, so that one undo reverts it */
	session_change_begin(s);
	for (size_t k = 0; k < vocab_goal.count; k++) {
		char *key = xasprintf("goal.%zu.%s", goal + 1, vocab_goal.fields[k].key);
		const char *v = town_goal_field(s, goal, k);
		int rc = session_change(s, key, filled(v) ? v : NULL, why);
		free(key);
		if (rc != 0) {
			session_change_end(s);
			return -1;
		}
	}
	session_change_end(s);
	return 0;
}

const char *
town_prevgoal_state(const struct session *s, size_t goal)
{
	if (s == NULL || s->town == NULL || goal >= goal_count(s))
		return NULL;
	return s->town->prevgoals[goal * vocab_town_prevgoal.count];
}

const char *
town_import_value(const struct session *s, const char *key)
{
	int i = vocab_find(&vocab_town_import, key);

	if (s == NULL || s->town == NULL || i < 0)
		return NULL;
	return s->town->import[i];
}
