/* The driver language's lexer and preprocessor: tokens, spans, directives, macros. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "check.h"
#include "lang/cx.h"
#include "lang/lex.h"
#include "lang/pp.h"

static char *dup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

typedef struct fixture {
  fp_alloc alloc;
  fp_diags diags;
  cx c;
} fixture;

/* Preprocesses `src` and spells the result, one space between tokens, "|" before each pragma;
 * diagnostics as "ID@line:col" appended after " ## ". Caller frees with free(). */
static char *pp_text(const char *src) {
  fixture *f = calloc(1, sizeof *f);
  f->alloc = fp_alloc_default();
  f->diags = fp_diags_make(&f->alloc);
  cx_init(&f->c, &f->alloc, &f->diags, NULL, "t.c");
  fp_buf b = fp_buf_make(&f->alloc);
  if (setjmp(f->c.fail) == 0) {
    lx_token *t = lx_tokenize(&f->c, f->c.file, src, strlen(src));
    t = pp_run(&f->c, t, "t.c");
    int first = 1;
    for (; t->kind != TK_EOF; t = t->next) {
      if (!first) fp_buf_putc(&b, ' ');
      first = 0;
      if (t->kind == TK_PRAGMA) {
        fp_buf_puts(&b, "|pragma");
        for (lx_token *a = t->args; a->kind != TK_EOF; a = a->next) fp_buf_printf(&b, " %.*s", (int)a->len, a->text);
        fp_buf_puts(&b, "|");
        continue;
      }
      fp_buf_append(&b, t->text, t->len);
    }
  } else {
    fp_buf_puts(&b, "(aborted)");
  }
  if (f->diags.count) fp_buf_puts(&b, b.len ? " ##" : "##");
  for (size_t i = 0; i < f->diags.count; i++) {
    fp_diag *g = &f->diags.items[i];
    fp_buf_printf(&b, " %s@%u:%u", g->id, g->span.line, g->span.col);
  }
  char *s = fp_buf_take(&b);
  char *copy = dup(s ? s : "");
  fp_free(&f->alloc, s);
  cx_free(&f->c);
  fp_diags_free(&f->diags);
  if (f->alloc.live_blocks) {
    free(copy);
    copy = dup("LEAK");
  }
  free(f);
  return copy;
}

#define EXPECT_PP(t, src, expected) \
  do {                              \
    char *got_ = pp_text(src);      \
    CHECK_STR(t, got_, expected);   \
    free(got_);                     \
  } while (0)

static void lexer_should_split_punctuators_longest_first(check_ctx *t) {
  EXPECT_PP(t, "a<<=b->c...d++", "a <<= b -> c ... d ++");
  EXPECT_PP(t, "x = 0x1F + 'ab' + L\"w\";", "x = 0x1F + 'ab' + L\"w\" ;");
}

static void lexer_should_skip_comments_and_splices(check_ctx *t) {
  EXPECT_PP(t, "a /* c\n */ b // d\nc \\\n d", "a b c d");
}

static void lexer_should_report_unterminated_literals_with_position(check_ctx *t) {
  EXPECT_PP(t, "a\n  \"abc\nb", "a \"abc b ## lang.lex.unterminated_string@2:3");
  EXPECT_PP(t, "x /* never", "x ## lang.lex.unterminated_comment@1:3");
  EXPECT_PP(t, "a @ b", "a b ## lang.lex.stray@1:3");
}

static void object_macros_should_expand_and_rescan(check_ctx *t) {
  EXPECT_PP(t, "#define A B\n#define B 1\nA", "1");
  EXPECT_PP(t, "#define A A + 1\nA", "A + 1");
  EXPECT_PP(t, "#define X 1\n#undef X\nX", "X");
}

static void function_macros_should_substitute_stringize_and_paste(check_ctx *t) {
  EXPECT_PP(t, "#define F(a, b) a + b\nF(1, (2, 3))", "1 + ( 2 , 3 )");
  EXPECT_PP(t, "#define S(x) #x\nS(a  \"q\" b)", "\"a \\\"q\\\" b\"");
  EXPECT_PP(t, "#define J(a, b) a##b\nJ(foo, 12) J(, x)", "foo12 x");
  EXPECT_PP(t, "#define F(x) x\nF", "F");
  EXPECT_PP(t, "#define L(f, ...) g(f, __VA_ARGS__)\nL(1) L(1, 2, 3)", "g ( 1 ) g ( 1 , 2 , 3 )");
  EXPECT_PP(t, "#define f(x) x*g\n#define g(x) f(x)\nf(2)(9)", "2 * 9 * g");
}

static void macro_argument_errors_should_name_the_macro(check_ctx *t) {
  EXPECT_PP(t, "#define F(a, b) a\nF(1)", "## lang.pp.macro_args@2:1");
  EXPECT_PP(t, "#define F(a) a\nF(1", "## lang.pp.unterminated_call@2:1");
  EXPECT_PP(t, "#define S(x) #y\n", "## lang.pp.stringize@1:14");
}

