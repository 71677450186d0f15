/*
 * main.c: command-line dispatch. Looks the first argument up in the command
 * table; with no argument, or a session file, it starts the interview (TUI).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct cmd_entry commands[] = {
    {"interview", "[SESSION] [--dir DIR] [--form FILE]",
     "open the interview (start screen without SESSION)", cmd_interview},
    {"new",
     "--kommune NAME [--datum YYYY-MM-DD] [--art erst|re] [--vorher PREV.cdb] "
     "[--form FILE] [--ihk NAME] [--auditor NAME] [--landkreis NAME] "
     "[--zentralitaet STUFE] [--dir DIR]",
     "start a new session and print its path", cmd_new},
    {"set",
     "SESSION KEY (VALUE | --clear) [--note TEXT] [--recommendation TEXT] "
     "[--evidence vorgelegt|nachzureichen|fehlt] [--due YYYY-MM-DD] [--evidence-text "
     "TEXT]",
     "change one record of a session and save it", cmd_set},
    {"score", "SESSION [--format text|tsv|json]", "compute the result", cmd_score},
    {"export",
     "SESSION [-o FILE.xlsx] [--intern | --fuer-kommune] [--logo FILE] [--force]",
     "write the Ergebnisformular (XLSX; the town's version unless --intern)", cmd_export},
    {"dump", "SESSION", "print every record as text", cmd_dump},
    {"load", "TEXT-FILE [--dir DIR]", "turn a dump back into a session", cmd_load},
    {"list", "[--dir DIR]", "list the sessions in the session directory", cmd_list},
    {"check-form", "FILE...", "validate Prüfbogen files", cmd_check_form},
    {"questions", "[--form FILE]", "list the questions of a form, tab-separated",
     cmd_questions},
    {"help", "[COMMAND]", "show this help", cmd_help},
    {"version", "", "show the version", cmd_version},
};

static const size_t command_count = sizeof commands / sizeof commands[0];

static const struct cmd_entry *
find_command(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
cli_usage(const char *command)
{
	const struct cmd_entry *c = find_command(command);
	if (c != NULL)
		fprintf(stderr, "usage: wohnort-audit %s %s\n", c->name, c->args);
	return EXIT_USAGE;
}

static int
cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		const struct cmd_entry *c = find_command(argv[1]);
		if (c == NULL) {
			cli_error("unknown command '%s'", argv[1]);
			return EXIT_USAGE;
		}
		printf("usage: wohnort-audit %s %s\n  %s\n", c->name, c->args,
		       c->summary);
		return EXIT_OK;
	}
	printf(
	    "usage: wohnort-audit [SESSION]\n"
	    "       wohnort-audit COMMAND [ARGS]\n\n"
	    "Without a command, opens the interview (the start screen, or SESSION).\n\n"
	    "Commands:\n");
	for (size_t i = 0; i < command_count; i++)
		printf("  %-11s %s\n", commands[i].name, commands[i].summary);
	printf("\n'wohnort-audit help COMMAND' shows a command's arguments; "
	       "man wohnort-audit has the details.\n");
	return EXIT_OK;
}

static int
cmd_version(int argc, char **argv)
{
	(void)argc, (void)argv;
	printf("%s\n", PACKAGE_STRING);
	return EXIT_OK;
}

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
		return cmd_interview(argc, argv);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(1, argv);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(1, argv);
	c = find_command(argv[1]);
	if (c != NULL)
		return c->run(argc - 1, argv + 1);
	if (argv[1][0] != '-' && strchr(argv[1], '/') == NULL &&
	    strstr(argv[1], ".cdb") == NULL) {
		cli_error("unknown command '%s' (try 'wohnort-audit help')", argv[1]);
		return EXIT_USAGE;
	}
	/* wohnort-audit SESSION [options]: the interview on that session. */
	argv[0] = (char *)"interview";
	return cmd_interview(argc, argv);
}
