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

#include "model/score.h"
#include "model/session.h"

/*
 * audit_provisional: whether the result of s (scored as r) is still
 * provisional for people: a scored question is open (r->provisional), or
 * the audit is not abgeschlossen (its points are fixed in the Auswertung
 * and communicated after it). The workbook's VORLÄUFIG and the result
 * screen ask this; the register's verdict counts open questions only.
 */
int audit_provisional(const struct session *s, const struct score_result *r);

/*
 * audit_summary: the summary records of s into out (appended; clear it with
 * session_pairs_clear), in this order: summary.answered, summary.total
 * (shown questions of every type, as the interview counts them),
 * summary.points, summary.max (score_compute), summary.kommune,
 * summary.datum, summary.art; then what the register needs that only the
 * form can tell (model/register_read.h reads them):
 *   summary.verdict        the Ergebnis, register_verdict_label: "offen"
 *                          while the score is provisional (a shown, scored
 *                          question is unanswered), else "bestanden" or
 *                          "nicht bestanden"
 *   summary.valid_until    YYYY-MM-DD when bestanden (score_compute), else ""
 *   summary.validity_first, summary.validity_renewal
 *                          the form's validity years (decimal)
 *   summary.section.N      per Handlungsfeld in form order (N = 1, 2, …):
 *                          "POINTS MAX TITLE", two decimal integers and the
 *                          title, each separated by one space (the title is
 *                          the rest of the value)
 *   summary.evidence.N     per evidence "nachzureichen" with a due date, in
 *                          form order: "DUE ID NUMBER TEXT", the due date
 *                          YYYY-MM-DD, the question's full id, its number
 *                          ("2.3") and its text on one line, cut after 50
 *                          characters with "…" (the rest of the value)
 * A later field is one more record here.
 */
void audit_summary(const struct session *s, struct session_pairs *out);

/* audit_save: session_save with audit_summary. 0, or -1 with *why (caller
 * frees); see session_save for what a failure leaves. */
int audit_save(struct session *s, char **why);

/* audit_create: session_create_file with audit_summary. 0, or -1 with *why. */
int audit_create(struct session *s, const char *dir, char **why);

#endif
