// The timeline: a scrubber (a range input, so it works with the keyboard and screen readers)
// over a chart of memory in use with the collections marked. Dragging moves the store's cursor;
// the chart follows the cursor.
// Invariants: the slider's value is the cursor's step; the chart is recomputed only when the
// run or the canvas size changes.
import type { Store } from '../../state/store';
import { el } from '../../util/dom';
import { chartColumns, drawChart, drawCursor, type ChartColumns } from './timeline-chart';

export function mountTimeline(container: HTMLElement, store: Store): () => void {
  const slider = el('input', { className: 'rs-scrubber', attrs: { type: 'range', min: '0', max: '0', value: '0', step: '1', 'aria-label': 'Timeline: step' } });
  const canvas = el('canvas', { className: 'rs-chart', attrs: { height: '36', role: 'img', 'aria-label': 'Memory in use over the run; marks show collections' } });
  const root = el('div', { className: 'rs-timeline' }, [canvas, slider]);
  container.append(root);

  let columns: ChartColumns | null = null;
  let chart: HTMLCanvasElement | null = null;
  // The canvas's width as last reported by the ResizeObserver (reading clientWidth on every step
  // would force a layout of the whole page).
  let measured = 600;
  const redraw = () => {
    const { run, cursor } = store.get();
    const width = Math.max(50, Math.floor(measured));
    if (canvas.width !== width) {
      canvas.width = width;
      columns = null;
    }
    if (!run) {
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    if (!columns || !chart) {
      columns = chartColumns(run, width);
      chart = document.createElement('canvas');
      chart.width = canvas.width;
      chart.height = canvas.height;
      drawChart(chart, canvas, run, columns);
    }
    drawCursor(canvas, chart, run, cursor.step);
  };

  slider.addEventListener('input', () => store.setCursor(Number(slider.value), 0));
  const offRun = store.on('run', ({ run }) => {
    columns = null;
    chart = null;
    slider.max = String(run?.steps ?? 0);
    slider.disabled = !run;
    slider.value = '0';
    redraw();
  });
  const offCursor = store.on('cursor', ({ cursor }) => {
    slider.value = String(cursor.step);
    slider.setAttribute('aria-valuetext', `step ${cursor.step}`);
    redraw();
  });
  const offTheme = store.on('theme', () => {
    chart = null;
    redraw();
  });
  const resize = new ResizeObserver((entries) => {
    measured = entries[0]?.contentRect.width || measured;
    redraw();
  });
  resize.observe(canvas);
  slider.disabled = true;
  return () => {
    offRun();
    offCursor();
    offTheme();
    resize.disconnect();
    root.remove();
  };
}
