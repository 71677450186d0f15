/*
 * date.h: every rule about calendar dates in one place: reading a date as a
 * person types it (ISO 2026-03-14 or German 14.03.2026, 14.3.26), the form
 * the program stores (ISO YYYY-MM-DD, also the CLI form), the form a person
 * reads (TT.MM.JJJJ), today, and plausibility: what is impossible is
 * refused, what is only unlikely is warned about and still accepted.
 * Model code: never prints, never exits, never includes curses.
 *
 * Impossible (refused by date_parse): text that is not a date, a day that
 * does not exist (31.04., 29.02. outside leap years), a year outside
 * DATE_MIN_YEAR … DATE_MAX_YEAR.
 *
 * Implausible (warned by date_warning, still saved):
 *   DATE_ROLE_AUDIT  the audit date more than a year after today, or more
 *                    than DATE_AUDIT_PAST_YEARS years before today;
 *   DATE_ROLE_ANSWER the date answer to a question (a council decision, a
 *                    concept adopted …) after the audit, or more than
 *                    DATE_ANSWER_PAST_YEARS years before it;
 *   DATE_ROLE_DUE    an evidence due date (nachzureichen bis) before the
 *                    audit, or more than a year after it.
 * "The audit" is meta.datum, or today when the session has none.
 */
#ifndef DATE_H
#define DATE_H

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199
#define DATE_AUDIT_PAST_YEARS 10
#define DATE_ANSWER_PAST_YEARS 50

/* What a date stands for; decides which dates are implausible. */
enum date_role {
	DATE_ROLE_AUDIT,  /* meta.datum */
	DATE_ROLE_ANSWER, /* the answer to a date question */
	DATE_ROLE_DUE,    /* SECTION.QUESTION:evidence_due */
};

/*
 * date_parse: read text as a date: YYYY-MM-DD, or D.M.YYYY / D.M.YY with one
 * or two digits for day and month (a two-digit year YY means 20YY); blanks
 * around it are ignored. Returns 0 and the ISO form in iso, or -1 with *why
 * (German, says what to type, without any record key; caller frees); iso is
 * untouched on failure.
 */
int date_parse(const char *text, char iso[11], char **why);

/* Whether s is exactly an ISO date YYYY-MM-DD that date_parse accepts. */
int date_iso_valid(const char *s);

/*
 * date_display: the date as a person reads it, "14.03.2026", from an ISO
 * date; any other text comes back unchanged (NULL stays NULL). Caller frees.
 */
char *date_display(const char *iso);

/* Today's local date as YYYY-MM-DD into out. */
void date_today(char out[11]);

/* Days from 1970-01-01 to the valid ISO date iso (negative before 1970). */
long date_days(const char *iso);

/*
 * date_warning: the German warning for an implausible date (caller frees),
 * or NULL when iso is plausible for role. audit is the audit date (ISO) or
 * NULL (then today is used); today is ISO. iso must be valid.
 */
char *date_warning(enum date_role role, const char *iso, const char *audit,
                   const char *today);

#endif
