/*
 * test_town.c: CUnit suite of the town's statements (model/town.h, the
 * record family in session_town.c) and of the Dokumentationstabelle
 * (model/table.h): every town.* key is set, validated as `set` validates
 * the auditor's records, read back, dumped, loaded and cleared by part;
 * the statement as a person reads it, differs and not yet verified;
 * taking an answer and a goal over; the table written from a session whose
 * town layer holds a value of every kind and read back into a fresh
 * session gives the same layer; a table of another edition is refused
 * naming both and changes nothing; a CSV (';', Windows-1252, a quoted line
 * break) is read with its problems named by cell; a file that is no table
 * is refused; the table never replaces a file unless forced, and never a
 * link, a directory or a session name. No network, no other test files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/util.h"
#include "model/session.h"
#include "model/table.h"
#include "model/town.h"
#include "test_main.h"

/* Every question type, an "entfällt" question, a follow-up, three goals. */
static const char form_head[] = "form: klein\n"
                                "title: Kleiner Prüfbogen\n";
static const char form_body[] =
    "pass: {total_percent: 60, section_min_percent: 40}\n"
    "validity_years: {first: 3, renewal: 5}\n"
    "goals: {count: 3, bonus: {erreicht: 3, teilweise: 1, nicht_erreicht: 0}}\n"
    "sections:\n"
    "  - id: a\n"
    "    title: Erstes Feld\n"
    "    questions:\n"
    "      - {id: jn, type: yesno, text: Ja oder nein?, points: 2, na: true, "
    "evidence: Beschluss}\n"
    "      - {id: wann, type: date, text: Seit wann?, show_if: jn}\n"
    "      - id: wahl\n"
    "        type: choice\n"
    "        text: Welche?\n"
    "        options:\n"
    "          - {id: gut, label: Gut, points: 2}\n"
    "          - {id: schlecht, label: 'Schlecht, leider', points: 0}\n"
    "      - id: mehr\n"
    "        type: multi\n"
    "        text: Welche alle?\n"
    "        options:\n"
    "          - {id: x, label: Erstens, points: 1}\n"
    "          - {id: y, label: Zweitens, points: 1}\n"
    "          - {id: z, label: Drittens, points: 1}\n"
    "  - id: b\n"
    "    title: Zweites Feld\n"
    "    questions:\n"
    "      - {id: zahl, type: number, text: Wie viele?, min: -10, max: 5000, "
    "bands: [{min: 0, points: 0}, {min: 5, points: 2}]}\n"
    "      - {id: skala, type: scale, text: Wie gut?, max: 4, labels: [schlecht, "
    "mäßig, mittel, gut, sehr gut]}\n"
    "      - {id: freitext, type: text, text: Was noch?}\n";

static char *tmpdir;

/* A session over the small form of that edition. */
static struct session *
session_of(const char *edition)
{
	struct form_errors errors = {0};
	char *text = xasprintf("%sedition: %s\n%s", form_head, edition, form_body);
	struct form *f = form_load_string(text, strlen(text), "klein", &errors);

	free(text);
	if (f == NULL) {
		char *list = form_errors_format(&errors);
		fprintf(stderr, "form does not load:\n%s", list);
		free(list);
	}
	form_errors_clear(&errors);
	return f != NULL ? session_new(f) : NULL;
}

static struct session *
small(void)
{
	return session_of("2023-05-11");
}

static void
set_ok(struct session *s, const char *key, const char *value)
{
	char *why = NULL;
	int rc = session_change(s, key, value, &why);

	if (rc != 0)
		fprintf(stderr, "set %s=%s: %s\n", key, value ? value : "(clear)", why);
	CU_ASSERT_EQUAL(rc, 0);
	free(why);
}

static void
refused(struct session *s, const char *key, const char *value, const char *words)
{
	char *why = NULL;

	CU_ASSERT_EQUAL(session_change(s, key, value, &why), -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(why);
	if (strstr(why, words) == NULL)
		fprintf(stderr, "refusal of %s=%s lacks „%s“: %s\n", key, value, words,
		        why);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, words));
	free(why);
}

static void
get_is(const struct session *s, const char *key, const char *expected)
{
	char *v = session_get(s, key);

	if (expected == NULL) {
		CU_ASSERT_PTR_NULL(v);
	} else {
		CU_ASSERT_PTR_NOT_NULL_FATAL(v);
		if (strcmp(v, expected) != 0)
			fprintf(stderr, "%s: „%s“, want „%s“\n", key, v, expected);
		CU_ASSERT_STRING_EQUAL(v, expected);
	}
	free(v);
}

