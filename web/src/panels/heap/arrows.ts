// Reference arrows: from a frame row or a card's slot row to the card it refers to. A target to
// the right is entered on its left edge; a target at or left of the anchor (a back reference,
// a cycle) is entered on its right edge, so cycles read as loops instead of crossing cards.
// Invariant: one <path> per drawn reference, carrying data-from / data-to so tests and the
// selection highlight can find it.
import { svg } from '../../util/dom';
import { CARD_WIDTH } from './geometry';
import type { Spot } from './heap-layout';

export interface ArrowEnds {
  x: number;
  y: number;
  target: Spot;
  from: string;
  to: number;
}

export function arrowPath(ends: ArrowEnds, d = arrowD(ends)): SVGPathElement {
  return svg('path', { class: 'rs-arrow', d, 'marker-end': 'url(#rs-arrowhead)', 'data-from': ends.from, 'data-to': ends.to });
}

/** The path of an arrow (a cubic curve). */
export function arrowD(ends: ArrowEnds): string {
  const { x, y, target } = ends;
  const ty = target.y + 14;
  let d: string;
  if (target.x > x + 10) {
    const tx = target.x - 2;
    const bend = Math.max(30, (tx - x) / 2);
    d = `M${x},${y} C${x + bend},${y} ${tx - bend},${ty} ${tx},${ty}`;
  } else {
    const tx = target.x + CARD_WIDTH + 2;
    const bend = 40 + Math.abs(ty - y) / 6;
    d = `M${x},${y} C${x + bend},${y} ${tx + bend},${ty} ${tx},${ty}`;
  }
  return d;
}
