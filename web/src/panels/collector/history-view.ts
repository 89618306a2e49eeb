// The history of collections (RunInfo.collections) as a table: when, which generation, why, and
// what it freed. Each row's button moves the page to that step and opens the collection in the
// stepper. Collections after the cursor are marked "later"; those at the cursor's step "runs now"
// (a collection runs during its step: the state shown is from just before it).
//
// Invariant: rows follow RunInfo.collections order (index order = time order).
import { el } from '../panel-dom';
import type { CollectionSummary } from './collector-data';

const REASONS: Record<string, string> = {
  automatic: 'automatic (threshold)',
  'gc.collect': 'gc.collect()',
  shutdown: 'shutdown',
};

export function renderHistory(collections: CollectionSummary[], cursorStep: number, openIndex: number | null,
                              choose: (c: CollectionSummary) => void): HTMLElement {
  if (collections.length === 0) {
    return el('p', 'rs-gc-empty', 'No collection ran in this program. gc.collect() runs one; so does creating many container objects.');
  }
  const table = el('table', 'rs-gc-history');
  const caption = el('caption', 'rs-visually-hidden', 'Collections in this run');
  const head = el('tr');
  for (const name of ['', 'step', 'gen.', 'reason', 'collected', 'uncollectable']) {
    const th = el('th', undefined, name);
    if (name === 'gen.') th.title = 'generation collected';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const c of collections) {
    const row = el('tr');
    if (c.step > cursorStep) row.classList.add('rs-gc-later');
    if (c.step === cursorStep) row.classList.add('rs-gc-here');
    if (c.index === openIndex) row.setAttribute('aria-current', 'true');
    const button = el('button', 'rs-gc-open', `#${c.index + 1}`);
    button.type = 'button';
    button.setAttribute('aria-label', `go to collection ${c.index + 1} at step ${c.step} and step through it`);
    button.addEventListener('click', () => choose(c));
    const first = el('td');
    first.append(button);
    const when = c.step > cursorStep ? ' (later)' : c.step === cursorStep ? ' (runs now)' : '';
    row.append(first, el('td', undefined, `${c.step}${when}`), el('td', undefined, String(c.generation)),
      el('td', undefined, REASONS[c.reason] ?? c.reason), el('td', undefined, String(c.collected)),
      el('td', undefined, String(c.uncollectable)));
    body.append(row);
  }
  table.append(caption, thead, body);
  const wrap = el('div', 'rs-gc-table-wrap');
  wrap.append(table);
  return wrap;
}
