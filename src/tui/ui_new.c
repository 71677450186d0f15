/*
 * ui_new.c: the „Neues Audit“ screen: master data (Kommune required,
 * Landkreis, Zentralitätsstufe, IHK from data/ihk.txt and suggested from
 * the Landkreis, Auditor/in, Datum defaulting to today, Art with the
 * previous session for a re-audit) and the Teilnehmende as Name + Funktion
 * lines (one empty line more than filled). Values stay on the screen until
 * Strg-S or „Audit anlegen“ builds the session, links a re-audit's previous
 * session (reaudit_link) and creates the file; nothing is written before.
 * Also the master-data fields F8 shows (ui_master_fields).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/date.h"
#include "lib/paths.h"
#include "model/audit.h"
#include "model/reaudit.h"
#include "model/reference.h"
#include "tui/ui.h"
#include "lib/util.h"
#include "model/plausible.h"

static struct ui_fields fields;
static int confirm_discard; /* Esc asked whether to discard the filled form */

static const char *const stufen[] = {"",
                                     "Oberzentrum",
                                     "Mittelzentrum",
                                     "Unterzentrum",
                                     "Kleinzentrum",
                                     "Verwaltungsgemeinschaft"};
static const char *const stufen_labels[] = {
    "– (bitte wählen)", "Oberzentrum",  "Mittelzentrum",
    "Unterzentrum",     "Kleinzentrum", "Verwaltungsgemeinschaft"};
static const char *const arten[] = {"erst", "re"};
static const char *const arten_labels[] = {"Erstaudit", "Re-Audit"};

/* The field with this key in f, or NULL. */
static struct ui_field *
field_in(struct ui_fields *f, const char *key)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->items[i].key != NULL && strcmp(f->items[i].key, key) == 0)
			return &f->items[i];
	return NULL;
}

/* The field with this key on this screen, or NULL. */
static struct ui_field *
field(const char *key)
{
	return field_in(&fields, key);
}

/* The IHK list of data/ihk.txt (NULL, 0 with the reason shown when unreadable). */
static struct reference_ihk *
load_ihks(struct ui *ui, size_t *n)
{
	struct reference_ihk *ihk = NULL;
	char *path = paths_data_file("ihk.txt"), *why = NULL;

	*n = 0;
	if (reference_ihk_load(path, &ihk, n, &why) != 0) {
		ui_message(ui, 1, "IHK-Liste: %s", why);
		free(why);
		ihk = NULL;
		*n = 0;
	}
	free(path);
	return ihk;
}

/* Fill a choice field from the IHK list in data/. */
static void
add_ihk_choices(struct ui *ui, struct ui_field *fl)
{
	size_t n = 0;
	struct reference_ihk *ihk = load_ihks(ui, &n);

	fl->owned_choices = xcalloc(n + 1, sizeof *fl->owned_choices);
	fl->owned_labels = xcalloc(n + 1, sizeof *fl->owned_labels);
	fl->owned_choices[0] = xstrdup("");
	fl->owned_labels[0] = xstrdup("– (bitte wählen)");
	for (size_t i = 0; i < n; i++) {
		fl->owned_choices[i + 1] = xstrdup(ihk[i].name);
		fl->owned_labels[i + 1] =
		    ihk[i].area[0] != '\0'
		        ? xasprintf("%s (%s)", ihk[i].name, ihk[i].area)
		        : xstrdup(ihk[i].name);
	}
	fl->choice_count = n + 1;
	fl->choices = (const char *const *)fl->owned_choices;
	fl->choice_labels = (const char *const *)fl->owned_labels;
	reference_ihk_free(ihk, n);
}

/* The IHK whose area names landkreis (caller frees), or NULL. */
static char *
suggested_ihk(struct ui *ui, const char *landkreis)
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

/* Fill a choice field with the sessions in the directory (previous audit), all
 * but s itself; the value s links now stays a choice even when it is not there. */
