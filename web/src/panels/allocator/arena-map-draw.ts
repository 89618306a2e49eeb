// Paints the arena map (layout from arena-map-layout.ts) on a 2D canvas: one tile per pool,
// coloured by size class, its state shown by shape so colour is never the only cue:
//   full   — solid tile;
//   used   — pale tile filled from the bottom up to count / capacity;
//   empty  — pale tile with a solid outline (it keeps its last size class);
//   unused — never carved: a dashed outline only.
// Marks: the open pool has an accent outline and a folded corner; the keyboard cursor / hover a
// dashed accent outline; the selected object's pool a thick ring in the text colour.
// Carved tiles are labelled with their block size when tiles are big enough (a few arenas); with
// many arenas the legend and the hover line name the class. Fills are batched: one path per style, so a
// redraw costs a few dozen canvas calls plus one label per carved pool.
//
// Invariant: drawArenaMap draws the whole canvas (it clears first), so a redraw per step is
// idempotent; marks (focus, open pool, selected object's pool) are drawn last, on top.
import type { AllocatorSnapshot, PoolInfo } from './allocator-data';
import { classColour, classTextColour, css, type AllocatorTheme } from './allocator-theme';
import { arenaOrigin, LABEL_MIN_TILE, tileRect, type ArenaMapLayout, type Rect } from './arena-map-layout';

export interface PoolRef {
  arena: number;
  pool: number;
}

export interface ArenaMapMarks {
  focus: PoolRef | null;
  open: PoolRef | null;
  selected: PoolRef | null;
  /** Whether the canvas has keyboard focus (the focus ring is drawn only then). */
  focused: boolean;
}

/** Groups rectangles by fill style so each style is one path and one fill call. */
class RectBatch {
  private readonly byStyle = new Map<string, Rect[]>();

  add(style: string, rect: Rect): void {
    const list = this.byStyle.get(style);
    if (list) list.push(rect);
    else this.byStyle.set(style, [rect]);
  }

  fill(ctx: CanvasRenderingContext2D): void {
    for (const [style, rects] of this.byStyle) {
      ctx.fillStyle = style;
      ctx.beginPath();
      for (const r of rects) ctx.rect(r.x, r.y, r.w, r.h);
      ctx.fill();
    }
  }

  stroke(ctx: CanvasRenderingContext2D, width: number): void {
    ctx.lineWidth = width;
    for (const [style, rects] of this.byStyle) {
      ctx.strokeStyle = style;
      ctx.beginPath();
      for (const r of rects) ctx.rect(r.x + width / 2, r.y + width / 2, r.w - width, r.h - width);
      ctx.stroke();
    }
  }
}

function orderOf(layout: ArenaMapLayout, arena: number): number {
  return layout.arenas.indexOf(arena);
}

function drawMark(ctx: CanvasRenderingContext2D, layout: ArenaMapLayout, ref: PoolRef, style: string,
                  width: number, dash: number[], outset: number): void {
  const order = orderOf(layout, ref.arena);
  if (order < 0) return;
  const r = tileRect(layout, order, ref.pool);
  ctx.strokeStyle = style;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.strokeRect(r.x - outset, r.y - outset, r.w + 2 * outset, r.h + 2 * outset);
  ctx.setLineDash([]);
}

export function drawArenaMap(ctx: CanvasRenderingContext2D, layout: ArenaMapLayout,
                             snapshot: AllocatorSnapshot, theme: AllocatorTheme,
                             marks: ArenaMapMarks): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const solid = new RectBatch();
  const pale = new RectBatch();
  const outline = new RectBatch();
  const unused: Rect[] = [];
  const labels: { rect: Rect; text: string; pool: PoolInfo }[] = [];

  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = css(theme.text);
  snapshot.arenas.forEach((arena, order) => {
    const origin = arenaOrigin(layout, order);
    ctx.fillText(`arena ${arena.index}`, origin.x, origin.y + 13);
    for (let p = 0; p < arena.ntotalpools; p += 1) {
      const rect = tileRect(layout, order, p);
      const pool = arena.pools[p];
      if (!pool || pool.state === 'unused') {
        unused.push(rect);
        continue;
      }
      const colour = classColour(theme, pool.szidx);
      if (pool.state === 'full') {
        solid.add(css(colour), rect);
      } else {
        pale.add(css(colour, 0.28), rect);
        if (pool.state === 'empty') {
          outline.add(css(colour), rect);
        } else {
          const filled = Math.max(1, Math.round((rect.h * pool.count) / Math.max(1, pool.capacity)));
          solid.add(css(colour), { x: rect.x, y: rect.y + rect.h - filled, w: rect.w, h: filled });
        }
      }
      if (layout.tile >= LABEL_MIN_TILE) labels.push({ rect, text: String(pool.block_size), pool });
    }
  });

  pale.fill(ctx);
  solid.fill(ctx);
  outline.stroke(ctx, 2);
  ctx.strokeStyle = css(theme.muted);
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  for (const r of unused) ctx.rect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
  ctx.stroke();
  ctx.setLineDash([]);

  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const { rect, text, pool } of labels) {
    const x = rect.x + rect.w / 2;
    const y = rect.y + rect.h / 2;
    if (pool.state === 'full') {
      ctx.fillStyle = css(classTextColour(theme, pool.szidx));
    } else {
      ctx.strokeStyle = css(theme.background, 0.85);
      ctx.lineWidth = 3;
      ctx.strokeText(text, x, y);
      ctx.fillStyle = css(theme.text);
    }
    ctx.fillText(text, x, y);
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';

  // open pool: accent, solid; keyboard cursor / hover: accent, dashed; the selected object's
  // pool: a thick ring in the text colour with a background halo, visible on any class colour.
  if (marks.open) {
    // The open pool: an accent outline plus a folded corner, so it differs in shape from an
    // empty pool's outline in a blue size class.
    drawMark(ctx, layout, marks.open, css(theme.focus), 2, [], 1);
    const order = orderOf(layout, marks.open.arena);
    if (order >= 0) {
      const r = tileRect(layout, order, marks.open.pool);
      const k = Math.max(6, Math.round(layout.tile / 3));
      ctx.fillStyle = css(theme.focus);
      ctx.beginPath();
      ctx.moveTo(r.x + r.w - k, r.y - 2);
      ctx.lineTo(r.x + r.w + 2, r.y - 2);
      ctx.lineTo(r.x + r.w + 2, r.y + k);
      ctx.closePath();
      ctx.fill();
    }
  }
  if (marks.selected) {
    drawMark(ctx, layout, marks.selected, css(theme.background), 5, [], 2.5);
    drawMark(ctx, layout, marks.selected, css(theme.selection), 3, [], 2.5);
  }
  if (marks.focus && marks.focused) drawMark(ctx, layout, marks.focus, css(theme.focus), 2, [4, 2], 1);
}
