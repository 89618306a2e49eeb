// panels/plots/refcount-history.ts — the reference count of one object over the trace, sampled.
//
// The timeline has no per-object columns, so the history is read from the engine's states at
// up to `samples` evenly spaced steps (every step when the trace is that short); a step where
// the object is not alive gives null (a gap in the plot). Results are cached per (trace,
// object); a newer request makes older pending ones irrelevant (the caller checks `current`).
//
// Invariants:
//   1. steps are increasing and within 0..run.steps; refcounts[i] belongs to steps[i].
//   2. At most `samples` state requests are made per (trace, object).
import type { EngineApi } from '../../engine/engine-api';

export interface RefcountHistory {
  trace: number;
  object: number;
  steps: number[];
  refcounts: (number | null)[];
}

export function sampleSteps(lastStep: number, samples: number): number[] {
  if (lastStep + 1 <= samples) return Array.from({ length: lastStep + 1 }, (_, i) => i);
  const steps: number[] = [];
  for (let i = 0; i < samples; i++) {
    const step = Math.round((i * lastStep) / (samples - 1));
    if (steps.length === 0 || steps[steps.length - 1] !== step) steps.push(step);
  }
  return steps;
}

const cache = new Map<string, Promise<RefcountHistory>>();

export function refcountHistory(engine: EngineApi, trace: number, lastStep: number, object: number,
                                samples = 80): Promise<RefcountHistory> {
  const key = `${trace}:${object}:${lastStep}:${samples}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      const steps = sampleSteps(lastStep, samples);
      const refcounts: (number | null)[] = [];
      for (const step of steps) {
        const answer = await engine.state(trace, step, 0);
        const found = answer.ok ? answer.objects.find((o) => o.id === object) : undefined;
        refcounts.push(found ? found.refcount : null);
      }
      return { trace, object, steps, refcounts };
    })();
    cache.set(key, pending);
    if (cache.size > 64) cache.delete(cache.keys().next().value as string);
  }
  return pending;
}
