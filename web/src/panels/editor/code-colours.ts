// Syntax colours of the editor, through the theme's CSS variables, so that light and dark both
// stay readable (CodeMirror's default palette is for light backgrounds only).
// Invariant: every colour here is a var(--rs-code-…) defined for both themes in theme.css.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';

const style = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--rs-code-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--rs-code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--rs-code-number)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--rs-muted)', fontStyle: 'italic' },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: 'var(--rs-code-def)' },
  { tag: [tags.self, tags.standard(tags.variableName)], color: 'var(--rs-code-def)' },
]);

export function codeColours(): Extension {
  return syntaxHighlighting(style);
}
