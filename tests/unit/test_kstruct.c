/* core/kstruct: the one table of kernel structures (x64). Sizes and the offsets learners use
 * most are written here by hand from Microsoft's documentation and WDK header copies (see
 * docs/structures.md); every other offset is checked against mirror declarations below, which
 * restate the WDK declarations with fixed-width types so the compiler lays them out as MSVC
 * does on x64 (P64 stands for any 8-byte, 8-aligned member: pointers, HANDLE, SIZE_T,
 * ULONG_PTR, LONGLONG; _Alignas(8) on a 4-byte member is the WDK's POINTER_ALIGNMENT). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "kstruct/kstruct.h"
#include "check.h"

/* ---- Hand-written expected values ---- */

static void struct_sizes_should_match_the_wdk_on_x64(check_ctx *t) {
  CHECK_INT(t, ks_struct_size(KS_STRUCT_LIST_ENTRY), 0x10);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_LARGE_INTEGER), 0x08);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_UNICODE_STRING), 0x10);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_IO_STATUS_BLOCK), 0x10);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_KSPIN_LOCK), 0x08);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_DISPATCHER_HEADER), 0x18);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_KEVENT), 0x18);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FAST_MUTEX), 0x38);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_WORK_QUEUE_ITEM), 0x20);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_MDL), 0x30);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_IO_SECURITY_CONTEXT), 0x18);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FILE_OBJECT), 0xD8);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FILE_BASIC_INFORMATION), 0x28);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FILE_STANDARD_INFORMATION), 0x18);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FILE_NETWORK_OPEN_INFORMATION), 0x38);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_PARAMETERS), 0x30);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_IO_PARAMETER_BLOCK), 0x48);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_CALLBACK_DATA), 0x58);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_RELATED_OBJECTS), 0x30);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_OPERATION_REGISTRATION), 0x20);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_CONTEXT_REGISTRATION), 0x38);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_REGISTRATION), 0x70);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_FLT_FILE_NAME_INFORMATION), 0x78);
}

static void most_used_offsets_should_match_the_wdk_on_x64(check_ctx *t) {
  /* FLT_CALLBACK_DATA */
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_Flags), 0x00);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_Thread), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_Iopb), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_IoStatus), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_TagData), 0x28);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_QueueLinks), 0x30);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_FilterContext), 0x30);
  CHECK_INT(t, ks_offset(KS_FLT_CALLBACK_DATA_RequestorMode), 0x50);
  /* FLT_IO_PARAMETER_BLOCK */
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_IrpFlags), 0x00);
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_MajorFunction), 0x04);
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_MinorFunction), 0x05);
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_OperationFlags), 0x06);
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_TargetFileObject), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_TargetInstance), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_IO_PARAMETER_BLOCK_Parameters), 0x18);
  /* FLT_PARAMETERS */
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Create_SecurityContext), 0x00);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Create_Options), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Create_FileAttributes), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Create_ShareAccess), 0x12);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Create_EaLength), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Create_AllocationSize), 0x28);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Read_Length), 0x00);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Read_Key), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Read_ByteOffset), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Read_ReadBuffer), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Read_MdlAddress), 0x20);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Write_WriteBuffer), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_QueryFileInformation_FileInformationClass), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_QueryFileInformation_InfoBuffer), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_SetFileInformation_ParentOfTarget), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_SetFileInformation_ReplaceIfExists), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_SetFileInformation_InfoBuffer), 0x20);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_QueryOpen_FileInformationClass), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_DeviceIoControl_Common_IoControlCode), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_PARAMETERS_Others_Argument6), 0x28);
  /* FLT_RELATED_OBJECTS */
  CHECK_INT(t, ks_offset(KS_FLT_RELATED_OBJECTS_Filter), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_RELATED_OBJECTS_Volume), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_RELATED_OBJECTS_Instance), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_RELATED_OBJECTS_FileObject), 0x20);
  /* FLT_REGISTRATION and its arrays */
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_Version), 0x02);
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_Flags), 0x04);
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_ContextRegistration), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_OperationRegistration), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_FilterUnloadCallback), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_InstanceSetupCallback), 0x20);
  CHECK_INT(t, ks_offset(KS_FLT_REGISTRATION_SectionNotificationCallback), 0x68);
  CHECK_INT(t, ks_offset(KS_FLT_OPERATION_REGISTRATION_Flags), 0x04);
  CHECK_INT(t, ks_offset(KS_FLT_OPERATION_REGISTRATION_PreOperation), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_OPERATION_REGISTRATION_PostOperation), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_CONTEXT_REGISTRATION_Size), 0x10);
  CHECK_INT(t, ks_offset(KS_FLT_CONTEXT_REGISTRATION_PoolTag), 0x18);
  /* FLT_FILE_NAME_INFORMATION */
  CHECK_INT(t, ks_offset(KS_FLT_FILE_NAME_INFORMATION_Name), 0x08);
  CHECK_INT(t, ks_offset(KS_FLT_FILE_NAME_INFORMATION_Volume), 0x18);
  CHECK_INT(t, ks_offset(KS_FLT_FILE_NAME_INFORMATION_FinalComponent), 0x58);
  CHECK_INT(t, ks_offset(KS_FLT_FILE_NAME_INFORMATION_ParentDir), 0x68);
  /* FILE_OBJECT */
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_DeviceObject), 0x08);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_FsContext), 0x18);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_FsContext2), 0x20);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_FinalStatus), 0x38);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_DeletePending), 0x49);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_Flags), 0x50);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_FileName), 0x58);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_CurrentByteOffset), 0x68);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_Event), 0x98);
  CHECK_INT(t, ks_offset(KS_FILE_OBJECT_FileObjectExtension), 0xD0);
  /* Small structures */
  CHECK_INT(t, ks_offset(KS_UNICODE_STRING_MaximumLength), 0x02);
  CHECK_INT(t, ks_offset(KS_UNICODE_STRING_Buffer), 0x08);
  CHECK_INT(t, ks_offset(KS_IO_STATUS_BLOCK_Information), 0x08);
  CHECK_INT(t, ks_offset(KS_LARGE_INTEGER_HighPart), 0x04);
  CHECK_INT(t, ks_offset(KS_MDL_MdlFlags), 0x0A);
  CHECK_INT(t, ks_offset(KS_MDL_MappedSystemVa), 0x18);
  CHECK_INT(t, ks_offset(KS_MDL_ByteCount), 0x28);
  CHECK_INT(t, ks_offset(KS_WORK_QUEUE_ITEM_WorkerRoutine), 0x10);
  CHECK_INT(t, ks_offset(KS_FAST_MUTEX_Event), 0x18);
  CHECK_INT(t, ks_offset(KS_DISPATCHER_HEADER_SignalState), 0x04);
  CHECK_INT(t, ks_offset(KS_FILE_STANDARD_INFORMATION_EndOfFile), 0x08);
  CHECK_INT(t, ks_offset(KS_FILE_STANDARD_INFORMATION_Directory), 0x15);
  CHECK_INT(t, ks_offset(KS_FILE_BASIC_INFORMATION_FileAttributes), 0x20);
  CHECK_INT(t, ks_offset(KS_FILE_NETWORK_OPEN_INFORMATION_EndOfFile), 0x28);
}

/* ---- Mirror declarations (x64 layout through fixed-width types) ---- */

