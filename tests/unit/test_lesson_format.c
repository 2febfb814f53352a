/* The lesson format (docs/lessons.md): mistakes reported once each with their JSON path and
 * line:col (the scenario's own mistakes included, at the lesson's lines), the JSON request of
 * fp_lesson_check_json, and allocation failures while reading and checking. Goal semantics
 * are in test_lesson.c. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fltplay/fltplay.h"
#include "fltplay/lesson.h"
#include "lesson/lesson_int.h"

/* Line 1: the lesson's header; lines 2-9: the scenario; line 10: "goals"; lines 11-: goals. */
static const char good[] =
    "{\"format\": \"fltplay-lesson\", \"version\": 1, \"id\": \"t\", \"title\": {\"en\": \"T\"},\n"
    "\"scenario\": {\"format\": \"fltplay-scenario\", \"version\": 1,\n"
    " \"files\": [{\"path\": \"\\\\a.txt\", \"text\": \"hello\"}],\n"
    " \"filters\": [{\"name\": \"F\", \"altitude\": \"370000\", \"source\": \"driver.c\"},\n"
    "   {\"name\": \"M\", \"altitude\": \"380000\", \"source\": \"monitor.c\"}],\n"
    " \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"create\", \"path\": \"\\\\a.txt\"}, {\"op\": \"read\", \"length\": 4}]}],\n"
    " \"variants\": [{\"name\": \"inline\", \"patch\": {\"completion\": \"inline\"}},\n"
    "   {\"name\": \"quiet\", \"patch\": {\"verifier\": false}},\n"
    "   {\"name\": \"pending\", \"patch\": {\"completion\": \"pending\"}}]},\n"
    "\"goals\": [\n"
    "{\"id\": \"clean\", \"check\": \"no_violation\", \"text\": {\"en\": \"No rule is broken\"}},\n"
    "{\"id\": \"irql\", \"check\": \"callback_irql\", \"function\": \"PreRead\", \"max_irql\": \"APC_LEVEL\", \"text\": {\"en\": \"x\"}}\n"
    "],\n"
    "\"hints\": [{\"en\": \"Look at the IRQL.\", \"zh-Hans\": \"\", \"zh-Hant\": \"\"}],\n"
    "\"links\": [{\"title\": {\"en\": \"Docs\"}, \"url\": \"https://learn.microsoft.com/windows-hardware/drivers/ifs/\"}]}\n";

/* `good` with the first `from` replaced by `to`. Caller frees with free(). */
static char *edit(const char *from, const char *to) {
  const char *at = strstr(good, from);
  if (!at) {
    printf("  edit: \"%s\" is not in the lesson\n", from);
    return NULL;
  }
  size_t n = strlen(good) - strlen(from) + strlen(to) + 1;
  char *out = malloc(n);
  if (out) snprintf(out, n, "%.*s%s%s", (int)(at - good), good, to, at + strlen(from));
  return out;
}

/* The diagnostics of reading `json` as text. Caller frees with fp_string_free. */
static char *errors_of(const char *json, int *valid) {
  fp_lesson *l = fp_lesson_parse("lesson.json", json, strlen(json));
  char *text = fp_lesson_diagnostics(l, "en");
  if (valid) *valid = fp_lesson_valid(l);
  fp_lesson_free(l);
  return text;
}

static void expect(check_ctx *t, const char *from, const char *to, const char *message) {
  char *json = edit(from, to);
  CHECK_OR_RETURN(t, json != NULL);
  int valid = 1;
  char *errors = errors_of(json, &valid);
  CHECK(t, !valid);
  CHECK_CONTAINS(t, errors, message);
  fp_string_free(errors);
  free(json);
}

static void a_good_lesson_reads_without_diagnostics(check_ctx *t) {
  fp_lesson *l = fp_lesson_parse("lesson.json", good, strlen(good));
  char *errors = fp_lesson_diagnostics(l, "en");
  CHECK_STR(t, errors, "");
  fp_string_free(errors);
  CHECK(t, fp_lesson_valid(l));
  CHECK_INT(t, fp_lesson_source_count(l), 1);
  CHECK_STR(t, fp_lesson_source(l, 0), "monitor.c");
  CHECK(t, fp_lesson_source(l, 1) == NULL);
  CHECK_INT(t, fp_lesson_variant_count(l), 3);
  char *json = fp_lesson_diagnostics_json(l, "en");
  CHECK_STR(t, json, "[]");
  fp_string_free(json);
  fp_lesson_free(l);
}

