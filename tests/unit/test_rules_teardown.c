/* Catalogue §6 and §13.8 (DRAIN-*, PRE-SYNC-8, POST-IRQL-5, POST-MPR-3, DCPWS-5 while
 * draining, PENDPOST-2 on a torn-down instance) and unloading (VERIF-FV-1, VERIF-C4 0x62,
 * VERIF-F5 0x68, VERIF-FV-2's answers). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define PRE_POST ((1u << 6) | (1u << 7))
#define TEARDOWN ((1u << 4) | (1u << 5))
#define CBD(f) ks_offset(KS_FLT_CALLBACK_DATA_##f)

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

static NATIVE(pre_context_and_record_data) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(0), 8, ARG(0));
  N_WRITE(ARG(2), 8, 0xABCDEF);
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

/* Records Data (1), Flags (2), the Data's flags (3), the context (4), IRQL (5); counts calls (6). */
static NATIVE(post_records_drain) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(1), 8, ARG(0));
  N_WRITE(SCRATCH_AT(2), 8, ARG(3));
  N_READ(ARG(0) + CBD(Flags), 4);
  N_WRITE(SCRATCH_AT(3), 8, N_RET);
  N_WRITE(SCRATCH_AT(4), 8, ARG(2));
  N_CALL0("KeGetCurrentIrql");
  N_WRITE(SCRATCH_AT(5), 8, N_RET);
  N_READ(SCRATCH_AT(6), 8);
  N_WRITE(SCRATCH_AT(6), 8, N_RET + 1);
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

/* A filter at 385100 (detached during the read) and one below it at 45000 (stays). */
static fp_engine *detach_during_read(native_fn pre, native_fn post, native_fn teardown_start, int *top, int *low,
                                     int *app, uint32_t delay) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre, post);
  a.query_teardown = n_status_success;
  a.teardown_start = teardown_start ? teardown_start : n_void;
  a.teardown_complete = n_void;
  tdrv b = tdrv_one("B", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  *top = tdrv_add(e, &a);
  *low = tdrv_add(e, &b);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, delay);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  *app = app_open_do_close(e, &r);
  fp_control_desc d = { FP_CONTROL_DETACH, *top, *app, 1, 0 };
  fp_engine_add_control(e, &d);
  return e;
}

static void drain1_drain2_a_detach_drains_the_outstanding_post_op(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(pre_context_and_record_data, post_records_drain, NULL, &top, &low, &app, 200);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST | TEARDOWN,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "B.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n"
                  "A.PostOperation IRP_MJ_READ (draining) @PASSIVE_LEVEL in System\n"
                  "A.InstanceTeardownCompleteCallback @PASSIVE_LEVEL in System\n"
                  "B.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  CHECK_INT(t, scratch(e, top, 2), FLTFL_POST_OPERATION_DRAINING);            /* CONST-3 */
  CHECK(t, scratch(e, top, 1) != scratch(e, top, 0));                         /* DRAIN-2: a copy */
  CHECK(t, scratch(e, top, 3) & FLTFL_CALLBACK_DATA_DRAINING_IO);             /* CBD-4 */
  CHECK_INT(t, scratch(e, top, 4), 0xABCDEF);                                 /* CTX-2 */
  CHECK(t, scratch(e, top, 5) <= APC_LEVEL);                                  /* POST-IRQL-5 */
  CHECK_INT(t, scratch(e, top, 6), 1);                                        /* DRAIN-6: once */
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");                  /* the I/O goes on */
  fp_engine_free(e);
}

static void pre_sync8_drain3_a_synchronize_node_is_drained_without_switching_back(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(n_pre_synchronize, post_records_drain, NULL, &top, &low, &app, 200);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, PRE_POST,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "B.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ (draining) @PASSIVE_LEVEL in System\n"
                  "B.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  CHECK(t, !trace_has(e, "sync_handoff", NULL));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static NATIVE(post_more_processing) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_POSTOP_MORE_PROCESSING_REQUIRED);
  N_END;
}

static void post_mpr3_more_processing_while_draining_is_flagged(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(n_pre_with_callback, post_more_processing, NULL, &top, &low, &app, 200);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier POST-MPR-3");
  fp_engine_free(e);
}

