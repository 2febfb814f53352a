/* intrinsic.h: routines the compiler turns into VM instructions instead of kernel calls:
 * memory copies and comparisons (RtlCopyMemory is memcpy), the Interlocked family, list
 * helpers, exception codes and assertions. Their memory accesses are the driver's own (a
 * fault at DISPATCH_LEVEL is 0xD1, not 0xA). X(id, name, arguments). */
#ifndef FP_LANG_INTRINSIC_H
#define FP_LANG_INTRINSIC_H

#define IN_LIST(X)                                                   \
  X(MEMCPY, "memcpy", 3) X(MEMMOVE, "memmove", 3) X(MEMSET, "memset", 3) \
  X(MEMCMP, "memcmp", 3) X(STRLEN, "strlen", 1) X(WCSLEN, "wcslen", 1)    \
  X(RTL_COMPARE_MEMORY, "RtlCompareMemory", 3)                       \
  X(INC32, "InterlockedIncrement", 1) X(DEC32, "InterlockedDecrement", 1) \
  X(XCHG32, "InterlockedExchange", 2) X(XADD32, "InterlockedExchangeAdd", 2) \
  X(ADD32, "InterlockedAdd", 2) X(CMPXCHG32, "InterlockedCompareExchange", 3) \
  X(AND32, "InterlockedAnd", 2) X(OR32, "InterlockedOr", 2) X(XOR32, "InterlockedXor", 2) \
  X(INC64, "InterlockedIncrement64", 1) X(DEC64, "InterlockedDecrement64", 1) \
  X(XCHG64, "InterlockedExchange64", 2) X(XADD64, "InterlockedExchangeAdd64", 2) \
  X(ADD64, "InterlockedAdd64", 2) X(CMPXCHG64, "InterlockedCompareExchange64", 3) \
  X(AND64, "InterlockedAnd64", 2) X(OR64, "InterlockedOr64", 2) X(XOR64, "InterlockedXor64", 2) \
  X(XCHGPTR, "InterlockedExchangePointer", 2) X(CMPXCHGPTR, "InterlockedCompareExchangePointer", 3) \
  X(LIST_INIT, "InitializeListHead", 1) X(LIST_EMPTY, "IsListEmpty", 1)     \
  X(LIST_INSERT_HEAD, "InsertHeadList", 2) X(LIST_INSERT_TAIL, "InsertTailList", 2) \
  X(LIST_REMOVE, "RemoveEntryList", 1) X(LIST_REMOVE_HEAD, "RemoveHeadList", 1) \
  X(LIST_REMOVE_TAIL, "RemoveTailList", 1)                              \
  X(EXCEPTION_CODE, "_exception_code", 0) X(ABNORMAL, "_abnormal_termination", 0) \
  X(ASSERT, "__fp_assert", 3)

typedef enum in_id {
#define X(id, name, argc) IN_##id,
  IN_LIST(X)
#undef X
  IN_COUNT
} in_id;

/* The intrinsic named `name`, or -1. */
int in_intrinsic_id(const char *name);

/* Its name and argument count. */
const char *in_name(int id);
int in_argc(int id);

#endif
