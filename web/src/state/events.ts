// The typed event map: everything panels say to each other goes through the store as one of
// these events (in the manner of Compiler Explorer's pane events). A panel never calls another
// panel; it changes the store and listens to it.
//
// Invariants: an event is emitted only after the store's state already holds the new value, so a
// listener may read store.get() and see it; events of one change arrive in the order listed in
// store.ts (run, cursor, state, select).
import type { RunInfo, StepState } from '../engine/trace-types';

export type Theme = 'light' | 'dark';

/** Where the step cursor is: a line step and an instruction inside it (0 = the line step). */
export interface Cursor {
  step: number;
  instr: number;
}

export interface StoreEvents {
  /** A new trace is current (null: none, e.g. while a run is recording or after a failure). */
  run: { run: RunInfo | null };
  /** The cursor moved; the state for it may still be loading. */
  cursor: { cursor: Cursor };
  /** The state at the cursor has arrived (null: no run, or it could not be loaded). */
  state: { state: StepState | null; cursor: Cursor };
  /** An object was selected (null: selection cleared). `source` names the panel that did it. */
  select: { id: number | null; source: string };
  /** The theme changed. */
  theme: { theme: Theme };
  /** The engine is busy (recording a run) or idle again. */
  busy: { busy: boolean; label: string };
}

export type StoreEventName = keyof StoreEvents;
export type StoreListener<K extends StoreEventName> = (payload: StoreEvents[K]) => void;
