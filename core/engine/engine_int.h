/* engine_int.h: the engine's inside (fp_engine of fltplay/engine.h), shared by its files.
 *
 * The engine is a heap-allocated state machine (DESIGN.md): each simulated thread has a
 * stack of activations; the run loop steps the top activation of the current thread, and an
 * activation either goes on, pushes a child, finishes with a value for its parent, blocks
 * its thread, or stops the run. Nothing recurses on the C stack across callbacks or threads.
 *
 * Files: sim.c (threads, scheduler, DPCs, waits, the run loop), mem.c (checked memory and
 * faults), io.c (the I/O manager and the file system), walk.c (the Filter Manager's walk of
 * an operation), fltmgr.c (filters, instances, teardown), kapi*.c (the kernel routines driver
 * code calls), rules.c (the verifier), trace*.c (events and JSON), engine.c (the public API). */
#ifndef FP_ENGINE_ENGINE_INT_H
#define FP_ENGINE_ENGINE_INT_H

#include <stdint.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/rng.h"
#include "engine/slab.h"
#include "engine/trace.h"
#include "fltplay/callable.h"
#include "fltplay/engine.h"
#include "kmem/kheap.h"
#include "kmem/kmem.h"

#define ENG_MAX_THREADS 32
#define ENG_MAX_DRIVERS 8
#define ENG_MAX_INSTANCES ENG_MAX_DRIVERS
#define ENG_MAX_FILES 64
#define ENG_MAX_HANDLES 32
#define ENG_STACK_SIZE (24u * 1024u) /* the x64 kernel stack */

typedef struct fp_engine engine;
typedef struct thread thread;
typedef struct act act;
typedef struct op op;
typedef struct request request;
typedef struct instance instance;
typedef struct driver driver;
typedef struct fsfile fsfile;
typedef struct fobj fobj;

/* ---- Activations ---------------------------------------------------------------------- */

typedef enum act_result {
  ACT_CONTINUE, /* step again (the scheduler may switch threads first) */
  ACT_PUSHED,   /* a child was pushed; this activation is stepped again when it finishes */
  ACT_DONE,     /* finished: pop it; its value is in a->value */
  ACT_BLOCKED,  /* the thread waits (thread->wait set); step again when it wakes */
  ACT_STOP,     /* the run ended (the reason is recorded) */
  ACT_RESUME    /* its child finished within the step (sim_step_again): step it again with
                   child_done and child_value as they are */
} act_result;

typedef struct act_vt {
  const char *name;
  act_result (*step)(engine *e, thread *t, act *a);
  void (*destroy)(engine *e, act *a); /* releases what the activation owns (may be NULL) */
} act_vt;

struct act {
  const act_vt *vt;
  act *below;           /* the activation under this one on the thread */
  uint64_t value;       /* result when done */
  uint64_t child_value; /* the value of the child that just finished */
  int child_done;       /* a child finished since the last step */
  int dpc;              /* this activation is a DPC (raised IRQL saved in saved_irql) */
  unsigned saved_irql;
};

/* ---- Threads -------------------------------------------------------------------------- */

typedef enum thread_kind { TK_SYSTEM, TK_APP, TK_WORKER, TK_IDLE } thread_kind;

/* What a blocked thread waits for: a predicate the scheduler polls, and its kind. */
typedef enum wait_kind {
  WK_NONE, WK_BOOT, WK_IO, WK_HANDOFF, WK_TEARDOWN, WK_EVENT, WK_MUTEX, WK_QUEUE, WK_CONTROL,
  WK_REQUEST, WK_SLEEP
} wait_kind;

typedef int (*wait_ready_fn)(engine *e, thread *t);

