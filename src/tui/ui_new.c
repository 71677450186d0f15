/*
 * ui_new.c: the „Neues Audit“ screen: the master-data fields and the
 * participant lines of the vocabulary (ui_master_fields; the Kommune is
 * required, the IHK is suggested from the Landkreis, the previous session
 * is asked for with Art „Re-Audit“; one empty participant line more than
 * filled). Above them, when more than one Prüfbogen is found (forms.h: the
 * user's, the machine's, the bundled ones), a choice of the form, set to
 * --form or the default of the configuration. Values stay on the screen
 * until Strg-S or „Audit anlegen“ builds
 * the session through session_change, links a re-audit's previous session
 * (reaudit_link) and creates the file (audit_create); nothing is written
 * before.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/forms.h"
#include "model/plausible.h"
#include "model/reaudit.h"
#include "tui/fields.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/text.h"

/* The screen's state: the fields with what was typed. */
struct new_audit {
	struct ui_fields fields;
	/* the form a new audit takes unless another is chosen: --form, else the
	 * default of the configuration (owned); NULL when that is broken */
	char *form;
	char *form_problem; /* why there is no default form, or NULL (owned) */
};

/* The key of the form's choice field (not a session record). */
#define FORM_FIELD "form"

/* The vocabulary field of a master-data record key, or NULL. */
static const struct vocab_field *
meta_field(const char *key)
{
	if (key == NULL || strncmp(key, "meta.", 5) != 0)
		return NULL;
	return vocab_field(&vocab_meta, key + 5);
}

/* The first field of participant line n (its name), or NULL past the last. */
static struct ui_field *
participant_line(struct ui_fields *f, size_t n)
{
	char *key = xasprintf("participant.%zu.%s", n, vocab_participant.fields[0].key);
	struct ui_field *first = fields_find(f, key);

	free(key);
	return first;
}

/* Keep one empty participant line at the end, before the button. */
static void
participant_lines(struct ui_fields *f)
{
	size_t n = 0, last_filled = 0;
	struct ui_field button;

	for (size_t i = 1;; i++) {
		struct ui_field *first = participant_line(f, i);
		if (first == NULL)
			break;
		n = i;
		if (first->value != NULL && first->value[0] != '\0')
			last_filled = i;
	}
	if (last_filled != n)
		return;
	/* the new line goes before the button (the last field) */
	button = f->items[f->count - 1];
	f->count--;
	ui_master_participant(f, n + 1, NULL);
	f->items = xreallocarray(f->items, f->count + 1, sizeof *f->items);
	f->items[f->count++] = button;
}

/* Whether the auditor typed anything (the defaults do not count). */
static int
form_filled(const struct new_audit *st)
{
	const struct ui_fields *f = &st->fields;
	char today[11];

	date_today(today);
	for (size_t i = 0; i < f->count; i++) {
		const struct ui_field *fl = &f->items[i];
		const struct vocab_field *vf = meta_field(fl->key);
		const char *def = vf != NULL ? ui_master_default(vf, today) : NULL;
		if (fl->key != NULL && strcmp(fl->key, FORM_FIELD) == 0)
			def = st->form;
		if (fl->key == NULL || fl->value == NULL || fl->value[0] == '\0' ||
		    (vf != NULL && vf->kind == VOCAB_DATE) ||
		    (def != NULL && strcmp(fl->value, def) == 0))
			continue;
		return 1;
	}
	return 0;
}

/* Set key of s to value when it holds text. 0, or -1 with *why. */
static int
set_from_field(struct session *s, const char *key, const char *value, char **why)
{
	if (value == NULL || value[0] == '\0')
		return 0;
	return session_change(s, key, value, why);
}

/* A session on the form at path built from the fields (not yet a file).
 * NULL with *why. */
