/*
 * test_main.h: the shared CUnit runner. CU_basic_run_tests() returns 0 even
 * when assertions fail, so test_run() counts failures itself and returns the
 * process exit status (0 all passed, 1 a failure, 99 a framework error).
 */
#ifndef TEST_MAIN_H
#define TEST_MAIN_H

#include <CUnit/CUnit.h>

/* Register the NULL-terminated suite table and run it verbosely. */
int test_run(CU_SuiteInfo *suites);

/* A fresh empty temporary directory (mode 0700) for one test; caller frees. */
char *test_tmpdir(void);

/* Remove a directory tree made by test_tmpdir. */
void test_rmtree(const char *path);

/* Absolute path of a file in the source tree (WA_SRCDIR or ABS_TOP_SRCDIR). */
char *test_srcfile(const char *relative);

#endif
