/* cx.h: one compilation's context, shared by the phases (preprocessor, parser, code
 * generator): its arena and names, where diagnostics go, the files and the budgets.
 * Diagnostics: every phase reports through cx_report (fp_diag_report underneath) with an ID
 * from core/text/lang.json; cx_report keeps one error per statement (cx->quiet) and stops the
 * compilation after too many. */
#ifndef FP_LANG_CX_H
#define FP_LANG_CX_H

#include <setjmp.h>
#include <stdint.h>

#include "base/diag.h"
#include "fltplay/lang.h"
#include "lang/arena.h"

#define CX_MAX_ERRORS 50   /* a compilation stops after this many errors */

typedef struct cx {
  ar_arena ar;             /* tokens, macros, types, the tree */
  ar_names names;
  fp_diags *diags;
  uint32_t file;           /* the driver's file index in diags */
  uint32_t prelude_file;   /* the built-in headers' file index */
  fp_lang_options opt;     /* with defaults filled in */
  int quiet;               /* an error was reported in the current statement: hold later ones */
  int truncated;           /* the preprocessor swallowed the rest of the file: no errors at its end */
  uint32_t errors;
  jmp_buf fail;            /* out of memory, a budget, or too many errors */
  int fail_reason;         /* CX_FAIL_* */
} cx;

enum { CX_FAIL_NONE, CX_FAIL_MEMORY, CX_FAIL_BUDGET, CX_FAIL_ERRORS };

/* Whether a diagnostic at `span` may be reported now (errors are muted after the first of a
 * statement). */
int cx_may_report(cx *c, fp_span span, int error);

/* Reports an error with parameters as name/value pairs ending with NULL (see diag.h), unless
 * held back; then mutes errors until cx_resync. */
void cx_error(cx *c, fp_span span, const char *id, ...);

/* Reports a warning (never muted by cx->quiet). */
void cx_warning(cx *c, fp_span span, const char *id, ...);

/* A statement or declaration ended: errors may be reported again. */
static inline void cx_resync(cx *c) { c->quiet = 0; }

/* Stops the compilation (jumps out) with `reason`. */
void cx_abort(cx *c, int reason);

/* A span from the start of `a` to the end of `b`. */
fp_span cx_join(fp_span a, fp_span b);


/* Prepares a compilation of `file_name` over `a` with `d` for diagnostics; options may be
 * NULL (defaults). The caller must setjmp(c->fail) before any phase runs. */
void cx_init(cx *c, fp_alloc *a, fp_diags *d, const fp_lang_options *options, const char *file_name);

/* Releases the compilation's memory. */
void cx_free(cx *c);

#endif
