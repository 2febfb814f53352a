/* alloc.h: the one allocation hook of a core instance (an engine, a compiler run).
 *
 * Every host-side allocation of the core goes through an fp_alloc, so tests count leaks and
 * make the Nth allocation fail on purpose. Blocks carry their size in a small header, so
 * fp_free needs only the pointer. Ownership: a pointer from fp_malloc/fp_calloc/fp_realloc/
 * fp_strdup is freed with fp_free on the same fp_alloc. */
#ifndef FP_BASE_ALLOC_H
#define FP_BASE_ALLOC_H

#include <stddef.h>
#include <stdint.h>

/* A realloc-style function: new_size 0 frees `ptr` and returns NULL. */
typedef void *(*fp_realloc_fn)(void *user, void *ptr, size_t new_size);

typedef struct fp_alloc {
  fp_realloc_fn fn;     /* NULL = the C library's realloc/free */
  void *user;           /* passed to fn */
  size_t live_bytes;    /* bytes currently allocated (without headers) */
  size_t live_blocks;   /* blocks currently allocated */
  size_t peak_bytes;    /* the most live_bytes ever was */
  size_t limit_bytes;   /* 0 = no limit; beyond it allocations fail */
  uint64_t count;       /* allocations attempted so far */
  uint64_t fail_at;     /* 0 = never; otherwise the fail_at-th allocation fails */
} fp_alloc;

/* An allocator that uses the C library, with no limit. */
fp_alloc fp_alloc_default(void);

/* Allocates `size` bytes (uninitialised); NULL on failure. Caller frees with fp_free. */
void *fp_malloc(fp_alloc *a, size_t size);

/* Allocates `count * size` zeroed bytes; NULL on failure or overflow. Caller frees with fp_free. */
void *fp_calloc(fp_alloc *a, size_t count, size_t size);

/* Resizes a block (NULL = new block); on failure returns NULL and leaves `ptr` valid.
 * Caller frees the result with fp_free. */
void *fp_realloc(fp_alloc *a, void *ptr, size_t size);

/* Frees a block from this allocator; NULL is allowed. */
void fp_free(fp_alloc *a, void *ptr);

/* Copies a NUL-terminated string; NULL on failure. Caller frees with fp_free. */
char *fp_strdup(fp_alloc *a, const char *s);

/* Copies `n` bytes of `s` and adds a NUL; NULL on failure. Caller frees with fp_free. */
char *fp_strndup(fp_alloc *a, const char *s, size_t n);

#endif
