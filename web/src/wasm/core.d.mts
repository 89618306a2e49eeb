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
