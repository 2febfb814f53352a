/* nt_status.h: NTSTATUS values the simulator and the driver language use, under their
 * ntstatus.h names.
 *
 * Scheme (shared by every header of core/nt): each constant is a parenthesised cast of its
 * value to the fixed-width C type whose width and signedness match the WDK type it is used
 * as. An NTSTATUS is carried as its 32-bit pattern, `fp_ntstatus` (uint32_t), so the values
 * print as Windows prints them (0xC0000022); the WDK's NTSTATUS is a LONG, so test success
 * with NT_SUCCESS, never with `>= 0` on the raw value.
 * Values checked against Microsoft's ntstatus.h as mirrored by generated bindings and the
 * WDK samples; see docs/structures.md "Constants". */
#ifndef FP_NT_NT_STATUS_H
#define FP_NT_NT_STATUS_H

#include <stdint.h>

/* An NTSTATUS as its 32-bit pattern (the WDK type is LONG). */
typedef uint32_t fp_ntstatus;

/* TRUE when `s` is a success or informational status (severity bit clear), as ntdef.h. */
#define NT_SUCCESS(s) ((int32_t)(fp_ntstatus)(s) >= 0)

/* TRUE when `s` has error severity (the top two bits set), as ntdef.h. */
#define NT_ERROR(s) ((((fp_ntstatus)(s)) >> 30) == 3u)

/* Success and informational values. */
#define STATUS_SUCCESS                          ((fp_ntstatus)0x00000000u)
#define STATUS_USER_APC                         ((fp_ntstatus)0x000000C0u)
#define STATUS_ALERTED                          ((fp_ntstatus)0x00000101u)
#define STATUS_TIMEOUT                          ((fp_ntstatus)0x00000102u)
#define STATUS_PENDING                          ((fp_ntstatus)0x00000103u)
#define STATUS_REPARSE                          ((fp_ntstatus)0x00000104u)
#define STATUS_FLT_IO_COMPLETE                  ((fp_ntstatus)0x001C0001u)

/* Warning values (severity 2). */
#define STATUS_DATATYPE_MISALIGNMENT            ((fp_ntstatus)0x80000002u)
#define STATUS_BREAKPOINT                       ((fp_ntstatus)0x80000003u)
#define STATUS_BUFFER_OVERFLOW                  ((fp_ntstatus)0x80000005u)
#define STATUS_NO_MORE_FILES                    ((fp_ntstatus)0x80000006u)
#define STATUS_FLT_BUFFER_TOO_SMALL             ((fp_ntstatus)0x801C0001u)

/* Error values (severity 3). */
#define STATUS_UNSUCCESSFUL                     ((fp_ntstatus)0xC0000001u)
#define STATUS_NOT_IMPLEMENTED                  ((fp_ntstatus)0xC0000002u)
#define STATUS_INVALID_INFO_CLASS               ((fp_ntstatus)0xC0000003u)
#define STATUS_INFO_LENGTH_MISMATCH             ((fp_ntstatus)0xC0000004u)
#define STATUS_ACCESS_VIOLATION                 ((fp_ntstatus)0xC0000005u)
#define STATUS_INVALID_HANDLE                   ((fp_ntstatus)0xC0000008u)
#define STATUS_INVALID_PARAMETER                ((fp_ntstatus)0xC000000Du)
#define STATUS_NO_SUCH_FILE                     ((fp_ntstatus)0xC000000Fu)
#define STATUS_INVALID_DEVICE_REQUEST           ((fp_ntstatus)0xC0000010u)
#define STATUS_END_OF_FILE                      ((fp_ntstatus)0xC0000011u)
#define STATUS_MORE_PROCESSING_REQUIRED         ((fp_ntstatus)0xC0000016u)
#define STATUS_NO_MEMORY                        ((fp_ntstatus)0xC0000017u)
#define STATUS_ACCESS_DENIED                    ((fp_ntstatus)0xC0000022u)
#define STATUS_BUFFER_TOO_SMALL                 ((fp_ntstatus)0xC0000023u)
#define STATUS_OBJECT_NAME_INVALID              ((fp_ntstatus)0xC0000033u)
#define STATUS_OBJECT_NAME_NOT_FOUND            ((fp_ntstatus)0xC0000034u)
#define STATUS_OBJECT_NAME_COLLISION            ((fp_ntstatus)0xC0000035u)
#define STATUS_OBJECT_PATH_NOT_FOUND            ((fp_ntstatus)0xC000003Au)
#define STATUS_SHARING_VIOLATION                ((fp_ntstatus)0xC0000043u)
#define STATUS_DELETE_PENDING                   ((fp_ntstatus)0xC0000056u)
#define STATUS_INTEGER_DIVIDE_BY_ZERO           ((fp_ntstatus)0xC0000094u)
#define STATUS_INSUFFICIENT_RESOURCES           ((fp_ntstatus)0xC000009Au)
#define STATUS_DISK_FULL                        ((fp_ntstatus)0xC000007Fu)
#define STATUS_INVALID_USER_BUFFER              ((fp_ntstatus)0xC00000E8u)
#define STATUS_FILE_IS_A_DIRECTORY              ((fp_ntstatus)0xC00000BAu)
#define STATUS_NOT_SUPPORTED                    ((fp_ntstatus)0xC00000BBu)
#define STATUS_INVALID_PARAMETER_1              ((fp_ntstatus)0xC00000EFu)
#define STATUS_INVALID_PARAMETER_2              ((fp_ntstatus)0xC00000F0u)
#define STATUS_INVALID_PARAMETER_3              ((fp_ntstatus)0xC00000F1u)
#define STATUS_STACK_OVERFLOW                   ((fp_ntstatus)0xC00000FDu)
#define STATUS_NOT_A_DIRECTORY                  ((fp_ntstatus)0xC0000103u)
#define STATUS_CANCELLED                        ((fp_ntstatus)0xC0000120u)
#define STATUS_INVALID_DEVICE_STATE             ((fp_ntstatus)0xC0000184u)

