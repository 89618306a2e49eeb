// Sharing in the page (issue: share, embed and teach): a link round-trips to the same view in a
// new page; a damaged link says so and runs nothing; every gallery example runs; exports are
// valid files. Needs the front-end build (scripts/build.sh). Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { openPage, results, root, startBrowser } from './support/browser.mjs';
import { load, run, setProgram, waitForDrawing } from './support/page-actions.mjs';

let session;
before(async () => { session = await startBrowser(); });
after(async () => { await session?.close(); });

/** What the page shows: program, profile, cursor, selection, drawn state's step. */
async function view(page) {
  return page.evaluate(() => {
    const { cursor, selected, run } = window.refscope.store.get();
    return {
      code: window.refscope.getSource(),
      profile: document.querySelector('#profile').value,
      stdin: document.querySelector('#stdin').value,
      step: cursor.step, instr: cursor.instr, selected, steps: run?.steps ?? null,
    };
  });
}

test('a copied link reopens the same view in a new page', { timeout: 180_000 }, async () => {
  const { page, problems } = await openPage(session.browser);
  await load(page, session.url);
  await setProgram(page, 'a = [1, 2, 3]\nb = a\nc = {"k": b}\nprint(len(c))\n');
  await page.selectOption('#profile', 'classic');
  await page.click('.rs-stdin summary');
  await page.fill('#stdin', 'some input\n');
  await run(page);
  await page.evaluate(() => window.refscope.store.setCursor(3));
  await waitForDrawing(page);
  const card = page.locator('g.rs-card[data-type="list"]:not(.rs-leaving)').first();
  await card.click();
  await page.click('#copy-link');
  await page.waitForFunction(() => location.hash.startsWith('#s1.'));
  const url = page.url();
  const before = await view(page);
  assert.equal(before.step, 3);
  assert.notEqual(before.selected, null);

  const second = await openPage(session.browser);
  await load(second.page, url);
  await second.page.waitForFunction(() => window.refscope.store.get().run !== null);
  await waitForDrawing(second.page);
  assert.deepEqual(await view(second.page), before);
  await second.page.screenshot({ path: `${results}/share-reopened.png`, fullPage: true });
  assert.deepEqual([...problems, ...second.problems], []);
  await second.context.close();
  await page.context().close();
});

test('a damaged link shows its message and runs nothing', { timeout: 60_000 }, async () => {
  const { page } = await openPage(session.browser);
  await load(page, `${session.url}#s1.this-is-not-compressed-data`);
  const text = await page.locator('#output').textContent();
  assert.match(text, /This link cannot be opened\. The link is damaged/);
  assert.equal(await page.evaluate(() => window.refscope.store.get().run), null);
  const future = await openPage(session.browser);
  await load(future.page, `${session.url}#s9.abc`);
  assert.match(await future.page.locator('#output').textContent(), /newer refscope/);
  await future.context.close();
  await page.context().close();
});

test('every gallery example loads from the picker and runs to completion', { timeout: 600_000 }, async () => {
  const { page, problems } = await openPage(session.browser);
  await load(page, session.url);
  const files = readdirSync(`${root}/examples/gallery`).filter((f) => f.endsWith('.py')).sort();
  for (const file of files) {
    const id = file.replace(/\.py$/, '');
    await page.selectOption('#example', id);
    assert.equal(await page.evaluate(() => window.refscope.getSource()),
      readFileSync(`${root}/examples/gallery/${file}`, 'utf8'), `${id}: the editor holds the example`);
    assert.ok(await page.locator('.rs-gallery-note h3').isVisible(), `${id}: its explanation is shown`);
    await run(page);
    const end = await page.locator('[data-testid="end-reason"]').textContent();
    assert.match(end, /Finished normally/, `${id}: ${end}`);
    const pauses = page.locator('.rs-gallery-pauses button');
    for (let i = 0; i < await pauses.count(); i++) {
      assert.ok(await pauses.nth(i).isEnabled(), `${id}: pause ${i + 1} has a step`);
    }
    if (id.startsWith('05')) {
      await pauses.last().click();
      await waitForDrawing(page);
      await page.screenshot({ path: `${results}/gallery-cycles.png`, fullPage: true });
    }
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('exports produce valid files', { timeout: 180_000 }, async () => {
  const { page, problems } = await openPage(session.browser);
  await load(page, session.url);
  await setProgram(page, 'x = [1, 2]\ny = [x, x]\ndel x\nprint(y)\n');
  await run(page);
  await page.evaluate(() => window.refscope.store.setCursor(2));
  await waitForDrawing(page);
  const exported = async (format) => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.selectOption('#export', format)]);
    const path = `${results}/export.${format}`;
    await download.saveAs(path);
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };
  const svg = await exported('svg');
  assert.equal(svg.name, 'refscope-step-2.svg');
  assert.match(svg.bytes.toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const png = await exported('png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const json = JSON.parse((await exported('json')).bytes.toString('utf8'));
  assert.equal(json.format, 'refscope-trace');
  assert.equal(json.timeline.line.length, json.steps + 1);
  const gif = await exported('gif');
  assert.equal(gif.bytes.subarray(0, 6).toString('latin1'), 'GIF89a');
  assert.equal(gif.bytes[gif.bytes.length - 1], 0x3b);
  // Chromium's own decoder reads it: the image has the size of the view.
  const size = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/gif;base64,${base64}`;
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  }, gif.bytes.toString('base64'));
  assert.ok(size[0] > 100 && size[1] > 50, `GIF is ${size.join('×')}`);
  const webm = await exported('webm');
  assert.deepEqual([...webm.bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'an EBML (WebM) header');
  assert.deepEqual(problems, []);
  await page.context().close();
});
