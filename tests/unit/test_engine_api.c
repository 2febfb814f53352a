/* The engine's public functions with bad input: NULL, out-of-range values, unknown operation
 * codes, registrations that lie about their size. Each gives a status and a diagnostic (or,
 * inside a run, the documented Windows behaviour) and never crashes; no leak under ASan. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nt/nt.h"
#include "scenario.h"

static void null_engine_is_refused_everywhere(check_ctx *t) {
  fp_op_desc op;
  memset(&op, 0, sizeof op);
  fp_control_desc c = { FP_CONTROL_UNLOAD, 0, -1, 0, 0 };
  CHECK_INT(t, fp_engine_add_file(NULL, "\\x", NULL, 0, 0), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_driver(NULL, NULL, NULL), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_thread(NULL, "t", NULL, NULL), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_op(NULL, 0, &op, NULL), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_control(NULL, &c), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_set_completion(NULL, FP_COMPLETE_INLINE, 0), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_set_verifier_answer(NULL, "PRE-GEN-4", FP_VERIFIER_IGNORE), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_poke(NULL, 0, "x", 1), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_run(NULL, 0), FP_END_INTERNAL);
  CHECK_INT(t, fp_engine_event_count(NULL), 0);
  CHECK(t, fp_engine_trace_json(NULL, 0, 0) == NULL);
  CHECK(t, fp_engine_trace_text(NULL) == NULL);
  CHECK_STR(t, fp_engine_error(NULL), "");
  fp_engine_free(NULL);
}

static void bad_files_are_refused_with_a_diagnostic(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  CHECK_INT(t, fp_engine_add_file(e, NULL, NULL, 0, 0), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_file(e, "relative.txt", NULL, 0, 0), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "starts with '\\'");
  CHECK_INT(t, fp_engine_add_file(e, "\\x.txt", NULL, 10, 0), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "no data");
  CHECK_INT(t, fp_engine_add_file(e, "\\a.txt", "x", 1, 0), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "exists already");
  CHECK_INT(t, fp_engine_add_file(e, "\\y.txt", "x", 1, 0x80), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "unknown flags");
  CHECK_INT(t, fp_engine_add_file(e, "\\z.txt", "x", 1, 0), FP_OK);
  CHECK_STR(t, fp_engine_error(e), "");
  fp_engine_free(e);
}

static void bad_drivers_are_refused_with_a_diagnostic(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  fp_callable c = native_callable(n_status_success);
  fp_function_desc f[1] = { { "DriverEntry", &c, 0 } };
  fp_driver_desc d = { "A", "385100", f, 1, 0, 64, 0 };
  fp_driver_desc bad = d;
  bad.driver_entry = 3;
  CHECK_INT(t, fp_engine_add_driver(e, &bad, NULL), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "DriverEntry index 3");
  bad = d;
  bad.altitude = NULL;
  CHECK_INT(t, fp_engine_add_driver(e, &bad, NULL), FP_ERR_ARGUMENT);
  bad = d;
  bad.altitude = "1.2.3";
  CHECK_INT(t, fp_engine_add_driver(e, &bad, NULL), FP_ERR_ARGUMENT);
  fp_function_desc nocode[1] = { { "DriverEntry", NULL, 0 } };
  bad = d;
  bad.functions = nocode;
  CHECK_INT(t, fp_engine_add_driver(e, &bad, NULL), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "has no name or no code");
  bad = d;
  bad.globals_size = (size_t)64 << 20;
  CHECK_INT(t, fp_engine_add_driver(e, &bad, NULL), FP_ERR_LIMIT);
  int id = -1;
  CHECK_INT(t, fp_engine_add_driver(e, &d, &id), FP_OK);
  CHECK_INT(t, id, 0);
  CHECK(t, fp_engine_function_address(e, id, 0) != 0);
  CHECK(t, fp_engine_function_address(e, id, 1) == 0);
  CHECK(t, fp_engine_function_address(e, 7, 0) == 0);
  CHECK(t, fp_engine_globals_address(e, -1) == 0);
  CHECK_INT(t, fp_engine_poke(e, fp_engine_globals_address(e, id), "abc", 3), FP_OK);
  CHECK_INT(t, fp_engine_poke(e, fp_engine_globals_address(e, id) + 62, "abc", 3), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_poke(e, 0x1234, "abc", 3), FP_ERR_ARGUMENT);
  fp_engine_free(e);
}

static void bad_operations_are_refused_with_a_diagnostic(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  int app = -1;
  CHECK_INT(t, fp_engine_add_thread(e, "", NULL, &app), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_thread(e, "app", NULL, &app), FP_OK);
  fp_op_desc op;
  memset(&op, 0, sizeof op);
  op.kind = (fp_op_kind)99;
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  CHECK_CONTAINS(t, fp_engine_error(e), "unknown operation kind 99");
  op = op_read("h", 0, 5, (fp_io_path)7);
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  op = op_create(NULL, "h");
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  op = op_create("\\a.txt", "h");
  op.disposition = 42;
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  op = op_write("h", 0, 10, NULL, FP_IO_IRP);
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  op = op_close("h");
  op.io = FP_IO_FAST;
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  memset(&op, 0, sizeof op);
  op.kind = FP_OP_WAIT;
  op.wait_for = 5;
  CHECK_INT(t, fp_engine_add_op(e, app, &op, NULL), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_op(e, 0 /* the idle thread */, &op, NULL), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_add_op(e, 99, &op, NULL), FP_ERR_ARGUMENT);
  fp_control_desc c = { (fp_control_kind)5, 0, -1, 0, 0 };
  CHECK_INT(t, fp_engine_add_control(e, &c), FP_ERR_ARGUMENT);
  c.kind = FP_CONTROL_UNLOAD;
  c.driver = 4;
  CHECK_INT(t, fp_engine_add_control(e, &c), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_set_completion(e, (fp_completion)9, 0), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_set_verifier_answer(e, "NO-SUCH-RULE", FP_VERIFIER_IGNORE), FP_ERR_ARGUMENT);
  CHECK_INT(t, fp_engine_set_verifier_answer(e, "PRE-GEN-4", (fp_verifier_answer)8), FP_ERR_ARGUMENT);
  fp_engine_free(e);
}

