/*
 * register.c: computing the register (register.h states the rules): which
 * audits are usable, grouping them into towns, the seal in force, status
 * and urgency, the dated items, and the statistics with small-cell
 * suppression. Pure: no I/O, no clock (the Stichtag comes from the caller),
 * never prints. The writers live in register_xlsx.c (+ one file per sheet),
 * register_ics.c and register_format.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/register.h"
#include "model/vocab.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const verdict_labels[REGISTER_VERDICT_COUNT] = {
    "offen",
    "bestanden",
    "nicht bestanden",
};

static const char *const status_labels[REGISTER_STATUS_COUNT] = {
    "abgelaufen", "läuft innerhalb von " STR(REGISTER_WARN_MONTHS) " Monaten ab",
    "offen",      "nicht bestanden",
    "gültig",
};

static const char *const item_labels[REGISTER_ITEM_COUNT] = {
    "Siegel läuft ab",
    "Re-Audit planen",
    "Frist Entwicklungsziel",
    "Nachweis nachzureichen",
};

const char *
register_verdict_label(enum register_verdict verdict)
{
	return (unsigned)verdict < REGISTER_VERDICT_COUNT ? verdict_labels[verdict] : "";
}

const char *
register_status_label(enum register_status status)
{
	return (unsigned)status < REGISTER_STATUS_COUNT ? status_labels[status] : "";
}

const char *
register_item_label(enum register_item_kind kind)
{
	return (unsigned)kind < REGISTER_ITEM_COUNT ? item_labels[kind] : "";
}

const char *
register_kind_label(enum audit_kind kind)
{
	/* vocab_art lists the kinds in enum order */
	return (size_t)kind < vocab_art.count ? vocab_art.items[kind].label : "";
}

void
register_audit_clear(struct register_audit *a)
{
	if (a == NULL)
		return;
	free(a->kommune);
	free(a->landkreis);
	free(a->ihk);
	free(a->datum);
	free(a->valid_until);
	for (size_t i = 0; i < a->section_count; i++)
		free(a->sections[i].title);
	free(a->sections);
	for (size_t i = 0; i < a->goal_count; i++) {
		free(a->goals[i].goal);
		free(a->goals[i].deadline);
	}
	free(a->goals);
	for (size_t i = 0; i < a->evidence_count; i++) {
		free(a->evidence[i].id);
		free(a->evidence[i].label);
		free(a->evidence[i].due);
	}
	free(a->evidence);
	free(a->path);
	memset(a, 0, sizeof *a);
}

/* s, or "" for NULL. */
static const char *
str(const char *s)
{
	return s != NULL ? s : "";
}

/*
 * The grouping form of a name: blanks at the ends dropped, inner runs of
 * blanks (space, tab, line breaks) one space, A-Z and the upper case
 * letters of Latin-1 (À … Þ but ×) lower case. Caller frees.
 */
static char *
name_key(const char *s)
{
	struct buf b = {0};
	int space = 0;

	buf_adds(&b, "");
	for (const unsigned char *p = (const unsigned char *)str(s); *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		if (*p >= 'A' && *p <= 'Z') {
			buf_addc(&b, (char)(*p + 32));
		} else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97) {
			buf_addc(&b, (char)0xc3);
			buf_addc(&b, (char)(p[1] + 0x20));
			p++;
		} else {
			buf_addc(&b, (char)*p);
		}
	}
	return buf_steal(&b);
}

/*
 * The German sorting form of a name (DIN 5007, variant 1): its name_key
 * with ä, ö, ü as a, o, u and ß as ss; other letters with accents keep
 * their bytes. Caller frees.
 */
static char *
collate_key(const char *s)
{
	static const struct {
		const char *from, *to;
	} folds[] = {{"ä", "a"}, {"ö", "o"}, {"ü", "u"}, {"ß", "ss"}};
	char *key = name_key(s);
	struct buf b = {0};

	buf_adds(&b, "");
	for (const char *p = key; *p != '\0';) {
		size_t k;
		for (k = 0; k < COUNT(folds); k++)
			if (strncmp(p, folds[k].from, strlen(folds[k].from)) == 0)
				break;
		if (k < COUNT(folds)) {
			buf_adds(&b, folds[k].to);
			p += strlen(folds[k].from);
		} else {
			buf_addc(&b, *p++);
		}
	}
	free(key);
	return buf_steal(&b);
}

