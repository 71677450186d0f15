/*
 * main.c: the program's entry: sets the locale, then hands the command line
 * to the command named by the first argument (commands.c). With no
 * argument, options only, or a session file first, it runs the interview.
 * CLI layer.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli/cmd.h"

/*
 * The locale categories taken from the environment: characters (ncursesw,
 * UTF-8), sorting, system messages and time names. LC_NUMERIC stays "C", so
 * that no number written to a file (workbook, JSON, TSV, snapshot, dump) can
 * get a decimal comma; the German number format of the text output is
 * written by hand.
 */
static const int locale_categories[] = {LC_CTYPE, LC_COLLATE, LC_MESSAGES, LC_TIME};

int
main(int argc, char **argv)
{
	const struct cmd_entry *c;

	for (size_t i = 0; i < sizeof locale_categories / sizeof locale_categories[0];
	     i++)
		setlocale(locale_categories[i], "");
	if (argc < 2)
		return cmd_run(cmd_find("interview"), argc, argv);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_run(cmd_find("help"), 1, argv);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_run(cmd_find("version"), 1, argv);
	c = cmd_find(argv[1]);
	if (c != NULL)
		return cmd_run(c, argc - 1, argv + 1);
	if (argv[1][0] != '-' && strchr(argv[1], '/') == NULL &&
	    strstr(argv[1], ".cdb") == NULL) {
		cli_error("unknown command '%s' (try 'wohnort-audit help')", argv[1]);
		return EXIT_USAGE;
	}
	/* wohnort-audit SESSION [options], or options only: the interview. */
	return cmd_run(cmd_find("interview"), argc, argv);
}
