/* goals.c: reading $.goals of lesson.json (docs/lessons.md, "Goals"): the check, its fields,
 * each one checked against the catalogue (rule IDs, bug checks, NTSTATUS and IRQL names) and
 * against the lesson's scenario (variants, filters, threads). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fltplay/engine.h"
#include "lesson/lesson_int.h"
#include "lesson/read.h"
#include "nt/nt.h"

static const char *const check_names[] = { "no_violation", "violation", "callback_irql", "callback_thread",
                                           "final_status", "sequence", "no_leak", "no_hang", "completed",
                                           "dbg_print", NULL };

static const char *const roles[] = { "DriverEntry", "FilterUnloadCallback", "InstanceSetupCallback",
                                     "InstanceQueryTeardownCallback", "InstanceTeardownStartCallback",
                                     "InstanceTeardownCompleteCallback", "PreOperation", "PostOperation",
                                     "WorkRoutine", "SafePostCallback", NULL };

static const char *const thread_kinds[] = { "originating", "pre_op", "worker", "dpc", "system", NULL };

/* The fields of each check: the common ones first. */
#define COMMON "id", "check", "text", "variants"
#define CALLBACK "filter", "function", "role", "major", "must_run"
static const char *const f_no_violation[] = { COMMON, "allow", NULL };
static const char *const f_violation[] = { COMMON, "rule", "bugcheck", NULL };
static const char *const f_irql[] = { COMMON, CALLBACK, "irql", "max_irql", NULL };
static const char *const f_thread[] = { COMMON, CALLBACK, "thread", NULL };
static const char *const f_status[] = { COMMON, "thread", "op", "major", "status", NULL };
static const char *const f_sequence[] = { COMMON, "callbacks", "exact", NULL };
static const char *const f_no_leak[] = { COMMON, "filter", NULL };
static const char *const f_plain[] = { COMMON, NULL };
static const char *const f_dbg_print[] = { COMMON, "contains", NULL };
static const char *const f_any[] = { COMMON, CALLBACK, "allow", "rule", "bugcheck", "irql", "max_irql", "thread", "op",
                                     "status", "callbacks", "exact", "contains", NULL };

static const char *const *const fields_of[LX_CHECK_COUNT] = {
  f_no_violation, f_violation, f_irql, f_thread, f_status, f_sequence, f_no_leak, f_plain, f_plain, f_dbg_print,
};

const char *lx_check_name(lx_check c) { return (unsigned)c < LX_CHECK_COUNT ? check_names[c] : "?"; }

int lx_irql_level(const char *name) {
  for (unsigned i = 0; i < 32; i++) {
    const char *n = fp_nt_irql_name(i);
    if (n && strcmp(n, name) == 0) return (int)i;
  }
  return -1;
}

static int major_known(const char *name) {
  for (unsigned i = 0; i < 256; i++) {
    const char *n = fp_nt_major_name((unsigned char)i);
    if (n && strcmp(n, name) == 0 && strcmp(n, "IRP_MJ_OPERATION_END") != 0) return 1;
  }
  return 0;
}

/* A hexadecimal "0x..." of at most 8 digits. */
static int hex32(const char *s, uint32_t *out) {
  if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || !s[2] || strlen(s + 2) > 8) return 0;
  uint32_t v = 0;
  for (const char *p = s + 2; *p; p++) {
    int d = (*p >= '0' && *p <= '9') ? *p - '0' : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10 : (*p >= 'A' && *p <= 'F') ? *p - 'A' + 10 : -1;
    if (d < 0) return 0;
    v = v * 16 + (uint32_t)d;
  }
  *out = v;
  return 1;
}

int lx_status_value(const char *text, uint32_t *out) {
  if (hex32(text, out)) return 1;
  const fp_nt_constant *c = fp_nt_constant_find(text);
  if (!c || strcmp(c->type, "NTSTATUS") != 0) return 0;
  *out = (uint32_t)c->value;
  return 1;
}

static int bugcheck_value(const char *text, uint32_t *out) {
  if (hex32(text, out)) return fp_nt_bugcheck_name(*out) != NULL;
  for (size_t i = 0; i < fp_nt_bugcheck_count(); i++) {
    const fp_nt_bugcheck *b = fp_nt_bugcheck_at(i);
    if (b && strcmp(b->name, text) == 0) {
      *out = b->code;
      return 1;
    }
  }
  return 0;
}

