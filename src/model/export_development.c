/*
 * export_development.c: the "Entwicklung" sheet of a re-audit's
 * Ergebnisformular: how the town developed since the previous audit kept in
 * the session (previous.dump). Per Handlungsfeld the points, maximum and
 * Quote then and now with the change (a change of method compared in
 * percentage points), Sonderpunkte, Endpunktzahl and verdict; a bar chart
 * of both audits' Quoten side by side; the questions whose answer changed;
 * and the previous audit's Entwicklungsziele with their status and
 * Sonderpunkte. Everything restates compare_sessions, so it says what
 * `compare` says; today's sums are formulas over Bewertung (and the
 * Sonderpunkte over Entwicklungsziele) with compare's numbers as their
 * cached values, as on Ergebnis. A4 portrait, fitted to the page width.
 * Reads only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/compare.h"
#include "model/export_private.h"
#include "model/interview.h"

/* The columns: Nr, text, then three figures for each audit, change, note. */
enum {
	COL_NUMBER,
	COL_TEXT,
	COL_POINTS_THEN,
	COL_MAX_THEN,
	COL_QUOTE_THEN,
	COL_POINTS_NOW,
	COL_MAX_NOW,
	COL_QUOTE_NOW,
	COL_CHANGE,
	COL_NOTE,
	COL_COUNT
};
static const double widths[COL_COUNT] = {5, 30, 7, 7, 8, 7, 7, 8, 12.5, 17};

/* Rows the chart covers (20 px each). */
#define CHART_ROWS 16

/* What the writer shares besides the export context. */
struct development {
	struct export_ctx *c;
	lxw_worksheet *ws;
	const struct compare_result *r;
	lxw_format *delta_points;  /* +3, −2, 0 */
	lxw_format *delta_percent; /* +4,5 %-Pkt. */
	lxw_format *total_delta_points, *total_delta_percent;
};

/* Cell name like "C7" for 0-based row and column (columns A..Z). */
static void
cell(char out[16], lxw_row_t row, lxw_col_t col)
{
	snprintf(out, 16, "%c%u", 'A' + (int)col, (unsigned)row + 1);
}

/* The width of columns first..last. */
static double
span(lxw_col_t first, lxw_col_t last)
{
	double w = 0;
	for (lxw_col_t col = first; col <= last; col++)
		w += widths[col];
	return w;
}

/* The signed number formats of the change column. */
static void
make_formats(struct development *d)
{
	lxw_format **all[4] = {&d->delta_points, &d->delta_percent,
	                       &d->total_delta_points, &d->total_delta_percent};

	for (int i = 0; i < 4; i++) {
		lxw_format *f = workbook_add_format(d->c->wb);
		format_set_border(f, LXW_BORDER_THIN);
		format_set_align(f, LXW_ALIGN_RIGHT);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		format_set_num_format(f, i % 2 == 0 ? "+0\" P.\";-0\" P.\";0\" P.\""
		                                    : "+0.0\" %-Pkt.\";-0.0\" %-Pkt.\";"
		                                      "0.0\" %-Pkt.\"");
		if (i >= 2) {
			format_set_bold(f);
			format_set_bg_color(f, 0xDDEBF7);
		}
		*all[i] = f;
	}
}

/* A figure's Quote as a formula over its points and maximum (written by the
 * caller), or "–" in all three cells when the figure is absent. */
static void
put_figure(struct development *d, lxw_row_t row, lxw_col_t col,
           const struct compare_figure *f, int total)
{
	struct export_ctx *c = d->c;
	lxw_format *pct = total ? c->fmt.total_percent : c->fmt.cell_percent;
	char p[16], m[16], formula[96];

	if (!f->present) {
		for (lxw_col_t k = 0; k < 3; k++)
			export_put_text(c, d->ws, row, col + k, "–",
			                total ? c->fmt.total_center : c->fmt.cell_center);
		return;
	}
	cell(p, row, col);
	cell(m, row, col + 1);
	snprintf(formula, sizeof formula, "=IF(%s=0,\"–\",%s/%s)", m, p, m);
	if (f->max > 0)
		export_put_formula_number(c, d->ws, row, col + 2, formula,
		                          (double)f->points / f->max, pct);
	else
		export_put_formula_text(c, d->ws, row, col + 2, formula, "–", pct);
}

