// Where each heap object is drawn: a deterministic placement that does not move objects. One
// HeapLayout lives as long as one trace (or until the user asks the view to arrange afresh);
// place(state, anchors) gives a spot to every shown object seen for the first time, in the
// order a reader meets them: the frames' names top to bottom (column 0, level with the name),
// then what those objects refer to through drawn references (drawn-edges.ts; next column,
// level with the slot), breadth first; objects alive but unreachable (a cycle waiting for the
// collector) seen for the first time go below the others in column 0.
//
// Space of the dead is reused: when a new object is placed, room held by objects that are not
// alive in the current state counts as free. So a loop that rebinds `n = n + 1` draws each new
// int where the old one was, instead of drifting down the page.
//
// Invariants:
// 1. An object's spot, once given, does not change — with one exception: if an object whose
//    room was reused is alive again in a state where the reuser is alive too (possible only when
//    stepping back across instruction steps), the object placed later moves below its column.
// 2. Shown objects never overlap: each reserves reservedHeight(), which bounds its drawn height
//    in every state (geometry.ts), and 1.'s exception resolves any clash before drawing.
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
  /** Order of placement (later = larger). */
  order: number;
}

/** Where a frame's name or stack entry sits: the y its arrow leaves from. */
export interface Anchor {
  object: number;
  y: number;
}

export class HeapLayout {
  private readonly spots = new Map<number, Spot>();
  /** Per column, the ids of the objects placed there. */
  private readonly columns: number[][] = [];
  private placed = 0;

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
    const alive = (id: number) => byId.has(id);
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
        if (!spot) spot = this.give(id, column, y, reservedHeight(object), alive);
        drawnReferents(object).forEach((ref, row) => {
          if (!seen.has(ref.object)) queue.push({ id: ref.object, column: spot.column + 1, y: spot.y + CARD_HEADER + row * ROW - 6 });
        });
      }
      queue.length = 0;
    };
    visit();
    for (const object of state.objects) {
      if (seen.has(object.id) || isInline(object) || !object.marks.includes('unreachable')) continue;
      queue.push({ id: object.id, column: 0, y: this.bottom(0, alive) });
      visit();
    }
    const shown = new Set<number>();
    for (const id of seen) if (this.spots.has(id)) shown.add(id);
    this.resolveClashes(shown, alive);
    return shown;
  }

  /** The lowest point used in any column (for the drawing's height). */
  extent(shown: Set<number>): { width: number; height: number } {
    let height = 0;
    let columns = 0;
    for (const id of shown) {
      const spot = this.spots.get(id);
      if (!spot) continue;
      height = Math.max(height, spot.y + spot.height);
      columns = Math.max(columns, spot.column + 1);
    }
    return { width: columnX(columns), height: height + PAD };
  }

  /** Spots of live objects in a column, sorted by top. */
  private occupied(column: number, alive: (id: number) => boolean): Spot[] {
    const spots: Spot[] = [];
    for (const id of this.columns[column] ?? []) {
      const spot = this.spots.get(id);
      if (spot && alive(id)) spots.push(spot);
    }
    return spots.sort((a, b) => a.y - b.y || a.order - b.order);
  }

  private bottom(column: number, alive: (id: number) => boolean): number {
    let bottom = PAD;
    for (const spot of this.occupied(column, alive)) bottom = Math.max(bottom, spot.y + spot.height + CARD_GAP);
    return bottom;
  }

  private give(id: number, column: number, wantedY: number, height: number, alive: (id: number) => boolean): Spot {
    while (this.columns.length <= column) this.columns.push([]);
    let y = Math.max(PAD, Math.round(wantedY));
    for (const spot of this.occupied(column, alive)) {
      if (y + height + CARD_GAP <= spot.y) break;
      if (y < spot.y + spot.height + CARD_GAP) y = spot.y + spot.height + CARD_GAP;
    }
    const spot: Spot = { x: columnX(column), y, column, height, order: this.placed++ };
    this.columns[column].push(id);
    this.spots.set(id, spot);
    return spot;
  }

  /** Moves the later of any two shown objects that overlap (see invariant 1) below its column. */
  private resolveClashes(shown: Set<number>, alive: (id: number) => boolean): void {
    for (let column = 0; column < this.columns.length; column++) {
      const spots = this.columns[column].filter((id) => shown.has(id)).map((id) => [id, this.spots.get(id)!] as const);
      spots.sort((a, b) => a[1].y - b[1].y || a[1].order - b[1].order);
      for (let i = 1; i < spots.length; i++) {
        const [, above] = spots[i - 1];
        const [id, spot] = spots[i];
        if (spot.y >= above.y + above.height + CARD_GAP) continue;
        const mover = spot.order > above.order ? id : spots[i - 1][0];
        const moved = this.spots.get(mover)!;
        const others = (candidate: number) => candidate !== mover && alive(candidate);
        moved.y = this.bottom(column, others);
        return this.resolveClashes(shown, alive);
      }
    }
  }
}
