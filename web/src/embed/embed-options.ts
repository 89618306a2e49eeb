// embed/embed-options.ts — the options of an embedded player, read from embed.html's query.
//
// An embed URL is `embed.html?OPTIONS#s1.SCENARIO`: the fragment carries the scenario exactly as
// a share link does (share/link-codec.ts); the query carries how the player looks:
//   panels=frames,output      which panels to show (default: the scenario's own)
//   step=12                   the step to open at (default: the scenario's)
//   readonly=1                the code cannot be edited (default: editable)
//   theme=light|dark|auto     colour theme (default: auto, following the host's preference)
//   height=480                the iframe height the player asks for, in CSS pixels (120–4000);
//                             without it the player asks for the height of its content
//   controls=0                hide the step controls (for a player driven by messages)
//
// Invariants:
//   1. parseEmbedOptions never throws: an unknown or malformed option is reported in
//      `problems` (shown by the player as a notice) and its default is used.
//   2. Option values are only ever compared against fixed lists or parsed as numbers; none is
//      inserted into the page as markup.
import { PANEL_NAMES, type PanelName } from '../share/scenario';

export type Theme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  panels: PanelName[] | null;
  step: number | null;
  readonly: boolean;
  theme: Theme;
  height: number | null;
  controls: boolean;
  problems: string[];
}

const KNOWN = new Set(['panels', 'step', 'readonly', 'theme', 'height', 'controls']);

function flag(value: string, name: string, problems: string[], fallback: boolean): boolean {
  if (value === '1' || value === 'true' || value === '') return true;
  if (value === '0' || value === 'false') return false;
  problems.push(`${name} should be 1 or 0`);
  return fallback;
}

/** The options of an embed from its query string (with or without the leading '?'). */
export function parseEmbedOptions(query: string): EmbedOptions {
  const options: EmbedOptions = {
    panels: null, step: null, readonly: false, theme: 'auto', height: null, controls: true, problems: [],
  };
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  for (const [name, value] of params) {
    if (!KNOWN.has(name)) {
      options.problems.push(`unknown option "${name.slice(0, 40)}"`);
      continue;
    }
    switch (name) {
      case 'panels': {
        const names = value.split(',').map((part) => part.trim()).filter(Boolean);
        const bad = names.filter((part) => !PANEL_NAMES.includes(part as PanelName));
        if (bad.length > 0 || names.length === 0) {
          options.problems.push(`panels should be some of: ${PANEL_NAMES.join(', ')}`);
        } else {
          options.panels = [...new Set(names as PanelName[])];
        }
        break;
      }
      case 'step': {
        const step = Number(value);
        if (!Number.isInteger(step) || step < 0) options.problems.push('step should be a whole number');
        else options.step = step;
        break;
      }
      case 'readonly':
        options.readonly = flag(value, 'readonly', options.problems, false);
        break;
      case 'controls':
        options.controls = flag(value, 'controls', options.problems, true);
        break;
      case 'theme':
        if (value === 'light' || value === 'dark' || value === 'auto') options.theme = value;
        else options.problems.push('theme should be light, dark or auto');
        break;
      case 'height': {
        const height = Number(value);
        if (!Number.isInteger(height) || height < 120 || height > 4000) {
          options.problems.push('height should be a whole number of pixels from 120 to 4000');
        } else {
          options.height = height;
        }
        break;
      }
    }
  }
  return options;
}

/** The query string for `options` (only what differs from the defaults). */
export function formatEmbedOptions(options: Partial<EmbedOptions>): string {
  const params = new URLSearchParams();
  if (options.panels) params.set('panels', options.panels.join(','));
  if (options.step !== undefined && options.step !== null) params.set('step', String(options.step));
  if (options.readonly) params.set('readonly', '1');
  if (options.theme && options.theme !== 'auto') params.set('theme', options.theme);
  if (options.height) params.set('height', String(options.height));
  if (options.controls === false) params.set('controls', '0');
  const text = params.toString();
  return text ? `?${text}` : '';
}
