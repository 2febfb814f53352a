/* Catalogue §7–§9 (BUF-*, API-1, NAME-1, MEM-1, MEM-2) and DESIGN.md's "faults of plain C are
 * Windows' own": buffers at DISPATCH_LEVEL, routines called above their IRQL, file names,
 * paged memory touched at DISPATCH_LEVEL, Driver Verifier's pool and IRQL checks, and the
 * exceptions and bug checks of bad pointers. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define PRE_POST ((1u << 6) | (1u << 7))
#define CBD(f) ks_offset(KS_FLT_CALLBACK_DATA_##f)
#define PARAM(f) (ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_##f))

static void check_end(check_ctx *t, fp_engine *e, const char *expected) {
  char *got = trace_end(e);
  CHECK_STR(t, got, expected);
  free(got);
}

static void check_end_prefix(check_ctx *t, fp_engine *e, const char *prefix) {
  char *got = trace_end(e);
  if (strncmp(got, prefix, strlen(prefix)) != 0) CHECK_STR(t, got, prefix);
  free(got);
}

static fp_op_desc read5(void) { return op_read("h", 0, 5, FP_IO_IRP); }

static fp_engine *one_read(fp_engine *e, native_fn pre, native_fn post, fp_completion mode, fp_io_path io, int *id) {
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre, post);
  *id = tdrv_add(e, &d);
  fp_engine_set_completion(e, mode, 0);
  fp_op_desc r = op_read("h", 0, io == FP_IO_PAGING ? 512 : 5, io);
  app_open_do_close(e, &r);
  return e;
}

/* ---- MEM-1 -------------------------------------------------------------------------------- */

static NATIVE(pre_paged_context) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", PagedPool, 32, 0x78746350 /* 'Pctx' */);
  N_WRITE(ARG(2), 8, N_RET);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static NATIVE(post_touches_context) {
  N_BEGIN;
  N_READ(ARG(2), 4);
  N_CALL("ExFreePoolWithTag", ARG(2), 0x78746350);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void mem1_paged_pool_touched_at_dispatch_under_pressure_bug_checks_d1(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_under_pressure(1, 0), pre_paged_context, post_touches_context, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  /* DRIVER_IRQL_NOT_LESS_OR_EQUAL: P1 the address, P2 = 2 (DISPATCH_LEVEL), P3 = 0 (a read),
   * P4 the faulting code (the post-operation callback). */
  char expected[128];
  snprintf(expected, sizeof expected, "bugcheck 0xD1 (0x%llx, 0x2, 0x0, 0x", (unsigned long long)scratch(e, id, 0));
  check_end_prefix(t, e, expected);
  CHECK(t, trace_has(e, "bugcheck", "\"rule\":\"MEM-1\""));
  CHECK(t, trace_has(e, "page_out", "memory pressure"));
  fp_engine_free(e);
}

static void mem1_without_pressure_the_bug_stays_hidden(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), pre_paged_context, post_touches_context, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  fp_engine_free(e);
}

