/* libFuzzer target: any bytes as a driver's source must compile or be refused with
 * diagnostics, never crash, hang or leak. Every 64th input also renders its diagnostics
 * through the catalogue (fp_lang_lint), which costs more than the compilation. */
#include <stddef.h>
#include <stdint.h>

#include "fltplay/fltplay.h"
#include "fltplay/lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fp_lang_options o = { 0 };
  o.max_compile_bytes = 32u * 1024u * 1024u;
  size_t errors = 0, warnings = 0;
  fp_lang_check("fuzz.c", (const char *)data, size, &o, &errors, &warnings);
  if (size && data[0] % 64 == 0) {
    fp_lang_status status;
    char *text = fp_lang_lint("fuzz.c", (const char *)data, size, &o, &status);
    fp_string_free(text);
  }
  return 0;
}
