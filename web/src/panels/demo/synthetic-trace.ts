// A stand-in trace for the panels' demo page while the engine's trace commands (run, state,
// pool, collection) are being built. The allocator figures are REAL: each step replays an
// `alloc_scenario` in the wasm core (floats allocated in batches, then every second one freed,
// plus big requests that go to malloc). What is NOT real, and labelled so on the page: the
// block-by-block layout of a pool (derived from the pool's counts), the objects, and the one
// collection (a two-list cycle collected by gc.collect(), with the gc_refs CPython 3.11 computes).
//
// Invariants: 1. the same step always gives the same answer; 2. a synthetic pool's blocks agree
// with the real PoolInfo counts (count allocated, nfree free, untouched at the end).
import type { AllocScenarioInfo, CoreModule } from '../../wasm/core.mjs';
import type { CollectionDetail, HeapObject, PoolDetail, RunInfo, StepState } from '../../engine/trace-types';

export const SYNTHETIC_STEPS = 12;
const FREE_STEP = 9;
const COLLECT_STEP = 11;

/** The benchmark's scenario: 100,000 more 16-byte blocks per step, ~16 full arenas at step 10. */
function heavyOps(step: number): object[] {
  return step === 0 ? [] : [{ op: 'malloc', size: 16, count: 100_000 * Math.min(step, 10), name: 'small' }];
}

function ops(step: number): object[] {
  const list: object[] = [];
  for (let s = 1; s <= Math.min(step, 8); s += 1) {
    list.push({ op: 'malloc', size: 24, count: 180 * s, name: 'floats' });
    list.push({ op: 'malloc', size: 56, count: 40 * s, name: 'tuples' });
    if (s % 3 === 0) list.push({ op: 'malloc', size: 1040, count: 1, name: 'big' });
  }
  if (step >= FREE_STEP) list.push({ op: 'free', name: 'floats', every: 2 });
  if (step >= FREE_STEP + 1) list.push({ op: 'free', name: 'tuples', every: 1 });
  return list;
}

export class SyntheticTrace {
  private readonly cache = new Map<number, AllocScenarioInfo>();

  constructor(private readonly core: CoreModule, private readonly profile: string, private readonly heavy = false) {}

  allocator(step: number): AllocScenarioInfo {
    let answer = this.cache.get(step);
    if (!answer) {
      const parsed = JSON.parse(this.core.call(JSON.stringify({ cmd: 'alloc_scenario', profile: this.profile, ops: this.heavy ? heavyOps(step) : ops(step) })));
      if (!parsed.ok) throw new Error(parsed.error.message);
      answer = parsed as AllocScenarioInfo;
      this.cache.set(step, answer);
    }
    return answer;
  }

  runInfo(): RunInfo {
    const n = SYNTHETIC_STEPS + 1;
    const column = (f: (s: number) => number) => Int32Array.from({ length: n }, (_, s) => f(s));
    return {
      format: 'refscope-trace', version: 1, trace: 1, profile: this.profile, filename: 'synthetic.py',
      steps: SYNTHETIC_STEPS,
      end: { reason: 'completed', limit: null, exit_status: 0, message: '', line: 0 },
      stdout: '', stderr: '', output: [],
      timeline: {
        line: column((s) => s), depth: column(() => 1), instructions: column(() => 0), flags: column(() => 1),
        memory: new Float64Array(n), arenas: column(() => 1), pools: column(() => 0), objects: column(() => 0),
        gen0: column((s) => this.gcCount(s)), gen1: column(() => 0), gen2: column(() => 0),
      },
      collections: [{ index: 0, step: COLLECT_STEP, generation: 2, reason: 'gc.collect', collected: 2, uncollectable: 0, phases: 9 }],
    };
  }

  private gcCount(step: number): number {
    return step > COLLECT_STEP ? 1 : Math.min(step, 8) * 41;
  }

