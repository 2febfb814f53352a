/* slab.h: recycled host memory for the engine's short-lived objects (activations, the state
 * driver code keeps while it runs). Freed blocks go on a free list per size class and are
 * handed out again, so an operation does not cost a trip through the C library's allocator.
 * Large blocks go straight to the engine's fp_alloc. Under AddressSanitizer every block goes
 * back at once, so use after free stays visible.
 *
 * Ownership: the engine owns its pool; slab_release gives everything back to the fp_alloc. */
#ifndef FP_ENGINE_SLAB_H
#define FP_ENGINE_SLAB_H

#include <stddef.h>

#include "base/alloc.h"

#define SLAB_GRAIN 32u     /* size classes are multiples of this */
#define SLAB_CLASSES 64u   /* blocks up to SLAB_GRAIN * SLAB_CLASSES bytes are recycled */

#if defined(__SANITIZE_ADDRESS__)
#define SLAB_KEEP 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLAB_KEEP 0
#endif
#endif
#ifndef SLAB_KEEP
#define SLAB_KEEP 1        /* freed blocks are kept for reuse */
#endif

/* The free lists of one engine. */
typedef struct slab_pool {
  fp_alloc *alloc;
  void *free[SLAB_CLASSES];
} slab_pool;

/* Before each block: its size class (SLAB_CLASSES: not recycled). 16 bytes keep the block
 * 16-byte aligned. */
typedef struct slab_head {
  size_t cls;
  void *next; /* on a free list: the next free block's head */
} slab_head;

/* Prepares an empty pool over `a`. */
void slab_init(slab_pool *p, fp_alloc *a);

/* slab_alloc when the class's free list is empty (or the block is large). */
void *slab_alloc_new(slab_pool *p, size_t size);

/* `size` uninitialised bytes (16-byte aligned), or NULL when memory runs out. Freed with
 * slab_free on the same pool. */
static inline void *slab_alloc(slab_pool *p, size_t size) {
  size_t cls = size ? (size - 1) / SLAB_GRAIN : 0;
  if (cls < SLAB_CLASSES && p->free[cls]) {
    slab_head *h = p->free[cls];
    p->free[cls] = h->next;
    return h + 1;
  }
  return slab_alloc_new(p, size);
}

/* Gives a block back to the fp_alloc (large blocks, and every block under ASan). */
void slab_give_back(slab_pool *p, slab_head *h);

/* Gives a block from slab_alloc back (NULL is allowed). */
static inline void slab_free(slab_pool *p, void *block) {
  if (!block) return;
  slab_head *h = (slab_head *)block - 1;
  if (!SLAB_KEEP || h->cls >= SLAB_CLASSES) {
    slab_give_back(p, h);
    return;
  }
  h->next = p->free[h->cls];
  p->free[h->cls] = h;
}

/* Frees every block on the free lists (blocks still in use must have been freed before). */
void slab_release(slab_pool *p);

#endif
