/*
 * export_result.c: the "Ergebnis" sheet, page one of the Ergebnisformular:
 * the interview's facts, the table per Handlungsfeld, Sonderpunkte,
 * Endpunktzahl and verdict, and a chart of the Quote against the minimum.
 * Then what the town must act on: the agreed Entwicklungsziele with their
 * deadlines and the evidence still outstanding; the signatures of the
 * auditor and the IHK with room for its stamp, and the IHK's logo at the
 * head. Every sum is a formula over Bewertung (or Entwicklungsziele) written
 * with the score module's result as its cached value, so a viewer that does
 * not recalculate shows the right numbers and an edited point recalculates;
 * the internal variant says so in a cell comment, which is not printed.
 * Computes no score itself beyond restating score_compute's result.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/export_private.h"
#include "model/history.h"
#include "model/vocab.h"
#include "lib/util.h"

/* Column widths (Excel units) of A..F; G is a hidden helper column. */
static const double result_widths[] = {38, 11, 11, 10, 13, 11};
#define RESULT_LAST_COL 5
#define RESULT_HELPER_COL 6 /* hidden: points a section lacks to its minimum */
/* The chart: libxlsxwriter's 480x288 pixels, scaled; rows it covers (20 px). */
#define CHART_Y_SCALE 1.0
#define CHART_ROWS 16
/* The logo's box at the head of the page, pixels (columns E..F, rows 1..2). */
#define LOGO_BOX_WIDTH 168.0
#define LOGO_BOX_HEIGHT 60.0

/* Cell name like "B7" for 0-based row and column (columns A..Z). */
static void
cell_name(char out[16], lxw_row_t row, lxw_col_t col)
{
	snprintf(out, 16, "%c%u", 'A' + (int)col, (unsigned)row + 1);
}

/* Width of the merged value cells B..F. */
static double
merged_width(void)
{
	double w = 0;
	for (int i = 1; i <= RESULT_LAST_COL; i++)
		w += result_widths[i];
	return w;
}

/* One "Label: value" line of the facts block; value is merged across B..F. */
static void
put_fact(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *label,
         const char *value)
{
	double w = merged_width();
	const char *texts[1];
	char *clean = export_clean_text(value);

	texts[0] = clean;
	export_put_text(c, ws, row, 0, label, c->fmt.label);
	export_put_merged(c, ws, row, 1, RESULT_LAST_COL, clean[0] ? clean : "–",
	                  c->fmt.value);
	export_check(c,
	             worksheet_set_row(ws, row, export_row_height(texts, &w, 1), NULL));
	free(clean);
}

/* An explanation merged across first_col..F beside a total; sets the row height. */
static void
put_note(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t first_col,
         const char *text)
{
	double w = -1.5; /* the indent */
	const char *texts[1] = {text};
	for (lxw_col_t col = first_col; col <= RESULT_LAST_COL; col++)
		w += result_widths[col];
	export_put_merged(c, ws, row, first_col, RESULT_LAST_COL, text,
	                  c->fmt.total_note);
	export_check(c,
	             worksheet_set_row(ws, row, export_row_height(texts, &w, 1), NULL));
}

/* Participants as "Name (Funktion)" lines. Caller frees. */
static char *
participants_text(const struct session *s)
{
	struct buf b = {0};
	for (size_t i = 0; i < s->participant_count; i++) {
		const struct session_participant *p = &s->participants[i];
		if ((p->name == NULL || !p->name[0]) &&
		    (p->function == NULL || !p->function[0]))
			continue;
		if (b.len > 0)
			buf_addc(&b, '\n');
		buf_adds(&b, p->name != NULL && p->name[0] ? p->name : "–");
		if (p->function != NULL && p->function[0])
			buf_printf(&b, " (%s)", p->function);
	}
	return b.data != NULL ? buf_steal(&b) : xstrdup("");
}

/* The verdict word the sheet shows for a result. */
static const char *
verdict_text(const struct score_result *r)
{
	if (r->provisional)
		return "vorläufig";
	return r->passed ? "bestanden" : "nicht bestanden";
}

