// Where each heap object is drawn: a deterministic placement that never moves an object once
// placed. One HeapLayout lives as long as one trace; place(state, anchors) gives a spot to
// every object seen for the first time, in the order a reader meets them: the frames' names top
// to bottom (column 0, level with the name), then what those objects refer to through drawn
// references (drawn-edges.ts; next column, level with the slot), breadth first; objects alive but
// unreachable (a cycle waiting for the collector) seen for the first time go below everything in
// column 0.
// Invariants:
// 1. An object's spot, once given, never changes for the life of the layout (stepping back and
//    forth, or jumping, never moves anything already on screen).
// 2. Spots in one column never overlap: each object reserves reservedHeight(), which bounds its
//    drawn height in every state (geometry.ts).
// 3. Same trace, same sequence of states visited → same spots (no randomness, no timing).
import type { HeapObject, StepState } from '../../engine/trace-types';
import { drawnReferents } from './drawn-edges';
import { CARD_GAP, CARD_HEADER, PAD, ROW, columnX, isInline, reservedHeight } from './geometry';

export interface Spot {
  x: number;
  y: number;
  column: number;
  /** The height reserved in the column. */
  height: number;
}

/** Where a frame's name or stack entry sits: the y its arrow leaves from. */
export interface Anchor {
  object: number;
  y: number;
}

export class HeapLayout {
  private readonly spots = new Map<number, Spot>();
  /** Per column, the occupied [top, bottom) intervals, sorted by top. */
  private readonly columns: [number, number][][] = [];

  spot(id: number): Spot | undefined {
    return this.spots.get(id);
  }

  get size(): number {
    return this.spots.size;
  }

  /** Gives a spot to every object of `state` that the drawing shows and that has none yet;
   *  returns the ids of the objects shown (reached from the frames through drawn references,
   *  or alive but unreachable, and what those reach). */
  place(state: StepState, frameAnchors: Anchor[]): Set<number> {
    const byId = new Map<number, HeapObject>();
    for (const object of state.objects) byId.set(object.id, object);
    const queue: { id: number; column: number; y: number }[] = frameAnchors.map((a) => ({ id: a.object, column: 0, y: a.y - 12 }));
    const seen = new Set<number>();
    const visit = () => {
      for (let i = 0; i < queue.length; i++) {
        const { id, column, y } = queue[i];
        if (seen.has(id)) continue;
        seen.add(id);
        const object = byId.get(id);
        if (!object || isInline(object)) continue;
        let spot = this.spots.get(id);
        if (!spot) spot = this.give(id, column, y, reservedHeight(object));
        drawnReferents(object).forEach((ref, row) => {
          if (!seen.has(ref.object)) queue.push({ id: ref.object, column: spot.column + 1, y: spot.y + CARD_HEADER + row * ROW - 6 });
        });
      }
      queue.length = 0;
    };
    visit();
    for (const object of state.objects) {
      if (seen.has(object.id) || isInline(object) || !object.marks.includes('unreachable')) continue;
      queue.push({ id: object.id, column: 0, y: this.bottom(0) });
      visit();
    }
    const shown = new Set<number>();
    for (const id of seen) if (this.spots.has(id)) shown.add(id);
    return shown;
  }

  /** The lowest point used in any column (for the drawing's height). */
  extent(): { width: number; height: number } {
    let height = 0;
    for (const column of this.columns) for (const [, bottom] of column) height = Math.max(height, bottom);
    return { width: columnX(this.columns.length), height: height + PAD };
  }

  private bottom(column: number): number {
    const intervals = this.columns[column] ?? [];
    return intervals.length ? intervals[intervals.length - 1][1] + CARD_GAP : PAD;
  }

  private give(id: number, column: number, wantedY: number, height: number): Spot {
    while (this.columns.length <= column) this.columns.push([]);
    const intervals = this.columns[column];
    let y = Math.max(PAD, Math.round(wantedY));
    let index = 0;
    for (; index < intervals.length; index++) {
      const [top, bottom] = intervals[index];
      if (y + height + CARD_GAP <= top) break;
      if (y < bottom + CARD_GAP) y = bottom + CARD_GAP;
    }
    intervals.splice(index, 0, [y, y + height]);
    const spot: Spot = { x: columnX(column), y, column, height };
    this.spots.set(id, spot);
    return spot;
  }
}
