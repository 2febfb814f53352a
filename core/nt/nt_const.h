/* nt_const.h: Windows kernel and Filter Manager constants under their WDK names (x64).
 *
 * Scheme (the same as nt_status.h): every constant is a parenthesised cast of its value to the
 * fixed-width type matching the WDK type it is used as:
 *   KIRQL, UCHAR codes (IRP_MJ_*)                  -> uint8_t  (fp_kirql for IRQLs)
 *   USHORT values (FLT_CONTEXT_TYPE, versions)     -> uint16_t
 *   ULONG flags, ACCESS_MASK, create options, ...  -> uint32_t
 *   POOL_FLAGS (ULONG64)                           -> uint64_t
 *   C enums (FLT_PREOP_CALLBACK_STATUS, POOL_TYPE,
 *   FILE_INFORMATION_CLASS, WORK_QUEUE_TYPE, MODE)
 *   and the int values of excpt.h                  -> int32_t
 * The FltMgr-only major codes are negative UCHARs, as in fltKernel.h: IRP_MJ_QUERY_OPEN is
 * ((uint8_t)-7) == 0xF9.
 * Each group has an FP_NT_*_LIST(X) of its names (X(NAME) once per constant, canonical name
 * before its aliases); nt.c builds the name lookups and the constant table from them, so a
 * constant added here must also be added to its list.
 * Sources of every value: docs/structures.md, section "Constants". */
#ifndef FP_NT_NT_CONST_H
#define FP_NT_NT_CONST_H

#include <stdint.h>

#include "nt/nt_status.h"

/* An IRQL (the WDK's KIRQL, a UCHAR). */
typedef uint8_t fp_kirql;

/* ---- IRQLs (x64 values of wdm.h) ---- */
#define PASSIVE_LEVEL  ((fp_kirql)0)
#define LOW_LEVEL      ((fp_kirql)0)
#define APC_LEVEL      ((fp_kirql)1)
#define DISPATCH_LEVEL ((fp_kirql)2)
#define CMCI_LEVEL     ((fp_kirql)5)
#define CLOCK_LEVEL    ((fp_kirql)13)
#define IPI_LEVEL      ((fp_kirql)14)
#define DRS_LEVEL      ((fp_kirql)14)
#define POWER_LEVEL    ((fp_kirql)14)
#define PROFILE_LEVEL  ((fp_kirql)15)
#define HIGH_LEVEL     ((fp_kirql)15)

/* The IRQL names, canonical name of each level first. */
#define FP_NT_IRQL_LIST(X)                                                                    \
  X(PASSIVE_LEVEL) X(APC_LEVEL) X(DISPATCH_LEVEL) X(CMCI_LEVEL) X(CLOCK_LEVEL) X(IPI_LEVEL)   \
  X(HIGH_LEVEL) X(LOW_LEVEL) X(DRS_LEVEL) X(POWER_LEVEL) X(PROFILE_LEVEL)

/* ---- Major function codes (wdm.h 0x00-0x1b; fltKernel.h for the FltMgr-only ones) ---- */
#define IRP_MJ_CREATE                   ((uint8_t)0x00)
#define IRP_MJ_CREATE_NAMED_PIPE        ((uint8_t)0x01)
#define IRP_MJ_CLOSE                    ((uint8_t)0x02)
#define IRP_MJ_READ                     ((uint8_t)0x03)
#define IRP_MJ_WRITE                    ((uint8_t)0x04)
#define IRP_MJ_QUERY_INFORMATION        ((uint8_t)0x05)
#define IRP_MJ_SET_INFORMATION          ((uint8_t)0x06)
#define IRP_MJ_QUERY_EA                 ((uint8_t)0x07)
#define IRP_MJ_SET_EA                   ((uint8_t)0x08)
#define IRP_MJ_FLUSH_BUFFERS            ((uint8_t)0x09)
#define IRP_MJ_QUERY_VOLUME_INFORMATION ((uint8_t)0x0a)
#define IRP_MJ_SET_VOLUME_INFORMATION   ((uint8_t)0x0b)
#define IRP_MJ_DIRECTORY_CONTROL        ((uint8_t)0x0c)
#define IRP_MJ_FILE_SYSTEM_CONTROL      ((uint8_t)0x0d)
#define IRP_MJ_DEVICE_CONTROL           ((uint8_t)0x0e)
#define IRP_MJ_INTERNAL_DEVICE_CONTROL  ((uint8_t)0x0f)
#define IRP_MJ_SHUTDOWN                 ((uint8_t)0x10)
#define IRP_MJ_LOCK_CONTROL             ((uint8_t)0x11)
#define IRP_MJ_CLEANUP                  ((uint8_t)0x12)
#define IRP_MJ_CREATE_MAILSLOT          ((uint8_t)0x13)
#define IRP_MJ_QUERY_SECURITY           ((uint8_t)0x14)
#define IRP_MJ_SET_SECURITY             ((uint8_t)0x15)
#define IRP_MJ_POWER                    ((uint8_t)0x16)
#define IRP_MJ_SYSTEM_CONTROL           ((uint8_t)0x17)
#define IRP_MJ_DEVICE_CHANGE            ((uint8_t)0x18)
#define IRP_MJ_QUERY_QUOTA              ((uint8_t)0x19)
#define IRP_MJ_SET_QUOTA                ((uint8_t)0x1a)
#define IRP_MJ_PNP                      ((uint8_t)0x1b)
#define IRP_MJ_MAXIMUM_FUNCTION         ((uint8_t)0x1b)

