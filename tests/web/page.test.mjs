// The built page in Debian's Chromium: `vite preview` serves dist/ on 127.0.0.1 (a free port),
// playwright-core drives /usr/bin/chromium (never a downloaded browser). Needs the front-end
// build (scripts/build.sh). Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

let server;
let browser;
let url;
let engineVersion;

before(async () => {
  assert.ok(existsSync(`${root}/dist/index.html`), 'dist/ is missing: run scripts/build.sh first');
  const { default: createCore } = await import(new URL('../../web/src/wasm/core.mjs', import.meta.url).href);
  engineVersion = JSON.parse((await createCore()).call('{"cmd":"version"}')).version;
  mkdirSync(`${root}/test-results`, { recursive: true });
  server = await preview({
    configFile: `${root}/vite.config.js`,
    preview: { host: '127.0.0.1', port: 0, open: false },
    logLevel: 'warn',
  });
  url = server.resolvedUrls.local[0];
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (server) await server.close();
});

/** A new page that records console errors and uncaught exceptions. */
async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { page, problems };
}

test('the page loads the engine and shows its version and profiles', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"], body[data-error]');
  assert.equal(await page.locator('body').getAttribute('data-ready'), '1',
    `the page reported: ${await page.locator('#error').textContent()}`);
  assert.equal(await page.locator('#version').textContent(), engineVersion);
  const profiles = await page.locator('#profiles dt').allTextContents();
  assert.deepEqual(profiles, ['3.11 (default)', 'classic']);
  assert.ok(await page.locator('#error').isHidden());
  // The pymalloc demo: 5,000 of 10,000 float-sized blocks still in use, in either profile.
  const stats = page.locator('#pymalloc-stats');
  assert.match(await stats.textContent(), /in 32 size classes/);
  assert.match(await page.locator('#pymalloc-summary').textContent(), /Blocks in use5,000/);
  await page.screenshot({ path: `${root}/test-results/page.png`, fullPage: true });
  await page.selectOption('#profile-choice', 'classic');
  assert.match(await stats.textContent(), /in 64 size classes/);
  assert.match(await page.locator('#pymalloc-summary').textContent(), /Blocks in use5,000/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page says so when the engine cannot be loaded', { timeout: 60_000 }, async () => {
  const { page } = await openPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"], body[data-error]');
  assert.equal(await page.locator('body').getAttribute('data-error'), '1');
  assert.match(await page.locator('#error').textContent(), /Could not load the refscope engine/);
  assert.ok(await page.locator('#engine').isHidden());
  await page.screenshot({ path: `${root}/test-results/page-error.png`, fullPage: true });
  await page.close();
});
