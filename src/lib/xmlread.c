/*
 * xmlread.c: hardened streaming XML over a ZIP part (see xmlread.h). expat
 * is fed the inflated bytes chunk by chunk, so memory stays at expat's
 * buffer plus whatever the handlers keep. Never prints or exits.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "lib/util.h"
#include "lib/xmlread.h"
#include "lib/zipread.h"

/* The separator expat puts between namespace URI and local name. */
#define NS_SEP '|'

struct xmlread {
	XML_Parser parser;
	const struct xmlread_handlers *h;
	const char *label;
	int depth;
	int failed;
	int stopped;
	char *error;
	int collecting;
	int overflow;
	size_t cap;
	char *what;
	struct buf text;
};

/* expat's error codes in German; anything else is shown with expat's text. */
static const struct {
	enum XML_Error code;
	const char *text;
} error_texts[] = {
    {XML_ERROR_NO_MEMORY, "zu wenig Speicher"},
    {XML_ERROR_SYNTAX, "Syntaxfehler"},
    {XML_ERROR_NO_ELEMENTS, "kein Element (leer oder kein XML)"},
    {XML_ERROR_INVALID_TOKEN, "ungültiges Zeichen oder kein gültiges UTF-8"},
    {XML_ERROR_UNCLOSED_TOKEN, "unvollständige Markierung (abgeschnitten?)"},
    {XML_ERROR_PARTIAL_CHAR, "unvollständiges Zeichen (kein gültiges UTF-8)"},
    {XML_ERROR_TAG_MISMATCH, "End-Tag passt nicht zum Start-Tag"},
    {XML_ERROR_DUPLICATE_ATTRIBUTE, "ein Attribut steht doppelt"},
    {XML_ERROR_JUNK_AFTER_DOC_ELEMENT, "Daten nach dem Ende des Dokuments"},
    {XML_ERROR_UNDEFINED_ENTITY, "unbekannte Entität"},
    {XML_ERROR_RECURSIVE_ENTITY_REF, "rekursive Entität"},
    {XML_ERROR_UNKNOWN_ENCODING, "unbekannte Zeichenkodierung"},
    {XML_ERROR_INCORRECT_ENCODING,
     "die Zeichenkodierung stimmt nicht mit ihrer Angabe überein"},
    {XML_ERROR_BAD_CHAR_REF, "Zeichenreferenz auf ein verbotenes Zeichen"},
    {XML_ERROR_UNCLOSED_CDATA_SECTION, "CDATA-Abschnitt nicht geschlossen"},
    {XML_ERROR_MISPLACED_XML_PI, "XML-Deklaration an falscher Stelle"},
    {XML_ERROR_UNBOUND_PREFIX, "Namensraum-Präfix nicht deklariert"},
    {XML_ERROR_XML_DECL, "fehlerhafte XML-Deklaration"},
    {XML_ERROR_INVALID_ARGUMENT, "ungültiges Argument"},
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
    {XML_ERROR_AMPLIFICATION_LIMIT_BREACH, "zu viele Entitäten (Entitätenbombe?)"},
#endif
};

const char *
xmlread_local(const char *name, const char **ns, size_t *ns_len)
{
	const char *sep = strrchr(name, NS_SEP);

	if (ns != NULL)
		*ns = sep ? name : "";
	if (ns_len != NULL)
		*ns_len = sep ? (size_t)(sep - name) : 0;
	return sep ? sep + 1 : name;
}

int
xmlread_is(const char *name, const char *ns, const char *local)
{
	const char *uri;
	size_t len;
	const char *l = xmlread_local(name, &uri, &len);

	return strcmp(l, local) == 0 && strlen(ns) == len && memcmp(uri, ns, len) == 0;
}

const char *
xmlread_attr(const char **attrs, const char *name)
{
	for (size_t i = 0; attrs[i] != NULL; i += 2)
		if (strcmp(attrs[i], name) == 0)
			return attrs[i + 1];
	return NULL;
}

const char *
xmlread_attr_local(const char **attrs, const char *local)
{
	for (size_t i = 0; attrs[i] != NULL; i += 2)
		if (strcmp(xmlread_local(attrs[i], NULL, NULL), local) == 0)
			return attrs[i + 1];
	return NULL;
}

void *
xmlread_arg(struct xmlread *x)
{
	return x->h->arg;
}

int
xmlread_depth(const struct xmlread *x)
{
	return x->depth;
}

const char *
xmlread_label(const struct xmlread *x)
{
	return x->label;
}

int
xmlread_done(const struct xmlread *x)
{
	return x->failed || x->stopped;
}

/* Record the first failure and stop expat. */
static void
fail_with(struct xmlread *x, char *msg)
{
	if (x->failed || x->stopped) {
		free(msg);
		return;
	}
	x->failed = 1;
	x->error = msg;
	XML_StopParser(x->parser, XML_FALSE);
}

