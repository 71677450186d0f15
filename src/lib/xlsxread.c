/*
 * xlsxread.c: opening an .xlsx (see xlsxread.h): the file and its first
 * bytes, the package (content types, relationships), the workbook part
 * (sheets, date system, defined names) and the custom document properties.
 * The shared strings and styles are in xlsxread_strings.c, the cells in
 * xlsxread_sheet.c. Never prints or exits.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/xlsxread.h"
#include "lib/xlsxread_private.h"
#include "lib/xmlread.h"
#include "lib/zipread.h"

#define NS_CONTENT_TYPES "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_RELATIONSHIPS "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CUSTOM                                                                        \
	"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#define NS_CUSTOM_STRICT "http://purl.oclc.org/ooxml/officeDocument/customProperties"

#define TYPE_WORKBOOK                                                                    \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
#define TYPE_TEMPLATE                                                                    \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
#define TYPE_XLSB "application/vnd.ms-excel.sheet.binary.macroEnabled.main"

/* The longest sheet or defined name kept (Excel allows 31 and 255). */
#define NAME_MAX_BYTES 1024

void
xlsxread_limits_default(struct xlsxread_limits *limits)
{
	limits->file_bytes = 100u << 20;
	limits->entries = 10000;
	limits->part_bytes = 50u << 20;
	limits->total_bytes = 200u << 20;
	limits->cell_bytes = 64u << 10;
	limits->strings = 4000000;
	limits->items = 100000;
}

const char *
xlsxread_main_local(const char *name)
{
	static const char main_ns[] = XLSXREAD_NS_MAIN "|";
	static const char strict_ns[] = XLSXREAD_NS_MAIN_STRICT "|";

	if (strncmp(name, main_ns, sizeof main_ns - 1) == 0)
		return name + sizeof main_ns - 1;
	if (strncmp(name, strict_ns, sizeof strict_ns - 1) == 0)
		return name + sizeof strict_ns - 1;
	return "";
}

int
xlsxread_is_main(const char *name, const char *local)
{
	return strcmp(xlsxread_main_local(name), local) == 0;
}

char *
xlsxread_part_label(const char *part)
{
	char *p = zipread_printable(part);
	char *label = xasprintf("Teil %s", p);
	free(p);
	return label;
}

/* Whether the names a and b are equal ignoring ASCII case. */
static int
same_ascii_case(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* --- part names --------------------------------------------------------- */

/*
 * resolve: the part a relationship target points to, from the part source
 * ("" for the package root): absolute targets start at the root, relative
 * ones at source's folder; "." and ".." are resolved. NULL when ".." leaves
 * the package. Caller frees.
 */
static char *
resolve(const char *source, const char *target)
{
	struct buf path = {0};
	char *work, *save = NULL;
	size_t *starts = NULL, depth = 0, alloc = 0;

	if (target[0] == '/') {
		work = xstrdup(target + 1);
	} else {
		const char *slash = strrchr(source, '/');
		work = slash ? xasprintf("%.*s/%s", (int)(slash - source), source, target)
		             : xstrdup(target);
	}
	buf_adds(&path, "");
	for (char *seg = strtok_r(work, "/", &save); seg;
	     seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (depth == 0) {
				free(work);
				free(starts);
				buf_free(&path);
				return NULL;
			}
			path.len = starts[--depth];
			path.data[path.len] = '\0';
			continue;
		}
		if (depth == alloc) {
			alloc = alloc ? alloc * 2 : 8;
			starts = xreallocarray(starts, alloc, sizeof *starts);
		}
		starts[depth++] = path.len;
		if (path.len > 0)
			buf_addc(&path, '/');
		buf_adds(&path, seg);
	}
	free(work);
	free(starts);
	return buf_steal(&path);
}

/* The relationships part of part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels";
 * "" (the package) → "_rels/.rels". Caller frees. */
static char *
rels_part(const char *part)
{
	const char *slash = strrchr(part, '/');

	if (slash == NULL)
		return xasprintf("_rels/%s.rels", part);
	return xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
}

/* --- content types ------------------------------------------------------ */

struct content_type {
	char *key; /* extension (Default) or part name without '/' (Override) */
	char *type;
	int is_default;
};

struct content_types {
	struct content_type *items;
	size_t count;
	size_t max;
};

static void
content_types_free(struct content_types *ct)
{
	for (size_t i = 0; i < ct->count; i++) {
		free(ct->items[i].key);
		free(ct->items[i].type);
	}
	free(ct->items);
}

