/*
 * table_import.c: reading a filled Dokumentationstabelle back into the
 * session's town layer. The file is an .xlsx (lib/xlsxread.h; every
 * worksheet is looked at) or one sheet as CSV (lib/csvread.h); both come
 * here as rows of cells with their text and the name of their cell. In
 * each sheet row 1 holds the mark (TABLE_MARK, the sheet, the form id,
 * edition and fingerprint) in its hidden columns: it says which sheet of
 * table.c reads the rows below, and a table of another form or edition is
 * refused there. Then every heading row (its key column holds the sheet's
 * key heading) names the columns, and every row with a key goes to the
 * sheet's reader. Nothing changes in the session until the whole file has
 * been read; then the parts the file carries are cleared and every value
 * taken is set through session_change, which checks it once more. Model
 * code: never prints, never exits.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib/csvread.h"
#include "lib/date.h"
#include "lib/util.h"
#include "lib/xlsxread.h"
#include "model/history.h"
#include "model/table_private.h"

/* Messages kept in the report; the rest are counted (problem_more). */
#define PROBLEMS_KEPT 500
/* More cells than this not readable: no filled table of this form, but
 * junk (or a hostile file); refused as a whole. */
#define PROBLEMS_MAX 1000
/* Rows of a sheet looked through for the mark. */
#define MARK_ROWS 10

/* ---- helpers for the sheet readers ---- */

static const struct table_cell empty_cell = {.text = ""};

const struct table_cell *
table_cell(const struct table_read *r, const struct table_row *row, const char *head)
{
	for (size_t col = 0; col < r->head_count; col++)
		if (r->heads[col] != NULL && strcmp(r->heads[col], head) == 0)
			return col < row->count ? &row->cells[col] : &empty_cell;
	return &empty_cell;
}

int
table_cell_filled(const struct table_cell *cell)
{
	return cell->text[strspn(cell->text, " \t\r\n")] != '\0';
}

/* Mark question (or the other parts) as not readable. */
static void
mark_unreadable(struct table_read *r, long question)
{
	if (question >= 0 && (size_t)question < r->f->question_count)
		r->question_state[question] |= TABLE_UNREADABLE;
	else
		r->rep->other_unreadable++;
}

/* Add a message to the report (kept up to PROBLEMS_KEPT). */
static void
add_problem(struct table_report *rep, char *message)
{
	if (rep->problem_count >= PROBLEMS_KEPT) {
		rep->problem_more++;
		free(message);
		return;
	}
	rep->problems =
	    xreallocarray(rep->problems, rep->problem_count + 1, sizeof *rep->problems);
	rep->problems[rep->problem_count++] = message;
}

void
table_problem(struct table_read *r, const struct table_cell *cell, long question,
              const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	add_problem(r->rep, cell->ref[0] != '\0' ? xasprintf("%s: %s", cell->ref, message)
	                                         : xstrdup(message));
	free(message);
	mark_unreadable(r, question);
	r->problems_read++;
}

char *
table_cell_string(struct table_read *r, const struct table_cell *cell, long question)
{
	const char *t;
	size_t n;

	if (!table_cell_filled(cell))
		return NULL;
	if (cell->error) {
		table_problem(r, cell, question, "Fehlerwert %s statt einer Angabe",
		              cell->text);
		return NULL;
	}
	t = cell->text + strspn(cell->text, " \t\r\n");
	n = strlen(t);
	while (n > 0 && strchr(" \t\r\n", t[n - 1]) != NULL)
		n--;
	return xstrndup(t, n);
}

void
table_take(struct table_read *r, const struct table_cell *cell, long question,
           const char *key, const char *value)
{
	struct table_change *ch;

	if (r->change_count == r->change_size) {
		r->change_size = r->change_size ? 2 * r->change_size : 64;
		r->changes =
		    xreallocarray(r->changes, r->change_size, sizeof *r->changes);
	}
	ch = &r->changes[r->change_count++];
	ch->key = xstrdup(key);
	ch->value = xstrdup(value);
	snprintf(ch->ref, sizeof ch->ref, "%s", cell->ref);
	ch->question = question;
	if (question >= 0 && (size_t)question < r->f->question_count)
		r->question_state[question] |= TABLE_TAKEN;
}

