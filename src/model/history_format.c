/*
 * history_format.c: the change history as text for people (local time,
 * old → new, reason, what an undo reverts) and as TSV (history.h). Used by
 * `wohnort-audit history` and the interview's history screen. Model code:
 * never prints, never exits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "model/history.h"
#include "model/interview.h"
#include "model/session_family.h"
#include "model/vocab.h"

void
history_local_time(const struct history_entry *e, char out[32])
{
	struct tm tm = {0};
	time_t t;

	/* stored as YYYY-MM-DDTHH:MM:SSZ (checked when loaded or made) */
	if (strptime(e->time, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL) {
		snprintf(out, 32, "%s", e->time);
		return;
	}
	t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(out, 32, "%d.%m.%Y %H:%M:%S", &tm);
}

char *
history_key(const struct session *s, const char *text, char **why)
{
	struct session_key k;
	size_t qi;

	if (interview_find_number(s->form, text, &qi))
		return xstrdup(s->form->questions[qi].full_id);
	if (session_resolve(s, text, &k, why) != 0)
		return NULL;
	return xstrdup(text);
}

/* Whether e is selected by key (NULL: every entry). */
static int
selected(const struct history_entry *e, const char *key)
{
	size_t n;

	if (key == NULL)
		return 1;
	n = strlen(key);
	return strncmp(e->key, key, n) == 0 && (e->key[n] == '\0' || e->key[n] == ':');
}

/* One TSV line of e. */
static void
tsv_line(struct buf *b, const struct history_entry *e)
{
	buf_printf(b, "%s\t%s\t", e->time, vocab_phase.items[e->phase].value);
	buf_add_field(b, e->who);
	buf_printf(b, "\t%lu\t%lu\t", e->change, e->undoes);
	buf_add_field(b, e->key);
	buf_addc(b, '\t');
	buf_add_field(b, e->old_value);
	buf_addc(b, '\t');
	buf_add_field(b, e->new_value);
	buf_addc(b, '\t');
	buf_add_field(b, e->reason);
	buf_addc(b, '\n');
}

char *
history_value_text(const char *v)
{
	size_t cut = 0, chars = 0;

	if (v == NULL)
		return xstrdup("–");
	if (v[0] == '\0')
		return xstrdup("(leer)");
	if (strlen(v) <= HISTORY_VALUE_WHOLE)
		return xstrdup(v);
	/* the first characters, cut at a character's start */
	while (v[cut] != '\0' && chars < HISTORY_VALUE_START) {
		cut++;
		while (((unsigned char)v[cut] & 0xC0) == 0x80)
			cut++;
		chars++;
	}
	return xasprintf("%.*s… (%zu Zeichen)", (int)cut, v, utf8_chars(v));
}

/* A value for people: „…“ around it (continued lines indented), „–“ for
 * unset, "(leer)" for "", a very long one shortened (history_value_text). */
static void
text_value(struct buf *b, const char *v)
{
	char *shown = history_value_text(v);

	if (v == NULL || v[0] == '\0') {
		buf_adds(b, shown);
		free(shown);
		return;
	}
	buf_adds(b, "„");
	for (const char *p = shown; *p != '\0'; p++) {
		buf_addc(b, *p);
		if (*p == '\n')
			buf_adds(b, "    ");
	}
	buf_adds(b, "“");
	free(shown);
}

/* The label of field key in t, or NULL. */
static const struct vocab_field *
field_of(const struct vocab_table *t, const char *key)
{
	int i = vocab_find(t, key);

	return i >= 0 ? &t->fields[i] : NULL;
}

/* "Ziel 2: Frist" and the like for a record "PREFIXN.FIELD" (rest points
 * after the prefix); NULL when rest is not of that shape. */
static char *
numbered_label(const char *what, const struct vocab_table *t, const char *rest)
{
	char *end;
	unsigned long n = strtoul(rest, &end, 10);
	const struct vocab_field *f;

	if (end == rest || n == 0)
		return NULL;
	if (*end == '\0')
		return xasprintf("%s %lu: Status", what, n);
	if (*end != '.' || (f = field_of(t, end + 1)) == NULL)
		return NULL;
	return xasprintf("%s %lu: %s", what, n, f->label);
}

