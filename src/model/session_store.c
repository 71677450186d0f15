/*
 * session_store.c: sessions on disk. Each save writes a complete tinycdb
 * snapshot (temp file in the same directory, fsync, close, keep the old file
 * as PATH.prev, rename, directory fsync) with a CRC-32 over all records; the
 * loader checks it and falls back to PATH.prev. The write lock is flock on
 * PATH.lock. Also the directory listing. Model code: never prints or exits.
 */
#include "config.h"

#include <cdb.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "lib/atomicfile.h"
#include "lib/cdbmem.h"
#include "model/session.h"
#include "model/session_private.h"
#include "lib/util.h"

/* Largest snapshot the loader accepts. */
#define SNAPSHOT_MAX (512u * 1024 * 1024)

/* Why a load failed: damage may be repaired by the previous generation. */
enum load_failure {
	LOAD_IO,      /* could not read the file (errno kind) */
	LOAD_MISSING, /* no such file */
	LOAD_DAMAGED, /* the content is wrong */
};

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	if (s->lock_fd >= 0)
		close(s->lock_fd); /* releases the flock */
	session_free_contents(s);
	free(s);
}

/* Big-endian 32-bit length into 4 bytes. */
static void
put_len(unsigned char out[4], size_t n)
{
	out[0] = (unsigned char)(n >> 24);
	out[1] = (unsigned char)(n >> 16);
	out[2] = (unsigned char)(n >> 8);
	out[3] = (unsigned char)n;
}

/* Add one record to a running CRC-32: 4-byte key length, key, 4-byte value length, value.
 */
static unsigned long
crc_record(unsigned long crc, const char *key, size_t klen, const char *value,
           size_t vlen)
{
	unsigned char len[4];

	put_len(len, klen);
	crc = crc32(crc, len, 4);
	crc = crc32_z(crc, (const unsigned char *)key, klen);
	put_len(len, vlen);
	crc = crc32(crc, len, 4);
	return crc32_z(crc, (const unsigned char *)value, vlen);
}

/* CRC-32 over every record but "checksum", in file order (the canonical order). */
static unsigned long
records_checksum(const struct session_record *records, size_t count)
{
	unsigned long crc = crc32(0L, Z_NULL, 0);

	for (size_t i = 0; i < count; i++)
		if (strcmp(records[i].key, "checksum") != 0)
			crc = crc_record(crc, records[i].key, strlen(records[i].key),
			                 records[i].value, records[i].value_len);
	return crc;
}

/* A growable list of records. */
struct record_list {
	struct session_record *items;
	size_t count;
};

/* Append a copy of key/value. */
static void
record_list_add(struct record_list *l, const char *key, const char *value,
                size_t value_len)
{
	l->items = xreallocarray(l->items, l->count + 1, sizeof *l->items);
	l->items[l->count].key = xstrdup(key);
	l->items[l->count].value = xstrndup(value, value_len);
	l->items[l->count].value_len = value_len;
	l->count++;
}

/* A snapshot being built: records go into the cdb in memory and the CRC. */
struct snapshot_writer {
	struct cdbmem cdb;
	unsigned long crc;
	const char *form_text;       /* the session's form source */
	unsigned long form_text_crc; /* CRC-32 of its record alone */
	/* the change history's records, prepared by the history
	 * (session_history_block): a long history costs a copy */
	struct session_history_records history;
	size_t history_skip;
};

/* Record callback: add one record to the cdb and the running checksum. */
static void
snapshot_add(void *ctx, const char *key, const char *value, size_t value_len)
{
	struct snapshot_writer *w = ctx;
	size_t klen = strlen(key);

	if (w->history_skip > 0) {
		w->history_skip--; /* a later record of the history: added with it */
		return;
	}
	if (value == w->history.first && w->history.count > 0) {
		w->crc =
		    crc32_combine(w->crc, w->history.crc, (z_off_t)w->history.feed_len);
		cdbmem_add_laid_out(&w->cdb, w->history.laid_out, w->history.laid_out_len,
		                    w->history.slots, w->history.count);
		w->history_skip = w->history.count - 1;
		return;
	}
	if (value == w->form_text) {
		/* the largest record: its CRC is computed once */
		w->crc = crc32_combine(w->crc, w->form_text_crc,
		                       (z_off_t)(8 + klen + value_len));
	} else {
		w->crc = crc_record(w->crc, key, klen, value, value_len);
	}
	cdbmem_add(&w->cdb, key, klen, value, value_len);
}

/* Add a string record. */
static void
snapshot_adds(struct snapshot_writer *w, const char *key, const char *value)
{
	snapshot_add(w, key, value, strlen(value));
}

/* Add an integer record. */
static void
snapshot_addl(struct snapshot_writer *w, const char *key, long value)
{
	char number[32];
	snprintf(number, sizeof number, "%ld", value);
	snapshot_adds(w, key, number);
}

/*
 * Build the complete snapshot of s as generation into *cdb (cdbmem_free
 * it): the content records, the caller's summary records,
 * session.generation, session.saved, and last the checksum over all of
 * them in file order. 0 or -1 with errno (EFBIG: too large for a cdb).
 */
static int
build_snapshot(struct cdbmem *cdb, struct session *s, unsigned long generation,
               const struct session_pairs *summary)
{
	struct snapshot_writer w = {.crc = crc32(0L, Z_NULL, 0)};
	char stamp[32], crc[16];
	time_t now = time(NULL);
	struct tm tm;

	if (!s->form_text_crc_set) {
		s->form_text_crc = crc_record(crc32(0L, Z_NULL, 0), "form.text", 9,
		                              s->form->source, s->form->source_len);
		s->form_text_crc_set = 1;
	}
	w.form_text = s->form->source;
	w.form_text_crc = s->form_text_crc;
	session_history_block(s, &w.history);
	cdbmem_start(&w.cdb, 65536 + s->form->source_len + w.history.laid_out_len +
	                         16 * w.history.count);
	session_records_each(s, 1, snapshot_add, &w);
	for (size_t i = 0; summary != NULL && i < summary->count; i++)
		snapshot_adds(&w, summary->items[i].key, summary->items[i].value);
	snapshot_addl(&w, "session.generation", (long)generation);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snapshot_adds(&w, "session.saved", stamp);
	snprintf(crc, sizeof crc, "%08lx", w.crc);
	cdbmem_add(&w.cdb, "checksum", 8, crc, strlen(crc));
	*cdb = w.cdb;
	if (cdbmem_finish(cdb) != 0) {
		errno = EFBIG;
		return -1;
	}
	return 0;
}

