/*
 * register_format.c: the register as text for a person (German, dates
 * TT.MM.JJJJ, decimal comma) and as TSV for scripts (one table per call,
 * ISO dates, C-locale numbers). Pure functions returning strings: they
 * never print and never depend on the caller's locale (numbers are built
 * from integers, never with printf's %f).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/register.h"

/* Append value to a TSV line: tabs, line breaks and control characters as
 * spaces or U+FFFD (utf8_sanitize), NULL as an empty field. */
static void
tsv_field(struct buf *b, const char *value, int last)
{
	char *clean =
	    utf8_sanitize(value, value != NULL ? strlen(value) : 0, UTF8_ONE_LINE);
	buf_adds(b, clean);
	buf_addc(b, last ? '\n' : '\t');
	free(clean);
}

/* Append tenths of a percent as "88.5" (sep '.') or "88,5" (sep ','). */
static void
add_tenths(struct buf *b, long tenths, char sep)
{
	if (tenths < 0) {
		buf_addc(b, '-');
		tenths = -tenths;
	}
	buf_printf(b, "%ld%c%ld", tenths / 10, sep, tenths % 10);
}

/* A percentage (0 … 100) as tenths, rounded half up; integers, no locale. */
static long
tenths_of(double percent)
{
	return (long)(percent * 10.0 + 0.5);
}

/* The towns' heading line. */
static void
tsv_towns_head(struct buf *b, const struct register_result *r, unsigned flags)
{
	static const char *const head[] = {"Kommune",
	                                   "Landkreis",
	                                   "IHK",
	                                   "Art",
	                                   "Datum",
	                                   "Ergebnis",
	                                   "gültig bis",
	                                   "Status",
	                                   "Tage",
	                                   "nächste Zielfrist",
	                                   "überfällige Nachweise"};
	size_t n = sizeof head / sizeof head[0];

	for (size_t i = 0; i < n; i++)
		tsv_field(b, head[i], i + 1 == n && !(flags & REGISTER_WITH_POINTS));
	if (!(flags & REGISTER_WITH_POINTS))
		return;
	tsv_field(b, "Endpunktzahl", 0);
	tsv_field(b, "Maximum", 0);
	tsv_field(b, "Quote", r->title_count == 0);
	for (size_t i = 0; i < r->title_count; i++) {
		char *h = xasprintf("Quote %s", r->titles[i]);
		tsv_field(b, h, i + 1 == r->title_count);
		free(h);
	}
}

/* The points columns of audit a (Endpunktzahl, Maximum, Quote, per title). */
static void
tsv_points(struct buf *b, const struct register_result *r, const struct register_audit *a)
{
	char num[32];
	int points, max;

	snprintf(num, sizeof num, "%d", a->total);
	tsv_field(b, num, 0);
	snprintf(num, sizeof num, "%d", a->max);
	tsv_field(b, num, 0);
	if (a->max > 0)
		add_tenths(b, register_percent_tenths(a->total, a->max), '.');
	buf_addc(b, r->title_count == 0 ? '\n' : '\t');
	for (size_t i = 0; i < r->title_count; i++) {
		if (register_section_points(a, r->titles[i], &points, &max))
			add_tenths(b, register_percent_tenths(points, max), '.');
		buf_addc(b, i + 1 == r->title_count ? '\n' : '\t');
	}
}

/* One line per town in urgency order. */
static void
tsv_towns(struct buf *b, const struct register_result *r, unsigned flags)
{
	char num[32];

	tsv_towns_head(b, r, flags);
	for (size_t i = 0; i < r->town_count; i++) {
		const struct register_town *t = &r->towns[i];
		const struct register_audit *a = r->entries[t->latest].audit;

		tsv_field(b, t->kommune, 0);
		tsv_field(b, t->landkreis, 0);
		tsv_field(b, t->ihk, 0);
		tsv_field(b, register_kind_label(a->kind), 0);
		tsv_field(b, a->datum, 0);
		tsv_field(b, register_verdict_label(a->verdict), 0);
		tsv_field(b, t->valid_until, 0);
		tsv_field(b, register_status_label(t->status), 0);
		if (t->has_seal)
			snprintf(num, sizeof num, "%ld", t->days_left);
		else
			num[0] = '\0';
		tsv_field(b, num, 0);
		tsv_field(b, t->next_goal, 0);
		snprintf(num, sizeof num, "%zu", t->overdue_evidence);
		tsv_field(b, num, !(flags & REGISTER_WITH_POINTS));
		if (flags & REGISTER_WITH_POINTS)
			tsv_points(b, r, a);
	}
}

