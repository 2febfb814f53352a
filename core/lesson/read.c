/* read.c: reading lesson.json (docs/lessons.md): the lesson's own fields, its scenario (read
 * by core/scenario in place, so that its mistakes carry the lesson's line and column) and,
 * through goals.c, its goals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson_int.h"
#include "lesson/read.h"
#include "scenario/jsonloc.h"

/* A lesson runs in at least this many variants (issue 6: a solution must be right in every
 * context, not only the one on screen). */
#define LX_MIN_VARIANTS 3

static const char *const top_fields[] = { "format", "version", "id", "title", "driver", "scenario",
                                          "goals", "subject", "hints", "links", NULL };

/* Checks the value at the current path as a text per locale. */
static int locale_value(rd *r, const cJSON *v) {
  static const char *const locales[] = { "en", "zh-Hans", "zh-Hant", NULL };
  if (!cJSON_IsObject(v)) return rd_check_object(r, v, locales);
  int ok = rd_check_object(r, v, locales);
  const char *text;
  for (int i = 0; locales[i]; i++) ok &= rd_string(r, v, locales[i], i == 0, &text);
  const cJSON *en = cJSON_GetObjectItemCaseSensitive(v, "en");
  if (cJSON_IsString(en) && !en->valuestring[0]) {
    rd_push_key(r, "en");
    rd_error(r, "lesson.empty", (const char *)NULL);
    rd_pop(r);
    ok = 0;
  }
  return ok;
}

int lx_read_locales(rd *r, const cJSON *parent, const char *key, int required) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(parent, key);
  if (!v) {
    if (!required) return 1;
    rd_error(r, "scenario.missing", "field", key, (const char *)NULL);
    return 0;
  }
  rd_push_key(r, key);
  int ok = locale_value(r, v);
  rd_pop(r);
  return ok;
}

void lx_unknown(rd *r, const char *id, const char *value) { rd_error(r, id, "name", value, (const char *)NULL); }

/* Calls `fn` on every definition of the scenario's array `key` ("filters", "threads"): the
 * base's and each variant patch's own. */
static void each_definition(const fp_lesson *l, const char *key, void (*fn)(void *, const cJSON *), void *user) {
  const cJSON *scenario = cJSON_GetObjectItemCaseSensitive(l->doc, "scenario");
  const cJSON *base = cJSON_GetObjectItemCaseSensitive(scenario, key);
  for (const cJSON *item = cJSON_IsArray(base) ? base->child : NULL; item; item = item->next) fn(user, item);
  const cJSON *variants = cJSON_GetObjectItemCaseSensitive(scenario, "variants");
  for (const cJSON *v = cJSON_IsArray(variants) ? variants->child : NULL; v; v = v->next) {
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(v, "patch"), key);
    for (const cJSON *item = cJSON_IsArray(list) ? list->child : NULL; item; item = item->next) fn(user, item);
  }
}

typedef struct named_search {
  const char *name;
  size_t length;
  const char *found;
  int ops;
} named_search;

static void match_name(void *user, const cJSON *item) {
  named_search *s = user;
  const cJSON *name = cJSON_GetObjectItemCaseSensitive(item, "name");
  if (!cJSON_IsString(name) || strlen(name->valuestring) != s->length || memcmp(name->valuestring, s->name, s->length) != 0)
    return;
  s->found = name->valuestring;
  int ops = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(item, "ops"));
  if (ops > s->ops) s->ops = ops;
}

const char *lx_scenario_filter(const fp_lesson *l, const char *name, size_t length) {
  named_search s = { name, length, NULL, 0 };
  each_definition(l, "filters", match_name, &s);
  return s.found;
}

int lx_scenario_thread_ops(const fp_lesson *l, const char *name) {
  named_search s = { name, strlen(name), NULL, 0 };
  each_definition(l, "threads", match_name, &s);
  return s.found ? s.ops : -1;
}