typedef struct P64 { _Alignas(8) uint64_t v; } P64;
#define A8 _Alignas(8)

typedef struct m_LIST_ENTRY { P64 Flink, Blink; } m_LIST_ENTRY;
typedef union m_LARGE_INTEGER {
  struct { uint32_t LowPart; int32_t HighPart; };
  struct { uint32_t LowPart; int32_t HighPart; } u;
  P64 QuadPart;
} m_LARGE_INTEGER;
typedef struct m_UNICODE_STRING { uint16_t Length, MaximumLength; P64 Buffer; } m_UNICODE_STRING;
typedef struct m_IO_STATUS_BLOCK {
  union { int32_t Status; P64 Pointer; };
  P64 Information;
} m_IO_STATUS_BLOCK;
typedef struct m_DISPATCHER_HEADER {
  union {
    int32_t Lock;
    struct { uint8_t Type, Signalling, Size, Reserved1; };
  };
  int32_t SignalState;
  m_LIST_ENTRY WaitListHead;
} m_DISPATCHER_HEADER;
typedef struct m_KEVENT { m_DISPATCHER_HEADER Header; } m_KEVENT;
typedef struct m_FAST_MUTEX {
  int32_t Count;
  P64 Owner;
  uint32_t Contention;
  m_KEVENT Event;
  uint32_t OldIrql;
} m_FAST_MUTEX;
typedef struct m_WORK_QUEUE_ITEM { m_LIST_ENTRY List; P64 WorkerRoutine, Parameter; } m_WORK_QUEUE_ITEM;
typedef struct m_MDL {
  P64 Next;
  int16_t Size, MdlFlags;
  P64 Process, MappedSystemVa, StartVa;
  uint32_t ByteCount, ByteOffset;
} m_MDL;
typedef struct m_IO_SECURITY_CONTEXT {
  P64 SecurityQos, AccessState;
  uint32_t DesiredAccess, FullCreateOptions;
} m_IO_SECURITY_CONTEXT;
typedef struct m_FILE_OBJECT {
  int16_t Type, Size;
  P64 DeviceObject, Vpb, FsContext, FsContext2, SectionObjectPointer, PrivateCacheMap;
  int32_t FinalStatus;
  P64 RelatedFileObject;
  uint8_t LockOperation, DeletePending, ReadAccess, WriteAccess, DeleteAccess, SharedRead,
      SharedWrite, SharedDelete;
  uint32_t Flags;
  m_UNICODE_STRING FileName;
  m_LARGE_INTEGER CurrentByteOffset;
  uint32_t Waiters, Busy;
  P64 LastLock;
  m_KEVENT Lock, Event;
  P64 CompletionContext, IrpListLock;
  m_LIST_ENTRY IrpList;
  P64 FileObjectExtension;
} m_FILE_OBJECT;
typedef struct m_FILE_BASIC_INFORMATION {
  m_LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
  uint32_t FileAttributes;
} m_FILE_BASIC_INFORMATION;
typedef struct m_FILE_STANDARD_INFORMATION {
  m_LARGE_INTEGER AllocationSize, EndOfFile;
  uint32_t NumberOfLinks;
  uint8_t DeletePending, Directory;
} m_FILE_STANDARD_INFORMATION;
typedef struct m_FILE_NETWORK_OPEN_INFORMATION {
  m_LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime, AllocationSize, EndOfFile;
  uint32_t FileAttributes;
} m_FILE_NETWORK_OPEN_INFORMATION;
typedef union m_FLT_PARAMETERS {
  struct {
    P64 SecurityContext;
    A8 uint32_t Options;
    A8 uint16_t FileAttributes;
    uint16_t ShareAccess;
    A8 uint32_t EaLength;
    P64 EaBuffer;
    m_LARGE_INTEGER AllocationSize;
  } Create;
  struct { uint32_t Length; A8 uint32_t Key; m_LARGE_INTEGER ByteOffset; P64 ReadBuffer, MdlAddress; } Read;
  struct { uint32_t Length; A8 uint32_t Key; m_LARGE_INTEGER ByteOffset; P64 WriteBuffer, MdlAddress; } Write;
  struct { uint32_t Length; A8 int32_t FileInformationClass; P64 InfoBuffer; } QueryFileInformation;
  struct {
    uint32_t Length;
    A8 int32_t FileInformationClass;
    P64 ParentOfTarget;
    union {
      struct { uint8_t ReplaceIfExists, AdvanceOnly; };
      uint32_t ClusterCount;
      P64 DeleteHandle;
    };
    P64 InfoBuffer;
  } SetFileInformation;
  struct { uint32_t Length; A8 int32_t FsInformationClass; P64 VolumeBuffer; } QueryVolumeInformation;
  union {
    struct {
      uint32_t Length;
      P64 FileName;
      int32_t FileInformationClass;
      A8 uint32_t FileIndex;
      P64 DirectoryBuffer, MdlAddress;
    } QueryDirectory;
    struct {
      uint32_t Length;
      A8 uint32_t CompletionFilter;
      A8 uint32_t Spare1;
      A8 uint32_t Spare2;
      P64 DirectoryBuffer, MdlAddress;
    } NotifyDirectory;
  } DirectoryControl;
  union {
    struct { uint32_t OutputBufferLength; A8 uint32_t InputBufferLength; A8 uint32_t FsControlCode; } Common;
    struct {
      uint32_t OutputBufferLength;
      A8 uint32_t InputBufferLength;
      A8 uint32_t FsControlCode;
      P64 SystemBuffer;
    } Buffered;
  } FileSystemControl;
  union {
    struct { uint32_t OutputBufferLength; A8 uint32_t InputBufferLength; A8 uint32_t IoControlCode; } Common;
    struct {
      uint32_t OutputBufferLength;
      A8 uint32_t InputBufferLength;
      A8 uint32_t IoControlCode;
      P64 InputBuffer, OutputBuffer, OutputMdlAddress;
    } Neither;
    struct {
      uint32_t OutputBufferLength;
      A8 uint32_t InputBufferLength;
      A8 uint32_t IoControlCode;
      P64 SystemBuffer;
    } Buffered;
    struct {
      uint32_t OutputBufferLength;
      A8 uint32_t InputBufferLength;
      A8 uint32_t IoControlCode;
      P64 InputSystemBuffer, OutputBuffer, OutputMdlAddress;
    } Direct;
    struct {
      uint32_t OutputBufferLength;
      A8 uint32_t InputBufferLength;
      A8 uint32_t IoControlCode;
      P64 InputBuffer, OutputBuffer;
    } FastIo;
  } DeviceIoControl;
  struct {
    P64 Length;
    A8 uint32_t Key;
    m_LARGE_INTEGER ByteOffset;
    P64 ProcessId;
    uint8_t FailImmediately, ExclusiveLock;
  } LockControl;
  struct {
    int32_t SyncType;
    uint32_t PageProtection;
    P64 OutputInformation;
    uint32_t Flags, AllocationAttributes;
  } AcquireForSectionSynchronization;
  struct { P64 EndingOffset, ResourceToRelease; } AcquireForModifiedPageWriter;
  struct { P64 ResourceToRelease; } ReleaseForModifiedPageWriter;
  struct { P64 Irp, FileInformation, Length; int32_t FileInformationClass; } QueryOpen;
  struct {
    m_LARGE_INTEGER FileOffset;
    uint32_t Length;
    A8 uint32_t LockKey;
    A8 uint8_t CheckForReadOperation;
  } FastIoCheckIfPossible;
  struct { P64 Irp, NetworkInformation; } NetworkQueryOpen;
  struct { m_LARGE_INTEGER FileOffset; A8 uint32_t Length; A8 uint32_t Key; P64 MdlChain; } MdlRead;
  struct { uint32_t DeviceType; } MountVolume;
  struct { P64 Argument1, Argument2, Argument3, Argument4, Argument5; m_LARGE_INTEGER Argument6; } Others;
} m_FLT_PARAMETERS;
typedef struct m_FLT_IO_PARAMETER_BLOCK {
  uint32_t IrpFlags;
  uint8_t MajorFunction, MinorFunction, OperationFlags, Reserved;
  P64 TargetFileObject, TargetInstance;
  m_FLT_PARAMETERS Parameters;
} m_FLT_IO_PARAMETER_BLOCK;
typedef struct m_FLT_CALLBACK_DATA {
  uint32_t Flags;
  P64 Thread, Iopb;
  m_IO_STATUS_BLOCK IoStatus;
  P64 TagData;
  union {
    struct { m_LIST_ENTRY QueueLinks; P64 QueueContext[2]; };
    P64 FilterContext[4];
  };
  int8_t RequestorMode;
} m_FLT_CALLBACK_DATA;
typedef struct m_FLT_RELATED_OBJECTS {
  uint16_t Size, TransactionContext;
  P64 Filter, Volume, Instance, FileObject, Transaction;
} m_FLT_RELATED_OBJECTS;
typedef struct m_FLT_OPERATION_REGISTRATION {
  uint8_t MajorFunction;
  uint32_t Flags;
  P64 PreOperation, PostOperation, Reserved1;
} m_FLT_OPERATION_REGISTRATION;
typedef struct m_FLT_CONTEXT_REGISTRATION {
  uint16_t ContextType, Flags;
  P64 ContextCleanupCallback, Size;
  uint32_t PoolTag;
  P64 ContextAllocateCallback, ContextFreeCallback, Reserved1;
} m_FLT_CONTEXT_REGISTRATION;
typedef struct m_FLT_REGISTRATION {
  uint16_t Size, Version;
  uint32_t Flags;
  P64 ContextRegistration, OperationRegistration, FilterUnloadCallback, InstanceSetupCallback,
      InstanceQueryTeardownCallback, InstanceTeardownStartCallback, InstanceTeardownCompleteCallback,
      GenerateFileNameCallback, NormalizeNameComponentCallback, NormalizeContextCleanupCallback,
      TransactionNotificationCallback, NormalizeNameComponentExCallback, SectionNotificationCallback;
} m_FLT_REGISTRATION;
typedef struct m_FLT_FILE_NAME_INFORMATION {
  uint16_t Size, NamesParsed;
  uint32_t Format;
  m_UNICODE_STRING Name, Volume, Share, Extension, Stream, FinalComponent, ParentDir;
} m_FLT_FILE_NAME_INFORMATION;

