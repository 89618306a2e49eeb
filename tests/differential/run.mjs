// tests/differential/run.mjs — the differential suite: every program under programs/ and every
// example of the gallery (examples/gallery/) runs under `python3` and under
// `build/native/refscope run`, and the two must agree on stdout, exit status and the last
// non-empty line of stderr (the `ExcType: message` line of an uncaught exception).
//
// Until the CLI supports `run` (probed once, below), each test instead checks that the program is
// a usable differential program: python3 gives identical stdout, stderr and status on two runs,
// and the status is 0 unless the file name starts with `error_`.
//
// Environment:
//   REFSCOPE_DIFF_FILTER  run only programs whose path (e.g. `gc_cycles/two_lists.py`) contains it
//   REFSCOPE_DIFF_JOBS    programs run at the same time (default 2)
//   REFSCOPE_DIFF_BIN     the refscope executable (default build/native/refscope)
//
// Each program runs with cwd = its folder, its file name as the only argument, stdin from the
// sibling `<name>.stdin` (empty otherwise), PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1,
// PYTHONIOENCODING=utf-8 and no other PYTHON* variable; it is killed after 20 s.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync,
  statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..', '..');
const PROGRAMS_DIR = join(HERE, 'programs');
const GALLERY_DIR = join(REPO_ROOT, 'examples', 'gallery');
const TIMEOUT_MS = 20_000;
const JOBS = Math.max(1, Number.parseInt(process.env.REFSCOPE_DIFF_JOBS ?? '2', 10) || 2);
const FILTER = process.env.REFSCOPE_DIFF_FILTER ?? '';
const CLI = resolve(REPO_ROOT, process.env.REFSCOPE_DIFF_BIN ?? join('build', 'native', 'refscope'));

/** The environment every program sees: the caller's, minus PYTHON* variables, plus ours. */
function programEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PYTHON')) env[key] = value;
  }
  env.PYTHONHASHSEED = '0';
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONIOENCODING = 'utf-8';
  return env;
}
const ENV = programEnv();

/**
 * Runs `command args` in `cwd` with `input` (a Buffer, or null for an empty stdin).
 * Resolves to { stdout, stderr, status, timedOut }; status is the exit code, or 128 + signal.
 */
function runProcess(command, args, cwd, input) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, TIMEOUT_MS);
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.stdin.on('error', () => {}); // the program may exit without reading its input
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveRun({ stdout: '', stderr: String(error), status: -1, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const status = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
      resolveRun({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        status,
        timedOut,
      });
    });
    child.stdin.end(input ?? undefined);
  });
}

/** The last non-empty line of a stderr text, without trailing white space ('' if none). */
function lastLine(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line !== '');
  return lines.length > 0 ? lines[lines.length - 1] : '';
}

/**
 * Every programs/<topic>/<name>.py, sorted, as paths relative to programs/ with '/' separators,
 * then the gallery's examples (examples/gallery/<name>.py) as `gallery/<name>.py`.
 */
function findPrograms() {
  const found = [];
  for (const topic of readdirSync(PROGRAMS_DIR).sort()) {
    const topicDir = join(PROGRAMS_DIR, topic);
    if (!statSync(topicDir).isDirectory()) continue;
    for (const file of readdirSync(topicDir).sort()) {
      if (file.endsWith('.py')) found.push(relative(PROGRAMS_DIR, join(topicDir, file)).split(sep).join('/'));
    }
  }
  for (const file of readdirSync(GALLERY_DIR).sort()) {
    if (file.endsWith('.py')) found.push(`gallery/${file}`);
  }
  return found;
}

/** The file of a program named as findPrograms() names it. */
function programFile(program) {
  const parts = program.split('/');
  return parts[0] === 'gallery' ? join(GALLERY_DIR, ...parts.slice(1)) : join(PROGRAMS_DIR, ...parts);
}

