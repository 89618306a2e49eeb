// The engine's Web Worker: loads the wasm core once and answers requests one at a time with the
// core's JSON `call`. Runs off the page's thread, so a long run never freezes the page.
//
// Invariants: one `ready` message first; then exactly one `reply` or `text` per request, in
// order; nothing thrown escapes (a failure becomes {ok: false, error}); a `run` answer is parsed
// here and its timeline sent as transferred typed arrays (timeline-columns.ts); every other
// answer is passed on as the core's JSON text.
import createCore from '../wasm/core.mjs';
import type { CoreModule } from '../wasm/core.mjs';
import type { WorkerReply, WorkerRequest } from './protocol';
import { packTimeline } from './timeline-columns';

const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

let core: CoreModule | null = null;
const queued: WorkerRequest[] = [];

function answer(request: WorkerRequest): void {
  if (!core) return;
  if (request.body.cmd !== 'run') {
    let text: string;
    try {
      text = core.call(JSON.stringify(request.body));
    } catch (error) {
      text = JSON.stringify({ ok: false, error: { kind: 'internal', message: `the engine failed: ${String(error)}` } });
    }
    scope.postMessage({ type: 'text', id: request.id, text });
    return;
  }
  let response: Extract<WorkerReply, { type: 'reply' }>['response'];
  const transfer: ArrayBuffer[] = [];
  try {
    response = JSON.parse(core.call(JSON.stringify(request.body)));
    if (response.ok && request.body.cmd === 'run' && response.timeline && typeof response.timeline === 'object') {
      transfer.push(...packTimeline(response.timeline as Record<string, unknown>));
    }
  } catch (error) {
    response = { ok: false, error: { kind: 'internal', message: `the engine failed: ${String(error)}` } };
  }
  scope.postMessage({ type: 'reply', id: request.id, response }, transfer);
}

scope.onmessage = (event) => {
  if (core) answer(event.data);
  else queued.push(event.data);
};

createCore({ print: () => {}, printErr: () => {} }).then(
  (loaded) => {
    core = loaded;
    let version = '';
    try {
      version = String(JSON.parse(loaded.call('{"cmd":"version"}')).version ?? '');
    } catch {
      version = '';
    }
    scope.postMessage({ type: 'ready', ok: true, version });
    for (const request of queued.splice(0)) answer(request);
  },
  (error: unknown) => {
    scope.postMessage({ type: 'ready', ok: false, error: { kind: 'unavailable', message: String(error instanceof Error ? error.message : error) } });
  },
);
