/* The WebAssembly binding: the only file that includes <emscripten.h>.
 * Every export is listed in exports.txt. Strings cross as UTF-8 in the module's
 * memory: JS allocates the request with _malloc and frees it; C allocates the
 * result and JS frees it with fp_free_wasm right after reading it. Sessions
 * (fltplay/session.h) cross as opaque pointers that JS owns and closes. */
#include <emscripten.h>

#include "fltplay/fltplay.h"
#include "fltplay/session.h"

/* The exported entry points (exports.txt); declared here, as nothing else calls them. */
char *fp_request_wasm(const char *request, size_t length);
void fp_free_wasm(char *s);
const char *fp_version_wasm(void);
fp_session *fp_session_open_wasm(const char *request, size_t length);
void fp_session_close_wasm(fp_session *s);
char *fp_session_info_wasm(const fp_session *s);
char *fp_session_step_wasm(fp_session *s, uint32_t variant, uint32_t max_events);
char *fp_session_trace_wasm(const fp_session *s, uint32_t variant, uint32_t first, uint32_t count);

/* Handles one JSON request; the caller frees the result with fp_free_wasm. */
EMSCRIPTEN_KEEPALIVE char *fp_request_wasm(const char *request, size_t length) {
  return fp_request(request, length);
}

/* Frees a string returned by an fp_*_wasm function. */
EMSCRIPTEN_KEEPALIVE void fp_free_wasm(char *s) { fp_string_free(s); }

/* The core's version string (static; do not free). */
EMSCRIPTEN_KEEPALIVE const char *fp_version_wasm(void) { return fp_version(); }

/* Opens a run session (docs/api.md); JS closes it with fp_session_close_wasm. */
EMSCRIPTEN_KEEPALIVE fp_session *fp_session_open_wasm(const char *request, size_t length) {
  return fp_session_open(request, length);
}

/* Closes a session and frees everything it holds. */
EMSCRIPTEN_KEEPALIVE void fp_session_close_wasm(fp_session *s) { fp_session_close(s); }

/* The session's status, diagnostics and variants as JSON (free with fp_free_wasm). */
EMSCRIPTEN_KEEPALIVE char *fp_session_info_wasm(const fp_session *s) { return fp_session_info(s); }

/* Runs a variant for a slice of events; JSON progress (free with fp_free_wasm). */
EMSCRIPTEN_KEEPALIVE char *fp_session_step_wasm(fp_session *s, uint32_t variant, uint32_t max_events) {
  return fp_session_step(s, variant, max_events);
}

/* A chunk of a variant's trace as JSON (free with fp_free_wasm). */
EMSCRIPTEN_KEEPALIVE char *fp_session_trace_wasm(const fp_session *s, uint32_t variant, uint32_t first, uint32_t count) {
  return fp_session_trace(s, variant, first, count);
}
