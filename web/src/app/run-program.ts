// Running the program in the editor: asks the engine for a trace, shows "Running… n s" with a
// Cancel button meanwhile (the page stays responsive: the engine is in a worker), then makes the
// new trace current (the old one is dropped in the engine). A failure of the engine itself (not
// of the program: that is a normal run with an end reason) is shown in the output panel.
// Invariants: at most one run at a time (a second Run cancels the first); busy is true exactly
// while a run is recording.
import type { ProfileName } from '../engine/trace-types';
import type { Store } from '../state/store';

export interface RunInputs {
  source(): string;
  profile(): ProfileName;
  stdin(): string;
  maxSteps(): number;
}

export interface RunFeedback {
  status(text: string): void;
  cancelVisible(visible: boolean): void;
  message(text: string, tone: 'ok' | 'error' | 'warning'): void;
}

export function makeRunner(store: Store, inputs: RunInputs, feedback: RunFeedback): { run(): Promise<void>; cancel(): void } {
  let generation = 0;
  let timer: number | null = null;

  const stopTicker = () => {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    feedback.cancelVisible(false);
  };

  async function run(): Promise<void> {
    const mine = ++generation;
    const previous = store.get().run;
    store.setBusy(true, 'Running…');
    store.setRun(null);
    if (previous) void store.engine.drop(previous.trace);
    const started = performance.now();
    feedback.status('Running…');
    feedback.message('', 'ok');
    feedback.cancelVisible(true);
    if (timer !== null) window.clearInterval(timer);
    timer = window.setInterval(() => feedback.status(`Running… ${((performance.now() - started) / 1000).toFixed(1)} s`), 200);
    const answer = await store.engine.run({ source: inputs.source(), profile: inputs.profile(), stdin: inputs.stdin(), max_steps: inputs.maxSteps() });
    if (mine !== generation) return;
    stopTicker();
    store.setBusy(false);
    if (!answer.ok) {
      feedback.status('');
      feedback.message(answer.error.kind === 'cancelled' ? 'The run was cancelled.' : `The engine could not run the program: ${answer.error.message}`, answer.error.kind === 'cancelled' ? 'warning' : 'error');
      return;
    }
    feedback.status(`Recorded ${answer.steps.toLocaleString('en')} steps in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    store.setRun(answer);
  }

  function cancel(): void {
    store.engine.cancelRun();
  }

  return { run, cancel };
}
