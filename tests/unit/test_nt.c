/* core/nt: Windows constants (catalogue §0 CONST-1..7), name lookups, flag rendering, the
 * constant table and the bug-check table. Expected numbers are written by hand from the
 * catalogue and Microsoft's documentation, never read back from the lists. */
#include <stdio.h>
#include <string.h>

#include "nt/nt.h"
#include "check.h"

static void const1_callback_statuses_should_have_their_wdk_values(check_ctx *t) {
  CHECK_INT(t, FLT_PREOP_SUCCESS_WITH_CALLBACK, 0);
  CHECK_INT(t, FLT_PREOP_SUCCESS_NO_CALLBACK, 1);
  CHECK_INT(t, FLT_PREOP_PENDING, 2);
  CHECK_INT(t, FLT_PREOP_DISALLOW_FASTIO, 3);
  CHECK_INT(t, FLT_PREOP_COMPLETE, 4);
  CHECK_INT(t, FLT_PREOP_SYNCHRONIZE, 5);
  CHECK_INT(t, FLT_PREOP_DISALLOW_FSFILTER_IO, 6);
  CHECK_INT(t, FLT_POSTOP_FINISHED_PROCESSING, 0);
  CHECK_INT(t, FLT_POSTOP_MORE_PROCESSING_REQUIRED, 1);
  CHECK_INT(t, FLT_POSTOP_DISALLOW_FSFILTER_IO, 2);
}

static void const2_callback_data_flags_should_have_their_wdk_values(check_ctx *t) {
  CHECK_INT(t, FLTFL_CALLBACK_DATA_IRP_OPERATION, 0x1);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_FAST_IO_OPERATION, 0x2);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_FS_FILTER_OPERATION, 0x4);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_SYSTEM_BUFFER, 0x8);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_GENERATED_IO, 0x10000);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_REISSUED_IO, 0x20000);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_DRAINING_IO, 0x40000);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_POST_OPERATION, 0x80000);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_NEW_SYSTEM_BUFFER, 0x100000);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_DIRTY, 0x80000000u);
  CHECK_INT(t, FLTFL_CALLBACK_DATA_REISSUE_MASK, 0xFFFF);
}

static void const3_post_operation_draining_should_be_one(check_ctx *t) {
  CHECK_INT(t, FLTFL_POST_OPERATION_DRAINING, 0x1);
}

