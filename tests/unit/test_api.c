/* The JSON request entry point (core/api/api.c). */
#include "fltplay/fltplay.h"
#include "check.h"

#include <stdlib.h>

static char *request(const char *json) { return fp_request(json, strlen(json)); }

static void version_should_be_major_minor_patch(check_ctx *t) {
  const char *v = fp_version();
  int major = -1, minor = -1, patch = -1;
  CHECK_INT(t, sscanf(v, "%d.%d.%d", &major, &minor, &patch), 3);
  CHECK(t, major >= 0 && minor >= 0 && patch >= 0);
}

static void version_request_should_answer_with_the_version(check_ctx *t) {
  char *r = request("{\"cmd\":\"version\"}");
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_CONTAINS(t, r, "\"ok\":true");
  char expected[64];
  snprintf(expected, sizeof expected, "\"version\":\"%s\"", fp_version());
  CHECK_CONTAINS(t, r, expected);
  fp_string_free(r);
}

static void echo_should_round_trip_nested_json(check_ctx *t) {
  char *r = request("{\"cmd\":\"echo\",\"payload\":{\"irql\":\"DISPATCH_LEVEL\",\"n\":[1,2,3]}}");
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_STR(t, r, "{\"ok\":true,\"payload\":{\"irql\":\"DISPATCH_LEVEL\",\"n\":[1,2,3]}}");
  fp_string_free(r);
}

static void malformed_json_should_report_line_and_column(check_ctx *t) {
  char *r = request("{\"cmd\":\n  \"echo\",, }");
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_CONTAINS(t, r, "\"ok\":false");
  CHECK_CONTAINS(t, r, "\"code\":\"request.bad_json\"");
  CHECK_CONTAINS(t, r, "\"line\":2");
  CHECK_CONTAINS(t, r, "\"column\":10");
  fp_string_free(r);
}

static void missing_cmd_should_be_an_error(check_ctx *t) {
  char *r = request("[1,2]");
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_CONTAINS(t, r, "\"code\":\"request.no_cmd\"");
  fp_string_free(r);
}

static void unknown_cmd_should_be_an_error(check_ctx *t) {
  char *r = request("{\"cmd\":\"fly\"}");
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_CONTAINS(t, r, "\"code\":\"request.unknown_cmd\"");
  fp_string_free(r);
}

static void null_request_should_be_an_error_not_a_crash(check_ctx *t) {
  char *r = fp_request(NULL, 0);
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_CONTAINS(t, r, "\"code\":\"request.null\"");
  fp_string_free(r);
}

static void length_should_bound_the_request(check_ctx *t) {
  const char *text = "{\"cmd\":\"version\"}garbage";
  char *r = fp_request(text, 17);
  CHECK_OR_RETURN(t, r != NULL);
  CHECK_CONTAINS(t, r, "\"ok\":true");
  fp_string_free(r);
}

static const check_case cases[] = {
  CHECK_CASE(version_should_be_major_minor_patch),
  CHECK_CASE(version_request_should_answer_with_the_version),
  CHECK_CASE(echo_should_round_trip_nested_json),
  CHECK_CASE(malformed_json_should_report_line_and_column),
  CHECK_CASE(missing_cmd_should_be_an_error),
  CHECK_CASE(unknown_cmd_should_be_an_error),
  CHECK_CASE(null_request_should_be_an_error_not_a_crash),
  CHECK_CASE(length_should_bound_the_request),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
