// The allocator and collector panels on real traces: the demo page (web/panels-demo.html) runs
// programs through the wasm engine's run/state/pool/collection commands, in Debian's Chromium.
// Needs the wasm and front-end builds (scripts/build.sh). Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { results, root, startBrowser } from './support/browser.mjs';
import { allocatedInOpenPool, allocator, collector, goToStep, openDemo, runProgram } from './support/panels-demo.mjs';

let env;

before(async () => {
  assert.ok(existsSync(`${root}/dist/panels-demo.html`), 'dist/panels-demo.html is missing: run scripts/build.sh first');
  env = await startBrowser();
});

after(async () => {
  await env?.close();
});

const CYCLE = `import gc
a = []
b = [a]
a.append(b)
c = [1]
del a, b
gc.collect()
`;

const FLOATS = `xs = []
for i in range(300):
    xs.append(float(i))
`;

test('a real collection: the two-list cycle drops to gc_refs 0, becomes unreachable and is freed; c survives', { timeout: 90_000 }, async () => {
  const { page, problems } = await openDemo(env);
  const run = await runProgram(page, CYCLE);
  assert.equal(run.synthetic, false, 'the engine runs programs');
  const first = run.collections[0];
  assert.equal(first.reason, 'gc.collect');
  assert.equal(first.collected, 2);

  const panel = collector(page);
  await panel.getByRole('button', { name: /go to collection 1 at step/ }).click();
  await page.waitForFunction((s) => window.refscopeDemo.store.get().state?.step === s, first.step);
  const stepper = panel.getByRole('region', { name: 'one collection, phase by phase' });
  await stepper.waitFor();

  /** gc_refs of the rows named `label` in the current phase's column. */
  const refsOf = (label) => stepper.locator('tbody tr').evaluateAll((trs, name) => trs
    .filter((tr) => tr.querySelector('.rs-gc-object').textContent === name)
    .map((tr) => tr.querySelector('td.rs-gc-col-current').textContent), label);
  const phase = async (name) => {
    await stepper.locator(`button[title="${name}"]`).click();
    assert.match(await stepper.locator('.rs-gc-note code').textContent(), new RegExp(`^${name}$`));
  };
  await phase('update_refs');
  assert.deepEqual(await refsOf('list [[[...]]]'), ['1', '1'], 'each list is held once, by the other');
  await phase('subtract_refs');
  assert.deepEqual(await refsOf('list [[[...]]]'), ['0', '0'], 'both references come from inside the generation');
  assert.deepEqual(await refsOf('c: list [1]'), ['0'], "c's only reference is the module's dict, also in the generation");
  await phase('move_unreachable');
  assert.deepEqual(await refsOf('list [[[...]]]'), ['×', '×']);
  assert.deepEqual(await refsOf('c: list [1]'), ['1'], 'c is reached from the module dict, so it is rescued');
  assert.equal(await stepper.locator('tbody tr.rs-gc-row-unreachable').count(), 2);
  // The graph of the program's objects: the two lists point at each other, both unreachable.
  const graph = stepper.getByRole('img', { name: /References between the program’s objects/ });
  assert.equal(await graph.locator('.rs-gc-graph-unreachable').count(), 2);
  assert.match(await graph.locator('desc').textContent(), /list \[\[\[\.\.\.\]\]\] refers to list \[\[\[\.\.\.\]\]\]/);
  await page.screenshot({ path: `${results}/panels-engine-collection.png`, fullPage: true });
  await phase('done');
  const fates = await stepper.locator('tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) =>
    [tr.querySelector('.rs-gc-object').textContent + tr.querySelector('.rs-gc-address')?.textContent, tr.lastElementChild.textContent])));
  assert.deepEqual(Object.entries(fates).filter(([k]) => k.startsWith('list [[[')).map(([, v]) => v), ['freed', 'freed']);
  assert.equal(Object.entries(fates).find(([k]) => k.startsWith('c: '))[1], 'survived');

  // The interpreter's own objects are hidden until asked for.
  const shown = await stepper.locator('tbody tr').count();
  await stepper.getByRole('button', { name: /^Show all \d+ objects/ }).click();
  assert.ok(await stepper.locator('tbody tr').count() > shown);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a real pool fills up block by block as a loop keeps floats', { timeout: 90_000 }, async () => {
  const { page, problems } = await openDemo(env);
  const run = await runProgram(page, FLOATS);
  assert.ok(run.steps > 400, `${run.steps} steps`);
  await goToStep(page, 20);
  // Select a float the way the heap view would; the allocator opens its pool and rings its block.
  const float = await page.evaluate(() => window.refscopeDemo.store.get().state.objects.find((o) => o.type === 'float'));
  assert.ok(float?.pool, 'a float with its block');
  await page.evaluate((id) => window.refscopeDemo.store.select(id, 'test'), float.id);
  const heading = allocator(page).locator('.rs-alloc-pool-heading');
  await heading.waitFor();
  assert.equal(await heading.textContent(),
    `Arena ${float.pool.arena}, pool ${float.pool.pool}: 32-byte blocks (size class 1), used`);
  const early = await allocatedInOpenPool(page);
  await goToStep(page, 400);
  await page.waitForFunction((n) => !document.querySelector('.rs-alloc-pool-counts')?.textContent.includes(` ${n} allocated`), early);
  const late = await allocatedInOpenPool(page);
  assert.ok(late >= early + 150, `the pool went from ${early} to ${late} allocated blocks`);
  assert.match(await allocator(page).locator('.rs-alloc-pool .rs-alloc-cursor').textContent(), /float/);
  await page.screenshot({ path: `${results}/panels-engine-pool.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.context().close();
});
