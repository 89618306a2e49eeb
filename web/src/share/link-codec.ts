// share/link-codec.ts — a scenario in a URL fragment and back, with no server.
//
// Format 1 of the fragment: `#s1.` followed by the scenario's JSON, compressed with raw
// DEFLATE (the browser's CompressionStream) and written in base64url without padding. The
// `s1.` prefix names the encoding; the JSON inside carries the scenario's own version `v`
// (scenario.ts), so both can evolve and old links keep opening.
//
// Invariants:
//   1. decodeFragment(encodeScenario(s)) deep-equals s for every valid scenario s.
//   2. decodeFragment never runs or renders what it decodes: it returns a checked Scenario or
//      throws ScenarioError with a message for a person (damaged, truncated, too large,
//      newer format, invalid field).
//   3. Decompression stops at MAX_JSON_BYTES, so a small hostile link cannot expand into
//      gigabytes (a "zip bomb").
import { parseScenario, type Scenario, ScenarioError } from './scenario';

export const FRAGMENT_PREFIX = 's1.';
export const MAX_JSON_BYTES = 1 << 20;
const MAX_FRAGMENT_CHARS = 1 << 20;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ScenarioError('The link is damaged: it contains characters a refscope link never has.');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    throw new ScenarioError('The link is damaged: it was cut or changed.');
  }
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipeBytes(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream,
                         limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ScenarioError(`The link expands to more than ${limit >> 10} KiB; refscope does not open it.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The fragment (without '#') that reopens `scenario`. */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  const compressed = await pipeBytes(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return FRAGMENT_PREFIX + toBase64Url(compressed);
}

/** True when a fragment (with or without '#') looks like a refscope scenario link of any
 *  encoding (`s1.`, or a future `s2.` that decodeFragment refuses with a clear message). */
export function isScenarioFragment(fragment: string): boolean {
  return /^s\d+\./.test(fragment.replace(/^#/, ''));
}

/** The scenario a fragment carries (invariant 2). */
export async function decodeFragment(fragment: string): Promise<Scenario> {
  const body = fragment.replace(/^#/, '');
  const encoding = /^s(\d+)\./.exec(body);
  if (encoding && encoding[1] !== '1') {
    throw new ScenarioError(`The link was made by a newer refscope (link encoding ${encoding[1]}); this page reads encoding 1.`);
  }
  if (!body.startsWith(FRAGMENT_PREFIX)) {
    throw new ScenarioError('This is not a refscope scenario link (it should start with "#s1.").');
  }
  if (body.length > MAX_FRAGMENT_CHARS) throw new ScenarioError('The link is too long to be a refscope link.');
  const compressed = fromBase64Url(body.slice(FRAGMENT_PREFIX.length));
  let json: Uint8Array<ArrayBuffer>;
  try {
    json = await pipeBytes(compressed, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError('The link is damaged: its data does not decompress (was it cut short?).');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ScenarioError('The link is damaged: its data is not a scenario.');
  }
  return parseScenario(decoded);
}