static void mem1_pageable_post_op_code_at_dispatch_bug_checks_d1_execute(check_ctx *t) {
  fp_engine *e = engine_under_pressure(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  d.post_flags = FP_FUNC_PAGEABLE; /* #pragma alloc_text(PAGE, PostRead) */
  tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  char *end = trace_end(e);
  CHECK(t, strncmp(end, "bugcheck 0xD1 (0xfffff806", 25) == 0);
  CHECK_CONTAINS(t, end, ", 0x2, 0x8, "); /* an execute reference at DISPATCH_LEVEL */
  free(end);
  fp_engine_free(e);
}

/* Driver Verifier's "force IRQL checking": pageable memory is trimmed whenever the verified
 * driver raises IRQL to DISPATCH_LEVEL or takes a spin lock (MEM-1, [FORCEIRQL]). */
static NATIVE(pre_spin_lock_then_touch_paged) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", PagedPool, 16, 0x74736554);
  inv->locals[0] = N_RET;
  N_CALL("KeInitializeSpinLock", SCRATCH_AT(2));
  N_CALL("KeAcquireSpinLock", SCRATCH_AT(2), SCRATCH_AT(3));
  N_READ(inv->locals[0], 4); /* paged pool under a spin lock */
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void mem1_force_irql_checking_trims_when_the_driver_takes_a_spin_lock(check_ctx *t) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.verifier = 1;
  cfg.force_irql_checking = 1;
  fp_engine *e = fp_engine_new(&cfg);
  CHECK_OR_RETURN(t, e != NULL);
  fp_engine_add_file(e, "\\a.txt", "hello world", 11, 0);
  int id;
  one_read(e, pre_spin_lock_then_touch_paged, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xD1 (0xffffb");
  CHECK(t, trace_has(e, "page_out", "the driver took a spin lock"));
  fp_engine_free(e);
}

static NATIVE(pre_allocates_too_much) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, 4096, 0x74736554);
  N_WRITE(SCRATCH_AT(0), 8, N_RET ? 1 : 2);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void an_exhausted_pool_makes_the_allocator_return_null(check_ctx *t) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.max_pool_bytes = 1024; /* Windows' limit, modelled: not a playground budget */
  fp_engine *e = fp_engine_new(&cfg);
  CHECK_OR_RETURN(t, e != NULL);
  fp_engine_add_file(e, "\\a.txt", "hello world", 11, 0);
  int id;
  one_read(e, pre_allocates_too_much, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), 2); /* NULL */
  CHECK(t, trace_has(e, "pool_alloc", "\"address\":\"0x0\""));
  fp_engine_free(e);
}

/* ---- MEM-2 (Driver Verifier) --------------------------------------------------------------------- */

static NATIVE(post_allocates_paged) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", PagedPool, 16, 0x74736554);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void mem2_paged_allocation_at_dispatch_bug_checks_c4_01(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), n_pre_with_callback, post_allocates_paged, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end(t, e, "bugcheck 0xC4 (0x1, 0x2, 0x1, 0x10)"); /* P2 IRQL, P3 pool type, P4 size */
  CHECK(t, trace_has(e, "bugcheck", "\"rule\":\"MEM-2\""));
  fp_engine_free(e);
}

static void mem2_without_verifier_a_paged_allocation_at_dispatch_is_api1(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), n_pre_with_callback, post_allocates_paged, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "violation", "IRQL-TOO-HIGH:ExAllocatePoolWithTag"));
  fp_engine_free(e);
}