static void
add_previous_choices(struct ui *ui, struct ui_field *fl, const struct session *s)
{
	struct session_summary *list = NULL;
	size_t n = 0, k = 1;
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
	fl->owned_choices = xcalloc(n + 2, sizeof *fl->owned_choices);
	fl->owned_labels = xcalloc(n + 2, sizeof *fl->owned_labels);
	fl->owned_choices[0] = xstrdup("");
	fl->owned_labels[0] = xstrdup("– (keines)");
	for (size_t i = 0; i < n; i++) {
		char *datum;
		if (list[i].error != NULL ||
		    (s != NULL && same_file(list[i].path, s->path)))
			continue;
		datum = date_display(list[i].datum);
		if (s != NULL && same_file(list[i].path, s->meta.previous)) {
			free(fl->value);
			fl->value = xstrdup(list[i].path);
		}
		fl->owned_choices[k] = xstrdup(list[i].path);
		fl->owned_labels[k] =
		    xasprintf("%s, %s", list[i].kommune != NULL ? list[i].kommune : "?",
		              datum != NULL ? datum : "?");
		free(datum);
		k++;
	}
	fl->choice_count = k;
	fl->choices = (const char *const *)fl->owned_choices;
	fl->choice_labels = (const char *const *)fl->owned_labels;
	session_summaries_free(list, n);
	free(dir);
}

/* F8's save of the Landkreis: save it, and suggest the IHK when it has none. */
static int
save_landkreis(struct ui *ui, const char *value)
{
	char *ihk;

	if (ui_set(ui, "meta.landkreis", value) != 0)
		return -1;
	if (ui->session->meta.ihk != NULL && ui->session->meta.ihk[0] != '\0')
		return 0;
	ihk = suggested_ihk(ui, value);
	if (ihk != NULL && ui_set(ui, "meta.ihk", ihk) == 0)
		ui_message(ui, 0,
		           "IHK aus dem Landkreis vorgeschlagen: %s (ändern mit ←/→)",
		           ihk);
	free(ihk);
	return 0;
}

/* The participant lines Name N and Funktion N for one participant. */
static void
add_participant(struct ui_fields *f, size_t i, const struct session_participant *p)
{
	char *l = xasprintf("Name %zu", i), *k = xasprintf("participant.%zu.name", i);

	ui_fields_add(f, FIELD_TEXT, l, k, p ? p->name : NULL);
	free(l);
	free(k);
	l = xasprintf("Funktion %zu", i);
	k = xasprintf("participant.%zu.funktion", i);
	ui_fields_add(f, FIELD_TEXT, l, k, p ? p->function : NULL);
	free(l);
	free(k);
}

/* The master data and participant fields; values from s, or empty (today's date)
 * without. */
