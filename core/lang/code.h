/* code.h: a compiled program: register bytecode per function, with its line table (one
 * entry per statement, for statement events), its __try scopes and its named locals, plus
 * the driver's globals image with relocations.
 *
 * Instructions are 16 bytes: op, x (an access size or a normalisation), registers a, b, c of
 * the function's window, a 32-bit immediate k and a jump target j (an instruction index).
 * Every register holds a 64-bit value in the canonical form of its C type: sign-extended for
 * signed types, zero-extended for unsigned ones and pointers; the 32-bit operations
 * (ADD32, ...) keep that form. Memory is reached only through the engine (fp_k_read/write). */
#ifndef FP_LANG_CODE_H
#define FP_LANG_CODE_H

#include <stdint.h>

#include "fltplay/callable.h"
#include "fltplay/lang.h"
#include "lang/arena.h"

/* X(name, operands): the operation set. r[] are the frame's registers. */
#define VM_OPS(X)                                                                             \
  X(NOP, "")                                                                                  \
  X(MOV, "a = b")                                                                             \
  X(KI, "a = k")                  /* a 32-bit constant, sign-extended */                     \
  X(KL, "a = const[k]")           /* a 64-bit constant from the pool */                      \
  X(ADD32, "a = b + c") X(ADDU32, "a = b + c") X(ADD64, "a = b + c")                          \
  X(SUB32, "a = b - c") X(SUBU32, "a = b - c") X(SUB64, "a = b - c")                          \
  X(MUL32, "a = b * c") X(MULU32, "a = b * c") X(MUL64, "a = b * c")                          \
  X(ADDI32, "a = b + k") X(ADDIU32, "a = b + k") X(ADDI64, "a = b + k")                       \
  X(MULI64, "a = b * k")                                                                      \
  X(DIVS32, "a = b / c") X(DIVU32, "a = b / c") X(DIVS64, "a = b / c") X(DIVU64, "a = b / c") \
  X(MODS32, "a = b % c") X(MODU32, "a = b % c") X(MODS64, "a = b % c") X(MODU64, "a = b % c") \
  X(AND, "a = b & c") X(OR, "a = b | c") X(XOR, "a = b ^ c")                                  \
  X(ANDI, "a = b & k") X(ORI, "a = b | k") X(XORI, "a = b ^ k")                               \
  X(SHL32, "a = b << c") X(SHLU32, "a = b << c") X(SHL64, "a = b << c")                       \
  X(SHRS32, "a = b >> c") X(SHRU32, "a = b >> c") X(SHRS64, "a = b >> c") X(SHRU64, "a = b >> c") \
  X(SHLI32, "a = b << k") X(SHLIU32, "a = b << k") X(SHLI64, "a = b << k")                    \
  X(SHRSI32, "a = b >> k") X(SHRUI32, "a = b >> k") X(SHRSI64, "a = b >> k") X(SHRUI64, "a = b >> k") \
  X(NEG32, "a = -b") X(NEGU32, "a = -b") X(NEG64, "a = -b")                                   \
  X(NOT32, "a = ~b") X(NOTU32, "a = ~b") X(NOT64, "a = ~b") X(LNOT, "a = !b")                  \
  X(EQ, "a = b == c") X(NE, "a = b != c") X(LTS, "a = b < c") X(LES, "a = b <= c")             \
  X(LTU, "a = b < c") X(LEU, "a = b <= c")                                                    \
  X(EQI, "a = b == k") X(NEI, "a = b != k") X(LTSI, "a = b < k") X(LESI, "a = b <= k")         \
  X(GTSI, "a = b > k") X(GESI, "a = b >= k")                                                  \
  X(CONV, "a = (x)b")             /* normalise to a narrower type (x: vm_norm) */            \
  X(JMP, "goto j")                                                                            \
  X(JZ, "if !a goto j") X(JNZ, "if a goto j")                                                 \
  X(JEQ, "if a == b goto j") X(JNE, "if a != b goto j") X(JLTS, "if a < b goto j")             \
  X(JLES, "if a <= b goto j") X(JLTU, "if a < b goto j") X(JLEU, "if a <= b goto j")           \
  X(JEQI, "if a == k goto j") X(JNEI, "if a != k goto j") X(JLTSI, "if a < k goto j")          \
  X(JLESI, "if a <= k goto j") X(JGTSI, "if a > k goto j") X(JGESI, "if a >= k goto j")        \
  X(JLTUI, "if a < k goto j") X(JLEUI, "if a <= k goto j") X(JGTUI, "if a > k goto j")          \
  X(JGEUI, "if a >= k goto j")  /* unsigned against k >= 0 */                                 \
  X(JTST, "if a & k goto j") X(JNTST, "if !(a & k) goto j")                                   \
  X(LD, "a = [b + k] (x: size, signed)")                                                      \
  X(LD1, "a = [b + k] (1 byte)") X(LD2, "a = [b + k] (2 bytes)") X(LD4, "a = [b + k] (4 bytes)")  \
  X(LD8, "a = [b + k] (8 bytes)") X(LDS4, "a = [b + k] (4 bytes, signed)")                       \
  /* LD8 a, [b + k] and the pointer load after it through a (the second stays behind it, for \
   * jumps there): a = [b + k], then the second's load of 1, 4 or 8 bytes, both as apart */     \
  X(LDPP1, "a = [b + k]; and the load after it") X(LDPP4, "a = [b + k]; and the load after it")  \
  X(LDPP8, "a = [b + k]; and the load after it")                                               \
  X(ST, "[a + k] = b (x: size)")                                                              \
  X(LDL, "a = [frame + k]") X(STL, "[frame + k] = b")                                         \
  X(LDG, "a = [globals + k]") X(STG, "[globals + k] = b")                                     \
  X(LDG4, "a = [globals + k] (4 bytes)") X(LDGS4, "a = [globals + k] (4 bytes, signed)")        \
  X(LDG8, "a = [globals + k] (8 bytes)") X(STG4, "[globals + k] = b (4 bytes)")                 \
  /* LDG4/LDGS4 a, ADDIU32/ADDI32 b = a + j, STG4 b to the same place (both stay behind it): \
   * the three at once (x: the load's; c: 1 for ADDI32) */                                     \
  X(GADD4, "a = [globals + k]; b = a + j; [globals + k] = b")                                  \
  X(LADDR, "a = frame + k") X(GADDR, "a = globals + k") X(FADDR, "a = &function k")           \
  X(COPY, "copy k bytes from [b] to [a]") X(ZERO, "zero k bytes at [a]")                      \
  X(VASPILL, "store arguments a.. after '...' at frame + k + 8*i (b: the last is a result buffer)") \
  X(CALL, "a = function k(b .. b+c-1)")                                                       \
  X(ICALL, "a = (*j)(b .. b+c-1)")                                                            \
  X(KCALL, "a = kernel routine k(b .. b+c-1)")                                                \
  X(INTR, "a = intrinsic k(b .. b+c-1)")                                                      \
  X(RET, "return a") X(RETV, "return")                                                        \
  X(RETK, "return k")             /* KI a, k; RET a (the RET stays after it, for jumps there) */ \
  X(STMT, "statement k")                                                                      \
  X(STMT2, "statement k, and the STMT after it too when the credit covers both")              \
  X(CALLFIN, "run __finally at j") X(CALLFINA, "run __finally at j (abnormal)")               \
  X(RETFIN, "end of __finally") X(FILTEND, "end of filter: a")                                \
  X(EXCODE, "a = exception code") X(ABNORM, "a = abnormal termination")                       \
  X(TRAP, "stop: k")

