/* Catalogue §5 (POST-IRQL-*, POST-FIN-1, POST-DISFSF-1, DCPWS-*, FAIL-*): where post-operation
 * callbacks run, FltDoCompletionProcessingWhenSafe's three outcomes, failing an operation and
 * cancelling a create. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define PRE_POST ((1u << 6) | (1u << 7))
#define SAFE (1u << 9)
#define CBD(f) ks_offset(KS_FLT_CALLBACK_DATA_##f)
#define IOSTATUS_STATUS (CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Status))
#define IOSTATUS_INFO (CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Information))

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

/* ---- POST-IRQL ------------------------------------------------------------------------------- */

static NATIVE(post_records_irql) {
  N_BEGIN;
  N_CALL0("KeGetCurrentIrql");
  N_WRITE(SCRATCH_AT(0), 8, N_RET + 1);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void post_irql1_post_irql7_completion_at_dispatch_in_an_arbitrary_thread(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_records_irql);
  int id = tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  CHECK_INT(t, scratch(e, id, 0), DISPATCH_LEVEL + 1); /* KeGetCurrentIrql says so */
  fp_engine_free(e);
}

static void post_irql1_the_dpc_lands_on_whichever_thread_runs(check_ctx *t) {
  fp_engine *e = engine_with_files(3, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 5);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  /* A second, busy application thread: the completion DPC interrupts it. */
  int busy = -1;
  fp_engine_add_thread(e, "busy", NULL, &busy);
  fp_op_desc c = op_create("\\b.txt", "g");
  fp_engine_add_op(e, busy, &c, NULL);
  for (int i = 0; i < 40; i++) { /* writes the filter ignores, completed inline: always running */
    fp_op_desc q = op_write("g", 0, 4, "busy", FP_IO_IRP);
    q.completion = FP_COMPLETE_INLINE;
    fp_engine_add_op(e, busy, &q, NULL);
  }
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "callback_enter", "\"thread\":5,\"irql\":\"DISPATCH_LEVEL\",\"dpc\":true"));
  check_callbacks(t, e, 1u << 7, "A.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  fp_engine_free(e);
}

static void post_irql3_fast_io_post_runs_at_passive_in_the_pre_thread(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_records_irql);
  int id = tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0); /* fast I/O never pends */
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST,
                  "A.PreOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n");
  CHECK_INT(t, scratch(e, id, 0), PASSIVE_LEVEL + 1);
  fp_engine_free(e);
}

static void post_irql4_post_create_runs_at_passive_in_the_originating_thread(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CREATE, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0); /* the file system pends the create */
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST,
                  "A.PreOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n");
  fp_engine_free(e);
}

/* ---- POST-FIN and POST-DISFSF ------------------------------------------------------------------- */

static void post_fin1_finished_goes_on_with_the_next_filter_up(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv b = tdrv_one("B", "320000", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv c = tdrv_one("C", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &a);
  tdrv_add(e, &b);
  tdrv_add(e, &c);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, 1u << 7,
                  "C.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  fp_engine_free(e);
}

static NATIVE(post_disallow_fsfilter) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_POSTOP_DISALLOW_FSFILTER_IO);
  N_END;
}

static void post_disfsf1_only_for_query_open(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_disallow_fsfilter);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier POST-DISFSF-1");
  fp_engine_free(e);
}

static void post_disfsf1_refusing_query_open_in_the_post_op_takes_the_slow_path(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_QUERY_OPEN, 0, n_pre_with_callback, post_disallow_fsfilter);
  tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc qo;
  memset(&qo, 0, sizeof qo);
  qo.kind = FP_OP_QUERY_OPEN;
  qo.path = "\\a.txt";
  fp_engine_add_op(e, app, &qo, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "fast_io_refused", "\"next\":\"open_query_close\""));
  CHECK_STR(t, request_status(e, app, 0), "STATUS_SUCCESS");
  fp_engine_free(e);
}

/* ---- DCPWS ---------------------------------------------------------------------------------- */

/* Post-op: FltDoCompletionProcessingWhenSafe(Data, FltObjects, ctx, Flags, EXTRA(0), &ret),
 * recording the BOOLEAN (scratch 0) and *RetPostOperationStatus (scratch 1); then returns ret. */
static NATIVE(post_when_safe) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(1), 8, 0xFF);
  N_CALL("FltDoCompletionProcessingWhenSafe", ARG(0), ARG(1), ARG(2), ARG(3), FN(EXTRA(0)), SCRATCH_AT(1));
  N_WRITE(SCRATCH_AT(0), 8, N_RET + 1);
  N_READ(SCRATCH_AT(1), 4);
  if (N_RET == 0xFF) N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_RETURN(N_RET);
  N_END;
}

