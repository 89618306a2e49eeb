// The demo page's engine: the EngineApi of engine/engine-api.ts over the wasm core on the page's
// own thread (the real page uses a worker; like it, every answer comes in a later task, so the
// engine's work never counts in a panel's own time). It forwards run/state/pool/collection to the core;
// when the core does not know `run` yet, it serves the SyntheticTrace instead and says so
// through `synthetic`.
//
// Invariant: like the real client, no method rejects; failures are {ok: false, error}.
import type { EngineApi, EngineResult } from '../../engine/engine-api';
import type { CollectionDetail, PoolDetail, RunInfo, RunRequest, StepState } from '../../engine/trace-types';
import type { CoreModule } from '../../wasm/core.mjs';
import { SyntheticTrace } from './synthetic-trace';

function fail<T extends object>(message: string): EngineResult<T> {
  return { ok: false, error: { kind: 'unavailable', message } };
}

export class DemoEngine implements EngineApi {
  synthetic: SyntheticTrace | null = null;

  constructor(private readonly core: CoreModule, private readonly forceSynthetic: boolean, private readonly heavy = false) {}

  /** Like the worker, answers after the caller's turn (in a task of its own), never inside it. */
  private async call<T extends object>(request: object): Promise<EngineResult<T>> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return JSON.parse(this.core.call(JSON.stringify(request))) as EngineResult<T>;
  }

  async run(request: RunRequest): Promise<EngineResult<RunInfo>> {
    if (!this.forceSynthetic && !this.heavy) {
      const answer = await this.call<RunInfo>({ cmd: 'run', ...request });
      if (answer.ok || !/unknown command/.test(answer.error.message)) {
        this.synthetic = null;
        return answer;
      }
    }
    this.synthetic = new SyntheticTrace(this.core, request.profile, this.heavy);
    return { ok: true, ...this.synthetic.runInfo() };
  }

  cancelRun(): void {}

  async state(trace: number, step: number, instr: number, range?: { first: number; last: number }): Promise<EngineResult<StepState>> {
    if (this.synthetic) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { ok: true, ...this.synthetic.state(step) };
    }
    return this.call<StepState>({ cmd: 'state', trace, step, instr, ...range });
  }

  async pool(trace: number, step: number, arena: number, pool: number): Promise<EngineResult<PoolDetail>> {
    if (this.synthetic) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const detail = this.synthetic.pool(step, arena, pool);
      return detail ? { ok: true, ...detail } : fail('no such pool');
    }
    return this.call<PoolDetail>({ cmd: 'pool', trace, step, arena, pool });
  }

  async collection(trace: number, index: number): Promise<EngineResult<CollectionDetail>> {
    if (this.synthetic) {
      const detail = this.synthetic.collection(index);
      return detail ? { ok: true, ...detail } : fail('no such collection');
    }
    return this.call<CollectionDetail>({ cmd: 'collection', trace, index });
  }

  async findAlloc(trace: number, arena: number, pool: number, from: number, direction: 'next' | 'previous'): Promise<EngineResult<{ step: number | null }>> {
    if (this.synthetic) return fail('the stand-in trace records no allocations');
    const bound = direction === 'next' ? { after: from } : { before: from };
    return this.call<{ step: number | null }>({ cmd: 'find_alloc', trace, arena, pool, ...bound });
  }

  async drop(trace: number): Promise<EngineResult<object>> {
    if (this.synthetic) return { ok: true };
    return this.call<object>({ cmd: 'drop', trace });
  }
}
