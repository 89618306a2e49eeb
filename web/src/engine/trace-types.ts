// The shapes of the engine's trace answers (docs/trace-format.md, format version 1), as the page
// reads them. The wire types are declared once, in web/src/wasm/core.d.mts (next to the wasm
// module); this file gives them the page's names and says what the engine client changes on
// the way (the timeline becomes typed arrays). Panels import from here, never from the wasm
// module directly, so a change in the wasm surface is reconciled in this file only.
//
// Invariants (from the format): steps run 0..RunInfo.steps; timeline columns have steps + 1
// entries; instr runs 0..instructions[step]-1; object ids are stable for an object's lifetime
// and never reused within a trace.
import type {
  CollectionInfo,
  CollectionPhase as WireCollectionPhase,
  CollectionSummary as WireCollectionSummary,
  FrameLocal,
  FrameState as WireFrameState,
  ObjectMark as WireObjectMark,
  ObjectState,
  OutputChunk as WireOutputChunk,
  PoolBlocks,
  Referrer as WireReferrer,
  RunEnd as WireRunEnd,
  RunInfo as WireRunInfo,
  State,
} from '../wasm/core.mjs';

/** A profile name the engine accepts. */
export type ProfileName = '3.11' | 'classic';

export type RunEnd = WireRunEnd;
export type EndReason = RunEnd['reason'];
export type OutputChunk = WireOutputChunk;
export type CollectionSummary = WireCollectionSummary;

/** Per-step columns, each of length steps + 1. The engine client turns the JSON arrays into
 *  typed arrays (transferred from the worker without copying; a 1M-step trace stays cheap). */
export interface Timeline {
  line: Int32Array;
  depth: Int32Array;
  instructions: Int32Array;
  flags: Int32Array;
  /** Bytes in use (may exceed 2^31, hence doubles). */
  memory: Float64Array;
  arenas: Int32Array;
  pools: Int32Array;
  objects: Int32Array;
  gen0: Int32Array;
  gen1: Int32Array;
  gen2: Int32Array;
}

/** Bits of Timeline.flags. */
export const StepFlag = {
  allocation: 1,
  free: 2,
  refcount: 4,
  collection: 8,
  output: 16,
  exception: 32,
  call: 64,
  return: 128,
  binding: 256,
  arena: 512,
} as const;

/** Any memory event: what "jump to the next memory event" looks for. */
export const MEMORY_FLAGS = StepFlag.allocation | StepFlag.free | StepFlag.refcount | StepFlag.collection | StepFlag.arena;

/** The answer of `run` as the page holds it: a recorded trace, kept in the engine under `trace`. */
export type RunInfo = Omit<WireRunInfo, 'timeline'> & { timeline: Timeline };

export type LocalBinding = FrameLocal;
export type CellBinding = WireFrameState['cells'][number];
export type FrameState = WireFrameState;
export type Referrer = WireReferrer;
export type Referent = ObjectState['referents'][number];
export type GcState = ObjectState['gc'];
export type ObjectMark = WireObjectMark;
export type PoolRef = NonNullable<ObjectState['pool']>;
export type HeapObject = ObjectState;
export type InstructionInfo = NonNullable<State['instruction']>;

/** The answer of `state`: everything at one (step, instr). */
export type StepState = State;
/** The answer of `pool` (the fields panels need are required; the rest may be absent in
 *  stand-in data). */
export type PoolDetail = Pick<PoolBlocks, 'blocks' | 'freeblock' | 'szidx' | 'block_size' | 'state'> & Partial<PoolBlocks>;
/** One phase of a collection, as the collector panel steps through it (a phase name the page
 *  does not know is shown as it is). */
export type CollectionPhase = Omit<WireCollectionPhase, 'phase'> & { phase: WireCollectionPhase['phase'] | (string & {}) };
/** The answer of `collection`. */
export type CollectionDetail = Omit<CollectionInfo, 'phases' | 'index' | 'reason'> & Partial<Pick<CollectionInfo, 'index' | 'reason'>> & { phases: CollectionPhase[] };

/** What `run` needs. */
export interface RunRequest {
  source: string;
  profile: ProfileName;
  stdin: string;
  max_steps: number;
  filename?: string;
}
