// A view of the store for a panel that is often off screen (collector, allocator): its listeners
// hear events only while the panel's container is on screen (or within 300px of it). Events missed
// while hidden are delivered when it comes back, the latest payload per listener, runs before
// cursors before states, so the panel catches up in one go. Stepping with those panels scrolled
// away costs nothing for them.
// Invariants: everything but `on` is the real store (reads, changes and the engine); a listener
// never hears an event older than one it already heard.
import type { StoreEventName, StoreListener } from '../state/events';
import type { Store } from '../state/store';

const ORDER: StoreEventName[] = ['run', 'busy', 'cursor', 'state', 'select', 'theme'];

export function whileVisible(store: Store, container: HTMLElement): Store {
  let visible = false;
  const missed = new Map<(payload: never) => void, { name: StoreEventName; payload: unknown }>();

  const flush = () => {
    const waiting = [...missed.entries()].sort((a, b) => ORDER.indexOf(a[1].name) - ORDER.indexOf(b[1].name));
    missed.clear();
    for (const [listener, { payload }] of waiting) listener(payload as never);
  };
  new IntersectionObserver((entries) => {
    visible = entries.some((entry) => entry.isIntersecting);
    if (visible) flush();
  }, { rootMargin: '300px' }).observe(container);

  const on = <K extends StoreEventName>(name: K, listener: StoreListener<K>) =>
    store.on(name, (payload) => {
      if (visible) listener(payload);
      else missed.set(listener as (payload: never) => void, { name, payload });
    });

  return new Proxy(store, {
    get(target, property) {
      if (property === 'on') return on;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
