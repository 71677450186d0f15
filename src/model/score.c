/*
 * score.c: the verdict of an audit, computed from a session and its form:
 * show_if visibility, points and maxima per question and Handlungsfeld,
 * Sonderpunkte, Endpunktzahl, pass/fail (integer comparisons only), validity
 * date, open questions, missing points and the ordered recommendations, plus
 * three formatters (German text, tsv, JSON) that return strings.
 * Pure: no I/O, no printing, no exit, no curses, no locale-dependent numbers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json.h"
#include "model/score.h"
#include "lib/util.h"
#include "lib/utf8.h"
#include "lib/date.h"

/* Width of the bar in the text summary, in terminal cells. */
#define SCORE_BAR_WIDTH 30
/* How many recommendations the text summary lists. */
#define SCORE_TEXT_TOP 10
/* How many open questions a section summary names before "…". */
#define SCORE_SUMMARY_NAMES 3

/* Whether the show_if condition of question qi holds, given that its show_if
 * question is itself shown. */
static int
score_condition_met(const struct session *s, size_t qi)
{
	const struct form_question *q = &s->form->questions[qi];
	size_t p = (size_t)q->show_if_question;
	const struct form_question *pq = &s->form->questions[p];
	const struct answer *pa = &s->items[p].answer;

	if (q->show_if_option < 0)
		return answer_points(pq, pa) > 0;
	return answer_option_chosen(pq, pa, q->show_if_option);
}

/* Shown ⇔ no show_if, or the show_if question is shown and its condition holds. */
int
score_question_visible(const struct session *s, size_t qi)
{
	const struct form_question *q;

	if (s == NULL || s->form == NULL || qi >= s->form->question_count)
		return 0;
	q = &s->form->questions[qi];
	if (q->show_if_question < 0)
		return 1;
	/* The loader guarantees show_if points to an earlier question; a bad
	 * reference hides the question rather than recursing forever. */
	if ((size_t)q->show_if_question >= qi)
		return 0;
	return score_question_visible(s, (size_t)q->show_if_question) &&
	       score_condition_met(s, qi);
}

int
score_evidence_overdue(const struct session *s, size_t qi, const char *today)
{
	const struct session_item *it;

	if (qi >= s->form->question_count || today == NULL)
		return 0;
	it = &s->items[qi];
	return it->evidence == EVIDENCE_DUE && it->evidence_due != NULL &&
	       strcmp(it->evidence_due, today) < 0;
}

int
score_conditional(const struct session *s, size_t qi)
{
	if (qi >= s->form->question_count || s->items[qi].evidence != EVIDENCE_MISSING)
		return 0;
	return score_question_visible(s, qi) &&
	       answer_points(&s->form->questions[qi], &s->items[qi].answer) > 0;
}

/* Integer division of a non-negative numerator, rounded up. */
static long long
ceil_div(long long num, long long den)
{
	return num <= 0 ? 0 : (num + den - 1) / den;
}

/* 100·points/max in tenths of a percent, rounded half up (max > 0). */
static long long
percent_tenths_rounded(long long points, long long max)
{
	if (points < 0)
		return -percent_tenths_rounded(-points, max);
	return (2000 * points + max) / (2 * max);
}

long long
score_percent_tenths(long long points, long long max)
{
	return percent_tenths_rounded(points, max);
}

int
score_previous_goal_exists(const struct session *s, int g)
{
	const char *z;

	if (g < 0 || g >= s->form->goal_count || s->previous_goals == NULL)
		return 0;
	z = s->previous_goals[g].goal;
	return z != NULL && z[0] != '\0';
}

/* Sonderpunkte of a previous goal with that status. */
int
score_goal_bonus(const struct form *f, enum goal_status status)
{
	switch (status) {
	case GOAL_REACHED:
		return f->bonus_reached;
	case GOAL_PARTIAL:
		return f->bonus_partial;
	case GOAL_NOT_REACHED:
		return f->bonus_not_reached;
	default:
		return 0;
	}
}

/*
 * The recommendation text for question qi: the chosen option's, else the
 * question's. When that leaves nothing for a choice question that is open
 * or hidden, the text of its lowest-scoring option that has one: the advice
 * for a town that has nothing yet. A multi question has no single chosen
 * option, so it always uses the question's text.
 */
