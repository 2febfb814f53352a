/* callback.h: invoking driver code. A callback activation runs one fp_callable invocation on
 * a thread, with the kernel context (fp_kctx) through which it reaches memory and the API. */
#ifndef FP_ENGINE_CALLBACK_H
#define FP_ENGINE_CALLBACK_H

#include "engine/engine_int.h"

/* Why a driver function runs (the trace names it). */
typedef enum cb_role {
  CB_DRIVER_ENTRY,
  CB_UNLOAD,
  CB_INSTANCE_SETUP,
  CB_QUERY_TEARDOWN,
  CB_TEARDOWN_START,
  CB_TEARDOWN_COMPLETE,
  CB_PRE,
  CB_POST,
  CB_WORK_ROUTINE,
  CB_SAFE_POST,
  CB_ROLE_COUNT
} cb_role;

/* The kernel context of a running invocation (fltplay/callable.h's fp_kctx). */
struct fp_kctx {
  engine *e;
  thread *t;
  struct cb_act *cb;
  int suspended;        /* the last kernel call pushed an activation or blocked the thread */
  int blocked;          /* ... and it was a block (the thread waits) */
  uint32_t api;         /* the kernel routine in progress (for API_RETURN) */
  int32_t running;      /* the driver function running now, when the callable says so
                           (kapi_lang_running: a helper it called); -1: the invocation's own */
  int wrote;            /* the driver stored through a pointer or called the kernel since its
                           callback started (else its callback data cannot have changed) */
};

typedef struct cb_act {
  act base;
  fp_invocation inv;
  fp_kctx k;
  int driver;
  const function *fn;
  cb_role role;
  int instance;
  int op;
  unsigned entry_irql;
  int started;
  int api_pending;      /* a kernel routine suspended the invocation */
  uint32_t api;         /* which one */
  int raised_exception; /* an exception is being dispatched */
  int *unchanged;       /* the walk's "nothing changed" flag, set at exit (cb_invoke_shared) */
  const uint8_t *before; /* the operation's callback data and parameters at entry, or as the
                            last kernel routine left them (what the callback changed is what
                            differs at exit): `own`, or the walk's snapshot until a kernel
                            routine changes something */
  uint64_t shared_at;   /* the engine's time when the snapshot was shared */
  uint32_t enter_count; /* the trace's length after callback_enter (any later event: something
                           else may have run) */
  uint8_t own[0x58 + 0x48];
  uint8_t at_call[0x58 + 0x48]; /* the same when the pending kernel routine was called */
} cb_act;

/* The activation table of callback activations. */
extern const act_vt cb_vt;

/* The driver function at `address`, or NULL; `*driver` receives its driver. */
const function *cb_function_at(engine *e, uint64_t address, int *driver_out);

/* Pushes an invocation of the function at `address` on `t`; the caller is stepped again with
 * child_value set to the function's return value. Returns ACT_PUSHED, or ACT_STOP when the
 * call itself faults (no code there, an unloaded driver, pageable code paged out at
 * DISPATCH_LEVEL). */
act_result cb_invoke(engine *e, thread *t, uint64_t address, cb_role role, int inst, int op_id,
                     const uint64_t *args, uint32_t argc);

/* cb_invoke for a pre- or post-operation callback whose operation's callback data and
 * parameters are `snapshot` (CBD_SIZE + IOPB_SIZE bytes, as they are now, kept unchanged by the
 * caller while the callback runs): it serves as the callback's entry state instead of a copy,
 * and *unchanged is set at its exit to whether they are still the same (0 until then). */
act_result cb_invoke_shared(engine *e, thread *t, uint64_t address, cb_role role, int inst, int op_id,
                            const uint64_t *args, uint32_t argc, const uint8_t *snapshot, int *unchanged);

/* A kernel routine is about to run inside callback `c`: remembers the callback data. */
void cb_kernel_enter(engine *e, cb_act *c);

/* A kernel routine that suspended the callback resumed it: what changed meanwhile was done by
 * others (FltCompletePendedPreOperation running the file system, other threads during a wait),
 * so those bytes become the callback's baseline and are not credited to it. Changes a routine
 * makes on the callback's behalf without suspending it (FltSetCallbackDataDirty,
 * FltLockUserBuffer) stay the callback's. */
void cb_kernel_leave(engine *e, cb_act *c);

/* Finds, once per engine, the fields of each arm of FLT_PARAMETERS (fp_engine_new calls it). */
void cb_prepare(engine *e);

/* The scalar FLT_PARAMETERS fields of `major`'s arm (kstruct field ids, in table order);
 * stores the list in *fields and returns how many (0 for a major without parameters). */
uint32_t cb_param_fields(const engine *e, uint8_t major, const uint16_t **fields);

/* The operation's Data->Flags, then the value of each of its parameters (cb_param_fields), as
 * they are now: at most `cap` words in `out`; returns how many. */
uint32_t cb_op_snapshot(engine *e, const op *o, uint64_t *out, uint32_t cap);

/* The trace name of a role. */
const char *cb_role_name(cb_role r);

/* The callback activation running on `t` nearest the top, or NULL. */
cb_act *cb_running(thread *t);

#endif
