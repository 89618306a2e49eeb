// Keeps store.state equal to the engine's state at the store's cursor. Requests are coalesced:
// at most one `state` request is in flight; when it returns and the cursor has moved meanwhile,
// only the newest cursor is asked for next. So dragging the scrubber over a million steps never
// queues a million requests.
// Invariant: an answer is stored only for the cursor it was asked for (Store.setState checks).
import type { Store } from '../state/store';
import type { Cursor } from '../state/events';

export function syncStateWithCursor(store: Store, onError: (message: string) => void): void {
  let inFlight = false;
  let wanted: { trace: number; cursor: Cursor } | null = null;

  const pump = async () => {
    if (inFlight || !wanted) return;
    const request = wanted;
    wanted = null;
    inFlight = true;
    const answer = await store.engine.state(request.trace, request.cursor.step, request.cursor.instr);
    inFlight = false;
    const run = store.get().run;
    if (run && run.trace === request.trace) {
      if (answer.ok) store.setState(answer, request.cursor);
      else if (answer.error.kind !== 'cancelled') {
        store.setState(null, request.cursor);
        onError(`Could not show step ${request.cursor.step}: ${answer.error.message}`);
      }
    }
    void pump();
  };

  store.on('cursor', ({ cursor }) => {
    const run = store.get().run;
    if (!run) return;
    wanted = { trace: run.trace, cursor };
    void pump();
  });
}
