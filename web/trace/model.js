// The trace model: one run's trace (docs/trace-format.md) and the state of the machine at any
// step, rebuilt from the nearest keyframe plus the events after it. The engine writes only
// what changed at each event; this module folds those deltas (threads, IRQL, callback frames
// and their locals, operations and where they are in the filter stack, callback-data fields,
// pool blocks) and keeps a snapshot every KEYFRAME_EVERY events, so any step is cheap.

export const KEYFRAME_EVERY = 128;

const PRE = 'PreOperation';
const POST = 'PostOperation';

/** The empty state before the first event. */
function initialState(header) {
  const threads = {};
  for (const thread of header.threads || []) {
    threads[thread.id] = { irql: 'PASSIVE_LEVEL', frames: [], waiting: null, dpc: 0, finished: false };
  }
  return { threads, ops: {}, pool: {}, current: null, instances: {}, unloaded: {} };
}

function frameOf(event, driverOfAddress) {
  return {
    seq: event.seq,
    function: event.function,
    role: event.role,
    instance: event.instance ?? null,
    op: event.op ?? null,
    driver: driverOfAddress.get(event.address) ?? null,
    args: event.args || [],
    locals: {},
    changed: [],
  };
}

function opAt(state, event) {
  if (event.op == null) return null;
  const key = String(event.op);
  if (!state.ops[key]) state.ops[key] = { id: event.op, fields: {}, changed: [], phase: 'pre', at: null, history: [] };
  return state.ops[key];
}

/** Applies one event to `state` (mutating it). */
function apply(state, event, model) {
  const thread = state.threads[event.thread];
  if (thread) {
    thread.irql = event.irql;
    thread.waiting = null;
  }
  state.current = event.thread ?? state.current;
  const op = opAt(state, event);
  if (op) op.changed = [];
  for (const f of Object.values(state.threads)) for (const frame of f.frames) frame.changed = [];
  switch (event.kind) {
    case 'op_start':
      Object.assign(op, { major: event.major, kind: event.op_kind, request: event.request, phase: 'pre', at: null, status: null });
      op.fields['Data->Iopb->MajorFunction'] = event.major;
      op.fields['Data->Iopb->IrpFlags'] = event.irp_flags;
      op.fields.Data = event.callback_data;
      if (event.flags) op.fields['Data->Flags'] = event.flags;
      for (const [name, value] of Object.entries(event.params || {})) op.fields[`Data->Iopb->Parameters.${name}`] = value;
      break;
    case 'callback_enter':
      if (thread) thread.frames.push(frameOf(event, model.driverOfAddress));
      if (op && (event.role === PRE || event.role === POST)) {
        op.phase = event.role === PRE ? 'pre' : 'post';
        op.at = event.instance;
      }
      break;
    case 'callback_exit':
      if (thread) thread.frames.pop();
      if (op) {
        for (const change of event.changes || []) {
          op.fields[change.field] = change.new;
          op.changed.push(change.field);
        }
        if (event.role === PRE || event.role === POST) op.history.push({ instance: event.instance, role: event.role, returned: event.return });
      }
      break;
    case 'statement': {
      const frame = thread && thread.frames[thread.frames.length - 1];
      if (frame && event.locals) {
        Object.assign(frame.locals, event.locals);
        frame.changed = Object.keys(event.locals);
      }
      break;
    }
    case 'instance_skipped':
      if (op) op.history.push({ instance: event.instance, skipped: event.why });
      break;
    case 'irp_down':
      if (op) { op.phase = 'fs'; op.at = null; }
      break;
    case 'fs_result':
      if (op) op.fsStatus = event.status;
      break;
    case 'irp_complete':
      if (op) { op.phase = 'completing'; op.fields['Data->IoStatus.Status'] = event.status; }
      break;
    case 'op_pended':
      if (op) { op.phase = event.in === 'pre' ? 'pended_pre' : 'pended_post'; }
      break;
    case 'op_resumed':
      if (op) op.phase = op.phase === 'pended_post' ? 'post' : 'pre';
      break;
    case 'op_end':
      if (op) { op.phase = 'done'; op.at = null; op.status = event.status; op.fields['Data->IoStatus.Status'] = event.status; }
      break;
    case 'dpc_start':
      if (thread) thread.dpc++;
      break;
    case 'dpc_end':
      if (thread) thread.dpc = Math.max(0, thread.dpc - 1);
      break;
    case 'wait':
      if (thread) thread.waiting = event.what;
      break;
    case 'pool_alloc':
      if (event.address !== '0x0') state.pool[event.address] = { size: event.size, tag: event.tag, pool: event.pool, seq: event.seq, freed: false };
      break;
    case 'pool_free':
      if (state.pool[event.address]) state.pool[event.address].freed = true;
      break;
    case 'instance_attached':
      state.instances[event.instance] = 'attached';
      break;
    case 'teardown':
      state.instances[event.instance] = event.phase === 'start' ? 'tearing_down' : 'detached';
      break;
    case 'filter_unloaded':
      state.unloaded[event.driver] = true;
      break;
    default:
      break;
  }
}

