// Every scenario under examples/ runs through the wasm engine and shows what its file expects.
// Needs the wasm build (scripts/build.sh).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const examples = new URL('../../examples/', import.meta.url);
let core;

before(async () => {
  const { default: createCore } = await import(new URL('../../web/src/wasm/core.mjs', import.meta.url).href);
  core = await createCore();
});

/** A value of the answer: a dotted path, or a count derived from the arenas. */
function observe(answer, key) {
  const pools = (answer.arenas ?? []).flatMap((arena) => arena.pools);
  if (key === 'pools_carved') return pools.length;
  if (key === 'pools_full') return pools.filter((pool) => pool.state === 'full').length;
  return key.split('.').reduce((value, part) => value?.[part], answer);
}

function check(request, expect, label) {
  const answer = JSON.parse(core.call(JSON.stringify(request)));
  assert.equal(answer.ok, true, `${label}: ${JSON.stringify(answer.error)}`);
  for (const [key, value] of Object.entries(expect)) {
    assert.equal(observe(answer, key), value, `${label}: ${key}`);
  }
}

for (const folder of readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const file of readdirSync(new URL(`${folder.name}/`, examples)).filter((f) => f.endsWith('.json'))) {
    const name = `${folder.name}/${file}`;
    test(`example ${name}`, () => {
      const scenario = JSON.parse(readFileSync(new URL(name, examples), 'utf8'));
      assert.ok(scenario.title && scenario.explanation, 'an example has a title and an explanation');
      check(scenario.request, scenario.expect, name);
      if (scenario.compare) {
        check({ ...scenario.request, profile: scenario.compare.profile }, scenario.compare.expect,
          `${name} (${scenario.compare.profile})`);
      }
    });
  }
}