typedef struct mirror_struct {
  ks_struct s;
  size_t size, align;
} mirror_struct;

#define MS_(name) { KS_STRUCT_##name, sizeof(m_##name), _Alignof(m_##name) }
static const mirror_struct mirror_structs[] = {
  MS_(LIST_ENTRY), MS_(LARGE_INTEGER), MS_(UNICODE_STRING), MS_(IO_STATUS_BLOCK),
  { KS_STRUCT_KSPIN_LOCK, sizeof(P64), _Alignof(P64) }, MS_(DISPATCHER_HEADER), MS_(KEVENT),
  MS_(FAST_MUTEX), MS_(WORK_QUEUE_ITEM), MS_(MDL), MS_(IO_SECURITY_CONTEXT), MS_(FILE_OBJECT),
  MS_(FILE_BASIC_INFORMATION), MS_(FILE_STANDARD_INFORMATION), MS_(FILE_NETWORK_OPEN_INFORMATION),
  MS_(FLT_PARAMETERS), MS_(FLT_IO_PARAMETER_BLOCK), MS_(FLT_CALLBACK_DATA), MS_(FLT_RELATED_OBJECTS),
  MS_(FLT_OPERATION_REGISTRATION), MS_(FLT_CONTEXT_REGISTRATION), MS_(FLT_REGISTRATION),
  MS_(FLT_FILE_NAME_INFORMATION),
};

typedef struct mirror_field {
  ks_field f;
  size_t offset, size;
} mirror_field;

/* The field KS_<st>_<id> is member `m` of the mirror of <st>. */
#define MF_(st, id, m) { KS_##st##_##id, offsetof(m_##st, m), sizeof(((m_##st *)0)->m) }
/* Same, where the member path is the id itself. */
#define MI_(st, id) MF_(st, id, id)

