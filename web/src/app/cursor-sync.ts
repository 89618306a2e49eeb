// Keeps store.state equal to the engine's state at the store's cursor. Requests are coalesced:
// at most one `state` request is in flight; when it returns and the cursor has moved meanwhile,
// only the newest cursor is asked for next. So dragging the scrubber over a million steps never
// queues a million requests.
//
// Prefetch: when nothing is wanted, the neighbours of the cursor are fetched one at a time into
// a small cache of parsed states. A cursor move onto a cached state is answered at once, in the
// same task: stepping costs the drawing only, not a round trip to the worker and a parse.
// After a jump only the line steps just before and after are fetched: they are in the engine's
// own window of states around the jump (json_trace.cpp), so that is a lookup there, never a
// re-run that would hold up the next jump. While the user steps line by line, the next few
// steps in that direction are fetched too, and every request asks the engine to build the
// steps ahead in that direction only (its `first`/`last` range): a re-run (about 100 ms for
// states of 500 objects) then yields only states not built yet, and starts several steps
// before they are needed.
//
// Invariants:
// 1. An answer is stored only for the cursor it was asked for (Store.setState checks).
// 2. The cache holds states of the current trace only (a new run empties it) and at most
//    CACHE_SIZE of them; the oldest used go first.
// 3. A prefetch never delays a wanted request by more than the one request in flight.
import type { Store } from '../state/store';
import type { Cursor } from '../state/events';
import type { StepState } from '../engine/trace-types';

const CACHE_SIZE = 12;
/** Which neighbours to fetch, in order (line steps relative to the cursor's): after a jump, and
 *  while stepping forwards (backwards: the same, negated). */
const AFTER_JUMP = [1, -1];
const STEPPING = [1, -1, 2, 3, 4, 5];
/** Steps ahead the engine builds with a state it has not built yet, while stepping. */
const BUILD_AHEAD = 8;

export function syncStateWithCursor(store: Store, onError: (message: string) => void): void {
  let inFlight = false;
  let wanted: { trace: number; cursor: Cursor } | null = null;
  const cache = new Map<string, StepState>();
  /** +1 / -1 while the last cursor move was one line step that way, else 0. */
  let direction = 0;
  let lastStep = 0;
  const key = (trace: number, step: number, instr: number) => `${trace}:${step}:${instr}`;

  const remember = (k: string, state: StepState) => {
    cache.delete(k);
    cache.set(k, state);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  };

  /** The next neighbour worth fetching, or null. */
  const prefetchTarget = (): { trace: number; cursor: Cursor } | null => {
    const { run, cursor, state } = store.get();
    if (!run || !state) return null;   // the cursor's own state first
    for (const delta of direction === 0 ? AFTER_JUMP : STEPPING) {
      const step = cursor.step + delta * (direction || 1);
      if (step < 0 || step > run.steps || cache.has(key(run.trace, step, 0))) continue;
      return { trace: run.trace, cursor: { step, instr: 0 } };
    }
    return null;
  };

  const pump = async () => {
    if (inFlight) return;
    const request = wanted ?? prefetchTarget();
    if (!request) return;
    const prefetch = wanted === null;
    wanted = null;
    inFlight = true;
    const step = request.cursor.step;
    const steps = store.get().run?.steps ?? step;
    const range = direction === 1 ? { first: step, last: Math.min(steps, step + BUILD_AHEAD) }
      : direction === -1 ? { first: Math.max(0, step - BUILD_AHEAD), last: step } : undefined;
    const answer = await store.engine.state(request.trace, step, request.cursor.instr, range);
    inFlight = false;
    const run = store.get().run;
    if (run && run.trace === request.trace) {
      if (answer.ok) {
        remember(key(request.trace, request.cursor.step, request.cursor.instr), answer);
        // The cursor may have moved onto a prefetch in flight: this answer is the one wanted.
        const w = wanted as { trace: number; cursor: Cursor } | null;
        if (w && w.trace === request.trace && w.cursor.step === request.cursor.step && w.cursor.instr === request.cursor.instr) wanted = null;
        store.setState(answer, request.cursor);
      } else if (!prefetch && answer.error.kind !== 'cancelled') {
        store.setState(null, request.cursor);
        onError(`Could not show step ${request.cursor.step}: ${answer.error.message}`);
      }
    }
    void pump();
  };

  store.on('run', () => {
    cache.clear();
    direction = 0;
    lastStep = 0;
  });
  store.on('cursor', ({ cursor }) => {
    const run = store.get().run;
    if (!run) return;
    const delta = cursor.step - lastStep;
    direction = delta === 1 || delta === -1 ? delta : delta === 0 ? direction : 0;
    lastStep = cursor.step;
    const k = key(run.trace, cursor.step, cursor.instr);
    const cached = cache.get(k);
    if (cached) {
      wanted = null;
      remember(k, cached);
      store.setState(cached, cursor);
    } else {
      wanted = { trace: run.trace, cursor };
    }
    void pump();
  });
}
