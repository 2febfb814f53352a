/* scenario.c: test minifilters, application operations and trace summaries (scenario.h). */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/callback.h"
#include "engine/engine_int.h"
#include "engine/rules.h"
#include "kmem/kmem.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"

/* ---- The generic DriverEntry ------------------------------------------------------------------- */

#define REG_OFFSET 0x000
#define OPS_OFFSET 0x080
#define FILTER_OFFSET 0x300
#define GLOBALS_SIZE 0x1000

typedef struct entry_slot {
  fp_callable callable; /* first: the engine keeps a copy whose user points here */
  tdrv d;
} entry_slot;

#define ENTRY_SLOTS 64
static entry_slot entries[ENTRY_SLOTS];
static int entry_next;

static NATIVE(unused) {
  (void)k;
  inv->result = 0;
  return FP_STEP_RETURNED;
}

#define W(off, size, value) N_WRITE(GLOBALS + (off), (size), (value))

static fp_step_result entry_step(const fp_callable *self, fp_invocation *inv, fp_kctx *k) {
  const tdrv *d = &((const entry_slot *)self->user)->d;
  N_BEGIN;
  {
    uint64_t reg = REG_OFFSET;
    W(reg + ks_offset(KS_FLT_REGISTRATION_Size), 2, d->reg_size ? d->reg_size : ks_struct_size(KS_STRUCT_FLT_REGISTRATION));
    W(reg + ks_offset(KS_FLT_REGISTRATION_Version), 2, d->reg_version ? d->reg_version : FLT_REGISTRATION_VERSION);
    W(reg + ks_offset(KS_FLT_REGISTRATION_OperationRegistration), 8, GLOBALS + OPS_OFFSET);
    W(reg + ks_offset(KS_FLT_REGISTRATION_FilterUnloadCallback), 8, d->unload ? FN(1) : 0);
    W(reg + ks_offset(KS_FLT_REGISTRATION_InstanceSetupCallback), 8, d->setup ? FN(2) : 0);
    W(reg + ks_offset(KS_FLT_REGISTRATION_InstanceQueryTeardownCallback), 8, d->query_teardown ? FN(3) : 0);
    W(reg + ks_offset(KS_FLT_REGISTRATION_InstanceTeardownStartCallback), 8, d->teardown_start ? FN(4) : 0);
    W(reg + ks_offset(KS_FLT_REGISTRATION_InstanceTeardownCompleteCallback), 8, d->teardown_complete ? FN(5) : 0);
    uint32_t stride = ks_struct_size(KS_STRUCT_FLT_OPERATION_REGISTRATION);
    for (int i = 0; i <= d->op_count; i++) {
      uint64_t o = OPS_OFFSET + (uint64_t)i * stride;
      int end = i == d->op_count;
      W(o + ks_offset(KS_FLT_OPERATION_REGISTRATION_MajorFunction), 1, end ? IRP_MJ_OPERATION_END : d->ops[i].major);
      W(o + ks_offset(KS_FLT_OPERATION_REGISTRATION_Flags), 4, end ? 0 : d->ops[i].flags);
      W(o + ks_offset(KS_FLT_OPERATION_REGISTRATION_PreOperation), 8, !end && d->ops[i].pre ? FN(6 + 2 * i) : 0);
      W(o + ks_offset(KS_FLT_OPERATION_REGISTRATION_PostOperation), 8, !end && d->ops[i].post ? FN(7 + 2 * i) : 0);
    }
  }
  if (d->skip_register) N_RETURN(STATUS_SUCCESS);
  N_CALL("FltRegisterFilter", ARG(0), GLOBALS + REG_OFFSET, GLOBALS + FILTER_OFFSET);
  if (!NT_SUCCESS((uint32_t)N_RET)) N_RETURN(N_RET);
  if (d->skip_start) N_RETURN(STATUS_SUCCESS);
  N_READ(GLOBALS + FILTER_OFFSET, 8);
  inv->locals[0] = N_RET;
  N_CALL("FltStartFiltering", inv->locals[0]);
  if (!NT_SUCCESS((uint32_t)N_RET)) N_RETURN(N_RET);
  N_RETURN(d->entry_fails ? STATUS_UNSUCCESSFUL : STATUS_SUCCESS);
  N_END;
}