static const mirror_field mirror_fields[] = {
  MI_(LIST_ENTRY, Flink), MI_(LIST_ENTRY, Blink),
  MI_(LARGE_INTEGER, LowPart), MI_(LARGE_INTEGER, HighPart), MF_(LARGE_INTEGER, u_LowPart, u.LowPart),
  MF_(LARGE_INTEGER, u_HighPart, u.HighPart), MI_(LARGE_INTEGER, QuadPart),
  MI_(UNICODE_STRING, Length), MI_(UNICODE_STRING, MaximumLength), MI_(UNICODE_STRING, Buffer),
  MI_(IO_STATUS_BLOCK, Status), MI_(IO_STATUS_BLOCK, Pointer), MI_(IO_STATUS_BLOCK, Information),
  MI_(DISPATCHER_HEADER, Lock), MI_(DISPATCHER_HEADER, Type), MI_(DISPATCHER_HEADER, Signalling),
  MI_(DISPATCHER_HEADER, Size), MI_(DISPATCHER_HEADER, Reserved1), MI_(DISPATCHER_HEADER, SignalState),
  MI_(DISPATCHER_HEADER, WaitListHead),
  MI_(KEVENT, Header),
  MI_(FAST_MUTEX, Count), MI_(FAST_MUTEX, Owner), MI_(FAST_MUTEX, Contention), MI_(FAST_MUTEX, Event),
  MI_(FAST_MUTEX, OldIrql),
  MI_(WORK_QUEUE_ITEM, List), MI_(WORK_QUEUE_ITEM, WorkerRoutine), MI_(WORK_QUEUE_ITEM, Parameter),
  MI_(MDL, Next), MI_(MDL, Size), MI_(MDL, MdlFlags), MI_(MDL, Process), MI_(MDL, MappedSystemVa),
  MI_(MDL, StartVa), MI_(MDL, ByteCount), MI_(MDL, ByteOffset),
  MI_(IO_SECURITY_CONTEXT, SecurityQos), MI_(IO_SECURITY_CONTEXT, AccessState),
  MI_(IO_SECURITY_CONTEXT, DesiredAccess), MI_(IO_SECURITY_CONTEXT, FullCreateOptions),
  MI_(FILE_OBJECT, Type), MI_(FILE_OBJECT, Size), MI_(FILE_OBJECT, DeviceObject), MI_(FILE_OBJECT, Vpb),
  MI_(FILE_OBJECT, FsContext), MI_(FILE_OBJECT, FsContext2), MI_(FILE_OBJECT, SectionObjectPointer),
  MI_(FILE_OBJECT, PrivateCacheMap), MI_(FILE_OBJECT, FinalStatus), MI_(FILE_OBJECT, RelatedFileObject),
  MI_(FILE_OBJECT, LockOperation), MI_(FILE_OBJECT, DeletePending), MI_(FILE_OBJECT, ReadAccess),
  MI_(FILE_OBJECT, WriteAccess), MI_(FILE_OBJECT, DeleteAccess), MI_(FILE_OBJECT, SharedRead),
  MI_(FILE_OBJECT, SharedWrite), MI_(FILE_OBJECT, SharedDelete), MI_(FILE_OBJECT, Flags),
  MI_(FILE_OBJECT, FileName), MI_(FILE_OBJECT, CurrentByteOffset), MI_(FILE_OBJECT, Waiters),
  MI_(FILE_OBJECT, Busy), MI_(FILE_OBJECT, LastLock), MI_(FILE_OBJECT, Lock), MI_(FILE_OBJECT, Event),
  MI_(FILE_OBJECT, CompletionContext), MI_(FILE_OBJECT, IrpListLock), MI_(FILE_OBJECT, IrpList),
  MI_(FILE_OBJECT, FileObjectExtension),
  MI_(FILE_BASIC_INFORMATION, CreationTime), MI_(FILE_BASIC_INFORMATION, LastAccessTime),
  MI_(FILE_BASIC_INFORMATION, LastWriteTime), MI_(FILE_BASIC_INFORMATION, ChangeTime),
  MI_(FILE_BASIC_INFORMATION, FileAttributes),
  MI_(FILE_STANDARD_INFORMATION, AllocationSize), MI_(FILE_STANDARD_INFORMATION, EndOfFile),
  MI_(FILE_STANDARD_INFORMATION, NumberOfLinks), MI_(FILE_STANDARD_INFORMATION, DeletePending),
  MI_(FILE_STANDARD_INFORMATION, Directory),
  MI_(FILE_NETWORK_OPEN_INFORMATION, CreationTime), MI_(FILE_NETWORK_OPEN_INFORMATION, LastAccessTime),
  MI_(FILE_NETWORK_OPEN_INFORMATION, LastWriteTime), MI_(FILE_NETWORK_OPEN_INFORMATION, ChangeTime),
  MI_(FILE_NETWORK_OPEN_INFORMATION, AllocationSize), MI_(FILE_NETWORK_OPEN_INFORMATION, EndOfFile),
  MI_(FILE_NETWORK_OPEN_INFORMATION, FileAttributes),
  MF_(FLT_PARAMETERS, Create_SecurityContext, Create.SecurityContext),
  MF_(FLT_PARAMETERS, Create_Options, Create.Options),
  MF_(FLT_PARAMETERS, Create_FileAttributes, Create.FileAttributes),
  MF_(FLT_PARAMETERS, Create_ShareAccess, Create.ShareAccess),
  MF_(FLT_PARAMETERS, Create_EaLength, Create.EaLength),
  MF_(FLT_PARAMETERS, Create_EaBuffer, Create.EaBuffer),
  MF_(FLT_PARAMETERS, Create_AllocationSize, Create.AllocationSize),
  MF_(FLT_PARAMETERS, Read_Length, Read.Length), MF_(FLT_PARAMETERS, Read_Key, Read.Key),
  MF_(FLT_PARAMETERS, Read_ByteOffset, Read.ByteOffset), MF_(FLT_PARAMETERS, Read_ReadBuffer, Read.ReadBuffer),
  MF_(FLT_PARAMETERS, Read_MdlAddress, Read.MdlAddress),
  MF_(FLT_PARAMETERS, Write_Length, Write.Length), MF_(FLT_PARAMETERS, Write_Key, Write.Key),
  MF_(FLT_PARAMETERS, Write_ByteOffset, Write.ByteOffset),
  MF_(FLT_PARAMETERS, Write_WriteBuffer, Write.WriteBuffer),
  MF_(FLT_PARAMETERS, Write_MdlAddress, Write.MdlAddress),
  MF_(FLT_PARAMETERS, QueryFileInformation_Length, QueryFileInformation.Length),
  MF_(FLT_PARAMETERS, QueryFileInformation_FileInformationClass, QueryFileInformation.FileInformationClass),
  MF_(FLT_PARAMETERS, QueryFileInformation_InfoBuffer, QueryFileInformation.InfoBuffer),
  MF_(FLT_PARAMETERS, SetFileInformation_Length, SetFileInformation.Length),
  MF_(FLT_PARAMETERS, SetFileInformation_FileInformationClass, SetFileInformation.FileInformationClass),
  MF_(FLT_PARAMETERS, SetFileInformation_ParentOfTarget, SetFileInformation.ParentOfTarget),
  MF_(FLT_PARAMETERS, SetFileInformation_ReplaceIfExists, SetFileInformation.ReplaceIfExists),
  MF_(FLT_PARAMETERS, SetFileInformation_AdvanceOnly, SetFileInformation.AdvanceOnly),
  MF_(FLT_PARAMETERS, SetFileInformation_ClusterCount, SetFileInformation.ClusterCount),
  MF_(FLT_PARAMETERS, SetFileInformation_DeleteHandle, SetFileInformation.DeleteHandle),
  MF_(FLT_PARAMETERS, SetFileInformation_InfoBuffer, SetFileInformation.InfoBuffer),
  MF_(FLT_PARAMETERS, QueryVolumeInformation_Length, QueryVolumeInformation.Length),
  MF_(FLT_PARAMETERS, QueryVolumeInformation_FsInformationClass, QueryVolumeInformation.FsInformationClass),
  MF_(FLT_PARAMETERS, QueryVolumeInformation_VolumeBuffer, QueryVolumeInformation.VolumeBuffer),
  MF_(FLT_PARAMETERS, DirectoryControl_QueryDirectory_Length, DirectoryControl.QueryDirectory.Length),
  MF_(FLT_PARAMETERS, DirectoryControl_QueryDirectory_FileName, DirectoryControl.QueryDirectory.FileName),
  MF_(FLT_PARAMETERS, DirectoryControl_QueryDirectory_FileInformationClass,
      DirectoryControl.QueryDirectory.FileInformationClass),
  MF_(FLT_PARAMETERS, DirectoryControl_QueryDirectory_FileIndex, DirectoryControl.QueryDirectory.FileIndex),
  MF_(FLT_PARAMETERS, DirectoryControl_QueryDirectory_DirectoryBuffer,
      DirectoryControl.QueryDirectory.DirectoryBuffer),
  MF_(FLT_PARAMETERS, DirectoryControl_QueryDirectory_MdlAddress, DirectoryControl.QueryDirectory.MdlAddress),
  MF_(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_Length, DirectoryControl.NotifyDirectory.Length),
  MF_(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_CompletionFilter,
      DirectoryControl.NotifyDirectory.CompletionFilter),
  MF_(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_Spare1, DirectoryControl.NotifyDirectory.Spare1),
  MF_(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_Spare2, DirectoryControl.NotifyDirectory.Spare2),
  MF_(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_DirectoryBuffer,
      DirectoryControl.NotifyDirectory.DirectoryBuffer),
  MF_(FLT_PARAMETERS, DirectoryControl_NotifyDirectory_MdlAddress, DirectoryControl.NotifyDirectory.MdlAddress),
  MF_(FLT_PARAMETERS, FileSystemControl_Common_OutputBufferLength, FileSystemControl.Common.OutputBufferLength),
  MF_(FLT_PARAMETERS, FileSystemControl_Common_InputBufferLength, FileSystemControl.Common.InputBufferLength),
  MF_(FLT_PARAMETERS, FileSystemControl_Common_FsControlCode, FileSystemControl.Common.FsControlCode),
  MF_(FLT_PARAMETERS, FileSystemControl_Buffered_OutputBufferLength,
      FileSystemControl.Buffered.OutputBufferLength),
  MF_(FLT_PARAMETERS, FileSystemControl_Buffered_InputBufferLength, FileSystemControl.Buffered.InputBufferLength),
  MF_(FLT_PARAMETERS, FileSystemControl_Buffered_FsControlCode, FileSystemControl.Buffered.FsControlCode),
  MF_(FLT_PARAMETERS, FileSystemControl_Buffered_SystemBuffer, FileSystemControl.Buffered.SystemBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_Common_OutputBufferLength, DeviceIoControl.Common.OutputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Common_InputBufferLength, DeviceIoControl.Common.InputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Common_IoControlCode, DeviceIoControl.Common.IoControlCode),
  MF_(FLT_PARAMETERS, DeviceIoControl_Neither_OutputBufferLength, DeviceIoControl.Neither.OutputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Neither_InputBufferLength, DeviceIoControl.Neither.InputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Neither_IoControlCode, DeviceIoControl.Neither.IoControlCode),
  MF_(FLT_PARAMETERS, DeviceIoControl_Neither_InputBuffer, DeviceIoControl.Neither.InputBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_Neither_OutputBuffer, DeviceIoControl.Neither.OutputBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_Neither_OutputMdlAddress, DeviceIoControl.Neither.OutputMdlAddress),
  MF_(FLT_PARAMETERS, DeviceIoControl_Buffered_OutputBufferLength, DeviceIoControl.Buffered.OutputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Buffered_InputBufferLength, DeviceIoControl.Buffered.InputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Buffered_IoControlCode, DeviceIoControl.Buffered.IoControlCode),
  MF_(FLT_PARAMETERS, DeviceIoControl_Buffered_SystemBuffer, DeviceIoControl.Buffered.SystemBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_Direct_OutputBufferLength, DeviceIoControl.Direct.OutputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Direct_InputBufferLength, DeviceIoControl.Direct.InputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_Direct_IoControlCode, DeviceIoControl.Direct.IoControlCode),
  MF_(FLT_PARAMETERS, DeviceIoControl_Direct_InputSystemBuffer, DeviceIoControl.Direct.InputSystemBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_Direct_OutputBuffer, DeviceIoControl.Direct.OutputBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_Direct_OutputMdlAddress, DeviceIoControl.Direct.OutputMdlAddress),
  MF_(FLT_PARAMETERS, DeviceIoControl_FastIo_OutputBufferLength, DeviceIoControl.FastIo.OutputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_FastIo_InputBufferLength, DeviceIoControl.FastIo.InputBufferLength),
  MF_(FLT_PARAMETERS, DeviceIoControl_FastIo_IoControlCode, DeviceIoControl.FastIo.IoControlCode),
  MF_(FLT_PARAMETERS, DeviceIoControl_FastIo_InputBuffer, DeviceIoControl.FastIo.InputBuffer),
  MF_(FLT_PARAMETERS, DeviceIoControl_FastIo_OutputBuffer, DeviceIoControl.FastIo.OutputBuffer),
  MF_(FLT_PARAMETERS, LockControl_Length, LockControl.Length), MF_(FLT_PARAMETERS, LockControl_Key, LockControl.Key),
  MF_(FLT_PARAMETERS, LockControl_ByteOffset, LockControl.ByteOffset),
  MF_(FLT_PARAMETERS, LockControl_ProcessId, LockControl.ProcessId),
  MF_(FLT_PARAMETERS, LockControl_FailImmediately, LockControl.FailImmediately),
  MF_(FLT_PARAMETERS, LockControl_ExclusiveLock, LockControl.ExclusiveLock),
  MF_(FLT_PARAMETERS, AcquireForSectionSynchronization_SyncType, AcquireForSectionSynchronization.SyncType),
  MF_(FLT_PARAMETERS, AcquireForSectionSynchronization_PageProtection,
      AcquireForSectionSynchronization.PageProtection),
  MF_(FLT_PARAMETERS, AcquireForSectionSynchronization_OutputInformation,
      AcquireForSectionSynchronization.OutputInformation),
  MF_(FLT_PARAMETERS, AcquireForSectionSynchronization_Flags, AcquireForSectionSynchronization.Flags),
  MF_(FLT_PARAMETERS, AcquireForSectionSynchronization_AllocationAttributes,
      AcquireForSectionSynchronization.AllocationAttributes),
  MF_(FLT_PARAMETERS, AcquireForModifiedPageWriter_EndingOffset, AcquireForModifiedPageWriter.EndingOffset),
  MF_(FLT_PARAMETERS, AcquireForModifiedPageWriter_ResourceToRelease,
      AcquireForModifiedPageWriter.ResourceToRelease),
  MF_(FLT_PARAMETERS, ReleaseForModifiedPageWriter_ResourceToRelease,
      ReleaseForModifiedPageWriter.ResourceToRelease),
  MF_(FLT_PARAMETERS, QueryOpen_Irp, QueryOpen.Irp),
  MF_(FLT_PARAMETERS, QueryOpen_FileInformation, QueryOpen.FileInformation),
  MF_(FLT_PARAMETERS, QueryOpen_Length, QueryOpen.Length),
  MF_(FLT_PARAMETERS, QueryOpen_FileInformationClass, QueryOpen.FileInformationClass),
  MF_(FLT_PARAMETERS, FastIoCheckIfPossible_FileOffset, FastIoCheckIfPossible.FileOffset),
  MF_(FLT_PARAMETERS, FastIoCheckIfPossible_Length, FastIoCheckIfPossible.Length),
  MF_(FLT_PARAMETERS, FastIoCheckIfPossible_LockKey, FastIoCheckIfPossible.LockKey),
  MF_(FLT_PARAMETERS, FastIoCheckIfPossible_CheckForReadOperation, FastIoCheckIfPossible.CheckForReadOperation),
  MF_(FLT_PARAMETERS, NetworkQueryOpen_Irp, NetworkQueryOpen.Irp),
  MF_(FLT_PARAMETERS, NetworkQueryOpen_NetworkInformation, NetworkQueryOpen.NetworkInformation),
  MF_(FLT_PARAMETERS, MdlRead_FileOffset, MdlRead.FileOffset), MF_(FLT_PARAMETERS, MdlRead_Length, MdlRead.Length),
  MF_(FLT_PARAMETERS, MdlRead_Key, MdlRead.Key), MF_(FLT_PARAMETERS, MdlRead_MdlChain, MdlRead.MdlChain),
  MF_(FLT_PARAMETERS, MountVolume_DeviceType, MountVolume.DeviceType),
  MF_(FLT_PARAMETERS, Others_Argument1, Others.Argument1), MF_(FLT_PARAMETERS, Others_Argument2, Others.Argument2),
  MF_(FLT_PARAMETERS, Others_Argument3, Others.Argument3), MF_(FLT_PARAMETERS, Others_Argument4, Others.Argument4),
  MF_(FLT_PARAMETERS, Others_Argument5, Others.Argument5), MF_(FLT_PARAMETERS, Others_Argument6, Others.Argument6),
  MI_(FLT_IO_PARAMETER_BLOCK, IrpFlags), MI_(FLT_IO_PARAMETER_BLOCK, MajorFunction),
  MI_(FLT_IO_PARAMETER_BLOCK, MinorFunction), MI_(FLT_IO_PARAMETER_BLOCK, OperationFlags),
  MI_(FLT_IO_PARAMETER_BLOCK, Reserved), MI_(FLT_IO_PARAMETER_BLOCK, TargetFileObject),
  MI_(FLT_IO_PARAMETER_BLOCK, TargetInstance), MI_(FLT_IO_PARAMETER_BLOCK, Parameters),
  MI_(FLT_CALLBACK_DATA, Flags), MI_(FLT_CALLBACK_DATA, Thread), MI_(FLT_CALLBACK_DATA, Iopb),
  MI_(FLT_CALLBACK_DATA, IoStatus), MI_(FLT_CALLBACK_DATA, TagData), MI_(FLT_CALLBACK_DATA, QueueLinks),
  MI_(FLT_CALLBACK_DATA, QueueContext), MI_(FLT_CALLBACK_DATA, FilterContext),
  MI_(FLT_CALLBACK_DATA, RequestorMode),
  MI_(FLT_RELATED_OBJECTS, Size), MI_(FLT_RELATED_OBJECTS, TransactionContext), MI_(FLT_RELATED_OBJECTS, Filter),
  MI_(FLT_RELATED_OBJECTS, Volume), MI_(FLT_RELATED_OBJECTS, Instance), MI_(FLT_RELATED_OBJECTS, FileObject),
  MI_(FLT_RELATED_OBJECTS, Transaction),
  MI_(FLT_OPERATION_REGISTRATION, MajorFunction), MI_(FLT_OPERATION_REGISTRATION, Flags),
  MI_(FLT_OPERATION_REGISTRATION, PreOperation), MI_(FLT_OPERATION_REGISTRATION, PostOperation),
  MI_(FLT_OPERATION_REGISTRATION, Reserved1),
  MI_(FLT_CONTEXT_REGISTRATION, ContextType), MI_(FLT_CONTEXT_REGISTRATION, Flags),
  MI_(FLT_CONTEXT_REGISTRATION, ContextCleanupCallback), MI_(FLT_CONTEXT_REGISTRATION, Size),
  MI_(FLT_CONTEXT_REGISTRATION, PoolTag), MI_(FLT_CONTEXT_REGISTRATION, ContextAllocateCallback),
  MI_(FLT_CONTEXT_REGISTRATION, ContextFreeCallback), MI_(FLT_CONTEXT_REGISTRATION, Reserved1),
  MI_(FLT_REGISTRATION, Size), MI_(FLT_REGISTRATION, Version), MI_(FLT_REGISTRATION, Flags),
  MI_(FLT_REGISTRATION, ContextRegistration), MI_(FLT_REGISTRATION, OperationRegistration),
  MI_(FLT_REGISTRATION, FilterUnloadCallback), MI_(FLT_REGISTRATION, InstanceSetupCallback),
  MI_(FLT_REGISTRATION, InstanceQueryTeardownCallback), MI_(FLT_REGISTRATION, InstanceTeardownStartCallback),
  MI_(FLT_REGISTRATION, InstanceTeardownCompleteCallback), MI_(FLT_REGISTRATION, GenerateFileNameCallback),
  MI_(FLT_REGISTRATION, NormalizeNameComponentCallback), MI_(FLT_REGISTRATION, NormalizeContextCleanupCallback),
  MI_(FLT_REGISTRATION, TransactionNotificationCallback), MI_(FLT_REGISTRATION, NormalizeNameComponentExCallback),
  MI_(FLT_REGISTRATION, SectionNotificationCallback),
  MI_(FLT_FILE_NAME_INFORMATION, Size), MI_(FLT_FILE_NAME_INFORMATION, NamesParsed),
  MI_(FLT_FILE_NAME_INFORMATION, Format), MI_(FLT_FILE_NAME_INFORMATION, Name),
  MI_(FLT_FILE_NAME_INFORMATION, Volume), MI_(FLT_FILE_NAME_INFORMATION, Share),
  MI_(FLT_FILE_NAME_INFORMATION, Extension), MI_(FLT_FILE_NAME_INFORMATION, Stream),
  MI_(FLT_FILE_NAME_INFORMATION, FinalComponent), MI_(FLT_FILE_NAME_INFORMATION, ParentDir),
};

