/* slab.c: free lists per size class over the engine's fp_alloc. */
#include "engine/slab.h"

#include <stdint.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define SLAB_KEEP 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLAB_KEEP 0
#endif
#endif
#ifndef SLAB_KEEP
#define SLAB_KEEP 1
#endif

/* Before each block: its size class (SLAB_CLASSES: not recycled). 16 bytes keep the block
 * 16-byte aligned. */
typedef struct slab_head {
  size_t cls;
  void *next; /* on a free list: the next free block's head */
} slab_head;

void slab_init(slab_pool *p, fp_alloc *a) {
  memset(p, 0, sizeof *p);
  p->alloc = a;
}

void *slab_alloc(slab_pool *p, size_t size) {
  size_t cls = size ? (size - 1) / SLAB_GRAIN : 0;
  if (cls < SLAB_CLASSES && p->free[cls]) {
    slab_head *h = p->free[cls];
    p->free[cls] = h->next;
    return h + 1;
  }
  size_t bytes = cls < SLAB_CLASSES ? (cls + 1) * SLAB_GRAIN : size;
  slab_head *h = fp_malloc(p->alloc, sizeof *h + bytes);
  if (!h) return NULL;
  h->cls = cls < SLAB_CLASSES ? cls : SLAB_CLASSES;
  return h + 1;
}

void slab_free(slab_pool *p, void *block) {
  if (!block) return;
  slab_head *h = (slab_head *)block - 1;
  if (!SLAB_KEEP || h->cls >= SLAB_CLASSES) {
    fp_free(p->alloc, h);
    return;
  }
  h->next = p->free[h->cls];
  p->free[h->cls] = h;
}

void slab_release(slab_pool *p) {
  for (size_t c = 0; c < SLAB_CLASSES; c++)
    while (p->free[c]) {
      slab_head *h = p->free[c];
      p->free[c] = h->next;
      fp_free(p->alloc, h);
    }
}
