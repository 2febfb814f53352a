/* native.c: fp_callable wrappers for native test functions (static slots, so the pointer an
 * engine keeps stays valid for the whole test process). */
#include "native.h"

#include <stdlib.h>

typedef struct slot {
  native_fn fn;
} slot;

#define SLOTS 1024
static slot slots[SLOTS];
static int slot_count;

static fp_step_result native_step(const fp_callable *self, fp_invocation *inv, fp_kctx *k) {
  const slot *s = self->user;
  return s->fn(inv, k);
}

fp_callable native_callable(native_fn fn) {
  int i = 0;
  while (i < slot_count && slots[i].fn != fn) i++;
  if (i == slot_count) {
    if (slot_count == SLOTS) abort();
    slots[slot_count++].fn = fn;
  }
  fp_callable c = { native_step, NULL, NULL, &slots[i] };
  return c;
}
