/*
 * export_rating.c: the "Bewertung" sheet: every question in form order,
 * grouped under a heading row per Handlungsfeld, with its answer, points,
 * maximum and evidence (and, in the internal variant only, the auditor's
 * note). It is the base of the sums on Ergebnis: two hidden helper columns
 * carry each question's Handlungsfeld number and whether it is still open,
 * and export_ctx records where they are. Answers whose points stand on
 * missing evidence and overdue evidence are marked from the score module's
 * rules (score_conditional, score_evidence_overdue). When the session
 * holds the town's statements from its Dokumentationstabelle (model/town.h),
 * a column beside the answer shows them, marked where the assessment
 * differs. Reads only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "model/town.h"
#include "lib/util.h"

/* Printed columns. The internal variant adds the note beside the answer;
 * the evidence column is last in both and never empty, because LibreOffice
 * spills a hidden helper's "###" into an empty left neighbour. */
enum { COL_NUMBER, COL_QUESTION, COL_ANSWER };

struct rating_layout {
	const struct export_column *cols;
	lxw_col_t ncols;
	lxw_col_t note, points, max, evidence; /* note: -1 when absent */
	int landscape;
	lxw_col_t town; /* the town's statement, -1 when absent */
};

/* The town's sheet prints in portrait, the internal one in landscape;
 * widths chosen so a question rarely takes more than two lines and the
 * example session's 46 questions fit on two portrait pages. */
static const struct export_column town_columns[] = {
    {"Nr", 4.5},   {"Frage", 50},    {"Antwort", 33},
    {"Punkte", 7}, {"Maximum", 8.5}, {"Nachweis", 22},
};
static const struct export_column internal_columns[] = {
    {"Nr", 4.5},   {"Frage", 50},  {"Antwort", 28},  {"Notiz", 34},
    {"Punkte", 7}, {"Maximum", 9}, {"Nachweis", 20},
};
/* With the town's statements (Dokumentationstabelle) beside the answer. */
static const struct export_column town_stated_columns[] = {
    {"Nr", 4.5},   {"Frage", 40},    {"Antwort", 24},  {TOWN_ANSWER_LABEL, 28},
    {"Punkte", 7}, {"Maximum", 8.5}, {"Nachweis", 20},
};
static const struct export_column internal_stated_columns[] = {
    {"Nr", 4.5},   {"Frage", 42}, {"Antwort", 24}, {TOWN_ANSWER_LABEL, 28},
    {"Notiz", 30}, {"Punkte", 7}, {"Maximum", 9},  {"Nachweis", 20},
};
static const struct rating_layout town_layout = {
    town_columns, 6, (lxw_col_t)-1, 3, 4, 5, 0, (lxw_col_t)-1};
static const struct rating_layout internal_layout = {internal_columns, 7, 3, 4, 5, 6, 1,
                                                     (lxw_col_t)-1};
static const struct rating_layout town_stated_layout = {
    town_stated_columns, 7, (lxw_col_t)-1, 4, 5, 6, 0, 3};
static const struct rating_layout internal_stated_layout = {
    internal_stated_columns, 8, 4, 5, 6, 7, 1, 3};

/* The town's statement on qi as the column shows it, "–" for none; where
 * the assessment differs from it, said so. Caller frees. */
static char *
town_text(const struct export_ctx *c, size_t qi)
{
	char *statement = town_statement(c->s, qi), *out;

	if (statement == NULL)
		return xstrdup("–");
	if (!town_differs(c->s, qi))
		return statement;
	out = xasprintf("%s\n(weicht von der Bewertung ab)", statement);
	free(statement);
	return out;
}

/* Evidence status with its due date and marks, e.g. "nachzureichen bis
 * 01.12.2026 – überfällig". Caller frees. */
static char *
evidence_text(const struct export_ctx *c, size_t qi)
{
	const struct session_item *it = &c->s->items[qi];
	const char *name = session_evidence_name(it->evidence);

	/* never empty: LibreOffice spills a hidden helper's "###" into an
	 * empty neighbour */
	if (it->evidence == EVIDENCE_NONE)
		return xstrdup("–");
	if (it->evidence == EVIDENCE_DUE && it->evidence_due != NULL) {
		char *date = export_german_date(it->evidence_due);
		char *out = xasprintf(
		    "%s bis %s%s", name, date,
		    score_evidence_overdue(c->s, qi, c->today) ? " – überfällig" : "");
		free(date);
		return out;
	}
	if (score_conditional(c->s, qi))
		return xstrdup("fehlt – Punkte unter Vorbehalt");
	return xstrdup(name);
}

/* The answer as the sheet shows it. Caller frees. */
static char *
answer_text(const struct export_ctx *c, size_t qi, int visible)
{
	const struct form_question *q = &c->f->questions[qi];
	char *answer;

	if (!visible)
		return xstrdup("nicht gefragt");
	/* dates as TT.MM.JJJJ */
	answer = answer_display(q, &c->s->items[qi].answer);
	return answer;
}

