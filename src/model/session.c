/*
 * session.c: the in-memory session: its record keys (see session.h), setting
 * and reading one record with full validation, the text dump and building a
 * session back from records. Snapshots on disk, the lock and the listing
 * live in session_store.c. Model code: never prints, never exits, never
 * includes curses.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "model/session.h"
#include "model/session_private.h"
#include "lib/util.h"
#include "lib/utf8.h"
#include "model/plausible.h"

/* Largest value accepted for any record (a text answer may be long). */
#define VALUE_MAX (64u * 1024 * 1024)
/* Most participants a session may list. */
#define PARTICIPANT_MAX 99

enum key_kind {
	KEY_META_TEXT, /* free text master data */
	KEY_META_ZENTRAL,
	KEY_META_DATUM,
	KEY_META_ART,
	KEY_PARTICIPANT, /* index, field 0 name / 1 funktion */
	KEY_ANSWER,      /* index = question */
	KEY_NOTE,
	KEY_RECOMMENDATION,
	KEY_EVIDENCE,
	KEY_EVIDENCE_DUE,
	KEY_EVIDENCE_TEXT,
	KEY_GOAL, /* index, field 0..4 */
	KEY_PREVGOAL_STATUS,
	KEY_PREVGOAL, /* index, field 0..4 */
	KEY_CURSOR,
};

struct key_ref {
	enum key_kind kind;
	size_t index;
	int field;
};

static const char *const meta_text_keys[] = {"kommune", "landkreis", "ihk", "auditor",
                                             "vorher"};
static const char *const goal_fields[] = {"ziel",  "massnahmen",     "messgroesse",
                                          "frist", "verantwortlich", "fragen"};
#define GOAL_FIELD_QUESTIONS 5 /* goal_fields[5]: ids of the questions it addresses */
static const char *const participant_fields[] = {"name", "funktion"};
static const char *const side_fields[] = {"note", "recommendation", "evidence",
                                          "evidence_due", "evidence_text"};
static const char *const zentral_values[] = {"Oberzentrum", "Mittelzentrum",
                                             "Unterzentrum", "Kleinzentrum",
                                             "Verwaltungsgemeinschaft"};
static const char *const evidence_names[] = {"", "vorgelegt", "nachzureichen", "fehlt"};
static const char *const goal_status_names[] = {"", "erreicht", "teilweise",
                                                "nicht_erreicht"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *
session_evidence_name(enum evidence_status e)
{
	return (unsigned)e < COUNT(evidence_names) ? evidence_names[e] : "";
}

const char *
session_goal_status_name(enum goal_status g)
{
	return (unsigned)g < COUNT(goal_status_names) ? goal_status_names[g] : "";
}

struct session *
session_new(struct form *form)
{
	struct session *s = xcalloc(1, sizeof *s);
	size_t goals = form->goal_count > 0 ? (size_t)form->goal_count : 0;

	s->form = form;
	s->items = xcalloc(form->question_count + 1, sizeof *s->items);
	s->goals = xcalloc(goals + 1, sizeof *s->goals);
	s->previous_goals = xcalloc(goals + 1, sizeof *s->previous_goals);
	s->previous_status = xcalloc(goals + 1, sizeof *s->previous_status);
	s->meta.kind = AUDIT_FIRST;
	s->lock_fd = -1;
	return s;
}

/* Free the strings of one goal. */
static void
goal_free(struct session_goal *g)
{
	free(g->goal);
	free(g->measures);
	free(g->indicator);
	free(g->deadline);
	free(g->responsible);
	free(g->questions);
}

void
session_free_contents(struct session *s)
{
	size_t goals =
	    s->form && s->form->goal_count > 0 ? (size_t)s->form->goal_count : 0;

	free(s->meta.kommune);
	free(s->meta.landkreis);
	free(s->meta.zentralitaet);
	free(s->meta.ihk);
	free(s->meta.auditor);
	free(s->meta.datum);
	free(s->meta.previous);
	for (size_t i = 0; i < s->participant_count; i++) {
		free(s->participants[i].name);
		free(s->participants[i].function);
	}
	free(s->participants);
	if (s->form != NULL) {
		for (size_t i = 0; i < s->form->question_count; i++) {
			struct session_item *it = &s->items[i];
			answer_clear(&it->answer);
			free(it->note);
			free(it->recommendation);
			free(it->evidence_due);
			free(it->evidence_text);
		}
	}
	free(s->items);
	for (size_t i = 0; i < goals; i++) {
		goal_free(&s->goals[i]);
		goal_free(&s->previous_goals[i]);
	}
	free(s->goals);
	free(s->previous_goals);
	free(s->previous_status);
	free(s->cursor);
	free(s->path);
	form_free(s->form);
}

/* Parse a 1-based index "N" (no sign, no leading zero) of at most max; 0
 * when not a valid index. */
static size_t
parse_index(const char *p, size_t len, size_t max)
{
	long n;

	if (max < 1 || !parse_integer(p, len, 0, 1, (long)max, &n))
		return 0;
	return (size_t)n;
}

/* Index of name in a table of count strings, or -1. */
static int
table_find(const char *const *table, size_t count, const char *name)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(table[i], name) == 0)
			return (int)i;
	return -1;
}

