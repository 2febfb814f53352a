/* Catalogue §0 and §1 (CONST-*, REG-*): registration, what a filter receives, altitudes and
 * order. Every expectation is written from the catalogue, not read back from the engine. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"
#include "scenario.h"

#define PRE_POST ((1u << 6) | (1u << 7)) /* CB_PRE and CB_POST in cb_role order */

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

/* A read of 5 bytes, IRP, synchronous. */
static fp_op_desc read5(void) { return op_read("h", 0, 5, FP_IO_IRP); }

/* ---- REG-1 ----------------------------------------------------------------------------- */

static void reg1_wrong_version_makes_registration_fail_with_invalid_parameter(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  d.reg_version = 0x0102;
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "api_return", "\"name\":\"FltRegisterFilter\",\"value\":\"0xc000000d\""));
  CHECK(t, trace_has(e, "callback_exit", "\"return\":\"STATUS_INVALID_PARAMETER\""));
  CHECK(t, !trace_has(e, "instance_attached", NULL));
  check_callbacks(t, e, ""); /* no filter sees the read */
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  check_rules(t, e, "REG-1");
  fp_engine_free(e);
}

static void reg1_size_that_lies_makes_registration_fail(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  d.reg_size = (uint16_t)(ks_struct_size(KS_STRUCT_FLT_REGISTRATION) - 8);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED); /* REG-1 is behaviour: it never stops a run */
  CHECK(t, trace_has(e, "api_return", "\"name\":\"FltRegisterFilter\",\"value\":\"0xc000000d\""));
  check_callbacks(t, e, "");
  fp_engine_free(e);
}

static void reg1_right_size_and_version_register_and_attach(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "api_return", "\"name\":\"FltRegisterFilter\",\"value\":\"0x0\""));
  CHECK(t, trace_has(e, "instance_attached", "\"altitude\":\"385100\""));
  check_callbacks(t, e,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  check_rules(t, e, "");
  fp_engine_free(e);
}

/* ---- REG-2 ----------------------------------------------------------------------------- */

static void reg2_a_filter_receives_only_what_it_registered(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_WRITE, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, "");
  CHECK(t, trace_has(e, "instance_skipped", "did not register"));
  fp_engine_free(e);
}

static void reg2_pre_only_skips_the_filter_on_completion(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv_add(e, &d);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  fp_engine_free(e);
}

static NATIVE(post_records_context) {
  N_BEGIN;
  N_WRITE(SCRATCH_AT(0), 8, ARG(2) + 1); /* CompletionContext, plus one to tell it from "not run" */
  N_RETURN(FLT_POSTOP_FINISHED_PROCESSING);
  N_END;
}

static void reg2_post_only_gets_its_post_with_a_null_context(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, NULL, post_records_context);
  int id = tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e, "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK_INT(t, scratch(e, id, 0), 1); /* context NULL */
  fp_engine_free(e);
}

/* ---- REG-3 ----------------------------------------------------------------------------- */

static void reg3_post_for_shutdown_is_flagged_and_verifier_stops(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_SHUTDOWN, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &d);
  app_open_do_close(e, NULL);
  CHECK_INT(t, run_all(e), FP_END_VERIFIER);
  check_end(t, e, "verifier REG-3");
  fp_engine_free(e);
}

static void reg3_power_callbacks_are_ignored_without_verifier(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 0);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_POWER, 0, n_pre_with_callback, n_post_finished);
  d.ops[1] = (tdrv_op){ IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished };
  d.op_count = 2;
  tdrv_add(e, &d);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_rules(t, e, "REG-3");
  CHECK(t, trace_has(e, "filter_registered", "\"operations\":1"));
  fp_engine_free(e);
}

/* ---- REG-4 ----------------------------------------------------------------------------- */

static void reg4_skip_paging_io_bypasses_paging_reads_only(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO, n_pre_with_callback,
                    n_post_finished);
  tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\b.txt", "h");
  fp_op_desc paging = op_read("h", 0, 512, FP_IO_PAGING);
  fp_op_desc normal = op_read("h", 0, 512, FP_IO_IRP);
  fp_op_desc x = op_close("h");
  fp_engine_add_op(e, app, &c, NULL);
  fp_engine_add_op(e, app, &paging, NULL);
  fp_engine_add_op(e, app, &normal, NULL);
  fp_engine_add_op(e, app, &x, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PostOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  CHECK(t, trace_has(e, "instance_skipped", "FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO"));
  CHECK_STR(t, request_status(e, app, 1), "STATUS_SUCCESS");
  fp_engine_free(e);
}

/* ---- REG-5 and REG-6 ---------------------------------------------------------------------- */

