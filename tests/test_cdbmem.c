/*
 * test_cdbmem.c: CUnit tests of src/lib/cdbmem.c: a cdb built in memory
 * is byte for byte what tinycdb's cdb_make writes for the same records
 * (none, one, a few, thousands, binary and empty keys and values, the same
 * key twice), records added as a laid-out block give the same file as
 * added one by one, and tinycdb reads every record back, in order and by
 * key.
 */
#include "config.h"

#include <cdb.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cdbmem.h"
#include "lib/util.h"
#include "test_main.h"

static char *tmpdir;

/* A record of a case. */
struct record {
	char *key, *value;
	size_t klen, vlen;
};

/* count records: key "k<i>" (or binary and empty ones), values of a
 * varying length. */
static struct record *
make_records(size_t count, int odd)
{
	struct record *r = xcalloc(count + 1, sizeof *r);

	for (size_t i = 0; i < count; i++) {
		if (odd && i % 7 == 3) {
			r[i].klen = 3;
			r[i].key = xmalloc(4);
			memcpy(r[i].key, "\0\xff\n", 3);
		} else if (odd && i % 11 == 5) {
			r[i].key = xstrdup("same");
		} else {
			r[i].key = xasprintf("k%zu", i);
		}
		if (r[i].klen == 0)
			r[i].klen = strlen(r[i].key);
		r[i].vlen = odd && i % 5 == 0 ? 0 : (i * 37) % 300;
		r[i].value = xmalloc(r[i].vlen + 1);
		for (size_t j = 0; j < r[i].vlen; j++)
			r[i].value[j] = (char)(i + j);
	}
	return r;
}

static void
free_records(struct record *r, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(r[i].key);
		free(r[i].value);
	}
	free(r);
}

/* What tinycdb's cdb_make writes for the records; *len its size. */
static char *
tinycdb_bytes(const struct record *r, size_t count, size_t *len)
{
	char *path = xasprintf("%s/tiny.cdb", tmpdir), *text = NULL, *why = NULL;
	struct cdb_make m;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(cdb_make_start(&m, fd) == 0);
	for (size_t i = 0; i < count; i++)
		CU_ASSERT_FATAL(cdb_make_add(&m, r[i].key, (unsigned)r[i].klen,
		                             r[i].value, (unsigned)r[i].vlen) == 0);
	CU_ASSERT_FATAL(cdb_make_finish(&m) == 0);
	close(fd);
	CU_ASSERT_FATAL(file_read_all(path, 64u << 20, &text, len, &why) == 0);
	free(path);
	return text;
}

/* Every record read back by tinycdb from bytes: in order, and by key. */
static void
check_readable(const char *bytes, size_t len, const struct record *r, size_t count)
{
	char *path = xasprintf("%s/mem.cdb", tmpdir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct cdb cdb;
	unsigned pos;
	size_t i = 0;

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, bytes, len) == (ssize_t)len);
	CU_ASSERT_FATAL(cdb_init(&cdb, fd) == 0);
	cdb_seqinit(&pos, &cdb);
	while (cdb_seqnext(&pos, &cdb) > 0 && i < count) {
		CU_ASSERT_EQUAL(cdb_keylen(&cdb), r[i].klen);
		CU_ASSERT_EQUAL(cdb_datalen(&cdb), r[i].vlen);
		CU_ASSERT(memcmp(cdb_getkey(&cdb), r[i].key, r[i].klen) == 0);
		CU_ASSERT(memcmp(cdb_getdata(&cdb), r[i].value, r[i].vlen) == 0);
		i++;
	}
	CU_ASSERT_EQUAL(i, count);
	for (i = 0; i < count; i++) {
		size_t first = r[i].klen == 3 || strcmp(r[i].key, "same") == 0 ? 0 : i;
		/* a key added more than once is found as its first record */
		while (r[first].klen != r[i].klen ||
		       memcmp(r[first].key, r[i].key, r[i].klen) != 0)
			first++;
		CU_ASSERT_EQUAL(cdb_find(&cdb, r[i].key, (unsigned)r[i].klen), 1);
		CU_ASSERT_EQUAL(cdb_datalen(&cdb), r[first].vlen);
	}
	CU_ASSERT_EQUAL(cdb_find(&cdb, "nowhere", 7), 0);
	cdb_free(&cdb);
	close(fd);
	free(path);
}

