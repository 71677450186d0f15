/*
 * form.c: loads one edition of a Prüfbogen from YAML and validates all of it.
 *
 * libfyaml's event parser builds a small private tree (struct ynode) that
 * keeps the position of every node; the schema walk then fills struct form
 * and collects every problem as a struct form_error (FILE:LINE:COLUMN, all
 * 1-based). libfyaml's diagnostics are collected, never printed. This file
 * must not print, exit or know about sessions, scores or the UI.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libfyaml.h>

#include "model/form.h"
#include "model/form_private.h"
#include "model/kind.h"
#include "lib/sha256.h"
#include "lib/util.h"
#include "lib/utf8.h"
#include "lib/date.h"

/* The largest form file accepted (a real Prüfbogen is a few dozen KiB). */
#define FORM_MAX_SIZE (4 * 1024 * 1024)
/* Longest id of a form, section, question or option. */
#define FORM_ID_MAX 64

/* Section ids the session file uses for its own records. */
static const char *const reserved_section_ids[] = {
    "meta",    "goal",     "prevgoal", "participant", "session", "form",
    "summary", "checksum", "format",   "town",        "previous", NULL,
};

static const char *const top_keys[] = {
    "form",  "title",    "edition",  "pass", "validity_years",
    "goals", "discreet", "sections", "replaces", NULL,
};
static const char *const pass_keys[] = {"total_percent", "section_min_percent", NULL};
static const char *const validity_keys[] = {"first", "renewal", NULL};
static const char *const goals_keys[] = {"count", "bonus", NULL};
static const char *const bonus_keys[] = {"erreicht", "teilweise", "nicht_erreicht", NULL};
static const char *const section_keys[] = {"id", "title", "questions", NULL};
/* The keys every question may have; each kind adds its own (kind.h). */
static const char *const question_common_keys[] = {
    "id", "type", "text", "help", "evidence", "recommendation", "na", "show_if", NULL,
};
static const char *const option_keys[] = {"id", "label", "points", "recommendation",
                                          NULL};

/*
 * Make room for element number count of an array that only ever grows by
 * one: capacity doubles at each power of two, so n appends cost O(n) even
 * where realloc cannot extend in place (deeply nested input).
 */
static void *
grow_pow2(void *array, size_t count, size_t size)
{
	if (count == 0 || (count & (count - 1)) == 0)
		return xreallocarray(array, count == 0 ? 1 : 2 * count, size);
	return array;
}

/* ---- errors ---- */

/* Append one error at line/column (1-based, 0 = unknown). */
static void
error_add(struct form_errors *errors, const char *file, int line, int column,
          char *message)
{
	struct form_error *e;

	errors->items = grow_pow2(errors->items, errors->count, sizeof *errors->items);
	e = &errors->items[errors->count++];
	e->file = xstrdup(file);
	e->line = line;
	e->column = column;
	e->message = message;
}

/* Report a problem at node at (NULL: no position). */
void __attribute__((format(printf, 3, 4)))
form_err(struct form_loader *ld, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	error_add(ld->errors, ld->name, at ? at->line : 0, at ? at->column : 0, message);
}

/* Longest quotation of file content in a message, in characters. */
#define BRIEF_MAX 40

/*
 * brief: s as quoted in a message: at most BRIEF_MAX characters (then "…"),
 * control characters as spaces, so a huge or multi-line value is never
 * echoed whole. The copy lives until the load ends.
 */
const char *
form_brief(struct form_loader *ld, const char *s)
{
	char *copy = utf8_shorten(s, BRIEF_MAX);

	for (char *p = copy; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	ld->scratch = grow_pow2(ld->scratch, ld->scratch_count, sizeof *ld->scratch);
	ld->scratch[ld->scratch_count++] = copy;
	return copy;
}

/* An error's position and its place in the list, for a stable sort. */
struct error_order {
	int line, column;
	size_t index;
};

/* Compare positions, then places (qsort). */
static int
error_order_compare(const void *a, const void *b)
{
	const struct error_order *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Sort the errors from index first on by position; equal positions keep their
 * order. O(n log n): a file with many errors must not take quadratic time. */
static void
errors_sort_from(struct form_errors *errors, size_t first)
{
	size_t n = errors->count - first;
	struct error_order *order;
	struct form_error *sorted;

	if (n < 2)
		return;
	order = xcalloc(n, sizeof *order);
	sorted = xcalloc(n, sizeof *sorted);
	for (size_t i = 0; i < n; i++)
		order[i] = (struct error_order){errors->items[first + i].line,
		                                errors->items[first + i].column, i};
	qsort(order, n, sizeof *order, error_order_compare);
	for (size_t i = 0; i < n; i++)
		sorted[i] = errors->items[first + order[i].index];
	memcpy(errors->items + first, sorted, n * sizeof *sorted);
	free(sorted);
	free(order);
}

void
form_errors_clear(struct form_errors *errors)
{
	if (errors == NULL)
		return;
	for (size_t i = 0; i < errors->count; i++) {
		free(errors->items[i].file);
		free(errors->items[i].message);
	}
	free(errors->items);
	errors->items = NULL;
	errors->count = 0;
}

char *
form_errors_format(const struct form_errors *errors)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (size_t i = 0; i < errors->count; i++) {
		const struct form_error *e = &errors->items[i];
		if (e->line > 0)
			buf_printf(&b, "%s:%d:%d: %s\n", e->file, e->line,
			           e->column > 0 ? e->column : 1, e->message);
		else if (strncmp(e->message, e->file, strlen(e->file)) == 0)
			buf_printf(&b, "%s\n",
			           e->message); /* it names the file already */
		else
			buf_printf(&b, "%s: %s\n", e->file, e->message);
	}
	return buf_steal(&b);
}

/* ---- the YAML tree ---- */

/* Free a node and its children. */
static void
ynode_free(struct ynode *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->count; i++)
		ynode_free(n->child[i]);
	free(n->child);
	free(n->text);
	free(n);
}

/* A new node of kind at the 0-based mark m. */
static struct ynode *
ynode_new(enum ynode_kind kind, const struct fy_mark *m)
{
	struct ynode *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->line = m ? m->line + 1 : 0;
	n->column = m ? m->column + 1 : 0;
	return n;
}