#define COUNT_(a) (sizeof(a) / sizeof((a)[0]))

/* Reports a failure about field `f` with a formatted message. */
static void fail_field(check_ctx *t, ks_field f, const char *what) {
  char m[256];
  snprintf(m, sizeof m, "%s.%s: %s", ks_struct_name(ks_field_struct(f)), ks_field_path(f), what);
  CHECK_STR(t, m, "");
}

static void every_struct_should_match_its_mirror(check_ctx *t) {
  CHECK_INT(t, COUNT_(mirror_structs), KS_STRUCT_COUNT);
  for (size_t i = 0; i < COUNT_(mirror_structs); i++) {
    const mirror_struct *m = &mirror_structs[i];
    CHECK_INT(t, ks_struct_size(m->s), m->size);
    CHECK_INT(t, ks_struct_align(m->s), m->align);
  }
}

static void every_field_should_match_its_mirror(check_ctx *t) {
  int seen[KS_FIELD_COUNT] = { 0 };
  for (size_t i = 0; i < COUNT_(mirror_fields); i++) {
    const mirror_field *m = &mirror_fields[i];
    seen[m->f]++;
    if (ks_offset(m->f) != m->offset) fail_field(t, m->f, "offset differs from the mirror");
    if (ks_size(m->f) != m->size) fail_field(t, m->f, "size differs from the mirror");
  }
  for (int f = 0; f < KS_FIELD_COUNT; f++)
    if (seen[f] != 1) fail_field(t, (ks_field)f, "not checked exactly once against a mirror");
}