static void mistakes_of_the_lesson_have_paths_and_positions(check_ctx *t) {
  int valid = 1;
  char *errors = errors_of("{\"format\": \"fltplay-lesson\",\n  \"version\": }", &valid);
  CHECK(t, !valid);
  CHECK_STR(t, errors, "lesson.json:2:14: error: the lesson is not valid JSON\n");
  fp_string_free(errors);
  expect(t, "\"fltplay-lesson\"", "\"fltplay-scenario\"", "lesson.json:1:12: error: $.format: expected \"fltplay-lesson\"");
  expect(t, "\"version\": 1, \"id\"", "\"version\": 2, \"id\"", "lesson.json:1:41: error: $.version: this fltplay reads lesson version 1, not 2");
  expect(t, "\"id\": \"t\"", "\"id\": \"T t\"", "$.id: \"T t\" is not an id");
  expect(t, "\"title\": {\"en\": \"T\"}", "\"titel\": {\"en\": \"T\"}", "lesson.json:1:55: error: $.titel: unknown field \"titel\"; did you mean \"title\"?");
  expect(t, "\"title\": {\"en\": \"T\"}", "\"title\": {\"en\": \"\"}", "lesson.json:1:71: error: $.title.en: must not be empty");
  expect(t, "\"title\": {\"en\": \"T\"}", "\"title\": {\"fr\": \"T\"}", "$.title.fr: unknown field \"fr\"");
  expect(t, "\"url\": \"https:", "\"url\": \"http:", "lesson.json:15:44: error: $.links[0].url: \"http://learn.microsoft.com/windows-hardware/drivers/ifs/\" is not an https:// address");
  expect(t, "{\"en\": \"Look", "{\"zh-Hans\": \"\", \"x\": \"Look", "lesson.json:14:27: error: $.hints[0].x: unknown field \"x\"; did you mean \"en\"?");
  expect(t, "{\"en\": \"Look", "{\"zh-Hans\": \"\", \"x\": \"Look", "lesson.json:14:11: error: $.hints[0]: \"en\" is required");
  expect(t, "\"driver.c\"}", "\"mine.c\"}", "lesson.json:4:13: error: $.scenario.filters: no filter of the scenario has the source \"driver.c\"");
  expect(t, "\"goals\": [\n", "\"goals\": [],\"x\": [\n", "lesson.json:10:10: error: $.goals: a lesson has a non-empty array of goals");
}

static void mistakes_of_the_scenario_are_at_the_lessons_lines(check_ctx *t) {
  expect(t, "\"length\": 4", "\"length\": \"four\"",
         "lesson.json:6:100: error: $.scenario.threads[0].ops[1].length: expected an integer from 0 to 16777216, found a string");
  expect(t, "\"verifier\": false", "\"memory\": {\"presure\": true}",
         "lesson.json:8:43: error: $.scenario.variants[1].patch.memory.presure: unknown field \"presure\"; did you mean \"pressure\"?");
  expect(t, "\"scenario\": {", "\"scenario\": 7, \"x\": {", "lesson.json:2:13: error: $.scenario: expected a scenario object");
  expect(t, ",\n   {\"name\": \"pending\", \"patch\": {\"completion\": \"pending\"}}]}", "]}",
         "lesson.json:7:14: error: $.scenario.variants: a lesson runs in at least 3 variants");
}

/* $.subject names the goals a starter must fail: goal ids of the lesson. */
static void the_subject_names_goals(check_ctx *t) {
  char *json = edit("\"hints\":", "\"subject\": [\"irql\"],\n\"hints\":");
  CHECK_OR_RETURN(t, json != NULL);
  int valid = 0;
  char *errors = errors_of(json, &valid);
  CHECK(t, valid);
  CHECK_STR(t, errors, "");
  fp_string_free(errors);
  free(json);
  expect(t, "\"hints\":", "\"subject\": [\"irq\"],\n\"hints\":", "$.subject[0]: there is no goal named \"irq\"");
  expect(t, "\"hints\":", "\"subject\": [],\n\"hints\":", "$.subject: expected a non-empty array of goal ids");
  expect(t, "\"hints\":", "\"subject\": [3],\n\"hints\":", "$.subject[0]: expected a goal id");
}

