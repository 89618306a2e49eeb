// Vite serves and builds the front end in web/; the build goes to dist/ at the repository root.
// core.mjs needs nothing special: Vite follows its `new URL("core.wasm", import.meta.url)`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The page, the embedded player, the <refscope-player> script, and the allocator/collector
    // panels' own demo and test page.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        'panels-demo': fileURLToPath(new URL('./web/panels-demo.html', import.meta.url)),
        embed: fileURLToPath(new URL('./web/embed.html', import.meta.url)),
        // <refscope-player> (docs/embedding.md): a script with a fixed name, next to embed.html.
        player: fileURLToPath(new URL('./web/src/embed/player-element.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'player' ? 'player.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  // The engine worker imports the wasm module: an ES module worker keeps that import as is.
  worker: {
    format: 'es',
  },
  preview: {
    host: '127.0.0.1',
  },
});
