/* kapi.c: the dispatch of kernel routines and the rest of the kernel context (memory access
 * by driver code) that fltplay/callable.h promises a callable. */
#include "engine/kapi.h"

#include <stdio.h>
#include <string.h>

#include "engine/bytes.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "nt/nt.h"

typedef struct kapi_entry {
  const char *name;
  uint32_t argc;
  unsigned max_irql;
  unsigned flags;
  kapi_result (*fn)(kapi_call *c);
} kapi_entry;

static const kapi_entry table[KAPI_COUNT] = {
#define X(name, argc, irql, flags) { #name, argc, irql, flags, kapi_##name },
  KAPIS(X)
#undef X
};

#define KERNEL_ROUTINES 0xFFFFF80601000000ull

const char *kapi_name(uint32_t api) { return api < KAPI_COUNT ? table[api].name : "?"; }

uint64_t kapi_address(uint32_t api) { return KERNEL_ROUTINES + 0x100ull * api; }

int fp_k_api_index(const char *name) {
  for (int i = 0; i < KAPI_COUNT; i++)
    if (strcmp(table[i].name, name) == 0) return i;
  return -1;
}

void kapi_returned(engine *e, thread *t, uint32_t api, uint64_t value) {
  trc_event *ev = eng_event(e, t, TRC_API_RETURN);
  const cb_act *c = cb_running(t);
  if (ev && c) {
    ev->instance = (int16_t)c->instance;
    ev->op = c->op;
  }
  if (ev) {
    ev->str = trc_intern_const(&e->trace, kapi_name(api));
    ev->x = (table[api].flags & KF_VOID) ? 0 : value;
    ev->a = (table[api].flags & KF_VOID) ? 1 : 0;
  }
}

int kapi_irql_check(kapi_call *c, uint32_t api, unsigned max) {
  engine *e = c->e;
  thread *t = c->t;
  if (t->irql <= max) return RULE_CONTINUE;
  /* Routines documented as PASSIVE_LEVEL-only are pageable kernel code: entered at
   * DISPATCH_LEVEL while paged out, they fault (0xA, an execute reference). */
  if (max == PASSIVE_LEVEL && t->irql >= DISPATCH_LEVEL && !e->kernel_code_resident) {
    rules_bugcheck(e, t, RULE_MEM_1, 0x0A, kapi_address(api), t->irql, 8, kapi_address(api));
    return RULE_STOP;
  }
  char label[96];
  snprintf(label, sizeof label, "IRQL-TOO-HIGH:%s", kapi_name(api));
  int inst = c->cb ? c->cb->instance : -1;
  int op_id = c->cb ? c->cb->op : -1;
  return rules_violation(e, t, RULE_API_1, label, inst, op_id, t->irql, max);
}

fp_kresult fp_k_call_index(fp_kctx *k, uint32_t api, const uint64_t *args, uint32_t argc, uint64_t *ret) {
  engine *e = k->e;
  thread *t = k->t;
  if (api >= KAPI_COUNT) {
    eng_internal(e, t, "a call to an unknown kernel routine");
    return FP_K_STOP;
  }
  const kapi_entry *en = &table[api];
  uint64_t a[8] = { 0 };
  uint32_t want = (en->flags & KF_VARARGS) ? (argc > 8 ? 8 : argc) : en->argc;
  uint32_t n = argc < want ? argc : want;
  if (args && n) memcpy(a, args, n * sizeof *a);
  trc_event *ev = eng_event(e, t, TRC_API_CALL);
  if (ev) {
    ev->str = trc_intern_const(&e->trace, en->name);
    ev->instance = (int16_t)(k->cb ? k->cb->instance : -1);
    ev->op = k->cb ? k->cb->op : -1;
    trc_add_words(&e->trace, a, want);
  }
  if (en->max_irql != KI_ANY && !(en->flags & KF_SELF_CHECK)) {
    kapi_call probe = { e, t, k->cb, a, en->argc, 0 };
    if (kapi_irql_check(&probe, api, en->max_irql) == RULE_STOP) return FP_K_STOP;
  }
  if (en->max_irql == PASSIVE_LEVEL && t->irql < DISPATCH_LEVEL) e->kernel_code_resident = 1;
  kapi_call c = { e, t, k->cb, a, want, 0 };
  k->wrote = 1;
  cb_kernel_enter(e, k->cb);
  kapi_result r = en->fn(&c);
  if (e->end) return FP_K_STOP;
  switch (r) {
  case KAPI_DONE:
    kapi_returned(e, t, api, c.ret);
    if (ret) *ret = (en->flags & KF_VOID) ? 0 : c.ret;
    return FP_K_DONE;
  case KAPI_PUSHED:
    k->suspended = 1;
    k->blocked = 0;
    k->api = api;
    return FP_K_SUSPEND;
  case KAPI_BLOCKED:
    k->suspended = 1;
    k->blocked = 1;
    k->api = api;
    return FP_K_SUSPEND;
  case KAPI_EXCEPTION:
    return FP_K_EXCEPTION;
  case KAPI_STOP:
    return FP_K_STOP;
  }
  return FP_K_STOP;
}

