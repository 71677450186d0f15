/*
 * vocab.c: the tables of vocab.h and their lookups. Adding a master-data
 * field, a goal field or an evidence state is one row here; the session,
 * the command line and the screens follow from the row.
 * Model code: never prints, never exits.
 */
#include "config.h"

#include <string.h>

#include "lib/util.h"
#include "model/vocab.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct vocab_value evidence_values[] = {
    {"vorgelegt", "vorgelegt"},
    {"nachzureichen", "nachzureichen"},
    {"fehlt", "fehlt"},
};
const struct vocab_values vocab_evidence = {
    "Nachweis-Status", evidence_values, COUNT(evidence_values), "kein Nachweis-Status"};

static const struct vocab_value goal_status_values[] = {
    {"erreicht", "erreicht"},
    {"teilweise", "teilweise"},
    {"nicht_erreicht", "nicht erreicht"},
};
const struct vocab_values vocab_goal_status = {
    "Zielstatus", goal_status_values, COUNT(goal_status_values), "kein Zielstatus"};

static const struct vocab_value zentralitaet_values[] = {
    {"Oberzentrum", "Oberzentrum"},
    {"Mittelzentrum", "Mittelzentrum"},
    {"Unterzentrum", "Unterzentrum"},
    {"Kleinzentrum", "Kleinzentrum"},
    {"Verwaltungsgemeinschaft", "Verwaltungsgemeinschaft"},
};
const struct vocab_values vocab_zentralitaet = {"Zentralitätsstufe", zentralitaet_values,
                                                COUNT(zentralitaet_values),
                                                "keine Zentralitätsstufe"};

static const struct vocab_value art_values[] = {
    {"erst", "Erstaudit"},
    {"re", "Re-Audit"},
};
const struct vocab_values vocab_art = {"Audit-Art", art_values, COUNT(art_values),
                                       "keine Audit-Art"};

static const struct vocab_field meta_fields[] = {
    {"kommune", "Kommune", "kommune", "NAME", VOCAB_TEXT, NULL,
     VOCAB_REQUIRED | VOCAB_TOWN, "die auditierte Kommune"},
    {"landkreis", "Landkreis", "landkreis", "NAME", VOCAB_TEXT, NULL,
     VOCAB_INHERITED | VOCAB_TOWN, "Landkreis der Kommune (schlägt die IHK vor)"},
    {"zentralitaet", "Zentralitätsstufe", "zentralitaet", "STUFE", VOCAB_CHOICE,
     &vocab_zentralitaet, VOCAB_INHERITED | VOCAB_TOWN, "Oberzentrum, Mittelzentrum …"},
    {"ihk", "IHK", "ihk", "NAME", VOCAB_REFERENCE, NULL, VOCAB_INHERITED,
     "die auditierende IHK"},
    {"auditor", "Auditor/in", "auditor", "NAME", VOCAB_TEXT, NULL, 0,
     "wer das Audit führt"},
    {"datum", "Datum", "datum", "DATUM", VOCAB_DATE, NULL, 0,
     "Tag des Prüfgesprächs (Vorgabe: heute)"},
    {"art", "Art", "art", "erst|re", VOCAB_CHOICE, &vocab_art, 0,
     "Erstaudit oder Re-Audit"},
    {"vorher", "Vorheriges Audit", "vorher", "VORHER.cdb", VOCAB_SESSION, NULL,
     VOCAB_LINKED, "Sitzung des letzten Audits der Kommune (macht ein Re-Audit)"},
};
const struct vocab_table vocab_meta = {"meta.KEY", meta_fields, COUNT(meta_fields)};

static const struct vocab_field participant_fields[] = {
    {"name", "Name", NULL, NULL, VOCAB_TEXT, NULL, 0, "Name der Person"},
    {"funktion", "Funktion", NULL, NULL, VOCAB_TEXT, NULL, 0, "Funktion in der Kommune"},
};
const struct vocab_table vocab_participant = {"participant.N.KEY", participant_fields,
                                              COUNT(participant_fields)};

static const struct vocab_field goal_fields[] = {
    {"ziel", "Ziel", NULL, NULL, VOCAB_LONGTEXT, NULL, 0, "das Entwicklungsziel"},
    {"massnahmen", "Maßnahmen", NULL, NULL, VOCAB_LONGTEXT, NULL, 0,
     "wie die Kommune es erreichen will"},
    {"messgroesse", "Messgröße", NULL, NULL, VOCAB_LONGTEXT, NULL, 0,
     "woran das Erreichen gemessen wird"},
    {"frist", "Frist", NULL, NULL, VOCAB_TEXT, NULL, 0, "bis wann"},
    {"verantwortlich", "Verantwortlich", NULL, NULL, VOCAB_TEXT, NULL, 0,
     "wer in der Kommune verantwortlich ist"},
    {"fragen", "Fragen (Nr.)", NULL, NULL, VOCAB_QUESTIONS, NULL, 0,
     "Fragen, deren Empfehlung das Ziel aufgreift (Nummern wie 2.3)"},
};
const struct vocab_table vocab_goal = {"goal.N.KEY", goal_fields, COUNT(goal_fields)};

