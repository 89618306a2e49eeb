// tests/lang/dis.test.mjs — refscope's compiler against CPython's, case by case.
//
// For every tests/lang/cases/*.py, `python3 tests/lang/dis_reference.py FILE` prints CPython
// 3.11's bytecode in a normalized listing and `refscope dis FILE` prints refscope's in the
// same layout; the two must be equal, line for line (instructions, arguments, line numbers,
// constants, names, locals, exception tables).
//
// REFSCOPE_BIN selects the CLI (default build/native/refscope).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const bin = process.env.REFSCOPE_BIN ?? join(root, "build", "native", "refscope");
const casesDir = join(here, "cases");
const cases = readdirSync(casesDir).filter((f) => f.endsWith(".py")).sort();

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
}

test("there are at least 40 cases", () => {
  assert.ok(cases.length >= 40, `only ${cases.length} cases`);
});

for (const name of cases) {
  test(`dis ${name}`, () => {
    const file = join(casesDir, name);
    const expected = run("python3", [join(here, "dis_reference.py"), file]);
    const actual = run(bin, ["dis", file]);
    assert.equal(actual, expected);
  });
}
