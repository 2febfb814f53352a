/* Catalogue §3.7, §5.2, §5.3, §13.4, §13.5 (PRE-PEND-*, PRE-COMPLETE-5, CTX-1, POST-MPR-*,
 * PENDPOST-*, PRE-GEN-1/2, PRE-SYNC-7): pending in the pre-op and the post-op with deferred
 * I/O work items, the worker thread, and the hangs when nobody completes. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define PRE_POST ((1u << 6) | (1u << 7))
#define WORK ((1u << 8) | (1u << 9))
#define CBD(f) ks_offset(KS_FLT_CALLBACK_DATA_##f)
#define IOSTATUS_STATUS (CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Status))

static void check_callbacks(check_ctx *t, fp_engine *e, unsigned mask, const char *expected) {
  char *got = trace_callbacks(e, mask);
  CHECK_STR(t, got, expected);
  free(got);
}

static void check_end(check_ctx *t, fp_engine *e, const char *expected) {
  char *got = trace_end(e);
  CHECK_STR(t, got, expected);
  free(got);
}

static void check_rules(check_ctx *t, fp_engine *e, const char *expected) {
  char *got = trace_rules(e);
  CHECK_STR(t, got, expected);
  free(got);
}

static fp_op_desc read5(void) { return op_read("h", 0, 5, FP_IO_IRP); }

/* Scratch 0: the status the work routine passes to FltCompletePendedPreOperation;
 * scratch 1: the IoStatus it sets first (0 = none); scratch 2: a context it passes. */

/* Pre-op: queue a deferred I/O work item (EXTRA(0)) to the delayed queue and pend. */
static NATIVE(pre_pend_to_worker) {
  N_BEGIN;
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  if (!inv->locals[0]) N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(EXTRA(0)), DelayedWorkQueue, 0);
  N_WRITE(SCRATCH_AT(5), 8, N_RET + 1);
  if (N_RET != STATUS_SUCCESS) {
    N_CALL("FltFreeDeferredIoWorkItem", inv->locals[0]);
    N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  }
  N_RETURN(FLT_PREOP_PENDING);
  N_END;
}

/* Work routine (FltWorkItem, Data, Context): complete the pended pre-op as scratch says. It
 * locks the user buffer first, as the cancelSafe sample does: the file system will run in
 * this system thread, where the application's user addresses mean nothing. */
static NATIVE(work_complete_pre) {
  N_BEGIN;
  N_READ(SCRATCH_AT(4), 8);
  if (!N_RET) {
    N_CALL("FltLockUserBuffer", ARG(1));
  }
  N_READ(SCRATCH_AT(1), 8);
  if (N_RET) N_WRITE(ARG(1) + IOSTATUS_STATUS, 4, N_RET);
  N_READ(SCRATCH_AT(0), 8);
  inv->locals[0] = N_RET;
  N_READ(SCRATCH_AT(2), 8);
  inv->locals[1] = N_RET;
  N_CALL("FltCompletePendedPreOperation", ARG(1), inv->locals[0], inv->locals[1]);
  N_CALL("FltFreeDeferredIoWorkItem", ARG(0));
  N_RETURN(0);
  N_END;
}

static fp_engine *pended_pre(int verifier, uint32_t complete_with, uint32_t iostatus, uint64_t context,
                             int *top_id, int *app) {
  fp_engine *e = engine_with_files(1, verifier);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, pre_pend_to_worker, n_post_finished);
  mid.extra[0] = work_complete_pre;
  mid.extra_names[0] = "WorkRoutine";
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  *top_id = tdrv_add(e, &top);
  int mid_id = tdrv_add(e, &mid);
  tdrv_add(e, &low);
  uint64_t g = fp_engine_globals_address(e, mid_id) + SCRATCH;
  uint64_t v[3] = { complete_with, iostatus, context };
  fp_engine_poke(e, g, v, sizeof v);
  fp_op_desc r = read5();
  *app = app_open_do_close(e, &r);
  return e;
}

