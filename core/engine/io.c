/* io.c: the I/O manager: applications' scripts and requests, and how a request becomes
 * Filter Manager operations (IRP, fast I/O with the retry as an IRP, the FsFilter QueryOpen
 * with its slow path), synchronous waits and asynchronous completion. The file system itself
 * is in fs.c. */
#include "engine/io.h"

#include <string.h>

#include "engine/cbd.h"
#include "engine/callback.h"
#include "engine/fs.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "engine/walk.h"
#include "nt/nt.h"

/* ---- Operations ---------------------------------------------------------------------------- */

/* Where an operation made by io_new_op keeps its first nodes: right after it. */
static node *inline_area(op *o) { return (node *)(void *)(o + 1); }

void io_free_op(engine *e, op *o) {
  if (!o) return;
  if (o->nodes != inline_area(o)) fp_free(e->alloc, o->nodes);
  if (o->heap_bytes) kh_free(&e->op_heap, o, o->heap_bytes);
  else fp_free(e->alloc, o);
}

op *io_new_op(engine *e, thread *t, int rq, op_kind kind, uint8_t major, uint8_t minor, fobj *fo) {
  if (e->op_count == e->op_cap) {
    int cap = e->op_cap ? e->op_cap * 2 : 32;
    op **ops = fp_realloc(e->alloc, e->ops, (size_t)cap * sizeof *ops);
    if (!ops) {
      eng_internal(e, t, "out of memory for an operation");
      return NULL;
    }
    e->ops = ops;
    e->op_cap = cap;
  }
  /* Room for a node per instance right after the operation (io_add_node grows beyond it). */
  int inline_nodes = e->stack_count > 0 ? e->stack_count : 0;
  size_t bytes = sizeof(op) + (size_t)inline_nodes * sizeof(node);
  op *o = kh_alloc_raw(&e->op_heap, bytes); /* (io_add_node zeroes each node it hands out) */
  if (!o) {
    eng_internal(e, t, "out of memory for an operation");
    return NULL;
  }
  memset(o, 0, sizeof *o);
  o->heap_bytes = (uint32_t)bytes;
  o->nodes = inline_nodes ? inline_area(o) : NULL;
  o->node_cap = inline_nodes;
  o->id = e->op_count;
  e->ops[e->op_count++] = o;
  o->request = rq;
  o->kind = kind;
  o->major = major;
  o->minor = minor;
  o->orig_thread = t->id;
  o->fo = fo;
  o->pended_instance = -1;
  o->pended_node = -1;
  o->handoff_node = -1;
  o->handoff_thread = -1;
  uint32_t flags = kind == OK_IRP ? FLTFL_CALLBACK_DATA_IRP_OPERATION
                   : kind == OK_FAST_IO ? FLTFL_CALLBACK_DATA_FAST_IO_OPERATION
                                        : FLTFL_CALLBACK_DATA_FS_FILTER_OPERATION;
  uint8_t mode = t->kind == TK_APP ? (uint8_t)UserMode : (uint8_t)KernelMode;
  if (!cbd_create(e, o, flags, e->threads[o->orig_thread]->ethread, mode)) return NULL;
  cbd_set_major_minor(e, o, major, minor);
  cbd_set_targets(e, o, fo ? fo->address : 0, 0);
  return o;
}

node *io_add_node(engine *e, thread *t, op *o) {
  if (o->node_count == o->node_cap) {
    int cap = o->node_cap ? o->node_cap * 2 : (e->stack_count > 0 ? e->stack_count : 1);
    int in_place = o->nodes && o->nodes == inline_area(o);
    node *nodes = fp_realloc(e->alloc, in_place ? NULL : o->nodes, (size_t)cap * sizeof *nodes);
    if (!nodes) {
      eng_internal(e, t, "out of memory for a completion node");
      return NULL;
    }
    if (in_place) memcpy(nodes, o->nodes, (size_t)o->node_count * sizeof *nodes);
    o->nodes = nodes;
    o->node_cap = cap;
  }
  node *n = &o->nodes[o->node_count++];
  memset(n, 0, sizeof *n);
  return n;
}

