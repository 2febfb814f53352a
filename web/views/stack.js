// The filter stack: the I/O manager at the top, the minifilter instances by altitude, the file
// system at the bottom; the current operation travelling down through the pre-operation
// callbacks and back up through the post-operation callbacks, each filter's decision on it,
// the current callback highlighted, pended operations parked beside their filter.
import { t } from '../text.js';
import { h, reducedMotion } from './dom.js';

const SHORT = {
  FLT_PREOP_SUCCESS_WITH_CALLBACK: 'ui.stack.with_callback',
  FLT_PREOP_SUCCESS_NO_CALLBACK: 'ui.stack.no_callback',
  FLT_PREOP_COMPLETE: 'ui.stack.complete',
  FLT_PREOP_PENDING: 'ui.stack.pending',
  FLT_PREOP_SYNCHRONIZE: 'ui.stack.synchronize',
  FLT_PREOP_DISALLOW_FASTIO: 'ui.stack.disallow_fastio',
  FLT_POSTOP_FINISHED_PROCESSING: 'ui.stack.finished',
  FLT_POSTOP_MORE_PROCESSING_REQUIRED: 'ui.stack.more_processing',
};

export class StackView {
  constructor(root, { onSelectStep = () => {} } = {}) {
    this.root = root;
    this.onSelectStep = onSelectStep;
  }

  /** Draws the stack for `model` at `step` with `state` (model.stateAt(step)). */
  render(model, step, state) {
    if (!model) {
      this.root.replaceChildren(h('p', { class: 'empty' }, t('ui.stack.empty')));
      return;
    }
    const order = model.stackOrder();
    const opId = model.focusOp[step];
    const op = opId >= 0 ? state.ops[String(opId)] : null;
    const thread = state.threads[model.events[step]?.thread];
    const frame = thread?.frames.at(-1);
    const layers = [];
    layers.push(this.#layer('io', t('ui.stack.io_manager'), op && op.phase === 'done', op));
    for (const instance of order) {
      const decisions = op ? op.history.filter((entry) => entry.instance === instance.id) : [];
      const current = frame && frame.instance === instance.id && (frame.role === 'PreOperation' || frame.role === 'PostOperation');
      const parked = op && op.at === instance.id && op.phase.startsWith('pended');
      const here = op && op.at === instance.id && !parked;
      layers.push(this.#instanceLayer(instance, decisions, current, here, parked, op, frame, state));
    }
    layers.push(this.#layer('fs', t('ui.stack.file_system'), op && (op.phase === 'fs' || op.phase === 'completing'), op));
    const list = h('ol', { class: 'stack-layers', 'aria-label': t('ui.stack.title') }, layers);
    const caption = op
      ? h('p', { class: 'stack-caption', 'data-phase': op.phase },
        t('ui.stack.caption', { major: op.major || '?', kind: op.kind || '', phase: t(`ui.stack.phase.${op.phase}`) }))
      : h('p', { class: 'stack-caption' }, t('ui.stack.no_operation'));
    const previous = this.root.querySelector('.op-token');
    const previousTop = previous ? previous.getBoundingClientRect().top : null;
    this.root.replaceChildren(caption, list);
    this.#placeToken(op, previousTop);
  }

  #layer(kind, name, here, op) {
    return h('li', { class: `layer layer-${kind}`, 'data-layer': kind, 'data-here': here ? 'true' : null },
      h('span', { class: 'layer-name' }, name),
      here && op ? h('span', { class: 'op-token', 'data-phase': op.phase, 'aria-label': t(`ui.stack.phase.${op.phase}`) },
        op.major ? op.major.replace('IRP_MJ_', '') : '', ' ', op.phase === 'done' || op.phase === 'completing' ? '↑' : op.phase === 'fs' ? '•' : '↓') : null);
  }

  #instanceLayer(instance, decisions, current, here, parked, op, frame, state) {
    const chips = decisions.map((entry) => entry.skipped
      ? h('span', { class: 'decision skipped', title: entry.skipped }, t('ui.stack.skipped'))
      : h('span', { class: `decision ${entry.role === 'PreOperation' ? 'pre' : 'post'}`, 'data-status': entry.returned, title: entry.returned },
        entry.role === 'PreOperation' ? '↓ ' : '↑ ', t(SHORT[entry.returned] || 'ui.stack.other', { status: entry.returned })));
    const direction = op && op.phase === 'post' ? '↑' : '↓';
    return h('li', {
      class: 'layer layer-filter', 'data-instance': instance.id, 'data-current': current ? 'true' : null,
      'data-here': here ? 'true' : null, 'data-parked': parked ? 'true' : null,
      'data-torn-down': state.instances[instance.id] && state.instances[instance.id] !== 'attached' ? 'true' : null,
      'aria-current': current ? 'step' : null,
    },
    h('span', { class: 'layer-name' }, instance.name),
    h('span', { class: 'altitude' }, t('ui.stack.altitude', { altitude: instance.altitude })),
    h('span', { class: 'decisions' }, chips),
    current && frame ? h('span', { class: 'current-callback' }, t('ui.stack.running', { function: frame.function })) : null,
    here && op ? h('span', { class: 'op-token', 'data-phase': op.phase }, op.major ? op.major.replace('IRP_MJ_', '') : '', ' ', direction) : null,
    parked && op ? h('span', { class: 'op-token parked', 'data-phase': op.phase }, t('ui.stack.parked', { major: op.major ? op.major.replace('IRP_MJ_', '') : '' })) : null);
  }

  /** Slides the operation token from where it was to its new layer (unless motion is reduced). */
  #placeToken(op, previousTop) {
    const token = this.root.querySelector('.op-token');
    if (!token || previousTop == null || reducedMotion()) return;
    const delta = previousTop - token.getBoundingClientRect().top;
    if (!delta) return;
    token.animate([{ transform: `translateY(${delta}px)` }, { transform: 'translateY(0)' }], { duration: 220, easing: 'ease-out' });
  }
}
