/* kapi.h: the kernel routines driver code can call, one table (name, arguments, the highest
 * IRQL Microsoft documents, flags), dispatched by fp_k_call. Each routine is modelled
 * faithfully to its page: its checks, its failures, what it does to the machine. Routines
 * that continue other work in the caller's thread (FltCompletePendedPreOperation, ...) push
 * an activation and suspend the caller until it finishes. */
#ifndef FP_ENGINE_KAPI_H
#define FP_ENGINE_KAPI_H

#include "engine/callback.h"
#include "engine/engine_int.h"
#include "engine/kapi_lang.h"

#define KI_ANY 0xFFu        /* callable at any IRQL */
#define KF_VARARGS 4u       /* takes extra arguments after the fixed ones (DbgPrint) */
#define KF_VOID 1u          /* returns nothing */
#define KF_SELF_CHECK 2u    /* checks its IRQL itself (depends on the arguments or has Verifier codes) */

/* X(name, arguments, highest IRQL, flags) */
#define KAPIS(X)                                                  \
  X(FltRegisterFilter, 3, PASSIVE_LEVEL, 0)                       \
  X(FltStartFiltering, 1, PASSIVE_LEVEL, 0)                       \
  X(FltUnregisterFilter, 1, PASSIVE_LEVEL, KF_VOID)               \
  X(FltCompletePendedPreOperation, 3, DISPATCH_LEVEL, KF_VOID | KF_SELF_CHECK) \
  X(FltCompletePendedPostOperation, 1, DISPATCH_LEVEL, KF_VOID)   \
  X(FltAllocateDeferredIoWorkItem, 0, DISPATCH_LEVEL, 0)          \
  X(FltQueueDeferredIoWorkItem, 5, DISPATCH_LEVEL, 0)             \
  X(FltFreeDeferredIoWorkItem, 1, DISPATCH_LEVEL, KF_VOID)        \
  X(FltDoCompletionProcessingWhenSafe, 6, KI_ANY, 0)              \
  X(FltCancelFileOpen, 2, PASSIVE_LEVEL, KF_VOID)                 \
  X(FltSetCallbackDataDirty, 1, KI_ANY, KF_VOID)                  \
  X(FltClearCallbackDataDirty, 1, KI_ANY, KF_VOID)                \
  X(FltIsCallbackDataDirty, 1, KI_ANY, 0)                         \
  X(FltIsOperationSynchronous, 1, KI_ANY, 0)                      \
  X(FltLockUserBuffer, 1, APC_LEVEL, 0)                           \
  X(FltDecodeParameters, 5, KI_ANY, 0)                            \
  X(FltGetFileNameInformation, 3, APC_LEVEL, 0)                   \
  X(FltParseFileNameInformation, 1, APC_LEVEL, 0)                 \
  X(FltReleaseFileNameInformation, 1, APC_LEVEL, KF_VOID)         \
  X(FltReferenceFileNameInformation, 1, APC_LEVEL, KF_VOID)       \
  X(FltGetRequestorProcess, 1, DISPATCH_LEVEL, 0)                 \
  X(FltGetRequestorProcessId, 1, DISPATCH_LEVEL, 0)               \
  X(ExAllocatePoolWithTag, 3, DISPATCH_LEVEL, KF_SELF_CHECK)      \
  X(ExAllocatePoolZero, 3, DISPATCH_LEVEL, KF_SELF_CHECK)         \
  X(ExAllocatePool2, 3, DISPATCH_LEVEL, KF_SELF_CHECK)            \
  X(ExFreePoolWithTag, 2, DISPATCH_LEVEL, KF_VOID | KF_SELF_CHECK) \
  X(ExFreePool, 1, DISPATCH_LEVEL, KF_VOID | KF_SELF_CHECK)       \
  X(KeGetCurrentIrql, 0, KI_ANY, 0)                               \
  X(KeRaiseIrql, 2, KI_ANY, KF_VOID | KF_SELF_CHECK)              \
  X(KeLowerIrql, 1, KI_ANY, KF_VOID | KF_SELF_CHECK)              \
  X(KeInitializeSpinLock, 1, KI_ANY, KF_VOID)                     \
  X(KeAcquireSpinLock, 2, DISPATCH_LEVEL, KF_VOID | KF_SELF_CHECK) \
  X(KeReleaseSpinLock, 2, DISPATCH_LEVEL, KF_VOID | KF_SELF_CHECK) \
  X(KeInitializeEvent, 3, KI_ANY, KF_VOID)                        \
  X(KeSetEvent, 3, DISPATCH_LEVEL, 0)                             \
  X(KeClearEvent, 1, DISPATCH_LEVEL, KF_VOID)                     \
  X(KeReadStateEvent, 1, DISPATCH_LEVEL, 0)                       \
  X(KeWaitForSingleObject, 5, DISPATCH_LEVEL, KF_SELF_CHECK)      \
  X(ExInitializeFastMutex, 1, DISPATCH_LEVEL, KF_VOID)            \
  X(ExAcquireFastMutex, 1, APC_LEVEL, KF_VOID | KF_SELF_CHECK)    \
  X(ExReleaseFastMutex, 1, APC_LEVEL, KF_VOID | KF_SELF_CHECK)    \
  X(ExInitializeWorkItem, 3, KI_ANY, KF_VOID)                     \
  X(ExQueueWorkItem, 2, DISPATCH_LEVEL, KF_VOID | KF_SELF_CHECK)  \
  X(IoGetTopLevelIrp, 0, DISPATCH_LEVEL, 0)                       \
  X(IoAllocateMdl, 5, DISPATCH_LEVEL, 0)                          \
  X(MmBuildMdlForNonPagedPool, 1, DISPATCH_LEVEL, KF_VOID)        \
  X(MmGetSystemAddressForMdlSafe, 2, DISPATCH_LEVEL, 0)           \
  X(IoFreeMdl, 1, DISPATCH_LEVEL, KF_VOID)                        \
  X(ProbeForRead, 3, APC_LEVEL, KF_VOID)                          \
  X(ProbeForWrite, 3, APC_LEVEL, KF_VOID)                         \
  X(RtlInitUnicodeString, 2, DISPATCH_LEVEL, KF_VOID)             \
  X(RtlCompareUnicodeString, 3, PASSIVE_LEVEL, 0)                 \
  X(RtlEqualUnicodeString, 3, PASSIVE_LEVEL, 0)                   \
  X(PsGetCurrentProcessId, 0, KI_ANY, 0)                          \
  X(PsGetCurrentThreadId, 0, KI_ANY, 0)                           \
  X(PsGetCurrentThread, 0, KI_ANY, 0)                             \
  X(IoGetCurrentProcess, 0, KI_ANY, 0)                            \
  KAPIS_LANG(X)

