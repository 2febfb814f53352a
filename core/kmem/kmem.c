#include "kmem/kmem.h"

#include "kmem/kheap.h"

#include <string.h>

#define CLASS_SPAN 0x0000010000000000ull /* 1 TiB of addresses per class */
#define POOL_SLACK 16u                   /* the next block's pool header, as overrun room */
#define DISPATCH 2u
#define LOOKUP_CACHE 1024u

static const uint64_t class_base[KM_CLASS_COUNT] = {
  [KM_USER] = 0x0000020000000000ull,
  [KM_POOL_NONPAGED] = 0xFFFFA00000000000ull,
  [KM_POOL_PAGED] = 0xFFFFB00000000000ull,
  [KM_SYSTEM] = 0xFFFFC00000000000ull,
  [KM_STACK] = 0xFFFFD00000000000ull,
  [KM_IMAGE] = 0xFFFFF80600000000ull,
};

typedef struct class_blocks {
  km_block **items;  /* sorted by base (allocation only ever moves forward) */
  uint32_t count, cap;
  uint32_t retired;  /* retired records still in items */
  uint64_t next;     /* the next free address */
} class_blocks;

struct km_space {
  km_head head; /* first: km_peek reads it (the block of the last successful access, recent ones) */
  fp_alloc *alloc;
  kh_heap heap;      /* block records and contents */
  km_config config;
  class_blocks classes[KM_CLASS_COUNT];
  km_block **freed;  /* FIFO of freed, not yet retired blocks */
  uint32_t freed_head, freed_count, freed_cap;
  uint32_t ids;
  /* Lookups by page, direct-mapped; cleared whenever a block record may go away. */
  km_block *cache[LOOKUP_CACHE];
};

static km_block *lookup(km_space *s, uint64_t address);

/* Where a block's slot starts: special pool blocks own the bytes before them in their page. */
static uint64_t slot_start(const km_block *b) { return b->special ? b->base - (b->base % KM_PAGE_SIZE) : b->base; }

static uint64_t round_up(uint64_t v, uint64_t to) { return (v + to - 1) / to * to; }

/* Enters `b` (resident, not freed) as the newest block of the set of `address` for km_peek. */
static void remember_hot(km_space *s, uint64_t address, km_block *b) {
  km_block **set = &s->head.hot[2u * ((address / KM_PAGE_SIZE) % KM_HOT_SETS)];
  if (set[0] == b) return;
  set[1] = set[0];
  set[0] = b;
}

/* Drops `b` from the caches of checked accesses (it was freed): only the sets of the pages its
 * slot spans can hold it (remember_hot files a block under the page of an address inside it). */
static void forget(km_space *s, const km_block *b) {
  km_block *none = &s->head.none;
  if (s->head.last == b) s->head.last = none;
  uint64_t first = slot_start(b) / KM_PAGE_SIZE, last = (b->slot_end - 1) / KM_PAGE_SIZE;
  if (first == last) {
    km_block **set = &s->head.hot[2u * (first % KM_HOT_SETS)];
    if (set[0] == b) set[0] = none;
    if (set[1] == b) set[1] = none;
    return;
  }
  uint64_t pages = last - first + 1;
  if (pages > KM_HOT_SETS) pages = KM_HOT_SETS;
  for (uint64_t p = 0; p < pages; p++) {
    km_block **set = &s->head.hot[2u * ((first + p) % KM_HOT_SETS)];
    if (set[0] == b) set[0] = none;
    if (set[1] == b) set[1] = none;
  }
}

/* Empties the caches of checked accesses: every entry holds the empty block. */
static void forget_all(km_space *s) {
  s->head.none.base = UINT64_MAX; /* (size 0: no access of a byte or more falls in it) */
  s->head.none.bytes = (uint8_t *)&s->head.none;
  s->head.last = &s->head.none;
  for (uint32_t i = 0; i < KM_HOT_BLOCKS; i++) s->head.hot[i] = &s->head.none;
}

km_space *km_create(fp_alloc *a, const km_config *config) {
  km_space *s = fp_calloc(a, 1, sizeof *s);
  if (!s) return NULL;
  s->alloc = a;
  kh_init(&s->heap, a);
  if (config) s->config = *config;
  if (!s->config.quarantine) s->config.quarantine = 4096;
  for (int c = 0; c < KM_CLASS_COUNT; c++) s->classes[c].next = class_base[c] + KM_PAGE_SIZE;
  forget_all(s);
  return s;
}

/* Gives back the contents of `b` (a view does not own them) and marks it retired. */
static void drop_bytes(km_space *s, km_block *b) {
  if (!b->alias) kh_free(&s->heap, b->bytes, b->slot_end - b->base);
  b->bytes = NULL;
}

