/*
 * test_forms.c: CUnit tests of src/model/forms.c with temporary user,
 * system and data directories (XDG_CONFIG_HOME, WOHNORT_AUDIT_SYSCONFDIR,
 * WOHNORT_AUDIT_DATADIR): the search order (user, system, bundled; names
 * in byte order; only *.yaml and *.yml, no hidden files), the first valid
 * form of an id winning and shadowing later ones, invalid forms with their
 * first error as FILE:LINE:COLUMN, a directory that cannot be read, and
 * forms_resolve: a path, an id, an unknown id (naming the invalid forms),
 * the default from the configuration (id, relative path, unknown id with
 * FILE:LINE) and without it (the bundled form, or the form that shadows
 * it); the user's configuration winning over the system's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/util.h"
#include "model/forms.h"
#include "test_main.h"

static char *tmpdir;
static char *user_forms, *system_forms, *data_forms;

/* A valid form of id and edition. Caller frees. */
static char *
form_text(const char *id, const char *edition)
{
	return xasprintf(
	    "form: %s\n"
	    "title: Prüfbogen %s\n"
	    "edition: %s\n"
	    "pass: {total_percent: 50, section_min_percent: 25}\n"
	    "validity_years: {first: 3, renewal: 5}\n"
	    "goals: {count: 1, bonus: {erreicht: 2, teilweise: 1, "
	    "nicht_erreicht: 0}}\n"
	    "sections:\n"
	    "  - id: eins\n"
	    "    title: Erstes Feld\n"
	    "    questions:\n"
	    "      - {id: frage, type: yesno, text: Gibt es das?, points: 2}\n",
	    id, id, edition);
}

/* Write text to dir/name. */
static void
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	CU_ASSERT_EQUAL(fclose(f), 0);
	free(path);
}

/* Write a valid form of id and edition to dir/name. */
static void
put_form(const char *dir, const char *name, const char *id, const char *edition)
{
	char *text = form_text(id, edition);
	put(dir, name, text);
	free(text);
}

/* Empty the three directories and remove the configuration files. */
static void
reset(void)
{
	static const char *const made[] = {
	    "user", "user/wohnort-audit", "user/wohnort-audit/forms",
	    "sys",  "sys/wohnort-audit",  "sys/wohnort-audit/forms",
	    "data", "data/forms",
	};

	for (size_t i = 0; i < sizeof made / sizeof made[0]; i++)
		if (strchr(made[i], '/') == NULL) {
			char *p = xasprintf("%s/%s", tmpdir, made[i]);
			test_rmtree(p);
			free(p);
		}
	for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
		char *p = xasprintf("%s/%s", tmpdir, made[i]);
		CU_ASSERT_EQUAL(mkdir(p, 0700), 0);
		free(p);
	}
}

/* The entry's path relative to tmpdir ("user/…/a.yaml"). */
static const char *
rel(const struct forms_entry *e)
{
	size_t n = strlen(tmpdir);
	return strncmp(e->path, tmpdir, n) == 0 ? e->path + n + 1 : e->path;
}

