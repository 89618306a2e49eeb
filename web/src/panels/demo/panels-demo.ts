// The panels' own demo and test page (web/panels-demo.html): the allocator and collector panels
// mounted on a real Store, fed by DemoEngine (the wasm core on this thread), with a bare step
// slider and a theme switch. `?synthetic=1` forces the stand-in trace of synthetic-trace.ts;
// `?scenario=heavy` is the benchmark's (about 16 arenas of 16-byte blocks); `?step=N` starts there.
// Sets <body data-ready="1"> once the first state is shown (the browser tests wait for it).
import '../../styles/theme.css';
import './panels-demo.css';
import createCore from '../../wasm/core.mjs';
import type { ProfileName } from '../../engine/trace-types';
import { Store } from '../../state/store';
import { mountAllocator } from '../allocator/mount-allocator';
import { mountCollector } from '../collector/mount-collector';
import { DemoEngine } from './demo-engine';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`panels-demo.html has no #${id}`);
  return found as T;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const core = await createCore();
  const engine = new DemoEngine(core, params.get('synthetic') === '1', params.get('scenario') === 'heavy');
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  document.documentElement.dataset.theme = theme;
  byId<HTMLSelectElement>('theme').value = theme;
  const store = new Store(engine, theme);
  mountAllocator(byId('allocator'), store);
  mountCollector(byId('collector'), store);

  const slider = byId<HTMLInputElement>('step');
  const label = byId('step-label');
  store.on('cursor', ({ cursor }) => {
    slider.value = String(cursor.step);
    label.textContent = `step ${cursor.step} of ${store.get().run?.steps ?? 0}`;
    const run = store.get().run;
    if (!run) return;
    void engine.state(run.trace, cursor.step, cursor.instr).then((answer) => {
      store.setState(answer.ok ? answer : null, cursor);
      if (!answer.ok) byId('mode').textContent = `state: ${answer.error.message}`;
      document.body.dataset.ready = '1';
    });
  });
  store.on('theme', ({ theme: t }) => { document.documentElement.dataset.theme = t; });

  const run = async (): Promise<void> => {
    delete document.body.dataset.ready;
    const answer = await engine.run({
      source: byId<HTMLTextAreaElement>('source').value,
      profile: byId<HTMLSelectElement>('profile').value as ProfileName,
      stdin: '', max_steps: 1_000_000,
    });
    if (!answer.ok) {
      byId('mode').textContent = `run: ${answer.error.message}`;
      return;
    }
    byId('mode').textContent = engine.synthetic
      ? 'Stand-in trace: allocator figures are real (alloc_scenario replays), the block layout inside a pool, the objects and the collection are samples until the engine’s trace commands arrive.'
      : `Trace of the program: ${answer.steps} steps.`;
    slider.max = String(answer.steps);
    store.setRun(answer);
    const initial = Number(params.get('step') ?? 0);
    if (initial) store.setCursor(initial);
  };

  byId('run').addEventListener('click', () => void run());
  slider.addEventListener('input', () => store.setCursor(Number(slider.value)));
  byId('prev').addEventListener('click', () => store.setCursor(store.get().cursor.step - 1));
  byId('next').addEventListener('click', () => store.setCursor(store.get().cursor.step + 1));
  byId<HTMLSelectElement>('theme').addEventListener('change', (e) =>
    store.setTheme((e.target as HTMLSelectElement).value === 'dark' ? 'dark' : 'light'));
  byId<HTMLSelectElement>('profile').addEventListener('change', () => void run());
  (window as unknown as { refscopeDemo: unknown }).refscopeDemo = { store, engine };
  await run();
}

start().catch((error: unknown) => {
  console.error(error);
  document.body.dataset.error = '1';
  byId('mode').textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
});