static void const4_operation_codes_should_have_their_wdk_values(check_ctx *t) {
  CHECK_INT(t, IRP_MJ_CREATE, 0x00);
  CHECK_INT(t, IRP_MJ_CREATE_NAMED_PIPE, 0x01);
  CHECK_INT(t, IRP_MJ_CLOSE, 0x02);
  CHECK_INT(t, IRP_MJ_READ, 0x03);
  CHECK_INT(t, IRP_MJ_WRITE, 0x04);
  CHECK_INT(t, IRP_MJ_QUERY_INFORMATION, 0x05);
  CHECK_INT(t, IRP_MJ_SET_INFORMATION, 0x06);
  CHECK_INT(t, IRP_MJ_QUERY_EA, 0x07);
  CHECK_INT(t, IRP_MJ_SET_EA, 0x08);
  CHECK_INT(t, IRP_MJ_FLUSH_BUFFERS, 0x09);
  CHECK_INT(t, IRP_MJ_QUERY_VOLUME_INFORMATION, 0x0a);
  CHECK_INT(t, IRP_MJ_SET_VOLUME_INFORMATION, 0x0b);
  CHECK_INT(t, IRP_MJ_DIRECTORY_CONTROL, 0x0c);
  CHECK_INT(t, IRP_MJ_FILE_SYSTEM_CONTROL, 0x0d);
  CHECK_INT(t, IRP_MJ_DEVICE_CONTROL, 0x0e);
  CHECK_INT(t, IRP_MJ_INTERNAL_DEVICE_CONTROL, 0x0f);
  CHECK_INT(t, IRP_MJ_SHUTDOWN, 0x10);
  CHECK_INT(t, IRP_MJ_LOCK_CONTROL, 0x11);
  CHECK_INT(t, IRP_MJ_CLEANUP, 0x12);
  CHECK_INT(t, IRP_MJ_CREATE_MAILSLOT, 0x13);
  CHECK_INT(t, IRP_MJ_QUERY_SECURITY, 0x14);
  CHECK_INT(t, IRP_MJ_SET_SECURITY, 0x15);
  CHECK_INT(t, IRP_MJ_POWER, 0x16);
  CHECK_INT(t, IRP_MJ_SYSTEM_CONTROL, 0x17);
  CHECK_INT(t, IRP_MJ_DEVICE_CHANGE, 0x18);
  CHECK_INT(t, IRP_MJ_QUERY_QUOTA, 0x19);
  CHECK_INT(t, IRP_MJ_SET_QUOTA, 0x1a);
  CHECK_INT(t, IRP_MJ_PNP, 0x1b);
  CHECK_INT(t, IRP_MJ_MAXIMUM_FUNCTION, 0x1b);
  /* The FltMgr-only codes are negative UCHARs: 256 - n. */
  CHECK_INT(t, IRP_MJ_ACQUIRE_FOR_SECTION_SYNCHRONIZATION, 0xFF);
  CHECK_INT(t, IRP_MJ_RELEASE_FOR_SECTION_SYNCHRONIZATION, 0xFE);
  CHECK_INT(t, IRP_MJ_ACQUIRE_FOR_MOD_WRITE, 0xFD);
  CHECK_INT(t, IRP_MJ_RELEASE_FOR_MOD_WRITE, 0xFC);
  CHECK_INT(t, IRP_MJ_ACQUIRE_FOR_CC_FLUSH, 0xFB);
  CHECK_INT(t, IRP_MJ_RELEASE_FOR_CC_FLUSH, 0xFA);
  CHECK_INT(t, IRP_MJ_QUERY_OPEN, 0xF9);
  CHECK_INT(t, IRP_MJ_FAST_IO_CHECK_IF_POSSIBLE, 0xF3);
  CHECK_INT(t, IRP_MJ_NETWORK_QUERY_OPEN, 0xF2);
  CHECK_INT(t, IRP_MJ_MDL_READ, 0xF1);
  CHECK_INT(t, IRP_MJ_MDL_READ_COMPLETE, 0xF0);
  CHECK_INT(t, IRP_MJ_PREPARE_MDL_WRITE, 0xEF);
  CHECK_INT(t, IRP_MJ_MDL_WRITE_COMPLETE, 0xEE);
  CHECK_INT(t, IRP_MJ_VOLUME_MOUNT, 0xED);
  CHECK_INT(t, IRP_MJ_VOLUME_DISMOUNT, 0xEC);
  CHECK_INT(t, IRP_MJ_OPERATION_END, 0x80);
}

static void const5_fs_filter_operations_should_be_the_seven_documented(check_ctx *t) {
  int n = 0;
  for (unsigned m = 0; m < 256; m++) n += fp_nt_major_is_fs_filter((unsigned char)m);
  CHECK_INT(t, n, 7);
  CHECK(t, fp_nt_major_is_fs_filter((unsigned char)-1));
  CHECK(t, fp_nt_major_is_fs_filter((unsigned char)-6));
  CHECK(t, fp_nt_major_is_fs_filter((unsigned char)-7));
  CHECK(t, !fp_nt_major_is_fs_filter((unsigned char)-14)); /* NETWORK_QUERY_OPEN is fast I/O */
  CHECK(t, !fp_nt_major_is_fs_filter(0x03));
}

static void const6_filter_manager_statuses_should_have_their_values(check_ctx *t) {
  CHECK_INT(t, STATUS_FLT_DISALLOW_FAST_IO, 0xC01C0004u);
  CHECK_INT(t, STATUS_FLT_INVALID_NAME_REQUEST, 0xC01C0005u);
  CHECK_INT(t, STATUS_FLT_NOT_SAFE_TO_POST_OPERATION, 0xC01C0006u);
  CHECK_INT(t, STATUS_FLT_DELETING_OBJECT, 0xC01C000Bu);
  CHECK_INT(t, STATUS_FLT_NO_HANDLER_DEFINED, 0xC01C0001u);
  CHECK_INT(t, STATUS_FLT_CONTEXT_ALREADY_DEFINED, 0xC01C0002u);
  CHECK_INT(t, STATUS_FLT_NOT_INITIALIZED, 0xC01C0007u);
  CHECK_INT(t, STATUS_FLT_FILTER_NOT_READY, 0xC01C0008u);
  CHECK_INT(t, STATUS_FLT_POST_OPERATION_CLEANUP, 0xC01C0009u);
  CHECK_INT(t, STATUS_FLT_INTERNAL_ERROR, 0xC01C000Au);
  CHECK_INT(t, STATUS_FLT_DO_NOT_ATTACH, 0xC01C000Fu);
  CHECK_INT(t, STATUS_FLT_DO_NOT_DETACH, 0xC01C0010u);
  CHECK_INT(t, STATUS_FLT_INSTANCE_ALTITUDE_COLLISION, 0xC01C0011u);
  CHECK_INT(t, STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0xC01C0017u);
  CHECK_INT(t, STATUS_FLT_NAME_CACHE_MISS, 0xC01C0018u);
  CHECK_INT(t, STATUS_FLT_ALREADY_ENLISTED, 0xC01C001Bu);
}