fp_kresult fp_k_call(fp_kctx *k, const char *name, const uint64_t *args, uint32_t argc, uint64_t *ret) {
  int api = fp_k_api_index(name);
  if (api < 0) {
    char what[128];
    snprintf(what, sizeof what, "a call to %s, a kernel routine the model does not know", name);
    eng_internal(k->e, k->t, what);
    return FP_K_STOP;
  }
  return fp_k_call_index(k, (uint32_t)api, args, argc, ret);
}

int fp_k_api_argc(int api) { return api >= 0 && api < KAPI_COUNT ? (int)table[api].argc : -1; }

void fp_k_statement(fp_kctx *k, const fp_k_span *span, const fp_k_change *changes, uint32_t count) {
  trc_event *ev = eng_event(k->e, k->t, TRC_STATEMENT);
  if (!ev) return;
  ev->instance = (int16_t)(k->cb ? k->cb->instance : -1);
  ev->op = k->cb ? k->cb->op : -1;
  ev->a = span ? span->line : 0;
  ev->b = span ? span->col : 0;
  ev->x = span ? ((uint64_t)span->end_line << 32 | span->end_col) : 0;
  for (uint32_t i = 0; i < count; i++) {
    uint64_t w[2] = { trc_intern(&k->e->trace, changes[i].name), changes[i].value };
    trc_add_words(&k->e->trace, w, 2);
  }
}

int fp_k_should_yield(fp_kctx *k) { return sim_should_yield(k->e, k->t); }

uint32_t fp_k_statement_credit(fp_kctx *k) {
  engine *e = k->e;
  if (e->statements >= e->statement_limit) return 0;
  uint64_t credit = e->statement_limit - e->statements; /* sim_should_yield's first test */
  if (k->t->irql < DISPATCH_LEVEL) {
    if (e->timer_min_due <= e->time) return 0; /* a timer is due: ask each time */
    uint64_t slice = e->quantum_left > 1 ? e->quantum_left - 1u : 0; /* the last one yields */
    if (slice < credit) credit = slice;
  }
  return credit > UINT32_MAX ? UINT32_MAX : (uint32_t)credit;
}

void fp_k_spend_statements(fp_kctx *k, uint32_t n) {
  k->e->statements += n;
  if (k->t->irql < DISPATCH_LEVEL) k->e->quantum_left -= n;
}

uint64_t fp_k_stack_push(fp_kctx *k, uint32_t size) {
  thread *t = k->t;
  uint32_t aligned = (size + 15u) & ~15u;
  if (aligned > ENG_STACK_SIZE - t->stack_used) {
    /* UNEXPECTED_KERNEL_MODE_TRAP, P1 = 8 (a double fault: the kernel stack overflowed). */
    rules_bugcheck(k->e, t, RULE_NONE, 0x7F, FP_TRAP_DOUBLE_FAULT, 0, 0, 0);
    return 0;
  }
  t->stack_used += aligned;
  /* The stack grows down from the top of the block. */
  return t->stack_base + ENG_STACK_SIZE - t->stack_used;
}

void fp_k_stack_pop(fp_kctx *k, uint32_t size) {
  uint32_t aligned = (size + 15u) & ~15u;
  k->t->stack_used = aligned > k->t->stack_used ? 0 : k->t->stack_used - aligned;
}

/* ---- Continuations ---------------------------------------------------------------------------- */

static act_result api_step(engine *e, thread *t, act *a) {
  api_act *c = (api_act *)a;
  if (!a->child_done) return eng_internal(e, t, "a kernel routine's continuation ran without its work");
  return c->after(e, t, c);
}

static const act_vt api_vt = { "kernel routine", api_step, NULL };

api_act *kapi_push_continuation(engine *e, thread *t, act_result (*after)(engine *, thread *, api_act *)) {
  api_act *c = (api_act *)sim_new_act(e, &api_vt, sizeof *c);
  if (!c) return NULL;
  c->after = after;
  sim_push(e, t, &c->base);
  return c;
}

/* ---- Memory as the driver touches it ----------------------------------------------------------- */

/* Where driver code faulted: the function running now (a helper the callback called, when the
 * callable says which), else the invocation's own function. */
