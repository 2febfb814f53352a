/* mem.c: faults of plain C are Windows' own (DESIGN.md):
 *   - IRQL <= APC_LEVEL, user address (NULL included) invalid: STATUS_ACCESS_VIOLATION, which
 *     the driver may catch with __try/__except; unhandled: 0x1E, or 0x7E in a system thread;
 *   - IRQL <= APC_LEVEL, invalid kernel address: 0x50 PAGE_FAULT_IN_NONPAGED_AREA;
 *   - IRQL >= DISPATCH_LEVEL, invalid or paged-out address: 0xD1 when the driver's own code
 *     touched it, 0xA when a kernel routine did;
 *   - special pool (Verifier): 0xD5 after free, 0xD6 past the end; without it the access goes
 *     on with stale data or into the slack and the trace records a warning. */
#include "engine/mem.h"

#include <string.h>

#include "engine/callback.h"
#include "engine/rules.h"
#include "nt/nt.h"

static uint64_t le_get(const uint8_t *p, uint32_t size) {
  uint64_t v = 0;
  for (uint32_t i = 0; i < size; i++) v |= (uint64_t)p[i] << (8 * i);
  return v;
}

static void le_put(uint8_t *p, uint32_t size, uint64_t v) {
  for (uint32_t i = 0; i < size; i++) p[i] = (uint8_t)(v >> (8 * i));
}

uint64_t mem_get(engine *e, uint64_t address, uint32_t size) {
  uint8_t *p = km_raw(e->mem, address, size);
  return p ? le_get(p, size) : 0;
}

void mem_put(engine *e, uint64_t address, uint32_t size, uint64_t value) {
  uint8_t *p = km_raw(e->mem, address, size);
  if (p) le_put(p, size, value);
}

uint64_t mem_kernel_object(engine *e, uint64_t size, uint32_t label) {
  km_attrs attrs = { 0 };
  attrs.owner = -1;
  attrs.label = label;
  uint64_t a = km_alloc(e->mem, KM_SYSTEM, size, &attrs);
  if (!a) eng_internal(e, NULL, "out of memory for a kernel object");
  return a;
}

static int in_system_thread(const thread *t) { return t->kind == TK_SYSTEM || t->kind == TK_WORKER; }

mem_result mem_raise(engine *e, thread *t, uint32_t code, uint64_t pc, uint64_t info0, uint64_t info1) {
  trc_event *ev = eng_event(e, t, TRC_EXCEPTION);
  if (ev) {
    ev->a = code;
    ev->x = info1;
    ev->y = pc;
  }
  cb_act *c = cb_running(t);
  if (c && c->fn->callable.raise && c->fn->callable.raise(&c->fn->callable, &c->inv, &c->k, code)) {
    if (ev) ev->b = 1; /* handled */
    return MEM_EXCEPTION;
  }
  /* KMODE_EXCEPTION_NOT_HANDLED: P1 code, P2 address of the exception, P3 and P4 the
   * exception's first two parameters (for an access violation: read/write, the address).
   * In a system thread: SYSTEM_THREAD_EXCEPTION_NOT_HANDLED: P1 code, P2 address, P3 the
   * exception record, P4 the context record (addresses the model does not have: 0). */
  if (in_system_thread(t)) rules_bugcheck(e, t, RULE_NONE, 0x7E, code, pc, 0, 0);
  else rules_bugcheck(e, t, RULE_NONE, 0x1E, code, pc, info0, info1);
  return MEM_STOP;
}

static mem_result high_irql_fault(engine *e, thread *t, uint64_t address, int write, mem_who who, uint64_t pc,
                                  int execute) {
  if (who == MEM_DRIVER) {
    /* DRIVER_IRQL_NOT_LESS_OR_EQUAL: P1 address, P2 IRQL, P3 0 read / 1 write / 8 execute, P4 pc. */
    rules_bugcheck(e, t, RULE_MEM_1, 0xD1, address, t->irql, execute ? 8 : (uint64_t)write, pc);
  } else {
    /* IRQL_NOT_LESS_OR_EQUAL: P1 address, P2 IRQL, P3 bit 0 write, bit 3 execute, P4 pc. */
    rules_bugcheck(e, t, RULE_MEM_1, 0x0A, address, t->irql, (uint64_t)(write ? 1 : 0) | (execute ? 8 : 0), pc);
  }
  return MEM_STOP;
}

