/* cli.h: the commands of the native command line; each takes the arguments after its name
 * and returns the process's exit code (docs/cli.md). */
#ifndef FP_CLI_CLI_H
#define FP_CLI_CLI_H

#include <stdio.h>

/* Exit codes shared by every command (DESIGN.md). */
enum {
  CLI_OK = 0,          /* ran to the end with no violation */
  CLI_FAILED = 1,      /* a goal failed, or the run ended in a violation, bug check, hang or budget */
  CLI_NO_COMPILE = 2,  /* the driver does not compile */
  CLI_BAD_INPUT = 3    /* the scenario, lesson or arguments are invalid */
};

/* `fltplay explain TOPIC [--lang L]`. */
int cli_explain(int argc, char **argv);

/* `fltplay run SCENARIO.json|DRIVER.c [...]`. */
int cli_run(int argc, char **argv);

/* `fltplay lint DRIVER.c [...]`. */
int cli_lint(int argc, char **argv);

/* `fltplay check LESSON_DIR [...]`. */
int cli_check(int argc, char **argv);

/* `fltplay request JSON`. */
int cli_request(int argc, char **argv);

/* 1 when `arg` asks for help ("-h" or "--help"). */
int cli_is_help(const char *arg);

/* Reports a usage mistake ("fltplay CMD: message") and returns CLI_BAD_INPUT. */
int cli_usage_error(const char *cmd, const char *message, const char *arg);

#endif
