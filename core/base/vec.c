#include "base/vec.h"

int fp_vec_grow_(fp_alloc *a, void **items, size_t *cap, size_t count, size_t item_size) {
  if (count < *cap) return 1;
  size_t new_cap = *cap ? *cap * 2 : 8;
  if (new_cap > ((size_t)-1) / item_size) return 0;
  void *grown = fp_realloc(a, *items, new_cap * item_size);
  if (!grown) return 0;
  *items = grown;
  *cap = new_cap;
  return 1;
}
