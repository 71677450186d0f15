/*
 * date_shift.h: moving a calendar date by years, months or days, and the
 * date of a day number. Pure calendar rules beside lib/date.h (which owns
 * parsing, display and plausibility); meant to join date.h later.
 * No I/O, never prints, never exits.
 *
 * The month rule, used for years too: the same day of the month, clamped
 * to the last day of the target month. So 31.08. minus 6 months is 28.02.
 * (29.02. in a leap year), and 29.02. plus a year is 28.02. (the 29 Feb
 * rule of score_valid_until).
 */
#ifndef DATE_SHIFT_H
#define DATE_SHIFT_H

/*
 * date_shift_months: the ISO date iso moved by months (negative: back),
 * same day of the month clamped to the month's end, into out. 0, or -1 when
 * iso is no valid ISO date or the result leaves DATE_MIN_YEAR … DATE_MAX_YEAR
 * (out is then untouched).
 */
int date_shift_months(const char *iso, long months, char out[11]);

/* date_shift_months by 12·years: 29 February becomes 28 February. */
int date_shift_years(const char *iso, long years, char out[11]);

/* The ISO date iso moved by days. 0, or -1 as date_shift_months. */
int date_shift_days(const char *iso, long days, char out[11]);

/* The ISO date of day number days (date_days: 0 is 1970-01-01) into out.
 * 0, or -1 when it lies outside DATE_MIN_YEAR … DATE_MAX_YEAR. */
int date_of_days(long days, char out[11]);

#endif