void
xmlread_fail(struct xmlread *x, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fail_with(x, xasprintf("%s, Zeile %lu, Zeichen %lu: %s", x->label,
	                       (unsigned long)XML_GetCurrentLineNumber(x->parser),
	                       (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1,
	                       msg));
	free(msg);
}

void
xmlread_fail_plain(struct xmlread *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fail_with(x, xvasprintf(fmt, ap));
	va_end(ap);
}

void
xmlread_stop(struct xmlread *x)
{
	if (x->failed || x->stopped)
		return;
	x->stopped = 1;
	XML_StopParser(x->parser, XML_FALSE);
}

void
xmlread_text_begin(struct xmlread *x, size_t cap, const char *what)
{
	x->collecting = 1;
	x->overflow = 0;
	x->cap = cap;
	x->text.len = 0;
	if (x->text.data != NULL)
		x->text.data[0] = '\0';
	str_replace(&x->what, what);
}

const char *
xmlread_text_end(struct xmlread *x, size_t *len)
{
	x->collecting = 0;
	if (x->overflow) {
		if (len != NULL)
			*len = 0;
		return NULL;
	}
	if (x->text.data == NULL)
		buf_adds(&x->text, "");
	if (len != NULL)
		*len = x->text.len;
	return x->text.data;
}

int
xmlread_text_active(const struct xmlread *x)
{
	return x->collecting;
}

static void XMLCALL
on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
	struct xmlread *x = data;

	if (x->failed || x->stopped)
		return;
	if (++x->depth > XMLREAD_MAX_DEPTH) {
		xmlread_fail(x, "mehr als %d Ebenen verschachtelt", XMLREAD_MAX_DEPTH);
		return;
	}
	if (x->h->start != NULL)
		x->h->start(x, name, attrs);
}

static void XMLCALL
on_end(void *data, const XML_Char *name)
{
	struct xmlread *x = data;

	if (x->failed || x->stopped)
		return;
	if (x->h->end != NULL)
		x->h->end(x, name);
	x->depth--;
}

static void XMLCALL
on_text(void *data, const XML_Char *s, int len)
{
	struct xmlread *x = data;

	if (!x->collecting || x->failed || x->stopped || len <= 0)
		return;
	if (x->overflow)
		return;
	if ((size_t)len > x->cap - x->text.len) {
		if (x->what == NULL) {
			x->overflow = 1;
			return;
		}
		xmlread_fail_plain(x, "%s: mehr als %zu Bytes Text", x->what, x->cap);
		return;
	}
	buf_add(&x->text, s, (size_t)len);
}

static void XMLCALL
on_doctype(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
           int has_internal_subset)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	xmlread_fail(data, "enthält eine DOCTYPE-Deklaration; das ist in XLSX nicht "
	                   "erlaubt (Entitäten werden nicht gelesen)");
}

static void XMLCALL
on_entity(void *data, const XML_Char *name, int is_parameter, const XML_Char *value,
          int value_length, const XML_Char *base, const XML_Char *sysid,
          const XML_Char *pubid, const XML_Char *notation)
{
	(void)name, (void)is_parameter, (void)value, (void)value_length, (void)base;
	(void)sysid, (void)pubid, (void)notation;
	xmlread_fail(data, "enthält eine Entitätsdeklaration; das ist nicht erlaubt");
}

/* The German text of an expat error. */
static char *
expat_message(XML_Parser p)
{
	enum XML_Error code = XML_GetErrorCode(p);

	for (size_t i = 0; i < sizeof error_texts / sizeof error_texts[0]; i++)
		if (error_texts[i].code == code)
			return xstrdup(error_texts[i].text);
	return xasprintf("nicht wohlgeformt (%s)", XML_ErrorString(code));
}

/* Feed one piece (or the end, final) to expat; 0, 1 (stopped) or -1. */
static int
feed(struct xmlread *x, const char *data, size_t len, int final, char **why)
{
	enum XML_Status st = XML_Parse(x->parser, data, (int)len, final);
	char *msg;

	if (x->failed) {
		*why = x->error;
		x->error = NULL;
		return -1;
	}
	if (x->stopped)
		return 1;
	if (st == XML_STATUS_OK)
		return 0;
	msg = expat_message(x->parser);
	*why = xasprintf("%s, Zeile %lu, Zeichen %lu: kein gültiges XML: %s", x->label,
	                 (unsigned long)XML_GetCurrentLineNumber(x->parser),
	                 (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1, msg);
	free(msg);
	x->failed = 1;
	return -1;
}

/* zipread consumer: pieces of at most 64 KiB go to expat. */
static int
feed_chunk(void *arg, const char *data, size_t len, char **why)
{
	return feed(arg, data, len, 0, why);
}

int
xmlread_part(struct zipread *z, size_t index, const char *label,
             const struct xmlread_handlers *h, char **why)
{
	struct xmlread x = {0};
	int rc;

	*why = NULL;
	x.parser = XML_ParserCreateNS(NULL, NS_SEP);
	if (x.parser == NULL) {
		*why = xasprintf("%s: zu wenig Speicher für den XML-Leser", label);
		return -1;
	}
	x.h = h;
	x.label = label;
	XML_SetUserData(x.parser, &x);
	XML_SetElementHandler(x.parser, on_start, on_end);
	XML_SetCharacterDataHandler(x.parser, on_text);
	XML_SetStartDoctypeDeclHandler(x.parser, on_doctype);
	XML_SetEntityDeclHandler(x.parser, on_entity);
	XML_SetParamEntityParsing(x.parser, XML_PARAM_ENTITY_PARSING_NEVER);

	rc = zipread_read(z, index, feed_chunk, &x, why);
	if (rc == 0 && !x.stopped && !x.failed)
		rc = feed(&x, "", 0, 1, why) < 0 ? -1 : 0;
	if (rc != 0 && *why == NULL)
		*why = xasprintf("%s: nicht lesbar", label);
	if (rc == 0 && x.failed) {
		*why = x.error ? x.error : xasprintf("%s: nicht lesbar", label);
		x.error = NULL;
		rc = -1;
	}
	XML_ParserFree(x.parser);
	free(x.error);
	free(x.what);
	buf_free(&x.text);
	return rc;
}
