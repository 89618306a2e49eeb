// The allocator data the panel draws, as docs/trace-format.md (version 1) defines it: the
// `allocator` part of a State, one pool block by block (the `pool` command), and where a selected
// object's block lives. Shapes only; nothing here talks to the engine. The pool and block shapes
// come from engine/trace-types.ts; the arena and pool shapes from the wasm module's declarations
// (web/src/wasm/core.d.mts), because trace-types leaves StepState.allocator.arenas as unknown[].
//
// Invariants the panel relies on (the core guarantees them):
//   1. arena.pools lists the carved pools of an arena in index order; pools index..ntotalpools-1
//      that are not listed were never carved ("unused").
//   2. pool.count + pool.nfree + pool.untouched == pool.capacity.
//   3. a PoolDetail's blocks are in address order; freeblock holds indices into blocks, head first.
import type { PoolDetail as EnginePoolDetail, PoolRef } from '../../engine/trace-types';
import type { ArenaInfo, PoolInfo } from '../../wasm/core.mjs';
export type { ArenaInfo, PoolInfo };
export type { ObjectLabel } from '../object-label';

/** A request that went past pymalloc to the (simulated) system malloc. */
export interface RawChunk {
  address: string;
  size: number;
}

/** `usedpools[szidx]`: the used pools of one size class, as [arena, pool] pairs, head first. */
export interface UsedPoolsList {
  szidx: number;
  pools: [number, number][];
}

/** The allocator part of a State (same shapes as the `alloc_scenario` answer). */
export interface AllocatorSnapshot {
  arenas: ArenaInfo[];
  usable_arenas: number[];
  usedpools: UsedPoolsList[];
  raw?: RawChunk[];
  stats?: Record<string, number>;
  /** What `sys._debugmallocstats()` prints at this step, when the engine includes it. */
  debugmallocstats?: string;
}

export type BlockState = 'allocated' | 'free' | 'untouched';

/** The answer of the `pool` command: one pool, block by block (trace-types.ts). */
export type PoolDetail = EnginePoolDetail;

/** Where an object's block lives (State objects carry it as `pool`). */
export type BlockPlace = PoolRef;

