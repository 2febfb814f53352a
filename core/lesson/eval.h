/* eval.h: evaluating a lesson's goals over one variant's trace, event by event (the trace
 * is read in chunks, so a long run never sits in memory as one JSON document). */
#ifndef FP_LESSON_EVAL_H
#define FP_LESSON_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include "lesson/lesson_int.h"
#include "lesson/trace.h"

#define LX_MAX_PARAMS 4

/* The outcome of one goal in one variant. */
typedef struct lx_outcome {
  int applies;                          /* the goal applies to this variant */
  int passed;
  int64_t step;                         /* the event where it failed or is best shown; -1: none */
  const char *reason;                   /* a text ID of core/text/lesson.json; NULL when passed */
  const char *names[LX_MAX_PARAMS];     /* the reason's parameters (static names) */
  char values[LX_MAX_PARAMS][160];      /* ... their values; "@ID" is a text ID rendered first */
} lx_outcome;

typedef struct lx_eval lx_eval;

/* Starts evaluating every goal of `l` that applies to variant `variant` over trace `t`.
 * NULL when memory runs out. Caller frees with lx_eval_free. */
lx_eval *lx_eval_new(fp_alloc *alloc, const fp_lesson *l, size_t variant, const lx_trace *t);

/* Releases an evaluation; NULL is allowed. */
void lx_eval_free(lx_eval *e);

/* Follows one event. Returns 0 when memory runs out. */
int lx_eval_event(lx_eval *e, const lx_event *ev);

/* Ends the evaluation: stores goal i's outcome in out[i] (l->goal_count of them). */
void lx_eval_finish(lx_eval *e, lx_outcome *out);

#endif
