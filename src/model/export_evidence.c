/*
 * export_evidence.c: the "Nachweise" sheet, page two of the Ergebnisformular:
 * the evidence that matters for the result, what the town still owes first:
 * everything marked fehlt, then nachzureichen by due date, then the
 * evidence presented or not recorded for answers that earn points. Overdue
 * due dates and answers whose points stand on missing evidence are marked
 * from the score module's rules. Also gives Ergebnis the same list for its
 * summary (export_evidence_rows). Reads only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "lib/util.h"

/* The question is named by its number (its text is on Bewertung), so most
 * rows take one line. The auditor's description of the evidence is a
 * working note: only the internal variant has it (and prints landscape). */
static const struct export_column town_columns[] = {
    {"Nr", 5}, {"Nachweis", 60}, {"Status", 14}, {"Frist", 12}, {"Hinweis", 24},
};
static const struct export_column internal_columns[] = {
    {"Nr", 5},     {"Nachweis", 50}, {"Status", 14},
    {"Frist", 12}, {"Hinweis", 24},  {"Beschreibung", 44},
};

/* Group headings, by rank. */
static const char *const rank_titles[] = {
    "Fehlende Nachweise",
    "Nachzureichende Nachweise",
    "Vorgelegte Nachweise",
    "Nicht erfasste Nachweise zu Antworten mit Punkten",
};

/* qsort order: rank, then due date (nachzureichen), then form order. */
static int
row_cmp(const void *x, const void *y)
{
	const struct export_evidence_row *a = x, *b = y;
	if (a->rank != b->rank)
		return (int)a->rank - (int)b->rank;
	if (a->rank == EXPORT_EVIDENCE_DUE) {
		int cmp = a->due == NULL   ? (b->due == NULL ? 0 : 1)
		          : b->due == NULL ? -1
		                           : strcmp(a->due, b->due);
		if (cmp != 0)
			return cmp;
	}
	return a->question < b->question ? -1 : a->question > b->question;
}

size_t
export_evidence_rows(const struct export_ctx *c, struct export_evidence_row **out)
{
	const struct form *f = c->f;
	struct export_evidence_row *rows = xcalloc(f->question_count + 1, sizeof *rows);
	size_t n = 0;

	for (size_t qi = 0; qi < f->question_count; qi++) {
		const struct session_item *it = &c->s->items[qi];
		int visible =
		    c->r.question_visible != NULL ? c->r.question_visible[qi] : 1;
		int points = c->r.question_points != NULL && c->r.question_points[qi] > 0;
		struct export_evidence_row *r = &rows[n];

		if (it->evidence == EVIDENCE_MISSING)
			r->rank = EXPORT_EVIDENCE_MISSING;
		else if (it->evidence == EVIDENCE_DUE)
			r->rank = EXPORT_EVIDENCE_DUE;
		else if (!visible || !points)
			continue; /* a Nein, entfällt or hidden answer: no evidence needed
			           */
		else if (it->evidence == EVIDENCE_PRESENTED)
			r->rank = EXPORT_EVIDENCE_PRESENTED;
		else if (f->questions[qi].evidence != NULL ||
		         (it->evidence_text != NULL && it->evidence_text[0] != '\0'))
			r->rank = EXPORT_EVIDENCE_UNRECORDED;
		else
			continue; /* the form asks for no evidence here */
		r->question = qi;
		r->due = r->rank == EXPORT_EVIDENCE_DUE ? it->evidence_due : NULL;
		r->overdue = score_evidence_overdue(c->s, qi, c->today);
		r->conditional = score_conditional(c->s, qi);
		n++;
	}
	if (n > 1)
		qsort(rows, n, sizeof *rows, row_cmp);
	*out = rows;
	return n;
}

/* The status cell's words. */
static const char *
status_text(const struct export_evidence_row *r)
{
	static const char *const names[] = {"fehlt", "nachzureichen", "vorgelegt",
	                                    "nicht erfasst"};
	return names[r->rank];
}

/* What the town must know about the row beyond its status. */
static const char *
hint_text(const struct export_evidence_row *r)
{
	if (r->overdue)
		return "Frist überschritten";
	if (r->conditional)
		return "Punkte unter Vorbehalt";
	return "";
}

void
export_sheet_evidence(struct export_ctx *c, lxw_worksheet *ws)
{
	const struct form *f = c->f;
	struct export_evidence_row *rows;
	size_t n = export_evidence_rows(c, &rows);
	char *today = export_german_date(c->today);
	char *intro = xasprintf(
	    "Zuerst, was noch fehlt oder nachzureichen ist, dann die Nachweise zu "
	    "Antworten mit Punkten; Nr wie auf dem Blatt „Bewertung“. „Punkte unter "
	    "Vorbehalt“: die Antwort bringt Punkte, ihr Nachweis fehlt. Stand %s.",
	    today);
	const struct export_column *cols = c->internal ? internal_columns : town_columns;
	lxw_col_t ncols = c->internal ? 6 : 5;
	struct export_list l;

	export_list_begin(c, &l, ws, "Nachweise", intro, cols, ncols, c->internal);
	for (size_t k = 0; k < n; k++) {
		const struct export_evidence_row *r = &rows[k];
		const struct form_question *q = &f->questions[r->question];
		const struct session_item *it = &c->s->items[r->question];
		char *nr = export_question_number(f, r->question);
		char *due = r->rank == EXPORT_EVIDENCE_DUE
		                ? export_german_date(it->evidence_due)
		                : xstrdup("");
		const char *texts[] = {nr,
		                       q->evidence != NULL ? q->evidence : "–",
		                       status_text(r),
		                       due,
		                       hint_text(r),
		                       it->evidence_text};
		/* red: the due date and the hint; orange: the hint only */
		lxw_format *hint = r->overdue       ? c->fmt.cell_alert
		                   : r->conditional ? c->fmt.cell_caution
		                                    : c->fmt.cell;
		lxw_format *date = r->overdue ? c->fmt.cell_alert : c->fmt.cell;
		double height = export_row_height(texts, l.widths, ncols);

		if (k == 0 || rows[k - 1].rank != r->rank) {
			size_t count = 0;
			char *head;
			for (size_t j = k; j < n && rows[j].rank == r->rank; j++)
				count++;
			head = xasprintf("%s (%zu)", rank_titles[r->rank], count);
			export_list_heading(c, &l, head, c->fmt.section, height);
			free(head);
		}
		export_put_text(c, ws, l.row, 0, nr, c->fmt.cell);
		for (lxw_col_t col = 1; col < ncols; col++)
			export_put_text(c, ws, l.row, col, texts[col],
			                col == 3   ? date
			                : col == 4 ? hint
			                           : c->fmt.cell);
		export_list_row(c, &l, texts, 0);
		l.row++;
		free(due);
		free(nr);
	}
	if (n == 0)
		export_list_heading(c, &l, "Keine Nachweise erfasst.", c->fmt.value, 0);
	else
		export_check(
		    c, worksheet_autofilter(ws, l.head_row, 0, l.row - 1, ncols - 1));
	export_list_end(c, &l);
	free(rows);
	free(intro);
	free(today);
}
