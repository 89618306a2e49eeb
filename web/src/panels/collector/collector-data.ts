// The collector data the panel shows, from docs/trace-format.md (version 1): the gc part of a
// State, the collection summaries of RunInfo and one collection's phases (the `collection`
// command). Shapes come from engine/trace-types.ts; this module adds the derived per-object
// table the stepper draws.
//
// Invariants of the table (objectRows): 1. one row per object that appears in any phase's young
// or unreachable list, in order of first appearance; 2. cells[i] describes the object in phase i
// only (no carrying over): its gc_refs when listed in young, "unreachable" when in that phase's
// unreachable set, null when absent; 3. fate is "freed" when the object is unreachable in the last
// phase that lists any unreachable object, "survived" otherwise.
import type { CollectionDetail, CollectionPhase, CollectionSummary, StepState } from '../../engine/trace-types';
export type { ObjectLabel } from '../object-label';

export type { CollectionDetail, CollectionPhase, CollectionSummary };
export type GcStatus = NonNullable<StepState['gc']>;


export type PhaseCell = { gcRefs: number | null; unreachable: boolean; affected: boolean } | null;

export interface ObjectRow {
  id: number;
  cells: PhaseCell[];
  fate: 'freed' | 'survived';
}

/** The unreachable entries of a phase as ids (the format allows bare ids or [id, gc_refs]). */
function unreachableIds(phase: CollectionPhase): Map<number, number | null> {
  const ids = new Map<number, number | null>();
  for (const entry of phase.unreachable as unknown[]) {
    if (Array.isArray(entry)) ids.set(Number(entry[0]), Number(entry[1]));
    else ids.set(Number(entry), null);
  }
  return ids;
}

export function objectRows(detail: CollectionDetail): ObjectRow[] {
  const order: number[] = [];
  const seen = new Set<number>();
  const note = (id: number) => { if (!seen.has(id)) { seen.add(id); order.push(id); } };
  const perPhase = detail.phases.map((phase) => {
    const young = new Map<number, number>();
    for (const [id, refs] of phase.young) { young.set(id, refs); note(id); }
    const unreachable = unreachableIds(phase);
    for (const id of unreachable.keys()) note(id);
    return { young, unreachable, affected: new Set(phase.affected) };
  });
  let lastWithUnreachable = -1;
  perPhase.forEach((p, i) => { if (p.unreachable.size > 0) lastWithUnreachable = i; });
  return order.map((id) => ({
    id,
    cells: perPhase.map((p): PhaseCell => {
      const inYoung = p.young.has(id);
      const unreachable = p.unreachable.has(id);
      if (!inYoung && !unreachable) return null;
      const refs = inYoung ? p.young.get(id)! : p.unreachable.get(id) ?? null;
      return { gcRefs: refs, unreachable, affected: p.affected.has(id) };
    }),
    fate: lastWithUnreachable >= 0 && perPhase[lastWithUnreachable].unreachable.has(id) ? 'freed' : 'survived',
  }));
}
