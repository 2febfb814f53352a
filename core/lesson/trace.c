/* trace.c: reading a trace for the goal checker (trace.h). */
#include "lesson/trace.h"

#include <stdlib.h>
#include <string.h>

int lx_int_field(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 2147483647.0 ? (int)v->valuedouble : -1;
}

const char *lx_string_field(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

static uint64_t hex_field(const cJSON *o, const char *key) {
  const char *s = lx_string_field(o, key);
  return strtoull(s, NULL, 16);
}

/* Allocates `count` zeroed elements of `size` (at least one). */
static void *array(lx_trace *t, size_t count, size_t size) { return fp_calloc(t->alloc, count ? count : 1, size); }

static int read_threads(lx_trace *t, const cJSON *list) {
  t->thread_count = (size_t)cJSON_GetArraySize(list);
  if (!(t->threads = array(t, t->thread_count, sizeof *t->threads))) return 0;
  if (!(t->stacks = array(t, 2 * t->thread_count, sizeof *t->stacks))) return 0;
  size_t i = 0;
  for (const cJSON *o = list ? list->child : NULL; o && i < t->thread_count; o = o->next, i++) {
    const char *kind = lx_string_field(o, "kind");
    t->threads[i].name = lx_string_field(o, "name");
    t->threads[i].worker = strcmp(kind, "worker") == 0;
    t->threads[i].system = strcmp(kind, "system") == 0;
  }
  return 1;
}

static int read_drivers(lx_trace *t, const cJSON *list, const fp_lesson *l, size_t variant) {
  t->driver_count = (size_t)cJSON_GetArraySize(list);
  if (!(t->drivers = array(t, t->driver_count, sizeof *t->drivers))) return 0;
  size_t functions = 0, i = 0;
  for (const cJSON *o = list ? list->child : NULL; o; o = o->next)
    functions += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "functions"));
  if (!(t->functions = array(t, functions, sizeof *t->functions))) return 0;
  for (const cJSON *o = list ? list->child : NULL; o && i < t->driver_count; o = o->next, i++) {
    t->drivers[i].name = lx_string_field(o, "name");
    t->drivers[i].learner = lx_is_learner_filter(l, variant, t->drivers[i].name);
    const cJSON *fs = cJSON_GetObjectItemCaseSensitive(o, "functions");
    for (const cJSON *f = fs ? fs->child : NULL; f && t->function_count < functions; f = f->next) {
      t->functions[t->function_count].address = hex_field(f, "address");
      t->functions[t->function_count].driver = (int)i;
      t->function_count++;
    }
  }
  return 1;
}

static int read_ops(lx_trace *t, const cJSON *header) {
  const cJSON *instances = cJSON_GetObjectItemCaseSensitive(header, "instances");
  t->instance_count = (size_t)cJSON_GetArraySize(instances);
  if (!(t->instance_driver = array(t, t->instance_count, sizeof *t->instance_driver))) return 0;
  size_t i = 0;
  for (const cJSON *o = instances ? instances->child : NULL; o && i < t->instance_count; o = o->next, i++)
    t->instance_driver[i] = lx_int_field(o, "driver");
  const cJSON *requests = cJSON_GetObjectItemCaseSensitive(header, "requests");
  t->request_count = (size_t)cJSON_GetArraySize(requests);
  if (!(t->requests = array(t, t->request_count, sizeof *t->requests))) return 0;
  i = 0;
  for (const cJSON *o = requests ? requests->child : NULL; o && i < t->request_count; o = o->next, i++) {
    t->requests[i].thread = lx_int_field(o, "thread");
    t->requests[i].index = lx_int_field(o, "index");
  }
  const cJSON *ops = cJSON_GetObjectItemCaseSensitive(header, "ops");
  t->op_count = (size_t)cJSON_GetArraySize(ops);
  if (!(t->ops = array(t, t->op_count, sizeof *t->ops))) return 0;
  i = 0;
  for (const cJSON *o = ops ? ops->child : NULL; o && i < t->op_count; o = o->next, i++) {
    t->ops[i].request = lx_int_field(o, "request");
    t->ops[i].major = lx_string_field(o, "major");
    t->ops[i].generated = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "generated")) ||
                          cJSON_GetObjectItemCaseSensitive(o, "drain_copy") != NULL;
  }
  /* Where each instance's pre-op ran, for "the pre-op's thread" (bounded: lessons are small). */
  if (t->op_count && t->instance_count && t->op_count <= (1u << 22) / t->instance_count) {
    if (!(t->pre_thread = array(t, t->op_count * t->instance_count, sizeof *t->pre_thread))) return 0;
    for (size_t k = 0; k < t->op_count * t->instance_count; k++) t->pre_thread[k] = -1;
  }
  return 1;
}

