/*
 * reaudit.c: linking a session to its previous audit (see reaudit.h): the
 * previous goals become prevgoal.N.*, missing master data is filled,
 * meta.art / meta.vorher are set and previous.dump keeps a copy of the
 * previous session. Reads the previous session read-only;
 * never prints, saves or includes curses.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/date.h"
#include "model/history.h"
#include "model/edition.h"
#include "model/reaudit.h"
#include "model/vocab.h"
#include "lib/util.h"

/*
 * A previous goal's Fragen (ids of the previous form) as ids of this form,
 * through the edition map; ids with no question here are left out. NULL
 * when none remain. Caller frees.
 */
static char *
questions_mapped(const struct edition_map *m, const char *ids)
{
	struct buf b = {0};
	const char *p = ids;

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, ",");
		char *id = xstrndup(p, len);
		int oi = form_find_question(m->old, id);
		if (oi >= 0 && m->old_to_cur[oi] >= 0)
			buf_printf(&b, "%s%s", b.len > 0 ? "," : "",
			           m->cur->questions[m->old_to_cur[oi]].full_id);
		free(id);
		p += len;
		if (*p == ',')
			p++;
	}
	return b.data != NULL ? buf_steal(&b) : NULL;
}

/* The dump of prev without a previous audit of its own (one level is
 * kept) and without its change history (the re-audit compares answers, not
 * how they came about). Taken from the dump's lines, as a change of prev
 * would be refused once it is Abgeschlossen, and recorded. */
static char *
previous_copy(struct session *prev)
{
	char *text = session_dump(prev);
	struct buf b = {0};

	for (const char *p = text; *p != '\0';) {
		size_t n = strcspn(p, "\n");
		if (strncmp(p, "previous.dump\t", 14) != 0 &&
		    strncmp(p, "session.history.", 16) != 0) {
			buf_add(&b, p, n);
			buf_addc(&b, '\n');
		}
		p += n + (p[n] == '\n');
	}
	free(text);
	buf_adds(&b, "");
	return buf_steal(&b);
}

/* One record to set, collected before anything changes. */
struct change {
	char *key;
	char *value; /* NULL clears */
};

/* Append a change (key and value are taken over). */
static void
change_add(struct change **list, size_t *n, char *key, char *value)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[*n].key = key;
	(*list)[*n].value = value;
	(*n)++;
}

