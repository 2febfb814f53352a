/* The driver language's public API (fltplay/lang.h): compile, load into an engine, run;
 * diagnostics; budgets; every allocation failure during a compilation is survived without a
 * leak; the same program runs identically in two engines. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "check.h"
#include "engine/kapi.h"
#include "fltplay/engine.h"
#include "fltplay/fltplay.h"
#include "fltplay/lang.h"

static const char driver_source[] =
    "#include <fltKernel.h>\n"
    "PFLT_FILTER Filter;\n"
    "FLT_PREOP_CALLBACK_STATUS Pre(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects, PVOID *Context)\n"
    "{\n"
    "    UNREFERENCED_PARAMETER(Objects); UNREFERENCED_PARAMETER(Context);\n"
    "    DbgPrint(\"pre %d\\n\", Data->Iopb->MajorFunction);\n"
    "    return FLT_PREOP_SUCCESS_NO_CALLBACK;\n"
    "}\n"
    "CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, Pre, NULL }, { IRP_MJ_OPERATION_END } };\n"
    "CONST FLT_REGISTRATION Reg = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };\n"
    "NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING Path)\n"
    "{\n"
    "    NTSTATUS s;\n"
    "    UNREFERENCED_PARAMETER(Path);\n"
    "    s = FltRegisterFilter(Driver, &Reg, &Filter);\n"
    "    if (NT_SUCCESS(s)) s = FltStartFiltering(Filter);\n"
    "    return s;\n"
    "}\n";

static fp_program *compile(const char *src, fp_alloc *a, fp_diags *d) {
  fp_program *p = NULL;
  fp_lang_compile(a, "driver.c", src, strlen(src), NULL, d, &p);
  return p;
}

static fp_engine *engine_running(const fp_program *p, const char *name, int *drv) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.seed = 7;
  fp_engine *e = fp_engine_new(&cfg);
  fp_engine_add_file(e, "\\a.txt", "hello", 5, 0);
  if (fp_program_load(p, e, name, "385100", drv) != FP_OK) {
    fp_engine_free(e);
    return NULL;
  }
  int t = -1;
  fp_engine_add_thread(e, "app", NULL, &t);
  fp_op_desc c;
  memset(&c, 0, sizeof c);
  c.kind = FP_OP_CREATE;
  c.path = "\\a.txt";
  c.handle = "h";
  c.desired_access = 0x80000000u | 0x00100000u;
  c.share_access = 1;
  c.disposition = 1;
  c.options = 0x20 | 0x40;
  fp_engine_add_op(e, t, &c, NULL);
  fp_op_desc r;
  memset(&r, 0, sizeof r);
  r.kind = FP_OP_READ;
  r.handle = "h";
  r.length = 3;
  fp_engine_add_op(e, t, &r, NULL);
  fp_op_desc x;
  memset(&x, 0, sizeof x);
  x.kind = FP_OP_CLOSE_HANDLE;
  x.handle = "h";
  fp_engine_add_op(e, t, &x, NULL);
  return e;
}

static void a_driver_should_compile_load_and_run(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = compile(driver_source, &a, &d);
  CHECK_OR_RETURN(t, p != NULL);
  CHECK_INT(t, d.count, 0);
  CHECK_INT(t, fp_program_function_count(p), 2);
  CHECK_STR(t, fp_program_function_name(p, 0), "Pre");
  CHECK_STR(t, fp_program_function_name(p, 1), "DriverEntry");
  CHECK(t, fp_program_globals_size(p) >= 0x70 + 2 * 0x20);
  int drv = -1;
  fp_engine *e = engine_running(p, "Drv", &drv);
  CHECK_OR_RETURN(t, e != NULL);
  CHECK_INT(t, drv, 0);
  CHECK_INT(t, fp_engine_run(e, 0), FP_END_COMPLETED);
  char *json = fp_engine_trace_json(e, 0, 0);
  CHECK_CONTAINS(t, json, "\"text\":\"pre 3\\n\"");
  CHECK_CONTAINS(t, json, "\"kind\":\"statement\"");
  fp_string_free(json);
  fp_engine_free(e);
  fp_program_free(p);
  fp_diags_free(&d);
  CHECK_INT(t, a.live_blocks, 0);
}

static void two_engines_should_give_the_same_trace(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = compile(driver_source, &a, &d);
  CHECK_OR_RETURN(t, p != NULL);
  int d1, d2;
  fp_engine *e1 = engine_running(p, "Drv", &d1), *e2 = engine_running(p, "Drv", &d2);
  CHECK_OR_RETURN(t, e1 && e2);
  fp_engine_run(e1, 0);
  fp_engine_run(e2, 0);
  char *j1 = fp_engine_trace_json(e1, 0, 0), *j2 = fp_engine_trace_json(e2, 0, 0);
  CHECK(t, j1 && j2 && strcmp(j1, j2) == 0);
  fp_string_free(j1);
  fp_string_free(j2);
  fp_engine_free(e1);
  fp_engine_free(e2);
  fp_program_free(p);
  fp_diags_free(&d);
}

static void statement_events_can_be_turned_off(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_lang_options o;
  memset(&o, 0, sizeof o);
  o.no_statement_events = 1;
  fp_program *p = NULL;
  CHECK_INT(t, fp_lang_compile(&a, "driver.c", driver_source, strlen(driver_source), &o, &d, &p), FP_LANG_OK);
  CHECK_OR_RETURN(t, p != NULL);
  int drv;
  fp_engine *e = engine_running(p, "Drv", &drv);
  CHECK_INT(t, fp_engine_run(e, 0), FP_END_COMPLETED);
  char *json = fp_engine_trace_json(e, 0, 0);
  CHECK(t, json && !strstr(json, "\"kind\":\"statement\""));
  CHECK_CONTAINS(t, json, "pre 3");
  fp_string_free(json);
  fp_engine_free(e);
  fp_program_free(p);
  fp_diags_free(&d);
}

static void errors_should_come_with_positions_and_no_program(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = (fp_program *)1;
  const char *src = "#include <fltKernel.h>\nint F(void)\n{\n    return Undeclared;\n}\n";
  CHECK_INT(t, fp_lang_compile(&a, "bad.c", src, strlen(src), NULL, &d, &p), FP_LANG_ERRORS);
  CHECK(t, p == NULL);
  CHECK_OR_RETURN(t, d.count >= 1);
  CHECK_STR(t, d.items[0].id, "lang.sem.undeclared");
  CHECK_INT(t, d.items[0].span.line, 4);
  CHECK_INT(t, d.items[0].span.col, 12);
  fp_diags_free(&d);
  fp_lang_status st;
  char *text = fp_lang_lint("bad.c", src, strlen(src), NULL, &st);
  CHECK_INT(t, st, FP_LANG_ERRORS);
  CHECK_CONTAINS(t, text, "bad.c:4:12: error: use of undeclared identifier 'Undeclared'");
  fp_string_free(text);
  size_t errors = 0, warnings = 0;
  CHECK_INT(t, fp_lang_check("bad.c", src, strlen(src), NULL, &errors, &warnings), FP_LANG_ERRORS);
  CHECK(t, errors >= 1);
  CHECK_INT(t, a.live_blocks, 0);
}

static void null_arguments_should_be_refused_and_diagnostics_may_be_dropped(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = NULL;
  CHECK_INT(t, fp_lang_compile(&a, "x.c", NULL, 0, NULL, &d, &p), FP_LANG_BAD_ARGUMENT);
  /* no fp_diags: the diagnostics are dropped, the status stays */
  CHECK_INT(t, fp_lang_compile(&a, "x.c", "", 0, NULL, NULL, &p), FP_LANG_ERRORS);
  CHECK(t, p == NULL);
  static const char ok[] = "#include <ntddk.h>\nNTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { return 0; }\n";
  CHECK_INT(t, fp_lang_compile(&a, "x.c", ok, sizeof ok - 1, NULL, NULL, &p), FP_LANG_OK);
  CHECK(t, p != NULL);
  fp_program_free(p);
  p = NULL;
  CHECK_INT(t, a.live_blocks, 0);
  CHECK_INT(t, fp_lang_compile(&a, "x.c", "", 0, NULL, &d, NULL), FP_LANG_BAD_ARGUMENT);
  CHECK_INT(t, fp_program_load(NULL, NULL, "x", "1", NULL), FP_ERR_ARGUMENT);
  fp_program_free(NULL);
  CHECK_INT(t, fp_program_function_count(NULL), 0);
  CHECK(t, fp_program_disassemble(NULL) == NULL);
}

