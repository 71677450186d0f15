/*
 * plausible.c: the plausibility rules for the dates of an audit (see
 * plausible.h), over the pure calendar of lib/date.c. Model code: never
 * prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/plausible.h"

char *
plausible_date_warning(enum date_role role, const char *iso, const char *audit,
                       const char *today)
{
	const char *ref = audit != NULL && date_iso_valid(audit) ? audit : today;
	char limit[11], *shown = date_display(iso), *ref_shown = date_display(ref);
	char *w = NULL;
	int is_today = ref == today;

	switch (role) {
	case DATE_ROLE_AUDIT:
		date_add_years(today, 1, limit);
		if (strcmp(iso, limit) > 0)
			w = xasprintf("%s liegt mehr als ein Jahr in der Zukunft", shown);
		date_add_years(today, -PLAUSIBLE_AUDIT_PAST_YEARS, limit);
		if (strcmp(iso, limit) < 0)
			w = xasprintf("%s liegt mehr als %d Jahre zurück", shown,
			              PLAUSIBLE_AUDIT_PAST_YEARS);
		break;
	case DATE_ROLE_ANSWER:
		if (strcmp(iso, ref) > 0)
			w = is_today ? xasprintf("%s liegt in der Zukunft", shown)
			             : xasprintf("%s liegt nach dem Audit (%s)", shown,
			                         ref_shown);
		date_add_years(ref, -PLAUSIBLE_ANSWER_PAST_YEARS, limit);
		if (strcmp(iso, limit) < 0)
			w = xasprintf("%s liegt mehr als %d Jahre vor dem Audit", shown,
			              PLAUSIBLE_ANSWER_PAST_YEARS);
		break;
	case DATE_ROLE_DUE:
		if (strcmp(iso, ref) < 0)
			w = is_today
			        ? xasprintf("Frist %s liegt in der Vergangenheit", shown)
			        : xasprintf("Frist %s liegt vor dem Audit (%s)", shown,
			                    ref_shown);
		date_add_years(ref, 1, limit);
		if (strcmp(iso, limit) > 0)
			w = xasprintf("Frist %s liegt mehr als ein Jahr nach dem Audit",
			              shown);
		break;
	}
	free(shown);
	free(ref_shown);
	return w;
}
