// The playground page: the editor, the runs (in the engine's Web Worker), the player and its
// views, the scenario panel, sharing and saving. Every visible string comes from the text
// catalogue (web/text.js).
import { loadText, applyText, t } from './text.js';
import { CoreClient } from './core-client.js';
import { Player } from './player.js';
import { Editor } from './views/editor.js';
import { ControlsView, SHORTCUTS, keyOf } from './views/controls.js';
import { VariantsView } from './views/variants.js';
import { StackView } from './views/stack.js';
import { LanesView } from './views/lanes.js';
import { InspectorView } from './views/inspector.js';
import { LogView } from './views/log.js';
import { ProblemView } from './views/problem.js';
import { ScenarioView } from './views/scenario.js';
import { showHelp } from './views/help.js';
import { narrate } from './trace/narrate.js';
import { buildScenario, defaultSettings, normalizeSettings, LEARNER_FILTER, LEARNER_SOURCE, OTHER_FILTERS } from './scenario-builder.js';
import { Storage } from './state/storage.js';
import { encodeShare, decodeShare } from './state/share.js';
import { STARTER } from './starter.js';
import { h } from './views/dom.js';
import { listLessons, loadLesson } from './lessons/catalog.js';
import { LessonPanel } from './lessons/panel.js';
import { showLessons } from './lessons/picker.js';

const $ = (id) => document.getElementById(id);
const SLICE = 2000;

class App {
  constructor() {
    this.core = new CoreClient();
    this.player = new Player();
    this.storage = new Storage();
    this.running = false;
    this.explanations = new Map();
    this.answers = {};
    this.otherSources = new Map();
    this.lesson = null;      // the open lesson ({dir, json, markdown, starter, solution, driver, sources}) or null
    this.report = null;      // the last goal report of the open lesson
  }

  /** The name of the learner's filter in the current scenario (whose lines the editor shows). */
  get learnerFilter() {
    if (!this.lesson) return LEARNER_FILTER;
    const mine = (this.lesson.json.scenario?.filters || []).find((f) => f.source === this.lesson.driver);
    return mine ? mine.name : LEARNER_FILTER;
  }

