/*
 * register_read.c: reading session files for the register
 * (register_read.h says what is read and how): listing the folders,
 * checking each file through the store (session_scan_file), collecting
 * the records the register needs, opening older sessions in full, and
 * turning whatever fails into a problem with its reason. The checks run on
 * a few threads (one per processor, each with its own scan state, sharing
 * nothing but the index of the next file); everything after them runs on
 * the caller's thread in the order the files were named, so the result
 * never depends on the threads. Model code: reads only, never prints,
 * never exits, never writes or takes a lock.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/util.h"
#include "model/audit.h"
#include "model/register_read.h"
#include "model/session.h"
#include "model/vocab.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Threads that scan files at most, and the files it takes to use more than
 * the caller's. */
#define SCAN_THREADS_MAX 4
#define SCAN_SHARE_MIN 64

/* Largest N of the numbered records read (goal.N, summary.section.N …). */
#define NUMBERED_MAX 9999

/* The records with one value that the register reads. */
enum field {
	F_KOMMUNE,
	F_LANDKREIS,
	F_IHK,
	F_DATUM,
	F_ART,
	F_POINTS,
	F_MAX,
	F_VERDICT,
	F_VALID_UNTIL,
	F_VALIDITY_FIRST,
	F_VALIDITY_RENEWAL,
	F_COUNT
};

/* A key and its length, for comparing with the not NUL-terminated keys of
 * the file. */
struct key {
	const char *text;
	size_t len;
};
#define KEY(s)                                                                           \
	{                                                                                \
		s, sizeof s - 1                                                          \
	}

static const struct key field_keys[F_COUNT] = {
    [F_KOMMUNE] = KEY("meta.kommune"),
    [F_LANDKREIS] = KEY("meta.landkreis"),
    [F_IHK] = KEY("meta.ihk"),
    [F_DATUM] = KEY("meta.datum"),
    [F_ART] = KEY("meta.art"),
    [F_POINTS] = KEY("summary.points"),
    [F_MAX] = KEY("summary.max"),
    [F_VERDICT] = KEY("summary.verdict"),
    [F_VALID_UNTIL] = KEY("summary.valid_until"),
    [F_VALIDITY_FIRST] = KEY("summary.validity_first"),
    [F_VALIDITY_RENEWAL] = KEY("summary.validity_renewal"),
};

/* Every key read starts with one of these (a quick test for the others). */
static const struct key read_prefixes[] = {KEY("meta."), KEY("goal."), KEY("summary.")};

/* The numbered records: PREFIX N SUFFIX. */
enum numbered { N_GOAL, N_DEADLINE, N_SECTION, N_EVIDENCE, N_COUNT };

static const struct {
	struct key prefix, suffix;
} numbered_keys[N_COUNT] = {
    [N_GOAL] = {KEY("goal."), KEY(".ziel")},
    [N_DEADLINE] = {KEY("goal."), KEY(".frist")},
    [N_SECTION] = {KEY("summary.section."), KEY("")},
    [N_EVIDENCE] = {KEY("summary.evidence."), KEY("")},
};

struct numbered_value {
	long n;
	char *value;
};

/* What one session's records gave. */
struct collected {
	char *field[F_COUNT];
	struct numbered_value *list[N_COUNT];
	size_t count[N_COUNT];
	char *bad; /* the first record that cannot be right (owned), or NULL */
};

static void
collected_clear(struct collected *c)
{
	for (size_t i = 0; i < F_COUNT; i++)
		free(c->field[i]);
	for (size_t k = 0; k < N_COUNT; k++) {
		for (size_t i = 0; i < c->count[k]; i++)
			free(c->list[k][i].value);
		free(c->list[k]);
	}
	free(c->bad);
	memset(c, 0, sizeof *c);
}

/* Remember the first bad record's key. */
static void
collected_bad(struct collected *c, const char *key, size_t klen)
{
	if (c->bad == NULL)
		c->bad = xstrndup(key, klen);
}

/* Whether the klen bytes at key are k. */
static int
key_is(const char *key, size_t klen, const struct key *k)
{
	return k->len == klen && memcmp(key, k->text, klen) == 0;
}

/* Whether the klen bytes at key start with k. */
static int
key_starts(const char *key, size_t klen, const struct key *k)
{
	return klen >= k->len && memcmp(key, k->text, k->len) == 0;
}

