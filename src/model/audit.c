/*
 * audit.c: the summary records of a snapshot and the two ways to save an
 * audit (see audit.h); errno is kept for the caller as session_save left
 * it. Model code: never prints, never exits.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib/util.h"
#include "model/audit.h"
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
	score_result_free(&r);
	session_pairs_add(out, "summary.kommune", s->meta.kommune ? s->meta.kommune : "");
	session_pairs_add(out, "summary.datum", s->meta.datum ? s->meta.datum : "");
	session_pairs_add(out, "summary.art", vocab_art.items[s->meta.kind].value);
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