static void operations_on_handles_that_do_not_exist_fail_like_windows(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc r = op_read("nope", 0, 5, FP_IO_IRP);
  fp_engine_add_op(e, app, &r, NULL);
  fp_op_desc missing = op_create("\\missing.txt", "m");
  missing.disposition = FILE_OPEN;
  fp_engine_add_op(e, app, &missing, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_STR(t, request_status(e, app, 0), "STATUS_INVALID_HANDLE");
  CHECK_STR(t, request_status(e, app, 1), "STATUS_OBJECT_NAME_NOT_FOUND");
  fp_engine_free(e);
}

static void the_scenario_is_fixed_once_the_run_starts(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  app_open_do_close(e, NULL);
  CHECK_INT(t, fp_engine_run(e, 5), FP_END_NONE);
  CHECK_INT(t, fp_engine_add_file(e, "\\late.txt", "x", 1, 0), FP_ERR_STATE);
  CHECK_CONTAINS(t, fp_engine_error(e), "the run has started");
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, fp_engine_run(e, 0), FP_END_COMPLETED); /* running again changes nothing */
  fp_engine_free(e);
}

static void a_registration_with_a_lying_size_fails_inside_the_run(check_ctx *t) {
  for (int delta = -16; delta <= 16; delta += 8) {
    if (!delta) continue;
    fp_engine *e = engine_with_files(1, 1);
    tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
    d.reg_size = (uint16_t)(0x70 + delta);
    tdrv_add(e, &d);
    app_open_do_close(e, NULL);
    CHECK_INT(t, run_all(e), FP_END_COMPLETED);
    CHECK(t, trace_has(e, "lint", "Size is not sizeof(FLT_REGISTRATION)"));
    fp_engine_free(e);
  }
}

static void the_event_budget_ends_the_run_and_keeps_the_trace(check_ctx *t) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.max_events = 40;
  fp_engine *e = fp_engine_new(&cfg);
  CHECK_OR_RETURN(t, e != NULL);
  fp_engine_add_file(e, "\\a.txt", "hello", 5, 0);
  int app = app_open_do_close(e, NULL);
  for (int i = 0; i < 20; i++) {
    fp_op_desc r = op_read("h", 0, 5, FP_IO_IRP);
    fp_engine_add_op(e, app, &r, NULL);
  }
  CHECK_INT(t, run_all(e), FP_END_BUDGET);
  CHECK(t, fp_engine_event_count(e) >= 40);
  char *json = fp_engine_trace_json(e, 0, 0);
  CHECK_CONTAINS(t, json, "\"reason\":\"budget\"");
  free(json);
  fp_engine_free(e);
}

static void every_allocation_failure_is_survived(check_ctx *t) {
  /* Fail the Nth pool allocation a driver makes: ExAllocatePoolWithTag returns NULL. */
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.fail_pool_allocation = 1;
  cfg.fail_work_item_allocation = 1;
  fp_engine *e = fp_engine_new(&cfg);
  CHECK_OR_RETURN(t, e != NULL);
  fp_engine_add_file(e, "\\a.txt", "hello", 5, 0);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  fp_engine_free(e);
}

static void trace_chunks_cover_the_whole_trace(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  uint32_t n = fp_engine_event_count(e);
  char *first = fp_engine_trace_json(e, 0, 10);
  char *last = fp_engine_trace_json(e, n - 1, 10);
  char *beyond = fp_engine_trace_json(e, n + 100, 10);
  CHECK_CONTAINS(t, first, "\"format\":\"fltplay-trace-chunk\"");
  CHECK_CONTAINS(t, first, "\"first\":0");
  CHECK_CONTAINS(t, last, "\"kind\":\"run_end\"");
  CHECK_CONTAINS(t, beyond, "\"events\":[]");
  free(first);
  free(last);
  free(beyond);
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(null_engine_is_refused_everywhere),
  CHECK_CASE(bad_files_are_refused_with_a_diagnostic),
  CHECK_CASE(bad_drivers_are_refused_with_a_diagnostic),
  CHECK_CASE(bad_operations_are_refused_with_a_diagnostic),
  CHECK_CASE(operations_on_handles_that_do_not_exist_fail_like_windows),
  CHECK_CASE(the_scenario_is_fixed_once_the_run_starts),
  CHECK_CASE(a_registration_with_a_lying_size_fails_inside_the_run),
  CHECK_CASE(the_event_budget_ends_the_run_and_keeps_the_trace),
  CHECK_CASE(every_allocation_failure_is_survived),
  CHECK_CASE(trace_chunks_cover_the_whole_trace),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
