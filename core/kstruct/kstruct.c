/* kstruct.c: the lookups of kstruct.h over the rows of kstruct_table.h. */
#include "kstruct/kstruct.h"

#include <string.h>

typedef struct ks_struct_row {
  const char *name;
  uint32_t size;
  uint32_t align;
  ks_kind kind;
  const char *alias;
} ks_struct_row;

typedef struct ks_field_row {
  ks_struct owner;
  const char *path;
  const char *type;
  uint32_t offset;
  uint32_t size;
  const char *arm;
  ks_struct embed;
} ks_field_row;

#define KS_STRUCT_ROW_(name, size, align, kind, alias) { #name, size, align, KS_KIND_##kind, alias },
static const ks_struct_row structs[KS_STRUCT_COUNT] = { KS_STRUCT_LIST(KS_STRUCT_ROW_) };
#undef KS_STRUCT_ROW_

#define KS_FIELD_ROW_(st, id, path, type, off, size, arm, embed) \
  { KS_STRUCT_##st, path, type, off, size, arm, KS_STRUCT_##embed },
static const ks_field_row fields[KS_FIELD_COUNT] = { KS_FIELD_LIST(KS_FIELD_ROW_) };
#undef KS_FIELD_ROW_

/* The row of `f`, NULL when out of range. */
static const ks_field_row *frow(ks_field f) {
  return (unsigned)f < (unsigned)KS_FIELD_COUNT ? &fields[f] : NULL;
}

/* The row of `s`, NULL when out of range. */
static const ks_struct_row *srow(ks_struct s) {
  return (unsigned)s < (unsigned)KS_STRUCT_COUNT ? &structs[s] : NULL;
}

uint32_t ks_offset(ks_field f) { return frow(f) ? frow(f)->offset : 0; }

uint32_t ks_size(ks_field f) { return frow(f) ? frow(f)->size : 0; }

const char *ks_field_path(ks_field f) { return frow(f) ? frow(f)->path : NULL; }

const char *ks_field_type(ks_field f) { return frow(f) ? frow(f)->type : NULL; }

const char *ks_field_arm(ks_field f) { return frow(f) ? frow(f)->arm : NULL; }

ks_struct ks_field_struct(ks_field f) { return frow(f) ? frow(f)->owner : KS_STRUCT_NONE; }

ks_struct ks_field_embedded(ks_field f) { return frow(f) ? frow(f)->embed : KS_STRUCT_NONE; }

uint32_t ks_field_array_len(ks_field f) {
  const char *t = ks_field_type(f);
  if (!t) return 0;
  const char *b = strchr(t, '[');
  if (!b) return 0;
  uint32_t n = 0;
  for (const char *p = b + 1; *p >= '0' && *p <= '9'; p++) n = n * 10u + (uint32_t)(*p - '0');
  return n;
}

uint32_t ks_struct_size(ks_struct s) { return srow(s) ? srow(s)->size : 0; }

uint32_t ks_struct_align(ks_struct s) { return srow(s) ? srow(s)->align : 0; }

ks_kind ks_struct_kind(ks_struct s) { return srow(s) ? srow(s)->kind : KS_KIND_SCALAR; }

const char *ks_struct_name(ks_struct s) { return srow(s) ? srow(s)->name : NULL; }

const char *ks_struct_alias(ks_struct s) { return srow(s) ? srow(s)->alias : NULL; }

ks_field ks_struct_first_field(ks_struct s) {
  for (int i = 0; i < KS_FIELD_COUNT; i++)
    if (fields[i].owner == s) return (ks_field)i;
  return KS_FIELD_COUNT;
}

size_t ks_struct_field_count(ks_struct s) {
  size_t n = 0;
  for (int i = 0; i < KS_FIELD_COUNT; i++) n += fields[i].owner == s;
  return n;
}

int ks_struct_lookup(const char *name, ks_struct *out) {
  if (!name) return 0;
  for (int i = 0; i < KS_STRUCT_COUNT; i++)
    if (strcmp(structs[i].name, name) == 0) {
      if (out) *out = (ks_struct)i;
      return 1;
    }
  return 0;
}

int ks_field_lookup(ks_struct s, const char *path, ks_field *out) {
  if (!path || !srow(s)) return 0;
  for (int i = 0; i < KS_FIELD_COUNT; i++)
    if (fields[i].owner == s && strcmp(fields[i].path, path) == 0) {
      if (out) *out = (ks_field)i;
      return 1;
    }
  return 0;
}

int ks_resolve(ks_struct s, const char *path, uint32_t *offset, ks_field *leaf) {
  uint32_t base = 0;
  /* Each round either finds the whole remaining path in `s`, or a field of `s` whose path
   * plus '.' prefixes it and whose type is an embedded structure, and descends into that. */
  for (int depth = 0; path && srow(s) && depth < KS_STRUCT_COUNT; depth++) {
    ks_field f;
    if (ks_field_lookup(s, path, &f)) {
      if (offset) *offset = base + fields[f].offset;
      if (leaf) *leaf = f;
      return 1;
    }
    int next = -1;
    size_t best = 0;
    for (int i = 0; i < KS_FIELD_COUNT; i++) {
      if (fields[i].owner != s || fields[i].embed == KS_STRUCT_NONE) continue;
      if (ks_field_array_len((ks_field)i) != 0) continue;
      size_t n = strlen(fields[i].path);
      if (n > best && strncmp(path, fields[i].path, n) == 0 && path[n] == '.') {
        next = i;
        best = n;
      }
    }
    if (next < 0) return 0;
    base += fields[next].offset;
    s = fields[next].embed;
    path += best + 1;
  }
  return 0;
}