/* The facts block at the top: Kommune … Teilnehmende. Returns the next row. */
static lxw_row_t
write_facts(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row)
{
	const struct session *s = c->s;
	const struct form *f = c->f;
	char *date = export_german_date(s->meta.datum);
	char *edition = export_german_date(f->edition);
	char *form_line =
	    xasprintf("%s, Fassung vom %s", f->title ? f->title : f->id, edition);
	char *people = participants_text(s);

	put_fact(c, ws, row++, "Kommune", s->meta.kommune);
	put_fact(c, ws, row++, "Landkreis", s->meta.landkreis);
	put_fact(c, ws, row++, "Zentralitätsstufe", s->meta.zentralitaet);
	put_fact(c, ws, row++, "IHK", s->meta.ihk);
	put_fact(c, ws, row++, "Auditor/in", s->meta.auditor);
	put_fact(c, ws, row++, "Datum", date);
	put_fact(c, ws, row++, "Art",
	         s->meta.kind == AUDIT_RENEWAL ? "Re-Audit" : "Erstaudit");
	put_fact(c, ws, row++, "Prüfbogen", form_line);
	put_fact(c, ws, row++, "Teilnehmende", people);
	free(people);
	free(form_line);
	free(edition);
	free(date);
	return row;
}

/* The per-Handlungsfeld table; returns the row after its last section. */
static lxw_row_t
write_sections(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row)
{
	static const char *const heads[] = {"Handlungsfeld", "Punkte",       "Maximum",
	                                    "Quote",         "Mindestquote", "erfüllt"};
	const struct form *f = c->f;
	unsigned first = (unsigned)c->rating_first + 1,
	         last = (unsigned)c->rating_last + 1;
	char sec_col[4], pts_col[4], max_col[4];
	int pct = f->pass_section_min_percent;

	export_col_name(sec_col, c->rating_section);
	export_col_name(pts_col, c->rating_points);
	export_col_name(max_col, c->rating_max);

	for (lxw_col_t col = 0; col <= RESULT_LAST_COL; col++)
		export_put_text(c, ws, row, col, heads[col], c->fmt.head);
	export_check(c, worksheet_set_row(ws, row, 18, NULL));
	row++;
	for (size_t i = 0; i < f->section_count; i++, row++) {
		const struct score_section *sec = &c->r.sections[i];
		char b[16], cc[16], e[16], fcell[16], formula[512];
		const char *texts[1] = {f->sections[i].title};
		double w = result_widths[0];

		cell_name(b, row, 1);
		cell_name(cc, row, 2);
		cell_name(e, row, 4);
		export_put_text(c, ws, row, 0, f->sections[i].title, c->fmt.cell);
		snprintf(formula, sizeof formula,
		         "=SUMIF(Bewertung!$%s$%u:$%s$%u,%zu,Bewertung!$%s$%u:$%s$%u)",
		         sec_col, first, sec_col, last, i + 1, pts_col, first, pts_col,
		         last);
		export_put_formula_number(c, ws, row, 1, formula, sec->points,
		                          c->fmt.cell_int);
		snprintf(formula, sizeof formula,
		         "=SUMIF(Bewertung!$%s$%u:$%s$%u,%zu,Bewertung!$%s$%u:$%s$%u)",
		         sec_col, first, sec_col, last, i + 1, max_col, first, max_col,
		         last);
		export_put_formula_number(c, ws, row, 2, formula, sec->max,
		                          c->fmt.cell_int);
		snprintf(formula, sizeof formula, "=IF(%s=0,\"–\",%s/%s)", cc, b, cc);
		if (sec->max > 0)
			export_put_formula_number(c, ws, row, 3, formula,
			                          (double)sec->points / sec->max,
			                          c->fmt.cell_percent);
		else
			export_put_formula_text(c, ws, row, 3, formula, "–",
			                        c->fmt.cell_percent);
		export_put_number(c, ws, row, 4, pct / 100.0, c->fmt.cell_percent);
		/* integer comparison, as the score module does */
		snprintf(formula, sizeof formula,
		         "=IF(%s=0,\"–\",IF(%s*100>=ROUND(%s*100,0)*%s,\"ja\",\"nein\"))",
		         cc, b, e, cc);
		export_put_formula_text(c, ws, row, 5, formula,
		                        sec->max == 0 ? "–"
		                                      : (sec->below_min ? "nein" : "ja"),
		                        c->fmt.cell_center);
		cell_name(fcell, row, 5);
		snprintf(formula, sizeof formula,
		         "=IF(%s=\"nein\",ROUNDUP((ROUND(%s*100,0)*%s-100*%s)/100,0),0)",
		         fcell, e, cc, b);
		export_put_formula_number(c, ws, row, RESULT_HELPER_COL, formula,
		                          sec->needed, c->fmt.helper);
		export_check(
		    c, worksheet_set_row(ws, row, export_row_height(texts, &w, 1), NULL));
	}
	return row;
}