static void
on_content_type(struct xmlread *x, const char *name, const char **attrs)
{
	struct content_types *ct = xmlread_arg(x);
	int is_default = xmlread_is(name, NS_CONTENT_TYPES, "Default");
	const char *key, *type;

	if (xmlread_depth(x) == 1) {
		if (!xmlread_is(name, NS_CONTENT_TYPES, "Types"))
			xmlread_fail(x, "sind keine Inhaltstypen (Wurzelelement „%s“)",
			             xmlread_local(name, NULL, NULL));
		return;
	}
	if (xmlread_depth(x) != 2 ||
	    (!is_default && !xmlread_is(name, NS_CONTENT_TYPES, "Override")))
		return;
	key = xmlread_attr(attrs, is_default ? "Extension" : "PartName");
	type = xmlread_attr(attrs, "ContentType");
	if (key == NULL || type == NULL) {
		xmlread_fail(x, "Inhaltstyp ohne %s", key == NULL ? "Namen" : "Typ");
		return;
	}
	if (ct->count >= ct->max) {
		xmlread_fail(x, "zu viele Inhaltstypen");
		return;
	}
	if ((ct->count & (ct->count - 1)) == 0)
		ct->items = xreallocarray(ct->items, ct->count ? ct->count * 2 : 1,
		                          sizeof *ct->items);
	ct->items[ct->count].key = xstrdup(key[0] == '/' ? key + 1 : key);
	ct->items[ct->count].type = xstrdup(type);
	ct->items[ct->count].is_default = is_default;
	ct->count++;
}

/* The content type of part (Override first, then Default by extension), or NULL. */
static const char *
content_type_of(const struct content_types *ct, const char *part)
{
	const char *dot = strrchr(part, '.');

	for (size_t i = 0; i < ct->count; i++)
		if (!ct->items[i].is_default && same_ascii_case(ct->items[i].key, part))
			return ct->items[i].type;
	if (dot != NULL && strchr(dot, '/') == NULL)
		for (size_t i = 0; i < ct->count; i++)
			if (ct->items[i].is_default &&
			    same_ascii_case(ct->items[i].key, dot + 1))
				return ct->items[i].type;
	return NULL;
}

/* 1 when a content type stands for macros (VBA, Excel 4 macro sheets, .xlsm). */
static int
macro_type(const char *type)
{
	static const char *const macro[] = {
	    "macroEnabled",
	    "application/vnd.ms-office.vbaProject",
	    "application/vnd.ms-excel.macrosheet+xml",
	    "application/vnd.ms-excel.intlmacrosheet+xml",
	    "application/vnd.ms-office.vbaProjectSignature",
	};
	for (size_t i = 0; i < sizeof macro / sizeof macro[0]; i++)
		if (strcasestr(type, macro[i]) != NULL)
			return 1;
	return 0;
}

#define MACRO_MESSAGE                                                                    \
	"enthält Makros (.xlsm); bitte ohne Makros als Excel-Arbeitsmappe (.xlsx) "     \
	"speichern"

/* --- relationships ------------------------------------------------------ */

struct rel {
	char *id;
	char *type; /* the last segment of the type URI: "worksheet", "officeDocument" */
	char *target; /* resolved part name; NULL for external targets */
};

struct rels {
	const char *source; /* the part the relationships belong to */
	struct rel *items;
	size_t count;
	size_t max;
};

static void
rels_free(struct rels *r)
{
	for (size_t i = 0; i < r->count; i++) {
		free(r->items[i].id);
		free(r->items[i].type);
		free(r->items[i].target);
	}
	free(r->items);
	r->items = NULL;
	r->count = 0;
}

