// What the page may ask the engine, as a typed interface. The implementation (engine-client.ts)
// runs the wasm core in a Web Worker; tests and panels depend only on this interface.
//
// Invariants: every method resolves, never rejects — a failure is `{ok: false, error}` (from the
// core, or `cancelled` when a run was cancelled, or `crashed` when the worker died). No method
// blocks the page's thread.
import type { CollectionDetail, PoolDetail, RunInfo, RunRequest, StepState } from './trace-types';

export interface EngineError {
  /** usage / internal come from the core; cancelled / crashed / unavailable from the client. */
  kind: 'usage' | 'internal' | 'cancelled' | 'crashed' | 'unavailable';
  message: string;
}

export type EngineResult<T extends object> = ({ ok: true } & T) | { ok: false; error: EngineError };

export interface EngineApi {
  /** Records a run. Only one run at a time; a new run or cancelRun() ends the previous one. */
  run(request: RunRequest): Promise<EngineResult<RunInfo>>;
  /** Ends the run in progress (the worker is replaced; traces recorded before are lost). */
  cancelRun(): void;
  /** The state at (step, instr). A state the engine has not built yet is built in one re-run
   *  with the steps of `range` (first..last, holding `step`; default: 4 on each side). */
  state(trace: number, step: number, instr: number, range?: { first: number; last: number }): Promise<EngineResult<StepState>>;
  pool(trace: number, step: number, arena: number, pool: number): Promise<EngineResult<PoolDetail>>;
  collection(trace: number, index: number): Promise<EngineResult<CollectionDetail>>;
  /** The step at which pool (arena, pool) next (after `from`) or last (before `from`) handed out
   *  a block, or null: the core's find_alloc (docs/trace-format.md). */
  findAlloc(trace: number, arena: number, pool: number, from: number, direction: 'next' | 'previous'): Promise<EngineResult<{ step: number | null }>>;
  drop(trace: number): Promise<EngineResult<object>>;
}