/* The change cell: points or percentage points, a formula over the row. */
static void
put_delta(struct development *d, lxw_row_t row, const struct compare_delta *delta,
          int total)
{
	struct export_ctx *c = d->c;
	char formula[128], a[16], b[16];

	if (!delta->comparable) {
		export_put_text(c, d->ws, row, COL_CHANGE, "–",
		                total ? c->fmt.total_center : c->fmt.cell_center);
		return;
	}
	if (!delta->percent) {
		cell(a, row, COL_POINTS_THEN);
		cell(b, row, COL_POINTS_NOW);
		snprintf(formula, sizeof formula, "=%s-%s", b, a);
		export_put_formula_number(
		    c, d->ws, row, COL_CHANGE, formula, (double)delta->difference,
		    total ? d->total_delta_points : d->delta_points);
		return;
	}
	cell(a, row, COL_QUOTE_THEN);
	cell(b, row, COL_QUOTE_NOW);
	snprintf(formula, sizeof formula, "=ROUND(%s*100,1)-ROUND(%s*100,1)", b, a);
	export_put_formula_number(c, d->ws, row, COL_CHANGE, formula,
	                          (double)delta->difference / 10.0,
	                          total ? d->total_delta_percent : d->delta_percent);
}

/* The note of a figure pair: a change of method, or on one side only. */
static const char *
delta_note(const struct compare_figure *then, const struct compare_figure *now,
           const struct compare_delta *delta)
{
	if (!then->present)
		return "neu in dieser Fassung";
	if (!now->present)
		return "entfallen";
	if (delta->method_changed)
		return "Methode geändert";
	return delta->percent ? "Quoten verglichen (entfällt)" : "";
}

/* Title, the two audits and the edition mapping. Returns the next row. */
static lxw_row_t
write_head(struct development *d)
{
	struct export_ctx *c = d->c;
	const struct session *prev = d->r->prev, *cur = d->r->cur;
	char *a = export_german_date(prev->meta.datum),
	     *b = export_german_date(cur->meta.datum);
	char *ea = export_german_date(prev->form->edition),
	     *eb = export_german_date(cur->form->edition);
	char *line, *map = edition_summary(&d->r->map);
	lxw_row_t row = 0;
	double w = span(COL_TEXT, COL_NOTE);
	const char *texts[1];

	export_put_merged(c, d->ws, row, 0, COL_NOTE,
	                  "Entwicklung seit dem letzten Audit", c->fmt.title);
	export_check(c, worksheet_set_row(d->ws, row, 24, NULL));
	row++;
	line = xasprintf("%s – letztes Audit vom %s (Prüfbogen-Fassung %s), dieses Audit "
	                 "vom %s (Fassung %s)",
	                 cur->meta.kommune ? cur->meta.kommune : "", a, ea, b, eb);
	texts[0] = line;
	export_put_merged(c, d->ws, row, 0, COL_NOTE, line, c->fmt.subtitle);
	export_check(
	    c, worksheet_set_row(d->ws, row, export_row_height(texts, &w, 1), NULL));
	row++;
	if (map != NULL) {
		char *text =
		    xasprintf("%s. Wo sich die Höchstpunktzahl geändert hat "
		              "(„Methode geändert“), werden die Quoten verglichen.",
		              map);
		texts[0] = text;
		export_put_merged(c, d->ws, row, 0, COL_NOTE, text, c->fmt.note);
		export_check(c, worksheet_set_row(d->ws, row,
		                                  export_row_height(texts, &w, 1), NULL));
		free(text);
		row++;
	}
	free(line);
	free(map);
	free(a);
	free(b);
	free(ea);
	free(eb);
	return row + 1;
}

