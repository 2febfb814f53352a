/* engine.c: the public API of the engine (fltplay/engine.h): building a scenario, running it
 * in slices, and the helpers every part of the engine uses to record events. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine/cbd.h"
#include "engine/callback.h"
#include "engine/engine_int.h"
#include "engine/fltmgr.h"
#include "engine/fs.h"
#include "engine/io.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "engine/work.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"

/* ---- Events ---------------------------------------------------------------------------------- */

act_result eng_internal(engine *e, thread *t, const char *what) {
  if (e->end) return ACT_STOP;
  trc_event *ev = eng_event(e, t, TRC_RUN_END);
  if (ev) {
    ev->a = FP_END_INTERNAL;
    ev->str = trc_intern(&e->trace, what);
  }
  return sim_stop(e, FP_END_INTERNAL);
}

uint64_t eng_process_id(int p) { return p == 0 ? 4u : 0x1000u + 4u * (uint64_t)p; }

/* ---- Errors at the boundary ---------------------------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static fp_status fail(engine *e, fp_status s, const char *fmt, ...) {
  fp_buf_free(&e->error);
  va_list ap;
  va_start(ap, fmt);
  fp_buf_vprintf(&e->error, fmt, ap);
  va_end(ap);
  return s;
}

static fp_status ok(engine *e) {
  fp_buf_free(&e->error);
  return FP_OK;
}

const char *fp_engine_error(const fp_engine *e) { return e && e->error.data ? e->error.data : ""; }

/* ---- Creation ------------------------------------------------------------------------------ */

static int add_process(engine *e, const char *name) {
  for (int i = 0; i < e->process_count; i++)
    if (strcmp(e->processes[i], name) == 0) return i;
  if (e->process_count >= ENG_MAX_THREADS) return -1;
  char *copy = fp_strdup(e->alloc, name);
  uint64_t eprocess = mem_kernel_object(e, 0xA00, 'P'); /* an EPROCESS is opaque to drivers */
  if (!copy || !eprocess) {
    fp_free(e->alloc, copy);
    return -1;
  }
  e->processes[e->process_count] = copy;
  e->process_objects[e->process_count] = eprocess;
  return e->process_count++;
}

fp_engine *fp_engine_new(const fp_engine_config *config) {
  fp_alloc base = fp_alloc_default();
  engine *e = fp_calloc(&base, 1, sizeof *e);
  if (!e) return NULL;
  e->own_alloc = base;
  e->alloc = &e->own_alloc;
  slab_init(&e->slabs, e->alloc);
  if (config) e->config = *config;
  e->rng = fp_rng_make(e->config.seed);
  e->error = fp_buf_make(e->alloc);
  trc_init(&e->trace, e->alloc);
  kh_init(&e->op_heap, e->alloc);
  km_config mc = { e->config.verifier, 0 };
  e->mem = km_create(e->alloc, &mc);
  e->rules = fp_calloc(e->alloc, RULE_COUNT, sizeof *e->rules);
  e->kernel_code_resident = 1;
  e->timer_min_due = UINT64_MAX; /* no timer armed */
  e->default_completion = FP_COMPLETE_INLINE;
  cb_prepare(e);
  e->default_delay = 30;
  if (!e->mem || !e->rules || add_process(e, "System") != 0) goto failed;
  e->volume_object = mem_kernel_object(e, 0x100, 'V');
  e->idle_thread = sim_add_thread(e, TK_IDLE, "Idle", 0);
  e->system_thread = sim_add_thread(e, TK_SYSTEM, "System", 0);
  if (!e->volume_object || e->idle_thread < 0 || e->system_thread < 0) goto failed;
  int workers = e->config.worker_threads ? (int)e->config.worker_threads : 1;
  if (workers > 4) workers = 4;
  e->worker_count = workers;
  for (int q = 0; q < 2; q++)
    for (int i = 0; i < workers; i++) {
      char name[48];
      snprintf(name, sizeof name, "Worker (%s) %d", q ? "delayed" : "critical", i + 1);
      e->worker_threads[q][i] = sim_add_thread(e, TK_WORKER, name, 0);
      if (e->worker_threads[q][i] < 0) goto failed;
      e->threads[e->worker_threads[q][i]]->worker_queue = q;
    }
  e->current = e->system_thread;
  return e;
failed:
  fp_engine_free(e);
  return NULL;
}

