/* session.h: runs driven by JSON, for hosts that speak JSON (the WebAssembly binding, the
 * browser's worker): open a session from a request, advance each variant's run in slices,
 * hand the trace over in chunks, close. A thin layer over fltplay/run.h; the formats are in
 * docs/api.md.
 *
 * Ownership: fp_session_open returns a session freed with fp_session_close (NULL only when
 * memory runs out); every `char *` returned is freed with fp_string_free. */
#ifndef FLTPLAY_SESSION_H
#define FLTPLAY_SESSION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_session fp_session;

/* Opens a session from a JSON request {scenario?, scenario_name?, driver?, sources,
 * variant?, all_variants?, statement_events?}: reads the scenario (or makes the default one
 * for `driver`), compiles the sources, builds the chosen variants. Never fails on bad input:
 * fp_session_info says what went wrong. Caller frees with fp_session_close. */
fp_session *fp_session_open(const char *request_json, size_t length);

/* Releases a session; NULL is allowed. */
void fp_session_close(fp_session *s);

/* {ok, status, exit_code, diagnostics: [...], variants: [{name, events, end}], default_scenario?}.
 * Caller frees with fp_string_free. */
char *fp_session_info(const fp_session *s);

/* Runs variant `variant` for at most `max_events` more events (0 = to the end) and returns
 * {events, end} (end is null while the run goes on). Caller frees with fp_string_free. */
char *fp_session_step(fp_session *s, uint32_t variant, uint32_t max_events);

/* Variant `variant`'s trace: the header and end without events when `first` is UINT32_MAX,
 * else events [first, first + count) as a chunk (docs/trace-format.md). Caller frees with
 * fp_string_free. */
char *fp_session_trace(const fp_session *s, uint32_t variant, uint32_t first, uint32_t count);

#ifdef __cplusplus
}
#endif
#endif
