/* kstruct.h: field ids, offsets and sizes of the kernel structures of kstruct_table.h.
 *
 * The engine reads and writes structures in simulated memory by field id:
 *   addr + ks_offset(KS_FLT_CALLBACK_DATA_Iopb), ks_size(KS_FLT_CALLBACK_DATA_Iopb) bytes.
 * Ids are KS_<STRUCT>_<ID> for fields (KS_FLT_PARAMETERS_Read_Length) and KS_STRUCT_<STRUCT>
 * for structures (KS_STRUCT_FILE_OBJECT). Offsets are from the start of the field's own
 * structure; ks_resolve walks paths through embedded structures ("Parameters.Read.Length" in
 * FLT_IO_PARAMETER_BLOCK). Everything is x64 (LLP64). All functions are pure lookups; an out-of-
 * range id gives 0, NULL or KS_STRUCT_NONE. */
#ifndef FP_KSTRUCT_KSTRUCT_H
#define FP_KSTRUCT_KSTRUCT_H

#include <stddef.h>
#include <stdint.h>

#include "kstruct/kstruct_table.h"

/* What a table structure is. */
typedef enum ks_kind {
  KS_KIND_STRUCT, /* a struct */
  KS_KIND_UNION,  /* a union: its fields overlap (LARGE_INTEGER, FLT_PARAMETERS) */
  KS_KIND_SCALAR  /* a typedef of a basic type (KSPIN_LOCK); it has no fields */
} ks_kind;

#define KS_STRUCT_ENUM_(name, size, align, kind, alias) KS_STRUCT_##name,
/* One id per structure of the table, in table order; KS_STRUCT_NONE means "no structure". */
typedef enum ks_struct {
  KS_STRUCT_LIST(KS_STRUCT_ENUM_)
  KS_STRUCT_COUNT,
  KS_STRUCT_NONE = KS_STRUCT_COUNT
} ks_struct;
#undef KS_STRUCT_ENUM_

#define KS_FIELD_ENUM_(st, id, path, type, off, size, arm, embed) KS_##st##_##id,
/* One id per field of the table, in table order (grouped by structure). */
typedef enum ks_field {
  KS_FIELD_LIST(KS_FIELD_ENUM_)
  KS_FIELD_COUNT
} ks_field;
#undef KS_FIELD_ENUM_

/* The byte offset of field `f` from the start of its structure. */
uint32_t ks_offset(ks_field f);

/* The size in bytes of field `f` (all elements, for an array). */
uint32_t ks_size(ks_field f);

/* The member path of `f` as C writes it ("Read.Length"). */
const char *ks_field_path(ks_field f);

/* The C type of `f` as the WDK writes it ("PFLT_IO_PARAMETER_BLOCK", "PVOID[4]"). */
const char *ks_field_type(ks_field f);

/* The union arm of `f` ("" when in no union; see kstruct_table.h). */
const char *ks_field_arm(ks_field f);

/* The structure `f` belongs to. */
ks_struct ks_field_struct(ks_field f);

/* The table structure `f` is an instance of (an array's element type), or KS_STRUCT_NONE. */
ks_struct ks_field_embedded(ks_field f);

/* The element count of an array field ("PVOID[4]" gives 4), 0 when `f` is not an array. */
uint32_t ks_field_array_len(ks_field f);

/* sizeof the structure on x64. */
uint32_t ks_struct_size(ks_struct s);

/* The alignment of the structure on x64. */
uint32_t ks_struct_align(ks_struct s);

/* Whether `s` is a struct, a union or a scalar typedef. */
ks_kind ks_struct_kind(ks_struct s);

/* The WDK name of the structure ("FLT_CALLBACK_DATA"). */
const char *ks_struct_name(ks_struct s);

/* For a scalar typedef, the basic type it names ("ULONG_PTR" for KSPIN_LOCK); "" otherwise. */
const char *ks_struct_alias(ks_struct s);

/* The first field of `s` (fields of a structure are consecutive ids); KS_FIELD_COUNT if none. */
ks_field ks_struct_first_field(ks_struct s);

/* The number of fields the table lists for `s`. */
size_t ks_struct_field_count(ks_struct s);

/* Finds a structure by its WDK name; 1 and *out set when found, else 0. */
int ks_struct_lookup(const char *name, ks_struct *out);

/* Finds a field of `s` by its exact path ("IoStatus", "Read.Length"); 1 and *out when found. */
int ks_field_lookup(ks_struct s, const char *path, ks_field *out);

/* Resolves a path through embedded structures ("IoStatus.Status" in FLT_CALLBACK_DATA,
 * "Parameters.Read.Length" in FLT_IO_PARAMETER_BLOCK): 1 with *offset (from the start of `s`)
 * and *leaf (the last field) set when found, else 0. Either out pointer may be NULL. */
int ks_resolve(ks_struct s, const char *path, uint32_t *offset, ks_field *leaf);

#endif