/* Table entries joined with sep (caller frees). */
static char *
table_join(const char *const *table, size_t first, size_t count, const char *sep)
{
	struct buf b = {0};
	for (size_t i = first; i < count; i++) {
		if (i > first)
			buf_adds(&b, sep);
		buf_adds(&b, table[i]);
	}
	buf_adds(&b, "");
	return buf_steal(&b);
}

int
session_key_is_bookkeeping(const char *key)
{
	return strcmp(key, "format") == 0 || strcmp(key, "checksum") == 0 ||
	       strncmp(key, "form.", 5) == 0 || strncmp(key, "summary.", 8) == 0 ||
	       strcmp(key, "session.generation") == 0 ||
	       strcmp(key, "session.saved") == 0;
}

/* The message for a key nobody knows: what keys exist (caller frees). */
static char *
unknown_key_message(const struct session *s, const char *key)
{
	struct buf b = {0};
	const struct form *f = s->form;
	const char *dot = strchr(key, '.');
	char *goals;

	buf_printf(&b, "Unbekannter Schlüssel „%s“. Erlaubt sind: ", key);
	/* A known section with an unknown question: list that section's questions. */
	if (dot != NULL && strchr(key, ':') == NULL) {
		char *section = xstrndup(key, (size_t)(dot - key));
		int si = form_find_section(f, section);
		free(section);
		if (si >= 0) {
			const struct form_section *sec = &f->sections[si];
			buf_printf(&b, "die Fragen von „%s“: ", sec->id);
			for (size_t i = 0; i < sec->count; i++)
				buf_printf(&b, "%s%s", i ? ", " : "",
				           f->questions[sec->first + i].full_id);
			buf_adds(&b, "; oder ");
		}
	}
	goals = table_join(goal_fields, 0, COUNT(goal_fields), "|");
	buf_printf(&b,
	           "eine Frage-ID (z. B. „%s“; alle zeigt „wohnort-audit questions“), "
	           "FRAGE:note|recommendation|evidence|evidence_due|evidence_text, "
	           "meta.kommune|landkreis|zentralitaet|ihk|auditor|datum|art|vorher, "
	           "participant.N.name|funktion (N = 1…%d), "
	           "goal.N.%s, prevgoal.N, prevgoal.N.%s (N = 1…%d), session.cursor",
	           f->question_count > 0 ? f->questions[0].full_id : "abschnitt.frage",
	           PARTICIPANT_MAX, goals, goals, f->goal_count);
	free(goals);
	return buf_steal(&b);
}

/* Resolve key to the field it names. 0, or -1 with *why. */
static int
resolve_key(const struct session *s, const char *key, struct key_ref *ref, char **why)
{
	const struct form *f = s->form;
	size_t goals = f->goal_count > 0 ? (size_t)f->goal_count : 0;
	const char *colon, *rest, *dot;
	int qi, i;

	memset(ref, 0, sizeof *ref);
	if (session_key_is_bookkeeping(key)) {
		*why = xasprintf(
		    "Der Schlüssel „%s“ wird beim Speichern geschrieben und kann "
		    "nicht gesetzt werden",
		    key);
		return -1;
	}
	if (strncmp(key, "meta.", 5) == 0) {
		rest = key + 5;
		if ((i = table_find(meta_text_keys, COUNT(meta_text_keys), rest)) >= 0) {
			ref->kind = KEY_META_TEXT;
			ref->field = i;
			return 0;
		}
		if (strcmp(rest, "zentralitaet") == 0)
			ref->kind = KEY_META_ZENTRAL;
		else if (strcmp(rest, "datum") == 0)
			ref->kind = KEY_META_DATUM;
		else if (strcmp(rest, "art") == 0)
			ref->kind = KEY_META_ART;
		else
			goto unknown;
		return 0;
	}
	if (strcmp(key, "session.cursor") == 0) {
		ref->kind = KEY_CURSOR;
		return 0;
	}
	if (strncmp(key, "participant.", 12) == 0 || strncmp(key, "goal.", 5) == 0 ||
	    strncmp(key, "prevgoal.", 9) == 0) {
		int participant = key[0] == 'p' && key[1] == 'a';
		int previous = key[0] == 'p' && key[1] == 'r';
		size_t max = participant ? PARTICIPANT_MAX : goals;
		size_t n;

		rest = strchr(key, '.') + 1;
		dot = strchr(rest, '.');
		n = parse_index(rest, dot ? (size_t)(dot - rest) : strlen(rest), max);
		if (n == 0) {
			*why = xasprintf(
			    "„%s“: die Nummer muss zwischen 1 und %zu liegen", key, max);
			return -1;
		}
		ref->index = n - 1;
		if (dot == NULL) {
			if (!previous)
				goto unknown;
			ref->kind = KEY_PREVGOAL_STATUS;
			return 0;
		}
		if (participant) {
			i = table_find(participant_fields, COUNT(participant_fields),
			               dot + 1);
			ref->kind = KEY_PARTICIPANT;
		} else {
			i = table_find(goal_fields, COUNT(goal_fields), dot + 1);
			ref->kind = previous ? KEY_PREVGOAL : KEY_GOAL;
		}
		if (i < 0)
			goto unknown;
		ref->field = i;
		return 0;
	}
	colon = strchr(key, ':');
	if (colon != NULL) {
		char *qid = xstrndup(key, (size_t)(colon - key));
		qi = form_find_question(f, qid);
		free(qid);
		if (qi < 0)
			goto unknown;
		i = table_find(side_fields, COUNT(side_fields), colon + 1);
		if (i < 0) {
			char *allowed =
			    table_join(side_fields, 0, COUNT(side_fields), ", ");
			*why = xasprintf("„%s“: unbekanntes Feld „%s“; erlaubt: %s", key,
			                 colon + 1, allowed);
			free(allowed);
			return -1;
		}
		ref->kind = (enum key_kind)(KEY_NOTE + i);
		ref->index = (size_t)qi;
		return 0;
	}
	qi = form_find_question(f, key);
	if (qi < 0)
		goto unknown;
	ref->kind = KEY_ANSWER;
	ref->index = (size_t)qi;
	return 0;
unknown:
	*why = unknown_key_message(s, key);
	return -1;
}

