// The allocator panel: pymalloc's arenas as a map of pools (arena-map-view), the pool opened from
// it block by block (pool-detail), the usedpools / usable_arenas / malloc lists, the totals and
// the _debugmallocstats text (allocator-lists), with a legend and a text alternative for the
// canvas (allocator-legend). It knows nothing of the engine or the store: the host hands it one
// AllocatorView per step and answers loadPool; mount-allocator.ts wires it to the store.
//
// Invariants: 1. update() redraws everything from the view it is given (no state carried between
// steps except which pool is open, the cursor and the collapsed sections); 2. a pool answer is
// drawn only if no newer loadPool was started since (requestCounter); 3. the object selected in
// the store has its pool ringed on the map and, when that pool is open, its block ringed.
import { el } from '../panel-dom';
import type { AllocatorSnapshot, BlockPlace, ObjectLabel, PoolDetail, PoolInfo } from './allocator-data';
import { renderLegend, renderMapTable } from './allocator-legend';
import { renderMallocStats, renderRaw, renderTotals, renderUsableArenas, renderUsedPools } from './allocator-lists';
import { readTheme, type AllocatorTheme } from './allocator-theme';
import type { PoolRef } from './arena-map-draw';
import { ArenaMapView } from './arena-map-view';
import { PoolDetailView } from './pool-detail';
import './allocator.css';

export interface AllocatorView {
  snapshot: AllocatorSnapshot;
  /** The block of the object selected in the store, or null. */
  selected: BlockPlace | null;
  /** The malloc chunk holding the object selected in the store, by address, or null. */
  selectedChunk?: string | null;
}

export interface AllocatorPanelHost {
  /**
   * One pool block by block at the current step (the `pool` command); null when the engine
   * cannot say; undefined when the answer is outdated (the step moved on) and must be ignored.
   * A rejection is shown as the reason.
   */
  loadPool(arena: number, pool: number): Promise<PoolDetail | null | undefined>;
  selectObject(id: number): void;
  describeObject(id: number): ObjectLabel | null;
  /** The object whose memory starts at `address` (a malloc chunk), if any. */
  objectAt(address: string): ObjectLabel | null;
  /**
   * Moves the step cursor to the next (previous) step at which the pool handed out a block;
   * resolves to a note for the user when there is none (or the search failed), null when the
   * cursor moved. Absent: the pool view offers no such buttons.
   */
  findAllocation?(arena: number, pool: number, direction: 'next' | 'previous'): Promise<string | null>;
}

let panelCount = 0;

export class AllocatorPanel {
  readonly root = el('section', 'rs-allocator');
  private readonly totals = el('div', 'rs-alloc-totals-wrap');
  private readonly legend = el('div');
  private readonly mapTable = el('div');
  private readonly map: ArenaMapView;
  private readonly poolNote = el('p', 'rs-alloc-note');
  private readonly placeholder = el('p', 'rs-alloc-note');
  private readonly body = el('div', 'rs-alloc-body');
  private readonly detail: PoolDetailView;
  private readonly usedpools = el('div');
  private readonly arenas = el('div');
  private readonly raw = el('div');
  private readonly stats = el('div');
  private readonly resize: ResizeObserver;
  private view: AllocatorView | null = null;
  private theme: AllocatorTheme | null = null;
  private open: PoolRef | null = null;
  private requestCounter = 0;
  private lastSelected: string | null = null;
  /** The panel's content width, kept by the ResizeObserver (reading it per step forces a layout). */
  private width: number | null = null;

