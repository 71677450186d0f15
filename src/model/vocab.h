/*
 * vocab.h: the vocabulary of a session, one const table per concept: the
 * master data (meta.*), the participant fields, the goal fields, the records
 * beside each answer (note, evidence …), the phase of the audit, and the
 * value lists of the fields with fixed choices (evidence states, goal
 * states, Zentralitätsstufen, Art, phases).
 * Each row carries the record key, the German label, the command-line option
 * and the allowed values, so that the session's key resolution, the options
 * of `new` and `set`, the screens, the help and the completion are all
 * derived from here and never list these names a second time.
 * Model code: pure data and lookups; never prints, never exits.
 */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>

/* One allowed value: as stored and typed, and as a person reads it. */
struct vocab_value {
	const char *value; /* in records and on the command line: "nicht_erreicht" */
	const char *label; /* German: "nicht erreicht" */
};

/* The allowed values of a field, in the order they are offered. Only real
 * values: "not set" is the absence of a record, never a value. */
struct vocab_values {
	const char
	    *name; /* what the values are, German, for messages: "Nachweis-Status" */
	const struct vocab_value *items;
	size_t count;
	const char *none; /* a refusal's words, German: "kein Nachweis-Status" */
};

/* What a field holds, which decides how it is validated, edited and shown. */
enum vocab_kind {
	VOCAB_TEXT,      /* one line of free text */
	VOCAB_LONGTEXT,  /* free text that may span several lines */
	VOCAB_DATE,      /* a date: typed ISO or German, stored YYYY-MM-DD */
	VOCAB_CHOICE,    /* one of values */
	VOCAB_REFERENCE, /* free text, offered from reference data (the IHK list) */
	VOCAB_QUESTIONS, /* question ids or numbers ("2.3") of the form */
	VOCAB_SESSION,   /* the path of another session file */
};

/* Flags of a field. */
enum {
	VOCAB_REQUIRED = 1,  /* never empty (the Kommune) */
	VOCAB_INHERITED = 2, /* a re-audit takes it from the previous audit when unset */
	VOCAB_LINKED = 4,    /* set by linking a previous audit, not typed on a screen */
	VOCAB_TOWN =
	    8, /* the town states it in its Dokumentationstabelle (town.meta.KEY) */
	VOCAB_INTERNAL = 16, /* the IHK's working note: never in the town's workbook */
};

struct vocab_field {
	const char *key;    /* the record key's last part: "kommune" of meta.kommune */
	const char *label;  /* German label on screens and in the workbook */
	const char *option; /* command-line option without "--", NULL for none */
	const char *arg;    /* the option's argument in usage lines: "NAME" */
	enum vocab_kind kind;
	const struct vocab_values *values; /* VOCAB_CHOICE: the allowed values */
	unsigned flags;
	const char *help; /* one German line for help screens and --help */
};

/* The fields of one record family. */
struct vocab_table {
	const char *pattern; /* the keys as documented: "meta.KEY", "goal.N.KEY" */
	const struct vocab_field *fields;
	size_t count;
};

extern const struct vocab_table vocab_meta;        /* meta.KEY */
extern const struct vocab_table vocab_participant; /* participant.N.KEY */
extern const struct vocab_table vocab_goal;        /* goal.N.KEY and prevgoal.N.KEY */
extern const struct vocab_table vocab_item;        /* QUESTION:KEY */
extern const struct vocab_table vocab_session;     /* session.KEY: the phase */
/* The town's own statements from its Dokumentationstabelle (model/town.h). */
extern const struct vocab_table vocab_town_item;     /* town.QUESTION:KEY */
extern const struct vocab_table vocab_town_prevgoal; /* town.prevgoal.N.KEY */
extern const struct vocab_table vocab_town_import;   /* town.KEY: the last import */

/* Value lists. The position of a value is its enum minus one where an enum
 * starts with "not set" (enum evidence_status, enum goal_status), and equals
 * the enum for enum audit_kind. */
extern const struct vocab_values vocab_evidence; /* vorgelegt nachzureichen fehlt */
extern const struct vocab_values
    vocab_goal_status; /* erreicht teilweise nicht_erreicht */
extern const struct vocab_values vocab_zentralitaet; /* Oberzentrum … */
extern const struct vocab_values vocab_art;          /* erst re */
/* gespraech auswertung abgeschlossen, in the order of enum session_phase */
extern const struct vocab_values vocab_phase;

/* Index of the field with that key in t, or -1. */
int vocab_find(const struct vocab_table *t, const char *key);

/* The field with that key in t, or NULL. Borrowed from the table. */
const struct vocab_field *vocab_field(const struct vocab_table *t, const char *key);

/* Index of the field whose option is option (without "--") in t, or -1. */
int vocab_find_option(const struct vocab_table *t, const char *option);

/* Index of value in v, or -1. */
int vocab_value_find(const struct vocab_values *v, const char *value);

/* The label of value in v, or NULL when v does not hold it. Borrowed. */
const char *vocab_value_label(const struct vocab_values *v, const char *value);

/* The values of v joined with sep ("vorgelegt, nachzureichen, fehlt"), for
 * messages that say what is allowed. Caller frees. */
char *vocab_values_join(const struct vocab_values *v, const char *sep);

#endif