static NATIVE(pre_allocates_paged_keeps_it) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", PagedPool, 16, 0x74736554);
  N_WRITE(ARG(2), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static NATIVE(post_frees_context) {
  N_BEGIN;
  N_CALL("ExFreePoolWithTag", ARG(2), 0x74736554);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void mem2_freeing_paged_pool_at_dispatch_bug_checks_c4_11(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), pre_allocates_paged_keeps_it, post_frees_context,
                          FP_COMPLETE_PENDING, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xC4 (0x11, 0x2, 0x1, 0xffffb");
  fp_engine_free(e);
}

static NATIVE(post_takes_fast_mutex) {
  N_BEGIN;
  N_CALL("ExInitializeFastMutex", SCRATCH_AT(4));
  N_CALL("ExAcquireFastMutex", SCRATCH_AT(4));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void mem2_fast_mutex_at_dispatch_bug_checks_c4_33(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), n_pre_with_callback, post_takes_fast_mutex, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xC4 (0x33, 0x2, ");
  fp_engine_free(e);
}

static NATIVE(post_waits) {
  N_BEGIN;
  N_CALL("KeInitializeEvent", SCRATCH_AT(4), 0, 0);
  N_READ(SCRATCH_AT(10), 8);
  N_CALL("KeWaitForSingleObject", SCRATCH_AT(4), 0, 0, 0, N_RET ? SCRATCH_AT(11) : 0);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void mem2_waiting_at_dispatch_bug_checks_c4_121_or_122(check_ctx *t) {
  for (int with_timeout = 0; with_timeout < 2; with_timeout++) {
    int id;
    fp_engine *e = one_read(engine_with_files(1, 1), n_pre_with_callback, post_waits, FP_COMPLETE_PENDING,
                            FP_IO_IRP, &id);
    uint64_t v[2] = { (uint64_t)with_timeout, (uint64_t)-10000 /* 1 ms, relative */ };
    fp_engine_poke(e, fp_engine_globals_address(e, id) + SCRATCH + 8 * 10, v, sizeof v);
    CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
    check_end_prefix(t, e, with_timeout ? "bugcheck 0xC4 (0x122, 0x2, " : "bugcheck 0xC4 (0x121, 0x2, ");
    fp_engine_free(e);
  }
}

static void mem2_waiting_in_a_dpc_without_verifier_is_attempted_switch_from_dpc(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), n_pre_with_callback, post_waits, FP_COMPLETE_PENDING, FP_IO_IRP,
                          &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xB8 ");
  fp_engine_free(e);
}

static NATIVE(pre_queues_paged_work_item) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", PagedPool, 32, 0x6B726F57);
  inv->locals[0] = N_RET;
  N_CALL("ExInitializeWorkItem", inv->locals[0], FN(EXTRA(0)), 0);
  N_CALL("ExQueueWorkItem", inv->locals[0], DelayedWorkQueue);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void mem2_a_work_item_in_pageable_memory_bug_checks_c4_131(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_queues_paged_work_item, NULL);
  d.extra[0] = n_void;
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xC4 (0x131, 0xffffb");
  fp_engine_free(e);
}

static NATIVE(pre_high_irql_allocation) {
  N_BEGIN;
  N_CALL("KeRaiseIrql", HIGH_LEVEL, SCRATCH_AT(0));
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, 16, 0x74736554);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void mem2_nonpaged_allocation_above_dispatch_bug_checks_c4_02(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), pre_high_irql_allocation, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end(t, e, "bugcheck 0xC4 (0x2, 0xf, 0x200, 0x10)");
  fp_engine_free(e);
}

/* ---- IRQL raise and lower, double frees ------------------------------------------------------- */

static NATIVE(pre_raises_lower) {
  N_BEGIN;
  N_CALL("KeRaiseIrql", DISPATCH_LEVEL, SCRATCH_AT(0));
  N_CALL("KeRaiseIrql", APC_LEVEL, SCRATCH_AT(1));
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void raising_irql_to_a_lower_level_bug_checks(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), pre_raises_lower, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end(t, e, "bugcheck 0xC4 (0x30, 0x2, 0x1, 0x0)");
  fp_engine_free(e);
  /* Without Verifier Windows' outcome is not documented: a warning, and the IRQL is set. */
  e = one_read(engine_with_files(1, 0), pre_raises_lower, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK); /* ...and the request returns at APC_LEVEL: 0x4A */
  CHECK(t, trace_has(e, "lint", "KERAISEIRQL-TO-LOWER-IRQL"));
  check_end(t, e, "bugcheck 0x4A (0x0, 0x1, 0x0, 0x0)");
  fp_engine_free(e);
}

static NATIVE(pre_leaves_irql_raised) {
  N_BEGIN;
  N_CALL("KeAcquireSpinLock", SCRATCH_AT(2), SCRATCH_AT(3));
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK); /* returns holding the spin lock */
  N_END;
}

static void returning_to_user_mode_at_raised_irql_bug_checks_4a(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), pre_leaves_irql_raised, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end(t, e, "bugcheck 0x4A (0x0, 0x2, 0x0, 0x0)");
  fp_engine_free(e);
}

static NATIVE(pre_frees_twice) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, 16, 0x74736554);
  inv->locals[0] = N_RET;
  N_CALL("ExFreePoolWithTag", inv->locals[0], 0x74736554);
  N_CALL("ExFreePoolWithTag", inv->locals[0], 0x74736554);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void freeing_pool_twice_bug_checks_c2_07(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), pre_frees_twice, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xC2 (0x7, 0x0, 0x0, 0xffffa");
  fp_engine_free(e);
}

