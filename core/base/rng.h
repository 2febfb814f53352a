/* rng.h: the seeded random source of a simulation (splitmix64): the same seed gives the
 * same sequence on every platform, natively and in WebAssembly. */
#ifndef FP_BASE_RNG_H
#define FP_BASE_RNG_H

#include <stdint.h>

typedef struct fp_rng {
  uint64_t state;
  uint64_t bound, limit; /* fp_rng_below's last bound and its rejection limit (a division saved) */
} fp_rng;

/* A generator started from `seed`. */
fp_rng fp_rng_make(uint64_t seed);

/* The next 64 random bits. */
uint64_t fp_rng_next(fp_rng *r);

/* A value in [0, bound) (bound > 0), without modulo bias. */
uint64_t fp_rng_below(fp_rng *r, uint64_t bound);

#endif
