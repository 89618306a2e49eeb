// panels/plots/mount-plots.ts — plots over the timeline: memory in use, arenas and pools, the
// program's live objects, the collector's counts with every collection marked, and the
// reference count of the selected object. A vertical line follows the step cursor; clicking a
// plot moves the cursor there.
//
// Drawn with uPlot (a small canvas charting library) from downsampled columns (downsample.ts),
// so a 1-million-step trace plots as fast as a short one. Colours are read from the theme's
// CSS variables; the plots are rebuilt when the theme or the trace changes.
//
// Invariants:
//   1. Every plot's x axis is the step, 0..run.steps; the cursor line is at store.cursor.step.
//   2. A click maps to one step within 0..run.steps (store.setCursor clamps as well).
//   3. All listeners and observers are released by the returned unmount function.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Store } from '../../state/store';
import type { RunInfo } from '../../engine/trace-types';
import { alignedSeries } from './downsample';
import { refcountHistory } from './refcount-history';
import './plots.css';

const HEIGHT = 110;
const BUCKETS = 400;

interface PlotSpec {
  title: string;
  describe: string;
  columns: (run: RunInfo) => ArrayLike<number>[];
  series: { label: string; colour: string; dash?: number[] }[];
  format?: (value: number) => string;
  markCollections?: boolean;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KiB`;

const SPECS: PlotSpec[] = [
  {
    title: 'Memory in use',
    describe: 'bytes held in pymalloc blocks and malloc chunks',
    columns: (run) => [run.timeline.memory],
    series: [{ label: 'in use', colour: '--rs-alloc' }],
    format: kib,
  },
  {
    title: 'Arenas and pools',
    describe: 'live arenas and pools in use',
    columns: (run) => [run.timeline.pools, run.timeline.arenas],
    series: [{ label: 'pools', colour: '--rs-gen1' }, { label: 'arenas', colour: '--rs-gen2', dash: [6, 3] }],
  },
  {
    title: 'Live objects',
    describe: 'objects the program created that are alive',
    columns: (run) => [run.timeline.objects],
    series: [{ label: 'objects', colour: '--rs-accent' }],
  },
  {
    title: 'Collector counts',
    describe: 'gc.get_count() for generations 0, 1 and 2; collections marked',
    columns: (run) => [run.timeline.gen0, run.timeline.gen1, run.timeline.gen2],
    series: [
      { label: 'gen 0', colour: '--rs-gen0' },
      { label: 'gen 1', colour: '--rs-gen1', dash: [6, 3] },
      { label: 'gen 2', colour: '--rs-gen2', dash: [2, 3] },
    ],
    markCollections: true,
  },
];

function cssColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** A uPlot that follows the cursor and moves it on click. */
function makePlot(target: HTMLElement, store: Store, run: RunInfo, title: string, x: ArrayLike<number>,
                  ys: ArrayLike<number | null>[], series: PlotSpec['series'], format?: (v: number) => string,
                  collections: number[] = []): uPlot {
  const fg = cssColour('--rs-fg');
  const muted = cssColour('--rs-muted');
  const grid = cssColour('--rs-border');
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
  const plot: uPlot = new uPlot({
    width: Math.max(200, target.clientWidth),
    height: HEIGHT,
    title,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: false, range: [0, Math.max(1, run.steps)] } },
    axes: [
      { ...axis, label: undefined, size: 28 },
      { ...axis, size: 56, values: format ? (_u, values) => values.map((v) => format(v)) : undefined },
    ],
    series: [
      { label: 'step' },
      ...series.map((s) => ({ label: s.label, stroke: cssColour(s.colour), width: 1.5, dash: s.dash,
        spanGaps: false, points: { show: false } })),
    ],
    hooks: {
      draw: [(u: uPlot) => {
        const ctx = u.ctx;
        const top = u.bbox.top;
        const bottom = u.bbox.top + u.bbox.height;
        ctx.save();
        ctx.lineWidth = 1 * devicePixelRatio;
        ctx.strokeStyle = muted;
        ctx.setLineDash([2 * devicePixelRatio, 2 * devicePixelRatio]);
        for (const step of collections) {
          const px = u.valToPos(step, 'x', true);
          ctx.beginPath();
          ctx.moveTo(px, top);
          ctx.lineTo(px, bottom);
          ctx.stroke();
        }
        ctx.setLineDash([]);
        ctx.strokeStyle = fg;
        ctx.lineWidth = 2 * devicePixelRatio;
        const px = u.valToPos(store.get().cursor.step, 'x', true);
        ctx.beginPath();
        ctx.moveTo(px, top);
        ctx.lineTo(px, bottom);
        ctx.stroke();
        ctx.restore();
      }],
    },
  }, [x as number[], ...(ys as number[][])], target);
  plot.over.addEventListener('click', (event) => {
    const rect = plot.over.getBoundingClientRect();
    const step = Math.round(plot.posToVal(event.clientX - rect.left, 'x'));
    store.setCursor(Math.max(0, Math.min(run.steps, step)));
  });
  return plot;
}

export function mountPlots(container: HTMLElement, store: Store): () => void {
  const root = document.createElement('section');
  root.className = 'rs-plots';
  root.setAttribute('aria-label', 'Plots over the timeline');
  container.appendChild(root);
  let plots: uPlot[] = [];
  let refcountPlot: uPlot | null = null;
  let refcountToken = 0;
  const refcountBox = document.createElement('div');
  const summary = document.createElement('p');
  summary.className = 'rs-visually-hidden';

  const clear = () => {
    for (const plot of plots) plot.destroy();
    plots = [];
    refcountPlot?.destroy();
    refcountPlot = null;
    root.replaceChildren();
  };

  const drawRefcount = async () => {
    const token = ++refcountToken;
    const { run, selected } = store.get();
    refcountPlot?.destroy();
    refcountPlot = null;
    refcountBox.replaceChildren();
    if (!run) return;
    const note = document.createElement('p');
    note.className = 'rs-plots-note';
    refcountBox.appendChild(note);
    if (selected === null) {
      note.textContent = 'Select an object to plot its reference count.';
      return;
    }
    note.textContent = `Reading the reference count of object ${selected}…`;
    const history = await refcountHistory(store.engine, run.trace, run.steps, selected);
    if (token !== refcountToken) return;
    const alive = history.refcounts.filter((r): r is number => r !== null);
    note.textContent = alive.length === 0
      ? `Object ${selected} is not alive at any of the ${history.steps.length} sampled steps.`
      : `Sampled at ${history.steps.length} steps: from ${Math.min(...alive)} to ${Math.max(...alive)} references.`;
    const box = document.createElement('div');
    refcountBox.appendChild(box);
    refcountPlot = makePlot(box, store, run, `Reference count of object ${selected}`, history.steps,
      [history.refcounts], [{ label: 'refcount', colour: '--rs-accent' }]);
  };

  const build = () => {
    clear();
    const run = store.get().run;
    if (!run) {
      const empty = document.createElement('p');
      empty.className = 'rs-plots-note';
      empty.textContent = 'Run a program to see its plots.';
      root.appendChild(empty);
      return;
    }
    const lines: string[] = [];
    for (const spec of SPECS) {
      const box = document.createElement('div');
      box.setAttribute('role', 'img');
      box.setAttribute('aria-label', `${spec.title}: ${spec.describe}`);
      root.appendChild(box);
      const columns = spec.columns(run);
      const { x, ys } = alignedSeries(columns, BUCKETS);
      const collections = spec.markCollections ? run.collections.map((c) => c.step) : [];
      plots.push(makePlot(box, store, run, spec.title, x, ys, spec.series, spec.format, collections));
      const first = columns[0];
      let max = 0;
      for (let i = 0; i < first.length; i++) max = Math.max(max, first[i]);
      lines.push(`${spec.title}: highest ${spec.format ? spec.format(max) : max}.`);
    }
    summary.textContent = `${lines.join(' ')} ${run.collections.length} collections.`;
    root.append(summary, refcountBox);
    void drawRefcount();
  };

  const redrawCursor = () => {
    for (const plot of plots) plot.redraw(false, false);
    refcountPlot?.redraw(false, false);
  };

  const resize = new ResizeObserver(() => {
    const width = Math.max(200, root.clientWidth);
    for (const plot of plots) plot.setSize({ width, height: HEIGHT });
    refcountPlot?.setSize({ width, height: HEIGHT });
  });
  resize.observe(root);

  const off = [
    store.on('run', build),
    store.on('theme', build),
    store.on('cursor', redrawCursor),
    store.on('select', () => void drawRefcount()),
  ];
  build();
  return () => {
    off.forEach((unsubscribe) => unsubscribe());
    resize.disconnect();
    refcountToken++;
    clear();
    root.remove();
  };
}
