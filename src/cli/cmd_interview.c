/*
 * cmd_interview.c: the 'interview' command (also what runs without a
 * command, or with a session file as the only argument): reads its options
 * and hands over to the TUI's one entry point. CLI layer; the interview
 * itself lives in src/tui.
 */
#include "config.h"

#include <string.h>

#include "cli/cmd.h"
#include "tui/tui.h"

int
cmd_interview(int argc, char **argv)
{
	struct tui_options opt = {0};

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			opt.dir = argv[++i];
		else if (strcmp(argv[i], "--form") == 0 && i + 1 < argc)
			opt.form = argv[++i];
		else if (argv[i][0] == '-' || opt.session != NULL)
			return cli_usage("interview");
		else
			opt.session = argv[i];
	}
	switch (tui_run(&opt)) {
	case TUI_OK:
		return EXIT_OK;
	case TUI_NO_TERMINAL:
		return EXIT_USAGE;
	case TUI_LOCKED:
		return EXIT_LOCKED;
	case TUI_FAILED:
		break;
	}
	return EXIT_INVALID;
}
