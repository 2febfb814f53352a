/* diag.h: diagnostics with source spans, reported through one function.
 *
 * A diagnostic is a text ID from the catalogue (core/text/catalogue.json) plus named string
 * parameters, so the CLI and the web app render it in the learner's language. Ownership: an
 * fp_diags owns its diagnostics and their parameter strings; fp_diags_free releases them. */
#ifndef FP_BASE_DIAG_H
#define FP_BASE_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"

typedef enum fp_severity { FP_SEV_ERROR, FP_SEV_WARNING, FP_SEV_NOTE } fp_severity;

/* A source range; lines and columns count from 1; line 0 means "no location".
 * `file` indexes the names registered with fp_diags_add_file (0 = none). */
typedef struct fp_span {
  uint32_t file;
  uint32_t line, col;
  uint32_t end_line, end_col;
} fp_span;

#define FP_DIAG_MAX_PARAMS 4

typedef struct fp_diag {
  fp_severity severity;
  const char *id;                            /* catalogue key, a static string */
  const char *names[FP_DIAG_MAX_PARAMS];     /* static parameter names, NULL-terminated */
  char *values[FP_DIAG_MAX_PARAMS];          /* owned parameter values */
  fp_span span;
} fp_diag;

typedef struct fp_diags {
  fp_alloc *alloc;
  fp_diag *items;
  size_t count, cap;
  size_t errors;          /* diagnostics with FP_SEV_ERROR */
  size_t limit;           /* 0 = none; later diagnostics are counted in `dropped` */
  size_t dropped;
  char **files;           /* files[i - 1] is the name of file i */
  size_t file_count;
  int out_of_memory;      /* a diagnostic could not be stored */
} fp_diags;

/* An empty list that allocates from `a`. */
fp_diags fp_diags_make(fp_alloc *a);

/* Registers a file name and returns its index for spans (0 when memory runs out). */
uint32_t fp_diags_add_file(fp_diags *d, const char *name);

/* The one reporting function: records a diagnostic `id` at `span` with parameters given as
 * name/value string pairs ending with NULL, e.g. ("name", "Foo", NULL). */
void fp_diag_report(fp_diags *d, fp_severity severity, fp_span span, const char *id, ...);

/* Releases every diagnostic and file name. */
void fp_diags_free(fp_diags *d);

/* The severity as a compiler writes it: "error", "warning", "note". */
const char *fp_severity_name(fp_severity s);

#endif
