// The page's side of the engine: a typed client over the engine worker (engine-worker.ts).
// A promise per request; `run` can be cancelled by terminating the worker and starting a new one.
//
// Invariants:
// 1. Every promise resolves (never rejects): a cancelled request resolves {ok:false, cancelled},
//    a dead worker {ok:false, crashed}, a worker that could not load the wasm {ok:false, unavailable}.
// 2. At most one run is in flight; starting another cancels the first.
// 3. After a cancel or crash, traces recorded before are gone (they lived in the old worker):
//    the owner of the page state must forget them (the `onReset` callback says when).
import type { EngineApi, EngineError, EngineResult } from './engine-api';
import type { WorkerReply, WorkerRequest } from './protocol';
import type { CollectionDetail, PoolDetail, RunInfo, RunRequest, StepState } from './trace-types';

type Pending = (response: EngineResult<object>) => void;

export class EngineClient implements EngineApi {
  /** Resolves when the first worker loaded the wasm module (or failed to). */
  readonly ready: Promise<EngineResult<{ version: string }>>;
  /** Called when the worker was replaced (all traces are gone). */
  onReset: (reason: 'cancelled' | 'crashed') => void = () => {};

  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private runId: number | null = null;
  private resolveReady!: (result: EngineResult<{ version: string }>) => void;
  private failure: EngineError | null = null;

  constructor(private readonly makeWorker: () => Worker = defaultWorker) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.start();
  }

  run(request: RunRequest): Promise<EngineResult<RunInfo>> {
    if (this.runId !== null) this.cancelRun();
    const { id, promise } = this.send<RunInfo>({ cmd: 'run', filename: 'main.py', ...request });
    this.runId = id;
    return promise.finally(() => {
      if (this.runId === id) this.runId = null;
    });
  }

  cancelRun(): void {
    if (this.runId === null) return;
    this.runId = null;
    this.restart({ kind: 'cancelled', message: 'the run was cancelled' }, 'cancelled');
  }

  state(trace: number, step: number, instr: number, range?: { first: number; last: number }): Promise<EngineResult<StepState>> {
    return this.send<StepState>({ cmd: 'state', trace, step, instr, ...range }).promise;
  }

  pool(trace: number, step: number, arena: number, pool: number): Promise<EngineResult<PoolDetail>> {
    return this.send<PoolDetail>({ cmd: 'pool', trace, step, arena, pool }).promise;
  }

  collection(trace: number, index: number): Promise<EngineResult<CollectionDetail>> {
    return this.send<CollectionDetail>({ cmd: 'collection', trace, index }).promise;
  }

  findAlloc(trace: number, arena: number, pool: number, from: number, direction: 'next' | 'previous'): Promise<EngineResult<{ step: number | null }>> {
    const bound = direction === 'next' ? { after: from } : { before: from };
    return this.send<{ step: number | null }>({ cmd: 'find_alloc', trace, arena, pool, ...bound }).promise;
  }

  drop(trace: number): Promise<EngineResult<object>> {
    return this.send<object>({ cmd: 'drop', trace }).promise;
  }

  private send<T extends object>(body: WorkerRequest['body']): { id: number; promise: Promise<EngineResult<T>> } {
    const id = this.nextId++;
    if (this.failure) return { id, promise: Promise.resolve({ ok: false, error: this.failure }) };
    const promise = new Promise<EngineResult<T>>((resolve) => this.pending.set(id, resolve as Pending));
    this.worker.postMessage({ id, body } satisfies WorkerRequest);
    return { id, promise };
  }

  private start(): void {
    const worker = this.makeWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (worker !== this.worker) return;
      const message = event.data;
      if (message.type === 'ready') {
        if (!message.ok) {
          this.failure = message.error;
          this.settleAll(message.error);
        }
        this.resolveReady(message.ok ? { ok: true, version: message.version } : { ok: false, error: message.error });
        return;
      }
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!resolve) return;
      if (message.type === 'reply') return resolve(message.response as EngineResult<object>);
      try {
        resolve(JSON.parse(message.text) as EngineResult<object>);
      } catch (error) {
        resolve({ ok: false, error: { kind: 'internal', message: `unreadable answer from the engine: ${String(error)}` } });
      }
    };
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      const error: EngineError = { kind: 'crashed', message: `the engine stopped: ${event.message || 'worker error'}` };
      this.resolveReady({ ok: false, error: { ...error, kind: 'unavailable' } });
      this.runId = null;
      this.restart(error, 'crashed');
    };
  }

  private restart(error: EngineError, reason: 'cancelled' | 'crashed'): void {
    this.worker.terminate();
    this.settleAll(error);
    this.start();
    this.onReset(reason);
  }

  private settleAll(error: EngineError): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ ok: false, error });
  }
}

function defaultWorker(): Worker {
  return new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'refscope-engine' });
}
