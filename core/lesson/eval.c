/* eval.c: the goals' evaluation over a trace (eval.h): the state each goal keeps while the
 * events go by, and the callback checks (callback_irql, callback_thread, sequence). The checks
 * of the run as a whole are in eval_run.c. */
#include "lesson/eval.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lesson/eval_int.h"

void lx_set(lx_state *s, int passed, int64_t step, const char *reason, ...) {
  if (s->done) return;
  s->done = 1;
  s->out.passed = passed;
  s->out.step = step;
  s->out.reason = reason;
  va_list ap;
  va_start(ap, reason);
  for (int i = 0; reason && i < LX_MAX_PARAMS; i++) {
    const char *name = va_arg(ap, const char *);
    if (!name) break;
    const char *value = va_arg(ap, const char *);
    s->out.names[i] = name;
    snprintf(s->out.values[i], sizeof s->out.values[i], "%s", value ? value : "");
  }
  va_end(ap);
}

int64_t lx_end_step(const lx_eval *e) { return e->trace->events ? (int64_t)e->trace->events - 1 : -1; }

void lx_describe_selector(const lx_selector *s, char *out, size_t cap) {
  snprintf(out, cap, "%s%s%s%s%s%s", s->filter ? s->filter : "", s->filter ? "!" : "", s->function ? s->function : s->role,
           s->major ? " (" : "", s->major ? s->major : "", s->major ? ")" : "");
}

/* "PostRead", or "Upper!PostRead" when the trace has several filters. */
static void describe_callback(const lx_trace *t, const lx_event *ev, char *out, size_t cap) {
  if (t->driver_count > 1 && ev->driver >= 0) snprintf(out, cap, "%s!%s", t->drivers[ev->driver].name, ev->function);
  else snprintf(out, cap, "%s", ev->function);
}

int lx_selector_matches(const lx_trace *t, const lx_selector *s, const lx_event *ev) {
  if (ev->driver < 0 || (size_t)ev->driver >= t->driver_count) return 0;
  const lx_driver *d = &t->drivers[ev->driver];
  if (s->filter ? strcmp(d->name, s->filter) != 0 : !d->learner) return 0;
  if (s->function && strcmp(s->function, ev->function) != 0) return 0;
  if (s->role && strcmp(s->role, ev->role) != 0) return 0;
  if (s->major && (ev->op < 0 || (size_t)ev->op >= t->op_count || strcmp(t->ops[ev->op].major, s->major) != 0)) return 0;
  return 1;
}

/* The text ID naming the kind of thread a callback ran in. */
static const char *where(unsigned kinds) {
  if (kinds & LX_THREAD_DPC) return "@lesson.thread.dpc";
  if (kinds & LX_THREAD_WORKER) return "@lesson.thread.worker";
  if (kinds & LX_THREAD_SYSTEM) return "@lesson.thread.system";
  if (kinds & LX_THREAD_ORIGINATING) return "@lesson.thread.originating";
  if (kinds & LX_THREAD_PRE_OP) return "@lesson.thread.pre_op";
  return "@lesson.thread.other";
}

static void callback_event(lx_eval *e, lx_state *s, const lx_event *ev) {
  const lx_goal *g = s->goal;
  if (!lx_selector_matches(e->trace, &g->callback, ev)) return;
  if (!s->count++) s->first = ev->seq;
  char name[160];
  describe_callback(e->trace, ev, name, sizeof name);
  if (g->check == LX_CALLBACK_IRQL) {
    int ok = g->irql_at_most ? ev->irql >= 0 && (unsigned)ev->irql <= g->irql : ev->irql >= 0 && (unsigned)ev->irql == g->irql;
    if (!ok)
      lx_set(s, 0, ev->seq, g->irql_at_most ? "lesson.reason.irql_max" : "lesson.reason.irql", "function", name, "irql",
             ev->irql_name, "wanted", lx_irql_name(g->irql), (const char *)NULL);
    return;
  }
  unsigned kinds = lx_trace_thread_kinds(e->trace, ev);
  if (!(kinds & g->threads)) {
    const char *thread = ev->thread >= 0 && (size_t)ev->thread < e->trace->thread_count ? e->trace->threads[ev->thread].name : "?";
    lx_set(s, 0, ev->seq, "lesson.reason.thread", "function", name, "where", where(kinds), "thread", thread,
           (const char *)NULL);
  }
}

