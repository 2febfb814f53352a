/* slab.c: free lists per size class over the engine's fp_alloc (the fast paths are in slab.h). */
#include "engine/slab.h"

#include <string.h>

void slab_init(slab_pool *p, fp_alloc *a) {
  memset(p, 0, sizeof *p);
  p->alloc = a;
}

void *slab_alloc_new(slab_pool *p, size_t size) {
  size_t cls = size ? (size - 1) / SLAB_GRAIN : 0;
  size_t bytes = cls < SLAB_CLASSES ? (cls + 1) * SLAB_GRAIN : size;
  slab_head *h = fp_malloc(p->alloc, sizeof *h + bytes);
  if (!h) return NULL;
  h->cls = cls < SLAB_CLASSES ? cls : SLAB_CLASSES;
  return h + 1;
}

void slab_give_back(slab_pool *p, slab_head *h) { fp_free(p->alloc, h); }

void slab_release(slab_pool *p) {
  for (size_t c = 0; c < SLAB_CLASSES; c++)
    while (p->free[c]) {
      slab_head *h = p->free[c];
      p->free[c] = h->next;
      fp_free(p->alloc, h);
    }
}