/* ---- Properties of the table ---- */

/* The natural size and alignment of a WDK type name as written in the table (qualifiers and an
 * array suffix removed by the caller); 0 when the name is unknown. */
static int natural(const char *type, uint32_t *size, uint32_t *align) {
  static const struct { const char *name; uint32_t size; } basic[] = {
    { "UCHAR", 1 }, { "BOOLEAN", 1 }, { "KPROCESSOR_MODE", 1 },
    { "USHORT", 2 }, { "CSHORT", 2 }, { "FLT_CONTEXT_TYPE", 2 },
    { "FLT_CONTEXT_REGISTRATION_FLAGS", 2 }, { "FLT_FILE_NAME_PARSED_FLAGS", 2 },
    { "ULONG", 4 }, { "LONG", 4 }, { "NTSTATUS", 4 }, { "ACCESS_MASK", 4 },
    { "FILE_INFORMATION_CLASS", 4 }, { "FS_INFORMATION_CLASS", 4 },
    { "FS_FILTER_SECTION_SYNC_TYPE", 4 }, { "FLT_CALLBACK_DATA_FLAGS", 4 },
    { "FLT_OPERATION_REGISTRATION_FLAGS", 4 }, { "FLT_REGISTRATION_FLAGS", 4 },
    { "FLT_FILE_NAME_OPTIONS", 4 },
    { "LONGLONG", 8 }, { "ULONG_PTR", 8 }, { "SIZE_T", 8 }, { "HANDLE", 8 },
  };
  size_t n = strlen(type);
  if (n > 0 && type[n - 1] == '*') {
    *size = *align = 8;
    return 1;
  }
  if (type[0] == 'P' && type[1] >= 'A' && type[1] <= 'Z') { /* PVOID, PMDL, PFLT_... */
    *size = *align = 8;
    return 1;
  }
  for (size_t i = 0; i < COUNT_(basic); i++)
    if (strcmp(basic[i].name, type) == 0) {
      *size = *align = basic[i].size;
      return 1;
    }
  ks_struct s;
  if (ks_struct_lookup(type, &s)) {
    *size = ks_struct_size(s);
    *align = ks_struct_align(s);
    return 1;
  }
  return 0;
}

