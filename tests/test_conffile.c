/*
 * test_conffile.c: CUnit tests of src/lib/conffile.c, table-driven: what a
 * `key = value` file yields (blanks, comments, BOM, Windows line ends, '#'
 * and '=' inside a value), and every refused line with the message naming
 * FILE:LINE (no '=', no key, unknown key, empty value, a key twice, control
 * characters, invalid UTF-8), a file that is missing (not an error), a
 * directory, a file too large; a refused file adds nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/conffile.h"
#include "lib/util.h"
#include "test_main.h"

static char *tmpdir;
static const char *const known[] = {"form", "farbe", NULL};

/* Write text (len bytes) to a file in tmpdir; its path (caller frees). */
static char *
write_file(const char *name, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(text, 1, len, f), len);
	CU_ASSERT_EQUAL(fclose(f), 0);
	return path;
}

/* Files that are read: the value of form and of farbe ("" when absent). */
static void
test_accepted(void)
{
	static const struct {
		const char *text, *form, *farbe;
		int form_line;
	} cases[] = {
	    {"form = ihk-ffm\n", "ihk-ffm", "", 1},
	    {"form=ihk-ffm", "ihk-ffm", "", 1},
	    {"  form\t=\t ihk-ffm  \n", "ihk-ffm", "", 1},
	    {"# Kommentar\n\n   # eingerückt\nform = a\n", "a", "", 4},
	    {"\xEF\xBB\xBF"
	     "form = a\r\nfarbe = nein\r\n",
	     "a", "nein", 1},
	    {"form = /pfad/mit # Raute.yaml\n", "/pfad/mit # Raute.yaml", "", 1},
	    {"form = a=b\n", "a=b", "", 1},
	    {"farbe = ja\nform = Prüfbogen.yaml\n", "Prüfbogen.yaml", "ja", 2},
	    {"", "", "", 0},
	    {"\n\n# nur Kommentar", "", "", 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = write_file("ok", cases[i].text, strlen(cases[i].text));
		struct conffile c = {0};
		const struct conffile_entry *form, *farbe;
		char *why = NULL;
		int rc = conffile_read(&c, path, known, &why);

		if (rc != 1)
			fprintf(stderr, "\ncase %zu: %s\n", i, why ? why : "?");
		CU_ASSERT_EQUAL(rc, 1);
		form = conffile_get(&c, "form");
		farbe = conffile_get(&c, "farbe");
		CU_ASSERT_STRING_EQUAL(form ? form->value : "", cases[i].form);
		CU_ASSERT_STRING_EQUAL(farbe ? farbe->value : "", cases[i].farbe);
		if (form != NULL) {
			CU_ASSERT_EQUAL(form->line, cases[i].form_line);
			CU_ASSERT_STRING_EQUAL(form->file, path);
		}
		free(why);
		conffile_clear(&c);
		free(path);
	}
}

/* Files that are refused: the message starts with FILE:LINE: and says
 * why; nothing is added to what was read before. */
static void
test_refused(void)
{
	static const struct {
		const char *text;
		size_t len; /* 0: strlen */
		int line;
		const char *says;
	} cases[] = {
	    {"form ihk-ffm\n", 0, 1, "kein „=“"},
	    {"# ok\n\nformular\n", 0, 3, "kein „=“"},
	    {" = ihk-ffm\n", 0, 1, "fehlt der Schlüssel"},
	    {"forms = ihk-ffm\n", 0, 1,
	     "unbekannter Schlüssel „forms“ (bekannt: form, farbe)"},
	    {"Form = a\n", 0, 1, "unbekannter Schlüssel „Form“"},
	    {"form =   \n", 0, 1, "„form =“ ohne Wert"},
	    {"form = a\nfarbe = b\nform = c\n", 0, 3, "„form“ steht schon in Zeile 1"},
	    {"form = a\x1b[31m\n", 0, 1, "Steuerzeichen"},
	    {"farbe = x\nform = a\rb\n", 0, 2, "Steuerzeichen"},
	    {"farbe = x\nform = a\0b\n", 20, 2, "Steuerzeichen"},
	    {"farbe = x\n\nform = \xC3\x28\n", 0, 3, "UTF-8"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		char *path = write_file("bad", cases[i].text, len);
		char *prefix = xasprintf("%s:%d: ", path, cases[i].line);
		struct conffile c = {0};
		char *why = NULL;

		/* something read before stays, nothing of the bad file is added */
		char *good = write_file("good", "farbe = gut\n", 12);
		CU_ASSERT_EQUAL(conffile_read(&c, good, known, &why), 1);
		CU_ASSERT_EQUAL(conffile_read(&c, path, known, &why), -1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(why);
		if (strncmp(why, prefix, strlen(prefix)) != 0 ||
		    strstr(why, cases[i].says) == NULL)
			fprintf(stderr, "\ncase %zu: %s\n", i, why);
		CU_ASSERT_EQUAL(strncmp(why, prefix, strlen(prefix)), 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(why, cases[i].says));
		CU_ASSERT_EQUAL(c.count, 1);
		CU_ASSERT_PTR_NULL(conffile_get(&c, "form"));
		free(why);
		conffile_clear(&c);
		free(good);
		free(prefix);
		free(path);
	}
}

/* Missing: 0 and nothing added. A directory, a file too large: -1. Two
 * files: conffile_get gives the one read first. */
static void
test_files(void)
{
	char *missing = xasprintf("%s/gibtsnicht/config", tmpdir);
	char *dir = xasprintf("%s/verzeichnis", tmpdir), *why = NULL;
	struct conffile c = {0};
	struct buf big = {0};
	char *first, *second, *large;

	CU_ASSERT_EQUAL(conffile_read(&c, missing, known, &why), 0);
	CU_ASSERT_PTR_NULL(why);
	CU_ASSERT_EQUAL(c.count, 0);

	CU_ASSERT_EQUAL_FATAL(mkdir(dir, 0700), 0);
	CU_ASSERT_EQUAL(conffile_read(&c, dir, known, &why), -1);
	CU_ASSERT(why != NULL && strstr(why, "Verzeichnis") != NULL);
	free(why);
	why = NULL;

	while (big.len <= CONFFILE_MAX_SIZE)
		buf_adds(&big, "# ein langer Kommentar, Zeile um Zeile\n");
	large = write_file("gross", big.data, big.len);
	CU_ASSERT_EQUAL(conffile_read(&c, large, known, &why), -1);
	CU_ASSERT(why != NULL && strstr(why, "zu groß") != NULL);
	free(why);
	why = NULL;

	first = write_file("erste", "form = nutzer\n", 14);
	second = write_file("zweite", "farbe = ja\nform = system\n", 25);
	CU_ASSERT_EQUAL(conffile_read(&c, first, known, &why), 1);
	CU_ASSERT_EQUAL(conffile_read(&c, second, known, &why), 1);
	CU_ASSERT_STRING_EQUAL(conffile_get(&c, "form")->value, "nutzer");
	CU_ASSERT_STRING_EQUAL(conffile_get(&c, "form")->file, first);
	CU_ASSERT_STRING_EQUAL(conffile_get(&c, "farbe")->value, "ja");
	CU_ASSERT_EQUAL(conffile_get(&c, "farbe")->line, 1);
	conffile_clear(&c);
	CU_ASSERT_EQUAL(c.count, 0);
	conffile_clear(&c); /* twice: nothing happens */

	buf_free(&big);
	free(large);
	free(first);
	free(second);
	free(missing);
	free(dir);
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

static CU_TestInfo tests[] = {
    {"accepted files", test_accepted},
    {"refused lines name FILE:LINE", test_refused},
    {"missing, directory, too large, two files", test_files},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"conffile", suite_init, suite_clean, NULL, NULL, tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
