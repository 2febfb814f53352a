// What the playground keeps in the browser: the learner's workspace (source and scenario
// settings), saved on every edit and restored on reload, lesson progress, and export/import
// of all of it as one JSON file. Nothing is ever dropped silently: a failed save says so, and
// an import keeps the replaced workspace as a backup.

const PREFIX = 'fltplay.v1.';
export const EXPORT_FORMAT = 'fltplay-export';

export class Storage {
  constructor(store = globalThis.localStorage) {
    this.store = store;
  }

  #read(key) {
    try {
      const text = this.store.getItem(PREFIX + key);
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  }

  /** Writes `value` under `key`; returns false when the browser refused (quota, privacy mode). */
  #write(key, value) {
    try {
      this.store.setItem(PREFIX + key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }

  loadWorkspace() { return this.#read('workspace'); }

  /** Saves {source, settings}; false when it could not be saved. */
  saveWorkspace(workspace) { return this.#write('workspace', { ...workspace, savedAt: new Date().toISOString() }); }

  loadLessons() { return this.#read('lessons') || {}; }

  /** The lesson that was open (its folder), so a reload returns to it; null for the playground. */
  loadCurrentLesson() { return this.#read('current')?.lesson ?? null; }

  saveCurrentLesson(dir) { return this.#write('current', { lesson: dir }); }

  saveLessons(progress) { return this.#write('lessons', progress); }

  /** Everything saved, as the text of one export file. */
  exportAll() {
    return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(),
      workspace: this.loadWorkspace(), lessons: this.loadLessons() }, null, 2);
  }

  /** Restores an export file's text; returns {workspace, lessons} or throws an Error saying why. */
  importAll(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error('not-json');
    }
    if (!data || data.format !== EXPORT_FORMAT || data.version !== 1) throw new Error('not-export');
    const previous = this.loadWorkspace();
    if (previous) this.#write('backup', previous);
    if (data.workspace && typeof data.workspace.source === 'string') this.#write('workspace', data.workspace);
    if (data.lessons && typeof data.lessons === 'object') this.#write('lessons', data.lessons);
    return { workspace: data.workspace || null, lessons: data.lessons || {} };
  }
}
