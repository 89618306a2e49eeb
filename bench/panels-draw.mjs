// bench/panels-draw.mjs — how long the allocator and collector panels take to show one step,
// measured in Debian's Chromium on the panels' demo page with its heavy scenario: 16 arenas of
// the 3.11 profile full of 16-byte blocks (980 pools, 1,000,000 blocks), one 1,021-block pool
// open. Prints medians; asserts nothing (timings are not tests).
//
// Usage: node bench/panels-draw.mjs [ROUNDS]      (after scripts/build.sh; default 40 rounds)
//
// Per round the cursor alternates between steps 9 and 10; the states are fetched once and
// cached by the demo engine, so the figures are the panels' own work:
//   update  — store.setState(): every listener of both panels (lists, legend, text alternative,
//             generations, history) plus the arena-map redraw;
//   update + style and layout — the same plus the browser's style and layout pass it causes;
//   map     — the arena-map canvas redraw alone (batched rects);
//   blocks  — the opened pool's redraw (one ImageData + the free-list line).
// Then a real trace: a program keeping 5,000 tuples (about 13,500 objects in each state), a pool
// open; per step the state is fetched once and handed to the panels 15 times:
//   real update — median of store.setState() for both panels.
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.argv[2] ?? 40);
const root = fileURLToPath(new URL('..', import.meta.url));
const server = await preview({ configFile: `${root}/vite.config.js`, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${server.resolvedUrls.local[0]}panels-demo.html?scenario=heavy&step=10`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForFunction(() => window.refscopeDemo.store.get().state?.step === 10);
  await page.locator('canvas.rs-alloc-map').click({ position: { x: 5, y: 25 } });
  await page.locator('canvas.rs-alloc-blocks').waitFor();

  const result = await page.evaluate(async (n) => {
    const { store } = window.refscopeDemo;
    const update = [];
    const map = [];
    const blocks = [];
    const original = store.setState.bind(store);
    const layout = [];
    let last = 0;
    let lastWithLayout = 0;
    store.setState = (state, cursor) => {
      const t0 = performance.now();
      original(state, cursor);
      last = performance.now() - t0;
      void document.documentElement.offsetHeight;       // style + layout of what changed
      lastWithLayout = performance.now() - t0;
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
    for (let i = 0; i < n; i += 1) {
      const step = i % 2 === 0 ? 9 : 10;
      last = -1;
      store.setCursor(step);
      while (store.get().state?.step !== step) await settle();
      await settle();                        // the opened pool's answer arrives after the state
      update.push(last);
      layout.push(lastWithLayout);
      map.push(Number(document.querySelector('canvas.rs-alloc-map').dataset.drawMs));
      blocks.push(Number(document.querySelector('canvas.rs-alloc-blocks').dataset.drawMs));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const max = (xs) => Math.max(...xs);
    return {
      pools: store.get().state.allocator.arenas.reduce((k, a) => k + a.pools.length, 0),
      arenas: store.get().state.allocator.arenas.length,
      blocksInPool: document.querySelector('.rs-alloc-pool-counts').textContent.split(' ')[0],
      update: [median(update), max(update)], layout: [median(layout), max(layout)], map: [median(map), max(map)], blocks: [median(blocks), max(blocks)],
    };
  }, rounds);
  const f = ([median, max]) => `median ${median.toFixed(2)} ms, max ${max.toFixed(2)} ms`;
  console.log(`panels-draw: ${rounds} steps, ${result.arenas} arenas, ${result.pools} carved pools on the map, ${result.blocksInPool} blocks in the open pool`);
  console.log(`  update (both panels, one step): ${f(result.update)}`);
  console.log(`  update + style and layout:      ${f(result.layout)}`);
  console.log(`  arena map redraw:               ${f(result.map)}`);
  console.log(`  open pool redraw:               ${f(result.blocks)}`);

  const real = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await real.goto(`${server.resolvedUrls.local[0]}panels-demo.html`);
  await real.waitForSelector('body[data-ready="1"]');
  await real.evaluate(() => { document.querySelector('#source').value = 'keep = []\nfor i in range(5000):\n    keep.append((i, str(i)))\n'; });
  await real.click('#run');
  await real.waitForFunction(() => window.refscopeDemo.store.get().run?.steps > 9000 && window.refscopeDemo.store.get().state?.step === 0, null, { timeout: 120_000 });
  await real.locator('canvas.rs-alloc-map').click({ position: { x: 5, y: 25 } });
  const measured = await real.evaluate(async () => {
    const { store, engine } = window.refscopeDemo;
    const run = store.get().run;
    const all = [];
    let objects = 0;
    for (const step of [9000, 9001, 9002, 9003]) {
      const state = await engine.state(run.trace, step, 0);
      objects = state.objects.length;
      store.setCursor(step);
      for (let k = 0; k < 15; k += 1) {
        const t0 = performance.now();
        store.setState(state, { step, instr: 0 });
        all.push(performance.now() - t0);
      }
    }
    all.sort((a, b) => a - b);
    return { objects, median: all[Math.floor(all.length / 2)], max: all[all.length - 1] };
  });
  console.log(`  real trace, ${measured.objects} objects per state: update median ${measured.median.toFixed(2)} ms, max ${measured.max.toFixed(2)} ms`);
} finally {
  await browser.close();
  await server.close();
}