static struct session *
build_session(struct ui_fields *f, const char *path, char **why)
{
	struct form_errors errors = {0};
	struct form *form;
	struct session *s;
	int n = 0;

	form = form_load_file(path, &errors);
	if (form == NULL) {
		char *all = form_errors_format(&errors);
		*why = xasprintf("Prüfbogen %s ungültig: %s", path, all);
		free(all);
		form_errors_clear(&errors);
		return NULL;
	}
	form_errors_clear(&errors);
	s = session_new(form);
	/* the master data typed here; the previous audit is linked below */
	for (size_t i = 0; i < f->count && *why == NULL; i++) {
		const struct vocab_field *vf = meta_field(f->items[i].key);
		if (vf != NULL && !(vf->flags & VOCAB_LINKED))
			set_from_field(s, f->items[i].key, f->items[i].value, why);
	}
	/* participants: only lines with a name, numbered without gaps */
	for (size_t i = 1; *why == NULL; i++) {
		struct ui_field *first = participant_line(f, i);
		if (first == NULL)
			break;
		if (first->value == NULL || first->value[0] == '\0')
			continue;
		n++;
		for (size_t j = 0; j < vocab_participant.count && *why == NULL; j++) {
			const char *name = vocab_participant.fields[j].key;
			char *from = xasprintf("participant.%zu.%s", i, name);
			char *to = xasprintf("participant.%d.%s", n, name);
			struct ui_field *fl = fields_find(f, from);
			set_from_field(s, to, fl != NULL ? fl->value : NULL, why);
			free(from);
			free(to);
		}
	}
	for (size_t i = 0; i < f->count && *why == NULL; i++) {
		const struct vocab_field *vf = meta_field(f->items[i].key);
		const char *prev = f->items[i].value;
		if (vf != NULL && vf->kind == VOCAB_SESSION &&
		    s->meta.kind == AUDIT_RENEWAL && prev != NULL && prev[0] != '\0')
			reaudit_link(s, prev, NULL, why);
	}
	if (*why != NULL) {
		session_free(s);
		return NULL;
	}
	return s;
}

/* Create the session from the fields and start the interview. */
static int
create(struct ui *ui, void *owner)
{
	struct new_audit *st = owner;
	struct ui_fields *f = &st->fields;
	struct ui_field *form;
	struct session *s;
	const char *path;
	char *why = NULL;

	for (size_t i = 0; i < f->count; i++) {
		const struct vocab_field *vf = meta_field(f->items[i].key);
		if (vf == NULL || !(vf->flags & VOCAB_REQUIRED) ||
		    (f->items[i].value != NULL && f->items[i].value[0] != '\0'))
			continue;
		screen_message(ui, 1, "Bitte die %s eintragen (Pflichtfeld).", vf->label);
		f->selected = i;
		fields_layout(f, f->width, f->height, 0, 0);
		return UI_HANDLED | UI_REDRAW;
	}
	form = fields_find(f, FORM_FIELD);
	path = form != NULL && form->value != NULL && form->value[0] != '\0' ? form->value
	                                                                     : st->form;
	if (path == NULL) {
		if (st->form_problem != NULL)
			screen_message(ui, 1, "Bitte den Prüfbogen wählen (%s).",
			               st->form_problem);
		else
			screen_message(ui, 1, "Bitte den Prüfbogen wählen.");
		if (form != NULL)
			f->selected = (size_t)(form - f->items);
		fields_layout(f, f->width, f->height, 0, 0);
		return UI_HANDLED | UI_REDRAW;
	}
	s = build_session(f, path, &why);
	if (s != NULL && audit_create(s, ui->dir, &why) == 0) {
		screen_open_session(ui, s);
		fields_clear(f);
		screen_message(ui, 0, "Audit angelegt: %s", s->path);
		return UI_HANDLED | UI_REDRAW;
	}
	screen_message(ui, 1, "%s", why != NULL ? why : "Anlegen fehlgeschlagen");
	free(why);
	session_free(s);
	return UI_HANDLED | UI_REDRAW;
}

/* The store of this screen: keep the value in its field (nothing is saved). */
static int
keep(struct ui *ui, struct ui_fields *f, struct ui_field *fl, const char *value)
{
	(void)ui;
	(void)f;
	str_replace(&fl->value, value);
	return 0;
}

/* After a value was taken: a date warning, the previous audit with Art
 * „Re-Audit“, the IHK from the Landkreis, one more participant line. */
