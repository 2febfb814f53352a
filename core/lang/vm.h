/* vm.h: the VM behind every driver function of a program: the fp_callable interface of
 * fltplay/callable.h. An invocation's state (vm_state: frames and registers) lives in
 * inv->state from its first step to its return; nested driver calls are frames of that
 * state, never C recursion. A kernel call that suspends saves the frame's place, and the
 * engine's next step resumes there with the call's value; the VM yields at a statement when
 * fp_k_should_yield says so. Exceptions raised in the invocation are offered to its
 * __except filters (vm_raise); the next step runs the __finally blocks on the way and
 * continues in the handler. Intrinsics live in vm_intrinsic.c. */
#ifndef FP_LANG_VM_H
#define FP_LANG_VM_H

#include "lang/code.h"

#define VM_FIN 16                 /* nested __finally invocations per frame */

typedef struct vm_frame {
  const vm_func *fn;
  uint32_t pc;                    /* the next instruction (while not running) */
  uint32_t base;                  /* the register window's first register */
  uint32_t ret;                   /* where the result goes (an absolute register), or VM_NONE */
  uint32_t nargs;                 /* the arguments it was called with (those after '...' too) */
  uint64_t fbase;                 /* the frame on the kernel stack */
  uint32_t fsize;                 /* bytes reserved there */
  uint32_t shadow;                /* the first of its locals' slots for statement events */
  int32_t prev_stmt;              /* the statement that ran before (statement events), or -1 */
  uint8_t nfin;
  uint8_t filter;                 /* an __except filter running on another frame's registers */
  uint8_t fin_abn[VM_FIN];
  uint32_t fin[VM_FIN];           /* where each running __finally returns (VM_NONE: unwinding) */
} vm_frame;

#define VM_NONE 0xFFFFFFFFu
#define VM_INLINE_FRAMES 4        /* frames and registers most invocations need, in the state itself */
#define VM_INLINE_REGS 96

typedef struct vm_state {
  const fp_program *prog;
  vm_frame *frames;
  uint32_t nframes, fcap;
  uint64_t *regs;
  uint32_t rcap;
  uint64_t *shadow;               /* statement events: the last value shown per local */
  uint8_t *seen;
  uint32_t scap, stop;
  uint64_t gbase;                 /* the driver's globals */
  size_t bytes;                   /* host memory held (budget) */
  uint32_t cur_pc;                /* the instruction running (for exceptions) */
  uint32_t pending_reg;           /* a suspended kernel call's destination */
  uint8_t pending_norm, pending;
  uint8_t skip_yield;             /* resumed at a statement after yielding there */
  uint32_t credit;                /* statements that could pass without asking (fp_k_statement_credit) */
  uint32_t left;                  /* ... and those of them not run yet */
  uint8_t unwinding, unwind_first;
  int32_t unwind_try;
  uint32_t target_frame;
  int32_t target_try;
  uint32_t fault_pc;
  uint32_t exception_code;
  int in_filter;
  int32_t filter_result;
  vm_frame inline_frames[VM_INLINE_FRAMES];
  uint64_t inline_regs[VM_INLINE_REGS];
} vm_state;

fp_step_result vm_step(const fp_callable *self, fp_invocation *inv, fp_kctx *k);
int vm_raise(const fp_callable *self, fp_invocation *inv, fp_kctx *k, uint32_t code);
void vm_abandon(const fp_callable *self, fp_invocation *inv, fp_kctx *k);

/* Runs intrinsic `id` with `argc` arguments from `args`; the result in *out. */
fp_kresult vm_intrinsic(vm_state *s, fp_kctx *k, int id, const uint64_t *args, uint32_t argc, uint64_t *out);

/* Copies or zeroes `n` bytes of simulated memory as the driver's code. */
fp_kresult vm_copy(fp_kctx *k, uint64_t dst, uint64_t src, uint64_t n);
fp_kresult vm_zero(fp_kctx *k, uint64_t dst, uint64_t n, uint8_t fill);

#endif
