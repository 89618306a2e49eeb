// The embedded player (embed.html?OPTIONS#s1.SCENARIO, docs/embedding.md): opens the scenario
// of its fragment, runs it, shows the panels its options name with minimal chrome, answers the
// host page's messages (embed/protocol.ts) and reports its height and step to the host.
//
// Invariants:
//   1. Without a valid scenario the player shows why and runs nothing.
//   2. Only messages from the parent window are answered; replies go to the parent only.
//   3. The player never reads or writes the host page: it talks through postMessage only.
import './styles/theme.css';
import './styles/page.css';
import './styles/panels.css';
import './styles/embed.css';
import { EngineClient } from './engine/engine-client';
import { Store } from './state/store';
import { applyTheme } from './app/theme-switch';
import { syncStateWithCursor } from './app/cursor-sync';
import { type EditorHandle, mountEditor } from './panels/editor/editor-panel';
import { mountControls } from './panels/controls/controls-panel';
import { mountTimeline } from './panels/timeline/timeline-panel';
import { mountHeap } from './panels/heap/heap-panel';
import { mountOutput, type OutputHandle } from './panels/output/output-panel';
import { mountCollector } from './panels/collector/mount-collector';
import { mountAllocator } from './panels/allocator/mount-allocator';
import { decodeFragment } from './share/link-codec';
import type { PanelName, Scenario } from './share/scenario';
import { parseEmbedOptions } from './embed/embed-options';
import { envelope, parseHostMessage, type PlayerMessage } from './embed/protocol';
import type { Theme } from './state/events';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`embed.html has no #${id}`);
  return found as T;
}

const options = parseEmbedOptions(location.search);
const notice = element('notice');
const status = element('status');
const say = (text: string) => {
  notice.textContent = text;
  notice.hidden = text === '';
};

const systemTheme = (): Theme => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
const theme: Theme = options.theme === 'auto' ? systemTheme() : options.theme;
applyTheme(theme);

function post(message: PlayerMessage): void {
  if (window.parent !== window) window.parent.postMessage(envelope(message), '*');
}

const HEADINGS: Record<PanelName, string> = {
  code: 'Code', frames: 'Frames and objects', collector: 'Collector', allocator: 'Allocator',
  output: 'Output', plots: 'Plots',
};

/** A titled slot for one panel, in the order of PANEL_NAMES. */
function slot(name: PanelName): HTMLElement {
  const section = document.createElement('section');
  section.className = `rs-embed-${name}`;
  const heading = document.createElement('h2');
  heading.textContent = HEADINGS[name];
  heading.id = `embed-${name}-heading`;
  section.setAttribute('aria-labelledby', heading.id);
  const body = document.createElement('div');
  if (name === 'code') body.className = 'rs-editor';
  section.append(heading, body);
  element('panels').appendChild(section);
  return body;
}

async function start(): Promise<void> {
  if (options.problems.length > 0) say(`Some embed options were ignored: ${options.problems.join('; ')}.`);
  let scenario: Scenario;
  try {
    scenario = await decodeFragment(location.hash);
  } catch (error) {
    say(`This player cannot open its scenario. ${(error as Error).message}`);
    status.textContent = '';
    post({ type: 'error', id: null, message: (error as Error).message });
    return;
  }
  const full = element<HTMLAnchorElement>('open-full');
  full.href = new URL(`index.html${location.hash}`, location.href).href;

  const engine = new EngineClient();
  const store = new Store(engine, theme);
  const panels = new Set(options.panels ?? scenario.panels);
  const order: PanelName[] = ['code', 'frames', 'output', 'collector', 'allocator', 'plots'];
  const mounted: { editor?: EditorHandle; output?: OutputHandle } = {};
  for (const name of order) {
    if (!panels.has(name)) continue;
    const body = slot(name);
    if (name === 'code') mounted.editor = mountEditor(body, store, scenario.code, { readOnly: options.readonly });
    if (name === 'frames') mountHeap(body, store);
    if (name === 'output') mounted.output = mountOutput(body, store);
    if (name === 'collector') mountCollector(body, store);
    if (name === 'allocator') mountAllocator(body, store);
    // uPlot is loaded only by a player that shows the plots.
    if (name === 'plots') void import('./panels/plots/mount-plots').then(({ mountPlots }) => mountPlots(body, store));
  }
  const { editor, output } = mounted;
  editor?.setBreakpoints(scenario.breakpoints);
  const controls = mountControls(element('controls'), store, () => new Set(editor?.breakpoints() ?? scenario.breakpoints));
  mountTimeline(element('timeline'), store);
  element('controls-bar').hidden = !options.controls;
  syncStateWithCursor(store, (message) => say(message));

  const ready = await engine.ready;
  if (!ready.ok) {
    say(`Could not load the refscope engine (WebAssembly): ${ready.error.message}`);
    return;
  }
  const run = async () => {
    status.textContent = 'Running…';
    store.setBusy(true, 'Running…');
    const answer = await engine.run({
      source: editor?.getSource() ?? scenario.code, profile: scenario.profile, stdin: scenario.stdin,
      max_steps: 1_000_000, filename: 'main.py',
    });
    store.setBusy(false);
    if (!answer.ok) {
      status.textContent = '';
      output?.showMessage(`The engine could not run the program: ${answer.error.message}`, 'error');
      return false;
    }
    store.setRun(answer);
    status.textContent = `${answer.steps.toLocaleString('en')} steps`;
    return true;
  };
  if (!(await run())) return;
  store.setCursor(options.step ?? scenario.step, options.step === null ? scenario.instr : 0);
  if (scenario.selected !== null) store.select(scenario.selected, 'link');
  document.body.dataset.ready = '1';
  post({ type: 'ready', steps: store.get().run?.steps ?? 0 });

  store.on('cursor', ({ cursor }) => {
    const run = store.get().run;
    post({ type: 'step', step: cursor.step, line: run?.timeline.line[cursor.step] ?? 0 });
  });
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || window.parent === window) return;   // invariant 2
    const message = parseHostMessage(event.data);
    if (!message) return;
    const current = store.get();
    switch (message.type) {
      case 'goto':
        store.setCursor(message.step);
        break;
      case 'play':
        if (!controls.playing()) controls.togglePlay();
        break;
      case 'pause':
        if (controls.playing()) controls.togglePlay();
        break;
      case 'get_state':
        post({
          type: 'state', id: message.id, step: current.cursor.step, steps: current.run?.steps ?? 0,
          line: current.run?.timeline.line[current.cursor.step] ?? 0, playing: controls.playing(),
          profile: scenario.profile,
        });
        break;
    }
  });
  if (editor) editor.onEdit(() => { status.textContent = 'Edited: press Run again'; });
}

// The host sizes the iframe from these reports (unless it fixed a height with height=N).
let lastHeight = 0;
new ResizeObserver(() => {
  const height = options.height ?? Math.ceil(document.documentElement.scrollHeight);
  if (height !== lastHeight) {
    lastHeight = height;
    post({ type: 'resize', height });
  }
}).observe(document.body);

void start();