/* Whether the 256 hash tables of the cdb lie after the data and end exactly
 * at the end of the file (a cut-off file fails). 0 or -1. */
static int
cdb_structure_check(const struct cdb *cdb, size_t size)
{
	const unsigned char *head = cdb_get(cdb, 2048, 0);
	size_t end = 2048, dend = cdb->cdb_dend;

	if (head == NULL || size < 2048)
		return -1;
	for (int i = 0; i < 256; i++) {
		size_t pos = cdb_unpack(head + 8 * i),
		       slots = cdb_unpack(head + 8 * i + 4);
		if (slots == 0)
			continue;
		if (pos < dend || pos + slots * 8 > size)
			return -1;
		if (pos + slots * 8 > end)
			end = pos + slots * 8;
	}
	return end == size ? 0 : -1;
}

/*
 * The identity of the session file as last written or read: device, inode,
 * size and modification time. A file copied over ours in place keeps the
 * inode but not size and mtime; one renamed over it gets a new inode.
 */
static void
remember_file(struct session *s, const struct stat *st)
{
	s->file_dev = st != NULL ? st->st_dev : 0;
	s->file_ino = st != NULL ? st->st_ino : 0;
	s->file_size = st != NULL ? st->st_size : 0;
	s->file_mtime = st != NULL ? st->st_mtim : (struct timespec){0, 0};
}

/* Whether st is still the file remember_file saw. */
static int
same_file(const struct session *s, const struct stat *st)
{
	return st->st_dev == s->file_dev && st->st_ino == s->file_ino &&
	       st->st_size == s->file_size &&
	       st->st_mtim.tv_sec == s->file_mtime.tv_sec &&
	       st->st_mtim.tv_nsec == s->file_mtime.tv_nsec;
}

/* Read every record of the cdb at path. 0, or -1 with *failure and *why. */
static int
read_records(const char *path, struct record_list *l, struct stat *file,
             enum load_failure *failure, char **why)
{
	struct cdb cdb;
	struct stat st;
	unsigned pos;
	int fd, rc;

	/* session_open resolves a link given as the session; a link in place
	 * of PATH.prev is refused */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
	if (fd < 0) {
		*failure = errno == ENOENT ? LOAD_MISSING : LOAD_IO;
		*why = errno == ELOOP ? xasprintf("%s: ist ein symbolischer Link; aus "
		                                  "Sicherheitsgründen nicht gelesen",
		                                  path)
		                      : xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*failure = LOAD_IO;
		*why = xasprintf("%s: keine reguläre Datei", path);
		close(fd);
		return -1;
	}
	*failure = LOAD_DAMAGED;
	if (st.st_size == 0) {
		*why = xasprintf("%s: die Datei ist leer", path);
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > SNAPSHOT_MAX) {
		*why = xasprintf("%s: zu groß für eine Sitzung (%lld Bytes)", path,
		                 (long long)st.st_size);
		close(fd);
		return -1;
	}
	if (cdb_init(&cdb, fd) != 0) {
		*why = xasprintf("%s: keine gültige Sitzungsdatei (zu kurz oder kein "
		                 "CDB-Format)",
		                 path);
		close(fd);
		return -1;
	}
	if (cdb_structure_check(&cdb, (size_t)st.st_size) != 0) {
		const unsigned char *head = cdb_get(&cdb, 2048, 0);
		size_t zeros = 0;
		while (head != NULL && zeros < 2048 && head[zeros] == 0)
			zeros++;
		*why = xasprintf("%s: %s", path,
		                 zeros == 2048
		                     ? "enthält keine Datensätze (genullt)"
		                     : "beschädigt oder abgeschnitten (Hashtabellen "
		                       "unvollständig)");
		cdb_free(&cdb);
		close(fd);
		return -1;
	}
	cdb_seqinit(&pos, &cdb);
	while ((rc = cdb_seqnext(&pos, &cdb)) > 0) {
		const char *key = cdb_getkey(&cdb);
		const char *value = cdb_getdata(&cdb);
		unsigned klen = cdb_keylen(&cdb);
		char *k;

		if (key == NULL || value == NULL || klen == 0 ||
		    memchr(key, '\0', klen) != NULL) {
			rc = -1;
			break;
		}
		k = xstrndup(key, klen);
		record_list_add(l, k, value, cdb_datalen(&cdb));
		free(k);
	}
	cdb_free(&cdb);
	close(fd);
	if (rc < 0) {
		*why = xasprintf(
		    "%s: beschädigt oder abgeschnitten (Datensätze nicht lesbar)", path);
		return -1;
	}
	*file = st;
	return 0;
}

/* Load and verify one snapshot file. NULL with *failure and *why. */
static struct session *
load_snapshot(const char *path, enum load_failure *failure, char **why)
{
	struct record_list l = {0};
	struct session *s = NULL;
	const char *stored = NULL;
	char computed[16], *reason = NULL;
	struct stat file;

	if (read_records(path, &l, &file, failure, why) != 0)
		goto done;
	*failure = LOAD_DAMAGED;
	for (size_t i = 0; i < l.count; i++)
		if (strcmp(l.items[i].key, "checksum") == 0)
			stored = l.items[i].value;
	if (stored == NULL) {
		int has_format = 0;
		for (size_t i = 0; i < l.count; i++)
			has_format |= strcmp(l.items[i].key, "format") == 0;
		*why = xasprintf(
		    "%s: %s", path,
		    l.count == 0 ? "enthält keine Datensätze (leer oder genullt)"
		    : has_format ? "die Prüfsumme fehlt (unvollständig geschrieben)"
		                 : "keine Sitzung von wohnort-audit");
		goto done;
	}
	snprintf(computed, sizeof computed, "%08lx", records_checksum(l.items, l.count));
	if (strcmp(stored, computed) != 0) {
		*why =
		    xasprintf("%s: Prüfsumme falsch (gespeichert %s, berechnet %s): die "
		              "Datei ist beschädigt",
		              path, stored, computed);
		goto done;
	}
	s = session_from_records(l.items, l.count, NULL, &reason);
	if (s == NULL) {
		*why = xasprintf("%s: %s", path, reason);
		free(reason);
		goto done;
	}
	s->path = xstrdup(path);
	remember_file(s, &file);
done:
	session_records_free(l.items, l.count);
	return s;
}

/*
 * Open (creating it when missing) the lock file of path without following a
 * symbolic link, and only when it is a regular file with no other name. Sets
 * *created when this call made it and *writable when it is open for writing.
 * Returns the fd, or -1 with *why and errno.
 */
