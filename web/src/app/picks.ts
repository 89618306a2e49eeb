// app/picks.ts — what the example picker offers: the gallery (examples/gallery/, with their
// explanations and pause points) first, then the page's own short examples.
import { GALLERY } from '../gallery/gallery';
import type { GalleryExample } from '../gallery/parse-example';
import type { ProfileName } from '../engine/trace-types';
import { EXAMPLES } from './examples';

export interface Pick {
  id: string;
  title: string;
  source: string;
  stdin: string;
  profile: ProfileName | null;
  gallery: GalleryExample | null;
}

export const PICKS: Pick[] = [
  ...GALLERY.map((g) => ({ id: g.id, title: g.title, source: g.source, stdin: '', profile: g.profile, gallery: g })),
  ...EXAMPLES.map((e) => ({ id: e.id, title: e.title, source: e.source, stdin: e.stdin ?? '', profile: null, gallery: null })),
];