static void drop_block(km_space *s, km_block *b) {
  drop_bytes(s, b);
  kh_free(&s->heap, b, sizeof *b);
}

void km_destroy(km_space *s) {
  if (!s) return;
  for (int c = 0; c < KM_CLASS_COUNT; c++) {
    for (uint32_t i = 0; i < s->classes[c].count; i++) drop_block(s, s->classes[c].items[i]);
    fp_free(s->alloc, s->classes[c].items);
  }
  fp_free(s->alloc, s->freed);
  kh_release(&s->heap);
  fp_free(s->alloc, s);
}

static int class_of(uint64_t address) {
  for (int c = 0; c < KM_CLASS_COUNT; c++)
    if (address >= class_base[c] && address - class_base[c] < CLASS_SPAN) return c;
  return -1;
}

static int is_pool(km_class cls) { return cls == KM_POOL_NONPAGED || cls == KM_POOL_PAGED; }

/* km_alloc's work: the new block's record, or NULL. */
static km_block *new_block(km_space *s, km_class cls, uint64_t size, const km_attrs *attrs) {
  if ((unsigned)cls >= KM_CLASS_COUNT || size == 0 || size > 0x40000000ull) return NULL;
  class_blocks *cb = &s->classes[cls];
  uint64_t base, slot_end, next;
  int special = is_pool(cls) && s->config.special_pool;
  if (special) {
    /* Special pool: the block ends at the end of its page(s); the next page is a guard. */
    uint64_t pages = round_up(size, KM_PAGE_SIZE);
    base = cb->next + pages - round_up(size, 16);
    slot_end = cb->next + pages + KM_PAGE_SIZE;
    next = slot_end;
  } else if (is_pool(cls)) {
    base = cb->next;
    slot_end = base + round_up(size, 16) + POOL_SLACK;
    next = slot_end;
  } else {
    /* Everything else is page-aligned with an unmapped page after it. */
    base = cb->next;
    slot_end = base + size;
    next = base + round_up(size, KM_PAGE_SIZE) + KM_PAGE_SIZE;
  }
  if (next - class_base[cls] >= CLASS_SPAN) return NULL;
  if (cb->count == cb->cap) {
    uint32_t cap = cb->cap ? cb->cap * 2 : 64;
    km_block **items = fp_realloc(s->alloc, cb->items, cap * sizeof *items);
    if (!items) return NULL;
    cb->items = items;
    cb->cap = cap;
  }
  km_block *b = kh_alloc_raw(&s->heap, sizeof *b);
  if (!b) return NULL;
  uint8_t *bytes = kh_alloc(&s->heap, slot_end - base);
  if (!bytes) {
    kh_free(&s->heap, b, sizeof *b);
    return NULL;
  }
  b->base = base;
  b->size = size;
  b->slot_end = slot_end;
  b->bytes = bytes;
  b->id = ++s->ids;
  if (attrs) {
    b->tag = attrs->tag;
    b->owner = attrs->owner;
    b->process = attrs->process;
    b->pool_type = attrs->pool_type;
    b->label = attrs->label;
    b->pageable = attrs->pageable;
    b->code = attrs->code;
  } else {
    b->tag = 0;
    b->owner = -1;
    b->process = 0;
    b->pool_type = 0;
    b->label = 0;
    b->pageable = 0;
    b->code = 0;
  }
  b->cls = (uint8_t)cls;
  b->resident = 1;
  b->freed = 0;
  b->special = (uint8_t)special;
  b->alias = 0;
  b->watched = 0;
  cb->items[cb->count++] = b;
  cb->next = next;
  /* A new block is touched soon; it is resident and not freed, as km_peek's blocks must be. */
  s->cache[(base / KM_PAGE_SIZE) % LOOKUP_CACHE] = b;
  remember_hot(s, base, b);
  return b;
}

uint64_t km_alloc(km_space *s, km_class cls, uint64_t size, const km_attrs *attrs) {
  km_block *b = new_block(s, cls, size, attrs);
  return b ? b->base : 0;
}

uint8_t *km_alloc_watched(km_space *s, km_class cls, uint64_t size, const km_attrs *attrs, uint64_t *base) {
  km_block *b = new_block(s, cls, size, attrs);
  *base = b ? b->base : 0;
  if (!b) return NULL;
  b->watched = 1;
  return b->bytes;
}

uint64_t km_alias(km_space *s, km_class cls, uint64_t address, uint64_t size, const km_attrs *attrs) {
  km_block *target = lookup(s, address);
  if (!target || !target->bytes || address < target->base || address + size > target->base + target->size) return 0;
  uint64_t base = km_alloc(s, cls, size, attrs);
  if (!base) return 0;
  km_block *view = lookup(s, base);
  kh_free(&s->heap, view->bytes, view->slot_end - view->base);
  view->bytes = target->bytes + (address - target->base);
  view->alias = 1;
  view->slot_end = base + size;
  return base;
}


