/* nt_bugcheck.h: the bug checks the simulator can raise, under their bugcodes.h names, with
 * what Microsoft's bug-check reference documents for their parameters.
 *
 * A code is a uint32_t (the WDK's ULONG BugCheckCode); parameters are 64-bit on x64. Where
 * Microsoft documents no meaning for a parameter, the table has NULL for it, never a guess.
 * docs/bugchecks.md explains each code, its reference page and when the simulator raises it. */
#ifndef FP_NT_NT_BUGCHECK_H
#define FP_NT_NT_BUGCHECK_H

#include <stddef.h>
#include <stdint.h>

#define APC_INDEX_MISMATCH                                    ((uint32_t)0x00000001u)
#define IRQL_NOT_GREATER_OR_EQUAL                             ((uint32_t)0x00000009u)
#define IRQL_NOT_LESS_OR_EQUAL                                ((uint32_t)0x0000000Au)
#define KMODE_EXCEPTION_NOT_HANDLED                           ((uint32_t)0x0000001Eu)
#define IRQL_GT_ZERO_AT_SYSTEM_SERVICE                        ((uint32_t)0x0000004Au)
#define PAGE_FAULT_IN_NONPAGED_AREA                           ((uint32_t)0x00000050u)
#define SYSTEM_THREAD_EXCEPTION_NOT_HANDLED                   ((uint32_t)0x0000007Eu)
#define UNEXPECTED_KERNEL_MODE_TRAP                           ((uint32_t)0x0000007Fu)
#define BAD_POOL_CALLER                                       ((uint32_t)0x000000C2u)
#define DRIVER_VERIFIER_DETECTED_VIOLATION                    ((uint32_t)0x000000C4u)
#define TIMER_OR_DPC_INVALID                                  ((uint32_t)0x000000C7u)
#define IRQL_UNEXPECTED_VALUE                                 ((uint32_t)0x000000C8u)
#define DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS                   ((uint32_t)0x000000CBu)
#define ATTEMPTED_SWITCH_FROM_DPC                             ((uint32_t)0x000000B8u)
#define DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS ((uint32_t)0x000000CEu)
#define DRIVER_IRQL_NOT_LESS_OR_EQUAL                         ((uint32_t)0x000000D1u)
#define DRIVER_PORTION_MUST_BE_NONPAGED                       ((uint32_t)0x000000D3u)
#define DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL               ((uint32_t)0x000000D5u)
#define DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION            ((uint32_t)0x000000D6u)
#define WORKER_THREAD_RETURNED_AT_BAD_IRQL                    ((uint32_t)0x000000E1u)
#define FLTMGR_FILE_SYSTEM                                    ((uint32_t)0x000000F5u)
#define DPC_WATCHDOG_VIOLATION                                ((uint32_t)0x00000133u)

/* Every bug check above, in ascending order (the table of nt_bugcheck.c follows it). */
#define FP_NT_BUGCHECK_LIST(X)                                                                \
  X(APC_INDEX_MISMATCH) X(IRQL_NOT_GREATER_OR_EQUAL) X(IRQL_NOT_LESS_OR_EQUAL)                \
  X(KMODE_EXCEPTION_NOT_HANDLED) X(IRQL_GT_ZERO_AT_SYSTEM_SERVICE)                            \
  X(PAGE_FAULT_IN_NONPAGED_AREA) X(SYSTEM_THREAD_EXCEPTION_NOT_HANDLED)                       \
  X(UNEXPECTED_KERNEL_MODE_TRAP) X(BAD_POOL_CALLER) X(DRIVER_VERIFIER_DETECTED_VIOLATION)     \
  X(TIMER_OR_DPC_INVALID) X(IRQL_UNEXPECTED_VALUE) X(DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS)     \
  X(ATTEMPTED_SWITCH_FROM_DPC) X(DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS) X(DRIVER_IRQL_NOT_LESS_OR_EQUAL)   \
  X(DRIVER_PORTION_MUST_BE_NONPAGED) X(DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL)               \
  X(DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION) X(WORKER_THREAD_RETURNED_AT_BAD_IRQL)         \
  X(FLTMGR_FILE_SYSTEM) X(DPC_WATCHDOG_VIOLATION)

/* UNEXPECTED_KERNEL_MODE_TRAP P1: a double fault, which a kernel stack overflow causes. */
#define FP_TRAP_DOUBLE_FAULT ((uint64_t)0x8u)

/* BAD_POOL_CALLER P1 subcodes (named by the simulator; Microsoft gives numbers only). */
#define FP_BPC_ZERO_BYTES               ((uint64_t)0x00u)
#define FP_BPC_DOUBLE_FREE              ((uint64_t)0x07u)
#define FP_BPC_ALLOC_BAD_IRQL           ((uint64_t)0x08u)
#define FP_BPC_FREE_BAD_IRQL            ((uint64_t)0x09u)
#define FP_BPC_FREE_WRONG_TAG           ((uint64_t)0x0Au)
#define FP_BPC_FREE_USER_ADDRESS        ((uint64_t)0x40u)
#define FP_BPC_FREE_NOT_POOL            ((uint64_t)0x42u)
#define FP_BPC_FREE_BAD_ADDRESS         ((uint64_t)0x46u)
#define FP_BPC_ALLOC_TAG_ZERO           ((uint64_t)0x9Bu)

