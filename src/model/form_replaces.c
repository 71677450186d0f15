/*
 * form_replaces.c: the form loader's part for `replaces:`, the earlier
 * editions a Prüfbogen replaces and how their question ids map (renamed,
 * merged, retired, new; a question not listed keeps its id). Checks what
 * the form alone can tell, every problem at FILE:LINE:COLUMN: the new ids
 * exist, an old id is listed once, two old questions never land on one new
 * question unless merged: says so, a new question is not also a target.
 * What needs the earlier edition itself (do its ids exist, can an answer
 * carry over to the new type) is model/edition.c's check. Linear in the
 * size of the list. Never prints.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/form.h"
#include "model/form_private.h"

static const char *const replaces_keys[] = {
    "form", "edition", "renamed", "merged", "retired", "new", NULL,
};

/* index_name_fn of a mappings array: the old id. */
static const char *
mapping_name(const void *items, size_t i)
{
	return ((const struct form_mapping *)items)[i].old_id;
}

/* index_name_fn of the entries' "form@edition" keys. */
static const char *
entry_name(const void *items, size_t i)
{
	return ((char *const *)items)[i];
}

/* What the list's entries share while they are read. */
struct replaces_state {
	struct form_loader *ld;
	/* per question of this form: the mapping of the current entry that
	 * lands on it (valid when stamp[q] is the current entry + 1) */
	size_t *target;
	size_t *stamp;
	size_t entry;
	struct form_replaced *r;
	const char *what; /* "edition 2023-05-11 in 'replaces'" */
};

/* The words for a mapping kind in messages. */
static const char *
kind_words(enum form_mapping_kind k)
{
	switch (k) {
	case FORM_MAPPING_RENAMED:
		return "renamed:";
	case FORM_MAPPING_MERGED:
		return "merged:";
	case FORM_MAPPING_RETIRED:
		return "retired:";
	case FORM_MAPPING_NEW:
		return "new:";
	}
	return "?";
}

/* Whether text is SECTION.QUESTION with two valid ids. */
static int
full_id_valid(const char *text)
{
	const char *dot = strchr(text, '.');
	char *section;
	int ok;

	if (dot == NULL || strchr(dot + 1, '.') != NULL)
		return 0;
	section = xstrndup(text, (size_t)(dot - text));
	ok = form_id_valid(section, 0) && form_id_valid(dot + 1, 0);
	free(section);
	return ok;
}

/* A scalar question id at n, or NULL (reported). */
static const char *
id_at(struct replaces_state *st, const struct ynode *n, const char *role)
{
	if (n->kind != YN_SCALAR || form_is_null(n)) {
		form_err(st->ld, n, "%s in %s must be a question id, not %s", role,
		         st->what, form_node_what(n));
		return NULL;
	}
	if (!full_id_valid(n->text)) {
		form_err(st->ld, n,
		         "invalid question id '%s' in %s: write SECTION.QUESTION as in "
		         "that edition",
		         form_brief(st->ld, n->text), st->what);
		return NULL;
	}
	return n->text;
}

/* The index of question id (a node) of this form, or -1 (reported). */
static int
new_question(struct replaces_state *st, const struct ynode *n)
{
	const char *id = id_at(st, n, "a question of this form");
	int q;

	if (id == NULL)
		return -1;
	q = form_find_question(st->ld->form, id);
	if (q < 0)
		form_err(st->ld, n,
		         "unknown question '%s' in %s: not a question of this form",
		         form_brief(st->ld, id), st->what);
	return q;
}

/*
 * Add one mapping of kind from the old id at old (NULL for new:) to question
 * q (-1 for retired:), where at says where it is written; conflicts are
 * reported and the mapping is then left out.
 */
