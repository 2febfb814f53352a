/* compile.c: fp_lang_compile (fltplay/lang.h): lexer, preprocessor, parser and checker, code
 * generator, with the compilation's budgets; a failure anywhere jumps back here. */
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "fltplay/lang.h"
#include "lang/cx.h"
#include "lang/gen.h"
#include "lang/lex.h"
#include "lang/parse.h"
#include "lang/pp.h"
#include "lang/vm.h"

void gn_program(cx *c, ps_unit *u, fp_program *prog);

/* The phases under the compilation's recovery point: 1 when they ran to the end, 0 after a
 * jump (memory, a budget, too many errors). */
static int phases(cx *c, const char *file_name, const char *source, size_t length, fp_program *prog,
                  size_t errors_before) {
  if (setjmp(c->fail) != 0) return 0;
  if (c->diags->out_of_memory) cx_abort(c, CX_FAIL_MEMORY);
  if (length > c->opt.max_source_bytes) {
    fp_span at = { c->file, 1, 1, 1, 1 };
    cx_error(c, at, "lang.budget.source", (const char *)NULL);
    return 1;
  }
  lx_token *t = lx_tokenize(c, c->file, source, length);
  t = pp_run(c, t, file_name);
  ps_unit u;
  memset(&u, 0, sizeof u);
  ps_parse(c, t, &u);
  if (c->diags->errors == errors_before) gn_program(c, &u, prog);
  return 1;
}

static void release(fp_program *p) {
  if (!p) return;
  ar_free(&p->ar);
  fp_alloc *a = p->alloc;
  fp_free(a, p);
}

static fp_lang_status compile(fp_alloc *alloc, const char *file_name, const char *source, size_t length,
                              const fp_lang_options *options, fp_diags *diags, fp_program **out);

fp_lang_status fp_lang_compile(fp_alloc *alloc, const char *file_name, const char *source, size_t length,
                               const fp_lang_options *options, fp_diags *diags, fp_program **out) {
  if (out) *out = NULL;
  if (!source || !out) return FP_LANG_BAD_ARGUMENT;
  if (diags) return compile(alloc, file_name, source, length, options, diags, out);
  /* no diagnostics wanted: collected aside and dropped */
  fp_alloc local = fp_alloc_default();
  fp_diags scratch = fp_diags_make(alloc ? alloc : &local);
  fp_lang_status status = compile(alloc, file_name, source, length, options, &scratch, out);
  fp_diags_free(&scratch);
  return status;
}

static fp_lang_status compile(fp_alloc *alloc, const char *file_name, const char *source, size_t length,
                              const fp_lang_options *options, fp_diags *diags, fp_program **out) {
  if (!file_name) file_name = "driver.c";
  fp_alloc local = fp_alloc_default();
  fp_alloc *a = alloc ? alloc : &local;
  fp_program *prog = fp_calloc(a, 1, sizeof *prog);
  if (!prog) return FP_LANG_NO_MEMORY;
  if (alloc) {
    prog->alloc = alloc;
  } else {
    prog->own_alloc = local;
    prog->alloc = &prog->own_alloc;
    a = prog->alloc;
  }
  size_t errors_before = diags->errors;
  cx *c = fp_calloc(a, 1, sizeof *c);
  if (!c) {
    fp_free(a, prog);
    return FP_LANG_NO_MEMORY;
  }
  cx_init(c, a, diags, options, file_name);
  ar_init(&prog->ar, a, c->opt.max_compile_bytes);
  prog->ar.on_fail = &c->fail;
  fp_lang_status status = FP_LANG_OK;
  if (!phases(c, file_name, source, length, prog, errors_before)) {
    int why = c->ar.failed ? c->ar.failed : prog->ar.failed;
    if (why == AR_BUDGET || c->fail_reason == CX_FAIL_BUDGET) {
      if (why == AR_BUDGET) {
        fp_span at = { c->file, 1, 1, 1, 1 };
        fp_diag_report(diags, FP_SEV_ERROR, at, "lang.budget.memory", (const char *)NULL);
      }
    } else if (why == AR_NO_MEMORY || c->fail_reason == CX_FAIL_MEMORY) {
      status = FP_LANG_NO_MEMORY;
      fp_span at = { c->file, 1, 1, 1, 1 };
      fp_diag_report(diags, FP_SEV_ERROR, at, "lang.out_of_memory", (const char *)NULL);
    }
    if (diags->errors == errors_before) diags->errors++;
  }
  if (status == FP_LANG_OK && diags->errors != errors_before) status = FP_LANG_ERRORS;
  if (status == FP_LANG_OK) {
    prog->statement_events = !c->opt.no_statement_events;
    prog->max_call_depth = c->opt.max_call_depth;
    prog->max_vm_bytes = c->opt.max_vm_bytes;
    prog->ar.on_fail = NULL;
    prog->callables = ar_alloc(&prog->ar, (prog->nfuncs ? prog->nfuncs : 1) * sizeof *prog->callables);
    if (!prog->callables) {
      status = FP_LANG_NO_MEMORY;
    } else {
      for (uint32_t i = 0; i < prog->nfuncs; i++) {
        prog->callables[i].step = vm_step;
        prog->callables[i].raise = vm_raise;
        prog->callables[i].abandon = vm_abandon;
        prog->callables[i].user = &prog->funcs[i];
      }
    }
  }
  cx_free(c);
  fp_free(a, c);
  if (status != FP_LANG_OK) {
    release(prog);
    return status;
  }
  *out = prog;
  return FP_LANG_OK;
}

void fp_program_free(fp_program *p) { release(p); }