void fp_engine_free(fp_engine *e) {
  if (!e) return;
  sim_release(e);
  slab_release(&e->slabs);
  for (int i = 0; i < e->driver_count; i++) {
    driver *d = e->drivers[i];
    for (uint32_t f = 0; f < d->function_count; f++) fp_free(e->alloc, d->functions[f].name);
    fp_free(e->alloc, d->functions);
    fp_free(e->alloc, d->ops);
    fp_free(e->alloc, d->name);
    fp_free(e->alloc, d->altitude);
    fp_free(e->alloc, d);
  }
  for (int i = 0; i < e->instance_count; i++) fp_free(e->alloc, e->instances[i]);
  for (int i = 0; i < e->file_count; i++) {
    fp_free(e->alloc, e->files[i]->path);
    fp_free(e->alloc, e->files[i]->data);
    fp_free(e->alloc, e->files[i]);
  }
  for (int i = 0; i < e->fobj_count; i++) fp_free(e->alloc, e->fobjs[i]);
  fp_free(e->alloc, e->fobjs);
  for (int i = 0; i < e->handle_count; i++) fp_free(e->alloc, e->handles[i].name);
  for (int i = 0; i < e->request_count; i++) {
    request *rq = e->requests[i];
    fp_free(e->alloc, rq->path_copy);
    fp_free(e->alloc, rq->handle_copy);
    fp_free(e->alloc, rq->data_copy);
    fp_free(e->alloc, rq);
  }
  fp_free(e->alloc, e->requests);
  for (int i = 0; i < e->op_count; i++) io_free_op(e, e->ops[i]);
  fp_free(e->alloc, e->ops);
  kh_release(&e->op_heap);
  for (int q = 0; q < 2; q++)
    while (e->queues[q]) {
      work_item *w = e->queues[q];
      e->queues[q] = w->next;
      fp_free(e->alloc, w);
    }
  for (int i = 0; i < e->process_count; i++) fp_free(e->alloc, e->processes[i]);
  fp_free(e->alloc, e->tracked);
  fp_free(e->alloc, e->rules);
  km_destroy(e->mem);
  trc_free(&e->trace);
  fp_buf_free(&e->error);
  fp_alloc base = e->own_alloc;
  fp_free(&base, e);
}

fp_status fp_engine_set_verifier_answer(fp_engine *e, const char *rule, fp_verifier_answer answer) {
  if (!e) return FP_ERR_ARGUMENT;
  rule_id r = rule ? rules_find(rule) : RULE_NONE;
  if (r == RULE_NONE) return fail(e, FP_ERR_ARGUMENT, "unknown rule ID '%s'", rule ? rule : "(null)");
  if ((unsigned)answer > FP_VERIFIER_REMOVE) return fail(e, FP_ERR_ARGUMENT, "unknown Verifier answer %d", (int)answer);
  e->rules[r].answer = answer;
  return ok(e);
}

/* ---- The scenario ------------------------------------------------------------------------------ */

#define NOT_STARTED(e)                                                                    \
  do {                                                                                    \
    if (!(e)) return FP_ERR_ARGUMENT;                                                     \
    if ((e)->started) return fail((e), FP_ERR_STATE, "the run has started: the scenario is fixed"); \
  } while (0)

fp_status fp_engine_add_file(fp_engine *e, const char *path, const void *data, size_t size, unsigned flags) {
  NOT_STARTED(e);
  if (!path || path[0] != '\\') return fail(e, FP_ERR_ARGUMENT, "a file path starts with '\\' (got '%s')", path ? path : "(null)");
  if (size && !data) return fail(e, FP_ERR_ARGUMENT, "file '%s': %zu bytes of contents but no data", path, size);
  if (size > 16u * 1024u * 1024u) return fail(e, FP_ERR_LIMIT, "file '%s' is larger than 16 MiB", path);
  if (flags & ~(unsigned)(FP_FILE_READONLY | FP_FILE_NOT_CACHED | FP_FILE_DIRECTORY))
    return fail(e, FP_ERR_ARGUMENT, "file '%s': unknown flags 0x%x", path, flags);
  if (fs_lookup(e, path)) return fail(e, FP_ERR_ARGUMENT, "file '%s' exists already", path);
  if (e->file_count >= ENG_MAX_FILES) return fail(e, FP_ERR_LIMIT, "at most %d files", ENG_MAX_FILES);
  if (!fs_add(e, path, data, size, flags)) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  return ok(e);
}

