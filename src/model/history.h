/*
 * history.h: the phase of an audit and the change history of a session.
 *
 * Phases (record session.phase, values of vocab_phase): Gespräch (the talk
 * on site: points are hidden from screens when the form says `discreet`),
 * Auswertung (documents are checked, points fixed), Abgeschlossen (the
 * result is communicated: every further change needs a reason). A session
 * without the record is in the Gespräch.
 *
 * Every change made through session_change (session.h) is recorded here in
 * the same step, so the next snapshot holds the change and its entry
 * together: one entry per record whose value it changed (the record named,
 * and any the change altered besides it, such as a due date cleared with
 * its evidence), all with the same change number. Changes of the position
 * to resume at (session.cursor) and changes that leave the value as it was
 * are not recorded. An undo is a change of its own that names the change
 * it reverts. The entries are records session.history.N (N = 1, 2, …) of
 * the snapshot and the dump; a person cannot set them.
 *
 * Model code: never prints, never exits.
 */
#ifndef HISTORY_H
#define HISTORY_H

#include <stddef.h>

#include "lib/cdbmem.h"
#include "model/session.h"

/* In the order of vocab_phase. */
enum session_phase {
	PHASE_TALK = 0,   /* gespraech */
	PHASE_EVALUATION, /* auswertung */
	PHASE_CLOSED,     /* abgeschlossen */
};

struct history_entry {
	char *time;               /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	enum session_phase phase; /* the phase the change was made in */
	char *who;                /* meta.auditor then, else the login name */
	unsigned long change;     /* its change (1, 2, …); entries of one share it */
	unsigned long undoes;     /* the change this undo reverts, or 0 */
	char *key;                /* the record key */
	char *old_value;          /* canonical value before, NULL: unset */
	char *new_value;          /* after, NULL: unset (cleared) */
	int new_shortened; /* new_value is only the start of a large value (a record
	                      of a family flagged shortened, session_family.h): the
	                      record holds it whole, the next change as old value */
	char *reason;      /* the reason given, or NULL */
	/* private to session_history.c: the record as stored */
	char *record_key;
	char *record;
	size_t record_len;
};

/* What struct session keeps for the phase and the history (s->log). */
struct session_log {
	struct history_entry *entries; /* oldest first */
	size_t count, capacity;
	enum session_phase phase;
	char *reason;         /* for the changes that follow (session_change_reason) */
	unsigned group_depth; /* session_change_begin calls not yet ended */
	unsigned long group_change; /* the number they share, once one is made */
	char *login;                /* the login name, once looked up */
	/* every entry's record as the snapshot holds it (session_private.h):
	 * its part of the checksum feed, and laid out as cdb records */
	unsigned long feed_crc;
	size_t feed_len;
	struct buf laid_out;
	struct cdbmem_slot *slots;
};

/* The phase of s. */
enum session_phase session_phase(const struct session *s);

/* Whether screens must hide points, maxima, percentages, Sonderpunkte and
 * the verdict now: in the Gespräch when the form is `discreet` (its
 * default). A person may still show them on purpose (the interview's key). */
int session_points_hidden(const struct session *s);

/*
 * session_change_reason: the reason recorded with every change that
 * follows, until it is set again (copied; NULL or "" clears it). After
 * Abgeschlossen, session_change and session_undo refuse a change without
 * one.
 */
void session_change_reason(struct session *s, const char *reason);

/*
 * session_change_begin, session_change_end: the changes made between them
 * form one change of the history (one change number, one step of
 * session_undo), for what alters several records at once: an import, a
 * goal taken over, linking the previous audit. Pairs nest; the outermost
 * decides.
 */
void session_change_begin(struct session *s);
void session_change_end(struct session *s);

/* Whether changing record key now needs a reason that is not set: the
 * audit is Abgeschlossen and key is a recorded one (NULL: any change, such
 * as an undo). */
int session_change_needs_reason(const struct session *s, const char *key);

/* The number of entries and entry i (oldest first); borrowed until the next
 * change of s. */
size_t history_count(const struct session *s);
const struct history_entry *history_entry(const struct session *s, size_t i);

/*
 * session_undo: revert the last change of s that is neither an undo nor
 * already undone: every record it changed gets the value it had before
 * the change back (in the order the change first touched them), as one
 * new change that is recorded (with the reason set, required after
 * Abgeschlossen). Repeated, it goes back change by change to the first.
 * Returns 1 with *key (caller frees; may be NULL) the record named by the
 * change undone, 0 when there is nothing to undo, -1 with *why when the
 * old value is refused now (nothing changed).
 */
int session_undo(struct session *s, char **key, char **why);

/* Whether the entry belongs to question qi's records (its answer or a
 * record beside it: QUESTION and QUESTION:KEY). */
int history_entry_of_question(const struct session *s, const struct history_entry *e,
                              size_t qi);

/*
 * history_record_label: what record key names, for people: its German
 * label ("Antwort", "Notiz", "Kommune", "Ziel 1: Frist", "Phase",
 * "Angabe der Kommune: Erläuterung der Kommune"; the key itself when
 * nothing fits), the number of the question it belongs to into *number
 * ("3.7"; "" when none), and into *internal whether it is one of the IHK's
 * working notes (a field flagged VOCAB_INTERNAL). Caller frees the result
 * and *number.
 */
char *history_record_label(const struct session *s, const char *key, char **number,
                           int *internal);

/* A value longer than HISTORY_VALUE_WHOLE bytes is shown to people by its
 * first HISTORY_VALUE_START characters and its length (the copy of a
 * previous audit, a pasted document); the TSV and the file keep it whole. */
#define HISTORY_VALUE_WHOLE 4000
#define HISTORY_VALUE_START 200

/* A value for people: "–" unset, "(leer)" empty, else as stored (a very
 * long one shortened, see HISTORY_VALUE_WHOLE). Caller frees. */
char *history_value_text(const char *v);

/* The entry's time in local time, "TT.MM.JJJJ HH:MM:SS", into out. */
void history_local_time(const struct history_entry *e, char out[32]);

/* The record key text names for history_format: a record key, a question
 * id, or a question number like "3.7" (its id). Caller frees; NULL with
 * *why when it names no record. */
char *history_key(const struct session *s, const char *text, char **why);

enum history_format {
	HISTORY_TEXT, /* for people: one block per change, local time */
	HISTORY_TSV,  /* one entry a line, tab-separated, UTC; see history_format */
};

/*
 * history_format: the entries of s whose key is key or starts with "key:"
 * (NULL: all; a question id also gives the records beside its answer).
 * TSV: one line per entry, no header: time (UTC), phase, who,
 * change, undoes (0: none), key, old, new, reason, where unset values are
 * empty and tab, newline, carriage return and backslash inside a field are
 * written \t \n \r \\. Text: per change a line with the local time,
 * phase, who, its number and what an undo reverts, then the reason and
 * each record with „old“ → „new“ („–“ for unset). Caller frees.
 */
char *history_format(const struct session *s, const char *key, enum history_format fmt);

#endif
