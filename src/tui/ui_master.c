/*
 * ui_master.c: „Stammdaten und Teilnehmende“ (F8) of the open session, each
 * field saved at once, and the master-data fields the new-audit screen
 * shows too (ui_master_fields), made from the vocabulary: meta.* and the
 * participant lines. The IHK is offered from data/ihk.txt and suggested
 * from the Landkreis; the previous audit is chosen from the sessions beside
 * this one, and linking it (reaudit_link, as at creation) makes the audit a
 * Re-Audit. The session file keeps its name when the Kommune changes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/date.h"
#include "lib/paths.h"
#include "lib/util.h"
#include "model/reaudit.h"
#include "model/reference.h"
#include "tui/fieldscreen.h"
#include "tui/frame.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/text.h"

/* The IHK list of data/ihk.txt (NULL, 0 with the reason shown when unreadable). */
static struct reference_ihk *
load_ihks(struct ui *ui, size_t *n)
{
	struct reference_ihk *ihk = NULL;
	char *path = paths_data_file("ihk.txt"), *why = NULL;

	*n = 0;
	if (reference_ihk_load(path, &ihk, n, &why) != 0) {
		screen_message(ui, 1, "IHK-Liste: %s", why);
		free(why);
		ihk = NULL;
		*n = 0;
	}
	free(path);
	return ihk;
}

/* The IHKs as choices: name, shown with its area. */
static void
add_ihk_choices(struct ui *ui, struct ui_field *fl)
{
	size_t n = 0;
	struct reference_ihk *ihk = load_ihks(ui, &n);

	for (size_t i = 0; i < n; i++) {
		char *label = ihk[i].area[0] != '\0'
		                  ? xasprintf("%s (%s)", ihk[i].name, ihk[i].area)
		                  : xstrdup(ihk[i].name);
		fields_add_choice(fl, ihk[i].name, label);
		free(label);
	}
	reference_ihk_free(ihk, n);
}

char *
ui_master_suggest_ihk(struct ui *ui, const char *landkreis)
{
	size_t n = 0;
	struct reference_ihk *ihk = load_ihks(ui, &n);
	char *name = xstrdup(reference_ihk_for_landkreis(ihk, n, landkreis));

	reference_ihk_free(ihk, n);
	return name;
}

/* Whether two paths name the same file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (a == NULL || b == NULL)
		return 0;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return strcmp(a, b) == 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The sessions in the directory as choices for the previous audit, all but s
 * itself; the one s links now stays selected even when named otherwise. */
static void
add_previous_choices(struct ui *ui, struct ui_field *fl, const struct session *s)
{
	struct session_summary *list = NULL;
	size_t n = 0;
	char *why = NULL, *dir;

	/* an open session's earlier audits lie beside it */
	if (s != NULL && s->path != NULL && strrchr(s->path, '/') != NULL)
		dir = xstrndup(s->path, (size_t)(strrchr(s->path, '/') - s->path));
	else if (s != NULL && s->path != NULL)
		dir = xstrdup(".");
	else
		dir = xstrdup(ui->dir);
	if (session_list(dir[0] != '\0' ? dir : "/", &list, &n, &why) != 0) {
		free(why);
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		char *datum, *label;
		if (list[i].error != NULL ||
		    (s != NULL && same_file(list[i].path, s->path)))
			continue;
		datum = date_display(list[i].datum);
		if (s != NULL && same_file(list[i].path, s->meta.previous))
			str_replace(&fl->value, list[i].path);
		label =
		    xasprintf("%s, %s", list[i].kommune != NULL ? list[i].kommune : "?",
		              datum != NULL ? datum : "?");
		fields_add_choice(fl, list[i].path, label);
		free(label);
		free(datum);
	}
	session_summaries_free(list, n);
	free(dir);
}

/* F8's store of the Landkreis: save it, and suggest the IHK when it has none. */
static int
save_landkreis(struct ui *ui, struct ui_fields *f, struct ui_field *fl, const char *value)
{
	char *ihk;

	(void)f;
	if (save_change(ui, fl->key, value[0] != '\0' ? value : NULL) != 0)
		return -1;
	if (ui->session->meta.ihk != NULL && ui->session->meta.ihk[0] != '\0')
		return 0;
	ihk = ui_master_suggest_ihk(ui, value);
	if (ihk != NULL && save_change(ui, "meta.ihk", ihk) == 0)
		screen_message(ui, 0,
		               "IHK aus dem Landkreis vorgeschlagen: %s (ändern mit ←/→)",
		               ihk);
	free(ihk);
	return 0;
}

/* F8's store of the previous audit: link it (reaudit_link) and save. */
static int
link_previous(struct ui *ui, struct ui_fields *f, struct ui_field *fl, const char *path)
{
	char *notice = NULL, *why = NULL;

	(void)f;
	(void)fl;
	if (path[0] == '\0' && ui->session->meta.previous == NULL)
		return 0;
	if (path[0] == '\0') {
		screen_message(
		    ui, 1,
		    "Ein verknüpftes Audit lässt sich nur durch ein anderes ersetzen");
		return -1;
	}
	/* linking the same file again only refreshes a missing copy of it */
	if (ui->session->meta.previous != NULL && ui->session->previous != NULL &&
	    strcmp(ui->session->meta.previous, path) == 0)
		return 0;
	if (save_reason_needed(ui, "meta.vorher"))
		return -1;
	if (reaudit_link(ui->session, path, &notice, &why) != 0) {
		screen_message(ui, 1, "%s", why);
		free(why);
		return -1;
	}
	if (save_now(ui) == 0)
		screen_message(ui, 0, "%s", notice);
	free(notice);
	return 0;
}

