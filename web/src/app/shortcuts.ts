// Keyboard shortcuts of the page. Plain keys act only when the focus is not in a text field or
// the editor (so typing code never steps); Ctrl/Cmd-Enter runs from anywhere.
//   Ctrl/Cmd-Enter run · ←/→ line · Shift-←/→ instruction · Home/End · Space play/pause
//   M / Shift-M next/previous memory event · G next collection · C continue to a breakpoint
import type { CommandName, ControlsHandle } from '../panels/controls/controls-panel';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || !element.closest) return false;
  return Boolean(element.closest('input, textarea, select, [contenteditable="true"], .cm-editor'));
}

export function bindShortcuts(controls: ControlsHandle, run: () => void): void {
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      run();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const isButton = (event.target as HTMLElement | null)?.tagName === 'BUTTON';
    let name: CommandName | null = null;
    switch (event.key) {
      case 'ArrowRight': name = event.shiftKey ? 'instr-forward' : 'line-forward'; break;
      case 'ArrowLeft': name = event.shiftKey ? 'instr-back' : 'line-back'; break;
      case 'Home': name = 'start'; break;
      case 'End': name = 'end'; break;
      case 'm': case 'M': name = event.shiftKey ? 'memory-back' : 'memory-forward'; break;
      case 'g': case 'G': name = 'collection-forward'; break;
      case 'c': case 'C': name = 'breakpoint-forward'; break;
      case ' ':
        if (isButton || (event.target as Element | null)?.closest?.('.rs-card')) return;
        event.preventDefault();
        controls.togglePlay();
        return;
      default: return;
    }
    event.preventDefault();
    controls.command(name);
  });
}