/* Reads the callback fields of `obj` (filter, function, role, major) into *s; `fields_ok` is 0
 * when `obj` had an unknown field (a misspelt "function" is reported once, not twice). */
static int read_selector(fp_lesson *l, rd *r, const cJSON *obj, lx_selector *s, int fields_ok) {
  memset(s, 0, sizeof *s);
  int ok = rd_string(r, obj, "filter", 0, &s->filter);
  ok &= rd_string(r, obj, "function", 0, &s->function);
  ok &= rd_string(r, obj, "major", 0, &s->major);
  int role = -1;
  ok &= rd_enum(r, obj, "role", roles, -1, &role);
  if (role >= 0) s->role = roles[role];
  if (s->filter && l->scenario && !lx_scenario_filter(l, s->filter, strlen(s->filter))) {
    rd_push_key(r, "filter");
    lx_unknown(r, "lesson.unknown_filter", s->filter);
    rd_pop(r);
    ok = 0;
  }
  if (s->major && !major_known(s->major)) {
    rd_push_key(r, "major");
    lx_unknown(r, "lesson.unknown_major", s->major);
    rd_pop(r);
    ok = 0;
  }
  if (ok && !s->function && !s->role) {
    if (fields_ok) rd_error(r, "lesson.selector_empty", (const char *)NULL);
    ok = 0;
  }
  return ok;
}

/* A callback of a sequence: "FUNCTION", "FILTER!FUNCTION" or an object of callback fields. */
static int read_step(fp_lesson *l, rd *r, const cJSON *v, lx_selector *s) {
  static const char *const fields[] = { "filter", "function", "role", "major", NULL };
  if (cJSON_IsObject(v)) {
    int fields_ok = rd_check_object(r, v, fields);
    return read_selector(l, r, v, s, fields_ok) && fields_ok;
  }
  memset(s, 0, sizeof *s);
  if (!cJSON_IsString(v)) {
    rd_error(r, "scenario.expected", "expected", "\"FUNCTION\", \"FILTER!FUNCTION\" or an object", "found",
             "another kind of value", (const char *)NULL);
    return 0;
  }
  const char *text = v->valuestring;
  const char *bang = strchr(text, '!');
  if (!text[0] || (bang && (bang == text || !bang[1] || strchr(bang + 1, '!')))) {
    lx_unknown(r, "lesson.bad_callback", text);
    return 0;
  }
  s->function = bang ? bang + 1 : text;
  if (!bang) return 1;
  /* The filter's name is the text before '!': one of the scenario's filters. */
  s->filter = lx_scenario_filter(l, text, (size_t)(bang - text));
  if (!s->filter) {
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)(bang - text), text);
    lx_unknown(r, "lesson.unknown_filter", name);
    return 0;
  }
  return 1;
}

static int read_irql(rd *r, const cJSON *obj, lx_goal *g) {
  const char *exact = NULL, *at_most = NULL;
  if (!rd_string(r, obj, "irql", 0, &exact) || !rd_string(r, obj, "max_irql", 0, &at_most)) return 0;
  if (!exact == !at_most) {
    rd_error(r, "scenario.one_of", "fields", "\"irql\", \"max_irql\"", (const char *)NULL);
    return 0;
  }
  int level = lx_irql_level(exact ? exact : at_most);
  if (level < 0) {
    rd_push_key(r, exact ? "irql" : "max_irql");
    lx_unknown(r, "lesson.unknown_irql", exact ? exact : at_most);
    rd_pop(r);
    return 0;
  }
  g->irql = (unsigned)level;
  g->irql_at_most = at_most != NULL;
  return 1;
}

static int thread_kind(rd *r, const cJSON *v, unsigned *out) {
  if (cJSON_IsString(v))
    for (int i = 0; thread_kinds[i]; i++)
      if (strcmp(thread_kinds[i], v->valuestring) == 0) {
        *out |= 1u << i;
        return 1;
      }
  if (cJSON_IsString(v)) lx_unknown(r, "lesson.unknown_thread_kind", v->valuestring);
  else rd_error(r, "scenario.expected", "expected", "a thread kind", "found", "another kind of value", (const char *)NULL);
  return 0;
}

