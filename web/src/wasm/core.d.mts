// Types of core.mjs, the refscope engine compiled to WebAssembly (wasm/bindings.cpp).
// Hand-written: emscripten 3.1.6 cannot emit declarations. core.mjs and core.wasm themselves are
// build outputs, copied here by the wasm build (scripts/build.sh).

/** The loaded engine. */
export interface CoreModule {
  /**
   * Runs one request and returns the answer, both as JSON text.
   *
   * The request is an object naming a command, e.g. `'{"cmd":"version"}'`; the answer is always
   * a {@link CoreResponse}. Never throws for a bad request: errors come back as
   * `{"ok": false, "error": {...}}`. Runs synchronously on the calling thread.
   */
  call(requestJson: string): string;
}

/** Options of {@link createCore}; all optional. */
export interface CreateCoreOptions {
  /** The bytes of core.wasm, when the caller has them already (no fetch then). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Maps a file name the module asks for ("core.wasm") to the URL to load it from. */
  locateFile?: (path: string, prefix: string) => string;
  /** Receives the module's stdout lines (default: console.log). */
  print?: (text: string) => void;
  /** Receives the module's stderr lines (default: console.warn). */
  printErr?: (text: string) => void;
}

/**
 * Loads and instantiates the engine. In browsers and under Vite, core.wasm is found next to
 * core.mjs; under Node (>= 20.16) the module reads it from disk by itself.
 */
declare function createCore(options?: CreateCoreOptions): Promise<CoreModule>;
export default createCore;

// --- the answers of CoreModule.call (refscope/api.hpp) -----------------------------------------

/** Why a request failed: `usage` = the request was wrong; `internal` = a bug in refscope. */
export interface CoreError {
  kind: 'usage' | 'internal';
  /** A message meant for a person. */
  message: string;
}

/** A failed request. */
export interface CoreFailure {
  ok: false;
  error: CoreError;
}

/** A successful request: `ok` plus the fields of the command's answer. */
export type CoreSuccess<T extends object = Record<string, unknown>> = { ok: true } & T;

/** Any answer of {@link CoreModule.call}. */
export type CoreResponse<T extends object = Record<string, unknown>> = CoreSuccess<T> | CoreFailure;

/** One simulated CPython build, as listed by the `version` command. */
export interface ProfileInfo {
  /** The name used on the command line and in requests: "3.11" or "classic". */
  name: string;
  description: string;
}

/** The answer of `{"cmd": "version"}`. The first profile is the default. */
export interface VersionInfo {
  version: string;
  profiles: ProfileInfo[];
}

/** One pool of an arena in an `alloc_scenario` answer. */
export interface PoolInfo {
  index: number;
  address: string;
  state: 'unused' | 'used' | 'full' | 'empty';
  szidx: number;
  block_size: number;
  count: number;
  capacity: number;
  nfree: number;
  untouched: number;
}

/** One live arena in an `alloc_scenario` answer. */
export interface ArenaInfo {
  index: number;
  address: string;
  ntotalpools: number;
  nfreepools: number;
  pools: PoolInfo[];
}

/** The answer of `{"cmd": "alloc_scenario", ...}` (refscope/api.hpp). */
export interface AllocScenarioInfo {
  profile: string;
  live: Record<string, number>;
  stats: {
    arenas_allocated_total: number;
    arenas_allocated_current: number;
    arenas_highwater: number;
    pymalloc_blocks_in_use: number;
    pymalloc_bytes_in_use: number;
    raw_chunks_in_use: number;
    raw_bytes_in_use: number;
    requested_in_use: number;
    mapped_bytes: number;
  };
  arenas: ArenaInfo[];
  usable_arenas: number[];
  usedpools: { szidx: number; pools: [number, number][] }[];
  /** What `sys._debugmallocstats()` prints, in CPython's format. */
  debugmallocstats: string;
}

// --- traces: run / state / pool / collection / drop (docs/trace-format.md) ---------------------

/** `{"cmd": "run", ...}`: runs a program with full recording. */
export interface RunRequest {
  cmd: 'run';
  source: string;
  /** "3.11" (default) or "classic". */
  profile?: string;
  /** What input() reads. */
  stdin?: string;
  /** Line steps before the run stops with end.reason "limit" (default 1,000,000). */
  max_steps?: number;
  /** Shown in tracebacks (default "main.py"). */
  filename?: string;
}

/** How a traced run ended. */
export interface RunEnd {
  reason: 'completed' | 'exception' | 'exit' | 'limit' | 'syntax_error' | 'unsupported';
  limit: null | 'steps' | 'memory' | 'output';
  exit_status: number;
  /** The last stderr line, or the limit / unsupported text ("" when completed). */
  message: string;
  /** Line of the syntax error, unsupported construct or uncaught exception (0 if none). */
  line: number;
}

/**
 * One bit of {@link Timeline.flags}: what happened during a step. 1 allocation, 2 free,
 * 4 reference count change, 8 collection, 16 output, 32 exception raised, 64 call, 128 return,
 * 256 name binding, 512 arena obtained or released.
 */
export type StepFlag = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512;