typedef enum kapi_id {
#define X(name, argc, irql, flags) KAPI_##name,
  KAPIS(X)
#undef X
  KAPI_COUNT
} kapi_id;

typedef enum kapi_result {
  KAPI_DONE,       /* the value is in c->ret */
  KAPI_PUSHED,     /* an activation was pushed; its value is the routine's result */
  KAPI_BLOCKED,    /* the thread waits; t->wait_value is the result when it wakes */
  KAPI_STOP,       /* the run ended */
  KAPI_EXCEPTION   /* an exception was raised into the caller and its handler took it */
} kapi_result;

/* One call in progress. */
typedef struct kapi_call {
  engine *e;
  thread *t;
  cb_act *cb;         /* the calling invocation */
  const uint64_t *args;
  uint32_t argc;
  uint64_t ret;
} kapi_call;

#define X(name, argc, irql, flags) kapi_result kapi_##name(kapi_call *c);
KAPIS(X)
#undef X

/* The name of routine `api`. */
const char *kapi_name(uint32_t api);

/* The simulated address of a kernel routine (for fault parameters). */
uint64_t kapi_address(uint32_t api);

/* Records the API_RETURN of a routine that suspended its caller. */
void kapi_returned(engine *e, thread *t, uint32_t api, uint64_t value);

/* The Filter Verifier / API-1 check of `api` at the current IRQL when it is above `max`;
 * RULE_STOP when the run ended. For routines with KF_SELF_CHECK. */
int kapi_irql_check(kapi_call *c, uint32_t api, unsigned max);

/* A continuation activation for routines that must finish after the work they pushed: calls
 * `after` once the child it wraps finished; `after` sets a->value and returns ACT_DONE. */
typedef struct api_act {
  act base;
  act_result (*after)(engine *e, thread *t, struct api_act *a);
  uint64_t data[6];
  int started;
} api_act;

/* Pushes an api_act on `t`; the caller then pushes the child on top of it. NULL when memory
 * runs out (the run stopped). */
api_act *kapi_push_continuation(engine *e, thread *t, act_result (*after)(engine *, thread *, api_act *));

/* Reads/writes driver-visible memory as a kernel routine acting for the driver. */
kapi_result kapi_read(kapi_call *c, uint64_t address, void *buf, uint32_t n);
kapi_result kapi_write(kapi_call *c, uint64_t address, const void *buf, uint32_t n);

#endif
