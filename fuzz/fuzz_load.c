/*
 * fuzz_load.c: libFuzzer target for the dump parser behind `wohnort-audit
 * load` (session_from_dump), which reads text files a person may have
 * edited. Checked promises: no crash; a refusal names a reason; an accepted
 * dump prints back to a text that loads to the same dump again (the round
 * trip is exact after one normalisation). Built by fuzz/run.sh only.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"

#define CHECK(cond)                                                                      \
	do {                                                                             \
		if (!(cond))                                                             \
			__builtin_trap();                                                \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One fuzz input: the text of a dump. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session *s, *back;
	char *why = NULL, *dump, *dump2;

	s = session_from_dump((const char *)data, size, &why);
	if (s == NULL) {
		CHECK(why != NULL);
		free(why);
		return 0;
	}
	dump = session_dump(s);
	CHECK(dump != NULL);
	back = session_from_dump(dump, strlen(dump), &why);
	if (back == NULL) {
		fprintf(stderr, "fuzz_load: normalised dump does not load: %s\n", why);
		CHECK(0);
	}
	dump2 = session_dump(back);
	CHECK(strcmp(dump, dump2) == 0);
	free(dump);
	free(dump2);
	session_free(back);
	session_free(s);
	return 0;
}
