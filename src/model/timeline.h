/*
 * timeline.h: a town's audit history, read from the sessions present: the
 * summaries session_list gives (`list`, the start screen) grouped by
 * Kommune (compare_same_kommune) and ordered by date, as one line for a
 * person: "Erstaudit 2020 → Re-Audit 2023 → Re-Audit 2028". Reads nothing
 * but the summaries, so it costs what the list costs. Model code: never
 * prints, never exits.
 */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stddef.h>

#include "model/session.h"

/*
 * timeline_text: the history of the town of list[index] among the count
 * summaries: every readable session of the same Kommune by date (then file
 * name), each as its Art and year; "… → " first when the earliest one
 * present is a Re-Audit (its predecessors are not here). NULL when
 * list[index] could not be read or has no Kommune. Caller frees.
 */
char *timeline_text(const struct session_summary *list, size_t count, size_t index);

#endif
