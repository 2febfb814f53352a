/* The goal checker (fltplay/lesson.h): every check passing and failing on small drivers, in
 * each variant of a three-variant scenario; a goal failing in one variant names that variant
 * and a step, and the step is the event that shows it. Lesson-format mistakes, the JSON
 * request and allocation failures are in test_lesson_format.c. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fltplay/fltplay.h"
#include "fltplay/lesson.h"
#include "fltplay/run.h"

/* One filter (the learner's, driver.c) and an application that opens, reads, writes and
 * closes; inline with and without Verifier, and pending (post-ops at DISPATCH_LEVEL). */
#define SCENARIO                                                                                        \
  "{\"format\": \"fltplay-scenario\", \"version\": 1,\n"                                                \
  " \"files\": [{\"path\": \"\\\\a.txt\", \"text\": \"hello, world\"}],\n"                              \
  " \"filters\": [{\"name\": \"F\", \"altitude\": \"370000\", \"source\": \"driver.c\"}],\n"            \
  " \"threads\": [{\"name\": \"app\", \"ops\": [\n"                                                     \
  "   {\"op\": \"create\", \"path\": \"\\\\a.txt\", \"access\": \"GENERIC_READ|GENERIC_WRITE|SYNCHRONIZE\"},\n" \
  "   {\"op\": \"read\", \"length\": 5}, {\"op\": \"write\", \"text\": \"HELLO\"}, {\"op\": \"close_handle\"}]}],\n" \
  " \"variants\": [{\"name\": \"inline\", \"patch\": {\"completion\": \"inline\"}},\n"                   \
  "   {\"name\": \"quiet\", \"patch\": {\"completion\": \"inline\", \"verifier\": false}},\n"            \
  "   {\"name\": \"pending\", \"patch\": {\"completion\": {\"mode\": \"pending\", \"delay\": 20}}}]}"

#define GOAL(id, check, rest) "{\"id\": \"" id "\", \"check\": \"" check "\", \"text\": {\"en\": \"" id "\"}" rest "}"

/* ---- Drivers ------------------------------------------------------------------------------ */

#define PRE(name, body)                                                                                  \
  "FLT_PREOP_CALLBACK_STATUS " name "(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context) {\n" \
  "  UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);\n" body "\n}\n"
#define POST(name, body)                                                                                 \
  "FLT_POSTOP_CALLBACK_STATUS " name "(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,\n" \
  "    FLT_POST_OPERATION_FLAGS Flags) {\n"                                                              \
  "  UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);\n" \
  "  UNREFERENCED_PARAMETER(Flags);\n" body "\n}\n"
#define DRIVER(functions, callbacks)                                                                     \
  "#include <fltKernel.h>\nPFLT_FILTER Filter;\n" functions                                            \
  "CONST FLT_OPERATION_REGISTRATION Callbacks[] = { " callbacks " { IRP_MJ_OPERATION_END } };\n"       \
  "CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };\n" \
  "NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {\n"                 \
  "  NTSTATUS status;\n  UNREFERENCED_PARAMETER(RegistryPath);\n"                                       \
  "  status = FltRegisterFilter(DriverObject, &Registration, &Filter);\n"                               \
  "  if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);\n  return status;\n}\n"

#define PASS_READ PRE("PreRead", "return FLT_PREOP_SUCCESS_WITH_CALLBACK;") POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;")
#define PASS_WRITE PRE("PreWrite", "return FLT_PREOP_SUCCESS_NO_CALLBACK;")
#define CALLBACKS "{ IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_WRITE, 0, PreWrite, NULL },"

/* Passes reads and writes through; its post-read runs wherever completion happens. */
static const char pass_driver[] = DRIVER(PASS_READ PASS_WRITE, CALLBACKS);

/* Denies writes in the pre-op. */
static const char deny_driver[] = DRIVER(PASS_READ PRE("PreWrite", "Data->IoStatus.Status = STATUS_ACCESS_DENIED;\n"
                                                                   "  Data->IoStatus.Information = 0;\n"
                                                                   "  return FLT_PREOP_COMPLETE;"),
                                         CALLBACKS);

/* SYNCHRONIZE: the post-read runs in the pre-read's thread at APC_LEVEL or below. */
static const char sync_driver[] = DRIVER(PRE("PreRead", "return FLT_PREOP_SYNCHRONIZE;")
                                             POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;") PASS_WRITE,
                                         CALLBACKS);