int io_is_synchronous(engine *e, const op *o) {
  /* FltIsOperationSynchronous: TRUE for a non-IRP operation, or an IRP with
   * IRP_SYNCHRONOUS_API or IRP_SYNCHRONOUS_PAGING_IO, or (not paging) a file object opened for
   * synchronous I/O. */
  if (o->kind != OK_IRP) return 1;
  uint32_t irp = cbd_irp_flags(e, o);
  if (irp & (IRP_SYNCHRONOUS_API | IRP_SYNCHRONOUS_PAGING_IO)) return 1;
  if (!(irp & IRP_PAGING_IO) && o->fo && (fo_flags(e, o->fo) & FO_SYNCHRONOUS_IO)) return 1;
  return 0;
}

int io_first_live_op(engine *e) {
  while (e->settled_ops < e->op_count &&
         (e->ops[e->settled_ops]->state == OPS_DONE || e->ops[e->settled_ops]->draining_copy))
    e->settled_ops++;
  return e->settled_ops;
}

int io_outstanding(engine *e) {
  while (e->done_requests < e->request_count && e->requests[e->done_requests]->state == RQ_DONE) e->done_requests++;
  for (int i = e->done_requests; i < e->request_count; i++)
    if (e->requests[i]->state != RQ_DONE && e->requests[i]->state != RQ_NEW) return 1;
  for (int i = io_first_live_op(e); i < e->op_count; i++)
    if (e->ops[i]->state != OPS_DONE && !e->ops[i]->draining_copy) return 1;
  return 0;
}

/* ---- Handles ------------------------------------------------------------------------------- */

static fobj *handle_find(engine *e, int process, const char *name) {
  if (!name) return NULL;
  const handle *best = NULL;
  for (int i = 0; i < e->handle_count; i++) {
    const handle *h = &e->handles[i];
    if (h->process == process && h->fo && strcmp(h->name, name) == 0 && (!best || h->opened > best->opened)) best = h;
  }
  return best ? best->fo : NULL;
}

/* Adds a handle in a free slot (at most ENG_MAX_HANDLES open at once). */
static int handle_add(engine *e, int process, const char *name, fobj *fo) {
  if (!name) return 0;
  int slot = 0;
  while (slot < e->handle_count && e->handles[slot].fo) slot++;
  if (slot == ENG_MAX_HANDLES) return 0;
  char *copy = fp_strdup(e->alloc, name);
  if (!copy) return 0;
  if (slot == e->handle_count) e->handle_count++;
  handle *h = &e->handles[slot];
  fp_free(e->alloc, h->name);
  h->process = process;
  h->name = copy;
  h->fo = fo;
  h->opened = ++e->handles_opened;
  return 1;
}

static void handle_remove(engine *e, fobj *fo) {
  for (int i = 0; i < e->handle_count; i++)
    if (e->handles[i].fo == fo) e->handles[i].fo = NULL;
}

static fobj *new_fobj(engine *e, int process, const char *path) {
  if (e->fobj_count == e->fobj_cap) {
    int cap = e->fobj_cap ? e->fobj_cap * 2 : 16;
    fobj **f = fp_realloc(e->alloc, e->fobjs, (size_t)cap * sizeof *f);
    if (!f) return NULL;
    e->fobjs = f;
    e->fobj_cap = cap;
  }
  fobj *f = fp_calloc(e->alloc, 1, sizeof *f);
  if (!f) return NULL;
  f->id = e->fobj_count;
  f->process = process;
  e->fobjs[e->fobj_count++] = f;
  if (!fo_create(e, f, path)) return NULL;
  return f;
}

/* ---- Requests ------------------------------------------------------------------------------ */

typedef enum rstage {
  R_START, R_FAST_DONE, R_IRP, R_IRP_DONE, R_WAIT_DONE, R_FINISH,
  R_QO_DONE, R_SLOW, R_SLOW_STEP
} rstage;