/* Every audit, town by town in urgency order, oldest first. */
static void
tsv_history(struct buf *b, const struct register_result *r, unsigned flags)
{
	static const char *const head[] = {"Kommune", "Landkreis", "IHK",        "Art",
	                                   "Datum",   "Ergebnis",  "gültig bis", "Datei"};
	size_t n = sizeof head / sizeof head[0];

	for (size_t i = 0; i < n; i++)
		tsv_field(b, head[i], i + 1 == n && !(flags & REGISTER_WITH_POINTS));
	if (flags & REGISTER_WITH_POINTS) {
		tsv_field(b, "Endpunktzahl", 0);
		tsv_field(b, "Maximum", 0);
		tsv_field(b, "Quote", r->title_count == 0);
		for (size_t i = 0; i < r->title_count; i++) {
			char *h = xasprintf("Quote %s", r->titles[i]);
			tsv_field(b, h, i + 1 == r->title_count);
			free(h);
		}
	}
	for (size_t i = 0; i < r->town_count; i++) {
		const struct register_town *t = &r->towns[i];
		for (size_t k = 0; k < t->entry_count; k++) {
			const struct register_entry *e = &r->entries[t->entries[k]];
			const struct register_audit *a = e->audit;
			tsv_field(b, a->kommune, 0);
			tsv_field(b, a->landkreis, 0);
			tsv_field(b, a->ihk, 0);
			tsv_field(b, register_kind_label(a->kind), 0);
			tsv_field(b, a->datum, 0);
			tsv_field(b, register_verdict_label(a->verdict), 0);
			tsv_field(b, e->valid_until, 0);
			tsv_field(b, a->path, !(flags & REGISTER_WITH_POINTS));
			if (flags & REGISTER_WITH_POINTS)
				tsv_points(b, r, a);
		}
	}
}

/* Every dated item in date order. */
static void
tsv_items(struct buf *b, const struct register_result *r)
{
	char num[32];

	buf_adds(b, "Datum\tTage\tKommune\tTermin\tNr\tDetails\n");
	for (size_t i = 0; i < r->item_count; i++) {
		const struct register_item *it = &r->items[i];
		tsv_field(b, it->date, 0);
		snprintf(num, sizeof num, "%ld", it->days);
		tsv_field(b, num, 0);
		tsv_field(b, r->towns[it->town].kommune, 0);
		tsv_field(b, register_item_label(it->kind), 0);
		if (it->kind == REGISTER_ITEM_GOAL)
			snprintf(num, sizeof num, "%zu", it->number);
		else
			num[0] = '\0';
		tsv_field(b, it->kind == REGISTER_ITEM_EVIDENCE ? it->id : num, 0);
		tsv_field(b, it->detail, 1);
	}
}

/* The statistics; suppressed values stay empty. */
static void
tsv_stats(struct buf *b, const struct register_result *r)
{
	buf_adds(b, "Handlungsfeld\tKommunen\tunteres Quartil\tMedian\toberes Quartil\n");
	for (size_t i = 0; i < r->stat_count; i++) {
		const struct register_stat *s = &r->stats[i];
		tsv_field(b, s->title, 0);
		buf_printf(b, "%zu\t", s->count);
		if (s->shown) {
			add_tenths(b, tenths_of(s->q1), '.');
			buf_addc(b, '\t');
			add_tenths(b, tenths_of(s->median), '.');
			buf_addc(b, '\t');
			add_tenths(b, tenths_of(s->q3), '.');
			buf_addc(b, '\n');
		} else {
			buf_adds(b, "\t\t\n");
		}
	}
}

/* The files that could not be read. */
static void
tsv_problems(struct buf *b, const struct register_result *r)
{
	buf_adds(b, "Datei\tGrund\n");
	for (size_t i = 0; i < r->problem_count; i++) {
		tsv_field(b, r->problems[i].path, 0);
		tsv_field(b, r->problems[i].reason, 1);
	}
}

