/* callback.c: the activation that runs driver code, and the kernel context it gets. */
#include "engine/callback.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "engine/bytes.h"
#include "engine/cbd.h"
#include "kstruct/kstruct.h"

#include "engine/kapi.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "nt/nt.h"

static const char *const role_names[CB_ROLE_COUNT] = {
  "DriverEntry", "FilterUnloadCallback", "InstanceSetupCallback", "InstanceQueryTeardownCallback",
  "InstanceTeardownStartCallback", "InstanceTeardownCompleteCallback", "PreOperation",
  "PostOperation", "WorkRoutine", "SafePostCallback",
};

const char *cb_role_name(cb_role r) { return (unsigned)r < CB_ROLE_COUNT ? role_names[r] : "callback"; }

const function *cb_function_at(engine *e, uint64_t address, int *driver_out) {
  /* Code blocks are pages apart and never move: a small cache by address finds most calls. */
  fn_slot *slot = &e->fn_cache[(address >> 13) % ENG_FN_CACHE];
  if (slot->fn && slot->address == address) {
    if (driver_out) *driver_out = slot->driver;
    return slot->fn;
  }
  for (int d = 0; d < e->driver_count; d++) {
    const struct driver *dr = e->drivers[d];
    for (uint32_t i = 0; i < dr->function_count; i++)
      if (dr->functions[i].address == address) {
        if (driver_out) *driver_out = d;
        slot->address = address;
        slot->fn = &dr->functions[i];
        slot->driver = d;
        return &dr->functions[i];
      }
  }
  return NULL;
}

cb_act *cb_running(thread *t) {
  for (act *a = t->top; a; a = a->below)
    if (a->vt == &cb_vt) return (cb_act *)a;
  return NULL;
}

static void cb_destroy(engine *e, act *a) {
  cb_act *c = (cb_act *)a;
  if (c->inv.state && c->fn->callable.abandon) c->fn->callable.abandon(&c->fn->callable, &c->inv, &c->k);
  (void)e;
}

/* Adds a change of the field interned as `id` from `old` to `now` (when they differ). */
static void change_id(engine *e, uint32_t id, const uint8_t *old, const uint8_t *now, uint32_t size) {
  uint64_t w[3] = { id, le_load(old, size), le_load(now, size) };
  trc_add_words(&e->trace, w, 3);
}

/* The same for a field named by a string constant. */
static void change(engine *e, const char *name, const uint8_t *old, const uint8_t *now, uint32_t size) {
  if (same_bytes(old, now, size)) return;
  change_id(e, trc_intern_const(&e->trace, name), old, now, size);
}

/* The trace's id of a function's name. */
static uint32_t name_id(engine *e, const cb_act *c) {
  if (c->fn->name_id) return c->fn->name_id;
  function *fn = &e->drivers[c->driver]->functions[c->inv.function];
  fn->name_id = trc_intern(&e->trace, fn->name);
  return fn->name_id;
}

/* The arm of FLT_PARAMETERS an operation uses, for the trace's "changes". */
static const char *const arms[] = { "Create.", "Read.", "Write.", "QueryFileInformation.", "SetFileInformation.",
                                    "QueryOpen." };

/* The index in `arms` of the parameters of a major function, or -1. */
static int params_arm(uint8_t major) {
  switch (major) {
  case 0x00: return 0;
  case 0x03: return 1;
  case 0x04: return 2;
  case 0x05: return 3;
  case 0x06: return 4;
  case 0xF9: return 5;
  default: return -1;
  }
}

/* Finds, once per engine, the scalar fields of each arm of FLT_PARAMETERS. */
static void find_param_fields(engine *e) {
  ks_field first = ks_struct_first_field(KS_STRUCT_FLT_PARAMETERS);
  size_t count = ks_struct_field_count(KS_STRUCT_FLT_PARAMETERS);
  for (size_t a = 0; a < sizeof arms / sizeof *arms; a++) {
    size_t n = strlen(arms[a]);
    e->param_field_count[a] = 0;
    for (size_t i = 0; i < count; i++) {
      ks_field f = (ks_field)(first + (int)i);
      if (strncmp(ks_field_path(f), arms[a], n) != 0 || kf_size(f) > 8) continue;
      if (e->param_field_count[a] < sizeof e->param_fields[a] / sizeof e->param_fields[a][0])
        e->param_fields[a][e->param_field_count[a]++] = (uint16_t)f;
    }
  }
  e->param_fields_ready = 1;
}

