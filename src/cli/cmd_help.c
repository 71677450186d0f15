/*
 * cmd_help.c: the 'help' command: the list of commands, one command's help
 * (the same as COMMAND --help), or with --complete every command and option
 * as tab-separated records for shell completion (cmd_print_table). All of
 * it is derived from the command table. CLI layer: prints.
 */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"

enum { OPT_COMPLETE };

static const struct cmd_option help_options[] = {
    [OPT_COMPLETE] = {"complete", 0, NULL,
                      "alle Befehle und Optionen maschinenlesbar (für die "
                      "Shell-Vervollständigung)",
                      NULL},
};

/* The list of commands with their summaries. */
static int
print_commands(void)
{
	printf("usage: wohnort-audit [SESSION]\n"
	       "       wohnort-audit COMMAND [ARGS]\n\n"
	       "Without a command, opens the interview (the start screen, or "
	       "SESSION).\n\n"
	       "Commands:\n");
	for (size_t i = 0; i < cmd_table_count; i++)
		printf("  %-11s %s\n", cmd_table[i]->name, cmd_table[i]->summary);
	printf("\n'wohnort-audit help COMMAND' shows a command's arguments; "
	       "man wohnort-audit has the details.\n");
	return 0;
}

static int
run_help(const struct cmd_args *a)
{
	int rc;

	if (a->option[OPT_COMPLETE] != NULL) {
		rc = cmd_print_table(stdout);
	} else if (a->operand_count == 1) {
		const struct cmd_entry *c = cmd_find(a->operands[0]);
		if (c == NULL) {
			cli_error("unknown command '%s'", a->operands[0]);
			return cmd_usage(a->entry);
		}
		rc = cmd_print_help(stdout, c);
	} else {
		rc = print_commands();
	}
	return rc == 0 && fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}

const struct cmd_entry cmd_help_entry = {
    .name = "help",
    .args = "[COMMAND]",
    .summary = "show this help",
    .options = help_options,
    .option_count = CMD_COUNT(help_options),
    .operands_min = 0,
    .operands_max = 1,
    .run = run_help,
};