/* Append a problem (copies of path and reason; reason is taken over). */
static void
add_problem(struct register_result *r, const char *path, char *reason)
{
	struct register_problem *p;

	r->problems =
	    xreallocarray(r->problems, r->problem_count + 1, sizeof *r->problems);
	p = &r->problems[r->problem_count++];
	p->path = xstrdup(path != NULL && path[0] != '\0' ? path : "(ohne Datei)");
	p->reason = reason;
}

/* Whether s has a character other than blanks. */
static int
has_text(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

/*
 * Check audit a and compute its valid_until (when passed) into out. NULL
 * when it can be used, else the German reason (caller frees).
 */
static char *
audit_check(const struct register_audit *a, char out[11])
{
	int years;

	out[0] = '\0';
	if (!has_text(a->kommune))
		return xstrdup("keine Kommune angegeben");
	if (a->datum == NULL || a->datum[0] == '\0')
		return xstrdup("kein Datum des Audits angegeben");
	if (!date_iso_valid(a->datum))
		return xasprintf("„%s“ ist kein gültiges Datum des Audits (JJJJ-MM-TT)",
		                 a->datum);
	if ((unsigned)a->verdict >= REGISTER_VERDICT_COUNT)
		return xasprintf("unbekanntes Ergebnis (%d)", (int)a->verdict);
	if (a->kind != AUDIT_FIRST && a->kind != AUDIT_RENEWAL)
		return xasprintf("unbekannte Art des Audits (%d)", (int)a->kind);
	for (size_t i = 0; i < a->evidence_count; i++)
		if (!date_iso_valid(a->evidence[i].due))
			return xasprintf(
			    "Nachweis %s: Frist „%s“ ist kein Datum (JJJJ-MM-TT)",
			    str(a->evidence[i].label), str(a->evidence[i].due));
	if (a->verdict != REGISTER_VERDICT_PASSED)
		return NULL;
	if (a->valid_until != NULL && a->valid_until[0] != '\0') {
		if (!date_iso_valid(a->valid_until))
			return xasprintf("„gültig bis“ „%s“ ist kein Datum (JJJJ-MM-TT)",
			                 a->valid_until);
		memcpy(out, a->valid_until, 11);
		return NULL;
	}
	years = a->kind == AUDIT_FIRST ? a->validity_first : a->validity_renewal;
	if (years <= 0)
		return xstrdup("bestanden, aber ohne Gültigkeitsdauer "
		               "(validity_years des Prüfbogens)");
	if (date_add_years(a->datum, years, out) != 0)
		return xasprintf("Gültigkeit %s plus %d Jahre liegt nach dem Jahr %d",
		                 a->datum, years, DATE_MAX_YEAR);
	return NULL;
}

/* One accepted audit while the towns are formed. */
struct work {
	size_t audit;   /* index into the caller's array */
	char *name;     /* name_key of the Kommune */
	char *district; /* name_key of the Landkreis */
	char until[11];
};

/* Order of audits within one town: Datum, Erstaudit first, path, input order. */
static int
audit_order(const struct register_audit *a, size_t ai, const struct register_audit *b,
            size_t bi)
{
	int c = strcmp(a->datum, b->datum);
	if (c == 0)
		c = (int)a->kind - (int)b->kind;
	if (c == 0)
		c = strcmp(str(a->path), str(b->path));
	if (c == 0)
		c = ai < bi ? -1 : ai > bi;
	return c;
}

/* Order of works: name, district, then audit order (ctx: the audits). */
static int
work_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct work *a = pa, *b = pb;
	const struct register_audit *audits = ctx;
	int c = strcmp(a->name, b->name);
	if (c == 0)
		c = strcmp(a->district, b->district);
	if (c == 0)
		c = audit_order(&audits[a->audit], a->audit, &audits[b->audit], b->audit);
	return c;
}

/* Order of a town's works (audit order only; ctx: the audits). */
static int
work_date_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct work *a = pa, *b = pb;
	const struct register_audit *audits = ctx;
	return audit_order(&audits[a->audit], a->audit, &audits[b->audit], b->audit);
}

/* A town while it is formed and sorted. */
struct town_work {
	struct register_town t;
	char *collate; /* German sorting form of its Kommune */
	size_t rank;   /* position in German order */
	size_t index;  /* position before sorting */
};

/* Order of towns in German order of the Kommune, then key. */
static int
town_name_cmp(const void *pa, const void *pb)
{
	const struct town_work *const *a = pa, *const *b = pb;
	int c = strcmp((*a)->collate, (*b)->collate);
	return c != 0 ? c : strcmp((*a)->t.key, (*b)->t.key);
}

