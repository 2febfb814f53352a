/* check.c: checking a solution against a lesson (fltplay/lesson.h): one run of every variant
 * through fltplay/run.h, each trace read in chunks and its goals evaluated, then the results
 * document (docs/lessons.md, "Results"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fltplay/fltplay.h"
#include "fltplay/run.h"
#include "lesson/eval.h"
#include "lesson/lesson_int.h"
#include "lesson/report.h"
#include "lesson/trace.h"

/* Events read per chunk of a trace. */
#define LX_CHUNK 2048

typedef struct sources {
  const fp_lesson *lesson;
  const fp_lesson_check_request *q;
} sources;

static char *copy(const char *text, size_t length) {
  char *out = malloc(length + 1);
  if (out) {
    memcpy(out, text, length);
    out[length] = 0;
  }
  return out;
}

/* fp_run's source callback: the learner's driver is the solution, the others come from the request. */
static int source(void *user, const char *name, char **text, size_t *length, const char **error) {
  const sources *s = user;
  const char *found = NULL;
  size_t n = 0;
  if (strcmp(name, s->lesson->driver) == 0) {
    found = s->q->solution ? s->q->solution : "";
    n = s->q->solution ? s->q->solution_length : 0;
  }
  for (size_t i = 0; !found && i < s->q->source_count; i++)
    if (s->q->sources[i].name && strcmp(s->q->sources[i].name, name) == 0) {
      found = s->q->sources[i].text ? s->q->sources[i].text : "";
      n = s->q->sources[i].text ? s->q->sources[i].length : 0;
    }
  if (!found) {
    *error = "the lesson's folder has no such file";
    return 0;
  }
  *text = copy(found, n);
  *length = n;
  if (!*text) *error = "out of memory";
  return *text != NULL;
}

/* The run's diagnostics, with the learner's driver under the solution's own name. */
static cJSON *run_diagnostics(const fp_run *run, const fp_lesson *l, const char *solution, const char *locale) {
  char *json = fp_run_diagnostics_json(run, locale);
  cJSON *list = json ? cJSON_Parse(json) : NULL;
  fp_string_free(json);
  for (cJSON *d = cJSON_IsArray(list) ? list->child : NULL; d; d = d->next) {
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(d, "file");
    if (cJSON_IsString(file) && strcmp(file->valuestring, l->driver) == 0)
      cJSON_ReplaceItemInObjectCaseSensitive(d, "file", cJSON_CreateString(solution));
  }
  return list;
}

/* Adds the run_end event's details to the variant's entry. */
static void note_end(cJSON *variant, const cJSON *ev) {
  static const char *const keys[] = { "code", "rule", "what" };
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(ev, keys[i]);
    if (cJSON_IsString(v) && v->valuestring[0]) cJSON_AddStringToObject(variant, keys[i], v->valuestring);
  }
}

/* Evaluates the goals over the trace of `engine` (variant `variant`); 0 when memory runs out. */
static int evaluate(const fp_lesson *l, size_t variant, fp_engine *engine, lx_outcome *out, cJSON *entry) {
  fp_alloc a = fp_alloc_default();
  char *head = fp_engine_trace_json(engine, UINT32_MAX, 0);
  lx_trace t;
  int ok = lx_trace_open(&t, &a, head, l, variant);
  fp_string_free(head);
  lx_eval *e = ok ? lx_eval_new(&a, l, variant, &t) : NULL;
  ok = ok && e;
  cJSON_AddStringToObject(entry, "end", t.end ? t.end : "internal");
  cJSON_AddNumberToObject(entry, "events", t.events);
  for (uint32_t first = 0; ok && first < t.events; first += LX_CHUNK) {
    char *text = fp_engine_trace_json(engine, first, LX_CHUNK);
    cJSON *chunk = text ? cJSON_Parse(text) : NULL;
    fp_string_free(text);
    const cJSON *events = cJSON_GetObjectItemCaseSensitive(chunk, "events");
    ok = cJSON_IsArray(events);
    for (const cJSON *json = ok ? events->child : NULL; ok && json; json = json->next) {
      lx_event ev;
      ok = lx_trace_event(&t, json, &ev) && lx_eval_event(e, &ev);
      if (strcmp(ev.kind, "run_end") == 0) note_end(entry, json);
    }
    cJSON_Delete(chunk);
  }
  if (ok) lx_eval_finish(e, out);
  lx_eval_free(e);
  lx_trace_close(&t);
  return ok;
}

/* Every goal fails in this variant: the check itself ran out of memory. */
static void all_failed(const fp_lesson *l, size_t variant, lx_outcome *out) {
  for (size_t i = 0; i < l->goal_count; i++) {
    memset(&out[i], 0, sizeof out[i]);
    out[i].applies = !l->goals[i].variants || l->goals[i].variants[variant];
    out[i].step = -1;
    out[i].reason = "lesson.reason.no_memory";
  }
}

/* Adds goal i's results (one per variant run) to the report; returns 1 passed, 0 failed,
 * -1 skipped (no variant run applies). */