static void
on_rel(struct xmlread *x, const char *name, const char **attrs)
{
	struct rels *r = xmlread_arg(x);
	const char *id, *type, *target, *mode, *slash;
	struct rel *rel;

	if (xmlread_depth(x) == 1) {
		if (!xmlread_is(name, NS_RELATIONSHIPS, "Relationships"))
			xmlread_fail(x, "sind keine Beziehungen (Wurzelelement „%s“)",
			             xmlread_local(name, NULL, NULL));
		return;
	}
	if (xmlread_depth(x) != 2 || !xmlread_is(name, NS_RELATIONSHIPS, "Relationship"))
		return;
	id = xmlread_attr(attrs, "Id");
	type = xmlread_attr(attrs, "Type");
	target = xmlread_attr(attrs, "Target");
	mode = xmlread_attr(attrs, "TargetMode");
	if (id == NULL || type == NULL || target == NULL) {
		xmlread_fail(x, "Beziehung ohne Id, Type oder Target");
		return;
	}
	if (r->count >= r->max) {
		xmlread_fail(x, "zu viele Beziehungen");
		return;
	}
	if ((r->count & (r->count - 1)) == 0)
		r->items = xreallocarray(r->items, r->count ? r->count * 2 : 1,
		                         sizeof *r->items);
	rel = &r->items[r->count++];
	slash = strrchr(type, '/');
	rel->id = xstrdup(id);
	rel->type = xstrdup(slash ? slash + 1 : type);
	rel->target = NULL;
	if (mode == NULL || strcmp(mode, "External") != 0)
		rel->target = resolve(r->source, target);
}

/* Read the relationships of part source into r; a missing rels part is an
 * empty list. 0 or -1 with *why. */
static int
read_rels(struct xlsxread *x, const char *source, struct rels *r, char **why)
{
	char *part = rels_part(source), *label;
	long index;
	int rc = 0;
	struct xmlread_handlers h = {.start = on_rel, .arg = r};

	r->source = source;
	r->max = x->limits.items;
	if (source[0] == '\0')
		str_replace(&part, "_rels/.rels");
	index = zipread_find(x->zip, part);
	if (index >= 0) {
		label = xlsxread_part_label(part);
		rc = xmlread_part(x->zip, (size_t)index, label, &h, why);
		free(label);
	}
	free(part);
	return rc;
}

/* The first relationship of type type (last URI segment), or NULL. */
static const struct rel *
rel_of_type(const struct rels *r, const char *type)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->items[i].type, type) == 0)
			return &r->items[i];
	return NULL;
}

static const struct rel *
rel_by_id(const struct rels *r, const char *id)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->items[i].id, id) == 0)
			return &r->items[i];
	return NULL;
}

/* --- the workbook part -------------------------------------------------- */

struct workbook_state {
	struct xlsxread *x;
	int in_sheets;
	int in_names;
	struct xlsxread_defined_name pending; /* the definedName being read */
	size_t sheet_alloc;
	size_t name_alloc;
};

