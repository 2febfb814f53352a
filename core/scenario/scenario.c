/* scenario.c: the scenario format, version 1 (docs/scenario-format.md): reading, checking and
 * building into an engine. One walk over a document does both: with no engine it only checks;
 * with one it also adds what it reads, and an engine's refusal is reported at the JSON path of
 * the value that caused it. */
#include "fltplay/scenario.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "fltplay/fltplay.h"
#include "nt/nt.h"
#include "scenario/content.h"
#include "scenario/merge.h"
#include "scenario/reader.h"

struct fp_scenario {
  fp_alloc own_alloc;
  fp_alloc *alloc;
  char *file_name;
  char *text;
  size_t length;
  cJSON *base;
  char *name;
  size_t variant_count;
  char **variant_names;
  cJSON **docs;               /* the merged document of each variant */
  char **sources;
  size_t source_count;
  fp_scenario_budgets *budgets;
};


static const char *const top_fields[] = { "format", "version", "name", "description", "seed", "quantum",
                                          "worker_threads", "verifier", "memory", "completion", "io", "budgets",
                                          "files", "filters", "threads", "faults", "variants", NULL };

/* ---- Configuration ---------------------------------------------------------------------------- */

static const char *const answer_names[] = { "break", "ignore", "zap", "remove", NULL };

static void read_verifier(rd *r, const cJSON *doc, build *b) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "verifier");
  b->config.verifier = 1;
  if (!v) return;
  if (cJSON_IsBool(v)) {
    b->config.verifier = cJSON_IsTrue(v);
    return;
  }
  rd_push_key(r, "verifier");
  static const char *const fields[] = { "enabled", "force_irql_checking", "answers", NULL };
  if (rd_check_object(r, v, fields)) {
    rd_bool(r, v, "enabled", 1, &b->config.verifier);
    rd_bool(r, v, "force_irql_checking", 0, &b->config.force_irql_checking);
    const cJSON *answers = cJSON_GetObjectItemCaseSensitive(v, "answers");
    if (answers && !cJSON_IsObject(answers)) {
      rd_push_key(r, "answers");
      rd_error(r, "scenario.expected", "expected", "an object of rule IDs and answers", "found",
               "another kind of value", (const char *)NULL);
      rd_pop(r);
    }
  }
  rd_pop(r);
}

/* The answers of $.verifier.answers, checked; applied when building. */
static void read_answers(rd *r, const cJSON *doc, build *b) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "verifier");
  const cJSON *answers = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "answers") : NULL;
  if (!cJSON_IsObject(answers)) return;
  rd_push_key(r, "verifier");
  rd_push_key(r, "answers");
  for (const cJSON *m = answers->child; m; m = m->next) {
    if (strcmp(m->string, "$comment") == 0) continue;
    if (!fp_rule_exists(m->string)) {
      rd_push_key(r, m->string);
      rd_error(r, "scenario.unknown_rule", "rule", m->string, (const char *)NULL);
      rd_pop(r);
      continue;
    }
    int answer;
    if (!rd_enum(r, answers, m->string, answer_names, 0, &answer)) continue;
    if (b->engine && fp_engine_set_verifier_answer(b->engine, m->string, (fp_verifier_answer)answer) != FP_OK) {
      rd_push_key(r, m->string);
      sc_engine_error(r, b->engine);
      rd_pop(r);
    }
  }
  rd_pop(r);
  rd_pop(r);
}

const char *const sc_completion_names[] = { "default", "inline", "pending", NULL };

void sc_read_completion(rd *r, const cJSON *obj, const char *key, int *mode, uint32_t *delay) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  if (!v || cJSON_IsString(v)) {
    rd_enum(r, obj, key, sc_completion_names, *mode, mode);
    return;
  }
  rd_push_key(r, key);
  static const char *const fields[] = { "mode", "delay", NULL };
  if (rd_check_object(r, v, fields)) {
    rd_enum(r, v, "mode", sc_completion_names, *mode, mode);
    rd_u32(r, v, "delay", 1000000, *delay, delay);
  }
  rd_pop(r);
}

