// The colours the allocator canvases paint with, read from CSS variables of the panel (see
// allocator.css) so that light and dark themes, and a host page's overrides, reach the canvas.
//
// Size classes cycle through the 7 colours of the Okabe–Ito palette (distinguishable with the
// common colour-vision deficiencies); neighbouring classes never share a colour. Colour is never
// the only cue: pool states differ in shape (fill level, outline, dashes) and every tile carries
// its block size as text.
//
// Invariants: 1. readTheme resolves every variable to concrete RGB through a probe element, so
// light-dark() and var() chains work; 2. classColour(szidx) is defined for every szidx >= 0.

export const CLASS_COLOUR_COUNT = 7;

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export interface AllocatorTheme {
  classes: Rgb[];
  /** Text colour readable on each class colour. */
  classText: Rgb[];
  background: Rgb;
  text: Rgb;
  muted: Rgb;
  untouched: Rgb;
  focus: Rgb;
  selection: Rgb;
  chain: Rgb;
}

export function css(c: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${c.r} ${c.g} ${c.b})` : `rgb(${c.r} ${c.g} ${c.b} / ${alpha})`;
}

/** Parses what getComputedStyle gives for a colour: "rgb(r, g, b)" or "rgba(r, g, b, a)". */
export function parseRgb(text: string): Rgb {
  const numbers = text.match(/[\d.]+/g)?.map(Number) ?? [];
  if (numbers.length < 3) return { r: 128, g: 128, b: 128 };
  return { r: numbers[0], g: numbers[1], b: numbers[2] };
}

export function classColour(theme: AllocatorTheme, szidx: number): Rgb {
  return theme.classes[((szidx % CLASS_COLOUR_COUNT) + CLASS_COLOUR_COUNT) % CLASS_COLOUR_COUNT];
}

export function classTextColour(theme: AllocatorTheme, szidx: number): Rgb {
  return theme.classText[((szidx % CLASS_COLOUR_COUNT) + CLASS_COLOUR_COUNT) % CLASS_COLOUR_COUNT];
}

/** Resolves the panel's --rs-alloc-* variables as seen from `root`. */
export function readTheme(root: HTMLElement): AllocatorTheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  const resolve = (name: string): Rgb => {
    probe.style.color = `var(${name})`;
    return parseRgb(getComputedStyle(probe).color);
  };
  const range = Array.from({ length: CLASS_COLOUR_COUNT }, (_, i) => i);
  const theme: AllocatorTheme = {
    classes: range.map((i) => resolve(`--rs-alloc-class-${i}`)),
    classText: range.map((i) => resolve(`--rs-alloc-class-${i}-text`)),
    background: resolve('--rs-alloc-bg'),
    text: resolve('--rs-alloc-fg'),
    muted: resolve('--rs-alloc-muted'),
    untouched: resolve('--rs-alloc-untouched'),
    focus: resolve('--rs-alloc-focus'),
    selection: resolve('--rs-alloc-selection'),
    chain: resolve('--rs-alloc-chain'),
  };
  probe.remove();
  return theme;
}