fp_status fp_engine_add_driver(fp_engine *e, const fp_driver_desc *d, int *id) {
  NOT_STARTED(e);
  if (!d || !d->name || !d->functions) return fail(e, FP_ERR_ARGUMENT, "a driver needs a name and functions");
  if (e->driver_count >= ENG_MAX_DRIVERS) return fail(e, FP_ERR_LIMIT, "at most %d drivers", ENG_MAX_DRIVERS);
  if (!flt_altitude_valid(d->altitude))
    return fail(e, FP_ERR_ARGUMENT, "driver '%s': altitude '%s' is not a decimal number", d->name,
                d->altitude ? d->altitude : "(null)");
  if (d->function_count == 0 || d->function_count > 4096 || d->driver_entry >= d->function_count)
    return fail(e, FP_ERR_ARGUMENT, "driver '%s': DriverEntry index %zu is not among its %zu functions", d->name,
                d->driver_entry, d->function_count);
  if (d->globals_size > 16u * 1024u * 1024u) return fail(e, FP_ERR_LIMIT, "driver '%s': globals larger than 16 MiB", d->name);
  for (size_t i = 0; i < d->function_count; i++)
    if (!d->functions[i].name || !d->functions[i].callable || !d->functions[i].callable->step)
      return fail(e, FP_ERR_ARGUMENT, "driver '%s': function %zu has no name or no code", d->name, i);
  driver *dr = fp_calloc(e->alloc, 1, sizeof *dr);
  if (!dr) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  dr->id = e->driver_count;
  dr->instance = -1;
  dr->name = fp_strdup(e->alloc, d->name);
  dr->altitude = fp_strdup(e->alloc, d->altitude);
  dr->functions = fp_calloc(e->alloc, d->function_count, sizeof *dr->functions);
  e->drivers[e->driver_count++] = dr; /* freed with the engine from here on */
  if (!dr->name || !dr->altitude || !dr->functions) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  dr->function_count = (uint32_t)d->function_count;
  dr->driver_entry = (uint32_t)d->driver_entry;
  for (size_t i = 0; i < d->function_count; i++) {
    function *f = &dr->functions[i];
    f->name = fp_strdup(e->alloc, d->functions[i].name);
    f->callable = *d->functions[i].callable;
    f->flags = d->functions[i].flags;
    f->index = (uint32_t)i;
    km_attrs attrs = { 0 };
    attrs.owner = dr->id;
    attrs.code = 1;
    attrs.pageable = (d->functions[i].flags & FP_FUNC_PAGEABLE) ? 1 : 0;
    attrs.label = 'C';
    f->address = km_alloc(e->mem, KM_IMAGE, 16, &attrs);
    if (!f->name || !f->address) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  }
  km_attrs g = { 0 };
  g.owner = dr->id;
  g.pageable = (d->globals_flags & FP_FUNC_PAGEABLE) ? 1 : 0;
  g.label = 'G';
  dr->globals_size = d->globals_size;
  if (d->globals_size) {
    dr->globals = km_alloc(e->mem, KM_IMAGE, d->globals_size, &g);
    if (!dr->globals) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  }
  dr->driver_object = mem_kernel_object(e, 0x150, 'R'); /* DRIVER_OBJECT */
  char path[160];
  snprintf(path, sizeof path, "\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001\\Services\\%.100s", d->name);
  dr->registry_path = ustr_create_kernel(e, path);
  if (!dr->driver_object || !dr->registry_path) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  if (id) *id = dr->id;
  return ok(e);
}

uint64_t fp_engine_function_address(const fp_engine *e, int drv, size_t index) {
  if (!e || drv < 0 || drv >= e->driver_count || index >= e->drivers[drv]->function_count) return 0;
  return e->drivers[drv]->functions[index].address;
}

uint64_t fp_engine_globals_address(const fp_engine *e, int drv) {
  if (!e || drv < 0 || drv >= e->driver_count) return 0;
  return e->drivers[drv]->globals;
}

size_t fp_engine_registered_majors(const fp_engine *e, int drv, uint8_t *out, size_t cap) {
  if (!e || drv < 0 || drv >= e->driver_count) return 0;
  const driver *d = e->drivers[drv];
  for (uint32_t i = 0; i < d->op_count && i < cap; i++) out[i] = d->ops[i].major;
  return d->op_count;
}

fp_status fp_engine_poke(fp_engine *e, uint64_t address, const void *data, size_t size) {
  NOT_STARTED(e);
  if (!data || size == 0 || size > 0xFFFFFFFFu) return fail(e, FP_ERR_ARGUMENT, "nothing to write");
  uint8_t *p = km_raw(e->mem, address, (uint32_t)size);
  if (!p) return fail(e, FP_ERR_ARGUMENT, "0x%016llx (%zu bytes) is not inside one block", (unsigned long long)address, size);
  memcpy(p, data, size);
  return ok(e);
}

