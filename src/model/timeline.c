/*
 * timeline.c: a town's audit history from the session summaries (see
 * timeline.h). Linear in the number of summaries plus the sort of one
 * town's audits. Model code: never prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/compare.h"
#include "model/timeline.h"
#include "model/vocab.h"

/* The summaries being sorted (qsort has no context argument). */
struct entry {
	const struct session_summary *s;
};

/* By date, then by path. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct session_summary *x = ((const struct entry *)a)->s;
	const struct session_summary *y = ((const struct entry *)b)->s;
	int c =
	    strcmp(x->datum != NULL ? x->datum : "", y->datum != NULL ? y->datum : "");

	return c != 0 ? c
	              : strcmp(x->path != NULL ? x->path : "",
	                       y->path != NULL ? y->path : "");
}

char *
timeline_text(const struct session_summary *list, size_t count, size_t index)
{
	const struct session_summary *me;
	struct entry *town;
	struct buf b = {0};
	size_t n = 0;

	if (index >= count)
		return NULL;
	me = &list[index];
	if (me->error != NULL || me->kommune == NULL || me->kommune[0] == '\0')
		return NULL;
	town = xcalloc(count + 1, sizeof *town);
	for (size_t i = 0; i < count; i++)
		if (list[i].error == NULL &&
		    compare_same_kommune(list[i].kommune, me->kommune))
			town[n++].s = &list[i];
	qsort(town, n, sizeof *town, entry_cmp);
	for (size_t i = 0; i < n; i++) {
		const struct session_summary *s = town[i].s;
		const char *art =
		    s->art != NULL ? vocab_value_label(&vocab_art, s->art) : NULL;
		int renewal = s->art != NULL &&
		              strcmp(s->art, vocab_art.items[AUDIT_RENEWAL].value) == 0;

		if (i == 0 && renewal)
			buf_adds(&b, "… → ");
		else if (i > 0)
			buf_adds(&b, " → ");
		buf_printf(&b, "%s %.4s",
		           art != NULL ? art : vocab_art.items[AUDIT_FIRST].label,
		           s->datum != NULL && strlen(s->datum) >= 4 ? s->datum : "?");
	}
	free(town);
	return b.data != NULL ? buf_steal(&b) : NULL;
}
