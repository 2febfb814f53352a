/* kapi_ex.c: Ex*, Ke*, Mm*, Io*, Rtl* and Ps* routines: pool with Driver Verifier's checks
 * (MEM-2), IRQL raise/lower, spin locks, events and waits, fast mutexes, executive work
 * items, MDLs, probing, UNICODE_STRING helpers. */
#include <string.h>

#include "engine/cbd.h"
#include "engine/kapi.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "engine/work.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"

#define A(i) (c->args[i])
#define POOL_FILL 0xCDu /* what uninitialised pool holds here */

static int verifier(const kapi_call *c) { return c->e->config.verifier; }

/* DRIVER_VERIFIER_DETECTED_VIOLATION with subcode `p1` (MEM-2). */
static kapi_result dv(kapi_call *c, uint64_t p1, uint64_t p2, uint64_t p3, uint64_t p4) {
  rules_bugcheck(c->e, c->t, RULE_MEM_2, 0xC4, p1, p2, p3, p4);
  return KAPI_STOP;
}

static int driver_id(const kapi_call *c) { return c->cb ? c->cb->driver : -1; }

static void trim_if_forced(kapi_call *c, const char *why) {
  if (c->e->config.verifier && c->e->config.force_irql_checking) mem_trim(c->e, c->t, why);
}

/* ---- Pool ------------------------------------------------------------------------------------- */

static kapi_result allocate(kapi_call *c, int paged, uint64_t size, uint32_t tag, uint32_t type, int zero) {
  engine *e = c->e;
  thread *t = c->t;
  unsigned irql = t->irql;
  if (paged && irql > APC_LEVEL) {
    if (verifier(c)) return dv(c, FP_DV_ALLOC_BAD_IRQL, irql, type, size);
    if (kapi_irql_check(c, KAPI_ExAllocatePoolWithTag, APC_LEVEL) == RULE_STOP) return KAPI_STOP;
  } else if (irql > DISPATCH_LEVEL) {
    if (verifier(c)) return dv(c, FP_DV_ALLOC_ABOVE_DISPATCH, irql, type, size);
    if (kapi_irql_check(c, KAPI_ExAllocatePoolWithTag, DISPATCH_LEVEL) == RULE_STOP) return KAPI_STOP;
  }
  if (size == 0 && verifier(c)) {
    rules_bugcheck(e, t, RULE_NONE, 0xC2, FP_BPC_ZERO_BYTES, 0, type, tag);
    return KAPI_STOP;
  }
  c->ret = 0;
  e->pool_allocs++;
  uint64_t limit = e->config.max_pool_bytes ? e->config.max_pool_bytes : 64u * 1024u * 1024u;
  int fail = (e->config.fail_pool_allocation && e->pool_allocs == e->config.fail_pool_allocation) || size > limit;
  uint64_t p = 0;
  if (!fail) {
    km_attrs attrs = { 0 };
    attrs.owner = driver_id(c);
    attrs.tag = tag;
    attrs.pool_type = type;
    attrs.pageable = (uint8_t)paged;
    attrs.label = 'P';
    p = km_alloc(e->mem, paged ? KM_POOL_PAGED : KM_POOL_NONPAGED, size ? size : 1, &attrs);
    if (p && !zero) {
      uint8_t *bytes = km_raw(e->mem, p, (uint32_t)(size ? size : 1));
      if (bytes) memset(bytes, POOL_FILL, (size_t)(size ? size : 1));
    }
  }
  trc_event *ev = eng_event(e, t, TRC_POOL_ALLOC);
  if (ev) {
    ev->x = p;
    ev->y = size;
    ev->a = tag;
    ev->b = (uint32_t)paged;
    ev->instance = (int16_t)(c->cb ? c->cb->instance : -1);
  }
  c->ret = p;
  return KAPI_DONE;
}

kapi_result kapi_ExAllocatePoolWithTag(kapi_call *c) {
  uint32_t type = (uint32_t)A(0);
  return allocate(c, (type & 1) != 0, A(1), (uint32_t)A(2), type, 0);
}

