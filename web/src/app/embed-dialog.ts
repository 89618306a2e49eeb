// app/embed-dialog.ts — the Embed button's dialog: the snippets that put the current scenario
// in another page, as an iframe or as a <refscope-player> script tag (docs/embedding.md).
//
// Invariants:
//   1. Snippets are shown in read-only text areas (their text, never parsed as markup here).
//   2. The program inside the custom-element snippet is HTML-escaped, so it reads back as text.
import type { Store } from '../state/store';
import { type ScenarioHost, scenarioUrl } from './share-link';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function indent(text: string, prefix: string): string {
  return text.replace(/\n$/, '').split('\n').map((line) => (line ? prefix + line : line)).join('\n');
}

/** The two snippets for the current scenario. */
export async function embedSnippets(store: Store, host: ScenarioHost): Promise<{ iframe: string; script: string }> {
  const page = new URL('embed.html', location.href).href;
  const url = await scenarioUrl(store, host, page);
  const [base, fragment] = url.split('#');
  const step = store.get().cursor.step;
  const iframeSrc = `${base}?panels=code,frames,output${step ? `&step=${step}` : ''}#${fragment}`;
  const iframe = `<iframe src="${escapeHtml(iframeSrc)}"\n        title="refscope player" style="width:100%;height:480px;border:0"></iframe>`;
  const player = new URL('player.js', location.href).href;
  const script = `<script type="module" src="${escapeHtml(player)}"></script>\n` +
    `<refscope-player profile="${host.profile()}"${step ? ` step="${step}"` : ''} panels="code,frames,output">\n` +
    `${indent(escapeHtml(host.source()), '  ')}\n</refscope-player>`;
  return { iframe, script };
}

/** Builds the dialog (once) and returns the function that fills it in and opens it. */
export function embedDialog(store: Store, host: ScenarioHost): () => Promise<void> {
  const dialog = document.createElement('dialog');
  dialog.className = 'rs-embed-dialog';
  dialog.setAttribute('aria-labelledby', 'rs-embed-dialog-title');
  const title = document.createElement('h2');
  title.id = 'rs-embed-dialog-title';
  title.textContent = 'Embed this scenario';
  const areas = ['An iframe', 'Or a script tag'].map((label) => {
    const wrapper = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = label;
    const area = document.createElement('textarea');
    area.readOnly = true;
    area.rows = 5;
    area.spellcheck = false;
    area.addEventListener('focus', () => area.select());
    wrapper.append(caption, area);
    return { wrapper, area };
  });
  const help = document.createElement('p');
  help.textContent = 'The snippets carry the whole program; the player needs no server beyond static files. See docs/embedding.md for the options and the message API.';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, ...areas.map((a) => a.wrapper), help, close);
  document.body.appendChild(dialog);
  return async () => {
    const { iframe, script } = await embedSnippets(store, host);
    areas[0].area.value = iframe;
    areas[1].area.value = script;
    dialog.showModal();
  };
}

export function mountEmbedDialog(button: HTMLButtonElement, store: Store, host: ScenarioHost): void {
  const open = embedDialog(store, host);
  button.addEventListener('click', () => void open());
}
