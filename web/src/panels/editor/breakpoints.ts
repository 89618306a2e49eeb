// Breakpoints: a gutter left of the line numbers; clicking it (or Ctrl/Cmd-B on a line) toggles a
// breakpoint, shown as a filled circle. Play and "continue" stop at a step whose line has one.
// Invariants: breakpoints follow their line when text is inserted above; the set of lines is
// read with breakpointLines(state).
import { RangeSet, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { EditorView, GutterMarker, gutter, keymap } from '@codemirror/view';

const toggleBreakpoint = StateEffect.define<{ pos: number }>();

class BreakpointMarker extends GutterMarker {
  toDOM(): Node {
    const dot = document.createElement('span');
    dot.className = 'rs-breakpoint';
    dot.setAttribute('aria-label', 'breakpoint');
    dot.textContent = '●';
    return dot;
  }
}
const marker = new BreakpointMarker();

const breakpointField = StateField.define<RangeSet<GutterMarker>>({
  create: () => RangeSet.empty,
  update(set, transaction) {
    set = set.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(toggleBreakpoint)) continue;
      let present = false;
      set.between(effect.value.pos, effect.value.pos, () => {
        present = true;
      });
      set = present
        ? set.update({ filter: (from) => from !== effect.value.pos })
        : set.update({ add: [marker.range(effect.value.pos)] });
    }
    return set;
  },
});

/** Replaces every breakpoint with breakpoints on `lines` (1-based; lines past the end are dropped). */
export function setBreakpointLines(view: EditorView, lines: Iterable<number>): void {
  const present = breakpointLines(view.state);
  const wanted = new Set([...lines].filter((line) => line >= 1 && line <= view.state.doc.lines));
  const effects = [...new Set([...present, ...wanted])]
    .filter((line) => present.has(line) !== wanted.has(line))
    .map((line) => toggleBreakpoint.of({ pos: view.state.doc.line(line).from }));
  if (effects.length > 0) view.dispatch({ effects });
}

function toggleAt(view: EditorView, pos: number): boolean {
  view.dispatch({ effects: toggleBreakpoint.of({ pos: view.state.doc.lineAt(pos).from }) });
  return true;
}

/** The 1-based lines that carry a breakpoint. */
export function breakpointLines(state: EditorState): Set<number> {
  const lines = new Set<number>();
  const cursor = state.field(breakpointField).iter();
  for (; cursor.value; cursor.next()) lines.add(state.doc.lineAt(cursor.from).number);
  return lines;
}

export function breakpoints(): Extension {
  return [
    breakpointField,
    gutter({
      class: 'rs-breakpoint-gutter',
      markers: (view) => view.state.field(breakpointField),
      initialSpacer: () => marker,
      domEventHandlers: {
        mousedown: (view, line) => toggleAt(view, line.from),
      },
    }),
    keymap.of([{ key: 'Mod-b', run: (view) => toggleAt(view, view.state.selection.main.head) }]),
  ];
}
