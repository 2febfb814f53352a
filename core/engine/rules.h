/* rules.h: the verifier: one table entry per rule of the catalogue
 * (../shared/reference/filter-manager-rules.md) that the engine checks or models, and the
 * functions that report a violation, a lint warning, a bug check or a hang. A rule's
 * identity is its ID ("PRE-WCB-2"); for [not settled] rules the catalogue's suggested label
 * is the display name. Texts (title, why, fix) live in the catalogue under rule.<ID>.*. */
#ifndef FP_ENGINE_RULES_H
#define FP_ENGINE_RULES_H

#include "engine/engine_int.h"

/* How the engine treats a broken rule. */
typedef enum rule_kind {
  RK_BUGCHECK,     /* Windows raises a documented bug check */
  RK_VERIFIER,     /* a Filter Verifier error with a documented message (Verifier on) */
  RK_NOT_SETTLED,  /* Microsoft does not say what happens: a simulator-local violation */
  RK_LINT,         /* discouraged but legal: a warning, never a stop */
  RK_HANG,         /* breaking it leaves an operation or a teardown waiting for ever */
  RK_BEHAVIOUR     /* a fact the model implements (constants, ordering, statuses) */
} rule_kind;

/* X(enum, id, kind, default label, Microsoft page) for every rule of the catalogue; the
 * coverage table in docs/rule-coverage.md says which are in this wave. */
