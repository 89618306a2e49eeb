// scripts/bench-compare.mjs — the wasm/native table of scripts/bench.sh.
//
// Usage: node scripts/bench-compare.mjs DIR, where DIR holds native.R.txt and wasm.R.txt for
// rounds R = 1, 2, ...: what the benchmarks printed in that round. Lines like
//   run loop: 1000001 steps in 0.216 s = 4.63 M ops/s
// are matched across files by the text before the colon. For each line it prints the fastest
// native and wasm figures and the median over rounds of wasm/native, each round's two figures
// taken one right after the other: on a shared machine a binary's speed can change by 1.5x for
// minutes at a time, so only figures measured close together are compared.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/bench-compare.mjs DIR');
  process.exit(2);
}

// { name: { round: M ops/s } } for one build.
function figures(build) {
  const out = new Map();
  for (const file of readdirSync(dir)) {
    const m = file.match(new RegExp(`^${build}\\.(\\d+)\\.txt$`));
    if (!m) continue;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const f = line.match(/^(.+?): .* = ([\d.]+) M ops\/s/);
      if (!f) continue;
      if (!out.has(f[1])) out.set(f[1], new Map());
      out.get(f[1]).set(Number(m[1]), Number(f[2]));
    }
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const native = figures('native');
const wasm = figures('wasm');
if (native.size === 0) {
  console.error('bench-compare: no "M ops/s" lines in the native output');
  process.exit(1);
}
for (const [name, rounds] of native) {
  const best = Math.max(...rounds.values());
  const w = wasm.get(name);
  if (!w) {
    console.log(`${name.padEnd(28)} native ${best.toFixed(2).padStart(8)} M ops/s   wasm: missing`);
    continue;
  }
  const ratios = [...rounds].filter(([r]) => w.has(r)).map(([r, n]) => w.get(r) / n);
  console.log(
    `${name.padEnd(28)} native ${best.toFixed(2).padStart(8)}   wasm ${Math.max(...w.values()).toFixed(2).padStart(8)}` +
      ` M ops/s (fastest)   wasm/native ${median(ratios).toFixed(2)} (median of ${ratios.length}:` +
      ` ${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)})`,
  );
}
