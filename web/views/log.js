// The event log: one readable line per event (sequence, thread, IRQL, what happened, indented
// by callback depth), the current one marked; a click or Enter jumps there. Only a window of
// rows around the current step is in the page, so long traces stay fast.
import { t } from '../text.js';
import { h, irqlShort } from './dom.js';

const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 120;

/** A one-line summary of an event, close to the CLI's text log. */
export function summary(model, event) {
  const skip = new Set(['seq', 't', 'kind', 'thread', 'irql', 'dpc', 'instance', 'op', 'request', 'args', 'locals', 'changes', 'address']);
  const details = Object.entries(event).filter(([key]) => !skip.has(key)).map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : value}`);
  let who = '';
  if (event.instance != null) {
    const instance = (model.header.instances || []).find((i) => i.id === event.instance);
    const driver = instance && (model.header.drivers || []).find((d) => d.id === instance.driver);
    if (driver) who = `${driver.name}: `;
  }
  return `${who}${event.kind}${details.length ? ' ' + details.join(' ') : ''}`;
}

export class LogView {
  constructor(root, { onSelectStep = () => {} } = {}) {
    this.root = root;
    this.onSelectStep = onSelectStep;
    root.addEventListener('click', (event) => {
      const row = event.target.closest('[data-step]');
      if (row) this.onSelectStep(Number(row.dataset.step));
    });
  }

  render(model, step) {
    if (!model) {
      this.root.replaceChildren(h('p', { class: 'empty' }, t('ui.log.empty')));
      return;
    }
    const from = Math.max(0, step - WINDOW_BEFORE), to = Math.min(model.length, step + WINDOW_AFTER);
    const threads = new Map((model.header.threads || []).map((th) => [th.id, th.name]));
    const rows = [];
    if (from > 0) rows.push(h('li', { class: 'more' }, t('ui.log.earlier', { count: from })));
    for (let i = from; i < to; i++) {
      const event = model.events[i];
      rows.push(h('li', { class: `row kind-${event.kind}`, 'data-current': i === step ? 'true' : null },
        h('button', { type: 'button', 'data-step': i, 'aria-current': i === step ? 'step' : null },
          h('span', { class: 'seq' }, String(event.seq)),
          h('span', { class: 'thread' }, threads.get(event.thread) ?? String(event.thread)),
          h('span', { class: `irql irql-${irqlShort(event.irql).toLowerCase()}` }, irqlShort(event.irql), event.dpc ? ' DPC' : ''),
          h('span', { class: 'what', 'data-depth': Math.min(model.depth[i], 8) }, summary(model, event)))));
    }
    if (to < model.length) rows.push(h('li', { class: 'more' }, t('ui.log.later', { count: model.length - to })));
    const list = h('ol', { class: 'log-rows', 'aria-label': t('ui.log.title') }, rows);
    this.root.replaceChildren(list);
    // Keep the current row in view by scrolling the log itself, never the page.
    const current = list.querySelector('[data-current]');
    if (current) {
      const top = current.offsetTop; /* the log is the rows' offset parent (position: relative) */
      if (top < this.root.scrollTop || top > this.root.scrollTop + this.root.clientHeight - current.offsetHeight) {
        this.root.scrollTop = Math.max(0, top - this.root.clientHeight / 3);
      }
    }
  }
}
