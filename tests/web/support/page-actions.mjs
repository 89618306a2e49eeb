// What a person does on the page, as functions: load it, put a program in the editor, run it,
// step until a line has just run, and read what the drawing shows.
import assert from 'node:assert/strict';

export async function load(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"], body[data-error]');
  assert.equal(await page.locator('body').getAttribute('data-ready'), '1',
    `the page reported: ${await page.locator('#error').textContent()}`);
}

/** Replaces the editor's text (typing long programs is slow and auto-indents). */
export async function setProgram(page, source) {
  await page.evaluate((text) => window.refscope.setSource(text), source);
}

/** Runs and waits until the run has ended and the first state is drawn (or the end says why not). */
export async function run(page, { maxSteps } = {}) {
  if (maxSteps) await page.selectOption('#max-steps', String(maxSteps));
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('[data-testid="end-reason"]')?.textContent?.length > 0
    && !document.querySelector('#cancel:not([hidden])'), null, { timeout: 120_000 });
}

/** The text of the editor line carrying a mark ('next', 'done' or 'error'), or null. */
export async function markedLine(page, mark) {
  const line = page.locator(`.cm-line[data-mark="${mark}"]`);
  return (await line.count()) ? (await line.first().textContent()).trim() : null;
}

/** Clicks "step forward one line" until `text` is the line just run; fails after `limit` steps. */
export async function stepUntilDone(page, text, limit = 200) {
  for (let i = 0; i < limit; i++) {
    if ((await markedLine(page, 'done')) === text) return;
    const before = await page.locator('[data-testid="position"]').textContent();
    await page.click('button[data-command="line-forward"]');
    await page.waitForFunction((old) => document.querySelector('[data-testid="position"]')?.textContent !== old, before);
    await waitForDrawing(page);
  }
  assert.fail(`"${text}" never became the line just run`);
}

/** Waits until the drawing shows the state at the cursor (and the editor, which marks its
 *  lines in the next animation frame, has too). */
export async function waitForDrawing(page) {
  await page.waitForFunction(() => {
    const state = window.refscope.store.get();
    return state.state !== null && state.state.step === state.cursor.step;
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

/** The cards on screen (not fading out): [{id, type, refcount, classes}]. */
export async function cards(page) {
  return page.$$eval('g.rs-card:not(.rs-leaving)', (nodes) => nodes.map((node) => ({
    id: Number(node.getAttribute('data-object')),
    type: node.getAttribute('data-type'),
    refcount: node.querySelector('[data-refcount-text]')?.textContent,
    unreachable: node.classList.contains('rs-unreachable'),
    label: node.getAttribute('aria-label'),
  })));
}

/** The card the arrow from a frame's name points to. */
export async function cardOfName(page, name) {
  const id = await page.$eval(`g.rs-frame-row[data-name="${name}"]`, (row) => row.getAttribute('data-object'));
  return page.locator(`g.rs-card[data-object="${id}"]:not(.rs-leaving)`);
}
