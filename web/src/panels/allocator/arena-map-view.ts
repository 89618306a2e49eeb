// The arena map as an interactive canvas: sizes it to the panel's width (arena-map-layout),
// paints it (arena-map-draw), hit-tests pointer moves and clicks by arithmetic, and moves a pool
// cursor with the keyboard. A polite live line under it names the pool under the pointer or
// cursor; together with the tally tables of allocator-legend it is the canvas' text alternative.
//
// Keyboard: arrows move the cursor (left/right by pool, up/down by row), PageUp / PageDown to the
// previous / next arena, Home / End to the arena's first / last pool, Enter or Space asks to open
// the pool, Escape asks to close it.
//
// Invariants: 1. the cursor, when set, names a pool of a drawn arena (clamped to ntotalpools);
// 2. show() and every interaction repaint the whole canvas; 3. the width comes from the owner
// (kept by its ResizeObserver), never read from the DOM per step.
import { clamp, el } from '../panel-dom';
import type { AllocatorSnapshot, PoolInfo } from './allocator-data';
import type { AllocatorTheme } from './allocator-theme';
import { drawArenaMap, type PoolRef } from './arena-map-draw';
import { layoutArenaMap, POOL_COLUMNS, tileAt, type ArenaMapLayout } from './arena-map-layout';
import { canvasPoint } from './canvas-point';

export interface ArenaMapHost {
  theme(): AllocatorTheme;
  open(ref: PoolRef): void;
  close(): void;
}

export interface ArenaMapState {
  snapshot: AllocatorSnapshot;
  open: PoolRef | null;
  selected: PoolRef | null;
}

export class ArenaMapView {
  readonly canvas = el('canvas', 'rs-alloc-map');
  readonly line = el('p', 'rs-alloc-cursor');
  private layout: ArenaMapLayout | null = null;
  private state: ArenaMapState | null = null;
  private focus: PoolRef | null = null;
  private hover: PoolRef | null = null;
  /** Milliseconds the last redraw took (reported by the benchmark). */
  lastDrawMs = 0;

  constructor(private readonly host: ArenaMapHost, describedBy: string) {
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-describedby', describedBy);
    this.line.setAttribute('aria-live', 'polite');
    this.line.textContent = 'Point at a pool to see what it holds; click it, or select an object, to see its blocks.';
    this.canvas.addEventListener('pointermove', (e) => this.pointer(e, false));
    this.canvas.addEventListener('pointerleave', () => { this.hover = null; this.canvas.style.cursor = ''; this.draw(); });
    this.canvas.addEventListener('click', (e) => this.pointer(e, true));
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('focus', () => { this.focus ??= this.firstPool(); this.describe(this.focus); this.draw(); });
    this.canvas.addEventListener('blur', () => this.draw());
  }

  /** Lays the map out for `width` CSS pixels and paints `state`. */
  show(state: ArenaMapState, width: number): void {
    this.state = state;
    this.canvas.setAttribute('aria-label', mapLabel(state.snapshot));
    this.layout = layoutArenaMap(state.snapshot.arenas, Math.max(300, width - 4));
    const scale = Math.max(1, Math.round(window.devicePixelRatio || 1));
    const w = Math.max(1, this.layout.width);
    const h = Math.max(1, this.layout.height);
    if (this.canvas.width !== w * scale) this.canvas.width = w * scale;
    if (this.canvas.height !== h * scale) this.canvas.height = h * scale;
    this.canvas.style.width = `${w}px`;
    this.draw();
  }

  /** Moves the keyboard cursor to a pool (when it was opened from elsewhere). */
  setCursor(ref: PoolRef): void {
    this.focus = ref;
  }

  draw(): void {
    if (!this.state || !this.layout) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const start = performance.now();
    const scale = this.canvas.width / Math.max(1, this.layout.width);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const focused = document.activeElement === this.canvas;
    drawArenaMap(ctx, this.layout, this.state.snapshot, this.host.theme(), {
      focus: focused ? this.focus : this.hover,
      focused: focused || this.hover !== null,
      open: this.state.open,
      selected: this.state.selected,
    });
    this.lastDrawMs = performance.now() - start;
    this.canvas.dataset.drawMs = this.lastDrawMs.toFixed(3);
  }

  private poolInfo(ref: PoolRef): PoolInfo | null {
    const arena = this.state?.snapshot.arenas.find((a) => a.index === ref.arena);
    if (!arena || ref.pool >= arena.ntotalpools) return null;
    return arena.pools[ref.pool] ?? null;
  }

  private pointer(event: MouseEvent, click: boolean): void {
    if (!this.layout) return;
    const [x, y] = canvasPoint(this.canvas, this.layout.width, event);
    const hit = tileAt(this.layout, x, y);
    if (click) {
      if (hit) { this.focus = hit; this.host.open(hit); }
      return;
    }
    if (hit?.arena !== this.hover?.arena || hit?.pool !== this.hover?.pool) {
      this.hover = hit;
      this.canvas.style.cursor = hit ? 'pointer' : '';
      if (hit) this.describe(hit);
      this.draw();
    }
  }

  private firstPool(): PoolRef | null {
    const arena = this.state?.snapshot.arenas[0];
    return arena ? { arena: arena.index, pool: 0 } : null;
  }

  private key(event: KeyboardEvent): void {
    const arenas = this.state?.snapshot.arenas ?? [];
    if (arenas.length === 0) return;
    const focus = this.focus ?? this.firstPool()!;
    let order = Math.max(0, arenas.findIndex((a) => a.index === focus.arena));
    let pool = focus.pool;
    const last = () => arenas[order].ntotalpools - 1;
    switch (event.key) {
      case 'ArrowLeft': pool -= 1; break;
      case 'ArrowRight': pool += 1; break;
      case 'ArrowUp': pool -= POOL_COLUMNS; break;
      case 'ArrowDown': pool += POOL_COLUMNS; break;
      case 'PageUp': order = Math.max(0, order - 1); break;
      case 'PageDown': order = Math.min(arenas.length - 1, order + 1); break;
      case 'Home': pool = 0; break;
      case 'End': pool = last(); break;
      case 'Enter': case ' ': this.host.open(focus); event.preventDefault(); return;
      case 'Escape': if (this.state?.open) { this.host.close(); event.preventDefault(); } return;
      default: return;
    }
    event.preventDefault();
    this.focus = { arena: arenas[order].index, pool: clamp(pool, 0, last()) };
    this.describe(this.focus);
    this.draw();
  }

  private describe(ref: PoolRef | null): void {
    if (!ref) return;
    const info = this.poolInfo(ref);
    const where = `Arena ${ref.arena}, pool ${ref.pool}`;
    this.line.textContent = !info || info.state === 'unused'
      ? `${where}: not carved yet.`
      : `${where}: ${info.block_size}-byte blocks, ${info.state}, ${info.count} of ${info.capacity} blocks allocated` +
        ` (${info.nfree} free, ${info.untouched} untouched). Click or press Enter to open it.`;
  }
}

function mapLabel(snapshot: AllocatorSnapshot): string {
  const carved = snapshot.arenas.reduce((n, a) => n + a.pools.filter((p) => p.state !== 'unused').length, 0);
  return `Map of ${snapshot.arenas.length} arena${snapshot.arenas.length === 1 ? '' : 's'} and ${carved} carved pools. ` +
    'Arrow keys move between pools, Enter opens one; the table that follows lists them.';
}
