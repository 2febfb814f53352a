/* arena.h: the compiler's memory: a bump allocator over an fp_alloc with a byte budget, and an
 * identifier intern table. Everything a compilation builds (tokens, macros, types, the syntax
 * tree) lives in one arena and goes with it; a program's own data lives in a second arena.
 * When memory or the budget runs out, the arena jumps to the compilation's recovery point
 * (ar_fail), so the phases need no NULL checks. Ownership: ar_free releases every block. */
#ifndef FP_LANG_ARENA_H
#define FP_LANG_ARENA_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"

typedef struct ar_chunk ar_chunk;

typedef struct ar_arena {
  fp_alloc *alloc;
  ar_chunk *chunks;     /* newest first */
  char *cur, *end;      /* free space of the newest chunk */
  size_t total;         /* bytes taken from the allocator */
  size_t limit;         /* 0 = none; beyond it the arena fails with AR_BUDGET */
  jmp_buf *on_fail;     /* where a failure jumps (NULL: ar_alloc returns NULL) */
  int failed;           /* AR_NO_MEMORY or AR_BUDGET once a request could not be met */
} ar_arena;

enum { AR_OK = 0, AR_NO_MEMORY = 1, AR_BUDGET = 2 };

/* An empty arena over `a` with a byte budget (0 = none). */
void ar_init(ar_arena *ar, fp_alloc *a, size_t limit);

/* `n` zeroed bytes aligned to 16; on failure jumps to on_fail (or returns NULL). */
void *ar_alloc(ar_arena *ar, size_t n);

/* A copy of `n` bytes of `s` with a NUL after them. */
char *ar_strndup(ar_arena *ar, const char *s, size_t n);

/* Grows an array held in the arena: returns a block of `new_count` items with the first
 * `count` copied from `items` (the old block is left to the arena). */
void *ar_grow(ar_arena *ar, void *items, size_t count, size_t new_count, size_t item_size);

/* Releases every chunk. */
void ar_free(ar_arena *ar);

/* Records the failure and jumps to on_fail (or returns when there is none). */
void ar_fail(ar_arena *ar, int why);

/* ---- Interned names: equal names are equal pointers ---------------------------------------- */

typedef struct ar_names {
  ar_arena *ar;
  const char **slots;   /* open addressing */
  uint32_t cap, count;
} ar_names;

void ar_names_init(ar_names *n, ar_arena *ar);

/* The unique copy of `s[0..len)`. */
const char *ar_intern(ar_names *n, const char *s, size_t len);

/* A hash of an interned pointer, for tables keyed by names. */
static inline uint32_t ar_ptr_hash(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return (uint32_t)x;
}

#endif
