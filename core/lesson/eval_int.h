/* eval_int.h: what eval.c (callback checks) and eval_run.c (checks of the run as a whole)
 * share: each goal's state and the helpers that decide an outcome. */
#ifndef FP_LESSON_EVAL_INT_H
#define FP_LESSON_EVAL_INT_H

#include <stddef.h>
#include <stdint.h>

#include "lesson/eval.h"

/* A pool block the driver still holds. */
typedef struct lx_block {
  char address[24];
  uint32_t size;
  char tag[8];
  uint32_t seq;
} lx_block;

/* One goal's state over one trace. */
typedef struct lx_state {
  const lx_goal *goal;
  int done;               /* the outcome is decided */
  lx_outcome out;
  uint32_t count;         /* callbacks matched; operations ended (final_status by major) */
  int64_t first, last;    /* the first match; the last step of a sequence */
  size_t next;            /* sequence: callbacks matched so far (the most, when exact) */
  uint64_t mask;          /* sequence, exact: prefixes matched up to the last callback */
  int request;            /* final_status: the request, -1 when it was never issued */
  int ended;              /* final_status: its status is known */
  int pending;            /* final_status: it returned STATUS_PENDING to the application */
  char status[32];        /* final_status: the status it ended with */
  uint32_t started;       /* final_status: the request started; by major: operations started */
  lx_block *blocks;       /* no_leak: what the driver holds */
  size_t block_count, block_cap;
  char *tail;             /* dbg_print: the end of the output so far (a match may span prints) */
} lx_state;

/* The evaluation of a lesson's goals over one trace. */
struct lx_eval {
  fp_alloc *alloc;
  const fp_lesson *lesson;
  const lx_trace *trace;
  lx_state *states;       /* one per goal */
};

/* Decides a goal (once): passed or not, the step, and the reason's text ID with up to
 * LX_MAX_PARAMS name/value string pairs ending with NULL. */
void lx_set(lx_state *s, int passed, int64_t step, const char *reason, ...);

/* The last event's seq (the run's end), or -1 for an empty trace. */
int64_t lx_end_step(const lx_eval *e);

/* "PostRead", "Upper!PreRead", "PostOperation (IRP_MJ_READ)": a selector for a reason. */
void lx_describe_selector(const lx_selector *s, char *out, size_t cap);

/* 1 when callback event `ev` is one `s` speaks of. */
int lx_selector_matches(const lx_trace *t, const lx_selector *s, const lx_event *ev);

/* The name of IRQL `level`. */
const char *lx_irql_name(unsigned level);

/* "@lesson.end.REASON": the text ID of an end reason, for a reason's parameter. */
const char *lx_end_text(const char *end);

/* Prepares the state of a check of the run as a whole; 0 when memory runs out. */
int lx_run_begin(lx_eval *e, lx_state *s);

/* Follows one event for such a check; 0 when memory runs out. */
int lx_run_event(lx_eval *e, lx_state *s, const lx_event *ev);

/* Decides such a check at the end of the trace. */
void lx_run_finish(lx_eval *e, lx_state *s);

/* Releases what such a check holds. */
void lx_run_free(lx_eval *e, lx_state *s);

#endif
