/* fltplay: the native command-line host of the core.
 * Exit codes (docs/cli.md): 0 success, 1 a goal failed or the run ended in a violation,
 * 2 the driver does not compile, 3 invalid scenario, lesson or arguments. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "fltplay/fltplay.h"

static const char usage[] =
    "usage: fltplay [--help] [--version] COMMAND [ARGS]\n"
    "\n"
    "fltplay runs Windows file-system minifilters in a model of the Filter Manager\n"
    "and shows, step by step, which callback runs at which IRQL in which thread.\n"
    "\n"
    "commands:\n"
    "  run INPUT         run a scenario (.json) or a driver alone (.c) and print the trace\n"
    "  lint DRIVER.c     compile a driver and print its diagnostics\n"
    "  check LESSON_DIR  check a lesson's solution (or --solution FILE.c) against its goals\n"
    "  explain TOPIC     what a rule ID or a bug check means, why, and the fix\n"
    "  request JSON      send one JSON request to the core and print its JSON result\n"
    "\n"
    "options:\n"
    "  -h, --help        show this help and exit (COMMAND --help: the command's help)\n"
    "  --version         print the version and exit\n"
    "\n"
    "Exit codes: 0 success; 1 the run ended in a violation, bug check, hang or budget;\n"
    "2 the driver does not compile; 3 invalid scenario or arguments.\n"
    "Documentation: docs/cli.md\n";

int cli_is_help(const char *arg) { return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0; }

int cli_usage_error(const char *cmd, const char *message, const char *arg) {
  if (arg) fprintf(stderr, "fltplay %s: %s: '%s' (see fltplay %s --help)\n", cmd, message, arg, cmd);
  else fprintf(stderr, "fltplay %s: %s (see fltplay %s --help)\n", cmd, message, cmd);
  return CLI_BAD_INPUT;
}

int cli_request(int argc, char **argv) {
  if (argc != 1 || cli_is_help(argv[0])) {
    FILE *out = argc == 1 ? stdout : stderr;
    fputs("usage: fltplay request JSON\n"
          "Sends JSON to the core (docs/api.md) and prints the result.\n", out);
    return argc == 1 ? CLI_OK : CLI_BAD_INPUT;
  }
  char *result = fp_request(argv[0], strlen(argv[0]));
  if (!result) {
    fputs("fltplay: out of memory\n", stderr);
    return CLI_FAILED;
  }
  puts(result);
  int ok = strncmp(result, "{\"ok\":true", 10) == 0;
  fp_string_free(result);
  return ok ? CLI_OK : CLI_BAD_INPUT;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return CLI_BAD_INPUT;
  }
  const char *cmd = argv[1];
  if (cli_is_help(cmd) || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return CLI_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("fltplay %s\n", fp_version());
    return CLI_OK;
  }
  if (strcmp(cmd, "request") == 0) return cli_request(argc - 2, argv + 2);
  if (strcmp(cmd, "run") == 0) return cli_run(argc - 2, argv + 2);
  if (strcmp(cmd, "lint") == 0) return cli_lint(argc - 2, argv + 2);
  if (strcmp(cmd, "explain") == 0) return cli_explain(argc - 2, argv + 2);
  if (strcmp(cmd, "check") == 0) return cli_check(argc - 2, argv + 2);
  fprintf(stderr, "fltplay: unknown command '%s' (see fltplay --help)\n", cmd);
  return CLI_BAD_INPUT;
}