  constructor(container: HTMLElement, private readonly host: AllocatorPanelHost) {
    panelCount += 1;
    const id = `rs-alloc-${panelCount}`;
    const heading = el('h2', 'rs-alloc-heading', 'Allocator (pymalloc)');
    heading.id = `${id}-heading`;
    this.root.setAttribute('aria-labelledby', heading.id);
    this.mapTable.id = `${id}-table`;
    this.map = new ArenaMapView({
      theme: () => this.currentTheme(),
      open: (ref) => this.openPool(ref),
      close: () => this.closePool(),
    }, this.mapTable.id);
    this.detail = new PoolDetailView({
      theme: () => this.currentTheme(),
      describeObject: (oid) => host.describeObject(oid),
      selectObject: (oid) => host.selectObject(oid),
      close: () => this.closePool(),
      jumpToAllocation: host.findAllocation
        ? (ref, direction) => host.findAllocation!(ref.arena, ref.pool, direction)
        : undefined,
    });
    const mapSection = el('div', 'rs-alloc-map-section');
    mapSection.append(this.legend, this.map.canvas, this.map.line, this.mapTable);
    const lists = el('div', 'rs-alloc-columns');
    lists.append(
      section('usedpools', 'Partly used pools of each size class; the first one serves the next request.', this.usedpools),
      section('usable_arenas', 'Arenas with a free pool, fewest free first; new pools come from the first.', this.arenas),
      section('malloc', 'Requests larger than 512 bytes skip pymalloc and go to the system allocator.', this.raw),
    );
    this.body.append(this.totals, mapSection, this.poolNote, this.detail.root, lists, this.stats);
    this.root.append(heading, this.placeholder, this.body);
    this.poolNote.hidden = true;
    this.placeholder.hidden = true;
    container.append(this.root);

    this.resize = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (width === this.width) return;
      this.width = width;
      this.relayout();
    });
    this.resize.observe(this.root);
  }

  /** Shows a message instead of the allocator (no run yet, or the run was dropped). */
  clear(message: string): void {
    this.view = null;
    this.open = null;
    this.requestCounter += 1;
    this.detail.hide();
    this.placeholder.textContent = message;
    this.placeholder.hidden = false;
    this.body.hidden = true;
  }

  /** Re-reads the colours (the page switched between light and dark) and redraws. */
  themeChanged(): void {
    // On the next frame: the page may switch its theme attribute after this listener ran.
    requestAnimationFrame(() => {
      this.theme = null;
      if (this.view) this.legend.replaceChildren(renderLegend(this.view.snapshot, this.currentTheme()));
      this.map.draw();
      this.detail.redraw();
    });
  }

  /** Shows one step. */
  update(view: AllocatorView): void {
    this.view = view;
    this.placeholder.hidden = true;
    this.body.hidden = false;
    const { snapshot } = view;
    this.totals.replaceChildren(renderTotals(snapshot));
    this.legend.replaceChildren(renderLegend(snapshot, this.currentTheme()));
    this.mapTable.replaceChildren(renderMapTable(snapshot));
    this.usedpools.replaceChildren(renderUsedPools(snapshot, (ref) => this.openPool(ref)));
    this.arenas.replaceChildren(renderUsableArenas(snapshot));
    this.raw.replaceChildren(renderRaw(snapshot, (address) => this.host.objectAt(address), view.selectedChunk ?? null,
      (oid) => this.host.selectObject(oid)));
    const statsOpen = this.stats.querySelector('details')?.open ?? false;
    // The section appears when the engine's state carries the text (the `state` command of trace
    // format 1 does not yet; alloc_scenario does).
    this.stats.replaceChildren(...(snapshot.debugmallocstats ? [renderMallocStats(snapshot.debugmallocstats, statsOpen)] : []));

    const selectedKey = view.selected ? `${view.selected.arena}:${view.selected.pool}:${view.selected.block}` : null;
    if (view.selected && selectedKey !== this.lastSelected) this.open = { arena: view.selected.arena, pool: view.selected.pool };
    this.lastSelected = selectedKey;
    if (this.open && !this.poolInfo(this.open)) this.open = null;
    this.relayout();
    this.reloadPool();
  }

  destroy(): void {
    this.resize.disconnect();
    this.root.remove();
  }

  /** Opens a pool's block view (also reachable from the lists and the keyboard). */
  openPool(ref: PoolRef): void {
    this.open = ref;
    this.map.setCursor(ref);
    this.relayout();
    this.reloadPool();
  }

  get lastMapDrawMs(): number {
    return this.map.lastDrawMs;
  }

  get lastPoolDrawMs(): number {
    return this.detail.lastDrawMs;
  }

  private closePool(): void {
    this.open = null;
    this.requestCounter += 1;
    this.detail.hide();
    this.poolNote.hidden = true;
    this.relayout();
    this.map.canvas.focus();
  }

  private currentTheme(): AllocatorTheme {
    this.theme ??= readTheme(this.root);
    return this.theme;
  }

  private poolInfo(ref: PoolRef): PoolInfo | null {
    const arena = this.view?.snapshot.arenas.find((a) => a.index === ref.arena);
    if (!arena || ref.pool >= arena.ntotalpools) return null;
    return arena.pools[ref.pool] ?? null;
  }

  private reloadPool(): void {
    const ref = this.open;
    const request = ++this.requestCounter;
    if (!ref) { this.detail.hide(); this.poolNote.hidden = true; return; }
    const info = this.poolInfo(ref);
    if (!info || info.state === 'unused') {
      this.detail.hide();
      this.poolNote.textContent = `Pool ${ref.pool} of arena ${ref.arena} has not been carved yet: it has no blocks.`;
      this.poolNote.hidden = false;
      return;
    }
    this.host.loadPool(ref.arena, ref.pool).then((answer) => {
      if (request !== this.requestCounter || answer === undefined) return;
      if (!answer) {
        this.detail.hide();
        this.poolNote.textContent = 'The engine cannot show this pool block by block yet.';
        this.poolNote.hidden = false;
        return;
      }
      this.poolNote.hidden = true;
      this.detail.show(ref, info, answer, this.selectedBlockIn(ref));
    }, (error: unknown) => {
      if (request !== this.requestCounter) return;
      this.detail.hide();
      this.poolNote.textContent = `Could not load the pool: ${error instanceof Error ? error.message : String(error)}`;
      this.poolNote.hidden = false;
    });
  }

  private selectedBlockIn(ref: PoolRef): number | null {
    const s = this.view?.selected;
    return s && s.arena === ref.arena && s.pool === ref.pool ? s.block : null;
  }

  private relayout(): void {
    if (!this.view) return;
    this.width ??= this.root.clientWidth;
    const s = this.view.selected;
    this.map.show({ snapshot: this.view.snapshot, open: this.open, selected: s ? { arena: s.arena, pool: s.pool } : null }, this.width);
  }
}

function section(title: string, note: string, body: HTMLElement): HTMLElement {
  const wrap = el('section', 'rs-alloc-list-section');
  const heading = el('h3', 'rs-alloc-mono', title);
  wrap.setAttribute('aria-label', title);
  wrap.append(heading, el('p', 'rs-alloc-list-note', note), body);
  return wrap;
}
