/*
 * zipread.c: bounded reading of ZIP parts through minizip (see zipread.h).
 * The archive is read through our own minizip I/O functions over a file
 * descriptor (pread) or a memory block, so the caller decides how the file
 * is opened and the fuzzer can feed bytes directly. Never prints or exits.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <unzip.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/zipread.h"

/* Bytes inflated per call into minizip. */
#define CHUNK_SIZE 65536
/* The longest entry name accepted. */
#define NAME_MAX_BYTES 1024

/* Where the archive's bytes come from: a file descriptor or memory. */
struct source {
	int fd; /* -1: memory */
	const unsigned char *data;
	uint64_t size;
	uint64_t pos;
	int error;
};

struct entry {
	char *name;  /* as stored */
	char *lower; /* ASCII lower case, without a leading '/' (for lookup) */
	uint64_t claimed;
	unsigned long flag;
	unsigned long method;
	unz64_file_pos pos;
};

struct zipread {
	struct source src;
	unzFile uf;
	struct zipread_limits limits;
	struct entry *entries;
	size_t count;
	size_t *sorted; /* entry indexes ordered by lower */
	uint64_t total;
	char *chunk;
};

/* minizip I/O over struct source. */

static voidpf ZCALLBACK
src_open(voidpf opaque, const void *filename, int mode)
{
	(void)filename, (void)mode;
	return opaque;
}

static uLong ZCALLBACK
src_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct source *s = stream;
	uLong done = 0;

	(void)opaque;
	if (s->pos >= s->size)
		return 0;
	if (size > s->size - s->pos)
		size = (uLong)(s->size - s->pos);
	if (s->fd < 0) {
		memcpy(buf, s->data + s->pos, size);
		s->pos += size;
		return size;
	}
	while (done < size) {
		ssize_t n =
		    pread(s->fd, (char *)buf + done, size - done, (off_t)(s->pos + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0)
				s->error = errno;
			break;
		}
		done += (uLong)n;
	}
	s->pos += done;
	return done;
}

static uLong ZCALLBACK
src_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque, (void)stream, (void)buf, (void)size;
	return 0;
}

static ZPOS64_T ZCALLBACK
src_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct source *)stream)->pos;
}

static long ZCALLBACK
src_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	struct source *s = stream;
	uint64_t base;

	(void)opaque;
	switch (origin) {
	case ZLIB_FILEFUNC_SEEK_SET:
		base = 0;
		break;
	case ZLIB_FILEFUNC_SEEK_CUR:
		base = s->pos;
		break;
	case ZLIB_FILEFUNC_SEEK_END:
		base = s->size;
		break;
	default:
		return -1;
	}
	if (offset > UINT64_MAX - base || base + offset > s->size)
		return -1;
	s->pos = base + offset;
	return 0;
}

static int ZCALLBACK
src_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int ZCALLBACK
src_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct source *)stream)->error;
}

char *
zipread_printable(const char *name)
{
	char *clean = utf8_sanitize(name, strlen(name), UTF8_ONE_LINE);
	char *shown = utf8_shorten(clean, 200);

	free(clean);
	return shown;
}

/* Copy of s in ASCII lower case without a leading '/'. */
static char *
lower_name(const char *s)
{
	char *l;

	if (*s == '/')
		s++;
	l = xstrdup(s);
	for (char *p = l; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return l;
}

/* qsort context is not portable: compare through a file-static pointer. */
static const struct entry *sort_entries;

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp(sort_entries[*(const size_t *)a].lower,
	              sort_entries[*(const size_t *)b].lower);
}

