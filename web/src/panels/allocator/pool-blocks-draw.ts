// Paints one opened pool: every block a cell of an ImageData (one putImageData per redraw, so a
// 1,020-block pool costs one pass over its pixels), then the free-block chain on top as a line
// through the first free blocks in list order, starting at the head (pool->freeblock, ringed).
//
// Cell shapes, so that colour is never the only cue:
//   allocated — solid, in the pool's size-class colour;
//   free      — hollow: a class-coloured border around a pale centre (on the free list);
//   untouched — a faint dotted cell (never handed out: past nextoffset).
// The block of the selected object gets a thick ring.
//
// Invariant: drawPoolBlocks repaints everything it owns; it works in device pixels (`scale` =
// devicePixelRatio), the layout in CSS pixels.
import type { PoolDetail } from './allocator-data';
import { classColour, css, type AllocatorTheme, type Rgb } from './allocator-theme';
import { cellRect, type PoolBlocksLayout } from './pool-blocks-layout';

/** Links of the chain drawn as a line (from the head): enough to show the LIFO order without
 *  covering a 1,000-block pool in lines; the text under the canvas lists the chain too. */
export const CHAIN_DRAW_LIMIT = 48;

function packRgba(c: Rgb, alpha: number): number {
  // ImageData is RGBA in memory; a Uint32Array view on little-endian hardware reads it as ABGR.
  return ((alpha & 255) << 24) | ((c.b & 255) << 16) | ((c.g & 255) << 8) | (c.r & 255);
}

function blend(a: Rgb, b: Rgb, t: number): Rgb {
  return { r: Math.round(a.r + (b.r - a.r) * t), g: Math.round(a.g + (b.g - a.g) * t), b: Math.round(a.b + (b.b - a.b) * t) };
}

export function drawPoolBlocks(ctx: CanvasRenderingContext2D, layout: PoolBlocksLayout, pool: PoolDetail,
                               theme: AllocatorTheme, scale: number, selectedBlock: number | null,
                               hoverBlock: number | null): void {
  const width = ctx.canvas.width;
  const height = ctx.canvas.height;
  const image = ctx.createImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  const colour = classColour(theme, pool.szidx);
  const allocated = packRgba(colour, 255);
  const freeCentre = packRgba(blend(theme.background, colour, 0.18), 255);
  const untouchedDot = packRgba(theme.untouched, 255);
  const untouchedBg = packRgba(blend(theme.background, theme.untouched, 0.25), 255);

  const fill = (x0: number, y0: number, x1: number, y1: number, value: number): void => {
    for (let y = y0; y < y1; y += 1) pixels.fill(value, y * width + x0, y * width + x1);
  };

  pool.blocks.forEach((block, i) => {
    const r = cellRect(layout, i);
    const x0 = Math.round(r.x * scale);
    const y0 = Math.round(r.y * scale);
    const x1 = Math.min(width, Math.round((r.x + r.w) * scale));
    const y1 = Math.min(height, Math.round((r.y + r.h) * scale));
    if (block.state === 'allocated') {
      fill(x0, y0, x1, y1, allocated);
    } else if (block.state === 'free') {
      const border = Math.max(1, Math.round(2 * scale));
      fill(x0, y0, x1, y1, allocated);
      fill(x0 + border, y0 + border, x1 - border, y1 - border, freeCentre);
    } else {
      fill(x0, y0, x1, y1, untouchedBg);
      const step = Math.max(3, Math.round(4 * scale));
      for (let y = y0 + 1; y < y1; y += step) {
        for (let x = x0 + 1 + ((y - y0) % (2 * step) === 1 ? 0 : step >> 1); x < x1; x += step) {
          pixels[y * width + x] = untouchedDot;
        }
      }
    }
  });
  ctx.putImageData(image, 0, 0);

  ctx.save();
  ctx.scale(scale, scale);
  drawChain(ctx, layout, pool.freeblock, theme);
  if (hoverBlock !== null && hoverBlock < layout.count) ring(ctx, layout, hoverBlock, css(theme.focus), 2);
  if (selectedBlock !== null && selectedBlock < layout.count) {
    ring(ctx, layout, selectedBlock, css(theme.background), 5);
    ring(ctx, layout, selectedBlock, css(theme.selection), 3);
  }
  ctx.restore();
}

function centre(layout: PoolBlocksLayout, block: number): [number, number] {
  const r = cellRect(layout, block);
  return [r.x + r.w / 2, r.y + r.h / 2];
}

function ring(ctx: CanvasRenderingContext2D, layout: PoolBlocksLayout, block: number, style: string, width: number): void {
  const r = cellRect(layout, block);
  ctx.strokeStyle = style;
  ctx.lineWidth = width;
  ctx.strokeRect(r.x - width / 2, r.y - width / 2, r.w + width, r.h + width);
}

function drawChain(ctx: CanvasRenderingContext2D, layout: PoolBlocksLayout, chain: number[], theme: AllocatorTheme): void {
  const drawn = chain.slice(0, CHAIN_DRAW_LIMIT).filter((b) => b < layout.count);
  if (drawn.length === 0) return;
  ctx.strokeStyle = css(theme.chain, 0.85);
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  drawn.forEach((block, i) => {
    const [x, y] = centre(layout, block);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
  // Dots on every link and a ring on the head, so direction and start can be read.
  ctx.fillStyle = css(theme.chain);
  ctx.beginPath();
  for (const block of drawn) {
    const [x, y] = centre(layout, block);
    ctx.moveTo(x + 2, y);
    ctx.arc(x, y, 2, 0, Math.PI * 2);
  }
  ctx.fill();
  const [hx, hy] = centre(layout, drawn[0]);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(hx, hy, Math.max(4, layout.cell / 2 - 1), 0, Math.PI * 2);
  ctx.stroke();
}