/* Sonderpunkte, Endpunktzahl, Ergebnisquote, verdict and what is missing. */
static lxw_row_t
write_totals(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_row_t first_sec,
             lxw_row_t last_sec)
{
	const struct form *f = c->f;
	const struct score_result *r = &c->r;
	unsigned first = (unsigned)first_sec + 1, last = (unsigned)last_sec + 1;
	unsigned qfirst = (unsigned)c->rating_first + 1,
	         qlast = (unsigned)c->rating_last + 1;
	lxw_row_t bonus_row, total_row, quote_row, open_row, verdict_row;
	char formula[768], valid[11] = "", *valid_de, open_col[4], bonus_col[4];
	int total_ok = (long)r->total * 100 >= (long)f->pass_total_percent * r->max;
	int years =
	    c->s->meta.kind == AUDIT_RENEWAL ? f->validity_renewal : f->validity_first;

	/* Sonderpunkte: the sum on Entwicklungsziele in a re-audit */
	bonus_row = row;
	export_put_text(c, ws, row, 0, "Sonderpunkte (Entwicklungsziele)",
	                c->fmt.total_label);
	if (c->bonus_count > 0) {
		export_col_name(bonus_col, c->bonus_col);
		snprintf(formula, sizeof formula, "=SUM(Entwicklungsziele!$%s$%u:$%s$%u)",
		         bonus_col, (unsigned)c->bonus_first + 1, bonus_col,
		         (unsigned)(c->bonus_first + c->bonus_count));
		export_put_formula_number(c, ws, row, 1, formula, r->bonus,
		                          c->fmt.total_int);
	} else {
		export_put_number(c, ws, row, 1, r->bonus, c->fmt.total_int);
	}
	put_note(c, ws, row, 2,
	         c->bonus_count > 0 ? "für die Entwicklungsziele des letzten Audits"
	                            : "im Erstaudit keine");
	row++;

	total_row = row;
	export_put_text(c, ws, row, 0, "Endpunktzahl", c->fmt.total_label);
	snprintf(formula, sizeof formula, "=SUM(B%u:B%u)+B%u", first, last,
	         bonus_row + 1);
	export_put_formula_number(c, ws, row, 1, formula, r->total, c->fmt.total_int);
	if (c->internal) {
		/* for the IHK only, and never printed: how the sums work */
		lxw_comment_options note = {
		    .author = "wohnort-audit", .width = 300, .height = 90};
		export_check(c, worksheet_write_comment_opt(
		                    ws, row, 1,
		                    "Die Summen sind Formeln über das Blatt „Bewertung“; "
		                    "Punkte dort ändern die Summen hier.",
		                    &note));
	}
	snprintf(formula, sizeof formula, "=SUM(C%u:C%u)", first, last);
	export_put_formula_number(c, ws, row, 2, formula, r->max, c->fmt.total_int);
	put_note(c, ws, row, 3, "erreichte und mögliche Punkte");
	row++;

	quote_row = row;
	export_put_text(c, ws, row, 0, "Ergebnisquote", c->fmt.total_label);
	export_put_text(c, ws, row, 1, "", c->fmt.total_label);
	export_put_text(c, ws, row, 2, "", c->fmt.total_label);
	snprintf(formula, sizeof formula, "=IF(C%u=0,\"–\",B%u/C%u)", total_row + 1,
	         total_row + 1, total_row + 1);
	if (r->max > 0)
		export_put_formula_number(c, ws, row, 3, formula,
		                          (double)r->total / r->max,
		                          c->fmt.total_percent);
	else
		export_put_formula_text(c, ws, row, 3, formula, "–",
		                        c->fmt.total_percent);
	export_put_number(c, ws, row, 4, f->pass_total_percent / 100.0,
	                  c->fmt.total_percent);
	snprintf(formula, sizeof formula,
	         "=IF(B%u*100>=ROUND(E%u*100,0)*C%u,\"ja\",\"nein\")", total_row + 1,
	         quote_row + 1, total_row + 1);
	export_put_formula_text(c, ws, row, 5, formula, total_ok ? "ja" : "nein",
	                        c->fmt.total_center);
	row++;

	open_row = row;
	export_put_text(c, ws, row, 0, "Offene Fragen", c->fmt.total_label);
	export_col_name(open_col, c->rating_open);
	snprintf(formula, sizeof formula, "=SUM(Bewertung!$%s$%u:$%s$%u)", open_col,
	         qfirst, open_col, qlast);
	export_put_formula_number(c, ws, row, 1, formula, r->open, c->fmt.total_int);
	put_note(c, ws, row, 2,
	         r->open > 0 ? "ohne Antwort: das Ergebnis ist vorläufig"
	                     : "alle Fragen beantwortet");
	row++;

	verdict_row = row;
	export_put_text(c, ws, row, 0, "Ergebnis", c->fmt.verdict);
	snprintf(formula, sizeof formula,
	         "=IF(B%u>0,\"vorläufig\",IF(AND(F%u=\"ja\",COUNTIF(F%u:F%u,\"nein\")=0),"
	         "\"bestanden\",\"nicht bestanden\"))",
	         open_row + 1, quote_row + 1, first, last);
	/* merge first, then put the formula into the merged range's first cell */
	export_check(c, worksheet_merge_range(ws, row, 1, row, RESULT_LAST_COL, "",
	                                      c->fmt.verdict));
	export_put_formula_text(c, ws, row, 1, formula, verdict_text(r), c->fmt.verdict);
	export_check(c, worksheet_set_row(ws, row, 21, NULL));
	row++;

	/* gültig bis: the date the seal would hold to when the verdict is bestanden */
	if (score_valid_until(c->s->meta.datum, years, valid) != 0)
		valid[0] = '\0';
	valid_de = valid[0] ? export_german_date(valid) : xstrdup("–");
	export_put_text(c, ws, row, 0, "gültig bis", c->fmt.total_label);
	snprintf(formula, sizeof formula, "=IF(B%u=\"bestanden\",\"%s\",\"–\")",
	         verdict_row + 1, valid_de);
	export_put_formula_text(c, ws, row, 1, formula,
	                        r->passed && !r->provisional && valid[0] ? valid_de : "–",
	                        c->fmt.total_label);
	free(valid_de);
	valid_de = xasprintf("%d Jahre nach dem %s, wenn bestanden", years,
	                     c->s->meta.kind == AUDIT_RENEWAL ? "Re-Audit" : "Erstaudit");
	put_note(c, ws, row, 2, valid_de);
	free(valid_de);
	row++;

	export_put_text(c, ws, row, 0, "Punkte bis zum Siegel", c->fmt.total_label);
	snprintf(formula, sizeof formula,
	         "=MAX(0,ROUNDUP((ROUND(E%u*100,0)*C%u-100*B%u)/100,0),SUM(G%u:G%u))",
	         quote_row + 1, total_row + 1, total_row + 1, first, last);
	export_put_formula_number(c, ws, row, 1, formula, r->missing, c->fmt.total_int);
	put_note(c, ws, row, 2, "fehlen zu Gesamt- und Mindestquoten");
	row++;
	return row;
}

