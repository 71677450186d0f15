/*
 * xmlread.h: streaming, hardened XML parsing of one ZIP part with expat.
 * A document type declaration is refused outright (so no entity of any
 * kind, internal or external, is ever declared or expanded), nesting is
 * capped, the text collected for one value is capped, and expat's own
 * errors (not well-formed, invalid UTF-8, an unknown encoding) become German
 * messages that name the part, the line and the byte. Element and attribute
 * names arrive as "NAMESPACE-URI|local" (or just "local" without namespace);
 * xmlread_local splits them.
 *
 * Knows nothing about XLSX. Never prints, never exits.
 */
#ifndef XMLREAD_H
#define XMLREAD_H

#include <stddef.h>

#include "lib/util.h"
#include "lib/zipread.h"

/* The deepest element nesting accepted. */
#define XMLREAD_MAX_DEPTH 256

struct xmlread;

/* Called for each element; attrs alternate names and values, NULL-ended. */
typedef void (*xmlread_start_fn)(struct xmlread *x, const char *name, const char **attrs);
typedef void (*xmlread_end_fn)(struct xmlread *x, const char *name);

/* What the caller of xmlread_part gives: handlers (end may be NULL) and its
 * own state, reachable from a handler through xmlread_arg. */
struct xmlread_handlers {
	xmlread_start_fn start;
	xmlread_end_fn end;
	void *arg;
};

/*
 * xmlread_part: parse the entry index of z as XML. label names the part in
 * messages ("Teil xl/workbook.xml", "Blatt „Fragen“"). Character data is
 * collected only between xmlread_text_begin and xmlread_text_end. Returns
 * 0 when the document was well-formed and no handler failed (or a handler
 * stopped the parse with xmlread_stop); -1 with *why set (caller frees).
 */
int xmlread_part(struct zipread *z, size_t index, const char *label,
                 const struct xmlread_handlers *h, char **why);

/* The handlers' own state. */
void *xmlread_arg(struct xmlread *x);

/* The local part of an expat name; *ns (when not NULL) gets the namespace
 * URI and *ns_len its length (0 without namespace). */
const char *xmlread_local(const char *name, const char **ns, size_t *ns_len);

/* 1 when name is in namespace ns (a NUL-terminated URI) with local name local. */
int xmlread_is(const char *name, const char *ns, const char *local);

/* The value of the attribute called name (an expat name, as above) or NULL. */
const char *xmlread_attr(const char **attrs, const char *name);

/* The value of the attribute with local name local in any namespace, or NULL. */
const char *xmlread_attr_local(const char **attrs, const char *local);

/*
 * Collecting text: between xmlread_text_begin(x, cap, what) and
 * xmlread_text_end(x) character data is appended to a buffer. More than cap
 * bytes fail the parse with "WHAT: mehr als CAP Bytes Text" (what is copied
 * and must say where: "Blatt „Fragen“, Zelle F14"); with what NULL they are
 * no error: the rest is dropped and xmlread_text_end returns NULL.
 * xmlread_text_end returns the buffer (borrowed until the next
 * xmlread_text_begin; NUL-terminated), *len its length.
 */
void xmlread_text_begin(struct xmlread *x, size_t cap, const char *what);
const char *xmlread_text_end(struct xmlread *x, size_t *len);
/* 1 while text is being collected. */
int xmlread_text_active(const struct xmlread *x);

/*
 * Failing from a handler: the parse stops and xmlread_part returns -1 with
 * the message. xmlread_fail puts the label and position in front
 * ("Teil xl/workbook.xml, Zeile 2, Zeichen 17: …"); xmlread_fail_plain uses
 * the message as it is (for messages that name a cell rather than a line).
 * Later failures are ignored: the first one counts.
 */
void xmlread_fail(struct xmlread *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void xmlread_fail_plain(struct xmlread *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Stop the parse without an error (xmlread_part then returns 0). */
void xmlread_stop(struct xmlread *x);

/* 1 once the parse failed or was stopped (handlers should do nothing more). */
int xmlread_done(const struct xmlread *x);

/* The depth of the element being started or ended: the root is 1. */
int xmlread_depth(const struct xmlread *x);

/* The label given to xmlread_part (borrowed). */
const char *xmlread_label(const struct xmlread *x);

#endif