#define IRP_MJ_ACQUIRE_FOR_SECTION_SYNCHRONIZATION ((uint8_t)-1)
#define IRP_MJ_RELEASE_FOR_SECTION_SYNCHRONIZATION ((uint8_t)-2)
#define IRP_MJ_ACQUIRE_FOR_MOD_WRITE               ((uint8_t)-3)
#define IRP_MJ_RELEASE_FOR_MOD_WRITE               ((uint8_t)-4)
#define IRP_MJ_ACQUIRE_FOR_CC_FLUSH                ((uint8_t)-5)
#define IRP_MJ_RELEASE_FOR_CC_FLUSH                ((uint8_t)-6)
#define IRP_MJ_QUERY_OPEN                          ((uint8_t)-7)
#define IRP_MJ_FAST_IO_CHECK_IF_POSSIBLE           ((uint8_t)-13)
#define IRP_MJ_NETWORK_QUERY_OPEN                  ((uint8_t)-14)
#define IRP_MJ_MDL_READ                            ((uint8_t)-15)
#define IRP_MJ_MDL_READ_COMPLETE                   ((uint8_t)-16)
#define IRP_MJ_PREPARE_MDL_WRITE                   ((uint8_t)-17)
#define IRP_MJ_MDL_WRITE_COMPLETE                  ((uint8_t)-18)
#define IRP_MJ_VOLUME_MOUNT                        ((uint8_t)-19)
#define IRP_MJ_VOLUME_DISMOUNT                     ((uint8_t)-20)

/* The marker that ends an FLT_OPERATION_REGISTRATION array. */
#define IRP_MJ_OPERATION_END ((uint8_t)0x80)

/* Every operation code with a name (IRP_MJ_MAXIMUM_FUNCTION is an alias, listed last). */
#define FP_NT_MAJOR_LIST(X)                                                                   \
  X(IRP_MJ_CREATE) X(IRP_MJ_CREATE_NAMED_PIPE) X(IRP_MJ_CLOSE) X(IRP_MJ_READ) X(IRP_MJ_WRITE) \
  X(IRP_MJ_QUERY_INFORMATION) X(IRP_MJ_SET_INFORMATION) X(IRP_MJ_QUERY_EA) X(IRP_MJ_SET_EA)   \
  X(IRP_MJ_FLUSH_BUFFERS) X(IRP_MJ_QUERY_VOLUME_INFORMATION)                                  \
  X(IRP_MJ_SET_VOLUME_INFORMATION) X(IRP_MJ_DIRECTORY_CONTROL) X(IRP_MJ_FILE_SYSTEM_CONTROL)  \
  X(IRP_MJ_DEVICE_CONTROL) X(IRP_MJ_INTERNAL_DEVICE_CONTROL) X(IRP_MJ_SHUTDOWN)               \
  X(IRP_MJ_LOCK_CONTROL) X(IRP_MJ_CLEANUP) X(IRP_MJ_CREATE_MAILSLOT) X(IRP_MJ_QUERY_SECURITY) \
  X(IRP_MJ_SET_SECURITY) X(IRP_MJ_POWER) X(IRP_MJ_SYSTEM_CONTROL) X(IRP_MJ_DEVICE_CHANGE)     \
  X(IRP_MJ_QUERY_QUOTA) X(IRP_MJ_SET_QUOTA) X(IRP_MJ_PNP)                                     \
  X(IRP_MJ_ACQUIRE_FOR_SECTION_SYNCHRONIZATION) X(IRP_MJ_RELEASE_FOR_SECTION_SYNCHRONIZATION) \
  X(IRP_MJ_ACQUIRE_FOR_MOD_WRITE) X(IRP_MJ_RELEASE_FOR_MOD_WRITE)                             \
  X(IRP_MJ_ACQUIRE_FOR_CC_FLUSH) X(IRP_MJ_RELEASE_FOR_CC_FLUSH) X(IRP_MJ_QUERY_OPEN)          \
  X(IRP_MJ_FAST_IO_CHECK_IF_POSSIBLE) X(IRP_MJ_NETWORK_QUERY_OPEN) X(IRP_MJ_MDL_READ)         \
  X(IRP_MJ_MDL_READ_COMPLETE) X(IRP_MJ_PREPARE_MDL_WRITE) X(IRP_MJ_MDL_WRITE_COMPLETE)        \
  X(IRP_MJ_VOLUME_MOUNT) X(IRP_MJ_VOLUME_DISMOUNT) X(IRP_MJ_OPERATION_END)                    \
  X(IRP_MJ_MAXIMUM_FUNCTION)

/* ---- Callback return values (FLT_PREOP_CALLBACK_STATUS, FLT_POSTOP_CALLBACK_STATUS) ---- */
#define FLT_PREOP_SUCCESS_WITH_CALLBACK  ((int32_t)0)
#define FLT_PREOP_SUCCESS_NO_CALLBACK    ((int32_t)1)
#define FLT_PREOP_PENDING                ((int32_t)2)
#define FLT_PREOP_DISALLOW_FASTIO        ((int32_t)3)
#define FLT_PREOP_COMPLETE               ((int32_t)4)
#define FLT_PREOP_SYNCHRONIZE            ((int32_t)5)
#define FLT_PREOP_DISALLOW_FSFILTER_IO   ((int32_t)6)
#define FLT_POSTOP_FINISHED_PROCESSING   ((int32_t)0)
#define FLT_POSTOP_MORE_PROCESSING_REQUIRED ((int32_t)1)
#define FLT_POSTOP_DISALLOW_FSFILTER_IO  ((int32_t)2)

/* The FLT_PREOP_CALLBACK_STATUS values. */
#define FP_NT_PREOP_LIST(X)                                                                   \
  X(FLT_PREOP_SUCCESS_WITH_CALLBACK) X(FLT_PREOP_SUCCESS_NO_CALLBACK) X(FLT_PREOP_PENDING)    \
  X(FLT_PREOP_DISALLOW_FASTIO) X(FLT_PREOP_COMPLETE) X(FLT_PREOP_SYNCHRONIZE)                 \
  X(FLT_PREOP_DISALLOW_FSFILTER_IO)

/* The FLT_POSTOP_CALLBACK_STATUS values. */
#define FP_NT_POSTOP_LIST(X)                                                                  \
  X(FLT_POSTOP_FINISHED_PROCESSING) X(FLT_POSTOP_MORE_PROCESSING_REQUIRED)                    \
  X(FLT_POSTOP_DISALLOW_FSFILTER_IO)