void
ui_master_fields(struct ui *ui, struct ui_fields *f, const struct session *s)
{
	struct ui_field *fl;
	char today[11];
	size_t lines = s != NULL ? s->participant_count + 1 : 1;

	date_today(today);
	ui_fields_add(f, FIELD_HEADING, "Stammdaten", NULL, NULL);
	ui_fields_add(f, FIELD_TEXT, "Kommune *", "meta.kommune",
	              s ? s->meta.kommune : NULL);
	fl = ui_fields_add(f, FIELD_TEXT, "Landkreis", "meta.landkreis",
	                   s ? s->meta.landkreis : NULL);
	if (s != NULL)
		fl->save = save_landkreis;
	fl = ui_fields_add(f, FIELD_CHOICE, "Zentralitätsstufe", "meta.zentralitaet",
	                   s && s->meta.zentralitaet ? s->meta.zentralitaet : "");
	fl->choices = stufen;
	fl->choice_labels = stufen_labels;
	fl->choice_count = sizeof stufen / sizeof stufen[0];
	fl = ui_fields_add(f, FIELD_CHOICE, "IHK", "meta.ihk",
	                   s && s->meta.ihk ? s->meta.ihk : "");
	add_ihk_choices(ui, fl);
	ui_fields_add(f, FIELD_TEXT, "Auditor/in", "meta.auditor",
	              s ? s->meta.auditor : NULL);
	ui_fields_add(f, FIELD_DATE, "Datum", "meta.datum", s ? s->meta.datum : today);
	fl = ui_fields_add(f, FIELD_CHOICE, "Art", "meta.art",
	                   s && s->meta.kind == AUDIT_RENEWAL ? "re" : "erst");
	fl->choices = arten;
	fl->choice_labels = arten_labels;
	fl->choice_count = 2;
	fl = ui_fields_add(f, FIELD_CHOICE, "Vorheriges Audit", "meta.vorher",
	                   s != NULL && s->meta.previous != NULL ? s->meta.previous : "");
	add_previous_choices(ui, fl, s);
	if (s == NULL)
		fl->hidden = 1; /* shown with Art „Re-Audit“ */
	else
		fl->save = ui_master_link_previous;
	ui_fields_add(f, FIELD_HEADING, "Teilnehmende", NULL, NULL);
	for (size_t i = 1; i <= lines; i++)
		add_participant(f, i,
		                s != NULL && i <= s->participant_count
		                    ? &s->participants[i - 1]
		                    : NULL);
}

/* Keep one empty participant line at the end of this screen's list. */
static void
participant_lines(void)
{
	size_t n = 0, last_filled = 0;
	struct ui_field *name;

	for (size_t i = 1;; i++) {
		char *k = xasprintf("participant.%zu.name", i);
		name = field(k);
		free(k);
		if (name == NULL)
			break;
		n = i;
		if (name->value != NULL && name->value[0] != '\0')
			last_filled = i;
	}
	if (last_filled == n) {
		/* insert before the button (the last field) */
		struct ui_field button = fields.items[fields.count - 1];
		fields.count--;
		add_participant(&fields, n + 1, NULL);
		fields.items =
		    xreallocarray(fields.items, fields.count + 1, sizeof *fields.items);
		fields.items[fields.count++] = button;
	}
}

/* Entering: an empty form with today's date. */
static void
new_init(struct ui *ui)
{
	ui_fields_clear(&fields);
	ui_master_fields(ui, &fields, NULL);
	ui_fields_add(&fields, FIELD_BUTTON, "Audit anlegen", NULL, NULL);
	fields.selected = 1;
	fields.top = 0;
	confirm_discard = 0;
}

/* Draw the form. */
static void
new_draw(struct ui *ui)
{
	static const char *const keys[] = {"Strg-S", "anlegen", "Esc",  "abbrechen", "1",
	                                   "Hilfe",  "10",      "Ende", NULL};
	struct ui_field *fl = &fields.items[fields.selected];
	const char *hint;

	ui_frame(ui, "Neues Audit", ui->dir, keys);
	ui_fields_draw(ui, &fields, 1, 1, ui->cols - 2, ui->rows - 5);
	if (fields.edit.active)
		hint = "Enter übernimmt, Esc verwirft die Eingabe.";
	else if (fl->kind == FIELD_CHOICE)
		hint =
		    "Leertaste, ←/→ oder Anfangsbuchstaben wechseln; ↑/↓ nächstes Feld.";
	else if (fl->kind == FIELD_BUTTON)
		hint = "Enter legt das Audit an und beginnt das Prüfgespräch.";
	else
		hint = "Tippen ersetzt · Enter bearbeitet · ↑/↓ Feld · Strg-S anlegen · "
		       "* Pflicht";
	ui_put(ui->rows - 4, 1, ui->cols - 2, hint, ui->attrs[ROLE_DIM]);
}