/* DRIVER_VERIFIER_DETECTED_VIOLATION P1 subcodes (simulator names; Microsoft gives numbers). */
#define FP_DV_ALLOC_BAD_IRQL            ((uint64_t)0x01u)
#define FP_DV_ALLOC_ABOVE_DISPATCH      ((uint64_t)0x02u)
#define FP_DV_FREE_BAD_ADDRESS          ((uint64_t)0x10u)
#define FP_DV_FREE_BAD_IRQL             ((uint64_t)0x11u)
#define FP_DV_FREE_ABOVE_DISPATCH       ((uint64_t)0x12u)
#define FP_DV_DOUBLE_FREE               ((uint64_t)0x14u)
#define FP_DV_RAISE_IRQL_LOWER          ((uint64_t)0x30u)
#define FP_DV_LOWER_IRQL_HIGHER         ((uint64_t)0x31u)
#define FP_DV_RELEASE_SPIN_LOCK_IRQL    ((uint64_t)0x32u)
#define FP_DV_ACQUIRE_FAST_MUTEX_IRQL   ((uint64_t)0x33u)
#define FP_DV_RELEASE_FAST_MUTEX_IRQL   ((uint64_t)0x34u)
#define FP_DV_WAIT_AT_DISPATCH          ((uint64_t)0x3Bu)
#define FP_DV_SPIN_LOCK_AT_DPC_IRQL     ((uint64_t)0x40u)
#define FP_DV_ACQUIRE_SPIN_LOCK_IRQL    ((uint64_t)0x42u)
#define FP_DV_UNLOAD_WITH_POOL          ((uint64_t)0x60u)
#define FP_DV_UNLOAD_WITH_POOL_TRACKED  ((uint64_t)0x62u)
#define FP_DV_COMPLETION_IRQL_CHANGED   ((uint64_t)0xFAu)
#define FP_DV_WAIT_ABOVE_DISPATCH       ((uint64_t)0x120u)
#define FP_DV_WAIT_NULL_TIMEOUT         ((uint64_t)0x121u)
#define FP_DV_WAIT_NONZERO_TIMEOUT      ((uint64_t)0x122u)
#define FP_DV_WORK_ITEM_PAGEABLE        ((uint64_t)0x131u)
#define FP_DV_RULE_IRQL_EX_ALLOCATE_POOL ((uint64_t)0x20004u)
#define FP_DV_RULE_IRQL_EX_APC_LTE1     ((uint64_t)0x20005u)
#define FP_DV_RULE_IRQL_RETURN          ((uint64_t)0x2001Du)
#define FP_DV_RULE_SPIN_LOCK            ((uint64_t)0x40009u)
#define FP_DV_RULE_SPIN_LOCK_RELEASE    ((uint64_t)0x4000Bu)

/* FLTMGR_FILE_SYSTEM P1 subcodes (simulator names; Microsoft gives numbers). */
#define FP_F5_NO_POST_OPERATION         ((uint64_t)0x66u)
#define FP_F5_OUT_OF_SPACE              ((uint64_t)0x67u)
#define FP_F5_NAME_OVER_RELEASED        ((uint64_t)0x68u)
#define FP_F5_CANCEL_OPEN_WITH_HANDLE   ((uint64_t)0x6Au)
#define FP_F5_BACKPOCKET_STATE          ((uint64_t)0x6Bu)
#define FP_F5_BACKPOCKET_NESTED_FAULTS  ((uint64_t)0x6Cu)
#define FP_F5_CONTEXT_OVER_RELEASED     ((uint64_t)0x6Du)
#define FP_F5_CONTEXT_USE_AFTER_FREE    ((uint64_t)0x6Eu)

/* One bug check: its code, bugcodes.h name, documented parameters and reference page. */
typedef struct fp_nt_bugcheck {
  uint32_t code;
  const char *name;
  const char *param[4]; /* P1..P4 as documented; NULL = Microsoft documents no meaning */
  const char *url;      /* the page on learn.microsoft.com */
} fp_nt_bugcheck;

/* One documented P1 subcode of a bug check whose P1 selects the cause. */
typedef struct fp_nt_bugcheck_sub {
  uint32_t code;        /* the bug check */
  uint64_t p1;          /* the subcode */
  const char *cause;    /* what the driver did */
  const char *param[3]; /* P2..P4 as documented; NULL = not documented */
} fp_nt_bugcheck_sub;

/* The bugcodes.h name of a bug check code, NULL if the code is not in the table. */
const char *fp_nt_bugcheck_name(uint32_t code);

/* The table entry of a bug check code, NULL if the code is not in the table. */
const fp_nt_bugcheck *fp_nt_bugcheck_find(uint32_t code);

/* The documented subcode `p1` of bug check `code`, NULL if not in the table. */
const fp_nt_bugcheck_sub *fp_nt_bugcheck_sub_find(uint32_t code, uint64_t p1);

/* The number of bug checks in the table. */
size_t fp_nt_bugcheck_count(void);

/* The i-th bug check of the table (ascending codes), NULL when i is out of range. */
const fp_nt_bugcheck *fp_nt_bugcheck_at(size_t i);

/* The number of subcodes in the table. */
size_t fp_nt_bugcheck_sub_count(void);

/* The i-th subcode of the table (grouped by code, ascending), NULL when out of range. */
const fp_nt_bugcheck_sub *fp_nt_bugcheck_sub_at(size_t i);

#endif