/* The town.* lines of the dump, without the import record. Caller frees. */
static char *
town_lines(const struct session *s)
{
	char *dump = session_dump(s), *line, *save = NULL;
	struct buf b = {0};

	for (line = strtok_r(dump, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save))
		if (strncmp(line, "town.", 5) == 0 &&
		    strncmp(line, "town.import_", 12) != 0)
			buf_printf(&b, "%s\n", line);
	buf_adds(&b, "");
	free(dump);
	return buf_steal(&b);
}

/* A town layer with a value of every kind. */
static void
fill_town(struct session *s)
{
	set_ok(s, "meta.kommune", "Lindenfels & Söhne");
	set_ok(s, "meta.ihk", "IHK Musterstadt");
	set_ok(s, "town.a.jn", "ja");
	set_ok(s, "town.a.jn:text", "Beschluss vom 14.03.2026");
	set_ok(s, "town.a.jn:evidence", "Ordner S. 3");
	set_ok(s, "town.a.wann", "14.03.2026");
	set_ok(s, "town.a.wahl", "schlecht");
	set_ok(s, "town.a.mehr", "x,z");
	set_ok(s, "town.a.mehr:text", "zwei von drei");
	set_ok(s, "town.b.zahl", "-3");
	set_ok(s, "town.b.skala", "3");
	set_ok(s, "town.b.freitext", "Zeile eins\nZeile „zwei“ mit äöü ß; =1+1");
	set_ok(s, "town.b.freitext:evidence", "Flyer, S. 12");
	set_ok(s, "town.meta.kommune", "Lindenfels");
	set_ok(s, "town.meta.landkreis", "Landkreis Odenwaldhöhe");
	set_ok(s, "town.meta.zentralitaet", "Unterzentrum");
	set_ok(s, "town.participant.1.name", "Frau Schäfer");
	set_ok(s, "town.participant.1.funktion", "Bürgermeisterin");
	set_ok(s, "town.participant.2.name", "Herr Brandt");
	set_ok(s, "town.goal.2.ziel", "Willkommenspaket in drei Sprachen");
	set_ok(s, "town.goal.2.massnahmen", "Übersetzung\nDruck");
	set_ok(s, "town.goal.2.frist", "Ende 2027");
	set_ok(s, "town.goal.2.fragen", "1.1, b.zahl");
	set_ok(s, "town.goal.3.verantwortlich", "Hauptamt");
}

static void
test_family(void)
{
	struct session *s = small(), *back;
	char *dump, *why = NULL, *again;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_town(s);
	get_is(s, "town.a.jn", "ja");
	get_is(s, "town.a.wann", "2026-03-14"); /* a date is stored ISO */
	get_is(s, "town.a.mehr", "x,z");
	get_is(s, "town.goal.2.fragen", "a.jn,b.zahl");
	get_is(s, "a.jn", NULL); /* never the auditor's answer */
	/* validated as set validates the auditor's records */
	refused(s, "town.a.jn", "vielleicht", "„ja“");
	refused(s, "town.b.zahl", "5001", "5000");
	refused(s, "town.a.wahl", "mittel", "keine Option");
	refused(s, "town.meta.zentralitaet", "Großstadt", "Zentralitätsstufe");
	refused(s, "town.meta.ihk", "IHK X", "Unbekannter Schlüssel");
	refused(s, "town.goal.4.ziel", "x", "zwischen 1 und 3");
	refused(s, "town.goal.1.fragen", "9.9", "keine Frage");
	refused(s, "town.a.nix", "ja", "Unbekannter Schlüssel");
	refused(s, "town.a.jn:note", "x", "Unbekannter Schlüssel");
	get_is(s, "town.a.jn", "ja");
	/* participants: a cleared last one goes */
	set_ok(s, "town.participant.2.name", NULL);
	CU_ASSERT_EQUAL(s->town->participant_count, 1);
	set_ok(s, "town.participant.7.name", NULL); /* beyond the list: nothing */
	CU_ASSERT_EQUAL(s->town->participant_count, 1);
	/* dump and load give the same records */
	dump = session_dump(s);
	CU_ASSERT_PTR_NOT_NULL(strstr(dump, "town.b.freitext\tZeile eins\\nZeile"));
	back = session_from_dump(dump, strlen(dump), &why);
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	again = session_dump(back);
	CU_ASSERT_STRING_EQUAL(dump, again);
	free(again);
	/* clearing by part */
	CU_ASSERT_EQUAL(town_clear(back, TOWN_PART_GOALS, &why), 0);
	get_is(back, "town.goal.2.ziel", NULL);
	get_is(back, "town.a.jn", "ja");
	CU_ASSERT_EQUAL(town_clear(back, TOWN_PART_QUESTIONS, &why), 0);
	get_is(back, "town.a.jn", NULL);
	get_is(back, "town.meta.landkreis", "Landkreis Odenwaldhöhe");
	CU_ASSERT_TRUE(town_any(back));
	CU_ASSERT_EQUAL(town_clear(back, TOWN_PART_ALL, &why), 0);
	CU_ASSERT_FALSE(town_any(back));
	again = session_dump(back);
	CU_ASSERT_PTR_NULL(strstr(again, "\ntown."));
	free(again);
	free(dump);
	session_free(back);
	session_free(s);
}