/* ---- FLT_CALLBACK_DATA.Flags (ULONG) ---- */
#define FLTFL_CALLBACK_DATA_REISSUE_MASK        ((uint32_t)0x0000FFFFu)
#define FLTFL_CALLBACK_DATA_IRP_OPERATION       ((uint32_t)0x00000001u)
#define FLTFL_CALLBACK_DATA_FAST_IO_OPERATION   ((uint32_t)0x00000002u)
#define FLTFL_CALLBACK_DATA_FS_FILTER_OPERATION ((uint32_t)0x00000004u)
#define FLTFL_CALLBACK_DATA_SYSTEM_BUFFER       ((uint32_t)0x00000008u)
#define FLTFL_CALLBACK_DATA_GENERATED_IO        ((uint32_t)0x00010000u)
#define FLTFL_CALLBACK_DATA_REISSUED_IO         ((uint32_t)0x00020000u)
#define FLTFL_CALLBACK_DATA_DRAINING_IO         ((uint32_t)0x00040000u)
#define FLTFL_CALLBACK_DATA_POST_OPERATION      ((uint32_t)0x00080000u)
#define FLTFL_CALLBACK_DATA_NEW_SYSTEM_BUFFER   ((uint32_t)0x00100000u)
#define FLTFL_CALLBACK_DATA_DIRTY               ((uint32_t)0x80000000u)

/* The single-bit FLT_CALLBACK_DATA flags (the flag renderer uses it; REISSUE_MASK is not one). */
#define FP_NT_CBD_FLAG_LIST(X)                                                                \
  X(FLTFL_CALLBACK_DATA_IRP_OPERATION) X(FLTFL_CALLBACK_DATA_FAST_IO_OPERATION)               \
  X(FLTFL_CALLBACK_DATA_FS_FILTER_OPERATION) X(FLTFL_CALLBACK_DATA_SYSTEM_BUFFER)             \
  X(FLTFL_CALLBACK_DATA_GENERATED_IO) X(FLTFL_CALLBACK_DATA_REISSUED_IO)                      \
  X(FLTFL_CALLBACK_DATA_DRAINING_IO) X(FLTFL_CALLBACK_DATA_POST_OPERATION)                    \
  X(FLTFL_CALLBACK_DATA_NEW_SYSTEM_BUFFER) X(FLTFL_CALLBACK_DATA_DIRTY)

/* ---- Flags of callbacks, registration, instances and FltReadFile (ULONG) ---- */
#define FLTFL_POST_OPERATION_DRAINING ((uint32_t)0x00000001u)

#define FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO                ((uint32_t)0x00000001u)
#define FLTFL_OPERATION_REGISTRATION_SKIP_CACHED_IO                ((uint32_t)0x00000002u)
#define FLTFL_OPERATION_REGISTRATION_SKIP_NON_DASD_IO              ((uint32_t)0x00000004u)
#define FLTFL_OPERATION_REGISTRATION_SKIP_NON_CACHED_NON_PAGING_IO ((uint32_t)0x00000008u)

#define FLTFL_REGISTRATION_DO_NOT_SUPPORT_SERVICE_STOP ((uint32_t)0x00000001u)
#define FLTFL_REGISTRATION_SUPPORT_NPFS_MSFS           ((uint32_t)0x00000002u)
#define FLTFL_REGISTRATION_SUPPORT_DAX_VOLUME          ((uint32_t)0x00000004u)
#define FLTFL_REGISTRATION_SUPPORT_WCOS                ((uint32_t)0x00000008u)

/* FLT_REGISTRATION.Version (USHORT); FLT_REGISTRATION_VERSION is the newest, as in current WDKs. */
#define FLT_REGISTRATION_VERSION_0200 ((uint16_t)0x0200)
#define FLT_REGISTRATION_VERSION_0201 ((uint16_t)0x0201)
#define FLT_REGISTRATION_VERSION_0202 ((uint16_t)0x0202)
#define FLT_REGISTRATION_VERSION_0203 ((uint16_t)0x0203)
#define FLT_REGISTRATION_VERSION      ((uint16_t)0x0203)

#define FLTFL_INSTANCE_SETUP_AUTOMATIC_ATTACHMENT ((uint32_t)0x00000001u)
#define FLTFL_INSTANCE_SETUP_MANUAL_ATTACHMENT    ((uint32_t)0x00000002u)
#define FLTFL_INSTANCE_SETUP_NEWLY_MOUNTED_VOLUME ((uint32_t)0x00000004u)
#define FLTFL_INSTANCE_SETUP_DETACHED_VOLUME      ((uint32_t)0x00000008u)

#define FLTFL_INSTANCE_TEARDOWN_MANUAL                  ((uint32_t)0x00000001u)
#define FLTFL_INSTANCE_TEARDOWN_FILTER_UNLOAD           ((uint32_t)0x00000002u)
#define FLTFL_INSTANCE_TEARDOWN_MANDATORY_FILTER_UNLOAD ((uint32_t)0x00000004u)
#define FLTFL_INSTANCE_TEARDOWN_VOLUME_DISMOUNT         ((uint32_t)0x00000008u)
#define FLTFL_INSTANCE_TEARDOWN_INTERNAL_ERROR          ((uint32_t)0x00000010u)

#define FLTFL_FILTER_UNLOAD_MANDATORY ((uint32_t)0x00000001u)

/* The Flags of FltReadFile/FltReadFileEx/FltWriteFile/FltWriteFileEx (ULONG). */
#define FLTFL_IO_OPERATION_NON_CACHED                ((uint32_t)0x00000001u)
#define FLTFL_IO_OPERATION_PAGING                    ((uint32_t)0x00000002u)
#define FLTFL_IO_OPERATION_DO_NOT_UPDATE_BYTE_OFFSET ((uint32_t)0x00000004u)
#define FLTFL_IO_OPERATION_SYNCHRONOUS_PAGING        ((uint32_t)0x00000008u)

