// How a run ended, in a sentence for the output panel.
import type { RunInfo } from '../../engine/trace-types';

export function endSentence(run: RunInfo): { text: string; tone: 'ok' | 'error' | 'warning' } {
  const end = run.end;
  const steps = `${run.steps.toLocaleString('en')} step${run.steps === 1 ? '' : 's'}`;
  switch (end.reason) {
    case 'completed':
      return { text: `Finished normally after ${steps}.`, tone: 'ok' };
    case 'exit':
      return { text: `Exited with status ${end.exit_status} after ${steps}.`, tone: end.exit_status === 0 ? 'ok' : 'warning' };
    case 'exception':
      return { text: `Stopped by an uncaught exception${end.line ? ` on line ${end.line}` : ''}: ${end.message}`, tone: 'error' };
    case 'syntax_error':
      return { text: `Syntax error${end.line ? ` on line ${end.line}` : ''}: ${end.message.replace(/^(SyntaxError|IndentationError|TabError): /, '')}`, tone: 'error' };
    case 'unsupported':
      return { text: `Not supported by refscope${end.line ? ` (line ${end.line})` : ''}: ${end.message}`, tone: 'error' };
    case 'limit': {
      const what = end.limit === 'steps' ? 'step limit' : end.limit === 'memory' ? 'memory limit' : end.limit === 'output' ? 'output limit' : 'limit';
      const detail = end.message && !/limit/i.test(end.message) ? ` (${end.message})` : '';
      return { text: `Stopped at the ${what} after ${steps}${detail}. Everything up to there can be stepped through.`, tone: 'warning' };
    }
  }
}
