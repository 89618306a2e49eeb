// The placeholder page: loads the wasm engine, asks it for its version and profiles, shows them.
// Sets <body data-ready="1"> once the engine answered, or <body data-error="1"> and a message
// when it could not be loaded. The browser test waits for these.
import createCore from './wasm/core.mjs';
import type { AllocScenarioInfo, CoreModule, CoreResponse, VersionInfo } from './wasm/core.mjs';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id}`);
  return found as T;
}

/** Sends one request to the engine; a failed request becomes an Error. */
function request<T extends object>(core: CoreModule, body: { cmd: string; [field: string]: unknown }): T {
  const response = JSON.parse(core.call(JSON.stringify(body))) as CoreResponse<T>;
  if (!response.ok) {
    throw new Error(`${response.error.kind} error from "${body.cmd}": ${response.error.message}`);
  }
  return response;
}

function showEngine(info: VersionInfo): void {
  element('version').textContent = info.version;
  const list = element('profiles');
  info.profiles.forEach((profile, index) => {
    const name = document.createElement('dt');
    name.textContent = index === 0 ? `${profile.name} (default)` : profile.name;
    const description = document.createElement('dd');
    description.textContent = profile.description;
    list.append(name, description);
  });
  element('status').hidden = true;
  for (const id of ['engine', 'profiles-heading', 'profiles']) element(id).hidden = false;
}

const floatsScenario = [
  { op: 'malloc', size: 24, count: 10000, name: 'floats' },
  { op: 'free', name: 'floats', every: 2 },
];

function showPymalloc(core: CoreModule, profileName: string): void {
  const answer = request<AllocScenarioInfo>(core, {
    cmd: 'alloc_scenario', profile: profileName, ops: floatsScenario,
  });
  const pools = answer.arenas.reduce((n, arena) => n + arena.pools.length, 0);
  const rows: [string, string][] = [
    ['Arenas', String(answer.stats.arenas_allocated_current)],
    ['Pools carved', String(pools)],
    ['Blocks in use', answer.stats.pymalloc_blocks_in_use.toLocaleString('en')],
    ['Bytes in blocks', answer.stats.pymalloc_bytes_in_use.toLocaleString('en')],
  ];
  const summary = element('pymalloc-summary');
  summary.replaceChildren();
  for (const [label, value] of rows) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    summary.append(term, detail);
  }
  element('pymalloc-stats').textContent = answer.debugmallocstats;
}

function setUpPymalloc(core: CoreModule, info: VersionInfo): void {
  const choice = element<HTMLSelectElement>('profile-choice');
  for (const profile of info.profiles) choice.add(new Option(profile.name, profile.name));
  choice.addEventListener('change', () => {
    try {
      showPymalloc(core, choice.value);
    } catch (error) {
      showError(error);
    }
  });
  showPymalloc(core, choice.value);
  element('pymalloc').hidden = false;
}

function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  element('status').textContent = 'The engine did not start.';
  const box = element('error');
  box.textContent = `Could not load the refscope engine (WebAssembly): ${message}`;
  box.hidden = false;
}

async function start(): Promise<void> {
  try {
    const core = await createCore();
    const info = request<VersionInfo>(core, { cmd: 'version' });
    showEngine(info);
    setUpPymalloc(core, info);
    document.body.dataset.ready = '1';
  } catch (error) {
    console.error(error);
    showError(error);
    document.body.dataset.error = '1';
  }
}

void start();