static NATIVE(post_when_safe_draining) {
  N_BEGIN;
  N_CALL("FltDoCompletionProcessingWhenSafe", ARG(0), ARG(1), ARG(2), ARG(3), FN(EXTRA(0)), SCRATCH_AT(1));
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static NATIVE(safe_post_finished) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void dcpws5_calling_when_safe_while_draining_is_flagged(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_when_safe_draining);
  a.query_teardown = n_status_success;
  a.extra[0] = safe_post_finished;
  int top = tdrv_add(e, &a);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 200);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  int app = app_open_do_close(e, &r);
  fp_control_desc d = { FP_CONTROL_DETACH, top, app, 1, 0 };
  fp_engine_add_control(e, &d);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  CHECK(t, trace_has(e, "violation", "\"label\":\"DCPWS-WHILE-DRAINING\""));
  fp_engine_free(e);
}

/* DRAIN-4/5: a pre-op pended for ever blocks the teardown... */
static NATIVE(pre_pend_forever) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(0), 8, ARG(0)); /* remember the callback data for TeardownStart */
  N_RETURN(FLT_PREOP_PENDING);
  N_END;
}

/* ...unless TeardownStart completes it (here cancelling it, as the cancelSafe sample does). */
static NATIVE(teardown_start_completes_pended) {
  N_BEGIN;
  N_READ(SCRATCH_AT(0), 8);
  inv->locals[0] = N_RET;
  if (inv->locals[0]) {
    N_WRITE(inv->locals[0] + CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Status), 4, STATUS_CANCELLED);
    N_CALL("FltCompletePendedPreOperation", inv->locals[0], FLT_PREOP_COMPLETE, 0);
  }
  N_RETURN(0);
  N_END;
}

static void drain4_drain5_a_pended_pre_op_is_not_drained_and_the_teardown_hangs(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(pre_pend_forever, n_post_finished, NULL, &top, &low, &app, 20);
  CHECK_INT(t, run_all(e), FP_END_HANG);
  check_end(t, e, "hang DRAIN-4");
  check_callbacks(t, e, TEARDOWN, "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n");
  CHECK(t, !trace_has(e, "drain", NULL));
  fp_engine_free(e);
}

static void drain4_completing_pended_operations_in_teardown_start_lets_it_finish(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(pre_pend_forever, n_post_finished, teardown_start_completes_pended, &top, &low,
                                    &app, 20);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, TEARDOWN,
                  "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n"
                  "A.InstanceTeardownCompleteCallback @PASSIVE_LEVEL in System\n");
  check_callbacks(t, e, 1u << 6, "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_CANCELLED");
  fp_engine_free(e);
}

static void drain4_teardown_complete_waits_for_outstanding_operations(check_ctx *t) {
  int top, low, app;
  /* The post-op of A is pended (MORE_PROCESSING_REQUIRED) when the detach comes; nobody
   * completes it: TeardownComplete never runs. */
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, post_more_processing);
  a.query_teardown = n_status_success;
  a.teardown_start = n_void;
  a.teardown_complete = n_void;
  top = tdrv_add(e, &a);
  (void)low;
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app = app_open_do_close(e, &r);
  fp_control_desc d = { FP_CONTROL_DETACH, top, app, 1, 0 };
  fp_engine_add_control(e, &d);
  CHECK_INT(t, run_all(e), FP_END_HANG);
  check_end(t, e, "hang DRAIN-4");
  check_callbacks(t, e, TEARDOWN, "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n");
  fp_engine_free(e);
}

static NATIVE(pre_changes_length_dirty) {
  N_BEGIN;
  N_READ(ARG(0) + CBD(Iopb), 8);
  N_WRITE(N_RET + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters) + ks_offset(KS_FLT_PARAMETERS_Read_Length), 4, 3);
  N_CALL("FltSetCallbackDataDirty", ARG(0));
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static void drain9_an_operation_whose_parameters_the_instance_changed_is_not_drained(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(pre_changes_length_dirty, post_records_drain, NULL, &top, &low, &app, 200);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* The teardown waits for the real completion; the post-op is the normal one. */
  check_callbacks(t, e, PRE_POST | TEARDOWN,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "B.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n"
                  "B.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "A.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "A.InstanceTeardownCompleteCallback @PASSIVE_LEVEL in System\n");
  CHECK_INT(t, scratch(e, top, 2), 0); /* not draining */
  fp_engine_free(e);
}