/* FltDoCompletionProcessingWhenSafe: SafePost runs inline below DISPATCH_LEVEL, else in a worker. */
static const char safe_driver[] = DRIVER(
    POST("SafePost", "DbgPrint(\"safe at %d\\n\", KeGetCurrentIrql());\n  return FLT_POSTOP_FINISHED_PROCESSING;")
        PRE("PreRead", "return FLT_PREOP_SUCCESS_WITH_CALLBACK;")
            POST("PostRead", "FLT_POSTOP_CALLBACK_STATUS status = FLT_POSTOP_FINISHED_PROCESSING;\n"
                             "  if (!FltDoCompletionProcessingWhenSafe(Data, FltObjects, Context, Flags, SafePost, &status))\n"
                             "    return FLT_POSTOP_FINISHED_PROCESSING;\n"
                             "  return status;") PASS_WRITE,
    CALLBACKS);

/* Allocates a block in every pre-read and never frees it. */
static const char leak_driver[] = DRIVER(PRE("PreRead", "PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 24, 'kaeL');\n"
                                                        "  UNREFERENCED_PARAMETER(p);\n"
                                                        "  return FLT_PREOP_SUCCESS_WITH_CALLBACK;")
                                             POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;") PASS_WRITE,
                                         CALLBACKS);

/* Completes reads with STATUS_PENDING: PRE-COMPLETE-2. */
static const char pending_status_driver[] = DRIVER(PRE("PreRead", "Data->IoStatus.Status = STATUS_PENDING;\n"
                                                                  "  return FLT_PREOP_COMPLETE;")
                                                       POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;") PASS_WRITE,
                                                   CALLBACKS);

/* Pends reads and never completes them: the application waits for ever. */
static const char hang_driver[] = DRIVER(PRE("PreRead", "return FLT_PREOP_PENDING;")
                                             POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;") PASS_WRITE,
                                         CALLBACKS);

/* Frees a block twice: bug check 0xC2. */
static const char double_free_driver[] = DRIVER(PRE("PreRead", "PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 8, 'lbuD');\n"
                                                               "  if (p) { ExFreePoolWithTag(p, 'lbuD'); ExFreePoolWithTag(p, 'lbuD'); }\n"
                                                               "  return FLT_PREOP_SUCCESS_NO_CALLBACK;")
                                                    POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;") PASS_WRITE,
                                                CALLBACKS);

/* ---- Helpers ------------------------------------------------------------------------------ */

/* Checks `driver` against a lesson with `goals` (JSON objects joined by commas); returns the
 * report as a cJSON document (caller frees with cJSON_Delete) and its exit code in *code. */
static cJSON *check(const char *goals, const char *driver, const char *variant, int *code) {
  static const char head[] = "{\"format\": \"fltplay-lesson\", \"version\": 1, \"id\": \"t\", \"title\": {\"en\": \"T\"},\n"
                             "\"scenario\": " SCENARIO ",\n\"goals\": [";
  size_t n = strlen(head) + strlen(goals) + 4;
  char *lesson = malloc(n);
  if (!lesson) return NULL;
  snprintf(lesson, n, "%s%s]}", head, goals);
  fp_lesson *l = fp_lesson_parse("lesson.json", lesson, strlen(lesson));
  free(lesson);
  fp_lesson_check_request q;
  memset(&q, 0, sizeof q);
  q.solution = driver;
  q.solution_length = strlen(driver);
  q.solution_name = "mine.c";
  q.variant = variant;
  fp_lesson_report *r = fp_lesson_check(l, &q);
  char *json = fp_lesson_report_json(r);
  if (code) *code = fp_lesson_report_exit_code(r);
  cJSON *doc = json ? cJSON_Parse(json) : NULL;
  if (!fp_lesson_valid(l)) {
    char *diags = fp_lesson_diagnostics(l, "en");
    printf("  invalid lesson: %s", diags ? diags : "");
    fp_string_free(diags);
  }
  fp_string_free(json);
  fp_lesson_report_free(r);
  fp_lesson_free(l);
  return doc;
}

