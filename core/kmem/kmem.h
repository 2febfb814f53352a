/* kmem.h: the one simulated kernel address space (Windows x64 layout).
 *
 * Every object a callback can reach lives here: user buffers, pool blocks, the driver's
 * image (code and globals), kernel stacks and the kernel's own objects (FLT_CALLBACK_DATA,
 * FILE_OBJECT, ...). Blocks are never moved and addresses are never reused while a block is
 * quarantined, so a use after free stays visible. Every access goes through km_read/km_write,
 * which report what Windows would notice; the engine turns a fault into an exception or a
 * bug check (it knows the IRQL, who touched the memory and whether Verifier is on).
 *
 * Ownership: km_create returns a space freed with km_destroy; blocks belong to the space. */
#ifndef FP_KMEM_KMEM_H
#define FP_KMEM_KMEM_H

#include <stdint.h>

#include "base/alloc.h"

typedef struct km_space km_space;

/* Address classes, each in its own canonical x64 range. */
typedef enum km_class {
  KM_USER,           /* user-mode buffers of the applications' processes */
  KM_POOL_NONPAGED,  /* drivers' nonpaged pool */
  KM_POOL_PAGED,     /* drivers' paged pool (pageable) */
  KM_SYSTEM,         /* the kernel's own objects (callback data, file objects, MDLs, ...) */
  KM_STACK,          /* kernel stacks of the threads */
  KM_IMAGE,          /* driver images: one block per function (code) and one for globals */
  KM_CLASS_COUNT
} km_class;

#define KM_PAGE_SIZE 4096u
#define KM_USER_LIMIT 0x0000800000000000ull /* addresses below are user mode */

/* What the space knows about a block. */
typedef struct km_block {
  uint64_t base;       /* first usable byte */
  uint64_t size;       /* usable bytes */
  uint64_t slot_end;   /* end of the block's slack or guard area (>= base + size) */
  uint8_t *bytes;      /* contents: slot_end - base bytes (NULL once the block is retired) */
  uint32_t id;         /* allocation number, from 1, in order of allocation */
  uint32_t tag;        /* pool tag (four characters, little-endian as Windows prints them) */
  int32_t owner;       /* the driver that allocated it, or -1 for the system */
  uint32_t process;    /* for user blocks: the owning process */
  uint32_t pool_type;  /* the POOL_TYPE or POOL_FLAGS value given at allocation */
  uint32_t label;      /* caller's label (e.g. the object kind for system blocks) */
  uint8_t cls;         /* km_class */
  uint8_t pageable;    /* can be paged out */
  uint8_t resident;    /* currently in memory (pageable blocks only can be out) */
  uint8_t freed;       /* released by the driver */
  uint8_t special;     /* allocated from Verifier's special pool */
  uint8_t code;        /* an image block holding a function */
  uint8_t alias;       /* a second mapping of another block's bytes (an MDL's system address) */
  uint8_t watched;     /* someone keeps a km_raw pointer to it (km_watch) */
} km_block;

/* How the space lays out pool blocks. */
typedef struct km_config {
  int special_pool;       /* Driver Verifier's special pool: guard after every block, freed pages kept inaccessible */
  uint32_t quarantine;    /* freed blocks kept visible before they are retired (0 = 4096) */
} km_config;

/* Attributes of a new block. */
typedef struct km_attrs {
  uint32_t tag;
  int32_t owner;
  uint32_t process;
  uint32_t pool_type;
  uint32_t label;
  uint8_t pageable;
  uint8_t code;
} km_attrs;

/* The context of an access. */
typedef struct km_ctx {
  unsigned irql;       /* the IRQL of the access */
  uint32_t process;    /* the process whose user half is mapped */
} km_ctx;

/* The outcome of an access; the KM_OK_* results completed the access. */
typedef enum km_result {
  KM_OK,
  KM_OK_PAGED_IN,          /* a paged-out block was brought back (IRQL <= APC_LEVEL) */
  KM_OK_STALE,             /* the block was freed; without special pool Windows notices nothing */
  KM_OK_OVERRUN,           /* past the end, into the pool slack; without special pool nothing notices */
  KM_FAULT_UNMAPPED,       /* no block (or a retired one) at the address, or a user address of another process */
  KM_FAULT_PAGED_OUT,      /* a paged-out block touched at DISPATCH_LEVEL or above */
  KM_FAULT_FREED_SPECIAL,  /* special pool: the block was freed (0xD5) */
  KM_FAULT_BEYOND_SPECIAL  /* special pool: past the end of the block (0xD6) */
} km_result;

/* Details of an access that did not simply succeed. */
typedef struct km_fault {
  uint64_t address;        /* the first byte that caused the result */
  const km_block *block;   /* the block involved, or NULL */
} km_fault;

/* The start of every space, which km_peek reads without a call. kmem.c keeps it right: the
 * block of the last access that simply succeeded, and blocks of other recent ones (resident
 * and not freed: freeing or paging out drops them). */
