/* kheap.h: host memory for the address space's block records and block contents. Small
 * pieces come from large chunks and go back on a free list per size class, so mapping a block
 * does not cost two trips through the C library's allocator; larger ones go to the fp_alloc.
 * Under AddressSanitizer every piece is its own allocation, so host overruns stay visible.
 *
 * Ownership: the space owns its heap; kh_release gives the chunks back (pieces larger than
 * KH_MAX must have been freed with kh_free before). */
#ifndef FP_KMEM_KHEAP_H
#define FP_KMEM_KHEAP_H

#include <stddef.h>

#include "base/alloc.h"

#define KH_GRAIN 16u
#define KH_MAX 1024u      /* larger pieces are plain allocations */
#define KH_CLASSES (KH_MAX / KH_GRAIN)

/* The heap of one space. */
typedef struct kh_heap {
  fp_alloc *alloc;
  void *chunks;          /* chunks, linked through their first bytes */
  unsigned char *bump;   /* the unused rest of the newest chunk */
  size_t bump_left;
  void *free[KH_CLASSES];
} kh_heap;

/* Prepares an empty heap over `a`. */
void kh_init(kh_heap *h, fp_alloc *a);

/* `size` zeroed bytes (16-byte aligned; size > 0), or NULL when memory runs out. Freed with
 * kh_free and the same size. */
void *kh_alloc(kh_heap *h, size_t size);

/* Gives back a piece of `size` bytes from kh_alloc (NULL is allowed). */
void kh_free(kh_heap *h, void *p, size_t size);

/* Whether pieces of `size` bytes live in the chunks (kh_release frees them). */
int kh_chunked(size_t size);

/* Frees every chunk. */
void kh_release(kh_heap *h);

#endif