/* Urgency order (register.h; ctx: the result's entries). */
static int
town_urgency_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct town_work *a = pa, *b = pb;
	const struct register_entry *entries = ctx;
	int c = (int)a->t.status - (int)b->t.status;
	if (c != 0)
		return c;
	if (a->t.has_seal != b->t.has_seal)
		return a->t.has_seal ? -1 : 1;
	if (a->t.has_seal && a->t.days_left != b->t.days_left)
		return a->t.days_left < b->t.days_left ? -1 : 1;
	c = strcmp(entries[a->t.latest].audit->datum, entries[b->t.latest].audit->datum);
	if (c != 0)
		return c;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* A goal's Frist as an ISO date into out; 1 when it is a date. */
static int
goal_date(const struct register_goal *g, char out[11])
{
	char *why = NULL;

	if (g->deadline == NULL || date_parse(g->deadline, out, &why) != 0) {
		free(why);
		return 0;
	}
	return 1;
}

/* The status of a seal valid until the valid date until, at day number
 * today: abgelaufen, läuft ab (from the planning date on) or gültig. */
static enum register_status
seal_status(const char *until, long today)
{
	char planning[11];

	if (date_days(until) < today)
		return REGISTER_EXPIRED;
	if (date_add_months(until, -REGISTER_WARN_MONTHS, planning) == 0 &&
	    date_days(planning) <= today)
		return REGISTER_EXPIRING;
	return REGISTER_VALID;
}

int
register_seal_status(const char *valid_until, const char *stichtag)
{
	if (valid_until == NULL || stichtag == NULL || !date_iso_valid(valid_until) ||
	    !date_iso_valid(stichtag))
		return -1;
	return (int)seal_status(valid_until, date_days(stichtag));
}

/* Fill the seal, status and goal/evidence figures of town t. */
static void
town_status(struct register_result *r, struct register_town *t, long today)
{
	const struct register_entry *latest = &r->entries[t->latest];
	const struct register_audit *a = latest->audit;
	char date[11];

	t->has_seal = 0;
	t->days_left = 0;
	for (size_t k = t->entry_count; k-- > 0;)
		if (r->entries[t->entries[k]].audit->verdict == REGISTER_VERDICT_PASSED) {
			t->has_seal = 1;
			t->seal = t->entries[k];
			break;
		}
	t->valid_until[0] = t->planning[0] = '\0';
	if (t->has_seal) {
		memcpy(t->valid_until, r->entries[t->seal].valid_until, 11);
		t->days_left = date_days(t->valid_until) - today;
		if (date_add_months(t->valid_until, -REGISTER_WARN_MONTHS, t->planning) !=
		    0)
			t->planning[0] = '\0';
	}
	if (a->verdict == REGISTER_VERDICT_OPEN)
		t->status = REGISTER_OPEN;
	else if (a->verdict == REGISTER_VERDICT_FAILED)
		t->status = REGISTER_FAILED;
	else
		t->status = seal_status(t->valid_until, today);

	t->next_goal[0] = '\0';
	for (size_t g = 0; g < a->goal_count; g++)
		if (goal_date(&a->goals[g], date) && date_days(date) >= today &&
		    (t->next_goal[0] == '\0' || strcmp(date, t->next_goal) < 0)) {
			memcpy(t->next_goal, date, 11);
			t->next_goal_number = g + 1;
		}
	t->overdue_evidence = 0;
	for (size_t e = 0; e < a->evidence_count; e++)
		if (date_days(a->evidence[e].due) < today)
			t->overdue_evidence++;
}

/* Append an item. */
static void
add_item(struct register_result *r, size_t *cap, const char *date, long today,
         enum register_item_kind kind, size_t town, size_t number, const char *id,
         const char *detail)
{
	struct register_item *it;

	if (r->item_count == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		r->items = xreallocarray(r->items, *cap, sizeof *r->items);
	}
	it = &r->items[r->item_count++];
	memcpy(it->date, date, 11);
	it->days = date_days(date) - today;
	it->kind = kind;
	it->town = town;
	it->number = number;
	it->id = id;
	it->detail = detail;
}

/* Item order: date, town in German order, kind, number (ctx: the towns'
 * positions in German order). */
static int
item_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct register_item *a = pa, *b = pb;
	const size_t *rank = ctx;
	int c = strcmp(a->date, b->date);
	if (c != 0)
		return c;
	if (a->town != b->town)
		return rank[a->town] < rank[b->town] ? -1 : 1;
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	return a->number < b->number ? -1 : a->number > b->number;
}

