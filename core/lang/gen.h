/* gen.h: the code generator: the typed tree of one function to register bytecode (gen.c for
 * statements, functions and the program; gen_expr.c for expressions and conditions).
 * Register locals get one register each for the whole function; temporaries are allocated
 * above them like a stack and released after each statement; a call's arguments go in the
 * registers at the top, which become the callee's first registers. Locals whose address is
 * taken, and aggregates, live in the function's frame on the simulated kernel stack. */
#ifndef FP_LANG_GEN_H
#define FP_LANG_GEN_H

#include "lang/code.h"
#include "lang/parse.h"

#define GN_MAX_REGS 16000u
#define GN_MAX_CODE (1u << 20)
#define GN_MAX_FRAME (1u << 30) /* bytes of frame (the kernel stack is far smaller: 0x7F at run time) */

typedef struct gn_fix {
  uint32_t ins;
  uint32_t label;
} gn_fix;

/* A loop or switch being generated: where break and continue go. */
typedef struct gn_exit {
  uint32_t brk, cont;       /* labels (cont: 0 for a switch) */
  int ntrys;                /* __try scopes open when it began */
} gn_exit;

/* A __try scope being generated. */
typedef struct gn_try {
  nd_node *node;
  int32_t index;            /* in the function's try table */
  uint32_t leave;           /* __leave: the body's normal exit */
  uint32_t fin;             /* __finally: the body's label */
} gn_try;

typedef struct gn {
  cx *c;
  ps_unit *u;
  fp_program *prog;
  sym *fn;
  vm_ins *code;
  uint32_t ncode, ccap;
  fp_k_span *lines;
  vm_stmt_writes *line_writes;   /* parallel to lines */
  uint32_t nlines, lcap;
  uint16_t *writes;
  uint32_t nwrites, wcap;
  vm_try *tries;
  uint32_t ntries, tcap;
  vm_local *locals;
  uint32_t nlocals, locap;
  int32_t *labels;          /* label id -> instruction (-1 until placed) */
  uint32_t nlabels, labcap;
  gn_fix *fixes;
  uint32_t nfixes, fixcap;
  gn_exit exits[64];
  int nexits;
  gn_try trys[64];
  int ntrys;
  int fin_depth;
  uint32_t nregs_locals;
  uint32_t top, max;
  uint32_t frame;           /* the frame's size so far (locals, then temporaries of calls) */
  int32_t retbuf;           /* a function returning a structure: the register with the caller's buffer (-1) */
  uint64_t *consts;
  uint32_t nconsts, kcap;
  sym **funcs;              /* defined functions by index */
  int fuse_statements;      /* no statement events: statements fold into the next instruction */
  int stmt_pending;         /* ... and one is waiting for it */
  uint32_t pending_line;    /* (its line index) */
} gn;

/* Emission (gen.c). */
/* Appends an instruction; the pointer is valid until the next emission. */
vm_ins *gn_emit(gn *g, vm_op op, uint32_t a, uint32_t b, uint32_t c, int64_t k);
uint32_t gn_label(gn *g);
void gn_place(gn *g, uint32_t label);
/* The index of the next instruction, as a position others refer to (a statement waiting to be
 * folded is emitted first: a jump there must not skip it, nor one from before it run it). */
uint32_t gn_pc(gn *g);
void gn_jump(gn *g, vm_op op, uint32_t a, uint32_t b, int32_t k, uint32_t label);
uint32_t gn_tmp(gn *g);
uint32_t gn_const(gn *g, int64_t v);
/* Reserves `size` bytes aligned to `align` in the frame (a call's copy of a structure); its offset. */
uint32_t gn_frame_temp(gn *g, uint32_t size, uint32_t align);
int gn_fits32(int64_t v);

/* Expressions (gen_expr.c). */
uint32_t gn_expr(gn *g, nd_node *n, int dst);
void gn_discard(gn *g, nd_node *n);
void gn_branch(gn *g, nd_node *n, int when, uint32_t label);
/* Loads the constant `v` into a register. */
uint32_t gn_int(gn *g, int64_t v, int dst);
vm_norm gn_norm_of(const ty_type *t);

#endif
