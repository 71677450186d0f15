/*
 * compare_format.c: the three forms of a comparison (compare.h) that
 * `wohnort-audit compare` prints: German text for a person, tab-separated
 * lines and one JSON object for programs. Numbers in files never depend on
 * the locale: percentages are integer tenths written with '.'. Builds
 * strings only; never prints.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/json.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/compare.h"
#include "model/interview.h"

/* Append text on one line: tabs and line breaks as spaces. */
static void
add_one_line(struct buf *b, const char *text)
{
	for (; text != NULL && *text != '\0'; text++)
		buf_addc(b,
		         *text == '\t' || *text == '\n' || *text == '\r' ? ' ' : *text);
}

/* Append tenths as "38.5" (tsv, C locale). */
static void
add_tenths(struct buf *b, long long tenths)
{
	long long a = tenths < 0 ? -tenths : tenths;
	buf_printf(b, "%s%lld.%lld", tenths < 0 ? "-" : "", a / 10, a % 10);
}

/* tsv: points, max and percent of a figure; "-" for what is absent. */
static void
tsv_figure(struct buf *b, const struct compare_figure *f)
{
	if (!f->present) {
		buf_adds(b, "-\t-\t-");
		return;
	}
	buf_printf(b, "%d\t%d\t", f->points, f->max);
	if (f->max > 0)
		add_tenths(b, f->tenths);
	else
		buf_addc(b, '-');
}

/* tsv: difference, its unit and the method. */
static void
tsv_delta(struct buf *b, const struct compare_delta *d)
{
	if (!d->comparable)
		buf_addc(b, '-');
	else if (d->percent)
		add_tenths(b, d->difference);
	else
		buf_printf(b, "%lld", d->difference);
	buf_printf(b, "\t%s\t%s", d->percent ? "percent" : "points",
	           d->method_changed ? "changed" : "same");
}

/* The full id of a question row's current or previous question, or "-". */
static const char *
row_id(const struct form *f, int qi)
{
	return qi >= 0 ? f->questions[qi].full_id : "-";
}

/* One tsv line describing an audit. */
static void
tsv_audit(struct buf *b, const char *what, const struct session *s)
{
	buf_printf(b, "%s\t%s\t%s\t%s\t", what, s->meta.datum ? s->meta.datum : "-",
	           s->form->id, s->form->edition);
	add_one_line(b, s->meta.kommune);
	buf_addc(b, '\n');
}

char *
compare_format_tsv(const struct compare_result *r)
{
	struct buf b = {0};

	tsv_audit(&b, "then", r->prev);
	tsv_audit(&b, "now", r->cur);
	for (size_t i = 0; i < r->section_count; i++) {
		const struct compare_section *s = &r->sections[i];
		buf_printf(&b, "section\t%s\t", s->id);
		tsv_figure(&b, &s->then);
		buf_addc(&b, '\t');
		tsv_figure(&b, &s->now);
		buf_addc(&b, '\t');
		tsv_delta(&b, &s->delta);
		buf_addc(&b, '\n');
	}
	buf_printf(&b, "bonus\t%d\t%d\t%d\n", r->bonus_then.points, r->bonus_now.points,
	           r->bonus_now.points - r->bonus_then.points);
	buf_adds(&b, "total\t");
	tsv_figure(&b, &r->total_then);
	buf_addc(&b, '\t');
	tsv_figure(&b, &r->total_now);
	buf_addc(&b, '\t');
	tsv_delta(&b, &r->total_delta);
	buf_printf(&b, "\nverdict\t%s\t%s\n", compare_verdict_key(r->verdict_then),
	           compare_verdict_key(r->verdict_now));
	for (size_t i = 0; i < r->question_count; i++) {
		const struct compare_question *q = &r->questions[i];
		buf_printf(&b, "question\t%s\t%s\t%s\t%s\t",
		           compare_change_key(q->change), row_id(r->cur->form, q->now),
		           row_id(r->prev->form, q->then), edition_fate_key(q->fate));
		tsv_figure(&b, &q->points_then);
		buf_addc(&b, '\t');
		tsv_figure(&b, &q->points_now);
		buf_addc(&b, '\t');
		add_one_line(&b, q->answer_then);
		buf_addc(&b, '\t');
		add_one_line(&b, q->answer_now);
		buf_addc(&b, '\n');
	}
	return buf_steal(&b);
}

/* ---- JSON ---- */

/* A figure as {points, max, percent}, or null when absent. */
static void
json_figure(struct json *j, const char *key, const struct compare_figure *f)
{
	json_key(j, key);
	if (!f->present) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	json_key(j, "points");
	json_int(j, f->points);
	json_key(j, "max");
	json_int(j, f->max);
	json_key(j, "percent");
	if (f->max > 0)
		json_tenths(j, f->tenths);
	else
		json_null(j);
	json_object_end(j);
}

