#include "base/alloc.h"

#include <stdlib.h>
#include <string.h>

/* The header keeps the block's size and keeps the payload 16-byte aligned. */
typedef struct header {
  size_t size;
  size_t pad;
} header;

fp_alloc fp_alloc_default(void) {
  fp_alloc a;
  memset(&a, 0, sizeof a);
  return a;
}

static void *raw(fp_alloc *a, void *ptr, size_t size) {
  if (a->fn) return a->fn(a->user, ptr, size);
  if (size == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, size);
}

static int may_allocate(fp_alloc *a, size_t old_size, size_t new_size) {
  a->count++;
  if (a->fail_at && a->count == a->fail_at) return 0;
  if (new_size > SIZE_MAX - sizeof(header)) return 0;
  if (a->limit_bytes && new_size > old_size && a->live_bytes - old_size + new_size > a->limit_bytes) return 0;
  return 1;
}

void *fp_realloc(fp_alloc *a, void *ptr, size_t size) {
  header *old = ptr ? (header *)ptr - 1 : NULL;
  size_t old_size = old ? old->size : 0;
  if (size == 0) size = 1;
  if (!may_allocate(a, old_size, size)) return NULL;
  header *h = raw(a, old, sizeof(header) + size);
  if (!h) return NULL;
  h->size = size;
  a->live_bytes = a->live_bytes - old_size + size;
  if (!old) a->live_blocks++;
  if (a->live_bytes > a->peak_bytes) a->peak_bytes = a->live_bytes;
  return h + 1;
}

void *fp_malloc(fp_alloc *a, size_t size) { return fp_realloc(a, NULL, size); }

void *fp_calloc(fp_alloc *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  void *p = fp_malloc(a, count * size);
  if (p) memset(p, 0, count * size);
  return p;
}

void fp_free(fp_alloc *a, void *ptr) {
  if (!ptr) return;
  header *h = (header *)ptr - 1;
  a->live_bytes -= h->size;
  a->live_blocks--;
  raw(a, h, 0);
}

char *fp_strndup(fp_alloc *a, const char *s, size_t n) {
  char *copy = fp_malloc(a, n + 1);
  if (!copy) return NULL;
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

char *fp_strdup(fp_alloc *a, const char *s) { return fp_strndup(a, s, strlen(s)); }