static void pre_pend2_deferred_work_item_resumes_the_walk_in_the_worker(check_ctx *t) {
  int top, app;
  fp_engine *e = pended_pre(1, FLT_PREOP_SUCCESS_WITH_CALLBACK, 0, 0, &top, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* PRE-GEN-2: the pre-op below the pending filter runs in the worker thread that resumed it;
   * PRE-GEN-1: nothing below runs before FltCompletePendedPreOperation. Completion is inline,
   * in the worker, so the post-ops run there too. */
  check_callbacks(t, e, PRE_POST | WORK,
                  "Top.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.WorkRoutine IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n"
                  "Low.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n"
                  "Low.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n"
                  "Mid.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n"
                  "Top.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  CHECK(t, trace_has(e, "op_pended", "\"in\":\"pre\""));
  check_rules(t, e, "");
  fp_engine_free(e);
}

static void pre_pend_without_locking_the_file_system_cannot_reach_the_user_buffer(check_ctx *t) {
  int top, app;
  fp_engine *e = pended_pre(1, FLT_PREOP_SUCCESS_NO_CALLBACK, 0, 0, &top, &app);
  uint64_t skip_lock = 1;
  fp_engine_poke(e, fp_engine_globals_address(e, 1) + SCRATCH + 8 * 4, &skip_lock, 8);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* The file system, running in the worker, catches the fault on the user address. */
  CHECK(t, trace_has(e, "exception", "\"handled\":\"kernel\""));
  CHECK_STR(t, request_status(e, app, 1), "0xC00000E8"); /* STATUS_INVALID_USER_BUFFER */
  fp_engine_free(e);
}

static void pre_complete5_completing_from_the_work_routine(check_ctx *t) {
  int top, app;
  fp_engine *e = pended_pre(1, FLT_PREOP_COMPLETE, STATUS_ACCESS_DENIED, 0, &top, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST,
                  "Top.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Top.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_ACCESS_DENIED");
  fp_engine_free(e);
}

static void ctx1_a_context_passed_with_no_callback_is_flagged(check_ctx *t) {
  int top, app;
  fp_engine *e = pended_pre(1, FLT_PREOP_SUCCESS_NO_CALLBACK, 0, 0x55, &top, &app);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier CTX-1");
  fp_engine_free(e);
}

static void pre_pend3_never_completed_hangs(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pend_to_worker, n_post_finished);
  d.extra[0] = n_void; /* the work routine forgets to complete the operation */
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_HANG);
  check_end(t, e, "hang PRE-PEND-3");
  CHECK(t, trace_has(e, "hang", "pended in A's pre-operation callback"));
  CHECK_STR(t, request_status(e, app, 1), "(not finished)");
  fp_engine_free(e);
}

static NATIVE(pre_pending_on_fast_io) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_PREOP_PENDING);
  N_END;
}

static void pre_pend1_pending_a_fast_io_operation_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pending_on_fast_io, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-PEND-1");
  CHECK(t, trace_has(e, "violation", "\"label\":\"PRE-PEND-NOT-IRP\""));
  fp_engine_free(e);
}

/* PENDING for fast I/O only; the IRP that follows passes on. */
static NATIVE(pre_pending_fast_io_only) {
  N_BEGIN;
  N_READ(ARG(0), 4); /* Data->Flags */
  if (N_RET & FLTFL_CALLBACK_DATA_FAST_IO_OPERATION) N_RETURN(FLT_PREOP_PENDING);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

/* Verifier off: flagged, then as if the filter had turned the fast path down (the I/O manager
 * sends the read again as an IRP). */
static void pre_pend1_pending_fast_io_without_verifier_goes_on_as_disallow_fastio(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pending_fast_io_only, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "violation", "\"label\":\"PRE-PEND-NOT-IRP\""));
  CHECK(t, trace_has(e, "fast_io_refused", NULL));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static NATIVE(pre_pending_with_context) {
  N_BEGIN;
  N_WRITE(ARG(2), 8, 0x99);
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(EXTRA(0)), DelayedWorkQueue, 0);
  N_RETURN(FLT_PREOP_PENDING);
  N_END;
}

static void pre_pend1_a_context_with_pending_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pending_with_context, NULL);
  d.extra[0] = n_void;
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-PEND-1");
  CHECK(t, trace_has(e, "violation", "\"label\":\"CTX-NONNULL-WITHOUT-CALLBACK\""));
  fp_engine_free(e);
}

