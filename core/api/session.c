/* session.c: JSON sessions over fp_run (fltplay/session.h). */
#include "fltplay/session.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "fltplay/engine.h"
#include "fltplay/fltplay.h"
#include "fltplay/run.h"

struct fp_session {
  fp_run *run;
  cJSON *request;        /* the parsed request (the sources are read from it) */
  const char *error;     /* a request that could not be read: why (JSON text of an error) */
};

static const char *const end_names[] = { "running", "completed", "bugcheck", "verifier", "hang", "budget", "internal" };

static int source_from_request(void *user, const char *name, char **text, size_t *length, const char **error) {
  const cJSON *sources = cJSON_GetObjectItemCaseSensitive((const cJSON *)user, "sources");
  const cJSON *src = cJSON_GetObjectItemCaseSensitive(sources, name);
  if (!cJSON_IsString(src)) {
    *error = "the request's \"sources\" has no such file";
    return 0;
  }
  size_t n = strlen(src->valuestring);
  *text = malloc(n + 1);
  if (!*text) {
    *error = "out of memory";
    return 0;
  }
  memcpy(*text, src->valuestring, n + 1);
  *length = n;
  return 1;
}

static int flag(const cJSON *request, const char *name, int dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(request, name);
  return cJSON_IsBool(v) ? cJSON_IsTrue(v) : dflt;
}

static const char *string(const cJSON *request, const char *name) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(request, name);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

fp_session *fp_session_open(const char *request_json, size_t length) {
  fp_session *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->request = request_json ? cJSON_ParseWithLength(request_json, length) : NULL;
  if (!cJSON_IsObject(s->request)) {
    s->error = "{\"code\":\"request.bad_json\",\"message\":\"the request is not a JSON object\"}";
    return s;
  }
  const cJSON *scenario = cJSON_GetObjectItemCaseSensitive(s->request, "scenario");
  char *printed = NULL;
  fp_run_request q;
  memset(&q, 0, sizeof q);
  if (cJSON_IsString(scenario)) {
    q.scenario_json = scenario->valuestring;
    q.scenario_length = strlen(scenario->valuestring);
  } else if (cJSON_IsObject(scenario)) {
    printed = cJSON_Print(scenario);
    if (!printed) {
      s->error = "{\"code\":\"request.no_memory\",\"message\":\"out of memory\"}";
      return s;
    }
    q.scenario_json = printed;
    q.scenario_length = strlen(printed);
  }
  q.scenario_name = string(s->request, "scenario_name");
  q.driver = string(s->request, "driver");
  q.source = source_from_request;
  q.user = s->request;
  q.variant = string(s->request, "variant");
  q.all_variants = flag(s->request, "all_variants", 0);
  q.no_statement_events = !flag(s->request, "statement_events", 1);
  s->run = fp_run_open(&q);
  cJSON_free(printed);
  if (!s->run) s->error = "{\"code\":\"request.no_memory\",\"message\":\"out of memory\"}";
  return s;
}

void fp_session_close(fp_session *s) {
  if (!s) return;
  fp_run_close(s->run);
  cJSON_Delete(s->request);
  free(s);
}

static char *print(cJSON *root) {
  char *text = root ? cJSON_PrintUnformatted(root) : NULL;
  cJSON_Delete(root);
  return text;
}

static cJSON *variant_json(fp_run *run, size_t i) {
  cJSON *v = cJSON_CreateObject();
  fp_engine *e = fp_run_engine(run, i);
  if (!v) return NULL;
  cJSON_AddStringToObject(v, "name", fp_run_variant(run, i));
  cJSON_AddNumberToObject(v, "events", fp_engine_event_count(e));
  return v;
}

char *fp_session_info(const fp_session *s) {
  if (!s) return NULL;
  cJSON *root = cJSON_CreateObject();
  if (!root) return NULL;
  if (s->error) {
    cJSON_AddFalseToObject(root, "ok");
    cJSON_AddItemToObject(root, "error", cJSON_Parse(s->error));
    cJSON_AddNumberToObject(root, "exit_code", 3);
    return print(root);
  }
  fp_run_status status = fp_run_status_of(s->run);
  static const char *const names[] = { "ok", "failed", "does_not_compile", "bad_input" };
  cJSON_AddBoolToObject(root, "ok", status == FP_RUN_OK || status == FP_RUN_FAILED);
  cJSON_AddStringToObject(root, "status", names[status]);
  cJSON_AddNumberToObject(root, "exit_code", (int)status);
  char *diagnostics = fp_run_diagnostics_json(s->run, "en");
  cJSON *list = diagnostics ? cJSON_Parse(diagnostics) : NULL;
  fp_string_free(diagnostics);
  cJSON_AddItemToObject(root, "diagnostics", list ? list : cJSON_CreateArray());
  cJSON *variants = cJSON_AddArrayToObject(root, "variants");
  for (size_t i = 0; variants && i < fp_run_count(s->run); i++) cJSON_AddItemToArray(variants, variant_json(s->run, i));
  if (fp_run_default_scenario(s->run)) {
    cJSON *d = cJSON_Parse(fp_run_default_scenario(s->run));
    if (d) cJSON_AddItemToObject(root, "default_scenario", d);
  }
  return print(root);
}

char *fp_session_step(fp_session *s, uint32_t variant, uint32_t max_events) {
  if (!s || !s->run || variant >= fp_run_count(s->run)) {
    return print(cJSON_Parse("{\"ok\":false,\"error\":{\"code\":\"session.no_variant\",\"message\":\"no such variant\"}}"));
  }
  fp_end_reason end = fp_run_step(s->run, variant, max_events);
  cJSON *root = cJSON_CreateObject();
  if (!root) return NULL;
  cJSON_AddTrueToObject(root, "ok");
  cJSON_AddNumberToObject(root, "events", fp_engine_event_count(fp_run_engine(s->run, variant)));
  if (end == FP_END_NONE) cJSON_AddNullToObject(root, "end");
  else cJSON_AddStringToObject(root, "end", end_names[end < 7 ? end : 6]);
  cJSON_AddNumberToObject(root, "exit_code", (int)fp_run_status_of(s->run));
  return print(root);
}

char *fp_session_trace(const fp_session *s, uint32_t variant, uint32_t first, uint32_t count) {
  if (!s || !s->run || variant >= fp_run_count(s->run)) return NULL;
  return fp_engine_trace_json(fp_run_engine(s->run, variant), first, count);
}
