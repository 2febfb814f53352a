/* mem.h: memory as code touches it. Every access by driver code or by a kernel routine on its
 * behalf goes through mem_access, which turns what the address space reports into what
 * Windows does: the access goes on, an exception is raised in the driver (an invalid user
 * address at IRQL <= APC_LEVEL), or the system stops with the documented bug check. */
#ifndef FP_ENGINE_MEM_H
#define FP_ENGINE_MEM_H

#include "engine/engine_int.h"

/* Who touches the memory: the driver's own code (0xD1 at DISPATCH_LEVEL) or a kernel routine
 * it called (0xA). */
typedef enum mem_who {
  MEM_DRIVER,      /* the driver's own code */
  MEM_KERNEL,      /* a kernel routine; an exception goes to the driver that called it */
  MEM_KERNEL_TRY   /* kernel code that catches exceptions on user buffers itself (the file system) */
} mem_who;

/* The outcome of a checked access. */
typedef enum mem_result {
  MEM_OK,          /* done */
  MEM_EXCEPTION,   /* STATUS_ACCESS_VIOLATION was raised and handled by the driver's __except */
  MEM_STOP         /* the run ended (a bug check, or an unhandled exception) */
} mem_result;

/* Reads (write = 0) or writes `n` bytes at `address` on thread `t` for `who`. `pc` is the
 * address reported as the faulting instruction (the running function's address). */
mem_result mem_access(engine *e, thread *t, uint64_t address, void *buf, uint32_t n, int write, mem_who who,
                      uint64_t pc);

/* What mem_access does once the address space answered `r` (with `fault`) for an access of
 * `address`: the same outcome, for callers that made the km_read/km_write themselves. */
mem_result mem_outcome(engine *e, thread *t, km_result r, const km_fault *fault, uint64_t address, int write,
                       mem_who who, uint64_t pc);

/* Raises an exception with `code` at `pc` in the driver code running on `t`: handled by the
 * driver's __except (MEM_EXCEPTION) or unhandled (bug check 0x1E, or 0x7E in a system
 * thread: MEM_STOP). */
mem_result mem_raise(engine *e, thread *t, uint32_t code, uint64_t pc, uint64_t info0, uint64_t info1);

/* A call through a pointer that is not a driver function. */
act_result mem_bad_call(engine *e, thread *t, uint64_t address);

/* Pageable code at `address` executed at DISPATCH_LEVEL while paged out (0xD1, execute). */
act_result mem_fault_execute(engine *e, thread *t, uint64_t address, int drv);

/* Memory pressure / force IRQL checking: pages out every pageable block and records it. */
void mem_trim(engine *e, thread *t, const char *why);

/* Kernel bookkeeping access to kernel objects (no checks): read/write a little-endian value of
 * `size` bytes. Returns 0 if the address is not mapped. */
uint64_t mem_get(engine *e, uint64_t address, uint32_t size);
void mem_put(engine *e, uint64_t address, uint32_t size, uint64_t value);

/* Allocates a kernel object (zeroed, nonpaged, owned by the system) of `size` bytes;
 * returns its address or 0 (and the run stopped) when memory runs out. */
uint64_t mem_kernel_object(engine *e, uint64_t size, uint32_t label);

#endif
