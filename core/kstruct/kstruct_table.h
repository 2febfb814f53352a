/* kstruct_table.h: THE table of kernel structures, Windows x64 (LLP64, MSVC layout), as the
 * Windows 10/11 WDK declares them. Written once; the engine reads and writes simulated memory
 * through it (kstruct.h) and the driver language generates its built-in declarations from it.
 * Sources per structure: docs/structures.md.
 *
 * KS_STRUCT_LIST(S) calls S(NAME, SIZE, ALIGN, KIND, ALIAS) per structure:
 *   NAME   the WDK typedef name (a C token), SIZE sizeof on x64, ALIGN its alignment,
 *   KIND   STRUCT, UNION, or SCALAR (a typedef of a basic type, e.g. KSPIN_LOCK),
 *   ALIAS  for SCALAR the basic type it names ("ULONG_PTR"), "" otherwise.
 * KS_FIELD_LIST(F) calls F(STRUCT, ID, PATH, TYPE, OFFSET, SIZE, ARM, EMBED) per field:
 *   STRUCT the structure the field belongs to (rows are grouped by structure, in the order
 *          of KS_STRUCT_LIST, and follow the WDK's declaration order within it; a structure
 *          comes after every structure it embeds),
 *   ID     a C token unique within the structure (PATH with '.' as '_'),
 *   PATH   the member path as C code writes it: "Flags", "IoStatus", "Read.Length",
 *          "DeviceIoControl.Buffered.SystemBuffer"; members of anonymous structs/unions
 *          appear under their own names ("QueueLinks"),
 *   TYPE   the C type as the WDK writes it ("PFLT_IO_PARAMETER_BLOCK", "LARGE_INTEGER",
 *          "PVOID[4]", "volatile ULONG", "const PFLT_FILTER"),
 *   OFFSET the byte offset from the start of STRUCT, SIZE the field's size in bytes,
 *   ARM    which union members the field sits in, outermost first, '/'-separated: the
 *          member's name, or "$n" for the n-th (from 0) member when it is anonymous; "" when
 *          the field is in no union. Two fields may overlap only if their arms differ at a
 *          position where both have one (e.g. "FilterContext" and "$0", or "Read" and "Write"),
 *   EMBED  the table structure the field's type is (LIST_ENTRY, LARGE_INTEGER, ...; for an
 *          array, its element type), or NONE for basic types and pointers.
 * Only the members listed are described; bytes a structure has beyond them are padding or
 * members the simulator does not model (FLT_PARAMETERS lists the operations it models). */
#ifndef FP_KSTRUCT_KSTRUCT_TABLE_H
#define FP_KSTRUCT_KSTRUCT_TABLE_H

#define KS_STRUCT_LIST(S)                                              \
  S(LIST_ENTRY,                    0x10, 8, STRUCT, "")                \
  S(LARGE_INTEGER,                 0x08, 8, UNION,  "")                \
  S(UNICODE_STRING,                0x10, 8, STRUCT, "")                \
  S(IO_STATUS_BLOCK,               0x10, 8, STRUCT, "")                \
  S(KSPIN_LOCK,                    0x08, 8, SCALAR, "ULONG_PTR")       \
  S(DISPATCHER_HEADER,             0x18, 8, STRUCT, "")                \
  S(KEVENT,                        0x18, 8, STRUCT, "")                \
  S(FAST_MUTEX,                    0x38, 8, STRUCT, "")                \
  S(WORK_QUEUE_ITEM,               0x20, 8, STRUCT, "")                \
  S(MDL,                           0x30, 8, STRUCT, "")                \
  S(IO_SECURITY_CONTEXT,           0x18, 8, STRUCT, "")                \
  S(FILE_OBJECT,                   0xD8, 8, STRUCT, "")                \
  S(FILE_BASIC_INFORMATION,        0x28, 8, STRUCT, "")                \
  S(FILE_STANDARD_INFORMATION,     0x18, 8, STRUCT, "")                \
  S(FILE_NETWORK_OPEN_INFORMATION, 0x38, 8, STRUCT, "")                \
  S(FLT_PARAMETERS,                0x30, 8, UNION,  "")                \
  S(FLT_IO_PARAMETER_BLOCK,        0x48, 8, STRUCT, "")                \
  S(FLT_CALLBACK_DATA,             0x58, 8, STRUCT, "")                \
  S(FLT_RELATED_OBJECTS,           0x30, 8, STRUCT, "")                \
  S(FLT_OPERATION_REGISTRATION,    0x20, 8, STRUCT, "")                \
  S(FLT_CONTEXT_REGISTRATION,      0x38, 8, STRUCT, "")                \
  S(FLT_REGISTRATION,              0x70, 8, STRUCT, "")                \
  S(FLT_FILE_NAME_INFORMATION,     0x78, 8, STRUCT, "")

