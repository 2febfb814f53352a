/* trace_json.c: the trace as JSON (docs/trace-format.md, format "fltplay-trace" version 1).
 *
 *   {"format": "fltplay-trace", "version": 1, "header": {...}, "events": [...], "end": {...}}
 *   {"format": "fltplay-trace-chunk", "version": 1, "first": N, "events": [...]}   (a slice)
 *
 * Every event has seq, t (simulated ticks), kind, thread, irql (its name); dpc: true when it
 * happened in a DPC; instance, op and request when it concerns one; then the fields of its
 * kind, spelled out below in event_fields. 64-bit values (addresses, parameters) are hex
 * strings; NTSTATUS and return values carry their names where Windows has one. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/callback.h"
#include "kstruct/kstruct.h"
#include "engine/engine_int.h"
#include "engine/rules.h"
#include "engine/work.h"
#include "fltplay/fltplay.h"
#include "nt/nt.h"

static void hex(cJSON *o, const char *key, uint64_t v) {
  char b[24];
  snprintf(b, sizeof b, "0x%llx", (unsigned long long)v);
  cJSON_AddStringToObject(o, key, b);
}

static void status(cJSON *o, const char *key, uint32_t s) {
  const char *name = fp_nt_status_name(s);
  if (name) {
    cJSON_AddStringToObject(o, key, name);
  } else {
    char b[16];
    snprintf(b, sizeof b, "0x%08X", s);
    cJSON_AddStringToObject(o, key, b);
  }
}

static void irql(cJSON *o, const char *key, unsigned v) {
  const char *name = fp_nt_irql_name(v);
  if (name) cJSON_AddStringToObject(o, key, name);
  else cJSON_AddNumberToObject(o, key, v);
}

static void major(cJSON *o, const char *key, unsigned v) {
  const char *name = fp_nt_major_name((unsigned char)v);
  if (name) cJSON_AddStringToObject(o, key, name);
  else cJSON_AddNumberToObject(o, key, v);
}

static void flags(cJSON *o, const char *key, fp_nt_flag_set set, uint32_t v) {
  char b[512];
  fp_nt_flags_render(set, v, b, sizeof b);
  cJSON_AddStringToObject(o, key, b);
}

static void tag(cJSON *o, const char *key, uint32_t t) {
  char b[5];
  for (int i = 0; i < 4; i++) {
    char ch = (char)(t >> (8 * i));
    b[i] = ch >= 32 && ch < 127 ? ch : '.';
  }
  b[4] = '\0';
  cJSON_AddStringToObject(o, key, b);
}

static const char *const end_names[] = { "running", "completed", "bugcheck", "verifier", "hang", "budget", "internal" };
static const char *const op_kinds[] = { "irp", "fast_io", "fs_filter" };
static const char *const request_kinds[] = { "create", "read", "write", "query_information", "set_information",
                                             "query_open", "cleanup", "close", "close_handle", "wait", "sleep" };
static const char *const io_paths[] = { "irp", "fast_io", "paging" };
static const char *const item_kinds[] = { "deferred_io", "safe_post", "ex_work_item" };

static const char *end_name(uint32_t r) { return r < sizeof end_names / sizeof *end_names ? end_names[r] : "?"; }

/* An op_start's side words: Data->Flags, then the parameters of the major's arm. */
static void op_snapshot(const engine *e, const trc_event *ev, cJSON *o) {
  if (!ev->nwords) return;
  const uint64_t *w = trc_words(&e->trace, ev);
  flags(o, "flags", FP_NT_FLAGS_CALLBACK_DATA, (uint32_t)w[0]);
  const uint16_t *fields = NULL;
  uint32_t count = cb_param_fields(e, (uint8_t)ev->b, &fields);
  if (!count || ev->nwords < 2) return;
  cJSON *params = cJSON_AddObjectToObject(o, "params");
  for (uint32_t i = 0; params && i < count && i + 1 < ev->nwords; i++) hex(params, ks_field_path((ks_field)fields[i]), w[i + 1]);
}

static void words(const engine *e, const trc_event *ev, cJSON *o, const char *key) {
  cJSON *a = cJSON_AddArrayToObject(o, key);
  for (uint32_t i = 0; i < ev->nwords; i++) {
    char b[24];
    snprintf(b, sizeof b, "0x%llx", (unsigned long long)trc_words(&e->trace, ev)[i]);
    cJSON_AddItemToArray(a, cJSON_CreateString(b));
  }
}