/* ---- one sheet: the mark, heading rows, rows ---- */

struct sheet_read {
	struct table_read *r;
	const char *label;             /* the file, for messages */
	const char *sheet;             /* the sheet's name (XLSX), NULL for CSV */
	struct xlsxread *x;            /* the workbook (XLSX), for dates */
	const struct table_sheet *def; /* from the mark; NULL before it */
	void *state;
	size_t keycol; /* 0-based */
	int heads_seen;
	unsigned parts_seen; /* of earlier sheets: a second mark of one is refused */
	char *fatal;         /* why the file cannot be read (then nothing changes) */
	char *notice;        /* the fingerprint differs */
	/* the row as the sheet readers see it */
	struct table_cell *cells;
	char (*conv)[40]; /* converted numbers and dates */
	size_t cap;
};

/* Make room for count cells, all empty. */
static void
row_reset(struct sheet_read *sr, size_t count)
{
	if (count > sr->cap) {
		sr->cap = count;
		sr->cells = xreallocarray(sr->cells, count, sizeof *sr->cells);
		sr->conv = xreallocarray(sr->conv, count, sizeof *sr->conv);
	}
	for (size_t i = 0; i < count; i++)
		sr->cells[i] = empty_cell;
}

/* "14.03.2026" of an ISO date into out. */
static void
german_date(const char iso[11], char out[40])
{
	snprintf(out, 40, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

/* The table sheet named name that is read back, or NULL. */
static const struct table_sheet *
sheet_named(const char *name)
{
	for (size_t i = 0; i < table_sheet_count; i++)
		if (table_sheets[i]->key_head != NULL &&
		    strcmp(table_sheets[i]->name, name) == 0)
			return table_sheets[i];
	return NULL;
}

/* "Ausgabe 11.05.2023" (or the text as it is). Caller frees. */
static char *
edition_text(const char *edition)
{
	char *d = date_display(edition != NULL ? edition : "");
	char *out = xasprintf("Ausgabe %s", d);

	free(d);
	return out;
}

/* The cell at column col of the row (empty when there is none). */
static const struct table_cell *
cell_at(const struct sheet_read *sr, const struct table_row *row, size_t col)
{
	(void)sr;
	return col < row->count ? &row->cells[col] : &empty_cell;
}

/* A row before the mark: look for it. Returns 0 (go on), 1 (stop: no mark
 * in this sheet), -1 (fatal set). */
static int
find_mark(struct sheet_read *sr, const struct table_row *row)
{
	const struct form *f = sr->r->f;
	const char *name, *id, *edition, *sha;
	size_t k;

	for (k = 0; k < row->count; k++)
		if (strcmp(row->cells[k].text, TABLE_MARK) == 0)
			break;
	if (k == row->count)
		return row->row >= MARK_ROWS ? 1 : 0;
	name = cell_at(sr, row, k + 1)->text;
	id = cell_at(sr, row, k + 2)->text;
	edition = cell_at(sr, row, k + 3)->text;
	sha = cell_at(sr, row, k + 4)->text;
	sr->def = sheet_named(name);
	if (sr->def == NULL) {
		sr->fatal = xasprintf("%s: %s: unbekanntes Blatt „%s“ in der Kennung der "
		                      "Dokumentationstabelle",
		                      sr->label, row->cells[k].ref, name);
		return -1;
	}
	if (strcmp(id, f->id) != 0 || strcmp(edition, f->edition) != 0) {
		char *theirs = edition_text(edition), *ours = edition_text(f->edition);
		sr->fatal = xasprintf(
		    "%s: die Tabelle gehört zum Prüfbogen „%s“, %s; diese Sitzung "
		    "verwendet "
		    "„%s“, %s. Bitte die Tabelle dieser Sitzung verwenden (wohnort-audit "
		    "table)",
		    sr->label, id, theirs, f->id, ours);
		free(theirs);
		free(ours);
		return -1;
	}
	if (sr->parts_seen & sr->def->part) {
		sr->fatal = xasprintf("%s: das Blatt „%s“ der Tabelle kommt zweimal vor",
		                      sr->label, name);
		return -1;
	}
	if (strcmp(sha, f->sha256) != 0 && sr->notice == NULL)
		sr->notice = xasprintf(
		    "Die Tabelle wurde aus einem anderen Text derselben Ausgabe des "
		    "Prüfbogens geschrieben (Fingerabdruck %.12s…, die Sitzung hat "
		    "%.12s…); jede Angabe wurde gegen den Prüfbogen der Sitzung geprüft.",
		    sha, f->sha256);
	sr->keycol = k;
	sr->state = sr->def->read_begin(sr->r);
	return 0;
}

/* Free the heading texts of the sheet being read. */
static void
heads_clear(struct table_read *r)
{
	for (size_t i = 0; i < r->head_count; i++)
		free(r->heads[i]);
	free(r->heads);
	r->heads = NULL;
	r->head_count = 0;
}

/* A row (cells filled in): the mark, a heading row, or a row to read. 0 go
 * on, 1 stop, -1 fatal. */
static int
sheet_row(struct sheet_read *sr, const struct table_row *row)
{
	struct table_read *r = sr->r;
	const struct table_cell *key;

	if (sr->def == NULL)
		return find_mark(sr, row);
	key = cell_at(sr, row, sr->keycol);
	if (strcmp(key->text, sr->def->key_head) == 0) {
		heads_clear(r);
		r->head_count = row->count;
		r->heads = xcalloc(row->count + 1, sizeof *r->heads);
		for (size_t i = 0; i < row->count; i++)
			r->heads[i] = xstrdup(row->cells[i].text);
		sr->heads_seen = 1;
		return 0;
	}
	if (!sr->heads_seen || !table_cell_filled(key))
		return 0;
	{
		char *k = table_cell_string(r, key, -1);
		if (k != NULL)
			sr->def->read_row(r, sr->state, k, row);
		free(k);
	}
	if (r->problems_read > PROBLEMS_MAX) {
		/* junk, or a hostile file: stop reading it */
		sr->fatal =
		    xasprintf("%s: mehr als %d Zellen sind nicht lesbar (%s); das "
		              "ist keine ausgefüllte Tabelle dieses Prüfbogens",
		              sr->label, PROBLEMS_MAX,
		              r->rep->problem_count > 0 ? r->rep->problems[0] : "");
		return -1;
	}
	return 0;
}

/* Finish the sheet: its reader's end, its part taken. */
static void
sheet_end(struct sheet_read *sr, unsigned *parts)
{
	if (sr->def != NULL) {
		sr->def->read_end(sr->r, sr->state);
		sr->state = NULL;
		*parts |= sr->def->part;
	}
	heads_clear(sr->r);
}

/* ---- XLSX ---- */

/* A cell of the workbook as the sheet readers see it. */
static void
xlsx_cell(struct sheet_read *sr, const struct xlsxread_cell *in, struct table_cell *out,
          char conv[40])
{
	char iso[11];

	out->text = in->text;
	snprintf(out->ref, sizeof out->ref, "%s!%s", sr->sheet, in->ref);
	switch (in->type) {
	case XLSXREAD_NUMBER:
		out->number = 1;
		out->value = in->number;
		if (in->date_style && xlsxread_cell_date(sr->x, in, iso) == 0) {
			out->date = 1;
			german_date(iso, conv);
			out->text = conv;
		} else if (isfinite(in->number) && fabs(in->number) < 1e15 &&
		           in->number == floor(in->number)) {
			/* a whole number as a person wrote it, not "42.0" or "4.2E1" */
			snprintf(conv, 40, "%.0f", in->number);
			out->text = conv;
		}
		break;
	case XLSXREAD_DATE:
		if (xlsxread_cell_date(sr->x, in, iso) == 0) {
			out->date = 1;
			german_date(iso, conv);
			out->text = conv;
		}
		break;
	case XLSXREAD_BOOL:
		out->text = in->number != 0 ? "WAHR" : "FALSCH";
		break;
	case XLSXREAD_ERROR:
		out->error = 1;
		break;
	case XLSXREAD_EMPTY:
	case XLSXREAD_STRING:
		break;
	}
}

/* Row callback of xlsxread_rows. */
static int
xlsx_row(void *arg, const struct xlsxread_row *in, char **why)
{
	struct sheet_read *sr = arg;
	struct table_row row = {in->row, 0, NULL};
	int rc;

	(void)why;
	if (in->count > 0)
		row.count = in->cells[in->count - 1].col;
	row_reset(sr, row.count);
	for (size_t i = 0; i < in->count; i++) {
		size_t col = in->cells[i].col - 1;
		xlsx_cell(sr, &in->cells[i], &sr->cells[col], sr->conv[col]);
	}
	row.cells = sr->cells;
	rc = sheet_row(sr, &row);
	return rc < 0 ? 1 : rc; /* fatal: stop; sr->fatal says why */
}

/* Read every worksheet of the workbook at path. 0, or -1 with *why. */
static int
read_xlsx(struct table_read *r, const char *path, const char *label, unsigned *parts,
          char **notice, char **why)
{
	struct xlsxread *x = xlsxread_open(path, NULL, why);
	struct sheet_read sr = {0};
	int rc = 0;

	if (x == NULL)
		return -1;
	r->date1904 = xlsxread_date1904(x);
	sr.r = r;
	sr.label = label;
	sr.x = x;
	for (size_t i = 0; i < xlsxread_sheet_count(x) && rc == 0; i++) {
		const struct xlsxread_sheet *sh = xlsxread_sheet(x, i);
		if (sh->kind != XLSXREAD_SHEET_WORKSHEET)
			continue;
		sr.sheet = sh->name;
		sr.def = NULL;
		sr.heads_seen = 0;
		if (xlsxread_rows(x, i, xlsx_row, &sr, why) != 0) {
			rc = -1;
		} else if (sr.fatal != NULL) {
			*why = sr.fatal;
			sr.fatal = NULL;
			rc = -1;
		} else if (sr.def == NULL && sheet_named(sh->name) != NULL) {
			*why =
			    xasprintf("%s: das Blatt „%s“ hat keine Kennung der "
			              "Dokumentationstabelle (die ausgeblendeten Spalten "
			              "fehlen oder wurden verändert)",
			              label, sh->name);
			rc = -1;
		}
		if (sr.def != NULL && sr.state != NULL && rc != 0)
			sr.def->read_end(r, sr.state); /* frees it */
		else if (rc == 0)
			sheet_end(&sr, &sr.parts_seen);
		sr.state = NULL;
		heads_clear(r);
	}
	if (rc == 0 && sr.parts_seen == 0) {
		*why =
		    xasprintf("%s: keine Dokumentationstabelle von wohnort-audit (kein "
		              "Blatt trägt ihre Kennung)",
		              label);
		rc = -1;
	}
	*parts = sr.parts_seen;
	*notice = sr.notice;
	free(sr.cells);
	free(sr.conv);
	xlsxread_free(x);
	return rc;
}

/* ---- CSV ---- */

/* Row callback of csvread_file. */
static int
csv_row(void *arg, const struct csvread_row *in, char **why)
{
	struct sheet_read *sr = arg;
	struct table_row row = {in->row, in->count, NULL};
	int rc;

	(void)why;
	row_reset(sr, in->count);
	for (size_t i = 0; i < in->count; i++) {
		char ref[CSVREAD_REF_SIZE];
		sr->cells[i].text = in->fields[i];
		csvread_ref(in->row, (unsigned)i + 1, ref);
		/* the sheet, once its mark said which */
		if (sr->def != NULL)
			snprintf(sr->cells[i].ref, sizeof sr->cells[i].ref, "%s, %s",
			         sr->def->name, ref);
		else
			snprintf(sr->cells[i].ref, sizeof sr->cells[i].ref, "%s", ref);
	}
	row.cells = sr->cells;
	rc = sheet_row(sr, &row);
	if (rc == 1 && sr->def == NULL) {
		sr->fatal = xasprintf(
		    "%s: keine Dokumentationstabelle von wohnort-audit (in den ersten %d "
		    "Zeilen steht ihre Kennung nicht; eine CSV-Datei muss ein ganzes "
		    "Blatt "
		    "der Tabelle mit den ausgeblendeten Spalten enthalten)",
		    sr->label, MARK_ROWS);
		rc = -1;
	}
	return rc < 0 ? 1 : rc;
}

/* Read the CSV file at path (one sheet). 0, or -1 with *why. */
static int
read_csv(struct table_read *r, const char *path, const char *label, unsigned *parts,
         char **notice, char **why)
{
	struct sheet_read sr = {0};
	struct csvread_info info = {0};
	int rc = 0;

	sr.r = r;
	sr.label = label;
	if (csvread_file(path, NULL, csv_row, &sr, &info, why) != 0) {
		rc = -1;
	} else if (sr.fatal != NULL) {
		*why = sr.fatal;
		sr.fatal = NULL;
		rc = -1;
	} else if (sr.def == NULL) {
		*why =
		    xasprintf("%s: keine Dokumentationstabelle von wohnort-audit (ihre "
		              "Kennung fehlt)",
		              label);
		rc = -1;
	}
	if (rc == 0) {
		sheet_end(&sr, parts);
		r->rep->format =
		    xasprintf("CSV (Blatt „%s“, Trennzeichen „%c“, %s)", sr.def->name,
		              info.separator, csvread_encoding_name(info.encoding));
	} else if (sr.def != NULL && sr.state != NULL) {
		sr.def->read_end(r, sr.state);
	}
	heads_clear(r);
	*notice = sr.notice;
	free(sr.fatal);
	free(sr.cells);
	free(sr.conv);
	return rc;
}

/* ---- the import ---- */

/* Whether the file at path starts like a ZIP or an OLE2 file (an .xlsx, an
 * encrypted or old Excel file), else it is read as CSV. 0, or -1 with *why
 * when it cannot be opened or is no regular file. */
static int
sniff(const char *path, int *workbook, char **why)
{
	static const unsigned char zip[4] = {'P', 'K', 3, 4};
	static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0,
	                                     0xA1, 0xB1, 0x1A, 0xE1};
	unsigned char head[8] = {0};
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*why = xasprintf("%s: ist keine gewöhnliche Datei", path);
		close(fd);
		return -1;
	}
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	*workbook = (n >= 4 && memcmp(head, zip, 4) == 0) ||
	            (n >= 8 && memcmp(head, ole, 8) == 0);
	return 0;
}

