// Embedding (docs/embedding.md): the static example page with three players works from plain
// static files; the embed page answers its message API; a damaged embed link shows its message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { root, results, startBrowser, openPage } from './support/browser.mjs';
import { serveStatic } from './support/static-server.mjs';

let browser;
let site;
let app;

before(async () => {
  app = await startBrowser();
  browser = app.browser;
  site = await serveStatic({ '/': `${root}/examples/embed`, '/refscope/': `${root}/dist` });
});
after(async () => {
  await site?.close();
  await app?.close();
});

test('the static example page embeds three working players', async () => {
  const { page, problems } = await openPage(browser, { width: 1100, height: 900 });
  await page.goto(`${site.url}three-players.html`);
  const frames = ['#player-iframe', '#player-element iframe', '#player-driven'];
  for (const selector of frames) {
    const frame = page.frameLocator(selector);
    await frame.locator('body[data-ready="1"]').waitFor({ timeout: 30_000 });
  }
  // The iframe player opened at step 2: a, b and c name one int.
  const first = page.frameLocator('#player-iframe');
  await assert.doesNotReject(first.getByText('a', { exact: true }).first().waitFor());
  // The custom element's program is read-only.
  const editable = await page.frameLocator('#player-element iframe').locator('.cm-content').getAttribute('contenteditable');
  assert.equal(editable, 'false');
  // The page drives the third player through messages.
  await page.locator('#where').filter({ hasText: 'step 0 of' }).waitFor();
  await page.click('#forward');
  await page.click('#forward');
  await page.locator('#where').filter({ hasText: 'step 2 of' }).waitFor();
  await page.screenshot({ path: `${results}/embed-three-players.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the embed page answers get_state and goto', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${site.url}three-players.html`);
  await page.frameLocator('#player-driven').locator('body[data-ready="1"]').waitFor({ timeout: 30_000 });
  const state = await page.evaluate(() => new Promise((resolve) => {
    const frame = document.getElementById('player-driven').contentWindow;
    window.addEventListener('message', (event) => {
      if (event.data?.type === 'state' && event.data.id === 'probe') resolve(event.data);
    });
    frame.postMessage({ refscope: 1, type: 'goto', step: 3 }, '*');
    setTimeout(() => frame.postMessage({ refscope: 1, type: 'get_state', id: 'probe' }, '*'), 200);
  }));
  assert.equal(state.step, 3);
  assert.equal(state.profile, '3.11');
  assert.equal(state.playing, false);
  assert.ok(state.steps > 3);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a damaged embed link shows its message and runs nothing', async () => {
  const { page } = await openPage(browser);
  await page.goto(`${site.url}refscope/embed.html?theme=neon#s1.AAAA-damaged`);
  const notice = page.locator('#notice');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /cannot open its scenario/);
  assert.equal(await page.locator('body[data-ready="1"]').count(), 0);
  await page.context().close();
});