#define VM_MAX_VARARGS 16u /* arguments after '...' a driver function receives */

typedef enum vm_op {
#define X(name, doc) OP_##name,
  VM_OPS(X)
#undef X
  OP_COUNT
} vm_op;

/* A flag on an instruction's op: a statement starts here (an OP_STMT folded into the
 * instruction after it, in programs without statement events: one dispatch less per line). */
#define VM_STMT_FUSED 0x80u
_Static_assert(OP_COUNT <= VM_STMT_FUSED, "the fused-statement flag needs a free bit in op");

/* Normalisations (CONV's x, the result of calls). */
typedef enum vm_norm { N_NONE, N_S8, N_U8, N_S16, N_U16, N_S32, N_U32, N_BOOL } vm_norm;

/* A load's or store's x: the size (1, 2, 4, 8) | VM_SIGNED (the sized forms, LD4 and the
 * like, keep it too: the disassembly shows it). */
#define VM_SIGNED 0x10

typedef struct vm_ins {
  uint8_t op, x;
  uint16_t a, b, c;
  int32_t k;
  int32_t j;
} vm_ins;

/* A __try scope: instructions [start, end) are its body. */
typedef struct vm_try {
  uint32_t start, end;
  uint8_t finally;          /* __finally (else __except) */
  uint8_t fin_depth;        /* __finally bodies running around the __try statement */
  int32_t parent;           /* the enclosing scope in this function, or -1 */
  int32_t filter_pc;        /* -1: the filter is the constant filter_value */
  int32_t filter_value;
  uint32_t target;          /* the handler (__except) or the __finally body */
} vm_try;

