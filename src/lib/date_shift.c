/*
 * date_shift.c: date arithmetic by years, months and days (see
 * date_shift.h). Pure: no clock, no I/O.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/date.h"
#include "lib/date_shift.h"

/* Whether y is a leap year of the Gregorian calendar. */
static int
leap_year(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1..12) of year y. */
static int
month_length(long y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return days[m - 1] + (m == 2 && leap_year(y));
}

/* Write y-m-d as ISO into out when y is in range. 0 or -1. */
static int
put_date(long y, int m, int d, char out[11])
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return -1;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}

int
date_shift_months(const char *iso, long months, char out[11])
{
	long y, index;
	int m, d;

	if (!date_iso_valid(iso) || months > 12L * DATE_MAX_YEAR ||
	    months < -12L * DATE_MAX_YEAR)
		return -1;
	y = atol(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8);
	/* months counted from year 0 keep the arithmetic free of signs */
	index = y * 12 + (m - 1) + months;
	y = index / 12;
	m = (int)(index % 12) + 1;
	if (index < 0)
		return -1;
	if (d > month_length(y, m))
		d = month_length(y, m);
	return put_date(y, m, d, out);
}

int
date_shift_years(const char *iso, long years, char out[11])
{
	if (years > DATE_MAX_YEAR || years < -DATE_MAX_YEAR)
		return -1;
	return date_shift_months(iso, years * 12, out);
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
date_shift_days(const char *iso, long days, char out[11])
{
	if (!date_iso_valid(iso) || days > 366L * DATE_MAX_YEAR ||
	    days < -366L * DATE_MAX_YEAR)
		return -1;
	return date_of_days(date_days(iso) + days, out);
}
