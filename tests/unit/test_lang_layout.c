/* The driver language's built-in structures against core/kstruct's table: for every
 * structure, its size and alignment, and for every field its offset and size, as the
 * compiler computes them from the prelude (the table is Windows x64's, from the WDK). The
 * checks are static assertions compiled by the language itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "check.h"
#include "fltplay/lang.h"
#include "kstruct/kstruct.h"
#include "text/text.h"

typedef struct gen {
  fp_buf src;
  char **what;   /* what line i checks */
  int lines;
} gen;

static void line(gen *g, const char *what, const char *fmt, const char *a, const char *b, unsigned v) {
  char text[600];
  snprintf(text, sizeof text, "_Static_assert(");
  size_t n = strlen(text);
  /* fmt has %s %s %u in this order (some unused) */
  const char *vals[2] = { a, b };
  int used = 0;
  for (const char *f = fmt; *f && n < sizeof text - 64; f++) {
    if (f[0] == '%' && f[1] == 's') {
      n += (size_t)snprintf(text + n, sizeof text - n, "%s", vals[used++]);
      f++;
    } else if (f[0] == '%' && f[1] == 'u') {
      n += (size_t)snprintf(text + n, sizeof text - n, "0x%x", v);
      f++;
    } else {
      text[n++] = *f;
      text[n] = '\0';
    }
  }
  fp_buf_printf(&g->src, "%s, \"\");\n", text);
  g->what = realloc(g->what, (size_t)(g->lines + 1) * sizeof *g->what);
  size_t wl = strlen(what) + 1;
  g->what[g->lines] = malloc(wl);
  memcpy(g->what[g->lines], what, wl);
  g->lines++;
}

static void struct_layouts_should_match_the_kstruct_table(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  gen g;
  memset(&g, 0, sizeof g);
  g.src = fp_buf_make(&a);
  fp_buf_puts(&g.src, "#include <fltKernel.h>\n");
  g.what = NULL;
  g.lines = 1;
  g.what = calloc(1, sizeof *g.what);
  int checks = 0;
  for (int s = 0; s < KS_STRUCT_COUNT; s++) {
    const char *name = ks_struct_name((ks_struct)s);
    char what[300];
    snprintf(what, sizeof what, "sizeof(%s)", name);
    line(&g, what, "sizeof(%s) == %u", name, NULL, ks_struct_size((ks_struct)s));
    snprintf(what, sizeof what, "alignment of %s", name);
    line(&g, what, "_Alignof(%s) == %u", name, NULL, ks_struct_align((ks_struct)s));
    checks += 2;
    ks_field f = ks_struct_first_field((ks_struct)s);
    size_t count = ks_struct_field_count((ks_struct)s);
    for (size_t i = 0; i < count; i++, f++) {
      const char *path = ks_field_path(f);
      snprintf(what, sizeof what, "offset of %s.%s", name, path);
      line(&g, what, "__builtin_offsetof(%s, %s) == %u", name, path, ks_offset(f));
      snprintf(what, sizeof what, "size of %s.%s", name, path);
      line(&g, what, "sizeof(((%s *)0)->%s) == %u", name, path, ks_size(f));
      checks += 2;
    }
  }
  fp_buf_puts(&g.src, "NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); "
                      "UNREFERENCED_PARAMETER(r); return STATUS_SUCCESS; }\n");
  fp_diags d = fp_diags_make(&a);
  fp_program *p = NULL;
  fp_lang_status st = fp_lang_compile(&a, "layout.c", g.src.data, g.src.len, NULL, &d, &p);
  for (size_t i = 0; i < d.count; i++) {
    uint32_t l = d.items[i].span.line;
    char m[400];
    snprintf(m, sizeof m, "%s: %s", l >= 1 && (int)l <= g.lines && g.what[l - 1] ? g.what[l - 1] : "?", d.items[i].id);
    check_fail_(t, __FILE__, __LINE__, m);
  }
  CHECK_INT(t, st, FP_LANG_OK);
  CHECK(t, checks > 300);
  fp_program_free(p);
  fp_diags_free(&d);
  fp_buf_free(&g.src);
  for (int i = 0; i < g.lines; i++) free(g.what[i]);
  free(g.what);
  CHECK_INT(t, a.live_blocks, 0);
}

static const check_case cases[] = {
  CHECK_CASE(struct_layouts_should_match_the_kstruct_table),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
