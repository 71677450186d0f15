/*
 * ui_new.c: the „Neues Audit“ screen: master data (Kommune required,
 * Landkreis, Zentralitätsstufe, IHK from data/ihk.txt, Auditor/in, Datum
 * defaulting to today, Art with the previous session for a re-audit) and the
 * Teilnehmende as Name + Funktion lines. Values stay on the screen until
 * „Audit anlegen“ builds the session, copies a re-audit's previous goals and
 * creates the file; nothing is written before that.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "reaudit.h"
#include "reference.h"
#include "ui.h"
#include "util.h"

#define PARTICIPANT_LINES 6

static struct ui_fields fields;

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

/* The field with this key, or NULL. */
static struct ui_field *
field(const char *key)
{
	for (size_t i = 0; i < fields.count; i++)
		if (fields.items[i].key != NULL && strcmp(fields.items[i].key, key) == 0)
			return &fields.items[i];
	return NULL;
}

/* Fill a choice field from the IHK list in data/. */
static void
add_ihk_choices(struct ui *ui, struct ui_field *fl)
{
	struct reference_ihk *ihk = NULL;
	size_t n = 0;
	char *path = paths_data_file("ihk.txt"), *why = NULL;

	if (reference_ihk_load(path, &ihk, &n, &why) != 0) {
		ui_message(ui, 1, "IHK-Liste: %s", why);
		free(why);
		n = 0;
	}
	free(path);
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

/* Fill a choice field with the sessions in the directory (previous audit). */
static void
add_previous_choices(struct ui *ui, struct ui_field *fl)
{
	struct session_summary *list = NULL;
	size_t n = 0, k = 1;
	char *why = NULL;

	if (session_list(ui->dir, &list, &n, &why) != 0) {
		free(why);
		n = 0;
	}
	fl->owned_choices = xcalloc(n + 1, sizeof *fl->owned_choices);
	fl->owned_labels = xcalloc(n + 1, sizeof *fl->owned_labels);
	fl->owned_choices[0] = xstrdup("");
	fl->owned_labels[0] = xstrdup("– (keines)");
	for (size_t i = 0; i < n; i++) {
		if (list[i].error != NULL)
			continue;
		fl->owned_choices[k] = xstrdup(list[i].path);
		fl->owned_labels[k] =
		    xasprintf("%s, %s", list[i].kommune != NULL ? list[i].kommune : "?",
		              list[i].datum != NULL ? list[i].datum : "?");
		k++;
	}
	fl->choice_count = k;
	fl->choices = (const char *const *)fl->owned_choices;
	fl->choice_labels = (const char *const *)fl->owned_labels;
	session_summaries_free(list, n);
}

/* The master data and participant fields; values from s, or empty (today's date) without.
 */
void
ui_master_fields(struct ui *ui, struct ui_fields *f, const struct session *s)
{
	struct ui_field *fl;
	char today[11];
	size_t lines = PARTICIPANT_LINES;

	ui_today(today);
	ui_fields_add(f, FIELD_HEADING, "Stammdaten", NULL, NULL);
	ui_fields_add(f, FIELD_TEXT, "Kommune *", "meta.kommune",
	              s ? s->meta.kommune : NULL);
	ui_fields_add(f, FIELD_TEXT, "Landkreis", "meta.landkreis",
	              s ? s->meta.landkreis : NULL);
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
	if (s == NULL) {
		fl =
		    ui_fields_add(f, FIELD_CHOICE, "Vorheriges Audit", "meta.vorher", "");
		add_previous_choices(ui, fl);
		fl->hidden = 1;
	} else if (s->meta.previous != NULL) {
		ui_fields_add(f, FIELD_INFO, "Vorheriges Audit", NULL, s->meta.previous);
	}
	ui_fields_add(f, FIELD_HEADING, "Teilnehmende", NULL, NULL);
	if (s != NULL && s->participant_count + 2 > lines)
		lines = s->participant_count + 2;
	for (size_t i = 1; i <= lines; i++) {
		const struct session_participant *p =
		    s != NULL && i <= s->participant_count ? &s->participants[i - 1]
		                                           : NULL;
		char *l = xasprintf("Name %zu", i),
		     *k = xasprintf("participant.%zu.name", i);
		ui_fields_add(f, FIELD_TEXT, l, k, p ? p->name : NULL);
		free(l);
		free(k);
		l = xasprintf("Funktion %zu", i);
		k = xasprintf("participant.%zu.funktion", i);
		ui_fields_add(f, FIELD_TEXT, l, k, p ? p->function : NULL);
		free(l);
		free(k);
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
}

/* Draw the form. */
static void
new_draw(struct ui *ui)
{
	static const char *const keys[] = {
	    "Enter", "bearbeiten", "Esc", "abbrechen", "1", "Hilfe", "10", "Ende", NULL};
	struct ui_field *fl = &fields.items[fields.selected];
	const char *hint;

	ui_frame(ui, "Neues Audit", ui->dir, keys);
	ui_fields_draw(ui, &fields, 1, 1, ui->cols - 2, ui->rows - 5);
	if (fields.edit.active)
		hint = "Enter übernimmt, Esc verwirft die Eingabe.";
	else if (fl->kind == FIELD_CHOICE)
		hint = "Leertaste oder ←/→ wechselt die Auswahl; ↑/↓ nächstes Feld.";
	else if (fl->kind == FIELD_BUTTON)
		hint = "Enter legt das Audit an und beginnt das Prüfgespräch.";
	else
		hint = "Tippen oder Enter zum Bearbeiten; ↑/↓ nächstes Feld; * = "
		       "Pflichtfeld.";
	ui_put(ui->rows - 4, 1, ui->cols - 2, hint, ui->attrs[ROLE_DIM]);
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
	for (int i = 1; i <= PARTICIPANT_LINES && why == NULL; i++) {
		char *kn = xasprintf("participant.%d.name", i), *kf;
		struct ui_field *name = field(kn);
		free(kn);
		if (name->value == NULL || name->value[0] == '\0')
			continue;
		n++;
		kf = xasprintf("participant.%d.funktion", i);
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
	if (why == NULL && session_create_file(s, ui->dir, &why) == 0) {
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

/* Keys of the form. */
static int
new_key(struct ui *ui, int key)
{
	int r = ui_fields_key(&fields, key);
	struct ui_field *fl = &fields.items[fields.selected];

	switch (r) {
	case UI_FIELDS_COMMIT:
		if (fl->kind == FIELD_DATE && fields.result[0] != '\0' &&
		    !date_valid(fields.result)) {
			ui_message(ui, 1,
			           "Datum bitte als JJJJ-MM-TT (z. B. 2026-11-23).");
			return UI_HANDLED | UI_REDRAW;
		}
		str_replace(&fl->value, fields.result);
		if (strcmp(fl->key, "meta.art") == 0)
			field("meta.vorher")->hidden = strcmp(fl->value, "re") != 0;
		free(ui->status);
		ui->status = NULL;
		return UI_HANDLED | UI_REDRAW;
	case UI_FIELDS_BUTTON:
		return create(ui);
	case 0:
		break;
	default:
		return UI_HANDLED | UI_REDRAW;
	}
	if (key == UI_ESC) {
		ui_fields_clear(&fields);
		ui_switch(ui, &ui_start_screen);
		return UI_HANDLED | UI_REDRAW;
	}
	return 0;
}

const struct ui_screen ui_new_screen = {
    .name = "Neues Audit",
    .init = new_init,
    .draw = new_draw,
    .key = new_key,
    .resize = NULL,
};
