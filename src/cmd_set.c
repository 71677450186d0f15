/*
 * cmd_set.c: the 'set' command (CLI layer).
 */
#include "config.h"

#include "cmd.h"

int
cmd_set(int argc, char **argv)
{
	(void)argc;
	cli_error("'%s' is not implemented yet", argv[0]);
	return EXIT_INVALID;
}
