// The allocator and collector panels on their demo page (web/panels-demo.html) in Debian's
// Chromium: `vite preview` serves dist/, playwright-core drives /usr/bin/chromium. Needs the
// front-end build (scripts/build.sh). Runs on the demo's stand-in trace (`?synthetic=1`): real
// allocator figures from alloc_scenario, sample pool layouts and a sample collection of a
// two-list cycle. Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openPage, results, root, startBrowser } from './support/browser.mjs';
import { allocatedInOpenPool, allocator, collector, goToStep, openDemo as open } from './support/panels-demo.mjs';

let env;

before(async () => {
  assert.ok(existsSync(`${root}/dist/panels-demo.html`), 'dist/panels-demo.html is missing: run scripts/build.sh first');
  env = await startBrowser();
});

after(async () => {
  await env?.close();
});

const openDemo = (query) => open(env, query);

test('allocator: a pool opened from the map fills up as the program allocates', { timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo('?synthetic=1');
  await goToStep(page, 1);
  const map = allocator(page).locator('canvas.rs-alloc-map');
  await map.click({ position: { x: 10, y: 30 } });     // the first tile of arena 0
  const heading = allocator(page).locator('.rs-alloc-pool-heading');
  await heading.waitFor();
  assert.match(await heading.textContent(), /^Arena 0, pool 0: 32-byte blocks \(size class 1\), used/);
  const before = await allocatedInOpenPool(page);
  assert.ok(before > 0 && before < 510, `pool 0 holds ${before} blocks at step 1`);
  await page.screenshot({ path: `${results}/panels-allocator-step1.png`, fullPage: true });

  await goToStep(page, 2);
  await page.waitForFunction((n) => !document.querySelector('.rs-alloc-pool-counts')?.textContent.startsWith(`510 blocks: ${n} `), before);
  const after = await allocatedInOpenPool(page);
  assert.ok(after > before, `pool 0 went from ${before} to ${after} blocks`);
  assert.match(await heading.textContent(), /, full$/);
  // The map's text alternative tallies the 32-byte class: pool 0 now counts among its full pools.
  const byClass = allocator(page).locator('.rs-visually-hidden table').filter({ hasText: 'Pools by size class' });
  const cells = await byClass.locator('tbody tr').first().locator('td').allTextContents();
  assert.equal(cells[0], '32 B (class 1)');
  assert.ok(Number(cells[1]) >= 1, `full pools of the 32-byte class: ${cells[1]}`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('allocator: lists, free-list text, malloc chunks and _debugmallocstats follow the step', { timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo('?synthetic=1');
  await goToStep(page, 9);                              // every second float freed
  const panel = allocator(page);
  assert.match(await panel.locator('.rs-alloc-lists li').first().textContent(), /^class 1 \(32 B\)/);
  assert.match(await panel.locator('.rs-alloc-arena-order li').first().textContent(), /^arena 0 — \d+ free pools$/);
  const rawRows = panel.locator('.rs-alloc-raw tbody tr');
  assert.equal(await rawRows.count(), 2);
  // The first chunk holds an object: its button selects it, and the selected chunk is marked.
  assert.equal(await rawRows.first().locator('td').nth(2).textContent(), "str 'xxxxxxxx…'");
  assert.equal(await panel.locator('.rs-alloc-raw tr[aria-current="true"]').count(), 0);
  await rawRows.first().getByRole('button').click();
  await page.waitForFunction(() => window.refscopeDemo.store.get().selected === 102);
  assert.equal(await panel.locator('.rs-alloc-raw tr[aria-current="true"] td').first().textContent(), '0x55555555a000');
  await panel.locator('.rs-alloc-lists .rs-alloc-chip').first().click();   // open the head of usedpools[1]
  await panel.locator('.rs-alloc-chain').waitFor();
  assert.match(await panel.locator('.rs-alloc-chain').textContent(), /^Free list, head first \(255 blocks; .*\): freeblock → 509 → 507/);
  const stats = panel.locator('.rs-alloc-mallocstats');
  assert.equal(await stats.locator('pre').isVisible(), false);
  await stats.locator('summary').click();
  assert.match(await stats.locator('pre').textContent(), /Small block threshold = 512, in 32 size classes/);
  await goToStep(page, 8);                              // the section stays open across steps
  assert.equal(await panel.locator('.rs-alloc-mallocstats pre').isVisible(), true);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('allocator: selecting an object by its block rings the block; keyboard opens pools', { timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo('?synthetic=1');
  await goToStep(page, 1);
  const panel = allocator(page);
  const map = panel.locator('canvas.rs-alloc-map');
  await map.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await panel.locator('.rs-alloc-map-section .rs-alloc-cursor').textContent(), /^Arena 0, pool 1: 64-byte blocks/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const blocks = panel.locator('canvas.rs-alloc-blocks');
  await blocks.waitFor();

  // The gap just left of block 2 (cells of 11 px + 1 px gap): background before, ring after.
  const ringPixel = () => page.evaluate(() => {
    const canvas = document.querySelector('canvas.rs-alloc-blocks');
    const scale = canvas.width / canvas.clientWidth;
    return [...canvas.getContext('2d').getImageData(Math.floor(23.5 * scale), Math.floor(5 * scale), 1, 1).data];
  });
  const plain = await ringPixel();
  await blocks.click({ position: { x: 29, y: 5 } });   // block 2 holds the float 2.72
  await page.waitForFunction(() => window.refscopeDemo.store.get().selected === 101);
  await page.waitForFunction((p) => {
    const canvas = document.querySelector('canvas.rs-alloc-blocks');
    const scale = canvas.width / canvas.clientWidth;
    const now = [...canvas.getContext('2d').getImageData(Math.floor(23.5 * scale), Math.floor(5 * scale), 1, 1).data];
    return now.join() !== p.join();
  }, plain);
  assert.match(await panel.locator('.rs-alloc-pool .rs-alloc-cursor').textContent(), /^Block 2 at 0x[0-9a-f]+: allocated — float 2\.72$/);
  await page.keyboard.press('Escape');
  assert.equal(await panel.locator('.rs-alloc-pool').isHidden(), true);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('collector: the history jumps to a collection whose phases take a two-list cycle to unreachable', { timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo('?synthetic=1');
  const panel = collector(page);
  assert.deepEqual(await panel.getByRole('meter').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-valuetext'))),
    ['0 of 700', '0 of 10', '0 of 10']);
  await panel.getByRole('button', { name: /go to collection 1 at step 11/ }).click();
  await page.waitForFunction(() => window.refscopeDemo.store.get().cursor.step === 11);
  const stepper = panel.getByRole('region', { name: 'one collection, phase by phase' });
  await stepper.waitFor();
  assert.match(await stepper.locator('h3').textContent(), /^Collection #1: generation 2 at step 11 — 2 collected, 0 uncollectable$/);

  const rows = stepper.locator('tbody tr');
  assert.equal(await rows.count(), 3);
  /** The filled cells of each row: [object, ...gc_refs per reached phase]. */
  const table = () => rows.evaluateAll((trs) => trs.map((tr) =>
    [tr.querySelector('.rs-gc-object').textContent, ...[...tr.querySelectorAll('td')].slice(0, -1).map((td) => td.textContent).filter(Boolean)]));
  assert.deepEqual(await table(), [['list [[[...]]]', '1'], ['list [[[...]]]', '1'], ['list [1]', '1']]);
  assert.match(await stepper.locator('.rs-gc-note').textContent(), /Copy reference counts.*scratch counter, gc_refs/);

  await stepper.getByRole('button', { name: 'Next phase →' }).click();
  assert.deepEqual(await table(), [['list [[[...]]]', '1', '0'], ['list [[[...]]]', '1', '0'], ['list [1]', '1', '1']]);
  await stepper.getByRole('button', { name: 'Next phase →' }).click();
  assert.equal(await stepper.locator('tbody tr.rs-gc-row-unreachable').count(), 2);
  assert.deepEqual(await stepper.locator('tbody tr.rs-gc-row-unreachable .rs-gc-object').allTextContents(), ['list [[[...]]]', 'list [[[...]]]']);
  await page.screenshot({ path: `${results}/panels-collector-phase3.png`, fullPage: true });

  // Keyboard: End goes to the last phase, where the outcome column is filled in.
  await stepper.locator('[aria-current="step"]').focus();
  await page.keyboard.press('End');
  assert.match(await stepper.locator('.rs-gc-note').textContent(), /^Phase 9 of 9: Done/);
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild.textContent)), ['freed', 'freed', 'survived']);

  // A new run closes the collection of the old trace.
  await page.click('#run');
  await page.waitForFunction(() => window.refscopeDemo.store.get().state?.step === 0);
  assert.equal(await panel.locator('.rs-gc-stepper').isHidden(), true);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('both panels in the dark theme, without console errors', { timeout: 60_000 }, async () => {
  const { page, problems } = await openDemo('?synthetic=1&theme=dark&step=9');
  await page.waitForFunction(() => window.refscopeDemo.store.get().state?.step === 9);
  await allocator(page).locator('canvas.rs-alloc-map').click({ position: { x: 10, y: 30 } });
  await allocator(page).locator('canvas.rs-alloc-blocks').waitFor();
  await collector(page).getByRole('button', { name: /go to collection 1/ }).click();
  await collector(page).getByRole('button', { name: 'Next phase →' }).click();
  // The map's background pixel follows the theme: dark here, light after switching.
  const corner = () => page.evaluate(() => getComputedStyle(document.querySelector('.rs-allocator')).backgroundColor);
  assert.equal(await corner(), 'rgb(22, 24, 28)');
  await page.screenshot({ path: `${results}/panels-dark.png`, fullPage: true });
  // The canvases repaint with the new theme too: the pale centre of free block 1 changes.
  const freeCentre = () => page.evaluate(() => {
    const canvas = document.querySelector('canvas.rs-alloc-blocks');
    const scale = canvas.width / canvas.clientWidth;
    return [...canvas.getContext('2d').getImageData(Math.floor(17.5 * scale), Math.floor(5.5 * scale), 1, 1).data].join();
  });
  const dark = await freeCentre();
  await page.selectOption('#theme', 'light');
  assert.equal(await corner(), 'rgb(255, 255, 255)');
  await page.waitForFunction((before) => {
    const canvas = document.querySelector('canvas.rs-alloc-blocks');
    const scale = canvas.width / canvas.clientWidth;
    return [...canvas.getContext('2d').getImageData(Math.floor(17.5 * scale), Math.floor(5.5 * scale), 1, 1).data].join() !== before;
  }, dark);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('allocator on a phone: canvases shrink to the panel and clicks still hit the right block', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage(env.browser, { width: 340, height: 800 });
  await page.goto(`${env.url}panels-demo.html?synthetic=1&step=1`);
  await page.waitForFunction(() => window.refscopeDemo?.store.get().state?.step === 1);
  const panel = allocator(page);
  await panel.locator('canvas.rs-alloc-map').click({ position: { x: 8, y: 28 } });
  const blocks = panel.locator('canvas.rs-alloc-blocks');
  await blocks.waitFor();
  const box = await blocks.boundingBox();
  const layoutWidth = await blocks.evaluate((c) => c.width / Math.max(1, Math.round(window.devicePixelRatio || 1)));
  assert.ok(box.width < layoutWidth, `the block canvas is scaled down (${box.width} < ${layoutWidth})`);
  const k = box.width / layoutWidth;
  await blocks.click({ position: { x: 29 * k, y: 5 * k } });      // block 2, the float 2.72
  await page.waitForFunction(() => window.refscopeDemo.store.get().selected === 101);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing sticks out sideways');
  await page.screenshot({ path: `${results}/panels-phone.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.context().close();
});
