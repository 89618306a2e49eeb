// The controls: step back/forward by line and by instruction, jump to the previous/next memory
// event, the next collection and the next breakpoint, play/pause with a speed, and the position
// read-out. Buttons carry aria-labels and their shortcut in the title; the shortcuts themselves
// are bound in shortcuts.ts.
// Invariants: controls only move the store's cursor (navigation.ts says where); all are disabled
// while there is no run or a run is recording; play stops at the end and at breakpoints.
import type { Cursor } from '../../state/events';
import type { Store } from '../../state/store';
import type { RunInfo } from '../../engine/trace-types';
import { el } from '../../util/dom';
import * as nav from './navigation';

export interface ControlsHandle {
  /** Runs a navigation command by name (the shortcuts use this too). */
  command(name: CommandName): void;
  togglePlay(): void;
  /** Whether the cursor is moving by itself (play). */
  playing(): boolean;
}

export type CommandName =
  | 'start' | 'end' | 'line-back' | 'line-forward' | 'instr-back' | 'instr-forward'
  | 'memory-back' | 'memory-forward' | 'collection-forward' | 'breakpoint-forward';

interface ButtonSpec { name: CommandName; label: string; text: string; key: string }

const BUTTONS: ButtonSpec[] = [
  { name: 'start', label: 'Go to the first step', text: '|◀', key: 'Home' },
  { name: 'memory-back', label: 'Previous memory event', text: '◀ mem', key: 'Shift+M' },
  { name: 'line-back', label: 'Step back one line', text: '◀', key: '←' },
  { name: 'instr-back', label: 'Step back one instruction', text: '◁', key: 'Shift+←' },
  { name: 'instr-forward', label: 'Step forward one instruction', text: '▷', key: 'Shift+→' },
  { name: 'line-forward', label: 'Step forward one line', text: '▶', key: '→' },
  { name: 'memory-forward', label: 'Next memory event', text: 'mem ▶', key: 'M' },
  { name: 'collection-forward', label: 'Next garbage collection', text: 'gc ▶', key: 'G' },
  { name: 'breakpoint-forward', label: 'Continue to the next breakpoint', text: '● ▶', key: 'C' },
  { name: 'end', label: 'Go to the last step', text: '▶|', key: 'End' },
];

const SPEEDS = [1, 2, 5, 10, 30, 100];

export function mountControls(container: HTMLElement, store: Store, breakpoints: () => Set<number>): ControlsHandle {
  const root = el('div', { className: 'rs-controls', attrs: { role: 'toolbar', 'aria-label': 'Step controls' } });
  const buttons = new Map<CommandName, HTMLButtonElement>();
  const play = el('button', { className: 'rs-play', text: '▶ Play', attrs: { type: 'button', 'aria-label': 'Play', title: 'Play / pause (Space)', 'aria-pressed': 'false' } });
  const speed = el('select', { attrs: { 'aria-label': 'Playback speed (steps per second)', title: 'Playback speed' } });
  for (const value of SPEEDS) speed.add(new Option(`${value}/s`, String(value), value === 5, value === 5));
  const position = el('output', { className: 'rs-position', attrs: { 'aria-live': 'polite', 'data-testid': 'position' } });

  const group = el('div', { className: 'rs-step-buttons' });
  for (const spec of BUTTONS) {
    const button = el('button', { text: spec.text, attrs: { type: 'button', 'aria-label': spec.label, title: `${spec.label} (${spec.key})`, 'data-command': spec.name } });
    button.addEventListener('click', () => command(spec.name));
    buttons.set(spec.name, button);
    group.append(button);
  }
  root.append(group, el('div', { className: 'rs-play-group' }, [play, speed]), position);
  container.append(root);

  function target(run: RunInfo, at: Cursor, name: CommandName): Cursor {
    switch (name) {
      case 'start': return { step: 0, instr: 0 };
      case 'end': return { step: run.steps, instr: 0 };
      case 'line-back': return nav.lineBack(run, at);
      case 'line-forward': return nav.lineForward(run, at);
      case 'instr-back': return nav.instrBack(run, at);
      case 'instr-forward': return nav.instrForward(run, at);
      case 'memory-back': return nav.previousMemoryEvent(run, at);
      case 'memory-forward': return nav.nextMemoryEvent(run, at);
      case 'collection-forward': return nav.nextCollection(run, at);
      case 'breakpoint-forward': return nav.nextBreakpoint(run, at, breakpoints());
    }
  }

  function command(name: CommandName): void {
    const { run, cursor, busy } = store.get();
    if (!run || busy) return;
    const to = target(run, cursor, name);
    store.setCursor(to.step, to.instr);
  }

  let timer: number | null = null;
  function stop(): void {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    play.textContent = '▶ Play';
    play.setAttribute('aria-label', 'Play');
    play.setAttribute('aria-pressed', 'false');
  }
  function start(): void {
    const { run } = store.get();
    if (!run) return;
    if (store.get().cursor.step >= run.steps) store.setCursor(0, 0);
    play.textContent = '❚❚ Pause';
    play.setAttribute('aria-label', 'Pause');
    play.setAttribute('aria-pressed', 'true');
    const lines = breakpoints();
    timer = window.setInterval(() => {
      const current = store.get();
      if (!current.run || current.cursor.step >= current.run.steps) return stop();
      const next = nav.lineForward(current.run, current.cursor);
      store.setCursor(next.step, next.instr);
      if (lines.has(current.run.timeline.line[next.step]) || next.step >= current.run.steps) stop();
    }, 1000 / Number(speed.value));
  }
  function togglePlay(): void {
    if (timer !== null) stop();
    else start();
  }
  play.addEventListener('click', togglePlay);
  speed.addEventListener('change', () => {
    if (timer !== null) {
      stop();
      start();
    }
  });

  function refresh(): void {
    const { run, cursor, state, busy } = store.get();
    const disabled = !run || busy;
    for (const button of buttons.values()) button.disabled = disabled;
    play.disabled = disabled;
    if (!run) {
      position.textContent = busy ? 'Running…' : 'Not run yet';
      return;
    }
    const instructions = run.timeline.instructions[cursor.step] ?? 0;
    const line = run.timeline.line[cursor.step] ?? 0;
    const parts = [`Step ${cursor.step} of ${run.steps}`];
    parts.push(line > 0 ? `line ${line}` : 'finished');
    if (instructions > 0) parts.push(`${cursor.instr} of ${instructions} instructions done`);
    if (state?.instruction) parts.push(`next: ${state.instruction.opname}${state.instruction.arg !== undefined && state.instruction.arg !== null ? ` ${state.instruction.arg}` : ''}`);
    position.textContent = parts.join(' · ');
  }
  store.on('run', () => {
    stop();
    refresh();
  });
  store.on('cursor', refresh);
  store.on('state', refresh);
  store.on('busy', ({ busy }) => {
    if (busy) stop();
    refresh();
  });
  refresh();

  return { command, togglePlay, playing: () => timer !== null };
}
