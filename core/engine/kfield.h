/* kfield.h: the offsets and sizes of core/kstruct's table as inline lookups for the engine's
 * hot paths (kstruct.h's ks_offset/ks_size give the same values through a function call).
 * With a constant field id the compiler folds them to the number. */
#ifndef FP_ENGINE_KFIELD_H
#define FP_ENGINE_KFIELD_H

#include "kstruct/kstruct.h"

#define KF_OFFSET_(st, id, path, type, off, size, arm, embed) off,
#define KF_SIZE_(st, id, path, type, off, size, arm, embed) size,
#define KF_STRUCT_SIZE_(name, size, align, kind, alias) size,

/* The byte offset of field `f` from the start of its structure (0 for an unknown id). */
static inline uint32_t kf_offset(ks_field f) {
  static const uint32_t offsets[KS_FIELD_COUNT] = { KS_FIELD_LIST(KF_OFFSET_) };
  return (unsigned)f < (unsigned)KS_FIELD_COUNT ? offsets[f] : 0;
}

/* The size in bytes of field `f` (0 for an unknown id). */
static inline uint32_t kf_size(ks_field f) {
  static const uint32_t sizes[KS_FIELD_COUNT] = { KS_FIELD_LIST(KF_SIZE_) };
  return (unsigned)f < (unsigned)KS_FIELD_COUNT ? sizes[f] : 0;
}

/* sizeof a table structure (0 for an unknown id). */
static inline uint32_t kf_struct_size(ks_struct s) {
  static const uint32_t sizes[KS_STRUCT_COUNT] = { KS_STRUCT_LIST(KF_STRUCT_SIZE_) };
  return (unsigned)s < (unsigned)KS_STRUCT_COUNT ? sizes[s] : 0;
}

#undef KF_OFFSET_
#undef KF_SIZE_
#undef KF_STRUCT_SIZE_

#endif