/* The element type of `f` without qualifiers or array suffix, into `out`. */
static void element_type(ks_field f, char *out, size_t cap) {
  const char *t = ks_field_type(f);
  for (;;) {
    if (strncmp(t, "const ", 6) == 0) t += 6;
    else if (strncmp(t, "volatile ", 9) == 0) t += 9;
    else break;
  }
  snprintf(out, cap, "%s", t);
  char *b = strchr(out, '[');
  if (b) *b = '\0';
}

static void every_field_should_have_the_size_and_alignment_of_its_type(check_ctx *t) {
  for (int i = 0; i < KS_FIELD_COUNT; i++) {
    ks_field f = (ks_field)i;
    char type[128];
    element_type(f, type, sizeof type);
    uint32_t size, align;
    if (!natural(type, &size, &align)) {
      fail_field(t, f, "type has no known natural size");
      continue;
    }
    uint32_t n = ks_field_array_len(f);
    if (ks_size(f) != size * (n ? n : 1)) fail_field(t, f, "size is not its type's size");
    if (ks_offset(f) % align != 0) fail_field(t, f, "offset breaks its type's alignment");
    ks_struct e = ks_field_embedded(f);
    if (e != KS_STRUCT_NONE) {
      if (strcmp(type, ks_struct_name(e)) != 0) fail_field(t, f, "embedded struct is not its type");
      if (e >= ks_field_struct(f)) fail_field(t, f, "embeds a struct listed after its own");
    } else if (ks_struct_lookup(type, NULL)) {
      fail_field(t, f, "type is a table struct but EMBED is NONE");
    }
  }
}

static void every_field_should_lie_inside_its_struct(check_ctx *t) {
  for (int i = 0; i < KS_FIELD_COUNT; i++) {
    ks_field f = (ks_field)i;
    if ((uint64_t)ks_offset(f) + ks_size(f) > ks_struct_size(ks_field_struct(f)))
      fail_field(t, f, "runs past the end of its struct");
    if (ks_size(f) == 0) fail_field(t, f, "has size 0");
  }
}

/* 1 if arms `a` and `b` choose different members of the same union somewhere. */
static int arms_diverge(const char *a, const char *b) {
  for (;;) {
    if (!*a || !*b) return 0; /* one is an enclosing part of the other */
    size_t la = strcspn(a, "/"), lb = strcspn(b, "/");
    if (la != lb || strncmp(a, b, la) != 0) return 1;
    a += la;
    b += lb;
    if (*a == '/') a++;
    if (*b == '/') b++;
  }
}

static void fields_should_overlap_only_in_different_union_members(check_ctx *t) {
  for (int i = 0; i < KS_FIELD_COUNT; i++)
    for (int j = i + 1; j < KS_FIELD_COUNT; j++) {
      ks_field a = (ks_field)i, b = (ks_field)j;
      if (ks_field_struct(a) != ks_field_struct(b)) continue;
      uint32_t a0 = ks_offset(a), a1 = a0 + ks_size(a), b0 = ks_offset(b), b1 = b0 + ks_size(b);
      if (a0 < b1 && b0 < a1 && !arms_diverge(ks_field_arm(a), ks_field_arm(b))) {
        char m[160];
        snprintf(m, sizeof m, "overlaps %s", ks_field_path(b));
        fail_field(t, a, m);
      }
    }
  /* The arms must actually describe unions: FilterContext overlays QueueLinks. */
  CHECK(t, arms_diverge(ks_field_arm(KS_FLT_CALLBACK_DATA_QueueLinks), ks_field_arm(KS_FLT_CALLBACK_DATA_FilterContext)));
  CHECK(t, !arms_diverge(ks_field_arm(KS_FLT_PARAMETERS_SetFileInformation_Length),
                         ks_field_arm(KS_FLT_PARAMETERS_SetFileInformation_ClusterCount)));
}

static void union_fields_should_name_their_member(check_ctx *t) {
  for (int i = 0; i < KS_FIELD_COUNT; i++) {
    ks_field f = (ks_field)i;
    if (ks_struct_kind(ks_field_struct(f)) == KS_KIND_UNION && ks_field_arm(f)[0] == '\0')
      fail_field(t, f, "in a union but has no arm");
  }
}

static void structs_should_be_whole_multiples_of_their_alignment(check_ctx *t) {
  for (int i = 0; i < KS_STRUCT_COUNT; i++) {
    ks_struct s = (ks_struct)i;
    CHECK(t, ks_struct_align(s) == 1 || ks_struct_align(s) == 2 || ks_struct_align(s) == 4 || ks_struct_align(s) == 8);
    CHECK_INT(t, ks_struct_size(s) % ks_struct_align(s), 0);
    if (ks_struct_kind(s) == KS_KIND_SCALAR) {
      CHECK_INT(t, ks_struct_field_count(s), 0);
      CHECK(t, ks_struct_alias(s)[0] != '\0');
    } else {
      CHECK(t, ks_struct_field_count(s) > 0);
      CHECK_STR(t, ks_struct_alias(s), "");
    }
  }
  CHECK_STR(t, ks_struct_alias(KS_STRUCT_KSPIN_LOCK), "ULONG_PTR");
}

static void fields_should_be_grouped_by_struct_in_table_order(check_ctx *t) {
  for (int i = 1; i < KS_FIELD_COUNT; i++)
    if (ks_field_struct((ks_field)i) < ks_field_struct((ks_field)(i - 1)))
      fail_field(t, (ks_field)i, "listed out of struct order");
  for (int i = 0; i < KS_STRUCT_COUNT; i++) {
    ks_struct s = (ks_struct)i;
    ks_field first = ks_struct_first_field(s);
    size_t n = ks_struct_field_count(s);
    for (size_t k = 0; k < n; k++) CHECK(t, ks_field_struct((ks_field)(first + (int)k)) == s);
  }
}

