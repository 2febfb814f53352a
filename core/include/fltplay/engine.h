/* engine.h: the Filter Manager engine: a deterministic model of a Windows machine (threads,
 * IRQL, DPCs, worker threads), the I/O manager, a file system and the Filter Manager, which
 * turns a stack of minifilters and the applications' I/O into a complete, replayable trace.
 *
 * A host builds a scenario (files, drivers, threads and their operations, control actions),
 * then runs it in slices with fp_engine_run until it ends, then reads the trace.
 * Driver functions are fp_callable implementations: native C (tests) or the driver-language
 * VM; both go through the resumable interface in fltplay/callable.h.
 *
 * Ownership: fp_engine_new returns an engine freed with fp_engine_free. Strings passed in are
 * copied. Strings returned by fp_engine_trace_json are freed with fp_string_free. */
#ifndef FLTPLAY_ENGINE_H
#define FLTPLAY_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "fltplay/callable.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_engine fp_engine;

/* Status codes at the engine's boundary. */
typedef enum fp_status {
  FP_OK = 0,
  FP_ERR_ARGUMENT,     /* NULL, out of range or inconsistent argument (see the diagnostic) */
  FP_ERR_STATE,        /* the call is not allowed now (e.g. adding files after the run started) */
  FP_ERR_NO_MEMORY,    /* an allocation failed; the engine is still consistent */
  FP_ERR_LIMIT         /* a documented limit was reached (threads, filters, operations) */
} fp_status;

/* Driver Verifier's answer to a Filter Verifier prompt ("Break, ignore, zap or remove?"). */
typedef enum fp_verifier_answer {
  FP_VERIFIER_BREAK = 0,   /* stop the run (the default) */
  FP_VERIFIER_IGNORE,      /* go on; the next occurrence stops again */
  FP_VERIFIER_ZAP,         /* go on; later occurrences are reported but do not stop */
  FP_VERIFIER_REMOVE       /* go on; later occurrences are silent */
} fp_verifier_answer;

/* Options of one run. Zero-initialise, then set what differs from the defaults. */
typedef struct fp_engine_config {
  uint64_t seed;                 /* varies the quantum, completion delays and where DPCs land */
  int verifier;                  /* Driver Verifier (with Filter Verifier and special pool) on */
  int memory_pressure;           /* page out pageable memory before every DISPATCH_LEVEL callback */
  int force_irql_checking;       /* Verifier's "force IRQL checking": trim pageable memory when the
                                    verified driver raises to DISPATCH_LEVEL or takes a spin lock */
  uint32_t quantum;              /* statements/events per time slice (0 = 40, varied by the seed) */
  uint32_t max_events;           /* event budget (0 = 200000): the run ends with a budget event */
  uint32_t max_pool_bytes;       /* the pool size Windows has (0 = 64 MiB); beyond it allocations fail */
  uint32_t fail_pool_allocation; /* 0 = never; N = the Nth pool allocation by a driver fails */
  uint32_t fail_work_item_allocation; /* 0 = never; N = the Nth FltAllocate*WorkItem fails */
  uint32_t worker_threads;       /* system worker threads per queue (0 = 1) */
} fp_engine_config;

/* Creates an engine; NULL when memory runs out. Caller frees with fp_engine_free. */
fp_engine *fp_engine_new(const fp_engine_config *config);

/* Releases the engine and everything it holds; NULL is allowed. */
void fp_engine_free(fp_engine *e);

/* The last error's diagnostic text (English), or "" when the last call succeeded. Owned by `e`. */
const char *fp_engine_error(const fp_engine *e);

/* The number of rule IDs of the catalogue the engine knows (../shared/reference). */
size_t fp_rule_count(void);

/* Rule ID `i` (e.g. "PRE-COMPLETE-2"), or NULL when out of range. */
const char *fp_rule_id_at(size_t i);

/* 1 when `id` is a rule ID of the catalogue, else 0. */
int fp_rule_exists(const char *id);

/* What the engine knows of one rule. */
typedef struct fp_rule_info {
  const char *id;       /* "PRE-COMPLETE-2" */
  const char *kind;     /* "bugcheck", "verifier", "not_settled", "lint", "hang" or "behaviour" */
  const char *label;    /* the display label of a [not settled] rule or Verifier error, else the ID */
  char link[192];       /* the Microsoft Learn page the rule comes from */
} fp_rule_info;

/* Fills *out for rule `id`; returns 0 when there is no such rule. */
int fp_rule_info_get(const char *id, fp_rule_info *out);

/* The IRP_MJ_* codes driver `drv` registered callbacks for (FltRegisterFilter's
 * OperationRegistration), in registration order: stores at most `cap` in `out` and returns how
 * many there are (0 before the driver registered). */
