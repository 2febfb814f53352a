/* cx.c: reporting diagnostics for a compilation (cx.h). */
#include "lang/cx.h"

#include <stdarg.h>
#include <string.h>

int cx_may_report(cx *c, fp_span span, int error) {
  (void)span;
  return !(error && c->quiet);
}

void cx_abort(cx *c, int reason) {
  c->fail_reason = reason;
  longjmp(c->fail, 1);
}

static void report(cx *c, fp_severity sev, fp_span span, const char *id, va_list ap) {
  const char *n[FP_DIAG_MAX_PARAMS] = { 0 }, *v[FP_DIAG_MAX_PARAMS] = { 0 };
  for (int i = 0; i < FP_DIAG_MAX_PARAMS; i++) {
    n[i] = va_arg(ap, const char *);
    if (!n[i]) break;
    v[i] = va_arg(ap, const char *);
  }
  fp_diag_report(c->diags, sev, span, id, n[0], v[0], n[1], v[1], n[2], v[2], n[3], v[3], (const char *)NULL);
  if (c->diags->out_of_memory) cx_abort(c, CX_FAIL_MEMORY);
}

void cx_error(cx *c, fp_span span, const char *id, ...) {
  if (!cx_may_report(c, span, 1)) return;
  va_list ap;
  va_start(ap, id);
  report(c, FP_SEV_ERROR, span, id, ap);
  va_end(ap);
  c->quiet = 1;
  if (++c->errors >= CX_MAX_ERRORS) {
    fp_diag_report(c->diags, FP_SEV_ERROR, span, "lang.budget.errors", (const char *)NULL);
    cx_abort(c, CX_FAIL_ERRORS);
  }
}

void cx_warning(cx *c, fp_span span, const char *id, ...) {
  if (!cx_may_report(c, span, 0)) return;
  va_list ap;
  va_start(ap, id);
  report(c, FP_SEV_WARNING, span, id, ap);
  va_end(ap);
}

fp_span cx_join(fp_span a, fp_span b) {
  if (a.file != b.file || b.line == 0) return a;
  if (a.line == 0) return b;
  fp_span s = a;
  if (b.end_line > a.end_line || (b.end_line == a.end_line && b.end_col > a.end_col)) {
    s.end_line = b.end_line;
    s.end_col = b.end_col;
  }
  return s;
}

void cx_init(cx *c, fp_alloc *a, fp_diags *d, const fp_lang_options *options, const char *file_name) {
  memset(c, 0, sizeof *c);
  if (options) c->opt = *options;
  if (!c->opt.max_source_bytes) c->opt.max_source_bytes = 256u * 1024u;
  if (!c->opt.max_compile_bytes) c->opt.max_compile_bytes = 64u * 1024u * 1024u;
  if (!c->opt.max_call_depth) c->opt.max_call_depth = 200;
  if (!c->opt.max_vm_bytes) c->opt.max_vm_bytes = 1024u * 1024u;
  ar_init(&c->ar, a, c->opt.max_compile_bytes);
  c->ar.on_fail = &c->fail;
  ar_names_init(&c->names, &c->ar);
  c->diags = d;
  c->file = fp_diags_add_file(d, file_name ? file_name : "driver.c");
  c->prelude_file = fp_diags_add_file(d, "<fltKernel.h>");
  if (!c->file || !c->prelude_file) c->diags->out_of_memory = 1;
}

void cx_free(cx *c) { ar_free(&c->ar); }
