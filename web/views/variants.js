// The variants of the run as tabs: the same driver over several scenario variants, one trace
// each; the tab shows how each run ended.
import { t } from '../text.js';
import { h } from './dom.js';

export class VariantsView {
  constructor(root, player) {
    this.root = root;
    this.player = player;
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      event.stopPropagation();
      const next = (player.variant + (event.key === 'ArrowRight' ? 1 : -1) + player.runs.length) % player.runs.length;
      player.selectVariant(next);
      this.root.querySelector(`[data-variant="${next}"]`)?.focus();
    });
  }

  render() {
    const { player } = this;
    this.root.replaceChildren(...player.runs.map((run, i) => {
      const reason = run.model.end.reason;
      return h('button', { type: 'button', role: 'tab', 'data-variant': i, 'aria-selected': i === player.variant ? 'true' : 'false',
        tabindex: i === player.variant ? '0' : '-1', 'data-end': reason, onclick: () => player.selectVariant(i) },
      run.name, h('span', { class: 'end-badge' }, t(`ui.end.${reason}`)));
    }));
  }
}
