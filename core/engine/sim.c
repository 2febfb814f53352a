/* sim.c: the machine: threads with their activation stacks, IRQL, the scheduler (one CPU,
 * round-robin with a seeded quantum), timers whose DPCs land at the next preemption point on
 * top of whichever thread runs, waits, and the run loop. */
#include <string.h>

#include "engine/callback.h"
#include "engine/engine_int.h"
#include "engine/hang.h"
#include "engine/io.h"
#include "nt/nt.h"

thread *sim_current(engine *e) { return e->threads[e->current]; }

int sim_add_thread(engine *e, thread_kind kind, const char *name, int process) {
  if (e->thread_count >= ENG_MAX_THREADS) return -1;
  thread *t = fp_calloc(e->alloc, 1, sizeof *t);
  if (!t) return -1;
  t->name = fp_strdup(e->alloc, name);
  km_attrs attrs = { 0 };
  attrs.owner = -1;
  attrs.label = 'T';
  t->ethread = km_alloc(e->mem, KM_SYSTEM, 0x800, &attrs); /* an ETHREAD is opaque to drivers */
  attrs.label = 'S';
  t->stack_base = km_alloc(e->mem, KM_STACK, ENG_STACK_SIZE, &attrs);
  if (!t->name || !t->ethread || !t->stack_base) {
    fp_free(e->alloc, t->name);
    fp_free(e->alloc, t);
    return -1;
  }
  t->id = e->thread_count;
  t->kind = kind;
  t->process = process;
  t->irql = PASSIVE_LEVEL;
  t->worker_queue = -1;
  e->threads[e->thread_count++] = t;
  return t->id;
}

act *sim_no_act(engine *e) {
  eng_internal(e, NULL, "out of memory for an activation");
  return NULL;
}

act *sim_new_act(engine *e, const act_vt *vt, size_t size) {
  act *a = slab_alloc(&e->slabs, size);
  if (!a) return sim_no_act(e);
  memset(a, 0, size);
  a->vt = vt;
  return a;
}

void sim_push(engine *e, thread *t, act *a) {
  (void)e;
  a->below = t->top;
  t->top = a;
}

static void pop(engine *e, thread *t) {
  act *a = t->top;
  t->top = a->below;
  if (t->top && !a->dpc) { /* a DPC interrupted the activation below; it returns nothing to it */
    t->top->child_value = a->value;
    t->top->child_done = 1;
  }
  if (a->vt->destroy) a->vt->destroy(e, a);
  slab_free(&e->slabs, a);
}

int sim_step_again(engine *e, thread *t, act *a, act_result *r) {
  if (*r == ACT_CONTINUE) {
    if (!sim_next_is(e, t)) return 0;
    a->child_done = 0; /* the rest of the run loop's iteration, then the next one's start */
    if (e->quantum_left) e->quantum_left--;
    return 1;
  }
  if (*r != ACT_PUSHED || t->top == a || t->top->below != a || !sim_next_is(e, t)) return 0;
  a->child_done = 0;
  if (e->quantum_left) e->quantum_left--;
  act *c = t->top;
  /* (A walk's child is nearly always a callback: a direct call the compiler can inline.) */
  act_result cr = c->vt == &cb_vt ? cb_vt.step(e, t, c) : c->vt->step(e, t, c);
  if (cr != ACT_DONE) {
    if (cr != ACT_RESUME) c->child_done = 0;
    *r = cr; /* the run loop has nothing left to do for this iteration (a's child_done is 0) */
    return 0;
  }
  pop(e, t); /* `a` is on top again, with the child's value */
  if (!sim_next_is(e, t)) {
    *r = ACT_RESUME;
    return 0;
  }
  if (e->quantum_left) e->quantum_left--;
  return 1;
}

void sim_set_irql(engine *e, thread *t, unsigned irql, const char *why) {
  if (t->irql == irql) return;
  unsigned old = t->irql;
  t->irql = irql;
  trc_event *ev = eng_event(e, t, TRC_IRQL_CHANGE);
  if (ev) {
    ev->a = old;
    ev->b = irql;
    ev->str = trc_intern_const(&e->trace, why);
  }
}

act_result sim_block(engine *e, thread *t, wait_ready_fn ready, wait_kind kind, const char *what) {
  t->wait = ready;
  t->wait_kind = kind;
  t->wait_text = trc_intern_const(&e->trace, what);
  trc_event *ev = eng_event(e, t, TRC_WAIT);
  if (ev) ev->str = t->wait_text;
  return ACT_BLOCKED;
}

act_result sim_stop(engine *e, fp_end_reason reason) {
  if (!e->end) e->end = reason;
  e->step_guard = 0; /* (sim_next_is: nothing is next) */
  return ACT_STOP;
}

