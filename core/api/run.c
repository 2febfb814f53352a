/* run.c: one run as every host does it (fltplay/run.h): scenario or default scenario,
 * compilation of each source once, one engine per chosen variant. */
#include "fltplay/run.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/diag.h"
#include "fltplay/fltplay.h"
#include "fltplay/lang.h"
#include "fltplay/scenario.h"
#include "text/text.h"

typedef struct source {
  char *name;
  char *text;            /* from the host's callback (free()) */
  size_t length;
  fp_program *program;   /* NULL when it did not compile */
} source;

struct fp_run {
  fp_alloc alloc;
  fp_diags diags;
  fp_run_status status;
  fp_scenario *scenario;
  char *default_json;    /* the default scenario (a driver alone), from cJSON (free()) */
  source *sources;
  size_t source_count;
  size_t count;          /* variants being run */
  size_t *variants;
  fp_engine **engines;
  fp_end_reason *ends;
};

static void fail(fp_run *r, fp_run_status status, const char *id, const char *name, const char *value) {
  fp_diag_report(&r->diags, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, id, name, value, (const char *)NULL);
  if (r->status < status) r->status = status;
}

/* Reads and compiles source `name` into r->sources (once); returns its index or -1. */
static int compile_source(fp_run *r, const fp_run_request *q, const char *name, const fp_lang_options *options) {
  for (size_t i = 0; i < r->source_count; i++)
    if (strcmp(r->sources[i].name, name) == 0) return r->sources[i].program ? (int)i : -1;
  source *grown = fp_realloc(&r->alloc, r->sources, (r->source_count + 1) * sizeof *grown);
  if (!grown) {
    fail(r, FP_RUN_BAD_INPUT, "run.no_memory", NULL, NULL);
    return -1;
  }
  r->sources = grown;
  source *s = &r->sources[r->source_count];
  memset(s, 0, sizeof *s);
  if (!(s->name = fp_strdup(&r->alloc, name))) {
    fail(r, FP_RUN_BAD_INPUT, "run.no_memory", NULL, NULL);
    return -1;
  }
  r->source_count++;
  const char *error = NULL;
  if (!q->source || !q->source(q->user, name, &s->text, &s->length, &error)) {
    fp_diag_report(&r->diags, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, "run.source_unreadable", "name", name,
                   "reason", error ? error : "no such source", (const char *)NULL);
    if (r->status < FP_RUN_BAD_INPUT) r->status = FP_RUN_BAD_INPUT;
    return -1;
  }
  fp_lang_status st = fp_lang_compile(&r->alloc, name, s->text, s->length, options, &r->diags, &s->program);
  if (st != FP_LANG_OK) {
    s->program = NULL;
    if (r->status < FP_RUN_NO_COMPILE) r->status = FP_RUN_NO_COMPILE;
    if (st == FP_LANG_NO_MEMORY && !r->diags.errors) fail(r, FP_RUN_NO_COMPILE, "run.no_memory", NULL, NULL);
    return -1;
  }
  return (int)(r->source_count - 1);
}

/* The scenario's callback: loads the compiled program of `src` as filter `name`. */
static fp_status add_driver(void *user, fp_engine *e, const char *src, const char *name, const char *altitude, int *id) {
  fp_run *r = user;
  for (size_t i = 0; i < r->source_count; i++)
    if (strcmp(r->sources[i].name, src) == 0 && r->sources[i].program)
      return fp_program_load(r->sources[i].program, e, name, altitude, id);
  return FP_ERR_ARGUMENT;
}