/* Whether the auditor typed anything (today's date and Erstaudit are defaults). */
static int
form_filled(void)
{
	for (size_t i = 0; i < fields.count; i++) {
		const struct ui_field *fl = &fields.items[i];
		if (fl->key == NULL || fl->value == NULL || fl->value[0] == '\0' ||
		    strcmp(fl->key, "meta.datum") == 0 ||
		    (strcmp(fl->key, "meta.art") == 0 && strcmp(fl->value, "erst") == 0))
			continue;
		return 1;
	}
	return 0;
}

/* Set key to the field's value in s when it holds text. */
static int
set_from_field(struct session *s, const char *key, const char *value, char **why)
{
	if (value == NULL || value[0] == '\0')
		return 0;
	return session_set(s, key, value, why);
}

/* Build and create the session from the fields. */
static int
create(struct ui *ui)
{
	struct form_errors errors = {0};
	struct form *form;
	struct session *s;
	char *path, *why = NULL;
	struct ui_field *k = field("meta.kommune");
	int n = 0;

	if (k->value == NULL || k->value[0] == '\0') {
		ui_message(ui, 1, "Bitte die Kommune eintragen (Pflichtfeld).");
		fields.selected = (size_t)(k - fields.items);
		return UI_HANDLED | UI_REDRAW;
	}
	path = ui->form_path != NULL ? xstrdup(ui->form_path) : paths_default_form();
	form = form_load_file(path, &errors);
	if (form == NULL) {
		char *all = form_errors_format(&errors);
		ui_message(ui, 1, "Prüfbogen %s ungültig: %s", path, all);
		free(all);
		form_errors_clear(&errors);
		free(path);
		return UI_HANDLED | UI_REDRAW;
	}
	form_errors_clear(&errors);
	free(path);
	s = session_new(form);
	for (size_t i = 0; i < fields.count && why == NULL; i++) {
		struct ui_field *fl = &fields.items[i];
		if (fl->key == NULL || strncmp(fl->key, "meta.", 5) != 0 ||
		    strcmp(fl->key, "meta.vorher") == 0)
			continue;
		set_from_field(s, fl->key, fl->value, &why);
	}
	/* participants: only lines with a name, numbered without gaps */
	for (size_t i = 1; why == NULL; i++) {
		char *kn = xasprintf("participant.%zu.name", i), *kf;
		struct ui_field *name = field(kn);
		free(kn);
		if (name == NULL)
			break;
		if (name->value == NULL || name->value[0] == '\0')
			continue;
		n++;
		kf = xasprintf("participant.%zu.funktion", i);
		{
			char *to = xasprintf("participant.%d.name", n);
			set_from_field(s, to, name->value, &why);
			free(to);
			to = xasprintf("participant.%d.funktion", n);
			if (why == NULL)
				set_from_field(s, to, field(kf)->value, &why);
			free(to);
		}
		free(kf);
	}
	if (why == NULL && s->meta.kind == AUDIT_RENEWAL) {
		struct ui_field *prev = field("meta.vorher");
		if (prev->value != NULL && prev->value[0] != '\0')
			reaudit_link(s, prev->value, NULL, &why);
	}
	if (why == NULL && audit_create(s, ui->dir, &why) == 0) {
		ui_open_session(ui, s);
		ui_fields_clear(&fields);
		ui_message(ui, 0, "Audit angelegt: %s", s->path);
		return UI_HANDLED | UI_REDRAW;
	}
	ui_message(ui, 1, "%s", why != NULL ? why : "Anlegen fehlgeschlagen");
	free(why);
	session_free(s);
	return UI_HANDLED | UI_REDRAW;
}

/* Take the value just committed into field fl (nothing is saved yet). 0, or
 * -1 when it is no date (the editor keeps the input). */