struct thread {
  int id;
  thread_kind kind;
  char *name;
  int process;            /* process index (0 = System) */
  uint64_t ethread;       /* the ETHREAD's simulated address (Data->Thread) */
  uint64_t stack_base;    /* the kernel stack block */
  uint32_t stack_used;    /* bytes in use by driver frames */
  unsigned irql;
  uint64_t top_level_irp; /* IoGetTopLevelIrp() */
  act *top;               /* the activation stack (NULL: the thread has finished) */
  wait_ready_fn wait;     /* non-NULL while blocked */
  wait_kind wait_kind;    /* what kind of wait */
  uint64_t wait_value;
  uint64_t wait_arg_address; /* the object a kernel wait is for */
  uint32_t wait_text;     /* interned description of the wait (for the trace and hangs) */
  int worker_queue;       /* for worker threads: CriticalWorkQueue (0) or DelayedWorkQueue (1) */
  int dpc_depth;          /* DPC activations on this thread */
  int finished;
  int *script;            /* application threads: request ids of the script, in order */
  int script_count, script_cap;
};

/* ---- Drivers, filters and instances ----------------------------------------------------- */

typedef struct function {
  char *name;
  fp_callable callable;
  unsigned flags;         /* FP_FUNC_PAGEABLE */
  uint64_t address;       /* code block in the image */
  uint32_t name_id;       /* the name's id in the trace's strings (0 until first needed) */
  uint32_t index;         /* its index in the driver's functions */
} function;

/* One FLT_OPERATION_REGISTRATION entry as registered. */
typedef struct opreg {
  uint8_t major;
  uint32_t flags;
  uint64_t pre, post;     /* function addresses (0 = none) */
} opreg;

typedef enum filter_state {
  FS_LOADED,              /* DriverEntry has not registered yet */
  FS_REGISTERED,          /* FltRegisterFilter succeeded */
  FS_STARTED,             /* FltStartFiltering succeeded */
  FS_UNREGISTERED,        /* FltUnregisterFilter returned */
  FS_UNLOADED
} filter_state;

struct driver {
  int id;
  char *name;
  char *altitude;
  function *functions;
  uint32_t function_count;
  uint32_t driver_entry;
  uint64_t globals;       /* image data block */
  uint64_t globals_size;
  uint64_t driver_object; /* DRIVER_OBJECT */
  uint64_t registry_path; /* UNICODE_STRING */
  uint64_t filter_object; /* the PFLT_FILTER handed out (0 before registration) */
  filter_state state;
  opreg *ops;
  uint32_t op_count;
  uint8_t reg_index[256];  /* per major function: 1 + its entry in ops (0: none) */
  uint64_t unload_cb, setup_cb, query_teardown_cb, teardown_start_cb, teardown_complete_cb;
  int instance;           /* index into e->instances or -1 */
  uint32_t pool_allocs;   /* allocations made (for fault injection and leaks) */
};

typedef enum instance_state {
  IS_ATTACHED,
  IS_TEARDOWN_STARTED,    /* TeardownStart called: no new operations */
  IS_DRAINED,             /* outstanding operations drained; waiting for TeardownComplete */
  IS_DETACHED
} instance_state;

struct instance {
  int id;
  int driver;
  char *altitude;
  uint64_t object;        /* the PFLT_INSTANCE */
  instance_state state;
  uint32_t teardown_flags;
};

/* ---- The file system and file objects ---------------------------------------------------- */

struct fsfile {
  char *path;             /* "\dir\name" as given (case kept) */
  uint8_t *data;
  uint64_t size, cap;
  unsigned flags;         /* FP_FILE_* */
  uint64_t fcb;           /* FsContext: the file control block's simulated address */
  uint32_t open_count;    /* file objects open on it (for share access) */
  uint32_t readers, writers, deleters;            /* granted access of open objects */
  uint32_t share_read, share_write, share_delete; /* objects that share each */
  int cache_initialized;
  int deleted;
};