/* Order, filtering, shadowing, invalid forms. */
static void
test_scan(void)
{
	struct forms *forms;

	reset();
	put_form(user_forms, "b.yaml", "ihk-b", "2026-01-01");
	put_form(user_forms, "a.yml", "ihk-a", "2025-06-30");
	put_form(user_forms, ".versteckt.yaml", "versteckt", "2025-01-01");
	put_form(user_forms, "notiz.txt", "notiz", "2025-01-01");
	put_form(user_forms, "logo.png", "logo", "2025-01-01");
	put(user_forms, "kaputt.yaml", "form: kaputt\ntitle: [\n");
	put_form(system_forms, "b.yaml", "ihk-b", "2023-01-01");
	put_form(system_forms, "wohnort-muster.yaml", "ihk-c", "2024-02-29");
	put_form(data_forms, "wohnort-muster.yaml", "wohnort-muster", "2023-05-11");
	put_form(data_forms, "z.yaml", "ihk-a", "2020-01-01");

	forms = forms_scan();
	CU_ASSERT_EQUAL_FATAL(forms->count, 7);
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[0]), "user/wohnort-audit/forms/a.yml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[1]),
	                       "user/wohnort-audit/forms/b.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[2]),
	                       "user/wohnort-audit/forms/kaputt.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[3]), "sys/wohnort-audit/forms/b.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[4]),
	                       "sys/wohnort-audit/forms/wohnort-muster.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[5]), "data/forms/wohnort-muster.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[6]), "data/forms/z.yaml");
	CU_ASSERT_EQUAL(forms->entries[0].origin, FORMS_USER);
	CU_ASSERT_EQUAL(forms->entries[3].origin, FORMS_SYSTEM);
	CU_ASSERT_EQUAL(forms->entries[5].origin, FORMS_BUNDLED);

	CU_ASSERT_STRING_EQUAL(forms->entries[0].id, "ihk-a");
	CU_ASSERT_STRING_EQUAL(forms->entries[0].edition, "2025-06-30");
	CU_ASSERT_STRING_EQUAL(forms->entries[0].title, "Prüfbogen ihk-a");
	CU_ASSERT_EQUAL(forms->entries[0].shadowed_by, -1);
	/* the system's ihk-b and the bundled ihk-a are shadowed by the user's */
	CU_ASSERT_EQUAL(forms->entries[3].shadowed_by, 1);
	CU_ASSERT_EQUAL(forms->entries[6].shadowed_by, 0);
	CU_ASSERT_EQUAL(forms->entries[4].shadowed_by, -1);
	CU_ASSERT_EQUAL(forms->entries[5].shadowed_by, -1);

	/* the invalid one: no id, its first error with line and column */
	{
		const struct forms_entry *e = &forms->entries[2];
		char *prefix = xasprintf("%s:", e->path);
		CU_ASSERT_PTR_NULL(e->id);
		CU_ASSERT_PTR_NULL(e->edition);
		CU_ASSERT_PTR_NOT_NULL_FATAL(e->error);
		CU_ASSERT_EQUAL(strncmp(e->error, prefix, strlen(prefix)), 0);
		/* FILE:LINE:COLUMN: with numbers */
		{
			int line = 0, column = 0;
			CU_ASSERT_EQUAL(
			    sscanf(e->error + strlen(prefix), "%d:%d:", &line, &column),
			    2);
			CU_ASSERT(line >= 2);
		}
		CU_ASSERT_PTR_NULL(strchr(e->error, '\n'));
		CU_ASSERT(e->error_count >= 1);
		free(prefix);
	}

	CU_ASSERT_EQUAL(forms_find(forms, "ihk-a"), 0);
	CU_ASSERT_EQUAL(forms_find(forms, "ihk-b"), 1);
	CU_ASSERT_EQUAL(forms_find(forms, "ihk-c"), 4);
	CU_ASSERT_EQUAL(forms_find(forms, "kaputt"), -1);
	CU_ASSERT_EQUAL(forms_find(forms, "gibtsnicht"), -1);
	CU_ASSERT_TRUE(forms_usable(forms, 0));
	CU_ASSERT_FALSE(forms_usable(forms, 2));
	CU_ASSERT_FALSE(forms_usable(forms, 3));
	CU_ASSERT_FALSE(forms_usable(forms, 99));
	forms_free(forms);
	forms_free(NULL);
}

/* Editions of one form side by side in one directory are forms of their
 * own: both usable, the id picks the newest; the same edition twice, or the
 * id in an earlier directory, still shadows. */
