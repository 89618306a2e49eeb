// The collector panel: the three generations against their thresholds (generations-view), the
// history of collections (history-view) and one collection stepped through phase by phase
// (collection-stepper). It knows nothing of the engine or the store: the host hands it one
// CollectorView per step and answers loadCollection; mount-collector.ts wires it to the store.
//
// Invariants: 1. update() redraws the generations and the history from the view alone; the
// stepper keeps its collection and phase across steps; 2. a collection answer is shown only if no
// newer openCollection was started since (requestCounter).
import { el } from '../panel-dom';
import type { CollectionDetail, CollectionSummary, GcStatus, ObjectLabel } from './collector-data';
import { CollectionStepper } from './collection-stepper';
import { renderGenerations } from './generations-view';
import { renderHistory } from './history-view';
import './collector.css';

export interface CollectorView {
  /** null while the state loads; 'none' when the program never ran. */
  gc: GcStatus | null | 'none';
  collections: CollectionSummary[];
  cursorStep: number;
  selected: number | null;
}

export interface CollectorPanelHost {
  /** One collection's phases; undefined when outdated (ignored); a rejection shows its reason. */
  loadCollection(index: number): Promise<{ detail: CollectionDetail; labels: Map<number, ObjectLabel> } | undefined>;
  goToStep(step: number): void;
  selectObject(id: number): void;
}

let panelCount = 0;

export class CollectorPanel {
  readonly root = el('section', 'rs-collector');
  private readonly generations = el('div');
  private readonly history = el('div');
  private readonly message = el('p', 'rs-gc-empty');
  private readonly body = el('div');
  private readonly stepper: CollectionStepper;
  private view: CollectorView | null = null;
  private requestCounter = 0;

  constructor(container: HTMLElement, private readonly host: CollectorPanelHost) {
    panelCount += 1;
    const heading = el('h2', 'rs-gc-heading', 'Cyclic garbage collector');
    heading.id = `rs-gc-${panelCount}-heading`;
    this.root.setAttribute('aria-labelledby', heading.id);
    this.stepper = new CollectionStepper({ selectObject: (id) => host.selectObject(id) });
    this.body.append(
      subsection('Generations', this.generations),
      subsection('Collections', this.history),
      this.message,
      this.stepper.root,
    );
    this.message.hidden = true;
    this.root.append(heading, this.body);
    container.append(this.root);
  }

  update(view: CollectorView): void {
    this.view = view;
    this.generations.replaceChildren(view.gc === 'none' ? el('p', 'rs-gc-empty', 'The program did not run: the collector has nothing to show.')
      : view.gc ? renderGenerations(view.gc) : el('p', 'rs-gc-empty', 'Loading…'));
    this.history.replaceChildren(renderHistory(view.collections, view.cursorStep, this.stepper.shownIndex, (c) => this.choose(c)));
    this.stepper.setSelected(view.selected);
  }

  /** Shows a message instead of the collector (no run yet). */
  clear(text: string): void {
    this.view = null;
    this.requestCounter += 1;
    this.stepper.hide();
    this.generations.replaceChildren(el('p', 'rs-gc-empty', text));
    this.history.replaceChildren();
    this.message.hidden = true;
  }

  /** Opens a collection in the stepper (without moving the cursor). */
  openCollection(summary: CollectionSummary): void {
    const request = ++this.requestCounter;
    this.message.textContent = `Loading collection #${summary.index + 1}…`;
    this.message.hidden = false;
    this.host.loadCollection(summary.index).then((answer) => {
      if (request !== this.requestCounter || !answer) return;
      this.message.hidden = true;
      this.stepper.show(summary, answer.detail, answer.labels);
      this.stepper.setSelected(this.view?.selected ?? null);
      if (this.view) this.update(this.view);
    }, (error: unknown) => {
      if (request !== this.requestCounter) return;
      this.stepper.hide();
      this.message.textContent = `Could not load collection #${summary.index + 1}: ${error instanceof Error ? error.message : String(error)}`;
    });
  }

  /** The stepper, for the benchmark and tests. */
  get phase(): number {
    return this.stepper.phase;
  }

  destroy(): void {
    this.root.remove();
  }

  private choose(summary: CollectionSummary): void {
    this.openCollection(summary);
    this.host.goToStep(summary.step);
  }
}

function subsection(title: string, body: HTMLElement): HTMLElement {
  const wrap = el('section', 'rs-gc-section');
  wrap.append(el('h3', undefined, title), body);
  return wrap;
}