int lx_is_learner_filter(const fp_lesson *l, size_t variant, const char *name) {
  const cJSON *scenario = cJSON_GetObjectItemCaseSensitive(l->doc, "scenario");
  const cJSON *filters = cJSON_GetObjectItemCaseSensitive(scenario, "filters");
  const cJSON *variants = cJSON_GetObjectItemCaseSensitive(scenario, "variants");
  const cJSON *patch = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(variants, (int)variant), "patch");
  /* A merge patch replaces arrays whole (null removes them). */
  if (cJSON_GetObjectItemCaseSensitive(patch, "filters")) filters = cJSON_GetObjectItemCaseSensitive(patch, "filters");
  for (const cJSON *f = cJSON_IsArray(filters) ? filters->child : NULL; f; f = f->next) {
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(f, "name");
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(f, "source");
    if (cJSON_IsString(n) && cJSON_IsString(src) && strcmp(n->valuestring, name) == 0 &&
        strcmp(src->valuestring, l->driver) == 0)
      return 1;
  }
  return 0;
}

/* ---- The scenario, in place ------------------------------------------------------------------ */

/* The byte offset of 1-based `line` and `col` (columns count characters, as jsonloc.c does). */
static size_t offset_of(const char *text, size_t length, uint32_t line, uint32_t col) {
  uint32_t l = 1, c = 1;
  for (size_t i = 0; i < length; i++) {
    if (l == line && c == col) return i;
    if (text[i] == '\n') {
      l++;
      c = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      c++;
    }
  }
  return length;
}

/* The offset just past the object or array starting at `start` (the text is valid JSON). */
static size_t value_end(const char *s, size_t n, size_t start) {
  size_t depth = 0;
  for (size_t i = start; i < n; i++) {
    char ch = s[i];
    if (ch == '"') {
      for (i++; i < n && s[i] != '"'; i += s[i] == '\\' ? 2 : 1) {}
    } else if (ch == '{' || ch == '[') {
      depth++;
    } else if ((ch == '}' || ch == ']') && depth && --depth == 0) {
      return i + 1;
    }
  }
  return n;
}

/* The lesson's text with everything outside $.scenario blanked (newlines kept, one space per
 * character), so that the scenario reader's lines and columns are the lesson's. */
static int extract_scenario(fp_lesson *l) {
  sc_seg seg = { "scenario", -1 };
  uint32_t line, col;
  if (!sc_json_locate(l->text, l->length, &seg, 1, 0, &line, &col)) return 0;
  size_t start = offset_of(l->text, l->length, line, col);
  size_t end = value_end(l->text, l->length, start);
  char *out = fp_malloc(l->alloc, l->length + 1);
  if (!out) return 0;
  size_t n = 0;
  for (size_t i = 0; i < l->length; i++) {
    unsigned char ch = (unsigned char)l->text[i];
    if (i >= start && i < end) out[n++] = (char)ch;
    else if (ch == '\n') out[n++] = '\n';
    else if ((ch & 0xC0) != 0x80) out[n++] = ' ';
  }
  out[n] = 0;
  l->scenario_text = out;
  l->scenario_length = n;
  return 1;
}

/* The scenario reader names paths from its own root: "$.threads[0]" is "$.scenario.threads[0]". */
static void prefix_paths(fp_lesson *l, size_t from) {
  for (size_t i = from; i < l->diags.count; i++) {
    fp_diag *g = &l->diags.items[i];
    for (int k = 0; k < FP_DIAG_MAX_PARAMS && g->names[k]; k++) {
      if (strcmp(g->names[k], "path") != 0 || !g->values[k] || g->values[k][0] != '$') continue;
      size_t n = strlen(g->values[k]);
      char *path = fp_malloc(l->alloc, n + 10);
      if (!path) continue;
      memcpy(path, "$.scenario", 10);
      memcpy(path + 10, g->values[k] + 1, n);
      fp_free(l->alloc, g->values[k]);
      g->values[k] = path;
    }
  }
}