/* Filter Manager error values (facility 0x1C). */
#define STATUS_FLT_NO_HANDLER_DEFINED           ((fp_ntstatus)0xC01C0001u)
#define STATUS_FLT_CONTEXT_ALREADY_DEFINED      ((fp_ntstatus)0xC01C0002u)
#define STATUS_FLT_INVALID_ASYNCHRONOUS_REQUEST ((fp_ntstatus)0xC01C0003u)
#define STATUS_FLT_DISALLOW_FAST_IO             ((fp_ntstatus)0xC01C0004u)
/* The same value as STATUS_FLT_DISALLOW_FAST_IO (windows-sys: -1071906812); QueryOpen's slow path. */
#define STATUS_FLT_DISALLOW_FSFILTER_IO         ((fp_ntstatus)0xC01C0004u)
#define STATUS_FLT_INVALID_NAME_REQUEST         ((fp_ntstatus)0xC01C0005u)
#define STATUS_FLT_NOT_SAFE_TO_POST_OPERATION   ((fp_ntstatus)0xC01C0006u)
#define STATUS_FLT_NOT_INITIALIZED              ((fp_ntstatus)0xC01C0007u)
#define STATUS_FLT_FILTER_NOT_READY             ((fp_ntstatus)0xC01C0008u)
#define STATUS_FLT_POST_OPERATION_CLEANUP       ((fp_ntstatus)0xC01C0009u)
#define STATUS_FLT_INTERNAL_ERROR               ((fp_ntstatus)0xC01C000Au)
#define STATUS_FLT_DELETING_OBJECT              ((fp_ntstatus)0xC01C000Bu)
#define STATUS_FLT_MUST_BE_NONPAGED_POOL        ((fp_ntstatus)0xC01C000Cu)
#define STATUS_FLT_DUPLICATE_ENTRY              ((fp_ntstatus)0xC01C000Du)
#define STATUS_FLT_CBDQ_DISABLED                ((fp_ntstatus)0xC01C000Eu)
#define STATUS_FLT_DO_NOT_ATTACH                ((fp_ntstatus)0xC01C000Fu)
#define STATUS_FLT_DO_NOT_DETACH                ((fp_ntstatus)0xC01C0010u)
#define STATUS_FLT_INSTANCE_ALTITUDE_COLLISION  ((fp_ntstatus)0xC01C0011u)
#define STATUS_FLT_INSTANCE_NAME_COLLISION      ((fp_ntstatus)0xC01C0012u)
#define STATUS_FLT_FILTER_NOT_FOUND             ((fp_ntstatus)0xC01C0013u)
#define STATUS_FLT_VOLUME_NOT_FOUND             ((fp_ntstatus)0xC01C0014u)
#define STATUS_FLT_INSTANCE_NOT_FOUND           ((fp_ntstatus)0xC01C0015u)
#define STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND ((fp_ntstatus)0xC01C0016u)
#define STATUS_FLT_INVALID_CONTEXT_REGISTRATION ((fp_ntstatus)0xC01C0017u)
#define STATUS_FLT_NAME_CACHE_MISS              ((fp_ntstatus)0xC01C0018u)
#define STATUS_FLT_NO_DEVICE_OBJECT             ((fp_ntstatus)0xC01C0019u)
#define STATUS_FLT_VOLUME_ALREADY_MOUNTED       ((fp_ntstatus)0xC01C001Au)
#define STATUS_FLT_ALREADY_ENLISTED             ((fp_ntstatus)0xC01C001Bu)
#define STATUS_FLT_CONTEXT_ALREADY_LINKED       ((fp_ntstatus)0xC01C001Cu)
#define STATUS_FLT_NO_WAITER_FOR_REPLY          ((fp_ntstatus)0xC01C0020u)