static void
test_statement(void)
{
	struct session *s = small();
	char *t;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NULL(town_statement(s, 0));
	CU_ASSERT_FALSE(town_has_statement(s, 0));
	fill_town(s);
	t = town_statement(s, 0);
	CU_ASSERT_STRING_EQUAL(t, "Ja – Beschluss vom 14.03.2026, Nachweis: Ordner S. 3");
	free(t);
	t = town_statement(s, 1);
	CU_ASSERT_STRING_EQUAL(t, "14.03.2026");
	free(t);
	t = town_statement(s, 3);
	CU_ASSERT_STRING_EQUAL(t, "Erstens, Drittens – zwei von drei");
	free(t);
	set_ok(s, "town.b.skala", NULL);
	set_ok(s, "town.b.skala:evidence", "Bericht");
	t = town_statement(s, 5);
	CU_ASSERT_STRING_EQUAL(t, "keine Angabe, Nachweis: Bericht");
	free(t);
	session_free(s);
}

static void
test_differs_and_unverified(void)
{
	struct session *s = small();

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_town(s);
	CU_ASSERT_EQUAL(town_unverified(s, 0),
	                TOWN_UNVERIFIED_ANSWER | TOWN_UNVERIFIED_EVIDENCE);
	CU_ASSERT_FALSE(town_differs(s, 0));
	set_ok(s, "a.jn", "nein");
	CU_ASSERT_TRUE(town_differs(s, 0));
	CU_ASSERT_EQUAL(town_unverified(s, 0), TOWN_UNVERIFIED_EVIDENCE);
	set_ok(s, "a.jn:evidence", "vorgelegt");
	CU_ASSERT_EQUAL(town_unverified(s, 0), 0);
	set_ok(s, "a.jn", "ja");
	CU_ASSERT_FALSE(town_differs(s, 0));
	/* the same multi answer in another order is no difference */
	set_ok(s, "a.mehr", "z,x");
	CU_ASSERT_FALSE(town_differs(s, 3));
	set_ok(s, "a.mehr", "x");
	CU_ASSERT_TRUE(town_differs(s, 3));
	/* a question without a town answer never differs */
	set_ok(s, "b.skala", "1");
	set_ok(s, "town.b.skala", NULL);
	CU_ASSERT_FALSE(town_differs(s, 5));
	CU_ASSERT_EQUAL(town_unverified(s, 4), TOWN_UNVERIFIED_ANSWER);
	CU_ASSERT_EQUAL(town_unverified(s, 6),
	                TOWN_UNVERIFIED_ANSWER | TOWN_UNVERIFIED_EVIDENCE);
	session_free(s);
}

