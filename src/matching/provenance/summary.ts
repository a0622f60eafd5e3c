// What a reader is told about one seed's relation to another, as sentences (the pages print these).
import type { RelationSide } from './relation.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A share as a whole percentage: never "100%" unless all of it, never "0%" unless none. */
export function sharePercent(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  return `${Math.min(99, Math.max(1, Math.round(share * 100)))}%`;
}

export interface SharedTextSummary {
  /** e.g. "96%": printed as "Repeats 96% of <the other seed's title>". */
  repeats: string;
  /** e.g. "word for word; adds 3 passages (316 words); changes 0 words" */
  rest: string;
  /** Differences of writing only, e.g. "19 places differ only in quote marks or dashes, 7 only in spacing"; '' for none. */
  typography: string;
}

export function sharedTextSummary(side: RelationSide): SharedTextSummary {
  const parts = side.relation.parts;
  const own = side.relation.a === side.seed ? 'only-a' : 'only-b';
  const addedWords = parts.filter((p) => p.kind === own).reduce((sum, p) => sum + (own === 'only-a' ? p.wordsA : p.wordsB), 0);
  const rest = [
    'word for word',
    side.adds === 0 ? 'adds nothing' : `adds ${plural(side.adds, 'passage')} (${plural(addedWords, 'word')})`,
    `changes ${plural(side.changedWords, 'word')}`,
  ];
  if (side.omits > 0) rest.push(`leaves out ${plural(side.omits, 'passage')}`);
  const writing = [
    ...(side.typography > 0
      ? [`${plural(side.typography, 'place')} differ${side.typography === 1 ? 's' : ''} only in quote marks or dashes`]
      : []),
    ...(side.spacing > 0 ? [`${plural(side.spacing, 'place')} only in spacing`] : []),
  ];
  let typography = writing.join(', ');
  if (side.typography === 0 && side.spacing > 0)
    typography = `${plural(side.spacing, 'place')} differ${side.spacing === 1 ? 's' : ''} only in spacing`;
  return { repeats: sharePercent(side.repeats), rest: rest.join('; '), typography };
}

/** Which came first, said plainly; never guessed from file names or ids. */
export function orderSentence(side: RelationSide, dates: { own?: string; other?: string }): string {
  if (side.order === 'earlier') return 'This text was published first (by the publication dates of both).';
  if (side.order === 'later') return 'This text was published later (by the publication dates of both).';
  if (dates.own && dates.other) return 'Both were published on the same day, so which came first is open.';
  const missing =
    !dates.own && !dates.other
      ? 'Neither text has a known publication date'
      : !dates.own
        ? 'This text has no known publication date'
        : 'The other text has no known publication date';
  return `${missing}, so which came first is open.`;
}