#define RULES(X)                                                                                              \
  X(CONST_1, "CONST-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback")          \
  X(CONST_2, "CONST-2", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_callback_data")                  \
  X(CONST_3, "CONST-3", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback")         \
  X(CONST_4, "CONST-4", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_operation_registration")          \
  X(CONST_5, "CONST-5", RK_BEHAVIOUR, NULL, "ifs/operations-that-can-be-irp-based-or-fast-i-o")               \
  X(CONST_6, "CONST-6", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltqueuedeferredioworkitem")           \
  X(CONST_7, "CONST-7", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_io_parameter_block")              \
  X(REG_1, "REG-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltregisterfilter")                       \
  X(REG_2, "REG-2", RK_BEHAVIOUR, NULL, "ifs/writing-preoperation-and-postoperation-callback-routines")       \
  X(REG_3, "REG-3", RK_NOT_SETTLED, "REG-UNSUPPORTED-CALLBACK", "ddi/fltkernel/ns-fltkernel-_flt_operation_registration") \
  X(REG_4, "REG-4", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_operation_registration")              \
  X(REG_5, "REG-5", RK_BEHAVIOUR, NULL, "ifs/filter-manager-concepts")                                        \
  X(REG_6, "REG-6", RK_BEHAVIOUR, NULL, "ifs/load-order-groups-and-altitudes-for-minifilter-drivers")         \
  X(REG_7, "REG-7", RK_BEHAVIOUR, NULL, "ifs/filter-manager-concepts")                                        \
  X(REG_8, "REG-8", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_registration")                       \
  X(CBD_1, "CBD-1", RK_NOT_SETTLED, "CBD-IMMUTABLE-FIELD", "ddi/fltkernel/ns-fltkernel-_flt_callback_data")   \
  X(CBD_2, "CBD-2", RK_NOT_SETTLED, "CBD-SYSTEM-BUFFER-SET", "ddi/fltkernel/ns-fltkernel-_flt_callback_data") \
  X(CBD_3, "CBD-3", RK_BEHAVIOUR, NULL, "ifs/i-o-requests-generated-by-the-minifilter-driver")                \
  X(CBD_4, "CBD-4", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_callback_data")                      \
  X(CBD_5, "CBD-5", RK_NOT_SETTLED, "IOSTATUS-MODIFIED-OUTSIDE-COMPLETION", "ddi/fltkernel/ns-fltkernel-_flt_callback_data") \
  X(PRE_GEN_1, "PRE-GEN-1", RK_BEHAVIOUR, NULL, "ifs/writing-preoperation-callback-routines")                 \
  X(PRE_GEN_2, "PRE-GEN-2", RK_BEHAVIOUR, NULL, "ifs/writing-preoperation-callback-routines")                 \
  X(PRE_GEN_3, "PRE-GEN-3", RK_NOT_SETTLED, NULL, "ifs/filtering-i-o-operations-in-a-minifilter-driver")      \
  X(PRE_GEN_4, "PRE-GEN-4", RK_VERIFIER, "UNKNOWN-PREOP-STATUS", "devtest/file-system-filter-verification")  \
  X(PRE_NOCB_1, "PRE-NOCB-1", RK_BEHAVIOUR, NULL, "ifs/returning-flt-preop-success-no-callback")              \
  X(PRE_NOCB_2, "PRE-NOCB-2", RK_NOT_SETTLED, "CTX-NONNULL-WITHOUT-CALLBACK", "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback") \
  X(PRE_WCB_1, "PRE-WCB-1", RK_BEHAVIOUR, NULL, "ifs/returning-flt-preop-success-with-callback")              \
  X(PRE_WCB_2, "PRE-WCB-2", RK_BUGCHECK, NULL, "debugger/bug-check-0xf5--fltmgr-file-system")                 \
  X(PRE_SYNC_1, "PRE-SYNC-1", RK_BEHAVIOUR, NULL, "ifs/returning-flt-preop-synchronize")                      \
  X(PRE_SYNC_2, "PRE-SYNC-2", RK_BUGCHECK, NULL, "debugger/bug-check-0xf5--fltmgr-file-system")               \
  X(PRE_SYNC_3, "PRE-SYNC-3", RK_BEHAVIOUR, NULL, "ifs/returning-flt-preop-synchronize")                      \
  X(PRE_SYNC_4, "PRE-SYNC-4", RK_LINT, "PRE-SYNC-ON-CREATE", "ifs/returning-flt-preop-synchronize")           \
  X(PRE_SYNC_5, "PRE-SYNC-5", RK_NOT_SETTLED, "PRE-SYNC-ASYNC-RW", "ifs/returning-flt-preop-synchronize")     \
  X(PRE_SYNC_6, "PRE-SYNC-6", RK_NOT_SETTLED, "PRE-SYNC-UNSYNCHRONIZABLE", "ifs/returning-flt-preop-synchronize") \
  X(PRE_SYNC_7, "PRE-SYNC-7", RK_HANG, NULL, "ifs/returning-flt-preop-synchronize")                           \
  X(PRE_SYNC_8, "PRE-SYNC-8", RK_BEHAVIOUR, NULL, "ifs/returning-flt-preop-synchronize")                      \
  X(PRE_COMPLETE_1, "PRE-COMPLETE-1", RK_BEHAVIOUR, NULL, "ifs/completing-an-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_COMPLETE_2, "PRE-COMPLETE-2", RK_NOT_SETTLED, "PRE-COMPLETE-PENDING", "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback") \
  X(PRE_COMPLETE_3, "PRE-COMPLETE-3", RK_NOT_SETTLED, "PRE-COMPLETE-CLEANUP-CLOSE-FAIL", "ifs/completing-an-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_COMPLETE_4, "PRE-COMPLETE-4", RK_NOT_SETTLED, "CTX-NONNULL-WITHOUT-CALLBACK", "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback") \
  X(PRE_COMPLETE_5, "PRE-COMPLETE-5", RK_BEHAVIOUR, NULL, "ifs/completing-an-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_COMPLETE_6, "PRE-COMPLETE-6", RK_VERIFIER, NULL, "devtest/file-system-filter-verification")           \
  X(PRE_COMPLETE_7, "PRE-COMPLETE-7", RK_BEHAVIOUR, NULL, "ifs/completing-an-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_DISFAST_1, "PRE-DISFAST-1", RK_BEHAVIOUR, NULL, "ifs/disallowing-a-fast-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_DISFAST_2, "PRE-DISFAST-2", RK_LINT, "PRE-DISFAST-SETS-IOSTATUS", "ifs/disallowing-a-fast-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_DISFAST_3, "PRE-DISFAST-3", RK_NOT_SETTLED, "PRE-DISFAST-NOT-FASTIO", "ifs/disallowing-a-fast-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_DISFAST_4, "PRE-DISFAST-4", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_parameters")        \
  X(PRE_PEND_1, "PRE-PEND-1", RK_NOT_SETTLED, "PRE-PEND-NOT-IRP", "ifs/pending-an-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_PEND_2, "PRE-PEND-2", RK_BEHAVIOUR, NULL, "ifs/pending-an-i-o-operation-in-a-preoperation-callback-routine") \
  X(PRE_PEND_3, "PRE-PEND-3", RK_HANG, NULL, "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback")        \
  X(PRE_DISFSF_1, "PRE-DISFSF-1", RK_NOT_SETTLED, "PRE-DISFSF-NOT-QUERYOPEN", "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback") \
  X(CTX_1, "CTX-1", RK_NOT_SETTLED, "CTX-NONNULL-WITHOUT-CALLBACK", "ddi/fltkernel/nf-fltkernel-fltcompletependedpreoperation") \
  X(CTX_2, "CTX-2", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback")            \
  X(MOD_1, "MOD-1", RK_LINT, "PARAMETERS-CHANGED-NOT-DIRTY", "ifs/modifying-the-parameters-for-an-i-o-operation") \
  X(MOD_2, "MOD-2", RK_BEHAVIOUR, NULL, "ifs/modifying-the-parameters-for-an-i-o-operation")                  \
  X(MOD_3, "MOD-3", RK_BEHAVIOUR, NULL, "ddi/fltkernel/ns-fltkernel-_flt_io_parameter_block")                 \
  X(MOD_4, "MOD-4", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltlockuserbuffer")                       \
  X(POST_IRQL_1, "POST-IRQL-1", RK_BEHAVIOUR, NULL, "ifs/writing-postoperation-callback-routines")            \
  X(POST_IRQL_2, "POST-IRQL-2", RK_BEHAVIOUR, NULL, "ifs/writing-postoperation-callback-routines")            \
  X(POST_IRQL_3, "POST-IRQL-3", RK_BEHAVIOUR, NULL, "ifs/writing-postoperation-callback-routines")            \
  X(POST_IRQL_4, "POST-IRQL-4", RK_BEHAVIOUR, NULL, "ifs/writing-postoperation-callback-routines")            \
  X(POST_IRQL_5, "POST-IRQL-5", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback") \
  X(POST_IRQL_6, "POST-IRQL-6", RK_NOT_SETTLED, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback") \
  X(POST_IRQL_7, "POST-IRQL-7", RK_BEHAVIOUR, NULL, "ddi/wdm/nf-wdm-kegetcurrentirql")                        \
  X(POST_IRQL_8, "POST-IRQL-8", RK_NOT_SETTLED, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback") \
  X(POST_FIN_1, "POST-FIN-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback")  \
  X(POST_MPR_1, "POST-MPR-1", RK_NOT_SETTLED, "POST-MPR-NOT-IRP", "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback") \
  X(POST_MPR_2, "POST-MPR-2", RK_BEHAVIOUR, NULL, "ifs/pending-an-i-o-operation-in-a-postoperation-callback-routine") \
  X(POST_MPR_3, "POST-MPR-3", RK_NOT_SETTLED, "POST-MPR-WHILE-DRAINING", "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback") \
  X(POST_DISFSF_1, "POST-DISFSF-1", RK_NOT_SETTLED, "POST-DISFSF-NOT-QUERYOPEN", "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback") \
  X(PENDPOST_1, "PENDPOST-1", RK_BEHAVIOUR, NULL, "ifs/pending-an-i-o-operation-in-a-postoperation-callback-routine") \
  X(PENDPOST_2, "PENDPOST-2", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltqueuedeferredioworkitem")    \
  X(PENDPOST_3, "PENDPOST-3", RK_BEHAVIOUR, NULL, "ifs/guidelines-for-porting-legacy-filter-drivers")         \
  X(DCPWS_1, "DCPWS-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltdocompletionprocessingwhensafe")   \
  X(DCPWS_2, "DCPWS-2", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltdocompletionprocessingwhensafe")   \
  X(DCPWS_3, "DCPWS-3", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltdocompletionprocessingwhensafe")   \
  X(DCPWS_4, "DCPWS-4", RK_HANG, NULL, "ddi/fltkernel/nf-fltkernel-fltdocompletionprocessingwhensafe")        \
  X(DCPWS_5, "DCPWS-5", RK_NOT_SETTLED, "DCPWS-NOT-IRP", "ddi/fltkernel/nf-fltkernel-fltdocompletionprocessingwhensafe") \
  X(DCPWS_6, "DCPWS-6", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltdocompletionprocessingwhensafe")   \
  X(FAIL_1, "FAIL-1", RK_NOT_SETTLED, "FAIL-RESERVED-STATUS", "ifs/failing-an-i-o-operation-in-a-postoperation-callback-routine") \
  X(FAIL_2, "FAIL-2", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltcancelfileopen")                    \
  X(FAIL_3, "FAIL-3", RK_BUGCHECK, NULL, "debugger/bug-check-0xf5--fltmgr-file-system")                     \
  X(FAIL_4, "FAIL-4", RK_NOT_SETTLED, "CANCELOPEN-NOT-POSTCREATE", "ddi/fltkernel/nf-fltkernel-fltcancelfileopen") \
  X(FAIL_5, "FAIL-5", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltcancelfileopen")                    \
  X(FAIL_6, "FAIL-6", RK_NOT_SETTLED, "FAIL-CLEANUP-CLOSE", "ifs/filtering-i-o-operations-in-a-minifilter-driver") \
  X(REISSUE_1, "REISSUE-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltreissuesynchronousio")        \
  X(OPSTAT_1, "OPSTAT-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltrequestoperationstatuscallback") \
  X(DRAIN_1, "DRAIN-1", RK_BEHAVIOUR, NULL, "ifs/performing-completion-processing-for-an-i-o-operation")      \
  X(DRAIN_2, "DRAIN-2", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_post_operation_callback")       \
  X(DRAIN_3, "DRAIN-3", RK_BEHAVIOUR, NULL, "ifs/returning-flt-preop-synchronize")                           \
  X(DRAIN_4, "DRAIN-4", RK_HANG, NULL, "ddi/fltkernel/nc-fltkernel-pflt_instance_teardown_callback")         \
  X(DRAIN_5, "DRAIN-5", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_instance_teardown_callback")    \
  X(DRAIN_6, "DRAIN-6", RK_BEHAVIOUR, NULL, "ifs/performing-completion-processing-for-an-i-o-operation")     \
  X(DRAIN_7, "DRAIN-7", RK_BEHAVIOUR, NULL, "ifs/unregistering-the-minifilter")                              \
  X(DRAIN_8, "DRAIN-8", RK_BEHAVIOUR, NULL, "ifs/when-the-filterunloadcallback-routine-is-called")           \
  X(DRAIN_9, "DRAIN-9", RK_BEHAVIOUR, NULL, "ifs/performing-completion-processing-for-an-i-o-operation")     \
  X(BUF_1, "BUF-1", RK_BEHAVIOUR, NULL, "ifs/accessing-user-buffers-in-a-postoperation-callback-routine")     \
  X(BUF_2, "BUF-2", RK_BEHAVIOUR, NULL, "ifs/accessing-user-buffers-in-a-preoperation-callback-routine")      \
  X(BUF_3, "BUF-3", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltlockuserbuffer")                      \
  X(BUF_4, "BUF-4", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nc-fltkernel-pflt_pre_operation_callback")            \
  X(BUF_5, "BUF-5", RK_BEHAVIOUR, NULL, "ifs/determining-the-buffering-method-for-an-i-o-operation")         \
  X(API_1, "API-1", RK_NOT_SETTLED, "IRQL-TOO-HIGH", "ddi/fltkernel/")                                       \
  X(NAME_1, "NAME-1", RK_BEHAVIOUR, NULL, "ddi/fltkernel/nf-fltkernel-fltgetfilenameinformation")            \
  X(NAME_2, "NAME-2", RK_NOT_SETTLED, NULL, "ifs/filtering-i-o-operations-in-a-minifilter-driver")           \
  X(MEM_1, "MEM-1", RK_BUGCHECK, NULL, "debugger/bug-check-0xd1--driver-irql-not-less-or-equal")             \
  X(MEM_2, "MEM-2", RK_BUGCHECK, NULL, "debugger/bug-check-0xc4--driver-verifier-detected-violation")        \
  X(MEM_3, "MEM-3", RK_BUGCHECK, NULL, "debugger/bug-check-0xc4--driver-verifier-detected-violation")        \
  X(VERIF_FV_1, "VERIF-FV-1", RK_VERIFIER, "LEAKED-REFERENCES", "devtest/file-system-filter-verification")   \
  X(VERIF_FV_2, "VERIF-FV-2", RK_BEHAVIOUR, NULL, "devtest/file-system-filter-verification")                 \
  X(VERIF_FV_3, "VERIF-FV-3", RK_BEHAVIOUR, NULL, "devtest/file-system-filter-verification")                 \
  X(VERIF_F5, "VERIF-F5", RK_BUGCHECK, NULL, "debugger/bug-check-0xf5--fltmgr-file-system")                 \
  X(VERIF_C4, "VERIF-C4", RK_BUGCHECK, NULL, "debugger/bug-check-0xc4--driver-verifier-detected-violation")  \
  X(VERIF_10D, "VERIF-10D", RK_BEHAVIOUR, NULL, "debugger/bug-check-0x10d---wdf-violation")                  \
  X(VERIF_SDV_1, "VERIF-SDV-1", RK_BEHAVIOUR, NULL, "devtest/determining-if-static-driver-verifier-supports-your-driver-or-library")

