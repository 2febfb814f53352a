/* kapi_flt.c: the Filter Manager routines a minifilter calls (catalogue §1, §3–§8). */
#include <string.h>

#include "engine/cbd.h"
#include "engine/fltmgr.h"
#include "engine/io.h"
#include "engine/kapi.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "engine/walk.h"
#include "engine/work.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"

#define A(i) (c->args[i])

static driver *caller(kapi_call *c) { return c->cb ? c->e->drivers[c->cb->driver] : NULL; }

static act_result after_void(engine *e, thread *t, api_act *a) {
  (void)e;
  (void)t;
  a->base.value = 0;
  return ACT_DONE;
}

/* Reports a misuse for which Microsoft documents no outcome: a [not settled] violation under
 * `r` with `label`; RULE_STOP when the run ended. */
static int misuse(kapi_call *c, rule_id r, const char *label) {
  int inst = c->cb ? c->cb->instance : -1;
  int op_id = c->cb ? c->cb->op : -1;
  return rules_violation(c->e, c->t, r, label, inst, op_id, 0, 0);
}

/* ---- Tracked objects (Filter Verifier) -------------------------------------------------------- */

static tracked *track(engine *e, tracked_kind kind, int d, uint64_t address) {
  if (e->tracked_count == e->tracked_cap) {
    int cap = e->tracked_cap ? e->tracked_cap * 2 : 16;
    tracked *t = fp_realloc(e->alloc, e->tracked, (size_t)cap * sizeof *t);
    if (!t) return NULL;
    e->tracked = t;
    e->tracked_cap = cap;
  }
  tracked *t = &e->tracked[e->tracked_count++];
  t->kind = kind;
  t->driver = d;
  t->address = address;
  t->refs = 1;
  return t;
}

static tracked *tracked_at(engine *e, tracked_kind kind, uint64_t address) {
  for (int i = e->tracked_count - 1; i >= 0; i--)
    if (e->tracked[i].kind == kind && e->tracked[i].address == address) return &e->tracked[i];
  return NULL;
}

int flt_tracked_leaks(engine *e, thread *t, int d) {
  int n = 0;
  for (int i = 0; i < e->tracked_count; i++) {
    tracked *k = &e->tracked[i];
    if (k->driver != d || k->refs <= 0) continue;
    n++;
    trc_event *ev = eng_event(e, t, TRC_MEMORY_WARNING);
    if (ev) {
      ev->x = k->address;
      ev->a = (uint32_t)k->kind;
      ev->str = trc_intern(&e->trace, k->kind == TR_DEFERRED_WORK_ITEM ? "deferred I/O work item not freed"
                                                                      : "file name information not released");
    }
  }
  return n;
}

/* ---- Registration ------------------------------------------------------------------------------ */

#define REG(f) kf_offset(KS_FLT_REGISTRATION_##f)
#define OPR(f) kf_offset(KS_FLT_OPERATION_REGISTRATION_##f)

static kapi_result reg_read(kapi_call *c, uint64_t base, uint32_t off, uint32_t size, uint64_t *v) {
  uint8_t b[8] = { 0 };
  kapi_result r = kapi_read(c, base + off, b, size);
  *v = 0;
  for (uint32_t i = 0; i < size; i++) *v |= (uint64_t)b[i] << (8 * i);
  return r;
}

