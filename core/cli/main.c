/* fltplay: the native command-line host of the core.
 * Exit codes (docs/cli.md): 0 success, 1 a goal failed or the run ended in a violation,
 * 2 the driver does not compile, 3 invalid scenario, lesson or arguments. */
#include "fltplay/fltplay.h"

#include <stdio.h>
#include <string.h>

enum { EXIT_OK = 0, EXIT_BAD_INPUT = 3 };

static const char usage[] =
    "usage: fltplay [--help] [--version] COMMAND [ARGS]\n"
    "\n"
    "fltplay runs Windows file-system minifilters in a model of the Filter Manager\n"
    "and shows, step by step, which callback runs at which IRQL in which thread.\n"
    "\n"
    "commands:\n"
    "  request JSON      send one JSON request to the core and print its JSON result\n"
    "\n"
    "options:\n"
    "  -h, --help        show this help and exit\n"
    "  --version         print the version and exit\n"
    "\n"
    "Documentation: docs/cli.md\n";

static int cmd_request(int argc, char **argv) {
  if (argc != 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
    FILE *out = argc == 1 ? stdout : stderr;
    fputs("usage: fltplay request JSON\n"
          "Sends JSON to the core (docs/api.md) and prints the result.\n", out);
    return argc == 1 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  char *result = fp_request(argv[0], strlen(argv[0]));
  if (!result) {
    fputs("fltplay: out of memory\n", stderr);
    return 1;
  }
  puts(result);
  int ok = strncmp(result, "{\"ok\":true", 10) == 0;
  fp_string_free(result);
  return ok ? EXIT_OK : EXIT_BAD_INPUT;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_BAD_INPUT;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("fltplay %s\n", fp_version());
    return EXIT_OK;
  }
  if (strcmp(cmd, "request") == 0) return cmd_request(argc - 2, argv + 2);
  fprintf(stderr, "fltplay: unknown command '%s' (see fltplay --help)\n", cmd);
  return EXIT_BAD_INPUT;
}