static void
test_editions(void)
{
	struct forms *forms;

	reset();
	put_form(data_forms, "muster-2026.yaml", "muster", "2026-03-01");
	put_form(data_forms, "muster.yaml", "muster", "2023-05-11");
	put_form(data_forms, "muster-kopie.yaml", "muster", "2023-05-11");
	forms = forms_scan();
	CU_ASSERT_EQUAL_FATAL(forms->count, 3);
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[0]), "data/forms/muster-2026.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[1]), "data/forms/muster-kopie.yaml");
	CU_ASSERT_STRING_EQUAL(rel(&forms->entries[2]), "data/forms/muster.yaml");
	CU_ASSERT_TRUE(forms_usable(forms, 0));
	CU_ASSERT_TRUE(forms_usable(forms, 1));
	CU_ASSERT_EQUAL(forms->entries[2].shadowed_by, 1);
	CU_ASSERT_EQUAL(forms_find(forms, "muster"), 0);
	forms_free(forms);

	/* listed the other way round, the newest still wins */
	reset();
	put_form(data_forms, "a.yaml", "muster", "2023-05-11");
	put_form(data_forms, "b.yaml", "muster", "2026-03-01");
	put_form(system_forms, "alt.yaml", "muster", "2020-01-01");
	forms = forms_scan();
	CU_ASSERT_EQUAL_FATAL(forms->count, 3);
	/* the machine's directory comes first and shadows both bundled ones */
	CU_ASSERT_EQUAL(forms_find(forms, "muster"), 0);
	CU_ASSERT_EQUAL(forms->entries[1].shadowed_by, 0);
	CU_ASSERT_EQUAL(forms->entries[2].shadowed_by, 0);
	forms_free(forms);

	reset();
	put_form(data_forms, "a.yaml", "muster", "2023-05-11");
	put_form(data_forms, "b.yaml", "muster", "2026-03-01");
	forms = forms_scan();
	CU_ASSERT_EQUAL_FATAL(forms->count, 2);
	CU_ASSERT_EQUAL(forms_find(forms, "muster"), 1);
	CU_ASSERT_TRUE(forms_usable(forms, 0));
	forms_free(forms);
}

/* A directory that cannot be read is an invalid entry; one that does not
 * exist is none; the same directory twice is read once. */
static void
test_dirs(void)
{
	struct forms *forms;
	char *sys = xasprintf("%s/sys", tmpdir), *data = xasprintf("%s/data", tmpdir);
	char *shared = xasprintf("%s/sys/wohnort-audit", tmpdir);

	reset();
	test_rmtree(user_forms);
	put(tmpdir, "user/wohnort-audit/forms",
	    "keine Datei, ein Verzeichnis erwartet\n");
	test_rmtree(sys);
	put_form(data_forms, "wohnort-muster.yaml", "wohnort-muster", "2023-05-11");
	forms = forms_scan();
	CU_ASSERT_EQUAL_FATAL(forms->count, 2);
	CU_ASSERT_STRING_EQUAL(forms->entries[0].path, user_forms);
	CU_ASSERT(forms->entries[0].error != NULL &&
	          strncmp(forms->entries[0].error, user_forms, strlen(user_forms)) == 0);
	CU_ASSERT_PTR_NULL(forms->entries[0].id);
	CU_ASSERT_STRING_EQUAL(forms->entries[1].id, "wohnort-muster");
	CU_ASSERT_STRING_EQUAL(forms->dirs[FORMS_BUNDLED], data_forms);
	forms_free(forms);

	/* the data directory is the system's: its forms are listed once */
	reset();
	put_form(system_forms, "a.yaml", "ihk-a", "2025-01-01");
	setenv("WOHNORT_AUDIT_DATADIR", shared, 1);
	forms = forms_scan();
	CU_ASSERT_STRING_EQUAL(forms->dirs[FORMS_SYSTEM], forms->dirs[FORMS_BUNDLED]);
	CU_ASSERT_EQUAL(forms->count, 1);
	CU_ASSERT_EQUAL(forms->entries[0].origin, FORMS_SYSTEM);
	forms_free(forms);
	setenv("WOHNORT_AUDIT_DATADIR", data, 1);

	/* no HOME, no XDG_CONFIG_HOME: no user directory */
	{
		char *home = xstrdup(getenv("HOME")),
		     *xdg = xstrdup(getenv("XDG_CONFIG_HOME"));
		unsetenv("HOME");
		unsetenv("XDG_CONFIG_HOME");
		forms = forms_scan();
		CU_ASSERT_PTR_NULL(forms->dirs[FORMS_USER]);
		forms_free(forms);
		if (home != NULL)
			setenv("HOME", home, 1);
		setenv("XDG_CONFIG_HOME", xdg, 1);
		free(home);
		free(xdg);
	}
	free(shared);
	free(sys);
	free(data);
}

