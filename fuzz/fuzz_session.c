/*
 * fuzz_session.c: libFuzzer target for the session file loader. Each input
 * is written as a session file into a private temporary directory and opened
 * read-only with session_open, then summarised with session_list. Inputs of
 * odd length are written as PATH.prev beside an empty PATH instead, so the
 * fallback to the previous generation is fuzzed too. Checked
 * promises: no crash; a refused file comes with a reason; an accepted one
 * dumps, loads back from its dump to the same text, and scores (points never
 * above the maximum). Built by fuzz/run.sh only; not part of the program.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/score.h"
#include "fuzz_common.h"
#include "model/session.h"
#include "lib/util.h"

static char *dir;  /* private directory, removed at exit */
static char *path; /* dir/fuzz.cdb */
static char *prev; /* dir/fuzz.cdb.prev */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Remove the private directory and what the loader may have left in it. */
static void
cleanup(void)
{
	unlink(path);
	unlink(prev);
	rmdir(dir);
}

/* Make the private directory once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char template[] = "/tmp/fuzz-session-XXXXXX";

	(void)argc, (void)argv;
	if (mkdtemp(template) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	dir = xstrdup(template);
	path = xasprintf("%s/fuzz.cdb", dir);
	prev = xasprintf("%s.prev", path);
	atexit(cleanup);
	return 0;
}

/* Write the bytes to file. */
static void
write_file(const char *file, const uint8_t *data, size_t size)
{
	int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t done = 0;

	CHECK(fd >= 0);
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		CHECK(n > 0);
		done += (size_t)n;
	}
	CHECK(close(fd) == 0);
}

/* What an accepted session must support: dump round trip and scoring. */
static void
check_session(const struct session *s)
{
	struct score_result r;

	fuzz_check_dump_roundtrip(s, "fuzz_session");
	memset(&r, 0, sizeof r);
	score_compute(s, &r);
	CHECK(r.total >= 0 && r.total <= r.max + r.bonus);
	for (size_t i = 0; i < r.section_count; i++)
		CHECK(r.sections[i].points >= 0 &&
		      r.sections[i].points <= r.sections[i].max);
	free(score_format_text(s, &r));
	free(score_format_tsv(s, &r));
	free(score_format_json(s, &r));
	score_result_free(&r);
}

/* One fuzz input: the bytes of a session file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session_summary *list = NULL;
	struct session *s;
	char *notice = NULL, *why = NULL;
	size_t count = 0;

	if (size % 2 == 1) {
		write_file(path, data, 0);
		write_file(prev, data, size);
	} else {
		unlink(prev);
		write_file(path, data, size);
	}
	s = session_open(path, SESSION_READ_ONLY, &notice, &why);
	if (s == NULL) {
		CHECK(why != NULL);
	} else {
		check_session(s);
		session_free(s);
	}
	free(notice);
	free(why);
	why = NULL;
	if (session_list(dir, &list, &count, &why) == 0) {
		/* list reads the summary records without the checksum (fast
		 * path), so their values are not checked here: only memory safety */
		CHECK(count == 1);
		session_summaries_free(list, count);
	} else {
		free(why);
	}
	return 0;
}