/* Bar chart of the Quote per Handlungsfeld against the Mindestquote. */
static void
write_chart(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_row_t first_sec,
            lxw_row_t last_sec)
{
	lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_BAR);
	lxw_chart_series *quote, *min;
	lxw_chart_fill quote_fill = {.color = 0x1F4E79};
	lxw_chart_fill min_fill = {.color = 0xBFBFBF};
	lxw_chart_font small = {.size = 9};
	lxw_chart_options opts = {
	    .x_scale = 1.4, .y_scale = CHART_Y_SCALE, .x_offset = 2, .y_offset = 6};

	if (chart == NULL) {
		export_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	quote = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(quote, EXPORT_SHEET_RESULT, first_sec, 0, last_sec,
	                            0);
	chart_series_set_values(quote, EXPORT_SHEET_RESULT, first_sec, 3, last_sec, 3);
	chart_series_set_name(quote, "Quote");
	chart_series_set_fill(quote, &quote_fill);
	chart_series_set_labels(quote);
	chart_series_set_labels_num_format(quote, "0%");
	chart_series_set_labels_font(quote, &small);
	min = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(min, EXPORT_SHEET_RESULT, first_sec, 0, last_sec, 0);
	chart_series_set_values(min, EXPORT_SHEET_RESULT, first_sec, 4, last_sec, 4);
	chart_series_set_name(min, "Mindestquote");
	chart_series_set_fill(min, &min_fill);
	export_quote_chart_layout(chart, "Quote je Handlungsfeld und Mindestquote", 60);
	export_check(c, worksheet_insert_chart_opt(ws, row, 0, chart, &opts));
}