  async start() {
    const saved = this.storage.loadWorkspace();
    let shared = null;
    try {
      shared = await decodeShare(location.hash);
    } catch {
      this.#status(t('ui.share.broken'), 'error');
    }
    const source = shared?.source ?? saved?.source ?? STARTER;
    this.settings = normalizeSettings(shared?.settings ?? saved?.settings ?? defaultSettings());
    this.editor = new Editor($('editor'), {
      text: source,
      label: t('ui.editor.title'),
      onChange: () => this.#save(),
      onRun: () => this.run(),
    });
    this.editor.labelScroller(t('ui.editor.scroller'));
    this.controls = new ControlsView($('controls'), this.player);
    this.variants = new VariantsView($('variants'), this.player);
    const select = (step) => this.player.go(step, 'select');
    this.stack = new StackView($('stack'), { onSelectStep: select });
    this.lanes = new LanesView($('lanes'), { onSelectStep: select });
    this.inspector = new InspectorView($('inspector'));
    this.log = new LogView($('log'), { onSelectStep: select });
    this.problem = new ProblemView($('problem'), {
      explain: (topic) => this.#explain(topic),
      onAnswer: (rule, answer) => { this.answers[rule] = answer; this.run(); },
      onGo: (step) => { this.player.go(step, 'force'); $('controls').focus(); },
    });
    this.scenario = new ScenarioView($('scenario-form'), this.settings, { onChange: () => this.#save() });
    this.lessonPanel = new LessonPanel($('lesson-panel'), {
      onLeave: () => this.leaveLesson(),
      onHint: () => this.#lessonProgress((p) => { p.hints = (p.hints || 0) + 1; }),
      onSolution: () => this.#showSolution(true),
      onMine: () => this.#showSolution(false),
      onGo: (variant, step) => this.#goToVariantStep(variant, step),
    });
    this.player.subscribe((player, why) => this.render(why));
    this.#wire();
    this.render('load');
    if (shared) this.#save();
    await this.#ready();
    const lessonDir = shared ? shared.lesson : new URLSearchParams(location.hash.replace(/^#/, '')).get('lesson') ?? this.storage.loadCurrentLesson();
    if (lessonDir) await this.openLesson(lessonDir, { source: shared?.source });
    if (shared) await this.run({ variant: shared.variant ?? 0, step: shared.step ?? 0, quiet: true });
  }

  // ---- Lessons -------------------------------------------------------------------------------

  async showLessonList() {
    try {
      this.lessonList = this.lessonList || (await listLessons());
      showLessons($('lessons'), this.lessonList, this.storage.loadLessons(), (dir) => this.openLesson(dir));
    } catch (error) {
      $('run-status').textContent = t('ui.lessons.failed', { message: error.message });
    }
  }

  /** Opens lesson `dir`: its text and goals beside the editor, the learner's saved code for
   * it (or the starter), its scenario for the runs. */
  async openLesson(dir, { source = null } = {}) {
    let lesson;
    try {
      lesson = await loadLesson(dir);
    } catch (error) {
      $('run-status').textContent = t('ui.lessons.failed', { message: error.message });
      return;
    }
    if (!this.lesson) this.#save(); // the playground's code stays saved as it was
    this.lesson = lesson;
    this.storage.saveCurrentLesson(dir);
    this.report = null;
    const progress = this.storage.loadLessons()[lesson.json.id] || {};
    this.suspendSave = true;
    this.editor.setText(source ?? progress.code ?? lesson.starter);
    this.suspendSave = false;
    this.#lessonProgress(() => {});
    $('scenario').hidden = true;
    document.body.dataset.mode = 'lesson';
    this.player.load([]);
    this.#diagnostics([]);
    $('run-status').textContent = t('ui.lesson.opened');
  }

  leaveLesson() {
    if (!this.lesson) return;
    this.#save();
    this.lesson = null;
    this.report = null;
    this.storage.saveCurrentLesson(null);
    this.lessonPanel.hide();
    $('scenario').hidden = false;
    delete document.body.dataset.mode;
    const saved = this.storage.loadWorkspace();
    this.suspendSave = true;
    this.editor.setText(saved?.source ?? STARTER);
    this.suspendSave = false;
    this.player.load([]);
    this.#diagnostics([]);
  }

  /** Updates the open lesson's saved progress with `change(progress)` and redraws its panel. */
  #lessonProgress(change) {
    const all = this.storage.loadLessons();
    const id = this.lesson.json.id;
    const progress = all[id] || {};
    change(progress);
    all[id] = progress;
    if (!this.storage.saveLessons(all)) $('run-status').textContent = t('ui.storage.failed');
    this.lessonPanel.render(this.lesson, progress, this.report);
  }

  #showSolution(on) {
    this.#lessonProgress((p) => {
      if (on && !p.showingSolution) {
        p.mine = this.editor.text;
        p.showingSolution = true;
        this.suspendSave = true;
        this.editor.setText(this.lesson.solution);
        this.suspendSave = false;
      } else if (!on && p.showingSolution) {
        p.showingSolution = false;
        this.suspendSave = true;
        this.editor.setText(p.mine ?? this.lesson.starter);
        this.suspendSave = false;
        p.code = p.mine;
      }
    });
  }

