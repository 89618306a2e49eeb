// share/program-url.ts — open a program from the URL of a raw .py file (a course repository,
// a gist): `index.html?py=https://…/lesson.py`.
//
// The file is fetched by the browser (so the server must allow cross-origin reads, as raw
// file hosts do), read as UTF-8 text, and becomes the editor's program; nothing else from it
// is used. Every way this can fail ends in a ProgramUrlError whose message says what
// happened and names the URL.
//
// Invariants:
//   1. Only http: and https: URLs are fetched (no javascript:, data:, file:).
//   2. At most MAX_PROGRAM_BYTES are read; a larger file is refused, not truncated.
//   3. A fetch that takes longer than the timeout is aborted.
export const MAX_PROGRAM_BYTES = 200_000;
const TIMEOUT_MS = 15_000;

export class ProgramUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgramUrlError';
  }
}

/** The URL's text as a program, or a ProgramUrlError. `base` resolves relative URLs. */
export async function fetchProgram(address: string, base?: string,
                                   fetchImpl: typeof fetch = fetch): Promise<string> {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new ProgramUrlError(`"${address.slice(0, 200)}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProgramUrlError(`Only http and https addresses can be opened, not ${url.protocol}`);
  }
  const shown = url.href.slice(0, 200);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url.href, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    } catch {
      throw new ProgramUrlError(controller.signal.aborted
        ? `${shown} did not answer within ${TIMEOUT_MS / 1000} seconds.`
        : `${shown} could not be fetched (offline, or the server does not allow other sites to read it).`);
    }
    if (!response.ok) throw new ProgramUrlError(`${shown} answered ${response.status} ${response.statusText}.`.trim());
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_PROGRAM_BYTES) throw tooLarge(shown);
    const bytes = await readLimited(response, shown);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new ProgramUrlError(`${shown} is not UTF-8 text.`);
    }
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(shown: string): ProgramUrlError {
  return new ProgramUrlError(`${shown} is larger than ${MAX_PROGRAM_BYTES / 1000} kB; refscope opens small programs.`);
}

async function readLimited(response: Response, shown: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_PROGRAM_BYTES) {
      await reader.cancel();
      throw tooLarge(shown);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
