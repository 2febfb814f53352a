/* core/kmem: the simulated kernel address space and its pool. */
#include "kmem/kmem.h"
#include "check.h"

static const km_ctx passive = { 0, 1 };
static const km_ctx dispatch = { 2, 1 };

static km_space *space(fp_alloc *a, int special) {
  km_config c = { special, 0 };
  return km_create(a, &c);
}

static void blocks_should_be_zeroed_and_hold_what_is_written(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  uint64_t p = km_alloc(s, KM_POOL_NONPAGED, 24, NULL);
  CHECK_OR_RETURN(t, p != 0);
  CHECK(t, p >= 0xFFFF800000000000ull);
  uint64_t v = 1;
  CHECK_INT(t, km_read(s, p + 8, &v, 8, &passive, NULL), KM_OK);
  CHECK_INT(t, v, 0);
  v = 0x1122334455667788ull;
  CHECK_INT(t, km_write(s, p + 16, &v, 8, &passive, NULL), KM_OK);
  uint32_t half = 0;
  CHECK_INT(t, km_read(s, p + 16, &half, 4, &passive, NULL), KM_OK);
  CHECK_INT(t, half, 0x55667788);
  km_destroy(s);
  CHECK_INT(t, a.live_blocks, 0);
}

static void null_and_gaps_should_be_unmapped(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  uint64_t p = km_alloc(s, KM_SYSTEM, 100, NULL);
  uint8_t byte;
  km_fault f;
  CHECK_INT(t, km_read(s, 0, &byte, 1, &passive, &f), KM_FAULT_UNMAPPED);
  CHECK_INT(t, f.address, 0);
  CHECK_INT(t, km_read(s, p + 100, &byte, 1, &passive, &f), KM_FAULT_UNMAPPED);
  CHECK_INT(t, km_read(s, 0x1234, &byte, 1, &passive, &f), KM_FAULT_UNMAPPED);
  CHECK(t, km_find(s, p + 99) != NULL);
  CHECK(t, km_find(s, p + 100) == NULL);
  km_destroy(s);
}

static void user_buffers_should_be_visible_only_in_their_process(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  km_attrs attrs = { 0 };
  attrs.process = 1;
  uint64_t p = km_alloc(s, KM_USER, 64, &attrs);
  CHECK(t, p < KM_USER_LIMIT);
  uint8_t byte;
  km_ctx other = { 0, 2 };
  CHECK_INT(t, km_read(s, p, &byte, 1, &passive, NULL), KM_OK);
  CHECK_INT(t, km_read(s, p, &byte, 1, &other, NULL), KM_FAULT_UNMAPPED);
  km_destroy(s);
}

static void paged_out_blocks_should_page_in_below_dispatch_and_fault_at_dispatch(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  km_attrs attrs = { 0 };
  attrs.pageable = 1;
  uint64_t p = km_alloc(s, KM_POOL_PAGED, 32, &attrs);
  uint64_t n = km_alloc(s, KM_POOL_NONPAGED, 32, NULL);
  uint32_t v;
  CHECK_INT(t, km_read(s, p, &v, 4, &dispatch, NULL), KM_OK);
  CHECK_INT(t, km_page_out_all(s), 1);
  km_fault f;
  CHECK_INT(t, km_read(s, p + 4, &v, 4, &dispatch, &f), KM_FAULT_PAGED_OUT);
  CHECK(t, f.address == p + 4);
  CHECK_INT(t, km_read(s, n, &v, 4, &dispatch, NULL), KM_OK);
  CHECK_INT(t, km_read(s, p, &v, 4, &passive, NULL), KM_OK_PAGED_IN);
  CHECK_INT(t, km_read(s, p, &v, 4, &dispatch, NULL), KM_OK);
  km_destroy(s);
}

static void special_pool_should_catch_use_after_free_and_overrun(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 1);
  uint64_t p = km_alloc(s, KM_POOL_NONPAGED, 20, NULL);
  uint8_t byte = 0;
  km_fault f;
  CHECK_INT(t, km_write(s, p + 19, &byte, 1, &passive, NULL), KM_OK);
  CHECK_INT(t, km_write(s, p + 20, &byte, 1, &passive, &f), KM_FAULT_BEYOND_SPECIAL);
  CHECK(t, f.address == p + 20);
  CHECK_INT(t, km_write(s, p + 18, &byte, 4, &passive, &f), KM_FAULT_BEYOND_SPECIAL);
  CHECK(t, f.address == p + 20);
  CHECK_INT(t, km_write(s, p - 1, &byte, 1, &passive, &f), KM_FAULT_BEYOND_SPECIAL);
  const km_block *b;
  CHECK_INT(t, km_free(s, p, &b), KM_FREE_OK);
  CHECK_INT(t, km_read(s, p, &byte, 1, &passive, &f), KM_FAULT_FREED_SPECIAL);
  CHECK_INT(t, km_free(s, p, &b), KM_FREE_ALREADY_FREED);
  km_destroy(s);
}

