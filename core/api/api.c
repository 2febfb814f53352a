/* The JSON request entry point shared by every host.
 *
 * Request:  {"cmd": "version"} | {"cmd": "echo", "payload": <any JSON>} |
 *           {"cmd": "explain", "topic": ID, "locale"?} | {"cmd": "check_lesson", ...}
 *           (docs/api.md; check_lesson's members are fp_lesson_check_json's, docs/lessons.md)
 * Result:   {"ok": true, ...}  or  {"ok": false, "error": {"code": ID, "message": TEXT,
 *           "line": L, "column": C}} (line and column only for malformed JSON). */
#include "fltplay/fltplay.h"
#include "fltplay/lesson.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#ifndef FP_VERSION_STRING
#error "FP_VERSION_STRING comes from CMake (project version)"
#endif

const char *fp_version(void) { return FP_VERSION_STRING; }

void fp_string_free(char *s) { free(s); }

static char *print_and_delete(cJSON *result) {
  char *text = result ? cJSON_PrintUnformatted(result) : NULL;
  cJSON_Delete(result);
  return text;
}

static cJSON *error_result(const char *code, const char *message) {
  cJSON *result = cJSON_CreateObject();
  if (!result) return NULL;
  cJSON_AddFalseToObject(result, "ok");
  cJSON *error = cJSON_AddObjectToObject(result, "error");
  if (!error || !cJSON_AddStringToObject(error, "code", code) ||
      !cJSON_AddStringToObject(error, "message", message)) {
    cJSON_Delete(result);
    return NULL;
  }
  return result;
}

/* Line and column (both from 1) of byte `offset` in `text`. */
static void line_col(const char *text, size_t offset, int *line, int *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset && text[i]; i++) {
    if (text[i] == '\n') {
      (*line)++;
      *col = 1;
    } else {
      (*col)++;
    }
  }
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static cJSON *parse_error(const char *text, size_t length, const char *end) {
  size_t offset = end ? (size_t)(end - text) : length;
  /* cJSON sometimes stops one whitespace past the bad token: point at the token. */
  if (offset >= length || is_space(text[offset]))
    while (offset > 0 && (offset >= length || is_space(text[offset]))) offset--;
  int line, col;
  line_col(text, offset, &line, &col);
  cJSON *result = error_result("request.bad_json", "the request is not valid JSON");
  cJSON *error = result ? cJSON_GetObjectItemCaseSensitive(result, "error") : NULL;
  if (error) {
    cJSON_AddNumberToObject(error, "line", line);
    cJSON_AddNumberToObject(error, "column", col);
  }
  return result;
}

static cJSON *handle(const cJSON *request) {
  const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(request, "cmd");
  if (!cJSON_IsString(cmd)) return error_result("request.no_cmd", "the request has no \"cmd\" string");
  if (strcmp(cmd->valuestring, "version") == 0) {
    cJSON *result = cJSON_CreateObject();
    if (!result) return NULL;
    cJSON_AddTrueToObject(result, "ok");
    cJSON_AddStringToObject(result, "version", FP_VERSION_STRING);
    cJSON_AddStringToObject(result, "cjson", cJSON_Version());
    return result;
  }
  if (strcmp(cmd->valuestring, "echo") == 0) {
    const cJSON *payload = cJSON_GetObjectItemCaseSensitive(request, "payload");
    cJSON *result = cJSON_CreateObject();
    if (!result) return NULL;
    cJSON_AddTrueToObject(result, "ok");
    cJSON *copy = payload ? cJSON_Duplicate(payload, 1) : cJSON_CreateNull();
    if (!copy) {
      cJSON_Delete(result);
      return NULL;
    }
    cJSON_AddItemToObject(result, "payload", copy);
    return result;
  }
  if (strcmp(cmd->valuestring, "explain") == 0) {
    const cJSON *topic = cJSON_GetObjectItemCaseSensitive(request, "topic");
    const cJSON *locale = cJSON_GetObjectItemCaseSensitive(request, "locale");
    if (!cJSON_IsString(topic)) return error_result("request.no_topic", "explain needs a \"topic\" string");
    char *text = fp_explain_json(topic->valuestring, cJSON_IsString(locale) ? locale->valuestring : "en");
    cJSON *result = text ? cJSON_Parse(text) : NULL;
    fp_string_free(text);
    return result;
  }
  if (strcmp(cmd->valuestring, "check_lesson") == 0) {
    /* The lesson checker reads the same request (its other members; docs/lessons.md). */
    char *printed = cJSON_PrintUnformatted(request);
    char *text = printed ? fp_lesson_check_json(printed, strlen(printed)) : NULL;
    cJSON_free(printed);
    cJSON *result = text ? cJSON_Parse(text) : NULL;
    fp_string_free(text);
    return result;
  }
  return error_result("request.unknown_cmd", "unknown \"cmd\"");
}

char *fp_request(const char *request_json, size_t length) {
  if (!request_json) return print_and_delete(error_result("request.null", "no request given"));
  const char *end = NULL;
  cJSON *request = cJSON_ParseWithLengthOpts(request_json, length, &end, 0);
  if (!request) return print_and_delete(parse_error(request_json, length, end));
  cJSON *result = handle(request);
  cJSON_Delete(request);
  return print_and_delete(result);
}
