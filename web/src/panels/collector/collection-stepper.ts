// One collection as a sequence of phases to step through (the `collection` command): a row of
// phase buttons, Previous / Next, the current phase's one-sentence explanation, and a table of the
// objects of the collected generation with their gc_refs in every phase reached so far — later
// phases stay blank until the learner gets there, so the drop of gc_refs to 0 and the move to
// the unreachable list happen in front of them.
//
// The table itself is collection-table.ts, the graph young-graph.ts.
//
// Keyboard: Left/Right (or Previous/Next) move between phases when the stepper has focus;
// Home/End go to the first/last phase. The phase text is a polite live region.
//
// Invariants: 1. 0 <= phase < phases.length whenever a collection is shown; 2. a cell of phase i
// is filled only when i <= phase; 3. each object row's name button selects the object.
import { clamp, el } from '../panel-dom';
import { objectRows, type CollectionDetail, type CollectionSummary, type ObjectLabel, type ObjectRow } from './collector-data';
import { phaseNote } from './phase-notes';
import { renderCollectionTable } from './collection-table';
import { renderYoungGraph } from './young-graph';

export interface StepperHost {
  selectObject(id: number): void;
}

let stepperCount = 0;

export class CollectionStepper {
  readonly root = el('section', 'rs-gc-stepper');
  private readonly heading = el('h3');
  private readonly phases = el('ol', 'rs-gc-phases');
  private readonly note = el('div', 'rs-gc-note');
  private readonly table = el('div', 'rs-gc-table-wrap');
  private readonly graph = el('div', 'rs-gc-graph-wrap');
  private readonly idPrefix = `rs-gc-stepper-${++stepperCount}`;
  private readonly prev = el('button', 'rs-gc-nav', '← Previous phase');
  private readonly next = el('button', 'rs-gc-nav', 'Next phase →');
  private detail: CollectionDetail | null = null;
  private summary: CollectionSummary | null = null;
  private rows: ObjectRow[] = [];
  private labels = new Map<number, ObjectLabel>();
  private selected: number | null = null;
  /** Also list the interpreter's own objects (modules, functions…), not only the program's. */
  private showAll = false;
  private readonly toggle = el('button', 'rs-gc-toggle');
  phase = 0;

  constructor(private readonly host: StepperHost) {
    this.root.setAttribute('aria-label', 'one collection, phase by phase');
    this.root.tabIndex = -1;
    this.note.setAttribute('aria-live', 'polite');
    this.prev.type = 'button';
    this.next.type = 'button';
    this.prev.addEventListener('click', () => this.go(this.phase - 1));
    this.next.addEventListener('click', () => this.go(this.phase + 1));
    const nav = el('div', 'rs-gc-navbar');
    nav.append(this.prev, this.next);
    this.toggle.type = 'button';
    this.toggle.addEventListener('click', () => { this.showAll = !this.showAll; this.renderTable(); });
    this.root.append(this.heading, this.phases, nav, this.note, this.graph, this.table, this.toggle);
    this.root.addEventListener('keydown', (e) => this.key(e));
    this.root.hidden = true;
  }

  get shownIndex(): number | null {
    return this.summary?.index ?? null;
  }

  show(summary: CollectionSummary, detail: CollectionDetail, labels: Map<number, ObjectLabel>): void {
    const same = this.summary?.index === summary.index;
    this.summary = summary;
    this.detail = detail;
    this.labels = labels;
    this.rows = objectRows(detail);
    if (!same) { this.phase = 0; this.showAll = false; }
    this.phase = clamp(this.phase, 0, Math.max(0, detail.phases.length - 1));
    this.root.hidden = false;
    this.heading.textContent = `Collection #${summary.index + 1}: generation ${detail.generation} at step ${detail.step}` +
      ` — ${detail.collected} collected, ${detail.uncollectable} uncollectable`;
    this.render();
  }

  hide(): void {
    this.root.hidden = true;
    this.summary = null;
    this.detail = null;
  }

  setSelected(id: number | null): void {
    this.selected = id;
    if (this.detail) this.renderTable();
  }

  go(phase: number): void {
    if (!this.detail) return;
    this.phase = clamp(phase, 0, this.detail.phases.length - 1);
    this.render();
  }

  private key(event: KeyboardEvent): void {
    if (!this.detail || (event.target as HTMLElement).tagName === 'TABLE') return;
    const moves: Record<string, number> = {
      ArrowLeft: this.phase - 1, ArrowRight: this.phase + 1, Home: 0, End: this.detail.phases.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    this.go(moves[event.key]);
    this.phases.querySelector<HTMLButtonElement>('[aria-current="step"]')?.focus();
  }

  private render(): void {
    const detail = this.detail!;
    this.phases.replaceChildren();
    detail.phases.forEach((p, i) => {
      const item = el('li');
      const button = el('button', 'rs-gc-phase', `${i + 1}. ${phaseNote(p.phase).title}`);
      button.type = 'button';
      button.title = p.phase;
      if (i === this.phase) button.setAttribute('aria-current', 'step');
      if (i < this.phase) button.classList.add('rs-gc-phase-done');
      button.addEventListener('click', () => this.go(i));
      item.append(button);
      this.phases.append(item);
    });
    this.prev.disabled = this.phase === 0;
    this.next.disabled = this.phase >= detail.phases.length - 1;
    const current = detail.phases[this.phase];
    const note = phaseNote(current.phase);
    const unreachable = current.unreachable.length;
    this.note.replaceChildren(
      el('strong', undefined, `Phase ${this.phase + 1} of ${detail.phases.length}: ${note.title} `),
      el('code', undefined, current.phase),
      el('p', undefined, note.text),
      el('p', 'rs-gc-count', `${current.young.length} object${current.young.length === 1 ? '' : 's'} in the young list, ` +
        `${unreachable} unreachable${current.affected.length ? `, ${current.affected.length} changed in this phase` : ''}.`),
    );
    this.renderTable();
  }

  /**
   * The rows to show: by default the objects the program can see (those with a label from the
   * state) and every object that ends up unreachable; the interpreter's own objects on demand.
   */
  private visibleRows(): ObjectRow[] {
    if (this.showAll || this.labels.size === 0) return this.rows;
    return this.rows.filter((r) => this.labels.has(r.id) || r.fate === 'freed' || r.cells.some((c) => c?.unreachable));
  }

  private renderTable(): void {
    const detail = this.detail!;
    const rows = this.visibleRows();
    const hidden = this.rows.length - rows.length;
    this.toggle.hidden = hidden === 0 && !this.showAll;
    this.toggle.textContent = this.showAll
      ? 'Show only the program’s objects'
      : `Show all ${this.rows.length} objects of the generation (${hidden} belong to the interpreter: modules, functions, …)`;
    const graph = renderYoungGraph(rows, this.labels, this.phase, detail.phases[this.phase].phase, this.idPrefix);
    this.graph.replaceChildren(...(graph ? [graph] : []));
    if (rows.length === 0) {
      this.table.replaceChildren(el('p', 'rs-gc-empty', 'The collected generation held no objects.'));
      return;
    }
    const table = renderCollectionTable({
      detail, rows, phase: this.phase, labels: this.labels, selected: this.selected,
      select: (id) => this.host.selectObject(id),
    });
    this.table.replaceChildren(table);
  }
}
