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