/* The heading row of the Handlungsfeld table (two rows: audit, figure). */
static lxw_row_t
write_table_heads(struct development *d, lxw_row_t row)
{
	struct export_ctx *c = d->c;
	static const char *const second[COL_COUNT] = {
	    "Nr",     "Handlungsfeld", "Punkte", "Max.",        "Quote",
	    "Punkte", "Max.",          "Quote",  "Veränderung", "Hinweis"};

	export_put_text(c, d->ws, row, COL_NUMBER, "", c->fmt.head);
	export_put_text(c, d->ws, row, COL_TEXT, "", c->fmt.head);
	export_put_merged(c, d->ws, row, COL_POINTS_THEN, COL_QUOTE_THEN, "letztes Audit",
	                  c->fmt.head);
	export_put_merged(c, d->ws, row, COL_POINTS_NOW, COL_QUOTE_NOW, "dieses Audit",
	                  c->fmt.head);
	export_put_text(c, d->ws, row, COL_CHANGE, "", c->fmt.head);
	export_put_text(c, d->ws, row, COL_NOTE, "", c->fmt.head);
	row++;
	for (lxw_col_t col = 0; col < COL_COUNT; col++)
		export_put_text(c, d->ws, row, col, second[col], c->fmt.head);
	export_check(c, worksheet_set_row(d->ws, row, 18, NULL));
	return row + 1;
}

/* The per-Handlungsfeld rows; returns the row after them. */
static lxw_row_t
write_sections(struct development *d, lxw_row_t row)
{
	struct export_ctx *c = d->c;
	const struct compare_result *r = d->r;
	unsigned first = (unsigned)c->rating_first + 1,
	         last = (unsigned)c->rating_last + 1;
	char sec_col[4], pts_col[4], max_col[4], formula[512];

	export_col_name(sec_col, c->rating_section);
	export_col_name(pts_col, c->rating_points);
	export_col_name(max_col, c->rating_max);
	for (size_t i = 0; i < r->section_count; i++, row++) {
		const struct compare_section *s = &r->sections[i];
		const char *texts[2] = {s->title,
		                        delta_note(&s->then, &s->now, &s->delta)};
		double w[2] = {widths[COL_TEXT], widths[COL_NOTE]};
		char *number =
		    s->now_index >= 0 ? xasprintf("%d", s->now_index + 1) : xstrdup("–");

		export_put_text(c, d->ws, row, COL_NUMBER, number, c->fmt.cell_center);
		export_put_text(c, d->ws, row, COL_TEXT, s->title, c->fmt.cell);
		if (s->then.present) {
			export_put_number(c, d->ws, row, COL_POINTS_THEN, s->then.points,
			                  c->fmt.cell_int);
			export_put_number(c, d->ws, row, COL_MAX_THEN, s->then.max,
			                  c->fmt.cell_int);
		}
		put_figure(d, row, COL_POINTS_THEN, &s->then, 0);
		if (s->now.present) {
			/* today's figures as on Ergebnis: sums over Bewertung */
			snprintf(
			    formula, sizeof formula,
			    "=SUMIF(Bewertung!$%s$%u:$%s$%u,%d,Bewertung!$%s$%u:$%s$%u)",
			    sec_col, first, sec_col, last, s->now_index + 1, pts_col,
			    first, pts_col, last);
			export_put_formula_number(c, d->ws, row, COL_POINTS_NOW, formula,
			                          s->now.points, c->fmt.cell_int);
			snprintf(
			    formula, sizeof formula,
			    "=SUMIF(Bewertung!$%s$%u:$%s$%u,%d,Bewertung!$%s$%u:$%s$%u)",
			    sec_col, first, sec_col, last, s->now_index + 1, max_col,
			    first, max_col, last);
			export_put_formula_number(c, d->ws, row, COL_MAX_NOW, formula,
			                          s->now.max, c->fmt.cell_int);
		}
		put_figure(d, row, COL_POINTS_NOW, &s->now, 0);
		put_delta(d, row, &s->delta, 0);
		export_put_text(c, d->ws, row, COL_NOTE, texts[1], c->fmt.cell);
		export_check(c, worksheet_set_row(d->ws, row,
		                                  export_row_height(texts, w, 2), NULL));
		free(number);
	}
	return row;
}