typedef struct req_act {
  act base;
  int rq;
  rstage stage;
  int op;
  int slow_step;          /* QueryOpen's slow path: 0 create, 1 query, 2 cleanup, 3 close */
  fp_op_desc slow_desc;   /* the step in progress */
  uint64_t info_buffer;
} req_act;

static const act_vt req_vt;
static act_result push_request(engine *e, thread *t, int rq);

static int op_done_ready(engine *e, thread *t) { return e->ops[(int)t->wait_value]->state == OPS_DONE; }

static act_result end_request(engine *e, thread *t, req_act *r, uint32_t status, uint64_t info) {
  request *rq = e->requests[r->rq];
  rq->status = status;
  rq->information = info;
  rq->state = RQ_DONE;
  trc_event *ev = eng_event(e, t, TRC_REQUEST_END);
  if (ev) {
    ev->request = rq->id;
    ev->op = rq->op;
    ev->a = status;
    ev->x = info;
  }
  /* The system service returns to user mode: IRQL must be PASSIVE_LEVEL again. */
  if (rq->parent < 0 && t->kind == TK_APP && t->irql != PASSIVE_LEVEL)
    return rules_bugcheck(e, t, RULE_NONE, 0x4A, 0, t->irql, 0, 0);
  r->base.value = status;
  return ACT_DONE;
}

static uint32_t completion_mode(engine *e, const request *rq) {
  fp_completion c = rq->desc.completion ? rq->desc.completion : e->default_completion;
  return c == FP_COMPLETE_PENDING ? FP_COMPLETE_PENDING : FP_COMPLETE_INLINE;
}

static uint32_t delay_of(engine *e, const request *rq) {
  uint32_t d = rq->desc.delay ? rq->desc.delay : e->default_delay;
  return d ? d : 30;
}

void io_trace_op_start(engine *e, thread *t, const op *o, int request_id) {
  trc_event *ev = eng_event(e, t, TRC_OP_START);
  if (!ev) return;
  ev->op = o->id;
  ev->request = request_id;
  ev->a = o->kind;
  ev->b = o->major;
  ev->x = o->cbd;
  ev->y = cbd_irp_flags(e, o);
  uint64_t w[49];
  uint32_t n = cb_op_snapshot(e, o, w, 49);
  if (n) trc_add_words(&e->trace, w, n);
}

/* Fills what every operation of a request shares and starts its walk. */
static act_result launch(engine *e, thread *t, req_act *r, op *o, rstage next) {
  request *rq = e->requests[r->rq];
  rq->op = o->id;
  r->op = o->id;
  o->fs_completion = (int)completion_mode(e, rq);
  o->fs_delay = delay_of(e, rq);
  o->top_level_irp = rq->desc.top_level_irp;
  t->top_level_irp = rq->desc.top_level_irp ? 2u /* FSRTL_CACHE_TOP_LEVEL_IRP */ : 0;
  io_trace_op_start(e, t, o, rq->id);
  r->stage = next;
  return walk_push(e, t, o, WALK_PRE, 0);
}

static op *new_rw_op(engine *e, thread *t, req_act *r, op_kind kind) {
  request *rq = e->requests[r->rq];
  int write = rq->desc.kind == FP_OP_WRITE;
  op *o = io_new_op(e, t, rq->id, kind, write ? IRP_MJ_WRITE : IRP_MJ_READ, 0, rq->fo);
  if (!o) return NULL;
  cbd_set_param(e, o, P_RW_LENGTH, rq->desc.length);
  cbd_set_param(e, o, P_RW_BYTE_OFFSET, rq->desc.offset);
  cbd_set_param(e, o, P_RW_BUFFER, rq->buffer);
  o->user_buffer = rq->buffer;
  if (kind == OK_IRP) {
    uint32_t flags = write ? IRP_WRITE_OPERATION : IRP_READ_OPERATION;
    uint32_t fof = fo_flags(e, rq->fo);
    if (fof & FO_SYNCHRONOUS_IO) flags |= IRP_SYNCHRONOUS_API;
    if (fof & FO_NO_INTERMEDIATE_BUFFERING) flags |= IRP_NOCACHE;
    if (rq->desc.io == FP_IO_PAGING) {
      /* Paging I/O: described by an MDL (the pages are locked), non-cached, synchronous. */
      flags = (write ? IRP_WRITE_OPERATION : IRP_READ_OPERATION) | IRP_PAGING_IO | IRP_NOCACHE |
              IRP_SYNCHRONOUS_PAGING_IO;
      o->paging = 1;
      uint64_t mdl = mdl_create(e, rq->buffer, rq->desc.length, rq->buffer);
      if (!mdl) return NULL;
      o->mdl = mdl;
      cbd_set_param(e, o, P_RW_MDL, mdl);
    }
    cbd_set_irp_flags(e, o, flags);
  }
  return o;
}

