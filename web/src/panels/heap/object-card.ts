// One heap object drawn as an SVG card: type and refcount badge; value summary; size, address
// and GC state; marks (cached small int, interned, unreachable…); one row per reference it holds
// (at most rowCap, then "+N more"), each row an anchor its arrow leaves from. Inline values
// (None, True, False) are written in the row instead of an arrow.
// Invariants: text from the program only ever goes through textContent (svg() helper); the card
// is keyboard-focusable with an aria-label that says everything its picture says.
import type { HeapObject } from '../../engine/trace-types';
import { svg } from '../../util/dom';
import { clip, describeObject, gcLabel, shortAddress, shortMark } from './describe';
import { CARD_HEADER, CARD_WIDTH, ROW, cardHeight, isInline, rowCap } from './geometry';
import type { Spot } from './heap-layout';
import { drawnReferents } from './drawn-edges';

/** What decides the card's picture: equal signatures, same drawing (the node is reused). */
export function cardSignature(object: HeapObject, objects: Map<number, HeapObject>): string {
  const rows = drawnReferents(object);
  const inline = rows.slice(0, rowCap(object)).map((r) => {
    const target = objects.get(r.object);
    return target && isInline(target) ? target.summary : '';
  });
  return JSON.stringify([object.type, object.summary, object.size, object.refcount, object.gc, object.marks, rows.length, rows.slice(0, rowCap(object)).map((r) => r.label), inline]);
}

export function buildCard(object: HeapObject, spot: Spot, objects: Map<number, HeapObject>): SVGGElement {
  const height = cardHeight(object);
  const classes = ['rs-card', `rs-gc-${object.gc}`];
  if (object.marks.includes('unreachable')) classes.push('rs-unreachable');
  const group = svg('g', {
    class: classes.join(' '),
    transform: `translate(${spot.x},${spot.y})`,
    tabindex: 0,
    role: 'button',
    'data-object': object.id,
    'data-type': object.type,
    'data-refcount': object.refcount,
    'aria-label': describeObject(object),
  });
  group.append(svg('title', {}, describeObject(object)));
  group.append(svg('rect', { class: 'rs-card-box', width: CARD_WIDTH, height, rx: 6 }));
  group.append(svg('rect', { class: 'rs-card-gc', width: 6, height, rx: 3 }));
  group.append(svg('text', { class: 'rs-card-type', x: 14, y: 17 }, object.type));

  const badge = svg('g', { class: 'rs-refcount', transform: `translate(${CARD_WIDTH - 8},4)` });
  const countText = object.marks.includes('immortal') ? '∞' : object.refcount > 99999 ? `${Math.round(object.refcount / 1000)}k` : String(object.refcount);
  const badgeWidth = 16 + countText.length * 7.5;
  badge.append(svg('rect', { x: -badgeWidth, width: badgeWidth, height: 18, rx: 9 }));
  badge.append(svg('text', { x: -badgeWidth / 2, y: 13, 'text-anchor': 'middle', 'data-refcount-text': '' }, countText));
  group.append(badge);
  group.append(svg('text', { class: 'rs-card-rc-label', x: CARD_WIDTH - 12 - badgeWidth, y: 16, 'text-anchor': 'end' }, 'refs'));

  const marks = object.marks.map(shortMark).filter((m) => m !== '');
  const marksText = marks.join(' · ');
  group.append(svg('text', { class: 'rs-card-summary', x: 14, y: 35 }, clip(object.summary, marks.length ? Math.max(6, 26 - marksText.length) : 27)));
  if (marks.length) {
    group.append(svg('text', { class: 'rs-card-marks', x: CARD_WIDTH - 8, y: 35, 'text-anchor': 'end' }, marksText));
  }
  const meta = `${object.size} B · ${shortAddress(object.address)} · ${gcLabel(object.gc)}`;
  group.append(svg('text', { class: 'rs-card-meta', x: 14, y: 51 }, meta));

  const rows = drawnReferents(object);
  rows.slice(0, rowCap(object)).forEach((ref, row) => {
    const y = CARD_HEADER + row * ROW;
    group.append(svg('line', { class: 'rs-card-rule', x1: 6, x2: CARD_WIDTH, y1: y, y2: y }));
    group.append(svg('text', { class: 'rs-slot-label', x: 14, y: y + 14 }, clip(ref.label, 16)));
    const target = objects.get(ref.object);
    if (target && isInline(target)) {
      group.append(svg('text', { class: 'rs-slot-inline', x: CARD_WIDTH - 10, y: y + 14, 'text-anchor': 'end' }, target.summary));
    } else {
      group.append(svg('circle', { class: 'rs-anchor', cx: CARD_WIDTH - 10, cy: y + ROW / 2, r: 3 }));
    }
  });
  if (rows.length > rowCap(object)) {
    group.append(svg('text', { class: 'rs-slot-more', x: 14, y: CARD_HEADER + rowCap(object) * ROW + 14 }, `+${rows.length - rowCap(object)} more`));
  }
  return group;
}
