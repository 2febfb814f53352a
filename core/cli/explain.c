/* explain.c: `fltplay explain TOPIC [--lang L]` and `fltplay explain --list`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "fltplay/engine.h"
#include "fltplay/fltplay.h"

static const char usage[] =
    "usage: fltplay explain RULE-ID|BUGCHECK [--lang en|zh-Hans|zh-Hant]\n"
    "       fltplay explain --list\n"
    "\n"
    "Prints what a rule of the catalogue (e.g. PRE-COMPLETE-2) or a bug check (e.g. 0xD1 or\n"
    "DRIVER_IRQL_NOT_LESS_OR_EQUAL) means: what Windows does, why, the fix and the Microsoft page.\n";

int cli_explain(int argc, char **argv) {
  const char *topic = NULL, *lang = "en";
  for (int i = 0; i < argc; i++) {
    if (cli_is_help(argv[i])) {
      fputs(usage, stdout);
      return CLI_OK;
    } else if (strcmp(argv[i], "--list") == 0) {
      for (size_t r = 0; r < fp_rule_count(); r++) puts(fp_rule_id_at(r));
      return CLI_OK;
    } else if (strcmp(argv[i], "--lang") == 0) {
      if (i + 1 >= argc) return cli_usage_error("explain", "--lang needs a locale", NULL);
      lang = argv[++i];
      if (strcmp(lang, "en") != 0 && strcmp(lang, "zh-Hans") != 0 && strcmp(lang, "zh-Hant") != 0)
        return cli_usage_error("explain", "unknown locale (en, zh-Hans or zh-Hant)", lang);
    } else if (argv[i][0] == '-' && argv[i][1]) {
      return cli_usage_error("explain", "unknown option", argv[i]);
    } else if (topic) {
      return cli_usage_error("explain", "one topic at a time", argv[i]);
    } else {
      topic = argv[i];
    }
  }
  if (!topic) {
    fputs(usage, stderr);
    return CLI_BAD_INPUT;
  }
  char *text = NULL;
  int found = fp_explain(topic, lang, &text);
  if (!text) {
    fputs("fltplay explain: out of memory\n", stderr);
    return CLI_FAILED;
  }
  if (found) fputs(text, stdout);
  else fprintf(stderr, "fltplay explain: %s", text);
  fp_string_free(text);
  return found ? CLI_OK : CLI_BAD_INPUT;
}
