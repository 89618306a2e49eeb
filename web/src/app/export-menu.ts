// app/export-menu.ts — the Export menu: the frames-and-objects view as PNG or SVG, the trace as
// JSON, and a walkthrough of the next steps as an animated GIF or a WebM video.
//
// Invariants:
//   1. Every export names its file after the program's step range and format
//      (refscope-step-12.png, refscope-steps-12-40.gif, refscope-trace.json).
//   2. Failures are reported through `message`, never thrown at the page.
// The exporters (SVG rasteriser, GIF encoder, walkthrough recorder) are loaded on first use:
// they are not part of the page's first load.
import type { Store } from '../state/store';
import type { RunInfo } from '../engine/trace-types';
import { MAX_FRAMES } from '../export/limits';

export interface ExportHost {
  view(): SVGSVGElement | null;
  message(text: string, tone: 'ok' | 'error' | 'warning'): void;
  status(text: string): void;
}

type Format = 'png' | 'svg' | 'json' | 'gif' | 'webm';

const ITEMS: { format: Format; label: string }[] = [
  { format: 'png', label: 'This view as PNG' },
  { format: 'svg', label: 'This view as SVG' },
  { format: 'gif', label: `The next steps as an animated GIF (up to ${MAX_FRAMES})` },
  { format: 'webm', label: 'The next steps as a WebM video' },
  { format: 'json', label: 'The trace as JSON' },
];

function background(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--rs-bg').trim() || '#ffffff';
}

/** RunInfo with its typed-array columns as plain arrays (JSON.stringify drops typed arrays' shape). */
export function runInfoJson(run: RunInfo): string {
  const timeline = Object.fromEntries(Object.entries(run.timeline).map(([key, column]) => [key, Array.from(column as ArrayLike<number>)]));
  return JSON.stringify({ ...run, timeline });
}

export function mountExportMenu(select: HTMLSelectElement, store: Store, host: ExportHost): void {
  select.replaceChildren(new Option('Export…', ''));
  for (const item of ITEMS) select.add(new Option(item.label, item.format));
  const refresh = () => {
    select.disabled = !store.get().run || store.get().busy;
  };
  store.on('run', refresh);
  store.on('busy', refresh);
  refresh();

  select.addEventListener('change', () => {
    const format = select.value as Format | '';
    select.value = '';
    if (format) void exportAs(format);
  });

  async function exportAs(format: Format): Promise<void> {
    const { run, cursor } = store.get();
    if (!run) return;
    try {
      const { download, standaloneSvg, svgToPng } = await import('../export/svg-export');
      if (format === 'json') {
        download(new Blob([runInfoJson(run)], { type: 'application/json' }), 'refscope-trace.json');
        return;
      }
      const view = host.view();
      if (!view) throw new Error('There is no view to export.');
      if (format === 'svg') {
        download(new Blob([standaloneSvg(view, background())], { type: 'image/svg+xml' }), `refscope-step-${cursor.step}.svg`);
      } else if (format === 'png') {
        download(await svgToPng(standaloneSvg(view, background())), `refscope-step-${cursor.step}.png`);
      } else {
        const to = Math.min(run.steps, cursor.step + 40);
        host.status(`Recording steps ${cursor.step}–${to}…`);
        const { recordWalkthrough } = await import('../export/walkthrough');
        const blob = await recordWalkthrough(store, {
          from: cursor.step, to, delayMs: 700, format, view: host.view, background: background(),
          onProgress: (done, total) => host.status(`Recording frame ${done} of ${total}…`),
        });
        download(blob, `refscope-steps-${cursor.step}-${to}.${format}`);
        host.status(`Saved ${blob.size.toLocaleString('en')} bytes.`);
      }
    } catch (error) {
      host.message(`The export failed: ${(error as Error).message}`, 'error');
    }
  }
}
