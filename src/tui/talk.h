/*
 * talk.h: the keys of the talk and the verdict, which work on every screen
 * like the global keys (global_run runs them after global_bindings) and
 * have a section of their own in the help: Strg-P shows or hides the
 * points, Strg-Z undoes the last change, Strg-R shows the changes of the
 * question, Strg-W moves the audit to its next phase. Included only by
 * src/tui files.
 */
#ifndef TALK_H
#define TALK_H

#include <stddef.h>

#include "tui/bind.h"

/* The help's heading for talk_bindings. */
#define TALK_HELP_TITLE "Gespräch, Verlauf und Abschluss"

extern const struct ui_binding talk_bindings[];
extern const size_t talk_binding_count;

#endif