/* The current time, UTC, as YYYY-MM-DDTHH:MM:SSZ into out. */
static void
utc_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A refusal of session_change without its "„KEY“: " in front. */
static const char *
without_key(const char *why, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(why, "„", 3) == 0 && strncmp(why + 3, key, n) == 0 &&
	    strncmp(why + 3 + n, "“: ", 5) == 0)
		return why + 3 + n + 5;
	return why;
}

/* Apply what was read. */
static void
apply(struct table_read *r, unsigned parts, const char *path, const char *now)
{
	const char *base = strrchr(path, '/');
	char stamp[32], *why = NULL;
	const char *import[3];

	session_change_begin(r->s); /* one change of the history: one undo */
	if (town_clear(r->s, parts | TOWN_PART_IMPORT, &why) != 0) {
		add_problem(r->rep, why);
		why = NULL;
	}
	for (size_t i = 0; i < r->change_count; i++) {
		struct table_change *ch = &r->changes[i];
		if (session_change(r->s, ch->key, ch->value, &why) == 0)
			continue;
		add_problem(r->rep,
		            ch->ref[0] != '\0'
		                ? xasprintf("%s: %s", ch->ref, without_key(why, ch->key))
		                : xstrdup(why));
		mark_unreadable(r, ch->question);
		free(why);
		why = NULL;
	}
	if (now == NULL) {
		utc_now(stamp);
		now = stamp;
	}
	import[0] = base != NULL ? base + 1 : path;
	import[1] = now;
	import[2] = r->f->edition;
	for (size_t i = 0; i < vocab_town_import.count && i < 3; i++) {
		char *key = xasprintf(TOWN_PREFIX "%s", vocab_town_import.fields[i].key);
		if (session_change(r->s, key, import[i], &why) != 0) {
			add_problem(r->rep, why);
			why = NULL;
		}
		free(key);
	}
	session_change_end(r->s);
}