/* The result of goal `goal` in variant `variant`, or NULL when it has none. */
static const cJSON *result(const cJSON *doc, const char *goal, const char *variant) {
  const cJSON *goals = cJSON_GetObjectItemCaseSensitive(doc, "goals");
  for (const cJSON *g = goals ? goals->child : NULL; g; g = g->next) {
    if (strcmp(cJSON_GetObjectItemCaseSensitive(g, "id")->valuestring, goal) != 0) continue;
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(g, "results");
    for (const cJSON *r = results ? results->child : NULL; r; r = r->next)
      if (strcmp(cJSON_GetObjectItemCaseSensitive(r, "variant")->valuestring, variant) == 0) return r;
  }
  return NULL;
}

static int passed(const cJSON *doc, const char *goal, const char *variant) {
  return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(result(doc, goal, variant), "passed"));
}

/* The reason's text ID of a failed result ("" when none). */
static const char *reason(const cJSON *doc, const char *goal, const char *variant) {
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(result(doc, goal, variant), "reason"), "id");
  return cJSON_IsString(id) ? id->valuestring : "";
}

static const char *message(const cJSON *doc, const char *goal, const char *variant) {
  const cJSON *m =
      cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(result(doc, goal, variant), "reason"), "message");
  return cJSON_IsString(m) ? m->valuestring : "";
}

static int step(const cJSON *doc, const char *goal, const char *variant) {
  const cJSON *s = cJSON_GetObjectItemCaseSensitive(result(doc, goal, variant), "step");
  return cJSON_IsNumber(s) ? s->valueint : -1;
}

static int source(void *user, const char *name, char **text, size_t *length, const char **error) {
  (void)name;
  *length = strlen(user);
  *text = malloc(*length + 1);
  if (*text) memcpy(*text, user, *length + 1);
  *error = "out of memory";
  return *text != NULL;
}

/* Event `seq` of `driver`'s run in `variant`, as the browser's trace has it (caller frees). */
static cJSON *event_at(const char *driver, const char *variant, int seq) {
  static const char scenario[] = SCENARIO;
  fp_run_request q;
  memset(&q, 0, sizeof q);
  q.scenario_json = scenario;
  q.scenario_length = strlen(scenario);
  q.source = source;
  q.user = (void *)(uintptr_t)driver;
  q.variant = variant;
  fp_run *r = fp_run_open(&q);
  cJSON *ev = NULL;
  if (r && fp_run_status_of(r) == FP_RUN_OK && seq >= 0) {
    fp_run_step(r, 0, 0);
    char *chunk = fp_engine_trace_json(fp_run_engine(r, 0), (uint32_t)seq, 1);
    cJSON *doc = chunk ? cJSON_Parse(chunk) : NULL;
    cJSON *events = cJSON_GetObjectItemCaseSensitive(doc, "events");
    if (cJSON_GetArraySize(events) == 1) ev = cJSON_DetachItemFromArray(events, 0);
    cJSON_Delete(doc);
    fp_string_free(chunk);
  }
  fp_run_close(r);
  return ev;
}

static const char *field(const cJSON *ev, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(ev, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

/* ---- Cases -------------------------------------------------------------------------------- */

static void a_passing_driver_passes_every_goal_in_every_variant(check_ctx *t) {
  int code = -1;
  cJSON *doc = check(GOAL("clean", "no_violation", "") "," GOAL("end", "completed", "") "," GOAL("alive", "no_hang", "")
                         "," GOAL("pre", "callback_irql", ", \"function\": \"PreRead\", \"irql\": \"PASSIVE_LEVEL\""),
                     pass_driver, NULL, &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 0);
  CHECK_STR(t, cJSON_GetObjectItemCaseSensitive(doc, "status")->valuestring, "passed");
  CHECK_INT(t, cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "variants")), 3);
  static const char *const variants[] = { "inline", "quiet", "pending" };
  for (int i = 0; i < 3; i++) {
    CHECK(t, passed(doc, "clean", variants[i]));
    CHECK(t, passed(doc, "end", variants[i]));
    CHECK(t, passed(doc, "alive", variants[i]));
    CHECK(t, passed(doc, "pre", variants[i]));
  }
  CHECK_INT(t, cJSON_GetObjectItemCaseSensitive(doc, "passed")->valueint, 4);
  cJSON_Delete(doc);
}

