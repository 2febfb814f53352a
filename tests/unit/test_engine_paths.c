/* Catalogue §13: the life of one operation through a stack of minifilters, step by step —
 * the IRP path inline and pending (13.1), fast I/O (13.2), the FsFilter QueryOpen (13.3),
 * pending in the pre-op (13.4) and the post-op (13.5), SYNCHRONIZE (13.6), COMPLETE from the
 * middle (13.7) and draining (13.8). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define CBD(f) ks_offset(KS_FLT_CALLBACK_DATA_##f)

static void check_flow(check_ctx *t, fp_engine *e, uint8_t major, const char *expected) {
  char *got = trace_flow(e, major);
  CHECK_STR(t, got, expected);
  free(got);
}

static void three_filters(fp_engine *e, native_fn top_pre, native_fn mid_pre, native_fn mid_post, uint8_t major) {
  tdrv top = tdrv_one("Top", "385100", major, 0, top_pre, n_post_finished);
  tdrv mid = tdrv_one("Mid", "320000", major, 0, mid_pre, mid_post);
  tdrv low = tdrv_one("Low", "45000", major, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &top);
  tdrv_add(e, &mid);
  tdrv_add(e, &low);
}

static void path_13_1_irp_completed_inline(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  three_filters(e, n_pre_with_callback, n_pre_with_callback, n_post_finished, IRP_MJ_READ);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid.PreOperation @PASSIVE_LEVEL in app\n"
             "Low.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "file system completes inline\n"
             "Low.PostOperation @PASSIVE_LEVEL in app\n"
             "Mid.PostOperation @PASSIVE_LEVEL in app\n"
             "Top.PostOperation @PASSIVE_LEVEL in app\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static void path_13_1_irp_pending_completes_in_a_dpc(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  three_filters(e, n_pre_with_callback, n_pre_no_callback, n_post_finished, IRP_MJ_READ);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid.PreOperation @PASSIVE_LEVEL in app\n"
             "Low.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "file system completes in a DPC\n"
             "Low.PostOperation @DISPATCH_LEVEL in DPC\n"
             "Top.PostOperation @DISPATCH_LEVEL in DPC\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static void path_13_2_fast_io_refused_by_the_file_system_is_retried_as_an_irp(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  fp_engine_add_file(e, "\\nocache.txt", "abcdef", 6, FP_FILE_NOT_CACHED);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &a);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\nocache.txt", "h");
  fp_op_desc r = op_read("h", 0, 3, FP_IO_FAST);
  fp_engine_add_op(e, app, &c, NULL);
  fp_engine_add_op(e, app, &r, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "A.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "A.PostOperation @PASSIVE_LEVEL in app\n"
             "done STATUS_FLT_DISALLOW_FAST_IO\n"
             "A.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "file system completes inline\n"
             "A.PostOperation @PASSIVE_LEVEL in app\n"
             "done STATUS_SUCCESS\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

static void path_13_3_query_open_is_an_fs_filter_operation(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  /* SYNCHRONIZE on an FsFilter operation counts as SUCCESS_WITH_CALLBACK (PRE-SYNC-3). */
  tdrv a = tdrv_one("A", "385100", IRP_MJ_QUERY_OPEN, 0, n_pre_synchronize, n_post_finished);
  tdrv_add(e, &a);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0); /* FsFilter callbacks are synchronous */
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc qo;
  memset(&qo, 0, sizeof qo);
  qo.kind = FP_OP_QUERY_OPEN;
  qo.path = "\\a.txt";
  fp_engine_add_op(e, app, &qo, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_QUERY_OPEN,
             "A.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "A.PostOperation @PASSIVE_LEVEL in app\n"
             "done STATUS_SUCCESS\n");
  CHECK_STR(t, request_status(e, app, 0), "STATUS_SUCCESS");
  CHECK(t, !trace_has(e, "irp_down", "IRP_MJ_CREATE")); /* no open was needed */
  fp_engine_free(e);
}

static NATIVE(pre_pend) {
  N_BEGIN;
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(EXTRA(0)), DelayedWorkQueue, 0);
  N_RETURN(FLT_PREOP_PENDING);
  N_END;
}

static NATIVE(work_resume) {
  N_BEGIN;
  N_CALL("FltLockUserBuffer", ARG(1));
  N_CALL("FltCompletePendedPreOperation", ARG(1), FLT_PREOP_SUCCESS_WITH_CALLBACK, 0);
  N_CALL("FltFreeDeferredIoWorkItem", ARG(0));
  N_RETURN(0);
  N_END;
}