/* The flag groups above that have no lookup of their own (for the constant table). */
#define FP_NT_FLTFL_LIST(X)                                                                   \
  X(FLTFL_CALLBACK_DATA_REISSUE_MASK) X(FLTFL_POST_OPERATION_DRAINING)                        \
  X(FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO) X(FLTFL_OPERATION_REGISTRATION_SKIP_CACHED_IO) \
  X(FLTFL_OPERATION_REGISTRATION_SKIP_NON_DASD_IO)                                            \
  X(FLTFL_OPERATION_REGISTRATION_SKIP_NON_CACHED_NON_PAGING_IO)                               \
  X(FLTFL_REGISTRATION_DO_NOT_SUPPORT_SERVICE_STOP) X(FLTFL_REGISTRATION_SUPPORT_NPFS_MSFS)   \
  X(FLTFL_REGISTRATION_SUPPORT_DAX_VOLUME) X(FLTFL_REGISTRATION_SUPPORT_WCOS)                 \
  X(FLTFL_INSTANCE_SETUP_AUTOMATIC_ATTACHMENT) X(FLTFL_INSTANCE_SETUP_MANUAL_ATTACHMENT)      \
  X(FLTFL_INSTANCE_SETUP_NEWLY_MOUNTED_VOLUME) X(FLTFL_INSTANCE_SETUP_DETACHED_VOLUME)        \
  X(FLTFL_INSTANCE_TEARDOWN_MANUAL) X(FLTFL_INSTANCE_TEARDOWN_FILTER_UNLOAD)                  \
  X(FLTFL_INSTANCE_TEARDOWN_MANDATORY_FILTER_UNLOAD) X(FLTFL_INSTANCE_TEARDOWN_VOLUME_DISMOUNT) \
  X(FLTFL_INSTANCE_TEARDOWN_INTERNAL_ERROR) X(FLTFL_FILTER_UNLOAD_MANDATORY)                  \
  X(FLTFL_IO_OPERATION_NON_CACHED) X(FLTFL_IO_OPERATION_PAGING)                               \
  X(FLTFL_IO_OPERATION_DO_NOT_UPDATE_BYTE_OFFSET) X(FLTFL_IO_OPERATION_SYNCHRONOUS_PAGING)

/* The FLT_REGISTRATION_VERSION values (USHORT). */
#define FP_NT_VERSION_LIST(X)                                                                 \
  X(FLT_REGISTRATION_VERSION_0200) X(FLT_REGISTRATION_VERSION_0201)                           \
  X(FLT_REGISTRATION_VERSION_0202) X(FLT_REGISTRATION_VERSION_0203) X(FLT_REGISTRATION_VERSION)

/* ---- Context types (FLT_CONTEXT_TYPE, a USHORT) ---- */
#define FLT_VOLUME_CONTEXT       ((uint16_t)0x0001)
#define FLT_INSTANCE_CONTEXT     ((uint16_t)0x0002)
#define FLT_FILE_CONTEXT         ((uint16_t)0x0004)
#define FLT_STREAM_CONTEXT       ((uint16_t)0x0008)
#define FLT_STREAMHANDLE_CONTEXT ((uint16_t)0x0010)
#define FLT_TRANSACTION_CONTEXT  ((uint16_t)0x0020)
#define FLT_SECTION_CONTEXT      ((uint16_t)0x0040)
#define FLT_CONTEXT_END          ((uint16_t)0xffff)

/* The context types, and FLT_FILE_NAME_PARSED_FLAGS (USHORT), for the constant table. */
#define FP_NT_USHORT_LIST(X)                                                                  \
  X(FLT_VOLUME_CONTEXT) X(FLT_INSTANCE_CONTEXT) X(FLT_FILE_CONTEXT) X(FLT_STREAM_CONTEXT)     \
  X(FLT_STREAMHANDLE_CONTEXT) X(FLT_TRANSACTION_CONTEXT) X(FLT_SECTION_CONTEXT)               \
  X(FLT_CONTEXT_END) X(FLTFL_FILE_NAME_PARSED_FINAL_COMPONENT) X(FLTFL_FILE_NAME_PARSED_EXTENSION) \
  X(FLTFL_FILE_NAME_PARSED_STREAM) X(FLTFL_FILE_NAME_PARSED_PARENT_DIR)

/* ---- File names (FLT_FILE_NAME_OPTIONS, a ULONG: format | query method | flags) ---- */
#define FLT_VALID_FILE_NAME_FORMATS                ((uint32_t)0x000000FFu)
#define FLT_FILE_NAME_NORMALIZED                   ((uint32_t)0x00000001u)
#define FLT_FILE_NAME_OPENED                       ((uint32_t)0x00000002u)
#define FLT_FILE_NAME_SHORT                        ((uint32_t)0x00000003u)
#define FLT_VALID_FILE_NAME_QUERY_METHODS          ((uint32_t)0x0000FF00u)
#define FLT_FILE_NAME_QUERY_DEFAULT                ((uint32_t)0x00000100u)
#define FLT_FILE_NAME_QUERY_CACHE_ONLY             ((uint32_t)0x00000200u)
#define FLT_FILE_NAME_QUERY_FILESYSTEM_ONLY        ((uint32_t)0x00000300u)
#define FLT_FILE_NAME_QUERY_ALWAYS_ALLOW_CACHE_LOOKUP ((uint32_t)0x00000400u)
#define FLT_VALID_FILE_NAME_FLAGS                  ((uint32_t)0xFF000000u)
#define FLT_FILE_NAME_REQUEST_FROM_CURRENT_PROVIDER ((uint32_t)0x01000000u)
#define FLT_FILE_NAME_DO_NOT_CACHE                 ((uint32_t)0x02000000u)
#define FLT_FILE_NAME_ALLOW_QUERY_ON_REPARSE       ((uint32_t)0x04000000u)

/* FLT_FILE_NAME_INFORMATION.NamesParsed bits (FLT_FILE_NAME_PARSED_FLAGS, a USHORT). */
#define FLTFL_FILE_NAME_PARSED_FINAL_COMPONENT ((uint16_t)0x0001)
#define FLTFL_FILE_NAME_PARSED_EXTENSION       ((uint16_t)0x0002)
#define FLTFL_FILE_NAME_PARSED_STREAM          ((uint16_t)0x0004)
#define FLTFL_FILE_NAME_PARSED_PARENT_DIR      ((uint16_t)0x0008)