static void
test_take_over(void)
{
	struct session *s = small();
	char *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_town(s);
	CU_ASSERT_EQUAL(town_take_answer(s, 0, &why), 0);
	get_is(s, "a.jn", "ja");
	CU_ASSERT_EQUAL(town_take_answer(s, 0, &why), 1); /* already the same */
	CU_ASSERT_EQUAL(town_take_answer(s, 3, &why), 0);
	get_is(s, "a.mehr", "x,z");
	CU_ASSERT_EQUAL(town_take_answer(s, 1, &why), 0);
	get_is(s, "a.wann", "2026-03-14");
	set_ok(s, "town.b.skala", NULL);
	CU_ASSERT_EQUAL(town_take_answer(s, 5, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why);
	free(why);
	why = NULL;
	/* a goal: every field of the proposal, the others cleared */
	set_ok(s, "goal.2.messgroesse", "alt");
	set_ok(s, "goal.2.ziel", "alt");
	CU_ASSERT_EQUAL(town_take_goal(s, 1, &why), 0);
	get_is(s, "goal.2.ziel", "Willkommenspaket in drei Sprachen");
	get_is(s, "goal.2.massnahmen", "Übersetzung\nDruck");
	get_is(s, "goal.2.messgroesse", NULL);
	get_is(s, "goal.2.fragen", "a.jn,b.zahl");
	CU_ASSERT_TRUE(town_goal_proposed(s, 2));
	CU_ASSERT_FALSE(town_goal_proposed(s, 0));
	CU_ASSERT_EQUAL(town_take_goal(s, 0, &why), -1);
	free(why);
	session_free(s);
}

/* A path in the test's directory. Caller frees. */
static char *
in_tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* The dump of s as text (to compare "unchanged"). */
static char *
dumped(const struct session *s)
{
	return session_dump(s);
}

static void
test_table_roundtrip(void)
{
	struct session *s = small(), *t = small();
	struct table_report rep;
	char *path = in_tmp("rund.xlsx"), *why = NULL, *a, *b;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	fill_town(s);
	set_ok(s, "town.a.jn", "entfaellt");
	set_ok(s, "meta.art", "re");
	set_ok(s, "prevgoal.2.ziel", "Ein Ziel von damals");
	set_ok(s, "town.prevgoal.2.stand", "zur Hälfte umgesetzt");
	if (table_write(s, path, 0, NULL, &why) != 0)
		fprintf(stderr, "table_write: %s\n", why);
	CU_ASSERT_PTR_NULL_FATAL(why);
	set_ok(t, "meta.art", "re");
	set_ok(t, "prevgoal.2.ziel", "Ein Ziel von damals");
	if (table_import(t, path, "2026-11-20T10:00:00Z", &rep, &why) != 0)
		fprintf(stderr, "table_import: %s\n", why);
	CU_ASSERT_PTR_NULL_FATAL(why);
	for (size_t i = 0; i < rep.problem_count; i++)
		fprintf(stderr, "problem: %s\n", rep.problems[i]);
	CU_ASSERT_EQUAL(rep.problem_count, 0);
	CU_ASSERT_EQUAL(rep.taken, 7);
	CU_ASSERT_EQUAL(rep.empty, 0);
	CU_ASSERT_EQUAL(rep.unreadable, 0);
	CU_ASSERT_EQUAL(rep.participants, 2);
	CU_ASSERT_EQUAL(rep.goals, 2);
	CU_ASSERT_EQUAL(rep.prevgoals, 1);
	CU_ASSERT_EQUAL(rep.parts,
	                TOWN_PART_QUESTIONS | TOWN_PART_MASTER | TOWN_PART_GOALS);
	a = town_lines(s);
	b = town_lines(t);
	if (strcmp(a, b) != 0)
		fprintf(stderr, "written:\n%s\nread back:\n%s\n", a, b);
	CU_ASSERT_STRING_EQUAL(a, b);
	get_is(t, "town.import_file", "rund.xlsx");
	get_is(t, "town.import_time", "2026-11-20T10:00:00Z");
	get_is(t, "town.import_edition", "2023-05-11");
	get_is(t, "a.jn", NULL); /* the auditor's answers stay as they were */
	table_report_free(&rep);
	/* a second import replaces the layer: nothing is left from before */
	set_ok(t, "town.b.freitext:text", "nur vorher");
	CU_ASSERT_EQUAL(table_import(t, path, NULL, &rep, &why), 0);
	get_is(t, "town.b.freitext:text", NULL);
	table_report_free(&rep);
	free(a);
	free(b);
	free(path);
	session_free(s);
	session_free(t);
}

static void
test_table_other_edition(void)
{
	struct session *s = session_of("2021-01-01"), *t = small();
	struct table_report rep;
	char *path = in_tmp("alt.xlsx"), *why = NULL, *before, *after;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	fill_town(s);
	CU_ASSERT_EQUAL(table_write(s, path, 0, NULL, &why), 0);
	set_ok(t, "town.a.jn", "nein");
	before = dumped(t);
	CU_ASSERT_EQUAL(table_import(t, path, NULL, &rep, &why), -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(why);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, path));
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "01.01.2021"));
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "11.05.2023"));
	after = dumped(t);
	CU_ASSERT_STRING_EQUAL(before, after);
	free(why);
	free(before);
	free(after);
	free(path);
	session_free(s);
	session_free(t);
}