static void mistakes_of_goals_name_the_goal(check_ctx *t) {
  static const char irql[] = "\"function\": \"PreRead\", \"max_irql\": \"APC_LEVEL\"";
  expect(t, irql, "\"functon\": \"PreRead\", \"max_irql\": \"APC_LEVEL\"",
         "lesson.json:12:42: error: $.goals[1].functon: unknown field \"functon\"; did you mean \"function\"?");
  expect(t, irql, "\"function\": \"PreRead\", \"max_irql\": \"DISPATCH\"",
         "lesson.json:12:77: error: $.goals[1].max_irql: \"DISPATCH\" is not an IRQL");
  expect(t, irql, "\"function\": \"PreRead\"", "$.goals[1]: give exactly one of \"irql\", \"max_irql\"");
  expect(t, irql, "\"max_irql\": \"APC_LEVEL\"", "$.goals[1]: name the callback with \"function\" or \"role\"");
  expect(t, irql, "\"role\": \"PreOp\", \"max_irql\": \"APC_LEVEL\"", "$.goals[1].role: expected one of \"DriverEntry\"");
  expect(t, irql, "\"function\": \"PreRead\", \"major\": \"IRP_MJ_REED\", \"irql\": \"APC_LEVEL\"",
         "$.goals[1].major: \"IRP_MJ_REED\" is not an IRP_MJ_* operation");
  expect(t, irql, "\"function\": \"PreRead\", \"filter\": \"G\", \"irql\": \"APC_LEVEL\"",
         "$.goals[1].filter: the scenario has no filter named \"G\"");
  expect(t, "\"check\": \"callback_irql\"", "\"check\": \"callback_irq\"", "$.goals[1].check: expected one of \"no_violation\"");
  expect(t, "\"id\": \"irql\", \"check\": \"callback_irql\",", "\"id\": \"irql\",", "$.goals[1]: \"check\" is required");
  expect(t, "\"id\": \"irql\"", "\"id\": \"clean\"", "lesson.json:12:8: error: $.goals[1].id: a goal named \"clean\" is already defined");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"no_violation\", \"variants\": [\"inline\", \"pendng\"],",
         "lesson.json:11:65: error: $.goals[0].variants[1]: the scenario has no variant named \"pendng\"");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"no_violation\", \"allow\": [\"PRE-COMPLET-2\"],",
         "$.goals[0].allow[0]: \"PRE-COMPLET-2\" is not a rule ID of the catalogue");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"violation\", \"bugcheck\": \"0xD2\",",
         "$.goals[0].bugcheck: \"0xD2\" is not a bug check fltplay raises");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"violation\",", "$.goals[0]: give exactly one of \"rule\", \"bugcheck\"");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"final_status\", \"thread\": \"ap\", \"op\": 1, \"status\": \"STATUS_SUCCESS\",",
         "$.goals[0].thread: the scenario has no thread named \"ap\"");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"final_status\", \"thread\": \"app\", \"op\": 2, \"status\": \"STATUS_SUCCESS\",",
         "$.goals[0].op: the thread has 2 operations (counted from 0)");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"final_status\", \"thread\": \"app\", \"status\": \"STATUS_SUCCESS\",",
         "$.goals[0]: \"op\" is required");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"final_status\", \"major\": \"IRP_MJ_READ\", \"status\": \"STATUS_SUCESS\",",
         "$.goals[0].status: \"STATUS_SUCESS\" is not an NTSTATUS name");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"final_status\", \"status\": \"STATUS_SUCCESS\",",
         "$.goals[0]: give exactly one of \"thread\" (with \"op\"), \"major\"");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"sequence\", \"callbacks\": [\"PreRead\"],",
         "$.goals[0].callbacks: a sequence lists from 2 to 32 callbacks");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"sequence\", \"callbacks\": [\"PreRead\", \"M!\"],",
         "$.goals[0].callbacks[1]: \"M!\" is not a callback");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"sequence\", \"callbacks\": [\"PreRead\", \"N!PostRead\"],",
         "$.goals[0].callbacks[1]: the scenario has no filter named \"N\"");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"callback_thread\", \"function\": \"PostRead\", \"thread\": [\"dpc\", \"arbitrary\"],",
         "$.goals[0].thread[1]: \"arbitrary\" is not a thread kind (originating, pre_op, worker, dpc, system)");
  expect(t, "\"check\": \"no_violation\",", "\"check\": \"dbg_print\", \"contains\": \"\",", "$.goals[0].contains: must not be empty");
  expect(t, "\"check\": \"no_violation\", \"text\": {\"en\": \"No rule is broken\"}", "\"check\": \"no_hang\"",
         "$.goals[0]: \"text\" is required");
}

