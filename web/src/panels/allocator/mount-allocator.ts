// Mounts the allocator panel on the page's store (panels/README.md): draws the allocator part of
// each step's state, asks the engine for the opened pool block by block, highlights the block of
// the selected object and selects an object when its block is clicked.
//
// Invariants: 1. an engine answer for a trace or step that is no longer current is dropped;
// 2. the unmount function removes the panel and every store subscription.
import type { StepState } from '../../engine/trace-types';
import type { Store } from '../../state/store';
import type { AllocatorSnapshot, BlockPlace, ObjectLabel, PoolDetail } from './allocator-data';
import { AllocatorPanel } from './allocator-panel';

export function mountAllocator(container: HTMLElement, store: Store): () => void {
  let objects = new Map<number, StepState['objects'][number]>();
  const panel = new AllocatorPanel(container, {
    async loadPool(arena: number, pool: number): Promise<PoolDetail | null | undefined> {
      const { run, cursor } = store.get();
      if (!run) return null;
      const answer = await store.engine.pool(run.trace, cursor.step, arena, pool);
      const now = store.get();
      if (now.run?.trace !== run.trace || now.cursor.step !== cursor.step) return undefined;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer;
    },
    selectObject: (id) => store.select(id, 'allocator'),
    describeObject(id: number): ObjectLabel | null {
      const object = objects.get(id);
      return object ? { id, type: object.type, summary: object.summary } : null;
    },
  });

  const selectedPlace = (): BlockPlace | null => {
    const { selected } = store.get();
    return selected === null ? null : objects.get(selected)?.pool ?? null;
  };
  const show = (): void => {
    const { state } = store.get();
    if (!state) return;
    if (!state.allocator) return panel.clear('The program did not run: nothing was allocated.');
    objects = new Map(state.objects.map((o) => [o.id, o]));
    panel.update({ snapshot: state.allocator as unknown as AllocatorSnapshot, selected: selectedPlace() });
  };

  const unsubscribe = [
    store.on('state', show),
    store.on('select', show),
    store.on('theme', () => panel.themeChanged()),
    store.on('run', ({ run }) => { if (!run) panel.clear('Run a program to see its allocator.'); }),
  ];
  panel.clear('Run a program to see its allocator.');
  show();
  return () => {
    for (const off of unsubscribe) off();
    panel.destroy();
  };
}
