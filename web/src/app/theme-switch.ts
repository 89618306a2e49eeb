// The light/dark switch: starts from the system preference (or the last choice, kept in
// localStorage), sets data-theme on <html>, and tells the store.
import type { Theme } from '../state/events';
import type { Store } from '../state/store';

const KEY = 'refscope-theme';

export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage may be unavailable (embeds, privacy settings): fall through to the system's choice
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export function mountThemeSwitch(button: HTMLButtonElement, store: Store): void {
  const show = (theme: Theme) => {
    applyTheme(theme);
    button.textContent = theme === 'dark' ? '☀ Light' : '☾ Dark';
    button.setAttribute('aria-label', theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme');
  };
  button.addEventListener('click', () => {
    const next: Theme = store.get().theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not kept: fine
    }
    store.setTheme(next);
  });
  store.on('theme', ({ theme }) => show(theme));
  show(store.get().theme);
}
