/* bytes.h: little-endian values in simulated memory's bytes (x64 is little-endian whatever
 * the host is; on a little-endian host a value is one load or store). */
#ifndef FP_ENGINE_BYTES_H
#define FP_ENGINE_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FP_HOST_LITTLE_ENDIAN 1
#else
#define FP_HOST_LITTLE_ENDIAN 0
#endif

/* The `size`-byte (at most 8) little-endian value at `p`. */
static inline uint64_t le_load(const uint8_t *p, uint32_t size) {
  uint64_t v = 0;
#if FP_HOST_LITTLE_ENDIAN
  switch (size) {
  case 1: return p[0];
  case 2: memcpy(&v, p, 2); return v;
  case 4: memcpy(&v, p, 4); return v;
  case 8: memcpy(&v, p, 8); return v;
  default: break;
  }
#endif
  for (uint32_t i = 0; i < size && i < 8; i++) v |= (uint64_t)p[i] << (8 * i);
  return v;
}

/* Stores the low `size` bytes (at most 8) of `v` at `p`, little-endian. */
static inline void le_store(uint8_t *p, uint32_t size, uint64_t v) {
#if FP_HOST_LITTLE_ENDIAN
  switch (size) {
  case 1: p[0] = (uint8_t)v; return;
  case 2: memcpy(p, &v, 2); return;
  case 4: memcpy(p, &v, 4); return;
  case 8: memcpy(p, &v, 8); return;
  default: break;
  }
#endif
  for (uint32_t i = 0; i < size && i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* Whether the `n` bytes at `a` and `b` are the same: eight at a time (memcmp is a byte loop in
 * the WebAssembly build's C library). */
static inline int same_bytes(const void *a, const void *b, size_t n) {
  const uint8_t *x = a, *y = b;
  uint64_t diff = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t u, v;
    memcpy(&u, x + i, 8);
    memcpy(&v, y + i, 8);
    diff |= u ^ v;
  }
  for (; i < n; i++) diff |= (uint64_t)(x[i] ^ y[i]);
  return diff == 0;
}

#endif
