/* hang.c: the end of a run that can make no progress. */
#include "engine/hang.h"

#include <stdio.h>

#include "engine/io.h"
#include "engine/rules.h"
#include "engine/work.h"

void hang_thread_finished(engine *e, thread *t) { (void)e, (void)t; }

static const char *inst_name(engine *e, int inst) { return inst >= 0 ? e->drivers[e->instances[inst]->driver]->name : "?"; }

/* A thread that waits for the teardown of an instance (DRAIN-4), or NULL. */
static thread *teardown_waiter(engine *e) {
  for (int i = 0; i < e->thread_count; i++)
    if (e->threads[i]->wait && e->threads[i]->wait_kind == WK_TEARDOWN) return e->threads[i];
  return NULL;
}

void hang_or_end(engine *e) {
  int apps_running = 0;
  for (int i = 0; i < e->thread_count; i++)
    if (e->threads[i]->kind == TK_APP && !e->threads[i]->finished) apps_running = 1;
  int system_done = e->threads[e->system_thread]->finished;
  if (!apps_running && system_done && !io_outstanding(e) && !work_pending(e)) {
    trc_event *ev = eng_event(e, NULL, TRC_RUN_END);
    if (ev) ev->a = FP_END_COMPLETED;
    sim_stop(e, FP_END_COMPLETED);
    return;
  }
  char what[256];
  thread *td = teardown_waiter(e);
  /* A SYNCHRONIZE wait that another waiter depends on: the pre thread holds a lock its own
   * completion needs (PRE-SYNC-7). */
  for (int i = 0; i < e->thread_count; i++) {
    thread *t = e->threads[i];
    if (!t->wait) continue;
    const char *w = trc_string(&e->trace, t->wait_text);
    if (t->wait_kind == WK_MUTEX || t->wait_kind == WK_EVENT) {
      for (int j = 0; j < e->thread_count; j++) {
        thread *s = e->threads[j];
        if (s != t && s->wait && s->wait_kind == WK_HANDOFF) {
          snprintf(what, sizeof what, "thread %s waits in %s while thread %s waits for an I/O it sent with "
                   "FLT_PREOP_SYNCHRONIZE: a deadlock", t->name, w, s->name);
          rules_hang(e, RULE_PRE_SYNC_7, -1, -1, what);
          return;
        }
      }
    }
  }
  for (int i = 0; i < e->op_count; i++) {
    op *o = e->ops[i];
    if (o->draining_copy) continue;
    if (o->state == OPS_PENDED_PRE) {
      int inst = e->stack[o->pended_instance];
      snprintf(what, sizeof what, "operation %d was pended in %s's pre-operation callback and never completed "
               "(FltCompletePendedPreOperation was not called)%s", o->id, inst_name(e, inst),
               td ? "; the instance teardown waits for it" : "");
      rules_hang(e, td ? RULE_DRAIN_4 : RULE_PRE_PEND_3, inst, o->id, what);
      return;
    }
    if (o->state == OPS_PENDED_POST) {
      int inst = o->nodes[o->pended_node].instance;
      rule_id r = td ? RULE_DRAIN_4 : o->safe_post_pending ? RULE_DCPWS_4 : RULE_POST_MPR_1;
      snprintf(what, sizeof what, "operation %d was pended in %s's post-operation callback and never completed "
               "(FltCompletePendedPostOperation was not called)%s", o->id, inst_name(e, inst),
               td ? "; the instance teardown waits for it" : "");
      rules_hang(e, r, inst, o->id, what);
      return;
    }
  }
  /* Anything else: name the waits. */
  int n = snprintf(what, sizeof what, "nothing can run:");
  for (int i = 0; i < e->thread_count && n < (int)sizeof what - 1; i++) {
    thread *t = e->threads[i];
    if (t->wait && t->kind != TK_WORKER)
      n += snprintf(what + n, sizeof what - (size_t)n, " %s waits (%s);", t->name, trc_string(&e->trace, t->wait_text));
  }
  rules_hang(e, td ? RULE_DRAIN_4 : RULE_NONE, -1, -1, what);
}