static void a_goal_failing_in_one_variant_names_that_variant_and_its_step(check_ctx *t) {
  int code = -1;
  cJSON *doc = check(GOAL("post", "callback_irql", ", \"function\": \"PostRead\", \"max_irql\": \"APC_LEVEL\""), pass_driver,
                     NULL, &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 1);
  CHECK(t, passed(doc, "post", "inline"));
  CHECK(t, passed(doc, "post", "quiet"));
  CHECK(t, !passed(doc, "post", "pending"));
  CHECK_STR(t, reason(doc, "post", "pending"), "lesson.reason.irql_max");
  CHECK_STR(t, message(doc, "post", "pending"), "PostRead ran at DISPATCH_LEVEL, above APC_LEVEL");
  /* The step is the callback's entry in the trace the browser shows. */
  cJSON *ev = event_at(pass_driver, "pending", step(doc, "post", "pending"));
  CHECK_STR(t, field(ev, "kind"), "callback_enter");
  CHECK_STR(t, field(ev, "function"), "PostRead");
  CHECK_STR(t, field(ev, "irql"), "DISPATCH_LEVEL");
  cJSON_Delete(ev);
  /* A passing result points at the first time the callback ran. */
  ev = event_at(pass_driver, "inline", step(doc, "post", "inline"));
  CHECK_STR(t, field(ev, "function"), "PostRead");
  cJSON_Delete(ev);
  cJSON_Delete(doc);
}

static void callback_irql_exact_and_must_run(check_ctx *t) {
  cJSON *doc = check(GOAL("exact", "callback_irql", ", \"function\": \"PostRead\", \"irql\": \"PASSIVE_LEVEL\"")
                     "," GOAL("role", "callback_irql", ", \"role\": \"PreOperation\", \"major\": \"IRP_MJ_WRITE\", \"irql\": \"PASSIVE_LEVEL\"")
                     "," GOAL("missing", "callback_irql", ", \"function\": \"PostWrite\", \"irql\": \"PASSIVE_LEVEL\"")
                     "," GOAL("optional", "callback_irql", ", \"function\": \"PostWrite\", \"irql\": \"PASSIVE_LEVEL\", \"must_run\": false"),
                     pass_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "exact", "inline"));
  CHECK_STR(t, message(doc, "exact", "pending"), "PostRead ran at DISPATCH_LEVEL, not at PASSIVE_LEVEL");
  CHECK(t, passed(doc, "role", "pending"));
  CHECK(t, !passed(doc, "missing", "inline"));
  CHECK_STR(t, message(doc, "missing", "inline"), "PostWrite never ran");
  CHECK(t, passed(doc, "optional", "inline"));
  cJSON_Delete(doc);
}

static void callback_thread_speaks_of_thread_kinds(check_ctx *t) {
  const char *goals = GOAL("same", "callback_thread", ", \"function\": \"PostRead\", \"thread\": \"pre_op\"")
      "," GOAL("origin", "callback_thread", ", \"function\": \"PostRead\", \"thread\": [\"originating\"]")
      "," GOAL("dpc", "callback_thread", ", \"function\": \"PostRead\", \"thread\": \"dpc\", \"variants\": [\"pending\"]");
  cJSON *doc = check(goals, pass_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "same", "inline"));
  CHECK(t, passed(doc, "origin", "quiet"));
  CHECK(t, !passed(doc, "same", "pending"));
  CHECK_STR(t, reason(doc, "same", "pending"), "lesson.reason.thread");
  CHECK_CONTAINS(t, message(doc, "same", "pending"), "PostRead ran in a DPC (");
  CHECK(t, passed(doc, "dpc", "pending"));
  CHECK(t, result(doc, "dpc", "inline") == NULL);   /* the goal does not apply there */
  cJSON_Delete(doc);
  /* SYNCHRONIZE brings the post-op back to the pre-op's thread. */
  doc = check(goals, sync_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "same", "pending"));
  CHECK(t, passed(doc, "origin", "pending"));
  CHECK(t, !passed(doc, "dpc", "pending"));
  cJSON_Delete(doc);
  /* FltDoCompletionProcessingWhenSafe posts to a worker at DISPATCH_LEVEL. */
  doc = check(GOAL("worker", "callback_thread", ", \"function\": \"SafePost\", \"thread\": \"worker\"")
              "," GOAL("safe", "callback_irql", ", \"role\": \"SafePostCallback\", \"max_irql\": \"APC_LEVEL\""),
              safe_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "worker", "pending"));
  CHECK(t, !passed(doc, "worker", "inline"));
  CHECK_CONTAINS(t, message(doc, "worker", "inline"), "SafePost ran in the originating thread (app)");
  CHECK(t, passed(doc, "safe", "inline"));
  CHECK(t, passed(doc, "safe", "pending"));
  cJSON_Delete(doc);
}