kapi_result kapi_ExAllocatePoolZero(kapi_call *c) {
  uint32_t type = (uint32_t)A(0);
  return allocate(c, (type & 1) != 0, A(1), (uint32_t)A(2), type, 1);
}

kapi_result kapi_ExAllocatePool2(kapi_call *c) {
  uint64_t flags = A(0);
  if (!(flags & (POOL_FLAG_PAGED | POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE)) || (uint32_t)A(2) == 0) {
    /* ExAllocatePool2 needs a pool type flag and a non-zero tag. */
    if (verifier(c) && (uint32_t)A(2) == 0) {
      rules_bugcheck(c->e, c->t, RULE_NONE, 0xC2, FP_BPC_ALLOC_TAG_ZERO, 0, 0, 0);
      return KAPI_STOP;
    }
    c->ret = 0;
    return KAPI_DONE;
  }
  return allocate(c, (flags & POOL_FLAG_PAGED) != 0, A(1), (uint32_t)A(2), (uint32_t)flags,
                  !(flags & POOL_FLAG_UNINITIALIZED));
}

static kapi_result release(kapi_call *c, uint64_t p, int check_tag, uint32_t tag) {
  engine *e = c->e;
  thread *t = c->t;
  const km_block *b = km_find(e->mem, p);
  int paged = b && b->cls == KM_POOL_PAGED;
  if (paged && t->irql > APC_LEVEL) {
    if (verifier(c)) return dv(c, FP_DV_FREE_BAD_IRQL, t->irql, b->pool_type, p);
    if (kapi_irql_check(c, KAPI_ExFreePoolWithTag, APC_LEVEL) == RULE_STOP) return KAPI_STOP;
  } else if (t->irql > DISPATCH_LEVEL) {
    if (verifier(c)) return dv(c, FP_DV_FREE_ABOVE_DISPATCH, t->irql, b ? b->pool_type : 0, p);
    if (kapi_irql_check(c, KAPI_ExFreePoolWithTag, DISPATCH_LEVEL) == RULE_STOP) return KAPI_STOP;
  }
  if (b && check_tag && verifier(c) && !b->freed && b->tag != tag && b->base == p) {
    /* BAD_POOL_CALLER 0xA: freed with a tag that is not the allocation's (P3 the allocation's
     * tag, P4 the tag used to free). */
    rules_bugcheck(e, t, RULE_NONE, 0xC2, FP_BPC_FREE_WRONG_TAG, p, b->tag, tag);
    return KAPI_STOP;
  }
  const km_block *freed = NULL;
  km_free_result r = km_free(e->mem, p, &freed);
  if (r == KM_FREE_ALREADY_FREED) {
    /* BAD_POOL_CALLER 7: the pool was already freed (P4: the block's address). */
    rules_bugcheck(e, t, RULE_NONE, 0xC2, FP_BPC_DOUBLE_FREE, 0, 0, p);
    return KAPI_STOP;
  }
  if (r == KM_FREE_NOT_A_BLOCK) {
    rules_bugcheck(e, t, RULE_NONE, 0xC2, p < KM_USER_LIMIT ? FP_BPC_FREE_USER_ADDRESS : FP_BPC_FREE_BAD_ADDRESS, p,
                   0, 0);
    return KAPI_STOP;
  }
  trc_event *ev = eng_event(e, t, TRC_POOL_FREE);
  if (ev) {
    ev->x = p;
    ev->y = freed ? freed->size : 0;
    ev->a = freed ? freed->tag : 0;
    ev->instance = (int16_t)(c->cb ? c->cb->instance : -1);
  }
  return KAPI_DONE;
}

kapi_result kapi_ExFreePoolWithTag(kapi_call *c) { return release(c, A(0), 1, (uint32_t)A(1)); }

kapi_result kapi_ExFreePool(kapi_call *c) { return release(c, A(0), 0, 0); }

/* ---- IRQL and spin locks -------------------------------------------------------------------- */

kapi_result kapi_KeGetCurrentIrql(kapi_call *c) {
  c->ret = c->t->irql;
  return KAPI_DONE;
}

