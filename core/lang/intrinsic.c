/* intrinsic.c: the table of intrinsics (intrinsic.h). */
#include "lang/intrinsic.h"

#include <string.h>

static const struct {
  const char *name;
  int argc;
} table[IN_COUNT] = {
#define X(id, name, argc) { name, argc },
  IN_LIST(X)
#undef X
};

int in_intrinsic_id(const char *name) {
  for (int i = 0; i < IN_COUNT; i++)
    if (strcmp(table[i].name, name) == 0) return i;
  return -1;
}

const char *in_name(int id) { return id >= 0 && id < IN_COUNT ? table[id].name : "?"; }

int in_argc(int id) { return id >= 0 && id < IN_COUNT ? table[id].argc : 0; }
