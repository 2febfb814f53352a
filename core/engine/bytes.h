/* bytes.h: little-endian values in simulated memory's bytes (x64 is little-endian whatever
 * the host is). */
#ifndef FP_ENGINE_BYTES_H
#define FP_ENGINE_BYTES_H

#include <stdint.h>

/* The `size`-byte (at most 8) little-endian value at `p`. */
static inline uint64_t le_load(const uint8_t *p, uint32_t size) {
  switch (size) {
  case 1: return p[0];
  case 2: return (uint64_t)p[0] | (uint64_t)p[1] << 8;
  case 4: return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
  case 8:
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
  default: {
    uint64_t v = 0;
    for (uint32_t i = 0; i < size && i < 8; i++) v |= (uint64_t)p[i] << (8 * i);
    return v;
  }
  }
}

/* Stores the low `size` bytes (at most 8) of `v` at `p`, little-endian. */
static inline void le_store(uint8_t *p, uint32_t size, uint64_t v) {
  /* No fall-through between cases: clang (the fuzz and wasm builds) wants none unannotated. */
  switch (size) {
  case 1: p[0] = (uint8_t)v; return;
  case 2:
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    return;
  case 4:
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
    return;
  case 8:
    for (uint32_t i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
    return;
  default:
    for (uint32_t i = 0; i < size && i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
  }
}

#endif