static void read_config(rd *r, const cJSON *doc, build *b) {
  rd_u64(r, doc, "seed", UINT64_MAX, 1, &b->config.seed);
  rd_u32(r, doc, "quantum", 100000, 0, &b->config.quantum);
  rd_u32(r, doc, "worker_threads", 4, 0, &b->config.worker_threads);
  read_verifier(r, doc, b);
  const cJSON *mem = cJSON_GetObjectItemCaseSensitive(doc, "memory");
  if (mem) {
    rd_push_key(r, "memory");
    static const char *const fields[] = { "pressure", "pool_bytes", NULL };
    if (rd_check_object(r, mem, fields)) {
      rd_bool(r, mem, "pressure", 0, &b->config.memory_pressure);
      rd_u32(r, mem, "pool_bytes", 1024u * 1024u * 1024u, 0, &b->config.max_pool_bytes);
    }
    rd_pop(r);
  }
  const cJSON *budgets = cJSON_GetObjectItemCaseSensitive(doc, "budgets");
  if (budgets) {
    rd_push_key(r, "budgets");
    static const char *const fields[] = { "events", "steps", "call_depth", "heap_bytes", "source_bytes", NULL };
    if (rd_check_object(r, budgets, fields)) {
      rd_u32(r, budgets, "events", 5000000, 0, &b->budgets.events);
      rd_u32(r, budgets, "steps", 100000000, 0, &b->budgets.steps);
      rd_u32(r, budgets, "call_depth", 10000, 0, &b->budgets.call_depth);
      rd_u32(r, budgets, "heap_bytes", 256u * 1024u * 1024u, 0, &b->budgets.heap_bytes);
      rd_u32(r, budgets, "source_bytes", 4u * 1024u * 1024u, 0, &b->budgets.source_bytes);
    }
    rd_pop(r);
  }
  b->config.max_events = b->budgets.events;
}

/* ---- Faults ----------------------------------------------------------------------------------- */

static const char *const fault_kinds[] = { "fail_allocation", "fail_work_item", "unload", "detach", NULL };

/* Reads a fault's reference to an entry of $.<list> by name; -1 when invalid. */
static int read_reference(rd *r, const cJSON *doc, const cJSON *obj, const char *key, const char *list,
                          const char *what) {
  const char *name;
  if (!rd_string(r, obj, key, 1, &name) || !name) return -1;
  int index = sc_find_named(cJSON_GetObjectItemCaseSensitive(doc, list), name);
  if (index < 0) {
    rd_push_key(r, key);
    rd_error(r, "scenario.unknown_name", "what", what, "name", name, (const char *)NULL);
    rd_pop(r);
  }
  return index;
}

/* Allocation faults go into the configuration, so they are read before the engine exists. */
static void read_allocation_faults(rd *r, const cJSON *doc, build *b) {
  const cJSON *faults = cJSON_GetObjectItemCaseSensitive(doc, "faults");
  if (!faults) return;
  rd_push_key(r, "faults");
  if (!cJSON_IsArray(faults)) {
    rd_error(r, "scenario.expected", "expected", "an array of faults", "found", "another kind of value",
             (const char *)NULL);
    rd_pop(r);
    return;
  }
  int i = 0;
  for (const cJSON *f = faults->child; f; f = f->next, i++) {
    rd_push_index(r, i);
    static const char *const fields[] = { "kind", "nth", "filter", "at", "during", NULL };
    int kind = -1;
    if (rd_check_object(r, f, fields)) {
      if (!cJSON_GetObjectItemCaseSensitive(f, "kind")) rd_error(r, "scenario.missing", "field", "kind", (const char *)NULL);
      else rd_enum(r, f, "kind", fault_kinds, -1, &kind);
    }
    if (kind == 0 || kind == 1) {
      uint32_t nth = 0;
      if (!cJSON_GetObjectItemCaseSensitive(f, "nth")) rd_error(r, "scenario.missing", "field", "nth", (const char *)NULL);
      else if (rd_u32(r, f, "nth", 1000000, 0, &nth) && nth == 0) {
        rd_push_key(r, "nth");
        rd_error(r, "scenario.expected", "expected", "a count from 1", "found", "0", (const char *)NULL);
        rd_pop(r);
      }
      if (kind == 0) b->config.fail_pool_allocation = nth;
      else b->config.fail_work_item_allocation = nth;
    }
    rd_pop(r);
  }
  rd_pop(r);
}

