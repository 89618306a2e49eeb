// app/share-link.ts — "Copy link" and opening the page from a link.
//
// A link is the page's URL with the scenario in its fragment (share/link-codec.ts): the
// program, profile, stdin, the step and instruction shown, the selected object and the
// breakpoints. Opening such a link puts the program in the editor, runs it, and moves to the
// same step with the same object selected. `?py=URL` opens a raw .py file instead
// (share/program-url.ts). A link that cannot be opened shows its message and runs nothing.
//
// Invariants:
//   1. openFromLocation() runs the program only when the whole scenario decoded and validated.
//   2. Messages from links are shown as text (the caller's `message` sets textContent).
import { decodeFragment, encodeScenario, isScenarioFragment } from '../share/link-codec';
import { fetchProgram } from '../share/program-url';
import { defaultScenario, type ProfileName, type Scenario } from '../share/scenario';
import type { Store } from '../state/store';

export interface ScenarioHost {
  source(): string;
  setSource(source: string): void;
  profile(): ProfileName;
  setProfile(profile: ProfileName): void;
  stdin(): string;
  setStdin(stdin: string): void;
  breakpoints(): number[];
  setBreakpoints(lines: number[]): void;
  /** Runs the editor's program; resolves when the trace is current (or the run failed). */
  run(): Promise<void>;
  message(text: string, tone: 'ok' | 'error' | 'warning'): void;
}

/** The scenario the page shows right now. */
export function currentScenario(store: Store, host: ScenarioHost): Scenario {
  const { cursor, selected, run } = store.get();
  return {
    ...defaultScenario(host.source()),
    profile: host.profile(),
    stdin: host.stdin(),
    step: run ? cursor.step : 0,
    instr: run ? cursor.instr : 0,
    selected: run ? selected : null,
    breakpoints: host.breakpoints(),
  };
}

/** The URL that reopens the current scenario (on `page`, default: this page). */
export async function scenarioUrl(store: Store, host: ScenarioHost, page = location.href): Promise<string> {
  const fragment = await encodeScenario(currentScenario(store, host));
  return `${page.replace(/#.*$/, '')}#${fragment}`;
}

/** Puts the link in the address bar and on the clipboard; says so. */
export async function copyLink(store: Store, host: ScenarioHost): Promise<string> {
  const url = await scenarioUrl(store, host);
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    host.message(`Link copied (${url.length.toLocaleString('en')} characters). It holds the whole scenario; no server keeps anything.`, 'ok');
  } catch {
    host.message('The link is in the address bar (the browser did not allow copying it).', 'warning');
  }
  return url;
}

/** Applies a decoded scenario: program, profile, stdin, breakpoints, run, step, selection. */
export async function applyScenario(store: Store, host: ScenarioHost, scenario: Scenario): Promise<void> {
  host.setSource(scenario.code);
  host.setProfile(scenario.profile);
  host.setStdin(scenario.stdin);
  host.setBreakpoints(scenario.breakpoints);
  await host.run();
  if (!store.get().run) return;
  store.setCursor(scenario.step, scenario.instr);
  if (scenario.selected !== null) store.select(scenario.selected, 'link');
}

/**
 * Opens what the page's URL carries, if anything: a scenario fragment or `?py=`. Returns true
 * when something was opened (or refused with a message), false when the URL carries nothing.
 */
export async function openFromLocation(store: Store, host: ScenarioHost): Promise<boolean> {
  const program = new URLSearchParams(location.search).get('py');
  if (isScenarioFragment(location.hash)) {
    let scenario: Scenario;
    try {
      scenario = await decodeFragment(location.hash);
    } catch (error) {
      host.message(`This link cannot be opened. ${(error as Error).message}`, 'error');
      return true;
    }
    await applyScenario(store, host, scenario);
    return true;
  }
  if (program) {
    try {
      const source = await fetchProgram(program, location.href);
      await applyScenario(store, host, { ...defaultScenario(source), profile: host.profile() });
    } catch (error) {
      host.message(`The program could not be opened. ${(error as Error).message}`, 'error');
    }
    return true;
  }
  return false;
}