static NATIVE(pre_use_after_free) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, 16, 0x74736554);
  inv->locals[0] = N_RET;
  N_CALL("ExFreePoolWithTag", inv->locals[0], 0x74736554);
  N_READ(inv->locals[0], 4);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void use_after_free_with_special_pool_bug_checks_d5_and_without_is_a_warning(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), pre_use_after_free, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xD5 (0xffffa");
  fp_engine_free(e);
  e = one_read(engine_with_files(1, 0), pre_use_after_free, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "memory_warning", "read after free"));
  fp_engine_free(e);
}

/* Keeps Data in scratch 0; at the next operation reads the Flags of the Data it kept. */
static NATIVE(pre_keeps_data) {
  N_BEGIN;
  N_READ(SCRATCH_AT(0), 8);
  if (N_RET) {
    N_READ(N_RET, 4);
  }
  N_WRITE(SCRATCH_AT(0), 8, ARG(0));
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

/* The Filter Manager recycles an operation's callback data once it completes: Data kept from
 * the create and read during the read is freed memory. */
static void callback_data_kept_after_completion_is_freed_memory(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CREATE, 0, pre_keeps_data, NULL);
  d.ops[1].major = IRP_MJ_READ;
  d.ops[1].pre = pre_keeps_data;
  d.op_count = 2;
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "memory_warning", "read after free"));
  fp_engine_free(e);
}

static NATIVE(pre_overrun) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, 10, 0x74736554);
  inv->locals[0] = N_RET;
  N_WRITE(inv->locals[0] + 10, 1, 0x41);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void overrun_with_special_pool_bug_checks_d6(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), pre_overrun, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xD6 (0xffffa");
  CHECK(t, trace_has(e, "bugcheck", "\"parameters\":[\"0xffffa"));
  fp_engine_free(e);
}

static NATIVE(pre_reads_null) {
  N_BEGIN;
  N_READ(0, 4);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void a_null_dereference_at_passive_is_an_unhandled_access_violation_1e(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), pre_reads_null, NULL, FP_COMPLETE_INLINE, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0x1E (0xc0000005, 0xfffff806"); /* P3 read, P4 the address 0 */
  char *end = trace_end(e);
  CHECK_CONTAINS(t, end, ", 0x0, 0x0)");
  free(end);
  fp_engine_free(e);
}

static NATIVE(post_reads_null) {
  N_BEGIN;
  N_READ(0, 4);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void a_null_dereference_at_dispatch_bug_checks_d1(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), n_pre_with_callback, post_reads_null, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xD1 (0x0, 0x2, 0x0, 0xfffff806");
  fp_engine_free(e);
}

static NATIVE(pre_reads_bad_kernel_address) {
  N_BEGIN;
  N_READ(0xFFFF900000000000ull, 4);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void a_bad_kernel_address_at_passive_bug_checks_50(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 0), pre_reads_bad_kernel_address, NULL, FP_COMPLETE_INLINE, FP_IO_IRP,
                          &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0x50 (0xffff900000000000, 0x0, ");
  fp_engine_free(e);
}

/* ---- BUF ---------------------------------------------------------------------------------- */

static NATIVE(post_reads_user_buffer) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_READ(N_RET + PARAM(Read_ReadBuffer), 8);
  N_READ(N_RET, 1);
  N_WRITE(SCRATCH_AT(0), 8, N_RET + 1);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void buf1_a_user_buffer_in_an_arbitrary_thread_at_dispatch_faults(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_under_pressure(1, 0), n_pre_with_callback, post_reads_user_buffer,
                          FP_COMPLETE_PENDING, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xD1 (0x2");
  fp_engine_free(e);
}

static NATIVE(post_reads_through_the_mdl) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_READ(N_RET + PARAM(Read_MdlAddress), 8);
  N_CALL("MmGetSystemAddressForMdlSafe", N_RET, 0x10 /* NormalPagePriority */);
  N_READ(N_RET, 1);
  N_WRITE(SCRATCH_AT(0), 8, N_RET + 1);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void buf1_an_mdl_is_safe_at_dispatch(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_under_pressure(1, 1), n_pre_with_callback, post_reads_through_the_mdl,
                          FP_COMPLETE_PENDING, FP_IO_PAGING, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), 'h' + 1); /* "hello world, ..." */
  fp_engine_free(e);
}

static NATIVE(post_reads_query_buffer) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Flags), 4);
  N_WRITE(SCRATCH_AT(1), 8, N_RET);
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_READ(N_RET + PARAM(QueryFileInformation_InfoBuffer), 8);
  N_READ(N_RET + 8, 8); /* FILE_STANDARD_INFORMATION.EndOfFile */
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void buf1_a_system_buffer_is_safe_at_dispatch(check_ctx *t) {
  fp_engine *e = engine_under_pressure(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_QUERY_INFORMATION, 0, n_pre_with_callback, post_reads_query_buffer);
  int id = tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc q;
  memset(&q, 0, sizeof q);
  q.kind = FP_OP_QUERY_INFO;
  q.handle = "h";
  q.info_class = FileStandardInformation;
  q.length = 24;
  int app = app_open_do_close(e, &q);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, scratch(e, id, 1) & FLTFL_CALLBACK_DATA_SYSTEM_BUFFER);
  CHECK_INT(t, scratch(e, id, 0), 26); /* strlen("hello world, this is a.txt") */
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static NATIVE(pre_records_fast_io_buffers) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  inv->locals[0] = N_RET;
  N_READ(inv->locals[0] + PARAM(Read_MdlAddress), 8);
  N_WRITE(SCRATCH_AT(2), 8, N_RET + 1);
  N_READ(inv->locals[0] + PARAM(Read_ReadBuffer), 8);
  N_WRITE(SCRATCH_AT(1), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static void buf2_fast_io_has_no_mdl_and_a_user_address(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_under_pressure(1, 1), pre_records_fast_io_buffers, post_reads_user_buffer,
                          FP_COMPLETE_PENDING, FP_IO_FAST, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 2), 0 + 1);                /* MdlAddress NULL */
  CHECK(t, scratch(e, id, 1) < 0x0000800000000000ull);    /* a user address */
  CHECK_INT(t, scratch(e, id, 0), 'h' + 1);               /* usable in the post-op, same thread */
  fp_engine_free(e);
}

