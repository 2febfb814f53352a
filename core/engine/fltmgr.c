/* fltmgr.c: the system thread, instances and teardown. */
#include "engine/fltmgr.h"

#include <string.h>

#include "engine/callback.h"
#include "engine/cbd.h"
#include "engine/io.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"

driver *flt_driver_of_filter(engine *e, uint64_t filter) {
  for (int i = 0; i < e->driver_count; i++)
    if (filter && e->drivers[i]->filter_object == filter) return e->drivers[i];
  return NULL;
}

instance *flt_instance_of(engine *e, uint64_t object) {
  for (int i = 0; i < e->instance_count; i++)
    if (object && e->instances[i]->object == object) return e->instances[i];
  return NULL;
}

op *flt_op_of(engine *e, uint64_t cbd) {
  for (int i = e->op_count - 1; i >= 0; i--)
    if (e->ops[i]->cbd == cbd) return e->ops[i];
  return NULL;
}

/* ---- Altitudes ---------------------------------------------------------------------------------- */

int flt_altitude_valid(const char *s) {
  int digits = 0, dots = 0;
  if (!s || !*s) return 0;
  for (; *s; s++) {
    if (*s >= '0' && *s <= '9') digits++;
    else if (*s == '.' && dots++ == 0) continue;
    else return 0;
  }
  return digits > 0;
}

