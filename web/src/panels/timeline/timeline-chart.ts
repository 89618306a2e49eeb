// Draws a run's timeline on a canvas: memory in use over the steps, scaled from the run's lowest
// to its highest value (min–max per pixel column, so a 1M-step run costs one pass), a tick for each collection, and the cursor.
// Invariants: the chart is computed and drawn once per run, size and theme (on a canvas kept off
// screen) and the cursor is drawn on top, so moving the cursor is one blit plus a line; colours come from the theme variables.
import type { RunInfo } from '../../engine/trace-types';

export interface ChartColumns {
  width: number;
  low: Float64Array;
  high: Float64Array;
  min: number;
  max: number;
}

export function chartColumns(run: RunInfo, width: number): ChartColumns {
  const memory = run.timeline.memory;
  const low = new Float64Array(width).fill(Infinity);
  const high = new Float64Array(width).fill(-Infinity);
  const count = run.steps + 1;
  let max = -Infinity;
  let min = Infinity;
  for (let step = 0; step < count; step++) {
    const x = Math.min(width - 1, Math.floor((step / Math.max(1, count - 1)) * (width - 1)));
    const value = memory[step] ?? 0;
    if (value < low[x]) low[x] = value;
    if (value > high[x]) high[x] = value;
    if (value > max) max = value;
    if (value < min) min = value;
  }
  if (!Number.isFinite(min)) min = max = 0;
  return { width, low, high, min, max: Math.max(max, min + 1) };
}

/** Draws the chart (without the cursor) on `canvas`, in the colours of `styleSource`. */
export function drawChart(canvas: HTMLCanvasElement, styleSource: Element, run: RunInfo, columns: ChartColumns): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const style = getComputedStyle(styleSource);
  const height = canvas.height;
  context.clearRect(0, 0, canvas.width, height);
  context.fillStyle = style.getPropertyValue('--rs-alloc').trim() || '#0072b2';
  let lastLow = 0;
  let lastHigh = 0;
  for (let x = 0; x < columns.width; x++) {
    let lo = columns.low[x];
    let hi = columns.high[x];
    if (!Number.isFinite(lo)) {
      lo = lastLow;
      hi = lastHigh;
    }
    lastLow = lo;
    lastHigh = hi;
    const range = columns.max - columns.min;
    const top = height - 2 - ((hi - columns.min) / range) * (height - 6);
    const bottom = height - 2 - ((lo - columns.min) / range) * (height - 6);
    context.fillRect(x, top, 1, Math.max(1, bottom - top));
  }
  const span = Math.max(1, run.steps);
  context.fillStyle = style.getPropertyValue('--rs-gen2').trim() || '#cc79a7';
  for (const collection of run.collections) {
    const x = Math.round((collection.step / span) * (columns.width - 1));
    context.fillRect(x, 0, 2, 6);
  }
}

/** Copies the drawn chart onto the visible canvas and draws the cursor at `step`. */
export function drawCursor(canvas: HTMLCanvasElement, chart: HTMLCanvasElement, run: RunInfo, step: number): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.drawImage(chart, 0, 0);
  const span = Math.max(1, run.steps);
  context.fillStyle = getComputedStyle(canvas).getPropertyValue('--rs-unreachable').trim() || '#d55e00';
  context.fillRect(Math.round((step / span) * (canvas.width - 1)) - 1, 0, 2, canvas.height);
}