/* 1 for the OOXML booleans "1" and "true". */
static int
xml_true(const char *v)
{
	return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void
on_workbook_start(struct xmlread *xr, const char *name, const char **attrs)
{
	struct workbook_state *st = xmlread_arg(xr);
	struct xlsxread *x = st->x;
	int depth = xmlread_depth(xr);

	/* workbook(1) > workbookPr(2), sheets(2) > sheet(3),
	 * definedNames(2) > definedName(3) */
	if (depth == 1) {
		if (!xlsxread_is_main(name, "workbook"))
			xmlread_fail(xr, "ist keine Arbeitsmappe (Wurzelelement „%s“)",
			             xmlread_local(name, NULL, NULL));
	} else if (depth == 2 && xlsxread_is_main(name, "workbookPr")) {
		x->date1904 = xml_true(xmlread_attr(attrs, "date1904"));
	} else if (depth == 2 && xlsxread_is_main(name, "sheets")) {
		st->in_sheets = 1;
	} else if (depth == 3 && st->in_sheets && xlsxread_is_main(name, "sheet")) {
		const char *sheet = xmlread_attr(attrs, "name");
		const char *state = xmlread_attr(attrs, "state");
		const char *rid = xmlread_attr_local(attrs, "id");
		struct xlsxread_sheet *s;

		if (sheet == NULL || rid == NULL) {
			xmlread_fail(xr, "Blatt ohne Namen oder Verweis (r:id)");
			return;
		}
		if (strlen(sheet) > NAME_MAX_BYTES) {
			xmlread_fail(xr, "Blattname länger als %d Bytes", NAME_MAX_BYTES);
			return;
		}
		for (size_t i = 0; i < x->sheet_count; i++)
			if (strcmp(x->sheets[i].name, sheet) == 0) {
				char *p = zipread_printable(sheet);
				xmlread_fail(
				    xr,
				    "das Blatt „%s“ steht zweimal in der Arbeitsmappe",
				    p);
				free(p);
				return;
			}
		if (x->sheet_count >= x->limits.items) {
			xmlread_fail(xr, "zu viele Blätter");
			return;
		}
		if (x->sheet_count == st->sheet_alloc) {
			st->sheet_alloc = st->sheet_alloc ? st->sheet_alloc * 2 : 8;
			x->sheets =
			    xreallocarray(x->sheets, st->sheet_alloc, sizeof *x->sheets);
			x->sheet_rids = xreallocarray(x->sheet_rids, st->sheet_alloc,
			                              sizeof *x->sheet_rids);
		}
		s = &x->sheets[x->sheet_count];
		memset(s, 0, sizeof *s);
		s->name = xstrdup(sheet);
		s->state = state == NULL || strcmp(state, "visible") == 0
		               ? XLSXREAD_SHEET_VISIBLE
		           : strcmp(state, "veryHidden") == 0 ? XLSXREAD_SHEET_VERY_HIDDEN
		                                              : XLSXREAD_SHEET_HIDDEN;
		x->sheet_rids[x->sheet_count] = xstrdup(rid);
		x->sheet_count++;
	} else if (depth == 2 && xlsxread_is_main(name, "definedNames")) {
		st->in_names = 1;
	} else if (depth == 3 && st->in_names && xlsxread_is_main(name, "definedName")) {
		const char *dn = xmlread_attr(attrs, "name");
		const char *local = xmlread_attr(attrs, "localSheetId");
		long sheet = -1;

		if (dn == NULL || strlen(dn) > NAME_MAX_BYTES) {
			xmlread_fail(xr, "definierter Name ohne Namen oder zu lang");
			return;
		}
		if (local != NULL && (parse_long(local, &sheet) != 1 || sheet < 0)) {
			xmlread_fail(xr, "definierter Name mit ungültigem localSheetId");
			return;
		}
		st->pending.name = xstrdup(dn);
		st->pending.sheet = sheet;
		st->pending.hidden = xml_true(xmlread_attr(attrs, "hidden"));
		xmlread_text_begin(xr, x->limits.cell_bytes,
		                   "xl/workbook.xml, definierter Name");
	}
}

static void
on_workbook_end(struct xmlread *xr, const char *name)
{
	struct workbook_state *st = xmlread_arg(xr);
	struct xlsxread *x = st->x;
	int depth = xmlread_depth(xr);

	(void)name;
	if (depth == 2) {
		st->in_sheets = st->in_names = 0;
	} else if (depth == 3 && st->pending.name != NULL) {
		const char *value = xmlread_text_end(xr, NULL);
		struct xlsxread_defined_name *n;

		if (xlsxread_defined_name_get(x, st->pending.name, st->pending.sheet) !=
		    NULL) {
			char *p = zipread_printable(st->pending.name);
			xmlread_fail(xr, "der definierte Name „%s“ steht zweimal", p);
			free(p);
			free((char *)st->pending.name);
			st->pending.name = NULL;
			return;
		}
		if (x->name_count >= x->limits.items) {
			xmlread_fail(xr, "zu viele definierte Namen");
			free((char *)st->pending.name);
			st->pending.name = NULL;
			return;
		}
		if (x->name_count == st->name_alloc) {
			st->name_alloc = st->name_alloc ? st->name_alloc * 2 : 8;
			x->names =
			    xreallocarray(x->names, st->name_alloc, sizeof *x->names);
		}
		n = &x->names[x->name_count++];
		*n = st->pending;
		n->value = xstrdup(value);
		st->pending.name = NULL;
	}
}

/* --- custom document properties ----------------------------------------- */

struct custom_state {
	struct xlsxread *x;
	int depth;  /* elements open inside <property> (0: outside) */
	char *name; /* the property being read */
	char *type; /* its value element's local name */
	size_t alloc;
};

static int
is_custom(const char *name, const char *local)
{
	return xmlread_is(name, NS_CUSTOM, local) ||
	       xmlread_is(name, NS_CUSTOM_STRICT, local);
}

static void
on_custom_start(struct xmlread *xr, const char *name, const char **attrs)
{
	struct custom_state *st = xmlread_arg(xr);

	if (st->depth > 0) {
		if (st->depth++ == 1 && st->type == NULL) {
			char *p = zipread_printable(st->name);
			char *what =
			    xasprintf("Teil docProps/custom.xml, Eigenschaft „%s“", p);
			st->type = xstrdup(xmlread_local(name, NULL, NULL));
			xmlread_text_begin(xr, st->x->limits.cell_bytes, what);
			free(what);
			free(p);
		}
		return;
	}
	if (xmlread_depth(xr) == 1) {
		if (!is_custom(name, "Properties"))
			xmlread_fail(
			    xr, "sind keine Dokumenteigenschaften (Wurzelelement „%s“)",
			    xmlread_local(name, NULL, NULL));
		return;
	}
	if (xmlread_depth(xr) == 2 && is_custom(name, "property")) {
		const char *pname = xmlread_attr(attrs, "name");
		if (pname == NULL || strlen(pname) > NAME_MAX_BYTES) {
			xmlread_fail(xr,
			             "Eigenschaft ohne Namen oder mit zu langem Namen");
			return;
		}
		st->depth = 1;
		st->name = xstrdup(pname);
	}
}

static void
on_custom_end(struct xmlread *xr, const char *name)
{
	struct custom_state *st = xmlread_arg(xr);
	struct xlsxread *x = st->x;
	struct xlsxread_property *p;
	const char *value = "";

	(void)name;
	if (st->depth == 0 || --st->depth > 0)
		return;
	if (st->type != NULL)
		value = xmlread_text_end(xr, NULL);
	if (xlsxread_property_get(x, st->name) != NULL) {
		char *pn = zipread_printable(st->name);
		xmlread_fail(xr, "die Eigenschaft „%s“ steht zweimal", pn);
		free(pn);
	} else if (x->property_count >= x->limits.items) {
		xmlread_fail(xr, "zu viele Eigenschaften");
	} else {
		if (x->property_count == st->alloc) {
			st->alloc = st->alloc ? st->alloc * 2 : 8;
			x->properties = xreallocarray(x->properties, st->alloc,
			                              sizeof *x->properties);
		}
		p = &x->properties[x->property_count++];
		p->name = st->name;
		p->type = st->type ? st->type : xstrdup("");
		p->value = xstrdup(value);
		st->name = st->type = NULL;
		return;
	}
	free(st->name);
	free(st->type);
	st->name = st->type = NULL;
}

/* --- opening ------------------------------------------------------------ */

/* A message about the file: "LABEL: MSG" (frees msg). */
static char *
file_message(const struct xlsxread *x, char *msg)
{
	char *full = xasprintf("%s: %s", x->label, msg);
	free(msg);
	return full;
}

/* Refuse macros by part name: any vbaProject.bin. */
static int
check_macro_names(const struct xlsxread *x, char **why)
{
	for (size_t i = 0; i < zipread_count(x->zip); i++) {
		const char *n = zipread_name(x->zip, i), *slash = strrchr(n, '/');
		if (same_ascii_case(slash ? slash + 1 : n, "vbaProject.bin")) {
			*why = xstrdup(MACRO_MESSAGE);
			return -1;
		}
	}
	return 0;
}

/* The package: content types, the workbook's part and type. */
static int
read_package(struct xlsxread *x, char **why)
{
	struct content_types ct = {.max = x->limits.items};
	struct xmlread_handlers h = {.start = on_content_type, .arg = &ct};
	struct rels root = {0};
	const struct rel *office, *custom;
	const char *type;
	long index = zipread_find(x->zip, "[Content_Types].xml");
	int rc = -1;

	if (index < 0) {
		if (zipread_find(x->zip, "mimetype") >= 0 &&
		    zipread_find(x->zip, "content.xml") >= 0)
			*why = xstrdup("ist eine OpenDocument-Datei (.ods), keine "
			               "Excel-Arbeitsmappe; "
			               "bitte als .xlsx speichern");
		else
			*why = xstrdup("ist keine Excel-Arbeitsmappe (ZIP-Archiv ohne "
			               "[Content_Types].xml)");
		return -1;
	}
	if (xmlread_part(x->zip, (size_t)index, "Teil [Content_Types].xml", &h, why) != 0)
		goto out;
	for (size_t i = 0; i < ct.count; i++)
		if (strcasecmp(ct.items[i].type, TYPE_XLSB) == 0) {
			*why = xstrdup(
			    "ist eine binäre Excel-Arbeitsmappe (.xlsb); bitte als "
			    ".xlsx speichern");
			goto out;
		} else if (macro_type(ct.items[i].type)) {
			*why = xstrdup(MACRO_MESSAGE);
			goto out;
		}
	if (read_rels(x, "", &root, why) != 0)
		goto out;
	office = rel_of_type(&root, "officeDocument");
	if (office == NULL || office->target == NULL) {
		*why = xstrdup("ist keine Excel-Arbeitsmappe (kein Hauptdokument in "
		               "_rels/.rels)");
		goto out;
	}
	x->workbook_part = xstrdup(office->target);
	type = content_type_of(&ct, x->workbook_part);
	if (type == NULL ||
	    (strcmp(type, TYPE_WORKBOOK) != 0 && strcmp(type, TYPE_TEMPLATE) != 0)) {
		char *t = zipread_printable(type ? type : "keiner");
		*why = xasprintf(
		    "ist keine Excel-Arbeitsmappe (Inhaltstyp des Hauptdokuments: "
		    "%s)",
		    t);
		free(t);
		goto out;
	}
	if (zipread_find(x->zip, x->workbook_part) < 0) {
		char *p = zipread_printable(x->workbook_part);
		*why = xasprintf("der Teil %s fehlt", p);
		free(p);
		goto out;
	}
	custom = rel_of_type(&root, "custom-properties");
	if (custom == NULL)
		custom = rel_of_type(&root, "customProperties");
	if (custom != NULL && custom->target != NULL) {
		struct custom_state st = {.x = x};
		struct xmlread_handlers ch = {
		    .start = on_custom_start, .end = on_custom_end, .arg = &st};
		char *label;

		index = zipread_find(x->zip, custom->target);
		if (index >= 0) {
			label = xlsxread_part_label(custom->target);
			rc = xmlread_part(x->zip, (size_t)index, label, &ch, why);
			free(label);
			free(st.name);
			free(st.type);
			if (rc != 0)
				goto out;
			rc = -1;
		}
	}
	rc = 0;
out:
	content_types_free(&ct);
	rels_free(&root);
	return rc;
}

/* The workbook part and its relationships: sheets, strings, styles. */
static int
read_workbook(struct xlsxread *x, char **why)
{
	struct workbook_state st = {.x = x};
	struct xmlread_handlers h = {
	    .start = on_workbook_start, .end = on_workbook_end, .arg = &st};
	struct rels rels = {0};
	const struct rel *r;
	char *label = xlsxread_part_label(x->workbook_part);
	int rc = -1;

	st.pending.sheet = -1;
	rc = xmlread_part(x->zip, (size_t)zipread_find(x->zip, x->workbook_part), label,
	                  &h, why);
	free((char *)st.pending.name);
	free(label);
	if (rc != 0)
		return -1;
	rc = -1;
	for (size_t i = 0; i < x->name_count; i++)
		if (x->names[i].sheet >= (long)x->sheet_count) {
			char *p = zipread_printable(x->names[i].name);
			*why = xasprintf(
			    "der definierte Name „%s“ gehört zu einem Blatt, das es "
			    "nicht gibt",
			    p);
			free(p);
			return -1;
		}
	if (read_rels(x, x->workbook_part, &rels, why) != 0)
		goto out;
	for (size_t i = 0; i < x->sheet_count; i++) {
		struct xlsxread_sheet *s = &x->sheets[i];
		char *name = zipread_printable(s->name);

		r = rel_by_id(&rels, x->sheet_rids[i]);
		if (r == NULL || r->target == NULL) {
			*why = xasprintf("das Blatt „%s“ verweist auf keinen Teil", name);
		} else if (strcmp(r->type, "xlMacrosheet") == 0 ||
		           strcmp(r->type, "xlIntlMacrosheet") == 0) {
			*why = xstrdup(MACRO_MESSAGE);
		} else if (zipread_find(x->zip, r->target) < 0) {
			char *p = zipread_printable(r->target);
			*why = xasprintf("das Blatt „%s“: der Teil %s fehlt", name, p);
			free(p);
		} else {
			s->part = xstrdup(r->target);
			s->kind = strcmp(r->type, "worksheet") == 0
			              ? XLSXREAD_SHEET_WORKSHEET
			              : XLSXREAD_SHEET_CHARTSHEET;
		}
		free(name);
		if (s->part == NULL)
			goto out;
	}
	r = rel_of_type(&rels, "sharedStrings");
	if (r != NULL && r->target != NULL)
		x->strings_part = xstrdup(r->target);
	r = rel_of_type(&rels, "styles");
	if (r != NULL && r->target != NULL)
		x->styles_part = xstrdup(r->target);
	rc = 0;
out:
	rels_free(&rels);
	return rc;
}

/* Everything after the archive is open; 0 or -1 with *why (no file name). */
static int
read_all(struct xlsxread *x, char **why)
{
	if (check_macro_names(x, why) != 0 || read_package(x, why) != 0 ||
	    read_workbook(x, why) != 0 || xlsxread_load_strings(x, why) != 0 ||
	    xlsxread_load_styles(x, why) != 0)
		return -1;
	return 0;
}

/* What the first bytes say about a file that is not a ZIP archive. */
static char *
not_zip_message(const unsigned char *head, size_t n)
{
	static const unsigned char ole2[8] = {0xd0, 0xcf, 0x11, 0xe0,
	                                      0xa1, 0xb1, 0x1a, 0xe1};

	if (n == 0)
		return xstrdup("ist leer");
	if (n >= 8 && memcmp(head, ole2, 8) == 0)
		return xstrdup(
		    "ist verschlüsselt oder im alten Excel-Format (.xls): bitte "
		    "ohne Kennwort als Excel-Arbeitsmappe (.xlsx) speichern");
	if (n >= 4 && memcmp(head, "%PDF", 4) == 0)
		return xstrdup("ist eine PDF-Datei, keine Excel-Arbeitsmappe");
	return xstrdup("ist keine Excel-Arbeitsmappe (.xlsx): kein ZIP-Archiv");
}

/* 1 when the first bytes are a ZIP signature. */
static int
zip_magic(const unsigned char *head, size_t n)
{
	return n >= 4 && head[0] == 'P' && head[1] == 'K' &&
	       ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) ||
	        (head[2] == 7 && head[3] == 8));
}

