// The page: builds the store and the engine client, mounts every panel into index.html's
// layout, and wires the header (example, profile, step limit, run, theme).
// Sets <body data-ready="1"> once the engine is loaded, or <body data-error="1"> with a message
// when it could not be; the browser tests wait for these.
import './styles/theme.css';
import './styles/page.css';
import './styles/panels.css';
import './styles/sharing.css';
import { EngineClient } from './engine/engine-client';
import type { ProfileName } from './engine/trace-types';
import { Store } from './state/store';
import { mountEditor } from './panels/editor/editor-panel';
import { mountControls } from './panels/controls/controls-panel';
import { mountTimeline } from './panels/timeline/timeline-panel';
import { mountHeap } from './panels/heap/heap-panel';
import { mountOutput } from './panels/output/output-panel';
import { PICKS } from './app/picks';
import { mountGalleryNote } from './gallery/gallery-note';
import { mountWhenNear } from './app/lazy-mount';
import type { ScenarioHost } from './app/share-link';
import { mountExportMenu } from './app/export-menu';
import { syncStateWithCursor } from './app/cursor-sync';
import { whileVisible } from './app/visible-store';
import { makeRunner } from './app/run-program';
import { bindShortcuts } from './app/shortcuts';
import { initialTheme, mountThemeSwitch } from './app/theme-switch';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id}`);
  return found as T;
}

const engine = new EngineClient();
const store = new Store(engine, initialTheme());
mountThemeSwitch(element<HTMLButtonElement>('theme'), store);

const exampleSelect = element<HTMLSelectElement>('example');
const galleryGroup = document.createElement('optgroup');
galleryGroup.label = 'Gallery';
const moreGroup = document.createElement('optgroup');
moreGroup.label = 'More examples';
for (const pick of PICKS) (pick.gallery ? galleryGroup : moreGroup).appendChild(new Option(pick.title, pick.id));
exampleSelect.append(galleryGroup, moreGroup);
const stdinBox = element<HTMLTextAreaElement>('stdin');
const profileSelect = element<HTMLSelectElement>('profile');
const galleryNote = mountGalleryNote(element('gallery-note'), store);
const editor = mountEditor(element('editor'), store, PICKS[0].source);
galleryNote.show(PICKS[0].gallery);
const output = mountOutput(element('output'), store);
const controls = mountControls(element('controls'), store, () => editor.breakpoints());
mountTimeline(element('timeline'), store);
mountHeap(element('heap'), store);
// The collector, allocator and plots panels (and uPlot behind the plots) load once there is a
// trace to show and their panel nears the screen; until then each slot says what will be there.
type Mount = (slot: HTMLElement, store: Store) => unknown;
const lazyPanels = ([
  ['collector', 'Cyclic garbage collector', 'Run a program to see the collector.',
    async () => (await import('./panels/collector/mount-collector')).mountCollector],
  ['allocator', 'Allocator (pymalloc)', 'Run a program to see its allocator.',
    async () => (await import('./panels/allocator/mount-allocator')).mountAllocator],
  ['plots', '', 'Run a program to see its plots.',
    async () => (await import('./panels/plots/mount-plots')).mountPlots],
] as [string, string, string, () => Promise<Mount>][]).map(([id, title, note, load]) => {
  const slot = element(id);
  const placeholder = document.createElement('section');
  if (title) placeholder.append(Object.assign(document.createElement('h2'), { textContent: title }));
  placeholder.append(Object.assign(document.createElement('p'), { className: 'rs-hint', textContent: note }));
  slot.append(placeholder);
  return mountWhenNear(slot, async () => {
    const mount = await load();
    placeholder.remove();
    mount(slot, whileVisible(store, slot));
  }, () => store.get().run !== null);
});
store.on('run', () => lazyPanels.forEach((panel) => panel.poke()));
syncStateWithCursor(store, (message) => output.showMessage(message, 'error'));

const status = element('status');
const cancelButton = element<HTMLButtonElement>('cancel');
const runButton = element<HTMLButtonElement>('run');
const runner = makeRunner(store, {
  source: () => editor.getSource(),
  profile: () => profileSelect.value as ProfileName,
  stdin: () => stdinBox.value,
  maxSteps: () => Number(element<HTMLSelectElement>('max-steps').value),
}, {
  status: (text) => (status.textContent = text),
  cancelVisible: (visible) => (cancelButton.hidden = !visible),
  message: (text, tone) => output.showMessage(text, tone),
});
runButton.addEventListener('click', () => void runner.run());
cancelButton.addEventListener('click', () => runner.cancel());
engine.onReset = () => {
  if (!store.get().busy) store.setRun(null);
};
exampleSelect.addEventListener('change', () => {
  const example = PICKS.find((e) => e.id === exampleSelect.value);
  if (!example) return;
  editor.setSource(example.source);
  stdinBox.value = example.stdin;
  if (example.profile) profileSelect.value = example.profile;
  galleryNote.show(example.gallery);
  store.setRun(null);
  output.showMessage('', 'ok');
  status.textContent = '';
});
editor.onEdit(() => {
  if (store.get().run) status.textContent = 'The code changed: run it again to see the new trace.';
  const pick = PICKS.find((e) => e.id === exampleSelect.value);
  galleryNote.setEdited(pick?.source !== editor.getSource());
});

// Sharing: links that reopen this view, the embed snippets, exports.
const scenarioHost: ScenarioHost = {
  source: () => editor.getSource(),
  setSource: (source) => editor.setSource(source),
  profile: () => profileSelect.value as ProfileName,
  setProfile: (profile) => (profileSelect.value = profile),
  stdin: () => stdinBox.value,
  setStdin: (stdin) => (stdinBox.value = stdin),
  breakpoints: () => [...editor.breakpoints()].sort((a, b) => a - b),
  setBreakpoints: (lines) => editor.setBreakpoints(lines),
  run: () => runner.run(),
  message: (text, tone) => output.showMessage(text, tone),
};
// Links and the embed snippets load their code (the link codec) when used.
element<HTMLButtonElement>('copy-link').addEventListener('click', () => {
  void import('./app/share-link').then(({ copyLink }) => copyLink(store, scenarioHost));
});
let openEmbed: (() => Promise<void>) | null = null;
element<HTMLButtonElement>('embed').addEventListener('click', () => {
  void (async () => {
    openEmbed ??= (await import('./app/embed-dialog')).embedDialog(store, scenarioHost);
    await openEmbed();
  })();
});
mountExportMenu(element<HTMLSelectElement>('export'), store, {
  view: () => document.querySelector<SVGSVGElement>('svg.rs-heap-svg'),
  message: (text, tone) => output.showMessage(text, tone),
  status: (text) => (status.textContent = text),
});
bindShortcuts(controls, () => void runner.run());

// Test hook: lets the browser tests replace the program text without typing it.
(window as unknown as { refscope: object }).refscope = {
  setSource: (source: string) => editor.setSource(source),
  getSource: () => editor.getSource(),
  store,
};

void engine.ready.then((ready) => {
  if (ready.ok) {
    performance.mark('refscope-ready');
    runButton.disabled = false;
    status.textContent = '';
    // A link opens its scenario (or says why it cannot) before the page reports ready.
    // Only a link (a scenario in the fragment, or ?py=) needs the link code at start.
    const linked = location.hash.length > 1 || new URLSearchParams(location.search).has('py');
    const opening = linked ? import('./app/share-link').then(({ openFromLocation }) => openFromLocation(store, scenarioHost)) : Promise.resolve(false);
    void opening.then((opened) => {
      if (opened) galleryNote.show(null);
      document.body.dataset.ready = '1';
    });
  } else {
    document.body.dataset.error = '1';
    const box = element('error');
    box.textContent = `Could not load the refscope engine (WebAssembly): ${ready.error.message}`;
    box.hidden = false;
    status.textContent = 'The engine did not start.';
  }
});
