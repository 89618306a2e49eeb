// scripts/bench-web.mjs — the browser benchmark (a script that prints figures, not a test).
// Serves the built page (dist/) with `vite preview`, drives Debian's Chromium and reports:
//   1. bytes transferred on first load, gzipped (each response body gzipped at level 9),
//   2. time to first render (navigation start → engine loaded and page drawn, a performance mark),
//   3. time per step with ~500 objects on screen: the page's work (cursor move → state at hand,
//      every panel redrawn, style and layout done: what must fit in one 60 Hz frame, the target),
//      and the time to the next painted frame (cursor move → the frame after the drawing has
//      painted; the browser paints on a 16.7 ms clock, so this is a whole number of frames plus
//      a little), and the engine's share (a `state` request alone),
//   4. how long a 1,000,000-step program takes to record, and to scrub across.
// Targets (issue 4): first load <= 600 KB gzipped, first render <= 1.5 s, a step <= 16 ms.
// Usage: npm run build (or scripts/build.sh), then `node scripts/bench-web.mjs`.
import { gzipSync } from 'node:zlib';
import { openPage, startBrowser } from '../tests/web/support/browser.mjs';

const session = await startBrowser();
const figures = [];
const report = (name, value, target = '') => {
  figures.push([name, value, target]);
  console.log(`${name.padEnd(44)} ${String(value).padStart(14)}  ${target}`);
};