/* PENDPOST-2: queuing on an instance being torn down fails with STATUS_FLT_DELETING_OBJECT. */
static NATIVE(teardown_start_tries_to_queue) {
  N_BEGIN;
  N_READ(SCRATCH_AT(0), 8);
  inv->locals[1] = N_RET;
  if (!inv->locals[1]) N_RETURN(0);
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], inv->locals[1], FN(EXTRA(0)), DelayedWorkQueue, 0);
  N_WRITE(SCRATCH_AT(7), 8, N_RET + 1);
  N_CALL("FltFreeDeferredIoWorkItem", inv->locals[0]);
  N_CALL("FltCompletePendedPreOperation", inv->locals[1], FLT_PREOP_SUCCESS_NO_CALLBACK, 0);
  N_RETURN(0);
  N_END;
}

static void pendpost2_queuing_while_the_instance_is_torn_down_fails(check_ctx *t) {
  int top, low, app;
  fp_engine *e = detach_during_read(pre_pend_forever, n_post_finished, teardown_start_tries_to_queue, &top, &low,
                                    &app, 20);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, top, 7), STATUS_FLT_DELETING_OBJECT + 1);
  fp_engine_free(e);
}

/* ---- Unload and what a driver leaves behind ---------------------------------------------------- */

static NATIVE(unload_unregisters) {
  N_BEGIN;
  N_READ(GLOBALS + 0x300, 8); /* the PFLT_FILTER the harness's DriverEntry stored */
  N_CALL("FltUnregisterFilter", N_RET);
  N_RETURN(STATUS_SUCCESS);
  N_END;
}

static NATIVE(pre_allocates_and_forgets) {
  N_BEGIN;
  N_CALL("ExAllocatePoolWithTag", NonPagedPoolNx, 64, 0x6B61654C /* 'Leak' */);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static fp_engine *unload_after(native_fn pre, int verifier, int *id) {
  fp_engine *e = engine_with_files(1, verifier);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre, NULL);
  a.unload = unload_unregisters;
  a.teardown_start = n_void;
  a.teardown_complete = n_void;
  *id = tdrv_add(e, &a);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  fp_control_desc u = { FP_CONTROL_UNLOAD, *id, -1, 0, 0 }; /* at the end */
  fp_engine_add_control(e, &u);
  return e;
}

static void unload_runs_the_callbacks_in_order(check_ctx *t) {
  int id;
  fp_engine *e = unload_after(n_pre_no_callback, 1, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, (1u << 1) | TEARDOWN,
                  "A.FilterUnloadCallback @PASSIVE_LEVEL in System\n"
                  "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n"
                  "A.InstanceTeardownCompleteCallback @PASSIVE_LEVEL in System\n");
  CHECK(t, trace_has(e, "filter_unloaded", NULL));
  CHECK(t, trace_has(e, "teardown", "\"reason\":\"0x2\"")); /* FLTFL_INSTANCE_TEARDOWN_FILTER_UNLOAD */
  fp_engine_free(e);
}

static void verif_c4_unloading_with_pool_allocated_bug_checks_c4_62(check_ctx *t) {
  int id;
  fp_engine *e = unload_after(pre_allocates_and_forgets, 1, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  char *end = trace_end(e);
  CHECK(t, strncmp(end, "bugcheck 0xC4 (0x62, ", 21) == 0);
  CHECK_CONTAINS(t, end, ", 0x0, 0x1)"); /* one allocation not freed */
  free(end);
  fp_engine_free(e);
}

static void verif_c4_without_verifier_a_leak_is_a_warning(check_ctx *t) {
  int id;
  fp_engine *e = unload_after(pre_allocates_and_forgets, 0, &id);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "memory_warning", "pool leaked at unload"));
  fp_engine_free(e);
}

