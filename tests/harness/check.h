/* check.h: the unit-test harness. Plain C11, so the same tests build with gcc, clang and
 * emcc (and run natively, under sanitizers and as wasm under Node).
 *
 *   static void version_should_be_semver(check_ctx *t) { CHECK(t, strlen(fp_version()) >= 5); }
 *   static const check_case cases[] = { CHECK_CASE(version_should_be_semver) };
 *   int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
 *
 * A failed check records file:line and the message, and the case goes on (so one run shows
 * every failure); `CHECK_OR_RETURN` stops the case. Arguments to the executable select cases
 * by name. Output ends with "N passed, N failed"; the exit status is 1 when any case failed. */
#ifndef FLTPLAY_CHECK_H
#define FLTPLAY_CHECK_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct check_ctx {
  const char *name; /* the running case */
  int failures;     /* failed checks in the running case */
} check_ctx;

typedef struct check_case {
  const char *name;
  void (*fn)(check_ctx *t);
} check_case;

#define CHECK_CASE(fn) { #fn, fn }
#define CHECK_COUNT(cases) (sizeof(cases) / sizeof((cases)[0]))

static inline int check_fail_(check_ctx *t, const char *file, int line, const char *what) {
  t->failures++;
  printf("  %s:%d: %s: %s\n", file, line, t->name, what);
  return 0;
}

#define CHECK(t, cond) ((cond) ? 1 : check_fail_((t), __FILE__, __LINE__, "expected " #cond))

#define CHECK_OR_RETURN(t, cond) \
  do {                           \
    if (!CHECK(t, cond)) return; \
  } while (0)

#define CHECK_INT(t, actual, expected)                                                          \
  do {                                                                                          \
    int64_t a_ = (int64_t)(actual), e_ = (int64_t)(expected);                                   \
    if (a_ != e_) {                                                                             \
      char m_[256];                                                                             \
      snprintf(m_, sizeof m_, "%s is %" PRId64 " (0x%" PRIx64 "), expected %" PRId64 " (0x%" PRIx64 ")", \
               #actual, a_, (uint64_t)a_, e_, (uint64_t)e_);                                    \
      check_fail_((t), __FILE__, __LINE__, m_);                                                 \
    }                                                                                           \
  } while (0)

#define CHECK_STR(t, actual, expected)                                                  \
  do {                                                                                  \
    const char *a_ = (actual), *e_ = (expected);                                        \
    if (!a_ || !e_ || strcmp(a_, e_) != 0) {                                            \
      char m_[1024];                                                                    \
      snprintf(m_, sizeof m_, "%s is \"%.400s\", expected \"%.400s\"", #actual,         \
               a_ ? a_ : "(null)", e_ ? e_ : "(null)");                                 \
      check_fail_((t), __FILE__, __LINE__, m_);                                         \
    }                                                                                   \
  } while (0)

#define CHECK_CONTAINS(t, haystack, needle)                                             \
  do {                                                                                  \
    const char *h_ = (haystack), *n_ = (needle);                                        \
    if (!h_ || !n_ || !strstr(h_, n_)) {                                                \
      char m_[1024];                                                                    \
      snprintf(m_, sizeof m_, "%s (\"%.400s\") does not contain \"%.300s\"", #haystack, \
               h_ ? h_ : "(null)", n_ ? n_ : "(null)");                                 \
      check_fail_((t), __FILE__, __LINE__, m_);                                         \
    }                                                                                   \
  } while (0)

static inline int check_selected_(const char *name, int argc, char **argv) {
  if (argc <= 1) return 1;
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], name) == 0) return 1;
  return 0;
}

static inline int check_main(const check_case *cases, size_t count, int argc, char **argv) {
  int passed = 0, failed = 0;
  for (size_t i = 0; i < count; i++) {
    if (!check_selected_(cases[i].name, argc, argv)) continue;
    check_ctx t = { cases[i].name, 0 };
    cases[i].fn(&t);
    if (t.failures) {
      printf("FAIL %s\n", cases[i].name);
      failed++;
    } else {
      printf("ok   %s\n", cases[i].name);
      passed++;
    }
  }
  if (passed + failed == 0) {
    printf("no case matched\n");
    return 1;
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

#endif
