// The frames column: one box per frame, outermost first (call order, top to bottom), each with a
// row per bound name, per cell variable and, when asked, per value-stack entry. Recomputed for
// every state (frames come and go); only heap objects keep fixed places.
// Invariant: rows are listed in the state's order (definition order of names), so the same
// state always gives the same boxes.
import type { FrameState, StepState } from '../../engine/trace-types';
import { FRAME_GAP, FRAME_HEADER, PAD, ROW } from './geometry';

export interface FrameRow {
  label: string;
  kind: 'name' | 'cell' | 'stack';
  object: number;
  /** Centre line of the row. */
  y: number;
}

export interface FrameBox {
  frame: FrameState;
  y: number;
  height: number;
  rows: FrameRow[];
}

export function layoutFrames(state: StepState, showStack: boolean): FrameBox[] {
  const boxes: FrameBox[] = [];
  let y = PAD;
  for (const frame of state.frames) {
    const rows: FrameRow[] = [];
    const add = (label: string, kind: FrameRow['kind'], object: number) =>
      rows.push({ label, kind, object, y: y + FRAME_HEADER + rows.length * ROW + ROW / 2 });
    for (const local of frame.locals) add(local.name, 'name', local.object);
    for (const cell of frame.cells) add(cell.name, 'cell', cell.cell);
    if (showStack) frame.stack.forEach((object, index) => add(`stack[${index}]`, 'stack', object));
    const height = FRAME_HEADER + Math.max(1, rows.length) * ROW + 6;
    boxes.push({ frame, y, height, rows });
    y += height + FRAME_GAP;
  }
  return boxes;
}
