// "Next / Previous allocation here" in the page's pool view (the engine's find_alloc command,
// docs/trace-format.md): the cursor lands on a step at which the opened pool holds a block it
// did not hold a step before, and back again; and the panel's sys._debugmallocstats() text.
// Needs the front-end build (scripts/build.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, results, startBrowser } from './support/browser.mjs';
import { load, run, setProgram, waitForDrawing } from './support/page-actions.mjs';

let session;
before(async () => {
  session = await startBrowser();
});
after(async () => {
  await session?.close();
});

// Each iteration makes an instance (no free list: a pymalloc allocation) and keeps it.
const PROGRAM = 'class P:\n    pass\nkeep = []\nfor i in range(12):\n    keep.append(P())\nprint(len(keep))\n';

/** Blocks of the pool allocated at `step` that were not allocated to the same object at step - 1. */
async function newBlocks(page, step, arena, pool) {
  return page.evaluate(async ({ step, arena, pool }) => {
    const { store } = window.refscope;
    const trace = store.get().run.trace;
    const now = await store.engine.pool(trace, step, arena, pool);
    const was = await store.engine.pool(trace, step - 1, arena, pool);
    if (!now.ok) throw new Error(now.error.message);
    if (!was.ok) return now.blocks.filter((b) => b.state === 'allocated').length;   // not carved before
    return now.blocks.filter((b, i) => b.state === 'allocated'
      && !(was.blocks[i]?.state === 'allocated' && was.blocks[i].object === b.object)).length;
  }, { step, arena, pool });
}

const cursorStep = (page) => page.evaluate(() => window.refscope.store.get().cursor.step);

/** A page that ran PROGRAM, its cursor on the last step before the end. */
async function ranToLastStep() {
  const { page, problems } = await openPage(session.browser);
  await load(page, session.url);
  await setProgram(page, PROGRAM);
  await run(page);
  const steps = await page.evaluate(() => window.refscope.store.get().run.steps);
  await page.evaluate((s) => window.refscope.store.setCursor(s, 0), steps - 1);
  await waitForDrawing(page);
  return { page, problems, steps };
}

test('next / previous allocation in the opened pool move the cursor to where the pool handed out a block', { timeout: 120_000 }, async () => {
  // Open the pool of the first instance by selecting it at the last step before the end.
  const { page, problems, steps } = await ranToLastStep();
  const place = await page.evaluate(() => {
    const { store } = window.refscope;
    const first = store.get().state.objects.find((o) => o.type === 'P');
    store.select(first.id, 'test');
    return first.pool;
  });
  assert.ok(place, 'the instance lives in a pymalloc pool');
  const panel = page.locator('#allocator');
  await panel.scrollIntoViewIfNeeded();
  const heading = panel.locator('.rs-alloc-pool-heading');
  await heading.waitFor();
  assert.match(await heading.textContent(), new RegExp(`^Arena ${place.arena}, pool ${place.pool}:`));

  // From the first step, "next" lands on allocations in that pool, one after another.
  await page.keyboard.press('Home');
  await page.evaluate(() => window.refscope.store.setCursor(0, 0));
  await waitForDrawing(page);
  await heading.waitFor();
  const next = panel.locator('button.rs-alloc-next-alloc');
  const previous = panel.locator('button.rs-alloc-previous-alloc');
  const landed = [];
  for (let hop = 0; hop < 4; hop++) {
    const from = await cursorStep(page);
    await next.click();
    await page.waitForFunction((old) => window.refscope.store.get().cursor.step !== old, from);
    await waitForDrawing(page);
    const step = await cursorStep(page);
    assert.ok(step > from && step <= steps, `hop ${hop}: from ${from} to ${step}`);
    if (step < steps) assert.ok(await newBlocks(page, step, place.arena, place.pool) > 0, `step ${step}: the pool holds a new block`);
    // The pool stays open at the new step.
    await heading.waitFor();
    assert.match(await heading.textContent(), new RegExp(`^Arena ${place.arena}, pool ${place.pool}:`));
    landed.push(step);
  }
  await page.screenshot({ path: `${results}/find-alloc.png`, fullPage: true });

  // "Previous" goes back to the stop before.
  await previous.click();
  await page.waitForFunction((old) => window.refscope.store.get().cursor.step !== old, landed[3]);
  assert.equal(await cursorStep(page), landed[2]);

  // Past the last allocation there is nothing: the cursor stays and a note says so.
  await page.evaluate((s) => window.refscope.store.setCursor(s, 0), steps);
  await waitForDrawing(page);
  if (await heading.isVisible()) {
    await next.click();
    await page.waitForFunction(() => /hands out no more blocks/.test(document.querySelector('.rs-alloc-jump-note')?.textContent ?? ''));
    assert.equal(await cursorStep(page), steps);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the allocator panel shows what sys._debugmallocstats() would print at the step', { timeout: 120_000 }, async () => {
  const { page, problems } = await ranToLastStep();
  const panel = page.locator('#allocator');
  await panel.scrollIntoViewIfNeeded();
  const stats = panel.locator('.rs-alloc-mallocstats');
  await stats.locator('summary').click();
  const text = await stats.locator('pre').textContent();
  assert.match(text, /^Small block threshold = 512, in 32 size classes\./);
  // Its arena count is the state's.
  const arenas = await page.evaluate(() => window.refscope.store.get().state.allocator.arenas.length);
  assert.match(text, new RegExp(`# arenas allocated current +=\\s+${arenas}\\n`));
  await panel.screenshot({ path: `${results}/allocator-mallocstats.png` });
  assert.deepEqual(problems, []);
  await page.context().close();
});