static int
lock_open(const char *lock, int *created, int *writable, char **why)
{
	const int flags = O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY;
	struct stat st;
	int fd, saved;

	*created = 0;
	*writable = 1;
	fd = open(lock, O_RDWR | O_CREAT | O_EXCL | flags, 0600);
	if (fd >= 0) {
		*created = 1;
	} else if (errno == EEXIST) {
		fd = open(lock, O_RDWR | flags);
		if (fd < 0 && (errno == EROFS || errno == EACCES)) {
			*writable = 0;
			fd = open(lock, O_RDONLY | flags);
		}
	}
	if (fd < 0) {
		saved = errno;
		*why = saved == ELOOP
		           ? xasprintf(
		                 "%s: die Sperrdatei ist ein symbolischer Link; aus "
		                 "Sicherheitsgründen nicht verwendet (bitte entfernen)",
		                 lock)
		           : xasprintf("%s: Sperrdatei nicht anlegbar: %s", lock,
		                       strerror(saved));
		errno = saved;
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink > 1) {
		*why =
		    xasprintf("%s: die Sperrdatei ist keine gewöhnliche Datei (%s); aus "
		              "Sicherheitsgründen nicht verwendet",
		              lock,
		              S_ISREG(st.st_mode) ? "sie hat weitere Namen (Hardlink)"
		                                  : "Verzeichnis, Gerät oder FIFO");
		close(fd);
		errno = EPERM;
		return -1;
	}
	/* Someone else's file is only used for the flock, never changed. */
	if (st.st_uid != geteuid())
		*writable = 0;
	return fd;
}

/* Take the flock on PATH.lock and record the holder. -1 with *why (errno EWOULDBLOCK when
 * held). *created says whether this call made the lock file. */
static int
lock_take(struct session *s, const char *path, int *created, char **why)
{
	char *lock = xasprintf("%s.lock", path);
	char holder[256] = "", host[128] = "?", stamp[16];
	struct passwd *pw = getpwuid(getuid());
	time_t now = time(NULL);
	struct tm tm;
	ssize_t n;
	int fd, writable;

	fd = lock_open(lock, created, &writable, why);
	if (fd < 0) {
		int saved = errno;
		free(lock);
		errno = saved == EWOULDBLOCK ? EIO : saved;
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int saved = errno;
		if (saved == EWOULDBLOCK) {
			n = pread(fd, holder, sizeof holder - 1, 0);
			holder[n > 0 ? n : 0] = '\0';
			holder[strcspn(holder, "\n")] = '\0';
			*why = xasprintf(
			    "%s wird gerade von einem anderen Programm bearbeitet "
			    "(%s); nur lesen ist möglich",
			    path, *holder ? holder : "unbekannt");
		} else {
			*why = xasprintf("%s: Sperre nicht möglich: %s", lock,
			                 strerror(saved));
			saved = EIO;
		}
		close(fd);
		free(lock);
		errno = saved;
		return -1;
	}
	/* A refusing instance removes the lock file it made (lock_drop); one
	 * that opened it just before must not hold a lock on a removed name. */
	{
		struct stat held, named;
		if (fstat(fd, &held) != 0 || lstat(lock, &named) != 0 ||
		    held.st_dev != named.st_dev || held.st_ino != named.st_ino) {
			*why = xasprintf("%s wird gerade von einem anderen Programm "
			                 "geöffnet; bitte erneut versuchen",
			                 path);
			close(fd);
			free(lock);
			errno = EWOULDBLOCK;
			return -1;
		}
	}
	if (writable) {
		gethostname(host, sizeof host - 1);
		host[sizeof host - 1] = '\0';
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%H:%M", &tm);
		snprintf(holder, sizeof holder, "%ld %s@%s since %s\n", (long)getpid(),
		         pw ? pw->pw_name : "?", host, stamp);
		if (fchmod(fd, 0600) != 0 || ftruncate(fd, 0) != 0 ||
		    pwrite(fd, holder, strlen(holder), 0) < 0) {
			/* The lock holds regardless; the holder text is a courtesy. */
		}
	}
	free(lock);
	s->lock_fd = fd;
	return 0;
}

/* Release a lock taken by lock_take; remove the lock file when created says
 * this process made it (nothing was saved beside it). */
static void
lock_drop(int fd, const char *path, int created)
{
	if (fd < 0)
		return;
	if (created) {
		char *lock = xasprintf("%s.lock", path);
		unlink(lock);
		free(lock);
	}
	close(fd);
}

/* Remove temp files a killed writer left beside path (the session, its
 * .prev and .damaged copies). */
static void
remove_stale_temps(const char *path)
{
	static const char *const kinds[] = {".tmp-", ".prev.tmp-", ".damaged.tmp-"};
	char *dir = atomicfile_dir_of(path);
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char *prefix = xasprintf("%s%s", base, kinds[i]);
		atomicfile_remove_stale(dir, prefix);
		free(prefix);
	}
	free(dir);
}

/*
 * Whether the file at path begins like a snapshot of this program: a regular
 * file (not a link) holding a cdb whose first record is format
 * "wohnort-audit-session …". Reads 2,048 + 40 bytes; says nothing about
 * damage further on.
 */
static int
looks_like_session(const char *path)
{
	static const char want[] = "formatwohnort-audit-session";
	unsigned char head[8 + sizeof want];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW), ok = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    pread(fd, head, sizeof head - 1, 2048) == (ssize_t)(sizeof head - 1))
		ok = head[0] == 6 && head[1] == 0 && head[2] == 0 && head[3] == 0 &&
		     memcmp(head + 8, want, sizeof want - 1) == 0;
	close(fd);
	return ok;
}

int
session_file_is_session(const char *path)
{
	return looks_like_session(path);
}

/*
 * The path to work on: a symbolic link given as the session is resolved once,
 * so that its lock, .prev and every save belong to the real file (a save
 * through the link would replace the link with a copy). Caller frees; NULL
 * with *why when the link leads nowhere.
 */
static char *
resolve_session_path(const char *path, char **why)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return xstrdup(path);
	real = realpath(path, NULL);
	if (real == NULL) {
		int saved = errno;
		*why = xasprintf(
		    "%s: symbolischer Link auf eine nicht vorhandene Datei (%s)", path,
		    strerror(saved));
		errno = saved;
		return NULL;
	}
	return real;
}

