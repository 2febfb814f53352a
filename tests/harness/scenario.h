/* scenario.h: building engine scenarios in C for the tests, and reading the trace back as
 * short lines that expectations written from the catalogue can be compared with.
 *
 * A test minifilter (tdrv) lists its operation registrations and callbacks; the harness gives
 * it a DriverEntry that builds FLT_REGISTRATION in the driver's globals (optionally lying
 * about its Size or Version), calls FltRegisterFilter and FltStartFiltering, and returns the
 * status. Function index 0 is DriverEntry, then unload, setup, query-teardown, teardown-start,
 * teardown-complete, then each registration's pre and post, then the extra functions. */
#ifndef FLTPLAY_TEST_SCENARIO_H
#define FLTPLAY_TEST_SCENARIO_H

#include <stdint.h>

#include "fltplay/engine.h"
#include "native.h"

#define TDRV_MAX_OPS 8
#define TDRV_MAX_EXTRA 8

typedef struct tdrv_op {
  uint8_t major;
  uint32_t flags;
  native_fn pre, post;
} tdrv_op;

typedef struct tdrv {
  const char *name;
  const char *altitude;
  tdrv_op ops[TDRV_MAX_OPS];
  int op_count;
  native_fn unload, setup, query_teardown, teardown_start, teardown_complete;
  native_fn extra[TDRV_MAX_EXTRA];  /* work routines, SafePostCallbacks, ... */
  const char *extra_names[TDRV_MAX_EXTRA];
  unsigned extra_flags[TDRV_MAX_EXTRA];
  unsigned pre_flags, post_flags;   /* FP_FUNC_PAGEABLE for every pre / post callback */
  uint16_t reg_size;                /* 0 = sizeof(FLT_REGISTRATION) */
  uint16_t reg_version;             /* 0 = FLT_REGISTRATION_VERSION */
  int skip_register;                /* DriverEntry does not register */
  int skip_start;                   /* DriverEntry registers but does not start filtering */
  int entry_fails;                  /* DriverEntry returns STATUS_UNSUCCESSFUL after registering */
} tdrv;

/* The index of a driver's extra function `i` (for FN()). */
#define EXTRA(i) (6 + 2 * TDRV_MAX_OPS + (i))

/* Callbacks most tests need. */
NATIVE(n_pre_with_callback);   /* FLT_PREOP_SUCCESS_WITH_CALLBACK, CompletionContext NULL */
NATIVE(n_pre_no_callback);     /* FLT_PREOP_SUCCESS_NO_CALLBACK */
NATIVE(n_pre_synchronize);     /* FLT_PREOP_SYNCHRONIZE */
NATIVE(n_post_finished);       /* FLT_POSTOP_FINISHED_PROCESSING */
NATIVE(n_status_success);      /* returns STATUS_SUCCESS (unload, setup, query-teardown) */
NATIVE(n_void);                /* returns nothing (teardown callbacks, work routines) */

/* A filter named `name` at `altitude` with one registration {major, flags, pre, post}. */
tdrv tdrv_one(const char *name, const char *altitude, uint8_t major, uint32_t flags, native_fn pre, native_fn post);

/* A new engine with memory pressure (pageable memory paged out before DISPATCH_LEVEL callbacks). */
fp_engine *engine_under_pressure(uint64_t seed, int verifier);

/* A new engine (seed, Verifier) with files \a.txt ("hello world, this is a.txt") and
 * \b.txt (2048 bytes). */
fp_engine *engine_with_files(uint64_t seed, int verifier);

/* A thread "app" that opens \a.txt as handle "h" (synchronous I/O), runs `op`, and closes
 * it; returns the thread id. `op` may be NULL (open and close only). */
int app_open_do_close(fp_engine *e, const fp_op_desc *middle);

/* Adds the driver to the engine; returns its id, or -1 (the test fails) on error. */
int tdrv_add(fp_engine *e, const tdrv *d);

/* Shorthand for application operations. */
fp_op_desc op_create(const char *path, const char *h);
fp_op_desc op_read(const char *h, uint64_t offset, uint32_t length, fp_io_path io);
fp_op_desc op_write(const char *h, uint64_t offset, uint32_t length, const void *data, fp_io_path io);
fp_op_desc op_close(const char *h);

/* The callbacks that ran, one line each:
 *   "<driver>.<Role> <IRP_MJ_...> @<IRQL> in <thread>"
 * where <thread> is the thread's name, or "DPC" when it ran in a DPC. `role_mask` selects
 * roles by bit (1u << cb_role); 0 = every role. Caller frees with free(). */
char *trace_callbacks(const fp_engine *e, unsigned role_mask);

/* The life of the operations with major function `major`, one line per step:
 *   "<driver>.<Role> @<IRQL> in <thread>", "file system <- @<IRQL> in <thread>",
 *   "file system completes inline|in a DPC", "<driver> pends in pre|post",
 *   "hand-off to <thread>", "work item in <thread>", "done <STATUS>"
 * (<thread> is "DPC" in a DPC). Caller frees with free(). */
char *trace_flow(const fp_engine *e, uint8_t major);

/* The end of the run: "completed", "bugcheck 0xF5 (0x66, ...)", "verifier PRE-GEN-4", "hang
 * PRE-PEND-3", ... with parameters in hex. Caller frees with free(). */
char *trace_end(const fp_engine *e);

/* The final status of request `index` of thread `thread` as its NTSTATUS name (or hex), or
 * "(not finished)". Static storage until the next call. */
const char *request_status(const fp_engine *e, int thread, int index);

/* The rule IDs of every violation and lint, in order, space-separated. Caller frees with free(). */
char *trace_rules(const fp_engine *e);

/* Whether the trace has an event of kind `kind` (its JSON name) whose JSON contains `text`. */
int trace_has(const fp_engine *e, const char *kind, const char *text);

/* The test drivers' scratch area in their globals: natives write what they observe there
 * (SCRATCH_AT(i) is the address of slot i, from the driver's GLOBALS). */
#define SCRATCH 0x800u
#define SCRATCH_AT(i) (GLOBALS + SCRATCH + 8u * (uint32_t)(i))

/* Reads `size` bytes of simulated memory (no checks). */
uint64_t peek(const fp_engine *e, uint64_t address, uint32_t size);

/* Scratch slot `slot` of driver `drv`. */
uint64_t scratch(const fp_engine *e, int drv, int slot);

/* Runs to the end and returns the end reason. With FLTPLAY_TRACE_DIR set, writes the trace to
 * $FLTPLAY_TRACE_DIR/$FLTPLAY_TRACE_PREFIX.NNN.json; with FLTPLAY_DUMP set, prints it as text. */
fp_end_reason run_all(fp_engine *e);

#endif