/* The race of PRE-PEND-2: the work routine completes the operation before the pre-op returns
 * FLT_PREOP_PENDING (here the pre-op waits on an event the work routine sets). */
static NATIVE(pre_pend_then_wait) {
  N_BEGIN;
  N_CALL("KeInitializeEvent", SCRATCH_AT(8), 0 /* NotificationEvent */, 0);
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(EXTRA(0)), CriticalWorkQueue, 0);
  N_CALL("KeWaitForSingleObject", SCRATCH_AT(8), 0, 0, 0, 0);
  N_RETURN(FLT_PREOP_PENDING);
  N_END;
}

static NATIVE(work_complete_then_signal) {
  N_BEGIN;
  N_CALL("FltCompletePendedPreOperation", ARG(1), FLT_PREOP_SUCCESS_NO_CALLBACK, 0);
  N_CALL("FltFreeDeferredIoWorkItem", ARG(0));
  N_CALL("KeSetEvent", SCRATCH_AT(8), 0, 0);
  N_RETURN(0);
  N_END;
}

static void pre_pend2_completion_before_the_pre_op_returns_is_handled(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pend_then_wait, NULL);
  d.extra[0] = work_complete_then_signal;
  d.extra_names[0] = "WorkRoutine";
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv_add(e, &d);
  tdrv_add(e, &low);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* The operation continues when the pre-op returns, in the pre-op's thread. */
  check_callbacks(t, e, PRE_POST | WORK,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.WorkRoutine IRP_MJ_READ @PASSIVE_LEVEL in Worker (critical) 1\n"
                  "Low.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

/* ---- Pending in the post-op ------------------------------------------------------------------- */

/* Post-op: the documented recipe (PENDPOST-1): allocate, queue, MORE_PROCESSING_REQUIRED. */
static NATIVE(post_pend_to_worker) {
  N_BEGIN;
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(EXTRA(0)), DelayedWorkQueue, 0);
  N_WRITE(SCRATCH_AT(5), 8, N_RET + 1);
  if (N_RET != STATUS_SUCCESS) {
    N_CALL("FltFreeDeferredIoWorkItem", inv->locals[0]);
    N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  }
  N_RETURN(FLT_POSTOP_MORE_PROCESSING_REQUIRED);
  N_END;
}

/* Work routine: set IoStatus (scratch 1, if any), then complete the pended post-op. */
static NATIVE(work_complete_post) {
  N_BEGIN;
  N_READ(SCRATCH_AT(1), 8);
  if (N_RET) N_WRITE(ARG(1) + IOSTATUS_STATUS, 4, N_RET);
  N_READ(SCRATCH_AT(3), 8);
  if (!N_RET) {
    N_CALL("FltCompletePendedPostOperation", ARG(1));
  }
  N_CALL("FltFreeDeferredIoWorkItem", ARG(0));
  N_RETURN(0);
  N_END;
}

static fp_engine *pended_post(uint32_t iostatus, int forget, fp_io_path io, int *app) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, n_pre_with_callback, post_pend_to_worker);
  mid.extra[0] = work_complete_post;
  mid.extra_names[0] = "WorkRoutine";
  tdrv_add(e, &top);
  int mid_id = tdrv_add(e, &mid);
  uint64_t v[4] = { 0, iostatus, 0, (uint64_t)forget };
  fp_engine_poke(e, fp_engine_globals_address(e, mid_id) + SCRATCH, v, sizeof v);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = op_read("h", 0, io == FP_IO_PAGING ? 512 : 5, io);
  *app = app_open_do_close(e, &r);
  return e;
}

