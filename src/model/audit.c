/*
 * audit.c: the summary records of a snapshot and the two ways to save an
 * audit (see audit.h); errno is kept for the caller as session_save left
 * it. Model code: never prints, never exits.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/history.h"
#include "model/interview.h"
#include "model/register.h"
#include "model/score.h"
#include "model/vocab.h"

/* Append key with the integer value. */
static void
add_number(struct session_pairs *out, const char *key, long value)
{
	char number[32];

	snprintf(number, sizeof number, "%ld", value);
	session_pairs_add(out, key, number);
}

/*
 * The result of the audit as the register shows it: open while the score is
 * provisional (a shown, scored question is unanswered), else passed or not.
 * The one place that decides it for every saved session.
 */
static enum register_verdict
audit_verdict(const struct score_result *r)
{
	if (r->provisional)
		return REGISTER_VERDICT_OPEN;
	return r->passed ? REGISTER_VERDICT_PASSED : REGISTER_VERDICT_FAILED;
}

/* Characters of a question's text in an evidence record: the label stays one
 * line on the register's sheet Termine. */
#define EVIDENCE_TEXT_CHARS 50

/* The records the register reads (see audit.h), from the score r of s. */
static void
register_records(const struct session *s, const struct score_result *r,
                 struct session_pairs *out)
{
	enum register_verdict verdict = audit_verdict(r);
	const struct form *f = s->form;
	size_t n = 0;

	session_pairs_add(out, "summary.verdict", register_verdict_label(verdict));
	session_pairs_add(out, "summary.valid_until",
	                  verdict == REGISTER_VERDICT_PASSED ? r->valid_until : "");
	add_number(out, "summary.validity_first", f->validity_first);
	add_number(out, "summary.validity_renewal", f->validity_renewal);
	for (size_t i = 0; i < f->section_count && i < r->section_count; i++) {
		char *key = xasprintf("summary.section.%zu", i + 1);
		char *value = xasprintf("%d %d %s", r->sections[i].points,
		                        r->sections[i].max, f->sections[i].title);
		session_pairs_add(out, key, value);
		free(key);
		free(value);
	}
	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct session_item *it = &s->items[qi];
		char *key, *value, *number, *line, *text;

		if (it->evidence != EVIDENCE_DUE || it->evidence_due == NULL ||
		    it->evidence_due[0] == '\0')
			continue;
		number = interview_number(f, qi);
		line = utf8_sanitize(f->questions[qi].text, strlen(f->questions[qi].text),
		                     UTF8_ONE_LINE);
		text = utf8_shorten(line, EVIDENCE_TEXT_CHARS);
		key = xasprintf("summary.evidence.%zu", ++n);
		value = xasprintf("%s %s %s %s", it->evidence_due,
		                  f->questions[qi].full_id, number, text);
		session_pairs_add(out, key, value);
		free(number);
		free(line);
		free(text);
		free(key);
		free(value);
	}
}

void
audit_summary(const struct session *s, struct session_pairs *out)
{
	struct score_result r;
	long answered = 0, total = 0;

	/* shown questions of every type, as the interview header counts them */
	for (size_t i = 0; i < s->form->question_count; i++) {
		if (!score_question_visible(s, i))
			continue;
		total++;
		if (s->items[i].answer.state != ANSWER_OPEN)
			answered++;
	}
	memset(&r, 0, sizeof r);
	score_compute(s, &r);
	add_number(out, "summary.answered", answered);
	add_number(out, "summary.total", total);
	add_number(out, "summary.points", r.total);
	add_number(out, "summary.max", r.max);
	session_pairs_add(out, "summary.kommune", s->meta.kommune ? s->meta.kommune : "");
	session_pairs_add(out, "summary.datum", s->meta.datum ? s->meta.datum : "");
	session_pairs_add(out, "summary.art", vocab_art.items[s->meta.kind].value);
	register_records(s, &r, out);
	score_result_free(&r);
}

int
audit_save(struct session *s, char **why)
{
	struct session_pairs summary = {0};
	int rc, saved;

	audit_summary(s, &summary);
	rc = session_save(s, &summary, why);
	saved = errno; /* callers read errno (EEXIST, EBUSY …) */
	session_pairs_clear(&summary);
	errno = saved;
	return rc;
}

int
audit_create(struct session *s, const char *dir, char **why)
{
	struct session_pairs summary = {0};
	int rc, saved;

	audit_summary(s, &summary);
	rc = session_create_file(s, dir, &summary, why);
	saved = errno;
	session_pairs_clear(&summary);
	errno = saved;
	return rc;
}

int
audit_provisional(const struct session *s, const struct score_result *r)
{
	return r->provisional || session_phase(s) != PHASE_CLOSED;
}
