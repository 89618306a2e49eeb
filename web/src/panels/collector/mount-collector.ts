// Mounts the collector panel on the page's store (panels/README.md): generations and history
// follow each step's state and the run's collection list; a collection chosen in the history
// moves the cursor to its step and is loaded with the `collection` command, its objects named
// from the state at that step.
//
// Invariants: 1. an answer for a trace that is no longer current is dropped; 2. the unmount
// function removes the panel and every store subscription.
import type { Store } from '../../state/store';
import { labelOf, type ObjectLabel } from '../object-label';
import { CollectorPanel } from './collector-panel';

export function mountCollector(container: HTMLElement, store: Store): () => void {
  const panel = new CollectorPanel(container, {
    async loadCollection(index) {
      const run = store.get().run;
      if (!run) return undefined;
      const answer = await store.engine.collection(run.trace, index);
      if (store.get().run?.trace !== run.trace) return undefined;
      if (!answer.ok) throw new Error(answer.error.message);
      const labels = new Map<number, ObjectLabel>();
      const before = await store.engine.state(run.trace, answer.step, 0);
      if (before.ok) for (const object of before.objects) labels.set(object.id, labelOf(object));
      const { state } = store.get();
      if (state) for (const object of state.objects) if (!labels.has(object.id)) labels.set(object.id, labelOf(object));
      return { detail: answer, labels };
    },
    goToStep: (step) => store.setCursor(step, 0),
    selectObject: (id) => store.select(id, 'collector'),
  });

  const show = (): void => {
    const { run, state, cursor, selected } = store.get();
    if (!run) return;
    panel.update({ gc: state?.gc ?? null, collections: run.collections, cursorStep: cursor.step, selected });
  };
  const unsubscribe = [
    store.on('run', ({ run }) => { if (run) show(); else panel.clear('Run a program to see the collector.'); }),
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
