/*
 * export_recommendations.c: the "Empfehlungen" sheet: every recommendation
 * the score module gives (its list, texts and order as they come), grouped
 * by Handlungsfeld with the rank the score gave it; entries with neither a
 * text from the form nor the auditor's own are not printed. A
 * recommendation an agreed Entwicklungsziel already addresses (goal.N.fragen)
 * names that goal. Below, what each Handlungsfeld under its minimum lacks.
 * Reads only; holds no rule about which recommendation applies.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "lib/util.h"

static const struct export_column columns[] = {
    {"Rang", 5.5},
    {"Frage", 38},
    {"Empfehlung", 44},
    {"Anmerkung der Prüferin/des Prüfers", 24},
    {"mögliche Punkte", 8.5},
    {"Ziel Nr.", 8},
};

/* "1, 3": the agreed goals that address question qi, or "". Caller frees. */
static char *
goals_addressing(const struct export_ctx *c, size_t qi)
{
	struct buf b = {0};
	for (int g = 0; g < c->f->goal_count; g++)
		if (session_goal_addresses(c->s, &c->s->goals[g], qi))
			buf_printf(&b, "%s%d", b.len > 0 ? ", " : "", g + 1);
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

void
export_sheet_recommendations(struct export_ctx *c, lxw_worksheet *ws)
{
	const struct form *f = c->f;
	const struct score_result *r = &c->r;
	/* rank among the printed entries, in the score's order */
	int *rank = xcalloc(r->recommendation_count + 1, sizeof *rank);
	int printed = 0, shown = 0;
	struct export_list l;
	int weak = 0;

	for (size_t k = 0; k < r->recommendation_count; k++)
		if (r->recommendations[k].text != NULL ||
		    r->recommendations[k].own != NULL)
			rank[k] = ++printed;

	export_list_begin(
	    c, &l, ws, "Handlungsempfehlungen",
	    "Empfehlungen nach Handlungsfeldern. Der Rang gibt den Vorrang, den die "
	    "Auswertung ergibt (Handlungsfelder unter der Mindestquote und mögliche "
	    "Punkte). „Ziel Nr.“: das vereinbarte Entwicklungsziel, das die "
	    "Empfehlung bereits aufgreift.",
	    columns, 6, 0);
	for (size_t si = 0; si < f->section_count; si++) {
		int heading = 0;
		for (size_t k = 0; k < r->recommendation_count; k++) {
			const struct score_recommendation *rec = &r->recommendations[k];
			const struct form_question *q = &f->questions[rec->question];
			char *nr, *question, *goals, rank_text[16];
			if (rank[k] == 0 || q->section != si)
				continue;
			nr = export_question_number(f, rec->question);
			question = xasprintf("%s %s", nr, q->text);
			goals = goals_addressing(c, rec->question);
			snprintf(rank_text, sizeof rank_text, "%d", rank[k]);
			{
				const char *texts[] = {
				    rank_text,
				    question,
				    rec->text != NULL ? rec->text : "–",
				    rec->own,
				    "",
				    goals};
				double height = export_row_height(texts, l.widths, 6);
				if (!heading) {
					char *head = xasprintf(
					    "%zu  %s%s", si + 1, f->sections[si].title,
					    r->sections[si].below_min
					        ? " – unter der Mindestquote"
					        : "");
					export_list_heading(c, &l, head, c->fmt.section,
					                    height);
					free(head);
					heading = 1;
				}
				export_put_number(c, ws, l.row, 0, rank[k],
				                  c->fmt.cell_int);
				export_put_text(c, ws, l.row, 1, question, c->fmt.cell);
				export_put_text(c, ws, l.row, 2, texts[2], c->fmt.cell);
				export_put_text(c, ws, l.row, 3, rec->own, c->fmt.cell);
				export_put_number(c, ws, l.row, 4, rec->gain,
				                  c->fmt.cell_int);
				export_put_text(c, ws, l.row, 5, goals,
				                c->fmt.cell_center);
				export_list_row(c, &l, texts, 0);
			}
			l.row++;
			shown++;
			free(goals);
			free(question);
			free(nr);
		}
	}
	if (shown == 0)
		export_list_heading(c, &l, "Keine Empfehlungen.", c->fmt.value, 0);
	else
		export_check(c, worksheet_autofilter(ws, l.head_row, 0, l.row - 1, 5));

	/* what each Handlungsfeld below its minimum lacks */
	for (size_t si = 0; si < r->section_count; si++) {
		const struct score_section *sec = &r->sections[si];
		if (!sec->below_min || sec->summary == NULL)
			continue;
		if (!weak++) {
			l.row++;
			export_list_heading(c, &l,
			                    "Handlungsfelder unter der Mindestquote",
			                    c->fmt.label, 2 * EXPORT_LINE_HEIGHT);
		}
		export_list_heading(c, &l, sec->summary, c->fmt.value, 0);
	}
	export_list_end(c, &l);
	free(rank);
}
