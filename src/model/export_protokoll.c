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
		char when[32], *number, *label, *change, *why, *before, *after;
		int internal;

		label = history_record_label(s, e->key, &number, &internal);
		if (internal && !c->internal) {
			free(label);
			free(number);
			continue;
		}
		history_local_time(e, when);
		before = history_value_text(e->old_value);
		after = history_value_text(e->new_value);
		change = xasprintf("%lu", e->change);
		if (e->undoes != 0)
			why = xasprintf("macht Nr %lu rückgängig%s%s", e->undoes,
			                e->reason != NULL ? "; " : "",
			                e->reason != NULL ? e->reason : "");
		else
			why = xstrdup(e->reason != NULL ? e->reason : "");
		{
			const char *texts[COL_COUNT] = {
			    change, when,   vocab_phase.items[e->phase].label,
			    e->who, number, label,
			    before, after,  why,
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
		free(before);
		free(after);
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