/* Sonderpunkte, Endpunktzahl and verdict under the sections. */
static lxw_row_t
write_totals(struct development *d, lxw_row_t row, lxw_row_t first_sec,
             lxw_row_t last_sec)
{
	struct export_ctx *c = d->c;
	const struct compare_result *r = d->r;
	lxw_row_t bonus_row = row;
	char formula[256], col[4];
	struct compare_delta bonus = {
	    .comparable = 1, .difference = r->bonus_now.points - r->bonus_then.points};

	export_put_text(c, d->ws, row, COL_NUMBER, "", c->fmt.total_label);
	export_put_text(c, d->ws, row, COL_TEXT, "Sonderpunkte (Entwicklungsziele)",
	                c->fmt.total_label);
	export_put_number(c, d->ws, row, COL_POINTS_THEN, r->bonus_then.points,
	                  c->fmt.total_int);
	export_put_text(c, d->ws, row, COL_MAX_THEN, "", c->fmt.total_label);
	export_put_text(c, d->ws, row, COL_QUOTE_THEN, "", c->fmt.total_label);
	if (c->bonus_count > 0) {
		export_col_name(col, c->bonus_col);
		snprintf(formula, sizeof formula, "=SUM(Entwicklungsziele!$%s$%u:$%s$%u)",
		         col, (unsigned)c->bonus_first + 1, col,
		         (unsigned)(c->bonus_first + c->bonus_count));
		export_put_formula_number(c, d->ws, row, COL_POINTS_NOW, formula,
		                          r->bonus_now.points, c->fmt.total_int);
	} else {
		export_put_number(c, d->ws, row, COL_POINTS_NOW, r->bonus_now.points,
		                  c->fmt.total_int);
	}
	export_put_text(c, d->ws, row, COL_MAX_NOW, "", c->fmt.total_label);
	export_put_text(c, d->ws, row, COL_QUOTE_NOW, "", c->fmt.total_label);
	put_delta(d, row, &bonus, 1);
	export_put_text(c, d->ws, row, COL_NOTE, "", c->fmt.total_label);
	row++;

	export_put_text(c, d->ws, row, COL_NUMBER, "", c->fmt.total_label);
	export_put_text(c, d->ws, row, COL_TEXT, "Endpunktzahl", c->fmt.total_label);
	export_put_number(c, d->ws, row, COL_POINTS_THEN, r->total_then.points,
	                  c->fmt.total_int);
	export_put_number(c, d->ws, row, COL_MAX_THEN, r->total_then.max,
	                  c->fmt.total_int);
	put_figure(d, row, COL_POINTS_THEN, &r->total_then, 1);
	snprintf(formula, sizeof formula, "=SUM(F%u:F%u)+F%u", (unsigned)first_sec + 1,
	         (unsigned)last_sec + 1, (unsigned)bonus_row + 1);
	export_put_formula_number(c, d->ws, row, COL_POINTS_NOW, formula,
	                          r->total_now.points, c->fmt.total_int);
	snprintf(formula, sizeof formula, "=SUM(G%u:G%u)", (unsigned)first_sec + 1,
	         (unsigned)last_sec + 1);
	export_put_formula_number(c, d->ws, row, COL_MAX_NOW, formula, r->total_now.max,
	                          c->fmt.total_int);
	put_figure(d, row, COL_POINTS_NOW, &r->total_now, 1);
	put_delta(d, row, &r->total_delta, 1);
	export_put_text(c, d->ws, row, COL_NOTE,
	                delta_note(&r->total_then, &r->total_now, &r->total_delta),
	                c->fmt.total_note);
	export_check(c, worksheet_set_row(d->ws, row, 30, NULL));
	row++;

	export_put_text(c, d->ws, row, COL_NUMBER, "", c->fmt.verdict);
	export_put_text(c, d->ws, row, COL_TEXT, "Ergebnis", c->fmt.verdict);
	export_put_merged(c, d->ws, row, COL_POINTS_THEN, COL_QUOTE_THEN,
	                  compare_verdict_name(r->verdict_then), c->fmt.verdict);
	export_put_merged(c, d->ws, row, COL_POINTS_NOW, COL_QUOTE_NOW,
	                  compare_verdict_name(r->verdict_now), c->fmt.verdict);
	export_put_text(c, d->ws, row, COL_CHANGE, "", c->fmt.verdict);
	export_put_text(c, d->ws, row, COL_NOTE, "", c->fmt.verdict);
	export_check(c, worksheet_set_row(d->ws, row, 21, NULL));
	return row + 1;
}

