// The map's legend (size classes present, with their colours, and the four pool states with
// their shapes) and its text alternative: a visually hidden table of every carved pool, so a
// screen reader gets what the canvas shows.
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

/** The table inside a visually hidden box (a table itself ignores a 1px height). */
export function renderMapTable(snapshot: AllocatorSnapshot): HTMLElement {
  const box = el('div', 'rs-visually-hidden');
  const table = el('table');
  box.append(table);
  const uncarved = snapshot.arenas.reduce((n, a) => n + a.ntotalpools - a.pools.filter((p) => p.state !== 'unused').length, 0);
  table.append(el('caption', undefined,
    `${snapshot.arenas.length} arena${snapshot.arenas.length === 1 ? '' : 's'}; carved pools below; ${uncarved} pools not carved yet`));
  const head = el('tr');
  for (const name of ['arena', 'pool', 'block size', 'state', 'blocks allocated']) head.append(el('th', undefined, name));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const arena of snapshot.arenas) {
    for (const pool of arena.pools) {
      if (pool.state === 'unused') continue;
      const row = el('tr');
      row.append(el('td', undefined, String(arena.index)), el('td', undefined, String(pool.index)),
        el('td', undefined, `${pool.block_size} B`), el('td', undefined, pool.state),
        el('td', undefined, `${pool.count} of ${pool.capacity}`));
      body.append(row);
    }
  }
  table.append(thead, body);
  return box;
}