static act_result start_rw(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  rq->fo = handle_find(e, t->process, rq->desc.handle);
  if (!rq->fo) return end_request(e, t, r, STATUS_INVALID_HANDLE, 0);
  km_attrs attrs = { 0 };
  attrs.owner = -1;
  attrs.process = (uint32_t)t->process;
  attrs.label = 'U';
  uint32_t given = rq->desc.length;
  uint32_t n = given ? given : 1;
  if (rq->desc.io == FP_IO_PAGING) {
    /* A page fault moves whole pages: the transfer is rounded up to the page size. Paging I/O
     * moves the locked pages of a section (nonpaged while the I/O lasts). */
    n = (n + KM_PAGE_SIZE - 1) / KM_PAGE_SIZE * KM_PAGE_SIZE;
    rq->desc.length = n;
    rq->buffer = km_alloc(e->mem, KM_SYSTEM, n, &attrs);
  } else {
    attrs.pageable = 1; /* user memory is pageable */
    rq->buffer = km_alloc(e->mem, KM_USER, n, &attrs);
  }
  if (!rq->buffer) return eng_internal(e, t, "out of memory for a user buffer");
  if (rq->desc.kind == FP_OP_WRITE && rq->desc.data && given) {
    uint8_t *p = km_raw(e->mem, rq->buffer, given);
    if (p) memcpy(p, rq->desc.data, given);
  }
  if (rq->desc.io == FP_IO_FAST) {
    op *o = new_rw_op(e, t, r, OK_FAST_IO);
    if (!o) return ACT_STOP;
    return launch(e, t, r, o, R_FAST_DONE);
  }
  r->stage = R_IRP;
  return ACT_CONTINUE;
}

static act_result irp_rw(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  if (rq->desc.io == FP_IO_PAGING) sim_set_irql(e, t, APC_LEVEL, "a page fault: paging I/O is issued at APC_LEVEL");
  op *o = new_rw_op(e, t, r, OK_IRP);
  if (!o) return ACT_STOP;
  return launch(e, t, r, o, R_IRP_DONE);
}

static int request_synchronous(engine *e, const request *rq, const op *o) {
  switch (rq->desc.kind) {
  case FP_OP_CREATE:
  case FP_OP_CLEANUP:
  case FP_OP_CLOSE:
  case FP_OP_CLOSE_HANDLE:
    return 1;
  default:
    return io_is_synchronous(e, o);
  }
}

static act_result irp_done(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  op *o = e->ops[r->op];
  if (o->state != OPS_DONE) {
    if (request_synchronous(e, rq, o)) {
      t->wait_value = (uint64_t)o->id;
      r->stage = R_WAIT_DONE;
      return sim_block(e, t, op_done_ready, WK_IO, "the I/O manager waits for the I/O to complete");
    }
    /* Asynchronous: the application goes on; completion finishes the request later. */
    rq->state = RQ_PENDING;
    trc_event *ev = eng_event(e, t, TRC_REQUEST_END);
    if (ev) {
      ev->request = rq->id;
      ev->op = o->id;
      ev->a = STATUS_PENDING;
    }
    r->base.value = STATUS_PENDING;
    return ACT_DONE;
  }
  r->stage = R_FINISH;
  return ACT_CONTINUE;
}