int tdrv_add(fp_engine *e, const tdrv *d) {
  entry_slot *slot = &entries[entry_next++ % ENTRY_SLOTS];
  slot->d = *d;
  slot->callable.step = entry_step;
  slot->callable.raise = NULL;
  slot->callable.abandon = NULL;
  slot->callable.user = slot;
  enum { N = 6 + 2 * TDRV_MAX_OPS + TDRV_MAX_EXTRA };
  fp_callable callables[N];
  fp_function_desc fns[N];
  static const char *const fixed[6] = { "DriverEntry", "FilterUnload", "InstanceSetup", "InstanceQueryTeardown",
                                        "InstanceTeardownStart", "InstanceTeardownComplete" };
  static char names[TDRV_MAX_OPS * 2][40];
  native_fn fixed_fns[6] = { NULL, d->unload, d->setup, d->query_teardown, d->teardown_start, d->teardown_complete };
  for (int i = 0; i < N; i++) {
    native_fn fn = unused;
    const char *name = "Unused";
    unsigned flags = 0;
    if (i < 6) {
      name = fixed[i];
      if (fixed_fns[i]) fn = fixed_fns[i];
    } else if (i < 6 + 2 * TDRV_MAX_OPS) {
      int reg = (i - 6) / 2, post = (i - 6) % 2;
      if (reg < d->op_count) {
        fn = post ? d->ops[reg].post : d->ops[reg].pre;
        if (!fn) fn = unused;
        snprintf(names[i - 6], sizeof names[0], "%s%s", post ? "Post" : "Pre",
                 fp_nt_major_name(d->ops[reg].major) ? fp_nt_major_name(d->ops[reg].major) + 7 : "Op");
        name = names[i - 6];
        flags = post ? d->post_flags : d->pre_flags;
      }
    } else {
      int x = i - 6 - 2 * TDRV_MAX_OPS;
      if (d->extra[x]) {
        fn = d->extra[x];
        name = d->extra_names[x] ? d->extra_names[x] : "Extra";
        flags = d->extra_flags[x];
      }
    }
    callables[i] = native_callable(fn);
    fns[i].name = name;
    fns[i].callable = &callables[i];
    fns[i].flags = flags;
  }
  fns[0].callable = &slot->callable;
  fp_driver_desc desc = { d->name, d->altitude, fns, N, 0, GLOBALS_SIZE, 0 };
  int id = -1;
  if (fp_engine_add_driver(e, &desc, &id) != FP_OK) {
    printf("  tdrv_add(%s): %s\n", d->name, fp_engine_error(e));
    return -1;
  }
  return id;
}

/* ---- Common callbacks and scenarios ----------------------------------------------------------- */

#define RETURNS(name, value) \
  NATIVE(name) {             \
    (void)k;                 \
    inv->result = (value);   \
    return FP_STEP_RETURNED; \
  }

RETURNS(n_pre_with_callback, FLT_PREOP_SUCCESS_WITH_CALLBACK)
RETURNS(n_pre_no_callback, FLT_PREOP_SUCCESS_NO_CALLBACK)
RETURNS(n_pre_synchronize, FLT_PREOP_SYNCHRONIZE)
RETURNS(n_post_finished, FLT_POSTOP_FINISHED_PROCESSING)
RETURNS(n_status_success, STATUS_SUCCESS)
RETURNS(n_void, 0)

tdrv tdrv_one(const char *name, const char *altitude, uint8_t major, uint32_t flags, native_fn pre, native_fn post) {
  tdrv d;
  memset(&d, 0, sizeof d);
  d.name = name;
  d.altitude = altitude;
  d.ops[0].major = major;
  d.ops[0].flags = flags;
  d.ops[0].pre = pre;
  d.ops[0].post = post;
  d.op_count = 1;
  return d;
}