/* A new, empty workbook for label. */
static struct xlsxread *
xlsxread_new(const char *label, const struct xlsxread_limits *limits)
{
	struct xlsxread *x = xcalloc(1, sizeof *x);

	x->label = utf8_sanitize(label, strlen(label), UTF8_ONE_LINE);
	x->fd = -1;
	if (limits != NULL)
		x->limits = *limits;
	else
		xlsxread_limits_default(&x->limits);
	x->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return x;
}

/* Finish opening from the archive; frees x on failure. */
static struct xlsxread *
open_rest(struct xlsxread *x, char *msg, char **why)
{
	if (x->c_locale == (locale_t)0 && msg == NULL)
		msg = xstrdup("zu wenig Speicher für die C-Locale");
	if (msg == NULL && read_all(x, &msg) == 0) {
		for (size_t i = 0; i < x->sheet_count; i++)
			free(x->sheet_rids[i]);
		free(x->sheet_rids);
		x->sheet_rids = NULL;
		return x;
	}
	*why = file_message(x, msg ? msg : xstrdup("nicht lesbar"));
	xlsxread_free(x);
	return NULL;
}

struct xlsxread *
xlsxread_open(const char *path, const struct xlsxread_limits *limits, char **why)
{
	struct xlsxread *x = xlsxread_new(path, limits);
	struct zipread_limits zl = {x->limits.entries, x->limits.part_bytes,
	                            x->limits.total_bytes};
	unsigned char head[8];
	struct stat st;
	ssize_t n;
	char *msg = NULL;

	*why = NULL;
	x->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (x->fd < 0) {
		msg = xasprintf("kann nicht geöffnet werden: %s", strerror(errno));
		goto fail;
	}
	if (fstat(x->fd, &st) != 0) {
		msg = xasprintf("nicht lesbar: %s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		msg = xstrdup("ist ein Verzeichnis, keine Datei");
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		msg = xstrdup("ist keine gewöhnliche Datei");
		goto fail;
	}
	if ((uint64_t)st.st_size > x->limits.file_bytes) {
		msg = xasprintf("ist größer als %zu MB", x->limits.file_bytes >> 20);
		goto fail;
	}
	do
		n = pread(x->fd, head, sizeof head, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		msg = xasprintf("nicht lesbar: %s", strerror(errno));
		goto fail;
	}
	if (!zip_magic(head, (size_t)n)) {
		msg = not_zip_message(head, (size_t)n);
		goto fail;
	}
	x->zip = zipread_open_fd(x->fd, (uint64_t)st.st_size, &zl, &msg);
	return open_rest(x, msg, why);
fail:
	*why = file_message(x, msg);
	xlsxread_free(x);
	return NULL;
}

struct xlsxread *
xlsxread_open_memory(const void *data, size_t len, const char *label,
                     const struct xlsxread_limits *limits, char **why)
{
	struct xlsxread *x = xlsxread_new(label, limits);
	struct zipread_limits zl = {x->limits.entries, x->limits.part_bytes,
	                            x->limits.total_bytes};
	char *msg = NULL;

	*why = NULL;
	if (len > x->limits.file_bytes) {
		*why = file_message(
		    x, xasprintf("ist größer als %zu MB", x->limits.file_bytes >> 20));
		xlsxread_free(x);
		return NULL;
	}
	if (!zip_magic(data, len)) {
		*why = file_message(x, not_zip_message(data, len));
		xlsxread_free(x);
		return NULL;
	}
	x->data = xmalloc(len ? len : 1);
	memcpy(x->data, data, len);
	x->zip = zipread_open_memory(x->data, len, &zl, &msg);
	return open_rest(x, msg, why);
}

void
xlsxread_free(struct xlsxread *x)
{
	if (x == NULL)
		return;
	zipread_free(x->zip);
	if (x->fd >= 0)
		close(x->fd);
	free(x->data);
	if (x->c_locale != (locale_t)0)
		freelocale(x->c_locale);
	for (size_t i = 0; i < x->sheet_count; i++) {
		free((char *)x->sheets[i].name);
		free((char *)x->sheets[i].part);
		if (x->sheet_rids != NULL)
			free(x->sheet_rids[i]);
	}
	free(x->sheets);
	free(x->sheet_rids);
	free(x->workbook_part);
	free(x->strings_part);
	free(x->styles_part);
	buf_free(&x->strings_text);
	free(x->strings);
	free(x->date_styles);
	for (size_t i = 0; i < x->property_count; i++) {
		free((char *)x->properties[i].name);
		free((char *)x->properties[i].type);
		free((char *)x->properties[i].value);
	}
	free(x->properties);
	for (size_t i = 0; i < x->name_count; i++) {
		free((char *)x->names[i].name);
		free((char *)x->names[i].value);
	}
	free(x->names);
	free(x->label);
	free(x);
}

/* --- accessors ---------------------------------------------------------- */

const char *
xlsxread_label(const struct xlsxread *x)
{
	return x->label;
}

size_t
xlsxread_sheet_count(const struct xlsxread *x)
{
	return x->sheet_count;
}

const struct xlsxread_sheet *
xlsxread_sheet(const struct xlsxread *x, size_t index)
{
	return index < x->sheet_count ? &x->sheets[index] : NULL;
}

long
xlsxread_sheet_find(const struct xlsxread *x, const char *name)
{
	for (size_t i = 0; i < x->sheet_count; i++)
		if (strcmp(x->sheets[i].name, name) == 0)
			return (long)i;
	return -1;
}

int
xlsxread_date1904(const struct xlsxread *x)
{
	return x->date1904;
}

size_t
xlsxread_property_count(const struct xlsxread *x)
{
	return x->property_count;
}

const struct xlsxread_property *
xlsxread_property(const struct xlsxread *x, size_t index)
{
	return index < x->property_count ? &x->properties[index] : NULL;
}

const char *
xlsxread_property_get(const struct xlsxread *x, const char *name)
{
	for (size_t i = 0; i < x->property_count; i++)
		if (strcmp(x->properties[i].name, name) == 0)
			return x->properties[i].value;
	return NULL;
}

size_t
xlsxread_defined_name_count(const struct xlsxread *x)
{
	return x->name_count;
}

const struct xlsxread_defined_name *
xlsxread_defined_name(const struct xlsxread *x, size_t index)
{
	return index < x->name_count ? &x->names[index] : NULL;
}

const char *
xlsxread_defined_name_get(const struct xlsxread *x, const char *name, long sheet)
{
	for (size_t i = 0; i < x->name_count; i++)
		if (x->names[i].sheet == sheet && same_ascii_case(x->names[i].name, name))
			return x->names[i].value;
	return NULL;
}

size_t
xlsxread_shared_string_count(const struct xlsxread *x)
{
	return x->string_count;
}

const char *
xlsxread_shared_string(const struct xlsxread *x, size_t index)
{
	if (index >= x->string_count || x->strings[index].len == XLSXREAD_STRING_TOO_LONG)
		return NULL;
	return x->strings_text.data + x->strings[index].offset;
}
