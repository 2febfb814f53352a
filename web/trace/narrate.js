// Narration: each step of a trace in plain language, from the event and the state around it
// (why a callback runs at this IRQL in this thread, what a call did, what a status means).
// Every sentence is a template of the text catalogue (core/text/narration.json).
import { t } from '../text.js';

const MAJOR_OF_REQUEST = { create: 'IRP_MJ_CREATE', read: 'IRP_MJ_READ', write: 'IRP_MJ_WRITE' };

/** A thread's display name: "app (thread 4)". */
export function threadName(model, id) {
  const thread = (model.header.threads || []).find((th) => th.id === id);
  return thread ? t('narrate.thread', { name: thread.name, id }) : String(id);
}

function driverName(model, id) {
  const driver = (model.header.drivers || []).find((d) => d.id === id);
  return driver ? driver.name : '?';
}

function instanceName(model, id) {
  const instance = (model.header.instances || []).find((i) => i.id === id);
  return instance ? driverName(model, instance.driver) : '?';
}

/** The major function of operation `op` (from its op_start), or ''. */
function majorOf(model, op) {
  if (op == null) return '';
  if (!model.majorCache) {
    model.majorCache = new Map();
    for (const event of model.events) if (event.kind === 'op_start') model.majorCache.set(event.op, event.major);
  }
  return model.majorCache.get(op) || '';
}

/** The thread that issued operation `op`'s request. */
function originOf(model, op) {
  if (!model.originCache) {
    model.originCache = new Map();
    for (const event of model.events) if (event.kind === 'op_start') model.originCache.set(event.op, event.thread);
  }
  return model.originCache.get(op);
}

function postEnter(model, event, base) {
  const thread = (model.header.threads || []).find((th) => th.id === event.thread);
  const flags = event.args && event.args[3] ? BigInt(event.args[3]) : 0n;
  if (flags & 1n) return t('narrate.post_enter_draining', base);
  if (event.dpc) return t('narrate.post_enter_dpc', base);
  if (thread && thread.kind === 'worker') return t('narrate.post_enter_worker', base);
  if (originOf(model, event.op) === event.thread) return t('narrate.post_enter_sync', base);
  return t('narrate.post_enter_sync', base);
}

/** The narration of event `step` of `model`; `state` is model.stateAt(step) when the caller has
 * it, and `sourceLine(driverId, line)` may give the text of a line of a driver's source, which
 * statements then quote. */
export function narrate(model, step, { state = null, sourceLine = () => null } = {}) {
  const stateHere = () => state || (state = model.stateAt(step));
  const event = model.events[step];
  if (!event) return '';
  const thread = threadName(model, event.thread);
  const p = { ...event, thread, irql: event.irql };
  switch (event.kind) {
    case 'run_start':
      return t('narrate.run_start', { seed: event.seed, verifier: t(event.verifier ? 'narrate.verifier_on' : 'narrate.verifier_off') });
    case 'run_end':
      return t('narrate.run_end', { reason: t(`narrate.reason.${event.reason}`) });
    case 'driver_load':
      return t('narrate.driver_load', { name: event.name });
    case 'filter_registered':
    case 'filter_started':
    case 'filter_unloaded':
      return t(`narrate.${event.kind}`, { ...p, name: driverName(model, event.driver) });
    case 'instance_attached':
      return t('narrate.instance_attached', { name: instanceName(model, event.instance), altitude: event.altitude });
    case 'control':
      return t('narrate.control', { action: event.action, name: driverName(model, event.driver), what: event.what || event.status || '' });
    case 'thread_switch':
      return t('narrate.thread_switch', { from: threadName(model, event.from), to: threadName(model, event.to), why: event.why });
    case 'callback_enter': {
      const base = { thread, function: event.function, name: instanceName(model, event.instance), major: majorOf(model, event.op), irql: event.irql, role: event.role };
      if (event.role === 'PreOperation') return t('narrate.pre_enter', base);
      if (event.role === 'PostOperation') return postEnter(model, event, base);
      return t('narrate.callback_enter', base);
    }
    case 'callback_exit': {
      const id = `narrate.meaning.${event.return}`;
      const meaning = t(id) === id ? '' : t(id);
      return t('narrate.callback_exit', { function: event.function, return: event.return, meaning }).trim();
    }
    case 'statement': {
      const frame = stateHere().threads[event.thread]?.frames.at(-1);
      const fn = frame ? frame.function : '';
      const text = sourceLine(model.frameDriver[step], event.line);
      const line = text ? t('narrate.line_quoted', { line: event.line, text: text.trim() }) : String(event.line);
      if (event.locals) {
        const changes = Object.entries(event.locals).map(([name, value]) => `${name} = ${value}`).join(', ');
        return t('narrate.statement_changed', { function: fn, line, changes });
      }
      return t('narrate.statement', { function: fn, line });
    }
    case 'api_call': {
      const frame = stateHere().threads[event.thread]?.frames.at(-1);
      return t('narrate.api_call', { function: frame ? frame.function : thread, name: event.name });
    }
    case 'api_return':
      return event.value === undefined ? t('narrate.api_return_void', p) : t('narrate.api_return', p);
    case 'request_start':
      return t('narrate.request_start', { ...p, target: event.target || '' });
    case 'request_end': {
      const request = (model.header.requests || []).find((r) => r.id === event.request);
      return t('narrate.request_end', { ...p, request_kind: request ? request.kind : '' });
    }
    case 'op_start':
    case 'op_end':
      return t(`narrate.${event.kind}`, { ...p, major: event.major || majorOf(model, event.op) || MAJOR_OF_REQUEST[event.request_kind] || '' });
    case 'instance_skipped':
      return t('narrate.instance_skipped', { name: instanceName(model, event.instance), why: event.why });
    case 'irp_down':
      return t('narrate.irp_down', { major: event.major });
    case 'irp_complete':
      return t('narrate.irp_complete', { status: event.status, from: t(`narrate.from.${event.from}`) });
    case 'op_pended':
      return t(event.in === 'pre' ? 'narrate.op_pended_pre' : 'narrate.op_pended_post');
    case 'sync_handoff':
      return t('narrate.sync_handoff', { to: threadName(model, event.to) });
    case 'pool_alloc':
      return event.address === '0x0' ? t('narrate.pool_alloc_failed', p) : t('narrate.pool_alloc', p);
    case 'work_start':
    case 'work_end':
    case 'work_queued':
    case 'wait':
    case 'wake':
    case 'dpc_start':
    case 'dpc_end':
    case 'irql_change':
    case 'fs_result':
    case 'fast_io_refused':
    case 'pool_free':
    case 'page_out':
    case 'page_in':
    case 'memory_warning':
    case 'drain':
    case 'teardown':
    case 'dbg_print':
    case 'op_resumed':
    case 'params_ignored':
    case 'instance_not_attached':
    case 'exception':
    case 'hang':
      return t(`narrate.${event.kind}`, p);
    case 'lint':
    case 'violation': {
      const title = event.rule ? t(`rule.${event.rule}.title`) : t(`label.${event.label}`);
      const id = event.kind === 'lint' ? 'narrate.lint' : event.stops ? 'narrate.violation_stops' : 'narrate.violation';
      return t(id, { rule: event.rule || event.label, title });
    }
    case 'bugcheck':
      return t('narrate.bugcheck', { code: event.code, name: event.name, title: t(`bugcheck.${event.code}.title`) });
    default:
      return t('narrate.unknown', { kind: event.kind });
  }
}