static const struct vocab_field item_fields[] = {
    {"note", "Notiz", "note", "TEXT", VOCAB_LONGTEXT, NULL, VOCAB_INTERNAL,
     "Notiz des Auditors zur Frage"},
    {"recommendation", "Eigene Empfehlung", "recommendation", "TEXT", VOCAB_LONGTEXT,
     NULL, 0, "eigene Empfehlung statt der aus dem Prüfbogen"},
    {"evidence", "Nachweis", "evidence", "STATUS", VOCAB_CHOICE, &vocab_evidence, 0,
     "Stand des Nachweises"},
    {"evidence_due", "Nachzureichen bis", "due", "DATUM", VOCAB_DATE, NULL, 0,
     "Frist, wenn der Nachweis nachzureichen ist"},
    {"evidence_text", "Beschreibung", "evidence-text", "TEXT", VOCAB_LONGTEXT, NULL,
     VOCAB_INTERNAL, "welches Dokument, welche Seite"},
};
const struct vocab_table vocab_item = {"QUESTION:KEY", item_fields, COUNT(item_fields)};

static const struct vocab_value phase_values[] = {
    {"gespraech", "Gespräch"},
    {"auswertung", "Auswertung"},
    {"abgeschlossen", "Abgeschlossen"},
};
const struct vocab_values vocab_phase = {"Phase", phase_values, COUNT(phase_values),
                                         "keine Phase"};

static const struct vocab_field session_fields[] = {
    {"phase", "Phase", NULL, "PHASE", VOCAB_CHOICE, &vocab_phase, 0,
     "Gespräch (Punkte verborgen), Auswertung, Abgeschlossen (Änderungen mit Grund)"},
};
const struct vocab_table vocab_session = {"session.KEY", session_fields,
                                          COUNT(session_fields)};
/* What the town writes beside its answer in the Dokumentationstabelle. */
static const struct vocab_field town_item_fields[] = {
    {"text", "Erläuterung der Kommune", NULL, NULL, VOCAB_LONGTEXT, NULL, 0,
     "was die Kommune zu ihrer Angabe erläutert"},
    {"evidence", "Nachweis (Dokument / Seite im Ordner)", NULL, NULL, VOCAB_LONGTEXT,
     NULL, 0, "wo die Kommune den Nachweis belegt (Dokument, Seite im Ordner)"},
};
const struct vocab_table vocab_town_item = {"town.QUESTION:KEY", town_item_fields,
                                            COUNT(town_item_fields)};

/* What the town reports on a goal of the previous audit (re-audit). */
static const struct vocab_field town_prevgoal_fields[] = {
    {"stand", "Stand der Umsetzung", NULL, NULL, VOCAB_LONGTEXT, NULL, 0,
     "was die Kommune zum Ziel des letzten Audits berichtet"},
};
const struct vocab_table vocab_town_prevgoal = {
    "town.prevgoal.N.KEY", town_prevgoal_fields, COUNT(town_prevgoal_fields)};

/* The record of the last import of a Dokumentationstabelle. */
static const struct vocab_field town_import_fields[] = {
    {"import_file", "Eingelesene Datei", NULL, NULL, VOCAB_TEXT, NULL, 0,
     "die zuletzt eingelesene Dokumentationstabelle"},
    {"import_time", "Eingelesen am", NULL, NULL, VOCAB_TEXT, NULL, 0,
     "wann sie eingelesen wurde (UTC, JJJJ-MM-TTTHH:MM:SSZ)"},
    {"import_edition", "Ausgabe der Tabelle", NULL, NULL, VOCAB_TEXT, NULL, 0,
     "für welche Ausgabe des Prüfbogens sie geschrieben wurde"},
};
const struct vocab_table vocab_town_import = {"town.KEY", town_import_fields,
                                              COUNT(town_import_fields)};

int
vocab_find(const struct vocab_table *t, const char *key)
{
	for (size_t i = 0; i < t->count; i++)
		if (strcmp(t->fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

const struct vocab_field *
vocab_field(const struct vocab_table *t, const char *key)
{
	int i = vocab_find(t, key);
	return i >= 0 ? &t->fields[i] : NULL;
}

int
vocab_find_option(const struct vocab_table *t, const char *option)
{
	for (size_t i = 0; i < t->count; i++)
		if (t->fields[i].option != NULL &&
		    strcmp(t->fields[i].option, option) == 0)
			return (int)i;
	return -1;
}

int
vocab_value_find(const struct vocab_values *v, const char *value)
{
	for (size_t i = 0; i < v->count; i++)
		if (strcmp(v->items[i].value, value) == 0)
			return (int)i;
	return -1;
}

const char *
vocab_value_label(const struct vocab_values *v, const char *value)
{
	int i = vocab_value_find(v, value);
	return i >= 0 ? v->items[i].label : NULL;
}

char *
vocab_values_join(const struct vocab_values *v, const char *sep)
{
	struct buf b = {0};

	for (size_t i = 0; i < v->count; i++) {
		if (i > 0)
			buf_adds(&b, sep);
		buf_adds(&b, v->items[i].value);
	}
	buf_adds(&b, "");
	return buf_steal(&b);
}