/** One entry per step 0..steps (each array has steps + 1 entries). */
export interface Timeline {
  /** Line about to run (0 at the final step). */
  line: number[];
  /** Frames on the stack. */
  depth: number[];
  /** Instruction steps inside this line step (valid instr: 0..instructions-1). */
  instructions: number[];
  /** A bitmask of {@link StepFlag} bits. */
  flags: number[];
  /** Bytes in use: pymalloc blocks plus raw chunk requests. */
  memory: number[];
  arenas: number[];
  pools: number[];
  /** Live objects the program created. */
  objects: number[];
  gen0: number[];
  gen1: number[];
  gen2: number[];
}

/** A piece of output: `text.substr(offset, length)` of stdout (1) or stderr (2). */
export interface OutputChunk {
  step: number;
  stream: 1 | 2;
  offset: number;
  length: number;
}

export interface CollectionSummary {
  index: number;
  step: number;
  generation: number;
  reason: 'automatic' | 'gc.collect' | 'shutdown';
  collected: number;
  uncollectable: number;
  phases: number;
}

/** The answer of `run`. */
export interface RunInfo {
  format: 'refscope-trace';
  version: 1;
  /** Id for state / pool / collection / drop. */
  trace: number;
  profile: string;
  filename: string;
  /** Line events; valid steps are 0..steps, step `steps` is the final state. */
  steps: number;
  end: RunEnd;
  stdout: string;
  stderr: string;
  output: OutputChunk[];
  timeline: Timeline;
  collections: CollectionSummary[];
}

/** `{"cmd": "state", "trace", "step", "instr"}`. */
export interface StateRequest {
  cmd: 'state';
  trace: number;
  step: number;
  instr?: number;
}

export interface FrameLocal {
  name: string;
  object: number;
}

export interface FrameState {
  /** Stable while the frame lives (1, 2, ... in the order frames were entered). */
  id: number;
  name: string;
  line: number;
  /** Bound names in definition order; for the module: the globals the program bound. */
  locals: FrameLocal[];
  /** Cell variables: the cell object's id. */
  cells: { name: string; cell: number }[];
  /** Value stack, bottom first (NULL entries skipped). */
  stack: number[];
}

/** What makes up a reference count. */
export type Referrer =
  | { kind: 'name'; frame: number; name: string; count: number }
  | { kind: 'object'; object: number; label: string; count: number }
  | { kind: 'stack'; frame: number; count: number }
  | { kind: 'cell'; object: number; count: number }
  | { kind: 'constant' | 'other'; count: number; note?: string };

export type ObjectMark = 'small_int' | 'interned' | 'immortal' | 'finalized' | 'unreachable';

export interface ObjectState {
  /** Stable for the object's lifetime, never reused within a trace. */
  id: number;
  /** Simulated id(). */
  address: string;
  type: string;
  /** repr, shortened to about 60 characters. */
  summary: string;
  /** sys.getsizeof */
  size: number;
  refcount: number;
  /** Their counts add up to refcount. */
  referrers: Referrer[];
  /** Outgoing references to listed objects, in tp_traverse order. */
  referents: { label: string; object: number }[];
  gc: '0' | '1' | '2' | 'untracked' | 'static' | 'permanent' | 'collecting';
  marks: ObjectMark[];
  /** Where its block lives; null for raw malloc and static objects. */
  pool: { arena: number; pool: number; szidx: number; block: number } | null;
}

/** The answer of `state`. */
export interface State {
  step: number;
  instr: number;
  instructions: number;
  line: number;
  /** The next instruction, or null at the end. */
  instruction: { offset: number; opname: string; arg: string | number | null } | null;
  /** Outermost first. */
  frames: FrameState[];
  objects: ObjectState[];
  /** null when the program never ran (a syntax error). */
  gc: { count: [number, number, number]; threshold: [number, number, number]; enabled: boolean; collections: number } | null;
  allocator: {
    arenas: ArenaInfo[];
    usable_arenas: number[];
    usedpools: { szidx: number; pools: [number, number][] }[];
    raw: { address: string; size: number }[];
    stats: AllocScenarioInfo['stats'];
  } | null;
}

/** The answer of `{"cmd": "pool", "trace", "step", "arena", "pool"}`. */
export interface PoolBlocks {
  step: number;
  arena: number;
  pool: number;
  address: string;
  szidx: number;
  block_size: number;
  state: 'unused' | 'used' | 'full' | 'empty';
  count: number;
  capacity: number;
  blocks: { state: 'allocated' | 'free' | 'untouched'; object: number | null; address?: string }[];
  /** Block indices in free-list order. */
  freeblock: number[];
}

/** One phase of a collection: object ids as in State. */
export interface CollectionPhase {
  phase: 'start' | 'update_refs' | 'subtract_refs' | 'move_unreachable' | 'promote' | 'weakrefs' |
    'finalize' | 'resurrect' | 'clear' | 'done';
  /** [object, gc_refs] in list order. */
  young: [number, number][];
  unreachable: number[];
  affected: number[];
}

/** The answer of `{"cmd": "collection", "trace", "index"}`. */
export interface CollectionInfo {
  index: number;
  generation: number;
  step: number;
  reason: CollectionSummary['reason'];
  collected: number;
  uncollectable: number;
  phases: CollectionPhase[];
}