fp_status fp_engine_add_thread(fp_engine *e, const char *name, const char *process, int *id) {
  NOT_STARTED(e);
  if (!name || !*name) return fail(e, FP_ERR_ARGUMENT, "a thread needs a name");
  int p = add_process(e, process && *process ? process : name);
  if (p < 0) return fail(e, FP_ERR_LIMIT, "too many processes");
  int t = sim_add_thread(e, TK_APP, name, p);
  if (t < 0) return fail(e, FP_ERR_LIMIT, "at most %d threads", ENG_MAX_THREADS);
  if (id) *id = t;
  return ok(e);
}

int eng_add_request(engine *e, int thread_id, const fp_op_desc *d, int parent) {
  thread *t = e->threads[thread_id];
  if (parent < 0 && t->script_count == t->script_cap) {
    int cap = t->script_cap ? t->script_cap * 2 : 16;
    int *grown = fp_realloc(e->alloc, t->script, (size_t)cap * sizeof *grown);
    if (!grown) return -1;
    t->script = grown;
    t->script_cap = cap;
  }
  if (e->request_count == e->request_cap) {
    int cap = e->request_cap ? e->request_cap * 2 : 16;
    request **r = fp_realloc(e->alloc, e->requests, (size_t)cap * sizeof *r);
    if (!r) return -1;
    e->requests = r;
    e->request_cap = cap;
  }
  request *rq = fp_calloc(e->alloc, 1, sizeof *rq);
  if (!rq) return -1;
  rq->desc = *d;
  rq->path_copy = d->path ? fp_strdup(e->alloc, d->path) : NULL;
  rq->handle_copy = d->handle ? fp_strdup(e->alloc, d->handle) : NULL;
  size_t data_size = d->kind == FP_OP_SET_INFO ? (d->length ? d->length : 0x40) : d->length;
  rq->data_copy = d->data && data_size ? fp_malloc(e->alloc, data_size) : NULL;
  if ((d->path && !rq->path_copy) || (d->handle && !rq->handle_copy) || (d->data && data_size && !rq->data_copy)) {
    fp_free(e->alloc, rq->path_copy);
    fp_free(e->alloc, rq->handle_copy);
    fp_free(e->alloc, rq->data_copy);
    fp_free(e->alloc, rq);
    return -1;
  }
  if (rq->data_copy) memcpy(rq->data_copy, d->data, data_size);
  rq->desc.path = rq->path_copy;
  rq->desc.handle = rq->handle_copy;
  rq->desc.data = rq->data_copy;
  rq->id = e->request_count;
  rq->thread = thread_id;
  rq->parent = parent;
  rq->op = -1;
  rq->index = parent < 0 ? t->script_count : -1;
  if (parent < 0) t->script[t->script_count++] = rq->id;
  e->requests[e->request_count++] = rq;
  return rq->id;
}

fp_status fp_engine_add_op(fp_engine *e, int thread_id, const fp_op_desc *desc, int *index) {
  const fp_op_desc *o = desc;
  NOT_STARTED(e);
  if (!o) return fail(e, FP_ERR_ARGUMENT, "no operation");
  if (thread_id < 0 || thread_id >= e->thread_count || e->threads[thread_id]->kind != TK_APP)
    return fail(e, FP_ERR_ARGUMENT, "thread %d is not an application thread", thread_id);
  if ((unsigned)o->kind >= FP_OP_KIND_COUNT) return fail(e, FP_ERR_ARGUMENT, "unknown operation kind %d", (int)o->kind);
  if ((unsigned)o->io > FP_IO_PAGING) return fail(e, FP_ERR_ARGUMENT, "unknown I/O path %d", (int)o->io);
  if ((unsigned)o->completion > FP_COMPLETE_PENDING) return fail(e, FP_ERR_ARGUMENT, "unknown completion mode %d", (int)o->completion);
  if ((o->kind == FP_OP_CREATE || o->kind == FP_OP_QUERY_OPEN) && (!o->path || o->path[0] != '\\'))
    return fail(e, FP_ERR_ARGUMENT, "a create or query-open needs a path starting with '\\'");
  if (o->kind == FP_OP_CREATE && (o->disposition > FILE_OVERWRITE_IF))
    return fail(e, FP_ERR_ARGUMENT, "unknown create disposition %u", o->disposition);
  if (o->kind == FP_OP_WRITE && o->length && !o->data) return fail(e, FP_ERR_ARGUMENT, "a write needs its data");
  if ((o->kind == FP_OP_READ || o->kind == FP_OP_WRITE) && o->length > 16u * 1024u * 1024u)
    return fail(e, FP_ERR_LIMIT, "reads and writes are limited to 16 MiB");
  if (o->io == FP_IO_FAST && o->kind != FP_OP_READ && o->kind != FP_OP_WRITE)
    return fail(e, FP_ERR_ARGUMENT, "fast I/O is modelled for reads and writes");
  if (o->io == FP_IO_PAGING && o->kind != FP_OP_READ && o->kind != FP_OP_WRITE)
    return fail(e, FP_ERR_ARGUMENT, "paging I/O is a read or a write");
  int count = e->threads[thread_id]->script_count;
  if (o->kind == FP_OP_WAIT && (o->wait_for < 0 || o->wait_for >= count))
    return fail(e, FP_ERR_ARGUMENT, "WAIT for operation %d: the thread has %d operations before it", o->wait_for, count);
  if (count >= FP_ENGINE_MAX_THREAD_OPS)
    return fail(e, FP_ERR_LIMIT, "at most %d operations per thread", FP_ENGINE_MAX_THREAD_OPS);
  int id = eng_add_request(e, thread_id, o, -1);
  if (id < 0) return fail(e, FP_ERR_NO_MEMORY, "out of memory");
  if (index) *index = e->requests[id]->index;
  return ok(e);
}

