/* prelude.c: the built-in headers as tokens (prelude.h): the text of the prelude folder
 * prelude_text.c) with the enumerations of core/nt generated in place of the @nt-enums@ line. */
#include "lang/prelude.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "lang/prelude_text.h"
#include "nt/nt.h"

/* The enumerations whose enumerators core/nt lists, with their WDK tags. */
static const struct {
  const char *type, *tag, *pointer;
} enums[] = {
  { "FLT_PREOP_CALLBACK_STATUS", "_FLT_PREOP_CALLBACK_STATUS", "PFLT_PREOP_CALLBACK_STATUS" },
  { "FLT_POSTOP_CALLBACK_STATUS", "_FLT_POSTOP_CALLBACK_STATUS", "PFLT_POSTOP_CALLBACK_STATUS" },
  { "FILE_INFORMATION_CLASS", "_FILE_INFORMATION_CLASS", "PFILE_INFORMATION_CLASS" },
  { "POOL_TYPE", "_POOL_TYPE", "PPOOL_TYPE" },
  { "MODE", "_MODE", "PMODE" },
  { "WORK_QUEUE_TYPE", "_WORK_QUEUE_TYPE", "PWORK_QUEUE_TYPE" },
};

static void put(cx *c, char **buf, size_t *len, size_t *cap, const char *s, size_t n) {
  if (*len + n + 1 > *cap) {
    size_t ncap = (*len + n + 1) * 2;
    char *nb = ar_alloc(&c->ar, ncap);
    if (*len) memcpy(nb, *buf, *len);
    *buf = nb;
    *cap = ncap;
  }
  memcpy(*buf + *len, s, n);
  *len += n;
  (*buf)[*len] = '\0';
}

static void put_enums(cx *c, char **buf, size_t *len, size_t *cap) {
  char line[160];
  for (size_t e = 0; e < sizeof enums / sizeof *enums; e++) {
    int n = snprintf(line, sizeof line, "typedef enum %s {", enums[e].tag);
    put(c, buf, len, cap, line, (size_t)n);
    int first = 1;
    for (size_t i = 0; i < fp_nt_constant_count(); i++) {
      const fp_nt_constant *k = fp_nt_constant_at(i);
      if (strcmp(k->type, enums[e].type) != 0) continue;
      n = snprintf(line, sizeof line, "%s %s = %lld", first ? "" : ",", k->name, (long long)k->value);
      put(c, buf, len, cap, line, (size_t)n);
      first = 0;
    }
    n = snprintf(line, sizeof line, " } %s, *%s;\n", enums[e].type, enums[e].pointer);
    put(c, buf, len, cap, line, (size_t)n);
  }
}

const char *pr_text(cx *c, size_t *len) {
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (unsigned i = 0; i < pr_part_count; i++) {
    const char *line = pr_parts[i];
    if (strncmp(line, "/*@nt-enums@", 12) == 0) put_enums(c, &buf, &n, &cap);
    else put(c, &buf, &n, &cap, line, strlen(line));
    put(c, &buf, &n, &cap, "\n", 1);
  }
  *len = n;
  return buf;
}

lx_token *pr_tokens(cx *c, uint32_t file) {
  size_t len;
  const char *text = pr_text(c, &len);
  lx_token *t = lx_tokenize(c, file, text, len);
  /* The caller splices the list in front of the driver's tokens: drop the EOF. */
  lx_token head = { 0 };
  head.next = t;
  lx_token *cur = &head;
  while (cur->next && cur->next->kind != TK_EOF) cur = cur->next;
  cur->next = NULL;
  return head.next;
}