static const char *
score_recommendation_text(const struct session *s, size_t qi, int visible)
{
	const struct form_question *q = &s->form->questions[qi];
	const struct answer *a = &s->items[qi].answer;
	const struct form_option *lowest = NULL;
	int answered = visible && a->state == ANSWER_GIVEN;

	if (q->type != QUESTION_CHOICE)
		return q->recommendation;
	if (answered && a->number >= 0 && (size_t)a->number < q->option_count &&
	    q->options[a->number].recommendation != NULL)
		return q->options[a->number].recommendation;
	if (q->recommendation != NULL || answered)
		return q->recommendation;
	for (size_t o = 0; o < q->option_count; o++)
		if (q->options[o].recommendation != NULL &&
		    (lowest == NULL || q->options[o].points < lowest->points))
			lowest = &q->options[o];
	return lowest != NULL ? lowest->recommendation : NULL;
}

const char *
score_recommendation_label(const struct score_recommendation *r)
{
	return r->text != NULL && r->text[0] != '\0' ? r->text : SCORE_NO_RECOMMENDATION;
}

/* qsort order of recommendations: weak sections first, then gain
 * descending, then form order. */
static int
score_recommendation_cmp(const void *x, const void *y)
{
	const struct score_recommendation *a = x, *b = y;

	if (a->weak_section != b->weak_section)
		return b->weak_section - a->weak_section;
	if (a->gain != b->gain)
		return b->gain > a->gain ? 1 : -1;
	return a->question < b->question ? -1 : a->question > b->question;
}

void
score_percent_de(int points, int max, char out[32])
{
	long long t;

	if (max <= 0) {
		snprintf(out, 32, "–");
		return;
	}
	t = percent_tenths_rounded(points, max);
	snprintf(out, 32, "%lld,%lld", t / 10, t % 10);
}

/* Append "38,5" (tenths with a German decimal comma) to b. */
static void
buf_add_tenths_de(struct buf *b, long long tenths)
{
	buf_printf(b, "%lld,%lld", tenths / 10, tenths % 10);
}

/* Append the points with their German noun: "1 Punkt", "2 Punkte". */
static void
buf_add_points_de(struct buf *b, long long points)
{
	buf_printf(b, "%lld %s", points, points == 1 ? "Punkt" : "Punkte");
}

/* The one-line summary of what section si lacks (it is below its minimum). */
static char *
score_section_summary(const struct session *s, const struct score_result *r, size_t si)
{
	const struct form *f = s->form;
	const struct score_section *sec = &r->sections[si];
	struct buf b = {0};
	size_t named = 0, more = 0;

	buf_printf(&b, "%s: ", f->sections[si].title);
	buf_add_tenths_de(&b, percent_tenths_rounded(sec->points, sec->max));
	buf_printf(&b, " %% von mindestens %d %% – es %s ", f->pass_section_min_percent,
	           sec->needed == 1 ? "fehlt" : "fehlen");
	buf_add_points_de(&b, sec->needed);
	for (size_t k = 0; k < r->recommendation_count; k++) {
		const struct score_recommendation *rec = &r->recommendations[k];
		if (f->questions[rec->question].section != si)
			continue;
		if (named == SCORE_SUMMARY_NAMES) {
			more++;
			continue;
		}
		buf_adds(&b, named == 0 ? "; Potenzial: " : ", ");
		buf_printf(&b, "%s (+%d)", f->questions[rec->question].id, rec->gain);
		named++;
	}
	if (more > 0)
		buf_adds(&b, ", …");
	return buf_steal(&b);
}

/* Sort the recommendations and write the section summaries. */
static void
score_finish_recommendations(const struct session *s, struct score_result *r)
{
	if (r->recommendation_count > 1)
		qsort(r->recommendations, r->recommendation_count,
		      sizeof r->recommendations[0], score_recommendation_cmp);
	for (size_t si = 0; si < r->section_count; si++)
		if (r->sections[si].below_min)
			r->sections[si].summary = score_section_summary(s, r, si);
}

