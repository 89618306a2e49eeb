// Geometry of one opened pool: its blocks as a grid of square cells in address order, row by
// row, and the inverse (which block is under a point) by arithmetic.
//
// A 16 KiB pool of 16-byte blocks has 1,020 blocks (32 columns x 32 rows); a pool of 512-byte
// blocks has 31. Cells shrink for big pools so a whole pool stays about 400 px wide.
//
// Invariants: 1. blockAt(cellRect(i).center) = i for 0 <= i < count; 2. blockAt is null in gaps
// and past the last block.

export interface PoolBlocksLayout {
  count: number;
  columns: number;
  cell: number;
  gap: number;
  width: number;
  height: number;
}

export function layoutPoolBlocks(count: number): PoolBlocksLayout {
  const columns = count > 256 ? 32 : count > 64 ? 16 : 8;
  const cell = columns === 32 ? 11 : columns === 16 ? 20 : 36;
  const gap = 1;
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    count, columns, cell, gap,
    width: columns * (cell + gap) - gap,
    height: rows * (cell + gap) - gap,
  };
}

export function cellRect(layout: PoolBlocksLayout, block: number): { x: number; y: number; w: number; h: number } {
  const step = layout.cell + layout.gap;
  return {
    x: (block % layout.columns) * step,
    y: Math.floor(block / layout.columns) * step,
    w: layout.cell,
    h: layout.cell,
  };
}

export function blockAt(layout: PoolBlocksLayout, x: number, y: number): number | null {
  if (x < 0 || y < 0) return null;
  const step = layout.cell + layout.gap;
  const col = Math.floor(x / step);
  const row = Math.floor(y / step);
  if (col >= layout.columns || x - col * step >= layout.cell || y - row * step >= layout.cell) return null;
  const block = row * layout.columns + col;
  return block < layout.count ? block : null;
}
