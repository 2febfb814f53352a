/* libFuzzer target: any bytes as a driver's source must compile or be refused with
 * diagnostics, never crash, hang or leak. Every 64th input also renders its diagnostics
 * through the catalogue (fp_lang_lint), which costs more than the compilation. A source that
 * compiles is loaded into a small engine and run (an application thread doing create, read,
 * write and close on one file, with a small event budget), so the VM is fuzzed too. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fltplay/engine.h"
#include "fltplay/fltplay.h"
#include "fltplay/lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run(const fp_program *prog, unsigned seed) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.seed = seed;
  cfg.verifier = (int)(seed & 1);
  cfg.max_events = 3000;
  fp_engine *e = fp_engine_new(&cfg);
  if (!e) return;
  static const char contents[] = "hello world, fuzzing";
  fp_engine_add_file(e, "\\a.txt", contents, sizeof contents - 1, 0);
  fp_engine_set_completion(e, (seed & 2) ? FP_COMPLETE_PENDING : FP_COMPLETE_INLINE, 0);
  int drv = -1, t = -1;
  if (fp_program_load(prog, e, "Fuzz", "385100", &drv) == FP_OK && fp_engine_add_thread(e, "app", NULL, &t) == FP_OK) {
    static const char wdata[] = "HELLO";
    fp_op_desc o;
    memset(&o, 0, sizeof o);
    o.handle = "h";
    o.kind = FP_OP_CREATE;
    o.path = "\\a.txt";
    o.desired_access = 0x80000000u | 0x40000000u | 0x00100000u;
    o.share_access = 3;
    o.disposition = 3;
    o.options = 0x20 | 0x40;
    fp_engine_add_op(e, t, &o, NULL);
    o.path = NULL;
    o.kind = FP_OP_READ;
    o.length = 8;
    fp_engine_add_op(e, t, &o, NULL);
    o.kind = FP_OP_WRITE;
    o.length = 5;
    o.data = wdata;
    fp_engine_add_op(e, t, &o, NULL);
    o.kind = FP_OP_CLOSE_HANDLE;
    o.data = NULL;
    o.length = 0;
    fp_engine_add_op(e, t, &o, NULL);
    fp_engine_run(e, 0);
  }
  fp_engine_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fp_lang_options o = { 0 };
  o.max_compile_bytes = 32u * 1024u * 1024u;
  o.max_vm_bytes = 1u << 20;
  fp_program *prog = NULL;
  if (fp_lang_compile(NULL, "fuzz.c", (const char *)data, size, &o, NULL, &prog) == FP_LANG_OK && prog)
    run(prog, size ? data[size - 1] : 0);
  fp_program_free(prog);
  if (size && data[0] % 64 == 0) {
    fp_lang_status status;
    char *text = fp_lang_lint("fuzz.c", (const char *)data, size, &o, &status);
    fp_string_free(text);
  }
  return 0;
}
