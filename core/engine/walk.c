/* walk.c: the Filter Manager's walk of one operation (catalogue §13.1–13.7).
 *
 * A segment is the part of a walk that runs on one thread. It starts in the pre phase (from a
 * stack position) or in the post phase (from a completion node), and ends when the operation
 * finishes, is pended (by a pre-op, the file system or a post-op), or must move to another
 * thread (a SYNCHRONIZE node or a create, whose post-ops run in their own thread). A segment
 * that owns such a node waits for the hand-off instead of ending. */
#include "engine/walk.h"

#include <string.h>

#include "engine/bytes.h"
#include "engine/callback.h"
#include "engine/cbd.h"
#include "engine/io.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "nt/nt.h"

typedef enum wstate { W_PRE, W_PRE_DONE, W_DISPATCH, W_WAIT, W_POST, W_POST_DONE, W_FINISH } wstate;

typedef struct walk_act {
  act base;
  int op;
  wstate state;
  int pos;                    /* pre phase: stack position; post phase: node index */
  int owner;                  /* this segment must wait for hand-offs of its own nodes */
  uint8_t before[CBD_SIZE + IOPB_SIZE]; /* the callback data and parameters before the callback */
  int unchanged;              /* the callback left them as they were (cb_invoke_shared) */
} walk_act;

static const act_vt walk_vt;

const opreg *walk_registration(const driver *d, uint8_t major) {
  uint8_t k = d->reg_index[major]; /* majors are unique in ops (FltRegisterFilter) */
  return k && k <= d->op_count ? &d->ops[k - 1] : NULL;
}

int walk_node_of(const op *o, int inst) {
  for (int i = 0; i < o->node_count; i++)
    if (o->nodes[i].instance == inst) return i;
  return -1;
}

static op *op_of(engine *e, walk_act *w) { return e->ops[w->op]; }

static int is_create(const op *o) { return o->kind == OK_IRP && o->major == IRP_MJ_CREATE; }

/* The thread a node's post-op must run in, or -1 when any thread and IRQL <= DISPATCH do. */
static int post_thread(const op *o, const node *n) {
  if (is_create(o)) return o->orig_thread; /* post-create: PASSIVE_LEVEL, originating thread (DOC-2) */
  if (n->sync) return n->pre_thread;
  return -1;
}

/* Whether this segment must wait for the hand-off of a node it created. */
static int must_wait(const op *o, thread *t) {
  if (o->kind != OK_IRP) return 0;
  if (is_create(o) && o->orig_thread == t->id) return 1;
  for (int i = 0; i < o->node_count; i++)
    if (!o->nodes[i].done && o->nodes[i].sync && o->nodes[i].pre_thread == t->id) return 1;
  return 0;
}

static trc_event *op_event(engine *e, thread *t, const op *o, trc_kind kind, int inst) {
  trc_event *ev = eng_event(e, t, kind);
  if (ev) {
    ev->op = o->id;
    ev->request = o->request;
    ev->instance = (int16_t)inst;
  }
  return ev;
}

static const char *skip_reason(engine *e, const op *o, int pos, const instance *inst, const opreg **reg) {
  const driver *d = e->drivers[inst->driver];
  *reg = NULL;
  if (o->generated && pos < o->start_below) return "the I/O was issued below this instance";
  if (inst->state != IS_ATTACHED) return "the instance is being torn down: no new operations";
  *reg = walk_registration(d, o->major);
  if (!*reg) return "the filter did not register for this operation";
  if (((*reg)->flags & FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO) && o->kind == OK_IRP && o->paging)
    return "FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO";
  return NULL;
}

/* ---- The pre phase ---------------------------------------------------------------------- */

/* Copies the callback data and the parameter block after it as they are now (zeros if
 * unmapped); returns whether they were mapped. */