/* The FLT_FILE_NAME_OPTIONS constants. */
#define FP_NT_FILE_NAME_LIST(X)                                                               \
  X(FLT_VALID_FILE_NAME_FORMATS) X(FLT_FILE_NAME_NORMALIZED) X(FLT_FILE_NAME_OPENED)          \
  X(FLT_FILE_NAME_SHORT) X(FLT_VALID_FILE_NAME_QUERY_METHODS) X(FLT_FILE_NAME_QUERY_DEFAULT)  \
  X(FLT_FILE_NAME_QUERY_CACHE_ONLY) X(FLT_FILE_NAME_QUERY_FILESYSTEM_ONLY)                    \
  X(FLT_FILE_NAME_QUERY_ALWAYS_ALLOW_CACHE_LOOKUP) X(FLT_VALID_FILE_NAME_FLAGS)               \
  X(FLT_FILE_NAME_REQUEST_FROM_CURRENT_PROVIDER) X(FLT_FILE_NAME_DO_NOT_CACHE)                \
  X(FLT_FILE_NAME_ALLOW_QUERY_ON_REPARSE)

/* ---- IRP.Flags and FLT_IO_PARAMETER_BLOCK.IrpFlags (ULONG, wdm.h) ---- */
#define IRP_NOCACHE               ((uint32_t)0x00000001u)
#define IRP_PAGING_IO             ((uint32_t)0x00000002u)
#define IRP_MOUNT_COMPLETION      ((uint32_t)0x00000002u)
#define IRP_SYNCHRONOUS_API       ((uint32_t)0x00000004u)
#define IRP_ASSOCIATED_IRP        ((uint32_t)0x00000008u)
#define IRP_BUFFERED_IO           ((uint32_t)0x00000010u)
#define IRP_DEALLOCATE_BUFFER     ((uint32_t)0x00000020u)
#define IRP_SYNCHRONOUS_PAGING_IO ((uint32_t)0x00000040u)
#define IRP_INPUT_OPERATION       ((uint32_t)0x00000040u)
#define IRP_CREATE_OPERATION      ((uint32_t)0x00000080u)
#define IRP_READ_OPERATION        ((uint32_t)0x00000100u)
#define IRP_WRITE_OPERATION       ((uint32_t)0x00000200u)
#define IRP_CLOSE_OPERATION       ((uint32_t)0x00000400u)
#define IRP_DEFER_IO_COMPLETION   ((uint32_t)0x00000800u)
#define IRP_OB_QUERY_NAME         ((uint32_t)0x00001000u)
#define IRP_HOLD_DEVICE_QUEUE     ((uint32_t)0x00002000u)

/* The IRP flags in bit order, the name the renderer prints first (IRP_PAGING_IO before
 * IRP_MOUNT_COMPLETION, IRP_SYNCHRONOUS_PAGING_IO before IRP_INPUT_OPERATION). */
#define FP_NT_IRP_FLAG_LIST(X)                                                                \
  X(IRP_NOCACHE) X(IRP_PAGING_IO) X(IRP_MOUNT_COMPLETION) X(IRP_SYNCHRONOUS_API)              \
  X(IRP_ASSOCIATED_IRP) X(IRP_BUFFERED_IO) X(IRP_DEALLOCATE_BUFFER)                           \
  X(IRP_SYNCHRONOUS_PAGING_IO) X(IRP_INPUT_OPERATION) X(IRP_CREATE_OPERATION)                 \
  X(IRP_READ_OPERATION) X(IRP_WRITE_OPERATION) X(IRP_CLOSE_OPERATION)                         \
  X(IRP_DEFER_IO_COMPLETION) X(IRP_OB_QUERY_NAME) X(IRP_HOLD_DEVICE_QUEUE)

/* ---- FILE_OBJECT.Flags (ULONG, wdm.h) ---- */
#define FO_FILE_OPEN                 ((uint32_t)0x00000001u)
#define FO_SYNCHRONOUS_IO            ((uint32_t)0x00000002u)
#define FO_ALERTABLE_IO              ((uint32_t)0x00000004u)
#define FO_NO_INTERMEDIATE_BUFFERING ((uint32_t)0x00000008u)
#define FO_WRITE_THROUGH             ((uint32_t)0x00000010u)
#define FO_SEQUENTIAL_ONLY           ((uint32_t)0x00000020u)
#define FO_CACHE_SUPPORTED           ((uint32_t)0x00000040u)
#define FO_NAMED_PIPE                ((uint32_t)0x00000080u)
#define FO_STREAM_FILE               ((uint32_t)0x00000100u)
#define FO_MAILSLOT                  ((uint32_t)0x00000200u)
#define FO_GENERATE_AUDIT_ON_CLOSE   ((uint32_t)0x00000400u)
#define FO_QUEUE_IRP_TO_THREAD       ((uint32_t)0x00000400u)
#define FO_DIRECT_DEVICE_OPEN        ((uint32_t)0x00000800u)
#define FO_FILE_MODIFIED             ((uint32_t)0x00001000u)
#define FO_FILE_SIZE_CHANGED         ((uint32_t)0x00002000u)
#define FO_CLEANUP_COMPLETE          ((uint32_t)0x00004000u)
#define FO_TEMPORARY_FILE            ((uint32_t)0x00008000u)
#define FO_DELETE_ON_CLOSE           ((uint32_t)0x00010000u)
#define FO_OPENED_CASE_SENSITIVE     ((uint32_t)0x00020000u)
#define FO_HANDLE_CREATED            ((uint32_t)0x00040000u)
#define FO_FILE_FAST_IO_READ         ((uint32_t)0x00080000u)
#define FO_RANDOM_ACCESS             ((uint32_t)0x00100000u)
#define FO_FILE_OPEN_CANCELLED       ((uint32_t)0x00200000u)
#define FO_VOLUME_OPEN               ((uint32_t)0x00400000u)
#define FO_REMOTE_ORIGIN             ((uint32_t)0x01000000u)
#define FO_DISALLOW_EXCLUSIVE        ((uint32_t)0x02000000u)
#define FO_SKIP_COMPLETION_PORT      ((uint32_t)0x02000000u)
#define FO_SKIP_SET_EVENT            ((uint32_t)0x04000000u)
#define FO_SKIP_SET_FAST_IO          ((uint32_t)0x08000000u)

