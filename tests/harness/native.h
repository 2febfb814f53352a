/* native.h: driver functions written in C for the engine's tests.
 *
 * The engine calls driver code through the resumable fp_callable interface; a native test
 * callback is a small protothread: every kernel call may suspend it (a nested walk, a wait),
 * and the next step resumes right after the call. Values that must live across a call go in
 * inv->locals[0..13]; N_RET holds the last call's result.
 *
 *   static NATIVE(pre_pend) {
 *     N_BEGIN;
 *     N_CALL0("FltAllocateDeferredIoWorkItem");
 *     inv->locals[0] = N_RET;
 *     N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(5), DelayedWorkQueue, 0);
 *     N_RETURN(FLT_PREOP_PENDING);
 *     N_END;
 *   }
 *
 * ARG(i) is the function's i-th argument, FN(i) the address of the driver's function i,
 * GLOBALS the address of its globals. */
#ifndef FLTPLAY_TEST_NATIVE_H
#define FLTPLAY_TEST_NATIVE_H

#include <stdint.h>

#include "fltplay/callable.h"

typedef fp_step_result (*native_fn)(fp_invocation *inv, fp_kctx *k);

#define NATIVE(name) fp_step_result name(fp_invocation *inv, fp_kctx *k)

#define N_RET (inv->locals[15])
#define ARG(i) (inv->args[i])
#define FN(i) fp_k_function_address(k, (i))
#define GLOBALS fp_k_globals(k)

#define N_BEGIN \
  switch (inv->pc) { \
  case 0:

#define N_END \
  }       \
  return FP_STEP_STOPPED

#define N_RETURN(v)        \
  do {                     \
    inv->result = (uint64_t)(v); \
    return FP_STEP_RETURNED; \
  } while (0)

/* Handles the outcome of a kernel call or access. */
#define N_CHECK_(r)                                   \
  do {                                                \
    if ((r) == FP_K_SUSPEND) return FP_STEP_SUSPENDED; \
    if ((r) != FP_K_DONE) return FP_STEP_STOPPED;      \
  } while (0)

#define N_RESUME_                          \
  __attribute__((fallthrough));            \
  case __LINE__:                           \
  if (inv->resumed) {                      \
    N_RET = inv->resume_value;             \
    inv->resumed = 0;                      \
  }

#define N_CALL(name, ...)                                                              \
  inv->pc = __LINE__;                                                                  \
  {                                                                                    \
    const uint64_t a_[] = { __VA_ARGS__ };                                             \
    fp_kresult r_ = fp_k_call(k, (name), a_, (uint32_t)(sizeof a_ / sizeof a_[0]), &N_RET); \
    N_CHECK_(r_);                                                                      \
  }                                                                                    \
  N_RESUME_

#define N_CALL0(name)                                          \
  inv->pc = __LINE__;                                          \
  {                                                            \
    fp_kresult r_ = fp_k_call(k, (name), NULL, 0, &N_RET);     \
    N_CHECK_(r_);                                              \
  }                                                            \
  N_RESUME_

/* Reads `size` bytes at `addr` into N_RET as driver code (faults end the step). */
#define N_READ(addr, size)                                    \
  do {                                                        \
    fp_kresult r_ = fp_k_read(k, (addr), (size), &N_RET);     \
    if (r_ != FP_K_DONE) return FP_STEP_STOPPED;              \
  } while (0)

/* Writes `value` (`size` bytes) at `addr` as driver code. */
#define N_WRITE(addr, size, value)                                      \
  do {                                                                  \
    fp_kresult r_ = fp_k_write(k, (addr), (size), (uint64_t)(value));   \
    if (r_ != FP_K_DONE) return FP_STEP_STOPPED;                        \
  } while (0)

/* An fp_callable running a native function. */
fp_callable native_callable(native_fn fn);

#endif