struct fobj {
  int id;
  uint64_t address;       /* the FILE_OBJECT */
  uint8_t *host;          /* its host bytes (cbd.c), valid while km_epoch is host_epoch */
  uint32_t host_epoch;
  uint64_t name_buffer;
  fsfile *file;           /* NULL until the create succeeded */
  uint32_t access, share;
  uint32_t flags;         /* mirror of FILE_OBJECT.Flags the engine maintains */
  int process;
  int open;               /* the file system considers it open */
  int cleaned_up;
  int closed;
  int name_cached;        /* FltMgr's name cache holds its name */
};

/* ---- Operations ---------------------------------------------------------------------------- */

typedef enum op_kind { OK_IRP, OK_FAST_IO, OK_FS_FILTER } op_kind;

typedef enum op_state {
  OPS_PRE,                /* in the pre phase */
  OPS_PENDED_PRE,         /* a pre-op returned FLT_PREOP_PENDING */
  OPS_IN_FS,              /* sent to the file system */
  OPS_FS_PENDING,         /* the file system returned STATUS_PENDING */
  OPS_POST,               /* in the post phase */
  OPS_PENDED_POST,        /* a post-op returned FLT_POSTOP_MORE_PROCESSING_REQUIRED */
  OPS_SYNC_HANDOFF,       /* waiting for the thread of a SYNCHRONIZE node */
  OPS_DONE
} op_state;

/* A completion node: an instance that asked for its post-op. */
typedef struct node {
  int instance;
  uint64_t context;       /* CompletionContext */
  int sync;               /* SYNCHRONIZE (IRP): the post-op runs in pre_thread at <= APC_LEVEL */
  int pre_thread;
  int done;               /* its post-op has run (or it was drained) */
  int drained;
  int dirty;              /* the instance changed the parameters in its pre-op */
  int running;            /* its post-op is running now */
  int safe_posted;        /* its post-op had FltDoCompletionProcessingWhenSafe post the rest (DCPWS-2) */
  uint8_t iopb[0x48];     /* the parameters as this instance's pre-op saw them (MOD-2) */
} node;


struct op {
  int id;
  uint32_t heap_bytes;    /* its size in the engine's op_heap (0: a drain copy, from fp_calloc) */
  int request;            /* the application request it serves */
  op_kind kind;
  uint8_t major, minor;
  uint64_t cbd;           /* FLT_CALLBACK_DATA */
  uint64_t iopb;          /* FLT_IO_PARAMETER_BLOCK (right after the callback data) */
  uint64_t objects;       /* FLT_RELATED_OBJECTS */
  uint64_t ctx_slot;      /* where a pre-op writes *CompletionContext */
  uint8_t *cbd_host;      /* the host bytes of cbd, objects and ctx_slot (cbd.c; NULL: use */
  uint8_t *objects_host;  /* km_raw), valid while the address space's km_epoch is host_epoch */
  uint8_t *ctx_host;
  uint32_t host_epoch;
  int orig_thread;
  fobj *fo;
  op_state state;
  int next_instance;      /* pre phase: the next instance position to consider */
  int pended_instance;    /* the instance that pended the pre-op (or -1) */
  int pre_returned;       /* the pending pre-op has returned (PRE-PEND-2 race) */
  int early_resume;       /* FltCompletePendedPreOperation came before the pre-op returned */
  uint32_t early_status;
  uint64_t early_context;
  node *nodes;            /* completion nodes, in the order they were made (io_add_node) */
  int node_count, node_cap;
  int post_next;          /* post phase: the next node index to run (counts down) */
  int pended_node;        /* the node whose post-op returned MORE_PROCESSING_REQUIRED */
  int handoff_node;       /* the node a SYNCHRONIZE hand-off continues at (-1: none) */
  int handoff_thread;     /* the thread that continues it */
  int sync_owner;         /* the thread that waits for the hand-off (-1: none) */
  int fs_completion;      /* fp_completion for the file system */
  uint32_t fs_delay;
  int fast_refused;       /* the fast I/O path was refused */
  uint32_t fs_status;     /* what the file system will complete with */
  uint64_t fs_information;
  uint32_t final_status;
  uint64_t final_information;
  int generated;          /* issued by FltMgr for a filter (FltCancelFileOpen's close): start below */
  int start_below;        /* position of the first instance that sees it */
  int paging;
  int top_level_irp;
  uint64_t user_buffer;   /* the buffer the request came with */
  uint64_t mdl;
  int draining_copy;      /* this op is a drain copy (never dispatched) */
  int safe_post_pending;  /* a SafePostCallback returned MORE_PROCESSING_REQUIRED (DCPWS-4) */
  uint64_t locked_mdl;    /* the MDL FltLockUserBuffer made for it */
};

