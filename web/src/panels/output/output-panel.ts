// The output panel: what the program printed up to the current step (stdout, then stderr with
// tracebacks in the error colour) and, after a run, how it ended (end-reason.ts). Messages the
// page itself has (engine errors, a cancelled run) are shown with showMessage().
// Invariants: program text is set with textContent only; the end line is present whenever a
// run is current.
import type { Store } from '../../state/store';
import { el } from '../../util/dom';
import { endSentence } from './end-reason';
import { indexOutput, type OutputIndex } from './output-text';

export interface OutputHandle {
  showMessage(text: string, tone: 'ok' | 'error' | 'warning'): void;
}

export function mountOutput(container: HTMLElement, store: Store): OutputHandle {
  const end = el('p', { className: 'rs-end', attrs: { role: 'status', 'data-testid': 'end-reason' } });
  const stdout = el('pre', { className: 'rs-stdout', attrs: { 'aria-label': 'Standard output', tabindex: '0' } });
  const stderr = el('pre', { className: 'rs-stderr', attrs: { 'aria-label': 'Standard error' } });
  container.append(el('div', { className: 'rs-output' }, [end, stdout, stderr]));

  let index: OutputIndex | null = null;
  const showMessage = (text: string, tone: 'ok' | 'error' | 'warning') => {
    end.textContent = text;
    end.dataset.tone = tone;
    end.hidden = text === '';
  };
  const refresh = () => {
    const { run, cursor } = store.get();
    if (!run || !index) {
      stdout.textContent = '';
      stderr.textContent = '';
      stderr.hidden = true;
      return;
    }
    const text = index.at(cursor.step);
    // Touch the DOM only when the text changed: most steps print nothing.
    if (stdout.textContent !== text.stdout) {
      stdout.textContent = text.stdout;
      requestAnimationFrame(() => (stdout.scrollTop = stdout.scrollHeight));
    }
    if (stderr.textContent !== text.stderr) stderr.textContent = text.stderr;
    stderr.hidden = text.stderr === '';
    stdout.hidden = text.stdout === '' && text.stderr !== '';
  };
  store.on('run', ({ run }) => {
    index = run ? indexOutput(run) : null;
    if (run) {
      const sentence = endSentence(run);
      showMessage(sentence.text, sentence.tone);
    }
    refresh();
  });
  store.on('cursor', refresh);
  showMessage('', 'ok');
  refresh();
  return { showMessage };
}
