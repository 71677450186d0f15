/*
 * cmd_version.c: the 'version' command (also --version): prints the
 * package name and version. CLI layer.
 */
#include "config.h"

#include <stdio.h>

#include "cli/cmd.h"

static int
run_version(const struct cmd_args *a)
{
	(void)a;
	printf("%s\n", PACKAGE_STRING);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}

const struct cmd_entry cmd_version_entry = {
    .name = "version",
    .args = "",
    .summary = "show the version",
    .operands_min = 0,
    .operands_max = 0,
    .run = run_version,
};