void
export_sheet_rating(struct export_ctx *c, lxw_worksheet *ws)
{
	const struct form *f = c->f;
	int stated = town_any(c->s);
	const struct rating_layout *lay =
	    c->internal ? (stated ? &internal_stated_layout : &internal_layout)
	                : (stated ? &town_stated_layout : &town_layout);
	lxw_col_t ncols = lay->ncols;
	lxw_row_col_options hidden = {.hidden = 1};
	struct export_list l;

	export_list_begin(
	    c, &l, ws, "Bewertung aller Fragen",
	    stated
	        ? "Jede Frage des Prüfbogens nach Handlungsfeldern, mit der Angabe der "
	          "Kommune aus ihrer Dokumentationstabelle. Orange: Punkte unter "
	          "Vorbehalt, bis der fehlende Nachweis vorliegt, oder eine Angabe, von "
	          "der die Bewertung abweicht. Rot: Frist überschritten."
	        : "Jede Frage des Prüfbogens nach Handlungsfeldern. Orange: Punkte unter "
	          "Vorbehalt, bis der fehlende Nachweis vorliegt. Rot: Frist "
	          "überschritten.",
	    lay->cols, ncols, lay->landscape);
	/* the hidden helpers Ergebnis sums over, right of the printed columns */
	c->rating_section = ncols;
	c->rating_open = ncols + 1;
	c->rating_points = lay->points;
	c->rating_max = lay->max;
	export_check(c, worksheet_set_column_opt(ws, c->rating_section, c->rating_open, 8,
	                                         NULL, &hidden));
	export_put_text(c, ws, l.head_row, c->rating_section, "Feld-Nr", c->fmt.helper);
	export_put_text(c, ws, l.head_row, c->rating_open, "offen", c->fmt.helper);
	c->rating_first = l.row;

	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct form_question *q = &f->questions[qi];
		const struct session_item *it = &c->s->items[qi];
		int visible =
		    c->r.question_visible != NULL ? c->r.question_visible[qi] : 1;
		int scored = form_type_scored(q->type);
		int conditional = score_conditional(c->s, qi);
		int overdue = score_evidence_overdue(c->s, qi, c->today);
		char *nr = export_question_number(f, qi);
		char *answer = answer_text(c, qi, visible);
		char *evidence = evidence_text(c, qi);
		char *town = lay->town != (lxw_col_t)-1 ? town_text(c, qi) : NULL;
		const char *texts[8] = {nr, q->text, answer};
		lxw_row_t row;
		double height;

		texts[lay->points] = "";
		texts[lay->max] = "";
		texts[lay->evidence] = evidence;
		if (lay->note != (lxw_col_t)-1)
			texts[lay->note] = it->note;
		if (town != NULL)
			texts[lay->town] = town;
		height = export_row_height(texts, l.widths, ncols);

		if (qi == f->sections[q->section].first) {
			char *head = xasprintf("%zu  %s", q->section + 1,
			                       f->sections[q->section].title);
			export_list_heading(c, &l, head, c->fmt.section, height);
			free(head);
		}
		row = l.row;
		export_put_text(c, ws, row, COL_NUMBER, nr, c->fmt.cell);
		export_put_text(c, ws, row, COL_QUESTION, q->text, c->fmt.cell);
		export_put_text(c, ws, row, COL_ANSWER, answer,
		                conditional ? c->fmt.cell_caution : c->fmt.cell);
		if (scored) {
			int na = visible && it->answer.state == ANSWER_NA;
			int pts =
			    c->r.question_points != NULL ? c->r.question_points[qi] : 0;
			export_put_number(c, ws, row, lay->points, pts,
			                  conditional ? c->fmt.cell_int_caution
			                              : c->fmt.cell_int);
			export_put_number(c, ws, row, lay->max, na ? 0 : q->max_points,
			                  c->fmt.cell_int);
		} else {
			export_put_text(c, ws, row, lay->points, "", c->fmt.cell_int);
			export_put_text(c, ws, row, lay->max, "", c->fmt.cell_int);
		}
		export_put_text(c, ws, row, lay->evidence, evidence,
		                overdue       ? c->fmt.cell_alert
		                : conditional ? c->fmt.cell_caution
		                              : c->fmt.cell);
		if (lay->note != (lxw_col_t)-1)
			export_put_text(c, ws, row, lay->note, it->note, c->fmt.cell);
		if (town != NULL)
			export_put_text(c, ws, row, lay->town, town,
			                town_differs(c->s, qi) ? c->fmt.cell_caution
			                                       : c->fmt.cell);
		export_put_number(c, ws, row, c->rating_section, (double)q->section + 1,
		                  c->fmt.helper);
		export_put_number(c, ws, row, c->rating_open,
		                  visible && scored && it->answer.state == ANSWER_OPEN,
		                  c->fmt.helper);
		export_list_row(c, &l, texts, 0);
		l.row++;
		free(town);
		free(evidence);
		free(answer);
		free(nr);
	}
	c->rating_last = l.row > c->rating_first ? l.row - 1 : c->rating_first;
	if (l.row > c->rating_first)
		export_check(
		    c, worksheet_autofilter(ws, l.head_row, 0, l.row - 1, ncols - 1));
	export_list_end(c, &l);
}