/* ---- id indexes ---- */

/*
 * An open-addressing hash table of item numbers keyed by their id string, so
 * that loading a form with n questions checks duplicates and resolves
 * show_if in O(n), and lookups by id take constant time. The ids themselves
 * stay in the form; the index holds numbers + 1 (0 is an empty slot).
 */
struct form_index {
	size_t *slot;
	size_t size; /* a power of two */
	size_t used;
};

/* FNV-1a over the id. */
static size_t
index_hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

/* The item numbered i in items whose id is id, or -1. */
static long
index_find(const struct form_index *x, const void *items, index_name_fn *name,
           const char *id)
{
	if (x == NULL || x->size == 0)
		return -1;
	for (size_t k = index_hash(id) & (x->size - 1);; k = (k + 1) & (x->size - 1)) {
		size_t v = x->slot[k];
		if (v == 0)
			return -1;
		if (strcmp(name(items, v - 1), id) == 0)
			return (long)(v - 1);
	}
}

/* Add item i (its id must not be in the index yet). */
static void
index_add(struct form_index *x, const void *items, index_name_fn *name, size_t i)
{
	if (2 * (x->used + 1) > x->size) {
		struct form_index bigger = {0};
		bigger.size = x->size ? 2 * x->size : 64;
		bigger.slot = xcalloc(bigger.size, sizeof *bigger.slot);
		for (size_t k = 0; k < x->size; k++)
			if (x->slot[k] != 0)
				index_add(&bigger, items, name, x->slot[k] - 1);
		free(x->slot);
		*x = bigger;
	}
	for (size_t k = index_hash(name(items, i)) & (x->size - 1);;
	     k = (k + 1) & (x->size - 1)) {
		if (x->slot[k] == 0) {
			x->slot[k] = i + 1;
			x->used++;
			return;
		}
	}
}

/* Free an index; NULL does nothing. */
static void
index_free(struct form_index *x)
{
	if (x == NULL)
		return;
	free(x->slot);
	free(x);
}

/* index_name_fn of the questions array (by full id). */
static const char *
question_name(const void *items, size_t i)
{
	return ((const struct form_question *)items)[i].full_id;
}

/* index_name_fn of the sections array. */
static const char *
section_name(const void *items, size_t i)
{
	return ((const struct form_section *)items)[i].id;
}

/* index_name_fn of an options array. */
static const char *
option_name(const void *items, size_t i)
{
	return ((const struct form_option *)items)[i].id;
}

/* Append child to a map or sequence node. */
static void
ynode_append(struct ynode *parent, struct ynode *child)
{
	parent->child = grow_pow2(parent->child, parent->count, sizeof *parent->child);
	parent->child[parent->count++] = child;
}

/* libfyaml's output never reaches a terminal: positioned errors are
 * collected; the text of the last one without a position (an unsupported
 * %YAML version) is kept in user, a struct buf, for the message. */
static void
diag_keep(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
	struct buf *last = user;
	(void)diag;
	if (last == NULL)
		return;
	last->len = 0;
	buf_add(last, buf, len);
}

/* The text of a libfyaml message without its "[ERR]: " tag and line end
 * (points into text, which it shortens). */
static const char *
diag_text(char *text)
{
	char *p = strstr(text, "]: ");
	size_t n;

	p = p != NULL ? p + 3 : text;
	n = strlen(p);
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == ' '))
		p[--n] = '\0';
	return p;
}