/* A named local, for statement events. */
typedef struct vm_local {
  const char *name;
  uint32_t start, end;      /* instructions where it is in scope */
  uint16_t reg;             /* a register local */
  uint8_t in_memory;        /* else it lives on the kernel stack at frame + offset */
  uint8_t size;             /* memory locals: scalar size (0: not shown) */
  uint32_t offset;
} vm_local;

/* The locals a statement may write (for statement events): entries [start, start + count)
 * of the function's `writes`. */
typedef struct vm_stmt_writes {
  uint32_t start;
  uint32_t count;
} vm_stmt_writes;

typedef struct vm_func {
  const char *name;
  vm_ins *code;
  uint32_t ncode;
  fp_k_span *lines;          /* STMT k -> its span */
  vm_stmt_writes *line_writes; /* STMT k -> the locals it may write */
  uint16_t *writes;
  uint32_t nlines;
  vm_try *tries;
  uint32_t ntries;
  vm_local *locals;
  uint32_t nlocals;
  uint8_t *param_norm;       /* how each argument from the engine is normalised */
  uint32_t nparams;
  uint32_t nregs;            /* the register window */
  uint32_t frame_size;       /* bytes on the kernel stack (memory locals and the x64 frame) */
  uint8_t pageable;
  uint8_t returns_void;
  uint64_t *consts;          /* the program's pool (shared) */
  const struct fp_program *prog;
  uint32_t index;
} vm_func;

/* A relocation of the globals image: the 8 bytes at `offset` get the address of function
 * `function` (>= 0) or of the globals plus `addend`. */
typedef struct vm_reloc {
  uint32_t offset;
  int32_t function;
  int64_t addend;
} vm_reloc;

struct fp_program {
  fp_alloc *alloc;
  fp_alloc own_alloc;
  ar_arena ar;               /* everything below */
  vm_func *funcs;
  uint32_t nfuncs;
  uint32_t entry;            /* DriverEntry */
  uint8_t *globals;
  uint32_t globals_size;
  vm_reloc *relocs;
  uint32_t nrelocs;
  uint64_t *consts;
  uint32_t nconsts;
  int statement_events;
  uint32_t max_call_depth;
  uint32_t max_vm_bytes;
  fp_callable *callables;    /* one per function, handed to the engine (its `user` is the vm_func) */
};

/* The name of an operation. */
const char *vm_op_name(vm_op op);

#endif