/* Unload and detach actions: at a time or while an operation is in flight. */
static void read_control_faults(rd *r, const cJSON *doc, build *b) {
  const cJSON *faults = cJSON_GetObjectItemCaseSensitive(doc, "faults");
  if (!cJSON_IsArray(faults)) return;
  rd_push_key(r, "faults");
  int i = 0;
  for (const cJSON *f = faults->child; f; f = f->next, i++) {
    int kind = -1;
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(f, "kind");
    if (cJSON_IsString(k)) kind = strcmp(k->valuestring, "unload") == 0 ? 2 : strcmp(k->valuestring, "detach") == 0 ? 3 : -1;
    if (kind < 0) continue;
    rd_push_index(r, i);
    fp_control_desc c = { kind == 2 ? FP_CONTROL_UNLOAD : FP_CONTROL_DETACH, -1, -1, -1, 0 };
    c.driver = read_reference(r, doc, f, "filter", "filters", "filter");
    const cJSON *during = cJSON_GetObjectItemCaseSensitive(f, "during");
    int has_at = cJSON_GetObjectItemCaseSensitive(f, "at") != NULL;
    int ok = c.driver >= 0;
    if (during && has_at) {
      rd_error(r, "scenario.either", "first", "at", "second", "during", (const char *)NULL);
      ok = 0;
    } else if (during) {
      rd_push_key(r, "during");
      static const char *const fields[] = { "thread", "op", NULL };
      if (rd_check_object(r, during, fields)) {
        int thread = read_reference(r, doc, during, "thread", "threads", "thread");
        uint32_t op = 0;
        if (!cJSON_GetObjectItemCaseSensitive(during, "op")) {
          rd_error(r, "scenario.missing", "field", "op", (const char *)NULL);
          ok = 0;
        } else if (!rd_u32(r, during, "op", FP_ENGINE_MAX_THREAD_OPS - 1, 0, &op)) {
          ok = 0;
        } else if (thread >= 0) {
          const cJSON *threads = cJSON_GetObjectItemCaseSensitive(doc, "threads");
          const cJSON *ops = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(threads, thread), "ops");
          if ((int)op >= cJSON_GetArraySize(ops)) {
            char count[24];
            snprintf(count, sizeof count, "%d", cJSON_GetArraySize(ops));
            rd_push_key(r, "op");
            rd_error(r, "scenario.no_such_op", "count", count, (const char *)NULL);
            rd_pop(r);
            ok = 0;
          }
        }
        if (thread < 0) ok = 0;
        c.thread = thread;
        c.op = (int)op;
      } else {
        ok = 0;
      }
      rd_pop(r);
    } else {
      uint64_t at = 0;
      if (!has_at) {
        rd_error(r, "scenario.missing", "field", "at", (const char *)NULL);
        ok = 0;
      } else if (!rd_u64(r, f, "at", 1000000000, 0, &at)) {
        ok = 0;
      }
      c.time = at;
    }
    if (ok && b->engine) {
      c.driver = b->driver_ids[c.driver];
      if (c.thread >= 0) c.thread = b->thread_ids[c.thread];
      if (fp_engine_add_control(b->engine, &c) != FP_OK) sc_engine_error(r, b->engine);
    }
    rd_pop(r);
  }
  rd_pop(r);
}

/* ---- One document ----------------------------------------------------------------------------- */

