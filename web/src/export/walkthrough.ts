// export/walkthrough.ts — an animated walkthrough of a step range, as GIF or WebM.
//
// For each step of the range the store's cursor moves there, the exporter waits until the
// state has arrived and the views have drawn (two animation frames), then rasterises the
// chosen SVG view (svg-export.ts). GIF frames go to the GIF encoder (gif-encoder.ts); WebM
// frames are drawn on a canvas recorded by the browser's MediaRecorder. The cursor returns to
// where it was when the export ends, also when it fails or is cancelled.
//
// Invariants:
//   1. Frames are captured in step order, one per step of the range (at most MAX_FRAMES).
//   2. Every frame has the size of the first (later frames are drawn scaled into it).
import type { Store } from '../state/store';
import { GifEncoder } from './gif-encoder';
import { standaloneSvg, svgToCanvas } from './svg-export';
import { MAX_FRAMES } from './limits';

export { MAX_FRAMES };

export interface WalkthroughOptions {
  from: number;
  to: number;
  delayMs: number;
  format: 'gif' | 'webm';
  /** The view to capture, looked up again for every frame (panels may rebuild their SVG). */
  view: () => SVGSVGElement | null;
  background: string;
  scale?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Moves the cursor and resolves when the state for it has arrived (or at once if present). */
function showStep(store: Store, step: number): Promise<void> {
  store.setCursor(step);
  const { state, cursor } = store.get();
  if (state && cursor.step === step) return nextPaint();
  return new Promise((resolve) => {
    const off = store.on('state', (event) => {
      if (event.cursor.step !== step) return;
      off();
      void nextPaint().then(resolve);
    });
  });
}

export async function recordWalkthrough(store: Store, options: WalkthroughOptions): Promise<Blob> {
  const run = store.get().run;
  if (!run) throw new Error('Run a program first.');
  const from = Math.max(0, Math.min(run.steps, Math.min(options.from, options.to)));
  const to = Math.max(0, Math.min(run.steps, Math.max(options.from, options.to)));
  const steps: number[] = [];
  const stride = Math.max(1, Math.ceil((to - from + 1) / MAX_FRAMES));
  for (let s = from; s <= to; s += stride) steps.push(s);
  const start = store.get().cursor;
  const scale = options.scale ?? 1;
  let canvas: HTMLCanvasElement | null = null;
  let gif: GifEncoder | null = null;
  let recorder: MediaRecorder | null = null;
  const chunks: Blob[] = [];
  try {
    for (let i = 0; i < steps.length; i++) {
      if (options.signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
      await showStep(store, steps[i]);
      const svg = options.view();
      if (!svg) throw new Error('There is no view to capture.');
      const frame = await svgToCanvas(standaloneSvg(svg, options.background), scale);
      if (!canvas) {
        canvas = document.createElement('canvas');
        canvas.width = frame.width;
        canvas.height = frame.height;
        if (options.format === 'gif') {
          gif = new GifEncoder(canvas.width, canvas.height);
        } else {
          const stream = canvas.captureStream(0);
          recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
          recorder.ondataavailable = (event) => { if (event.data.size > 0) chunks.push(event.data); };
          recorder.start();
        }
      }
      const context = canvas.getContext('2d')!;
      context.fillStyle = options.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(frame, 0, 0, canvas.width, canvas.height);
      if (gif) {
        gif.addFrame({ rgba: context.getImageData(0, 0, canvas.width, canvas.height).data, delayMs: options.delayMs });
      } else if (recorder) {
        const track = recorder.stream.getVideoTracks()[0] as MediaStreamTrack & { requestFrame?: () => void };
        track.requestFrame?.();
        await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      }
      options.onProgress?.(i + 1, steps.length);
    }
    if (gif) return new Blob([gif.finish() as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
    if (!recorder) throw new Error('Nothing was captured.');
    const stopped = new Promise((resolve) => { recorder!.onstop = resolve; });
    recorder.stop();
    await stopped;
    return new Blob(chunks, { type: 'video/webm' });
  } finally {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    store.setCursor(start.step, start.instr);
  }
}