/* What the I/O manager does once the last operation of a request is done. */
static act_result finish(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  op *o = e->ops[r->op];
  uint32_t status = o->final_status;
  uint64_t info = o->final_information;
  if (o->paging && t->irql == APC_LEVEL) sim_set_irql(e, t, PASSIVE_LEVEL, "the page fault is resolved");
  switch (rq->desc.kind) {
  case FP_OP_CREATE: {
    fobj *fo = rq->fo;
    uint32_t fof = fo_flags(e, fo);
    if (NT_SUCCESS(status) && status != STATUS_REPARSE && !(fof & FO_FILE_OPEN_CANCELLED)) {
      fo_set_flags(e, fo, fof | FO_HANDLE_CREATED);
      if (!handle_add(e, t->process, rq->desc.handle ? rq->desc.handle : "h", fo))
        return eng_internal(e, t, "too many open handles (the model keeps at most 32 open at once)");
    }
    break;
  }
  case FP_OP_CLEANUP:
    rq->fo->cleaned_up = 1;
    fo_set_flags(e, rq->fo, fo_flags(e, rq->fo) | FO_CLEANUP_COMPLETE);
    break;
  case FP_OP_CLOSE:
    rq->fo->closed = 1;
    handle_remove(e, rq->fo);
    break;
  default:
    break;
  }
  return end_request(e, t, r, status, info);
}

static act_result start_create(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  const fp_op_desc *d = &rq->desc;
  fobj *fo = new_fobj(e, t->process, d->path ? d->path : "\\");
  if (!fo) return eng_internal(e, t, "out of memory for a file object");
  rq->fo = fo;
  fo->access = d->desired_access;
  fo->share = d->share_access;
  uint32_t fof = 0;
  if (d->options & (FILE_SYNCHRONOUS_IO_NONALERT | FILE_SYNCHRONOUS_IO_ALERT)) fof |= FO_SYNCHRONOUS_IO;
  if (d->options & FILE_NO_INTERMEDIATE_BUFFERING) fof |= FO_NO_INTERMEDIATE_BUFFERING;
  fo_set_flags(e, fo, fof);
  op *o = io_new_op(e, t, rq->id, OK_IRP, IRP_MJ_CREATE, 0, fo);
  if (!o) return ACT_STOP;
  uint64_t sc = mem_kernel_object(e, 0x18, 'C'); /* IO_SECURITY_CONTEXT: DesiredAccess at 0x10 */
  if (!sc) return ACT_STOP;
  mem_put(e, sc + 0x10, 4, d->desired_access);
  cbd_set_param(e, o, P_CREATE_SECURITY_CONTEXT, sc);
  cbd_set_param(e, o, P_CREATE_OPTIONS, ((uint64_t)(d->disposition & 0xFF) << 24) | (d->options & 0xFFFFFF));
  cbd_set_param(e, o, P_CREATE_SHARE_ACCESS, d->share_access);
  cbd_set_irp_flags(e, o, IRP_CREATE_OPERATION | IRP_SYNCHRONOUS_API);
  return launch(e, t, r, o, R_IRP_DONE);
}