static int
take_value(struct ui *ui, struct ui_field *fl)
{
	char iso[11], *why = NULL;
	const char *value = fields.result;

	if (fl->kind == FIELD_DATE && value[0] != '\0') {
		if (date_parse(value, iso, &why) != 0) {
			ui_message(ui, 1, "%s", why);
			free(why);
			return -1;
		}
		value = iso;
	}
	ui_edit_stop(&fields.edit);
	str_replace(&fl->value, value);
	free(ui->status);
	ui->status = NULL;
	if (fl->kind == FIELD_DATE && value[0] != '\0') {
		char today[11], *w;
		date_today(today);
		w = plausible_date_warning(DATE_ROLE_AUDIT, value, NULL, today);
		if (w != NULL)
			ui_message(ui, 1, "Achtung: %s", w);
		free(w);
	}
	if (strcmp(fl->key, "meta.art") == 0)
		field("meta.vorher")->hidden = strcmp(fl->value, "re") != 0;
	if (strcmp(fl->key, "meta.landkreis") == 0) {
		struct ui_field *ihk = field("meta.ihk");
		char *name = suggested_ihk(ui, fl->value);
		if (name != NULL && (ihk->value == NULL || ihk->value[0] == '\0')) {
			str_replace(&ihk->value, name);
			ui_message(
			    ui, 0,
			    "IHK aus dem Landkreis vorgeschlagen: %s (ändern mit ←/→)",
			    name);
		}
		free(name);
	}
	if (strncmp(fl->key, "participant.", 12) == 0)
		participant_lines();
	return 0;
}

/* Commit what the editor holds into its field (before leaving or creating). */
static int
commit_editor(struct ui *ui)
{
	size_t sel = fields.selected;

	if (!fields.edit.active)
		return 0;
	free(fields.result);
	fields.result = ui_edit_text(&fields.edit);
	return take_value(ui, &fields.items[sel]);
}

/* Keys of the form. */
static int
new_key(struct ui *ui, int key)
{
	int r;
	struct ui_field *fl;

	if (confirm_discard) {
		confirm_discard = 0;
		if (key != 'j' && key != 'J') {
			ui_message(ui, 0, "Weiter mit dem neuen Audit");
			return UI_HANDLED | UI_REDRAW;
		}
		ui_fields_clear(&fields);
		ui_switch(ui, &ui_start_screen);
		ui_message(ui, 0, "Neues Audit verworfen");
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_CTRL('s')) {
		if (commit_editor(ui) != 0)
			return UI_HANDLED | UI_REDRAW;
		return create(ui);
	}
	r = ui_fields_key(&fields, key);
	fl = &fields.items[fields.selected];
	switch (r) {
	case UI_FIELDS_COMMIT:
		take_value(ui, fl);
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_BUTTON:
		return create(ui);
	case UI_FIELDS_CONFIRM:
		ui_message(ui, 1, "%s", fields.result);
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_MESSAGE:
		ui_message(ui, 0, "%s", fields.result);
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_CANCEL:
		ui_message(ui, 0, "Eingabe verworfen");
		return UI_HANDLED | UI_REDRAW;
	case 0:
		break;
	default:
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_ESC) {
		if (form_filled()) {
			confirm_discard = 1;
			ui_message(ui, 1,
			           "Eingaben verwerfen, ohne das Audit anzulegen? j: "
			           "verwerfen, andere Taste: weiter");
			return UI_HANDLED | UI_REDRAW;
		}
		ui_fields_clear(&fields);
		ui_switch(ui, &ui_start_screen);
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
}

/* Before leaving: take what is typed; on quitting ask when the form is filled. */
static int
new_flush(struct ui *ui, int quitting)
{
	confirm_discard = 0;
	if (commit_editor(ui) != 0)
		return -1;
	if (quitting && fields.count > 0 && form_filled()) {
		ui_message(ui, 1,
		           "Das neue Audit ist noch nicht angelegt (Strg-S legt es an).");
		return -1;
	}
	return 0;
}

const struct ui_screen ui_new_screen = {
    .name = "Neues Audit",
    .init = new_init,
    .draw = new_draw,
    .key = new_key,
    .resize = NULL,
    .flush = new_flush,
};
