// The editor: CodeMirror 6 with C highlighting, the current step's line highlighted,
// diagnostics and violations as gutter marks and underlines at their spans, Ctrl/Cmd-Enter
// to run. The rest of the page talks to it through this small interface.
import { EditorView, basicSetup } from 'codemirror';
import { cpp } from '@codemirror/lang-cpp';
import { EditorState, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import { Decoration, keymap } from '@codemirror/view';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/* C highlighting with colours that keep WCAG AA contrast (4.5:1 and more) on white. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.modifier, tags.operatorKeyword], color: '#7a1f8a' },
  { tag: [tags.typeName, tags.standard(tags.typeName)], color: '#0b5cad' },
  { tag: [tags.string, tags.character], color: '#a31515' },
  { tag: [tags.number, tags.bool, tags.null], color: '#0b6b3a' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: '#4d5b2f', fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.meta], color: '#6b4a00' },
  { tag: tags.definition(tags.variableName), color: '#1b1b1f', fontWeight: '600' },
  { tag: tags.function(tags.variableName), color: '#5a3d00' },
  { tag: tags.macroName, color: '#6b4a00' },
  { tag: tags.invalid, color: '#a40000' },
]);

const setCurrentLine = StateEffect.define();

/** The highlighted line (1-based; 0 = none) as a line decoration. */
const currentLine = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    decorations = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setCurrentLine)) continue;
      const builder = new RangeSetBuilder();
      const line = effect.value;
      if (line > 0 && line <= transaction.state.doc.lines) {
        const from = transaction.state.doc.line(line).from;
        builder.add(from, from, Decoration.line({ class: 'cm-current-step', attributes: { 'data-current-step': 'true' } }));
      }
      decorations = builder.finish();
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export class Editor {
  /** Mounts an editor in `parent` with `text`; `onChange(text)` after every edit, `onRun()`
   * on Ctrl/Cmd-Enter. */
  constructor(parent, { text = '', onChange = () => {}, onRun = () => {}, label = 'Driver source' }) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }]),
          basicSetup,
          cpp(),
          syntaxHighlighting(highlight),
          lintGutter(),
          currentLine,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          // CodeMirror writes its style sheets at run time; the page's CSP admits them by this
          // nonce (static, as the site is: it admits no inline style attribute, no script).
          EditorView.cspNonce.of('fltplay-codemirror'),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
  }

  get text() { return this.view.state.doc.toString(); }

  /** Makes the scrolling area itself reachable with Tab (axe: scrollable regions need
   * keyboard access), named for screen readers. */
  labelScroller(label) {
    this.view.scrollDOM.setAttribute('tabindex', '0');
    this.view.scrollDOM.setAttribute('aria-label', label);
    this.view.scrollDOM.setAttribute('role', 'region');
  }

  /** The text of line `line` (1-based), or null when there is no such line. */
  lineText(line) {
    const doc = this.view.state.doc;
    return line >= 1 && line <= doc.lines ? doc.line(line).text : null;
  }

  /** Replaces the whole text (an undoable change). */
  setText(text) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  /** Highlights line `line` (1-based; 0 clears) and scrolls it into view. */
  showLine(line) {
    const doc = this.view.state.doc;
    const effects = [setCurrentLine.of(line)];
    if (line > 0 && line <= doc.lines) effects.push(EditorView.scrollIntoView(doc.line(line).from, { y: 'nearest' }));
    this.view.dispatch({ effects });
  }

  /** Shows diagnostics: [{line, column, endLine, endColumn, severity, message}] (1-based). */
  showDiagnostics(list) {
    const doc = this.view.state.doc;
    const position = (line, column) => {
      const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
      return Math.min(l.from + Math.max(0, column - 1), l.to);
    };
    const diagnostics = list.filter((d) => d.line > 0).map((d) => {
      const line = doc.line(Math.max(1, Math.min(d.line, doc.lines)));
      let from = position(d.line, d.column);
      let to = d.endLine ? position(d.endLine, d.endColumn) : from;
      // A mark needs at least one character: at a line's end, underline the last one.
      if (to <= from) to = Math.min(line.to, from + 1);
      if (to <= from && from > line.from) from = to - 1;
      return { from, to: Math.max(to, from), severity: d.severity === 'warning' ? 'warning' : d.severity === 'note' ? 'info' : 'error', message: d.message };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  focus() { this.view.focus(); }
}
