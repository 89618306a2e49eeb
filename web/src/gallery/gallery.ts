// gallery/gallery.ts — every example of examples/gallery/, bundled into the page at build time
// (Vite reads the .py files as text), parsed and sorted by file name.
import { type GalleryExample, parseExample } from './parse-example';

const files = import.meta.glob('../../../examples/gallery/*.py', { query: '?raw', import: 'default', eager: true }) as
  Record<string, string>;

export const GALLERY: GalleryExample[] = Object.keys(files).sort()
  .map((path) => parseExample(path, files[path]));
