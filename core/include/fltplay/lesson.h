/* lesson.h: lessons (docs/lessons.md) and the goal checker, shared by `fltplay check`, the
 * browser (through fp_lesson_check_json) and the tests. A lesson is a folder; its lesson.json
 * holds the metadata, the scenario with its variants and the goals, checks over the trace
 * ("no violation", "PostRead ran at PASSIVE_LEVEL", "the write ended with
 * STATUS_ACCESS_DENIED", ...). Checking runs the learner's driver (or the lesson's solution)
 * in every variant and evaluates each goal on each variant's trace: passed or failed, the
 * step (event seq) where it failed or is best shown, and a reason (a text ID and parameters).
 *
 * Everything works from strings, so the WebAssembly build uses the same code; the host reads
 * the files.
 *
 * Ownership: fp_lesson_parse returns a lesson freed with fp_lesson_free; fp_lesson_check
 * returns a report freed with fp_lesson_report_free; `const char *` results are owned by the
 * lesson; every `char *` result is freed with fp_string_free. Nothing passed in is kept. */
#ifndef FLTPLAY_LESSON_H
#define FLTPLAY_LESSON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_lesson fp_lesson;
typedef struct fp_lesson_report fp_lesson_report;

/* The lesson format's version this core reads. */
#define FP_LESSON_VERSION 1

/* Reads and checks lesson.json (`json`, `length` bytes), named `file_name` in diagnostics:
 * the lesson's fields, its scenario and every goal. Never NULL unless memory runs out;
 * fp_lesson_valid says whether it can be checked. Caller frees with fp_lesson_free. */
fp_lesson *fp_lesson_parse(const char *file_name, const char *json, size_t length);

/* Releases a lesson; NULL is allowed. */
void fp_lesson_free(fp_lesson *l);

/* 1 when the lesson was read without errors, else 0. */
int fp_lesson_valid(const fp_lesson *l);

/* The lesson's diagnostics as "file:line:col: error: PATH: message" lines in `locale`; "" when
 * there are none. Caller frees with fp_string_free. */
char *fp_lesson_diagnostics(const fp_lesson *l, const char *locale);

/* The diagnostics as a JSON array of {severity, id, message, file, line, column, end_line,
 * end_column}. Caller frees with fp_string_free. */
char *fp_lesson_diagnostics_json(const fp_lesson *l, const char *locale);

/* The lesson's id ("" when it could not be read). */
const char *fp_lesson_id(const fp_lesson *l);

/* The source name the scenario's filters give the learner's driver ("driver.c" unless the
 * lesson says otherwise): checking gives it the solution's text. */
const char *fp_lesson_driver(const fp_lesson *l);

/* The number of other driver sources the lesson ships (filters of its stack that are not
 * the learner's), which the host reads from the lesson's folder. */
size_t fp_lesson_source_count(const fp_lesson *l);

/* Other source `i` (a file name relative to the lesson's folder), or NULL. */
const char *fp_lesson_source(const fp_lesson *l, size_t i);

/* The number of scenario variants (0 when the lesson is invalid). */
size_t fp_lesson_variant_count(const fp_lesson *l);

/* The name of variant `i`, or NULL. */
const char *fp_lesson_variant_name(const fp_lesson *l, size_t i);

/* The number of goals. */
size_t fp_lesson_goal_count(const fp_lesson *l);

/* The id of goal `i`, or NULL. */
const char *fp_lesson_goal_id(const fp_lesson *l, size_t i);

/* One source's text, by the name the scenario gives it. */
typedef struct fp_lesson_source_text {
  const char *name;
  const char *text;
  size_t length;
} fp_lesson_source_text;

/* What to check. */
typedef struct fp_lesson_check_request {
  const char *solution;                  /* the driver to check (the learner's or solution.c) */
  size_t solution_length;
  const char *solution_name;             /* its name in diagnostics (NULL: "solution.c") */
  const fp_lesson_source_text *sources;  /* the lesson's other sources */
  size_t source_count;
  const char *variant;                   /* one variant by name (NULL: every variant) */
  const char *locale;                    /* texts of the report: "en", "zh-Hans", "zh-Hant" (NULL: "en") */
} fp_lesson_check_request;

/* Compiles the solution with the lesson's other sources, runs the chosen variants and
 * evaluates every goal that applies to each. Never NULL unless memory runs out; an invalid
 * lesson, an unknown variant, a missing source or a driver that does not compile give a
 * report that says so. Caller frees with fp_lesson_report_free. */
fp_lesson_report *fp_lesson_check(const fp_lesson *l, const fp_lesson_check_request *q);

/* Releases a report; NULL is allowed. */
void fp_lesson_report_free(fp_lesson_report *r);

/* The CLI's exit code for the report: 0 every goal passed, 1 a goal failed, 2 the driver
 * does not compile, 3 the lesson, a variant's name or a source is invalid. */
int fp_lesson_report_exit_code(const fp_lesson_report *r);

/* The report as JSON (docs/lessons.md, "Results"). Caller frees with fp_string_free. */
char *fp_lesson_report_json(const fp_lesson_report *r);

/* The report as text for a terminal: the variants' ends, then each goal, PASS or FAIL, with
 * the variant, step and reason of every failure. Caller frees with fp_string_free. */
char *fp_lesson_report_text(const fp_lesson_report *r);

/* Checks from one JSON request {lesson: TEXT|OBJECT, lesson_name?, solution: TEXT,
 * solution_name?, sources?: {NAME: TEXT}, variant?, locale?} and returns the report's JSON
 * (a request that cannot be read gives a report with status "bad_input"). For hosts that
 * speak JSON (the WebAssembly binding). Never NULL unless memory runs out. Caller frees with
 * fp_string_free. */
char *fp_lesson_check_json(const char *request_json, size_t length);

#ifdef __cplusplus
}
#endif
#endif
