/* The scenario format: reading, checking (paths, line:col), variants, building into an engine,
 * the default scenario, and allocation failures while reading. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "check.h"
#include "fltplay/fltplay.h"
#include "fltplay/scenario.h"
#include "nt/nt.h"
#include "scenario.h"
#include "text/text.h"

/* All diagnostics rendered in English, one per line. Caller frees with free(). */
static char *render(const fp_diags *d) {
  fp_alloc a = fp_alloc_default();
  fp_text *text = fp_text_load_builtin(&a);
  size_t cap = 1, len = 0;
  char *out = calloc(1, 1);
  for (size_t i = 0; out && i < d->count; i++) {
    char *line = fp_text_render_diag(text, &a, d, &d->items[i], "en");
    size_t n = line ? strlen(line) : 0;
    char *grown = realloc(out, cap + n + 1);
    if (grown) {
      out = grown;
      memcpy(out + len, line ? line : "", n);
      len += n;
      out[len++] = '\n';
      out[len] = 0;
      cap = len + 1;
    }
    fp_free(&a, line);
  }
  fp_text_free(text);
  return out;
}

/* Parses `json`; returns the scenario or NULL and the rendered diagnostics in *errors. */
static fp_scenario *parse(const char *json, char **errors) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_scenario *s = fp_scenario_parse(NULL, "s.json", json, strlen(json), &d);
  *errors = render(&d);
  fp_diags_free(&d);
  return s;
}

static void expect_error(check_ctx *t, const char *json, const char *message) {
  char *errors;
  fp_scenario *s = parse(json, &errors);
  CHECK(t, s == NULL);
  CHECK_CONTAINS(t, errors, message);
  free(errors);
  fp_scenario_free(s);
}

#define HEAD "{\"format\": \"fltplay-scenario\", \"version\": 1"

static const char *const good =
    HEAD ",\n"
    "  \"name\": \"one read\",\n"
    "  \"seed\": 7,\n"
    "  \"files\": [{\"path\": \"\\\\a.txt\", \"text\": \"hello world\"}],\n"
    "  \"filters\": [{\"name\": \"A\", \"altitude\": \"385100\", \"source\": \"a.c\"}],\n"
    "  \"threads\": [{\"name\": \"app\", \"ops\": [\n"
    "    {\"op\": \"create\", \"path\": \"\\\\a.txt\"},\n"
    "    {\"op\": \"read\", \"length\": 5},\n"
    "    {\"op\": \"close_handle\"}]}],\n"
    "  \"variants\": [\n"
    "    {\"name\": \"inline\", \"patch\": {\"completion\": \"inline\"}},\n"
    "    {\"name\": \"pending\", \"patch\": {\"completion\": {\"mode\": \"pending\", \"delay\": 5}}},\n"
    "    {\"name\": \"no verifier\", \"patch\": {\"verifier\": false, \"seed\": \"0x10\"}}]}\n";

/* The scenario's filter: a pass-through on reads (test drivers stand in for compiled ones). */
static fp_status add_pass_through(void *user, fp_engine *e, const char *source, const char *name, const char *altitude,
                                  int *id) {
  int *calls = user;
  (*calls)++;
  if (strcmp(source, "a.c") != 0) return FP_ERR_ARGUMENT;
  tdrv d = tdrv_one(name, altitude, IRP_MJ_READ, 0, n_pre_with_callback, n_post_finished);
  *id = tdrv_add(e, &d);
  return *id >= 0 ? FP_OK : FP_ERR_ARGUMENT;
}