/* The string slot a text-valued key refers to (NULL for other kinds). */
static char **
text_slot(struct session *s, const struct key_ref *ref)
{
	struct session_goal *g;

	switch (ref->kind) {
	case KEY_META_TEXT: {
		char **slots[] = {&s->meta.kommune, &s->meta.landkreis, &s->meta.ihk,
		                  &s->meta.auditor, &s->meta.previous};
		return slots[ref->field];
	}
	case KEY_META_ZENTRAL:
		return &s->meta.zentralitaet;
	case KEY_META_DATUM:
		return &s->meta.datum;
	case KEY_NOTE:
		return &s->items[ref->index].note;
	case KEY_RECOMMENDATION:
		return &s->items[ref->index].recommendation;
	case KEY_EVIDENCE_DUE:
		return &s->items[ref->index].evidence_due;
	case KEY_EVIDENCE_TEXT:
		return &s->items[ref->index].evidence_text;
	case KEY_GOAL:
	case KEY_PREVGOAL:
		g = ref->kind == KEY_GOAL ? &s->goals[ref->index]
		                          : &s->previous_goals[ref->index];
		switch (ref->field) {
		case 0:
			return &g->goal;
		case 1:
			return &g->measures;
		case 2:
			return &g->indicator;
		case 3:
			return &g->deadline;
		case 4:
			return &g->responsible;
		default:
			return &g->questions;
		}
	case KEY_CURSOR:
		return &s->cursor;
	default:
		return NULL;
	}
}

/* The canonical value of a resolved key, or NULL when unset (caller frees). */
static char *
get_ref(const struct session *s, const struct key_ref *ref)
{
	struct session *m = (struct session *)s; /* text_slot only reads here */
	char **slot;

	switch (ref->kind) {
	case KEY_META_ART:
		return xstrdup(s->meta.kind == AUDIT_RENEWAL ? "re" : "erst");
	case KEY_PARTICIPANT:
		if (ref->index >= s->participant_count)
			return NULL;
		return xstrdup(ref->field == 0 ? s->participants[ref->index].name
		                               : s->participants[ref->index].function);
	case KEY_ANSWER:
		return answer_format(&s->form->questions[ref->index],
		                     &s->items[ref->index].answer);
	case KEY_EVIDENCE:
		if (s->items[ref->index].evidence == EVIDENCE_NONE)
			return NULL;
		return xstrdup(session_evidence_name(s->items[ref->index].evidence));
	case KEY_PREVGOAL_STATUS:
		if (s->previous_status[ref->index] == GOAL_OPEN)
			return NULL;
		return xstrdup(session_goal_status_name(s->previous_status[ref->index]));
	default:
		slot = text_slot(m, ref);
		return slot ? xstrdup(*slot) : NULL;
	}
}

char *
session_get(const struct session *s, const char *key)
{
	struct key_ref ref;
	char *why = NULL;

	if (s == NULL || key == NULL)
		return NULL;
	if (strcmp(key, "format") == 0)
		return xstrdup(SESSION_FORMAT);
	if (strcmp(key, "form.id") == 0)
		return xstrdup(s->form->id);
	if (strcmp(key, "form.edition") == 0)
		return xstrdup(s->form->edition);
	if (strcmp(key, "form.sha256") == 0)
		return xstrdup(s->form->sha256);
	if (strcmp(key, "form.text") == 0)
		return xstrndup(s->form->source, s->form->source_len);
	if (resolve_key(s, key, &ref, &why) != 0) {
		free(why);
		return NULL;
	}
	return get_ref(s, &ref);
}

/* Drop participants at the end of the list that have neither name nor Funktion. */
static void
participants_trim(struct session *s)
{
	while (s->participant_count > 0) {
		struct session_participant *p =
		    &s->participants[s->participant_count - 1];
		if (p->name != NULL || p->function != NULL)
			break;
		s->participant_count--;
	}
	if (s->participant_count == 0) {
		free(s->participants);
		s->participants = NULL;
	}
}

/* Index of the question numbered "S.Q" (Handlungsfeld S, its question Q), or -1. */
static int
question_by_number(const struct form *f, const char *text, size_t len)
{
	const char *dot = memchr(text, '.', len);
	long section, question;

	if (dot == NULL || f->section_count == 0 ||
	    !parse_integer(text, (size_t)(dot - text), PARSE_LEADING_ZERO, 1,
	                   (long)f->section_count, &section) ||
	    !parse_integer(dot + 1, len - (size_t)(dot - text) - 1, PARSE_LEADING_ZERO, 1,
	                   (long)f->sections[section - 1].count, &question))
		return -1;
	return (int)(f->sections[section - 1].first + (size_t)question - 1);
}

