/* lang.h: the driver language. A learner's minifilter, written in the C that WDK drivers are
 * written in, is compiled to an fp_program (bytecode for a register VM, with a line table)
 * and loaded into an engine as a driver whose functions are VM-backed fp_callables
 * (fltplay/callable.h): every memory access goes through the engine's checked address space,
 * a kernel call that waits suspends the callback, and the trace gets one statement event per
 * executed statement. Language reference: docs/language.md.
 *
 * Ownership: fp_lang_compile returns a program freed with fp_program_free. A loaded program
 * must outlive the engine it was loaded into (the engine calls back into it). Diagnostics go
 * into the caller's fp_diags (core/base/diag.h), rendered with fp_text_render_diag. */
#ifndef FLTPLAY_LANG_H
#define FLTPLAY_LANG_H

#include <stddef.h>
#include <stdint.h>

#include "fltplay/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_alloc fp_alloc;   /* core/base/alloc.h */
typedef struct fp_diags fp_diags;   /* core/base/diag.h */
typedef struct fp_program fp_program;

/* Options of a compilation. Zero-initialise, then set what differs from the defaults. */
typedef struct fp_lang_options {
  size_t max_source_bytes;   /* budget: the driver's size (0 = 256 KiB) */
  size_t max_compile_bytes;  /* budget: memory one compilation may use (0 = 64 MiB) */
  uint32_t max_call_depth;   /* budget: nested driver calls at run time (0 = 200) */
  uint32_t max_vm_bytes;     /* budget: host memory of one invocation's frames (0 = 1 MiB) */
  int no_statement_events;   /* 1: no statement events (every memory check stays on) */
} fp_lang_options;

/* What a compilation gave. */
typedef enum fp_lang_status {
  FP_LANG_OK = 0,            /* a program (warnings may be in the diagnostics) */
  FP_LANG_ERRORS,            /* the driver does not compile: see the diagnostics */
  FP_LANG_NO_MEMORY,         /* memory ran out (a diagnostic says so when it could be stored) */
  FP_LANG_BAD_ARGUMENT       /* NULL arguments */
} fp_lang_status;

/* Compiles `source` (`length` bytes, UTF-8) named `file_name` for diagnostics. Host memory
 * comes from `alloc` (NULL = the C library). Diagnostics are added to `diags` (NULL: counted
 * and dropped). On FP_LANG_OK *out is the program. Caller frees it with fp_program_free. */
fp_lang_status fp_lang_compile(fp_alloc *alloc, const char *file_name, const char *source, size_t length,
                               const fp_lang_options *options, fp_diags *diags, fp_program **out);

/* Compiles `source` only and returns its diagnostics as the CLI prints them, one per line:
 * "file:line:col: error|warning: message" (English); "" when there are none. *status (may be
 * NULL) gets the compilation's status. NULL when memory runs out. Caller frees with
 * fp_string_free (fltplay/fltplay.h). */
char *fp_lang_lint(const char *file_name, const char *source, size_t length, const fp_lang_options *options,
                   fp_lang_status *status);

/* Compiles `source` only and tells how it went: the status, and (when not NULL) the number
 * of errors and warnings. Nothing to free. */
fp_lang_status fp_lang_check(const char *file_name, const char *source, size_t length, const fp_lang_options *options,
                             size_t *errors, size_t *warnings);

/* Releases a program; NULL is allowed. */
void fp_program_free(fp_program *p);

/* Adds the program to `e` as driver `name` at `altitude` (fp_engine_add_driver): one function
 * per defined function (pageable when #pragma alloc_text(PAGE, ...) or code_seg("PAGE") says
 * so), DriverEntry as the entry, and the initialised globals written with fp_engine_poke.
 * The driver's id goes to *driver_id. Errors: see fp_engine_error(e). */
fp_status fp_program_load(const fp_program *p, fp_engine *e, const char *name, const char *altitude, int *driver_id);

/* The number of functions the program defines (the driver's functions, in order). */
size_t fp_program_function_count(const fp_program *p);

/* The name of function `i`, or NULL. Owned by the program. */
const char *fp_program_function_name(const fp_program *p, size_t i);

/* The bytes of the driver's globals (initialised data and string literals). */
size_t fp_program_globals_size(const fp_program *p);

/* A listing of the bytecode with source lines (for tests and the curious); NULL when memory
 * runs out. Caller frees with fp_string_free (fltplay/fltplay.h). */
char *fp_program_disassemble(const fp_program *p);

#ifdef __cplusplus
}
#endif
#endif
