// The frames-and-objects drawing: plain SVG with the frames column on the left, object cards at
// the spots HeapLayout gives them, and arrows between. Updated in place from one state to the
// next: a card whose picture did not change keeps its node; a card whose object is gone fades
// out (class rs-leaving) and is removed afterwards; an arrow that did not change keeps its node.
// Only cards within VIEW_MARGIN of the visible part of the scroller are built (setViewport):
// a heap of thousands of objects costs the page no more than the few dozen in view.
// Arrange (rearrange()) forgets every place and lays the shown state out afresh.
// Invariants: objects stay where HeapLayout put them until Arrange (a card is rebuilt if its spot changed); every update shows exactly the objects of the
// given state plus the ones fading out; the SVG has a <title> and a <desc> that say what it shows.
import type { HeapObject, StepState } from '../../engine/trace-types';
import { svg } from '../../util/dom';
import { arrowD, arrowPath, type ArrowEnds } from './arrows';
import { CARD_HEADER, CARD_WIDTH, FRAME_HEADER, FRAME_WIDTH, PAD, ROW, isInline, rowCap } from './geometry';
import { HeapLayout, type Spot } from './heap-layout';
import { drawnReferents } from './drawn-edges';
import { layoutFrames, type FrameBox } from './frames-layout';
import { buildCard, cardSignature } from './object-card';
import { clip } from './describe';

const FADE_MS = 700;
const VIEW_MARGIN = 400;

export interface Viewport {
  left: number;
  top: number;
  width: number;
  height: number;
}

export class HeapView {
  readonly svg: SVGSVGElement;
  private layout = new HeapLayout();
  private readonly title: SVGTitleElement;
  private readonly desc: SVGDescElement;
  private readonly framesLayer: SVGGElement;
  private readonly arrowsLayer: SVGGElement;
  private readonly cardsLayer: SVGGElement;
  private readonly cards = new Map<number, { node: SVGGElement; signature: string; leaving: number | null }>();
  /** Drawn arrows by `from>to|path`: an arrow that did not change keeps its node. */
  private arrows = new Map<string, SVGPathElement>();
  private viewport: Viewport = { left: 0, top: 0, width: 1600, height: 1200 };
  private last: { state: StepState; showStack: boolean; selected: number | null } | null = null;

  /** Where an object is drawn (undefined if it never was). */
  spotOf(id: number): Spot | undefined {
    return this.layout.spot(id);
  }

  /** The part of the drawing the user can see (scroll offsets and size of the scroller). */
  setViewport(viewport: Viewport): void {
    this.viewport = viewport;
    if (this.last) this.update(this.last.state, this.last.showStack, this.last.selected);
  }

  private inView(x: number, y: number, width: number, height: number): boolean {
    const v = this.viewport;
    return x < v.left + v.width + VIEW_MARGIN && x + width > v.left - VIEW_MARGIN
      && y < v.top + v.height + VIEW_MARGIN && y + height > v.top - VIEW_MARGIN;
  }