/* Both audits' Quote per Handlungsfeld, side by side. */
static void
write_chart(struct development *d, lxw_row_t row, lxw_row_t first_sec, lxw_row_t last_sec)
{
	struct export_ctx *c = d->c;
	lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_BAR);
	lxw_chart_series *then, *now;
	lxw_chart_fill then_fill = {.color = 0xA6A6A6}, now_fill = {.color = 0x1F4E79};
	lxw_chart_font small = {.size = 9};
	lxw_chart_options opts = {
	    .x_scale = 1.45, .y_scale = 1.0, .x_offset = 2, .y_offset = 6};

	if (chart == NULL) {
		export_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	then = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(then, EXPORT_SHEET_DEVELOPMENT, first_sec, COL_TEXT,
	                            last_sec, COL_TEXT);
	chart_series_set_values(then, EXPORT_SHEET_DEVELOPMENT, first_sec, COL_QUOTE_THEN,
	                        last_sec, COL_QUOTE_THEN);
	chart_series_set_name(then, "letztes Audit");
	chart_series_set_fill(then, &then_fill);
	now = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(now, EXPORT_SHEET_DEVELOPMENT, first_sec, COL_TEXT,
	                            last_sec, COL_TEXT);
	chart_series_set_values(now, EXPORT_SHEET_DEVELOPMENT, first_sec, COL_QUOTE_NOW,
	                        last_sec, COL_QUOTE_NOW);
	chart_series_set_name(now, "dieses Audit");
	chart_series_set_fill(now, &now_fill);
	chart_series_set_labels(now);
	chart_series_set_labels_num_format(now, "0%");
	chart_series_set_labels_font(now, &small);
	export_quote_chart_layout(chart, "Quote je Handlungsfeld: letztes und dieses Audit", 50);
	export_check(c, worksheet_insert_chart_opt(d->ws, row, 0, chart, &opts));
}

/* A heading above a table. */
static lxw_row_t
put_heading(struct development *d, lxw_row_t row, const char *text)
{
	export_put_merged(d->c, d->ws, row, 0, COL_NOTE, text, d->c->fmt.label);
	export_check(d->c, worksheet_set_row(d->ws, row, 20, NULL));
	return row + 1;
}

/* One audit's answer to a changed question: the answer over the points and
 * maximum columns, then its points (or "–" when unanswered or unscored). */
static void
put_answer(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t from,
           lxw_col_t to, lxw_col_t points_col, const char *answer, int answered,
           const struct compare_figure *points)
{
	export_put_merged(c, ws, row, from, to, answer, c->fmt.cell);
	if (answered && points->max > 0)
		export_put_number(c, ws, row, points_col, points->points, c->fmt.cell_int);
	else
		export_put_text(c, ws, row, points_col, "–", c->fmt.cell_center);
}

