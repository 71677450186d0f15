/* session.c: placeholder until the session module lands. */
#include "config.h"
#include <stdlib.h>
#include "session.h"
#include "util.h"
struct session *session_new(struct form *f) { (void)f; return NULL; }
int session_create_file(struct session *s, const char *d, char **why) { (void)s; (void)d; *why = xstrdup("not implemented"); return -1; }
struct session *session_open(const char *p, enum session_mode m, char **n, char **why) { (void)p; (void)m; (void)n; *why = xstrdup("not implemented"); return NULL; }
int session_save(struct session *s, char **why) { (void)s; *why = xstrdup("not implemented"); return -1; }
void session_free(struct session *s) { (void)s; }
int session_set(struct session *s, const char *k, const char *v, char **why) { (void)s; (void)k; (void)v; *why = xstrdup("not implemented"); return -1; }
char *session_get(const struct session *s, const char *k) { (void)s; (void)k; return NULL; }
char *session_dump(const struct session *s) { (void)s; return xstrdup(""); }
struct session *session_from_dump(const char *t, size_t l, char **why) { (void)t; (void)l; *why = xstrdup("not implemented"); return NULL; }
int session_list(const char *d, struct session_summary **o, size_t *c, char **why) { (void)d; *o = NULL; *c = 0; *why = xstrdup("not implemented"); return -1; }
void session_summaries_free(struct session_summary *l, size_t c) { (void)l; (void)c; }
const char *session_evidence_name(enum evidence_status e) { (void)e; return ""; }
const char *session_goal_status_name(enum goal_status g) { (void)g; return ""; }
