// Words for what the heap view shows: GC state, marks, referrers and an object's one-line
// description for screen readers. Pure functions; the wording is what a learner reads.
import type { FrameState, GcState, HeapObject, ObjectMark, Referrer } from '../../engine/trace-types';

export function gcLabel(gc: GcState): string {
  switch (gc) {
    case '0': case '1': case '2': return `gen ${gc}`;
    case 'untracked': return 'untracked';
    case 'static': return 'static';
    case 'permanent': return 'permanent';
    case 'collecting': return 'being collected';
  }
}

export function markLabel(mark: ObjectMark): string {
  switch (mark) {
    case 'small_int': return 'cached small int';
    case 'interned': return 'interned';
    case 'immortal': return 'immortal';
    case 'finalized': return 'finalized';
    case 'unreachable': return 'unreachable';
  }
}

/** The mark as written on a card (the full words are in its label and the details). */
export function shortMark(mark: ObjectMark): string {
  switch (mark) {
    case 'small_int': return 'cached';
    case 'interned': return 'interned';
    case 'immortal': return '';
    case 'finalized': return 'finalized';
    case 'unreachable': return 'unreachable';
  }
}

export function shortAddress(address: string): string {
  return address.length > 8 ? `…${address.slice(-6)}` : address;
}

export function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function describeObject(object: HeapObject): string {
  const marks = object.marks.map(markLabel);
  return [
    `${object.type} ${object.summary}`,
    `refcount ${object.refcount}`,
    `${object.size} bytes at ${object.address}`,
    gcLabel(object.gc),
    ...marks,
  ].join(', ');
}

/** One referrer in words: "name a in <module>", "[0] of list at 0x…", "value stack of f", … */
export function describeReferrer(referrer: Referrer, frames: FrameState[], objects: Map<number, HeapObject>): string {
  const frameName = (id: number) => frames.find((f) => f.id === id)?.name ?? `frame ${id}`;
  const times = referrer.count > 1 ? ` (×${referrer.count})` : '';
  switch (referrer.kind) {
    case 'name':
      return `name ${referrer.name} in ${frameName(referrer.frame)}${times}`;
    case 'object': {
      const holder = objects.get(referrer.object);
      const what = holder ? `${holder.type} at ${holder.address}` : `object #${referrer.object}`;
      return `${referrer.label} of ${what}${times}`;
    }
    case 'stack':
      return `value stack of ${frameName(referrer.frame)}${times}`;
    case 'cell':
      return `the cell of a closure variable${times}`;
    case 'constant':
      return `a constant of the code${referrer.note ? ` (${referrer.note})` : ''}${times}`;
    case 'other':
      return `held elsewhere${referrer.note ? `: ${referrer.note}` : ''}${times}`;
  }
}
