/*
 * export_protokoll.c: the "Änderungsprotokoll" sheet, written only on
 * request (EXPORT_PROTOCOL): every entry of the change history (history.h)
 * in the order it was made, with its change number (the entries of one
 * change share it), the local time, the phase, who made it, the question,
 * what the record is, the value before and after as stored, and the
 * reason or the change an undo reverts. The town's variant leaves out the
 * entries of the IHK's working notes (fields flagged VOCAB_INTERNAL), as it
 * leaves out the notes themselves. Reads only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/export_private.h"
#include "model/history.h"
#include "model/vocab.h"

enum {
	COL_CHANGE,
	COL_TIME,
	COL_PHASE,
	COL_WHO,
	COL_QUESTION,
	COL_RECORD,
	COL_OLD,
	COL_NEW,
	COL_REASON,
	COL_COUNT
};

static const struct export_column columns[] = {
    {"Nr", 5},     {"Zeit (Ortszeit)", 17}, {"Phase", 13},  {"Wer", 20},
    {"Frage", 6},  {"Eintrag", 24},         {"vorher", 26}, {"nachher", 26},
    {"Grund", 24},
};

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

/*
 * What the record key names, for people ("Antwort", "Notiz", "Kommune",
 * "Ziel 1: Frist", "Phase"; the key itself when nothing fits), and the
 * question's number into *number ("" when it is no question's record).
 * *internal: the record is one of the IHK's working notes. Caller frees
 * both.
 */
static char *
record_label(const struct form *f, const char *key, char **number, int *internal)
{
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
		*number = export_question_number(f, (size_t)qi);
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

/* A value for people: "–" unset, "(leer)" empty, else as stored. */
static const char *
value_text(const char *v)
{
	return v == NULL ? "–" : v[0] == '\0' ? "(leer)" : v;
}

void
export_sheet_protokoll(struct export_ctx *c, lxw_worksheet *ws)
{
	const struct session *s = c->s;
	const char *intro_town =
	    " Notizen und Beschreibungen der Nachweise (Arbeitsnotizen der IHK) "
	    "stehen nur in der internen Fassung.";
	char *intro = xasprintf(
	    "Jede Änderung dieses Audits in der Reihenfolge, in der sie gemacht wurde: "
	    "wann (Ortszeit), in welcher Phase, von wem, der Eintrag vorher und nachher "
	    "und der Grund (nach dem Abschluss nötig). Einträge mit derselben Nr sind "
	    "eine Änderung.%s",
	    c->internal ? "" : intro_town);
	struct export_list l;
	size_t rows = 0;

	export_list_begin(c, &l, ws, EXPORT_SHEET_PROTOCOL, intro, columns, COL_COUNT, 1);
	for (size_t i = 0; i < history_count(s) && c->err == LXW_NO_ERROR; i++) {
		const struct history_entry *e = history_entry(s, i);
		char when[32], *number, *label, *change, *why;
		int internal;

		label = record_label(c->f, e->key, &number, &internal);
		if (internal && !c->internal) {
			free(label);
			free(number);
			continue;
		}
		history_local_time(e, when);
		change = xasprintf("%lu", e->change);
		if (e->undoes != 0)
			why = xasprintf("macht Nr %lu rückgängig%s%s", e->undoes,
			                e->reason != NULL ? "; " : "",
			                e->reason != NULL ? e->reason : "");
		else
			why = xstrdup(e->reason != NULL ? e->reason : "");
		{
			const char *texts[COL_COUNT] = {
			    change,
			    when,
			    vocab_phase.items[e->phase].label,
			    e->who,
			    number,
			    label,
			    value_text(e->old_value),
			    value_text(e->new_value),
			    why,
			};
			export_put_number(c, ws, l.row, COL_CHANGE, (double)e->change,
			                  c->fmt.cell_int);
			for (lxw_col_t col = COL_TIME; col < COL_COUNT; col++)
				export_put_text(c, ws, l.row, col, texts[col],
				                col == COL_QUESTION ? c->fmt.cell_center
				                                    : c->fmt.cell);
			export_list_row(c, &l, texts, 0);
		}
		l.row++;
		rows++;
		free(change);
		free(why);
		free(label);
		free(number);
	}
	if (rows == 0)
		export_list_heading(c, &l, "Keine Änderung aufgezeichnet.", c->fmt.value,
		                    0);
	else
		export_check(
		    c, worksheet_autofilter(ws, l.head_row, 0, l.row - 1, COL_COUNT - 1));
	export_list_end(c, &l);
	free(intro);
}