typedef enum rule_id {
  RULE_NONE = -1,
#define X(e, id, kind, label, link) RULE_##e,
  RULES(X)
#undef X
  RULE_COUNT
} rule_id;

/* What the run does after a violation. */
typedef enum rule_outcome { RULE_CONTINUE, RULE_STOP } rule_outcome;

/* The rule's ID string ("PRE-WCB-2"). */
const char *rules_id(rule_id r);

/* The rule's kind. */
rule_kind rules_kind(rule_id r);

/* The rule's default display label (NULL: its ID). */
const char *rules_label(rule_id r);

/* The Microsoft Learn URL of the rule's source page. Static string. */
const char *rules_link(rule_id r, char *buf, size_t size);

/* The rule with ID `id`, or RULE_NONE. */
rule_id rules_find(const char *id);

/* Reports a broken rule at this point (a [not settled] rule, a Filter Verifier error or a
 * lint): records a violation event (label overrides the default label when not NULL) and
 * returns RULE_STOP when the run ends here (Verifier on and the answer is break). */
rule_outcome rules_violation(engine *e, thread *t, rule_id r, const char *label, int inst, int op_id,
                             uint64_t detail1, uint64_t detail2);

/* As rules_violation, but treated as a [not settled] violation whatever the rule's kind (a
 * misuse the rule implies and Microsoft does not describe, e.g. an invalid status passed to
 * FltCompletePendedPreOperation under PRE-GEN-1). */
rule_outcome rules_unsettled(engine *e, thread *t, rule_id r, const char *label, int inst, int op_id,
                             uint64_t detail1, uint64_t detail2);

/* A warning no catalogue rule names (something Microsoft leaves undocumented that the model
 * goes on through), with a simulator-local label. Never stops the run. */
void rules_warning(engine *e, thread *t, const char *label, uint64_t detail1, uint64_t detail2);

/* Raises bug check `code` with its four parameters; `r` is the rule it enforces (or
 * RULE_NONE). Records the event and ends the run. */
act_result rules_bugcheck(engine *e, thread *t, rule_id r, uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3,
                          uint64_t p4);

/* The run ends with a hang: `op` (or -1) is stuck at `instance` (or -1) because of `r`. */
void rules_hang(engine *e, rule_id r, int inst, int op_id, const char *what);

/* A call into an unloaded driver's code: bug check 0xCE. */
act_result rules_call_into_unloaded(engine *e, thread *t, uint64_t address, int drv);

#endif