static void every_mistake_is_reported_once(check_ctx *t) {
  char *json = edit("\"max_irql\": \"APC_LEVEL\", \"text\": {\"en\": \"x\"}", "\"max_irql\": \"APC\", \"txt\": {\"en\": \"x\"}");
  CHECK_OR_RETURN(t, json != NULL);
  fp_lesson *l = fp_lesson_parse("lesson.json", json, strlen(json));
  char *list = fp_lesson_diagnostics_json(l, "en");
  cJSON *doc = cJSON_Parse(list);
  /* The unknown field, the missing text, the unknown IRQL. */
  CHECK_INT(t, cJSON_GetArraySize(doc), 3);
  CHECK_CONTAINS(t, list, "\"severity\":\"error\",\"id\":\"scenario.unknown_field_suggest\"");
  CHECK_CONTAINS(t, list, "\"file\":\"lesson.json\",\"line\":12");
  cJSON_Delete(doc);
  fp_string_free(list);
  fp_lesson_free(l);
  free(json);
}

/* A request for fp_lesson_check_json with `lesson` (JSON text of a value) and `solution`. */
static char *request(const char *lesson, const char *solution) {
  cJSON *r = cJSON_CreateObject();
  cJSON_AddItemToObject(r, "lesson", cJSON_Parse(lesson));
  cJSON_AddStringToObject(r, "solution", solution);
  cJSON *sources = cJSON_AddObjectToObject(r, "sources");
  cJSON_AddStringToObject(sources, "monitor.c", "#include <fltKernel.h>\nNTSTATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R) {\n"
                                                "  UNREFERENCED_PARAMETER(D); UNREFERENCED_PARAMETER(R); return STATUS_SUCCESS;\n}\n");
  cJSON_AddStringToObject(r, "variant", "inline");
  char *text = cJSON_PrintUnformatted(r);
  cJSON_Delete(r);
  return text;
}

static const char solution[] = "#include <fltKernel.h>\nNTSTATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R) {\n"
                               "  UNREFERENCED_PARAMETER(D); UNREFERENCED_PARAMETER(R); return STATUS_SUCCESS;\n}\n";

static void the_json_request_takes_the_lesson_as_text_or_object(check_ctx *t) {
  /* As an object: a driver that registers nothing; PreRead never runs. */
  char *req = request(good, solution);
  char *out = fp_lesson_check_json(req, strlen(req));
  CHECK_CONTAINS(t, out, "\"format\":\"fltplay-check\",\"version\":1,\"lesson\":\"t\",\"solution\":\"solution.c\",\"ok\":true,\"status\":\"failed\",\"exit_code\":1");
  CHECK_CONTAINS(t, out, "\"variants\":[{\"name\":\"inline\",\"end\":\"completed\"");
  CHECK_CONTAINS(t, out, "{\"id\":\"clean\",\"check\":\"no_violation\",\"text\":\"No rule is broken\",\"passed\":true,"
                         "\"results\":[{\"variant\":\"inline\",\"passed\":true,\"step\":null}]}");
  CHECK_CONTAINS(t, out, "\"reason\":{\"id\":\"lesson.reason.never_ran\",\"params\":{\"callback\":\"PreRead\"},\"message\":\"PreRead never ran\"}");
  CHECK_CONTAINS(t, out, "\"passed\":1,\"failed\":1");
  fp_string_free(out);
  fp_string_free(req);
  /* As text, with its own name. */
  cJSON *r = cJSON_CreateObject();
  cJSON_AddStringToObject(r, "lesson", "{\"format\": 1}");
  cJSON_AddStringToObject(r, "lesson_name", "lessons/x/lesson.json");
  cJSON_AddStringToObject(r, "solution", solution);
  req = cJSON_PrintUnformatted(r);
  cJSON_Delete(r);
  out = fp_lesson_check_json(req, strlen(req));
  CHECK_CONTAINS(t, out, "\"ok\":false,\"status\":\"bad_input\",\"exit_code\":3");
  CHECK_CONTAINS(t, out, "\"file\":\"lessons/x/lesson.json\",\"line\":1,\"column\":12");
  fp_string_free(out);
  fp_string_free(req);
  /* Requests that cannot be read. */
  out = fp_lesson_check_json("[1]", 3);
  CHECK_CONTAINS(t, out, "\"status\":\"bad_input\"");
  CHECK_CONTAINS(t, out, "the request is not a JSON object");
  fp_string_free(out);
  out = fp_lesson_check_json("{\"lesson\": {}}", 14);
  CHECK_CONTAINS(t, out, "the request has no valid \\\"solution\\\"");
  fp_string_free(out);
  out = fp_lesson_check_json(NULL, 0);
  CHECK_CONTAINS(t, out, "\"exit_code\":3");
  fp_string_free(out);
}

