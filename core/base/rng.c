#include "base/rng.h"

fp_rng fp_rng_make(uint64_t seed) {
  fp_rng r = { seed, 0, 0 };
  return r;
}

uint64_t fp_rng_next(fp_rng *r) {
  uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t fp_rng_below(fp_rng *r, uint64_t bound) {
  if (bound != r->bound) {
    r->bound = bound;
    r->limit = UINT64_MAX - UINT64_MAX % bound;
  }
  uint64_t limit = r->limit;
  uint64_t x;
  do {
    x = fp_rng_next(r);
  } while (x >= limit);
  return x % bound;
}