static void a_scenario_has_its_variants_and_sources(check_ctx *t) {
  char *errors;
  fp_scenario *s = parse(good, &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  CHECK_STR(t, fp_scenario_name(s), "one read");
  CHECK_INT(t, fp_scenario_variant_count(s), 3);
  CHECK_STR(t, fp_scenario_variant_name(s, 1), "pending");
  CHECK_INT(t, fp_scenario_variant_find(s, "no verifier"), 2);
  CHECK_INT(t, fp_scenario_variant_find(s, "nope"), -1);
  CHECK_INT(t, fp_scenario_source_count(s), 1);
  CHECK_STR(t, fp_scenario_source(s, 0), "a.c");
  CHECK(t, fp_scenario_source(s, 1) == NULL);
  fp_scenario_free(s);
}

/* Builds and runs variant `v`; returns the trace's text log. */
static char *run_variant(check_ctx *t, const fp_scenario *s, size_t v) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  int calls = 0;
  fp_engine *e = fp_scenario_build(s, v, add_pass_through, &calls, &d);
  CHECK_INT(t, d.count, 0);
  CHECK_INT(t, calls, 1);
  fp_diags_free(&d);
  if (!e) return NULL;
  CHECK_INT(t, fp_engine_run(e, 0), FP_END_COMPLETED);
  char *json = fp_engine_trace_json(e, 0, 0);
  fp_engine_free(e);
  return json;
}

static void variants_patch_the_base(check_ctx *t) {
  char *errors;
  fp_scenario *s = parse(good, &errors);
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  char *inline_trace = run_variant(t, s, 0);
  char *pending_trace = run_variant(t, s, 1);
  char *plain_trace = run_variant(t, s, 2);
  /* Inline: no DPC; pending: the read completes from a DPC; the seed and Verifier follow. */
  CHECK(t, inline_trace && !strstr(inline_trace, "\"dpc_start\""));
  CHECK_CONTAINS(t, pending_trace, "\"dpc_start\"");
  CHECK_CONTAINS(t, inline_trace, "\"seed\":\"0x7\"");
  CHECK_CONTAINS(t, plain_trace, "\"seed\":\"0x10\"");
  CHECK_CONTAINS(t, inline_trace, "\"verifier\":true");
  CHECK_CONTAINS(t, plain_trace, "\"verifier\":false");
  fp_string_free(inline_trace);
  fp_string_free(pending_trace);
  fp_string_free(plain_trace);
  fp_scenario_free(s);
}

static void a_scenario_without_variants_has_one_named_default(check_ctx *t) {
  char *errors;
  fp_scenario *s = parse(HEAD "}", &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  CHECK_INT(t, fp_scenario_variant_count(s), 1);
  CHECK_STR(t, fp_scenario_variant_name(s, 0), "default");
  CHECK_INT(t, fp_scenario_source_count(s), 0);
  fp_scenario_free(s);
}

static void malformed_json_is_reported_at_its_line_and_column(check_ctx *t) {
  expect_error(t, "{\n  \"format\": \"fltplay-scenario\",\n  \"version\": 1,,\n}", "s.json:3:16: error: the scenario is not valid JSON");
  expect_error(t, "", "s.json:1:1: error: the scenario is not valid JSON");
}

static void mistakes_name_their_json_path_and_position(check_ctx *t) {
  expect_error(t, "[]", "expected an object, found an array");
  expect_error(t, "{\"version\": 1}", "$: \"format\" is required");
  expect_error(t, "{\"format\": \"other\", \"version\": 1}", "s.json:1:12: error: $.format: expected \"fltplay-scenario\", found other");
  expect_error(t, "{\"format\": \"fltplay-scenario\", \"version\": 2}", "$.version: this fltplay reads scenario version 1, not 2");
  expect_error(t, HEAD ", \"verifer\": true}", "s.json:1:46: error: $.verifer: unknown field \"verifer\"; did you mean \"verifier\"?");
  expect_error(t, HEAD ", \"zzz\": true}", "$.zzz: unknown field \"zzz\"\n");
  expect_error(t, HEAD ",\n \"threads\": [{\"name\": \"app\", \"ops\": [\n  {\"op\": \"read\", \"length\": \"ten\"}]}]}",
               "s.json:3:28: error: $.threads[0].ops[0].length: expected an integer from 0 to 16777216, found a string");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"fly\"}]}]}",
               "$.threads[0].ops[0].op: expected one of \"create\", \"read\"");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"app\", \"ops\": [{\"length\": 3}]}]}", "$.threads[0].ops[0]: \"op\" is required");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"create\", \"path\": \"\\\\a\", \"access\": \"GENERIC_RAED\"}]}]}",
               "$.threads[0].ops[0].access: \"GENERIC_RAED\" is not a WDK constant fltplay knows");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"create\"}]}]}", "$.threads[0].ops[0]: \"path\" is required");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"create\", \"path\": \"a.txt\"}]}]}",
               "$.threads[0].ops[0].path: expected a path from the volume's root");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"write\"}]}]}",
               "$.threads[0].ops[0]: give exactly one of \"text\", \"hex\" or \"size\"");
  expect_error(t, HEAD ", \"threads\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}", "$.threads[1].name: a thread named \"a\" is already defined");
  expect_error(t, HEAD ", \"files\": [{\"path\": \"\\\\a\", \"hex\": \"0g\"}]}", "$.files[0].hex: expected pairs of hexadecimal digits");
  expect_error(t, HEAD ", \"verifier\": {\"answers\": {\"PRE-NOPE-1\": \"ignore\"}}}",
               "$.verifier.answers.PRE-NOPE-1: \"PRE-NOPE-1\" is not a rule ID");
  expect_error(t, HEAD ", \"verifier\": {\"answers\": {\"PRE-GEN-4\": \"shrug\"}}}",
               "$.verifier.answers.PRE-GEN-4: expected one of \"break\", \"ignore\", \"zap\", \"remove\"");
  expect_error(t, HEAD ", \"seed\": -1}", "$.seed: expected an integer from 0 to 18446744073709551615, found a number");
  expect_error(t, HEAD ", \"completion\": \"later\"}", "$.completion: expected one of \"default\", \"inline\", \"pending\"");
}