static void pendpost1_post_op_pended_to_a_worker_completes_there(check_ctx *t) {
  int app;
  fp_engine *e = pended_post(0, 0, FP_IO_IRP, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST | WORK,
                  "Top.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "Mid.WorkRoutine IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n"
                  "Top.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in Worker (delayed) 1\n");
  CHECK(t, trace_has(e, "op_pended", "\"in\":\"post\""));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static void post_mpr2_a_failure_set_by_the_work_routine_completes_the_request(check_ctx *t) {
  int app;
  fp_engine *e = pended_post(STATUS_ACCESS_DENIED, 0, FP_IO_IRP, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_STR(t, request_status(e, app, 1), "STATUS_ACCESS_DENIED");
  fp_engine_free(e);
}

static void post_mpr1_never_completed_hangs(check_ctx *t) {
  int app;
  fp_engine *e = pended_post(0, 1, FP_IO_IRP, &app);
  CHECK_INT(t, run_all(e), FP_END_HANG);
  check_end(t, e, "hang POST-MPR-1");
  CHECK_STR(t, request_status(e, app, 1), "(not finished)");
  fp_engine_free(e);
}

static void pendpost2_paging_io_cannot_be_posted(check_ctx *t) {
  int app;
  fp_engine *e = pended_post(0, 0, FP_IO_PAGING, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* The queue call failed with STATUS_FLT_NOT_SAFE_TO_POST_OPERATION; the post-op finished. */
  CHECK(t, trace_has(e, "api_return", "\"name\":\"FltQueueDeferredIoWorkItem\",\"value\":\"0xc01c0006\""));
  CHECK(t, !trace_has(e, "work_queued", NULL));
  fp_engine_free(e);
}

/* A post-op that calls FltCompletePendedPostOperation (scratch 6 = 0) or
 * FltCompletePendedPreOperation (scratch 6 = 1) for its own operation, which is pended in neither. */
static NATIVE(post_completes_what_is_not_pended) {
  N_BEGIN;
  N_READ(SCRATCH_AT(6), 8);
  if (N_RET) {
    N_CALL("FltCompletePendedPreOperation", ARG(0), FLT_PREOP_SUCCESS_NO_CALLBACK, 0);
  } else {
    N_CALL("FltCompletePendedPostOperation", ARG(0));
  }
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static fp_engine *completes_not_pended(int verifier, uint64_t pre, int *app) {
  fp_engine *e = engine_with_files(1, verifier);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_completes_what_is_not_pended);
  int id = tdrv_add(e, &d);
  fp_engine_poke(e, fp_engine_globals_address(e, id) + SCRATCH + 8 * 6, &pre, 8);
  fp_op_desc r = read5();
  *app = app_open_do_close(e, &r);
  return e;
}

/* Completing an operation that is not pended is not documented: [not settled], flagged; Verifier
 * on stops there. */
static void check_flagged_with_verifier(check_ctx *t, uint64_t pre, const char *end, const char *label) {
  int app;
  fp_engine *e = completes_not_pended(1, pre, &app);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, end);
  CHECK(t, trace_has(e, "violation", label));
  fp_engine_free(e);
}

static void post_mpr1_completing_a_post_op_that_is_not_pended_is_flagged(check_ctx *t) {
  check_flagged_with_verifier(t, 0, "verifier POST-MPR-1", "\"label\":\"CPPOST-NOT-PENDED\"");
}

static void pre_pend1_completing_a_pre_op_that_is_not_pended_is_flagged(check_ctx *t) {
  check_flagged_with_verifier(t, 1, "verifier PRE-PEND-1", "\"label\":\"CPPRE-NOT-PENDED\"");
}

/* Verifier off: a warning, the call does nothing, the operation completes as usual. */
static void completing_what_is_not_pended_without_verifier_does_nothing(check_ctx *t) {
  for (uint64_t pre = 0; pre <= 1; pre++) {
    int app;
    fp_engine *e = completes_not_pended(0, pre, &app);
    CHECK_INT(t, run_all(e), FP_END_COMPLETED);
    CHECK(t, trace_has(e, "violation", pre ? "CPPRE-NOT-PENDED" : "CPPOST-NOT-PENDED"));
    check_callbacks(t, e, PRE_POST,
                    "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                    "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
    CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
    fp_engine_free(e);
  }
}

static NATIVE(post_more_processing) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_POSTOP_MORE_PROCESSING_REQUIRED);
  N_END;
}

static void post_mpr1_more_processing_for_fast_io_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_more_processing);
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier POST-MPR-1");
  CHECK(t, trace_has(e, "violation", "\"label\":\"POST-MPR-NOT-IRP\""));
  fp_engine_free(e);
}