/* The changed questions; returns the next row. */
static lxw_row_t
write_questions(struct development *d, lxw_row_t row)
{
	struct export_ctx *c = d->c;
	const struct compare_result *r = d->r;
	static const char *const heads[] = {
	    "Nr",           "Frage",  "letztes Audit", "Punkte",
	    "dieses Audit", "Punkte", "Veränderung",   "Hinweis"};
	char *heading = xasprintf(
	    "Veränderte Antworten: %zu besser, %zu schlechter, %zu geändert, %zu neu, "
	    "%zu entfallen",
	    r->count[COMPARE_BETTER], r->count[COMPARE_WORSE], r->count[COMPARE_CHANGED],
	    r->count[COMPARE_NEW], r->count[COMPARE_RETIRED]);

	row = put_heading(d, row, heading);
	free(heading);
	export_put_text(c, d->ws, row, COL_NUMBER, heads[0], c->fmt.head);
	export_put_text(c, d->ws, row, COL_TEXT, heads[1], c->fmt.head);
	export_put_merged(c, d->ws, row, COL_POINTS_THEN, COL_MAX_THEN, heads[2],
	                  c->fmt.head);
	export_put_text(c, d->ws, row, COL_QUOTE_THEN, heads[3], c->fmt.head);
	export_put_merged(c, d->ws, row, COL_POINTS_NOW, COL_MAX_NOW, heads[4],
	                  c->fmt.head);
	export_put_text(c, d->ws, row, COL_QUOTE_NOW, heads[5], c->fmt.head);
	export_put_text(c, d->ws, row, COL_CHANGE, heads[6], c->fmt.head);
	export_put_text(c, d->ws, row, COL_NOTE, heads[7], c->fmt.head);
	export_check(c, worksheet_set_row(d->ws, row, 18, NULL));
	row++;
	if (r->question_count == 0) {
		export_put_merged(c, d->ws, row, 0, COL_NOTE,
		                  "Keine Antwort hat sich geändert.", c->fmt.cell);
		return row + 1;
	}
	for (size_t i = 0; i < r->question_count; i++, row++) {
		const struct compare_question *q = &r->questions[i];
		const struct form *f = q->now >= 0 ? r->cur->form : r->prev->form;
		int qi = q->now >= 0 ? q->now : q->then;
		char *number = interview_number(f, (size_t)qi);
		struct buf note = {0};
		const char *texts[4];
		double w[4] = {widths[COL_TEXT], span(COL_POINTS_THEN, COL_MAX_THEN),
		               span(COL_POINTS_NOW, COL_MAX_NOW), widths[COL_NOTE]};

		if (q->now < 0) {
			char *edition = export_german_date(r->prev->form->edition);
			buf_printf(&note, "Frage %s der Fassung vom %s", number, edition);
			free(edition);
		}
		if (q->fate != EDITION_SAME && q->fate != EDITION_NEW &&
		    q->fate != EDITION_RETIRED)
			buf_printf(&note, "%s%s", note.len ? "; " : "",
			           edition_fate_name(q->fate));
		if (q->delta.method_changed && q->points_then.present &&
		    q->points_now.present &&
		    (q->points_then.max > 0 || q->points_now.max > 0))
			buf_printf(&note, "%sMethode geändert: max. %d → %d P.",
			           note.len ? "; " : "", q->points_then.max,
			           q->points_now.max);
		buf_adds(&note, "");
		texts[0] = f->questions[qi].text;
		texts[1] = q->answer_then;
		texts[2] = q->answer_now;
		texts[3] = note.data;
		export_put_text(c, d->ws, row, COL_NUMBER, q->now >= 0 ? number : "–",
		                c->fmt.cell_center);
		export_put_text(c, d->ws, row, COL_TEXT, f->questions[qi].text,
		                c->fmt.cell);
		put_answer(c, d->ws, row, COL_POINTS_THEN, COL_MAX_THEN, COL_QUOTE_THEN,
		           q->answer_then, q->answered_then, &q->points_then);
		put_answer(c, d->ws, row, COL_POINTS_NOW, COL_MAX_NOW, COL_QUOTE_NOW,
		           q->answer_now, q->answered_now, &q->points_now);
		export_put_text(c, d->ws, row, COL_CHANGE, compare_change_name(q->change),
		                c->fmt.cell_center);
		export_put_text(c, d->ws, row, COL_NOTE, note.data, c->fmt.cell);
		export_check(c, worksheet_set_row(d->ws, row,
		                                  export_row_height(texts, w, 4), NULL));
		buf_free(&note);
		free(number);
	}
	return row;
}

