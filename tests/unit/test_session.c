/* JSON sessions (fltplay/session.h): a driver alone, a scenario with its sources, slices,
 * chunks, and bad requests, as the browser's worker drives them. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fltplay/fltplay.h"
#include "fltplay/session.h"

static const char *const pass_through =
    "#include <fltKernel.h>\\n"
    "PFLT_FILTER gFilter;\\n"
    "FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context) {\\n"
    "  UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);\\n"
    "  return FLT_PREOP_SUCCESS_NO_CALLBACK;\\n"
    "}\\n"
    "CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };\\n"
    "CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,\\n"
    "  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };\\n"
    "NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {\\n"
    "  UNREFERENCED_PARAMETER(RegistryPath);\\n"
    "  NTSTATUS status = FltRegisterFilter(DriverObject, &Registration, &gFilter);\\n"
    "  if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);\\n"
    "  return status;\\n"
    "}\\n";

/* Opens a session from `head` + `arg` + `tail`. */
static fp_session *open_request3(const char *head, const char *arg, const char *tail) {
  size_t n = strlen(head) + strlen(arg) + strlen(tail) + 1;
  char *request = malloc(n);
  if (!request) return NULL;
  snprintf(request, n, "%s%s%s", head, arg, tail);
  fp_session *s = fp_session_open(request, strlen(request));
  free(request);
  return s;
}

static void a_driver_alone_runs_in_slices_and_hands_its_trace_over(check_ctx *t) {
  fp_session *s = open_request3("{\"driver\": \"pt.c\", \"sources\": {\"pt.c\": \"", pass_through, "\"}, \"all_variants\": true}");
  CHECK_OR_RETURN(t, s != NULL);
  char *info = fp_session_info(s);
  CHECK_CONTAINS(t, info, "\"ok\":true");
  CHECK_CONTAINS(t, info, "\"variants\":[{\"name\":\"synchronous\",\"events\":0},{\"name\":\"asynchronous\",\"events\":0}]");
  CHECK_CONTAINS(t, info, "\"default_scenario\":{");
  fp_string_free(info);
  /* Slices of 10 events until the end. */
  int slices = 0;
  char *step = NULL;
  do {
    fp_string_free(step);
    step = fp_session_step(s, 0, 10);
    slices++;
  } while (step && strstr(step, "\"end\":null") && slices < 1000);
  CHECK(t, slices > 2);
  CHECK_CONTAINS(t, step, "\"end\":\"completed\"");
  CHECK_CONTAINS(t, step, "\"exit_code\":0");
  fp_string_free(step);
  char *header = fp_session_trace(s, 0, UINT32_MAX, 0);
  CHECK_CONTAINS(t, header, "\"format\":\"fltplay-trace\"");
  CHECK_CONTAINS(t, header, "\"events\":[]");
  CHECK_CONTAINS(t, header, "\"reason\":\"completed\"");
  fp_string_free(header);
  char *chunk = fp_session_trace(s, 0, 0, 5);
  CHECK_CONTAINS(t, chunk, "\"format\":\"fltplay-trace-chunk\"");
  CHECK_CONTAINS(t, chunk, "\"kind\":\"run_start\"");
  fp_string_free(chunk);
  CHECK(t, fp_session_trace(s, 2, 0, 5) == NULL);
  char *bad = fp_session_step(s, 7, 0);
  CHECK_CONTAINS(t, bad, "session.no_variant");
  fp_string_free(bad);
  fp_session_close(s);
}

static void a_compile_error_comes_back_with_its_position(check_ctx *t) {
  fp_session *s = open_request3("{\"driver\": \"bad.c\", \"sources\": {\"bad.c\": \"", "int f(void) { return 1 }\\n", "\"}}");
  char *info = fp_session_info(s);
  CHECK_CONTAINS(t, info, "\"status\":\"does_not_compile\"");
  CHECK_CONTAINS(t, info, "\"exit_code\":2");
  CHECK_CONTAINS(t, info, "\"file\":\"bad.c\",\"line\":1");
  CHECK_CONTAINS(t, info, "\"variants\":[]");
  fp_string_free(info);
  fp_session_close(s);
}

static void bad_requests_are_explained(check_ctx *t) {
  fp_session *s = fp_session_open("[1,", 3);
  char *info = fp_session_info(s);
  CHECK_CONTAINS(t, info, "request.bad_json");
  CHECK_CONTAINS(t, info, "\"exit_code\":3");
  fp_string_free(info);
  fp_session_close(s);
  s = open_request3("{\"scenario\": ", "{\"format\": \"fltplay-scenario\", \"version\": 1, \"filters\": [{\"name\": \"A\", \"altitude\": \"1\", \"source\": \"gone.c\"}]}", ", \"sources\": {}}");
  info = fp_session_info(s);
  CHECK_CONTAINS(t, info, "\"status\":\"bad_input\"");
  CHECK_CONTAINS(t, info, "cannot read the driver source \\\"gone.c\\\"");
  fp_string_free(info);
  fp_session_close(s);
  s = open_request3("{\"scenario\": ", "{\"format\": \"fltplay-scenario\", \"version\": 1, \"sede\": 3}", "}");
  info = fp_session_info(s);
  CHECK_CONTAINS(t, info, "did you mean \\\"seed\\\"?");
  fp_string_free(info);
  fp_session_close(s);
  fp_session_close(NULL);
  CHECK(t, fp_session_info(NULL) == NULL);
}

static const check_case cases[] = {
  CHECK_CASE(a_driver_alone_runs_in_slices_and_hands_its_trace_over),
  CHECK_CASE(a_compile_error_comes_back_with_its_position),
  CHECK_CASE(bad_requests_are_explained),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
