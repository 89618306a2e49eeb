// The code panel: CodeMirror 6 with Python highlighting, breakpoints, and the marks of the
// current step (line to run next, line just run) and of an error. Follows the store: on each
// `state` it marks the lines of the cursor; after a run that failed it marks the error line.
// Invariants: the editor never runs code; the page reads the text with getSource() when the
// user runs it. Marks are cleared when the text changes.
import { minimalSetup } from 'codemirror';
import { pythonLanguage } from '@codemirror/lang-python';
import { LanguageSupport, bracketMatching, indentOnInput } from '@codemirror/language';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import type { Store } from '../../state/store';
import { breakpointLines, breakpoints, setBreakpointLines } from './breakpoints';
import { codeColours } from './code-colours';
import { lineMarks, setLineMarks } from './line-marks';

export interface EditorHandle {
  getSource(): string;
  setSource(source: string): void;
  breakpoints(): Set<number>;
  setBreakpoints(lines: Iterable<number>): void;
  /** Called whenever the user edits the text. */
  onEdit(listener: () => void): void;
  focus(): void;
}

export interface EditorOptions {
  /** The program cannot be edited (embeds with readonly=1). */
  readOnly?: boolean;
}

export function mountEditor(container: HTMLElement, store: Store, initial: string,
                            options: EditorOptions = {}): EditorHandle {
  const editListeners: (() => void)[] = [];
  const view = new EditorView({
    parent: container,
    doc: initial,
    extensions: [
      // A lean setup (no autocompletion, search or lint panels): a smaller first load.
      breakpoints(),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      minimalSetup,
      bracketMatching(),
      indentOnInput(),
      // Python's grammar, indentation and folding; not python()'s completion sources, which
      // do nothing without an autocompletion extension and would add that package to the page.
      new LanguageSupport(pythonLanguage),
      codeColours(),
      lineMarks(),
      EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
      options.readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : [],
      EditorView.updateListener.of((update) => {
        if (update.docChanged) for (const listener of editListeners) listener();
      }),
    ],
  });

  let errorLine = 0;
  let shownKey = '';
  const showMarks = () => {
    const { run, state, cursor } = store.get();
    if (!run) {
      shownKey = '';
      return view.dispatch({ effects: setLineMarks.of({ next: 0, done: 0, error: errorLine }) });
    }
    const next = state?.line ?? run.timeline.line[cursor.step] ?? 0;
    const done = cursor.step > 0 ? run.timeline.line[cursor.step - 1] ?? 0 : 0;
    const marks = setLineMarks.of({ next, done: done === next ? 0 : done, error: errorLine });
    const key = `${next}:${done}:${errorLine}`;
    if (key === shownKey) return;
    shownKey = key;
    const scroll = next > 0 && next <= view.state.doc.lines ? [EditorView.scrollIntoView(view.state.doc.line(next).from, { y: 'nearest' })] : [];
    view.dispatch({ effects: [marks, ...scroll] });
  };
  store.on('run', ({ run }) => {
    errorLine = run && (run.end.reason === 'syntax_error' || run.end.reason === 'exception' || run.end.reason === 'unsupported') ? run.end.line : 0;
    showMarks();
  });
  // A dispatch reads the page's selection, which makes the browser lay the page out at once: in
  // the middle of a step, after other panels changed the page and before the rest redraw, that
  // is a second layout of the whole page. Marks for a new state are set in the next animation
  // frame instead, where the frame's own layout is due anyway.
  let marksFrame = 0;
  store.on('state', () => {
    if (marksFrame) return;
    marksFrame = requestAnimationFrame(() => {
      marksFrame = 0;
      showMarks();
    });
  });
  editListeners.push(() => {
    errorLine = 0;
    shownKey = '';
  });

  return {
    getSource: () => view.state.doc.toString(),
    setSource: (source) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } }),
    breakpoints: () => breakpointLines(view.state),
    setBreakpoints: (lines) => setBreakpointLines(view, lines),
    onEdit: (listener) => editListeners.push(listener),
    focus: () => view.focus(),
  };
}
