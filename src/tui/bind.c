/*
 * bind.c: running a binding table and naming its keys for the key bar. The
 * tables themselves live with the screens and widgets they belong to.
 */
#include "config.h"

#include <stdio.h>

#include "tui/bind.h"
#include "tui/keys.h"

int
bind_run(const struct ui_binding *rows, size_t n, struct ui *ui, void *state, int key)
{
	for (size_t i = 0; i < n; i++) {
		const struct ui_binding *b = &rows[i];
		int r;
		if (b->run == NULL ||
		    !(keys_match(b->key, key) || keys_match(b->key2, key)))
			continue;
		r = b->run(ui, state, key);
		if (r != 0)
			return r;
	}
	return 0;
}

const char *
bind_bar_keys(const struct ui_binding *b, char out[4])
{
	int n = keys_fkey(b->key);

	if (n == 0)
		return b->keys != NULL ? b->keys : "";
	snprintf(out, 4, "%d", n);
	return out;
}
