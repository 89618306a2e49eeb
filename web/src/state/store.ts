// The page's one store: the current trace (RunInfo), the step cursor, the state at the cursor,
// the selected object and the theme; subscribe/notify through the typed events of events.ts.
// Panels receive it in their mount function (see panels/README.md).
//
// Invariants:
// 1. cursor.step is within 0..run.steps and cursor.instr within 0..timeline.instructions[step]-1
//    (0 when the step has no instructions) whenever run is not null (setCursor clamps); with no
//    run the cursor is {0, 0}.
// 2. state, when not null, is the state at cursor (setState ignores a state for another cursor,
//    so a slow answer for an old cursor never overwrites a newer one).
// 3. selected is null or an object id; it survives cursor moves (the object may be absent at the
//    new step: panels show it as not alive there).
// 4. Listeners run synchronously, after the change is stored; a throwing listener does not stop
//    the others (the error is reported on the console).
import type { EngineApi } from '../engine/engine-api';
import type { RunInfo, StepState } from '../engine/trace-types';
import type { Cursor, StoreEventName, StoreEvents, StoreListener, Theme } from './events';

export interface StoreState {
  readonly run: RunInfo | null;
  readonly cursor: Cursor;
  readonly state: StepState | null;
  readonly selected: number | null;
  readonly theme: Theme;
  readonly busy: boolean;
}

export class Store {
  /** The engine, for panels that ask it for details (pool, collection). */
  readonly engine: EngineApi;
  private current: StoreState;
  private readonly listeners = new Map<StoreEventName, Set<(payload: never) => void>>();

  constructor(engine: EngineApi, theme: Theme) {
    this.engine = engine;
    this.current = { run: null, cursor: { step: 0, instr: 0 }, state: null, selected: null, theme, busy: false };
  }

  get(): StoreState {
    return this.current;
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends StoreEventName>(name: K, listener: StoreListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Makes a trace current (or none); the cursor returns to step 0 and the state is cleared. */
  setRun(run: RunInfo | null): void {
    this.current = { ...this.current, run, cursor: { step: 0, instr: 0 }, state: null };
    this.emit('run', { run });
    this.emit('cursor', { cursor: this.current.cursor });
  }

  /** Moves the cursor (clamped to the trace). Does nothing if it is already there. */
  setCursor(step: number, instr = 0): void {
    const cursor = this.clamp(step, instr);
    const old = this.current.cursor;
    if (cursor.step === old.step && cursor.instr === old.instr) return;
    this.current = { ...this.current, cursor, state: null };
    this.emit('cursor', { cursor });
  }

  /** Stores the state for `cursor`; ignored unless the cursor is still there. */
  setState(state: StepState | null, cursor: Cursor): void {
    const now = this.current.cursor;
    if (cursor.step !== now.step || cursor.instr !== now.instr) return;
    this.current = { ...this.current, state };
    this.emit('state', { state, cursor });
  }

  select(id: number | null, source: string): void {
    if (this.current.selected === id) return;
    this.current = { ...this.current, selected: id };
    this.emit('select', { id, source });
  }

  setTheme(theme: Theme): void {
    if (this.current.theme === theme) return;
    this.current = { ...this.current, theme };
    this.emit('theme', { theme });
  }

  setBusy(busy: boolean, label = ''): void {
    this.current = { ...this.current, busy };
    this.emit('busy', { busy, label });
  }

  private clamp(step: number, instr: number): Cursor {
    const run = this.current.run;
    if (!run) return { step: 0, instr: 0 };
    const s = Math.max(0, Math.min(run.steps, Math.trunc(step)));
    const maxInstr = Math.max(0, (run.timeline.instructions[s] ?? 0) - 1);
    return { step: s, instr: Math.max(0, Math.min(maxInstr, Math.trunc(instr))) };
  }

  private emit<K extends StoreEventName>(name: K, payload: StoreEvents[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as StoreListener<K>)(payload);
      } catch (error) {
        console.error(`a "${name}" listener failed`, error);
      }
    }
  }
}