/* The dated items of every town. */
static void
build_items(struct register_result *r, const size_t *rank, long today)
{
	size_t cap = 0;
	char date[11];

	for (size_t ti = 0; ti < r->town_count; ti++) {
		const struct register_town *t = &r->towns[ti];
		const struct register_audit *a = r->entries[t->latest].audit;

		if (t->has_seal)
			add_item(r, &cap, t->valid_until, today, REGISTER_ITEM_EXPIRY, ti,
			         0, NULL, NULL);
		if (a->verdict == REGISTER_VERDICT_PASSED && t->planning[0] != '\0')
			add_item(r, &cap, t->planning, today, REGISTER_ITEM_PLANNING, ti,
			         0, NULL, NULL);
		for (size_t g = 0; g < a->goal_count; g++)
			if (goal_date(&a->goals[g], date))
				add_item(r, &cap, date, today, REGISTER_ITEM_GOAL, ti,
				         g + 1, NULL, a->goals[g].goal);
		for (size_t e = 0; e < a->evidence_count; e++)
			add_item(r, &cap, a->evidence[e].due, today,
			         REGISTER_ITEM_EVIDENCE, ti, e + 1, a->evidence[e].id,
			         a->evidence[e].label);
	}
	if (r->item_count > 1)
		qsort_r(r->items, r->item_count, sizeof *r->items, item_cmp,
		        (void *)rank);
}

/* Percentages of one statistic while they are collected. */
struct stat_work {
	const char *title;
	double *values;
	size_t count, cap;
};

/* Add a percentage to a statistic. */
static void
stat_add(struct stat_work *s, double value)
{
	if (s->count == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->values = xreallocarray(s->values, s->cap, sizeof *s->values);
	}
	s->values[s->count++] = value;
}

static int
double_cmp(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return a < b ? -1 : a > b;
}

/* The p-quantile of sorted x[0..n) by linear interpolation (type 7). */
static double
quantile(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t i = (size_t)h; /* h >= 0: the cast is floor */
	double lo = (double)i;

	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - lo) * (x[i + 1] - x[i]);
}

/* The statistics over each town's latest audit with a final result: one per
 * title of r->titles in that order, then the Endpunktzahl. */
static void
build_stats(struct register_result *r)
{
	size_t count = r->title_count + 1;
	struct stat_work *list = xcalloc(count, sizeof *list);

	for (size_t i = 0; i < r->title_count; i++)
		list[i].title = r->titles[i];
	list[r->title_count].title = REGISTER_STAT_TOTAL;
	for (size_t k = 0; k < r->town_count; k++) {
		const struct register_town *t = &r->towns[k];
		const struct register_audit *a = NULL;

		for (size_t e = t->entry_count; e-- > 0 && a == NULL;)
			if (r->entries[t->entries[e]].audit->verdict !=
			    REGISTER_VERDICT_OPEN)
				a = r->entries[t->entries[e]].audit;
		if (a == NULL)
			continue;
		for (size_t i = 0; i < r->title_count; i++) {
			int points, max;
			if (register_section_points(a, r->titles[i], &points, &max))
				stat_add(&list[i], 100.0 * points / max);
		}
		if (a->max > 0)
			stat_add(&list[r->title_count], 100.0 * a->total / a->max);
	}
	r->stats = xcalloc(count, sizeof *r->stats);
	r->stat_count = count;
	for (size_t i = 0; i < count; i++) {
		struct register_stat *st = &r->stats[i];
		st->title = list[i].title;
		st->count = list[i].count;
		st->shown = st->count >= REGISTER_STAT_MIN_TOWNS;
		if (st->shown) {
			qsort(list[i].values, list[i].count, sizeof(double), double_cmp);
			st->q1 = quantile(list[i].values, list[i].count, 0.25);
			st->median = quantile(list[i].values, list[i].count, 0.5);
			st->q3 = quantile(list[i].values, list[i].count, 0.75);
		}
		free(list[i].values);
	}
	free(list);
}

/* Which master-data field latest_field reads. */
enum town_field { FIELD_KOMMUNE, FIELD_LANDKREIS, FIELD_IHK };