/* Whether a choice always has a value: the Art (Erstaudit unless set). The
 * vocabulary has no flag for it; the session keeps it as enum audit_kind. */
static int
always_set(const struct vocab_field *vf)
{
	return vf->values == &vocab_art;
}

const char *
ui_master_default(const struct vocab_field *vf, const char today[11])
{
	if (vf->kind == VOCAB_DATE)
		return today;
	if (always_set(vf))
		return vf->values->items[0].value;
	return NULL;
}

void
ui_master_participant(struct ui_fields *f, size_t n, const struct session *s)
{
	for (size_t i = 0; i < vocab_participant.count; i++) {
		const struct vocab_field *vf = &vocab_participant.fields[i];
		char *label = xasprintf("%s %zu", vf->label, n);
		char *key = xasprintf("participant.%zu.%s", n, vf->key);
		fields_add_record(f, s, vf, label, key, NULL);
		free(label);
		free(key);
	}
}

void
ui_master_fields(struct ui *ui, struct ui_fields *f, const struct session *s)
{
	char today[11];
	size_t lines = s != NULL ? s->participant_count + 1 : 1;

	date_today(today);
	fields_add(f, FIELD_HEADING, "Stammdaten", NULL, NULL);
	for (size_t i = 0; i < vocab_meta.count; i++) {
		const struct vocab_field *vf = &vocab_meta.fields[i];
		char *key = xasprintf("meta.%s", vf->key);
		char *v = s != NULL ? session_get(s, key) : NULL;
		char *label = vf->flags & VOCAB_REQUIRED ? xasprintf("%s *", vf->label)
		                                         : xstrdup(vf->label);
		const char *empty = always_set(vf)              ? NULL
		                    : vf->kind == VOCAB_SESSION ? "– (keines)"
		                                                : "– (bitte wählen)";
		struct ui_field *fl =
		    fields_add_vocab(f, vf, label, key,
		                     s != NULL ? v : ui_master_default(vf, today), empty);
		if (vf->kind == VOCAB_REFERENCE)
			add_ihk_choices(ui, fl);
		if (vf->kind == VOCAB_SESSION) {
			add_previous_choices(ui, fl, s);
			if (s == NULL)
				fl->hidden = 1; /* shown with Art „Re-Audit“ */
			else
				fl->store = link_previous;
		}
		/* the IHK is suggested from the Landkreis */
		if (s != NULL && strcmp(vf->key, "landkreis") == 0)
			fl->store = save_landkreis;
		free(label);
		free(key);
		free(v);
	}
	fields_add(f, FIELD_HEADING, "Teilnehmende", NULL, NULL);
	for (size_t n = 1; n <= lines; n++)
		ui_master_participant(f, n, s);
}

/* Where the list goes. */
static void
layout(struct ui *ui, struct ui_fields *f)
{
	fields_layout(f, ui->cols - 2, ui->rows - 5, 0, 0);
}

/* Refill the fields from the session, keeping the selection and the view. */
static void
build(struct ui *ui, struct ui_fields *f, struct ui_field *changed, const char *value)
{
	size_t sel = f->selected, top = f->top;

	(void)changed;
	(void)value;
	fields_clear(f);
	ui_master_fields(ui, f, ui->session);
	f->selected = sel < f->count ? sel : 0;
	f->top = top;
	layout(ui, f);
}

/* Entering the screen. */
static void *
master_init(struct ui *ui, void *state)
{
	struct ui_fields *f = fieldscreen_state(state, build);

	f->selected = 1;
	f->top = 0;
	build(ui, f, NULL, NULL);
	return f;
}

/* The terminal size changed. */
static void
master_resize(struct ui *ui, void *state)
{
	layout(ui, state);
}

/* Draw the fields. */
static void
master_draw(const struct ui *ui, const void *state)
{
	const struct ui_fields *f = state;
	const struct ui_field *fl = &f->items[f->selected];
	const char *hint;

	fieldscreen_frame(ui, f, "Stammdaten und Teilnehmende", ui->session->path);
	fields_draw(ui, f, 1, 1);
	if (f->edit.active)
		hint = "Enter speichert, Esc verwirft die Eingabe.";
	else if (fl->kind == FIELD_CHOICE)
		hint = "Leertaste, ←/→ oder Anfangsbuchstaben wechseln (sofort "
		       "gespeichert).";
	else
		hint = "Tippen ersetzt, Enter bearbeitet; jede Änderung wird sofort "
		       "gespeichert.";
	text_put(ui->rows - 4, 1, ui->cols - 2, hint, ui->attrs[ROLE_DIM]);
}

const struct ui_screen ui_master_screen = {
    .name = "Stammdaten",
    .init = master_init,
    .free = fieldscreen_free,
    .draw = master_draw,
    .key = fieldscreen_key,
    .resize = master_resize,
    .flush = fieldscreen_flush,
    .bindings = fieldscreen_bindings,
    .binding_count = BIND_COUNT(fieldscreen_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