/* Title, subtitle, the logo and the VORLÄUFIG / internal marks. Returns the
 * next row. */
static lxw_row_t
write_head(struct export_ctx *c, lxw_worksheet *ws)
{
	lxw_row_t row = 0;
	/* with a logo the title leaves columns E..F to it */
	lxw_col_t title_last = c->logo != NULL ? 3 : RESULT_LAST_COL;
	struct buf mark = {0};
	char *sub;

	export_put_merged(c, ws, row, 0, title_last, "Ergebnisformular", c->fmt.title);
	export_check(c, worksheet_set_row(ws, row, c->logo != NULL ? 30 : 24, NULL));
	row++;
	sub = xasprintf("Prüfgespräch „Ausgezeichneter Wohnort für Fachkräfte“ – %s",
	                c->s->meta.kommune ? c->s->meta.kommune : "");
	export_put_merged(c, ws, row, 0, title_last, sub, c->fmt.subtitle);
	if (c->logo != NULL) {
		double w = 0, h;
		const char *texts[1] = {sub};
		for (lxw_col_t col = 0; col <= title_last; col++)
			w += result_widths[col];
		h = export_row_height(texts, &w, 1);
		export_check(c, worksheet_set_row(ws, row, h > 17 ? h : 17, NULL));
	}
	free(sub);
	row++;
	if (c->logo != NULL) {
		double scale = export_image_fit(c->logo, LOGO_BOX_WIDTH, LOGO_BOX_HEIGHT);
		lxw_image_options opts = {.x_offset = 4,
		                          .y_offset = 2,
		                          .x_scale = scale,
		                          .y_scale = scale,
		                          .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
		                          .description = "Logo der IHK"};
		export_check(c, worksheet_insert_image_buffer_opt(ws, 0, 4, c->logo->data,
		                                                  c->logo->size, &opts));
	}
	if (c->r.provisional)
		buf_printf(&mark, "VORLÄUFIG – %d Frage%s noch offen", c->r.open,
		           c->r.open == 1 ? "" : "n");
	else if (c->provisional)
		buf_printf(&mark,
		           "VORLÄUFIG – das Audit ist noch nicht abgeschlossen "
		           "(Phase: %s)",
		           vocab_phase.items[session_phase(c->s)].label);
	if (c->internal)
		buf_printf(&mark, "%sINTERNE FASSUNG der IHK – nicht für die Kommune",
		           mark.len > 0 ? "\n" : "");
	if (mark.len > 0) {
		export_put_merged(c, ws, row, 0, RESULT_LAST_COL, mark.data,
		                  c->fmt.provisional);
		export_check(c, worksheet_set_row(ws, row,
		                                  c->provisional && c->internal ? 44 : 26,
		                                  NULL));
	}
	buf_free(&mark);
	return row + 2;
}

