// Line marks in the editor: the line to run next, the line just run, and an error line (syntax
// error or where an uncaught exception happened). A CodeMirror state field of line decorations,
// replaced as a whole by the setLineMarks effect.
// Invariants: line numbers are 1-based; 0 or a line past the end means "no mark"; editing the
// text clears every mark (the trace no longer matches the code).
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export interface LineMarks {
  next: number;
  done: number;
  error: number;
}

export const setLineMarks = StateEffect.define<LineMarks>();

const nextLine = Decoration.line({ class: 'rs-line-next', attributes: { 'data-mark': 'next' } });
const doneLine = Decoration.line({ class: 'rs-line-done', attributes: { 'data-mark': 'done' } });
const errorLine = Decoration.line({ class: 'rs-line-error', attributes: { 'data-mark': 'error' } });

const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    if (transaction.docChanged) marks = Decoration.none;
    for (const effect of transaction.effects) {
      if (!effect.is(setLineMarks)) continue;
      const doc = transaction.state.doc;
      const wanted: [number, Decoration][] = [];
      const add = (line: number, decoration: Decoration) => {
        if (line >= 1 && line <= doc.lines) wanted.push([doc.line(line).from, decoration]);
      };
      add(effect.value.done, doneLine);
      add(effect.value.next, nextLine);
      add(effect.value.error, errorLine);
      wanted.sort((a, b) => a[0] - b[0]);
      marks = Decoration.set(wanted.map(([from, decoration]) => decoration.range(from)), true);
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function lineMarks(): Extension {
  return marksField;
}