static void const7_irp_flags_should_have_their_wdm_values(check_ctx *t) {
  CHECK_INT(t, IRP_NOCACHE, 0x1);
  CHECK_INT(t, IRP_PAGING_IO, 0x2);
  CHECK_INT(t, IRP_SYNCHRONOUS_API, 0x4);
  CHECK_INT(t, IRP_SYNCHRONOUS_PAGING_IO, 0x40);
  CHECK_INT(t, IRP_INPUT_OPERATION, 0x40);
  CHECK_INT(t, IRP_CREATE_OPERATION, 0x80);
  CHECK_INT(t, IRP_READ_OPERATION, 0x100);
  CHECK_INT(t, IRP_WRITE_OPERATION, 0x200);
  CHECK_INT(t, IRP_CLOSE_OPERATION, 0x400);
}

static void statuses_the_engine_needs_should_have_their_ntstatus_values(check_ctx *t) {
  CHECK_INT(t, STATUS_SUCCESS, 0);
  CHECK_INT(t, STATUS_PENDING, 0x103);
  CHECK_INT(t, STATUS_REPARSE, 0x104);
  CHECK_INT(t, STATUS_TIMEOUT, 0x102);
  CHECK_INT(t, STATUS_ALERTED, 0x101);
  CHECK_INT(t, STATUS_USER_APC, 0xC0);
  CHECK_INT(t, STATUS_BUFFER_OVERFLOW, 0x80000005u);
  CHECK_INT(t, STATUS_MORE_PROCESSING_REQUIRED, 0xC0000016u);
  CHECK_INT(t, STATUS_END_OF_FILE, 0xC0000011u);
  CHECK_INT(t, STATUS_INVALID_PARAMETER, 0xC000000Du);
  CHECK_INT(t, STATUS_ACCESS_DENIED, 0xC0000022u);
  CHECK_INT(t, STATUS_ACCESS_VIOLATION, 0xC0000005u);
  CHECK_INT(t, STATUS_INTEGER_DIVIDE_BY_ZERO, 0xC0000094u);
  CHECK_INT(t, STATUS_OBJECT_NAME_NOT_FOUND, 0xC0000034u);
  CHECK_INT(t, STATUS_OBJECT_NAME_COLLISION, 0xC0000035u);
  CHECK_INT(t, STATUS_OBJECT_PATH_NOT_FOUND, 0xC000003Au);
  CHECK_INT(t, STATUS_SHARING_VIOLATION, 0xC0000043u);
  CHECK_INT(t, STATUS_INSUFFICIENT_RESOURCES, 0xC000009Au);
  CHECK_INT(t, STATUS_UNSUCCESSFUL, 0xC0000001u);
  CHECK_INT(t, STATUS_NOT_SUPPORTED, 0xC00000BBu);
  CHECK_INT(t, STATUS_CANCELLED, 0xC0000120u);
  CHECK_INT(t, STATUS_INVALID_DEVICE_REQUEST, 0xC0000010u);
  CHECK_INT(t, STATUS_BUFFER_TOO_SMALL, 0xC0000023u);
  CHECK_INT(t, STATUS_INFO_LENGTH_MISMATCH, 0xC0000004u);
  CHECK_INT(t, STATUS_NOT_IMPLEMENTED, 0xC0000002u);
  CHECK_INT(t, STATUS_FILE_IS_A_DIRECTORY, 0xC00000BAu);
  CHECK_INT(t, STATUS_NOT_A_DIRECTORY, 0xC0000103u);
  CHECK_INT(t, STATUS_DELETE_PENDING, 0xC0000056u);
  CHECK_INT(t, STATUS_INVALID_PARAMETER_1, 0xC00000EFu);
  CHECK_INT(t, STATUS_INVALID_PARAMETER_2, 0xC00000F0u);
  CHECK_INT(t, STATUS_INVALID_PARAMETER_3, 0xC00000F1u);
  CHECK_INT(t, STATUS_INVALID_DEVICE_STATE, 0xC0000184u);
  CHECK_INT(t, STATUS_NO_MEMORY, 0xC0000017u);
  CHECK_INT(t, STATUS_STACK_OVERFLOW, 0xC00000FDu);
  /* Through variables, so the checks are not constant expressions. */
  fp_ntstatus ok = STATUS_PENDING, warn = STATUS_BUFFER_OVERFLOW, err = STATUS_ACCESS_DENIED;
  CHECK_INT(t, NT_SUCCESS(ok), 1);
  CHECK_INT(t, NT_SUCCESS(warn), 0);
  CHECK_INT(t, NT_SUCCESS(err), 0);
  CHECK_INT(t, NT_ERROR(err), 1);
  CHECK_INT(t, NT_ERROR(warn), 0);
}

