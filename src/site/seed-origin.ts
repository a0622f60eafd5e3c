// What a seed's page tells a reader about where its text came from: the facts its metadata records are shown
// one by one, and what is not known is said once, in a sentence, rather than as a row of "not known"s.
import type { Seed } from '../model/types.ts';

/** "a, b and c", as the site's own sentences are written. */
const listed = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * "This text's outlet, publication date and web address are not known." for the facts the seed's metadata does
 * not record (the headline too when the seed is named by its opening words), or undefined when it records them all.
 */
export function unknownOrigin(seed: Pick<Seed, 'meta' | 'titleFrom'>): string | undefined {
  const { meta, titleFrom } = seed;
  const unnamed = titleFrom === 'opening' || titleFrom === 'id';
  const unknown = [
    ...(unnamed ? ['headline'] : []),
    ...(meta.outlet ? [] : ['outlet']),
    ...(meta.published ? [] : ['publication date']),
    ...(meta.url ? [] : ['web address']),
  ];
  if (unknown.length === 0) return undefined;
  const verb = unknown.length === 1 ? 'is' : 'are';
  const named =
    titleFrom === 'opening' ? '; it is named here by its opening words' : titleFrom === 'id' ? '; it is named here by its file name' : '';
  return `This text’s ${listed.format(unknown)} ${verb} not known${named}.`;
}
