/*
 * zipread.h: reading the parts of a ZIP archive (the container of .xlsx
 * files) through minizip, with hard limits, so that a hostile archive cannot
 * take unbounded memory or time: at most a number of entries, at most a
 * number of inflated bytes per part and in total, where the bytes counted
 * are the ones really inflated, not the sizes the headers claim. Entries are
 * found by name without regard to ASCII case, as the Open Packaging
 * Conventions require; two entries whose names differ only in case are
 * refused. Encrypted entries and compression methods other than stored and
 * deflate are refused; a part whose CRC does not match is refused.
 *
 * Knows nothing about XLSX. Never prints, never exits. Messages are German,
 * name the part but not the archive (the caller prefixes the file name).
 */
#ifndef ZIPREAD_H
#define ZIPREAD_H

#include <stddef.h>
#include <stdint.h>

struct zipread;

/* The limits of one archive. */
struct zipread_limits {
	size_t entries;     /* entries in the central directory */
	size_t part_bytes;  /* inflated bytes of one part */
	size_t total_bytes; /* inflated bytes read from the archive, all reads together */
};

/*
 * zipread_open_fd: open the archive in the regular file fd (borrowed: the
 * caller closes it after zipread_free; it must stay open until then) of
 * size bytes. zipread_open_memory: the same for the len bytes at data
 * (borrowed: they must stay until zipread_free). limits is copied. Returns
 * the archive, or NULL with *why set (caller frees): not a ZIP archive, too
 * many entries, a name twice.
 */
struct zipread *zipread_open_fd(int fd, uint64_t size,
                                const struct zipread_limits *limits, char **why);
struct zipread *zipread_open_memory(const void *data, size_t len,
                                    const struct zipread_limits *limits, char **why);

/* Close the archive; zipread_free(NULL) does nothing. */
void zipread_free(struct zipread *z);

/* The entries in the order of the central directory. name is borrowed from
 * z; size is the inflated size the directory claims (not trusted). */
size_t zipread_count(const struct zipread *z);
const char *zipread_name(const struct zipread *z, size_t index);
uint64_t zipread_claimed_size(const struct zipread *z, size_t index);

/* The index of the entry called name (a leading '/' is ignored, ASCII case
 * is not significant), or -1. */
long zipread_find(const struct zipread *z, const char *name);

/*
 * A consumer of inflated bytes: returns 0 to go on, 1 to stop early (not an
 * error), -1 for an error (then it sets *why, or leaves it NULL for a
 * generic message).
 */
typedef int (*zipread_chunk_fn)(void *arg, const char *data, size_t len, char **why);

/*
 * zipread_read: inflate the entry index and hand its bytes to chunk in
 * pieces. Returns 0 when the whole part was read and its CRC matched, or
 * when chunk returned 1; -1 with *why set (caller frees) when the entry is
 * encrypted, uses another compression method, is damaged, is larger than
 * the part limit (claimed or really) or the total limit is reached, or when
 * chunk returned -1 (its message, or a generic one naming the part).
 */
int zipread_read(struct zipread *z, size_t index, zipread_chunk_fn chunk, void *arg,
                 char **why);

/*
 * zipread_read_all: the whole entry index as a NUL-terminated buffer (the
 * caller frees *data); *len excludes the NUL. 0 or -1 with *why as above.
 */
int zipread_read_all(struct zipread *z, size_t index, char **data, size_t *len,
                     char **why);

/* Inflated bytes read from the archive so far (all reads together). */
uint64_t zipread_total(const struct zipread *z);

/*
 * zipread_printable: a copy of name that is safe in a message (bad bytes
 * and control characters become U+FFFD, see utf8_sanitize), at most 200
 * characters (then "…"). Caller frees.
 */
char *zipread_printable(const char *name);

#endif
