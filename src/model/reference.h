/*
 * reference.h: reference data shipped in data/ for choosers in the UI, such
 * as the list of IHKs and their areas. Reads files; never prints.
 */
#ifndef REFERENCE_H
#define REFERENCE_H

#include <stddef.h>

struct reference_ihk {
	char *name; /* "IHK Limburg" */
	char *area; /* "Landkreis Limburg-Weilburg"; "" when the file gives none */
};

/*
 * reference_ihk_load: read the IHK list at path (format: one "Name|Gebiet"
 * per line, UTF-8; '#' comment lines and empty lines are skipped; see
 * data/ihk.txt). On success returns 0 and sets *list (caller frees with
 * reference_ihk_free) and *count, in file order. Returns -1 with *why set
 * (caller frees; "PATH:LINE: message" for a bad line) when the file cannot be
 * read, is not UTF-8, has a line without '|' or with an empty name, or names
 * the same IHK twice; *list and *count are untouched then.
 */
int reference_ihk_load(const char *path, struct reference_ihk **list, size_t *count,
                       char **why);

/*
 * reference_ihk_for_landkreis: the IHK whose area names the Landkreis (or
 * kreisfreie Stadt) landkreis: compared without case, without a leading
 * "Landkreis", "Kreis" or "Stadt" and without a trailing "kreis", so
 * "Landkreis Bergstraße", "Wetteraukreis" and "Ostalbkreis" are found in
 * "Landkreise Bergstraße, …", "Wetterau" and "Ostalbkreis und Heidenheim".
 * Returns the list entry's name (borrowed), or NULL when none names it.
 */
const char *reference_ihk_for_landkreis(const struct reference_ihk *list, size_t count,
                                        const char *landkreis);

/* Free a list from reference_ihk_load; (NULL, 0) does nothing. */
void reference_ihk_free(struct reference_ihk *list, size_t count);

#endif