/* Post-op: FltDoCompletionProcessingWhenSafe as above, then FINISHED_PROCESSING whatever it said. */
static NATIVE(post_when_safe_ignoring_it) {
  N_BEGIN;
  N_CALL("FltDoCompletionProcessingWhenSafe", ARG(0), ARG(1), ARG(2), ARG(3), FN(EXTRA(0)), SCRATCH_AT(1));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

/* SafePostCallback: records where it ran and its arguments, returns scratch 4's status. */
static NATIVE(safe_post) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(2), 8, ARG(0));
  N_WRITE(SCRATCH_AT(3), 8, ARG(2));
  N_READ(SCRATCH_AT(4), 8);
  N_RETURN(N_RET);
  N_END;
}

static fp_engine *when_safe(fp_completion mode, fp_io_path io, uint32_t safe_returns, int *id, int *app) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_when_safe);
  d.extra[0] = safe_post;
  d.extra_names[0] = "SafePost";
  *id = tdrv_add(e, &d);
  uint64_t v = safe_returns;
  fp_engine_poke(e, fp_engine_globals_address(e, *id) + SCRATCH + 8 * 4, &v, 8);
  fp_engine_set_completion(e, mode, 0);
  fp_op_desc r = op_read("h", 0, io == FP_IO_PAGING ? 512 : 5, io);
  *app = app_open_do_close(e, &r);
  return e;
}

static void dcpws1_below_dispatch_the_safe_callback_runs_at_once(check_ctx *t) {
  int id, app;
  fp_engine *e = when_safe(FP_COMPLETE_INLINE, FP_IO_IRP, FLT_POSTOP_FINISHED_PROCESSING, &id, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST | SAFE,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.SafePostCallback IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK_INT(t, scratch(e, id, 0), 1 + 1); /* TRUE */
  CHECK_INT(t, scratch(e, id, 1), FLT_POSTOP_FINISHED_PROCESSING);
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static void dcpws2_at_dispatch_it_posts_to_a_worker_and_fltmgr_resumes(check_ctx *t) {
  int id, app;
  fp_engine *e = when_safe(FP_COMPLETE_PENDING, FP_IO_IRP, FLT_POSTOP_FINISHED_PROCESSING, &id, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST | SAFE,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "A.SafePostCallback IRP_MJ_READ @PASSIVE_LEVEL in Worker (critical) 1\n");
  CHECK_INT(t, scratch(e, id, 0), 1 + 1); /* TRUE */
  CHECK_INT(t, scratch(e, id, 1), FLT_POSTOP_MORE_PROCESSING_REQUIRED);
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

/* "The caller must return that value": returning FINISHED_PROCESSING after the work was posted
 * is not documented; fltplay stops there with Verifier on (DCPWS-RESULT-IGNORED). */
static void dcpws2_returning_anything_but_more_processing_after_posting_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_when_safe_ignoring_it);
  d.extra[0] = safe_post;
  d.extra_names[0] = "SafePost";
  tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier DCPWS-2");
  CHECK(t, trace_has(e, "violation", "\"label\":\"DCPWS-RESULT-IGNORED\""));
  check_callbacks(t, e, PRE_POST | SAFE,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  fp_engine_free(e);
}

/* Below DISPATCH_LEVEL nothing is posted, so the post-op may return what it likes. */
static void dcpws2_inline_there_is_nothing_to_ignore(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_when_safe_ignoring_it);
  d.extra[0] = safe_post;
  d.extra_names[0] = "SafePost";
  int id = tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, !trace_has(e, "violation", NULL));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  (void)id;
  fp_engine_free(e);
}

static void dcpws3_paging_io_at_dispatch_is_refused(check_ctx *t) {
  int id, app;
  fp_engine *e = when_safe(FP_COMPLETE_PENDING, FP_IO_PAGING, FLT_POSTOP_FINISHED_PROCESSING, &id, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, SAFE, ""); /* never called */
  CHECK_INT(t, scratch(e, id, 0), 0 + 1); /* FALSE */
  CHECK_INT(t, scratch(e, id, 1), FLT_POSTOP_FINISHED_PROCESSING);
  fp_engine_free(e);
}

static void dcpws4_more_processing_from_the_safe_callback_hangs_unless_completed(check_ctx *t) {
  int id, app;
  fp_engine *e = when_safe(FP_COMPLETE_PENDING, FP_IO_IRP, FLT_POSTOP_MORE_PROCESSING_REQUIRED, &id, &app);
  CHECK_INT(t, run_all(e), FP_END_HANG);
  check_end(t, e, "hang DCPWS-4");
  fp_engine_free(e);
}

