/*
 * bench_save.c: how long saving (audit_save) takes for the fully answered example
 * session, next to the floor measured in the same run: writing the same
 * number of bytes to a temp file, fsync, close, rename over a file and fsync
 * of the directory. Save and floor alternate, so both see the same disk.
 * Then the same for a re-audit that keeps a copy of its previous audit
 * (previous.dump: here the example itself, the largest record of the
 * snapshot). After each, session_list over 10,000 such sessions (hard links
 * to the saved file, so every one is read) for the start screen and `list`.
 * With HISTORY (default 0) only the first round runs, after the session got
 * at least that many entries of its change history (answers and notes
 * changed), which every snapshot carries, and "history N" says how many.
 * Usage: bench_save DUMP [DIR] [ITERATIONS] [HISTORY]. Prints "bytes N",
 * "save|floor MEDIAN_US P99_US" lines, "ratio R" and "list COUNT
 * MICROSECONDS ERRORS", then the same prefixed "re" for the re-audit;
 * judging them is bench/save.sh's job.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/audit.h"
#include "model/history.h"
#include "model/session.h"
#include "lib/util.h"

/* Microseconds since an arbitrary start, from the monotonic clock. */
static double
now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* qsort comparison of doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of n sorted values. */
static double
quantile(const double *v, size_t n, double q)
{
	size_t i = (size_t)(q * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

/*
 * Give s at least count entries of its change history, as an audit
 * collects them: answers typed and corrected and notes of a sentence or
 * two, over every question. 0 or -1.
 */
static int
fill_history(struct session *s, int count)
{
	const struct form *f = s->form;
	char *why = NULL;

	for (int i = 0; history_count(s) < (size_t)count; i++) {
		const struct form_question *q =
		    &f->questions[(size_t)i % f->question_count];
		char *key, *value;
		int rc;

		if (i % 3 != 0) {
			key = xasprintf("%s:note", q->full_id);
			value =
			    xasprintf("Im Gespräch erläutert (%d): die Stadt verweist "
			              "auf den Beschluss und reicht das Protokoll nach.",
			              i);
		} else {
			/* the answers the example holds stay valid: clear and set back */
			key = xstrdup(q->full_id);
			value = session_get(s, key);
			if (value == NULL || session_change(s, key, NULL, &why) != 0) {
				free(why);
				why = NULL;
			}
		}
		rc = session_change(s, key, value, &why);
		free(key);
		free(value);
		if (rc != 0) {
			fprintf(stderr, "bench_save: %s\n", why);
			free(why);
			return -1;
		}
	}
	return 0;
}

/* Time session_list over count hard links to path in a fresh subdirectory of
 * dir; print "<prefix>list COUNT MICROSECONDS ERRORS". */
static int
list_round(const char *dir, const char *path, int count, const char *prefix)
{
	char *sub = xasprintf("%s/list", dir), *why = NULL;
	struct session_summary *list = NULL;
	size_t n = 0, errors = 0;
	double t;
	int rc = 0;

	if (mkdir(sub, 0700) != 0) {
		perror("bench_save: mkdir");
		free(sub);
		return -1;
	}
	for (int i = 0; i < count && rc == 0; i++) {
		char *name = xasprintf("%s/s%05d.cdb", sub, i);
		if (link(path, name) != 0) {
			perror("bench_save: link");
			rc = -1;
		}
		free(name);
	}
	t = now_us();
	if (rc == 0 && session_list(sub, &list, &n, &why) != 0) {
		fprintf(stderr, "bench_save: %s\n", why);
		free(why);
		rc = -1;
	}
	t = now_us() - t;
	for (size_t i = 0; i < n; i++)
		errors += list[i].error != NULL;
	if (rc == 0)
		printf("%slist %zu %.0f %zu\n", prefix, n, t, errors);
	session_summaries_free(list, n);
	for (int i = 0; i < count; i++) {
		char *name = xasprintf("%s/s%05d.cdb", sub, i);
		unlink(name);
		free(name);
	}
	rmdir(sub);
	free(sub);
	return rc;
}

/* One floor round: len bytes to a temp file, fsync, close, rename, dir fsync. 0 or -1. */
static int
floor_round(const char *dir, const char *data, size_t len)
{
	char *tmp = xasprintf("%s/floor.tmp-XXXXXX", dir),
	     *dst = xasprintf("%s/floor", dir);
	int fd = mkostemp(tmp, O_CLOEXEC), rc = -1, dfd;
	size_t done = 0;

	if (fd < 0)
		goto out;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done != len || fsync(fd) != 0) {
		close(fd);
		goto out;
	}
	if (close(fd) != 0 || rename(tmp, dst) != 0)
		goto out;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		goto out;
	rc = fsync(dfd);
	close(dfd);
out:
	free(tmp);
	free(dst);
	return rc;
}

/*
 * Save s (a file already) iterations times, each after a real change of
 * constant length, alternating with a floor round of the same size; print
 * "<prefix>bytes", "<prefix>save", "<prefix>floor" and "<prefix>ratio".
 * 0 or -1 (printed).
 */
static int
measure(struct session *s, const char *dir, int iterations, const char *prefix)
{
	double *save_us = xcalloc((size_t)iterations, sizeof *save_us);
	double *floor_us = xcalloc((size_t)iterations, sizeof *floor_us);
	char *filler = NULL, *why = NULL;
	struct stat st;
	int rc = -1;

	if (audit_save(s, &why) != 0 || stat(s->path, &st) != 0) {
		fprintf(stderr, "bench_save: %s\n", why != NULL ? why : strerror(errno));
		goto out;
	}
	filler = xmalloc((size_t)st.st_size);
	memset(filler, 'x', (size_t)st.st_size);
	for (int i = 0; i < iterations; i++) {
		char value[64];
		double t;

		/* a real change each time, of constant length */
		snprintf(value, sizeof value, "Gesprächsnotiz %06d", i);
		if (session_change(s, "strategie.ratsbeschluss:note", value, &why) != 0) {
			fprintf(stderr, "bench_save: %s\n", why);
			goto out;
		}
		t = now_us();
		if (audit_save(s, &why) != 0) {
			fprintf(stderr, "bench_save: %s\n", why);
			goto out;
		}
		save_us[i] = now_us() - t;
		t = now_us();
		if (floor_round(dir, filler, (size_t)st.st_size) != 0) {
			perror("bench_save: floor");
			goto out;
		}
		floor_us[i] = now_us() - t;
	}
	qsort(save_us, (size_t)iterations, sizeof *save_us, cmp_double);
	qsort(floor_us, (size_t)iterations, sizeof *floor_us, cmp_double);
	printf("%sbytes %lld\n%siterations %d\n", prefix, (long long)st.st_size, prefix,
	       iterations);
	printf("%ssave %.0f %.0f\n", prefix, quantile(save_us, (size_t)iterations, 0.5),
	       quantile(save_us, (size_t)iterations, 0.99));
	printf("%sfloor %.0f %.0f\n", prefix, quantile(floor_us, (size_t)iterations, 0.5),
	       quantile(floor_us, (size_t)iterations, 0.99));
	printf("%sratio %.2f\n", prefix,
	       quantile(save_us, (size_t)iterations, 0.5) /
	           quantile(floor_us, (size_t)iterations, 0.5));
	rc = 0;
out:
	free(save_us);
	free(floor_us);
	free(filler);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *dump_path = argc > 1 ? argv[1] : "data/beispiel-sitzung.txt";
	char *dir = argc > 2 ? xstrdup(argv[2]) : NULL, *text, *why = NULL;
	int iterations = argc > 3 ? atoi(argv[3]) : 300;
	int history = argc > 4 ? atoi(argv[4]) : 0;
	struct session *s;
	size_t len;
	int own_dir = 0;

	if (iterations < 10) {
		fprintf(stderr, "bench_save: at least 10 iterations\n");
		return 1;
	}
	if (file_read_all(dump_path, 64u << 20, &text, &len, &why) != 0 ||
	    (s = session_from_dump(text, len, &why)) == NULL) {
		fprintf(stderr, "bench_save: %s\n", why);
		return 1;
	}
	if (dir == NULL) {
		dir = xstrdup("bench-save-XXXXXX");
		if (mkdtemp(dir) == NULL) {
			perror("bench_save: mkdtemp");
			return 1;
		}
		own_dir = 1;
	}
	if (audit_create(s, dir, &why) != 0) {
		fprintf(stderr, "bench_save: %s\n", why);
		return 1;
	}
	if (history > 0) {
		/* a long change history, on its own (the saves add one each) */
		if (fill_history(s, history) != 0)
			return 1;
		printf("history %zu\n", history_count(s));
		if (measure(s, dir, iterations, "") != 0)
			return 1;
	} else if (measure(s, dir, iterations, "") != 0 ||
	           list_round(dir, s->path, 10000, "") != 0) {
		return 1;
	}
	if (history > 0) {
		free(text);
	} else {
		/* the re-audit: the example keeps itself as its previous audit */
		if (session_change(s, "previous.dump", text, &why) != 0) {
			fprintf(stderr, "bench_save: %s\n", why);
			return 1;
		}
		free(text);
		if (measure(s, dir, iterations, "re") != 0 ||
		    list_round(dir, s->path, 10000, "re") != 0)
			return 1;
	}
	if (own_dir) {
		char *p;
		p = xasprintf("%s.prev", s->path), unlink(p), free(p);
		p = xasprintf("%s.lock", s->path), unlink(p), free(p);
		unlink(s->path);
		p = xasprintf("%s/floor", dir), unlink(p), free(p);
		rmdir(dir);
	}
	session_free(s);
	free(dir);
	return 0;
}
