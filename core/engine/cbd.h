/* cbd.h: the Filter Manager's objects in simulated memory, read and written by field with the
 * layouts of core/kstruct (Windows x64): FLT_CALLBACK_DATA and its FLT_IO_PARAMETER_BLOCK,
 * FLT_RELATED_OBJECTS, FILE_OBJECT, MDL, UNICODE_STRING. The kernel's own bookkeeping: no
 * checks, no faults. */
#ifndef FP_ENGINE_CBD_H
#define FP_ENGINE_CBD_H

#include "engine/engine_int.h"
#include "engine/kfield.h"
#include "kstruct/kstruct.h"

/* Sizes on x64 (checked against core/kstruct by test_engine_objects). */
#define CBD_SIZE 0x58u          /* sizeof(FLT_CALLBACK_DATA) */
#define IOPB_SIZE 0x48u         /* sizeof(FLT_IO_PARAMETER_BLOCK) */

/* Allocates the callback data (with its parameter block right after it), the related objects
 * and the CompletionContext slot of `o`, and fills in what every operation has. Returns 0 and
 * stops the run when memory runs out. */
int cbd_create(engine *e, op *o, uint32_t flags, uint64_t ethread, uint8_t requestor_mode);

/* Gives back what cbd_create allocated, once `o` has completed (FltMgr recycles its callback
 * data): a driver that kept Data and touches it later reads or writes freed memory. */
void cbd_release(engine *e, op *o);

/* cbd_host when the pointer kept at creation may be stale: asks the address space. */
uint8_t *cbd_host_slow(engine *e, const op *o);

/* The host bytes of the callback data and its parameter block (CBD_SIZE + IOPB_SIZE), NULL
 * if the block is gone. Valid until the next block's bytes go away (km_epoch). */
static inline uint8_t *cbd_host(engine *e, const op *o) {
  return o->cbd_host && o->host_epoch == km_epoch(e->mem) ? o->cbd_host : cbd_host_slow(e, o);
}

/* cbd_set_objects, which also sets Iopb->TargetInstance in `image`, the caller's copy of the
 * callback data and parameters (kept equal to them field by field: a wide load of bytes that
 * narrow stores have just left waits for them to reach the cache). */
void cbd_set_objects_in(engine *e, const op *o, const instance *inst, uint8_t image[CBD_SIZE + IOPB_SIZE]);

/* The CompletionContext slot a pre-op writes. */
uint64_t cbd_context(engine *e, const op *o);
void cbd_set_context(engine *e, const op *o, uint64_t value);

/* Fields of the callback data. */
uint32_t cbd_flags(engine *e, const op *o);
void cbd_set_flags(engine *e, const op *o, uint32_t flags);
uint32_t cbd_status(engine *e, const op *o);
uint64_t cbd_information(engine *e, const op *o);
void cbd_set_iostatus(engine *e, const op *o, uint32_t status, uint64_t information);

/* The whole FLT_CALLBACK_DATA / FLT_IO_PARAMETER_BLOCK as bytes (for snapshots and diffs). */
void cbd_get_bytes(engine *e, const op *o, uint8_t out[CBD_SIZE]);
void cbd_get_iopb(engine *e, const op *o, uint8_t out[IOPB_SIZE]);
void cbd_put_iopb(engine *e, const op *o, const uint8_t in[IOPB_SIZE]);

/* IOPB fields. */
uint32_t cbd_irp_flags(engine *e, const op *o);
void cbd_set_irp_flags(engine *e, const op *o, uint32_t flags);
void cbd_set_major_minor(engine *e, const op *o, uint8_t major, uint8_t minor);
uint64_t cbd_target_file_object(engine *e, const op *o);
void cbd_set_targets(engine *e, const op *o, uint64_t file_object, uint64_t inst);

/* A field of FLT_PARAMETERS (a KS_FLT_PARAMETERS_* id) of the operation's parameter block. */
uint64_t cbd_param(engine *e, const op *o, ks_field f);
void cbd_set_param(engine *e, const op *o, ks_field f, uint64_t value);

/* The parameters the engine uses (Read and Write share their layout). */
#define P_CREATE_SECURITY_CONTEXT KS_FLT_PARAMETERS_Create_SecurityContext
#define P_CREATE_OPTIONS KS_FLT_PARAMETERS_Create_Options
#define P_CREATE_SHARE_ACCESS KS_FLT_PARAMETERS_Create_ShareAccess
#define P_RW_LENGTH KS_FLT_PARAMETERS_Read_Length
#define P_RW_BYTE_OFFSET KS_FLT_PARAMETERS_Read_ByteOffset
#define P_RW_BUFFER KS_FLT_PARAMETERS_Read_ReadBuffer
#define P_RW_MDL KS_FLT_PARAMETERS_Read_MdlAddress
#define P_QI_LENGTH KS_FLT_PARAMETERS_QueryFileInformation_Length
#define P_QI_CLASS KS_FLT_PARAMETERS_QueryFileInformation_FileInformationClass
#define P_QI_BUFFER KS_FLT_PARAMETERS_QueryFileInformation_InfoBuffer
#define P_SI_LENGTH KS_FLT_PARAMETERS_SetFileInformation_Length
#define P_SI_CLASS KS_FLT_PARAMETERS_SetFileInformation_FileInformationClass
#define P_SI_BUFFER KS_FLT_PARAMETERS_SetFileInformation_InfoBuffer
#define P_QO_IRP KS_FLT_PARAMETERS_QueryOpen_Irp
#define P_QO_FILE_INFORMATION KS_FLT_PARAMETERS_QueryOpen_FileInformation
#define P_QO_LENGTH KS_FLT_PARAMETERS_QueryOpen_Length
#define P_QO_CLASS KS_FLT_PARAMETERS_QueryOpen_FileInformationClass

/* Fills FLT_RELATED_OBJECTS for instance `inst` (NULL: clears Filter and Instance). */
void cbd_set_objects(engine *e, const op *o, const instance *inst);

/* FILE_OBJECT helpers. */
uint64_t fo_create(engine *e, fobj *f, const char *path);
uint32_t fo_flags(engine *e, const fobj *f);
void fo_set_flags(engine *e, const fobj *f, uint32_t flags);
void fo_set_fs_context(engine *e, const fobj *f, uint64_t fcb);

/* The FILE_OBJECT's FileName as ASCII into `buf` (non-ASCII code units become '?'). */
const char *fo_name(engine *e, const fobj *f, char *buf, size_t size);

/* A UNICODE_STRING at `us` as ASCII into `buf`. */
const char *ustr_read(engine *e, uint64_t us, char *buf, size_t size);

/* An MDL describing `length` bytes at `va` (locked; its system address is the mapping `system_va`). */
uint64_t mdl_create(engine *e, uint64_t va, uint32_t length, uint64_t system_va);
uint64_t mdl_system_va(engine *e, uint64_t mdl);
uint64_t mdl_va(engine *e, uint64_t mdl);
uint32_t mdl_byte_count(engine *e, uint64_t mdl);

/* A UNICODE_STRING (16-bit code units) built from ASCII `s`, both in kernel memory. */
uint64_t ustr_create(engine *e, const char *s, uint32_t label);

/* ustr_create with the label of strings the kernel hands to drivers. */
#define ustr_create_kernel(e, s) ustr_create((e), (s), 'U')

#endif