static void irqls_should_have_their_x64_values(check_ctx *t) {
  CHECK_INT(t, PASSIVE_LEVEL, 0);
  CHECK_INT(t, LOW_LEVEL, 0);
  CHECK_INT(t, APC_LEVEL, 1);
  CHECK_INT(t, DISPATCH_LEVEL, 2);
  CHECK_INT(t, CMCI_LEVEL, 5);
  CHECK_INT(t, CLOCK_LEVEL, 13);
  CHECK_INT(t, IPI_LEVEL, 14);
  CHECK_INT(t, POWER_LEVEL, 14);
  CHECK_INT(t, PROFILE_LEVEL, 15);
  CHECK_INT(t, HIGH_LEVEL, 15);
  CHECK_INT(t, sizeof(fp_kirql), 1);
}

static void other_constants_should_have_their_documented_values(check_ctx *t) {
  CHECK_INT(t, FILE_SUPERSEDE, 0);
  CHECK_INT(t, FILE_OPEN, 1);
  CHECK_INT(t, FILE_CREATE, 2);
  CHECK_INT(t, FILE_OPEN_IF, 3);
  CHECK_INT(t, FILE_OVERWRITE, 4);
  CHECK_INT(t, FILE_OVERWRITE_IF, 5);
  CHECK_INT(t, FILE_DIRECTORY_FILE, 0x1);
  CHECK_INT(t, FILE_NON_DIRECTORY_FILE, 0x40);
  CHECK_INT(t, FILE_SYNCHRONOUS_IO_NONALERT, 0x20);
  CHECK_INT(t, FILE_NO_INTERMEDIATE_BUFFERING, 0x8);
  CHECK_INT(t, FILE_DELETE_ON_CLOSE, 0x1000);
  CHECK_INT(t, FILE_OPEN_BY_FILE_ID, 0x2000);
  CHECK_INT(t, FILE_OPEN_REPARSE_POINT, 0x200000);
  CHECK_INT(t, FILE_SUPERSEDED, 0);
  CHECK_INT(t, FILE_OPENED, 1);
  CHECK_INT(t, FILE_CREATED, 2);
  CHECK_INT(t, FILE_OVERWRITTEN, 3);
  CHECK_INT(t, FILE_EXISTS, 4);
  CHECK_INT(t, FILE_DOES_NOT_EXIST, 5);
  CHECK_INT(t, FILE_READ_DATA, 0x1);
  CHECK_INT(t, FILE_WRITE_DATA, 0x2);
  CHECK_INT(t, FILE_APPEND_DATA, 0x4);
  CHECK_INT(t, FILE_READ_ATTRIBUTES, 0x80);
  CHECK_INT(t, FILE_WRITE_ATTRIBUTES, 0x100);
  CHECK_INT(t, DELETE, 0x10000);
  CHECK_INT(t, SYNCHRONIZE, 0x100000);
  CHECK_INT(t, GENERIC_READ, 0x80000000u);
  CHECK_INT(t, GENERIC_WRITE, 0x40000000);
  CHECK_INT(t, GENERIC_ALL, 0x10000000);
  CHECK_INT(t, FILE_SHARE_READ, 1);
  CHECK_INT(t, FILE_SHARE_WRITE, 2);
  CHECK_INT(t, FILE_SHARE_DELETE, 4);
  CHECK_INT(t, FileBasicInformation, 4);
  CHECK_INT(t, FileStandardInformation, 5);
  CHECK_INT(t, FileNetworkOpenInformation, 34);
  CHECK_INT(t, FileStatInformation, 68);
  CHECK_INT(t, FileEndOfFileInformation, 20);
  CHECK_INT(t, FileDispositionInformation, 13);
  CHECK_INT(t, FileRenameInformation, 10);
  CHECK_INT(t, FILE_ATTRIBUTE_DIRECTORY, 0x10);
  CHECK_INT(t, FILE_ATTRIBUTE_NORMAL, 0x80);
  CHECK_INT(t, NonPagedPool, 0);
  CHECK_INT(t, PagedPool, 1);
  CHECK_INT(t, NonPagedPoolNx, 512);
  CHECK_INT(t, POOL_FLAG_UNINITIALIZED, 0x2);
  CHECK_INT(t, POOL_FLAG_NON_PAGED, 0x40);
  CHECK_INT(t, POOL_FLAG_NON_PAGED_EXECUTE, 0x80);
  CHECK_INT(t, POOL_FLAG_PAGED, 0x100);
  CHECK_INT(t, FLT_REGISTRATION_VERSION_0200, 0x200);
  CHECK_INT(t, FLT_REGISTRATION_VERSION_0203, 0x203);
  CHECK_INT(t, FLT_REGISTRATION_VERSION, 0x203);
  CHECK_INT(t, FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO, 1);
  CHECK_INT(t, FLTFL_OPERATION_REGISTRATION_SKIP_CACHED_IO, 2);
  CHECK_INT(t, FLTFL_OPERATION_REGISTRATION_SKIP_NON_DASD_IO, 4);
  CHECK_INT(t, FLTFL_INSTANCE_SETUP_AUTOMATIC_ATTACHMENT, 1);
  CHECK_INT(t, FLTFL_INSTANCE_TEARDOWN_FILTER_UNLOAD, 2);
  CHECK_INT(t, FLTFL_INSTANCE_TEARDOWN_INTERNAL_ERROR, 0x10);
  CHECK_INT(t, FLT_FILE_NAME_NORMALIZED, 1);
  CHECK_INT(t, FLT_FILE_NAME_OPENED, 2);
  CHECK_INT(t, FLT_FILE_NAME_SHORT, 3);
  CHECK_INT(t, FLT_FILE_NAME_QUERY_DEFAULT, 0x100);
  CHECK_INT(t, FLT_FILE_NAME_QUERY_CACHE_ONLY, 0x200);
  CHECK_INT(t, FLT_FILE_NAME_QUERY_FILESYSTEM_ONLY, 0x300);
  CHECK_INT(t, FLT_FILE_NAME_REQUEST_FROM_CURRENT_PROVIDER, 0x01000000);
  CHECK_INT(t, KernelMode, 0);
  CHECK_INT(t, UserMode, 1);
  CHECK_INT(t, CriticalWorkQueue, 0);
  CHECK_INT(t, DelayedWorkQueue, 1);
  CHECK_INT(t, HyperCriticalWorkQueue, 2);
  CHECK_INT(t, EXCEPTION_EXECUTE_HANDLER, 1);
  CHECK_INT(t, EXCEPTION_CONTINUE_SEARCH, 0);
  CHECK_INT(t, EXCEPTION_CONTINUE_EXECUTION, -1);
  CHECK_INT(t, FO_FILE_OPEN, 0x1);
  CHECK_INT(t, FO_SYNCHRONOUS_IO, 0x2);
  CHECK_INT(t, FO_NO_INTERMEDIATE_BUFFERING, 0x8);
  CHECK_INT(t, FO_CACHE_SUPPORTED, 0x40);
  CHECK_INT(t, FO_STREAM_FILE, 0x100);
  CHECK_INT(t, FO_DIRECT_DEVICE_OPEN, 0x800);
  CHECK_INT(t, FO_CLEANUP_COMPLETE, 0x4000);
  CHECK_INT(t, FO_HANDLE_CREATED, 0x40000);
  CHECK_INT(t, FO_FILE_OPEN_CANCELLED, 0x200000);
  CHECK_INT(t, FO_VOLUME_OPEN, 0x400000);
}

