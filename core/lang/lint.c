/* lint.c: fp_lang_lint and fp_lang_check (fltplay/lang.h): compile only, and render the
 * diagnostics as text or count them. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "fltplay/lang.h"
#include "text/text.h"

char *fp_lang_lint(const char *file_name, const char *source, size_t length, const fp_lang_options *options,
                   fp_lang_status *status) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = NULL;
  fp_lang_status st = fp_lang_compile(&a, file_name, source, length, options, &d, &p);
  if (status) *status = st;
  fp_program_free(p);
  fp_text *text = fp_text_load_builtin(&a);
  fp_buf b = fp_buf_make(&a);
  for (size_t i = 0; i < d.count && text; i++) {
    char *line = fp_text_render_diag(text, &a, &d, &d.items[i], "en");
    if (line) {
      fp_buf_puts(&b, line);
      fp_buf_putc(&b, '\n');
    }
    fp_free(&a, line);
  }
  fp_text_free(text);
  fp_diags_free(&d);
  char *s = fp_buf_take(&b);
  char *copy = NULL;
  if (s) {
    size_t n = strlen(s) + 1;
    copy = malloc(n);
    if (copy) memcpy(copy, s, n);
  }
  fp_free(&a, s);
  return copy;
}

fp_lang_status fp_lang_check(const char *file_name, const char *source, size_t length, const fp_lang_options *options,
                             size_t *errors, size_t *warnings) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = NULL;
  fp_lang_status st = fp_lang_compile(&a, file_name, source, length, options, &d, &p);
  if (errors) *errors = d.errors;
  if (warnings) {
    size_t w = 0;
    for (size_t i = 0; i < d.count; i++) w += d.items[i].severity == FP_SEV_WARNING;
    *warnings = w;
  }
  fp_program_free(p);
  fp_diags_free(&d);
  return st;
}