static void callback_finish(lx_eval *e, lx_state *s) {
  if (s->count) {
    lx_set(s, 1, s->first, NULL);
    return;
  }
  if (!s->goal->must_run) {
    lx_set(s, 1, -1, NULL);
    return;
  }
  char name[160];
  lx_describe_selector(&s->goal->callback, name, sizeof name);
  if (strcmp(e->trace->end, "completed") == 0)
    lx_set(s, 0, lx_end_step(e), "lesson.reason.never_ran", "callback", name, (const char *)NULL);
  else
    lx_set(s, 0, lx_end_step(e), "lesson.reason.never_ran_end", "callback", name, "end", lx_end_text(e->trace->end),
           (const char *)NULL);
}

/* Sequences: in order, or (exact) one after another among the callbacks that ran. */
static void sequence_event(lx_eval *e, lx_state *s, const lx_event *ev) {
  const lx_goal *g = s->goal;
  if (!g->exact) {
    if (s->next < g->step_count && lx_selector_matches(e->trace, &g->steps[s->next], ev)) {
      s->next++;
      s->last = ev->seq;
      if (s->next == g->step_count) lx_set(s, 1, ev->seq, NULL);
    }
    return;
  }
  /* Bit i of `mask`: callbacks 0..i matched, the last one on this event. */
  uint64_t hits = 0;
  for (size_t i = 0; i < g->step_count; i++)
    if (lx_selector_matches(e->trace, &g->steps[i], ev)) hits |= (uint64_t)1 << i;
  s->mask = ((s->mask << 1) | 1) & hits;
  for (size_t i = g->step_count; i > 0; i--)
    if ((s->mask >> (i - 1)) & 1) {
      if (i > s->next) {
        s->next = i;
        s->last = ev->seq;
      }
      break;
    }
  if ((s->mask >> (g->step_count - 1)) & 1) lx_set(s, 1, ev->seq, NULL);
}

static void sequence_finish(lx_eval *e, lx_state *s) {
  const lx_goal *g = s->goal;
  char missing[160], after[160];
  if (s->next == 0) {
    lx_describe_selector(&g->steps[0], missing, sizeof missing);
    lx_set(s, 0, lx_end_step(e), "lesson.reason.never_ran", "callback", missing, (const char *)NULL);
    return;
  }
  lx_describe_selector(&g->steps[s->next], missing, sizeof missing);
  lx_describe_selector(&g->steps[s->next - 1], after, sizeof after);
  lx_set(s, 0, s->last, g->exact ? "lesson.reason.sequence_exact" : "lesson.reason.sequence", "missing", missing,
         "after", after, (const char *)NULL);
}

lx_eval *lx_eval_new(fp_alloc *alloc, const fp_lesson *l, size_t variant, const lx_trace *t) {
  lx_eval *e = fp_calloc(alloc, 1, sizeof *e);
  if (!e) return NULL;
  e->alloc = alloc;
  e->lesson = l;
  e->trace = t;
  e->states = fp_calloc(alloc, l->goal_count ? l->goal_count : 1, sizeof *e->states);
  if (!e->states) {
    fp_free(alloc, e);
    return NULL;
  }
  for (size_t i = 0; i < l->goal_count; i++) {
    lx_state *s = &e->states[i];
    s->goal = &l->goals[i];
    s->out.applies = !s->goal->variants || s->goal->variants[variant];
    s->out.step = -1;
    s->done = !s->out.applies;
    s->first = s->last = -1;
    if (s->out.applies && !lx_run_begin(e, s)) {
      lx_eval_free(e);
      return NULL;
    }
  }
  return e;
}

void lx_eval_free(lx_eval *e) {
  if (!e) return;
  for (size_t i = 0; i < e->lesson->goal_count; i++) lx_run_free(e, &e->states[i]);
  fp_free(e->alloc, e->states);
  fp_free(e->alloc, e);
}

int lx_eval_event(lx_eval *e, const lx_event *ev) {
  int enter = strcmp(ev->kind, "callback_enter") == 0;
  for (size_t i = 0; i < e->lesson->goal_count; i++) {
    lx_state *s = &e->states[i];
    if (s->done) continue;
    switch (s->goal->check) {
    case LX_CALLBACK_IRQL:
    case LX_CALLBACK_THREAD:
      if (enter) callback_event(e, s, ev);
      break;
    case LX_SEQUENCE:
      if (enter) sequence_event(e, s, ev);
      break;
    default:
      if (!lx_run_event(e, s, ev)) return 0;
      break;
    }
  }
  return 1;
}

void lx_eval_finish(lx_eval *e, lx_outcome *out) {
  for (size_t i = 0; i < e->lesson->goal_count; i++) {
    lx_state *s = &e->states[i];
    if (!s->done) {
      switch (s->goal->check) {
      case LX_CALLBACK_IRQL:
      case LX_CALLBACK_THREAD: callback_finish(e, s); break;
      case LX_SEQUENCE: sequence_finish(e, s); break;
      default: lx_run_finish(e, s); break;
      }
    }
    out[i] = s->out;
  }
}
