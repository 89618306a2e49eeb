// The gallery's examples (examples/gallery/*.py) carry a well-formed header (examples/README.md):
// a title, an explanation, a known profile, and pauses that point at lines of code, in the order
// the program reaches them. Whether each program prints what python3 prints is the differential
// suite's job (tests/differential/run.mjs runs the gallery too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const gallery = new URL('../../examples/gallery/', import.meta.url);
const PROFILES = new Set(['3.11', 'classic']);
const HEADER = /^# (title|about|profile|compare|pause): ?(.*)$/;

/** The header fields of an example and its lines. */
function parse(text) {
  const lines = text.split('\n');
  const header = { title: [], about: [], profile: [], compare: [], pause: [] };
  let end = 0;
  for (; end < lines.length; end++) {
    const match = HEADER.exec(lines[end]);
    if (!match) break;
    header[match[1]].push(match[2]);
  }
  return { header, lines, end };
}

const files = readdirSync(gallery).filter((file) => file.endsWith('.py')).sort();

test('the gallery has the examples the page lists', () => {
  assert.ok(files.length >= 19, `only ${files.length} examples`);
  for (const file of files) assert.match(file, /^\d\d-[a-z0-9-]+\.py$/, file);
});

for (const file of files) {
  test(`gallery example ${file} has a valid header`, () => {
    const { header, lines, end } = parse(readFileSync(new URL(file, gallery), 'utf8'));
    assert.equal(header.title.length, 1, 'exactly one title');
    assert.ok(header.title[0].length > 5, 'a title that says something');
    assert.ok(header.about.join(' ').length > 80, 'an explanation of a few lines');
    for (const profile of [...header.profile, ...header.compare]) {
      assert.ok(PROFILES.has(profile), `unknown profile ${profile}`);
    }
    for (const pause of header.pause) {
      const match = /^(\d+) \| (.+)$/.exec(pause);
      assert.ok(match, `pause "${pause}" is "LINE | NOTE"`);
      const line = Number(match[1]);
      assert.ok(line > end && line <= lines.length, `pause line ${line} is inside the program`);
      const code = lines[line - 1].trim();
      assert.ok(code !== '' && !code.startsWith('#'), `pause line ${line} is code, not "${code}"`);
    }
  });
}
