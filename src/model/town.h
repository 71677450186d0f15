/*
 * town.h: the town's own statements, read from its Dokumentationstabelle
 * (model/table.h): a layer of the session beside the auditor's answers,
 * never mixed with them. For each question the town's answer (in the
 * question kind's `set` syntax, validated as `set` validates it), its
 * explanation and where its evidence is (document, page in the folder);
 * the master data the town states, the participants it names, the
 * Entwicklungsziele it proposes, what it reports on the previous audit's
 * goals, and the record of the last import (file, time, edition).
 *
 * Record keys (session_town.c is their record family):
 *   town.QUESTION                the town's answer, answer_parse syntax
 *   town.QUESTION:text           Erläuterung der Kommune (vocab_town_item)
 *   town.QUESTION:evidence       Nachweis (Dokument / Seite im Ordner)
 *   town.meta.KEY                master data flagged VOCAB_TOWN in vocab_meta
 *   town.participant.N.KEY       vocab_participant
 *   town.goal.N.KEY              a proposed goal, vocab_goal
 *   town.prevgoal.N.stand        vocab_town_prevgoal (re-audit)
 *   town.import_file, town.import_time, town.import_edition  (vocab_town_import)
 * Like every record they change only through session_change.
 *
 * Here, too: what the interview, the review and the workbook ask of the
 * layer (the statement as a person reads it, whether the auditor's answer
 * differs, what is not yet verified) and taking a statement or a proposed
 * goal over into the auditor's records, through session_change. Model code:
 * never prints, never exits, never saves (the caller uses audit_save).
 */
#ifndef TOWN_H
#define TOWN_H

#include <stddef.h>

#include "model/answer.h"
#include "model/session.h"

/* The column heading and screen label of the town's answer. */
#define TOWN_ANSWER_LABEL "Angabe der Kommune"

/* The record key prefix of the layer. */
#define TOWN_PREFIX "town."

/* The town's statement on one question. */
struct town_item {
	struct answer answer; /* ANSWER_OPEN when the town gave none */
	char *text;           /* Erläuterung der Kommune, or NULL */
	char *evidence;       /* Nachweis (Dokument / Seite im Ordner), or NULL */
};

/* The layer, owned by struct session (session_town.c allocates and frees
 * it). Arrays of text are indexed by the field's place in its vocabulary
 * table; NULL = not stated. */
struct session_town {
	struct town_item *items; /* form->question_count */
	char **meta;             /* vocab_meta.count (only VOCAB_TOWN fields) */
	char **participants;     /* participant_count × vocab_participant.count */
	size_t participant_count;
	char **goals;     /* goal count × vocab_goal.count */
	char **prevgoals; /* goal count × vocab_town_prevgoal.count */
	char **import;    /* vocab_town_import.count */
};

/* The parts of the layer, as an import replaces them. */
enum town_part {
	TOWN_PART_QUESTIONS = 1, /* town.QUESTION and town.QUESTION:KEY */
	TOWN_PART_MASTER = 2,    /* town.meta.*, town.participant.* */
	TOWN_PART_GOALS = 4,     /* town.goal.*, town.prevgoal.* */
	TOWN_PART_IMPORT = 8,    /* town.import_* */
	TOWN_PART_ALL = 15,
};

/*
 * town_clear: clear every record of the parts named (enum town_part) through
 * session_change. 0, or -1 with *why (caller frees) when one was refused,
 * which cannot happen for a loaded session.
 */
int town_clear(struct session *s, unsigned parts, char **why);

/* Whether the layer holds anything at all. */
int town_any(const struct session *s);

/* Whether the town said anything on question qi (answer, text or evidence). */
int town_has_statement(const struct session *s, size_t qi);

/*
 * town_statement: the town's statement on question qi as a person reads
 * it: "Ja – Beschluss vom 14.03.2026, Nachweis: Ordner S. 3" (the answer
 * as answer_display shows it, its explanation after a dash, the evidence
 * after ", Nachweis: "); "keine Angabe" stands for an answer the town did
 * not give beside text it did. NULL when the town said nothing. Caller frees.
 */
char *town_statement(const struct session *s, size_t qi);

/* Whether the town and the auditor both answered qi, differently. */
int town_differs(const struct session *s, size_t qi);

/* What of the town's statement on qi the auditor has not yet verified. */
enum town_unverified {
	TOWN_UNVERIFIED_ANSWER = 1,   /* the town answered, the auditor not yet */
	TOWN_UNVERIFIED_EVIDENCE = 2, /* the town names evidence, the auditor has
	                                 not set its status */
};
/* The flags of enum town_unverified for qi (0: nothing open). */
unsigned town_unverified(const struct session *s, size_t qi);

/*
 * town_take_answer: make the town's answer to qi the auditor's answer
 * (session_change of the question's key). 0 when taken, 1 when the
 * auditor's answer already is the town's (nothing changed), -1 with *why
 * (German; caller frees) when the town gave no answer.
 */
int town_take_answer(struct session *s, size_t qi, char **why);

/* Whether the town proposed goal (0-based) with any field. */
int town_goal_proposed(const struct session *s, size_t goal);

/* Field field (index into vocab_goal) of the town's proposed goal, or NULL.
 * Borrowed from the session. */
const char *town_goal_field(const struct session *s, size_t goal, size_t field);

/*
 * town_take_goal: make the town's proposal goal (0-based) the agreed
 * Entwicklungsziel of the same number: every field of vocab_goal is set to
 * the town's (cleared where the town left it empty) through session_change.
 * 0, or -1 with *why when the town proposed no such goal.
 */
int town_take_goal(struct session *s, size_t goal, char **why);

/* What the town reports on previous goal (0-based), or NULL. Borrowed. */
const char *town_prevgoal_state(const struct session *s, size_t goal);

/* The import record field key (of vocab_town_import), or NULL. Borrowed. */
const char *town_import_value(const struct session *s, const char *key);

#endif