/* Everything in one pass over the questions in form order. */
void
score_compute(const struct session *s, struct score_result *out)
{
	const struct form *f = s->form;
	size_t n = f->question_count;
	unsigned char *counted;
	long long sum_points = 0, sum_max = 0;
	int weak = 0;

	memset(out, 0, sizeof *out);
	out->section_count = f->section_count;
	out->sections =
	    xcalloc(f->section_count ? f->section_count : 1, sizeof *out->sections);
	out->question_points = xcalloc(n ? n : 1, sizeof *out->question_points);
	out->question_visible = xcalloc(n ? n : 1, 1);
	out->recommendations = xcalloc(n ? n : 1, sizeof *out->recommendations);
	counted = xcalloc(n ? n : 1, 1);

	/* Questions in form order: show_if always refers to an earlier one. */
	for (size_t qi = 0; qi < n; qi++) {
		const struct form_question *q = &f->questions[qi];
		const struct answer *a = &s->items[qi].answer;
		struct score_section *sec = &out->sections[q->section];
		int visible;

		if (q->show_if_question < 0)
			visible = 1;
		else if ((size_t)q->show_if_question >= qi)
			visible = 0;
		else
			visible = out->question_visible[q->show_if_question] &&
			          score_condition_met(s, qi);
		out->question_visible[qi] = (unsigned char)visible;
		if (visible) {
			sec->shown++;
			if (a->state != ANSWER_OPEN)
				sec->answered++;
		}
		if (!form_type_scored(q->type))
			continue;
		if (visible && a->state == ANSWER_NA)
			continue; /* entfällt: neither points nor maximum */
		counted[qi] = 1;
		sec->max += q->max_points;
		if (!visible)
			continue; /* hidden: 0 points, counted in the maximum */
		if (a->state == ANSWER_OPEN) {
			sec->open++;
			continue;
		}
		out->question_points[qi] = answer_points(q, a);
		sec->points += out->question_points[qi];
	}

	for (size_t si = 0; si < out->section_count; si++) {
		struct score_section *sec = &out->sections[si];
		long long need = (long long)f->pass_section_min_percent * sec->max;

		sec->has_percent = sec->max > 0;
		if (sec->has_percent) {
			sec->percent = 100.0 * sec->points / sec->max;
			sec->below_min = 100LL * sec->points < need;
		}
		if (sec->below_min) {
			sec->needed = (int)ceil_div(need - 100LL * sec->points, 100);
			weak = 1;
		}
		sum_points += sec->points;
		sum_max += sec->max;
		out->open += sec->open;
	}

	if (s->meta.kind == AUDIT_RENEWAL && s->previous_status != NULL)
		for (int g = 0; g < f->goal_count; g++)
			if (score_previous_goal_exists(s, g))
				out->bonus += score_goal_bonus(f, s->previous_status[g]);

	out->total = (int)sum_points + out->bonus;
	out->max = (int)sum_max;
	out->percent = out->max > 0 ? 100.0 * out->total / out->max : 0.0;
	out->provisional = out->open > 0;
	/* A form with nothing left to score (maximum 0) awards no seal. */
	out->passed = out->max > 0 &&
	              100LL * out->total >= (long long)f->pass_total_percent * out->max &&
	              !weak;
	if (!out->passed && out->max > 0) {
		long long total_need = ceil_div(
		    (long long)f->pass_total_percent * out->max - 100LL * out->total,
		    100);
		long long section_need = 0;
		for (size_t si = 0; si < out->section_count; si++)
			section_need += out->sections[si].needed;
		out->missing =
		    (int)(total_need > section_need ? total_need : section_need);
	}
	if (out->passed && s->meta.datum != NULL)
		score_valid_until(s->meta.datum,
		                  s->meta.kind == AUDIT_RENEWAL ? f->validity_renewal
		                                                : f->validity_first,
		                  out->valid_until);

	for (size_t qi = 0; qi < n; qi++) {
		const struct form_question *q = &f->questions[qi];
		struct score_recommendation *rec;
		const char *own = s->items[qi].recommendation;

		if (!counted[qi] || out->question_points[qi] >= q->max_points)
			continue;
		rec = &out->recommendations[out->recommendation_count++];
		rec->question = qi;
		rec->gain = q->max_points - out->question_points[qi];
		rec->text = score_recommendation_text(s, qi, out->question_visible[qi]);
		rec->own = own != NULL && *own != '\0' ? own : NULL;
		rec->weak_section = out->sections[q->section].below_min;
	}
	free(counted);
	score_finish_recommendations(s, out);
}

/* Free what score_compute allocated; NULL and repeated calls are fine. */
void
score_result_free(struct score_result *r)
{
	if (r == NULL)
		return;
	for (size_t si = 0; r->sections != NULL && si < r->section_count; si++)
		free(r->sections[si].summary);
	free(r->sections);
	free(r->question_points);
	free(r->question_visible);
	free(r->recommendations);
	memset(r, 0, sizeof *r);
}

