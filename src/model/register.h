/*
 * register.h: the register of an IHK: every audit of every town at a
 * glance, at a reference date (the Stichtag): which seal is valid, which
 * runs out within six months, which has expired, which result is still
 * open; every dated item (expiry, re-audit planning, goal deadlines,
 * evidence due dates); the distribution of the percentages per
 * Handlungsfeld across towns. The caller fills one struct register_audit
 * per session it could read and one struct register_problem per file it
 * could not; register_build computes everything; the writers put it into
 * a workbook (register_xlsx.c and one file per sheet), an iCalendar file
 * (register_ics.c) or text and TSV (register_format.c).
 * Model code: pure computation and file writers; never prints, never exits,
 * never includes curses, knows nothing of the session file format.
 *
 * The rules, fixed here (tests/test_register.c checks them against an
 * independent implementation):
 *
 * Towns. Audits belong to the same town when their Kommune is the same
 * after normalising (blanks at the ends dropped, runs of blanks one space,
 * upper case letters of ASCII and Latin-1 lower case). When one Kommune
 * occurs with two or more different Landkreise, each Landkreis makes its
 * own town, and audits of that Kommune without a Landkreis one more town;
 * otherwise an audit without a Landkreis joins the town of its Kommune.
 * A town's audits in order: Datum, then Erstaudit before Re-Audit, then
 * source path; the last one is the town's latest audit, which its row
 * shows (Kommune, Landkreis and IHK from it, or from the latest audit that
 * has them).
 *
 * Validity. A passed audit is valid until valid_until when given, else
 * until Datum plus the form's validity years for its Art (Erstaudit:
 * validity_first, Re-Audit: validity_renewal), same day of the month, 29
 * February becoming 28 February. "gültig bis" is the last valid day. The
 * seal in force is that of the town's latest passed audit (possibly older
 * than its latest audit, whose result may be open or negative). The
 * re-audit planning date is the expiry minus REGISTER_WARN_MONTHS months,
 * the same day of the month clamped to the month's end (31.08. → 28.02.).
 *
 * Status of a town, from its latest audit:
 *   offen            its result is still open (provisional);
 *   nicht bestanden  it did not pass;
 *   abgelaufen       it passed and the Stichtag is after "gültig bis";
 *   läuft innerhalb von 6 Monaten ab
 *                    it passed and the Stichtag is on or after the
 *                    planning date and on or before "gültig bis";
 *   gültig           it passed and the Stichtag is before the planning date.
 * Tage: "gültig bis" of the seal in force minus the Stichtag in days (0 on
 * the last valid day, negative after it); none without a seal. The
 * Stichtag only measures: audits dated after it count like any other (a
 * talk already prepared for next month is the town's open latest audit).
 *
 * Urgency, the order of the towns: abgelaufen, läuft ab, offen, nicht
 * bestanden, gültig; within one status by Tage ascending (towns without a
 * seal last), then Datum of the latest audit ascending, then the Kommune
 * in German order (ä as a, ö as o, ü as u, ß as ss, case ignored).
 *
 * Items ("Termine"), per town: the expiry of the seal in force; the
 * planning date when the latest audit passed; each Entwicklungsziel of the
 * latest audit whose Frist is a date (ISO or German, as date_parse reads
 * it; free text such as "Ende 2027" makes no item); each evidence of the
 * latest audit still to be handed in with its due date. Sorted by date,
 * then the town's German order, then kind (expiry, planning, goal,
 * evidence), then number. The next goal deadline of a town is its earliest
 * goal item on or after the Stichtag; an evidence is overdue when its due
 * date is before the Stichtag.
 *
 * Statistics: per Handlungsfeld (by title, in the order of the points
 * columns: first appearance in the result's entries) and for the
 * Endpunktzahl, the percentages 100·points/max of each town's latest audit
 * with a final result (bestanden or nicht bestanden; open results are
 * provisional and left out; a maximum of 0 is left out). Median and quartiles by linear
 * interpolation between the order statistics (Excel's QUARTILE.INC, R's
 * type 7): for sorted x[0..n-1] and p in {0.25, 0.5, 0.75}, h = (n-1)·p,
 * q = x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]). Shown only when at least
 * REGISTER_STAT_MIN_TOWNS towns contribute, so that no single town's
 * confidential score can be read off; the count is always given.
 */
