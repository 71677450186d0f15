/*
 * session.c: the in-memory session: the table of record families that own
 * its keys (session_family.h; the families live in session_meta.c,
 * session_items.c, session_goals.c, session_previous.c, session_phase.c,
 * session_history.c and, for session.cursor, here), the one entry point
 * for changes (session_change, recorded by session_history.c), reading one
 * record, the text
 * dump and building a session back from records. Snapshots on disk, the
 * lock and the listing live in session_store.c. Model code: never prints,
 * never exits, never includes curses.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/plausible.h"
#include "model/session.h"
#include "model/session_family.h"
#include "model/session_private.h"

/* Largest value accepted for any record (a text answer may be long). */
#define VALUE_MAX (64u * 1024 * 1024)

/* The record families, in dump order. The family without a prefix (the
 * questions) is asked when no prefix claims a key. */
const struct session_family *const session_families[] = {
    &session_meta_family,    &session_participant_family, &session_question_family,
    &session_goal_family,    &session_prevgoal_family,    &session_town_family,
    &session_cursor_family,  &session_previous_family,    &session_phase_family,
    &session_history_family,
};
const size_t session_family_count = sizeof session_families / sizeof session_families[0];

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *
session_evidence_name(enum evidence_status e)
{
	if (e < 1 || (size_t)e > vocab_evidence.count)
		return "";
	return vocab_evidence.items[e - 1].value;
}

const char *
session_goal_status_name(enum goal_status g)
{
	if (g < 1 || (size_t)g > vocab_goal_status.count)
		return "";
	return vocab_goal_status.items[g - 1].value;
}

size_t
session_goal_count(const struct session *s)
{
	return s->form->goal_count > 0 ? (size_t)s->form->goal_count : 0;
}

struct session *
session_new(struct form *form)
{
	struct session *s = xcalloc(1, sizeof *s);

	s->form = form;
	s->lock_fd = -1;
	for (size_t i = 0; i < session_family_count; i++)
		if (session_families[i]->init != NULL)
			session_families[i]->init(s);
	return s;
}

void
session_free_contents(struct session *s)
{
	if (s->form != NULL)
		for (size_t i = 0; i < session_family_count; i++)
			if (session_families[i]->free != NULL)
				session_families[i]->free(s);
	free(s->path);
	form_free(s->form);
}

size_t
session_parse_index(const char *p, size_t len, size_t max)
{
	long n;

	if (max < 1 || !parse_integer(p, len, 0, 1, (long)max, &n))
		return 0;
	return (size_t)n;
}

void
session_emit(session_record_fn fn, void *ctx, const char *key, const char *value)
{
	if (value != NULL)
		fn(ctx, key, value, strlen(value));
}

/*
 * Whether key is a summary record that holds a count (session_list reads
 * these as numbers, so the loader checks them). Every other summary.*
 * record is text that its writer (audit_summary) and its readers agree on;
 * the loader ignores it whatever it says, so that a later version may add
 * one without making its sessions unreadable here.
 */
static int
summary_is_count(const char *key)
{
	static const char *const counts[] = {"summary.answered", "summary.total",
	                                     "summary.points", "summary.max"};

	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strcmp(key, counts[i]) == 0)
			return 1;
	return 0;
}

int
session_key_is_bookkeeping(const char *key)
{
	return strcmp(key, "format") == 0 || strcmp(key, "checksum") == 0 ||
	       strncmp(key, "form.", 5) == 0 || strncmp(key, "summary.", 8) == 0 ||
	       strcmp(key, "session.generation") == 0 ||
	       strcmp(key, "session.saved") == 0;
}

char *
session_unknown_key(const struct session *s, const char *key)
{
	struct buf b = {0};
	int first = 1;

	buf_printf(&b, "Unbekannter Schlüssel „%s“. Erlaubt sind: ", key);
	/* the family for every other key first, then the prefixed ones */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < session_family_count; i++) {
			if ((session_families[i]->prefix == NULL) != (pass == 0))
				continue;
			if (!first)
				buf_adds(&b, ", ");
			session_families[i]->describe(s, key, &b);
			first = 0;
		}
	return buf_steal(&b);
}

/* The family that owns key: the first whose prefix it starts with, else the
 * one without a prefix. */
