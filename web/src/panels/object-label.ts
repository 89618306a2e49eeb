// How a panel names an object it only knows by id: its type and value summary from a State, or
// "object #id" when the object is not in the state at hand (freed, or not yet created).
import type { HeapObject } from '../engine/trace-types';

export interface ObjectLabel {
  id: number;
  type: string;
  summary: string;
}

export function labelOf(object: HeapObject): ObjectLabel {
  return { id: object.id, type: object.type, summary: object.summary };
}

export function labelText(id: number, label: ObjectLabel | null | undefined): string {
  return label ? `${label.type} ${label.summary}` : `object #${id}`;
}