#ifndef REGISTER_H
#define REGISTER_H

#include <stddef.h>

#include "model/session.h" /* enum audit_kind */

/* Months before expiry: from then on a seal "läuft ab" and the re-audit is planned. */
#define REGISTER_WARN_MONTHS 6
/* Towns a statistic needs before it is shown. */
#define REGISTER_STAT_MIN_TOWNS 5
/* Days before an item that its calendar alarm goes off. */
#define REGISTER_ALARM_EXPIRY_DAYS 14  /* expiry and planning date */
#define REGISTER_ALARM_DEADLINE_DAYS 7 /* goal deadline and evidence due date */

/* The result of one audit (its Ergebnis). */
enum register_verdict {
	REGISTER_VERDICT_OPEN = 0, /* offen: not yet determined, provisional */
	REGISTER_VERDICT_PASSED,   /* bestanden */
	REGISTER_VERDICT_FAILED,   /* nicht bestanden */
	REGISTER_VERDICT_COUNT
};

/* Points of one Handlungsfeld. */
struct register_section {
	char *title; /* as the form names it; statistics group by it */
	int points;
	int max;
};

/* One Entwicklungsziel agreed in the audit. */
struct register_goal {
	char *goal;     /* Ziel, may be NULL */
	char *deadline; /* Frist as typed: a date or free text; may be NULL */
};

/* One evidence still to be handed in ("nachzureichen bis"). */
struct register_evidence {
	char *id;    /* the question's full id, stable across sessions ("zuzug.paket") */
	char *label; /* for people: number and question text ("2.3 Willkommenspaket") */
	char *due;   /* YYYY-MM-DD */
};

/*
 * One audit of one town as the register needs it. Every pointer is owned by
 * the audit and freed by register_audit_clear; the caller allocates them
 * (malloc family). NULL strings count as empty.
 */
struct register_audit {
	char *kommune;   /* required */
	char *landkreis; /* may be NULL */
	char *ihk;       /* may be NULL */
	enum audit_kind kind;
	char *datum; /* YYYY-MM-DD, required */
	enum register_verdict verdict;
	int validity_first;   /* the form's validity years after an Erstaudit */
	int validity_renewal; /* … after a Re-Audit */
	char *valid_until;    /* YYYY-MM-DD when known (e.g. from score_compute); NULL:
	                         computed from datum and the validity years */
	struct register_section *sections; /* Handlungsfelder in form order */
	size_t section_count;
	int total, max; /* Endpunktzahl (with Sonderpunkte) and its maximum */
	struct register_goal *goals;
	size_t goal_count;
	struct register_evidence *evidence; /* only those still to be handed in */
	size_t evidence_count;
	char *path; /* the source file, for messages and the history */
};

/* Free what a holds and zero it; a zeroed audit is cleared without effect. */
void register_audit_clear(struct register_audit *a);

/* A file the caller could not read, or an audit register_build refused. */
struct register_problem {
	char *path;
	char *reason; /* German */
};

/* Status of a town; the order is the urgency order. */
enum register_status {
	REGISTER_EXPIRED = 0, /* abgelaufen */
	REGISTER_EXPIRING,    /* läuft innerhalb von 6 Monaten ab */
	REGISTER_OPEN,        /* offen */
	REGISTER_FAILED,      /* nicht bestanden */
	REGISTER_VALID,       /* gültig */
	REGISTER_STATUS_COUNT
};

/* What a dated item is; the order breaks ties between items of one day. */
enum register_item_kind {
	REGISTER_ITEM_EXPIRY = 0, /* the seal runs out ("gültig bis") */
	REGISTER_ITEM_PLANNING,   /* plan the re-audit (expiry − 6 months) */
	REGISTER_ITEM_GOAL,       /* an Entwicklungsziel's Frist */
	REGISTER_ITEM_EVIDENCE,   /* evidence to be handed in */
	REGISTER_ITEM_COUNT
};

/* One audit that register_build accepted. */
struct register_entry {
	const struct register_audit *audit; /* borrowed from the caller's array */
	size_t town;                        /* index into result->towns */
	char valid_until[11];               /* "" unless the audit passed */
};

