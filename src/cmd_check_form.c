/*
 * cmd_check_form.c: the 'check-form' command (CLI layer).
 */
#include "config.h"

#include "cmd.h"

int
cmd_check_form(int argc, char **argv)
{
	(void)argc;
	cli_error("'%s' is not implemented yet", argv[0]);
	return EXIT_INVALID;
}