static int snapshot(engine *e, const op *o, uint8_t out[CBD_SIZE + IOPB_SIZE]) {
  const uint8_t *h = cbd_host(e, o);
  if (h) memcpy(out, h, CBD_SIZE + IOPB_SIZE);
  else memset(out, 0, CBD_SIZE + IOPB_SIZE);
  return h != NULL;
}

/* Invokes a pre- or post-operation callback that starts from the callback data in w->before. */
static act_result invoke(engine *e, thread *t, walk_act *w, int shared, uint64_t address, cb_role role, int inst,
                         const op *o, const uint64_t *args, uint32_t argc) {
  if (shared) return cb_invoke_shared(e, t, address, role, inst, o->id, args, argc, w->before, &w->unchanged);
  w->unchanged = 0;
  return cb_invoke(e, t, address, role, inst, o->id, args, argc);
}

static act_result start_post(engine *e, thread *t, walk_act *w, op *o) {
  o->post_next = o->node_count - 1;
  w->state = W_POST;
  (void)e;
  (void)t;
  return ACT_CONTINUE;
}

static act_result pre_step(engine *e, thread *t, walk_act *w, op *o) {
  while (w->pos < e->stack_count) {
    int id = e->stack[w->pos];
    instance *inst = e->instances[id];
    const opreg *reg;
    const char *why = skip_reason(e, o, w->pos, inst, &reg);
    if (why) {
      trc_event *ev = op_event(e, t, o, TRC_INSTANCE_SKIPPED, id);
      if (ev) ev->str = trc_intern_const(&e->trace, why);
      w->pos++;
      continue;
    }
    if (!reg->pre) {
      /* A post-op without a pre-op: the post-op runs for every such operation with a NULL
       * CompletionContext (REG-2, inferred). */
      node *n = io_add_node(e, t, o);
      if (!n) return ACT_STOP;
      n->instance = id;
      n->pre_thread = t->id;
      cbd_get_iopb(e, o, n->iopb);
      w->pos++;
      continue;
    }
    o->state = OPS_PRE;
    cbd_set_context(e, o, 0);
    uint8_t *h = cbd_host(e, o);
    int shared = h != NULL;
    if (h) {
      memcpy(w->before, h, CBD_SIZE + IOPB_SIZE);
      cbd_set_objects_in(e, o, inst, w->before);
    } else {
      cbd_set_objects(e, o, inst);
      snapshot(e, o, w->before);
    }
    uint64_t args[3] = { o->cbd, o->objects, o->ctx_slot };
    w->state = W_PRE_DONE;
    return invoke(e, t, w, shared, reg->pre, CB_PRE, id, o, args, 3);
  }
  w->state = W_DISPATCH;
  return ACT_CONTINUE;
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Checks the callback data after a pre-op returned `status`; RULE_STOP if the run ended. */
/* CompletionContext must be NULL unless a post-op is wanted (CTX-1 and its cases). */
static rule_outcome check_context(engine *e, thread *t, const op *o, int id, int32_t status, uint64_t ctx) {
  if (ctx && status != FLT_PREOP_SUCCESS_WITH_CALLBACK && status != FLT_PREOP_SYNCHRONIZE) {
    rule_id r = status == FLT_PREOP_SUCCESS_NO_CALLBACK ? RULE_PRE_NOCB_2
                : status == FLT_PREOP_COMPLETE          ? RULE_PRE_COMPLETE_4
                : status == FLT_PREOP_PENDING           ? RULE_PRE_PEND_1
                                                        : RULE_CTX_1;
    if (rules_violation(e, t, r, "CTX-NONNULL-WITHOUT-CALLBACK", id, o->id, ctx, 0) == RULE_STOP) return RULE_STOP;
  }
  return RULE_CONTINUE;
}

static rule_outcome check_pre_return(engine *e, thread *t, walk_act *w, op *o, int id, int32_t status,
                                     uint64_t ctx, int *dirty) {
  *dirty = 0;
  uint8_t *raw = cbd_host(e, o);
  if (raw && (w->unchanged || same_bytes(raw, w->before, CBD_SIZE + IOPB_SIZE))) {
    /* The pre-op changed nothing: of the checks below only the context's can fire, and only
     * the DIRTY flag can change. */
    if (check_context(e, t, o, id, status, ctx) == RULE_STOP) return RULE_STOP;
    uint32_t flags = le32(raw);
    if (flags & FLTFL_CALLBACK_DATA_DIRTY) {
      flags &= ~FLTFL_CALLBACK_DATA_DIRTY;
      raw[0] = (uint8_t)flags;
      raw[1] = (uint8_t)(flags >> 8);
      raw[2] = (uint8_t)(flags >> 16);
      raw[3] = (uint8_t)(flags >> 24);
    }
    return RULE_CONTINUE;
  }
  uint8_t all[CBD_SIZE + IOPB_SIZE], *now = all, *iopb = all + CBD_SIZE;
  const uint8_t *iopb_before = w->before + CBD_SIZE;
  snapshot(e, o, all);
  /* CBD-1: Thread, Iopb, RequestorMode, Iopb->MajorFunction and Iopb->Reserved stay. */
  if (!same_bytes(now + 0x08, w->before + 0x08, 16) || now[0x50] != w->before[0x50] ||
      iopb[4] != iopb_before[4] || iopb[7] != iopb_before[7]) {
    if (rules_violation(e, t, RULE_CBD_1, NULL, id, o->id, 0, 0) == RULE_STOP) return RULE_STOP;
    memcpy(now + 0x08, w->before + 0x08, 16);
    now[0x50] = w->before[0x50];
    iopb[4] = iopb_before[4];
    iopb[7] = iopb_before[7];
  }
  uint32_t old_flags = le32(w->before), new_flags = le32(now);
  if ((new_flags & FLTFL_CALLBACK_DATA_SYSTEM_BUFFER) && !(old_flags & FLTFL_CALLBACK_DATA_SYSTEM_BUFFER)) {
    if (rules_violation(e, t, RULE_CBD_2, NULL, id, o->id, 0, 0) == RULE_STOP) return RULE_STOP;
    new_flags &= ~FLTFL_CALLBACK_DATA_SYSTEM_BUFFER;
  }
  /* CBD-5 / PRE-DISFAST-2: IoStatus belongs to the filter only when it completes. */
  int iostatus_changed = !same_bytes(now + 0x18, w->before + 0x18, 16);
  if (iostatus_changed && status == FLT_PREOP_DISALLOW_FASTIO && o->kind == OK_FAST_IO) {
    rules_violation(e, t, RULE_PRE_DISFAST_2, NULL, id, o->id, 0, 0);
  } else if (iostatus_changed && status != FLT_PREOP_COMPLETE && status != FLT_PREOP_PENDING) {
    if (rules_violation(e, t, RULE_CBD_5, NULL, id, o->id, 0, 0) == RULE_STOP) return RULE_STOP;
    memcpy(now + 0x18, w->before + 0x18, 16); /* FltMgr sets IoStatus itself */
  }
  if (check_context(e, t, o, id, status, ctx) == RULE_STOP) return RULE_STOP;
  /* MOD-1: parameter changes count only after FltSetCallbackDataDirty. */
  if (!same_bytes(iopb, iopb_before, IOPB_SIZE)) {
    if (new_flags & FLTFL_CALLBACK_DATA_DIRTY) {
      *dirty = 1;
    } else {
      rules_violation(e, t, RULE_MOD_1, NULL, id, o->id, 0, 0);
      op_event(e, t, o, TRC_PARAMS_IGNORED, id);
      memcpy(iopb, iopb_before, IOPB_SIZE);
    }
  }
  new_flags &= ~FLTFL_CALLBACK_DATA_DIRTY; /* FltMgr resets the flag once it took the changes */
  now[0] = (uint8_t)new_flags;
  now[1] = (uint8_t)(new_flags >> 8);
  now[2] = (uint8_t)(new_flags >> 16);
  now[3] = (uint8_t)(new_flags >> 24);
  if (raw) memcpy(raw, now, CBD_SIZE);
  cbd_put_iopb(e, o, iopb);
  return RULE_CONTINUE;
}

/* Adds the completion node of instance `id`; 0 when memory ran out (the run stopped). */
static int push_node(engine *e, thread *t, op *o, int id, uint64_t ctx, int sync, int dirty, const uint8_t *iopb) {
  node *n = io_add_node(e, t, o);
  if (!n) return 0;
  n->instance = id;
  n->context = ctx;
  n->sync = sync;
  n->pre_thread = t->id;
  n->dirty = dirty;
  memcpy(n->iopb, iopb, IOPB_SIZE);
  return 1;
}

static act_result pended(engine *e, thread *t, walk_act *w, op *o) {
  if (must_wait(o, t)) {
    w->owner = 1;
    w->state = W_WAIT;
    return ACT_CONTINUE;
  }
  w->base.value = STATUS_PENDING;
  (void)e;
  return ACT_DONE;
}

/* Acts on the pre-op's return value (also used by FltCompletePendedPreOperation). */
static act_result apply_pre_status(engine *e, thread *t, walk_act *w, op *o, int32_t status, uint64_t ctx,
                                   int dirty, const uint8_t *iopb_seen) {
  int id = e->stack[w->pos];
  const opreg *reg = walk_registration(e->drivers[e->instances[id]->driver], o->major);
  if ((status == FLT_PREOP_SYNCHRONIZE || status == FLT_PREOP_SUCCESS_WITH_CALLBACK) && reg && !reg->post) {
    /* PRE-WCB-2 / PRE-SYNC-2: FLTMGR_FILE_SYSTEM, P1 0x66, P2 the callback data. */
    return rules_bugcheck(e, t, status == FLT_PREOP_SYNCHRONIZE ? RULE_PRE_SYNC_2 : RULE_PRE_WCB_2, 0xF5,
                          FP_F5_NO_POST_OPERATION, o->cbd, 0, 0);
  }
  switch (status) {
  case FLT_PREOP_SUCCESS_NO_CALLBACK:
    w->pos++;
    w->state = W_PRE;
    return ACT_CONTINUE;
  case FLT_PREOP_SYNCHRONIZE:
    if (o->kind == OK_IRP && is_create(o))
      rules_violation(e, t, RULE_PRE_SYNC_4, NULL, id, o->id, 0, 0);
    if (o->kind == OK_IRP && (o->major == IRP_MJ_READ || o->major == IRP_MJ_WRITE) && !io_is_synchronous(e, o)) {
      if (rules_violation(e, t, RULE_PRE_SYNC_5, NULL, id, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
    }
    if (!push_node(e, t, o, id, ctx, o->kind == OK_IRP, dirty, iopb_seen)) return ACT_STOP;
    w->pos++;
    w->state = W_PRE;
    return ACT_CONTINUE;
  case FLT_PREOP_SUCCESS_WITH_CALLBACK:
    if (!push_node(e, t, o, id, ctx, 0, dirty, iopb_seen)) return ACT_STOP;
    w->pos++;
    w->state = W_PRE;
    return ACT_CONTINUE;
  case FLT_PREOP_COMPLETE: {
    uint32_t st = cbd_status(e, o);
    if (st == STATUS_PENDING || st == STATUS_FLT_DISALLOW_FAST_IO) {
      if (rules_violation(e, t, RULE_PRE_COMPLETE_2, NULL, id, o->id, st, 0) == RULE_STOP) return ACT_STOP;
    }
    if (o->kind == OK_IRP && (o->major == IRP_MJ_CLEANUP || o->major == IRP_MJ_CLOSE) && st != STATUS_SUCCESS) {
      if (rules_violation(e, t, RULE_PRE_COMPLETE_3, NULL, id, o->id, st, 0) == RULE_STOP) return ACT_STOP;
    }
    trc_event *ev = op_event(e, t, o, TRC_OP_RESUMED, id);
    if (ev) {
      ev->a = 1; /* completed in the pre-op */
      ev->b = st;
    }
    return start_post(e, t, w, o);
  }
  case FLT_PREOP_PENDING:
    if (o->kind != OK_IRP) {
      if (rules_violation(e, t, RULE_PRE_PEND_1, NULL, id, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
      /* Verifier off, the run goes on as if the filter had turned the fast path down (the I/O
       * manager then sends an IRP, which may be pended); any other operation passes on. */
      return apply_pre_status(e, t, w, o, o->kind == OK_FAST_IO ? FLT_PREOP_DISALLOW_FASTIO : FLT_PREOP_SUCCESS_NO_CALLBACK,
                              0, dirty, iopb_seen);
    }
    o->state = OPS_PENDED_PRE;
    o->pended_instance = w->pos;
    o->pre_returned = 1;
    {
      trc_event *ev = op_event(e, t, o, TRC_OP_PENDED, id);
      if (ev) ev->a = 0; /* in the pre-op */
    }
    if (o->early_resume) {
      /* The work routine completed the operation before the pre-op returned (PRE-PEND-2):
       * this thread carries on with what it was given. */
      o->early_resume = 0;
      o->pended_instance = -1;
      trc_event *ev = op_event(e, t, o, TRC_OP_RESUMED, id);
      if (ev) ev->b = o->early_status;
      return apply_pre_status(e, t, w, o, (int32_t)o->early_status, o->early_context, 0, iopb_seen);
    }
    return pended(e, t, w, o);
  case FLT_PREOP_DISALLOW_FASTIO:
    if (o->kind != OK_FAST_IO) {
      if (rules_violation(e, t, RULE_PRE_DISFAST_3, NULL, id, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
      w->pos++; /* fallback: as SUCCESS_NO_CALLBACK */
      w->state = W_PRE;
      return ACT_CONTINUE;
    }
    cbd_set_iostatus(e, o, STATUS_FLT_DISALLOW_FAST_IO, 0);
    return start_post(e, t, w, o);
  case FLT_PREOP_DISALLOW_FSFILTER_IO:
    if (!(o->kind == OK_FS_FILTER && o->major == IRP_MJ_QUERY_OPEN)) {
      if (rules_violation(e, t, RULE_PRE_DISFSF_1, NULL, id, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
      w->pos++;
      w->state = W_PRE;
      return ACT_CONTINUE;
    }
    cbd_set_iostatus(e, o, STATUS_FLT_DISALLOW_FSFILTER_IO, 0);
    return start_post(e, t, w, o);
  default:
    /* PRE-GEN-4: Filter Verifier's "unknown pre-operation callback status". */
    if (rules_violation(e, t, RULE_PRE_GEN_4, NULL, id, o->id, (uint64_t)(uint32_t)status, 0) == RULE_STOP)
      return ACT_STOP;
    /* Without Verifier Windows' behaviour is not documented: the model goes on as if
     * FLT_PREOP_SUCCESS_NO_CALLBACK had been returned. */
    w->pos++;
    w->state = W_PRE;
    return ACT_CONTINUE;
  }
}

static act_result pre_done(engine *e, thread *t, walk_act *w, op *o) {
  int id = e->stack[w->pos];
  int32_t status = (int32_t)(uint32_t)w->base.child_value;
  uint64_t ctx = cbd_context(e, o);
  int dirty = 0;
  if (check_pre_return(e, t, w, o, id, status, ctx, &dirty) == RULE_STOP) return ACT_STOP;
  /* Non-IRP operations: SYNCHRONIZE counts as SUCCESS_WITH_CALLBACK (PRE-SYNC-3). */
  if (status == FLT_PREOP_SYNCHRONIZE && o->kind != OK_IRP) status = FLT_PREOP_SUCCESS_WITH_CALLBACK;
  return apply_pre_status(e, t, w, o, status, ctx, dirty, w->before + CBD_SIZE); /* the parameters it saw */
}

/* ---- Dispatch to the file system ----------------------------------------------------------- */

static act_result dispatch_step(engine *e, thread *t, walk_act *w, op *o) {
  int completed = 0;
  act_result r = io_fs_dispatch(e, t, o, &completed);
  if (r != ACT_CONTINUE) return r;
  if (completed) return start_post(e, t, w, o);
  return pended(e, t, w, o);
}

/* ---- Waiting for a hand-off --------------------------------------------------------------- */

static int handoff_ready(engine *e, thread *t) {
  op *o = e->ops[(int)t->wait_value];
  return (o->handoff_node >= 0 && o->handoff_thread == t->id) || o->state == OPS_DONE;
}

static act_result wait_step(engine *e, thread *t, walk_act *w, op *o) {
  if (o->state == OPS_DONE) {
    w->base.value = o->final_status;
    return ACT_DONE;
  }
  if (o->handoff_node >= 0 && o->handoff_thread == t->id) {
    o->post_next = o->handoff_node;
    o->handoff_node = -1;
    o->state = OPS_POST;
    w->state = W_POST;
    return ACT_CONTINUE;
  }
  t->wait_value = (uint64_t)o->id;
  const char *what = is_create(o) ? "FltMgr waits in the originating thread for the create to complete"
                                  : "FltMgr waits for the I/O to complete (FLT_PREOP_SYNCHRONIZE)";
  return sim_block(e, t, handoff_ready, WK_HANDOFF, what);
}

/* ---- The post phase ---------------------------------------------------------------------- */

static act_result post_step(engine *e, thread *t, walk_act *w, op *o) {
  o->state = OPS_POST;
  while (o->post_next >= 0) {
    int j = o->post_next;
    node *n = &o->nodes[j];
    if (n->done) {
      o->post_next--;
      continue;
    }
    int target = post_thread(o, n);
    int here = t->id == target && t->irql <= APC_LEVEL && t->dpc_depth == 0;
    if (target >= 0 && !here) {
      o->handoff_node = j;
      o->handoff_thread = target;
      o->state = OPS_SYNC_HANDOFF;
      trc_event *ev = op_event(e, t, o, TRC_SYNC_HANDOFF, n->instance);
      if (ev) ev->a = (uint32_t)target;
      w->base.value = STATUS_PENDING;
      return ACT_DONE;
    }
    instance *inst = e->instances[n->instance];
    const opreg *reg = walk_registration(e->drivers[inst->driver], o->major);
    uint8_t *h = cbd_host(e, o);
    if (h) {
      /* h and its copy in w->before are written alike, the copy never read back from bytes
       * just written (cbd_set_objects_in). */
      memcpy(w->before, h, CBD_SIZE);
      memcpy(w->before + CBD_SIZE, n->iopb, IOPB_SIZE); /* each filter's post sees its pre's parameters (MOD-2) */
      memcpy(h + CBD_SIZE, n->iopb, IOPB_SIZE);
      /* Flags with the padding after it: one 8-byte store, which the 8-byte loads comparing
       * the callback data before and after the callback can take straight from the store. */
      uint64_t word0 = le_load(w->before, 8) | FLTFL_CALLBACK_DATA_POST_OPERATION;
      le_store(h, 8, word0);
      le_store(w->before, 8, word0);
      cbd_set_objects_in(e, o, inst, w->before);
    } else {
      cbd_put_iopb(e, o, n->iopb);
      cbd_set_flags(e, o, cbd_flags(e, o) | FLTFL_CALLBACK_DATA_POST_OPERATION);
      cbd_set_objects(e, o, inst);
      cbd_get_bytes(e, o, w->before);
    }
    w->pos = j;
    n->running = 1;
    uint64_t args[4] = { o->cbd, o->objects, n->context, 0 };
    w->state = W_POST_DONE;
    return invoke(e, t, w, h != NULL, reg->post, CB_POST, n->instance, o, args, 4);
  }
  w->state = W_FINISH;
  return ACT_CONTINUE;
}

static act_result post_done(engine *e, thread *t, walk_act *w, op *o) {
  int j = w->pos;
  node *n = &o->nodes[j];
  int32_t status = (int32_t)(uint32_t)w->base.child_value;
  n->running = 0;
  uint8_t zeros[CBD_SIZE];
  const uint8_t *now = cbd_host(e, o);
  if (!now) {
    memset(zeros, 0, sizeof zeros);
    now = zeros;
  }
  if (!w->unchanged && (!same_bytes(now + 0x08, w->before + 0x08, 16) || now[0x50] != w->before[0x50])) {
    if (rules_violation(e, t, RULE_CBD_1, NULL, n->instance, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
  }
  uint32_t st = cbd_status(e, o);
  if (!w->unchanged && !same_bytes(now + 0x18, w->before + 0x18, 16)) {
    if (st == STATUS_FLT_DISALLOW_FAST_IO) {
      if (rules_violation(e, t, RULE_FAIL_1, NULL, n->instance, o->id, st, 0) == RULE_STOP) return ACT_STOP;
    }
    if (o->kind == OK_IRP && (o->major == IRP_MJ_CLEANUP || o->major == IRP_MJ_CLOSE) && !NT_SUCCESS(st)) {
      if (rules_violation(e, t, RULE_FAIL_6, NULL, n->instance, o->id, st, 0) == RULE_STOP) return ACT_STOP;
    }
  }
  if (n->safe_posted && status != FLT_POSTOP_MORE_PROCESSING_REQUIRED) {
    /* DCPWS-2: the SafePostCallback is queued; the post-op must return what it was given.
     * Windows does not say what happens otherwise (the worker would resume an operation that
     * was already completed): a simulator-local violation, then as if it had. */
    if (rules_unsettled(e, t, RULE_DCPWS_2, "DCPWS-RESULT-IGNORED", n->instance, o->id, (uint32_t)status, 0) ==
        RULE_STOP)
      return ACT_STOP;
    status = FLT_POSTOP_MORE_PROCESSING_REQUIRED;
  }
  switch (status) {
  case FLT_POSTOP_FINISHED_PROCESSING:
    n->done = 1;
    o->post_next = j - 1;
    w->state = W_POST;
    return ACT_CONTINUE;
  case FLT_POSTOP_MORE_PROCESSING_REQUIRED:
    if (o->kind != OK_IRP) {
      if (rules_violation(e, t, RULE_POST_MPR_1, NULL, n->instance, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
      n->done = 1; /* fallback: as FINISHED_PROCESSING */
      o->post_next = j - 1;
      w->state = W_POST;
      return ACT_CONTINUE;
    }
    o->state = OPS_PENDED_POST;
    o->pended_node = j;
    {
      trc_event *ev = op_event(e, t, o, TRC_OP_PENDED, n->instance);
      if (ev) ev->a = 1; /* in the post-op */
    }
    w->base.value = STATUS_PENDING;
    return ACT_DONE;
  case FLT_POSTOP_DISALLOW_FSFILTER_IO:
    if (!(o->kind == OK_FS_FILTER && o->major == IRP_MJ_QUERY_OPEN)) {
      if (rules_violation(e, t, RULE_POST_DISFSF_1, NULL, n->instance, o->id, 0, 0) == RULE_STOP) return ACT_STOP;
    } else {
      cbd_set_iostatus(e, o, STATUS_FLT_DISALLOW_FSFILTER_IO, 0);
    }
    n->done = 1;
    o->post_next = j - 1;
    w->state = W_POST;
    return ACT_CONTINUE;
  default:
    if (rules_violation(e, t, RULE_PRE_GEN_4, "UNKNOWN-POSTOP-STATUS", n->instance, o->id,
                        (uint64_t)(uint32_t)status, 0) == RULE_STOP)
      return ACT_STOP;
    /* As FLT_POSTOP_FINISHED_PROCESSING. */
    n->done = 1;
    o->post_next = j - 1;
    w->state = W_POST;
    return ACT_CONTINUE;
  }
}

static act_result finish_step(engine *e, thread *t, walk_act *w, op *o) {
  cbd_set_flags(e, o, cbd_flags(e, o) & ~FLTFL_CALLBACK_DATA_POST_OPERATION);
  o->state = OPS_DONE;
  o->final_status = cbd_status(e, o);
  o->final_information = cbd_information(e, o);
  trc_event *ev = op_event(e, t, o, TRC_OP_END, -1);
  if (ev) {
    ev->a = o->final_status;
    ev->x = o->final_information;
  }
  io_op_finished(e, t, o);
  if (!o->draining_copy) cbd_release(e, o);
  w->base.value = o->final_status;
  return ACT_DONE;
}

static act_result walk_state(engine *e, thread *t, walk_act *w) {
  op *o = op_of(e, w);
  switch (w->state) {
  case W_PRE: return pre_step(e, t, w, o);
  case W_PRE_DONE: return pre_done(e, t, w, o);
  case W_DISPATCH: return dispatch_step(e, t, w, o);
  case W_WAIT: return wait_step(e, t, w, o);
  case W_POST: return post_step(e, t, w, o);
  case W_POST_DONE: return post_done(e, t, w, o);
  case W_FINISH: return finish_step(e, t, w, o);
  }
  return eng_internal(e, t, "walk in an unknown state");
}

/* Runs the walk's states, and the callbacks they call, for as long as the scheduler would
 * have stepped them one after the other anyway (sim_step_again). */
static act_result walk_step(engine *e, thread *t, act *a) {
  act_result r;
  do r = walk_state(e, t, (walk_act *)a);
  while (sim_step_again(e, t, a, &r));
  return r;
}

static const act_vt walk_vt = { "walk", walk_step, NULL };

act_result walk_push(engine *e, thread *t, op *o, walk_phase phase, int pos) {
  walk_act *w = (walk_act *)sim_new_act(e, &walk_vt, sizeof *w);
  if (!w) return ACT_STOP;
  w->op = o->id;
  if (phase == WALK_PRE) {
    w->state = W_PRE;
    w->pos = pos;
  } else {
    w->state = W_POST;
    o->post_next = pos;
  }
  sim_push(e, t, &w->base);
  return ACT_PUSHED;
}

act_result walk_complete(engine *e, thread *t, op *o) {
  return walk_push(e, t, o, WALK_POST, o->node_count - 1);
}

act_result walk_resume_pre(engine *e, thread *t, op *o, uint32_t status, uint64_t context) {
  walk_act *w = (walk_act *)sim_new_act(e, &walk_vt, sizeof *w);
  if (!w) return ACT_STOP;
  w->op = o->id;
  w->pos = o->pended_instance;
  o->pended_instance = -1;
  o->state = OPS_PRE;
  sim_push(e, t, &w->base);
  trc_event *ev = op_event(e, t, o, TRC_OP_RESUMED, e->stack[w->pos]);
  if (ev) ev->b = status;
  uint8_t iopb[IOPB_SIZE];
  cbd_get_iopb(e, o, iopb);
  /* FltCompletePendedPreOperation accepts neither PENDING nor SYNCHRONIZE (checked by the
   * caller), so this only moves the segment on; it runs when the scheduler steps it. */
  act_result r = apply_pre_status(e, t, w, o, (int32_t)status, context, 0, iopb);
  return r == ACT_STOP ? ACT_STOP : ACT_PUSHED;
}

act_result walk_resume_post(engine *e, thread *t, op *o) {
  int j = o->pended_node;
  o->nodes[j].done = 1;
  o->pended_node = -1;
  trc_event *ev = op_event(e, t, o, TRC_OP_RESUMED, o->nodes[j].instance);
  if (ev) ev->a = 2; /* a pended post-op completed */
  return walk_push(e, t, o, WALK_POST, j - 1);
}
