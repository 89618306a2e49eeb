// What each phase of a collection does, in one sentence a learner can follow, keyed by the phase
// names of the `collection` command (docs/trace-format.md; CPython 3.11 Modules/gcmodule.c,
// gc_collect_main). Unknown phase names get a neutral note instead of failing.

export interface PhaseNote {
  title: string;
  text: string;
}

const NOTES: Record<string, PhaseNote> = {
  start: {
    title: 'Start',
    text: 'The collection begins: the younger generations are merged into the one being collected, and their counts reset.',
  },
  update_refs: {
    title: 'Copy reference counts',
    text: 'Every object in the generation being collected gets a scratch counter, gc_refs, set to its reference count.',
  },
  subtract_refs: {
    title: 'Subtract internal references',
    text: 'For each reference from one of these objects to another, the target’s gc_refs drops by one: what is left counts only references from outside (names, other generations).',
  },
  move_unreachable: {
    title: 'Find what is unreachable',
    text: 'Objects with gc_refs above 0 are reachable from outside, and so is everything they refer to; all the others move to the unreachable list.',
  },
  promote: {
    title: 'Promote the survivors',
    text: 'The reachable objects survive and move up to the next older generation, where collections are rarer.',
  },
  untrack: {
    title: 'Untrack what cannot form cycles',
    text: 'Tuples holding only atomic values can never be part of a cycle, so the collector stops tracking them.',
  },
  'promote/untrack': {
    title: 'Promote the survivors',
    text: 'The reachable objects move up to the next older generation; tuples that can no longer be part of a cycle stop being tracked.',
  },
  weakrefs: {
    title: 'Clear weak references',
    text: 'Weak references to unreachable objects are cleared, and their callbacks run if the weak reference itself is not garbage.',
  },
  finalize: {
    title: 'Run finalizers',
    text: 'The __del__ method of each unreachable object runs — at most once in the object’s lifetime.',
  },
  resurrect: {
    title: 'Check for resurrection',
    text: 'A finalizer may have stored an unreachable object somewhere reachable; such objects are rescued and survive.',
  },
  clear: {
    title: 'Break the cycles',
    text: 'Each unreachable object drops its references (tp_clear), so the reference counts in the cycle fall to zero and the objects are freed.',
  },
  done: {
    title: 'Done',
    text: 'The collection is over: the freed objects are counted as collected and the collected generation starts again from zero.',
  },
};

NOTES.finalizers = NOTES.finalize;
NOTES.delete_garbage = NOTES.clear;

export function phaseNote(phase: string): PhaseNote {
  return NOTES[phase] ?? { title: phase.replace(/_/g, ' '), text: 'A step of the collection.' };
}