/* Resolve spec (NULL: default) with config; the path relative to tmpdir,
 * or "!" + the message. Caller frees. */
static char *
resolve(const struct forms *forms, const struct conffile *config, const char *spec,
        long *entry)
{
	char *path = NULL, *why = NULL, *out;

	if (forms_resolve(forms, config, spec, &path, entry, &why) != 0) {
		CU_ASSERT_PTR_NULL(path);
		out = xasprintf("!%s", why);
		free(why);
		return out;
	}
	CU_ASSERT_PTR_NULL(why);
	out =
	    xstrdup(strncmp(path, tmpdir, strlen(tmpdir)) == 0 ? path + strlen(tmpdir) + 1
	                                                       : path);
	free(path);
	return out;
}

/* A path, an id, an unknown id, the default without configuration. */
static void
test_resolve(void)
{
	struct forms *forms;
	char *got;
	long entry;

	reset();
	put_form(user_forms, "eigen.yaml", "eigen", "2026-01-01");
	put(user_forms, "kaputt.yaml", "form: [\n");
	put_form(system_forms, "ffm.yaml", "ihk-ffm", "2025-01-01");
	put_form(data_forms, "wohnort-muster.yaml", "wohnort-muster", "2023-05-11");
	forms = forms_scan();

	got = resolve(forms, NULL, "ihk-ffm", &entry);
	CU_ASSERT_STRING_EQUAL(got, "sys/wohnort-audit/forms/ffm.yaml");
	CU_ASSERT_EQUAL(entry, 2);
	free(got);
	got = resolve(forms, NULL, "irgendwo/anders.yaml", &entry);
	CU_ASSERT_STRING_EQUAL(got, "irgendwo/anders.yaml");
	CU_ASSERT_EQUAL(entry, -1);
	free(got);
	got = resolve(forms, NULL, "x.yml", &entry);
	CU_ASSERT_STRING_EQUAL(got, "x.yml");
	free(got);
	got = resolve(forms, NULL, forms->entries[0].path, &entry);
	CU_ASSERT_EQUAL(entry, 0);
	free(got);
	/* unknown: the message names the id, the directories and the invalid
	 * form that may have been meant */
	got = resolve(forms, NULL, "ihk-wi", &entry);
	CU_ASSERT(got[0] == '!' && strstr(got, "„ihk-wi“") != NULL &&
	          strstr(got, "kaputt.yaml") != NULL &&
	          strstr(got, system_forms) != NULL);
	free(got);
	/* the default: the bundled form */
	got = resolve(forms, NULL, NULL, &entry);
	CU_ASSERT_STRING_EQUAL(got, "data/forms/wohnort-muster.yaml");
	CU_ASSERT_EQUAL(entry, 3);
	free(got);
	forms_free(forms);

	/* the user's form of the bundled id shadows it, also as the default */
	put_form(user_forms, "muster-neu.yaml", "wohnort-muster", "2026-05-11");
	forms = forms_scan();
	got = resolve(forms, NULL, NULL, &entry);
	CU_ASSERT_STRING_EQUAL(got, "user/wohnort-audit/forms/muster-neu.yaml");
	free(got);
	got = resolve(forms, NULL, "wohnort-muster", &entry);
	CU_ASSERT_STRING_EQUAL(got, "user/wohnort-audit/forms/muster-neu.yaml");
	free(got);
	forms_free(forms);

	/* no bundled form at all: its path all the same (loading says why) */
	reset();
	forms = forms_scan();
	got = resolve(forms, NULL, NULL, &entry);
	CU_ASSERT_STRING_EQUAL(got, "data/forms/wohnort-muster.yaml");
	CU_ASSERT_EQUAL(entry, -1);
	free(got);
	forms_free(forms);
}

/* The configuration: user's over system's, an id, a path relative to the
 * file, an unknown id with FILE:LINE, a broken file. */