/*
 * If key is one of numbered_keys[k], its N into *n: 1, or 0 when it is not
 * (-1: it is, with a number out of range).
 */
static int
numbered_match(const char *key, size_t klen, size_t k, long *n)
{
	const struct key *prefix = &numbered_keys[k].prefix,
	                 *suffix = &numbered_keys[k].suffix;
	const char *digits = key + prefix->len;
	size_t dlen;

	if (klen <= prefix->len + suffix->len || !key_starts(key, klen, prefix) ||
	    memcmp(key + klen - suffix->len, suffix->text, suffix->len) != 0)
		return 0;
	dlen = klen - prefix->len - suffix->len;
	for (size_t i = 0; i < dlen; i++)
		if (digits[i] < '0' || digits[i] > '9')
			return 0;
	return parse_integer(digits, dlen, 0, 1, NUMBERED_MAX, n) ? 1 : -1;
}

/* session_scan_fn: keep the records the register reads. */
static void
collect(void *ctx, const char *key, size_t klen, const char *value, size_t vlen)
{
	struct collected *c = ctx;
	size_t p = 0;
	long n;

	while (p < COUNT(read_prefixes) && !key_starts(key, klen, &read_prefixes[p]))
		p++;
	if (p == COUNT(read_prefixes))
		return; /* the answers, the form, … */
	for (size_t i = 0; i < F_COUNT; i++)
		if (key_is(key, klen, &field_keys[i])) {
			if (c->field[i] != NULL)
				collected_bad(c, key, klen); /* twice */
			else
				c->field[i] = xstrndup(value, vlen);
			return;
		}
	for (size_t k = 0; k < N_COUNT; k++) {
		int rc = numbered_match(key, klen, k, &n);
		if (rc == 0)
			continue;
		if (rc < 0) {
			collected_bad(c, key, klen);
			return;
		}
		for (size_t i = 0; i < c->count[k]; i++)
			if (c->list[k][i].n == n) {
				collected_bad(c, key, klen);
				return;
			}
		c->list[k] =
		    xreallocarray(c->list[k], c->count[k] + 1, sizeof *c->list[k]);
		c->list[k][c->count[k]].n = n;
		c->list[k][c->count[k]].value = xstrndup(value, vlen);
		c->count[k]++;
		return;
	}
}

/* collect a NUL-terminated value. */
static void
collect_string(struct collected *c, const char *key, const char *value)
{
	collect(c, key, strlen(key), value, strlen(value));
}

