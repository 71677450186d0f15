/*
 * test_paths.c: CUnit tests of src/lib/paths.c: which session directory is
 * used (--dir, WOHNORT_AUDIT_DIR, XDG_DATA_HOME, HOME, and none of them),
 * creating it with its missing parents mode 0700 whatever the umask, an
 * existing directory keeping its mode, paths too long refused before
 * anything is made, a failure removing what it made, and the data
 * directory (the variable, the source tree from the build tree), the
 * user's and the system's configuration directories.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/paths.h"
#include "lib/util.h"
#include "test_main.h"

static char *tmpdir;

/* Set or unset an environment variable. */
static void
env(const char *name, const char *value)
{
	if (value != NULL)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

/* paths_session_dir without creating; "" when it fails (caller frees). */
static char *
session_dir(const char *option)
{
	char *why = NULL, *dir = paths_session_dir(option, 0, &why);

	if (dir == NULL) {
		CU_ASSERT_PTR_NOT_NULL(why);
		free(why);
		return xstrdup("");
	}
	CU_ASSERT_PTR_NULL(why);
	return dir;
}

/* The option first, then WOHNORT_AUDIT_DIR, XDG_DATA_HOME, HOME. */
static void
test_precedence(void)
{
	static const struct {
		const char *option, *dir, *xdg, *home, *want;
	} cases[] = {
	    {"/o", "/d", "/x", "/h", "/o"},
	    {NULL, "/d", "/x", "/h", "/d"},
	    {"", "/d", "/x", "/h", "/d"},
	    {NULL, NULL, "/x", "/h", "/x/wohnort-audit"},
	    {NULL, "", "/x", "/h", "/x/wohnort-audit"},
	    {NULL, NULL, "relativ", "/h", "/h/.local/share/wohnort-audit"},
	    {NULL, NULL, NULL, "/h", "/h/.local/share/wohnort-audit"},
	    {NULL, NULL, NULL, "relativ", ""},
	    {NULL, NULL, NULL, NULL, ""},
	};
	char *home = xstrdup(getenv("HOME"));

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got;
		env("WOHNORT_AUDIT_DIR", cases[i].dir);
		env("XDG_DATA_HOME", cases[i].xdg);
		env("HOME", cases[i].home);
		got = session_dir(cases[i].option);
		if (strcmp(got, cases[i].want) != 0)
			fprintf(stderr, "\ncase %zu: %s\n", i, got);
		CU_ASSERT_STRING_EQUAL(got, cases[i].want);
		free(got);
	}
	env("WOHNORT_AUDIT_DIR", NULL);
	env("XDG_DATA_HOME", NULL);
	env("HOME", home);
	free(home);
}

/* The mode bits of path, or -1. */
static int
mode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

/* Missing parents are made 0700 whatever the umask; an existing directory
 * keeps its mode. */
