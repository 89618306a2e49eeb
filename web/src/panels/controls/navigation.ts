// Where each navigation command moves the cursor, computed from the run's timeline alone (pure
// functions, no DOM). An event recorded "during step t" (timeline.flags[t], a collection's step)
// happened between the states of steps t and t + 1, so jumping to it lands on t + 1, where its
// effect is visible and the line that caused it is marked as just run.
// Invariants: every result is a valid cursor of the run (0 <= step <= steps, 0 <= instr <
// max(1, instructions[step])); a command with nowhere to go returns the cursor unchanged.
import { MEMORY_FLAGS, StepFlag, type RunInfo } from '../../engine/trace-types';
import type { Cursor } from '../../state/events';

export function lineForward(run: RunInfo, at: Cursor): Cursor {
  return { step: Math.min(run.steps, at.step + 1), instr: 0 };
}

export function lineBack(_run: RunInfo, at: Cursor): Cursor {
  if (at.instr > 0) return { step: at.step, instr: 0 };
  return { step: Math.max(0, at.step - 1), instr: 0 };
}

export function instrForward(run: RunInfo, at: Cursor): Cursor {
  const count = run.timeline.instructions[at.step] ?? 0;
  if (at.instr + 1 < count) return { step: at.step, instr: at.instr + 1 };
  return lineForward(run, at);
}

export function instrBack(run: RunInfo, at: Cursor): Cursor {
  if (at.instr > 0) return { step: at.step, instr: at.instr - 1 };
  if (at.step === 0) return at;
  const previous = at.step - 1;
  return { step: previous, instr: Math.max(0, (run.timeline.instructions[previous] ?? 0) - 1) };
}

/** The first step after `at` whose preceding step did something matching `mask`. */
export function nextFlagged(run: RunInfo, at: Cursor, mask: number): Cursor {
  const flags = run.timeline.flags;
  for (let t = at.step; t < run.steps; t++) if (flags[t] & mask) return { step: t + 1, instr: 0 };
  return at;
}

export function previousFlagged(run: RunInfo, at: Cursor, mask: number): Cursor {
  const flags = run.timeline.flags;
  const from = at.instr > 0 ? at.step - 1 : at.step - 2;
  for (let t = from; t >= 0; t--) if (flags[t] & mask) return { step: t + 1, instr: 0 };
  return at;
}

export const nextMemoryEvent = (run: RunInfo, at: Cursor) => nextFlagged(run, at, MEMORY_FLAGS);
export const previousMemoryEvent = (run: RunInfo, at: Cursor) => previousFlagged(run, at, MEMORY_FLAGS);

/** Just after the next collection (from the run's list of collections; flags as a fallback). */
export function nextCollection(run: RunInfo, at: Cursor): Cursor {
  const found = run.collections.find((c) => c.step + 1 > at.step);
  if (found) return { step: Math.min(run.steps, found.step + 1), instr: 0 };
  return nextFlagged(run, at, StepFlag.collection);
}

/** The next step whose line carries a breakpoint (the end of the run if none). */
export function nextBreakpoint(run: RunInfo, at: Cursor, lines: Set<number>): Cursor {
  for (let t = at.step + 1; t <= run.steps; t++) if (lines.has(run.timeline.line[t])) return { step: t, instr: 0 };
  return { step: run.steps, instr: 0 };
}