static void the_listing_should_show_instructions_and_lines(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_program *p = compile(driver_source, &a, &d);
  CHECK_OR_RETURN(t, p != NULL);
  char *listing = fp_program_disassemble(p);
  CHECK_CONTAINS(t, listing, "DriverEntry:");
  CHECK_CONTAINS(t, listing, "KCALL");
  CHECK_CONTAINS(t, listing, "; line 15");
  fp_string_free(listing);
  fp_program_free(p);
  fp_diags_free(&d);
}

/* Every allocation of a compilation fails once in turn: the compiler reports it (or the
 * budget) and leaks nothing. */
static void every_allocation_failure_should_be_survived(check_ctx *t) {
  const char *small = "int g[3] = { 1, 2 };\n#define X(a) (a + 1)\nint F(int x) { __try { return X(x) / g[2]; } __except (1) { return 0; } }\n"
                      "long DriverEntry(void *d, void *r) { return F(1); }\n";
  const char *srcs[2] = { small, driver_source };
  for (int s = 0; s < 2; s++) {
    fp_alloc probe = fp_alloc_default();
    fp_diags d0 = fp_diags_make(&probe);
    fp_program *p0 = NULL;
    fp_lang_compile(&probe, "x.c", srcs[s], strlen(srcs[s]), NULL, &d0, &p0);
    uint64_t total = probe.count;
    fp_program_free(p0);
    fp_diags_free(&d0);
    CHECK(t, total > 3);
    uint64_t stride = total / 60 + 1;
    for (uint64_t n = 1; n <= total + 1; n += stride) {
      fp_alloc a = fp_alloc_default();
      a.fail_at = n;
      fp_diags d = fp_diags_make(&a);
      fp_program *p = NULL;
      fp_lang_status st = fp_lang_compile(&a, "x.c", srcs[s], strlen(srcs[s]), NULL, &d, &p);
      CHECK(t, st == FP_LANG_OK || st == FP_LANG_NO_MEMORY || st == FP_LANG_ERRORS);
      CHECK(t, (st == FP_LANG_OK) == (p != NULL));
      fp_program_free(p);
      fp_diags_free(&d);
      if (a.live_blocks) {
        char m[64];
        snprintf(m, sizeof m, "source %d, failing allocation %llu leaks", s, (unsigned long long)n);
        check_fail_(t, __FILE__, __LINE__, m);
        break;
      }
    }
  }
}

