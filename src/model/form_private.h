/*
 * form_private.h: the form loader's tree and schema helpers, shared by
 * form.c and the kind files (kind_*.c) that read their own YAML keys. Not
 * for any other file: the rest of the program sees only struct form.
 * Every helper reports problems into the load's error list (FILE:LINE:COLUMN)
 * and never prints.
 */
#ifndef FORM_PRIVATE_H
#define FORM_PRIVATE_H

#include <stddef.h>

#include "model/form.h"

enum ynode_kind { YN_SCALAR, YN_MAP, YN_SEQ };

/* One YAML node with its position; a map holds key, value, key, value, … */
struct ynode {
	enum ynode_kind kind;
	char *text; /* scalar text (NUL-terminated copy) */
	size_t len;
	int plain; /* scalar written without quotes */
	int line, column;
	struct ynode **child;
	size_t count;
};

/* The state of one load: where errors go and what is being built. */
struct form_loader {
	const char *name;
	struct form_errors *errors;
	struct form *form;
	const struct ynode **show_if_nodes; /* per question, the show_if value */
	char **scratch; /* shortened copies for messages, freed after the load */
	size_t scratch_count;
	/* the keys a question may have: the common ones, then every kind's own
	 * (kind.h), NULL-terminated */
	const char *question_keys[32];
};

/* Report a problem at node at (NULL: no position). */
void form_err(struct form_loader *ld, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* s as quoted in a message: shortened, control characters as spaces. The
 * copy lives until the load ends. */
const char *form_brief(struct form_loader *ld, const char *s);

/* Is a scalar YAML's null (empty, ~ or null)? */
int form_is_null(const struct ynode *n);

/* What a node is, for messages: "a mapping", "a list", "empty" … */
const char *form_node_what(const struct ynode *n);

/* The value stored under key in map, or NULL. */
const struct ynode *form_map_get(const struct ynode *map, const char *key);

/* Report when n is not a mapping; returns 1 when it is. */
int form_expect_map(struct form_loader *ld, const struct ynode *n, const char *what);

/* Report unknown, duplicate and non-text keys of a mapping (allowed is
 * NULL-terminated, at most 32 names). */
void form_check_keys(struct form_loader *ld, const struct ynode *map,
                     const char *const *allowed, const char *what);

/* Report a missing required key of map. */
void form_missing(struct form_loader *ld, const struct ynode *map, const char *key,
                  const char *what);

/* A text value under key: a copy (caller frees), or NULL (reported when
 * required, or when present but not usable text). */
char *form_get_text(struct form_loader *ld, const struct ynode *map, const char *key,
                    int required, const char *what);

/* An integer under key into *out, in lo..hi. 1 when present and valid, 0
 * when absent (reported if required) or invalid (reported). */
int form_get_int(struct form_loader *ld, const struct ynode *map, const char *key,
                 int required, long lo, long hi, long *out, const char *what);

/* form_get_int into an int. */
int form_get_int_into(struct form_loader *ld, const struct ynode *map, const char *key,
                      int required, long lo, long hi, int *out, const char *what);

/* Does id match ^[a-z][a-z0-9_]*$ (with '-' too when dash), at most 64 bytes? */
int form_id_valid(const char *id, int dash);

/*
 * The loader's hash index of item numbers keyed by an id string (form.c):
 * name gives the id of item i of items. Adding and finding take constant
 * time, so checks over n items stay linear.
 */
typedef const char *index_name_fn(const void *items, size_t i);
struct form_index *form_index_new(void);
/* The number of the item in items whose id is id, or -1. */
long form_index_find(const struct form_index *x, const void *items, index_name_fn *name,
                     const char *id);
/* Add item i (its id must not be in the index yet). */
void form_index_add(struct form_index *x, const void *items, index_name_fn *name,
                    size_t i);
/* form_index_free(NULL) does nothing. */
void form_index_free(struct form_index *x);

/* form_replaces.c: the `replaces:` list, read after the sections (the new
 * ids must resolve); and freeing it. */
void form_load_replaces(struct form_loader *ld, const struct ynode *root);
void form_replaced_free(struct form *f);

/* The options of a choice or multi question: at most max_options of them,
 * each with id, label, points and an optional recommendation. */
void form_load_options(struct form_loader *ld, struct form_question *q,
                       const struct ynode *qn, const char *what, size_t max_options);

#endif
