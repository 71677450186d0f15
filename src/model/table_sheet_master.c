/*
 * table_sheet_master.c: the sheet "Stammdaten" of the Dokumentationstabelle,
 * written and read back: the master data the town states (the fields of
 * vocab_meta flagged VOCAB_TOWN, filled in from the session; a choice as a
 * drop-down of its labels) and the participants of the talk (the fields of
 * vocab_participant, one row each). The hidden key column names each row's
 * record (meta.KEY, participant.N). Labels and fields come from the
 * vocabulary, never from a list here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/table_private.h"

enum { COL_LABEL, COL_VALUE, COL_EXTRA, COL_KEY };

static const double widths[COL_KEY] = {24, 42, 40};

#define HEAD_LABEL "Angabe"
#define HEAD_HINT "Hinweis"
#define HEAD_NUMBER "Nr"

/* Participant rows written at least (and this many more than are known). */
#define PARTICIPANT_ROWS 15
#define PARTICIPANT_SPARE 3

/* The session's own master-data value of field i (caller frees). */
static char *
session_meta(const struct session *s, size_t i)
{
	char *key = xasprintf("meta.%s", vocab_meta.fields[i].key),
	     *v = session_get(s, key);

	free(key);
	return v;
}

/* The label a choice value shows ("" for NULL). */
static const char *
choice_label(const struct vocab_field *vf, const char *value)
{
	const char *label = value != NULL ? vocab_value_label(vf->values, value) : NULL;

	return label != NULL ? label : value != NULL ? value : "";
}

/* Headings of a block in row. */
static void
put_heads(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *const *heads)
{
	for (lxw_col_t col = 0; col < COL_KEY; col++)
		table_put_text(c, ws, row, col, heads[col], c->fmt.head);
	table_put_text(c, ws, row, COL_KEY, TABLE_KEY_HEAD, c->fmt.machine);
}

/* Field k of participant n (0-based) as the town named it, else as the
 * session has it. Caller frees. */
static char *
participant(const struct table_ctx *c, size_t n, size_t k)
{
	const struct session_town *t = c->s->town;
	char *key;
	char *v;

	if (t->participant_count > 0)
		return n < t->participant_count
		           ? xstrdup(t->participants[n * vocab_participant.count + k])
		           : NULL;
	key = xasprintf("participant.%zu.%s", n + 1, vocab_participant.fields[k].key);
	v = session_get(c->s, key);
	free(key);
	return v;
}

static void
master_write(struct table_ctx *c, lxw_worksheet *ws)
{
	const char *const meta_heads[COL_KEY] = {HEAD_LABEL, TOWN_ANSWER_LABEL,
	                                         HEAD_HINT};
	const char *people_heads[COL_KEY] = {HEAD_NUMBER, NULL, NULL};
	const struct session_town *t = c->s->town;
	size_t known = t->participant_count > c->s->participant_count
	                   ? t->participant_count
	                   : c->s->participant_count;
	size_t people = known + PARTICIPANT_SPARE > PARTICIPANT_ROWS
	                    ? known + PARTICIPANT_SPARE
	                    : PARTICIPANT_ROWS;
	lxw_row_t row = 3;

	for (lxw_col_t col = 0; col < COL_KEY; col++)
		table_check(c, worksheet_set_column(ws, col, col, widths[col], NULL));
	table_put_mark(c, ws, COL_KEY, TABLE_SHEET_MASTER);
	table_put_merged(c, ws, 0, 0, COL_EXTRA, "Stammdaten und Teilnehmende",
	                 c->fmt.title);
	table_put_merged(c, ws, 1, 0, COL_EXTRA,
	                 "Bitte prüfen und ergänzen Sie die Angaben zur Kommune und "
	                 "tragen Sie ein, wer am Prüfgespräch teilnimmt (Name und "
	                 "Funktion).",
	                 c->fmt.intro);
	table_check(c, worksheet_set_row(ws, 1, 32, NULL));
	put_heads(c, ws, 2, meta_heads);
	for (size_t i = 0; i < vocab_meta.count; i++, row++) {
		const struct vocab_field *vf = &vocab_meta.fields[i];
		char *key, *own;
		const char *value;
		if (!(vf->flags & VOCAB_TOWN)) {
			row--;
			continue;
		}
		own = session_meta(c->s, i);
		value = t->meta[i] != NULL ? t->meta[i] : own;
		key = xasprintf("meta.%s", vf->key);
		table_put_text(c, ws, row, COL_LABEL, vf->label, c->fmt.cell);
		if (vf->kind == VOCAB_CHOICE) {
			const char **entries =
			    xcalloc(vf->values->count + 1, sizeof *entries);
			for (size_t k = 0; k < vf->values->count; k++)
				entries[k] = vf->values->items[k].label;
			table_put_text(c, ws, row, COL_VALUE, choice_label(vf, value),
			               c->fmt.input_list);
			table_dropdown(c, ws, row, COL_VALUE, entries, vf->values->count);
			free(entries);
		} else {
			table_put_text(c, ws, row, COL_VALUE, value, c->fmt.input);
		}
		table_put_text(c, ws, row, COL_EXTRA, vf->help, c->fmt.cell);
		table_put_text(c, ws, row, COL_KEY, key, c->fmt.machine);
		{
			const char *texts[COL_KEY] = {vf->label, value, vf->help};
			table_row_height(c, ws, row, texts, widths, COL_KEY, 1);
		}
		free(key);
		free(own);
	}
	row++;
	table_put_text(c, ws, row++, COL_LABEL, "Teilnehmende am Prüfgespräch",
	               c->fmt.subhead);
	for (size_t k = 0; k < vocab_participant.count && k + 1 < COL_KEY; k++)
		people_heads[k + 1] = vocab_participant.fields[k].label;
	put_heads(c, ws, row++, people_heads);
	for (size_t n = 0; n < people; n++, row++) {
		char *key = xasprintf("participant.%zu", n + 1);
		table_check(c, worksheet_write_number(ws, row, COL_LABEL, (double)n + 1,
		                                      c->fmt.cell));
		char *values[COL_KEY] = {NULL};
		const char *texts[COL_KEY] = {""};
		for (size_t k = 0; k < vocab_participant.count && k + 1 < COL_KEY; k++) {
			values[k + 1] = participant(c, n, k);
			texts[k + 1] = values[k + 1];
			table_put_text(c, ws, row, (lxw_col_t)(k + 1), values[k + 1],
			               c->fmt.input);
		}
		table_row_height(c, ws, row, texts, widths, COL_KEY, 1);
		for (size_t k = 0; k < COL_KEY; k++)
			free(values[k]);
		table_put_text(c, ws, row, COL_KEY, key, c->fmt.machine);
		free(key);
	}
	table_sheet_setup(c, ws, (lxw_row_t)-1, 0);
}