/* The members of a delta. */
static void
json_delta(struct json *j, const struct compare_delta *d)
{
	json_key(j, "difference");
	if (!d->comparable)
		json_null(j);
	else if (d->percent)
		json_tenths(j, d->difference);
	else
		json_int(j, d->difference);
	json_key(j, "unit");
	json_string(j, d->percent ? "percent" : "points");
	json_key(j, "method_changed");
	json_bool(j, d->method_changed);
}

/* One audit's facts. */
static void
json_audit(struct json *j, const char *key, const struct session *s,
           const struct score_result *sc, enum compare_verdict v)
{
	json_key(j, key);
	json_object_begin(j);
	json_key(j, "kommune");
	json_string(j, s->meta.kommune);
	json_key(j, "datum");
	json_string(j, s->meta.datum);
	json_key(j, "form");
	json_string(j, s->form->id);
	json_key(j, "edition");
	json_string(j, s->form->edition);
	json_key(j, "bonus");
	json_int(j, sc->bonus);
	json_key(j, "verdict");
	json_string(j, compare_verdict_key(v));
	json_object_end(j);
}

char *
compare_format_json(const struct compare_result *r)
{
	struct json j;

	json_init(&j);
	json_object_begin(&j);
	json_audit(&j, "then", r->prev, &r->score_then, r->verdict_then);
	json_audit(&j, "now", r->cur, &r->score_now, r->verdict_now);
	json_key(&j, "sections");
	json_array_begin(&j);
	for (size_t i = 0; i < r->section_count; i++) {
		const struct compare_section *s = &r->sections[i];
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, s->id);
		json_key(&j, "title");
		json_string(&j, s->title);
		json_figure(&j, "then", &s->then);
		json_figure(&j, "now", &s->now);
		json_delta(&j, &s->delta);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "total");
	json_object_begin(&j);
	json_figure(&j, "then", &r->total_then);
	json_figure(&j, "now", &r->total_now);
	json_delta(&j, &r->total_delta);
	json_object_end(&j);
	json_key(&j, "questions");
	json_array_begin(&j);
	for (size_t i = 0; i < r->question_count; i++) {
		const struct compare_question *q = &r->questions[i];
		json_object_begin(&j);
		json_key(&j, "change");
		json_string(&j, compare_change_key(q->change));
		json_key(&j, "id");
		json_string(&j,
		            q->now >= 0 ? r->cur->form->questions[q->now].full_id : NULL);
		json_key(&j, "previous_id");
		json_string(&j, q->then >= 0 ? r->prev->form->questions[q->then].full_id
		                             : NULL);
		json_key(&j, "mapping");
		json_string(&j, edition_fate_key(q->fate));
		json_figure(&j, "then", &q->points_then);
		json_figure(&j, "now", &q->points_now);
		json_key(&j, "answer_then");
		json_string(&j, q->answer_then);
		json_key(&j, "answer_now");
		json_string(&j, q->answer_now);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	return json_finish(&j);
}

/* ---- German text ---- */

/* "18/27 (66,7 %)", "18/27", or "–" when absent. Caller frees. */
static char *
figure_text(const struct compare_figure *f)
{
	if (!f->present)
		return xstrdup("–");
	if (f->max <= 0)
		return xasprintf("%d/%d", f->points, f->max);
	return xasprintf("%d/%d (%lld,%lld %%)", f->points, f->max, f->tenths / 10,
	                 f->tenths % 10);
}

/* Append s padded with spaces to width characters. */
static void
add_padded(struct buf *b, const char *s, size_t width)
{
	size_t n = utf8_chars(s);

	buf_adds(b, s);
	for (; n < width; n++)
		buf_addc(b, ' ');
}

/* One row of the table: label, then, now, difference, method. */
static void
text_row(struct buf *b, const char *label, size_t label_w,
         const struct compare_figure *then, const struct compare_figure *now,
         const struct compare_delta *d)
{
	char *t = figure_text(then), *n = figure_text(now), *x = compare_delta_text(d);

	buf_adds(b, "  ");
	add_padded(b, label, label_w);
	buf_adds(b, "  ");
	add_padded(b, t, 16);
	buf_adds(b, "  ");
	add_padded(b, n, 16);
	buf_adds(b, "  ");
	buf_adds(b, x);
	if (d->method_changed && then->present && now->present)
		buf_adds(b, "  Methode geändert");
	else if (d->percent && then->present && now->present)
		buf_adds(b, "  Quoten verglichen (entfällt)");
	buf_addc(b, '\n');
	free(t);
	free(n);
	free(x);
}

