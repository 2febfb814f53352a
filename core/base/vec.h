/* vec.h: typed growable arrays over an fp_alloc, as macros.
 *
 *   FP_VEC(int) v = {0};
 *   if (!FP_VEC_PUSH(alloc, &v, 42)) ...out of memory...
 *   FP_VEC_FREE(alloc, &v);
 *
 * Ownership: the items belong to the vector; FP_VEC_FREE releases them. */
#ifndef FP_BASE_VEC_H
#define FP_BASE_VEC_H

#include <stddef.h>

#include "base/alloc.h"

#define FP_VEC(T) struct { T *items; size_t count; size_t cap; }

/* Makes room for one more item; returns 1, or 0 when memory runs out. */
int fp_vec_grow_(fp_alloc *a, void **items, size_t *cap, size_t count, size_t item_size);

#define FP_VEC_RESERVE(a, v) \
  ((v)->count < (v)->cap || fp_vec_grow_((a), (void **)&(v)->items, &(v)->cap, (v)->count, sizeof(*(v)->items)))

/* Appends `value`; evaluates to 1, or 0 when memory runs out (the vector is unchanged). */
#define FP_VEC_PUSH(a, v, value) (FP_VEC_RESERVE(a, v) ? ((v)->items[(v)->count++] = (value), 1) : 0)

#define FP_VEC_FREE(a, v)          \
  do {                             \
    fp_free((a), (v)->items);      \
    (v)->items = NULL;             \
    (v)->count = (v)->cap = 0;     \
  } while (0)

#endif