/* The first non-empty field of the town's audits from the latest back. */
static const char *
latest_field(const struct register_result *r, const struct register_town *t,
             enum town_field field)
{
	for (size_t k = t->entry_count; k-- > 0;) {
		const struct register_audit *a = r->entries[t->entries[k]].audit;
		const char *v = field == FIELD_KOMMUNE     ? a->kommune
		                : field == FIELD_LANDKREIS ? a->landkreis
		                                           : a->ihk;
		if (has_text(v))
			return v;
	}
	return "";
}

/* Add title to r->titles unless it is there or NULL. */
static void
add_title(struct register_result *r, const char *title)
{
	if (title == NULL)
		return;
	for (size_t i = 0; i < r->title_count; i++)
		if (strcmp(r->titles[i], title) == 0)
			return;
	r->titles = xreallocarray(r->titles, r->title_count + 1, sizeof *r->titles);
	r->titles[r->title_count++] = title;
}

/* Form the towns from the sorted works: see register.h. Returns the towns
 * (unsorted), fills r->entries in town order. */
static struct town_work *
form_towns(struct register_result *r, const struct register_audit *audits, struct work *w,
           size_t n, size_t *town_count)
{
	struct town_work *towns = xcalloc(n ? n : 1, sizeof *towns);
	size_t tc = 0;

	r->entries = xcalloc(n ? n : 1, sizeof *r->entries);
	r->entry_count = 0;
	for (size_t a = 0; a < n;) {
		size_t b = a, districts = 0;
		while (b < n && strcmp(w[b].name, w[a].name) == 0) {
			if (w[b].district[0] != '\0' &&
			    (b == a || strcmp(w[b].district, w[b - 1].district) != 0))
				districts++;
			b++;
		}
		/* [a, b): one Kommune; split by Landkreis when it has several */
		for (size_t s = a; s < b;) {
			size_t e = s;
			struct town_work *tw = &towns[tc];
			if (districts <= 1) {
				e = b;
				tw->t.key = xstrdup(w[s].name);
			} else {
				while (e < b && strcmp(w[e].district, w[s].district) == 0)
					e++;
				tw->t.key =
				    xasprintf("%s\x1f%s", w[s].name, w[s].district);
			}
			qsort_r(w + s, e - s, sizeof *w, work_date_cmp, (void *)audits);
			tw->t.entries = xcalloc(e - s, sizeof *tw->t.entries);
			tw->t.entry_count = e - s;
			for (size_t k = s; k < e; k++) {
				struct register_entry *en = &r->entries[r->entry_count];
				en->audit = &audits[w[k].audit];
				en->town = tc;
				memcpy(en->valid_until, w[k].until, 11);
				tw->t.entries[k - s] = r->entry_count++;
			}
			tw->t.latest = tw->t.entries[e - s - 1];
			tw->index = tc++;
			s = e;
		}
		a = b;
	}
	*town_count = tc;
	return towns;
}

int
register_build(const struct register_audit *audits, size_t count,
               const struct register_problem *problems, size_t problem_count,
               const char *stichtag, struct register_result *out, char **why)
{
	struct register_result r;
	struct work *w;
	struct town_work *towns, **by_name;
	size_t n = 0, tc = 0, *rank, *new_index;
	long today;

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	if (stichtag == NULL || !date_iso_valid(stichtag)) {
		*why =
		    xasprintf("Stichtag „%s“ ist kein Datum (JJJJ-MM-TT)", str(stichtag));
		return -1;
	}
	memcpy(r.stichtag, stichtag, 11);
	today = date_days(stichtag);
	for (size_t i = 0; i < problem_count; i++)
		add_problem(&r, problems[i].path, xstrdup(str(problems[i].reason)));

	/* the usable audits, with their grouping keys */
	w = xcalloc(count ? count : 1, sizeof *w);
	for (size_t i = 0; i < count; i++) {
		char *reason = audit_check(&audits[i], w[n].until);
		if (reason != NULL) {
			add_problem(&r, audits[i].path, reason);
			continue;
		}
		w[n].audit = i;
		w[n].name = name_key(audits[i].kommune);
		w[n].district = name_key(audits[i].landkreis);
		n++;
	}
	if (n > 1)
		qsort_r(w, n, sizeof *w, work_cmp, (void *)audits);
	towns = form_towns(&r, audits, w, n, &tc);

	/* German order of the towns, by the Kommune of the latest audit */
	by_name = xcalloc(tc ? tc : 1, sizeof *by_name);
	for (size_t t = 0; t < tc; t++) {
		struct register_town *town = &towns[t].t;
		town->kommune = latest_field(&r, town, FIELD_KOMMUNE);
		town->landkreis = latest_field(&r, town, FIELD_LANDKREIS);
		town->ihk = latest_field(&r, town, FIELD_IHK);
		towns[t].collate = collate_key(r.entries[town->latest].audit->kommune);
		town_status(&r, town, today);
		by_name[t] = &towns[t];
	}
	if (tc > 1)
		qsort(by_name, tc, sizeof *by_name, town_name_cmp);
	for (size_t k = 0; k < tc; k++)
		by_name[k]->rank = k;

	/* urgency order; then renumber the entries' towns */
	if (tc > 1)
		qsort_r(towns, tc, sizeof *towns, town_urgency_cmp, r.entries);
	new_index = xcalloc(tc ? tc : 1, sizeof *new_index);
	rank = xcalloc(tc ? tc : 1, sizeof *rank);
	r.towns = xcalloc(tc ? tc : 1, sizeof *r.towns);
	r.town_count = tc;
	for (size_t t = 0; t < tc; t++) {
		new_index[towns[t].index] = t;
		rank[t] = towns[t].rank;
		r.towns[t] = towns[t].t;
		free(towns[t].collate);
	}
	for (size_t e = 0; e < r.entry_count; e++)
		r.entries[e].town = new_index[r.entries[e].town];

	for (size_t e = 0; e < r.entry_count; e++)
		for (size_t k = 0; k < r.entries[e].audit->section_count; k++)
			add_title(&r, r.entries[e].audit->sections[k].title);
	build_items(&r, rank, today);
	build_stats(&r);

	for (size_t i = 0; i < n; i++) {
		free(w[i].name);
		free(w[i].district);
	}
	free(w);
	free(towns);
	free(by_name);
	free(new_index);
	free(rank);
	*out = r;
	return 0;
}

