/* Catalogue §2–§4 (CBD-*, PRE-*, CTX-*, MOD-*): what each pre-operation status does, the rules
 * on the callback data and CompletionContext, and parameter changes. Expectations come from
 * the catalogue entries named in each test. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define PRE_POST ((1u << 6) | (1u << 7))
#define CBD(f) ks_offset(KS_FLT_CALLBACK_DATA_##f)
#define IOSTATUS_STATUS (CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Status))

static void check_callbacks(check_ctx *t, fp_engine *e, const char *expected) {
  char *got = trace_callbacks(e, PRE_POST);
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

/* ---- CBD-1, CBD-2, CBD-5 -------------------------------------------------------------------- */

static NATIVE(pre_changes_requestor_mode) {
  N_BEGIN;
  N_WRITE(ARG(0) + CBD(RequestorMode), 1, 0 /* KernelMode */);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void cbd1_changing_requestor_mode_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_changes_requestor_mode, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier CBD-1");
  CHECK(t, trace_has(e, "violation", "\"label\":\"CBD-IMMUTABLE-FIELD\""));
  fp_engine_free(e);
}

static NATIVE(pre_changes_major_function) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_WRITE(N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_MajorFunction), 1, IRP_MJ_WRITE);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void cbd1_changing_the_major_function_is_flagged_and_undone_without_verifier(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_changes_major_function, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_rules(t, e, "CBD-1");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS"); /* still a read */
  CHECK(t, trace_has(e, "irp_down", "\"major\":\"IRP_MJ_READ\""));
  fp_engine_free(e);
}

static NATIVE(pre_sets_system_buffer) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Flags), 4);
  N_WRITE(ARG(0) + CBD(Flags), 4, N_RET | FLTFL_CALLBACK_DATA_SYSTEM_BUFFER);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void cbd2_filters_must_never_set_system_buffer(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_sets_system_buffer, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier CBD-2");
  fp_engine_free(e);
}

static NATIVE(pre_records_flags) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Flags), 4);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static NATIVE(post_records_flags) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Flags), 4);
  N_WRITE(SCRATCH_AT(1), 8, N_RET);
  N_WRITE(SCRATCH_AT(2), 8, ARG(3));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void cbd4_post_operation_flag_is_set_only_in_the_post_op(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_records_flags, post_records_flags);
  int id = tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), FLTFL_CALLBACK_DATA_IRP_OPERATION);
  CHECK_INT(t, scratch(e, id, 1), FLTFL_CALLBACK_DATA_IRP_OPERATION | FLTFL_CALLBACK_DATA_POST_OPERATION);
  CHECK_INT(t, scratch(e, id, 2), 0); /* post-op Flags: not draining */
  fp_engine_free(e);
}

static NATIVE(pre_sets_iostatus_and_passes_down) {
  N_BEGIN;
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_ACCESS_DENIED);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static void cbd5_iostatus_set_in_a_pre_op_that_does_not_complete_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_sets_iostatus_and_passes_down, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_rules(t, e, "CBD-5");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS"); /* FltMgr sets IoStatus itself */
  fp_engine_free(e);
}

/* ---- PRE-GEN ------------------------------------------------------------------------------- */

static NATIVE(pre_returns_seven) {
  (void)k;
  N_BEGIN;
  N_RETURN(7);
  N_END;
}

static void pre_gen4_unknown_status_is_a_filter_verifier_error(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_returns_seven, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-GEN-4");
  CHECK(t, trace_has(e, "violation", "\"detail1\":\"0x7\""));
  fp_engine_free(e);
}

static void pre_gen4_without_verifier_is_a_warning(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_returns_seven, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "violation", "\"stops\":false"));
  fp_engine_free(e);
}

static void pre_gen2_paging_io_pre_ops_run_at_apc_level(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 512, FP_IO_PAGING);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "A.PreOperation IRP_MJ_READ @APC_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @APC_LEVEL in app\n");
  fp_engine_free(e);
}

/* ---- PRE-NOCB, PRE-WCB ------------------------------------------------------------------------ */