static void final_status_of_one_operation_or_every_operation_of_a_major(check_ctx *t) {
  const char *goals = GOAL("write", "final_status", ", \"thread\": \"app\", \"op\": 2, \"status\": \"STATUS_ACCESS_DENIED\"")
      "," GOAL("writes", "final_status", ", \"major\": \"IRP_MJ_WRITE\", \"status\": \"0xC0000022\"")
      "," GOAL("reads", "final_status", ", \"major\": \"IRP_MJ_READ\", \"status\": \"STATUS_SUCCESS\"");
  int code = -1;
  cJSON *doc = check(goals, deny_driver, NULL, &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 0);
  CHECK(t, passed(doc, "write", "pending"));
  CHECK(t, passed(doc, "writes", "inline"));
  CHECK(t, passed(doc, "reads", "pending"));
  cJSON *ev = event_at(deny_driver, "inline", step(doc, "write", "inline"));
  CHECK_STR(t, field(ev, "kind"), "request_end");
  CHECK_STR(t, field(ev, "status"), "STATUS_ACCESS_DENIED");
  cJSON_Delete(ev);
  cJSON_Delete(doc);
  doc = check(goals, pass_driver, NULL, &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 1);
  CHECK_STR(t, message(doc, "write", "inline"), "operation 2 of thread app ended with STATUS_SUCCESS, not STATUS_ACCESS_DENIED");
  CHECK_STR(t, message(doc, "writes", "pending"), "an IRP_MJ_WRITE operation ended with STATUS_SUCCESS, not 0xC0000022");
  ev = event_at(pass_driver, "pending", step(doc, "writes", "pending"));
  CHECK_STR(t, field(ev, "kind"), "op_end");
  cJSON_Delete(ev);
  cJSON_Delete(doc);
  /* A run stopped early never issues the write. */
  doc = check(goals, pending_status_driver, "inline", NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_STR(t, reason(doc, "write", "inline"), "lesson.reason.never_issued");
  CHECK_STR(t, reason(doc, "writes", "inline"), "lesson.reason.no_op");
  /* The read it stopped in had started: it never completed, which is not "no read ran". */
  CHECK_STR(t, reason(doc, "reads", "inline"), "lesson.reason.unfinished_major");
  cJSON_Delete(doc);
}

static void sequences_in_order_or_exactly_adjacent(check_ctx *t) {
  const char *goals = GOAL("order", "sequence", ", \"callbacks\": [\"PreRead\", \"PostRead\", \"PreWrite\"]")
      "," GOAL("reversed", "sequence", ", \"callbacks\": [\"PreWrite\", \"F!PreRead\"]")
      "," GOAL("adjacent", "sequence", ", \"exact\": true, \"callbacks\": [\"PreRead\", {\"role\": \"PostOperation\"}]")
      "," GOAL("gap", "sequence", ", \"exact\": true, \"callbacks\": [\"PreRead\", \"PreWrite\"]");
  cJSON *doc = check(goals, pass_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "order", "pending"));
  CHECK(t, !passed(doc, "reversed", "inline"));
  CHECK_STR(t, message(doc, "reversed", "inline"), "F!PreRead did not run after PreWrite");
  cJSON *ev = event_at(pass_driver, "inline", step(doc, "reversed", "inline"));
  CHECK_STR(t, field(ev, "function"), "PreWrite");
  cJSON_Delete(ev);
  CHECK(t, passed(doc, "adjacent", "pending"));
  CHECK(t, !passed(doc, "gap", "inline"));
  CHECK_STR(t, message(doc, "gap", "inline"), "PreRead was not followed directly by PreWrite");
  cJSON_Delete(doc);
}

static void leaks_are_pool_blocks_of_the_driver_never_freed(check_ctx *t) {
  const char *goals = GOAL("leak", "no_leak", "");
  cJSON *doc = check(goals, leak_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, !passed(doc, "leak", "quiet"));
  CHECK_STR(t, message(doc, "leak", "quiet"), "1 pool block(s) of the driver were never freed; the first: 24 bytes, tag 'Leak'");
  cJSON *ev = event_at(leak_driver, "quiet", step(doc, "leak", "quiet"));
  CHECK_STR(t, field(ev, "kind"), "pool_alloc");
  cJSON_Delete(ev);
  cJSON_Delete(doc);
  doc = check(goals, safe_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "leak", "pending"));
  cJSON_Delete(doc);
}

