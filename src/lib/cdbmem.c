/*
 * cdbmem.c: building a cdb file in memory (cdbmem.h). No audit knowledge;
 * never prints, never exits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/cdbmem.h"

#define TOC_SIZE 2048

/* Store n as 4 little-endian bytes at p. */
static void
pack(unsigned char *p, uint32_t n)
{
	p[0] = (unsigned char)n;
	p[1] = (unsigned char)(n >> 8);
	p[2] = (unsigned char)(n >> 16);
	p[3] = (unsigned char)(n >> 24);
}

/* Room for len more bytes in b. */
static void
reserve(struct buf *b, size_t len)
{
	if (b->len + len + 1 <= b->size)
		return;
	b->size = b->size > 0 ? b->size : 64;
	while (b->size < b->len + len + 1)
		b->size *= 2;
	b->data = xrealloc(b->data, b->size);
}

/* Room for n more record slots. */
static void
reserve_records(struct cdbmem *c, size_t n)
{
	if (c->count + n <= c->capacity)
		return;
	c->capacity = c->capacity > 0 ? c->capacity : 256;
	while (c->capacity < c->count + n)
		c->capacity *= 2;
	c->records = xreallocarray(c->records, c->capacity, sizeof *c->records);
}

uint32_t
cdbmem_hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint32_t h = 5381;

	while (len-- > 0)
		h = (h + (h << 5)) ^ *p++;
	return h;
}

void
cdbmem_start(struct cdbmem *c, size_t size)
{
	memset(c, 0, sizeof *c);
	reserve(&c->file, size > TOC_SIZE ? size : TOC_SIZE);
	memset(c->file.data, 0, TOC_SIZE);
	c->file.len = TOC_SIZE;
}

int
cdbmem_lay_out(struct buf *b, struct cdbmem_slot *slot, const void *key, size_t klen,
               const void *value, size_t vlen)
{
	unsigned char *p;

	if (b->len + 8 + (unsigned long long)klen + vlen > UINT32_MAX)
		return -1;
	reserve(b, 8 + klen + vlen);
	p = (unsigned char *)b->data + b->len;
	pack(p, (uint32_t)klen);
	pack(p + 4, (uint32_t)vlen);
	memcpy(p + 8, key, klen);
	if (vlen > 0)
		memcpy(p + 8 + klen, value, vlen);
	slot->hash = cdbmem_hash(key, klen);
	slot->pos = (uint32_t)b->len;
	b->len += 8 + klen + vlen;
	b->data[b->len] = '\0';
	return 0;
}

void
cdbmem_add(struct cdbmem *c, const void *key, size_t klen, const void *value, size_t vlen)
{
	reserve_records(c, 1);
	if (cdbmem_lay_out(&c->file, &c->records[c->count], key, klen, value, vlen) != 0)
		c->too_large = 1;
	else
		c->count++;
}

void
cdbmem_add_laid_out(struct cdbmem *c, const void *data, size_t len,
                    const struct cdbmem_slot *slots, size_t n)
{
	size_t base = c->file.len;

	if (base + (unsigned long long)len > UINT32_MAX) {
		c->too_large = 1;
		return;
	}
	reserve(&c->file, len);
	if (len > 0) /* data may be NULL then: memcpy must not see it */
		memcpy(c->file.data + base, data, len);
	c->file.len += len;
	c->file.data[c->file.len] = '\0';
	reserve_records(c, n);
	for (size_t i = 0; i < n; i++) {
		c->records[c->count + i].hash = slots[i].hash;
		c->records[c->count + i].pos = (uint32_t)(base + slots[i].pos);
	}
	c->count += n;
}

int
cdbmem_finish(struct cdbmem *c)
{
	size_t per_table[256] = {0}, first[256], next[256], most = 0;
	struct cdbmem_slot *sorted, *slots;
	unsigned char *toc, *out;

	if (c->too_large || c->file.len + 16ull * c->count > UINT32_MAX)
		return -1;
	/* the records of each table, in the order added */
	for (size_t i = 0; i < c->count; i++)
		per_table[c->records[i].hash & 255]++;
	for (size_t t = 0, at = 0; t < 256; t++) {
		first[t] = next[t] = at;
		at += per_table[t];
		if (per_table[t] > most)
			most = per_table[t];
	}
	sorted = xcalloc(c->count + 1, sizeof *sorted);
	for (size_t i = 0; i < c->count; i++)
		sorted[next[c->records[i].hash & 255]++] = c->records[i];
	slots = xcalloc(2 * most + 1, sizeof *slots);
	reserve(&c->file, 16 * c->count);
	toc = (unsigned char *)c->file.data;
	for (size_t t = 0; t < 256; t++) {
		size_t n = 2 * per_table[t];

		pack(toc + 8 * t, (uint32_t)c->file.len);
		pack(toc + 8 * t + 4, (uint32_t)n);
		if (n == 0)
			continue;
		memset(slots, 0, n * sizeof *slots);
		for (size_t i = first[t]; i < first[t] + per_table[t]; i++) {
			size_t at = (sorted[i].hash >> 8) % n;
			while (slots[at].pos != 0) /* no record lies at 0: the toc does */
				at = at + 1 == n ? 0 : at + 1;
			slots[at] = sorted[i];
		}
		out = (unsigned char *)c->file.data + c->file.len;
		for (size_t i = 0; i < n; i++) {
			pack(out + 8 * i, slots[i].hash);
			pack(out + 8 * i + 4, slots[i].pos);
		}
		c->file.len += 8 * n;
	}
	c->file.data[c->file.len] = '\0';
	free(slots);
	free(sorted);
	return 0;
}

void
cdbmem_free(struct cdbmem *c)
{
	buf_free(&c->file);
	free(c->records);
	memset(c, 0, sizeof *c);
}
