/*
 * date.h: calendar dates, pure rules only: reading a date as a person types
 * it (ISO 2026-03-14 or German 14.03.2026, 14.3.26), the form the program
 * stores (ISO YYYY-MM-DD, also the CLI form), the form a person reads
 * (TT.MM.JJJJ), today, day numbers and adding years (29 February becomes
 * 28 February where the target year has none). What a date means for an
 * audit (which dates are implausible) is the model's: model/plausible.h.
 * Library code: never prints, never exits; the only outside input is the
 * clock (date_today).
 *
 * Impossible (refused by date_parse): text that is not a date, a day that
 * does not exist (31.04., 29.02. outside leap years), a year outside
 * DATE_MIN_YEAR … DATE_MAX_YEAR.
 */
#ifndef DATE_H
#define DATE_H

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199

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

/* Year, month and day of an ISO date; 0, or -1 (nothing set) when
 * date_iso_valid(iso) does not hold. */
int date_split(const char *iso, int *year, int *month, int *day);

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
 * date_add_years: the same calendar day years later (earlier when years is
 * negative) into out, 29 February becoming 28 February in a year without
 * it. 0, or -1 (out = "") when iso is not valid (date_iso_valid) or the
 * result falls outside the years 0 … 9999.
 */
int date_add_years(const char *iso, int years, char out[11]);

/*
 * date_add_months: the ISO date iso moved by months (negative: back), the
 * same day of the month clamped to the month's end (31.08. minus 6 months is
 * 28.02., or 29.02. in a leap year), into out. 0, or -1 when iso is not a
 * valid ISO date or the result leaves DATE_MIN_YEAR … DATE_MAX_YEAR (out is
 * then untouched).
 */
int date_add_months(const char *iso, long months, char out[11]);

/* The ISO date iso moved by days. 0, or -1 as date_add_months. */
int date_add_days(const char *iso, long days, char out[11]);

/* The ISO date of day number days (date_days: 0 is 1970-01-01) into out.
 * 0, or -1 when it lies outside DATE_MIN_YEAR … DATE_MAX_YEAR. */
int date_of_days(long days, char out[11]);

#endif