void
register_result_free(struct register_result *r)
{
	if (r == NULL)
		return;
	for (size_t t = 0; t < r->town_count; t++) {
		free(r->towns[t].key);
		free(r->towns[t].entries);
	}
	free(r->towns);
	free(r->entries);
	free(r->items);
	free(r->stats);
	for (size_t p = 0; p < r->problem_count; p++) {
		free(r->problems[p].path);
		free(r->problems[p].reason);
	}
	free(r->problems);
	free(r->titles);
	memset(r, 0, sizeof *r);
}

int
register_section_points(const struct register_audit *a, const char *title, int *points,
                        int *max)
{
	for (size_t i = 0; title != NULL && i < a->section_count; i++)
		if (a->sections[i].title != NULL &&
		    strcmp(a->sections[i].title, title) == 0 && a->sections[i].max > 0) {
			*points = a->sections[i].points;
			*max = a->sections[i].max;
			return 1;
		}
	return 0;
}

long
register_percent_tenths(int points, int max)
{
	return (2000L * points + max) / (2L * max);
}

/* At most max characters of the one-line form of s, "…" when cut. Caller frees. */
static char *
one_line(const char *s, size_t max)
{
	char *clean = utf8_sanitize(str(s), strlen(str(s)), UTF8_ONE_LINE), *out;
	size_t chars = 0, i = 0;

	while (clean[i] != '\0' && chars < max) {
		i++;
		while (((unsigned char)clean[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	if (clean[i] == '\0')
		return clean;
	out = xasprintf("%.*s…", (int)i, clean);
	free(clean);
	return out;
}

char *
register_item_summary(const struct register_result *r, const struct register_item *item)
{
	const struct register_town *t = &r->towns[item->town];
	char *town = one_line(t->kommune, 80), *detail, *until, *out;

	switch (item->kind) {
	case REGISTER_ITEM_EXPIRY:
		out = xasprintf("Ausgezeichneter Wohnort: Siegel von %s läuft ab", town);
		break;
	case REGISTER_ITEM_PLANNING:
		until = date_display(t->valid_until);
		out = xasprintf("Ausgezeichneter Wohnort: Re-Audit von %s planen (Siegel "
		                "gültig bis %s)",
		                town, until);
		free(until);
		break;
	case REGISTER_ITEM_GOAL:
		out =
		    xasprintf("Ausgezeichneter Wohnort: %s – Frist Entwicklungsziel %zu",
		              town, item->number);
		break;
	default:
		detail = one_line(item->detail != NULL ? item->detail : item->id, 60);
		out =
		    xasprintf("Ausgezeichneter Wohnort: %s – Nachweis nachzureichen: %s",
		              town, detail);
		free(detail);
		break;
	}
	free(town);
	return out;
}
