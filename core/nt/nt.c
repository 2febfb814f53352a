/* nt.c: name lookups, flag rendering and the constant table, all generated from the lists of
 * nt_status.h, nt_const.h and nt_bugcheck.h. */
#include "nt/nt.h"

#include <stdio.h>
#include <string.h>

typedef struct named {
  const char *name;
  uint64_t value;
} named;

#define NAMED_(n) { #n, (uint64_t)(n) },

static const named statuses[] = { FP_NT_STATUS_LIST(NAMED_) };
static const named irqls[] = { FP_NT_IRQL_LIST(NAMED_) };
static const named majors[] = { FP_NT_MAJOR_LIST(NAMED_) };
static const named preops[] = { FP_NT_PREOP_LIST(NAMED_) };
static const named postops[] = { FP_NT_POSTOP_LIST(NAMED_) };
static const named cbd_flags[] = { FP_NT_CBD_FLAG_LIST(NAMED_) };
static const named irp_flags[] = { FP_NT_IRP_FLAG_LIST(NAMED_) };
static const named fo_flags[] = { FP_NT_FO_FLAG_LIST(NAMED_) };

#undef NAMED_

#define COUNT_(a) (sizeof(a) / sizeof((a)[0]))

/* The first name in `list` whose value is `value`, NULL if none. */
static const char *lookup(const named *list, size_t count, uint64_t value) {
  for (size_t i = 0; i < count; i++)
    if (list[i].value == value) return list[i].name;
  return NULL;
}

const char *fp_nt_status_name(uint32_t status) { return lookup(statuses, COUNT_(statuses), status); }

const char *fp_nt_irql_name(unsigned irql) { return lookup(irqls, COUNT_(irqls), irql); }

const char *fp_nt_major_name(unsigned char major) { return lookup(majors, COUNT_(majors), major); }

const char *fp_nt_preop_status_name(int status) {
  return status < 0 ? NULL : lookup(preops, COUNT_(preops), (uint64_t)status);
}

const char *fp_nt_postop_status_name(int status) {
  return status < 0 ? NULL : lookup(postops, COUNT_(postops), (uint64_t)status);
}

int fp_nt_major_is_fs_filter(unsigned char major) {
  return major == IRP_MJ_ACQUIRE_FOR_SECTION_SYNCHRONIZATION ||
         major == IRP_MJ_RELEASE_FOR_SECTION_SYNCHRONIZATION ||
         major == IRP_MJ_ACQUIRE_FOR_MOD_WRITE || major == IRP_MJ_RELEASE_FOR_MOD_WRITE ||
         major == IRP_MJ_ACQUIRE_FOR_CC_FLUSH || major == IRP_MJ_RELEASE_FOR_CC_FLUSH ||
         major == IRP_MJ_QUERY_OPEN;
}

/* Appends `s` at length `*len` of `out` (capacity `cap`), keeping `out` NUL-terminated and
 * counting the bytes that did not fit. */
static void put(char *out, size_t cap, size_t *len, const char *s) {
  size_t n = strlen(s);
  if (cap > 0 && *len < cap - 1) {
    size_t room = cap - 1 - *len;
    size_t k = n < room ? n : room;
    memcpy(out + *len, s, k);
    out[*len + k] = '\0';
  }
  *len += n;
}

size_t fp_nt_flags_render(fp_nt_flag_set set, uint32_t flags, char *out, size_t cap) {
  const named *list;
  size_t count;
  switch (set) {
  case FP_NT_FLAGS_CALLBACK_DATA: list = cbd_flags; count = COUNT_(cbd_flags); break;
  case FP_NT_FLAGS_IRP: list = irp_flags; count = COUNT_(irp_flags); break;
  case FP_NT_FLAGS_FILE_OBJECT: list = fo_flags; count = COUNT_(fo_flags); break;
  default: list = NULL; count = 0; break;
  }
  size_t len = 0;
  if (cap > 0) out[0] = '\0';
  if (flags == 0) {
    put(out, cap, &len, "0");
    return len;
  }
  uint32_t left = flags;
  for (size_t i = 0; i < count; i++) {
    uint32_t v = (uint32_t)list[i].value;
    if (v == 0 || (left & v) != v) continue;
    if (len > 0) put(out, cap, &len, "|");
    put(out, cap, &len, list[i].name);
    left &= ~v;
  }
  if (left) {
    char hex[16];
    snprintf(hex, sizeof hex, "0x%X", (unsigned)left);
    if (len > 0) put(out, cap, &len, "|");
    put(out, cap, &len, hex);
  }
  return len;
}

