/* strdist.c: edit distance (strdist.h), one row of the dynamic-programming table at a time. */
#include "base/strdist.h"

#include <ctype.h>
#include <string.h>

size_t fp_edit_distance(const char *a, const char *b, int ignore_case) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 48 || lb > 48) return 99;
  size_t row[49];
  for (size_t j = 0; j <= lb; j++) row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t cur = row[j];
      int ca = (unsigned char)a[i - 1], cb = (unsigned char)b[j - 1];
      if (ignore_case) {
        ca = toupper(ca);
        cb = toupper(cb);
      }
      size_t best = prev + (ca != cb);
      if (row[j] + 1 < best) best = row[j] + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      prev = cur;
    }
  }
  return row[lb];
}