/* One town: its audits, its status. */
struct register_town {
	const char *kommune, *landkreis, *ihk; /* borrowed from its audits; never NULL */
	char *key;                             /* grouping key, stable (owned) */
	size_t *entries; /* indices into result->entries, in order */
	size_t entry_count;
	size_t latest;        /* index into result->entries: the latest audit */
	int has_seal;         /* a passed audit gives a seal */
	size_t seal;          /* index into result->entries when has_seal */
	char valid_until[11]; /* of the seal in force, "" without */
	char planning[11];    /* its planning date, "" without */
	long days_left;       /* valid_until − Stichtag, when has_seal */
	enum register_status status;
	char next_goal[11];      /* next goal deadline on or after the Stichtag, or "" */
	size_t next_goal_number; /* its goal number (1-based) */
	size_t
	    overdue_evidence; /* evidence of the latest audit due before the Stichtag */
};

/* One dated item. */
struct register_item {
	char date[11];
	long days; /* date − Stichtag */
	enum register_item_kind kind;
	size_t town;    /* index into result->towns */
	size_t number;  /* goal: 1-based number; evidence: 1-based index in the audit */
	const char *id; /* evidence: the question's id; otherwise NULL (borrowed) */
	const char *detail; /* goal text or evidence label, may be NULL (borrowed) */
};

/* The distribution of one Handlungsfeld's (or the Endpunktzahl's) percentages. */
struct register_stat {
	const char *title;     /* borrowed; REGISTER_STAT_TOTAL for the Endpunktzahl */
	size_t count;          /* towns that contribute */
	int shown;             /* count >= REGISTER_STAT_MIN_TOWNS */
	double q1, median, q3; /* percent 0…100, only when shown */
};
#define REGISTER_STAT_TOTAL "Endpunktzahl"

struct register_result {
	char stichtag[11];
	/* The accepted audits: towns in the order of their keys (the normalised
	 * Kommune, then Landkreis where it splits them), each town's audits in
	 * audit order. */
	struct register_entry *entries;
	size_t entry_count;
	struct register_town *towns; /* in urgency order */
	size_t town_count;
	struct register_item *items; /* in date order */
	size_t item_count;
	struct register_stat *stats; /* one per title, then the Endpunktzahl */
	size_t stat_count;
	struct register_problem
	    *problems; /* owned copies: the caller's, then refused audits */
	size_t problem_count;
	const char **titles; /* every Handlungsfeld title of the accepted audits, in
	                        order of first appearance in entries (borrowed
	                        strings, owned array): the points columns */
	size_t title_count;
};

/*
 * register_build: compute the register of audits[0..count) at stichtag
 * (YYYY-MM-DD). problems[0..problem_count) are the files the caller could
 * not read; they are copied into the result. An audit without a Kommune,
 * without a valid Datum, with a bad given valid_until or evidence due date,
 * or passed without any way to know its validity becomes a problem of its
 * own (path and reason) instead of failing the register. The result borrows
 * from audits (which must outlive it and stay unchanged) and owns the rest;
 * free it with register_result_free. Returns 0, or -1 with *why (German,
 * caller frees) when stichtag is no valid date; out is then empty.
 */
int register_build(const struct register_audit *audits, size_t count,
                   const struct register_problem *problems, size_t problem_count,
                   const char *stichtag, struct register_result *out, char **why);

/*
 * register_seal_status: the status of one seal valid until valid_until
 * (YYYY-MM-DD, its last valid day) at stichtag, by the rule above:
 * REGISTER_EXPIRED, REGISTER_EXPIRING or REGISTER_VALID; -1 when either is
 * no valid date. (The status of a town whose latest audit passed; screens
 * that show one audit's "gültig bis" mark it with this.)
 */
int register_seal_status(const char *valid_until, const char *stichtag);

/* Free what register_build allocated; on a zeroed result it does nothing. */
void register_result_free(struct register_result *r);

/* German labels (borrowed, static): "bestanden", "läuft innerhalb von 6
 * Monaten ab", "Siegel läuft ab", "Erstaudit" … */
const char *register_verdict_label(enum register_verdict verdict);
const char *register_status_label(enum register_status status);
const char *register_item_label(enum register_item_kind kind);
const char *register_kind_label(enum audit_kind kind);

/*
 * register_section_points: the points and maximum of the Handlungsfeld
 * titled title in audit a. 1 when a has it with a maximum above 0, else 0.
 */
int register_section_points(const struct register_audit *a, const char *title,
                            int *points, int *max);