/* The validity date; see score.h. */
int
score_valid_until(const char *date, int years, char out[11])
{
	out[0] = '\0';
	if (date == NULL || years < 0 || years > 1000)
		return -1;
	return date_add_years(date, years, out);
}

/* ---- formatters ---- */

/* Append text with every tab, newline and carriage return as a space. */
static void
buf_add_one_line(struct buf *b, const char *text)
{
	for (; text != NULL && *text != '\0'; text++)
		buf_addc(b,
		         *text == '\t' || *text == '\n' || *text == '\r' ? ' ' : *text);
}

/* Append text, indenting every line after the first by indent spaces. */
static void
buf_add_indented(struct buf *b, const char *text, int indent)
{
	for (; *text != '\0'; text++) {
		if (*text == '\r')
			continue;
		buf_addc(b, *text);
		if (*text == '\n' && text[1] != '\0')
			buf_printf(b, "%*s", indent, "");
	}
}

/* Append the bar of a section: eighth blocks for the points, light shade for
 * the rest, and a heavy vertical line where the minimum lies. */
static void
buf_add_bar(struct buf *b, long long points, long long max, int min_percent)
{
	static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	long long filled = max > 0 ? points * SCORE_BAR_WIDTH * 8 / max : 0;
	int mark = min_percent * SCORE_BAR_WIDTH / 100;

	if (filled > SCORE_BAR_WIDTH * 8)
		filled = SCORE_BAR_WIDTH * 8;
	for (int i = 0; i < SCORE_BAR_WIDTH; i++) {
		long long rest = filled - 8LL * i;
		if (i == mark)
			buf_adds(b, "┃");
		if (rest >= 8)
			buf_adds(b, "█");
		else if (rest > 0)
			buf_adds(b, eighths[rest]);
		else
			buf_adds(b, "░");
	}
	if (mark >= SCORE_BAR_WIDTH)
		buf_adds(b, "┃");
}

