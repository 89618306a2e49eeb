// Shared set-up of the browser tests: `vite preview` serves the built page (dist/) on a free
// port of 127.0.0.1, playwright-core drives Debian's /usr/bin/chromium (never a downloaded
// browser), and each page records console errors and uncaught exceptions.
import { existsSync, mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const results = `${root}/test-results`;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Starts the server and the browser; returns {url, browser, close()}. */
export async function startBrowser() {
  assert.ok(existsSync(`${root}/dist/index.html`), 'dist/ is missing: run scripts/build.sh first');
  mkdirSync(results, { recursive: true });
  const server = await preview({
    configFile: `${root}/vite.config.js`,
    preview: { host: '127.0.0.1', port: 0, open: false },
    logLevel: 'warn',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    url: server.resolvedUrls.local[0],
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page (own context) that records console errors and uncaught exceptions. */
export async function openPage(browser, { width = 1280, height = 800, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { page, context, problems };
}