static NATIVE(post_locks_buffer) {
  N_BEGIN;
  N_CALL("FltLockUserBuffer", ARG(0));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void buf3_api1_lock_user_buffer_at_dispatch_is_irql_too_high(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), n_pre_with_callback, post_locks_buffer, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier API-1");
  CHECK(t, trace_has(e, "violation", "\"label\":\"IRQL-TOO-HIGH:FltLockUserBuffer\""));
  fp_engine_free(e);
}

static NATIVE(pre_locks_query_buffer) {
  N_BEGIN;
  N_CALL("FltLockUserBuffer", ARG(0));
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void buf3_buf5_lock_user_buffer_refuses_operations_without_a_user_buffer(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_QUERY_OPEN, 0, pre_locks_query_buffer, NULL);
  int id = tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc qo;
  memset(&qo, 0, sizeof qo);
  qo.kind = FP_OP_QUERY_OPEN;
  qo.path = "\\a.txt";
  fp_engine_add_op(e, app, &qo, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), STATUS_INVALID_PARAMETER);
  fp_engine_free(e);
}

/* BUF-4: a paging read of 100 bytes moves a whole sector; a swapped buffer of 100 bytes overflows. */
static NATIVE(pre_swaps_buffer) {
  N_BEGIN;
  N_READ(SCRATCH_AT(10), 8); /* 1 = round the size up to the sector */
  inv->locals[2] = N_RET ? 512 : 100;
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, inv->locals[2], 0x70617753 /* 'Swap' */);
  inv->locals[0] = N_RET;
  N_CALL("IoAllocateMdl", inv->locals[0], inv->locals[2], 0, 0, 0);
  inv->locals[1] = N_RET;
  N_CALL("MmBuildMdlForNonPagedPool", inv->locals[1]);
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_WRITE(N_RET + PARAM(Read_MdlAddress), 8, inv->locals[1]);
  N_CALL("FltSetCallbackDataDirty", ARG(0));
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void buf4_a_swapped_buffer_not_rounded_to_the_sector_overflows(check_ctx *t) {
  for (int rounded = 0; rounded < 2; rounded++) {
    fp_engine *e = engine_with_files(1, 1);
    tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_swaps_buffer, NULL);
    int id = tdrv_add(e, &d);
    uint64_t v = (uint64_t)rounded;
    fp_engine_poke(e, fp_engine_globals_address(e, id) + SCRATCH + 8 * 10, &v, 8);
    fp_op_desc r = op_read("h", 0, 100, FP_IO_PAGING);
    app_open_do_close(e, &r);
    CHECK_INT(t, run_all(e), rounded ? FP_END_COMPLETED : FP_END_BUGCHECK);
    if (!rounded) check_end_prefix(t, e, "bugcheck 0xD6 (0xffffa");
    fp_engine_free(e);
  }
}

