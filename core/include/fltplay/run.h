/* run.h: one run of fltplay, as every host does it: read a scenario (or take a driver alone
 * and make its default scenario), compile each driver source it names with the driver
 * language, build the chosen variants into engines and run them, in slices if the host
 * wants (the wasm API hands the trace over while it grows).
 *
 * The host provides the driver sources through a callback (the CLI reads files beside the
 * scenario; the wasm API takes them from its request). Diagnostics of the scenario and of the
 * compiler are rendered with their file:line:col.
 *
 * Ownership: fp_run_open returns a run freed with fp_run_close; strings returned as `char *`
 * are freed with fp_string_free; engines and `const char *` strings are owned by the run. */
#ifndef FLTPLAY_RUN_H
#define FLTPLAY_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "fltplay/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_run fp_run;

/* Where a run stands, and the CLI's exit code for it (docs/cli.md). */
typedef enum fp_run_status {
  FP_RUN_OK = 0,          /* ready / every run ended with no violation */
  FP_RUN_FAILED = 1,      /* a run ended in a violation, bug check, hang or budget */
  FP_RUN_NO_COMPILE = 2,  /* a driver does not compile */
  FP_RUN_BAD_INPUT = 3    /* the scenario, a source's name or the arguments are invalid */
} fp_run_status;

/* Gives the text of driver source `name` (as the scenario names it): stores a buffer the run
 * will free with free() in *text and its length in *length and returns 1, or returns 0 and
 * a reason (static or owned by the host until fp_run_open returns) in *error. */
typedef int (*fp_run_source_fn)(void *user, const char *name, char **text, size_t *length, const char **error);

/* What to run. */
typedef struct fp_run_request {
  const char *scenario_name;     /* the scenario's file name for diagnostics */
  const char *scenario_json;     /* the scenario; NULL: run `driver` alone (default scenario) */
  size_t scenario_length;
  const char *driver;            /* the driver source's name when it runs alone */
  fp_run_source_fn source;       /* reads a source by name */
  void *user;                    /* passed to `source` */
  const char *variant;           /* the variant to run (NULL: the first) */
  int all_variants;              /* run every variant */
  int no_statement_events;       /* leave statement events out (every memory check stays on) */
  int compile_only;              /* `lint`: compile the sources, build nothing */
} fp_run_request;

/* Reads the scenario, compiles the sources and builds the chosen variants. Never NULL
 * unless memory runs out; check fp_run_status. Caller frees with fp_run_close. */
fp_run *fp_run_open(const fp_run_request *request);

/* Releases a run and its engines; NULL is allowed. */
void fp_run_close(fp_run *r);

/* The status so far: BAD_INPUT or NO_COMPILE after fp_run_open when it could not build; after
 * the engines ran, FAILED when one ended other than "completed" or recorded a violation. */
fp_run_status fp_run_status_of(const fp_run *r);

/* The diagnostics (scenario and compiler, warnings included) as "file:line:col: severity:
 * message" lines in `locale`; "" when there are none. Caller frees with fp_string_free. */
char *fp_run_diagnostics(const fp_run *r, const char *locale);

/* The diagnostics as a JSON array of {severity, id, message, file, line, column, end_line,
 * end_column}. Caller frees with fp_string_free. */
char *fp_run_diagnostics_json(const fp_run *r, const char *locale);

/* The number of variants being run (0 when the run could not be built). */
size_t fp_run_count(const fp_run *r);

/* The name of run `i`'s variant, or NULL. */
const char *fp_run_variant(const fp_run *r, size_t i);

/* The engine of run `i` (for its trace), or NULL. */
fp_engine *fp_run_engine(const fp_run *r, size_t i);

/* Runs run `i` for at most `max_events` more events (0 = to the end); returns its end reason,
 * FP_END_NONE while it goes on. */
fp_end_reason fp_run_step(fp_run *r, size_t i, uint32_t max_events);

/* The default scenario a driver ran against (when it ran alone), or NULL. */
const char *fp_run_default_scenario(const fp_run *r);

#ifdef __cplusplus
}
#endif
#endif