static int
numbered_cmp(const void *a, const void *b)
{
	const struct numbered_value *x = a, *y = b;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* A copy of s, or NULL when s is NULL or empty. */
static char *
text_or_null(const char *s)
{
	return s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

/* Parse a whole decimal integer from lo to hi. 1 or 0. */
static int
number_of(const char *s, long lo, long hi, int *out)
{
	long n;

	if (s == NULL || !parse_integer(s, strlen(s), PARSE_SIGN, lo, hi, &n))
		return 0;
	*out = (int)n;
	return 1;
}

/*
 * Split "A B REST" at its first two spaces: *a and *b point into s (each
 * NUL-terminated there), *rest after the second space. 1, or 0 when s has
 * fewer than two spaces.
 */
static int
split_two(char *s, char **a, char **b, char **rest)
{
	char *sp1 = strchr(s, ' '), *sp2;

	if (sp1 == NULL)
		return 0;
	sp2 = strchr(sp1 + 1, ' ');
	if (sp2 == NULL)
		return 0;
	*sp1 = *sp2 = '\0';
	*a = s;
	*b = sp1 + 1;
	*rest = sp2 + 1;
	return 1;
}

/* Why a summary cannot be used: the record named. Caller frees. */
static char *
unreadable(const char *key)
{
	return xasprintf("Zusammenfassung unlesbar (%s); die nächste Änderung der "
	                 "Sitzung schreibt sie neu",
	                 key);
}

/*
 * Fill a (zeroed) from c. NULL, or the reason the audit cannot be read
 * (caller frees); a is then cleared.
 */
static char *
audit_fill(struct collected *c, const char *path, struct register_audit *a)
{
	char *key = NULL, *reason = NULL;
	int art, verdict = -1;
	long goals = 0;

	if (c->bad != NULL)
		return unreadable(c->bad);
	for (size_t k = 0; k < N_COUNT; k++)
		if (c->count[k] > 1)
			qsort(c->list[k], c->count[k], sizeof *c->list[k], numbered_cmp);
	a->path = xstrdup(path);
	a->kommune = text_or_null(c->field[F_KOMMUNE]);
	a->landkreis = text_or_null(c->field[F_LANDKREIS]);
	a->ihk = text_or_null(c->field[F_IHK]);
	a->datum = text_or_null(c->field[F_DATUM]);
	art = c->field[F_ART] != NULL ? vocab_value_find(&vocab_art, c->field[F_ART]) : 0;
	if (art < 0) {
		reason = unreadable(field_keys[F_ART].text);
		goto fail;
	}
	a->kind = (enum audit_kind)art;
	for (int v = 0; v < REGISTER_VERDICT_COUNT && c->field[F_VERDICT] != NULL; v++)
		if (strcmp(c->field[F_VERDICT], register_verdict_label(v)) == 0)
			verdict = v;
	if (verdict < 0) {
		reason = unreadable(field_keys[F_VERDICT].text);
		goto fail;
	}
	a->verdict = (enum register_verdict)verdict;
	a->valid_until = text_or_null(c->field[F_VALID_UNTIL]);
	if (!number_of(c->field[F_VALIDITY_FIRST], 0, 1000, &a->validity_first) ||
	    !number_of(c->field[F_VALIDITY_RENEWAL], 0, 1000, &a->validity_renewal) ||
	    !number_of(c->field[F_POINTS], INT_MIN, INT_MAX, &a->total) ||
	    !number_of(c->field[F_MAX], INT_MIN, INT_MAX, &a->max)) {
		reason = unreadable("summary.validity_*, summary.points, summary.max");
		goto fail;
	}
	a->sections = xcalloc(c->count[N_SECTION] + 1, sizeof *a->sections);
	for (size_t i = 0; i < c->count[N_SECTION]; i++) {
		struct register_section *sec = &a->sections[a->section_count];
		char *points, *max, *title;
		if (!split_two(c->list[N_SECTION][i].value, &points, &max, &title) ||
		    !number_of(points, 0, INT_MAX, &sec->points) ||
		    !number_of(max, 0, INT_MAX, &sec->max)) {
			key = xasprintf("summary.section.%ld", c->list[N_SECTION][i].n);
			goto bad;
		}
		sec->title = xstrdup(title);
		a->section_count++;
	}
	a->evidence = xcalloc(c->count[N_EVIDENCE] + 1, sizeof *a->evidence);
	for (size_t i = 0; i < c->count[N_EVIDENCE]; i++) {
		struct register_evidence *e = &a->evidence[a->evidence_count];
		char *due, *id, *label;
		if (!split_two(c->list[N_EVIDENCE][i].value, &due, &id, &label) ||
		    id[0] == '\0') {
			key = xasprintf("summary.evidence.%ld", c->list[N_EVIDENCE][i].n);
			goto bad;
		}
		e->due = xstrdup(due);
		e->id = xstrdup(id);
		e->label = xstrdup(label);
		a->evidence_count++;
	}
	/* goal N is goals[N-1]: its number in the register is N */
	for (size_t k = N_GOAL; k <= N_DEADLINE; k++)
		if (c->count[k] > 0 && c->list[k][c->count[k] - 1].n > goals)
			goals = c->list[k][c->count[k] - 1].n;
	a->goals = xcalloc((size_t)goals + 1, sizeof *a->goals);
	a->goal_count = (size_t)goals;
	for (size_t i = 0; i < c->count[N_GOAL]; i++)
		a->goals[c->list[N_GOAL][i].n - 1].goal =
		    text_or_null(c->list[N_GOAL][i].value);
	for (size_t i = 0; i < c->count[N_DEADLINE]; i++)
		a->goals[c->list[N_DEADLINE][i].n - 1].deadline =
		    text_or_null(c->list[N_DEADLINE][i].value);
	return NULL;
bad:
	reason = unreadable(key);
	free(key);
fail:
	register_audit_clear(a);
	return reason;
}

/* The text after "PATH: " in a message of the store, or the whole. */
static const char *
without_path(const char *message, const char *path)
{
	size_t n = strlen(path);

	if (strncmp(message, path, n) == 0 && message[n] == ':' && message[n + 1] == ' ')
		return message + n + 2;
	return message;
}

/*
 * A session saved before the register's summary: open it in full,
 * read-only, and collect what audit_save would write today. NULL, or the
 * reason it cannot be read (caller frees).
 */
static char *
read_full(const char *path, struct collected *c)
{
	struct session_pairs summary = {0};
	char *notice = NULL, *why = NULL, *reason;
	struct session *s = session_open(path, SESSION_READ_ONLY, &notice, &why);

	collected_clear(c);
	if (s == NULL) {
		reason = xstrdup(without_path(why, path));
		free(why);
		return reason;
	}
	if (notice != NULL) {
		/* it changed since it was checked; the fallback is not this file */
		session_free(s);
		return notice;
	}
	audit_summary(s, &summary);
	for (size_t i = 0; i < summary.count; i++)
		collect_string(c, summary.items[i].key, summary.items[i].value);
	session_pairs_clear(&summary);
	for (size_t i = 0; i < F_COUNT; i++) {
		char *value;
		if (!key_starts(field_keys[i].text, field_keys[i].len, &read_prefixes[0]))
			continue;
		value = session_get(s, field_keys[i].text);
		if (value != NULL)
			collect_string(c, field_keys[i].text, value);
		free(value);
	}
	for (int g = 1; g <= s->form->goal_count; g++)
		for (size_t k = N_GOAL; k <= N_DEADLINE; k++) {
			char *key = xasprintf("%s%d%s", numbered_keys[k].prefix.text, g,
			                      numbered_keys[k].suffix.text);
			char *value = session_get(s, key);
			if (value != NULL)
				collect_string(c, key, value);
			free(value);
			free(key);
		}
	session_free(s);
	return NULL;
}

/*
 * "; …" when another program holds the session at path open: its lock file
 * is held (tried with a shared lock that does not wait, released at once).
 * NULL otherwise. Caller frees.
 */
static char *
lock_note(const char *path)
{
	char *lock = xasprintf("%s.lock", path), holder[256];
	int fd = open(lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	ssize_t n;

	free(lock);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	if (flock(fd, LOCK_SH | LOCK_NB) == 0 || errno != EWOULDBLOCK) {
		close(fd); /* releases a lock it took */
		return NULL;
	}
	n = pread(fd, holder, sizeof holder - 1, 0);
	close(fd);
	holder[n > 0 ? n : 0] = '\0';
	holder[strcspn(holder, "\n")] = '\0';
	return xasprintf("; die Sitzung ist gerade in einem anderen Programm geöffnet "
	                 "(%s)",
	                 holder[0] != '\0' ? holder : "unbekannt");
}

/* The reason a session file is not read, with what its .prev and its lock say. */
static char *
damaged_reason(struct session_scan *scan, const char *path, char *reason)
{
	char *prev = xasprintf("%s.prev", path), *why = NULL, *lock;
	const char *slash = strrchr(path, '/');
	struct stat st;
	struct buf b = {0};

	buf_adds(&b, reason);
	free(reason);
	if (lstat(prev, &st) == 0 && S_ISREG(st.st_mode) &&
	    session_scan_file(scan, prev, NULL, NULL, NULL, &why) == 0)
		buf_printf(&b,
		           "; die vorherige Generation (%s.prev) ist intakt und wird "
		           "beim Öffnen geladen",
		           slash != NULL ? slash + 1 : path);
	free(why);
	free(prev);
	lock = lock_note(path);
	if (lock != NULL)
		buf_adds(&b, lock);
	free(lock);
	return buf_steal(&b);
}

/* The files read so far, by device and inode, to read each only once. */
struct seen {
	struct seen_slot {
		dev_t dev;
		ino_t ino;
		size_t path; /* index + 1 into paths; 0: empty slot */
	} * slots;
	size_t size, used;
	char **paths; /* owned */
	size_t path_count;
};

static size_t
seen_hash(dev_t dev, ino_t ino, size_t size)
{
	unsigned long long h =
	    (unsigned long long)ino * 0x9E3779B97F4A7C15ULL ^ (unsigned long long)dev;
	return (size_t)(h ^ (h >> 29)) & (size - 1);
}

/* The path first read as (dev, ino), or NULL after remembering it as path. */
static const char *
seen_check(struct seen *s, dev_t dev, ino_t ino, const char *path)
{
	size_t i;

	if (2 * (s->used + 1) > s->size) {
		struct seen_slot *old = s->slots;
		size_t old_size = s->size;
		s->size = s->size ? 2 * s->size : 1024;
		s->slots = xcalloc(s->size, sizeof *s->slots);
		for (size_t k = 0; k < old_size; k++)
			if (old[k].path != 0) {
				i = seen_hash(old[k].dev, old[k].ino, s->size);
				while (s->slots[i].path != 0)
					i = (i + 1) & (s->size - 1);
				s->slots[i] = old[k];
			}
		free(old);
	}
	for (i = seen_hash(dev, ino, s->size); s->slots[i].path != 0;
	     i = (i + 1) & (s->size - 1))
		if (s->slots[i].dev == dev && s->slots[i].ino == ino)
			return s->paths[s->slots[i].path - 1];
	s->paths = xreallocarray(s->paths, s->path_count + 1, sizeof *s->paths);
	s->paths[s->path_count++] = xstrdup(path);
	s->slots[i] = (struct seen_slot){dev, ino, s->path_count};
	s->used++;
	return NULL;
}

static void
seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->path_count; i++)
		free(s->paths[i]);
	free(s->paths);
	free(s->slots);
}

/* One file to read, and what its scan gave. */
struct scanned {
	char *path;      /* owned */
	char *dir_error; /* a folder that could not be listed: the reason */
	char *why;       /* why the scan failed, or NULL */
	dev_t dev;       /* the file, once opened (ino 0: never opened) */
	ino_t ino;
	struct collected c; /* the records, when the scan succeeded */
};

/* The files and the workers' place in them. */
struct pool {
	struct scanned *files;
	size_t count, cap;
	atomic_size_t next; /* the next file a worker takes */
};

/* Scan one file (any thread): its records or why not. */
static void
scan_one(struct session_scan *scan, struct scanned *f)
{
	struct stat st;

	if (f->dir_error != NULL)
		return;
	memset(&st, 0, sizeof st);
	if (session_scan_file(scan, f->path, collect, &f->c, &st, &f->why) != 0)
		collected_clear(&f->c);
	f->dev = st.st_dev;
	f->ino = st.st_ino;
}

/* A worker: scan files until none is left. */
static void *
scan_worker(void *arg)
{
	struct pool *p = arg;
	struct session_scan *scan = session_scan_new();

	for (;;) {
		size_t i = atomic_fetch_add(&p->next, 1);
		if (i >= p->count)
			break;
		scan_one(scan, &p->files[i]);
	}
	session_scan_free(scan);
	return NULL;
}

/* Scan every file of p, with as many threads as there are processors (up
 * to SCAN_THREADS_MAX) when there are enough files to share. */
static void
scan_all(struct pool *p)
{
	pthread_t threads[SCAN_THREADS_MAX];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t wanted = p->count < SCAN_SHARE_MIN         ? 1
	                : cpus < 1                        ? 1
	                : (size_t)cpus > SCAN_THREADS_MAX ? SCAN_THREADS_MAX
	                                                  : (size_t)cpus;
	size_t started = 0;

	atomic_init(&p->next, 0);
	/* the calling thread is the first worker */
	while (started + 1 < wanted &&
	       pthread_create(&threads[started], NULL, scan_worker, p) == 0)
		started++;
	scan_worker(p);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
}

/* Append a file (path taken over) or a folder's failure to p. */
static void
pool_add(struct pool *p, char *path, char *dir_error)
{
	if (p->count == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->files = xreallocarray(p->files, p->cap, sizeof *p->files);
	}
	memset(&p->files[p->count], 0, sizeof p->files[p->count]);
	p->files[p->count].path = path;
	p->files[p->count].dir_error = dir_error;
	p->count++;
}

/* scandir filter: visible names ending in .cdb. */
static int
is_session_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".cdb") == 0;
}