/* Recomputes the earliest due time of the armed timers (after any change to the set). */
static void timers_changed(engine *e) {
  uint64_t min = UINT64_MAX;
  for (int i = 0; i < e->timer_count; i++)
    if (e->timers[i].due < min) min = e->timers[i].due;
  e->timer_min_due = min;
}

/* Removes timer `i` (the last one takes its place). */
static void remove_timer(engine *e, int i) {
  e->timers[i] = e->timers[--e->timer_count];
  timers_changed(e);
}

int sim_arm_timer(engine *e, uint64_t due, int op_id) {
  if (e->timer_count == e->timer_cap) {
    int cap = e->timer_cap ? e->timer_cap * 2 : 16;
    timer *t = fp_realloc(e->alloc, e->timers, (size_t)cap * sizeof *t);
    if (!t) return 0;
    e->timers = t;
    e->timer_cap = cap;
  }
  timer *t = &e->timers[e->timer_count++];
  t->due = due;
  t->op = op_id;
  t->seq = e->timer_seq++;
  if (due < e->timer_min_due) e->timer_min_due = due;
  return 1;
}

/* The earliest timer that is due, or -1. */
static int due_timer(engine *e, int any) {
  if (!e->timer_count || (!any && e->timer_min_due > e->time)) return -1;
  int best = -1;
  for (int i = 0; i < e->timer_count; i++) {
    timer *t = &e->timers[i];
    if (!any && t->due > e->time) continue;
    if (best < 0 || t->due < e->timers[best].due ||
        (t->due == e->timers[best].due && t->seq < e->timers[best].seq))
      best = i;
  }
  return best;
}

static int runnable(engine *e, thread *t) {
  if (!t->top || t->finished) return 0;
  if (!t->wait) return 1;
  if (!t->wait(e, t)) return 0;
  t->wait = NULL;
  t->wait_kind = WK_NONE;
  trc_event *ev = eng_event(e, t, TRC_WAKE);
  if (ev) ev->str = t->wait_text;
  return 1;
}

/* Gives the processor to thread `next` for a new time slice (the same thread keeps it when it
 * is the only one that can run). */
static void switch_to(engine *e, int next, const char *why) {
  uint32_t q = e->config.quantum ? e->config.quantum : 40;
  if (next == e->current) {
    e->quantum_left = q / 2 + (uint32_t)fp_rng_below(&e->rng, q);
    return;
  }
  trc_event *ev = eng_event(e, e->threads[next], TRC_THREAD_SWITCH);
  if (ev) {
    ev->a = (uint32_t)e->current;
    ev->b = (uint32_t)next;
    ev->str = trc_intern_const(&e->trace, why);
  }
  e->current = next;
  e->quantum_left = q / 2 + (uint32_t)fp_rng_below(&e->rng, q);
}

/* The next runnable thread after the current one (round-robin), or -1. */
static int next_runnable(engine *e, int include_current) {
  for (int k = 1; k <= e->thread_count; k++) {
    int i = e->current + k; /* (round-robin: no division in the scheduler's loop) */
    if (i >= e->thread_count) i -= e->thread_count;
    if (i == e->current && !include_current) continue;
    if (runnable(e, e->threads[i])) return i;
  }
  return -1;
}

/* A completion DPC: completes the operation's IRP at DISPATCH_LEVEL on top of `t`. */
typedef struct dpc_act {
  act base;
  int op;
  int started;
} dpc_act;

static act_result dpc_step(engine *e, thread *t, act *a) {
  dpc_act *d = (dpc_act *)a;
  if (!d->started) {
    d->started = 1;
    trc_event *ev = eng_event(e, t, TRC_DPC_START);
    if (ev) ev->op = d->op;
    return io_complete_from_dpc(e, t, a, d->op);
  }
  /* The completion processing (the post phase) has finished or parked. */
  trc_event *ev = eng_event(e, t, TRC_DPC_END);
  if (ev) ev->op = d->op;
  t->dpc_depth--;
  sim_set_irql(e, t, a->saved_irql, "the DPC returns");
  return ACT_DONE;
}

static const act_vt dpc_vt = { "dpc", dpc_step, NULL };