kapi_result kapi_KeRaiseIrql(kapi_call *c) {
  unsigned now = c->t->irql, want = (unsigned)(A(0) & 0xFF);
  if (want < now) {
    /* Raising to a lower IRQL: 0xC4/0x30 under Verifier. Without it Microsoft documents no
     * outcome: the model lowers the IRQL as asked and warns. */
    if (verifier(c)) return dv(c, FP_DV_RAISE_IRQL_LOWER, now, want, 0);
    rules_warning(c->e, c->t, "KERAISEIRQL-TO-LOWER-IRQL", now, want);
  }
  uint8_t old = (uint8_t)now;
  kapi_result r = kapi_write(c, A(1), &old, 1);
  if (r != KAPI_DONE) return r;
  sim_set_irql(c->e, c->t, want, "KeRaiseIrql");
  if (want >= DISPATCH_LEVEL) trim_if_forced(c, "Driver Verifier trims pageable memory: the driver raised IRQL");
  return KAPI_DONE;
}

kapi_result kapi_KeLowerIrql(kapi_call *c) {
  unsigned now = c->t->irql, want = (unsigned)(A(0) & 0xFF);
  if (want > now) {
    if (verifier(c)) return dv(c, FP_DV_LOWER_IRQL_HIGHER, now, want, 0);
    rules_warning(c->e, c->t, "KELOWERIRQL-TO-HIGHER-IRQL", now, want);
  }
  sim_set_irql(c->e, c->t, want, "KeLowerIrql");
  return KAPI_DONE;
}

kapi_result kapi_KeInitializeSpinLock(kapi_call *c) {
  uint64_t zero = 0;
  return kapi_write(c, A(0), &zero, 8);
}

kapi_result kapi_KeAcquireSpinLock(kapi_call *c) {
  engine *e = c->e;
  thread *t = c->t;
  if (t->irql > DISPATCH_LEVEL) {
    if (verifier(c)) return dv(c, FP_DV_ACQUIRE_SPIN_LOCK_IRQL, t->irql, A(0), 0);
    if (kapi_irql_check(c, KAPI_KeAcquireSpinLock, DISPATCH_LEVEL) == RULE_STOP) return KAPI_STOP;
  }
  uint64_t lock = 0;
  kapi_result r = kapi_read(c, A(0), &lock, 8);
  if (r != KAPI_DONE) return r;
  uint8_t old = (uint8_t)t->irql;
  if ((r = kapi_write(c, A(1), &old, 1)) != KAPI_DONE) return r;
  sim_set_irql(e, t, DISPATCH_LEVEL, "KeAcquireSpinLock raises to DISPATCH_LEVEL");
  trim_if_forced(c, "Driver Verifier trims pageable memory: the driver took a spin lock");
  if (lock) {
    /* One processor: the lock's owner cannot run again while this thread spins at DISPATCH_LEVEL. */
    rules_hang(e, RULE_NONE, c->cb ? c->cb->instance : -1, c->cb ? c->cb->op : -1,
               "KeAcquireSpinLock spins for ever: the lock is already held and its owner cannot run");
    return KAPI_STOP;
  }
  lock = t->ethread;
  return kapi_write(c, A(0), &lock, 8);
}

kapi_result kapi_KeReleaseSpinLock(kapi_call *c) {
  thread *t = c->t;
  if (t->irql != DISPATCH_LEVEL && verifier(c)) return dv(c, FP_DV_RELEASE_SPIN_LOCK_IRQL, t->irql, A(0), A(1));
  uint64_t zero = 0;
  kapi_result r = kapi_write(c, A(0), &zero, 8);
  if (r != KAPI_DONE) return r;
  sim_set_irql(c->e, t, (unsigned)(A(1) & 0xFF), "KeReleaseSpinLock restores the IRQL");
  return KAPI_DONE;
}

/* ---- Events and waits ------------------------------------------------------------------------ */

#define EV_TYPE(ev) ((ev) + kf_offset(KS_DISPATCHER_HEADER_Type))
#define EV_STATE(ev) ((ev) + kf_offset(KS_DISPATCHER_HEADER_SignalState))

