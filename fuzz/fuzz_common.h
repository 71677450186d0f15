/*
 * fuzz_common.h: what the libFuzzer targets share: CHECK, which traps so
 * libFuzzer records the input, and the dump round trip every accepted session
 * must survive. Header-only, so fuzz/run.sh builds each target from its one
 * .c file. Fuzzing code only; never part of the program.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"

#define CHECK(cond)                                                                      \
	do {                                                                             \
		if (!(cond))                                                             \
			__builtin_trap();                                                \
	} while (0)

/* s dumps to a text that loads back and dumps to the same text; who names the
 * target in the message printed before the trap. */
static inline void
fuzz_check_dump_roundtrip(const struct session *s, const char *who)
{
	struct session *back;
	char *dump, *dump2, *why = NULL;

	dump = session_dump(s);
	CHECK(dump != NULL);
	back = session_from_dump(dump, strlen(dump), &why);
	if (back == NULL) {
		fprintf(stderr, "%s: dump of an accepted session does not load: %s\n",
		        who, why);
		CHECK(0);
	}
	dump2 = session_dump(back);
	CHECK(strcmp(dump, dump2) == 0);
	free(dump);
	free(dump2);
	session_free(back);
}

#endif