size_t fp_engine_registered_majors(const fp_engine *e, int drv, uint8_t *out, size_t cap);

/* Sets the answer to Filter Verifier prompts for one rule ID (e.g. "PRE-GEN-4"). */
fp_status fp_engine_set_verifier_answer(fp_engine *e, const char *rule, fp_verifier_answer answer);

/* ---- The volume and its files ---------------------------------------------------------- */

/* Flags of a file. */
enum {
  FP_FILE_READONLY = 1u << 0,   /* FILE_ATTRIBUTE_READONLY: opening for write is denied */
  FP_FILE_NOT_CACHED = 1u << 1, /* caching is not initialised: fast I/O is refused */
  FP_FILE_DIRECTORY = 1u << 2
};

/* Adds a file (a path from the volume root such as "\\docs\\a.txt") with its contents. */
fp_status fp_engine_add_file(fp_engine *e, const char *path, const void *data, size_t size, unsigned flags);

/* ---- Drivers ------------------------------------------------------------------------------ */

/* Function flags. */
enum {
  FP_FUNC_PAGEABLE = 1u << 0   /* #pragma alloc_text(PAGE, F): the code can be paged out */
};

/* One function of a driver image. */
typedef struct fp_function_desc {
  const char *name;
  const fp_callable *callable;
  unsigned flags;
} fp_function_desc;

/* A driver: its image (functions and globals), DriverEntry and where its instance goes. */
typedef struct fp_driver_desc {
  const char *name;              /* service name, e.g. "Scanner" */
  const char *altitude;          /* decimal string, e.g. "385100" or "385100.5" */
  const fp_function_desc *functions;
  size_t function_count;
  size_t driver_entry;           /* index of DriverEntry in `functions` */
  size_t globals_size;           /* bytes of the image's data section (zero-filled; a host
                                    writes initial values with fp_engine_poke before the run) */
  unsigned globals_flags;        /* FP_FUNC_PAGEABLE: the data section is pageable */
} fp_driver_desc;

/* Adds a driver; its id (from 0) is stored in *id. */
fp_status fp_engine_add_driver(fp_engine *e, const fp_driver_desc *d, int *id);

/* The simulated address of function `index` of driver `driver` (0 if there is none). */
uint64_t fp_engine_function_address(const fp_engine *e, int drv, size_t index);

/* The simulated address of the driver's globals (0 if there is none). */
uint64_t fp_engine_globals_address(const fp_engine *e, int drv);

/* Writes `size` bytes at simulated `address` before the run starts (e.g. a driver's initial
 * globals, with function addresses from fp_engine_function_address). */
fp_status fp_engine_poke(fp_engine *e, uint64_t address, const void *data, size_t size);

/* ---- Applications ------------------------------------------------------------------------- */

/* Adds an application thread (in its own process unless `process` names an existing one). */
fp_status fp_engine_add_thread(fp_engine *e, const char *name, const char *process, int *id);

/* What an application operation does. */
typedef enum fp_op_kind {
  FP_OP_CREATE,        /* NtCreateFile: path, access, share, disposition, options -> handle */
  FP_OP_READ,          /* NtReadFile on a handle */
  FP_OP_WRITE,         /* NtWriteFile on a handle */
  FP_OP_QUERY_INFO,    /* NtQueryInformationFile (basic or standard) */
  FP_OP_SET_INFO,      /* NtSetInformationFile (basic) */
  FP_OP_QUERY_OPEN,    /* a query without an open (IRP_MJ_QUERY_OPEN, e.g. GetFileAttributes) */
  FP_OP_CLEANUP,       /* the last handle is closed: IRP_MJ_CLEANUP */
  FP_OP_CLOSE,         /* the last reference goes: IRP_MJ_CLOSE */
  FP_OP_CLOSE_HANDLE,  /* NtClose: cleanup, then close */
  FP_OP_WAIT,          /* wait for an earlier asynchronous operation of this thread */
  FP_OP_SLEEP,         /* let time pass */
  FP_OP_KIND_COUNT
} fp_op_kind;

/* How the I/O travels. */
typedef enum fp_io_path {
  FP_IO_IRP = 0,       /* an IRP */
  FP_IO_FAST,          /* fast I/O first; the I/O manager retries as an IRP if it is refused */
  FP_IO_PAGING         /* paging I/O (read: a page fault in this thread, at APC_LEVEL) */
} fp_io_path;

/* How the file system completes an IRP. */
typedef enum fp_completion {
  FP_COMPLETE_DEFAULT = 0, /* the scenario's default (inline unless fp_engine_set_completion) */
  FP_COMPLETE_INLINE,      /* completes in the dispatch routine, at the caller's IRQL and thread */
  FP_COMPLETE_PENDING      /* returns STATUS_PENDING; a DPC completes it at DISPATCH_LEVEL later */
} fp_completion;

