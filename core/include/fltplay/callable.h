/* callable.h: how the engine runs driver code, and what driver code can ask of the kernel.
 *
 * Every driver function (DriverEntry, pre/post-operation callbacks, work routines, ...) is an
 * fp_callable. The engine calls `step` to start it, and again to resume it after it was
 * suspended; an invocation is never resumed on the C stack of another (DESIGN.md: callbacks
 * are resumable). A callable reaches memory and the kernel API only through the fp_kctx it is
 * given, so every access is checked and traced.
 *
 * Ownership: the engine owns fp_invocation; a callable may hang its own state on `state`
 * (allocated with fp_k_alloc) and must release it when it returns or when `abandon` is called. */
#ifndef FLTPLAY_CALLABLE_H
#define FLTPLAY_CALLABLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_kctx fp_kctx;
typedef struct fp_invocation fp_invocation;

/* What a step of a callable did. */
typedef enum fp_step_result {
  FP_STEP_RETURNED,   /* the function returned; its value is in inv->result */
  FP_STEP_SUSPENDED,  /* a kernel call suspended it (fp_k_call said so); resume when woken */
  FP_STEP_YIELDED,    /* it used up its slice; it can go on at once */
  FP_STEP_STOPPED     /* the run stopped (a bug check, a fault, a budget): give up */
} fp_step_result;

/* One invocation of a driver function. */
struct fp_invocation {
  uint32_t function;      /* the function's index in its driver */
  int driver;             /* the driver's id */
  uint32_t argc;
  int resumed;            /* this step resumes after a suspension */
  int pc;                 /* for native callables: where to resume (0 at the start) */
  uint64_t result;        /* the return value (set before FP_STEP_RETURNED) */
  uint64_t resume_value;  /* the result of the kernel call that suspended it */
  void *state;            /* the callable's own state (e.g. VM frames); NULL at the start */
  uint64_t args[8];       /* arguments as the x64 calling convention passes them (0 after argc) */
  uint64_t locals[16];    /* for native callables: values that live across suspensions, not
                             initialised (like a C function's locals) */
};

/* The interface a driver function implements. */
typedef struct fp_callable {
  /* Runs (or resumes) the invocation until it returns, suspends, yields or the run stops. */
  fp_step_result (*step)(const struct fp_callable *self, fp_invocation *inv, fp_kctx *k);
  /* Offers an exception raised in the invocation (e.g. STATUS_ACCESS_VIOLATION); returns 1 if
   * a handler in the function takes it (the next step continues there), 0 if unhandled. May
   * be NULL (never handles). */
  int (*raise)(const struct fp_callable *self, fp_invocation *inv, fp_kctx *k, uint32_t code);
  /* The run ended while the invocation was suspended: release inv->state. May be NULL. */
  void (*abandon)(const struct fp_callable *self, fp_invocation *inv, fp_kctx *k);
  void *user;             /* the implementation's data */
} fp_callable;

/* What a kernel call or memory access did. */
typedef enum fp_kresult {
  FP_K_DONE,       /* completed; the value is in the out parameter */
  FP_K_SUSPEND,    /* the caller must return FP_STEP_SUSPENDED; the value comes as resume_value */
  FP_K_EXCEPTION,  /* an exception was raised and handed to `raise`: handled -> continue at the
                      handler on the next step (return FP_STEP_YIELDED); unhandled -> FP_K_STOP */
  FP_K_STOP        /* the run stopped (e.g. a bug check): return FP_STEP_STOPPED */
} fp_kresult;

/* Calls the kernel routine `name` (e.g. "FltCompletePendedPreOperation") with `argc`
 * arguments; the return value (0 for VOID) goes to *ret on FP_K_DONE. Unknown names stop the
 * run with an internal error. */
fp_kresult fp_k_call(fp_kctx *k, const char *name, const uint64_t *args, uint32_t argc, uint64_t *ret);

/* Calls the kernel routine with index `api` (see fp_k_api_index). */
fp_kresult fp_k_call_index(fp_kctx *k, uint32_t api, const uint64_t *args, uint32_t argc, uint64_t *ret);

/* The index of kernel routine `name`, or -1 if the model does not know it. */
int fp_k_api_index(const char *name);

/* The number of arguments kernel routine `api` takes (-1 for an unknown index). */
int fp_k_api_argc(int api);

/* A source range of a statement (lines and columns from 1). */
typedef struct fp_k_span {
  uint32_t line, col, end_line, end_col;
} fp_k_span;

/* A local variable whose value a statement changed (for the trace). */
typedef struct fp_k_change {
  const char *name;
  uint64_t value;
} fp_k_change;

/* Records that a statement at `span` ran, with the locals it changed (may be 0). */
void fp_k_statement(fp_kctx *k, const fp_k_span *span, const fp_k_change *changes, uint32_t count);

/* Whether the callable should yield now (FP_STEP_YIELDED): its time slice ended or a DPC is
 * due, and the IRQL allows preemption. Call it once per statement; it also counts the step
 * budget and returns 1 (with the run ended) when the budget ran out. */
int fp_k_should_yield(fp_kctx *k);

/* How many statements, from now, fp_k_should_yield would let pass (answer 0) as long as the
 * interpreter calls nothing else of this interface meanwhile (any call may record an event,
 * and time passes with events): an interpreter may count those itself, and must report them
 * with fp_k_spend_statements and drop the rest before it calls anything else or returns its
 * step. */
uint32_t fp_k_statement_credit(fp_kctx *k);

/* Accounts for `n` statements that ran on the credit of fp_k_statement_credit, as `n` calls of
 * fp_k_should_yield that answered 0 would have. */
void fp_k_spend_statements(fp_kctx *k, uint32_t n);

/* Reserves `size` bytes on the thread's simulated kernel stack (24 KB on x64) for locals whose
 * address is taken; returns their address, or 0 when the stack overflows (the run has ended
 * with bug check 0x7F, then return FP_STEP_STOPPED). */
uint64_t fp_k_stack_push(fp_kctx *k, uint32_t size);

/* Releases the last `size` bytes reserved with fp_k_stack_push. */
void fp_k_stack_pop(fp_kctx *k, uint32_t size);

/* Reads `size` (1, 2, 4 or 8) bytes at `address` as the driver's code would. */
fp_kresult fp_k_read(fp_kctx *k, uint64_t address, uint32_t size, uint64_t *value);

/* Writes the low `size` bytes of `value` at `address` as the driver's code would. */
fp_kresult fp_k_write(fp_kctx *k, uint64_t address, uint32_t size, uint64_t value);

/* Copies `size` bytes between simulated memory and the host (bulk access, e.g. strings). */
fp_kresult fp_k_read_bytes(fp_kctx *k, uint64_t address, void *dst, uint32_t size);
fp_kresult fp_k_write_bytes(fp_kctx *k, uint64_t address, const void *src, uint32_t size);

/* The current IRQL. */
unsigned fp_k_irql(const fp_kctx *k);

/* The simulated address of function `index` of the calling driver (0 if none). */
uint64_t fp_k_function_address(const fp_kctx *k, uint32_t index);

/* The simulated address of the calling driver's globals. */
uint64_t fp_k_globals(const fp_kctx *k);

/* Host memory for a callable's own state, from the engine's allocator. */
void *fp_k_alloc(fp_kctx *k, size_t size);
void fp_k_free(fp_kctx *k, void *p);

#ifdef __cplusplus
}
#endif
#endif
