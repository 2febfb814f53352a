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
#include <string.h>

#include "base/alloc.h"

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

#define KH_GRAIN 16u
#define KH_MAX 1024u      /* larger pieces are plain allocations */
#define KH_CLASSES (KH_MAX / KH_GRAIN)

/* The piece the next allocation will likely return is fetched for writing now: pieces come
 * back long after they were freed, and the chunks' fresh bytes were never touched. */
#if defined(__GNUC__)
#define KH_FETCH_AHEAD(p) __builtin_prefetch((p), 1)
#else
#define KH_FETCH_AHEAD(p) ((void)(p))
#endif

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

/* Whether pieces of `size` bytes live in the chunks (kh_release frees them). */
static inline int kh_chunked(size_t size) { return KH_CHUNKS && size - 1 < KH_MAX; }

/* kh_alloc_raw when the piece is not chunked or a new chunk is needed. */
void *kh_alloc_slow(kh_heap *h, size_t size);

/* `size` uninitialised bytes (16-byte aligned; size > 0), or NULL when memory runs out: the
 * newest piece given back in its size class first, else the next bytes of the newest chunk.
 * Freed with kh_free and the same size. */
static inline void *kh_alloc_raw(kh_heap *h, size_t size) {
  if (kh_chunked(size)) {
    size_t cls = (size - 1) / KH_GRAIN, bytes = (cls + 1) * KH_GRAIN;
    void *p = h->free[cls];
    if (p) {
      memcpy(&h->free[cls], p, sizeof(void *));
      KH_FETCH_AHEAD(h->free[cls]);
      return p;
    }
    if (h->bump_left >= bytes) {
      p = h->bump;
      h->bump += bytes;
      h->bump_left -= bytes;
      KH_FETCH_AHEAD(h->bump);
      return p;
    }
  }
  return kh_alloc_slow(h, size);
}

/* The same, zeroed. Freed with kh_free and the same size. */
static inline void *kh_alloc(kh_heap *h, size_t size) {
  void *p = kh_alloc_raw(h, size);
  if (p) memset(p, 0, kh_chunked(size) ? (size + KH_GRAIN - 1) / KH_GRAIN * KH_GRAIN : size);
  return p;
}

/* Gives back a piece of `size` bytes from kh_alloc (NULL is allowed). */
void kh_free(kh_heap *h, void *p, size_t size);

/* Frees every chunk. */
void kh_release(kh_heap *h);

#endif
