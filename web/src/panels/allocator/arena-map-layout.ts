// Geometry of the arena map: where each arena and each pool tile sits on the canvas, and the
// inverse (which pool is under a point), by arithmetic alone — no per-tile objects, no search.
//
// Layout: arenas in address-slot order, left to right, wrapping to the canvas width; inside an
// arena its pools in an 8-column grid, index order, row by row (64 pools = 8 x 8), under a
// one-line caption. All units are CSS pixels.
//
// Invariants: 1. tileAt(layout, tileRect(layout, a, p).center) = {a, p} for every listed pool;
// 2. tileAt returns null in gaps, captions and beyond an arena's ntotalpools.

export const POOL_COLUMNS = 8;

export interface ArenaMapLayout {
  /** Arena slot indices in drawing order. */
  arenas: number[];
  /** Usable pools of each drawn arena (same order as `arenas`). */
  poolCounts: number[];
  tile: number;
  gap: number;
  caption: number;
  arenaGap: number;
  arenasPerRow: number;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function arenaWidth(tile: number, gap: number): number {
  return POOL_COLUMNS * tile + (POOL_COLUMNS - 1) * gap;
}

function arenaHeight(layout: ArenaMapLayout, pools: number): number {
  const rows = Math.max(1, Math.ceil(pools / POOL_COLUMNS));
  return layout.caption + rows * layout.tile + (rows - 1) * layout.gap;
}

/** Tile size for a number of arenas: big labelled tiles for a few, small ones for many. */
export function tileSizeFor(arenaCount: number): number {
  return arenaCount <= 2 ? 34 : arenaCount <= 6 ? 24 : 14;
}

/** Smallest tile that still carries its block size as a label. */
export const LABEL_MIN_TILE = 22;

/** Lays out arenas (slot index, usable pools) for a canvas `availableWidth` CSS pixels wide. */
export function layoutArenaMap(
  arenas: { index: number; ntotalpools: number }[],
  availableWidth: number,
  tile = tileSizeFor(arenas.length),
  gap = tile >= LABEL_MIN_TILE ? 3 : 2,
): ArenaMapLayout {
  const caption = 20;
  const arenaGap = 18;
  const one = arenaWidth(tile, gap);
  const arenasPerRow = Math.max(1, Math.floor((availableWidth + arenaGap) / (one + arenaGap)));
  const rowsOfArenas = Math.ceil(arenas.length / arenasPerRow);
  const maxPools = arenas.reduce((m, a) => Math.max(m, a.ntotalpools), POOL_COLUMNS * POOL_COLUMNS);
  const layout: ArenaMapLayout = {
    arenas: arenas.map((a) => a.index),
    poolCounts: arenas.map((a) => a.ntotalpools),
    tile, gap, caption, arenaGap, arenasPerRow,
    width: Math.min(arenas.length, arenasPerRow) * (one + arenaGap) - arenaGap,
    height: 0,
  };
  const rowHeight = arenaHeight(layout, maxPools) + arenaGap;
  layout.height = Math.max(0, rowsOfArenas * rowHeight - arenaGap);
  layout.width = Math.max(layout.width, 0);
  return layout;
}

function rowHeight(layout: ArenaMapLayout): number {
  const maxPools = layout.poolCounts.reduce((m, n) => Math.max(m, n), POOL_COLUMNS * POOL_COLUMNS);
  return arenaHeight(layout, maxPools) + layout.arenaGap;
}

/** Top-left of the arena drawn at position `order` (its caption starts there). */
export function arenaOrigin(layout: ArenaMapLayout, order: number): { x: number; y: number } {
  const column = order % layout.arenasPerRow;
  const row = Math.floor(order / layout.arenasPerRow);
  return {
    x: column * (arenaWidth(layout.tile, layout.gap) + layout.arenaGap),
    y: row * rowHeight(layout),
  };
}

/** The tile of pool `pool` in the arena drawn at position `order`. */
export function tileRect(layout: ArenaMapLayout, order: number, pool: number): Rect {
  const origin = arenaOrigin(layout, order);
  const step = layout.tile + layout.gap;
  return {
    x: origin.x + (pool % POOL_COLUMNS) * step,
    y: origin.y + layout.caption + Math.floor(pool / POOL_COLUMNS) * step,
    w: layout.tile,
    h: layout.tile,
  };
}

/** The pool under (x, y), as the arena's slot index and the pool index, or null. */
export function tileAt(layout: ArenaMapLayout, x: number, y: number): { arena: number; pool: number } | null {
  if (x < 0 || y < 0) return null;
  const blockW = arenaWidth(layout.tile, layout.gap) + layout.arenaGap;
  const column = Math.floor(x / blockW);
  const row = Math.floor(y / rowHeight(layout));
  if (column >= layout.arenasPerRow) return null;
  const order = row * layout.arenasPerRow + column;
  if (order >= layout.arenas.length) return null;
  const origin = arenaOrigin(layout, order);
  const step = layout.tile + layout.gap;
  const localX = x - origin.x;
  const localY = y - origin.y - layout.caption;
  if (localY < 0) return null;
  const col = Math.floor(localX / step);
  const r = Math.floor(localY / step);
  if (col >= POOL_COLUMNS || localX - col * step >= layout.tile || localY - r * step >= layout.tile) return null;
  const pool = r * POOL_COLUMNS + col;
  if (pool >= layout.poolCounts[order]) return null;
  return { arena: layout.arenas[order], pool };
}