/* Read the central directory into z->entries; 0 or -1 with *why. */
static int
load_entries(struct zipread *z, char **why)
{
	unz_global_info64 gi;
	char name[NAME_MAX_BYTES + 1];
	int err;

	if (unzGetGlobalInfo64(z->uf, &gi) != UNZ_OK) {
		*why = xstrdup("kein gültiges ZIP-Archiv (Verzeichnis nicht lesbar)");
		return -1;
	}
	if (gi.number_entry > z->limits.entries) {
		*why = xasprintf("zu viele Teile im ZIP-Archiv (%llu, erlaubt sind %zu)",
		                 (unsigned long long)gi.number_entry, z->limits.entries);
		return -1;
	}
	z->entries =
	    xcalloc(gi.number_entry ? (size_t)gi.number_entry : 1, sizeof *z->entries);
	for (err = unzGoToFirstFile(z->uf); err == UNZ_OK; err = unzGoToNextFile(z->uf)) {
		unz_file_info64 info;
		struct entry *e;

		if (z->count >= gi.number_entry) {
			*why = xstrdup(
			    "kein gültiges ZIP-Archiv (mehr Teile als angegeben)");
			return -1;
		}
		if (unzGetCurrentFileInfo64(z->uf, &info, name, sizeof name, NULL, 0,
		                            NULL, 0) != UNZ_OK) {
			*why = xstrdup("kein gültiges ZIP-Archiv (Eintrag nicht lesbar)");
			return -1;
		}
		if (info.size_filename > NAME_MAX_BYTES) {
			*why = xasprintf("ein Teil hat einen zu langen Namen (%lu Bytes)",
			                 info.size_filename);
			return -1;
		}
		name[info.size_filename] = '\0';
		e = &z->entries[z->count];
		if (unzGetFilePos64(z->uf, &e->pos) != UNZ_OK) {
			*why = xstrdup("kein gültiges ZIP-Archiv (Eintrag nicht lesbar)");
			return -1;
		}
		e->name = xstrdup(name);
		e->lower = lower_name(name);
		e->claimed = info.uncompressed_size;
		e->flag = info.flag;
		e->method = info.compression_method;
		z->count++;
	}
	if (err != UNZ_END_OF_LIST_OF_FILE) {
		*why = xstrdup("kein gültiges ZIP-Archiv (Verzeichnis beschädigt)");
		return -1;
	}
	z->sorted = xcalloc(z->count ? z->count : 1, sizeof *z->sorted);
	for (size_t i = 0; i < z->count; i++)
		z->sorted[i] = i;
	sort_entries = z->entries;
	qsort(z->sorted, z->count, sizeof *z->sorted, cmp_entry);
	sort_entries = NULL;
	for (size_t i = 1; i < z->count; i++) {
		const struct entry *a = &z->entries[z->sorted[i - 1]];
		const struct entry *b = &z->entries[z->sorted[i]];
		if (strcmp(a->lower, b->lower) == 0) {
			char *p = zipread_printable(b->name);
			*why = xasprintf("der Teil %s steht zweimal im ZIP-Archiv", p);
			free(p);
			return -1;
		}
	}
	return 0;
}

/* Open over z->src (already filled in). */
static struct zipread *
open_source(struct zipread *z, const struct zipread_limits *limits, char **why)
{
	zlib_filefunc64_def io = {
	    .zopen64_file = src_open,
	    .zread_file = src_read,
	    .zwrite_file = src_write,
	    .ztell64_file = src_tell,
	    .zseek64_file = src_seek,
	    .zclose_file = src_close,
	    .zerror_file = src_error,
	    .opaque = &z->src,
	};

	*why = NULL;
	z->limits = *limits;
	z->uf = unzOpen2_64("", &io);
	if (z->uf == NULL) {
		*why = xstrdup(z->src.error ? "nicht lesbar (Lesefehler)"
		                            : "kein gültiges ZIP-Archiv");
		zipread_free(z);
		return NULL;
	}
	if (load_entries(z, why) != 0) {
		zipread_free(z);
		return NULL;
	}
	z->chunk = xmalloc(CHUNK_SIZE);
	return z;
}

struct zipread *
zipread_open_fd(int fd, uint64_t size, const struct zipread_limits *limits, char **why)
{
	struct zipread *z = xcalloc(1, sizeof *z);

	z->src.fd = fd;
	z->src.size = size;
	return open_source(z, limits, why);
}

struct zipread *
zipread_open_memory(const void *data, size_t len, const struct zipread_limits *limits,
                    char **why)
{
	struct zipread *z = xcalloc(1, sizeof *z);

	z->src.fd = -1;
	z->src.data = data;
	z->src.size = len;
	return open_source(z, limits, why);
}

void
zipread_free(struct zipread *z)
{
	if (z == NULL)
		return;
	if (z->uf != NULL)
		unzClose(z->uf);
	for (size_t i = 0; i < z->count; i++) {
		free(z->entries[i].name);
		free(z->entries[i].lower);
	}
	free(z->entries);
	free(z->sorted);
	free(z->chunk);
	free(z);
}

size_t
zipread_count(const struct zipread *z)
{
	return z->count;
}

const char *
zipread_name(const struct zipread *z, size_t index)
{
	return index < z->count ? z->entries[index].name : NULL;
}

uint64_t
zipread_claimed_size(const struct zipread *z, size_t index)
{
	return index < z->count ? z->entries[index].claimed : 0;
}

uint64_t
zipread_total(const struct zipread *z)
{
	return z->total;
}