static act_result start_simple(engine *e, thread *t, req_act *r, uint8_t major) {
  request *rq = e->requests[r->rq];
  if (!rq->fo) rq->fo = handle_find(e, t->process, rq->desc.handle);
  if (!rq->fo) return end_request(e, t, r, STATUS_INVALID_HANDLE, 0);
  op *o = io_new_op(e, t, rq->id, OK_IRP, major, 0, rq->fo);
  if (!o) return ACT_STOP;
  uint32_t flags = IRP_SYNCHRONOUS_API;
  if (major == IRP_MJ_CLOSE) flags = IRP_CLOSE_OPERATION | IRP_SYNCHRONOUS_API;
  if (major == IRP_MJ_QUERY_INFORMATION || major == IRP_MJ_SET_INFORMATION) {
    /* Buffered I/O: the I/O manager's system buffer, nonpaged and safe at any IRQL. */
    uint32_t len = rq->desc.length ? rq->desc.length : 0x40;
    uint64_t sys = mem_kernel_object(e, len, 'B');
    if (!sys) return ACT_STOP;
    if (major == IRP_MJ_SET_INFORMATION && rq->desc.data) {
      uint8_t *p = km_raw(e->mem, sys, len);
      if (p) memcpy(p, rq->desc.data, len);
    }
    r->info_buffer = sys;
    flags = IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER |
            (major == IRP_MJ_QUERY_INFORMATION ? IRP_INPUT_OPERATION : 0u) |
            ((fo_flags(e, rq->fo) & FO_SYNCHRONOUS_IO) ? IRP_SYNCHRONOUS_API : 0u);
    cbd_set_flags(e, o, cbd_flags(e, o) | FLTFL_CALLBACK_DATA_SYSTEM_BUFFER);
    cbd_set_param(e, o, P_QI_LENGTH, len);
    cbd_set_param(e, o, P_QI_CLASS, rq->desc.info_class);
    cbd_set_param(e, o, major == IRP_MJ_QUERY_INFORMATION ? P_QI_BUFFER : P_SI_BUFFER, sys);
  }
  cbd_set_irp_flags(e, o, flags);
  return launch(e, t, r, o, R_IRP_DONE);
}

static act_result start_query_open(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  fobj *fo = new_fobj(e, t->process, rq->desc.path ? rq->desc.path : "\\");
  if (!fo) return eng_internal(e, t, "out of memory for a file object");
  op *o = io_new_op(e, t, rq->id, OK_FS_FILTER, IRP_MJ_QUERY_OPEN, 0, fo);
  if (!o) return ACT_STOP;
  uint64_t irp = mem_kernel_object(e, 0xD0, 'I');     /* the create IRP the query travels with */
  uint64_t info = mem_kernel_object(e, 0x60, 'B');    /* FileInformation */
  uint64_t len = mem_kernel_object(e, 8, 'B');        /* *Length */
  if (!irp || !info || !len) return ACT_STOP;
  mem_put(e, len, 4, 0x60);
  cbd_set_param(e, o, P_QO_IRP, irp);
  cbd_set_param(e, o, P_QO_FILE_INFORMATION, info);
  cbd_set_param(e, o, P_QO_LENGTH, len);
  cbd_set_param(e, o, P_QO_CLASS, rq->desc.info_class ? rq->desc.info_class : (uint32_t)FileStatInformation);
  rq->fo = fo;
  return launch(e, t, r, o, R_QO_DONE);
}

/* QueryOpen refused: the I/O manager opens, queries and closes the file. */
static act_result slow_step(engine *e, thread *t, req_act *r) {
  request *rq = e->requests[r->rq];
  if (r->stage == R_SLOW_STEP) {
    request *child = e->requests[e->request_count - 1];
    if (r->slow_step == 0 && !NT_SUCCESS(child->status)) return end_request(e, t, r, child->status, 0);
    if (r->slow_step == 1) {
      rq->status = child->status;
      rq->information = child->information;
    }
    if (++r->slow_step == 4) return end_request(e, t, r, rq->status, rq->information);
  }
  static const fp_op_kind steps[4] = { FP_OP_CREATE, FP_OP_QUERY_INFO, FP_OP_CLEANUP, FP_OP_CLOSE };
  fp_op_desc d;
  memset(&d, 0, sizeof d);
  d.kind = steps[r->slow_step];
  d.path = rq->desc.path;
  d.handle = "\x01query-open"; /* a handle name no script can use */
  d.desired_access = FILE_READ_ATTRIBUTES | SYNCHRONIZE;
  d.share_access = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
  d.disposition = FILE_OPEN;
  d.options = FILE_SYNCHRONOUS_IO_NONALERT;
  d.info_class = FileNetworkOpenInformation;
  d.length = 56;
  int id = eng_add_request(e, t->id, &d, rq->id);
  if (id < 0) return ACT_STOP;
  r->stage = R_SLOW_STEP;
  return push_request(e, t, id);
}

