// The allocator's lists and figures as readable text beside the map: the `usedpools` list of
// each size class (head first, as pymalloc takes pools from the head), the `usable_arenas` order
// (fewest free pools first), the requests that went to malloc (larger than 512 bytes), the
// totals, and the `sys._debugmallocstats()` text in a collapsible section.
//
// Invariant: every pool named here is a button that opens that pool, so the lists double as a
// keyboard route into the map.
import { definitionList, el, formatBytes } from '../panel-dom';
import { labelText } from '../object-label';
import type { AllocatorSnapshot, ObjectLabel } from './allocator-data';
import type { PoolRef } from './arena-map-draw';

/** Pools named per usedpools list; a long list ends with a count. */
const CHIPS_PER_CLASS = 16;

const STAT_LABELS: [string, string, boolean][] = [
  ['arenas_allocated_current', 'Arenas', false],
  ['pymalloc_blocks_in_use', 'Blocks in use', false],
  ['pymalloc_bytes_in_use', 'Bytes in blocks', true],
  ['raw_chunks_in_use', 'Chunks from malloc', false],
  ['raw_bytes_in_use', 'Bytes from malloc', true],
  ['requested_in_use', 'Bytes requested', true],
  ['mapped_bytes', 'Bytes mapped from the OS', true],
];

export function blockSizeOf(snapshot: AllocatorSnapshot, szidx: number): number | null {
  for (const arena of snapshot.arenas) {
    for (const pool of arena.pools) if (pool.szidx === szidx && pool.state !== 'unused') return pool.block_size;
  }
  return null;
}

function poolButton(ref: PoolRef, open: (ref: PoolRef) => void): HTMLButtonElement {
  const button = el('button', 'rs-alloc-chip', `${ref.arena}:${ref.pool}`);
  button.type = 'button';
  button.setAttribute('aria-label', `open pool ${ref.pool} of arena ${ref.arena}`);
  button.addEventListener('click', () => open(ref));
  return button;
}

export function renderTotals(snapshot: AllocatorSnapshot): HTMLElement {
  const stats = snapshot.stats ?? {};
  const carved = snapshot.arenas.reduce((n, a) => n + a.pools.filter((p) => p.state === 'used' || p.state === 'full').length, 0);
  const rows: [string, string][] = [];
  for (const [key, label, bytes] of STAT_LABELS) {
    if (typeof stats[key] === 'number') rows.push([label, bytes ? formatBytes(stats[key]) : stats[key].toLocaleString('en')]);
  }
  rows.splice(1, 0, ['Pools in use', carved.toLocaleString('en')]);
  return definitionList(rows, 'rs-alloc-totals');
}

export function renderUsedPools(snapshot: AllocatorSnapshot, open: (ref: PoolRef) => void): HTMLElement {
  if (snapshot.usedpools.length === 0) return el('p', 'rs-alloc-empty', 'No size class has a partly used pool.');
  const list = el('ul', 'rs-alloc-lists');
  for (const entry of snapshot.usedpools) {
    const size = blockSizeOf(snapshot, entry.szidx);
    const item = el('li');
    item.append(el('span', 'rs-alloc-list-name', `class ${entry.szidx}${size ? ` (${size} B)` : ''}`));
    entry.pools.slice(0, CHIPS_PER_CLASS).forEach(([arena, pool], i) => {
      if (i > 0) item.append(el('span', 'rs-alloc-arrow', '→'));
      item.append(poolButton({ arena, pool }, open));
    });
    if (entry.pools.length > CHIPS_PER_CLASS) {
      item.append(el('span', 'rs-alloc-arrow', `→ … ${entry.pools.length - CHIPS_PER_CLASS} more`));
    }
    list.append(item);
  }
  return list;
}

export function renderUsableArenas(snapshot: AllocatorSnapshot): HTMLElement {
  if (snapshot.usable_arenas.length === 0) return el('p', 'rs-alloc-empty', 'No arena has a free pool: the next new pool needs a new arena.');
  const list = el('ol', 'rs-alloc-arena-order');
  for (const index of snapshot.usable_arenas) {
    const arena = snapshot.arenas.find((a) => a.index === index);
    const free = arena ? `${arena.nfreepools} free pool${arena.nfreepools === 1 ? '' : 's'}` : 'not listed';
    list.append(el('li', undefined, `arena ${index} — ${free}`));
  }
  return list;
}

/** Rows of the malloc table; a longer list ends with a count. */
const RAW_ROWS = 200;

/** The chunks that went to malloc; a chunk holding an object names it (a button selecting it). */
export function renderRaw(snapshot: AllocatorSnapshot, ownerAt: (address: string) => ObjectLabel | null,
                          selectedAddress: string | null, select: (id: number) => void): HTMLElement {
  const raw = snapshot.raw ?? [];
  if (raw.length === 0) return el('p', 'rs-alloc-empty', 'No request has gone to malloc.');
  const table = el('table', 'rs-alloc-raw');
  const shown = raw.slice(0, RAW_ROWS);
  const owners = shown.map((chunk) => ownerAt(chunk.address));
  // The object column only when some chunk holds an object the program can see (most chunks
  // are the interpreter's: dict tables, list item arrays).
  const withOwners = owners.some((o) => o !== null);
  const head = el('tr');
  head.append(el('th', undefined, 'address'), el('th', undefined, 'size'));
  if (withOwners) head.append(el('th', undefined, 'object'));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  shown.forEach((chunk, i) => {
    const row = el('tr');
    const owner = owners[i];
    const cell = el('td');
    if (owner) {
      const button = el('button', 'rs-alloc-chip', labelText(owner.id, owner));
      button.type = 'button';
      button.addEventListener('click', () => select(owner.id));
      cell.append(button);
    }
    if (chunk.address === selectedAddress) {
      row.classList.add('rs-alloc-raw-selected');
      row.setAttribute('aria-current', 'true');
    }
    row.append(el('td', 'rs-alloc-mono', chunk.address), el('td', undefined, formatBytes(chunk.size)));
    if (withOwners) row.append(cell);
    body.append(row);
  });
  table.append(thead, body);
  if (raw.length <= RAW_ROWS) return table;
  const wrap = el('div');
  wrap.append(table, el('p', 'rs-alloc-empty', `… and ${raw.length - RAW_ROWS} more chunks`));
  return wrap;
}

export function renderMallocStats(text: string, wasOpen: boolean): HTMLElement {
  const details = el('details', 'rs-alloc-mallocstats');
  details.open = wasOpen;
  details.append(el('summary', undefined, 'sys._debugmallocstats()'));
  const pre = el('pre', undefined, text);
  pre.tabIndex = 0;
  details.append(pre);
  return details;
}
