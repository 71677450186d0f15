/*
 * edition.h: how an audit made on one edition of a Prüfbogen carries over
 * to another. A form names the editions it replaces and how their question
 * ids map (form.h, `replaces:`); this module applies that mapping to the
 * questions of a real earlier form (the one embedded in the previous
 * session), decides with the question-kind table whether an answer can carry
 * over, maps one previous answer into the current form, and checks a form's
 * mapping against the earlier edition for `check-form`. Nothing that cannot
 * be mapped is dropped: every old question gets a fate a caller can list.
 * Model code: never prints, never exits.
 *
 * Without a `replaces:` entry for the earlier edition (another form, or an
 * edition the form does not name) questions map by equal id only; two
 * sessions of the same edition map one to one.
 */
#ifndef EDITION_H
#define EDITION_H

#include <stddef.h>

#include "model/form.h"
#include "model/session.h"

/* What became of a question between two editions. */
enum edition_fate {
	EDITION_SAME,         /* the same id in both editions */
	EDITION_RENAMED,      /* renamed: under another id */
	EDITION_MERGED,       /* several old questions became this one */
	EDITION_RETIRED,      /* retired: no longer asked */
	EDITION_UNMAPPED,     /* not in the new form and not in its mapping */
	EDITION_INCOMPATIBLE, /* mapped, but the new type cannot take its answers */
	EDITION_NEW,          /* new: nothing in the earlier edition */
};
#define EDITION_FATE_COUNT 7

struct edition_map {
	const struct form *old, *cur; /* borrowed: they must outlive the map */
	/* cur's `replaces:` entry for old's form id and edition, or NULL */
	const struct form_replaced *declared;
	int identical;   /* same form id and edition: every id maps to itself */
	int *old_to_cur; /* per old question: the cur question, or -1 */
	enum edition_fate *old_fate; /* per old question: never EDITION_NEW */
	int *cur_from;               /* per cur question: the first old question, or -1 */
	int *next_from; /* per old question: the next old one onto the same cur
	                   question (form order), or -1 */
	enum edition_fate *cur_fate;      /* per cur question: SAME, RENAMED, MERGED,
	                                     INCOMPATIBLE (its old question's fate) or NEW */
	size_t count[EDITION_FATE_COUNT]; /* old questions per fate; NEW: cur ones */
};

/* Build the map of old onto cur into *m (free with edition_map_free). */
void edition_map_build(const struct form *old, const struct form *cur,
                       struct edition_map *m);

/* edition_map_free: the arrays; the forms stay. NULL does nothing. */
void edition_map_free(struct edition_map *m);

/* cur's `replaces:` entry for edition of form_id, or NULL. Borrowed. */
const struct form_replaced *edition_declared(const struct form *cur, const char *form_id,
                                             const char *edition);

/*
 * edition_carries: whether every answer to question from can be an answer
 * to question to, judged from the kind table alone: the same kind always
 * (single answers may still fail, e.g. a choice whose option is gone); a
 * different kind only when from is answered by picking one row of a list
 * and every row's value parses as an answer to to (yesno onto a choice with
 * options ja and nein, a choice onto a multi with the same option ids).
 */
int edition_carries(const struct form_question *from, const struct form_question *to);

/*
 * edition_previous_value: the answer the previous session prev (on m->old)
 * gave to what became question qi of m->cur, as a `set` value for qi
 * (caller frees *value). Returns 1 with *value; 0 when there is none (a new
 * question, or not answered or not shown then); -1 with *why (German,
 * caller frees) when it cannot carry over: the type changed, the option is
 * gone, or several merged questions were answered differently.
 */
int edition_previous_value(const struct edition_map *m, const struct session *prev,
                           size_t qi, char **value, char **why);

/* The German word for a fate: "gleich", "umbenannt", "zusammengeführt",
 * "entfallen", "nicht zugeordnet", "nicht übertragbar", "neu". Static. */
const char *edition_fate_name(enum edition_fate fate);

/* The word in tsv and json: "same", "renamed", "merged", "retired",
 * "unmapped", "incompatible", "new". Static. */
const char *edition_fate_key(enum edition_fate fate);

/*
 * edition_summary: one German line on the mapping for a person, or NULL
 * when both are the same edition: "Prüfbogen 11.05.2023 → 01.03.2026: 3
 * umbenannt, 2 entfallen, 2 neu", with "nicht im Prüfbogen genannt,
 * zugeordnet nach gleicher Frage-ID" when cur does not name old's edition.
 * Caller frees.
 */
char *edition_summary(const struct edition_map *m);

/*
 * edition_check: check entry r of cur->replaced against old, the earlier
 * edition it names, for `check-form`: every old id it lists exists there;
 * every question of old is kept (same id), renamed, merged or retired;
 * every question of cur takes over old ones or is listed under new:; no two
 * old questions land on one new question unless merged: says so; and no
 * mapping (nor a kept id) leads to a type that cannot take the answers
 * (edition_carries). Each problem is appended to errors as
 * FILE:LINE:COLUMN of cur's file, sorted by position. Returns how many.
 */
size_t edition_check(const struct form *cur, size_t r, const struct form *old,
                     struct form_errors *errors);

#endif