static void dcpws6_the_safe_callback_gets_the_post_ops_arguments(check_ctx *t) {
  int id, app;
  fp_engine *e = when_safe(FP_COMPLETE_PENDING, FP_IO_IRP, FLT_POSTOP_FINISHED_PROCESSING, &id, &app);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* The Data pointer the SafePostCallback got is the operation's callback data. */
  CHECK(t, trace_has(e, "op_start", NULL));
  char needle[64];
  snprintf(needle, sizeof needle, "\"callback_data\":\"0x%llx\"", (unsigned long long)scratch(e, id, 2));
  CHECK(t, trace_has(e, "op_start", needle));
  CHECK_INT(t, scratch(e, id, 3), 0); /* CompletionContext passed through (NULL) */
  fp_engine_free(e);
}

static NATIVE(pre_when_safe) {
  N_BEGIN;
  N_CALL("FltDoCompletionProcessingWhenSafe", ARG(0), ARG(1), 0, 0, FN(EXTRA(0)), SCRATCH_AT(1));
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void dcpws5_calling_it_from_a_pre_op_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_when_safe, NULL);
  d.extra[0] = safe_post;
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier DCPWS-5");
  CHECK(t, trace_has(e, "violation", "\"label\":\"DCPWS-NOT-IN-POSTOP\""));
  fp_engine_free(e);
}

static void dcpws5_calling_it_for_fast_io_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_when_safe);
  d.extra[0] = safe_post;
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  CHECK(t, trace_has(e, "violation", "\"label\":\"DCPWS-NOT-IRP\""));
  fp_engine_free(e);
}

/* ---- FAIL ------------------------------------------------------------------------------------ */

static NATIVE(post_fails_the_read) {
  N_BEGIN;
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_ACCESS_DENIED);
  N_WRITE(ARG(0) + IOSTATUS_INFO, 8, 0);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void fail1_a_post_op_can_fail_a_successful_operation(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_fails_the_read);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_STR(t, request_status(e, app, 1), "STATUS_ACCESS_DENIED");
  CHECK(t, trace_has(e, "fs_result", "\"status\":\"STATUS_SUCCESS\",\"information\":\"0x5\"")); /* the read happened */
  check_rules(t, e, "");
  fp_engine_free(e);
}

static NATIVE(post_sets_disallow_fast_io) {
  N_BEGIN;
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_FLT_DISALLOW_FAST_IO);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void fail1_status_flt_disallow_fast_io_is_reserved_for_fltmgr(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_sets_disallow_fast_io);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier FAIL-1");
  fp_engine_free(e);
}

static NATIVE(post_create_cancels) {
  N_BEGIN;
  N_READ(ARG(0) + IOSTATUS_STATUS, 4);
  if (!NT_SUCCESS((uint32_t)N_RET)) N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_READ(ARG(1) + ks_offset(KS_FLT_RELATED_OBJECTS_Instance), 8);
  inv->locals[0] = N_RET;
  N_READ(ARG(1) + ks_offset(KS_FLT_RELATED_OBJECTS_FileObject), 8);
  inv->locals[1] = N_RET;
  N_CALL("FltCancelFileOpen", inv->locals[0], inv->locals[1]);
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_ACCESS_DENIED);
  N_WRITE(ARG(0) + IOSTATUS_INFO, 8, 0);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static NATIVE(post_records_create_status) {
  N_BEGIN;
  N_READ(ARG(0) + IOSTATUS_STATUS, 4);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void fail2_cancel_file_open_fails_the_create_above_and_closes_it_below(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_CREATE, 0, n_pre_with_callback, post_records_create_status);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_CREATE, 0, n_pre_with_callback, post_create_cancels);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_CREATE, 0, n_pre_no_callback, NULL);
  low.ops[1] = (tdrv_op){ IRP_MJ_CLEANUP, 0, n_pre_no_callback, NULL };
  low.ops[2] = (tdrv_op){ IRP_MJ_CLOSE, 0, n_pre_no_callback, NULL };
  low.op_count = 3;
  top.ops[1] = (tdrv_op){ IRP_MJ_CLOSE, 0, n_pre_no_callback, NULL };
  top.op_count = 2;
  int top_id = tdrv_add(e, &top);
  tdrv_add(e, &mid);
  tdrv_add(e, &low);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\a.txt", "h");
  fp_op_desc r = read5();
  fp_engine_add_op(e, app, &c, NULL);
  fp_engine_add_op(e, app, &r, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST,
                  "Top.PreOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n"
                  "Low.PreOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n"
                  "Mid.PostOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n"
                  "Low.PreOperation IRP_MJ_CLEANUP @PASSIVE_LEVEL in app\n"
                  "Low.PreOperation IRP_MJ_CLOSE @PASSIVE_LEVEL in app\n"
                  "Top.PostOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n");
  CHECK_INT(t, scratch(e, top_id, 0), STATUS_ACCESS_DENIED);
  CHECK_STR(t, request_status(e, app, 0), "STATUS_ACCESS_DENIED");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_INVALID_HANDLE"); /* no handle was created */
  check_rules(t, e, "");
  fp_engine_free(e);
}