static NATIVE(pre_no_callback_with_context) {
  N_BEGIN;
  N_WRITE(ARG(2), 8, 0x1234);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void pre_nocb2_a_context_with_no_callback_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_no_callback_with_context, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-NOCB-2");
  CHECK(t, trace_has(e, "violation", "\"label\":\"CTX-NONNULL-WITHOUT-CALLBACK\""));
  fp_engine_free(e);
}

static void pre_nocb1_no_post_op_is_called(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_no_callback, n_post_finished);
  tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  fp_engine_free(e);
}

static NATIVE(pre_with_context) {
  N_BEGIN;
  N_WRITE(ARG(2), 8, 0xC0FFEE);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static NATIVE(post_records_context) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(0), 8, ARG(2));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void pre_wcb1_ctx2_the_context_reaches_the_post_op_unchanged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_with_context, post_records_context);
  int id = tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), 0xC0FFEE);
  check_rules(t, e, "");
  fp_engine_free(e);
}

static void pre_wcb2_with_callback_and_no_post_op_bug_checks_f5_66(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0); /* a documented bug check: Verifier or not */
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  char *end = trace_end(e);
  CHECK(t, strncmp(end, "bugcheck 0xF5 (0x66, 0xffffc", 28) == 0); /* P2 = the callback data */
  CHECK_CONTAINS(t, end, ", 0x0, 0x0)");
  free(end);
  CHECK(t, trace_has(e, "bugcheck", "\"rule\":\"PRE-WCB-2\""));
  fp_engine_free(e);
}

/* ---- PRE-SYNC ------------------------------------------------------------------------------ */

static void pre_sync1_post_runs_in_the_pre_thread_at_passive_not_in_the_dpc(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_synchronize, n_post_finished);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &top);
  tdrv_add(e, &low);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* Low's post runs where completion happens (a DPC); Top's back in the pre-op's thread. */
  check_callbacks(t, e,
                  "Top.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Low.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Low.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "Top.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK(t, trace_has(e, "sync_handoff", NULL));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static void pre_sync2_synchronize_without_post_op_bug_checks_f5_66(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_synchronize, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  char *end = trace_end(e);
  CHECK(t, strncmp(end, "bugcheck 0xF5 (0x66,", 20) == 0);
  free(end);
  CHECK(t, trace_has(e, "bugcheck", "\"rule\":\"PRE-SYNC-2\""));
  fp_engine_free(e);
}

static void pre_sync3_synchronize_on_fast_io_is_with_callback(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_synchronize, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "A.PreOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n");
  CHECK(t, !trace_has(e, "sync_handoff", NULL));
  check_rules(t, e, "");
  fp_engine_free(e);
}

static void pre_sync4_synchronize_on_create_is_a_lint_warning_only(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CREATE, 0, n_pre_synchronize, n_post_finished);
  tdrv_add(e, &d);
  int app = app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_rules(t, e, "PRE-SYNC-4");
  CHECK(t, trace_has(e, "lint", "\"label\":\"PRE-SYNC-ON-CREATE\""));
  CHECK_STR(t, request_status(e, app, 0), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static void pre_sync5_synchronize_on_an_asynchronous_read_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_synchronize, n_post_finished);
  tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\a.txt", "h");
  c.options = FILE_NON_DIRECTORY_FILE; /* an asynchronous handle */
  fp_op_desc r = read5();
  fp_engine_add_op(e, app, &c, NULL);
  fp_engine_add_op(e, app, &r, NULL);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-SYNC-5");
  CHECK(t, trace_has(e, "violation", "\"label\":\"PRE-SYNC-ASYNC-RW\""));
  fp_engine_free(e);
}

/* ---- PRE-COMPLETE ------------------------------------------------------------------------------ */

static NATIVE(pre_complete_denied) {
  N_BEGIN;
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_ACCESS_DENIED);
  N_RETURN(FLT_PREOP_COMPLETE);
  N_END;
}

static void pre_complete1_stops_the_operation_and_only_filters_above_get_post_ops(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, pre_complete_denied, n_post_finished);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &top);
  tdrv_add(e, &mid);
  tdrv_add(e, &low);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "Top.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Top.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK(t, !trace_has(e, "irp_down", "IRP_MJ_READ")); /* the file system never sees it */
  CHECK_STR(t, request_status(e, app, 1), "STATUS_ACCESS_DENIED");
  fp_engine_free(e);
}