/*
 * Parse a goal's Fragen: ids or numbers separated by commas, semicolons or
 * blanks. With marks (form->question_count bytes, zeroed) each question
 * found is marked. Returns 0, or -1 with *bad the first token that names
 * no question (caller frees).
 */
static int
goal_questions_parse(const struct form *f, const char *value, unsigned char *marks,
                     char **bad)
{
	const char *p = value;

	while (*p != '\0') {
		size_t len;
		char *token;
		int qi;

		p += strspn(p, ",; \t\n");
		len = strcspn(p, ",; \t\n");
		if (len == 0)
			continue;
		token = xstrndup(p, len);
		qi = form_find_question(f, token);
		if (qi < 0)
			qi = question_by_number(f, token, len);
		if (qi < 0) {
			*bad = token;
			return -1;
		}
		if (marks != NULL)
			marks[qi] = 1;
		free(token);
		p += len;
	}
	return 0;
}

/* The stored form of a goal's Fragen: ids in form order, or NULL for none. */
static char *
goal_questions_canonical(const struct form *f, const char *value)
{
	unsigned char *marks = xcalloc(f->question_count + 1, 1);
	struct buf b = {0};
	char *bad = NULL;

	if (goal_questions_parse(f, value, marks, &bad) != 0)
		free(bad); /* validated before; cannot happen */
	for (size_t qi = 0; qi < f->question_count; qi++) {
		if (!marks[qi])
			continue;
		if (b.len > 0)
			buf_addc(&b, ',');
		buf_adds(&b, f->questions[qi].full_id);
	}
	free(marks);
	return b.data != NULL ? buf_steal(&b) : NULL;
}

