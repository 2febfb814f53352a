/* The engine's basic paths: a pass-through filter on reads, inline and pending completion. */
#include <stdlib.h>

#include "check.h"
#include "nt/nt.h"
#include "scenario.h"

static NATIVE(pre_with_callback) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_PREOP_SUCCESS_WITH_CALLBACK);
  N_END;
}

static NATIVE(post_finished) {
  (void)k;
  N_BEGIN;
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static fp_engine *setup(fp_completion mode, int *thread_id) {
  fp_engine_config cfg = { 0 };
  cfg.seed = 1;
  fp_engine *e = fp_engine_new(&cfg);
  if (!e) return NULL;
  fp_engine_add_file(e, "\\a.txt", "hello world", 11, 0);
  tdrv d = { 0 };
  d.name = "A";
  d.altitude = "385100";
  d.ops[0] = (tdrv_op){ IRP_MJ_READ, 0, pre_with_callback, post_finished };
  d.op_count = 1;
  tdrv_add(e, &d);
  fp_engine_set_completion(e, mode, 0);
  int t;
  fp_engine_add_thread(e, "app", NULL, &t);
  *thread_id = t;
  fp_op_desc c = op_create("\\a.txt", "h");
  fp_engine_add_op(e, t, &c, NULL);
  fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
  fp_engine_add_op(e, t, &r, NULL);
  fp_op_desc x = op_close("h");
  fp_engine_add_op(e, t, &x, NULL);
  return e;
}

static void inline_completion_runs_the_post_op_in_the_same_thread_at_passive(check_ctx *t) {
  int app;
  fp_engine *e = setup(FP_COMPLETE_INLINE, &app);
  CHECK_OR_RETURN(t, e != NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  char *cb = trace_callbacks(e, (1u << 6) | (1u << 7));
  CHECK_STR(t, cb,
            "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
            "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  free(cb);
  char *end = trace_end(e);
  CHECK_STR(t, end, "completed");
  free(end);
  fp_engine_free(e);
}

static void pending_completion_runs_the_post_op_in_a_dpc_at_dispatch(check_ctx *t) {
  int app;
  fp_engine *e = setup(FP_COMPLETE_PENDING, &app);
  CHECK_OR_RETURN(t, e != NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  char *cb = trace_callbacks(e, (1u << 6) | (1u << 7));
  CHECK_STR(t, cb,
            "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
            "A.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  free(cb);
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(inline_completion_runs_the_post_op_in_the_same_thread_at_passive),
  CHECK_CASE(pending_completion_runs_the_post_op_in_a_dpc_at_dispatch),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