static void
taken(struct ui *ui, struct ui_fields *f, struct ui_field *fl, const char *value)
{
	const struct vocab_field *vf = meta_field(fl->key);
	char today[11], *w, *name;

	screen_clear_message(ui);
	if (fl->kind == FIELD_DATE && value[0] != '\0') {
		date_today(today);
		w = plausible_date_warning(DATE_ROLE_AUDIT, value, NULL, today);
		if (w != NULL)
			screen_message(ui, 1, "Achtung: %s", w);
		free(w);
	}
	if (vf != NULL && vf->values == &vocab_art) {
		for (size_t i = 0; i < f->count; i++) {
			const struct vocab_field *prev = meta_field(f->items[i].key);
			if (prev != NULL && prev->kind == VOCAB_SESSION)
				f->items[i].hidden =
				    strcmp(value, vocab_art.items[AUDIT_RENEWAL].value) !=
				    0;
		}
	}
	if (vf != NULL && strcmp(vf->key, "landkreis") == 0) {
		struct ui_field *ihk = fields_find(f, "meta.ihk");
		name = ui_master_suggest_ihk(ui, value);
		if (name != NULL && ihk != NULL &&
		    (ihk->value == NULL || ihk->value[0] == '\0')) {
			str_replace(&ihk->value, name);
			screen_message(
			    ui, 0,
			    "IHK aus dem Landkreis vorgeschlagen: %s (ändern mit ←/→)",
			    name);
		}
		free(name);
	}
	if (fl->key != NULL && strncmp(fl->key, "participant.", 12) == 0)
		participant_lines(f);
}

/* Where the list goes. */
static void
layout(struct ui *ui, struct new_audit *st)
{
	fields_layout(&st->fields, ui->cols - 2, ui->rows - 5, 0, 0);
}

/* What a person reads for the form of entry e: id, edition, title. Caller
 * frees. */
static char *
form_label(const struct forms_entry *e)
{
	char *edition = date_display(e->edition);
	char *label = xasprintf("%s, Ausgabe %s: %s", e->id, edition, e->title);

	free(edition);
	return label;
}

/*
 * The form new audits take (st->form: --form, else the default of the
 * configuration, whose problem is shown), and when there is a choice (more
 * than one form found, or no default), the field to choose it, with the
 * forms that can be used; invalid ones are counted in a message.
 */
static void
form_choice(struct ui *ui, struct new_audit *st)
{
	struct forms *forms = forms_scan();
	struct conffile config = {0};
	struct ui_field *fl;
	char *why = NULL, *path = NULL;
	size_t usable = 0, invalid = 0;
	int outside;
	long entry;

	free(st->form);
	free(st->form_problem);
	st->form = st->form_problem = NULL;
	if (ui->form_path != NULL) {
		st->form = xstrdup(ui->form_path);
	} else if (forms_config_read(&config, &why) != 0 ||
	           forms_resolve(forms, &config, NULL, &path, &entry, &why) != 0) {
		screen_message(ui, 1, "Kein Prüfbogen vorgegeben: %s", why);
		st->form_problem = why;
	} else {
		st->form = path;
	}
	for (size_t i = 0; i < forms->count; i++) {
		usable += forms_usable(forms, i);
		invalid += forms->entries[i].error != NULL;
	}
	outside = st->form != NULL;
	for (size_t i = 0; i < forms->count && outside; i++)
		outside = !forms_usable(forms, i) ||
		          strcmp(forms->entries[i].path, st->form) != 0;
	if (usable + (size_t)outside > 1 || (st->form == NULL && usable > 0)) {
		fl = fields_add(&st->fields, FIELD_CHOICE, "Prüfbogen", FORM_FIELD,
		                st->form != NULL ? st->form : "");
		if (st->form == NULL)
			fields_add_choice(fl, "", "– (bitte wählen)");
		for (size_t i = 0; i < forms->count; i++)
			if (forms_usable(forms, i)) {
				char *label = form_label(&forms->entries[i]);
				fields_add_choice(fl, forms->entries[i].path, label);
				free(label);
			}
		if (outside)
			fields_add_choice(fl, st->form, st->form);
	}
	if (invalid > 0 && st->form != NULL)
		screen_message(
		    ui, 1, "%zu %s übergangen (wohnort-audit forms nennt die Fehler)",
		    invalid,
		    invalid == 1 ? "ungültiger Prüfbogen" : "ungültige Prüfbögen");
	conffile_clear(&config);
	forms_free(forms);
}

/* Entering: an empty form with today's date. */
static void *
new_init(struct ui *ui, void *state)
{
	struct new_audit *st = state != NULL ? state : xcalloc(1, sizeof *st);
	struct ui_field *button;
	size_t master;

	fields_clear(&st->fields);
	st->fields.store = keep;
	st->fields.changed = taken;
	st->fields.owner = st;
	form_choice(ui, st);
	master = st->fields.count; /* the heading of the master data */
	ui_master_fields(ui, &st->fields, NULL);
	button = fields_add(&st->fields, FIELD_BUTTON, "Audit anlegen", NULL, NULL);
	button->press = create;
	st->fields.selected = master + 1;
	st->fields.top = 0;
	layout(ui, st);
	return st;
}