int
session_goal_addresses(const struct session *s, const struct session_goal *g, size_t qi)
{
	const char *p, *id;
	size_t len;

	if (s == NULL || g == NULL || g->questions == NULL ||
	    qi >= s->form->question_count)
		return 0;
	id = s->form->questions[qi].full_id;
	len = strlen(id);
	for (p = g->questions; *p != '\0'; p += strcspn(p, ",")) {
		if (*p == ',')
			p++;
		if (strncmp(p, id, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return 1;
	}
	return 0;
}

/* Validate value for a resolved key. 0, or -1 with *why naming what is allowed. */
static int
check_value(const struct session *s, const char *key, const struct key_ref *ref,
            const char *value, char **why)
{
	size_t len = strlen(value), bad;
	char *allowed;

	if (len > VALUE_MAX) {
		*why =
		    xasprintf("„%s“: Wert zu lang (höchstens %u Bytes)", key, VALUE_MAX);
		return -1;
	}
	if (!utf8_valid(value, len, &bad)) {
		*why = xasprintf("„%s“: kein gültiges UTF-8 (Byte %zu)", key, bad);
		return -1;
	}
	switch (ref->kind) {
	case KEY_META_ZENTRAL:
		if (table_find(zentral_values, COUNT(zentral_values), value) >= 0)
			return 0;
		allowed = table_join(zentral_values, 0, COUNT(zentral_values), ", ");
		*why = xasprintf("„%s“: „%s“ ist keine Zentralitätsstufe; erlaubt: %s",
		                 key, value, allowed);
		free(allowed);
		return -1;
	case KEY_META_DATUM:
	case KEY_EVIDENCE_DUE: {
		char iso[11], *reason = NULL;
		if (date_parse(value, iso, &reason) != 0) {
			*why = xasprintf("„%s“: %s (gespeichert wird JJJJ-MM-TT)", key,
			                 reason);
			free(reason);
			return -1;
		}
		if (ref->kind == KEY_EVIDENCE_DUE &&
		    s->items[ref->index].evidence != EVIDENCE_DUE) {
			*why = xasprintf(
			    "„%s“: eine Frist gibt es nur bei Nachweis "
			    "„nachzureichen“ (--evidence nachzureichen --due DATUM)",
			    key);
			return -1;
		}
		return 0;
	}
	case KEY_META_ART:
		if (strcmp(value, "erst") == 0 || strcmp(value, "re") == 0)
			return 0;
		*why = xasprintf("„%s“: „%s“ ist keine Audit-Art; erlaubt: erst, re", key,
		                 value);
		return -1;
	case KEY_EVIDENCE:
		if (table_find(evidence_names, COUNT(evidence_names), value) > 0)
			return 0;
		allowed = table_join(evidence_names, 1, COUNT(evidence_names), ", ");
		*why = xasprintf("„%s“: „%s“ ist kein Nachweis-Status; erlaubt: %s", key,
		                 value, allowed);
		free(allowed);
		return -1;
	case KEY_PREVGOAL_STATUS:
		if (table_find(goal_status_names, COUNT(goal_status_names), value) > 0)
			return 0;
		allowed =
		    table_join(goal_status_names, 1, COUNT(goal_status_names), ", ");
		*why = xasprintf("„%s“: „%s“ ist kein Zielstatus; erlaubt: %s", key,
		                 value, allowed);
		free(allowed);
		return -1;
	case KEY_GOAL:
	case KEY_PREVGOAL: {
		char *token = NULL;
		if (ref->field != GOAL_FIELD_QUESTIONS ||
		    goal_questions_parse(s->form, value, NULL, &token) == 0)
			return 0;
		*why = xasprintf(
		    "„%s“: „%s“ ist keine Frage dieses Prüfbogens; erlaubt: Frage-IDs "
		    "(z. B. „%s“) oder Nummern wie „1.2“, durch Komma getrennt",
		    key, token,
		    s->form->question_count > 0 ? s->form->questions[0].full_id
		                                : "abschnitt.frage");
		free(token);
		return -1;
	}
	case KEY_CURSOR:
		if (form_find_question(s->form, value) >= 0)
			return 0;
		*why = xasprintf("„%s“: „%s“ ist keine Frage-ID dieses Prüfbogens", key,
		                 value);
		return -1;
	default:
		return 0;
	}
}

/* Whether previous goal index (0-based) exists: it has its Ziel text. */
static int
previous_goal_exists(const struct session *s, size_t index)
{
	const char *z = s->previous_goals[index].goal;
	return z != NULL && z[0] != '\0';
}

/*
 * session_set, with loading set while a stored session is read back: a
 * status of a previous goal that does not exist is then kept as it was
 * stored (score_compute gives it no Sonderpunkte), never refused.
 */
static int
set_record(struct session *s, const char *key, const char *value, int loading, char **why)
{
	struct key_ref ref;
	struct answer parsed = {0};
	char **slot, iso[11];

	if (resolve_key(s, key, &ref, why) != 0)
		return -1;
	if (value != NULL && check_value(s, key, &ref, value, why) != 0)
		return -1;
	if (value != NULL && !loading && ref.kind == KEY_PREVGOAL_STATUS &&
	    !previous_goal_exists(s, ref.index)) {
		*why = xasprintf("„%s“: Ziel %zu des vorherigen Audits gibt es in dieser "
		                 "Sitzung nicht; nur übernommene Ziele können "
		                 "Sonderpunkte bringen (vorheriges Audit verknüpfen: "
		                 "new --vorher, im Programm F8)",
		                 key, ref.index + 1);
		return -1;
	}
	if (value != NULL &&
	    (ref.kind == KEY_META_DATUM || ref.kind == KEY_EVIDENCE_DUE)) {
		/* checked above: a date typed as TT.MM.JJJJ is stored as YYYY-MM-DD */
		char *ignored = NULL;
		if (date_parse(value, iso, &ignored) == 0)
			value = iso;
		free(ignored);
	}
	if (ref.kind == KEY_ANSWER && value != NULL) {
		char *reason = NULL;
		if (answer_parse(&s->form->questions[ref.index], value, &parsed,
		                 &reason) != 0) {
			*why = xasprintf("„%s“: %s", key,
			                 reason ? reason : "ungültiger Wert");
			free(reason);
			return -1;
		}
	}
	/* Validated: from here on nothing can fail. */
	switch (ref.kind) {
	case KEY_META_ART:
		s->meta.kind = value != NULL && strcmp(value, "re") == 0 ? AUDIT_RENEWAL
		                                                         : AUDIT_FIRST;
		break;
	case KEY_PARTICIPANT:
		if (value == NULL && ref.index >= s->participant_count)
			break;
		if (ref.index >= s->participant_count) {
			s->participants = xreallocarray(s->participants, ref.index + 1,
			                                sizeof *s->participants);
			memset(s->participants + s->participant_count, 0,
			       (ref.index + 1 - s->participant_count) *
			           sizeof *s->participants);
			s->participant_count = ref.index + 1;
		}
		str_replace(ref.field == 0 ? &s->participants[ref.index].name
		                           : &s->participants[ref.index].function,
		            value);
		participants_trim(s);
		break;
	case KEY_ANSWER:
		answer_clear(&s->items[ref.index].answer);
		if (value != NULL)
			s->items[ref.index].answer = parsed;
		break;
	case KEY_EVIDENCE: {
		struct session_item *it = &s->items[ref.index];
		it->evidence = value == NULL
		                   ? EVIDENCE_NONE
		                   : (enum evidence_status)table_find(
		                         evidence_names, COUNT(evidence_names), value);
		if (it->evidence != EVIDENCE_DUE) {
			free(it->evidence_due);
			it->evidence_due = NULL;
		}
		break;
	}
	case KEY_PREVGOAL_STATUS:
		s->previous_status[ref.index] =
		    value == NULL
		        ? GOAL_OPEN
		        : (enum goal_status)table_find(goal_status_names,
		                                       COUNT(goal_status_names), value);
		break;
	default:
		slot = text_slot(s, &ref);
		if ((ref.kind == KEY_GOAL || ref.kind == KEY_PREVGOAL) &&
		    ref.field == GOAL_FIELD_QUESTIONS && value != NULL) {
			free(*slot);
			*slot = goal_questions_canonical(s->form, value);
		} else {
			str_replace(slot, value);
		}
		/* a previous goal without its Ziel no longer exists: nor does its
		 * status */
		if (ref.kind == KEY_PREVGOAL && ref.field == 0 && !loading &&
		    !previous_goal_exists(s, ref.index))
			s->previous_status[ref.index] = GOAL_OPEN;
		break;
	}
	return 0;
}

int
session_set(struct session *s, const char *key, const char *value, char **why)
{
	return set_record(s, key, value, 0, why);
}

/* Call fn for key with the value of a field, when it has one (no key lookup). */
static void
emit_ref(const struct session *s, const char *key, enum key_kind kind, size_t index,
         int field, session_record_fn fn, void *ctx)
{
	struct key_ref ref = {.kind = kind, .index = index, .field = field};
	char **slot = text_slot((struct session *)s, &ref); /* only read */
	char *value;

	if (slot != NULL) {
		if (*slot != NULL)
			fn(ctx, key, *slot, strlen(*slot));
		return;
	}
	value = get_ref(s, &ref);
	if (value != NULL)
		fn(ctx, key, value, strlen(value));
	free(value);
}

/* prefix + suffix into out (size bytes, truncated when longer). */
static void
key_join(char *out, size_t size, const char *prefix, const char *suffix)
{
	size_t a = strlen(prefix), b = strlen(suffix);
	if (a >= size)
		a = size - 1;
	if (a + b >= size)
		b = size - 1 - a;
	memcpy(out, prefix, a);
	memcpy(out + a, suffix, b);
	out[a + b] = '\0';
}

void
session_records_each(const struct session *s, int with_form_text, session_record_fn fn,
                     void *ctx)
{
	static const struct {
		const char *key;
		enum key_kind kind;
		int field;
	} meta_order[] = {
	    {"meta.kommune", KEY_META_TEXT, 0},
	    {"meta.landkreis", KEY_META_TEXT, 1},
	    {"meta.zentralitaet", KEY_META_ZENTRAL, 0},
	    {"meta.ihk", KEY_META_TEXT, 2},
	    {"meta.auditor", KEY_META_TEXT, 3},
	    {"meta.datum", KEY_META_DATUM, 0},
	    {"meta.art", KEY_META_ART, 0},
	    {"meta.vorher", KEY_META_TEXT, 4},
	};
	static const char *const side_suffix[] = {":note", ":recommendation", ":evidence",
	                                          ":evidence_due", ":evidence_text"};
	const struct form *f = s->form;
	size_t goals = f->goal_count > 0 ? (size_t)f->goal_count : 0;
	char key[512], prefix[64];

	const char *id = f->id ? f->id : "", *edition = f->edition ? f->edition : "";

	fn(ctx, "format", SESSION_FORMAT, strlen(SESSION_FORMAT));
	fn(ctx, "form.id", id, strlen(id));
	fn(ctx, "form.edition", edition, strlen(edition));
	fn(ctx, "form.sha256", f->sha256, strlen(f->sha256));
	for (size_t i = 0; i < COUNT(meta_order); i++)
		emit_ref(s, meta_order[i].key, meta_order[i].kind, 0, meta_order[i].field,
		         fn, ctx);
	for (size_t i = 0; i < s->participant_count; i++) {
		for (size_t k = 0; k < COUNT(participant_fields); k++) {
			snprintf(key, sizeof key, "participant.%zu.%s", i + 1,
			         participant_fields[k]);
			emit_ref(s, key, KEY_PARTICIPANT, i, (int)k, fn, ctx);
		}
	}
	for (size_t i = 0; i < f->question_count; i++) {
		const char *qid = f->questions[i].full_id;
		emit_ref(s, qid, KEY_ANSWER, i, 0, fn, ctx);
		for (size_t k = 0; k < COUNT(side_suffix); k++) {
			key_join(key, sizeof key, qid, side_suffix[k]);
			emit_ref(s, key, (enum key_kind)(KEY_NOTE + k), i, 0, fn, ctx);
		}
	}
	for (size_t i = 0; i < goals; i++) {
		snprintf(prefix, sizeof prefix, "goal.%zu.", i + 1);
		for (size_t k = 0; k < COUNT(goal_fields); k++) {
			key_join(key, sizeof key, prefix, goal_fields[k]);
			emit_ref(s, key, KEY_GOAL, i, (int)k, fn, ctx);
		}
	}
	for (size_t i = 0; i < goals; i++) {
		snprintf(prefix, sizeof prefix, "prevgoal.%zu", i + 1);
		emit_ref(s, prefix, KEY_PREVGOAL_STATUS, i, 0, fn, ctx);
		strcat(prefix, ".");
		for (size_t k = 0; k < COUNT(goal_fields); k++) {
			key_join(key, sizeof key, prefix, goal_fields[k]);
			emit_ref(s, key, KEY_PREVGOAL, i, (int)k, fn, ctx);
		}
	}
	emit_ref(s, "session.cursor", KEY_CURSOR, 0, 0, fn, ctx);
	if (with_form_text) /* form.h: source is NUL-terminated (loaded with form_load_*)
	                     */
		fn(ctx, "form.text", f->source, f->source_len);
}

void
session_records_free(struct session_record *records, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(records[i].key);
		free(records[i].value);
	}
	free(records);
}

/* "Zeile N: " or "" for a record (caller frees). */
static char *
where(const size_t *line_of, size_t i)
{
	return line_of ? xasprintf("Zeile %zu: ", line_of[i]) : xstrdup("");
}

/* Compare the keys of two records through pointers (qsort). */
static int
record_ptr_cmp(const void *a, const void *b)
{
	const struct session_record *x = *(const struct session_record *const *)a;
	const struct session_record *y = *(const struct session_record *const *)b;
	int c = strcmp(x->key, y->key);
	return c != 0 ? c : (x > y) - (x < y);
}

/* 1 with *why naming the later line when a key occurs twice, else 0. */
static int
duplicate_key(const struct session_record *records, size_t count, const size_t *line_of,
              char **why)
{
	const struct session_record **sorted = xcalloc(count + 1, sizeof *sorted);
	int found = 0;

	for (size_t i = 0; i < count; i++)
		sorted[i] = &records[i];
	qsort(sorted, count, sizeof *sorted, record_ptr_cmp);
	for (size_t i = 1; i < count && !found; i++) {
		if (strcmp(sorted[i - 1]->key, sorted[i]->key) == 0) {
			char *at = where(line_of, (size_t)(sorted[i] - records));
			*why = xasprintf("%sder Schlüssel „%s“ kommt doppelt vor", at,
			                 sorted[i]->key);
			free(at);
			found = 1;
		}
	}
	free(sorted);
	return found;
}

struct session *
session_from_records(const struct session_record *records, size_t count,
                     const size_t *line_of, char **why)
{
	const struct session_record *format = NULL, *text = NULL, *id = NULL,
	                            *edition = NULL, *sha = NULL;
	struct form_errors errors = {0};
	struct session *s = NULL;
	struct form *form;
	char *at;

	if (duplicate_key(records, count, line_of, why))
		return NULL;
	for (size_t i = 0; i < count; i++) {
		const struct session_record *r = &records[i];
		const struct session_record **slot = NULL;

		if (strlen(r->value) != r->value_len) {
			at = where(line_of, i);
			*why = xasprintf("%s„%s“: der Wert enthält ein NUL-Byte", at,
			                 r->key);
			free(at);
			return NULL;
		}
		if (strcmp(r->key, "format") == 0)
			slot = &format;
		else if (strcmp(r->key, "form.text") == 0)
			slot = &text;
		else if (strcmp(r->key, "form.id") == 0)
			slot = &id;
		else if (strcmp(r->key, "form.edition") == 0)
			slot = &edition;
		else if (strcmp(r->key, "form.sha256") == 0)
			slot = &sha;
		if (slot != NULL)
			*slot = r;
	}
	if (format == NULL) {
		*why = xstrdup(
		    "keine Sitzung von wohnort-audit (der Eintrag „format“ fehlt)");
		return NULL;
	}
	if (strcmp(format->value, SESSION_FORMAT) != 0) {
		*why = xasprintf("unbekanntes Format „%s“ (erwartet: „%s“)",
		                 format->value, SESSION_FORMAT);
		return NULL;
	}
	if (text == NULL || sha == NULL) {
		*why =
		    xstrdup("der eingebettete Prüfbogen fehlt (form.text, form.sha256)");
		return NULL;
	}
	form = form_load_string(text->value, text->value_len, "(eingebetteter Prüfbogen)",
	                        &errors);
	if (form == NULL) {
		char *list = form_errors_format(&errors);
		size_t n = strlen(list);
		if (n > 0 && list[n - 1] == '\n')
			list[n - 1] = '\0';
		*why = xasprintf("der eingebettete Prüfbogen ist ungültig:\n%s", list);
		free(list);
		form_errors_clear(&errors);
		return NULL;
	}
	form_errors_clear(&errors);
	if (strcmp(sha->value, form->sha256) != 0 ||
	    (id != NULL && strcmp(id->value, form->id ? form->id : "") != 0) ||
	    (edition != NULL &&
	     strcmp(edition->value, form->edition ? form->edition : "") != 0)) {
		*why =
		    xasprintf("der eingebettete Prüfbogen passt nicht zu seiner Kennung "
		              "(form.sha256 %s, berechnet %s)",
		              sha->value, form->sha256);
		form_free(form);
		return NULL;
	}
	s = session_new(form);
	/* Two passes: an evidence due date needs its evidence status first,
	 * the status of a previous goal its Ziel. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < count; i++) {
			const struct session_record *r = &records[i];
			const char *colon = strrchr(r->key, ':');
			int due =
			    (colon != NULL && strcmp(colon, ":evidence_due") == 0) ||
			    (strncmp(r->key, "prevgoal.", 9) == 0 &&
			     strchr(r->key + 9, '.') == NULL);
			char *reason = NULL;
			long number;

			if (due != pass)
				continue;
			if (session_key_is_bookkeeping(r->key)) {
				if (pass == 1 || strncmp(r->key, "form.", 5) == 0 ||
				    strcmp(r->key, "format") == 0 ||
				    strcmp(r->key, "checksum") == 0)
					continue;
				if (strcmp(r->key, "session.saved") == 0 ||
				    strcmp(r->key, "summary.kommune") == 0 ||
				    strcmp(r->key, "summary.datum") == 0 ||
				    strcmp(r->key, "summary.art") == 0)
					continue;
				if ((strncmp(r->key, "summary.", 8) == 0 ||
				     strcmp(r->key, "session.generation") == 0) &&
				    parse_long(r->value, &number)) {
					if (strcmp(r->key, "session.generation") == 0)
						s->generation = (unsigned long)number;
					continue;
				}
				at = where(line_of, i);
				*why =
				    xasprintf("%sunzulässiger Eintrag „%s“", at, r->key);
				free(at);
				session_free(s);
				return NULL;
			}
			if (set_record(s, r->key, r->value, 1, &reason) != 0) {
				at = where(line_of, i);
				*why = xasprintf("%s%s", at, reason);
				free(at);
				free(reason);
				session_free(s);
				return NULL;
			}
		}
	}
	return s;
}

/* How many bytes at value[i] must be escaped in a dump line (0: none): a
 * backslash, a C0 control or DEL (1), a C1 control U+0080..U+009F (both of
 * its bytes), so that a dump printed to a terminal cannot steer it. */
static size_t
needs_escape(const char *value, size_t len, size_t i)
{
	unsigned char c = (unsigned char)value[i];
	uint32_t cp;
	size_t n;

	if (c == '\\' || c < 0x20 || c == 0x7f)
		return 1;
	if (c < 0x80)
		return 0;
	n = utf8_decode(value + i, len - i, &cp);
	return !utf8_decode_bad(n, cp) && utf8_is_control(cp) ? n : 0;
}

/* Append len bytes of value to b: \\ \t \n \r, and \xHH for the other control
 * characters (see needs_escape). */
static void
escape_into(struct buf *b, const char *value, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	while (i < len) {
		size_t j = i, n = 0;

		while (j < len && (n = needs_escape(value, len, j)) == 0)
			j++;
		buf_add(b, value + i, j - i);
		if (j == len)
			break;
		for (size_t k = j; k < j + n; k++) {
			unsigned char c = (unsigned char)value[k];
			buf_addc(b, '\\');
			if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
				buf_addc(b, c == '\t'   ? 't'
				            : c == '\n' ? 'n'
				            : c == '\r' ? 'r'
				                        : '\\');
			} else {
				buf_addc(b, 'x');
				buf_addc(b, hex[c >> 4]);
				buf_addc(b, hex[c & 15]);
			}
		}
		i = j + n;
	}
}

/* The value of hex digit c, or -1. */
static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Record callback of session_dump: one escaped line. */
static void
dump_line(void *ctx, const char *key, const char *value, size_t value_len)
{
	struct buf *b = ctx;
	buf_adds(b, key);
	buf_addc(b, '\t');
	escape_into(b, value, value_len);
	buf_addc(b, '\n');
}

char *
session_dump(const struct session *s)
{
	struct buf b = {0};
	session_records_each(s, 1, dump_line, &b);
	return buf_steal(&b);
}

struct session *
session_from_dump(const char *text, size_t len, char **why)
{
	struct session_record *records = NULL;
	size_t *line_of = NULL, count = 0, line = 0, pos = 0;
	struct session *s = NULL;

	while (pos < len) {
		const char *start = text + pos, *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		const char *tab;
		struct buf value = {0};

		pos += n + (nl != NULL);
		line++;
		/* A dump edited on Windows has CRLF line ends; a CR inside a value is
		 * always written as \r, so a raw one at the end is only the line end. */
		if (n > 0 && start[n - 1] == '\r')
			n--;
		tab = memchr(start, '\t', n);
		if (n == 0 || start[0] == '#')
			continue;
		if (tab == NULL || tab == start) {
			*why =
			    xasprintf("Zeile %zu: erwartet „SCHLÜSSEL<TAB>WERT“", line);
			goto fail;
		}
		for (const char *p = tab + 1; p < start + n; p++) {
			if (*p == '\0') {
				*why = xasprintf("Zeile %zu: NUL-Byte", line);
				buf_free(&value);
				goto fail;
			}
			if (*p != '\\') {
				buf_addc(&value, *p);
				continue;
			}
			if (++p < start + n && *p == 'x' && start + n - p > 2 &&
			    hex_value(p[1]) >= 0 && hex_value(p[2]) >= 0 &&
			    (p[1] != '0' || p[2] != '0')) {
				buf_addc(&value,
				         (char)(hex_value(p[1]) * 16 + hex_value(p[2])));
				p += 2;
				continue;
			}
			if (p == start + n || strchr("\\tnr", *p) == NULL) {
				*why = xasprintf(
				    "Zeile %zu: ungültige Escape-Folge (erlaubt: \\\\ "
				    "\\t \\n \\r \\xHH)",
				    line);
				buf_free(&value);
				goto fail;
			}
			buf_addc(&value, *p == 't'   ? '\t'
			                 : *p == 'n' ? '\n'
			                 : *p == 'r' ? '\r'
			                             : '\\');
		}
		buf_adds(&value, "");
		records = xreallocarray(records, count + 1, sizeof *records);
		line_of = xreallocarray(line_of, count + 1, sizeof *line_of);
		records[count].key = xstrndup(start, (size_t)(tab - start));
		records[count].value_len = value.len;
		records[count].value = buf_steal(&value);
		line_of[count++] = line;
	}
	s = session_from_records(records, count, line_of, why);
fail:
	session_records_free(records, count);
	free(line_of);
	return s;
}

char *
session_date_warning(const struct session *s, const char *key, const char *today)
{
	enum date_role role;
	const char *colon = strchr(key, ':');
	char *value;
	int qi;

	if (strcmp(key, "meta.datum") == 0)
		role = DATE_ROLE_AUDIT;
	else if (colon != NULL && strcmp(colon, ":evidence_due") == 0)
		role = DATE_ROLE_DUE;
	else if (colon == NULL && (qi = form_find_question(s->form, key)) >= 0 &&
	         s->form->questions[qi].type == QUESTION_DATE)
		role = DATE_ROLE_ANSWER;
	else
		return NULL;
	value = session_get(s, key);
	if (value == NULL || !date_iso_valid(value)) {
		free(value);
		return NULL;
	}
	{
		char *w = plausible_date_warning(role, value, s->meta.datum, today);
		free(value);
		return w;
	}
}