static void reg5_pre_ops_go_down_by_altitude_and_post_ops_come_back_up(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  /* Added in an order unlike their altitudes; fractions and lengths compared as numbers. */
  tdrv low = tdrv_one("Low", "45000", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv high = tdrv_one("High", "385100.5", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv mid = tdrv_one("Mid", "385100", IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  tdrv_add(e, &low);
  tdrv_add(e, &high);
  tdrv_add(e, &mid);
  fp_engine_set_completion(e, FP_COMPLETE_PENDING, 0);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "High.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Mid.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Low.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "Low.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "Mid.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n"
                  "High.PostOperation IRP_MJ_READ @DISPATCH_LEVEL in DPC\n");
  fp_engine_free(e);
}

static void reg6_altitudes_compare_as_decimal_numbers(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "9000", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv b = tdrv_one("B", "10000", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv c = tdrv_one("C", "10000.25", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv_add(e, &a);
  tdrv_add(e, &b);
  tdrv_add(e, &c);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  check_callbacks(t, e,
                  "C.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "B.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n"
                  "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  fp_engine_free(e);
}

static void reg6_an_altitude_is_unique_on_a_volume(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv b = tdrv_one("B", "385100.0", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  tdrv_add(e, &a);
  tdrv_add(e, &b);
  fp_op_desc r = read5();
  app_open_do_close(e, &r);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "instance_not_attached", "STATUS_FLT_INSTANCE_ALTITUDE_COLLISION"));
  check_callbacks(t, e, "A.PreOperation IRP_MJ_READ @PASSIVE_LEVEL in app\n");
  fp_engine_free(e);
}

static void reg6_invalid_altitude_is_refused_with_a_diagnostic(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "38x5", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  CHECK_INT(t, tdrv_add(e, &a), -1);
  CHECK_CONTAINS(t, fp_engine_error(e), "altitude '38x5' is not a decimal number");
  fp_engine_free(e);
}

/* ---- REG-8 ----------------------------------------------------------------------------- */

static void reg8_without_unload_callback_the_filter_cannot_be_unloaded(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  int id = tdrv_add(e, &a);
  fp_op_desc r = read5();
  int app = app_open_do_close(e, &r);
  fp_control_desc u = { FP_CONTROL_UNLOAD, id, app, 1, 0 };
  fp_engine_add_control(e, &u);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "control", "refused: FilterUnloadCallback is NULL"));
  CHECK(t, !trace_has(e, "filter_unloaded", NULL));
  fp_engine_free(e);
}

static void reg8_without_query_teardown_instances_cannot_be_detached(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  a.unload = n_status_success;
  int id = tdrv_add(e, &a);
  app_open_do_close(e, NULL);
  fp_control_desc u = { FP_CONTROL_DETACH, id, -1, 0, 0 };
  fp_engine_add_control(e, &u);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK(t, trace_has(e, "control", "refused: InstanceQueryTeardownCallback is NULL"));
  CHECK(t, !trace_has(e, "teardown", NULL));
  fp_engine_free(e);
}

static void reg8_teardown_callbacks_run_at_passive_level(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv a = tdrv_one("A", "385100", IRP_MJ_READ, 0, n_pre_no_callback, NULL);
  a.query_teardown = n_status_success;
  a.teardown_start = n_void;
  a.teardown_complete = n_void;
  int id = tdrv_add(e, &a);
  app_open_do_close(e, NULL);
  fp_control_desc u = { FP_CONTROL_DETACH, id, -1, 0, 0 };
  fp_engine_add_control(e, &u);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  char *got = trace_callbacks(e, (1u << 3) | (1u << 4) | (1u << 5));
  CHECK_STR(t, got,
            "A.InstanceQueryTeardownCallback @PASSIVE_LEVEL in System\n"
            "A.InstanceTeardownStartCallback @PASSIVE_LEVEL in System\n"
            "A.InstanceTeardownCompleteCallback @PASSIVE_LEVEL in System\n");
  free(got);
  fp_engine_free(e);
}

/* ---- CONST-* as the engine uses them --------------------------------------------------------- */

static NATIVE(pre_records_data) {
  N_BEGIN;
  N_READ(ARG(0) + ks_offset(KS_FLT_CALLBACK_DATA_Flags), 4);
  inv->locals[0] = N_RET;
  N_READ(ARG(0) + ks_offset(KS_FLT_CALLBACK_DATA_Iopb), 8);
  inv->locals[1] = N_RET;
  N_READ(inv->locals[1] + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_IrpFlags), 4);
  inv->locals[2] = N_RET;
  N_READ(inv->locals[1] + ks_offset(KS_FLT_IO_PARAMETER_BLOCK_MajorFunction), 1);
  inv->locals[3] = N_RET;
  N_READ(SCRATCH_AT(0), 8);
  inv->locals[4] = N_RET; /* records so far */
  N_WRITE(SCRATCH_AT(1 + 3 * inv->locals[4]), 8, inv->locals[0]);
  N_WRITE(SCRATCH_AT(2 + 3 * inv->locals[4]), 8, inv->locals[2]);
  N_WRITE(SCRATCH_AT(3 + 3 * inv->locals[4]), 8, inv->locals[3]);
  N_WRITE(SCRATCH_AT(0), 8, inv->locals[4] + 1);
  N_RETURN(FLT_PREOP_SUCCESS_NO_CALLBACK);
  N_END;
}

static void const2_const4_const7_callback_data_flags_and_codes(check_ctx *t) {
  fp_engine *e = engine_with_files(1, 1);
  tdrv d = tdrv_one("A", "385100", IRP_MJ_READ, 0, pre_records_data, NULL);
  d.ops[1] = (tdrv_op){ IRP_MJ_QUERY_OPEN, 0, pre_records_data, NULL };
  d.op_count = 2;
  int id = tdrv_add(e, &d);
  int app = -1;
  fp_engine_add_thread(e, "app", NULL, &app);
  fp_op_desc c = op_create("\\b.txt", "h");
  fp_op_desc fast = op_read("h", 0, 16, FP_IO_FAST);
  fp_op_desc paging = op_read("h", 0, 512, FP_IO_PAGING);
  fp_op_desc qo;
  memset(&qo, 0, sizeof qo);
  qo.kind = FP_OP_QUERY_OPEN;
  qo.path = "\\a.txt";
  fp_op_desc x = op_close("h");
  fp_engine_add_op(e, app, &c, NULL);
  fp_engine_add_op(e, app, &fast, NULL);
  fp_engine_add_op(e, app, &paging, NULL);
  fp_engine_add_op(e, app, &qo, NULL);
  fp_engine_add_op(e, app, &x, NULL);
  CHECK_INT(t, run_all(e), FP_END_COMPLETED);
  CHECK_INT(t, scratch(e, id, 0), 3);
  /* Fast I/O read: FLTFL_CALLBACK_DATA_FAST_IO_OPERATION (0x2); no IRP flags; IRP_MJ_READ. */
  CHECK_INT(t, scratch(e, id, 1), 0x2);
  CHECK_INT(t, scratch(e, id, 2), 0);
  CHECK_INT(t, scratch(e, id, 3), 0x03);
  /* Paging read: IRP_OPERATION (0x1); IRP_NOCACHE|IRP_PAGING_IO|IRP_SYNCHRONOUS_PAGING_IO|IRP_READ_OPERATION. */
  CHECK_INT(t, scratch(e, id, 4), 0x1);
  CHECK_INT(t, scratch(e, id, 5), 0x1 | 0x2 | 0x40 | 0x100);
  CHECK_INT(t, scratch(e, id, 6), 0x03);
  /* QueryOpen: FS_FILTER_OPERATION (0x4); major (UCHAR)-7 = 0xF9. */
  CHECK_INT(t, scratch(e, id, 7), 0x4);
  CHECK_INT(t, scratch(e, id, 9), 0xF9);
  fp_engine_free(e);
}

static const check_case cases[] = {
  CHECK_CASE(reg1_wrong_version_makes_registration_fail_with_invalid_parameter),
  CHECK_CASE(reg1_size_that_lies_makes_registration_fail),
  CHECK_CASE(reg1_right_size_and_version_register_and_attach),
  CHECK_CASE(reg2_a_filter_receives_only_what_it_registered),
  CHECK_CASE(reg2_pre_only_skips_the_filter_on_completion),
  CHECK_CASE(reg2_post_only_gets_its_post_with_a_null_context),
  CHECK_CASE(reg3_post_for_shutdown_is_flagged_and_verifier_stops),
  CHECK_CASE(reg3_power_callbacks_are_ignored_without_verifier),
  CHECK_CASE(reg4_skip_paging_io_bypasses_paging_reads_only),
  CHECK_CASE(reg5_pre_ops_go_down_by_altitude_and_post_ops_come_back_up),
  CHECK_CASE(reg6_altitudes_compare_as_decimal_numbers),
  CHECK_CASE(reg6_an_altitude_is_unique_on_a_volume),
  CHECK_CASE(reg6_invalid_altitude_is_refused_with_a_diagnostic),
  CHECK_CASE(reg8_without_unload_callback_the_filter_cannot_be_unloaded),
  CHECK_CASE(reg8_without_query_teardown_instances_cannot_be_detached),
  CHECK_CASE(reg8_teardown_callbacks_run_at_passive_level),
  CHECK_CASE(const2_const4_const7_callback_data_flags_and_codes),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