static void a_missing_source_is_bad_input(check_ctx *t) {
  fp_lesson *l = fp_lesson_parse("lesson.json", good, strlen(good));
  fp_lesson_check_request q;
  memset(&q, 0, sizeof q);
  q.solution = solution;
  q.solution_length = strlen(solution);
  fp_lesson_report *r = fp_lesson_check(l, &q);
  CHECK_INT(t, fp_lesson_report_exit_code(r), 3);
  char *text = fp_lesson_report_text(r);
  CHECK_CONTAINS(t, text, "cannot read the driver source \"monitor.c\"");
  fp_string_free(text);
  fp_lesson_report_free(r);
  fp_lesson_free(l);
  /* Nothing to check. */
  r = fp_lesson_check(NULL, NULL);
  CHECK_INT(t, fp_lesson_report_exit_code(r), 3);
  fp_lesson_report_free(r);
}

static void allocation_failures_while_reading_are_survived(check_ctx *t) {
  int survived = 0;
  for (uint64_t n = 1; n < 2000; n++) {
    fp_alloc a = fp_alloc_default();
    a.fail_at = n;
    fp_lesson *l = lx_lesson_parse(&a, "lesson.json", good, strlen(good));
    CHECK_OR_RETURN(t, l != NULL);
    int valid = fp_lesson_valid(l);
    survived += valid;
    if (!valid) CHECK(t, l->diags.errors > 0 || l->diags.out_of_memory || !l->scenario);
    fp_lesson_free(l);
    CHECK_INT(t, a.live_blocks, 0);
    if (valid && a.count < n) break;
  }
  CHECK(t, survived > 0);
}

/* cJSON's allocator, failing its `fail_at`-th allocation (cJSON's hooks are process-wide). */
static unsigned long cjson_count, cjson_fail_at;
static void *failing_malloc(size_t size) { return ++cjson_count == cjson_fail_at ? NULL : malloc(size); }

static void allocation_failures_of_cjson_while_checking_are_survived(check_ctx *t) {
  char *req = request(good, solution);
  CHECK_OR_RETURN(t, req != NULL);
  cJSON_Hooks hooks = { failing_malloc, free };
  cJSON_InitHooks(&hooks);
  cjson_count = 0;
  cjson_fail_at = 0;
  char *out = fp_lesson_check_json(req, strlen(req));
  unsigned long total = cjson_count;
  fp_string_free(out);
  int reports = 0;
  /* The allocations of reading the request, the lesson and its scenario, one by one. (Later
   * ones include the engine's trace writer, which does not yet survive every failure.) */
  for (unsigned long n = 1; n <= total && n < 300; n++) {
    cjson_count = 0;
    cjson_fail_at = n;
    out = fp_lesson_check_json(req, strlen(req));
    reports += out != NULL;
    fp_string_free(out);
  }
  cJSON_InitHooks(NULL);
  CHECK(t, total > 300);
  CHECK(t, reports > 0);
  free(req);
}

static const check_case cases[] = {
  CHECK_CASE(a_good_lesson_reads_without_diagnostics),
  CHECK_CASE(mistakes_of_the_lesson_have_paths_and_positions),
  CHECK_CASE(mistakes_of_the_scenario_are_at_the_lessons_lines),
  CHECK_CASE(mistakes_of_goals_name_the_goal),
  CHECK_CASE(the_subject_names_goals),
  CHECK_CASE(every_mistake_is_reported_once),
  CHECK_CASE(the_json_request_takes_the_lesson_as_text_or_object),
  CHECK_CASE(a_missing_source_is_bad_input),
  CHECK_CASE(allocation_failures_while_reading_are_survived),
  CHECK_CASE(allocation_failures_of_cjson_while_checking_are_survived),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
