// Sizes of the frames-and-objects drawing, in SVG user units, and the rules that give each card
// its height. Shared by the layout (which reserves space) and the renderer (which draws it).
// Invariant: cardHeight(object) <= reservedHeight(object) for any state of that object, because
// shown rows are capped (rowCap, plus one "+N more" row) and every object whose references may
// grow reserves that many rows from the start — this is what lets an object keep its place
// while it grows. Objects of FIXED types have the same references all their life.
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

/** Types whose drawn references never change in number after creation (or that have none). */
const FIXED = new Set(['int', 'float', 'complex', 'str', 'bytes', 'tuple', 'frozenset', 'range', 'slice', 'bool', 'NoneType',
  'function', 'type', 'module', 'code', 'method', 'builtin_function_or_method', 'cell', 'getset_descriptor']);
/** Growable built-in containers show up to MAX_ROWS rows; other growable objects (instances of
 *  the program's classes) show up to INSTANCE_ROWS attributes, so they reserve less room. */
const CONTAINERS = new Set(['list', 'dict', 'set', 'bytearray', 'collections.deque', 'deque']);
const INSTANCE_ROWS = 3;

/** Objects drawn as text inside the slot that refers to them, not as cards with arrows. */
const INLINE_TYPES = new Set(['NoneType', 'bool', 'ellipsis', 'NotImplementedType']);

export function isInline(object: HeapObject): boolean {
  return INLINE_TYPES.has(object.type);
}

function growable(object: HeapObject): boolean {
  return !FIXED.has(object.type);
}

/** How many reference rows the card may show before "+N more". */
export function rowCap(object: HeapObject): number {
  return growable(object) && !CONTAINERS.has(object.type) ? INSTANCE_ROWS : MAX_ROWS;
}

export function shownRows(object: HeapObject): number {
  const count = drawnReferents(object).length;
  const cap = rowCap(object);
  return Math.min(count, cap) + (count > cap ? 1 : 0);
}

export function cardHeight(object: HeapObject): number {
  return CARD_HEADER + shownRows(object) * ROW + 6;
}

export function reservedHeight(object: HeapObject): number {
  const rows = growable(object) ? rowCap(object) + 1 : shownRows(object);
  return CARD_HEADER + rows * ROW + 6;
}

export function columnX(column: number): number {
  return HEAP_LEFT + column * COLUMN_PITCH;
}
