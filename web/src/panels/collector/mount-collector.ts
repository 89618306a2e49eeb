// Mounts the collector panel on the page's store (panels/README.md): generations and history
// follow each step's state and the run's collection list; a collection chosen in the history
// moves the cursor to its step and is loaded with the `collection` command, its objects named
// from the state at that step.
//
// Invariants: 1. an answer for a trace that is no longer current is dropped; 2. the unmount
// function removes the panel and every store subscription.
import type { Store } from '../../state/store';
import { labelsOf, type ObjectLabel } from '../object-label';
import { CollectorPanel } from './collector-panel';

export function mountCollector(container: HTMLElement, store: Store): () => void {
  const panel = new CollectorPanel(container, {
    async loadCollection(index) {
      const run = store.get().run;
      if (!run) return undefined;
      const answer = await store.engine.collection(run.trace, index);
      if (store.get().run?.trace !== run.trace) return undefined;
      if (!answer.ok) throw new Error(answer.error.message);
      // Names as the program saw them just before the collection's step ran.
      const before = await store.engine.state(run.trace, answer.step, 0);
      const labels: Map<number, ObjectLabel> = before.ok ? labelsOf(before) : new Map();
      const { state } = store.get();
      if (state) for (const [id, label] of labelsOf(state)) if (!labels.has(id)) labels.set(id, label);
      return { detail: answer, labels };
    },
    goToStep: (step) => store.setCursor(step, 0),
    selectObject: (id) => store.select(id, 'collector'),
  });

  const show = (): void => {
    const { run, state, cursor, selected } = store.get();
    if (!run) return;
    // state.gc is null when the program never ran (a syntax error): nothing to show then.
    panel.update({ gc: state ? state.gc ?? 'none' : null, collections: run.collections, cursorStep: cursor.step, selected });
  };
  const unsubscribe = [
    // A new trace closes the collection shown for the previous one.
    store.on('run', ({ run }) => {
      panel.clear(run ? 'Loading…' : 'Run a program to see the collector.');
      if (run) show();
    }),
    store.on('state', show),
    store.on('select', show),
  ];
  if (store.get().run) show();
  else panel.clear('Run a program to see the collector.');
  return () => {
    for (const off of unsubscribe) off();
    panel.destroy();
  };
}