  state(step: number): StepState {
    const a = this.allocator(step);
    const objects: HeapObject[] = [];
    const first = a.arenas[0]?.pools[0];
    if (first) {
      objects.push(this.object(100, 'float', '3.14', 24, { arena: 0, pool: 0, szidx: first.szidx, block: 0 }));
      objects.push(this.object(101, 'float', '2.72', 24, { arena: 0, pool: 0, szidx: first.szidx, block: 2 }));
    }
    if (step <= COLLECT_STEP) {
      objects.push(this.object(10, 'list', '[[[...]]]', 56, null), this.object(11, 'list', '[[[...]]]', 56, null));
    }
    objects.push(this.object(12, 'list', '[1]', 64, null));
    if (a.stats.raw_chunks_in_use > 0) {
      // A big string in the first malloc chunk (after a 16-byte header, as a GC object would be).
      objects.push({ ...this.object(102, 'str', "'xxxxxxxx…'", 1049, null), address: '0x55555555a010' });
    }
    return {
      step, instr: 0, instructions: 0, line: step, instruction: null, frames: [], objects, omitted: 0,
      gc: { count: [this.gcCount(step), step > COLLECT_STEP ? 0 : 0, 0], threshold: [700, 10, 10], enabled: true,
            collections: step > COLLECT_STEP ? 1 : 0 },
      allocator: {
        arenas: a.arenas, usable_arenas: a.usable_arenas, usedpools: a.usedpools,
        raw: Array.from({ length: a.stats.raw_chunks_in_use }, (_, i) => ({ address: `0x55555555${(0xa000 + i * 0x420).toString(16)}`, size: 1040 })),
        stats: a.stats, debugmallocstats: a.debugmallocstats,
      } as StepState['allocator'],
    };
  }

  private object(id: number, type: string, summary: string, size: number, pool: HeapObject['pool']): HeapObject {
    return { id, address: '0x0', type, summary, size, refcount: 1, referrers: [], referents: [], gc: 'untracked', marks: [], pool };
  }

  pool(step: number, arenaIndex: number, poolIndex: number): PoolDetail | null {
    const arena = this.allocator(step).arenas.find((x) => x.index === arenaIndex);
    const info = arena?.pools[poolIndex];
    if (!info) return null;
    const touched = info.capacity - info.untouched;
    // Free blocks: the odd ones first (as after freeing every second block), then even ones.
    const free: number[] = [];
    for (let i = 1; i < touched && free.length < info.nfree; i += 2) free.push(i);
    for (let i = 0; i < touched && free.length < info.nfree; i += 2) free.push(i);
    const freeSet = new Set(free);
    const blocks = Array.from({ length: info.capacity }, (_, i) => (
      i >= touched ? { state: 'untouched' as const, object: null }
        : freeSet.has(i) ? { state: 'free' as const, object: null }
          : { state: 'allocated' as const, object: arenaIndex === 0 && poolIndex === 0 && (i === 0 || i === 2) ? 100 + i / 2 : null }));
    return { blocks, freeblock: free.reverse(), szidx: info.szidx, block_size: info.block_size, state: info.state };
  }

  collection(index: number): CollectionDetail | null {
    if (index !== 0) return null;
    const all: [number, number][] = [[10, 1], [11, 1], [12, 1]];
    const after: [number, number][] = [[10, 0], [11, 0], [12, 1]];
    const phase = (name: string, young: [number, number][], unreachable: number[], affected: number[]) =>
      ({ phase: name, young, unreachable, affected });
    return {
      generation: 2, step: COLLECT_STEP, collected: 2, uncollectable: 0,
      phases: [
        phase('update_refs', all, [], [10, 11, 12]),
        phase('subtract_refs', after, [], [10, 11]),
        phase('move_unreachable', [[12, 1]], [10, 11], [10, 11]),
        phase('promote/untrack', [[12, 1]], [10, 11], [12]),
        phase('weakrefs', [[12, 1]], [10, 11], []),
        phase('finalize', [[12, 1]], [10, 11], []),
        phase('resurrect', [[12, 1]], [10, 11], []),
        phase('clear', [[12, 1]], [10, 11], [10, 11]),
        phase('done', [], [], []),
      ],
    };
  }
}