static void path_13_4_pending_the_pre_op(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, pre_pend, n_post_finished);
  mid.extra[0] = work_resume;
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &top);
  tdrv_add(e, &mid);
  tdrv_add(e, &low);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid pends in pre\n"
             "work item in Worker (delayed) 1\n"
             "Mid.WorkRoutine @PASSIVE_LEVEL in Worker (delayed) 1\n"
             "Low.PreOperation @PASSIVE_LEVEL in Worker (delayed) 1\n"
             "file system <- @PASSIVE_LEVEL in Worker (delayed) 1\n"
             "file system completes in a DPC\n"
             "Low.PostOperation @DISPATCH_LEVEL in DPC\n"
             "Mid.PostOperation @DISPATCH_LEVEL in DPC\n"
             "Top.PostOperation @DISPATCH_LEVEL in DPC\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static NATIVE(post_pend) {
  N_BEGIN;
  N_CALL0("FltAllocateDeferredIoWorkItem");
  inv->locals[0] = N_RET;
  N_CALL("FltQueueDeferredIoWorkItem", inv->locals[0], ARG(0), FN(EXTRA(0)), CriticalWorkQueue, 0);
  N_RETURN(FLT_POSTOP_MORE_PROCESSING_REQUIRED);
  N_END;
}

static NATIVE(work_finish_post) {
  N_BEGIN;
  N_CALL("FltCompletePendedPostOperation", ARG(1));
  N_CALL("FltFreeDeferredIoWorkItem", ARG(0));
  N_RETURN(0);
  N_END;
}

static void path_13_5_pending_the_post_op(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv mid = tdrv_one("Mid", "320000", IRP_MJ_READ, 0, n_pre_with_callback, post_pend);
  mid.extra[0] = work_finish_post;
  tdrv_add(e, &top);
  tdrv_add(e, &mid);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "file system completes in a DPC\n"
             "Mid.PostOperation @DISPATCH_LEVEL in DPC\n"
             "Mid pends in post\n"
             "work item in Worker (critical) 1\n"
             "Mid.WorkRoutine @PASSIVE_LEVEL in Worker (critical) 1\n"
             "Top.PostOperation @PASSIVE_LEVEL in Worker (critical) 1\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static void path_13_6_synchronize_waits_and_switches_back(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  three_filters(e, n_pre_with_callback, n_pre_synchronize, n_post_finished, IRP_MJ_READ);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  /* The nodes below the SYNCHRONIZE node run where completion happens; from it up, all run in
   * the pre-op's thread at PASSIVE_LEVEL (13.6, [inferred] for the nodes above). */
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid.PreOperation @PASSIVE_LEVEL in app\n"
             "Low.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "file system completes in a DPC\n"
             "Low.PostOperation @DISPATCH_LEVEL in DPC\n"
             "hand-off to app\n"
             "Mid.PostOperation @PASSIVE_LEVEL in app\n"
             "Top.PostOperation @PASSIVE_LEVEL in app\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static NATIVE(pre_complete) {
  N_BEGIN;
  N_WRITE(ARG(0) + CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Status), 4, STATUS_SUCCESS);
  N_WRITE(ARG(0) + CBD(IoStatus) + ks_offset(KS_IO_STATUS_BLOCK_Information), 8, 0);
  N_RETURN(FLT_PREOP_COMPLETE);
  N_END;
}

static void path_13_7_complete_from_the_middle(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  three_filters(e, n_pre_with_callback, pre_complete, n_post_finished, IRP_MJ_READ);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Mid.PreOperation @PASSIVE_LEVEL in app\n"
             "Top.PostOperation @PASSIVE_LEVEL in app\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static void path_13_8_draining_then_completion_to_the_filters_that_remain(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv top = tdrv_one("Top", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  top.query_teardown = n_status_success;
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  int top_id = tdrv_add(e, &top);
  tdrv_add(e, &low);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 100);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  int app = app_open_do_close(e, &r);
  fp_control_desc d = { FP_CONTROL_DETACH, top_id, app, 1, 0 };
  fp_engine_add_control(e, &d);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_flow(t, e, IRP_MJ_READ,
             "Top.PreOperation @PASSIVE_LEVEL in app\n"
             "Low.PreOperation @PASSIVE_LEVEL in app\n"
             "file system <- @PASSIVE_LEVEL in app\n"
             "Top drains\n"
             "Top.PostOperation @PASSIVE_LEVEL in System\n"
             "file system completes in a DPC\n"
             "Low.PostOperation @DISPATCH_LEVEL in DPC\n"
             "done STATUS_SUCCESS\n");
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(path_13_1_irp_completed_inline),
  CHECK_CASE(path_13_1_irp_pending_completes_in_a_dpc),
  CHECK_CASE(path_13_2_fast_io_refused_by_the_file_system_is_retried_as_an_irp),
  CHECK_CASE(path_13_3_query_open_is_an_fs_filter_operation),
  CHECK_CASE(path_13_4_pending_the_pre_op),
  CHECK_CASE(path_13_5_pending_the_post_op),
  CHECK_CASE(path_13_6_synchronize_waits_and_switches_back),
  CHECK_CASE(path_13_7_complete_from_the_middle),
  CHECK_CASE(path_13_8_draining_then_completion_to_the_filters_that_remain),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