/* 1-based column of byte offset off on its line (counting characters). */
static int
text_column(const char *text, size_t line_start, size_t off)
{
	/* a byte order mark is not a column */
	if (line_start == 0 && off >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		line_start = 3;
	return 1 + (int)utf8_count(text + line_start,
	                           off > line_start ? off - line_start : 0);
}

/* A position in the text: byte offset, 1-based line and column. */
struct text_pos {
	size_t off;
	int line, column;
};

/*
 * Where an empty value or list item is, which libfyaml gives no mark: the
 * first character after from that is neither blank, line end nor comment -
 * the ':' after its key or the '-' of the item. Columns count characters.
 */
static struct text_pos
position_after(const char *text, size_t len, struct text_pos from)
{
	size_t off = from.off, line_start = from.off;
	int line = from.line;

	/* columns are characters: find the byte where from's line starts */
	while (line_start > 0 && text[line_start - 1] != '\n')
		line_start--;
	while (off < len) {
		char c = text[off];
		if (c == ' ' || c == '\t' || c == '\r') {
			off++;
		} else if (c == '\n') {
			off++;
			line++;
			line_start = off;
		} else if (c == '#' && (off == 0 || text[off - 1] == ' ' ||
		                        text[off - 1] == '\t' || text[off - 1] == '\n')) {
			while (off < len && text[off] != '\n')
				off++;
		} else {
			break;
		}
	}
	if (off >= len)
		off = len > 0 ? len - 1 : 0;
	return (struct text_pos){off, line, text_column(text, line_start, off)};
}

/*
 * Check the raw bytes before YAML sees them: invalid UTF-8 (with the line of
 * the bad byte), NUL bytes and tab characters. Returns the number of errors.
 */
static int
prescan(struct form_loader *ld, const char *text, size_t len)
{
	size_t line_start = 0, off = 0;
	int line = 1, found = 0, tab_line = 0;

	while (off < len) {
		size_t line_end = off, bad;
		while (line_end < len && text[line_end] != '\n')
			line_end++;
		/* check this line's bytes */
		size_t pos = off;
		while (pos < line_end) {
			if (utf8_valid(text + pos, line_end - pos, &bad))
				break;
			error_add(
			    ld->errors, ld->name, line,
			    text_column(text, line_start, pos + bad),
			    xasprintf(
			        "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
			        (unsigned char)text[pos + bad]));
			found++;
			break; /* one report per line */
		}
		for (pos = off; pos < line_end; pos++) {
			if (text[pos] == '\0') {
				error_add(ld->errors, ld->name, line,
				          text_column(text, line_start, pos),
				          xstrdup("NUL byte in the file"));
				found++;
				break;
			}
		}
		for (pos = off; pos < line_end; pos++) {
			if (text[pos] == '\t' && tab_line != line) {
				error_add(
				    ld->errors, ld->name, line,
				    text_column(text, line_start, pos),
				    xstrdup("tab character; use spaces to indent and "
				            "separate"));
				tab_line = line;
				found++;
			}
		}
		off = line_end + 1;
		line_start = off;
		line++;
	}
	return found;
}

/* Parse text with libfyaml into a tree; NULL (errors added) on a syntax error. */
static struct ynode *
yaml_parse(struct form_loader *ld, const char *text, size_t len)
{
	struct fy_diag_cfg dcfg;
	struct fy_diag *diag;
	struct fy_parse_cfg pcfg;
	struct fy_parser *parser;
	struct fy_event *ev;
	struct ynode *root = NULL, **stack = NULL;
	size_t depth = 0;
	int failed = 0, documents = 0;
	/* where the last event with a mark ended (libfyaml marks are 0-based) */
	struct text_pos last = {0, 1, 1};
	struct buf unplaced = {0}; /* libfyaml's last message without a position */

	fy_diag_cfg_default(&dcfg);
	dcfg.fp = NULL;
	dcfg.output_fn = diag_keep;
	dcfg.user = &unplaced;
	dcfg.colorize = false;
	diag = fy_diag_create(&dcfg);
	if (diag == NULL) {
		form_err(ld, NULL, "cannot start the YAML parser");
		return NULL;
	}
	fy_diag_set_collect_errors(diag, true);
	memset(&pcfg, 0, sizeof pcfg);
	pcfg.flags = FYPCF_QUIET;
	pcfg.diag = diag;
	parser = fy_parser_create(&pcfg);
	if (parser == NULL || fy_parser_set_string(parser, text, len) != 0) {
		form_err(ld, NULL, "cannot start the YAML parser");
		if (parser)
			fy_parser_destroy(parser);
		fy_diag_destroy(diag);
		return NULL;
	}

	while ((ev = fy_parser_parse(parser)) != NULL) {
		struct ynode *n = NULL;
		const struct fy_mark *m = fy_event_start_mark(ev),
		                     *end = fy_event_end_mark(ev);
		int opens = 0, closes = 0;

		switch (ev->type) {
		case FYET_DOCUMENT_START:
			documents++;
			if (documents > 1 && !failed && m != NULL) {
				/* a second document, even an empty one after a
				 * trailing "---", is reported where it starts */
				error_add(ld->errors, ld->name, m->line + 1,
				          m->column + 1,
				          xstrdup("a form file holds exactly one YAML "
				                  "document (remove this '---' and what "
				                  "follows)"));
				failed = 1;
			}
			break;
		case FYET_MAPPING_START:
			n = ynode_new(YN_MAP, m), opens = 1;
			break;
		case FYET_SEQUENCE_START:
			n = ynode_new(YN_SEQ, m), opens = 1;
			break;
		case FYET_MAPPING_END:
		case FYET_SEQUENCE_END:
			closes = 1;
			break;
		case FYET_SCALAR: {
			size_t tlen = 0;
			const char *t = fy_token_get_text(ev->scalar.value, &tlen);
			n = ynode_new(YN_SCALAR, m);
			if (m == NULL) {
				/* an empty value ("id:", "id: #x", a bare "-") */
				struct text_pos at = position_after(text, len, last);
				n->line = at.line;
				n->column = at.column;
			}
			n->text = xstrndup(t ? t : "", t ? tlen : 0);
			n->len = t ? tlen : 0;
			n->plain = fy_token_scalar_style(ev->scalar.value) == FYSS_PLAIN;
			/* libfyaml marks the first character inside the quotes */
			if ((fy_token_scalar_style(ev->scalar.value) ==
			         FYSS_SINGLE_QUOTED ||
			     fy_token_scalar_style(ev->scalar.value) ==
			         FYSS_DOUBLE_QUOTED) &&
			    n->column > 1)
				n->column--;
			break;
		}
		case FYET_ALIAS:
			n = ynode_new(YN_SCALAR, m);
			if (n->column > 1)
				n->column--; /* point at the '*' */
			n->text = xstrdup("");
			n->plain = 1;
			form_err(ld, n, "aliases (*name) are not allowed in a form");
			failed = 1;
			break;
		default:
			break;
		}
		if (n != NULL) {
			if (depth > 0)
				ynode_append(stack[depth - 1], n);
			else if (root == NULL && documents <= 1)
				root = n;
			else {
				if (!failed)
					form_err(ld, n,
					         "a form file holds exactly one YAML "
					         "document");
				failed = 1;
				if (!opens)
					ynode_free(n);
				else
					n->line = -1; /* orphan: freed when closed */
			}
			if (opens) {
				stack = grow_pow2(stack, depth, sizeof *stack);
				stack[depth++] = n;
			}
		}
		if (closes && depth > 0) {
			struct ynode *top = stack[--depth];
			if (top->line == -1)
				ynode_free(top);
		}
		if (end != NULL) {
			last.off = end->input_pos;
			last.line = end->line + 1;
			last.column = end->column + 1;
		}
		fy_parser_event_free(parser, ev);
	}

	if (fy_parser_get_stream_error(parser) || fy_diag_got_error(diag)) {
		void *iter = NULL;
		struct fy_diag_error *de;
		int reported = 0;
		while ((de = fy_diag_errors_iterate(diag, &iter)) != NULL) {
			if (de->type < FYET_ERROR)
				continue;
			error_add(
			    ld->errors, ld->name, de->line > 0 ? de->line : 1,
			    de->column > 0 ? de->column : 1,
			    xasprintf("YAML syntax: %s", de->msg ? de->msg : "error"));
			reported++;
		}
		if (!reported) {
			/* no position from libfyaml (an unsupported %YAML version):
			 * a directive line, else where parsing stopped */
			struct text_pos at = last;
			const char *reason =
			    unplaced.len > 0 ? diag_text(unplaced.data) : "error";
			for (size_t off = 0, line = 1; off < len; line++) {
				const char *nl = memchr(text + off, '\n', len - off);
				if (text[off] == '%') {
					at = (struct text_pos){off, (int)line, 1};
					break;
				}
				if (text[off] != '#' && text[off] != '\n' &&
				    text[off] != '\r')
					break;
				if (nl == NULL)
					break;
				off = (size_t)(nl - text) + 1;
			}
			error_add(ld->errors, ld->name, at.line, at.column,
			          xasprintf("YAML syntax: %s", reason));
		}
		failed = 1;
	}
	buf_free(&unplaced);
	/* on a syntax error the stack may still hold unfinished orphans */
	while (depth > 0) {
		struct ynode *top = stack[--depth];
		if (top->line == -1)
			ynode_free(top);
	}
	free(stack);
	fy_parser_destroy(parser);
	fy_diag_destroy(diag);
	if (failed) {
		ynode_free(root);
		return NULL;
	}
	return root;
}

/* ---- schema helpers ---- */

/* Is a scalar YAML's null (empty, ~ or null)? */
int
form_is_null(const struct ynode *n)
{
	return n->kind == YN_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->text, "~") == 0 ||
	        strcmp(n->text, "null") == 0 || strcmp(n->text, "Null") == 0 ||
	        strcmp(n->text, "NULL") == 0);
}