static const struct session_family *
family_of(const char *key)
{
	const struct session_family *fallback = NULL;

	for (size_t i = 0; i < session_family_count; i++) {
		const char *p = session_families[i]->prefix;
		if (p == NULL)
			fallback = session_families[i];
		else if (strncmp(key, p, strlen(p)) == 0)
			return session_families[i];
	}
	return fallback;
}

int
session_resolve(const struct session *s, const char *key, struct session_key *k,
                char **why)
{
	memset(k, 0, sizeof *k);
	if (session_key_is_bookkeeping(key)) {
		*why = xasprintf(
		    "Der Schlüssel „%s“ wird beim Speichern geschrieben und kann "
		    "nicht gesetzt werden",
		    key);
		return -1;
	}
	k->family = family_of(key);
	return k->family->resolve(s, key, k, why);
}

char *
session_get(const struct session *s, const char *key)
{
	struct session_key k;
	char *why = NULL;

	if (s == NULL || key == NULL)
		return NULL;
	if (strcmp(key, "format") == 0)
		return xstrdup(SESSION_FORMAT);
	if (strcmp(key, "form.id") == 0)
		return xstrdup(s->form->id);
	if (strcmp(key, "form.edition") == 0)
		return xstrdup(s->form->edition);
	if (strcmp(key, "form.sha256") == 0)
		return xstrdup(s->form->sha256);
	if (strcmp(key, "form.text") == 0)
		return xstrndup(s->form->source, s->form->source_len);
	if (session_resolve(s, key, &k, &why) != 0) {
		free(why);
		return NULL;
	}
	return k.family->get(s, &k);
}

/* Index of the question numbered "S.Q" (Handlungsfeld S, its question Q), or -1. */
static int
question_by_number(const struct form *f, const char *text, size_t len)
{
	const char *dot = memchr(text, '.', len);
	long section, question;

	if (dot == NULL || f->section_count == 0 ||
	    !parse_integer(text, (size_t)(dot - text), PARSE_LEADING_ZERO, 1,
	                   (long)f->section_count, &section) ||
	    !parse_integer(dot + 1, len - (size_t)(dot - text) - 1, PARSE_LEADING_ZERO, 1,
	                   (long)f->sections[section - 1].count, &question))
		return -1;
	return (int)(f->sections[section - 1].first + (size_t)question - 1);
}

/*
 * Parse a goal's Fragen: ids or numbers separated by commas, semicolons or
 * blanks. With marks (form->question_count bytes, zeroed) each question
 * found is marked. Returns 0, or -1 with *bad the first token that names
 * no question (caller frees).
 */
static int
goal_questions_parse(const struct form *f, const char *value, unsigned char *marks,
                     char **bad)
{
	const char *p = value;

	while (*p != '\0') {
		size_t len;
		char *token;
		int qi;

		p += strspn(p, ",; \t\n");
		len = strcspn(p, ",; \t\n");
		if (len == 0)
			continue;
		token = xstrndup(p, len);
		qi = form_find_question(f, token);
		if (qi < 0)
			qi = question_by_number(f, token, len);
		if (qi < 0) {
			*bad = token;
			return -1;
		}
		if (marks != NULL)
			marks[qi] = 1;
		free(token);
		p += len;
	}
	return 0;
}

/* The stored form of a goal's Fragen: ids in form order, or NULL for none. */
static char *
goal_questions_canonical(const struct form *f, const char *value)
{
	unsigned char *marks = xcalloc(f->question_count + 1, 1);
	struct buf b = {0};
	char *bad = NULL;

	if (goal_questions_parse(f, value, marks, &bad) != 0)
		free(bad); /* validated before; cannot happen */
	for (size_t qi = 0; qi < f->question_count; qi++) {
		if (!marks[qi])
			continue;
		if (b.len > 0)
			buf_addc(&b, ',');
		buf_adds(&b, f->questions[qi].full_id);
	}
	free(marks);
	return b.data != NULL ? buf_steal(&b) : NULL;
}