static void status_names_should_be_found_by_value(check_ctx *t) {
  CHECK_STR(t, fp_nt_status_name(0xC0000022u), "STATUS_ACCESS_DENIED");
  CHECK_STR(t, fp_nt_status_name(0), "STATUS_SUCCESS");
  CHECK_STR(t, fp_nt_status_name(0x103), "STATUS_PENDING");
  CHECK_STR(t, fp_nt_status_name(0xC01C0004u), "STATUS_FLT_DISALLOW_FAST_IO");
  CHECK(t, fp_nt_status_name(0xC0DEDEADu) == NULL);
}

static void irql_names_should_prefer_the_canonical_name(check_ctx *t) {
  CHECK_STR(t, fp_nt_irql_name(0), "PASSIVE_LEVEL");
  CHECK_STR(t, fp_nt_irql_name(1), "APC_LEVEL");
  CHECK_STR(t, fp_nt_irql_name(2), "DISPATCH_LEVEL");
  CHECK_STR(t, fp_nt_irql_name(14), "IPI_LEVEL");
  CHECK_STR(t, fp_nt_irql_name(15), "HIGH_LEVEL");
  CHECK(t, fp_nt_irql_name(3) == NULL);
  CHECK(t, fp_nt_irql_name(16) == NULL);
  CHECK(t, fp_nt_irql_name(256) == NULL);
}