/* The record whose slot contains `address`, retired ones included (binary search). */
static km_block *search(const km_space *s, uint64_t address) {
  int c = class_of(address);
  if (c < 0) return NULL;
  const class_blocks *cb = &s->classes[c];
  uint32_t lo = 0, hi = cb->count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (slot_start(cb->items[mid]) <= address) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return NULL;
  km_block *b = cb->items[lo - 1];
  if (address >= b->slot_end) return NULL;
  return b;
}

/* search() with a cache by page: addresses are never reused, so a cached record stays right
 * until it is dropped (compact clears the cache; a retired record stays, with no bytes). */
static km_block *lookup(km_space *s, uint64_t address) {
  km_block **slot = &s->cache[(address / KM_PAGE_SIZE) % LOOKUP_CACHE];
  km_block *b = *slot;
  if (b && address >= slot_start(b) && address < b->slot_end) return b;
  b = search(s, address);
  if (b) *slot = b;
  return b;
}

void km_watch(km_space *s, uint64_t address, int on) {
  km_block *b = lookup(s, address);
  if (b && b->bytes) b->watched = (uint8_t)(on != 0);
}

const km_block *km_find(const km_space *s, uint64_t address) {
  const km_block *b = search(s, address);
  return b && b->bytes ? b : NULL;
}

static void compact(class_blocks *cb, km_space *s) {
  memset(s->cache, 0, sizeof s->cache);
  uint32_t keep = 0;
  for (uint32_t i = 0; i < cb->count; i++) {
#if defined(__GNUC__)
    if (i + 8 < cb->count) __builtin_prefetch(cb->items[i + 8]); /* records long untouched */
#endif
    if (cb->items[i]->bytes) cb->items[keep++] = cb->items[i];
    else kh_free(&s->heap, cb->items[i], sizeof *cb->items[i]);
  }
  cb->count = keep;
  cb->retired = 0;
}

/* Retires the block freed longest ago. It needs no forget: a freed block never enters the
 * caches of checked accesses again (its accesses are stale, never KM_OK). */
static void retire_oldest(km_space *s) {
  km_block *b = s->freed[s->freed_head];
  s->freed_head = (s->freed_head + 1) & (s->freed_cap - 1);
  s->freed_count--;
#if defined(__GNUC__)
  /* The blocks retired next were freed thousands of frees ago, so their records and bytes have
   * left the caches: fetch the record of the one after next and the bytes of the next (whose
   * record the previous retirement fetched) while the run goes on. */
  if (s->freed_count > 1) {
    const km_block *next = s->freed[s->freed_head];
    __builtin_prefetch(s->freed[(s->freed_head + 1) & (s->freed_cap - 1)]);
    if (next->bytes) __builtin_prefetch(next->bytes);
  }
#endif
  drop_bytes(s, b);
  if (b->watched) s->head.epoch++;
  /* The lookup cache may keep the record: it stays (its bytes are gone), so lookups stay right. */
  class_blocks *cb = &s->classes[b->cls];
  if (++cb->retired > 64 && cb->retired > cb->count / 2) compact(cb, s);
}

/* Queues freed `b` for retirement (the ring's capacity is a power of two); 0 when memory runs out. */
static int remember_freed(km_space *s, km_block *b) {
  if (s->freed_count == s->freed_cap) {
    uint32_t cap = s->freed_cap ? s->freed_cap * 2 : 64;
    km_block **ring = fp_malloc(s->alloc, cap * sizeof *ring);
    if (!ring) return 0;
    uint32_t tail = s->freed_cap - s->freed_head; /* the ring is full: the oldest run up to its end first */
    if (s->freed_count) {
      memcpy(ring, s->freed + s->freed_head, tail * sizeof *ring);
      memcpy(ring + tail, s->freed, s->freed_head * sizeof *ring);
    }
    fp_free(s->alloc, s->freed);
    s->freed = ring;
    s->freed_cap = cap;
    s->freed_head = 0;
  }
  s->freed[(s->freed_head + s->freed_count) & (s->freed_cap - 1)] = b;
  s->freed_count++;
  if (s->freed_count > s->config.quarantine) retire_oldest(s);
  return 1;
}

km_free_result km_free(km_space *s, uint64_t address, const km_block **block) {
  return km_free_unwatched(s, address, block, 0);
}