/* Text for the evidence the town still owes, one line each kind. Caller frees. */
static char *
outstanding_text(const struct export_ctx *c)
{
	struct export_evidence_row *rows;
	size_t n = export_evidence_rows(c, &rows), missing = 0, due = 0, overdue = 0,
	       conditional = 0;
	const char *first_due = NULL, *last_due = NULL;
	struct buf b = {0};

	for (size_t k = 0; k < n; k++) {
		const struct export_evidence_row *r = &rows[k];
		if (r->rank == EXPORT_EVIDENCE_MISSING) {
			missing++;
			conditional += r->conditional != 0;
		} else if (r->rank == EXPORT_EVIDENCE_DUE) {
			due++;
			overdue += r->overdue != 0;
			if (r->due != NULL) {
				if (first_due == NULL || strcmp(r->due, first_due) < 0)
					first_due = r->due;
				if (last_due == NULL || strcmp(r->due, last_due) > 0)
					last_due = r->due;
			}
		}
	}
	if (due > 0) {
		char *a = export_german_date(first_due),
		     *z = export_german_date(last_due);
		buf_printf(&b, "%zu nachzureichen", due);
		if (first_due == NULL)
			;
		else if (strcmp(first_due, last_due) == 0)
			buf_printf(&b, " bis %s", a);
		else
			buf_printf(&b, " bis %s … %s", a, z);
		if (overdue > 0)
			buf_printf(&b, ", davon %zu überfällig", overdue);
		free(a);
		free(z);
	}
	if (missing > 0) {
		buf_printf(&b, "%s%zu %s", b.len > 0 ? "\n" : "", missing,
		           missing == 1 ? "fehlt" : "fehlen");
		if (conditional > 0)
			buf_printf(&b, " (%zu Antwort%s mit Punkten unter Vorbehalt)",
			           conditional, conditional == 1 ? "" : "en");
	}
	if (b.len > 0)
		buf_adds(&b, "\nEinzeln auf dem Blatt „Nachweise“.");
	free(rows);
	return b.data != NULL ? buf_steal(&b) : xstrdup("keine");
}

/* The agreed Entwicklungsziele with their deadlines and the outstanding
 * evidence: what the town must act on. Returns the next row. */
static lxw_row_t
write_actions(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row)
{
	static const char *const heads[] = {"Vereinbarte Entwicklungsziele",
	                                    "Verantwortlich", "Frist"};
	const struct form *f = c->f;
	double goal_w = result_widths[0],
	       resp_w = result_widths[1] + result_widths[2] + result_widths[3];
	int shown = 0;
	char *text;

	export_put_text(c, ws, row, 0, heads[0], c->fmt.head);
	export_put_merged(c, ws, row, 1, 3, heads[1], c->fmt.head);
	export_put_merged(c, ws, row, 4, RESULT_LAST_COL, heads[2], c->fmt.head);
	export_check(c, worksheet_set_row(ws, row, 18, NULL));
	row++;
	for (int i = 0; i < f->goal_count; i++) {
		const struct session_goal *g = &c->s->goals[i];
		char *goal, *deadline;
		const char *texts[2];
		double widths[2] = {goal_w, resp_w}, h;
		if ((g->goal == NULL || !g->goal[0]) &&
		    (g->deadline == NULL || !g->deadline[0]))
			continue;
		goal = xasprintf("%d. %s", i + 1,
		                 g->goal != NULL && g->goal[0] ? g->goal : "–");
		deadline = g->deadline != NULL && g->deadline[0]
		               ? export_german_date(g->deadline)
		               : xstrdup("–");
		texts[0] = goal;
		texts[1] = g->responsible;
		h = export_row_height(texts, widths, 2);
		export_put_text(c, ws, row, 0, goal, c->fmt.cell);
		export_put_merged(
		    c, ws, row, 1, 3,
		    g->responsible != NULL && g->responsible[0] ? g->responsible : "–",
		    c->fmt.cell);
		export_put_merged(c, ws, row, 4, RESULT_LAST_COL, deadline, c->fmt.cell);
		export_check(c, worksheet_set_row(ws, row, h, NULL));
		free(goal);
		free(deadline);
		row++;
		shown++;
	}
	if (shown == 0) {
		export_put_merged(c, ws, row, 0, RESULT_LAST_COL, "keine vereinbart",
		                  c->fmt.cell);
		row++;
	}
	text = outstanding_text(c);
	{
		double w = merged_width();
		const char *texts[1] = {text};
		export_put_text(c, ws, row, 0, "Ausstehende Nachweise",
		                c->fmt.total_label);
		export_put_merged(c, ws, row, 1, RESULT_LAST_COL, text,
		                  c->fmt.total_note);
		export_check(
		    c, worksheet_set_row(ws, row, export_row_height(texts, &w, 1), NULL));
	}
	free(text);
	return row + 1;
}

