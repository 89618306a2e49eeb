// The frames-and-objects panel: a toolbar (show the value stack; legend), the drawing
// (heap-view.ts) in a scrolling box, and the selected object's details (object-details.ts).
// Follows the store: a new run resets the places; each state redraws; clicking a card (or Enter
// on a focused card) selects the object everywhere; Escape or a click on empty space clears it.
// Invariant: the drawing always shows store.get().state (or the last one while the next loads).
import type { StepState } from '../../engine/trace-types';
import type { Store } from '../../state/store';
import { el } from '../../util/dom';
import { HeapView } from './heap-view';
import { renderDetails } from './object-details';

const LEGEND: [string, string][] = [
  ['rs-legend-gen0', 'gen 0'],
  ['rs-legend-gen1', 'gen 1'],
  ['rs-legend-gen2', 'gen 2'],
  ['rs-legend-untracked', 'untracked'],
  ['rs-legend-static', 'static'],
  ['rs-legend-unreachable', 'unreachable (dashed)'],
];

export function mountHeap(container: HTMLElement, store: Store): () => void {
  const view = new HeapView();
  const stackToggle = el('input', { attrs: { type: 'checkbox', id: 'rs-show-stack' } });
  const legend = el('ul', { className: 'rs-legend', attrs: { 'aria-label': 'Legend' } },
    LEGEND.map(([className, text]) => el('li', {}, [el('span', { className: `rs-swatch ${className}`, attrs: { 'aria-hidden': 'true' } }), document.createTextNode(text)])));
  const arrange = el('button', { className: 'rs-heap-arrange', text: 'Arrange',
    attrs: { type: 'button', title: 'Lay the objects out afresh, without the gaps left by objects that are gone' } });
  const toolbar = el('div', { className: 'rs-heap-toolbar' }, [
    el('label', {}, [stackToggle, document.createTextNode(' value stack')]),
    arrange,
    legend,
  ]);
  const scroller = el('div', { className: 'rs-heap-scroll', attrs: { tabindex: '-1' } }, [view.svg]);
  const details = el('div', { className: 'rs-object-details', attrs: { 'aria-live': 'polite', 'aria-label': 'Selected object' } });
  const empty = el('p', { className: 'rs-hint rs-heap-empty', text: 'Run the program to see its frames and objects.' });
  const root = el('div', { className: 'rs-heap' }, [toolbar, empty, scroller, details]);
  container.append(root);

  let shown: StepState | null = null;
  const draw = () => {
    const { state, selected } = store.get();
    if (state) shown = state;
    const reason = store.get().run?.end.reason;
    const neverRan = (reason === 'syntax_error' || reason === 'unsupported') && (shown?.frames.length ?? 0) === 0;
    const nothing = shown === null || neverRan;
    empty.textContent = shown === null ? 'Run the program to see its frames and objects.' : 'The program did not start, so there are no frames or objects.';
    empty.hidden = !nothing;
    scroller.hidden = nothing;
    if (shown) view.update(shown, stackToggle.checked, selected);
    renderDetails(details, shown, selected);
  };

  const selectFrom = (target: EventTarget | null) => {
    const card = (target as Element | null)?.closest?.('[data-object].rs-card');
    store.select(card ? Number(card.getAttribute('data-object')) : null, 'heap');
  };
  view.svg.addEventListener('click', (event) => selectFrom(event.target));
  view.svg.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectFrom(event.target);
    } else if (event.key === 'Escape') store.select(null, 'heap');
  });
  stackToggle.addEventListener('change', draw);
  arrange.addEventListener('click', () => {
    view.rearrange();
    scroller.scrollTo({ left: 0, top: 0 });
  });

  // Tell the drawing which part is in view (it builds only the cards near it).
  let size = { width: 1600, height: 1200 };
  let pending = false;
  const sendViewport = () => {
    pending = false;
    view.setViewport({ left: scroller.scrollLeft, top: scroller.scrollTop, width: size.width, height: size.height });
  };
  scroller.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(sendViewport);
  }, { passive: true });
  new ResizeObserver((entries) => {
    const box = entries[0]?.contentRect;
    if (box && box.width > 0) {
      size = { width: box.width, height: box.height };
      sendViewport();
    }
  }).observe(scroller);

  const off = [
    store.on('run', () => {
      view.reset();
      shown = null;
      draw();
    }),
    store.on('state', draw),
    store.on('select', ({ id, source }) => {
      draw();
      // Selected in another panel (the allocator's block, the collector's table): show it here.
      const spot = id === null ? undefined : view.spotOf(id);
      if (source !== 'heap' && spot) {
        scroller.scrollTo({ left: Math.max(0, spot.x - 40), top: Math.max(0, spot.y - 40) });
      }
    }),
  ];
  draw();
  return () => {
    off.forEach((f) => f());
    root.remove();
  };
}
