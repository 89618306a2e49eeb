// Sizes of the frames-and-objects drawing, in SVG user units, and the rules that give each card
// its height. Shared by the layout (which reserves space) and the renderer (which draws it).
// Invariant: cardHeight(object) <= reservedHeight(object) for any state of that object, because
// shown rows are capped at MAX_ROWS and mutable containers reserve MAX_ROWS from the start —
// this is what lets an object keep its place while it grows.
import type { HeapObject } from '../../engine/trace-types';
import { drawnReferents } from './drawn-edges';

export const PAD = 12;
export const FRAME_WIDTH = 190;
export const FRAME_HEADER = 24;
export const ROW = 20;
export const FRAME_GAP = 12;
export const HEAP_LEFT = PAD + FRAME_WIDTH + 80;
export const CARD_WIDTH = 196;
export const COLUMN_PITCH = CARD_WIDTH + 84;
export const CARD_HEADER = 58;
export const CARD_GAP = 14;
export const MAX_ROWS = 6;

/** Types whose number of references may change: they reserve room for MAX_ROWS rows. */
const GROWABLE = new Set(['list', 'dict', 'set', 'bytearray', 'collections.deque', 'deque']);

/** Objects drawn as text inside the slot that refers to them, not as cards with arrows. */
const INLINE_TYPES = new Set(['NoneType', 'bool', 'ellipsis', 'NotImplementedType']);

export function isInline(object: HeapObject): boolean {
  return INLINE_TYPES.has(object.type);
}

export function shownRows(object: HeapObject): number {
  const count = drawnReferents(object).length;
  return Math.min(count, MAX_ROWS) + (count > MAX_ROWS ? 1 : 0);
}

export function cardHeight(object: HeapObject): number {
  return CARD_HEADER + shownRows(object) * ROW + 6;
}

export function reservedHeight(object: HeapObject): number {
  const growable = GROWABLE.has(object.type) || (!/^(static|untracked)$/.test(object.gc) && drawnReferents(object).length > 0 && object.type !== 'tuple');
  const rows = growable ? MAX_ROWS + 1 : shownRows(object);
  return CARD_HEADER + rows * ROW + 6;
}

export function columnX(column: number): number {
  return HEAP_LEFT + column * COLUMN_PITCH;
}
