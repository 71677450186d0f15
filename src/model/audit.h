/*
 * audit.h: saving an audit: the session's snapshot together with the summary
 * records that the listing (`list`, the start screen) shows without loading
 * the form: answered and shown questions, points and maximum (from
 * score_compute), Kommune, Datum and Art. The store (session_save) computes
 * nothing; this file is where scoring meets it. The command line and the
 * interview save through audit_save and audit_create, never through
 * session_save. Model code: never prints, never exits.
 */
#ifndef AUDIT_H
#define AUDIT_H

#include "model/session.h"

/*
 * audit_summary: the summary records of s into out (appended; clear it with
 * session_pairs_clear), in this order: summary.answered, summary.total
 * (shown questions of every type, as the interview counts them),
 * summary.points, summary.max (score_compute), summary.kommune,
 * summary.datum, summary.art. A later field is one more record here.
 */
void audit_summary(const struct session *s, struct session_pairs *out);

/* audit_save: session_save with audit_summary. 0, or -1 with *why (caller
 * frees); see session_save for what a failure leaves. */
int audit_save(struct session *s, char **why);

/* audit_create: session_create_file with audit_summary. 0, or -1 with *why. */
int audit_create(struct session *s, const char *dir, char **why);

#endif
