// Mounts the allocator panel on the page's store (panels/README.md): draws the allocator part of
// each step's state, asks the engine for the opened pool block by block, highlights the block of
// the selected object and selects an object when its block is clicked.
//
// Invariants: 1. an engine answer for a trace or step that is no longer current is dropped;
// 2. the unmount function removes the panel and every store subscription.
import type { StepState } from '../../engine/trace-types';
import type { Store } from '../../state/store';
import type { AllocatorSnapshot, BlockPlace, ObjectLabel, PoolDetail } from './allocator-data';
import { labelsOf } from '../object-label';
import { AllocatorPanel } from './allocator-panel';
import { addHex } from './pool-detail-text';

/** sizeof(PyGC_Head) on 64-bit CPython 3.11. */
const GC_HEAD_SIZE = 16;

export function mountAllocator(container: HTMLElement, store: Store): () => void {
  let objects = new Map<number, StepState['objects'][number]>();
  let byAddress = new Map<string, StepState['objects'][number]>();
  let labels = new Map<number, ObjectLabel>();
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
    describeObject: (id: number): ObjectLabel | null => labels.get(id) ?? null,
    objectAt(address: string): ObjectLabel | null {
      // A GC-tracked object starts after its 16-byte PyGC_Head, so id() is the chunk + 16.
      const object = byAddress.get(address) ?? byAddress.get(addHex(address, GC_HEAD_SIZE));
      return object ? labels.get(object.id) ?? null : null;
    },
  });

  const selectedPlace = (): BlockPlace | null => {
    const { selected } = store.get();
    return selected === null ? null : objects.get(selected)?.pool ?? null;
  };
  const show = (): void => {
    const { state } = store.get();
    if (!state) return;
    if (!state.allocator) {
      // A run that never started (a syntax error) has no allocator state.
      panel.clear('The program did not run: nothing was allocated.');
      return;
    }
    objects = new Map(state.objects.map((o) => [o.id, o]));
    labels = labelsOf(state);
    byAddress = new Map(state.objects.filter((o) => o.pool === null).map((o) => [o.address, o]));
    const { selected } = store.get();
    const address = selected === null ? null : objects.get(selected)?.address ?? null;
    const chunk = address === null ? undefined
      : state.allocator.raw?.find((c) => c.address === address || addHex(c.address, GC_HEAD_SIZE) === address);
    panel.update({
      snapshot: state.allocator as unknown as AllocatorSnapshot,
      selected: selectedPlace(),
      selectedChunk: chunk?.address ?? null,
    });
  };

  const unsubscribe = [
    store.on('state', show),
    store.on('select', show),
    store.on('theme', () => panel.themeChanged()),
    // A new trace starts with no pool open; no trace at all shows the invitation to run.
    store.on('run', ({ run }) => panel.clear(run ? 'Loading…' : 'Run a program to see its allocator.')),
  ];
  panel.clear('Run a program to see its allocator.');
  show();
  return () => {
    for (const off of unsubscribe) off();
    panel.destroy();
  };
}
