// The program's objects of the collected generation as a small SVG graph: one box per object
// with its gc_refs in the current phase, an arrow for each reference between them (from the
// state just before the collection). It shows why subtract_refs brings a cycle's gc_refs to 0:
// every reference that arrives from inside the generation is crossed out of the count.
//
// Layout: up to four boxes evenly on an ellipse, more in a three-column grid, in table order, so
// the picture does not move between phases. Unreachable objects get a dashed vermillion outline and "unreachable" in their box
// (never colour alone). The SVG has role="img", a <title> and a <desc> listing the references.
//
// Invariant: only objects in `rows` are drawn, and only references between two drawn objects.
import { labelText, type ObjectLabel } from '../object-label';
import type { ObjectRow } from './collector-data';

const NS = 'http://www.w3.org/2000/svg';
const BOX_W = 118;
const BOX_H = 38;
/** More objects than this make a graph nobody can read; the table still lists them. */
export const GRAPH_MAX_OBJECTS = 12;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** The point where the segment from the centre (cx, cy) towards (tx, ty) leaves the box. */
function boxEdge(cx: number, cy: number, tx: number, ty: number, pad: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  const sx = dx === 0 ? Infinity : (BOX_W / 2 + pad) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (BOX_H / 2 + pad) / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [cx + dx * s, cy + dy * s];
}

export function renderYoungGraph(rows: ObjectRow[], labels: Map<number, ObjectLabel>, phase: number,
                                 phaseName: string, idPrefix: string): SVGSVGElement | null {
  if (rows.length === 0 || rows.length > GRAPH_MAX_OBJECTS) return null;
  const n = rows.length;
  const at = new Map<number, [number, number]>();
  let width: number;
  let height: number;
  if (n <= 4) {
    // A few objects: on an ellipse, so a cycle reads as a ring.
    width = n <= 2 ? 320 : 420;
    height = n <= 2 ? 90 : 190;
    const rx = (width - BOX_W) / 2 - 6;
    const ry = (height - BOX_H) / 2 - 6;
    rows.forEach((row, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / n + (n === 2 ? Math.PI / 2 : 0);
      at.set(row.id, n === 1 ? [width / 2, height / 2] : [width / 2 + rx * Math.cos(angle), height / 2 + ry * Math.sin(angle)]);
    });
  } else {
    // More: a grid of three columns in table order (boxes never overlap; arrows pass under them).
    const columns = 3;
    const gapX = 34;
    const gapY = 30;
    width = columns * BOX_W + (columns - 1) * gapX + 8;
    height = Math.ceil(n / columns) * (BOX_H + gapY) - gapY + 8;
    rows.forEach((row, i) => {
      at.set(row.id, [4 + (i % columns) * (BOX_W + gapX) + BOX_W / 2, 4 + Math.floor(i / columns) * (BOX_H + gapY) + BOX_H / 2]);
    });
  }

  const root = svg('svg', { class: 'rs-gc-graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
  const titleId = `${idPrefix}-graph-title`;
  const descId = `${idPrefix}-graph-desc`;
  root.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  const edgesText: string[] = [];
  const defs = svg('defs', {});
  const marker = svg('marker', { id: `${idPrefix}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'rs-gc-graph-head' }));
  defs.append(marker);
  root.append(svg('title', { id: titleId }, 'References between the program’s objects in the collected generation'), defs);

  const edges = svg('g', { class: 'rs-gc-graph-edges' });
  for (const row of rows) {
    const from = at.get(row.id)!;
    const seen = new Set<number>();
    for (const target of labels.get(row.id)?.referents ?? []) {
      const to = at.get(target);
      if (!to || seen.has(target) || target === row.id) continue;
      seen.add(target);
      // Two objects referring to each other: bend both arrows so they do not overlap.
      const mutual = labels.get(target)?.referents?.includes(row.id) ?? false;
      const [x1, y1] = boxEdge(from[0], from[1], to[0], to[1], 2);
      const [x2, y2] = boxEdge(to[0], to[1], from[0], from[1], 4);
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      const bend = mutual ? 18 : 0;
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const cx = mx + (-(y2 - y1) / len) * bend;
      const cy = my + ((x2 - x1) / len) * bend;
      edges.append(svg('path', { d: `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`, class: 'rs-gc-graph-edge', 'marker-end': `url(#${idPrefix}-arrow)` }));
      edgesText.push(`${labelText(row.id, labels.get(row.id))} refers to ${labelText(target, labels.get(target))}`);
    }
  }
  root.append(edges);

  const boxes = svg('g', { class: 'rs-gc-graph-nodes' });
  for (const row of rows) {
    const [x, y] = at.get(row.id)!;
    const cell = row.cells[phase];
    const unreachable = cell?.unreachable ?? false;
    const g = svg('g', { class: `rs-gc-graph-node${unreachable ? ' rs-gc-graph-unreachable' : ''}`, transform: `translate(${x - BOX_W / 2},${y - BOX_H / 2})` });
    g.append(svg('rect', { width: BOX_W, height: BOX_H, rx: 5 }));
    g.append(svg('text', { x: 7, y: 15, class: 'rs-gc-graph-label' }, clip(labelText(row.id, labels.get(row.id)), 17)));
    const refs = !cell ? 'not in the list' : unreachable ? 'unreachable'
      : phaseName === 'start' || cell.gcRefs === null ? '' : `gc_refs ${cell.gcRefs}`;
    g.append(svg('text', { x: 7, y: 31, class: 'rs-gc-graph-refs' }, refs));
    boxes.append(g);
  }
  root.append(boxes);
  root.append(svg('desc', { id: descId }, edgesText.length ? `${edgesText.join('; ')}.` : 'No references between them.'));
  return root;
}