static void read_scenario(fp_lesson *l, rd *r) {
  const cJSON *scenario = cJSON_GetObjectItemCaseSensitive(l->doc, "scenario");
  if (!scenario) {
    rd_error(r, "scenario.missing", "field", "scenario", (const char *)NULL);
    return;
  }
  if (!cJSON_IsObject(scenario)) {
    rd_push_key(r, "scenario");
    rd_error(r, "scenario.expected", "expected", "a scenario object (docs/scenario-format.md)", "found",
             "another kind of value", (const char *)NULL);
    rd_pop(r);
    return;
  }
  if (!extract_scenario(l)) {
    rd_error(r, "lesson.no_memory", (const char *)NULL);
    return;
  }
  size_t before = l->diags.count;
  l->scenario = fp_scenario_parse(l->alloc, l->file_name, l->scenario_text, l->scenario_length, &l->diags);
  prefix_paths(l, before);
  if (!l->scenario) {
    if (l->diags.errors == 0) rd_error(r, "lesson.no_memory", (const char *)NULL);
    return;
  }
  rd_push_key(r, "scenario");
  size_t variants = fp_scenario_variant_count(l->scenario);
  if (variants < LX_MIN_VARIANTS) {
    char count[16], min[16];
    snprintf(count, sizeof count, "%zu", cJSON_GetObjectItemCaseSensitive(scenario, "variants") ? variants : 0);
    snprintf(min, sizeof min, "%d", LX_MIN_VARIANTS);
    if (cJSON_GetObjectItemCaseSensitive(scenario, "variants")) rd_push_key(r, "variants");
    rd_error(r, "lesson.few_variants", "min", min, "count", count, (const char *)NULL);
    if (cJSON_GetObjectItemCaseSensitive(scenario, "variants")) rd_pop(r);
  }
  rd_pop(r);
  int found = 0;
  size_t sources = fp_scenario_source_count(l->scenario);
  l->sources = fp_calloc(l->alloc, sources ? sources : 1, sizeof *l->sources);
  if (!l->sources) {
    rd_error(r, "lesson.no_memory", (const char *)NULL);
    return;
  }
  for (size_t i = 0; i < sources; i++) {
    const char *name = fp_scenario_source(l->scenario, i);
    if (strcmp(name, l->driver) == 0) found = 1;
    else l->sources[l->source_count++] = name;
  }
  if (!found) {
    int named = cJSON_GetObjectItemCaseSensitive(l->doc, "driver") != NULL;
    rd_push_key(r, named ? "driver" : "scenario");
    if (!named) rd_push_key(r, "filters");
    rd_error(r, "lesson.no_driver_filter", "driver", l->driver, (const char *)NULL);
    if (!named) rd_pop(r);
    rd_pop(r);
  }
}

/* ---- The lesson's own fields ------------------------------------------------------------------ */

/* 1 when `id` is lowercase letters, digits, '-' and '_', starting with a letter or digit. */
static int good_id(const char *id) {
  if (!id[0] || id[0] == '-' || id[0] == '_') return 0;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')) return 0;
  return strlen(id) <= 64;
}

static void read_id(fp_lesson *l, rd *r) {
  if (!rd_string(r, l->doc, "id", 1, &l->id) || !l->id) {
    l->id = "";
    return;
  }
  if (!good_id(l->id)) {
    rd_push_key(r, "id");
    rd_error(r, "lesson.bad_id", "id", l->id, (const char *)NULL);
    rd_pop(r);
  }
}