static fp_engine *engine_with(uint64_t seed, int verifier, int pressure) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.seed = seed;
  cfg.verifier = verifier;
  cfg.memory_pressure = pressure;
  fp_engine *e = fp_engine_new(&cfg);
  if (!e) return NULL;
  static const char a[] = "hello world, this is a.txt";
  static uint8_t b[2048];
  for (size_t i = 0; i < sizeof b; i++) b[i] = (uint8_t)i;
  fp_engine_add_file(e, "\\a.txt", a, sizeof a - 1, 0);
  fp_engine_add_file(e, "\\b.txt", b, sizeof b, 0);
  return e;
}

fp_engine *engine_with_files(uint64_t seed, int verifier) { return engine_with(seed, verifier, 0); }

fp_engine *engine_under_pressure(uint64_t seed, int verifier) { return engine_with(seed, verifier, 1); }

int app_open_do_close(fp_engine *e, const fp_op_desc *middle) {
  int t = -1;
  fp_engine_add_thread(e, "app", NULL, &t);
  fp_op_desc c = op_create("\\a.txt", "h");
  fp_engine_add_op(e, t, &c, NULL);
  if (middle) fp_engine_add_op(e, t, middle, NULL);
  fp_op_desc x = op_close("h");
  fp_engine_add_op(e, t, &x, NULL);
  return t;
}

/* ---- Operations ------------------------------------------------------------------------------- */

fp_op_desc op_create(const char *path, const char *h) {
  fp_op_desc o;
  memset(&o, 0, sizeof o);
  o.kind = FP_OP_CREATE;
  o.path = path;
  o.handle = h;
  o.desired_access = GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE;
  o.share_access = FILE_SHARE_READ | FILE_SHARE_WRITE;
  o.disposition = FILE_OPEN_IF;
  o.options = FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE;
  return o;
}

fp_op_desc op_read(const char *h, uint64_t offset, uint32_t length, fp_io_path io) {
  fp_op_desc o;
  memset(&o, 0, sizeof o);
  o.kind = FP_OP_READ;
  o.handle = h;
  o.offset = offset;
  o.length = length;
  o.io = io;
  return o;
}

fp_op_desc op_write(const char *h, uint64_t offset, uint32_t length, const void *data, fp_io_path io) {
  fp_op_desc o = op_read(h, offset, length, io);
  o.kind = FP_OP_WRITE;
  o.data = data;
  return o;
}

fp_op_desc op_close(const char *h) {
  fp_op_desc o;
  memset(&o, 0, sizeof o);
  o.kind = FP_OP_CLOSE_HANDLE;
  o.handle = h;
  return o;
}

/* ---- Reading the trace ------------------------------------------------------------------------ */

static void append(char **buf, size_t *len, size_t *cap, const char *s) {
  size_t n = strlen(s);
  if (*len + n + 1 > *cap) {
    *cap = (*len + n + 1) * 2;
    *buf = realloc(*buf, *cap);
    if (!*buf) abort();
  }
  memcpy(*buf + *len, s, n + 1);
  *len += n;
}

char *trace_callbacks(const fp_engine *ce, unsigned role_mask) {
  engine *e = (engine *)(uintptr_t)ce;
  char *out = NULL;
  size_t len = 0, cap = 0;
  append(&out, &len, &cap, "");
  for (uint32_t i = 0; i < e->trace.count; i++) {
    const trc_event *ev = trc_at(&e->trace, i);
    if (ev->kind != TRC_CALLBACK_ENTER) continue;
    if (role_mask && !(role_mask & (1u << ev->a))) continue;
    int d = -1;
    cb_function_at(e, ev->x, &d);
    char line[256];
    const char *major = ev->op >= 0 ? fp_nt_major_name(e->ops[ev->op]->major) : NULL;
    const char *kind = "";
    if (ev->op >= 0 && e->ops[ev->op]->kind == OK_FAST_IO) kind = " (fast I/O)";
    if (ev->op >= 0 && e->ops[ev->op]->kind == OK_FS_FILTER) kind = " (FsFilter)";
    if (ev->op >= 0 && e->ops[ev->op]->draining_copy) kind = " (draining)";
    snprintf(line, sizeof line, "%s.%s%s%s%s @%s in %s\n", d >= 0 ? e->drivers[d]->name : "?",
             cb_role_name((cb_role)ev->a), major ? " " : "", major ? major : "", kind, fp_nt_irql_name(ev->irql),
             ev->dpc ? "DPC" : e->threads[ev->thread]->name);
    append(&out, &len, &cap, line);
  }
  return out;
}

