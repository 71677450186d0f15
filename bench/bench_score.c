/*
 * bench_score.c: how long score_compute and the three formatters take on the
 * example session (data/beispiel-sitzung.txt, or the dump named as the first
 * argument). The interview recomputes the score after every answer, so this
 * is the cost of one keystroke's verdict. Prints one line per measurement,
 * "NAME MICROSECONDS-PER-CALL"; judging the numbers is bench/score.sh's job.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "model/score.h"
#include "lib/util.h"

/* Seconds since an arbitrary start, from the monotonic clock. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Time rounds of score_compute (with_format 0) or of one formatter. */
static double
measure(const struct session *s, int rounds,
        char *(*format)(const struct session *, const struct score_result *))
{
	struct score_result r;
	double start = now();

	if (format == NULL) {
		for (int i = 0; i < rounds; i++) {
			score_compute(s, &r);
			score_result_free(&r);
		}
	} else {
		score_compute(s, &r);
		for (int i = 0; i < rounds; i++)
			free(format(s, &r));
		score_result_free(&r);
	}
	return (now() - start) / rounds * 1e6;
}

/* bench_score [DUMP]: print microseconds per call of each operation. */
int
main(int argc, char **argv)
{
	char *path = argc > 1 ? xstrdup(argv[1])
	                      : xstrdup(ABS_TOP_SRCDIR "/data/beispiel-sitzung.txt");
	char *text = NULL, *why = NULL;
	size_t len = 0;
	struct session *s;

	if (file_read_all(path, 16 << 20, &text, &len, &why) != 0) {
		fprintf(stderr, "bench_score: %s\n", why);
		return 1;
	}
	s = session_from_dump(text, len, &why);
	if (s == NULL) {
		fprintf(stderr, "bench_score: %s: %s\n", path, why);
		return 1;
	}
	printf("questions %zu\n", s->form->question_count);
	printf("compute %.2f\n", measure(s, 20000, NULL));
	printf("text %.2f\n", measure(s, 5000, score_format_text));
	printf("tsv %.2f\n", measure(s, 5000, score_format_tsv));
	printf("json %.2f\n", measure(s, 5000, score_format_json));
	session_free(s);
	free(text);
	free(path);
	return 0;
}