static NATIVE(pre_complete_pending_status) {
  N_BEGIN;
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_PENDING);
  N_RETURN(FLT_PREOP_COMPLETE);
  N_END;
}

static void pre_complete2_completing_with_status_pending_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_complete_pending_status, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-COMPLETE-2");
  fp_engine_free(e);
}

static void pre_complete3_failing_a_cleanup_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_CLEANUP, 0, pre_complete_denied, NULL);
  tdrv_add(e, &d);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-COMPLETE-3");
  fp_engine_free(e);
}

static NATIVE(pre_complete_with_context) {
  N_BEGIN;
  N_WRITE(ARG(2), 8, 0x77);
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_SUCCESS);
  N_RETURN(FLT_PREOP_COMPLETE);
  N_END;
}

static void pre_complete4_a_context_with_complete_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_complete_with_context, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-COMPLETE-4");
  fp_engine_free(e);
}

static void pre_complete7_complete_is_allowed_for_fast_io(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_WRITE, 0, pre_complete_denied, NULL);
  tdrv_add(e, &d);
  fp_op_desc w = op_write("h", 0, 3, "abc", FP_IO_FAST);
  int app = app_open_do_close(e, &w);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, "A.PreOperation IRP_MJ_WRITE (fast I/O) @PASSIVE_LEVEL in app\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_ACCESS_DENIED");
  CHECK(t, !trace_has(e, "fast_io_refused", NULL)); /* no retry as an IRP */
  check_rules(t, e, "");
  fp_engine_free(e);
}

/* ---- PRE-DISFAST --------------------------------------------------------------------------------- */

static NATIVE(pre_disallow_fast_io) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Flags), 4);
  if (N_RET & FLTFL_CALLBACK_DATA_FAST_IO_OPERATION) N_RETURN(FLT_PREOP_DISALLOW_FASTIO);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static NATIVE(post_records_status) {
  N_BEGIN;
  N_READ(ARG(0) + IOSTATUS_STATUS, 4);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void pre_disfast1_refused_fast_io_is_retried_as_an_irp(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_records_status);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, pre_disallow_fast_io, n_post_finished);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  int id = tdrv_add(e, &top);
  tdrv_add(e, &mid);
  tdrv_add(e, &low);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "Top.PreOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n"
                  "Top.PostOperation IRP_MJ_READ (fast I/O) @PASSIVE_LEVEL in app\n"
                  "Top.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Low.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Top.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK(t, trace_has(e, "fast_io_refused", "\"next\":\"irp\""));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  CHECK_INT(t, scratch(e, id, 0), STATUS_SUCCESS); /* the last post-op saw the IRP's result */
  fp_engine_free(e);
}

static NATIVE(pre_disallow_fast_io_sets_iostatus) {
  N_BEGIN;
  N_WRITE(ARG(0) + IOSTATUS_STATUS, 4, STATUS_UNSUCCESSFUL);
  N_RETURN(FLT_PREOP_DISALLOW_FASTIO);
  N_END;
}

static void pre_disfast2_setting_iostatus_is_a_lint_and_fltmgr_overwrites_it(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_records_status);
  tdrv d = tdrv_one("A", "320000", IRP_MJ_READ, 0, pre_disallow_fast_io_sets_iostatus, NULL);
  d.ops[0].flags = 0;
  int id = tdrv_add(e, &top);
  tdrv_add(e, &d);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_FAST);
  app_open_do_close(e, &r);
  /* The IRP retry also gets DISALLOW_FASTIO: PRE-DISFAST-3 (stops under Verifier). */
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  char *rules = trace_rules(e);
  CHECK(t, strncmp(rules, "PRE-DISFAST-2", 13) == 0);
  free(rules);
  CHECK_INT(t, scratch(e, id, 0), STATUS_FLT_DISALLOW_FAST_IO);
  fp_engine_free(e);
}

static NATIVE(pre_disallow_always) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_PREOP_DISALLOW_FASTIO);
  N_END;
}