/* The German summary of `score --format text`. */
char *
score_format_text(const struct session *s, const struct score_result *r)
{
	const struct form *f = s->form;
	struct buf b = {0};
	size_t title_width = 0, shown;
	int weak = 0;

	buf_printf(&b, "Ergebnis der Prüfung: %s",
	           s->meta.kommune && *s->meta.kommune ? s->meta.kommune
	                                               : "(Kommune fehlt)");
	buf_printf(&b, " – %s", s->meta.kind == AUDIT_RENEWAL ? "Re-Audit" : "Erstaudit");
	if (s->meta.datum != NULL && *s->meta.datum != '\0')
		buf_printf(&b, " vom %s", s->meta.datum);
	buf_printf(&b, "\nGrundlage: %s, Ausgabe %s\n\n", f->title ? f->title : f->id,
	           f->edition ? f->edition : "?");

	for (size_t si = 0; si < f->section_count; si++) {
		size_t w = utf8_chars(f->sections[si].title);
		if (w > title_width)
			title_width = w;
	}
	buf_printf(&b, "Handlungsfelder (┃ = Mindestwert %d %%):\n",
	           f->pass_section_min_percent);
	for (size_t si = 0; si < r->section_count; si++) {
		const struct score_section *sec = &r->sections[si];
		const char *title = f->sections[si].title;

		buf_printf(&b, "  %s%*s  ", title, (int)(title_width - utf8_chars(title)),
		           "");
		if (sec->has_percent) {
			buf_add_bar(&b, sec->points, sec->max,
			            f->pass_section_min_percent);
			char pct[32];
			long long t = percent_tenths_rounded(sec->points, sec->max);

			snprintf(pct, sizeof pct, "%lld,%lld", t / 10, t % 10);
			buf_printf(&b, " %3d/%-3d %6s %%", sec->points, sec->max, pct);
			if (sec->below_min) {
				buf_adds(&b, "  unter dem Mindestwert");
				weak = 1;
			}
		} else {
			buf_printf(&b, "%-*s   0/0   entfällt", SCORE_BAR_WIDTH + 1,
			           "(keine Punkte)");
		}
		if (sec->open > 0)
			buf_printf(&b, "  (%d offen)", sec->open);
		buf_addc(&b, '\n');
	}

	buf_addc(&b, '\n');
	if (s->meta.kind == AUDIT_RENEWAL)
		buf_printf(&b,
		           "Sonderpunkte (Entwicklungsziele des letzten Audits): %d\n",
		           r->bonus);
	buf_printf(&b, "Endpunktzahl: %d von %d Punkten", r->total, r->max);
	if (r->max > 0) {
		buf_adds(&b, " (");
		buf_add_tenths_de(&b, percent_tenths_rounded(r->total, r->max));
		buf_printf(&b, " %%; zum Bestehen nötig: %d %%)", f->pass_total_percent);
	}
	buf_adds(&b, "\nErgebnis: ");
	if (r->provisional)
		buf_adds(&b, "vorläufig ");
	buf_adds(&b, r->passed ? "bestanden" : "nicht bestanden");
	if (r->provisional)
		buf_printf(&b, " (%d %s noch offen)", r->open,
		           r->open == 1 ? "Frage" : "Fragen");
	buf_addc(&b, '\n');
	if (r->passed && r->valid_until[0] != '\0')
		buf_printf(&b, "Gültig bis: %s\n", r->valid_until);
	buf_adds(&b, "Punkte bis zum Siegel: ");
	buf_printf(&b, "%d\n", r->missing);

	if (weak) {
		buf_adds(&b, "\nUnter dem Mindestwert:\n");
		for (size_t si = 0; si < r->section_count; si++)
			if (r->sections[si].summary != NULL)
				buf_printf(&b, "  %s\n", r->sections[si].summary);
	}

	if (r->recommendation_count == 0) {
		buf_adds(&b, "\nEmpfehlungen: keine – alle Punkte erreicht.\n");
		return buf_steal(&b);
	}
	shown = r->recommendation_count < SCORE_TEXT_TOP ? r->recommendation_count
	                                                 : SCORE_TEXT_TOP;
	if (shown < r->recommendation_count)
		buf_printf(&b, "\nEmpfehlungen (die wichtigsten %zu von %zu):\n", shown,
		           r->recommendation_count);
	else
		buf_printf(&b, "\nEmpfehlungen (%zu):\n", shown);
	for (size_t k = 0; k < shown; k++) {
		const struct score_recommendation *rec = &r->recommendations[k];
		const struct form_question *q = &f->questions[rec->question];

		buf_printf(&b, "%3zu. %s (+%d %s, %s%s)\n       ", k + 1, q->full_id,
		           rec->gain, rec->gain == 1 ? "Punkt" : "Punkte",
		           f->sections[q->section].title,
		           rec->weak_section ? ", Feld unter dem Mindestwert" : "");
		buf_add_one_line(&b, q->text);
		buf_adds(&b, "\n       → ");
		buf_add_indented(
		    &b, rec->text ? rec->text : "(keine Empfehlung im Prüfbogen)", 9);
		buf_addc(&b, '\n');
		if (rec->own != NULL) {
			buf_adds(&b, "       Eigene Empfehlung: ");
			buf_add_indented(&b, rec->own, 9);
			buf_addc(&b, '\n');
		}
	}
	return buf_steal(&b);
}

/* Append a percent in tenths with '.' (tsv), or '-' when max is 0. */
static void
buf_add_percent_tsv(struct buf *b, long long points, long long max)
{
	long long t;

	if (max <= 0) {
		buf_addc(b, '-');
		return;
	}
	t = percent_tenths_rounded(points, max);
	if (t < 0) {
		buf_addc(b, '-');
		t = -t;
	}
	buf_printf(b, "%lld.%lld", t / 10, t % 10);
}

/* The exact lines of `score --format tsv`. */
char *
score_format_tsv(const struct session *s, const struct score_result *r)
{
	const struct form *f = s->form;
	struct buf b = {0};

	for (size_t si = 0; si < r->section_count; si++) {
		const struct score_section *sec = &r->sections[si];
		buf_printf(&b, "section\t%s\t%d\t%d\t", f->sections[si].id, sec->points,
		           sec->max);
		buf_add_percent_tsv(&b, sec->points, sec->max);
		buf_addc(&b, '\n');
	}
	buf_printf(&b, "bonus\t%d\n", r->bonus);
	buf_printf(&b, "total\t%d\t%d\t", r->total, r->max);
	buf_add_percent_tsv(&b, r->total, r->max);
	buf_addc(&b, '\n');
	buf_printf(&b, "passed\t%s\n", r->passed ? "yes" : "no");
	buf_printf(&b, "provisional\t%s\n", r->provisional ? "yes" : "no");
	buf_printf(&b, "open\t%d\n", r->open);
	buf_printf(&b, "missing\t%d\n", r->missing);
	buf_printf(&b, "valid_until\t%s\n", r->valid_until[0] ? r->valid_until : "-");
	for (size_t k = 0; k < r->recommendation_count; k++) {
		const struct score_recommendation *rec = &r->recommendations[k];
		buf_printf(&b, "rec\t%zu\t%s\t%d\t", k + 1,
		           f->questions[rec->question].full_id, rec->gain);
		buf_add_one_line(&b, rec->text != NULL ? rec->text : rec->own);
		buf_addc(&b, '\n');
	}
	return buf_steal(&b);
}

