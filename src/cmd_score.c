/*
 * cmd_score.c: the 'score' command (CLI layer).
 */
#include "config.h"

#include "cmd.h"

int
cmd_score(int argc, char **argv)
{
	(void)argc;
	cli_error("'%s' is not implemented yet", argv[0]);
	return EXIT_INVALID;
}
