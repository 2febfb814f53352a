/* arena.c: bump allocation for a compilation, and interned names (arena.h). */
#include "lang/arena.h"

#include <string.h>

struct ar_chunk {
  ar_chunk *next;
  size_t size;
};

#define CHUNK_MIN (64u * 1024u)
#define HDR ((sizeof(ar_chunk) + 15u) & ~(size_t)15u)

void ar_init(ar_arena *ar, fp_alloc *a, size_t limit) {
  memset(ar, 0, sizeof *ar);
  ar->alloc = a;
  ar->limit = limit;
}

void ar_fail(ar_arena *ar, int why) {
  if (!ar->failed) ar->failed = why;
  if (ar->on_fail) longjmp(*ar->on_fail, 1);
}

void *ar_alloc(ar_arena *ar, size_t n) {
  n = (n + 15u) & ~(size_t)15u;
  if (n == 0) n = 16;
  if ((size_t)(ar->end - ar->cur) < n || !ar->cur) {
    size_t size = n + HDR > CHUNK_MIN ? n + HDR : CHUNK_MIN;
    if (ar->failed || (ar->limit && ar->total + size > ar->limit)) {
      ar_fail(ar, ar->failed ? ar->failed : AR_BUDGET);
      return NULL;
    }
    ar_chunk *c = fp_malloc(ar->alloc, size);
    if (!c) {
      ar_fail(ar, AR_NO_MEMORY);
      return NULL;
    }
    c->size = size;
    c->next = ar->chunks;
    ar->chunks = c;
    ar->total += size;
    ar->cur = (char *)c + HDR;
    ar->end = (char *)c + size;
  }
  void *p = ar->cur;
  ar->cur += n;
  memset(p, 0, n);
  return p;
}

char *ar_strndup(ar_arena *ar, const char *s, size_t n) {
  char *p = ar_alloc(ar, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void *ar_grow(ar_arena *ar, void *items, size_t count, size_t new_count, size_t item_size) {
  void *p = ar_alloc(ar, new_count * item_size);
  if (p && count) memcpy(p, items, count * item_size);
  return p;
}

void ar_free(ar_arena *ar) {
  ar_chunk *c = ar->chunks;
  while (c) {
    ar_chunk *next = c->next;
    fp_free(ar->alloc, c);
    c = next;
  }
  ar->chunks = NULL;
  ar->cur = ar->end = NULL;
  ar->total = 0;
}

/* ---- Interning ---------------------------------------------------------------------------- */

static uint32_t hash_bytes(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) {
    h ^= (uint8_t)s[i];
    h *= 16777619u;
  }
  return h;
}

void ar_names_init(ar_names *n, ar_arena *ar) {
  memset(n, 0, sizeof *n);
  n->ar = ar;
}

const char *ar_intern(ar_names *n, const char *s, size_t len) {
  if (n->count * 2 >= n->cap) {
    uint32_t cap = n->cap ? n->cap * 2 : 1024;
    const char **slots = ar_alloc(n->ar, cap * sizeof *slots);
    if (!slots) return NULL;
    for (uint32_t i = 0; i < n->cap; i++) {
      const char *name = n->slots[i];
      if (!name) continue;
      uint32_t j = hash_bytes(name, strlen(name)) & (cap - 1);
      while (slots[j]) j = (j + 1) & (cap - 1);
      slots[j] = name;
    }
    n->slots = slots;
    n->cap = cap;
  }
  uint32_t j = hash_bytes(s, len) & (n->cap - 1);
  for (;;) {
    const char *name = n->slots[j];
    if (!name) break;
    if (strncmp(name, s, len) == 0 && name[len] == '\0') return name;
    j = (j + 1) & (n->cap - 1);
  }
  char *copy = ar_strndup(n->ar, s, len);
  if (!copy) return NULL;
  n->slots[j] = copy;
  n->count++;
  return copy;
}