static int start_due_dpc(engine *e) {
  if (e->timer_min_due > e->time) return 0; /* nothing due (UINT64_MAX when no timer is armed) */
  int i = due_timer(e, 0);
  if (i < 0) return 0;
  if (e->timers[i].op < 0) {
    /* A plain timer (a sleep, a control action's time) only makes time pass: no DPC. */
    remove_timer(e, i);
    return 1;
  }
  thread *t = e->threads[e->current];
  int host = e->current;
  if (!runnable(e, t) || t->irql >= DISPATCH_LEVEL) {
    if (t->top && !t->wait && !t->finished) return 0; /* running at DISPATCH_LEVEL: later */
    host = e->idle_thread;
  }
  dpc_act *d = (dpc_act *)sim_new_act(e, &dpc_vt, sizeof *d);
  if (!d) return -1;
  d->op = e->timers[i].op;
  remove_timer(e, i);
  if (host != e->current) switch_to(e, host, "a DPC runs on the idle processor");
  thread *h = e->threads[host];
  d->base.dpc = 1;
  d->base.saved_irql = h->irql;
  h->dpc_depth++;
  /* The DPC interrupts whatever the thread was waiting for; the wait resumes afterwards. */
  sim_push(e, h, &d->base);
  sim_set_irql(e, h, DISPATCH_LEVEL, "a DPC interrupts the thread");
  return 1;
}

int sim_out_of_statements(engine *e, thread *t) {
  trc_event *ev = eng_event(e, t, TRC_RUN_END);
  if (ev) ev->a = FP_END_BUDGET;
  sim_stop(e, FP_END_BUDGET);
  return 1;
}

int sim_timer_due(engine *e) { return due_timer(e, 0) >= 0; }

/* Steps the run until it ends or `budget` more events were recorded (0 = no limit). */
fp_end_reason sim_run(engine *e, uint32_t budget) {
  uint32_t limit = e->config.max_events ? e->config.max_events : 200000;
  e->statement_limit = (uint64_t)limit * 50u; /* sim_should_yield's budget */
  uint32_t stop_at = budget ? e->trace.count + budget : UINT32_MAX;
  uint32_t guard = limit < stop_at ? limit : stop_at; /* below it, neither check below fires */
  e->step_guard = guard;
  while (!e->end) {
    if (e->trace.count >= guard || e->trace.failed) {
      if (e->trace.count >= limit) {
        trc_event *ev = eng_event(e, NULL, TRC_RUN_END);
        if (ev) ev->a = FP_END_BUDGET;
        sim_stop(e, FP_END_BUDGET);
        break;
      }
      if (e->trace.failed) {
        sim_stop(e, FP_END_INTERNAL);
        break;
      }
      if (e->trace.count >= stop_at) break;
    }
    thread *t = e->threads[e->current];
    /* A DPC lands at a preemption point: below DISPATCH_LEVEL, between steps. */
    if (e->timer_min_due <= e->time && (t->irql < DISPATCH_LEVEL || !t->top)) {
      int r = start_due_dpc(e);
      if (r < 0) break;
      if (r > 0) continue;
    }
    t = e->threads[e->current];
    /* (runnable() without a wait is just "has work and has not finished".) */
    int keep = t->top && !t->finished &&
               (t->irql >= DISPATCH_LEVEL || ((!t->wait || runnable(e, t)) && e->quantum_left > 0));
    if (keep && t->wait) keep = 0;
    if (!keep) {
      int next = next_runnable(e, 1);
      if (next < 0) {
        int i = due_timer(e, 1);
        if (i >= 0) {
          if (e->timers[i].due > e->time) e->time = e->timers[i].due;
          continue;
        }
        hang_or_end(e);
        break;
      }
      switch_to(e, next, t->kind == TK_IDLE ? "the processor was idle"
                         : t->wait     ? "the thread waits"
                         : t->top      ? "its quantum ended"
                                       : "the thread finished");
      t = e->threads[e->current];
    }
    if (e->quantum_left) e->quantum_left--;
    act *a = t->top;
    act_result r = a->vt->step(e, t, a);
    if (r != ACT_RESUME) a->child_done = 0;
    switch (r) {
    case ACT_DONE:
      pop(e, t);
      if (!t->top && t->kind != TK_IDLE) {
        t->finished = 1;
        hang_thread_finished(e, t);
      }
      break;
    case ACT_STOP:
      break;
    case ACT_CONTINUE:
    case ACT_PUSHED:
    case ACT_BLOCKED:
    case ACT_RESUME:
      break;
    }
  }
  return e->end;
}

/* Releases every activation still on the threads (the run ended while they were suspended). */
void sim_release(engine *e) {
  for (int i = 0; i < e->thread_count; i++) {
    thread *t = e->threads[i];
    while (t->top) {
      act *a = t->top;
      t->top = a->below;
      if (a->vt->destroy) a->vt->destroy(e, a);
      slab_free(&e->slabs, a);
    }
    fp_free(e->alloc, t->name);
    fp_free(e->alloc, t->script);
    fp_free(e->alloc, t);
    e->threads[i] = NULL;
  }
  fp_free(e->alloc, e->timers);
}
