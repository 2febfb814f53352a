/* kheap.c: size classes over bump-allocated chunks. */
#include "kmem/kheap.h"

#include <stdint.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define KH_CHUNKS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KH_CHUNKS 0
#endif
#endif
#ifndef KH_CHUNKS
#define KH_CHUNKS 1
#endif

#define CHUNK_BYTES (64u * 1024u)
#define CHUNK_HEAD 16u /* the link to the previous chunk, keeping pieces 16-byte aligned */

void kh_init(kh_heap *h, fp_alloc *a) {
  memset(h, 0, sizeof *h);
  h->alloc = a;
}

int kh_chunked(size_t size) { return KH_CHUNKS && size > 0 && size <= KH_MAX; }

void *kh_alloc(kh_heap *h, size_t size) {
  if (!kh_chunked(size)) return fp_calloc(h->alloc, 1, size);
  size_t cls = (size - 1) / KH_GRAIN, bytes = (cls + 1) * KH_GRAIN;
  void *p = h->free[cls];
  if (p) {
    memcpy(&h->free[cls], p, sizeof(void *));
  } else {
    if (h->bump_left < bytes) {
      unsigned char *chunk = fp_malloc(h->alloc, CHUNK_BYTES);
      if (!chunk) return NULL;
      memcpy(chunk, &h->chunks, sizeof(void *));
      h->chunks = chunk;
      h->bump = chunk + CHUNK_HEAD;
      h->bump_left = CHUNK_BYTES - CHUNK_HEAD;
    }
    p = h->bump;
    h->bump += bytes;
    h->bump_left -= bytes;
  }
  memset(p, 0, bytes);
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
