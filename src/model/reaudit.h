/*
 * reaudit.h: linking a session to the session of the town's previous audit,
 * which makes it a Re-Audit. One behaviour for `new --vorher`, the
 * „Neues Audit“ screen and linking later on F8. Model code: reads the
 * previous session (read-only, no lock), never prints, never saves.
 *
 * What linking does, and which value wins:
 *   - meta.art becomes "re", meta.vorher the previous session's path
 *     (absolute when it can be resolved);
 *   - the previous session's Entwicklungsziele goal.N.* become this
 *     session's prevgoal.N.* for every N of this form: the previous session
 *     wins (those goals are what was agreed), fields it lacks are cleared;
 *     the status of a previous goal (prevgoal.N) is kept when its Ziel text
 *     is unchanged and cleared otherwise (it was judged for another goal);
 *     The Fragen of a previous goal name questions of the previous edition:
 *     they are mapped into this form (model/edition.h); ids that no longer
 *     exist are left out;
 *   - Landkreis, Zentralitätsstufe and IHK are copied only where this
 *     session has none: what was entered here wins;
 *   - previous.dump becomes a copy of the whole previous session (its
 *     answers, notes, goals and its form, without a previous audit of its
 *     own; session.h), replacing an earlier copy.
 * Nothing else changes (answers, notes, this audit's own goals): taking
 * over a previous answer is the auditor's explicit act, one question at a
 * time (edition_previous_value + session_change).
 */
#ifndef REAUDIT_H
#define REAUDIT_H

#include "model/session.h"

/*
 * reaudit_link: link s to the previous session at path as described above.
 * Returns 0 and, when notice is not NULL, a German line saying what was
 * taken over and, across Prüfbogen editions, how the questions map
 * (edition_summary; caller frees). Returns -1 with *why (German, naming the file)
 * and s unchanged when the previous session cannot be read (missing,
 * damaged, not a session) or is s's own file.
 */
int reaudit_link(struct session *s, const char *path, char **notice, char **why);

#endif