/* Remembers the first create's file object (scratch 8); on the second create cancels that one. */
static NATIVE(post_create_cancels_the_earlier_file) {
  N_BEGIN;
  N_READ(SCRATCH_AT(8), 8);
  if (!N_RET) {
    N_READ(ARG(1) + ks_offset(KS_FLT_RELATED_OBJECTS_FileObject), 8);
    N_WRITE(SCRATCH_AT(8), 8, N_RET);
    N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  }
  inv->locals[1] = N_RET;
  N_READ(ARG(1) + ks_offset(KS_FLT_RELATED_OBJECTS_Instance), 8);
  N_CALL("FltCancelFileOpen", N_RET, inv->locals[1]);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void fail3_cancelling_a_file_object_with_a_handle_bug_checks_f5_6a(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CREATE, 0, n_pre_with_callback, post_create_cancels_the_earlier_file);
  tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c1 = op_create("\\a.txt", "h");
  fp_op_desc c2 = op_create("\\b.txt", "g");
  fp_engine_add_op(e, app, &c1, NULL);
  fp_engine_add_op(e, app, &c2, NULL);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  char *end = trace_end(e);
  CHECK(t, strncmp(end, "bugcheck 0xF5 (0x6a, 0xffffc", 28) == 0); /* P2 = the file object */
  CHECK_CONTAINS(t, end, ", 0x0, 0x0)");
  free(end);
  CHECK(t, trace_has(e, "bugcheck", "\"rule\":\"FAIL-3\""));
  fp_engine_free(e);
}

static NATIVE(pre_cancels_open) {
  N_BEGIN;
  N_READ(ARG(1) + ks_offset(KS_FLT_RELATED_OBJECTS_Instance), 8);
  inv->locals[0] = N_RET;
  N_READ(ARG(1) + ks_offset(KS_FLT_RELATED_OBJECTS_FileObject), 8);
  N_CALL("FltCancelFileOpen", inv->locals[0], N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void fail4_cancel_file_open_outside_post_create_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CREATE, 0, pre_cancels_open, NULL);
  tdrv_add(e, &d);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier FAIL-4");
  CHECK(t, trace_has(e, "violation", "\"label\":\"CANCELOPEN-NOT-POSTCREATE\""));
  fp_engine_free(e);
}

static void fail6_failing_a_cleanup_in_the_post_op_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CLEANUP, 0, n_pre_with_callback, post_fails_the_read);
  tdrv_add(e, &d);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier FAIL-6");
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(post_irql1_post_irql7_completion_at_dispatch_in_an_arbitrary_thread),
  CHECK_CASE(post_irql1_the_dpc_lands_on_whichever_thread_runs),
  CHECK_CASE(post_irql3_fast_io_post_runs_at_passive_in_the_pre_thread),
  CHECK_CASE(post_irql4_post_create_runs_at_passive_in_the_originating_thread),
  CHECK_CASE(post_fin1_finished_goes_on_with_the_next_filter_up),
  CHECK_CASE(post_disfsf1_only_for_query_open),
  CHECK_CASE(post_disfsf1_refusing_query_open_in_the_post_op_takes_the_slow_path),
  CHECK_CASE(dcpws1_below_dispatch_the_safe_callback_runs_at_once),
  CHECK_CASE(dcpws2_at_dispatch_it_posts_to_a_worker_and_fltmgr_resumes),
  CHECK_CASE(dcpws2_returning_anything_but_more_processing_after_posting_is_flagged),
  CHECK_CASE(dcpws2_inline_there_is_nothing_to_ignore),
  CHECK_CASE(dcpws3_paging_io_at_dispatch_is_refused),
  CHECK_CASE(dcpws4_more_processing_from_the_safe_callback_hangs_unless_completed),
  CHECK_CASE(dcpws6_the_safe_callback_gets_the_post_ops_arguments),
  CHECK_CASE(dcpws5_calling_it_from_a_pre_op_is_flagged),
  CHECK_CASE(dcpws5_calling_it_for_fast_io_is_flagged),
  CHECK_CASE(fail1_a_post_op_can_fail_a_successful_operation),
  CHECK_CASE(fail1_status_flt_disallow_fast_io_is_reserved_for_fltmgr),
  CHECK_CASE(fail2_cancel_file_open_fails_the_create_above_and_closes_it_below),
  CHECK_CASE(fail3_cancelling_a_file_object_with_a_handle_bug_checks_f5_6a),
  CHECK_CASE(fail4_cancel_file_open_outside_post_create_is_flagged),
  CHECK_CASE(fail6_failing_a_cleanup_in_the_post_op_is_flagged),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