/* Adds to the last event what the callback changed in its operation's callback data and
 * parameters: "Data->IoStatus.Status", "Data->Iopb->Parameters.Read.Length", ... */
static int record_changes(engine *e, const cb_act *c, int quiet) {
  if (c->op < 0) return 0;
  const op *o = e->ops[c->op];
  const uint8_t *now = cbd_host(e, o);
  if (!now) return 0;
  /* Most callbacks change nothing: then only the CompletionContext slot can differ. A quiet
   * callback (no store through a pointer, no kernel call, nothing else ran) changed nothing. */
  int same = quiet || same_bytes(c->before, now, CBD_SIZE + IOPB_SIZE);
  static const struct { ks_field f; const char *name; } top[] = {
    { KS_FLT_CALLBACK_DATA_Flags, "Data->Flags" },
    { KS_FLT_CALLBACK_DATA_Thread, "Data->Thread" },
    { KS_FLT_CALLBACK_DATA_Iopb, "Data->Iopb" },
    { KS_FLT_CALLBACK_DATA_TagData, "Data->TagData" },
    { KS_FLT_CALLBACK_DATA_FilterContext, "Data->FilterContext" },
    { KS_FLT_CALLBACK_DATA_RequestorMode, "Data->RequestorMode" },
  };
  for (size_t i = 0; i < sizeof top / sizeof *top && !same; i++) {
    uint32_t off = kf_offset(top[i].f), size = kf_size(top[i].f);
    change(e, top[i].name, c->before + off, now + off, size > 8 ? 8 : size);
  }
  uint32_t io = kf_offset(KS_FLT_CALLBACK_DATA_IoStatus);
  if (!same) {
    change(e, "Data->IoStatus.Status", c->before + io, now + io, 4);
    change(e, "Data->IoStatus.Information", c->before + io + 8, now + io + 8, 8);
  }
  const uint8_t *ob = c->before + CBD_SIZE, *on = now + CBD_SIZE;
  static const struct { ks_field f; const char *name; } iopb[] = {
    { KS_FLT_IO_PARAMETER_BLOCK_IrpFlags, "Data->Iopb->IrpFlags" },
    { KS_FLT_IO_PARAMETER_BLOCK_MajorFunction, "Data->Iopb->MajorFunction" },
    { KS_FLT_IO_PARAMETER_BLOCK_MinorFunction, "Data->Iopb->MinorFunction" },
    { KS_FLT_IO_PARAMETER_BLOCK_OperationFlags, "Data->Iopb->OperationFlags" },
    { KS_FLT_IO_PARAMETER_BLOCK_TargetFileObject, "Data->Iopb->TargetFileObject" },
    { KS_FLT_IO_PARAMETER_BLOCK_TargetInstance, "Data->Iopb->TargetInstance" },
  };
  for (size_t i = 0; i < sizeof iopb / sizeof *iopb && !same; i++)
    change(e, iopb[i].name, ob + kf_offset(iopb[i].f), on + kf_offset(iopb[i].f), kf_size(iopb[i].f));
  if (c->role == CB_PRE) {
    uint64_t ctx = cbd_context(e, o); /* 0 when the slot is not mapped: no change */
    if (ctx) {
      uint64_t w[3] = { trc_intern_const(&e->trace, "*CompletionContext"), 0, ctx };
      trc_add_words(&e->trace, w, 3);
    }
  }
  int arm = params_arm(o->major);
  if (arm < 0 || same) return same;
  if (!e->param_fields_ready) find_param_fields(e);
  uint32_t base = kf_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters);
  for (uint8_t i = 0; i < e->param_field_count[arm]; i++) {
    ks_field f = (ks_field)e->param_fields[arm][i];
    uint32_t off = base + kf_offset(f), size = kf_size(f);
    if (same_bytes(ob + off, on + off, size)) continue;
    uint32_t *id = &e->param_name_ids[arm][i];
    if (!*id) {
      char name[96];
      snprintf(name, sizeof name, "Data->Iopb->Parameters.%s", ks_field_path(f));
      *id = trc_intern(&e->trace, name);
    }
    change_id(e, *id, ob + off, on + off, size);
  }
  return same;
}