/* Write len bytes to a file in the test's directory; its path (caller frees). */
static char *
write_file(const char *name, const char *data, size_t len)
{
	char *path = in_tmp(name);
	FILE *f = fopen(path, "wb");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

/* Whether one of rep's problems is exactly text. */
static int
has_problem(const struct table_report *rep, const char *text)
{
	for (size_t i = 0; i < rep->problem_count; i++)
		if (strcmp(rep->problems[i], text) == 0)
			return 1;
	for (size_t i = 0; i < rep->problem_count; i++)
		fprintf(stderr, "problem: %s\n", rep->problems[i]);
	fprintf(stderr, "missing: %s\n", text);
	return 0;
}

static void
test_csv(void)
{
	/* the Fragen sheet as German Excel saves it: ';', Windows-1252 */
	static const char csv[] =
	    "Fragen;;;;;;;;wohnort-audit Dokumentationstabelle 1;Fragen;klein;2023-05-11;"
	    "0000\r\n"
	    ";;;;;;;;;;;;\r\n"
	    "Nr;Handlungsfeld;Frage;Erl\xe4uterung (Pr\xfc"
	    "fbogen);M\xf6gliche Antworten;Angabe der Kommune;Erl\xe4uterung der "
	    "Kommune;Nachweis (Dokument / Seite im Ordner);Frage-ID;Option;;;\r\n"
	    "1.1;1 Erstes Feld;Ja oder nein?;;Ja / Nein;vielleicht;\"Beschluss "
	    "\"\"A\"\"\r\n"
	    "vom 14.3.\";Ordner S. 3;a.jn;;;;\r\n"
	    "1.2;;Seit wann?;;;14.3.26;;;a.wann;;;;\r\n"
	    "1.3;;Welche?;;;schlecht, leider;;;a.wahl;;;;\r\n"
	    "1.4;;Welche alle?;;;;;;a.mehr;;;;\r\n"
	    "1.4 a);;Erstens;;;x;;;a.mehr;x;;;\r\n"
	    "1.4 b);;Zweitens;;;Nein;;;a.mehr;y;;;\r\n"
	    "1.4 c);;Drittens;;;vielleicht;;;a.mehr;z;;;\r\n"
	    "2.1;;Wie viele?;;;1.234;;;b.zahl;;;;\r\n"
	    "2.2;;Wie gut?;;;3 \x96 gut;;;b.skala;;;;\r\n"
	    "2.3;;Was noch?;;;Gr\xfc\xdf"
	    "e;;;b.nix;;;;\r\n";
	struct session *s = small();
	struct table_report rep;
	char *path = write_file("fragen.csv", csv, sizeof csv - 1), *why = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	set_ok(s, "town.goal.1.ziel", "bleibt: die CSV hat nur Fragen");
	if (table_import(s, path, NULL, &rep, &why) != 0)
		fprintf(stderr, "import: %s\n", why);
	CU_ASSERT_PTR_NULL_FATAL(why);
	CU_ASSERT_PTR_NOT_NULL(strstr(rep.format, "Windows-1252"));
	CU_ASSERT_PTR_NOT_NULL(strstr(rep.format, "„;“"));
	CU_ASSERT_TRUE(has_problem(&rep, "Fragen, Zeile 4, Spalte F: „vielleicht“ ist "
	                                 "keine Antwort auf eine Ja/Nein-Frage (erlaubt: "
	                                 "Ja, Nein, entfällt)"));
	CU_ASSERT_TRUE(has_problem(&rep, "Fragen, Zeile 10, Spalte F: „vielleicht“: bei "
	                                 "„Drittens“ bitte „Ja“ oder „Nein“ wählen"));
	CU_ASSERT_TRUE(has_problem(&rep, "Fragen, Zeile 13, Spalte I: „b.nix“ ist keine "
	                                 "Frage dieses Prüfbogens (die Zeile wurde "
	                                 "verändert, oder die Tabelle passt nicht zu "
	                                 "ihm)"));
	CU_ASSERT_EQUAL(rep.problem_count, 4); /* and the number 1.234 */
	CU_ASSERT_EQUAL(rep.notice_count, 1);  /* another fingerprint */
	get_is(s, "town.a.jn", NULL);
	get_is(s, "town.a.jn:text", "Beschluss \"A\"\nvom 14.3.");
	get_is(s, "town.a.jn:evidence", "Ordner S. 3");
	get_is(s, "town.a.wann", "2026-03-14");
	get_is(s, "town.a.wahl", "schlecht");
	get_is(s, "town.a.mehr", NULL); /* an option was not readable */
	get_is(s, "town.b.zahl", NULL);
	get_is(s, "town.b.skala", "3");
	get_is(s, "town.goal.1.ziel", "bleibt: die CSV hat nur Fragen");
	CU_ASSERT_EQUAL(rep.parts, TOWN_PART_QUESTIONS);
	CU_ASSERT_EQUAL(rep.taken, 3);
	CU_ASSERT_EQUAL(rep.unreadable, 3);
	CU_ASSERT_EQUAL(rep.empty, 1);
	CU_ASSERT_EQUAL(rep.other_unreadable, 1);
	table_report_free(&rep);
	free(path);
	session_free(s);
}

static void
test_not_a_table(void)
{
	static const char csv[] = "Nr;Frage;Antwort\n1.1;Ja?;Ja\n";
	struct session *s = small();
	struct table_report rep;
	char *path = write_file("fremd.csv", csv, sizeof csv - 1), *why = NULL;
	char *before = dumped(s), *after;
	char *dir = in_tmp("ein-verzeichnis");

	CU_ASSERT_EQUAL(table_import(s, path, NULL, &rep, &why), -1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(why);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "keine Dokumentationstabelle"));
	CU_ASSERT_EQUAL(strncmp(why, path, strlen(path)), 0);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(mkdir(dir, 0700), 0);
	CU_ASSERT_EQUAL(table_import(s, dir, NULL, &rep, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(why);
	free(why);
	after = dumped(s);
	CU_ASSERT_STRING_EQUAL(before, after);
	free(after);
	free(before);
	free(dir);
	free(path);
	session_free(s);
}

static void
test_write_target(void)
{
	struct session *s = small();
	char *path = in_tmp("ziel.xlsx"), *link = in_tmp("link.xlsx"), *why = NULL;
	char *cdb = in_tmp("sitzung.cdb");
	struct stat st;

	CU_ASSERT_EQUAL(table_write(s, path, 0, NULL, &why), 0);
	CU_ASSERT_EQUAL(stat(path, &st), 0);
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
	/* an existing file: only with TABLE_FORCE */
	CU_ASSERT_EQUAL(table_write(s, path, 0, NULL, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "--force"));
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(table_write(s, path, TABLE_FORCE, NULL, &why), 0);
	CU_ASSERT_EQUAL(symlink(path, link), 0);
	CU_ASSERT_EQUAL(table_write(s, link, TABLE_FORCE, NULL, &why), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "symbolischer Link"));
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(table_write(s, tmpdir, TABLE_FORCE, NULL, &why), -1);
	free(why);
	why = NULL;
	CU_ASSERT_EQUAL(table_write(s, cdb, TABLE_FORCE, NULL, &why), -1);
	free(why);
	CU_ASSERT_NOT_EQUAL(access(cdb, F_OK), 0);
	free(cdb);
	free(link);
	free(path);
	session_free(s);
}

static int
suite_init(void)
{
	tmpdir = test_tmpdir();
	return tmpdir == NULL;
}

static int
suite_clean(void)
{
	test_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

static CU_TestInfo town_tests[] = {
    {"town.* records: set, validate, dump, load, clear", test_family},
    {"the statement as a person reads it", test_statement},
    {"differs and not yet verified", test_differs_and_unverified},
    {"taking an answer and a goal over", test_take_over},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo table_tests[] = {
    {"written and read back: the same layer", test_table_roundtrip},
    {"another edition is refused, naming both", test_table_other_edition},
    {"CSV: ';', Windows-1252, problems by cell", test_csv},
    {"no table: refused, nothing changed", test_not_a_table},
    {"the table replaces only what it may", test_write_target},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"town", NULL, NULL, NULL, NULL, town_tests},
    {"table", suite_init, suite_clean, NULL, NULL, table_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}