/* ---- Application requests --------------------------------------------------------------- */

typedef enum request_state { RQ_NEW, RQ_RUNNING, RQ_PENDING, RQ_DONE } request_state;

struct request {
  int id;
  int thread;
  int index;              /* position in the thread's script */
  fp_op_desc desc;        /* its path, handle and data point to the copies below */
  char *path_copy;
  char *handle_copy;
  void *data_copy;
  request_state state;
  uint32_t status;
  uint64_t information;
  int op;                 /* the current Filter Manager operation (-1: none) */
  fobj *fo;
  uint64_t buffer;        /* the user buffer (read/write data, info) */
  int parent;             /* for the steps of a request the I/O manager splits (-1: none) */
};

/* A handle the applications hold: a name in a process, for a file object. */
typedef struct handle {
  int process;
  char *name;
  fobj *fo;               /* NULL: the slot is free */
  uint64_t opened;        /* when it was opened (the newest handle of a name wins) */
} handle;

/* An object Filter Verifier tracks (VERIF-FV-1). */
typedef enum tracked_kind { TR_DEFERRED_WORK_ITEM, TR_NAME_INFORMATION, TR_KIND_COUNT } tracked_kind;

typedef struct tracked {
  tracked_kind kind;
  int driver;
  uint64_t address;
  int refs;               /* references held (0: released) */
} tracked;

/* ---- Verifier state ---------------------------------------------------------------------- */

typedef struct rule_state {
  fp_verifier_answer answer;
  uint32_t hits;
} rule_state;

/* ---- The engine ---------------------------------------------------------------------------- */

typedef struct work_item {
  int queue;              /* CriticalWorkQueue / DelayedWorkQueue */
  int driver;             /* whose routine */
  uint64_t routine;       /* function address */
  uint64_t args[4];       /* the routine's arguments */
  uint32_t argc;
  int kind;               /* WI_DEFERRED_IO, WI_SAFE_POST, WI_EX_WORK_ITEM */
  int op;                 /* for deferred I/O and safe-post items */
  int node;
  uint64_t item;          /* the work item's simulated address */
  struct work_item *next;
} work_item;

typedef struct timer {
  uint64_t due;
  int op;                 /* the operation whose completion the DPC runs */
  uint32_t seq;           /* tie-breaker: order of arming */
} timer;

/* A driver function found by its address (callback.c's cache). */
typedef struct fn_slot {
  uint64_t address;
  const function *fn;     /* NULL: empty */
  int driver;
} fn_slot;

#define ENG_FN_CACHE 32

struct fp_engine {
  /* The FLT_PARAMETERS fields of each major function's arm (callback.c), found once. */
  uint16_t param_fields[8][48];
  uint8_t param_field_count[8];
  uint32_t param_name_ids[8][48]; /* their "Data->Iopb->Parameters.<path>" ids (0: not yet) */
  int param_fields_ready;
  fp_alloc own_alloc;
  fp_alloc *alloc;
  slab_pool slabs;        /* recycled activations and driver-code state */
  fn_slot fn_cache[ENG_FN_CACHE]; /* driver functions by address */
  fp_engine_config config;
  fp_rng rng;
  km_space *mem;
  trc_trace trace;
  fp_buf error;           /* the last error's text */

