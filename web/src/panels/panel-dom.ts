// Small DOM helpers shared by the allocator and collector panels. Text from a user's program
// (object summaries, names) only ever goes in through textContent: nothing is parsed as HTML.

/** Creates an element with a class name and optional text (set as textContent). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A definition list from [term, detail] pairs, each pair in a <div> so a grid keeps pairs together. */
export function definitionList(rows: [string, string][], className?: string): HTMLDListElement {
  const list = el('dl', className);
  for (const [term, detail] of rows) {
    const pair = el('div');
    pair.append(el('dt', undefined, term), el('dd', undefined, detail));
    list.append(pair);
  }
  return list;
}

export function formatBytes(n: number): string {
  return `${n.toLocaleString('en')} B`;
}

/** Keeps a number inside [lo, hi]. */
export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
