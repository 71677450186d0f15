/*
 * cdbmem.h: a cdb file (the constant database format of D. J. Bernstein,
 * which tinycdb reads) built in memory, to be written to disk with one
 * write. tinycdb's own writer puts out 4 KiB at a time, and on ext4 the
 * fsync after many small writes of a large file took about twice as long
 * as after one write of the same bytes; a snapshot with a long change
 * history is such a file. Records that never change (a history's entries)
 * can be laid out once and added as one block on every build. The layout
 * is tinycdb's: a 2,048-byte table of contents, the records in the order
 * added, then the 256 hash tables with twice as many slots as records,
 * filled in the order added, so the bytes equal cdb_make's for tables of up
 * to 254 records. Reading stays with tinycdb. No audit knowledge; never
 * prints, never exits.
 */
#ifndef CDBMEM_H
#define CDBMEM_H

#include <stddef.h>
#include <stdint.h>

#include "lib/util.h"

/* A record's hash and where it starts. */
struct cdbmem_slot {
	uint32_t hash, pos;
};

struct cdbmem {
	struct buf file;             /* the file so far: table of contents, records */
	struct cdbmem_slot *records; /* every record's hash and position, in order */
	size_t count, capacity;
	int too_large; /* a position no longer fits 32 bits */
};

/* Start an empty file (c is overwritten) with room for about size bytes. */
void cdbmem_start(struct cdbmem *c, size_t size);

/* Add a record (the bytes are copied). */
void cdbmem_add(struct cdbmem *c, const void *key, size_t klen, const void *value,
                size_t vlen);

/*
 * cdbmem_lay_out: append a record as a cdb holds it (lengths, key, value)
 * to b and give its hash and its offset in b in *slot, for
 * cdbmem_add_laid_out. 0, or -1 when b would pass 4 GiB.
 */
int cdbmem_lay_out(struct buf *b, struct cdbmem_slot *slot, const void *key, size_t klen,
                   const void *value, size_t vlen);

/* Add n records laid out one after another in the len bytes at data, with
 * their hashes and offsets (from data) in slots. */
void cdbmem_add_laid_out(struct cdbmem *c, const void *data, size_t len,
                         const struct cdbmem_slot *slots, size_t n);

/* Append the hash tables and fill in the table of contents: the file is
 * c->file.data, c->file.len bytes. 0, or -1 when it would exceed the 4 GiB
 * a cdb can address. */
int cdbmem_finish(struct cdbmem *c);

/* Free everything; cdbmem_free on a zeroed struct does nothing. */
void cdbmem_free(struct cdbmem *c);

/* The cdb hash of len bytes (tinycdb's cdb_hash). */
uint32_t cdbmem_hash(const void *data, size_t len);

#endif