void cb_prepare(engine *e) {
  if (!e->param_fields_ready) find_param_fields(e);
}

uint32_t cb_param_fields(const engine *e, uint8_t major, const uint16_t **fields) {
  int arm = params_arm(major);
  if (arm < 0 || !e->param_fields_ready) return 0;
  *fields = e->param_fields[arm];
  return e->param_field_count[arm];
}

uint32_t cb_op_snapshot(engine *e, const op *o, uint64_t *out, uint32_t cap) {
  const uint8_t *p = cbd_host(e, o);
  if (!p || cap == 0) return 0;
  uint32_t n = 0;
  out[n++] = le_load(p + kf_offset(KS_FLT_CALLBACK_DATA_Flags), 4);
  const uint16_t *fields = NULL;
  uint32_t count = cb_param_fields(e, o->major, &fields);
  uint32_t base = CBD_SIZE + kf_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters);
  for (uint32_t i = 0; i < count && n < cap; i++) {
    ks_field f = (ks_field)fields[i];
    out[n++] = le_load(p + base + kf_offset(f), kf_size(f));
  }
  return n;
}

static act_result finish(engine *e, thread *t, cb_act *c) {
  int quiet = !c->k.wrote && e->trace.count == c->enter_count;
  trc_event *ev = eng_event(e, t, TRC_CALLBACK_EXIT);
  if (ev) {
    ev->instance = (int16_t)c->instance;
    ev->op = c->op;
    ev->a = c->role;
    ev->b = c->entry_irql;
    ev->x = c->inv.result;
    ev->str = name_id(e, c);
    int same = record_changes(e, c, quiet);
    if (c->unchanged) *c->unchanged = same;
  }
  c->base.value = c->inv.result;
  return ACT_DONE;
}

void cb_kernel_enter(engine *e, cb_act *c) {
  if (!c || c->op < 0) return;
  const uint8_t *now = cbd_host(e, e->ops[c->op]);
  if (now) memcpy(c->at_call, now, sizeof c->at_call);
}

void cb_kernel_leave(engine *e, cb_act *c) {
  if (!c || c->op < 0) return;
  const uint8_t *now = cbd_host(e, e->ops[c->op]);
  if (!now) return;
  if (c->before != c->own) { /* the shared snapshot stays as it is: from now on a copy */
    memcpy(c->own, c->before, sizeof c->own);
    c->before = c->own;
    c->unchanged = NULL;
  }
  for (size_t i = 0; i < sizeof c->own; i++)
    if (now[i] != c->at_call[i]) c->own[i] = now[i];
}

static act_result cb_step(engine *e, thread *t, act *a) {
  cb_act *c = (cb_act *)a;
  c->k.t = t;
  if (!c->started) {
    c->started = 1;
    c->entry_irql = t->irql;
    if (c->before != c->own && e->time != c->shared_at) {
      /* Something ran between the call and now (every activity records an event): the
       * callback starts from the callback data as it is now, not from the snapshot. */
      c->before = c->own;
      c->unchanged = NULL;
    }
    trc_event *ev = eng_event(e, t, TRC_CALLBACK_ENTER);
    if (c->op >= 0 && c->before == c->own) { /* (a shared snapshot is the data as it is now) */
      const uint8_t *p = cbd_host(e, e->ops[c->op]);
      if (p) memcpy(c->own, p, sizeof c->own);
      else memset(c->own, 0, sizeof c->own);
    }
    if (ev) {
      ev->instance = (int16_t)c->instance;
      ev->op = c->op;
      ev->a = c->role;
      ev->x = c->fn->address;
      ev->str = name_id(e, c);
      trc_add_words(&e->trace, c->inv.args, c->inv.argc);
    }
    c->enter_count = e->trace.count;
  } else if (c->api_pending) {
    /* The kernel routine that suspended the invocation finished (a child popped) or the
     * thread woke from its wait. */
    c->api_pending = 0;
    c->inv.resumed = 1;
    c->inv.resume_value = a->child_done ? a->child_value : t->wait_value;
    cb_kernel_leave(e, c);
    kapi_returned(e, t, c->api, c->inv.resume_value);
  } else {
    c->inv.resumed = 0;
  }
  c->k.suspended = c->k.blocked = 0;
  fp_step_result r = c->fn->callable.step(&c->fn->callable, &c->inv, &c->k);
  if (e->end) return ACT_STOP;
  switch (r) {
  case FP_STEP_RETURNED:
    return finish(e, t, c);
  case FP_STEP_SUSPENDED:
    if (!c->k.suspended) return eng_internal(e, t, "a driver function suspended without a kernel call");
    c->api_pending = 1;
    c->api = c->k.api;
    return c->k.blocked ? ACT_BLOCKED : ACT_PUSHED;
  case FP_STEP_YIELDED:
    return ACT_CONTINUE;
  case FP_STEP_STOPPED:
    return e->end ? ACT_STOP : eng_internal(e, t, "a driver function stopped without a reason");
  }
  return eng_internal(e, t, "a driver function returned an unknown step result");
}