static const char *where(const engine *e, const trc_event *ev) {
  return ev->dpc ? "DPC" : ev->thread >= 0 ? e->threads[ev->thread]->name : "-";
}

char *trace_flow(const fp_engine *ce, uint8_t major) {
  engine *e = (engine *)(uintptr_t)ce;
  char *out = NULL;
  size_t len = 0, cap = 0;
  append(&out, &len, &cap, "");
  for (uint32_t i = 0; i < e->trace.count; i++) {
    const trc_event *ev = trc_at(&e->trace, i);
    if (ev->op < 0 || e->ops[ev->op]->major != major) continue;
    char line[256];
    line[0] = '\0';
    const char *irql = fp_nt_irql_name(ev->irql);
    const char *drv = ev->instance >= 0 ? e->drivers[e->instances[ev->instance]->driver]->name : "?";
    switch ((trc_kind)ev->kind) {
    case TRC_CALLBACK_ENTER: {
      int d = -1;
      cb_function_at(e, ev->x, &d);
      snprintf(line, sizeof line, "%s.%s @%s in %s\n", d >= 0 ? e->drivers[d]->name : "?", cb_role_name((cb_role)ev->a),
               irql, where(e, ev));
      break;
    }
    case TRC_IRP_DOWN: snprintf(line, sizeof line, "file system <- @%s in %s\n", irql, where(e, ev)); break;
    case TRC_IRP_COMPLETE: snprintf(line, sizeof line, "file system completes %s\n", ev->b ? "in a DPC" : "inline"); break;
    case TRC_OP_PENDED: snprintf(line, sizeof line, "%s pends in %s\n", drv, ev->a ? "post" : "pre"); break;
    case TRC_SYNC_HANDOFF: snprintf(line, sizeof line, "hand-off to %s\n", e->threads[ev->a]->name); break;
    case TRC_WORK_START: snprintf(line, sizeof line, "work item in %s\n", where(e, ev)); break;
    case TRC_DRAIN: snprintf(line, sizeof line, "%s drains\n", drv); break;
    case TRC_OP_END: {
      const char *st = fp_nt_status_name(ev->a);
      snprintf(line, sizeof line, "done %s\n", st ? st : "?");
      break;
    }
    default: break;
    }
    if (line[0]) append(&out, &len, &cap, line);
  }
  return out;
}

char *trace_end(const fp_engine *ce) {
  engine *e = (engine *)(uintptr_t)ce;
  char line[512];
  snprintf(line, sizeof line, "running");
  for (uint32_t i = 0; i < e->trace.count; i++) {
    const trc_event *ev = trc_at(&e->trace, i);
    static const uint64_t none[4];
    const uint64_t *w = ev->nwords >= 4 ? trc_words(&e->trace, ev) : none;
    if (ev->kind == TRC_BUGCHECK)
      snprintf(line, sizeof line, "bugcheck 0x%X (0x%llx, 0x%llx, 0x%llx, 0x%llx)", ev->a, (unsigned long long)w[0],
               (unsigned long long)w[1], (unsigned long long)w[2], (unsigned long long)w[3]);
    else if (ev->kind == TRC_HANG)
      snprintf(line, sizeof line, "hang %s", (int)ev->a >= 0 ? rules_id((rule_id)(ev->a)) : "NONE");
    else if (ev->kind == TRC_RUN_END && ev->a == FP_END_COMPLETED)
      snprintf(line, sizeof line, "completed");
    else if (ev->kind == TRC_RUN_END && ev->a == FP_END_VERIFIER)
      snprintf(line, sizeof line, "verifier %s", rules_id((rule_id)(ev->b)));
    else if (ev->kind == TRC_RUN_END && ev->a == FP_END_BUDGET)
      snprintf(line, sizeof line, "budget");
    else if (ev->kind == TRC_RUN_END && ev->a == FP_END_INTERNAL)
      snprintf(line, sizeof line, "internal: %s", trc_string(&e->trace, ev->str));
  }
  size_t n = strlen(line) + 1;
  char *copy = malloc(n);
  if (copy) memcpy(copy, line, n);
  return copy;
}