static void major_names_should_cover_standard_and_filter_manager_codes(check_ctx *t) {
  CHECK_STR(t, fp_nt_major_name(0x00), "IRP_MJ_CREATE");
  CHECK_STR(t, fp_nt_major_name(0x1b), "IRP_MJ_PNP");
  CHECK_STR(t, fp_nt_major_name(0x12), "IRP_MJ_CLEANUP");
  CHECK_STR(t, fp_nt_major_name((unsigned char)-7), "IRP_MJ_QUERY_OPEN");
  CHECK_STR(t, fp_nt_major_name((unsigned char)-1), "IRP_MJ_ACQUIRE_FOR_SECTION_SYNCHRONIZATION");
  CHECK_STR(t, fp_nt_major_name((unsigned char)-20), "IRP_MJ_VOLUME_DISMOUNT");
  CHECK_STR(t, fp_nt_major_name(0x80), "IRP_MJ_OPERATION_END");
  CHECK(t, fp_nt_major_name(0x1c) == NULL);
  CHECK(t, fp_nt_major_name((unsigned char)-8) == NULL);
}

static void callback_status_names_should_be_found(check_ctx *t) {
  CHECK_STR(t, fp_nt_preop_status_name(0), "FLT_PREOP_SUCCESS_WITH_CALLBACK");
  CHECK_STR(t, fp_nt_preop_status_name(4), "FLT_PREOP_COMPLETE");
  CHECK_STR(t, fp_nt_preop_status_name(6), "FLT_PREOP_DISALLOW_FSFILTER_IO");
  CHECK(t, fp_nt_preop_status_name(7) == NULL);
  CHECK(t, fp_nt_preop_status_name(-1) == NULL);
  CHECK_STR(t, fp_nt_postop_status_name(1), "FLT_POSTOP_MORE_PROCESSING_REQUIRED");
  CHECK(t, fp_nt_postop_status_name(3) == NULL);
}

static void flags_should_render_names_and_leftover_bits(check_ctx *t) {
  char b[256];
  size_t n = fp_nt_flags_render(FP_NT_FLAGS_CALLBACK_DATA, 0x1 | 0x80000 | 0x40, b, sizeof b);
  CHECK_STR(t, b, "FLTFL_CALLBACK_DATA_IRP_OPERATION|FLTFL_CALLBACK_DATA_POST_OPERATION|0x40");
  CHECK_INT(t, n, strlen(b));
  fp_nt_flags_render(FP_NT_FLAGS_CALLBACK_DATA, 0, b, sizeof b);
  CHECK_STR(t, b, "0");
  fp_nt_flags_render(FP_NT_FLAGS_IRP, 0x43, b, sizeof b);
  CHECK_STR(t, b, "IRP_NOCACHE|IRP_PAGING_IO|IRP_SYNCHRONOUS_PAGING_IO");
  fp_nt_flags_render(FP_NT_FLAGS_FILE_OBJECT, 0x00040002u | 0x80000000u, b, sizeof b);
  CHECK_STR(t, b, "FO_SYNCHRONOUS_IO|FO_HANDLE_CREATED|0x80000000");
  fp_nt_flags_render(FP_NT_FLAGS_FILE_OBJECT, 0x00800000u, b, sizeof b);
  CHECK_STR(t, b, "0x800000");
}

static void flags_should_truncate_like_snprintf(check_ctx *t) {
  char b[8];
  size_t n = fp_nt_flags_render(FP_NT_FLAGS_IRP, 0x1, b, sizeof b);
  CHECK_INT(t, n, strlen("IRP_NOCACHE"));
  CHECK_STR(t, b, "IRP_NOC");
  CHECK_INT(t, fp_nt_flags_render(FP_NT_FLAGS_IRP, 0x3, NULL, 0), strlen("IRP_NOCACHE|IRP_PAGING_IO"));
}

