// How a panel names an object it only knows by id: the names bound to it in the frames, its type
// and value summary, and the end of its simulated address (the heap view's cards show the same
// "…" + last six digits), so two lists that print alike can still be told apart. "object #id"
// when the object is not in the state at hand (freed, or not yet created).
import type { HeapObject, StepState } from '../engine/trace-types';

export interface ObjectLabel {
  id: number;
  type: string;
  summary: string;
  address?: string;
  /** Names bound to the object in the frames (locals and module globals). */
  names?: string[];
  /** Ids of the objects it refers to (for drawing references between objects). */
  referents?: number[];
}

export function labelOf(object: HeapObject, names: string[] = []): ObjectLabel {
  return {
    id: object.id, type: object.type, summary: object.summary, address: object.address, names,
    referents: object.referents.map((r) => r.object),
  };
}

/** Labels for every object of a state, with the names the frames bind to them. */
export function labelsOf(state: StepState): Map<number, ObjectLabel> {
  const names = new Map<number, string[]>();
  for (const frame of state.frames) {
    for (const local of frame.locals) {
      const list = names.get(local.object);
      if (list) list.push(local.name);
      else names.set(local.object, [local.name]);
    }
  }
  return new Map(state.objects.map((o) => [o.id, labelOf(o, names.get(o.id))]));
}

/** The label of one object of a state (null if absent): one pass, no per-object allocation. */
export function labelIn(state: StepState, id: number): ObjectLabel | null {
  const object = state.objects.find((o) => o.id === id);
  if (!object) return null;
  const names: string[] = [];
  for (const frame of state.frames) for (const local of frame.locals) if (local.object === id) names.push(local.name);
  return labelOf(object, names);
}

export function shortAddress(address: string): string {
  return address.length > 8 ? `…${address.slice(-6)}` : address;
}

export function labelText(id: number, label: ObjectLabel | null | undefined): string {
  if (!label) return `object #${id}`;
  const named = label.names?.length ? `${label.names.join(', ')}: ` : '';
  return `${named}${label.type} ${label.summary}`;
}
