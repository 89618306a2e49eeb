// The table of one collection: a row per object of the collected generation, a column per
// phase with the object's gc_refs there, and the outcome (freed / survived) once the last phase
// is reached. Columns after the current phase stay blank, so a learner sees each change happen.
//
// Cells: a number = gc_refs; • = in the generation (start phase, before gc_refs exists);
// × = in the unreachable list; — = not in the list (moved on, or freed); underline = changed in
// that phase; 0 in bold vermillion. Unreachable rows get a marked name cell and a text tag.
//
// Invariant: cells of phases after `phase` are empty; the outcome column is filled only at the
// last phase.
import { el } from '../panel-dom';
import { labelText, shortAddress, type ObjectLabel } from '../object-label';
import type { CollectionDetail, ObjectRow } from './collector-data';
import { phaseNote } from './phase-notes';

export interface CollectionTableInput {
  detail: CollectionDetail;
  rows: ObjectRow[];
  phase: number;
  labels: Map<number, ObjectLabel>;
  selected: number | null;
  select(id: number): void;
}

export function renderCollectionTable({ detail, rows, phase, labels, selected, select }: CollectionTableInput): HTMLTableElement {
  const table = el('table', 'rs-gc-objects');
  table.append(el('caption', undefined, 'gc_refs of each object, phase by phase. • in the generation · × unreachable · — not in the list · underlined: changed in that phase · blank: not reached yet'));
  const head = el('tr');
  head.append(el('th', undefined, 'object'));
  detail.phases.forEach((p, i) => {
    const th = el('th', i === phase ? 'rs-gc-col-current' : undefined, String(i + 1));
    th.title = phaseNote(p.phase).title;
    th.setAttribute('scope', 'col');
    head.append(th);
  });
  head.append(el('th', undefined, 'outcome'));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  const last = phase === detail.phases.length - 1;
  for (const row of rows) {
    const tr = el('tr');
    const current = row.cells[phase];
    if (current?.unreachable) tr.classList.add('rs-gc-row-unreachable');
    if (row.id === selected) tr.classList.add('rs-gc-row-selected');
    const text = labelText(row.id, labels.get(row.id));
    const name = el('button', 'rs-gc-object', text);
    name.type = 'button';
    name.title = text;
    name.setAttribute('aria-label', `select ${text}`);
    name.addEventListener('click', () => select(row.id));
    const nameCell = el('th');
    nameCell.setAttribute('scope', 'row');
    nameCell.append(name);
    const address = labels.get(row.id)?.address;
    if (address) nameCell.append(el('span', 'rs-gc-address', shortAddress(address)));
    if (current?.unreachable) nameCell.append(el('span', 'rs-gc-tag', 'unreachable'));
    tr.append(nameCell);
    row.cells.forEach((cell, i) => {
      const td = el('td', i === phase ? 'rs-gc-col-current' : undefined);
      if (i > phase) td.textContent = '';
      else if (!cell) td.textContent = '—';
      else if (detail.phases[i].phase === 'start') {
        // Before update_refs gc_refs holds nothing meaningful: only say the object is there.
        td.textContent = '•';
        td.title = 'in the generation being collected';
      } else {
        td.textContent = cell.gcRefs === null ? '×' : String(cell.gcRefs);
        if (cell.unreachable) {
          td.classList.add('rs-gc-cell-unreachable');
          td.title = 'in the unreachable list';
          if (cell.gcRefs === null) td.setAttribute('aria-label', 'unreachable');
        }
        if (cell.affected) td.classList.add('rs-gc-changed');
        if (cell.gcRefs === 0) td.classList.add('rs-gc-zero');
      }
      tr.append(td);
    });
    const fate = last ? (row.fate === 'freed' ? 'freed' : 'survived') : '';
    tr.append(el('td', fate ? `rs-gc-fate-${fate}` : undefined, fate));
    body.append(tr);
  }
  table.append(thead, body);
  return table;
}