/* Free what the reader holds. */
static void
read_free(struct table_read *r)
{
	for (size_t i = 0; i < r->change_count; i++) {
		free(r->changes[i].key);
		free(r->changes[i].value);
	}
	free(r->changes);
	free(r->question_state);
	heads_clear(r);
}

int
table_import(struct session *s, const char *path, const char *now,
             struct table_report *rep, char **why)
{
	struct table_read r = {0};
	unsigned parts = 0;
	char *notice = NULL;
	int workbook = 0, rc;

	memset(rep, 0, sizeof *rep);
	if (s == NULL || path == NULL || path[0] == '\0') {
		*why = xstrdup("Import: keine Sitzung oder keine Datei");
		return -1;
	}
	if (session_change_needs_reason(s, TOWN_PREFIX "import_file")) {
		/* refused as a whole, not statement by statement */
		*why =
		    xstrdup("Das Audit ist abgeschlossen: einlesen nur mit einem Grund "
		            "für das Änderungsprotokoll");
		return -1;
	}
	if (sniff(path, &workbook, why) != 0)
		return -1;
	r.s = s;
	r.f = s->form;
	r.rep = rep;
	r.question_state = xcalloc(s->form->question_count + 1, 1);
	rc = workbook ? read_xlsx(&r, path, path, &parts, &notice, why)
	              : read_csv(&r, path, path, &parts, &notice, why);
	if (rc != 0) {
		free(notice);
		read_free(&r);
		table_report_free(rep);
		return -1;
	}
	if (rep->format == NULL)
		rep->format = xstrdup("XLSX");
	if (notice != NULL) {
		rep->notices = xcalloc(1, sizeof *rep->notices);
		rep->notices[rep->notice_count++] = notice;
	}
	rep->parts = parts;
	apply(&r, parts, path, now);
	if (parts & TOWN_PART_QUESTIONS)
		for (size_t qi = 0; qi < s->form->question_count; qi++) {
			unsigned st = r.question_state[qi];
			if (st & TABLE_UNREADABLE)
				rep->unreadable++;
			else if (st & TABLE_TAKEN)
				rep->taken++;
			else
				rep->empty++;
		}
	read_free(&r);
	return 0;
}

void
table_report_free(struct table_report *rep)
{
	if (rep == NULL)
		return;
	for (size_t i = 0; i < rep->problem_count; i++)
		free(rep->problems[i]);
	free(rep->problems);
	for (size_t i = 0; i < rep->notice_count; i++)
		free(rep->notices[i]);
	free(rep->notices);
	free(rep->format);
	memset(rep, 0, sizeof *rep);
}
