// Turns a run answer's timeline (JSON arrays, one entry per step) into typed arrays, so that a
// long trace crosses from the worker to the page without copying (the buffers are transferred).
// Invariant: every column keeps its length (steps + 1) and its values; `memory` is Float64
// (byte counts may pass 2^31), the others Int32.
const FLOAT_COLUMNS = new Set(['memory']);

/** Replaces the columns of `timeline` in place; returns the buffers to transfer. */
export function packTimeline(timeline: Record<string, unknown>): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const [name, column] of Object.entries(timeline)) {
    if (!Array.isArray(column)) continue;
    const packed = FLOAT_COLUMNS.has(name) ? Float64Array.from(column as number[]) : Int32Array.from(column as number[]);
    timeline[name] = packed;
    buffers.push(packed.buffer as ArrayBuffer);
  }
  return buffers;
}