static void constant_table_should_hold_wdk_values_and_types(check_ctx *t) {
  const fp_nt_constant *c = fp_nt_constant_find("STATUS_ACCESS_DENIED");
  CHECK_OR_RETURN(t, c != NULL);
  CHECK_INT(t, c->value, -1073741790); /* (LONG)0xC0000022 */
  CHECK_STR(t, c->type, "NTSTATUS");
  c = fp_nt_constant_find("DISPATCH_LEVEL");
  CHECK_OR_RETURN(t, c != NULL);
  CHECK_INT(t, c->value, 2);
  CHECK_STR(t, c->type, "KIRQL");
  c = fp_nt_constant_find("IRP_MJ_QUERY_OPEN");
  CHECK_OR_RETURN(t, c != NULL);
  CHECK_INT(t, c->value, 0xF9);
  c = fp_nt_constant_find("EXCEPTION_CONTINUE_EXECUTION");
  CHECK_OR_RETURN(t, c != NULL);
  CHECK_INT(t, c->value, -1);
  c = fp_nt_constant_find("GENERIC_READ");
  CHECK_OR_RETURN(t, c != NULL);
  CHECK_INT(t, c->value, 0x80000000LL);
  c = fp_nt_constant_find("DRIVER_IRQL_NOT_LESS_OR_EQUAL");
  CHECK_OR_RETURN(t, c != NULL);
  CHECK_INT(t, c->value, 0xD1);
  CHECK(t, fp_nt_constant_find("NO_SUCH_CONSTANT") == NULL);
  CHECK(t, fp_nt_constant_find(NULL) == NULL);
  CHECK(t, fp_nt_constant_at(fp_nt_constant_count()) == NULL);
}

static void constant_names_should_be_unique_and_round_trip(check_ctx *t) {
  size_t n = fp_nt_constant_count();
  CHECK(t, n > 300);
  for (size_t i = 0; i < n; i++) {
    const fp_nt_constant *c = fp_nt_constant_at(i);
    CHECK_OR_RETURN(t, c && c->name && c->type);
    if (fp_nt_constant_find(c->name) != c) {
      char m[128];
      snprintf(m, sizeof m, "%s is listed twice", c->name);
      CHECK_STR(t, m, "");
    }
  }
}

static void every_listed_status_should_name_itself(check_ctx *t) {
  for (size_t i = 0; i < fp_nt_constant_count(); i++) {
    const fp_nt_constant *c = fp_nt_constant_at(i);
    if (strcmp(c->type, "NTSTATUS") != 0) continue;
    CHECK_STR(t, fp_nt_status_name((uint32_t)c->value), c->name);
  }
}

static void bugcheck_names_should_be_found_by_code(check_ctx *t) {
  CHECK_STR(t, fp_nt_bugcheck_name(0xD1), "DRIVER_IRQL_NOT_LESS_OR_EQUAL");
  CHECK_STR(t, fp_nt_bugcheck_name(0xF5), "FLTMGR_FILE_SYSTEM");
  CHECK_STR(t, fp_nt_bugcheck_name(0x0A), "IRQL_NOT_LESS_OR_EQUAL");
  CHECK_STR(t, fp_nt_bugcheck_name(0x1E), "KMODE_EXCEPTION_NOT_HANDLED");
  CHECK_STR(t, fp_nt_bugcheck_name(0x7E), "SYSTEM_THREAD_EXCEPTION_NOT_HANDLED");
  CHECK_STR(t, fp_nt_bugcheck_name(0x7F), "UNEXPECTED_KERNEL_MODE_TRAP");
  CHECK_STR(t, fp_nt_bugcheck_name(0x50), "PAGE_FAULT_IN_NONPAGED_AREA");
  CHECK_STR(t, fp_nt_bugcheck_name(0xC2), "BAD_POOL_CALLER");
  CHECK_STR(t, fp_nt_bugcheck_name(0xC4), "DRIVER_VERIFIER_DETECTED_VIOLATION");
  CHECK_STR(t, fp_nt_bugcheck_name(0xD5), "DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL");
  CHECK_STR(t, fp_nt_bugcheck_name(0xD6), "DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION");
  CHECK_STR(t, fp_nt_bugcheck_name(0x4A), "IRQL_GT_ZERO_AT_SYSTEM_SERVICE");
  CHECK_STR(t, fp_nt_bugcheck_name(0x09), "IRQL_NOT_GREATER_OR_EQUAL");
  CHECK(t, fp_nt_bugcheck_name(0x9D) == NULL); /* not a documented bug check */
  CHECK(t, fp_nt_bugcheck_name(0x12345) == NULL);
}