/* Write a percent member: one decimal, or null when max is 0. */
static void
json_percent(struct json *j, const char *key, long long points, long long max)
{
	json_key(j, key);
	if (max > 0)
		json_tenths(j, percent_tenths_rounded(points, max));
	else
		json_null(j);
}

/* One JSON object with the content of the tsv plus titles and texts. */
char *
score_format_json(const struct session *s, const struct score_result *r)
{
	const struct form *f = s->form;
	struct json j;

	json_init(&j);
	json_object_begin(&j);
	json_key(&j, "form");
	json_string(&j, f->id);
	json_key(&j, "form_title");
	json_string(&j, f->title);
	json_key(&j, "edition");
	json_string(&j, f->edition);
	json_key(&j, "kommune");
	json_string(&j, s->meta.kommune);
	json_key(&j, "datum");
	json_string(&j, s->meta.datum);
	json_key(&j, "art");
	json_string(&j, s->meta.kind == AUDIT_RENEWAL ? "re" : "erst");
	json_key(&j, "pass_total_percent");
	json_int(&j, f->pass_total_percent);
	json_key(&j, "section_min_percent");
	json_int(&j, f->pass_section_min_percent);

	json_key(&j, "sections");
	json_array_begin(&j);
	for (size_t si = 0; si < r->section_count; si++) {
		const struct score_section *sec = &r->sections[si];
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, f->sections[si].id);
		json_key(&j, "title");
		json_string(&j, f->sections[si].title);
		json_key(&j, "points");
		json_int(&j, sec->points);
		json_key(&j, "max");
		json_int(&j, sec->max);
		json_percent(&j, "percent", sec->points, sec->max);
		json_key(&j, "below_min");
		json_bool(&j, sec->below_min);
		json_key(&j, "needed");
		json_int(&j, sec->needed);
		json_key(&j, "open");
		json_int(&j, sec->open);
		json_key(&j, "summary");
		json_string(&j, sec->summary);
		json_object_end(&j);
	}
	json_array_end(&j);

	json_key(&j, "bonus");
	json_int(&j, r->bonus);
	json_key(&j, "total");
	json_object_begin(&j);
	json_key(&j, "points");
	json_int(&j, r->total);
	json_key(&j, "max");
	json_int(&j, r->max);
	json_percent(&j, "percent", r->total, r->max);
	json_object_end(&j);
	json_key(&j, "passed");
	json_bool(&j, r->passed);
	json_key(&j, "provisional");
	json_bool(&j, r->provisional);
	json_key(&j, "open");
	json_int(&j, r->open);
	json_key(&j, "missing");
	json_int(&j, r->missing);
	json_key(&j, "valid_until");
	json_string(&j, r->valid_until[0] ? r->valid_until : NULL);

	json_key(&j, "recommendations");
	json_array_begin(&j);
	for (size_t k = 0; k < r->recommendation_count; k++) {
		const struct score_recommendation *rec = &r->recommendations[k];
		const struct form_question *q = &f->questions[rec->question];
		json_object_begin(&j);
		json_key(&j, "rank");
		json_int(&j, (long long)k + 1);
		json_key(&j, "question");
		json_string(&j, q->full_id);
		json_key(&j, "section");
		json_string(&j, f->sections[q->section].id);
		json_key(&j, "gain");
		json_int(&j, rec->gain);
		json_key(&j, "weak_section");
		json_bool(&j, rec->weak_section);
		json_key(&j, "text");
		json_string(&j, rec->text);
		json_key(&j, "own");
		json_string(&j, rec->own);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	return json_finish(&j);
}