static void
test_create(void)
{
	char *base = xasprintf("%s/a", tmpdir), *deep = xasprintf("%s/a/b/c", tmpdir);
	char *shared = xasprintf("%s/shared", tmpdir), *why = NULL, *dir;
	mode_t old = umask(022);

	dir = paths_session_dir(deep, 1, &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	CU_ASSERT_STRING_EQUAL(dir, deep);
	CU_ASSERT_EQUAL(mode_of(base), 0700);
	CU_ASSERT_EQUAL(mode_of(deep), 0700);
	free(dir);
	/* again: nothing to do */
	dir = paths_session_dir(deep, 1, &why);
	CU_ASSERT_PTR_NOT_NULL(dir);
	free(dir);
	CU_ASSERT_EQUAL_FATAL(mkdir(shared, 0755), 0);
	CU_ASSERT_EQUAL(chmod(shared, 0755), 0);
	dir = paths_session_dir(shared, 1, &why);
	CU_ASSERT_PTR_NOT_NULL(dir);
	CU_ASSERT_EQUAL(mode_of(shared), 0755);
	free(dir);
	umask(old);
	free(base);
	free(deep);
	free(shared);
}

/* Too long: refused before anything is made. A file in the way: refused,
 * and what the call made is removed again. */
static void
test_create_refused(void)
{
	struct buf longpath = {0};
	char *first = xasprintf("%s/lang", tmpdir),
	     *short_first = xasprintf("%s/kurz", tmpdir);
	char *long_name = xasprintf("%s/kurz/%0*d", tmpdir, NAME_MAX + 1, 0);
	char *file = xasprintf("%s/datei", tmpdir), *made = xasprintf("%s/neu", tmpdir);
	char *through = xasprintf("%s/neu/../datei/unter", tmpdir), *why = NULL;
	FILE *f;

	buf_printf(&longpath, "%s/lang", tmpdir);
	while (longpath.len < PATH_MAX + 10)
		buf_adds(&longpath, "/verzeichnis");
	CU_ASSERT_PTR_NULL(paths_session_dir(longpath.data, 1, &why));
	CU_ASSERT(why != NULL && strstr(why, "zu lang") != NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(mode_of(first), -1); /* nothing was made */

	CU_ASSERT_PTR_NULL(paths_session_dir(long_name, 1, &why));
	CU_ASSERT(why != NULL && strstr(why, "zu lang") != NULL);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(mode_of(short_first), -1);

	/* "neu" is made, then "neu/../datei" is a file: refused, "neu" removed */
	f = fopen(file, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fclose(f);
	CU_ASSERT_PTR_NULL(paths_session_dir(through, 1, &why));
	CU_ASSERT(why != NULL && strstr(why, "kein Verzeichnis") != NULL);
	free(why);
	CU_ASSERT_EQUAL(mode_of(made), -1);

	buf_free(&longpath);
	free(first);
	free(short_first);
	free(long_name);
	free(file);
	free(made);
	free(through);
}

/* The data directory: the variable wins; from the build tree, the source
 * tree; the default form and reference files below it. */
static void
test_data_dir(void)
{
	char *form, *ihk;

	env("WOHNORT_AUDIT_DATADIR", "/opt/daten");
	CU_ASSERT_STRING_EQUAL(paths_data_dir(), "/opt/daten");
	form = paths_default_form();
	ihk = paths_data_file("ihk.txt");
	CU_ASSERT_STRING_EQUAL(form, "/opt/daten/forms/wohnort-muster.yaml");
	CU_ASSERT_STRING_EQUAL(ihk, "/opt/daten/data/ihk.txt");
	free(form);
	free(ihk);
	env("WOHNORT_AUDIT_DATADIR", NULL);
	/* this test program runs from the build tree */
	CU_ASSERT_STRING_EQUAL(paths_data_dir(), ABS_TOP_SRCDIR);
	form = paths_default_form();
	CU_ASSERT_EQUAL(access(form, R_OK), 0);
	free(form);
}

/* The configuration directories: XDG_CONFIG_HOME when absolute, else
 * ~/.config; the system's from WOHNORT_AUDIT_SYSCONFDIR, else SYSCONFDIR. */
static void
test_config_dirs(void)
{
	static const struct {
		const char *xdg, *home, *want;
	} cases[] = {
	    {"/x", "/h", "/x/wohnort-audit"},
	    {NULL, "/h", "/h/.config/wohnort-audit"},
	    {"", "/h", "/h/.config/wohnort-audit"},
	    {"relativ", "/h", "/h/.config/wohnort-audit"},
	    {NULL, "relativ", NULL},
	    {NULL, NULL, NULL},
	};
	char *home = xstrdup(getenv("HOME")), *xdg = xstrdup(getenv("XDG_CONFIG_HOME"));
	char *sys = xstrdup(getenv("WOHNORT_AUDIT_SYSCONFDIR")), *got;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		env("XDG_CONFIG_HOME", cases[i].xdg);
		env("HOME", cases[i].home);
		got = paths_config_dir();
		if (cases[i].want == NULL) {
			CU_ASSERT_PTR_NULL(got);
		} else {
			CU_ASSERT(got != NULL && strcmp(got, cases[i].want) == 0);
		}
		free(got);
	}
	env("WOHNORT_AUDIT_SYSCONFDIR", "/test/etc");
	got = paths_system_config_dir();
	CU_ASSERT_STRING_EQUAL(got, "/test/etc/wohnort-audit");
	free(got);
	env("WOHNORT_AUDIT_SYSCONFDIR", "");
	got = paths_system_config_dir();
	CU_ASSERT_STRING_EQUAL(got, SYSCONFDIR "/wohnort-audit");
	free(got);
	env("WOHNORT_AUDIT_SYSCONFDIR", sys);
	env("XDG_CONFIG_HOME", xdg);
	env("HOME", home);
	free(sys);
	free(xdg);
	free(home);
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

static CU_TestInfo paths_tests[] = {
    {"which session directory", test_precedence},
    {"creating it", test_create},
    {"refused without leftovers", test_create_refused},
    {"the data directory", test_data_dir},
    {"the configuration directories", test_config_dirs},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"paths", suite_init, suite_clean, NULL, NULL, paths_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
