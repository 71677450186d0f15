/*
 * test_main.c: the shared CUnit runner and small file helpers for the suites.
 */
#include "config.h"

#include <CUnit/Basic.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_main.h"
#include "lib/util.h"

int
test_run(CU_SuiteInfo *suites)
{
	unsigned failures, run;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		fprintf(stderr, "CUnit: %s\n", CU_get_error_msg());
		CU_cleanup_registry();
		return 99;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	if (CU_basic_run_tests() != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 99;
	}
	failures = CU_get_number_of_failures() + CU_get_number_of_suites_failed();
	run = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	if (run == 0) {
		fprintf(stderr, "no test was run\n");
		return 1;
	}
	return failures == 0 ? 0 : 1;
}

char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = xasprintf("%s/wa-test-XXXXXX", base && *base ? base : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return dir;
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void
test_rmtree(const char *path)
{
	if (path != NULL)
		nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *
test_srcfile(const char *relative)
{
	const char *src = getenv("WA_SRCDIR");
	return xasprintf("%s/%s", src && *src ? src : ABS_TOP_SRCDIR, relative);
}