/* Byte order of names, the same in every locale. */
static int
name_cmp(const void *a, const void *b)
{
	const struct dirent *const *x = a, *const *y = b;
	return strcmp((*x)->d_name, (*y)->d_name);
}

/* Add the session files of dir to p, or its failure. */
static void
list_dir(struct pool *p, const char *dir)
{
	struct dirent **names = NULL;
	size_t len = strlen(dir);
	int n = scandir(dir, &names, is_session_name, NULL);

	if (n < 0) {
		pool_add(p, xstrdup(dir),
		         xasprintf("Verzeichnis nicht lesbar: %s", strerror(errno)));
		return;
	}
	qsort(names, (size_t)n, sizeof *names, name_cmp);
	for (int i = 0; i < n; i++) {
		pool_add(p,
		         len > 0 && dir[len - 1] == '/'
		             ? xasprintf("%s%s", dir, names[i]->d_name)
		             : xasprintf("%s/%s", dir, names[i]->d_name),
		         NULL);
		free(names[i]);
	}
	free(names);
}

/* What register_read carries from file to file after the scan. */
struct reader {
	struct register_input *out;
	struct session_scan *scan;
	struct seen seen;
	size_t audit_cap, problem_cap;
};

/* Add a problem; reason is taken over. */
static void
add_problem(struct reader *r, const char *path, char *reason)
{
	struct register_input *in = r->out;

	if (in->problem_count == r->problem_cap) {
		r->problem_cap = r->problem_cap ? 2 * r->problem_cap : 16;
		in->problems =
		    xreallocarray(in->problems, r->problem_cap, sizeof *in->problems);
	}
	in->problems[in->problem_count].path = xstrdup(path);
	in->problems[in->problem_count].reason = reason;
	in->problem_count++;
}