/* ---- API-1 -------------------------------------------------------------------------------- */

static NATIVE(post_compares_names) {
  N_BEGIN;
  N_CALL("RtlInitUnicodeString", SCRATCH_AT(0), 0);
  N_CALL("RtlCompareUnicodeString", SCRATCH_AT(0), SCRATCH_AT(0), 1);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void api1_a_passive_level_routine_at_dispatch_under_pressure_bug_checks_a(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_under_pressure(1, 0), n_pre_with_callback, post_compares_names,
                          FP_COMPLETE_PENDING, FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  check_end_prefix(t, e, "bugcheck 0xA (0xfffff806"); /* IRQL_NOT_LESS_OR_EQUAL in pageable kernel code */
  char *end = trace_end(e);
  CHECK_CONTAINS(t, end, ", 0x2, 0x8, ");
  free(end);
  fp_engine_free(e);
}

static void api1_a_passive_level_routine_at_dispatch_is_irql_too_high(check_ctx *t) {
  int id;
  fp_engine *e = one_read(engine_with_files(1, 1), n_pre_with_callback, post_compares_names, FP_COMPLETE_PENDING,
                          FP_IO_IRP, &id);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  CHECK(t, trace_has(e, "violation", "\"label\":\"IRQL-TOO-HIGH:RtlCompareUnicodeString\""));
  fp_engine_free(e);
}

/* ---- NAME-1 -------------------------------------------------------------------------------- */

static NATIVE(pre_gets_name) {
  N_BEGIN;
  N_CALL("FltGetFileNameInformation", ARG(0), FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT, SCRATCH_AT(1));
  inv->locals[0] = N_RET;
  N_READ(SCRATCH_AT(0), 8);
  N_WRITE(SCRATCH_AT(2 + N_RET), 8, inv->locals[0]);
  N_WRITE(SCRATCH_AT(0), 8, N_RET + 1);
  if (inv->locals[0] == STATUS_SUCCESS) {
    N_READ(SCRATCH_AT(1), 8);
    N_CALL("FltReleaseFileNameInformation", N_RET);
  }
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void name1_name_queries_fail_in_paging_io_with_top_level_irp_and_after_cleanup(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_gets_name, NULL);
  d.ops[1] = (tdrv_op){ IRP_MJ_CLOSE, 0, pre_gets_name, NULL };
  d.op_count = 2;
  int id = tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\b.txt", "h");
  fp_op_desc paging = op_read("h", 0, 512, FP_IO_PAGING);   /* NAME-1: paging I/O */
  fp_op_desc top = op_read("h", 0, 16, FP_IO_IRP);          /* NAME-1: TopLevelIrp set */
  top.top_level_irp = 1;
  fp_op_desc normal = op_read("h", 0, 16, FP_IO_IRP);       /* works */
  fp_op_desc x = op_close("h");                              /* pre-close: after cleanup */
  fp_engine_add_op(e, app, &c, NULL);
  fp_engine_add_op(e, app, &paging, NULL);
  fp_engine_add_op(e, app, &top, NULL);
  fp_engine_add_op(e, app, &normal, NULL);
  fp_engine_add_op(e, app, &x, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), 4);
  CHECK_INT(t, scratch(e, id, 2), STATUS_FLT_INVALID_NAME_REQUEST);
  CHECK_INT(t, scratch(e, id, 3), STATUS_FLT_INVALID_NAME_REQUEST);
  CHECK_INT(t, scratch(e, id, 4), STATUS_SUCCESS);
  /* In pre-close the name is in FltMgr's cache now (the read above queried it): it is served. */
  CHECK_INT(t, scratch(e, id, 5), STATUS_SUCCESS);
  fp_engine_free(e);
}