km_free_result km_free_unwatched(km_space *s, uint64_t address, const km_block **block, int unwatch) {
  km_block *b = lookup(s, address);
  if (unwatch && b && b->bytes) b->watched = 0;
  if (block) *block = b && b->bytes ? b : NULL;
  if (!b || !b->bytes || b->base != address) return KM_FREE_NOT_A_BLOCK;
  if (b->freed) return KM_FREE_ALREADY_FREED;
  b->freed = 1;
  forget(s, b);
  if (!remember_freed(s, b)) {
    /* Out of memory for the quarantine: retire at once (later touches fault as unmapped). */
    drop_bytes(s, b);
    if (b->watched) s->head.epoch++;
    memset(s->cache, 0, sizeof s->cache);
  }
  return KM_FREE_OK;
}

/* Decides whether an access of [address, address + n) may proceed; sets *out to the block. */
static km_result check(km_space *s, uint64_t address, uint32_t n, const km_ctx *ctx, km_fault *fault,
                       km_block **out) {
  if (km_peek(s, address, n, ctx->process)) {
    *out = s->head.last;
    return KM_OK;
  }
  km_block *b = lookup(s, address);
  if (fault) {
    fault->address = address;
    fault->block = b && b->bytes ? b : NULL;
  }
  *out = NULL;
  if (!b || !b->bytes || n == 0 || address + n < address) return KM_FAULT_UNMAPPED;
  if (b->cls == KM_USER && b->process != ctx->process) return KM_FAULT_UNMAPPED;
  km_result result = KM_OK;
  if (b->freed) {
    if (b->special) return KM_FAULT_FREED_SPECIAL;
    result = KM_OK_STALE;
  }
  uint64_t end = address + n;
  if (address < b->base || end > b->base + b->size) {
    uint64_t first_bad = address < b->base ? address : b->base + b->size;
    if (fault) fault->address = first_bad;
    if (b->special) return KM_FAULT_BEYOND_SPECIAL;
    if (address < b->base || end > b->slot_end) return KM_FAULT_UNMAPPED;
    if (result == KM_OK) result = KM_OK_OVERRUN;
  }
  if (!b->resident) {
    if (ctx->irql >= DISPATCH) return KM_FAULT_PAGED_OUT;
    b->resident = 1;
    if (result == KM_OK) result = KM_OK_PAGED_IN;
  }
  *out = b;
  if (result == KM_OK) {
    s->head.last = b;
    remember_hot(s, address, b);
  }
  return result;
}

/* Copies `n` bytes (the common sizes without a library call). */
static void copy(void *dst, const void *src, uint32_t n) {
  switch (n) {
  case 1: memcpy(dst, src, 1); break;
  case 2: memcpy(dst, src, 2); break;
  case 4: memcpy(dst, src, 4); break;
  case 8: memcpy(dst, src, 8); break;
  default: memcpy(dst, src, n); break;
  }
}

km_result km_read(km_space *s, uint64_t address, void *dst, uint32_t n, const km_ctx *ctx, km_fault *fault) {
  km_block *b;
  km_result r = check(s, address, n, ctx, fault, &b);
  if (b) copy(dst, b->bytes + (address - b->base), n);
  return r;
}

km_result km_write(km_space *s, uint64_t address, const void *src, uint32_t n, const km_ctx *ctx, km_fault *fault) {
  km_block *b;
  km_result r = check(s, address, n, ctx, fault, &b);
  if (b) copy(b->bytes + (address - b->base), src, n);
  return r;
}

uint8_t *km_raw(km_space *s, uint64_t address, uint32_t n) {
  km_block *b = s->head.last;
  if (b && address >= b->base && address - b->base + n <= b->size) return b->bytes + (address - b->base);
  b = lookup(s, address);
  if (!b || !b->bytes || address < b->base || address + n > b->slot_end || address + n < address) return NULL;
  return b->bytes + (address - b->base);
}

uint32_t km_page_out_all(km_space *s) {
  uint32_t trimmed = 0;
  for (int c = 0; c < KM_CLASS_COUNT; c++)
    for (uint32_t i = 0; i < s->classes[c].count; i++) {
      km_block *b = s->classes[c].items[i];
      if (b->pageable && b->resident && b->bytes) {
        b->resident = 0;
        trimmed++;
      }
    }
  forget_all(s);
  return trimmed;
}

void km_for_each(const km_space *s, void (*fn)(void *user, const km_block *b), void *user) {
  for (int c = 0; c < KM_CLASS_COUNT; c++) km_for_each_in(s, (km_class)c, fn, user);
}

void km_for_each_in(const km_space *s, km_class cls, void (*fn)(void *user, const km_block *b), void *user) {
  if ((unsigned)cls >= KM_CLASS_COUNT) return;
  for (uint32_t i = 0; i < s->classes[cls].count; i++)
    if (s->classes[cls].items[i]->bytes) fn(user, s->classes[cls].items[i]);
}

uint32_t km_block_count(const km_space *s) { return s->ids; }