kapi_result kapi_KeInitializeEvent(kapi_call *c) {
  uint8_t type = (uint8_t)A(1);
  uint32_t state = A(2) ? 1u : 0u;
  kapi_result r = kapi_write(c, EV_TYPE(A(0)), &type, 1);
  if (r == KAPI_DONE) r = kapi_write(c, EV_STATE(A(0)), &state, 4);
  return r;
}

kapi_result kapi_KeSetEvent(kapi_call *c) {
  uint32_t old = 0, one = 1;
  kapi_result r = kapi_read(c, EV_STATE(A(0)), &old, 4);
  if (r == KAPI_DONE) r = kapi_write(c, EV_STATE(A(0)), &one, 4);
  c->ret = old;
  return r;
}

kapi_result kapi_KeClearEvent(kapi_call *c) {
  uint32_t zero = 0;
  return kapi_write(c, EV_STATE(A(0)), &zero, 4);
}

kapi_result kapi_KeReadStateEvent(kapi_call *c) {
  uint32_t state = 0;
  kapi_result r = kapi_read(c, EV_STATE(A(0)), &state, 4);
  c->ret = state;
  return r;
}

static int event_signaled(engine *e, thread *t) {
  uint64_t ev = (uint64_t)t->wait_arg_address;
  if (!mem_get(e, EV_STATE(ev), 4)) return 0;
  if (mem_get(e, EV_TYPE(ev), 1) == 1) mem_put(e, EV_STATE(ev), 4, 0); /* SynchronizationEvent: auto-reset */
  t->wait_value = STATUS_SUCCESS;
  return 1;
}

kapi_result kapi_KeWaitForSingleObject(kapi_call *c) {
  engine *e = c->e;
  thread *t = c->t;
  uint64_t object = A(0), timeout_ptr = A(4);
  int64_t timeout = 0;
  kapi_result r;
  if (timeout_ptr && (r = kapi_read(c, timeout_ptr, &timeout, 8)) != KAPI_DONE) return r;
  if (t->irql > DISPATCH_LEVEL && verifier(c)) return dv(c, FP_DV_WAIT_ABOVE_DISPATCH, t->irql, object, timeout_ptr);
  if (t->irql == DISPATCH_LEVEL && (!timeout_ptr || timeout != 0)) {
    if (verifier(c)) return dv(c, timeout_ptr ? FP_DV_WAIT_NONZERO_TIMEOUT : FP_DV_WAIT_NULL_TIMEOUT, t->irql, object,
                               timeout_ptr);
  }
  uint32_t state = 0;
  if ((r = kapi_read(c, EV_STATE(object), &state, 4)) != KAPI_DONE) return r;
  if (state) {
    uint8_t type = 0;
    kapi_read(c, EV_TYPE(object), &type, 1);
    if (type == 1) mem_put(e, EV_STATE(object), 4, 0);
    c->ret = STATUS_SUCCESS;
    return KAPI_DONE;
  }
  if (timeout_ptr && timeout == 0) {
    c->ret = STATUS_TIMEOUT;
    return KAPI_DONE;
  }
  if (t->irql >= DISPATCH_LEVEL) {
    /* The thread would have to give up the processor at DISPATCH_LEVEL. */
    if (t->dpc_depth) {
      /* ATTEMPTED_SWITCH_FROM_DPC: P1 the thread, P2 the new thread (none was chosen), P3 its stack. */
      rules_bugcheck(e, t, RULE_NONE, 0xB8, t->ethread, 0, t->stack_base + ENG_STACK_SIZE - t->stack_used, 0);
      return KAPI_STOP;
    }
    if (kapi_irql_check(c, KAPI_KeWaitForSingleObject, APC_LEVEL) == RULE_STOP) return KAPI_STOP;
  }
  t->wait_arg_address = object;
  sim_block(e, t, event_signaled, WK_EVENT, "KeWaitForSingleObject");
  return KAPI_BLOCKED;
}

/* ---- Fast mutexes ------------------------------------------------------------------------- */

#define FM(f) kf_offset(KS_FAST_MUTEX_##f)

