// embed/protocol.ts — the messages an embedded player exchanges with the page that hosts it.
//
// The player (embed.html, in an iframe) and its host talk with window.postMessage. Every
// message is a plain object with `refscope: 1` (the protocol version) and a `type`.
//
// Player -> host (sent to window.parent, target origin "*": they carry nothing private):
//   {type: "ready", steps}                       the trace is loaded; steps = last step
//   {type: "resize", height}                     the height the player's content needs (px)
//   {type: "step", step, line}                   the player moved to a step
//   {type: "state", id, step, steps, line, playing, profile}   answer to get_state
//   {type: "error", id, message}                 a request could not be done
// Host -> player:
//   {type: "goto", step}                         show that step (clamped to 0..steps)
//   {type: "play"} / {type: "pause"}             start / stop playing
//   {type: "get_state", id}                      ask for a "state" answer with the same id
//
// Invariants:
//   1. parseHostMessage accepts only well-formed host messages and returns null for anything
//      else (other libraries' messages share the channel); it never throws.
//   2. Messages are data: no field is evaluated or inserted as markup by either side.
export const PROTOCOL_VERSION = 1;

export type HostMessage =
  | { type: 'goto'; step: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'get_state'; id: string | number };

export type PlayerMessage =
  | { type: 'ready'; steps: number }
  | { type: 'resize'; height: number }
  | { type: 'step'; step: number; line: number }
  | { type: 'state'; id: string | number; step: number; steps: number; line: number; playing: boolean; profile: string }
  | { type: 'error'; id: string | number | null; message: string };

type Envelope<T> = T & { refscope: typeof PROTOCOL_VERSION };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value.length <= 200) || (typeof value === 'number' && Number.isFinite(value));
}

/** The host's request in `data`, or null when `data` is not one (invariant 1). */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data) || data.refscope !== PROTOCOL_VERSION) return null;
  switch (data.type) {
    case 'goto':
      return typeof data.step === 'number' && Number.isInteger(data.step) ? { type: 'goto', step: data.step } : null;
    case 'play':
      return { type: 'play' };
    case 'pause':
      return { type: 'pause' };
    case 'get_state':
      return isId(data.id) ? { type: 'get_state', id: data.id } : null;
    default:
      return null;
  }
}

/** A player message ready for postMessage. */
export function envelope<T extends PlayerMessage | HostMessage>(message: T): Envelope<T> {
  return { ...message, refscope: PROTOCOL_VERSION };
}

/** The player's message in `data`, or null (for hosts written in TypeScript). */
export function parsePlayerMessage(data: unknown): PlayerMessage | null {
  if (!isRecord(data) || data.refscope !== PROTOCOL_VERSION || typeof data.type !== 'string') return null;
  const num = (key: string) => typeof data[key] === 'number' && Number.isFinite(data[key]);
  switch (data.type) {
    case 'ready':
      return num('steps') ? { type: 'ready', steps: data.steps as number } : null;
    case 'resize':
      return num('height') ? { type: 'resize', height: data.height as number } : null;
    case 'step':
      return num('step') && num('line') ? { type: 'step', step: data.step as number, line: data.line as number } : null;
    case 'state':
      return isId(data.id) && num('step') && num('steps') && num('line') && typeof data.playing === 'boolean' &&
        typeof data.profile === 'string'
        ? { type: 'state', id: data.id, step: data.step as number, steps: data.steps as number,
            line: data.line as number, playing: data.playing, profile: data.profile }
        : null;
    case 'error':
      return typeof data.message === 'string' && (data.id === null || isId(data.id))
        ? { type: 'error', id: data.id as string | number | null, message: data.message }
        : null;
    default:
      return null;
  }
}
