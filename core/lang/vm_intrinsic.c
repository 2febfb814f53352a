/* vm_intrinsic.c: the intrinsics (intrinsic.h) as the driver's own code: every byte goes
 * through fp_k_read/fp_k_write, so a bad pointer faults as the driver's access (0xD1 at
 * DISPATCH_LEVEL, an access violation its __except can catch at PASSIVE_LEVEL). */
#include <string.h>

#include "engine/kapi_lang.h"
#include "lang/intrinsic.h"
#include "lang/vm.h"

#define CHUNK 256u
#define STATUS_ASSERTION_FAILURE_ 0xC0000420u
#define FAST_FAIL_CORRUPT_LIST_ENTRY 3u
#define STRING_LIMIT (1u << 20)

fp_kresult vm_copy(fp_kctx *k, uint64_t dst, uint64_t src, uint64_t n) {
  uint8_t buf[CHUNK];
  if (n == 0 || dst == src) return FP_K_DONE;
  int backwards = dst > src && dst < src + n; /* memmove: overlapping, destination above */
  uint64_t done = 0;
  while (done < n) {
    uint32_t len = n - done < CHUNK ? (uint32_t)(n - done) : CHUNK;
    uint64_t at = backwards ? n - done - len : done;
    fp_kresult r = fp_k_read_bytes(k, src + at, buf, len);
    if (r != FP_K_DONE) return r;
    r = fp_k_write_bytes(k, dst + at, buf, len);
    if (r != FP_K_DONE) return r;
    done += len;
  }
  return FP_K_DONE;
}

fp_kresult vm_zero(fp_kctx *k, uint64_t dst, uint64_t n, uint8_t fill) {
  uint8_t buf[CHUNK];
  memset(buf, fill, sizeof buf);
  for (uint64_t done = 0; done < n;) {
    uint32_t len = n - done < CHUNK ? (uint32_t)(n - done) : CHUNK;
    fp_kresult r = fp_k_write_bytes(k, dst + done, buf, len);
    if (r != FP_K_DONE) return r;
    done += len;
  }
  return FP_K_DONE;
}

/* Compares `n` bytes; *diff < 0, 0, > 0 as memcmp; *same the length of the equal prefix. */
static fp_kresult compare(fp_kctx *k, uint64_t a, uint64_t b, uint64_t n, int *diff, uint64_t *same) {
  uint8_t x[CHUNK], y[CHUNK];
  *diff = 0;
  *same = 0;
  for (uint64_t done = 0; done < n;) {
    uint32_t len = n - done < CHUNK ? (uint32_t)(n - done) : CHUNK;
    fp_kresult r = fp_k_read_bytes(k, a + done, x, len);
    if (r == FP_K_DONE) r = fp_k_read_bytes(k, b + done, y, len);
    if (r != FP_K_DONE) return r;
    for (uint32_t i = 0; i < len; i++)
      if (x[i] != y[i]) {
        *diff = x[i] < y[i] ? -1 : 1;
        *same = done + i;
        return FP_K_DONE;
      }
    done += len;
  }
  *same = n;
  return FP_K_DONE;
}

static fp_kresult length(fp_kctx *k, uint64_t s, uint32_t unit, uint64_t *out) {
  for (uint64_t i = 0; i < STRING_LIMIT; i++) {
    uint64_t ch;
    fp_kresult r = fp_k_read(k, s + i * unit, unit, &ch);
    if (r != FP_K_DONE) return r;
    if (!ch) {
      *out = i;
      return FP_K_DONE;
    }
  }
  *out = STRING_LIMIT;
  return FP_K_DONE;
}

/* Interlocked read-modify-write on `size` bytes at `p`: *old the value before. */
static fp_kresult rmw(fp_kctx *k, int id, uint64_t p, uint32_t size, uint64_t v, uint64_t v2, uint64_t *old,
                      uint64_t *out) {
  uint64_t cur;
  fp_kresult r = fp_k_read(k, p, size, &cur);
  if (r != FP_K_DONE) return r;
  if (size == 4) cur = (uint64_t)(int64_t)(int32_t)(uint32_t)cur;
  uint64_t nv = cur;
  int write = 1;
  switch (id) {
  case IN_INC32: case IN_INC64: nv = cur + 1; *out = nv; break;
  case IN_DEC32: case IN_DEC64: nv = cur - 1; *out = nv; break;
  case IN_XCHG32: case IN_XCHG64: case IN_XCHGPTR: nv = v; *out = cur; break;
  case IN_XADD32: case IN_XADD64: nv = cur + v; *out = cur; break;
  case IN_ADD32: case IN_ADD64: nv = cur + v; *out = nv; break;
  case IN_CMPXCHG32: case IN_CMPXCHG64: case IN_CMPXCHGPTR:
    /* (Destination, ExChange, Comperand) */
    if (size == 4) v2 = (uint64_t)(int64_t)(int32_t)(uint32_t)v2;
    write = cur == v2;
    nv = v;
    *out = cur;
    break;
  case IN_AND32: case IN_AND64: nv = cur & v; *out = cur; break;
  case IN_OR32: case IN_OR64: nv = cur | v; *out = cur; break;
  case IN_XOR32: case IN_XOR64: nv = cur ^ v; *out = cur; break;
  default: break;
  }
  *old = cur;
  if (write) r = fp_k_write(k, p, size, nv);
  if (size == 4) *out = (uint64_t)(int64_t)(int32_t)(uint32_t)*out;
  return r;
}

