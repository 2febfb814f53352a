/* report.h: a check's report (fltplay/lesson.h): the results document that check.c builds
 * and report.c renders as text, with the texts of the catalogue (core/text/lesson.json). */
#ifndef FP_LESSON_REPORT_H
#define FP_LESSON_REPORT_H

#include <cjson/cJSON.h>

#include "base/alloc.h"
#include "lesson/eval.h"
#include "text/text.h"

/* A check's report: its results document and exit code. */
struct fp_lesson_report {
  cJSON *doc;            /* docs/lessons.md, "Results" */
  int exit_code;
  char locale[16];
};

/* A report with the document's header ({format, version, lesson, solution}) and the status
 * for `exit_code`. NULL when memory runs out. Caller frees with fp_lesson_report_free. */
fp_lesson_report *lx_report_new(const char *lesson_id, const char *solution, const char *locale, int exit_code);

/* Sets the report's status and exit code (0 passed, 1 failed, 2 does_not_compile, 3 bad_input). */
void lx_report_status(fp_lesson_report *r, int exit_code);

/* Adds `diagnostics` (a cJSON array, taken over; NULL adds an empty one) to the report. */
void lx_report_diagnostics(fp_lesson_report *r, cJSON *diagnostics);

/* Renders text `id` in `locale` with name/value parameters (values "@ID" are text IDs rendered
 * first). Caller frees with fp_free on `a`; NULL when memory runs out. */
char *lx_render(const fp_text *t, fp_alloc *a, const char *id, const char *locale, const char *const *names,
                const char *const *values, size_t count);

/* The reason of a failed outcome as {id, params: {...}, message}; NULL when memory runs out. */
cJSON *lx_reason_json(const fp_text *t, fp_alloc *a, const lx_outcome *o, const char *locale);

/* One diagnostic in `locale` as the JSON object fp_lesson_diagnostics_json lists. */
cJSON *lx_diag_json(const fp_text *t, fp_alloc *a, const fp_diags *d, const fp_diag *g, const char *locale);

#endif
