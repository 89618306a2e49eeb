// embed/player-element.ts — <refscope-player>, the script-tag way to embed a player.
//
//   <script type="module" src="https://example.org/refscope/player.js"></script>
//   <refscope-player profile="3.11" step="4" panels="frames,output" readonly height="420">
//   a = [1, 2, 3]
//   b = a
//   </refscope-player>
//
// The element turns its text (the program; or the `code` attribute) and its attributes into an
// embed URL (embed.html?OPTIONS#s1.SCENARIO, see embed-options.ts and share/link-codec.ts) and
// shows that page in an iframe, which grows to the height the player reports (protocol.ts).
// `embed` names the embed page (default: embed.html next to this script). Its methods goto(),
// play(), pause() and getState() forward to the player.
//
// Invariants:
//   1. The program text is only ever placed in the scenario, never into the host page's markup.
//   2. Messages are accepted only from this element's own iframe window.
import { defaultScenario, PANEL_NAMES, type PanelName, type ProfileName } from '../share/scenario';
import { encodeScenario } from '../share/link-codec';
import { formatEmbedOptions, type Theme } from './embed-options';
import { envelope, type HostMessage, parsePlayerMessage, type PlayerMessage } from './protocol';

// The embed page sits next to player.js in the build (vite.config.js names both).
const DEFAULT_EMBED = new URL(/* @vite-ignore */ 'embed.html', import.meta.url).href;

/** Common leading whitespace removed, so an indented program in HTML runs as written. */
export function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut)).join('\n') + '\n';
}

export class RefscopePlayer extends HTMLElement {
  static observedAttributes = ['code', 'profile', 'step', 'panels', 'readonly', 'theme', 'height', 'embed'];

  private frame: HTMLIFrameElement | null = null;
  private pending = new Map<string, (message: PlayerMessage) => void>();
  private nextId = 1;
  private program: string | null = null;
  private readonly onMessage = (event: MessageEvent) => {
    if (!this.frame || event.source !== this.frame.contentWindow) return;   // invariant 2
    const message = parsePlayerMessage(event.data);
    if (!message) return;
    if (message.type === 'resize' && !this.hasAttribute('height')) {
      this.frame.style.height = `${Math.min(Math.max(message.height, 120), 4000)}px`;
    }
    if ((message.type === 'state' || message.type === 'error') && message.id !== null) {
      this.pending.get(String(message.id))?.(message);
      this.pending.delete(String(message.id));
    }
    this.dispatchEvent(new CustomEvent(`refscope-${message.type}`, { detail: message }));
  };

  connectedCallback(): void {
    this.program ??= this.getAttribute('code') ?? dedent(this.textContent ?? '');
    this.textContent = '';
    this.frame = document.createElement('iframe');
    this.frame.title = this.getAttribute('title') ?? 'refscope player: a Python program, step by step';
    this.frame.style.cssText = 'width:100%;border:1px solid #8888;border-radius:6px;display:block;';
    this.frame.style.height = `${Number(this.getAttribute('height')) || 480}px`;
    this.appendChild(this.frame);
    window.addEventListener('message', this.onMessage);
    void this.load();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
    this.frame = null;
  }

  attributeChangedCallback(): void {
    if (this.frame) void this.load();
  }

  /** The embed URL for the element's program and attributes. */
  async embedUrl(): Promise<string> {
    const scenario = defaultScenario(this.program ?? this.getAttribute('code') ?? '');
    const profile = this.getAttribute('profile');
    if (profile === '3.11' || profile === 'classic') scenario.profile = profile as ProfileName;
    const panels = (this.getAttribute('panels') ?? '').split(',').map((p) => p.trim())
      .filter((p): p is PanelName => PANEL_NAMES.includes(p as PanelName));
    const step = Number(this.getAttribute('step') ?? '0');
    const theme = this.getAttribute('theme');
    const query = formatEmbedOptions({
      panels: panels.length > 0 ? panels : null,
      step: Number.isInteger(step) && step > 0 ? step : null,
      readonly: this.hasAttribute('readonly'),
      theme: theme === 'light' || theme === 'dark' ? (theme as Theme) : 'auto',
      height: Number(this.getAttribute('height')) || null,
    });
    const page = new URL(this.getAttribute('embed') ?? DEFAULT_EMBED, document.baseURI);
    return `${page.href.replace(/[?#].*$/, '')}${query}#${await encodeScenario(scenario)}`;
  }

  private async load(): Promise<void> {
    const url = await this.embedUrl();
    if (this.frame && this.frame.src !== url) this.frame.src = url;
  }

  private send(message: HostMessage): void {
    this.frame?.contentWindow?.postMessage(envelope(message), '*');
  }

  goto(step: number): void { this.send({ type: 'goto', step }); }
  play(): void { this.send({ type: 'play' }); }
  pause(): void { this.send({ type: 'pause' }); }

  /** The player's state (step, steps, line, playing, profile). */
  getState(): Promise<PlayerMessage> {
    const id = `q${this.nextId++}`;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'get_state', id });
    });
  }
}

if (!customElements.get('refscope-player')) customElements.define('refscope-player', RefscopePlayer);