const char *request_status(const fp_engine *ce, int thread_id, int index) {
  engine *e = (engine *)(uintptr_t)ce;
  static char buf[32];
  for (int i = 0; i < e->request_count; i++) {
    const request *r = e->requests[i];
    if (r->thread != thread_id || r->index != index || r->parent >= 0) continue;
    if (r->state != RQ_DONE) return "(not finished)";
    const char *name = fp_nt_status_name(r->status);
    if (name) return name;
    snprintf(buf, sizeof buf, "0x%08X", r->status);
    return buf;
  }
  return "(no such request)";
}

char *trace_rules(const fp_engine *ce) {
  engine *e = (engine *)(uintptr_t)ce;
  char *out = NULL;
  size_t len = 0, cap = 0;
  append(&out, &len, &cap, "");
  for (uint32_t i = 0; i < e->trace.count; i++) {
    const trc_event *ev = trc_at(&e->trace, i);
    if ((ev->kind != TRC_VIOLATION && ev->kind != TRC_LINT) || (int)ev->a < 0) continue;
    if (len) append(&out, &len, &cap, " ");
    append(&out, &len, &cap, rules_id((rule_id)(ev->a)));
  }
  return out;
}

int trace_has(const fp_engine *e, const char *kind, const char *text) {
  char *json = fp_engine_trace_json(e, 0, 0);
  if (!json) return 0;
  int found = 0;
  char needle[64];
  snprintf(needle, sizeof needle, "\"kind\":\"%s\"", kind);
  for (char *p = strstr(json, needle); p && !found; p = strstr(p + 1, needle)) {
    char *start = p;
    while (start > json && *start != '{') start--;
    char *end = strchr(p, '}');
    if (!end) break;
    char saved = end[1];
    end[1] = '\0';
    if (!text || strstr(start, text)) found = 1;
    end[1] = saved;
  }
  free(json);
  return found;
}

uint64_t peek(const fp_engine *ce, uint64_t address, uint32_t size) {
  engine *e = (engine *)(uintptr_t)ce;
  const uint8_t *p = km_raw(e->mem, address, size);
  uint64_t v = 0;
  for (uint32_t i = 0; p && i < size; i++) v |= (uint64_t)p[i] << (8 * i);
  return v;
}

uint64_t scratch(const fp_engine *e, int drv, int slot) {
  return peek(e, fp_engine_globals_address(e, drv) + SCRATCH + 8u * (uint32_t)slot, 8);
}

static int trace_files;

fp_end_reason run_all(fp_engine *e) {
  fp_end_reason r = fp_engine_run(e, 0);
  const char *dir = getenv("FLTPLAY_TRACE_DIR");
  if (dir) {
    /* For the native-versus-wasm comparison: every run's trace in its own file. */
    char path[512];
    const char *prefix = getenv("FLTPLAY_TRACE_PREFIX");
    snprintf(path, sizeof path, "%s/%s.%03d.json", dir, prefix ? prefix : "trace", trace_files++);
    char *json = fp_engine_trace_json(e, 0, 0);
    FILE *f = fopen(path, "w");
    if (f && json) fputs(json, f);
    if (f) fclose(f);
    free(json);
  }
  if (getenv("FLTPLAY_DUMP")) {
    char *text = fp_engine_trace_text(e);
    fputs(text ? text : "(no trace)\n", stdout);
    free(text);
  }
  return r;
}