static void
add_mapping(struct replaces_state *st, enum form_mapping_kind kind,
            const struct ynode *old, int q, const struct ynode *at)
{
	struct form_replaced *r = st->r;
	const char *old_id = NULL;
	struct form_mapping *m;

	if (old != NULL && (old_id = id_at(st, old, "an id of that edition")) == NULL)
		return;
	if (old_id != NULL) {
		long first =
		    form_index_find(r->old_index, r->mappings, mapping_name, old_id);
		if (first >= 0) {
			form_err(st->ld, old,
			         "'%s' is listed twice in %s (first at line %d)",
			         form_brief(st->ld, old_id), st->what,
			         r->mappings[first].line);
			return;
		}
	}
	if (kind == FORM_MAPPING_RENAMED &&
	    strcmp(old_id, st->ld->form->questions[q].full_id) == 0) {
		form_err(st->ld, old,
		         "'%s' is renamed to itself in %s: a question that keeps its id "
		         "needs no entry",
		         form_brief(st->ld, old_id), st->what);
		return;
	}
	if (q >= 0 && st->stamp[q] == st->entry + 1) {
		const struct form_mapping *before = &r->mappings[st->target[q]];
		const char *id = st->ld->form->questions[q].full_id;
		if (kind == FORM_MAPPING_RENAMED && before->kind == FORM_MAPPING_RENAMED)
			form_err(
			    st->ld, at,
			    "two questions of %s are renamed to '%s' ('%s' at line %d "
			    "and '%s'): list them under merged: if both become this "
			    "one question",
			    st->what, id, before->old_id, before->line, old_id);
		else if (kind == FORM_MAPPING_NEW && before->kind == FORM_MAPPING_NEW)
			form_err(st->ld, at,
			         "'%s' is listed twice under new: in %s (first "
			         "at line %d)",
			         id, st->what, before->line);
		else if (!(kind == FORM_MAPPING_MERGED &&
		           before->kind == FORM_MAPPING_MERGED))
			form_err(
			    st->ld, at,
			    "'%s' is under %s and under %s (line %d) in %s: a question "
			    "of this form is either new or takes over old ones",
			    id, kind_words(kind), kind_words(before->kind), before->line,
			    st->what);
		if (!(kind == FORM_MAPPING_MERGED && before->kind == FORM_MAPPING_MERGED))
			return;
	}
	/* capacity doubles at each power of two: n mappings cost O(n) */
	if (r->mapping_count == 0 || (r->mapping_count & (r->mapping_count - 1)) == 0)
		r->mappings = xreallocarray(
		    r->mappings, r->mapping_count ? 2 * r->mapping_count : 1, sizeof *m);
	m = &r->mappings[r->mapping_count];
	m->kind = kind;
	m->old_id = xstrdup(old_id);
	m->question = q;
	m->line = at->line;
	m->column = at->column;
	if (old_id != NULL)
		form_index_add(r->old_index, r->mappings, mapping_name, r->mapping_count);
	if (q >= 0 && st->stamp[q] != st->entry + 1) {
		st->stamp[q] = st->entry + 1;
		st->target[q] = r->mapping_count;
	}
	r->mapping_count++;
}

/* Report n unless it is a list; 1 when it is one. */
static int
expect_list(struct replaces_state *st, const struct ynode *n, const char *key)
{
	if (n->kind == YN_SEQ)
		return 1;
	form_err(st->ld, n, "'%s' in %s must be a list of question ids, not %s", key,
	         st->what, form_node_what(n));
	return 0;
}

/* renamed: {OLD: NEW, …} */
static void
load_renamed(struct replaces_state *st, const struct ynode *n)
{
	if (n->kind != YN_MAP) {
		form_err(st->ld, n, "'renamed' in %s must be a mapping OLD: NEW, not %s",
		         st->what, form_node_what(n));
		return;
	}
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		int q = new_question(st, n->child[i + 1]);
		if (q >= 0)
			add_mapping(st, FORM_MAPPING_RENAMED, n->child[i], q,
			            n->child[i]);
	}
}

/* merged: {NEW: [OLD, OLD, …], …} */
static void
load_merged(struct replaces_state *st, const struct ynode *n)
{
	if (n->kind != YN_MAP) {
		form_err(st->ld, n,
		         "'merged' in %s must be a mapping NEW: [OLD, OLD, …], not %s",
		         st->what, form_node_what(n));
		return;
	}
	for (size_t i = 0; i + 1 < n->count; i += 2) {
		const struct ynode *list = n->child[i + 1];
		int q = new_question(st, n->child[i]);

		if (!expect_list(st, list, "merged"))
			continue;
		if (list->count < 2) {
			form_err(
			    st->ld, list,
			    "merged: onto '%s' in %s needs at least two old questions "
			    "(one is renamed:)",
			    form_brief(st->ld, n->child[i]->text), st->what);
			continue;
		}
		if (q >= 0 && st->stamp[q] == st->entry + 1 &&
		    st->r->mappings[st->target[q]].kind == FORM_MAPPING_MERGED) {
			form_err(
			    st->ld, n->child[i],
			    "'%s' is listed twice under merged: in %s (first at line "
			    "%d)",
			    st->ld->form->questions[q].full_id, st->what,
			    st->r->mappings[st->target[q]].line);
			continue;
		}
		for (size_t k = 0; q >= 0 && k < list->count; k++)
			add_mapping(st, FORM_MAPPING_MERGED, list->child[k], q,
			            list->child[k]);
	}
}

/* retired: [OLD, …] and new: [NEW, …] */
static void
load_list(struct replaces_state *st, const struct ynode *n, enum form_mapping_kind kind)
{
	if (!expect_list(st, n, kind == FORM_MAPPING_NEW ? "new" : "retired"))
		return;
	for (size_t k = 0; k < n->count; k++) {
		if (kind == FORM_MAPPING_RETIRED) {
			add_mapping(st, kind, n->child[k], -1, n->child[k]);
		} else {
			int q = new_question(st, n->child[k]);
			if (q >= 0)
				add_mapping(st, kind, NULL, q, n->child[k]);
		}
	}
}

/* One entry of the list. */
static void
load_entry(struct replaces_state *st, const struct ynode *e, char **keys,
           struct form_index *seen)
{
	struct form *f = st->ld->form;
	struct form_replaced *r = &f->replaced[f->replaced_count];
	const struct ynode *form_node = form_map_get(e, "form");
	char *what;
	long dup;