/* Reads the format header; 0 when the document is not a scenario this core reads. */
static int read_header(rd *r, const cJSON *doc) {
  if (!rd_check_object(r, doc, top_fields)) {
    if (!cJSON_IsObject(doc)) return 0;
  }
  const char *format;
  uint32_t version = 0;
  if (!rd_string(r, doc, "format", 1, &format)) return 0;
  if (strcmp(format, "fltplay-scenario") != 0) {
    rd_push_key(r, "format");
    rd_error(r, "scenario.expected", "expected", "\"fltplay-scenario\"", "found", format, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  if (!cJSON_GetObjectItemCaseSensitive(doc, "version")) {
    rd_error(r, "scenario.missing", "field", "version", (const char *)NULL);
    return 0;
  }
  if (!rd_u32(r, doc, "version", UINT32_MAX, 0, &version)) return 0;
  if (version != FP_SCENARIO_VERSION) {
    char found[16], supported[16];
    snprintf(found, sizeof found, "%u", version);
    snprintf(supported, sizeof supported, "%d", FP_SCENARIO_VERSION);
    rd_push_key(r, "version");
    rd_error(r, "scenario.bad_version", "found", found, "supported", supported, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  const char *name, *description;
  rd_string(r, doc, "name", 0, &name);
  rd_string(r, doc, "description", 0, &description);
  return 1;
}

/* Walks one document: checks it, and builds it into b->engine when the host asked for one. */
static void walk(rd *r, const cJSON *doc, build *b, int create_engine) {
  size_t errors = r->errors;
  /* A variant's patch may bring fields of its own: they are checked in the merged document. */
  if (r->variant && !create_engine) rd_check_object(r, doc, top_fields);
  read_config(r, doc, b);
  read_allocation_faults(r, doc, b);
  int mode = 0;
  uint32_t delay = 0;
  sc_read_completion(r, doc, "completion", &mode, &delay);
  if (r->errors != errors) return;
  if (create_engine) {
    b->engine = fp_engine_new(&b->config);
    if (!b->engine) {
      rd_error(r, "scenario.no_memory", (const char *)NULL);
      return;
    }
    if (mode && fp_engine_set_completion(b->engine, (fp_completion)mode, delay) != FP_OK) {
      rd_push_key(r, "completion");
      sc_engine_error(r, b->engine);
      rd_pop(r);
    }
  }
  read_answers(r, doc, b);
  sc_read_files(r, doc, b);
  sc_read_filters(r, doc, b);
  if (r->errors != errors) return;
  sc_read_threads(r, doc, b);
  if (r->errors != errors) return;
  read_control_faults(r, doc, b);
}

/* ---- The scenario ----------------------------------------------------------------------------- */

static char *copy_string(fp_scenario *s, const char *text) { return fp_strdup(s->alloc, text ? text : ""); }

/* Adds the sources of `doc`'s filters to s->sources (once each); 0 when memory runs out. */
static int collect_sources(fp_scenario *s, const cJSON *doc) {
  const cJSON *filters = cJSON_GetObjectItemCaseSensitive(doc, "filters");
  for (const cJSON *f = cJSON_IsArray(filters) ? filters->child : NULL; f; f = f->next) {
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(f, "source");
    if (!cJSON_IsString(src)) continue;
    int seen = 0;
    for (size_t i = 0; i < s->source_count; i++) seen |= strcmp(s->sources[i], src->valuestring) == 0;
    if (seen) continue;
    char **grown = fp_realloc(s->alloc, s->sources, (s->source_count + 1) * sizeof *grown);
    if (!grown) return 0;
    s->sources = grown;
    if (!(s->sources[s->source_count] = copy_string(s, src->valuestring))) return 0;
    s->source_count++;
  }
  return 1;
}

/* Reads $.variants into merged documents; 0 on a mistake or when memory runs out. */
static int read_variants(fp_scenario *s, rd *r) {
  const cJSON *variants = cJSON_GetObjectItemCaseSensitive(s->base, "variants");
  size_t count = variants ? (size_t)cJSON_GetArraySize(variants) : 0;
  if (variants && (!cJSON_IsArray(variants) || count == 0)) {
    rd_push_key(r, "variants");
    rd_error(r, "scenario.expected", "expected", "a non-empty array of variants", "found",
             cJSON_IsArray(variants) ? "an empty array" : "another kind of value", (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  size_t n = count ? count : 1;
  s->variant_names = fp_calloc(s->alloc, n, sizeof *s->variant_names);
  s->docs = fp_calloc(s->alloc, n, sizeof *s->docs);
  s->budgets = fp_calloc(s->alloc, n, sizeof *s->budgets);
  if (!s->variant_names || !s->docs || !s->budgets) return 0;
  s->variant_count = n;
  cJSON *base = cJSON_Duplicate(s->base, 1);
  if (!base) return 0;
  cJSON_DeleteItemFromObjectCaseSensitive(base, "variants");
  if (!count) {
    s->docs[0] = base;
    return (s->variant_names[0] = copy_string(s, "default")) != NULL;
  }
  rd_push_key(r, "variants");
  int i = 0, ok = 1;
  for (const cJSON *v = variants->child; v; v = v->next, i++) {
    rd_push_index(r, i);
    static const char *const fields[] = { "name", "description", "patch", NULL };
    const char *name = NULL, *description;
    if (rd_check_object(r, v, fields) && rd_string(r, v, "name", 1, &name) && name &&
        rd_string(r, v, "description", 0, &description)) {
      if (sc_find_named(variants, name) != i) {
        rd_push_key(r, "name");
        rd_error(r, "scenario.duplicate", "what", "variant", "name", name, (const char *)NULL);
        rd_pop(r);
        ok = 0;
      }
      const cJSON *patch = cJSON_GetObjectItemCaseSensitive(v, "patch");
      if (patch && !cJSON_IsObject(patch)) {
        rd_push_key(r, "patch");
        rd_error(r, "scenario.expected", "expected", "an object (a JSON Merge Patch of the scenario)", "found",
                 "another kind of value", (const char *)NULL);
        rd_pop(r);
        ok = 0;
      } else if (patch && (cJSON_GetObjectItemCaseSensitive(patch, "variants") ||
                           cJSON_GetObjectItemCaseSensitive(patch, "format") ||
                           cJSON_GetObjectItemCaseSensitive(patch, "version"))) {
        rd_push_key(r, "patch");
        rd_error(r, "scenario.patch_header", (const char *)NULL);
        rd_pop(r);
        ok = 0;
      } else {
        s->docs[i] = patch ? sc_merge_patch(base, patch) : cJSON_Duplicate(base, 1);
        if (!s->docs[i] || !(s->variant_names[i] = copy_string(s, name))) {
          rd_pop(r);
          rd_pop(r);
          cJSON_Delete(base);
          return 0;
        }
      }
    } else {
      ok = 0;
    }
    rd_pop(r);
  }
  rd_pop(r);
  cJSON_Delete(base);
  return ok;
}

fp_scenario *fp_scenario_parse(fp_alloc *alloc, const char *file_name, const char *json, size_t length,
                               fp_diags *diags) {
  if (!json || !diags) return NULL;
  size_t errors_before = diags->errors;
  build b;
  memset(&b, 0, sizeof b);
  cJSON *base = NULL;
  const cJSON *variants = NULL;
  fp_alloc fallback = fp_alloc_default();
  fp_scenario *s = fp_calloc(alloc ? alloc : &fallback, 1, sizeof *s);
  if (!s) {
    fp_diag_report(diags, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, "scenario.no_memory", (const char *)NULL);
    return NULL;
  }
  s->own_alloc = fallback;
  s->alloc = alloc ? alloc : &s->own_alloc;
  rd r;
  memset(&r, 0, sizeof r);
  r.diags = diags;
  r.file = fp_diags_add_file(diags, file_name ? file_name : "scenario.json");
  r.text = json;
  r.length = length;
  r.variant_index = -1;
  s->file_name = copy_string(s, file_name ? file_name : "scenario.json");
  s->text = fp_strndup(s->alloc, json, length);
  s->length = length;
  if (!s->file_name || !s->text) goto fail;
  const char *end = NULL;
  s->base = cJSON_ParseWithLengthOpts(json, length, &end, 0);
  if (!s->base) {
    fp_span span = { r.file, 1, 1, 0, 0 };
    sc_json_error_position(json, length, end, &span.line, &span.col);
    span.end_line = span.line;
    span.end_col = span.col;
    fp_diag_report(diags, FP_SEV_ERROR, span, "scenario.bad_json", (const char *)NULL);
    goto fail;
  }
  if (!read_header(&r, s->base)) goto fail;
  const cJSON *name = cJSON_GetObjectItemCaseSensitive(s->base, "name");
  if (!(s->name = copy_string(s, cJSON_IsString(name) ? name->valuestring : ""))) goto fail;
  base = cJSON_Duplicate(s->base, 1);
  if (!base) goto fail;
  cJSON_DeleteItemFromObjectCaseSensitive(base, "variants");
  walk(&r, base, &b, 0);
  cJSON_Delete(base);
  if (r.errors) goto fail;
  if (!read_variants(s, &r)) goto fail;
  variants = cJSON_GetObjectItemCaseSensitive(s->base, "variants");
  for (size_t i = 0; i < s->variant_count; i++) {
    memset(&b, 0, sizeof b);
    r.variant = variants ? s->variant_names[i] : NULL;
    r.variant_index = (int)i;
    walk(&r, s->docs[i], &b, 0);
    s->budgets[i] = b.budgets;
    if (!collect_sources(s, s->docs[i])) goto fail;
  }
  if (r.errors) goto fail;
  return s;
fail:
  if (diags->errors == errors_before) fp_diag_report(diags, FP_SEV_ERROR, (fp_span){ r.file, 0, 0, 0, 0 }, "scenario.no_memory", (const char *)NULL);
  fp_scenario_free(s);
  return NULL;
}

void fp_scenario_free(fp_scenario *s) {
  if (!s) return;
  fp_alloc *a = s->alloc;
  for (size_t i = 0; i < s->variant_count; i++) {
    fp_free(a, s->variant_names ? s->variant_names[i] : NULL);
    if (s->docs) cJSON_Delete(s->docs[i]);
  }
  for (size_t i = 0; i < s->source_count; i++) fp_free(a, s->sources[i]);
  fp_free(a, s->sources);
  fp_free(a, s->variant_names);
  fp_free(a, s->docs);
  fp_free(a, s->budgets);
  fp_free(a, s->name);
  fp_free(a, s->file_name);
  fp_free(a, s->text);
  cJSON_Delete(s->base);
  fp_free(a, s);
}

const char *fp_scenario_name(const fp_scenario *s) { return s ? s->name : ""; }

size_t fp_scenario_variant_count(const fp_scenario *s) { return s ? s->variant_count : 0; }

const char *fp_scenario_variant_name(const fp_scenario *s, size_t i) {
  return s && i < s->variant_count ? s->variant_names[i] : NULL;
}

int fp_scenario_variant_find(const fp_scenario *s, const char *name) {
  for (size_t i = 0; s && name && i < s->variant_count; i++)
    if (strcmp(s->variant_names[i], name) == 0) return (int)i;
  return -1;
}

size_t fp_scenario_source_count(const fp_scenario *s) { return s ? s->source_count : 0; }

const char *fp_scenario_source(const fp_scenario *s, size_t i) {
  return s && i < s->source_count ? s->sources[i] : NULL;
}

fp_status fp_scenario_budgets_of(const fp_scenario *s, size_t variant, fp_scenario_budgets *out) {
  if (!s || !out || variant >= s->variant_count) return FP_ERR_ARGUMENT;
  *out = s->budgets[variant];
  return FP_OK;
}

fp_engine *fp_scenario_build(const fp_scenario *s, size_t variant, fp_scenario_driver_fn add_driver, void *user,
                             fp_diags *diags) {
  if (!s || !add_driver || !diags || variant >= s->variant_count) return NULL;
  const cJSON *doc = s->docs[variant];
  rd r;
  memset(&r, 0, sizeof r);
  r.diags = diags;
  r.file = fp_diags_add_file(diags, s->file_name);
  r.text = s->text;
  r.length = s->length;
  r.variant = cJSON_GetObjectItemCaseSensitive(s->base, "variants") ? s->variant_names[variant] : NULL;
  r.variant_index = (int)variant;
  build b;
  memset(&b, 0, sizeof b);
  b.add_driver = add_driver;
  b.user = user;
  int filters = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "filters"));
  int threads = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "threads"));
  b.driver_ids = fp_calloc(s->alloc, (size_t)filters + 1, sizeof *b.driver_ids);
  b.thread_ids = fp_calloc(s->alloc, (size_t)threads + 1, sizeof *b.thread_ids);
  if (b.driver_ids && b.thread_ids) {
    walk(&r, doc, &b, 1);
  } else {
    rd_error(&r, "scenario.no_memory", (const char *)NULL);
  }
  fp_free(s->alloc, b.driver_ids);
  fp_free(s->alloc, b.thread_ids);
  if (r.errors) {
    fp_engine_free(b.engine);
    return NULL;
  }
  return b.engine;
}
