/*
 * atomicfile.c: temp file, fsync, rename, directory fsync, done once for the
 * whole program (see atomicfile.h). Model code: never prints or exits.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/atomicfile.h"
#include "lib/util.h"

/* Close fd keeping errno. */
static void
close_keep_errno(int fd)
{
	int saved = errno;
	if (fd >= 0)
		close(fd);
	errno = saved;
}

char *
atomicfile_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int
atomicfile_dir_fsync(const char *path)
{
	char *dir = atomicfile_dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close_keep_errno(fd);
	return rc;
}

int
atomicfile_unsupported(int error)
{
	return error == EPERM || error == EINVAL || error == ENOSYS ||
	       error == EOPNOTSUPP || error == EMLINK;
}

int
atomicfile_begin(struct atomicfile *af, const char *path, const char *temp_prefix)
{
	memset(af, 0, sizeof *af);
	af->fd = -1;
	af->temp = temp_prefix != NULL ? xasprintf("%sXXXXXX", temp_prefix)
	                               : xasprintf("%s.tmp-XXXXXX", path);
	/* mkostemp opens with O_CREAT|O_EXCL: never through an existing name,
	 * symbolic links included; O_NOFOLLOW says so once more. */
	af->fd = mkostemp(af->temp, O_CLOEXEC | O_NOFOLLOW);
	if (af->fd < 0) {
		int saved = errno;
		free(af->temp);
		af->temp = NULL;
		errno = saved;
		return -1;
	}
	af->path = xstrdup(path);
	/* Held until the rename: a later writer that can take it knows the
	 * temp file was left by a killed process. */
	if (flock(af->fd, LOCK_EX | LOCK_NB) != 0) {
		/* no flock on this file system: the temp is then never removed
		 * as stale by another process, which is the safe side */
	}
	/* mkostemp creates 0600 unless the umask takes owner bits; fchmod only
	 * then (it costs a journal update on every save). */
	if (fstat(af->fd, &af->st) != 0) {
		atomicfile_abort(af);
		return -1;
	}
	if ((af->st.st_mode & 07777) != 0600) {
		/* exFAT, FAT32 and NTFS accept the fchmod without keeping it (or,
		 * mounted without "quiet", refuse it): either way what counts is
		 * the mode the file has afterwards */
		if (fchmod(af->fd, 0600) != 0 && errno != EPERM && errno != EOPNOTSUPP) {
			atomicfile_abort(af);
			return -1;
		}
		if (fstat(af->fd, &af->st) != 0) {
			atomicfile_abort(af);
			return -1;
		}
	}
	af->unprotected = (af->st.st_mode & 077) != 0;
	return 0;
}

int
atomicfile_write(struct atomicfile *af, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(af->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

const char *
atomicfile_open_path(struct atomicfile *af, char *buf, size_t size)
{
	struct stat st;

	snprintf(buf, size, "/proc/self/fd/%d", af->fd);
	if (stat(buf, &st) == 0 && st.st_dev == af->st.st_dev &&
	    st.st_ino == af->st.st_ino)
		return buf;
	return af->temp;
}

int
atomicfile_sync(struct atomicfile *af)
{
	if (fsync(af->fd) != 0 || fstat(af->fd, &af->st) != 0)
		return -1;
	return 0;
}

int
atomicfile_rename_noreplace(const char *from, const char *to)
{
	struct stat st;

	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (!atomicfile_unsupported(errno))
		return -1;
	/* a hard link never replaces either */
	if (link(from, to) == 0) {
		unlink(from);
		return 0;
	}
	if (!atomicfile_unsupported(errno))
		return -1;
	/* Neither (exFAT, FAT32): look, then rename. Another instance of this
	 * program cannot come between: the callers hold the lock of the name
	 * or pick names no other process uses. */
	if (lstat(to, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	if (errno != ENOENT)
		return -1;
	return rename(from, to);
}

int
atomicfile_commit(struct atomicfile *af, enum atomicfile_replace how)
{
	int rc;

	if (atomicfile_sync(af) != 0)
		goto fail;
	rc = how == ATOMICFILE_REPLACE ? rename(af->temp, af->path)
	                               : atomicfile_rename_noreplace(af->temp, af->path);
	if (rc != 0)
		goto fail;
	free(af->temp);
	af->temp = NULL;
	af->placed = 1;
	rc = close(af->fd);
	af->fd = -1;
	if (rc != 0 || atomicfile_dir_fsync(af->path) != 0)
		goto fail;
	atomicfile_abort(af);
	return 0;
fail:
	rc = errno;
	atomicfile_abort(af);
	errno = rc;
	return -1;
}

void
atomicfile_abort(struct atomicfile *af)
{
	int saved = errno;

	if (af->temp != NULL)
		unlink(af->temp);
	if (af->fd >= 0)
		close(af->fd);
	free(af->temp);
	free(af->path);
	af->temp = af->path = NULL;
	af->fd = -1;
	errno = saved;
}

int
atomicfile_copy(const char *from, const char *to)
{
	struct atomicfile af;
	char chunk[65536];
	struct stat st;
	int in;

	in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (in < 0)
		return -1;
	if (fstat(in, &st) != 0) {
		close_keep_errno(in);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(in);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	if (atomicfile_begin(&af, to, NULL) != 0) {
		close_keep_errno(in);
		return -1;
	}
	for (;;) {
		ssize_t n = read(in, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (n > 0 && atomicfile_write(&af, chunk, (size_t)n) != 0)) {
			atomicfile_abort(&af);
			close_keep_errno(in);
			return -1;
		}
		if (n == 0)
			break;
	}
	close(in);
	return atomicfile_commit(&af, ATOMICFILE_REPLACE);
}

int
atomicfile_remove_stale(const char *dir, const char *prefix)
{
	size_t plen = strlen(prefix);
	struct dirent *e;
	int removed = 0, dfd;
	DIR *d;

	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return 0;
	d = fdopendir(dfd);
	if (d == NULL) {
		close(dfd);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		int fd;

		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		fd = openat(dfd, e->d_name,
		            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		if (fd < 0)
			continue; /* a symbolic link (ELOOP) or gone */
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
		    unlinkat(dfd, e->d_name, 0) == 0)
			removed++;
		close(fd);
	}
	closedir(d);
	return removed;
}

int
atomicfile_write_all(const char *path, const void *data, size_t len,
                     enum atomicfile_replace how, int *unprotected, char **why)
{
	struct atomicfile af;
	int saved;

	if (atomicfile_begin(&af, path, NULL) != 0)
		goto fail;
	if (unprotected != NULL)
		*unprotected = af.unprotected;
	if (atomicfile_write(&af, data, len) != 0) {
		atomicfile_abort(&af);
		goto fail;
	}
	if (atomicfile_commit(&af, how) != 0) {
		if (af.placed) {
			saved = errno;
			*why = xasprintf("%s: Verzeichnis nicht synchronisiert: %s", path,
			                 strerror(saved));
			errno = saved;
			return -1;
		}
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	*why = xasprintf("%s: %s", path,
	                 saved == EEXIST ? "existiert bereits; nicht überschrieben"
	                                 : strerror(saved));
	errno = saved;
	return -1;
}