/* The return value of a callback in the names of its type. */
static void callback_return(cJSON *o, uint32_t role, uint64_t v) {
  const char *name = NULL;
  if (role == CB_PRE) name = fp_nt_preop_status_name((int)(int32_t)(uint32_t)v);
  else if (role == CB_POST || role == CB_SAFE_POST) name = fp_nt_postop_status_name((int)(int32_t)(uint32_t)v);
  else if (role == CB_WORK_ROUTINE || role == CB_TEARDOWN_START || role == CB_TEARDOWN_COMPLETE) {
    return; /* VOID */
  } else {
    status(o, "return", (uint32_t)v);
    return;
  }
  if (name) cJSON_AddStringToObject(o, "return", name);
  else hex(o, "return", v);
}

static void event_fields(const engine *e, const trc_event *ev, cJSON *o) {
  const char *s = trc_string(&e->trace, ev->str);
  switch ((trc_kind)ev->kind) {
  case TRC_RUN_START:
    hex(o, "seed", ev->x);
    cJSON_AddBoolToObject(o, "verifier", ev->a != 0);
    break;
  case TRC_RUN_END:
    cJSON_AddStringToObject(o, "reason", end_name(ev->a));
    if (ev->a == FP_END_BUGCHECK) hex(o, "code", ev->b);
    if (ev->a == FP_END_VERIFIER || ev->a == FP_END_HANG)
      cJSON_AddStringToObject(o, "rule", (int)ev->b >= 0 ? rules_id((rule_id)ev->b) : "");
    if (*s) cJSON_AddStringToObject(o, "what", s);
    break;
  case TRC_DRIVER_LOAD:
    cJSON_AddNumberToObject(o, "driver", ev->a);
    cJSON_AddStringToObject(o, "name", s);
    break;
  case TRC_FILTER_REGISTERED:
    cJSON_AddNumberToObject(o, "driver", ev->a);
    cJSON_AddNumberToObject(o, "operations", ev->b);
    hex(o, "filter", ev->x);
    break;
  case TRC_FILTER_STARTED:
  case TRC_FILTER_UNLOADED:
    cJSON_AddNumberToObject(o, "driver", ev->a);
    if (ev->kind == TRC_FILTER_UNLOADED && ev->b) status(o, "status", ev->b);
    break;
  case TRC_INSTANCE_ATTACHED:
    cJSON_AddStringToObject(o, "altitude", s);
    hex(o, "object", ev->x);
    break;
  case TRC_INSTANCE_NOT_ATTACHED:
    status(o, "status", ev->a);
    break;
  case TRC_CONTROL:
    cJSON_AddStringToObject(o, "action", ev->a == FP_CONTROL_UNLOAD ? "unload" : "detach");
    cJSON_AddNumberToObject(o, "driver", (double)ev->x);
    status(o, "status", ev->b);
    cJSON_AddStringToObject(o, "what", s);
    break;
  case TRC_THREAD_SWITCH:
    cJSON_AddNumberToObject(o, "from", ev->a);
    cJSON_AddNumberToObject(o, "to", ev->b);
    cJSON_AddStringToObject(o, "why", s);
    break;
  case TRC_IRQL_CHANGE:
    irql(o, "from", ev->a);
    irql(o, "to", ev->b);
    cJSON_AddStringToObject(o, "why", s);
    break;
  case TRC_DPC_START:
  case TRC_DPC_END:
    break;
  case TRC_WAIT:
  case TRC_WAKE:
    cJSON_AddStringToObject(o, "what", s);
    break;
  case TRC_WORK_QUEUED:
  case TRC_WORK_START:
  case TRC_WORK_END:
    if (ev->kind == TRC_WORK_QUEUED) cJSON_AddStringToObject(o, "queue", ev->a ? "DelayedWorkQueue" : "CriticalWorkQueue");
    cJSON_AddStringToObject(o, "item_kind", ev->b < 3 ? item_kinds[ev->b] : "?");
    hex(o, "routine", ev->x);
    if (ev->kind != TRC_WORK_END && ev->y) hex(o, "item", ev->y);
    break;
  case TRC_REQUEST_START:
    cJSON_AddStringToObject(o, "request_kind", ev->a < FP_OP_KIND_COUNT ? request_kinds[ev->a] : "?");
    cJSON_AddStringToObject(o, "io", ev->b < 3 ? io_paths[ev->b] : "?");
    cJSON_AddStringToObject(o, "target", s);
    break;
  case TRC_REQUEST_END:
    status(o, "status", ev->a);
    hex(o, "information", ev->x);
    if (ev->b) cJSON_AddBoolToObject(o, "asynchronous", 1);
    break;
  case TRC_OP_START:
    cJSON_AddStringToObject(o, "op_kind", ev->a < 3 ? op_kinds[ev->a] : "?");
    major(o, "major", ev->b);
    hex(o, "callback_data", ev->x);
    flags(o, "irp_flags", FP_NT_FLAGS_IRP, (uint32_t)ev->y);
    op_snapshot(e, ev, o);
    break;
  case TRC_OP_END:
  case TRC_FS_RESULT:
    status(o, "status", ev->a);
    hex(o, "information", ev->x);
    break;
  case TRC_INSTANCE_SKIPPED:
    cJSON_AddStringToObject(o, "why", s);
    break;
  case TRC_CALLBACK_ENTER:
    cJSON_AddStringToObject(o, "role", cb_role_name((cb_role)ev->a));
    cJSON_AddStringToObject(o, "function", s);
    hex(o, "address", ev->x);
    words(e, ev, o, "args");
    break;
  case TRC_CALLBACK_EXIT:
    cJSON_AddStringToObject(o, "role", cb_role_name((cb_role)ev->a));
    cJSON_AddStringToObject(o, "function", s);
    callback_return(o, ev->a, ev->x);
    if (ev->nwords) {
      cJSON *changes = cJSON_AddArrayToObject(o, "changes");
      for (uint32_t i = 0; i + 3 <= ev->nwords; i += 3) {
        const uint64_t *w = trc_words(&e->trace, ev) + i;
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "field", trc_string(&e->trace, (uint32_t)w[0]));
        hex(c, "old", w[1]);
        hex(c, "new", w[2]);
        cJSON_AddItemToArray(changes, c);
      }
    }
    break;
  case TRC_PARAMS_IGNORED:
    break;
  case TRC_OP_PENDED:
    cJSON_AddStringToObject(o, "in", ev->a ? "post" : "pre");
    break;
  case TRC_OP_RESUMED:
    cJSON_AddStringToObject(o, "how", ev->a == 1 ? "completed_in_pre" : ev->a == 2 ? "post_completed" : "pre_completed");
    if (ev->a != 2) {
      if (ev->a == 1) status(o, "status", ev->b);
      else {
        const char *n = fp_nt_preop_status_name((int)(int32_t)ev->b);
        cJSON_AddStringToObject(o, "status", n ? n : "?");
      }
    }
    break;
  case TRC_SYNC_HANDOFF:
    cJSON_AddNumberToObject(o, "to", ev->a);
    break;
  case TRC_IRP_DOWN:
    cJSON_AddStringToObject(o, "op_kind", ev->a < 3 ? op_kinds[ev->a] : "?");
    major(o, "major", ev->b);
    break;
  case TRC_IRP_COMPLETE:
    status(o, "status", ev->a);
    hex(o, "information", ev->x);
    cJSON_AddStringToObject(o, "from", ev->b ? "dpc" : "inline");
    break;
  case TRC_FAST_IO_REFUSED:
    cJSON_AddStringToObject(o, "next", ev->a ? "open_query_close" : "irp");
    break;
  case TRC_API_CALL:
    cJSON_AddStringToObject(o, "name", s);
    words(e, ev, o, "args");
    break;
  case TRC_API_RETURN:
    cJSON_AddStringToObject(o, "name", s);
    if (!ev->a) hex(o, "value", ev->x);
    break;
  case TRC_POOL_ALLOC:
  case TRC_POOL_FREE:
    hex(o, "address", ev->x);
    cJSON_AddNumberToObject(o, "size", (double)ev->y);
    tag(o, "tag", ev->a);
    if (ev->kind == TRC_POOL_ALLOC) cJSON_AddStringToObject(o, "pool", ev->b ? "paged" : "nonpaged");
    break;
  case TRC_PAGE_OUT:
    cJSON_AddNumberToObject(o, "blocks", ev->a);
    cJSON_AddStringToObject(o, "why", s);
    break;
  case TRC_PAGE_IN:
    hex(o, "address", ev->x);
    break;
  case TRC_MEMORY_WARNING:
    hex(o, "address", ev->x);
    if (ev->y) hex(o, "block", ev->y);
    cJSON_AddStringToObject(o, "what", s);
    break;
  case TRC_DRAIN:
    cJSON_AddNumberToObject(o, "copy", ev->a);
    break;
  case TRC_TEARDOWN:
    cJSON_AddStringToObject(o, "phase", ev->a ? "complete" : "start");
    hex(o, "reason", ev->b);
    break;
  case TRC_STATEMENT: {
    cJSON_AddNumberToObject(o, "line", ev->a);
    cJSON_AddNumberToObject(o, "col", ev->b);
    cJSON_AddNumberToObject(o, "end_line", (double)(ev->x >> 32));
    cJSON_AddNumberToObject(o, "end_col", (double)(ev->x & 0xFFFFFFFFu));
    if (ev->nwords) {
      cJSON *changes = cJSON_AddObjectToObject(o, "locals");
      for (uint32_t i = 0; i + 2 <= ev->nwords; i += 2) {
        const uint64_t *w = trc_words(&e->trace, ev) + i;
        hex(changes, trc_string(&e->trace, (uint32_t)w[0]), w[1]);
      }
    }
    break;
  }
  case TRC_DBG_PRINT:
    cJSON_AddStringToObject(o, "text", s);
    break;
  case TRC_LINT:
  case TRC_VIOLATION:
    if ((int)ev->a >= 0) cJSON_AddStringToObject(o, "rule", rules_id((rule_id)ev->a));
    cJSON_AddStringToObject(o, "label", s);
    if (ev->kind == TRC_VIOLATION) cJSON_AddBoolToObject(o, "stops", ev->b != 0);
    if (ev->x || ev->y) {
      hex(o, "detail1", ev->x);
      hex(o, "detail2", ev->y);
    }
    break;
  case TRC_EXCEPTION:
    status(o, "code", ev->a);
    cJSON_AddStringToObject(o, "handled", ev->b == 1 ? "driver" : ev->b == 2 ? "kernel" : "no");
    hex(o, "address", ev->x);
    hex(o, "pc", ev->y);
    break;
  case TRC_BUGCHECK: {
    char b[16];
    snprintf(b, sizeof b, "0x%X", ev->a);
    cJSON_AddStringToObject(o, "code", b);
    const char *name = fp_nt_bugcheck_name(ev->a);
    cJSON_AddStringToObject(o, "name", name ? name : "");
    words(e, ev, o, "parameters");
    if ((int)ev->b >= 0) cJSON_AddStringToObject(o, "rule", rules_id((rule_id)ev->b));
    break;
  }
  case TRC_HANG:
    if ((int)ev->a >= 0) cJSON_AddStringToObject(o, "rule", rules_id((rule_id)ev->a));
    cJSON_AddStringToObject(o, "what", s);
    break;
  case TRC_KIND_COUNT:
    break;
  }
}

