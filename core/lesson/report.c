/* report.c: the report's document and the lesson's diagnostics as JSON (report.h). */
#include "lesson/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "fltplay/fltplay.h"
#include "lesson/lesson_int.h"

static const char *const statuses[] = { "passed", "failed", "does_not_compile", "bad_input" };

fp_lesson_report *lx_report_new(const char *lesson_id, const char *solution, const char *locale, int exit_code) {
  fp_lesson_report *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  snprintf(r->locale, sizeof r->locale, "%s", locale ? locale : "en");
  r->doc = cJSON_CreateObject();
  if (!r->doc || !cJSON_AddStringToObject(r->doc, "format", "fltplay-check") ||
      !cJSON_AddNumberToObject(r->doc, "version", FP_LESSON_VERSION) ||
      !cJSON_AddStringToObject(r->doc, "lesson", lesson_id ? lesson_id : "") ||
      !cJSON_AddStringToObject(r->doc, "solution", solution ? solution : "solution.c") ||
      !cJSON_AddBoolToObject(r->doc, "ok", 0) || !cJSON_AddStringToObject(r->doc, "status", "bad_input") ||
      !cJSON_AddNumberToObject(r->doc, "exit_code", 3)) {
    fp_lesson_report_free(r);
    return NULL;
  }
  lx_report_status(r, exit_code);
  return r;
}

void lx_report_status(fp_lesson_report *r, int exit_code) {
  if (exit_code < 0 || exit_code > 3) exit_code = 3;
  r->exit_code = exit_code;
  cJSON_ReplaceItemInObjectCaseSensitive(r->doc, "ok", cJSON_CreateBool(exit_code <= 1));
  cJSON_ReplaceItemInObjectCaseSensitive(r->doc, "status", cJSON_CreateString(statuses[exit_code]));
  cJSON_ReplaceItemInObjectCaseSensitive(r->doc, "exit_code", cJSON_CreateNumber(exit_code));
}

void lx_report_diagnostics(fp_lesson_report *r, cJSON *diagnostics) {
  if (!diagnostics) diagnostics = cJSON_CreateArray();
  if (diagnostics && !cJSON_AddItemToObject(r->doc, "diagnostics", diagnostics)) cJSON_Delete(diagnostics);
}

char *lx_render(const fp_text *t, fp_alloc *a, const char *id, const char *locale, const char *const *names,
                const char *const *values, size_t count) {
  char *rendered[LX_MAX_PARAMS] = { 0 };
  const char *filled[LX_MAX_PARAMS] = { 0 };
  if (count > LX_MAX_PARAMS) count = LX_MAX_PARAMS;
  for (size_t i = 0; i < count; i++) {
    filled[i] = values[i];
    if (values[i] && values[i][0] == '@' && (rendered[i] = fp_text_render(t, a, values[i] + 1, locale, NULL, NULL, 0)))
      filled[i] = rendered[i];
  }
  char *out = fp_text_render(t, a, id, locale, names, filled, count);
  for (size_t i = 0; i < count; i++) fp_free(a, rendered[i]);
  return out;
}

cJSON *lx_reason_json(const fp_text *t, fp_alloc *a, const lx_outcome *o, const char *locale) {
  const char *values[LX_MAX_PARAMS];
  size_t n = 0;
  while (n < LX_MAX_PARAMS && o->names[n]) {
    values[n] = o->values[n];
    n++;
  }
  cJSON *reason = cJSON_CreateObject();
  cJSON *params = cJSON_CreateObject();
  char *message = lx_render(t, a, o->reason, locale, o->names, values, n);
  int ok = reason && params && message && cJSON_AddStringToObject(reason, "id", o->reason);
  for (size_t i = 0; ok && i < n; i++) {
    /* Parameters that name a text are given as rendered. */
    char *v = values[i][0] == '@' ? fp_text_render(t, a, values[i] + 1, locale, NULL, NULL, 0) : NULL;
    ok = cJSON_AddStringToObject(params, o->names[i], v ? v : values[i]) != NULL;
    fp_free(a, v);
  }
  ok = ok && cJSON_AddItemToObject(reason, "params", params);
  if (!ok) cJSON_Delete(params);
  ok = ok && cJSON_AddStringToObject(reason, "message", message);
  fp_free(a, message);
  if (!ok) {
    cJSON_Delete(reason);
    return NULL;
  }
  return reason;
}

