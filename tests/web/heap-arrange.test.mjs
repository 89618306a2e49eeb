// The heap view's Arrange button: objects keep their places while the program runs (so gaps open
// where objects died); Arrange lays the shown state out afresh, closing the gaps, and the view
// keeps working from there. Needs the front-end build (scripts/build.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, results, startBrowser } from './support/browser.mjs';
import { cardOfName, cards, load, run, setProgram, stepUntilDone, waitForDrawing } from './support/page-actions.mjs';

let session;
before(async () => {
  session = await startBrowser();
});
after(async () => {
  await session?.close();
});

/** The boxes of the cards on screen, by object id. */
async function boxes(page) {
  const out = new Map();
  for (const card of await cards(page)) {
    out.set(card.id, await page.locator(`g.rs-card[data-object="${card.id}"]:not(.rs-leaving)`).boundingBox());
  }
  return out;
}

function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('Arrange closes the gaps left by objects that died, and nothing overlaps', { timeout: 120_000 }, async () => {
  const { page, problems } = await openPage(session.browser);
  await load(page, session.url);
  await setProgram(page, 'a = [1.5]\nb = [2.5]\nc = [3.5]\ndel a\ndel b\nd = (c, c)\nprint(len(d))\n');
  await run(page);
  await stepUntilDone(page, 'del b');
  const card = await cardOfName(page, 'c');
  const kept = await card.boundingBox();
  const id = await card.getAttribute('data-object');
  await page.click('button.rs-heap-arrange');
  await waitForDrawing(page);
  const arranged = await page.locator(`g.rs-card[data-object="${id}"]:not(.rs-leaving)`).boundingBox();
  // c's list was below a's and b's, which are gone: arranged, it moves up into their room.
  assert.ok(arranged.y < kept.y, `c's list from y=${kept.y} to y=${arranged.y}`);
  const shown = await boxes(page);
  const list = [...shown.values()];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) assert.ok(!overlap(list[i], list[j]), 'cards overlap');
  // The view goes on from the new places: the next line's tuple is drawn, c's list stays put.
  await stepUntilDone(page, 'd = (c, c)');
  assert.deepEqual(await page.locator(`g.rs-card[data-object="${id}"]:not(.rs-leaving)`).boundingBox(), arranged);
  assert.ok((await cards(page)).some((c) => c.type === 'tuple'));
  await page.screenshot({ path: `${results}/heap-arrange.png` });
  assert.deepEqual(problems, []);
  await page.context().close();
});