static cJSON *event_json(const engine *e, const trc_event *ev) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  cJSON_AddNumberToObject(o, "seq", ev->seq);
  cJSON_AddNumberToObject(o, "t", (double)ev->time);
  cJSON_AddStringToObject(o, "kind", trc_kind_name((trc_kind)ev->kind));
  cJSON_AddNumberToObject(o, "thread", ev->thread);
  irql(o, "irql", ev->irql);
  if (ev->dpc) cJSON_AddBoolToObject(o, "dpc", 1);
  if (ev->instance >= 0) cJSON_AddNumberToObject(o, "instance", ev->instance);
  if (ev->op >= 0) cJSON_AddNumberToObject(o, "op", ev->op);
  if (ev->request >= 0) cJSON_AddNumberToObject(o, "request", ev->request);
  event_fields(e, ev, o);
  return o;
}

static const char *thread_kind_name(thread_kind k) {
  switch (k) {
  case TK_SYSTEM: return "system";
  case TK_APP: return "application";
  case TK_WORKER: return "worker";
  case TK_IDLE: return "idle";
  }
  return "?";
}

static cJSON *header(const engine *e) {
  cJSON *h = cJSON_CreateObject();
  cJSON_AddStringToObject(h, "engine", fp_version());
  hex(h, "seed", e->config.seed);
  cJSON_AddBoolToObject(h, "verifier", e->config.verifier != 0);
  cJSON_AddBoolToObject(h, "memory_pressure", e->config.memory_pressure != 0);
  cJSON *threads = cJSON_AddArrayToObject(h, "threads");
  for (int i = 0; i < e->thread_count; i++) {
    const thread *t = e->threads[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", t->id);
    cJSON_AddStringToObject(o, "name", t->name);
    cJSON_AddStringToObject(o, "kind", thread_kind_name(t->kind));
    cJSON_AddStringToObject(o, "process", e->processes[t->process]);
    hex(o, "ethread", t->ethread);
    cJSON_AddItemToArray(threads, o);
  }
  cJSON *drivers = cJSON_AddArrayToObject(h, "drivers");
  for (int i = 0; i < e->driver_count; i++) {
    const driver *d = e->drivers[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", d->id);
    cJSON_AddStringToObject(o, "name", d->name);
    cJSON_AddStringToObject(o, "altitude", d->altitude);
    cJSON *fs = cJSON_AddArrayToObject(o, "functions");
    for (uint32_t f = 0; f < d->function_count; f++) {
      cJSON *fo = cJSON_CreateObject();
      cJSON_AddStringToObject(fo, "name", d->functions[f].name);
      hex(fo, "address", d->functions[f].address);
      if (d->functions[f].flags & FP_FUNC_PAGEABLE) cJSON_AddBoolToObject(fo, "pageable", 1);
      cJSON_AddItemToArray(fs, fo);
    }
    cJSON_AddItemToArray(drivers, o);
  }
  cJSON *instances = cJSON_AddArrayToObject(h, "instances");
  for (int i = 0; i < e->instance_count; i++) {
    const instance *in = e->instances[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", in->id);
    cJSON_AddNumberToObject(o, "driver", in->driver);
    cJSON_AddStringToObject(o, "altitude", in->altitude);
    hex(o, "object", in->object);
    cJSON_AddItemToArray(instances, o);
  }
  cJSON *requests = cJSON_AddArrayToObject(h, "requests");
  for (int i = 0; i < e->request_count; i++) {
    const request *r = e->requests[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", r->id);
    cJSON_AddNumberToObject(o, "thread", r->thread);
    cJSON_AddNumberToObject(o, "index", r->index);
    if (r->parent >= 0) cJSON_AddNumberToObject(o, "parent", r->parent);
    cJSON_AddStringToObject(o, "kind", request_kinds[r->desc.kind]);
    if (r->desc.path) cJSON_AddStringToObject(o, "path", r->desc.path);
    if (r->desc.handle && r->desc.handle[0] != '\x01') cJSON_AddStringToObject(o, "handle", r->desc.handle);
    cJSON_AddItemToArray(requests, o);
  }
  cJSON *ops = cJSON_AddArrayToObject(h, "ops");
  for (int i = 0; i < e->op_count; i++) {
    const op *p = e->ops[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", p->id);
    cJSON_AddNumberToObject(o, "request", p->request);
    cJSON_AddStringToObject(o, "kind", op_kinds[p->kind]);
    major(o, "major", p->major);
    hex(o, "callback_data", p->cbd);
    if (p->draining_copy) cJSON_AddBoolToObject(o, "drain_copy", 1);
    if (p->generated) cJSON_AddBoolToObject(o, "generated", 1);
    cJSON_AddItemToArray(ops, o);
  }
  return h;
}

static char *finish(cJSON *root) {
  char *text = root ? cJSON_PrintUnformatted(root) : NULL;
  cJSON_Delete(root);
  if (!text) return NULL;
  /* Hand over a copy that fp_string_free releases (the API's one rule), not cJSON's block. */
  size_t n = strlen(text);
  char *out = malloc(n + 1);
  if (out) memcpy(out, text, n + 1);
  cJSON_free(text);
  return out;
}

char *fp_engine_trace_json(const fp_engine *e, uint32_t first, uint32_t count) {
  if (!e) return NULL;
  const trc_trace *t = &e->trace;
  int header_only = first == UINT32_MAX;
  int whole = (first == 0 && count == 0) || header_only;
  if (first > t->count) first = t->count;
  uint32_t last = header_only ? first : whole || count > t->count - first ? t->count : first + count;
  /* Any allocation that fails gives NULL (out of memory), never a partial trace; every
   * member is owned by `root` once added, so one delete releases it all. */
  cJSON *root = cJSON_CreateObject();
  if (!root) return NULL;
  int ok = cJSON_AddStringToObject(root, "format", whole ? "fltplay-trace" : "fltplay-trace-chunk") &&
           cJSON_AddNumberToObject(root, "version", 1);
  if (ok && whole) {
    cJSON *h = header(e);
    ok = h && cJSON_AddItemToObject(root, "header", h);
    if (h && !ok) cJSON_Delete(h);
  } else if (ok) {
    ok = cJSON_AddNumberToObject(root, "first", first) != NULL;
  }
  cJSON *events = ok ? cJSON_AddArrayToObject(root, "events") : NULL;
  ok = ok && events;
  for (uint32_t i = first; ok && i < last; i++) {
    cJSON *ev = event_json(e, trc_at(t, i));
    ok = ev && cJSON_AddItemToArray(events, ev);
    if (ev && !ok) cJSON_Delete(ev);
  }
  if (ok && whole) {
    cJSON *end = cJSON_AddObjectToObject(root, "end");
    ok = end && cJSON_AddStringToObject(end, "reason", end_name(e->end)) && cJSON_AddNumberToObject(end, "events", t->count);
  }
  if (!ok) {
    cJSON_Delete(root);
    return NULL;
  }
  return finish(root);
}
