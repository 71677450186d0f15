/*
 * ui.c: the interview (ncursesw). Placeholder until the UI module lands.
 */
#include "config.h"

#include "cmd.h"

int
cmd_interview(int argc, char **argv)
{
	(void)argc, (void)argv;
	cli_error("the interview is not implemented yet");
	return EXIT_INVALID;
}