kapi_result kapi_ExInitializeFastMutex(kapi_call *c) {
  uint32_t one = 1;
  uint64_t zero = 0;
  kapi_result r = kapi_write(c, A(0) + FM(Count), &one, 4);
  if (r == KAPI_DONE) r = kapi_write(c, A(0) + FM(Owner), &zero, 8);
  return r;
}

static int mutex_free(engine *e, thread *t) {
  uint64_t m = t->wait_arg_address;
  if (mem_get(e, m + FM(Count), 4) != 1) return 0;
  mem_put(e, m + FM(Count), 4, 0);
  mem_put(e, m + FM(Owner), 8, t->ethread);
  mem_put(e, m + FM(OldIrql), 4, t->irql);
  sim_set_irql(e, t, APC_LEVEL, "ExAcquireFastMutex raises to APC_LEVEL");
  t->wait_value = 0;
  return 1;
}

kapi_result kapi_ExAcquireFastMutex(kapi_call *c) {
  engine *e = c->e;
  thread *t = c->t;
  if (t->irql > APC_LEVEL) {
    if (verifier(c)) return dv(c, FP_DV_ACQUIRE_FAST_MUTEX_IRQL, t->irql, A(0), 0);
    if (kapi_irql_check(c, KAPI_ExAcquireFastMutex, APC_LEVEL) == RULE_STOP) return KAPI_STOP;
  }
  uint32_t count = 0;
  uint64_t owner = 0;
  kapi_result r = kapi_read(c, A(0) + FM(Count), &count, 4);
  if (r == KAPI_DONE) r = kapi_read(c, A(0) + FM(Owner), &owner, 8);
  if (r != KAPI_DONE) return r;
  if (count == 1) {
    mem_put(e, A(0) + FM(Count), 4, 0);
    mem_put(e, A(0) + FM(Owner), 8, t->ethread);
    mem_put(e, A(0) + FM(OldIrql), 4, t->irql);
    sim_set_irql(e, t, APC_LEVEL, "ExAcquireFastMutex raises to APC_LEVEL");
    return KAPI_DONE;
  }
  if (owner == t->ethread) {
    rules_hang(e, RULE_NONE, c->cb ? c->cb->instance : -1, c->cb ? c->cb->op : -1,
               "ExAcquireFastMutex: the thread already owns this fast mutex (fast mutexes are not recursive)");
    return KAPI_STOP;
  }
  t->wait_arg_address = A(0);
  sim_block(e, t, mutex_free, WK_MUTEX, "ExAcquireFastMutex waits for the owner to release it");
  return KAPI_BLOCKED;
}

kapi_result kapi_ExReleaseFastMutex(kapi_call *c) {
  thread *t = c->t;
  if (t->irql != APC_LEVEL && verifier(c)) return dv(c, FP_DV_RELEASE_FAST_MUTEX_IRQL, t->irql, A(0), 0);
  uint32_t old = 0, one = 1;
  uint64_t zero = 0;
  kapi_result r = kapi_read(c, A(0) + FM(OldIrql), &old, 4);
  if (r == KAPI_DONE) r = kapi_write(c, A(0) + FM(Count), &one, 4);
  if (r == KAPI_DONE) r = kapi_write(c, A(0) + FM(Owner), &zero, 8);
  if (r != KAPI_DONE) return r;
  sim_set_irql(c->e, t, old, "ExReleaseFastMutex restores the IRQL");
  return KAPI_DONE;
}

/* ---- Executive work items ------------------------------------------------------------------------ */

#define WQI(f) kf_offset(KS_WORK_QUEUE_ITEM_##f)

kapi_result kapi_ExInitializeWorkItem(kapi_call *c) {
  uint64_t routine = A(1), param = A(2);
  kapi_result r = kapi_write(c, A(0) + WQI(WorkerRoutine), &routine, 8);
  if (r == KAPI_DONE) r = kapi_write(c, A(0) + WQI(Parameter), &param, 8);
  return r;
}

