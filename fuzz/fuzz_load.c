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

#include "fuzz_common.h"
#include "model/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One fuzz input: the text of a dump. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session *s;
	char *why = NULL;

	s = session_from_dump((const char *)data, size, &why);
	if (s == NULL) {
		CHECK(why != NULL);
		free(why);
		return 0;
	}
	fuzz_check_dump_roundtrip(s, "fuzz_load");
	session_free(s);
	return 0;
}
