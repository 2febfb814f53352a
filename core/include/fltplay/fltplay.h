/* fltplay.h: the embedding API of the fltplay core. JSON in, JSON out.
 *
 * Ownership: every `char *` this API returns is allocated by fltplay and must be
 * released with fp_string_free; nothing else the caller passes in is kept.
 * Hosts: the CLI (core/cli), the WebAssembly binding (core/wasm) and the tests.
 * The request and result formats are documented in docs/api.md. */
#ifndef FLTPLAY_FLTPLAY_H
#define FLTPLAY_FLTPLAY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the core, "MAJOR.MINOR.PATCH". The string is static. */
const char *fp_version(void);

/* Handles one JSON request (`{"cmd": ...}`) and returns a JSON result; never NULL
 * except when memory runs out. Caller frees with fp_string_free. */
char *fp_request(const char *request_json, size_t length);

/* Frees a string returned by fltplay; NULL is allowed. */
void fp_string_free(char *s);

#ifdef __cplusplus
}
#endif
#endif