/* What a node is, for messages. */
const char *
form_node_what(const struct ynode *n)
{
	if (n->kind == YN_MAP)
		return "a mapping";
	if (n->kind == YN_SEQ)
		return "a list";
	return form_is_null(n) ? "empty" : "a single value";
}

/* The value stored under key in map, or NULL. */
const struct ynode *
form_map_get(const struct ynode *map, const char *key)
{
	if (map == NULL || map->kind != YN_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->count; i += 2)
		if (map->child[i]->kind == YN_SCALAR &&
		    strcmp(map->child[i]->text, key) == 0)
			return map->child[i + 1];
	return NULL;
}

/* Is s in the NULL-terminated list? */
static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* Report when n is not a mapping; returns 1 when it is. */
int
form_expect_map(struct form_loader *ld, const struct ynode *n, const char *what)
{
	if (n->kind == YN_MAP)
		return 1;
	form_err(ld, n, "%s must be a mapping (key: value lines), not %s", what,
	         form_node_what(n));
	return 0;
}

/* Report unknown, duplicate and non-text keys of a mapping. Linear in the
 * number of keys: only allowed keys can be duplicates that matter (an
 * unknown one is reported each time it appears). */
void
form_check_keys(struct form_loader *ld, const struct ynode *map,
                const char *const *allowed, const char *what)
{
	const struct ynode *first[32] = {0};
	size_t nallowed = 0;

	while (allowed[nallowed] != NULL && nallowed < 32)
		nallowed++;
	for (size_t i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->child[i];
		size_t a;
		if (k->kind != YN_SCALAR) {
			form_err(ld, k, "keys in %s must be plain names", what);
			continue;
		}
		for (a = 0; a < nallowed; a++)
			if (strcmp(k->text, allowed[a]) == 0)
				break;
		if (a < nallowed) {
			if (first[a] != NULL)
				form_err(ld, k,
				         "duplicate key '%s' in %s (first at line %d)",
				         form_brief(ld, k->text), what, first[a]->line);
			else
				first[a] = k;
			continue;
		}
		{
			struct buf b = {0};
			for (const char *const *p = allowed; *p; p++)
				buf_printf(&b, "%s%s", p == allowed ? "" : ", ", *p);
			form_err(ld, k, "unknown key '%s' in %s (allowed: %s)",
			         form_brief(ld, k->text), what, b.data);
			buf_free(&b);
		}
	}
}

/* Report a missing required key of map. */
void
form_missing(struct form_loader *ld, const struct ynode *map, const char *key,
             const char *what)
{
	form_err(ld, map, "missing key '%s' in %s", key, what);
}

/*
 * A text value under key: a copy, or NULL. Reports a missing key (when
 * required), a mapping or list, an empty value and embedded NUL characters.
 */
char *
form_get_text(struct form_loader *ld, const struct ynode *map, const char *key,
              int required, const char *what)
{
	const struct ynode *v = form_map_get(map, key);

	if (v == NULL) {
		if (required)
			form_missing(ld, map, key, what);
		return NULL;
	}
	if (v->kind != YN_SCALAR) {
		form_err(ld, v, "'%s' in %s must be text, not %s", key, what,
		         form_node_what(v));
		return NULL;
	}
	if (form_is_null(v) || v->len == 0) {
		form_err(ld, v, "'%s' in %s is empty", key, what);
		return NULL;
	}
	if (memchr(v->text, '\0', v->len) != NULL) {
		form_err(ld, v, "'%s' in %s contains a NUL character", key, what);
		return NULL;
	}
	return xstrdup(v->text);
}

/*
 * An integer under key into *out, in lo..hi. Returns 1 when present and valid,
 * 0 when absent (reported if required) or invalid (reported).
 */
int
form_get_int(struct form_loader *ld, const struct ynode *map, const char *key,
             int required, long lo, long hi, long *out, const char *what)
{
	const struct ynode *v = form_map_get(map, key);
	long x;

	if (v == NULL) {
		if (required)
			form_missing(ld, map, key, what);
		return 0;
	}
	if (v->kind != YN_SCALAR || form_is_null(v)) {
		form_err(ld, v, "'%s' in %s must be an integer, not %s", key, what,
		         form_node_what(v));
		return 0;
	}
	if (!v->plain || !parse_long(v->text, &x)) {
		if (lo >= 0)
			form_err(ld, v,
			         "'%s' in %s must be a non-negative integer, not '%s'",
			         key, what, form_brief(ld, v->text));
		else
			form_err(ld, v, "'%s' in %s must be an integer, not '%s'", key,
			         what, form_brief(ld, v->text));
		return 0;
	}
	if (x < lo || x > hi) {
		if (lo == 0 && x < 0)
			form_err(ld, v, "'%s' in %s must not be negative (%ld)", key,
			         what, x);
		else
			form_err(ld, v, "'%s' in %s must be between %ld and %ld, not %ld",
			         key, what, lo, hi, x);
		return 0;
	}
	*out = x;
	return 1;
}

/* An int-sized version of get_int. */
int
form_get_int_into(struct form_loader *ld, const struct ynode *map, const char *key,
                  int required, long lo, long hi, int *out, const char *what)
{
	long x;
	if (!form_get_int(ld, map, key, required, lo, hi, &x, what))
		return 0;
	*out = (int)x;
	return 1;
}

