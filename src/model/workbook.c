/*
 * workbook.c: the one way this program writes an XLSX workbook (see
 * workbook.h): target check, temp file, C locale, libxlsxwriter, mark,
 * close, rename. The writers (export.c, register_xlsx.c, …) only fill the
 * workbook. Model code: never prints, never exits.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unzip.h>

#include "lib/atomicfile.h"
#include "lib/util.h"
#include "model/outfile.h"
#include "model/workbook.h"

/* Text for a libxlsxwriter error, with errno when it says more. Caller frees. */
static char *
close_reason(lxw_error err, int saved_errno)
{
	if (saved_errno != 0)
		return xasprintf("%s (%s)", strerror(saved_errno), lxw_strerror(err));
	return xstrdup(lxw_strerror(err));
}

int
workbook_write(const char *path, const char *temp_prefix, unsigned flags,
               const struct session *s, int (*own)(const char *path),
               const char *what, workbook_build_fn build, void *ctx,
               int *unprotected, char **why)
{
	lxw_workbook_options opts = {0};
	struct atomicfile af = {.fd = -1};
	char *dir = NULL, *prefix = NULL, fdpath[64];
	locale_t c_locale = (locale_t)0, previous = (locale_t)0;
	lxw_workbook *wb;
	lxw_error err;
	struct stat st;
	int existed;

	if (unprotected != NULL)
		*unprotected = 0;
	if (outfile_check(path, s, flags, own, what, why) != 0)
		return -1;
	existed = lstat(path, &st) == 0;
	dir = atomicfile_dir_of(path);
	/* temp files of writers killed before their rename */
	atomicfile_remove_stale(dir, temp_prefix);
	prefix = xasprintf("%s/%s", dir, temp_prefix);
	if (atomicfile_begin(&af, path, prefix) != 0) {
		*why = xasprintf("%s: kann nicht geschrieben werden: %s", path,
		                 strerror(errno));
		goto fail;
	}
	if (unprotected != NULL)
		*unprotected = af.unprotected;
	/* libxlsxwriter prints numbers with printf: in a German locale every
	 * decimal of the XML would get a comma and the file would be corrupt.
	 * uselocale changes this thread only, and only until the workbook is
	 * written. */
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (c_locale == (locale_t)0) {
		*why =
		    xasprintf("%s: C-Locale nicht verfügbar: %s", path, strerror(errno));
		goto fail;
	}
	previous = uselocale(c_locale);
	opts.tmpdir = dir;
	/* libxlsxwriter writes to a file name: give it our temp file itself,
	 * never a name that could be swapped for a link in between */
	wb = workbook_new_opt(atomicfile_open_path(&af, fdpath, sizeof fdpath), &opts);
	if (wb == NULL) {
		*why = xasprintf("%s: Arbeitsmappe kann nicht angelegt werden", path);
		goto fail;
	}
	err = build(wb, ctx);
	/* lets a later writer tell its own workbook from any other file */
	if (err == LXW_NO_ERROR)
		err = workbook_set_custom_property_string(wb, WORKBOOK_MARK_NAME,
		                                          PACKAGE_STRING);
	if (err != LXW_NO_ERROR) {
		/* still close to free the workbook; its output is discarded */
		*why = xasprintf("%s: %s", path, lxw_strerror(err));
		workbook_close(wb);
		goto fail;
	}
	errno = 0;
	err = workbook_close(wb);
	if (err != LXW_NO_ERROR) {
		char *reason = close_reason(err, errno);
		*why = xasprintf("%s: kann nicht geschrieben werden: %s", path, reason);
		free(reason);
		goto fail;
	}
	uselocale(previous);
	previous = (locale_t)0;
	if (atomicfile_commit(&af, existed ? ATOMICFILE_REPLACE
	                                   : ATOMICFILE_NO_REPLACE) != 0) {
		int saved = errno;
		*why = af.placed ? xasprintf("%s: Verzeichnis nicht synchronisiert: %s",
		                             path, strerror(saved))
		       : saved == EEXIST
		           ? xasprintf("%s: ist inzwischen entstanden; nicht überschrieben",
		                       path)
		           : xasprintf("%s: kann nicht geschrieben werden: %s", path,
		                       strerror(saved));
		goto fail;
	}
	freelocale(c_locale);
	free(prefix);
	free(dir);
	return 0;

fail:
	if (previous != (locale_t)0)
		uselocale(previous);
	if (c_locale != (locale_t)0)
		freelocale(c_locale);
	atomicfile_abort(&af);
	free(prefix);
	free(dir);
	return -1;
}

/* The zip member name of z as a NUL-terminated string of at most about max
 * bytes (caller frees); NULL when absent or unreadable. */
static char *
zip_member(unzFile z, const char *name, size_t max)
{
	struct buf b = {0};
	char chunk[8192];
	int n;

	if (unzLocateFile(z, name, 1) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK)
		return NULL;
	while (b.len < max && (n = unzReadCurrentFile(z, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	unzCloseCurrentFile(z);
	buf_adds(&b, "");
	return buf_steal(&b);
}

int
workbook_is_own(const char *path)
{
	unzFile z = unzOpen64(path);
	char *custom, *core;
	int own;

	if (z == NULL)
		return 0;
	custom = zip_member(z, "docProps/custom.xml", 1u << 20);
	own = custom != NULL &&
	      strstr(custom, "name=\"" WORKBOOK_MARK_NAME "\"") != NULL &&
	      strstr(custom, ">" PACKAGE_NAME) != NULL &&
	      strstr(custom, "name=\"" WORKBOOK_TOWN_NAME "\"") == NULL;
	if (!own) {
		/* Ergebnisformulare written before the mark existed */
		core = zip_member(z, "docProps/core.xml", 1u << 20);
		own =
		    core != NULL &&
		    strstr(core, "<dc:title>Ergebnisformular „Ausgezeichneter Wohnort") !=
		        NULL;
		free(core);
	}
	free(custom);
	unzClose(z);
	return own;
}