/* Load path, falling back to PATH.prev when path is damaged (see session_open). */
static struct session *
load_with_fallback(const char *path, char **notice, char **why)
{
	enum load_failure failure, prev_failure = LOAD_MISSING;
	char *reason = NULL, *prev_reason = NULL, *prev;
	struct session *s;
	struct stat st;

	s = load_snapshot(path, &failure, &reason);
	if (s != NULL)
		return s;
	prev = xasprintf("%s.prev", path);
	s = failure == LOAD_IO ? NULL : load_snapshot(prev, &prev_failure, &prev_reason);
	if (s == NULL) {
		if (failure == LOAD_IO || prev_failure == LOAD_MISSING)
			*why = xstrdup(reason);
		else
			*why = xasprintf(
			    "%s; auch die vorherige Generation ist unbrauchbar: %s",
			    reason, prev_reason);
		free(reason);
		free(prev_reason);
		free(prev);
		errno = failure == LOAD_MISSING && prev_failure == LOAD_MISSING ? ENOENT
		                                                                : EINVAL;
		return NULL;
	}
	*notice = xasprintf("%s; die vorherige Generation %s (Stand %lu) wurde geladen. "
	                    "Änderungen seit jener Sicherung fehlen.",
	                    reason, prev, s->generation);
	free(reason);
	free(prev);
	/* Saving goes to path again; what is there now may be replaced. */
	free(s->path);
	s->path = xstrdup(path);
	s->loaded_from_previous = 1;
	remember_file(s, lstat(path, &st) == 0 ? &st : NULL);
	return s;
}

struct session *
session_open(const char *given, enum session_mode mode, char **notice, char **why)
{
	int lock_fd = -1, created = 0, saved;
	struct session *s, probe = {.lock_fd = -1};
	struct stat st;
	char *path, *prev;

	*notice = NULL;
	path = resolve_session_path(given, why);
	if (path == NULL)
		return NULL;
	prev = xasprintf("%s.prev", path);
	if (mode == SESSION_WRITE) {
		/* No lock file beside a session that does not exist. */
		if (lstat(path, &st) != 0 && errno == ENOENT && lstat(prev, &st) != 0 &&
		    errno == ENOENT) {
			*why = xasprintf("%s: %s", given, strerror(ENOENT));
			errno = ENOENT;
			goto fail;
		}
		if (lstat(prev, &st) == 0 && S_ISLNK(st.st_mode)) {
			*why = xasprintf(
			    "%s: ist ein symbolischer Link; aus Sicherheitsgründen "
			    "wird diese Sitzung nicht geöffnet (bitte den Link "
			    "entfernen)",
			    prev);
			errno = EPERM;
			goto fail;
		}
		/* Nor beside a file that is no session at all (set /etc/passwd …):
		 * the loader then says what the file is. */
		if (!looks_like_session(path) && !looks_like_session(prev)) {
			s = load_with_fallback(path, notice, why);
			if (s == NULL)
				goto fail;
			session_free(s);
			free(*notice);
			*notice = NULL;
		}
		if (lock_take(&probe, path, &created, why) != 0)
			goto fail;
		lock_fd = probe.lock_fd;
		remove_stale_temps(path);
	}
	s = load_with_fallback(path, notice, why);
	if (s == NULL) {
		saved = errno;
		lock_drop(lock_fd, path, created);
		errno = saved;
		goto fail;
	}
	s->lock_fd = lock_fd;
	free(path);
	free(prev);
	return s;
fail:
	saved = errno;
	free(path);
	free(prev);
	errno = saved;
	return NULL;
}

/* Write the snapshot into a fresh, fsynced temp file beside s->path. 0 or -1 with *why.
 */
/* Write the snapshot into af's temp file with one write (cdbmem.h says
 * why). 0 or -1 with errno. */
static int
write_built(struct atomicfile *af, struct session *s, unsigned long generation,
            const struct session_pairs *summary)
{
	struct cdbmem cdb;
	int rc, saved;

	rc = build_snapshot(&cdb, s, generation, summary);
	if (rc == 0)
		rc = atomicfile_write(af, cdb.file.data, cdb.file.len);
	saved = errno;
	cdbmem_free(&cdb);
	errno = saved;
	return rc;
}

static int
write_temp(struct session *s, unsigned long generation,
           const struct session_pairs *summary, struct atomicfile *af, char **why)
{
	int saved;

	if (atomicfile_begin(af, s->path, NULL) != 0) {
		saved = errno;
		*why = xasprintf("%s: Speichern nicht möglich: %s", s->path,
		                 strerror(saved));
		errno = saved;
		return -1;
	}
	errno = 0;
	if (write_built(af, s, generation, summary) != 0 || atomicfile_sync(af) != 0) {
		saved = errno ? errno : EIO;
		atomicfile_abort(af);
		*why = xasprintf("%s: Speichern nicht möglich: %s", s->path,
		                 strerror(saved));
		errno = saved;
		return -1;
	}
	return 0;
}

/* Hard-link from to to, replacing to atomically through a temp name. 0 or -1 with errno.
 */
static int
link_replace(const char *from, const char *to)
{
	char *tmp = xasprintf("%s.tmp-link-%ld", to, (long)getpid());
	int rc = -1, saved;

	unlink(tmp);
	if (link(from, tmp) == 0) {
		rc = rename(tmp, to);
		saved = errno;
		if (rc != 0)
			unlink(tmp);
		errno = saved;
	}
	free(tmp);
	return rc;
}

/*
 * Make keep a copy of the file at path: a second name for it where the file
 * system has hard links, else a copy of its bytes (exFAT, FAT32). Either way
 * keep is replaced in one step. 0 or -1 with errno.
 */
static int
keep_copy(const char *path, const char *keep)
{
	if (link_replace(path, keep) == 0)
		return 0;
	if (!atomicfile_unsupported(errno))
		return -1;
	return atomicfile_copy(path, keep);
}

/*
 * Put the new snapshot (af's synced temp file) at its path and keep the old
 * one as prev, so that path never goes missing: swap the two in one step
 * (RENAME_EXCHANGE), then move the old file to prev. Where the file system
 * cannot swap, prev becomes a copy of the old file (keep_copy) and the temp
 * file is renamed over path. 0, or -1 with errno (path is then untouched
 * unless af->placed says the new snapshot is in place and only the directory
 * fsync failed). af is finished either way.
 */
static int
rotate_into_place(struct atomicfile *af, const char *prev)
{
	int rc, saved;

	if (renameat2(AT_FDCWD, af->temp, AT_FDCWD, af->path, RENAME_EXCHANGE) == 0) {
		/* af->temp now names the old snapshot; a failure here only loses
		 * the older generation, which the next writer removes as stale */
		if (rename(af->temp, prev) != 0)
			unlink(af->temp);
		free(af->temp);
		af->temp = NULL;
		af->placed = 1;
		rc = close(af->fd);
		af->fd = -1;
		if (rc == 0)
			rc = atomicfile_dir_fsync(af->path);
		saved = errno;
		atomicfile_abort(af);
		errno = saved;
		return rc;
	}
	if (!atomicfile_unsupported(errno) || keep_copy(af->path, prev) != 0) {
		atomicfile_abort(af);
		return -1;
	}
	return atomicfile_commit(af, ATOMICFILE_REPLACE);
}