/* A boolean (true/false) under key into *out; absent leaves *out alone. */
static void
get_bool(struct form_loader *ld, const struct ynode *map, const char *key, int *out,
         const char *what)
{
	const struct ynode *v = form_map_get(map, key);

	if (v == NULL)
		return;
	if (v->kind == YN_SCALAR && v->plain &&
	    (strcmp(v->text, "true") == 0 || strcmp(v->text, "True") == 0 ||
	     strcmp(v->text, "TRUE") == 0)) {
		*out = 1;
		return;
	}
	if (v->kind == YN_SCALAR && v->plain &&
	    (strcmp(v->text, "false") == 0 || strcmp(v->text, "False") == 0 ||
	     strcmp(v->text, "FALSE") == 0)) {
		*out = 0;
		return;
	}
	form_err(ld, v, "'%s' in %s must be true or false, not %s%s%s", key, what,
	         v->kind == YN_SCALAR && !form_is_null(v) ? "'" : "",
	         v->kind == YN_SCALAR && !form_is_null(v) ? form_brief(ld, v->text)
	                                                  : form_node_what(v),
	         v->kind == YN_SCALAR && !form_is_null(v) ? "'" : "");
}

/* Does id match ^[a-z][a-z0-9_]*$ (with '-' too when dash), at most FORM_ID_MAX bytes? */
static int
id_valid(const char *id, int dash)
{
	size_t n = strlen(id);
	if (n == 0 || n > FORM_ID_MAX || id[0] < 'a' || id[0] > 'z')
		return 0;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		      (dash && *p == '-')))
			return 0;
	return 1;
}

/* ---- the id check and the index for the other loader files (form_private.h) ---- */

int
form_id_valid(const char *id, int dash)
{
	return id_valid(id, dash);
}

struct form_index *
form_index_new(void)
{
	return xcalloc(1, sizeof(struct form_index));
}

long
form_index_find(const struct form_index *x, const void *items, index_name_fn *name,
                const char *id)
{
	return index_find(x, items, name, id);
}

void
form_index_add(struct form_index *x, const void *items, index_name_fn *name, size_t i)
{
	index_add(x, items, name, i);
}

void
form_index_free(struct form_index *x)
{
	index_free(x);
}

/* An id under key: a copy when present and well-formed, else NULL (reported). */
static char *
get_id(struct form_loader *ld, const struct ynode *map, const char *key, const char *what,
       int dash)
{
	char *id = form_get_text(ld, map, key, 1, what);
	if (id != NULL && !id_valid(id, dash)) {
		form_err(
		    ld, form_map_get(map, key),
		    "invalid id '%s' in %s: start with a-z, then only a-z, 0-9%s or _ "
		    "(at most %d characters)",
		    form_brief(ld, id), what, dash ? ", -" : "", FORM_ID_MAX);
		free(id);
		return NULL;
	}
	return id;
}

/* ---- the schema ---- */

/* The top-level settings besides sections. */
static void
load_settings(struct form_loader *ld, const struct ynode *root)
{
	struct form *f = ld->form;
	const struct ynode *n;

	f->id = get_id(ld, root, "form", "the form", 1);
	f->title = form_get_text(ld, root, "title", 1, "the form");
	f->edition = form_get_text(ld, root, "edition", 1, "the form");
	if (f->edition != NULL && !date_iso_valid(f->edition)) {
		form_err(ld, form_map_get(root, "edition"),
		         "'edition' must be a date YYYY-MM-DD that exists, not '%s'",
		         form_brief(ld, f->edition));
		free(f->edition);
		f->edition = NULL;
	}

	if ((n = form_map_get(root, "pass")) == NULL)
		form_missing(ld, root, "pass", "the form");
	else if (form_expect_map(ld, n, "'pass'")) {
		form_check_keys(ld, n, pass_keys, "'pass'");
		form_get_int_into(ld, n, "total_percent", 1, 0, 100,
		                  &f->pass_total_percent, "'pass'");
		form_get_int_into(ld, n, "section_min_percent", 1, 0, 100,
		                  &f->pass_section_min_percent, "'pass'");
	}

	/* points hidden from screens during the talk unless the form says no */
	f->discreet = 1;
	get_bool(ld, root, "discreet", &f->discreet, "the form");

	if ((n = form_map_get(root, "validity_years")) == NULL)
		form_missing(ld, root, "validity_years", "the form");
	else if (form_expect_map(ld, n, "'validity_years'")) {
		form_check_keys(ld, n, validity_keys, "'validity_years'");
		form_get_int_into(ld, n, "first", 1, 1, 99, &f->validity_first,
		                  "'validity_years'");
		form_get_int_into(ld, n, "renewal", 1, 1, 99, &f->validity_renewal,
		                  "'validity_years'");
	}

	if ((n = form_map_get(root, "goals")) == NULL)
		form_missing(ld, root, "goals", "the form");
	else if (form_expect_map(ld, n, "'goals'")) {
		const struct ynode *b;
		form_check_keys(ld, n, goals_keys, "'goals'");
		form_get_int_into(ld, n, "count", 1, 0, 20, &f->goal_count, "'goals'");
		if ((b = form_map_get(n, "bonus")) == NULL)
			form_missing(ld, n, "bonus", "'goals'");
		else if (form_expect_map(ld, b, "'goals.bonus'")) {
			form_check_keys(ld, b, bonus_keys, "'goals.bonus'");
			form_get_int_into(ld, b, "erreicht", 1, 0, 1000,
			                  &f->bonus_reached, "'goals.bonus'");
			form_get_int_into(ld, b, "teilweise", 1, 0, 1000,
			                  &f->bonus_partial, "'goals.bonus'");
			form_get_int_into(ld, b, "nicht_erreicht", 1, 0, 1000,
			                  &f->bonus_not_reached, "'goals.bonus'");
		}
	}
}