static void
test_config(void)
{
	struct conffile config = {0};
	struct forms *forms;
	char *why = NULL, *got, *user_config, *system_config;
	long entry;

	reset();
	user_config = xasprintf("%s/user/wohnort-audit/config", tmpdir);
	system_config = xasprintf("%s/sys/wohnort-audit/config", tmpdir);
	put_form(system_forms, "ffm.yaml", "ihk-ffm", "2025-01-01");
	put_form(data_forms, "wohnort-muster.yaml", "wohnort-muster", "2023-05-11");
	forms = forms_scan();

	/* none: the bundled form */
	CU_ASSERT_EQUAL(forms_config_read(&config, &why), 0);
	CU_ASSERT_EQUAL(config.count, 0);
	conffile_clear(&config);

	put(tmpdir, "sys/wohnort-audit/config", "# für alle\nform = ihk-ffm\n");
	CU_ASSERT_EQUAL(forms_config_read(&config, &why), 0);
	got = resolve(forms, &config, NULL, &entry);
	CU_ASSERT_STRING_EQUAL(got, "sys/wohnort-audit/forms/ffm.yaml");
	free(got);
	/* --form wins over the configuration */
	got = resolve(forms, &config, "wohnort-muster", &entry);
	CU_ASSERT_STRING_EQUAL(got, "data/forms/wohnort-muster.yaml");
	free(got);
	conffile_clear(&config);

	put(tmpdir, "user/wohnort-audit/config", "form = eigene/pruefbogen.yaml\n");
	CU_ASSERT_EQUAL(forms_config_read(&config, &why), 0);
	got = resolve(forms, &config, NULL, &entry);
	CU_ASSERT_STRING_EQUAL(got, "user/wohnort-audit/eigene/pruefbogen.yaml");
	CU_ASSERT_EQUAL(entry, -1);
	free(got);
	conffile_clear(&config);

	put(tmpdir, "user/wohnort-audit/config", "\nform = ihk-wi\n");
	CU_ASSERT_EQUAL(forms_config_read(&config, &why), 0);
	got = resolve(forms, &config, NULL, &entry);
	{
		char *prefix = xasprintf("!%s:2: form = ihk-wi: ", user_config);
		CU_ASSERT_EQUAL(strncmp(got, prefix, strlen(prefix)), 0);
		free(prefix);
	}
	free(got);
	conffile_clear(&config);

	/* a broken line in the system's file is reported with its FILE:LINE,
	 * even where the user's file sets the key */
	put(tmpdir, "user/wohnort-audit/config", "form = ihk-ffm\n");
	put(tmpdir, "sys/wohnort-audit/config", "form = a\nfarbe = rot\n");
	CU_ASSERT_EQUAL(forms_config_read(&config, &why), -1);
	{
		char *prefix = xasprintf("%s:2: ", system_config);
		CU_ASSERT(why != NULL && strncmp(why, prefix, strlen(prefix)) == 0);
		free(prefix);
	}
	free(why);
	conffile_clear(&config);

	forms_free(forms);
	free(user_config);
	free(system_config);
}

static int
suite_init(void)
{
	char *user, *sys, *data;

	tmpdir = test_tmpdir();
	user = xasprintf("%s/user", tmpdir);
	sys = xasprintf("%s/sys", tmpdir);
	data = xasprintf("%s/data", tmpdir);
	user_forms = xasprintf("%s/user/wohnort-audit/forms", tmpdir);
	system_forms = xasprintf("%s/sys/wohnort-audit/forms", tmpdir);
	data_forms = xasprintf("%s/data/forms", tmpdir);
	setenv("XDG_CONFIG_HOME", user, 1);
	setenv("WOHNORT_AUDIT_SYSCONFDIR", sys, 1);
	setenv("WOHNORT_AUDIT_DATADIR", data, 1);
	free(user);
	free(sys);
	free(data);
	return 0;
}

static int
suite_clean(void)
{
	test_rmtree(tmpdir);
	free(tmpdir);
	free(user_forms);
	free(system_forms);
	free(data_forms);
	return 0;
}

static CU_TestInfo forms_tests[] = {
    {"search order, shadowing, invalid forms", test_scan},
    {"editions side by side in one directory", test_editions},
    {"directories missing or unreadable", test_dirs},
    {"a path, an id, the default", test_resolve},
    {"the configuration files", test_config},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"forms", suite_init, suite_clean, NULL, NULL, forms_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