static NATIVE(pre_allocates_work_item_and_forgets) {
  N_BEGIN;
  N_CALL0("FltAllocateDeferredIoWorkItem");
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void verif_fv1_leaked_references_at_unload_break_in(check_ctx *t) {
  int id;
  fp_engine *e = unload_after(pre_allocates_work_item_and_forgets, 1, &id);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier VERIF-FV-1");
  CHECK(t, trace_has(e, "memory_warning", "deferred I/O work item not freed"));
  fp_engine_free(e);
}

static NATIVE(pre_releases_name_twice) {
  N_BEGIN;
  N_CALL("FltGetFileNameInformation", ARG(0), FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT, SCRATCH_AT(0));
  N_READ(SCRATCH_AT(0), 8);
  inv->locals[0] = N_RET;
  N_CALL("FltReleaseFileNameInformation", inv->locals[0]);
  N_CALL("FltReleaseFileNameInformation", inv->locals[0]);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void verif_f5_releasing_name_information_twice_bug_checks_f5_68(check_ctx *t) {
  int id;
  fp_engine *e = unload_after(pre_releases_name_twice, 0, &id);
  CHECK_INT(t, run_all(e), FP_END_BUGCHECK);
  char *end = trace_end(e);
  CHECK(t, strncmp(end, "bugcheck 0xF5 (0x68, 0x0, 0xffff", 32) == 0); /* P3 = the name information */
  free(end);
  CHECK(t, trace_has(e, "bugcheck", "\"rule\":\"VERIF-F5\""));
  fp_engine_free(e);
}

/* ---- VERIF-FV-2: Break, ignore, zap or remove? ---------------------------------------------------- */

static NATIVE(pre_returns_seven) {
  (void)k;
  N_BEGIN;
  N_RETURN(7);
  N_END;
}

static fp_engine *three_bad_reads(fp_verifier_answer answer) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_returns_seven, NULL);
  tdrv_add(e, &a);
  fp_engine_set_verifier_answer(e, "PRE-GEN-4", answer);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\a.txt", "h");
  fp_engine_add_op(e, app, &c, NULL);
  for (int i = 0; i < 3; i++) {
    fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
    fp_engine_add_op(e, app, &r, NULL);
  }
  return e;
}

static int count_violations(fp_engine *e) {
  char *rules = trace_rules(e);
  int n = 0;
  for (char *p = strstr(rules, "PRE-GEN-4"); p; p = strstr(p + 1, "PRE-GEN-4")) n++;
  free(rules);
  return n;
}

static void verif_fv2_break_stops_at_the_first_occurrence(check_ctx *t) {
  fp_engine *e = three_bad_reads(FP_VERIFIER_BREAK);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  CHECK_INT(t, count_violations(e), 1);
  fp_engine_free(e);
}

static void verif_fv2_ignore_goes_on_and_reports_each_time(check_ctx *t) {
  fp_engine *e = three_bad_reads(FP_VERIFIER_IGNORE);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, count_violations(e), 3);
  fp_engine_free(e);
}

static void verif_fv2_remove_reports_once_then_is_silent(check_ctx *t) {
  fp_engine *e = three_bad_reads(FP_VERIFIER_REMOVE);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, count_violations(e), 1);
  fp_engine_free(e);
}

static void verif_fv2_zap_goes_on_and_keeps_reporting(check_ctx *t) {
  fp_engine *e = three_bad_reads(FP_VERIFIER_ZAP);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, count_violations(e), 3);
  CHECK(t, !trace_has(e, "violation", "\"stops\":true"));
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(drain1_drain2_a_detach_drains_the_outstanding_post_op),
  CHECK_CASE(pre_sync8_drain3_a_synchronize_node_is_drained_without_switching_back),
  CHECK_CASE(post_mpr3_more_processing_while_draining_is_flagged),
  CHECK_CASE(dcpws5_calling_when_safe_while_draining_is_flagged),
  CHECK_CASE(drain4_drain5_a_pended_pre_op_is_not_drained_and_the_teardown_hangs),
  CHECK_CASE(drain4_completing_pended_operations_in_teardown_start_lets_it_finish),
  CHECK_CASE(drain4_teardown_complete_waits_for_outstanding_operations),
  CHECK_CASE(drain9_an_operation_whose_parameters_the_instance_changed_is_not_drained),
  CHECK_CASE(pendpost2_queuing_while_the_instance_is_torn_down_fails),
  CHECK_CASE(unload_runs_the_callbacks_in_order),
  CHECK_CASE(verif_c4_unloading_with_pool_allocated_bug_checks_c4_62),
  CHECK_CASE(verif_c4_without_verifier_a_leak_is_a_warning),
  CHECK_CASE(verif_fv1_leaked_references_at_unload_break_in),
  CHECK_CASE(verif_f5_releasing_name_information_twice_bug_checks_f5_68),
  CHECK_CASE(verif_fv2_break_stops_at_the_first_occurrence),
  CHECK_CASE(verif_fv2_ignore_goes_on_and_reports_each_time),
  CHECK_CASE(verif_fv2_remove_reports_once_then_is_silent),
  CHECK_CASE(verif_fv2_zap_goes_on_and_keeps_reporting),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