static void pendpost2_fast_io_cannot_be_posted(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pend_to_worker, NULL);
  d.extra[0] = n_void;
  int id = tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 5), STATUS_FLT_NOT_SAFE_TO_POST_OPERATION + 1);
  fp_engine_free(e);
}

static void pendpost2_top_level_irp_makes_posting_unsafe(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_pend_to_worker, NULL);
  d.extra[0] = n_void;
  int id = tdrv_add(e, &d);
  fp_op_desc r = read5();
  r.top_level_irp = 1;
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 5), STATUS_FLT_NOT_SAFE_TO_POST_OPERATION + 1);
  fp_engine_free(e);
}

/* ---- PRE-SYNC-7: a resource held from the pre-op to the post-op deadlocks ------------------- */

static uint64_t shared_mutex; /* a FAST_MUTEX in Top's globals both filters use */

static NATIVE(pre_take_mutex_and_synchronize) {
  N_BEGIN;
  N_CALL("ExInitializeFastMutex", SCRATCH_AT(16));
  N_CALL("ExAcquireFastMutex", SCRATCH_AT(16));
  N_RETURN(FLT_PREOP_SYNCHRONIZE);
  N_END;
}

static NATIVE(post_release_mutex) {
  N_BEGIN;
  N_CALL("ExReleaseFastMutex", SCRATCH_AT(16));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static NATIVE(work_needs_the_mutex) {
  N_BEGIN;
  N_CALL("ExAcquireFastMutex", shared_mutex);
  N_CALL("ExReleaseFastMutex", shared_mutex);
  N_CALL("FltCompletePendedPreOperation", ARG(1), FLT_PREOP_SUCCESS_NO_CALLBACK, 0);
  N_CALL("FltFreeDeferredIoWorkItem", ARG(0));
  N_RETURN(0);
  N_END;
}

static void pre_sync7_holding_a_lock_across_synchronize_deadlocks(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, pre_take_mutex_and_synchronize, post_release_mutex);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, pre_pend_to_worker, NULL);
  low.extra[0] = work_needs_the_mutex;
  int top_id = tdrv_add(e, &top);
  tdrv_add(e, &low);
  shared_mutex = fp_engine_globals_address(e, top_id) + SCRATCH + 8 * 16;
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_HANG);
  check_end(t, e, "hang PRE-SYNC-7");
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(pre_pend2_deferred_work_item_resumes_the_walk_in_the_worker),
  CHECK_CASE(pre_pend_without_locking_the_file_system_cannot_reach_the_user_buffer),
  CHECK_CASE(pre_complete5_completing_from_the_work_routine),
  CHECK_CASE(ctx1_a_context_passed_with_no_callback_is_flagged),
  CHECK_CASE(pre_pend3_never_completed_hangs),
  CHECK_CASE(pre_pend1_pending_a_fast_io_operation_is_flagged),
  CHECK_CASE(pre_pend1_pending_fast_io_without_verifier_goes_on_as_disallow_fastio),
  CHECK_CASE(pre_pend1_a_context_with_pending_is_flagged),
  CHECK_CASE(pre_pend2_completion_before_the_pre_op_returns_is_handled),
  CHECK_CASE(pendpost1_post_op_pended_to_a_worker_completes_there),
  CHECK_CASE(post_mpr1_completing_a_post_op_that_is_not_pended_is_flagged),
  CHECK_CASE(pre_pend1_completing_a_pre_op_that_is_not_pended_is_flagged),
  CHECK_CASE(completing_what_is_not_pended_without_verifier_does_nothing),
  CHECK_CASE(post_mpr2_a_failure_set_by_the_work_routine_completes_the_request),
  CHECK_CASE(post_mpr1_never_completed_hangs),
  CHECK_CASE(pendpost2_paging_io_cannot_be_posted),
  CHECK_CASE(post_mpr1_more_processing_for_fast_io_is_flagged),
  CHECK_CASE(pendpost2_fast_io_cannot_be_posted),
  CHECK_CASE(pendpost2_top_level_irp_makes_posting_unsafe),
  CHECK_CASE(pre_sync7_holding_a_lock_across_synchronize_deadlocks),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