static void violations_bug_checks_and_hangs(check_ctx *t) {
  const char *goals = GOAL("clean", "no_violation", "") "," GOAL("allowed", "no_violation", ", \"allow\": [\"PRE-COMPLETE-2\"]")
      "," GOAL("expected", "violation", ", \"rule\": \"PRE-COMPLETE-2\"") "," GOAL("end", "completed", "")
      "," GOAL("alive", "no_hang", "");
  int code = -1;
  cJSON *doc = check(goals, pending_status_driver, "inline", &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 1);
  CHECK(t, !passed(doc, "clean", "inline"));
  CHECK_STR(t, reason(doc, "clean", "inline"), "lesson.reason.violation");
  CHECK_CONTAINS(t, message(doc, "clean", "inline"), "PRE-COMPLETE-2 was broken");
  cJSON *ev = event_at(pending_status_driver, "inline", step(doc, "clean", "inline"));
  CHECK_STR(t, field(ev, "kind"), "violation");
  CHECK_STR(t, field(ev, "rule"), "PRE-COMPLETE-2");
  cJSON_Delete(ev);
  CHECK(t, passed(doc, "allowed", "inline"));
  CHECK(t, passed(doc, "expected", "inline"));
  CHECK_INT(t, step(doc, "expected", "inline"), step(doc, "clean", "inline"));
  CHECK(t, !passed(doc, "end", "inline"));
  CHECK_STR(t, message(doc, "end", "inline"), "the run ended: Driver Verifier broke in");
  CHECK(t, passed(doc, "alive", "inline"));
  cJSON_Delete(doc);
  /* The expected violation that does not happen. */
  doc = check(goals, pass_driver, "inline", NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_STR(t, message(doc, "expected", "inline"), "PRE-COMPLETE-2 did not happen; the run ended: completed");
  cJSON_Delete(doc);
  /* A bug check, by code or name. */
  doc = check(GOAL("clean", "no_violation", "") "," GOAL("c2", "violation", ", \"bugcheck\": \"0xC2\"")
              "," GOAL("named", "violation", ", \"bugcheck\": \"BAD_POOL_CALLER\""),
              double_free_driver, "quiet", NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_STR(t, message(doc, "clean", "quiet"), "the system stopped with bug check 0xC2 BAD_POOL_CALLER");
  CHECK(t, passed(doc, "c2", "quiet"));
  CHECK(t, passed(doc, "named", "quiet"));
  cJSON_Delete(doc);
  /* A read pended for ever. */
  doc = check(goals, hang_driver, "quiet", NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, !passed(doc, "alive", "quiet"));
  CHECK(t, !passed(doc, "clean", "quiet"));
  CHECK(t, !passed(doc, "end", "quiet"));
  cJSON_Delete(doc);
}

static void debug_output_may_span_several_prints(check_ctx *t) {
  cJSON *doc = check(GOAL("said", "dbg_print", ", \"contains\": \"safe at 0\"") "," GOAL("quiet", "dbg_print", ", \"contains\": \"hello\""),
                     safe_driver, NULL, NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "said", "pending"));
  CHECK(t, !passed(doc, "quiet", "inline"));
  CHECK_STR(t, message(doc, "quiet", "inline"), "the debug output does not contain \"hello\"");
  cJSON *ev = event_at(safe_driver, "pending", step(doc, "said", "pending"));
  CHECK_STR(t, field(ev, "kind"), "dbg_print");
  cJSON_Delete(ev);
  cJSON_Delete(doc);
  static const char split[] = DRIVER(PRE("PreRead", "DbgPrint(\"hel\"); DbgPrint(\"lo wor\"); DbgPrint(\"ld\\n\");\n"
                                                    "  return FLT_PREOP_SUCCESS_NO_CALLBACK;")
                                         POST("PostRead", "return FLT_POSTOP_FINISHED_PROCESSING;") PASS_WRITE,
                                     CALLBACKS);
  doc = check(GOAL("said", "dbg_print", ", \"contains\": \"hello world\""), split, "inline", NULL);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK(t, passed(doc, "said", "inline"));
  cJSON_Delete(doc);
}

static void a_driver_that_does_not_compile_is_exit_code_2(check_ctx *t) {
  int code = -1;
  cJSON *doc = check(GOAL("clean", "no_violation", ""), "int f(void) { return 1 }\n", NULL, &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 2);
  CHECK_STR(t, cJSON_GetObjectItemCaseSensitive(doc, "status")->valuestring, "does_not_compile");
  char *json = cJSON_PrintUnformatted(doc);
  CHECK_CONTAINS(t, json, "\"file\":\"mine.c\",\"line\":1");
  cJSON_free(json);
  cJSON_Delete(doc);
}

static void one_variant_by_name_or_an_unknown_one(check_ctx *t) {
  int code = -1;
  cJSON *doc = check(GOAL("clean", "no_violation", ""), pass_driver, "pending", &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 0);
  CHECK_INT(t, cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "variants")), 1);
  CHECK(t, passed(doc, "clean", "pending"));
  cJSON_Delete(doc);
  doc = check(GOAL("clean", "no_violation", ""), pass_driver, "nope", &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 3);
  char *json = cJSON_PrintUnformatted(doc);
  CHECK_CONTAINS(t, json, "there is no variant named \\\"nope\\\"; the lesson has \\\"inline\\\", \\\"quiet\\\", \\\"pending\\\"");
  cJSON_free(json);
  cJSON_Delete(doc);
  /* A goal restricted to variants that are not run is skipped. */
  doc = check(GOAL("dpc", "callback_thread", ", \"function\": \"PostRead\", \"thread\": \"dpc\", \"variants\": [\"pending\"]"),
              pass_driver, "inline", &code);
  CHECK_OR_RETURN(t, doc != NULL);
  CHECK_INT(t, code, 0);
  CHECK(t, cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "goals"), 0), "passed")));
  cJSON_Delete(doc);
}

