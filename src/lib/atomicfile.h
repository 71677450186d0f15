/*
 * atomicfile.h: the one way this program puts a file in place: snapshots,
 * rescue copies and exported workbooks. A temp file is created beside the
 * target with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600, held under flock while
 * it is written (so that a later writer can tell a temp left by a killed
 * process from a live one), fsynced, renamed into place, and the directory
 * fsynced. Nothing is ever written through a symbolic link. Works on file
 * systems without hard links, RENAME_EXCHANGE or RENAME_NOREPLACE (exFAT,
 * FAT32, NTFS through FUSE) and says when a file system ignores permissions.
 * Model code: never prints or exits. Functions that return -1 leave errno set
 * and write no message; the caller words it.
 */
#ifndef ATOMICFILE_H
#define ATOMICFILE_H

#include <stddef.h>
#include <sys/stat.h>

/* A file being written. Zero-initialise is not enough: use atomicfile_begin. */
struct atomicfile {
	char *path;      /* the target (owned) */
	char *temp;      /* the temp file beside it (owned); NULL once renamed away */
	int fd;          /* the temp file, open read-write and flocked; -1 when closed */
	int unprotected; /* the file system keeps no permissions: the file is readable
	                    by other users whatever mode it was given */
	int placed;      /* atomicfile_commit renamed the file into place */
	struct stat st;  /* the temp file as last fsynced (atomicfile_sync) */
};

/* What atomicfile_commit does when the target exists. */
enum atomicfile_replace {
	ATOMICFILE_REPLACE,    /* replace it in one step */
	ATOMICFILE_NO_REPLACE, /* leave it and fail with errno EEXIST */
};

/*
 * atomicfile_begin: create the temp file for path, named temp_prefix followed
 * by six random characters (temp_prefix NULL: "PATH.tmp-"; it must name the
 * directory of path), mode 0600 whatever the umask, and flock it. 0, or -1
 * with errno (af is then empty; atomicfile_abort on it does nothing).
 */
int atomicfile_begin(struct atomicfile *af, const char *path, const char *temp_prefix);

/* Write len bytes to the temp file. 0 or -1 with errno. */
int atomicfile_write(struct atomicfile *af, const void *data, size_t len);

/*
 * The temp file as a path that opens exactly this file without looking its
 * name up in the target directory again ("/proc/self/fd/N"), for a library
 * that can only write to a file name; the temp name when /proc is missing.
 * Borrowed until atomicfile_commit or atomicfile_abort.
 */
const char *atomicfile_open_path(struct atomicfile *af, char *buf, size_t size);

/* fsync the temp file and record its status in af->st. 0 or -1 with errno. */
int atomicfile_sync(struct atomicfile *af);

/*
 * atomicfile_commit: atomicfile_sync, rename the temp file over path (or put
 * it there only when nothing is there, for ATOMICFILE_NO_REPLACE), close it
 * and fsync the directory. On failure before the rename the temp file is
 * removed and path is untouched: -1 with errno. When only the directory
 * fsync fails the file is in place: -1 with errno and af->placed set. Either
 * way af is finished afterwards (only placed, unprotected and st remain).
 */
int atomicfile_commit(struct atomicfile *af, enum atomicfile_replace how);

/* Remove the temp file (when it still exists), close it and free af's
 * strings. Safe after a successful commit and on an empty af. */
void atomicfile_abort(struct atomicfile *af);

/*
 * atomicfile_rename_noreplace: rename from to to unless to exists (errno
 * EEXIST): RENAME_NOREPLACE, else a hard link, else (file systems with
 * neither) a check for to followed by a rename. 0 or -1 with errno.
 */
int atomicfile_rename_noreplace(const char *from, const char *to);

/* Whether errno says a file system cannot do an operation at all (no hard
 * links, no rename flags): EPERM, EINVAL, ENOSYS, EOPNOTSUPP, EMLINK. */
int atomicfile_unsupported(int error);

/*
 * atomicfile_copy: replace to atomically with a copy of from (opened without
 * following a symbolic link), mode 0600. 0 or -1 with errno.
 */
int atomicfile_copy(const char *from, const char *to);

/*
 * atomicfile_remove_stale: remove the temp files in dir whose names start
 * with prefix and that no process holds (a writer killed before its rename
 * left them). Symbolic links, other users' files and anything but regular
 * files are left alone. Returns how many were removed.
 */
int atomicfile_remove_stale(const char *dir, const char *prefix);

/*
 * atomicfile_write_all: the whole protocol for data in memory. 0, or -1 with
 * *why (caller frees) naming path and the reason; *unprotected (may be NULL)
 * says whether the file system ignored the mode.
 */
int atomicfile_write_all(const char *path, const void *data, size_t len,
                         enum atomicfile_replace how, int *unprotected, char **why);

/* fsync the directory that holds path. 0 or -1 with errno. */
int atomicfile_dir_fsync(const char *path);

/* The directory part of path ("." when it has none, "/" for "/x"). Caller frees. */
char *atomicfile_dir_of(const char *path);

#endif
