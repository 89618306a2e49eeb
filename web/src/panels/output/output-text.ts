// What had been printed by a given step: the run keeps stdout and stderr whole plus chunks
// (step, stream, offset, length); the text up to step s is every chunk with chunk.step <= s.
// Precomputed once per run so that each step costs a binary search and two slices.
// Invariant: outputAt(run.steps) equals the run's whole stdout and stderr.
import type { RunInfo } from '../../engine/trace-types';

export interface OutputIndex {
  at(step: number): { stdout: string; stderr: string };
}

export function indexOutput(run: RunInfo): OutputIndex {
  const chunks = run.output;
  const outEnd = new Float64Array(chunks.length);
  const errEnd = new Float64Array(chunks.length);
  let out = 0;
  let err = 0;
  chunks.forEach((chunk, i) => {
    if (chunk.stream === 1) out = chunk.offset + chunk.length;
    else err = chunk.offset + chunk.length;
    outEnd[i] = out;
    errEnd[i] = err;
  });
  return {
    at(step: number) {
      if (step >= run.steps) return { stdout: run.stdout, stderr: run.stderr };
      let lo = 0;
      let hi = chunks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (chunks[mid].step <= step) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return { stdout: '', stderr: '' };
      return { stdout: run.stdout.slice(0, outEnd[lo - 1]), stderr: run.stderr.slice(0, errEnd[lo - 1]) };
    },
  };
}
