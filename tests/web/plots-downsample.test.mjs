// Plot downsampling (web/src/panels/plots/downsample.ts): a long column shrinks to a few hundred
// points that keep its first and last steps and every bucket's extremes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, closeTs } from './load-ts.mjs';

let plots;
let history;
before(async () => {
  plots = await loadTs('/src/panels/plots/downsample.ts');
  history = await loadTs('/src/panels/plots/refcount-history.ts');
});
after(closeTs);

test('short columns are kept point for point', () => {
  const { x, y } = plots.downsample([5, 3, 8], 10);
  assert.deepEqual([...x], [0, 1, 2]);
  assert.deepEqual([...y], [5, 3, 8]);
});

test('a million steps become at most 2 × buckets + 2 points, spikes included', () => {
  const n = 1_000_000;
  const column = new Int32Array(n);
  for (let i = 0; i < n; i++) column[i] = i % 1000;
  column[123_457] = 99_999;   // one spike
  column[876_543] = -5;       // one dip
  const { x, y } = plots.downsample(column, 400);
  assert.ok(x.length <= 802, `${x.length} points`);
  assert.equal(x[0], 0);
  assert.equal(x[x.length - 1], n - 1);
  for (let i = 1; i < x.length; i++) assert.ok(x[i] > x[i - 1], 'steps increase');
  for (let i = 0; i < x.length; i++) assert.equal(y[i], column[x[i]], 'values are read at their steps');
  assert.ok([...x].includes(123_457), 'the spike survives');
  assert.ok([...x].includes(876_543), 'the dip survives');
});

test('aligned series read every column at the first column\'s steps', () => {
  const a = Array.from({ length: 5000 }, (_, i) => Math.sin(i / 50));
  const b = Array.from({ length: 5000 }, (_, i) => i);
  const { x, ys } = plots.alignedSeries([a, b], 100);
  assert.equal(ys.length, 2);
  for (let i = 0; i < x.length; i++) assert.equal(ys[1][i], x[i]);
});

test('refcount samples cover the trace with increasing steps', () => {
  assert.deepEqual(history.sampleSteps(4, 80), [0, 1, 2, 3, 4]);
  const steps = history.sampleSteps(1_000_000, 80);
  assert.equal(steps.length, 80);
  assert.equal(steps[0], 0);
  assert.equal(steps[79], 1_000_000);
  for (let i = 1; i < steps.length; i++) assert.ok(steps[i] > steps[i - 1]);
});
