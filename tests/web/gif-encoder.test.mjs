// The GIF encoder (web/src/export/gif-encoder.ts) writes files a GIF decoder reads back to the
// same pixels: checked here with a decoder written from the GIF89a specification (blocks, then
// variable-width LZW), and in the browser tests by Chromium's own decoder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, closeTs } from './load-ts.mjs';

let gif;
before(async () => { gif = await loadTs('/src/export/gif-encoder.ts'); });
after(closeTs);

/** Decodes a GIF into { width, height, palette, frames: [{ delay, indices }] }. */
function decodeGif(bytes) {
  let pos = 0;
  const u8 = () => bytes[pos++];
  const u16 = () => { const v = bytes[pos] | (bytes[pos + 1] << 8); pos += 2; return v; };
  const header = String.fromCharCode(...bytes.subarray(0, 6));
  assert.equal(header, 'GIF89a');
  pos = 6;
  const width = u16();
  const height = u16();
  const flags = u8();
  u8(); u8();
  assert.ok(flags & 0x80, 'a global colour table');
  const entries = 2 << (flags & 7);
  const palette = bytes.subarray(pos, pos + entries * 3);
  pos += entries * 3;
  const frames = [];
  let delay = 0;
  for (;;) {
    const introducer = u8();
    if (introducer === 0x3b) break;
    if (introducer === 0x21) {
      const label = u8();
      const blocks = [];
      for (let size = u8(); size !== 0; size = u8()) { blocks.push(bytes.subarray(pos, pos + size)); pos += size; }
      if (label === 0xf9) delay = blocks[0][1] | (blocks[0][2] << 8);
      continue;
    }
    assert.equal(introducer, 0x2c, `unexpected block 0x${introducer.toString(16)} at ${pos - 1}`);
    u16(); u16();
    assert.equal(u16(), width);
    assert.equal(u16(), height);
    u8();
    const minCodeSize = u8();
    const data = [];
    for (let size = u8(); size !== 0; size = u8()) { data.push(...bytes.subarray(pos, pos + size)); pos += size; }
    frames.push({ delay, indices: lzwDecode(data, minCodeSize, width * height) });
  }
  assert.equal(pos, bytes.length, 'nothing after the trailer');
  return { width, height, palette, frames };
}

function lzwDecode(data, minCodeSize, count) {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let codeSize = minCodeSize + 1;
  let table = [];
  const reset = () => {
    table = Array.from({ length: end + 1 }, (_, i) => (i < clear ? [i] : []));
    codeSize = minCodeSize + 1;
  };
  reset();
  const out = [];
  let bit = 0;
  let previous = null;
  for (;;) {
    let code = 0;
    for (let i = 0; i < codeSize; i++, bit++) {
      assert.ok(bit >> 3 < data.length, 'the LZW data ends before its end code');
      code |= ((data[bit >> 3] >> (bit & 7)) & 1) << i;
    }
    if (code === clear) { reset(); previous = null; continue; }
    if (code === end) break;
    let entry;
    if (previous === null) {
      entry = table[code];
    } else {
      entry = code < table.length ? table[code] : [...table[previous], table[previous][0]];
      if (table.length < 4096) table.push([...table[previous], entry[0]]);
    }
    assert.ok(entry && entry.length > 0, `code ${code} is not in the table (${table.length} entries)`);
    out.push(...entry);
    previous = code;
    if (table.length === 1 << codeSize && codeSize < 12) codeSize++;
  }
  assert.equal(out.length, count, 'one index per pixel');
  return out;
}

/** A width × height RGBA image from a function of (x, y) giving [r, g, b]. */
function image(width, height, colour) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(x, y);
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return rgba;
}

test('frames decode back to their palette colours', () => {
  const width = 97;
  const height = 61;
  const frames = [
    image(width, height, (x, y) => [(x * 7) & 255, (y * 11) & 255, ((x ^ y) * 5) & 255]),   // noisy: fills the table
    image(width, height, () => [255, 255, 255]),                                         // flat
    image(width, height, (x) => (x < 40 ? [0, 114, 178] : [230, 159, 0])),               // two colours
  ];
  const encoder = new gif.GifEncoder(width, height);
  frames.forEach((rgba, i) => encoder.addFrame({ rgba, delayMs: 100 * (i + 1) }));
  const decoded = decodeGif(encoder.finish());
  assert.equal(decoded.frames.length, 3);
  assert.deepEqual(decoded.frames.map((f) => f.delay), [10, 20, 30]);
  frames.forEach((rgba, f) => {
    const indices = decoded.frames[f].indices;
    for (let p = 0; p < width * height; p++) {
      const expected = gif.paletteIndex(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]);
      if (indices[p] !== expected) assert.fail(`frame ${f} pixel ${p}: ${indices[p]} != ${expected}`);
    }
  });
});

test('large noisy frames (several table resets) still decode', () => {
  const width = 300;
  const height = 200;
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255;
  const rgba = image(width, height, () => [random(), random(), random()]);
  const encoder = new gif.GifEncoder(width, height, false);
  encoder.addFrame({ rgba, delayMs: 50 });
  const decoded = decodeGif(encoder.finish());
  const indices = decoded.frames[0].indices;
  for (let p = 0; p < width * height; p += 97) {
    assert.equal(indices[p], gif.paletteIndex(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]));
  }
});

test('the palette keeps interface colours close', () => {
  const palette = gif.gifPalette();
  for (const [r, g, b] of [[255, 255, 255], [0, 0, 0], [0, 114, 178], [213, 94, 0], [240, 240, 240], [33, 33, 33]]) {
    const i = gif.paletteIndex(r, g, b);
    const distance = Math.hypot(palette[i * 3] - r, palette[i * 3 + 1] - g, palette[i * 3 + 2] - b);
    assert.ok(distance < 40, `(${r}, ${g}, ${b}) -> palette ${i} is ${distance.toFixed(1)} away`);
  }
});

test('frames of the wrong size are refused', () => {
  const encoder = new gif.GifEncoder(4, 4);
  assert.throws(() => encoder.addFrame({ rgba: new Uint8Array(10), delayMs: 10 }), /4×4/);
  assert.throws(() => new gif.GifEncoder(0, 10), /cannot be/);
});

test('images of every length around the first code-width change decode', () => {
  // Rows of nearly incompressible pixels emit about one code per pixel, so these lengths put
  // the table's growth from 9 to 10 bits (at 512 entries) just before, at and after the end.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255;
  for (let width = 240; width <= 300; width++) {
    const rgba = image(width, 1, () => [random(), random(), random()]);
    const encoder = new gif.GifEncoder(width, 1, false);
    encoder.addFrame({ rgba, delayMs: 10 });
    const indices = decodeGif(encoder.finish()).frames[0].indices;
    for (let p = 0; p < width; p++) {
      assert.equal(indices[p], gif.paletteIndex(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]), `width ${width}`);
    }
  }
});