static uint64_t pc_of(const fp_kctx *k) {
  if (!k->cb) return 0;
  uint64_t helper = k->running >= 0 ? fp_k_function_address(k, (uint32_t)k->running) : 0;
  return helper ? helper : k->cb->fn->address;
}

static fp_kresult mem_to_k(mem_result r) {
  return r == MEM_OK ? FP_K_DONE : r == MEM_EXCEPTION ? FP_K_EXCEPTION : FP_K_STOP;
}

/* fp_k_read and fp_k_write when the access is not simply in a recent block (kept out of line,
 * so the fast paths need no stack frame). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static fp_kresult access_slow(fp_kctx *k, uint64_t address, uint32_t size, uint64_t *value, int write) {
  uint8_t b[8] = { 0 };
  thread *t = k->t;
  if (write)
    for (uint32_t i = 0; i < size; i++) b[i] = (uint8_t)(*value >> (8 * i));
  km_ctx ctx = { t->irql, (uint32_t)t->process };
  km_fault f = { address, NULL };
  km_result kr = write ? km_write(k->e->mem, address, b, size, &ctx, &f) : km_read(k->e->mem, address, b, size, &ctx, &f);
  mem_result r = kr == KM_OK ? MEM_OK : mem_outcome(k->e, t, kr, &f, address, write, MEM_DRIVER, pc_of(k));
  if (r == MEM_OK && !write) {
    uint64_t v = 0;
    for (uint32_t i = 0; i < size; i++) v |= (uint64_t)b[i] << (8 * i);
    *value = v;
  }
  return mem_to_k(r);
}

fp_kresult fp_k_read(fp_kctx *k, uint64_t address, uint32_t size, uint64_t *value) {
  if (size > 8) size = 8;
  const uint8_t *p = km_peek(k->e->mem, address, size, (uint32_t)k->t->process);
  if (!p) return access_slow(k, address, size, value, 0);
  *value = le_load(p, size);
  return FP_K_DONE;
}

fp_kresult fp_k_write(fp_kctx *k, uint64_t address, uint32_t size, uint64_t value) {
  if (size > 8) size = 8;
  k->wrote = 1;
  uint8_t *p = km_peek(k->e->mem, address, size, (uint32_t)k->t->process);
  if (!p) return access_slow(k, address, size, &value, 1);
  le_store(p, size, value);
  return FP_K_DONE;
}

fp_kresult fp_k_read_bytes(fp_kctx *k, uint64_t address, void *dst, uint32_t size) {
  return mem_to_k(mem_access(k->e, k->t, address, dst, size, 0, MEM_DRIVER, pc_of(k)));
}

fp_kresult fp_k_write_bytes(fp_kctx *k, uint64_t address, const void *src, uint32_t size) {
  k->wrote = 1;
  uint8_t *copy = fp_malloc(k->e->alloc, size ? size : 1);
  if (!copy) {
    eng_internal(k->e, k->t, "out of memory for a copy");
    return FP_K_STOP;
  }
  memcpy(copy, src, size);
  fp_kresult r = mem_to_k(mem_access(k->e, k->t, address, copy, size, 1, MEM_DRIVER, pc_of(k)));
  fp_free(k->e->alloc, copy);
  return r;
}

unsigned fp_k_irql(const fp_kctx *k) { return k->t->irql; }

uint64_t fp_k_function_address(const fp_kctx *k, uint32_t index) {
  const driver *d = k->cb ? k->e->drivers[k->cb->driver] : NULL;
  return d && index < d->function_count ? d->functions[index].address : 0;
}

uint64_t fp_k_globals(const fp_kctx *k) { return k->cb ? k->e->drivers[k->cb->driver]->globals : 0; }

void *fp_k_alloc(fp_kctx *k, size_t size) { return slab_alloc(&k->e->slabs, size); }

void fp_k_free(fp_kctx *k, void *p) { slab_free(&k->e->slabs, p); }

kapi_result kapi_read(kapi_call *c, uint64_t address, void *buf, uint32_t n) {
  mem_result r = mem_access(c->e, c->t, address, buf, n, 0, MEM_KERNEL, kapi_address(0));
  return r == MEM_OK ? KAPI_DONE : r == MEM_EXCEPTION ? KAPI_EXCEPTION : KAPI_STOP;
}

kapi_result kapi_write(kapi_call *c, uint64_t address, const void *buf, uint32_t n) {
  uint8_t tmp[64];
  if (n > sizeof tmp) return KAPI_STOP;
  memcpy(tmp, buf, n);
  mem_result r = mem_access(c->e, c->t, address, tmp, n, 1, MEM_KERNEL, kapi_address(0));
  return r == MEM_OK ? KAPI_DONE : r == MEM_EXCEPTION ? KAPI_EXCEPTION : KAPI_STOP;
}
