// The panels' pure logic under Node, loaded through Vite's module runner (the TypeScript sources
// as they are, no build): the arena map's and the pool's hit-testing by arithmetic, and the
// collector's per-object phase table. No browser needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server;
let arenaMap;
let poolBlocks;
let collectorData;
let poolDetail;

before(async () => {
  server = await createServer({
    configFile: `${root}/vite.config.js`,
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'warn',
  });
  arenaMap = await server.ssrLoadModule('/src/panels/allocator/arena-map-layout.ts');
  poolBlocks = await server.ssrLoadModule('/src/panels/allocator/pool-blocks-layout.ts');
  collectorData = await server.ssrLoadModule('/src/panels/collector/collector-data.ts');
  poolDetail = await server.ssrLoadModule('/src/panels/allocator/pool-detail-text.ts');
});

after(async () => {
  await server?.close();
});

test('arena map: the centre of every tile hits that pool; gaps and captions hit nothing', () => {
  const arenas = [{ index: 0, ntotalpools: 63 }, { index: 3, ntotalpools: 64 }, { index: 5, ntotalpools: 64 }];
  for (const width of [300, 700, 1400]) {
    const layout = arenaMap.layoutArenaMap(arenas, width);
    arenas.forEach((arena, order) => {
      for (let pool = 0; pool < arena.ntotalpools; pool += 1) {
        const r = arenaMap.tileRect(layout, order, pool);
        assert.deepEqual(arenaMap.tileAt(layout, r.x + r.w / 2, r.y + r.h / 2), { arena: arena.index, pool });
        assert.equal(arenaMap.tileAt(layout, r.x + r.w + layout.gap / 2, r.y + 1), null, 'the gap right of a tile');
        assert.ok(r.x + r.w <= layout.width && r.y + r.h <= layout.height, 'tiles lie inside the canvas');
      }
    });
    const origin = arenaMap.arenaOrigin(layout, 0);
    assert.equal(arenaMap.tileAt(layout, origin.x + 2, origin.y + 2), null, 'the caption');
    const missing = arenaMap.tileRect(layout, 0, 63);          // arena 0 has 63 usable pools
    assert.equal(arenaMap.tileAt(layout, missing.x + 2, missing.y + 2), null, 'past ntotalpools');
  }
});

test('arena map: many arenas get small tiles without labels, a few get labelled ones', () => {
  assert.ok(arenaMap.tileSizeFor(1) >= arenaMap.LABEL_MIN_TILE);
  assert.ok(arenaMap.tileSizeFor(16) < arenaMap.LABEL_MIN_TILE);
});

test('pool blocks: every block of a 1,021-block and a 31-block pool is hit at its centre', () => {
  for (const count of [1021, 31]) {
    const layout = poolBlocks.layoutPoolBlocks(count);
    for (let block = 0; block < count; block += 1) {
      const r = poolBlocks.cellRect(layout, block);
      assert.equal(poolBlocks.blockAt(layout, r.x + r.w / 2, r.y + r.h / 2), block);
    }
    const last = poolBlocks.cellRect(layout, count - 1);
    assert.equal(poolBlocks.blockAt(layout, last.x + last.w + layout.gap + 1, last.y + 1), null, 'past the last block');
  }
});

test('free list text: head first, long chains shortened with a count', () => {
  assert.match(poolDetail.chainText([]), /^Free list: empty/);
  assert.equal(poolDetail.chainText([5, 3]), 'Free list, head first (2 blocks): freeblock → 5 → 3');
  const long = Array.from({ length: 100 }, (_, i) => 99 - i);
  assert.match(poolDetail.chainText(long), /^Free list, head first \(100 blocks; the line above follows the first 48\): freeblock → 99 → 98 .* → 76 → … \(76 more\)$/);
  assert.equal(poolDetail.addHex('0x7ffff7b04000', 48 + 2 * 32), '0x7ffff7b04070');
});

test('collection table: gc_refs per phase, unreachable entries as ids or pairs, fate from the last unreachable set', () => {
  const rows = collectorData.objectRows({
    generation: 0, step: 4, collected: 2, uncollectable: 0,
    phases: [
      { phase: 'update_refs', young: [[10, 1], [11, 1], [12, 2]], unreachable: [], affected: [10, 11, 12] },
      { phase: 'subtract_refs', young: [[10, 0], [11, 0], [12, 1]], unreachable: [], affected: [10, 11, 12] },
      { phase: 'move_unreachable', young: [[12, 1]], unreachable: [[10, 0], 11], affected: [10, 11] },
      { phase: 'done', young: [], unreachable: [], affected: [] },
    ],
  });
  assert.deepEqual(rows.map((r) => r.id), [10, 11, 12]);
  assert.deepEqual(rows.map((r) => r.fate), ['freed', 'freed', 'survived']);
  assert.deepEqual(rows[0].cells, [
    { gcRefs: 1, unreachable: false, affected: true },
    { gcRefs: 0, unreachable: false, affected: true },
    { gcRefs: 0, unreachable: true, affected: true },
    null,
  ]);
  assert.deepEqual(rows[1].cells[2], { gcRefs: null, unreachable: true, affected: true });
  assert.deepEqual(rows[2].cells[2], { gcRefs: 1, unreachable: false, affected: false });
});