/* Turn one scanned file into an audit or a problem, in the order given. */
static void
read_session(struct reader *r, struct scanned *f)
{
	struct register_input *in = r->out;
	struct register_audit a;
	const char *first;
	char *why;

	if (f->dir_error != NULL) {
		add_problem(r, f->path, f->dir_error);
		f->dir_error = NULL;
		return;
	}
	if (f->why != NULL) {
		add_problem(r, f->path, damaged_reason(r->scan, f->path, f->why));
		f->why = NULL;
		return;
	}
	first = seen_check(&r->seen, f->dev, f->ino, f->path);
	if (first != NULL) {
		add_problem(r, f->path,
		            xasprintf("dieselbe Datei wie %s (Verknüpfung); nur einmal "
		                      "gezählt",
		                      first));
		return;
	}
	if (f->c.field[F_VERDICT] == NULL && f->c.bad == NULL) {
		/* saved before the register's summary */
		why = read_full(f->path, &f->c);
		if (why != NULL) {
			add_problem(r, f->path, why);
			return;
		}
		in->full_reads++;
	}
	memset(&a, 0, sizeof a);
	why = audit_fill(&f->c, f->path, &a);
	if (why != NULL) {
		add_problem(r, f->path, why);
		return;
	}
	if (in->audit_count == r->audit_cap) {
		r->audit_cap = r->audit_cap ? 2 * r->audit_cap : 64;
		in->audits = xreallocarray(in->audits, r->audit_cap, sizeof *in->audits);
	}
	in->audits[in->audit_count++] = a;
}

void
register_read(const char *const *paths, size_t count, struct register_input *out)
{
	struct pool p;
	struct reader r;

	memset(out, 0, sizeof *out);
	memset(&p, 0, sizeof p);
	for (size_t i = 0; i < count; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			list_dir(&p, paths[i]);
		else
			pool_add(&p, xstrdup(paths[i]), NULL);
	}
	scan_all(&p);

	memset(&r, 0, sizeof r);
	r.out = out;
	r.scan = session_scan_new();
	for (size_t i = 0; i < p.count; i++) {
		read_session(&r, &p.files[i]);
		collected_clear(&p.files[i].c);
		free(p.files[i].path);
		free(p.files[i].why);
		free(p.files[i].dir_error);
	}
	free(p.files);
	seen_free(&r.seen);
	session_scan_free(r.scan);
}

void
register_input_free(struct register_input *in)
{
	if (in == NULL)
		return;
	for (size_t i = 0; i < in->audit_count; i++)
		register_audit_clear(&in->audits[i]);
	free(in->audits);
	for (size_t i = 0; i < in->problem_count; i++) {
		free(in->problems[i].path);
		free(in->problems[i].reason);
	}
	free(in->problems);
	memset(in, 0, sizeof *in);
}
