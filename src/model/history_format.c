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

/* Append a TSV field: \\ \t \n \r escaped; NULL as empty. */
static void
tsv_field(struct buf *b, const char *v)
{
	for (; v != NULL && *v != '\0'; v++) {
		if (*v == '\\' || *v == '\t' || *v == '\n' || *v == '\r') {
			buf_addc(b, '\\');
			buf_addc(b, *v == '\t'   ? 't'
			            : *v == '\n' ? 'n'
			            : *v == '\r' ? 'r'
			                         : '\\');
		} else {
			buf_addc(b, *v);
		}
	}
}

/* One TSV line of e. */
static void
tsv_line(struct buf *b, const struct history_entry *e)
{
	buf_printf(b, "%s\t%s\t", e->time, vocab_phase.items[e->phase].value);
	tsv_field(b, e->who);
	buf_printf(b, "\t%lu\t%lu\t", e->change, e->undoes);
	tsv_field(b, e->key);
	buf_addc(b, '\t');
	tsv_field(b, e->old_value);
	buf_addc(b, '\t');
	tsv_field(b, e->new_value);
	buf_addc(b, '\t');
	tsv_field(b, e->reason);
	buf_addc(b, '\n');
}

/* A value for people: „…“ around it (continued lines indented), „–“ for
 * unset, "(leer)" for "". */
static void
text_value(struct buf *b, const char *v)
{
	if (v == NULL) {
		buf_adds(b, "–");
		return;
	}
	if (v[0] == '\0') {
		buf_adds(b, "(leer)");
		return;
	}
	buf_adds(b, "„");
	for (; *v != '\0'; v++) {
		buf_addc(b, *v);
		if (*v == '\n')
			buf_adds(b, "    ");
	}
	buf_adds(b, "“");
}

/* What a record key names, for people: "Frage 1.2 strategie.x", else the key. */
static void
text_key(struct buf *b, const struct session *s, const char *key)
{
	const char *colon = strchr(key, ':');
	char *qid = colon != NULL ? xstrndup(key, (size_t)(colon - key)) : xstrdup(key);
	int qi = form_find_question(s->form, qid);

	if (qi >= 0) {
		char *number = interview_number(s->form, (size_t)qi);
		buf_printf(b, "Frage %s %s", number, key);
		free(number);
	} else {
		buf_adds(b, key);
	}
	free(qid);
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