/* The options of a choice or multi question. */
void
form_load_options(struct form_loader *ld, struct form_question *q, const struct ynode *qn,
                  const char *what, size_t max_options)
{
	const struct ynode *list = form_map_get(qn, "options");
	struct form_index ids;

	if (list == NULL) {
		form_missing(ld, qn, "options", what);
		return;
	}
	if (list->kind != YN_SEQ || list->count == 0) {
		form_err(ld, list,
		         "'options' of %s must be a non-empty list of options, not %s",
		         what,
		         list->kind == YN_SEQ ? "an empty list" : form_node_what(list));
		return;
	}
	if (list->count > max_options) {
		form_err(ld, list, "a %s question has at most %zu options, %s has %zu",
		         kind_of(q)->name, max_options, what, list->count);
		return;
	}
	q->options = xcalloc(list->count, sizeof *q->options);
	memset(&ids, 0, sizeof ids);
	for (size_t i = 0; i < list->count; i++) {
		const struct ynode *on = list->child[i];
		struct form_option *o = &q->options[q->option_count];
		char *owhat;

		if (!form_expect_map(ld, on, "an option"))
			continue;
		owhat = xasprintf("an option of %s", what);
		form_check_keys(ld, on, option_keys, owhat);
		o->id = get_id(ld, on, "id", owhat, 0);
		o->label = form_get_text(ld, on, "label", 1, owhat);
		form_get_int_into(ld, on, "points", 1, 0, INT_MAX / 1024, &o->points,
		                  owhat);
		o->recommendation = form_get_text(ld, on, "recommendation", 0, owhat);
		free(owhat);
		if (o->id != NULL &&
		    index_find(&ids, q->options, option_name, o->id) >= 0)
			form_err(ld, form_map_get(on, "id"),
			         "duplicate option id '%s' in %s", o->id, what);
		else if (o->id != NULL)
			index_add(&ids, q->options, option_name, q->option_count);
		q->option_count++;
	}
	free(ids.slot);
}

/* The type of question qn; -1 (reported) when missing or unknown. */
static int
get_type(struct form_loader *ld, const struct ynode *qn, const char *what)
{
	char *t = form_get_text(ld, qn, "type", 1, what);
	int type;

	if (t == NULL)
		return -1;
	type = kind_find(t);
	if (type < 0) {
		char *names = kind_names(", ");
		form_err(ld, form_map_get(qn, "type"), "unknown type '%s' in %s (%s)",
		         form_brief(ld, t), what, names);
		free(names);
	}
	free(t);
	return type;
}

/*
 * question_keys: fill keys (room for 32) with the keys a question may have:
 * the common ones, then the kinds' own keys merged so that each kind's list
 * keeps its order (a new key goes just before the next of its list already
 * placed, else at the end): "points, options, min, max, bands, labels".
 */
static void
question_keys(const char *keys[32])
{
	size_t n = 0;

	for (const char *const *k = question_common_keys; *k != NULL; k++)
		keys[n++] = *k;
	for (int t = 0; t < QUESTION_TYPE_COUNT; t++) {
		const char *const *own = kind_get((enum question_type)t)->keys;
		for (size_t i = 0; own != NULL && own[i] != NULL; i++) {
			size_t at = n, j;
			for (j = 0; j < n && strcmp(keys[j], own[i]) != 0; j++)
				;
			if (j < n)
				continue; /* placed already */
			for (size_t next = i + 1; own[next] != NULL && at == n; next++)
				for (j = 0; j < n; j++)
					if (strcmp(keys[j], own[next]) == 0)
						at = j;
			if (n + 1 >= 32)
				break;
			memmove(&keys[at + 1], &keys[at], (n - at) * sizeof *keys);
			keys[at] = own[i];
			n++;
		}
	}
	keys[n] = NULL;
}

/* Report the keys of question node qn that belong to another kind than kind. */
static void
check_kind_keys(struct form_loader *ld, const struct ynode *qn,
                const struct question_kind *kind, const char *what)
{
	for (size_t i = 0; i + 1 < qn->count; i += 2) {
		const struct ynode *k = qn->child[i];
		int own = 0, other = 0;

		if (k->kind != YN_SCALAR)
			continue;
		for (int t = 0; t < QUESTION_TYPE_COUNT; t++) {
			const struct question_kind *c = kind_get((enum question_type)t);
			for (size_t j = 0; c->keys != NULL && c->keys[j] != NULL; j++)
				if (strcmp(c->keys[j], k->text) == 0)
					*(c == kind ? &own : &other) = 1;
		}
		if (other && !own)
			form_err(ld, k, "key '%s' does not belong to a %s question (%s)",
			         k->text, kind->name, what);
	}
}

/* One question of section s; appended to the form even when it has errors. */
static void
load_question(struct form_loader *ld, size_t s, const struct ynode *qn)
{
	struct form *f = ld->form;
	struct form_section *sec = &f->sections[s];
	struct form_question *q;
	const struct question_kind *kind;
	char *what;
	int type;

	f->questions = grow_pow2(f->questions, f->question_count, sizeof *f->questions);
	ld->show_if_nodes =
	    grow_pow2(ld->show_if_nodes, f->question_count, sizeof *ld->show_if_nodes);
	q = &f->questions[f->question_count];
	memset(q, 0, sizeof *q);
	ld->show_if_nodes[f->question_count] = NULL;
	f->question_count++;
	sec->count++;
	q->section = s;
	q->multi_cap = -1;
	q->show_if_question = -1;
	q->show_if_option = -1;
	q->line = qn->line;
	q->column = qn->column;

	if (!form_expect_map(ld, qn, "a question"))
		return;
	{
		const struct ynode *idn = form_map_get(qn, "id");
		what = xasprintf("question '%s.%s'", sec->id ? sec->id : "?",
		                 idn && idn->kind == YN_SCALAR && !form_is_null(idn)
		                     ? form_brief(ld, idn->text)
		                     : "?");
	}
	form_check_keys(ld, qn, ld->question_keys, what);
	q->id = get_id(ld, qn, "id", what, 0);
	if (q->id != NULL && sec->id != NULL) {
		q->full_id = xasprintf("%s.%s", sec->id, q->id);
		if (index_find(f->question_index, f->questions, question_name,
		               q->full_id) >= 0)
			form_err(ld, form_map_get(qn, "id"), "duplicate question id '%s'",
			         q->full_id);
		else
			index_add(f->question_index, f->questions, question_name,
			          f->question_count - 1);
	}
	type = get_type(ld, qn, what);
	q->text = form_get_text(ld, qn, "text", 1, what);
	q->help = form_get_text(ld, qn, "help", 0, what);
	q->evidence = form_get_text(ld, qn, "evidence", 0, what);
	q->recommendation = form_get_text(ld, qn, "recommendation", 0, what);
	get_bool(ld, qn, "na", &q->na_allowed, what);
	if (form_map_get(qn, "show_if") != NULL) {
		const struct ynode *v = form_map_get(qn, "show_if");
		q->show_if = form_get_text(ld, qn, "show_if", 0, what);
		if (q->show_if != NULL)
			ld->show_if_nodes[f->question_count - 1] = v;
	}
	if (type < 0) {
		free(what);
		return;
	}
	q->type = (enum question_type)type;

	kind = kind_get(q->type);
	check_kind_keys(ld, qn, kind, what);
	if (kind->load != NULL)
		kind->load(ld, q, qn, what);
	q->max_points = kind->max_points != NULL ? kind->max_points(q) : 0;
	free(what);
}