/* An NTSTATUS bit pattern as the signed LONG the WDK declares (a constant expression). */
#define SIGNED32_(v) ((int64_t)(v) - (((uint64_t)(v) & 0x80000000u) ? INT64_C(0x100000000) : 0))

#define K_NTSTATUS_(n) { #n, SIGNED32_(n), "NTSTATUS" },
#define K_KIRQL_(n) { #n, (int64_t)(n), "KIRQL" },
#define K_UCHAR_(n) { #n, (int64_t)(n), "UCHAR" },
#define K_USHORT_(n) { #n, (int64_t)(n), "USHORT" },
#define K_ULONG_(n) { #n, (int64_t)(n), "ULONG" },
#define K_ULONG64_(n) { #n, (int64_t)(n), "ULONG64" },
#define K_PREOP_(n) { #n, (int64_t)(n), "FLT_PREOP_CALLBACK_STATUS" },
#define K_POSTOP_(n) { #n, (int64_t)(n), "FLT_POSTOP_CALLBACK_STATUS" },
#define K_FILE_INFO_(n) { #n, (int64_t)(n), "FILE_INFORMATION_CLASS" },
#define K_POOL_TYPE_(n) { #n, (int64_t)(n), "POOL_TYPE" },
#define K_MODE_(n) { #n, (int64_t)(n), "MODE" },
#define K_WORK_QUEUE_(n) { #n, (int64_t)(n), "WORK_QUEUE_TYPE" },
#define K_INT_(n) { #n, (int64_t)(n), "int" },

static const fp_nt_constant constants[] = {
  FP_NT_STATUS_LIST(K_NTSTATUS_)
  FP_NT_IRQL_LIST(K_KIRQL_)
  FP_NT_MAJOR_LIST(K_UCHAR_)
  FP_NT_PREOP_LIST(K_PREOP_)
  FP_NT_POSTOP_LIST(K_POSTOP_)
  FP_NT_CBD_FLAG_LIST(K_ULONG_)
  FP_NT_FLTFL_LIST(K_ULONG_)
  FP_NT_VERSION_LIST(K_USHORT_)
  FP_NT_USHORT_LIST(K_USHORT_)
  FP_NT_FILE_NAME_LIST(K_ULONG_)
  FP_NT_IRP_FLAG_LIST(K_ULONG_)
  FP_NT_FO_FLAG_LIST(K_ULONG_)
  FP_NT_CREATE_LIST(K_ULONG_)
  FP_NT_ACCESS_LIST(K_ULONG_)
  FP_NT_FILE_INFO_LIST(K_FILE_INFO_)
  FP_NT_POOL_TYPE_LIST(K_POOL_TYPE_)
  FP_NT_POOL_FLAG_LIST(K_ULONG64_)
  FP_NT_MODE_LIST(K_MODE_)
  FP_NT_WORK_QUEUE_LIST(K_WORK_QUEUE_)
  FP_NT_EXCEPTION_LIST(K_INT_)
  FP_NT_BUGCHECK_LIST(K_ULONG_)
};

const fp_nt_constant *fp_nt_constant_find(const char *name) {
  if (!name) return NULL;
  for (size_t i = 0; i < COUNT_(constants); i++)
    if (strcmp(constants[i].name, name) == 0) return &constants[i];
  return NULL;
}

size_t fp_nt_constant_count(void) { return COUNT_(constants); }

const fp_nt_constant *fp_nt_constant_at(size_t i) { return i < COUNT_(constants) ? &constants[i] : NULL; }
