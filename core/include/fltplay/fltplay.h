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

/* Explains `topic`, a rule ID of the catalogue ("PRE-COMPLETE-2") or a bug check (its code
 * "0xD1" or its name "DRIVER_IRQL_NOT_LESS_OR_EQUAL"), in `locale` ("en", "zh-Hans",
 * "zh-Hant"): title, what Windows does, why, the fix and the Microsoft page, as plain text.
 * Returns 1 and the text in *out; for an unknown topic returns 0 and in *out a message with
 * the nearest rule IDs. *out is NULL when memory runs out. Caller frees *out with
 * fp_string_free. */
int fp_explain(const char *topic, const char *locale, char **out);

/* The same as JSON for hosts that lay it out themselves: {ok, kind: "rule"|"bugcheck", id,
 * title, why, fix, link, and rule_kind and label (rules) or name and parameters (P1..P4 as
 * documented, null where Microsoft documents none; bug checks)}. Caller frees with
 * fp_string_free; NULL when memory runs out. */
char *fp_explain_json(const char *topic, const char *locale);

/* Frees a string returned by fltplay; NULL is allowed. */
void fp_string_free(char *s);

#ifdef __cplusplus
}
#endif
#endif
