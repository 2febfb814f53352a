/* kapi_lang.h: kernel routines added for the driver language (DbgPrint, the string helpers
 * and KeQuerySystemTime the engine's first wave lacked), listed here so their file (kapi_lang.c) stays
 * separate: X(name, arguments, highest IRQL, flags), as in kapi.h. And the few services the
 * language's VM needs from the engine beyond fltplay/callable.h (docs/language-engine-needs.md
 * asks for them there): raising an exception in the driver's code, checking that pageable
 * code it calls directly is resident, calling through a bad pointer, ending a run on a budget
 * and a fast-fail check. */
#ifndef FP_ENGINE_KAPI_LANG_H
#define FP_ENGINE_KAPI_LANG_H

#include <stdint.h>

#include "fltplay/callable.h"

#define KAPIS_LANG(X)                                              \
  X(DbgPrint, 1, KI_ANY, KF_VARARGS)                               \
  X(DbgPrintEx, 3, KI_ANY, KF_VARARGS)                             \
  X(vDbgPrintEx, 4, KI_ANY, 0)                                     \
  X(vDbgPrintExWithPrefix, 5, KI_ANY, 0)                           \
  X(RtlCopyUnicodeString, 2, DISPATCH_LEVEL, KF_VOID)              \
  X(RtlPrefixUnicodeString, 3, PASSIVE_LEVEL, 0)                   \
  X(RtlAppendUnicodeStringToString, 2, DISPATCH_LEVEL, 0)          \
  X(RtlAppendUnicodeToString, 2, DISPATCH_LEVEL, 0)                \
  X(RtlUpcaseUnicodeChar, 1, PASSIVE_LEVEL, 0)                     \
  X(RtlInitAnsiString, 2, DISPATCH_LEVEL, KF_VOID)                 \
  X(RtlInitString, 2, DISPATCH_LEVEL, KF_VOID)                     \
  X(RtlUnicodeStringToInteger, 3, PASSIVE_LEVEL, 0)                \
  X(RtlIntegerToUnicodeString, 3, PASSIVE_LEVEL, 0)                \
  X(KeQuerySystemTime, 1, KI_ANY, KF_VOID)

/* The driver function (its index) running now in the invocation of `k`, -1 for the
 * invocation's own: faults name it (the VM says so when it calls and returns). */
void kapi_lang_running(fp_kctx *k, int32_t index);

/* The simulated address space and the process of the thread running in `k`: the VM's loads
 * and stores try km_peek on them first, as fp_k_read and fp_k_write do, and call those when
 * it answers NULL (both stay the same for a whole step of an invocation). */
struct km_space *kapi_lang_space(const fp_kctx *k);
uint32_t kapi_lang_process(const fp_kctx *k);

/* The flag the VM sets when it stores through a pointer: the callback data may have changed
 * (the engine compares it after the callback only then, or after a kernel call). */
int *kapi_lang_store_flag(fp_kctx *k);

/* Raises exception `code` (STATUS_INTEGER_DIVIDE_BY_ZERO, STATUS_ASSERTION_FAILURE, ...) in
 * the driver code running in `k`, as the processor or RtlRaiseStatus would: FP_K_EXCEPTION
 * when a handler took it, FP_K_STOP when it ended the run (0x1E / 0x7E). */
fp_kresult kapi_lang_raise(fp_kctx *k, uint32_t code);

/* The driver's code is about to run code at `address` directly (a call the VM makes itself):
 * paged-out pageable code at DISPATCH_LEVEL faults (0xD1, execute). */
fp_kresult kapi_lang_execute(fp_kctx *k, uint64_t address);

/* A call through `address`, which is no function of the driver: an access violation the
 * driver may catch (a user address at IRQL <= APC_LEVEL) or the bug check Windows raises. */
fp_kresult kapi_lang_bad_call(fp_kctx *k, uint64_t address);

/* Ends the run on a playground budget with a RUN_END event saying `what`. */
void kapi_lang_budget(fp_kctx *k, const char *what);

/* __fastfail(code) (a corrupted LIST_ENTRY is code 3): bug check 0x139. */
fp_kresult kapi_lang_fastfail(fp_kctx *k, uint32_t code);

#endif