static void pre_disfast3_disallow_fast_io_on_an_irp_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_disallow_always, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-DISFAST-3");
  CHECK(t, trace_has(e, "violation", "\"label\":\"PRE-DISFAST-NOT-FASTIO\""));
  fp_engine_free(e);
}

/* ---- PRE-DISFSF ----------------------------------------------------------------------------------- */

static NATIVE(pre_disallow_fsfilter) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_PREOP_DISALLOW_FSFILTER_IO);
  N_END;
}

static void pre_disfsf1_query_open_refused_takes_the_open_query_close_path(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_QUERY_OPEN, 0, pre_disallow_fsfilter, NULL);
  d.ops[1] = (tdrv_op){ IRP_MJ_CREATE, 0, n_pre_no_callback, NULL };
  d.ops[2] = (tdrv_op){ IRP_MJ_CLOSE, 0, n_pre_no_callback, NULL };
  d.op_count = 3;
  tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc qo;
  memset(&qo, 0, sizeof qo);
  qo.kind = FP_OP_QUERY_OPEN;
  qo.path = "\\a.txt";
  fp_engine_add_op(e, app, &qo, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "A.PreOperation IRP_MJ_QUERY_OPEN (FsFilter) @PASSIVE_LEVEL in app\n"
                  "A.PreOperation IRP_MJ_CREATE @PASSIVE_LEVEL in app\n"
                  "A.PreOperation IRP_MJ_CLOSE @PASSIVE_LEVEL in app\n");
  CHECK(t, trace_has(e, "fast_io_refused", "\"next\":\"open_query_close\""));
  CHECK(t, trace_has(e, "irp_down", "IRP_MJ_QUERY_INFORMATION"));
  CHECK_STR(t, request_status(e, app, 0), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static void pre_disfsf1_on_another_operation_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_disallow_fsfilter, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier PRE-DISFSF-1");
  fp_engine_free(e);
}

/* ---- MOD ---------------------------------------------------------------------------------- */

static NATIVE(pre_moves_offset) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  inv->locals[0] = N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_ByteOffset);
  N_WRITE(inv->locals[0], 8, 6); /* read from offset 6: "world" */
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static NATIVE(pre_moves_offset_dirty) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  inv->locals[0] = N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_ByteOffset);
  N_WRITE(inv->locals[0], 8, 6);
  N_CALL("FltSetCallbackDataDirty", ARG(0));
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void mod1_changes_without_dirty_are_ignored(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_moves_offset, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_rules(t, e, "MOD-1");
  CHECK(t, trace_has(e, "params_ignored", NULL));
  fp_engine_free(e);
}

static void mod1_changes_with_dirty_reach_the_file_system(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_moves_offset_dirty, NULL);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_rules(t, e, "");
  /* The file system read 5 bytes at offset 6 of "hello world, ...": information 5, and the
   * user buffer holds "world". */
  CHECK(t, trace_has(e, "fs_result", "\"information\":\"0x5\""));
  fp_engine_free(e);
}

static NATIVE(pre_records_length) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_READ(N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_Length), 4);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static NATIVE(post_records_length) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_READ(N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_Length), 4);
  N_WRITE(SCRATCH_AT(1), 8, N_RET);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static NATIVE(pre_shortens_length_dirty) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  inv->locals[0] = N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_Length);
  N_READ(inv->locals[0], 4);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_WRITE(inv->locals[0], 4, 2);
  N_CALL("FltSetCallbackDataDirty", ARG(0));
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static void mod2_changes_are_seen_below_but_not_by_the_changer_or_above(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, pre_records_length, post_records_length);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, pre_shortens_length_dirty, post_records_length);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, pre_records_length, post_records_length);
  int t_id = tdrv_add(e, &top);
  int m_id = tdrv_add(e, &mid);
  int l_id = tdrv_add(e, &low);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, t_id, 0), 5);
  CHECK_INT(t, scratch(e, t_id, 1), 5);
  CHECK_INT(t, scratch(e, m_id, 0), 5);
  CHECK_INT(t, scratch(e, m_id, 1), 5); /* its own post sees its pre's values */
  CHECK_INT(t, scratch(e, l_id, 0), 2);
  CHECK_INT(t, scratch(e, l_id, 1), 2);
  CHECK(t, trace_has(e, "fs_result", "\"information\":\"0x2\""));
  fp_engine_free(e);
}

