/*
 * date.c: calendar dates: parsing ISO and German input, validation, the
 * German display form, today, day and year arithmetic (see date.h).
 * Library code: no I/O but the clock, no printing, no domain rules.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/date.h"
#include "lib/util.h"
#include "lib/utf8.h"

/* Longest piece of the typed text repeated in a message. */
#define ECHO_MAX 16

/* Whether year is a leap year of the Gregorian calendar. */
static int
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1..12) of year y. */
static int
month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return days[m - 1] + (m == 2 && leap_year(y));
}

/* Read 1..max digits at *p into *out; advances *p. 1 when at least min were read. */
static int
digits(const char **p, int min, int max, int *out, int *count)
{
	int n = 0, v = 0;

	while (n < max && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	*count = n;
	return n >= min;
}

/* Split text into year, month, day; 1 when it has the shape of a date. */
static int
split_date(const char *text, int *y, int *m, int *d)
{
	const char *p = text;
	int a, b, c, na, nb, nc;

	while (*p == ' ')
		p++;
	if (!digits(&p, 1, 4, &a, &na))
		return 0;
	if (na == 4 && *p == '-') {
		p++;
		if (!digits(&p, 2, 2, &b, &nb) || *p++ != '-' ||
		    !digits(&p, 2, 2, &c, &nc))
			return 0;
		*y = a;
		*m = b;
		*d = c;
	} else if (na <= 2 && *p == '.') {
		p++;
		if (!digits(&p, 1, 2, &b, &nb) || *p++ != '.' ||
		    !digits(&p, 2, 4, &c, &nc) || nc == 3)
			return 0;
		*y = nc == 2 ? 2000 + c : c;
		*m = b;
		*d = a;
	} else {
		return 0;
	}
	while (*p == ' ')
		p++;
	return *p == '\0';
}

int
date_parse(const char *text, char iso[11], char **why)
{
	int y, m, d;
	char *shown;

	if (text == NULL || !split_date(text, &y, &m, &d)) {
		shown = utf8_shorten(text != NULL ? text : "", ECHO_MAX);
		*why = xasprintf("„%s“ ist kein Datum – bitte TT.MM.JJJJ eingeben, "
		                 "z. B. 14.03.2026",
		                 shown);
		free(shown);
		return -1;
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		*why = xasprintf("Das Jahr %d ist nicht möglich (%d bis %d)", y,
		                 DATE_MIN_YEAR, DATE_MAX_YEAR);
		return -1;
	}
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m)) {
		*why = xasprintf("Den %02d.%02d.%04d gibt es nicht – bitte ein gültiges "
		                 "Datum eingeben",
		                 d, m, y);
		return -1;
	}
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
	return 0;
}

int
date_iso_valid(const char *s)
{
	char iso[11], *why = NULL;

	if (s == NULL || strlen(s) != 10 || s[4] != '-')
		return 0;
	if (date_parse(s, iso, &why) != 0) {
		free(why);
		return 0;
	}
	return strcmp(iso, s) == 0;
}

char *
date_display(const char *iso)
{
	if (iso == NULL)
		return NULL;
	if (!date_iso_valid(iso))
		return xstrdup(iso);
	return xasprintf("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

void
date_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian calendar). */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
date_split(const char *iso, int *year, int *month, int *day)
{
	if (!date_iso_valid(iso))
		return -1;
	*year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 +
	        (iso[3] - '0');
	*month = (iso[5] - '0') * 10 + (iso[6] - '0');
	*day = (iso[8] - '0') * 10 + (iso[9] - '0');
	return 0;
}

long
date_days(const char *iso)
{
	int y, m, d;

	if (date_split(iso, &y, &m, &d) != 0)
		return 0;
	return days_from_civil(y, m, d);
}

int
date_add_years(const char *iso, int years, char out[11])
{
	int y, m, d;

	out[0] = '\0';
	if (date_split(iso, &y, &m, &d) != 0 || years < -9999 || years > 9999)
		return -1;
	y += years;
	if (y < 0 || y > 9999)
		return -1;
	if (m == 2 && d == 29 && !leap_year(y))
		d = 28;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* Write y-m-d as ISO into out when y lies in DATE_MIN_YEAR … DATE_MAX_YEAR. */
static int
put_date(long y, int m, int d, char out[11])
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return -1;
	snprintf(out, 11, "%04ld-%02d-%02d", y, m, d);
	return 0;
}

int
date_add_months(const char *iso, long months, char out[11])
{
	int y, m, d;
	long index;

	if (date_split(iso, &y, &m, &d) != 0 || months > 12L * DATE_MAX_YEAR ||
	    months < -12L * DATE_MAX_YEAR)
		return -1;
	/* months counted from year 0 keep the arithmetic free of signs */
	index = (long)y * 12 + (m - 1) + months;
	if (index < 0)
		return -1;
	y = (int)(index / 12);
	m = (int)(index % 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return put_date(y, m, d, out);
}

int
date_of_days(long days, char out[11])
{
	/* the inverse of date_days (H. Hinnant's civil_from_days) */
	long z = days + 719468, era, doe, yoe, y, doy, mp;
	int m, d;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	return put_date(y + (m <= 2), m, d, out);
}

int
date_add_days(const char *iso, long days, char out[11])
{
	if (!date_iso_valid(iso) || days > 366L * DATE_MAX_YEAR ||
	    days < -366L * DATE_MAX_YEAR)
		return -1;
	return date_of_days(date_days(iso) + days, out);
}