/* One section with its questions. */
static void
load_section(struct form_loader *ld, const struct ynode *sn)
{
	struct form *f = ld->form;
	struct form_section *sec;
	const struct ynode *list;
	size_t s = f->section_count;

	f->sections = grow_pow2(f->sections, s, sizeof *f->sections);
	sec = &f->sections[s];
	memset(sec, 0, sizeof *sec);
	sec->first = f->question_count;
	f->section_count++;
	if (!form_expect_map(ld, sn, "a section"))
		return;
	form_check_keys(ld, sn, section_keys, "a section");
	sec->id = get_id(ld, sn, "id", "a section", 0);
	if (sec->id != NULL && in_list(sec->id, reserved_section_ids)) {
		form_err(
		    ld, form_map_get(sn, "id"),
		    "section id '%s' is reserved for session records; choose another",
		    sec->id);
	} else if (sec->id != NULL &&
	           index_find(f->section_index, f->sections, section_name, sec->id) >= 0)
		form_err(ld, form_map_get(sn, "id"), "duplicate section id '%s'",
		         sec->id);
	else if (sec->id != NULL)
		index_add(f->section_index, f->sections, section_name, s);
	{
		char *what = xasprintf("section '%s'", sec->id ? sec->id : "?");
		sec->title = form_get_text(ld, sn, "title", 1, what);
		list = form_map_get(sn, "questions");
		if (list == NULL)
			form_missing(ld, sn, "questions", what);
		else if (list->kind != YN_SEQ || list->count == 0)
			form_err(ld, list,
			         "'questions' of %s must be a non-empty list, not %s",
			         what,
			         list->kind == YN_SEQ ? "an empty list"
			                              : form_node_what(list));
		else {
			size_t errors_before = ld->errors->count;
			for (size_t i = 0; i < list->count; i++)
				load_question(ld, s, list->child[i]);
			sec = &f->sections[s];
			for (size_t i = sec->first; i < sec->first + sec->count; i++)
				sec->max_points += f->questions[i].max_points;
			if (sec->max_points == 0 && ld->errors->count == errors_before)
				form_err(ld, sn, "%s has no question that scores points",
				         what);
		}
		free(what);
	}
}

/* The kinds that have options, for a message: "choice and multi". Caller frees. */
static char *
option_kind_names(void)
{
	const char *names[QUESTION_TYPE_COUNT];
	size_t n = 0;
	struct buf b = {0};

	for (int t = 0; t < QUESTION_TYPE_COUNT; t++)
		if (kind_get((enum question_type)t)->options)
			names[n++] = kind_get((enum question_type)t)->name;
	buf_adds(&b, "");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s",
		           i == 0       ? ""
		           : i + 1 == n ? " and "
		                        : ", ",
		           names[i]);
	return buf_steal(&b);
}

/* Resolve every show_if to an earlier question (and option). */
static void
resolve_show_if(struct form_loader *ld)
{
	struct form *f = ld->form;

	for (size_t i = 0; i < f->question_count; i++) {
		struct form_question *q = &f->questions[i];
		const struct ynode *at = ld->show_if_nodes[i];
		char *target, *eq;
		const char *option = NULL;
		int t;

		if (q->show_if == NULL || at == NULL ||
		    f->sections[q->section].id == NULL)
			continue;
		eq = strchr(q->show_if, '=');
		if (eq != NULL)
			option = eq + 1;
		if (strchr(q->show_if, '.') != NULL &&
		    (eq == NULL || strchr(q->show_if, '.') < eq))
			target = eq ? xstrndup(q->show_if, (size_t)(eq - q->show_if))
			            : xstrdup(q->show_if);
		else
			target = xasprintf(
			    "%s.%.*s", f->sections[q->section].id,
			    (int)(eq ? eq - q->show_if : (ptrdiff_t)strlen(q->show_if)),
			    q->show_if);
		t = form_find_question(f, target);
		if (t < 0)
			form_err(ld, at, "show_if refers to unknown question '%s'",
			         form_brief(ld, target));
		else if ((size_t)t == i)
			form_err(
			    ld, at,
			    "show_if of '%s' refers to the question itself (a cycle)",
			    q->full_id ? q->full_id : target);
		else if ((size_t)t > i)
			form_err(
			    ld, at,
			    "show_if refers to '%s', which comes later (forward "
			    "reference or "
			    "cycle): a follow-up must come after the question it depends "
			    "on",
			    target);
		else if (!form_type_scored(f->questions[t].type))
			form_err(
			    ld, at,
			    "show_if refers to '%s', a %s question that never scores, so "
			    "'%s' would never be shown",
			    target, form_type_name(f->questions[t].type),
			    q->full_id ? q->full_id : "?");
		else if (option != NULL) {
			const struct form_question *tq = &f->questions[t];
			int o;
			if (!kind_get(tq->type)->options) {
				char *kinds = option_kind_names();
				form_err(
				    ld, at,
				    "show_if '%s': only %s questions have options, '%s' "
				    "is %s",
				    form_brief(ld, q->show_if), kinds, target,
				    form_type_name(tq->type));
				free(kinds);
			} else if ((o = form_find_option(tq, option)) < 0)
				form_err(ld, at,
				         "show_if refers to unknown option '%s' of '%s'",
				         form_brief(ld, option), target);
			else {
				q->show_if_question = t;
				q->show_if_option = o;
			}
		} else
			q->show_if_question = t;
		free(target);
	}
}

