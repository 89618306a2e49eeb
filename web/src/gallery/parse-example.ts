// gallery/parse-example.ts — a gallery example (examples/gallery/NN-slug.py) read from its header.
//
// Format version 1 (examples/README.md): comment lines at the top of the program,
//   # title: …        exactly one
//   # about: …        one or more, joined with spaces
//   # profile: P      optional, 3.11 or classic (default 3.11)
//   # compare: P      optional, a profile worth comparing with
//   # pause: L | …    optional, repeatable: stop before line L runs, show the note
// The header ends at the first other line. The program is the whole file, header included, so
// line numbers in pauses and tracebacks are the file's own.
//
// Invariants:
//   1. parseExample returns an example whose pauses point at code lines after the header, or
//      throws an Error naming the file and the problem.
export interface Pause {
  line: number;
  note: string;
}

export interface GalleryExample {
  id: string;
  title: string;
  about: string;
  profile: '3.11' | 'classic';
  compare: '3.11' | 'classic' | null;
  pauses: Pause[];
  source: string;
}

const HEADER = /^# (title|about|profile|compare|pause): ?(.*)$/;

function profileOf(value: string, file: string): '3.11' | 'classic' {
  if (value === '3.11' || value === 'classic') return value;
  throw new Error(`${file}: unknown profile "${value}"`);
}

export function parseExample(file: string, source: string): GalleryExample {
  const lines = source.split('\n');
  const fields: Record<string, string[]> = { title: [], about: [], profile: [], compare: [], pause: [] };
  let end = 0;
  for (; end < lines.length; end++) {
    const match = HEADER.exec(lines[end]);
    if (!match) break;
    fields[match[1]].push(match[2].trim());
  }
  if (fields.title.length !== 1 || !fields.title[0]) throw new Error(`${file}: needs exactly one title`);
  if (fields.about.length === 0) throw new Error(`${file}: needs an explanation (about)`);
  const pauses = fields.pause.map((text) => {
    const match = /^(\d+) \| (.+)$/.exec(text);
    if (!match) throw new Error(`${file}: a pause is "LINE | NOTE", not "${text}"`);
    const line = Number(match[1]);
    const code = (lines[line - 1] ?? '').trim();
    if (line <= end || line > lines.length || code === '' || code.startsWith('#')) {
      throw new Error(`${file}: pause line ${line} is not a line of code`);
    }
    return { line, note: match[2] };
  });
  return {
    id: file.replace(/^.*\//, '').replace(/\.py$/, ''),
    title: fields.title[0],
    about: fields.about.join(' '),
    profile: fields.profile.length > 0 ? profileOf(fields.profile[0], file) : '3.11',
    compare: fields.compare.length > 0 ? profileOf(fields.compare[0], file) : null,
    pauses,
    source,
  };
}

/**
 * The step of each pause: the first step at or after `from` whose line is the pause's line,
 * searching from the previous pause's step on (pauses are listed in execution order). A pause
 * whose line never runs gets null.
 */
export function pauseSteps(pauses: Pause[], lineAt: ArrayLike<number>): (number | null)[] {
  const steps: (number | null)[] = [];
  let from = 0;
  for (const pause of pauses) {
    let found: number | null = null;
    for (let s = from; s < lineAt.length; s++) {
      if (lineAt[s] === pause.line) {
        found = s;
        break;
      }
    }
    steps.push(found);
    if (found !== null) from = found;
  }
  return steps;
}