static void conditionals_should_pick_one_branch(check_ctx *t) {
  EXPECT_PP(t, "#if 1 + 1 == 2\na\n#else\nb\n#endif", "a");
  EXPECT_PP(t, "#define X\n#ifdef X\na\n#endif\n#ifndef X\nb\n#endif", "a");
  EXPECT_PP(t, "#if defined(Y) || 0\na\n#elif 2 > 1\nb\n#else\nc\n#endif", "b");
  EXPECT_PP(t, "#if 0\n#if 1\nx\n#endif\n#else\ny\n#endif", "y");
  EXPECT_PP(t, "#if DBG && _WIN64\nchecked\n#endif", "checked");
  EXPECT_PP(t, "#if 1\na", "a ## lang.pp.unterminated_if@1:1");
  EXPECT_PP(t, "#endif", "## lang.pp.stray_conditional@1:1");
  EXPECT_PP(t, "#if 1 /\n#endif", "## lang.pp.if_syntax@1:1");
  EXPECT_PP(t, "#if 1 / 0\n#endif", "## lang.pp.if_divide@1:7");
}

static void includes_should_map_wdk_headers_and_reject_others(check_ctx *t) {
  char *s = pp_text("#include <fltKernel.h>\n#include <ntifs.h>\nFLT_REGISTRATION r;");
  CHECK(t, strstr(s, "typedef struct _FLT_REGISTRATION") != NULL);
  CHECK(t, strstr(s, "##") == NULL);
  free(s);
  EXPECT_PP(t, "#include \"mine.h\"\nx", "x ## lang.pp.include_unknown@1:1");
}

static void pragmas_should_reach_the_parser(check_ctx *t) {
  EXPECT_PP(t, "#pragma alloc_text(PAGE, Foo)\n#pragma once\nx", "|pragma alloc_text ( PAGE , Foo )| x");
}

static void wdk_constants_should_become_macros(check_ctx *t) {
  EXPECT_PP(t, "STATUS_ACCESS_DENIED IRP_MJ_READ", "( ( NTSTATUS ) 0xC0000022L ) 0x3");
  EXPECT_PP(t, "#ifdef STATUS_SUCCESS\nyes\n#endif", "yes");
}

static void annotations_should_disappear(check_ctx *t) {
  EXPECT_PP(t, "_In_ int _Out_writes_bytes_(n) x; _When_(a, b) __drv_freesMem(Mem) y;", "int x ; y ;");
}

static void builtin_macros_should_give_file_and_line(check_ctx *t) {
  EXPECT_PP(t, "\n__LINE__ __FILE__", "2 \"t.c\"");
}

static void errors_should_come_from_directives(check_ctx *t) {
  EXPECT_PP(t, "#error stop here\n", "## lang.pp.error_directive@1:1");
  EXPECT_PP(t, "#frobnicate\n", "## lang.pp.unknown_directive@1:1");
}

static void expansion_should_stop_at_its_budget(check_ctx *t) {
  char *s = pp_text("#define A0 x x\n#define A1 A0 A0\n#define A2 A1 A1\n#define A3 A2 A2\n#define A4 A3 A3\n"
                    "#define A5 A4 A4\n#define A6 A5 A5\n#define A7 A6 A6\n#define A8 A7 A7\n#define A9 A8 A8\n"
                    "#define B0 A9 A9\n#define B1 B0 B0\n#define B2 B1 B1\n#define B3 B2 B2\n#define B4 B3 B3\n"
                    "#define B5 B4 B4\n#define B6 B5 B5\n#define B7 B6 B6\n#define B8 B7 B7\n#define B9 B8 B8\n"
                    "#define C0 B9 B9\n#define C1 C0 C0\n#define C2 C1 C1\nC2");
  CHECK(t, strstr(s, "(aborted)") != NULL);
  free(s);
}

static const check_case cases[] = {
  CHECK_CASE(lexer_should_split_punctuators_longest_first),
  CHECK_CASE(lexer_should_skip_comments_and_splices),
  CHECK_CASE(lexer_should_report_unterminated_literals_with_position),
  CHECK_CASE(object_macros_should_expand_and_rescan),
  CHECK_CASE(function_macros_should_substitute_stringize_and_paste),
  CHECK_CASE(macro_argument_errors_should_name_the_macro),
  CHECK_CASE(conditionals_should_pick_one_branch),
  CHECK_CASE(includes_should_map_wdk_headers_and_reject_others),
  CHECK_CASE(pragmas_should_reach_the_parser),
  CHECK_CASE(wdk_constants_should_become_macros),
  CHECK_CASE(annotations_should_disappear),
  CHECK_CASE(builtin_macros_should_give_file_and_line),
  CHECK_CASE(errors_should_come_from_directives),
  CHECK_CASE(expansion_should_stop_at_its_budget),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