  constructor() {
    this.svg = svg('svg', { class: 'rs-heap-svg', role: 'group', 'aria-labelledby': 'rs-heap-title rs-heap-desc', width: 400, height: 200 });
    this.title = svg('title', { id: 'rs-heap-title' }, 'Frames and objects');
    this.desc = svg('desc', { id: 'rs-heap-desc' }, 'Nothing has run yet.');
    const defs = svg('defs');
    const marker = svg('marker', { id: 'rs-arrowhead', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'rs-arrowhead' }));
    defs.append(marker);
    this.framesLayer = svg('g', { class: 'rs-frames' });
    this.arrowsLayer = svg('g', { class: 'rs-arrows', 'aria-hidden': 'true' });
    this.cardsLayer = svg('g', { class: 'rs-cards' });
    this.svg.append(this.title, this.desc, defs, this.framesLayer, this.cardsLayer, this.arrowsLayer);
  }

  /** Forgets all places (a new trace). */
  reset(): void {
    this.layout = new HeapLayout();
    this.cards.clear();
    this.cardsLayer.replaceChildren();
    this.arrowsLayer.replaceChildren();
    this.arrows.clear();
    this.framesLayer.replaceChildren();
    this.desc.textContent = 'Nothing has run yet.';
  }

  /** Lays the shown state out afresh ("Arrange"): every place is forgotten, so the objects of
   *  this state are placed in reading order without the gaps the dead left; later states
   *  keep the new places. */
  rearrange(): void {
    const last = this.last;
    this.layout = new HeapLayout();
    for (const card of this.cards.values()) if (card.leaving !== null) window.clearTimeout(card.leaving);
    this.cards.clear();
    this.cardsLayer.replaceChildren();
    this.arrows.clear();
    this.arrowsLayer.replaceChildren();
    if (last) this.update(last.state, last.showStack, last.selected);
  }

  update(state: StepState, showStack: boolean, selected: number | null): void {
    this.last = { state, showStack, selected };
    const objects = new Map<number, HeapObject>(state.objects.map((o) => [o.id, o]));
    const boxes = layoutFrames(state, showStack);
    const anchors = boxes.flatMap((box) => box.rows.map((row) => ({ object: row.object, y: row.y })));
    const visible = this.layout.place(state, anchors);

    // Frames.
    this.framesLayer.replaceChildren();
    const arrows: ArrowEnds[] = [];
    for (const box of boxes) {
      const group = svg('g', { class: 'rs-frame', transform: `translate(${PAD},${box.y})`, 'data-frame': box.frame.name });
      group.append(svg('rect', { class: 'rs-frame-box', width: FRAME_WIDTH, height: box.height, rx: 4 }));
      group.append(svg('text', { class: 'rs-frame-name', x: 10, y: 17 }, `${clip(box.frame.name, 18)}${box.frame.line ? `  line ${box.frame.line}` : ''}`));
      box.rows.forEach((row, index) => {
        const y = FRAME_HEADER + index * ROW;
        const rowGroup = svg('g', { class: `rs-frame-row rs-row-${row.kind}`, 'data-name': row.label, 'data-object': row.object });
        rowGroup.append(svg('line', { class: 'rs-card-rule', x1: 0, x2: FRAME_WIDTH, y1: y, y2: y }));
        rowGroup.append(svg('text', { class: 'rs-var-name', x: 10, y: y + 14 }, clip(row.label, 18)));
        const target = objects.get(row.object);
        if (target && isInline(target)) {
          rowGroup.append(svg('text', { class: 'rs-slot-inline', x: FRAME_WIDTH - 10, y: y + 14, 'text-anchor': 'end' }, target.summary));
        } else {
          rowGroup.append(svg('circle', { class: 'rs-anchor', cx: FRAME_WIDTH - 10, cy: y + ROW / 2, r: 3 }));
          const spot = this.layout.spot(row.object);
          if (spot) arrows.push({ x: PAD + FRAME_WIDTH - 10, y: box.y + y + ROW / 2, target: spot, from: `frame:${box.frame.id}:${row.label}`, to: row.object });
        }
        group.append(rowGroup);
      });
      if (box.rows.length === 0) group.append(svg('text', { class: 'rs-hint-svg', x: 10, y: FRAME_HEADER + 14 }, 'no names yet'));
      this.framesLayer.append(group);
    }

    // Cards: reuse unchanged ones, replace changed ones, fade out the gone.
    const present = new Set<number>();
    for (const object of state.objects) {
      if (isInline(object) || !visible.has(object.id)) continue;
      const spot = this.layout.spot(object.id);
      if (!spot) continue;
      present.add(object.id);
      const cardInView = this.inView(spot.x, spot.y, CARD_WIDTH, spot.height);
      if (cardInView) {
        this.drawCard(object, spot, objects);
      } else {
        const offscreen = this.cards.get(object.id);
        if (offscreen) {
          if (offscreen.leaving !== null) window.clearTimeout(offscreen.leaving);
          offscreen.node.remove();
          this.cards.delete(object.id);
        }
      }
      drawnReferents(object).slice(0, rowCap(object)).forEach((ref, row) => {
        const target = objects.get(ref.object);
        const targetSpot = this.layout.spot(ref.object);
        if (!target || isInline(target) || !targetSpot || !visible.has(ref.object)) return;
        if (!cardInView && !this.inView(targetSpot.x, targetSpot.y, CARD_WIDTH, targetSpot.height)) return;
        arrows.push({ x: spot.x + CARD_WIDTH - 10, y: spot.y + CARD_HEADER + row * ROW + ROW / 2, target: targetSpot, from: `object:${object.id}:${ref.label}`, to: ref.object });
      });
    }
    this.fadeAndArrows(state, present, arrows, selected, boxes, visible);
  }

  private drawCard(object: HeapObject, spot: Spot, objects: Map<number, HeapObject>): void {
    {
      const signature = `${spot.y}|${cardSignature(object, objects)}`;
      const old = this.cards.get(object.id);
      if (old && old.signature === signature) {
        if (old.leaving !== null) {
          window.clearTimeout(old.leaving);
          old.leaving = null;
          old.node.classList.remove('rs-leaving');
        }
      } else {
        const node = buildCard(object, spot, objects);
        if (old) {
          if (old.leaving !== null) window.clearTimeout(old.leaving);
          old.node.replaceWith(node);
        } else this.cardsLayer.append(node);
        this.cards.set(object.id, { node, signature, leaving: null });
      }
    }
  }

  private fadeAndArrows(state: StepState, present: Set<number>, arrows: ArrowEnds[], selected: number | null, boxes: FrameBox[], visible: Set<number>): void {
    for (const [id, card] of this.cards) {
      if (present.has(id) || card.leaving !== null) continue;
      card.node.classList.add('rs-leaving');
      card.node.setAttribute('aria-hidden', 'true');
      card.leaving = window.setTimeout(() => {
        card.node.remove();
        this.cards.delete(id);
      }, FADE_MS);
    }
    for (const [id, card] of this.cards) {
      card.node.classList.toggle('rs-selected', id === selected);
      if (card.leaving === null) card.node.removeAttribute('aria-hidden');
    }

    // Arrows.
    const kept = new Map<string, SVGPathElement>();
    for (const ends of arrows) {
      const d = arrowD(ends);
      const key = `${ends.from}>${ends.to}|${d}`;
      let path = this.arrows.get(key) ?? kept.get(key);
      if (!path) {
        path = arrowPath(ends, d);
        this.arrowsLayer.append(path);
      }
      this.arrows.delete(key);
      kept.set(key, path);
      const fromSelected = selected !== null && ends.from.startsWith(`object:${selected}:`);
      path.classList.toggle('rs-arrow-selected', ends.to === selected || fromSelected);
    }
    for (const stale of this.arrows.values()) stale.remove();
    this.arrows = kept;

    // Size and description.
    const extent = this.layout.extent(visible);
    const framesBottom = boxes.length ? boxes[boxes.length - 1].y + boxes[boxes.length - 1].height + PAD : 0;
    this.svg.setAttribute('width', String(Math.max(extent.width, PAD * 2 + FRAME_WIDTH)));
    this.svg.setAttribute('height', String(Math.max(extent.height, framesBottom, 120)));
    const unreachable = state.objects.filter((o) => o.marks.includes('unreachable')).length;
    const shown = present.size;
    this.desc.textContent = `${state.frames.length} frame${state.frames.length === 1 ? '' : 's'} (${state.frames.map((f) => f.name).join(', ')}); ${shown} object${shown === 1 ? '' : 's'}${unreachable ? `; ${unreachable} alive but unreachable, waiting for the collector` : ''}.`;
  }
}