  int started;            /* the run has begun: the scenario is frozen */
  fp_end_reason end;
  uint64_t time;
  uint32_t quantum_left;

  thread *threads[ENG_MAX_THREADS];
  int thread_count;
  int current;            /* the running thread */
  int system_thread, idle_thread;
  int worker_threads[2][4];
  int worker_count;
  char *processes[ENG_MAX_THREADS];
  uint64_t process_objects[ENG_MAX_THREADS]; /* EPROCESS addresses */
  int process_count;

  driver *drivers[ENG_MAX_DRIVERS];
  int driver_count;
  instance *instances[ENG_MAX_INSTANCES];
  int instance_count;
  int stack[ENG_MAX_INSTANCES];   /* instance ids by descending altitude */
  int stack_count;
  uint64_t volume_object;         /* PFLT_VOLUME */

  int booted;                     /* drivers loaded and instances attached: applications may run */
  handle handles[ENG_MAX_HANDLES];
  uint64_t handles_opened; /* handles opened so far */
  int handle_count;
  fsfile *files[ENG_MAX_FILES];
  int file_count;
  fobj **fobjs;
  int fobj_count, fobj_cap;

  request **requests;
  int request_count, request_cap;
  int done_requests;              /* requests[0 .. done_requests) have ended (io_outstanding) */
  op **ops;
  int op_count, op_cap;
  int settled_ops;                /* ops[0 .. settled_ops) have completed or are drain copies (io_first_live_op) */
  kh_heap op_heap;                /* where io_new_op puts operations (freed with the engine) */

  fp_completion default_completion;
  uint32_t default_delay;

  fp_control_desc controls[16];
  int control_count;
  int controls_done;

  timer *timers;
  int timer_count, timer_cap;
  uint32_t timer_seq;
  uint64_t timer_min_due;         /* the earliest due time of the armed timers (UINT64_MAX: none) */
  work_item *queues[2];           /* pending work items per queue (FIFO) */

  tracked *tracked;               /* objects Filter Verifier tracks */
  int tracked_count, tracked_cap;
  rule_state *rules;              /* one per rule in rules.c's table */
  uint32_t pool_allocs;           /* driver pool allocations so far (fault injection) */
  uint32_t work_item_allocs;
  uint64_t statements;            /* driver statements run (a budget of 50 per allowed event) */
  uint64_t statement_limit;       /* that budget (set when the run loop starts) */
  uint32_t step_guard;            /* below this event count the run loop checks no budget (0 once
                                     the run ended or the trace failed) */
  int kernel_code_resident;       /* pageable kernel routines are in memory */
};

/* ---- sim.c ---------------------------------------------------------------------------------- */

/* Adds a thread; returns its id or -1. `process` is the process index. */
int sim_add_thread(engine *e, thread_kind kind, const char *name, int process);

/* Pushes `a` on thread `t` (it starts on the next step of that thread). */
void sim_push(engine *e, thread *t, act *a);

/* Blocks `t` until `ready` says so; `what` describes the wait for the trace (a string
 * constant: it is interned by address). */
act_result sim_block(engine *e, thread *t, wait_ready_fn ready, wait_kind kind, const char *what);

/* Arms a completion DPC for operation `op` at time `due`. */
int sim_arm_timer(engine *e, uint64_t due, int op_id);

/* Changes the IRQL of `t`, recording the change and why (`why` is a string constant). */
void sim_set_irql(engine *e, thread *t, unsigned irql, const char *why);

/* Steps the run until it ends or `budget` more events were recorded (0 = no limit). */
fp_end_reason sim_run(engine *e, uint32_t budget);

/* Releases the threads and every activation still on them (the engine is being freed). */
void sim_release(engine *e);

/* sim_should_yield's slow cases: the statement budget ran out (the run ends; returns 1), or
 * whether a timer is due now. */
