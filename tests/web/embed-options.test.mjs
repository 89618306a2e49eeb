// The embedded player's options (web/src/embed/embed-options.ts) and its postMessage protocol
// (web/src/embed/protocol.ts): well-formed input is understood, anything else is reported or
// ignored, never thrown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, closeTs } from './load-ts.mjs';

let options;
let protocol;

before(async () => {
  options = await loadTs('/src/embed/embed-options.ts');
  protocol = await loadTs('/src/embed/protocol.ts');
});
after(closeTs);

test('embed options are read from the query', () => {
  const parsed = options.parseEmbedOptions('?panels=frames,output&step=12&readonly=1&theme=dark&height=480&controls=0');
  assert.deepEqual(parsed, {
    panels: ['frames', 'output'], step: 12, readonly: true, theme: 'dark', height: 480, controls: false, problems: [],
  });
  assert.deepEqual(options.parseEmbedOptions(''), {
    panels: null, step: null, readonly: false, theme: 'auto', height: null, controls: true, problems: [],
  });
});

test('bad embed options are reported and fall back to their defaults', () => {
  const parsed = options.parseEmbedOptions('panels=frames,<b>x</b>&step=-3&theme=neon&height=99999&readonly=maybe&colour=red');
  assert.equal(parsed.panels, null);
  assert.equal(parsed.step, null);
  assert.equal(parsed.theme, 'auto');
  assert.equal(parsed.height, null);
  assert.equal(parsed.readonly, false);
  assert.equal(parsed.problems.length, 6);
  assert.ok(parsed.problems.some((p) => p.includes('unknown option "colour"')));
});

test('options survive formatting and parsing', () => {
  const wanted = { panels: ['code', 'allocator'], step: 3, readonly: true, theme: 'light', height: 300, controls: false };
  const parsed = options.parseEmbedOptions(options.formatEmbedOptions(wanted));
  assert.deepEqual({ ...parsed, problems: undefined }, { ...wanted, problems: undefined });
  assert.equal(options.formatEmbedOptions({}), '');
});

test('host messages: well-formed ones are understood, others ignored', () => {
  const ok = [
    [{ refscope: 1, type: 'goto', step: 5 }, { type: 'goto', step: 5 }],
    [{ refscope: 1, type: 'play' }, { type: 'play' }],
    [{ refscope: 1, type: 'pause', extra: 1 }, { type: 'pause' }],
    [{ refscope: 1, type: 'get_state', id: 'a1' }, { type: 'get_state', id: 'a1' }],
  ];
  for (const [data, expected] of ok) assert.deepEqual(protocol.parseHostMessage(data), expected);
  const ignored = [null, 'goto', 42, [], { type: 'goto', step: 5 }, { refscope: 2, type: 'play' },
    { refscope: 1, type: 'goto', step: 1.5 }, { refscope: 1, type: 'goto', step: '3' },
    { refscope: 1, type: 'get_state' }, { refscope: 1, type: 'eval', code: 'alert(1)' }];
  for (const data of ignored) assert.equal(protocol.parseHostMessage(data), null, JSON.stringify(data));
});

test('player messages round-trip through their envelope', () => {
  const messages = [
    { type: 'ready', steps: 40 },
    { type: 'resize', height: 512 },
    { type: 'step', step: 3, line: 7 },
    { type: 'state', id: 7, step: 3, steps: 40, line: 7, playing: false, profile: '3.11' },
    { type: 'error', id: null, message: 'no trace' },
  ];
  for (const message of messages) {
    const sent = protocol.envelope(message);
    assert.equal(sent.refscope, 1);
    assert.deepEqual(protocol.parsePlayerMessage(structuredClone(sent)), message);
  }
  assert.equal(protocol.parsePlayerMessage({ refscope: 1, type: 'state', id: 1 }), null);
});
