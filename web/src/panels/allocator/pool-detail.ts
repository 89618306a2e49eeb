// The opened pool: a heading, the block counts, a canvas of its blocks with the free-block chain,
// the chain as text, and a line that names the block under the pointer or keyboard cursor.
//
// Two buttons move the step cursor to the previous / next step at which this pool handed out a
// block (the host asks the engine; while it searches both are disabled, and a search that finds
// nothing says so in a polite note under them).
//
// Keyboard: the block canvas is focusable; arrow keys move a cursor block by block (up/down by a
// row), Home/End jump to the first/last block, Enter selects the object in the cursor's block.
// The cursor's description goes to a polite live region, which is the canvas' text alternative
// together with the counts and the chain text.
//
// Invariant: show() replaces everything; a PoolDetail older than the last show() is never drawn
// (the panel checks its request counter before calling show).
import { clamp, el } from '../panel-dom';
import { labelText } from '../object-label';
import type { ObjectLabel, PoolDetail, PoolInfo } from './allocator-data';
import { classColour, css, type AllocatorTheme } from './allocator-theme';
import type { PoolRef } from './arena-map-draw';
import { drawPoolBlocks } from './pool-blocks-draw';
import { blockAt, layoutPoolBlocks, type PoolBlocksLayout } from './pool-blocks-layout';
import { addHex, chainText, ordinal } from './pool-detail-text';
import { canvasPoint } from './canvas-point';

const POOL_OVERHEAD = 48;

export interface PoolDetailHost {
  theme(): AllocatorTheme;
  describeObject(id: number): ObjectLabel | null;
  selectObject(id: number): void;
  close(): void;
  /** Moves the cursor to the next/previous allocation in the open pool; resolves to a note to
   *  show (nothing found, an error) or null when the cursor moved. Absent: no buttons. */
  jumpToAllocation?(ref: PoolRef, direction: 'next' | 'previous'): Promise<string | null>;
}

export class PoolDetailView {
  readonly root = el('section', 'rs-alloc-pool');
  private readonly heading = el('h3', 'rs-alloc-pool-heading');
  private readonly counts = el('p', 'rs-alloc-pool-counts');
  private readonly canvas = el('canvas', 'rs-alloc-blocks');
  private readonly chain = el('p', 'rs-alloc-chain');
  private readonly cursorLine = el('p', 'rs-alloc-cursor');
  private readonly jumpNote = el('p', 'rs-alloc-jump-note');
  private readonly jumpButtons: HTMLButtonElement[] = [];
  private layout: PoolBlocksLayout | null = null;
  private detail: PoolDetail | null = null;
  private info: PoolInfo | null = null;
  private ref: PoolRef | null = null;
  private selectedBlock: number | null = null;
  private hover: number | null = null;
  private cursor = 0;
  /** Milliseconds the last block redraw took (reported by the benchmark). */
  lastDrawMs = 0;

  constructor(private readonly host: PoolDetailHost) {
    const close = el('button', 'rs-alloc-close', 'Close pool');
    close.type = 'button';
    close.addEventListener('click', () => host.close());
    const top = el('div', 'rs-alloc-pool-top');
    top.append(this.heading, close);
    const nav = el('div', 'rs-alloc-pool-nav');
    if (host.jumpToAllocation) {
      for (const [direction, text, title] of [
        ['previous', '◀ Previous allocation here', 'Go back to the last step at which this pool handed out a block'],
        ['next', 'Next allocation here ▶', 'Go to the next step at which this pool hands out a block'],
      ] as const) {
        const button = el('button', `rs-alloc-${direction}-alloc`, text);
        button.type = 'button';
        button.title = title;
        button.addEventListener('click', () => void this.jump(direction));
        this.jumpButtons.push(button);
        nav.append(button);
      }
    }
    nav.hidden = this.jumpButtons.length === 0;
    this.jumpNote.setAttribute('aria-live', 'polite');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.cursorLine.setAttribute('aria-live', 'polite');
    this.root.append(top, nav, this.jumpNote, this.counts, this.canvas, this.cursorLine, this.chain);
    this.root.hidden = true;
    this.canvas.addEventListener('pointermove', (e) => this.pointer(e, false));
    this.canvas.addEventListener('pointerleave', () => { this.hover = null; this.redraw(); });
    this.canvas.addEventListener('click', (e) => this.pointer(e, true));
    this.canvas.addEventListener('keydown', (e) => this.key(e));
  }

  get openRef(): PoolRef | null {
    return this.ref;
  }

  hide(): void {
    this.root.hidden = true;
    this.ref = null;
    this.detail = null;
  }