const act_vt cb_vt = { "callback", cb_step, cb_destroy };

static act_result invoke(engine *e, thread *t, uint64_t address, cb_role role, int inst, int op_id,
                         const uint64_t *args, uint32_t argc, const uint8_t *snapshot, int *unchanged) {
  int d = -1;
  const function *fn = cb_function_at(e, address, &d);
  if (!fn) return mem_bad_call(e, t, address);
  if (e->drivers[d]->state == FS_UNLOADED) return rules_call_into_unloaded(e, t, address, d);
  /* Memory pressure: pageable memory is paged out before every DISPATCH_LEVEL callback. */
  if (e->config.memory_pressure && t->irql >= DISPATCH_LEVEL)
    mem_trim(e, t, "memory pressure: pageable memory was paged out before a DISPATCH_LEVEL callback");
  if ((fn->flags & FP_FUNC_PAGEABLE) && t->irql >= DISPATCH_LEVEL) {
    const km_block *b = km_find(e->mem, fn->address);
    if (b && !b->resident) return mem_fault_execute(e, t, fn->address, d);
  }
  /* Every field is set here but the invocation's locals (see fp_invocation) and `own`, which
   * is written when the callback starts: no zeroing of the whole activation. */
  cb_act *c = slab_alloc(&e->slabs, sizeof *c);
  if (!c) {
    sim_no_act(e);
    return ACT_STOP;
  }
  c->base = (act){ .vt = &cb_vt };
  c->inv.function = fn->index;
  c->inv.driver = d;
  c->inv.argc = argc > 8 ? 8 : argc;
  c->inv.resumed = 0;
  c->inv.pc = 0;
  c->inv.result = 0;
  c->inv.resume_value = 0;
  c->inv.state = NULL;
  memset(c->inv.args, 0, sizeof c->inv.args);
  for (uint32_t i = 0; args && i < c->inv.argc; i++) c->inv.args[i] = args[i];
  c->k = (fp_kctx){ .e = e, .t = t, .cb = c, .running = -1 };
  c->driver = d;
  c->fn = fn;
  c->role = role;
  c->instance = inst;
  c->op = op_id;
  c->entry_irql = 0;
  c->started = 0;
  c->api_pending = 0;
  c->api = 0;
  c->raised_exception = 0;
  c->unchanged = unchanged;
  c->before = snapshot ? snapshot : c->own;
  c->shared_at = snapshot ? e->time : 0;
  sim_push(e, t, &c->base);
  return ACT_PUSHED;
}

act_result cb_invoke(engine *e, thread *t, uint64_t address, cb_role role, int inst, int op_id,
                     const uint64_t *args, uint32_t argc) {
  return invoke(e, t, address, role, inst, op_id, args, argc, NULL, NULL);
}

act_result cb_invoke_shared(engine *e, thread *t, uint64_t address, cb_role role, int inst, int op_id,
                            const uint64_t *args, uint32_t argc, const uint8_t *snapshot, int *unchanged) {
  *unchanged = 0;
  return invoke(e, t, address, role, inst, op_id, args, argc, snapshot, unchanged);
}
