// panels/plots/downsample.ts — a timeline column reduced to what a plot can show.
//
// A 1-million-step trace has a million values per column; a plot is a few hundred pixels wide.
// Each bucket of consecutive steps becomes two points, its minimum and its maximum (in step
// order), so spikes survive and a plot draws at most 2 × buckets + 2 points whatever the
// trace length.
//
// Invariants:
//   1. Output x values are steps, non-decreasing, from the first to the last step of the column.
//   2. Every local extreme of the column within a bucket appears in the output.
//   3. A column with at most 2 × buckets values is returned point for point.

export interface Series {
  x: Float64Array;
  y: Float64Array;
}

export function downsample(column: ArrayLike<number>, buckets: number): Series {
  const n = column.length;
  if (n <= 2 * buckets) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i;
      y[i] = column[i];
    }
    return { x, y };
  }
  const x = new Float64Array(2 * buckets + 2);
  const y = new Float64Array(2 * buckets + 2);
  let out = 0;
  const push = (step: number) => {
    if (out > 0 && x[out - 1] === step) return;
    x[out] = step;
    y[out++] = column[step];
  };
  push(0);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (column[i] < column[lo]) lo = i;
      if (column[i] > column[hi]) hi = i;
    }
    push(Math.min(lo, hi));
    push(Math.max(lo, hi));
  }
  push(n - 1);   // start and end on the first and last steps (invariant 1)
  return { x: x.slice(0, out), y: y.slice(0, out) };
}

/** Several columns sampled at the same steps (the union of their extremes would not align,
 *  so multi-line plots use the first column's buckets and read the others at those steps). */
export function alignedSeries(columns: ArrayLike<number>[], buckets: number): { x: Float64Array; ys: Float64Array[] } {
  const base = downsample(columns[0], buckets);
  const ys = columns.map((column, k) => {
    if (k === 0) return base.y;
    const y = new Float64Array(base.x.length);
    for (let i = 0; i < base.x.length; i++) y[i] = column[base.x[i]];
    return y;
  });
  return { x: base.x, ys };
}
