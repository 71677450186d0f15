/* answer.c: placeholder until the form module lands. */
#include "config.h"
#include <stdlib.h>
#include "answer.h"
#include "util.h"
int answer_parse(const struct form_question *q, const char *v, struct answer *o, char **why) { (void)q; (void)v; (void)o; *why = xstrdup("not implemented"); return -1; }
char *answer_format(const struct form_question *q, const struct answer *a) { (void)q; (void)a; return NULL; }
char *answer_label(const struct form_question *q, const struct answer *a) { (void)q; (void)a; return xstrdup("offen"); }
int answer_points(const struct form_question *q, const struct answer *a) { (void)q; (void)a; return 0; }
void answer_clear(struct answer *a) { free(a->text); a->text = NULL; a->state = ANSWER_OPEN; }
void answer_copy(struct answer *d, const struct answer *s) { *d = *s; d->text = xstrdup(s->text); }