char *
register_format_tsv(const struct register_result *r, enum register_part part,
                    unsigned flags)
{
	struct buf b = {0};

	buf_adds(&b, "");
	switch (part) {
	case REGISTER_PART_TOWNS:
		tsv_towns(&b, r, flags);
		break;
	case REGISTER_PART_HISTORY:
		tsv_history(&b, r, flags);
		break;
	case REGISTER_PART_ITEMS:
		tsv_items(&b, r);
		break;
	case REGISTER_PART_STATS:
		tsv_stats(&b, r);
		break;
	case REGISTER_PART_PROBLEMS:
		tsv_problems(&b, r);
		break;
	}
	return buf_steal(&b);
}

/* Append user text for a terminal, on one line. */
static void
text_add(struct buf *b, const char *s)
{
	char *clean = utf8_sanitize(s, s != NULL ? strlen(s) : 0, UTF8_ONE_LINE);
	buf_adds(b, clean);
	free(clean);
}

/* Append a date as TT.MM.JJJJ. */
static void
text_date(struct buf *b, const char *iso)
{
	char *d = date_display(iso);
	buf_adds(b, d);
	free(d);
}

/* Append "heute", "morgen", "in 5 Tagen", "gestern", "vor 3 Tagen". */
static void
text_days(struct buf *b, long days)
{
	if (days == 0)
		buf_adds(b, "heute");
	else if (days == 1)
		buf_adds(b, "morgen");
	else if (days == -1)
		buf_adds(b, "gestern");
	else if (days > 0)
		buf_printf(b, "in %ld Tagen", days);
	else
		buf_printf(b, "vor %ld Tagen", -days);
}

/* "Re-Audit am 14.03.2026: bestanden" and, with a date, "gültig bis …". */
static void
text_audit(struct buf *b, const struct register_entry *e)
{
	buf_adds(b, register_kind_label(e->audit->kind));
	buf_adds(b, " am ");
	text_date(b, e->audit->datum);
	buf_adds(b, ": ");
	buf_adds(b, register_verdict_label(e->audit->verdict));
	if (e->valid_until[0] != '\0') {
		buf_adds(b, ", gültig bis ");
		text_date(b, e->valid_until);
	}
}

/* "412 von 500 Punkten (82,4 %); Strategische Zielsetzung 80,0 %, …" */
static void
text_points(struct buf *b, const struct register_result *r,
            const struct register_audit *a)
{
	int points, max, first = 1;

	buf_printf(b, "%d von %d Punkten", a->total, a->max);
	if (a->max > 0) {
		buf_adds(b, " (");
		add_tenths(b, register_percent_tenths(a->total, a->max), ',');
		buf_adds(b, " %)");
	}
	for (size_t i = 0; i < r->title_count; i++) {
		if (!register_section_points(a, r->titles[i], &points, &max))
			continue;
		buf_adds(b, first ? "; " : ", ");
		first = 0;
		text_add(b, r->titles[i]);
		buf_addc(b, ' ');
		add_tenths(b, register_percent_tenths(points, max), ',');
		buf_adds(b, " %");
	}
}

/* One town: status and name, its latest audit, seal, goals, evidence. */
static void
text_town(struct buf *b, const struct register_result *r, const struct register_town *t,
          unsigned flags)
{
	const struct register_entry *latest = &r->entries[t->latest];

	buf_adds(b, register_status_label(t->status));
	buf_adds(b, ": ");
	text_add(b, t->kommune);
	if (t->landkreis[0] != '\0' || t->ihk[0] != '\0') {
		buf_adds(b, " (");
		text_add(b, t->landkreis);
		if (t->landkreis[0] != '\0' && t->ihk[0] != '\0')
			buf_adds(b, ", ");
		text_add(b, t->ihk);
		buf_addc(b, ')');
	}
	buf_adds(b, "\n    ");
	text_audit(b, latest);
	if (t->has_seal) {
		if (t->seal != t->latest) {
			buf_adds(b, "; Siegel gültig bis ");
			text_date(b, t->valid_until);
		}
		if (t->days_left < 0)
			buf_printf(b, " – seit %ld %s abgelaufen", -t->days_left,
			           t->days_left == -1 ? "Tag" : "Tagen");
		else
			buf_printf(b, " – noch %ld %s", t->days_left,
			           t->days_left == 1 ? "Tag" : "Tage");
	}
	buf_addc(b, '\n');
	if (t->next_goal[0] != '\0' || t->overdue_evidence > 0) {
		buf_adds(b, "    ");
		if (t->next_goal[0] != '\0') {
			buf_adds(b, "nächste Zielfrist ");
			text_date(b, t->next_goal);
			buf_printf(b, " (Ziel %zu)", t->next_goal_number);
		}
		if (t->next_goal[0] != '\0' && t->overdue_evidence > 0)
			buf_adds(b, "; ");
		if (t->overdue_evidence == 1)
			buf_adds(b, "1 Nachweis überfällig");
		else if (t->overdue_evidence > 1)
			buf_printf(b, "%zu Nachweise überfällig", t->overdue_evidence);
		buf_addc(b, '\n');
	}
	if (flags & REGISTER_WITH_POINTS) {
		buf_adds(b, "    Punkte: ");
		text_points(b, r, latest->audit);
		buf_addc(b, '\n');
	}
	if (flags & REGISTER_WITH_HISTORY)
		for (size_t k = t->entry_count - 1; k-- > 0;) {
			buf_adds(b, "    früher: ");
			text_audit(b, &r->entries[t->entries[k]]);
			buf_addc(b, '\n');
		}
}