static void normal_pool_should_let_stale_reads_and_small_overruns_through(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  uint64_t p = km_alloc(s, KM_POOL_NONPAGED, 20, NULL);
  uint32_t v = 0xABCD;
  CHECK_INT(t, km_write(s, p, &v, 4, &passive, NULL), KM_OK);
  CHECK_INT(t, km_write(s, p + 20, &v, 4, &passive, NULL), KM_OK_OVERRUN);
  CHECK_INT(t, km_write(s, p + 200, &v, 4, &passive, NULL), KM_FAULT_UNMAPPED);
  CHECK_INT(t, km_free(s, p, NULL), KM_FREE_OK);
  v = 0;
  CHECK_INT(t, km_read(s, p, &v, 4, &passive, NULL), KM_OK_STALE);
  CHECK_INT(t, v, 0xABCD);
  km_destroy(s);
}

static void freeing_inside_a_block_should_be_refused(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  uint64_t p = km_alloc(s, KM_POOL_NONPAGED, 64, NULL);
  CHECK_INT(t, km_free(s, p + 8, NULL), KM_FREE_NOT_A_BLOCK);
  CHECK_INT(t, km_free(s, 0, NULL), KM_FREE_NOT_A_BLOCK);
  CHECK_INT(t, km_free(s, p, NULL), KM_FREE_OK);
  km_destroy(s);
}

static void quarantine_should_retire_the_oldest_freed_blocks(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_config c = { 0, 2 };
  km_space *s = km_create(&a, &c);
  uint64_t p[3];
  for (int i = 0; i < 3; i++) p[i] = km_alloc(s, KM_POOL_NONPAGED, 16, NULL);
  for (int i = 0; i < 3; i++) CHECK_INT(t, km_free(s, p[i], NULL), KM_FREE_OK);
  uint8_t byte;
  CHECK_INT(t, km_read(s, p[0], &byte, 1, &passive, NULL), KM_FAULT_UNMAPPED);
  CHECK_INT(t, km_read(s, p[1], &byte, 1, &passive, NULL), KM_OK_STALE);
  CHECK_INT(t, km_free(s, p[0], NULL), KM_FREE_NOT_A_BLOCK);
  km_destroy(s);
  CHECK_INT(t, a.live_blocks, 0);
}

static void many_allocations_should_stay_findable(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 0);
  uint64_t first = 0, last = 0;
  for (int i = 0; i < 5000; i++) {
    uint64_t p = km_alloc(s, KM_POOL_PAGED, (uint64_t)(i % 300) + 1, NULL);
    if (!first) first = p;
    last = p;
    if (i % 3 == 0) km_free(s, p, NULL);
  }
  CHECK(t, km_find(s, first) != NULL);
  CHECK(t, km_find(s, last) != NULL);
  CHECK_INT(t, km_block_count(s), 5000);
  km_destroy(s);
  CHECK_INT(t, a.live_blocks, 0);
}

struct owner_count {
  int live_of_driver_3;
};

static void count_owner(void *user, const km_block *b) {
  struct owner_count *c = user;
  if (b->owner == 3 && !b->freed) c->live_of_driver_3++;
}

static void for_each_should_see_every_live_block_with_its_owner(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  km_space *s = space(&a, 1);
  km_attrs attrs = { 0 };
  attrs.owner = 3;
  attrs.tag = 0x74736554; /* 'Test' */
  km_alloc(s, KM_POOL_NONPAGED, 10, &attrs);
  uint64_t q = km_alloc(s, KM_POOL_PAGED, 10, &attrs);
  km_alloc(s, KM_POOL_NONPAGED, 10, NULL);
  km_free(s, q, NULL);
  struct owner_count c = { 0 };
  km_for_each(s, count_owner, &c);
  CHECK_INT(t, c.live_of_driver_3, 1);
  km_destroy(s);
}

static void out_of_memory_should_fail_allocation_cleanly(check_ctx *t) {
  for (uint64_t n = 1; n <= 4; n++) {
    fp_alloc a = fp_alloc_default();
    km_space *s = space(&a, 0);
    if (!s) continue;
    a.fail_at = a.count + n;
    uint64_t p = km_alloc(s, KM_POOL_NONPAGED, 16, NULL);
    uint64_t q = km_alloc(s, KM_POOL_NONPAGED, 16, NULL);
    CHECK(t, p == 0 || q == 0 || p != q);
    km_destroy(s);
    CHECK_INT(t, a.live_blocks, 0);
  }
}

static const check_case cases[] = {
  CHECK_CASE(blocks_should_be_zeroed_and_hold_what_is_written),
  CHECK_CASE(null_and_gaps_should_be_unmapped),
  CHECK_CASE(user_buffers_should_be_visible_only_in_their_process),
  CHECK_CASE(paged_out_blocks_should_page_in_below_dispatch_and_fault_at_dispatch),
  CHECK_CASE(special_pool_should_catch_use_after_free_and_overrun),
  CHECK_CASE(normal_pool_should_let_stale_reads_and_small_overruns_through),
  CHECK_CASE(freeing_inside_a_block_should_be_refused),
  CHECK_CASE(quarantine_should_retire_the_oldest_freed_blocks),
  CHECK_CASE(many_allocations_should_stay_findable),
  CHECK_CASE(for_each_should_see_every_live_block_with_its_owner),
  CHECK_CASE(out_of_memory_should_fail_allocation_cleanly),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
