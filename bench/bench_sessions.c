/*
 * bench_sessions.c: many real session files for the register's benchmark,
 * made quickly in one process: each is the dump DUMP (a fully answered
 * session) changed through session_change and saved with audit_create, as
 * `load` and `set` would make it. About three audits per town (Erstaudit,
 * then Re-Audits three and five years later), dated 2014 … 2026; one in
 * seven is left open (an answer cleared), one in seven fails (every yes/no
 * question answered "nein"); goal deadlines move with the date; of the
 * dump's evidence "nachzureichen" the first one to three stay, the others
 * become "vorgelegt".
 *   bench_sessions DUMP DIR COUNT [FIRST]
 * makes sessions number FIRST (default 0) to FIRST + COUNT - 1, so that
 * several processes can share the work.
 * Prints nothing on success; exit 1 on the first failure (printed), 2 usage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/session.h"

/* session_change or fail loudly. */
static int
change(struct session *s, const char *key, const char *value)
{
	char *why = NULL;

	if (session_change(s, key, value, &why) == 0)
		return 0;
	fprintf(stderr, "bench_sessions: %s: %s\n", key, why);
	free(why);
	return -1;
}

int
main(int argc, char **argv)
{
	char *text = NULL, *why = NULL;
	size_t len = 0;
	long count, first = argc > 4 ? atol(argv[4]) : 0;

	if (argc < 4 || argc > 5 || (count = atol(argv[3])) < 1 || first < 0) {
		fprintf(stderr, "usage: bench_sessions DUMP DIR COUNT [FIRST]\n");
		return 2;
	}
	if (file_read_all(argv[1], 64u << 20, &text, &len, &why) != 0) {
		fprintf(stderr, "bench_sessions: %s\n", why);
		return 1;
	}
	for (long i = first; i < first + count; i++) {
		long town = i / 3, step = i % 3;
		struct session *s = session_from_dump(text, len, &why);
		char datum[11], frist[11], *kommune;
		int rc = 0;

		if (s == NULL) {
			fprintf(stderr, "bench_sessions: %s\n", why);
			return 1;
		}
		date_of_days(date_days("2014-01-01") + (town * 37) % 1500 +
		                 (step == 0   ? 0
		                  : step == 1 ? 3 * 365
		                              : 8 * 365),
		             datum);
		date_add_years(datum, 2, frist);
		kommune = xasprintf("Gemeinde %05ld", town);
		rc |= change(s, "meta.kommune", kommune);
		rc |= change(s, "meta.landkreis",
		             town % 2 ? "Landkreis Nord" : "Landkreis Süd");
		rc |= change(s, "meta.datum", datum);
		rc |= change(s, "meta.art", step == 0 ? "erst" : "re");
		rc |= change(s, "meta.vorher", NULL);
		rc |= change(s, "goal.1.frist", frist);
		for (size_t q = 0, due = 0; q < s->form->question_count; q++)
			if (s->items[q].evidence == EVIDENCE_DUE &&
			    ++due > (size_t)(i % 3 + 1)) {
				char *key = xasprintf("%s:evidence",
				                      s->form->questions[q].full_id);
				rc |= change(s, key, "vorgelegt");
				free(key);
			}
		if (i % 7 == 3) {
			rc |= change(s, "strategie.ratsbeschluss", NULL);
		} else if (i % 7 == 5) {
			for (size_t q = 0; q < s->form->question_count; q++)
				if (s->form->questions[q].type == QUESTION_YESNO)
					rc |= change(s, s->form->questions[q].full_id,
					             "nein");
		}
		free(kommune);
		if (rc == 0 && audit_create(s, argv[2], &why) != 0) {
			fprintf(stderr, "bench_sessions: %s\n", why);
			rc = -1;
		}
		session_free(s);
		if (rc != 0)
			return 1;
	}
	free(text);
	return 0;
}