static void warn(engine *e, thread *t, uint64_t address, const km_block *b, const char *what) {
  trc_event *ev = eng_event(e, t, TRC_MEMORY_WARNING);
  if (ev) {
    ev->x = address;
    ev->y = b ? b->base : 0;
    ev->str = trc_intern(&e->trace, what);
  }
}

mem_result mem_access(engine *e, thread *t, uint64_t address, void *buf, uint32_t n, int write, mem_who who,
                      uint64_t pc) {
  km_ctx ctx = { t->irql, (uint32_t)t->process };
  km_fault f = { address, NULL };
  km_result r = write ? km_write(e->mem, address, buf, n, &ctx, &f) : km_read(e->mem, address, buf, n, &ctx, &f);
  return r == KM_OK ? MEM_OK : mem_outcome(e, t, r, &f, address, write, who, pc);
}

mem_result mem_outcome(engine *e, thread *t, km_result r, const km_fault *fault, uint64_t address, int write,
                       mem_who who, uint64_t pc) {
  km_fault f = *fault;
  switch (r) {
  case KM_OK:
    return MEM_OK;
  case KM_OK_PAGED_IN: {
    trc_event *ev = eng_event(e, t, TRC_PAGE_IN);
    if (ev) ev->x = f.block ? f.block->base : address;
    return MEM_OK;
  }
  case KM_OK_STALE:
    warn(e, t, f.address, f.block, write ? "write after free" : "read after free");
    return MEM_OK;
  case KM_OK_OVERRUN:
    warn(e, t, f.address, f.block, "access past the end of a pool block");
    return MEM_OK;
  case KM_FAULT_PAGED_OUT:
    return high_irql_fault(e, t, f.address, write, who, pc, 0);
  case KM_FAULT_FREED_SPECIAL:
    /* DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL: P1 address, P2 0 read / 1 write, P3 pc, P4 reserved. */
    rules_bugcheck(e, t, RULE_NONE, 0xD5, f.address, (uint64_t)write, pc, 0);
    return MEM_STOP;
  case KM_FAULT_BEYOND_SPECIAL:
    /* DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION: P1 address, P2 0 read / 1 write, P3 pc, P4 reserved. */
    rules_bugcheck(e, t, RULE_NONE, 0xD6, f.address, (uint64_t)write, pc, 0);
    return MEM_STOP;
  case KM_FAULT_UNMAPPED:
    break;
  }
  if (t->irql >= DISPATCH_LEVEL) return high_irql_fault(e, t, f.address, write, who, pc, 0);
  if (address < KM_USER_LIMIT) {
    if (who == MEM_KERNEL_TRY) {
      trc_event *ev = eng_event(e, t, TRC_EXCEPTION);
      if (ev) {
        ev->a = STATUS_ACCESS_VIOLATION;
        ev->b = 2; /* caught by the kernel routine */
        ev->x = f.address;
        ev->y = pc;
      }
      return MEM_EXCEPTION;
    }
    return mem_raise(e, t, STATUS_ACCESS_VIOLATION, pc, (uint64_t)write, f.address);
  }
  /* PAGE_FAULT_IN_NONPAGED_AREA: P1 address, P2 0 read / 1 write, P3 pc, P4 reserved (type). */
  rules_bugcheck(e, t, RULE_NONE, 0x50, f.address, (uint64_t)write, pc, 0);
  return MEM_STOP;
}

act_result mem_bad_call(engine *e, thread *t, uint64_t address) {
  mem_result r;
  if (t->irql >= DISPATCH_LEVEL) r = high_irql_fault(e, t, address, 0, MEM_DRIVER, address, 1);
  else if (address < KM_USER_LIMIT) r = mem_raise(e, t, STATUS_ACCESS_VIOLATION, address, 8, address);
  else {
    rules_bugcheck(e, t, RULE_NONE, 0x50, address, 0, address, 0);
    r = MEM_STOP;
  }
  if (r == MEM_EXCEPTION) return eng_internal(e, t, "an exception from calling a bad pointer cannot be resumed");
  return ACT_STOP;
}

act_result mem_fault_execute(engine *e, thread *t, uint64_t address, int drv) {
  (void)drv;
  high_irql_fault(e, t, address, 0, MEM_DRIVER, address, 1);
  return ACT_STOP;
}

void mem_trim(engine *e, thread *t, const char *why) {
  uint32_t n = km_page_out_all(e->mem);
  e->kernel_code_resident = 0;
  trc_event *ev = eng_event(e, t, TRC_PAGE_OUT);
  if (ev) {
    ev->a = n;
    ev->str = trc_intern(&e->trace, why);
  }
}