int lx_trace_open(lx_trace *t, fp_alloc *alloc, const char *head, const fp_lesson *l, size_t variant) {
  memset(t, 0, sizeof *t);
  t->alloc = alloc;
  t->end = "running";
  t->head = head ? cJSON_Parse(head) : NULL;
  const cJSON *header = cJSON_GetObjectItemCaseSensitive(t->head, "header");
  const cJSON *end = cJSON_GetObjectItemCaseSensitive(t->head, "end");
  if (!cJSON_IsObject(header) || !cJSON_IsObject(end)) return 0;
  t->end = lx_string_field(end, "reason");
  int events = lx_int_field(end, "events");
  t->events = events > 0 ? (uint32_t)events : 0;
  return read_threads(t, cJSON_GetObjectItemCaseSensitive(header, "threads")) &&
         read_drivers(t, cJSON_GetObjectItemCaseSensitive(header, "drivers"), l, variant) && read_ops(t, header);
}

void lx_trace_close(lx_trace *t) {
  for (size_t i = 0; t->stacks && i < 2 * t->thread_count; i++) fp_free(t->alloc, t->stacks[i].items);
  fp_free(t->alloc, t->stacks);
  fp_free(t->alloc, t->threads);
  fp_free(t->alloc, t->drivers);
  fp_free(t->alloc, t->functions);
  fp_free(t->alloc, t->instance_driver);
  fp_free(t->alloc, t->requests);
  fp_free(t->alloc, t->ops);
  fp_free(t->alloc, t->pre_thread);
  cJSON_Delete(t->head);
  memset(t, 0, sizeof *t);
}

static int function_driver(const lx_trace *t, uint64_t address) {
  for (size_t i = 0; i < t->function_count; i++)
    if (t->functions[i].address == address) return t->functions[i].driver;
  return -1;
}

static int push(lx_trace *t, lx_stack *s, int driver) {
  if (s->count == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 8;
    int *items = fp_realloc(t->alloc, s->items, cap * sizeof *items);
    if (!items) return 0;
    s->items = items;
    s->cap = cap;
  }
  s->items[s->count++] = driver;
  return 1;
}

int lx_trace_event(lx_trace *t, const cJSON *json, lx_event *ev) {
  memset(ev, 0, sizeof *ev);
  ev->json = json;
  int seq = lx_int_field(json, "seq");
  ev->seq = seq > 0 ? (uint32_t)seq : 0;
  ev->kind = lx_string_field(json, "kind");
  ev->thread = lx_int_field(json, "thread");
  ev->dpc = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(json, "dpc"));
  ev->irql_name = lx_string_field(json, "irql");
  ev->irql = lx_irql_level(ev->irql_name);
  ev->instance = lx_int_field(json, "instance");
  ev->op = lx_int_field(json, "op");
  ev->request = lx_int_field(json, "request");
  ev->driver = -1;
  lx_stack *s = ev->thread >= 0 && (size_t)ev->thread < t->thread_count ? &t->stacks[2 * ev->thread + ev->dpc] : NULL;
  if (!s) return 1;
  if (strcmp(ev->kind, "callback_enter") == 0) {
    ev->role = lx_string_field(json, "role");
    ev->function = lx_string_field(json, "function");
    ev->driver = function_driver(t, hex_field(json, "address"));
    if (t->pre_thread && !ev->dpc && strcmp(ev->role, "PreOperation") == 0 && ev->op >= 0 && ev->instance >= 0 &&
        (size_t)ev->op < t->op_count && (size_t)ev->instance < t->instance_count)
      t->pre_thread[(size_t)ev->op * t->instance_count + (size_t)ev->instance] = ev->thread;
    return push(t, s, ev->driver);
  }
  if (strcmp(ev->kind, "callback_exit") == 0) {
    ev->role = lx_string_field(json, "role");
    ev->function = lx_string_field(json, "function");
    if (s->count) ev->driver = s->items[--s->count];
    return 1;
  }
  if (s->count) ev->driver = s->items[s->count - 1];
  return 1;
}

unsigned lx_trace_thread_kinds(const lx_trace *t, const lx_event *ev) {
  if (ev->dpc) return LX_THREAD_DPC;
  if (ev->thread < 0 || (size_t)ev->thread >= t->thread_count) return 0;
  unsigned kinds = 0;
  if (t->threads[ev->thread].worker) kinds |= LX_THREAD_WORKER;
  if (t->threads[ev->thread].system) kinds |= LX_THREAD_SYSTEM;
  if (ev->op >= 0 && (size_t)ev->op < t->op_count) {
    int request = t->ops[ev->op].request;
    if (request >= 0 && (size_t)request < t->request_count && t->requests[request].thread == ev->thread)
      kinds |= LX_THREAD_ORIGINATING;
    if (t->pre_thread && ev->instance >= 0 && (size_t)ev->instance < t->instance_count &&
        t->pre_thread[(size_t)ev->op * t->instance_count + (size_t)ev->instance] == ev->thread)
      kinds |= LX_THREAD_PRE_OP;
  }
  return kinds;
}