/* One application operation. Fields not used by the kind are ignored. */
typedef struct fp_op_desc {
  fp_op_kind kind;
  const char *path;            /* CREATE, QUERY_OPEN */
  const char *handle;          /* the handle's name: CREATE stores it, the others use it */
  uint32_t desired_access;     /* CREATE */
  uint32_t share_access;       /* CREATE */
  uint32_t disposition;        /* CREATE: FILE_OPEN, FILE_CREATE, FILE_OPEN_IF, FILE_OVERWRITE(_IF), FILE_SUPERSEDE */
  uint32_t options;            /* CREATE: FILE_SYNCHRONOUS_IO_NONALERT, FILE_NO_INTERMEDIATE_BUFFERING, ... */
  uint64_t offset;             /* READ, WRITE */
  uint32_t length;             /* READ, WRITE, QUERY_INFO, SET_INFO */
  const void *data;            /* WRITE: the bytes; SET_INFO: the FILE_BASIC_INFORMATION */
  uint32_t info_class;         /* QUERY_INFO, SET_INFO, QUERY_OPEN */
  fp_io_path io;               /* READ, WRITE */
  fp_completion completion;    /* how the file system completes this operation */
  uint32_t delay;              /* ticks until a pending completion (0 = the default) */
  int top_level_irp;           /* issue with IoGetTopLevelIrp() != NULL (recursive I/O) */
  int wait_for;                /* WAIT: the index of the operation in this thread's list */
  uint32_t ticks;              /* SLEEP */
} fp_op_desc;

/* The most operations one application thread's script holds. */
#define FP_ENGINE_MAX_THREAD_OPS 1000000

/* Appends an operation to a thread's script; its index in the script goes to *index. */
fp_status fp_engine_add_op(fp_engine *e, int thread_id, const fp_op_desc *desc, int *index);

/* The default completion mode and delay for operations that do not set theirs. */
fp_status fp_engine_set_completion(fp_engine *e, fp_completion mode, uint32_t delay);

/* ---- Control actions (run by the system thread) ------------------------------------------ */

typedef enum fp_control_kind {
  FP_CONTROL_UNLOAD,   /* FltUnloadFilter / "fltmc unload": the filter's unload callback, then teardown */
  FP_CONTROL_DETACH    /* FltDetachVolume / "fltmc detach": manual instance teardown */
} fp_control_kind;

/* When a control action happens: when thread `thread`'s operation `op` has been started
 * (it is then in flight), or at `time` if thread is -1. */
typedef struct fp_control_desc {
  fp_control_kind kind;
  int driver;
  int thread;
  int op;
  uint64_t time;
} fp_control_desc;

/* Adds a control action. */
fp_status fp_engine_add_control(fp_engine *e, const fp_control_desc *c);

/* ---- Running ----------------------------------------------------------------------------- */

/* Why a run ended. */
typedef enum fp_end_reason {
  FP_END_NONE = 0,        /* still running */
  FP_END_COMPLETED,       /* every operation finished */
  FP_END_BUGCHECK,        /* the system stopped with a bug check */
  FP_END_VERIFIER,        /* Driver Verifier broke in (a Filter Verifier error or a rule) */
  FP_END_HANG,            /* nothing can run and something is outstanding */
  FP_END_BUDGET,          /* the playground's event budget ran out */
  FP_END_INTERNAL         /* the model cannot continue (described in the trace) */
} fp_end_reason;

/* Runs at most `max_events` more events (0 = until the end); returns the end reason, or
 * FP_END_NONE while the run goes on. */
fp_end_reason fp_engine_run(fp_engine *e, uint32_t max_events);

/* The number of trace events so far. */
uint32_t fp_engine_event_count(const fp_engine *e);

/* The number of trace events of kind `kind` (its JSON name: "violation", "lint",
 * "memory_warning", "bugcheck", ...) so far; 0 for an unknown kind. */
uint32_t fp_engine_count_events(const fp_engine *e, const char *kind);

/* The trace as JSON (docs/trace-format.md): the whole trace when `first` is 0 and `count` is
 * 0, the whole trace without its events (header and end) when `first` is UINT32_MAX, or
 * events [first, first + count) wrapped as a chunk. Caller frees with fp_string_free. */
char *fp_engine_trace_json(const fp_engine *e, uint32_t first, uint32_t count);

/* The trace as a readable log, one event per line with time, thread and IRQL, callbacks
 * indented by depth. Caller frees with fp_string_free. */
char *fp_engine_trace_text(const fp_engine *e);

#ifdef __cplusplus
}
#endif
#endif