static void the_text_report_lists_failures_with_variant_and_step(check_ctx *t) {
  static const char lesson[] = "{\"format\": \"fltplay-lesson\", \"version\": 1, \"id\": \"t\", \"title\": {\"en\": \"T\"},\n"
                               "\"scenario\": " SCENARIO ",\n\"goals\": ["
                               GOAL("post", "callback_irql", ", \"function\": \"PostRead\", \"max_irql\": \"APC_LEVEL\"") "]}";
  fp_lesson *l = fp_lesson_parse("lesson.json", lesson, strlen(lesson));
  CHECK_OR_RETURN(t, fp_lesson_valid(l));
  CHECK_STR(t, fp_lesson_id(l), "t");
  CHECK_STR(t, fp_lesson_driver(l), "driver.c");
  CHECK_INT(t, fp_lesson_source_count(l), 0);
  CHECK_INT(t, fp_lesson_variant_count(l), 3);
  CHECK_STR(t, fp_lesson_variant_name(l, 2), "pending");
  CHECK_INT(t, fp_lesson_goal_count(l), 1);
  CHECK_STR(t, fp_lesson_goal_id(l, 0), "post");
  fp_lesson_check_request q;
  memset(&q, 0, sizeof q);
  q.solution = pass_driver;
  q.solution_length = strlen(pass_driver);
  fp_lesson_report *r = fp_lesson_check(l, &q);
  char *text = fp_lesson_report_text(r);
  CHECK_CONTAINS(t, text, "Lesson t: solution.c in 3 variant(s)\n  inline: completed, ");
  CHECK_CONTAINS(t, text, "FAIL  post: post\n        pending, step ");
  CHECK_CONTAINS(t, text, ": PostRead ran at DISPATCH_LEVEL, above APC_LEVEL\n0 of 1 goals passed\n");
  fp_string_free(text);
  fp_lesson_report_free(r);
  fp_lesson_free(l);
}

static const check_case cases[] = {
  CHECK_CASE(a_passing_driver_passes_every_goal_in_every_variant),
  CHECK_CASE(a_goal_failing_in_one_variant_names_that_variant_and_its_step),
  CHECK_CASE(callback_irql_exact_and_must_run),
  CHECK_CASE(callback_thread_speaks_of_thread_kinds),
  CHECK_CASE(final_status_of_one_operation_or_every_operation_of_a_major),
  CHECK_CASE(sequences_in_order_or_exactly_adjacent),
  CHECK_CASE(leaks_are_pool_blocks_of_the_driver_never_freed),
  CHECK_CASE(violations_bug_checks_and_hangs),
  CHECK_CASE(debug_output_may_span_several_prints),
  CHECK_CASE(a_driver_that_does_not_compile_is_exit_code_2),
  CHECK_CASE(one_variant_by_name_or_an_unknown_one),
  CHECK_CASE(the_text_report_lists_failures_with_variant_and_step),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
