// export/svg-export.ts — the current view as a standalone SVG file or a PNG image.
//
// The page draws its views as SVG styled by CSS (theme variables, classes). A standalone file
// has no stylesheet, so the export clones the SVG and writes each element's computed
// presentation properties (fill, stroke, fonts, …) as inline style, with the theme's
// background behind everything. PNG export draws that standalone SVG on a canvas.
//
// Invariants:
//   1. The exported SVG is self-contained: no external stylesheet, no script, no
//      foreignObject (copied views are sanitised by construction: they are our own SVG).
//   2. The original SVG in the page is never modified.
const PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
  'visibility', 'display',
];   // markers stay as the attributes the view wrote (url(#id) inside the copied SVG)

/** A standalone copy of `svg` as SVG text (invariants 1, 2). */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i] as SVGElement;
    const computed = getComputedStyle(source);
    const style = PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    target.setAttribute('style', style);
    target.removeAttribute('class');
  });
  for (const unsafe of copy.querySelectorAll('script, foreignObject')) unsafe.remove();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** SVG text rasterised on a canvas (`scale` × its size). */
export async function svgToCanvas(svgText: string, scale = 2): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const canvas = await svgToCanvas(svgText, scale);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'));
}

/** Offers `blob` as a download named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
