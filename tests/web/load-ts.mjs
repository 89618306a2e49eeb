// tests/web/load-ts.mjs — imports a front-end TypeScript module into a node test, through Vite's
// own transform (the same one that builds the page), so pure logic (codecs, layout, state) is
// tested without a browser. Paths are relative to web/, e.g. '/src/share/link-codec.ts'.
import { createServer } from 'vite';

let server = null;

/** The module at `path` (web-root-relative); the first call starts a Vite server in middleware mode. */
export async function loadTs(path) {
  server ??= await createServer({
    configFile: new URL('../../vite.config.js', import.meta.url).pathname,
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    logLevel: 'error',
  });
  return server.ssrLoadModule(path);
}

/** Stops the server; call from an `after` hook. */
export async function closeTs() {
  await server?.close();
  server = null;
}