/* Every status above, by name, in ascending value order (name lookups and the constant table
 * are generated from it; X(NAME) is called once per status). */
#define FP_NT_STATUS_LIST(X)                                                                   \
  X(STATUS_SUCCESS) X(STATUS_USER_APC) X(STATUS_ALERTED) X(STATUS_TIMEOUT) X(STATUS_PENDING)   \
  X(STATUS_REPARSE) X(STATUS_FLT_IO_COMPLETE) X(STATUS_DATATYPE_MISALIGNMENT)                  \
  X(STATUS_BREAKPOINT) X(STATUS_BUFFER_OVERFLOW) X(STATUS_NO_MORE_FILES)                       \
  X(STATUS_FLT_BUFFER_TOO_SMALL) X(STATUS_UNSUCCESSFUL) X(STATUS_NOT_IMPLEMENTED)              \
  X(STATUS_INVALID_INFO_CLASS) X(STATUS_INFO_LENGTH_MISMATCH) X(STATUS_ACCESS_VIOLATION)       \
  X(STATUS_INVALID_HANDLE) X(STATUS_INVALID_PARAMETER) X(STATUS_NO_SUCH_FILE)                  \
  X(STATUS_INVALID_DEVICE_REQUEST) X(STATUS_END_OF_FILE) X(STATUS_MORE_PROCESSING_REQUIRED)    \
  X(STATUS_NO_MEMORY) X(STATUS_ACCESS_DENIED) X(STATUS_BUFFER_TOO_SMALL)                       \
  X(STATUS_OBJECT_NAME_INVALID) X(STATUS_OBJECT_NAME_NOT_FOUND)                                \
  X(STATUS_OBJECT_NAME_COLLISION) X(STATUS_OBJECT_PATH_NOT_FOUND) X(STATUS_SHARING_VIOLATION)  \
  X(STATUS_DELETE_PENDING) X(STATUS_INTEGER_DIVIDE_BY_ZERO) X(STATUS_INSUFFICIENT_RESOURCES)   \
  X(STATUS_FILE_IS_A_DIRECTORY) X(STATUS_NOT_SUPPORTED) X(STATUS_INVALID_PARAMETER_1)          \
  X(STATUS_INVALID_PARAMETER_2) X(STATUS_INVALID_PARAMETER_3) X(STATUS_STACK_OVERFLOW)         \
  X(STATUS_NOT_A_DIRECTORY) X(STATUS_CANCELLED) X(STATUS_INVALID_DEVICE_STATE)                 \
  X(STATUS_FLT_NO_HANDLER_DEFINED) X(STATUS_FLT_CONTEXT_ALREADY_DEFINED)                       \
  X(STATUS_FLT_INVALID_ASYNCHRONOUS_REQUEST) X(STATUS_FLT_DISALLOW_FAST_IO)                    \
  X(STATUS_FLT_INVALID_NAME_REQUEST) X(STATUS_FLT_NOT_SAFE_TO_POST_OPERATION)                  \
  X(STATUS_FLT_NOT_INITIALIZED) X(STATUS_FLT_FILTER_NOT_READY)                                 \
  X(STATUS_FLT_POST_OPERATION_CLEANUP) X(STATUS_FLT_INTERNAL_ERROR)                            \
  X(STATUS_FLT_DELETING_OBJECT) X(STATUS_FLT_MUST_BE_NONPAGED_POOL)                            \
  X(STATUS_FLT_DUPLICATE_ENTRY) X(STATUS_FLT_CBDQ_DISABLED) X(STATUS_FLT_DO_NOT_ATTACH)        \
  X(STATUS_FLT_DO_NOT_DETACH) X(STATUS_FLT_INSTANCE_ALTITUDE_COLLISION)                        \
  X(STATUS_FLT_INSTANCE_NAME_COLLISION) X(STATUS_FLT_FILTER_NOT_FOUND)                         \
  X(STATUS_FLT_VOLUME_NOT_FOUND) X(STATUS_FLT_INSTANCE_NOT_FOUND)                              \
  X(STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND) X(STATUS_FLT_INVALID_CONTEXT_REGISTRATION)        \
  X(STATUS_FLT_NAME_CACHE_MISS) X(STATUS_FLT_NO_DEVICE_OBJECT)                                 \
  X(STATUS_FLT_VOLUME_ALREADY_MOUNTED) X(STATUS_FLT_ALREADY_ENLISTED)                          \
  X(STATUS_FLT_CONTEXT_ALREADY_LINKED) X(STATUS_FLT_NO_WAITER_FOR_REPLY)

#endif
