// The inspector: the current operation's FLT_CALLBACK_DATA (major function, flags, IRP flags,
// parameters, IoStatus), FltObjects and CompletionContext, the running callback's arguments
// and locals, and the pool blocks (paged or nonpaged); what changed at this step highlighted.
import { t } from '../text.js';
import { h, irqlShort } from './dom.js';

const ARGUMENTS = {
  PreOperation: ['Data', 'FltObjects', 'CompletionContext'],
  PostOperation: ['Data', 'FltObjects', 'CompletionContext', 'Flags'],
  DriverEntry: ['DriverObject', 'RegistryPath'],
  WorkRoutine: ['Context'],
  SafePostCallback: ['Data', 'FltObjects', 'CompletionContext', 'Flags'],
};

function table(caption, rows, changed = []) {
  if (!rows.length) return null;
  return h('table', { class: 'fields' },
    h('caption', {}, caption),
    h('tbody', {}, rows.map(([name, value]) => h('tr', { 'data-changed': changed.includes(name) ? 'true' : null, 'data-field': name },
      h('th', { scope: 'row' }, name), h('td', {}, String(value))))));
}

export class InspectorView {
  constructor(root) {
    this.root = root;
  }

  render(model, step, state) {
    if (!model) {
      this.root.replaceChildren(h('p', { class: 'empty' }, t('ui.inspector.empty')));
      return;
    }
    const event = model.events[step];
    const thread = state.threads[event.thread];
    const frame = thread?.frames.at(-1);
    const parts = [];
    const header = (model.header.threads || []).find((th) => th.id === event.thread);
    parts.push(h('p', { class: 'context' },
      h('span', { class: 'thread-name' }, header ? header.name : String(event.thread)),
      ' · ', h('span', { class: `irql irql-${irqlShort(event.irql).toLowerCase()}`, 'data-irql': event.irql }, event.irql),
      event.dpc ? h('span', { class: 'dpc-badge' }, t('ui.inspector.in_dpc')) : null));
    const opId = model.focusOp[step];
    const op = opId >= 0 ? state.ops[String(opId)] : null;
    if (op) {
      const fields = Object.entries(op.fields).sort(([a], [b]) => a.localeCompare(b));
      parts.push(table(t('ui.inspector.callback_data', { op: op.id, major: op.major || '' }), fields, op.changed));
    }
    if (frame) {
      const names = ARGUMENTS[frame.role] || [];
      const args = frame.args.map((value, i) => [names[i] || `arg${i}`, value]);
      parts.push(table(t('ui.inspector.arguments', { function: frame.function }), args));
      parts.push(table(t('ui.inspector.locals', { function: frame.function }), Object.entries(frame.locals), frame.changed));
    }
    const pool = Object.entries(state.pool);
    if (pool.length) {
      parts.push(table(t('ui.inspector.pool'), pool.map(([address, block]) => [address,
        t(block.freed ? 'ui.inspector.pool_freed' : 'ui.inspector.pool_block', { size: block.size, tag: block.tag, pool: block.pool })])));
    }
    this.root.replaceChildren(...parts.filter(Boolean));
  }
}