  #goToVariantStep(variantName, step) {
    const index = this.player.runs.findIndex((run) => run.name === variantName);
    if (index < 0) return;
    this.player.selectVariant(index);
    this.player.go(step, 'force');
    $('controls').focus();
  }

  async #checkLesson(code) {
    const report = await this.core.request({ cmd: 'check_lesson', lesson: this.lesson.json, lesson_name: `${this.lesson.dir}/lesson.json`,
      solution: code, solution_name: this.lesson.driver, sources: this.lesson.sources });
    this.report = report;
    this.#lessonProgress((p) => {
      p.code = this.editor.text;
      p.goals = Object.fromEntries((report.goals || []).map((g) => [g.id, g.passed]));
      if (report.status === 'passed') p.passed = true;
    });
  }

  async #ready() {
    this.#status(t('ui.core.loading'), 'loading');
    try {
      const version = await this.core.request({ cmd: 'version' });
      this.#status(t('ui.core.ready', { version: version.version, cjson: version.cjson }), 'ready');
    } catch (error) {
      this.#status(t('ui.core.failed', { message: error.message }), 'error');
    }
  }

  #status(text, state) {
    const status = $('core-status');
    status.textContent = text;
    status.dataset.state = state;
  }

  #save() {
    if (this.suspendSave) return;
    if (this.lesson) {
      const all = this.storage.loadLessons();
      const id = this.lesson.json.id;
      all[id] = { ...(all[id] || {}), code: this.editor.text };
      if (all[id].showingSolution) return; // the solution on screen is not the learner's code
      if (!this.storage.saveLessons(all)) $('run-status').textContent = t('ui.storage.failed');
      return;
    }
    if (!this.storage.saveWorkspace({ source: this.editor.text, settings: this.settings })) {
      $('run-status').textContent = t('ui.storage.failed');
    }
  }

  async #explain(topic) {
    if (!this.explanations.has(topic)) {
      this.explanations.set(topic, this.core.request({ cmd: 'explain', topic }).catch(() => null));
    }
    return this.explanations.get(topic);
  }

  async #otherSource(source) {
    if (!this.otherSources.has(source)) {
      const response = await fetch(new URL(`./filters/${source}`, import.meta.url));
      if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
      this.otherSources.set(source, await response.text());
    }
    return this.otherSources.get(source);
  }

  /** Compiles and runs the driver over the chosen variants; shows the first variant's trace
   * (or `variant` at `step`), and the problem screen when a run ended on a problem. */
  async run({ variant = null, step = null, quiet = false } = {}) {
    if (this.running) return;
    this.running = true;
    this.player.pause();
    $('run').disabled = true;
    $('stop').disabled = false;
    $('run-status').textContent = t('ui.run.compiling');
    document.body.dataset.running = 'true';
    try {
      const code = this.editor.text;
      let scenario;
      let sources;
      if (this.lesson) {
        scenario = structuredClone(this.lesson.json.scenario);
        sources = { ...this.lesson.sources, [this.lesson.driver]: code };
      } else {
        scenario = buildScenario(this.settings);
        sources = { [LEARNER_SOURCE]: code };
        for (const id of this.settings.others) {
          const other = OTHER_FILTERS.find((f) => f.id === id);
          sources[other.source] = await this.#otherSource(other.source);
        }
      }
      if (Object.keys(this.answers).length) {
        const verifier = typeof scenario.verifier === 'object' && scenario.verifier ? scenario.verifier : { enabled: scenario.verifier !== false };
        scenario.verifier = { ...verifier, answers: { ...(verifier.answers || {}), ...this.answers } };
      }
      const result = await this.core.run({ scenario, scenario_name: 'playground.json', sources, all_variants: true }, {
        slice: SLICE,
        onProgress: (p) => { $('run-status').textContent = t('ui.run.progress', { variant: p.variant + 1, events: p.events }); },
      });
      this.#diagnostics(result.info.diagnostics || []);
      if (this.lesson) await this.#checkLesson(code);
      if (!result.info.ok) {
        $('run-status').textContent = t(result.info.status === 'does_not_compile' ? 'ui.run.no_compile' : 'ui.run.bad_input');
        this.player.load([]);
        return;
      }
      const preferred = variant ?? this.player.variant ?? 0;
      this.player.load(result.runs, { variant: preferred, step: step ?? 0 });
      this.#violationMarks();
      $('run-status').textContent = result.stopped ? t('ui.run.stopped') : t('ui.run.done', { variants: result.runs.length });
      const model = this.player.model;
      if (step == null && model) {
        const problem = ProblemView.problemOf(model);
        if (problem != null) this.player.go(problem, 'force');
        if (!quiet) await this.problem.show(model, { stopped: result.stopped });
      }
    } catch (error) {
      $('run-status').textContent = t('ui.run.failed', { message: error.message });
    } finally {
      this.running = false;
      $('run').disabled = false;
      $('stop').disabled = true;
      delete document.body.dataset.running;
    }
  }

  stop() {
    if (!this.running) return;
    $('run-status').textContent = t('ui.run.stopping');
    this.core.stop();
    // A worker that does not answer within a few seconds is replaced (the run is lost).
    clearTimeout(this.stopTimer);
    this.stopTimer = setTimeout(() => { if (this.running) this.core.kill(); }, 5000);
  }

  #diagnostics(list) {
    const mine = list.filter((d) => !d.file || d.file === (this.lesson ? this.lesson.driver : LEARNER_SOURCE));
    this.editor.showDiagnostics(mine.map((d) => ({ line: d.line || 0, column: d.column || 1, endLine: d.end_line, endColumn: d.end_column, severity: d.severity, message: d.message })));
    $('diagnostics').replaceChildren(...list.map((d) => h('li', { class: `diagnostic ${d.severity}` },
      h('button', { type: 'button', onclick: () => { if (d.line) { this.editor.showLine(d.line); this.editor.focus(); } } },
        d.file ? `${d.file}:${d.line ?? 0}:${d.column ?? 0}: ` : '', `${d.severity}: ${d.message}`))));
  }

  /** Violations and bug checks as editor marks at the line where they happened. */
  #violationMarks() {
    const model = this.player.model;
    if (!model) return;
    const learner = (model.header.drivers || []).find((d) => d.name === this.learnerFilter);
    const marks = [];
    for (const i of model.problems) {
      const event = model.events[i];
      const line = model.lineAt(i);
      if (!line || !learner || line.driver !== learner.id) continue;
      const what = event.kind === 'bugcheck' ? `${event.code} ${event.name}` : event.rule || event.kind;
      marks.push({ line: line.line, column: line.col, endLine: line.endLine, endColumn: line.endCol, severity: event.kind === 'violation' && !event.stops ? 'warning' : 'error', message: t('ui.editor.problem_mark', { what, step: i + 1 }) });
    }
    this.editor.showDiagnostics(marks);
  }

  render(why) {
    const { player } = this;
    const model = player.model;
    const step = player.step;
    this.controls.render();
    if (why === 'load' || why === 'variant') this.variants.render();
    const state = model && model.length ? model.stateAt(step) : null;
    this.stack.render(model && model.length ? model : null, step, state);
    this.lanes.render(model && model.length ? model : null, step);
    this.inspector.render(model && model.length ? model : null, step, state);
    this.log.render(model && model.length ? model : null, step);
    const learner = model && (model.header.drivers || []).find((d) => d.name === this.learnerFilter);
    const sourceLine = (driver, line) => (learner && driver === learner.id ? this.editor.lineText(line) : null);
    $('narration').textContent = model && model.length ? narrate(model, step, { state, sourceLine }) : t('ui.narration.empty');
    const line = model && model.length ? model.lineAt(step) : null;
    this.editor.showLine(line && learner && line.driver === learner.id ? line.line : 0);
    if (why === 'variant' && model) this.#violationMarks();
  }

  async share() {
    const hash = await encodeShare({ source: this.editor.text, settings: this.settings, variant: this.player.variant, step: this.player.step,
      lesson: this.lesson ? this.lesson.dir : undefined });
    history.replaceState(null, '', hash);
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      $('run-status').textContent = t('ui.share.copied');
    } catch {
      $('run-status').textContent = t('ui.share.ready');
    }
  }

  export() {
    this.#save();
    const blob = new Blob([this.storage.exportAll()], { type: 'application/json' });
    const link = h('a', { href: URL.createObjectURL(blob), download: 'fltplay-export.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async import(file) {
    try {
      const { workspace } = this.storage.importAll(await file.text());
      if (workspace) {
        this.editor.setText(workspace.source);
        this.settings = normalizeSettings(workspace.settings);
        this.scenario.set(this.settings);
        this.#save();
      }
      $('run-status').textContent = t('ui.import.done');
    } catch (error) {
      $('run-status').textContent = t(error.message === 'not-export' ? 'ui.import.not_export' : 'ui.import.not_json');
    }
  }

  #wire() {
    $('run').addEventListener('click', () => this.run());
    $('stop').addEventListener('click', () => this.stop());
    $('share').addEventListener('click', () => this.share());
    $('export').addEventListener('click', () => this.export());
    $('import-file').addEventListener('change', (event) => {
      const file = event.target.files && event.target.files[0];
      if (file) this.import(file);
      event.target.value = '';
    });
    $('help-button').addEventListener('click', () => showHelp($('help')));
    $('lessons-button').addEventListener('click', () => this.showLessonList());
    document.addEventListener('keydown', (event) => this.#key(event));
  }

  #key(event) {
    const target = event.target;
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      this.run();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && (target.closest('.cm-editor') || target.closest('input, select, textarea, dialog, [role="tablist"]'))) return;
    if (event.key === '?') {
      event.preventDefault();
      showHelp($('help'));
      return;
    }
    if (event.key === 'Escape' && this.running) {
      this.stop();
      return;
    }
    const key = keyOf(event);
    const shortcut = SHORTCUTS.find(([, , keys]) => keys === key);
    if (!shortcut) return;
    event.preventDefault();
    shortcut[3](this.player);
  }
}

async function main() {
  await loadText();
  applyText();
  const app = new App();
  window.fltplay = app; // for the browser tests and the curious
  await app.start();
}

main();