fp_status fp_engine_set_completion(fp_engine *e, fp_completion mode, uint32_t delay) {
  NOT_STARTED(e);
  if (mode != FP_COMPLETE_INLINE && mode != FP_COMPLETE_PENDING) return fail(e, FP_ERR_ARGUMENT, "unknown completion mode");
  if (delay > 1000000) return fail(e, FP_ERR_LIMIT, "a completion delay of at most 1000000 ticks");
  e->default_completion = mode;
  if (delay) e->default_delay = delay;
  return ok(e);
}

fp_status fp_engine_add_control(fp_engine *e, const fp_control_desc *c) {
  NOT_STARTED(e);
  if (!c || (c->kind != FP_CONTROL_UNLOAD && c->kind != FP_CONTROL_DETACH)) return fail(e, FP_ERR_ARGUMENT, "unknown control action");
  if (c->driver < 0 || c->driver >= e->driver_count) return fail(e, FP_ERR_ARGUMENT, "control action for unknown driver %d", c->driver);
  if (c->thread >= 0 && (c->thread >= e->thread_count || e->threads[c->thread]->kind != TK_APP))
    return fail(e, FP_ERR_ARGUMENT, "control action after an operation of unknown thread %d", c->thread);
  if (e->control_count >= (int)(sizeof e->controls / sizeof e->controls[0])) return fail(e, FP_ERR_LIMIT, "too many control actions");
  e->controls[e->control_count++] = *c;
  return ok(e);
}

/* ---- Running ------------------------------------------------------------------------------------ */

static int start(engine *e) {
  e->started = 1;
  trc_event *ev = eng_event(e, e->threads[e->system_thread], TRC_RUN_START);
  if (ev) {
    ev->x = e->config.seed;
    ev->a = (uint32_t)e->config.verifier;
  }
  if (flt_start_system(e, e->threads[e->system_thread]) == ACT_STOP) return 0;
  for (int q = 0; q < 2; q++)
    for (int i = 0; i < e->worker_count; i++)
      if (work_start_worker(e, e->threads[e->worker_threads[q][i]], q) == ACT_STOP) return 0;
  for (int i = 0; i < e->thread_count; i++)
    if (e->threads[i]->kind == TK_APP && io_start_app(e, e->threads[i]) == ACT_STOP) return 0;
  for (int i = 0; i < e->control_count; i++)
    if (e->controls[i].thread < 0 && e->controls[i].time && !sim_arm_timer(e, e->controls[i].time, -1)) return 0;
  e->current = e->system_thread;
  e->quantum_left = e->config.quantum ? e->config.quantum : 40;
  return 1;
}

fp_end_reason fp_engine_run(fp_engine *e, uint32_t max_events) {
  if (!e) return FP_END_INTERNAL;
  if (!e->started && !start(e)) {
    if (!e->end) eng_internal(e, NULL, "out of memory while starting");
    return e->end;
  }
  if (e->end) return e->end;
  return sim_run(e, max_events);
}

uint32_t fp_engine_event_count(const fp_engine *e) { return e ? e->trace.count : 0; }

uint32_t fp_engine_count_events(const fp_engine *e, const char *kind) {
  if (!e || !kind) return 0;
  int k = 0;
  while (k < TRC_KIND_COUNT && strcmp(trc_kind_name((trc_kind)k), kind) != 0) k++;
  if (k == TRC_KIND_COUNT) return 0;
  uint32_t n = 0;
  for (uint32_t i = 0; i < e->trace.count; i++) n += trc_at(&e->trace, i)->kind == k;
  return n;
}