/* Whether two strings are equal, NULL counting as empty. */
static int
same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* Whether path names s's own file (same inode) or the file s was opened from. */
static int
is_own_file(const struct session *s, const char *path)
{
	struct stat a, b;

	if (s->path == NULL)
		return 0;
	if (stat(path, &a) != 0 || stat(s->path, &b) != 0)
		return strcmp(path, s->path) == 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int
reaudit_link(struct session *s, const char *path, char **notice, char **why)
{
	struct session *prev;
	struct change *changes = NULL;
	size_t n = 0, goals_taken = 0;
	char *open_notice = NULL, *reason = NULL, resolved[PATH_MAX];
	struct buf filled = {0};
	struct edition_map map;
	char *mapping;
	int goals;

	if (path == NULL || path[0] == '\0') {
		*why = xstrdup("Kein vorheriges Audit angegeben");
		return -1;
	}
	if (session_change_needs_reason(s, "meta.vorher")) {
		/* refused before anything is copied, not change by change */
		*why = xstrdup("Das Audit ist abgeschlossen: verknüpfen nur mit einem "
		               "Grund für das Änderungsprotokoll");
		return -1;
	}
	if (is_own_file(s, path)) {
		*why = xasprintf("%s ist dieses Audit selbst, nicht das vorherige", path);
		return -1;
	}
	prev = session_open(path, SESSION_READ_ONLY, &open_notice, &reason);
	free(open_notice);
	if (prev == NULL) {
		*why = xasprintf("Vorheriges Audit %s kann nicht gelesen werden: %s",
		                 path, reason != NULL ? reason : "unbekannter Fehler");
		free(reason);
		return -1;
	}
	if (realpath(path, resolved) == NULL)
		snprintf(resolved, sizeof resolved, "%s", path);
	edition_map_build(prev->form, s->form, &map);

	/* the previous goals, field by field; the previous session wins */
	goals = s->form->goal_count;
	for (int g = 1; g <= goals; g++) {
		const struct session_goal *old =
		    g <= prev->form->goal_count ? &prev->goals[g - 1] : NULL;
		for (size_t f = 0; f < vocab_goal.count; f++) {
			const char *field = vocab_goal.fields[f].key;
			char *from, *v;
			from = xasprintf("goal.%d.%s", g, field);
			v = old != NULL ? session_get(prev, from) : NULL;
			if (v != NULL && vocab_goal.fields[f].kind == VOCAB_QUESTIONS) {
				/* ids of the previous edition */
				char *mapped = questions_mapped(&map, v);
				free(v);
				v = mapped;
			}
			if (v != NULL && v[0] == '\0') {
				free(v);
				v = NULL;
			}
			if (f == 0 && v != NULL)
				goals_taken++; /* the first field is the goal itself */
			change_add(&changes, &n, xasprintf("prevgoal.%d.%s", g, field),
			           v);
			free(from);
		}
		/* a status judged for another goal does not carry over */
		if (!same_text(s->previous_goals[g - 1].goal,
		               old != NULL ? old->goal : NULL))
			change_add(&changes, &n, xasprintf("prevgoal.%d", g), NULL);
	}
	/* master data only where this session has none */
	for (size_t i = 0; i < vocab_meta.count; i++) {
		const struct vocab_field *f = &vocab_meta.fields[i];
		char *key, *mine, *theirs;
		if (!(f->flags & VOCAB_INHERITED))
			continue;
		key = xasprintf("meta.%s", f->key);
		mine = session_get(s, key);
		theirs = session_get(prev, key);
		if ((mine == NULL || mine[0] == '\0') && theirs != NULL &&
		    theirs[0] != '\0') {
			buf_printf(&filled, "%s%s", filled.len > 0 ? ", " : "", f->label);
			change_add(&changes, &n, key, theirs);
			key = NULL;
			theirs = NULL;
		}
		free(key);
		free(mine);
		free(theirs);
	}
	change_add(&changes, &n, xstrdup("meta.art"), xstrdup("re"));
	change_add(&changes, &n, xstrdup("meta.vorher"), xstrdup(resolved));
	change_add(&changes, &n, xstrdup("previous.dump"), previous_copy(prev));
	mapping = edition_summary(&map);
	edition_map_free(&map);

	/* Every value comes from a valid session or is fixed text, so it passes
	 * session_change's checks; clearing a status is never refused. One
	 * change of the history: one undo reverts the link. */
	session_change_begin(s);
	for (size_t i = 0; i < n; i++) {
		char *ignored = NULL;
		if (session_change(s, changes[i].key, changes[i].value, &ignored) != 0)
			free(ignored);
	}
	session_change_end(s);
	if (notice != NULL) {
		char *datum = date_display(prev->meta.datum);
		*notice = xasprintf(
		    "Vorheriges Audit verknüpft: %s, %s; %zu %s übernommen%s%s%s%s",
		    prev->meta.kommune != NULL ? prev->meta.kommune : "?",
		    datum != NULL ? datum : "?", goals_taken,
		    goals_taken == 1 ? "Ziel" : "Ziele",
		    filled.len > 0 ? "; ergänzt: " : "",
		    filled.len > 0 ? filled.data : "", mapping ? "; " : "",
		    mapping ? mapping : "");
		free(datum);
	}
	free(mapping);
	for (size_t i = 0; i < n; i++) {
		free(changes[i].key);
		free(changes[i].value);
	}
	free(changes);
	buf_free(&filled);
	session_free(prev);
	return 0;
}