/*
 * register_percent_tenths: 100·points/max in tenths of a percent, rounded
 * half up in integers (as score_percent_de rounds): 1000·points/max.
 * max must be above 0 and points at least 0.
 */
long register_percent_tenths(int points, int max);

/*
 * register_item_summary: the item as one German line for a calendar or a
 * list: "Ausgezeichneter Wohnort: Siegel von Steinbach (Taunus) läuft ab".
 * Caller frees.
 */
char *register_item_summary(const struct register_result *r,
                            const struct register_item *item);

/* Flags of the writers and formatters. */
enum register_flag {
	REGISTER_WITH_POINTS = 1,  /* points of each town (confidential) */
	REGISTER_WITH_HISTORY = 2, /* earlier audits of each town */
	REGISTER_FORCE = 4,        /* replace a file this program did not write */
};

/*
 * register_write_xlsx: the register as a workbook at path: sheets Register
 * (one row per town in urgency order, autofilter, colours by status;
 * points columns only with REGISTER_WITH_POINTS), Verlauf (every audit,
 * only with REGISTER_WITH_HISTORY), Termine, Statistik and Nicht gelesen.
 * A4 landscape, fit to the page width, heading rows repeated and frozen,
 * dates as Excel dates shown TT.MM.JJJJ. Written through a temp file in
 * path's directory and renamed into place (lib/atomicfile.h), numbers in
 * the C locale whatever the caller's. Never replaced: a symbolic link, a
 * directory or other non-regular file, a session; without REGISTER_FORCE
 * also no non-empty file that is not a workbook of this program.
 * *unprotected (may be NULL) says whether the file system keeps no
 * permissions. Returns 0, or -1 with *why (German, names path; caller
 * frees) and path as it was. libxlsxwriter may print warnings to stderr: a
 * curses caller redirects it first.
 */
int register_write_xlsx(const struct register_result *r, const char *path, unsigned flags,
                        int *unprotected, char **why);

/*
 * register_write_ics: every item as an all-day event (RFC 5545, libical)
 * with an alarm REGISTER_ALARM_EXPIRY_DAYS (expiry, planning) or
 * REGISTER_ALARM_DEADLINE_DAYS (goal, evidence) days before, a German
 * SUMMARY (register_item_summary) and a UID that depends only on the town's
 * key, the kind of item and its goal number or evidence id, so that a
 * calendar importing the file again updates its events instead of adding
 * them twice. DTSTAMP is the Stichtag at 00:00 UTC, so the same register
 * gives the same file. Written atomically as register_write_xlsx; replaces
 * without REGISTER_FORCE only an empty file or a calendar of this program.
 * Returns 0 or -1 with *why.
 */
int register_write_ics(const struct register_result *r, const char *path, unsigned flags,
                       char **why);

/*
 * register_item_uid: the item's UID, "<64 hex digits>@wohnort-audit" (the
 * SHA-256 of town key, kind and goal number or evidence id). Caller frees.
 */
char *register_item_uid(const struct register_result *r,
                        const struct register_item *item);

/* What register_format_tsv writes: one table per call. */
enum register_part {
	REGISTER_PART_TOWNS = 0, /* the Register sheet */
	REGISTER_PART_HISTORY,   /* every audit (the Verlauf sheet) */
	REGISTER_PART_ITEMS,     /* Termine */
	REGISTER_PART_STATS,     /* Statistik */
	REGISTER_PART_PROBLEMS,  /* Nicht gelesen */
};

/*
 * register_format_tsv: one part as tab-separated lines with a heading line,
 * for scripts: dates YYYY-MM-DD, numbers in the C locale (percent with one
 * decimal and a point), empty fields where there is nothing, tabs and line
 * breaks inside values as spaces. REGISTER_WITH_POINTS adds the points
 * columns to the towns and the history. Caller frees.
 */
char *register_format_tsv(const struct register_result *r, enum register_part part,
                          unsigned flags);

/*
 * register_format_text: the whole register as German text for a person:
 * a heading with the Stichtag, the towns in urgency order (with
 * REGISTER_WITH_HISTORY their earlier audits below, with
 * REGISTER_WITH_POINTS their points), the next items, the statistics and
 * the files not read. Dates TT.MM.JJJJ, decimal comma. Caller frees.
 */
char *register_format_text(const struct register_result *r, unsigned flags);

#endif