/* ---- reading ---- */

struct master_read {
	unsigned char *seen_meta; /* per vocab_meta field */
	unsigned char *seen_people;
};

static void *
master_begin(struct table_read *r)
{
	struct master_read *st = xcalloc(1, sizeof *st);

	(void)r;
	st->seen_meta = xcalloc(vocab_meta.count + 1, 1);
	st->seen_people = xcalloc(1000, 1);
	return st;
}

/* A choice's value for the text of a cell: the value whose label or value
 * it names (ASCII case ignored), else the text (session_change refuses). */
static const char *
choice_value(const struct vocab_field *vf, const char *text)
{
	for (size_t k = 0; k < vf->values->count; k++)
		if (table_same_word(text, vf->values->items[k].label) ||
		    table_same_word(text, vf->values->items[k].value))
			return vf->values->items[k].value;
	return text;
}

static void
master_row(struct table_read *r, void *state, const char *key,
           const struct table_row *row)
{
	struct master_read *st = state;
	const struct table_cell *id = table_cell(r, row, TABLE_KEY_HEAD);

	if (strncmp(key, "meta.", 5) == 0) {
		int i = vocab_find(&vocab_meta, key + 5);
		const struct table_cell *cell = table_cell(r, row, TOWN_ANSWER_LABEL);
		char *text, *k;
		if (i < 0 || !(vocab_meta.fields[i].flags & VOCAB_TOWN) ||
		    st->seen_meta[i]) {
			table_problem(r, id, -1,
			              i >= 0 && st->seen_meta[i]
			                  ? "„%s“ steht zweimal in der Tabelle"
			                  : "„%s“ ist keine Angabe der Stammdaten",
			              key);
			return;
		}
		st->seen_meta[i] = 1;
		text = table_cell_string(r, cell, -1);
		if (text == NULL)
			return;
		k = xasprintf(TOWN_PREFIX "%s", key);
		table_take(r, cell, -1, k,
		           vocab_meta.fields[i].kind == VOCAB_CHOICE
		               ? choice_value(&vocab_meta.fields[i], text)
		               : text);
		r->rep->master++;
		free(k);
		free(text);
		return;
	}
	if (strncmp(key, "participant.", 12) == 0) {
		char *end = NULL;
		long n = strtol(key + 12, &end, 10);
		int any = 0;
		if (n < 1 || n >= 1000 || *end != '\0' || key[12] < '1' ||
		    key[12] > '9' || st->seen_people[n]) {
			table_problem(r, id, -1,
			              "„%s“ ist keine Zeile der Teilnehmenden (oder "
			              "steht zweimal in der Tabelle)",
			              key);
			return;
		}
		st->seen_people[n] = 1;
		for (size_t k = 0; k < vocab_participant.count; k++) {
			const struct vocab_field *vf = &vocab_participant.fields[k];
			const struct table_cell *cell = table_cell(r, row, vf->label);
			char *text = table_cell_string(r, cell, -1), *rk;
			if (text == NULL)
				continue;
			rk = xasprintf(TOWN_PREFIX "%s.%s", key, vf->key);
			table_take(r, cell, -1, rk, text);
			any = 1;
			free(rk);
			free(text);
		}
		r->rep->participants += (size_t)any;
		return;
	}
	table_problem(r, id, -1, "„%s“ ist keine Zeile der Stammdaten", key);
}

static void
master_end(struct table_read *r, void *state)
{
	struct master_read *st = state;

	(void)r;
	free(st->seen_meta);
	free(st->seen_people);
	free(st);
}

const struct table_sheet table_sheet_master = {
    .name = TABLE_SHEET_MASTER,
    .part = TOWN_PART_MASTER,
    .key_head = TABLE_KEY_HEAD,
    .write = master_write,
    .read_begin = master_begin,
    .read_row = master_row,
    .read_end = master_end,
};
