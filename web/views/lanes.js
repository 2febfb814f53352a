// Thread lanes: a lane per thread over the run (x = event), IRQL as a band in a colour-blind-
// safe palette with patterns and text labels, a DPC drawn on the lane of the thread it
// interrupted and marked as a DPC, waits, work items queued and picked up, thread switches,
// and a playhead at the current step. Clicking a lane moves the playhead there.
import { t } from '../text.js';
import { h, s, irqlShort } from './dom.js';

const ROW = 30;
const LABEL = 150;
const IRQL_CLASS = { PASSIVE_LEVEL: 'passive', APC_LEVEL: 'apc', DISPATCH_LEVEL: 'dispatch' };

export class LanesView {
  constructor(root, { onSelectStep = () => {} } = {}) {
    this.root = root;
    this.onSelectStep = onSelectStep;
    this.drawnFor = null;
  }

  /** Draws the lanes of `model` (once per model) and moves the playhead to `step`. */
  render(model, step) {
    if (!model) {
      this.root.replaceChildren(h('p', { class: 'empty' }, t('ui.lanes.empty')));
      this.drawnFor = null;
      return;
    }
    if (this.drawnFor !== model) this.#draw(model);
    this.#playhead(step);
  }

  #threads(model) {
    const used = new Set(model.events.map((event) => event.thread));
    return (model.header.threads || []).filter((thread) => used.has(thread.id) || thread.kind === 'application');
  }

  #draw(model) {
    this.drawnFor = model;
    const threads = this.#threads(model);
    const width = Math.max(this.root.clientWidth || 600, 300);
    const plot = width - LABEL - 8;
    const n = Math.max(model.length, 1);
    const x = (i) => LABEL + (i / n) * plot;
    this.scale = { x, n, plot };
    const height = threads.length * ROW + 24;
    const svg = s('svg', { class: 'lanes-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': t('ui.lanes.summary', { threads: threads.length, events: model.length }) },
    s('defs', {},
      s('pattern', { id: 'hatch-dispatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        s('rect', { width: 6, height: 6, class: 'band-dispatch' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch' })),
      s('pattern', { id: 'dots-apc', width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
        s('rect', { width: 6, height: 6, class: 'band-apc' }), s('circle', { cx: 3, cy: 3, r: 1.2, class: 'dot' }))));
    const lanes = model.lanes();
    threads.forEach((thread, row) => {
      const y = row * ROW + 4;
      const group = s('g', { class: 'lane', 'data-thread': thread.id });
      group.append(s('text', { x: 4, y: y + ROW / 2 + 4, class: 'lane-label' }, `${thread.name}`));
      for (const segment of lanes.get(thread.id) || []) {
        const x0 = x(segment.from), x1 = Math.max(x(segment.to), x0 + 1.5);
        const level = IRQL_CLASS[segment.irql] || 'high';
        const fill = level === 'dispatch' ? 'url(#hatch-dispatch)' : level === 'apc' ? 'url(#dots-apc)' : null;
        group.append(s('rect', { x: x0, y: y + 4, width: x1 - x0, height: ROW - 10, class: `band band-${level}${segment.dpc ? ' dpc' : ''}`, fill,
          'data-from': segment.from, 'data-to': segment.to, 'data-irql': segment.irql }));
        if (x1 - x0 > 54) {
          group.append(s('text', { x: x0 + 3, y: y + ROW / 2 + 3, class: `band-label band-label-${level}` },
            segment.dpc ? `DPC ${irqlShort(segment.irql)}` : irqlShort(segment.irql)));
        } else if (segment.dpc && x1 - x0 > 22) {
          group.append(s('text', { x: x0 + 2, y: y + ROW / 2 + 3, class: 'band-label band-label-dispatch' }, 'DPC'));
        }
      }
      svg.append(group);
    });
    // Markers: work items queued and picked up, waits, thread switches.
    const rowOf = new Map(threads.map((thread, row) => [thread.id, row]));
    model.events.forEach((event, i) => {
      const row = rowOf.get(event.thread);
      if (row === undefined) return;
      const y = row * ROW + 4;
      if (event.kind === 'work_queued' || event.kind === 'work_start') {
        svg.append(s('path', { d: `M${x(i)} ${y + 2} l4 -5 l-8 0 z`, class: `marker ${event.kind}` }, s('title', {}, t(`ui.lanes.${event.kind}`))));
      } else if (event.kind === 'wait') {
        svg.append(s('text', { x: x(i) + 1, y: y + ROW - 1, class: 'marker-text wait' }, '⏸', s('title', {}, event.what)));
      } else if (event.kind === 'thread_switch') {
        svg.append(s('line', { x1: x(i), x2: x(i), y1: y, y2: y + ROW - 4, class: 'switch' }));
      }
    });
    this.playheadLine = s('line', { x1: LABEL, x2: LABEL, y1: 0, y2: height - 20, class: 'playhead' });
    svg.append(this.playheadLine);
    svg.addEventListener('click', (event) => {
      const box = svg.getBoundingClientRect();
      const px = event.clientX - box.left;
      if (px < LABEL) return;
      this.onSelectStep(Math.max(0, Math.min(model.length - 1, Math.round(((px - LABEL) / plot) * n))));
    });
    const legend = h('ul', { class: 'irql-legend', 'aria-label': t('ui.lanes.legend') },
      h('li', {}, h('span', { class: 'swatch band-passive' }), t('ui.lanes.passive')),
      h('li', {}, h('span', { class: 'swatch swatch-apc' }), t('ui.lanes.apc')),
      h('li', {}, h('span', { class: 'swatch swatch-dispatch' }), t('ui.lanes.dispatch')),
      h('li', {}, h('span', { class: 'swatch swatch-dpc' }), t('ui.lanes.dpc')));
    this.root.replaceChildren(svg, legend);
  }

  #playhead(step) {
    if (!this.playheadLine || !this.scale) return;
    const px = this.scale.x(step + 0.5);
    this.playheadLine.setAttribute('x1', px);
    this.playheadLine.setAttribute('x2', px);
  }
}