cJSON *lx_diag_json(const fp_text *t, fp_alloc *a, const fp_diags *d, const fp_diag *g, const char *locale) {
  const char *names[FP_DIAG_MAX_PARAMS], *values[FP_DIAG_MAX_PARAMS];
  size_t n = 0;
  while (n < FP_DIAG_MAX_PARAMS && g->names[n]) {
    names[n] = g->names[n];
    values[n] = g->values[n];
    n++;
  }
  char *message = fp_text_render(t, a, g->id, locale, names, values, n);
  cJSON *o = cJSON_CreateObject();
  if (o) {
    cJSON_AddStringToObject(o, "severity", fp_severity_name(g->severity));
    cJSON_AddStringToObject(o, "id", g->id);
    cJSON_AddStringToObject(o, "message", message ? message : g->id);
    if (g->span.file && g->span.file <= d->file_count) cJSON_AddStringToObject(o, "file", d->files[g->span.file - 1]);
    if (g->span.line) {
      cJSON_AddNumberToObject(o, "line", g->span.line);
      cJSON_AddNumberToObject(o, "column", g->span.col);
      cJSON_AddNumberToObject(o, "end_line", g->span.end_line);
      cJSON_AddNumberToObject(o, "end_column", g->span.end_col);
    }
  }
  fp_free(a, message);
  return o;
}

cJSON *lx_diags_json(const fp_diags *d, const char *locale) {
  fp_alloc a = fp_alloc_default();
  fp_text *t = fp_text_load_builtin(&a);
  cJSON *list = t ? cJSON_CreateArray() : NULL;
  for (size_t i = 0; list && i < d->count; i++) {
    cJSON *o = lx_diag_json(t, &a, d, &d->items[i], locale ? locale : "en");
    if (!o) {
      cJSON_Delete(list);
      list = NULL;
    } else {
      cJSON_AddItemToArray(list, o);
    }
  }
  if (list && d->out_of_memory) {
    fp_diags none = fp_diags_make(&a);
    fp_diag g;
    memset(&g, 0, sizeof g);
    g.id = "lesson.no_memory";
    cJSON *o = lx_diag_json(t, &a, &none, &g, locale ? locale : "en");
    if (o) cJSON_AddItemToArray(list, o);
  }
  fp_text_free(t);
  return list;
}

char *fp_lesson_diagnostics_json(const fp_lesson *l, const char *locale) {
  if (!l) return NULL;
  cJSON *list = lx_diags_json(&l->diags, locale);
  char *s = list ? cJSON_PrintUnformatted(list) : NULL;
  cJSON_Delete(list);
  return s;
}

char *fp_lesson_diagnostics(const fp_lesson *l, const char *locale) {
  if (!l) return NULL;
  fp_alloc a = fp_alloc_default();
  fp_text *t = fp_text_load_builtin(&a);
  if (!t) return NULL;
  fp_buf out = fp_buf_make(&a);
  for (size_t i = 0; i < l->diags.count; i++) {
    char *line = fp_text_render_diag(t, &a, &l->diags, &l->diags.items[i], locale ? locale : "en");
    if (line) fp_buf_printf(&out, "%s\n", line);
    fp_free(&a, line);
  }
  fp_text_free(t);
  char *s = fp_buf_take(&out);
  char *copy = s ? malloc(strlen(s) + 1) : NULL;
  if (copy) memcpy(copy, s, strlen(s) + 1);
  fp_free(&a, s);
  return copy;
}

void fp_lesson_report_free(fp_lesson_report *r) {
  if (!r) return;
  cJSON_Delete(r->doc);
  free(r);
}

int fp_lesson_report_exit_code(const fp_lesson_report *r) { return r ? r->exit_code : 3; }

char *fp_lesson_report_json(const fp_lesson_report *r) { return r ? cJSON_PrintUnformatted(r->doc) : NULL; }