/* "12.03.2023 (Prüfbogen-Fassung 11.05.2023)" of an audit. Caller frees. */
static char *
audit_line(const struct session *s)
{
	char *d = date_display(s->meta.datum), *e = date_display(s->form->edition);
	char *line = xasprintf("%s (Prüfbogen %s, Fassung %s)", d ? d : "?", s->form->id,
	                       e ? e : "?");
	free(d);
	free(e);
	return line;
}

char *
compare_format_text(const struct compare_result *r)
{
	struct buf b = {0};
	size_t label_w = strlen("Endpunktzahl");
	char *then = audit_line(r->prev), *now = audit_line(r->cur), *map;

	buf_printf(&b, "Entwicklung: %s\n",
	           r->cur->meta.kommune && *r->cur->meta.kommune ? r->cur->meta.kommune
	                                                         : "(Kommune fehlt)");
	buf_printf(&b, "Letztes Audit: %s\nDieses Audit:  %s\n", then, now);
	free(then);
	free(now);
	map = edition_summary(&r->map);
	if (map != NULL)
		buf_printf(&b, "%s\n", map);
	free(map);
	for (size_t i = 0; i < r->section_count; i++) {
		size_t w = utf8_chars(r->sections[i].title);
		if (w > label_w)
			label_w = w;
	}
	buf_adds(&b, "\n  ");
	add_padded(&b, "Handlungsfeld", label_w);
	buf_adds(&b, "  ");
	add_padded(&b, "damals", 16);
	buf_adds(&b, "  ");
	add_padded(&b, "heute", 16);
	buf_adds(&b, "  Veränderung\n");
	for (size_t i = 0; i < r->section_count; i++) {
		const struct compare_section *s = &r->sections[i];
		text_row(&b, s->title, label_w, &s->then, &s->now, &s->delta);
	}
	{
		struct compare_delta d = {.comparable = 1,
		                          .difference =
		                              r->bonus_now.points - r->bonus_then.points};
		char *x = compare_delta_text(&d);
		buf_adds(&b, "  ");
		add_padded(&b, "Sonderpunkte", label_w);
		buf_printf(&b, "  %-16d  %-16d  %s\n", r->bonus_then.points,
		           r->bonus_now.points, x);
		free(x);
	}
	text_row(&b, "Endpunktzahl", label_w, &r->total_then, &r->total_now,
	         &r->total_delta);
	buf_adds(&b, "  ");
	add_padded(&b, "Ergebnis", label_w);
	buf_adds(&b, "  ");
	add_padded(&b, compare_verdict_name(r->verdict_then), 16);
	buf_printf(&b, "  %s\n", compare_verdict_name(r->verdict_now));

	buf_printf(&b,
	           "\nVeränderte Antworten: %zu besser, %zu schlechter, %zu geändert, "
	           "%zu neu, %zu entfallen\n",
	           r->count[COMPARE_BETTER], r->count[COMPARE_WORSE],
	           r->count[COMPARE_CHANGED], r->count[COMPARE_NEW],
	           r->count[COMPARE_RETIRED]);
	for (size_t i = 0; i < r->question_count; i++) {
		const struct compare_question *q = &r->questions[i];
		const struct form *f = q->now >= 0 ? r->cur->form : r->prev->form;
		int qi = q->now >= 0 ? q->now : q->then;
		char *number = interview_number(f, (size_t)qi);

		buf_adds(&b, "  ");
		add_padded(&b, compare_change_name(q->change), 11);
		add_padded(&b, number, 5);
		buf_printf(&b, "%s ", q->now < 0 ? " (alt)" : "");
		add_one_line(&b, f->questions[qi].text);
		buf_printf(&b, "\n                  damals: ");
		add_one_line(&b, q->answer_then);
		if (q->answered_then && q->points_then.max > 0)
			buf_printf(&b, " (%d/%d P.)", q->points_then.points,
			           q->points_then.max);
		buf_adds(&b, " → heute: ");
		add_one_line(&b, q->answer_now);
		if (q->answered_now && q->points_now.max > 0)
			buf_printf(&b, " (%d/%d P.)", q->points_now.points,
			           q->points_now.max);
		if (q->delta.method_changed && q->points_then.present &&
		    q->points_now.present &&
		    (q->points_then.max > 0 || q->points_now.max > 0))
			buf_adds(&b, " – Methode geändert");
		if (q->fate != EDITION_SAME && q->fate != EDITION_NEW)
			buf_printf(&b, " [%s]", edition_fate_name(q->fate));
		buf_addc(&b, '\n');
		free(number);
	}
	return buf_steal(&b);
}
