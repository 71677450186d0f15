/*
 * test_atomicfile.c: CUnit suite for the atomic-file writer (src/lib/atomicfile.c):
 * a committed file has the data and mode 0600 whatever the umask; no temp
 * file is left after commit or abort; ATOMICFILE_NO_REPLACE never replaces
 * (also where the target is a dangling symbolic link); a symbolic link at
 * the target is replaced as a name, never written through; stale temp files
 * are removed unless a live writer holds them; copy and the no-replace
 * rename. (The filter every printed text goes through is tested in
 * test_utf8.c.)
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/atomicfile.h"
#include "test_main.h"
#include "lib/util.h"

/* Number of entries in dir whose names start with prefix. */
static int
count_prefixed(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

/* The whole content of path (caller frees); NULL when unreadable. */
static char *
slurp(const char *path)
{
	char *data = NULL, *why = NULL;
	size_t len;
	if (file_read_all(path, 1 << 20, &data, &len, &why) != 0) {
		free(why);
		return NULL;
	}
	return data;
}

static void
test_write_and_modes(void)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/f.txt", dir), *why = NULL, *got;
	mode_t old = umask(0);
	struct stat st;
	int unprotected = -1;

	CU_ASSERT_EQUAL(
	    atomicfile_write_all(path, "eins", 4, ATOMICFILE_REPLACE, &unprotected, &why),
	    0);
	umask(old);
	CU_ASSERT_EQUAL(unprotected, 0);
	CU_ASSERT_EQUAL_FATAL(stat(path, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 07777, 0600);
	got = slurp(path);
	CU_ASSERT_STRING_EQUAL(got, "eins");
	free(got);
	/* replace */
	CU_ASSERT_EQUAL(
	    atomicfile_write_all(path, "zwei", 4, ATOMICFILE_REPLACE, NULL, &why), 0);
	got = slurp(path);
	CU_ASSERT_STRING_EQUAL(got, "zwei");
	free(got);
	/* no replace: EEXIST, the file unchanged */
	errno = 0;
	CU_ASSERT_EQUAL(
	    atomicfile_write_all(path, "drei", 4, ATOMICFILE_NO_REPLACE, NULL, &why), -1);
	CU_ASSERT_EQUAL(errno, EEXIST);
	CU_ASSERT_PTR_NOT_NULL(why);
	free(why);
	why = NULL;
	got = slurp(path);
	CU_ASSERT_STRING_EQUAL(got, "zwei");
	free(got);
	CU_ASSERT_EQUAL(count_prefixed(dir, "f.txt.tmp-"), 0);
	free(path);
	test_rmtree(dir);
	free(dir);
}

static void
test_links(void)
{
	char *dir = test_tmpdir(), *victim = xasprintf("%s/victim", dir),
	     *link = xasprintf("%s/link", dir), *dangling = xasprintf("%s/dangling", dir),
	     *nowhere = xasprintf("%s/nirgends", dir), *why = NULL, *got;
	struct stat st;

	CU_ASSERT_EQUAL(
	    atomicfile_write_all(victim, "bleibt", 6, ATOMICFILE_REPLACE, NULL, &why), 0);
	CU_ASSERT_EQUAL_FATAL(symlink(victim, link), 0);
	/* replacing a link replaces the name, never the file it points to */
	CU_ASSERT_EQUAL(
	    atomicfile_write_all(link, "neu", 3, ATOMICFILE_REPLACE, NULL, &why), 0);
	got = slurp(victim);
	CU_ASSERT_STRING_EQUAL(got, "bleibt");
	free(got);
	CU_ASSERT_EQUAL(lstat(link, &st), 0);
	CU_ASSERT(S_ISREG(st.st_mode));
	/* a dangling link counts as taken for NO_REPLACE, and is not followed */
	CU_ASSERT_EQUAL_FATAL(symlink("nirgends", dangling), 0);
	CU_ASSERT_EQUAL(
	    atomicfile_write_all(dangling, "x", 1, ATOMICFILE_NO_REPLACE, NULL, &why),
	    -1);
	free(why);
	CU_ASSERT_EQUAL(access(nowhere, F_OK), -1);
	CU_ASSERT_EQUAL(lstat(dangling, &st), 0);
	CU_ASSERT(S_ISLNK(st.st_mode));
	free(victim);
	free(link);
	free(dangling);
	free(nowhere);
	test_rmtree(dir);
	free(dir);
}

static void
test_abort_and_stale(void)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/g.xlsx", dir),
	     *prefix = xasprintf("%s/.probe-", dir);
	struct atomicfile live, dead;
	char buf[64];
	int fd;

	CU_ASSERT_EQUAL_FATAL(atomicfile_begin(&live, path, prefix), 0);
	CU_ASSERT_EQUAL_FATAL(atomicfile_begin(&dead, path, prefix), 0);
	CU_ASSERT_EQUAL(atomicfile_write(&dead, "x", 1), 0);
	/* the temp can be opened by a library through /proc without its name */
	fd = open(atomicfile_open_path(&live, buf, sizeof buf), O_WRONLY);
	CU_ASSERT(fd >= 0);
	if (fd >= 0)
		close(fd);
	/* "kill" dead: drop its lock by closing, leave the file */
	close(dead.fd);
	dead.fd = -1;
	free(dead.temp);
	dead.temp = NULL;
	atomicfile_abort(&dead);
	CU_ASSERT_EQUAL(count_prefixed(dir, ".probe-"), 2);
	/* only the one nobody holds is stale */
	CU_ASSERT_EQUAL(atomicfile_remove_stale(dir, ".probe-"), 1);
	CU_ASSERT_EQUAL(count_prefixed(dir, ".probe-"), 1);
	atomicfile_abort(&live);
	CU_ASSERT_EQUAL(count_prefixed(dir, ".probe-"), 0);
	CU_ASSERT_EQUAL(access(path, F_OK), -1);
	free(path);
	free(prefix);
	test_rmtree(dir);
	free(dir);
}

