// gallery/gallery-note.ts — the explanation of the open gallery example and its pause points.
//
// Shows the example's title and explanation, and one button per suggested pause ("stop here
// and look"); once the program has run, each button jumps to its pause's step (the first step
// at which the pause's line is about to run, after the previous pause). Before a run, or when
// the program was edited, the buttons are disabled and say why.
//
// Invariants:
//   1. Text from the example is set with textContent only.
//   2. A pause button is enabled only when the current run is of the example's unedited source.
import type { Store } from '../state/store';
import type { GalleryExample } from './parse-example';
import { pauseSteps } from './parse-example';

export interface GalleryNote {
  show(example: GalleryExample | null): void;
  /** Whether the editor still holds the example's own source. */
  setEdited(edited: boolean): void;
}

export function mountGalleryNote(container: HTMLElement, store: Store): GalleryNote {
  const root = document.createElement('section');
  root.className = 'rs-gallery-note';
  root.setAttribute('aria-label', 'About this example');
  root.hidden = true;
  container.appendChild(root);
  let example: GalleryExample | null = null;
  let edited = false;

  const render = () => {
    root.replaceChildren();
    root.hidden = example === null;
    if (!example) return;
    const title = document.createElement('h3');
    title.textContent = example.title;
    const about = document.createElement('p');
    about.textContent = example.about;
    root.append(title, about);
    if (example.compare) {
      const compare = document.createElement('p');
      compare.className = 'rs-gallery-compare';
      compare.textContent = `Try it in the ${example.compare} profile too, and compare.`;
      root.appendChild(compare);
    }
    if (example.pauses.length === 0) return;
    const run = store.get().run;
    const steps = run && !edited ? pauseSteps(example.pauses, run.timeline.line) : null;
    const list = document.createElement('ol');
    list.className = 'rs-gallery-pauses';
    example.pauses.forEach((pause, i) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = pause.note;
      const step = steps?.[i] ?? null;
      button.disabled = step === null;
      button.title = step !== null ? `Go to step ${step} (line ${pause.line} about to run)`
        : edited ? 'The program was edited: these pauses belong to the original.'
          : run ? `Line ${pause.line} never ran.` : 'Run the program first.';
      button.addEventListener('click', () => { if (step !== null) store.setCursor(step); });
      item.appendChild(button);
      list.appendChild(item);
    });
    const heading = document.createElement('p');
    heading.className = 'rs-gallery-pauses-heading';
    heading.textContent = 'Places to stop and look:';
    root.append(heading, list);
  };

  store.on('run', render);
  return {
    show(next) {
      example = next;
      edited = false;
      render();
    },
    setEdited(value) {
      if (value === edited) return;
      edited = value;
      render();
    },
  };
}