/* Every kernel routine the engine models can be called by its WDK name with its number of
 * arguments (the prelude has its prototype; the compiler checks the count against the
 * engine's table). */
static void every_engine_routine_should_have_a_prototype(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_buf src = fp_buf_make(&a);
  fp_buf_puts(&src, "#include <fltKernel.h>\nvoid CallAll(void)\n{\n    if (KeGetCurrentIrql() == 99) {\n");
  for (uint32_t i = 0; i < KAPI_COUNT; i++) {
    fp_buf_printf(&src, "        %s(", kapi_name(i));
    int n = fp_k_api_argc((int)i);
    for (int k = 0; k < n; k++) fp_buf_printf(&src, "%s0", k ? ", " : "");
    fp_buf_puts(&src, ");\n");
  }
  fp_buf_puts(&src, "    }\n}\nNTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); "
                    "UNREFERENCED_PARAMETER(r); CallAll(); return STATUS_SUCCESS; }\n");
  fp_diags d = fp_diags_make(&a);
  fp_program *p = NULL;
  fp_lang_status st = fp_lang_compile(&a, "all.c", src.data, src.len, NULL, &d, &p);
  for (size_t i = 0; i < d.count; i++) {
    char m[200];
    snprintf(m, sizeof m, "line %u: %s %s", d.items[i].span.line, d.items[i].id, d.items[i].values[0] ? d.items[i].values[0] : "");
    check_fail_(t, __FILE__, __LINE__, m);
  }
  CHECK_INT(t, st, FP_LANG_OK);
  fp_program_free(p);
  fp_diags_free(&d);
  fp_buf_free(&src);
}

static const check_case cases[] = {
  CHECK_CASE(every_engine_routine_should_have_a_prototype),
  CHECK_CASE(a_driver_should_compile_load_and_run),
  CHECK_CASE(two_engines_should_give_the_same_trace),
  CHECK_CASE(statement_events_can_be_turned_off),
  CHECK_CASE(errors_should_come_with_positions_and_no_program),
  CHECK_CASE(null_arguments_should_be_refused_and_diagnostics_may_be_dropped),
  CHECK_CASE(the_listing_should_show_instructions_and_lines),
  CHECK_CASE(every_allocation_failure_should_be_survived),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