#define KS_ID_STRING_(st, id, path, type, off, size, arm, embed) #id,
static const char *const field_ids[KS_FIELD_COUNT] = { KS_FIELD_LIST(KS_ID_STRING_) };

static void ids_should_be_paths_with_underscores(check_ctx *t) {
  for (int i = 0; i < KS_FIELD_COUNT; i++) {
    char want[160];
    snprintf(want, sizeof want, "%s", ks_field_path((ks_field)i));
    for (char *p = want; *p; p++)
      if (*p == '.') *p = '_';
    CHECK_STR(t, field_ids[i], want);
  }
}

static void name_lookups_should_round_trip(check_ctx *t) {
  for (int i = 0; i < KS_STRUCT_COUNT; i++) {
    ks_struct s = KS_STRUCT_NONE;
    CHECK(t, ks_struct_lookup(ks_struct_name((ks_struct)i), &s));
    CHECK_INT(t, s, i);
  }
  for (int i = 0; i < KS_FIELD_COUNT; i++) {
    ks_field f = KS_FIELD_COUNT;
    ks_struct s = ks_field_struct((ks_field)i);
    CHECK(t, ks_field_lookup(s, ks_field_path((ks_field)i), &f));
    CHECK_INT(t, f, i);
    uint32_t off = 0;
    CHECK(t, ks_resolve(s, ks_field_path((ks_field)i), &off, &f));
    CHECK_INT(t, off, ks_offset((ks_field)i));
  }
  ks_struct s;
  CHECK(t, !ks_struct_lookup("IRP", &s));
  CHECK(t, !ks_struct_lookup(NULL, &s));
  ks_field f;
  CHECK(t, !ks_field_lookup(KS_STRUCT_FLT_CALLBACK_DATA, "Nope", &f));
  CHECK(t, !ks_field_lookup(KS_STRUCT_NONE, "Flags", &f));
  CHECK(t, ks_field_lookup(KS_STRUCT_FLT_PARAMETERS, "Read.Length", &f) && f == KS_FLT_PARAMETERS_Read_Length);
}

static void paths_should_resolve_through_embedded_structs(check_ctx *t) {
  uint32_t off = 0;
  ks_field leaf = KS_FIELD_COUNT;
  CHECK(t, ks_resolve(KS_STRUCT_FLT_IO_PARAMETER_BLOCK, "Parameters.Read.Length", &off, &leaf));
  CHECK_INT(t, off, 0x18);
  CHECK(t, leaf == KS_FLT_PARAMETERS_Read_Length);
  CHECK(t, ks_resolve(KS_STRUCT_FLT_IO_PARAMETER_BLOCK, "Parameters.Write.ByteOffset.QuadPart", &off, &leaf));
  CHECK_INT(t, off, 0x28);
  CHECK(t, ks_resolve(KS_STRUCT_FLT_CALLBACK_DATA, "IoStatus.Information", &off, NULL));
  CHECK_INT(t, off, 0x20);
  CHECK(t, ks_resolve(KS_STRUCT_FILE_OBJECT, "FileName.Buffer", &off, NULL));
  CHECK_INT(t, off, 0x60);
  CHECK(t, ks_resolve(KS_STRUCT_FILE_OBJECT, "Event.Header.SignalState", &off, NULL));
  CHECK_INT(t, off, 0x9C);
  CHECK(t, ks_resolve(KS_STRUCT_FAST_MUTEX, "Event.Header.WaitListHead.Blink", &off, NULL));
  CHECK_INT(t, off, 0x28);
  CHECK(t, ks_resolve(KS_STRUCT_FLT_FILE_NAME_INFORMATION, "FinalComponent.Length", &off, NULL));
  CHECK_INT(t, off, 0x58);
  CHECK(t, !ks_resolve(KS_STRUCT_FLT_CALLBACK_DATA, "Iopb.MajorFunction", &off, NULL)); /* a pointer */
  CHECK(t, !ks_resolve(KS_STRUCT_FLT_CALLBACK_DATA, "QueueLinks.Nope", &off, NULL));
  CHECK(t, !ks_resolve(KS_STRUCT_FLT_CALLBACK_DATA, "IoStatus.", &off, NULL));
  CHECK(t, !ks_resolve(KS_STRUCT_NONE, "Flags", &off, NULL));
}

static void arrays_and_out_of_range_ids_should_be_reported(check_ctx *t) {
  CHECK_INT(t, ks_field_array_len(KS_FLT_CALLBACK_DATA_FilterContext), 4);
  CHECK_INT(t, ks_field_array_len(KS_FLT_CALLBACK_DATA_QueueContext), 2);
  CHECK_INT(t, ks_field_array_len(KS_FLT_CALLBACK_DATA_Flags), 0);
  CHECK_STR(t, ks_field_type(KS_FLT_CALLBACK_DATA_Iopb), "const PFLT_IO_PARAMETER_BLOCK");
  CHECK_STR(t, ks_field_type(KS_FLT_CALLBACK_DATA_FilterContext), "PVOID[4]");
  CHECK(t, ks_field_embedded(KS_FLT_IO_PARAMETER_BLOCK_Parameters) == KS_STRUCT_FLT_PARAMETERS);
  CHECK(t, ks_field_embedded(KS_FLT_CALLBACK_DATA_Iopb) == KS_STRUCT_NONE);
  CHECK(t, ks_struct_kind(KS_STRUCT_FLT_PARAMETERS) == KS_KIND_UNION);
  CHECK(t, ks_struct_kind(KS_STRUCT_FLT_CALLBACK_DATA) == KS_KIND_STRUCT);
  CHECK_INT(t, ks_offset(KS_FIELD_COUNT), 0);
  CHECK_INT(t, ks_size(KS_FIELD_COUNT), 0);
  CHECK(t, ks_field_path(KS_FIELD_COUNT) == NULL);
  CHECK(t, ks_field_struct(KS_FIELD_COUNT) == KS_STRUCT_NONE);
  CHECK_INT(t, ks_struct_size(KS_STRUCT_NONE), 0);
  CHECK(t, ks_struct_name(KS_STRUCT_NONE) == NULL);
  CHECK(t, ks_struct_first_field(KS_STRUCT_NONE) == KS_FIELD_COUNT);
  CHECK_INT(t, ks_struct_field_count(KS_STRUCT_NONE), 0);
}

static const check_case cases[] = {
  CHECK_CASE(struct_sizes_should_match_the_wdk_on_x64),
  CHECK_CASE(most_used_offsets_should_match_the_wdk_on_x64),
  CHECK_CASE(every_struct_should_match_its_mirror),
  CHECK_CASE(every_field_should_match_its_mirror),
  CHECK_CASE(every_field_should_have_the_size_and_alignment_of_its_type),
  CHECK_CASE(every_field_should_lie_inside_its_struct),
  CHECK_CASE(fields_should_overlap_only_in_different_union_members),
  CHECK_CASE(union_fields_should_name_their_member),
  CHECK_CASE(structs_should_be_whole_multiples_of_their_alignment),
  CHECK_CASE(fields_should_be_grouped_by_struct_in_table_order),
  CHECK_CASE(ids_should_be_paths_with_underscores),
  CHECK_CASE(name_lookups_should_round_trip),
  CHECK_CASE(paths_should_resolve_through_embedded_structs),
  CHECK_CASE(arrays_and_out_of_range_ids_should_be_reported),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