/* Give a snapshot written with a looser mode (copied in, older program) 0600
 * before it becomes PATH.prev. Best effort: the save goes on either way. */
static void
tighten_mode(const char *path, const struct stat *st)
{
	int fd;

	if ((st->st_mode & 077) == 0 || !S_ISREG(st->st_mode))
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd >= 0) {
		if (fchmod(fd, 0600) != 0) {
			/* a file system without permissions (exFAT): nothing to keep */
		}
		close(fd);
	}
}

int
session_save(struct session *s, const struct session_pairs *summary, char **why)
{
	unsigned long generation = s->generation + 1;
	struct atomicfile af;
	struct stat now;
	char *prev = NULL;
	int saved, rc;

	if (s->path == NULL) {
		*why = xstrdup("Die Sitzung hat noch keine Datei");
		return -1;
	}
	if (s->lock_fd < 0) {
		*why = xasprintf("%s ist nur zum Lesen geöffnet", s->path);
		return -1;
	}
	for (size_t i = 0; summary != NULL && i < summary->count; i++)
		if (strncmp(summary->items[i].key, "summary.", 8) != 0) {
			*why = xasprintf("%s: „%s“ ist kein Eintrag der Zusammenfassung",
			                 s->path, summary->items[i].key);
			errno = EINVAL;
			return -1;
		}
	/* Refuse before writing anything when the file was replaced underneath. */
	if (lstat(s->path, &now) == 0) {
		if (s->file_ino == 0 && !s->loaded_from_previous) {
			*why = xasprintf("%s: existiert bereits; nicht überschrieben",
			                 s->path);
			errno = EEXIST;
			return -1;
		}
		if (!same_file(s, &now))
			goto replaced;
		tighten_mode(s->path, &now);
	} else if (errno != ENOENT) {
		*why = xasprintf("%s: %s", s->path, strerror(errno));
		return -1;
	} else if (s->file_ino != 0) {
		goto replaced;
	}
	prev = xasprintf("%s.prev", s->path);
	if (lstat(prev, &now) == 0 && S_ISLNK(now.st_mode)) {
		*why = xasprintf("%s: ist ein symbolischer Link; aus Sicherheitsgründen "
		                 "wird nicht gespeichert (bitte den Link entfernen)",
		                 prev);
		free(prev);
		errno = EPERM;
		return -1;
	}
	if (write_temp(s, generation, summary, &af, why) != 0) {
		free(prev);
		return -1;
	}
	if (s->file_ino == 0 && !s->loaded_from_previous) {
		/* A new file: never over an existing one. */
		rc = atomicfile_commit(&af, ATOMICFILE_NO_REPLACE);
	} else if (s->loaded_from_previous) {
		/* Keep the good .prev; park the damaged file beside it. */
		if (s->file_ino != 0) {
			char *damaged = xasprintf("%s.damaged", s->path);
			if (keep_copy(s->path, damaged) != 0) {
				/* the damaged file is only kept for inspection */
			}
			free(damaged);
		}
		rc = atomicfile_commit(&af, ATOMICFILE_REPLACE);
	} else {
		rc = rotate_into_place(&af, prev);
	}
	free(prev);
	if (rc != 0 && !af.placed) {
		saved = errno;
		if (saved == EEXIST)
			*why = xasprintf("%s: existiert bereits; nicht überschrieben",
			                 s->path);
		else
			*why = xasprintf("%s: Speichern nicht möglich: %s", s->path,
			                 strerror(saved));
		errno = saved;
		return -1;
	}
	s->generation = generation;
	remember_file(s, &af.st);
	s->loaded_from_previous = 0;
	s->unprotected = af.unprotected;
	if (rc != 0) {
		/* The snapshot is in place but may not be durable yet; report it. */
		saved = errno;
		*why = xasprintf("%s: Verzeichnis nicht synchronisiert: %s", s->path,
		                 strerror(saved));
		errno = saved;
		return -1;
	}
	return 0;
replaced:
	*why = xasprintf("%s wurde von einem anderen Programm ersetzt oder entfernt; "
	                 "die Sitzung wird dort nicht gespeichert (Daten im Speicher "
	                 "bleiben erhalten)",
	                 s->path);
	errno = EBUSY;
	return -1;
}

/*
 * Create dir (mode 0700) when it is missing. An existing directory keeps its
 * mode: it may be shared on purpose, or be a link to one. 0 or -1 with *why.
 */
