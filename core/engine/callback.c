/* callback.c: the activation that runs driver code, and the kernel context it gets. */
#include "engine/callback.h"

#include <string.h>

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
  for (int d = 0; d < e->driver_count; d++) {
    const struct driver *dr = e->drivers[d];
    for (uint32_t i = 0; i < dr->function_count; i++)
      if (dr->functions[i].address == address) {
        if (driver_out) *driver_out = d;
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

static act_result finish(engine *e, thread *t, cb_act *c) {
  trc_event *ev = eng_event(e, t, TRC_CALLBACK_EXIT);
  if (ev) {
    ev->instance = (int16_t)c->instance;
    ev->op = c->op;
    ev->a = c->role;
    ev->b = c->entry_irql;
    ev->x = c->inv.result;
    ev->str = trc_intern(&e->trace, c->fn->name);
  }
  c->base.value = c->inv.result;
  return ACT_DONE;
}

static act_result cb_step(engine *e, thread *t, act *a) {
  cb_act *c = (cb_act *)a;
  c->k.t = t;
  if (!c->started) {
    c->started = 1;
    c->entry_irql = t->irql;
    trc_event *ev = eng_event(e, t, TRC_CALLBACK_ENTER);
    if (ev) {
      ev->instance = (int16_t)c->instance;
      ev->op = c->op;
      ev->a = c->role;
      ev->x = c->fn->address;
      ev->str = trc_intern(&e->trace, c->fn->name);
      trc_add_words(&e->trace, c->inv.args, c->inv.argc);
    }
  } else if (c->api_pending) {
    /* The kernel routine that suspended the invocation finished (a child popped) or the
     * thread woke from its wait. */
    c->api_pending = 0;
    c->inv.resumed = 1;
    c->inv.resume_value = a->child_done ? a->child_value : t->wait_value;
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

act_result cb_invoke(engine *e, thread *t, uint64_t address, cb_role role, int inst, int op_id,
                     const uint64_t *args, uint32_t argc) {
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
  cb_act *c = (cb_act *)sim_new_act(e, &cb_vt, sizeof *c);
  if (!c) return ACT_STOP;
  c->fn = fn;
  c->driver = d;
  c->role = role;
  c->instance = inst;
  c->op = op_id;
  c->inv.driver = d;
  c->inv.function = (uint32_t)(fn - e->drivers[d]->functions);
  c->inv.argc = argc > 8 ? 8 : argc;
  if (args) memcpy(c->inv.args, args, c->inv.argc * sizeof *args);
  c->k.e = e;
  c->k.t = t;
  c->k.cb = c;
  sim_push(e, t, &c->base);
  return ACT_PUSHED;
}