/* Validate the tree into ld->form; errors go to ld->errors. */
static void
load_form(struct form_loader *ld, const struct ynode *root)
{
	const struct ynode *list;

	if (root == NULL) {
		form_err(ld, NULL,
		         "the file is empty: a form needs form, title, edition, pass, "
		         "validity_years, goals and sections");
		return;
	}
	if (!form_expect_map(ld, root, "the form file"))
		return;
	form_check_keys(ld, root, top_keys, "the form");
	load_settings(ld, root);
	list = form_map_get(root, "sections");
	if (list == NULL)
		form_missing(ld, root, "sections", "the form");
	else if (list->kind != YN_SEQ || list->count == 0)
		form_err(ld, list, "'sections' must be a non-empty list, not %s",
		         list->kind == YN_SEQ ? "an empty list" : form_node_what(list));
	else
		for (size_t i = 0; i < list->count; i++)
			load_section(ld, list->child[i]);
	resolve_show_if(ld);
	form_load_replaces(ld, root);
}

struct form *
form_load_string(const char *text, size_t len, const char *name,
                 struct form_errors *errors)
{
	struct form_loader ld = {0};
	struct ynode *root;
	size_t first = errors->count;
	struct form *f;

	ld.name = name;
	ld.errors = errors;
	question_keys(ld.question_keys);
	if (len > FORM_MAX_SIZE) {
		form_err(&ld, NULL, "the file is larger than %d bytes", FORM_MAX_SIZE);
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	f->question_index = xcalloc(1, sizeof *f->question_index);
	f->section_index = xcalloc(1, sizeof *f->section_index);
	f->name = xstrdup(name);
	f->source = xmalloc(len + 1);
	memcpy(f->source, text, len);
	f->source[len] = '\0';
	f->source_len = len;
	sha256_hex(f->source, len, f->sha256);
	ld.form = f;

	if (prescan(&ld, f->source, len) == 0) {
		root = yaml_parse(&ld, f->source, len);
		if (errors->count == first)
			load_form(&ld, root);
		ynode_free(root);
	}
	free(ld.show_if_nodes);
	for (size_t i = 0; i < ld.scratch_count; i++)
		free(ld.scratch[i]);
	free(ld.scratch);
	if (errors->count > first) {
		errors_sort_from(errors, first);
		form_free(f);
		return NULL;
	}
	return f;
}

struct form *
form_load_file(const char *path, struct form_errors *errors)
{
	char *data = NULL, *why = NULL;
	size_t len = 0;
	struct form *f;
	struct stat st;

	/* a FIFO or device would block or never end: only regular files */
	if (stat(path, &st) != 0) {
		error_add(errors, path, 0, 0,
		          xasprintf("cannot read: %s", strerror(errno)));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		error_add(errors, path, 0, 0,
		          xstrdup(S_ISDIR(st.st_mode) ? "is a directory, not a form file"
		                                      : "is not a regular file"));
		return NULL;
	}
	if (file_read_all(path, FORM_MAX_SIZE, &data, &len, &why) != 0) {
		error_add(errors, path, 0, 0,
		          why ? why : xstrdup("cannot read the file"));
		return NULL;
	}
	f = form_load_string(data, len, path, errors);
	free(data);
	return f;
}

void
form_free(struct form *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->question_count; i++) {
		struct form_question *q = &f->questions[i];
		free(q->id);
		free(q->full_id);
		free(q->text);
		free(q->help);
		free(q->evidence);
		free(q->recommendation);
		free(q->show_if);
		for (size_t j = 0; j < q->option_count; j++) {
			free(q->options[j].id);
			free(q->options[j].label);
			free(q->options[j].recommendation);
		}
		free(q->options);
		free(q->bands);
		for (size_t j = 0; j < q->scale_label_count; j++)
			free(q->scale_labels[j]);
		free(q->scale_labels);
	}
	free(f->questions);
	form_replaced_free(f);
	for (size_t i = 0; i < f->section_count; i++) {
		free(f->sections[i].id);
		free(f->sections[i].title);
	}
	free(f->sections);
	free(f->id);
	free(f->title);
	free(f->edition);
	free(f->source);
	free(f->name);
	index_free(f->question_index);
	index_free(f->section_index);
	free(f);
}

int
form_find_question(const struct form *form, const char *full_id)
{
	if (form->question_index != NULL)
		return (int)index_find(form->question_index, form->questions,
		                       question_name, full_id);
	for (size_t i = 0; i < form->question_count; i++)
		if (form->questions[i].full_id != NULL &&
		    strcmp(form->questions[i].full_id, full_id) == 0)
			return (int)i;
	return -1;
}

int
form_find_section(const struct form *form, const char *id)
{
	if (form->section_index != NULL)
		return (int)index_find(form->section_index, form->sections, section_name,
		                       id);
	for (size_t i = 0; i < form->section_count; i++)
		if (form->sections[i].id != NULL && strcmp(form->sections[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
form_find_option(const struct form_question *q, const char *option_id)
{
	for (size_t i = 0; i < q->option_count; i++)
		if (q->options[i].id != NULL && strcmp(q->options[i].id, option_id) == 0)
			return (int)i;
	return -1;
}

const char *
form_type_name(enum question_type type)
{
	const struct question_kind *k = kind_get(type);
	return k != NULL ? k->name : "?";
}

int
form_type_scored(enum question_type type)
{
	const struct question_kind *k = kind_get(type);
	return k != NULL && k->scored;
}

char *
form_question_tsv(const struct form *form, size_t index)
{
	const struct form_question *q = &form->questions[index];
	struct buf b = {0};

	buf_printf(&b, "%s\t%s\t%s\t%d\t", q->full_id, form->sections[q->section].id,
	           form_type_name(q->type), q->max_points);
	if (q->show_if_question < 0)
		buf_addc(&b, '-');
	else {
		const struct form_question *t = &form->questions[q->show_if_question];
		buf_adds(&b, t->full_id);
		if (q->show_if_option >= 0)
			buf_printf(&b, "=%s", t->options[q->show_if_option].id);
	}
	buf_addc(&b, '\t');
	for (const char *p = q->text; *p; p++)
		buf_addc(&b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	return buf_steal(&b);
}
