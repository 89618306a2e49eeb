// Messages between the engine client (page thread) and the engine worker.
//
// Invariants: every request carries a fresh id and gets exactly one reply with that id, unless
// the worker is terminated first (the client then answers it itself). The worker sends one
// `ready` message after loading the wasm module (ok or not) before any reply.
import type { EngineError } from './engine-api';

export interface WorkerRequest {
  id: number;
  /** The JSON request for the core's `call`, e.g. {cmd: "state", trace: 1, step: 4, instr: 0}. */
  body: { cmd: string; [field: string]: unknown };
}

export type WorkerReply =
  | { type: 'ready'; ok: true; version: string }
  | { type: 'ready'; ok: false; error: EngineError }
  | { type: 'reply'; id: number; response: { ok: true; [field: string]: unknown } | { ok: false; error: EngineError } }
  /** An answer passed on as the core's JSON text (parsed by the client: cheaper than cloning
   *  a large object tree between threads). */
  | { type: 'text'; id: number; text: string };
