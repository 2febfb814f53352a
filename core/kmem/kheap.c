/* kheap.c: size classes over bump-allocated chunks. */
#include "kmem/kheap.h"

#include <stdint.h>

#define CHUNK_BYTES (64u * 1024u)
#define CHUNK_HEAD 16u /* the link to the previous chunk, keeping pieces 16-byte aligned */

void kh_init(kh_heap *h, fp_alloc *a) {
  memset(h, 0, sizeof *h);
  h->alloc = a;
}

void *kh_alloc_slow(kh_heap *h, size_t size) {
  if (!kh_chunked(size)) return fp_malloc(h->alloc, size);
  size_t bytes = (size - 1) / KH_GRAIN * KH_GRAIN + KH_GRAIN;
  if (h->bump_left < bytes) {
    unsigned char *chunk = fp_malloc(h->alloc, CHUNK_BYTES);
    if (!chunk) return NULL;
    memcpy(chunk, &h->chunks, sizeof(void *));
    h->chunks = chunk;
    h->bump = chunk + CHUNK_HEAD;
    h->bump_left = CHUNK_BYTES - CHUNK_HEAD;
  }
  void *p = h->bump;
  h->bump += bytes;
  h->bump_left -= bytes;
  return p;
}

void kh_free(kh_heap *h, void *p, size_t size) {
  if (!p) return;
  if (!kh_chunked(size)) {
    fp_free(h->alloc, p);
    return;
  }
  size_t cls = (size - 1) / KH_GRAIN;
  memcpy(p, &h->free[cls], sizeof(void *));
  h->free[cls] = p;
}

void kh_release(kh_heap *h) {
  while (h->chunks) {
    void *chunk = h->chunks;
    memcpy(&h->chunks, chunk, sizeof(void *));
    fp_free(h->alloc, chunk);
  }
  fp_alloc *a = h->alloc;
  kh_init(h, a);
}
