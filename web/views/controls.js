// The controls: step by event or by statement both ways, into/over/out of a callback,
// first/last, play/pause with a speed, a scrubber over the whole run, previous/next problem.
// Every control has a keyboard shortcut (SHORTCUTS; the help dialog lists them).
import { t } from '../text.js';
import { h } from './dom.js';
import { SPEEDS } from '../player.js';

/** [id, catalogue key, key names for aria-keyshortcuts, what it does]. */
export const SHORTCUTS = [
  ['first', 'ui.controls.first', 'Home', (p) => p.first()],
  ['previous-statement', 'ui.controls.previous_statement', 'ArrowUp', (p) => p.previousStatement()],
  ['previous-event', 'ui.controls.previous_event', 'ArrowLeft', (p) => p.previousEvent()],
  ['play', 'ui.controls.play', 'Space', (p) => p.togglePlay()],
  ['next-event', 'ui.controls.next_event', 'ArrowRight', (p) => p.nextEvent()],
  ['next-statement', 'ui.controls.next_statement', 'ArrowDown', (p) => p.nextStatement()],
  ['last', 'ui.controls.last', 'End', (p) => p.last()],
  ['step-into', 'ui.controls.step_into', 'F11', (p) => p.stepInto()],
  ['step-over', 'ui.controls.step_over', 'F10', (p) => p.stepOver()],
  ['step-out', 'ui.controls.step_out', 'Shift+F11', (p) => p.stepOut()],
  ['previous-problem', 'ui.controls.previous_problem', 'Shift+N', (p) => p.previousProblem()],
  ['next-problem', 'ui.controls.next_problem', 'N', (p) => p.nextProblem()],
];

/** The shortcut's key combination for a keydown event, as written in SHORTCUTS. */
export function keyOf(event) {
  const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return `${event.shiftKey && key !== '?' ? 'Shift+' : ''}${key}`;
}

export class ControlsView {
  constructor(root, player) {
    this.root = root;
    this.player = player;
    this.buttons = new Map();
    const buttons = SHORTCUTS.map(([id, key, keys, action]) => {
      const button = h('button', { type: 'button', id: `control-${id}`, class: `control control-${id}`, 'aria-keyshortcuts': keys,
        title: `${t(key)} (${keys})`, onclick: () => action(player) }, t(key));
      this.buttons.set(id, button);
      return button;
    });
    this.scrubber = h('input', { type: 'range', id: 'scrubber', min: 0, max: 0, value: 0, step: 1, 'aria-label': t('ui.controls.scrubber') });
    this.scrubber.addEventListener('input', () => player.go(Number(this.scrubber.value), 'scrub'));
    this.position = h('output', { id: 'position', for: 'scrubber', class: 'position' });
    this.speed = h('select', { id: 'speed', 'aria-label': t('ui.controls.speed') },
      SPEEDS.map((steps, i) => h('option', { value: i }, t('ui.controls.speed_value', { steps }))));
    this.speed.value = String(player.speed);
    this.speed.addEventListener('change', () => player.setSpeed(Number(this.speed.value)));
    root.replaceChildren(
      h('div', { class: 'control-row', role: 'toolbar', 'aria-label': t('ui.controls.label') }, buttons.slice(0, 7)),
      h('div', { class: 'control-row', role: 'toolbar', 'aria-label': t('ui.controls.label_more') }, buttons.slice(7),
        h('label', { class: 'speed-label' }, t('ui.controls.speed'), ' ', this.speed)),
      h('div', { class: 'control-row scrub-row' }, this.scrubber, this.position));
  }

  render() {
    const { player } = this;
    const model = player.model;
    const n = model ? model.length : 0;
    this.scrubber.max = String(Math.max(0, n - 1));
    this.scrubber.value = String(player.step);
    this.scrubber.disabled = n === 0;
    this.position.textContent = n ? t('ui.controls.position', { step: player.step + 1, total: n, t: model.events[player.step]?.t ?? 0 }) : '';
    const play = this.buttons.get('play');
    play.textContent = t(player.playing ? 'ui.controls.pause' : 'ui.controls.play');
    play.setAttribute('aria-pressed', player.playing ? 'true' : 'false');
    for (const button of this.buttons.values()) button.disabled = n === 0;
  }
}