static act_result req_state(engine *e, thread *t, act *a) {
  req_act *r = (req_act *)a;
  request *rq = e->requests[r->rq];
  switch (r->stage) {
  case R_START: {
    rq->state = RQ_RUNNING;
    trc_event *ev = eng_event(e, t, TRC_REQUEST_START);
    if (ev) {
      ev->request = rq->id;
      ev->a = rq->desc.kind;
      ev->b = (uint32_t)rq->desc.io;
      ev->str = trc_intern(&e->trace, rq->desc.path ? rq->desc.path : (rq->desc.handle ? rq->desc.handle : ""));
    }
    switch (rq->desc.kind) {
    case FP_OP_CREATE: return start_create(e, t, r);
    case FP_OP_READ:
    case FP_OP_WRITE: return start_rw(e, t, r);
    case FP_OP_QUERY_INFO: return start_simple(e, t, r, IRP_MJ_QUERY_INFORMATION);
    case FP_OP_SET_INFO: return start_simple(e, t, r, IRP_MJ_SET_INFORMATION);
    case FP_OP_CLEANUP:
    case FP_OP_CLOSE_HANDLE: return start_simple(e, t, r, IRP_MJ_CLEANUP);
    case FP_OP_CLOSE: return start_simple(e, t, r, IRP_MJ_CLOSE);
    case FP_OP_QUERY_OPEN: return start_query_open(e, t, r);
    default: return eng_internal(e, t, "a request the I/O manager does not know");
    }
  }
  case R_FAST_DONE: {
    op *o = e->ops[r->op];
    if (o->fast_refused || o->final_status == STATUS_FLT_DISALLOW_FAST_IO) {
      trc_event *ev = eng_event(e, t, TRC_FAST_IO_REFUSED);
      if (ev) {
        ev->op = o->id;
        ev->request = rq->id;
      }
      r->stage = R_IRP;
      return ACT_CONTINUE;
    }
    r->stage = R_FINISH;
    return ACT_CONTINUE;
  }
  case R_IRP: return irp_rw(e, t, r);
  case R_IRP_DONE: return irp_done(e, t, r);
  case R_WAIT_DONE:
    r->stage = R_FINISH;
    return ACT_CONTINUE;
  case R_FINISH:
    if (rq->desc.kind == FP_OP_CLOSE_HANDLE && e->ops[r->op]->major == IRP_MJ_CLEANUP) {
      /* NtClose: the cleanup is done; the last reference goes: IRP_MJ_CLOSE. */
      rq->fo->cleaned_up = 1;
      fo_set_flags(e, rq->fo, fo_flags(e, rq->fo) | FO_CLEANUP_COMPLETE);
      return start_simple(e, t, r, IRP_MJ_CLOSE);
    }
    if (rq->desc.kind == FP_OP_CLOSE_HANDLE) {
      rq->fo->closed = 1;
      handle_remove(e, rq->fo);
      return end_request(e, t, r, e->ops[r->op]->final_status, 0);
    }
    return finish(e, t, r);
  case R_QO_DONE: {
    op *o = e->ops[r->op];
    if (o->final_status == STATUS_FLT_DISALLOW_FSFILTER_IO) {
      trc_event *ev = eng_event(e, t, TRC_FAST_IO_REFUSED);
      if (ev) {
        ev->op = o->id;
        ev->request = rq->id;
        ev->a = 1; /* QueryOpen: the slow path follows */
      }
      r->stage = R_SLOW;
      return ACT_CONTINUE;
    }
    return end_request(e, t, r, o->final_status, o->final_information);
  }
  case R_SLOW:
  case R_SLOW_STEP:
    return slow_step(e, t, r);
  }
  return eng_internal(e, t, "a request in an unknown stage");
}

/* Runs the request's stages, and the walks they start, for as long as the scheduler would have
 * stepped them one after the other anyway (sim_step_again). */
