/* default.c: the scenario a driver runs against when it comes alone (scenario.h). */
#include "fltplay/scenario.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "nt/nt.h"

#define SAMPLE_PATH "\\Documents\\report.txt"

static int registered(const uint8_t *majors, size_t count, uint8_t major) {
  for (size_t i = 0; i < count; i++)
    if (majors[i] == major) return 1;
  return 0;
}

/* Appends {"op": kind, name: value, ...} with string values (pairs end with NULL). */
static cJSON *add_op(cJSON *ops, const char *kind) {
  cJSON *op = cJSON_CreateObject();
  if (!op) return NULL;
  cJSON_AddItemToArray(ops, op);
  return cJSON_AddStringToObject(op, "op", kind) ? op : NULL;
}

static int add_ops(cJSON *ops, const uint8_t *majors, size_t count) {
  cJSON *op = add_op(ops, "create");
  if (!op || !cJSON_AddStringToObject(op, "path", SAMPLE_PATH) ||
      !cJSON_AddStringToObject(op, "access", "GENERIC_READ|GENERIC_WRITE|SYNCHRONIZE"))
    return 0;
  if (registered(majors, count, IRP_MJ_READ)) {
    if (!(op = add_op(ops, "read")) || !cJSON_AddNumberToObject(op, "offset", 0) ||
        !cJSON_AddNumberToObject(op, "length", 16))
      return 0;
  }
  if (registered(majors, count, IRP_MJ_WRITE)) {
    if (!(op = add_op(ops, "write")) || !cJSON_AddNumberToObject(op, "offset", 0) ||
        !cJSON_AddStringToObject(op, "text", "fltplay"))
      return 0;
  }
  if (registered(majors, count, IRP_MJ_QUERY_INFORMATION)) {
    if (!(op = add_op(ops, "query_info")) || !cJSON_AddStringToObject(op, "class", "FileStandardInformation")) return 0;
  }
  if (registered(majors, count, IRP_MJ_SET_INFORMATION)) {
    if (!(op = add_op(ops, "set_info")) || !cJSON_AddStringToObject(op, "attributes", "FILE_ATTRIBUTE_NORMAL")) return 0;
  }
  if (!add_op(ops, "close_handle")) return 0;
  if (registered(majors, count, (uint8_t)IRP_MJ_QUERY_OPEN)) {
    if (!(op = add_op(ops, "query_open")) || !cJSON_AddStringToObject(op, "path", SAMPLE_PATH)) return 0;
  }
  return 1;
}

static int add_variant(cJSON *variants, const char *name, const char *description, const char *mode, int delay) {
  cJSON *v = cJSON_CreateObject();
  if (!v) return 0;
  cJSON_AddItemToArray(variants, v);
  cJSON *patch;
  cJSON *completion;
  return cJSON_AddStringToObject(v, "name", name) && cJSON_AddStringToObject(v, "description", description) &&
         (patch = cJSON_AddObjectToObject(v, "patch")) && (completion = cJSON_AddObjectToObject(patch, "completion")) &&
         cJSON_AddStringToObject(completion, "mode", mode) && (!delay || cJSON_AddNumberToObject(completion, "delay", delay));
}

static cJSON *build(const char *source, const char *filter_name, const uint8_t *majors, size_t count) {
  cJSON *doc = cJSON_CreateObject();
  if (!doc) return NULL;
  char name[256];
  snprintf(name, sizeof name, "%s against the default scenario", source);
  cJSON *files, *file, *filters, *filter, *threads, *thread, *ops, *variants;
  int ok = cJSON_AddStringToObject(doc, "format", "fltplay-scenario") && cJSON_AddNumberToObject(doc, "version", FP_SCENARIO_VERSION) &&
           cJSON_AddStringToObject(doc, "name", name) &&
           cJSON_AddStringToObject(doc, "description",
                                   "One volume with one file; an application opens it, performs each operation the "
                                   "driver registered for, and closes it.") &&
           (files = cJSON_AddArrayToObject(doc, "files")) && (file = cJSON_CreateObject()) &&
           cJSON_AddItemToArray(files, file) && cJSON_AddStringToObject(file, "path", SAMPLE_PATH) &&
           cJSON_AddStringToObject(file, "text", "The quarterly report: nothing to see here, all numbers are up.\r\n") &&
           (filters = cJSON_AddArrayToObject(doc, "filters")) && (filter = cJSON_CreateObject()) &&
           cJSON_AddItemToArray(filters, filter) && cJSON_AddStringToObject(filter, "name", filter_name) &&
           cJSON_AddStringToObject(filter, "altitude", "370000") && cJSON_AddStringToObject(filter, "source", source) &&
           (threads = cJSON_AddArrayToObject(doc, "threads")) && (thread = cJSON_CreateObject()) &&
           cJSON_AddItemToArray(threads, thread) && cJSON_AddStringToObject(thread, "name", "app") &&
           cJSON_AddStringToObject(thread, "process", "app.exe") && (ops = cJSON_AddArrayToObject(thread, "ops")) &&
           add_ops(ops, majors, count) && (variants = cJSON_AddArrayToObject(doc, "variants")) &&
           add_variant(variants, "synchronous", "The file system completes every IRP inline, in the caller's thread.",
                       "inline", 0) &&
           add_variant(variants, "asynchronous",
                       "The file system pends every IRP and completes it later from a DPC at DISPATCH_LEVEL.", "pending",
                       20);
  if (!ok) {
    cJSON_Delete(doc);
    return NULL;
  }
  return doc;
}

char *fp_scenario_default_json(const char *source, const char *filter_name, const uint8_t *majors, size_t count) {
  if (!source || !filter_name || (count && !majors)) return NULL;
  cJSON *doc = build(source, filter_name, majors, count);
  char *text = doc ? cJSON_Print(doc) : NULL;
  cJSON_Delete(doc);
  return text;
}
