// The map's legend (size classes present, with their colours, and the four pool states with
// their shapes) and its text alternative: visually hidden tables of the pools by arena and by
// size class, so a screen reader gets what the canvas shows.
import { el } from '../panel-dom';
import type { AllocatorSnapshot } from './allocator-data';
import { classColour, css, type AllocatorTheme } from './allocator-theme';

const STATES: [string, string][] = [
  ['full', 'full: every block allocated'],
  ['used', 'used: filled up to its share of allocated blocks'],
  ['empty', 'empty: no block allocated, kept for reuse'],
  ['unused', 'not carved yet'],
];

export function renderLegend(snapshot: AllocatorSnapshot, theme: AllocatorTheme): HTMLElement {
  const legend = el('div', 'rs-alloc-legend');
  const classes = new Map<number, number>();
  for (const arena of snapshot.arenas) {
    for (const pool of arena.pools) if (pool.state !== 'unused') classes.set(pool.szidx, pool.block_size);
  }
  const classList = el('ul', 'rs-alloc-legend-classes');
  classList.setAttribute('aria-label', 'size classes in use');
  for (const [szidx, size] of [...classes].sort((a, b) => a[0] - b[0])) {
    const item = el('li');
    const swatch = el('span', 'rs-alloc-swatch rs-alloc-swatch-full');
    swatch.style.setProperty('--rs-swatch', css(classColour(theme, szidx)));
    item.append(swatch, el('span', undefined, `${size} B`));
    item.title = `size class ${szidx}: blocks of ${size} bytes`;
    classList.append(item);
  }
  const stateList = el('ul', 'rs-alloc-legend-states');
  stateList.setAttribute('aria-label', 'pool states');
  for (const [state, text] of STATES) {
    const item = el('li');
    const swatch = el('span', `rs-alloc-swatch rs-alloc-swatch-${state}`);
    swatch.style.setProperty('--rs-swatch', css(theme.muted));
    item.append(swatch, el('span', undefined, text));
    stateList.append(item);
  }
  if (classes.size > 0) legend.append(classList);
  legend.append(stateList);
  return legend;
}

/** One row of a summary table: pools by state and blocks allocated. */
interface Tally { full: number; used: number; empty: number; uncarved: number; blocks: number; capacity: number }

function tally(): Tally {
  return { full: 0, used: 0, empty: 0, uncarved: 0, blocks: 0, capacity: 0 };
}

function summaryTable(caption: string, first: string, rows: [string, Tally][]): HTMLTableElement {
  const table = el('table');
  table.append(el('caption', undefined, caption));
  const head = el('tr');
  for (const name of [first, 'full pools', 'used pools', 'empty pools', 'pools not carved', 'blocks allocated']) head.append(el('th', undefined, name));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const [name, t] of rows) {
    const row = el('tr');
    for (const text of [name, t.full, t.used, t.empty, t.uncarved, `${t.blocks} of ${t.capacity}`]) row.append(el('td', undefined, String(text)));
    body.append(row);
  }
  table.append(thead, body);
  return table;
}

/**
 * The canvas' text alternative, inside a visually hidden box: the pools tallied by arena and by
 * size class (a few dozen rows even for a big heap; the keyboard cursor on the map names single
 * pools through its live region).
 */
export function renderMapTable(snapshot: AllocatorSnapshot): HTMLElement {
  const box = el('div', 'rs-visually-hidden');
  const byArena: [string, Tally][] = [];
  const byClass = new Map<number, [string, Tally]>();
  for (const arena of snapshot.arenas) {
    const a = tally();
    a.uncarved = arena.ntotalpools;
    for (const pool of arena.pools) {
      if (pool.state === 'unused') continue;
      a.uncarved -= 1;
      let entry = byClass.get(pool.szidx);
      if (!entry) byClass.set(pool.szidx, (entry = [`${pool.block_size} B (class ${pool.szidx})`, tally()]));
      for (const t of [a, entry[1]]) {
        t[pool.state] += 1;
        t.blocks += pool.count;
        t.capacity += pool.capacity;
      }
    }
    byArena.push([`arena ${arena.index}`, a]);
  }
  box.append(
    summaryTable('Pools by arena', 'arena', byArena),
    summaryTable('Pools by size class', 'size class', [...byClass.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v)),
  );
  return box;
}