#define KM_HOT_SETS 64u
#define KM_HOT_BLOCKS (2u * KM_HOT_SETS)
typedef struct km_head {
  km_block *last;
  km_block *hot[KM_HOT_BLOCKS]; /* two per set; the set is the page of the access */
  uint32_t epoch;      /* km_epoch */
  km_block none;       /* an empty block no access falls in: `last` and the sets hold it, never NULL */
} km_head;

/* The fast path of km_read/km_write: the bytes of [address, address + n) when the access by
 * `process` simply succeeds (KM_OK) in a recent block, else NULL (then call km_read or
 * km_write, which find out what happens). Same answer and effect as their KM_OK case. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* the VM's loads and stores: a call would cost as much as the check */
#endif
static inline uint8_t *km_peek(km_space *s, uint64_t address, uint32_t n, uint32_t process) {
  km_head *h = (km_head *)(void *)s; /* a space starts with its head */
  km_block *b = h->last; /* (resident and not freed, as the hot sets' blocks: no test of that) */
  if (address >= b->base && address - b->base + n <= b->size && (b->cls != KM_USER || b->process == process))
    return b->bytes + (address - b->base);
  km_block *const *set = &h->hot[2u * ((address / KM_PAGE_SIZE) % KM_HOT_SETS)];
  for (uint32_t i = 0; i < 2 && n; i++) {
    b = set[i];
    if (address >= b->base && address - b->base + n <= b->size && (b->cls != KM_USER || b->process == process)) {
      h->last = b;
      return b->bytes + (address - b->base);
    }
  }
  return NULL;
}

/* A new, empty space; NULL when memory runs out. Caller frees with km_destroy. */
km_space *km_create(fp_alloc *a, const km_config *config);

/* Releases the space and every block. */
void km_destroy(km_space *s);

/* Maps a new zero-filled block of `size` bytes in class `cls`; returns its base address, or 0
 * when memory runs out or the size is 0 or too large. */
uint64_t km_alloc(km_space *s, km_class cls, uint64_t size, const km_attrs *attrs);

/* Maps a second, nonpaged view in class `cls` of `size` bytes at `address` (which must lie
 * inside one block): the system address of locked user pages. Returns its base or 0. The view
 * shares the bytes; it must not outlive the block (user buffers are never freed). */
uint64_t km_alias(km_space *s, km_class cls, uint64_t address, uint64_t size, const km_attrs *attrs);

/* Outcome of km_free. */
typedef enum km_free_result {
  KM_FREE_OK,
  KM_FREE_ALREADY_FREED,   /* the block was freed before (a double free) */
  KM_FREE_NOT_A_BLOCK      /* the address is not the start of a live block */
} km_free_result;

/* Marks the block starting at `address` as freed (its contents stay, for stale reads).
 * `*block` receives the block when there is one. */
km_free_result km_free(km_space *s, uint64_t address, const km_block **block);

/* The block whose slot contains `address` (retired blocks excluded), or NULL. */
const km_block *km_find(const km_space *s, uint64_t address);

/* Reads `n` bytes at `address` into `dst`; on a fault `dst` is unchanged. */
km_result km_read(km_space *s, uint64_t address, void *dst, uint32_t n, const km_ctx *ctx, km_fault *fault);

/* Writes `n` bytes from `src` at `address`; on a fault memory is unchanged. */
km_result km_write(km_space *s, uint64_t address, const void *src, uint32_t n, const km_ctx *ctx, km_fault *fault);

/* Direct access for the kernel's own bookkeeping: the bytes at `address` if [address,
 * address + n) lies inside one block, else NULL. No checks, no paging. */
uint8_t *km_raw(km_space *s, uint64_t address, uint32_t n);

/* Pages out every pageable block; returns how many were resident. */
uint32_t km_page_out_all(km_space *s);

/* km_alloc for a block whose bytes the caller keeps a pointer to: returns them (NULL when
 * memory runs out), the base in *base, and the block is watched (km_watch). */
uint8_t *km_alloc_watched(km_space *s, km_class cls, uint64_t size, const km_attrs *attrs, uint64_t *base);

/* km_free, first ending the watch of km_alloc_watched when `unwatch` is set (km_watch off). */
km_free_result km_free_unwatched(km_space *s, uint64_t address, const km_block **block, int unwatch);

/* Calls `fn` for every block not retired, in address order within each class. */
void km_for_each(const km_space *s, void (*fn)(void *user, const km_block *b), void *user);

/* The same for the blocks of class `cls` only. */
void km_for_each_in(const km_space *s, km_class cls, void (*fn)(void *user, const km_block *b), void *user);

/* Marks the block at `address` as one whose km_raw pointer is kept (on = 1) or no longer kept
 * (on = 0): km_epoch changes when a watched block's bytes go away. */
void km_watch(km_space *s, uint64_t address, int on);

/* A number that changes whenever a watched block's bytes go away (freed, then retired from the
 * quarantine). A pointer km_raw returned for a watched block stays valid while it is unchanged. */
static inline uint32_t km_epoch(const km_space *s) { return ((const km_head *)(const void *)s)->epoch; }

/* The number of blocks ever allocated. */
uint32_t km_block_count(const km_space *s);

#endif