/* The cases: counts up to where tables pass 254 records. */
static void
test_like_tinycdb(void)
{
	static const struct {
		size_t count;
		int odd;
	} cases[] = {{0, 0}, {1, 0}, {3, 1}, {100, 1}, {5000, 0}, {20000, 1}};

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct record *r = make_records(cases[c].count, cases[c].odd);
		struct cdbmem one, block;
		struct buf laid = {0};
		struct cdbmem_slot *slots = xcalloc(cases[c].count + 1, sizeof *slots);
		size_t len;
		char *tiny = tinycdb_bytes(r, cases[c].count, &len);

		cdbmem_start(&one, 0);
		for (size_t i = 0; i < cases[c].count; i++)
			cdbmem_add(&one, r[i].key, r[i].klen, r[i].value, r[i].vlen);
		CU_ASSERT_EQUAL_FATAL(cdbmem_finish(&one), 0);
		/* tables of more than 254 records are filled in another order
		 * by tinycdb: the same file but for the slots of those tables */
		if (cases[c].count <= 5000) {
			CU_ASSERT_EQUAL(one.file.len, len);
			CU_ASSERT(one.file.len == len &&
			          memcmp(one.file.data, tiny, len) == 0);
		}
		check_readable(one.file.data, one.file.len, r, cases[c].count);

		/* the first record alone, the rest laid out as one block */
		cdbmem_start(&block, 100);
		if (cases[c].count > 0)
			cdbmem_add(&block, r[0].key, r[0].klen, r[0].value, r[0].vlen);
		for (size_t i = 1; i < cases[c].count; i++)
			CU_ASSERT_EQUAL(cdbmem_lay_out(&laid, &slots[i - 1], r[i].key,
			                               r[i].klen, r[i].value, r[i].vlen),
			                0);
		cdbmem_add_laid_out(&block, laid.data, laid.len, slots,
		                    cases[c].count > 0 ? cases[c].count - 1 : 0);
		CU_ASSERT_EQUAL_FATAL(cdbmem_finish(&block), 0);
		CU_ASSERT(block.file.len == one.file.len &&
		          memcmp(block.file.data, one.file.data, one.file.len) == 0);
		cdbmem_free(&one);
		cdbmem_free(&block);
		buf_free(&laid);
		free(slots);
		free(tiny);
		free_records(r, cases[c].count);
	}
}

/* The hash is tinycdb's. */
static void
test_hash(void)
{
	static const char *const keys[] = {"", "a", "checksum", "session.history.17",
	                                   "\xc3\xa4\xff"};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		CU_ASSERT_EQUAL(cdbmem_hash(keys[i], strlen(keys[i])),
		                cdb_hash(keys[i], (unsigned)strlen(keys[i])));
}

/* A freed or zeroed builder frees nothing twice. */
static void
test_free(void)
{
	struct cdbmem c;

	memset(&c, 0, sizeof c);
	cdbmem_free(&c);
	cdbmem_start(&c, 10);
	cdbmem_add(&c, "k", 1, "v", 1);
	cdbmem_free(&c);
	cdbmem_free(&c);
	CU_ASSERT_PTR_NULL(c.file.data);
}

static int
suite_init(void)
{
	tmpdir = test_tmpdir();
	return 0;
}

static int
suite_clean(void)
{
	test_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

static CU_TestInfo cdbmem_tests[] = {
    {"the bytes of tinycdb, read back", test_like_tinycdb},
    {"tinycdb's hash", test_hash},
    {"freeing", test_free},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"cdbmem", suite_init, suite_clean, NULL, NULL, cdbmem_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