/* Signature lines for the auditor and the IHK beside a box for the stamp. */
static lxw_row_t
write_signatures(struct export_ctx *c, lxw_worksheet *ws, lxw_row_t row)
{
	char *auditor =
	    xasprintf("Ort, Datum, Unterschrift Auditor/in%s%s",
	              c->s->meta.auditor && c->s->meta.auditor[0] ? " – " : "",
	              c->s->meta.auditor ? c->s->meta.auditor : "");
	char *ihk =
	    xasprintf("Ort, Datum, Unterschrift für die %s",
	              c->s->meta.ihk && c->s->meta.ihk[0] ? c->s->meta.ihk : "IHK");

	/* rows: space to sign, caption, space, caption; the stamp box beside */
	export_check(c, worksheet_merge_range(ws, row, 0, row + 3, 0, "Stempel der IHK",
	                                      c->fmt.stamp));
	c->cells++;
	export_check(c, worksheet_set_row(ws, row, 36, NULL));
	export_put_merged(c, ws, row + 1, 2, RESULT_LAST_COL, auditor, c->fmt.signature);
	export_check(c, worksheet_set_row(ws, row + 1, 14, NULL));
	export_check(c, worksheet_set_row(ws, row + 2, 36, NULL));
	export_put_merged(c, ws, row + 3, 2, RESULT_LAST_COL, ihk, c->fmt.signature);
	export_check(c, worksheet_set_row(ws, row + 3, 14, NULL));
	free(ihk);
	free(auditor);
	return row + 4;
}

void
export_sheet_result(struct export_ctx *c, lxw_worksheet *ws)
{
	const struct form *f = c->f;
	lxw_row_t row, first_sec, last_sec;
	lxw_row_col_options hidden = {.hidden = 1};
	char range[64];

	for (lxw_col_t col = 0; col <= RESULT_LAST_COL; col++)
		export_check(
		    c, worksheet_set_column(ws, col, col, result_widths[col], NULL));
	export_check(c, worksheet_set_column_opt(ws, RESULT_HELPER_COL, RESULT_HELPER_COL,
	                                         8, NULL, &hidden));
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);

	row = write_head(c, ws);
	row = write_facts(c, ws, row);
	row++;
	first_sec = row + 1;
	row = write_sections(c, ws, row);
	last_sec = row - 1;
	if (f->section_count > 0) {
		lxw_conditional_format below = {
		    .type = LXW_CONDITIONAL_TYPE_FORMULA,
		    .format = c->fmt.below_min,
		};
		snprintf(range, sizeof range, "=$F%u=\"nein\"", (unsigned)first_sec + 1);
		below.value_string = range;
		export_check(c, worksheet_conditional_format_range(
		                    ws, first_sec, 0, last_sec, RESULT_LAST_COL, &below));
	}
	row = write_totals(c, ws, row, first_sec, last_sec);
	row++;
	row = write_actions(c, ws, row);
	row++;
	if (f->section_count > 0) {
		write_chart(c, ws, row, first_sec, last_sec);
		row += CHART_ROWS;
	}
	row++;
	row = write_signatures(c, ws, row);

	export_page_setup(c, ws, 0, EXPORT_SHEET_RESULT);
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_center_horizontally(ws);
	export_check(c, worksheet_print_area(ws, 0, 0, row - 1, RESULT_LAST_COL));
}

void
export_quote_chart_layout(lxw_chart *chart, const char *title, uint16_t gap)
{
	lxw_chart_font small = {.size = 9};

	chart_title_set_name(chart, title);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	chart_axis_set_min(chart->x_axis, 0);
	chart_axis_set_max(chart->x_axis, 1);
	chart_axis_set_major_unit(chart->x_axis, 0.2);
	chart_axis_set_num_format(chart->x_axis, "0%");
	chart_axis_set_num_font(chart->x_axis, &small);
	chart_axis_set_num_font(chart->y_axis, &small);
	chart_axis_set_reverse(chart->y_axis); /* first Handlungsfeld on top */
	chart_set_series_gap(chart, gap);
}
