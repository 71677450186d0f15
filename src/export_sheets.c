/*
 * export_sheets.c: the list sheets of the Ergebnisformular: Bewertung (every
 * question in form order, the base of the sums on Ergebnis), Empfehlungen,
 * Entwicklungsziele and Nachweise. Landscape tables with a frozen header row
 * that repeats on every printed page, an autofilter, and row heights computed
 * from the wrapped text. Reads the session and the score result only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"
#include "util.h"

/*
 * Header row, widths, freeze, repeat, filter and page setup of a list sheet.
 * Widths are set for the first nwidths columns only: a column set twice
 * gives overlapping <col> ranges, which Excel offers to "repair".
 */
static void
list_begin(struct export_ctx *c, lxw_worksheet *ws, const char *const *heads,
           const double *widths, lxw_col_t ncols, lxw_col_t nwidths)
{
	for (lxw_col_t col = 0; col < ncols; col++) {
		if (col < nwidths)
			export_check(
			    c, worksheet_set_column(ws, col, col, widths[col], NULL));
		export_put_text(c, ws, 0, col, heads[col], c->fmt.head);
	}
	export_check(
	    c, worksheet_set_row(ws, 0, export_row_height(heads, widths, ncols), NULL));
	worksheet_freeze_panes(ws, 1, 0);
	/* "1.10" or "+49 …" are text on purpose: no green corner in Excel */
	export_check(
	    c, worksheet_ignore_errors(ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:J2000"));
	export_check(c, worksheet_repeat_rows(ws, 0, 0));
	export_page_setup(c, ws, 1);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* Set a row's height from its wrapped texts (NULL entries count as empty). */
static void
list_row_height(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row,
                const char *const *texts, const double *widths, size_t n)
{
	export_check(
	    c, worksheet_set_row(ws, row, export_row_height(texts, widths, n), NULL));
}

/* "–" for empty text, so a printed table never has silent holes. */
static const char *
or_dash(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "–";
}

/* Evidence status with its due date, e.g. "nachzureichen bis 01.12.2026". Caller frees.
 */
static char *
evidence_text(const struct session_item *it)
{
	const char *name = session_evidence_name(it->evidence);
	if (it->evidence == EVIDENCE_NONE)
		return xstrdup("");
	if (it->evidence == EVIDENCE_DUE && it->evidence_due != NULL) {
		char *date = export_german_date(it->evidence_due);
		char *out = xasprintf("%s bis %s", name, date);
		free(date);
		return out;
	}
	return xstrdup(name);
}

void
export_sheet_rating(struct export_ctx *c, lxw_worksheet *ws)
{
	static const char *const heads[] = {
	    "Nr",      "Handlungsfeld", "Frage", "Antwort", "Punkte",
	    "Maximum", "Nachweis",      "Notiz", "Feld-Nr", "offen"};
	static const double widths[] = {6, 18, 46, 24, 8, 9, 17, 30, 8, 6};
	const struct form *f = c->f;
	lxw_row_col_options hidden = {.hidden = 1};

	list_begin(c, ws, heads, widths, RATING_COL_OPEN + 1, RATING_COL_SECTION_INDEX);
	export_check(c, worksheet_set_column_opt(ws, RATING_COL_SECTION_INDEX,
	                                         RATING_COL_OPEN, 8, NULL, &hidden));
	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct form_question *q = &f->questions[qi];
		const struct session_item *it = &c->s->items[qi];
		lxw_row_t row = (lxw_row_t)qi + 1;
		int visible =
		    c->r.question_visible != NULL ? c->r.question_visible[qi] : 1;
		int scored = form_type_scored(q->type);
		char *nr = export_question_number(f, qi);
		char *answer =
		    visible ? answer_label(q, &it->answer) : xstrdup("nicht gezeigt");
		if (visible && q->type == QUESTION_DATE && date_valid(answer)) {
			char *de = export_german_date(answer);
			free(answer);
			answer = de;
		}
		char *evidence = evidence_text(it);
		const char *texts[] = {nr,       f->sections[q->section].title,
		                       q->text,  answer,
		                       "",       "",
		                       evidence, it->note};

		export_put_text(c, ws, row, RATING_COL_NUMBER, nr, c->fmt.cell);
		export_put_text(c, ws, row, RATING_COL_SECTION,
		                f->sections[q->section].title, c->fmt.cell);
		export_put_text(c, ws, row, RATING_COL_QUESTION, q->text, c->fmt.cell);
		export_put_text(c, ws, row, RATING_COL_ANSWER, answer, c->fmt.cell);
		if (scored) {
			int na = visible && it->answer.state == ANSWER_NA;
			int pts =
			    c->r.question_points != NULL ? c->r.question_points[qi] : 0;
			export_put_number(c, ws, row, RATING_COL_POINTS, pts,
			                  c->fmt.cell_int);
			export_put_number(c, ws, row, RATING_COL_MAX,
			                  na ? 0 : q->max_points, c->fmt.cell_int);
		} else {
			export_put_text(c, ws, row, RATING_COL_POINTS, "",
			                c->fmt.cell_int);
			export_put_text(c, ws, row, RATING_COL_MAX, "", c->fmt.cell_int);
		}
		export_put_text(c, ws, row, RATING_COL_EVIDENCE, evidence, c->fmt.cell);
		export_put_text(c, ws, row, RATING_COL_NOTE, it->note, c->fmt.cell);
		export_put_number(c, ws, row, RATING_COL_SECTION_INDEX,
		                  (double)q->section + 1, NULL);
		export_put_number(c, ws, row, RATING_COL_OPEN,
		                  visible && scored && it->answer.state == ANSWER_OPEN,
		                  NULL);
		list_row_height(c, ws, row, texts, widths, 8);
		free(evidence);
		free(answer);
		free(nr);
	}
	export_check(c, worksheet_autofilter(ws, 0, 0, (lxw_row_t)f->question_count,
	                                     RATING_COL_NOTE));
}

void
export_sheet_recommendations(struct export_ctx *c, lxw_worksheet *ws)
{
	static const char *const heads[] = {
	    "Rang",       "Handlungsfeld",
	    "Frage",      "mögliche Punkte",
	    "Empfehlung", "Anmerkung der Prüferin/des Prüfers"};
	static const double widths[] = {6, 18, 42, 10, 46, 32};
	const struct form *f = c->f;
	lxw_row_t row = 1;

	list_begin(c, ws, heads, widths, 6, 6);
	for (size_t i = 0; i < c->r.recommendation_count; i++, row++) {
		const struct score_recommendation *rec = &c->r.recommendations[i];
		const struct form_question *q = &f->questions[rec->question];
		char *nr = export_question_number(f, rec->question);
		char *question = xasprintf("%s %s", nr, q->text);
		const char *section = f->sections[q->section].title;
		const char *texts[] = {"",      section, question, "", or_dash(rec->text),
		                       rec->own};

		export_put_number(c, ws, row, 0, (double)i + 1, c->fmt.cell_int);
		export_put_text(c, ws, row, 1, section, c->fmt.cell);
		export_put_text(c, ws, row, 2, question, c->fmt.cell);
		export_put_number(c, ws, row, 3, rec->gain, c->fmt.cell_int);
		export_put_text(c, ws, row, 4, or_dash(rec->text), c->fmt.cell);
		export_put_text(c, ws, row, 5, rec->own, c->fmt.cell);
		list_row_height(c, ws, row, texts, widths, 6);
		free(question);
		free(nr);
	}
	if (row > 1)
		export_check(c, worksheet_autofilter(ws, 0, 0, row - 1, 5));
	/* what each Handlungsfeld below its minimum lacks */
	row++;
	for (size_t i = 0; i < c->r.section_count; i++) {
		if (c->r.sections[i].below_min && c->r.sections[i].summary != NULL) {
			export_put_merged(c, ws, row++, 0, 5,
			                  "Handlungsfelder unter der Mindestquote",
			                  c->fmt.label);
			break;
		}
	}
	for (size_t i = 0; i < c->r.section_count; i++) {
		const struct score_section *sec = &c->r.sections[i];
		char *line;
		double w = 0;
		const char *texts[1];
		if (!sec->below_min || sec->summary == NULL)
			continue;
		for (int k = 0; k < 6; k++)
			w += widths[k];
		line = xstrdup(sec->summary); /* it names its Handlungsfeld */
		texts[0] = line;
		export_put_merged(c, ws, row, 0, 5, line, c->fmt.value);
		list_row_height(c, ws, row, texts, &w, 1);
		free(line);
		row++;
	}
}

/* People's words for a goal status. */
static const char *
goal_status_text(enum goal_status st)
{
	switch (st) {
	case GOAL_REACHED:
		return "erreicht";
	case GOAL_PARTIAL:
		return "teilweise erreicht";
	case GOAL_NOT_REACHED:
		return "nicht erreicht";
	default:
		return "nicht bewertet";
	}
}

void
export_sheet_goals(struct export_ctx *c, lxw_worksheet *ws)
{
	static const char *const heads[] = {"Nr",        "Ziel",  "Maßnahmen",
	                                    "Messgröße", "Frist", "Verantwortlich"};
	static const char *const prev_heads[] = {"Nr",        "Ziel",   "Maßnahmen",
	                                         "Messgröße", "Status", "Sonderpunkte"};
	static const double widths[] = {6, 40, 48, 34, 14, 22};
	const struct form *f = c->f;
	lxw_row_t row = 1;

	list_begin(c, ws, heads, widths, 6, 6);
	for (int i = 0; i < f->goal_count; i++, row++) {
		const struct session_goal *g = &c->s->goals[i];
		char *deadline = export_german_date(g->deadline);
		const char *texts[] = {"",
		                       or_dash(g->goal),
		                       or_dash(g->measures),
		                       or_dash(g->indicator),
		                       or_dash(deadline),
		                       or_dash(g->responsible)};
		export_put_number(c, ws, row, 0, i + 1, c->fmt.cell_int);
		for (int k = 1; k < 6; k++)
			export_put_text(c, ws, row, (lxw_col_t)k, texts[k], c->fmt.cell);
		list_row_height(c, ws, row, texts, widths, 6);
		free(deadline);
	}
	c->bonus_count = 0;
	if (c->s->meta.kind != AUDIT_RENEWAL || f->goal_count == 0)
		return;

	row++;
	export_put_merged(c, ws, row, 0, 5,
	                  "Entwicklungsziele des letzten Audits (Re-Audit)",
	                  c->fmt.label);
	row++;
	for (lxw_col_t col = 0; col < 6; col++)
		export_put_text(c, ws, row, col, prev_heads[col], c->fmt.head);
	row++;
	c->bonus_first = row;
	c->bonus_count = (size_t)f->goal_count;
	for (int i = 0; i < f->goal_count; i++, row++) {
		const struct session_goal *g = &c->s->previous_goals[i];
		enum goal_status st = c->s->previous_status[i];
		const char *texts[] = {"",
		                       or_dash(g->goal),
		                       or_dash(g->measures),
		                       or_dash(g->indicator),
		                       goal_status_text(st),
		                       ""};
		export_put_number(c, ws, row, 0, i + 1, c->fmt.cell_int);
		for (int k = 1; k < 5; k++)
			export_put_text(c, ws, row, (lxw_col_t)k, texts[k], c->fmt.cell);
		export_put_number(c, ws, row, 5, score_goal_bonus(f, st),
		                  c->fmt.cell_int);
		list_row_height(c, ws, row, texts, widths, 6);
	}
	{
		char formula[128];
		export_put_merged(c, ws, row, 0, 4, "Sonderpunkte gesamt",
		                  c->fmt.total_label);
		snprintf(formula, sizeof formula, "=SUM(F%u:F%u)",
		         (unsigned)c->bonus_first + 1, (unsigned)row);
		export_put_formula_number(c, ws, row, 5, formula, c->r.bonus,
		                          c->fmt.total_int);
	}
}

void
export_sheet_evidence(struct export_ctx *c, lxw_worksheet *ws)
{
	static const char *const heads[] = {
	    "Nr", "Frage", "Nachweis", "Status", "nachzureichen bis", "Beschreibung"};
	static const double widths[] = {6, 44, 40, 15, 16, 38};
	const struct form *f = c->f;
	lxw_row_t row = 1;

	list_begin(c, ws, heads, widths, 6, 6);
	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct form_question *q = &f->questions[qi];
		const struct session_item *it = &c->s->items[qi];
		int visible =
		    c->r.question_visible != NULL ? c->r.question_visible[qi] : 1;
		int recorded = it->evidence != EVIDENCE_NONE ||
		               (it->evidence_text != NULL && it->evidence_text[0]);
		char *nr, *due;
		const char *status;
		if (!recorded && (q->evidence == NULL || !visible))
			continue;
		nr = export_question_number(f, qi);
		due = it->evidence == EVIDENCE_DUE ? export_german_date(it->evidence_due)
		                                   : xstrdup("");
		status = it->evidence != EVIDENCE_NONE
		             ? session_evidence_name(it->evidence)
		             : "nicht erfasst";
		{
			const char *texts[] = {nr,     q->text, or_dash(q->evidence),
			                       status, due,     it->evidence_text};
			export_put_text(c, ws, row, 0, nr, c->fmt.cell);
			export_put_text(c, ws, row, 1, q->text, c->fmt.cell);
			export_put_text(c, ws, row, 2, or_dash(q->evidence), c->fmt.cell);
			export_put_text(c, ws, row, 3, status, c->fmt.cell);
			export_put_text(c, ws, row, 4, due, c->fmt.cell);
			export_put_text(c, ws, row, 5, it->evidence_text, c->fmt.cell);
			list_row_height(c, ws, row, texts, widths, 6);
		}
		free(due);
		free(nr);
		row++;
	}
	if (row > 1)
		export_check(c, worksheet_autofilter(ws, 0, 0, row - 1, 5));
}
