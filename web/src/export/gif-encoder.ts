// export/gif-encoder.ts — animated GIF (GIF89a) from RGBA frames, for exporting a walkthrough.
//
// Each frame is quantised to one global 256-colour palette: a 6×7×6 colour cube (252 colours)
// plus 4 greys, so flat interface colours (the panels' fills, text, arrows) stay close to
// themselves without a per-export palette search. Pixel indices are LZW-compressed as GIF
// requires (variable code width from minimum code size 8 + 1, up to 12 bits, a clear code when
// the table is full).
//
// Glossary
//   frame        width × height RGBA bytes (as ImageData.data), plus its display time.
//   code size    bits per LZW code; starts at 9 (minimum code size 8 + 1), grows to 12.
//
// Invariants:
//   1. The output starts with "GIF89a" and ends with the trailer byte 0x3B; it holds exactly
//      one image descriptor per frame, each after a graphic control extension with its delay.
//   2. Every LZW code emitted is < 2^codeSize at the moment it is written; the dictionary never
//      exceeds 4096 entries (a clear code resets it first).
//   3. All frames have the encoder's width and height (addFrame throws otherwise).

export interface GifFrame {
  rgba: Uint8Array | Uint8ClampedArray;
  delayMs: number;
}

const LEVELS_R = 6;
const LEVELS_G = 7;
const LEVELS_B = 6;
const CUBE = LEVELS_R * LEVELS_G * LEVELS_B;   // 252

/** The global palette as RGB triples (256 entries). */
export function gifPalette(): Uint8Array {
  const palette = new Uint8Array(256 * 3);
  let i = 0;
  for (let r = 0; r < LEVELS_R; r++) {
    for (let g = 0; g < LEVELS_G; g++) {
      for (let b = 0; b < LEVELS_B; b++) {
        palette[i++] = Math.round((r * 255) / (LEVELS_R - 1));
        palette[i++] = Math.round((g * 255) / (LEVELS_G - 1));
        palette[i++] = Math.round((b * 255) / (LEVELS_B - 1));
      }
    }
  }
  for (const grey of [48, 96, 160, 208]) {
    palette[i++] = grey;
    palette[i++] = grey;
    palette[i++] = grey;
  }
  return palette;
}

function level(value: number, levels: number): number {
  return Math.round((value * (levels - 1)) / 255);
}

/** The palette index for one pixel (transparent pixels are drawn as white). */
export function paletteIndex(r: number, g: number, b: number, a = 255): number {
  if (a < 128) return CUBE - 1;   // white: the cube's last entry
  const cube = (level(r, LEVELS_R) * LEVELS_G + level(g, LEVELS_G)) * LEVELS_B + level(b, LEVELS_B);
  // A near-grey pixel may sit closer to one of the four extra greys than to the cube.
  if (Math.abs(r - g) < 12 && Math.abs(g - b) < 12) {
    const mean = (r + g + b) / 3;
    const cubeGrey = Math.round(level(mean, LEVELS_G) * 255 / (LEVELS_G - 1));
    let best = -1;
    let bestDistance = Math.abs(mean - cubeGrey);
    [48, 96, 160, 208].forEach((grey, k) => {
      const d = Math.abs(mean - grey);
      if (d < bestDistance) { bestDistance = d; best = k; }
    });
    if (best >= 0) return CUBE + best;
  }
  return cube;
}

class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;
  byte(value: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = value & 0xff;
  }
  word(value: number): void {
    this.byte(value);
    this.byte(value >> 8);
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }
  array(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.byte(values[i]);
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** LZW-compress palette indices into GIF data sub-blocks (invariant 2). */
function writeImageData(out: ByteWriter, indices: Uint8Array): void {
  const minCodeSize = 8;
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  out.byte(minCodeSize);
  let block: number[] = [];
  let bitBuffer = 0;
  let bitCount = 0;
  let codeSize = minCodeSize + 1;
  const emit = (code: number) => {
    bitBuffer |= code << bitCount;
    bitCount += codeSize;
    while (bitCount >= 8) {
      block.push(bitBuffer & 0xff);
      bitBuffer >>>= 8;
      bitCount -= 8;
      if (block.length === 255) {
        out.byte(255);
        out.array(block);
        block = [];
      }
    }
  };
  let table = new Map<number, number>();   // (prefix code << 8 | index) -> code
  let next = end + 1;
  emit(clear);
  let prefix = indices.length > 0 ? indices[0] : 0;
  for (let i = 1; i < indices.length; i++) {
    const key = (prefix << 8) | indices[i];
    const found = table.get(key);
    if (found !== undefined) {
      prefix = found;
      continue;
    }
    emit(prefix);
    if (next < 4096) {
      table.set(key, next);
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
      next++;
    } else {
      emit(clear);
      table = new Map();
      next = end + 1;
      codeSize = minCodeSize + 1;
    }
    prefix = indices[i];
  }
  if (indices.length > 0) {
    emit(prefix);
    // The decoder adds one entry after this code that the encoder never makes; its code
    // width grows with that entry, so the end code must be written in the grown width.
    if (next === 1 << codeSize && codeSize < 12) codeSize++;
  }
  emit(end);
  if (bitCount > 0) block.push(bitBuffer & 0xff);
  if (block.length > 0) {
    out.byte(block.length);
    out.array(block);
  }
  out.byte(0);   // block terminator
}

/** Builds an animated GIF frame by frame. */
export class GifEncoder {
  private readonly out = new ByteWriter();
  private frames = 0;
  private done = false;

  constructor(readonly width: number, readonly height: number, loop = true) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 ||
        width > 0xffff || height > 0xffff) {
      throw new RangeError(`a GIF cannot be ${width}×${height}`);
    }
    const out = this.out;
    out.ascii('GIF89a');
    out.word(width);
    out.word(height);
    out.byte(0xf7);   // global colour table, 8 bits per colour, 256 entries
    out.byte(CUBE - 1);
    out.byte(0);
    out.array(gifPalette());
    if (loop) {   // NETSCAPE2.0: loop forever
      out.array([0x21, 0xff, 11]);
      out.ascii('NETSCAPE2.0');
      out.array([3, 1, 0, 0, 0]);
    }
  }

  addFrame(frame: GifFrame): void {
    if (this.done) throw new Error('the GIF is finished');
    if (frame.rgba.length !== this.width * this.height * 4) {
      throw new RangeError(`a frame must be ${this.width}×${this.height} RGBA pixels`);
    }
    const out = this.out;
    const delay = Math.max(2, Math.round(frame.delayMs / 10));
    out.array([0x21, 0xf9, 4, 0x04, delay & 0xff, delay >> 8, 0, 0]);   // graphic control: keep frame
    out.byte(0x2c);
    out.word(0);
    out.word(0);
    out.word(this.width);
    out.word(this.height);
    out.byte(0);   // no local colour table, not interlaced
    const pixels = this.width * this.height;
    const indices = new Uint8Array(pixels);
    const rgba = frame.rgba;
    for (let p = 0, q = 0; p < pixels; p++, q += 4) {
      indices[p] = paletteIndex(rgba[q], rgba[q + 1], rgba[q + 2], rgba[q + 3]);
    }
    writeImageData(out, indices);
    this.frames++;
  }

  get frameCount(): number {
    return this.frames;
  }

  /** The finished file (invariant 1). */
  finish(): Uint8Array {
    if (!this.done) {
      this.out.byte(0x3b);
      this.done = true;
    }
    return this.out.result();
  }
}