/* The previous audit's Entwicklungsziele with status and Sonderpunkte. */
static lxw_row_t
write_goals(struct development *d, lxw_row_t row)
{
	struct export_ctx *c = d->c;
	const struct session *s = d->r->cur;
	lxw_row_t first;
	int shown = 0;
	char formula[64];

	row = put_heading(d, row, "Entwicklungsziele des letzten Audits");
	export_put_text(c, d->ws, row, COL_NUMBER, "Nr", c->fmt.head);
	export_put_text(c, d->ws, row, COL_TEXT, "Ziel", c->fmt.head);
	export_put_merged(c, d->ws, row, COL_POINTS_THEN, COL_QUOTE_THEN, "Frist",
	                  c->fmt.head);
	export_put_merged(c, d->ws, row, COL_POINTS_NOW, COL_QUOTE_NOW, "Status",
	                  c->fmt.head);
	export_put_text(c, d->ws, row, COL_CHANGE, "Sonderpunkte", c->fmt.head);
	export_put_text(c, d->ws, row, COL_NOTE, "", c->fmt.head);
	export_check(c, worksheet_set_row(d->ws, row, 18, NULL));
	row++;
	first = row;
	for (int i = 0; i < s->form->goal_count; i++) {
		const struct session_goal *g = &s->previous_goals[i];
		enum goal_status st = s->previous_status[i];
		char *number, *deadline;
		const char *texts[1] = {g->goal};
		double w = widths[COL_TEXT];

		if (!score_previous_goal_exists(s, i))
			continue;
		number = xasprintf("%d", i + 1);
		deadline =
		    g->deadline != NULL ? export_german_date(g->deadline) : xstrdup("–");
		export_put_text(c, d->ws, row, COL_NUMBER, number, c->fmt.cell_center);
		export_put_text(c, d->ws, row, COL_TEXT, g->goal, c->fmt.cell);
		export_put_merged(c, d->ws, row, COL_POINTS_THEN, COL_QUOTE_THEN,
		                  deadline, c->fmt.cell);
		export_put_merged(c, d->ws, row, COL_POINTS_NOW, COL_QUOTE_NOW,
		                  st != GOAL_OPEN ? session_goal_status_name(st)
		                                  : "nicht bewertet",
		                  c->fmt.cell);
		export_put_number(
		    c, d->ws, row, COL_CHANGE,
		    s->meta.kind == AUDIT_RENEWAL ? score_goal_bonus(s->form, st) : 0,
		    c->fmt.cell_int);
		export_put_text(c, d->ws, row, COL_NOTE, "", c->fmt.cell);
		export_check(c, worksheet_set_row(d->ws, row,
		                                  export_row_height(texts, &w, 1), NULL));
		free(number);
		free(deadline);
		row++;
		shown++;
	}
	if (shown == 0) {
		export_put_merged(
		    c, d->ws, row, 0, COL_NOTE,
		    "Das letzte Audit hat keine Entwicklungsziele vereinbart.",
		    c->fmt.cell);
		return row + 1;
	}
	export_put_merged(c, d->ws, row, 0, COL_QUOTE_NOW, "Sonderpunkte gesamt",
	                  c->fmt.total_label);
	snprintf(formula, sizeof formula, "=SUM(I%u:I%u)", (unsigned)first + 1,
	         (unsigned)row);
	export_put_formula_number(c, d->ws, row, COL_CHANGE, formula,
	                          d->r->bonus_now.points, c->fmt.total_int);
	export_put_text(c, d->ws, row, COL_NOTE, "", c->fmt.total_label);
	return row + 1;
}

void
export_sheet_development(struct export_ctx *c, lxw_worksheet *ws)
{
	struct compare_result r;
	struct development d = {.c = c, .ws = ws, .r = &r};
	lxw_row_t row, first_sec, last_sec;
	char *why = NULL;

	/* the copy was linked as this audit's previous one: the same town */
	if (compare_sessions(c->s->previous, c->s, COMPARE_FORCE, &r, &why) != 0) {
		free(why); /* cannot happen with COMPARE_FORCE */
		export_check(c, LXW_ERROR_PARAMETER_VALIDATION);
		return;
	}
	make_formats(&d);
	for (lxw_col_t col = 0; col < COL_COUNT; col++)
		export_check(c, worksheet_set_column(ws, col, col, widths[col], NULL));
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	row = write_head(&d);
	row = put_heading(&d, row, "Punkte je Handlungsfeld");
	row = write_table_heads(&d, row);
	first_sec = row;
	row = write_sections(&d, row);
	last_sec = row - 1;
	row = write_totals(&d, row, first_sec, last_sec);
	row++;
	if (r.section_count > 0) {
		write_chart(&d, row, first_sec, last_sec);
		row += CHART_ROWS + 1;
	}
	row = write_questions(&d, row);
	row++;
	row = write_goals(&d, row);

	export_page_setup(c, ws, 0, EXPORT_SHEET_DEVELOPMENT);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	export_check(c, worksheet_print_area(ws, 0, 0, row - 1, COL_NOTE));
	compare_result_free(&r);
}
