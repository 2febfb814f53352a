/* work.c: worker threads. A worker waits for its queue, takes the oldest item, runs the
 * routine at PASSIVE_LEVEL and checks that it comes back at PASSIVE_LEVEL (0xE1). */
#include "engine/work.h"

#include <string.h>

#include "engine/callback.h"
#include "engine/rules.h"
#include "engine/walk.h"
#include "nt/nt.h"

int work_queue(engine *e, thread *t, const work_item *w) {
  work_item *copy = fp_malloc(e->alloc, sizeof *copy);
  if (!copy) {
    eng_internal(e, t, "out of memory for a work item");
    return 0;
  }
  *copy = *w;
  copy->next = NULL;
  int q = w->queue == DelayedWorkQueue ? 1 : 0;
  work_item **tail = &e->queues[q];
  while (*tail) tail = &(*tail)->next;
  *tail = copy;
  trc_event *ev = eng_event(e, t, TRC_WORK_QUEUED);
  if (ev) {
    ev->a = (uint32_t)q;
    ev->b = (uint32_t)w->kind;
    ev->op = w->op;
    ev->x = w->routine;
    ev->y = w->item;
  }
  return 1;
}

int work_pending(const engine *e) {
  if (e->queues[0] || e->queues[1]) return 1;
  for (int i = 0; i < e->thread_count; i++) {
    const thread *t = e->threads[i];
    if (t->kind == TK_WORKER && t->top && t->top->below) return 1; /* running an item */
  }
  return 0;
}

typedef struct worker_act {
  act base;
  int queue;
  work_item *item;       /* the item being run */
  int stage;             /* 0 wait, 1 routine returned, 2 completion resumed */
} worker_act;

static int queue_ready(engine *e, thread *t) { return e->queues[t->worker_queue] != NULL; }

static act_result worker_step(engine *e, thread *t, act *a) {
  worker_act *w = (worker_act *)a;
  if (w->stage == 0) {
    work_item *it = e->queues[w->queue];
    if (!it) return sim_block(e, t, queue_ready, WK_QUEUE, "the worker thread waits for work");
    e->queues[w->queue] = it->next;
    w->item = it;
    w->stage = 1;
    trc_event *ev = eng_event(e, t, TRC_WORK_START);
    if (ev) {
      ev->b = (uint32_t)it->kind;
      ev->op = it->op;
      ev->x = it->routine;
      ev->y = it->item;
    }
    cb_role role = it->kind == WI_SAFE_POST ? CB_SAFE_POST : CB_WORK_ROUTINE;
    int inst = -1;
    if (it->op >= 0 && it->node >= 0) inst = e->ops[it->op]->nodes[it->node].instance;
    return cb_invoke(e, t, it->routine, role, inst, it->op, it->args, it->argc);
  }
  work_item *it = w->item;
  if (w->stage == 1) {
    if (t->irql != PASSIVE_LEVEL)
      return rules_bugcheck(e, t, RULE_NONE, 0xE1, it->routine, t->irql, it->args[it->argc ? it->argc - 1 : 0], it->item);
    if (it->kind == WI_SAFE_POST) {
      /* DCPWS-4: FINISHED_PROCESSING from the SafePostCallback: FltMgr resumes completion
       * itself, in this worker thread; MORE_PROCESSING_REQUIRED: the filter must call
       * FltCompletePendedPostOperation later. */
      int32_t status = (int32_t)(uint32_t)a->child_value;
      op *o = e->ops[it->op];
      if (status == FLT_POSTOP_FINISHED_PROCESSING && o->state == OPS_PENDED_POST && o->pended_node == it->node) {
        w->stage = 2;
        return walk_resume_post(e, t, o);
      }
      if (status == FLT_POSTOP_MORE_PROCESSING_REQUIRED) o->safe_post_pending = 1;
    }
  }
  trc_event *ev = eng_event(e, t, TRC_WORK_END);
  if (ev) {
    ev->b = (uint32_t)it->kind;
    ev->op = it->op;
    ev->x = it->routine;
  }
  fp_free(e->alloc, it);
  w->item = NULL;
  w->stage = 0;
  return ACT_CONTINUE;
}

static void worker_destroy(engine *e, act *a) {
  worker_act *w = (worker_act *)a;
  fp_free(e->alloc, w->item);
}

static const act_vt worker_vt = { "worker", worker_step, worker_destroy };

act_result work_start_worker(engine *e, thread *t, int queue) {
  worker_act *w = (worker_act *)sim_new_act(e, &worker_vt, sizeof *w);
  if (!w) return ACT_STOP;
  w->queue = queue;
  t->worker_queue = queue;
  sim_push(e, t, &w->base);
  return ACT_PUSHED;
}
