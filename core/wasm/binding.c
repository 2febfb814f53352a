/* The WebAssembly binding: the only file that includes <emscripten.h>.
 * Every export is listed in exports.txt. Strings cross as UTF-8 in the module's
 * memory: JS allocates the request with _malloc and frees it; C allocates the
 * result and JS frees it with fp_free_wasm right after reading it. */
#include <emscripten.h>

#include "fltplay/fltplay.h"

/* The exported entry points (exports.txt); declared here, as nothing else calls them. */
char *fp_request_wasm(const char *request, size_t length);
void fp_free_wasm(char *s);
const char *fp_version_wasm(void);

/* Handles one JSON request; the caller frees the result with fp_free_wasm. */
EMSCRIPTEN_KEEPALIVE char *fp_request_wasm(const char *request, size_t length) {
  return fp_request(request, length);
}

/* Frees a string returned by an fp_*_wasm function. */
EMSCRIPTEN_KEEPALIVE void fp_free_wasm(char *s) { fp_string_free(s); }

/* The core's version string (static; do not free). */
EMSCRIPTEN_KEEPALIVE const char *fp_version_wasm(void) { return fp_version(); }
