// app/lazy-mount.ts — mount a panel the first time its container is near the screen and it has
// something to show, loading its code only then (a dynamic import): a panel with a heavy library
// behind it is not part of the page's first load.
//
// Invariants:
//   1. `load` runs at most once: when the container is on screen or within `margin` of it and
//      `ready()` says yes (checked again on every intersection change and every `poke`).
//   2. A failed load is reported in the container (role=alert) and on the console, never thrown.
//   3. The panel mounts on the store as it is then (mount functions read the store's current
//      run and state), so nothing it would have heard before is missed.

export interface LazyPanel {
  /** Checks again whether the panel should load now (call it when `ready` may have changed). */
  poke(): void;
}

export function mountWhenNear(container: HTMLElement, load: () => Promise<void>,
  ready: () => boolean = () => true, margin = '300px'): LazyPanel {
  let near = false;
  let started = false;
  const poke = () => {
    if (started || !near || !ready()) return;
    started = true;
    observer.disconnect();
    load().catch((error: unknown) => {
      console.error('a panel could not be loaded', error);
      const note = document.createElement('p');
      note.className = 'rs-hint';
      note.setAttribute('role', 'alert');
      note.textContent = `This panel could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      container.append(note);
    });
  };
  const observer = new IntersectionObserver((entries) => {
    near = entries.some((entry) => entry.isIntersecting);
    poke();
  }, { rootMargin: margin });
  observer.observe(container);
  return { poke };
}