static int read_header(fp_lesson *l, rd *r) {
  const char *format;
  if (!rd_string(r, l->doc, "format", 1, &format)) return 0;
  if (strcmp(format, "fltplay-lesson") != 0) {
    rd_push_key(r, "format");
    rd_error(r, "scenario.expected", "expected", "\"fltplay-lesson\"", "found", format, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  uint32_t version = 0;
  if (!cJSON_GetObjectItemCaseSensitive(l->doc, "version")) {
    rd_error(r, "scenario.missing", "field", "version", (const char *)NULL);
    return 0;
  }
  if (!rd_u32(r, l->doc, "version", UINT32_MAX, 0, &version)) return 0;
  if (version != FP_LESSON_VERSION) {
    char found[16], supported[16];
    snprintf(found, sizeof found, "%u", version);
    snprintf(supported, sizeof supported, "%d", FP_LESSON_VERSION);
    rd_push_key(r, "version");
    rd_error(r, "lesson.bad_version", "found", found, "supported", supported, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  return 1;
}

static void read_hints_and_links(fp_lesson *l, rd *r) {
  const cJSON *hints = cJSON_GetObjectItemCaseSensitive(l->doc, "hints");
  if (hints && !cJSON_IsArray(hints)) {
    rd_push_key(r, "hints");
    rd_error(r, "scenario.expected", "expected", "an array of texts per locale", "found", "another kind of value",
             (const char *)NULL);
    rd_pop(r);
  }
  rd_push_key(r, "hints");
  int i = 0;
  for (const cJSON *h = cJSON_IsArray(hints) ? hints->child : NULL; h; h = h->next, i++) {
    rd_push_index(r, i);
    locale_value(r, h);
    rd_pop(r);
  }
  rd_pop(r);
  const cJSON *links = cJSON_GetObjectItemCaseSensitive(l->doc, "links");
  if (links && !cJSON_IsArray(links)) {
    rd_push_key(r, "links");
    rd_error(r, "scenario.expected", "expected", "an array of {title, url}", "found", "another kind of value",
             (const char *)NULL);
    rd_pop(r);
    return;
  }
  rd_push_key(r, "links");
  i = 0;
  for (const cJSON *k = cJSON_IsArray(links) ? links->child : NULL; k; k = k->next, i++) {
    static const char *const fields[] = { "title", "url", NULL };
    rd_push_index(r, i);
    const char *url = NULL;
    if (rd_check_object(r, k, fields) && lx_read_locales(r, k, "title", 1) && rd_string(r, k, "url", 1, &url) && url &&
        strncmp(url, "https://", 8) != 0) {
      rd_push_key(r, "url");
      rd_error(r, "lesson.bad_url", "url", url, (const char *)NULL);
      rd_pop(r);
    }
    rd_pop(r);
  }
  rd_pop(r);
}

/* $.subject: the goals that are the lesson's subject (the starter must fail them), by id. */
static void read_subject(fp_lesson *l, rd *r) {
  const cJSON *subject = cJSON_GetObjectItemCaseSensitive(l->doc, "subject");
  if (!subject) return;
  rd_push_key(r, "subject");
  if (!cJSON_IsArray(subject) || cJSON_GetArraySize(subject) == 0) {
    rd_error(r, "scenario.expected", "expected", "a non-empty array of goal ids", "found", "something else",
             (const char *)NULL);
    rd_pop(r);
    return;
  }
  int i = 0;
  for (const cJSON *id = subject->child; id; id = id->next, i++) {
    rd_push_index(r, i);
    int known = 0;
    for (size_t g = 0; cJSON_IsString(id) && g < l->goal_count; g++) known |= l->goals[g].id && strcmp(l->goals[g].id, id->valuestring) == 0;
    if (!cJSON_IsString(id)) {
      rd_error(r, "scenario.expected", "expected", "a goal id", "found", "another kind of value", (const char *)NULL);
    } else if (!known) {
      rd_error(r, "scenario.unknown_name", "what", "goal", "name", id->valuestring, (const char *)NULL);
    }
    rd_pop(r);
  }
  rd_pop(r);
}

fp_lesson *lx_lesson_parse(fp_alloc *alloc, const char *file_name, const char *json, size_t length) {
  fp_lesson *l = calloc(1, sizeof *l);
  if (!l) return NULL;
  l->own_alloc = fp_alloc_default();
  l->alloc = alloc ? alloc : &l->own_alloc;
  l->diags = fp_diags_make(l->alloc);
  l->id = "";
  l->driver = "driver.c";
  const char *name = file_name ? file_name : "lesson.json";
  l->file = fp_diags_add_file(&l->diags, name);
  l->file_name = fp_strdup(l->alloc, name);
  l->text = json ? fp_strndup(l->alloc, json, length) : NULL;
  l->length = json ? length : 0;
  if (!l->file_name || !l->text) {
    fp_diag_report(&l->diags, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, "lesson.no_memory", (const char *)NULL);
    return l;
  }
  const char *end = NULL;
  l->doc = cJSON_ParseWithLengthOpts(l->text, l->length, &end, 0);
  if (!l->doc) {
    fp_span span = { l->file, 1, 1, 0, 0 };
    sc_json_error_position(l->text, l->length, end, &span.line, &span.col);
    span.end_line = span.line;
    span.end_col = span.col;
    fp_diag_report(&l->diags, FP_SEV_ERROR, span, "lesson.bad_json", (const char *)NULL);
    return l;
  }
  rd r;
  memset(&r, 0, sizeof r);
  r.diags = &l->diags;
  r.file = l->file;
  r.text = l->text;
  r.length = l->length;
  r.variant_index = -1;
  rd_check_object(&r, l->doc, top_fields);
  if (!cJSON_IsObject(l->doc) || !read_header(l, &r)) return l;
  read_id(l, &r);
  lx_read_locales(&r, l->doc, "title", 1);
  const char *driver = NULL;
  if (rd_string(&r, l->doc, "driver", 0, &driver) && driver) {
    if (driver[0]) {
      l->driver = driver;
    } else {
      rd_push_key(&r, "driver");
      rd_error(&r, "lesson.empty", (const char *)NULL);
      rd_pop(&r);
    }
  }
  read_hints_and_links(l, &r);
  read_scenario(l, &r);
  const cJSON *goals = cJSON_GetObjectItemCaseSensitive(l->doc, "goals");
  if (!goals) rd_error(&r, "scenario.missing", "field", "goals", (const char *)NULL);
  else lx_read_goals(l, goals);
  read_subject(l, &r);
  l->valid = l->diags.errors == 0 && !l->diags.out_of_memory && l->scenario != NULL;
  return l;
}

fp_lesson *fp_lesson_parse(const char *file_name, const char *json, size_t length) {
  return lx_lesson_parse(NULL, file_name, json, length);
}

void fp_lesson_free(fp_lesson *l) {
  if (!l) return;
  for (size_t i = 0; l->goals && i < l->goal_count; i++) {
    fp_free(l->alloc, l->goals[i].variants);
    fp_free(l->alloc, l->goals[i].steps);
  }
  fp_free(l->alloc, l->goals);
  fp_free(l->alloc, l->sources);
  fp_scenario_free(l->scenario);
  fp_free(l->alloc, l->scenario_text);
  cJSON_Delete(l->doc);
  fp_free(l->alloc, l->text);
  fp_free(l->alloc, l->file_name);
  fp_diags_free(&l->diags);
  free(l);
}

int fp_lesson_valid(const fp_lesson *l) { return l && l->valid; }

const char *fp_lesson_id(const fp_lesson *l) { return l ? l->id : ""; }

const char *fp_lesson_driver(const fp_lesson *l) { return l ? l->driver : "driver.c"; }

size_t fp_lesson_source_count(const fp_lesson *l) { return l && l->valid ? l->source_count : 0; }

const char *fp_lesson_source(const fp_lesson *l, size_t i) { return i < fp_lesson_source_count(l) ? l->sources[i] : NULL; }

size_t fp_lesson_variant_count(const fp_lesson *l) { return l && l->valid ? fp_scenario_variant_count(l->scenario) : 0; }

const char *fp_lesson_variant_name(const fp_lesson *l, size_t i) {
  return i < fp_lesson_variant_count(l) ? fp_scenario_variant_name(l->scenario, i) : NULL;
}

size_t fp_lesson_goal_count(const fp_lesson *l) { return l ? l->goal_count : 0; }

const char *fp_lesson_goal_id(const fp_lesson *l, size_t i) { return l && i < l->goal_count ? l->goals[i].id : NULL; }
