// share/scenario.ts — what a share link or an embed carries: the whole scenario, validated.
//
// A scenario is the program and everything needed to reopen the same view: profile, stdin,
// the step and instruction shown, the open panels, the selected object and the breakpoints.
// Links are versioned (`SCENARIO_VERSION`); a link of an older version is migrated forward
// field by field, a link of a newer version is refused with a message that says so.
//
// Invariants:
//   1. parseScenario() returns only scenarios that pass every check below, or throws
//      ScenarioError with a message meant for the person who opened the link.
//   2. No field of a scenario is ever interpreted as HTML by the code that reads it (the page
//      sets text with textContent); the checks here bound sizes and types, not content.
//   3. The JSON keys are snake_case and stable within a version.

export const SCENARIO_VERSION = 1;

/** Panels a scenario may open. */
export const PANEL_NAMES = ['code', 'frames', 'collector', 'allocator', 'output', 'plots'] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

export const PROFILES = ['3.11', 'classic'] as const;
export type ProfileName = (typeof PROFILES)[number];

export interface Scenario {
  v: number;
  code: string;
  profile: ProfileName;
  stdin: string;
  step: number;
  instr: number;
  panels: PanelName[];
  selected: number | null;
  breakpoints: number[];
}

/** Limits that keep a hostile link from exhausting the page. */
export const LIMITS = {
  code_chars: 200_000,
  stdin_chars: 100_000,
  step: 100_000_000,
  breakpoints: 1_000,
} as const;

/** A link that cannot be opened; `message` is shown to the person as it is. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

export function defaultScenario(code = ''): Scenario {
  return {
    v: SCENARIO_VERSION,
    code,
    profile: '3.11',
    stdin: '',
    step: 0,
    instr: 0,
    panels: ['code', 'frames', 'collector', 'allocator', 'output'],
    selected: null,
    breakpoints: [],
  };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(data: Json, key: string, max: number, fallback: string): string {
  const value = data[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new ScenarioError(`The link's "${key}" is not text.`);
  if (value.length > max) {
    throw new ScenarioError(`The link's "${key}" is too long (${value.length} characters; at most ${max}).`);
  }
  return value;
}

function count(data: Json, key: string, max: number, fallback: number): number {
  const value = data[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new ScenarioError(`The link's "${key}" must be a whole number from 0 to ${max}.`);
  }
  return value;
}

// Each entry turns a scenario of version `from` into one of version `from + 1`. Version 1 is
// the first: nothing to migrate yet; a future version 2 adds `1: (data) => ({...data, v: 2})`.
const MIGRATIONS: Record<number, (data: Json) => Json> = {};

/** Brings decoded JSON of any supported version to the current version. */
function migrate(data: Json): Json {
  const version = data.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ScenarioError('The link has no valid format version.');
  }
  if (version > SCENARIO_VERSION) {
    throw new ScenarioError(
      `The link was made by a newer refscope (format ${version}); this page reads formats up to ${SCENARIO_VERSION}.`);
  }
  let current = data;
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new ScenarioError(`Links of format ${v} can no longer be opened.`);
    current = step(current);
  }
  return current;
}

/** Checks decoded JSON and returns the scenario it describes (invariant 1). */
export function parseScenario(decoded: unknown): Scenario {
  if (!isObject(decoded)) throw new ScenarioError('The link does not describe a scenario.');
  const data = migrate(decoded);
  const defaults = defaultScenario();
  const profile = data.profile ?? defaults.profile;
  if (!PROFILES.includes(profile as ProfileName)) {
    throw new ScenarioError(`The link names an unknown profile (${JSON.stringify(profile).slice(0, 40)}).`);
  }
  const panels = data.panels ?? defaults.panels;
  if (!Array.isArray(panels) || panels.length > PANEL_NAMES.length ||
      !panels.every((name) => PANEL_NAMES.includes(name as PanelName))) {
    throw new ScenarioError(`The link's "panels" must be a list of: ${PANEL_NAMES.join(', ')}.`);
  }
  const selected = data.selected ?? null;
  if (selected !== null && (typeof selected !== 'number' || !Number.isInteger(selected) || selected < 0)) {
    throw new ScenarioError('The link\'s "selected" must be an object id or null.');
  }
  const breakpoints = data.breakpoints ?? [];
  if (!Array.isArray(breakpoints) || breakpoints.length > LIMITS.breakpoints ||
      !breakpoints.every((line) => typeof line === 'number' && Number.isInteger(line) && line >= 1)) {
    throw new ScenarioError('The link\'s "breakpoints" must be a list of line numbers.');
  }
  return {
    v: SCENARIO_VERSION,
    code: text(data, 'code', LIMITS.code_chars, ''),
    profile: profile as ProfileName,
    stdin: text(data, 'stdin', LIMITS.stdin_chars, ''),
    step: count(data, 'step', LIMITS.step, 0),
    instr: count(data, 'instr', 10_000, 0),
    panels: [...new Set(panels as PanelName[])],
    selected: selected as number | null,
    breakpoints: [...new Set(breakpoints as number[])].sort((a, b) => a - b),
  };
}