static void
test_copy_and_rename(void)
{
	char *dir = test_tmpdir(), *a = xasprintf("%s/a", dir),
	     *b = xasprintf("%s/b", dir), *c = xasprintf("%s/c", dir), *why = NULL, *got;

	CU_ASSERT_EQUAL(
	    atomicfile_write_all(a, "inhalt", 6, ATOMICFILE_REPLACE, NULL, &why), 0);
	CU_ASSERT_EQUAL(atomicfile_copy(a, b), 0);
	got = slurp(b);
	CU_ASSERT_STRING_EQUAL(got, "inhalt");
	free(got);
	CU_ASSERT_EQUAL(symlink(a, c), 0);
	/* copy never reads through a link */
	CU_ASSERT_EQUAL(atomicfile_copy(c, b), -1);
	CU_ASSERT_EQUAL(errno, ELOOP);
	/* rename without replacing */
	errno = 0;
	CU_ASSERT_EQUAL(atomicfile_rename_noreplace(a, b), -1);
	CU_ASSERT_EQUAL(errno, EEXIST);
	CU_ASSERT_EQUAL(unlink(b), 0);
	CU_ASSERT_EQUAL(atomicfile_rename_noreplace(a, b), 0);
	CU_ASSERT_EQUAL(access(a, F_OK), -1);
	CU_ASSERT(atomicfile_unsupported(EPERM) && atomicfile_unsupported(EINVAL) &&
	          !atomicfile_unsupported(ENOSPC) && !atomicfile_unsupported(EEXIST));
	free(a);
	free(b);
	free(c);
	test_rmtree(dir);
	free(dir);
}

static CU_TestInfo atomicfile_tests[] = {
    {"write, replace, no replace, modes", test_write_and_modes},
    {"symbolic links", test_links},
    {"abort and stale temp files", test_abort_and_stale},
    {"copy and rename without replacing", test_copy_and_rename},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"atomicfile", NULL, NULL, NULL, NULL, atomicfile_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
