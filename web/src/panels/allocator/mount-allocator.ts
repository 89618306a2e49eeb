// Mounts the allocator panel on the page's store (panels/README.md): draws the allocator part of
// each step's state, asks the engine for the opened pool block by block, highlights the block of
// the selected object and selects an object when its block is clicked.
//
// Cost: a state may hold tens of thousands of objects, so nothing here builds a per-object map
// per step: the selected object and a block's owner are looked up by one scan when needed, and
// the owners of malloc chunks by one pass against the (few) chunk addresses.
//
// Invariants: 1. an engine answer for a trace or step that is no longer current is dropped;
// 2. the unmount function removes the panel and every store subscription.
import type { StepState } from '../../engine/trace-types';
import type { Store } from '../../state/store';
import type { AllocatorSnapshot, BlockPlace, ObjectLabel, PoolDetail } from './allocator-data';
import { labelIn } from '../object-label';
import { AllocatorPanel } from './allocator-panel';
import { addHex } from './pool-detail-text';

/** sizeof(PyGC_Head) on 64-bit CPython 3.11. */
const GC_HEAD_SIZE = 16;

export function mountAllocator(container: HTMLElement, store: Store): () => void {
  /** Objects that live in a malloc chunk, by the chunk's address (rebuilt per state). */
  let chunkOwners = new Map<string, number>();
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
      const { state } = store.get();
      return state ? labelIn(state, id) : null;
    },
    async findAllocation(arena: number, pool: number, direction: 'next' | 'previous'): Promise<string | null> {
      const { run, cursor } = store.get();
      if (!run) return null;
      const answer = await store.engine.findAlloc(run.trace, arena, pool, cursor.step, direction);
      const now = store.get();
      // The user moved on while the engine searched: leave the cursor where it is now.
      if (now.run?.trace !== run.trace || now.cursor.step !== cursor.step || now.cursor.instr !== cursor.instr) return null;
      if (!answer.ok) return `Could not search the run: ${answer.error.message}`;
      if (answer.step === null) {
        return direction === 'next'
          ? `Pool ${pool} of arena ${arena} hands out no more blocks after step ${cursor.step}.`
          : `Pool ${pool} of arena ${arena} handed out no block before step ${cursor.step}.`;
      }
      store.setCursor(answer.step, 0);
      return `Step ${answer.step}: the pool handed out a block during the line before.`;
    },
    objectAt(address: string): ObjectLabel | null {
      const { state } = store.get();
      const id = chunkOwners.get(address);
      return state && id !== undefined ? labelIn(state, id) : null;
    },
  });

  /** Maps chunk address -> owning object: an object at the chunk, or (GC objects) 16 bytes in. */
  const ownersOf = (state: StepState): Map<string, number> => {
    const candidates = new Map<string, string>();
    for (const chunk of state.allocator?.raw ?? []) {
      candidates.set(chunk.address, chunk.address);
      candidates.set(addHex(chunk.address, GC_HEAD_SIZE), chunk.address);
    }
    const owners = new Map<string, number>();
    if (candidates.size === 0) return owners;
    for (const object of state.objects) {
      if (object.pool !== null) continue;
      const chunk = candidates.get(object.address);
      if (chunk !== undefined) owners.set(chunk, object.id);
    }
    return owners;
  };

  const show = (): void => {
    const { state, selected } = store.get();
    if (!state) return;
    if (!state.allocator) {
      // A run that never started (a syntax error) has no allocator state.
      panel.clear('The program did not run: nothing was allocated.');
      return;
    }
    chunkOwners = ownersOf(state);
    const object = selected === null ? undefined : state.objects.find((o) => o.id === selected);
    let selectedChunk: string | null = null;
    if (object) for (const [chunk, id] of chunkOwners) if (id === object.id) selectedChunk = chunk;
    panel.update({
      snapshot: state.allocator as unknown as AllocatorSnapshot,
      selected: (object?.pool ?? null) as BlockPlace | null,
      selectedChunk,
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