/* The file-object flags in bit order, the name the renderer prints first. */
#define FP_NT_FO_FLAG_LIST(X)                                                                 \
  X(FO_FILE_OPEN) X(FO_SYNCHRONOUS_IO) X(FO_ALERTABLE_IO) X(FO_NO_INTERMEDIATE_BUFFERING)     \
  X(FO_WRITE_THROUGH) X(FO_SEQUENTIAL_ONLY) X(FO_CACHE_SUPPORTED) X(FO_NAMED_PIPE)            \
  X(FO_STREAM_FILE) X(FO_MAILSLOT) X(FO_GENERATE_AUDIT_ON_CLOSE) X(FO_QUEUE_IRP_TO_THREAD)    \
  X(FO_DIRECT_DEVICE_OPEN) X(FO_FILE_MODIFIED) X(FO_FILE_SIZE_CHANGED) X(FO_CLEANUP_COMPLETE) \
  X(FO_TEMPORARY_FILE) X(FO_DELETE_ON_CLOSE) X(FO_OPENED_CASE_SENSITIVE) X(FO_HANDLE_CREATED) \
  X(FO_FILE_FAST_IO_READ) X(FO_RANDOM_ACCESS) X(FO_FILE_OPEN_CANCELLED) X(FO_VOLUME_OPEN)     \
  X(FO_REMOTE_ORIGIN) X(FO_DISALLOW_EXCLUSIVE) X(FO_SKIP_COMPLETION_PORT) X(FO_SKIP_SET_EVENT) \
  X(FO_SKIP_SET_FAST_IO)

/* ---- Create: dispositions, options, results (ULONG) ---- */
#define FILE_SUPERSEDE           ((uint32_t)0x00000000u)
#define FILE_OPEN                ((uint32_t)0x00000001u)
#define FILE_CREATE              ((uint32_t)0x00000002u)
#define FILE_OPEN_IF             ((uint32_t)0x00000003u)
#define FILE_OVERWRITE           ((uint32_t)0x00000004u)
#define FILE_OVERWRITE_IF        ((uint32_t)0x00000005u)
#define FILE_MAXIMUM_DISPOSITION ((uint32_t)0x00000005u)

#define FILE_DIRECTORY_FILE            ((uint32_t)0x00000001u)
#define FILE_WRITE_THROUGH             ((uint32_t)0x00000002u)
#define FILE_SEQUENTIAL_ONLY           ((uint32_t)0x00000004u)
#define FILE_NO_INTERMEDIATE_BUFFERING ((uint32_t)0x00000008u)
#define FILE_SYNCHRONOUS_IO_ALERT      ((uint32_t)0x00000010u)
#define FILE_SYNCHRONOUS_IO_NONALERT   ((uint32_t)0x00000020u)
#define FILE_NON_DIRECTORY_FILE        ((uint32_t)0x00000040u)
#define FILE_COMPLETE_IF_OPLOCKED      ((uint32_t)0x00000100u)
#define FILE_RANDOM_ACCESS             ((uint32_t)0x00000800u)
#define FILE_DELETE_ON_CLOSE           ((uint32_t)0x00001000u)
#define FILE_OPEN_BY_FILE_ID           ((uint32_t)0x00002000u)
#define FILE_OPEN_FOR_BACKUP_INTENT    ((uint32_t)0x00004000u)
#define FILE_OPEN_REPARSE_POINT        ((uint32_t)0x00200000u)

/* IO_STATUS_BLOCK.Information after a create. */
#define FILE_SUPERSEDED     ((uint32_t)0x00000000u)
#define FILE_OPENED         ((uint32_t)0x00000001u)
#define FILE_CREATED        ((uint32_t)0x00000002u)
#define FILE_OVERWRITTEN    ((uint32_t)0x00000003u)
#define FILE_EXISTS         ((uint32_t)0x00000004u)
#define FILE_DOES_NOT_EXIST ((uint32_t)0x00000005u)

/* The create dispositions, options and results. */
#define FP_NT_CREATE_LIST(X)                                                                  \
  X(FILE_SUPERSEDE) X(FILE_OPEN) X(FILE_CREATE) X(FILE_OPEN_IF) X(FILE_OVERWRITE)             \
  X(FILE_OVERWRITE_IF) X(FILE_MAXIMUM_DISPOSITION) X(FILE_DIRECTORY_FILE) X(FILE_WRITE_THROUGH) \
  X(FILE_SEQUENTIAL_ONLY) X(FILE_NO_INTERMEDIATE_BUFFERING) X(FILE_SYNCHRONOUS_IO_ALERT)      \
  X(FILE_SYNCHRONOUS_IO_NONALERT) X(FILE_NON_DIRECTORY_FILE) X(FILE_COMPLETE_IF_OPLOCKED)     \
  X(FILE_RANDOM_ACCESS) X(FILE_DELETE_ON_CLOSE) X(FILE_OPEN_BY_FILE_ID)                       \
  X(FILE_OPEN_FOR_BACKUP_INTENT) X(FILE_OPEN_REPARSE_POINT) X(FILE_SUPERSEDED) X(FILE_OPENED) \
  X(FILE_CREATED) X(FILE_OVERWRITTEN) X(FILE_EXISTS) X(FILE_DOES_NOT_EXIST)