kapi_result kapi_ExQueueWorkItem(kapi_call *c) {
  engine *e = c->e;
  const km_block *b = km_find(e->mem, A(0));
  if (b && b->pageable && verifier(c)) return dv(c, FP_DV_WORK_ITEM_PAGEABLE, A(0), 0, 0);
  if (kapi_irql_check(c, KAPI_ExQueueWorkItem, DISPATCH_LEVEL) == RULE_STOP) return KAPI_STOP;
  uint64_t routine = 0, param = 0;
  kapi_result r = kapi_read(c, A(0) + WQI(WorkerRoutine), &routine, 8);
  if (r == KAPI_DONE) r = kapi_read(c, A(0) + WQI(Parameter), &param, 8);
  if (r != KAPI_DONE) return r;
  work_item w;
  memset(&w, 0, sizeof w);
  w.queue = (int)(int32_t)A(1) == DelayedWorkQueue ? DelayedWorkQueue : CriticalWorkQueue;
  w.driver = c->cb ? c->cb->driver : -1;
  w.routine = routine;
  w.args[0] = param;
  w.argc = 1;
  w.kind = WI_EX_WORK_ITEM;
  w.op = -1;
  w.node = -1;
  w.item = A(0);
  return work_queue(e, c->t, &w) ? KAPI_DONE : KAPI_STOP;
}

/* ---- I/O manager and memory manager helpers ----------------------------------------------------- */

kapi_result kapi_IoGetTopLevelIrp(kapi_call *c) {
  c->ret = c->t->top_level_irp;
  return KAPI_DONE;
}

kapi_result kapi_IoAllocateMdl(kapi_call *c) {
  c->ret = mdl_create(c->e, A(0), (uint32_t)A(1), 0);
  return c->ret ? KAPI_DONE : KAPI_STOP;
}

kapi_result kapi_MmBuildMdlForNonPagedPool(kapi_call *c) {
  engine *e = c->e;
  uint64_t va = mdl_va(e, A(0));
  mem_put(e, A(0) + kf_offset(KS_MDL_MappedSystemVa), 8, va);
  mem_put(e, A(0) + kf_offset(KS_MDL_MdlFlags), 2, 0x0004); /* MDL_SOURCE_IS_NONPAGED_POOL */
  return KAPI_DONE;
}

kapi_result kapi_MmGetSystemAddressForMdlSafe(kapi_call *c) {
  engine *e = c->e;
  uint64_t mdl = A(0);
  uint64_t sys = mdl_system_va(e, mdl);
  if (!sys) {
    uint64_t va = mdl_va(e, mdl);
    km_attrs attrs = { 0 };
    attrs.owner = -1;
    attrs.label = 'V';
    uint32_t n = mdl_byte_count(e, mdl);
    sys = va < KM_USER_LIMIT ? km_alias(e->mem, KM_SYSTEM, va, n ? n : 1, &attrs) : va;
    if (sys) mem_put(e, mdl + kf_offset(KS_MDL_MappedSystemVa), 8, sys);
  }
  c->ret = sys; /* NULL when the mapping fails */
  return KAPI_DONE;
}

kapi_result kapi_IoFreeMdl(kapi_call *c) {
  km_free(c->e->mem, A(0), NULL);
  return KAPI_DONE;
}

#define MM_USER_PROBE_ADDRESS 0x00007FFFFFFF0000ull

static kapi_result probe(kapi_call *c, int write) {
  uint64_t address = A(0), length = A(1), align = A(2);
  if (length == 0) return KAPI_DONE;
  uint64_t pc = c->cb ? c->cb->fn->address : 0;
  mem_result r = MEM_OK;
  if (align && address % align) r = mem_raise(c->e, c->t, STATUS_DATATYPE_MISALIGNMENT, pc, 0, address);
  else if (address + length > MM_USER_PROBE_ADDRESS || address + length < address)
    r = mem_raise(c->e, c->t, STATUS_ACCESS_VIOLATION, pc, (uint64_t)write, address);
  else if (write) {
    /* ProbeForWrite touches every page of the range. */
    for (uint64_t p = address; p < address + length && r == MEM_OK; p = (p | 0xFFF) + 1) {
      uint8_t b;
      r = mem_access(c->e, c->t, p, &b, 1, 0, MEM_KERNEL, kapi_address(KAPI_ProbeForWrite));
      if (r == MEM_OK) r = mem_access(c->e, c->t, p, &b, 1, 1, MEM_KERNEL, kapi_address(KAPI_ProbeForWrite));
    }
  }
  return r == MEM_OK ? KAPI_DONE : r == MEM_EXCEPTION ? KAPI_EXCEPTION : KAPI_STOP;
}

