// The wasm engine under Node: web/src/wasm/core.mjs loads as is (its pre-js reads core.wasm from
// disk) and answers through `call`, JSON in and out. Needs the wasm build (scripts/build.sh).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

const modulePath = new URL('../../web/src/wasm/core.mjs', import.meta.url);
let core;

before(async () => {
  assert.ok(existsSync(modulePath), 'web/src/wasm/core.mjs is missing: run scripts/build.sh first');
  const { default: createCore } = await import(modulePath.href);
  core = await createCore();
});

/** Sends a raw request string, returns the parsed answer. */
function call(request) {
  const answer = core.call(request);
  assert.equal(typeof answer, 'string');
  return JSON.parse(answer);
}

test('version: the engine version and its profiles', () => {
  const answer = call('{"cmd":"version"}');
  assert.equal(answer.ok, true);
  assert.match(answer.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(answer.profiles.map((p) => p.name), ['3.11', 'classic']);
  for (const profile of answer.profiles) assert.ok(profile.description.length > 0);
});

test('malformed JSON: a usage error with the parser message', () => {
  const answer = call('{"cmd": ');
  assert.equal(answer.ok, false);
  assert.equal(answer.error.kind, 'usage');
  assert.match(answer.error.message, /malformed JSON request: parse error/);
});

test('unknown command: a usage error naming it', () => {
  const answer = call('{"cmd":"frobnicate"}');
  assert.equal(answer.ok, false);
  assert.equal(answer.error.kind, 'usage');
  assert.match(answer.error.message, /frobnicate/);
});

test('non-ASCII text round-trips through the boundary', () => {
  const answer = call('{"cmd":"zé→😀"}');
  assert.equal(answer.error.kind, 'usage');
  assert.ok(answer.error.message.includes('zé→😀'));
});

test('a non-string argument is refused by the bindings, not the engine', () => {
  assert.throws(() => core.call(42), /string/);
});

test('alloc_scenario: 10,000 float-sized blocks fill pools of the 32-byte class (3.11)', () => {
  const answer = call(JSON.stringify({
    cmd: 'alloc_scenario',
    ops: [{ op: 'malloc', size: 24, count: 10000, name: 'floats' }],
  }));
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  assert.equal(answer.profile, '3.11');
  assert.equal(answer.live.floats, 10000);
  assert.equal(answer.stats.pymalloc_blocks_in_use, 10000);
  const pools = answer.arenas.flatMap((arena) => arena.pools).filter((p) => p.szidx === 1);
  // 510 blocks of 32 bytes per 16 KiB pool: 19 full pools and one used one.
  assert.equal(pools.length, 20);
  assert.equal(pools.filter((p) => p.state === 'full').length, 19);
  assert.deepEqual(answer.usedpools.map((u) => u.szidx), [1]);
  assert.match(answer.debugmallocstats, /^Small block threshold = 512, in 32 size classes\./);
  assert.match(answer.debugmallocstats, /\n {4}1 {5}32 {10}20 {11}10000 {11}200\n/);
});

test('alloc_scenario: the classic profile serves 24 bytes from 24-byte blocks', () => {
  const answer = call(JSON.stringify({
    cmd: 'alloc_scenario', profile: 'classic',
    ops: [{ op: 'malloc', size: 24, count: 1000, name: 'f' }, { op: 'free', name: 'f', every: 2 }],
  }));
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  assert.equal(answer.live.f, 500);
  const pools = answer.arenas.flatMap((arena) => arena.pools);
  assert.ok(pools.every((p) => p.block_size === 24));
  assert.equal(pools.length, Math.ceil(1000 / 168));
  assert.match(answer.debugmallocstats, /in 64 size classes/);
});

test('alloc_scenario: mistakes in a scenario are usage errors that say what is wrong', () => {
  const cases = [
    [{ cmd: 'alloc_scenario', ops: [{ op: 'free', name: 'nothing' }] }, /no allocations named "nothing"/],
    [{ cmd: 'alloc_scenario', ops: [{ op: 'grow' }] }, /unknown operation "grow"/],
    [{ cmd: 'alloc_scenario', profile: '2.7', ops: [] }, /unknown profile "2.7"/],
    [{ cmd: 'alloc_scenario', ops: [{ op: 'malloc', size: 8, count: 3000000 }] }, /at most 2,000,000/],
    [{ cmd: 'alloc_scenario' }, /missing field "ops"/],
  ];
  for (const [request, message] of cases) {
    const answer = call(JSON.stringify(request));
    assert.equal(answer.ok, false);
    assert.equal(answer.error.kind, 'usage');
    assert.match(answer.error.message, message);
  }
});

test('run and state: a trace through the wasm surface', () => {
  const source = 'a = [1, 2]\nb = a\nprint(len(b))\n';
  const run = call(JSON.stringify({ cmd: 'run', source, max_steps: 1000 }));
  assert.equal(run.ok, true);
  assert.equal(run.format, 'refscope-trace');
  assert.equal(run.end.reason, 'completed');
  assert.equal(run.stdout, '2\n');
  assert.equal(run.steps, 3);
  for (const column of Object.values(run.timeline)) assert.equal(column.length, run.steps + 1);
  assert.deepEqual(run.timeline.line, [1, 2, 3, 0]);

  const before = call(JSON.stringify({ cmd: 'state', trace: run.trace, step: 1 }));
  const after = call(JSON.stringify({ cmd: 'state', trace: run.trace, step: 2 }));
  assert.equal(before.ok, true);
  const idOf = (state, name) => state.frames[0].locals.find((l) => l.name === name).object;
  const list = idOf(before, 'a');
  const objectOf = (state, id) => state.objects.find((o) => o.id === id);
  assert.equal(objectOf(before, list).refcount, 1);
  assert.equal(idOf(after, 'b'), list);
  assert.equal(objectOf(after, list).refcount, 2);
  assert.equal(objectOf(after, list).summary, '[1, 2]');
  for (const o of after.objects) {
    assert.equal(o.referrers.reduce((sum, r) => sum + r.count, 0), o.refcount, `object ${o.id}`);
  }
  assert.equal(call(JSON.stringify({ cmd: 'drop', trace: run.trace })).dropped, true);
  assert.equal(call(JSON.stringify({ cmd: 'state', trace: run.trace, step: 0 })).error.kind, 'usage');
});

test('run: a syntax error is an ended trace, not a failure', () => {
  const run = call(JSON.stringify({ cmd: 'run', source: 'x = (1,\n' }));
  assert.equal(run.ok, true);
  assert.equal(run.end.reason, 'syntax_error');
  assert.equal(run.end.line, 1);
  assert.match(run.end.message, /^SyntaxError: /);
  assert.equal(run.steps, 0);
});