#define RD(addr, var)                                        \
  do {                                                       \
    fp_kresult r_ = fp_k_read(k, (addr), 8, &(var));         \
    if (r_ != FP_K_DONE) return r_;                          \
  } while (0)
#define WR(addr, val)                                        \
  do {                                                       \
    fp_kresult r_ = fp_k_write(k, (addr), 8, (val));         \
    if (r_ != FP_K_DONE) return r_;                          \
  } while (0)

/* The LIST_ENTRY helpers of wdm.h, with their __fastfail checks. */
static fp_kresult list_op(fp_kctx *k, int id, uint64_t a, uint64_t b, uint64_t *out) {
  uint64_t next, prev, x;
  switch (id) {
  case IN_LIST_INIT:
    WR(a, a);
    WR(a + 8, a);
    return FP_K_DONE;
  case IN_LIST_EMPTY:
    RD(a, next);
    *out = next == a;
    return FP_K_DONE;
  case IN_LIST_INSERT_HEAD:
    RD(a, next);
    RD(next + 8, x);
    if (x != a) return kapi_lang_fastfail(k, FAST_FAIL_CORRUPT_LIST_ENTRY);
    WR(b, next);
    WR(b + 8, a);
    WR(next + 8, b);
    WR(a, b);
    return FP_K_DONE;
  case IN_LIST_INSERT_TAIL:
    RD(a + 8, prev);
    RD(prev, x);
    if (x != a) return kapi_lang_fastfail(k, FAST_FAIL_CORRUPT_LIST_ENTRY);
    WR(b, a);
    WR(b + 8, prev);
    WR(prev, b);
    WR(a + 8, b);
    return FP_K_DONE;
  case IN_LIST_REMOVE: {
    RD(a, next);
    RD(a + 8, prev);
    uint64_t nb, pf;
    RD(next + 8, nb);
    RD(prev, pf);
    if (nb != a || pf != a) return kapi_lang_fastfail(k, FAST_FAIL_CORRUPT_LIST_ENTRY);
    WR(prev, next);
    WR(next + 8, prev);
    *out = next == prev;
    return FP_K_DONE;
  }
  case IN_LIST_REMOVE_HEAD: {
    uint64_t e, eb, nb;
    RD(a, e);
    RD(e, next);
    RD(e + 8, eb);
    RD(next + 8, nb);
    if (eb != a || nb != e) return kapi_lang_fastfail(k, FAST_FAIL_CORRUPT_LIST_ENTRY);
    WR(a, next);
    WR(next + 8, a);
    *out = e;
    return FP_K_DONE;
  }
  case IN_LIST_REMOVE_TAIL: {
    uint64_t e, ef, pf;
    RD(a + 8, e);
    RD(e + 8, prev);
    RD(e, ef);
    RD(prev, pf);
    if (ef != a || pf != e) return kapi_lang_fastfail(k, FAST_FAIL_CORRUPT_LIST_ENTRY);
    WR(a + 8, prev);
    WR(prev, a);
    *out = e;
    return FP_K_DONE;
  }
  default:
    return FP_K_DONE;
  }
}

fp_kresult vm_intrinsic(vm_state *s, fp_kctx *k, int id, const uint64_t *args, uint32_t argc, uint64_t *out) {
  (void)s;
  uint64_t a0 = argc > 0 ? args[0] : 0, a1 = argc > 1 ? args[1] : 0, a2 = argc > 2 ? args[2] : 0;
  *out = 0;
  switch (id) {
  case IN_MEMCPY:
  case IN_MEMMOVE:
    *out = a0;
    return vm_copy(k, a0, a1, a2);
  case IN_MEMSET:
    *out = a0;
    return vm_zero(k, a0, a2, (uint8_t)a1);
  case IN_MEMCMP: {
    int diff;
    uint64_t same;
    fp_kresult r = compare(k, a0, a1, a2, &diff, &same);
    *out = (uint64_t)(int64_t)diff;
    return r;
  }
  case IN_RTL_COMPARE_MEMORY: {
    int diff;
    return compare(k, a0, a1, a2, &diff, out);
  }
  case IN_STRLEN: return length(k, a0, 1, out);
  case IN_WCSLEN: return length(k, a0, 2, out);
  case IN_INC32: case IN_DEC32: case IN_XCHG32: case IN_XADD32: case IN_ADD32: case IN_CMPXCHG32:
  case IN_AND32: case IN_OR32: case IN_XOR32: {
    uint64_t old;
    return rmw(k, id, a0, 4, a1, a2, &old, out);
  }
  case IN_INC64: case IN_DEC64: case IN_XCHG64: case IN_XADD64: case IN_ADD64: case IN_CMPXCHG64:
  case IN_AND64: case IN_OR64: case IN_XOR64: case IN_XCHGPTR: case IN_CMPXCHGPTR: {
    uint64_t old;
    return rmw(k, id, a0, 8, a1, a2, &old, out);
  }
  case IN_LIST_INIT: case IN_LIST_EMPTY: case IN_LIST_INSERT_HEAD: case IN_LIST_INSERT_TAIL:
  case IN_LIST_REMOVE: case IN_LIST_REMOVE_HEAD: case IN_LIST_REMOVE_TAIL:
    return list_op(k, id, a0, a1, out);
  case IN_ASSERT:
    return kapi_lang_raise(k, STATUS_ASSERTION_FAILURE_);
  default:
    return FP_K_DONE;
  }
}
