// Share links (web/src/share/): a scenario survives the trip through a URL fragment, and a
// damaged, hostile or newer link gives a clear message instead of running anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, closeTs } from './load-ts.mjs';

let codec;
let scenarios;

before(async () => {
  codec = await loadTs('/src/share/link-codec.ts');
  scenarios = await loadTs('/src/share/scenario.ts');
});
after(closeTs);

const sample = () => ({
  ...scenarios.defaultScenario('a = [1, 2, 3]\nb = a\nprint("<b>ünïcödé</b> 🐍", b)\n'),
  profile: 'classic',
  stdin: 'Ann\n42\n',
  step: 17,
  instr: 3,
  panels: ['code', 'allocator'],
  selected: 12,
  breakpoints: [2, 3],
});

/** The message of the ScenarioError that `promise` rejects with. */
async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.name, 'ScenarioError', `not a ScenarioError: ${error}`);
    return error.message;
  }
  assert.fail('the link was accepted');
}

test('a scenario round-trips through a fragment', async () => {
  const fragment = await codec.encodeScenario(sample());
  assert.match(fragment, /^s1\.[A-Za-z0-9_-]+$/);
  assert.ok(codec.isScenarioFragment('#' + fragment));
  assert.deepEqual(await codec.decodeFragment('#' + fragment), sample());
});

test('long programs compress into a link far shorter than the code', async () => {
  const line = 'total = total + compute(index, [value * 2 for value in range(10)])\n';
  const code = Array.from({ length: 2000 }, (_, i) => `# step ${i}\n${line}`).join('');
  const fragment = await codec.encodeScenario(scenarios.defaultScenario(code));
  assert.ok(fragment.length < code.length / 10, `${fragment.length} chars for ${code.length}`);
  assert.equal((await codec.decodeFragment(fragment)).code, code);
});

test('damaged links are refused with a message', async () => {
  const fragment = await codec.encodeScenario(sample());
  assert.match(await refusal(codec.decodeFragment('#hello')), /not a refscope scenario link/);
  assert.match(await refusal(codec.decodeFragment(fragment.slice(0, fragment.length - 12))), /damaged/);
  assert.match(await refusal(codec.decodeFragment(fragment + '<script>')), /damaged/);
  assert.match(await refusal(codec.decodeFragment('s1.' + 'A'.repeat(40))), /damaged/);
  assert.ok(codec.isScenarioFragment('#s2.abc'));
  assert.match(await refusal(codec.decodeFragment('#s2.abc')), /newer refscope \(link encoding 2\)/);
});

/** A fragment carrying `data` as its JSON, encoded as the page encodes. */
async function fragmentOf(data) {
  const json = new TextEncoder().encode(JSON.stringify(data));
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return 's1.' + Buffer.from(bytes).toString('base64url');
}

test('links with invalid fields say which field', async () => {
  const base = sample();
  const cases = [
    [{ ...base, v: 99 }, /newer refscope \(format 99\)/],
    [{ ...base, v: 0 }, /format version/],
    [{ ...base, profile: 'pypy' }, /unknown profile/],
    [{ ...base, step: -1 }, /"step"/],
    [{ ...base, step: 1.5 }, /"step"/],
    [{ ...base, code: 42 }, /"code" is not text/],
    [{ ...base, panels: ['code', '<img src=x onerror=alert(1)>'] }, /"panels"/],
    [{ ...base, selected: 'x' }, /"selected"/],
    [{ ...base, breakpoints: [0] }, /"breakpoints"/],
    [[1, 2, 3], /does not describe a scenario/],
  ];
  for (const [data, message] of cases) {
    assert.match(await refusal(codec.decodeFragment(await fragmentOf(data))), message, JSON.stringify(data).slice(0, 80));
  }
});

test('a link that expands beyond the limit is refused before it is read whole', async () => {
  const bomb = { ...sample(), code: 'x'.repeat(4 << 20) };
  const fragment = await fragmentOf(bomb);
  assert.ok(fragment.length < 20_000, 'the hostile link is small');
  assert.match(await refusal(codec.decodeFragment(fragment)), /more than 1024 KiB/);
});

test('missing optional fields take their defaults', async () => {
  const decoded = await codec.decodeFragment(await fragmentOf({ v: 1, code: 'print(1)\n' }));
  assert.deepEqual(decoded, scenarios.defaultScenario('print(1)\n'));
});
