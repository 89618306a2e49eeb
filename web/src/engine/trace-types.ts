// The shapes of the engine's trace answers (docs/trace-format.md, format version 1), as the page
// reads them. One place for these types: panels import them from here, never from the wasm
// module directly, so a change in the wasm surface is reconciled in this file only.
//
// Invariants (from the format): steps run 0..RunInfo.steps; timeline columns have steps + 1
// entries; object ids are stable for an object's lifetime and never reused within a trace.

/** A profile name the engine accepts. */
export type ProfileName = '3.11' | 'classic';

export type EndReason = 'completed' | 'exception' | 'exit' | 'limit' | 'syntax_error' | 'unsupported';

/** How a run ended. */
export interface RunEnd {
  reason: EndReason;
  limit: null | 'steps' | 'memory' | 'output';
  exit_status: number;
  /** Last stderr line, or the limit / unsupported text. */
  message: string;
  /** Line of the syntax error, unsupported construct or uncaught exception (0 if none). */
  line: number;
}

/** One chunk of output, written during `step`. */
export interface OutputChunk {
  step: number;
  /** 1 = stdout, 2 = stderr. */
  stream: 1 | 2;
  offset: number;
  length: number;
}

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

export interface CollectionSummary {
  index: number;
  step: number;
  generation: 0 | 1 | 2;
  reason: 'automatic' | 'gc.collect' | 'shutdown';
  collected: number;
  uncollectable: number;
  phases: number;
}

/** The answer of `run`: a recorded trace, kept in the engine under `trace`. */
export interface RunInfo {
  format: 'refscope-trace';
  version: number;
  trace: number;
  profile: string;
  filename: string;
  steps: number;
  end: RunEnd;
  stdout: string;
  stderr: string;
  output: OutputChunk[];
  timeline: Timeline;
  collections: CollectionSummary[];
}

export interface LocalBinding { name: string; object: number }
export interface CellBinding { name: string; cell: number }

export interface FrameState {
  id: number;
  name: string;
  line: number;
  locals: LocalBinding[];
  cells: CellBinding[];
  /** Value stack, bottom first. */
  stack: number[];
}

export type Referrer =
  | { kind: 'name'; frame: number; name: string; count: number }
  | { kind: 'object'; object: number; label: string; count: number }
  | { kind: 'stack'; frame: number; count: number }
  | { kind: 'cell' | 'constant' | 'other'; count: number; note?: string };

export interface Referent { label: string; object: number }

export type GcState = '0' | '1' | '2' | 'untracked' | 'static' | 'permanent';
export type ObjectMark = 'small_int' | 'interned' | 'immortal' | 'finalized' | 'unreachable';

export interface PoolRef { arena: number; pool: number; szidx: number; block: number }

export interface HeapObject {
  id: number;
  address: string;
  type: string;
  summary: string;
  size: number;
  refcount: number;
  referrers: Referrer[];
  referents: Referent[];
  gc: GcState;
  marks: ObjectMark[];
  pool: PoolRef | null;
}

export interface InstructionInfo { offset: number; opname: string; arg?: string | number | null }

/** The answer of `state`: everything at one (step, instr). */
export interface StepState {
  step: number;
  instr: number;
  instructions: number;
  line: number;
  instruction: InstructionInfo | null;
  frames: FrameState[];
  objects: HeapObject[];
  gc: { count: [number, number, number]; threshold: [number, number, number]; enabled: boolean; collections: number };
  /** Same shapes as the `alloc_scenario` answer (see web/src/wasm/core.d.mts). */
  allocator: {
    arenas: unknown[];
    usable_arenas: number[];
    usedpools: { szidx: number; pools: [number, number][] }[];
    raw: { address: string; size: number }[];
    stats: Record<string, number>;
  };
}

/** The answer of `pool`. */
export interface PoolDetail {
  blocks: { state: 'allocated' | 'free' | 'untouched'; object: number | null }[];
  freeblock: number[];
  szidx: number;
  block_size: number;
  state: string;
}

/** One phase of a collection, as the collector panel steps through it. */
export interface CollectionPhase {
  phase: string;
  young: [number, number][];
  unreachable: number[];
  affected: number[];
}

/** The answer of `collection`. */
export interface CollectionDetail {
  generation: 0 | 1 | 2;
  step: number;
  phases: CollectionPhase[];
  collected: number;
  uncollectable: number;
}

/** What `run` needs. */
export interface RunRequest {
  source: string;
  profile: ProfileName;
  stdin: string;
  max_steps: number;
  filename?: string;
}