static NATIVE(pre_locks_buffer) {
  N_BEGIN;
  N_CALL("FltLockUserBuffer", ARG(0));
  N_WRITE(SCRATCH_AT(0), 8, N_RET + 1);
  N_READ(ARG(0) + CBD(Flags), 4);
  N_WRITE(SCRATCH_AT(1), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static NATIVE(pre_records_mdl) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_READ(N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_MdlAddress), 8);
  N_WRITE(SCRATCH_AT(0), 8, N_RET);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void mod4_lock_user_buffer_in_a_pre_op_marks_the_data_dirty(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, pre_locks_buffer, NULL);
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, pre_records_mdl, NULL);
  int t_id = tdrv_add(e, &top);
  int l_id = tdrv_add(e, &low);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, t_id, 0), STATUS_SUCCESS + 1);
  CHECK(t, scratch(e, t_id, 1) & FLTFL_CALLBACK_DATA_DIRTY);
  CHECK(t, scratch(e, l_id, 0) != 0); /* the MDL reached the filter below */
  check_rules(t, e, "");
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(cbd1_changing_requestor_mode_is_flagged),
  CHECK_CASE(cbd1_changing_the_major_function_is_flagged_and_undone_without_verifier),
  CHECK_CASE(cbd2_filters_must_never_set_system_buffer),
  CHECK_CASE(cbd4_post_operation_flag_is_set_only_in_the_post_op),
  CHECK_CASE(cbd5_iostatus_set_in_a_pre_op_that_does_not_complete_is_flagged),
  CHECK_CASE(pre_gen4_unknown_status_is_a_filter_verifier_error),
  CHECK_CASE(pre_gen4_without_verifier_is_a_warning),
  CHECK_CASE(pre_gen2_paging_io_pre_ops_run_at_apc_level),
  CHECK_CASE(pre_nocb2_a_context_with_no_callback_is_flagged),
  CHECK_CASE(pre_nocb1_no_post_op_is_called),
  CHECK_CASE(pre_wcb1_ctx2_the_context_reaches_the_post_op_unchanged),
  CHECK_CASE(pre_wcb2_with_callback_and_no_post_op_bug_checks_f5_66),
  CHECK_CASE(pre_sync1_post_runs_in_the_pre_thread_at_passive_not_in_the_dpc),
  CHECK_CASE(pre_sync2_synchronize_without_post_op_bug_checks_f5_66),
  CHECK_CASE(pre_sync3_synchronize_on_fast_io_is_with_callback),
  CHECK_CASE(pre_sync4_synchronize_on_create_is_a_lint_warning_only),
  CHECK_CASE(pre_sync5_synchronize_on_an_asynchronous_read_is_flagged),
  CHECK_CASE(pre_complete1_stops_the_operation_and_only_filters_above_get_post_ops),
  CHECK_CASE(pre_complete2_completing_with_status_pending_is_flagged),
  CHECK_CASE(pre_complete3_failing_a_cleanup_is_flagged),
  CHECK_CASE(pre_complete4_a_context_with_complete_is_flagged),
  CHECK_CASE(pre_complete7_complete_is_allowed_for_fast_io),
  CHECK_CASE(pre_disfast1_refused_fast_io_is_retried_as_an_irp),
  CHECK_CASE(pre_disfast2_setting_iostatus_is_a_lint_and_fltmgr_overwrites_it),
  CHECK_CASE(pre_disfast3_disallow_fast_io_on_an_irp_is_flagged),
  CHECK_CASE(pre_disfsf1_query_open_refused_takes_the_open_query_close_path),
  CHECK_CASE(pre_disfsf1_on_another_operation_is_flagged),
  CHECK_CASE(mod1_changes_without_dirty_are_ignored),
  CHECK_CASE(mod1_changes_with_dirty_reach_the_file_system),
  CHECK_CASE(mod2_changes_are_seen_below_but_not_by_the_changer_or_above),
  CHECK_CASE(mod4_lock_user_buffer_in_a_pre_op_marks_the_data_dirty),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