char *
register_format_text(const struct register_result *r, unsigned flags)
{
	struct buf b = {0};

	buf_adds(&b, "Register „Ausgezeichneter Wohnort für Fachkräfte“ – Stichtag ");
	text_date(&b, r->stichtag);
	buf_printf(&b, "\n%zu %s, %zu %s", r->town_count,
	           r->town_count == 1 ? "Kommune" : "Kommunen", r->entry_count,
	           r->entry_count == 1 ? "Audit" : "Audits");
	if (r->problem_count > 0)
		buf_printf(&b, ", %zu %s nicht gelesen", r->problem_count,
		           r->problem_count == 1 ? "Datei" : "Dateien");
	buf_adds(&b, "\n");

	buf_adds(&b, "\nKommunen nach Dringlichkeit\n");
	if (r->town_count == 0)
		buf_adds(&b, "  keine\n");
	for (size_t i = 0; i < r->town_count; i++) {
		buf_adds(&b, "  ");
		text_town(&b, r, &r->towns[i], flags);
	}

	buf_adds(&b, "\nTermine\n");
	if (r->item_count == 0)
		buf_adds(&b, "  keine\n");
	for (size_t i = 0; i < r->item_count; i++) {
		const struct register_item *it = &r->items[i];
		buf_adds(&b, "  ");
		text_date(&b, it->date);
		buf_adds(&b, " (");
		text_days(&b, it->days);
		buf_adds(&b, ") ");
		text_add(&b, r->towns[it->town].kommune);
		buf_adds(&b, ": ");
		buf_adds(&b, register_item_label(it->kind));
		if (it->kind == REGISTER_ITEM_GOAL)
			buf_printf(&b, " %zu", it->number);
		if (it->detail != NULL && it->detail[0] != '\0') {
			buf_adds(&b, " – ");
			text_add(&b, it->detail);
		}
		buf_addc(&b, '\n');
	}

	buf_printf(&b,
	           "\nStatistik (Quoten der Kommunen mit festgestelltem Ergebnis; "
	           "ausgewiesen ab %d Kommunen)\n",
	           REGISTER_STAT_MIN_TOWNS);
	for (size_t i = 0; i < r->stat_count; i++) {
		const struct register_stat *s = &r->stats[i];
		buf_adds(&b, "  ");
		text_add(&b, s->title);
		buf_printf(&b, ": %zu %s", s->count,
		           s->count == 1 ? "Kommune" : "Kommunen");
		if (s->shown) {
			buf_adds(&b, ", Median ");
			add_tenths(&b, tenths_of(s->median), ',');
			buf_adds(&b, " %, Quartile ");
			add_tenths(&b, tenths_of(s->q1), ',');
			buf_adds(&b, " % und ");
			add_tenths(&b, tenths_of(s->q3), ',');
			buf_adds(&b, " %");
		} else {
			buf_printf(&b, " – weniger als %d, nicht ausgewiesen",
			           REGISTER_STAT_MIN_TOWNS);
		}
		buf_addc(&b, '\n');
	}

	if (r->problem_count > 0) {
		buf_adds(&b, "\nNicht gelesen\n");
		for (size_t i = 0; i < r->problem_count; i++) {
			buf_adds(&b, "  ");
			text_add(&b, r->problems[i].path);
			buf_adds(&b, ": ");
			text_add(&b, r->problems[i].reason);
			buf_addc(&b, '\n');
		}
	}
	return buf_steal(&b);
}