int flt_altitude_cmp(const char *a, const char *b) {
  /* Compare as decimal numbers: integer parts by length then digits, then fractions. */
  while (*a == '0' && a[1] && a[1] != '.') a++;
  while (*b == '0' && b[1] && b[1] != '.') b++;
  size_t ia = strcspn(a, "."), ib = strcspn(b, ".");
  if (ia != ib) return ia < ib ? -1 : 1;
  int c = strncmp(a, b, ia);
  if (c) return c < 0 ? -1 : 1;
  const char *fa = a[ia] ? a + ia + 1 : "", *fb = b[ib] ? b + ib + 1 : "";
  while (*fa || *fb) {
    char x = *fa ? *fa++ : '0', y = *fb ? *fb++ : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

uint64_t flt_instance_objects(engine *e, instance *inst) {
  uint64_t o = mem_kernel_object(e, kf_struct_size(KS_STRUCT_FLT_RELATED_OBJECTS), 'O');
  if (!o) return 0;
  mem_put(e, o + kf_offset(KS_FLT_RELATED_OBJECTS_Size), 2, kf_struct_size(KS_STRUCT_FLT_RELATED_OBJECTS));
  mem_put(e, o + kf_offset(KS_FLT_RELATED_OBJECTS_Filter), 8, e->drivers[inst->driver]->filter_object);
  mem_put(e, o + kf_offset(KS_FLT_RELATED_OBJECTS_Volume), 8, e->volume_object);
  mem_put(e, o + kf_offset(KS_FLT_RELATED_OBJECTS_Instance), 8, inst->object);
  return o;
}

/* ---- Teardown --------------------------------------------------------------------------------- */

typedef enum tstage { T_START, T_DRAIN, T_DRAIN_DONE, T_WAIT, T_COMPLETE, T_DONE } tstage;

typedef struct teardown_act {
  act base;
  int inst;
  uint32_t reason;
  tstage stage;
  int drain_op;       /* the operation being drained */
  int drain_node;
} teardown_act;

/* Whether `o` has work at instance `inst` that blocks its teardown. */
static int blocks_teardown(engine *e, const op *o, int inst, int *node_out) {
  if (o->state == OPS_DONE || o->draining_copy) return 0;
  if (o->state == OPS_PENDED_PRE && o->pended_instance >= 0 && e->stack[o->pended_instance] == inst) return 1;
  for (int j = 0; j < o->node_count; j++) {
    const node *n = &o->nodes[j];
    if (n->instance != inst || n->done) continue;
    if (node_out) *node_out = j;
    return 1;
  }
  return 0;
}

static int teardown_ready(engine *e, thread *t) {
  int inst = (int)t->wait_value;
  for (int i = io_first_live_op(e); i < e->op_count; i++)
    if (blocks_teardown(e, e->ops[i], inst, NULL)) return 0;
  return 1;
}

/* A node that can be drained now: its operation waits below it (in the file system, pended at
 * another instance, or handed off), its post-op is not running and the instance did not change
 * the parameters (DRAIN-9: such operations are not drained). */
static int drainable(const op *o, const node *n, int j) {
  if (n->done || n->running || n->dirty) return 0;
  if (o->state == OPS_PENDED_POST && o->pended_node == j) return 0;
  return 1;
}

static act_result start_drain(engine *e, thread *t, teardown_act *td, op *o, int j) {
  node *n = &o->nodes[j];
  instance *inst = e->instances[td->inst];
  /* The post-op gets a copy of the callback data, with DRAINING_IO set (DRAIN-2, CBD-4). */
  op *copy = fp_calloc(e->alloc, 1, sizeof *copy);
  if (!copy) return eng_internal(e, t, "out of memory for a drain copy");
  if (e->op_count == e->op_cap) {
    int cap = e->op_cap ? e->op_cap * 2 : 32;
    op **ops = fp_realloc(e->alloc, e->ops, (size_t)cap * sizeof *ops);
    if (!ops) {
      fp_free(e->alloc, copy);
      return eng_internal(e, t, "out of memory for a drain copy");
    }
    e->ops = ops;
    e->op_cap = cap;
  }
  *copy = *o;
  copy->heap_bytes = 0; /* from fp_calloc, not the op heap */
  /* The copy keeps the nodes as they are now, in its own array. */
  copy->nodes = o->node_count ? fp_malloc(e->alloc, (size_t)o->node_count * sizeof *o->nodes) : NULL;
  if (o->node_count && !copy->nodes) {
    fp_free(e->alloc, copy);
    return eng_internal(e, t, "out of memory for a drain copy");
  }
  if (copy->nodes) memcpy(copy->nodes, o->nodes, (size_t)o->node_count * sizeof *o->nodes);
  copy->node_cap = o->node_count;
  copy->id = e->op_count;
  e->ops[e->op_count++] = copy;
  copy->draining_copy = 1;
  copy->state = OPS_DONE;
  if (!cbd_create(e, copy, 0, 0, 0)) return ACT_STOP;
  uint8_t *src = km_raw(e->mem, o->cbd, CBD_SIZE + IOPB_SIZE);
  uint8_t *dst = km_raw(e->mem, copy->cbd, CBD_SIZE + IOPB_SIZE);
  if (src && dst) memcpy(dst, src, CBD_SIZE + IOPB_SIZE);
  mem_put(e, copy->cbd + kf_offset(KS_FLT_CALLBACK_DATA_Iopb), 8, copy->iopb);
  cbd_put_iopb(e, copy, n->iopb);
  cbd_set_flags(e, copy, cbd_flags(e, copy) | FLTFL_CALLBACK_DATA_DRAINING_IO | FLTFL_CALLBACK_DATA_POST_OPERATION);
  cbd_set_objects(e, copy, inst);
  n->done = 1;
  n->drained = 1;
  trc_event *ev = eng_event(e, t, TRC_DRAIN);
  if (ev) {
    ev->op = o->id;
    ev->instance = (int16_t)td->inst;
    ev->a = (uint32_t)copy->id;
  }
  const opreg *reg = NULL;
  const driver *d = e->drivers[inst->driver];
  for (uint32_t i = 0; i < d->op_count; i++)
    if (d->ops[i].major == o->major) reg = &d->ops[i];
  td->drain_op = copy->id;
  td->drain_node = j;
  td->stage = T_DRAIN_DONE;
  uint64_t args[4] = { copy->cbd, copy->objects, n->context, FLTFL_POST_OPERATION_DRAINING };
  return cb_invoke(e, t, reg->post, CB_POST, td->inst, copy->id, args, 4);
}

static act_result teardown_step(engine *e, thread *t, act *a) {
  teardown_act *td = (teardown_act *)a;
  instance *inst = e->instances[td->inst];
  driver *d = e->drivers[inst->driver];
  switch (td->stage) {
  case T_START: {
    inst->state = IS_TEARDOWN_STARTED;
    inst->teardown_flags = td->reason;
    trc_event *ev = eng_event(e, t, TRC_TEARDOWN);
    if (ev) {
      ev->instance = (int16_t)td->inst;
      ev->a = 0; /* started */
      ev->b = td->reason;
    }
    td->stage = T_DRAIN;
    if (d->teardown_start_cb) {
      uint64_t args[2] = { flt_instance_objects(e, inst), td->reason };
      return cb_invoke(e, t, d->teardown_start_cb, CB_TEARDOWN_START, td->inst, -1, args, 2);
    }
    return ACT_CONTINUE;
  }
  case T_DRAIN:
    for (int i = io_first_live_op(e); i < e->op_count; i++) {
      op *o = e->ops[i];
      if (o->state == OPS_DONE || o->draining_copy) continue;
      for (int j = 0; j < o->node_count; j++)
        if (o->nodes[j].instance == td->inst && drainable(o, &o->nodes[j], j)) return start_drain(e, t, td, o, j);
    }
    td->stage = T_WAIT;
    return ACT_CONTINUE;
  case T_DRAIN_DONE: {
    int32_t status = (int32_t)(uint32_t)a->child_value;
    if (status == FLT_POSTOP_MORE_PROCESSING_REQUIRED) {
      if (rules_violation(e, t, RULE_POST_MPR_3, NULL, td->inst, td->drain_op, 0, 0) == RULE_STOP) return ACT_STOP;
    }
    td->stage = T_DRAIN;
    return ACT_CONTINUE;
  }
  case T_WAIT:
    if (!teardown_ready(e, t)) {
      t->wait_value = (uint64_t)td->inst;
      td->stage = T_DRAIN; /* after waking, look for nodes that became drainable */
      return sim_block(e, t, teardown_ready, WK_TEARDOWN, "FltMgr waits for the instance's outstanding operations");
    }
    td->stage = T_COMPLETE;
    return ACT_CONTINUE;
  case T_COMPLETE:
    inst->state = IS_DRAINED;
    td->stage = T_DONE;
    if (d->teardown_complete_cb) {
      uint64_t args[2] = { flt_instance_objects(e, inst), td->reason };
      return cb_invoke(e, t, d->teardown_complete_cb, CB_TEARDOWN_COMPLETE, td->inst, -1, args, 2);
    }
    return ACT_CONTINUE;
  case T_DONE: {
    inst->state = IS_DETACHED;
    trc_event *ev = eng_event(e, t, TRC_TEARDOWN);
    if (ev) {
      ev->instance = (int16_t)td->inst;
      ev->a = 1; /* complete: detached */
      ev->b = td->reason;
    }
    a->value = 0;
    return ACT_DONE;
  }
  }
  return eng_internal(e, t, "teardown in an unknown stage");
}

static const act_vt teardown_vt = { "teardown", teardown_step, NULL };

act_result flt_push_teardown(engine *e, thread *t, instance *inst, uint32_t reason) {
  teardown_act *td = (teardown_act *)sim_new_act(e, &teardown_vt, sizeof *td);
  if (!td) return ACT_STOP;
  td->inst = inst->id;
  td->reason = reason;
  sim_push(e, t, &td->base);
  return ACT_PUSHED;
}

/* ---- Unload and leaks ---------------------------------------------------------------------------- */

typedef struct leak_count {
  int driver;
  uint32_t blocks;
  uint64_t first;
  engine *e;
  thread *t;
} leak_count;

static void count_leak(void *user, const km_block *b) {
  leak_count *c = user;
  if (b->owner != c->driver || b->freed || (b->cls != KM_POOL_NONPAGED && b->cls != KM_POOL_PAGED)) return;
  if (!c->blocks) c->first = b->base;
  c->blocks++;
  if (!c->e->config.verifier) {
    trc_event *ev = eng_event(c->e, c->t, TRC_MEMORY_WARNING);
    if (ev) {
      ev->x = b->base;
      ev->y = b->size;
      ev->a = b->tag;
      ev->str = trc_intern(&c->e->trace, "pool leaked at unload");
    }
  }
}

/* After the image is gone: what the driver left behind (VERIF-C4 0x62, VERIF-FV-1). */
static act_result leak_check(engine *e, thread *t, driver *d) {
  leak_count c = { d->id, 0, 0, e, t };
  /* Only pool blocks can leak (count_leak skips the others), in km_for_each's order. */
  km_for_each_in(e->mem, KM_POOL_NONPAGED, count_leak, &c);
  km_for_each_in(e->mem, KM_POOL_PAGED, count_leak, &c);
  int leaked_objects = flt_tracked_leaks(e, t, d->id);
  if (leaked_objects) {
    if (rules_violation(e, t, RULE_VERIF_FV_1, NULL, -1, -1, (uint64_t)leaked_objects, 0) == RULE_STOP) return ACT_STOP;
  }
  if (c.blocks && e->config.verifier)
    return rules_bugcheck(e, t, RULE_VERIF_C4, 0xC4, FP_DV_UNLOAD_WITH_POOL_TRACKED, d->driver_object, 0, c.blocks);
  return ACT_CONTINUE;
}

/* ---- The system thread ---------------------------------------------------------------------------- */

typedef enum sstage { S_LOAD, S_LOADED, S_CONTROL, S_UNLOADED, S_DETACH_QUERY, S_DETACHED, S_END } sstage;

typedef struct sys_act {
  act base;
  sstage stage;
  int driver;
  int control;
} sys_act;

static int control_due(engine *e, const fp_control_desc *c) {
  if (c->thread >= 0) {
    for (int i = 0; i < e->request_count; i++) {
      request *rq = e->requests[i];
      if (rq->thread == c->thread && rq->index == c->op && rq->parent < 0)
        return rq->state != RQ_NEW;
    }
    return 0;
  }
  if (c->time) return e->time >= c->time;
  /* At the end: every application thread finished and no I/O is outstanding. */
  for (int i = 0; i < e->thread_count; i++)
    if (e->threads[i]->kind == TK_APP && !e->threads[i]->finished) return 0;
  return !io_outstanding(e);
}

static int control_ready(engine *e, thread *t) {
  (void)t;
  return control_due(e, &e->controls[e->controls_done]);
}

static void control_event(engine *e, thread *t, const fp_control_desc *c, uint32_t result, const char *what) {
  trc_event *ev = eng_event(e, t, TRC_CONTROL);
  if (ev) {
    ev->a = c->kind;
    ev->b = result;
    ev->x = (uint64_t)c->driver;
    ev->str = trc_intern(&e->trace, what);
  }
}

static act_result sys_step(engine *e, thread *t, act *a) {
  sys_act *s = (sys_act *)a;
  switch (s->stage) {
  case S_LOAD: {
    if (s->driver >= e->driver_count) {
      e->booted = 1;
      s->stage = S_CONTROL;
      return ACT_CONTINUE;
    }
    driver *d = e->drivers[s->driver];
    trc_event *ev = eng_event(e, t, TRC_DRIVER_LOAD);
    if (ev) {
      ev->a = (uint32_t)d->id;
      ev->str = trc_intern(&e->trace, d->name);
    }
    s->stage = S_LOADED;
    uint64_t args[2] = { d->driver_object, d->registry_path };
    return cb_invoke(e, t, d->functions[d->driver_entry].address, CB_DRIVER_ENTRY, -1, -1, args, 2);
  }
  case S_LOADED: {
    driver *d = e->drivers[s->driver];
    uint32_t status = (uint32_t)a->child_value;
    if (!NT_SUCCESS(status)) {
      /* DriverEntry failed: the image is unloaded (the filter, if registered, stays only if
       * DriverEntry forgot to unregister it — the model treats the driver as gone). */
      d->state = FS_UNLOADED;
      trc_event *ev = eng_event(e, t, TRC_FILTER_UNLOADED);
      if (ev) {
        ev->a = (uint32_t)d->id;
        ev->b = status;
      }
    }
    s->driver++;
    s->stage = S_LOAD;
    return ACT_CONTINUE;
  }
  case S_CONTROL: {
    if (e->controls_done >= e->control_count) {
      s->stage = S_END;
      return ACT_CONTINUE;
    }
    fp_control_desc *c = &e->controls[e->controls_done];
    if (!control_due(e, c)) return sim_block(e, t, control_ready, WK_CONTROL, "the system waits for the next control action");
    driver *d = c->driver >= 0 && c->driver < e->driver_count ? e->drivers[c->driver] : NULL;
    if (!d || d->state == FS_UNLOADED || d->instance < 0) {
      control_event(e, t, c, STATUS_INVALID_PARAMETER, "there is no such filter loaded");
      e->controls_done++;
      return ACT_CONTINUE;
    }
    instance *inst = e->instances[d->instance];
    if (c->kind == FP_CONTROL_UNLOAD) {
      if (!d->unload_cb) {
        /* REG-8: without FilterUnloadCallback the filter can never be unloaded. */
        control_event(e, t, c, STATUS_FLT_DO_NOT_DETACH, "refused: FilterUnloadCallback is NULL");
        e->controls_done++;
        return ACT_CONTINUE;
      }
      control_event(e, t, c, STATUS_SUCCESS, "unload");
      s->stage = S_UNLOADED;
      uint64_t args[1] = { 0 }; /* FLT_FILTER_UNLOAD_FLAGS: not mandatory (fltmc unload) */
      return cb_invoke(e, t, d->unload_cb, CB_UNLOAD, d->instance, -1, args, 1);
    }
    if (inst->state != IS_ATTACHED) {
      control_event(e, t, c, STATUS_INVALID_PARAMETER, "the instance is not attached");
      e->controls_done++;
      return ACT_CONTINUE;
    }
    if (!d->query_teardown_cb) {
      /* REG-8: without InstanceQueryTeardownCallback instances cannot be detached manually. */
      control_event(e, t, c, STATUS_FLT_DO_NOT_DETACH, "refused: InstanceQueryTeardownCallback is NULL");
      e->controls_done++;
      return ACT_CONTINUE;
    }
    control_event(e, t, c, STATUS_SUCCESS, "detach");
    s->stage = S_DETACH_QUERY;
    uint64_t args[2] = { flt_instance_objects(e, inst), 0 };
    return cb_invoke(e, t, d->query_teardown_cb, CB_QUERY_TEARDOWN, d->instance, -1, args, 2);
  }
  case S_DETACH_QUERY: {
    fp_control_desc *c = &e->controls[e->controls_done];
    driver *d = e->drivers[c->driver];
    uint32_t status = (uint32_t)a->child_value;
    if (!NT_SUCCESS(status)) {
      control_event(e, t, c, status, "refused by InstanceQueryTeardownCallback");
      e->controls_done++;
      s->stage = S_CONTROL;
      return ACT_CONTINUE;
    }
    s->stage = S_DETACHED;
    return flt_push_teardown(e, t, e->instances[d->instance], FLTFL_INSTANCE_TEARDOWN_MANUAL);
  }
  case S_DETACHED:
    e->controls_done++;
    s->stage = S_CONTROL;
    return ACT_CONTINUE;
  case S_UNLOADED: {
    fp_control_desc *c = &e->controls[e->controls_done];
    driver *d = e->drivers[c->driver];
    uint32_t status = (uint32_t)a->child_value;
    e->controls_done++;
    s->stage = S_CONTROL;
    if (!NT_SUCCESS(status)) {
      /* A non-mandatory unload refused by the filter (DRAIN-8). */
      control_event(e, t, c, status, "refused by FilterUnloadCallback");
      return ACT_CONTINUE;
    }
    d->state = FS_UNLOADED;
    trc_event *ev = eng_event(e, t, TRC_FILTER_UNLOADED);
    if (ev) ev->a = (uint32_t)d->id;
    return leak_check(e, t, d);
  }
  case S_END:
    a->value = 0;
    return ACT_DONE;
  }
  return eng_internal(e, t, "the system thread in an unknown stage");
}

static const act_vt sys_vt = { "system", sys_step, NULL };

act_result flt_start_system(engine *e, thread *t) {
  sys_act *s = (sys_act *)sim_new_act(e, &sys_vt, sizeof *s);
  if (!s) return ACT_STOP;
  sim_push(e, t, &s->base);
  return ACT_PUSHED;
}
