/* scenario.h: the scenario format (docs/scenario-format.md): a versioned JSON document that
 * says what a run is made of (the volume and its files, the filters and their altitudes, the
 * applications' threads and operations, how the file system completes, Driver Verifier,
 * memory pressure, injected faults, seed, budgets) and its variants, named patches over that
 * base (JSON Merge Patch, RFC 7386).
 *
 * fp_scenario_parse reads and checks the base and every variant; an invalid scenario gets one
 * diagnostic per mistake naming the JSON path, what was expected and, where the text has it,
 * the line and column. fp_scenario_build then turns one variant into an engine, ready to run;
 * the host supplies each filter's driver through a callback (the driver language's compiled
 * programs in the CLI and the wasm API, native test drivers in tests).
 *
 * Ownership: fp_scenario_parse returns a scenario freed with fp_scenario_free; strings it
 * returns are owned by the scenario. fp_scenario_build returns an engine freed with
 * fp_engine_free. */
#ifndef FLTPLAY_SCENARIO_H
#define FLTPLAY_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "fltplay/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_alloc fp_alloc;   /* core/base/alloc.h */
typedef struct fp_diags fp_diags;   /* core/base/diag.h */
typedef struct fp_scenario fp_scenario;

/* The scenario format's version this core reads. */
#define FP_SCENARIO_VERSION 1

/* Parses and checks `json` (`length` bytes) named `file_name` in diagnostics. Returns NULL
 * when the scenario is invalid (diagnostics say why) or memory runs out. Host memory comes
 * from `alloc` (NULL = the C library). Caller frees with fp_scenario_free. */
fp_scenario *fp_scenario_parse(fp_alloc *alloc, const char *file_name, const char *json, size_t length,
                               fp_diags *diags);

/* Releases a scenario; NULL is allowed. */
void fp_scenario_free(fp_scenario *s);

/* The scenario's name (its "name", or "" when it has none). */
const char *fp_scenario_name(const fp_scenario *s);

/* The number of variants: the declared ones, or 1 (the base, named "default") when the
 * scenario declares none. */
size_t fp_scenario_variant_count(const fp_scenario *s);

/* The name of variant `i`, or NULL when out of range. */
const char *fp_scenario_variant_name(const fp_scenario *s, size_t i);

/* The index of the variant named `name`, or -1. */
int fp_scenario_variant_find(const fp_scenario *s, const char *name);

/* The driver source files the scenario's filters name, over every variant, without
 * duplicates (the host reads and compiles each once). */
size_t fp_scenario_source_count(const fp_scenario *s);

/* Source file `i` as the scenario names it (relative to the scenario's folder), or NULL. */
const char *fp_scenario_source(const fp_scenario *s, size_t i);

/* The playground's budgets of variant `i` that the driver language applies. */
typedef struct fp_scenario_budgets {
  uint32_t events;        /* trace events (the engine's max_events; 0 = the default) */
  uint32_t steps;         /* executed statements (0 = the default) */
  uint32_t call_depth;    /* nested driver calls (0 = the default) */
  uint32_t heap_bytes;    /* host memory of the driver language's frames (0 = the default) */
  uint32_t source_bytes;  /* the size of a driver source (0 = the default) */
} fp_scenario_budgets;

/* The budgets of variant `variant` (zeros where the scenario keeps the defaults). */
fp_status fp_scenario_budgets_of(const fp_scenario *s, size_t variant, fp_scenario_budgets *out);

/* Adds filter `name` (a driver compiled from `source`) to `e` at `altitude`; stores its
 * driver id in *driver_id. Errors are described by fp_engine_error(e). */
typedef fp_status (*fp_scenario_driver_fn)(void *user, fp_engine *e, const char *source, const char *name,
                                           const char *altitude, int *driver_id);

/* Builds variant `variant` into a new engine: configuration, files, filters (through
 * `add_driver`), threads, operations and control actions. Returns NULL on error (a
 * diagnostic names the JSON path). Caller frees the engine with fp_engine_free. */
fp_engine *fp_scenario_build(const fp_scenario *s, size_t variant, fp_scenario_driver_fn add_driver, void *user,
                             fp_diags *diags);

/* The default scenario for a driver run alone (`fltplay run DRIVER.c`): one volume with a
 * file, one application thread that opens it, performs each operation of `majors` (the
 * IRP_MJ_* codes the driver registered; `count` of them) that the model can issue, and
 * closes it; variants "synchronous" (the file system completes inline) and "asynchronous"
 * (it pends and completes from a DPC). `source` names the driver. Caller frees the returned
 * JSON with fp_string_free; NULL when memory runs out. */
char *fp_scenario_default_json(const char *source, const char *filter_name, const uint8_t *majors, size_t count);

#ifdef __cplusplus
}
#endif
#endif