/* A filter name from a source's file name: "dir/deny_write.c" -> "deny_write". */
static void filter_name_of(const char *file, char *out, size_t cap) {
  const char *base = file;
  for (const char *p = file; *p; p++)
    if (*p == '/' || *p == '\\') base = p + 1;
  size_t n = 0;
  for (const char *p = base; *p && *p != '.' && n + 1 < cap; p++)
    out[n++] = (char)((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ? *p : '_');
  if (n == 0) out[n++] = 'F';
  out[n] = 0;
}

/* A driver alone: compile it, load it once to learn what it registers, make the default
 * scenario for that. */
static void default_scenario(fp_run *r, const fp_run_request *q, const fp_lang_options *options) {
  if (!q->driver) {
    fail(r, FP_RUN_BAD_INPUT, "run.nothing", NULL, NULL);
    return;
  }
  int index = compile_source(r, q, q->driver, options);
  if (index < 0 || q->compile_only) return;
  char name[64];
  filter_name_of(q->driver, name, sizeof name);
  fp_engine_config config = { 0 };
  config.seed = 1;
  config.verifier = 1;
  fp_engine *probe = fp_engine_new(&config);
  uint8_t majors[64];
  size_t count = 0;
  int id = -1;
  if (probe && fp_program_load(r->sources[index].program, probe, name, "370000", &id) == FP_OK) {
    fp_engine_run(probe, 0);
    count = fp_engine_registered_majors(probe, id, majors, sizeof majors);
    if (count > sizeof majors) count = sizeof majors;
  }
  fp_engine_free(probe);
  r->default_json = fp_scenario_default_json(q->driver, name, majors, count);
  if (!r->default_json) {
    fail(r, FP_RUN_BAD_INPUT, "run.no_memory", NULL, NULL);
    return;
  }
  r->scenario = fp_scenario_parse(&r->alloc, "(default scenario)", r->default_json, strlen(r->default_json), &r->diags);
  if (!r->scenario && r->status < FP_RUN_BAD_INPUT) r->status = FP_RUN_BAD_INPUT;
}

/* Chooses the variants to run into r->variants. */
static int choose_variants(fp_run *r, const fp_run_request *q) {
  size_t total = fp_scenario_variant_count(r->scenario);
  r->variants = fp_calloc(&r->alloc, total ? total : 1, sizeof *r->variants);
  if (!r->variants) return 0;
  if (q->all_variants) {
    for (size_t i = 0; i < total; i++) r->variants[i] = i;
    r->count = total;
  } else if (q->variant) {
    int v = fp_scenario_variant_find(r->scenario, q->variant);
    if (v < 0) {
      fp_buf names = fp_buf_make(&r->alloc);
      for (size_t i = 0; i < total; i++) fp_buf_printf(&names, "%s\"%s\"", i ? ", " : "", fp_scenario_variant_name(r->scenario, i));
      char *list = fp_buf_take(&names);
      fp_diag_report(&r->diags, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, "run.unknown_variant", "name", q->variant,
                     "names", list ? list : "", (const char *)NULL);
      fp_free(&r->alloc, list);
      r->status = FP_RUN_BAD_INPUT;
      return 1;
    }
    r->variants[0] = (size_t)v;
    r->count = 1;
  } else {
    r->variants[0] = 0;
    r->count = 1;
  }
  return 1;
}

fp_run *fp_run_open(const fp_run_request *q) {
  fp_run *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->alloc = fp_alloc_default();
  r->diags = fp_diags_make(&r->alloc);
  if (!q) {
    fail(r, FP_RUN_BAD_INPUT, "run.nothing", NULL, NULL);
    return r;
  }
  fp_lang_options options;
  memset(&options, 0, sizeof options);
  options.no_statement_events = q->no_statement_events;
  if (!q->scenario_json) {
    default_scenario(r, q, &options);
    if (r->status != FP_RUN_OK || q->compile_only) return r;
  } else {
    r->scenario = fp_scenario_parse(&r->alloc, q->scenario_name ? q->scenario_name : "scenario.json", q->scenario_json,
                                    q->scenario_length, &r->diags);
    if (!r->scenario) {
      r->status = FP_RUN_BAD_INPUT;
      return r;
    }
  }
  if (!choose_variants(r, q)) {
    fail(r, FP_RUN_BAD_INPUT, "run.no_memory", NULL, NULL);
    return r;
  }
  if (r->status != FP_RUN_OK) return r;
  /* The budgets that shape compilation come from the first variant run. */
  fp_scenario_budgets budgets;
  if (fp_scenario_budgets_of(r->scenario, r->variants[0], &budgets) == FP_OK) {
    options.max_source_bytes = budgets.source_bytes;
    options.max_call_depth = budgets.call_depth;
    options.max_vm_bytes = budgets.heap_bytes;
  }
  for (size_t i = 0; i < fp_scenario_source_count(r->scenario); i++)
    compile_source(r, q, fp_scenario_source(r->scenario, i), &options);
  if (r->status != FP_RUN_OK || q->compile_only) return r;
  r->engines = fp_calloc(&r->alloc, r->count, sizeof *r->engines);
  r->ends = fp_calloc(&r->alloc, r->count, sizeof *r->ends);
  if (!r->engines || !r->ends) {
    fail(r, FP_RUN_BAD_INPUT, "run.no_memory", NULL, NULL);
    r->count = 0;
    return r;
  }
  for (size_t i = 0; i < r->count; i++) {
    r->engines[i] = fp_scenario_build(r->scenario, r->variants[i], add_driver, r, &r->diags);
    if (!r->engines[i]) r->status = FP_RUN_BAD_INPUT;
  }
  if (r->status != FP_RUN_OK) {
    for (size_t i = 0; i < r->count; i++) fp_engine_free(r->engines[i]);
    r->count = 0;
  }
  return r;
}

void fp_run_close(fp_run *r) {
  if (!r) return;
  for (size_t i = 0; r->engines && i < r->count; i++) fp_engine_free(r->engines[i]);
  fp_free(&r->alloc, r->engines);
  fp_free(&r->alloc, r->ends);
  fp_free(&r->alloc, r->variants);
  for (size_t i = 0; i < r->source_count; i++) {
    fp_program_free(r->sources[i].program);
    free(r->sources[i].text);
    fp_free(&r->alloc, r->sources[i].name);
  }
  fp_free(&r->alloc, r->sources);
  fp_scenario_free(r->scenario);
  free(r->default_json);
  fp_diags_free(&r->diags);
  free(r);
}

fp_run_status fp_run_status_of(const fp_run *r) { return r ? r->status : FP_RUN_BAD_INPUT; }

/* Variants are chosen before the sources compile; they count once their engines exist. */
size_t fp_run_count(const fp_run *r) { return r && r->engines ? r->count : 0; }

const char *fp_run_variant(const fp_run *r, size_t i) {
  return i < fp_run_count(r) ? fp_scenario_variant_name(r->scenario, r->variants[i]) : NULL;
}

fp_engine *fp_run_engine(const fp_run *r, size_t i) { return i < fp_run_count(r) ? r->engines[i] : NULL; }

const char *fp_run_default_scenario(const fp_run *r) { return r ? r->default_json : NULL; }

fp_end_reason fp_run_step(fp_run *r, size_t i, uint32_t max_events) {
  if (i >= fp_run_count(r)) return FP_END_INTERNAL;
  if (r->ends[i] != FP_END_NONE) return r->ends[i];
  fp_end_reason end = fp_engine_run(r->engines[i], max_events);
  r->ends[i] = end;
  if (end != FP_END_NONE && (end != FP_END_COMPLETED || fp_engine_count_events(r->engines[i], "violation") > 0) &&
      r->status < FP_RUN_FAILED)
    r->status = FP_RUN_FAILED;
  return end;
}

/* Copies an fp_alloc string into a malloc'd one for fp_string_free. */
static char *to_host(fp_alloc *a, char *s) {
  char *out = NULL;
  if (s) {
    size_t n = strlen(s) + 1;
    if ((out = malloc(n)) != NULL) memcpy(out, s, n);
  }
  fp_free(a, s);
  return out;
}

char *fp_run_diagnostics(const fp_run *r, const char *locale) {
  if (!r) return NULL;
  fp_alloc a = fp_alloc_default();
  fp_text *text = fp_text_load_builtin(&a);
  fp_buf out = fp_buf_make(&a);
  for (size_t i = 0; text && i < r->diags.count; i++) {
    char *line = fp_text_render_diag(text, &a, &r->diags, &r->diags.items[i], locale ? locale : "en");
    if (line) fp_buf_printf(&out, "%s\n", line);
    fp_free(&a, line);
  }
  if (r->diags.dropped) fp_buf_printf(&out, "(%zu more diagnostics)\n", r->diags.dropped);
  fp_text_free(text);
  char *s = fp_buf_take(&out);
  if (s && !*s && !text) {
    fp_free(&a, s);
    return NULL;
  }
  return to_host(&a, s);
}

char *fp_run_diagnostics_json(const fp_run *r, const char *locale) {
  if (!r) return NULL;
  fp_alloc a = fp_alloc_default();
  fp_text *text = fp_text_load_builtin(&a);
  cJSON *list = cJSON_CreateArray();
  for (size_t i = 0; text && list && i < r->diags.count; i++) {
    const fp_diag *g = &r->diags.items[i];
    const char *names[FP_DIAG_MAX_PARAMS], *values[FP_DIAG_MAX_PARAMS];
    size_t n = 0;
    while (n < FP_DIAG_MAX_PARAMS && g->names[n]) {
      names[n] = g->names[n];
      values[n] = g->values[n];
      n++;
    }
    char *message = fp_text_render(text, &a, g->id, locale ? locale : "en", names, values, n);
    cJSON *d = cJSON_CreateObject();
    if (!d) break;
    cJSON_AddItemToArray(list, d);
    cJSON_AddStringToObject(d, "severity", fp_severity_name(g->severity));
    cJSON_AddStringToObject(d, "id", g->id);
    cJSON_AddStringToObject(d, "message", message ? message : g->id);
    fp_free(&a, message);
    if (g->span.file && g->span.file <= r->diags.file_count)
      cJSON_AddStringToObject(d, "file", r->diags.files[g->span.file - 1]);
    if (g->span.line) {
      cJSON_AddNumberToObject(d, "line", g->span.line);
      cJSON_AddNumberToObject(d, "column", g->span.col);
      cJSON_AddNumberToObject(d, "end_line", g->span.end_line);
      cJSON_AddNumberToObject(d, "end_column", g->span.end_col);
    }
  }
  fp_text_free(text);
  char *s = list ? cJSON_PrintUnformatted(list) : NULL;
  cJSON_Delete(list);
  return s;
}