kapi_result kapi_FltRegisterFilter(kapi_call *c) {
  engine *e = c->e;
  driver *d = caller(c);
  uint64_t reg = A(1);
  c->ret = STATUS_INVALID_PARAMETER;
  if (!d || A(0) != d->driver_object || !reg || !A(2)) {
    misuse(c, RULE_REG_1, "REG-1: Driver, Registration and RetFilter are required");
    return KAPI_DONE;
  }
  if (d->filter_object) {
    misuse(c, RULE_REG_1, "REG-1: FltRegisterFilter is called once");
    return KAPI_DONE;
  }
  uint64_t size, version;
  kapi_result r;
  if ((r = reg_read(c, reg, REG(Size), 2, &size)) != KAPI_DONE) return r;
  if ((r = reg_read(c, reg, REG(Version), 2, &version)) != KAPI_DONE) return r;
  if (version != FLT_REGISTRATION_VERSION || size != kf_struct_size(KS_STRUCT_FLT_REGISTRATION)) {
    /* REG-1: Size must be sizeof(FLT_REGISTRATION), Version FLT_REGISTRATION_VERSION. */
    misuse(c, RULE_REG_1, version != FLT_REGISTRATION_VERSION ? "REG-1: Version is not FLT_REGISTRATION_VERSION"
                                                                : "REG-1: Size is not sizeof(FLT_REGISTRATION)");
    return KAPI_DONE;
  }
  uint64_t ops, v;
  if ((r = reg_read(c, reg, REG(OperationRegistration), 8, &ops)) != KAPI_DONE) return r;
  static const ks_field cbs[5] = { KS_FLT_REGISTRATION_FilterUnloadCallback, KS_FLT_REGISTRATION_InstanceSetupCallback,
                                   KS_FLT_REGISTRATION_InstanceQueryTeardownCallback,
                                   KS_FLT_REGISTRATION_InstanceTeardownStartCallback,
                                   KS_FLT_REGISTRATION_InstanceTeardownCompleteCallback };
  uint64_t cb[5];
  for (int i = 0; i < 5; i++)
    if ((r = reg_read(c, reg, kf_offset(cbs[i]), 8, &cb[i])) != KAPI_DONE) return r;
  opreg list[64];
  uint32_t n = 0;
  uint32_t stride = kf_struct_size(KS_STRUCT_FLT_OPERATION_REGISTRATION);
  for (uint64_t p = ops; p; p += stride) {
    uint64_t major;
    if ((r = reg_read(c, p, OPR(MajorFunction), 1, &major)) != KAPI_DONE) return r;
    if (major == IRP_MJ_OPERATION_END) break;
    if (n == 64) {
      misuse(c, RULE_REG_1, "REG-1: OperationRegistration has no IRP_MJ_OPERATION_END");
      return KAPI_DONE;
    }
    opreg *o = &list[n];
    o->major = (uint8_t)major;
    if ((r = reg_read(c, p, OPR(Flags), 4, &v)) != KAPI_DONE) return r;
    o->flags = (uint32_t)v;
    if ((r = reg_read(c, p, OPR(PreOperation), 8, &o->pre)) != KAPI_DONE) return r;
    if ((r = reg_read(c, p, OPR(PostOperation), 8, &o->post)) != KAPI_DONE) return r;
    /* REG-3: no callbacks for IRP_MJ_POWER or IRP_MJ_DEVICE_CHANGE, no post-op for IRP_MJ_SHUTDOWN. */
    if (o->major == IRP_MJ_POWER || o->major == IRP_MJ_DEVICE_CHANGE || (o->major == IRP_MJ_SHUTDOWN && o->post)) {
      if (misuse(c, RULE_REG_3, NULL) == RULE_STOP) return KAPI_STOP;
      if (o->major == IRP_MJ_SHUTDOWN) o->post = 0;
      else continue;
    }
    int dup = 0;
    for (uint32_t i = 0; i < n; i++) dup |= list[i].major == o->major;
    if (!dup) n++;
  }
  d->ops = fp_calloc(e->alloc, n ? n : 1, sizeof *d->ops);
  d->filter_object = mem_kernel_object(e, 0x200, 'L'); /* FLT_FILTER (opaque) */
  if (!d->ops || !d->filter_object) return KAPI_STOP;
  memcpy(d->ops, list, n * sizeof *list);
  d->op_count = n;
  memset(d->reg_index, 0, sizeof d->reg_index);
  for (uint32_t i = 0; i < n; i++) d->reg_index[list[i].major] = (uint8_t)(i + 1); /* n <= 64 */
  d->unload_cb = cb[0];
  d->setup_cb = cb[1];
  d->query_teardown_cb = cb[2];
  d->teardown_start_cb = cb[3];
  d->teardown_complete_cb = cb[4];
  uint64_t filter = d->filter_object;
  if ((r = kapi_write(c, A(2), &filter, 8)) != KAPI_DONE) return r;
  d->state = FS_REGISTERED;
  trc_event *ev = eng_event(e, c->t, TRC_FILTER_REGISTERED);
  if (ev) {
    ev->a = (uint32_t)d->id;
    ev->b = n;
    ev->x = d->filter_object;
  }
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

static void attach(engine *e, thread *t, instance *inst) {
  int pos = e->stack_count;
  while (pos > 0 && flt_altitude_cmp(e->instances[e->stack[pos - 1]]->altitude, inst->altitude) < 0) {
    e->stack[pos] = e->stack[pos - 1];
    pos--;
  }
  e->stack[pos] = inst->id;
  e->stack_count++;
  inst->state = IS_ATTACHED;
  trc_event *ev = eng_event(e, t, TRC_INSTANCE_ATTACHED);
  if (ev) {
    ev->instance = (int16_t)inst->id;
    ev->x = inst->object;
    ev->str = trc_intern(&e->trace, inst->altitude);
  }
}

static act_result after_setup(engine *e, thread *t, api_act *a) {
  instance *inst = e->instances[a->data[0]];
  uint32_t status = (uint32_t)a->base.child_value;
  if (NT_SUCCESS(status)) {
    attach(e, t, inst);
  } else {
    trc_event *ev = eng_event(e, t, TRC_INSTANCE_NOT_ATTACHED);
    if (ev) {
      ev->instance = (int16_t)inst->id;
      ev->a = status;
    }
  }
  a->base.value = STATUS_SUCCESS;
  return ACT_DONE;
}

kapi_result kapi_FltStartFiltering(kapi_call *c) {
  engine *e = c->e;
  driver *d = flt_driver_of_filter(e, A(0));
  if (!d || d->state != FS_REGISTERED) {
    c->ret = STATUS_INVALID_PARAMETER;
    return KAPI_DONE;
  }
  d->state = FS_STARTED;
  trc_event *ev = eng_event(e, c->t, TRC_FILTER_STARTED);
  if (ev) ev->a = (uint32_t)d->id;
  /* One instance on the volume, at the driver's altitude; altitudes are unique (REG-6). */
  for (int i = 0; i < e->instance_count; i++)
    if (e->instances[i]->state != IS_DETACHED && flt_altitude_cmp(e->instances[i]->altitude, d->altitude) == 0) {
      trc_event *nev = eng_event(e, c->t, TRC_INSTANCE_NOT_ATTACHED);
      if (nev) nev->a = STATUS_FLT_INSTANCE_ALTITUDE_COLLISION;
      c->ret = STATUS_SUCCESS;
      return KAPI_DONE;
    }
  instance *inst = fp_calloc(e->alloc, 1, sizeof *inst);
  if (!inst) return KAPI_STOP;
  inst->id = e->instance_count;
  inst->driver = d->id;
  inst->altitude = d->altitude;
  inst->state = IS_DETACHED;
  inst->object = mem_kernel_object(e, 0x100, 'N');
  if (!inst->object) {
    fp_free(e->alloc, inst);
    return KAPI_STOP;
  }
  e->instances[e->instance_count++] = inst;
  d->instance = inst->id;
  if (!d->setup_cb) {
    attach(e, c->t, inst);
    c->ret = STATUS_SUCCESS;
    return KAPI_DONE;
  }
  api_act *a = kapi_push_continuation(e, c->t, after_setup);
  if (!a) return KAPI_STOP;
  a->data[0] = (uint64_t)inst->id;
  /* InstanceSetupCallback(FltObjects, Flags, VolumeDeviceType, VolumeFilesystemType). */
  uint64_t args[4] = { flt_instance_objects(e, inst), FLTFL_INSTANCE_SETUP_AUTOMATIC_ATTACHMENT,
                       8 /* FILE_DEVICE_DISK_FILE_SYSTEM */, 2 /* FLT_FSTYPE_NTFS */ };
  return cb_invoke(e, c->t, d->setup_cb, CB_INSTANCE_SETUP, inst->id, -1, args, 4) == ACT_STOP ? KAPI_STOP : KAPI_PUSHED;
}

static act_result after_unregister(engine *e, thread *t, api_act *a) {
  driver *d = e->drivers[a->data[0]];
  d->state = FS_UNREGISTERED;
  (void)t;
  a->base.value = 0;
  return ACT_DONE;
}

kapi_result kapi_FltUnregisterFilter(kapi_call *c) {
  engine *e = c->e;
  driver *d = flt_driver_of_filter(e, A(0));
  if (!d || d->state == FS_UNREGISTERED) {
    misuse(c, RULE_REG_1, "FltUnregisterFilter: not a registered filter");
    return KAPI_DONE;
  }
  api_act *a = kapi_push_continuation(e, c->t, after_unregister);
  if (!a) return KAPI_STOP;
  a->data[0] = (uint64_t)d->id;
  if (d->instance >= 0 && e->instances[d->instance]->state == IS_ATTACHED)
    return flt_push_teardown(e, c->t, e->instances[d->instance], FLTFL_INSTANCE_TEARDOWN_FILTER_UNLOAD) == ACT_STOP
               ? KAPI_STOP
               : KAPI_PUSHED;
  /* Nothing to tear down: finish through the continuation at once. */
  a->base.child_done = 1;
  return KAPI_PUSHED;
}

/* ---- Pending and completing ------------------------------------------------------------------- */

static op *op_arg(kapi_call *c, uint64_t data) {
  op *o = flt_op_of(c->e, data);
  return o;
}

/* FltCompletePended{Pre,Post}Operation for callback data that is not pended that way (never
 * pended, already resumed, or not callback data at all): Microsoft does not say what happens;
 * a [not settled] violation, and the call does nothing. */
static kapi_result not_pended(kapi_call *c, rule_id r, const char *label, const op *o) {
  int inst = c->cb ? c->cb->instance : -1;
  int op_id = o ? o->id : c->cb ? c->cb->op : -1;
  if (rules_unsettled(c->e, c->t, r, label, inst, op_id, A(0), 0) == RULE_STOP) return KAPI_STOP;
  return KAPI_DONE;
}

kapi_result kapi_FltCompletePendedPreOperation(kapi_call *c) {
  engine *e = c->e;
  op *o = op_arg(c, A(0));
  int32_t status = (int32_t)(uint32_t)A(1);
  uint64_t context = A(2);
  /* IRQL: <= DISPATCH_LEVEL for COMPLETE, <= APC_LEVEL otherwise (CPPRE). */
  if (kapi_irql_check(c, KAPI_FltCompletePendedPreOperation,
                      status == FLT_PREOP_COMPLETE ? DISPATCH_LEVEL : APC_LEVEL) == RULE_STOP)
    return KAPI_STOP;
  if (status != FLT_PREOP_SUCCESS_NO_CALLBACK && status != FLT_PREOP_SUCCESS_WITH_CALLBACK &&
      status != FLT_PREOP_COMPLETE) {
    /* PENDING, SYNCHRONIZE (DOC-5: the reference page excludes it) and DISALLOW_FASTIO are
     * not accepted. */
    if (rules_unsettled(c->e, c->t, RULE_PRE_GEN_1, "CPPRE-INVALID-STATUS", c->cb ? c->cb->instance : -1,
                        c->cb ? c->cb->op : -1, (uint64_t)(uint32_t)status, 0) == RULE_STOP)
      return KAPI_STOP;
    status = FLT_PREOP_SUCCESS_NO_CALLBACK;
  }
  if (context && status != FLT_PREOP_SUCCESS_WITH_CALLBACK) {
    if (misuse(c, RULE_CTX_1, NULL) == RULE_STOP) return KAPI_STOP;
    context = 0;
  }
  if (!o) return not_pended(c, RULE_PRE_PEND_1, "CPPRE-NOT-PENDED", NULL);
  if (o->state == OPS_PRE && o->pended_instance < 0 && !o->pre_returned) {
    /* The work routine ran before the pre-op returned FLT_PREOP_PENDING (PRE-PEND-2): the
     * pre-op's return continues the operation with this status. */
    o->early_resume = 1;
    o->early_status = (uint32_t)status;
    o->early_context = context;
    return KAPI_DONE;
  }
  if (o->state != OPS_PENDED_PRE) return not_pended(c, RULE_PRE_PEND_1, "CPPRE-NOT-PENDED", o);
  api_act *a = kapi_push_continuation(e, c->t, after_void);
  if (!a) return KAPI_STOP;
  return walk_resume_pre(e, c->t, o, (uint32_t)status, context) == ACT_STOP ? KAPI_STOP : KAPI_PUSHED;
}

kapi_result kapi_FltCompletePendedPostOperation(kapi_call *c) {
  op *o = op_arg(c, A(0));
  if (!o || o->state != OPS_PENDED_POST) return not_pended(c, RULE_POST_MPR_1, "CPPOST-NOT-PENDED", o);
  o->safe_post_pending = 0;
  api_act *a = kapi_push_continuation(c->e, c->t, after_void);
  if (!a) return KAPI_STOP;
  return walk_resume_post(c->e, c->t, o) == ACT_STOP ? KAPI_STOP : KAPI_PUSHED;
}

kapi_result kapi_FltAllocateDeferredIoWorkItem(kapi_call *c) {
  engine *e = c->e;
  e->work_item_allocs++;
  c->ret = 0;
  if (e->config.fail_work_item_allocation && e->work_item_allocs == e->config.fail_work_item_allocation)
    return KAPI_DONE; /* out of memory: NULL */
  km_attrs attrs = { 0 };
  attrs.owner = -1;
  attrs.label = 'W';
  uint64_t item = km_alloc(e->mem, KM_SYSTEM, 0x40, &attrs);
  if (!item || !track(e, TR_DEFERRED_WORK_ITEM, c->cb ? c->cb->driver : -1, item)) return KAPI_STOP;
  c->ret = item;
  return KAPI_DONE;
}

kapi_result kapi_FltQueueDeferredIoWorkItem(kapi_call *c) {
  engine *e = c->e;
  op *o = op_arg(c, A(1));
  tracked *k = tracked_at(e, TR_DEFERRED_WORK_ITEM, A(0));
  if (!k || k->refs <= 0 || !o) {
    eng_internal(e, c->t, "FltQueueDeferredIoWorkItem with an invalid work item or callback data");
    return KAPI_STOP;
  }
  /* PENDPOST-2: the documented failures. */
  instance *inst = flt_instance_of(e, mem_get(e, o->iopb + kf_offset(KS_FLT_IO_PARAMETER_BLOCK_TargetInstance), 8));
  if (o->kind != OK_IRP || (cbd_irp_flags(e, o) & IRP_PAGING_IO) || c->t->top_level_irp) {
    c->ret = STATUS_FLT_NOT_SAFE_TO_POST_OPERATION;
    return KAPI_DONE;
  }
  if (inst && inst->state != IS_ATTACHED) {
    c->ret = STATUS_FLT_DELETING_OBJECT;
    return KAPI_DONE;
  }
  work_item w;
  memset(&w, 0, sizeof w);
  w.queue = (int)(int32_t)A(3) == DelayedWorkQueue ? DelayedWorkQueue : CriticalWorkQueue;
  w.driver = c->cb ? c->cb->driver : -1;
  w.routine = A(2);
  w.args[0] = A(0);
  w.args[1] = A(1);
  w.args[2] = A(4);
  w.argc = 3;
  w.kind = WI_DEFERRED_IO;
  w.op = o->id;
  w.node = -1;
  w.item = A(0);
  if (!work_queue(e, c->t, &w)) return KAPI_STOP;
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

kapi_result kapi_FltFreeDeferredIoWorkItem(kapi_call *c) {
  tracked *k = tracked_at(c->e, TR_DEFERRED_WORK_ITEM, A(0));
  if (!k || k->refs <= 0) {
    rules_bugcheck(c->e, c->t, RULE_NONE, 0xC2, FP_BPC_DOUBLE_FREE, 0, 0, A(0));
    return KAPI_STOP;
  }
  k->refs = 0;
  km_free(c->e->mem, A(0), NULL);
  return KAPI_DONE;
}

/* ---- FltDoCompletionProcessingWhenSafe ---------------------------------------------------------- */

static act_result after_safe_inline(engine *e, thread *t, api_act *a) {
  uint64_t status = a->base.child_value;
  uint8_t b[4] = { (uint8_t)status, (uint8_t)(status >> 8), (uint8_t)(status >> 16), (uint8_t)(status >> 24) };
  if (mem_access(e, t, a->data[0], b, 4, 1, MEM_KERNEL, kapi_address(KAPI_FltDoCompletionProcessingWhenSafe)) != MEM_OK)
    return ACT_STOP;
  a->base.value = 1; /* TRUE */
  return ACT_DONE;
}

kapi_result kapi_FltDoCompletionProcessingWhenSafe(kapi_call *c) {
  engine *e = c->e;
  op *o = op_arg(c, A(0));
  uint64_t ret_ptr = A(5);
  /* DCPWS-5: IRP-based operations only, only from a post-op, never while draining. */
  if (!o || o->kind != OK_IRP) {
    if (misuse(c, RULE_DCPWS_5, "DCPWS-NOT-IRP") == RULE_STOP) return KAPI_STOP;
  } else if (!c->cb || c->cb->role != CB_POST) {
    if (misuse(c, RULE_DCPWS_5, "DCPWS-NOT-IN-POSTOP") == RULE_STOP) return KAPI_STOP;
  } else if (A(3) & FLTFL_POST_OPERATION_DRAINING) {
    if (misuse(c, RULE_DCPWS_5, "DCPWS-WHILE-DRAINING") == RULE_STOP) return KAPI_STOP;
  }
  if (c->t->irql < DISPATCH_LEVEL) {
    /* DCPWS-1: below DISPATCH_LEVEL the SafePostCallback runs now, in this thread. */
    api_act *a = kapi_push_continuation(e, c->t, after_safe_inline);
    if (!a) return KAPI_STOP;
    a->data[0] = ret_ptr;
    uint64_t args[4] = { A(0), A(1), A(2), A(3) };
    int inst = c->cb ? c->cb->instance : -1;
    return cb_invoke(e, c->t, A(4), CB_SAFE_POST, inst, o ? o->id : -1, args, 4) == ACT_STOP ? KAPI_STOP : KAPI_PUSHED;
  }
  uint32_t ret_status;
  kapi_result r;
  int nd = o && c->cb ? walk_node_of(o, c->cb->instance) : -1;
  if (!o || o->kind != OK_IRP || (cbd_irp_flags(e, o) & IRP_PAGING_IO) || nd < 0) {
    /* DCPWS-3: posting is not safe (paging I/O): FALSE, and FINISHED_PROCESSING. */
    ret_status = FLT_POSTOP_FINISHED_PROCESSING;
    if ((r = kapi_write(c, ret_ptr, &ret_status, 4)) != KAPI_DONE) return r;
    c->ret = 0;
    return KAPI_DONE;
  }
  /* DCPWS-2: posted to a worker thread; the caller must return MORE_PROCESSING_REQUIRED. */
  work_item w;
  memset(&w, 0, sizeof w);
  w.queue = CriticalWorkQueue;
  w.driver = c->cb->driver;
  w.routine = A(4);
  w.args[0] = A(0);
  w.args[1] = A(1);
  w.args[2] = A(2);
  w.args[3] = A(3);
  w.argc = 4;
  w.kind = WI_SAFE_POST;
  w.op = o->id;
  w.node = nd;
  if (!work_queue(e, c->t, &w)) return KAPI_STOP;
  o->nodes[nd].safe_posted = 1;
  ret_status = FLT_POSTOP_MORE_PROCESSING_REQUIRED;
  if ((r = kapi_write(c, ret_ptr, &ret_status, 4)) != KAPI_DONE) return r;
  c->ret = 1;
  return KAPI_DONE;
}

/* ---- FltCancelFileOpen ------------------------------------------------------------------------ */

static act_result after_cancel(engine *e, thread *t, api_act *a) {
  /* data: 0 stage, 1 file object index, 2 first stack position below the caller, 3 thread. */
  fobj *fo = e->fobjs[a->data[1]];
  if (a->data[0] == 0) {
    a->data[0] = 1;
    op *o = io_new_op(e, t, -1, OK_IRP, IRP_MJ_CLOSE, 0, fo);
    if (!o) return ACT_STOP;
    o->generated = 1;
    o->start_below = (int)a->data[2];
    cbd_set_flags(e, o, cbd_flags(e, o) | FLTFL_CALLBACK_DATA_GENERATED_IO);
    cbd_set_irp_flags(e, o, IRP_CLOSE_OPERATION | IRP_SYNCHRONOUS_API);
    io_trace_op_start(e, t, o, -1);
    return walk_push(e, t, o, WALK_PRE, o->start_below);
  }
  a->base.value = 0;
  return ACT_DONE;
}

kapi_result kapi_FltCancelFileOpen(kapi_call *c) {
  engine *e = c->e;
  instance *inst = flt_instance_of(e, A(0));
  fobj *fo = NULL;
  for (int i = 0; i < e->fobj_count; i++)
    if (e->fobjs[i]->address == A(1)) fo = e->fobjs[i];
  op *o = c->cb && c->cb->op >= 0 ? e->ops[c->cb->op] : NULL;
  /* FAIL-4: only from a post-create callback. */
  if (!c->cb || c->cb->role != CB_POST || !o || o->major != IRP_MJ_CREATE) {
    misuse(c, RULE_FAIL_4, NULL);
    return KAPI_DONE; /* the model ignores the call when it goes on */
  }
  if (!inst || !fo) {
    eng_internal(e, c->t, "FltCancelFileOpen with an unknown instance or file object");
    return KAPI_STOP;
  }
  uint32_t flags = fo_flags(e, fo);
  if (flags & FO_HANDLE_CREATED) {
    /* FAIL-3: FLTMGR_FILE_SYSTEM, P1 0x6A, P2 the file object. */
    rules_bugcheck(e, c->t, RULE_FAIL_3, 0xF5, FP_F5_CANCEL_OPEN_WITH_HANDLE, A(1), 0, 0);
    return KAPI_STOP;
  }
  fo_set_flags(e, fo, flags | FO_FILE_OPEN_CANCELLED);
  int below = 0;
  while (below < e->stack_count && e->stack[below] != inst->id) below++;
  below++;
  /* Those below see the open followed by a cleanup and a close (FAIL-2). */
  api_act *a = kapi_push_continuation(e, c->t, after_cancel);
  if (!a) return KAPI_STOP;
  a->data[0] = 0;
  a->data[1] = (uint64_t)fo->id;
  a->data[2] = (uint64_t)below;
  op *cl = io_new_op(e, c->t, -1, OK_IRP, IRP_MJ_CLEANUP, 0, fo);
  if (!cl) return KAPI_STOP;
  cl->generated = 1;
  cl->start_below = below;
  cbd_set_flags(e, cl, cbd_flags(e, cl) | FLTFL_CALLBACK_DATA_GENERATED_IO);
  cbd_set_irp_flags(e, cl, IRP_SYNCHRONOUS_API);
  io_trace_op_start(e, c->t, cl, -1);
  return walk_push(e, c->t, cl, WALK_PRE, below) == ACT_STOP ? KAPI_STOP : KAPI_PUSHED;
}

/* ---- Callback data --------------------------------------------------------------------------- */

kapi_result kapi_FltSetCallbackDataDirty(kapi_call *c) {
  op *o = op_arg(c, A(0));
  if (o) cbd_set_flags(c->e, o, cbd_flags(c->e, o) | FLTFL_CALLBACK_DATA_DIRTY);
  return KAPI_DONE;
}

kapi_result kapi_FltClearCallbackDataDirty(kapi_call *c) {
  op *o = op_arg(c, A(0));
  if (o) cbd_set_flags(c->e, o, cbd_flags(c->e, o) & ~FLTFL_CALLBACK_DATA_DIRTY);
  return KAPI_DONE;
}

kapi_result kapi_FltIsCallbackDataDirty(kapi_call *c) {
  op *o = op_arg(c, A(0));
  c->ret = o && (cbd_flags(c->e, o) & FLTFL_CALLBACK_DATA_DIRTY) ? 1 : 0;
  return KAPI_DONE;
}

kapi_result kapi_FltIsOperationSynchronous(kapi_call *c) {
  op *o = op_arg(c, A(0));
  c->ret = o ? (uint64_t)io_is_synchronous(c->e, o) : 0;
  return KAPI_DONE;
}

kapi_result kapi_FltLockUserBuffer(kapi_call *c) {
  engine *e = c->e;
  op *o = op_arg(c, A(0));
  if (!o || !(o->major == IRP_MJ_READ || o->major == IRP_MJ_WRITE)) {
    /* BUF-3: other operations (of those modelled) have no user buffer to lock. */
    c->ret = STATUS_INVALID_PARAMETER;
    return KAPI_DONE;
  }
  uint64_t mdl = cbd_param(e, o, P_RW_MDL);
  if (!mdl) {
    uint64_t buffer = cbd_param(e, o, P_RW_BUFFER);
    uint32_t length = (uint32_t)cbd_param(e, o, P_RW_LENGTH);
    if (buffer < KM_USER_LIMIT) {
      /* Lock the user pages in the requestor's process and map them for the system. */
      const km_block *b = km_find(e->mem, buffer);
      km_attrs attrs = { 0 };
      attrs.owner = -1;
      attrs.label = 'V';
      uint64_t view = b ? km_alias(e->mem, KM_SYSTEM, buffer, length ? length : 1, &attrs) : 0;
      if (!view) {
        c->ret = STATUS_INSUFFICIENT_RESOURCES;
        return KAPI_DONE;
      }
      mdl = mdl_create(e, buffer, length, view);
    } else {
      mdl = mdl_create(e, buffer, length, buffer);
    }
    if (!mdl) return KAPI_STOP;
    cbd_set_param(e, o, P_RW_MDL, mdl);
    o->locked_mdl = mdl;
    /* MOD-4: called from a pre-op, it marks the callback data dirty itself. */
    if (c->cb && c->cb->role == CB_PRE) cbd_set_flags(e, o, cbd_flags(e, o) | FLTFL_CALLBACK_DATA_DIRTY);
  }
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

kapi_result kapi_FltDecodeParameters(kapi_call *c) {
  op *o = op_arg(c, A(0));
  if (!o) {
    c->ret = STATUS_INVALID_PARAMETER;
    return KAPI_DONE;
  }
  uint64_t params = o->iopb + kf_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters);
  uint64_t mdl = 0, buffer = 0, length = 0, access = 0;
  if (o->major == IRP_MJ_READ || o->major == IRP_MJ_WRITE) {
    mdl = params + kf_offset(P_RW_MDL);
    buffer = params + kf_offset(P_RW_BUFFER);
    length = params + kf_offset(P_RW_LENGTH);
    access = o->major == IRP_MJ_READ ? 1 /* IoWriteAccess */ : 0 /* IoReadAccess */;
  } else if (o->major == IRP_MJ_QUERY_INFORMATION || o->major == IRP_MJ_SET_INFORMATION) {
    buffer = params + kf_offset(o->major == IRP_MJ_QUERY_INFORMATION ? P_QI_BUFFER : P_SI_BUFFER);
    length = params + kf_offset(P_QI_LENGTH);
    access = o->major == IRP_MJ_QUERY_INFORMATION ? 1 : 0;
  } else {
    c->ret = STATUS_INVALID_PARAMETER;
    return KAPI_DONE;
  }
  uint64_t out[3] = { mdl, buffer, length };
  kapi_result r;
  for (int i = 0; i < 3; i++)
    if (A(1 + i) && (r = kapi_write(c, A(1 + i), &out[i], 8)) != KAPI_DONE) return r;
  uint32_t acc = (uint32_t)access;
  if (A(4) && (r = kapi_write(c, A(4), &acc, 4)) != KAPI_DONE) return r;
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

/* ---- File names (NAME-1) -------------------------------------------------------------------- */

#define FNI(f) kf_offset(KS_FLT_FILE_NAME_INFORMATION_##f)

kapi_result kapi_FltGetFileNameInformation(kapi_call *c) {
  engine *e = c->e;
  op *o = op_arg(c, A(0));
  uint32_t options = (uint32_t)A(1);
  c->ret = STATUS_FLT_INVALID_NAME_REQUEST;
  if (!o || !o->fo) {
    c->ret = STATUS_INVALID_PARAMETER;
    return KAPI_DONE;
  }
  fobj *fo = o->fo;
  int in_post = (cbd_flags(e, o) & FLTFL_CALLBACK_DATA_POST_OPERATION) != 0;
  uint32_t query = options & 0xFF00;
  int cached = fo->name_cached;
  if (query == FLT_FILE_NAME_QUERY_CACHE_ONLY && !cached) {
    c->ret = STATUS_FLT_NAME_CACHE_MISS;
    return KAPI_DONE;
  }
  if (!cached || query == FLT_FILE_NAME_QUERY_FILESYSTEM_ONLY) {
    /* NAME-1: the cases where FltMgr refuses to ask the file system. */
    if (o->kind == OK_IRP && (cbd_irp_flags(e, o) & IRP_PAGING_IO)) return KAPI_DONE;
    if (c->t->top_level_irp) return KAPI_DONE;
    if ((o->major == IRP_MJ_CLEANUP && in_post) || o->major == IRP_MJ_CLOSE) return KAPI_DONE;
    if (c->t->irql == APC_LEVEL) return KAPI_DONE; /* all APCs are disabled */
    if (o->major == IRP_MJ_CREATE && !in_post && (options & 0xFF) == FLT_FILE_NAME_SHORT) return KAPI_DONE;
  }
  char path[512];
  char full[600];
  fo_name(e, fo, path, sizeof path);
  size_t n = 0;
  for (const char *p = "\\Device\\HarddiskVolume1"; *p; p++) full[n++] = *p;
  for (const char *p = path; *p && n < sizeof full - 1; p++) full[n++] = *p;
  full[n] = '\0';
  /* The structure and its buffer come from paged pool, as FltMgr allocates them. */
  km_attrs attrs = { 0 };
  attrs.owner = -1;
  attrs.label = 'Q';
  attrs.pageable = 1;
  attrs.tag = 0x6E4E6C46; /* 'FlNn' */
  uint64_t info = km_alloc(e->mem, KM_POOL_PAGED, kf_struct_size(KS_STRUCT_FLT_FILE_NAME_INFORMATION) + 2 * n + 2, &attrs);
  if (!info || !track(e, TR_NAME_INFORMATION, c->cb ? c->cb->driver : -1, info)) return KAPI_STOP;
  uint64_t buf = info + kf_struct_size(KS_STRUCT_FLT_FILE_NAME_INFORMATION);
  for (size_t i = 0; i < n; i++) mem_put(e, buf + 2 * i, 2, (uint8_t)full[i]);
  mem_put(e, info + FNI(Size), 2, kf_struct_size(KS_STRUCT_FLT_FILE_NAME_INFORMATION));
  mem_put(e, info + FNI(Format), 4, (options & 0xFF) ? (options & 0xFF) : FLT_FILE_NAME_NORMALIZED);
  uint64_t name = info + FNI(Name);
  mem_put(e, name + kf_offset(KS_UNICODE_STRING_Length), 2, 2 * n);
  mem_put(e, name + kf_offset(KS_UNICODE_STRING_MaximumLength), 2, 2 * n + 2);
  mem_put(e, name + kf_offset(KS_UNICODE_STRING_Buffer), 8, buf);
  fo->name_cached = 1;
  kapi_result r = kapi_write(c, A(2), &info, 8);
  if (r != KAPI_DONE) return r;
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

static void set_ustr(engine *e, uint64_t us, uint64_t buf, uint32_t first, uint32_t count) {
  mem_put(e, us + kf_offset(KS_UNICODE_STRING_Length), 2, 2u * count);
  mem_put(e, us + kf_offset(KS_UNICODE_STRING_MaximumLength), 2, 2u * count);
  mem_put(e, us + kf_offset(KS_UNICODE_STRING_Buffer), 8, count ? buf + 2u * first : 0);
}

kapi_result kapi_FltParseFileNameInformation(kapi_call *c) {
  engine *e = c->e;
  uint64_t info = A(0);
  tracked *k = tracked_at(e, TR_NAME_INFORMATION, info);
  if (!k || k->refs <= 0) {
    c->ret = STATUS_INVALID_PARAMETER;
    return KAPI_DONE;
  }
  uint64_t name = info + FNI(Name);
  uint32_t n = (uint32_t)mem_get(e, name, 2) / 2;
  uint64_t buf = mem_get(e, name + kf_offset(KS_UNICODE_STRING_Buffer), 8);
  /* "\Device\HarddiskVolume1" then the path: Volume, ParentDir, FinalComponent, Extension. */
  uint32_t vol = 0, slashes = 0, last = 0, dot = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t ch = (uint32_t)mem_get(e, buf + 2 * i, 2);
    if (ch == '\\') {
      if (++slashes == 3) vol = i;
      last = i;
      dot = 0;
    } else if (ch == '.') {
      dot = i;
    }
  }
  if (!vol) vol = n;
  set_ustr(e, info + FNI(Volume), buf, 0, vol);
  set_ustr(e, info + FNI(Share), buf, 0, 0);
  set_ustr(e, info + FNI(ParentDir), buf, vol, last >= vol ? last - vol + 1 : 0);
  set_ustr(e, info + FNI(FinalComponent), buf, last + 1, n > last ? n - last - 1 : 0);
  set_ustr(e, info + FNI(Extension), buf, dot ? dot + 1 : 0, dot ? n - dot - 1 : 0);
  set_ustr(e, info + FNI(Stream), buf, 0, 0);
  mem_put(e, info + FNI(NamesParsed), 2,
          FLTFL_FILE_NAME_PARSED_FINAL_COMPONENT | FLTFL_FILE_NAME_PARSED_EXTENSION | FLTFL_FILE_NAME_PARSED_STREAM |
              FLTFL_FILE_NAME_PARSED_PARENT_DIR);
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

kapi_result kapi_FltReleaseFileNameInformation(kapi_call *c) {
  tracked *k = tracked_at(c->e, TR_NAME_INFORMATION, A(0));
  if (!k || k->refs <= 0) {
    /* VERIF-F5: FLTMGR_FILE_SYSTEM 0x68, name information released too many times;
     * P3 = the FLT_FILE_NAME_INFORMATION. */
    rules_bugcheck(c->e, c->t, RULE_VERIF_F5, 0xF5, FP_F5_NAME_OVER_RELEASED, 0, A(0), 0);
    return KAPI_STOP;
  }
  if (--k->refs == 0) km_free(c->e->mem, A(0), NULL);
  return KAPI_DONE;
}

kapi_result kapi_FltReferenceFileNameInformation(kapi_call *c) {
  tracked *k = tracked_at(c->e, TR_NAME_INFORMATION, A(0));
  if (k && k->refs > 0) k->refs++;
  return KAPI_DONE;
}

kapi_result kapi_FltGetRequestorProcess(kapi_call *c) {
  op *o = op_arg(c, A(0));
  c->ret = 0;
  if (o && mem_get(c->e, o->cbd + kf_offset(KS_FLT_CALLBACK_DATA_Thread), 8))
    c->ret = c->e->process_objects[c->e->threads[o->orig_thread]->process];
  return KAPI_DONE;
}

kapi_result kapi_FltGetRequestorProcessId(kapi_call *c) {
  op *o = op_arg(c, A(0));
  c->ret = o ? eng_process_id(c->e->threads[o->orig_thread]->process) : 0;
  return KAPI_DONE;
}
