// The gallery's examples (examples/gallery/*.py) carry a well-formed header (examples/README.md),
// read by the page's own parser (web/src/gallery/parse-example.ts): a title, an explanation, a
// known profile, and pauses that point at lines of code. Whether each program prints what python3
// prints is the differential suite's job (tests/differential/run.mjs runs the gallery too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { loadTs, closeTs } from './load-ts.mjs';

const gallery = new URL('../../examples/gallery/', import.meta.url);
const files = readdirSync(gallery).filter((file) => file.endsWith('.py')).sort();
let parser;

before(async () => { parser = await loadTs('/src/gallery/parse-example.ts'); });
after(closeTs);

test('the gallery has the examples the page lists', () => {
  assert.ok(files.length >= 19, `only ${files.length} examples`);
  for (const file of files) assert.match(file, /^\d\d-[a-z0-9-]+\.py$/, file);
});

test('every gallery example has a title, an explanation and pauses on code lines', () => {
  for (const file of files) {
    const example = parser.parseExample(file, readFileSync(new URL(file, gallery), 'utf8'));
    assert.ok(example.title.length > 5, `${file}: a title that says something`);
    assert.ok(example.about.length > 80, `${file}: an explanation of a few lines`);
    assert.ok(['3.11', 'classic'].includes(example.profile), file);
  }
});

test('malformed headers are refused with the file and the problem', () => {
  const body = '# title: T\n# about: a b c\n# pause: 4 | look\nx = 1\n';
  assert.equal(parser.parseExample('a.py', body).pauses[0].line, 4);
  assert.throws(() => parser.parseExample('b.py', '# about: x\nx = 1\n'), /b\.py: needs exactly one title/);
  assert.throws(() => parser.parseExample('c.py', body.replace('pause: 4', 'pause: 2')), /pause line 2 is not a line of code/);
  assert.throws(() => parser.parseExample('d.py', body.replace('pause: 4 | look', 'pause: four')), /LINE \| NOTE/);
  assert.throws(() => parser.parseExample('e.py', '# title: T\n# about: a\n# profile: pypy\n'), /unknown profile/);
});

test('pauses map to the first step of their line after the previous pause', () => {
  const lineAt = [1, 2, 5, 6, 5, 6, 7, 0];
  const pauses = [{ line: 6, note: 'a' }, { line: 5, note: 'b' }, { line: 9, note: 'never' }];
  assert.deepEqual(parser.pauseSteps(pauses, lineAt), [3, 4, null]);
});