/** Runs one program (relative path) with python3 or the CLI. */
function runProgram(program, which) {
  const file = programFile(program);
  const stdinFile = file.replace(/\.py$/, '.stdin');
  const input = existsSync(stdinFile) ? readFileSync(stdinFile) : null;
  const cwd = dirname(file);
  const name = basename(file);
  return which === 'python3'
    ? runProcess('python3', [name], cwd, input)
    : runProcess(CLI, ['run', name], cwd, input);
}

/** True when the CLI exists and `refscope run` of a trivial program behaves like python3. */
async function cliSupportsRun() {
  try {
    accessSync(CLI, constants.X_OK);
  } catch {
    return false;
  }
  const dir = mkdtempSync(join(tmpdir(), 'refscope-diff-probe-'));
  try {
    writeFileSync(join(dir, 'probe.py'), 'x = [6, 7]\nprint("refscope probe", x[0] * x[1])\n');
    const result = await runProcess(CLI, ['run', 'probe.py'], dir, null);
    return result.status === 0 && result.stdout === 'refscope probe 42\n';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describeResult(label, result) {
  return `${label}: status ${result.status}${result.timedOut ? ' (timed out after 20 s)' : ''}\n`
    + `--- stdout ---\n${result.stdout}--- stderr ---\n${result.stderr}`;
}

/** python3 must end with status 0, or (for error_ programs) with an uncaught exception. */
function assertExpectedStatus(program, result) {
  assert.ok(!result.timedOut, describeResult('python3', result));
  if (basename(program).startsWith('error_')) {
    assert.equal(result.status, 1,
      `${program}: an error_ program must end with an uncaught exception\n${describeResult('python3', result)}`);
    assert.notEqual(lastLine(result.stderr), '', `${program}: no exception line on stderr`);
  } else {
    assert.equal(result.status, 0, `${program}: python3 failed\n${describeResult('python3', result)}`);
  }
}

/**
 * Programs `refscope run` does not reproduce yet, from known-differences.txt (`path  # reason`
 * per line). In differential mode they still run, as node:test `todo` tests: a difference is
 * reported with its reason and counted under "todo" in the summary instead of failing the run.
 */
function knownDifferences() {
  const file = join(HERE, 'known-differences.txt');
  const known = new Map();
  if (!existsSync(file)) return known;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const hash = line.indexOf('#');
    const path = (hash < 0 ? line : line.slice(0, hash)).trim();
    known.set(path, hash < 0 ? 'known difference' : line.slice(hash + 1).trim());
  }
  return known;
}

const programs = findPrograms().filter((program) => program.includes(FILTER));
const known = knownDifferences();
const differential = await cliSupportsRun();
const mode = differential ? 'python3 vs refscope run' : 'python3 determinism (refscope run not available)';

describe(`differential programs: ${mode}`, { concurrency: JOBS }, () => {
  it('finds programs to run', () => {
    assert.ok(programs.length > 0, `no program matches REFSCOPE_DIFF_FILTER=${JSON.stringify(FILTER)}`);
    const all = new Set(findPrograms());
    for (const path of known.keys()) {
      assert.ok(all.has(path), `known-differences.txt names ${path}, which does not exist`);
    }
  });

  for (const program of programs) {
    const todo = differential && known.has(program) ? known.get(program) : false;
    it(program, { timeout: 3 * TIMEOUT_MS + 5_000, todo }, async () => {
      const expected = await runProgram(program, 'python3');
      assertExpectedStatus(program, expected);
      if (differential) {
        const actual = await runProgram(program, 'refscope');
        assert.ok(!actual.timedOut, describeResult('refscope run', actual));
        assert.equal(actual.stdout, expected.stdout, `${program}: stdout differs`);
        assert.equal(actual.status, expected.status,
          `${program}: exit status differs\n${describeResult('refscope run', actual)}`);
        assert.equal(lastLine(actual.stderr), lastLine(expected.stderr),
          `${program}: last stderr line differs`);
      } else {
        const again = await runProgram(program, 'python3');
        assert.equal(again.stdout, expected.stdout, `${program}: stdout differs between two runs`);
        assert.equal(again.stderr, expected.stderr, `${program}: stderr differs between two runs`);
        assert.equal(again.status, expected.status, `${program}: status differs between two runs`);
      }
    });
  }
});