static void name1_pre_close_without_a_cached_name_fails(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CLOSE, 0, pre_gets_name, NULL);
  int id = tdrv_add(e, &d);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), 1);
  CHECK_INT(t, scratch(e, id, 2), STATUS_FLT_INVALID_NAME_REQUEST);
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(mem1_paged_pool_touched_at_dispatch_under_pressure_bug_checks_d1),
  CHECK_CASE(mem1_without_pressure_the_bug_stays_hidden),
  CHECK_CASE(mem1_pageable_post_op_code_at_dispatch_bug_checks_d1_execute),
  CHECK_CASE(mem1_force_irql_checking_trims_when_the_driver_takes_a_spin_lock),
  CHECK_CASE(an_exhausted_pool_makes_the_allocator_return_null),
  CHECK_CASE(mem2_paged_allocation_at_dispatch_bug_checks_c4_01),
  CHECK_CASE(mem2_without_verifier_a_paged_allocation_at_dispatch_is_api1),
  CHECK_CASE(mem2_freeing_paged_pool_at_dispatch_bug_checks_c4_11),
  CHECK_CASE(mem2_fast_mutex_at_dispatch_bug_checks_c4_33),
  CHECK_CASE(mem2_waiting_at_dispatch_bug_checks_c4_121_or_122),
  CHECK_CASE(mem2_waiting_in_a_dpc_without_verifier_is_attempted_switch_from_dpc),
  CHECK_CASE(mem2_a_work_item_in_pageable_memory_bug_checks_c4_131),
  CHECK_CASE(mem2_nonpaged_allocation_above_dispatch_bug_checks_c4_02),
  CHECK_CASE(raising_irql_to_a_lower_level_bug_checks),
  CHECK_CASE(returning_to_user_mode_at_raised_irql_bug_checks_4a),
  CHECK_CASE(freeing_pool_twice_bug_checks_c2_07),
  CHECK_CASE(use_after_free_with_special_pool_bug_checks_d5_and_without_is_a_warning),
  CHECK_CASE(callback_data_kept_after_completion_is_freed_memory),
  CHECK_CASE(overrun_with_special_pool_bug_checks_d6),
  CHECK_CASE(a_null_dereference_at_passive_is_an_unhandled_access_violation_1e),
  CHECK_CASE(a_null_dereference_at_dispatch_bug_checks_d1),
  CHECK_CASE(a_bad_kernel_address_at_passive_bug_checks_50),
  CHECK_CASE(buf1_a_user_buffer_in_an_arbitrary_thread_at_dispatch_faults),
  CHECK_CASE(buf1_an_mdl_is_safe_at_dispatch),
  CHECK_CASE(buf1_a_system_buffer_is_safe_at_dispatch),
  CHECK_CASE(buf2_fast_io_has_no_mdl_and_a_user_address),
  CHECK_CASE(buf3_api1_lock_user_buffer_at_dispatch_is_irql_too_high),
  CHECK_CASE(buf3_buf5_lock_user_buffer_refuses_operations_without_a_user_buffer),
  CHECK_CASE(buf4_a_swapped_buffer_not_rounded_to_the_sector_overflows),
  CHECK_CASE(api1_a_passive_level_routine_at_dispatch_under_pressure_bug_checks_a),
  CHECK_CASE(api1_a_passive_level_routine_at_dispatch_is_irql_too_high),
  CHECK_CASE(name1_name_queries_fail_in_paging_io_with_top_level_irp_and_after_cleanup),
  CHECK_CASE(name1_pre_close_without_a_cached_name_fails),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