static int goal_results(cJSON *goals, const fp_lesson *l, size_t i, const lx_outcome *outcomes, size_t runs,
                        const fp_run *run, const fp_text *t, fp_alloc *a, const char *locale) {
  const lx_goal *g = &l->goals[i];
  cJSON *o = cJSON_CreateObject();
  if (!o) return 0;
  cJSON_AddItemToArray(goals, o);
  cJSON_AddStringToObject(o, "id", g->id);
  cJSON_AddStringToObject(o, "check", lx_check_name(g->check));
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(g->text, locale);
  if (!cJSON_IsString(text) || !text->valuestring[0]) text = cJSON_GetObjectItemCaseSensitive(g->text, "en");
  cJSON_AddStringToObject(o, "text", cJSON_IsString(text) ? text->valuestring : g->id);
  cJSON *results = cJSON_CreateArray();
  int applied = 0, passed = 1;
  for (size_t k = 0; results && k < runs; k++) {
    const lx_outcome *out = &outcomes[k * l->goal_count + i];
    if (!out->applies) continue;
    applied = 1;
    passed &= out->passed;
    cJSON *r = cJSON_CreateObject();
    if (!r) break;
    cJSON_AddItemToArray(results, r);
    cJSON_AddStringToObject(r, "variant", fp_run_variant(run, k));
    cJSON_AddBoolToObject(r, "passed", out->passed);
    if (out->step >= 0) cJSON_AddNumberToObject(r, "step", (double)out->step);
    else cJSON_AddNullToObject(r, "step");
    if (!out->passed && out->reason) {
      cJSON *reason = lx_reason_json(t, a, out, locale);
      if (reason && !cJSON_AddItemToObject(r, "reason", reason)) cJSON_Delete(reason);
    }
  }
  if (applied) cJSON_AddBoolToObject(o, "passed", passed);
  else cJSON_AddNullToObject(o, "passed");
  if (results && !cJSON_AddItemToObject(o, "results", results)) cJSON_Delete(results);
  return applied ? passed : -1;
}

/* Runs every variant of `run` and adds the variants and goals to the report. */
static void run_and_report(fp_lesson_report *report, const fp_lesson *l, fp_run *run, const char *locale) {
  size_t runs = fp_run_count(run);
  lx_outcome *outcomes = calloc(runs * l->goal_count + 1, sizeof *outcomes);
  cJSON *variants = cJSON_AddArrayToObject(report->doc, "variants");
  cJSON *goals = cJSON_AddArrayToObject(report->doc, "goals");
  fp_alloc a = fp_alloc_default();
  fp_text *t = fp_text_load_builtin(&a);
  if (!outcomes || !variants || !goals || !t) {
    free(outcomes);
    fp_text_free(t);
    lx_report_status(report, 3);
    return;
  }
  for (size_t k = 0; k < runs; k++) {
    const char *name = fp_run_variant(run, k);
    int v = fp_scenario_variant_find(l->scenario, name);
    size_t variant = v < 0 ? 0 : (size_t)v;
    cJSON *entry = cJSON_CreateObject();
    if (entry) {
      cJSON_AddItemToArray(variants, entry);
      cJSON_AddStringToObject(entry, "name", name);
    }
    fp_run_step(run, k, 0);
    if (!entry || !evaluate(l, variant, fp_run_engine(run, k), &outcomes[k * l->goal_count], entry))
      all_failed(l, variant, &outcomes[k * l->goal_count]);
  }
  int failed = 0, passed = 0;
  for (size_t i = 0; i < l->goal_count; i++) {
    int r = goal_results(goals, l, i, outcomes, runs, run, t, &a, locale);
    failed += r == 0;
    passed += r == 1;
  }
  cJSON_AddNumberToObject(report->doc, "passed", passed);
  cJSON_AddNumberToObject(report->doc, "failed", failed);
  lx_report_status(report, failed ? 1 : 0);
  fp_text_free(t);
  free(outcomes);
}

/* A report of one diagnostic without a location (an unknown variant). */
static void unknown_variant(fp_lesson_report *report, const fp_lesson *l, const char *variant, const char *locale) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  char names[512];
  size_t n = 0;
  names[0] = 0;
  for (size_t i = 0; i < fp_scenario_variant_count(l->scenario) && n < sizeof names; i++) {
    int w = snprintf(names + n, sizeof names - n, "%s\"%s\"", i ? ", " : "", fp_scenario_variant_name(l->scenario, i));
    if (w > 0) n += (size_t)w;
  }
  fp_diag_report(&d, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, "lesson.check.unknown_variant", "name", variant, "names",
                 names, (const char *)NULL);
  lx_report_diagnostics(report, lx_diags_json(&d, locale));
  fp_diags_free(&d);
}

fp_lesson_report *fp_lesson_check(const fp_lesson *l, const fp_lesson_check_request *q) {
  fp_lesson_check_request none;
  memset(&none, 0, sizeof none);
  if (!q) q = &none;
  const char *locale = q->locale ? q->locale : "en";
  const char *solution = q->solution_name ? q->solution_name : "solution.c";
  fp_lesson_report *report = lx_report_new(l ? l->id : "", solution, locale, 3);
  if (!report) return NULL;
  if (!l || !l->valid) {
    lx_report_diagnostics(report, l ? lx_diags_json(&l->diags, locale) : NULL);
    return report;
  }
  if (q->variant && fp_scenario_variant_find(l->scenario, q->variant) < 0) {
    unknown_variant(report, l, q->variant, locale);
    return report;
  }
  sources s = { l, q };
  fp_run_request rq;
  memset(&rq, 0, sizeof rq);
  rq.scenario_name = l->file_name;
  rq.scenario_json = l->scenario_text;
  rq.scenario_length = l->scenario_length;
  rq.source = source;
  rq.user = &s;
  rq.variant = q->variant;
  rq.all_variants = q->variant == NULL;
  fp_run *run = fp_run_open(&rq);
  if (!run) {
    fp_lesson_report_free(report);
    return NULL;
  }
  fp_run_status status = fp_run_status_of(run);
  lx_report_diagnostics(report, run_diagnostics(run, l, solution, locale));
  if (status == FP_RUN_OK) run_and_report(report, l, run, locale);
  else lx_report_status(report, status == FP_RUN_NO_COMPILE ? 2 : 3);
  fp_run_close(run);
  return report;
}
