// The three generations as bars: each generation's count against its threshold, with what the
// count means in CPython 3.11 (generation 0 counts allocations minus deallocations of
// container objects; generations 1 and 2 count collections of the younger generation), whether
// automatic collection is enabled, and how many collections ran so far.
//
// Invariant: a bar is a <meter>-like div with role="meter" and aria-valuenow/max, its width
// capped at 100% (a count may exceed its threshold just before a collection runs).
import { el } from '../panel-dom';
import type { GcStatus } from './collector-data';

const MEANINGS = [
  'allocations of container objects minus deallocations since generation 0 was last collected',
  'collections of generation 0 since generation 1 was last collected',
  'collections of generation 1 since the last full collection',
];

export function renderGenerations(gc: GcStatus): HTMLElement {
  const wrap = el('div', 'rs-gc-generations');
  const status = el('p', 'rs-gc-status');
  const enabled = el('span', `rs-gc-badge ${gc.enabled ? 'rs-gc-on' : 'rs-gc-off'}`,
    gc.enabled ? 'automatic collection on' : 'automatic collection off (gc.disable())');
  status.append(enabled, el('span', undefined, ` · ${gc.collections} collection${gc.collections === 1 ? '' : 's'} so far`));
  wrap.append(status);
  for (let g = 0; g < 3; g += 1) {
    const count = gc.count[g];
    const threshold = gc.threshold[g];
    const row = el('div', `rs-gc-gen rs-gc-gen${g}`);
    const label = el('div', 'rs-gc-gen-label');
    label.append(el('strong', undefined, `generation ${g}`), el('span', 'rs-gc-gen-figure', `${count} / ${threshold}`));
    const bar = el('div', 'rs-gc-bar');
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-label', `generation ${g} count`);
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', String(threshold));
    bar.setAttribute('aria-valuenow', String(count));
    bar.setAttribute('aria-valuetext', `${count} of ${threshold}`);
    const fill = el('div', 'rs-gc-bar-fill');
    fill.style.width = `${threshold > 0 ? Math.min(100, (100 * count) / threshold) : 0}%`;
    bar.append(fill);
    row.append(label, bar, el('p', 'rs-gc-gen-meaning', g === 0 && threshold === 0
      ? 'threshold 0: automatic collection is off'
      : `${MEANINGS[g]}; a collection of generation ${g} starts when it exceeds ${threshold}`));
    wrap.append(row);
  }
  return wrap;
}
