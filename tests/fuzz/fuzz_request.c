/* libFuzzer target: any bytes as a JSON request must give a result, never a crash or leak. */
#include "fltplay/fltplay.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *result = fp_request((const char *)data, size);
  fp_string_free(result);
  return 0;
}
