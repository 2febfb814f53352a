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

/* The free lists of one engine. */
typedef struct slab_pool {
  fp_alloc *alloc;
  void *free[SLAB_CLASSES];
} slab_pool;

/* Prepares an empty pool over `a`. */
void slab_init(slab_pool *p, fp_alloc *a);

/* `size` uninitialised bytes (16-byte aligned), or NULL when memory runs out. Freed with
 * slab_free on the same pool. */
void *slab_alloc(slab_pool *p, size_t size);

/* Gives a block from slab_alloc back (NULL is allowed). */
void slab_free(slab_pool *p, void *block);

/* Frees every block on the free lists (blocks still in use must have been freed before). */
void slab_release(slab_pool *p);

#endif
