// The selected object in words: what it is, and the list of what holds each of its references
// (names, containers, value stack, cells, constants), as the refcount adds up. Shown under the
// drawing; live region, so a screen reader hears the selection.
// Invariants: every line is set with textContent; when the selected object does not exist at the
// current step the panel says so instead of showing stale data.
import type { HeapObject, StepState } from '../../engine/trace-types';
import { el } from '../../util/dom';
import { describeReferrer, gcLabel, markLabel } from './describe';

export function renderDetails(target: HTMLElement, state: StepState | null, selected: number | null): void {
  target.replaceChildren();
  if (selected === null || !state) {
    target.append(el('p', { className: 'rs-hint', text: 'Click an object (or focus it and press Enter) to see what holds each of its references.' }));
    return;
  }
  const objects = new Map<number, HeapObject>(state.objects.map((o) => [o.id, o]));
  const object = objects.get(selected);
  if (!object) {
    target.append(el('p', { text: `The selected object does not exist at this step (not created yet, or freed).` }));
    return;
  }
  target.append(el('h3', { text: `${object.type} at ${object.address}` }));
  const facts = [
    `value: ${object.summary}`,
    `reference count: ${object.refcount}`,
    `size: ${object.size} bytes`,
    `collector: ${gcLabel(object.gc)}`,
  ];
  if (object.pool) facts.push(`block ${object.pool.block} of pool ${object.pool.pool} in arena ${object.pool.arena} (size class ${object.pool.szidx})`);
  else if (object.gc !== 'static') facts.push('memory: from the system malloc (larger than 512 bytes)');
  const marks = object.marks.map(markLabel);
  if (marks.length) facts.push(`marks: ${marks.join(', ')}`);
  target.append(el('ul', { className: 'rs-facts' }, facts.map((text) => el('li', { text }))));

  const held = object.referrers.reduce((sum, r) => sum + r.count, 0);
  target.append(el('h4', { text: `Held by (${object.refcount} reference${object.refcount === 1 ? '' : 's'})` }));
  const items = object.referrers.map((r) => el('li', { text: describeReferrer(r, state.frames, objects), attrs: { 'data-kind': r.kind } }));
  if (held < object.refcount) items.push(el('li', { text: `${object.refcount - held} more held inside the interpreter`, attrs: { 'data-kind': 'other' } }));
  target.append(el('ul', { className: 'rs-referrers', attrs: { 'aria-label': 'What holds its references' } }, items));
}