static void faults_refer_to_filters_threads_and_operations(check_ctx *t) {
  const char *base = HEAD ", \"filters\": [{\"name\": \"A\", \"altitude\": \"1\", \"source\": \"a.c\"}],"
                          " \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"sleep\"}]}], \"faults\": [";
  char json[512];
  snprintf(json, sizeof json, "%s{\"kind\": \"unload\", \"filter\": \"B\", \"at\": 5}]}", base);
  expect_error(t, json, "$.faults[0].filter: there is no filter named \"B\"");
  snprintf(json, sizeof json, "%s{\"kind\": \"unload\", \"filter\": \"A\", \"during\": {\"thread\": \"app\", \"op\": 1}}]}", base);
  expect_error(t, json, "$.faults[0].during.op: the thread has 1 operations");
  snprintf(json, sizeof json, "%s{\"kind\": \"detach\", \"filter\": \"A\", \"at\": 5, \"during\": {\"thread\": \"app\", \"op\": 0}}]}", base);
  expect_error(t, json, "$.faults[0]: give \"at\" or \"during\", not both");
  snprintf(json, sizeof json, "%s{\"kind\": \"fail_allocation\"}]}", base);
  expect_error(t, json, "$.faults[0]: \"nth\" is required");
  snprintf(json, sizeof json, "%s{\"kind\": \"meteor\"}]}", base);
  expect_error(t, json, "$.faults[0].kind: expected one of \"fail_allocation\"");
  snprintf(json, sizeof json, "%s{\"kind\": \"unload\", \"filter\": \"A\", \"during\": {\"thread\": \"app\", \"op\": 0}}]}", base);
  char *errors;
  fp_scenario *s = parse(json, &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  fp_scenario_free(s);
}

static void a_variant_mistake_points_into_its_patch(check_ctx *t) {
  expect_error(t,
               HEAD ",\n \"variants\": [{\"name\": \"a\"},\n  {\"name\": \"b\", \"patch\": {\"memory\": {\"pressure\": 1}}}]}",
               "s.json:3:50: error: $.variants[1].patch.memory.pressure: expected true or false, found a number");
  expect_error(t, HEAD ", \"variants\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}", "$.variants[1].name: a variant named \"a\" is already defined");
  expect_error(t, HEAD ", \"variants\": [{\"name\": \"a\", \"patch\": {\"verifer\": false}}]}",
               "$.variants[0].patch.verifer: unknown field \"verifer\"; did you mean \"verifier\"?");
  expect_error(t, HEAD ", \"variants\": []}", "$.variants: expected a non-empty array of variants");
  expect_error(t, HEAD ", \"variants\": [{\"name\": \"a\", \"patch\": {\"version\": 2}}]}",
               "$.variants[0].patch: a variant's patch cannot change");
  /* A patch that removes what the base's faults refer to is reported for that variant. */
  expect_error(t,
               HEAD ", \"filters\": [{\"name\": \"A\", \"altitude\": \"1\", \"source\": \"a.c\"}],"
                    " \"faults\": [{\"kind\": \"unload\", \"filter\": \"A\", \"at\": 3}],"
                    " \"variants\": [{\"name\": \"none\", \"patch\": {\"filters\": null}}]}",
               "$.faults[0].filter (variant \"none\"): there is no filter named \"A\"");
}

static void the_engine_refusal_is_reported_at_the_path(check_ctx *t) {
  char *errors;
  fp_scenario *s = parse(HEAD ", \"filters\": [{\"name\": \"A\", \"altitude\": \"high\", \"source\": \"a.c\"}]}", &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  int calls = 0;
  fp_engine *e = fp_scenario_build(s, 0, add_pass_through, &calls, &d);
  CHECK(t, e == NULL);
  char *out = render(&d);
  CHECK_CONTAINS(t, out, "s.json:1:58: error: $.filters[0]: ");
  CHECK_CONTAINS(t, out, "altitude");
  free(out);
  fp_diags_free(&d);
  fp_scenario_free(s);
}

static void the_default_scenario_follows_the_registration(check_ctx *t) {
  uint8_t majors[] = { IRP_MJ_CREATE, IRP_MJ_WRITE, (uint8_t)IRP_MJ_QUERY_OPEN };
  char *json = fp_scenario_default_json("deny.c", "deny", majors, 3);
  CHECK_OR_RETURN(t, json != NULL);
  CHECK_CONTAINS(t, json, "\"op\":\t\"write\"");
  CHECK_CONTAINS(t, json, "\"op\":\t\"query_open\"");
  CHECK(t, !strstr(json, "\"read\""));
  char *errors;
  fp_scenario *s = parse(json, &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  CHECK_INT(t, fp_scenario_variant_count(s), 2);
  CHECK_STR(t, fp_scenario_variant_name(s, 0), "synchronous");
  CHECK_STR(t, fp_scenario_variant_name(s, 1), "asynchronous");
  CHECK_STR(t, fp_scenario_source(s, 0), "deny.c");
  fp_scenario_free(s);
  fp_string_free(json);
}

static void every_allocation_failure_is_survived(check_ctx *t) {
  int survived = 0;
  for (uint64_t n = 1; n < 400; n++) {
    fp_alloc a = fp_alloc_default();
    a.fail_at = n;
    fp_alloc da = fp_alloc_default();
    fp_diags d = fp_diags_make(&da);
    fp_scenario *s = fp_scenario_parse(&a, "s.json", good, strlen(good), &d);
    if (s) {
      survived++;
      fp_scenario_free(s);
    } else {
      CHECK(t, d.errors > 0);
    }
    CHECK_INT(t, a.live_blocks, 0);
    fp_diags_free(&d);
    if (s && a.count < n) break;
  }
  CHECK(t, survived > 0);
}

/* Sleeps and control actions at a time arm plain timers: time passes, no DPC runs for them. */
static void sleeps_and_timed_unloads_let_time_pass(check_ctx *t) {
  const char *json = HEAD ", \"files\": [{\"path\": \"\\\\a.txt\", \"text\": \"hello world\"}],"
                     " \"filters\": [{\"name\": \"A\", \"altitude\": \"385100\", \"source\": \"a.c\"}],"
                     " \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"create\", \"path\": \"\\\\a.txt\"},"
                     " {\"op\": \"sleep\", \"ticks\": 500}, {\"op\": \"read\", \"length\": 4, \"completion\": \"pending\"},"
                     " {\"op\": \"close_handle\"}]}],"
                     " \"faults\": [{\"kind\": \"unload\", \"filter\": \"A\", \"at\": 100000}]}";
  char *errors;
  fp_scenario *s = parse(json, &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  char *trace = run_variant(t, s, 0);
  /* One DPC: the pending read's completion; the sleep and the unload's time are no DPCs. */
  const char *first = trace ? strstr(trace, "\"dpc_start\"") : NULL;
  CHECK(t, first != NULL);
  CHECK(t, first && !strstr(first + 1, "\"dpc_start\""));
  CHECK_CONTAINS(t, trace, "\"action\":\"unload\"");
  /* The unload happens when its time has come: the control event's "t" is at least 100000. */
  const char *control = trace ? strstr(trace, "\"kind\":\"control\"") : NULL;
  const char *time = control;
  while (time && time > trace && strncmp(time, "\"t\":", 4) != 0) time--;
  CHECK(t, time && strtoull(time + 4, NULL, 10) >= 100000);
  fp_string_free(trace);
  fp_scenario_free(s);
}

/* A page fault moves whole pages: a paging read asks for a page even when the scenario gives
 * fewer bytes (the file system moves whole sectors; a shorter buffer would overflow). */
static void a_paging_read_moves_a_whole_page(check_ctx *t) {
  const char *json = HEAD ", \"files\": [{\"path\": \"\\\\a.txt\", \"text\": \"hello world\"}],"
                     " \"filters\": [{\"name\": \"A\", \"altitude\": \"385100\", \"source\": \"a.c\"}],"
                     " \"threads\": [{\"name\": \"app\", \"ops\": [{\"op\": \"create\", \"path\": \"\\\\a.txt\"},"
                     " {\"op\": \"read\", \"length\": 16, \"io\": \"paging\"}, {\"op\": \"close_handle\"}]}]}";
  char *errors;
  fp_scenario *s = parse(json, &errors);
  CHECK_STR(t, errors, "");
  free(errors);
  CHECK_OR_RETURN(t, s != NULL);
  char *trace = run_variant(t, s, 0);
  CHECK(t, trace && !strstr(trace, "\"bugcheck\""));
  /* The read returns the file's 11 bytes (its end), from a one-page transfer. */
  CHECK_CONTAINS(t, trace, "\"kind\":\"request_end\",\"thread\":4,\"irql\":\"PASSIVE_LEVEL\",\"op\":1,\"request\":1,\"status\":\"STATUS_SUCCESS\",\"information\":\"0xb\"");
  fp_string_free(trace);
  fp_scenario_free(s);
}

static const check_case cases[] = {
  CHECK_CASE(a_paging_read_moves_a_whole_page),
  CHECK_CASE(sleeps_and_timed_unloads_let_time_pass),
  CHECK_CASE(a_scenario_has_its_variants_and_sources),
  CHECK_CASE(variants_patch_the_base),
  CHECK_CASE(a_scenario_without_variants_has_one_named_default),
  CHECK_CASE(malformed_json_is_reported_at_its_line_and_column),
  CHECK_CASE(mistakes_name_their_json_path_and_position),
  CHECK_CASE(faults_refer_to_filters_threads_and_operations),
  CHECK_CASE(a_variant_mistake_points_into_its_patch),
  CHECK_CASE(the_engine_refusal_is_reported_at_the_path),
  CHECK_CASE(the_default_scenario_follows_the_registration),
  CHECK_CASE(every_allocation_failure_is_survived),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