int
session_goal_addresses(const struct session *s, const struct session_goal *g, size_t qi)
{
	const char *p, *id;
	size_t len;

	if (s == NULL || g == NULL || g->questions == NULL ||
	    qi >= s->form->question_count)
		return 0;
	id = s->form->questions[qi].full_id;
	len = strlen(id);
	for (p = g->questions; *p != '\0'; p += strcspn(p, ",")) {
		if (*p == ',')
			p++;
		if (strncmp(p, id, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return 1;
	}
	return 0;
}

int
session_field_value(const struct session *s, const char *key, const struct vocab_field *f,
                    const char *value, char **stored, char **why)
{
	char iso[11], *reason = NULL, *token = NULL, *allowed;

	switch (f->kind) {
	case VOCAB_DATE:
		if (date_parse(value, iso, &reason) != 0) {
			*why = xasprintf("„%s“: %s (gespeichert wird JJJJ-MM-TT)", key,
			                 reason);
			free(reason);
			return -1;
		}
		*stored = xstrdup(iso); /* a date typed TT.MM.JJJJ is stored ISO */
		return 0;
	case VOCAB_CHOICE:
		if (vocab_value_find(f->values, value) >= 0) {
			*stored = xstrdup(value);
			return 0;
		}
		allowed = vocab_values_join(f->values, ", ");
		*why = xasprintf("„%s“: „%s“ ist %s; erlaubt: %s", key, value,
		                 f->values->none, allowed);
		free(allowed);
		return -1;
	case VOCAB_QUESTIONS:
		if (goal_questions_parse(s->form, value, NULL, &token) == 0) {
			*stored = goal_questions_canonical(s->form, value);
			return 0;
		}
		*why = xasprintf(
		    "„%s“: „%s“ ist keine Frage dieses Prüfbogens; erlaubt: Frage-IDs "
		    "(z. B. „%s“) oder Nummern wie „1.2“, durch Komma getrennt",
		    key, token,
		    s->form->question_count > 0 ? s->form->questions[0].full_id
		                                : "abschnitt.frage");
		free(token);
		return -1;
	case VOCAB_TEXT:
	case VOCAB_LONGTEXT:
	case VOCAB_REFERENCE:
	case VOCAB_SESSION:
		break;
	}
	*stored = xstrdup(value);
	return 0;
}

/*
 * Set key to value (NULL: clear), with loading set while a stored session
 * is read back: the families then keep what was stored where a person
 * would be refused (a status of a previous goal that does not exist gets
 * no Sonderpunkte from score_compute, but is kept).
 */
int
session_record_set(struct session *s, const char *key, const char *value, int loading,
                   char **why)
{
	struct session_key k;
	size_t bad;

	if (session_resolve(s, key, &k, why) != 0)
		return -1;
	if (value != NULL && strlen(value) > VALUE_MAX) {
		*why =
		    xasprintf("„%s“: Wert zu lang (höchstens %u Bytes)", key, VALUE_MAX);
		return -1;
	}
	if (value != NULL && !utf8_valid(value, strlen(value), &bad)) {
		*why = xasprintf("„%s“: kein gültiges UTF-8 (Byte %zu)", key, bad);
		return -1;
	}
	return k.family->set(s, key, &k, value, loading, why);
}

int
session_change(struct session *s, const char *key, const char *value, char **why)
{
	return session_history_change(s, key, value, why);
}

int
session_set(struct session *s, const char *key, const char *value, char **why)
{
	return session_change(s, key, value, why);
}

/* ---- session.cursor: the question to resume at ---- */

static void
cursor_free(struct session *s)
{
	free(s->cursor);
	s->cursor = NULL;
}

static int
cursor_resolve(const struct session *s, const char *key, struct session_key *k,
               char **why)
{
	(void)k;
	if (strcmp(key, session_cursor_family.prefix) == 0)
		return 0;
	*why = session_unknown_key(s, key);
	return -1;
}

static int
cursor_set(struct session *s, const char *key, const struct session_key *k,
           const char *value, int loading, char **why)
{
	(void)k;
	(void)loading;
	if (value != NULL && form_find_question(s->form, value) < 0) {
		*why = xasprintf("„%s“: „%s“ ist keine Frage-ID dieses Prüfbogens", key,
		                 value);
		return -1;
	}
	str_replace(&s->cursor, value);
	return 0;
}

static char *
cursor_get(const struct session *s, const struct session_key *k)
{
	(void)k;
	return xstrdup(s->cursor);
}

static void
cursor_each(const struct session *s, session_record_fn fn, void *ctx)
{
	session_emit(fn, ctx, session_cursor_family.prefix, s->cursor);
}

static void
cursor_describe(const struct session *s, const char *key, struct buf *b)
{
	(void)s;
	(void)key;
	buf_adds(b, session_cursor_family.prefix);
}

const struct session_family session_cursor_family = {
    .prefix = "session.cursor",
    .free = cursor_free,
    .resolve = cursor_resolve,
    .set = cursor_set,
    .get = cursor_get,
    .each = cursor_each,
    .describe = cursor_describe,
    .unrecorded = 1, /* moving through the questions changes nothing */
};

void
session_records_each(const struct session *s, int with_form_text, session_record_fn fn,
                     void *ctx)
{
	const struct form *f = s->form;
	const char *id = f->id ? f->id : "", *edition = f->edition ? f->edition : "";

	fn(ctx, "format", SESSION_FORMAT, strlen(SESSION_FORMAT));
	fn(ctx, "form.id", id, strlen(id));
	fn(ctx, "form.edition", edition, strlen(edition));
	fn(ctx, "form.sha256", f->sha256, strlen(f->sha256));
	for (size_t i = 0; i < session_family_count; i++)
		session_families[i]->each(s, fn, ctx);
	if (with_form_text) /* form.h: source is NUL-terminated (loaded with form_load_*)
	                     */
		fn(ctx, "form.text", f->source, f->source_len);
}

void
session_records_free(struct session_record *records, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(records[i].key);
		free(records[i].value);
	}
	free(records);
}

/* "Zeile N: " or "" for a record (caller frees). */
static char *
where(const size_t *line_of, size_t i)
{
	return line_of ? xasprintf("Zeile %zu: ", line_of[i]) : xstrdup("");
}

/* Compare the keys of two records through pointers (qsort). */
static int
record_ptr_cmp(const void *a, const void *b)
{
	const struct session_record *x = *(const struct session_record *const *)a;
	const struct session_record *y = *(const struct session_record *const *)b;
	int c = strcmp(x->key, y->key);
	return c != 0 ? c : (x > y) - (x < y);
}

/* 1 with *why naming the later line when a key occurs twice, else 0. */
static int
duplicate_key(const struct session_record *records, size_t count, const size_t *line_of,
              char **why)
{
	const struct session_record **sorted = xcalloc(count + 1, sizeof *sorted);
	int found = 0;

	for (size_t i = 0; i < count; i++)
		sorted[i] = &records[i];
	qsort(sorted, count, sizeof *sorted, record_ptr_cmp);
	for (size_t i = 1; i < count && !found; i++) {
		if (strcmp(sorted[i - 1]->key, sorted[i]->key) == 0) {
			char *at = where(line_of, (size_t)(sorted[i] - records));
			*why = xasprintf("%sder Schlüssel „%s“ kommt doppelt vor", at,
			                 sorted[i]->key);
			free(at);
			found = 1;
		}
	}
	free(sorted);
	return found;
}

struct session *
session_from_records(const struct session_record *records, size_t count,
                     const size_t *line_of, char **why)
{
	const struct session_record *format = NULL, *text = NULL, *id = NULL,
	                            *edition = NULL, *sha = NULL;
	struct form_errors errors = {0};
	struct session *s = NULL;
	struct form *form;
	char *at;

	if (duplicate_key(records, count, line_of, why))
		return NULL;
	for (size_t i = 0; i < count; i++) {
		const struct session_record *r = &records[i];
		const struct session_record **slot = NULL;

		if (strlen(r->value) != r->value_len) {
			at = where(line_of, i);
			*why = xasprintf("%s„%s“: der Wert enthält ein NUL-Byte", at,
			                 r->key);
			free(at);
			return NULL;
		}
		if (strcmp(r->key, "format") == 0)
			slot = &format;
		else if (strcmp(r->key, "form.text") == 0)
			slot = &text;
		else if (strcmp(r->key, "form.id") == 0)
			slot = &id;
		else if (strcmp(r->key, "form.edition") == 0)
			slot = &edition;
		else if (strcmp(r->key, "form.sha256") == 0)
			slot = &sha;
		if (slot != NULL)
			*slot = r;
	}
	if (format == NULL) {
		*why = xstrdup(
		    "keine Sitzung von wohnort-audit (der Eintrag „format“ fehlt)");
		return NULL;
	}
	if (strcmp(format->value, SESSION_FORMAT) != 0) {
		*why = xasprintf("unbekanntes Format „%s“ (erwartet: „%s“)",
		                 format->value, SESSION_FORMAT);
		return NULL;
	}
	if (text == NULL || sha == NULL) {
		*why =
		    xstrdup("der eingebettete Prüfbogen fehlt (form.text, form.sha256)");
		return NULL;
	}
	form = form_load_string(text->value, text->value_len, "(eingebetteter Prüfbogen)",
	                        &errors);
	if (form == NULL) {
		char *list = form_errors_format(&errors);
		size_t n = strlen(list);
		if (n > 0 && list[n - 1] == '\n')
			list[n - 1] = '\0';
		*why = xasprintf("der eingebettete Prüfbogen ist ungültig:\n%s", list);
		free(list);
		form_errors_clear(&errors);
		return NULL;
	}
	form_errors_clear(&errors);
	if (strcmp(sha->value, form->sha256) != 0 ||
	    (id != NULL && strcmp(id->value, form->id ? form->id : "") != 0) ||
	    (edition != NULL &&
	     strcmp(edition->value, form->edition ? form->edition : "") != 0)) {
		*why =
		    xasprintf("der eingebettete Prüfbogen passt nicht zu seiner Kennung "
		              "(form.sha256 %s, berechnet %s)",
		              sha->value, form->sha256);
		form_free(form);
		return NULL;
	}
	s = session_new(form);
	/* Two passes: a record its family calls late (an evidence due date,
	 * the status of a previous goal) needs others applied first. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < count; i++) {
			const struct session_record *r = &records[i];
			const struct session_family *family = family_of(r->key);
			int late = family->late != NULL && family->late(r->key);
			char *reason = NULL;
			long number;

			if (late != pass)
				continue;
			if (session_key_is_bookkeeping(r->key)) {
				if (pass == 1 || strncmp(r->key, "form.", 5) == 0 ||
				    strcmp(r->key, "format") == 0 ||
				    strcmp(r->key, "checksum") == 0)
					continue;
				if (strcmp(r->key, "session.saved") == 0 ||
				    (strncmp(r->key, "summary.", 8) == 0 &&
				     !summary_is_count(r->key)))
					continue;
				if ((strncmp(r->key, "summary.", 8) == 0 ||
				     strcmp(r->key, "session.generation") == 0) &&
				    parse_long(r->value, &number)) {
					if (strcmp(r->key, "session.generation") == 0)
						s->generation = (unsigned long)number;
					continue;
				}
				at = where(line_of, i);
				*why =
				    xasprintf("%sunzulässiger Eintrag „%s“", at, r->key);
				free(at);
				session_free(s);
				return NULL;
			}
			if (session_record_set(s, r->key, r->value, 1, &reason) != 0) {
				at = where(line_of, i);
				*why = xasprintf("%s%s", at, reason);
				free(at);
				free(reason);
				session_free(s);
				return NULL;
			}
		}
	}
	return s;
}

/* How many bytes at value[i] must be escaped in a dump line (0: none): a
 * backslash, a C0 control or DEL (1), a C1 control U+0080..U+009F (both of
 * its bytes), so that a dump printed to a terminal cannot steer it. */
static size_t
needs_escape(const char *value, size_t len, size_t i)
{
	unsigned char c = (unsigned char)value[i];
	uint32_t cp;
	size_t n;

	if (c == '\\' || c < 0x20 || c == 0x7f)
		return 1;
	if (c < 0x80)
		return 0;
	n = utf8_decode(value + i, len - i, &cp);
	return !utf8_decode_bad(n, cp) && utf8_is_control(cp) ? n : 0;
}

/* Append len bytes of value to b: \\ \t \n \r, and \xHH for the other control
 * characters (see needs_escape). */
static void
escape_into(struct buf *b, const char *value, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	while (i < len) {
		size_t j = i, n = 0;

		while (j < len && (n = needs_escape(value, len, j)) == 0)
			j++;
		buf_add(b, value + i, j - i);
		if (j == len)
			break;
		for (size_t k = j; k < j + n; k++) {
			unsigned char c = (unsigned char)value[k];
			buf_addc(b, '\\');
			if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
				buf_addc(b, c == '\t'   ? 't'
				            : c == '\n' ? 'n'
				            : c == '\r' ? 'r'
				                        : '\\');
			} else {
				buf_addc(b, 'x');
				buf_addc(b, hex[c >> 4]);
				buf_addc(b, hex[c & 15]);
			}
		}
		i = j + n;
	}
}

/* The value of hex digit c, or -1. */
static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Record callback of session_dump: one escaped line. */
static void
dump_line(void *ctx, const char *key, const char *value, size_t value_len)
{
	struct buf *b = ctx;
	buf_adds(b, key);
	buf_addc(b, '\t');
	escape_into(b, value, value_len);
	buf_addc(b, '\n');
}

char *
session_dump(const struct session *s)
{
	struct buf b = {0};
	session_records_each(s, 1, dump_line, &b);
	return buf_steal(&b);
}

struct session *
session_from_dump(const char *text, size_t len, char **why)
{
	struct session_record *records = NULL;
	size_t *line_of = NULL, count = 0, line = 0, pos = 0;
	struct session *s = NULL;

	while (pos < len) {
		const char *start = text + pos, *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		const char *tab;
		struct buf value = {0};

		pos += n + (nl != NULL);
		line++;
		/* A dump edited on Windows has CRLF line ends; a CR inside a value is
		 * always written as \r, so a raw one at the end is only the line end. */
		if (n > 0 && start[n - 1] == '\r')
			n--;
		tab = memchr(start, '\t', n);
		if (n == 0 || start[0] == '#')
			continue;
		if (tab == NULL || tab == start) {
			*why =
			    xasprintf("Zeile %zu: erwartet „SCHLÜSSEL<TAB>WERT“", line);
			goto fail;
		}
		for (const char *p = tab + 1; p < start + n; p++) {
			if (*p == '\0') {
				*why = xasprintf("Zeile %zu: NUL-Byte", line);
				buf_free(&value);
				goto fail;
			}
			if (*p != '\\') {
				buf_addc(&value, *p);
				continue;
			}
			if (++p < start + n && *p == 'x' && start + n - p > 2 &&
			    hex_value(p[1]) >= 0 && hex_value(p[2]) >= 0 &&
			    (p[1] != '0' || p[2] != '0')) {
				buf_addc(&value,
				         (char)(hex_value(p[1]) * 16 + hex_value(p[2])));
				p += 2;
				continue;
			}
			if (p == start + n || strchr("\\tnr", *p) == NULL) {
				*why = xasprintf(
				    "Zeile %zu: ungültige Escape-Folge (erlaubt: \\\\ "
				    "\\t \\n \\r \\xHH)",
				    line);
				buf_free(&value);
				goto fail;
			}
			buf_addc(&value, *p == 't'   ? '\t'
			                 : *p == 'n' ? '\n'
			                 : *p == 'r' ? '\r'
			                             : '\\');
		}
		buf_adds(&value, "");
		records = xreallocarray(records, count + 1, sizeof *records);
		line_of = xreallocarray(line_of, count + 1, sizeof *line_of);
		records[count].key = xstrndup(start, (size_t)(tab - start));
		records[count].value_len = value.len;
		records[count].value = buf_steal(&value);
		line_of[count++] = line;
	}
	s = session_from_records(records, count, line_of, why);
fail:
	session_records_free(records, count);
	free(line_of);
	return s;
}

char *
session_date_warning(const struct session *s, const char *key, const char *today)
{
	enum date_role role;
	const char *colon = strchr(key, ':');
	char *value;
	int qi;

	if (strcmp(key, "meta.datum") == 0)
		role = DATE_ROLE_AUDIT;
	else if (colon != NULL && strcmp(colon, ":evidence_due") == 0)
		role = DATE_ROLE_DUE;
	else if (colon == NULL && (qi = form_find_question(s->form, key)) >= 0 &&
	         s->form->questions[qi].type == QUESTION_DATE)
		role = DATE_ROLE_ANSWER;
	else
		return NULL;
	value = session_get(s, key);
	if (value == NULL || !date_iso_valid(value)) {
		free(value);
		return NULL;
	}
	{
		char *w = plausible_date_warning(role, value, s->meta.datum, today);
		free(value);
		return w;
	}
}
