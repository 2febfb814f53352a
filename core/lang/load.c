/* load.c: a program into an engine (fp_program_load) and its read-only accessors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "fltplay/lang.h"
#include "lang/code.h"
#include "lang/intrinsic.h"

fp_status fp_program_load(const fp_program *p, fp_engine *e, const char *name, const char *altitude, int *driver_id) {
  if (!p || !e || !name) return FP_ERR_ARGUMENT;
  fp_function_desc *fns = fp_calloc(p->alloc, p->nfuncs ? p->nfuncs : 1, sizeof *fns);
  uint8_t *image = fp_malloc(p->alloc, p->globals_size);
  if (!fns || !image) {
    fp_free(p->alloc, fns);
    fp_free(p->alloc, image);
    return FP_ERR_NO_MEMORY;
  }
  for (uint32_t i = 0; i < p->nfuncs; i++) {
    fns[i].name = p->funcs[i].name;
    fns[i].callable = &p->callables[i];
    fns[i].flags = p->funcs[i].pageable ? FP_FUNC_PAGEABLE : 0;
  }
  fp_driver_desc d;
  memset(&d, 0, sizeof d);
  d.name = name;
  d.altitude = altitude;
  d.functions = fns;
  d.function_count = p->nfuncs;
  d.driver_entry = p->entry;
  d.globals_size = p->globals_size;
  int id = -1;
  fp_status st = fp_engine_add_driver(e, &d, &id);
  if (st == FP_OK) {
    memcpy(image, p->globals, p->globals_size);
    uint64_t globals = fp_engine_globals_address(e, id);
    for (uint32_t i = 0; i < p->nrelocs; i++) {
      const vm_reloc *r = &p->relocs[i];
      uint64_t v = r->function >= 0 ? fp_engine_function_address(e, id, (size_t)r->function) + (uint64_t)r->addend
                                     : globals + (uint64_t)r->addend;
      for (int b = 0; b < 8; b++) image[r->offset + (uint32_t)b] = (uint8_t)(v >> (8 * b));
    }
    st = fp_engine_poke(e, globals, image, p->globals_size);
    if (driver_id) *driver_id = id;
  }
  fp_free(p->alloc, fns);
  fp_free(p->alloc, image);
  return st;
}

size_t fp_program_function_count(const fp_program *p) { return p ? p->nfuncs : 0; }

const char *fp_program_function_name(const fp_program *p, size_t i) {
  return p && i < p->nfuncs ? p->funcs[i].name : NULL;
}

size_t fp_program_globals_size(const fp_program *p) { return p ? p->globals_size : 0; }

static const char *const op_names[OP_COUNT] = {
#define X(name, doc) #name,
  VM_OPS(X)
#undef X
};

const char *vm_op_name(vm_op op) { return (unsigned)op < OP_COUNT ? op_names[op] : "?"; }

char *fp_program_disassemble(const fp_program *p) {
  if (!p) return NULL;
  fp_buf b = fp_buf_make(p->alloc);
  for (uint32_t f = 0; f < p->nfuncs; f++) {
    const vm_func *fn = &p->funcs[f];
    fp_buf_printf(&b, "%s: %u registers, %u bytes of frame%s\n", fn->name, fn->nregs, fn->frame_size,
                  fn->pageable ? ", pageable" : "");
    for (uint32_t i = 0; i < fn->ncode; i++) {
      const vm_ins *in = &fn->code[i];
      fp_buf_printf(&b, "  %4u  %-8s a=%u b=%u c=%u k=%d j=%d x=%u", i, vm_op_name((vm_op)(in->op & ~VM_STMT_FUSED)),
                    in->a, in->b, in->c, in->k, in->j, in->x);
      if (in->op & VM_STMT_FUSED) fp_buf_printf(&b, "   ; a statement starts here");
      if ((in->op == OP_STMT || in->op == OP_STMT2) && (uint32_t)in->k < fn->nlines) fp_buf_printf(&b, "   ; line %u", fn->lines[in->k].line);
      if (in->op == OP_INTR) fp_buf_printf(&b, "   ; %s", in_name(in->k));
      fp_buf_putc(&b, '\n');
    }
    for (uint32_t t = 0; t < fn->ntries; t++) {
      const vm_try *tr = &fn->tries[t];
      fp_buf_printf(&b, "  try %u: [%u, %u) %s -> %u, parent %d, filter %d (%d)\n", t, tr->start, tr->end,
                    tr->finally ? "__finally" : "__except", tr->target, tr->parent, tr->filter_pc, tr->filter_value);
    }
  }
  char *s = fp_buf_take(&b);
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *copy = malloc(n);
  if (copy) memcpy(copy, s, n);
  fp_free(p->alloc, s);
  return copy;
}
