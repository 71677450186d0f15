/*
 * sha256.h: the SHA-256 digest of a block of memory as lower-case hex (the
 * fingerprint of an embedded form). Pure: no I/O.
 */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>

/* sha256_hex: hex digest (64 chars + NUL) of len bytes at data into out. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