/* ---- Access masks (ACCESS_MASK), share access and file attributes (ULONG) ---- */
#define FILE_READ_DATA        ((uint32_t)0x00000001u)
#define FILE_LIST_DIRECTORY   ((uint32_t)0x00000001u)
#define FILE_WRITE_DATA       ((uint32_t)0x00000002u)
#define FILE_ADD_FILE         ((uint32_t)0x00000002u)
#define FILE_APPEND_DATA      ((uint32_t)0x00000004u)
#define FILE_READ_EA          ((uint32_t)0x00000008u)
#define FILE_WRITE_EA         ((uint32_t)0x00000010u)
#define FILE_EXECUTE          ((uint32_t)0x00000020u)
#define FILE_TRAVERSE         ((uint32_t)0x00000020u)
#define FILE_READ_ATTRIBUTES  ((uint32_t)0x00000080u)
#define FILE_WRITE_ATTRIBUTES ((uint32_t)0x00000100u)
#define DELETE                ((uint32_t)0x00010000u)
#define READ_CONTROL          ((uint32_t)0x00020000u)
#define WRITE_DAC             ((uint32_t)0x00040000u)
#define WRITE_OWNER           ((uint32_t)0x00080000u)
#define SYNCHRONIZE           ((uint32_t)0x00100000u)
#define MAXIMUM_ALLOWED       ((uint32_t)0x02000000u)
#define GENERIC_ALL           ((uint32_t)0x10000000u)
#define GENERIC_EXECUTE       ((uint32_t)0x20000000u)
#define GENERIC_WRITE         ((uint32_t)0x40000000u)
#define GENERIC_READ          ((uint32_t)0x80000000u)

#define FILE_SHARE_READ   ((uint32_t)0x00000001u)
#define FILE_SHARE_WRITE  ((uint32_t)0x00000002u)
#define FILE_SHARE_DELETE ((uint32_t)0x00000004u)

#define FILE_ATTRIBUTE_READONLY            ((uint32_t)0x00000001u)
#define FILE_ATTRIBUTE_HIDDEN              ((uint32_t)0x00000002u)
#define FILE_ATTRIBUTE_SYSTEM              ((uint32_t)0x00000004u)
#define FILE_ATTRIBUTE_DIRECTORY           ((uint32_t)0x00000010u)
#define FILE_ATTRIBUTE_ARCHIVE             ((uint32_t)0x00000020u)
#define FILE_ATTRIBUTE_DEVICE              ((uint32_t)0x00000040u)
#define FILE_ATTRIBUTE_NORMAL              ((uint32_t)0x00000080u)
#define FILE_ATTRIBUTE_TEMPORARY           ((uint32_t)0x00000100u)
#define FILE_ATTRIBUTE_SPARSE_FILE         ((uint32_t)0x00000200u)
#define FILE_ATTRIBUTE_REPARSE_POINT       ((uint32_t)0x00000400u)
#define FILE_ATTRIBUTE_COMPRESSED          ((uint32_t)0x00000800u)
#define FILE_ATTRIBUTE_OFFLINE             ((uint32_t)0x00001000u)
#define FILE_ATTRIBUTE_NOT_CONTENT_INDEXED ((uint32_t)0x00002000u)
#define FILE_ATTRIBUTE_ENCRYPTED           ((uint32_t)0x00004000u)

/* The access, share and attribute constants. */
#define FP_NT_ACCESS_LIST(X)                                                                  \
  X(FILE_READ_DATA) X(FILE_LIST_DIRECTORY) X(FILE_WRITE_DATA) X(FILE_ADD_FILE)                \
  X(FILE_APPEND_DATA) X(FILE_READ_EA) X(FILE_WRITE_EA) X(FILE_EXECUTE) X(FILE_TRAVERSE)       \
  X(FILE_READ_ATTRIBUTES) X(FILE_WRITE_ATTRIBUTES) X(DELETE) X(READ_CONTROL) X(WRITE_DAC)     \
  X(WRITE_OWNER) X(SYNCHRONIZE) X(MAXIMUM_ALLOWED) X(GENERIC_ALL) X(GENERIC_EXECUTE)          \
  X(GENERIC_WRITE) X(GENERIC_READ) X(FILE_SHARE_READ) X(FILE_SHARE_WRITE) X(FILE_SHARE_DELETE) \
  X(FILE_ATTRIBUTE_READONLY) X(FILE_ATTRIBUTE_HIDDEN) X(FILE_ATTRIBUTE_SYSTEM)                \
  X(FILE_ATTRIBUTE_DIRECTORY) X(FILE_ATTRIBUTE_ARCHIVE) X(FILE_ATTRIBUTE_DEVICE)              \
  X(FILE_ATTRIBUTE_NORMAL) X(FILE_ATTRIBUTE_TEMPORARY) X(FILE_ATTRIBUTE_SPARSE_FILE)          \
  X(FILE_ATTRIBUTE_REPARSE_POINT) X(FILE_ATTRIBUTE_COMPRESSED) X(FILE_ATTRIBUTE_OFFLINE)      \
  X(FILE_ATTRIBUTE_NOT_CONTENT_INDEXED) X(FILE_ATTRIBUTE_ENCRYPTED)

/* ---- FILE_INFORMATION_CLASS (enum) ---- */
#define FileDirectoryInformation       ((int32_t)1)
#define FileFullDirectoryInformation   ((int32_t)2)
#define FileBothDirectoryInformation   ((int32_t)3)
#define FileBasicInformation           ((int32_t)4)
#define FileStandardInformation        ((int32_t)5)
#define FileInternalInformation        ((int32_t)6)
#define FileEaInformation              ((int32_t)7)
#define FileAccessInformation          ((int32_t)8)
#define FileNameInformation            ((int32_t)9)
#define FileRenameInformation          ((int32_t)10)
#define FileLinkInformation            ((int32_t)11)
#define FileNamesInformation           ((int32_t)12)
#define FileDispositionInformation     ((int32_t)13)
#define FilePositionInformation        ((int32_t)14)
#define FileAllInformation             ((int32_t)18)
#define FileAllocationInformation      ((int32_t)19)
#define FileEndOfFileInformation       ((int32_t)20)
#define FileNetworkOpenInformation     ((int32_t)34)
#define FileAttributeTagInformation    ((int32_t)35)
#define FileDispositionInformationEx   ((int32_t)64)
#define FileRenameInformationEx        ((int32_t)65)
#define FileStatInformation            ((int32_t)68)
#define FileStatLxInformation          ((int32_t)70)
#define FileCaseSensitiveInformation   ((int32_t)71)