kapi_result kapi_ProbeForRead(kapi_call *c) { return probe(c, 0); }

kapi_result kapi_ProbeForWrite(kapi_call *c) { return probe(c, 1); }

/* ---- UNICODE_STRING ------------------------------------------------------------------------------- */

#define US(f) kf_offset(KS_UNICODE_STRING_##f)

kapi_result kapi_RtlInitUnicodeString(kapi_call *c) {
  uint64_t dest = A(0), src = A(1);
  uint16_t len = 0;
  kapi_result r;
  if (src) {
    for (;; len += 2) {
      uint16_t ch;
      if ((r = kapi_read(c, src + len, &ch, 2)) != KAPI_DONE) return r;
      if (!ch || len >= 0xFFFC) break;
    }
  }
  uint16_t max = src ? (uint16_t)(len + 2) : 0;
  if ((r = kapi_write(c, dest + US(Length), &len, 2)) != KAPI_DONE) return r;
  if ((r = kapi_write(c, dest + US(MaximumLength), &max, 2)) != KAPI_DONE) return r;
  return kapi_write(c, dest + US(Buffer), &src, 8);
}

static uint16_t fold(uint16_t ch) { return ch >= 'a' && ch <= 'z' ? (uint16_t)(ch - 32) : ch; }

static kapi_result compare(kapi_call *c, int *out) {
  uint16_t l1 = 0, l2 = 0;
  uint64_t b1 = 0, b2 = 0;
  kapi_result r;
  if ((r = kapi_read(c, A(0) + US(Length), &l1, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(0) + US(Buffer), &b1, 8)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(1) + US(Length), &l2, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(1) + US(Buffer), &b2, 8)) != KAPI_DONE) return r;
  uint16_t n = (uint16_t)((l1 < l2 ? l1 : l2) / 2);
  for (uint16_t i = 0; i < n; i++) {
    uint16_t x, y;
    if ((r = kapi_read(c, b1 + 2u * i, &x, 2)) != KAPI_DONE) return r;
    if ((r = kapi_read(c, b2 + 2u * i, &y, 2)) != KAPI_DONE) return r;
    if (A(2)) {
      x = fold(x);
      y = fold(y);
    }
    if (x != y) {
      *out = x < y ? -1 : 1;
      return KAPI_DONE;
    }
  }
  *out = l1 == l2 ? 0 : l1 < l2 ? -1 : 1;
  return KAPI_DONE;
}

kapi_result kapi_RtlCompareUnicodeString(kapi_call *c) {
  int v = 0;
  kapi_result r = compare(c, &v);
  c->ret = (uint64_t)(uint32_t)(int32_t)v;
  return r;
}

kapi_result kapi_RtlEqualUnicodeString(kapi_call *c) {
  int v = 1;
  kapi_result r = compare(c, &v);
  c->ret = v == 0;
  return r;
}

/* ---- Processes and threads ------------------------------------------------------------------------ */

kapi_result kapi_PsGetCurrentProcessId(kapi_call *c) {
  c->ret = eng_process_id(c->t->process);
  return KAPI_DONE;
}

kapi_result kapi_PsGetCurrentThreadId(kapi_call *c) {
  c->ret = 0x100u + 4u * (uint64_t)c->t->id;
  return KAPI_DONE;
}

kapi_result kapi_PsGetCurrentThread(kapi_call *c) {
  c->ret = c->t->ethread;
  return KAPI_DONE;
}

kapi_result kapi_IoGetCurrentProcess(kapi_call *c) {
  c->ret = c->e->process_objects[c->t->process];
  return KAPI_DONE;
}