/* Free the state. */
static void
new_free(void *state)
{
	struct new_audit *st = state;

	fields_clear(&st->fields);
	free(st->form);
	free(st->form_problem);
	free(st);
}

/* The terminal size changed. */
static void
new_resize(struct ui *ui, void *state)
{
	layout(ui, state);
}

/* Draw the form. */
static void
new_draw(const struct ui *ui, const void *state)
{
	const struct new_audit *st = state;
	const struct ui_field *fl = &st->fields.items[st->fields.selected];
	const char *hint;

	frame_draw(ui, "Neues Audit", ui->dir);
	fields_draw(ui, &st->fields, 1, 1);
	if (st->fields.edit.active)
		hint = "Enter übernimmt, Esc verwirft die Eingabe.";
	else if (fl->kind == FIELD_CHOICE)
		hint =
		    "Leertaste, ←/→ oder Anfangsbuchstaben wechseln; ↑/↓ nächstes Feld.";
	else if (fl->kind == FIELD_BUTTON)
		hint = "Enter legt das Audit an und beginnt das Prüfgespräch.";
	else
		hint = "Tippen ersetzt · Enter bearbeitet · ↑/↓ Feld · Strg-S anlegen · "
		       "* Pflicht";
	text_put(ui->rows - 4, 1, ui->cols - 2, hint, ui->attrs[ROLE_DIM]);
}

/* Strg-S: take what is typed, then create the audit, from any field. */
static int
new_create(struct ui *ui, void *state, int key)
{
	struct new_audit *st = state;

	(void)key;
	if (fields_flush(ui, &st->fields, 0) != 0)
		return UI_HANDLED | UI_REDRAW;
	return create(ui, st);
}

/* An open editor takes every key. */
static int
new_editing(struct ui *ui, void *state, int key)
{
	struct new_audit *st = state;

	if (!fields_editing(&st->fields))
		return 0;
	return fields_key(ui, &st->fields, key);
}

/* The answer to „Eingaben verwerfen?“. */
static void
discard_yes(struct ui *ui, void *arg)
{
	struct new_audit *st = arg;

	fields_clear(&st->fields);
	screen_switch(ui, &ui_start_screen);
	screen_message(ui, 0, "Neues Audit verworfen");
}

/* Esc: back to the start screen, asking first when something was typed. */
static int
new_cancel(struct ui *ui, void *state, int key)
{
	static const int yes[3] = {'j', 'J', 0};
	struct new_audit *st = state;

	(void)key;
	if (form_filled(st)) {
		screen_ask(ui,
		           "Eingaben verwerfen, ohne das Audit anzulegen? j: verwerfen, "
		           "andere Taste: weiter",
		           yes, discard_yes, st, "Weiter mit dem neuen Audit");
		return UI_HANDLED | UI_REDRAW;
	}
	fields_clear(&st->fields);
	screen_switch(ui, &ui_start_screen);
	return UI_HANDLED | UI_REDRAW;
}

/* Every other key: the fields. */
static int
new_key(struct ui *ui, void *state, int key)
{
	struct new_audit *st = state;

	return fields_key(ui, &st->fields, key);
}

/* Before leaving: take what is typed; on quitting ask when the form is filled. */
static int
new_flush(struct ui *ui, void *state, int quitting)
{
	struct new_audit *st = state;

	if (fields_flush(ui, &st->fields, 0) != 0)
		return -1;
	if (quitting && st->fields.count > 0 && form_filled(st)) {
		screen_message(
		    ui, 1, "Das neue Audit ist noch nicht angelegt (Strg-S legt es an).");
		return -1;
	}
	return 0;
}

static const struct ui_binding new_bindings[] = {
    {UI_CTRL('s'), 0, "Strg-S", "anlegen", "Audit anlegen, aus jedem Feld", new_create},
    {UI_KEYS_ANY, 0, NULL, NULL, NULL, new_editing},
    {UI_ESC, 0, "Esc", "abbrechen", "abbrechen (fragt, wenn schon etwas eingetragen ist)",
     new_cancel},
};

const struct ui_screen ui_new_screen = {
    .name = "Neues Audit",
    .init = new_init,
    .free = new_free,
    .draw = new_draw,
    .key = new_key,
    .resize = new_resize,
    .flush = new_flush,
    .bindings = new_bindings,
    .binding_count = BIND_COUNT(new_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};