long
zipread_find(const struct zipread *z, const char *name)
{
	char *key = lower_name(name);
	size_t lo = 0, hi = z->count;
	long found = -1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, z->entries[z->sorted[mid]].lower);
		if (c == 0) {
			found = (long)z->sorted[mid];
			break;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	free(key);
	return found;
}

/* A size for messages: "61 MB", "48 KB", "900 Bytes" (rounded up). */
static char *
size_text(uint64_t bytes)
{
	if (bytes >= (uint64_t)10 << 20)
		return xasprintf("%llu MB",
		                 (unsigned long long)((bytes + 1048575) >> 20));
	if (bytes >= 10240)
		return xasprintf("%llu KB", (unsigned long long)((bytes + 1023) >> 10));
	return xasprintf("%llu Bytes", (unsigned long long)bytes);
}

int
zipread_read(struct zipread *z, size_t index, zipread_chunk_fn chunk, void *arg,
             char **why)
{
	const struct entry *e;
	char *part;
	uint64_t got = 0;
	int stopped = 0, rc = -1, open = 0;

	*why = NULL;
	if (index >= z->count) {
		*why = xstrdup("Teil nicht vorhanden");
		return -1;
	}
	e = &z->entries[index];
	part = zipread_printable(e->name);
	if (e->flag & 1) {
		*why = xasprintf("der Teil %s ist verschlüsselt", part);
		goto out;
	}
	if (e->method != 0 && e->method != Z_DEFLATED) {
		*why =
		    xasprintf("der Teil %s ist mit einem nicht unterstützten Verfahren "
		              "komprimiert (%lu)",
		              part, e->method);
		goto out;
	}
	if (e->claimed > z->limits.part_bytes) {
		char *claimed = size_text(e->claimed),
		     *limit = size_text(z->limits.part_bytes);
		*why = xasprintf("der Teil %s ist entpackt %s groß, erlaubt sind %s",
		                 part, claimed, limit);
		free(claimed);
		free(limit);
		goto out;
	}
	if (unzGoToFilePos64(z->uf, &e->pos) != UNZ_OK ||
	    unzOpenCurrentFile(z->uf) != UNZ_OK) {
		*why = xasprintf("der Teil %s ist beschädigt (nicht zu öffnen)", part);
		goto out;
	}
	open = 1;
	for (;;) {
		int n = unzReadCurrentFile(z->uf, z->chunk, CHUNK_SIZE), c;

		if (n < 0) {
			*why = xasprintf(
			    "der Teil %s ist beschädigt (nicht zu entpacken)", part);
			goto out;
		}
		if (n == 0)
			break;
		got += (uint64_t)n;
		z->total += (uint64_t)n;
		if (got > z->limits.part_bytes || z->total > z->limits.total_bytes) {
			int part_limit = got > z->limits.part_bytes;
			char *limit = size_text(part_limit ? z->limits.part_bytes
			                                   : z->limits.total_bytes);
			if (part_limit)
				*why = xasprintf(
				    "der Teil %s ist entpackt größer als %s (mehr als "
				    "angegeben)",
				    part, limit);
			else
				*why = xasprintf(
				    "beim Teil %s: zusammen mehr als %s entpackt", part,
				    limit);
			free(limit);
			goto out;
		}
		c = chunk(arg, z->chunk, (size_t)n, why);
		if (c < 0) {
			if (*why == NULL)
				*why = xasprintf("der Teil %s ist nicht lesbar", part);
			goto out;
		}
		if (c > 0) {
			stopped = 1;
			break;
		}
	}
	open = 0;
	if (unzCloseCurrentFile(z->uf) == UNZ_CRCERROR && !stopped) {
		*why = xasprintf("der Teil %s ist beschädigt (Prüfsumme stimmt nicht)",
		                 part);
		goto out;
	}
	if (!stopped && got != e->claimed) {
		*why = xasprintf("der Teil %s ist beschädigt (Größe stimmt nicht)", part);
		goto out;
	}
	rc = 0;
out:
	if (open)
		unzCloseCurrentFile(z->uf);
	free(part);
	return rc;
}

/* zipread_read_all's consumer: append to a buf. */
static int
append_chunk(void *arg, const char *data, size_t len, char **why)
{
	(void)why;
	buf_add(arg, data, len);
	return 0;
}

int
zipread_read_all(struct zipread *z, size_t index, char **data, size_t *len, char **why)
{
	struct buf b = {0};

	if (zipread_read(z, index, append_chunk, &b, why) != 0) {
		buf_free(&b);
		return -1;
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	*len = b.len;
	*data = buf_steal(&b);
	return 0;
}