  show(ref: PoolRef, info: PoolInfo | null, detail: PoolDetail, selectedBlock: number | null): void {
    const samePool = this.ref?.arena === ref.arena && this.ref?.pool === ref.pool;
    if (!samePool) this.jumpNote.textContent = '';
    this.ref = ref;
    this.info = info;
    this.detail = detail;
    this.selectedBlock = selectedBlock;
    this.layout = layoutPoolBlocks(detail.blocks.length);
    if (!samePool) this.cursor = selectedBlock ?? detail.freeblock[0] ?? 0;
    this.cursor = clamp(this.cursor, 0, Math.max(0, detail.blocks.length - 1));
    this.root.hidden = false;
    this.root.style.setProperty('--rs-pool-colour', css(classColour(this.host.theme(), detail.szidx)));

    let allocated = 0, free = 0, untouched = 0;
    for (const b of detail.blocks) {
      if (b.state === 'allocated') allocated += 1;
      else if (b.state === 'free') free += 1;
      else untouched += 1;
    }
    this.heading.textContent =
      `Arena ${ref.arena}, pool ${ref.pool}: ${detail.block_size}-byte blocks (size class ${detail.szidx}), ${detail.state}`;
    this.counts.textContent = `${detail.blocks.length} blocks: ${allocated} allocated, ${free} free, ${untouched} untouched` +
      (info ? ` · pool at ${info.address}` : '');
    this.canvas.setAttribute('aria-label',
      `blocks of arena ${ref.arena}, pool ${ref.pool}: ${allocated} allocated, ${free} free, ${untouched} untouched. Arrow keys move between blocks.`);
    this.chain.textContent = chainText(detail.freeblock);
    this.sizeCanvas();
    this.redraw();
    this.describeCursor(this.hover ?? this.cursor);
  }

  private async jump(direction: 'next' | 'previous'): Promise<void> {
    const ref = this.ref;
    if (!ref || !this.host.jumpToAllocation) return;
    for (const button of this.jumpButtons) button.disabled = true;
    this.jumpNote.textContent = 'Searching the run…';
    try {
      const note = await this.host.jumpToAllocation(ref, direction);
      this.jumpNote.textContent = note ?? '';
    } finally {
      for (const button of this.jumpButtons) button.disabled = false;
    }
  }

  setSelectedBlock(block: number | null): void {
    this.selectedBlock = block;
    this.redraw();
  }

  redraw(): void {
    if (!this.detail || !this.layout) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const start = performance.now();
    const cursor = document.activeElement === this.canvas ? this.cursor : this.hover;
    drawPoolBlocks(ctx, this.layout, this.detail, this.host.theme(), this.scale(), this.selectedBlock, cursor);
    this.lastDrawMs = performance.now() - start;
    this.canvas.dataset.drawMs = this.lastDrawMs.toFixed(3);
  }

  private scale(): number {
    return Math.max(1, Math.round(window.devicePixelRatio || 1));
  }

  private sizeCanvas(): void {
    if (!this.layout) return;
    const s = this.scale();
    const w = this.layout.width * s;
    const h = this.layout.height * s;
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.canvas.style.width = `${this.layout.width}px`;
  }

  private pointer(event: PointerEvent | MouseEvent, click: boolean): void {
    if (!this.layout || !this.detail) return;
    const [x, y] = canvasPoint(this.canvas, this.layout.width, event);
    const block = blockAt(this.layout, x, y);
    if (click) {
      if (block === null) return;
      this.cursor = block;
      const object = this.detail.blocks[block]?.object;
      if (object !== null && object !== undefined) this.host.selectObject(object);
    } else if (block !== this.hover) {
      this.hover = block;
      if (block !== null) this.describeCursor(block);
      this.redraw();
    }
  }

  private key(event: KeyboardEvent): void {
    if (!this.layout || !this.detail) return;
    const n = this.detail.blocks.length;
    const moves: Record<string, number> = {
      ArrowLeft: -1, ArrowRight: 1, ArrowUp: -this.layout.columns, ArrowDown: this.layout.columns,
    };
    if (event.key in moves) this.cursor = clamp(this.cursor + moves[event.key], 0, n - 1);
    else if (event.key === 'Home') this.cursor = 0;
    else if (event.key === 'End') this.cursor = n - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      const object = this.detail.blocks[this.cursor]?.object;
      if (object !== null && object !== undefined) this.host.selectObject(object);
    } else if (event.key === 'Escape') {
      this.host.close();
    } else return;
    event.preventDefault();
    this.describeCursor(this.cursor);
    this.redraw();
  }

  private describeCursor(block: number): void {
    if (!this.detail) return;
    const b = this.detail.blocks[block];
    if (!b) { this.cursorLine.textContent = ''; return; }
    const offset = POOL_OVERHEAD + block * this.detail.block_size;
    const address = this.info ? addHex(this.info.address, offset) : `offset ${offset}`;
    let text = `Block ${block} at ${address}: ${b.state}`;
    if (b.state === 'free') {
      const position = this.detail.freeblock.indexOf(block);
      if (position >= 0) text += ` (${ordinal(position + 1)} on the free list)`;
    }
    if (b.object !== null) {
      const label = this.host.describeObject(b.object);
      text += label ? ` — ${labelText(b.object, label)}` : ` — an object of the interpreter (#${b.object})`;
    }
    this.cursorLine.textContent = text;
  }
}
