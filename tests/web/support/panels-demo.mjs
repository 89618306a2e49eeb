// What the panels' tests do on the panels' demo page (web/panels-demo.html): open it, run a
// program through the real engine, move the cursor, and find the two panels by role and name.
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';

/** Opens the demo page at `query`; `problems` collects console errors and uncaught exceptions. */
export async function openDemo(env, query = '', viewport = { width: 1300, height: 900 }) {
  const { page, problems } = await openPage(env.browser, viewport);
  await page.goto(`${env.url}panels-demo.html${query}`);
  await page.waitForSelector('body[data-ready="1"], body[data-error]');
  assert.equal(await page.locator('body').getAttribute('data-error'), null, await page.locator('#mode').textContent());
  return { page, problems };
}

/** Puts `source` in the demo's program box, runs it, and waits for the state at step 0. */
export async function runProgram(page, source) {
  await page.evaluate(() => { document.querySelector('.demo-source').open = true; });
  await page.fill('#source', source);
  await page.evaluate(() => { window.refscopeDemo.store.setRun(null); });
  await page.click('#run');
  await page.waitForFunction(() => window.refscopeDemo.store.get().run && window.refscopeDemo.store.get().state?.step === 0);
  return page.evaluate(() => {
    const { run } = window.refscopeDemo.store.get();
    return { steps: run.steps, collections: run.collections, synthetic: window.refscopeDemo.engine.synthetic !== null };
  });
}

/** Moves the cursor and waits until the panels show that step's state. */
export async function goToStep(page, step) {
  await page.evaluate((s) => window.refscopeDemo.store.setCursor(s), step);
  await page.waitForFunction((s) => window.refscopeDemo.store.get().state?.step === s, step);
}

export const allocator = (page) => page.getByRole('region', { name: 'Allocator (pymalloc)' });
export const collector = (page) => page.getByRole('region', { name: 'Cyclic garbage collector' });

/** "N allocated" from the opened pool's counts line. */
export async function allocatedInOpenPool(page) {
  const text = await allocator(page).locator('.rs-alloc-pool-counts').textContent();
  const match = text.match(/(\d+) allocated/);
  assert.ok(match, `no block counts in "${text}"`);
  return Number(match[1]);
}