/** The events that end a run abnormally, for "next violation" and the bug-check screen. */
export const PROBLEM_KINDS = new Set(['violation', 'bugcheck', 'hang', 'exception']);

export class TraceModel {
  /** `trace`: {header, events, end} as the engine writes it. */
  constructor(trace) {
    this.header = trace.header || { threads: [], drivers: [], instances: [] };
    this.events = trace.events || [];
    this.end = trace.end || { reason: 'running', events: this.events.length };
    this.driverOfAddress = new Map();
    this.functionsOf = new Map();
    for (const driver of this.header.drivers || []) {
      for (const fn of driver.functions || []) this.driverOfAddress.set(fn.address, driver.id);
    }
    this.#index();
  }

  get length() { return this.events.length; }

  /** Precomputes per-event depth, the frame a statement belongs to, statement and problem
   * indices, and the keyframes. */
  #index() {
    const n = this.events.length;
    this.depth = new Int16Array(n);
    this.frameDriver = new Int16Array(n).fill(-1);
    this.statements = [];
    this.problems = [];
    this.focusOp = new Int32Array(n).fill(-1);
    this.keyframes = [];
    let state = initialState(this.header);
    this.doneOps = new Map();
    for (let i = 0; i < n; i++) {
      if (i % KEYFRAME_EVERY === 0) {
        // Keyframes keep what is live: finished operations and freed pool blocks are kept once,
        // aside, so a long run's keyframes stay small.
        for (const [key, op] of Object.entries(state.ops)) {
          if (op.phase === 'done') {
            this.doneOps.set(key, structuredClone(op));
            delete state.ops[key];
          }
        }
        for (const [address, block] of Object.entries(state.pool)) if (block.freed) delete state.pool[address];
        this.keyframes.push(structuredClone(state));
      }
      const event = this.events[i];
      const thread = state.threads[event.thread];
      const frames = thread ? thread.frames : [];
      const before = frames.length;
      const topBefore = frames[before - 1];
      apply(state, event, this);
      // An enter and its exit sit at the callback's outer depth; what runs inside is one deeper.
      this.depth[i] = event.kind === 'callback_exit' ? frames.length : before;
      const top = event.kind === 'callback_exit' ? topBefore : frames[frames.length - 1];
      if (top && top.driver != null) this.frameDriver[i] = top.driver;
      if (event.kind === 'statement') this.statements.push(i);
      // The operation a step is about: its own, that of the callback it is in, or the last one.
      const frameOp = top && top.op != null ? top.op : -1;
      this.focusOp[i] = event.op != null ? event.op : frameOp >= 0 ? frameOp : i > 0 ? this.focusOp[i - 1] : -1;
      if (PROBLEM_KINDS.has(event.kind) || (event.kind === 'run_end' && event.reason !== 'completed')) this.problems.push(i);
    }
    this.finalState = state;
  }

  /** The machine's state right after event `step` (a fresh object the caller may keep). An
   * operation that had finished before the keyframe is found among the finished ones. */
  stateAt(step) {
    if (this.events.length === 0) return initialState(this.header);
    const target = Math.max(0, Math.min(step, this.events.length - 1));
    const k = Math.floor(target / KEYFRAME_EVERY);
    const state = structuredClone(this.keyframes[k]);
    for (let i = k * KEYFRAME_EVERY; i <= target; i++) apply(state, this.events[i], this);
    const focus = this.focusOp[target];
    if (focus >= 0 && !state.ops[String(focus)] && this.doneOps.has(String(focus))) {
      state.ops[String(focus)] = structuredClone(this.doneOps.get(String(focus)));
    }
    return state;
  }

  /** The source line (and driver) event `step` is at: its own for a statement, else the
   * latest statement of the same callback frame, or null. */
  lineAt(step) {
    const target = Math.min(step, this.events.length - 1);
    if (target < 0) return null;
    const here = this.events[target];
    const depth = this.depth[target];
    for (let i = target; i >= 0; i--) {
      const event = this.events[i];
      if (event.thread !== here.thread) continue;
      if (event.kind === 'statement' && this.depth[i] === depth) {
        return { line: event.line, col: event.col, endLine: event.end_line, endCol: event.end_col, driver: this.frameDriver[i] };
      }
      if (event.kind === 'callback_enter' && this.depth[i] < depth) return null; /* the frame's start */
      if (this.depth[i] < depth - 1) return null;
    }
    return null;
  }

  /** The next/previous index (from `step`, exclusive) in a sorted index list, or -1. */
  static neighbour(list, step, direction) {
    if (direction > 0) {
      for (const i of list) if (i > step) return i;
      return -1;
    }
    for (let k = list.length - 1; k >= 0; k--) if (list[k] < step) return list[k];
    return -1;
  }

  /** The step a "step over" from `step` lands on: the next event at the same or a shallower
   * callback depth in the same thread. */
  stepOver(step) {
    const here = this.events[step];
    if (!here) return -1;
    const depth = this.depth[step];
    for (let i = step + 1; i < this.events.length; i++) {
      if (this.events[i].thread === here.thread && this.depth[i] <= depth) return i;
    }
    return -1;
  }

  /** "Step out": the exit of the callback `step` is in (the next shallower event in its thread). */
  stepOut(step) {
    const here = this.events[step];
    if (!here) return -1;
    const depth = this.depth[step];
    for (let i = step + 1; i < this.events.length; i++) {
      const event = this.events[i];
      if (event.thread === here.thread && event.kind === 'callback_exit' && this.depth[i] < depth) return i;
    }
    return -1;
  }

  /** "Step into": the next callback_enter or statement (anywhere), else the next event. */
  stepInto(step) {
    for (let i = step + 1; i < this.events.length; i++) {
      const kind = this.events[i].kind;
      if (kind === 'callback_enter' || kind === 'statement') return i;
    }
    return step + 1 < this.events.length ? step + 1 : -1;
  }

  /** The instances by altitude, highest first: [{id, driver, name, altitude}]. */
  stackOrder() {
    const drivers = new Map((this.header.drivers || []).map((d) => [d.id, d]));
    return (this.header.instances || [])
      .map((inst) => ({ id: inst.id, driver: inst.driver, name: drivers.get(inst.driver)?.name ?? '?', altitude: inst.altitude }))
      .sort((a, b) => Number(b.altitude) - Number(a.altitude));
  }

  /** Per thread, the segments of the run: [{from, to, irql, dpc, waiting}] over event indices. */
  lanes() {
    if (this.laneCache) return this.laneCache;
    const lanes = new Map();
    for (const thread of this.header.threads || []) lanes.set(thread.id, []);
    let dpc = new Map();
    let waiting = new Map();
    this.events.forEach((event, i) => {
      const list = lanes.get(event.thread);
      if (!list) return;
      if (event.kind === 'dpc_start') dpc.set(event.thread, (dpc.get(event.thread) || 0) + 1);
      const inDpc = (dpc.get(event.thread) || 0) > 0 || event.dpc === true;
      if (event.kind === 'wait') waiting.set(event.thread, true);
      if (event.kind === 'wake') waiting.set(event.thread, false);
      const last = list[list.length - 1];
      if (last && last.irql === event.irql && last.dpc === inDpc && last.to === i) last.to = i + 1;
      else list.push({ from: i, to: i + 1, irql: event.irql, dpc: inDpc });
      if (event.kind === 'dpc_end') dpc.set(event.thread, Math.max(0, (dpc.get(event.thread) || 0) - 1));
    });
    this.laneCache = lanes;
    return lanes;
  }
}
