/* lesson_int.h: the lesson module's internals (fltplay/lesson.h): the read lesson and its
 * goals, shared by the reader (read.c, goals.c), the evaluator (trace.c, eval.c), the check
 * (check.c) and the report (report.c). */
#ifndef FP_LESSON_LESSON_INT_H
#define FP_LESSON_LESSON_INT_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "fltplay/lesson.h"
#include "fltplay/scenario.h"

/* The most callbacks a sequence goal lists. */
#define LX_MAX_SEQUENCE 32

/* What a goal checks. */
typedef enum lx_check {
  LX_NO_VIOLATION,
  LX_VIOLATION,
  LX_CALLBACK_IRQL,
  LX_CALLBACK_THREAD,
  LX_FINAL_STATUS,
  LX_SEQUENCE,
  LX_NO_LEAK,
  LX_NO_HANG,
  LX_COMPLETED,
  LX_DBG_PRINT,
  LX_CHECK_COUNT
} lx_check;

/* Thread kinds a callback can run in (DESIGN.md, "Scheduling"), as bits. */
enum {
  LX_THREAD_ORIGINATING = 1u << 0, /* the thread of the application request */
  LX_THREAD_PRE_OP = 1u << 1,      /* the thread the same instance's pre-op ran in */
  LX_THREAD_WORKER = 1u << 2,      /* a system worker thread */
  LX_THREAD_DPC = 1u << 3,         /* a DPC, on top of whichever thread was running */
  LX_THREAD_SYSTEM = 1u << 4       /* the system thread (DriverEntry, control actions) */
};

/* Which callbacks a goal speaks of: every field that is set must match (NULL: any). */
typedef struct lx_selector {
  const char *filter;     /* a filter's name (NULL: the learner's filters) */
  const char *function;   /* the driver function's name */
  const char *role;       /* PreOperation, PostOperation, WorkRoutine, ... */
  const char *major;      /* IRP_MJ_* of the callback's operation */
} lx_selector;

/* One goal as read from lesson.json. Strings point into the lesson's document. */
typedef struct lx_goal {
  const char *id;
  const cJSON *text;              /* {"en": ..., "zh-Hans": ..., "zh-Hant": ...} */
  lx_check check;
  unsigned char *variants;        /* per variant, 1 when the goal applies; NULL: every one */
  lx_selector callback;           /* callback_irql, callback_thread */
  int must_run;                   /* callback_*: the callback must run at least once */
  unsigned irql;                  /* callback_irql: the level wanted */
  int irql_at_most;               /* callback_irql: 1 = at most `irql`, 0 = exactly */
  unsigned threads;               /* callback_thread: LX_THREAD_* allowed */
  const cJSON *allow;             /* no_violation: rule IDs that do not count (an array) */
  const char *rule;               /* violation: the rule ID expected, or NULL */
  uint32_t bugcheck;              /* violation: the bug check expected (when has_bugcheck) */
  int has_bugcheck;
  const char *thread;             /* final_status: the application thread's name, or NULL */
  int op;                         /* final_status: the operation's index in that thread */
  const char *major;              /* final_status: every operation of this major, or NULL */
  uint32_t status;                /* final_status: the NTSTATUS wanted */
  const char *status_name;        /* ... as the lesson wrote it */
  lx_selector *steps;             /* sequence: the callbacks in order */
  size_t step_count;
  int exact;                      /* sequence: adjacent among the callbacks that ran */
  const char *needle;             /* dbg_print: text the output contains */
  const char *filter;             /* no_leak: the filter (NULL: the learner's) */
} lx_goal;

/* A lesson as read from lesson.json (fltplay/lesson.h). */
struct fp_lesson {
  fp_alloc own_alloc;
  fp_alloc *alloc;
  fp_diags diags;
  uint32_t file;                  /* the lesson's file index in diags */
  char *file_name;
  char *text;                     /* the lesson's text */
  size_t length;
  cJSON *doc;                     /* the parsed lesson.json */
  const char *id;
  const char *driver;
  char *scenario_text;            /* the lesson's text with all but the scenario blanked */
  size_t scenario_length;
  fp_scenario *scenario;
  const char **sources;           /* the other sources */
  size_t source_count;
  lx_goal *goals;
  size_t goal_count;
  int valid;
};

/* Parses a lesson with host memory from `alloc` (NULL: the C library); the tests make its
 * allocations fail. Never NULL unless memory runs out. Caller frees with fp_lesson_free. */
fp_lesson *lx_lesson_parse(fp_alloc *alloc, const char *file_name, const char *json, size_t length);

/* Reads $.goals into l->goals, reporting each mistake; 0 when any goal is invalid. */
int lx_read_goals(fp_lesson *l, const cJSON *goals);

/* The name of a check ("no_violation"), or "?". */
const char *lx_check_name(lx_check c);

/* The level of an IRQL name ("DISPATCH_LEVEL" is 2); -1 when unknown. */
int lx_irql_level(const char *name);

/* An NTSTATUS from a name or "0x..." text; 0 when it is neither. */
int lx_status_value(const char *text, uint32_t *out);

/* 1 when filter `name` runs the learner's driver in variant `variant` of the lesson. */
int lx_is_learner_filter(const fp_lesson *l, size_t variant, const char *name);

/* The diagnostics of `d` as a cJSON array of {severity, id, message, file, line, column,
 * end_line, end_column} in `locale`; NULL when memory runs out. Caller frees with cJSON_Delete. */
cJSON *lx_diags_json(const fp_diags *d, const char *locale);

#endif
