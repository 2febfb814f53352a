// The scenario panel: the operations the application performs, the variants the driver runs
// in (one trace each), and other filters in the stack. Changes take effect at the next run.
import { t } from '../text.js';
import { h } from './dom.js';
import { OPERATIONS, VARIANTS, OTHER_FILTERS } from '../scenario-builder.js';

export class ScenarioView {
  /** `onChange(settings)` after every change. */
  constructor(root, settings, { onChange = () => {} } = {}) {
    this.root = root;
    this.settings = settings;
    this.onChange = onChange;
    this.render();
  }

  #group(legend, name, keys, values, labelOf) {
    return h('fieldset', { class: `scenario-${name}` }, h('legend', {}, legend),
      keys.map((key) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name, value: key, checked: values(key) ? true : null,
          onchange: (event) => this.#set(name, key, event.target.checked) }), ' ', labelOf(key))));
  }

  #set(group, key, on) {
    if (group === 'others') {
      const others = new Set(this.settings.others);
      if (on) others.add(key);
      else others.delete(key);
      this.settings.others = OTHER_FILTERS.map((f) => f.id).filter((id) => others.has(id));
    } else {
      this.settings[group][key] = on;
      if (group === 'variants' && !VARIANTS.some((v) => this.settings.variants[v])) {
        this.settings.variants[key] = true; // at least one variant runs
        this.render();
      }
    }
    this.onChange(this.settings);
  }

  /** Shows `settings` (after an import or a shared link). */
  set(settings) {
    this.settings = settings;
    this.render();
  }

  render() {
    const s = this.settings;
    this.root.replaceChildren(
      this.#group(t('ui.scenario.operations'), 'operations', OPERATIONS, (k) => s.operations[k], (k) => t(`ui.scenario.op.${k}`)),
      this.#group(t('ui.scenario.variants'), 'variants', VARIANTS, (k) => s.variants[k], (k) => t(`ui.scenario.variant.${k}`)),
      this.#group(t('ui.scenario.others'), 'others', OTHER_FILTERS.map((f) => f.id), (k) => s.others.includes(k),
        (k) => { const f = OTHER_FILTERS.find((x) => x.id === k); return t('ui.scenario.other', { name: f.name, altitude: f.altitude, what: t(`ui.scenario.other.${k}`) }); }),
      h('p', { class: 'hint' }, t('ui.scenario.hint')));
  }
}