int sim_out_of_statements(engine *e, thread *t);
int sim_timer_due(engine *e);

/* For driver code, once per statement: whether it should yield now (quantum over, a DPC due)
 * or the statement budget ran out (then the run has ended). */
static inline int sim_should_yield(engine *e, thread *t) {
  if (++e->statements > e->statement_limit) return sim_out_of_statements(e, t);
  if (t->irql >= 2u /* DISPATCH_LEVEL */) return 0;
  if (e->quantum_left <= 1) { /* the slice is over */
    e->quantum_left = 0;
    return 1;
  }
  e->quantum_left--;
  if (e->timer_min_due > e->time) return 0; /* no timer is due */
  return sim_timer_due(e);
}

/* Whether the run loop's next iteration would simply step the top activation of `t` (the
 * thread running now): no budget reached, no DPC due, the thread neither waiting nor at the
 * end of its quantum. (Only the run loop switches threads and marks a thread finished, so
 * while `t` is being stepped it stays the current thread and unfinished.) */
static inline int sim_next_is(const engine *e, const thread *t) {
  return e->trace.count < e->step_guard /* (0 once the run ended or the trace failed) */ && !t->wait &&
         (t->irql >= 2u /* DISPATCH_LEVEL */ || (e->quantum_left > 0 && e->timer_min_due > e->time));
}

/* After activation `a` of `t` returned `*r` from its step: when the run loop's next
 * iterations would step `a`'s new child and then `a` again with nothing else happening, runs
 * the child's step here (as the run loop would, quantum included) and returns 1: the caller
 * then carries on with its next state (with child_done set if the child finished). Otherwise
 * returns 0 with *r the value the step must return. The trace is the same either way. */
int sim_step_again(engine *e, thread *t, act *a, act_result *r);

/* Ends the run with `reason` (the event describing it must already be recorded). */
act_result sim_stop(engine *e, fp_end_reason reason);

/* Allocates and zeroes an activation of `size` bytes with table `vt`; NULL (and the run
 * stopped) when memory runs out. */
act *sim_new_act(engine *e, const act_vt *vt, size_t size);

/* sim_new_act's answer when memory runs out (the run stops): NULL. */
act *sim_no_act(engine *e);

/* The thread currently running. */
thread *sim_current(engine *e);

/* ---- trace helpers (engine.c) ---------------------------------------------------------------- */

/* Records an event of `kind` in thread `t` (NULL: the thread running now, if any) and returns
 * it for the caller to fill in, or NULL when memory ran out. */
static inline trc_event *eng_event(engine *e, thread *t, trc_kind kind) {
  if (!t && e->thread_count) t = e->threads[e->current];
  uint64_t time = e->time++;
  trc_event *ev = trc_new(&e->trace);
  if (!ev) {
    e->step_guard = 0; /* the trace failed: the run loop ends the run (sim_next_is: nothing is next) */
    return NULL;
  }
  ev->kind = (uint16_t)kind;
  ev->irql = (uint8_t)(t ? t->irql : 0);
  ev->dpc = (uint8_t)(t && t->dpc_depth ? 1 : 0);
  ev->time = time;
  ev->thread = (int16_t)(t ? t->id : -1);
  ev->instance = -1;
  ev->op = -1;
  ev->request = -1;
  ev->a = ev->b = 0;
  ev->x = ev->y = 0;
  ev->str = 0;
  return ev;
}

/* Adds a request (a copy of `d`) to thread `thread`'s script, or as a step of request
 * `parent` (>= 0); returns its id or -1 when memory runs out. */
int eng_add_request(engine *e, int thread, const fp_op_desc *d, int parent);

/* The process id Windows would show for process index `p` (System is 4). */
uint64_t eng_process_id(int p);

/* Stops the run with FP_END_INTERNAL and an event saying what the model cannot do. */
act_result eng_internal(engine *e, thread *t, const char *what);

#endif
