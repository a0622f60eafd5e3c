// Wire copy for the benchmark's `shared-text` corpus: a few agency stories, each reposted by hundreds
// of outlets. A repost keeps the story's paragraphs, sometimes with a sentence or two cut, a sentence
// or two of the outlet's own added, or a paragraph of its own before or after; the outlet's house
// typography is applied by the seed maker (corpus.ts), as for every seed. So most of a repost's
// sentences occur, in other typography, in hundreds of other seeds: every verdict quoting one of them
// has that many appearances, which is the situation `check` must stay linear in.

import { headline, sentence } from './prose.ts';
import type { Random } from './random.ts';

/** Share of seeds that repost a wire story (the rest are the outlet's own reporting). */
export const WIRE_SHARE = 0.7;
/** About how many outlets repost each story, whatever the corpus size: the stories grow with the corpus, not their copies. */
export const COPIES_PER_STORY = 250;

export interface WireStory {
  headline: string;
  /** Canonical sentences, by paragraph. */
  paragraphs: string[][];
}

export interface Repost {
  story: number;
  title: string;
  paragraphs: string[][];
  /** The story's sentences this repost carries unchanged (canonical form). */
  carried: string[];
}

export function storyCount(seeds: number): number {
  return Math.max(1, Math.round((seeds * WIRE_SHARE) / COPIES_PER_STORY));
}

export function wireStories(r: Random, count: number, targetChars: number): WireStory[] {
  const stories: WireStory[] = [];
  for (let s = 0; s < count; s++) {
    const paragraphs: string[][] = [];
    let length = 0;
    while (length < targetChars) {
      const p: string[] = [];
      const sentences = r.int(2, 4);
      for (let j = 0; j < sentences; j++) p.push(sentence(r));
      paragraphs.push(p);
      length += p.join(' ').length + 2;
    }
    stories.push({ headline: headline(r), paragraphs });
  }
  return stories;
}

/** One outlet's repost of one story: the agency text, edited a little as desks do. */
export function repost(r: Random, stories: WireStory[]): Repost {
  const story = r.int(0, stories.length - 1);
  const source = stories[story]!;
  const paragraphs = source.paragraphs.map((p) => [...p]);
  const own = new Set<string>();
  // A sentence or two cut (never a paragraph's last one).
  if (r.chance(0.3)) {
    for (let n = r.int(1, 2); n > 0; n--) {
      const p = paragraphs[r.int(0, paragraphs.length - 1)]!;
      if (p.length > 1) p.splice(r.int(0, p.length - 1), 1);
    }
  }
  // A sentence or two of the outlet's own added inside paragraphs.
  if (r.chance(0.3)) {
    for (let n = r.int(1, 2); n > 0; n--) {
      const p = paragraphs[r.int(0, paragraphs.length - 1)]!;
      const added = sentence(r);
      own.add(added);
      p.splice(r.int(0, p.length), 0, added);
    }
  }
  // A paragraph of local angle before or after the agency text.
  if (r.chance(0.3)) {
    const p = [sentence(r), sentence(r)];
    for (const s of p) own.add(s);
    if (r.chance(0.5)) paragraphs.unshift(p);
    else paragraphs.push(p);
  }
  const carried = paragraphs.flat().filter((s) => !own.has(s));
  return { story, title: r.chance(0.7) ? source.headline : headline(r), paragraphs, carried };
}