static int
session_dir_ready(const char *dir, char **why)
{
	struct stat st;
	int created = mkdir(dir, 0700) == 0;

	if (!created && errno != EEXIST) {
		*why = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*why = xasprintf("%s: kein Verzeichnis", dir);
		return -1;
	}
	/* a directory this call made is 0700 whatever the umask took */
	if (created && (st.st_mode & 0777) != 0700 && chmod(dir, 0700) != 0) {
		*why = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	/* No new file without search and write permission: say so at once. */
	if (access(dir, W_OK | X_OK) != 0) {
		*why =
		    xasprintf("%s: keine neue Sitzung möglich: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int
session_create_file(struct session *s, const char *dir,
                    const struct session_pairs *summary, char **why)
{
	char *slug, *base;
	struct stat st;

	if (session_dir_ready(dir, why) != 0)
		return -1;
	slug = slug_make(s->meta.kommune, 60);
	base = s->meta.datum ? xasprintf("%s-%s", slug, s->meta.datum) : xstrdup(slug);
	free(slug);
	for (int n = 1; n < 1000; n++) {
		char *path = n == 1 ? xasprintf("%s/%s.cdb", dir, base)
		                    : xasprintf("%s/%s-%d.cdb", dir, base, n);
		struct session probe = {.lock_fd = -1};
		char *reason = NULL;
		int created = 0, saved;

		if (lstat(path, &st) == 0) {
			free(path);
			continue; /* taken */
		}
		if (errno != ENOENT) {
			*why = xasprintf("%s: %s", path, strerror(errno));
			free(path);
			free(base);
			return -1;
		}
		if (lock_take(&probe, path, &created, &reason) != 0) {
			free(path);
			if (errno == EWOULDBLOCK) {
				free(reason);
				continue;
			}
			*why = reason;
			free(base);
			return -1;
		}
		free(s->path);
		s->path = path;
		s->lock_fd = probe.lock_fd;
		remember_file(s, NULL);
		s->loaded_from_previous = 0;
		if (session_save(s, summary, &reason) == 0) {
			free(base);
			return 0;
		}
		saved = errno;
		lock_drop(s->lock_fd, path, created);
		s->lock_fd = -1;
		s->path = NULL;
		free(path);
		if (saved == EEXIST) {
			free(reason);
			continue;
		}
		*why = reason;
		free(base);
		return -1;
	}
	*why = xasprintf("%s: kein freier Dateiname für „%s“ (%s.cdb bis %s-999.cdb "
	                 "sind vergeben)",
	                 dir, base, base, base);
	free(base);
	return -1;
}

char *
session_privacy_warning(const struct session *s)
{
	struct stat st;
	char *dir, *msg = NULL;

	if (s == NULL || s->path == NULL)
		return NULL;
	dir = atomicfile_dir_of(s->path);
	if (s->unprotected)
		msg = xasprintf(
		    "Achtung: %s liegt auf einem Datenträger ohne Zugriffsrechte (etwa "
		    "exFAT, FAT32 oder NTFS eines USB-Sticks): jeder Benutzer dieses "
		    "Rechners kann die Sitzung und die Arbeitsmappen dort lesen. "
		    "Vertrauliche Audits besser auf einem eigenen, verschlüsselten "
		    "Datenträger speichern.",
		    dir);
	else if (stat(dir, &st) == 0 && (st.st_mode & 077) != 0)
		msg =
		    xasprintf("Achtung: das Verzeichnis %s ist für andere Benutzer "
		              "zugänglich (Modus %04o): die Sitzungsdateien selbst sind "
		              "nur für Sie lesbar (0600), ihre Namen aber sichtbar. "
		              "Schützen mit: chmod 700 %s",
		              dir, (unsigned)(st.st_mode & 07777), dir);
	free(dir);
	return msg;
}

int
session_rescue_save(const struct session *s, const char *dir, char **path, char **why)
{
	char *text = session_dump(s), *base, *reason = NULL;
	size_t len = strlen(text);

	*path = NULL;
	if (s->path != NULL) {
		const char *slash = strrchr(s->path, '/');
		const char *name = slash != NULL ? slash + 1 : s->path;
		size_t n = strlen(name);
		if (n > 4 && strcmp(name + n - 4, ".cdb") == 0)
			n -= 4;
		base = xstrndup(name, n);
	} else {
		char *label = xasprintf("%s %s", s->meta.kommune ? s->meta.kommune : "",
		                        s->meta.datum ? s->meta.datum : "");
		base = slug_make(label, 80);
		free(label);
	}
	for (int n = 1; n < 1000; n++) {
		char *candidate = n == 1
		                      ? xasprintf("%s/%s-sicherung.txt", dir, base)
		                      : xasprintf("%s/%s-sicherung-%d.txt", dir, base, n);
		if (atomicfile_write_all(candidate, text, len, ATOMICFILE_NO_REPLACE,
		                         NULL, &reason) == 0) {
			*path = candidate;
			free(base);
			free(text);
			return 0;
		}
		free(candidate);
		if (errno != EEXIST)
			break;
		free(reason);
		reason = NULL;
	}
	*why = reason != NULL
	           ? reason
	           : xasprintf("%s: kein freier Dateiname für „%s-sicherung“", dir, base);
	free(base);
	free(text);
	return -1;
}

/* Whether path is a symbolic link. */
static int
session_file_is_link(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* Free the strings of one summary. */
static void
session_summaries_free_one(struct session_summary *e)
{
	free(e->path);
	free(e->kommune);
	free(e->datum);
	free(e->art);
	free(e->verdict);
	free(e->valid_until);
	free(e->error);
}

/*
 * The CRC of the last form.text record seen by session_list: sessions of one
 * directory mostly embed the same Prüfbogen, and comparing its bytes costs
 * a tenth of computing their CRC again.
 */
struct form_text_cache {
	char *text;
	size_t len;
	unsigned long crc; /* crc_record of the whole record, from 0 */
	/* the records of one file as the checksum sees them, to feed crc32 in
	 * one call rather than four per record (a long change history has
	 * thousands of small records) */
	struct buf feed;
};

/* Add a record to feed as the checksum sees it (a small one in one copy). */
static void
feed_record(struct buf *feed, const char *key, size_t klen, const char *value,
            size_t vlen)
{
	unsigned char rec[512];

	if (8 + klen + vlen <= sizeof rec) {
		put_len(rec, klen);
		memcpy(rec + 4, key, klen);
		put_len(rec + 4 + klen, vlen);
		memcpy(rec + 8 + klen, value, vlen);
		buf_add(feed, rec, 8 + klen + vlen);
		return;
	}
	put_len(rec, klen);
	buf_add(feed, rec, 4);
	buf_add(feed, key, klen);
	put_len(rec, vlen);
	buf_add(feed, rec, 4);
	buf_add(feed, value, vlen);
}

/* Continue crc over what feed holds, and empty it. */
static unsigned long
feed_flush(struct buf *feed, unsigned long crc)
{
	if (feed->len > 0) /* crc32_z of no buffer restarts at 0 */
		crc = crc32_z(crc, (const unsigned char *)feed->data, feed->len);
	feed->len = 0;
	return crc;
}

/* The CRC of the form.text record with value (vlen bytes), from the cache
 * when it holds the same text. */
static unsigned long
form_text_crc(struct form_text_cache *cache, const char *value, size_t vlen)
{
	if (cache->text != NULL && cache->len == vlen &&
	    memcmp(cache->text, value, vlen) == 0)
		return cache->crc;
	free(cache->text);
	cache->text = xstrndup(value, vlen);
	cache->len = vlen;
	cache->crc = crc_record(crc32(0L, Z_NULL, 0), "form.text", 9, value, vlen);
	return cache->crc;
}

/* The records summary_check looks at, borrowed from the mapped file. */
struct summary_fields {
	const char *value[13];
	unsigned len[13];
};

/* Keys of struct summary_fields, in its order. */
#define SUMMARY_KEY(k)                                                                   \
	{                                                                                \
		k, sizeof k - 1                                                          \
	}
static const struct {
	const char *key;
	unsigned len;
} summary_keys[] = {
    SUMMARY_KEY("format"),
    SUMMARY_KEY("checksum"),
    SUMMARY_KEY("summary.answered"),
    SUMMARY_KEY("summary.total"),
    SUMMARY_KEY("summary.points"),
    SUMMARY_KEY("summary.max"),
    SUMMARY_KEY("summary.kommune"),
    SUMMARY_KEY("summary.datum"),
    SUMMARY_KEY("summary.art"),
    SUMMARY_KEY("meta.kommune"),
    SUMMARY_KEY("meta.datum"),
    SUMMARY_KEY("summary.verdict"),
    SUMMARY_KEY("summary.valid_until"),
};

/* Whether the len bytes at value equal the string s. */
static int
value_is(const char *value, unsigned len, const char *s)
{
	return value != NULL && strlen(s) == len && memcmp(value, s, len) == 0;
}

/*
 * Check the whole snapshot behind cdb as the loader would, short of loading
 * the form: the checksum over every record, the format, and that the
 * summary agrees with the records it sums up. Fills out or sets out->error.
 */
static void
summary_check(struct cdb *cdb, struct form_text_cache *cache, struct session_summary *out)
{
	static const char *const numbers[] = {"summary.answered", "summary.total",
	                                      "summary.points", "summary.max"};
	int *slots[] = {&out->answered, &out->total, &out->points, &out->max_points};
	struct summary_fields f;
	unsigned long crc = crc32(0L, Z_NULL, 0);
	unsigned pos;
	char computed[16];
	int rc, art_re = 0;

	memset(&f, 0, sizeof f);
	cache->feed.len = 0;
	cdb_seqinit(&pos, cdb);
	while ((rc = cdb_seqnext(&pos, cdb)) > 0) {
		const char *key = cdb_getkey(cdb), *value = cdb_getdata(cdb);
		unsigned klen = cdb_keylen(cdb), vlen = cdb_datalen(cdb);

		if (key == NULL || value == NULL) {
			rc = -1;
			break;
		}
		if (klen == 9 && memcmp(key, "form.text", 9) == 0) {
			crc = feed_flush(&cache->feed, crc);
			crc = crc32_combine(crc, form_text_crc(cache, value, vlen),
			                    (z_off_t)(8 + klen + vlen));
		} else if (!(klen == 8 && memcmp(key, "checksum", 8) == 0)) {
			feed_record(&cache->feed, key, klen, value, vlen);
		}
		/* the change history's entries are none of the keys below */
		if (klen > 16 && memcmp(key, "session.history.", 16) == 0)
			continue;
		for (size_t i = 0; i < sizeof summary_keys / sizeof summary_keys[0]; i++)
			if (summary_keys[i].len == klen &&
			    memcmp(key, summary_keys[i].key, klen) == 0) {
				f.value[i] = value;
				f.len[i] = vlen;
			}
		if (klen == 8 && memcmp(key, "meta.art", 8) == 0)
			art_re = value_is(value, vlen, "re");
	}
	crc = feed_flush(&cache->feed, crc);
	if (rc < 0) {
		out->error =
		    xstrdup("beschädigt oder abgeschnitten (Datensätze nicht lesbar)");
		return;
	}
	if (f.value[0] == NULL) {
		out->error = xstrdup("keine Sitzung von wohnort-audit");
		return;
	}
	if (!value_is(f.value[0], f.len[0], SESSION_FORMAT)) {
		out->error = xstrdup("unbekanntes Sitzungsformat");
		return;
	}
	if (f.value[1] == NULL) {
		out->error = xstrdup("beschädigt (Prüfsumme fehlt)");
		return;
	}
	snprintf(computed, sizeof computed, "%08lx", crc);
	if (!value_is(f.value[1], f.len[1], computed)) {
		out->error = xstrdup("beschädigt (Prüfsumme falsch)");
		return;
	}
	for (size_t i = 0; i < 4; i++) {
		long n = 0;
		if (f.value[2 + i] == NULL ||
		    !parse_integer(f.value[2 + i], f.len[2 + i],
		                   PARSE_SIGN | PARSE_LEADING_ZERO, INT_MIN, INT_MAX, &n))
			out->error = xasprintf("beschädigt (%s fehlt)", numbers[i]);
		else
			*slots[i] = (int)n;
		if (out->error != NULL)
			return;
	}
	if (f.value[6] == NULL || f.value[7] == NULL || f.value[8] == NULL) {
		out->error = xstrdup("beschädigt (Zusammenfassung fehlt)");
		return;
	}
	/* the summary must say what the records say */
	if (!(f.value[9]
	          ? f.len[9] == f.len[6] && memcmp(f.value[9], f.value[6], f.len[6]) == 0
	          : f.len[6] == 0) ||
	    !(f.value[10] ? f.len[10] == f.len[7] &&
	                        memcmp(f.value[10], f.value[7], f.len[7]) == 0
	                  : f.len[7] == 0) ||
	    !value_is(f.value[8], f.len[8], art_re ? "re" : "erst") ||
	    out->answered < 0 || out->answered > out->total || out->points < 0 ||
	    out->points > out->max_points) {
		out->error =
		    xstrdup("Zusammenfassung passt nicht zum Inhalt (verändert)");
		return;
	}
	out->kommune = xstrndup(f.value[6], f.len[6]);
	out->datum = xstrndup(f.value[7], f.len[7]);
	out->art = xstrndup(f.value[8], f.len[8]);
	/* the register's, absent in sessions saved before it */
	out->verdict = f.value[11] != NULL ? xstrndup(f.value[11], f.len[11]) : NULL;
	out->valid_until = f.value[12] != NULL ? xstrndup(f.value[12], f.len[12]) : NULL;
}

/* Fill one summary from the snapshot at path; out->error when it cannot be
 * shown as good. */
static void
summary_read_file(const char *path, struct form_text_cache *cache,
                  struct session_summary *out)
{
	struct cdb cdb;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		out->error = xstrdup(strerror(errno));
		return;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		out->error = xstrdup("keine reguläre Datei");
		close(fd);
		return;
	}
	if ((unsigned long long)st.st_size > SNAPSHOT_MAX) {
		out->error = xstrdup("zu groß für eine Sitzung");
		close(fd);
		return;
	}
	if (cdb_init(&cdb, fd) != 0) {
		out->error =
		    xstrdup("keine gültige Sitzungsdatei (zu kurz oder kein CDB-Format)");
		close(fd);
		return;
	}
	if (cdb_structure_check(&cdb, (size_t)st.st_size) != 0)
		out->error =
		    xstrdup("beschädigt oder abgeschnitten (Hashtabellen unvollständig)");
	else
		summary_check(&cdb, cache, out);
	cdb_free(&cdb);
	close(fd);
}

struct session_scan {
	struct form_text_cache cache;
	struct buf records; /* the records as the checksum sees them, to feed
	                       crc32 in one call rather than four per record */
};

struct session_scan *
session_scan_new(void)
{
	return xcalloc(1, sizeof(struct session_scan));
}

void
session_scan_free(struct session_scan *scan)
{
	if (scan == NULL)
		return;
	free(scan->cache.text);
	buf_free(&scan->cache.feed);
	buf_free(&scan->records);
	free(scan);
}

/*
 * Whether every record of cdb is readable, the format is ours and the
 * checksum matches, computed as the loader does. NULL, or the reason
 * (German, caller frees).
 */
static char *
scan_verify(struct cdb *cdb, struct session_scan *scan)
{
	const char *format = NULL, *stored = NULL;
	unsigned format_len = 0, stored_len = 0, pos;
	unsigned long crc = crc32(0L, Z_NULL, 0);
	struct buf *b = &scan->records;
	unsigned char len[4];
	char computed[16];
	int rc;

	b->len = 0;
	cdb_seqinit(&pos, cdb);
	while ((rc = cdb_seqnext(&pos, cdb)) > 0) {
		const char *key = cdb_getkey(cdb), *value = cdb_getdata(cdb);
		unsigned klen = cdb_keylen(cdb), vlen = cdb_datalen(cdb);

		if (key == NULL || value == NULL || klen == 0 ||
		    memchr(key, '\0', klen) != NULL)
			return xstrdup(
			    "beschädigt oder abgeschnitten (Datensätze nicht lesbar)");
		if (klen == 9 && memcmp(key, "form.text", 9) == 0) {
			if (b->len > 0) /* crc32_z of no buffer restarts at 0 */
				crc =
				    crc32_z(crc, (const unsigned char *)b->data, b->len);
			b->len = 0;
			crc = crc32_combine(crc, form_text_crc(&scan->cache, value, vlen),
			                    (z_off_t)(8 + klen + vlen));
			continue;
		}
		if (klen == 8 && memcmp(key, "checksum", 8) == 0) {
			stored = value;
			stored_len = vlen;
			continue;
		}
		/* as crc_record feeds it */
		put_len(len, klen);
		buf_add(b, len, 4);
		buf_add(b, key, klen);
		put_len(len, vlen);
		buf_add(b, len, 4);
		buf_add(b, value, vlen);
		if (klen == 6 && memcmp(key, "format", 6) == 0) {
			format = value;
			format_len = vlen;
		}
	}
	if (b->len > 0)
		crc = crc32_z(crc, (const unsigned char *)b->data, b->len);
	if (rc < 0)
		return xstrdup("beschädigt oder abgeschnitten (Datensätze nicht lesbar)");
	if (format == NULL)
		return xstrdup("keine Sitzung von wohnort-audit");
	if (!value_is(format, format_len, SESSION_FORMAT))
		return xstrdup("unbekanntes Sitzungsformat (von einer anderen Version "
		               "von wohnort-audit?)");
	if (stored == NULL)
		return xstrdup("beschädigt (Prüfsumme fehlt)");
	snprintf(computed, sizeof computed, "%08lx", crc);
	if (!value_is(stored, stored_len, computed))
		return xstrdup("beschädigt (Prüfsumme falsch)");
	return NULL;
}

int
session_scan_file(struct session_scan *scan, const char *path, session_scan_fn each,
                  void *ctx, struct stat *file, char **why)
{
	struct cdb cdb;
	struct stat st;
	unsigned pos;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = xstrdup("keine reguläre Datei");
		close(fd);
		return -1;
	}
	if (file != NULL)
		*file = st;
	if (st.st_size == 0) {
		*why = xstrdup("die Datei ist leer");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > SNAPSHOT_MAX) {
		*why = xstrdup("zu groß für eine Sitzung");
		close(fd);
		return -1;
	}
	if (cdb_init(&cdb, fd) != 0) {
		*why =
		    xstrdup("keine gültige Sitzungsdatei (zu kurz oder kein CDB-Format)");
		close(fd);
		return -1;
	}
	if (cdb_structure_check(&cdb, (size_t)st.st_size) != 0)
		*why =
		    xstrdup("beschädigt oder abgeschnitten (Hashtabellen unvollständig)");
	else
		*why = scan_verify(&cdb, scan);
	if (*why == NULL && each != NULL) {
		cdb_seqinit(&pos, &cdb);
		while (cdb_seqnext(&pos, &cdb) > 0)
			each(ctx, cdb_getkey(&cdb), cdb_keylen(&cdb), cdb_getdata(&cdb),
			     cdb_datalen(&cdb));
	}
	cdb_free(&cdb);
	close(fd);
	return *why == NULL ? 0 : -1;
}

/* One summary; a damaged file says whether its previous generation would
 * be opened instead. */
static void
summary_read(const char *path, struct form_text_cache *cache, struct session_summary *out)
{
	struct session_summary previous = {0};
	char *prev;

	summary_read_file(path, cache, out);
	if (out->error == NULL)
		return;
	prev = xasprintf("%s.prev", path);
	if (access(prev, F_OK) == 0 && !session_file_is_link(prev)) {
		summary_read_file(prev, cache, &previous);
		if (previous.error == NULL) {
			char *longer = xasprintf(
			    "%s; die vorherige Generation (%s.prev) ist "
			    "intakt und wird beim Öffnen geladen",
			    out->error,
			    strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path);
			free(out->error);
			out->error = longer;
		}
		session_summaries_free_one(&previous);
	}
	free(prev);
}

/* scandir filter: visible names ending in .cdb. */
static int
is_session_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".cdb") == 0;
}

int
session_list(const char *dir, struct session_summary **out, size_t *count, char **why)
{
	struct dirent **names = NULL;
	struct session_summary *list;
	struct form_text_cache cache = {0};
	int n = scandir(dir, &names, is_session_name, alphasort);

	*out = NULL;
	*count = 0;
	if (n < 0) {
		*why = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	list = xcalloc((size_t)n + 1, sizeof *list);
	for (int i = 0; i < n; i++) {
		list[i].path = xasprintf("%s/%s", dir, names[i]->d_name);
		summary_read(list[i].path, &cache, &list[i]);
		free(names[i]);
	}
	free(cache.text);
	buf_free(&cache.feed);
	free(names);
	*out = list;
	*count = (size_t)n;
	return 0;
}

void
session_summaries_free(struct session_summary *list, size_t count)
{
	if (list == NULL)
		return;
	for (size_t i = 0; i < count; i++)
		session_summaries_free_one(&list[i]);
	free(list);
}

void
session_pairs_add(struct session_pairs *l, const char *key, const char *value)
{
	l->items = xreallocarray(l->items, l->count + 1, sizeof *l->items);
	l->items[l->count].key = xstrdup(key);
	l->items[l->count].value = xstrdup(value);
	l->count++;
}

void
session_pairs_clear(struct session_pairs *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].key);
		free(l->items[i].value);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}
