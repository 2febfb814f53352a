/* nt.h: Windows constants, names and bug checks for the engine and the driver language.
 *
 * Include this one header. It brings:
 *   nt/nt_status.h    STATUS_* values as fp_ntstatus (uint32_t bit patterns), NT_SUCCESS
 *   nt/nt_const.h     IRQLs, IRP_MJ_*, FLT_PREOP_*, FLTFL_*, IRP_*, FO_*, create, access,
 *                     FILE_INFORMATION_CLASS, POOL_TYPE, POOL_FLAG_*, ... under WDK names,
 *                     each a cast to the fixed-width type matching its WDK type
 *   nt/nt_bugcheck.h  bug-check codes (bugcodes.h names), their documented parameters and
 *                     the P1 subcodes of BAD_POOL_CALLER, DRIVER_VERIFIER_DETECTED_VIOLATION
 *                     and FLTMGR_FILE_SYSTEM
 * and the lookups below. Every lookup returns a static string, or NULL when the value has no
 * name (callers print the number themselves then). Nothing here has state. */
#ifndef FP_NT_NT_H
#define FP_NT_NT_H

#include <stddef.h>
#include <stdint.h>

#include "nt/nt_bugcheck.h"
#include "nt/nt_const.h"
#include "nt/nt_status.h"

/* The ntstatus.h name of a status ("STATUS_ACCESS_DENIED"), NULL if not in nt_status.h. */
const char *fp_nt_status_name(uint32_t status);

/* The name of an IRQL ("DISPATCH_LEVEL"; 14 is "IPI_LEVEL", 15 "HIGH_LEVEL"), NULL for unnamed levels. */
const char *fp_nt_irql_name(unsigned irql);

/* The name of an operation code, including the FltMgr-only negative codes
 * ("IRP_MJ_QUERY_OPEN" for (unsigned char)-7) and IRP_MJ_OPERATION_END; NULL if unknown. */
const char *fp_nt_major_name(unsigned char major);

/* The name of a FLT_PREOP_CALLBACK_STATUS value, NULL if out of range. */
const char *fp_nt_preop_status_name(int status);

/* The name of a FLT_POSTOP_CALLBACK_STATUS value, NULL if out of range. */
const char *fp_nt_postop_status_name(int status);

/* 1 if `major` is one of the FsFilter callback operations (the six ACQUIRE_/RELEASE_ codes
 * and IRP_MJ_QUERY_OPEN, catalogue CONST-5), else 0. */
int fp_nt_major_is_fs_filter(unsigned char major);

/* The flag words fp_nt_flags_render knows. */
typedef enum fp_nt_flag_set {
  FP_NT_FLAGS_CALLBACK_DATA, /* FLT_CALLBACK_DATA.Flags: FLTFL_CALLBACK_DATA_* */
  FP_NT_FLAGS_IRP,           /* IRP.Flags and FLT_IO_PARAMETER_BLOCK.IrpFlags: IRP_* */
  FP_NT_FLAGS_FILE_OBJECT    /* FILE_OBJECT.Flags: FO_* */
} fp_nt_flag_set;

/* Renders `flags` as "NAME|NAME|0x40": names in ascending bit order (the first name of an
 * aliased bit), unnamed bits gathered into one trailing hex number, "0" for no bits. Writes
 * at most `cap` bytes including the NUL (like snprintf) and returns the full length. */
size_t fp_nt_flags_render(fp_nt_flag_set set, uint32_t flags, char *out, size_t cap);

/* One named constant, for a compiler that lets drivers use the WDK names. */
typedef struct fp_nt_constant {
  const char *name;  /* "STATUS_ACCESS_DENIED" */
  int64_t value;     /* its value in the WDK type (NTSTATUS is signed: -1073741790) */
  const char *type;  /* the WDK type it belongs to: "NTSTATUS", "ULONG", "KIRQL", "UCHAR",
                        "USHORT", "ULONG64", or an enum's name (its enumerators are int in C) */
} fp_nt_constant;

/* The constant named `name`, NULL if there is none. */
const fp_nt_constant *fp_nt_constant_find(const char *name);

/* The number of named constants. */
size_t fp_nt_constant_count(void);

/* The i-th named constant, NULL when i is out of range. */
const fp_nt_constant *fp_nt_constant_at(size_t i);

#endif