static int read_threads(rd *r, const cJSON *obj, lx_goal *g) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "thread");
  if (!v) {
    rd_error(r, "scenario.missing", "field", "thread", (const char *)NULL);
    return 0;
  }
  rd_push_key(r, "thread");
  int ok = 1;
  if (cJSON_IsArray(v) && v->child) {
    int i = 0;
    for (const cJSON *k = v->child; k; k = k->next, i++) {
      rd_push_index(r, i);
      ok &= thread_kind(r, k, &g->threads);
      rd_pop(r);
    }
  } else {
    ok = thread_kind(r, v, &g->threads);
  }
  rd_pop(r);
  return ok;
}

static int read_final_status(fp_lesson *l, rd *r, const cJSON *obj, lx_goal *g) {
  int ok = rd_string(r, obj, "thread", 0, &g->thread);
  ok &= rd_string(r, obj, "major", 0, &g->major);
  ok &= rd_string(r, obj, "status", 1, &g->status_name);
  if (!ok || !g->status_name) return 0;
  if (!g->thread == !g->major) {
    rd_error(r, "scenario.one_of", "fields", "\"thread\" (with \"op\"), \"major\"", (const char *)NULL);
    return 0;
  }
  if (!lx_status_value(g->status_name, &g->status)) {
    rd_push_key(r, "status");
    lx_unknown(r, "lesson.unknown_status", g->status_name);
    rd_pop(r);
    ok = 0;
  }
  if (g->major && !major_known(g->major)) {
    rd_push_key(r, "major");
    lx_unknown(r, "lesson.unknown_major", g->major);
    rd_pop(r);
    ok = 0;
  }
  if (g->major && cJSON_GetObjectItemCaseSensitive(obj, "op")) {
    rd_push_key(r, "op");
    rd_error(r, "scenario.either", "first", "major", "second", "op", (const char *)NULL);
    rd_pop(r);
    ok = 0;
  }
  if (!g->thread) return ok;
  uint32_t op = 0;
  if (!cJSON_GetObjectItemCaseSensitive(obj, "op")) {
    rd_error(r, "scenario.missing", "field", "op", (const char *)NULL);
    return 0;
  }
  if (!rd_u32(r, obj, "op", 1000000, 0, &op)) return 0;
  g->op = (int)op;
  int ops = l->scenario ? lx_scenario_thread_ops(l, g->thread) : 0;
  if (ops < 0) {
    rd_push_key(r, "thread");
    lx_unknown(r, "lesson.unknown_thread", g->thread);
    rd_pop(r);
    return 0;
  }
  if (l->scenario && g->op >= ops) {
    char count[16];
    snprintf(count, sizeof count, "%d", ops);
    rd_push_key(r, "op");
    rd_error(r, "scenario.no_such_op", "count", count, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  return ok;
}

static int read_rule_list(rd *r, const cJSON *obj, lx_goal *g) {
  const cJSON *allow = cJSON_GetObjectItemCaseSensitive(obj, "allow");
  if (!allow) return 1;
  rd_push_key(r, "allow");
  int ok = 1;
  if (!cJSON_IsArray(allow)) {
    rd_error(r, "scenario.expected", "expected", "an array of rule IDs", "found", "another kind of value", (const char *)NULL);
    ok = 0;
  }
  int i = 0;
  for (const cJSON *k = cJSON_IsArray(allow) ? allow->child : NULL; k; k = k->next, i++) {
    rd_push_index(r, i);
    if (!cJSON_IsString(k)) {
      rd_error(r, "scenario.expected", "expected", "a rule ID", "found", "another kind of value", (const char *)NULL);
      ok = 0;
    } else if (!fp_rule_exists(k->valuestring)) {
      rd_error(r, "scenario.unknown_rule", "rule", k->valuestring, (const char *)NULL);
      ok = 0;
    }
    rd_pop(r);
  }
  rd_pop(r);
  g->allow = allow;
  return ok;
}

static int read_violation(rd *r, const cJSON *obj, lx_goal *g) {
  const char *bugcheck = NULL;
  if (!rd_string(r, obj, "rule", 0, &g->rule) || !rd_string(r, obj, "bugcheck", 0, &bugcheck)) return 0;
  if (!g->rule == !bugcheck) {
    rd_error(r, "scenario.one_of", "fields", "\"rule\", \"bugcheck\"", (const char *)NULL);
    return 0;
  }
  if (g->rule && !fp_rule_exists(g->rule)) {
    rd_push_key(r, "rule");
    rd_error(r, "scenario.unknown_rule", "rule", g->rule, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  if (bugcheck && !bugcheck_value(bugcheck, &g->bugcheck)) {
    rd_push_key(r, "bugcheck");
    lx_unknown(r, "lesson.unknown_bugcheck", bugcheck);
    rd_pop(r);
    return 0;
  }
  g->has_bugcheck = bugcheck != NULL;
  return 1;
}

static int read_sequence(fp_lesson *l, rd *r, const cJSON *obj, lx_goal *g) {
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, "callbacks");
  if (!rd_bool(r, obj, "exact", 0, &g->exact)) return 0;
  if (!list) {
    rd_error(r, "scenario.missing", "field", "callbacks", (const char *)NULL);
    return 0;
  }
  int count = cJSON_IsArray(list) ? cJSON_GetArraySize(list) : 0;
  rd_push_key(r, "callbacks");
  if (count < 2 || count > LX_MAX_SEQUENCE) {
    char max[16];
    snprintf(max, sizeof max, "%d", LX_MAX_SEQUENCE);
    rd_error(r, "lesson.sequence_length", "max", max, (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  g->steps = fp_calloc(l->alloc, (size_t)count, sizeof *g->steps);
  if (!g->steps) {
    rd_error(r, "lesson.no_memory", (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  g->step_count = (size_t)count;
  int ok = 1, i = 0;
  for (const cJSON *v = list->child; v; v = v->next, i++) {
    rd_push_index(r, i);
    ok &= read_step(l, r, v, &g->steps[i]);
    rd_pop(r);
  }
  rd_pop(r);
  return ok;
}

static int read_variants(fp_lesson *l, rd *r, const cJSON *obj, lx_goal *g) {
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, "variants");
  if (!list) return 1;
  rd_push_key(r, "variants");
  if (!cJSON_IsArray(list) || !list->child) {
    rd_error(r, "scenario.expected", "expected", "a non-empty array of variant names", "found",
             cJSON_IsArray(list) ? "an empty array" : "another kind of value", (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  size_t total = l->scenario ? fp_scenario_variant_count(l->scenario) : 0;
  if (total && !(g->variants = fp_calloc(l->alloc, total, 1))) {
    rd_error(r, "lesson.no_memory", (const char *)NULL);
    rd_pop(r);
    return 0;
  }
  int ok = 1, i = 0;
  for (const cJSON *v = list->child; v; v = v->next, i++) {
    rd_push_index(r, i);
    if (!cJSON_IsString(v)) {
      rd_error(r, "scenario.expected", "expected", "a variant's name", "found", "another kind of value", (const char *)NULL);
      ok = 0;
    } else if (l->scenario) {
      int index = fp_scenario_variant_find(l->scenario, v->valuestring);
      if (index < 0) {
        lx_unknown(r, "lesson.unknown_variant", v->valuestring);
        ok = 0;
      } else if (g->variants) {
        g->variants[index] = 1;
      }
    }
    rd_pop(r);
  }
  rd_pop(r);
  return ok;
}

/* 1 when `id` is a good goal id: letters, digits, '-', '_' and '.', at most 64. */
static int good_goal_id(const char *id) {
  if (!id[0] || strlen(id) > 64) return 0;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
          *p == '_' || *p == '.'))
      return 0;
  return 1;
}

static int read_goal(fp_lesson *l, rd *r, const cJSON *obj, lx_goal *g, size_t index) {
  memset(g, 0, sizeof *g);
  g->op = -1;
  g->must_run = 1;
  if (!cJSON_IsObject(obj)) return rd_check_object(r, obj, f_any);
  int check = -1;
  if (!cJSON_GetObjectItemCaseSensitive(obj, "check")) {
    rd_error(r, "scenario.missing", "field", "check", (const char *)NULL);
    rd_check_object(r, obj, f_any);
    return 0;
  }
  if (!rd_enum(r, obj, "check", check_names, -1, &check) || check < 0) {
    rd_check_object(r, obj, f_any);
    return 0;
  }
  g->check = (lx_check)check;
  int fields_ok = rd_check_object(r, obj, fields_of[check]), ok = fields_ok;
  if (rd_string(r, obj, "id", 1, &g->id) && g->id) {
    if (!good_goal_id(g->id)) {
      rd_push_key(r, "id");
      rd_error(r, "lesson.bad_id", "id", g->id, (const char *)NULL);
      rd_pop(r);
      ok = 0;
    }
    for (size_t k = 0; k < index; k++)
      if (l->goals[k].id && strcmp(l->goals[k].id, g->id) == 0) {
        rd_push_key(r, "id");
        rd_error(r, "scenario.duplicate", "what", "goal", "name", g->id, (const char *)NULL);
        rd_pop(r);
        ok = 0;
      }
  } else {
    ok = 0;
  }
  ok &= lx_read_locales(r, obj, "text", 1);
  g->text = cJSON_GetObjectItemCaseSensitive(obj, "text");
  ok &= read_variants(l, r, obj, g);
  switch (g->check) {
  case LX_NO_VIOLATION: ok &= read_rule_list(r, obj, g); break;
  case LX_VIOLATION: ok &= read_violation(r, obj, g); break;
  case LX_CALLBACK_IRQL:
    ok &= read_selector(l, r, obj, &g->callback, fields_ok);
    ok &= read_irql(r, obj, g);
    ok &= rd_bool(r, obj, "must_run", 1, &g->must_run);
    break;
  case LX_CALLBACK_THREAD:
    ok &= read_selector(l, r, obj, &g->callback, fields_ok);
    ok &= read_threads(r, obj, g);
    ok &= rd_bool(r, obj, "must_run", 1, &g->must_run);
    break;
  case LX_FINAL_STATUS: ok &= read_final_status(l, r, obj, g); break;
  case LX_SEQUENCE: ok &= read_sequence(l, r, obj, g); break;
  case LX_NO_LEAK:
    if (rd_string(r, obj, "filter", 0, &g->filter) && g->filter && l->scenario && !lx_scenario_filter(l, g->filter, strlen(g->filter))) {
      rd_push_key(r, "filter");
      lx_unknown(r, "lesson.unknown_filter", g->filter);
      rd_pop(r);
      ok = 0;
    }
    break;
  case LX_DBG_PRINT:
    if (!rd_string(r, obj, "contains", 1, &g->needle) || !g->needle) {
      ok = 0;
    } else if (!g->needle[0]) {
      rd_push_key(r, "contains");
      rd_error(r, "lesson.empty", (const char *)NULL);
      rd_pop(r);
      ok = 0;
    }
    break;
  case LX_NO_HANG:
  case LX_COMPLETED:
  case LX_CHECK_COUNT: break;
  }
  return ok;
}

int lx_read_goals(fp_lesson *l, const cJSON *goals) {
  rd r;
  memset(&r, 0, sizeof r);
  r.diags = &l->diags;
  r.file = l->file;
  r.text = l->text;
  r.length = l->length;
  r.variant_index = -1;
  rd_push_key(&r, "goals");
  if (!cJSON_IsArray(goals) || !goals->child) {
    rd_error(&r, "lesson.no_goals", (const char *)NULL);
    return 0;
  }
  size_t count = (size_t)cJSON_GetArraySize(goals);
  l->goals = fp_calloc(l->alloc, count, sizeof *l->goals);
  if (!l->goals) {
    rd_error(&r, "lesson.no_memory", (const char *)NULL);
    return 0;
  }
  int ok = 1;
  size_t i = 0;
  for (const cJSON *g = goals->child; g; g = g->next, i++) {
    rd_push_index(&r, (int)i);
    ok &= read_goal(l, &r, g, &l->goals[i], i);
    l->goal_count = i + 1;
    rd_pop(&r);
  }
  return ok;
}