char *
history_record_label(const struct session *s, const char *key, char **number,
                     int *internal)
{
	const struct form *f = s->form;
	const char *colon;
	const struct vocab_field *field;
	char *qid, *label = NULL;
	int qi, town = strncmp(key, "town.", 5) == 0;
	const char *k = town ? key + 5 : key;

	*number = xstrdup("");
	*internal = 0;
	colon = strchr(k, ':');
	qid = colon != NULL ? xstrndup(k, (size_t)(colon - k)) : xstrdup(k);
	qi = form_find_question(f, qid);
	free(qid);
	if (qi >= 0) {
		free(*number);
		*number = interview_number(f, (size_t)qi);
		field = colon != NULL
		            ? field_of(town ? &vocab_town_item : &vocab_item, colon + 1)
		            : NULL;
		if (field != NULL && (field->flags & VOCAB_INTERNAL))
			*internal = 1;
		label = xstrdup(colon == NULL   ? "Antwort"
		                : field != NULL ? field->label
		                                : colon + 1);
	} else if (strncmp(k, "meta.", 5) == 0 &&
	           (field = field_of(&vocab_meta, k + 5))) {
		label = xstrdup(field->label);
	} else if (strncmp(k, "participant.", 12) == 0) {
		label = numbered_label("Teilnehmende", &vocab_participant, k + 12);
	} else if (strncmp(k, "goal.", 5) == 0) {
		label = numbered_label("Ziel", &vocab_goal, k + 5);
	} else if (strncmp(k, "prevgoal.", 9) == 0) {
		label = numbered_label("Ziel des letzten Audits", &vocab_goal, k + 9);
	} else if (strcmp(k, "session.phase") == 0) {
		label = xstrdup(vocab_phase.name);
	} else if (strcmp(k, "previous.dump") == 0) {
		label = xstrdup("Kopie des vorherigen Audits");
	}
	if (label == NULL)
		label = xstrdup(k);
	if (town) {
		char *t = xasprintf("Angabe der Kommune: %s", label);
		free(label);
		label = t;
	}
	return label;
}

/* What a record key names, for people: "Frage 1.2", "Frage 1.2, Notiz",
 * "Kommune", "Ziel 1: Frist" (history_record_label). */
static void
text_key(struct buf *b, const struct session *s, const char *key)
{
	char *number, *label = history_record_label(s, key, &number, &(int){0});

	if (number[0] != '\0' && strcmp(label, "Antwort") == 0)
		buf_printf(b, "Frage %s", number);
	else if (number[0] != '\0')
		buf_printf(b, "Frage %s, %s", number, label);
	else
		buf_adds(b, label);
	free(label);
	free(number);
}

/* One entry for people: a head line when it starts a change (head), then
 * the record with old → new and the reason, indented. */
static void
text_entry(struct buf *b, const struct session *s, const struct history_entry *e,
           int head)
{
	char when[32];

	if (head) {
		history_local_time(e, when);
		buf_printf(b, "%s  %s  %s  (Änderung %lu", when,
		           vocab_phase.items[e->phase].label, e->who, e->change);
		if (e->undoes != 0)
			buf_printf(b, ", macht Änderung %lu rückgängig", e->undoes);
		buf_adds(b, ")\n");
		if (e->reason != NULL)
			buf_printf(b, "  Grund: %s\n", e->reason);
	}
	buf_adds(b, "  ");
	text_key(b, s, e->key);
	buf_adds(b, ": ");
	text_value(b, e->old_value);
	buf_adds(b, " → ");
	text_value(b, e->new_value);
	buf_addc(b, '\n');
}

char *
history_format(const struct session *s, const char *key, enum history_format fmt)
{
	struct buf b = {0};

	unsigned long shown = 0; /* the change whose head line is out */

	buf_adds(&b, "");
	for (size_t i = 0; i < history_count(s); i++) {
		const struct history_entry *e = history_entry(s, i);
		if (!selected(e, key))
			continue;
		if (fmt == HISTORY_TSV)
			tsv_line(&b, e);
		else
			text_entry(&b, s, e, e->change != shown);
		shown = e->change;
	}
	return buf_steal(&b);
}