#define KS_FIELD_LIST(F)                                                                                       \
  /* LIST_ENTRY (ntdef.h) */                                                                                   \
  F(LIST_ENTRY, Flink, "Flink", "struct _LIST_ENTRY *", 0x00, 8, "", NONE)                                     \
  F(LIST_ENTRY, Blink, "Blink", "struct _LIST_ENTRY *", 0x08, 8, "", NONE)                                     \
  /* LARGE_INTEGER (winnt.h): union { struct { LowPart; HighPart; }; struct { ... } u; QuadPart; } */         \
  F(LARGE_INTEGER, LowPart,    "LowPart",    "ULONG",    0x00, 4, "$0",       NONE)                            \
  F(LARGE_INTEGER, HighPart,   "HighPart",   "LONG",     0x04, 4, "$0",       NONE)                            \
  F(LARGE_INTEGER, u_LowPart,  "u.LowPart",  "ULONG",    0x00, 4, "u",        NONE)                            \
  F(LARGE_INTEGER, u_HighPart, "u.HighPart", "LONG",     0x04, 4, "u",        NONE)                            \
  F(LARGE_INTEGER, QuadPart,   "QuadPart",   "LONGLONG", 0x00, 8, "QuadPart", NONE)                            \
  /* UNICODE_STRING (ntdef.h) */                                                                               \
  F(UNICODE_STRING, Length,        "Length",        "USHORT", 0x00, 2, "", NONE)                               \
  F(UNICODE_STRING, MaximumLength, "MaximumLength", "USHORT", 0x02, 2, "", NONE)                               \
  F(UNICODE_STRING, Buffer,        "Buffer",        "PWCH",   0x08, 8, "", NONE)                               \
  /* IO_STATUS_BLOCK (wdm.h): union { Status; Pointer; }; Information */                                      \
  F(IO_STATUS_BLOCK, Status,      "Status",      "NTSTATUS",  0x00, 4, "Status",  NONE)                        \
  F(IO_STATUS_BLOCK, Pointer,     "Pointer",     "PVOID",     0x00, 8, "Pointer", NONE)                        \
  F(IO_STATUS_BLOCK, Information, "Information", "ULONG_PTR", 0x08, 8, "",        NONE)                        \
  /* DISPATCHER_HEADER (wdm.h), the members KEVENT needs */                                                   \
  F(DISPATCHER_HEADER, Lock,         "Lock",         "volatile LONG", 0x00, 4,    "$0", NONE)                  \
  F(DISPATCHER_HEADER, Type,         "Type",         "UCHAR",         0x00, 1,    "$1", NONE)                  \
  F(DISPATCHER_HEADER, Signalling,   "Signalling",   "UCHAR",         0x01, 1,    "$1", NONE)                  \
  F(DISPATCHER_HEADER, Size,         "Size",         "UCHAR",         0x02, 1,    "$1", NONE)                  \
  F(DISPATCHER_HEADER, Reserved1,    "Reserved1",    "UCHAR",         0x03, 1,    "$1", NONE)                  \
  F(DISPATCHER_HEADER, SignalState,  "SignalState",  "LONG",          0x04, 4,    "",   NONE)                  \
  F(DISPATCHER_HEADER, WaitListHead, "WaitListHead", "LIST_ENTRY",    0x08, 0x10, "",   LIST_ENTRY)            \
  /* KEVENT (wdm.h) */                                                                                         \
  F(KEVENT, Header, "Header", "DISPATCHER_HEADER", 0x00, 0x18, "", DISPATCHER_HEADER)                          \
  /* FAST_MUTEX (wdm.h) */                                                                                     \
  F(FAST_MUTEX, Count,      "Count",      "volatile LONG", 0x00, 4,    "", NONE)                               \
  F(FAST_MUTEX, Owner,      "Owner",      "PVOID",         0x08, 8,    "", NONE)                               \
  F(FAST_MUTEX, Contention, "Contention", "ULONG",         0x10, 4,    "", NONE)                               \
  F(FAST_MUTEX, Event,      "Event",      "KEVENT",        0x18, 0x18, "", KEVENT)                             \
  F(FAST_MUTEX, OldIrql,    "OldIrql",    "ULONG",         0x30, 4,    "", NONE)                               \
  /* WORK_QUEUE_ITEM (wdm.h) */                                                                                \
  F(WORK_QUEUE_ITEM, List,          "List",          "LIST_ENTRY",             0x00, 0x10, "", LIST_ENTRY)     \
  F(WORK_QUEUE_ITEM, WorkerRoutine, "WorkerRoutine", "PWORKER_THREAD_ROUTINE", 0x10, 8,    "", NONE)           \
  F(WORK_QUEUE_ITEM, Parameter,     "Parameter",     "volatile PVOID",         0x18, 8,    "", NONE)           \
  /* MDL (wdm.h), the documented members */                                                                    \
  F(MDL, Next,           "Next",           "struct _MDL *",     0x00, 8, "", NONE)                             \
  F(MDL, Size,           "Size",           "CSHORT",            0x08, 2, "", NONE)                             \
  F(MDL, MdlFlags,       "MdlFlags",       "CSHORT",            0x0A, 2, "", NONE)                             \
  F(MDL, Process,        "Process",        "struct _EPROCESS *", 0x10, 8, "", NONE)                            \
  F(MDL, MappedSystemVa, "MappedSystemVa", "PVOID",             0x18, 8, "", NONE)                             \
  F(MDL, StartVa,        "StartVa",        "PVOID",             0x20, 8, "", NONE)                             \
  F(MDL, ByteCount,      "ByteCount",      "ULONG",             0x28, 4, "", NONE)                             \
  F(MDL, ByteOffset,     "ByteOffset",     "ULONG",             0x2C, 4, "", NONE)                             \
  /* IO_SECURITY_CONTEXT (wdm.h) */                                                                            \
  F(IO_SECURITY_CONTEXT, SecurityQos,       "SecurityQos",       "PSECURITY_QUALITY_OF_SERVICE", 0x00, 8, "", NONE) \
  F(IO_SECURITY_CONTEXT, AccessState,       "AccessState",       "PACCESS_STATE",  0x08, 8, "", NONE)          \
  F(IO_SECURITY_CONTEXT, DesiredAccess,     "DesiredAccess",     "ACCESS_MASK",    0x10, 4, "", NONE)          \
  F(IO_SECURITY_CONTEXT, FullCreateOptions, "FullCreateOptions", "ULONG",          0x14, 4, "", NONE)          \
  /* FILE_OBJECT (wdm.h), every member */                                                                      \
  F(FILE_OBJECT, Type,                 "Type",                 "CSHORT",                   0x00, 2,    "", NONE) \
  F(FILE_OBJECT, Size,                 "Size",                 "CSHORT",                   0x02, 2,    "", NONE) \
  F(FILE_OBJECT, DeviceObject,         "DeviceObject",         "PDEVICE_OBJECT",           0x08, 8,    "", NONE) \
  F(FILE_OBJECT, Vpb,                  "Vpb",                  "PVPB",                     0x10, 8,    "", NONE) \
  F(FILE_OBJECT, FsContext,            "FsContext",            "PVOID",                    0x18, 8,    "", NONE) \
  F(FILE_OBJECT, FsContext2,           "FsContext2",           "PVOID",                    0x20, 8,    "", NONE) \
  F(FILE_OBJECT, SectionObjectPointer, "SectionObjectPointer", "PSECTION_OBJECT_POINTERS", 0x28, 8,    "", NONE) \
  F(FILE_OBJECT, PrivateCacheMap,      "PrivateCacheMap",      "PVOID",                    0x30, 8,    "", NONE) \
  F(FILE_OBJECT, FinalStatus,          "FinalStatus",          "NTSTATUS",                 0x38, 4,    "", NONE) \
  F(FILE_OBJECT, RelatedFileObject,    "RelatedFileObject",    "struct _FILE_OBJECT *",    0x40, 8,    "", NONE) \
  F(FILE_OBJECT, LockOperation,        "LockOperation",        "BOOLEAN",                  0x48, 1,    "", NONE) \
  F(FILE_OBJECT, DeletePending,        "DeletePending",        "BOOLEAN",                  0x49, 1,    "", NONE) \
  F(FILE_OBJECT, ReadAccess,           "ReadAccess",           "BOOLEAN",                  0x4A, 1,    "", NONE) \
  F(FILE_OBJECT, WriteAccess,          "WriteAccess",          "BOOLEAN",                  0x4B, 1,    "", NONE) \
  F(FILE_OBJECT, DeleteAccess,         "DeleteAccess",         "BOOLEAN",                  0x4C, 1,    "", NONE) \
  F(FILE_OBJECT, SharedRead,           "SharedRead",           "BOOLEAN",                  0x4D, 1,    "", NONE) \
  F(FILE_OBJECT, SharedWrite,          "SharedWrite",          "BOOLEAN",                  0x4E, 1,    "", NONE) \
  F(FILE_OBJECT, SharedDelete,         "SharedDelete",         "BOOLEAN",                  0x4F, 1,    "", NONE) \
  F(FILE_OBJECT, Flags,                "Flags",                "ULONG",                    0x50, 4,    "", NONE) \
  F(FILE_OBJECT, FileName,             "FileName",             "UNICODE_STRING",           0x58, 0x10, "", UNICODE_STRING) \
  F(FILE_OBJECT, CurrentByteOffset,    "CurrentByteOffset",    "LARGE_INTEGER",            0x68, 8,    "", LARGE_INTEGER) \
  F(FILE_OBJECT, Waiters,              "Waiters",              "volatile ULONG",           0x70, 4,    "", NONE) \
  F(FILE_OBJECT, Busy,                 "Busy",                 "volatile ULONG",           0x74, 4,    "", NONE) \
  F(FILE_OBJECT, LastLock,             "LastLock",             "PVOID",                    0x78, 8,    "", NONE) \
  F(FILE_OBJECT, Lock,                 "Lock",                 "KEVENT",                   0x80, 0x18, "", KEVENT) \
  F(FILE_OBJECT, Event,                "Event",                "KEVENT",                   0x98, 0x18, "", KEVENT) \
  F(FILE_OBJECT, CompletionContext,    "CompletionContext",    "volatile PIO_COMPLETION_CONTEXT", 0xB0, 8, "", NONE) \
  F(FILE_OBJECT, IrpListLock,          "IrpListLock",          "KSPIN_LOCK",               0xB8, 8,    "", KSPIN_LOCK) \
  F(FILE_OBJECT, IrpList,              "IrpList",              "LIST_ENTRY",               0xC0, 0x10, "", LIST_ENTRY) \
  F(FILE_OBJECT, FileObjectExtension,  "FileObjectExtension",  "volatile struct _IOP_FILE_OBJECT_EXTENSION *", 0xD0, 8, "", NONE) \
  /* FILE_BASIC_INFORMATION (wdm.h) */                                                                         \
  F(FILE_BASIC_INFORMATION, CreationTime,   "CreationTime",   "LARGE_INTEGER", 0x00, 8, "", LARGE_INTEGER)     \
  F(FILE_BASIC_INFORMATION, LastAccessTime, "LastAccessTime", "LARGE_INTEGER", 0x08, 8, "", LARGE_INTEGER)     \
  F(FILE_BASIC_INFORMATION, LastWriteTime,  "LastWriteTime",  "LARGE_INTEGER", 0x10, 8, "", LARGE_INTEGER)     \
  F(FILE_BASIC_INFORMATION, ChangeTime,     "ChangeTime",     "LARGE_INTEGER", 0x18, 8, "", LARGE_INTEGER)     \
  F(FILE_BASIC_INFORMATION, FileAttributes, "FileAttributes", "ULONG",         0x20, 4, "", NONE)              \
  /* FILE_STANDARD_INFORMATION (wdm.h) */                                                                      \
  F(FILE_STANDARD_INFORMATION, AllocationSize, "AllocationSize", "LARGE_INTEGER", 0x00, 8, "", LARGE_INTEGER)  \
  F(FILE_STANDARD_INFORMATION, EndOfFile,      "EndOfFile",      "LARGE_INTEGER", 0x08, 8, "", LARGE_INTEGER)  \
  F(FILE_STANDARD_INFORMATION, NumberOfLinks,  "NumberOfLinks",  "ULONG",         0x10, 4, "", NONE)           \
  F(FILE_STANDARD_INFORMATION, DeletePending,  "DeletePending",  "BOOLEAN",       0x14, 1, "", NONE)           \
  F(FILE_STANDARD_INFORMATION, Directory,      "Directory",      "BOOLEAN",       0x15, 1, "", NONE)           \
  /* FILE_NETWORK_OPEN_INFORMATION (wdm.h) */                                                                  \
  F(FILE_NETWORK_OPEN_INFORMATION, CreationTime,   "CreationTime",   "LARGE_INTEGER", 0x00, 8, "", LARGE_INTEGER) \
  F(FILE_NETWORK_OPEN_INFORMATION, LastAccessTime, "LastAccessTime", "LARGE_INTEGER", 0x08, 8, "", LARGE_INTEGER) \
  F(FILE_NETWORK_OPEN_INFORMATION, LastWriteTime,  "LastWriteTime",  "LARGE_INTEGER", 0x10, 8, "", LARGE_INTEGER) \
  F(FILE_NETWORK_OPEN_INFORMATION, ChangeTime,     "ChangeTime",     "LARGE_INTEGER", 0x18, 8, "", LARGE_INTEGER) \
  F(FILE_NETWORK_OPEN_INFORMATION, AllocationSize, "AllocationSize", "LARGE_INTEGER", 0x20, 8, "", LARGE_INTEGER) \
  F(FILE_NETWORK_OPEN_INFORMATION, EndOfFile,      "EndOfFile",      "LARGE_INTEGER", 0x28, 8, "", LARGE_INTEGER) \
  F(FILE_NETWORK_OPEN_INFORMATION, FileAttributes, "FileAttributes", "ULONG",         0x30, 4, "", NONE)       \
  /* FLT_PARAMETERS (fltKernel.h): a union with one member per operation */                                   \
  F(FLT_PARAMETERS, Create_SecurityContext, "Create.SecurityContext", "PIO_SECURITY_CONTEXT", 0x00, 8, "Create", NONE) \
  F(FLT_PARAMETERS, Create_Options,         "Create.Options",         "ULONG",            0x08, 4, "Create", NONE) \
  F(FLT_PARAMETERS, Create_FileAttributes,  "Create.FileAttributes",  "USHORT",           0x10, 2, "Create", NONE) \
  F(FLT_PARAMETERS, Create_ShareAccess,     "Create.ShareAccess",     "USHORT",           0x12, 2, "Create", NONE) \
  F(FLT_PARAMETERS, Create_EaLength,        "Create.EaLength",        "ULONG",            0x18, 4, "Create", NONE) \
  F(FLT_PARAMETERS, Create_EaBuffer,        "Create.EaBuffer",        "PVOID",            0x20, 8, "Create", NONE) \
  F(FLT_PARAMETERS, Create_AllocationSize,  "Create.AllocationSize",  "LARGE_INTEGER",    0x28, 8, "Create", LARGE_INTEGER) \
  F(FLT_PARAMETERS, Read_Length,     "Read.Length",     "ULONG",         0x00, 4, "Read", NONE)                \
  F(FLT_PARAMETERS, Read_Key,        "Read.Key",        "ULONG",         0x08, 4, "Read", NONE)                \
  F(FLT_PARAMETERS, Read_ByteOffset, "Read.ByteOffset", "LARGE_INTEGER", 0x10, 8, "Read", LARGE_INTEGER)       \
  F(FLT_PARAMETERS, Read_ReadBuffer, "Read.ReadBuffer", "PVOID",         0x18, 8, "Read", NONE)                \
  F(FLT_PARAMETERS, Read_MdlAddress, "Read.MdlAddress", "PMDL",          0x20, 8, "Read", NONE)                \
  F(FLT_PARAMETERS, Write_Length,      "Write.Length",      "ULONG",         0x00, 4, "Write", NONE)           \
  F(FLT_PARAMETERS, Write_Key,         "Write.Key",         "ULONG",         0x08, 4, "Write", NONE)           \
  F(FLT_PARAMETERS, Write_ByteOffset,  "Write.ByteOffset",  "LARGE_INTEGER", 0x10, 8, "Write", LARGE_INTEGER)  \
  F(FLT_PARAMETERS, Write_WriteBuffer, "Write.WriteBuffer", "PVOID",         0x18, 8, "Write", NONE)           \
  F(FLT_PARAMETERS, Write_MdlAddress,  "Write.MdlAddress",  "PMDL",          0x20, 8, "Write", NONE)           \
  F(FLT_PARAMETERS, QueryFileInformation_Length, "QueryFileInformation.Length", "ULONG", 0x00, 4, "QueryFileInformation", NONE) \
  F(FLT_PARAMETERS, QueryFileInformation_FileInformationClass, "QueryFileInformation.FileInformationClass", "FILE_INFORMATION_CLASS", 0x08, 4, "QueryFileInformation", NONE) \
  F(FLT_PARAMETERS, QueryFileInformation_InfoBuffer, "QueryFileInformation.InfoBuffer", "PVOID", 0x10, 8, "QueryFileInformation", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_Length, "SetFileInformation.Length", "ULONG", 0x00, 4, "SetFileInformation", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_FileInformationClass, "SetFileInformation.FileInformationClass", "FILE_INFORMATION_CLASS", 0x08, 4, "SetFileInformation", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_ParentOfTarget, "SetFileInformation.ParentOfTarget", "PFILE_OBJECT", 0x10, 8, "SetFileInformation", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_ReplaceIfExists, "SetFileInformation.ReplaceIfExists", "BOOLEAN", 0x18, 1, "SetFileInformation/$0", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_AdvanceOnly, "SetFileInformation.AdvanceOnly", "BOOLEAN", 0x19, 1, "SetFileInformation/$0", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_ClusterCount, "SetFileInformation.ClusterCount", "ULONG", 0x18, 4, "SetFileInformation/ClusterCount", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_DeleteHandle, "SetFileInformation.DeleteHandle", "HANDLE", 0x18, 8, "SetFileInformation/DeleteHandle", NONE) \
  F(FLT_PARAMETERS, SetFileInformation_InfoBuffer, "SetFileInformation.InfoBuffer", "PVOID", 0x20, 8, "SetFileInformation", NONE) \
  F(FLT_PARAMETERS, QueryVolumeInformation_Length, "QueryVolumeInformation.Length", "ULONG", 0x00, 4, "QueryVolumeInformation", NONE) \
  F(FLT_PARAMETERS, QueryVolumeInformation_FsInformationClass, "QueryVolumeInformation.FsInformationClass", "FS_INFORMATION_CLASS", 0x08, 4, "QueryVolumeInformation", NONE) \
  F(FLT_PARAMETERS, QueryVolumeInformation_VolumeBuffer, "QueryVolumeInformation.VolumeBuffer", "PVOID", 0x10, 8, "QueryVolumeInformation", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_QueryDirectory_Length, "DirectoryControl.QueryDirectory.Length", "ULONG", 0x00, 4, "DirectoryControl/QueryDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_QueryDirectory_FileName, "DirectoryControl.QueryDirectory.FileName", "PUNICODE_STRING", 0x08, 8, "DirectoryControl/QueryDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_QueryDirectory_FileInformationClass, "DirectoryControl.QueryDirectory.FileInformationClass", "FILE_INFORMATION_CLASS", 0x10, 4, "DirectoryControl/QueryDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_QueryDirectory_FileIndex, "DirectoryControl.QueryDirectory.FileIndex", "ULONG", 0x18, 4, "DirectoryControl/QueryDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_QueryDirectory_DirectoryBuffer, "DirectoryControl.QueryDirectory.DirectoryBuffer", "PVOID", 0x20, 8, "DirectoryControl/QueryDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_QueryDirectory_MdlAddress, "DirectoryControl.QueryDirectory.MdlAddress", "PMDL", 0x28, 8, "DirectoryControl/QueryDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_Length, "DirectoryControl.NotifyDirectory.Length", "ULONG", 0x00, 4, "DirectoryControl/NotifyDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_CompletionFilter, "DirectoryControl.NotifyDirectory.CompletionFilter", "ULONG", 0x08, 4, "DirectoryControl/NotifyDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_Spare1, "DirectoryControl.NotifyDirectory.Spare1", "ULONG", 0x10, 4, "DirectoryControl/NotifyDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_Spare2, "DirectoryControl.NotifyDirectory.Spare2", "ULONG", 0x18, 4, "DirectoryControl/NotifyDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_DirectoryBuffer, "DirectoryControl.NotifyDirectory.DirectoryBuffer", "PVOID", 0x20, 8, "DirectoryControl/NotifyDirectory", NONE) \
  F(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_MdlAddress, "DirectoryControl.NotifyDirectory.MdlAddress", "PMDL", 0x28, 8, "DirectoryControl/NotifyDirectory", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Common_OutputBufferLength, "FileSystemControl.Common.OutputBufferLength", "ULONG", 0x00, 4, "FileSystemControl/Common", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Common_InputBufferLength, "FileSystemControl.Common.InputBufferLength", "ULONG", 0x08, 4, "FileSystemControl/Common", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Common_FsControlCode, "FileSystemControl.Common.FsControlCode", "ULONG", 0x10, 4, "FileSystemControl/Common", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Buffered_OutputBufferLength, "FileSystemControl.Buffered.OutputBufferLength", "ULONG", 0x00, 4, "FileSystemControl/Buffered", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Buffered_InputBufferLength, "FileSystemControl.Buffered.InputBufferLength", "ULONG", 0x08, 4, "FileSystemControl/Buffered", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Buffered_FsControlCode, "FileSystemControl.Buffered.FsControlCode", "ULONG", 0x10, 4, "FileSystemControl/Buffered", NONE) \
  F(FLT_PARAMETERS, FileSystemControl_Buffered_SystemBuffer, "FileSystemControl.Buffered.SystemBuffer", "PVOID", 0x18, 8, "FileSystemControl/Buffered", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Common_OutputBufferLength, "DeviceIoControl.Common.OutputBufferLength", "ULONG", 0x00, 4, "DeviceIoControl/Common", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Common_InputBufferLength, "DeviceIoControl.Common.InputBufferLength", "ULONG", 0x08, 4, "DeviceIoControl/Common", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Common_IoControlCode, "DeviceIoControl.Common.IoControlCode", "ULONG", 0x10, 4, "DeviceIoControl/Common", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Neither_OutputBufferLength, "DeviceIoControl.Neither.OutputBufferLength", "ULONG", 0x00, 4, "DeviceIoControl/Neither", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Neither_InputBufferLength, "DeviceIoControl.Neither.InputBufferLength", "ULONG", 0x08, 4, "DeviceIoControl/Neither", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Neither_IoControlCode, "DeviceIoControl.Neither.IoControlCode", "ULONG", 0x10, 4, "DeviceIoControl/Neither", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Neither_InputBuffer, "DeviceIoControl.Neither.InputBuffer", "PVOID", 0x18, 8, "DeviceIoControl/Neither", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Neither_OutputBuffer, "DeviceIoControl.Neither.OutputBuffer", "PVOID", 0x20, 8, "DeviceIoControl/Neither", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Neither_OutputMdlAddress, "DeviceIoControl.Neither.OutputMdlAddress", "PMDL", 0x28, 8, "DeviceIoControl/Neither", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Buffered_OutputBufferLength, "DeviceIoControl.Buffered.OutputBufferLength", "ULONG", 0x00, 4, "DeviceIoControl/Buffered", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Buffered_InputBufferLength, "DeviceIoControl.Buffered.InputBufferLength", "ULONG", 0x08, 4, "DeviceIoControl/Buffered", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Buffered_IoControlCode, "DeviceIoControl.Buffered.IoControlCode", "ULONG", 0x10, 4, "DeviceIoControl/Buffered", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Buffered_SystemBuffer, "DeviceIoControl.Buffered.SystemBuffer", "PVOID", 0x18, 8, "DeviceIoControl/Buffered", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Direct_OutputBufferLength, "DeviceIoControl.Direct.OutputBufferLength", "ULONG", 0x00, 4, "DeviceIoControl/Direct", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Direct_InputBufferLength, "DeviceIoControl.Direct.InputBufferLength", "ULONG", 0x08, 4, "DeviceIoControl/Direct", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Direct_IoControlCode, "DeviceIoControl.Direct.IoControlCode", "ULONG", 0x10, 4, "DeviceIoControl/Direct", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Direct_InputSystemBuffer, "DeviceIoControl.Direct.InputSystemBuffer", "PVOID", 0x18, 8, "DeviceIoControl/Direct", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Direct_OutputBuffer, "DeviceIoControl.Direct.OutputBuffer", "PVOID", 0x20, 8, "DeviceIoControl/Direct", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_Direct_OutputMdlAddress, "DeviceIoControl.Direct.OutputMdlAddress", "PMDL", 0x28, 8, "DeviceIoControl/Direct", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_FastIo_OutputBufferLength, "DeviceIoControl.FastIo.OutputBufferLength", "ULONG", 0x00, 4, "DeviceIoControl/FastIo", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_FastIo_InputBufferLength, "DeviceIoControl.FastIo.InputBufferLength", "ULONG", 0x08, 4, "DeviceIoControl/FastIo", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_FastIo_IoControlCode, "DeviceIoControl.FastIo.IoControlCode", "ULONG", 0x10, 4, "DeviceIoControl/FastIo", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_FastIo_InputBuffer, "DeviceIoControl.FastIo.InputBuffer", "PVOID", 0x18, 8, "DeviceIoControl/FastIo", NONE) \
  F(FLT_PARAMETERS, DeviceIoControl_FastIo_OutputBuffer, "DeviceIoControl.FastIo.OutputBuffer", "PVOID", 0x20, 8, "DeviceIoControl/FastIo", NONE) \
  F(FLT_PARAMETERS, LockControl_Length, "LockControl.Length", "PLARGE_INTEGER", 0x00, 8, "LockControl", NONE)  \
  F(FLT_PARAMETERS, LockControl_Key, "LockControl.Key", "ULONG", 0x08, 4, "LockControl", NONE)                  \
  F(FLT_PARAMETERS, LockControl_ByteOffset, "LockControl.ByteOffset", "LARGE_INTEGER", 0x10, 8, "LockControl", LARGE_INTEGER) \
  F(FLT_PARAMETERS, LockControl_ProcessId, "LockControl.ProcessId", "PEPROCESS", 0x18, 8, "LockControl", NONE) \
  F(FLT_PARAMETERS, LockControl_FailImmediately, "LockControl.FailImmediately", "BOOLEAN", 0x20, 1, "LockControl", NONE) \
  F(FLT_PARAMETERS, LockControl_ExclusiveLock, "LockControl.ExclusiveLock", "BOOLEAN", 0x21, 1, "LockControl", NONE) \
  F(FLT_PARAMETERS, AcquireForSectionSynchronization_SyncType, "AcquireForSectionSynchronization.SyncType", "FS_FILTER_SECTION_SYNC_TYPE", 0x00, 4, "AcquireForSectionSynchronization", NONE) \
  F(FLT_PARAMETERS, AcquireForSectionSynchronization_PageProtection, "AcquireForSectionSynchronization.PageProtection", "ULONG", 0x04, 4, "AcquireForSectionSynchronization", NONE) \
  F(FLT_PARAMETERS, AcquireForSectionSynchronization_OutputInformation, "AcquireForSectionSynchronization.OutputInformation", "PFS_FILTER_SECTION_SYNC_OUTPUT", 0x08, 8, "AcquireForSectionSynchronization", NONE) \
  F(FLT_PARAMETERS, AcquireForSectionSynchronization_Flags, "AcquireForSectionSynchronization.Flags", "ULONG", 0x10, 4, "AcquireForSectionSynchronization", NONE) \
  F(FLT_PARAMETERS, AcquireForSectionSynchronization_AllocationAttributes, "AcquireForSectionSynchronization.AllocationAttributes", "ULONG", 0x14, 4, "AcquireForSectionSynchronization", NONE) \
  F(FLT_PARAMETERS, AcquireForModifiedPageWriter_EndingOffset, "AcquireForModifiedPageWriter.EndingOffset", "PLARGE_INTEGER", 0x00, 8, "AcquireForModifiedPageWriter", NONE) \
  F(FLT_PARAMETERS, AcquireForModifiedPageWriter_ResourceToRelease, "AcquireForModifiedPageWriter.ResourceToRelease", "PERESOURCE *", 0x08, 8, "AcquireForModifiedPageWriter", NONE) \
  F(FLT_PARAMETERS, ReleaseForModifiedPageWriter_ResourceToRelease, "ReleaseForModifiedPageWriter.ResourceToRelease", "PERESOURCE", 0x00, 8, "ReleaseForModifiedPageWriter", NONE) \
  F(FLT_PARAMETERS, QueryOpen_Irp, "QueryOpen.Irp", "PIRP", 0x00, 8, "QueryOpen", NONE)                       \
  F(FLT_PARAMETERS, QueryOpen_FileInformation, "QueryOpen.FileInformation", "PVOID", 0x08, 8, "QueryOpen", NONE) \
  F(FLT_PARAMETERS, QueryOpen_Length, "QueryOpen.Length", "PULONG", 0x10, 8, "QueryOpen", NONE)               \
  F(FLT_PARAMETERS, QueryOpen_FileInformationClass, "QueryOpen.FileInformationClass", "FILE_INFORMATION_CLASS", 0x18, 4, "QueryOpen", NONE) \
  F(FLT_PARAMETERS, FastIoCheckIfPossible_FileOffset, "FastIoCheckIfPossible.FileOffset", "LARGE_INTEGER", 0x00, 8, "FastIoCheckIfPossible", LARGE_INTEGER) \
  F(FLT_PARAMETERS, FastIoCheckIfPossible_Length, "FastIoCheckIfPossible.Length", "ULONG", 0x08, 4, "FastIoCheckIfPossible", NONE) \
  F(FLT_PARAMETERS, FastIoCheckIfPossible_LockKey, "FastIoCheckIfPossible.LockKey", "ULONG", 0x10, 4, "FastIoCheckIfPossible", NONE) \
  F(FLT_PARAMETERS, FastIoCheckIfPossible_CheckForReadOperation, "FastIoCheckIfPossible.CheckForReadOperation", "BOOLEAN", 0x18, 1, "FastIoCheckIfPossible", NONE) \
  F(FLT_PARAMETERS, NetworkQueryOpen_Irp, "NetworkQueryOpen.Irp", "PIRP", 0x00, 8, "NetworkQueryOpen", NONE)  \
  F(FLT_PARAMETERS, NetworkQueryOpen_NetworkInformation, "NetworkQueryOpen.NetworkInformation", "PFILE_NETWORK_OPEN_INFORMATION", 0x08, 8, "NetworkQueryOpen", NONE) \
  F(FLT_PARAMETERS, MdlRead_FileOffset, "MdlRead.FileOffset", "LARGE_INTEGER", 0x00, 8, "MdlRead", LARGE_INTEGER) \
  F(FLT_PARAMETERS, MdlRead_Length, "MdlRead.Length", "ULONG", 0x08, 4, "MdlRead", NONE)                      \
  F(FLT_PARAMETERS, MdlRead_Key, "MdlRead.Key", "ULONG", 0x10, 4, "MdlRead", NONE)                            \
  F(FLT_PARAMETERS, MdlRead_MdlChain, "MdlRead.MdlChain", "PMDL *", 0x18, 8, "MdlRead", NONE)                 \
  F(FLT_PARAMETERS, MountVolume_DeviceType, "MountVolume.DeviceType", "ULONG", 0x00, 4, "MountVolume", NONE) \
  F(FLT_PARAMETERS, Others_Argument1, "Others.Argument1", "PVOID", 0x00, 8, "Others", NONE)                   \
  F(FLT_PARAMETERS, Others_Argument2, "Others.Argument2", "PVOID", 0x08, 8, "Others", NONE)                   \
  F(FLT_PARAMETERS, Others_Argument3, "Others.Argument3", "PVOID", 0x10, 8, "Others", NONE)                   \
  F(FLT_PARAMETERS, Others_Argument4, "Others.Argument4", "PVOID", 0x18, 8, "Others", NONE)                   \
  F(FLT_PARAMETERS, Others_Argument5, "Others.Argument5", "PVOID", 0x20, 8, "Others", NONE)                   \
  F(FLT_PARAMETERS, Others_Argument6, "Others.Argument6", "LARGE_INTEGER", 0x28, 8, "Others", LARGE_INTEGER)  \
  /* FLT_IO_PARAMETER_BLOCK (fltKernel.h) */                                                                   \
  F(FLT_IO_PARAMETER_BLOCK, IrpFlags,         "IrpFlags",         "ULONG",          0x00, 4,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, MajorFunction,    "MajorFunction",    "UCHAR",          0x04, 1,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, MinorFunction,    "MinorFunction",    "UCHAR",          0x05, 1,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, OperationFlags,   "OperationFlags",   "UCHAR",          0x06, 1,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, Reserved,         "Reserved",         "UCHAR",          0x07, 1,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, TargetFileObject, "TargetFileObject", "PFILE_OBJECT",   0x08, 8,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, TargetInstance,   "TargetInstance",   "PFLT_INSTANCE",  0x10, 8,    "", NONE)      \
  F(FLT_IO_PARAMETER_BLOCK, Parameters,       "Parameters",       "FLT_PARAMETERS", 0x18, 0x30, "", FLT_PARAMETERS) \
  /* FLT_CALLBACK_DATA (fltKernel.h) */                                                                        \
  F(FLT_CALLBACK_DATA, Flags,         "Flags",         "FLT_CALLBACK_DATA_FLAGS",       0x00, 4,    "", NONE)  \
  F(FLT_CALLBACK_DATA, Thread,        "Thread",        "const PETHREAD",                0x08, 8,    "", NONE)  \
  F(FLT_CALLBACK_DATA, Iopb,          "Iopb",          "const PFLT_IO_PARAMETER_BLOCK", 0x10, 8,    "", NONE)  \
  F(FLT_CALLBACK_DATA, IoStatus,      "IoStatus",      "IO_STATUS_BLOCK",               0x18, 0x10, "", IO_STATUS_BLOCK) \
  F(FLT_CALLBACK_DATA, TagData,       "TagData",       "struct _FLT_TAG_DATA_BUFFER *", 0x28, 8,    "", NONE)  \
  F(FLT_CALLBACK_DATA, QueueLinks,    "QueueLinks",    "LIST_ENTRY",                    0x30, 0x10, "$0", LIST_ENTRY) \
  F(FLT_CALLBACK_DATA, QueueContext,  "QueueContext",  "PVOID[2]",                      0x40, 0x10, "$0", NONE) \
  F(FLT_CALLBACK_DATA, FilterContext, "FilterContext", "PVOID[4]",                      0x30, 0x20, "FilterContext", NONE) \
  F(FLT_CALLBACK_DATA, RequestorMode, "RequestorMode", "KPROCESSOR_MODE",               0x50, 1,    "", NONE)  \
  /* FLT_RELATED_OBJECTS (fltKernel.h) */                                                                      \
  F(FLT_RELATED_OBJECTS, Size,               "Size",               "const USHORT",        0x00, 2, "", NONE)   \
  F(FLT_RELATED_OBJECTS, TransactionContext, "TransactionContext", "const USHORT",        0x02, 2, "", NONE)   \
  F(FLT_RELATED_OBJECTS, Filter,             "Filter",             "const PFLT_FILTER",   0x08, 8, "", NONE)   \
  F(FLT_RELATED_OBJECTS, Volume,             "Volume",             "const PFLT_VOLUME",   0x10, 8, "", NONE)   \
  F(FLT_RELATED_OBJECTS, Instance,           "Instance",           "const PFLT_INSTANCE", 0x18, 8, "", NONE)   \
  F(FLT_RELATED_OBJECTS, FileObject,         "FileObject",         "const PFILE_OBJECT",  0x20, 8, "", NONE)   \
  F(FLT_RELATED_OBJECTS, Transaction,        "Transaction",        "const PKTRANSACTION", 0x28, 8, "", NONE)   \
  /* FLT_OPERATION_REGISTRATION (fltKernel.h) */                                                               \
  F(FLT_OPERATION_REGISTRATION, MajorFunction, "MajorFunction", "UCHAR",                            0x00, 1, "", NONE) \
  F(FLT_OPERATION_REGISTRATION, Flags,         "Flags",         "FLT_OPERATION_REGISTRATION_FLAGS", 0x04, 4, "", NONE) \
  F(FLT_OPERATION_REGISTRATION, PreOperation,  "PreOperation",  "PFLT_PRE_OPERATION_CALLBACK",      0x08, 8, "", NONE) \
  F(FLT_OPERATION_REGISTRATION, PostOperation, "PostOperation", "PFLT_POST_OPERATION_CALLBACK",     0x10, 8, "", NONE) \
  F(FLT_OPERATION_REGISTRATION, Reserved1,     "Reserved1",     "PVOID",                            0x18, 8, "", NONE) \
  /* FLT_CONTEXT_REGISTRATION (fltKernel.h) */                                                                 \
  F(FLT_CONTEXT_REGISTRATION, ContextType,             "ContextType",             "FLT_CONTEXT_TYPE",               0x00, 2, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, Flags,                   "Flags",                   "FLT_CONTEXT_REGISTRATION_FLAGS", 0x02, 2, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, ContextCleanupCallback,  "ContextCleanupCallback",  "PFLT_CONTEXT_CLEANUP_CALLBACK",  0x08, 8, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, Size,                    "Size",                    "SIZE_T",                         0x10, 8, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, PoolTag,                 "PoolTag",                 "ULONG",                          0x18, 4, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, ContextAllocateCallback, "ContextAllocateCallback", "PFLT_CONTEXT_ALLOCATE_CALLBACK", 0x20, 8, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, ContextFreeCallback,     "ContextFreeCallback",     "PFLT_CONTEXT_FREE_CALLBACK",     0x28, 8, "", NONE) \
  F(FLT_CONTEXT_REGISTRATION, Reserved1,               "Reserved1",               "PVOID",                          0x30, 8, "", NONE) \
  /* FLT_REGISTRATION (fltKernel.h, FLT_REGISTRATION_VERSION_0203) */                                          \
  F(FLT_REGISTRATION, Size,                             "Size",                             "USHORT",                                    0x00, 2, "", NONE) \
  F(FLT_REGISTRATION, Version,                          "Version",                          "USHORT",                                    0x02, 2, "", NONE) \
  F(FLT_REGISTRATION, Flags,                            "Flags",                            "FLT_REGISTRATION_FLAGS",                    0x04, 4, "", NONE) \
  F(FLT_REGISTRATION, ContextRegistration,              "ContextRegistration",              "const FLT_CONTEXT_REGISTRATION *",          0x08, 8, "", NONE) \
  F(FLT_REGISTRATION, OperationRegistration,            "OperationRegistration",            "const FLT_OPERATION_REGISTRATION *",        0x10, 8, "", NONE) \
  F(FLT_REGISTRATION, FilterUnloadCallback,             "FilterUnloadCallback",             "PFLT_FILTER_UNLOAD_CALLBACK",               0x18, 8, "", NONE) \
  F(FLT_REGISTRATION, InstanceSetupCallback,            "InstanceSetupCallback",            "PFLT_INSTANCE_SETUP_CALLBACK",              0x20, 8, "", NONE) \
  F(FLT_REGISTRATION, InstanceQueryTeardownCallback,    "InstanceQueryTeardownCallback",    "PFLT_INSTANCE_QUERY_TEARDOWN_CALLBACK",     0x28, 8, "", NONE) \
  F(FLT_REGISTRATION, InstanceTeardownStartCallback,    "InstanceTeardownStartCallback",    "PFLT_INSTANCE_TEARDOWN_CALLBACK",           0x30, 8, "", NONE) \
  F(FLT_REGISTRATION, InstanceTeardownCompleteCallback, "InstanceTeardownCompleteCallback", "PFLT_INSTANCE_TEARDOWN_CALLBACK",           0x38, 8, "", NONE) \
  F(FLT_REGISTRATION, GenerateFileNameCallback,         "GenerateFileNameCallback",         "PFLT_GENERATE_FILE_NAME",                   0x40, 8, "", NONE) \
  F(FLT_REGISTRATION, NormalizeNameComponentCallback,   "NormalizeNameComponentCallback",   "PFLT_NORMALIZE_NAME_COMPONENT",             0x48, 8, "", NONE) \
  F(FLT_REGISTRATION, NormalizeContextCleanupCallback,  "NormalizeContextCleanupCallback",  "PFLT_NORMALIZE_CONTEXT_CLEANUP",            0x50, 8, "", NONE) \
  F(FLT_REGISTRATION, TransactionNotificationCallback,  "TransactionNotificationCallback",  "PFLT_TRANSACTION_NOTIFICATION_CALLBACK",    0x58, 8, "", NONE) \
  F(FLT_REGISTRATION, NormalizeNameComponentExCallback, "NormalizeNameComponentExCallback", "PFLT_NORMALIZE_NAME_COMPONENT_EX",          0x60, 8, "", NONE) \
  F(FLT_REGISTRATION, SectionNotificationCallback,      "SectionNotificationCallback",      "PFLT_SECTION_CONFLICT_NOTIFICATION_CALLBACK", 0x68, 8, "", NONE) \
  /* FLT_FILE_NAME_INFORMATION (fltKernel.h) */                                                                \
  F(FLT_FILE_NAME_INFORMATION, Size,           "Size",           "USHORT",                     0x00, 2,    "", NONE) \
  F(FLT_FILE_NAME_INFORMATION, NamesParsed,    "NamesParsed",    "FLT_FILE_NAME_PARSED_FLAGS", 0x02, 2,    "", NONE) \
  F(FLT_FILE_NAME_INFORMATION, Format,         "Format",         "FLT_FILE_NAME_OPTIONS",      0x04, 4,    "", NONE) \
  F(FLT_FILE_NAME_INFORMATION, Name,           "Name",           "UNICODE_STRING",             0x08, 0x10, "", UNICODE_STRING) \
  F(FLT_FILE_NAME_INFORMATION, Volume,         "Volume",         "UNICODE_STRING",             0x18, 0x10, "", UNICODE_STRING) \
  F(FLT_FILE_NAME_INFORMATION, Share,          "Share",          "UNICODE_STRING",             0x28, 0x10, "", UNICODE_STRING) \
  F(FLT_FILE_NAME_INFORMATION, Extension,      "Extension",      "UNICODE_STRING",             0x38, 0x10, "", UNICODE_STRING) \
  F(FLT_FILE_NAME_INFORMATION, Stream,         "Stream",         "UNICODE_STRING",             0x48, 0x10, "", UNICODE_STRING) \
  F(FLT_FILE_NAME_INFORMATION, FinalComponent, "FinalComponent", "UNICODE_STRING",             0x58, 0x10, "", UNICODE_STRING) \
  F(FLT_FILE_NAME_INFORMATION, ParentDir,      "ParentDir",      "UNICODE_STRING",             0x68, 0x10, "", UNICODE_STRING)

#endif