static void bugcheck_table_should_be_sorted_and_complete(check_ctx *t) {
  uint32_t last = 0;
  for (size_t i = 0; i < fp_nt_bugcheck_count(); i++) {
    const fp_nt_bugcheck *b = fp_nt_bugcheck_at(i);
    CHECK_OR_RETURN(t, b != NULL);
    CHECK(t, i == 0 || b->code > last);
    last = b->code;
    CHECK(t, strncmp(b->url, "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0x", 74) == 0);
    const fp_nt_constant *c = fp_nt_constant_find(b->name);
    CHECK(t, c && c->value == (int64_t)b->code);
  }
  CHECK(t, fp_nt_bugcheck_at(fp_nt_bugcheck_count()) == NULL);
  /* UNEXPECTED_KERNEL_MODE_TRAP documents P1 only. */
  const fp_nt_bugcheck *trap = fp_nt_bugcheck_find(0x7F);
  CHECK_OR_RETURN(t, trap != NULL);
  CHECK(t, trap->param[0] != NULL && trap->param[1] == NULL);
  CHECK_INT(t, FP_TRAP_DOUBLE_FAULT, 8);
}

static void bugcheck_subcodes_should_be_found(check_ctx *t) {
  const fp_nt_bugcheck_sub *s = fp_nt_bugcheck_sub_find(0xC2, 0x07);
  CHECK_OR_RETURN(t, s != NULL);
  CHECK_CONTAINS(t, s->cause, "double free");
  s = fp_nt_bugcheck_sub_find(0xC2, 0x0A);
  CHECK_OR_RETURN(t, s != NULL);
  CHECK_CONTAINS(t, s->param[1], "allocator's tag");
  static const uint64_t catalogue_c4[] = { 0x01, 0x02, 0x11, 0x12, 0x33, 0x3B, 0x121, 0x122, 0x131, 0x62 };
  for (size_t i = 0; i < sizeof catalogue_c4 / sizeof catalogue_c4[0]; i++)
    CHECK(t, fp_nt_bugcheck_sub_find(0xC4, catalogue_c4[i]) != NULL);
  static const uint64_t f5[] = { 0x66, 0x67, 0x68, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E };
  for (size_t i = 0; i < sizeof f5 / sizeof f5[0]; i++)
    CHECK(t, fp_nt_bugcheck_sub_find(0xF5, f5[i]) != NULL);
  CHECK(t, fp_nt_bugcheck_sub_find(0xF5, 0x69) == NULL);
  CHECK(t, fp_nt_bugcheck_sub_find(0xD1, 0x01) == NULL);
  CHECK_INT(t, FP_F5_NO_POST_OPERATION, 0x66);
  CHECK_INT(t, FP_DV_UNLOAD_WITH_POOL_TRACKED, 0x62);
  CHECK_INT(t, FP_BPC_DOUBLE_FREE, 0x07);
  for (size_t i = 0; i < fp_nt_bugcheck_sub_count(); i++) {
    s = fp_nt_bugcheck_sub_at(i);
    CHECK_OR_RETURN(t, s != NULL);
    CHECK(t, fp_nt_bugcheck_find(s->code) != NULL);
    CHECK(t, s->cause && s->cause[0]);
  }
}

static const check_case cases[] = {
  CHECK_CASE(const1_callback_statuses_should_have_their_wdk_values),
  CHECK_CASE(const2_callback_data_flags_should_have_their_wdk_values),
  CHECK_CASE(const3_post_operation_draining_should_be_one),
  CHECK_CASE(const4_operation_codes_should_have_their_wdk_values),
  CHECK_CASE(const5_fs_filter_operations_should_be_the_seven_documented),
  CHECK_CASE(const6_filter_manager_statuses_should_have_their_values),
  CHECK_CASE(const7_irp_flags_should_have_their_wdm_values),
  CHECK_CASE(statuses_the_engine_needs_should_have_their_ntstatus_values),
  CHECK_CASE(irqls_should_have_their_x64_values),
  CHECK_CASE(other_constants_should_have_their_documented_values),
  CHECK_CASE(status_names_should_be_found_by_value),
  CHECK_CASE(irql_names_should_prefer_the_canonical_name),
  CHECK_CASE(major_names_should_cover_standard_and_filter_manager_codes),
  CHECK_CASE(callback_status_names_should_be_found),
  CHECK_CASE(flags_should_render_names_and_leftover_bits),
  CHECK_CASE(flags_should_truncate_like_snprintf),
  CHECK_CASE(constant_table_should_hold_wdk_values_and_types),
  CHECK_CASE(constant_names_should_be_unique_and_round_trip),
  CHECK_CASE(every_listed_status_should_name_itself),
  CHECK_CASE(bugcheck_names_should_be_found_by_code),
  CHECK_CASE(bugcheck_table_should_be_sorted_and_complete),
  CHECK_CASE(bugcheck_subcodes_should_be_found),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
