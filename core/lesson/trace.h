/* trace.h: the goal checker's reading of one variant's trace (docs/trace-format.md): the
 * header's threads, drivers, instances, requests and operations as arrays, then the events
 * one at a time, each with what the checks need worked out (whose driver code it runs in,
 * the IRQL as a number, the thread kinds of a callback). */
#ifndef FP_LESSON_TRACE_H
#define FP_LESSON_TRACE_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"
#include "lesson/lesson_int.h"

/* The callbacks running in one context (a thread, or a DPC on top of it). */
typedef struct lx_stack {
  int *items;     /* driver ids of the callbacks running in one context, innermost last */
  size_t count, cap;
} lx_stack;

/* A thread of the header. */
typedef struct lx_thread {
  const char *name;
  int worker, system;     /* the thread's kind */
} lx_thread;

/* A driver (a filter) of the header. */
typedef struct lx_driver {
  const char *name;
  int learner;            /* runs the learner's driver in this variant */
} lx_driver;

/* A driver function's address, for the callbacks that enter it. */
typedef struct lx_function {
  uint64_t address;
  int driver;
} lx_function;

/* An application request of the header. */
typedef struct lx_request {
  int thread;             /* index into threads */
  int index;              /* the operation's index in its thread's script */
} lx_request;

/* A Filter Manager operation of the header. */
typedef struct lx_op {
  int request;
  const char *major;
  int generated;          /* issued by a filter or a drain copy, not by an application */
} lx_op;

/* One variant's trace as the checks read it. */
typedef struct lx_trace {
  fp_alloc *alloc;
  cJSON *head;                    /* the header and end (owned) */
  lx_thread *threads;
  size_t thread_count;
  lx_driver *drivers;
  size_t driver_count;
  lx_function *functions;
  size_t function_count;
  int *instance_driver;           /* instance -> driver */
  size_t instance_count;
  lx_request *requests;
  size_t request_count;
  lx_op *ops;
  size_t op_count;
  lx_stack *stacks;               /* per thread, then per thread's DPC: 2 * thread_count */
  int *pre_thread;                /* [op * instance_count + instance]: the pre-op's thread, or -1 */
  const char *end;                /* the end reason ("completed", "bugcheck", ...) */
  uint32_t events;                /* the number of events */
} lx_trace;

/* One event, decoded. */
typedef struct lx_event {
  const cJSON *json;
  uint32_t seq;
  const char *kind;
  int thread;
  int dpc;
  int irql;                       /* the level, -1 when unnamed */
  const char *irql_name;
  int instance, op, request;      /* -1 when absent */
  int driver;                     /* whose driver code runs (the callback's own for enter/exit), or -1 */
  const char *role, *function;    /* callback_enter and callback_exit */
} lx_event;

/* Reads the header and end of a trace (`head`, the JSON of fp_engine_trace_json with first =
 * UINT32_MAX) for variant `variant` of lesson `l`. Returns 0 when the trace cannot be read or
 * memory runs out; lx_trace_close releases what it got in both cases. */
int lx_trace_open(lx_trace *t, fp_alloc *alloc, const char *head, const fp_lesson *l, size_t variant);

/* Releases what lx_trace_open and lx_trace_event allocated. */
void lx_trace_close(lx_trace *t);

/* Decodes event `json` into *ev and follows it (callbacks entering and leaving). Returns 0
 * when memory runs out. */
int lx_trace_event(lx_trace *t, const cJSON *json, lx_event *ev);

/* The LX_THREAD_* kinds of the thread a callback_enter event `ev` ran in. */
unsigned lx_trace_thread_kinds(const lx_trace *t, const lx_event *ev);

/* The number an event field holds (-1 when absent). */
int lx_int_field(const cJSON *o, const char *key);

/* The string an event field holds ("" when absent). */
const char *lx_string_field(const cJSON *o, const char *key);

#endif
