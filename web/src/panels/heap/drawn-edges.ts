// Which references the drawing shows. A learner's picture shows the data a program built, not
// the interpreter's plumbing: functions, classes, modules and code objects are drawn as closed
// cards (their internals — globals, code, mro — are not followed); an instance's link to its
// class, an exception's traceback and context, and a dict's key objects (already named in the
// value's label) are not drawn either. Everything left out is still listed in an object's
// details ("held by").
// Invariant: drawnReferents(o) is a subsequence of o.referents, in order.
import type { HeapObject, Referent } from '../../engine/trace-types';

const CLOSED_TYPES = new Set(['function', 'type', 'module', 'code', 'method', 'builtin_function_or_method', 'frame', 'traceback']);
const HIDDEN_LABELS = new Set(['__class__', '__traceback__', '__context__', '__cause__', '__notes__']);

export function drawnReferents(object: HeapObject): Referent[] {
  if (CLOSED_TYPES.has(object.type)) return [];
  return object.referents.filter((ref) => !HIDDEN_LABELS.has(ref.label) && !ref.label.startsWith('key '));
}