	memset(r, 0, sizeof *r);
	r->line = e->line;
	r->column = e->column;
	r->old_index = form_index_new();
	keys[f->replaced_count] = NULL;
	f->replaced_count++;
	if (!form_expect_map(st->ld, e, "an entry of 'replaces'"))
		return;
	form_check_keys(st->ld, e, replaces_keys, "an entry of 'replaces'");
	if (form_node != NULL) {
		r->form_id =
		    form_get_text(st->ld, e, "form", 0, "an entry of 'replaces'");
		if (r->form_id != NULL && !form_id_valid(r->form_id, 1)) {
			form_err(st->ld, form_node,
			         "invalid form id '%s' in an entry of 'replaces'",
			         form_brief(st->ld, r->form_id));
			free(r->form_id);
			r->form_id = NULL;
		}
	} else {
		r->form_id = xstrdup(f->id);
	}
	r->edition = form_get_text(st->ld, e, "edition", 1, "an entry of 'replaces'");
	if (r->edition != NULL && !date_iso_valid(r->edition)) {
		form_err(st->ld, form_map_get(e, "edition"),
		         "'edition' in an entry of 'replaces' must be a date YYYY-MM-DD "
		         "that exists, not '%s'",
		         form_brief(st->ld, r->edition));
		free(r->edition);
		r->edition = NULL;
	}
	if (r->form_id == NULL || r->edition == NULL)
		return;
	if (f->id != NULL && f->edition != NULL && strcmp(r->form_id, f->id) == 0 &&
	    strcmp(r->edition, f->edition) == 0) {
		form_err(st->ld, form_map_get(e, "edition"),
		         "a form cannot replace its own edition %s", r->edition);
		return;
	}
	keys[f->replaced_count - 1] = xasprintf("%s@%s", r->form_id, r->edition);
	dup = form_index_find(seen, keys, entry_name, keys[f->replaced_count - 1]);
	if (dup >= 0) {
		form_err(st->ld, e,
		         "edition %s of '%s' is replaced twice (first at line %d)",
		         r->edition, r->form_id, f->replaced[dup].line);
		return;
	}
	form_index_add(seen, keys, entry_name, f->replaced_count - 1);

	what = xasprintf("edition %s in 'replaces'", r->edition);
	st->what = what;
	st->r = r;
	st->entry = f->replaced_count - 1;
	for (size_t i = 0; i + 1 < e->count; i += 2) {
		const char *key = e->child[i]->kind == YN_SCALAR ? e->child[i]->text : "";
		const struct ynode *v = e->child[i + 1];
		if (form_is_null(v) && strcmp(key, "form") != 0 &&
		    strcmp(key, "edition") != 0)
			continue; /* an empty list says nothing */
		if (strcmp(key, "renamed") == 0)
			load_renamed(st, v);
		else if (strcmp(key, "merged") == 0)
			load_merged(st, v);
		else if (strcmp(key, "retired") == 0)
			load_list(st, v, FORM_MAPPING_RETIRED);
		else if (strcmp(key, "new") == 0)
			load_list(st, v, FORM_MAPPING_NEW);
	}
	free(what);
	st->what = NULL;
}

void
form_load_replaces(struct form_loader *ld, const struct ynode *root)
{
	const struct ynode *list = form_map_get(root, "replaces");
	struct form *f = ld->form;
	struct replaces_state st = {.ld = ld};
	struct form_index *seen;
	char **keys;

	if (list == NULL || form_is_null(list))
		return;
	if (list->kind != YN_SEQ) {
		form_err(ld, list,
		         "'replaces' must be a list of earlier editions, not %s",
		         form_node_what(list));
		return;
	}
	st.target = xcalloc(f->question_count + 1, sizeof *st.target);
	st.stamp = xcalloc(f->question_count + 1, sizeof *st.stamp);
	f->replaced = xcalloc(list->count + 1, sizeof *f->replaced);
	keys = xcalloc(list->count + 1, sizeof *keys);
	seen = form_index_new();
	for (size_t i = 0; i < list->count; i++)
		load_entry(&st, list->child[i], keys, seen);
	for (size_t i = 0; i < f->replaced_count; i++)
		free(keys[i]);
	free(keys);
	form_index_free(seen);
	free(st.target);
	free(st.stamp);
}

const struct form_mapping *
form_replaced_find(const struct form_replaced *r, const char *old_id)
{
	long i;

	if (r == NULL || old_id == NULL)
		return NULL;
	i = form_index_find(r->old_index, r->mappings, mapping_name, old_id);
	return i >= 0 ? &r->mappings[i] : NULL;
}

void
form_replaced_free(struct form *f)
{
	for (size_t i = 0; i < f->replaced_count; i++) {
		struct form_replaced *r = &f->replaced[i];
		for (size_t k = 0; k < r->mapping_count; k++)
			free(r->mappings[k].old_id);
		free(r->mappings);
		free(r->form_id);
		free(r->edition);
		form_index_free(r->old_index);
	}
	free(f->replaced);
	f->replaced = NULL;
	f->replaced_count = 0;
}