try {
  // 1 + 2: first load.
  {
    const { page, context } = await openPage(session.browser);
    const bodies = [];
    page.on('response', async (response) => {
      try {
        bodies.push({ url: response.url(), body: await response.body() });
      } catch {
        // redirects and aborted requests have no body
      }
    });
    await page.goto(session.url);
    await page.waitForSelector('body[data-ready="1"]');
    await page.waitForTimeout(300);
    const raw = bodies.reduce((sum, r) => sum + r.body.length, 0);
    const gzipped = bodies.reduce((sum, r) => sum + gzipSync(r.body, { level: 9 }).length, 0);
    report('first load: requests', bodies.length);
    report('first load: bytes (raw)', raw.toLocaleString('en'));
    report('first load: bytes (gzipped)', gzipped.toLocaleString('en'), '<= 614,400');
    const ready = await page.evaluate(() => performance.getEntriesByName('refscope-ready')[0]?.startTime ?? -1);
    report('time to first render (ms)', ready.toFixed(0), '<= 1500');
    await context.close();
  }

  // 3: steps with ~500 objects on screen.
  {
    const { page, context } = await openPage(session.browser);
    await page.goto(session.url);
    await page.waitForSelector('body[data-ready="1"]');
    const source = 'items = []\nfor i in range(250):\n    items.append([i])\ntotal = 0\nfor k in range(60):\n    total = total + k\n';
    await page.evaluate((text) => window.refscope.setSource(text), source);
    await page.click('#run');
    await page.waitForFunction(() => window.refscope.store.get().run !== null);
    const timings = await page.evaluate(async () => {
      const store = window.refscope.store;
      const run = store.get().run;
      // Drawn = the state arrived, every panel redrew, and the browser laid out and painted the
      // frame (the next animation frame's callback runs after that paint's layout).
      const drawn = () => new Promise((resolve) => {
        const off = store.on('state', () => {
          off();
          requestAnimationFrame(() => setTimeout(resolve, 0));
        });
      });
      // The page's work for one step, without the wait for the frame clock: from the cursor move
      // to the end of the task that stores the state and redraws every panel (listeners run
      // synchronously; a state not at hand yet adds the engine's round trip), plus the next
      // frame's animation-frame callbacks (panels that measure or draw there, e.g. the editor)
      // and that frame's style and layout (forced by reading a layout property in the last
      // callback). Painting itself is not counted.
      let beforeState = null;
      const setState = store.setState.bind(store);
      store.setState = (...args) => {
        beforeState?.();
        return setState(...args);
      };
      const worked = (t0) => new Promise((resolve) => {
        let frameStart = 0;
        beforeState = () => {
          beforeState = null;
          requestAnimationFrame(() => (frameStart = performance.now()));
        };
        const off = store.on('state', () => {
          off();
          queueMicrotask(() => {
            const taskEnd = performance.now();
            requestAnimationFrame(() => {
              void document.body.offsetHeight;
              resolve(taskEnd - t0 + (performance.now() - frameStart));
            });
          });
        });
      });
      // The engine's part alone: one `state` request, answered by the worker.
      const engineTimes = [];
      // Go to the second loop (after the 250 appends).
      let start = run.timeline.line.findIndex((line, step) => line === 5 && step > 0);
      let wait = drawn();
      store.setCursor(start, 0);
      await wait;
      const cards = document.querySelectorAll('g.rs-card:not(.rs-leaving)').length;
      const objects = Number(/(\d+) objects?/.exec(document.querySelector('svg.rs-heap-svg desc')?.textContent ?? '')?.[1] ?? 0);
      const times = [];
      const work = [];
      for (let i = 1; i <= 60 && start + i <= run.steps; i++) {
        wait = drawn();
        const t0 = performance.now();
        const done = worked(t0);
        store.setCursor(start + i, 0);
        work.push(await done);
        await wait;
        times.push(performance.now() - t0);
      }
      for (let i = 1; i <= 30; i++) {
        const t0 = performance.now();
        await store.engine.state(run.trace, start + i, 0);
        engineTimes.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      work.sort((a, b) => a - b);
      engineTimes.sort((a, b) => a - b);
      return { cards, objects, median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], count: times.length,
        work: work[Math.floor(work.length / 2)], workP95: work[Math.floor(work.length * 0.95)],
        engine: engineTimes[Math.floor(engineTimes.length / 2)] };
    });
    report('objects in the drawing', timings.objects);
    report('  of which cards built (near the scrolled view)', timings.cards);
    report(`step: page's work, median of ${timings.count} (ms)`, timings.work.toFixed(1), '<= 16');
    report('step: page\'s work, 95th percentile (ms)', timings.workP95.toFixed(1));
    report('step to the next painted frame, median (ms)', timings.median.toFixed(1), '(frames: 16.7 each)');
    report('step to the next painted frame, 95th pct (ms)', timings.p95.toFixed(1));
    report('  of which the engine\'s state answer (median ms)', timings.engine.toFixed(1));
    await context.close();
  }

  // 4: a 1M-step program, recorded and scrubbed.
  {
    const { page, context } = await openPage(session.browser);
    await page.goto(session.url);
    await page.waitForSelector('body[data-ready="1"]');
    await page.evaluate((text) => window.refscope.setSource(text), 'n = 0\nwhile n < 500000:\n    n = n + 1\nprint(n)\n');
    await page.selectOption('#max-steps', '5000000');
    const t0 = Date.now();
    await page.click('#run');
    await page.waitForFunction(() => window.refscope.store.get().state !== null, null, { timeout: 600_000 });
    report('1M-step program: run to first state (s)', ((Date.now() - t0) / 1000).toFixed(2));
    const scrub = await page.evaluate(async () => {
      const store = window.refscope.store;
      const run = store.get().run;
      const slider = document.querySelector('.rs-scrubber');
      const times = [];
      for (let i = 1; i <= 40; i++) {
        const target = Math.floor((run.steps * i) / 40);
        const done = new Promise((resolve) => {
          const off = store.on('state', ({ cursor }) => {
            if (cursor.step === target) {
              off();
              resolve();
            }
          });
        });
        const t = performance.now();
        slider.value = String(target);
        slider.dispatchEvent(new Event('input'));
        await done;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { steps: run.steps, median: times[20], max: times[times.length - 1] };
    });
    report('1M-step program: steps recorded', scrub.steps.toLocaleString('en'));
    report('scrub to a far step, median (ms)', scrub.median.toFixed(1));
    report('scrub to a far step, worst of 40 (ms)', scrub.max.toFixed(1));
    await context.close();
  }
} finally {
  await session.close();
}
