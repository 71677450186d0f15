/*
 * cmd_list.c: the 'list' command: one tab-separated line per session in the
 * session directory (file, Kommune, Datum, Art, answered/total); unreadable
 * files get a line with their error and make the exit status 2. CLI layer.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/util.h"

enum { OPT_DIR };

static const struct cmd_option list_options[] = {
    [OPT_DIR] = {"dir", 0, "DIR", "Verzeichnis der Sitzungen", NULL},
};

/* The file name part of path. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Print text with tabs and line breaks as spaces, so that every session
 * stays one tab-separated line, and other control characters, escape
 * sequences and invalid UTF-8 as U+FFFD. */
static void
print_field(const char *text)
{
	char *safe = utf8_sanitize(text, text != NULL ? strlen(text) : 0, UTF8_ONE_LINE);
	fputs(safe, stdout);
	free(safe);
}

static int
run_list(const struct cmd_args *a)
{
	struct session_summary *list = NULL;
	size_t count = 0;
	char *dir, *why = NULL;
	struct stat st;
	int status = EXIT_OK;

	dir = paths_session_dir(a->option[OPT_DIR], 0, &why);
	if (dir == NULL) {
		cli_error("%s", why);
		free(why);
		return EXIT_INVALID;
	}
	if (stat(dir, &st) != 0 && errno == ENOENT) {
		free(dir);
		return EXIT_OK; /* no session yet */
	}
	if (session_list(dir, &list, &count, &why) != 0) {
		cli_error("%s", why);
		free(why);
		free(dir);
		return EXIT_INVALID;
	}
	for (size_t i = 0; i < count; i++) {
		const struct session_summary *e = &list[i];
		print_field(base_name(e->path));
		if (e->error != NULL) {
			fputs("\tFEHLER: ", stdout);
			print_field(e->error);
			putchar('\n');
			status = EXIT_INVALID;
			continue;
		}
		putchar('\t');
		print_field(e->kommune);
		putchar('\t');
		print_field(e->datum);
		putchar('\t');
		print_field(e->art);
		printf("\t%d/%d\n", e->answered, e->total);
	}
	session_summaries_free(list, count);
	free(dir);
	if (fflush(stdout) != 0)
		return EXIT_INVALID;
	return status;
}

const struct cmd_entry cmd_list_entry = {
    .name = "list",
    .args = "",
    .summary = "list the sessions in the session directory",
    .options = list_options,
    .option_count = CMD_COUNT(list_options),
    .operands_min = 0,
    .operands_max = 0,
    .run = run_list,
};