/* The FILE_INFORMATION_CLASS values the simulator knows. */
#define FP_NT_FILE_INFO_LIST(X)                                                               \
  X(FileDirectoryInformation) X(FileFullDirectoryInformation) X(FileBothDirectoryInformation) \
  X(FileBasicInformation) X(FileStandardInformation) X(FileInternalInformation)               \
  X(FileEaInformation) X(FileAccessInformation) X(FileNameInformation)                        \
  X(FileRenameInformation) X(FileLinkInformation) X(FileNamesInformation)                     \
  X(FileDispositionInformation) X(FilePositionInformation) X(FileAllInformation)              \
  X(FileAllocationInformation) X(FileEndOfFileInformation) X(FileNetworkOpenInformation)      \
  X(FileAttributeTagInformation) X(FileDispositionInformationEx) X(FileRenameInformationEx)   \
  X(FileStatInformation) X(FileStatLxInformation) X(FileCaseSensitiveInformation)

/* ---- Pool: POOL_TYPE (enum, for ExAllocatePoolWithTag) and POOL_FLAGS (ULONG64) ---- */
#define NonPagedPool               ((int32_t)0)
#define NonPagedPoolExecute        ((int32_t)0)
#define PagedPool                  ((int32_t)1)
#define NonPagedPoolMustSucceed    ((int32_t)2)
#define NonPagedPoolCacheAligned   ((int32_t)4)
#define PagedPoolCacheAligned      ((int32_t)5)
#define NonPagedPoolSession        ((int32_t)32)
#define PagedPoolSession           ((int32_t)33)
#define NonPagedPoolNx             ((int32_t)512)
#define NonPagedPoolNxCacheAligned ((int32_t)516)
#define NonPagedPoolSessionNx      ((int32_t)544)

#define POOL_FLAG_REQUIRED_START     ((uint64_t)0x0000000000000001u)
#define POOL_FLAG_USE_QUOTA          ((uint64_t)0x0000000000000001u)
#define POOL_FLAG_UNINITIALIZED      ((uint64_t)0x0000000000000002u)
#define POOL_FLAG_SESSION            ((uint64_t)0x0000000000000004u)
#define POOL_FLAG_CACHE_ALIGNED      ((uint64_t)0x0000000000000008u)
#define POOL_FLAG_RESERVED1          ((uint64_t)0x0000000000000010u)
#define POOL_FLAG_RAISE_ON_FAILURE   ((uint64_t)0x0000000000000020u)
#define POOL_FLAG_NON_PAGED          ((uint64_t)0x0000000000000040u)
#define POOL_FLAG_NON_PAGED_EXECUTE  ((uint64_t)0x0000000000000080u)
#define POOL_FLAG_PAGED              ((uint64_t)0x0000000000000100u)
#define POOL_FLAG_RESERVED2          ((uint64_t)0x0000000000000200u)
#define POOL_FLAG_RESERVED3          ((uint64_t)0x0000000000000400u)
#define POOL_FLAG_REQUIRED_END       ((uint64_t)0x0000000080000000u)

/* The POOL_TYPE values. */
#define FP_NT_POOL_TYPE_LIST(X)                                                               \
  X(NonPagedPool) X(NonPagedPoolExecute) X(PagedPool) X(NonPagedPoolMustSucceed)              \
  X(NonPagedPoolCacheAligned) X(PagedPoolCacheAligned) X(NonPagedPoolSession)                 \
  X(PagedPoolSession) X(NonPagedPoolNx) X(NonPagedPoolNxCacheAligned) X(NonPagedPoolSessionNx)

/* The POOL_FLAG values. */
#define FP_NT_POOL_FLAG_LIST(X)                                                               \
  X(POOL_FLAG_REQUIRED_START) X(POOL_FLAG_USE_QUOTA) X(POOL_FLAG_UNINITIALIZED)               \
  X(POOL_FLAG_SESSION) X(POOL_FLAG_CACHE_ALIGNED) X(POOL_FLAG_RESERVED1)                      \
  X(POOL_FLAG_RAISE_ON_FAILURE) X(POOL_FLAG_NON_PAGED) X(POOL_FLAG_NON_PAGED_EXECUTE)         \
  X(POOL_FLAG_PAGED) X(POOL_FLAG_RESERVED2) X(POOL_FLAG_RESERVED3) X(POOL_FLAG_REQUIRED_END)

/* ---- Processor modes (MODE; KPROCESSOR_MODE is a CCHAR holding one) ---- */
#define KernelMode  ((int32_t)0)
#define UserMode    ((int32_t)1)
#define MaximumMode ((int32_t)2)

/* ---- WORK_QUEUE_TYPE (enum) ---- */
#define CriticalWorkQueue       ((int32_t)0)
#define DelayedWorkQueue        ((int32_t)1)
#define HyperCriticalWorkQueue  ((int32_t)2)
#define NormalWorkQueue         ((int32_t)3)
#define BackgroundWorkQueue     ((int32_t)4)
#define RealTimeWorkQueue       ((int32_t)5)
#define SuperCriticalWorkQueue  ((int32_t)6)
#define MaximumWorkQueue        ((int32_t)7)
#define CustomPriorityWorkQueue ((int32_t)32)

/* ---- Exception filter results (excpt.h, int) ---- */
#define EXCEPTION_EXECUTE_HANDLER    ((int32_t)1)
#define EXCEPTION_CONTINUE_SEARCH    ((int32_t)0)
#define EXCEPTION_CONTINUE_EXECUTION ((int32_t)-1)

/* The MODE values. */
#define FP_NT_MODE_LIST(X) X(KernelMode) X(UserMode) X(MaximumMode)

/* The WORK_QUEUE_TYPE values. */
#define FP_NT_WORK_QUEUE_LIST(X)                                                              \
  X(CriticalWorkQueue) X(DelayedWorkQueue) X(HyperCriticalWorkQueue) X(NormalWorkQueue)       \
  X(BackgroundWorkQueue) X(RealTimeWorkQueue) X(SuperCriticalWorkQueue) X(MaximumWorkQueue)   \
  X(CustomPriorityWorkQueue)

/* The exception filter results. */
#define FP_NT_EXCEPTION_LIST(X)                                                               \
  X(EXCEPTION_EXECUTE_HANDLER) X(EXCEPTION_CONTINUE_SEARCH) X(EXCEPTION_CONTINUE_EXECUTION)

#endif