static act_result req_step(engine *e, thread *t, act *a) {
  act_result r;
  do r = req_state(e, t, a);
  while (sim_step_again(e, t, a, &r));
  return r;
}

static const act_vt req_vt = { "request", req_step, NULL };

static act_result push_request(engine *e, thread *t, int rq) {
  req_act *r = (req_act *)sim_new_act(e, &req_vt, sizeof *r);
  if (!r) return ACT_STOP;
  r->rq = rq;
  sim_push(e, t, &r->base);
  return ACT_PUSHED;
}

/* ---- Application threads ------------------------------------------------------------------- */

typedef struct app_act {
  act base;
  int next;               /* next request index in this thread's script */
  int started;
} app_act;

static int booted_ready(engine *e, thread *t) {
  (void)t;
  return e->booted;
}

static int request_done_ready(engine *e, thread *t) { return e->requests[(int)t->wait_value]->state == RQ_DONE; }

static int time_ready(engine *e, thread *t) { return e->time >= t->wait_value; }

static request *script_request(engine *e, thread *t, int index) {
  return index >= 0 && index < t->script_count ? e->requests[t->script[index]] : NULL;
}

static act_result app_state(engine *e, thread *t, act *a) {
  app_act *p = (app_act *)a;
  if (!p->started) {
    p->started = 1;
    if (!e->booted) return sim_block(e, t, booted_ready, WK_BOOT, "the application waits for the system to start");
  }
  request *rq = script_request(e, t, p->next);
  if (!rq) {
    a->value = 0;
    return ACT_DONE;
  }
  p->next++;
  if (rq->desc.kind == FP_OP_WAIT) {
    request *target = script_request(e, t, rq->desc.wait_for);
    rq->state = RQ_DONE;
    if (!target || target->state == RQ_DONE) return ACT_CONTINUE;
    t->wait_value = (uint64_t)target->id;
    return sim_block(e, t, request_done_ready, WK_REQUEST, "the application waits for its asynchronous I/O");
  }
  if (rq->desc.kind == FP_OP_SLEEP) {
    rq->state = RQ_DONE;
    t->wait_value = e->time + rq->desc.ticks;
    if (!sim_arm_timer(e, t->wait_value, -1)) return eng_internal(e, t, "out of memory for a timer");
    return sim_block(e, t, time_ready, WK_SLEEP, "the application sleeps");
  }
  return push_request(e, t, rq->id);
}

/* The script's requests, stepped as req_step does its stages. */
static act_result app_step(engine *e, thread *t, act *a) {
  act_result r;
  do r = app_state(e, t, a);
  while (sim_step_again(e, t, a, &r));
  return r;
}

static const act_vt app_vt = { "application", app_step, NULL };

act_result io_start_app(engine *e, thread *t) {
  app_act *p = (app_act *)sim_new_act(e, &app_vt, sizeof *p);
  if (!p) return ACT_STOP;
  sim_push(e, t, &p->base);
  return ACT_PUSHED;
}

/* ---- Completion ------------------------------------------------------------------------------ */

act_result io_complete_from_dpc(engine *e, thread *t, act *dpc, int id) {
  (void)dpc;
  op *o = e->ops[id];
  fs_complete(e, t, o, 1);
  return walk_complete(e, t, o);
}

void io_op_finished(engine *e, thread *t, op *o) {
  if (o->request < 0) return;
  request *rq = e->requests[o->request];
  if (rq->state != RQ_PENDING || rq->op != o->id) return;
  /* An asynchronous request completes now (the I/O manager's completion for the app). */
  rq->status = o->final_status;
  rq->information = o->final_information;
  rq->state = RQ_DONE;
  trc_event *ev = eng_event(e, t, TRC_REQUEST_END);
  if (ev) {
    ev->request = rq->id;
    ev->op = o->id;
    ev->a = o->final_status;
    ev->x = o->final_information;
    ev->b = 1; /* asynchronous completion */
  }
}
